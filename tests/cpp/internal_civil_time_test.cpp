// src/internal/civil_time.hpp: the one civil date / date-time parser. Expected civil times are worked
// out by hand from the offsets (civil = written − offset + 7 h), not taken from the parser.
#include "internal/civil_time.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace cchc::internal;
using namespace date::literals;
using std::chrono::hours;
using std::chrono::minutes;

namespace {

civil_fields ok(std::string_view text) {
  civil_fields f;
  std::string why;
  const char* problem = parse_civil(text, f, &why);
  INFO("text: ", std::string(text), " problem: ", problem ? problem : "");
  CHECK(problem == nullptr);
  return f;
}

std::string refused(std::string_view text) {
  civil_fields f;
  std::string why;
  const char* problem = parse_civil(text, f, &why);
  INFO("text: ", std::string(text));
  REQUIRE(problem != nullptr);
  civil_fields g;
  CHECK(parse_civil(text, g) != nullptr);  // also refused without a message buffer
  return problem;
}

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("internal civil_time: the local forms") {
  auto a = ok("2023-03-02");
  CHECK(a.day == date::sys_days{2023_y / 3 / 2});
  CHECK(!a.has_time);
  CHECK(!a.has_offset);
  auto b = ok("02/03/2023 08:15");
  CHECK(b.day == date::sys_days{2023_y / 3 / 2});
  CHECK(b.time_of_day == hours{8} + minutes{15});
  CHECK(b.has_time);
  CHECK(ok("2023-03-02T08:15:59").time_of_day == hours{8} + minutes{15});  // seconds dropped
  CHECK(ok("  2/3/2023  ").day == date::sys_days{2023_y / 3 / 2});
  CHECK(ok("2023-03-02T08:15:00.250").time_of_day == hours{8} + minutes{15});
}

TEST_CASE("internal civil_time: ISO offsets are converted to Vietnamese civil time (UTC+7)") {
  auto z = ok("2023-03-02T01:15Z");
  CHECK(z.day == date::sys_days{2023_y / 3 / 2});
  CHECK(z.time_of_day == hours{8} + minutes{15});
  CHECK(z.has_offset);
  CHECK(z.utc_offset == minutes{0});
  auto seven = ok("2023-03-02T08:15+07:00");
  CHECK(seven.day == date::sys_days{2023_y / 3 / 2});
  CHECK(seven.time_of_day == hours{8} + minutes{15});
  CHECK(seven.utc_offset == minutes{420});
  CHECK(ok("2023-03-02T08:15+0700").time_of_day == hours{8} + minutes{15});
  CHECK(ok("2023-03-02 08:15 +07").time_of_day == hours{8} + minutes{15});
  // 20:00 at UTC−5 is 01:00 UTC the next day, 08:00 civil on 02/03.
  auto west = ok("2023-03-01T20:00-05:00");
  CHECK(west.day == date::sys_days{2023_y / 3 / 2});
  CHECK(west.time_of_day == hours{8});
  // 23:30 UTC on 31/12 is 06:30 civil on 1 January: the civil day (and year) moves.
  auto ny = ok("2023-12-31T23:30Z");
  CHECK(ny.day == date::sys_days{2024_y / 1 / 1});
  CHECK(ny.time_of_day == hours{6} + minutes{30});
  // Backwards over a day: 05:00 at +14:00 is 15:00 UTC the day before, 22:00 civil.
  auto kiribati = ok("2023-03-01T05:00+14:00");
  CHECK(kiribati.day == date::sys_days{2023_y / 2 / 28});
  CHECK(kiribati.time_of_day == hours{22});
  // Nepal's +05:45: minutes count.
  CHECK(ok("2023-03-02T06:45+05:45").time_of_day == hours{8});
  // Seconds are dropped the same way with or without an offset.
  CHECK(ok("2023-03-02T01:15:59Z").time_of_day == ok("2023-03-02 08:15:59").time_of_day);
  CHECK(ok("2023-03-02T01:15:00.000Z").time_of_day == hours{8} + minutes{15});  // JavaScript's toISOString
  CHECK(ok("02/03/2023 01:15Z").time_of_day == hours{8} + minutes{15});
}

TEST_CASE("internal civil_time: malformed or out-of-range offsets are refused with the offset quoted") {
  CHECK(contains(refused("2023-03-02T08:15+15:00"), "within -14:00..+14:00, found '+15:00'"));
  CHECK(contains(refused("2023-03-02T08:15-14:01"), "found '-14:01'"));
  CHECK(contains(refused("2023-03-02T08:15+7:00"), "expected a UTC offset Z, +HH:MM"));
  CHECK(contains(refused("2023-03-02T08:15+07:0"), "found '+07:0'"));
  CHECK(contains(refused("2023-03-02T08:15+070"), "found '+070'"));
  CHECK(contains(refused("2023-03-02T08:15+07:60"), "offset minutes 00-59"));
  CHECK(contains(refused("2023-03-02T08:15+07:00:30"), "found '+07:00:30'"));  // not a whole minute
  CHECK(contains(refused("2023-03-02T08:15+"), "found '+'"));
  CHECK(contains(refused("2023-03-02T08:15ZZ"), "found 'Z'"));
  CHECK(contains(refused("2023-03-02T08:15 UTC"), "found 'U'"));
  CHECK(contains(refused("2023-03-02Z"), "after the date; found 'Z'"));  // an offset needs a time
  // 14:00 exactly is allowed.
  CHECK(ok("2023-03-02T08:15-14:00").day == date::sys_days{2023_y / 3 / 3});
}

TEST_CASE("internal civil_time: the converted civil time must stay within 1900-2199") {
  CHECK(contains(refused("1900-01-01T00:00+14:00"), "found 1899-12-31 17:00"));
  CHECK(contains(refused("2199-12-31T20:00Z"), "found 2200-01-01 03:00"));
  CHECK(ok("2199-12-31T16:59Z").day == date::sys_days{2199_y / 12 / 31});
}

TEST_CASE("internal civil_time: February 29 follows the Gregorian rule (date's ok())") {
  CHECK(ok("2024-02-29").day == date::sys_days{2024_y / 2 / 29});
  CHECK(ok("29/02/2000").day == date::sys_days{2000_y / 2 / 29});
  CHECK(refused("2023-02-29") == "day 29 does not exist in February 2023 (28 days)");
  CHECK(refused("29/02/1900") == "day 29 does not exist in February 1900 (28 days)");
  CHECK(refused("29/02/2100 08:00") == "day 29 does not exist in February 2100 (28 days)");
  CHECK(refused("2023-04-31") == "day 31 does not exist in April 2023 (30 days)");
  // A conversion that lands on 29/02 follows the same rule.
  CHECK(ok("2024-02-28T20:00Z").day == date::sys_days{2024_y / 2 / 29});
  CHECK(ok("2023-02-28T20:00Z").day == date::sys_days{2023_y / 3 / 1});
}

TEST_CASE("internal civil_time: reasons say what was expected and what was found") {
  CHECK(refused("") == "expected a date, found empty text");
  CHECK(refused("2023-13-01") == "expected a month 1-12, found 13");
  CHECK(refused("00/01/2023") == "day 0 does not exist in January 2023 (31 days)");
  CHECK(refused("2023-03-32") == "day 32 does not exist in March 2023 (31 days)");
  CHECK(refused("1899-12-31") == "expected a year 1900-2199, found 1899");
  CHECK(refused("16/01/23") == "expected a four-digit year, found '23'");
  CHECK(refused("16/01/20234") == "expected a four-digit year, found '20234'");
  CHECK(contains(refused("2023-03-02 25:00"), "expected an hour 0-23, found 25"));
  CHECK(contains(refused("2023-03-02 08:60"), "expected minutes 00-59, found 60"));
  CHECK(contains(refused("2023-03-02 08:1"), "expected two-digit minutes"));
  CHECK(contains(refused("2023-03-02 08:15:61"), "seconds 00-59"));
  CHECK(contains(refused("2023-03-02x"), "found 'x'"));
  CHECK(contains(refused("tomorrow"), "expected a date YYYY-MM-DD or dd/mm/yyyy, found 't'"));
  CHECK(contains(refused("2023-03-02T"), "expected a time HH:MM, found the end"));
}

TEST_CASE("internal civil_time: check_civil_date is the one rule") {
  std::string why;
  CHECK(check_civil_date(2024, 2, 29) == civil_date_status::ok);
  CHECK(check_civil_date(2023, 2, 29, &why) == civil_date_status::no_such_day);
  CHECK(why == "day 29 does not exist in February 2023 (28 days)");
  CHECK(check_civil_date(2023, 2, 32) == civil_date_status::bad_day);
  CHECK(check_civil_date(2023, 0, 1) == civil_date_status::bad_month);
  CHECK(check_civil_date(203, 1, 16) == civil_date_status::bad_year);
  CHECK(check_civil_date(2200, 1, 1) == civil_date_status::bad_year);
}

TEST_CASE("internal civil_time: a failed parse leaves the output unchanged") {
  civil_fields f;
  f.day = date::sys_days{2020_y / 1 / 1};
  CHECK(parse_civil("2023-03-02T08:15+15:00", f) != nullptr);
  CHECK(f.day == date::sys_days{2020_y / 1 / 1});
  CHECK(!f.has_time);
}
