// cchc/calendar.hpp — working days of an administration, as an immutable value.
//
// A work_calendar answers "is this a working day?" and does working-day arithmetic for one body of
// rules: a weekly rest pattern (Saturday and Sunday for Vietnamese state bodies), holiday rules
// (named predicates with the period in which the law that makes them is in force, e.g. "Quốc khánh,
// Labour Code 2019 Art. 112(1), from 2021"), and dated exceptions from official notices or from the
// user (extra days off, make-up working Saturdays), each with its provenance (document number, issue
// date, reason in Vietnamese and English).
//
// The counting convention is the Civil Code's (2015, Art. 147–148): the starting day is not counted.
//
//   auto cal = cchc::vietnam::civil_service_calendar();
//   using namespace date::literals;
//   cal.is_working_day(2024_y / 4 / 29);            // false: swapped day off (CV 2450/VPCP-KGVX)
//   cal.is_working_day(2024_y / 5 / 4);             // true: make-up Saturday
//   cal.add_working_days(2024_y / 4 / 26, 1);       // Thursday 02/05/2024 (Fri 26/4 not counted)
//   cal.working_days_between(2024_y / 4 / 26, 2024_y / 5 / 2);   // 1: the days in (26/4, 2/5]
//   cal.info(2025_y / 1 / 27).reason_en;            // "Lunar New Year (Tết)"
//
//   // Users add what the next notice says, as data, without a new release:
//   auto mine = cal.with_day_off(2026_y / 11 / 24, {"QĐ …/QĐ-UBND", 2026_y / 11 / 1, "", ""},
//                                "Ngày Văn hóa Việt Nam", "Vietnam Culture Day");
//   auto loaded = cal.with_schedule(cchc::load_schedule("notices-2027.json"));   // schedule_file.hpp
//
// Values: copies share immutable tables (std::shared_ptr<const …>); "editing" builds a new calendar
// (a few milliseconds for 300 years). Reading is thread-safe. The supported range is
// 1900-01-01 … 2199-12-31; any day outside it is a cchc::range_error naming the day and the range.
//
// Speed: is_working_day, add_working_days, working_days_between, next/previous_working_day are
// inline table look-ups (see detail/working_day_index.hpp): no loop, no allocation.
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <date/date.h>

#include "cchc/detail/working_day_index.hpp"

namespace cchc {

/// Where a day's status comes from: a document (notice, letter, law article), when it was issued,
/// and a note in Vietnamese and English.
struct CCHC_EXPORT provenance {
  std::string document;                         ///< "CV 2450/VPCP-KGVX", "Bộ luật Lao động 2019, Điều 112"
  std::optional<date::year_month_day> issued;   ///< issue date, when known
  std::string note_vi;                          ///< free text, Vietnamese
  std::string note_en;                          ///< free text, English

