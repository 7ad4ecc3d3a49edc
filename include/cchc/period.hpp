// cchc/period.hpp — a reporting period: a named, inclusive range of days.
//
// Vietnamese administrative reports do not cover calendar months. Decree 09/2019/NĐ-CP on the regime
// of reports of state administrative agencies (mirrored by provincial decisions) fixes the data
// cut-off: a monthly report covers the 15th of the previous month to the 14th of the month; a
// quarterly one the 15th of the month before the quarter to the 14th of the quarter's last month;
// the 6-month, 9-month and annual reports run from 15/12 of the previous year to 14/6, 14/9 and 14/12.
// The report is due 2 working days after the cut-off. Real reports deviate (the seed report covers
// 15/12/2022 – 13/12/2023; a city used 7/12/2022 – 4/12/2023), and indicators such as Decision
// 766/QĐ-TTg's use calendar months, quarters and years, so a period is any inclusive range of days
// with a name, and the Decree 09 and calendar periods are just named constructors.
//
//     #include <cchc/period.hpp>
//     auto q1 = cchc::period::quarterly(2025, 1);        // "Báo cáo quý I/2025": 15/12/2024 – 14/03/2025
//     q1.contains(date::sys_days{date::year{2025} / 1 / 10});   // true
//     q1.days().count();                                 // 90
//     auto seed = cchc::period::custom("Báo cáo năm 2023", date::year{2022} / 12 / 15,
//                                      date::year{2023} / 12 / 13);
//     seed.overlaps(cchc::period::annual(2023));         // true (one day shorter)
//     q1.report_due(calendar);                           // calendar.add_working_days(14/03/2025, 2)
//
// A period is an immutable regular value: copy it, compare it (==), use it as a key.
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <string>
#include <string_view>
#include <utility>

#include <date/date.h>

namespace cchc {

/// Which rule made a period (custom = given by the user).
enum class period_kind : unsigned char {
  custom = 0,
  decree09_month = 1,       ///< 15th of the previous month – 14th of the month
  decree09_quarter = 2,     ///< 15th of the month before the quarter – 14th of its last month
  decree09_six_months = 3,  ///< 15/12 of the previous year – 14/6
  decree09_nine_months = 4, ///< 15/12 of the previous year – 14/9
  decree09_year = 5,        ///< 15/12 of the previous year – 14/12
  calendar_month = 6,       ///< 1st – last day of the month
  calendar_quarter = 7,     ///< 1st day of the quarter – last day of its last month
  calendar_year = 8,        ///< 1/1 – 31/12
};

/// "custom", "decree09_month", … (stable identifiers).
[[nodiscard]] CCHC_EXPORT const char* to_string(period_kind k) noexcept;

class CCHC_EXPORT period {
 public:
  // ---- Construction --------------------------------------------------------------------------

  /// Any inclusive range with a name. last < first → argument_error; an invalid year_month_day
  /// (29/02 of a non-leap year, month 13) → argument_error.
  [[nodiscard]] static period custom(std::string name, date::sys_days first, date::sys_days last);
  [[nodiscard]] static period custom(std::string name, date::year_month_day first,
                                     date::year_month_day last);

  // Decree 09/2019/NĐ-CP reporting periods. Month 0 or 13, quarter 0 or 5 → argument_error;
  // a year outside date's range → range_error.
  [[nodiscard]] static period monthly(int year, unsigned month);
  [[nodiscard]] static period monthly(date::year_month ym);
  [[nodiscard]] static period quarterly(int year, unsigned quarter);
  [[nodiscard]] static period six_months(int year);
  [[nodiscard]] static period nine_months(int year);
  [[nodiscard]] static period annual(int year);

  // Calendar periods (as Decision 766/QĐ-TTg's indicators use).
  [[nodiscard]] static period calendar_month(int year, unsigned month);
  [[nodiscard]] static period calendar_month(date::year_month ym);
  [[nodiscard]] static period calendar_quarter(int year, unsigned quarter);
  [[nodiscard]] static period calendar_year(int year);

  /// Reads a period as people and the CLI's --period write it (the one grammar):
  ///   FROM..TO             a custom range, each end YYYY-MM-DD or dd/mm/yyyy (cchc/civil_time.hpp),
  ///                        inclusive; named "YYYY-MM-DD..YYYY-MM-DD"
  ///   annual:YYYY          Decree 09 year (15/12 of YYYY-1 – 14/12/YYYY)
  ///   6months:YYYY, 9months:YYYY, quarter:YYYY-Qn, month:YYYY-MM     Decree 09 periods
  ///   year:YYYY, calendar-quarter:YYYY-Qn, calendar-month:YYYY-MM    calendar periods
  /// A bare "2023", "2023-Q1" or "2023-05" is refused naming both readings (Decree 09 or calendar),
  /// since the two differ by two weeks. Throws parse_error (field "period") saying what was expected.
  [[nodiscard]] static period parse(std::string_view text);

  // ---- Observers ------------------------------------------------------------------------------

  [[nodiscard]] const std::string& name() const& noexcept { return name_; }
  const std::string& name() const&& = delete;  // a reference into a temporary would dangle
  [[nodiscard]] date::sys_days first() const noexcept { return first_; }
  [[nodiscard]] date::sys_days last() const noexcept { return last_; }
  [[nodiscard]] period_kind kind() const noexcept { return kind_; }
  /// Number of days, both ends included (at least 1).
  [[nodiscard]] date::days days() const noexcept { return last_ - first_ + date::days{1}; }

  [[nodiscard]] bool contains(date::sys_days d) const noexcept { return first_ <= d && d <= last_; }
  [[nodiscard]] bool overlaps(const period& p) const noexcept {
    return first_ <= p.last_ && p.first_ <= last_;
  }

  /// The same range and kind under another name (e.g. the title a province gives its report).
  [[nodiscard]] period renamed(std::string name) const {
    period p = *this;
    p.name_ = std::move(name);
    return p;
  }

  /// The report is due 2 working days after the cut-off (the last day): cal.add_working_days(last, 2).
  /// A template so that period (calendar layer, like work_calendar) does not depend on calendar.hpp;
  /// it accepts cchc::work_calendar and any type with the same add_working_days.
  template <class Calendar>
  [[nodiscard]] auto report_due(const Calendar& cal) const 
      -> decltype(cal.add_working_days(std::declval<date::sys_days>(), 2)) {
    return cal.add_working_days(last_, 2);
  }

  friend bool operator==(const period& a, const period& b) noexcept {
    return a.first_ == b.first_ && a.last_ == b.last_ && a.kind_ == b.kind_ && a.name_ == b.name_;
  }
  friend bool operator!=(const period& a, const period& b) noexcept { return !(a == b); }
  /// Ordered by first day, then last day, then kind and name (for sorted containers).
  friend bool operator<(const period& a, const period& b) noexcept {
    if (a.first_ != b.first_) return a.first_ < b.first_;
    if (a.last_ != b.last_) return a.last_ < b.last_;
    if (a.kind_ != b.kind_) return a.kind_ < b.kind_;
    return a.name_ < b.name_;
  }

 private:
  period(std::string name, date::sys_days first, date::sys_days last, period_kind kind)
      : name_(std::move(name)), first_(first), last_(last), kind_(kind) {}

  std::string name_;
  date::sys_days first_;
  date::sys_days last_;
  period_kind kind_;
};

/// "Báo cáo quý I/2025: 15/12/2024 – 14/03/2025".
[[nodiscard]] CCHC_EXPORT std::string to_string(const period& p);

}  // namespace cchc
