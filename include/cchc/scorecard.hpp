// cchc/scorecard.hpp — reform scorecards as data: a tree of groups and leaves with maximum points,
// leaf rules over a unit's figures, exact points, grades and ranks, and an explanation of every point.
//
// A scorecard (the Decision 766 service index, a provincial PAR-style form) is a tree: groups →
// criteria → sub-criteria, each with its maximum points; a group's maximum is exactly the sum of its
// children's. A leaf reads one value from the unit's figures — an expression (cchc/expression.hpp)
// such as `ratio(totalOnTime, totalReceived)` — and a rule turns it into points:
//
//   linear               max × value, kept within 0 … max                      (value: a rate 0 … 1)
//   linear_to_threshold  max × min(1, value / threshold): full points at the threshold
//   bands                the points of the first band the value reaches (bands ordered from the
//                        highest bound down; each bound says whether it is reached `at_or_above` or
//                        only `above`); below every band: 0. Bounds are rates (0 … 1) or counts.
//   yes_no               max when the value is true (or a number ≠ 0), else 0
//   relative_to_mean     max (or `points`) when the value is at or above the mean of the units scored
//                        together, else `points_below` (0) — e.g. "PAR Index at or above the city mean"
//   manual               the value is the self-assessed points; more than the maximum (or < 0) is
//                        refused for that unit (status invalid), never clipped silently
//   formula              the value is the points (capped at the maximum unless cap = false)
//   unknown              the rule is not known: inputs are shown, the score is absent, never guessed
//
// Missing and zero. A value that is absent (a figure missing) or undefined (a zero denominator) is
// handled by the leaf's policies: on_absent (absent | not_scored | zero) and on_zero_denominator
// (undefined → score absent | zero | full_points | not_scored | no_points). A not-scored leaf leaves
// its maximum out of its parents' maxima; a no_points leaf shows no score but keeps its maximum and
// adds nothing (the national portal's rule for a transparency metric with 0/0); at the total, policy not_scored = rescale scales the points back to the
// full maximum (exclude keeps the reduced maximum).
//
// Rounding. Each leaf's points are rounded once, to the leaf's scale and mode (default: the
// scorecard's, 2 decimals half away from zero as the national portal prints them), from the exact
// value; a group's points are the sum of its children's rounded points. A group with a child whose
// score is absent has absent points (its `partial_points` shows the known part).
//
//     auto card = cchc::scorecard::build(definition);          // validates; parse_error with location
//     auto table = card.score({{"TRAN_DE", figures}, ...});     // one row per unit and node
#pragma once

#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cchc/decimal.hpp"
#include "cchc/error.hpp"
#include "cchc/figures.hpp"
#include "cchc/rounding.hpp"

