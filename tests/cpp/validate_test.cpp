// The expected findings on the seed example were derived by hand from the seed text before running
// the checker (docs/validation.md explains each one):
//   23/23, 10/10, 12/12, 94/94 → 100 % under every rounding (info);
//   19/50 = 38 %, printed 30 % → no rounding at scale 0 gives 30 (error);
//   13676/(13676+343) = 97.5533… → 97,55 by the half modes, toward_zero and floor; the received basis
//     (13676+64)/14083 = 97.5644… gives 97,56 under the half modes and 97,56 truncated too (info);
//   80629/(80629+249) = 99.6921… → 99,69 (info); with 0 pending, received basis gives the same;
//   118/119 = 99.1596… → 99,16 rounded, 99,15 only by toward_zero/floor (warning);
//   Quyết định 3019/QĐ-UBND 06/9/2022 vs 3069/QĐ-UBND 30/8/2022: numbers and dates opposite (warning);
//   "tỷ lệ … đúng hạn đạt trên 97%": 97.55, 99.69 and the total 94305/94897 = 99.376 are above 97.
// Every other identity of the seed holds (6+4=10, 14+5=19, 343+249=592, 1+7=8, 1+12+6+11=30,
// 86869+102736=189605, 1+48=49, 226997+4980+3739=235716, headcount text = table per category).
#include "cchc/validate.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "cchc/rate.hpp"

namespace {

const std::string example = std::string(CCHC_SOURCE_DIR) + "/examples/tran-de-2023/report.json";

cchc::report seed() { return cchc::load_report(example); }

using key = std::tuple<std::string, cchc::severity, std::string>;

std::multiset<key> keys(const std::vector<cchc::finding>& fs) {
  std::multiset<key> out;
  for (const auto& f : fs) out.insert({f.rule, f.severity, f.where.path});
  return out;
}

std::string number(const cchc::finding& f, const std::string& name) {
  for (const auto& [k, v] : f.numbers)
    if (k == name) return v;
  return "<none>";
}

const cchc::finding* find(const std::vector<cchc::finding>& fs, const std::string& rule,
                          const std::string& path = {}) {
  for (const auto& f : fs)
    if (f.rule == rule && (path.empty() || f.where.path == path)) return &f;
  return nullptr;
}

// Findings that appear in `after` but not in `before` (by rule and path).
std::multiset<key> added(const cchc::report& before, const cchc::report& after) {
  auto a = keys(cchc::validate(before));
  auto b = keys(cchc::validate(after));
  std::multiset<key> out;
  std::set_difference(b.begin(), b.end(), a.begin(), a.end(), std::inserter(out, out.end()));
  return out;
}

}  // namespace

TEST_CASE("validate: the exact set of findings on the seed report") {
  using cchc::severity;
  const std::multiset<key> expected = {
      {"document.order", severity::warning, "$.egov.iso.documents[0]"},
      {"percent.reproduced", severity::info, "$.direction.plan.completion"},
      {"percent.reproduced", severity::info, "$.direction.inspection.completion"},
      {"percent.reproduced", severity::info, "$.direction.propaganda.completion"},
      {"percent.mismatch", severity::error, "$.procedures.internal_review.rate"},
      {"percent.reproduced", severity::info, "$.one_stop.flows[0].on_time_rate"},
      {"percent.reproduced", severity::info, "$.one_stop.flows[1].on_time_rate"},
      {"percent.rounding", severity::warning, "$.civil_service.commune_cadres_standard.rate"},
      {"percent.reproduced", severity::info, "$.civil_service.commune_civil_servants_standard.rate"},
      // Renamed from claim.on_time_above (info): one rule id, one severity (issue 9, item 8).
      {"claim.on_time_above_confirmed", severity::info, "$.assessment.on_time_above"},
  };
  auto fs = cchc::validate(seed());
  CHECK(keys(fs) == expected);
  for (const auto& f : fs) {
    CAPTURE(f.rule);
    CHECK(!f.message_vi.empty());
    CHECK(!f.message_en.empty());
  }
}

