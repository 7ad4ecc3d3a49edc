// Fuzz target "figures_table": figures tables (cchc/figures_table.hpp) through the shared CSV
// tokenizer, then rolled up and checked (cchc/roll_up.hpp). Invariants: every unit has a code, every
// figure is a named column, roll-up never throws but argument_error (cycles, mixed kinds).
#include <algorithm>

#include "cchc/error.hpp"
#include "cchc/figures_table.hpp"
#include "cchc/roll_up.hpp"
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = cchc_fuzz::text_of(data, size);
  const unsigned b = cchc_fuzz::take_byte(text);
  cchc::figures_table_options o;
  o.style = b % 3 == 0 ? cchc::number_style::plain : b % 3 == 1 ? cchc::number_style::vi : cchc::number_style::en;
  cchc::figures_table t;
  try {
    t = cchc::parse_figures_table(text, "fuzz.csv", o);
  } catch (const cchc::error&) {
    return 0;
  }
  for (const auto& u : t.units) {
    CCHC_FUZZ_CHECK(!u.unit.empty());
    for (const auto& n : u.figures.names())
      CCHC_FUZZ_CHECK(std::find(t.names.begin(), t.names.end(), n) != t.names.end());
  }
  try {
    (void)cchc::roll_up(t);
    (void)cchc::check_roll_up(t, "fuzz.csv");
  } catch (const cchc::argument_error&) {
  }
  return 0;
}
