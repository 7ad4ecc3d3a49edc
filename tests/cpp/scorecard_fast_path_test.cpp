// The fast scoring path (cchc::bound_expression over gathered slots, points-only and threaded
// scoring, decimal's 64-bit fast paths) against exact references, on random expressions, scorecards and
// figures that include values beyond 64 and 128 bits (property tests, fixed seeds):
//   * expressions: bound evaluation == expression::evaluate by name == an independent evaluator over
//     boost::multiprecision::cpp_rational written here;
//   * scorecards: every mode (explained or points only, 1–3 threads, scorecard::points) gives the same
//     table; each leaf's
//     value is the unbound expression's; linear leaves' points equal the exact oracle's.
#include "cchc/expression.hpp"
#include "cchc/scorecard.hpp"

#include <doctest/doctest.h>

#include <boost/multiprecision/cpp_int.hpp>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

using cchc::decimal;
using cchc::expression_value;
using cchc::figures;
using big = boost::multiprecision::cpp_int;

namespace {

// An exact rational over cpp_int, kept reduced with a positive denominator: the oracle's arithmetic,
// independent of cchc::decimal. (boost's cpp_rational trips g++ 12's -Wmaybe-uninitialized.)
struct rational {
  big n = 0, d = 1;
  rational() = default;
  rational(big num, big den = 1) : n(std::move(num)), d(std::move(den)) {  // NOLINT: an integer is a rational
    if (d < 0) n = -n, d = -d;
    const big g = boost::multiprecision::gcd(n, d);
    if (g > 1) n /= g, d /= g;
  }
  rational(int i) : rational(big(i)) {}  // NOLINT
  friend rational operator+(const rational& a, const rational& b) { return {a.n * b.d + b.n * a.d, a.d * b.d}; }
  friend rational operator-(const rational& a, const rational& b) { return {a.n * b.d - b.n * a.d, a.d * b.d}; }
  friend rational operator*(const rational& a, const rational& b) { return {a.n * b.n, a.d * b.d}; }
  friend rational operator/(const rational& a, const rational& b) { return {a.n * b.d, a.d * b.n}; }
  rational operator-() const { return {-n, d}; }
  friend bool operator<(const rational& a, const rational& b) { return a.n * b.d < b.n * a.d; }
  friend bool operator>(const rational& a, const rational& b) { return b < a; }
  friend bool operator==(const rational& a, const rational& b) { return a.n == b.n && a.d == b.d; }
};

struct rng {
  std::mt19937_64 gen;
  explicit rng(std::uint64_t seed) : gen(seed) {}
  int below(int n) { return static_cast<int>(gen() % static_cast<std::uint64_t>(n)); }
};

// A random exact value as text (plain style): small counts, decimals, and magnitudes around 2^63,
// 2^64, 2^127, 2^128 and 10^45, either sign.
std::string random_number(rng& r) {
  static const char* const edges[] = {"9223372036854775807", "9223372036854775808", "18446744073709551616",
                                      "170141183460469231731687303715884105727", "340282366920938463463374607431768211457",
                                      "1000000000000000000000000000000000000000000000", "4611686018427387904"};
  std::string s;
  switch (r.below(6)) {
    case 0: s = std::to_string(r.below(5)); break;
    case 1: s = std::to_string(r.below(100000)); break;
    case 2: s = std::to_string(r.below(100000)) + "." + std::to_string(r.below(1000)); break;
    case 3: s = edges[r.below(7)]; break;
    case 4: s = std::string(edges[r.below(7)]) + "." + std::to_string(r.below(100)); break;
    default: s = "0." + std::to_string(r.below(100000)); break;
  }
  return r.below(4) == 0 && s != "0" ? "-" + s : s;
}

rational to_rational(const decimal& d) {
  const auto p = d.to_parts();
  const big digits(p.digits);
  const big ten = 10;
  const rational v = p.exponent < 0 ? rational(digits, boost::multiprecision::pow(ten, static_cast<unsigned>(-p.exponent)))
                                    : rational(digits * boost::multiprecision::pow(ten, static_cast<unsigned>(p.exponent)));
  return p.negative ? -v : v;
}

// The oracle's value: a number, or absent / undefined (the leftmost non-number wins, as documented).
struct oval {
  enum { number, absent, undefined } kind = absent;
  rational v;
};

oval num(rational v) { return {oval::number, std::move(v)}; }

// round(x, scale, half_away_from_zero) exactly.
rational round_half_away(const rational& x, int scale) {
  const big p = boost::multiprecision::pow(big(10), static_cast<unsigned>(scale));
  const rational y = x * rational(p);
  const big& n = y.n;
  const big& d = y.d;
  big q = n / d;  // toward zero
  const big rem = n - q * d;
  if (rem * 2 >= d) ++q;
  else if (-rem * 2 >= d) --q;
  return rational(q, p);
}

// A random expression over names a0 … a4, with the oracle's evaluator for one unit beside it.
struct gen_expr {
  std::string text;
  std::function<oval(const std::vector<std::optional<rational>>&)> eval;
};

gen_expr random_expression(rng& r, int depth) {
  if (depth == 0 || r.below(4) == 0) {
    if (r.below(3) == 0) {
      std::string t = random_number(r);
      if (t[0] == '-') t = "(" + t + ")";
      const rational v = to_rational(decimal::parse(t[0] == '(' ? t.substr(1, t.size() - 2) : t, cchc::number_style::plain));
      return {t, [v](const auto&) { return num(v); }};
    }
    const int i = r.below(5);
    return {"a" + std::to_string(i), [i](const std::vector<std::optional<rational>>& f) {
              return f[static_cast<std::size_t>(i)] ? num(*f[static_cast<std::size_t>(i)]) : oval{};
            }};
  }
  gen_expr a = random_expression(r, depth - 1), b = random_expression(r, depth - 1);
  auto binary = [](gen_expr a, gen_expr b, std::string text, auto f) {
    return gen_expr{std::move(text), [ea = a.eval, eb = b.eval, f](const auto& x) {
                      const oval va = ea(x);
                      if (va.kind != oval::number) return va;
                      const oval vb = eb(x);
                      if (vb.kind != oval::number) return vb;
                      return f(va.v, vb.v);
                    }};
  };
  switch (r.below(9)) {
    case 0: return binary(a, b, "(" + a.text + " + " + b.text + ")", [](const rational& x, const rational& y) { return num(x + y); });
    case 1: return binary(a, b, "(" + a.text + " - " + b.text + ")", [](const rational& x, const rational& y) { return num(x - y); });
    case 2: return binary(a, b, "(" + a.text + " * " + b.text + ")", [](const rational& x, const rational& y) { return num(x * y); });
    case 3:
      return binary(a, b, r.below(2) ? "(" + a.text + " / " + b.text + ")" : "ratio(" + a.text + ", " + b.text + ")",
                    [](const rational& x, const rational& y) { return y == 0 ? oval{oval::undefined, {}} : num(x / y); });
    case 4: return binary(a, b, "min(" + a.text + ", " + b.text + ")", [](const rational& x, const rational& y) { return num(y < x ? y : x); });
    case 5: return binary(a, b, "max(" + a.text + ", " + b.text + ")", [](const rational& x, const rational& y) { return num(y > x ? y : x); });
    case 6: {
      const int scale = r.below(4);
      return {"round(" + a.text + ", " + std::to_string(scale) + ", half_away_from_zero)", [ea = a.eval, scale](const auto& x) {
                oval v = ea(x);
                if (v.kind == oval::number) v.v = round_half_away(v.v, scale);
                return v;
              }};
    }
    case 7:
      return {"abs(" + a.text + ")", [ea = a.eval](const auto& x) {
                oval v = ea(x);
                if (v.kind == oval::number && v.v < 0) v.v = -v.v;
                return v;
              }};
    default: {
      gen_expr c = random_expression(r, depth - 1);
      return {"if(" + a.text + " < " + b.text + ", " + c.text + ", " + a.text + ")",
              [ea = a.eval, eb = b.eval, ec = c.eval](const auto& x) {
                const oval va = ea(x);
                if (va.kind != oval::number) return va;
                const oval vb = eb(x);
                if (vb.kind != oval::number) return vb;
                return va.v < vb.v ? ec(x) : va;
              }};
    }
  }
}

}  // namespace

