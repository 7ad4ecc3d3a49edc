// Due dates. Every unit is computed in O(1 + number of pauses) from the calendar's tables: a
// position on a monotone "clock" (working days, office minutes or office sessions elapsed since the
// start of the calendar's range) is computed for the receipt, advanced by the amount, pushed forward
// by each pause, and turned back into a date (and time). No day-by-day loop.
#include "cchc/deadline.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "cchc/error.hpp"

namespace cchc {

namespace {

using std::chrono::minutes;
using i64 = std::int64_t;

constexpr std::array<std::string_view, 5> unit_names{"working_days", "calendar_days", "working_hours",
                                                     "half_days", "same_day"};
// Beyond this any amount runs past the 300-year range; refusing it early keeps the arithmetic
// far from overflow.
constexpr i64 max_amount = 1'000'000'000;

std::string hhmm(minutes m) {
  const auto v = m.count();
  std::string out = std::to_string(v / 60) + ":";
  if (v % 60 < 10) out += '0';
  return out + std::to_string(v % 60);
}

[[noreturn]] void bad(const std::string& field, const std::string& message) {
  location at;
  at.field = field;
  throw argument_error(message, at);
}

struct clock {
  const detail::working_day_index& ix;
  const office_hours& h;
  i64 per_day;

  std::int32_t index(date::sys_days d) const { return ix.index_of(d.time_since_epoch().count(), "due"); }
  bool working(std::int32_t i) const { return ix.is_working_index(i); }
  // Working days among the range's days 0 .. i-1.
  i64 before(std::int32_t i) const { return ix.cumulative[i]; }
  i64 through(std::int32_t i) const { return ix.cumulative[i + 1]; }

  date::sys_days day_of_ordinal(i64 q, const char* what) const {
    if (q < 0 || q >= ix.working) {
      location at;
      at.field = what;
      throw range_error("the due date falls outside the calendar's supported range " +
                            date::format("%F", work_calendar::range_first) + " … " +
                            date::format("%F", work_calendar::range_last),
                        at);
    }
    return date::sys_days{date::days{ix.first + ix.ordinal[q]}};
  }

  static minutes time_of_day(date_time t) { return t - date::floor<date::days>(t); }

