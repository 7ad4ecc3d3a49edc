#include "cchc/rounding.hpp"

#include <string>

#include "cchc/error.hpp"

namespace cchc {

std::string_view to_string(rounding mode) noexcept {
  switch (mode) {
    case rounding::half_away_from_zero: return "half_away_from_zero";
    case rounding::half_even: return "half_even";
    case rounding::half_toward_zero: return "half_toward_zero";
    case rounding::toward_zero: return "toward_zero";
    case rounding::away_from_zero: return "away_from_zero";
    case rounding::floor: return "floor";
    case rounding::ceiling: return "ceiling";
  }
  return "invalid rounding";
}

std::string_view python_rounding_name(rounding mode) noexcept {
  switch (mode) {
    case rounding::half_away_from_zero: return "ROUND_HALF_UP";
    case rounding::half_even: return "ROUND_HALF_EVEN";
    case rounding::half_toward_zero: return "ROUND_HALF_DOWN";
    case rounding::toward_zero: return "ROUND_DOWN";
    case rounding::away_from_zero: return "ROUND_UP";
    case rounding::floor: return "ROUND_FLOOR";
    case rounding::ceiling: return "ROUND_CEILING";
  }
  return "invalid rounding";
}

rounding parse_rounding(std::string_view name) {
  for (rounding r : all_roundings) {
    if (name == to_string(r) || name == python_rounding_name(r)) return r;
  }
  std::string valid;
  for (rounding r : all_roundings) {
    if (!valid.empty()) valid += ", ";
    valid += to_string(r);
  }
  std::string message = "unknown rounding mode \"" + std::string(name.substr(0, 80)) +
                        (name.size() > 80 ? "...\"" : "\"") + "; expected one of: " + valid +
                        " (or Python's ROUND_* names)";
  if (name == "half_up" || name == "half_down" || name == "HALF_UP" || name == "HALF_DOWN") {
    message += "; \"half_up\"/\"half_down\" are ambiguous across libraries, name the tie rule "
               "(half_away_from_zero, half_toward_zero)";
  }
  throw lookup_error(message, location{{}, 0, 0, {}, "rounding"});
}

}  // namespace cchc
