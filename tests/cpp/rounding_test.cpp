#include "cchc/rounding.hpp"

#include <doctest/doctest.h>

#include <boost/multiprecision/cpp_int.hpp>
#include <string>

#include "cchc/decimal.hpp"
#include "cchc/error.hpp"

using cchc::decimal;
using cchc::rounding;
using big = boost::multiprecision::cpp_int;

TEST_CASE("rounding: names round-trip and map to Python's decimal names") {
  CHECK(cchc::all_roundings.size() == 7);
  for (rounding r : cchc::all_roundings) {
    CHECK(cchc::parse_rounding(cchc::to_string(r)) == r);
    CHECK(cchc::parse_rounding(cchc::python_rounding_name(r)) == r);
  }
  CHECK(cchc::python_rounding_name(rounding::half_away_from_zero) == "ROUND_HALF_UP");
  CHECK(cchc::python_rounding_name(rounding::half_even) == "ROUND_HALF_EVEN");
  CHECK(cchc::python_rounding_name(rounding::half_toward_zero) == "ROUND_HALF_DOWN");
  CHECK(cchc::python_rounding_name(rounding::toward_zero) == "ROUND_DOWN");
  CHECK(cchc::python_rounding_name(rounding::away_from_zero) == "ROUND_UP");
  CHECK(cchc::python_rounding_name(rounding::floor) == "ROUND_FLOOR");
  CHECK(cchc::python_rounding_name(rounding::ceiling) == "ROUND_CEILING");
  CHECK(cchc::to_string(rounding::half_toward_zero) == "half_toward_zero");
  CHECK(cchc::is_nearest(rounding::half_even));
  CHECK_FALSE(cchc::is_nearest(rounding::floor));
}

TEST_CASE("rounding: unknown and ambiguous names are lookup errors") {
  CHECK_THROWS_AS((void)cchc::parse_rounding("banker"), cchc::lookup_error);
  CHECK_THROWS_AS((void)cchc::parse_rounding(""), cchc::lookup_error);
  CHECK_THROWS_AS((void)cchc::parse_rounding("ROUND_05UP"), cchc::lookup_error);
  try {
    (void)cchc::parse_rounding("half_up");
    FAIL("half_up must be rejected");
  } catch (const cchc::lookup_error& e) {
    const std::string m = e.what();
    CHECK(m.find("\"half_up\"") != std::string::npos);
    CHECK(m.find("ambiguous") != std::string::npos);
    CHECK(m.find("half_away_from_zero") != std::string::npos);
  }
}

TEST_CASE("rounding: the table of docs/numbers.md (golden values from Python's decimal module)") {
  // Produced with Python 3.11: Decimal(x).quantize(Decimal(1), rounding=ROUND_*) for each x.
  const char* inputs[] = {"2.5", "2.4", "-2.5", "-2.6"};
  struct row {
    rounding mode;
    const char* expected[4];
  } rows[] = {
      {rounding::half_away_from_zero, {"3", "2", "-3", "-3"}},
      {rounding::half_even, {"2", "2", "-2", "-3"}},
      {rounding::half_toward_zero, {"2", "2", "-2", "-3"}},
      {rounding::toward_zero, {"2", "2", "-2", "-2"}},
      {rounding::away_from_zero, {"3", "3", "-3", "-3"}},
      {rounding::floor, {"2", "2", "-3", "-3"}},
      {rounding::ceiling, {"3", "3", "-2", "-2"}},
  };
  for (const auto& r : rows) {
    for (int i = 0; i < 4; ++i) {
      CAPTURE(cchc::to_string(r.mode));
      CAPTURE(inputs[i]);
      CHECK(decimal::parse(inputs[i]).rescale(0, r.mode).to_string() == r.expected[i]);
    }
  }
}

