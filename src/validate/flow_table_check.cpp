// Published flow tables (CSV or rows in memory) → identity gaps, reproduction of printed figures,
// mixed roundings. The identities are dossier_flow::check's and the rates dossier_flow's (flow.hpp);
// this file only reads cells and compares.
#include "cchc/flow_table_check.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <limits>
#include <map>
#include <utility>

#include "cchc/error.hpp"
#include "cchc/number_format.hpp"
#include "cchc/rate.hpp"
#include "internal/csv.hpp"
#include "internal/utf8.hpp"

namespace cchc {

namespace {

constexpr std::array<std::string_view, all_printed_shares.size()> share_names{"on_time_rate", "online_share",
                                                                              "late_share"};

// Scales above this are refused as an option: a percentage printed with more decimals is still tried at
// its own scale (bounded by the number reader's 400 digits).
constexpr int max_scale_limit = 20;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Quoted for a message, shortened when long (a cell may be a whole swallowed file).
std::string quoted(std::string_view v) {
  constexpr std::size_t limit = 60;
  if (v.size() <= limit) return "\"" + std::string(v) + "\"";
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return "\"" + std::string(v.substr(0, cut)) + "…\" (" + std::to_string(v.size()) + " bytes)";
}

// What a header name stands for.
struct column_role {
  enum kind_t { label_cell, flow_cell, share_cell } kind;
  flow_column flow = flow_column::received;
  printed_share share = printed_share::on_time_rate;
};

std::string known_columns() {
  std::string out = "unit, row";
  for (flow_column c : all_flow_columns) out += ", " + std::string(to_string(c));
  for (std::string_view s : share_names) out += ", " + std::string(s);
  return out;
}

std::optional<column_role> role_of(std::string_view name) {
  if (name == "unit" || name == "row") return column_role{column_role::label_cell};
  for (std::size_t i = 0; i < share_names.size(); ++i)
    if (share_names[i] == name) return column_role{column_role::share_cell, flow_column::received, all_printed_shares[i]};
  try {
    return column_role{column_role::flow_cell, parse_flow_column(name)};  // the one list of flow columns
  } catch (const lookup_error&) {
    return std::nullopt;
  }
}

// One cell into a row. `where` already names the place; its field is set to the column here.
void read_cell(published_flow_row& row, const column_role& role, std::string_view name, std::string_view text,
               location where, const flow_table_options& o) {
  where.field = std::string(name);
  if (const std::size_t bad = internal::utf8_error(text); bad != std::string_view::npos) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[bad])));
    throw parse_error("expected UTF-8 text, found the byte " + std::string(hex) + " at byte " +
                          std::to_string(bad + 1) + " of the field (is the file in another encoding, such as "
                          "Windows-1258 or TCVN3?)",
                      where);
  }
  if (role.kind == column_role::label_cell) {
    row.label = std::string(text);
    return;
  }
  if (text.empty()) return;  // absent, never 0
  std::string why;
  if (role.kind == column_role::flow_cell) {
    const auto d = decimal::try_parse(text, o.counts_style, &why);
    if (!d) throw parse_error("expected a count, found " + quoted(text) + " (" + why + ")", where);
    const decimal whole = d->trimmed();
    if (whole.scale() != 0)
      throw parse_error("expected a count (a whole number of dossiers), found " + quoted(text), where);
    const auto n = whole.small_coefficient();
    if (!n) throw parse_error("expected a count up to 9223372036854775807, found " + quoted(text), where);
    row.flow.set(role.flow, *n);
    return;
  }
  const auto p = o.percent_style ? try_parse_percent_text(text, *o.percent_style, &why)
                                 : try_parse_percent_text(text, &why);
  if (!p)
    throw parse_error("expected a percentage such as \"97,55%\", \"97.55\" or \"78 %\", found " + quoted(text) +
                          " (" + why + ")",
                      where);
  row.set(role.share, printed_percent{*p, std::string(text)});
}

