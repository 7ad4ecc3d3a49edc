#include "cchc/period.hpp"

#include <doctest/doctest.h>

#include <set>
#include <type_traits>

#include "cchc/calendar.hpp"
#include "cchc/error.hpp"
#include "cchc/vietnam_calendar.hpp"

using date::sys_days;

namespace {

sys_days ymd(int y, unsigned m, unsigned d) {
  return sys_days{date::year{y} / date::month{m} / date::day{d}};
}

// A tiny work calendar for report_due: Monday–Friday, minus an explicit list of days off. It has the
// add_working_days member that cchc::work_calendar has, counting as the Civil Code does (the cut-off
// day itself is not counted).
class test_calendar {
 public:
  explicit test_calendar(std::set<sys_days> off) : off_(std::move(off)) {}
  [[nodiscard]] bool is_working_day(sys_days d) const {
    const date::weekday w{d};
    return w != date::Saturday && w != date::Sunday && off_.count(d) == 0;
  }
  [[nodiscard]] sys_days add_working_days(sys_days d, int n) const {
    while (n > 0) {
      d += date::days{1};
      if (is_working_day(d)) --n;
    }
    return d;
  }

 private:
  std::set<sys_days> off_;
};

}  // namespace

TEST_CASE("period: Decree 09/2019 periods (METHODOLOGY.md §5)") {
  const auto m = cchc::period::monthly(2025, 3);
  CHECK(m.first() == ymd(2025, 2, 15));
  CHECK(m.last() == ymd(2025, 3, 14));
  CHECK(m.days().count() == 28);
  CHECK(m.kind() == cchc::period_kind::decree09_month);
  CHECK(m.name() == "Báo cáo tháng 3/2025");

  const auto jan = cchc::period::monthly(date::year{2025} / date::January);
  CHECK(jan.first() == ymd(2024, 12, 15));
  CHECK(jan.last() == ymd(2025, 1, 14));
  // March 2024 report in a leap year: 15/02 – 14/03 holds 29 February.
  CHECK(cchc::period::monthly(2024, 3).days().count() == 29);

  const auto q1 = cchc::period::quarterly(2025, 1);
  CHECK(q1.first() == ymd(2024, 12, 15));
  CHECK(q1.last() == ymd(2025, 3, 14));
  CHECK(q1.name() == "Báo cáo quý I/2025");
  CHECK(q1.days().count() == 90);
  const auto q3 = cchc::period::quarterly(2025, 3);
  CHECK(q3.first() == ymd(2025, 6, 15));
  CHECK(q3.last() == ymd(2025, 9, 14));
  const auto q4 = cchc::period::quarterly(2025, 4);
  CHECK(q4.first() == ymd(2025, 9, 15));
  CHECK(q4.last() == ymd(2025, 12, 14));

  const auto h1 = cchc::period::six_months(2025);
  CHECK(h1.first() == ymd(2024, 12, 15));
  CHECK(h1.last() == ymd(2025, 6, 14));
  const auto n9 = cchc::period::nine_months(2025);
  CHECK(n9.first() == ymd(2024, 12, 15));
  CHECK(n9.last() == ymd(2025, 9, 14));
  const auto y = cchc::period::annual(2023);
  CHECK(y.first() == ymd(2022, 12, 15));
  CHECK(y.last() == ymd(2023, 12, 14));
  CHECK(y.days().count() == 365);
  CHECK(y.kind() == cchc::period_kind::decree09_year);
}

