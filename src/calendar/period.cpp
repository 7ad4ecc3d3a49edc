#include "cchc/period.hpp"

#include <cstdio>

#include "cchc/civil_time.hpp"
#include "cchc/error.hpp"

namespace cchc {

namespace {

using date::sys_days;

std::string dmy(sys_days d) {
  const date::year_month_day ymd{d};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", static_cast<unsigned>(ymd.day()),
                static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()));
  return buf;
}

date::year checked_year(int year) {
  const date::year y{year};
  // Leave a year of margin on both sides: Decree 09 periods start in the previous year.
  if (year <= static_cast<int>(date::year::min()) || year >= static_cast<int>(date::year::max()) ||
      !y.ok())
    throw range_error("year " + std::to_string(year) + " is outside the supported range " +
                          std::to_string(static_cast<int>(date::year::min()) + 1) + "–" +
                          std::to_string(static_cast<int>(date::year::max()) - 1),
                      location{"", 0, 0, "", "year"});
  return y;
}

void check_month(unsigned month) {
  if (month < 1 || month > 12)
    throw argument_error("month " + std::to_string(month) + " does not exist: months are 1–12",
                         location{"", 0, 0, "", "month"});
}

void check_quarter(unsigned quarter) {
  if (quarter < 1 || quarter > 4)
    throw argument_error("quarter " + std::to_string(quarter) +
                             " does not exist: quarters are 1–4 (I–IV)",
                         location{"", 0, 0, "", "quarter"});
}

const char* roman(unsigned quarter) {
  static const char* const names[] = {"I", "II", "III", "IV"};
  return names[quarter - 1];
}

sys_days day_of(date::year y, unsigned month, unsigned day) {
  return sys_days{y / date::month{month} / date::day{day}};
}

sys_days last_of(date::year y, unsigned month) {
  return sys_days{y / date::month{month} / date::last};
}

}  // namespace

const char* to_string(period_kind k) noexcept {
  switch (k) {
    case period_kind::custom: return "custom";
    case period_kind::decree09_month: return "decree09_month";
    case period_kind::decree09_quarter: return "decree09_quarter";
    case period_kind::decree09_six_months: return "decree09_six_months";
    case period_kind::decree09_nine_months: return "decree09_nine_months";
    case period_kind::decree09_year: return "decree09_year";
    case period_kind::calendar_month: return "calendar_month";
    case period_kind::calendar_quarter: return "calendar_quarter";
    case period_kind::calendar_year: return "calendar_year";
  }
  return "unknown";
}

period period::custom(std::string name, sys_days first, sys_days last) {
  if (last < first)
    throw argument_error("period \"" + name + "\": last day " + dmy(last) +
                             " is before first day " + dmy(first) +
                             " (expected first <= last, both included)",
                         location{"", 0, 0, "", "last"});
  return period(std::move(name), first, last, period_kind::custom);
}

period period::custom(std::string name, date::year_month_day first, date::year_month_day last) {
  const auto check = [&](const date::year_month_day& d, const char* field) {
    if (!d.ok()) {
      std::string shown = std::to_string(static_cast<unsigned>(d.day())) + "/" +
                          std::to_string(static_cast<unsigned>(d.month())) + "/" +
                          std::to_string(static_cast<int>(d.year()));
      throw argument_error("period \"" + name + "\": " + field + " day " + shown +
                               " is not a valid date (expected an existing day of the Gregorian "
                               "calendar)",
                           location{"", 0, 0, "", field});
    }
  };
  check(first, "first");
  check(last, "last");
  return custom(std::move(name), sys_days{first}, sys_days{last});
}

period period::monthly(int year, unsigned month) {
  const date::year y = checked_year(year);
  check_month(month);
  const sys_days last = day_of(y, month, 14);
  const sys_days first = month == 1 ? day_of(y - date::years{1}, 12, 15) : day_of(y, month - 1, 15);
  return period("Báo cáo tháng " + std::to_string(month) + "/" + std::to_string(year), first, last,
                period_kind::decree09_month);
}

period period::monthly(date::year_month ym) {
  return monthly(static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()));
}

period period::quarterly(int year, unsigned quarter) {
  const date::year y = checked_year(year);
  check_quarter(quarter);
  const unsigned first_month = 3 * quarter - 2;
  const sys_days first =
      first_month == 1 ? day_of(y - date::years{1}, 12, 15) : day_of(y, first_month - 1, 15);
  return period("Báo cáo quý " + std::string(roman(quarter)) + "/" + std::to_string(year), first,
                day_of(y, 3 * quarter, 14), period_kind::decree09_quarter);
}

period period::six_months(int year) {
  const date::year y = checked_year(year);
  return period("Báo cáo 6 tháng " + std::to_string(year), day_of(y - date::years{1}, 12, 15),
                day_of(y, 6, 14), period_kind::decree09_six_months);
}

period period::nine_months(int year) {
  const date::year y = checked_year(year);
  return period("Báo cáo 9 tháng " + std::to_string(year), day_of(y - date::years{1}, 12, 15),
                day_of(y, 9, 14), period_kind::decree09_nine_months);
}

