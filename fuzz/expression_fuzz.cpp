// Fuzz target "expression": the exact expression language (cchc/expression.hpp), parsed and then
// evaluated over a small population with figures of every kind (numbers, rates, zero denominators,
// absent names). Invariants: evaluation never throws on data (only overflow_error beyond the decimal
// limits), evaluate and evaluate_all agree for a population of one, a value's kind matches the type.
#include "cchc/error.hpp"
#include "cchc/expression.hpp"
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cchc::expression e = cchc::expression::parse("0");
  try {
    e = cchc::expression::parse(cchc_fuzz::text_of(data, size));
  } catch (const cchc::error&) {
    return 0;
  }
  std::vector<cchc::figures> units(3);
  const char* names[] = {"a", "b", "c", "x.numerator", "x.denominator", "r", "totalOnTime", "totalReceived"};
  int k = 0;
  for (auto& u : units) {
    for (const char* n : names) u.set(n, cchc::decimal(k++ % 7 - 2));
    u.set("r", cchc::rate(k % 5, k % 3));  // some with a zero denominator
    u.set("p", cchc::decimal::parse("0.95"));
  }
  units[2].erase("b");  // absent for one unit
  try {
    const auto all = e.evaluate_all(units);
    CCHC_FUZZ_CHECK(all.size() == units.size());
    for (const auto& v : all) {
      if (v.is_number()) CCHC_FUZZ_CHECK(e.result_type() == cchc::expression::type::number);
      if (v.is_boolean()) CCHC_FUZZ_CHECK(e.result_type() == cchc::expression::type::boolean);
      (void)v.to_string();
      if (v.is_number()) (void)v.rounded(2, cchc::rounding::half_even);
    }
    if (!e.uses_population()) CCHC_FUZZ_CHECK(e.evaluate(units[0]) == all[0]);
  } catch (const cchc::overflow_error&) {
    // numbers beyond 10^1000 or scale 400: a documented answer
  }
  return 0;
}
