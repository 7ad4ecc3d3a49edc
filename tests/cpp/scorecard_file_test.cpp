// cchc/scorecard_file.hpp: scorecard files through the shared JSON reader, and the built-in vn.766.
// Expected points are computed independently (Python fractions + decimal ROUND_HALF_UP per metric):
//   6·45/50 = 5.40, 4·1 = 4.00, 2·7/9 = 1.56, 6·0.98 = 5.88 → transparency 16.84
//   20·13676/14019 = 19.51; payment r2(6·37/50) + r2(min(2, 2.5·9/10)) + r2(2.5·1/3) = 4.44 + 2.00 + 0.83
#include "cchc/scorecard_file.hpp"

#include <doctest/doctest.h>

#include "cchc/error.hpp"

using cchc::decimal;
using cchc::figures;

namespace {

decimal dec(const char* s) { return decimal::parse(s); }

const cchc::node_score& row(const cchc::score_table& t, const std::string& unit, const std::string& id) {
  for (const auto& r : t.rows)
    if (r.unit == unit && r.id == id) return r;
  FAIL("no row " << unit << " " << id);
  return t.rows.front();
}

std::string error_of(const std::string& text) {
  try {
    (void)cchc::parse_scorecard(text, "card.json");
  } catch (const cchc::error& e) {
    return e.what();
  }
  return "(no error)";
}

figures portal_unit() {
  figures f;
  f.set("PUBLISH_ON_TIME.numerator", 45).set("PUBLISH_ON_TIME.denominator", 50);
  f.set("PUBLIC_UPDATE_ON_TIME.numerator", 12).set("PUBLIC_UPDATE_ON_TIME.denominator", 12);
  f.set("PUBLIC_CONTENT_FULL.numerator", 7).set("PUBLIC_CONTENT_FULL.denominator", 9);
  f.set("DOSSIER_SYNC.ratio", dec("98"));  // the feed publishes only the rate
  f.set("totalOnTime", 13676).set("totalReceived", 14019);
  f.set("totalDossierOnlinePaymentSuccess", 37).set("totalDossierFinancialObligation", 50);
  f.set("totalDossierOnlineFormalityPaymentSuccess", 9).set("totalFeeFormality", 10).set("totalFeeDossierFormality", dec("3.3333"));
  return f;
}

}  // namespace

TEST_CASE("scorecard_file: vn.766 is built in and scores portal feed names") {
  CHECK(cchc::builtin_scorecards() == std::vector<std::string>{"vn.766"});
  const auto card = cchc::builtin_scorecard("vn.766");
  CHECK(card.definition().max_points == dec("100"));
  CHECK(card.definition().groups.size() == 6);
  const auto t = card.score({{"PT", portal_unit()}});
  CHECK(row(t, "PT", "PUBLISH_ON_TIME").points == dec("5.40"));
  CHECK(row(t, "PT", "PUBLIC_UPDATE_ON_TIME").points == dec("4.00"));
  CHECK(row(t, "PT", "PUBLIC_CONTENT_FULL").points == dec("1.56"));
  CHECK(row(t, "PT", "DOSSIER_SYNC").points == dec("5.88"));  // from DOSSIER_SYNC.ratio = 98 %
  CHECK(row(t, "PT", "transparency").points == dec("16.84"));
  CHECK(row(t, "PT", "ON_TIME").points == dec("19.51"));
  // payment: 4.44 + r2(min(2, 2.5 × 0.9)) = 2.00 + r2(2.5 × 0.33333) = 0.83 → 7.27
  CHECK(row(t, "PT", "ONLINE_PAYMENT").points == dec("7.27"));
  // the online-service group is unknown: no score, never guessed; the total says what is known
  CHECK(row(t, "PT", "ONLINE_SERVICES").status == cchc::score_status::unknown);
  CHECK(row(t, "PT", "dossier-digitized").status == cchc::score_status::absent);  // its figures are missing here
  const auto& total = row(t, "PT", "vn.766");
  CHECK_FALSE(total.points);
  CHECK(total.partial_points == dec("43.62"));  // 16.84 + 19.51 + 7.27
}

TEST_CASE("scorecard_file: a transparency metric with 0/0 shows no score and keeps the group's maximum") {
  figures f = portal_unit();
  f.set("PUBLISH_ON_TIME.numerator", 0).set("PUBLISH_ON_TIME.denominator", 0);
  const auto t = cchc::builtin_scorecard("vn.766").score({{"PT", f}});
  CHECK(row(t, "PT", "PUBLISH_ON_TIME").status == cchc::score_status::no_points);
  CHECK_FALSE(row(t, "PT", "PUBLISH_ON_TIME").points);
  CHECK(row(t, "PT", "transparency").max_points == dec("18"));
  CHECK(row(t, "PT", "transparency").points == dec("11.44"));  // 4.00 + 1.56 + 5.88
  f.set("totalOnTime", 0).set("totalReceived", 0);
  CHECK(cchc::builtin_scorecard("vn.766").score({{"PT", f}}).rows.size() > 0);
  CHECK(row(cchc::builtin_scorecard("vn.766").score({{"PT", f}}), "PT", "ON_TIME").points == dec("0.00"));
}

