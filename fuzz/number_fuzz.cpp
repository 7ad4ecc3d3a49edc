// Fuzz target "number": printed numbers, percentages and rate::matches (cchc/decimal.hpp,
// cchc/number_format.hpp, cchc/rate.hpp).
// Input: byte 0 picks a rounding mode (and the style of rate::matches), byte 1 a rate and a scale;
// the rest is the text, read in every number style.
// Invariants: parse and try_parse agree; a parsed value reads back equal (same value, same scale)
// from to_string() in plain style and from format(style) in its own style, and from to_parts();
// the same for percentages through format_percent.
#include <array>
#include <optional>
#include <string>

#include "cchc/decimal.hpp"
#include "cchc/error.hpp"
#include "cchc/number_format.hpp"
#include "cchc/rate.hpp"
#include "cchc/rounding.hpp"
#include "fuzz.hpp"

namespace {

constexpr std::array<cchc::number_style, 3> styles{cchc::number_style::plain, cchc::number_style::vi,
                                                   cchc::number_style::en};

void decimals(std::string_view text, cchc::number_style style, cchc::rounding mode, int scale) {
  std::string why;
  const std::optional<cchc::decimal> v = cchc::decimal::try_parse(text, style, &why);
  bool threw = false;
  try {
    const cchc::decimal w = cchc::decimal::parse(text, style);
    CCHC_FUZZ_CHECK(v && *v == w && v->scale() == w.scale());
  } catch (const cchc::parse_error&) {
    threw = true;
  }
  CCHC_FUZZ_CHECK(threw == !v);
  CCHC_FUZZ_CHECK(v || !why.empty());
  if (!v) return;
  const cchc::decimal back = cchc::decimal::parse(v->to_string(), cchc::number_style::plain);  // to_string is plain
  CCHC_FUZZ_CHECK(back == *v && back.scale() == v->scale());
  const cchc::decimal styled = cchc::decimal::parse(v->format(style), style);
  CCHC_FUZZ_CHECK(styled == *v);
  CCHC_FUZZ_CHECK(cchc::decimal::from_parts(v->to_parts()) == *v);
  CCHC_FUZZ_CHECK(std::hash<cchc::decimal>{}(back) == std::hash<cchc::decimal>{}(*v));
  try {
    const cchc::decimal r = v->rescale(scale, mode);
    CCHC_FUZZ_CHECK(r.scale() == scale || scale < 0);
    (void)r.format(style, scale < 0 ? 0 : scale, mode);
    (void)(*v * *v + r - *v);
  } catch (const cchc::error&) {
  }
}

void percents(std::string_view text, cchc::number_style style) {
  std::string why;
  const std::optional<cchc::decimal> p = cchc::try_parse_percent(text, style, &why);
  bool threw = false;
  try {
    const cchc::decimal q = cchc::parse_percent(text, style);
    CCHC_FUZZ_CHECK(p && *p == q);
  } catch (const cchc::parse_error&) {
    threw = true;
  }
  CCHC_FUZZ_CHECK(threw == !p);
  if (!p) return;
  const cchc::decimal back = cchc::parse_percent(cchc::format_percent(*p, style), style);
  CCHC_FUZZ_CHECK(back == *p);
}

void rates(std::string_view text, cchc::number_style style, unsigned selector, cchc::rounding mode,
           int scale) {
  const cchc::rate r(static_cast<int>(selector % 16) * 37 - 100, static_cast<int>(selector / 16) * 13);
  try {
    const auto modes = r.matches(text, style);
    CCHC_FUZZ_CHECK(modes.size() <= cchc::all_roundings.size());
    // Each mode that matches reproduces the figure: its percent equals the parsed figure.
    for (const cchc::rounding m : modes) {
      const auto figure = cchc::try_parse_percent(text, style);
      const auto value = figure ? figure : cchc::decimal::try_parse(text, style);
      if (value) CCHC_FUZZ_CHECK(r.percent(value->scale(), m) == value);
    }
  } catch (const cchc::error&) {
  }
  try {
    (void)r.percent(scale, mode);
    (void)r.fraction(scale, mode);
  } catch (const cchc::error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = cchc_fuzz::text_of(data, size);
  const unsigned b0 = cchc_fuzz::take_byte(text);
  const unsigned b1 = cchc_fuzz::take_byte(text);
  const cchc::rounding mode = cchc::all_roundings[(b0 / 3) % cchc::all_roundings.size()];
  const int scale = static_cast<int>(b1 % 24) - 4;
  // Every style reads every text: a text valid in two styles is where mis-styled values hide.
  for (const cchc::number_style style : styles) {
    decimals(text, style, mode, scale);
    percents(text, style);
  }
  rates(text, styles[b0 % styles.size()], b1, mode, scale);
  return 0;
}
