// cchc/lunar.hpp — the Vietnamese lunisolar calendar (âm lịch), computed for UTC+7.
//
// Two Vietnamese public holidays are lunar: Tết Nguyên đán (1st day of the 1st lunar month, five days
// off) and Giỗ Tổ Hùng Vương (10th day of the 3rd lunar month). A work calendar therefore needs a
// correct solar ↔ lunar conversion, and "correct" means *Vietnamese*: Vietnam reckons the calendar at
// UTC+7, China at UTC+8, and the two disagree in some years (Tết 1985 is 21/1 in Vietnam, 20/2 in China).
//
// The calendar is computed from astronomy, not copied from a table:
//   * a lunar month begins on the (local, UTC+7) day of a new moon — Meeus, "Astronomical Algorithms",
//     ch. 49, with the periodic and planetary corrections, and ΔT (Espenak & Meeus) to go from
//     dynamical time to UT;
//   * the major solar terms (trung khí) are the moments the Sun's apparent longitude is a multiple of
//     30° — a truncated VSOP87 series for the Earth (Meeus ch. 25 / 32 and appendix III) with nutation
//     and aberration;
//   * month 11 is the month that contains the winter solstice; when 13 months separate two months 11,
//     the first of them (after month 11) with no major solar term is the leap month (tháng nhuận) and
//     carries the number of the month before it.
// That computation was run once, into a compact table for lunar years 1900–2199 (Tết day, month
// lengths as a bit mask, leap month) checked in as src/calendar/lunar_table.inc; every conversion
// reads it in O(1), so no platform's floating point can move a Tết. `compute_lunar_year` keeps the
// astronomy available (it generates the table, and the tests recompute and compare it). See
// docs/lunar.md for how the table was verified.
//
//     #include <cchc/lunar.hpp>
//     using namespace date::literals;
//     cchc::lunar_date l = cchc::to_lunar(date::sys_days{2025_y / 1 / 27});  // 28/12/2024 (28 Chạp)
//     date::sys_days tet = cchc::lunar_new_year(2025);                       // 2025-01-29
//     date::sys_days gio_to = cchc::from_lunar(2025, 3, 10);                 // 2025-04-07
//     cchc::leap_month(2025);                                                // 6 (tháng 6 nhuận)
//     cchc::from_lunar(2024, 12, 30);   // throws argument_error: month 12 of 2024 has 29 days
//
// A lunar year here is the year that begins at its Tết: lunar 2024 runs from 2024-02-10 to 2025-01-28.
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

namespace cchc {

/// A day of the Vietnamese lunar calendar. A plain aggregate: it may hold a date that does not exist;
/// `from_lunar` and `lunar_date_exists` say whether it does.
struct CCHC_EXPORT lunar_date {
  int year = 0;        ///< the lunar year (the solar year in which its Tết falls)
  unsigned month = 0;  ///< 1..12
  unsigned day = 0;    ///< 1..29 or 1..30
  bool leap = false;   ///< true for the leap month (tháng nhuận), which follows the ordinary month