period period::annual(int year) {
  const date::year y = checked_year(year);
  return period("Báo cáo năm " + std::to_string(year), day_of(y - date::years{1}, 12, 15),
                day_of(y, 12, 14), period_kind::decree09_year);
}

period period::calendar_month(int year, unsigned month) {
  const date::year y = checked_year(year);
  check_month(month);
  return period("Tháng " + std::to_string(month) + "/" + std::to_string(year), day_of(y, month, 1),
                last_of(y, month), period_kind::calendar_month);
}

period period::calendar_month(date::year_month ym) {
  return calendar_month(static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()));
}

period period::calendar_quarter(int year, unsigned quarter) {
  const date::year y = checked_year(year);
  check_quarter(quarter);
  return period("Quý " + std::string(roman(quarter)) + "/" + std::to_string(year),
                day_of(y, 3 * quarter - 2, 1), last_of(y, 3 * quarter),
                period_kind::calendar_quarter);
}

period period::calendar_year(int year) {
  const date::year y = checked_year(year);
  return period("Năm " + std::to_string(year), day_of(y, 1, 1), day_of(y, 12, 31),
                period_kind::calendar_year);
}

namespace {

constexpr const char* period_forms =
    "FROM..TO, annual:YYYY, 6months:YYYY, 9months:YYYY, quarter:YYYY-Qn, month:YYYY-MM, year:YYYY, "
    "calendar-quarter:YYYY-Qn or calendar-month:YYYY-MM";

[[noreturn]] void bad_period(std::string_view text, const std::string& why) {
  throw parse_error("invalid period '" + std::string(text) + "': " + why + " (expected " + period_forms + ")",
                    location{"", 0, 0, "", "period"});
}

bool digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

int year_of(std::string_view text, std::string_view y) {
  if (y.size() != 4 || !digits(y)) bad_period(text, "the year must have 4 digits");
  return std::stoi(std::string(y));
}

unsigned quarter_of(std::string_view text, std::string_view rest) {
  if (rest.size() != 7 || rest[4] != '-' || (rest[5] != 'Q' && rest[5] != 'q') || rest[6] < '1' || rest[6] > '4')
    bad_period(text, "a quarter is written YYYY-Qn");
  return static_cast<unsigned>(rest[6] - '0');
}

unsigned month_of(std::string_view text, std::string_view rest) {
  if (rest.size() != 7 || rest[4] != '-' || !digits(rest.substr(5))) bad_period(text, "a month is written YYYY-MM");
  const int m = std::stoi(std::string(rest.substr(5)));
  if (m < 1 || m > 12) bad_period(text, "the month must be 01..12");
  return static_cast<unsigned>(m);
}

std::string iso(sys_days d) { return date::format("%F", d); }

}  // namespace

period period::parse(std::string_view text) {
  if (const auto dots = text.find(".."); dots != std::string_view::npos) {
    std::string why;
    const auto first = try_parse_date(text.substr(0, dots), &why);
    if (!first) bad_period(text, why);
    const auto last = try_parse_date(text.substr(dots + 2), &why);
    if (!last) bad_period(text, why);
    if (*last < *first) bad_period(text, "the end is before the start");
    return custom(iso(*first) + ".." + iso(*last), *first, *last);
  }
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) {
    // A bare year, quarter or month means two different ranges in Vietnamese reporting.
    if (text.size() == 4 && digits(text))
      bad_period(text, "ambiguous: annual:" + std::string(text) + " (Decree 09, 15/12 – 14/12) or year:" +
                           std::string(text) + " (calendar year)");
    if (text.size() == 7 && text[4] == '-' && (text[5] == 'Q' || text[5] == 'q'))
      bad_period(text, "ambiguous: quarter:" + std::string(text) + " (Decree 09) or calendar-quarter:" +
                           std::string(text));
    if (text.size() == 7 && text[4] == '-' && digits(text.substr(0, 4)) && digits(text.substr(5)))
      bad_period(text, "ambiguous: month:" + std::string(text) + " (Decree 09, 15th – 14th) or calendar-month:" +
                           std::string(text));
    bad_period(text, "no '..' and no period name");
  }
  const std::string_view kind = text.substr(0, colon);
  const std::string_view rest = text.substr(colon + 1);
  if (kind == "annual") return annual(year_of(text, rest));
  if (kind == "6months") return six_months(year_of(text, rest));
  if (kind == "9months") return nine_months(year_of(text, rest));
  if (kind == "quarter") return quarterly(year_of(text, rest.substr(0, 4)), quarter_of(text, rest));
  if (kind == "month") return monthly(year_of(text, rest.substr(0, 4)), month_of(text, rest));
  if (kind == "year") return calendar_year(year_of(text, rest));
  if (kind == "calendar-quarter") return calendar_quarter(year_of(text, rest.substr(0, 4)), quarter_of(text, rest));
  if (kind == "calendar-month") return calendar_month(year_of(text, rest.substr(0, 4)), month_of(text, rest));
  bad_period(text, "unknown period name '" + std::string(kind) + "'");
}

std::string to_string(const period& p) {
  return p.name() + ": " + dmy(p.first()) + " – " + dmy(p.last());
}

}  // namespace cchc
