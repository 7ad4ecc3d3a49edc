// cchc/figures.hpp — a unit's figures: named exact numbers that indicators and scorecards read.
//
// A figure is either a number (a count, an amount: an exact cchc::decimal) or a rate kept as numerator
// and denominator (cchc::rate), so that rolling units up stays a ratio of sums. Names are dotted
// ("one_stop.received", "PUBLIC_CONTENT_FULL.numerator", "totalOnTime"). A name that is not set is
// *absent* — never zero: an expression that reads an absent figure yields an absent result.
//
//     cchc::figures f;
//     f.set("totalOnTime", 13676);
//     f.set("totalReceived", 14019);
//     f.set("ELECTRONIC_CERTIFIED_COPY.ratio", cchc::decimal::parse("100"));
//     f.find("totalOnTime");          // a figure holding 13676
//     f.find("missing");              // nullptr: absent
#pragma once

#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <string>
#include <unordered_map>
#include <string_view>
#include <variant>
#include <vector>

#include "cchc/decimal.hpp"
#include "cchc/rate.hpp"

namespace cchc {

/// One named value: a number or a rate (numerator / denominator, the denominator possibly 0).
class CCHC_EXPORT figure {
 public:
  figure(decimal number) : value_(std::move(number)) {}  // NOLINT(google-explicit-constructor)
  template <class I, class = std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool>>>
  figure(I count) : value_(decimal(count)) {}  // NOLINT(google-explicit-constructor): lossless
  figure(rate r) : value_(std::move(r)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool is_rate() const noexcept { return std::holds_alternative<rate>(value_); }
  /// The number; a cchc::argument_error for a rate (use as_rate()).
  [[nodiscard]] const decimal& number() const&;
  const decimal& number() const&& = delete;  // a reference into a temporary would dangle
  /// The value as a rate: a number n is n / 1.
  [[nodiscard]] rate as_rate() const;

  friend bool operator==(const figure& a, const figure& b) { return a.value_ == b.value_; }
  friend bool operator!=(const figure& a, const figure& b) { return !(a == b); }

 private:
  std::variant<decimal, rate> value_;
};

/// "13676", "13676/14019" (a rate) — for messages and explanations.
[[nodiscard]] CCHC_EXPORT std::string to_string(const figure& f);

/// The figures of one unit: name → figure (a hash table: scoring looks names up millions of times).
class CCHC_EXPORT figures {
 public:
  figures() = default;

  /// Sets (or replaces) a figure. An empty name is an argument_error.
  figures& set(std::string name, figure value);
  /// Removes a figure (it becomes absent).
  figures& erase(std::string_view name);

  /// The figure, or nullptr when absent.
  [[nodiscard]] const figure* find(const std::string& name) const&;
  [[nodiscard]] const figure* find(std::string_view name) const& { return find(std::string(name)); }
  [[nodiscard]] const figure* find(const char* name) const& { return find(std::string(name)); }
  const figure* find(const std::string& name) const&& = delete;  // a pointer into a temporary would dangle
  const figure* find(std::string_view name) const&& = delete;
  const figure* find(const char* name) const&& = delete;
  [[nodiscard]] bool contains(std::string_view name) const { return find(name) != nullptr; }
  [[nodiscard]] std::size_t size() const noexcept { return values_.size(); }
  [[nodiscard]] bool empty() const noexcept { return values_.empty(); }
  /// The names, sorted.
  [[nodiscard]] std::vector<std::string> names() const;
  /// The figures named `names`, by position: out[i] = find(names[i]) (nullptr when absent). One
  /// look-up per name for a unit, so that evaluators bound to these positions (cchc::bound_expression,
  /// scorecard scoring) read an array afterwards. `out` is resized; its storage is reused across units.
  void gather(const std::vector<std::string>& names, std::vector<const figure*>& out) const;

  friend bool operator==(const figures& a, const figures& b) { return a.values_ == b.values_; }
  friend bool operator!=(const figures& a, const figures& b) { return !(a == b); }

 private:
  std::unordered_map<std::string, figure> values_;
};

}  // namespace cchc
