// cchc check REPORT.json ... — validate structured CCHC reports; findings grouped by severity, per file.
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

load_options read_load_options(const arguments& args) {
  load_options options;
  if (auto u = args.value("unknown-fields")) {
    if (*u == "error") options.unknown_fields = unknown_field_policy::error;
    else if (*u == "warn" || *u == "warning") options.unknown_fields = unknown_field_policy::warn;
    else
      throw usage_error("--unknown-fields", "invalid value for --unknown-fields: expected error or warn, found '" + *u + "'");
  }
  return options;
}

std::vector<finding> at_least(const std::vector<finding>& all, severity min) {
  std::vector<finding> shown;
  for (const auto& f : all)
    if (f.severity >= min) shown.push_back(f);
  // Grouped by severity in every format: errors, then warnings, then notes; rule order within each.
  std::stable_sort(shown.begin(), shown.end(), [](const finding& a, const finding& b) { return a.severity > b.severity; });
  return shown;
}

int check_one(const context& ctx, const std::string& path, const load_options& options, severity min) {
  const report r = load_report(path, options);  // parse_error / io_error → exit 2 with file:line:column
  const std::vector<finding> all = validate(r);
  const auto counts = count_by_severity(all);
  const std::vector<finding> shown = at_least(all, min);

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

// Many reports: one summary row per file, then each file's findings; a file that cannot be read is
// reported in its row (and on stderr) and the others are still checked. The exit status is the worst.
int check_many(const context& ctx, const std::vector<std::string>& paths, const load_options& options, severity min) {
  document doc;
  doc.title = ctx.tr("Kiểm tra các báo cáo CCHC", "CCHC report checks");
  table summary;
  summary.key = "files";
  summary.title = ctx.tr("Các tệp", "Files");
  summary.columns = {{"file", ctx.tr("Tệp", "File")},
                     {"unit", ctx.tr("Đơn vị", "Unit")},
                     {"year", ctx.tr("Năm", "Year"), true},
                     {"errors", ctx.tr("Lỗi", "Errors"), true},
                     {"warnings", ctx.tr("Cảnh báo", "Warnings"), true},
                     {"infos", ctx.tr("Thông tin", "Notes"), true},
                     {"exit", ctx.tr("Mã thoát", "Exit"), true},
                     {"result", ctx.tr("Kết quả", "Result")}};
  table flat = findings_flat_table({});
  flat.columns.insert(flat.columns.begin(), {"file", "file"});
  nlohmann::json files = nlohmann::json::array();
  std::vector<table> per_file;
  int worst = exit_ok;
  for (const auto& path : paths) {
    int code = exit_ok;
    try {
      const report r = load_report(path, options);
      const std::vector<finding> all = validate(r);
      const auto counts = count_by_severity(all);
      const std::vector<finding> shown = at_least(all, min);
      code = counts[2] > 0 ? exit_findings : exit_ok;
      const std::string unit = r.unit.issuer.empty() ? r.unit.name : r.unit.issuer;
      summary.rows.push_back({text_cell(path), text_cell(unit), {std::to_string(r.year), r.year},
                              count_cell(static_cast<long long>(counts[2]), ctx), count_cell(static_cast<long long>(counts[1]), ctx),
                              count_cell(static_cast<long long>(counts[0]), ctx), {std::to_string(code), code},
                              text_cell(code == exit_ok ? ctx.tr("đạt", "passed") : ctx.tr("có lỗi", "errors"))});
      for (auto& t : findings_tables(shown, ctx)) {
        t.key = path + ":" + t.key;
        t.title = path + " — " + t.title;
        per_file.push_back(std::move(t));
      }
      const table rows = findings_flat_table(shown);
      for (const auto& row : rows.rows) {
        std::vector<cell> with_file{text_cell(path)};
        with_file.insert(with_file.end(), row.begin(), row.end());
        flat.rows.push_back(std::move(with_file));
      }
      nlohmann::json j = {{"file", path}, {"unit", r.unit.name}, {"year", r.year}, {"exit", code}, {"error", nullptr},
                          {"summary", {{"error", counts[2]}, {"warning", counts[1]}, {"info", counts[0]}}},
                          {"findings", nlohmann::json::array()}};
      for (const auto& f : shown) j["findings"].push_back(finding_json(f));
      files.push_back(std::move(j));
    } catch (const cchc::error& e) {
      // The message already names the file, line, column and JSON path (as for one file).
      code = exit_usage;
      std::cerr << "cchc check: error: " << e.what() << '\n';
      summary.rows.push_back({text_cell(path), empty_cell(), empty_cell(), empty_cell(), empty_cell(), empty_cell(),
                              {std::to_string(code), code}, text_cell(e.what())});
      files.push_back({{"file", path}, {"exit", code}, {"error", e.what()}, {"findings", nlohmann::json::array()}});
    }
    worst = std::max(worst, code);
  }
  doc.facts = {{"files", ctx.tr("Số tệp", "Files"), count_cell(static_cast<long long>(paths.size()), ctx)},
               {"exit", ctx.tr("Mã thoát (xấu nhất)", "Exit status (worst)"), {std::to_string(worst), worst}}};
  doc.tables.push_back(std::move(summary));
  for (auto& t : per_file) doc.tables.push_back(std::move(t));
  doc.csv_tables = std::vector<table>{std::move(flat)};
  doc.json = nlohmann::json{{"files", std::move(files)}, {"exit", worst}};
  render(doc, ctx, std::cout);
  return worst;
}

int run_check(const context& ctx, const arguments& args) {
  const load_options options = read_load_options(args);
  const severity min = parse_min_severity(args.value("min-severity").value_or("info"));
  const auto& paths = args.positionals();
  if (paths.size() == 1) return check_one(ctx, paths[0], options, min);
  return check_many(ctx, paths, options, min);
}

}  // namespace

