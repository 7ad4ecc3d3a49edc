#include "cchc/calendar.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <type_traits>

#include "cchc/error.hpp"

using namespace date::literals;
using date::sys_days;

namespace {

sys_days d(date::year_month_day ymd) { return sys_days{ymd}; }

// Reference implementations: plain day-by-day loops over is_working_day, written straight from the
// Civil Code convention (the starting day is not counted), independent of the tables' arithmetic.
sys_days loop_add(const cchc::work_calendar& cal, sys_days day, long n) {
  if (n == 0) {
    while (!cal.is_working_day(day)) day += date::days{1};
    return day;
  }
  const long step = n > 0 ? 1 : -1;
  long left = n > 0 ? n : -n;
  while (left > 0) {
    day += date::days{step};
    if (cal.is_working_day(day)) --left;
  }
  return day;
}

long loop_between(const cchc::work_calendar& cal, sys_days a, sys_days b) {
  long count = 0;
  if (a <= b) {
    for (sys_days x = a + date::days{1}; x <= b; x += date::days{1}) count += cal.is_working_day(x);
    return count;
  }
  for (sys_days x = b + date::days{1}; x <= a; x += date::days{1}) count += cal.is_working_day(x);
  return -count;
}

}  // namespace

TEST_CASE("calendar: the default calendar rests on Saturday and Sunday only") {
  const cchc::work_calendar cal;
  // Independent check: the weekday of each date computed by date::weekday.
  for (sys_days x = d(2023_y / 12 / 25); x <= d(2024_y / 1 / 7); x += date::days{1}) {
    const auto wd = date::weekday{x};
    CHECK(cal.is_working_day(x) == (wd != date::Saturday && wd != date::Sunday));
  }
  CHECK(cal.info(d(2024_y / 1 / 6)).kind == cchc::day_kind::weekly_rest);
  CHECK(cal.info(d(2024_y / 1 / 1)).kind == cchc::day_kind::working);  // no holidays in this one
  CHECK(cal.first_day() == d(1900_y / 1 / 1));
  CHECK(cal.last_day() == d(2199_y / 12 / 31));
}

TEST_CASE("calendar: add_working_days follows the Civil Code (the starting day is not counted)") {
  const cchc::work_calendar cal;
  const sys_days fri = d(2024_y / 3 / 1), sat = d(2024_y / 3 / 2), mon = d(2024_y / 3 / 4);
  CHECK(cal.add_working_days(fri, 1) == mon);
  CHECK(cal.add_working_days(sat, 1) == mon);
  CHECK(cal.add_working_days(mon, 1) == d(2024_y / 3 / 5));
  CHECK(cal.add_working_days(mon, 5) == d(2024_y / 3 / 11));
  // n == 0: the day itself when working, else the next working day.
  CHECK(cal.add_working_days(fri, 0) == fri);
  CHECK(cal.add_working_days(sat, 0) == mon);
  // Negative: strictly before.
  CHECK(cal.add_working_days(mon, -1) == fri);
  CHECK(cal.add_working_days(sat, -1) == fri);
  CHECK(cal.add_working_days(fri, -5) == d(2024_y / 2 / 23));
  CHECK(cal.next_working_day(fri) == mon);
  CHECK(cal.previous_working_day(mon) == fri);
  CHECK(cal.next_working_day(sat) == mon);
  CHECK(cal.previous_working_day(sat) == fri);
}

TEST_CASE("calendar: working_days_between counts the days after a up to b and is antisymmetric") {
  const cchc::work_calendar cal;
  const sys_days fri = d(2024_y / 3 / 1), mon = d(2024_y / 3 / 4);
  CHECK(cal.working_days_between(fri, mon) == 1);
  CHECK(cal.working_days_between(mon, fri) == -1);
  CHECK(cal.working_days_between(fri, fri) == 0);
  CHECK(cal.working_days_between(d(2024_y / 3 / 2), d(2024_y / 3 / 3)) == 0);
  CHECK(cal.working_days_between(fri, d(2024_y / 3 / 8)) == 5);
}