void check_options(const flow_table_options& o) {
  if (o.max_scale < 0 || o.max_scale > max_scale_limit)
    throw argument_error("max_scale must be between 0 and " + std::to_string(max_scale_limit) + ", found " +
                             std::to_string(o.max_scale),
                         location{"", 0, 0, "", "max_scale"});
}

class table_reader {
 public:
  table_reader(internal::csv_reader reader, const flow_table_options& o) : r_(std::move(reader)), o_(o) {}

  published_flow_table run() {
    published_flow_table t;
    t.origin = r_.name();
    header(t);
    for (;;) {
      const internal::csv_status s = r_.next();
      if (s == internal::csv_status::end) break;
      if (s == internal::csv_status::bad) {
        const auto& p = r_.problem();
        throw parse_error(p.message, location{r_.name(), p.line, p.column, "", name_of(p.field)});
      }
      if (r_.size() != columns_.size())
        throw parse_error("expected " + std::to_string(columns_.size()) + " fields as in the header, found " +
                              std::to_string(r_.size()),
                          location{r_.name(), r_.record_line(), r_.size() > columns_.size() ? r_.column(columns_.size()) : r_.end_column(), "", ""});
      published_flow_row row;
      row.line = r_.record_line();
      for (std::size_t k = 0; k < columns_.size(); ++k)
        read_cell(row, columns_[k].role, columns_[k].name, trim(r_.value(k)),
                  location{r_.name(), r_.line(k), r_.column(k), "", ""}, o_);
      if (row.label.empty())
        throw parse_error("expected a label (the unit or row name), found an empty cell",
                          location{r_.name(), r_.line(label_), r_.column(label_), "", t.label_column});
      t.rows.push_back(std::move(row));
    }
    return t;
  }

 private:
  struct column_info {
    std::string name;
    column_role role;
  };

  std::string name_of(std::size_t k) const { return k < columns_.size() ? columns_[k].name : std::string(); }

  void header(published_flow_table& t) {
    const internal::csv_status s = r_.next();
    if (s == internal::csv_status::end)
      throw parse_error("empty file; expected a header row with a 'unit' or 'row' column and flow columns",
                        location{r_.name(), 1, 1, "", ""});
    if (s == internal::csv_status::bad) {
      const auto& p = r_.problem();
      throw parse_error(p.message, location{r_.name(), p.line, p.column, "", ""});
    }
    std::map<std::string, std::size_t, std::less<>> seen;
    for (std::size_t k = 0; k < r_.size(); ++k) {
      const std::string name(trim(r_.value(k)));
      const location where{r_.name(), r_.line(k), r_.column(k), "", ""};
      if (!internal::is_utf8(name)) throw parse_error("the header is not UTF-8 text", where);
      if (name.empty()) throw parse_error("expected a column name, found an empty header cell", where);
      const auto role = role_of(name);
      if (!role) {
        std::string msg = "unknown column " + quoted(name) + "; expected one of " + known_columns();
        const std::string hint = r_.separator_hint();
        if (!hint.empty()) msg += "; " + hint;
        throw parse_error(msg, location{where.file, where.line, where.column, "", name});
      }
      if (const auto [it, fresh] = seen.emplace(name, k); !fresh)
        throw parse_error("the column " + quoted(name) + " appears twice (first as column " +
                              std::to_string(it->second + 1) + ")",
                          location{where.file, where.line, where.column, "", name});
      if (role->kind == column_role::label_cell) {
        if (label_ != npos)
          throw parse_error("two label columns ('" + columns_[label_].name + "' and '" + name +
                                "'); expected one 'unit' or 'row' column",
                            location{where.file, where.line, where.column, "", name});
        label_ = k;
        t.label_column = name;
      } else if (role->kind == column_role::flow_cell) {
        t.columns.push_back(role->flow);
      } else {
        t.shares.push_back(role->share);
      }
      columns_.push_back({name, *role});
    }
    if (label_ == npos) {
      std::string msg = "expected a 'unit' or 'row' column (the row's label) in the header";
      const std::string hint = r_.separator_hint();
      if (!hint.empty()) msg += "; " + hint;
      throw parse_error(msg, location{r_.name(), r_.record_line(), 1, "", ""});
    }
  }

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  internal::csv_reader r_;
  flow_table_options o_;
  std::vector<column_info> columns_;
  std::size_t label_ = npos;
};