  friend bool operator==(const provenance& a, const provenance& b) {
    return a.document == b.document && a.issued == b.issued && a.note_vi == b.note_vi &&
           a.note_en == b.note_en;
  }
  friend bool operator!=(const provenance& a, const provenance& b) { return !(a == b); }
};

/// What a day is. The first two come from the weekly pattern, the rest from rules or schedules.
enum class day_kind : std::uint8_t {
  working = 0,              ///< an ordinary working day
  weekly_rest = 1,          ///< weekly rest (Saturday, Sunday)
  holiday = 2,              ///< public holiday (nghỉ lễ, Tết)
  substitute_day = 3,       ///< substitute day off for a holiday on a weekly rest day (nghỉ bù)
  swapped_day_off = 4,      ///< working day moved into a holiday break (hoán đổi)
  extra_day_off = 5,        ///< any other day off added by a notice or the user
  make_up_working_day = 6,  ///< rest day worked instead (làm bù), e.g. Saturday 04/05/2024
};

/// "working", "weekly_rest", "holiday", "substitute_day", "swapped_day_off", "extra_day_off",
/// "make_up_working_day" — the names used in schedule files.
[[nodiscard]] CCHC_EXPORT std::string_view to_string(day_kind kind) noexcept;
/// Inverse of to_string; also accepts the short schedule-file kinds "day_off" (→ extra_day_off) and
/// "working_day" (→ make_up_working_day). Unknown names → lookup_error listing the accepted names.
[[nodiscard]] CCHC_EXPORT day_kind parse_day_kind(std::string_view name);
/// True for working and make_up_working_day.
[[nodiscard]] constexpr bool is_working_kind(day_kind kind) noexcept {
  return kind == day_kind::working || kind == day_kind::make_up_working_day;
}

/// Everything known about one day.
struct CCHC_EXPORT day_info {
  date::sys_days day;
  day_kind kind = day_kind::working;
  bool working = true;
  std::string reason_vi;    ///< "Tết Âm lịch", "Nghỉ bù Giỗ Tổ Hùng Vương", … (empty for plain days)
  std::string reason_en;
  provenance source;        ///< the notice, or the law article of the rule
  /// True when the status was set by a schedule entry (an official notice shipped as data, or a
  /// user's schedule); false when it follows from the weekly pattern and the holiday rules.
  bool from_notice = false;
  /// True when the status is a default derived from rules rather than read in a document (e.g. the
  /// 5 Tết days or the second Quốc khánh day of a year without a notice; substitute days that the
  /// notice implies but does not list).
  bool inferred = false;
};

/// Which weekdays are weekly rest days.
class CCHC_EXPORT weekly_rest {
 public:
  constexpr weekly_rest() noexcept = default;
  [[nodiscard]] static constexpr weekly_rest saturday_sunday() noexcept {
    return weekly_rest{}.with(date::Saturday).with(date::Sunday);
  }
  [[nodiscard]] static constexpr weekly_rest sunday() noexcept {
    return weekly_rest{}.with(date::Sunday);
  }
  [[nodiscard]] constexpr weekly_rest with(date::weekday wd) const noexcept {
    weekly_rest r = *this;
    r.mask_ = static_cast<std::uint8_t>(r.mask_ | (1u << wd.c_encoding()));
    return r;
  }
  [[nodiscard]] constexpr bool rests_on(date::weekday wd) const noexcept {
    return (mask_ >> wd.c_encoding()) & 1u;
  }
  /// Bit c_encoding() (0 = Sunday … 6 = Saturday) is set for each rest day.
  [[nodiscard]] constexpr std::uint8_t mask() const noexcept { return mask_; }
  friend constexpr bool operator==(weekly_rest a, weekly_rest b) noexcept { return a.mask_ == b.mask_; }
  friend constexpr bool operator!=(weekly_rest a, weekly_rest b) noexcept { return a.mask_ != b.mask_; }

 private:
  std::uint8_t mask_ = 0;
};

/// A weekly rest pattern in force from `from` (until the next period starts).
struct CCHC_EXPORT weekly_rest_period {
  date::sys_days from;
  weekly_rest rest;
  provenance source;
};

/// One holiday produced by a rule for a given year.
struct CCHC_EXPORT rule_holiday {
  date::sys_days day;
  std::string reason_vi;
  std::string reason_en;
  bool inferred = false;  ///< a default where the law leaves the choice to a yearly decision
};

/// A holiday rule: a named predicate carrying the period in which it is law. For each year the
/// calendar asks `holidays(year)`; a produced day counts only inside [first_day, last_day].
struct CCHC_EXPORT holiday_rule {
  std::string id;                 ///< stable name, e.g. "lc2019.national_day"
  date::sys_days first_day;       ///< first day the rule is in force
  date::sys_days last_day;        ///< last day the rule is in force
  provenance source;              ///< the law article
  /// Whether a holiday of this rule falling on a weekly rest day gives the next working day off.
  bool substitute_on_rest_day = true;
  std::function<std::vector<rule_holiday>(int year)> holidays;
};

/// One dated exception: a day whose status a document (or the user) sets explicitly.
struct CCHC_EXPORT schedule_entry {
  date::sys_days day;
  day_kind kind = day_kind::extra_day_off;  ///< anything but working / weekly_rest
  provenance source;
  std::string reason_vi;
  std::string reason_en;
  bool inferred = false;

  friend bool operator==(const schedule_entry& a, const schedule_entry& b) {
    return a.day == b.day && a.kind == b.kind && a.source == b.source &&
           a.reason_vi == b.reason_vi && a.reason_en == b.reason_en && a.inferred == b.inferred;
  }
  friend bool operator!=(const schedule_entry& a, const schedule_entry& b) { return !(a == b); }
};

/// A period in which a schedule is the complete list of holidays: the calendar's holiday rules (and
/// their substitute days) are ignored inside it. Official yearly notices replace the rules of their
/// year. Annual holidays added by schedules (annual_holiday) are not silenced: they are newer than
/// the notices that could not list them.
struct CCHC_EXPORT rules_replacement {
  date::sys_days first;
  date::sys_days last;
  provenance source;

