// cchc indicators REPORT.json [--catalogue FILE] — every indicator the report's figures imply, with
// formula and source: the built-in catalogue (data/indicators/vn.cchc.json), or the user's, which
// replaces it.
#include <iostream>
#include <set>

#include "cchc/indicator.hpp"
#include "cchc/indicator_catalogue.hpp"
#include "cchc/number_format.hpp"
#include "cchc/report.hpp"
#include "cchc/rounding.hpp"
#include "commands.hpp"
#include "flow_view.hpp"
#include "output.hpp"

namespace cchc::cli {

namespace {

int run_indicators(const context& ctx, const arguments& args) {
  const std::string path = args.positionals()[0];
  indicator_evaluate_options eval;
  if (auto sc = args.value("scale")) eval.scale = static_cast<int>(parse_count_argument(*sc, "--scale", 18));
  if (auto m = args.value("rounding")) {
    try {
      eval.mode = parse_rounding(*m);
    } catch (const cchc::lookup_error&) {
      std::string names;
      for (rounding r : all_roundings) names += (names.empty() ? "" : ", ") + std::string(to_string(r));
      throw usage_error("--rounding", "invalid value for --rounding: expected one of " + names + ", found '" + *m + "'");
    }
  }
  load_options options;
  if (auto u = args.value("unknown-fields")) {
    if (*u == "error") options.unknown_fields = unknown_field_policy::error;
    else if (*u == "warn" || *u == "warning") options.unknown_fields = unknown_field_policy::warn;
    else
      throw usage_error("--unknown-fields", "invalid value for --unknown-fields: expected error or warn, found '" + *u + "'");
  }
  const std::string prefix = args.value("id").value_or("");

  const report r = load_report(path, options);
  const auto catalogue_path = args.value("catalogue");
  const indicator_catalogue catalogue = catalogue_path ? load_indicator_catalogue(*catalogue_path) : builtin_indicators();
  const number_style style = ctx.lang == language::vi ? number_style::vi : number_style::en;
  std::vector<indicator> values;
  for (indicator& i : catalogue.evaluate(indicator_input::of(r), eval))
    if (prefix.empty() || i.id.rfind(prefix, 0) == 0) values.push_back(std::move(i));
  // One scale and rounding when every indicator shown has the same (the built-in catalogue's 2 decimals,
  // half away from zero, or the ones --scale/--rounding name), else "per indicator".
  std::set<std::pair<int, rounding>> roundings;
  for (const indicator& i : values) roundings.insert({i.scale, i.mode});
  if (roundings.empty()) roundings.insert({eval.scale.value_or(2), eval.mode.value_or(rounding::half_away_from_zero)});
  const bool one_rounding = roundings.size() == 1;
  const int scale = roundings.begin()->first;
  const rounding mode = roundings.begin()->second;

  document doc;
  doc.title = ctx.tr("Chỉ số suy ra từ báo cáo", "Indicators derived from the report");
  doc.facts = {{"file", ctx.tr("Tệp", "File"), text_cell(path)},
               {"unit", ctx.tr("Đơn vị", "Unit"), text_cell(r.unit.issuer.empty() ? r.unit.name : r.unit.issuer)},
               {"year", ctx.tr("Năm", "Year"), {std::to_string(r.year), r.year}},
               {"rounding", ctx.tr("Làm tròn tỷ lệ", "Rates rounded"),
                one_rounding ? cell{std::to_string(scale) + ctx.tr(" chữ số thập phân, ", " decimals, ") + std::string(to_string(mode)),
                                    std::string(to_string(mode))}
                             : cell{ctx.tr("theo từng chỉ số", "per indicator"), nullptr}}};
  if (catalogue_path)
    doc.facts.push_back({"catalogue", ctx.tr("Danh mục chỉ số", "Catalogue"), text_cell(*catalogue_path + " (" + catalogue.id() + ")")});
  table t;
  t.key = "indicators";
  t.list_layout = true;
  t.columns = {{"id", "id"},
               {"value", ctx.tr("Giá trị", "Value"), true},
               {"label", ctx.tr("Chỉ số", "Indicator")},
               {"formula", ctx.tr("Công thức", "Formula")},
               {"source", ctx.tr("Nguồn", "Source")},
               {"inferred", ctx.tr("Suy ra", "Inferred")},
               {"path", ctx.tr("Dữ liệu", "Data")}};
  // csv: a flat machine table, the same whatever --lang.
  table csv;
  csv.key = "indicators";
  for (const char* k : {"id", "kind", "numerator", "denominator", "percent", "value", "unit", "label_vi", "label_en",
                        "formula", "source", "inferred", "path"})
    csv.columns.push_back({k, k});
  nlohmann::json list = nlohmann::json::array();
  for (const indicator& i : values) {
    cell value;
    nlohmann::json j = {{"id", i.id},         {"label_vi", i.label_vi}, {"label_en", i.label_en},
                        {"unit", i.unit},     {"formula", i.formula},   {"source", i.source},
                        {"inferred", i.inferred}, {"path", i.path}};
    if (i.status != indicator_status::value) {
      // Not applicable (effective period) or not scored (policy): no value, the reason instead.
      j["kind"] = std::string(to_string(i.status));
      j["reason"] = i.reason;
      value = empty_cell(std::string(i.status == indicator_status::not_applicable ? ctx.tr("không áp dụng", "not applicable")
                                                                       : ctx.tr("không chấm", "not scored")) +
                         " (" + i.reason + ")");
    } else if (i.is_rate()) {
      const rate& q = std::get<rate>(i.value);
      j["kind"] = "rate";
      j["numerator"] = q.numerator().to_string();
      j["denominator"] = q.denominator().to_string();
      const auto p = i.percent(i.scale, i.mode);
      j["percent"] = p ? nlohmann::json(p->to_string()) : nlohmann::json(nullptr);
      value = p ? cell{format_percent(*p, style), p->to_string()} : empty_cell(ctx.tr("không xác định (mẫu số 0)", "undefined (0 denominator)"));
    } else {
      const decimal& d = std::get<decimal>(i.value);
      j["kind"] = "decimal";
      j["value"] = d.to_string();
      value = {d.format(style) + (i.unit.empty() || i.unit == "count" ? "" : " " + i.unit), d.to_string()};
    }
    if (!i.reason.empty() && !j.contains("reason")) j["reason"] = i.reason;  // a policy's value, a rounded value
    std::vector<cell> csv_row;
    for (const auto& c : csv.columns) {
      const nlohmann::json v = j.contains(c.key) ? j[c.key] : nlohmann::json(nullptr);
      csv_row.push_back({v.is_string() ? v.get<std::string>() : dump_json(v), v});
    }
    csv.rows.push_back(std::move(csv_row));
    list.push_back(std::move(j));
    t.rows.push_back({text_cell(i.id), value, text_cell(ctx.lang == language::vi ? i.label_vi : i.label_en),
                      text_cell(i.formula), text_cell(i.source),
                      {i.inferred ? ctx.tr("có: từ thực tiễn hoặc số liệu công bố, không đọc trong văn bản pháp lý",
                                           "yes: worked out from practice or published figures, not read in a legal text")
                                  : "",
                       i.inferred},
                      text_cell(i.path)});
  }
  if (t.rows.empty()) t.notes.push_back(ctx.tr("Không có chỉ số nào.", "No indicator."));
  doc.tables.push_back(std::move(t));
  doc.csv_tables = std::vector<table>{std::move(csv)};
  doc.json = nlohmann::json{{"file", path},
                            {"unit", r.unit.name},
                            {"year", r.year},
                            {"scale", one_rounding ? nlohmann::json(scale) : nlohmann::json(nullptr)},
                            {"rounding", one_rounding ? nlohmann::json(std::string(to_string(mode))) : nlohmann::json(nullptr)},
                            {"indicators", std::move(list)}};
  if (catalogue_path) (*doc.json)["catalogue"] = catalogue.id();
  render(doc, ctx, std::cout);
  return exit_ok;
}

}  // namespace

extern const command indicators_command;
const command indicators_command{
    "indicators",
    "every indicator derived from a CCHC report, with value, formula and source",
    "cchc indicators REPORT.json [--catalogue FILE] [--scale N] [--rounding MODE] [--id PREFIX]\n"
    "                [--unknown-fields error|warn]",
    "Derives every indicator the report's figures allow (an indicator whose inputs are absent is not\n"
    "shown, never shown as zero): completion and coverage rates, on-time rates under each named\n"
    "convention, online shares, headcount fill rates and vacancies, budget shares. Each comes with its\n"
    "exact value, the formula with the report's own numbers, its legal or methodological source\n"
    "(marked \"inferred\" when worked out from practice rather than read in a legal text) and the\n"
    "JSON path of its inputs. Rates are computed exactly and rounded once, at --scale decimals with\n"
    "--rounding (json also gives the exact numerator and denominator).\n"
    "\n"
    "The indicators are data: the built-in catalogue (data/indicators/vn.cchc.json, docs/indicators.md)\n"
    "unless --catalogue names a file in the same format, which replaces it (copy the built-in one to\n"
    "extend it). Each indicator is shown at its own scale and rounding (2 decimals, half away from zero\n"
    "in the built-in one) unless --scale or --rounding is given. An indicator whose effective period\n"
    "does not hold the end of the report's period is listed as not applicable, with the reason.\n"
    "\n"
    "arguments:\n"
    "  REPORT.json  the report\n",
    {{"catalogue", "FILE", "an indicator catalogue (format cchc.indicators) replacing the built-in one"},
     {"scale", "N", "decimals of the percentages (default: each indicator's own, 2 in the built-in catalogue)"},
     {"rounding", "MODE", "half_away_from_zero (the built-in default), half_even, half_toward_zero, toward_zero,\n"
                          "away_from_zero, floor, ceiling"},
     {"id", "PREFIX", "only the indicators whose id starts with PREFIX (e.g. one_stop.)"},
     {"unknown-fields", "POLICY", "error (default) or warn, as for check"}},
    "  cchc indicators examples/tran-de-2023/report.json\n"
    "  cchc indicators report.json --id one_stop. --lang en\n"
    "  cchc indicators report.json --scale 4 --rounding toward_zero --format csv\n"
    "  cchc indicators report.json --catalogue my-indicators.json --format json\n",
    1,
    1,
    {"REPORT.json"},
    run_indicators};

}  // namespace cchc::cli
