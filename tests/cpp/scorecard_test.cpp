// cchc/scorecard.hpp: scorecards as data. Expected points are computed independently with Python's
// fractions.Fraction and decimal.quantize(Decimal('0.01'), ROUND_HALF_UP) per leaf, then summed:
//   r2(6*45/50)=5.40  r2(2*7/9)=1.56  r2(20*13676/14019)=19.51  payment 4.44+2.00+0.83=7.27
//   r2(min(2, 2*0.7/0.8))=1.75  r2(min(6, 6*0.85/0.9))=5.67  petitions 0/0 → 6.00   total 47.16
#include "cchc/scorecard.hpp"

#include <doctest/doctest.h>

#include <functional>

#include "cchc/expression.hpp"

using cchc::decimal;
using cchc::figures;
using cchc::leaf_rule;
using cchc::leaf_rule_kind;
using cchc::scorecard;
using cchc::scorecard_definition;
using cchc::scorecard_node;

namespace {

decimal dec(const char* s) { return decimal::parse(s); }

scorecard_node leaf(std::string id, const char* max, leaf_rule r) {
  scorecard_node n;
  n.id = std::move(id);
  n.max_points = dec(max);
  n.rule = std::move(r);
  return n;
}

leaf_rule rule(leaf_rule_kind k, std::string value) {
  leaf_rule r;
  r.kind = k;
  r.value = std::move(value);
  return r;
}

scorecard_node group(std::string id, const char* max, std::vector<scorecard_node> children) {
  scorecard_node n;
  n.id = std::move(id);
  n.max_points = dec(max);
  n.children = std::move(children);
  return n;
}

// A 766-shaped card (a subset of the metrics, the portal's rules).
scorecard_definition card766() {
  scorecard_definition d;
  d.id = "test.766";
  d.max_points = dec("52");
  auto publish = rule(leaf_rule_kind::linear, "ratio(PUBLISH_ON_TIME.numerator, PUBLISH_ON_TIME.denominator)");
  publish.zero_denominator = cchc::on_zero_denominator::not_scored;
  auto content = rule(leaf_rule_kind::linear, "ratio(PUBLIC_CONTENT_FULL.numerator, PUBLIC_CONTENT_FULL.denominator)");
  content.zero_denominator = cchc::on_zero_denominator::not_scored;
  auto progress = rule(leaf_rule_kind::linear, "ratio(totalOnTime, totalReceived)");
  progress.zero_denominator = cchc::on_zero_denominator::zero;
  auto payment = rule(leaf_rule_kind::formula,
                      "round(6 * if(pay.d == 0, 0, pay.n / pay.d), 2, half_away_from_zero)"
                      " + round(min(2, 2.5 * if(fee.d == 0, 0, fee.n / fee.d)), 2, half_away_from_zero)"
                      " + round(2.5 * if(fee.d == 0, 0, feeDossier / fee.d), 2, half_away_from_zero)");
  payment.cap = false;
  auto reused = rule(leaf_rule_kind::linear_to_threshold, "ratio(REUSED.numerator, REUSED.denominator)");
  reused.threshold = dec("0.80");
  reused.zero_denominator = cchc::on_zero_denominator::zero;
  auto receiving = rule(leaf_rule_kind::linear_to_threshold, "ratio(RECEIVING.numerator, RECEIVING.denominator)");
  receiving.threshold = dec("0.90");
  receiving.zero_denominator = cchc::on_zero_denominator::zero;
  auto petitions = rule(leaf_rule_kind::linear, "ratio(PETITION.numerator, PETITION.denominator)");
  petitions.zero_denominator = cchc::on_zero_denominator::full_points;
  d.groups = {
      group("transparency", "8", {leaf("PUBLISH_ON_TIME", "6", publish), leaf("PUBLIC_CONTENT_FULL", "2", content)}),
      group("dvc-progress-tree", "20", {leaf("on_time", "20", progress)}),
      group("formality-online-payment-tree", "10", {leaf("payment", "10", payment)}),
      group("dossier-digitized", "2", {leaf("REUSED_DIGITIZED_DATA", "2", reused)}),
      group("handling-satisfaction", "12",
            {leaf("DOSSIER_RECEIVING_SATISFACTION", "6", receiving), leaf("PETITION_PROCESSING_ON_TIME", "6", petitions)}),
  };
  return d;
}

figures unit_a() {
  figures f;
  f.set("PUBLISH_ON_TIME.numerator", 45).set("PUBLISH_ON_TIME.denominator", 50);
  f.set("PUBLIC_CONTENT_FULL.numerator", 7).set("PUBLIC_CONTENT_FULL.denominator", 9);
  f.set("totalOnTime", 13676).set("totalReceived", 14019);
  f.set("pay.n", 37).set("pay.d", 50).set("fee.n", 9).set("fee.d", 27).set("feeDossier", 9);
  f.set("REUSED.numerator", 7).set("REUSED.denominator", 10);
  f.set("RECEIVING.numerator", 85).set("RECEIVING.denominator", 100);
  f.set("PETITION.numerator", 0).set("PETITION.denominator", 0);
  return f;
}

const cchc::node_score& row(const cchc::score_table& t, const std::string& unit, const std::string& id) {
  for (const auto& r : t.rows)
    if (r.unit == unit && r.id == id) return r;
  FAIL("no row " << unit << " " << id);
  return t.rows.front();
}

std::string error_of(scorecard_definition d, const std::vector<std::string>* known = nullptr) {
  try {
    (void)scorecard::build(std::move(d), known);
  } catch (const cchc::error& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("scorecard: a 766-shaped card scores each leaf exactly, rounds once, sums rounded points") {
  // fee: B = 9/27 would be min(2, 2.5 × 1/3) = 0.83; the test card uses fee.n/fee.d = 9/27 = 1/3 for B
  // and feeDossier/fee.d = 9/27 for C: 4.44 + 0.83 + 0.83 = 6.10 (Fraction: r2(6*37/50)=4.44,
  // r2(min(2, 5/2*1/3))=0.83, r2(5/2*1/3)=0.83).
  const auto card = scorecard::build(card766());
  const auto t = card.score({{"A", unit_a()}});
  CHECK(row(t, "A", "PUBLISH_ON_TIME").points == dec("5.40"));
  CHECK(row(t, "A", "PUBLIC_CONTENT_FULL").points == dec("1.56"));
  CHECK(row(t, "A", "transparency").points == dec("6.96"));
  CHECK(row(t, "A", "on_time").points == dec("19.51"));
  CHECK(row(t, "A", "on_time").value == "13676/14019");
  CHECK(row(t, "A", "on_time").rate_percent == dec("97.55"));
  CHECK(row(t, "A", "payment").points == dec("6.10"));
  CHECK(row(t, "A", "REUSED_DIGITIZED_DATA").points == dec("1.75"));
  CHECK(row(t, "A", "DOSSIER_RECEIVING_SATISFACTION").points == dec("5.67"));
  CHECK(row(t, "A", "PETITION_PROCESSING_ON_TIME").points == dec("6.00"));  // 0/0: full points
  CHECK(row(t, "A", "handling-satisfaction").points == dec("11.67"));
  const auto& total = row(t, "A", "test.766");
  CHECK(total.kind == "total");
  CHECK(total.points == dec("45.99"));  // 6.96 + 19.51 + 6.10 + 1.75 + 11.67
  CHECK(total.max_points == dec("52"));
  CHECK(total.rank == 1);
  CHECK(t.rows.front().id == "test.766");  // the total first, then the tree in order
  CHECK(row(t, "A", "on_time").rule == "linear: 20 × value");
  CHECK(row(t, "A", "on_time").inputs ==
        std::vector<std::pair<std::string, std::string>>{{"totalOnTime", "13676"}, {"totalReceived", "14019"}});
}

TEST_CASE("scorecard: zero denominators follow each leaf's policy and not-scored leaves leave the maximum") {
  figures b;
  b.set("PUBLISH_ON_TIME.numerator", 0).set("PUBLISH_ON_TIME.denominator", 0);  // not scored
  b.set("PUBLIC_CONTENT_FULL.numerator", 1).set("PUBLIC_CONTENT_FULL.denominator", 2);
  b.set("totalOnTime", 0).set("totalReceived", 0);  // 0 points
  b.set("pay.n", 0).set("pay.d", 0).set("fee.n", 0).set("fee.d", 0).set("feeDossier", 0);
  b.set("REUSED.numerator", 9).set("REUSED.denominator", 10);  // above 80 %: capped at 2
  b.set("RECEIVING.numerator", 0).set("RECEIVING.denominator", 0);
  b.set("PETITION.numerator", 3).set("PETITION.denominator", 4);
  const auto t = scorecard::build(card766()).score({{"A", unit_a()}, {"B", b}});
  CHECK(row(t, "B", "PUBLISH_ON_TIME").status == cchc::score_status::not_scored);
  CHECK_FALSE(row(t, "B", "PUBLISH_ON_TIME").points);
  CHECK(row(t, "B", "transparency").max_points == dec("2"));
  CHECK(row(t, "B", "transparency").points == dec("1.00"));
  CHECK(row(t, "B", "on_time").points == dec("0.00"));
  CHECK(row(t, "B", "payment").points == dec("0.00"));
  CHECK(row(t, "B", "REUSED_DIGITIZED_DATA").points == dec("2.00"));
  CHECK(row(t, "B", "PETITION_PROCESSING_ON_TIME").points == dec("4.50"));
  const auto& total = row(t, "B", "test.766");
  CHECK(total.points == dec("7.50"));
  CHECK(total.max_points == dec("46"));
  CHECK(total.rank == 2);
  CHECK(row(t, "B", "transparency").reason.find("not scored: PUBLISH_ON_TIME (maximum 2 of 8)") != std::string::npos);
  CHECK(total.reason.find("maximum 46 of 52") != std::string::npos);
}

TEST_CASE("scorecard: a missing figure gives an absent score, never zero, and the total says so") {
  figures c = unit_a();
  c.erase("totalReceived");
  const auto t = scorecard::build(card766()).score({{"A", unit_a()}, {"C", c}});
  CHECK(row(t, "C", "on_time").status == cchc::score_status::absent);
  CHECK(row(t, "C", "on_time").reason == "missing figure(s): totalReceived");
  CHECK_FALSE(row(t, "C", "dvc-progress-tree").points);
  const auto& total = row(t, "C", "test.766");
  CHECK_FALSE(total.points);
  CHECK(total.partial_points == dec("26.48"));  // 45.99 − 19.51
  CHECK_FALSE(total.rank);                      // not ranked
  CHECK(row(t, "A", "test.766").rank == 1);
}

TEST_CASE("scorecard: bands, yes/no, relative to the mean, manual, unknown, rescaling and grades") {
  scorecard_definition d;
  d.id = "test.par";
  d.max_points = dec("10");
  leaf_rule band = rule(leaf_rule_kind::bands, "ratio(done, planned)");
  band.bands = {{dec("0.95"), cchc::bound_side::at_or_above, dec("2.5")}, {dec("0.80"), cchc::bound_side::above, dec("1")}};
  leaf_rule yes = rule(leaf_rule_kind::yes_no, "published == 1");
  leaf_rule relative = rule(leaf_rule_kind::relative_to_mean, "par_index");
  leaf_rule manual = rule(leaf_rule_kind::manual, "self_points");
  leaf_rule unknown;
  unknown.kind = leaf_rule_kind::unknown;
  unknown.inputs = {"online_rate"};
  leaf_rule assigned = rule(leaf_rule_kind::linear, "ratio(tasks_done, tasks)");
  assigned.absent = cchc::on_absent::not_scored;
  d.groups = {group("g", "10", {leaf("band", "2.5", band), leaf("yes", "1", yes), leaf("relative", "2", relative),
                                leaf("manual", "1.5", manual), leaf("assigned", "3", assigned)})};
  d.not_scored = cchc::not_scored_policy::rescale;
  d.grades = {{dec("90"), cchc::bound_side::above, "xuất sắc"}, {dec("50"), cchc::bound_side::at_or_above, "hoàn thành"}};
  d.grades_on_percent = true;
  figures u1, u2, u3;
  u1.set("done", 19).set("planned", 20).set("published", 1).set("par_index", dec("85.5")).set("self_points", dec("1.5"));
  u2.set("done", 4).set("planned", 5).set("published", 0).set("par_index", dec("80")).set("self_points", 1);
  u3.set("done", 17).set("planned", 20).set("published", 1).set("par_index", dec("84")).set("self_points", 2);
  u3.set("tasks", 4).set("tasks_done", 3);
  const auto t = scorecard::build(d).score({{"u1", u1}, {"u2", u2}, {"u3", u3}});
  CHECK(row(t, "u1", "band").points == dec("2.50"));  // 95 % reaches "≥ 95 %"
  CHECK(row(t, "u2", "band").points == dec("0.00"));  // exactly 80 % does not reach "> 80 %"
  CHECK(row(t, "u3", "band").points == dec("1.00"));  // 85 %
  CHECK(row(t, "u1", "yes").points == dec("1.00"));
  CHECK(row(t, "u2", "yes").points == dec("0.00"));
  // mean par_index = (85.5 + 80 + 84) / 3 = 83.1666…: u1 and u3 at or above
  CHECK(row(t, "u1", "relative").points == dec("2.00"));
  CHECK(row(t, "u2", "relative").points == dec("0.00"));
  CHECK(row(t, "u3", "relative").points == dec("2.00"));
  CHECK(row(t, "u3", "manual").status == cchc::score_status::invalid);  // 2 > 1.5: refused, not clipped
  CHECK(row(t, "u1", "assigned").status == cchc::score_status::not_scored);
  // u1: 2.5 + 1 + 2 + 1.5 = 7 of 7 scored points → rescaled to 10.00 of 10; 100 % > 90 % → xuất sắc
  const auto& total1 = row(t, "u1", "test.par");
  CHECK(total1.points == dec("10.00"));
  CHECK(total1.max_points == dec("10"));
  CHECK(total1.grade == "xuất sắc");
  // u2: 0 + 0 + 0 + 1 = 1 of 7 → 1 × 10 / 7 = 1.428… → 1.43; 14.3 % reaches no grade
  CHECK(row(t, "u2", "test.par").points == dec("1.43"));
  CHECK(row(t, "u2", "test.par").grade.empty());
  CHECK_FALSE(row(t, "u3", "test.par").points);  // the invalid manual leaf leaves the total absent
  CHECK(row(t, "u1", "test.par").rank == 1);
  CHECK(row(t, "u2", "test.par").rank == 2);

  // unknown rules show their inputs and never score
  scorecard_definition d2;
  d2.id = "u";
  d2.max_points = dec("12");
  d2.groups = {group("provide-online-tree", "12", {leaf("online", "12", unknown)})};
  figures f;
  f.set("online_rate", dec("0.7"));
  const auto t2 = scorecard::build(d2).score({{"x", f}});
  CHECK(row(t2, "x", "online").status == cchc::score_status::unknown);
  CHECK_FALSE(row(t2, "x", "online").points);
  CHECK(row(t2, "x", "online").inputs == std::vector<std::pair<std::string, std::string>>{{"online_rate", "0.7"}});
}

TEST_CASE("scorecard: ties share a rank (competition ranking 1, 1, 3)") {
  scorecard_definition d;
  d.id = "t";
  d.max_points = dec("1");
  d.groups = {group("g", "1", {leaf("l", "1", rule(leaf_rule_kind::linear, "r"))})};
  figures a, b, c;
  a.set("r", dec("0.5"));
  b.set("r", dec("0.5"));
  c.set("r", dec("0.25"));
  const auto t = scorecard::build(d).score({{"a", a}, {"b", b}, {"c", c}});
  CHECK(row(t, "a", "t").rank == 1);
  CHECK(row(t, "b", "t").rank == 1);
  CHECK(row(t, "c", "t").rank == 3);
}

TEST_CASE("scorecard: mistakes in a definition are refused with what was expected") {
  auto d = card766();
  d.groups[0].max_points = dec("9");
  CHECK(error_of(d).find("'transparency' is worth 9 points but its children's maxima add up to 8") != std::string::npos);
  d = card766();
  d.max_points = dec("50");
  CHECK(error_of(d).find("worth 50 points but its groups' maxima add up to 52") != std::string::npos);
  d = card766();
  d.groups[1].children[0].id = "PUBLISH_ON_TIME";
  d.groups[1].children[0].where.line = 30;
  d.groups[0].children[0].where.line = 12;
  const auto dup = error_of(d);
  CHECK(dup.find("duplicate id 'PUBLISH_ON_TIME' (first defined at line 12") != std::string::npos);
  CHECK(dup.find("line 30") != std::string::npos);
  d = card766();
  d.groups[3].children[0].rule->threshold = dec("80");
  CHECK(error_of(d).find("expected a threshold above 0 % and at most 100 %, found 8000 %") != std::string::npos);
  std::vector<std::string> known;  // every name the correct card reads
  std::function<void(const scorecard_node&)> collect = [&](const scorecard_node& n) {
    for (const auto& c : n.children) collect(c);
    if (n.rule)
      for (const auto& name : cchc::expression::parse(n.rule->value).names()) known.push_back(name);
  };
  for (const auto& g : card766().groups) collect(g);
  CHECK(error_of(card766(), &known) == "(no error)");
  d = card766();
  d.groups[1].children[0].rule->value = "ratio(totalOnTime, totalRecieved)";
  const auto unknown = error_of(d, &known);
  CHECK(unknown.find("unknown figure 'totalRecieved'; did you mean 'totalReceived'") != std::string::npos);
  CHECK(unknown.find("leaf 'on_time'") != std::string::npos);
  d = card766();
  d.groups[1].children[0].rule->value = "ratio(totalOnTime, )";
  CHECK(error_of(d).find("at column 20") != std::string::npos);

  scorecard_definition b;
  b.id = "b";
  b.max_points = dec("2");
  leaf_rule band = rule(leaf_rule_kind::bands, "r");
  band.bands = {{dec("0.5"), cchc::bound_side::at_or_above, dec("1")}, {dec("0.9"), cchc::bound_side::at_or_above, dec("2")}};
  b.groups = {group("g", "2", {leaf("l", "2", band)})};
  CHECK(error_of(b).find("must run from the highest bound down; 0.9 comes after 0.5") != std::string::npos);
  b.groups[0].children[0].rule->bands = {{dec("0.9"), cchc::bound_side::at_or_above, dec("3")}};
  CHECK(error_of(b).find("a band worth 3 points exceeds the leaf's maximum 2") != std::string::npos);
  b.groups[0].children[0].rule->bands = {{dec("95"), cchc::bound_side::at_or_above, dec("1")}};
  CHECK(error_of(b).find("a threshold outside 0–100 % (9500 %)") != std::string::npos);
  b.groups[0].children[0].rule->kind = leaf_rule_kind::linear;
  b.groups[0].children[0].rule->value = "r > 1";
  CHECK(error_of(b).find("needs a number as its value, found a condition") != std::string::npos);
  b.groups[0].children[0].rule.reset();
  CHECK(error_of(b).find("leaf 'l': expected a rule") != std::string::npos);
}
