// cchc/decimal.hpp — exact decimal numbers for money, counts and rates.
//
// A cchc::decimal is an exact number coefficient × 10^-scale: 1.50 is (150, 2), 14083 is (14083, 0).
// Reports give money in "triệu đồng" (millions of đồng) with up to 3 decimals and totals beyond 10^12
// million, so binary floating point (where 0.1 + 0.2 != 0.3) is never used: there is no constructor
// from float, double or long double, on purpose.
//
// Representation. The coefficient lives in a signed 64-bit integer when it fits (every realistic amount
// does: 10^15 million đồng at scale 3 is 10^18 < 2^63), and the fast paths for + - * and comparison on
// such values are inline in this header. When a result does not fit, the coefficient moves to an
// arbitrary-precision boost::multiprecision::cpp_int (shared, immutable, reference-counted). Nothing
// ever wraps around. Limits, all checked with a clear cchc::overflow_error:
//   * scale is between 0 and max_scale (400) — a product whose scales add up beyond it is an error;
//   * |coefficient| < 10^max_digits (10^1000);
//   * parsed text carries at most max_parse_digits (400) significant digits (cchc::parse_error).
//
// Exactness. + - * are exact (the result's scale is the larger scale for + and -, the sum of scales for
// *). Division, rescaling and formatting at fewer decimals always name a scale and a cchc::rounding.
// Comparison and hashing look at the value only: 1.50 == 1.5 and both hash alike; to_string() keeps
// the stored scale ("1.50"), so trailing zeros a report printed are not lost.
//
//     using cchc::decimal;
//     decimal a = decimal::parse("1.340,5", cchc::number_style::vi);   // 1340.5, scale 1
//     decimal b = 2;                                                   // integers convert implicitly
//     decimal c = a * b + decimal::parse("0.25", cchc::number_style::plain);   // 2681.25, exact
//     decimal d = decimal::divide(13676, 14019, 4, cchc::rounding::half_even);   // 0.9755
//     c.format(cchc::number_style::vi);                                 // "2.681,25"
//     c.rescale(1, cchc::rounding::half_away_from_zero).to_string();    // "2681.3"
//     // decimal e = 0.1;   // does not compile: no conversion from double
//
// Python interop: to_parts() / from_parts() give (negative, digits, exponent) exactly like
// decimal.Decimal.as_tuple() (value = ±digits × 10^exponent), lossless both ways.
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "cchc/detail/number_style.hpp"
#include "cchc/rounding.hpp"

// Marks the out-of-line slow paths as unlikely so that the inline fast paths get the registers.
#if defined(__GNUC__) || defined(__clang__)
#define CCHC_DECIMAL_COLD [[gnu::cold]]
#else
#define CCHC_DECIMAL_COLD
#endif

namespace cchc {

/// A decimal taken apart: value = (negative ? -1 : 1) × digits × 10^exponent. `digits` is a non-empty
/// string of '0'..'9' (to_parts() writes no leading zeros except the single "0" of zero).
struct CCHC_EXPORT decimal_parts {
  bool negative = false;
  std::string digits = "0";
  int exponent = 0;

  friend bool operator==(const decimal_parts& a, const decimal_parts& b) {
    return a.negative == b.negative && a.digits == b.digits && a.exponent == b.exponent;
  }
  friend bool operator!=(const decimal_parts& a, const decimal_parts& b) { return !(a == b); }
};

namespace detail {
/// The arbitrary-precision coefficient (a cpp_int with a reference count), defined in src/core/decimal.cpp
/// so that this header stays light; decimals that share one never modify it.
struct big_coefficient;
CCHC_EXPORT void retain(const big_coefficient* p) noexcept;
CCHC_EXPORT void release(const big_coefficient* p) noexcept;

template <class T>
inline constexpr bool is_character_v =
    std::is_same_v<T, char> || std::is_same_v<T, wchar_t> || std::is_same_v<T, char16_t> ||
    std::is_same_v<T, char32_t>;

/// Integer types that convert to decimal implicitly: every integer type except bool and characters.
template <class T>
inline constexpr bool is_decimal_integer_v =
    std::is_integral_v<T> && !std::is_same_v<T, bool> && !is_character_v<T>;
}  // namespace detail

class CCHC_EXPORT decimal {
 public:
  /// Largest scale (digits after the point) a decimal may have.
  static constexpr int max_scale = 400;
  /// |coefficient| < 10^max_digits.
  static constexpr int max_digits = 1000;
  /// Most significant digits accepted by parse()/try_parse().
  static constexpr int max_parse_digits = 400;

  // --- Construction -------------------------------------------------------------------------------

  /// Zero, scale 0.
  constexpr decimal() noexcept : small_(0) {}