TEST_CASE("validate: 19/50 printed as 30 % is an error and the recomputation is 38 %") {
  auto fs = cchc::validate(seed());
  auto f = find(fs, "percent.mismatch", "$.procedures.internal_review.rate");
  REQUIRE(f);
  CHECK(number(*f, "numerator") == "19");
  CHECK(number(*f, "denominator") == "50");
  CHECK(number(*f, "reported") == "30");
  CHECK(number(*f, "recomputed_half_away_from_zero") == "38");
  CHECK(f->message_en.find("38%") != std::string::npos);
}

TEST_CASE("validate: 118/119 printed as 99,15 % is reproduced only by truncation-style modes") {
  auto fs = cchc::validate(seed());
  auto f = find(fs, "percent.rounding", "$.civil_service.commune_cadres_standard.rate");
  REQUIRE(f);
  CHECK(number(*f, "reproduced_by") == "toward_zero, floor");
  CHECK(number(*f, "recomputed_half_away_from_zero") == "99.16");
}

TEST_CASE("validate: the flow table's 97,55 and 99,69 % are confirmed, with their conventions") {
  auto fs = cchc::validate(seed());
  auto d = find(fs, "percent.reproduced", "$.one_stop.flows[0].on_time_rate");
  REQUIRE(d);
  CHECK(number(*d, "resolved_basis.reproduced_by") ==
        "half_away_from_zero, half_even, half_toward_zero, toward_zero, floor");
  CHECK(number(*d, "received_basis.reproduced_by") == "<none>");  // 97.5644… never gives 97.55
  CHECK(number(*d, "received_basis.recomputed_half_away_from_zero") == "97.56");
  auto c = find(fs, "percent.reproduced", "$.one_stop.flows[1].on_time_rate");
  REQUIRE(c);
  CHECK(number(*c, "resolved_basis.numerator") == "80629");
  CHECK(number(*c, "resolved_basis.denominator") == "80878");
  CHECK(number(*c, "received_basis.reproduced_by") != "<none>");  // no pending: same ratio
}

TEST_CASE("validate: info findings can be switched off") {
  cchc::validate_options o;
  o.confirmations = false;
  auto fs = cchc::validate(seed(), o);
  CHECK(fs.size() == 3);
  for (const auto& f : fs) CHECK(f.severity != cchc::severity::info);
}

TEST_CASE("validate: sums of parts, bounds and text-vs-table identities fail when broken") {
  auto base = seed();
  using cchc::severity;
  {
    auto r = base;
    r.direction.inspection->units_planned_parts[0].count = 7;  // 7 + 4 ≠ 10
    CHECK(added(base, r) == std::multiset<key>{
                                {"sum.parts", severity::error, "$.direction.inspection.units_planned_parts"}});
  }
  {
    auto r = base;
    r.public_finance.admin_autonomy->budget->parts[1].amount = cchc::decimal::parse("102736.5");
    auto fs = cchc::validate(r);
    auto f = find(fs, "sum.parts", "$.public_finance.admin_autonomy.budget");
    REQUIRE(f);
    CHECK(number(*f, "difference") == "-0.5");
  }
  {
    auto r = base;
    r.direction.plan->tasks_completed = 24;  // 24/23: completion above 100 %
    auto add = added(base, r);
    CHECK(add.count({"bound.part_le_whole", severity::error, "$.direction.plan.tasks_completed"}) == 1);
    // The printed 100 % no longer matches 24/23 = 104 %.
    CHECK(add.count({"percent.mismatch", severity::error, "$.direction.plan.completion"}) == 1);
  }
  {
    auto r = base;
    r.organisation.headcount[1].present.civil_servants = 8;  // Phòng Nội vụ: 8 present of 7
    auto add = added(base, r);
    CHECK(add.count({"headcount.present_gt_assigned", severity::error,
                     "$.organisation.headcount[1].present.civil_servants"}) == 1);
    // and the text's 78/83 no longer equals the table's 80/83
    CHECK(add.count({"text_table.headcount", severity::error, "$.organisation.headcount_summary"}) == 1);
  }
  {
    auto r = base;
    r.one_stop.late->parts[0].count = 342;  // text says 342 late at district level, table 343
    r.one_stop.late->total = 591;
    auto add = added(base, r);
    CHECK(add.count({"text_table.late", severity::error, "$.one_stop.late.total"}) == 1);
    CHECK(add.count({"text_table.late", severity::error, "$.one_stop.late.parts[0]"}) == 1);
  }
  {
    auto r = base;
    r.egov.online_dossiers = 1746;
    CHECK(added(base, r) ==
          std::multiset<key>{{"text_table.online_dossiers", severity::warning, "$.egov.online_dossiers"}});
  }
  {
    auto r = base;
    r.one_stop.flows[0].flow.pending_in_time = 65;  // 13676 + 343 + 65 + 0 ≠ 14083
    auto add = added(base, r);
    CHECK(add.count({"flow.balance_identity", severity::error, "$.one_stop.flows[0]"}) >= 1);
  }
  {
    auto r = base;
    r.one_stop.flows[1].flow.received_online = 90000;
    auto add = added(base, r);
    CHECK(add.count({"flow.received_online_bound", severity::error,
                     "$.one_stop.flows[1].received_online"}) == 1);
  }
}

