#include "cchc/decimal.hpp"

#include <doctest/doctest.h>

#include <boost/multiprecision/cpp_int.hpp>
#include <cstdint>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>
#include <unordered_set>
#include <vector>

#include "cchc/error.hpp"

using cchc::decimal;
using cchc::rounding;
using big = boost::multiprecision::cpp_int;

// What must not compile: no conversion from binary floating point, bool or characters.
static_assert(!std::is_constructible_v<decimal, double>);
static_assert(!std::is_constructible_v<decimal, float>);
static_assert(!std::is_constructible_v<decimal, long double>);
static_assert(!std::is_convertible_v<double, decimal>);
static_assert(!std::is_constructible_v<decimal, bool>);
static_assert(!std::is_constructible_v<decimal, char>);
static_assert(!std::is_constructible_v<decimal, const char*>);
static_assert(std::is_convertible_v<int, decimal>);
static_assert(std::is_convertible_v<std::int64_t, decimal>);
static_assert(std::is_convertible_v<std::uint64_t, decimal>);
static_assert(std::is_nothrow_move_constructible_v<decimal>);
static_assert(!std::is_constructible_v<decimal, std::string>);  // text needs parse() and a style
static_assert(sizeof(decimal) == 16);

// Division has no operator: it must name a scale and a rounding mode (decimal::divide).
template <class A, class B, class = void>
struct has_division : std::false_type {};
template <class A, class B>
struct has_division<A, B, std::void_t<decltype(std::declval<A>() / std::declval<B>())>>
    : std::true_type {};
static_assert(!has_division<decimal, decimal>::value);
static_assert(!has_division<decimal, int>::value);
// Mixing with double does not compile either.
template <class A, class B, class = void>
struct has_addition : std::false_type {};
template <class A, class B>
struct has_addition<A, B, std::void_t<decltype(std::declval<A>() + std::declval<B>())>>
    : std::true_type {};
static_assert(has_addition<decimal, int>::value);
static_assert(!has_addition<decimal, double>::value);

namespace {
// Literals in these tests are plain-style decimals (what to_string() writes).
decimal d(const char* text) { return decimal::parse(text, cchc::number_style::plain); }

big pow10(int n) {
  big p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}
}  // namespace

TEST_CASE("decimal: construction from integers is exact and implicit") {
  decimal a = 5;
  CHECK(a.to_string() == "5");
  CHECK(a.scale() == 0);
  CHECK(decimal(std::numeric_limits<std::int64_t>::min()).to_string() == "-9223372036854775808");
  CHECK(decimal(std::numeric_limits<std::uint64_t>::max()).to_string() == "18446744073709551615");
  CHECK(decimal(std::numeric_limits<std::uint64_t>::max()) > std::numeric_limits<std::int64_t>::max());
  CHECK(decimal().is_zero());
  CHECK(decimal::scaled(13405, 1).to_string() == "1340.5");
  CHECK(decimal::scaled(-25, 2).to_string() == "-0.25");
  CHECK(decimal::scaled(5, 3).to_string() == "0.005");
  CHECK_THROWS_AS((void)decimal::scaled(1, -1), cchc::argument_error);
  CHECK_THROWS_AS((void)decimal::scaled(1, 401), cchc::overflow_error);
}

TEST_CASE("decimal: addition, subtraction and multiplication are exact") {
  CHECK(d("0.1") + d("0.2") == d("0.3"));
  CHECK((d("0.1") + d("0.2")).to_string() == "0.3");
  CHECK((d("1.5") + d("0.25")).to_string() == "1.75");
  CHECK((d("1.5") - d("0.25")).to_string() == "1.25");
  CHECK((d("1.50") * d("0.2")).to_string() == "0.300");
  CHECK((d("-1.5") * d("-2")).to_string() == "3.0");
  CHECK((d("13676") - d("14019")).to_string() == "-343");
  decimal x = d("10");
  x += d("0.001");
  x -= 3;
  x *= d("2.0");
  CHECK(x.to_string() == "14.0020");
  CHECK((-d("2.5")).to_string() == "-2.5");
  CHECK(d("-2.5").abs().to_string() == "2.5");
  CHECK(d("-2.5").signum() == -1);
  CHECK(d("0.00").signum() == 0);
  CHECK(d("0.00").is_zero());
}

