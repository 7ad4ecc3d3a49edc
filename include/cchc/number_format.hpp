// cchc/number_format.hpp — reading and writing numbers the way reports print them.
//
// Vietnamese reports write 14.083 for fourteen thousand and eighty-three and 97,55 for ninety-seven
// point five five; English texts write 14,083 and 97.55. Read in the wrong style, "14.083" becomes
// 14.083 — a plausible, wrong number. So every parse names its style, and the grammar is strict
// enough that a mis-styled number is an error rather than a different value:
//
//   style  group separator  decimal point  examples
//   plain  (none)           '.'            1340.5   -0.25   02
//   vi     '.'              ','            1.340,5  14.083  97,55  -0,25  1340,5
//   en     ','              '.'            1,340.5  14,083  97.55  -0.25  1340.5
//
//   * surrounding spaces are ignored: ASCII spaces, tabs, no-break spaces U+00A0 and narrow no-break
//     spaces U+202F (what word processors leave around a figure copied from a table);
//   * an optional leading '-' or '+', then at least one digit; no exponent ("1e5");
//   * the integer part is either ungrouped ("14083") or grouped: 1–3 digits, then groups of exactly 3
//     ("1.340.500"); "1.34,5" and "12,3,4" are errors. Where the style groups (vi, en), a space,
//     no-break space or narrow no-break space may group instead of its character ("1 340,5" in vi,
//     "1 340.5" in en) — one kind of separator per number;
//   * an optional decimal point followed by at least one digit (no grouping after the point);
//   * at most decimal::max_parse_digits (400) significant digits and 400 digits after the point.
// Leading zeros are fine ("02" is 2). A malformed text throws cchc::parse_error whose message quotes
// the input (shortened when long), gives the 1-based column (also in error.where().column) and says
// what was expected there.
//
// Percentages carry a trailing '%', optionally after spaces of the three kinds: "99,15%",
// "99,15 %", "99,15\u00a0%", " 99,15% ". parse_percent returns the figure in percent units (99.15),
// keeping its printed scale; parse_percent_text reads a printed percentage whose '%' may be missing
// ("99,15" or "99,15 %"), as report fields and published tables give them.
//
// The default reading. Every reader has a form without a style, for text whose style the caller does
// not know. Vietnamese documents are the input, so a text is read as vi wherever it can be — but never
// by a silent guess: the text is read in vi and in en/plain, and
//   * if exactly one reading fits, or all that fit agree (same value and scale), that is the value:
//     "97,55" (vi only), "1.340,5" (vi), "0.25" (plain/en only), "1,340.5" (en), "14083" (all);
//   * if two readings differ it is refused with both: "13.676" reads 13676 in vi and 13.676 in plain;
//     "1,234" reads 1.234 in vi and 1234 in en. That happens exactly for a single '.' or ',' followed
//     by exactly three digits. Pass the style to read such a text.
// decimal::parse(text), parse_percent(text), parse_percent_text(text), rate::matches(text) and the
// Python functions called without style= all use it.
//
//     auto v = cchc::decimal::parse("1.340,5", cchc::number_style::vi);       // 1340.5
//     v.format(cchc::number_style::en);                                        // "1,340.5"
//     auto p = cchc::parse_percent("99,15%", cchc::number_style::vi);          // 99.15, scale 2
//     cchc::format_percent(p, cchc::number_style::vi);                         // "99,15%"
//     cchc::decimal::parse("13.676");   // parse_error: reads 13676 in vi and 13.676 in plain
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <optional>
#include <string>
#include <string_view>

#include "cchc/decimal.hpp"
#include "cchc/detail/number_style.hpp"
#include "cchc/rounding.hpp"

namespace cchc {

/// "plain", "vi" or "en".
[[nodiscard]] CCHC_EXPORT std::string_view to_string(number_style style) noexcept;
/// Inverse of to_string; throws cchc::lookup_error for anything else.
[[nodiscard]] CCHC_EXPORT number_style parse_number_style(std::string_view name);

/// A percentage such as "99,15%" or "99,15 %" → 99.15 (percent units, scale as printed). The '%' is
/// required; throws cchc::parse_error otherwise.
[[nodiscard]] CCHC_EXPORT decimal parse_percent(std::string_view text, number_style style);
/// The same in the default reading (an ambiguous "13.676%" is refused with both readings).
[[nodiscard]] CCHC_EXPORT decimal parse_percent(std::string_view text);
/// Non-throwing form of parse_percent (message in *why when given).
[[nodiscard]] CCHC_EXPORT std::optional<decimal> try_parse_percent(std::string_view text, number_style style,
                                                       std::string* why = nullptr);
[[nodiscard]] CCHC_EXPORT std::optional<decimal> try_parse_percent(std::string_view text, std::string* why = nullptr);

/// A printed percentage whose '%' may or may not be there: "99,15%", "99,15 %", "99,15" → 99.15.
/// This is how report fields and published tables carry percentages; use it rather than stripping
/// spaces and '%' by hand. Throws cchc::parse_error.
[[nodiscard]] CCHC_EXPORT decimal parse_percent_text(std::string_view text, number_style style);
[[nodiscard]] CCHC_EXPORT decimal parse_percent_text(std::string_view text);
/// Non-throwing form of parse_percent_text: std::nullopt, and the message ("column N: ...") in *why.
[[nodiscard]] CCHC_EXPORT std::optional<decimal> try_parse_percent_text(std::string_view text, number_style style,
                                                            std::string* why = nullptr);
[[nodiscard]] CCHC_EXPORT std::optional<decimal> try_parse_percent_text(std::string_view text, std::string* why = nullptr);

/// `percent` (already in percent units) followed by '%', no space: vi "99,15%", en "99.15%".
[[nodiscard]] CCHC_EXPORT std::string format_percent(const decimal& percent, number_style style);
/// Rounded to `scale` with `mode` first.
[[nodiscard]] CCHC_EXPORT std::string format_percent(const decimal& percent, number_style style, int scale,
                                         rounding mode);

}  // namespace cchc
