// Expected values: the inputs are read by hand from the seed report; the percentages were computed
// independently with Python's fractions.Fraction and rounded by hand (e.g. 86869/189605 =
// 45.8157…% → 45.82; Σ public employees of the table 1361/1542 = 88.2619…% → 88.26).
#include "cchc/indicator.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "cchc/error.hpp"

namespace {

const std::string example = std::string(CCHC_SOURCE_DIR) + "/examples/tran-de-2023/report.json";

std::string pct(const std::vector<cchc::indicator>& list, const char* id,
                cchc::rounding mode = cchc::rounding::half_away_from_zero) {
  return cchc::find_indicator(list, id).percent(2, mode)->to_string();
}

std::string fraction(const std::vector<cchc::indicator>& list, const char* id) {
  const auto& r = std::get<cchc::rate>(cchc::find_indicator(list, id).value);
  return r.numerator().to_string() + "/" + r.denominator().to_string();
}

}  // namespace

TEST_CASE("indicator: the seed's rates, exact, with their inputs") {
  auto list = cchc::indicators(cchc::load_report(example));
  CHECK(pct(list, "direction.plan_completion") == "100.00");
  CHECK(pct(list, "direction.inspection_coverage") == "100.00");
  CHECK(pct(list, "direction.shortcomings_remedied") == "100.00");
  CHECK(fraction(list, "procedures.internal_reviewed_share") == "19/50");
  CHECK(pct(list, "procedures.internal_reviewed_share") == "38.00");
  CHECK(fraction(list, "one_stop.on_time.district.resolved_basis") == "13676/14019");
  CHECK(pct(list, "one_stop.on_time.district.resolved_basis") == "97.55");
  CHECK(fraction(list, "one_stop.on_time.district.received_basis") == "13740/14083");
  CHECK(pct(list, "one_stop.on_time.district.received_basis") == "97.56");
  CHECK(pct(list, "one_stop.on_time.commune.resolved_basis") == "99.69");
  CHECK(fraction(list, "one_stop.on_time.total.resolved_basis") == "94305/94897");
  CHECK(pct(list, "one_stop.on_time.total.resolved_basis") == "99.38");
  CHECK(pct(list, "one_stop.online_share.district") == "7.09");
  CHECK(pct(list, "one_stop.online_share.commune") == "0.92");
  CHECK(fraction(list, "organisation.fill_rate.civil_servants") == "78/83");
  CHECK(pct(list, "organisation.fill_rate.civil_servants") == "93.98");
  CHECK(fraction(list, "organisation.fill_rate.public_employees") == "1361/1542");
  CHECK(pct(list, "organisation.fill_rate.public_employees") == "88.26");
  CHECK(fraction(list, "organisation.fill_rate.contracts_111") == "89/90");
  CHECK(std::get<cchc::decimal>(cchc::find_indicator(list, "organisation.vacancies.civil_servants").value) ==
        cchc::decimal(5));
  CHECK(std::get<cchc::decimal>(cchc::find_indicator(list, "organisation.vacancies.public_employees").value) ==
        cchc::decimal(172 + 6 + 3));
  // Row 1 of the table: Văn phòng HĐND và UBND, 19 of 20 civil servants.
  CHECK(fraction(list, "organisation.headcount[0].civil_servants.fill_rate") == "19/20");
  CHECK(pct(list, "public_finance.admin_autonomy.budget[0].share") == "45.82");
  CHECK(pct(list, "civil_service.commune_cadres_standard") == "99.16");
  CHECK(pct(list, "civil_service.commune_cadres_standard", cchc::rounding::toward_zero) == "99.15");
  CHECK(fraction(list, "egov.reporting_system_units") == "15/24");
}

TEST_CASE("indicator: absent inputs give no indicator, never a zero") {
  auto list = cchc::indicators(cchc::load_report(example));
  // The seed publishes no "fell due" column: no due-basis rate.
  CHECK_THROWS_AS((void)cchc::find_indicator(list, "one_stop.on_time.district.due_basis"),
                  cchc::lookup_error);
  cchc::report empty;
  CHECK(cchc::indicators(empty).empty());
}

TEST_CASE("indicator: every indicator has labels, a formula and a source and ids are unique") {
  auto list = cchc::indicators(cchc::load_report(example));
  std::set<std::string> ids;
  for (const auto& i : list) {
    CAPTURE(i.id);
    CHECK(ids.insert(i.id).second);
    CHECK(!i.label_vi.empty());
    CHECK(!i.label_en.empty());
    CHECK(!i.formula.empty());
    CHECK(!i.source.empty());
    CHECK(i.path.rfind("$.", 0) == 0);
  }
  const auto& received = cchc::find_indicator(list, "one_stop.on_time.district.received_basis");
  CHECK(!received.inferred);  // Decision 766 defines it
  CHECK(received.source.find("766") != std::string::npos);
  CHECK(cchc::find_indicator(list, "direction.plan_completion").inferred);
  CHECK(cchc::find_indicator(list, "procedures.internal_reviewed_share").formula ==
        "reviewed / total = 19 / 50");
}
