// calendar_options.hpp — the calendar every command uses: the civil-service calendar shipped with cchc,
// plus the user's schedules (--schedule FILE, repeatable, later files win on the same day).
#pragma once

#include <string>

#include "cchc/calendar.hpp"
#include "cli.hpp"

namespace cchc::cli {

[[nodiscard]] option_spec calendar_schedule_option();
[[nodiscard]] work_calendar calendar_from_options(const arguments& args);

/// "Nghỉ lễ, Tết" / "Public holiday", "Làm bù" / "Make-up working day", …
[[nodiscard]] std::string kind_label(day_kind k, const context& ctx);

}  // namespace cchc::cli