internal::csv_options csv_options_of(const flow_table_options& o) {
  check_options(o);
  internal::csv_options c;
  c.separator = o.separator;
  return c;
}

// The bases a printed share is tried under, with their exact rates (only those the columns allow).
std::vector<std::pair<std::string, rate>> bases_of(const dossier_flow& f, printed_share s) {
  std::vector<std::pair<std::string, rate>> out;
  switch (s) {
    case printed_share::on_time_rate:
      for (on_time_convention c : all_on_time_conventions)
        if (auto r = f.on_time_rate(c)) out.emplace_back(std::string(to_string(c)), *r);
      break;
    case printed_share::online_share:
      if (auto r = f.online_share()) out.emplace_back("online_share", *r);
      break;
    case printed_share::late_share:
      if (auto r = f.late_share()) out.emplace_back("late_share", *r);
      break;
  }
  return out;
}

std::string row_path(const published_flow_row& row) { return "row " + row.label; }

std::string modes_text(const std::vector<rounding>& modes) {
  std::string out;
  for (rounding m : modes) out += (out.empty() ? "" : ", ") + std::string(to_string(m));
  return out.empty() ? "none" : out;
}

finding figure_finding(std::string rule, severity sev, const published_flow_table& t, const published_flow_row& row,
                       printed_share s, std::string vi, std::string en) {
  finding f;
  f.rule = std::move(rule);
  f.severity = sev;
  f.where = location{t.origin, row.line, 0, row_path(row), std::string(to_string(s))};
  f.message_vi = std::move(vi);
  f.message_en = std::move(en);
  return f;
}

}  // namespace

std::string_view to_string(printed_share s) noexcept {
  const auto i = static_cast<std::size_t>(s);
  return i < share_names.size() ? share_names[i] : std::string_view("unknown");
}

printed_share parse_printed_share(std::string_view name) {
  for (printed_share s : all_printed_shares)
    if (to_string(s) == name) return s;
  throw lookup_error("unknown printed share '" + std::string(name) + "'; expected on_time_rate, online_share or late_share");
}

std::vector<rounding> figure_check::modes() const {
  std::vector<rounding> out;
  for (rounding m : all_roundings)
    if (std::any_of(matches.begin(), matches.end(), [m](const share_match& x) { return x.mode == m; }))
      out.push_back(m);
  return out;
}

published_flow_table load_flow_table(const std::string& path, const flow_table_options& options) {
  return table_reader(internal::csv_reader::open(path, csv_options_of(options)), options).run();
}

published_flow_table parse_flow_table(std::string_view text, const std::string& origin,
                                      const flow_table_options& options) {
  return table_reader(internal::csv_reader::from_text(std::string(text), origin, csv_options_of(options)), options)
      .run();
}

published_flow_row parse_flow_row(const std::vector<std::pair<std::string, std::string>>& cells,
                                  const location& where, const flow_table_options& options) {
  check_options(options);
  published_flow_row row;
  row.line = where.line;
  std::map<std::string, bool, std::less<>> seen;
  for (const auto& [name, text] : cells) {
    const auto role = role_of(name);
    location at = where;
    at.field = name;
    if (!role) throw lookup_error("unknown column '" + name + "'; expected one of " + known_columns(), at);
    if (!seen.emplace(name, true).second) throw argument_error("the column '" + name + "' is given twice", at);
    read_cell(row, *role, name, trim(text), where, options);
  }
  return row;
}

