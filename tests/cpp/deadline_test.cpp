// Expected due dates are worked out by hand from the 2024/2025 schedules in
// /work/shared/domain/CALENDAR.md (each case spells the days it counts), not computed by the library.
#include "cchc/deadline.hpp"

#include <doctest/doctest.h>

#include <string>

#include "cchc/error.hpp"
#include "cchc/vietnam_calendar.hpp"

using namespace date::literals;
using namespace std::chrono_literals;
using date::sys_days;

namespace {

cchc::date_time at(date::year_month_day d, std::chrono::minutes tod) { return cchc::civil_time_at(sys_days{d}, tod); }
sys_days d(date::year_month_day ymd) { return sys_days{ymd}; }
const cchc::work_calendar& vn() { return cchc::vietnam::civil_service_calendar(); }
cchc::processing_time wd(long n) { return {cchc::time_unit::working_days, n}; }

}  // namespace

TEST_CASE("deadline: received on a Saturday with 1 working day gives receipt Monday and due Tuesday") {
  const auto r = at(2024_y / 3 / 2, 10h);  // Saturday
  CHECK(cchc::receipt_day(r, vn()) == d(2024_y / 3 / 4));
  const auto due = cchc::due(r, wd(1), vn());
  CHECK(due.day == d(2024_y / 3 / 5));
  CHECK_FALSE(due.time.has_value());
}

TEST_CASE("deadline: across Tết 2024") {
  // Wed 07/02/2024; off Thu 08 – Wed 14/02; counted: Thu 15 (1), Fri 16 (2), Mon 19 (3).
  CHECK(cchc::due(at(2024_y / 2 / 7, 10h), wd(3), vn()).day == d(2024_y / 2 / 19));
  // Received during Tết (Mon 12/02): receipt Thu 15/02, 1 day → Fri 16/02.
  CHECK(cchc::due(at(2024_y / 2 / 12, 9h), wd(1), vn()).day == d(2024_y / 2 / 16));
}

TEST_CASE("deadline: across the 30/4 – 1/5 swaps with make-up Saturdays inside the period") {
  // 2024: Fri 26/04; off Sat 27 – Wed 01/05; counted Thu 02/05, Fri 03/05, Sat 04/05 (make-up).
  CHECK(cchc::due(at(2024_y / 4 / 26, 9h), wd(3), vn()).day == d(2024_y / 5 / 4));
  CHECK(cchc::due(at(2024_y / 4 / 26, 9h), wd(4), vn()).day == d(2024_y / 5 / 6));
  // 2025: Fri 25/04; counted Sat 26/04 (make-up, 1), Mon 28 (2), Tue 29 (3); off Wed 30/04 –
  // Sun 04/05 (Fri 02/05 swapped); Mon 05/05 (4), Tue 06/05 (5).
  CHECK(cchc::due(at(2025_y / 4 / 25, 9h), wd(1), vn()).day == d(2025_y / 4 / 26));
  CHECK(cchc::due(at(2025_y / 4 / 25, 9h), wd(5), vn()).day == d(2025_y / 5 / 6));
  // Received on the holiday Tue 30/04/2024: receipt Thu 02/05, 1 day → Fri 03/05.
  CHECK(cchc::due(at(2024_y / 4 / 30, 9h), wd(1), vn()).day == d(2024_y / 5 / 3));
  // 0 working days: the receipt day.
  CHECK(cchc::due(at(2024_y / 4 / 30, 9h), wd(0), vn()).day == d(2024_y / 5 / 2));
}

TEST_CASE("deadline: the cut-off hour is a setting that is off by default") {
  const auto rule = cchc::receipt_rule{}.with_cutoff(15h);
  const cchc::processing_time same{cchc::time_unit::same_day, 0};
  // Mon 04/03/2024.
  CHECK(cchc::due(at(2024_y / 3 / 4, 15h + 30min), same, vn()).day == d(2024_y / 3 / 4));
  CHECK(cchc::due(at(2024_y / 3 / 4, 15h + 30min), same, vn(), rule).day == d(2024_y / 3 / 5));
  CHECK(cchc::due(at(2024_y / 3 / 4, 15h), same, vn(), rule).day == d(2024_y / 3 / 4));  // not after
  CHECK(cchc::receipt_day(at(2024_y / 3 / 4, 16h), vn(), rule) == d(2024_y / 3 / 5));
  CHECK(cchc::due(at(2024_y / 3 / 4, 16h), wd(1), vn(), rule).day == d(2024_y / 3 / 6));
  // Wednesday 07/02/2024 after the cut-off, the eve of the Tết break: receipt Thu 15/02.
  CHECK(cchc::receipt_day(at(2024_y / 2 / 7, 16h), vn(), rule) == d(2024_y / 2 / 15));
}

