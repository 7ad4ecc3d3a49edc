// deadline/deadline_kernel.hpp — the one implementation of the deadline rule (private).
//
// Every path that needs a due date — `cchc::due` (deadline.hpp), `cchc::due_of` and `outcome_at`
// (dossier.hpp), the flow accumulator, the columnar classifier (dossier_batch.hpp), the CLI and the
// Python bindings — ends here. The public functions validate their arguments and call these; the hot
// columnar loop validates a row cheaply and calls them directly: no allocation for up to
// `inline_pauses` pauses, no per-call validation of the receipt rule, O(1 + pauses) table look-ups.
//
// The rule (docs/dossiers.md §1, docs/calendar.md):
//  * receipt day: the received day, moved to the next working day when it is a day off or when the
//    dossier was received strictly after the receipt cut-off (the procedure's, else the rule's);
//  * the processing time is counted on a monotone clock — working days, calendar days, office minutes
//    or office sessions elapsed — from the receipt day (which itself is not counted, Civil Code
//    Art. 147); a promised return date is a position on the working-day clock;
//  * pauses (waits for supplementary documents) are merged where they overlap or touch, taken in
//    order of start, and each moves the deadline by the clock time in (pause start, pause end]: for
//    day units the days after the start day up to and including the end day; for hours the office
//    minutes; for half days the sessions after the start session up to the end session;
//  * **one rule for where a pause starts relative to the due day**: a pause that starts after the
//    (already moved) deadline — a later day for day units, a later instant for hours and half days —
//    changes nothing; one that starts on or before it moves it: the time left after its start is
//    counted after its end, and with no time left the dossier is due when the clock restarts (day
//    units: the day the complete file comes back, or the next working day; hours: that instant; half
//    days: the end of that session). Processing times and promised dates alike.
#pragma once

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include <date/date.h>

#include "cchc/calendar.hpp"
#include "cchc/civil_time.hpp"
#include "cchc/deadline.hpp"
#include "cchc/error.hpp"

namespace cchc::kernel {

using std::chrono::minutes;
using i64 = std::int64_t;

/// Beyond this any amount runs past the 300-year range; refusing it early keeps the arithmetic far
/// from overflow.
inline constexpr i64 max_amount = 1'000'000'000;

/// The calendar's clocks, bound once per call (or per batch).
struct clock {
  const detail::working_day_index& ix;
  office_hours h;
  i64 per_day;
  // Division by per_day (a run-time value) without a divide instruction: for 0 <= x < 2^28 and
  // 16 <= per_day <= 1440, floor(x / per_day) = (x * per_day_reciprocal) >> 40 exactly, with
  // per_day_reciprocal = ceil(2^40 / per_day) <= 2^36 (so the product stays below 2^64): it
  // overshoots x / per_day by less than x / 2^40 < 2^-12, and a quotient's fractional part is at
  // most 1 - 1/per_day <= 1 - 2^-11. (300 years of office minutes stay below 2^28; other x and
  // office days take the divide. Tested in tests/cpp/internal_deadline_kernel_test.cpp.)
  std::uint64_t per_day_reciprocal;

  clock(const work_calendar& calendar, const office_hours& hours)
      : ix(calendar.index()),
        h(hours),
        per_day(hours.minutes_per_day()),
        per_day_reciprocal(per_day > 0 ? ((std::uint64_t{1} << 40) + static_cast<std::uint64_t>(per_day) - 1) /
                                             static_cast<std::uint64_t>(per_day)
                                       : 0) {}

  /// floor(x / per_day) for x >= 0.
  [[nodiscard]] i64 office_days(i64 x) const {
    if (x < (i64{1} << 28) && per_day >= 16 && per_day <= 1440)
      return static_cast<i64>((static_cast<std::uint64_t>(x) * per_day_reciprocal) >> 40);
    return x / per_day;
  }

  [[nodiscard]] std::int32_t index(date::sys_days d) const {
    return ix.index_of(d.time_since_epoch().count(), "due");
  }
  [[nodiscard]] bool working(std::int32_t i) const { return ix.is_working_index(i); }
  /// Working days among the range's days 0 .. i-1.
  [[nodiscard]] i64 before(std::int32_t i) const { return ix.cumulative[i]; }
  [[nodiscard]] i64 through(std::int32_t i) const { return ix.cumulative[i + 1]; }