  friend bool operator==(const rules_replacement& a, const rules_replacement& b) {
    return a.first == b.first && a.last == b.last && a.source == b.source;
  }
  friend bool operator!=(const rules_replacement& a, const rules_replacement& b) { return !(a == b); }
};

/// A holiday repeating every year from a given day (a new holiday added by law before the library
/// knows it, e.g. 24/11 "Ngày Văn hóa Việt Nam"). Solar month/day; substitute day when it falls on a
/// weekly rest day, like the other holidays.
struct CCHC_EXPORT annual_holiday {
  unsigned month = 1;
  unsigned day = 1;
  date::sys_days first_day;      ///< in force from
  date::sys_days last_day = date::sys_days{date::year{2199} / 12 / 31};  ///< in force until
  provenance source;
  std::string reason_vi;
  std::string reason_en;
  bool substitute_on_rest_day = true;

  friend bool operator==(const annual_holiday& a, const annual_holiday& b) {
    return a.month == b.month && a.day == b.day && a.first_day == b.first_day &&
           a.last_day == b.last_day && a.source == b.source && a.reason_vi == b.reason_vi &&
           a.reason_en == b.reason_en && a.substitute_on_rest_day == b.substitute_on_rest_day;
  }
  friend bool operator!=(const annual_holiday& a, const annual_holiday& b) { return !(a == b); }
};

/// Data that edits a calendar: dated exceptions, periods where they replace the rules, and new
/// annual holidays. Loaded from JSON or CSV by schedule_file.hpp; the official notices of 2020–2026
/// ship in the same format.
struct CCHC_EXPORT schedule {
  std::vector<schedule_entry> entries;
  std::vector<rules_replacement> replaces_rules;
  std::vector<annual_holiday> annual_holidays;
  /// `other` appended after this one: on the same day its entries win.
  [[nodiscard]] schedule merged_with(const schedule& other) const;

  friend bool operator==(const schedule& a, const schedule& b) {
    return a.entries == b.entries && a.replaces_rules == b.replaces_rules &&
           a.annual_holidays == b.annual_holidays;
  }
  friend bool operator!=(const schedule& a, const schedule& b) { return !(a == b); }
};

class CCHC_EXPORT work_calendar {
 public:
  /// The supported range.
  static constexpr date::sys_days range_first = date::sys_days{date::year{1900} / 1 / 1};
  static constexpr date::sys_days range_last = date::sys_days{date::year{2199} / 12 / 31};

  /// Saturday/Sunday rest, no holidays.
  work_calendar();
  /// One weekly pattern for the whole range.
  explicit work_calendar(weekly_rest rest, std::vector<holiday_rule> rules = {},
                         schedule exceptions = {}, std::string name = {});
  // Moving copies: a moved-from calendar stays a valid calendar (its raw table pointers must never
  // outlive the data they point into), and copying is only a reference-count increment.
  work_calendar(const work_calendar&) noexcept = default;
  work_calendar& operator=(const work_calendar&) noexcept = default;
  work_calendar(work_calendar&& other) noexcept : work_calendar(static_cast<const work_calendar&>(other)) {}
  work_calendar& operator=(work_calendar&& other) noexcept {
    return *this = static_cast<const work_calendar&>(other);
  }
  ~work_calendar() = default;

  /// Weekly patterns changing over time (sorted or not; the first one is extended back to 1900).
  /// An empty list → argument_error.
  explicit work_calendar(std::vector<weekly_rest_period> rest, std::vector<holiday_rule> rules = {},
                         schedule exceptions = {}, std::string name = {});

  // --- O(1) arithmetic (inline) -----------------------------------------------------------------

  [[nodiscard]] bool is_working_day(date::sys_days d) const {
    return index_.is_working(d.time_since_epoch().count());
  }
  /// n >= 1: the n-th working day strictly after d; n == 0: d if it is a working day, else the next
  /// working day; n <= -1: the |n|-th working day strictly before d.
  [[nodiscard]] date::sys_days add_working_days(date::sys_days d, long n) const {
    return date::sys_days{date::days{index_.add(d.time_since_epoch().count(), n)}};
  }
  /// Number of working days in (a, b]; minus the number in (b, a] when b < a. So
  /// working_days_between(d, add_working_days(d, n)) == n for every n >= 1.
  [[nodiscard]] long working_days_between(date::sys_days a, date::sys_days b) const {
    return index_.between(a.time_since_epoch().count(), b.time_since_epoch().count());
  }
  /// The first working day strictly after d.
  [[nodiscard]] date::sys_days next_working_day(date::sys_days d) const {
    return add_working_days(d, 1);
  }
  /// The last working day strictly before d.
  [[nodiscard]] date::sys_days previous_working_day(date::sys_days d) const {
    return add_working_days(d, -1);
  }

