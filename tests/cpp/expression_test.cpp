// cchc/expression.hpp: the exact expression language. Expected values are computed independently
// with Python's fractions.Fraction and decimal (ROUND_HALF_UP) — the commands are in the comments.
#include "cchc/expression.hpp"

#include <doctest/doctest.h>

#include "cchc/error.hpp"

using cchc::decimal;
using cchc::evaluate;
using cchc::expression;
using cchc::expression_value;
using cchc::figures;
using cchc::rounding;

namespace {
decimal dec(const char* s) { return decimal::parse(s); }

figures timeliness() {
  figures f;
  f.set("totalOnTime", 13676).set("totalReceived", 14019);
  return f;
}

template <class E>
std::string message_of(const std::string& text, const std::vector<std::string>* known = nullptr) {
  try {
    if (known) (void)expression::parse(text, *known);
    else (void)expression::parse(text);
  } catch (const E& e) {
    return e.what();
  }
  return "(no error)";
}
}  // namespace

TEST_CASE("expression: the 766 timeliness score is exact until round") {
  // Fraction(20) * Fraction(13676, 14019) = 19.51066409872316…
  const auto e = expression::parse("round(20 * totalOnTime / totalReceived, 2, half_away_from_zero)");
  const auto v = e.evaluate(timeliness());
  REQUIRE(v.exact());
  CHECK(v.exact()->to_string() == "19.51");
  CHECK(e.names() == std::vector<std::string>{"totalOnTime", "totalReceived"});
  CHECK(e.result_type() == expression::type::number);
  const auto raw = evaluate("20 * totalOnTime / totalReceived", timeliness());
  CHECK_FALSE(raw.exact());  // 273520/14019 is not a whole decimal: it stays a ratio
  CHECK(raw.numerator() * decimal(14019) == decimal(273520) * raw.denominator());
  CHECK(raw.rounded(4, rounding::half_even).to_string() == "19.5107");
}

TEST_CASE("expression: division is exact, so 1/3 + 1/6 is exactly 1/2") {
  const auto v = evaluate("1/3 + 1/6", {});
  CHECK(v == expression_value::ratio(1, 2));
  CHECK(v == evaluate("0.5", {}));
  CHECK(evaluate("(1/3) * 3", {}).exact() == decimal(1));
  CHECK(evaluate("1/3 * 3 == 1", {}).truth());
}

TEST_CASE("expression: the 766 payment formula rounds each term, then adds") {
  // A = 37/50, B = 9/10, C = 1/3: r2(6A) + r2(min(2, 2.5B)) + r2(2.5C) = 4.44 + 2.00 + 0.83 = 7.27
  figures f;
  f.set("A.n", 37).set("A.d", 50).set("B.n", 9).set("B.d", 10).set("C.n", 1).set("C.d", 3);
  const auto e = expression::parse(
      "round(6 * A.n / A.d, 2, half_away_from_zero) + round(min(2, 2.5 * B.n / B.d), 2, half_away_from_zero)"
      " + round(2.5 * C.n / C.d, 2, ROUND_HALF_UP)");
  CHECK(e.evaluate(f).exact()->to_string() == "7.27");
}

TEST_CASE("expression: percent literals and linear-to-a-threshold leaves") {
  // min(2, 2 × 0.7 / 0.8) = 1.75 (REUSED_DIGITIZED_DATA: full points at 80 %)
  figures f;
  f.set("REUSED_DIGITIZED_DATA.numerator", 7).set("REUSED_DIGITIZED_DATA.denominator", 10);
  const auto v = evaluate("min(2, 2 * REUSED_DIGITIZED_DATA.numerator / REUSED_DIGITIZED_DATA.denominator / 80%)", f);
  CHECK(v == evaluate("1.75", {}));
  CHECK(evaluate("80%", {}).exact()->to_string() == "0.80");
  CHECK(evaluate("12.5%", {}).exact()->to_string() == "0.125");
}

TEST_CASE("expression: absent figures are never zero") {
  figures f;
  f.set("a", 5);
  CHECK(evaluate("a + b", f).is_absent());
  CHECK(evaluate("b * 0", f).is_absent());
  CHECK(evaluate("b > 1", f).is_absent());
  CHECK(evaluate("present(b)", f).truth() == false);
  CHECK(evaluate("present(a)", f).truth());
  CHECK(evaluate("coalesce(b, a, 7)", f) == evaluate("5", {}));
  CHECK(evaluate("if(present(b), b, 0)", f) == evaluate("0", {}));
  // three-valued logic: false and X is false, true or X is true
  CHECK(evaluate("a > 9 and b > 1", f).truth() == false);
  CHECK(evaluate("a > 1 or b > 1", f).truth());
  CHECK(evaluate("a > 1 and b > 1", f).is_absent());
}

