// The indicators of indicator.hpp: the built-in catalogue (data/indicators/vn.cchc.json, read by
// indicator_catalogue_file.cpp) evaluated on the report's figures (indicator_input.cpp). Before
// issue 11 this file was the hard-coded list; its output is kept as golden files
// (tests/cli/data/indicators-golden/) that the catalogue reproduces byte for byte.
#include "cchc/indicator.hpp"

#include "cchc/error.hpp"
#include "cchc/indicator_catalogue.hpp"

namespace cchc {

std::string_view to_string(indicator_direction d) noexcept {
  return d == indicator_direction::lower_is_better ? "lower_is_better" : "higher_is_better";
}

std::string_view to_string(indicator_status s) noexcept {
  switch (s) {
    case indicator_status::value: return "value";
    case indicator_status::not_applicable: return "not_applicable";
    case indicator_status::not_scored: return "not_scored";
  }
  return "value";
}

std::optional<decimal> indicator::percent(int scale, rounding mode) const {
  if (status != indicator_status::value) return std::nullopt;
  if (const auto* r = std::get_if<rate>(&value)) return r->percent(scale, mode);
  return std::nullopt;
}

const indicator& find_indicator(const std::vector<indicator>& list, std::string_view id) {
  for (const auto& i : list)
    if (i.id == id) return i;
  throw lookup_error("no indicator '" + std::string(id) + "' for this report (" + std::to_string(list.size()) +
                         " indicators derived)",
                     location{{}, 0, 0, {}, "id"});
}

std::vector<indicator> indicators(const report& r) { return builtin_indicators().evaluate(indicator_input::of(r)); }

}  // namespace cchc
