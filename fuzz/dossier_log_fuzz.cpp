// Fuzz target "dossier_log": dossier-log CSV (dossier_log_reader::from_text, cchc/dossier_log.hpp)
// and the classification of every row read: due_of, outcome_at at the end of 2023 and a
// flow_accumulator over 2023 with the Vietnamese calendar (cchc/dossier.hpp).
// Input: byte 0 picks the options (skip bad rows or not, a small record cap or the default) and the
// grouping key; the rest is the CSV text.
// Invariants: the summary's counts add up (rows = accepted + skipped; accepted = dossiers returned);
// the accumulated flow table satisfies its own identities (no error finding from check()) and its
// rows sum to its total; the columnar path (classify_batch over the same dossiers as columns) gives
// the accumulator's flow, or fails exactly when some dossier made the accumulator fail; the columnar
// read (next(dossier_log_chunk&, n), a few rows per call) gives exactly those columns, ids and key
// texts, the same error (message and location) and the same summary as the record read.
#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include <date/date.h>

#include "cchc/dossier.hpp"
#include "cchc/dossier_batch.hpp"
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

std::string describe(const cchc::error& e) {
  const auto& w = e.where();
  return e.detail() + "@" + w.file + ":" + std::to_string(w.line) + ":" + std::to_string(w.column) + ":" + w.path +
         ":" + w.field;
}

