// cchc/indicator.hpp — the indicators a report's figures imply, exact, with formula and source.
//
// A report prints counts; reviewers and scorecards want rates: plan completion, inspection coverage,
// shortcomings remedied, on-time dossiers under each convention, online share, headcount fill rates,
// budget shares. `indicators(report)` derives every one the report's figures allow (an indicator whose
// inputs are absent is simply not produced — never a zero), each with:
//  - a stable id ("one_stop.on_time.district.resolved_basis"),
//  - labels in Vietnamese and English,
//  - the exact value: a `rate` (numerator and denominator kept, so rates roll up as a ratio of sums and
//    any scale/rounding can be applied later) or a `decimal` (a difference such as vacancies),
//  - the formula with the report's own numbers,
//  - the legal source, and `inferred = true` when the formula was worked out from practice or from
//    published figures rather than read in a legal text,
//  - the JSON path of its inputs.
// Totals are ratios of sums, computed exactly (counts near 2^63 - 1 included): never a wrapped sum.
// The definitions are data: the built-in catalogue (data/indicators/vn.cchc.json, evaluated by
// indicator_catalogue.hpp) with its sources is listed in docs/indicators.md; a user catalogue gives
// the same `indicator` values.
//
//     for (const cchc::indicator& i : cchc::indicators(report))
//       std::cout << i.id << " = " << i.percent(2, cchc::rounding::half_away_from_zero)->to_string()
//                 << " %  (" << i.formula << "; " << i.source << ")\n";
//     // procedures.internal_reviewed_share = 38.00 %  (reviewed / total = 19 / 50; …)
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "cchc/decimal.hpp"
#include "cchc/figures.hpp"
#include "cchc/rate.hpp"
#include "cchc/report.hpp"
#include "cchc/rounding.hpp"

namespace cchc {

/// Which way is better: ranking puts the best first.
enum class indicator_direction : std::uint8_t { higher_is_better, lower_is_better };
[[nodiscard]] CCHC_EXPORT std::string_view to_string(indicator_direction d) noexcept;

/// Whether an indicator has a value: `value` (in `value`), `not_applicable` (its effective period
/// excludes the input's period: not computed) or `not_scored` (zero denominator, policy not_scored).
enum class indicator_status : std::uint8_t { value, not_applicable, not_scored };
[[nodiscard]] CCHC_EXPORT std::string_view to_string(indicator_status s) noexcept;

struct CCHC_EXPORT indicator {
  std::string id;
  std::string label_vi;
  std::string label_en;
  std::variant<decimal, rate> value;
  std::string unit;     ///< "ratio" for rates; "count" or the money unit for decimals
  std::string formula;  ///< with the report's numbers: "reviewed / total = 19 / 50"
  std::string source;   ///< legal or methodological source
  bool inferred = false;
  std::string path;     ///< JSON path of the inputs
  indicator_status status = indicator_status::value;
  std::string reason;   ///< why not applicable / not scored, or which policy gave the value
  int scale = 2;        ///< the definition's (or the caller's) scale and rounding for the shown value
  rounding mode = rounding::half_away_from_zero;
  indicator_direction direction = indicator_direction::higher_is_better;
  std::string rule;     ///< the expressions evaluated ("row.assigned.civil_servants - …")
  std::vector<std::pair<std::string, figure>> inputs;  ///< the figures read, with their values

  [[nodiscard]] bool is_rate() const noexcept { return std::holds_alternative<rate>(value); }
  /// The rate in percent at `scale` with `mode`; nullopt for decimals, undefined rates and indicators
  /// without a value (status not value).
  [[nodiscard]] std::optional<decimal> percent(int scale, rounding mode) const;
};

/// Every indicator derivable from the report, in section order: the built-in catalogue
/// (builtin_indicators(), indicator_catalogue.hpp) evaluated on the report.
[[nodiscard]] CCHC_EXPORT std::vector<indicator> indicators(const report& r);

/// The indicator with this id; throws lookup_error if there is none.
[[nodiscard]] CCHC_EXPORT const indicator& find_indicator(const std::vector<indicator>& list, std::string_view id);

}  // namespace cchc