TEST_CASE("period: the 12 Decree 09 months and 4 quarters tile the year exactly") {
  for (int year : {2023, 2024, 2025}) {
    const auto annual = cchc::period::annual(year);
    sys_days expected_first = annual.first();
    long total = 0;
    for (unsigned month = 1; month <= 12; ++month) {
      const auto m = cchc::period::monthly(year, month);
      CHECK(m.first() == expected_first);
      expected_first = m.last() + date::days{1};
      total += m.days().count();
    }
    CHECK(expected_first == annual.last() + date::days{1});
    CHECK(total == annual.days().count());
    CHECK(cchc::period::quarterly(year, 1).first() == annual.first());
    CHECK(cchc::period::quarterly(year, 2).last() == cchc::period::six_months(year).last());
    CHECK(cchc::period::quarterly(year, 3).last() == cchc::period::nine_months(year).last());
    CHECK(cchc::period::quarterly(year, 4).last() == annual.last());
  }
}

TEST_CASE("period: calendar periods") {
  const auto feb = cchc::period::calendar_month(2024, 2);
  CHECK(feb.first() == ymd(2024, 2, 1));
  CHECK(feb.last() == ymd(2024, 2, 29));
  CHECK(cchc::period::calendar_month(date::year{2023} / date::February).days().count() == 28);
  const auto q2 = cchc::period::calendar_quarter(2025, 2);
  CHECK(q2.first() == ymd(2025, 4, 1));
  CHECK(q2.last() == ymd(2025, 6, 30));
  CHECK(q2.name() == "Quý II/2025");
  const auto y = cchc::period::calendar_year(2024);
  CHECK(y.first() == ymd(2024, 1, 1));
  CHECK(y.last() == ymd(2024, 12, 31));
  CHECK(y.days().count() == 366);
  CHECK(y.kind() == cchc::period_kind::calendar_year);
}

TEST_CASE("period: custom periods, contains, overlaps") {
  // The seed report's period (METHODOLOGY.md §5): 15/12/2022 – 13/12/2023, one day short of Decree 09.
  const auto seed = cchc::period::custom("Báo cáo năm 2023", date::year{2022} / 12 / 15,
                                         date::year{2023} / 12 / 13);
  const auto decree = cchc::period::annual(2023);
  CHECK(seed.kind() == cchc::period_kind::custom);
  CHECK(seed.days().count() == decree.days().count() - 1);
  CHECK(seed != decree);
  CHECK(seed.overlaps(decree));
  CHECK(decree.contains(ymd(2023, 12, 14)));
  CHECK_FALSE(seed.contains(ymd(2023, 12, 14)));
  CHECK(seed.contains(ymd(2022, 12, 15)));
  CHECK(seed.contains(ymd(2023, 12, 13)));
  CHECK_FALSE(seed.contains(ymd(2022, 12, 14)));

  const auto one_day = cchc::period::custom("d", ymd(2025, 1, 1), ymd(2025, 1, 1));
  CHECK(one_day.days().count() == 1);
  CHECK(one_day.overlaps(cchc::period::calendar_year(2025)));
  CHECK_FALSE(one_day.overlaps(cchc::period::calendar_year(2024)));
  // Adjacent periods share no day.
  CHECK_FALSE(cchc::period::monthly(2025, 1).overlaps(cchc::period::monthly(2025, 2)));
  CHECK(cchc::period::monthly(2025, 2).overlaps(cchc::period::calendar_month(2025, 1)));

  const auto renamed = decree.renamed("Báo cáo CCHC năm 2023");
  CHECK(renamed.name() == "Báo cáo CCHC năm 2023");
  CHECK(renamed.first() == decree.first());
  CHECK(renamed.kind() == decree.kind());
  CHECK(decree.name() == "Báo cáo năm 2023");  // the original is unchanged
}

TEST_CASE("period: regular value") {
  static_assert(std::is_nothrow_move_constructible_v<cchc::period>);
  static_assert(std::is_copy_assignable_v<cchc::period>);
  const auto a = cchc::period::quarterly(2025, 2);
  auto b = a;
  CHECK(a == b);
  b = cchc::period::quarterly(2025, 3);
  CHECK(a != b);
  CHECK(a < b);
  std::set<cchc::period> s{a, b, a};
  CHECK(s.size() == 2);
  CHECK(cchc::to_string(a) == "Báo cáo quý II/2025: 15/03/2025 – 14/06/2025");
  CHECK(std::string(cchc::to_string(cchc::period_kind::decree09_nine_months)) ==
        "decree09_nine_months");
}

