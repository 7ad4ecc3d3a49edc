#include "flow_view.hpp"

#include <algorithm>

#include "cchc/number_format.hpp"
#include "cchc/rate.hpp"
#include "cchc/rounding.hpp"

namespace cchc::cli {

std::string flow_column_label(flow_column c, const context& ctx) {
  switch (c) {
    case flow_column::received: return ctx.tr("(3) Tiếp nhận", "(3) Received");
    case flow_column::received_online: return ctx.tr("(4) Trực tuyến", "(4) Online");
    case flow_column::received_offline: return ctx.tr("(5) Trực tiếp, BC", "(5) In person/post");
    case flow_column::carried_over: return ctx.tr("(6) Kỳ trước", "(6) Carried over");
    case flow_column::resolved: return ctx.tr("(7) Đã giải quyết", "(7) Resolved");
    case flow_column::resolved_in_time: return ctx.tr("(8+9) Trước, đúng hạn", "(8+9) Early/on time");
    case flow_column::resolved_early: return ctx.tr("(8) Trước hạn", "(8) Early");
    case flow_column::resolved_on_time: return ctx.tr("(9) Đúng hạn", "(9) On time");
    case flow_column::resolved_late: return ctx.tr("(10) Quá hạn", "(10) Late");
    case flow_column::pending: return ctx.tr("(11) Đang giải quyết", "(11) Pending");
    case flow_column::pending_in_time: return ctx.tr("(12) Trong hạn", "(12) Within deadline");
    case flow_column::pending_overdue: return ctx.tr("(13) Quá hạn", "(13) Overdue");
    case flow_column::returned_withdrawn: return ctx.tr("Trả lại, rút", "Returned/withdrawn");
    case flow_column::apologies: return ctx.tr("Xin lỗi", "Apologies");
    case flow_column::online_resolved: return ctx.tr("Trực tuyến đã GQ", "Online resolved");
    case flow_column::fell_due: return ctx.tr("Đến hạn", "Fell due");
  }
  return std::string(to_string(c));
}

cell optional_count_cell(const dossier_flow::count& n, const context& ctx) {
  if (!n) return empty_cell("");
  return count_cell(*n, ctx);
}

cell percent_cell(const decimal& percent, const context& ctx) {
  const number_style style = ctx.lang == language::vi ? number_style::vi : number_style::en;
  return {format_percent(percent, style), percent.to_string()};
}

// The table's rate is resolved_basis, as flow defines it (dossier_flow::on_time_rate): no second copy
// of the convention here.
cell on_time_rate_cell(const dossier_flow& flow, const context& ctx) {
  const auto r = flow.on_time_rate(on_time_convention::resolved_basis);
  if (!r) return empty_cell();
  const auto p = r->percent(2, rounding::half_away_from_zero);
  if (!p) return empty_cell("–");
  return percent_cell(*p, ctx);
}

namespace {
bool extension(flow_column c) {
  return c == flow_column::resolved_in_time || c == flow_column::apologies || c == flow_column::online_resolved ||
         c == flow_column::fell_due;
}
int level_rank(const std::string& key) {
  if (key == "province") return 0;
  if (key == "district") return 1;
  if (key == "commune") return 2;
  return 3;
}
}  // namespace

table flow_output_table(const flow_table& flows, const column& key_column, bool with_total, bool all_columns,
                        const context& ctx) {
  std::vector<flow_column> shown;
  for (flow_column c : all_flow_columns) {
    if (!all_columns && extension(c)) continue;
    for (const auto& [key, flow] : flows)
      if (flow.get(c)) {
        shown.push_back(c);
        break;
      }
  }
  table t;
  t.key = "flows";
  t.columns.push_back(key_column);
  for (flow_column c : shown) t.columns.push_back({std::string(to_string(c)), flow_column_label(c, ctx), true});
  t.columns.push_back({"on_time_rate", ctx.tr("Tỷ lệ đúng hạn", "On-time rate"), true});
  auto add_row = [&](cell key, const dossier_flow& flow) {
    std::vector<cell> row{std::move(key)};
    for (flow_column c : shown) row.push_back(optional_count_cell(flow.get(c), ctx));
    row.push_back(on_time_rate_cell(flow, ctx));
    t.rows.push_back(std::move(row));
  };
  std::vector<const flow_table::value_type*> order;
  for (const auto& entry : flows) order.push_back(&entry);
  if (key_column.key == "level")
    std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
      return level_rank(a->first) < level_rank(b->first);
    });
  for (const auto* entry : order) add_row(text_cell(entry->first), entry->second);
  // The total row is "total" for programs whatever the language.
  if (with_total && flows.size() > 1) add_row({ctx.tr("Tổng cộng", "Total"), "total"}, total(flows));
  return t;
}

}  // namespace cchc::cli
