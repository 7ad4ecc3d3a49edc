// cchc/finding.hpp — a finding: something a check noticed about data (not an exception).
//
// Checks that look at published figures (a flow table whose columns do not add up, a percentage that
// no rounding reproduces) do not throw: they return findings. A finding has a stable rule id, a
// severity, where it is, a message in Vietnamese and in English, and the numbers involved as exact
// text, so a program can show, filter or re-check it.
//
//     for (const cchc::finding& f : flow.check())
//       std::cout << to_string(f.severity) << ' ' << f.rule << ": " << f.message_en << '\n';
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cchc/error.hpp"

namespace cchc {

enum class severity : unsigned char { info = 0, warning = 1, error = 2 };

/// "info", "warning" or "error".
[[nodiscard]] constexpr std::string_view to_string(severity s) noexcept {
  switch (s) {
    case severity::info: return "info";
    case severity::warning: return "warning";
    case severity::error: return "error";
  }
  return "unknown";
}

struct CCHC_EXPORT finding {
  std::string rule;             ///< stable rule id, e.g. "flow.received_identity"
  cchc::severity severity = severity::error;
  location where;               ///< usually a JSON path
  std::string message_vi;       ///< Vietnamese message
  std::string message_en;       ///< English message
  /// The numbers involved, by name, as exact decimal text ("received" → "14083").
  std::vector<std::pair<std::string, std::string>> numbers;

  friend bool operator==(const finding& a, const finding& b) {
    return a.rule == b.rule && a.severity == b.severity && a.where == b.where &&
           a.message_vi == b.message_vi && a.message_en == b.message_en && a.numbers == b.numbers;
  }
  friend bool operator!=(const finding& a, const finding& b) { return !(a == b); }
};

}  // namespace cchc
