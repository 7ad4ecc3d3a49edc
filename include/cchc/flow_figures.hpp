// cchc/flow_figures.hpp — a Biểu 06 row as a unit's figures, for indicators and scorecards.
//
// The bridge from dossiers to reform indices: a flow row (from a report, a published table, or a
// dossier log classified by the one dossier kernel) becomes figures (cchc/figures.hpp) that a
// scorecard such as `vn.766` scores directly:
//   * every published column under its name (`received`, `resolved_late`, …; absent stays absent);
//   * the on-time rate under every convention of flow.hpp as an exact rate (`on_time.resolved_basis`,
//     …) — dossier_flow::on_time_rate, the one definition;
//   * the national portal's timeliness feed names (INDICES.md §1, group `dvc-progress-tree`):
//     `totalOnTime` = early + on time + pending within the deadline, `totalOverdue` = late + pending
//     overdue, `totalReceived` = totalOnTime + totalOverdue — present only when every part is.
//
//     cchc::figures f = cchc::flow_figures(accumulator.flow());
//     f.find("totalOnTime");
#pragma once

#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include "cchc/figures.hpp"
#include "cchc/flow.hpp"

namespace cchc {

[[nodiscard]] CCHC_EXPORT figures flow_figures(const dossier_flow& flow);

}  // namespace cchc