TEST_CASE("validate: a table's total row must equal the sum of its rows") {
  auto base = seed();
  using cchc::severity;
  auto r = base;
  // A correct total row adds nothing: 14083 + 80878 = 94961, 13676 + 80629 = 94305, 343 + 249 = 592.
  cchc::flow_row total;
  total.row = "Tổng";
  total.name_vi = "Tổng cộng";
  total.level = cchc::org_level::district;
  total.flow.received = 94961;
  total.flow.resolved_in_time = 94305;
  total.flow.resolved_late = 592;
  r.one_stop.flow_total = total;
  cchc::headcount_row hc;
  hc.name_vi = "Tổng cộng";
  hc.assigned.civil_servants = 83;
  hc.present.civil_servants = 78;
  hc.assigned.public_employees = 1542;
  r.organisation.headcount_total = hc;
  CHECK(added(base, r).empty());
  r.one_stop.flow_total->flow.resolved_late = 593;
  r.organisation.headcount_total->present.civil_servants = 79;
  CHECK(added(base, r) ==
        std::multiset<key>{{"table.total", severity::error, "$.one_stop.flow_total.resolved_late"},
                           {"table.total", severity::error, "$.organisation.headcount_total.present.civil_servants"}});
}

TEST_CASE("validate: printed percentages are checked against their text and range") {
  auto base = seed();
  using cchc::severity;
  auto r = base;
  r.egov.documents_processed_online->value = cchc::decimal::parse("90.0");  // text "90%": scale differs
  r.egov.leaders_with_pki_sim->text = "190%";
  r.egov.leaders_with_pki_sim->value = cchc::decimal(190);
  auto add = added(base, r);
  CHECK(add.count({"percent.text_value", severity::error, "$.egov.documents_processed_online"}) == 1);
  CHECK(add.count({"percent.range", severity::error, "$.egov.leaders_with_pki_sim"}) == 1);
  CHECK(add.size() == 2);
}

TEST_CASE("validate: a claim contradicted by the table is an error") {
  auto base = seed();
  auto r = base;
  r.assessment.on_time_above->text = "98%";
  r.assessment.on_time_above->value = cchc::decimal(98);
  auto fs = cchc::validate(r);
  auto f = find(fs, "claim.on_time_above");
  REQUIRE(f);
  CHECK(f->severity == cchc::severity::error);
  CHECK(f->message_en.find("UBND huyện") != std::string::npos);  // 97.55 is not above 98
  CHECK(f->message_en.find("UBND cấp xã") == std::string::npos);
}

TEST_CASE("validate: dates that do not exist, out of the period, and citations that disagree") {
  auto base = seed();
  using cchc::severity;
  auto broken = cchc::load_report(std::string(CCHC_TEST_DATA_DIR) + "/reports/nonexistent_date.json");
  auto add = added(base, broken);
  CHECK(add.count({"date.nonexistent", severity::error, "$.egov.documents[0].date"}) == 1);

  auto r = base;
  r.direction.plan->document->date = date::year{2024} / 1 / 16;  // structured date ≠ printed text
  auto add2 = added(base, r);
  CHECK(add2.count({"document.text_mismatch", severity::error, "$.direction.plan.document"}) == 1);
  CHECK(add2.count({"document.outside_period", severity::warning, "$.direction.plan.document"}) == 1);

  auto late = base;
  auto& d = late.civil_service.documents[4];  // 1574/QĐ-UBND 12/5/2023 → re-dated into 2024
  d.text = "Quyết định số 1574/QĐ-UBND ngày 12/5/2024";
  d.date = date::year{2024} / 5 / 12;
  auto add3 = added(base, late);
  CHECK(add3.count({"document.after_period", severity::warning, "$.civil_service.documents[4]"}) == 1);

  auto reversed = base;
  reversed.period->from = date::year{2024} / 1 / 1;
  auto add4 = added(base, reversed);
  CHECK(add4.count({"period.order", severity::error, "$.period"}) == 1);
}

