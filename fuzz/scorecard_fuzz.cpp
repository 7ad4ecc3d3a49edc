// Fuzz target "scorecard": scorecard files (cchc/scorecard_file.hpp) through the shared JSON reader,
// then scored for three units. Invariants: a group's points are the sum of its children's, a scored
// node never exceeds its maximum unless the rule is an uncapped formula, ranks are 1-based.
#include "cchc/error.hpp"
#include "cchc/scorecard_file.hpp"
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cchc::scorecard card = cchc::builtin_scorecard("example.district-par");
  try {
    card = cchc::parse_scorecard(cchc_fuzz::text_of(data, size), "fuzz.json");
  } catch (const cchc::error&) {
    return 0;
  }
  std::vector<std::pair<std::string, cchc::figures>> units;
  for (int u = 0; u < 3; ++u) {
    cchc::figures f;
    for (const char* n : {"r", "a", "b", "n", "d", "points", "x"}) f.set(n, cchc::decimal(u * 3 + 1));
    f.set("q", cchc::rate(u, u == 0 ? 0 : 4));
    units.emplace_back("u" + std::to_string(u), std::move(f));
  }
  try {
    const auto t = card.score(units);
    for (const auto& r : t.rows) {
      if (r.rank) CCHC_FUZZ_CHECK(*r.rank >= 1 && *r.rank <= 3);
      CCHC_FUZZ_CHECK(r.points.has_value() == (r.status == cchc::score_status::scored));
    }
  } catch (const cchc::overflow_error&) {
  }
  return 0;
}
