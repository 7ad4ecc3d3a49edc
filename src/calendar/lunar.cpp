// The Vietnamese lunar calendar: every conversion reads the checked-in per-year table
// (lunar_table.inc); the month structure from astronomy (lunar_astronomy.cpp) is kept for
// compute_lunar_year, which generates that table and checks it in the tests.
#include "cchc/lunar.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <sstream>
#include <vector>

#include "cchc/error.hpp"

namespace cchc {

namespace {

using date::sys_days;

constexpr double unix_epoch_jd = 2440587.5;  // JD of 1970-01-01 00:00 UT
constexpr double synodic_month = 29.530588861;

std::string iso(sys_days d) {
  std::ostringstream out;
  out << date::year_month_day{d};
  return out.str();
}

// Everything about one time zone's reckoning: turns astronomical moments into local civil days.
class reckoning {
 public:
  explicit reckoning(std::chrono::seconds offset) : offset_days_(static_cast<double>(offset.count()) / 86400.0) {}

  // The local civil day containing the moment `jde` (dynamical time).
  [[nodiscard]] sys_days local_day(double jde) const {
    const double ut = jde - astronomy::delta_t_seconds(decimal_year(jde)) / 86400.0;
    const double local = ut + offset_days_ - unix_epoch_jd;  // days since 1970-01-01 00:00 local
    return sys_days{date::days{static_cast<long>(std::floor(local))}};
  }

  // JDE of local midnight at the start of `d`.
  [[nodiscard]] double midnight_jde(sys_days d) const {
    const double ut = static_cast<double>(d.time_since_epoch().count()) + unix_epoch_jd - offset_days_;
    return ut + astronomy::delta_t_seconds(decimal_year(ut)) / 86400.0;
  }

  [[nodiscard]] sys_days new_moon_day(long k) const { return local_day(astronomy::new_moon_jde(k)); }

  // Which 30° sector (0..11) the Sun's apparent longitude is in at the start of local day `d`.
  // A major solar term falls on a day in [a, b) exactly when the sector changes between a and b.
  [[nodiscard]] int sector(sys_days d) const {
    return static_cast<int>(astronomy::sun_apparent_longitude(midnight_jde(d)) / 30.0) % 12;
  }

  [[nodiscard]] sys_days winter_solstice_day(int solar_year) const {
    const sys_days guess = date::year{solar_year} / date::December / 21;
    const double jde = astronomy::solar_longitude_time(270.0, midnight_jde(guess));
    return local_day(jde);
  }

  // The lunation number of the month containing local day `d` (its new moon day <= d).
  [[nodiscard]] long lunation_containing(sys_days d) const {
    const double jd = static_cast<double>(d.time_since_epoch().count()) + unix_epoch_jd;
    long k = static_cast<long>(std::floor((jd - 2451550.09766) / synodic_month));
    while (new_moon_day(k + 1) <= d) ++k;
    while (new_moon_day(k) > d) --k;
    return k;
  }