bool same_summary(const cchc::dossier_log_summary& a, const cchc::dossier_log_summary& b) {
  if (a.rows != b.rows || a.accepted != b.accepted || a.skipped != b.skipped || a.bytes != b.bytes ||
      a.errors.size() != b.errors.size() || a.ignored_columns != b.ignored_columns)
    return false;
  for (std::size_t i = 0; i < a.errors.size(); ++i)
    if (describe(a.errors[i]) != describe(b.errors[i])) return false;
  return true;
}

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
  // The same dossiers as columns, for the columnar path.
  std::vector<std::int64_t> received, promised, offsets{0}, pfrom, pto, ended;
  std::vector<std::int32_t> amount, requests;
  std::vector<std::uint8_t> unit, has_time, kind, channel, apology;
  std::vector<std::int16_t> rcut;
  std::vector<std::string> ids, key_texts;
  std::optional<std::string> record_error;
  std::optional<cchc::dossier_log_summary> record_summary;
  bool accumulator_failed = false;
  try {
    auto reader = cchc::dossier_log_reader::from_text(std::string(text), "fuzz.csv", options);
    cchc::dossier d;
    std::int64_t read = 0;
    while (reader.next(d)) {
      ++read;
      try {
        (void)cchc::due_of(d, calendar);
        if (d.received_at <= cchc::civil_time_at(cutoff + date::days{1}, {})) (void)cchc::outcome_at(d, cutoff, calendar);
      } catch (const cchc::error&) {
      }
      try {
        acc.add(d);
      } catch (const cchc::error&) {
        accumulator_failed = true;
      }
      received.push_back(d.received_at.time_since_epoch().count());
      amount.push_back(d.processing ? static_cast<std::int32_t>(std::clamp<long>(d.processing->amount, -1, 1'000'000'000))
                                    : INT32_MIN);
      unit.push_back(d.processing ? static_cast<std::uint8_t>(d.processing->unit) : 0);
      promised.push_back(d.promised_at ? d.promised_at->time_since_epoch().count() : cchc::no_time);
      has_time.push_back(d.promised_has_time ? 1 : 0);
      rcut.push_back(d.receipt_cutoff ? static_cast<std::int16_t>(d.receipt_cutoff->count()) : cchc::no_cutoff);
      for (const auto& p : d.pauses) {
        pfrom.push_back(p.from.time_since_epoch().count());
        pto.push_back(p.to.time_since_epoch().count());
      }
      offsets.push_back(static_cast<std::int64_t>(pfrom.size()));
      requests.push_back(d.supplement_requests);
      kind.push_back(d.end ? static_cast<std::uint8_t>(d.end->kind) : cchc::no_end_kind);
      ended.push_back(d.end ? d.end->at.time_since_epoch().count() : cchc::no_time);
      channel.push_back(static_cast<std::uint8_t>(d.channel));
      apology.push_back(d.apology ? 1 : 0);
      ids.push_back(d.id);
      key_texts.push_back(cchc::key_of(d, key));
    }
    const cchc::dossier_log_summary& s = reader.summary();
    record_summary = s;
    CCHC_FUZZ_CHECK(s.accepted == read);
    CCHC_FUZZ_CHECK(s.rows == s.accepted + s.skipped);
    CCHC_FUZZ_CHECK(options.skip_bad_rows || s.skipped == 0);
    CCHC_FUZZ_CHECK(s.errors.size() <= options.max_reported_errors);
  } catch (const cchc::error& e) {
    record_error = describe(e);
  }

  // The columnar read of the same text: the same rows as columns, the same error, the same summary.
  {
    cchc::dossier_log_chunk c;
    c.keys = {key};
    c.want_ids = true;
    std::optional<std::string> error;
    std::optional<cchc::dossier_log_summary> summary;
    try {
      auto reader = cchc::dossier_log_reader::from_text(std::string(text), "fuzz.csv", options);
      try {
        const std::size_t per_call = 1 + (b0 >> 5);
        while (reader.next(c, per_call) > 0) {
        }
        summary = reader.summary();
      } catch (const cchc::error& e) {
        error = describe(e);
      }
    } catch (const cchc::error& e) {
      error = describe(e);
    }
    CCHC_FUZZ_CHECK(error == record_error);
    CCHC_FUZZ_CHECK(summary.has_value() == record_summary.has_value());
    CCHC_FUZZ_CHECK(!summary || same_summary(*summary, *record_summary));
    CCHC_FUZZ_CHECK(c.rows() == received.size());
    CCHC_FUZZ_CHECK(c.received == received && c.amount == amount && c.unit_of_time == unit);
    CCHC_FUZZ_CHECK(c.promised == promised && c.promised_has_time == has_time && c.receipt_cutoff == rcut);
    CCHC_FUZZ_CHECK(c.pause_offsets == offsets && c.pause_from == pfrom && c.pause_to == pto);
    CCHC_FUZZ_CHECK(c.supplement_requests == requests && c.end_kind == kind && c.ended == ended);
    CCHC_FUZZ_CHECK(c.channel == channel && c.apology == apology);
    CCHC_FUZZ_CHECK(c.id_end.size() == ids.size());
    CCHC_FUZZ_CHECK(ids.empty() || (c.key_columns.size() == 1 && c.key_columns[0].size() == ids.size()));
    std::size_t start = 0;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      CCHC_FUZZ_CHECK(c.ids.compare(start, c.id_end[i] - start, ids[i]) == 0);
      start = c.id_end[i];
      CCHC_FUZZ_CHECK(c.key_codes[0].names()[c.key_columns[0][i]] == key_texts[i]);
    }
  }
  if (!received.empty()) {
    cchc::dossier_batch b;
    b.received = received;
    b.amount = amount;
    b.unit_of_time = unit;
    b.promised = promised;
    b.promised_has_time = has_time;
    b.receipt_cutoff = rcut;
    b.pause_offsets = offsets;
    b.pause_from = pfrom;
    b.pause_to = pto;
    b.supplement_requests = requests;
    b.end_kind = kind;
    b.ended = ended;
    b.channel = channel;
    b.apology = apology;
    const cchc::period year = cchc::period::annual(2023);
    try {
      const cchc::batch_counts t = cchc::classify_batch(b, year, calendar);
      CCHC_FUZZ_CHECK(!accumulator_failed);
      CCHC_FUZZ_CHECK(t.total() == acc.flow());
    } catch (const cchc::error&) {
      CCHC_FUZZ_CHECK(accumulator_failed);
    }
  }
  CCHC_FUZZ_CHECK(!has_error(acc.flow().check()));
  CCHC_FUZZ_CHECK(cchc::total(acc.table()) == acc.flow() || acc.table().empty());
  return 0;
}
