// cchc/rounding.hpp — the seven rounding modes, with names that cannot be misread.
//
// Every lossy step in cchc (dividing, rescaling, formatting at fewer decimals, turning a ratio into a
// percentage) names both the scale it rounds to and one of these modes. The names say what happens to
// a tie and to the sign, because the usual short names do not: "half_up" means "ties away from zero"
// in Python's decimal (ROUND_HALF_UP) but "ties toward +infinity" in Arrow and some C++ libraries.
//
//   mode                 2.5 → 2.4 → -2.5 → -2.6 →   Python decimal
//   half_away_from_zero   3     2    -3     -3       ROUND_HALF_UP
//   half_even             2     2    -2     -3       ROUND_HALF_EVEN
//   half_toward_zero      2     2    -2     -3       ROUND_HALF_DOWN
//   toward_zero           2     2    -2     -2       ROUND_DOWN      (truncate)
//   away_from_zero        3     3    -3     -3       ROUND_UP
//   floor                 2     2    -3     -3       ROUND_FLOOR     (toward -infinity)
//   ceiling               3     3    -2     -2       ROUND_CEILING   (toward +infinity)
//
// Python's ROUND_05UP has no counterpart here.
//
//     auto m = cchc::parse_rounding("half_even");     // cchc::rounding::half_even
//     cchc::python_rounding_name(m);                  // "ROUND_HALF_EVEN"
//     for (auto r : cchc::all_roundings) { ... }      // the 7 modes, in declaration order
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <array>
#include <string_view>

namespace cchc {

/// How to round a value that lies between two representable values at the requested scale.
enum class rounding {
  half_away_from_zero,  ///< nearest; ties away from zero (Python ROUND_HALF_UP, "commercial")
  half_even,            ///< nearest; ties to the even neighbour (Python ROUND_HALF_EVEN, "banker's")
  half_toward_zero,     ///< nearest; ties toward zero (Python ROUND_HALF_DOWN)
  toward_zero,          ///< truncate (Python ROUND_DOWN)
  away_from_zero,       ///< any nonzero remainder moves away from zero (Python ROUND_UP)
  floor,                ///< toward -infinity (Python ROUND_FLOOR)
  ceiling,              ///< toward +infinity (Python ROUND_CEILING)
};

/// The seven modes in declaration order (useful to ask "which rule reproduces this figure?").
inline constexpr std::array<rounding, 7> all_roundings = {
    rounding::half_away_from_zero, rounding::half_even, rounding::half_toward_zero,
    rounding::toward_zero,         rounding::away_from_zero, rounding::floor,
    rounding::ceiling};

/// The enumerator's name: "half_away_from_zero", "half_even", ...
[[nodiscard]] CCHC_EXPORT std::string_view to_string(rounding mode) noexcept;

/// Inverse of to_string (exact, lower-case names). Python's names ("ROUND_HALF_UP", ...) are accepted
/// too, since analysts will paste them; the ambiguous "half_up"/"half_down" are rejected on purpose.
/// Throws cchc::lookup_error naming the unknown text and listing the valid names.
[[nodiscard]] CCHC_EXPORT rounding parse_rounding(std::string_view name);

/// Python's decimal module name for the same rule: "ROUND_HALF_UP" for half_away_from_zero, ...
[[nodiscard]] CCHC_EXPORT std::string_view python_rounding_name(rounding mode) noexcept;

/// True for the three "round to nearest" modes (half_*).
[[nodiscard]] constexpr bool is_nearest(rounding mode) noexcept {
  return mode == rounding::half_away_from_zero || mode == rounding::half_even ||
         mode == rounding::half_toward_zero;
}

}  // namespace cchc
