#include "cchc/schedule_file.hpp"

#include <doctest/doctest.h>

#include <string>

#include "cchc/error.hpp"
#include "cchc/vietnam_calendar.hpp"

using namespace date::literals;
using date::sys_days;

namespace {

std::string data(const std::string& name) { return std::string(CCHC_TEST_DATA_DIR) + "/calendar/" + name; }

// Loads a bad file and returns the parse_error (failing the test if none is thrown).
cchc::parse_error load_error(const std::string& name) {
  try {
    (void)cchc::load_schedule(data(name));
  } catch (const cchc::parse_error& e) {
    return e;
  }
  FAIL("expected a parse_error for " << name);
  return cchc::parse_error("unreachable");
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("schedule_file: a JSON schedule with provenance and annual holidays and both date forms") {
  const auto s = cchc::load_schedule(data("good.json"));
  REQUIRE(s.entries.size() == 3);
  CHECK(s.entries[0].day == sys_days{2027_y / 3 / 8});
  CHECK(s.entries[0].kind == cchc::day_kind::extra_day_off);
  CHECK(s.entries[0].source.document == "QĐ 99/QĐ-UBND");  // file-level default
  CHECK(s.entries[0].source.issued == date::year_month_day{2026_y / 12 / 1});
  CHECK(s.entries[0].source.note_en == "Example: a province's additional schedule.");
  CHECK(s.entries[1].day == sys_days{2027_y / 3 / 13});
  CHECK(s.entries[1].kind == cchc::day_kind::make_up_working_day);
  CHECK(s.entries[2].source.document == "CV 1/UBND-VX");  // per-day override
  CHECK(s.entries[2].inferred);
  REQUIRE(s.annual_holidays.size() == 1);
  CHECK(s.annual_holidays[0].month == 11);
  CHECK(s.annual_holidays[0].day == 24);
  CHECK(s.annual_holidays[0].first_day == sys_days{2026_y / 11 / 24});

  const auto cal = cchc::vietnam::civil_service_calendar().with_schedule(s);
  CHECK_FALSE(cal.is_working_day(2027_y / 3 / 8));
  CHECK(cal.is_working_day(2027_y / 3 / 13));  // a Saturday
  CHECK_FALSE(cal.is_working_day(2027_y / 11 / 24));  // Wednesday: the new annual holiday
  CHECK_FALSE(cal.is_working_day(2026_y / 11 / 24));
  CHECK(cal.info(2027_y / 3 / 8).from_notice);
  CHECK(cal.info(2027_y / 3 / 8).reason_en == "Extra day off");
}

TEST_CASE("schedule_file: a CSV schedule with BOM and CRLF and quoted commas and quotes and a blank line") {
  const auto s = cchc::load_schedule(data("good.csv"));
  REQUIRE(s.entries.size() == 2);
  CHECK(s.entries[0].reason_vi == "Nghỉ thêm, theo tỉnh");
  CHECK(s.entries[0].source.document == "QĐ 99/QĐ-UBND");
  CHECK(s.entries[1].day == sys_days{2027_y / 3 / 13});
  CHECK(s.entries[1].kind == cchc::day_kind::make_up_working_day);
  CHECK(s.entries[1].reason_en == "Make-up \"Saturday\"");
  CHECK(s.entries[1].source.issued == date::year_month_day{2026_y / 12 / 1});
}

TEST_CASE("schedule_file: to_json round-trips including the shipped notices") {
  const auto s = cchc::load_schedule(data("good.json"));
  CHECK(cchc::parse_schedule_json(cchc::to_json(s)) == s);
  const auto official = cchc::vietnam::official_schedules();
  CHECK(cchc::parse_schedule_json(cchc::to_json(official)) == official);
}

TEST_CASE("schedule_file: JSON syntax errors name the file and line and column") {
  const auto e = load_error("bad_syntax.json");
  CHECK(contains(e.where().file, "bad_syntax.json"));
  CHECK(e.where().line == 5);
  CHECK(e.where().column == 5);
  CHECK(contains(e.what(), "invalid JSON"));  // the wording of internal::json, shared with reports
}

namespace {

// The parse_error of parsing `text` as a schedule JSON (failing the test on any other exception).
cchc::parse_error json_error(const std::string& text) {
  try {
    (void)cchc::parse_schedule_json(text, "t.json");
  } catch (const cchc::parse_error& e) {
    return e;
  } catch (const std::exception& e) {
    FAIL("not a cchc::parse_error: " << std::string(e.what()));
  }
  FAIL("no exception for " << text.substr(0, 80));
  return cchc::parse_error("unreachable");
}

// 1-based column, in characters, of the first `needle` on its line (counted here by hand).
long char_column(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  REQUIRE(at != std::string::npos);
  const auto line_start = text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
  long column = 1;
  for (auto i = line_start; i < at; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  return column;
}

bool valid_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

}  // namespace

TEST_CASE("schedule_file: a duplicate key in JSON is refused at its second occurrence (path, line, column)") {
  // Before, the last "kind" won silently and this loaded as a working day.
  const std::string text =
      "{\"format\": \"cchc-schedule/1\", \"days\": [\n"
      "  {\"date\": \"2027-03-08\", \"reason_vi\": \"Nghỉ thêm\", \"kind\": \"day_off\", \"kind\": \"working_day\"}]}";
  const auto e = json_error(text);
  CHECK(e.where().file == "t.json");
  CHECK(e.where().path == "$.days[0].kind");
  CHECK(e.where().line == 2);
  CHECK(e.where().column == char_column(text, "\"kind\": \"working_day\""));
  CHECK(contains(e.what(), "duplicate key \"kind\""));
}

TEST_CASE("schedule_file: a number beyond double in JSON (1e400) is a located parse_error") {
  const std::string text = "{\"annual_holidays\": [{\"reason_vi\": \"Tết\", \"month\": 1e400, \"day\": 1}]}";
  const auto e = json_error(text);  // before: nlohmann's out_of_range.406 escaped
  CHECK(e.where().path == "$.annual_holidays[0].month");
  CHECK(e.where().line == 1);
  CHECK(e.where().column == char_column(text, "1e400"));
  CHECK(contains(e.what(), "number out of range"));
}

TEST_CASE("schedule_file: an integer beyond 64 bits is out of range, not a float") {
  const std::string text = "{\"annual_holidays\": [{\"month\": 99999999999999999999, \"day\": 1, \"from\": \"2027-01-01\"}]}";
  const auto e = json_error(text);
  CHECK(e.where().path == "$.annual_holidays[0].month");
  CHECK(e.where().field == "month");
  CHECK(contains(e.what(), "expected an integer 1–12, found 99999999999999999999"));
}

TEST_CASE("schedule_file: JSON columns count characters, not bytes") {
  // "Nghỉ bù Tết" is 11 characters and 16 bytes: counting bytes put the kind at column 75.
  const std::string text =
      "{\"days\": [{\"date\": \"2027-03-08\", \"reason_vi\": \"Nghỉ bù Tết\", \"kind\": \"holyday\"}]}";
  const auto e = json_error(text);
  CHECK(e.where().path == "$.days[0].kind");
  CHECK(e.where().column == char_column(text, "\"holyday\""));
  CHECK(e.where().column == 70);
}

TEST_CASE("schedule_file: deep JSON nesting is an error, not a stack overflow") {
  const auto e = json_error(std::string(1u << 20, '['));
  CHECK(contains(e.what(), "nesting deeper"));
  CHECK(e.where().line == 1);
}

TEST_CASE("schedule_file: invalid UTF-8 in JSON is located and its bytes quoted in hex") {
  const std::string text = "{\"days\": [{\"date\": \"2027-03-08\", \"kind\": \"day_off\", \"reason_vi\": \"Ngh\xE1\xBB\"}]}";
  const auto e = json_error(text);
  CHECK(contains(e.what(), "UTF-8"));
  CHECK(contains(e.what(), "\\xE1"));
  CHECK(valid_utf8(e.what()));  // before, nlohmann's message quoted the raw bytes
  CHECK(e.where().path == "$.days[0].reason_vi");
  CHECK(e.where().column == char_column(text, "\xE1"));
}

TEST_CASE("schedule_file: writing a schedule with invalid UTF-8 text is an argument_error naming the field") {
  cchc::schedule s;
  cchc::schedule_entry e;
  e.day = sys_days{2027_y / 3 / 8};
  e.kind = cchc::day_kind::extra_day_off;
  e.reason_vi = "Ngh\xFF";
  s.entries = {e, e};
  s.entries[0].reason_vi = "Nghỉ";
  try {
    (void)cchc::to_json(s);  // before: nlohmann type_error.316
    FAIL("no exception");
  } catch (const cchc::argument_error& x) {
    CHECK(x.where().path == "$.days[1].reason_vi");
    CHECK(valid_utf8(x.what()));
  }
}

TEST_CASE("schedule_file: JSON content errors name the JSON path and the field") {
  // Line and column of the offending value (or of the object missing a key), located with a text search
  // the files under tests/data/calendar/.
  struct expectation {
    const char* file;
    const char* path;
    const char* field;
    const char* says;
    long line;
    long column;
  };
  const expectation cases[] = {
      {"bad_feb29.json", "$.days[1].date", "date", "2023-02-29", 4, 14},
      {"bad_month13.json", "$.days[0].date", "date", "2027-13-01", 1, 20},
      {"bad_kind.json", "$.days[0].kind", "kind", "holyday", 1, 42},
      {"bad_key.json", "$.days[0]", "dat", "unknown key 'dat'", 1, 19},
      {"bad_missing_date.json", "$.days[0]", "date", "missing required key 'date'", 1, 11},
      {"bad_type.json", "$.days[0].date", "date", "expected a string, found number", 1, 20},
      {"bad_replaces.json", "$.replaces_rules[0]", "to", "on or after", 1, 50},
      {"bad_annual.json", "$.annual_holidays[0].day", "day", "does not exist", 1, 42},
      {"bad_format.json", "$.format", "format", "cchc-schedule/2", 1, 12},
  };
  for (const auto& c : cases) {
    const std::string file = c.file;
    CAPTURE(file);
    const auto e = load_error(c.file);
    CHECK(contains(e.where().file, c.file));
    CHECK(e.where().line == c.line);
    CHECK(e.where().column == c.column);
    CHECK(e.where().path == c.path);
    CHECK(e.where().field == c.field);
    CHECK(contains(e.what(), c.says));
  }
}

TEST_CASE("schedule_file: CSV errors name the file and line and column and field") {
  struct expectation {
    const char* file;
    long line;
    long column;
    const char* field;
    const char* says;
  };
  const expectation cases[] = {
      {"bad_feb29.csv", 3, 1, "date", "29/02/2023"},
      {"bad_kind.csv", 2, 12, "kind", "weekend"},
      {"bad_fields.csv", 2, 0, "", "expected 3 fields"},
      {"bad_quote.csv", 2, 20, "", "unterminated"},
      {"bad_header.csv", 1, 11, "documnet", "unknown column"},
      {"bad_no_date.csv", 1, 0, "date", "missing required column 'date'"},
      {"bad_issued.csv", 2, 20, "issued", "2027-02-30"},
  };
  for (const auto& c : cases) {
    const std::string file = c.file;
    CAPTURE(file);
    const auto e = load_error(c.file);
    CHECK(contains(e.where().file, c.file));
    CHECK(e.where().line == c.line);
    CHECK(e.where().column == c.column);
    CHECK(e.where().field == c.field);
    CHECK(contains(e.what(), c.says));
  }
}

TEST_CASE("schedule_file: a missing file is an io_error and a wrong extension an argument_error") {
  try {
    (void)cchc::load_schedule(data("does_not_exist.json"));
    FAIL("expected an io_error");
  } catch (const cchc::io_error& e) {
    CHECK(contains(e.where().file, "does_not_exist.json"));
  }
  CHECK_THROWS_AS((void)cchc::load_schedule(data("good.txt")), cchc::argument_error);
}

TEST_CASE("schedule_file: dates are checked in both forms") {
  CHECK(cchc::parse_calendar_date("2024-02-29") == date::year_month_day{2024_y / 2 / 29});
  CHECK(cchc::parse_calendar_date("1/5/2024") == date::year_month_day{2024_y / 5 / 1});
  CHECK_THROWS_AS((void)cchc::parse_calendar_date("2023-02-29"), cchc::parse_error);
  CHECK_THROWS_AS((void)cchc::parse_calendar_date("31/04/2024"), cchc::parse_error);
  CHECK_THROWS_AS((void)cchc::parse_calendar_date("2024-00-10"), cchc::parse_error);
  CHECK_THROWS_AS((void)cchc::parse_calendar_date("2024/05/01"), cchc::parse_error);
  CHECK_THROWS_AS((void)cchc::parse_calendar_date(""), cchc::parse_error);
  CHECK_THROWS_AS((void)cchc::parse_calendar_date("1/5/24"), cchc::parse_error);
}

TEST_CASE("schedule_file: an empty or header-only CSV") {
  CHECK_THROWS_AS((void)cchc::parse_schedule_csv("", "empty.csv"), cchc::parse_error);
  CHECK(cchc::parse_schedule_csv("date,kind\n", "h.csv").entries.empty());
}

TEST_CASE("schedule_file: a schedule outside the calendar's range is a range_error when applied") {
  // The file form cannot carry such a day any more: the one date parser takes years 1900-2199, the
  // calendar's own range, so 2300 is refused at load, with its place.
  try {
    (void)cchc::parse_schedule_csv("date,kind\n2300-01-02,day_off\n", "far.csv");
    FAIL("expected a parse_error");
  } catch (const cchc::parse_error& e) {
    CHECK(e.where().line == 2);
    CHECK(e.where().field == "date");
    CHECK(contains(e.what(), "1900-2199"));
  }
  cchc::schedule s;
  cchc::schedule_entry e;
  e.day = sys_days{date::year{2300} / 1 / 2};
  e.kind = cchc::day_kind::holiday;
  s.entries.push_back(e);
  CHECK_THROWS_AS((void)cchc::vietnam::civil_service_calendar().with_schedule(s), cchc::range_error);
}

// --- CSV on the shared tokenizer (issue 9) ---------------------------------------------------------

namespace {
cchc::parse_error csv_error(const std::string& text) {
  try {
    (void)cchc::parse_schedule_csv(text, "s.csv");
  } catch (const cchc::parse_error& e) {
    return e;
  }
  FAIL("expected a parse_error");
  return cchc::parse_error("unreachable");
}
}  // namespace

TEST_CASE("schedule_file: invalid UTF-8 in a CSV schedule is refused at load with line and column") {
  // Before, it loaded, and writing the schedule as JSON threw nlohmann's type_error.316.
  const auto e = csv_error("date,kind,reason_vi\n2027-03-08,day_off,Ngh\xe1 b\xf9\n");
  CHECK(e.where().file == "s.csv");
  CHECK(e.where().line == 2);
  CHECK(e.where().column == 23);  // "2027-03-08,day_off,Ngh" is 22 characters
  CHECK(contains(e.detail(), "0xE1"));
  CHECK(contains(e.detail(), "UTF-8"));
  // the column is in characters: after "Đ" (2 bytes) the bad byte is at character 22
  CHECK(csv_error("date,kind,reason_vi\n2027-03-08,day_off,Đ\xff\n").where().column == 21);
}

TEST_CASE("schedule_file: CSV separated by semicolons or tabs, and lone CR line ends") {
  const auto s = cchc::parse_schedule_csv("date;kind;reason_vi\r2027-03-08;day_off;\"a; b\"\r13/03/2027;working_day;c\r", "s.csv");
  REQUIRE(s.entries.size() == 2);
  CHECK(s.entries[0].reason_vi == "a; b");
  CHECK(s.entries[1].day == sys_days{2027_y / 3 / 13});
  const auto t = cchc::parse_schedule_csv("date\tkind\n2027-03-08\tday_off\n", "s.csv");
  CHECK(t.entries.size() == 1);
  // a bad date after a quoted line break (lone CR) is on its true line
  const auto e = csv_error("date,kind,reason_vi\r2027-03-08,day_off,\"a\rb\"\r2027-02-30,day_off,c\r");
  CHECK(e.where().line == 4);
  CHECK(e.where().field == "date");
}

TEST_CASE("schedule_file: dates go through the one civil date parser, without a time of day") {
  CHECK(cchc::parse_calendar_date(" 2024-02-29 ") == date::year_month_day{2024_y / 2 / 29});
  try {
    (void)cchc::parse_calendar_date("2024-02-28 08:00");
    FAIL("expected a parse_error");
  } catch (const cchc::parse_error& e) {
    CHECK(contains(e.detail(), "time of day"));
  }
  const auto e = csv_error("date,kind\n2027-03-08 10:00,day_off\n");
  CHECK(e.where().line == 2);
  CHECK(e.where().column == 1);
  CHECK(e.where().field == "date");
}
