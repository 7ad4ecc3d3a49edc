// cchc/expression.hpp — an exact expression language over a unit's figures, for indicators and
// scorecards written as data.
//
// An expression is text such as
//
//     round(20 * totalOnTime / totalReceived, 2, half_away_from_zero)
//     if(totalReceived == 0, 0, min(2, 2 * REUSED_DIGITIZED_DATA.numerator
//                                         / REUSED_DIGITIZED_DATA.denominator / 80%))
//     on_time_rate >= mean(on_time_rate)
//
// parsed once (syntax, names, types checked) and evaluated for many units. Arithmetic is exact: a
// number is a ratio of two exact decimals, so `/` loses nothing (2/3 stays 2/3, 1/4 is 0.25 exactly)
// and only round() —
// which names its scale and rounding mode — turns a ratio into a decimal. Comparisons are exact too.
//
// Values. A number, a condition (true/false), *absent* (a figure the expression reads is not in the
// unit's figures — absent is never zero) or *undefined* (a division by zero, ratio(a, 0)). Absent and
// undefined flow through arithmetic and comparisons unchanged (the leftmost wins); `and`/`or` are
// three-valued (false and X is false, true or X is true); present(x) and coalesce(x, y, …) test and
// replace them. What a zero denominator *means* (0 points, full points, not scored) is the caller's
// policy (an indicator or a scorecard leaf), applied to an undefined result.
//
// Grammar (docs/indicators.md), loosest binding first:
//
//     expr    := or
//     or      := and { "or" and }
//     and     := not { "and" not }
//     not     := "not" not | compare
//     compare := sum [ ("==" | "!=" | "<" | "<=" | ">" | ">=") sum ]
//     sum     := product { ("+" | "-") product }
//     product := unary { ("*" | "/") unary }
//     unary   := ("-" | "+") unary | primary
//     primary := NUMBER [ "%" ] | "true" | "false" | NAME | NAME "(" [ expr { "," expr } ] ")"
//              | "(" expr ")"
//     NUMBER  := digits [ "." digits ]              (plain style: "," separates arguments)
//     NAME    := ident { "." segment } | "`" any text but "`" "`"
//
// `80%` is 0.80 exactly. Functions: if(c, a, b) (only the chosen branch is evaluated), min(a, b, …),
// max(a, b, …), abs(x), round(x, scale, mode) (mode: a cchc::rounding name such as half_even, or
// Python's ROUND_HALF_UP), ratio(a, b) (= a / b), present(x), coalesce(x, y, …); over the population
// being scored: mean(x), sum(x), count(x) (units where x is a number), rank(x) (competition ranking,
// highest first: 1, 1, 3; absent values are not ranked).
//
// Errors. parse() throws cchc::parse_error for syntax and type mistakes, with the line and column (in
// characters) and what was expected; an unknown figure name (when the known names are given) or
// function is a cchc::lookup_error that lists the nearest known names.
//
//     auto e = cchc::expression::parse("20 * totalOnTime / totalReceived");
//     cchc::figures f;
//     f.set("totalOnTime", 13676).set("totalReceived", 14019);
//     e.evaluate(f).rounded(2, cchc::rounding::half_away_from_zero);   // 19.51
#pragma once

#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/decimal.hpp"
#include "cchc/figures.hpp"
#include "cchc/rounding.hpp"

namespace cchc {

/// The result of evaluating an expression for one unit.
class CCHC_EXPORT expression_value {
 public:
  enum class kind : std::uint8_t { number, boolean, absent, undefined };

  expression_value() = default;  // absent
  [[nodiscard]] static expression_value number(decimal value);
  /// numerator / denominator, exact; a zero denominator gives undefined().
  [[nodiscard]] static expression_value ratio(decimal numerator, decimal denominator);
  [[nodiscard]] static expression_value boolean(bool value) noexcept;
  [[nodiscard]] static expression_value absent() noexcept { return {}; }
  [[nodiscard]] static expression_value undefined() noexcept;

  [[nodiscard]] kind which() const noexcept { return kind_; }
  [[nodiscard]] bool is_number() const noexcept { return kind_ == kind::number; }
  [[nodiscard]] bool is_boolean() const noexcept { return kind_ == kind::boolean; }
  [[nodiscard]] bool is_absent() const noexcept { return kind_ == kind::absent; }
  [[nodiscard]] bool is_undefined() const noexcept { return kind_ == kind::undefined; }

  /// A number's exact numerator and (positive) denominator; argument_error for other kinds.
  [[nodiscard]] const decimal& numerator() const&;
  const decimal& numerator() const&& = delete;  // a reference into a temporary would dangle
  [[nodiscard]] const decimal& denominator() const&;
  const decimal& denominator() const&& = delete;  // a reference into a temporary would dangle
  /// A number with a finite decimal expansion (up to 32 decimals: 1/4 → 0.25), else std::nullopt.
  [[nodiscard]] std::optional<decimal> exact() const;
  /// A number rounded once to `scale` decimals with `mode`; argument_error for other kinds.
  [[nodiscard]] decimal rounded(int scale, rounding mode) const;
  /// A condition's truth; argument_error for other kinds.
  [[nodiscard]] bool truth() const;