TEST_CASE("expression: a zero denominator is undefined, not zero, and the policy is the caller's") {
  figures f;
  f.set("n", 0).set("d", 0);
  CHECK(evaluate("n / d", f).is_undefined());
  CHECK(evaluate("ratio(n, d)", f).is_undefined());
  CHECK(evaluate("6 * ratio(n, d)", f).is_undefined());
  CHECK(evaluate("if(d == 0, 6, 6 * n / d)", f) == evaluate("6", {}));  // only the chosen branch runs
  f.set("r", cchc::rate(0, 0));
  CHECK(evaluate("r", f).is_undefined());
  f.set("q", cchc::rate(118, 119));
  CHECK(evaluate("q", f) == expression_value::ratio(118, 119));
}

TEST_CASE("expression: comparisons, min, max, abs, not") {
  figures f;
  f.set("x", dec("0.95")).set("y", -3);
  CHECK(evaluate("x >= 95%", f).truth());
  CHECK(evaluate("x > 95%", f).truth() == false);
  CHECK(evaluate("x != 0.950", f).truth() == false);  // values, not scales
  CHECK(evaluate("not (x < 1)", f).truth() == false);
  CHECK(evaluate("max(x, 1, y)", f) == evaluate("1", {}));
  CHECK(evaluate("min(x, 1, y)", f) == evaluate("-3", {}));
  CHECK(evaluate("abs(y)", f) == evaluate("3", {}));
  CHECK(evaluate("-y - -1", f) == evaluate("4", {}));
  CHECK(evaluate("true == (x > 0)", f).truth());
}

TEST_CASE("expression: precedence and associativity") {
  CHECK(evaluate("2 + 3 * 4", {}) == evaluate("14", {}));
  CHECK(evaluate("(2 + 3) * 4", {}) == evaluate("20", {}));
  CHECK(evaluate("10 - 4 - 3", {}) == evaluate("3", {}));
  CHECK(evaluate("12 / 3 / 2", {}) == evaluate("2", {}));
  CHECK(evaluate("1 < 2 and 2 < 3 or false", {}).truth());
  CHECK(evaluate("not false and false", {}).truth() == false);
}

TEST_CASE("expression: population functions see the set being scored") {
  std::vector<figures> units(4);
  units[0].set("rate", dec("0.90"));
  units[1].set("rate", dec("0.80"));
  units[2].set("rate", dec("0.90"));
  // units[3] has no rate: absent, not ranked, not in the mean
  const auto above = expression::parse("if(rate >= mean(rate), 2, 0)");
  CHECK(above.uses_population());
  const auto scored = above.evaluate_all(units);
  REQUIRE(scored.size() == 4);
  // mean = (0.90 + 0.80 + 0.90) / 3 = 0.8666…: 0.90 is above, 0.80 below
  CHECK(scored[0] == evaluate("2", {}));
  CHECK(scored[1] == evaluate("0", {}));
  CHECK(scored[2] == evaluate("2", {}));
  CHECK(scored[3].is_absent());
  const auto ranks = expression::parse("rank(rate)").evaluate_all(units);
  CHECK(ranks[0] == evaluate("1", {}));  // competition ranking: 1, 1, 3
  CHECK(ranks[2] == evaluate("1", {}));
  CHECK(ranks[1] == evaluate("3", {}));
  CHECK(ranks[3].is_absent());
  CHECK(expression::parse("count(rate)").evaluate_all(units)[3] == evaluate("3", {}));
  CHECK(expression::parse("sum(rate)").evaluate_all(units)[0] == evaluate("2.6", {}));
  CHECK(expression::parse("rank(-rate)").evaluate_all(units)[1] == evaluate("1", {}));  // lower is better
  CHECK(expression::parse("mean(rate)").evaluate(units[3]).is_absent());
}