  /// Chronological order: the leap month m comes after the ordinary month m.
  friend bool operator<(const lunar_date& a, const lunar_date& b) noexcept {
    if (a.year != b.year) return a.year < b.year;
    if (a.month != b.month) return a.month < b.month;
    if (a.leap != b.leap) return b.leap;
    return a.day < b.day;
  }
  friend bool operator==(const lunar_date& a, const lunar_date& b) noexcept {
    return a.year == b.year && a.month == b.month && a.day == b.day && a.leap == b.leap;
  }
  friend bool operator!=(const lunar_date& a, const lunar_date& b) noexcept { return !(a == b); }
  friend bool operator>(const lunar_date& a, const lunar_date& b) noexcept { return b < a; }
  friend bool operator<=(const lunar_date& a, const lunar_date& b) noexcept { return !(b < a); }
  friend bool operator>=(const lunar_date& a, const lunar_date& b) noexcept { return !(a < b); }
};

/// "10/3/2025" or, for a day of a leap month, "1/6n/2025" ("n" for nhuận), day/month/year.
[[nodiscard]] CCHC_EXPORT std::string to_string(const lunar_date& d);

/// The supported lunar years (inclusive).
inline constexpr int lunar_first_year = 1900;
inline constexpr int lunar_last_year = 2199;

/// First and last solar day that can be converted: Tết 1900 and the eve of Tết 2200.
[[nodiscard]] CCHC_EXPORT date::sys_days lunar_first_day();
[[nodiscard]] CCHC_EXPORT date::sys_days lunar_last_day();

// ---- Conversion --------------------------------------------------------------------------------

/// The lunar date of a solar day (the civil day in Vietnam). Outside [lunar_first_day(),
/// lunar_last_day()] → range_error.
[[nodiscard]] CCHC_EXPORT lunar_date to_lunar(date::sys_days d);

/// The solar day of a lunar date. A date that does not exist (month 0 or 13, day 0 or 31, day 30 of a
/// 29-day month, a leap month that year does not have) → argument_error saying what exists; a year
/// outside [lunar_first_year, lunar_last_year] → range_error.
[[nodiscard]] CCHC_EXPORT date::sys_days from_lunar(const lunar_date& d);
[[nodiscard]] CCHC_EXPORT date::sys_days from_lunar(int year, unsigned month, unsigned day, bool leap = false);

/// True when the lunar date exists (year in range, month and day valid for that year). Never throws.
[[nodiscard]] CCHC_EXPORT bool lunar_date_exists(const lunar_date& d) noexcept;

// ---- Years and months --------------------------------------------------------------------------

/// Tết Nguyên đán (1/1) of the lunar year. range_error outside the supported years.
[[nodiscard]] CCHC_EXPORT date::sys_days lunar_new_year(int year);

/// The number of the leap month of the lunar year (leap month 6 follows ordinary month 6), if any.
[[nodiscard]] CCHC_EXPORT std::optional<unsigned> leap_month(int lunar_year);

/// 29 or 30. A month that does not exist → argument_error; a year out of range → range_error.
[[nodiscard]] CCHC_EXPORT unsigned lunar_month_length(int year, unsigned month, bool leap = false);

/// 12 or 13.
[[nodiscard]] CCHC_EXPORT unsigned lunar_months_in_year(int year);

/// Number of days of the lunar year (353–355 or 383–385).
[[nodiscard]] CCHC_EXPORT unsigned lunar_year_length(int year);

// ---- The computation behind the table (for verification and other time zones) ------------------

/// One lunar month as computed from astronomy.
struct CCHC_EXPORT lunar_month_info {
  unsigned month = 0;      ///< 1..12
  bool leap = false;
  date::sys_days first{};  ///< local day of the new moon
  unsigned length = 0;     ///< 29 or 30
};

/// One lunar year as computed from astronomy, without the table.
struct CCHC_EXPORT lunar_year_info {
  int year = 0;
  date::sys_days new_year{};                ///< Tết
  std::optional<unsigned> leap_month;       ///< number of the leap month, if any
  std::vector<lunar_month_info> months;     ///< 12 or 13, in order
};

/// Computes the lunar year `year` from the astronomical algorithms for a calendar reckoned at
/// `utc_offset` (+7 h for Vietnam, +8 h for the Chinese calendar). Slow (microseconds per year); the
/// conversion functions above use the checked-in table generated with this at +7 h (binary floating
/// point: another platform may differ in a close call, which the tests would report). Years outside
/// [lunar_first_year - 100, lunar_last_year + 100] → range_error (ΔT is not modelled further out).
[[nodiscard]] CCHC_EXPORT lunar_year_info compute_lunar_year(int year, std::chrono::seconds utc_offset);

namespace astronomy {

/// Julian Ephemeris Day (TT) of the true new moon with lunation number k (k = 0: 2000-01-06),
/// Meeus ch. 49 with all periodic and planetary corrections.
[[nodiscard]] CCHC_EXPORT double new_moon_jde(long k) noexcept;

/// Apparent geocentric longitude of the Sun in degrees [0, 360) at Julian Ephemeris Day `jde`
/// (truncated VSOP87 + FK5 correction + nutation in longitude + aberration).
[[nodiscard]] CCHC_EXPORT double sun_apparent_longitude(double jde) noexcept;

/// ΔT = TT − UT in seconds for a decimal year (Espenak & Meeus polynomials, NASA 2006).
[[nodiscard]] CCHC_EXPORT double delta_t_seconds(double decimal_year) noexcept;

/// JDE of the moment the Sun's apparent longitude equals `degrees`, near `jde_guess` (within ±20 days).
[[nodiscard]] CCHC_EXPORT double solar_longitude_time(double degrees, double jde_guess) noexcept;

}  // namespace astronomy

}  // namespace cchc
