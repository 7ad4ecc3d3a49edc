// cchc/deadline.hpp — when is an administrative dossier due?
//
// Each procedure states its processing time in a unit: working days (most), calendar days, working
// hours, half days (one office session), or "same day". The clock starts on the *receipt day*:
//
//   * a dossier received on a day off counts as received on the next working day;
//   * optionally (receipt_rule::cutoff, off by default), one received after the cut-off hour of a
//     working day (e.g. 15:00 for certification and civil status) also counts as received on the
//     next working day.
//
// Then, as in the Civil Code (2015, Art. 147–148), the receipt day itself is not counted:
//
//   working days   due = add_working_days(receipt day, N)          — received Sat, N = 1 → due Tue
//   calendar days  due = receipt day + N days, moved to the next working day if that is a day off
//   same day       due = the receipt day (amount 0 or 1)
//   working hours  N × 60 office minutes counted from the receipt instant (from the start of the
//                  receipt day if it was moved), inside office hours (default 07:30–11:30 and
//                  13:30–17:00) of working days; due at that minute
//   half days      one half day = one office session; the receipt session (the one in progress at
//                  receipt, or the next to start) is not counted; due at the end of the N-th
//                  session after it — received Monday morning, N = 2 → due Tuesday 11:30
//
// A due date without a time ends at 24:00 of its day (Art. 148). Pauses (waiting for the citizen's
// supplementary documents) stop the clock: for day units the working (or calendar) days in
// (pause start day, pause end day] are not counted — the deadline moves by that many days; for hours
// the office minutes inside the pause; for half days the sessions after the one in which the pause
// starts up to the one in which it ends (that one not counted, like the receipt session). A pause
// that starts after the (extended) due date changes nothing. docs/calendar.md has worked examples.
//
//   using namespace date::literals; using namespace std::chrono_literals;
//   const auto& cal = cchc::vietnam::civil_service_calendar();
//   cchc::civil_time at = date::local_days{2024_y / 4 / 26} + 9h;          // Fri 26/04/2024 09:00
//   auto d = cchc::due(at, {cchc::time_unit::working_days, 3}, cal);
//   // d.day == Sat 04/05/2024: 27/04–01/05 off; Thu 02/05, Fri 03/05, then the make-up Saturday
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "cchc/calendar.hpp"
#include "cchc/civil_time.hpp"

namespace cchc {

/// A Vietnamese civil date-time, to the minute: the same type as cchc::civil_time
/// (date::local_time<std::chrono::minutes>, cchc/civil_time.hpp), kept under this name so that code
/// written against the deadline and dossier API compiles unchanged. It is *not* an instant: a
/// std::chrono::sys_time (UTC) does not convert to it — cchc::to_civil_time() names the conversion —
/// and a day number (date::sys_days, what the calendar takes) meets it through
/// cchc::civil_time_at() and cchc::day_number_of().
using date_time = civil_time;

/// The unit of a processing time. Names as in the dossier log CSV.
enum class time_unit : std::uint8_t {
  working_days = 0,
  calendar_days = 1,
  working_hours = 2,
  half_days = 3,
  same_day = 4,
};
/// "working_days", "calendar_days", "working_hours", "half_days", "same_day".
[[nodiscard]] CCHC_EXPORT std::string_view to_string(time_unit unit) noexcept;
/// Inverse of to_string; unknown → lookup_error listing the accepted names.
[[nodiscard]] CCHC_EXPORT time_unit parse_time_unit(std::string_view name);

/// A procedure's processing time: an amount in a unit (3 working days, 8 working hours, …).
struct CCHC_EXPORT processing_time {
  time_unit unit = time_unit::working_days;
  long amount = 0;

  friend bool operator==(const processing_time& a, const processing_time& b) noexcept {
    return a.unit == b.unit && a.amount == b.amount;
  }
  friend bool operator!=(const processing_time& a, const processing_time& b) noexcept {
    return !(a == b);
  }
};

/// One office session, as times of day.
struct CCHC_EXPORT office_session {
  std::chrono::minutes start;
  std::chrono::minutes end;
};

/// Office hours of a working day: a morning and an afternoon session.
struct CCHC_EXPORT office_hours {
  office_session morning{std::chrono::minutes{7 * 60 + 30}, std::chrono::minutes{11 * 60 + 30}};
  office_session afternoon{std::chrono::minutes{13 * 60 + 30}, std::chrono::minutes{17 * 60}};
  /// Office minutes of one working day (450 by default).
  [[nodiscard]] long minutes_per_day() const noexcept {
    return (morning.end - morning.start).count() + (afternoon.end - afternoon.start).count();
  }
};

/// How a receipt instant becomes a receipt day, and the office hours used by hour-based units.
struct CCHC_EXPORT receipt_rule {
  /// Time of day: a dossier received strictly after it on a working day counts as received on the
  /// next working day. Empty (the default): no cut-off.
  std::optional<std::chrono::minutes> cutoff;
  office_hours hours;

  [[nodiscard]] receipt_rule with_cutoff(std::chrono::minutes time_of_day) const {
    receipt_rule r = *this;
    r.cutoff = time_of_day;
    return r;
  }
  [[nodiscard]] receipt_rule with_office_hours(office_hours h) const {
    receipt_rule r = *this;
    r.hours = h;
    return r;
  }
  /// argument_error unless 00:00 <= start < end <= 24:00 for each session, morning ending no later
  /// than the afternoon starts, and the cut-off within 00:00 … 24:00.
  void validate() const;
};

/// The clock stopped from `from` to `to` (waiting for supplementary documents).
struct CCHC_EXPORT pause {
  civil_time from;
  civil_time to;
};

/// The due date, with a time of day for working hours and half days.
struct CCHC_EXPORT due_date {
  date::sys_days day;
  std::optional<std::chrono::minutes> time;  ///< empty: the period ends at 24:00 of `day`

  /// The last instant of the period: day + time, or the end of the day (the next day's 00:00).
  [[nodiscard]] civil_time deadline() const {
    return civil_time_at(day, time ? *time : std::chrono::minutes{24 * 60});
  }
  /// True when a result at `t` is in time: t <= day + time, or t before the end of the due day.
  [[nodiscard]] bool met_by(civil_time t) const { return time ? t <= deadline() : t < deadline(); }

  friend bool operator==(const due_date& a, const due_date& b) noexcept {
    return a.day == b.day && a.time == b.time;
  }
  friend bool operator!=(const due_date& a, const due_date& b) noexcept { return !(a == b); }
};

/// The receipt day of a dossier received at `received_at` (see the rules above).
[[nodiscard]] CCHC_EXPORT date::sys_days receipt_day(civil_time received_at, const work_calendar& calendar,
                                         const receipt_rule& rule = {});

/// The due date of a dossier. Errors: negative amount, same_day with an amount other than 0 or 1,
/// invalid office hours or cut-off, a pause ending before it starts → argument_error; a date or a
/// result outside the calendar's range → range_error.
[[nodiscard]] CCHC_EXPORT due_date due(civil_time received_at, processing_time time, const work_calendar& calendar,
                           const receipt_rule& rule = {}, const std::vector<pause>& pauses = {});

}  // namespace cchc
