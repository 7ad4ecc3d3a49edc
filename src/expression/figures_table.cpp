// Figures tables (CSV) → figures per unit, through the shared CSV tokenizer (src/internal/csv.hpp).
#include "cchc/figures_table.hpp"

#include <map>

#include "cchc/decimal.hpp"
#include "cchc/error.hpp"
#include "cchc/rate.hpp"
#include "internal/csv.hpp"
#include "internal/utf8.hpp"

namespace cchc {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

enum class role { unit, name, parent, figure };

role role_of(std::string_view header) {
  const auto f = internal::fold(header);
  const std::string& k = f.text;
  if (k == "unit" || k == "đơn vị" || k == "mã đơn vị" || k == "ma_don_vi") return role::unit;
  if (k == "name" || k == "tên đơn vị" || k == "ten_don_vi") return role::name;
  if (k == "parent" || k == "đơn vị cấp trên" || k == "don_vi_cap_tren") return role::parent;
  return role::figure;
}

class table_reader {
 public:
  table_reader(internal::csv_reader reader, const figures_table_options& o) : r_(std::move(reader)), o_(o) {}

  figures_table run() {
    header();
    figures_table t;
    for (const auto& c : columns_)
      if (c.r == role::figure) t.names.push_back(c.name);
    std::map<std::string, long, std::less<>> seen;
    for (;;) {
      const internal::csv_status s = r_.next();
      if (s == internal::csv_status::end) break;
      if (s == internal::csv_status::bad) {
        const auto& p = r_.problem();
        throw parse_error(p.message, location{r_.name(), p.line, p.column, "", column_name(p.field)});
      }
      if (r_.size() != columns_.size())
        throw parse_error("expected " + std::to_string(columns_.size()) + " fields as in the header, found " +
                              std::to_string(r_.size()),
                          location{r_.name(), r_.record_line(), 0, "", ""});
      unit_figures u;
      u.line = r_.record_line();
      for (std::size_t k = 0; k < columns_.size(); ++k) {
        const std::string_view v = trim(r_.value(k));
        if (!internal::is_utf8(v)) fail(k, "", "expected UTF-8 text");
        switch (columns_[k].r) {
          case role::unit: u.unit = std::string(v); break;
          case role::name: u.name = std::string(v); break;
          case role::parent: u.parent = std::string(v); break;
          case role::figure:
            if (!v.empty()) u.figures.set(columns_[k].name, cell(k, v, u.unit));
            break;
        }
      }
      if (u.unit.empty()) fail(unit_column_, "", "expected a unit code, found an empty cell");
      if (const auto [it, fresh] = seen.emplace(u.unit, u.line); !fresh)
        fail(unit_column_, u.unit, "the unit '" + u.unit + "' has a second row (the first is on line " +
                                       std::to_string(it->second) + ")");
      t.units.push_back(std::move(u));
    }
    return t;
  }

 private:
  struct column_info {
    std::string name;
    role r;
  };

  std::string column_name(std::size_t k) const { return k < columns_.size() ? columns_[k].name : std::string(); }

  [[noreturn]] void fail(std::size_t k, const std::string& unit, const std::string& what) const {
    location where{r_.name(), r_.line(k), r_.column(k), unit.empty() ? "" : "unit " + unit, column_name(k)};
    throw parse_error(what, where);
  }

  void header() {
    const internal::csv_status s = r_.next();
    if (s == internal::csv_status::end)
      throw parse_error("empty file; expected a header row with a 'unit' column and one column per figure",
                        location{r_.name(), 1, 1, "", ""});
    if (s == internal::csv_status::bad) {
      const auto& p = r_.problem();
      throw parse_error(p.message, location{r_.name(), p.line, p.column, "", ""});
    }
    std::map<std::string, std::size_t, std::less<>> names;
    for (std::size_t k = 0; k < r_.size(); ++k) {
      const std::string name(trim(r_.value(k)));
      if (!internal::is_utf8(name))
        throw parse_error("the header is not UTF-8 text", location{r_.name(), r_.line(k), r_.column(k), "", ""});
      if (name.empty())
        throw parse_error("expected a column name, found an empty header cell", location{r_.name(), r_.line(k), r_.column(k), "", ""});
      const role ro = role_of(name);
      if (const auto [it, fresh] = names.emplace(internal::fold(name).text, k); !fresh)
        throw parse_error("the column '" + name + "' appears twice (first as column " + std::to_string(it->second + 1) + ")",
                          location{r_.name(), r_.line(k), r_.column(k), "", name});
      if (ro == role::unit) unit_column_ = k;
      columns_.push_back({name, ro});
    }
    if (unit_column_ == npos) {
      std::string msg = "expected a 'unit' column (the unit's code) in the header";
      const std::string hint = r_.separator_hint();
      if (!hint.empty()) msg += "; " + hint;
      throw parse_error(msg, location{r_.name(), r_.record_line(), 1, "", ""});
    }
  }

  figure cell(std::size_t k, std::string_view v, const std::string& unit) const {
    if (v.find('%') != std::string_view::npos)
      fail(k, unit, "expected a number without '%' (figures named *.ratio are already in percent), found '" +
                        std::string(v) + "'");
    if (const auto slash = v.find('/'); slash != std::string_view::npos) {
      const auto n = number(k, trim(v.substr(0, slash)), unit, v);
      const auto d = number(k, trim(v.substr(slash + 1)), unit, v);
      if (d.signum() < 0) fail(k, unit, "expected a rate with a denominator of 0 or more, found '" + std::string(v) + "'");
      return rate(n, d);
    }
    return number(k, v, unit, v);
  }

  decimal number(std::size_t k, std::string_view text, const std::string& unit, std::string_view whole) const {
    std::string why;
    if (auto d = decimal::try_parse(text, o_.style, &why)) return *d;
    fail(k, unit, "expected an exact number (or a rate n/d), found '" + std::string(whole) + "' (" + why + ")");
  }

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  internal::csv_reader r_;
  figures_table_options o_;
  std::vector<column_info> columns_;
  std::size_t unit_column_ = npos;
};

internal::csv_options csv_options_of(const figures_table_options& o) {
  internal::csv_options c;
  c.separator = o.separator;
  return c;
}

}  // namespace

figures_table load_figures_table(const std::string& path, const figures_table_options& options) {
  return table_reader(internal::csv_reader::open(path, csv_options_of(options)), options).run();
}

figures_table parse_figures_table(std::string_view text, const std::string& origin, const figures_table_options& options) {
  return table_reader(internal::csv_reader::from_text(std::string(text), origin, csv_options_of(options)), options).run();
}

}  // namespace cchc