TEST_CASE("validate: document order is compared within one issuing body only") {
  auto base = seed();
  // Province plan 156/KH-UBND (31/10/2022) and district plan 98/KH-UBND (07/11/2022) share the
  // issuer code "UBND" but not the body: no finding in the seed. Merging the bodies creates one.
  auto r = base;
  for (auto& doc : r.procedures.documents)
    if (doc.number == "156") doc.issuer = r.unit.issuer;
  auto add = added(base, r);
  CHECK(add.size() >= 1);
  CHECK(add.count({"document.order", cchc::severity::warning, "$.procedures.documents[3]"}) == 1);
}

TEST_CASE("validate: every rule has an id, a tolerance and a source") {
  std::set<std::string> ids;
  for (const auto& rule : cchc::validation_rules()) {
    CHECK(!rule.id.empty());
    CHECK(!rule.title_en.empty());
    CHECK(!rule.title_vi.empty());
    CHECK(!rule.source.empty());
    CHECK(ids.insert(std::string(rule.id)).second);
  }
  for (const auto& f : cchc::validate(seed()))
    CHECK(ids.count(f.rule) == 1);
}

TEST_CASE("validate: a percentage printed for 0/0 is a warning, not a number") {
  auto base = seed();
  auto r = base;
  r.procedures.internal_review->reviewed = 0;
  r.procedures.internal_review->total = 0;
  r.procedures.internal_review->parts.clear();
  auto fs = cchc::validate(r);
  auto f = find(fs, "percent.undefined", "$.procedures.internal_review.rate");
  REQUIRE(f);
  CHECK(f->severity == cchc::severity::warning);
  CHECK(!find(fs, "percent.mismatch", "$.procedures.internal_review.rate"));
}

TEST_CASE("validate: a citation whose text cannot be read is reported, the rest still checked") {
  auto base = seed();
  auto r = base;
  r.egov.documents[1].text = "Kế hoạch 69 về Chuyển đổi số";
  auto add = added(base, r);
  CHECK(add == std::multiset<key>{{"document.text_unparseable", cchc::severity::warning,
                                   "$.egov.documents[1].text"}});
}

// ── issue 9: exact sums, capped findings, one severity per rule, one on-time definition ──

namespace {
constexpr std::int64_t big = std::numeric_limits<std::int64_t>::max();
const std::string two_big = "18446744073709551614";  // 2 × (2^63 − 1), worked out by hand

// Every finding of `rule` (tests below look at their numbers).
std::vector<const cchc::finding*> all_of(const std::vector<cchc::finding>& fs, const std::string& rule) {
  std::vector<const cchc::finding*> out;
  for (const auto& f : fs)
    if (f.rule == rule) out.push_back(&f);
  return out;
}
}  // namespace