 private:
  static double decimal_year(double jd) { return 2000.0 + (jd - 2451545.0) / 365.25; }
  double offset_days_;
};

struct month_span {
  unsigned month;
  bool leap;
  sys_days first;
  sys_days end;  // first day of the next month
};

// All months from month 11 of `first_solar_year` up to (not including) month 11 of
// `last_solar_year`, labelled by the winter-solstice rule.
std::vector<month_span> build_months(int first_solar_year, int last_solar_year,
                                     const reckoning& r) {
  std::vector<month_span> out;
  long k_from = r.lunation_containing(r.winter_solstice_day(first_solar_year));
  for (int y = first_solar_year; y < last_solar_year; ++y) {
    const long k_to = r.lunation_containing(r.winter_solstice_day(y + 1));
    const long n = k_to - k_from;  // 12 or 13 months in this solstice year (suì)
    std::vector<sys_days> starts;
    for (long k = k_from; k <= k_to; ++k) starts.push_back(r.new_moon_day(k));
    long leap_index = -1;
    if (n == 13) {
      // The first month after month 11 that contains no major solar term is the leap month.
      int prev_sector = r.sector(starts[1]);
      for (long i = 1; i < n; ++i) {
        const int next_sector = r.sector(starts[static_cast<std::size_t>(i + 1)]);
        if (next_sector == prev_sector) {
          leap_index = i;
          break;
        }
        prev_sector = next_sector;
      }
    } else if (n != 12) {
      throw range_error("lunar calendar: solstice year " + std::to_string(y) + " has " +
                        std::to_string(n) + " months (expected 12 or 13)");
    }
    for (long i = 0; i < n; ++i) {
      const long shifted = (leap_index >= 0 && i >= leap_index) ? i - 1 : i;
      const auto month = static_cast<unsigned>((10 + shifted) % 12 + 1);
      out.push_back({month, i == leap_index, starts[static_cast<std::size_t>(i)],
                     starts[static_cast<std::size_t>(i + 1)]});
    }
    k_from = k_to;
  }
  return out;
}

// ---- The table ---------------------------------------------------------------------------------

struct year_entry {
  std::int32_t new_year;      // Tết, days since 1970-01-01
  std::uint16_t long_months;  // bit i set: the i-th month of the year (in order) has 30 days
  std::uint8_t leap;          // 0 = no leap month, else the number of the leap month
  std::uint8_t months;        // 12 or 13
};

// The table is data, generated once from the astronomy below by scripts/dev/gen_lunar_table and
// checked in: the conversions must not depend on the floating point of the machine they run on (a
// libm that rounds one ulp differently could otherwise move a month's first day across midnight).
// CTest lunar.table_is_generated and the lunar tests recompute it and must agree.
#include "calendar/lunar_table.inc"

constexpr int table_years = lunar_last_year - lunar_first_year + 1;
static_assert(sizeof lunar_years / sizeof lunar_years[0] == table_years,
              "src/calendar/lunar_table.inc must cover lunar_first_year..lunar_last_year");

struct lunar_table {
  const year_entry* years;  // table_years entries
  std::int32_t end;         // Tết of lunar_last_year + 1
};

constexpr lunar_table table() noexcept { return {lunar_years, lunar_years_end}; }

const year_entry& entry(int year, const char* field) {
  if (year < lunar_first_year || year > lunar_last_year)
    throw range_error("lunar year " + std::to_string(year) + " is outside the supported range " +
                          std::to_string(lunar_first_year) + "–" + std::to_string(lunar_last_year),
                      location{"", 0, 0, "", field});
  return table().years[static_cast<std::size_t>(year - lunar_first_year)];
}

// Position of (month, leap) inside the year, or -1 if the year has no such month.
int month_index(const year_entry& e, unsigned month, bool leap) noexcept {
  if (month < 1 || month > 12) return -1;
  if (leap) return e.leap == month ? static_cast<int>(month) : -1;
  if (e.leap != 0 && month > e.leap) return static_cast<int>(month);
  return static_cast<int>(month) - 1;
}

unsigned length_at(const year_entry& e, int index) noexcept {
  return (e.long_months >> index) & 1u ? 30u : 29u;
}

std::string month_name(unsigned month, bool leap) {
  return "month " + std::to_string(month) + (leap ? " (leap)" : "");
}

}  // namespace

std::string to_string(const lunar_date& d) {
  return std::to_string(d.day) + "/" + std::to_string(d.month) + (d.leap ? "n" : "") + "/" +
         std::to_string(d.year);
}

sys_days lunar_first_day() { return sys_days{date::days{table().years[0].new_year}}; }
sys_days lunar_last_day() { return sys_days{date::days{table().end - 1}}; }

lunar_date to_lunar(sys_days d) {
  const lunar_table t = table();
  const auto n = d.time_since_epoch().count();
  if (n < t.years[0].new_year || n >= t.end)
    throw range_error("date " + iso(d) + " is outside the lunar calendar's supported range " +
                          iso(lunar_first_day()) + " – " + iso(lunar_last_day()) + " (lunar years " +
                          std::to_string(lunar_first_year) + "–" + std::to_string(lunar_last_year) +
                          ")",
                      location{"", 0, 0, "", "date"});
  // Lunar years average 365.2422 days, so n's year is the estimate or one of its neighbours: O(1).
  long i = (n - t.years[0].new_year) * 10000 / 3652422;
  i = std::clamp(i, 0L, static_cast<long>(table_years - 1));
  while (i > 0 && n < t.years[static_cast<std::size_t>(i)].new_year) --i;
  while (i + 1 < table_years && n >= t.years[static_cast<std::size_t>(i + 1)].new_year) ++i;
  const year_entry& e = t.years[static_cast<std::size_t>(i)];
  long offset = n - e.new_year;
  int index = 0;
  while (offset >= static_cast<long>(length_at(e, index))) {
    offset -= length_at(e, index);
    ++index;
  }
  lunar_date out;
  out.year = lunar_first_year + static_cast<int>(i);
  out.day = static_cast<unsigned>(offset + 1);
  if (e.leap != 0 && index == e.leap) {
    out.month = e.leap;
    out.leap = true;
  } else if (e.leap != 0 && index > e.leap) {
    out.month = static_cast<unsigned>(index);
  } else {
    out.month = static_cast<unsigned>(index + 1);
  }
  return out;
}

bool lunar_date_exists(const lunar_date& d) noexcept {
  if (d.year < lunar_first_year || d.year > lunar_last_year) return false;
  const year_entry& e = table().years[static_cast<std::size_t>(d.year - lunar_first_year)];
  const int index = month_index(e, d.month, d.leap);
  return index >= 0 && d.day >= 1 && d.day <= length_at(e, index);
}

unsigned lunar_month_length(int year, unsigned month, bool leap) {
  const year_entry& e = entry(year, "year");
  if (month < 1 || month > 12)
    throw argument_error("lunar month " + std::to_string(month) +
                             " does not exist: months are numbered 1–12",
                         location{"", 0, 0, "", "month"});
  const int index = month_index(e, month, leap);
  if (index < 0)
    throw argument_error(
        "lunar year " + std::to_string(year) + " has no leap month " + std::to_string(month) +
            (e.leap != 0 ? "; its leap month is " + std::to_string(e.leap)
                         : std::string("; it has no leap month at all")),
        location{"", 0, 0, "", "leap"});
  return length_at(e, index);
}

sys_days from_lunar(const lunar_date& d) {
  const year_entry& e = entry(d.year, "year");
  const unsigned length = lunar_month_length(d.year, d.month, d.leap);
  if (d.day < 1 || d.day > length)
    throw argument_error("day " + std::to_string(d.day) + " of " + month_name(d.month, d.leap) +
                             " of lunar year " + std::to_string(d.year) +
                             " does not exist: that month has " + std::to_string(length) +
                             " days (1–" + std::to_string(length) + ")",
                         location{"", 0, 0, "", "day"});
  const int index = month_index(e, d.month, d.leap);
  long n = e.new_year;
  for (int i = 0; i < index; ++i) n += length_at(e, i);
  return sys_days{date::days{n + static_cast<long>(d.day) - 1}};
}

sys_days from_lunar(int year, unsigned month, unsigned day, bool leap) {
  return from_lunar(lunar_date{year, month, day, leap});
}

sys_days lunar_new_year(int year) { return sys_days{date::days{entry(year, "year").new_year}}; }

std::optional<unsigned> leap_month(int lunar_year) {
  const year_entry& e = entry(lunar_year, "year");
  if (e.leap == 0) return std::nullopt;
  return e.leap;
}

unsigned lunar_months_in_year(int year) { return entry(year, "year").months; }

unsigned lunar_year_length(int year) {
  const year_entry& e = entry(year, "year");
  const std::int32_t next =
      year == lunar_last_year ? table().end : table().years[static_cast<std::size_t>(year - lunar_first_year + 1)].new_year;
  return static_cast<unsigned>(next - e.new_year);
}

lunar_year_info compute_lunar_year(int year, std::chrono::seconds utc_offset) {
  if (year < lunar_first_year - 100 || year > lunar_last_year + 100)
    throw range_error("compute_lunar_year: year " + std::to_string(year) + " is outside " +
                          std::to_string(lunar_first_year - 100) + "–" +
                          std::to_string(lunar_last_year + 100),
                      location{"", 0, 0, "", "year"});
  if (utc_offset < std::chrono::hours{-12} || utc_offset > std::chrono::hours{14})
    throw argument_error("compute_lunar_year: UTC offset " + std::to_string(utc_offset.count()) +
                             " seconds is not a civil time zone (expected -12 h to +14 h)",
                         location{"", 0, 0, "", "utc_offset"});
  const reckoning r{utc_offset};
  const std::vector<month_span> months = build_months(year - 1, year + 1, r);
  lunar_year_info info;
  info.year = year;
  bool started = false;
  for (const month_span& m : months) {
    if (m.month == 1 && !m.leap) {
      if (started) break;
      started = true;
      info.new_year = m.first;
    }
    if (!started) continue;
    info.months.push_back(
        {m.month, m.leap, m.first, static_cast<unsigned>((m.end - m.first).count())});
    if (m.leap) info.leap_month = m.month;
  }
  return info;
}

}  // namespace cchc
