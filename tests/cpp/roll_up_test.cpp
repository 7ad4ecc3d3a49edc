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