TEST_CASE("validate: counts near 2^63-1 are summed exactly in every rule, and validate does not throw") {
  const auto base = seed();
  std::vector<cchc::finding> fs;
  SUBCASE("sum.parts over labelled and level parts") {
    auto r = base;
    r.direction.inspection->units_planned_parts[0].count = big;
    r.direction.inspection->units_planned_parts[1].count = big;
    r.procedures.internal_review->parts = {{cchc::org_level::district, big}, {cchc::org_level::commune, big}};
    REQUIRE_NOTHROW(fs = cchc::validate(r));
    auto f = find(fs, "sum.parts", "$.direction.inspection.units_planned_parts");
    REQUIRE(f);
    CHECK(number(*f, "sum_of_parts") == two_big);
    CHECK(number(*f, "difference") == "-18446744073709551604");  // 10 − 2 × (2^63 − 1)
    auto g = find(fs, "sum.parts", "$.procedures.internal_review.parts");
    REQUIRE(g);
    CHECK(number(*g, "sum_of_parts") == two_big);
  }
  SUBCASE("text_table.late and table.total over the flow rows") {
    auto r = base;
    for (auto& row : r.one_stop.flows) {
      row.flow.resolved_late = big;
      row.flow.pending_overdue = 0;
    }
    cchc::flow_row total;
    total.name_vi = "Tổng cộng";
    total.flow.resolved_late = big;
    r.one_stop.flow_total = total;
    REQUIRE_NOTHROW(fs = cchc::validate(r));
    auto late = find(fs, "text_table.late", "$.one_stop.late.total");
    REQUIRE(late);
    CHECK(number(*late, "table") == two_big);
    auto t = find(fs, "table.total", "$.one_stop.flow_total.resolved_late");
    REQUIRE(t);
    CHECK(number(*t, "sum_of_rows") == two_big);
  }
  SUBCASE("table.total and text_table.headcount over the headcount table") {
    auto r = base;
    for (auto& row : r.organisation.headcount) row.assigned.civil_servants = std::nullopt;
    r.organisation.headcount[0].assigned.civil_servants = big;
    r.organisation.headcount[1].assigned.civil_servants = big;
    cchc::headcount_row hc;
    hc.name_vi = "Tổng cộng";
    hc.assigned.civil_servants = big;
    r.organisation.headcount_total = hc;
    REQUIRE_NOTHROW(fs = cchc::validate(r));
    auto t = find(fs, "table.total", "$.organisation.headcount_total.assigned.civil_servants");
    REQUIRE(t);
    CHECK(number(*t, "sum_of_rows") == two_big);
    auto h = find(fs, "text_table.headcount", "$.organisation.headcount_summary");
    REQUIRE(h);
    CHECK(number(*h, "table_assigned") == two_big);
  }
  SUBCASE("a flow row whose parts no count can hold is figure.overflow; its rates stay exact") {
    auto r = base;
    auto& f = r.one_stop.flows[0].flow;
    f.resolved_in_time = std::nullopt;
    f.resolved_early = big;
    f.resolved_on_time = big;
    REQUIRE_NOTHROW(fs = cchc::validate(r));
    auto o = find(fs, "figure.overflow", "$.one_stop.flows[0].resolved_in_time");
    REQUIRE(o);
    CHECK(o->severity == cchc::severity::error);
    // The printed 97,55 % is recomputed from the exact numerator 2 × (2^63 − 1).
    auto p = find(fs, "percent.mismatch", "$.one_stop.flows[0].on_time_rate");
    REQUIRE(p);
    CHECK(number(*p, "resolved_basis.numerator") == two_big);
    // and the claim's total is the exact ratio of sums
    auto c = find(fs, "claim.on_time_above_confirmed");
    REQUIRE(c);
  }
  SUBCASE("the claim's total over rows near 2^63-1") {
    auto r = base;
    for (auto& row : r.one_stop.flows) {
      row.flow.resolved_in_time = big - 1;
      row.flow.resolved_late = 1;
    }
    REQUIRE_NOTHROW(fs = cchc::validate(r));
    auto c = find(fs, "claim.on_time_above_confirmed");
    REQUIRE(c);
    CHECK(number(*c, "total.percent_truncated_4") == "99.9999");
  }
}

TEST_CASE("validate: 1 000 citations of one issuer in falling date order give bounded findings and a summary") {
  auto r = seed();
  const auto first = date::sys_days{date::year{2023} / 12 / 1};
  std::size_t inversions = 0;  // neighbours in number order whose dates fall, counted here
  for (int i = 1; i <= 1000; ++i) {
    const date::year_month_day d{first - date::days{i / 3}};
    const date::year_month_day next{first - date::days{(i + 1) / 3}};
    if (i < 1000 && next < d) ++inversions;
    cchc::document_ref doc;
    doc.type = cchc::document_type::decision;
    doc.number = std::to_string(i);
    doc.issuer_code = "UBND";
    doc.issuer = "Ủy ban nhân dân xã Thử";  // one register of its own: only these 1 000 in it
    doc.date = d;
    char buf[96];
    std::snprintf(buf, sizeof buf, "Quyết định số %d/QĐ-UBND ngày %02u/%02u/%d", i, static_cast<unsigned>(d.day()),
                  static_cast<unsigned>(d.month()), static_cast<int>(d.year()));
    doc.text = buf;
    r.direction.documents.push_back(doc);
  }
  REQUIRE(inversions == 333);
  const auto fs = cchc::validate(r);
  const auto order = all_of(fs, "document.order");
  // 100 listed, one summary; the seed's own document.order finding is one of the 334 found.
  REQUIRE(order.size() == 101);
  const cchc::finding& summary = *order.back();
  CHECK(number(summary, "omitted") == std::to_string(inversions + 1 - 100));
  CHECK(number(summary, "listed") == "100");
  CHECK(summary.severity == cchc::severity::warning);
  CHECK(summary.message_en.find("more `document.order` findings") != std::string::npos);
  CHECK(fs.size() < 200);
  // No cap: each document out of order once, against its neighbour — not once per pair.
  cchc::validate_options all;
  all.max_findings_per_rule = 0;
  CHECK(all_of(cchc::validate(r, all), "document.order").size() == inversions + 1);
}