TEST_CASE("period: report due 2 working days after the cut-off") {
  // Days off taken from CALENDAR.md's 2025 schedule: Tết 27/01 – 31/01/2025.
  const test_calendar cal({ymd(2025, 1, 27), ymd(2025, 1, 28), ymd(2025, 1, 29), ymd(2025, 1, 30),
                           ymd(2025, 1, 31)});
  // Annual 2023: cut-off Thu 14/12/2023 → Fri 15, (weekend), Mon 18/12/2023.
  CHECK(cchc::period::annual(2023).report_due(cal) == ymd(2023, 12, 18));
  // Quarter I 2025: cut-off Fri 14/03/2025 → Mon 17, Tue 18/03/2025.
  CHECK(cchc::period::quarterly(2025, 1).report_due(cal) == ymd(2025, 3, 18));
  // January 2025 report: cut-off Tue 14/01/2025 → Thu 16/01/2025.
  CHECK(cchc::period::monthly(2025, 1).report_due(cal) == ymd(2025, 1, 16));
  // A custom period ending on the Friday before Tết 2025: Mon 03/02 and Tue 04/02/2025.
  CHECK(cchc::period::custom("x", ymd(2025, 1, 1), ymd(2025, 1, 24)).report_due(cal) ==
        ymd(2025, 2, 4));
}

TEST_CASE("period: bad input is a clear error") {
  CHECK_THROWS_WITH_AS((void)cchc::period::monthly(2025, 13), doctest::Contains("months are 1–12"),
                       cchc::argument_error);
  CHECK_THROWS_AS((void)cchc::period::monthly(2025, 0), cchc::argument_error);
  CHECK_THROWS_AS((void)cchc::period::calendar_month(2025, 13), cchc::argument_error);
  CHECK_THROWS_AS((void)cchc::period::monthly(date::year{2025} / date::month{13}),
                  cchc::argument_error);
  CHECK_THROWS_WITH_AS((void)cchc::period::quarterly(2025, 5),
                       doctest::Contains("quarters are 1–4"), cchc::argument_error);
  CHECK_THROWS_AS((void)cchc::period::quarterly(2025, 0), cchc::argument_error);
  CHECK_THROWS_AS((void)cchc::period::calendar_quarter(2025, 5), cchc::argument_error);
  // 29/02 of a non-leap year through a year_month_day.
  CHECK_THROWS_WITH_AS((void)cchc::period::custom("p", date::year{2023} / 2 / 29,
                                                  date::year{2023} / 3 / 31),
                       doctest::Contains("29/2/2023 is not a valid date"), cchc::argument_error);
  CHECK_NOTHROW((void)cchc::period::custom("p", date::year{2024} / 2 / 29, date::year{2024} / 3 / 31));
  // last before first
  CHECK_THROWS_WITH_AS((void)cchc::period::custom("p", ymd(2025, 3, 1), ymd(2025, 2, 28)),
                       doctest::Contains("28/02/2025 is before first day 01/03/2025"),
                       cchc::argument_error);
  try {
    (void)cchc::period::custom("p", ymd(2025, 3, 1), ymd(2025, 2, 28));
  } catch (const cchc::argument_error& e) {
    CHECK(e.where().field == "last");
  }
  // years outside date's range
  CHECK_THROWS_AS((void)cchc::period::annual(40000), cchc::range_error);
  CHECK_THROWS_AS((void)cchc::period::monthly(-40000, 1), cchc::range_error);
}