  // Field-form overloads: validate the date first (29/02/2023, month 13 → argument_error).
  [[nodiscard]] bool is_working_day(date::year_month_day d) const { return is_working_day(checked(d)); }
  [[nodiscard]] date::sys_days add_working_days(date::year_month_day d, long n) const {
    return add_working_days(checked(d), n);
  }
  [[nodiscard]] long working_days_between(date::year_month_day a, date::year_month_day b) const {
    return working_days_between(checked(a), checked(b));
  }
  [[nodiscard]] date::sys_days next_working_day(date::year_month_day d) const {
    return next_working_day(checked(d));
  }
  [[nodiscard]] date::sys_days previous_working_day(date::year_month_day d) const {
    return previous_working_day(checked(d));
  }

  // --- Explanations ---------------------------------------------------------------------------

  [[nodiscard]] day_info info(date::sys_days d) const;
  [[nodiscard]] day_info info(date::year_month_day d) const { return info(checked(d)); }
  /// Every day in [first, last] that is off for a reason other than the weekly pattern — holidays
  /// (also those falling on a weekend), substitute days, swapped and extra days off — in date order.
  [[nodiscard]] std::vector<day_info> days_off(date::sys_days first, date::sys_days last) const;
  /// Every make-up working day (a weekly rest day worked) in [first, last], in date order.
  [[nodiscard]] std::vector<day_info> make_up_working_days(date::sys_days first,
                                                           date::sys_days last) const;
  /// days_off and make_up_working_days together, in date order: every day that differs from the
  /// weekly pattern, or is a holiday.
  [[nodiscard]] std::vector<day_info> exceptions(date::sys_days first, date::sys_days last) const;

  [[nodiscard]] date::sys_days first_day() const noexcept { return range_first; }
  [[nodiscard]] date::sys_days last_day() const noexcept { return range_last; }
  [[nodiscard]] const std::string& name() const& noexcept;
  const std::string& name() const&& = delete;  // a reference into a temporary would dangle

  // --- Editing: each returns a new calendar ----------------------------------------------------

  [[nodiscard]] work_calendar with_day_off(date::sys_days d, provenance source,
                                           std::string reason_vi = {}, std::string reason_en = {}) const;
  [[nodiscard]] work_calendar with_working_day(date::sys_days d, provenance source,
                                               std::string reason_vi = {},
                                               std::string reason_en = {}) const;
  [[nodiscard]] work_calendar with_day_off(date::year_month_day d, provenance source,
                                           std::string reason_vi = {}, std::string reason_en = {}) const {
    return with_day_off(checked(d), std::move(source), std::move(reason_vi), std::move(reason_en));
  }
  [[nodiscard]] work_calendar with_working_day(date::year_month_day d, provenance source,
                                               std::string reason_vi = {},
                                               std::string reason_en = {}) const {
    return with_working_day(checked(d), std::move(source), std::move(reason_vi), std::move(reason_en));
  }
  /// This calendar with the schedule's entries applied on top (they win on the same day).
  [[nodiscard]] work_calendar with_schedule(const schedule& extra) const;
  /// This calendar's weekly pattern and rules, plus the rules of `other` with ids not already
  /// present, plus both schedules (other's entries win on the same day).
  [[nodiscard]] work_calendar merged_with(const work_calendar& other) const;
  [[nodiscard]] work_calendar with_name(std::string name) const;

  /// The inputs this calendar was built from.
  [[nodiscard]] const std::vector<weekly_rest_period>& weekly_pattern() const& noexcept;
  const std::vector<weekly_rest_period>& weekly_pattern() const&& = delete;  // a reference into a temporary would dangle
  [[nodiscard]] const std::vector<holiday_rule>& rules() const& noexcept;
  const std::vector<holiday_rule>& rules() const&& = delete;  // a reference into a temporary would dangle
  [[nodiscard]] const schedule& exceptions_schedule() const& noexcept;
  const schedule& exceptions_schedule() const&& = delete;  // a reference into a temporary would dangle

  /// The raw tables, for bulk loops over day numbers (days since 1970-01-01). Valid while a copy of
  /// this calendar lives.
  [[nodiscard]] const detail::working_day_index& index() const& noexcept { return index_; }
  const detail::working_day_index& index() const&& = delete;  // a reference into a temporary would dangle

  /// A validated serial date: a field date that is !ok() (29/02 of a common year, month 13, day 32)
  /// → argument_error naming it.
  [[nodiscard]] static date::sys_days checked(date::year_month_day d);

  struct impl;

 private:
  explicit work_calendar(std::shared_ptr<const impl> data);
  std::shared_ptr<const impl> impl_;
  detail::working_day_index index_;  // points into *impl_
};

}  // namespace cchc