  /// "19.51", "13676/14019" (a ratio without a finite decimal expansion), "true", "absent", "undefined".
  [[nodiscard]] std::string to_string() const;

  /// Same kind and, for numbers, the same value (2/4 == 1/2 == 0.5); booleans by truth.
  friend CCHC_EXPORT bool operator==(const expression_value& a, const expression_value& b);
  friend bool operator!=(const expression_value& a, const expression_value& b) { return !(a == b); }

 private:
  kind kind_ = kind::absent;
  bool truth_ = false;
  decimal numerator_;
  decimal denominator_{1};
};

/// Exact order of two numbers (ratios compared by cross-multiplication): -1, 0 or 1. The one
/// comparison used by expressions, scorecard bands and grades, and ranking. argument_error unless
/// both are numbers.
[[nodiscard]] CCHC_EXPORT int compare(const expression_value& a, const expression_value& b);

/// A parsed, checked expression. Cheap to copy (the parsed tree is shared and immutable).
class CCHC_EXPORT expression {
 public:
  enum class type : std::uint8_t { number, boolean };

  /// Parses and type-checks `text`; any figure name is allowed.
  [[nodiscard]] static expression parse(std::string_view text);
  /// Same, and every figure name must be one of `known_names` (else lookup_error with the nearest).
  [[nodiscard]] static expression parse(std::string_view text, const std::vector<std::string>& known_names);

  [[nodiscard]] const std::string& text() const& noexcept;
  [[nodiscard]] std::string text() const&& { return text(); }  // a temporary's text is copied, never dangling
  [[nodiscard]] type result_type() const noexcept;
  /// The figure names the expression reads, sorted, each once.
  [[nodiscard]] const std::vector<std::string>& names() const& noexcept;
  /// On a temporary (`for (auto& n : expression::parse(t).names())`) a copy, so that nothing dangles.
  [[nodiscard]] std::vector<std::string> names() const&& { return names(); }
  /// Whether it uses mean/sum/count/rank (then evaluate it over the whole population).
  [[nodiscard]] bool uses_population() const noexcept;

  /// For one unit; population functions see this unit as the whole population.
  [[nodiscard]] expression_value evaluate(const figures& unit) const;
  /// For every unit of a population, in order (population aggregates computed once each).
  [[nodiscard]] std::vector<expression_value> evaluate_all(const std::vector<figures>& population) const;
  [[nodiscard]] std::vector<expression_value> evaluate_all(const std::vector<const figures*>& population) const;

  struct impl;

 private:
  friend class bound_expression;
  explicit expression(std::shared_ptr<const impl> p) noexcept : impl_(std::move(p)) {}
  std::shared_ptr<const impl> impl_;
};

/// An expression whose figure names are resolved once to positions in a list of names (the slots a
/// scorer gathers for each unit with figures::gather), so that evaluating it for many units reads an
/// array instead of hashing every name again. Same values as expression::evaluate, bit for bit: it is
/// the same evaluator reading the same figures, only found by position.
///
///     const std::vector<std::string> slots{"totalOnTime", "totalReceived"};
///     cchc::bound_expression b(cchc::expression::parse("ratio(totalOnTime, totalReceived)"), slots);
///     std::vector<const cchc::figure*> row;
///     unit.gather(slots, row);          // one look-up per name, for every expression bound to slots
///     b.evaluate(row);                  // == expression::evaluate(unit)
class CCHC_EXPORT bound_expression {
 public:
  /// Binds `e` to `slot_names`; every name `e` reads must be one of them (else cchc::lookup_error).
  bound_expression(expression e, const std::vector<std::string>& slot_names);

  [[nodiscard]] const expression& source() const& noexcept { return e_; }
  const expression& source() const&& = delete;  // a reference into a temporary would dangle
  /// For one unit: `slots[i]` is its figure named slot_names[i], nullptr when absent (a vector shorter
  /// than slot_names is an argument_error). Population functions see this unit as the whole population.
  [[nodiscard]] expression_value evaluate(const std::vector<const figure*>& slots) const;

 private:
  expression e_;
  std::vector<int> slot_of_node_;  // per node of the parsed tree: its slot (name nodes), else -1
  std::size_t slots_needed_ = 0;   // 1 + the largest slot read
};

/// Parse and evaluate once: cchc::evaluate("a / b", f).
[[nodiscard]] CCHC_EXPORT expression_value evaluate(std::string_view text, const figures& unit);

/// The known names closest to `name` (edit distance), nearest first, at most `limit` — for messages.
[[nodiscard]] CCHC_EXPORT std::vector<std::string> nearest_names(std::string_view name, const std::vector<std::string>& known,
                                                     std::size_t limit = 3);

}  // namespace cchc
