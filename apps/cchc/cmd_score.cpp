// cchc score --scorecard FILE|ID --figures TABLE.csv — score units against a scorecard, every point
// explained; cchc rank --figures TABLE.csv --by EXPR — rank units by any expression over their figures.
#include <algorithm>
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include "cchc/decimal.hpp"
#include "cchc/expression.hpp"
#include "cchc/figures_table.hpp"
#include "cchc/number_format.hpp"
#include "cchc/ranking.hpp"
#include "cchc/roll_up.hpp"
#include "cchc/report.hpp"
#include "cchc/report_figures.hpp"
#include "cchc/dossier.hpp"
#include "cchc/dossier_log.hpp"
#include "cchc/flow_figures.hpp"
#include "cchc/one_stop_rules.hpp"
#include "calendar_options.hpp"
#include "period_arg.hpp"
#include "cchc/scorecard.hpp"
#include "cchc/scorecard_file.hpp"
#include "cchc/units.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace cchc::cli {

namespace {

number_style table_style(const arguments& args) {
  const std::string s = args.value("style").value_or("plain");
  if (s == "plain") return number_style::plain;
  if (s == "vi") return number_style::vi;
  if (s == "en") return number_style::en;
  throw usage_error("--style", "invalid value for --style: expected plain, vi or en, found '" + s + "'");
}

figures_table read_table(const arguments& args) {
  const auto path = args.value("figures");
  if (!path) throw usage_error("--figures", "missing --figures TABLE.csv (one row per unit, one column per figure)");
  figures_table_options o;
  o.style = table_style(args);
  return load_figures_table(*path, o);
}

scorecard read_scorecard(const arguments& args) {
  const auto which = args.value("scorecard");
  if (!which) throw usage_error("--scorecard", "missing --scorecard FILE or a built-in id (vn.766, …)");
  const auto ids = builtin_scorecards();
  if (std::find(ids.begin(), ids.end(), *which) != ids.end()) return builtin_scorecard(*which);
  return load_scorecard(*which);
}

cell decimal_cell(const std::optional<decimal>& d, const context& ctx) {
  if (!d) return empty_cell();
  return {d->format(ctx.lang == language::vi ? number_style::vi : number_style::en), d->to_string()};
}

nlohmann::json opt(const std::optional<decimal>& d) { return d ? nlohmann::json(d->to_string()) : nlohmann::json(nullptr); }

std::string status_text(score_status s, const context& ctx) {
  switch (s) {
    case score_status::scored: return "";
    case score_status::not_scored: return ctx.tr("không chấm", "not scored");
    case score_status::no_points: return ctx.tr("không có điểm", "no points");
    case score_status::absent: return ctx.tr("thiếu số liệu", "absent");
    case score_status::unknown: return ctx.tr("chưa rõ cách tính", "unknown rule");
    case score_status::invalid: return ctx.tr("không hợp lệ", "invalid");
  }
  return "";
}

// --units FILE [--on DATE]: the tree at that date. The date is needed only when some row is dated.
struct unit_tree {
  units tree;
  date::sys_days on{};
};

std::optional<unit_tree> read_units(const arguments& args) {
  const auto path = args.value("units");
  if (!path) {
    if (args.value("on")) throw usage_error("--on", "--on DATE reads the units file at a date: give --units UNITS.csv too");
    return std::nullopt;
  }
  unit_tree t{units::load(*path), {}};
  if (const auto on = args.value("on")) {
    t.on = parse_date_argument(*on, "--on");
  } else {
    for (const auto& u : t.tree.rows())
      if (u.valid_from || u.valid_to)
        throw usage_error("--on", "the units file " + *path + " has dated rows (line " + std::to_string(u.line) +
                                      "): give --on DATE, the day whose tree to use");
  }
  return t;
}

// The table with the parents the units file gives it: a parent's published figures are kept, the ones
// it does not publish come from the roll-up of its children (a ratio of sums, cchc/roll_up.hpp).
figures_table with_parents(const figures_table& table, const unit_tree& t, const std::string& path) {
  figures_table parents;
  try {
    parents = roll_up(table, t.tree, t.on);
  } catch (const argument_error& e) {  // the library names the row; the CLI knows the table's file
    location where = e.where();
    if (where.file.empty()) where.file = path;
    throw argument_error(e.detail(), where);
  }
  figures_table out = table;
  std::map<std::string, std::size_t> row_of;
  for (std::size_t i = 0; i < out.units.size(); ++i) row_of.emplace(out.units[i].unit, i);
  for (const auto& p : parents.units) {
    const auto it = row_of.find(p.unit);
    if (it == row_of.end()) {
      out.units.push_back(p);
      continue;
    }
    unit_figures& own = out.units[it->second];
    for (const auto& name : out.names)
      if (!own.figures.find(name))
        if (const figure* f = p.figures.find(name)) own.figures.set(name, *f);
  }
  return out;
}

int run_score(const context& ctx, const arguments& args) {
  const scorecard card = read_scorecard(args);
  const auto tree = read_units(args);
  if (tree && !args.positionals().empty())
    throw usage_error("--units", "--units rolls a figures table up its tree: use it with --figures TABLE.csv");
  std::vector<std::pair<std::string, figures>> units;
  std::string source;
  if (!args.positionals().empty()) {
    // Reports: each one's figures under their dotted names (cchc/report_figures.hpp).
    if (args.value("figures")) throw usage_error("--figures", "give reports or --figures TABLE.csv, not both");
    for (const auto& path : args.positionals()) {
      const report r = load_report(path);
      const std::string unit = !r.unit.issuer.empty() ? r.unit.issuer : !r.unit.name.empty() ? r.unit.name : path;
      units.emplace_back(unit, report_figures(r));
      source += (source.empty() ? "" : ", ") + path;
    }
  } else if (const auto log = args.value("dossiers")) {
    // A dossier log: each unit's Biểu 06 row over the period by the one dossier kernel (the numbers
    // of `cchc dossiers`), as figures (cchc/flow_figures.hpp: the columns, the on-time conventions and
    // the portal's totalOnTime / totalReceived that vn.766's timeliness reads).
    if (args.value("figures")) throw usage_error("--figures", "give --dossiers LOG.csv or --figures TABLE.csv, not both");
    if (tree) throw usage_error("--units", "--units rolls a figures table up its tree: use it with --figures TABLE.csv");
    const auto period_text = args.value("period");
    if (!period_text) throw usage_error("--period", "--dossiers needs --period (the reporting period the log is judged over)");
    const period_arg p = parse_period_argument(*period_text);
    flow_key key = flow_key::unit;
    if (const auto by = args.value("by")) {
      try {
        key = parse_flow_key(*by);
      } catch (const cchc::lookup_error&) {
        throw usage_error("--by", "invalid value for --by: expected unit, level, channel, procedure or field, found '" +
                                      *by + "'");
      }
    }
    const work_calendar cal = calendar_from_options(args);
    receipt_rule rule;  // the one-stop rules in force on the period's last day (none before 2018)
    try {
      rule = rules_in_force(p.last).receipt();
    } catch (const cchc::range_error&) {
    }
    flow_accumulator acc(p.first, p.last, cal, key, rule);
    (void)accumulate_dossier_log(*log, acc);
    for (const auto& [unit, flow] : acc.table()) units.emplace_back(unit, flow_figures(flow));
    source = *log;
  } else {
    figures_table t = read_table(args);
    if (tree) t = with_parents(t, *tree, *args.value("figures"));
    for (const auto& u : t.units) units.emplace_back(u.unit, u.figures);
    source = *args.value("figures");
  }
  // With a units file, units are ranked among their own level (a province is not ranked with its
  // communes): one scoring per level, the levels in the order the units file first names them;
  // without one, all together.
  std::vector<std::string> levels;
  std::map<std::string, std::string> level_of, name_of;
  if (tree) {
    for (const auto& [code, f] : units) {
      const unit_info* u = tree->tree.find(code, tree->on);  // every unit is in the tree (with_parents)
      level_of[code] = u ? u->level : std::string();
      name_of[code] = u ? u->name : std::string();
    }
    std::set<std::string> used;
    for (const auto& entry : level_of) used.insert(entry.second);
    for (const auto& row : tree->tree.rows())
      if (used.erase(row.level) > 0) levels.push_back(row.level);
  }
  if (levels.empty()) levels.emplace_back();
  score_table scores;
  for (const auto& level : levels) {
    std::vector<std::pair<std::string, figures>> some;
    for (const auto& u : units)
      if (!tree || level_of[u.first] == level) some.push_back(u);
    auto part = card.score(some);
    scores.rows.insert(scores.rows.end(), std::make_move_iterator(part.rows.begin()), std::make_move_iterator(part.rows.end()));
  }
  const auto& d = card.definition();

  document doc;
  doc.title = ctx.tr("Chấm điểm theo bộ tiêu chí ", "Scores on the scorecard ") + d.id;
  doc.facts = {{"scorecard", ctx.tr("Bộ tiêu chí", "Scorecard"), text_cell(d.id)},
               {"source", ctx.tr("Căn cứ", "Source"), text_cell(d.source)},
               {"figures", ctx.tr("Số liệu", "Figures"), text_cell(source)},
               {"units", ctx.tr("Số đơn vị", "Units"), count_cell(static_cast<long long>(units.size()), ctx)}};
  if (tree) {
    doc.facts.push_back({"units_file", ctx.tr("Danh mục đơn vị", "Units file"), text_cell(tree->tree.origin())});
    if (args.value("on")) doc.facts.push_back({"on", ctx.tr("Ngày", "On"), text_cell(*args.value("on"))});
  }

  // Ranking of the totals first, then one table per unit with every node.
  table ranking;
  ranking.key = "ranking";
  ranking.title = ctx.tr("Xếp hạng", "Ranking");
  ranking.columns = {{"rank", ctx.tr("Hạng", "Rank"), true},
                     {"unit", ctx.tr("Đơn vị", "Unit")}};
  if (tree)
    ranking.columns.insert(ranking.columns.end(), {{"name", ctx.tr("Tên", "Name")}, {"level", ctx.tr("Cấp", "Level")}});
  ranking.columns.insert(ranking.columns.end(), {{"points", ctx.tr("Điểm", "Points"), true},
                     {"max_points", ctx.tr("Tối đa", "Maximum"), true},
                     {"grade", ctx.tr("Xếp loại", "Grade")},
                     {"note", ctx.tr("Ghi chú", "Note")}});
  table flat;  // csv: one row per unit and node
  flat.key = "scores";
  // csv: exactly the columns issue 11 names, unless --all-columns (json always has everything).
  const bool all_columns = args.has("all-columns");
  const std::vector<std::string> all_flat = {"unit", "level", "id", "kind", "depth", "status", "points", "max_points",
                                             "partial_points", "rate", "value", "rule", "reason", "grade", "rank"};
  const std::vector<std::string> csv_flat = {"unit", "id", "kind", "points", "max_points", "rate", "rule", "grade", "rank"};
  for (const auto& k : all_columns ? all_flat : csv_flat)
    if (k != "level" || tree) flat.columns.push_back({k, k});
  nlohmann::json json_units = nlohmann::json::array();
  std::vector<table> per_unit;
  nlohmann::json* current = nullptr;
  for (const auto& r : scores.rows) {
    if (r.kind == "total") {
      std::vector<cell> rank_row{r.rank ? cell{std::to_string(*r.rank), *r.rank} : empty_cell(), text_cell(r.unit)};
      if (tree) {
        rank_row.push_back(text_cell(name_of[r.unit]));
        rank_row.push_back(text_cell(level_of[r.unit]));
      }
      const std::vector<cell> rest{r.points ? decimal_cell(r.points, ctx)
                                       : cell{ctx.tr("(đã biết ", "(known ") + (r.partial_points ? r.partial_points->to_string() : "0") + ")",
                                              nullptr},
                              decimal_cell(r.max_points, ctx), text_cell(r.grade), text_cell(r.reason)};
      rank_row.insert(rank_row.end(), rest.begin(), rest.end());
      ranking.rows.push_back(std::move(rank_row));
      json_units.push_back({{"unit", r.unit}, {"name", tree ? nlohmann::json(name_of[r.unit]) : nlohmann::json(nullptr)},
                            {"level", tree ? nlohmann::json(level_of[r.unit]) : nlohmann::json(nullptr)}, {"points", opt(r.points)}, {"max_points", r.max_points.to_string()},
                            {"partial_points", opt(r.partial_points)}, {"grade", r.grade},
                            {"rank", r.rank ? nlohmann::json(*r.rank) : nlohmann::json(nullptr)}, {"reason", r.reason},
                            {"nodes", nlohmann::json::array()}});
      current = &json_units.back();
      table u;
      u.key = "unit:" + r.unit;
      u.title = ctx.tr("Đơn vị ", "Unit ") + r.unit;
      u.columns = {{"id", "id"},
                   {"points", ctx.tr("Điểm", "Points"), true},
                   {"max_points", ctx.tr("Tối đa", "Maximum"), true},
                   {"rate", ctx.tr("Tỷ lệ", "Rate"), true},
                   {"rule", ctx.tr("Cách tính", "Rule")},
                   {"note", ctx.tr("Ghi chú", "Note")}};
      per_unit.push_back(std::move(u));
    }
    const std::string indent(static_cast<std::size_t>(r.depth) * 2, ' ');
    std::string note = status_text(r.status, ctx);
    if (!r.reason.empty()) note += (note.empty() ? "" : ": ") + r.reason;
    per_unit.back().rows.push_back({text_cell(indent + r.id), decimal_cell(r.points, ctx), decimal_cell(r.max_points, ctx),
                                    r.rate_percent ? cell{format_percent(*r.rate_percent, ctx.lang == language::vi ? number_style::vi : number_style::en),
                                                          r.rate_percent->to_string()}
                                                   : empty_cell(),
                                    text_cell(r.rule), text_cell(note)});
    nlohmann::json inputs = nlohmann::json::object();
    for (const auto& [name, value] : r.inputs) inputs[name] = value;
    (*current)["nodes"].push_back({{"id", r.id}, {"kind", r.kind}, {"depth", r.depth},
                                   {"status", std::string(to_string(r.status))}, {"points", opt(r.points)},
                                   {"max_points", r.max_points.to_string()}, {"partial_points", opt(r.partial_points)},
                                   {"value", r.value}, {"rate_percent", opt(r.rate_percent)}, {"rule", r.rule},
                                   {"inputs", inputs}, {"reason", r.reason}, {"grade", r.grade},
                                   {"rank", r.rank ? nlohmann::json(*r.rank) : nlohmann::json(nullptr)}});
    const std::map<std::string, cell> by_key = {
        {"unit", text_cell(r.unit)},
        {"level", text_cell(tree ? level_of[r.unit] : std::string())},
        {"id", text_cell(r.id)},
        {"kind", text_cell(r.kind)},
        {"depth", {std::to_string(r.depth), r.depth}},
        {"status", text_cell(std::string(to_string(r.status)))},
        {"points", {r.points ? r.points->to_string() : "", opt(r.points)}},
        {"max_points", {r.max_points.to_string(), r.max_points.to_string()}},
        {"partial_points", {r.partial_points ? r.partial_points->to_string() : "", opt(r.partial_points)}},
        {"rate", {r.rate_percent ? r.rate_percent->to_string() : "", opt(r.rate_percent)}},
        {"value", text_cell(r.value)},
        {"rule", text_cell(r.rule)},
        {"reason", text_cell(r.reason)},
        {"grade", text_cell(r.grade)},
        {"rank", r.rank ? cell{std::to_string(*r.rank), *r.rank} : empty_cell()}};
    std::vector<cell> flat_row;
    for (const auto& c : flat.columns) flat_row.push_back(by_key.at(c.key));
    flat.rows.push_back(std::move(flat_row));
  }
  std::stable_sort(ranking.rows.begin(), ranking.rows.end(), [&](const std::vector<cell>& a, const std::vector<cell>& b) {
    if (tree && a[3].text != b[3].text) {  // by level, in the order the levels first appear
      return std::find(levels.begin(), levels.end(), a[3].text) < std::find(levels.begin(), levels.end(), b[3].text);
    }
    const bool ra = !a[0].value.is_null(), rb = !b[0].value.is_null();
    if (ra != rb) return ra;  // ranked units first, unranked last
    if (ra && a[0].value != b[0].value) return a[0].value.get<long long>() < b[0].value.get<long long>();
    return a[1].text < b[1].text;
  });
  doc.tables.push_back(std::move(ranking));
  for (auto& u : per_unit) doc.tables.push_back(std::move(u));
  doc.csv_tables = std::vector<table>{std::move(flat)};
  doc.json = nlohmann::json{{"scorecard", d.id}, {"source", d.source}, {"figures", source},
                            {"units", std::move(json_units)}};
  render(doc, ctx, std::cout);
  return exit_ok;
}

int run_rank(const context& ctx, const arguments& args) {
  const figures_table t = read_table(args);
  const auto by = args.value("by");
  if (!by) throw usage_error("--by", "missing --by EXPRESSION (a figure name or an expression over the figures)");
  const expression e = expression::parse(*by, t.names);
  if (e.result_type() != expression::type::number)
    throw usage_error("--by", "--by needs a number to rank on, found a condition: '" + *by + "'");
  const bool lower = args.has("lower-is-better");
  const bool dense = args.has("dense");
  std::vector<const figures*> population;
  for (const auto& u : t.units) population.push_back(&u.figures);
  const auto values = e.evaluate_all(population);
  // The one ranking rule (cchc/ranking.hpp): exact, ties explicit; values that are not numbers are
  // not ranked and come last, in file order.
  const auto ranks = rank(values, rank_options{dense ? tie_rule::dense : tie_rule::competition, !lower});
  std::vector<std::size_t> order(values.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (static_cast<bool>(ranks[a]) != static_cast<bool>(ranks[b])) return static_cast<bool>(ranks[a]);
    return ranks[a] && *ranks[a] < *ranks[b];
  });
  std::optional<rank_bands> bands;
  if (const auto path = args.value("bands")) bands = load_bands(*path);
  const int scale = static_cast<int>(parse_count_argument(args.value("scale").value_or("4"), "--scale", 18));
  document doc;
  doc.title = ctx.tr("Xếp hạng theo ", "Ranking by ") + *by;
  doc.facts = {{"by", ctx.tr("Tiêu chí", "By"), text_cell(*by)},
               {"order", ctx.tr("Thứ tự", "Order"),
                text_cell(lower ? ctx.tr("thấp hơn là tốt hơn", "lower is better") : ctx.tr("cao hơn là tốt hơn", "higher is better"))},
               {"ties", ctx.tr("Đồng hạng", "Ties"), text_cell(dense ? "dense (1, 1, 2)" : "competition (1, 1, 3)")}};
  table out;
  out.key = "ranking";
  out.columns = {{"rank", ctx.tr("Hạng", "Rank"), true},
                 {"unit", ctx.tr("Đơn vị", "Unit")},
                 {"name", ctx.tr("Tên", "Name")},
                 {"value", ctx.tr("Giá trị", "Value"), true},
                 {"exact", ctx.tr("Giá trị chính xác", "Exact value")},
                 {"note", ctx.tr("Ghi chú", "Note")}};
  if (bands) {
    out.columns.insert(out.columns.begin() + 4, {"band", ctx.tr("Nhóm", "Band")});
    doc.facts.push_back({"bands", ctx.tr("Nhóm xếp hạng", "Bands"), text_cell(bands->id.empty() ? *args.value("bands") : bands->id)});
  }
  for (std::size_t pos = 0; pos < order.size(); ++pos) {
    const std::size_t i = order[pos];
    const auto& v = values[i];
    const auto& u = t.units[i];
    std::vector<cell> row;
    if (!ranks[i]) {
      row = {empty_cell(), text_cell(u.unit), text_cell(u.name), empty_cell(), text_cell(v.to_string()),
             text_cell(v.is_absent() ? ctx.tr("thiếu số liệu: không xếp hạng", "absent: not ranked")
                                     : ctx.tr("mẫu số 0: không xếp hạng", "zero denominator: not ranked"))};
    } else {
      const bool tie = (pos > 0 && ranks[order[pos - 1]] == ranks[i]) ||
                       (pos + 1 < order.size() && ranks[order[pos + 1]] == ranks[i]);
      const long long shown = *ranks[i];
      const decimal rounded = v.rounded(scale, rounding::half_away_from_zero);
      row = {{std::to_string(shown), shown}, text_cell(u.unit), text_cell(u.name),
             {rounded.format(ctx.lang == language::vi ? number_style::vi : number_style::en), rounded.to_string()},
             text_cell(v.to_string()), text_cell(tie ? ctx.tr("đồng hạng", "tie") : "")};
    }
    if (bands) row.insert(row.begin() + 4, text_cell(band_of(v, bands->bands)));
    out.rows.push_back(std::move(row));
  }
  doc.tables.push_back(std::move(out));
  render(doc, ctx, std::cout);
  return exit_ok;
}

}  // namespace

