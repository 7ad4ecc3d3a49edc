// flow_figures: a flow row as figures, and the Decision 766 timeliness scored from a dossier flow.
#include "cchc/flow_figures.hpp"

#include <doctest/doctest.h>

#include "cchc/decimal.hpp"
#include "cchc/scorecard_file.hpp"

using cchc::decimal;

namespace {
// The seed's district row (Trần Đề 2023): 14.083 received, 13.676 in time, 343 late, 64 pending in time.
cchc::dossier_flow district() {
  cchc::dossier_flow f;
  f.received = 14083;
  f.resolved_in_time = 13676;
  f.resolved_late = 343;
  f.pending_in_time = 64;
  f.pending_overdue = 0;
  return f;
}
}  // namespace

TEST_CASE("flow_figures: columns, conventions and the portal's timeliness names") {
  const cchc::figures f = cchc::flow_figures(district());
  REQUIRE(f.find("received"));
  CHECK(f.find("received")->number() == decimal(14083));
  CHECK_FALSE(f.contains("carried_over"));  // absent, not 0
  REQUIRE(f.find("on_time.resolved_basis"));
  const cchc::rate r = f.find("on_time.resolved_basis")->as_rate();
  CHECK(r.numerator() == decimal(13676));
  CHECK(r.denominator() == decimal(14019));
  // totalOnTime = 13.676 + 64; totalOverdue = 343 + 0; totalReceived = their sum (INDICES.md §1)
  CHECK(f.find("totalOnTime")->number() == decimal(13740));
  CHECK(f.find("totalOverdue")->number() == decimal(343));
  CHECK(f.find("totalReceived")->number() == decimal(14083));
  cchc::dossier_flow partial = district();
  partial.pending_overdue.reset();
  CHECK_FALSE(cchc::flow_figures(partial).contains("totalOnTime"));  // a part is absent: not guessed
}

TEST_CASE("flow_figures: vn.766 scores timeliness from a flow") {
  const auto t = cchc::builtin_scorecard("vn.766").score({{"district", cchc::flow_figures(district())}});
  for (const auto& r : t.rows)
    if (r.unit == "district" && r.id == "ON_TIME") {
      // 20 × 13740 / 14083 = 19.5129… → 19.51 (2 decimals, half away from zero)
      REQUIRE(r.points);
      CHECK(*r.points == decimal::parse("19.51", cchc::number_style::plain));
      return;
    }
  FAIL("no ON_TIME row");
}
