// The one parser of civil dates and date-times written by people and exported by one-stop-shop
// systems: YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS], dd/mm/yyyy, dd/mm/yyyy HH:MM[:SS] ('T' may separate the
// date and the time; seconds are accepted and dropped). Every loader parses dates through here.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include <date/date.h>

namespace cchc::internal {

struct civil_fields {
  date::sys_days day{};                // the civil day (a day number; no time zone attached)
  std::chrono::minutes time_of_day{};  // 0 when the text has no time
  bool has_time = false;
};

// Parses `text` (leading/trailing spaces and tabs ignored). Returns nullptr on success, else a short
// reason ("month outside 1-12"); when `why` is given, reasons that need the input's values are written
// there and the returned pointer points into it. Years 1900–2199.
[[nodiscard]] const char* parse_civil(std::string_view text, civil_fields& out, std::string* why = nullptr);

// The forms parse_civil accepts, for messages.
inline constexpr std::string_view civil_forms = "YYYY-MM-DD, YYYY-MM-DD HH:MM, dd/mm/yyyy or dd/mm/yyyy HH:MM";

}  // namespace cchc::internal
