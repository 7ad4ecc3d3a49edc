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

// ---- the canonical fast path (parse_civil_canonical) against the grammar (parse_civil_general) ----

namespace {

bool same_fields(const civil_fields& a, const civil_fields& b) {
  return a.day == b.day && a.time_of_day == b.time_of_day && a.has_time == b.has_time &&
         a.has_offset == b.has_offset && a.utc_offset == b.utc_offset;
}

// parse_civil's answer for `text` is the grammar's: the same fields when read, the same reason when
// refused; and the fast path, when it answers, gives the grammar's fields. Returns whether the fast
// path took it.
bool agrees(const std::string& text) {
  INFO("text: '", text, "'");
  civil_fields fast, general, whole;
  fast.day = general.day = whole.day = date::sys_days{2001_y / 2 / 3};  // "unchanged" is visible
  std::string why_general, why_whole;
  const bool took = parse_civil_canonical(text, fast);
  const char* g = parse_civil_general(text, general, &why_general);
  const char* w = parse_civil(text, whole, &why_whole);
  CHECK((g == nullptr) == (w == nullptr));
  CHECK(why_general == why_whole);
  CHECK(same_fields(general, whole));
  if (took) {
    CHECK(g == nullptr);
    CHECK(same_fields(fast, general));
  } else {
    CHECK(fast.day == date::sys_days{2001_y / 2 / 3});  // declined: untouched
  }
  civil_fields brief;  // without a message buffer: the same verdict
  CHECK((parse_civil(text, brief) == nullptr) == (g == nullptr));
  return took;
}

std::string two(int v) { return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10); }
std::string four(int v) { return two(v / 100) + two(v % 100); }

}  // namespace

TEST_CASE("internal civil_time: the fast path takes every valid canonical date of 1900-2199, as the grammar reads it") {
  // All 109 573 days, both date orders, with and without a time; the time of day varies with the day.
  std::size_t taken = 0, days = 0;
  for (date::sys_days d = date::sys_days{1900_y / 1 / 1}; d <= date::sys_days{2199_y / 12 / 31}; d += date::days{1}) {
    const date::year_month_day ymd{d};
    const int y = static_cast<int>(ymd.year());
    const int m = static_cast<int>(static_cast<unsigned>(ymd.month()));
    const int dd = static_cast<int>(static_cast<unsigned>(ymd.day()));
    const int minute = static_cast<int>(d.time_since_epoch().count() % 1440 + 1440) % 1440;
    const std::string iso = four(y) + "-" + two(m) + "-" + two(dd);
    const std::string dmy = two(dd) + "/" + two(m) + "/" + four(y);
    const std::string hm = two(minute / 60) + ":" + two(minute % 60);
    for (const std::string& t : {iso, dmy, iso + " " + hm, dmy + " " + hm, iso + "T" + hm}) {
      civil_fields f;
      if (!parse_civil_canonical(t, f)) {
        FAIL_CHECK("declined: ", t);
        continue;
      }
      ++taken;
      CHECK(f.day == d);
      CHECK(f.has_time == (t.size() == 16));
      CHECK(f.time_of_day == minutes{t.size() == 16 ? minute : 0});
      CHECK(!f.has_offset);
    }
    ++days;
  }
  CHECK(days == 109573);  // 300 years, 73 of them leap years (not 2100)
  CHECK(taken == 5 * days);
  // A sample of them against the grammar, field for field.
  for (const char* t : {"1900-01-01", "2199-12-31 23:59", "29/02/2000 00:00", "29/02/2024", "2023-03-02T08:15",
                        "31/12/2199 23:59", "01/01/1900 00:00"})
    CHECK(agrees(t));
}

TEST_CASE("internal civil_time: on the edges the fast path either agrees with the grammar or leaves it to it") {
  // Every combination of edge values in both date orders and separators; then every single-byte
  // change of a few canonical texts. parse_civil must answer as the grammar alone does.
  std::size_t taken = 0, total = 0;
  for (const int y : {0, 1899, 1900, 1901, 2000, 2023, 2024, 2100, 2199, 2200, 9999})
    for (const int m : {0, 1, 2, 4, 12, 13, 99})
      for (const int d : {0, 1, 28, 29, 30, 31, 32, 99})
        for (const char* hm : {"", "00:00", "23:59", "24:00", "23:60", "99:99", "08:15:30"})
          for (const char* sep : {" ", "T", "\t", "  ", "t", "_"}) {
            const std::string date_iso = four(y) + "-" + two(m) + "-" + two(d);
            const std::string date_dmy = two(d) + "/" + two(m) + "/" + four(y);
            for (const std::string& date_text : {date_iso, date_dmy}) {
              const std::string t = *hm ? date_text + sep + hm : date_text;
              taken += agrees(t) ? 1 : 0;
              ++total;
              if (*hm == 0) break;  // the separator does not matter without a time
            }
          }
  CHECK(taken > 0);
  CHECK(taken < total);
  const std::string bytes = std::string("0123456789 -/:T+Zz.\t\x80") + '\0';
  for (const std::string base : {"2023-03-02 08:15", "02/03/2023 08:15", "2023-03-02", "02/03/2023"}) {
    for (std::size_t i = 0; i < base.size(); ++i)
      for (const char c : bytes) {
        std::string t = base;
        t[i] = c;
        agrees(t);
      }
    // Shorter and longer texts, and surrounding spaces (the fast path takes none of them).
    for (std::size_t n = 0; n < base.size(); ++n) agrees(base.substr(0, n));
    CHECK(!agrees(" " + base));
    CHECK(!agrees(base + " "));
    CHECK(!agrees(base + "Z"));
    CHECK(!agrees(base + "0"));
  }
}