  // Office minutes before t (from the start of the range).
  i64 office_minutes(date_time t) const {
    const auto day = date::floor<date::days>(t);
    const std::int32_t i = index(day);
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

  // The instant at which the office-minute clock reads g (g >= 1): the end of the g-th minute.
  date_time at_office_minute(i64 g) const {
    const i64 q = (g - 1) / per_day;
    const i64 within = g - q * per_day;  // 1 … per_day
    const date::sys_days day = day_of_ordinal(q, "due");
    const i64 morning = (h.morning.end - h.morning.start).count();
    const minutes tod = within <= morning ? h.morning.start + minutes{within}
                                          : h.afternoon.start + minutes{within - morning};
    return date_time{day} + tod;
  }

  // The session in progress at t, or the next one to start: 2q (morning) or 2q + 1 (afternoon) of
  // the working day with ordinal q.
  i64 session(date_time t) const {
    const auto day = date::floor<date::days>(t);
    const std::int32_t i = index(day);
    const i64 q = before(i);
    if (!working(i)) return 2 * q;
    const minutes tod = time_of_day(t);
    if (tod < h.morning.end) return 2 * q;
    if (tod < h.afternoon.end) return 2 * q + 1;
    return 2 * q + 2;
  }
};

std::vector<pause> merged_pauses(const std::vector<pause>& pauses) {
  for (std::size_t k = 0; k < pauses.size(); ++k) {
    if (pauses[k].to < pauses[k].from) {
      location at;
      at.path = "pauses[" + std::to_string(k) + "]";
      at.field = "to";
      throw argument_error("a pause must end at or after its start; found from " +
                               date::format("%F %H:%M", pauses[k].from) + " to " +
                               date::format("%F %H:%M", pauses[k].to),
                           at);
    }
  }
  std::vector<pause> sorted = pauses;
  std::sort(sorted.begin(), sorted.end(), [](const pause& a, const pause& b) { return a.from < b.from; });
  std::vector<pause> out;
  for (const auto& p : sorted) {
    if (!out.empty() && p.from <= out.back().to)
      out.back().to = std::max(out.back().to, p.to);
    else
      out.push_back(p);
  }
  return out;
}

}  // namespace

std::string_view to_string(time_unit unit) noexcept {
  const auto i = static_cast<std::size_t>(unit);
  return i < unit_names.size() ? unit_names[i] : std::string_view{"unknown"};
}

time_unit parse_time_unit(std::string_view name) {
  for (std::size_t i = 0; i < unit_names.size(); ++i)
    if (unit_names[i] == name) return static_cast<time_unit>(i);
  std::string accepted;
  for (auto n : unit_names) (accepted += accepted.empty() ? "" : ", ") += n;
  location at;
  at.field = "processing_unit";
  throw lookup_error("unknown processing-time unit '" + std::string(name) + "'; expected one of: " + accepted,
                     at);
}

void receipt_rule::validate() const {
  auto check_session = [](const office_session& s, const char* field) {
    if (s.start < minutes{0} || s.end > minutes{24 * 60} || !(s.start < s.end))
      bad(field, std::string("expected an office session 00:00 <= start < end <= 24:00, found ") +
                     hhmm(s.start) + "–" + hhmm(s.end));
  };
  check_session(hours.morning, "office_hours.morning");
  check_session(hours.afternoon, "office_hours.afternoon");
  if (hours.afternoon.start < hours.morning.end)
    bad("office_hours", "expected the morning session to end (" + hhmm(hours.morning.end) +
                            ") no later than the afternoon session starts (" +
                            hhmm(hours.afternoon.start) + ")");
  if (cutoff && (*cutoff < minutes{0} || *cutoff > minutes{24 * 60}))
    bad("cutoff", "expected a cut-off time of day within 00:00 … 24:00, found " +
                      std::to_string(cutoff->count()) + " minutes");
}

namespace {
// The receipt day, for a rule already validated.
date::sys_days receipt_day_of(date_time received_at, const work_calendar& calendar, const receipt_rule& rule) {
  const auto day = date::floor<date::days>(received_at);
  if (!calendar.is_working_day(day)) return calendar.next_working_day(day);
  if (rule.cutoff && received_at - day > *rule.cutoff) return calendar.next_working_day(day);
  return day;
}
}  // namespace

date::sys_days receipt_day(date_time received_at, const work_calendar& calendar, const receipt_rule& rule) {
  rule.validate();
  return receipt_day_of(received_at, calendar, rule);
}

due_date due(date_time received_at, processing_time time, const work_calendar& calendar,
             const receipt_rule& rule, const std::vector<pause>& pauses) {
  rule.validate();
  if (time.amount < 0)
    bad("processing_time", "expected a processing time >= 0, found " + std::to_string(time.amount) + " " +
                               std::string(to_string(time.unit)));
  if (time.unit == time_unit::same_day && time.amount > 1)
    bad("processing_time",
        "expected 0 or 1 for a same-day procedure, found " + std::to_string(time.amount));
  if (time.amount > max_amount) {
    location at;
    at.field = "processing_time";
    throw range_error("a processing time of " + std::to_string(time.amount) + " " +
                          std::string(to_string(time.unit)) + " runs past the calendar's range",
                      at);
  }
  const auto to_unit = static_cast<std::size_t>(time.unit);
  if (to_unit >= unit_names.size()) bad("processing_unit", "unknown processing-time unit");

  const clock c{calendar.index(), rule.hours, rule.hours.minutes_per_day()};
  const date::sys_days r = receipt_day_of(received_at, calendar, rule);
  const bool moved = r != date::floor<date::days>(received_at);
  const std::vector<pause> ps = merged_pauses(pauses);
  const i64 n = time.amount;

  switch (time.unit) {
    case time_unit::working_days:
    case time_unit::same_day: {
      const i64 days = time.unit == time_unit::same_day ? 0 : n;
      // Clock: working days elapsed through a day. The receipt day is a working day, so the
      // target position's day is add_working_days(r, days).
      i64 g = c.through(c.index(r)) + days;
      for (const auto& p : ps) {
        const std::int32_t f = std::max(c.index(date::floor<date::days>(p.from)), c.index(r));
        const i64 at_from = c.through(f);
        if (at_from >= g) break;  // paused after the deadline: no effect
        const std::int32_t t = std::max(c.index(date::floor<date::days>(p.to)), f);
        g = c.through(t) + (g - at_from);
      }
      return {c.day_of_ordinal(g - 1, "due"), std::nullopt};
    }
    case time_unit::calendar_days: {
      date::sys_days end = r + date::days{n};
      for (const auto& p : ps) {
        const date::sys_days f = std::max(date::floor<date::days>(p.from), r);
        if (f >= end) break;
        const date::sys_days t = std::max(date::floor<date::days>(p.to), f);
        end += t - f;
      }
      (void)c.index(end);  // range check with a clear message
      return {calendar.add_working_days(end, 0), std::nullopt};
    }
    case time_unit::working_hours: {
      const i64 start = moved ? c.per_day * c.before(c.index(r)) : c.office_minutes(received_at);
      i64 g = start + n * 60;
      for (const auto& p : ps) {
        const i64 at_from = std::max(c.office_minutes(p.from), start);
        if (at_from >= g) break;
        g = std::max(c.office_minutes(p.to), at_from) + (g - at_from);
      }
      if (g == start) {
        // Zero hours: due at the receipt instant (or the opening of the moved receipt day).
        const date_time at = moved ? date_time{r} + rule.hours.morning.start : received_at;
        return {date::floor<date::days>(at), at - date::floor<date::days>(at)};
      }
      const date_time at = c.at_office_minute(g);
      return {date::floor<date::days>(at), at - date::floor<date::days>(at)};
    }
    case time_unit::half_days: {
      const i64 receipt_session = moved ? 2 * c.before(c.index(r)) : c.session(received_at);
      i64 g = receipt_session + n;
      for (const auto& p : ps) {
        const i64 at_from = std::max(c.session(p.from), receipt_session);
        if (at_from >= g) break;
        g = std::max(c.session(p.to), at_from) + (g - at_from);
      }
      const date::sys_days day = c.day_of_ordinal(g / 2, "due");
      return {day, g % 2 == 0 ? rule.hours.morning.end : rule.hours.afternoon.end};
    }
  }
  bad("processing_unit", "unknown processing-time unit");
}

}  // namespace cchc
