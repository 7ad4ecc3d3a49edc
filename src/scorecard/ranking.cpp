// The one ranking rule and rank bands (see cchc/ranking.hpp).
#include "cchc/ranking.hpp"

#include <algorithm>

#include "cchc/error.hpp"

namespace cchc {

std::string_view to_string(tie_rule t) noexcept { return t == tie_rule::dense ? "dense" : "competition"; }

tie_rule parse_tie_rule(std::string_view name) {
  if (name == "competition") return tie_rule::competition;
  if (name == "dense") return tie_rule::dense;
  throw lookup_error("unknown tie rule '" + std::string(name) + "': expected competition (1, 1, 3) or dense (1, 1, 2)");
}

std::vector<std::optional<std::int64_t>> rank(const std::vector<expression_value>& values, const rank_options& options) {
  std::vector<std::size_t> order;
  order.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i)
    if (values[i].is_number()) order.push_back(i);
  // Better first: compare() is exact (ratios by cross-multiplication), so ties are true ties.
  const int sign = options.higher_is_better ? 1 : -1;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return sign * compare(values[a], values[b]) > 0; });
  std::vector<std::optional<std::int64_t>> out(values.size());
  std::int64_t shown = 0;
  for (std::size_t pos = 0; pos < order.size(); ++pos) {
    const bool tie = pos > 0 && compare(values[order[pos - 1]], values[order[pos]]) == 0;
    if (!tie) shown = options.ties == tie_rule::dense ? shown + 1 : static_cast<std::int64_t>(pos) + 1;
    out[order[pos]] = shown;
  }
  return out;
}

std::string band_of(const expression_value& value, const std::vector<grade_band>& bands) {
  if (!value.is_number()) return {};
  for (const auto& b : bands) {
    const int c = compare(value, expression_value::number(b.bound));
    if (b.side == bound_side::at_or_above ? c >= 0 : c > 0) return b.grade;
  }
  return {};
}

}  // namespace cchc