extern const command score_command;
const command score_command{
    "score",
    "score units against a scorecard (vn.766, vn.haiphong.212-2025 or a file), every point explained",
    "cchc score --scorecard FILE|ID (--figures TABLE.csv [--units UNITS.csv [--on DATE]] | REPORT.json ... |\n"
    "           --dossiers LOG.csv --period PERIOD [--by KEY])\n"
    "           [--style plain|vi|en] [--all-columns]",
    "Scores every unit of a figures table (one row per unit: a 'unit' column, optional 'name' and\n"
    "'parent', one column per figure; an empty cell is an absent figure, never 0) — or of one or more\n"
    "report files, each a unit with its figures under their dotted names (docs/scorecards.md) —\n"
    "against a scorecard\n"
    "(docs/scorecards.md): a built-in id or a scorecard file. Prints the ranking of the totals, then\n"
    "for each unit every group and leaf with its points, maximum, rate, rule and why a score is\n"
    "absent or not scored. Points are exact, rounded once per leaf as the scorecard says. --format csv\n"
    "gives one row per unit and node with the columns unit, id, kind, points, max_points, rate, rule,\n"
    "grade, rank (--all-columns adds level, depth, status, partial_points, value and reason); json\n"
    "gives everything, inputs included; markdown prints the tables for a document.\n"
    "\n"
    "With --units UNITS.csv (code, name, level, parent, valid_from, valid_to; docs/scorecards.md) the\n"
    "table's units are read in that tree on --on DATE (needed when some row is dated): every parent\n"
    "gets the figures it does not publish from its children (ratios of sums), the ranking shows each\n"
    "unit's name and level, and units are ranked among their own level.\n",
    {{"scorecard", "FILE|ID", "a scorecard file, or a built-in id: vn.766, vn.haiphong.212-2025"},
     {"figures", "TABLE.csv", "the figures table"},
     {"dossiers", "LOG.csv", "instead: a dossier log, each unit's flow over --period by the dossier rule\n"
                             "(cchc dossiers' numbers) as its figures: totalOnTime, totalReceived, …"},
     {"period", "PERIOD", "with --dossiers: the reporting period (as for cchc dossiers)"},
     {"by", "KEY", "with --dossiers: what a unit is — unit (default), level, procedure, field"},
     calendar_schedule_option(),
     {"units", "UNITS.csv", "the units file: names, levels and the tree the figures roll up"},
     {"on", "DATE", "the day whose unit tree to use (with --units)"},
     {"all-columns", "", "csv: every column, not only the nine of the score table"},
     {"style", "STYLE", "how numbers are written in the table: plain (default, 1250.5), vi (1.250,5), en"}},
    "  cchc score --scorecard vn.766 --figures portal-2026-q1.csv\n"
    "  cchc score --scorecard my-district-card.json --figures districts.csv --format csv\n"
    "  cchc score --scorecard example.district-par examples/tran-de-2023/report.json\n"
    "  cchc score --scorecard vn.766 --dossiers log.csv --period annual:2023 --by level\n"
    "  cchc score --scorecard vn.766 --figures communes.csv --units units.csv --on 2025-07-01 --format markdown\n",
    0,
    100000,
    {"REPORT.json"},
    run_score};

