// Evaluating cchc expressions exactly: numbers are ratios of exact decimals (see cchc/expression.hpp).
#include <algorithm>
#include <unordered_map>

#include "cchc/error.hpp"
#include "cchc/expression.hpp"
#include "expression/tree.hpp"

namespace cchc {

// --- values ----------------------------------------------------------------------------------------

expression_value expression_value::number(decimal value) {
  expression_value v;
  v.kind_ = kind::number;
  v.numerator_ = std::move(value);
  return v;
}

expression_value expression_value::ratio(decimal numerator, decimal denominator) {
  if (denominator.is_zero()) return undefined();
  if (denominator.signum() < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  expression_value v;
  v.kind_ = kind::number;
  if (denominator == decimal(1)) {
    v.numerator_ = std::move(numerator);
    return v;
  }
  // Trailing zeros carry no meaning inside a ratio; dropping them keeps products' scales small.
  v.numerator_ = numerator.trimmed();
  v.denominator_ = denominator.trimmed();
  return v;
}

expression_value expression_value::boolean(bool value) noexcept {
  expression_value v;
  v.kind_ = kind::boolean;
  v.truth_ = value;
  return v;
}

expression_value expression_value::undefined() noexcept {
  expression_value v;
  v.kind_ = kind::undefined;
  return v;
}

namespace {
const char* kind_name(expression_value::kind k) {
  switch (k) {
    case expression_value::kind::number: return "a number";
    case expression_value::kind::boolean: return "a condition";
    case expression_value::kind::absent: return "absent (a figure it reads is missing)";
    case expression_value::kind::undefined: return "undefined (a division by zero)";
  }
  return "?";
}
}  // namespace

const decimal& expression_value::numerator() const& {
  if (!is_number()) throw argument_error(std::string("expression_value::numerator(): the value is ") + kind_name(kind_));
  return numerator_;
}

const decimal& expression_value::denominator() const& {
  if (!is_number()) throw argument_error(std::string("expression_value::denominator(): the value is ") + kind_name(kind_));
  return denominator_;
}

std::optional<decimal> expression_value::exact() const {
  if (!is_number()) return std::nullopt;
  if (denominator_ == decimal(1)) return numerator_;
  // A quotient with a finite decimal expansion (up to 32 decimals) is a plain number: (1/3) * 3 is 1,
  // 1/4 is 0.25; only the others (2/3, 13676/14019) stay ratios. Checked here, on demand, not after
  // every operation (the 32-digit division is the expensive part of a ratio).
  const auto a = numerator_.small_coefficient();
  const auto b = denominator_.small_coefficient();
  if (a && b && *b > 0) {
    // Fast path (64-bit coefficients). Write b = 2^i × 5^j × b' with b' prime to 10: a/b terminates iff
    // b' divides a (the reduced denominator's part prime to 10 is b' / gcd(a, b')) — one remainder
    // instead of a Euclid loop of them. The reduced denominator b / gcd(a, b) then keeps the 2s and 5s
    // of b that a does not cancel, and max(twos, fives) more decimals (plus the scales' difference)
    // hold the quotient exactly.
    std::uint64_t x = *a < 0 ? 0 - static_cast<std::uint64_t>(*a) : static_cast<std::uint64_t>(*a);
    std::uint64_t rest = static_cast<std::uint64_t>(*b);
    int twos = 0, fives = 0;
    while (rest % 2 == 0) rest /= 2, ++twos;
    while (rest % 5 == 0) rest /= 5, ++fives;
    if (x % rest != 0) return std::nullopt;
    if (x != 0) {  // 0 / b is 0: gcd(0, b) = b cancels everything
      for (; twos > 0 && x % 2 == 0; x /= 2) --twos;
      for (; fives > 0 && x % 5 == 0; x /= 5) --fives;
    } else {
      twos = fives = 0;
    }
    const int digits = std::max(twos, fives) + numerator_.scale() - denominator_.scale();
    return decimal::divide(numerator_, denominator_, std::max(0, digits), rounding::toward_zero).trimmed();
  }
  decimal quotient = decimal::divide(numerator_, denominator_, 32, rounding::toward_zero);
  if (quotient * denominator_ == numerator_) return quotient.trimmed();
  return std::nullopt;
}

decimal expression_value::rounded(int scale, rounding mode) const {
  if (!is_number()) throw argument_error(std::string("expression_value::rounded(): the value is ") + kind_name(kind_));
  return decimal::divide(numerator_, denominator_, scale, mode);
}

bool expression_value::truth() const {
  if (!is_boolean()) throw argument_error(std::string("expression_value::truth(): the value is ") + kind_name(kind_));
  return truth_;
}

std::string expression_value::to_string() const {
  switch (kind_) {
    case kind::number:
      if (auto e = exact()) return e->to_string();
      return numerator_.to_string() + "/" + denominator_.to_string();
    case kind::boolean: return truth_ ? "true" : "false";
    case kind::absent: return "absent";
    case kind::undefined: return "undefined";
  }
  return "?";
}

bool operator==(const expression_value& a, const expression_value& b) {
  if (a.kind_ != b.kind_) return false;
  if (a.is_boolean()) return a.truth_ == b.truth_;
  if (a.is_number()) return a.numerator_ * b.denominator_ == b.numerator_ * a.denominator_;
  return true;
}

int compare(const expression_value& a, const expression_value& b) {
  // Sign of a − b; denominators are positive, so cross-multiplying keeps the order.
  return (a.numerator() * b.denominator() - b.numerator() * a.denominator()).signum();
}

// --- evaluation ------------------------------------------------------------------------------------

namespace {

using expr::node;
using expr::op;
using value = expression_value;

value add(const value& a, const value& b, bool subtract) {
  const decimal bn = subtract ? -b.numerator() : b.numerator();
  if (a.denominator() == b.denominator()) return value::ratio(a.numerator() + bn, a.denominator());
  return value::ratio(a.numerator() * b.denominator() + bn * a.denominator(), a.denominator() * b.denominator());
}

value multiply(const value& a, const value& b) {
  return value::ratio(a.numerator() * b.numerator(), a.denominator() * b.denominator());
}

value divide(const value& a, const value& b) {
  if (b.numerator().is_zero()) return value::undefined();
  return value::ratio(a.numerator() * b.denominator(), a.denominator() * b.numerator());
}


value from_figure(const figure& f) {
  if (!f.is_rate()) return value::number(f.number());
  const rate r = f.as_rate();
  return value::ratio(r.numerator(), r.denominator());
}

class evaluator {
 public:
  evaluator(const expression::impl& e, const std::vector<const figures*>& population) : e_(e), pop_(population) {}
  // A bound evaluation (cchc::bound_expression): one unit, its figures found by position.
  evaluator(const expression::impl& e, const std::vector<const figures*>& population, const int* slot_of_node,
            const figure* const* slots)
      : e_(e), pop_(population), slot_of_node_(slot_of_node), slots_(slots) {}

  value eval(int index, std::size_t unit) {
    const node& n = e_.nodes[static_cast<std::size_t>(index)];
    switch (n.kind) {
      case op::number: return value::number(n.value);
      case op::boolean: return value::boolean(n.truth);
      case op::name: {
        const figure* f = slots_ ? slots_[slot_of_node_[index]] : pop_[unit]->find(n.name);
        return f ? from_figure(*f) : value::absent();
      }
      case op::neg: {
        value a = eval(n.args[0], unit);
        return a.is_number() ? value::ratio(-a.numerator(), a.denominator()) : a;
      }
      case op::add:
      case op::sub:
      case op::mul:
      case op::div: {
        const value a = eval(n.args[0], unit);
        if (!a.is_number()) return a;  // absent or undefined: the leftmost wins
        const value b = eval(n.args[1], unit);
        if (!b.is_number()) return b;
        if (n.kind == op::mul) return multiply(a, b);
        if (n.kind == op::div) return divide(a, b);
        return add(a, b, n.kind == op::sub);
      }
      case op::ratio: {
        const value a = eval(n.args[0], unit);
        if (!a.is_number()) return a;
        const value b = eval(n.args[1], unit);
        if (!b.is_number()) return b;
        return divide(a, b);
      }
      case op::eq:
      case op::ne:
      case op::lt:
      case op::le:
      case op::gt:
      case op::ge: {
        const value a = eval(n.args[0], unit);
        if (!a.is_number() && !a.is_boolean()) return a;
        const value b = eval(n.args[1], unit);
        if (!b.is_number() && !b.is_boolean()) return b;
        if (a.is_boolean()) return value::boolean((a.truth() == b.truth()) == (n.kind == op::eq));
        const int c = compare(a, b);
        switch (n.kind) {
          case op::eq: return value::boolean(c == 0);
          case op::ne: return value::boolean(c != 0);
          case op::lt: return value::boolean(c < 0);
          case op::le: return value::boolean(c <= 0);
          case op::gt: return value::boolean(c > 0);
          default: return value::boolean(c >= 0);
        }
      }
      case op::and_:
      case op::or_: {
        // Three-valued: false and X = false, true or X = true, whatever X is.
        const bool is_and = n.kind == op::and_;
        const value a = eval(n.args[0], unit);
        if (a.is_boolean() && a.truth() != is_and) return a;
        const value b = eval(n.args[1], unit);
        if (b.is_boolean() && b.truth() != is_and) return b;
        if (!a.is_boolean()) return a;
        return b;  // a is the neutral truth value: the result is b (true/false, absent or undefined)
      }
      case op::not_: {
        const value a = eval(n.args[0], unit);
        return a.is_boolean() ? value::boolean(!a.truth()) : a;
      }
      case op::if_: {
        const value c = eval(n.args[0], unit);
        if (!c.is_boolean()) return c;
        return eval(n.args[c.truth() ? 1 : 2], unit);
      }
      case op::min:
      case op::max: {
        value best = eval(n.args[0], unit);
        if (!best.is_number()) return best;
        for (std::size_t i = 1; i < n.args.size(); ++i) {
          const value v = eval(n.args[i], unit);
          if (!v.is_number()) return v;
          const int c = compare(v, best);
          if (n.kind == op::min ? c < 0 : c > 0) best = v;
        }
        return best;
      }
      case op::abs: {
        const value a = eval(n.args[0], unit);
        if (!a.is_number() || a.numerator().signum() >= 0) return a;
        return value::ratio(-a.numerator(), a.denominator());
      }
      case op::round: {
        const value a = eval(n.args[0], unit);
        if (!a.is_number()) return a;
        return value::number(a.rounded(n.scale, n.mode));
      }
      case op::present: {
        const value a = eval(n.args[0], unit);
        return value::boolean(a.is_number() || a.is_boolean());
      }
      case op::coalesce: {
        value first;
        for (std::size_t i = 0; i < n.args.size(); ++i) {
          value v = eval(n.args[i], unit);
          if (v.is_number() || v.is_boolean()) return v;
          if (i == 0) first = v;
        }
        return first;
      }
      case op::mean:
      case op::sum:
      case op::count: return aggregate(index, n);
      case op::rank: return rank(index, n, unit);
    }
    return value::absent();
  }

 private:
  // mean/sum/count over the population, computed once per node.
  value aggregate(int index, const node& n) {
    if (auto it = aggregates_.find(index); it != aggregates_.end()) return it->second;
    value total = value::number(decimal(0));
    std::int64_t count = 0;
    for (std::size_t u = 0; u < pop_.size(); ++u) {
      const value v = eval(n.args[0], u);
      if (!v.is_number()) continue;
      total = add(total, v, false);
      ++count;
    }
    value result;
    if (n.kind == op::count) result = value::number(decimal(count));
    else if (count == 0) result = value::absent();
    else if (n.kind == op::sum) result = total;
    else result = divide(total, value::number(decimal(count)));
    aggregates_.emplace(index, result);
    return result;
  }

  // Competition ranking, highest first: 1 + the number of units with a strictly greater value.
  value rank(int index, const node& n, std::size_t unit) {
    auto it = sorted_.find(index);
    if (it == sorted_.end()) {
      std::vector<value> values;
      for (std::size_t u = 0; u < pop_.size(); ++u) {
        value v = eval(n.args[0], u);
        if (v.is_number()) values.push_back(std::move(v));
      }
      std::sort(values.begin(), values.end(), [](const value& a, const value& b) { return compare(a, b) > 0; });
      it = sorted_.emplace(index, std::move(values)).first;
    }
    const value mine = eval(n.args[0], unit);
    if (!mine.is_number()) return mine;
    const auto& values = it->second;
    const auto first_not_greater = std::partition_point(values.begin(), values.end(),
                                                        [&](const value& v) { return compare(v, mine) > 0; });
    return value::number(decimal(static_cast<std::int64_t>(first_not_greater - values.begin()) + 1));
  }

  const expression::impl& e_;
  const std::vector<const figures*>& pop_;
  const int* slot_of_node_ = nullptr;
  const figure* const* slots_ = nullptr;
  std::unordered_map<int, value> aggregates_;
  std::unordered_map<int, std::vector<value>> sorted_;
};

}  // namespace

expression_value expression::evaluate(const figures& unit) const {
  const std::vector<const figures*> population{&unit};
  return evaluator(*impl_, population).eval(impl_->root, 0);
}

std::vector<expression_value> expression::evaluate_all(const std::vector<const figures*>& population) const {
  for (std::size_t i = 0; i < population.size(); ++i)
    if (!population[i]) throw argument_error("expression::evaluate_all: unit " + std::to_string(i) + " is a null pointer");
  evaluator ev(*impl_, population);
  std::vector<expression_value> out;
  out.reserve(population.size());
  for (std::size_t u = 0; u < population.size(); ++u) out.push_back(ev.eval(impl_->root, u));
  return out;
}

std::vector<expression_value> expression::evaluate_all(const std::vector<figures>& population) const {
  std::vector<const figures*> pointers;
  pointers.reserve(population.size());
  for (const auto& f : population) pointers.push_back(&f);
  return evaluate_all(pointers);
}

bound_expression::bound_expression(expression e, const std::vector<std::string>& slot_names) : e_(std::move(e)) {
  const auto& nodes = e_.impl_->nodes;
  slot_of_node_.assign(nodes.size(), -1);
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].kind != op::name) continue;
    const auto it = std::find(slot_names.begin(), slot_names.end(), nodes[i].name);
    if (it == slot_names.end())
      throw lookup_error("bound_expression: `" + e_.text() + "` reads '" + nodes[i].name +
                         "', which is not among the " + std::to_string(slot_names.size()) + " slot names");
    slot_of_node_[i] = static_cast<int>(it - slot_names.begin());
    slots_needed_ = std::max(slots_needed_, static_cast<std::size_t>(slot_of_node_[i]) + 1);
  }
}

expression_value bound_expression::evaluate(const std::vector<const figure*>& slots) const {
  if (slots.size() < slots_needed_)
    throw argument_error("bound_expression::evaluate: " + std::to_string(slots.size()) + " slots given, " +
                         std::to_string(slots_needed_) + " needed");
  // A population of one empty unit: population functions evaluate their argument for unit 0, which
  // reads the slots (the unit is the whole population, as in expression::evaluate).
  static const figures none;
  static const std::vector<const figures*> population{&none};  // read-only: shared by threads
  return evaluator(*e_.impl_, population, slot_of_node_.data(), slots.data()).eval(e_.impl_->root, 0);
}

expression_value evaluate(std::string_view text, const figures& unit) { return expression::parse(text).evaluate(unit); }

}  // namespace cchc
