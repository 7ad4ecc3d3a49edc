// Parsing and formatting of numbers in the plain, Vietnamese and English styles.
//
// The parser validates in one pass (recording where the digits are) and builds the value in a second
// pass: a 64-bit accumulation for up to 18 significant digits, decimal::from_digits beyond that. It
// never throws by itself; decimal::parse turns its failure into a cchc::parse_error, try_parse into
// std::nullopt, so that bulk parsing does not pay for exceptions.
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

// Validates `text` as a number in `style`, then builds it. `percent`: a trailing '%' (after optional
// spaces / no-break spaces) is required (1), optional (2) or forbidden (0).
bool parse_number(std::string_view text, number_style style, int percent, decimal& out,
                  failure& why) {
  const style_chars sc = chars_of(style);
  const std::size_t n = text.size();
  std::size_t pos = 0;
  auto fail = [&](std::size_t at, std::string expected) {
    why.pos = at;
    why.expected = std::move(expected);
    return false;
  };
  if (n == 0) return fail(0, "expected a number, found empty text");

  bool negative = false;
  if (text[0] == '-' || text[0] == '+') {
    negative = text[0] == '-';
    pos = 1;
  }
  if (pos >= n || !is_digit(text[pos])) {
    std::string e = pos == 1 ? "expected a digit after the sign" : "expected a digit or a sign";
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
  if (sc.group != '\0' && pos < n && text[pos] == sc.group) {
    if (first_run > 3) {
      return fail(pos, "expected at most 3 digits before the group separator '" +
                           std::string(1, sc.group) + "', found " + std::to_string(first_run) +
                           " (" + style_example(style) + ")");
    }
    while (pos < n && text[pos] == sc.group) {
      const std::size_t sep = pos++;
      std::size_t k = 0;
      while (pos < n && is_digit(text[pos]) && k < 3) {
        if (!take_digit(pos, false)) return false;
        ++pos;
        ++k;
      }
      if (k < 3 || (pos < n && is_digit(text[pos]))) {
        return fail(pos, "expected exactly 3 digits in the group after '" + std::string(1, sc.group) +
                             "' at column " + std::to_string(column_of(text, sep)) + ", found " +
                             (k < 3 ? std::to_string(k) + " then " + found_at(text, pos)
                                    : std::string("a 4th digit")) +
                             " (" + style_example(style) + ")");
      }
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

  if (percent != 0) {
    std::size_t p = pos;
    while (p < n) {
      if (text[p] == ' ') {
        ++p;
      } else if (text.substr(p, 2) == "\xC2\xA0") {
        p += 2;
      } else if (text.substr(p, 3) == "\xE2\x80\xAF") {  // narrow no-break space
        p += 3;
      } else {
        break;
      }
    }
    if (p < n && text[p] == '%') {
      pos = p + 1;
    } else if (percent == 1) {
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
    if (percent != 0) expected += ", '%'";
    return fail(pos, "expected " + expected + " or the end, found " + e);
  }

  // Pass 2: build the value from the digits between int_begin..int_end and frac_begin..frac_end.
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

// What parse_error::what() would say: "column N: ..." then the message.
std::string full_message_of(std::string_view text, number_style style, const failure& f,
                            bool percent) {
  return "column " + std::to_string(column_of(text, f.pos)) + ": " +
         message_of(text, style, f, percent);
}

[[noreturn]] void throw_failure(std::string_view text, number_style style, const failure& f,
                                bool percent) {
  throw parse_error(message_of(text, style, f, percent),
                    location{{}, 0, column_of(text, f.pos), {}, {}});
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

decimal decimal::parse(std::string_view text, number_style style) {
  decimal out;
  failure f;
  if (!parse_number(text, style, 0, out, f)) throw_failure(text, style, f, false);
  return out;
}

std::optional<decimal> decimal::try_parse(std::string_view text, number_style style,
                                          std::string* why) {
  decimal out;
  failure f;
  if (parse_number(text, style, 0, out, f)) return out;
  if (why != nullptr) *why = full_message_of(text, style, f, false);
  return std::nullopt;
}

std::string decimal::format(number_style style) const {
  if (style == number_style::plain) return to_string();
  return group_digits(to_string(), style);
}

std::string decimal::format(number_style style, int scale, rounding mode) const {
  return rescale(scale, mode).format(style);
}

decimal parse_percent(std::string_view text, number_style style) {
  decimal out;
  failure f;
  if (!parse_number(text, style, 1, out, f)) throw_failure(text, style, f, true);
  return out;
}

std::optional<decimal> try_parse_percent(std::string_view text, number_style style,
                                         std::string* why) {
  decimal out;
  failure f;
  if (parse_number(text, style, 1, out, f)) return out;
  if (why != nullptr) *why = full_message_of(text, style, f, true);
  return std::nullopt;
}

namespace detail {
// Used by rate::matches, where the '%' is optional.
decimal parse_optional_percent(std::string_view text, number_style style) {
  decimal out;
  failure f;
  if (!parse_number(text, style, 2, out, f)) throw_failure(text, style, f, true);
  return out;
}
}  // namespace detail

std::string format_percent(const decimal& percent, number_style style) {
  return percent.format(style) + '%';
}

std::string format_percent(const decimal& percent, number_style style, int scale, rounding mode) {
  return percent.format(style, scale, mode) + '%';
}

}  // namespace cchc
