// cchc/civil_time.hpp — Vietnamese civil dates and times, and the one parser that reads them.
//
// CIVIL TIME IS NOT ABSOLUTE TIME
//
// Everything a Vietnamese report or one-stop-shop log says about time is *civil time*: what the wall
// clock and the wall calendar showed in Vietnam — "received at 08:15 on 02/03/2023", "due 31/01/2023".
// Deadlines, office hours, cut-off hours and days off are rules about civil time: an office closes at
// 17:00 civil time, and Tết is a run of civil days. An *absolute time* (an instant, a
// std::chrono::sys_time, "2023-03-02T01:15Z") is a point on the world's time line; it becomes a civil
// time only once a place is named. Vietnam has kept UTC+7 without daylight saving since 1975, so the
// conversion is a fixed 7 hours — but it is still a conversion, and mixing the two kinds silently is
// the classic bug (a UTC timestamp from a server compared with 17:00 is off by seven hours, and a
// receipt at 23:30 UTC lands on the wrong civil day).
//
// So, as in abseil's civil_time.h and Howard Hinnant's date, the two are distinct types:
//
//   cchc::civil_time   date::local_time<std::chrono::minutes>  a Vietnamese civil date and minute
//   cchc::civil_day    date::local_days                         a Vietnamese civil day
//   date::sys_time<…>                                           an instant (UTC)
//
// A sys_time does not convert to a civil_time implicitly (and vice versa); to_civil_time() and
// to_utc() name the conversion. The model counts whole minutes: seconds never matter to a deadline.
//
// The work calendar (cchc/calendar.hpp) indexes days by their day number, a date::sys_days; a civil day
// and its day number are the same count of days since 1970-01-01 (no time zone is involved in a *day*
// number), which to_sys_days() and to_civil_day() convert explicitly; day_number_of(t) and
// civil_time_at(day, time_of_day) do the same between a civil time and a day number plus a time of
// day. parse_date() returns the day number directly, since that is what the calendar takes.
// cchc::date_time, the time of every deadline and dossier (cchc/deadline.hpp), is civil_time.
//
// PARSING
//
// parse_date and parse_date_time read the forms people and exporting systems write (the same
// parser every cchc loader uses, so a date rule has one home):
//
//   parse_date       YYYY-MM-DD, dd/mm/yyyy (2023-03-02, 2023-3-2, 02/03/2023, 2/3/2023)
//   parse_date_time  <date> HH:MM[:SS[.fff]] ('T' or spaces between), optionally followed by a UTC
//                    offset Z, ±HH:MM, ±HHMM or ±HH: the text then names an instant, converted to
//                    Vietnamese civil time: "2023-03-02T01:15Z" → 2023-03-02 08:15 civil.
//
// Rules: years 1900–2199 (before and after an offset's conversion); Gregorian leap years
// (29/02/2024 exists, 29/02/2023 and 29/02/2100 do not); hours 0–23, minutes 00–59; offsets within
// ±14:00 with two-digit hours and minutes. Seconds and fractions of a second are dropped (the civil
// minute the time falls in); offsets are whole minutes, so dropping them before or after the
// conversion gives the same minute. parse_date refuses a text with a time, parse_date_time one
// without (say which you mean). Failures throw cchc::parse_error saying what was expected and what
// was found ("expected a date YYYY-MM-DD or dd/mm/yyyy, found '29/02/2023' (day 29 does not exist in
// February 2023 (28 days))"); the try_ forms return std::nullopt and the same message in *why.
//
//     auto t = cchc::parse_date_time("2023-03-02T01:15Z");          // civil 2023-03-02 08:15
//     auto u = cchc::parse_date_time("02/03/2023 08:15");           // the same civil time
//     t == u;                                                       // true
//     cchc::to_utc(t);                                              // sys_time 2023-03-02 01:15
//     date::sys_days d = cchc::parse_date("16/01/2023");            // a day number for the calendar
//     cchc::try_parse_date("29/02/2023").has_value();               // false: not a leap year
//     // cchc::civil_time bad = std::chrono::system_clock::now();   // does not compile: an instant
#pragma once

#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace cchc {

/// A Vietnamese civil date and time, to the minute (not an instant: see above).
using civil_time = date::local_time<std::chrono::minutes>;
/// A Vietnamese civil day.
using civil_day = date::local_days;

/// Vietnam's offset from UTC (UTC+7 since 1975, no daylight saving).
inline constexpr std::chrono::minutes vietnam_utc_offset{7 * 60};

// --- Conversions (explicit, by name) -------------------------------------------------------------

/// The civil time in Vietnam at the instant `utc`.
[[nodiscard]] constexpr civil_time to_civil_time(date::sys_time<std::chrono::minutes> utc) noexcept {
  return civil_time{utc.time_since_epoch() + vietnam_utc_offset};
}
/// The instant at which Vietnamese clocks show `t`.
[[nodiscard]] constexpr date::sys_time<std::chrono::minutes> to_utc(civil_time t) noexcept {
  return date::sys_time<std::chrono::minutes>{t.time_since_epoch() - vietnam_utc_offset};
}
/// The civil day `t` falls on.
[[nodiscard]] constexpr civil_day civil_day_of(civil_time t) noexcept { return date::floor<date::days>(t); }
/// The day number of a civil day, as the date::sys_days cchc::work_calendar takes. No time zone is
/// involved: both count days since 1970-01-01.
[[nodiscard]] constexpr date::sys_days to_sys_days(civil_day d) noexcept {
  return date::sys_days{d.time_since_epoch()};
}
/// The civil day with day number `d`.
[[nodiscard]] constexpr civil_day to_civil_day(date::sys_days d) noexcept { return civil_day{d.time_since_epoch()}; }
/// The day number of the civil day `t` falls on: to_sys_days(civil_day_of(t)). What a civil time
/// is compared with when it meets the calendar (a receipt day, a due day, a report period).
[[nodiscard]] constexpr date::sys_days day_number_of(civil_time t) noexcept { return to_sys_days(civil_day_of(t)); }
/// The civil time `time_of_day` after the start (00:00) of the civil day with day number `d`
/// (to_civil_day(d) + time_of_day): a due day and its time, a day of a schedule at 09:00.
[[nodiscard]] constexpr civil_time civil_time_at(date::sys_days d, std::chrono::minutes time_of_day) noexcept {
  return civil_time{to_civil_day(d)} + time_of_day;
}

// --- Parsing -------------------------------------------------------------------------------------

/// A date without a time (YYYY-MM-DD or dd/mm/yyyy) → its day number. Throws cchc::parse_error.
[[nodiscard]] CCHC_EXPORT date::sys_days parse_date(std::string_view text);
/// Non-throwing parse_date: std::nullopt, and parse_date's message in *why when given.
[[nodiscard]] CCHC_EXPORT std::optional<date::sys_days> try_parse_date(std::string_view text, std::string* why = nullptr);

/// A date and a time, with an optional UTC offset (converted to Vietnamese civil time). Throws
/// cchc::parse_error.
[[nodiscard]] CCHC_EXPORT civil_time parse_date_time(std::string_view text);
/// Non-throwing parse_date_time: std::nullopt, and parse_date_time's message in *why when given.
[[nodiscard]] CCHC_EXPORT std::optional<civil_time> try_parse_date_time(std::string_view text, std::string* why = nullptr);

}  // namespace cchc