TEST_CASE("period: report due with the Vietnamese civil-service work_calendar") {
  // Expected days worked out by hand from CALENDAR.md's official schedules.
  const cchc::work_calendar& cal = cchc::vietnam::civil_service_calendar();
  // February 2024 report: cut-off Wed 14/02/2024 is the last day of the Tết break (Thu 08/02 –
  // Wed 14/02) → Thu 15/02, Fri 16/02/2024.
  CHECK(cchc::period::monthly(2024, 2).report_due(cal) == ymd(2024, 2, 16));
  // February 2026 report: cut-off Sat 14/02/2026, Tết off Mon 16/02 – Fri 20/02/2026
  // → Mon 23/02, Tue 24/02/2026.
  CHECK(cchc::period::monthly(2026, 2).report_due(cal) == ymd(2026, 2, 24));
  // A period ending Tue 29/04/2025: Wed 30/04, Thu 01/05, Fri 02/05 (swapped) off, weekend
  // → Mon 05/05, Tue 06/05/2025.
  CHECK(cchc::period::custom("x", ymd(2025, 4, 1), ymd(2025, 4, 29)).report_due(cal) ==
        ymd(2025, 5, 6));
  // Annual 2023: cut-off Thu 14/12/2023 → Fri 15/12, Mon 18/12/2023.
  CHECK(cchc::period::annual(2023).report_due(cal) == ymd(2023, 12, 18));
  // Quarter II 2024: cut-off Fri 14/06/2024 → Mon 17/06, Tue 18/06/2024.
  CHECK(cchc::period::quarterly(2024, 2).report_due(cal) == ymd(2024, 6, 18));
}

TEST_CASE("period: parse reads the --period grammar (one home for the CLI and Python)") {
  using namespace date::literals;
  CHECK(cchc::period::parse("annual:2023") == cchc::period::annual(2023));
  CHECK(cchc::period::parse("6months:2024") == cchc::period::six_months(2024));
  CHECK(cchc::period::parse("9months:2024") == cchc::period::nine_months(2024));
  CHECK(cchc::period::parse("quarter:2025-Q1") == cchc::period::quarterly(2025, 1));
  CHECK(cchc::period::parse("quarter:2025-q4") == cchc::period::quarterly(2025, 4));
  CHECK(cchc::period::parse("month:2023-05") == cchc::period::monthly(2023, 5));
  CHECK(cchc::period::parse("year:2023") == cchc::period::calendar_year(2023));
  CHECK(cchc::period::parse("calendar-quarter:2023-Q2") == cchc::period::calendar_quarter(2023, 2));
  CHECK(cchc::period::parse("calendar-month:2024-02") == cchc::period::calendar_month(2024, 2));
  const auto seed = cchc::period::parse("15/12/2022..2023-12-13");
  CHECK(seed.first() == sys_days{2022_y / 12 / 15});
  CHECK(seed.last() == sys_days{2023_y / 12 / 13});
  CHECK(seed.kind() == cchc::period_kind::custom);
  CHECK(seed.name() == "2022-12-15..2023-12-13");
}

TEST_CASE("period: parse refuses bad and ambiguous text, saying what was expected") {
  const auto message = [](const char* text) {
    try {
      (void)cchc::period::parse(text);
    } catch (const cchc::parse_error& e) {
      CHECK(e.where().field == "period");
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message("2023").find("ambiguous: annual:2023") != std::string::npos);
  CHECK(message("2023").find("year:2023") != std::string::npos);
  CHECK(message("2023-Q1").find("calendar-quarter:2023-Q1") != std::string::npos);
  CHECK(message("2023-05").find("calendar-month:2023-05") != std::string::npos);
  CHECK(message("quarter:2023-Q5").find("YYYY-Qn") != std::string::npos);
  CHECK(message("month:2023-13").find("01..12") != std::string::npos);
  CHECK(message("annual:23").find("4 digits") != std::string::npos);
  CHECK(message("weekly:2023").find("unknown period name 'weekly'") != std::string::npos);
  CHECK(message("2023-12-14..2023-12-01").find("end is before the start") != std::string::npos);
  CHECK(message("2023-02-30..2023-03-01").find("February") != std::string::npos);
}
