// Fuzz target "procedures": procedure catalogue files (cchc/procedure_catalogue.hpp) and one-stop
// rules files (cchc/one_stop_rules.hpp), the same bytes through both readers (they share the JSON
// walk, src/deadline/data_file.hpp). Invariants: codes are unique, sorted and found; processing times
// are valid for due(); a cut-off is a time of day; merging keeps every code once; a rules set's
// receipt rule validates and its effective period is ordered.
#include "cchc/error.hpp"
#include "cchc/one_stop_rules.hpp"
#include "cchc/procedure_catalogue.hpp"
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = cchc_fuzz::text_of(data, size);
  try {
    const cchc::procedure_catalogue cat = cchc::parse_procedure_catalogue(text, "fuzz.json");
    const auto& all = cat.procedures();
    for (std::size_t i = 0; i < all.size(); ++i) {
      const cchc::procedure& p = all[i];
      CCHC_FUZZ_CHECK(!p.code.empty());
      CCHC_FUZZ_CHECK(i == 0 || all[i - 1].code < p.code);
      CCHC_FUZZ_CHECK(cat.find(p.code) == &p);
      CCHC_FUZZ_CHECK(p.processing.amount >= 0);
      CCHC_FUZZ_CHECK(p.processing.unit != cchc::time_unit::same_day || p.processing.amount <= 1);
      CCHC_FUZZ_CHECK(!p.receipt_cutoff || (p.receipt_cutoff->count() >= 0 && p.receipt_cutoff->count() <= 24 * 60));
    }
    const auto merged = cat.merged_over(cchc::builtin_procedure_catalogue());
    for (const auto& p : cchc::builtin_procedure_catalogue().procedures()) CCHC_FUZZ_CHECK(merged.find(p.code));
    for (const auto& p : all) CCHC_FUZZ_CHECK(merged.find(p.code)->processing == p.processing);
  } catch (const cchc::error&) {
  }
  try {
    const cchc::one_stop_rules r = cchc::parse_one_stop_rules(text, "fuzz.json");
    r.receipt().validate();  // an invalid rule set must have been refused while reading
    CCHC_FUZZ_CHECK(!r.effective_to || r.effective_from <= *r.effective_to);
    CCHC_FUZZ_CHECK(r.in_force_on(r.effective_from));
  } catch (const cchc::error&) {
  }
  return 0;
}
