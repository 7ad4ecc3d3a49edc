// cchc/roll_up.hpp: parents as ratios of sums; published parents checked against their children.
#include "cchc/roll_up.hpp"

#include <doctest/doctest.h>

#include "cchc/error.hpp"

using cchc::decimal;

TEST_CASE("roll_up: counts add up and rates are ratios of sums, down the whole tree") {
  const auto t = cchc::parse_figures_table(
      "unit,parent,received,on_time\n"
      "P,,,\n"
      "D1,P,100,90/100\n"
      "D2,P,,\n"          // D2 publishes nothing itself: its communes roll up into it
      "C1,D2,30,30/30\n"
      "C2,D2,20,10/20\n",
      "t.csv");
  const auto up = cchc::roll_up(t);
  REQUIRE(up.units.size() == 2);
  CHECK(up.units[0].unit == "P");
  CHECK(up.units[0].figures.find("received")->number() == decimal(150));
  // (90 + 30 + 10) / (100 + 30 + 20) = 130/150 — not the mean of 90 %, 100 % and 50 %
  CHECK(up.units[0].figures.find("on_time")->as_rate() == cchc::rate(130, 150));
  CHECK(up.units[1].unit == "D2");
  CHECK(up.units[1].figures.find("on_time")->as_rate() == cchc::rate(40, 50));
}

TEST_CASE("roll_up: a figure missing for one child is absent for the parent") {
  const auto t = cchc::parse_figures_table("unit,parent,x\nP,,\nA,P,1\nB,P,\n", "t.csv");
  CHECK(cchc::roll_up(t).units[0].figures.find("x") == nullptr);
}

TEST_CASE("roll_up: mixed kinds and cycles are errors naming the units") {
  const auto mixed = cchc::parse_figures_table("unit,parent,x\nP,,\nA,P,1\nB,P,1/2\n", "t.csv");
  CHECK_THROWS_WITH_AS((void)cchc::roll_up(mixed), doctest::Contains("'A', 'B'"), cchc::argument_error);
  const auto cycle = cchc::parse_figures_table("unit,parent,x\nA,B,\nB,A,\n", "t.csv");
  CHECK_THROWS_WITH_AS((void)cchc::roll_up(cycle), doctest::Contains("cycle"), cchc::argument_error);
}

TEST_CASE("check_roll_up: a parent's published figure must equal its children's sum") {
  const auto t = cchc::parse_figures_table(
      "unit,parent,received,on_time\n"
      "P,,151,130/150\n"
      "A,P,100,90/100\n"
      "B,P,50,40/50\n",
      "t.csv");
  const auto f = cchc::check_roll_up(t, "t.csv");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "units.sum");
  CHECK(f[0].where.field == "received");
  CHECK(f[0].where.line == 2);
  CHECK(f[0].message_en == "unit P: received is 151 but its 2 children add up to 150");
  CHECK(f[0].numbers[1] == std::pair<std::string, std::string>{"children_sum", "150"});
}

// ── the tree from a units file at a date (cchc/units.hpp) ──

namespace {

const char* const two_tiers =
    "code,name,level,parent,valid_from,valid_to\n"
    "P,Tỉnh P,province,,,\n"
    "D,Huyện D,district,P,,2025-06-30\n"
    "C1,Xã C1,commune,D,,2025-06-30\n"
    "C2,Xã C2,commune,D,,2025-06-30\n"
    "C1,Xã C1,commune,P,2025-07-01,\n"
    "C2,Xã C2,commune,P,2025-07-01,\n";

date::sys_days on(int y, unsigned m, unsigned d) { return date::sys_days{date::year{y} / date::month{m} / date::day{d}}; }

}  // namespace