namespace cchc {

enum class leaf_rule_kind : std::uint8_t {
  linear, linear_to_threshold, bands, yes_no, relative_to_mean, manual, formula, unknown
};
[[nodiscard]] CCHC_EXPORT std::string_view to_string(leaf_rule_kind k) noexcept;
[[nodiscard]] CCHC_EXPORT leaf_rule_kind parse_leaf_rule_kind(std::string_view name);  // lookup_error listing the names

/// Which side of a bound counts as reaching it.
enum class bound_side : std::uint8_t { at_or_above, above };
[[nodiscard]] CCHC_EXPORT std::string_view to_string(bound_side s) noexcept;
[[nodiscard]] CCHC_EXPORT bound_side parse_bound_side(std::string_view name);

enum class on_zero_denominator : std::uint8_t { undefined, zero, full_points, not_scored, no_points };
enum class on_absent : std::uint8_t { absent, not_scored, zero };
enum class not_scored_policy : std::uint8_t { exclude, rescale };
[[nodiscard]] CCHC_EXPORT std::string_view to_string(on_zero_denominator p) noexcept;
[[nodiscard]] CCHC_EXPORT std::string_view to_string(on_absent p) noexcept;
[[nodiscard]] CCHC_EXPORT std::string_view to_string(not_scored_policy p) noexcept;
[[nodiscard]] CCHC_EXPORT on_zero_denominator parse_on_zero_denominator(std::string_view name);
[[nodiscard]] CCHC_EXPORT on_absent parse_on_absent(std::string_view name);
[[nodiscard]] CCHC_EXPORT not_scored_policy parse_not_scored_policy(std::string_view name);

struct CCHC_EXPORT score_band {
  decimal bound;
  bound_side side = bound_side::at_or_above;
  decimal points;
};

struct CCHC_EXPORT leaf_rule {
  leaf_rule_kind kind = leaf_rule_kind::linear;
  std::string value;                   ///< expression text: the leaf's input (empty only for unknown)
  std::vector<std::string> inputs;     ///< extra figure names shown in the explanation (unknown rules)
  decimal threshold;                   ///< linear_to_threshold: the rate that earns full points (0 < t ≤ 1)
  std::vector<score_band> bands;       ///< bands, highest bound first
  bool rate_bounds = true;             ///< bands: bounds are rates (0 … 1), else counts
  std::optional<decimal> points;       ///< relative_to_mean: points at or above the mean (default max)
  decimal points_below;                ///< relative_to_mean: points below the mean
  bool cap = true;                     ///< formula: cap the points at the maximum
  on_zero_denominator zero_denominator = on_zero_denominator::undefined;
  on_absent absent = on_absent::absent;
  std::optional<int> scale;            ///< rounding of this leaf's points (default: the scorecard's)
  std::optional<rounding> mode;
};

struct CCHC_EXPORT scorecard_node {
  std::string id;
  std::string label_vi;
  std::string label_en;
  decimal max_points;
  std::vector<scorecard_node> children;  ///< a group; empty for a leaf
  std::optional<leaf_rule> rule;         ///< a leaf's rule
  std::string note;                      ///< e.g. a conflict between the method text and the portal
  bool inferred = false;                 ///< the rule was worked out from published data, not read in law
  location where;                        ///< where the node was defined (set by loaders; used in errors)
};

struct CCHC_EXPORT grade_band {
  decimal bound;                         ///< points of the total (or percent, see grades_on_percent)
  bound_side side = bound_side::at_or_above;
  std::string grade;
};

struct CCHC_EXPORT scorecard_definition {
  std::string id;                        ///< "vn.766"
  std::string title_vi;
  std::string title_en;
  std::string source;                    ///< the legal document, article, date
  decimal max_points;                    ///< the total's maximum (the sum of the top groups' maxima)
  std::vector<scorecard_node> groups;
  int scale = 2;
  rounding mode = rounding::half_away_from_zero;
  not_scored_policy not_scored = not_scored_policy::exclude;
  std::vector<grade_band> grades;        ///< highest bound first
  bool grades_on_percent = false;        ///< grade bounds are percent of the (reduced) maximum
  location where;
};

enum class score_status : std::uint8_t { scored, not_scored, absent, unknown, invalid, no_points };
[[nodiscard]] CCHC_EXPORT std::string_view to_string(score_status s) noexcept;

/// One row of a score table: a unit and a node (leaf, group or the total).
struct CCHC_EXPORT node_score {
  std::string unit;
  std::string id;                        ///< the node's id; the total's id is the scorecard's
  std::string kind;                      ///< "leaf", "group", "total"
  int depth = 0;                         ///< 0 for the total, 1 for top groups, …
  score_status status = score_status::scored;
  std::optional<decimal> points;         ///< rounded; absent unless status is scored
  decimal max_points;                    ///< after not-scored children are left out
  std::optional<decimal> partial_points; ///< groups: the sum of the children that have points
  std::string value;                     ///< a leaf's exact input value ("13676/14019", "absent", …)
  std::optional<decimal> rate_percent;   ///< a rate leaf's value in percent, 2 decimals half away from zero
  std::string rule;                      ///< "linear: 20 × rate" …
  std::vector<std::pair<std::string, std::string>> inputs;  ///< figure name → value as given
  std::string reason;                    ///< why a score is absent / not scored / invalid
  std::string grade;                     ///< the total's grade (empty when no band holds or no points)
  std::optional<std::int64_t> rank;      ///< the total's competition rank among the units (1, 1, 3), on
                                         ///< points, or on the share of the remaining maximum when
                                         ///< grades are on percent
};

struct CCHC_EXPORT score_table {
  std::vector<node_score> rows;          ///< per unit: the total, then the tree in order
};

/// The points of every unit and node without the explanation: what ranking and large populations
/// need, in a fraction of score_table's memory (about 40 bytes per unit and node instead of ~360).
/// Cells are in score_table's row order: for unit u and node i (ids[i]; 0 is the total, then the tree
/// in order) the cell is u × ids.size() + i. Each cell equals the row's status, points and max_points;
/// grades and ranks equal the total rows'.
struct CCHC_EXPORT score_points {
  std::vector<std::string> units;                   ///< the units, in the order given
  std::vector<std::string> ids;                     ///< the nodes: the scorecard's id (the total), then the tree
  std::vector<score_status> status;                 ///< per cell
  std::vector<std::optional<decimal>> points;       ///< per cell: rounded; absent unless scored
  std::vector<decimal> max_points;                  ///< per cell: after not-scored children are left out
  std::vector<std::string> grades;                  ///< per unit: the total's grade
  std::vector<std::optional<std::int64_t>> ranks;   ///< per unit: the total's rank