TEST_CASE("scorecard fast path: bound expressions equal evaluation by name and an exact rational oracle") {
  rng r(20261201);
  const std::vector<std::string> slots{"a4", "a0", "zz", "a3", "a1", "a2"};  // any order, extra names allowed
  int compared = 0, beyond_64 = 0;
  for (int e = 0; e < 400; ++e) {
    const gen_expr g = random_expression(r, 1 + r.below(4));
    const auto parsed = cchc::expression::parse(g.text);
    const cchc::bound_expression bound(parsed, slots);
    for (int k = 0; k < 8; ++k) {
      figures f;
      std::vector<std::optional<rational>> oracle_figures(5);
      for (int i = 0; i < 5; ++i) {
        if (r.below(8) == 0) continue;  // absent
        const decimal d = decimal::parse(random_number(r), cchc::number_style::plain);
        if (!d.small_coefficient()) ++beyond_64;
        f.set("a" + std::to_string(i), d);
        oracle_figures[static_cast<std::size_t>(i)] = to_rational(d);
      }
      std::vector<const cchc::figure*> row;
      f.gather(slots, row);
      CAPTURE(g.text);
      expression_value by_name, by_slot;
      try {
        by_name = parsed.evaluate(f);
      } catch (const cchc::overflow_error&) {
        // Past decimal's limits (10^1000, scale 400) both paths must refuse alike.
        CHECK_THROWS_AS((void)bound.evaluate(row), cchc::overflow_error);
        continue;
      }
      by_slot = bound.evaluate(row);
      REQUIRE(by_slot == by_name);
      REQUIRE(by_slot.to_string() == by_name.to_string());
      const oval want = g.eval(oracle_figures);
      if (want.kind == oval::absent) REQUIRE(by_slot.is_absent());
      else if (want.kind == oval::undefined) REQUIRE(by_slot.is_undefined());
      else {
        REQUIRE(by_slot.is_number());
        REQUIRE(to_rational(by_slot.numerator()) / to_rational(by_slot.denominator()) == want.v);
        // exact(): a decimal exactly when the reduced denominator has no prime factor but 2 and 5 (always
        // found when 32 decimals hold it, as documented; beyond that only by the 64-bit path).
        big den = want.v.d;
        int twos = 0, fives = 0;
        while (den % 2 == 0) den /= 2, ++twos;
        while (den % 5 == 0) den /= 5, ++fives;
        const auto ex = by_slot.exact();
        if (den == 1 && std::max(twos, fives) <= 32) REQUIRE(ex.has_value());
        if (ex) REQUIRE(to_rational(*ex) == want.v);
        if (den != 1) REQUIRE_FALSE(ex.has_value());
      }
      ++compared;
    }
  }
  CHECK(compared > 2500);
  CHECK(beyond_64 > 1000);  // the slow (big) paths were exercised, not only the 64-bit ones
}

