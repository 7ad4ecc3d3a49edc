// cchc/ranking.hpp — ranking units by a value, ties explicit, missing values last; rank bands as data.
//
// The one ranking rule, used by scorecards (the total's rank), `cchc rank` and Python's cchc.rank:
// values are exact (cchc::expression_value: numbers, or ratios compared as ratios, never through a
// binary float), highest first unless lower is better. Ties share a rank — competition ranking
// (1, 1, 3) by default, dense (1, 1, 2) on request. A value that is not a number (absent, undefined
// by a zero denominator, a condition) has no rank: callers list it last and say why.
//
// Bands group ranked values ("A ≥ 90 %, B 80–90 %"): ordered from the highest bound down, each bound
// stating whether it is reached at_or_above or only above; a value takes the first band it reaches,
// and none below the last. A bands file (format "cchc.bands", docs/scorecards.md) carries them as
// data; a scorecard's grades are the same bands over its total.
//
//     auto ranks = cchc::rank(values);                          // {1, 1, 3, nullopt}
//     auto dense = cchc::rank(values, {cchc::tie_rule::dense}); // {1, 1, 2, nullopt}
//     auto bands = cchc::load_bands("bands.json");             // cchc/scorecard_file.hpp
//     cchc::band_of(values[0], bands.bands);                   // "A"
#pragma once

#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/expression.hpp"
#include "cchc/scorecard.hpp"

namespace cchc {

enum class tie_rule : std::uint8_t { competition, dense };
[[nodiscard]] CCHC_EXPORT std::string_view to_string(tie_rule t) noexcept;
/// "competition" or "dense"; a lookup_error listing both otherwise.
[[nodiscard]] CCHC_EXPORT tie_rule parse_tie_rule(std::string_view name);

struct CCHC_EXPORT rank_options {
  tie_rule ties = tie_rule::competition;
  bool higher_is_better = true;
};

/// The rank of each value (1 = best), in the values' order; empty for a value that is not a number.
/// Exact comparison (cchc::compare); O(n log n).
[[nodiscard]] CCHC_EXPORT std::vector<std::optional<std::int64_t>> rank(const std::vector<expression_value>& values,
                                                                       const rank_options& options = {});

/// Named bands over a value, highest bound first (the same shape as a scorecard's grades).
struct CCHC_EXPORT rank_bands {
  std::string id;
  std::string title;
  std::string source;
  std::vector<grade_band> bands;  ///< highest bound first; bounds compare with the value exactly
};

/// The first band whose bound `value` reaches (on the bound's side), or "" (below every band, or not a
/// number).
[[nodiscard]] CCHC_EXPORT std::string band_of(const expression_value& value, const std::vector<grade_band>& bands);

}  // namespace cchc
