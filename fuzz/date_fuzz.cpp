// Fuzz target "date": the date and date-time parsers of the public API — dossier-log date-times
// (try_parse_log_date_time / parse_log_date_time, cchc/dossier_log.hpp), schedule dates
// (parse_calendar_date, cchc/schedule_file.hpp) and, once it exists, cchc/civil_time.hpp.
// Invariants: the throwing and non-throwing forms agree; a parsed date is a real date that reads
// back equal from its ISO form; a date the schedule parser accepts is the same day for the
// dossier-log parser (one rule for dates, issue 9); the text with a space before and after (which the
// grammar ignores, and which the parser's fast path for the canonical shapes never takes) parses to
// the same date-time with the same reason: the fast path agrees with the whole grammar.
#include <cstdio>
#include <optional>
#include <string>

#include <date/date.h>

#include "cchc/dossier_log.hpp"
#include "cchc/error.hpp"
#include "cchc/schedule_file.hpp"
#if __has_include("cchc/civil_time.hpp")
#include "cchc/civil_time.hpp"
#define CCHC_FUZZ_HAVE_CIVIL_TIME 1
#endif
#include "fuzz.hpp"

namespace {

std::string iso(const date::year_month_day& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

void log_date_times(std::string_view text) {
  bool has_time = false;
  std::string why;
  const std::optional<cchc::date_time> t = cchc::try_parse_log_date_time(text, &has_time, &why);
  bool threw = false;
  try {
    CCHC_FUZZ_CHECK(cchc::parse_log_date_time(text) == t);
  } catch (const cchc::parse_error&) {
    threw = true;
  }
  CCHC_FUZZ_CHECK(threw == !t);
  CCHC_FUZZ_CHECK(t || !why.empty());
  if (t && !has_time) CCHC_FUZZ_CHECK(date::floor<date::days>(*t) == *t);
  bool padded_has_time = false;
  std::string padded_why;
  const std::string padded = " " + std::string(text) + " ";
  CCHC_FUZZ_CHECK(cchc::try_parse_log_date_time(padded, &padded_has_time, &padded_why) == t);
  CCHC_FUZZ_CHECK(!t || padded_has_time == has_time);
  CCHC_FUZZ_CHECK(padded_why == why);
}

void calendar_dates(std::string_view text) {
  std::optional<date::year_month_day> d;
  try {
    d = cchc::parse_calendar_date(text);
  } catch (const cchc::parse_error&) {
    return;
  }
  CCHC_FUZZ_CHECK(d->ok());
  const std::string back = iso(*d);
  CCHC_FUZZ_CHECK(cchc::parse_calendar_date(back) == *d);
  bool has_time = true;
  const auto t = cchc::try_parse_log_date_time(text, &has_time);
  CCHC_FUZZ_CHECK(t && !has_time && *t == cchc::civil_time_at(*d, {}));
}

#ifdef CCHC_FUZZ_HAVE_CIVIL_TIME
void civil_times(std::string_view text) {
  const auto day = cchc::try_parse_date(text);
  bool threw = false;
  try {
    const auto got = cchc::parse_date(text);
    CCHC_FUZZ_CHECK(day && got == *day);
  } catch (const cchc::parse_error&) {
    threw = true;
  }
  CCHC_FUZZ_CHECK(threw == !day);
  const auto t = cchc::try_parse_date_time(text);
  threw = false;
  try {
    const auto got = cchc::parse_date_time(text);
    CCHC_FUZZ_CHECK(t && got == *t);
  } catch (const cchc::parse_error&) {
    threw = true;
  }
  CCHC_FUZZ_CHECK(threw == !t);
}
#endif

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = cchc_fuzz::text_of(data, size);
  log_date_times(text);
  calendar_dates(text);
#ifdef CCHC_FUZZ_HAVE_CIVIL_TIME
  civil_times(text);
#endif
  return 0;
}