TEST_CASE("calendar: table arithmetic equals day-by-day loops on random dates and counts") {
  // A calendar with holidays, substitutes and make-up days so that every branch is exercised.
  cchc::schedule s;
  std::mt19937 rng(20240429u);  // fixed seed: the test is deterministic
  std::uniform_int_distribution<int> day_dist(0, 109572);
  const sys_days first = d(1900_y / 1 / 1);
  for (int k = 0; k < 3000; ++k) {
    const sys_days x = first + date::days{day_dist(rng)};
    const bool weekend = date::weekday{x} == date::Saturday || date::weekday{x} == date::Sunday;
    s.entries.push_back({x, weekend ? cchc::day_kind::make_up_working_day : cchc::day_kind::extra_day_off,
                         {"test", {}, "", ""}, "", "", false});
  }
  const cchc::work_calendar cal(cchc::weekly_rest::saturday_sunday(), {}, s);

  std::uniform_int_distribution<int> near(-40, 40);
  std::uniform_int_distribution<int> safe_day(200, 109372);  // keeps ±40 working days in range
  for (int k = 0; k < 4000; ++k) {
    const sys_days x = first + date::days{safe_day(rng)};
    const long n = near(rng);
    const sys_days y = cal.add_working_days(x, n);
    REQUIRE(y == loop_add(cal, x, n));
    if (n >= 1) REQUIRE(cal.working_days_between(x, y) == n);
    const sys_days z = x + date::days{near(rng)};
    REQUIRE(cal.working_days_between(x, z) == loop_between(cal, x, z));
  }
}

TEST_CASE("calendar: between(d add(d n)) == n over many random dates (property)") {
  const cchc::work_calendar cal;
  std::mt19937 rng(7u);
  std::uniform_int_distribution<int> day_dist(0, 100000);
  std::uniform_int_distribution<long> n_dist(1, 5000);
  for (int k = 0; k < 100000; ++k) {
    const sys_days x = d(1900_y / 1 / 1) + date::days{day_dist(rng)};
    const long n = n_dist(rng);
    REQUIRE(cal.working_days_between(x, cal.add_working_days(x, n)) == n);
  }
}

TEST_CASE("calendar: dates outside 1900-01-01 … 2199-12-31 are a range_error naming the date") {
  const cchc::work_calendar cal;
  const sys_days before = d(1899_y / 12 / 31), after = d(2200_y / 1 / 1);
  CHECK_THROWS_AS((void)cal.is_working_day(before), cchc::range_error);
  CHECK_THROWS_AS((void)cal.is_working_day(after), cchc::range_error);
  CHECK_THROWS_AS((void)cal.info(after), cchc::range_error);
  CHECK_THROWS_AS((void)cal.working_days_between(d(2024_y / 1 / 1), after), cchc::range_error);
  try {
    (void)cal.add_working_days(after, 1);
    FAIL("expected a range_error");
  } catch (const cchc::range_error& e) {
    const std::string what = e.what();
    CHECK(what.find("2200-01-01") != std::string::npos);
    CHECK(what.find("1900-01-01") != std::string::npos);
    CHECK(what.find("2199-12-31") != std::string::npos);
    CHECK(e.where().field == "add_working_days");
  }
  // In range, but the answer is not.
  CHECK_THROWS_AS((void)cal.add_working_days(d(2199_y / 12 / 30), 5), cchc::range_error);
  CHECK_THROWS_AS((void)cal.add_working_days(d(1900_y / 1 / 2), -5), cchc::range_error);
  CHECK_THROWS_AS((void)cal.add_working_days(d(2000_y / 1 / 1), 1L << 40), cchc::range_error);
  CHECK_THROWS_AS((void)cal.add_working_days(d(2000_y / 1 / 1), -(1L << 40)), cchc::range_error);
  // The edges themselves work.
  CHECK(cal.is_working_day(d(1900_y / 1 / 1)));  // a Monday
  const auto last_wd = date::weekday{d(2199_y / 12 / 31)};
  CHECK(cal.is_working_day(d(2199_y / 12 / 31)) == (last_wd != date::Saturday && last_wd != date::Sunday));
}

