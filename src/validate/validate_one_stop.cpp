// II.2 One-stop shops: the Biểu 06 flow table (each row's identities, its printed on-time rate under
// every convention, the table's total row), and the text's figures against the table (late dossiers,
// online dossiers), communes with a compliant one-stop shop.
#include <map>
#include <string>

#include "cchc/error.hpp"
#include "validate/checker.hpp"

namespace cchc::detail_validate {

namespace {

using fpath = json_path<flow_row>;

// The derived totals of a row (early + on time, in time + late, the pending parts, online + offline)
// are counts; a row whose parts add up past what a count holds cannot be right, and the rates and
// identities (exact) would otherwise hide why.
void derived_totals(checker& c, const dossier_flow& f, const fpath& path) {
  auto fits = [&](auto derive) {
    try {
      (void)derive();
      return true;
    } catch (const overflow_error& e) {
      const std::string& column = e.where().field;
      c.add("figure.overflow", severity::error, path.str() + "." + column,
            "tổng các cột thành phần của " + column + " vượt quá giới hạn của một số đếm: " + e.detail(),
            "the parts of " + column + " add up to more than a count can hold: " + e.detail(),
            {{"column", column}});
      return false;
    }
  };
  // resolved_total() adds to in_time_total(): report the inner sum once.
  if (fits([&] { return f.in_time_total(); })) fits([&] { return f.resolved_total(); });
  fits([&] { return f.pending_total(); });
  fits([&] { return f.received_new(); });
}

void rows(checker& c, const json_path<std::vector<flow_row>>& flows) {
  const auto& os = c.rep().one_stop;
  for (std::size_t i = 0; i < os.flows.size(); ++i) {
    const flow_row& row = os.flows[i];
    const fpath path = flows[i];
    for (auto& f : row.flow.check(path)) c.emit(std::move(f));
    derived_totals(c, row.flow, path);
    const auto& f = row.flow;
    if (f.received_online && f.received && *f.received_online > *f.received)
      c.add("flow.received_online_bound", severity::error, path / flow_column::received_online,
            "hồ sơ trực tuyến " + num(*f.received_online) + " lớn hơn hồ sơ tiếp nhận " + num(*f.received),
            "received online " + num(*f.received_online) + " exceeds received " + num(*f.received),
            {{"received_online", num(*f.received_online)}, {"received", num(*f.received)}});
    const std::string rate_path = path / &flow_row::on_time_rate;
    c.percent_text(row.on_time_rate, rate_path);
    c.percent_recompute(row.on_time_rate, rate_path, checker::flow_bases(f),
                        "Tỷ lệ giải quyết trước hạn, đúng hạn (" + row.name_vi + ")",
                        "on-time rate (" + row.name_vi + ")");
  }
}

// Late dossiers of the text against the table: resolved late + pending overdue, summed exactly.
void late_text(checker& c, const json_path<level_breakdown>& late_path) {
  const auto& os = c.rep().one_stop;
  if (!os.late || os.flows.empty()) return;
  auto late_of = [](const dossier_flow& f) -> std::optional<decimal> {
    if (!f.resolved_late) return std::nullopt;
    return decimal(*f.resolved_late) + decimal(f.pending_overdue.value_or(0));
  };
  decimal table_total;
  bool all = true;
  for (const auto& row : os.flows) {
    if (auto l = late_of(row.flow))
      table_total += *l;
    else
      all = false;
  }
  if (all && os.late->total && decimal(*os.late->total) != table_total)
    c.add("text_table.late", severity::error, late_path / &level_breakdown::total,
          "văn bản nêu " + num(*os.late->total) + " hồ sơ trễ hạn, bảng có " + num(table_total),
          "the text states " + num(*os.late->total) + " late dossiers, the table has " + num(table_total) +
              " (resolved late + pending overdue)",
          {{"text", num(*os.late->total)}, {"table", num(table_total)}});
  // Per level: one pass over the rows, not one per part.
  std::map<org_level, std::pair<decimal, bool>> by_level;  // sum, every row known
  for (const auto& row : os.flows) {
    auto [it, fresh] = by_level.try_emplace(row.level, decimal(), true);
    (void)fresh;
    if (auto l = late_of(row.flow))
      it->second.first += *l;
    else
      it->second.second = false;
  }
  const auto parts = late_path / &level_breakdown::parts;
  for (std::size_t k = 0; k < os.late->parts.size(); ++k) {
    const auto& part = os.late->parts[k];
    auto it = by_level.find(part.level);
    if (it == by_level.end() || !it->second.second || it->second.first == decimal(part.count)) continue;
    const decimal& t = it->second.first;
    const std::string lvl(to_string(part.level));
    c.add("text_table.late", severity::error, parts[k],
          "văn bản nêu " + num(part.count) + " hồ sơ trễ hạn cấp " + lvl + ", bảng có " + num(t),
          "the text states " + num(part.count) + " late dossiers at " + lvl + " level, the table has " + num(t),
          {{"text", num(part.count)}, {"table", num(t)}});
  }
}

// Online dossiers of the e-government section against the table row of the report's own level.
void online_text(checker& c) {
  const report& r = c.rep();
  if (!r.egov.online_dossiers) return;
  for (const auto& row : r.one_stop.flows) {
    if (row.level != r.unit.level || !row.flow.received_online) continue;
    if (*row.flow.received_online == *r.egov.online_dossiers) continue;
    c.add("text_table.online_dossiers", severity::warning, root() / &report::egov / &egov_section::online_dossiers,
          "mục chính quyền số nêu " + num(*r.egov.online_dossiers) + " hồ sơ trực tuyến, bảng (" + row.name_vi +
              ") có " + num(*row.flow.received_online),
          "the e-government section states " + num(*r.egov.online_dossiers) + " online dossiers, the table row " +
              row.name_vi + " has " + num(*row.flow.received_online),
          {{"text", num(*r.egov.online_dossiers)}, {"table", num(*row.flow.received_online)}});
  }
}

// The table's total row against the sum of its rows, column by column (exact sums). A column some
// row does not publish cannot be summed.
void total_row(checker& c, const json_path<flow_row>& total_path) {
  const auto& os = c.rep().one_stop;
  if (!os.flow_total || os.flows.empty()) return;
  for (flow_column col : all_flow_columns) {
    const auto t = os.flow_total->flow.get(col);
    if (!t) continue;
    decimal s;
    bool all = true;
    for (const auto& row : os.flows) {
      const auto v = row.flow.get(col);
      if (!v) {
        all = false;
        break;
      }
      s += decimal(*v);
    }
    if (!all || s == decimal(*t)) continue;
    const std::string name(to_string(col));
    c.add("table.total", severity::error, total_path / col,
          "dòng tổng cộng " + name + " = " + num(*t) + ", tổng các dòng = " + num(s),
          "total row " + name + " = " + num(*t) + ", the rows sum to " + num(s),
          {{"total_row", num(*t)}, {"sum_of_rows", num(s)}});
  }
}

}  // namespace

void check_one_stop(checker& c) {
  const auto& os = c.rep().one_stop;
  const auto base = root() / &report::one_stop;
  c.percent_text(os.communes_with_decision, base / &one_stop_section::communes_with_decision);
  c.bound(os.communes_compliant, os.communes_total, base / &one_stop_section::communes_compliant,
          "Xã có Bộ phận một cửa đạt yêu cầu", "communes with a compliant one-stop shop");
  const auto late = base / &one_stop_section::late;
  if (os.late)
    c.sum_levels(os.late->total, os.late->parts, late / &level_breakdown::parts, "Hồ sơ trễ hạn theo cấp",
                 "late dossiers by level");
  rows(c, base / &one_stop_section::flows);
  late_text(c, late);
  online_text(c);
  total_row(c, base / &one_stop_section::flow_total);
}

}  // namespace cchc::detail_validate