namespace {
// Independent reference: works from the mathematical floor (Python-style division with a
// non-negative remainder) instead of the library's truncating quotient, on cpp_int.
big reference_round(const big& c, const big& d, rounding mode) {
  // c / d with d > 0.
  big fl = c / d;
  big rem = c % d;
  if (rem < 0) {  // C++ truncates toward zero; move to the floor
    fl -= 1;
    rem += d;
  }
  if (rem == 0) return fl;
  const big lo = fl;
  const big hi = fl + 1;
  const bool positive = c > 0;
  switch (mode) {
    case rounding::floor: return lo;
    case rounding::ceiling: return hi;
    case rounding::toward_zero: return positive ? lo : hi;
    case rounding::away_from_zero: return positive ? hi : lo;
    default: break;
  }
  const big twice = rem * 2;
  if (twice < d) return lo;
  if (twice > d) return hi;
  switch (mode) {
    case rounding::half_away_from_zero: return positive ? hi : lo;
    case rounding::half_toward_zero: return positive ? lo : hi;
    default: return (lo % 2 == 0) ? lo : hi;  // half_even
  }
}

big pow10(int n) {
  big p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

decimal from_big(const big& c, int scale) {
  const bool neg = c < 0;
  const big a = neg ? big(-c) : c;
  return decimal::from_digits(neg, a.str(), -scale);
}
}  // namespace

TEST_CASE("rounding: rescale agrees with a brute-force reference on every tie and near-tie") {
  // Every coefficient in [-3000, 3000] at scale 3 (so every x.500, x.499, x.501, both signs),
  // rounded to scales 0, 1 and 2 in each mode.
  for (rounding mode : cchc::all_roundings) {
    for (int to = 0; to <= 2; ++to) {
      const big d = pow10(3 - to);
      for (long c = -3000; c <= 3000; ++c) {
        const decimal x = decimal::scaled(c, 3);
        const decimal got = x.rescale(to, mode);
        const decimal want = from_big(reference_round(big(c), d, mode), to);
        if (got != want || got.scale() != to) {
          CAPTURE(cchc::to_string(mode));
          CAPTURE(x.to_string());
          CAPTURE(to);
          CHECK(got.to_string() == want.to_string());
        }
      }
    }
  }
}

TEST_CASE("rounding: rescale agrees with the reference beyond 64 and 128 bits") {
  const big huge = pow10(40) * 7 + 123;  // coefficients far beyond 2^128
  const long offsets[] = {-1501, -1500, -1499, -501, -500, -499, -1, 0, 1, 499, 500, 501, 1500};
  for (rounding mode : cchc::all_roundings) {
    for (long o : offsets) {
      for (int sign : {1, -1}) {
        const big c = (huge * 1000 + o) * sign;
        const decimal x = from_big(c, 3);
        CAPTURE(x.to_string());
        CAPTURE(cchc::to_string(mode));
        CHECK(x.rescale(0, mode) == from_big(reference_round(c, big(1000), mode), 0));
        CHECK(x.rescale(1, mode) == from_big(reference_round(c, big(100), mode), 1));
      }
    }
  }
}

TEST_CASE("rounding: division agrees with the reference on ties and near-ties, both signs") {
  // n / d at scale 1 for small n, d: includes exact halves such as 1/4 = 0.25 → scale 1 tie.
  for (rounding mode : cchc::all_roundings) {
    for (long n = -60; n <= 60; ++n) {
      for (long d = 1; d <= 16; ++d) {
        for (int s = 0; s <= 2; ++s) {
          const decimal got = decimal::divide(n, d, s, mode);
          const decimal want = from_big(reference_round(big(n) * pow10(s), big(d), mode), s);
          if (got != want) {
            CAPTURE(n);
            CAPTURE(d);
            CAPTURE(s);
            CAPTURE(cchc::to_string(mode));
            CHECK(got.to_string() == want.to_string());
          }
          // A negative divisor flips the sign of the quotient; the rounding follows the sign.
          const decimal got_neg = decimal::divide(n, -d, s, mode);
          const decimal want_neg = from_big(reference_round(big(-n) * pow10(s), big(d), mode), s);
          CHECK(got_neg == want_neg);
        }
      }
    }
  }
}