TEST_CASE("calendar: invalid field dates are an argument_error and never silently normalised") {
  const cchc::work_calendar cal;
  const date::year_month_day feb29{2023_y, date::February, 29_d};
  REQUIRE_FALSE(feb29.ok());
  CHECK_THROWS_AS((void)cal.is_working_day(feb29), cchc::argument_error);
  CHECK_THROWS_AS((void)cal.add_working_days(feb29, 1), cchc::argument_error);
  CHECK_THROWS_AS((void)cal.info(feb29), cchc::argument_error);
  const date::year_month_day month13{2024_y, date::month{13}, 1_d};
  try {
    (void)cal.next_working_day(month13);
    FAIL("expected an argument_error");
  } catch (const cchc::argument_error& e) {
    CHECK(std::string(e.what()).find("month 13") != std::string::npos);
  }
  // 29/02 in a leap year is fine.
  CHECK(cal.is_working_day(2024_y / 2 / 29));
}

TEST_CASE("calendar: editing returns a new calendar and leaves the original untouched") {
  const cchc::work_calendar base;
  const sys_days culture_day = d(2026_y / 11 / 24);  // a Tuesday
  REQUIRE(base.is_working_day(culture_day));
  const auto edited = base.with_day_off(culture_day, {"NQ 30/NQ-CP", {}, "", ""},
                                        "Ngày Văn hóa Việt Nam", "Vietnam Culture Day");
  CHECK_FALSE(edited.is_working_day(culture_day));
  CHECK(base.is_working_day(culture_day));  // unchanged
  const auto info = edited.info(culture_day);
  CHECK(info.kind == cchc::day_kind::extra_day_off);
  CHECK(info.from_notice);
  CHECK(info.source.document == "NQ 30/NQ-CP");
  CHECK(info.reason_en == "Vietnam Culture Day");
  CHECK(edited.working_days_between(d(2026_y / 11 / 23), d(2026_y / 11 / 25)) == 1);

  const sys_days sat = d(2026_y / 11 / 28);
  const auto worked = edited.with_working_day(sat, {"QĐ 1/QĐ-UBND", {}, "", ""}, "Làm bù", "Make-up");
  CHECK(worked.is_working_day(sat));
  CHECK_FALSE(edited.is_working_day(sat));
  CHECK(worked.info(sat).kind == cchc::day_kind::make_up_working_day);
  CHECK(worked.add_working_days(d(2026_y / 11 / 27), 1) == sat);

  // Copies share the tables and stay valid after the original is gone.
  cchc::work_calendar copy;
  {
    const auto tmp = base.with_day_off(d(2030_y / 1 / 2), {}, "", "");
    copy = tmp;
  }
  CHECK_FALSE(copy.is_working_day(d(2030_y / 1 / 2)));
  CHECK(copy.next_working_day(d(2030_y / 1 / 1)) == d(2030_y / 1 / 3));
}

TEST_CASE("calendar: merged_with layers the other calendar's exceptions on top") {
  const cchc::work_calendar base;
  const auto a = base.with_day_off(d(2030_y / 3 / 5), {"A", {}, "", ""}, "", "");
  const auto b = base.with_day_off(d(2030_y / 3 / 6), {"B", {}, "", ""}, "", "")
                     .with_working_day(d(2030_y / 3 / 9), {"B", {}, "", ""}, "", "");
  const auto m = a.merged_with(b);
  CHECK_FALSE(m.is_working_day(d(2030_y / 3 / 5)));
  CHECK_FALSE(m.is_working_day(d(2030_y / 3 / 6)));
  CHECK(m.is_working_day(d(2030_y / 3 / 9)));
  CHECK(m.info(d(2030_y / 3 / 6)).source.document == "B");
  // On the same day, the other calendar wins.
  const auto c = base.with_working_day(d(2030_y / 3 / 5), {"C", {}, "", ""}, "", "");
  CHECK(a.merged_with(c).is_working_day(d(2030_y / 3 / 5)));
  CHECK_FALSE(c.merged_with(a).is_working_day(d(2030_y / 3 / 5)));
}

