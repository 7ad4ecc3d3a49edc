// What the two schedule targets (schedule_json, schedule_csv) check once a schedule has parsed.
#pragma once

#include "cchc/calendar.hpp"
#include "cchc/error.hpp"
#include "cchc/schedule_file.hpp"
#include "cchc/vietnam_calendar.hpp"
#include "fuzz.hpp"

namespace cchc_fuzz {

/// to_json reads back equal (schedule_file.hpp promises it), and the schedule applies to the
/// Vietnamese calendar: every listed day then reports a kind and its arithmetic still works.
inline void check_schedule(const cchc::schedule& s) {
  const cchc::schedule back = cchc::parse_schedule_json(cchc::to_json(s), "<to_json>");
  CCHC_FUZZ_CHECK(back == s);
  static const cchc::work_calendar base = cchc::vietnam::civil_service_calendar();
  try {
    const cchc::work_calendar cal = base.with_schedule(s);
    for (const cchc::schedule_entry& e : s.entries) {
      try {
        (void)cal.info(e.day);
        (void)cal.add_working_days(e.day, 3);
        (void)cal.working_days_between(e.day, e.day + date::days{40});
      } catch (const cchc::error&) {
      }
    }
  } catch (const cchc::error&) {
  }
}

}  // namespace cchc_fuzz
