// Fuzz target "schedule_csv": holiday schedules in CSV (parse_schedule_csv, cchc/schedule_file.hpp),
// then to_json and the calendar built from them (fuzz/schedule.hpp).
#include "cchc/error.hpp"
#include "cchc/schedule_file.hpp"
#include "fuzz.hpp"
#include "schedule.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cchc::schedule s;
  try {
    s = cchc::parse_schedule_csv(cchc_fuzz::text_of(data, size), "fuzz.csv");
  } catch (const cchc::error&) {
    return 0;
  }
  cchc_fuzz::check_schedule(s);
  return 0;
}