  /// Any integer (scale 0). Lossless, hence implicit.
  template <class I, std::enable_if_t<detail::is_decimal_integer_v<I>, int> = 0>
  decimal(I value) : small_(0) {  // NOLINT(google-explicit-constructor): lossless
    if constexpr (std::is_signed_v<I> || sizeof(I) < sizeof(std::int64_t)) {
      small_ = static_cast<std::int64_t>(value);
    } else if (value <= static_cast<I>(std::numeric_limits<std::int64_t>::max())) {
      small_ = static_cast<std::int64_t>(value);
    } else {
      init_unsigned(static_cast<unsigned long long>(value));
    }
  }

  /// Binary floating point cannot hold 0.1 exactly: parse the text instead, or use scaled().
  template <class F, std::enable_if_t<std::is_floating_point_v<F>, int> = 0>
  decimal(F) = delete;
  /// A bool or a character is almost certainly a bug, not a number. (Templates, so that a pointer
  /// such as a string literal does not sneak in through the pointer-to-bool conversion.)
  template <class C,
            std::enable_if_t<detail::is_character_v<C> || std::is_same_v<C, bool>, int> = 0>
  decimal(C) = delete;

  /// coefficient × 10^-scale: scaled(13405, 1) is 1340.5. 0 <= scale <= max_scale, else
  /// argument_error (negative) or overflow_error (too large).
  [[nodiscard]] static decimal scaled(std::int64_t coefficient, int scale) {
    check_scale(scale, "scaled");
    decimal d;
    d.small_ = coefficient;
    d.tag_ = static_cast<std::uint32_t>(scale);
    return d;
  }

  /// Reads `text` in `style`; throws cchc::parse_error naming the input, the 1-based column and what
  /// was expected. See docs/numbers.md for the grammar (no exponent, groups of exactly 3 digits,
  /// surrounding spaces ignored). to_string() writes style plain: read it back with
  /// parse(text, number_style::plain).
  [[nodiscard]] static decimal parse(std::string_view text, number_style style);
  /// Reads text whose style is not known (the default reading, cchc/number_format.hpp): a text that
  /// reads the same in every style it fits ("14083", "97,55", "0.25", "1.340,5") is that value; an
  /// ambiguous one ("13.676": 13676 in vi, 13.676 in plain) is a parse_error giving both readings.
  [[nodiscard]] static decimal parse(std::string_view text);
  /// Like parse(text, style), without throwing: std::nullopt on malformed text, with the same
  /// message that parse() would throw ("column N: ...") stored in *why when why is not null.
  [[nodiscard]] static std::optional<decimal> try_parse(std::string_view text, number_style style,
                                                        std::string* why = nullptr);
  /// Like parse(text) (the default reading), without throwing.
  [[nodiscard]] static std::optional<decimal> try_parse(std::string_view text, std::string* why = nullptr);

  /// From (negative, digits, exponent); digits must be non-empty '0'..'9' (else argument_error).
  /// A negative exponent becomes the scale; a positive one multiplies the coefficient.
  [[nodiscard]] static decimal from_parts(const decimal_parts& parts);
  /// Same as from_parts without building a decimal_parts.
  [[nodiscard]] static decimal from_digits(bool negative, std::string_view digits, int exponent);

  /// a / b rounded once to `scale` digits with `mode`. b == 0 → argument_error.
  [[nodiscard]] static decimal divide(const decimal& a, const decimal& b, int scale, rounding mode);

  /// The exact sum of [first, last): same result as adding one by one, but runs of 64-bit values
  /// with the same scale are added in a plain integer register (about twice as fast as a `+=` loop,
  /// whose accumulator compilers often keep in memory).
  [[nodiscard]] static decimal sum(const decimal* first, const decimal* last);
  /// Same, for a contiguous container of decimals (std::vector<decimal>, std::array, ...).
  template <class Contiguous>
  [[nodiscard]] static decimal sum(const Contiguous& values) {
    return sum(std::data(values), std::data(values) + std::size(values));
  }

  decimal(const decimal& other) noexcept
      : small_(other.small_), tag_(other.tag_) {
    if (is_big()) detail::retain(big_ptr());
  }
  decimal(decimal&& other) noexcept
      : small_(other.small_), tag_(other.tag_) {
    other.small_ = 0;
    other.tag_ = 0;
  }
  decimal& operator=(const decimal& other) noexcept {
    if (other.is_big()) detail::retain(other.big_ptr());
    if (is_big()) detail::release(big_ptr());
    small_ = other.small_;
    tag_ = other.tag_;
    return *this;
  }
  decimal& operator=(decimal&& other) noexcept {
    if (this == &other) return *this;
    if (is_big()) detail::release(big_ptr());
    small_ = other.small_;
    tag_ = other.tag_;
    other.small_ = 0;
    other.tag_ = 0;
    return *this;
  }
  ~decimal() {
    if (is_big()) detail::release(big_ptr());
  }

