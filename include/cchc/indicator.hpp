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
// The catalogue with sources is docs/indicators.md.
//
//     for (const cchc::indicator& i : cchc::indicators(report))
//       std::cout << i.id << " = " << i.percent(2, cchc::rounding::half_away_from_zero)->to_string()
//                 << " %  (" << i.formula << "; " << i.source << ")\n";
//     // procedures.internal_reviewed_share = 38.00 %  (reviewed / total = 19 / 50; …)
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "cchc/decimal.hpp"
#include "cchc/rate.hpp"
#include "cchc/report.hpp"
#include "cchc/rounding.hpp"

namespace cchc {

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

  [[nodiscard]] bool is_rate() const noexcept { return std::holds_alternative<rate>(value); }
  /// The rate in percent at `scale` with `mode`; nullopt for decimals and undefined rates.
  [[nodiscard]] std::optional<decimal> percent(int scale, rounding mode) const;
};

/// Every indicator derivable from the report, in section order.
[[nodiscard]] CCHC_EXPORT std::vector<indicator> indicators(const report& r);

/// The indicator with this id; throws lookup_error if there is none.
[[nodiscard]] CCHC_EXPORT const indicator& find_indicator(const std::vector<indicator>& list, std::string_view id);

}  // namespace cchc