  [[noreturn]] static void out_of_range() {
    location at;
    at.field = "due";
    throw range_error("the due date falls outside the calendar's supported range " +
                          date::format("%F", work_calendar::range_first) + " … " +
                          date::format("%F", work_calendar::range_last),
                      at);
  }

  [[nodiscard]] date::sys_days day_of_ordinal(i64 q) const {
    if (q < 0 || q >= ix.working) out_of_range();
    return date::sys_days{date::days{ix.first + ix.ordinal[q]}};
  }

  static minutes time_of_day(civil_time t) { return t - date::floor<date::days>(t); }

  /// Office minutes before t (from the start of the range).
  [[nodiscard]] i64 office_minutes(civil_time t) const {
    const std::int32_t i = index(day_number_of(t));
    i64 m = per_day * before(i);
    if (working(i)) {
      const i64 tod = time_of_day(t).count();
      auto part = [tod](const office_session& s) {
        return std::clamp<i64>(tod - s.start.count(), 0, (s.end - s.start).count());
      };
      m += part(h.morning) + part(h.afternoon);
    }
    return m;
  }

  /// The instant at which the office-minute clock reads g (g >= 1): the end of the g-th minute.
  [[nodiscard]] civil_time at_office_minute(i64 g) const {
    const i64 q = office_days(g - 1);
    const i64 within = g - q * per_day;  // 1 … per_day
    const date::sys_days day = day_of_ordinal(q);
    const i64 morning = (h.morning.end - h.morning.start).count();
    const minutes tod = within <= morning ? h.morning.start + minutes{within}
                                          : h.afternoon.start + minutes{within - morning};
    return civil_time_at(day, tod);
  }

  /// The session in progress at t, or the next one to start: 2q (morning) or 2q + 1 (afternoon) of
  /// the working day with ordinal q.
  [[nodiscard]] i64 session(civil_time t) const {
    const std::int32_t i = index(day_number_of(t));
    const i64 q = before(i);
    if (!working(i)) return 2 * q;
    const minutes tod = time_of_day(t);
    if (tod < h.morning.end) return 2 * q;
    if (tod < h.afternoon.end) return 2 * q + 1;
    return 2 * q + 2;
  }
};

/// The pauses of one dossier, in any order, possibly overlapping: either records (`cchc::pause`) or
/// two columns of minutes since 1970-01-01 civil time (the columnar form). The kernel never
/// allocates for up to `inline_pauses` of them.
struct pause_list {
  const pause* records = nullptr;
  const i64* from = nullptr;
  const i64* to = nullptr;
  std::size_t size = 0;

  static pause_list of(const std::vector<pause>& v) { return {v.data(), nullptr, nullptr, v.size()}; }
  static pause_list of(const i64* from, const i64* to, std::size_t n) { return {nullptr, from, to, n}; }
  [[nodiscard]] pause at(std::size_t k) const {
    if (records) return records[k];
    return pause{civil_time{minutes{from[k]}}, civil_time{minutes{to[k]}}};
  }
};

inline constexpr std::size_t inline_pauses = 16;

/// The pauses sorted by start and merged where they overlap or touch (half-open reasoning on a
/// monotone clock: [a, b] and [c, d] with c <= b are one wait [a, max(b, d)]). Pauses must satisfy
/// from <= to (checked by the callers, who name the offending pause).
class merged_pauses {
 public:
  explicit merged_pauses(const pause_list& p) {
    const std::size_t n = p.size;
    if (n == 0) return;
    pause* buf = small_.p;
    if (n > inline_pauses) {
      large_.resize(n);
      buf = large_.data();
    }
    bool sorted = true;
    for (std::size_t k = 0; k < n; ++k) {
      buf[k] = p.at(k);
      if (k > 0 && buf[k].from < buf[k - 1].from) sorted = false;
    }
    if (!sorted) std::sort(buf, buf + n, [](const pause& a, const pause& b) { return a.from < b.from; });
    std::size_t out = 0;
    for (std::size_t k = 0; k < n; ++k) {
      if (out > 0 && buf[k].from <= buf[out - 1].to)
        buf[out - 1].to = std::max(buf[out - 1].to, buf[k].to);
      else
        buf[out++] = buf[k];
    }
    data_ = buf;
    size_ = out;
  }
  merged_pauses(const merged_pauses&) = delete;
  merged_pauses& operator=(const merged_pauses&) = delete;