TEST_CASE("roll_up with units: the tree of the day decides who sums into whom") {
  const auto units = cchc::units::parse(two_tiers, "u.csv");
  // The table's own parent column is ignored: the units file is the tree.
  const auto t = cchc::parse_figures_table("unit,parent,received,on_time\nC1,ZZ,30,27/30\nC2,,20,10/20\n", "t.csv");
  const auto before = cchc::roll_up(t, units, on(2025, 6, 30));
  REQUIRE(before.units.size() == 2);  // D (the communes' parent) and P (D's)
  CHECK(before.units[0].unit == "P");
  CHECK(before.units[0].name == "Tỉnh P");
  CHECK(before.units[0].figures.find("on_time")->as_rate() == cchc::rate(37, 50));
  CHECK(before.units[1].unit == "D");
  CHECK(before.units[1].parent == "P");
  CHECK(before.units[1].figures.find("received")->number() == decimal(50));
  const auto after = cchc::roll_up(t, units, on(2025, 7, 1));
  REQUIRE(after.units.size() == 1);  // two tiers: only the province has children
  CHECK(after.units[0].unit == "P");
  CHECK(after.units[0].figures.find("on_time")->as_rate() == cchc::rate(37, 50));
}

TEST_CASE("roll_up with units: the same sums as the parent column gives (one rule)") {
  const auto units = cchc::units::parse(two_tiers, "u.csv");
  const auto with_column = cchc::parse_figures_table("unit,parent,x\nD,P,\nC1,D,3\nC2,D,4/5\n", "t.csv");
  // x is a rate for one commune and a number for another: the same refusal from both trees
  CHECK_THROWS_AS((void)cchc::roll_up(with_column), cchc::argument_error);
  const auto table = cchc::parse_figures_table("unit,parent,x\nD,P,\nC1,D,3\nC2,D,4\n", "t.csv");
  const auto a = cchc::roll_up(table);
  const auto b = cchc::roll_up(table, units, on(2024, 1, 1));
  REQUIRE(a.units.size() == 2);
  REQUIRE(b.units.size() == 2);
  // parents in first-appearance order: P, D from the column; P, D from the file
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(a.units[i].unit == b.units[i].unit);
    CHECK(a.units[i].figures == b.units[i].figures);
  }
}

TEST_CASE("roll_up with units: a child the table lacks makes the parent absent — an unknown unit is an error") {
  const auto units = cchc::units::parse(two_tiers, "u.csv");
  const auto partial = cchc::parse_figures_table("unit,x\nC1,3\n", "t.csv");
  const auto up = cchc::roll_up(partial, units, on(2025, 7, 1));
  REQUIRE(up.units.size() == 1);
  CHECK(up.units[0].figures.find("x") == nullptr);  // C2 is unknown: the sum is unknown, not 3
  const auto stranger = cchc::parse_figures_table("unit,x\nC1,3\nD,1\n", "t.csv");
  CHECK_THROWS_WITH_AS((void)cchc::roll_up(stranger, units, on(2025, 7, 1)),
                       doctest::Contains("'D', which the units file u.csv does not list as valid on 2025-07-01"),
                       cchc::argument_error);
}

TEST_CASE("check_roll_up with units: published parents against the children of the day") {
  const auto units = cchc::units::parse(two_tiers, "u.csv");
  const auto t = cchc::parse_figures_table("unit,x\nP,8\nD,7\nC1,3\nC2,4\n", "t.csv");
  CHECK(cchc::check_roll_up(t, units, on(2025, 6, 1)).empty() == false);  // P = 8 but D = 7
  const auto f = cchc::check_roll_up(t, units, on(2025, 6, 1), "t.csv");
  REQUIRE(f.size() == 1);
  CHECK(f[0].where.path == "unit P");
  // After the reform D is not valid: the table's row for it is refused.
  CHECK_THROWS_AS((void)cchc::check_roll_up(t, units, on(2025, 7, 1)), cchc::argument_error);
  const auto later = cchc::parse_figures_table("unit,x\nP,7\nC1,3\nC2,4\n", "t.csv");
  CHECK(cchc::check_roll_up(later, units, on(2025, 7, 1)).empty());
}