extern const command rank_command;
const command rank_command{
    "rank",
    "rank units by a figure or an expression over their figures (ties explicit, missing last)",
    "cchc rank --figures TABLE.csv --by EXPRESSION [--lower-is-better] [--dense] [--scale N] [--bands FILE]",
    "Ranks the units of a figures table by --by, a figure name or an exact expression over the\n"
    "figures (docs/expressions.md), highest first unless --lower-is-better. Ties share a rank:\n"
    "competition ranking (1, 1, 3) by default, dense (1, 1, 2) with --dense; the comparison is exact\n"
    "(ratios are compared as ratios). Units whose value is absent or undefined (zero denominator) are\n"
    "listed last without a rank. Values are shown rounded to --scale decimals (default 4) half away\n"
    "from zero, next to the exact value. --bands FILE (format cchc.bands, docs/scorecards.md) adds each\n"
    "unit's band, e.g. A at or above 90 %, B at or above 80 %.\n",
    {{"figures", "TABLE.csv", "the figures table (as for score)"},
     {"by", "EXPRESSION", "what to rank on, e.g. totalOnTime / totalReceived"},
     {"lower-is-better", "", "rank the lowest value first"},
     {"dense", "", "dense ranking (1, 1, 2) instead of competition ranking (1, 1, 3)"},
     {"scale", "N", "decimals shown (default 4)"},
     {"bands", "FILE", "a bands file: the band of each ranked value"},
     {"style", "STYLE", "how numbers are written in the table: plain (default), vi, en"}},
    "  cchc rank --figures districts.csv --by 'totalOnTime / totalReceived'\n"
    "  cchc rank --figures districts.csv --by overdue --lower-is-better --dense\n"
    "  cchc rank --figures districts.csv --by 'ratio(totalOnTime, totalReceived)' --bands bands.json\n",
    0,
    0,
    {},
    run_rank};

}  // namespace cchc::cli
