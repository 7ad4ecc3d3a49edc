// Fuzz target "flow_table": published flow tables (cchc/flow_table_check.hpp) through the shared CSV
// tokenizer, then checked. The first byte selects the options (counts style, percent style, largest
// scale). Invariants: reading throws only cchc::error; checking never throws; every label is
// non-empty; every match really reproduces its printed figure; a figure without matches whose bases
// are computable has its flow_table.not_reproduced finding.
#include <algorithm>

#include "cchc/error.hpp"
#include "cchc/flow_table_check.hpp"
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = cchc_fuzz::text_of(data, size);
  const unsigned b = cchc_fuzz::take_byte(text);
  constexpr cchc::number_style styles[] = {cchc::number_style::vi, cchc::number_style::plain, cchc::number_style::en};
  cchc::flow_table_options o;
  o.counts_style = styles[b % 3];
  if ((b / 3) % 4 != 0) o.percent_style = styles[(b / 3) % 4 - 1];
  o.max_scale = static_cast<int>((b / 12) % 4);
  cchc::published_flow_table t;
  try {
    t = cchc::parse_flow_table(text, "fuzz.csv", o);
  } catch (const cchc::error&) {
    return 0;
  }
  const cchc::flow_table_result r = cchc::check_flow_table(t, o);  // must not throw
  for (const auto& row : t.rows) CCHC_FUZZ_CHECK(!row.label.empty());
  for (const auto& fc : r.figures) {
    CCHC_FUZZ_CHECK(fc.row < t.rows.size());
    CCHC_FUZZ_CHECK(t.rows[fc.row].get(fc.share).has_value());
    for (const auto& m : fc.matches) {
      const auto it = std::find_if(fc.bases.begin(), fc.bases.end(), [&](const auto& x) { return x.first == m.basis; });
      CCHC_FUZZ_CHECK(it != fc.bases.end());
      CCHC_FUZZ_CHECK(m.scale >= fc.printed.value.scale());
      CCHC_FUZZ_CHECK(it->second.percent(m.scale, m.mode) == fc.printed.value);
    }
    const bool computable = std::any_of(fc.bases.begin(), fc.bases.end(), [](const auto& x) { return x.second.defined(); });
    if (computable && fc.matches.empty()) {
      const std::string path = "row " + t.rows[fc.row].label;
      CCHC_FUZZ_CHECK(std::any_of(r.findings.begin(), r.findings.end(), [&](const cchc::finding& f) {
        return f.rule == "flow_table.not_reproduced" && f.where.path == path;
      }));
    }
  }
  return 0;
}