  [[nodiscard]] const pause* begin() const { return data_; }
  [[nodiscard]] const pause* end() const { return data_ + size_; }
  [[nodiscard]] std::size_t size() const { return size_; }

 private:
  // Not value-initialised (a per-dossier cost on the hot path): only the first `n` are written and read.
  union storage {
    storage() {}
    pause p[inline_pauses];
  } small_;
  std::vector<pause> large_;
  const pause* data_ = nullptr;
  std::size_t size_ = 0;
};

/// Why a processing time cannot be used, or nullptr. The text names what was expected.
inline const char* processing_problem(processing_time t) {
  if (t.amount < 0) return "expected a processing time >= 0";
  if (t.unit == time_unit::same_day && t.amount > 1) return "expected 0 or 1 for a same-day procedure";
  if (static_cast<unsigned>(t.unit) > static_cast<unsigned>(time_unit::same_day))
    return "expected a processing-time unit 0 … 4 (working_days … same_day)";
  return nullptr;
}

/// The receipt day: the received day, or the next working day when that is a day off or when the
/// dossier came strictly after the cut-off time of day.
inline date::sys_days receipt_day(const clock& c, civil_time received_at, std::optional<minutes> cutoff) {
  const date::sys_days day = day_number_of(received_at);
  const std::int32_t i = c.index(day);
  if (!c.working(i) || (cutoff && clock::time_of_day(received_at) > *cutoff)) {
    const i64 q = c.through(i);  // ordinal of the next working day
    return c.day_of_ordinal(q);
  }
  return day;
}

/// Moves a working-day clock position `g` (working days elapsed through the due day; the due day is
/// the working day with ordinal g - 1, or `due_index` itself when given — a promised date may be a day
/// off) by the pauses, none counting from before `floor_index` (the receipt day's index). A pause
/// whose start day is after the current due day changes nothing; otherwise the working days left
/// after its start day (possibly none) are counted after its end day — with none left, the due day
/// is the end day itself, or the next working day when that is a day off.
inline i64 pause_working_days(const clock& c, i64 g, std::int32_t floor_index, const merged_pauses& ps,
                              std::int32_t due_index) {
  for (const pause& p : ps) {
    const std::int32_t f = std::max(c.index(day_number_of(p.from)), floor_index);
    if (f > due_index) break;  // starts after the (moved) due day: no effect
    const std::int32_t t = std::max(c.index(day_number_of(p.to)), f);
    if (t == f) continue;  // a wait within one day does not move a deadline counted in days
    const i64 left = g - c.through(f);
    g = c.through(t) + left;
    if (left == 0 && !c.working(t)) g += 1;
    if (g < 1 || g > c.ix.working) clock::out_of_range();
    due_index = c.ix.ordinal[g - 1];
  }
  return g;
}

/// A processing time in working hours, counted in office minutes from the receipt instant (the
/// receipt day `r`, `moved` when that is not the received day: then from its opening). Zero hours
/// left — from the start, or after a pause that starts at or before the due instant with nothing
/// left — is due at the instant the clock (re)starts: the receipt instant (the opening of a moved
/// receipt day), or the end of the pause. `ps`: sorted by start and disjoint. (The columnar path's
/// hours tier, src/dossier/dossier_batch.cpp, does the same arithmetic across rows and leaves the
/// zero-left case to this function.)
inline due_date hours_due(const clock& c, civil_time received_at, date::sys_days r, bool moved, i64 n,
                          const merged_pauses& ps) {
  const i64 start = moved ? c.per_day * c.before(c.index(r)) : c.office_minutes(received_at);
  i64 g = start + n * 60;
  civil_time at = g == start ? (moved ? civil_time_at(r, c.h.morning.start) : received_at) : c.at_office_minute(g);
  for (const pause& p : ps) {
    if (p.from > at) break;  // starts after the (moved) due instant: no effect
    const i64 at_from = std::max(c.office_minutes(p.from), start);
    const i64 left = g - at_from;
    g = std::max(c.office_minutes(p.to), at_from) + left;
    at = left <= 0 ? std::max(p.to, at) : c.at_office_minute(g);
  }
  return {day_number_of(at), clock::time_of_day(at)};
}

/// The due date of a processing time counted from `received_at`. Preconditions (checked by the
/// callers): processing_problem(time) == nullptr, valid office hours, pauses from <= to.
inline due_date due(const clock& c, civil_time received_at, processing_time time, std::optional<minutes> cutoff,
                    const merged_pauses& ps) {
  if (time.amount > max_amount) {
    location at;
    at.field = "processing_time";
    throw range_error("a processing time of " + std::to_string(time.amount) + " " +
                          std::string(to_string(time.unit)) + " runs past the calendar's range",
                      at);
  }
  const date::sys_days r = receipt_day(c, received_at, cutoff);
  const bool moved = r != day_number_of(received_at);
  const i64 n = time.amount;

  switch (time.unit) {
    case time_unit::working_days:
    case time_unit::same_day: {
      const i64 days = time.unit == time_unit::same_day ? 0 : n;
      const std::int32_t ri = c.index(r);
      // Clock: working days elapsed through a day. The receipt day is a working day, so the target
      // position's day is add_working_days(r, days).
      const i64 g0 = c.through(ri) + days;
      const date::sys_days d0 = c.day_of_ordinal(g0 - 1);
      if (ps.size() == 0) return {d0, std::nullopt};
      const i64 g = pause_working_days(c, g0, ri, ps, c.index(d0));
      return {c.day_of_ordinal(g - 1), std::nullopt};
    }
    case time_unit::calendar_days: {
      // Calendar days, the due day moved to the next working day when it is a day off; a pause
      // starting after that (moved) due day changes nothing, others count the days left after their
      // start from their end.
      auto moved_to_working = [&](date::sys_days d) {
        const std::int32_t i = c.index(d);
        return c.working(i) ? d : c.day_of_ordinal(c.through(i));
      };
      date::sys_days end = r + date::days{n};
      for (const pause& p : ps) {
        const date::sys_days f = std::max(day_number_of(p.from), r);
        if (f > moved_to_working(end)) break;
        const date::sys_days t = std::max(day_number_of(p.to), f);
        end = t + std::max(end - f, date::days{0});
      }
      return {moved_to_working(end), std::nullopt};
    }
    case time_unit::working_hours:
      return hours_due(c, received_at, r, moved, n, ps);
    case time_unit::half_days: {
      // Sessions: position s is the end of session s; the receipt session and the session in which a
      // pause ends are not counted.
      const i64 receipt_session = moved ? 2 * c.before(c.index(r)) : c.session(received_at);
      auto end_of = [&](i64 s) {
        return civil_time_at(c.day_of_ordinal(s / 2), s % 2 == 0 ? c.h.morning.end : c.h.afternoon.end);
      };
      i64 g = receipt_session + n;
      for (const pause& p : ps) {
        if (p.from > end_of(g)) break;  // starts after the (moved) due instant: no effect
        const i64 at_from = std::max(c.session(p.from), receipt_session);
        // A pause from the due instant itself (end of session g) starts in the next session: nothing left.
        g = std::max(c.session(p.to), at_from) + std::max<i64>(g - at_from, 0);
      }
      const civil_time at = end_of(g);
      return {day_number_of(at), clock::time_of_day(at)};
    }
  }
  location at;
  at.field = "processing_unit";
  throw argument_error("unknown processing-time unit", at);
}

/// The deadline given by a promised return date: that day (with its time of day when `keep_time`),
/// moved by the pauses on the working-day clock exactly as a processing time in working days would
/// be (counted from receipt). A promised day that no pause moves is kept as written, even a day off.
inline due_date promised(const clock& c, civil_time received_at, civil_time promised_at, bool keep_time,
                         std::optional<minutes> cutoff, const merged_pauses& ps) {
  due_date result{day_number_of(promised_at), std::nullopt};
  if (keep_time) result.time = clock::time_of_day(promised_at);
  if (ps.size() == 0) {
    (void)c.index(result.day);  // range check with a clear message
    return result;
  }
  const date::sys_days r = receipt_day(c, received_at, cutoff);
  const std::int32_t di = c.index(result.day);
  const std::int32_t ri = std::min(c.index(r), di);
  const i64 g0 = c.through(di);
  const i64 g = pause_working_days(c, g0, ri, ps, di);
  if (g != g0) result.day = c.day_of_ordinal(g - 1);
  return result;
}

}  // namespace cchc::kernel