TEST_CASE("decimal: 64-bit overflow moves to arbitrary precision, never wraps") {
  const decimal max = std::numeric_limits<std::int64_t>::max();
  const decimal min = std::numeric_limits<std::int64_t>::min();
  CHECK((max + 1).to_string() == "9223372036854775808");
  CHECK((min - 1).to_string() == "-9223372036854775809");
  CHECK((-min).to_string() == "9223372036854775808");
  CHECK((-(-min)) == min);
  CHECK((-(-min)).small_coefficient().has_value());  // back to 64 bits when it fits
  CHECK((max + 1 - 1).small_coefficient() == std::numeric_limits<std::int64_t>::max());
  CHECK((max * max).to_string() == "85070591730234615847396907784232501249");  // (2^63-1)^2, by Python
  // Products that overflow 128 bits, checked against cpp_int.
  const decimal e30 = decimal::from_digits(false, "1" + std::string(30, '0'), 0);
  const decimal p = e30 * e30 * d("1.5");
  CHECK(p.to_string() == "15" + std::string(59, '0') + ".0");
  const big a = pow10(30) + 7;
  const big b = pow10(25) * 3 - 1;
  const decimal da = decimal::from_digits(false, a.str(), -3);
  const decimal db = decimal::from_digits(true, b.str(), -2);
  const big prod = a * b;
  CHECK((da * db).to_parts() == cchc::decimal_parts{true, prod.str(), -5});
  // Different scales beyond 64 bits.
  CHECK((e30 + d("0.001")).to_string() == "1" + std::string(30, '0') + ".001");
  CHECK((e30 + d("0.001") - e30).to_string() == "0.001");
  CHECK((e30 + d("0.001") - e30).small_coefficient() == 1);
}

TEST_CASE("decimal: results beyond the documented limits are overflow errors") {
  const decimal huge = decimal::from_digits(false, "9" + std::string(599, '9'), 0);  // 600 digits
  CHECK_THROWS_AS((void)(huge * huge), cchc::overflow_error);                         // 1200 digits
  CHECK_NOTHROW((void)(huge * 10));
  const decimal fine = decimal::scaled(1, 300);
  CHECK_THROWS_AS((void)(fine * fine), cchc::overflow_error);  // scale 600 > 400
  CHECK_THROWS_AS((void)decimal::from_digits(false, "1", -401), cchc::overflow_error);
  CHECK_THROWS_AS((void)decimal::from_digits(false, "1", 1000), cchc::overflow_error);
  CHECK_NOTHROW((void)decimal::from_digits(false, "1", 999));
  CHECK(decimal::from_digits(false, "000", 2000000000).is_zero());  // no 10^2000000000 computed
  CHECK_THROWS_AS((void)decimal::from_digits(false, "1", 2000000000), cchc::overflow_error);
  CHECK_THROWS_AS((void)decimal::from_digits(false, "1", -2000000000), cchc::overflow_error);
  CHECK_THROWS_AS((void)decimal::from_digits(false, std::string(1001, '1'), 0), cchc::overflow_error);
  CHECK_THROWS_AS((void)d("1").rescale(401, rounding::floor), cchc::overflow_error);
  CHECK_THROWS_AS((void)d("1").rescale(-1, rounding::floor), cchc::argument_error);
  try {
    (void)(fine * fine);
  } catch (const cchc::overflow_error& e) {
    CHECK(std::string(e.what()).find("600") != std::string::npos);
  }
}

TEST_CASE("decimal: comparison is by value, independent of trailing zeros") {
  CHECK(d("1.50") == d("1.5"));
  CHECK(d("1.50").to_string() == "1.50");
  CHECK(d("1.5") == d("1.500000000000000000000000000000"));
  CHECK(d("2") == 2);
  CHECK(2 == d("2.000"));
  CHECK(d("-0.0") == 0);
  CHECK(d("1.49") < d("1.5"));
  CHECK(d("-1.5") < d("-1.49"));
  CHECK(d("-1") < d("0.001"));
  CHECK(d("100") > d("99.999"));
  CHECK(d("1.5") <= d("1.50"));
  CHECK(d("1.5") >= d("1.50"));
  CHECK(d("1.5") != d("1.51"));
  const decimal e30 = decimal::from_digits(false, "1", 30);
  CHECK(e30 > std::numeric_limits<std::int64_t>::max());
  CHECK(-e30 < std::numeric_limits<std::int64_t>::min());
  CHECK(e30 == decimal::from_digits(false, "1" + std::string(33, '0'), -3));
  CHECK(decimal::compare(d("0.1"), d("0.10")) == 0);
  // Sorting a mixed-scale list gives the value order.
  std::vector<decimal> v = {d("0.3"), d("-1"), d("0.25"), e30, d("0.250"), d("-1.0001")};
  std::sort(v.begin(), v.end());
  CHECK(v.front().to_string() == "-1.0001");
  CHECK(v.back() == e30);
}

