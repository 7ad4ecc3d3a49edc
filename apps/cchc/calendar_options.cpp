#include "calendar_options.hpp"

#include "cchc/schedule_file.hpp"
#include "cchc/vietnam_calendar.hpp"

namespace cchc::cli {

option_spec calendar_schedule_option() {
  return {"schedule", "FILE",
          "add a schedule of days off / make-up days (JSON or CSV, see docs/calendar.md);\n"
          "repeatable, later files win on the same day",
          true};
}

work_calendar calendar_from_options(const arguments& args) {
  work_calendar cal = vietnam::civil_service_calendar();
  for (const std::string& file : args.values("schedule")) cal = cal.with_schedule(load_schedule(file));
  return cal;
}

std::string kind_label(day_kind k, const context& ctx) {
  switch (k) {
    case day_kind::working: return ctx.tr("Ngày làm việc", "Working day");
    case day_kind::weekly_rest: return ctx.tr("Nghỉ hằng tuần", "Weekly rest");
    case day_kind::holiday: return ctx.tr("Nghỉ lễ, Tết", "Public holiday");
    case day_kind::substitute_day: return ctx.tr("Nghỉ bù", "Substitute day off");
    case day_kind::swapped_day_off: return ctx.tr("Nghỉ hoán đổi", "Swapped day off");
    case day_kind::extra_day_off: return ctx.tr("Nghỉ thêm", "Extra day off");
    case day_kind::make_up_working_day: return ctx.tr("Làm bù", "Make-up working day");
  }
  return std::string(to_string(k));
}

}  // namespace cchc::cli