TEST_CASE("deadline: working hours count office minutes (07:30-11:30 and 13:30-17:00)") {
  const cchc::processing_time eight{cchc::time_unit::working_hours, 8};
  // Mon 04/03/2024 10:00: Mon 10:00–11:30 (90) + 13:30–17:00 (210) = 300; 180 more → Tue 10:30.
  auto due = cchc::due(at(2024_y / 3 / 4, 10h), eight, vn());
  CHECK(due.day == d(2024_y / 3 / 5));
  REQUIRE(due.time.has_value());
  CHECK(*due.time == 10h + 30min);
  // Ending exactly at the end of a session: 07:30 + 4 h → 11:30 the same day, not 13:30.
  due = cchc::due(at(2024_y / 3 / 4, 7h + 30min), {cchc::time_unit::working_hours, 4}, vn());
  CHECK(due.day == d(2024_y / 3 / 4));
  CHECK(*due.time == 11h + 30min);
  // During lunch: the clock starts at 13:30.
  due = cchc::due(at(2024_y / 3 / 4, 12h), {cchc::time_unit::working_hours, 1}, vn());
  CHECK(*due.time == 14h + 30min);
  // After closing: the clock starts the next working day at 07:30.
  due = cchc::due(at(2024_y / 3 / 4, 18h), {cchc::time_unit::working_hours, 1}, vn());
  CHECK(due.day == d(2024_y / 3 / 5));
  CHECK(*due.time == 8h + 30min);
  // Saturday: Monday 07:30 + 1 h.
  due = cchc::due(at(2024_y / 3 / 2, 9h), {cchc::time_unit::working_hours, 1}, vn());
  CHECK(due.day == d(2024_y / 3 / 4));
  CHECK(*due.time == 8h + 30min);
  // Configurable office hours: 07:30–11:30, 13:30–16:00 → 6.5 h a day.
  cchc::office_hours short_day;
  short_day.afternoon.end = 16h;
  due = cchc::due(at(2024_y / 3 / 4, 7h + 30min), {cchc::time_unit::working_hours, 7}, vn(),
                  cchc::receipt_rule{}.with_office_hours(short_day));
  CHECK(due.day == d(2024_y / 3 / 5));
  CHECK(*due.time == 8h);
  // 16 hours from Wed 07/02/2024 08:00 across Tết: Wed 7 h (08:00–11:30, 13:30–17:00 = 210 + 210
  // = 420 min), then 540 min from Thu 15/02 07:30: 450 on Thu, 90 on Fri → Fri 16/02 09:00.
  due = cchc::due(at(2024_y / 2 / 7, 8h), {cchc::time_unit::working_hours, 16}, vn());
  CHECK(due.day == d(2024_y / 2 / 16));
  CHECK(*due.time == 9h);
}

TEST_CASE("deadline: half days are office sessions and the receipt session is not counted") {
  const auto half = [](long n) { return cchc::processing_time{cchc::time_unit::half_days, n}; };
  // Mon 04/03/2024 09:00 (morning): 1 → Mon 17:00; 2 → Tue 11:30 (morning in, morning out).
  auto due = cchc::due(at(2024_y / 3 / 4, 9h), half(1), vn());
  CHECK(due.day == d(2024_y / 3 / 4));
  CHECK(*due.time == 17h);
  due = cchc::due(at(2024_y / 3 / 4, 9h), half(2), vn());
  CHECK(due.day == d(2024_y / 3 / 5));
  CHECK(*due.time == 11h + 30min);
  // Afternoon: 1 → next morning 11:30.
  due = cchc::due(at(2024_y / 3 / 4, 14h), half(1), vn());
  CHECK(due.day == d(2024_y / 3 / 5));
  CHECK(*due.time == 11h + 30min);
  // Saturday: receipt session Monday morning → 1 → Monday 17:00.
  due = cchc::due(at(2024_y / 3 / 2, 9h), half(1), vn());
  CHECK(due.day == d(2024_y / 3 / 4));
  CHECK(*due.time == 17h);
  // Fri 26/04/2024 afternoon → next session Thu 02/05 morning.
  due = cchc::due(at(2024_y / 4 / 26, 14h), half(1), vn());
  CHECK(due.day == d(2024_y / 5 / 2));
  CHECK(*due.time == 11h + 30min);
}