TEST_CASE("decimal: hashing is consistent with ==") {
  std::hash<decimal> h;
  CHECK(h(d("1.5")) == h(d("1.50")));
  CHECK(h(d("0")) == h(d("0.000")));
  CHECK(h(d("100")) == h(d("100.00")));
  const decimal e30 = decimal::from_digits(false, "1", 30);
  CHECK(h(e30) == h(decimal::from_digits(false, "1" + std::string(33, '0'), -3)));
  // A big coefficient whose trimmed form fits in 64 bits hashes like the small one.
  CHECK(h(decimal::from_digits(false, "15" + std::string(25, '0'), -25)) == h(d("15")));
  std::unordered_set<decimal> set = {d("1.5"), d("1.50"), d("2"), d("2.0"), e30};
  CHECK(set.size() == 3);
  // Random pairs: equal values hash equal.
  std::mt19937_64 rng(20231231);
  for (int i = 0; i < 2000; ++i) {
    const std::int64_t c = static_cast<std::int64_t>(rng() % 2000001) - 1000000;
    const int s = static_cast<int>(rng() % 5);
    const int extra = static_cast<int>(rng() % 4);
    const decimal a = decimal::scaled(c, s);
    const decimal b = a.rescale(s + extra, rounding::half_even);
    REQUIRE(a == b);
    CHECK(h(a) == h(b));
  }
}

TEST_CASE("decimal: exact addition is associative and commutative (random, fixed seed)") {
  std::mt19937_64 rng(42);
  auto random_decimal = [&]() {
    // Mix small money values, scales 0..6, and values beyond 64 bits.
    const int kind = static_cast<int>(rng() % 4);
    const int scale = static_cast<int>(rng() % 7);
    const bool neg = rng() % 2 == 0;
    std::string digits = std::to_string(rng() % 1000000000000ULL);
    if (kind == 3) digits += std::to_string(rng()) + std::to_string(rng());
    return decimal::from_digits(neg, digits, -scale);
  };
  for (int i = 0; i < 3000; ++i) {
    const decimal a = random_decimal();
    const decimal b = random_decimal();
    const decimal c = random_decimal();
    CHECK((a + b) + c == a + (b + c));
    CHECK(a + b == b + a);
    CHECK(a * b == b * a);
    CHECK((a + b) - b == a);
    CHECK(a * (b + c) == a * b + a * c);
    CHECK((a + b).scale() == std::max(a.scale(), b.scale()));
  }
}

TEST_CASE("decimal: sums of a million values and values beyond 10^30 are exact") {
  // 10^6 amounts of 999999999.999 (triệu đồng) and the same amount of 10^30 + 0.001.
  decimal sum;
  const decimal amount = decimal::parse("999999999.999");
  for (int i = 0; i < 1000000; ++i) sum += amount;
  CHECK(sum.to_string() == "999999999999000.000");
  CHECK(sum == decimal::scaled(999999999999, 3) * 1000000);
  decimal big_sum;
  const decimal e30 = decimal::from_digits(false, "1" + std::string(30, '0') + "001", -3);
  for (int i = 0; i < 1000000; ++i) big_sum += e30;
  CHECK(big_sum.to_string() == "1" + std::string(32, '0') + "1000.000");
  // Alternating signs that overflow 64 bits in between and come back.
  decimal s;
  const decimal m = std::numeric_limits<std::int64_t>::max();
  for (int i = 0; i < 1000; ++i) s += m;
  for (int i = 0; i < 1000; ++i) s -= m;
  CHECK(s.is_zero());
  CHECK(s.small_coefficient() == 0);
}

TEST_CASE("decimal: division rounds once at the named scale") {
  CHECK(decimal::divide(1, 3, 4, rounding::half_even).to_string() == "0.3333");
  CHECK(decimal::divide(2, 3, 4, rounding::toward_zero).to_string() == "0.6666");
  CHECK(decimal::divide(2, 3, 4, rounding::half_away_from_zero).to_string() == "0.6667");
  CHECK(decimal::divide(-2, 3, 0, rounding::floor).to_string() == "-1");
  CHECK(decimal::divide(-2, 3, 0, rounding::ceiling).to_string() == "0");
  CHECK(decimal::divide(13676, 14019, 4, rounding::half_even).to_string() == "0.9755");
  CHECK(decimal::divide(d("1.5"), d("0.25"), 0, rounding::half_even).to_string() == "6");
  CHECK(decimal::divide(d("1"), d("0.003"), 2, rounding::half_even).to_string() == "333.33");
  CHECK(decimal::divide(d("1000"), d("7"), 0, rounding::half_even).to_string() == "143");
  // 10^40 / 3 — beyond 128 bits.
  const decimal e40 = decimal::from_digits(false, "1", 40);
  CHECK(decimal::divide(e40, 3, 1, rounding::half_even).to_string() == std::string(40, '3') + ".3");
  CHECK(decimal::divide(e40, e40 * 3, 3, rounding::ceiling).to_string() == "0.334");
  CHECK_THROWS_AS((void)decimal::divide(1, 0, 2, rounding::half_even), cchc::argument_error);
  CHECK_THROWS_AS((void)decimal::divide(1, d("0.000"), 2, rounding::half_even), cchc::argument_error);
  CHECK_THROWS_AS((void)decimal::divide(1, 3, 401, rounding::half_even), cchc::overflow_error);
  // INT64_MIN / -1 is representable, just not in 64 bits.
  CHECK(decimal::divide(std::numeric_limits<std::int64_t>::min(), -1, 0, rounding::floor).to_string() ==
        "9223372036854775808");
}

