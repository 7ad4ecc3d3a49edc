// Fuzz target "units": units files (cchc/units.hpp) through the shared CSV tokenizer and the one
// date parser, then read at a few dates and used as the tree of a roll-up (cchc/roll_up.hpp).
// Invariants: a loaded file's rows have a code and a level, valid_to is never before valid_from, a
// parent exists on every day its child does, children() agrees with find(); the roll-up never
// throws but a cchc::error.
#include "cchc/error.hpp"
#include "cchc/figures_table.hpp"
#include "cchc/roll_up.hpp"
#include "cchc/units.hpp"
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = cchc_fuzz::text_of(data, size);
  const unsigned b = cchc_fuzz::take_byte(text);
  cchc::units u;
  try {
    u = cchc::units::parse(text, "fuzz.csv");
  } catch (const cchc::error&) {
    return 0;
  }
  // The days to look at: each row's ends and the day after, and a fixed one.
  std::vector<date::sys_days> days{date::sys_days{date::days{20000 + static_cast<int>(b)}}};
  for (const auto& r : u.rows()) {
    CCHC_FUZZ_CHECK(!r.code.empty() && !r.level.empty());
    if (r.valid_from && r.valid_to) CCHC_FUZZ_CHECK(*r.valid_from <= *r.valid_to);
    if (r.valid_from) days.push_back(*r.valid_from);
    if (r.valid_to) days.push_back(*r.valid_to + date::days{1});
    if (days.size() > 16) break;
  }
  cchc::figures_table t;
  t.names = {"x"};
  for (const auto day : days) {
    for (const auto* r : u.on(day)) {
      CCHC_FUZZ_CHECK(u.find(r->code, day) == r);
      if (!r->parent.empty()) CCHC_FUZZ_CHECK(u.find(r->parent, day) != nullptr);
      for (const auto* c : u.children(r->code, day)) CCHC_FUZZ_CHECK(c->parent == r->code && c->valid_on(day));
    }
  }
  for (const auto* r : u.on(days.front())) {
    cchc::unit_figures f;
    f.unit = r->code;
    f.figures.set("x", static_cast<int>(r->line));
    t.units.push_back(std::move(f));
  }
  try {
    (void)cchc::roll_up(t, u, days.front());
    (void)cchc::check_roll_up(t, u, days.front());
  } catch (const cchc::error&) {
  }
  return 0;
}
