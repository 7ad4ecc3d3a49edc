// Fuzz target "dossier_log": dossier-log CSV (dossier_log_reader::from_text, cchc/dossier_log.hpp)
// and the classification of every row read: due_of, outcome_at at the end of 2023 and a
// flow_accumulator over 2023 with the Vietnamese calendar (cchc/dossier.hpp).
// Input: byte 0 picks the options (skip bad rows or not, a small record cap or the default) and the
// grouping key; the rest is the CSV text.
// Invariants: the summary's counts add up (rows = accepted + skipped; accepted = dossiers returned);
// the accumulated flow table satisfies its own identities (no error finding from check()) and its
// rows sum to its total.
#include <array>
#include <string>

#include <date/date.h>

#include "cchc/dossier.hpp"
#include "cchc/dossier_log.hpp"
#include "cchc/error.hpp"
#include "cchc/flow.hpp"
#include "cchc/period.hpp"
#include "cchc/vietnam_calendar.hpp"
#include "fuzz.hpp"

namespace {

constexpr std::array<cchc::flow_key, 5> keys{cchc::flow_key::unit, cchc::flow_key::procedure,
                                             cchc::flow_key::field, cchc::flow_key::level,
                                             cchc::flow_key::channel};

bool has_error(const std::vector<cchc::finding>& findings) {
  for (const auto& f : findings)
    if (f.severity == cchc::severity::error) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = cchc_fuzz::text_of(data, size);
  const unsigned b0 = cchc_fuzz::take_byte(text);
  cchc::dossier_log_options options;
  options.skip_bad_rows = (b0 & 1) != 0;
  options.max_reported_errors = 3;
  if ((b0 & 2) != 0) options.max_record_bytes = 256;
  const cchc::flow_key key = keys[(b0 >> 2) % keys.size()];

  static const cchc::work_calendar calendar = cchc::vietnam::civil_service_calendar();
  const date::sys_days cutoff{date::year{2023} / 12 / 31};
  cchc::flow_accumulator acc(cchc::period::annual(2023), calendar, key);
  try {
    auto reader = cchc::dossier_log_reader::from_text(std::string(text), "fuzz.csv", options);
    cchc::dossier d;
    std::int64_t read = 0;
    while (reader.next(d)) {
      ++read;
      try {
        (void)cchc::due_of(d, calendar);
        if (d.received_at <= cutoff + date::days{1}) (void)cchc::outcome_at(d, cutoff, calendar);
      } catch (const cchc::error&) {
      }
      try {
        acc.add(d);
      } catch (const cchc::error&) {
      }
    }
    const cchc::dossier_log_summary& s = reader.summary();
    CCHC_FUZZ_CHECK(s.accepted == read);
    CCHC_FUZZ_CHECK(s.rows == s.accepted + s.skipped);
    CCHC_FUZZ_CHECK(options.skip_bad_rows || s.skipped == 0);
    CCHC_FUZZ_CHECK(s.errors.size() <= options.max_reported_errors);
  } catch (const cchc::error&) {
  }
  CCHC_FUZZ_CHECK(!has_error(acc.flow().check()));
  CCHC_FUZZ_CHECK(cchc::total(acc.table()) == acc.flow() || acc.table().empty());
  return 0;
}