TEST_CASE("deadline: calendar days ending on a day off move to the next working day") {
  const auto cal_days = [](long n) { return cchc::processing_time{cchc::time_unit::calendar_days, n}; };
  // Mon 22/04/2024 + 8 → Tue 30/04 (holiday) → Thu 02/05.
  CHECK(cchc::due(at(2024_y / 4 / 22, 9h), cal_days(8), vn()).day == d(2024_y / 5 / 2));
  // Mon 15/04/2024 + 5 → Sat 20/04 → Mon 22/04.
  CHECK(cchc::due(at(2024_y / 4 / 15, 9h), cal_days(5), vn()).day == d(2024_y / 4 / 22));
  // Mon 15/04/2024 + 3 → Thu 18/04 (Giỗ Tổ) → Fri 19/04.
  CHECK(cchc::due(at(2024_y / 4 / 15, 9h), cal_days(3), vn()).day == d(2024_y / 4 / 19));
  // + 4 → Fri 19/04, a working day.
  CHECK(cchc::due(at(2024_y / 4 / 15, 9h), cal_days(4), vn()).day == d(2024_y / 4 / 19));
}

TEST_CASE("deadline: pauses for supplementary documents") {
  const auto r = at(2024_y / 3 / 4, 9h);  // Mon; 5 working days → Mon 11/03
  CHECK(cchc::due(r, wd(5), vn()).day == d(2024_y / 3 / 11));
  // Paused Wed 06/03 10:00 → Fri 08/03 09:00: working days in (06/03, 08/03] = Thu, Fri = 2 → Wed 13/03.
  CHECK(cchc::due(r, wd(5), vn(), {}, {{at(2024_y / 3 / 6, 10h), at(2024_y / 3 / 8, 9h)}}).day ==
        d(2024_y / 3 / 13));
  // A pause within one day changes nothing for a day unit.
  CHECK(cchc::due(r, wd(5), vn(), {}, {{at(2024_y / 3 / 6, 10h), at(2024_y / 3 / 6, 15h)}}).day ==
        d(2024_y / 3 / 11));
  // Paused after the deadline: no effect.
  CHECK(cchc::due(r, wd(5), vn(), {}, {{at(2024_y / 3 / 12, 10h), at(2024_y / 3 / 14, 9h)}}).day ==
        d(2024_y / 3 / 11));
  // Paused Fri 08/03 (4 days used: Tue–Fri) to Wed 13/03: 1 day left → Thu 14/03.
  CHECK(cchc::due(r, wd(5), vn(), {}, {{at(2024_y / 3 / 8, 10h), at(2024_y / 3 / 13, 9h)}}).day ==
        d(2024_y / 3 / 14));
  // Two pauses, given out of order; overlapping ones merge.
  CHECK(cchc::due(r, wd(5), vn(), {},
                  {{at(2024_y / 3 / 7, 8h), at(2024_y / 3 / 7, 9h)},  // same day: nothing
                   {at(2024_y / 3 / 5, 8h), at(2024_y / 3 / 6, 9h)},  // (05, 06] = 1
                   {at(2024_y / 3 / 5, 9h), at(2024_y / 3 / 6, 8h)}})  // overlaps the previous
            .day == d(2024_y / 3 / 12));
  // Hours: 8 h from Mon 07:30 → Tue 08:00; paused Mon 13:30–17:00 (210 office minutes) → Tue 11:30.
  auto due = cchc::due(at(2024_y / 3 / 4, 7h + 30min), {cchc::time_unit::working_hours, 8}, vn(), {},
                       {{at(2024_y / 3 / 4, 13h + 30min), at(2024_y / 3 / 4, 17h)}});
  CHECK(due.day == d(2024_y / 3 / 5));
  CHECK(*due.time == 11h + 30min);
  // Calendar days: Mon 04/03 + 10 → Thu 14/03; paused 05/03 → 08/03 (3 days) → Sun 17/03 → Mon 18/03.
  CHECK(cchc::due(r, {cchc::time_unit::calendar_days, 10}, vn(), {},
                  {{at(2024_y / 3 / 5, 9h), at(2024_y / 3 / 8, 9h)}})
            .day == d(2024_y / 3 / 18));
  // Half days: Mon morning, 4 sessions → Wed 11:30. Paused from Mon afternoon (counted, 1) to Tue
  // afternoon (the session of return is not counted): Wed morning (2), Wed afternoon (3), Thu
  // morning (4) → Thu 11:30.
  due = cchc::due(at(2024_y / 3 / 4, 9h), {cchc::time_unit::half_days, 4}, vn(), {},
                  {{at(2024_y / 3 / 4, 14h), at(2024_y / 3 / 5, 14h)}});
  CHECK(due.day == d(2024_y / 3 / 7));
  CHECK(*due.time == 11h + 30min);
}

