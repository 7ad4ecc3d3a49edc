#include "cchc/document_ref.hpp"

#include <array>
#include <cctype>
#include <utility>

#include "cchc/error.hpp"
#include "internal/civil_time.hpp"

namespace cchc {

namespace {

struct type_info {
  document_type type;
  std::string_view code;   // abbreviation in symbols ("" for official letters)
  std::string_view file;   // code in cchc files
  std::string_view word;   // Vietnamese type word
};

// Longest words first so that "Thông tư" is not taken for "Thông báo" and vice versa (they differ
// anyway) and prefixes never shadow longer words.
constexpr std::array<type_info, 11> types{{
    {document_type::law, "", "Luật", "Luật"},
    {document_type::resolution, "NQ", "NQ", "Nghị quyết"},
    {document_type::decree, "NĐ", "NĐ", "Nghị định"},
    {document_type::decision, "QĐ", "QĐ", "Quyết định"},
    {document_type::directive, "CT", "CT", "Chỉ thị"},
    {document_type::circular, "TT", "TT", "Thông tư"},
    {document_type::plan, "KH", "KH", "Kế hoạch"},
    {document_type::report, "BC", "BC", "Báo cáo"},
    {document_type::notice, "TB", "TB", "Thông báo"},
    {document_type::submission, "TTr", "TTr", "Tờ trình"},
    {document_type::official_letter, "", "CV", "Công văn"},
}};

const type_info& info(document_type t) {
  for (const auto& i : types)
    if (i.type == t) return i;
  return types.back();
}

long column_of(std::string_view text, std::size_t byte) {
  long col = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
  return col;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

struct failure {
  std::size_t at;
  std::string what;
};

class cursor {
 public:
  explicit cursor(std::string_view t, std::size_t p = 0) : t_(t), p_(p) {}
  std::size_t pos() const { return p_; }
  void seek(std::size_t p) { p_ = p; }
  bool done() const { return p_ >= t_.size(); }
  char peek() const { return done() ? '\0' : t_[p_]; }
  bool skip_spaces() {
    std::size_t s = p_;
    while (!done() && is_space(t_[p_])) ++p_;
    return p_ > s;
  }
  bool literal(std::string_view w) {
    if (t_.substr(p_, w.size()) == w) {
      p_ += w.size();
      return true;
    }
    return false;
  }
  // A word followed by a space or the end (so "số" does not match "số1").
  bool word(std::string_view w) {
    std::size_t s = p_;
    if (!literal(w)) return false;
    if (done() || is_space(peek())) return true;
    p_ = s;
    return false;
  }
  std::string digits(std::size_t max = 12) {
    std::size_t s = p_;
    while (!done() && is_digit(t_[p_]) && p_ - s < max) ++p_;
    return std::string(t_.substr(s, p_ - s));
  }
  std::string_view text() const { return t_; }

 private:
  std::string_view t_;
  std::size_t p_;
};

// Characters that end a symbol: whitespace and punctuation that follows citations in prose.
bool ends_symbol(char c) {
  return is_space(c) || c == ',' || c == ';' || c == ')' || c == '(' || c == ':' || c == '"';
}

std::optional<date::year_month_day> parse_date(cursor& c, failure& f) {
  std::size_t start = c.pos();
  auto number = [&](std::size_t max, const char* what) -> std::optional<unsigned> {
    std::string d = c.digits(max);
    if (d.empty()) {
      f = {c.pos(), std::string("expected ") + what};
      return std::nullopt;
    }
    return static_cast<unsigned>(std::stoul(d));
  };
  auto d = number(2, "the day of the date (1 or 2 digits)");
  if (!d) return std::nullopt;
  unsigned month = 0;
  std::string year_digits;
  std::size_t year_at = 0;
  if (c.peek() == '/' || c.peek() == '-' || c.peek() == '.') {
    char sep = c.peek();
    c.seek(c.pos() + 1);
    auto m = number(2, "the month of the date (1 or 2 digits)");
    if (!m) return std::nullopt;
    month = *m;
    if (c.peek() != sep) {
      f = {c.pos(), std::string("expected '") + sep + "' before the year of the date"};
      return std::nullopt;
    }
    c.seek(c.pos() + 1);
    year_at = c.pos();
    year_digits = c.digits(5);
  } else {
    c.skip_spaces();
    if (!c.word("tháng")) {
      f = {c.pos(), "expected '/' or 'tháng' after the day of the date"};
      return std::nullopt;
    }
    c.skip_spaces();
    auto m = number(2, "the month after 'tháng'");
    if (!m) return std::nullopt;
    month = *m;
    c.skip_spaces();
    if (!c.word("năm")) {
      f = {c.pos(), "expected 'năm' before the year of the date"};
      return std::nullopt;
    }
    c.skip_spaces();
    year_at = c.pos();
    year_digits = c.digits(5);
  }
  if (year_digits.size() != 4) {
    f = {year_at, "expected a four-digit year, found '" + year_digits + "'"};
    return std::nullopt;
  }
  // Which dates exist is the shared rule (src/internal/civil_time); a day that does not exist in its
  // month (30/02) is kept as a !ok() date: existence is a validation finding, not a syntax error, so
  // one slip does not refuse the whole report. Anything else (month 13, year 0203) is malformed.
  const int year = std::stoi(year_digits);
  std::string why;
  const auto status = internal::check_civil_date(year, static_cast<int>(month), static_cast<int>(*d), &why);
  if (status != internal::civil_date_status::ok && status != internal::civil_date_status::no_such_day) {
    f = {start, why + " in the date '" + std::string(c.text().substr(start, c.pos() - start)) + "'"};
    return std::nullopt;
  }
  return date::year_month_day{date::year{year}, date::month{month}, date::day{*d}};
}

// Parses a citation starting at c.pos(). Does not look for "của". Returns nullopt with `f` set.
std::optional<document_ref> parse_at(cursor& c, failure& f) {
  document_ref r;
  const type_info* word = nullptr;
  for (const auto& i : types) {
    if (c.word(i.word)) {
      word = &i;
      break;
    }
  }
  if (word) {
    c.skip_spaces();
    if (c.word("số")) c.skip_spaces();
  } else if (!is_digit(c.peek())) {
    f = {c.pos(), "expected a document type word (Quyết định, Kế hoạch, Công văn, Nghị định, "
                  "Thông tư, Chỉ thị, Báo cáo, …) or a document number"};
    return std::nullopt;
  }
  std::size_t number_at = c.pos();
  r.number = c.digits();
  if (r.number.empty()) {
    f = {number_at, "expected the document number (digits)"};
    return std::nullopt;
  }
  if (c.peek() != '/') {
    f = {c.pos(), "expected '/' after the document number " + r.number};
    return std::nullopt;
  }
  c.seek(c.pos() + 1);
  // Optional year: four digits followed by '/'.
  {
    std::size_t save = c.pos();
    std::string y = c.digits(5);
    if (y.size() == 4 && c.peek() == '/') {
      r.symbol_year = std::stoi(y);
      c.seek(c.pos() + 1);
    } else {
      c.seek(save);
    }
  }
  std::size_t symbol_at = c.pos();
  std::size_t end = symbol_at;
  std::string_view t = c.text();
  while (end < t.size() && !ends_symbol(t[end])) ++end;
  std::string_view symbol = t.substr(symbol_at, end - symbol_at);
  // A full stop ending a sentence is not part of the symbol ("… 36/UBND-VP.").
  while (!symbol.empty() && (symbol.back() == '.' || symbol.back() == '-')) symbol.remove_suffix(1);
  if (symbol.empty()) {
    f = {symbol_at, "expected the document symbol after '/' (e.g. KH-UBND, UBND-VP)"};
    return std::nullopt;
  }
  c.seek(symbol_at + symbol.size());
  std::vector<std::string> parts;
  {
    std::size_t s = 0;
    while (true) {
      std::size_t dash = symbol.find('-', s);
      parts.emplace_back(symbol.substr(s, dash == std::string_view::npos ? std::string_view::npos
                                                                         : dash - s));
      if (dash == std::string_view::npos) break;
      s = dash + 1;
    }
  }
  for (const auto& p : parts) {
    if (p.empty()) {
      f = {symbol_at, "expected symbol parts separated by single '-', found '" + std::string(symbol) +
                          "'"};
      return std::nullopt;
    }
  }
  const type_info* by_code = nullptr;
  for (const auto& i : types)
    if (!i.code.empty() && parts.front() == i.code) by_code = &i;
  if (word && word->type != document_type::official_letter && word->type != document_type::law) {
    if (parts.front() != word->code) {
      f = {symbol_at, "expected the symbol of a " + std::string(word->word) + " to start with '" +
                          std::string(word->code) + "-', found '" + std::string(symbol) + "'"};
      return std::nullopt;
    }
    r.type = word->type;
  } else if (word) {
    r.type = word->type;
  } else {
    r.type = by_code ? by_code->type : document_type::official_letter;
  }
  bool has_type_code = r.type != document_type::official_letter && r.type != document_type::law;
  if (r.type == document_type::law && by_code == nullptr) has_type_code = false;
  if (r.type == document_type::law && by_code != nullptr) has_type_code = true;
  std::size_t first = has_type_code ? 1 : 0;
  if (parts.size() <= first) {
    f = {symbol_at, "expected an issuer code in the symbol '" + std::string(symbol) +
                        "' (e.g. " + (has_type_code ? "KH-UBND" : "UBND-VP") + ")"};
    return std::nullopt;
  }
  r.issuer_code = parts[first];
  for (std::size_t i = first + 1; i < parts.size(); ++i) {
    if (!r.issuer_unit.empty()) r.issuer_unit += '-';
    r.issuer_unit += parts[i];
  }
  // Optional date.
  std::size_t before_date = c.pos();
  c.skip_spaces();
  if (c.word("ngày")) {
    c.skip_spaces();
    auto d = parse_date(c, f);
    if (!d) return std::nullopt;
    r.date = d;
  } else {
    c.seek(before_date);
  }
  r.text = std::string(t.substr(0, c.pos()));
  return r;
}

}  // namespace

std::string_view to_string(document_type t) noexcept { return info(t).file; }
std::string_view name_vi(document_type t) noexcept { return info(t).word; }

document_type parse_document_type(std::string_view code) {
  std::string known;
  for (const auto& i : types) {
    if (i.file == code) return i.type;
    known += (known.empty() ? "" : ", ") + std::string(i.file);
  }
  throw lookup_error("unknown document type '" + std::string(code) + "'; expected one of " + known,
                     location{{}, 0, 0, {}, "type"});
}

std::string document_ref::symbol() const {
  std::string s = number + "/";
  if (symbol_year) s += std::to_string(*symbol_year) + "/";
  const auto& i = info(type);
  if (!i.code.empty()) s += std::string(i.code) + "-";
  s += issuer_code;
  if (!issuer_unit.empty()) s += "-" + issuer_unit;
  return s;
}

std::optional<std::int64_t> document_ref::number_value() const {
  if (number.empty() || number.size() > 15) return std::nullopt;
  std::int64_t v = 0;
  for (char ch : number) {
    if (!is_digit(ch)) return std::nullopt;
    v = v * 10 + (ch - '0');
  }
  return v;
}

bool operator==(const document_ref& a, const document_ref& b) noexcept {
  return a.text == b.text && a.type == b.type && a.number == b.number &&
         a.symbol_year == b.symbol_year && a.issuer_code == b.issuer_code &&
         a.issuer_unit == b.issuer_unit && a.date == b.date && a.issuer == b.issuer &&
         a.subject_vi == b.subject_vi;
}

std::optional<document_ref> try_parse_document_ref(std::string_view text, std::string* why) {
  cursor c(text);
  c.skip_spaces();
  std::size_t begin = c.pos();
  failure f{0, {}};
  cursor inner(text.substr(begin));
  auto r = parse_at(inner, f);
  if (!r) {
    if (why) *why = "column " + std::to_string(column_of(text, begin + f.at)) + ": " + f.what;
    return std::nullopt;
  }
  c.seek(begin + inner.pos());
  c.skip_spaces();
  if (c.word("của")) {
    c.skip_spaces();
    std::string_view rest = text.substr(c.pos());
    while (!rest.empty() && is_space(rest.back())) rest.remove_suffix(1);
    if (rest.empty()) {
      if (why) *why = "column " + std::to_string(column_of(text, c.pos())) +
                      ": expected the issuing body after 'của'";
      return std::nullopt;
    }
    r->issuer = std::string(rest);
    c.seek(text.size());
  }
  c.skip_spaces();
  if (!c.done()) {
    if (why)
      *why = "column " + std::to_string(column_of(text, c.pos())) +
             ": expected the end of the citation (or 'ngày …', 'của …'), found '" +
             std::string(text.substr(c.pos(), 20)) + "'";
    return std::nullopt;
  }
  r->text = std::string(text.substr(begin));
  while (!r->text.empty() && is_space(r->text.back())) r->text.pop_back();
  return r;
}

document_ref parse_document_ref(std::string_view text) {
  cursor c(text);
  c.skip_spaces();
  std::size_t begin = c.pos();
  failure f{0, {}};
  cursor inner(text.substr(begin));
  if (!parse_at(inner, f)) {
    location where;
    where.column = column_of(text, begin + f.at);
    throw parse_error(f.what + " in the citation '" + std::string(text) + "'", where);
  }
  std::string why;
  auto r = try_parse_document_ref(text, &why);
  if (!r) {
    location where;
    auto colon = why.find(':');
    if (why.rfind("column ", 0) == 0 && colon != std::string::npos) {
      where.column = std::stol(why.substr(7, colon - 7));
      why = why.substr(colon + 2);
    }
    throw parse_error(why + " in the citation '" + std::string(text) + "'", where);
  }
  return *r;
}

std::vector<document_ref> find_document_refs(std::string_view prose) {
  std::vector<document_ref> out;
  std::size_t i = 0;
  while (i < prose.size()) {
    bool boundary = i == 0 || is_space(prose[i - 1]) || prose[i - 1] == '(' || prose[i - 1] == ';' ||
                    prose[i - 1] == ',' || prose[i - 1] == '"';
    bool candidate = false;
    if (boundary) {
      for (const auto& t : types)
        if (prose.substr(i, t.word.size()) == t.word) candidate = true;
    }
    if (candidate) {
      cursor c(prose.substr(i));
      failure f{0, {}};
      if (auto r = parse_at(c, f)) {
        out.push_back(std::move(*r));
        i += c.pos();
        continue;
      }
    }
    ++i;
  }
  return out;
}

}  // namespace cchc