TEST_CASE("expression: syntax errors name the line and column and what was expected") {
  const auto m = message_of<cchc::parse_error>("a +\n  * b");
  CHECK(m.find("line 2, column 3") != std::string::npos);
  CHECK(m.find("expected a number, a figure name, a function or '('") != std::string::npos);
  CHECK(message_of<cchc::parse_error>("(a + b").find("expected ')' to close the '(' at column 1") != std::string::npos);
  CHECK(message_of<cchc::parse_error>("a = b").find("expected '==' to compare") != std::string::npos);
  CHECK(message_of<cchc::parse_error>("a < b < c").find("one comparison at a time") != std::string::npos);
  CHECK(message_of<cchc::parse_error>("round(a, 2, sideways)").find("expected a rounding mode") != std::string::npos);
  CHECK(message_of<cchc::parse_error>("round(a, 1.5, half_even)").find("whole number of decimals") != std::string::npos);
  CHECK(message_of<cchc::parse_error>("min(a)").find("expected at least 2 arguments to min()") != std::string::npos);
  CHECK(message_of<cchc::parse_error>("").find("found the end of the expression") != std::string::npos);
  CHECK(message_of<cchc::parse_error>("tỷ_lệ").find("between backquotes") != std::string::npos);
  CHECK(message_of<cchc::parse_error>("a\xff").find("expected UTF-8") != std::string::npos);
  // columns count characters: "Đ" is one column although it is two bytes
  CHECK(message_of<cchc::parse_error>("`Đ` + )").find("line 1, column 7") != std::string::npos);
}

TEST_CASE("expression: type errors say which operand") {
  const auto m = message_of<cchc::parse_error>("a > 1 and b");
  CHECK(m.find("'and' needs a condition (true/false) on its right; found a number") != std::string::npos);
  CHECK(m.find("line 1, column 11") != std::string::npos);
  CHECK(message_of<cchc::parse_error>("(a > 1) + 2").find("'+' needs a number on its left") != std::string::npos);
  CHECK(message_of<cchc::parse_error>("if(a, 1, 2)").find("if() needs a condition (true/false) as its first argument") !=
        std::string::npos);
  CHECK(message_of<cchc::parse_error>("if(a > 1, 1, b > 2)").find("both branches of one kind") != std::string::npos);
}

TEST_CASE("expression: unknown names list the nearest known names") {
  const std::vector<std::string> known{"totalOnTime", "totalReceived", "totalOverdue"};
  const auto m = message_of<cchc::lookup_error>("totalOnTme / totalReceived", &known);
  CHECK(m.find("unknown figure 'totalOnTme'; did you mean 'totalOnTime'") != std::string::npos);
  CHECK(m.find("line 1, column 1:") != std::string::npos);
  CHECK(message_of<cchc::lookup_error>("nothing_like_it", &known).find("no known figure is close") != std::string::npos);
  CHECK(message_of<cchc::lookup_error>("maxx(1, 2)").find("unknown function 'maxx' (did you mean 'max'?)") !=
        std::string::npos);
  CHECK_NOTHROW((void)expression::parse("`totalOnTime` / totalReceived", known));
}

TEST_CASE("expression: deep nesting is an error, not a stack overflow") {
  const std::string deep = std::string(100000, '(') + "1" + std::string(100000, ')');
  CHECK_THROWS_AS((void)expression::parse(deep), cchc::parse_error);
  std::string chain = "1";
  for (int i = 0; i < 100000; ++i) chain += " + 1";  // a flat chain: a tall tree for the evaluator
  CHECK_THROWS_AS((void)expression::parse(chain), cchc::parse_error);
  const std::string fine = std::string(50, '(') + "1" + std::string(50, ')');
  CHECK(evaluate(fine, {}) == evaluate("1", {}));
}

TEST_CASE("expression: values report their kind and refuse the wrong accessor") {
  CHECK(evaluate("1 > 0", {}).to_string() == "true");
  CHECK(evaluate("2/6", {}).to_string() == "2/6");  // a ratio keeps its terms (like cchc::rate)
  CHECK(evaluate("6/3", {}).to_string() == "2");    // a finite quotient is a number
  CHECK(evaluate("1/4", {}).to_string() == "0.25");
  CHECK(evaluate("1.50", {}).to_string() == "1.50");
  CHECK(expression_value::absent().to_string() == "absent");
  CHECK_THROWS_AS((void)expression_value::absent().rounded(2, rounding::half_even), cchc::argument_error);
  CHECK_THROWS_AS((void)evaluate("1", {}).truth(), cchc::argument_error);
}