TEST_CASE("decimal: rescale keeps the value when widening and rounds when narrowing") {
  CHECK(d("1.5").rescale(3, rounding::floor).to_string() == "1.500");
  CHECK(d("1.25").rescale(1, rounding::half_even).to_string() == "1.2");
  CHECK(d("1.35").rescale(1, rounding::half_even).to_string() == "1.4");
  CHECK(d("-1.25").rescale(1, rounding::half_away_from_zero).to_string() == "-1.3");
  CHECK(d("-1.25").rescale(1, rounding::half_toward_zero).to_string() == "-1.2");
  CHECK(d("0.0000000000000000000001").rescale(0, rounding::ceiling).to_string() == "1");
  CHECK(d("-0.0000000000000000000001").rescale(0, rounding::ceiling).to_string() == "0");
  CHECK(d("1.500").trimmed().to_string() == "1.5");
  CHECK(d("100").trimmed().to_string() == "100");
  CHECK(d("100.00").trimmed().to_string() == "100");
}

TEST_CASE("decimal: to_parts and from_parts are lossless") {
  CHECK(d("1.50").to_parts() == cchc::decimal_parts{false, "150", -2});
  CHECK(d("-0.25").to_parts() == cchc::decimal_parts{true, "25", -2});
  CHECK(d("0.000").to_parts() == cchc::decimal_parts{false, "0", -3});
  CHECK(decimal::from_parts({true, "0012", -1}).to_string() == "-1.2");
  CHECK(decimal::from_parts({false, "15", 3}).to_string() == "15000");
  CHECK_THROWS_AS((void)decimal::from_parts({false, "", 0}), cchc::argument_error);
  CHECK_THROWS_AS((void)decimal::from_parts({false, "1a", 0}), cchc::argument_error);
  CHECK_THROWS_AS((void)decimal::from_parts({false, "-1", 0}), cchc::argument_error);
  std::mt19937_64 rng(7);
  for (int i = 0; i < 2000; ++i) {
    const int len = 1 + static_cast<int>(rng() % 60);
    std::string digits(1, static_cast<char>('1' + rng() % 9));
    for (int k = 1; k < len; ++k) digits += static_cast<char>('0' + rng() % 10);
    const cchc::decimal_parts p{rng() % 2 == 0, digits, -static_cast<int>(rng() % 30)};
    const decimal x = decimal::from_parts(p);
    CHECK(x.to_parts() == p);
    CHECK(decimal::parse(x.to_string(), cchc::number_style::plain) == x);
    CHECK(decimal::parse(x.to_string(), cchc::number_style::plain).scale() == x.scale());
  }
}

TEST_CASE("decimal: copies share big coefficients safely and stream as text") {
  decimal a = decimal::from_digits(false, "123456789012345678901234567890", -5);
  decimal b = a;
  decimal c;
  c = b;
  b = d("1");
  CHECK(c == a);
  decimal m = std::move(c);
  CHECK(m == a);
  std::ostringstream os;
  os << m;
  CHECK(os.str() == "1234567890123456789012345.67890");
}

TEST_CASE("decimal: sum() equals adding one by one, across scale changes, overflow and big values") {
  std::mt19937_64 rng(99);
  std::vector<decimal> values;
  const decimal max = std::numeric_limits<std::int64_t>::max();
  for (int i = 0; i < 20000; ++i) {
    const int kind = static_cast<int>(rng() % 10);
    if (kind == 0) {
      values.push_back(max);  // forces 64-bit overflow inside a run
    } else if (kind == 1) {
      values.push_back(decimal::from_digits(rng() % 2 == 0, "98765432109876543210987", -3));
    } else if (kind == 2) {
      values.push_back(decimal::scaled(static_cast<std::int64_t>(rng() % 100000), 2));
    } else {
      values.push_back(decimal::scaled(static_cast<std::int64_t>(rng() % 2000000) - 1000000, 3));
    }
  }
  decimal expected;
  for (const auto& v : values) expected += v;
  const decimal got = decimal::sum(values);
  CHECK(got == expected);
  CHECK(got.scale() == expected.scale());
  CHECK(decimal::sum(values.data(), values.data()).is_zero());
  // Runs of INT64_MAX alone: every second element overflows the register.
  const std::vector<decimal> maxes(1001, max);
  CHECK(decimal::sum(maxes) == max * 1001);
}
