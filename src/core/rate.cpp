#include "cchc/rate.hpp"

#include "cchc/error.hpp"

namespace cchc {

rate::rate(decimal numerator, decimal denominator)
    : numerator_(std::move(numerator)), denominator_(std::move(denominator)) {
  if (denominator_.signum() < 0) {
    throw argument_error("rate: expected a denominator >= 0, found " + denominator_.to_string(),
                         location{{}, 0, 0, {}, "denominator"});
  }
}

std::optional<decimal> rate::percent(int scale, rounding mode) const {
  if (!defined()) return std::nullopt;
  // ×100 is exact, so the only rounding is the one in divide().
  return decimal::divide(numerator_ * 100, denominator_, scale, mode);
}

std::optional<decimal> rate::fraction(int scale, rounding mode) const {
  if (!defined()) return std::nullopt;
  return decimal::divide(numerator_, denominator_, scale, mode);
}

std::vector<rounding> rate::matches(const decimal& reported_percent) const {
  std::vector<rounding> out;
  if (!defined()) return out;
  const int scale = reported_percent.scale();
  for (rounding mode : all_roundings) {
    if (*percent(scale, mode) == reported_percent) out.push_back(mode);
  }
  return out;
}

std::vector<rounding> rate::matches(std::string_view reported, number_style style) const {
  return matches(parse_percent_text(reported, style));
}

std::vector<rounding> rate::matches(std::string_view reported) const { return matches(parse_percent_text(reported)); }

std::string rate::to_string() const {
  return numerator_.to_string() + "/" + denominator_.to_string();
}

}  // namespace cchc
