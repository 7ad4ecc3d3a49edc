// Units files (CSV) → the unit tree over time (see cchc/units.hpp), through the shared CSV tokenizer
// (src/internal/csv.hpp) and the one civil-date parser (src/internal/civil_time.hpp).
#include "cchc/units.hpp"

#include <algorithm>
#include <limits>

#include "cchc/error.hpp"
#include "internal/civil_time.hpp"
#include "internal/csv.hpp"
#include "internal/utf8.hpp"

namespace cchc {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

enum class column { code, name, level, parent, valid_from, valid_to };
constexpr const char* column_names[] = {"code", "name", "level", "parent", "valid_from", "valid_to"};
constexpr std::size_t column_count = 6;

std::string day_text(date::sys_days d) { return date::format("%Y-%m-%d", d); }

// Where a cell is: kept per row so that the checks after reading can point at it.
struct cell_at {
  long line = 0;
  long column = 0;
};

}  // namespace

class units_builder {
 public:
  units_builder(internal::csv_reader reader, std::string origin) : r_(std::move(reader)) { u_.origin_ = std::move(origin); }

  units run() {
    header();
    for (;;) {
      const internal::csv_status s = r_.next();
      if (s == internal::csv_status::end) break;
      if (s == internal::csv_status::bad) {
        const auto& p = r_.problem();
        throw parse_error(p.message, location{r_.name(), p.line, p.column, "", header_name(p.field)});
      }
      if (r_.size() != columns_.size())
        throw parse_error("expected " + std::to_string(columns_.size()) + " fields as in the header, found " +
                              std::to_string(r_.size()),
                          location{r_.name(), r_.record_line(), 0, "", ""});
      row();
    }
    check();
    return std::move(u_);
  }

 private:
  std::string header_name(std::size_t k) const {
    return k < columns_.size() ? column_names[static_cast<std::size_t>(columns_[k])] : std::string();
  }

  [[noreturn]] void fail_at(const cell_at& c, column col, const std::string& code, const std::string& what) const {
    throw parse_error(what, location{r_.name(), c.line, c.column, code.empty() ? "" : "unit " + code,
                                     column_names[static_cast<std::size_t>(col)]});
  }

  void header() {
    const internal::csv_status s = r_.next();
    if (s == internal::csv_status::end)
      throw parse_error("empty file; expected a header row with the columns code, level (and optionally name, parent, "
                        "valid_from, valid_to)",
                        location{r_.name(), 1, 1, "", ""});
    if (s == internal::csv_status::bad) {
      const auto& p = r_.problem();
      throw parse_error(p.message, location{r_.name(), p.line, p.column, "", ""});
    }
    bool seen[column_count] = {};
    for (std::size_t k = 0; k < r_.size(); ++k) {
      const std::string_view raw = trim(r_.value(k));
      const location here{r_.name(), r_.line(k), r_.column(k), "", ""};
      if (!internal::is_utf8(raw)) throw parse_error("the header is not UTF-8 text", here);
      const std::string folded = internal::fold(raw).text;
      std::size_t c = 0;
      while (c < column_count && folded != column_names[c]) ++c;
      if (c == column_count) {
        std::string msg = "unknown column '" + std::string(raw) +
                          "': expected code, name, level, parent, valid_from or valid_to";
        if (const std::string hint = r_.separator_hint(); !hint.empty()) msg += "; " + hint;
        throw parse_error(msg, here);
      }
      if (seen[c]) throw parse_error("the column '" + std::string(raw) + "' appears twice", here);
      seen[c] = true;
      columns_.push_back(static_cast<column>(c));
    }
    for (const column required : {column::code, column::level})
      if (!seen[static_cast<std::size_t>(required)])
        throw parse_error(std::string("expected a '") + column_names[static_cast<std::size_t>(required)] +
                              "' column in the header (columns: code, name, level, parent, valid_from, valid_to)",
                          location{r_.name(), r_.record_line(), 1, "", ""});
  }

