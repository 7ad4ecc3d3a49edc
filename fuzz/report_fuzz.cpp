// Fuzz target "report": report JSON (parse_report, cchc/report.hpp) → validate (cchc/validate.hpp)
// → indicators (cchc/indicator.hpp) → to_json.
// Invariants: validate never throws on a report that loaded (it reports bad figures as findings);
// what loads round-trips: parse_report(to_json(r)) == r, and to_json of that is the same text.
#include <string>

#include "cchc/error.hpp"
#include "cchc/indicator.hpp"
#include "cchc/report.hpp"
#include "cchc/rounding.hpp"
#include "cchc/validate.hpp"
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cchc::report r;
  try {
    r = cchc::parse_report(cchc_fuzz::text_of(data, size), {}, "fuzz.json");
  } catch (const cchc::error&) {
    return 0;
  }
  // validate promises findings, not exceptions, for any report that loaded: not even a cchc::error.
  (void)cchc::validate(r);
  (void)cchc::validate(r, cchc::validate_options{false});
  try {
    for (const cchc::indicator& i : cchc::indicators(r)) {
      (void)i.percent(2, cchc::rounding::half_away_from_zero);
    }
  } catch (const cchc::error&) {
  }
  (void)cchc::cited_documents(r);
  const std::string once = cchc::to_json(r);
  const cchc::report again = cchc::parse_report(once, {}, "<to_json>");
  CCHC_FUZZ_CHECK(again == r);
  CCHC_FUZZ_CHECK(cchc::to_json(again) == once);
  return 0;
}
