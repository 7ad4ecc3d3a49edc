// Schedule files: what the JSON and CSV formats share (the entry kinds, the date rule) and
// load_schedule, which picks the format by extension. The formats themselves: schedule_file_json.cpp
// (parse_schedule_json, to_json) and schedule_file_csv.cpp (parse_schedule_csv). Every error names
// the file, the line/column (CSV, and JSON both for syntax and content) and, for JSON, the JSON path
// and the field.
#include "cchc/schedule_file.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "calendar/schedule_file_common.hpp"
#include "internal/civil_time.hpp"

namespace cchc {

namespace schedule_files {

namespace {
// The kinds a schedule entry may have (not "working" or "weekly_rest": those are the weekly pattern).
constexpr const char* entry_kinds =
    "day_off, working_day, holiday, substitute_day, swapped_day_off, extra_day_off, "
    "make_up_working_day";
}  // namespace

std::optional<day_kind> entry_kind(const std::string& name) {
  try {
    const day_kind k = parse_day_kind(name);
    if (k == day_kind::working || k == day_kind::weekly_rest) return std::nullopt;
    return k;
  } catch (const lookup_error&) {
    return std::nullopt;
  }
}

std::string bad_kind_message(const std::string& name) {
  return "expected a kind of day (" + std::string(entry_kinds) + "), found '" + name + "'";
}

}  // namespace schedule_files

date::year_month_day parse_calendar_date(std::string_view text, const location& where) {
  // The one civil date parser (internal/civil_time.hpp), refusing a time of day: schedules list days.
  internal::civil_fields f;
  std::string detail;
  const char* why = internal::parse_civil(text, f, &detail);
  if (!why && f.has_time) why = "a time of day is not expected here";
  if (why) throw parse_error("expected a date YYYY-MM-DD or dd/mm/yyyy, found '" + std::string(text) + "' (" + why + ")", where);
  return date::year_month_day{f.day};
}

schedule load_schedule(const std::string& path) {
  std::string ext;
  if (auto dot = path.find_last_of('.'); dot != std::string::npos) ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext != "json" && ext != "csv") {
    location at;
    at.file = path;
    throw argument_error("expected a schedule file ending in .json or .csv, found '." + ext + "'", at);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    location at;
    at.file = path;
    throw io_error("cannot open the schedule file for reading", at);
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) {
    location at;
    at.file = path;
    throw io_error("error while reading the schedule file", at);
  }
  const std::string text = buf.str();
  return ext == "json" ? parse_schedule_json(text, path) : parse_schedule_csv(text, path);
}

}  // namespace cchc