TEST_CASE("deadline: met_by compares with the end of the due day or the due minute") {
  const cchc::due_date day_only{d(2024_y / 3 / 5), std::nullopt};
  CHECK(day_only.met_by(at(2024_y / 3 / 5, 23h + 59min)));
  CHECK_FALSE(day_only.met_by(at(2024_y / 3 / 6, 0min)));
  const cchc::due_date timed{d(2024_y / 3 / 5), 10h + 30min};
  CHECK(timed.met_by(at(2024_y / 3 / 5, 10h + 30min)));
  CHECK_FALSE(timed.met_by(at(2024_y / 3 / 5, 10h + 31min)));
}

TEST_CASE("deadline: bad input is a clear error") {
  const auto r = at(2024_y / 3 / 4, 9h);
  CHECK_THROWS_AS((void)cchc::due(r, wd(-1), vn()), cchc::argument_error);
  CHECK_THROWS_AS((void)cchc::due(r, {cchc::time_unit::same_day, 2}, vn()), cchc::argument_error);
  CHECK_THROWS_AS((void)cchc::due(r, wd(1), vn(), {}, {{at(2024_y / 3 / 6, 9h), at(2024_y / 3 / 5, 9h)}}),
                  cchc::argument_error);
  cchc::office_hours inverted;
  inverted.morning = {11h, 8h};
  CHECK_THROWS_AS((void)cchc::due(r, wd(1), vn(), cchc::receipt_rule{}.with_office_hours(inverted)),
                  cchc::argument_error);
  cchc::office_hours overlapping;
  overlapping.afternoon.start = 11h;
  CHECK_THROWS_AS((void)cchc::due(r, wd(1), vn(), cchc::receipt_rule{}.with_office_hours(overlapping)),
                  cchc::argument_error);
  CHECK_THROWS_AS((void)cchc::due(r, wd(1), vn(), cchc::receipt_rule{}.with_cutoff(25h)),
                  cchc::argument_error);
  // Outside the calendar's range.
  CHECK_THROWS_AS((void)cchc::due(at(2200_y / 1 / 1, 9h), wd(1), vn()), cchc::range_error);
  CHECK_THROWS_AS((void)cchc::due(at(2199_y / 12 / 30, 9h), wd(10), vn()), cchc::range_error);
  CHECK_THROWS_AS((void)cchc::due(r, wd(2'000'000'000L), vn()), cchc::range_error);
  CHECK_THROWS_AS((void)cchc::due(r, {cchc::time_unit::working_hours, 999'999'999}, vn()),
                  cchc::range_error);
  try {
    (void)cchc::due(r, wd(-3), vn());
  } catch (const cchc::argument_error& e) {
    CHECK(std::string(e.what()).find("-3") != std::string::npos);
    CHECK(e.where().field == "processing_time");
  }
}

TEST_CASE("deadline: units print and parse with the dossier-log names") {
  for (auto u : {cchc::time_unit::working_days, cchc::time_unit::calendar_days,
                 cchc::time_unit::working_hours, cchc::time_unit::half_days, cchc::time_unit::same_day})
    CHECK(cchc::parse_time_unit(cchc::to_string(u)) == u);
  CHECK_THROWS_AS((void)cchc::parse_time_unit("days"), cchc::lookup_error);
}