TEST_CASE("validate: each finding has the severity its rule has in the catalogue") {
  std::map<std::string, cchc::severity> catalogue;
  for (const auto& rule : cchc::validation_rules()) catalogue[std::string(rule.id)] = rule.severity;
  auto r = seed();
  r.assessment.on_time_above->text = "98%";  // contradicted by the district's 97,55 %
  r.assessment.on_time_above->value = cchc::decimal(98);
  std::vector<cchc::finding> fs = cchc::validate(seed());
  for (auto& f : cchc::validate(r)) fs.push_back(f);
  REQUIRE(find(fs, "claim.on_time_above"));
  REQUIRE(find(fs, "claim.on_time_above_confirmed"));
  for (const auto& f : fs) {
    CAPTURE(f.rule);
    REQUIRE(catalogue.count(f.rule) == 1);
    CHECK(f.severity == catalogue[f.rule]);
  }
}

TEST_CASE("validate: the on-time rates it recomputes are flow's own, also near 2^63-1") {
  auto r = seed();
  auto& f = r.one_stop.flows[0].flow;
  f.resolved_in_time = std::nullopt;
  f.resolved_early = big;
  f.resolved_on_time = 1;
  f.resolved_late = big;
  const auto fs = cchc::validate(r);
  const cchc::finding* p = nullptr;
  for (const auto& x : fs)
    if (x.where.path == "$.one_stop.flows[0].on_time_rate" && x.rule.rfind("percent.", 0) == 0) p = &x;
  REQUIRE(p);
  for (auto c : cchc::all_on_time_conventions) {
    const auto q = f.on_time_rate(c);
    const std::string name(cchc::to_string(c));
    CAPTURE(name);
    if (!q) {
      CHECK(number(*p, name + ".numerator") == "<none>");
      continue;
    }
    CHECK(number(*p, name + ".numerator") == q->numerator().to_string());
    CHECK(number(*p, name + ".denominator") == q->denominator().to_string());
  }
  CHECK(number(*p, "resolved_basis.numerator") == "9223372036854775808");  // 2^63, by hand
}

TEST_CASE("validate: a section the report leaves empty is a note naming it (absent, not zero)") {
  const auto base = seed();
  CHECK(find(cchc::validate(base), "report.section_missing") == nullptr);  // the seed has every section
  auto commune = base;
  commune.direction = {};
  commune.public_finance = {};
  const auto add = added(base, commune);
  CHECK(add.count({"report.section_missing", cchc::severity::info, "$.direction"}) == 1);
  CHECK(add.count({"report.section_missing", cchc::severity::info, "$.public_finance"}) == 1);
  const auto fs = cchc::validate(commune);
  const auto* f = find(fs, "report.section_missing", "$.direction");
  REQUIRE(f != nullptr);
  CHECK(f->message_en.find("direction") != std::string::npos);
  CHECK(number(*f, "section") == "direction");
  // Not a confirmation: kept when confirmations are switched off.
  cchc::validate_options quiet;
  quiet.confirmations = false;
  CHECK(find(cchc::validate(commune, quiet), "report.section_missing", "$.public_finance") != nullptr);
  // A section with one figure in it is not missing.
  auto one = commune;
  one.direction.plan = cchc::plan_summary{};
  one.direction.plan->tasks = 3;
  CHECK(find(cchc::validate(one), "report.section_missing", "$.direction") == nullptr);
}
