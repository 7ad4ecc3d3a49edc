// cchc/report_figures.hpp: the Trần Đề 2023 report's figures under dotted names (values read in the
// report file itself: examples/tran-de-2023/report.json).
#include "cchc/report_figures.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {
const cchc::report& seed() {
  static const cchc::report r = cchc::load_report(std::string(CCHC_SOURCE_DIR) + "/examples/tran-de-2023/report.json");
  return r;
}
cchc::decimal number(const cchc::figures& f, const char* name) {
  const auto* v = f.find(name);
  REQUIRE_MESSAGE(v, name);
  return v->number();
}
}  // namespace

TEST_CASE("report_figures: every number of the report under its dotted path") {
  const auto f = cchc::report_figures(seed());
  CHECK(number(f, "year") == cchc::decimal(2023));
  CHECK(number(f, "direction.plan.tasks") == cchc::decimal(23));
  CHECK(number(f, "direction.plan.tasks_completed") == cchc::decimal(23));
  CHECK(number(f, "one_stop.flows.I.received") == cchc::decimal(14083));
  CHECK(number(f, "one_stop.flows.I.received_online") == cchc::decimal(999));
  CHECK(number(f, "one_stop.flows.I.resolved_in_time") == cchc::decimal(13676));
  CHECK(number(f, "one_stop.flows.I.on_time_rate") == cchc::decimal::parse("97.55"));  // a printed percent
  CHECK(number(f, "procedures.internal_review.reviewed") == cchc::decimal(19));
  CHECK(number(f, "civil_service.commune_cadres_standard.meeting") == cchc::decimal(118));
  // the conventions come from flow (resolved basis: (early + on time) / resolved)
  REQUIRE(f.find("one_stop.flows.I.on_time.resolved_basis"));
  CHECK(f.find("one_stop.flows.I.on_time.resolved_basis")->as_rate() == cchc::rate(13676, 13676 + 343));
  // absent is absent: the report prints no carried-over count for row I
  CHECK(f.find("one_stop.flows.I.carried_over") == nullptr);
  CHECK(f.find("unit.name") == nullptr);  // text is not a figure
}

#include "cchc/scorecard_file.hpp"

TEST_CASE("report_figures: the example district scorecard on the Trần Đề 2023 report") {
  // Independently (Python fractions, ROUND_HALF_UP per leaf): 10 + 10 + 5 | 15·19/50 = 5.70 |
  // 97.55 % ≥ 95 % → 12, 10·80629/80878 = 9.97, min(5, 5·(1746/94961)/0.30) = 0.31, 11 of 11 → 5 |
  // 10·118/119 = 9.92, 5·94/94 = 5 | 10·15/24 = 6.25 — total 79.15 of 100, grade C (≥ 65 %).
  const auto card = cchc::builtin_scorecard("example.district-par");
  const auto t = card.score({{"TRAN_DE", cchc::report_figures(seed())}});
  auto points = [&](const char* id) -> std::optional<cchc::decimal> {
    for (const auto& r : t.rows)
      if (r.id == id) return r.points;
    return std::nullopt;
  };
  CHECK(points("internal_review") == cchc::decimal::parse("5.70"));
  CHECK(points("district.on_time") == cchc::decimal::parse("12.00"));
  CHECK(points("communes.on_time") == cchc::decimal::parse("9.97"));
  CHECK(points("online_share") == cchc::decimal::parse("0.31"));
  CHECK(points("commune_cadres_standard") == cchc::decimal::parse("9.92"));
  CHECK(points("reporting_system") == cchc::decimal::parse("6.25"));
  CHECK(points("example.district-par") == cchc::decimal::parse("79.15"));
  CHECK(t.rows.front().grade == "C");
}
