#include "output.hpp"

#include <algorithm>
#include <ostream>

namespace cchc::cli {

// Text in a document comes from the user's files (unit names, CSV fields, schedule reasons). The
// loaders validate UTF-8, but the CLI must not depend on that for its own soundness: nlohmann's
// dump() throws type_error.316 on an invalid byte, so every dump here replaces such bytes by U+FFFD
// instead (the table/markdown/csv faces print the bytes as they came).
std::string dump_json(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::size_t display_width(const std::string& s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
    if (i + len > s.size()) len = 1;
    unsigned cp = b;
    if (len == 2) cp = ((b & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
    if (len == 3)
      cp = ((b & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
    // Combining diacritics (Vietnamese text in NFD form) take no column of their own.
    const bool combining = (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
                           (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF);
    if (!combining) ++width;
    i += len;
  }
  return width;
}

std::string group_digits(long long n, language lang) {
  const bool negative = n < 0;
  // Work on the unsigned magnitude so that the most negative value does not overflow.
  unsigned long long m = negative ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
  std::string digits = std::to_string(m);
  const char sep = lang == language::vi ? '.' : ',';
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += sep;
    out += digits[i];
  }
  return negative ? "-" + out : out;
}

cell count_cell(long long n, const context& ctx) { return {group_digits(n, ctx.lang), n}; }
cell text_cell(std::string s) {
  nlohmann::json v = s;
  return {std::move(s), std::move(v)};
}
cell empty_cell(std::string text) { return {std::move(text), nullptr}; }

table facts_table(const document& doc, std::string key) {
  table t;
  t.key = std::move(key);
  std::vector<cell> row;
  for (const auto& f : doc.facts) {
    t.columns.push_back({f.key, f.label});
    row.push_back(f.content);
  }
  for (const auto& [k, v] : doc.extra_json.items()) {
    t.columns.push_back({k, k});
    row.push_back({v.is_string() ? v.get<std::string>() : dump_json(v), v});
  }
  t.rows.push_back(std::move(row));
  return t;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

namespace {

std::string pad(const std::string& s, std::size_t width, bool right) {
  const std::size_t w = display_width(s);
  if (w >= width) return s;
  return right ? std::string(width - w, ' ') + s : s + std::string(width - w, ' ');
}

std::string value_text(const nlohmann::json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  return dump_json(v);
}

void render_list_text(const table& t, std::ostream& out) {
  if (!t.title.empty()) out << t.title << '\n';
  std::size_t width = 0;
  for (const auto& row : t.rows)
    if (!row.empty()) width = std::max(width, display_width(row[0].text));
  for (const auto& row : t.rows) {
    out << "  " << (row.empty() ? std::string() : pad(row[0].text, width, false));
    if (row.size() > 1) out << "  " << row[1].text;
    out << '\n';
    for (std::size_t c = 2; c < row.size() && c < t.columns.size(); ++c)
      if (!row[c].text.empty()) out << "      " << t.columns[c].label << ": " << row[c].text << '\n';
  }
  for (const auto& n : t.notes) out << "  " << n << '\n';
}

void render_table_text(const table& t, std::ostream& out) {
  if (t.list_layout) {
    render_list_text(t, out);
    return;
  }
  if (!t.title.empty()) out << t.title << '\n';
  std::vector<std::size_t> width(t.columns.size(), 0);
  for (std::size_t c = 0; c < t.columns.size(); ++c) width[c] = display_width(t.columns[c].label);
  for (const auto& row : t.rows)
    for (std::size_t c = 0; c < row.size() && c < width.size(); ++c)
      width[c] = std::max(width[c], display_width(row[c].text));
  auto line = [&](auto&& text_of) {
    std::string s;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      if (c > 0) s += "  ";
      s += pad(text_of(c), width[c], t.columns[c].right);
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    out << "  " << s << '\n';
  };
  line([&](std::size_t c) { return t.columns[c].label; });
  line([&](std::size_t c) { return std::string(width[c], '-'); });
  for (const auto& row : t.rows)
    line([&](std::size_t c) { return c < row.size() ? row[c].text : std::string(); });
  for (const auto& n : t.notes) out << "  " << n << '\n';
}

std::string md_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += '\\';
    if (c == '\n') {
      out += "<br>";
      continue;
    }
    out += c;
  }
  return out;
}

void render_table_markdown(const table& t, std::ostream& out) {
  if (!t.title.empty()) out << "### " << md_escape(t.title) << "\n\n";
  out << '|';
  for (const auto& c : t.columns) out << ' ' << md_escape(c.label) << " |";
  out << "\n|";
  for (const auto& c : t.columns) out << (c.right ? "---:|" : "---|");
  out << '\n';
  for (const auto& row : t.rows) {
    out << '|';
    for (std::size_t c = 0; c < t.columns.size(); ++c)
      out << ' ' << md_escape(c < row.size() ? row[c].text : std::string()) << " |";
    out << '\n';
  }
  if (!t.notes.empty()) {
    out << '\n';
    for (const auto& n : t.notes) out << "- " << md_escape(n) << '\n';
  }
  out << '\n';
}

void render_csv(const document& doc, std::ostream& out) {
  // One CSV block per table, separated by an empty line; a single-table document is plain CSV.
  bool first = true;
  const std::vector<table>& tables = doc.csv_tables ? *doc.csv_tables : doc.tables;
  for (const auto& t : tables) {
    if (!first) out << "\r\n";
    first = false;
    for (std::size_t c = 0; c < t.columns.size(); ++c) out << (c ? "," : "") << csv_field(t.columns[c].key);
    out << "\r\n";
    for (const auto& row : t.rows) {
      for (std::size_t c = 0; c < t.columns.size(); ++c)
        out << (c ? "," : "") << csv_field(c < row.size() ? value_text(row[c].value) : std::string());
      out << "\r\n";
    }
  }
  if (tables.empty() && !doc.facts.empty()) {
    // A document of facts only (e.g. `due`) becomes one row.
    for (std::size_t i = 0; i < doc.facts.size(); ++i) out << (i ? "," : "") << csv_field(doc.facts[i].key);
    out << "\r\n";
    for (std::size_t i = 0; i < doc.facts.size(); ++i)
      out << (i ? "," : "") << csv_field(value_text(doc.facts[i].content.value));
    out << "\r\n";
  }
}

}  // namespace

void render(const document& doc, const context& ctx, std::ostream& out) {
  switch (ctx.format) {
    case output_format::json: {
      if (doc.json) {
        out << dump_json(*doc.json, 2) << '\n';
        return;
      }
      nlohmann::json j = nlohmann::json::object();
      for (const auto& f : doc.facts) j[f.key] = f.content.value;
      for (const auto& t : doc.tables) {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& row : t.rows) {
          nlohmann::json o = nlohmann::json::object();
          for (std::size_t c = 0; c < t.columns.size() && c < row.size(); ++c) o[t.columns[c].key] = row[c].value;
          rows.push_back(std::move(o));
        }
        j[t.key] = std::move(rows);
      }
      for (const auto& [k, v] : doc.extra_json.items()) j[k] = v;
      out << dump_json(j, 2) << '\n';
      return;
    }
    case output_format::csv: render_csv(doc, out); return;
    case output_format::markdown: {
      if (!doc.title.empty()) out << "## " << md_escape(doc.title) << "\n\n";
      for (const auto& f : doc.facts) out << "- **" << md_escape(f.label) << "**: " << md_escape(f.content.text) << '\n';
      if (!doc.facts.empty()) out << '\n';
      for (const auto& t : doc.tables) render_table_markdown(t, out);
      return;
    }
    case output_format::table: {
      if (!doc.title.empty()) out << doc.title << "\n\n";
      std::size_t width = 0;
      for (const auto& f : doc.facts) width = std::max(width, display_width(f.label));
      for (const auto& f : doc.facts) out << pad(f.label + ":", width + 1, false) << ' ' << f.content.text << '\n';
      bool first = doc.facts.empty();
      for (const auto& t : doc.tables) {
        if (!first) out << '\n';
        first = false;
        render_table_text(t, out);
      }
      return;
    }
  }
}

}  // namespace cchc::cli
