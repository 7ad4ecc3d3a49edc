// cchc/units.hpp: units as data over time; every refusal names file:line:column and the column.
#include "cchc/units.hpp"

#include <doctest/doctest.h>

#include "cchc/error.hpp"

using date::sys_days;

namespace {

// Hải Phòng before and after the two-tier reform of 1/7/2025 (codes invented for the test).
const char* const reform =
    "code,name,level,parent,valid_from,valid_to\n"
    "HP,TP Hải Phòng,province,,,\n"
    "KA,Quận Kiến An,district,HP,,2025-06-30\n"
    "KA.1,Phường Bắc Sơn,commune,KA,,30/06/2025\n"
    "KA.2,Phường Nam Sơn,commune,KA,,2025-06-30\n"
    "KA.1,Phường Bắc Sơn,commune,HP,2025-07-01,\n"
    "KAN,Phường Kiến An,commune,HP,2025-07-01,\n";

sys_days on_day(int y, unsigned m, unsigned d) { return sys_days{date::year{y} / date::month{m} / date::day{d}}; }

cchc::location where_of(const char* text) {
  try {
    (void)cchc::units::parse(text, "u.csv");
  } catch (const cchc::error& e) {
    return e.where();
  }
  FAIL("expected a parse_error");
  return {};
}

}  // namespace

TEST_CASE("units: three tiers before 1/7/2025, two after — lookups and children name their date") {
  const auto u = cchc::units::parse(reform, "u.csv");
  CHECK(u.rows().size() == 6);
  const auto before = on_day(2025, 6, 30), after = on_day(2025, 7, 1);
  REQUIRE(u.find("KA", before) != nullptr);
  CHECK(u.find("KA", before)->level == "district");
  CHECK(u.find("KA", after) == nullptr);  // the district is gone
  CHECK(u.find("KA.1", before)->parent == "KA");
  CHECK(u.find("KA.1", after)->parent == "HP");  // re-parented on the reform day
  CHECK(u.find("nobody", before) == nullptr);
  const auto kids_before = u.children("HP", before);
  REQUIRE(kids_before.size() == 1);
  CHECK(kids_before[0]->code == "KA");
  const auto kids_after = u.children("HP", after);
  REQUIRE(kids_after.size() == 2);
  CHECK(kids_after[0]->code == "KA.1");
  CHECK(kids_after[1]->code == "KAN");
  CHECK(u.children("KA", before).size() == 2);
  CHECK(u.on(before).size() == 4);
  CHECK(u.on(after).size() == 3);
  CHECK(u.find("HP", on_day(1990, 1, 1)) != nullptr);  // no valid_from: since always
}

TEST_CASE("units: the columns are named by the header, in any order — name, parent and dates optional") {
  const auto u = cchc::units::parse("Level;Code\nprovince;P\n", "u.csv");
  REQUIRE(u.rows().size() == 1);
  CHECK(u.rows()[0].code == "P");
  CHECK(u.rows()[0].level == "province");
  CHECK(u.rows()[0].line == 2);
  CHECK(u.origin() == "u.csv");
}

TEST_CASE("units: an unknown parent is refused at its cell") {
  const auto w = where_of("code,level,parent\nP,province,\nD,district,Q\n");
  CHECK(w.file == "u.csv");
  CHECK(w.line == 3);
  CHECK(w.column == 12);
  CHECK(w.field == "parent");
  CHECK(w.path == "unit D");
  CHECK_THROWS_WITH_AS((void)cchc::units::parse("code,level,parent\nP,province,\nD,district,Q\n", "u.csv"),
                       doctest::Contains("unknown parent 'Q'"), cchc::parse_error);
}

TEST_CASE("units: cycles are refused, naming the chain") {
  const char* text = "code,level,parent\nA,x,B\nB,x,C\nC,x,A\n";
  CHECK_THROWS_WITH_AS((void)cchc::units::parse(text, "u.csv"), doctest::Contains("cycle"), cchc::parse_error);
  CHECK_THROWS_WITH_AS((void)cchc::units::parse(text, "u.csv"), doctest::Contains("A → B → C → A"), cchc::parse_error);
  CHECK(where_of(text).field == "parent");
  CHECK_THROWS_WITH_AS((void)cchc::units::parse("code,level,parent\nA,x,A\n", "u.csv"), doctest::Contains("its own parent"),
                       cchc::parse_error);
  // A cycle across dates is still a cycle (checked on the whole file's links).
  const char* over_time =
      "code,level,parent,valid_from,valid_to\nA,x,,,2020-12-31\nA,x,B,2021-01-01,\nB,x,A,,\n";
  CHECK_THROWS_WITH_AS((void)cchc::units::parse(over_time, "u.csv"), doctest::Contains("cycle"), cchc::parse_error);
}

TEST_CASE("units: a duplicate code with overlapping validity is refused — disjoint intervals are fine") {
  const char* dup = "code,level,valid_from,valid_to\nA,x,2020-01-01,2022-12-31\nA,x,2022-12-31,\n";
  const auto w = where_of(dup);
  CHECK(w.line == 3);
  CHECK(w.column == 1);
  CHECK(w.field == "code");
  CHECK_THROWS_WITH_AS((void)cchc::units::parse(dup, "u.csv"), doctest::Contains("overlaps the one on line 2"),
                       cchc::parse_error);
  CHECK_THROWS_WITH_AS((void)cchc::units::parse("code,level\nA,x\nA,y\n", "u.csv"), doctest::Contains("overlaps"),
                       cchc::parse_error);
  const auto touching = cchc::units::parse("code,level,valid_from,valid_to\nA,x,2020-01-01,2022-12-30\nA,x,2022-12-31,\n");
  CHECK(touching.rows().size() == 2);
}

