// cchc/vietnam_calendar.hpp — the working days of Vietnamese state bodies.
//
// civil_service_calendar() is the calendar of administrative bodies with a Saturday/Sunday rest
// (cán bộ, công chức, viên chức): the weekly pattern of Decision 188/1999/QĐ-TTg, the public
// holidays of the Labour Code in force on each date (1994 Art. 73, 2012 Art. 115, 2019 Art. 112)
// with their substitute days (nghỉ bù), and the official yearly notices of 2020–2026 — shipped as
// data (data/calendar/*.json, embedded in the library) with their document numbers. Years without
// a notice follow the rules; info(d).from_notice says which is which and info(d).inferred marks the
// defaults the law leaves to a yearly decision (which 5 days of Tết, which day next to 2/9).
//
//   const auto& cal = cchc::vietnam::civil_service_calendar();   // built once, then shared
//   using namespace date::literals;
//   cal.info(2025_y / 5 / 2).source.document;    // "CV 8726/VPCP-KGVX" (swapped day off)
//   cal.info(2027_y / 9 / 3).inferred;           // true: rules-only year, default adjacent day
//
// The rules, their sources and every default are documented in docs/calendar.md.
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <vector>

#include "cchc/calendar.hpp"

namespace cchc::vietnam {

/// The calendar of state administrative bodies (Saturday/Sunday rest), built on first use and
/// shared by every caller (thread-safe). Add data with work_calendar::with_schedule.
[[nodiscard]] CCHC_EXPORT const work_calendar& civil_service_calendar();

/// Builds a fresh calendar from the rules and the shipped notices (what civil_service_calendar()
/// returns, without the cache: for measuring the build time).
[[nodiscard]] CCHC_EXPORT work_calendar build_civil_service_calendar();

/// The holiday rules alone, as named predicates with their effective periods.
[[nodiscard]] CCHC_EXPORT std::vector<holiday_rule> holiday_rules();

/// The weekly rest patterns: Sunday only before 2 October 1999, Saturday and Sunday from then on
/// (Decision 188/1999/QĐ-TTg, the 40-hour week).
[[nodiscard]] CCHC_EXPORT std::vector<weekly_rest_period> weekly_pattern();

/// The official notices shipped with the library (2020–2026), merged in file order.
[[nodiscard]] CCHC_EXPORT schedule official_schedules();

/// The calendar built from the rules only (no notices): what the library would say for any year.
[[nodiscard]] CCHC_EXPORT work_calendar rules_only_calendar();

}  // namespace cchc::vietnam
