// cchc/indicator_catalogue.hpp — indicators as data: definitions, catalogue files, evaluation.
//
// An indicator definition says how one number is derived from a unit's figures (report_figures.hpp,
// figures_table.hpp) and where the rule comes from: id, labels vi/en, unit, the rule (a rate
// `numerator / denominator` of two exact expressions, a figure that already is a rate, or a `value`
// expression), the scale and rounding mode the value is shown at, what a zero denominator means, which
// direction is better (ranking uses it), the legal source (document, article, date), the effective
// period, and `inferred` (with a note) when the rule was worked out from practice rather than read in
// a legal text. Expressions (expression.hpp) are parsed once, when the catalogue is read.
//
// Rows. A definition may repeat over the rows of a table (`each`: one indicator per row of
// "one_stop.flows", read through the name `row.`, so `row.received` is that row's received count) or
// sum over them (`over`: one indicator, a ratio of sums or a sum of values). `{row}`, `{row.name}`,
// `{row.index}` and `{row.path}` in the id, labels and path are the row's key, printed name, position
// and JSON path.
//
// A catalogue file is JSON (format "cchc.indicators", docs/indicators.md) read by the one JSON reader:
// every mistake is a cchc::parse_error at file:line:column and JSON path (duplicate ids, bad scale or
// rounding, bad policy, an effective period ending before it starts, unknown keys with the nearest),
// or a cchc::lookup_error for an unknown figure name (when the known names are given) with the
// nearest names. The built-in catalogue (data/indicators/vn.cchc.json, embedded) is the one
// `cchc::indicators(report)` evaluates.
//
//     auto cat = cchc::builtin_indicators();                     // or load_indicator_catalogue(path)
//     auto values = cat.evaluate(cchc::indicator_input::of(report));
//     for (const cchc::indicator& i : values) std::cout << i.id << ' ' << i.formula << '\n';
#pragma once

#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "cchc/error.hpp"
#include "cchc/expression.hpp"
#include "cchc/figures.hpp"
#include "cchc/indicator.hpp"
#include "cchc/report.hpp"
#include "cchc/rounding.hpp"

namespace cchc {

/// What a zero denominator (or an undefined value) means for an indicator.
///  - undefined: the value is undefined (a rate keeps its numerator and its 0 denominator);
///  - zero: the value is 0 (nothing to do counts as none done);
///  - full_points: for a rate, 100 % (nothing to do counts as all done — the portal's convention for
///    a unit with no dossier due); refused for a value indicator, which has no "full" value;
///  - not_scored: the indicator is reported as not scored (status not_scored), left out of ranks.
enum class zero_denominator_policy : std::uint8_t { undefined, zero, full_points, not_scored };
[[nodiscard]] CCHC_EXPORT std::string_view to_string(zero_denominator_policy p) noexcept;
/// By name; lookup_error listing the names otherwise.
[[nodiscard]] CCHC_EXPORT zero_denominator_policy parse_zero_denominator_policy(std::string_view name);

/// How a definition derives its value.
enum class indicator_rule : std::uint8_t {
  ratio,        ///< numerator / denominator, two exact expressions: a rate
  rate_figure,  ///< a figure that already is a rate (kept as numerator and denominator)
  value,        ///< an expression: a number (a count, an amount, a difference)
};

/// Where the rule comes from.
struct CCHC_EXPORT indicator_source {
  std::string text;      ///< as shown with the value (the whole citation)
  std::string document;  ///< "766/QĐ-TTg"
  std::string article;   ///< "3.3"
  std::optional<date::year_month_day> date;
};

/// Alternative rule used when the main one's inputs are absent (e.g. a share of all dossiers
/// received when the period's own split is not published), with its own formula, source and flag.
struct CCHC_EXPORT indicator_fallback {
  indicator_rule rule = indicator_rule::ratio;
  std::optional<expression> numerator, denominator, value;
  std::string rate_figure;
  std::string formula;
  std::optional<indicator_source> source;
  bool inferred = true;
};

struct CCHC_EXPORT indicator_definition {
  std::string id;  ///< may hold {row} etc. when `each` is set
  std::string label_vi, label_en;
  std::string unit = "ratio";  ///< "ratio" (a rate, shown in percent), "count", or a money unit
  indicator_rule rule = indicator_rule::ratio;
  std::optional<expression> numerator, denominator, value;
  std::string rate_figure;  ///< for rule rate_figure
  int scale = 2;            ///< decimals of the shown percentage (or of a value without a finite expansion)
  rounding mode = rounding::half_away_from_zero;
  zero_denominator_policy zero_denominator = zero_denominator_policy::undefined;
  indicator_direction direction = indicator_direction::higher_is_better;
  std::string formula;  ///< the rule in words; " = numerator / denominator" is appended for rates
  std::vector<expression> shown;  ///< value rules: the expressions printed after " = ", joined by `shown_separator`
  std::string shown_separator = " − ";
  indicator_source source;
  std::optional<date::year_month_day> effective_from, effective_to;
  bool inferred = false;
  std::string note;
  std::string each;  ///< one indicator per row of this table
  std::size_t group = 0;  ///< with each: consecutive definitions of one group are evaluated row by row together
  std::string over;  ///< one indicator summed over the rows of this table
  bool over_all_rows = true;   ///< over: every row must give a value (else none), or rows without one are skipped
  std::size_t min_rows = 1;    ///< over: at least this many rows
  std::string path;            ///< JSON path of the inputs (template)
  std::optional<indicator_fallback> fallback;
  location where;  ///< in the catalogue file
};

/// One row of a table, as `each`/`over` see it.
struct CCHC_EXPORT indicator_row {
  std::string key;    ///< the figure-name segment: one_stop.flows.<key>.received
  std::string id;     ///< how ids name it ({row}): "district" for a flow row, else the position
  std::string name;   ///< the printed name ({row.name})
  std::string path;   ///< JSON path ({row.path})
  std::size_t index = 0;
};

/// What a catalogue is evaluated on: a unit's figures, its tables' rows, its reporting period.
struct CCHC_EXPORT indicator_input {
  figures values;
  /// Rows per table name; a table not listed here has its rows found from the figure names.
  std::map<std::string, std::vector<indicator_row>> rows;
  std::optional<date::year_month_day> period_from, period_to;