  [[nodiscard]] std::size_t cell(std::size_t unit, std::size_t node) const noexcept { return unit * ids.size() + node; }
};

/// How scorecard::score works. The points, maxima, statuses, grades and ranks never depend on it:
/// only how much explanation is written and how many threads do the work.
struct CCHC_EXPORT score_options {
  /// Write the explanation of every row: a leaf's value, rate_percent, rule, inputs, and every row's
  /// reason. false = points only: those are left empty (the rest of each row is the same), which is
  /// several times faster for ranking and large populations.
  bool explain = true;
  /// Threads that score the units in parallel, each a contiguous range of units (population functions
  /// and relative_to_mean are evaluated over all units first): 1 = the calling thread only, 0 = one
  /// per hardware thread. The table is the same for any number.
  unsigned threads = 1;
};

class CCHC_EXPORT scorecard {
 public:
  /// Validates the definition: ids unique and non-empty; every group's children's maxima add up to the
  /// group's maximum (and the groups' to the total); every leaf has a rule and parses; bands ordered
  /// from the highest bound down, no band worth more than its leaf, rate bounds within 0–100 %;
  /// thresholds within (0, 100 %]; grades ordered. With `known_figures`, every figure name an
  /// expression reads must be one of them. Mistakes are a cchc::parse_error (or lookup_error for
  /// unknown names) located at the node (`where`).
  [[nodiscard]] static scorecard build(scorecard_definition definition,
                                       const std::vector<std::string>* known_figures = nullptr);

  [[nodiscard]] const scorecard_definition& definition() const& noexcept { return definition_; }
  const scorecard_definition& definition() const&& = delete;  // a reference into a temporary would dangle

  /// Scores every unit against the others (relative rules and ranks see all of them).
  [[nodiscard]] score_table score(const std::vector<std::pair<std::string, figures>>& units) const;
  /// Same, with options (points only, threads); score(units) is score(units, score_options{}).
  [[nodiscard]] score_table score(const std::vector<std::pair<std::string, figures>>& units,
                                  const score_options& options) const;
  /// Only the points (statuses, maxima, grades, ranks) of score(units), compactly; options.threads is
  /// used, options.explain ignored.
  [[nodiscard]] score_points points(const std::vector<std::pair<std::string, figures>>& units,
                                    const score_options& options = {}) const;

 private:
  explicit scorecard(scorecard_definition d) : definition_(std::move(d)) {}
  scorecard_definition definition_;
};

}  // namespace cchc