TEST_CASE("units: valid_to before valid_from, and dates that are not dates, are refused at the cell") {
  const char* order = "code,level,valid_from,valid_to\nA,x,2021-01-01,2020-12-31\n";
  const auto w = where_of(order);
  CHECK(w.line == 2);
  CHECK(w.column == 16);
  CHECK(w.field == "valid_to");
  CHECK_THROWS_WITH_AS((void)cchc::units::parse(order, "u.csv"),
                       doctest::Contains("valid_to 2020-12-31 is before valid_from 2021-01-01"), cchc::parse_error);
  CHECK_THROWS_WITH_AS((void)cchc::units::parse("code,level,valid_from\nA,x,30/02/2025\n", "u.csv"),
                       doctest::Contains("February"), cchc::parse_error);
  CHECK(where_of("code,level,valid_from\nA,x,30/02/2025\n").column == 5);
  CHECK_THROWS_WITH_AS((void)cchc::units::parse("code,level,valid_from\nA,x,2025-07-01 08:00\n", "u.csv"),
                       doctest::Contains("without a time"), cchc::parse_error);
}

TEST_CASE("units: a parent must be valid on every day its child is") {
  const char* late_parent = "code,level,parent,valid_from,valid_to\nP,x,,2025-07-01,\nC,y,P,2025-01-01,\n";
  CHECK_THROWS_WITH_AS((void)cchc::units::parse(late_parent, "u.csv"), doctest::Contains("not valid on 2025-01-01"),
                       cchc::parse_error);
  const char* ended = "code,level,parent,valid_from,valid_to\nP,x,,,2025-06-30\nC,y,P,,\n";
  CHECK_THROWS_WITH_AS((void)cchc::units::parse(ended, "u.csv"), doctest::Contains("not valid on 2025-07-01"),
                       cchc::parse_error);
  const char* always = "code,level,parent,valid_from,valid_to\nP,x,,2000-01-01,\nC,y,P,,\n";
  CHECK_THROWS_WITH_AS((void)cchc::units::parse(always, "u.csv"), doctest::Contains("before 2000-01-01"), cchc::parse_error);
  const char* gap =
      "code,level,parent,valid_from,valid_to\nP,x,,,2020-12-31\nP,x,,2021-01-02,\nC,y,P,,\n";
  CHECK_THROWS_WITH_AS((void)cchc::units::parse(gap, "u.csv"), doctest::Contains("not valid on 2021-01-01"), cchc::parse_error);
  // The parent's rows may split its validity, as long as together they cover the child's.
  const char* split = "code,level,parent,valid_from,valid_to\nP,x,,,2020-12-31\nP,z,,2021-01-01,\nC,y,P,2019-05-01,2023-01-01\n";
  const auto split_units = cchc::units::parse(split);
  CHECK(split_units.rows().size() == 3);
}

TEST_CASE("units: header mistakes and empty cells") {
  CHECK_THROWS_WITH_AS((void)cchc::units::parse("", "u.csv"), doctest::Contains("empty file"), cchc::parse_error);
  CHECK_THROWS_WITH_AS((void)cchc::units::parse("code,name\nA,a\n", "u.csv"), doctest::Contains("'level' column"),
                       cchc::parse_error);
  CHECK_THROWS_WITH_AS((void)cchc::units::parse("code,level,colour\nA,x,red\n", "u.csv"),
                       doctest::Contains("unknown column 'colour'"), cchc::parse_error);
  CHECK(where_of("code,level,colour\nA,x,red\n").column == 12);
  CHECK_THROWS_WITH_AS((void)cchc::units::parse("code,level,code\n", "u.csv"), doctest::Contains("appears twice"),
                       cchc::parse_error);
  CHECK_THROWS_WITH_AS((void)cchc::units::parse("code,level\n,x\n", "u.csv"), doctest::Contains("expected a unit code"),
                       cchc::parse_error);
  CHECK_THROWS_WITH_AS((void)cchc::units::parse("code,level\nA,\n", "u.csv"), doctest::Contains("level"),
                       cchc::parse_error);
  CHECK_THROWS_WITH_AS((void)cchc::units::parse("code,level\nA,x,y\n", "u.csv"), doctest::Contains("expected 2 fields"),
                       cchc::parse_error);
  CHECK_THROWS_WITH_AS((void)cchc::units::parse("code,level\n\"A,x\n", "u.csv"), doctest::Contains("quote"), cchc::parse_error);
  CHECK_THROWS_WITH_AS((void)cchc::units::parse("code,level\n\xff,x\n", "u.csv"), doctest::Contains("UTF-8"), cchc::parse_error);
  CHECK_THROWS_AS((void)cchc::units::load("/nonexistent/units.csv"), cchc::io_error);
}

TEST_CASE("units: a long chain is checked without recursion") {
  std::string text = "code,level,parent\nU0,x,\n";
  for (int i = 1; i < 200000; ++i) text += "U" + std::to_string(i) + ",x,U" + std::to_string(i - 1) + "\n";
  const auto u = cchc::units::parse(text);
  CHECK(u.rows().size() == 200000);
  CHECK(u.children("U5", on_day(2025, 1, 1)).size() == 1);
}