TEST_CASE("bound_expression: a name outside the slots and too few slots are refused") {
  const auto e = cchc::expression::parse("a + b");
  CHECK_THROWS_AS(cchc::bound_expression(e, {"a"}), cchc::lookup_error);
  const cchc::bound_expression b(e, {"a", "b"});
  CHECK_THROWS_AS((void)b.evaluate({nullptr}), cchc::argument_error);
  figures f;
  f.set("a", 1);
  std::vector<const cchc::figure*> row;
  f.gather({"a", "b"}, row);
  CHECK(b.evaluate(row).is_absent());
}

namespace {

using cchc::leaf_rule;
using cchc::leaf_rule_kind;
using cchc::scorecard_node;

// A random scorecard over figures f0.n/f0.d … f7.n/f7.d, c0 … c3: every rule kind but manual and
// unknown, random zero-denominator and absent policies, grades and the not-scored policy.
cchc::scorecard_definition random_card(rng& r, int leaves) {
  cchc::scorecard_definition d;
  d.id = "random";
  d.not_scored = r.below(2) ? cchc::not_scored_policy::rescale : cchc::not_scored_policy::exclude;
  decimal total;
  for (int g = 0; g < 3; ++g) {
    scorecard_node group;
    group.id = "g" + std::to_string(g);
    decimal sum;
    for (int i = 0; i < leaves; ++i) {
      scorecard_node l;
      l.id = group.id + ".l" + std::to_string(i);
      l.max_points = decimal::scaled(1 + r.below(2000), r.below(3));
      leaf_rule rule;
      const int m = r.below(8);
      const std::string f = "f" + std::to_string(m);
      rule.value = "ratio(" + f + ".n, " + f + ".d)";
      switch (r.below(7)) {
        case 0:
        case 1: rule.kind = leaf_rule_kind::linear; break;
        case 2:
          rule.kind = leaf_rule_kind::linear_to_threshold;
          rule.threshold = decimal::scaled(1 + r.below(100), 2);
          break;
        case 3: {
          rule.kind = leaf_rule_kind::bands;
          rule.bands = {{decimal::scaled(90, 2), cchc::bound_side::at_or_above, l.max_points},
                        {decimal::scaled(50, 2), cchc::bound_side::above, decimal(0)}};
          break;
        }
        case 4:
          rule.kind = leaf_rule_kind::formula;
          rule.value = "c" + std::to_string(r.below(4)) + " * " + std::to_string(r.below(50)) + " / 7";
          rule.cap = r.below(2) != 0;
          break;
        case 5: rule.kind = leaf_rule_kind::relative_to_mean; break;
        default:
          rule.kind = leaf_rule_kind::yes_no;
          rule.value = f + ".n > c" + std::to_string(r.below(4));
          break;
      }
      rule.zero_denominator = static_cast<cchc::on_zero_denominator>(r.below(5));
      rule.absent = static_cast<cchc::on_absent>(r.below(3));
      if (r.below(3) == 0) rule.scale = r.below(4);
      if (r.below(3) == 0) rule.mode = cchc::all_roundings[static_cast<std::size_t>(r.below(7))];
      if (r.below(4) == 0) rule.inputs = {"c0", "extra"};
      l.rule = rule;
      sum += l.max_points;
      group.children.push_back(std::move(l));
    }
    group.max_points = sum;
    total += sum;
    d.groups.push_back(std::move(group));
  }
  d.max_points = total;
  d.grades_on_percent = r.below(2) != 0;
  d.grades = {{decimal(80), cchc::bound_side::at_or_above, "A"}, {decimal(50), cchc::bound_side::above, "B"}};
  return d;
}

std::vector<std::pair<std::string, figures>> random_units(rng& r, int n) {
  std::vector<std::pair<std::string, figures>> out;
  for (int u = 0; u < n; ++u) {
    figures f;
    for (int m = 0; m < 8; ++m) {
      const std::string k = "f" + std::to_string(m);
      if (r.below(10) == 0) continue;  // absent
      const int kind = r.below(6);
      if (kind == 0) {  // beyond 64 and 128 bits, a rate within 0 … 1
        const decimal big_d = decimal::parse(std::string("1") + std::string(static_cast<std::size_t>(19 + r.below(30)), '0'),
                                             cchc::number_style::plain) + decimal(r.below(1000));
        f.set(k + ".d", big_d).set(k + ".n", decimal::divide(big_d * decimal(r.below(101)), decimal(100), 0, cchc::rounding::floor));
      } else if (kind == 1) {
        f.set(k + ".d", 0).set(k + ".n", 0);  // zero denominator
      } else {
        const int d = 1 + r.below(100000);
        f.set(k + ".d", d).set(k + ".n", r.below(d + d / 4 + 1));  // sometimes above 100 %
      }
    }
    for (int c = 0; c < 4; ++c)
      if (r.below(8) != 0) f.set("c" + std::to_string(c), decimal::parse(random_number(r), cchc::number_style::plain));
    out.emplace_back("u" + std::to_string(u), std::move(f));
  }
  return out;
}

void require_same(const cchc::score_table& a, const cchc::score_table& b, bool explained) {
  REQUIRE(a.rows.size() == b.rows.size());
  for (std::size_t i = 0; i < a.rows.size(); ++i) {
    const auto& x = a.rows[i];
    const auto& y = b.rows[i];
    CAPTURE(i);
    REQUIRE(x.unit == y.unit);
    REQUIRE(x.id == y.id);
    REQUIRE(x.kind == y.kind);
    REQUIRE(x.depth == y.depth);
    REQUIRE(x.status == y.status);
    REQUIRE(x.points == y.points);
    REQUIRE(x.max_points == y.max_points);
    REQUIRE(x.partial_points == y.partial_points);
    REQUIRE(x.grade == y.grade);
    REQUIRE(x.rank == y.rank);
    if (explained) {
      REQUIRE(x.value == y.value);
      REQUIRE(x.rate_percent == y.rate_percent);
      REQUIRE(x.rule == y.rule);
      REQUIRE(x.inputs == y.inputs);
      REQUIRE(x.reason == y.reason);
    } else {
      REQUIRE(y.value.empty());
      REQUIRE(y.rule.empty());
      REQUIRE(y.inputs.empty());
      REQUIRE(y.reason.empty());
    }
  }
}

}  // namespace

