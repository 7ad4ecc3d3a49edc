#include "findings_view.hpp"

#include <algorithm>

namespace cchc::cli {

std::array<std::size_t, 3> count_by_severity(const std::vector<finding>& findings) {
  std::array<std::size_t, 3> n{};
  for (const auto& f : findings) ++n[static_cast<std::size_t>(f.severity)];
  return n;
}

std::string numbers_text(const finding& f) {
  std::string s;
  for (const auto& [name, value] : f.numbers) s += (s.empty() ? "" : "; ") + name + "=" + value;
  return s;
}

namespace {
const char* severity_title(severity s, const context& ctx) {
  switch (s) {
    case severity::error: return ctx.tr("Lỗi", "Errors");
    case severity::warning: return ctx.tr("Cảnh báo", "Warnings");
    case severity::info: return ctx.tr("Thông tin", "Notes");
  }
  return "";
}

std::string where_text(const location& w) {
  // The JSON path is the useful part for a report; a file name is the same for every finding.
  if (!w.path.empty()) return w.field.empty() ? w.path : w.path + " (" + w.field + ")";
  return w.to_string();
}
}  // namespace

std::vector<table> findings_tables(const std::vector<finding>& findings, const context& ctx) {
  std::vector<table> out;
  for (severity s : {severity::error, severity::warning, severity::info}) {
    table t;
    t.key = std::string(to_string(s)) + "s";
    t.list_layout = true;
    t.columns = {{"rule", ctx.tr("Quy tắc", "Rule")},
                 {"where", ctx.tr("Vị trí", "Where")},
                 {"message", ctx.tr("Nội dung", "Message")},
                 {"numbers", ctx.tr("Số liệu", "Figures")}};
    for (const auto& f : findings) {
      if (f.severity != s) continue;
      const std::string& msg = ctx.lang == language::vi && !f.message_vi.empty() ? f.message_vi : f.message_en;
      t.rows.push_back({text_cell(f.rule), text_cell(where_text(f.where)), text_cell(msg), text_cell(numbers_text(f))});
    }
    if (t.rows.empty()) continue;
    t.title = std::string(severity_title(s, ctx)) + " (" + std::to_string(t.rows.size()) + ")";
    out.push_back(std::move(t));
  }
  return out;
}

table findings_flat_table(const std::vector<finding>& findings) {
  table t;
  t.key = "findings";
  t.columns = {{"severity", "severity"}, {"rule", "rule"},           {"where", "where"},
               {"path", "path"},         {"message_vi", "message_vi"}, {"message_en", "message_en"},
               {"numbers", "numbers"}};
  std::vector<const finding*> sorted;
  for (const auto& f : findings) sorted.push_back(&f);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const finding* a, const finding* b) { return a->severity > b->severity; });
  for (const finding* f : sorted)
    t.rows.push_back({text_cell(std::string(to_string(f->severity))), text_cell(f->rule),
                      text_cell(f->where.to_string()), text_cell(f->where.path), text_cell(f->message_vi),
                      text_cell(f->message_en), text_cell(numbers_text(*f))});
  return t;
}

nlohmann::json finding_json(const finding& f) {
  nlohmann::json where = nlohmann::json::object();
  if (!f.where.file.empty()) where["file"] = f.where.file;
  if (f.where.line) where["line"] = f.where.line;
  if (f.where.column) where["column"] = f.where.column;
  if (!f.where.path.empty()) where["path"] = f.where.path;
  if (!f.where.field.empty()) where["field"] = f.where.field;
  nlohmann::json numbers = nlohmann::json::object();
  for (const auto& [name, value] : f.numbers) numbers[name] = value;  // exact decimal text, never a double
  return {{"severity", std::string(to_string(f.severity))},
          {"rule", f.rule},
          {"where", std::move(where)},
          {"message_vi", f.message_vi},
          {"message_en", f.message_en},
          {"numbers", std::move(numbers)}};
}

}  // namespace cchc::cli
