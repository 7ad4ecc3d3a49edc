// Exact decimal arithmetic: the out-of-line (slow) paths of cchc::decimal. The inline fast paths in
// the header handle 64-bit coefficients; everything that might overflow 64 bits comes here and is done
// on boost::multiprecision::cpp_int, then brought back to 64 bits when the result fits.
#include <atomic>
#include <boost/multiprecision/cpp_int.hpp>
#include <charconv>
#include <limits>
#include <ostream>
#include <string>

#include "cchc/decimal.hpp"
#include "cchc/error.hpp"

namespace cchc {

namespace mp = boost::multiprecision;
using big_int = mp::cpp_int;

namespace detail {

struct big_coefficient {
  explicit big_coefficient(big_int v) : value(std::move(v)) {}
  mutable std::atomic<long> refs{1};
  const big_int value;
};

void retain(const big_coefficient* p) noexcept { p->refs.fetch_add(1, std::memory_order_relaxed); }

void release(const big_coefficient* p) noexcept {
  if (p->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete p;
}

namespace {
constexpr std::int64_t i64_min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t i64_max = std::numeric_limits<std::int64_t>::max();

constexpr std::int64_t pow10_i64[19] = {1,
                                    10,
                                    100,
                                    1000,
                                    10000,
                                    100000,
                                    1000000,
                                    10000000,
                                    100000000,
                                    1000000000,
                                    10000000000,
                                    100000000000,
                                    1000000000000,
                                    10000000000000,
                                    100000000000000,
                                    1000000000000000,
                                    10000000000000000,
                                    100000000000000000,
                                    1000000000000000000};

big_int pow10_big(int n) {
  // Powers up to 10^(max_digits + max_scale) are needed; computing them is cheap next to the
  // arithmetic that asks for them, and avoids a shared cache.
  return mp::pow(big_int(10), static_cast<unsigned>(n));
}

template <class I>
I abs_of(const I& v) {
  return v < 0 ? I(-v) : v;
}

// Quotient of n / d rounded with `mode`. For std::int64_t the caller guarantees that
// d != INT64_MIN and !(n == INT64_MIN && d == -1).
template <class I>
I div_round(const I& n, const I& d, rounding mode) {
  I q = n / d;
  I r = n % d;
  if (r == 0) return q;
  const bool negative = (n < 0) != (d < 0);
  bool away = false;
  switch (mode) {
    case rounding::toward_zero: away = false; break;
    case rounding::away_from_zero: away = true; break;
    case rounding::floor: away = negative; break;
    case rounding::ceiling: away = !negative; break;
    case rounding::half_away_from_zero:
    case rounding::half_even:
    case rounding::half_toward_zero: {
      const I ar = abs_of(r);
      const I rest = abs_of(d) - ar;  // distance to the next multiple away from zero
      if (ar > rest) {
        away = true;
      } else if (ar < rest) {
        away = false;
      } else if (mode == rounding::half_away_from_zero) {
        away = true;
      } else if (mode == rounding::half_toward_zero) {
        away = false;
      } else {
        away = (q % 2) != 0;  // tie: go to the even neighbour
      }
      break;
    }
  }
  if (away) {
    if (negative) {
      q -= 1;
    } else {
      q += 1;
    }
  }
  return q;
}

std::int64_t div_round_i64(std::int64_t n, std::int64_t d, rounding mode) {
  return div_round<std::int64_t>(n, d, mode);
}

big_int div_round_big(const big_int& n, const big_int& d, rounding mode) {
  return div_round<big_int>(n, d, mode);
}

}  // namespace

}  // namespace detail

using detail::i64_max;
using detail::i64_min;
using detail::pow10_big;
using detail::pow10_i64;

constexpr std::uint32_t decimal_big_bit_copy = 0x80000000u;

// Private access for the out-of-line code (declared a friend in the header).
struct decimal_access {
  static big_int coefficient(const decimal& d) {
    return d.is_big() ? d.big_ptr()->value : big_int(d.small_);
  }
  static decimal make_small(std::int64_t c, int scale) {
    decimal d;
    d.small_ = c;
    d.tag_ = static_cast<std::uint32_t>(scale);
    return d;
  }
  // Normalises the representation (64 bits whenever the coefficient fits) and enforces the limits.
  static decimal make(big_int c, int scale, const char* operation) {
    decimal::check_scale(scale, operation);
    if (c >= i64_min && c <= i64_max) return make_small(c.convert_to<std::int64_t>(), scale);
    check_digits(c, operation);
    decimal d;
    d.small_ = static_cast<std::int64_t>(
        reinterpret_cast<std::intptr_t>(new detail::big_coefficient(std::move(c))));
    d.tag_ = static_cast<std::uint32_t>(scale) | decimal::big_bit;
    return d;
  }
  static void check_digits(const big_int& c, const char* operation) {
    // |c| < 10^max_digits. 2^3321 < 10^1000 < 2^3322.
    const big_int a = mp::abs(c);
    const auto bits = mp::msb(a);
    if (bits < 3321) return;
    if (bits >= 3322 || a >= pow10_big(decimal::max_digits)) {
      throw overflow_error(std::string("decimal ") + operation +
                               ": the exact result has more than " +
                               std::to_string(decimal::max_digits) +
                               " digits, which cchc::decimal does not represent",
                           location{{}, 0, 0, {}, operation});
    }
  }
  static_assert(decimal::big_bit == decimal_big_bit_copy, "keep raw_view in step with decimal");
  // Hands d's representation (and its reference, if big) to the caller.
  static decimal::raw release(decimal d) {
    const decimal::raw r{d.small_, d.tag_};
    d.small_ = 0;
    d.tag_ = 0;
    return r;
  }
};

void decimal::check_scale(int scale, const char* operation) {
  if (scale < 0) {
    throw argument_error(std::string("decimal ") + operation +
                             ": expected a scale (digits after the point) >= 0, found " +
                             std::to_string(scale),
                         location{{}, 0, 0, {}, "scale"});
  }
  if (scale > max_scale) {
    throw overflow_error(std::string("decimal ") + operation + ": a scale of " +
                             std::to_string(scale) + " digits after the point exceeds the limit of " +
                             std::to_string(max_scale),
                         location{{}, 0, 0, {}, "scale"});
  }
}

void decimal::init_unsigned(unsigned long long value) {
  *this = decimal_access::make(big_int(value), 0, "construction");
}

namespace {
// Divides c by 10 while it ends in a zero and s > 0, lowering s: the same value at its smallest scale.
void strip_trailing_zeros(big_int& c, int& s) {
  while (s > 0) {
    big_int q;
    big_int r;
    mp::divide_qr(c, big_int(10), q, r);
    if (r != 0) break;
    c = std::move(q);
    --s;
  }
}
}  // namespace

int decimal::big_signum() const noexcept { return big_ptr()->value.sign(); }

std::size_t decimal::big_hash() const noexcept {
  // Strip trailing zeros first so that equal values hash alike whatever their scale.
  big_int c = big_ptr()->value;
  int s = scale();
  strip_trailing_zeros(c, s);
  if (c >= i64_min && c <= i64_max) return hash_small(c.convert_to<std::int64_t>(), s);
  return hash_small(static_cast<std::int64_t>(std::hash<std::string>{}(c.str())), s);
}

decimal decimal::negate_slow() const {
  return decimal_access::make(-decimal_access::coefficient(*this), scale(), "negation");
}

namespace {
constexpr std::uint32_t decimal_big_bit = decimal_big_bit_copy;  // decimal::big_bit (private)

// A view of a raw representation as a decimal, without taking a reference.
struct raw_view {
  std::int64_t bits;
  std::uint32_t tag;
  [[nodiscard]] bool is_big() const { return (tag & decimal_big_bit) != 0; }
  [[nodiscard]] int scale() const { return static_cast<int>(tag & ~decimal_big_bit); }
  [[nodiscard]] big_int coefficient() const {
    if (!is_big()) return big_int(bits);
    return reinterpret_cast<const detail::big_coefficient*>(static_cast<std::intptr_t>(bits))->value;
  }
};
}  // namespace

// Hands the representation of `d` over to the caller (who adopts it).
decimal::raw decimal::add_slow(raw ra, const decimal& b, bool subtract) {
  const raw_view a{ra.bits, ra.tag};
  const int as = a.scale();
  const int s = as > b.scale() ? as : b.scale();
  if (!a.is_big() && !b.is_big() && s - (as < b.scale() ? as : b.scale()) <= 18) {
    std::int64_t x = a.bits;
    std::int64_t y = b.small_;
    const bool ok = (as == s || !mul_overflow(x, pow10_i64[s - as], &x)) &&
                    (b.scale() == s || !mul_overflow(y, pow10_i64[s - b.scale()], &y));
    std::int64_t r;
    if (ok && !(subtract ? sub_overflow(x, y, &r) : add_overflow(x, y, &r))) {
      return raw{r, static_cast<std::uint32_t>(s)};
    }
  }
  big_int x = a.coefficient();
  big_int y = decimal_access::coefficient(b);
  if (as < s) x *= pow10_big(s - as);
  if (b.scale() < s) y *= pow10_big(s - b.scale());
  if (subtract) {
    x -= y;
  } else {
    x += y;
  }
  return decimal_access::release(
      decimal_access::make(std::move(x), s, subtract ? "subtraction" : "addition"));
}

decimal::raw decimal::mul_slow(raw ra, const decimal& b) {
  const raw_view a{ra.bits, ra.tag};
  const long s = static_cast<long>(a.scale()) + b.scale();
  if (s > max_scale) check_scale(static_cast<int>(s), "multiplication");
  big_int p = a.coefficient() * decimal_access::coefficient(b);
  return decimal_access::release(
      decimal_access::make(std::move(p), static_cast<int>(s), "multiplication"));
}

int decimal::compare_slow(const decimal& a, const decimal& b) noexcept {
  const int sa = a.signum();
  const int sb = b.signum();
  if (sa != sb) return sa < sb ? -1 : 1;
  if (sa == 0) return 0;
  const int s = a.scale() > b.scale() ? a.scale() : b.scale();
  if (!a.is_big() && !b.is_big() && s - (a.scale() < b.scale() ? a.scale() : b.scale()) <= 18) {
    std::int64_t x = a.small_;
    std::int64_t y = b.small_;
    if ((a.scale() == s || !mul_overflow(x, pow10_i64[s - a.scale()], &x)) &&
        (b.scale() == s || !mul_overflow(y, pow10_i64[s - b.scale()], &y))) {
      return (x > y) - (x < y);
    }
  }
  big_int x = decimal_access::coefficient(a);
  big_int y = decimal_access::coefficient(b);
  if (a.scale() < s) x *= pow10_big(s - a.scale());
  if (b.scale() < s) y *= pow10_big(s - b.scale());
  return x.compare(y) < 0 ? -1 : (x.compare(y) > 0 ? 1 : 0);
}

decimal decimal::rescale(int scale, rounding mode) const {
  check_scale(scale, "rescale");
  if (scale == this->scale()) return *this;
  if (scale > this->scale()) {
    const int k = scale - this->scale();
    std::int64_t c;
    if (!is_big() && k <= 18 && !mul_overflow(small_, pow10_i64[k], &c)) {
      return decimal_access::make_small(c, scale);
    }
    return decimal_access::make(decimal_access::coefficient(*this) * pow10_big(k), scale, "rescale");
  }
  const int k = this->scale() - scale;
  if (!is_big() && k <= 18) {
    return decimal_access::make_small(detail::div_round_i64(small_, pow10_i64[k], mode), scale);
  }
  return decimal_access::make(
      detail::div_round_big(decimal_access::coefficient(*this), pow10_big(k), mode), scale,
      "rescale");
}

decimal decimal::trimmed() const {
  if (!is_big()) {
    std::int64_t c = small_;
    int s = scale();
    while (s > 0 && c % 10 == 0) {
      c /= 10;
      --s;
    }
    return decimal_access::make_small(c, s);
  }
  big_int c = big_ptr()->value;
  int s = scale();
  strip_trailing_zeros(c, s);
  return decimal_access::make(std::move(c), s, "trim");
}

decimal decimal::divide(const decimal& a, const decimal& b, int scale, rounding mode) {
  check_scale(scale, "division");
  if (b.is_zero()) {
    throw argument_error("decimal division: the divisor is zero (dividing " + a.to_string() +
                             " by 0 has no value)",
                         location{{}, 0, 0, {}, "divisor"});
  }
  // a / b = (A / B) × 10^(sb - sa); at `scale` digits the coefficient is A × 10^e / B, e below.
  const long e = static_cast<long>(scale) + b.scale() - a.scale();
  if (!a.is_big() && !b.is_big() && e >= -18 && e <= 18) {
    std::int64_t n = a.small_;
    std::int64_t d = b.small_;
    const bool ok = e >= 0 ? !mul_overflow(n, pow10_i64[e], &n) : !mul_overflow(d, pow10_i64[-e], &d);
    if (ok && d != i64_min && !(n == i64_min && d == -1)) {
      return decimal_access::make_small(detail::div_round_i64(n, d, mode), scale);
    }
  }
  big_int n = decimal_access::coefficient(a);
  big_int d = decimal_access::coefficient(b);
  if (e >= 0) {
    n *= pow10_big(static_cast<int>(e));
  } else {
    d *= pow10_big(static_cast<int>(-e));
  }
  return decimal_access::make(detail::div_round_big(n, d, mode), scale, "division");
}

decimal decimal::sum(const decimal* first, const decimal* last) {
  decimal total;
  while (first != last) {
    const std::uint32_t tag = first->tag_;
    if ((tag & big_bit) != 0) {
      total += *first++;
      continue;
    }
    // A run of 64-bit values with one scale: add in a register, flush on a change or an overflow
    // (the element that would overflow starts the next run, so nothing is added twice or lost).
    std::int64_t acc = 0;
    const decimal* p = first;
    for (; p != last && p->tag_ == tag; ++p) {
      std::int64_t next;
      if (add_overflow(acc, p->small_, &next)) break;
      acc = next;
    }
    total += decimal_access::make_small(acc, static_cast<int>(tag));
    first = p;
  }
  return total;
}

decimal_parts decimal::to_parts() const {
  decimal_parts p;
  p.negative = signum() < 0;
  p.exponent = -scale();
  if (is_big()) {
    p.digits = big_int(mp::abs(big_ptr()->value)).str();
  } else {
    // The magnitude of INT64_MIN does not fit in int64: go through uint64.
    const std::uint64_t m = small_ < 0 ? 0 - static_cast<std::uint64_t>(small_)
                                       : static_cast<std::uint64_t>(small_);
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, m);
    p.digits.assign(buf, res.ptr);
  }
  return p;
}

decimal decimal::from_parts(const decimal_parts& parts) {
  return from_digits(parts.negative, parts.digits, parts.exponent);
}

decimal decimal::from_digits(bool negative, std::string_view digits, int exponent) {
  if (digits.empty()) {
    throw argument_error("decimal from_parts: expected at least one digit, found an empty string",
                         location{{}, 0, 0, {}, "digits"});
  }
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (digits[i] < '0' || digits[i] > '9') {
      throw argument_error("decimal from_parts: expected only the digits 0-9, found '" +
                               std::string(1, digits[i]) + "' at position " +
                               std::to_string(i + 1),
                           location{{}, 0, static_cast<long>(i + 1), {}, "digits"});
    }
  }
  std::size_t first = 0;
  while (first + 1 < digits.size() && digits[first] == '0') ++first;
  digits.remove_prefix(first);
  const long long e = exponent;
  if (e < 0 && -e > max_scale) {
    throw overflow_error("decimal from_parts: an exponent of " + std::to_string(e) +
                             " means a scale of " + std::to_string(-e) +
                             " digits after the point, beyond the limit of " +
                             std::to_string(max_scale),
                         location{{}, 0, 0, {}, "exponent"});
  }
  const int scale = e < 0 ? static_cast<int>(-e) : 0;
  const bool zero = digits == "0";
  if (zero) return decimal_access::make_small(0, scale);  // 0 × 10^e is 0 whatever e is
  if (e > 0 && static_cast<long long>(digits.size()) + e > max_digits) {
    throw overflow_error("decimal from_parts: " + std::to_string(digits.size()) +
                             " digits times 10^" + std::to_string(e) + " has more than " +
                             std::to_string(max_digits) + " digits",
                         location{{}, 0, 0, {}, "exponent"});
  }
  if (static_cast<long long>(digits.size()) > max_digits) {
    throw overflow_error("decimal from_parts: " + std::to_string(digits.size()) +
                             " digits exceed the limit of " + std::to_string(max_digits),
                         location{{}, 0, 0, {}, "digits"});
  }
  if (digits.size() <= 18 && e <= 0) {
    std::int64_t c = 0;
    for (char ch : digits) c = c * 10 + (ch - '0');
    return decimal_access::make_small(negative ? -c : c, scale);
  }
  big_int c{std::string(digits)};
  if (e > 0) c *= pow10_big(static_cast<int>(e));
  if (negative) c = -c;
  return decimal_access::make(std::move(c), scale, "from_parts");
}

std::string decimal::to_string() const {
  decimal_parts p = to_parts();
  std::string out;
  out.reserve(p.digits.size() + 3);
  if (p.negative) out += '-';
  const std::size_t s = static_cast<std::size_t>(scale());
  if (s == 0) {
    out += p.digits;
  } else if (p.digits.size() <= s) {
    out += "0.";
    out.append(s - p.digits.size(), '0');
    out += p.digits;
  } else {
    out.append(p.digits, 0, p.digits.size() - s);
    out += '.';
    out.append(p.digits, p.digits.size() - s, s);
  }
  return out;
}

std::ostream& operator<<(std::ostream& os, const decimal& d) { return os << d.to_string(); }

}  // namespace cchc
