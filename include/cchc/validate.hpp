// cchc/validate.hpp — consistency rules over a report, returning findings.
//
// A published report contradicts itself more often than one would think: parts that do not add up to
// their whole, a percentage that no rounding of its own numerator and denominator gives, a table
// whose totals disagree with the sentence above it, two decisions of the same committee whose numbers
// and dates run in opposite orders. `validate` runs every rule below and returns one `cchc::finding`
// per problem (and one `info` finding per published percentage it could reproduce, saying how), each
// with a stable rule id, a severity, the JSON path, messages in Vietnamese and English and the
// numbers involved as exact text. It never throws on bad figures: that is what it is for.
//
// Tolerances are explicit: count and money identities are exact (tolerance 0); a printed percentage
// is reproduced at its own printed scale (99,15 → 2 decimals; 30 → 0) under each of the 7 rounding
// modes (rounding.hpp), so "tolerance" is one unit in the last printed place *and* a named rounding.
// The full list, with sources, is in docs/validation.md.
//
//     cchc::report r = cchc::load_report("examples/tran-de-2023/report.json");
//     for (const cchc::finding& f : cchc::validate(r))
//       std::cout << to_string(f.severity) << ' ' << f.rule << ' ' << f.where.path << ": "
//                 << f.message_en << '\n';
//     // error percent.mismatch $.procedures.internal_review.rate: 30% is printed for 19/50, which
//     //   is 38% (no rounding at scale 0 gives 30)
//     // warning percent.rounding $.civil_service.commune_cadres_standard.rate: 99,15% for 118/119 is
//     //   reproduced only by toward_zero, floor (half_away_from_zero gives 99.16)
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <cstddef>
#include <string_view>
#include <vector>

#include "cchc/finding.hpp"
#include "cchc/report.hpp"

namespace cchc {

/// A rule of `validate`: its id, the severity of its findings, what it checks and on what authority.
struct CCHC_EXPORT validation_rule {
  std::string_view id;
  cchc::severity severity;
  std::string_view title_en;
  std::string_view title_vi;
  std::string_view tolerance;
  std::string_view source;
};

/// Every rule validate() applies (the rules of dossier_flow::check are applied too, under their own
/// ids "flow.*"; see flow.hpp).
[[nodiscard]] CCHC_EXPORT const std::vector<validation_rule>& validation_rules();

struct CCHC_EXPORT validate_options {
  /// Emit an info finding for every printed percentage or claim that is reproduced.
  bool confirmations = true;
  /// At most this many findings per rule id (0: no cap). Past it a rule's findings are counted, not
  /// kept, and one summary finding under the same rule id and severity ends the list: "… and 310000
  /// more `document.order` findings", with numbers omitted / listed / cap. Memory and output so grow
  /// with what the report means, not with how many rows repeat one mistake.
  std::size_t max_findings_per_rule = 100;
};

/// Runs every rule. Load warnings (report::load_warnings) come first, then the findings of each
/// report section in file order (documents, direction, procedures, one-stop, organisation, civil
/// service, public finance, e-government, assessment), then the summaries of capped rules.
/// Every count is summed exactly, so figures near 2^63 - 1 give findings, never an exception: a
/// figure no count can hold is a `figure.overflow` finding.
[[nodiscard]] CCHC_EXPORT std::vector<finding> validate(const report& r, const validate_options& options = {});

}  // namespace cchc
