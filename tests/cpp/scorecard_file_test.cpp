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
  CHECK(cchc::builtin_scorecards() == std::vector<std::string>{"example.district-par", "vn.766", "vn.haiphong.212-2025"});
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

TEST_CASE("scorecard_file: Hải Phòng 212/2025 — manual points, relative to the mean, N/A, grades by the stated sides") {
  // Expected values worked out by hand from the decision's form (see the comments per figure).
  const auto card = cchc::builtin_scorecard("vn.haiphong.212-2025");
  CHECK(card.definition().max_points == dec("100"));
  figures x, y;
  for (const char* g : {"I.1", "I.2", "I.3", "I.4"})
    for (const char* l : {"a", "b", "c", "d"}) {
      x.set(std::string(g) + "." + l + ".points", dec("1.25"));
      y.set(std::string(g) + "." + l + ".points", 1);
    }
  for (const char* g : {"II.1", "II.2"})
    for (const char* l : {"a", "b", "c", "d", "e"}) {
      x.set(std::string(g) + "." + l + ".points", 1);
      y.set(std::string(g) + "." + l + ".points", std::string(g) == "II.1" ? dec("0.8") : decimal(1));
    }
  x.set("II.3.a.points", 5).set("II.3.b.points", 8).set("II.3.c.points", 5);     // 18
  y.set("II.3.a.points", 4).set("II.3.b.points", 7).set("II.3.c.points", 4);     // 15
  x.set("II.4.a.points", 10).set("II.4.b.points", 9).set("II.4.c.points", 10);   // 29
  y.set("II.4.a.points", 8).set("II.4.b.points", 8).set("II.4.c.points", 8);     // 24
  x.set("par_index", 80).set("ddci", 60);  // mean PAR (80 + 70) / 2 = 75: x above → 2; mean DDCI 65: x below → 0
  y.set("par_index", 70).set("ddci", 70);  // y: PAR below → 0; DDCI above → 1 (its best band is 1 of 2)
  x.set("socio_economic_targets_met", 1);  // y: not assigned → not scored
  x.set("land_cleared_area", 96).set("land_to_clear_area", 100);  // 96 % ≥ 95 % → 2.5
  y.set("land_cleared_area", 90).set("land_to_clear_area", 100);  // 0
  x.set("public_investment_disbursed_rate", dec("0.90")).set("public_investment_target_rate", dec("0.95"));  // 0
  y.set("public_investment_disbursed_rate", dec("1.00")).set("public_investment_target_rate", dec("0.95"));  // 2.5
  x.set("domestic_revenue", 110).set("domestic_revenue_target", 100);  // 2.5
  y.set("domestic_revenue", 90).set("domestic_revenue_target", 100);   // 0
  x.set("land_management_violations", 0);  // 2.5
  y.set("land_management_violations", 2);  // 0
  y.set("planning_targets_met", 1);        // y 2.5; x: not assigned → not scored
  x.set("digital_tasks_behind_schedule", 0);  // 2.5
  y.set("digital_tasks_behind_schedule", 1);  // 0
  const auto t = card.score({{"X", x}, {"Y", y}});
  CHECK(row(t, "X", "I").points == dec("20.00"));
  CHECK(row(t, "X", "II.5.1").points == dec("3.00"));
  CHECK(row(t, "X", "II.5.2").points == dec("10.00"));
  CHECK(row(t, "X", "II.5.2").max_points == dec("12.5"));
  CHECK(row(t, "X", "II.5.2.e").status == cchc::score_status::not_scored);
  const auto& tx = row(t, "X", "vn.haiphong.212-2025");
  CHECK(tx.points == dec("90.00"));      // 20 + 5 + 5 + 18 + 29 + 13
  CHECK(tx.max_points == dec("97.5"));
  CHECK(tx.grade == "Hoàn thành xuất sắc nhiệm vụ");  // 90 / 97.5 = 92.3 % > 90 %
  CHECK(row(t, "Y", "II.5.1").points == dec("1.00"));
  CHECK(row(t, "Y", "II.5.1").max_points == dec("4"));
  const auto& ty = row(t, "Y", "vn.haiphong.212-2025");
  CHECK(ty.points == dec("70.00"));      // 16 + 4 + 5 + 15 + 24 + 6
  CHECK(ty.max_points == dec("99"));
  CHECK(ty.grade == "Hoàn thành nhiệm vụ");  // 70.7 %: at least 50, not more than 80
  CHECK(tx.rank == 1);
  CHECK(ty.rank == 2);
  // a self-assessment above a leaf's maximum is refused for that unit, never clipped
  x.set("II.3.b.points", 11);
  CHECK(row(card.score({{"X", x}}), "X", "II.3.b").status == cchc::score_status::invalid);
}

TEST_CASE("scorecard_file: grade boundaries sit on the side the decision states") {
  // exactly 90 % is "good" (excellent needs more than 90), exactly 80 % and 50 % are "completed"
  const auto card = cchc::builtin_scorecard("vn.haiphong.212-2025");
  const auto& grades = card.definition().grades;
  REQUIRE(grades.size() == 4);
  CHECK(grades[0].side == cchc::bound_side::above);
  CHECK(grades[0].bound == dec("90"));
  CHECK(grades[1].side == cchc::bound_side::above);
  CHECK(grades[2].side == cchc::bound_side::at_or_above);
  CHECK(grades[2].bound == dec("50"));
}
