// Private to the schedule-file loaders (schedule_file.cpp, schedule_file_json.cpp,
// schedule_file_csv.cpp): what the JSON and the CSV formats share — the kinds a schedule entry may
// have, and ISO dates for messages and output.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

#include "cchc/calendar.hpp"

namespace cchc::schedule_files {

inline std::string iso(date::year_month_day d) { return date::format("%F", d); }
inline std::string iso(date::sys_days d) { return iso(date::year_month_day{d}); }

// The kind of a schedule entry named `name` (to_string(day_kind) names), or empty when it is unknown or
// is one of the weekly pattern's kinds ("working", "weekly_rest"), which an entry may not have.
[[nodiscard]] std::optional<day_kind> entry_kind(const std::string& name);

// "expected a kind of day (day_off, working_day, …), found '<name>'".
[[nodiscard]] std::string bad_kind_message(const std::string& name);

}  // namespace cchc::schedule_files
