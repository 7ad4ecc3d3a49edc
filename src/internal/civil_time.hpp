// The one parser of civil dates and date-times written by people and exported by one-stop-shop
// systems. Every loader (dossier logs, schedules, reports, document references, the CLI, the public
// cchc/civil_time.hpp) parses dates through here, so that a date rule has one home.
//
// Accepted (leading/trailing spaces and tabs ignored):
//
//   date       YYYY-MM-DD            2023-03-02   2023-3-2
//              dd/mm/yyyy            02/03/2023   2/3/2023
//   date-time  <date> HH:MM[:SS[.fff]]            'T' or spaces between the date and the time
//              <date>THH:MM[:SS[.fff]]<offset>    offset Z, ±HH:MM, ±HHMM or ±HH (optionally after
//                                                 spaces): "2023-03-02T08:15+07:00",
//                                                 "2023-03-02T01:15Z", "2023-03-02 08:15 +0700"
//
// Civil time is Vietnamese civil time (UTC+7, no daylight saving since 1975). A text without an offset
// already *is* civil time. A text with an offset names an instant; it is converted to the civil time
// of that instant: 2023-03-02T01:15Z → 2023-03-02 08:15, 2023-03-01T20:00-05:00 → 2023-03-02 08:00
// (the civil day may differ from the written one). Offsets must lie within ±14:00 (the widest in
// use) and have two-digit hours and minutes (minutes 00-59).
//
// Seconds and their fractions are accepted and dropped — the civil minute is the one the time falls
// in (truncation), because the model counts minutes. Offsets are whole minutes, so dropping seconds
// before or after the conversion gives the same minute: 01:15:59Z and 08:15:59+07:00 are both civil
// 08:15. (A converted time is therefore always a whole civil minute; an offset with seconds,
// "+07:00:30", is refused as malformed.)
//
// Which dates exist is one rule, check_civil_date: years 1900–2199 (before and after an offset's
// conversion), months 1–12, and the days of date::year_month_day::ok() (Gregorian leap years:
// 29/02/2024 and 29/02/2000 exist, 29/02/2023 and 29/02/1900 do not).
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
  bool has_offset = false;             // the text named a UTC offset (day/time_of_day are converted)
  std::chrono::minutes utc_offset{};   // the offset as written (+07:00 → 420, Z → 0); 0 without one
};

// Parses `text`. Returns nullptr on success, else a short reason ("month outside 1-12"); when `why`
// is given, the reason says what was expected and what was found ("expected a month 1-12, found 13"),
// is written there, and the returned pointer points into it. On failure `out` is unchanged.
[[nodiscard]] const char* parse_civil(std::string_view text, civil_fields& out, std::string* why = nullptr);

// The two halves of parse_civil, declared for its tests (callers use parse_civil). Logs write
// millions of dates in a few canonical shapes, so parse_civil first tries
// parse_civil_canonical: exactly `YYYY-MM-DD`, `dd/mm/yyyy`, either followed by ' ' or 'T' and
// `HH:MM` (two digits everywhere, no surrounding spaces, no seconds, no offset). It returns true
// and fills `out` only for a valid date and time of those shapes — the same fields the grammar
// gives — and false for anything else (then `out` is untouched), which parse_civil_general, the
// whole grammar, reads or refuses with its reason. The fast path never refuses anything itself, so
// whatever it declines is decided and explained by the one grammar.
[[nodiscard]] bool parse_civil_canonical(std::string_view text, civil_fields& out) noexcept;
[[nodiscard]] const char* parse_civil_general(std::string_view text, civil_fields& out, std::string* why = nullptr);

// The forms parse_civil accepts, for messages.
inline constexpr std::string_view civil_forms =
    "YYYY-MM-DD, YYYY-MM-DD HH:MM, dd/mm/yyyy or dd/mm/yyyy HH:MM (an ISO offset such as +07:00 or Z "
    "may follow the time)";

// What check_civil_date found.
enum class civil_date_status {
  ok,
  bad_year,     // outside 1900-2199
  bad_month,    // outside 1-12
  bad_day,      // outside 1-31: in no month at all (the reason reads like no_such_day's)
  no_such_day,  // 1-31 but not in that month of that year (30/02, 31/04, 29/02/2023)
};

// The one rule for which (year, month, day) are civil dates (see above). On failure, when `why` is
// given, writes the reason ("day 30 does not exist in February 2023 (28 days)").
[[nodiscard]] civil_date_status check_civil_date(int year, int month, int day, std::string* why = nullptr);

}  // namespace cchc::internal