  /// A report's figures (report_figures), its tables' rows (printed names, JSON paths, flow rows by
  /// level) and its period (the stated period, else the calendar year).
  [[nodiscard]] static indicator_input of(const report& r);
  /// Figures alone (a figures table's unit): rows found from the names, no period.
  [[nodiscard]] static indicator_input of(figures f);
};

struct CCHC_EXPORT indicator_evaluate_options {
  std::optional<int> scale;       ///< overrides every definition's scale
  std::optional<rounding> mode;   ///< overrides every definition's rounding
};

class CCHC_EXPORT indicator_catalogue {
 public:
  /// Checks a list of definitions (duplicate ids, policies, periods): parse_error at `where`.
  [[nodiscard]] static indicator_catalogue build(std::string id, std::vector<indicator_definition> definitions);

  [[nodiscard]] const std::string& id() const& noexcept { return id_; }
  const std::string& id() const&& = delete;  // a reference into a temporary would dangle
  [[nodiscard]] const std::vector<indicator_definition>& definitions() const& noexcept { return defs_; }
  const std::vector<indicator_definition>& definitions() const&& = delete;  // a reference into a temporary would dangle

  /// Every indicator the input allows, in catalogue order (rows in table order). An indicator whose
  /// inputs are absent is not produced (never a zero); one whose effective period does not contain the
  /// last day of the input's period is produced with status not_applicable and no value.
  [[nodiscard]] std::vector<indicator> evaluate(const indicator_input& in, const indicator_evaluate_options& o = {}) const;

 private:
  std::string id_;
  std::vector<indicator_definition> defs_;
};

/// Parses a catalogue file's text; `origin` names it in errors. With `known_figures`, every figure name
/// must be one of them (names under `row.` are checked against the rows' figures of the table).
[[nodiscard]] CCHC_EXPORT indicator_catalogue parse_indicator_catalogue(std::string_view text,
                                                                       const std::string& origin = "<indicators>",
                                                                       const std::vector<std::string>* known_figures = nullptr);
/// Reads and parses a file (io_error when it cannot be read).
[[nodiscard]] CCHC_EXPORT indicator_catalogue load_indicator_catalogue(const std::string& path,
                                                                      const std::vector<std::string>* known_figures = nullptr);
/// The built-in catalogue (data/indicators/vn.cchc.json).
[[nodiscard]] CCHC_EXPORT const indicator_catalogue& builtin_indicators();
/// Its file text (to copy and adapt).
[[nodiscard]] CCHC_EXPORT std::string_view builtin_indicators_text();

}  // namespace cchc