TEST_CASE("calendar: holiday rules give substitute days for holidays on a weekly rest day") {
  cchc::holiday_rule rule;
  rule.id = "test.fixed";
  rule.first_day = d(2000_y / 1 / 1);
  rule.last_day = d(2100_y / 12 / 31);
  rule.source = {"Test law, Art. 1", {}, "", ""};
  rule.holidays = [](int year) {
    return std::vector<cchc::rule_holiday>{
        {sys_days{date::year{year} / 5 / 1}, "Lễ A", "Holiday A", false},
        {sys_days{date::year{year} / 5 / 2}, "Lễ B", "Holiday B", false}};
  };
  const cchc::work_calendar cal(cchc::weekly_rest::saturday_sunday(), {rule});
  // 2021: Sat 1/5, Sun 2/5 → substitutes Mon 3/5 and Tue 4/5.
  CHECK(cal.info(d(2021_y / 5 / 1)).kind == cchc::day_kind::holiday);
  CHECK(cal.info(d(2021_y / 5 / 3)).kind == cchc::day_kind::substitute_day);
  CHECK(cal.info(d(2021_y / 5 / 4)).kind == cchc::day_kind::substitute_day);
  CHECK(cal.is_working_day(d(2021_y / 5 / 5)));
  CHECK(cal.info(d(2021_y / 5 / 3)).reason_en.find("Holiday A") != std::string::npos);
  CHECK(cal.info(d(2021_y / 5 / 4)).reason_en.find("Holiday B") != std::string::npos);
  CHECK_FALSE(cal.info(d(2021_y / 5 / 3)).from_notice);
  // 2020: Fri 1/5, Sat 2/5 → substitute Mon 4/5 (the next day that is not rest or holiday).
  CHECK(cal.info(d(2020_y / 5 / 4)).kind == cchc::day_kind::substitute_day);
  CHECK(cal.is_working_day(d(2020_y / 5 / 5)));
  // Outside the rule's effective period: nothing.
  CHECK(cal.is_working_day(d(1999_y / 5 / 3)));
  // days_off lists holidays (also on weekends) and substitutes, in order.
  const auto off = cal.days_off(d(2021_y / 4 / 1), d(2021_y / 5 / 31));
  REQUIRE(off.size() == 4);
  CHECK(off[0].day == d(2021_y / 5 / 1));
  CHECK(off[3].day == d(2021_y / 5 / 4));
}

TEST_CASE("calendar: a schedule replacing the rules in a period silences them there") {
  cchc::holiday_rule rule;
  rule.id = "test.fixed";
  rule.first_day = d(2000_y / 1 / 1);
  rule.last_day = d(2100_y / 12 / 31);
  rule.holidays = [](int year) {
    return std::vector<cchc::rule_holiday>{{sys_days{date::year{year} / 5 / 1}, "A", "A", false}};
  };
  cchc::schedule s;
  s.replaces_rules.push_back({d(2021_y / 1 / 1), d(2021_y / 12 / 31), {"N", {}, "", ""}});
  s.entries.push_back({d(2021_y / 5 / 5), cchc::day_kind::holiday, {"N", {}, "", ""}, "A", "A", false});
  const cchc::work_calendar cal(cchc::weekly_rest::saturday_sunday(), {rule}, s);
  CHECK(cal.is_working_day(d(2021_y / 5 / 3)));       // no rule substitute for Sat 1/5/2021
  CHECK_FALSE(cal.is_working_day(d(2021_y / 5 / 5)));  // the notice's day
  CHECK(cal.info(d(2021_y / 5 / 5)).from_notice);
  CHECK_FALSE(cal.is_working_day(d(2020_y / 5 / 1)));  // rules still apply elsewhere
}

