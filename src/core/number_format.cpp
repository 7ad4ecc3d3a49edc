// Parsing and formatting of numbers in the plain, Vietnamese and English styles.
//
// The parser validates in one pass (recording where the digits are) and builds the value in a second
// pass: a 64-bit accumulation for up to 18 significant digits, decimal::from_digits beyond that. It
// never throws by itself; decimal::parse turns its failure into a cchc::parse_error, try_parse into
// std::nullopt, so that bulk parsing does not pay for exceptions. Every public reader (numbers,
// percentages with or without '%', explicit style or the default reading) goes through read().
#include <string>

#include "cchc/decimal.hpp"
#include "cchc/error.hpp"
#include "cchc/number_format.hpp"

namespace cchc {

namespace {

struct style_chars {
  char group;  // '\0' = no grouping
  char point;
};

style_chars chars_of(number_style style) {
  switch (style) {
    case number_style::vi: return {'.', ','};
    case number_style::en: return {',', '.'};
    case number_style::plain: break;
  }
  return {'\0', '.'};
}

const char* style_example(number_style style) {
  switch (style) {
    case number_style::vi: return "style vi, e.g. 1.340,5";
    case number_style::en: return "style en, e.g. 1,340.5";
    case number_style::plain: break;
  }
  return "style plain, e.g. 1340.5";
}

// 1-based column in characters (UTF-8 code points) of byte offset `pos`.
long column_of(std::string_view text, std::size_t pos) {
  long col = 1;
  for (std::size_t i = 0; i < pos && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
  }
  return col;
}

// The character at `pos` as the user would read it (a whole UTF-8 sequence), quoted.
std::string found_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return "the end of the text";
  std::size_t len = 1;
  while (pos + len < text.size() && (static_cast<unsigned char>(text[pos + len]) & 0xC0) == 0x80 &&
         len < 4)
    ++len;
  const std::string_view ch = text.substr(pos, len);
  if (ch == " ") return "a space";
  if (ch == "\t") return "a tab";
  if (ch == "\xC2\xA0") return "a no-break space";
  if (ch == "\xE2\x80\xAF") return "a narrow no-break space";
  return "'" + std::string(ch) + "'";
}

// The input for an error message, shortened when long (cut at a character boundary).
std::string quoted_input(std::string_view text) {
  constexpr std::size_t limit = 60;
  if (text.size() <= limit) return "\"" + std::string(text) + "\"";
  std::size_t cut = 40;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "\"" + std::string(text.substr(0, cut)) + "...\" (" +
         std::to_string(column_of(text, text.size()) - 1) + " characters)";
}

struct failure {
  std::size_t pos = 0;  // byte offset of the offending character (text.size() = the end)
  std::string expected;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The length in bytes of the space at text[p] — an ASCII space, a no-break space U+00A0 or a narrow
// no-break space U+202F (what word processors and French-style typography put in numbers and before
// '%') — or 0.
std::size_t space_at(std::string_view text, std::size_t p, std::size_t end) {
  if (p >= end) return 0;
  if (text[p] == ' ') return 1;
  if (end - p >= 2 && text.substr(p, 2) == "\xC2\xA0") return 2;
  if (end - p >= 3 && text.substr(p, 3) == "\xE2\x80\xAF") return 3;
  return 0;
}

enum class percent_sign { forbidden, required, optional };

// Validates `text` as a number in `style`, then builds it. Leading and trailing spaces (and tabs) are
// ignored. A trailing '%' (after optional spaces) is required, optional or forbidden.
bool parse_number(std::string_view text, number_style style, percent_sign percent, decimal& out,
                  failure& why) {
  const style_chars sc = chars_of(style);
  std::size_t pos = 0;
  std::size_t n = text.size();
  auto fail = [&](std::size_t at, std::string expected) {
    why.pos = at;
    why.expected = std::move(expected);
    return false;
  };
  if (n == 0) return fail(0, "expected a number, found empty text");
  // Trim: a cell copied from a report often carries spaces around the figure.
  while (pos < n) {
    const std::size_t k = text[pos] == '\t' ? 1 : space_at(text, pos, n);
    if (k == 0) break;
    pos += k;
  }
  if (pos == n) return fail(0, "expected a number, found " + found_at(text, 0) + " and no digits");
  while (n > pos) {
    if (text[n - 1] == ' ' || text[n - 1] == '\t') {
      --n;
    } else if (n - pos >= 2 && text.substr(n - 2, 2) == "\xC2\xA0") {
      n -= 2;
    } else if (n - pos >= 3 && text.substr(n - 3, 3) == "\xE2\x80\xAF") {
      n -= 3;
    } else {
      break;
    }
  }

  text = text.substr(0, n);  // positions stay those of the caller's text; "the end" is the trimmed end

  bool negative = false;
  bool signed_number = false;
  if (text[pos] == '-' || text[pos] == '+') {
    negative = text[pos] == '-';
    signed_number = true;
    ++pos;
  }
  if (pos >= n || !is_digit(text[pos])) {
    std::string e = signed_number ? "expected a digit after the sign" : "expected a digit or a sign";
    if (pos < n && text[pos] == sc.point) e += " (write 0" + std::string(1, sc.point) + "5, not " +
                                               std::string(1, sc.point) + "5)";
    return fail(pos, e + ", found " + found_at(text, pos));
  }

  // Pass 1: validate, counting significant digits and the scale.
  int significant = 0;  // digits from the first nonzero integer digit, plus all fraction digits
  int scale = 0;
  auto take_digit = [&](std::size_t at, bool fraction) -> bool {
    if (fraction) {
      ++scale;
      if (scale > decimal::max_scale) {
        return fail(at, "expected at most " + std::to_string(decimal::max_scale) +
                            " digits after the decimal point (the limit for decimals), found more");
      }
    }
    if (significant > 0 || fraction || text[at] != '0') {
      ++significant;
      if (significant > decimal::max_parse_digits) {
        return fail(at, "expected at most " + std::to_string(decimal::max_parse_digits) +
                            " significant digits (the limit for parsed numbers), found more");
      }
    }
    return true;
  };

  const std::size_t int_begin = pos;
  while (pos < n && is_digit(text[pos])) {
    if (!take_digit(pos, false)) return false;
    ++pos;
  }
  const std::size_t first_run = pos - int_begin;
  // The group separator at pos, in bytes (0: none). Grouping styles accept their own character or a
  // space of any kind followed by a digit (a space followed by '%' belongs to the percent sign); one
  // number uses one kind throughout.
  enum class grouping { none, style_char, space } kind = grouping::none;
  auto separator_at = [&](std::size_t p) -> std::pair<grouping, std::size_t> {
    if (sc.group == '\0' || p >= n) return {grouping::none, 0};
    if (text[p] == sc.group) return {grouping::style_char, 1};
    const std::size_t k = space_at(text, p, n);
    if (k > 0 && p + k < n && is_digit(text[p + k])) return {grouping::space, k};
    return {grouping::none, 0};
  };
  for (auto sep = separator_at(pos); sep.first != grouping::none; sep = separator_at(pos)) {
    const std::string shown = sep.first == grouping::space ? found_at(text, pos) : "'" + std::string(1, sc.group) + "'";
    if (first_run > 3) {
      return fail(pos, "expected at most 3 digits before the group separator " + shown + ", found " +
                           std::to_string(first_run) + " (" + style_example(style) + ")");
    }
    if (kind != grouping::none && kind != sep.first) {
      return fail(pos, "expected the same group separator throughout the number, found " + shown +
                           " after " + (kind == grouping::space ? std::string("a space") : "'" + std::string(1, sc.group) + "'") +
                           " (" + style_example(style) + ")");
    }
    kind = sep.first;
    const std::size_t at = pos;
    pos += sep.second;
    std::size_t k = 0;
    while (pos < n && is_digit(text[pos]) && k < 3) {
      if (!take_digit(pos, false)) return false;
      ++pos;
      ++k;
    }
    if (k < 3 || (pos < n && is_digit(text[pos]))) {
      return fail(pos, "expected exactly 3 digits in the group after " + shown + " at column " +
                           std::to_string(column_of(text, at)) + ", found " +
                           (k < 3 ? std::to_string(k) + " then " + found_at(text, pos)
                                  : std::string("a 4th digit")) +
                           " (" + style_example(style) + ")");
    }
  }
  const std::size_t int_end = pos;
  std::size_t frac_begin = pos;
  if (pos < n && text[pos] == sc.point) {
    ++pos;
    frac_begin = pos;
    if (pos >= n || !is_digit(text[pos])) {
      return fail(pos, "expected a digit after the decimal point '" + std::string(1, sc.point) +
                           "', found " + found_at(text, pos));
    }
    while (pos < n && is_digit(text[pos])) {
      if (!take_digit(pos, true)) return false;
      ++pos;
    }
  }
  const std::size_t frac_end = pos;

  if (percent != percent_sign::forbidden) {
    std::size_t p = pos;
    for (std::size_t k = space_at(text, p, n); k > 0; k = space_at(text, p, n)) p += k;
    if (p < n && text[p] == '%') {
      pos = p + 1;
    } else if (percent == percent_sign::required) {
      return fail(p, "expected '%' after the number, found " + found_at(text, p));
    }
  }

  if (pos < n) {
    const char c = text[pos];
    std::string e;
    if (c == sc.point) {
      e = "a second decimal point '" + std::string(1, c) + "'";
    } else if (sc.group != '\0' && c == sc.group) {
      e = "a group separator '" + std::string(1, c) + "' after the decimal point";
    } else if (c == 'e' || c == 'E') {
      e = "an exponent (not accepted: write the number out in full)";
    } else if (c == ',' || c == '.') {
      e = found_at(text, pos) + " (" + style_example(style) + ")";
    } else if (c == '-' || c == '+') {
      e = "a second sign " + found_at(text, pos);
    } else {
      e = found_at(text, pos);
    }
    const bool in_fraction = frac_end > frac_begin;
    std::string expected = in_fraction ? "a digit" : "a digit, the decimal point '" +
                                                         std::string(1, sc.point) + "'";
    if (!in_fraction && sc.group != '\0' && int_end - int_begin <= 3) {
      expected += ", a group separator '" + std::string(1, sc.group) + "'";
    }
    if (percent != percent_sign::forbidden) expected += ", '%'";
    return fail(pos, "expected " + expected + " or the end, found " + e);
  }

  // Pass 2: build the value from the digits between int_begin..int_end and frac_begin..frac_end
  // (group separators, whatever their width, are the non-digits skipped).
  if (significant <= 18) {
    std::int64_t c = 0;
    for (std::size_t i = int_begin; i < int_end; ++i) {
      if (is_digit(text[i])) c = c * 10 + (text[i] - '0');
    }
    for (std::size_t i = frac_begin; i < frac_end; ++i) c = c * 10 + (text[i] - '0');
    out = decimal::scaled(negative ? -c : c, scale);
    return true;
  }
  std::string digits;
  digits.reserve(static_cast<std::size_t>(significant) + 1);
  for (std::size_t i = int_begin; i < int_end; ++i) {
    if (is_digit(text[i])) digits += text[i];
  }
  digits.append(text.substr(frac_begin, frac_end - frac_begin));
  out = decimal::from_digits(negative, digits, -scale);
  return true;
}

std::string message_of(std::string_view text, number_style style, const failure& f, bool percent) {
  return quoted_input(text) + " is not a " + (percent ? "percentage" : "number") + " in style " +
         std::string(to_string(style)) + ": " + f.expected;
}

// A failed reading: the message parse_error carries and the 1-based column (0 = the whole text).
struct refusal {
  std::string message;
  long column = 0;
};

// The default reading, for text whose style the caller did not name (see number_format.hpp): read in
// vi and in en (plain reads a subset of en, with the same values); one reading, or two that agree
// (same digits, same scale), is the value; two that differ are refused with both, so that "13.676"
// never silently becomes 13676 or 13.676.
bool read_default(std::string_view text, percent_sign percent, decimal& out, refusal& r) {
  const bool pct = percent != percent_sign::forbidden;
  decimal vi_value, en_value;
  failure vi_failure, en_failure;
  const bool vi_ok = parse_number(text, number_style::vi, percent, vi_value, vi_failure);
  const bool en_ok = parse_number(text, number_style::en, percent, en_value, en_failure);
  if (vi_ok && en_ok) {
    if (vi_value.to_string() == en_value.to_string()) {
      out = vi_value;
      return true;
    }
    decimal plain_value;
    failure plain_failure;
    const bool plain_ok = parse_number(text, number_style::plain, percent, plain_value, plain_failure);
    const std::string other = plain_ok ? "plain" : "en";
    r.message = quoted_input(text) + " is ambiguous: it reads " + vi_value.to_string() +
                " in Vietnamese style (vi) and " + en_value.to_string() + " in " +
                (plain_ok ? "plain style (plain)" : "English style (en)") +
                "; pass the style explicitly (style=vi or style=" + other + ")";
    const std::size_t sep = text.find_first_of(".,");
    r.column = sep == std::string_view::npos ? 0 : column_of(text, sep);
    return false;
  }
  if (vi_ok || en_ok) {
    out = vi_ok ? vi_value : en_value;
    return true;
  }
  // Neither: report the reading that got further (it is the likelier intent), naming its style.
  const bool en_further = en_failure.pos > vi_failure.pos;
  const failure& f = en_further ? en_failure : vi_failure;
  r.message = quoted_input(text) + " is not a " + (pct ? "percentage" : "number") +
              " in any style (vi, plain or en); read as " + (en_further ? "en" : "vi") + ": " + f.expected;
  r.column = column_of(text, f.pos);
  return false;
}

// One entry for every public reader: `style` null = the default reading.
bool read(std::string_view text, const number_style* style, percent_sign percent, decimal& out,
          refusal& r) {
  if (style == nullptr) return read_default(text, percent, out, r);
  failure f;
  if (parse_number(text, *style, percent, out, f)) return true;
  r.message = message_of(text, *style, f, percent != percent_sign::forbidden);
  r.column = column_of(text, f.pos);
  return false;
}

decimal read_or_throw(std::string_view text, const number_style* style, percent_sign percent) {
  decimal out;
  refusal r;
  if (!read(text, style, percent, out, r)) throw parse_error(r.message, location{{}, 0, r.column, {}, {}});
  return out;
}

// The message in *why is what parse_error::what() would say: "column N: " then the message.
std::optional<decimal> read_or_null(std::string_view text, const number_style* style, percent_sign percent,
                                    std::string* why) {
  decimal out;
  refusal r;
  if (read(text, style, percent, out, r)) return out;
  if (why != nullptr) *why = (r.column > 0 ? "column " + std::to_string(r.column) + ": " : std::string()) + r.message;
  return std::nullopt;
}

std::string group_digits(const std::string& plain, number_style style) {
  const style_chars sc = chars_of(style);
  std::string out;
  out.reserve(plain.size() + plain.size() / 3 + 1);
  std::size_t i = 0;
  if (!plain.empty() && plain[0] == '-') {
    out += '-';
    i = 1;
  }
  const std::size_t point = plain.find('.');
  const std::size_t int_end = point == std::string::npos ? plain.size() : point;
  const std::size_t int_len = int_end - i;
  for (std::size_t k = 0; k < int_len; ++k) {
    if (sc.group != '\0' && k > 0 && (int_len - k) % 3 == 0) out += sc.group;
    out += plain[i + k];
  }
  if (point != std::string::npos) {
    out += sc.point;
    out.append(plain, point + 1, std::string::npos);
  }
  return out;
}

}  // namespace

std::string_view to_string(number_style style) noexcept {
  switch (style) {
    case number_style::plain: return "plain";
    case number_style::vi: return "vi";
    case number_style::en: return "en";
  }
  return "invalid number_style";
}

number_style parse_number_style(std::string_view name) {
  if (name == "plain") return number_style::plain;
  if (name == "vi") return number_style::vi;
  if (name == "en") return number_style::en;
  throw lookup_error("unknown number style \"" + std::string(name.substr(0, 40)) +
                         "\"; expected plain, vi or en",
                     location{{}, 0, 0, {}, "number_style"});
}

decimal decimal::parse(std::string_view text) {
  return read_or_throw(text, nullptr, percent_sign::forbidden);
}

decimal decimal::parse(std::string_view text, number_style style) {
  return read_or_throw(text, &style, percent_sign::forbidden);
}

std::optional<decimal> decimal::try_parse(std::string_view text, std::string* why) {
  return read_or_null(text, nullptr, percent_sign::forbidden, why);
}

std::optional<decimal> decimal::try_parse(std::string_view text, number_style style, std::string* why) {
  return read_or_null(text, &style, percent_sign::forbidden, why);
}

std::string decimal::format(number_style style) const {
  if (style == number_style::plain) return to_string();
  return group_digits(to_string(), style);
}

std::string decimal::format(number_style style, int scale, rounding mode) const {
  return rescale(scale, mode).format(style);
}

decimal parse_percent(std::string_view text) { return read_or_throw(text, nullptr, percent_sign::required); }

decimal parse_percent(std::string_view text, number_style style) {
  return read_or_throw(text, &style, percent_sign::required);
}

std::optional<decimal> try_parse_percent(std::string_view text, std::string* why) {
  return read_or_null(text, nullptr, percent_sign::required, why);
}

std::optional<decimal> try_parse_percent(std::string_view text, number_style style, std::string* why) {
  return read_or_null(text, &style, percent_sign::required, why);
}

decimal parse_percent_text(std::string_view text) {
  return read_or_throw(text, nullptr, percent_sign::optional);
}

decimal parse_percent_text(std::string_view text, number_style style) {
  return read_or_throw(text, &style, percent_sign::optional);
}

std::optional<decimal> try_parse_percent_text(std::string_view text, std::string* why) {
  return read_or_null(text, nullptr, percent_sign::optional, why);
}

std::optional<decimal> try_parse_percent_text(std::string_view text, number_style style, std::string* why) {
  return read_or_null(text, &style, percent_sign::optional, why);
}

std::string format_percent(const decimal& percent, number_style style) {
  return percent.format(style) + '%';
}

std::string format_percent(const decimal& percent, number_style style, int scale, rounding mode) {
  return percent.format(style, scale, mode) + '%';
}

}  // namespace cchc