TEST_CASE("scorecard fast path: every mode gives the same table, and values and linear points match exact references") {
  rng r(766212);
  int linear_checked = 0;
  for (int trial = 0; trial < 12; ++trial) {
    const auto card = cchc::scorecard::build(random_card(r, 4 + r.below(5)));
    const auto units = random_units(r, 1 + r.below(40));
    std::vector<const figures*> population;
    for (const auto& u : units) population.push_back(&u.second);

    const auto reference = card.score(units);
    for (const unsigned threads : {1u, 2u, 3u}) {
      require_same(reference, card.score(units, cchc::score_options{true, threads}), true);
      require_same(reference, card.score(units, cchc::score_options{false, threads}), false);
      // The compact points: each cell is its row's status, points and maximum; grades and ranks the totals'.
      const auto p = card.points(units, cchc::score_options{false, threads});
      REQUIRE(p.units.size() == units.size());
      REQUIRE(p.status.size() == reference.rows.size());
      for (std::size_t u = 0; u < units.size(); ++u) {
        REQUIRE(p.units[u] == units[u].first);
        for (std::size_t i = 0; i < p.ids.size(); ++i) {
          const auto& row = reference.rows[p.cell(u, i)];
          REQUIRE(p.ids[i] == row.id);
          REQUIRE(p.status[p.cell(u, i)] == row.status);
          REQUIRE(p.points[p.cell(u, i)] == row.points);
          REQUIRE(p.max_points[p.cell(u, i)] == row.max_points);
        }
        REQUIRE(p.grades[u] == reference.rows[p.cell(u, 0)].grade);
        REQUIRE(p.ranks[u] == reference.rows[p.cell(u, 0)].rank);
      }
    }

    // Each leaf's value is the unbound expression's (evaluated by name, leaf by leaf, over all units);
    // linear leaves' points are max × clamp(rate, 0, 1) rounded once, computed with rationals.
    const std::size_t per_unit = reference.rows.size() / units.size();
    std::size_t row = 1;  // rows per unit: total, then each group and its leaves
    for (const auto& g : card.definition().groups) {
      ++row;
      for (const auto& l : g.children) {
        const auto values = cchc::expression::parse(l.rule->value).evaluate_all(population);
        for (std::size_t u = 0; u < units.size(); ++u) {
          const auto& s = reference.rows[u * per_unit + row];
          REQUIRE(s.id == l.id);
          REQUIRE(s.value == values[u].to_string());
          const leaf_rule& rule = *l.rule;
          if (rule.kind == leaf_rule_kind::linear && values[u].is_number() && !rule.scale && !rule.mode) {
            rational rate = to_rational(values[u].numerator()) / to_rational(values[u].denominator());
            if (rate < 0) rate = 0;
            if (rate > 1) rate = 1;
            REQUIRE(s.points);
            REQUIRE(to_rational(*s.points) == round_half_away(to_rational(l.max_points) * rate, 2));
            ++linear_checked;
          }
        }
        ++row;
      }
    }
  }
  CHECK(linear_checked > 50);
}
