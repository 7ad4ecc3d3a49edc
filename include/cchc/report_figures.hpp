// cchc/report_figures.hpp — a report's figures under stable dotted names, for indicators and
// scorecards.
//
// Every number of the report model becomes a figure named by its JSON path without "$." and with
// array elements named by their printed row label when they have one ("one_stop.flows.I.received",
// "organisation.headcount.1.present.civil_servants"), else by their position
// ("civil_service.rewards.0.count"). Printed percentages give their value in percent units
// ("direction.plan.completion" = 100 for "100%"). Each flow row also gives its on-time rates under
// every convention of flow.hpp, as rates ("one_stop.flows.I.on_time.resolved_basis" = 13676/14019),
// computed by dossier_flow::on_time_rate — the one definition. Absent fields are absent figures,
// never 0.
//
//     auto f = cchc::report_figures(cchc::load_report("report.json"));
//     f.find("direction.plan.tasks_completed");   // 23 for the Trần Đề 2023 report
#pragma once

#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include "cchc/figures.hpp"
#include "cchc/report.hpp"

namespace cchc {

[[nodiscard]] CCHC_EXPORT figures report_figures(const report& r);

}  // namespace cchc
