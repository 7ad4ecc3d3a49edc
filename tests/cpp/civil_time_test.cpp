// cchc/civil_time.hpp: the civil date-time type and the public face of the one date parser.
#include "cchc/civil_time.hpp"

#include <doctest/doctest.h>

#include <string>
#include <type_traits>

#include "cchc/deadline.hpp"  // cchc::date_time
#include "cchc/error.hpp"

using namespace date::literals;
using std::chrono::hours;
using std::chrono::minutes;

namespace {

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

std::string date_message(std::string_view text) {
  try {
    (void)cchc::parse_date(text);
  } catch (const cchc::parse_error& e) {
    return e.what();
  }
  return "(parsed)";
}

std::string date_time_message(std::string_view text) {
  try {
    (void)cchc::parse_date_time(text);
  } catch (const cchc::parse_error& e) {
    return e.what();
  }
  return "(parsed)";
}

constexpr cchc::civil_time civil(date::sys_days d, minutes m) {
  return cchc::civil_time{d.time_since_epoch()} + m;
}

}  // namespace

// Civil time and UTC instants are different types: neither converts to the other implicitly.
static_assert(!std::is_convertible_v<date::sys_time<minutes>, cchc::civil_time>);
static_assert(!std::is_convertible_v<cchc::civil_time, date::sys_time<minutes>>);
static_assert(!std::is_convertible_v<date::sys_days, cchc::civil_day>);
static_assert(std::is_same_v<cchc::civil_time, date::local_time<minutes>>);
static_assert(std::is_same_v<cchc::civil_day, date::local_days>);

TEST_CASE("civil_time: parse_date returns the day number the calendar takes") {
  CHECK(cchc::parse_date("2023-01-16") == date::sys_days{2023_y / 1 / 16});
  CHECK(cchc::parse_date("16/01/2023") == date::sys_days{2023_y / 1 / 16});
  CHECK(cchc::parse_date("5/9/2016") == date::sys_days{2016_y / 9 / 5});
  CHECK(cchc::try_parse_date("2024-02-29") == date::sys_days{2024_y / 2 / 29});
}

TEST_CASE("civil_time: parse_date_time reads local and offset forms as civil time") {
  const auto expected = civil(date::sys_days{2023_y / 3 / 2}, hours{8} + minutes{15});
  CHECK(cchc::parse_date_time("2023-03-02 08:15") == expected);
  CHECK(cchc::parse_date_time("02/03/2023 08:15") == expected);
  CHECK(cchc::parse_date_time("2023-03-02T08:15+07:00") == expected);
  CHECK(cchc::parse_date_time("2023-03-02T01:15Z") == expected);
  CHECK(cchc::parse_date_time("2023-03-02T01:15+0000") == expected);
  CHECK(cchc::parse_date_time("2023-03-01T20:15-05:00") == expected);
  CHECK(cchc::try_parse_date_time("2023-03-02T08:15:42") == expected);
}

TEST_CASE("civil_time: conversions to and from UTC are explicit and exact") {
  const auto t = cchc::parse_date_time("2023-03-02T01:15Z");
  CHECK(cchc::to_utc(t) == date::sys_days{2023_y / 3 / 2} + hours{1} + minutes{15});
  CHECK(cchc::to_civil_time(cchc::to_utc(t)) == t);
  // 20:00 UTC on 1 March is already 2 March in Vietnam.
  const auto late = cchc::to_civil_time(date::sys_days{2023_y / 3 / 1} + hours{20});
  CHECK(cchc::to_sys_days(cchc::civil_day_of(late)) == date::sys_days{2023_y / 3 / 2});
  CHECK(cchc::to_civil_day(date::sys_days{2023_y / 3 / 2}) == cchc::civil_day_of(late));
}

TEST_CASE("civil_time: a civil time meets the calendar's day numbers by name") {
  const date::sys_days day{2023_y / 3 / 2};
  const cchc::civil_time t = cchc::civil_time_at(day, hours{8} + minutes{15});
  CHECK(t == cchc::parse_date_time("02/03/2023 08:15"));
  CHECK(cchc::day_number_of(t) == day);
  CHECK(cchc::day_number_of(cchc::civil_time_at(day, minutes{24 * 60 - 1})) == day);
  CHECK(cchc::day_number_of(cchc::civil_time_at(day, minutes{24 * 60})) == day + date::days{1});
  // Before 1970 the day is floored, not truncated toward zero.
  const date::sys_days old{1969_y / 12 / 31};
  CHECK(cchc::day_number_of(cchc::civil_time_at(old, hours{23})) == old);
  // cchc::date_time, the deadline and dossier time, is this civil type (not a UTC sys_time).
  static_assert(std::is_same_v<cchc::date_time, cchc::civil_time>);
  static_assert(!std::is_convertible_v<date::sys_time<minutes>, cchc::date_time>);
  static_assert(!std::is_convertible_v<cchc::date_time, date::sys_time<minutes>>);
}

TEST_CASE("civil_time: February 29 is one rule in both parsers") {
  CHECK(cchc::try_parse_date("29/02/2024"));
  CHECK(cchc::try_parse_date("29/02/2000"));
  CHECK(!cchc::try_parse_date("29/02/2023"));
  CHECK(!cchc::try_parse_date("2100-02-29"));
  CHECK(!cchc::try_parse_date("1900-02-29"));
  CHECK(cchc::try_parse_date_time("2024-02-29 08:00"));
  CHECK(!cchc::try_parse_date_time("2023-02-29 08:00"));
  CHECK(contains(date_message("29/02/2023"), "day 29 does not exist in February 2023 (28 days)"));
}

TEST_CASE("civil_time: errors say what was expected and what was found") {
  CHECK(date_message("2023-02-30") ==
        "expected a date YYYY-MM-DD or dd/mm/yyyy, found '2023-02-30' (day 30 does not exist in February "
        "2023 (28 days))");
  CHECK(contains(date_message("2023-03-02 08:15"), "(a date with a time)"));
  CHECK(contains(date_time_message("2023-03-02"), "(a date without a time)"));
  CHECK(contains(date_time_message("2023-03-02T08:15+15:00"), "within -14:00..+14:00, found '+15:00'"));
  CHECK(contains(date_time_message("2023-03-02T08:15+7"), "found '+7'"));
  CHECK(contains(date_time_message("2023-03-02T08:15 ICT"), "found 'I'"));
  std::string why;
  CHECK(!cchc::try_parse_date("", &why));
  CHECK(why == "expected a date YYYY-MM-DD or dd/mm/yyyy, found '' (expected a date, found empty text)");
  // A long hostile input is quoted shortened, not whole.
  const std::string huge(100000, '9');
  CHECK(!cchc::try_parse_date(huge, &why));
  CHECK(why.size() < 300);
}
