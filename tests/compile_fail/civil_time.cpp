// Vietnamese civil time and UTC instants are distinct types (cchc/civil_time.hpp): cchc::date_time, the
// time of every deadline and dossier, is cchc::civil_time (date::local_time<minutes>), so that a UTC
// std::chrono::sys_time — a server timestamp, system_clock::now() — cannot be passed for a civil time
// silently (it would be read seven hours early), and a civil time meets the calendar's day numbers
// (date::sys_days) only through the named conversions. CTest compiles this file twice
// (tests/compile_fail): without CCHC_MISUSE, the named conversions must compile; with it, each
// function misuse_N must be rejected on its first line.
#include <cchc/cchc.hpp>

#include <chrono>

using namespace date::literals;
using namespace std::chrono_literals;
// A UTC instant to the minute (std::chrono::sys_time<minutes> in C++20, date::sys_time<minutes>).
using utc_minutes = std::chrono::time_point<std::chrono::system_clock, std::chrono::minutes>;

namespace {
const cchc::work_calendar& cal() { return cchc::vietnam::civil_service_calendar(); }
const cchc::processing_time three_days{cchc::time_unit::working_days, 3};
}  // namespace

int main() {
  // The conversions, named: an instant becomes civil time with to_civil_time; a day number and a
  // time of day with civil_time_at; a civil time's day number with day_number_of.
  const utc_minutes instant = date::sys_days{2024_y / 4 / 26} + 2h;  // 09:00 in Vietnam
  const cchc::date_time at = cchc::to_civil_time(instant);
  const cchc::civil_time same = cchc::civil_time_at(date::sys_days{2024_y / 4 / 26}, 9h);
  const cchc::civil_time literal = date::local_days{2024_y / 4 / 26} + 9h;
  const cchc::due_date d = cchc::due(at, three_days, cal());
  cchc::dossier x;
  x.received_at = same;
  x.pauses.push_back(cchc::pause{at, literal});
  const bool ok = at == same && same == literal && cchc::day_number_of(at) == date::sys_days{2024_y / 4 / 26} &&
                  cchc::to_utc(at) == instant && d.met_by(d.deadline() - 1min);
  return ok ? 0 : 1;
}

#ifdef CCHC_MISUSE
// One misuse per function; the test requires a diagnostic on the first line of each.
void misuse_1() {
  cchc::date_time t = utc_minutes{};
  (void)t;
}
void misuse_2() {
  (void)cchc::due(utc_minutes{}, three_days, cal());
}
void misuse_3() {
  (void)cchc::receipt_day(date::floor<std::chrono::minutes>(std::chrono::system_clock::now()), cal());
}
void misuse_4() {
  cchc::dossier x; x.received_at = date::sys_days{2024_y / 4 / 26} + 9h;
}
void misuse_5() {
  cchc::pause p{utc_minutes{}, utc_minutes{}};
  (void)p;
}
void misuse_6() {
  const bool late = cchc::due_date{}.met_by(utc_minutes{});
  (void)late;
}
void misuse_7() {
  const date::sys_days day = cchc::civil_day_of(cchc::civil_time{});
  (void)day;
}
void misuse_8() {
  const bool before = cchc::civil_time{} < date::sys_days{2024_y / 4 / 26};
  (void)before;
}
void misuse_9() {
  (void)cchc::dossier_end{cchc::end_kind::resolved, utc_minutes{}};
}
#endif
