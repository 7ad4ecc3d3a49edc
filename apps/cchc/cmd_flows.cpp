// cchc flows TABLE.csv — check a published flow table (Biểu 06 rows) without a full report.
#include <iostream>

#include "cchc/flow_table_check.hpp"
#include "cchc/number_format.hpp"
#include "commands.hpp"
#include "findings_view.hpp"
#include "output.hpp"

namespace cchc::cli {

namespace {

char separator_of(const arguments& args) {
  const auto sep = args.value("separator");
  if (!sep) return 0;
  if (*sep == "," || *sep == "comma") return ',';
  if (*sep == ";" || *sep == "semicolon") return ';';
  if (*sep == "tab" || *sep == "\t" || *sep == "\\t") return '\t';
  throw usage_error("--separator", "invalid value for --separator: expected ',', ';' or tab, found '" + *sep + "'");
}

// "resolved_basis@2: half_away_from_zero, toward_zero; …" — the matches grouped by basis and scale.
std::string matches_text(const figure_check& fc, const context& ctx) {
  if (fc.matches.empty()) return ctx.tr("không có", "none");
  std::string out, group;
  for (std::size_t i = 0; i < fc.matches.size(); ++i) {
    const auto& m = fc.matches[i];
    const std::string g = m.basis + "@" + std::to_string(m.scale);
    if (g != group) {
      out += (out.empty() ? "" : "; ") + g + ": ";
      group = g;
    } else {
      out += ", ";
    }
    out += std::string(to_string(m.mode));
  }
  return out;
}

nlohmann::json flow_json(const dossier_flow& f) {
  nlohmann::json j = nlohmann::json::object();
  for (flow_column c : all_flow_columns)
    if (const auto v = f.get(c)) j[std::string(to_string(c))] = *v;
  return j;
}

int run_flows(const context& ctx, const arguments& args) {
  const std::string path = args.positionals()[0];
  flow_table_options options;
  options.separator = separator_of(args);
  if (auto s = args.value("max-scale")) options.max_scale = static_cast<int>(parse_count_argument(*s, "--max-scale", 20));
  const published_flow_table t = load_flow_table(path, options);  // parse_error / io_error → exit 2
  const flow_table_result r = check_flow_table(t, options);
  const auto counts = count_by_severity(r.findings);
  const number_style style = ctx.lang == language::vi ? number_style::vi : number_style::en;

  document doc;
  doc.title = ctx.tr("Kiểm tra bảng số liệu hồ sơ (Biểu 06)", "Flow table check (Biểu 06)");
  doc.facts = {{"file", ctx.tr("Tệp", "File"), text_cell(path)},
               {"rows", ctx.tr("Số dòng", "Rows"), count_cell(static_cast<long long>(t.rows.size()), ctx)},
               {"errors", ctx.tr("Lỗi", "Errors"), count_cell(static_cast<long long>(counts[2]), ctx)},
               {"warnings", ctx.tr("Cảnh báo", "Warnings"), count_cell(static_cast<long long>(counts[1]), ctx)},
               {"infos", ctx.tr("Thông tin", "Notes"), count_cell(static_cast<long long>(counts[0]), ctx)}};
  table figures;
  figures.key = "figures";
  figures.list_layout = true;  // the bases and matches are long: one item per figure
  figures.title = ctx.tr("Số liệu đã in và cách tính tái tạo được", "Printed figures and what reproduces them");
  figures.columns = {{"row", ctx.tr("Dòng", "Row")},
                     {"column", ctx.tr("Cột", "Column")},
                     {"printed", ctx.tr("Số đã in", "Printed"), true},
                     {"bases", ctx.tr("Cách tính", "Bases")},
                     {"reproduced_by", ctx.tr("Tái tạo bởi (cách tính@số chữ số: làm tròn)",
                                              "Reproduced by (basis@scale: rounding)")}};
  nlohmann::json jfigures = nlohmann::json::array();
  for (const auto& fc : r.figures) {
    const auto& row = t.rows[fc.row];
    std::string bases;
    nlohmann::json jbases = nlohmann::json::object();
    for (const auto& [name, rate] : fc.bases) {
      bases += (bases.empty() ? "" : "; ") + name + " " + rate.to_string();
      jbases[name] = {{"numerator", rate.numerator().to_string()}, {"denominator", rate.denominator().to_string()}};
    }
    figures.rows.push_back({text_cell(row.label), text_cell(std::string(to_string(fc.share))),
                            {format_percent(fc.printed.value, style), fc.printed.value.to_string()},
                            text_cell(bases.empty() ? ctx.tr("không tính được", "none computable") : bases),
                            text_cell(matches_text(fc, ctx))});
    nlohmann::json jm = nlohmann::json::array();
    for (const auto& m : fc.matches) jm.push_back({{"basis", m.basis}, {"scale", m.scale}, {"rounding", std::string(to_string(m.mode))}});
    jfigures.push_back({{"row", row.label},
                        {"line", row.line},
                        {"column", std::string(to_string(fc.share))},
                        {"printed", fc.printed.value.to_string()},
                        {"printed_text", fc.printed.text},
                        {"bases", jbases},
                        {"matches", jm}});
  }
  if (!figures.rows.empty()) doc.tables.push_back(figures);
  for (auto& ft : findings_tables(r.findings, ctx)) doc.tables.push_back(std::move(ft));
  if (r.findings.empty())
    doc.facts.push_back({"result", ctx.tr("Kết quả", "Result"), text_cell(ctx.tr("không có phát hiện nào", "no findings"))});
  doc.csv_tables = std::vector<table>{figures, findings_flat_table(r.findings)};

  nlohmann::json jrows = nlohmann::json::array();
  for (const auto& row : t.rows) jrows.push_back({{"row", row.label}, {"line", row.line}, {"flow", flow_json(row.flow)}});
  nlohmann::json j = {{"file", path},
                      {"summary", {{"error", counts[2]}, {"warning", counts[1]}, {"info", counts[0]}}},
                      {"rows", jrows},
                      {"figures", jfigures},
                      {"findings", nlohmann::json::array()}};
  for (const auto& f : r.findings) j["findings"].push_back(finding_json(f));
  doc.json = std::move(j);
  render(doc, ctx, std::cout);
  return counts[2] > 0 ? exit_findings : exit_ok;
}

}  // namespace

extern const command flows_command;
const command flows_command{
    "flows",
    "check a published flow table (Biểu 06 rows, CSV): identities, printed rates, roundings",
    "cchc flows TABLE.csv [--separator SEP] [--max-scale N]",
    "Reads a published flow table without a full report (docs/dossiers.md, \"Checking a published\n"
    "flow table\"): a header with a 'unit' or 'row' label column, any of the Biểu 06 columns named as\n"
    "in the report format (received, received_online, ..., resolved_in_time, ..., fell_due) and the\n"
    "printed percentages on_time_rate, online_share, late_share. An empty cell is absent, never 0;\n"
    "counts are read as Vietnamese text (\"14.083\" or \"14083\"), percentages as printed (\"97,55%\",\n"
    "\"97.55\", \"78 %\"). For each row it reports the identity gaps; for each printed figure which\n"
    "basis (on-time convention), scale and rounding reproduce it, or none; and per column whether\n"
    "the rows need different roundings.\n"
    "\n"
    "exit status: 0 no finding of error severity; 1 findings of error severity (a gap, a figure\n"
    "nothing reproduces); 2 the file cannot be read or a cell is not a count or a percentage (the\n"
    "message names the file, line, column and column name).\n"
    "\n"
    "arguments:\n"
    "  TABLE.csv  the table\n",
    {{"separator", "SEP", "the table's field separator: ',', ';' or tab (default: detected from the header)"},
     {"max-scale", "N", "largest number of decimals tried for a printed figure (default 2; a figure\n"
                        "printed with fewer decimals is also tried at the larger scales, as tables\n"
                        "drop trailing zeros: \"78 %\" for 78,0)"}},
    "  cchc flows tests/cli/data/flows/seed.csv\n"
    "  cchc flows table.csv --format json | jq '.figures[] | select(.matches == [])'\n",
    1,
    1,
    {"TABLE.csv"},
    run_flows};

}  // namespace cchc::cli
