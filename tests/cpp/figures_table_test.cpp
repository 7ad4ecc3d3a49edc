// cchc/figures_table.hpp: figures tables through the shared CSV tokenizer; absent cells are absent.
#include "cchc/figures_table.hpp"

#include <doctest/doctest.h>

#include "cchc/error.hpp"
#include "cchc/rate.hpp"

using cchc::decimal;

namespace {
std::string error_of(const std::string& text, cchc::figures_table_options o = {}) {
  try {
    (void)cchc::parse_figures_table(text, "t.csv", o);
  } catch (const cchc::error& e) {
    return e.what();
  }
  return "(no error)";
}
}  // namespace

TEST_CASE("figures_table: one row per unit, one column per figure, empty cells absent") {
  const auto t = cchc::parse_figures_table(
      "\xEF\xBB\xBFunit,name,parent,totalOnTime,totalReceived,DOSSIER_SYNC.ratio,on_time\n"
      "PT,Tỉnh Phú Thọ,,13676,14019,98.5,118/119\n"
      "VT,\"TP Việt Trì, Phú Thọ\",PT,1203,1250,,\n",
      "t.csv");
  CHECK(t.names == std::vector<std::string>{"totalOnTime", "totalReceived", "DOSSIER_SYNC.ratio", "on_time"});
  REQUIRE(t.units.size() == 2);
  CHECK(t.units[0].unit == "PT");
  CHECK(t.units[0].name == "Tỉnh Phú Thọ");
  CHECK(t.units[0].figures.find("totalOnTime")->number() == decimal(13676));
  CHECK(t.units[0].figures.find("DOSSIER_SYNC.ratio")->number() == decimal::parse("98.5"));
  CHECK(t.units[0].figures.find("on_time")->as_rate() == cchc::rate(118, 119));
  CHECK(t.units[1].parent == "PT");
  CHECK(t.units[1].name == "TP Việt Trì, Phú Thọ");
  CHECK(t.units[1].figures.find("DOSSIER_SYNC.ratio") == nullptr);  // absent, not 0
  CHECK(t.units[1].line == 3);
}

TEST_CASE("figures_table: separators, Vietnamese headers and number styles") {
  const auto t = cchc::parse_figures_table("ĐƠN VỊ;Tên đơn vị;x\nA;Xã A;1.234,5\n", "t.csv", {cchc::number_style::vi, 0});
  REQUIRE(t.units.size() == 1);
  CHECK(t.units[0].unit == "A");
  CHECK(t.units[0].name == "Xã A");
  CHECK(t.units[0].figures.find("x")->number() == decimal::parse("1234.5"));
}

TEST_CASE("figures_table: mistakes name the file, line, column, figure and unit") {
  const auto bad = error_of("unit,a,b\nX,1,2\nY,3,tám\n");
  CHECK(bad.find("t.csv:3:5") != std::string::npos);
  CHECK(bad.find("unit Y") != std::string::npos);
  CHECK(bad.find("b") != std::string::npos);
  CHECK(bad.find("expected an exact number") != std::string::npos);
  CHECK(error_of("unit,a\nX,97%\n").find("without '%'") != std::string::npos);
  CHECK(error_of("unit,a\nX,1\nX,2\n").find("the unit 'X' has a second row (the first is on line 2)") != std::string::npos);
  CHECK(error_of("unit,a,A\nX,1,2\n").find("the column 'A' appears twice") != std::string::npos);
  const auto hint = error_of("unit;a;b\n", {cchc::number_style::plain, ','});
  CHECK(hint.find("expected a 'unit' column") != std::string::npos);
  CHECK(hint.find("';'") != std::string::npos);  // the separator hint
  CHECK(error_of("").find("empty file") != std::string::npos);
  CHECK(error_of("unit,a\nX,1,2\n").find("expected 2 fields as in the header, found 3") != std::string::npos);
  CHECK(error_of("unit,a\n,1\n").find("expected a unit code") != std::string::npos);
  CHECK(error_of("unit,a\nX,1/-2\n").find("denominator of 0 or more") != std::string::npos);
  CHECK_THROWS_AS((void)cchc::load_figures_table("/nonexistent/t.csv"), cchc::io_error);
}
