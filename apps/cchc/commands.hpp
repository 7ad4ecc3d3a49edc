// commands.hpp — the registry of cchc commands and helpers shared by them.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include <date/date.h>

#include "cli.hpp"

namespace cchc::cli {

/// Every command compiled into this binary, in the order `cchc help` lists them.
[[nodiscard]] std::vector<const command*> registered_commands();

/// Parses a date argument: YYYY-MM-DD or dd/mm/yyyy (d/m/yyyy accepted). `argument` names the
/// argument for the error message ("DATE", "--period").
[[nodiscard]] date::sys_days parse_date_argument(const std::string& text, const std::string& argument);

/// Parses a non-negative integer argument (no sign, no grouping), at most `max`.
[[nodiscard]] long parse_count_argument(const std::string& text, const std::string& argument, long max);

/// Parses a time of day HH:MM (00:00 … 24:00; one-digit hour accepted). Throws usage_error(argument).
[[nodiscard]] std::chrono::minutes parse_time_argument(const std::string& text, const std::string& argument);
/// "09:05".
[[nodiscard]] std::string format_time(std::chrono::minutes time_of_day);

/// 30/04/2024 (vi) or 2024-04-30 (en).
[[nodiscard]] std::string format_date(date::sys_days d, language lang);
/// 2024-04-30, for json/csv.
[[nodiscard]] std::string iso_date(date::sys_days d);
/// "Thứ Ba" / "Tue".
[[nodiscard]] std::string weekday_name(date::sys_days d, language lang);

}  // namespace cchc::cli