  std::optional<date::sys_days> day(std::string_view text, const cell_at& at, column col, const std::string& code) const {
    if (text.empty()) return std::nullopt;
    internal::civil_fields f;
    std::string why;
    if (internal::parse_civil(text, f, &why) != nullptr)
      fail_at(at, col, code, "expected a date (" + std::string(internal::civil_forms) + ") or an empty cell, found '" +
                                 std::string(text) + "' (" + why + ")");
    if (f.has_time) fail_at(at, col, code, "expected a date without a time, found '" + std::string(text) + "'");
    return f.day;
  }

  void row() {
    unit_info u;
    u.line = r_.record_line();
    where w;
    std::string_view from_text, to_text;
    for (std::size_t k = 0; k < columns_.size(); ++k) {
      const std::string_view v = trim(r_.value(k));
      const cell_at at{r_.line(k), r_.column(k)};
      w.cells[static_cast<std::size_t>(columns_[k])] = at;
      if (!internal::is_utf8(v)) fail_at(at, columns_[k], "", "expected UTF-8 text");
      switch (columns_[k]) {
        case column::code: u.code = std::string(v); break;
        case column::name: u.name = std::string(v); break;
        case column::level: u.level = std::string(v); break;
        case column::parent: u.parent = std::string(v); break;
        case column::valid_from: from_text = v; break;
        case column::valid_to: to_text = v; break;
      }
    }
    if (u.code.empty()) fail_at(w.at(column::code), column::code, "", "expected a unit code, found an empty cell");
    if (u.level.empty())
      fail_at(w.at(column::level), column::level, u.code, "expected the unit's level (province, district, commune, …), found an empty cell");
    if (u.parent == u.code) fail_at(w.at(column::parent), column::parent, u.code, "the unit '" + u.code + "' is its own parent");
    // The dates are copied out of the record's views before the next one replaces them.
    u.valid_from = day(from_text, w.at(column::valid_from), column::valid_from, u.code);
    u.valid_to = day(to_text, w.at(column::valid_to), column::valid_to, u.code);
    if (u.valid_from && u.valid_to && *u.valid_to < *u.valid_from)
      fail_at(w.at(column::valid_to), column::valid_to, u.code,
              "valid_to " + day_text(*u.valid_to) + " is before valid_from " + day_text(*u.valid_from));
    const std::size_t index = u_.rows_.size();
    auto& same = u_.by_code_[u.code];
    for (const std::size_t j : same) {
      const unit_info& o = u_.rows_[j];
      const bool overlap = (!u.valid_from || !o.valid_to || *u.valid_from <= *o.valid_to) &&
                           (!o.valid_from || !u.valid_to || *o.valid_from <= *u.valid_to);
      if (overlap)
        fail_at(w.at(column::code), column::code, u.code,
                "the unit '" + u.code + "' has a second row whose validity overlaps the one on line " + std::to_string(o.line) +
                    " (a code may repeat only over intervals that do not overlap)");
    }
    same.push_back(index);
    if (!u.parent.empty()) u_.by_parent_[u.parent].push_back(index);
    cells_.push_back(w);
    u_.rows_.push_back(std::move(u));
  }

  // Parents exist, are valid whenever their children are, and no unit is its own ancestor.
  void check() const {
    for (std::size_t i = 0; i < u_.rows_.size(); ++i) {
      const unit_info& u = u_.rows_[i];
      if (u.parent.empty()) continue;
      const cell_at& at = cells_[i].at(column::parent);
      const auto it = u_.by_code_.find(u.parent);
      if (it == u_.by_code_.end())
        fail_at(at, column::parent, u.code, "unknown parent '" + u.parent + "': no row defines that code");
      if (const auto gap = uncovered(u, it->second); !gap.empty())
        fail_at(at, column::parent, u.code,
                "the parent '" + u.parent + "' is not valid " + gap + " while its child '" + u.code +
                    "' is (a parent must be valid on every day its child is)");
    }
    cycles();
  }

  // Days as numbers, an open end as the extreme value: intervals [lo, hi] compare simply.
  static constexpr long long always_before = std::numeric_limits<long long>::min();
  static constexpr long long always_after = std::numeric_limits<long long>::max();
  static long long lo(const unit_info& u) { return u.valid_from ? u.valid_from->time_since_epoch().count() : always_before; }
  static long long hi(const unit_info& u) { return u.valid_to ? u.valid_to->time_since_epoch().count() : always_after; }