  // --- Observers ----------------------------------------------------------------------------------

  /// Digits after the decimal point as stored (1.50 → 2).
  [[nodiscard]] int scale() const noexcept { return static_cast<int>(tag_ & ~big_bit); }
  /// -1, 0 or 1.
  [[nodiscard]] int signum() const noexcept {
    if (is_big()) return big_signum();
    return (small_ > 0) - (small_ < 0);
  }
  [[nodiscard]] bool is_zero() const noexcept { return !is_big() && small_ == 0; }
  /// The coefficient when it fits in 64 bits (value = coefficient × 10^-scale()).
  [[nodiscard]] std::optional<std::int64_t> small_coefficient() const noexcept {
    if (is_big()) return std::nullopt;
    return small_;
  }
  /// (negative, digits, exponent) with exponent = -scale(); lossless inverse of from_parts.
  [[nodiscard]] decimal_parts to_parts() const;

  /// Plain text keeping the stored scale: "1.50", "-0.25", "14083".
  [[nodiscard]] std::string to_string() const;
  /// Text in `style` keeping the stored scale: vi "1.340,50", en "1,340.50", plain "1340.50".
  [[nodiscard]] std::string format(number_style style) const;
  /// Rounded to `scale` with `mode` first, then formatted.
  [[nodiscard]] std::string format(number_style style, int scale, rounding mode) const;

  /// Hash of the value: equal values (1.5, 1.50) hash alike.
  [[nodiscard]] std::size_t hash() const noexcept {
    if (is_big()) return big_hash();
    std::int64_t c = small_;
    int s = scale();
    while (s > 0 && c % 10 == 0) {
      c /= 10;
      --s;
    }
    return hash_small(c, s);
  }

  // --- Arithmetic ---------------------------------------------------------------------------------

  [[nodiscard]] decimal abs() const { return signum() < 0 ? -*this : *this; }
  /// The same value with `scale` digits after the point (exact when scale >= this->scale()).
  [[nodiscard]] decimal rescale(int scale, rounding mode) const;
  /// The same value with trailing fractional zeros removed (1.500 → 1.5; 100 stays 100).
  [[nodiscard]] decimal trimmed() const;

  [[nodiscard]] decimal operator-() const {
    if (!is_big() && small_ != std::numeric_limits<std::int64_t>::min()) {
      decimal r = *this;
      r.small_ = -small_;
      return r;
    }
    return negate_slow();
  }
  [[nodiscard]] decimal operator+() const { return *this; }

  decimal& operator+=(const decimal& b) {
    if (tag_ == b.tag_ && tag_ < big_bit) {  // same scale, both 64-bit
      std::int64_t s;
      if (!add_overflow(small_, b.small_, &s)) {
        small_ = s;
        return *this;
      }
    }
    adopt(add_slow(raw_of(), b, false));
    return *this;
  }
  decimal& operator-=(const decimal& b) {
    if (tag_ == b.tag_ && tag_ < big_bit) {  // same scale, both 64-bit
      std::int64_t s;
      if (!sub_overflow(small_, b.small_, &s)) {
        small_ = s;
        return *this;
      }
    }
    adopt(add_slow(raw_of(), b, true));
    return *this;
  }
  decimal& operator*=(const decimal& b) {
    if (((tag_ | b.tag_) & big_bit) == 0 && scale() + b.scale() <= max_scale) {
      std::int64_t p;
      if (!mul_overflow(small_, b.small_, &p)) {
        small_ = p;
        tag_ += b.tag_;
        return *this;
      }
    }
    adopt(mul_slow(raw_of(), b));
    return *this;
  }

  friend decimal operator+(decimal a, const decimal& b) { return a += b; }
  friend decimal operator-(decimal a, const decimal& b) { return a -= b; }
  friend decimal operator*(decimal a, const decimal& b) { return a *= b; }

  // --- Comparison (by value: 1.50 == 1.5) -------------------------------------------------------------