TEST_CASE("calendar: weekly patterns can change over time") {
  const cchc::work_calendar cal(std::vector<cchc::weekly_rest_period>{
      {d(1900_y / 1 / 1), cchc::weekly_rest::sunday(), {}},
      {d(1999_y / 10 / 2), cchc::weekly_rest::saturday_sunday(), {"QĐ 188/1999/QĐ-TTg", {}, "", ""}}});
  CHECK(cal.is_working_day(d(1999_y / 9 / 25)));   // Saturday, six-day week
  CHECK_FALSE(cal.is_working_day(d(1999_y / 10 / 2)));
  CHECK(cal.info(d(1999_y / 10 / 9)).source.document == "QĐ 188/1999/QĐ-TTg");
  CHECK_THROWS_AS(cchc::work_calendar(std::vector<cchc::weekly_rest_period>{}), cchc::argument_error);
}

TEST_CASE("calendar: schedule entries must be days off or make-up days inside the range") {
  cchc::schedule s;
  s.entries.push_back({d(2024_y / 1 / 2), cchc::day_kind::working, {}, "", "", false});
  CHECK_THROWS_AS(cchc::work_calendar(cchc::weekly_rest::saturday_sunday(), {}, s), cchc::argument_error);
  cchc::schedule t;
  t.entries.push_back({d(2300_y / 1 / 2), cchc::day_kind::extra_day_off, {}, "", "", false});
  CHECK_THROWS_AS(cchc::work_calendar(cchc::weekly_rest::saturday_sunday(), {}, t), cchc::range_error);
}

TEST_CASE("calendar: day kinds print and parse") {
  for (auto k : {cchc::day_kind::working, cchc::day_kind::weekly_rest, cchc::day_kind::holiday,
                 cchc::day_kind::substitute_day, cchc::day_kind::swapped_day_off,
                 cchc::day_kind::extra_day_off, cchc::day_kind::make_up_working_day})
    CHECK(cchc::parse_day_kind(cchc::to_string(k)) == k);
  CHECK(cchc::parse_day_kind("day_off") == cchc::day_kind::extra_day_off);
  CHECK(cchc::parse_day_kind("working_day") == cchc::day_kind::make_up_working_day);
  CHECK_THROWS_AS((void)cchc::parse_day_kind("holyday"), cchc::lookup_error);
  static_assert(cchc::is_working_kind(cchc::day_kind::make_up_working_day));
  static_assert(!cchc::is_working_kind(cchc::day_kind::substitute_day));
}

TEST_CASE("calendar: the index exposes day numbers for bulk loops") {
  const cchc::work_calendar cal;
  const auto& ix = cal.index();
  const auto monday = d(2024_y / 3 / 4).time_since_epoch().count();
  CHECK(ix.is_working(monday));
  CHECK(ix.add(monday, 5) == monday + 7);
  CHECK(ix.between(monday, monday + 7) == 5);
  static_assert(std::is_nothrow_move_constructible_v<cchc::work_calendar>);
}

TEST_CASE("calendar: editing with an invalid field date is an argument_error") {
  const cchc::work_calendar cal;
  CHECK_THROWS_AS((void)cal.with_day_off(date::year_month_day{2023_y, date::February, 29_d}, {}),
                  cchc::argument_error);
  CHECK_THROWS_AS((void)cal.with_working_day(date::year_month_day{2024_y, date::month{13}, 6_d}, {}),
                  cchc::argument_error);
  CHECK_FALSE(cal.with_day_off(2024_y / 2 / 29, {}).is_working_day(2024_y / 2 / 29));
}