flow_table_result check_flow_table(const published_flow_table& table, const flow_table_options& options) {
  check_options(options);
  flow_table_result out;
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const published_flow_row& row = table.rows[i];
    for (finding f : row.flow.check(row_path(row))) {
      f.where.file = table.origin;
      f.where.line = row.line;
      out.findings.push_back(std::move(f));
    }
    for (printed_share s : all_printed_shares) {
      const auto& printed = row.get(s);
      if (!printed) continue;
      figure_check fc;
      fc.row = i;
      fc.share = s;
      fc.printed = *printed;
      fc.bases = bases_of(row.flow, s);
      const int first = printed->value.scale();
      const int last = std::max(first, options.max_scale);
      bool any_defined = false;
      for (const auto& [basis, r] : fc.bases) {
        if (!r.defined()) continue;
        any_defined = true;
        for (int scale = first; scale <= last; ++scale)
          for (rounding m : all_roundings)
            if (r.percent(scale, m) == printed->value) fc.matches.push_back({basis, scale, m});
      }
      const std::string col(to_string(s));
      if (!any_defined) {
        finding f = figure_finding(
            "flow_table.not_computable", severity::warning, table, row, s,
            "Không kiểm tra được " + col + " = " + printed->text + " của dòng " + row.label +
                ": các cột đã công bố không đủ để tính (hoặc mẫu số bằng 0)",
            col + " = " + printed->text + " of row " + row.label +
                " cannot be checked: the published columns give no basis with a non-zero denominator");
        f.numbers.emplace_back("printed", printed->value.to_string());
        out.findings.push_back(std::move(f));
      } else if (fc.matches.empty()) {
        std::string computed_vi, computed_en;
        finding f = figure_finding("flow_table.not_reproduced", severity::error, table, row, s, "", "");
        f.numbers.emplace_back("printed", printed->value.to_string());
        for (const auto& [basis, r] : fc.bases) {
          if (!r.defined()) continue;
          const std::string v = r.percent(std::max(first, 2), rounding::half_away_from_zero)->to_string();
          computed_en += (computed_en.empty() ? "" : ", ") + basis + " " + r.to_string() + " = " + v + " %";
          f.numbers.emplace_back(basis, r.to_string());
        }
        f.message_vi = "Dòng " + row.label + ": " + col + " in " + printed->text +
                       " nhưng không cách tính, số chữ số thập phân và cách làm tròn nào cho ra số này (" +
                       computed_en + ")";
        f.message_en = "row " + row.label + ": " + col + " is printed " + printed->text +
                       ", which no basis, scale and rounding reproduces (" + computed_en + ")";
        out.findings.push_back(std::move(f));
      }
      out.figures.push_back(std::move(fc));
    }
  }

  // Mixed roundings, per printed column: each reproduced row has some mode, no mode serves them all.
  for (printed_share s : all_printed_shares) {
    std::vector<const figure_check*> reproduced;
    for (const figure_check& fc : out.figures)
      if (fc.share == s && !fc.matches.empty()) reproduced.push_back(&fc);
    if (reproduced.size() < 2) continue;
    std::vector<rounding> common(all_roundings.begin(), all_roundings.end());
    for (const figure_check* fc : reproduced) {
      const auto modes = fc->modes();
      common.erase(std::remove_if(common.begin(), common.end(),
                                  [&](rounding m) { return std::find(modes.begin(), modes.end(), m) == modes.end(); }),
                   common.end());
    }
    if (!common.empty()) continue;
    const std::string col(to_string(s));
    finding f;
    f.rule = "flow_table.mixed_rounding";
    f.severity = severity::warning;
    f.where = location{table.origin, 0, 0, "", col};
    std::string per_row;
    for (const figure_check* fc : reproduced) {
      const auto& row = table.rows[fc->row];
      const std::string modes = modes_text(fc->modes());
      per_row += (per_row.empty() ? "" : "; ") + row.label + ": " + modes;
      f.numbers.emplace_back("row " + row.label, modes);
    }
    f.message_vi = "Các dòng của cột " + col + " dùng những cách làm tròn khác nhau: không cách làm tròn nào "
                   "cho ra mọi số đã in (" + per_row + ")";
    f.message_en = "the rows of " + col + " need different roundings: no one rounding mode reproduces every "
                   "printed figure (" + per_row + ")";
    out.findings.push_back(std::move(f));
  }
  return out;
}

}  // namespace cchc