  // Where u's interval is not covered by the parent's rows (disjoint intervals): "on 2025-07-01", or
  // empty when it is covered.
  std::string uncovered(const unit_info& u, const std::vector<std::size_t>& parent_rows) const {
    std::vector<const unit_info*> p;
    for (const std::size_t j : parent_rows) p.push_back(&u_.rows_[j]);
    std::sort(p.begin(), p.end(), [](const unit_info* a, const unit_info* b) { return lo(*a) < lo(*b); });
    long long need = lo(u);  // the first day still to cover
    for (const unit_info* q : p) {
      if (hi(*q) < need) continue;
      if (lo(*q) > need) break;  // a gap before q
      if (hi(*q) >= hi(u)) return {};
      need = hi(*q) + 1;
    }
    if (need == always_before) {
      const unit_info* first = p.front();
      return "before " + day_text(*first->valid_from) + " (the child has no valid_from)";
    }
    return "on " + day_text(date::sys_days{date::days{need}});
  }

  // Depth-first colouring over the code graph (a code → every parent code its rows name): linear.
  void cycles() const {
    std::map<std::string_view, std::vector<std::size_t>, std::less<>> up;  // code → rows naming a parent
    for (std::size_t i = 0; i < u_.rows_.size(); ++i)
      if (!u_.rows_[i].parent.empty()) up[u_.rows_[i].code].push_back(i);
    std::map<std::string_view, int, std::less<>> state;  // absent: new, 1: on the path, 2: done
    struct frame {
      std::string_view code;
      std::size_t next = 0;  // the next of its rows to follow
    };
    for (const auto& row : u_.rows_) {
      if (state.count(row.code)) continue;
      std::vector<frame> stack{{row.code, 0}};
      state[row.code] = 1;
      while (!stack.empty()) {
        frame& f = stack.back();
        const auto edges = up.find(f.code);
        if (edges == up.end() || f.next == edges->second.size()) {
          state[f.code] = 2;
          stack.pop_back();
          continue;
        }
        const std::size_t i = edges->second[f.next++];
        const std::string_view parent = u_.rows_[i].parent;
        const auto st = state.find(parent);
        if (st == state.end()) {
          state[parent] = 1;
          stack.push_back({parent, 0});
        } else if (st->second == 1) {
          std::string chain;
          bool in = false;
          for (const auto& g : stack) {
            if (g.code == parent) in = true;
            if (in) chain += std::string(g.code) + " → ";
          }
          chain += std::string(parent);
          fail_at(cells_[i].at(column::parent), column::parent, u_.rows_[i].code,
                  "the parent links form a cycle: " + chain + " (each unit's parent, read upwards)");
        }
      }
    }
  }

  struct where {
    cell_at cells[column_count];
    const cell_at& at(column c) const { return cells[static_cast<std::size_t>(c)]; }
  };

  internal::csv_reader r_;
  std::vector<column> columns_;
  std::vector<where> cells_;
  units u_;
};

units units::load(const std::string& path) { return units_builder(internal::csv_reader::open(path, {}), path).run(); }

units units::parse(std::string_view text, const std::string& origin) {
  return units_builder(internal::csv_reader::from_text(std::string(text), origin, {}), origin).run();
}

const unit_info* units::find(std::string_view code, date::sys_days day) const& {
  const auto it = by_code_.find(code);
  if (it == by_code_.end()) return nullptr;
  for (const std::size_t i : it->second)
    if (rows_[i].valid_on(day)) return &rows_[i];
  return nullptr;
}

std::vector<const unit_info*> units::children(std::string_view code, date::sys_days day) const {
  std::vector<const unit_info*> out;
  const auto it = by_parent_.find(code);
  if (it == by_parent_.end()) return out;
  for (const std::size_t i : it->second)
    if (rows_[i].valid_on(day)) out.push_back(&rows_[i]);
  return out;
}

std::vector<const unit_info*> units::on(date::sys_days day) const {
  std::vector<const unit_info*> out;
  for (const auto& u : rows_)
    if (u.valid_on(day)) out.push_back(&u);
  return out;
}

}  // namespace cchc
