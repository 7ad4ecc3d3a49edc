// cchc/rate.hpp — a ratio kept as numerator and denominator, turned into a percentage only on demand.
//
// Reports publish rates as rounded percentages: "118/119 cadres meet the standard, đạt 99,15%". A
// cchc::rate keeps the exact numerator and denominator, so that
//   * the percentage is computed exactly and rounded once, at a named scale with a named mode
//     (numerator × 100 / denominator → rounded; never a rounded fraction rounded again);
//   * a zero denominator has no percentage (std::nullopt) — never a silent 0 % or 100 %;
//   * rates aggregate the way indicators roll up: a + b is the ratio of sums, not a mean of ratios;
//   * a published figure can be checked: matches() says which of the seven rounding modes, at the
//     figure's own number of decimals, reproduce it (empty = no rounding explains it: the figure is
//     wrong).
//
//     cchc::rate r{118, 119};
//     r.percent(2, cchc::rounding::half_away_from_zero);   // 99.16
//     r.percent(2, cchc::rounding::toward_zero);           // 99.15
//     r.matches("99,15%");                                 // {toward_zero, floor}: truncated
//     cchc::rate{19, 50}.matches("30%");                   // {}: 19/50 is 38 %
//     cchc::rate{0, 0}.percent(2, cchc::rounding::half_even);   // std::nullopt
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/decimal.hpp"
#include "cchc/number_format.hpp"
#include "cchc/rounding.hpp"

namespace cchc {

class CCHC_EXPORT rate {
 public:
  /// 0 / 0 (undefined).
  rate() = default;
  /// numerator / denominator. Integers convert implicitly: rate{118, 119}. A negative denominator is
  /// a cchc::argument_error (counts and amounts are never negative denominators); the numerator may
  /// have any sign.
  rate(decimal numerator, decimal denominator);

  [[nodiscard]] const decimal& numerator() const& noexcept { return numerator_; }
  const decimal& numerator() const&& = delete;  // a reference into a temporary would dangle
  [[nodiscard]] const decimal& denominator() const& noexcept { return denominator_; }
  const decimal& denominator() const&& = delete;  // a reference into a temporary would dangle
  /// denominator != 0.
  [[nodiscard]] bool defined() const noexcept { return !denominator_.is_zero(); }

  /// numerator × 100 / denominator, rounded once to `scale` decimals with `mode`; nullopt if undefined.
  [[nodiscard]] std::optional<decimal> percent(int scale, rounding mode) const;
  /// numerator / denominator, rounded once to `scale` decimals with `mode`; nullopt if undefined.
  [[nodiscard]] std::optional<decimal> fraction(int scale, rounding mode) const;

  /// The rounding modes (in all_roundings order) for which percent(reported.scale(), mode) equals
  /// `reported_percent` (a figure in percent units, e.g. 99.15). Empty when none does, or when the
  /// rate is undefined.
  [[nodiscard]] std::vector<rounding> matches(const decimal& reported_percent) const;
  /// Same, reading the figure from text such as "99,15%", "99,15 %" or "99,15" in `style` (the '%'
  /// is optional: parse_percent_text). Malformed text is a cchc::parse_error.
  [[nodiscard]] std::vector<rounding> matches(std::string_view reported, number_style style) const;
  /// Same, in the default reading (cchc/number_format.hpp): "99,15%" is 99.15, an ambiguous
  /// "97.550%" is a parse_error giving both readings.
  [[nodiscard]] std::vector<rounding> matches(std::string_view reported) const;

  /// The ratio of sums: (a.num + b.num) / (a.den + b.den). This is how rates merge across units.
  friend rate operator+(const rate& a, const rate& b) {
    return rate(a.numerator_ + b.numerator_, a.denominator_ + b.denominator_);
  }
  rate& operator+=(const rate& b) { return *this = *this + b; }

  /// Same numerator and same denominator (as values): 19/50 != 38/100, since they merge differently.
  friend bool operator==(const rate& a, const rate& b) noexcept {
    return a.numerator_ == b.numerator_ && a.denominator_ == b.denominator_;
  }
  friend bool operator!=(const rate& a, const rate& b) noexcept { return !(a == b); }

  /// "118/119".
  [[nodiscard]] std::string to_string() const;

 private:
  decimal numerator_;
  decimal denominator_;
};

}  // namespace cchc
