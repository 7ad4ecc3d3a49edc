// cchc check REPORT.json — validate a structured CCHC report; findings grouped by severity.
#include <algorithm>
#include <iostream>

#include "cchc/report.hpp"
#include "cchc/validate.hpp"
#include "commands.hpp"
#include "findings_view.hpp"
#include "output.hpp"

namespace cchc::cli {

namespace {

severity parse_min_severity(const std::string& s) {
  if (s == "info") return severity::info;
  if (s == "warning") return severity::warning;
  if (s == "error") return severity::error;
  throw usage_error("--min-severity", "invalid value for --min-severity: expected info, warning or error, found '" + s + "'");
}

int run_check(const context& ctx, const arguments& args) {
  const std::string path = args.positionals()[0];
  load_options options;
  if (auto u = args.value("unknown-fields")) {
    if (*u == "error") options.unknown_fields = unknown_field_policy::error;
    else if (*u == "warn" || *u == "warning") options.unknown_fields = unknown_field_policy::warn;
    else
      throw usage_error("--unknown-fields", "invalid value for --unknown-fields: expected error or warn, found '" + *u + "'");
  }
  const severity min = parse_min_severity(args.value("min-severity").value_or("info"));

  const report r = load_report(path, options);  // parse_error / io_error → exit 2 with file:line:column
  const std::vector<finding> all = validate(r);
  const auto counts = count_by_severity(all);
  std::vector<finding> shown;
  for (const auto& f : all)
    if (f.severity >= min) shown.push_back(f);
  // Grouped by severity in every format: errors, then warnings, then notes; rule order within each.
  std::stable_sort(shown.begin(), shown.end(), [](const finding& a, const finding& b) { return a.severity > b.severity; });

  document doc;
  doc.title = ctx.tr("Kiểm tra báo cáo CCHC", "CCHC report check");
  doc.facts = {{"file", ctx.tr("Tệp", "File"), text_cell(path)},
               {"unit", ctx.tr("Đơn vị", "Unit"), text_cell(r.unit.issuer.empty() ? r.unit.name : r.unit.issuer)},
               {"year", ctx.tr("Năm", "Year"), {std::to_string(r.year), r.year}},
               {"errors", ctx.tr("Lỗi", "Errors"), count_cell(static_cast<long long>(counts[2]), ctx)},
               {"warnings", ctx.tr("Cảnh báo", "Warnings"), count_cell(static_cast<long long>(counts[1]), ctx)},
               {"infos", ctx.tr("Thông tin", "Notes"), count_cell(static_cast<long long>(counts[0]), ctx)}};
  doc.tables = findings_tables(shown, ctx);
  if (shown.empty())
    doc.facts.push_back({"result", ctx.tr("Kết quả", "Result"),
                         text_cell(all.empty() ? ctx.tr("không có phát hiện nào", "no findings")
                                               : ctx.tr("không có phát hiện ở mức đã chọn", "no findings at the chosen severity"))});
  doc.csv_tables = std::vector<table>{findings_flat_table(shown)};
  nlohmann::json j = {{"file", path},
                      {"unit", r.unit.name},
                      {"year", r.year},
                      {"summary", {{"error", counts[2]}, {"warning", counts[1]}, {"info", counts[0]}}},
                      {"findings", nlohmann::json::array()}};
  for (const auto& f : shown) j["findings"].push_back(finding_json(f));
  doc.json = std::move(j);
  render(doc, ctx, std::cout);
  return counts[2] > 0 ? exit_findings : exit_ok;
}

}  // namespace

extern const command check_command;
const command check_command{
    "check",
    "validate a CCHC report (JSON): findings grouped by severity",
    "cchc check REPORT.json [--unknown-fields error|warn] [--min-severity LEVEL]",
    "Loads a structured report (docs/report-format.md) strictly and runs every validation rule:\n"
    "identities of the flow table, percentages that no rounding of their own figures reproduces\n"
    "(\"19/50 ... đạt 30%\"), truncated figures (118/119 printed 99,15 %), counts that exceed their\n"
    "totals, dates, cited documents. Each finding has a stable rule id, where it is (JSON path), a\n"
    "message and the figures involved.\n"
    "\n"
    "exit status: 0 no finding of error severity; 1 findings of error severity; 2 the file cannot be\n"
    "read or is not a valid report (the message names the file, line, column and JSON path).\n"
    "\n"
    "arguments:\n"
    "  REPORT.json  the report\n",
    {{"unknown-fields", "POLICY", "a field the format does not know: error (default: the file is\n"
                                  "refused, exit 2) or warn (a warning finding, the field is ignored)"},
     {"min-severity", "LEVEL", "show only findings at least this severe: info (default), warning, error;\n"
                               "the exit status still counts every error"}},
    "  cchc check examples/tran-de-2023/report.json\n"
    "  cchc check report.json --format json | jq '.findings[] | select(.severity == \"error\")'\n"
    "  cchc check report.json --unknown-fields warn --lang en\n",
    1,
    1,
    {"REPORT.json"},
    run_check};

}  // namespace cchc::cli
