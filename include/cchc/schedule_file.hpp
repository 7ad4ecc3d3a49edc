// cchc/schedule_file.hpp — holiday schedules as data: load a notice from a JSON or CSV file.
//
// The official notices of 2020–2026 ship inside the library in exactly this format (data/calendar/),
// so next year's notice, a provincial decision or a new holiday is a file, not a release.
//
// JSON (all keys but "days[].date" and "days[].kind" optional; docs/calendar.md has the full format):
//
//   {
//     "format": "cchc-schedule/1",
//     "document": "CV 8726/VPCP-KGVX", "issued": "2024-11-26",          // defaults for every day
//     "replaces_rules": [{"from": "2025-01-01", "to": "2025-12-31"}],    // this file lists all holidays
//     "annual_holidays": [{"month": 11, "day": 24, "from": "2026-11-24",
//                          "reason_vi": "Ngày Văn hóa Việt Nam", "reason_en": "Vietnam Culture Day"}],
//     "days": [
//       {"date": "2025-04-26", "kind": "working_day", "reason_vi": "Làm bù cho thứ Sáu 02/05/2025",
//        "reason_en": "Make-up working day for Friday 02/05/2025"},
//       {"date": "2025-05-02", "kind": "swapped_day_off", "document": "CV 8726/VPCP-KGVX"}
//     ]
//   }
//
// CSV (UTF-8 — a byte that is not is refused at load with its line and column —, BOM allowed, RFC
// 4180 quoting, ',' ';' or tab detected from the header, LF/CRLF/CR line ends, header names in any
// order, unknown columns → error; read by the library's one CSV tokenizer):
//
//   date,kind,document,issued,reason_vi,reason_en,inferred
//   2026-11-24,day_off,NQ 30/NQ-CP,2026-03-01,Ngày Văn hóa Việt Nam,Vietnam Culture Day,
//
// Kinds: day_off | working_day (short forms) or holiday | substitute_day | swapped_day_off |
// extra_day_off | make_up_working_day. Dates: YYYY-MM-DD or dd/mm/yyyy (the library's one civil date
// parser, without a time of day; years 1900–2199), checked (29/02/2023 is an error). Errors:
// cchc::parse_error naming the file, line and column (CSV, JSON syntax) or the JSON path (e.g.
// "$.days[3].date") and the field; cchc::io_error when the file cannot be read.
//
//   auto cal = cchc::vietnam::civil_service_calendar().with_schedule(
//       cchc::load_schedule("notice-2027.json"));
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <string>
#include <string_view>

#include "cchc/calendar.hpp"
#include "cchc/error.hpp"

namespace cchc {

/// Parses a schedule in JSON. `origin` names the input in error messages (a file name).
[[nodiscard]] CCHC_EXPORT schedule parse_schedule_json(std::string_view text, const std::string& origin = "<json>");
/// Parses a schedule in CSV.
[[nodiscard]] CCHC_EXPORT schedule parse_schedule_csv(std::string_view text, const std::string& origin = "<csv>");
/// Reads a file: ".json" → JSON, ".csv" → CSV (case-insensitive); another extension → argument_error.
[[nodiscard]] CCHC_EXPORT schedule load_schedule(const std::string& path);
/// Serialises a schedule to the JSON format above (parse_schedule_json(to_json(s)) == s). Text that is
/// not valid UTF-8 is refused with an argument_error naming its JSON path ("$.days[1].reason_vi").
[[nodiscard]] CCHC_EXPORT std::string to_json(const schedule& s);

/// Parses "YYYY-MM-DD" or "dd/mm/yyyy" (also d/m/yyyy), checked: an impossible date → parse_error
/// with `where` (field filled in by the caller's location).
[[nodiscard]] CCHC_EXPORT date::year_month_day parse_calendar_date(std::string_view text, const location& where = {});

}  // namespace cchc