  /// -1, 0 or 1.
  [[nodiscard]] static int compare(const decimal& a, const decimal& b) noexcept {
    if (a.tag_ == b.tag_ && a.tag_ < big_bit) {
      return (a.small_ > b.small_) - (a.small_ < b.small_);
    }
    return compare_slow(a, b);
  }
  friend bool operator==(const decimal& a, const decimal& b) noexcept { return compare(a, b) == 0; }
  friend bool operator!=(const decimal& a, const decimal& b) noexcept { return compare(a, b) != 0; }
  friend bool operator<(const decimal& a, const decimal& b) noexcept { return compare(a, b) < 0; }
  friend bool operator<=(const decimal& a, const decimal& b) noexcept { return compare(a, b) <= 0; }
  friend bool operator>(const decimal& a, const decimal& b) noexcept { return compare(a, b) > 0; }
  friend bool operator>=(const decimal& a, const decimal& b) noexcept { return compare(a, b) >= 0; }

  /// Writes to_string().
  friend CCHC_EXPORT std::ostream& operator<<(std::ostream& os, const decimal& d);

 private:
  friend struct decimal_access;  // src/core/decimal.cpp

  static bool add_overflow(std::int64_t a, std::int64_t b, std::int64_t* r) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_add_overflow(a, b, r);
#else
    if ((b > 0 && a > std::numeric_limits<std::int64_t>::max() - b) ||
        (b < 0 && a < std::numeric_limits<std::int64_t>::min() - b))
      return true;
    *r = a + b;
    return false;
#endif
  }
  static bool sub_overflow(std::int64_t a, std::int64_t b, std::int64_t* r) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_sub_overflow(a, b, r);
#else
    if ((b < 0 && a > std::numeric_limits<std::int64_t>::max() + b) ||
        (b > 0 && a < std::numeric_limits<std::int64_t>::min() + b))
      return true;
    *r = a - b;
    return false;
#endif
  }
  static bool mul_overflow(std::int64_t a, std::int64_t b, std::int64_t* r) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_mul_overflow(a, b, r);
#else
    if (a == 0 || b == 0) {
      *r = 0;
      return false;
    }
    const std::int64_t max = std::numeric_limits<std::int64_t>::max();
    const std::int64_t min = std::numeric_limits<std::int64_t>::min();
    if ((a == -1 && b == min) || (b == -1 && a == min)) return true;
    if (a > 0 ? (b > 0 ? a > max / b : b < min / a) : (b > 0 ? a < min / b : a < max / b))
      return true;
    *r = a * b;
    return false;
#endif
  }
  static std::size_t hash_small(std::int64_t c, int s) noexcept {
    const std::size_t h = std::hash<std::int64_t>{}(c);
    return h ^ (static_cast<std::size_t>(s) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
  }
  static void check_scale(int scale, const char* operation);

  void init_unsigned(unsigned long long value);
  [[nodiscard]] int big_signum() const noexcept;
  [[nodiscard]] std::size_t big_hash() const noexcept;
  [[nodiscard]] decimal negate_slow() const;
  // The slow paths take and return the representation as a trivially copyable pair (passed and
  // returned in registers) rather than `this` or a decimal, so that a local accumulator
  // (`sum += x` in a loop) never has its address taken and stays in a register; the fast path is
  // then a compare, a sign test, an add and an overflow check.
  struct raw {
    std::int64_t bits;  // small_
    std::uint32_t tag;  // tag_
  };
  [[nodiscard]] raw raw_of() const noexcept { return raw{small_, tag_}; }
  // Takes ownership of r (a fresh big_coefficient reference when big) and drops the old value.
  void adopt(raw r) noexcept {
    if (is_big()) detail::release(big_ptr());
    small_ = r.bits;
    tag_ = r.tag;
  }
  [[nodiscard]] CCHC_DECIMAL_COLD static raw add_slow(raw a, const decimal& b, bool subtract);
  [[nodiscard]] CCHC_DECIMAL_COLD static raw mul_slow(raw a, const decimal& b);
  [[nodiscard]] static int compare_slow(const decimal& a, const decimal& b) noexcept;

  [[nodiscard]] const detail::big_coefficient* big_ptr() const noexcept {
    return reinterpret_cast<const detail::big_coefficient*>(static_cast<std::intptr_t>(small_));
  }

  // The coefficient when !is_big(); otherwise the address of the shared big_coefficient (never one
  // whose value would fit in 64 bits, so that the fast paths can trust is_big()). A plain integer
  // rather than a union: compilers keep it in a register across a summation loop, not a union.
  std::int64_t small_;
  // The scale, plus big_bit when the coefficient is a big_coefficient: one compare of tag_ tells the
  // fast paths "same scale and both 64-bit".
  static constexpr std::uint32_t big_bit = 0x80000000u;
  std::uint32_t tag_ = 0;
  [[nodiscard]] bool is_big() const noexcept { return (tag_ & big_bit) != 0; }
};

}  // namespace cchc

namespace std {
template <>
struct hash<cchc::decimal> {
  std::size_t operator()(const cchc::decimal& d) const noexcept { return d.hash(); }
};
}  // namespace std