extern const command check_command;
const command check_command{
    "check",
    "validate CCHC reports (JSON): findings grouped by severity, per file",
    "cchc check REPORT.json [REPORT.json ...] [--unknown-fields error|warn] [--min-severity LEVEL]",
    "Loads a structured report (docs/report-format.md) strictly and runs every validation rule:\n"
    "identities of the flow table, percentages that no rounding of their own figures reproduces\n"
    "(\"19/50 ... đạt 30%\"), truncated figures (118/119 printed 99,15 %), counts that exceed their\n"
    "totals, dates, cited documents. Each finding has a stable rule id, where it is (JSON path), a\n"
    "message and the figures involved. A section the report leaves empty (a commune's report, a\n"
    "two-tier report from 2025) is a note (report.section_missing): absent, not zero.\n"
    "\n"
    "Several reports are checked one by one: a summary row per file (unit, year, counts, exit\n"
    "status), then each file's findings; a file that cannot be read is reported in its row and on\n"
    "stderr, and the others are still checked. csv adds a file column; json is {files: [...], exit}.\n"
    "\n"
    "exit status: 0 no finding of error severity; 1 findings of error severity; 2 the file cannot be\n"
    "read or is not a valid report (the message names the file, line, column and JSON path). With\n"
    "several files, the worst of theirs.\n"
    "\n"
    "arguments:\n"
    "  REPORT.json  the report(s)\n",
    {{"unknown-fields", "POLICY", "a field the format does not know: error (default: the file is\n"
                                  "refused, exit 2) or warn (a warning finding, the field is ignored)"},
     {"min-severity", "LEVEL", "show only findings at least this severe: info (default), warning, error;\n"
                               "the exit status still counts every error"}},
    "  cchc check examples/tran-de-2023/report.json\n"
    "  cchc check report.json --format json | jq '.findings[] | select(.severity == \"error\")'\n"
    "  cchc check report.json --unknown-fields warn --lang en\n"
    "  cchc check districts/*.json --format csv\n",
    1,
    100000,
    {"REPORT.json"},
    run_check};

}  // namespace cchc::cli