TEST_CASE("scorecard_file: a user's file, with bands and grades, is read by the same code") {
  const std::string text = R"j({
  "format": "cchc.scorecard", "version": 1, "id": "demo", "max_points": 5,
  "grades": [{"above": 90, "grade": "xuất sắc"}, {"at_or_above": 50, "grade": "hoàn thành"}],
  "grades_on": "percent",
  "groups": [{"id": "g", "max_points": "5", "children": [
    {"id": "plan", "max_points": 2.5, "rule": "bands", "value": "ratio(done, planned)",
     "bands": [{"at_or_above": "95%", "points": "2.5"}, {"above": "80%", "points": 1}]},
    {"id": "pub", "max_points": "2.5", "rule": "yes_no", "value": "published == 1"}]}]
})j";
  const auto card = cchc::parse_scorecard(text, "demo.json");
  figures a, b;
  a.set("done", 19).set("planned", 20).set("published", 1);
  b.set("done", 17).set("planned", 20).set("published", 0);
  const auto t = card.score({{"a", a}, {"b", b}});
  CHECK(row(t, "a", "demo").points == dec("5.00"));
  CHECK(row(t, "a", "demo").grade == "xuất sắc");
  CHECK(row(t, "b", "demo").points == dec("1.00"));
  CHECK(row(t, "b", "demo").grade.empty());  // 20 % reaches no grade
  CHECK(row(t, "b", "demo").rank == 2);
}

TEST_CASE("scorecard_file: mistakes are refused at file, line, column and JSON path") {
  const auto sum = error_of(R"j({"format": "cchc.scorecard", "version": 1, "id": "x", "max_points": 3,
  "groups": [{"id": "g", "max_points": 3, "children": [{"id": "l", "max_points": 2, "rule": "linear", "value": "r"}]}]})j");
  CHECK(sum.find("card.json:2:14") != std::string::npos);
  CHECK(sum.find("$.groups[0]") != std::string::npos);
  CHECK(sum.find("'g' is worth 3 points but its children's maxima add up to 2") != std::string::npos);
  const auto key = error_of(R"j({"format": "cchc.scorecard", "version": 1, "id": "x", "max_points": 2,
  "groups": [{"id": "g", "max_points": 2, "children": [{"id": "l", "max_points": 2, "rul": "linear"}]}]})j");
  CHECK(key.find("unknown key \"rul\" (did you mean \"rule\"?)") != std::string::npos);
  CHECK(key.find("$.groups[0].children[0].rul") != std::string::npos);
  const auto dup = error_of(R"j({"format": "cchc.scorecard", "version": 1, "id": "x", "id": "y"})j");
  CHECK(dup.find("card.json:1:") != std::string::npos);
  CHECK(dup.find("duplicate") != std::string::npos);
  CHECK(error_of(R"j({"format": "cchc.scorecard", "version": 1, "id": "x", "max_points": 1e400, "groups": []})j")
            .find("card.json:1:") != std::string::npos);
  const auto band = error_of(R"j({"format": "cchc.scorecard", "version": 1, "id": "x", "max_points": 2,
  "groups": [{"id": "g", "max_points": 2, "children": [{"id": "l", "max_points": 2, "rule": "bands", "value": "r",
    "bands": [{"at_or_above": "95", "points": 2}]}]}]})j");
  CHECK(band.find("a threshold outside 0–100 %") != std::string::npos);
  const auto side = error_of(R"j({"format": "cchc.scorecard", "version": 1, "id": "x", "max_points": 2,
  "groups": [{"id": "g", "max_points": 2, "children": [{"id": "l", "max_points": 2, "rule": "bands", "value": "r",
    "bands": [{"points": 2}]}]}]})j");
  CHECK(side.find("expected exactly one of \"at_or_above\" and \"above\"") != std::string::npos);
  CHECK(error_of(R"j({"format": "cchc.scorecard", "version": 2})j").find("expected version 1, found 2") != std::string::npos);
  CHECK(error_of(R"j({"format": "cchc.scorecard", "version": 1, "id": "x", "max_points": 1,
  "groups": [{"id": "g", "max_points": 1, "children": [{"id": "l", "max_points": 1, "rule": "linear", "value": "a +"}]}]})j")
            .find("leaf 'l': its value `a +` at column 4") != std::string::npos);
  CHECK_THROWS_AS((void)cchc::builtin_scorecard("vn.999"), cchc::lookup_error);
  CHECK_THROWS_AS((void)cchc::load_scorecard("/nonexistent/card.json"), cchc::io_error);
}
