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

}  // namespace cchc::cli
