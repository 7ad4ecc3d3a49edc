// Fuzz target "indicator_catalogue": indicator catalogue files (cchc/indicator_catalogue.hpp) through
// the shared JSON reader, then evaluated on the seed-like figures of a small unit with two table rows.
// Invariants: every indicator produced has an id; a value-status rate's percent exists exactly when its
// denominator is not zero; not-applicable and not-scored indicators have a reason and no percent.
#include "cchc/error.hpp"
#include "cchc/indicator_catalogue.hpp"
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cchc::indicator_catalogue cat = cchc::builtin_indicators();
  try {
    cat = cchc::parse_indicator_catalogue(cchc_fuzz::text_of(data, size), "fuzz.json");
  } catch (const cchc::error&) {
    return 0;
  }
  cchc::figures f;
  for (const char* n : {"a", "b", "direction.plan.tasks", "direction.plan.tasks_completed", "t.0.a", "t.0.b", "t.1.a"})
    f.set(n, cchc::decimal(7));
  f.set("z", 0).set("t.1.b", 0).set("t.0.q", cchc::rate(3, 4)).set("t.1.q", cchc::rate(1, 0));
  cchc::indicator_input in = cchc::indicator_input::of(f);
  in.period_to = date::year{2023} / 12 / 31;
  try {
    for (const cchc::indicator& i : cat.evaluate(in)) {
      CCHC_FUZZ_CHECK(!i.id.empty());
      if (i.status != cchc::indicator_status::value) {
        CCHC_FUZZ_CHECK(!i.reason.empty());
        CCHC_FUZZ_CHECK(!i.percent(2, cchc::rounding::half_even).has_value());
      } else if (i.is_rate()) {
        const auto& r = std::get<cchc::rate>(i.value);
        CCHC_FUZZ_CHECK(i.percent(i.scale, i.mode).has_value() == !r.denominator().is_zero());
      }
    }
  } catch (const cchc::argument_error&) {  // a negative denominator: refused, naming the indicator
  } catch (const cchc::overflow_error&) {
  }
  return 0;
}
