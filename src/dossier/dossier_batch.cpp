// The columnar face of the one dossier rule (cchc/dossier_batch.hpp). Rows go in chunks of 1 024
// through vectorised tiers — the day form (working days, calendar days, same day without pauses),
// the hours tier (working hours with sorted, disjoint pauses, judged across rows on the office-minute
// clock) — and every row they do not take goes to the general path: checked, turned into kernel
// facts and judged by dossier/outcome_kernel.hpp, which also names a bad row. Results and errors do
// not depend on which tier ran (docs/dossiers.md §4, tests/cpp/dossier_rule_test.cpp).
#include "cchc/dossier_batch.hpp"

#include <algorithm>
#include <exception>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <unordered_map>

#include "cchc/error.hpp"
#include "dossier/outcome_kernel.hpp"
#include "dossier/tally.hpp"

namespace cchc {

namespace {

using i64 = std::int64_t;
using std::chrono::minutes;

constexpr std::size_t rows_per_thread_min = std::size_t{1} << 16;
constexpr std::size_t no_error = static_cast<std::size_t>(-1);
constexpr std::uint64_t dense_group_limit = std::uint64_t{1} << 16;
constexpr std::uint64_t group_id_limit = std::uint64_t{1} << 62;
constexpr std::int32_t no_day = std::numeric_limits<std::int32_t>::min();

// Floor division by a day's minutes, defined for every int64 (no_time included: no negation).
i64 floor_day(i64 m) { return m >= 0 ? m / 1440 : (m + 1) / 1440 - 1; }

std::string when(i64 m) { return date::format("%F %H:%M", date_time{minutes{m}}); }

[[noreturn]] void row_error(bool range, std::size_t row, const char* field, const std::string& message) {
  const location at{"", 0, 0, "row " + std::to_string(row), field};
  if (range) throw range_error(message, at);
  throw argument_error(message, at);
}

void check_length(std::size_t n, std::size_t found, const char* name) {
  if (found != 0 && found != n)
    throw argument_error("expected " + std::to_string(n) + " rows (the length of 'received') or an empty column, found " +
                             std::to_string(found),
                         location{"", 0, 0, "", name});
}

struct job {
  const dossier_batch& b;
  std::size_t n = 0;
  i64 first = 0, last = 0;  // day numbers of the period
  const kernel::clock& clock;
  std::optional<minutes> rule_cutoff;
  std::vector<std::uint64_t> stride;  // per key
  std::vector<std::uint32_t> size;    // per key
  std::uint64_t groups = 1;
  bool dense = true;
  std::uint8_t* codes = nullptr;
  std::int32_t* due_day = nullptr;
  std::int16_t* due_minute = nullptr;
  bool count = true;
};

struct thread_state {
  std::size_t first_bad = no_error;
  std::exception_ptr error;
  std::vector<kernel::tally> dense;
  std::unordered_map<std::uint64_t, kernel::tally> sparse;
};

struct row_result {
  bool counted;
  outcome result;
  std::optional<due_date> due;
};

// Judges row i (throws a located error for a bad row).
row_result judge_row(const job& j, std::size_t i) {
  const dossier_batch& b = j.b;
  const i64 r = b.received[i];
  if (r == no_time) row_error(false, i, "received", "expected the received date-time, found none (NaT)");
  const i64 rday = floor_day(r);
  if (rday > j.last) return {false, outcome::early, std::nullopt};

  // How and when it ended.
  bool ended = !b.ended.empty() && b.ended[i] != no_time;
  end_kind kind = end_kind::resolved;
  if (!b.end_kind.empty()) {
    const std::uint8_t k = b.end_kind[i];
    if (k == no_end_kind) {
      if (ended)
        row_error(false, i, "end_kind",
                  "expected how handling ended (0 resolved, 1 returned, 2 withdrawn, 3 suspended) for a dossier "
                  "ended at " + when(b.ended[i]) + ", found none");
    } else if (k > static_cast<std::uint8_t>(end_kind::suspended)) {
      row_error(false, i, "end_kind",
                "expected an end kind 0 … 3 (resolved, returned, withdrawn, suspended), found " + std::to_string(k));
    } else {
      if (!ended)
        row_error(false, i, "ended",
                  "expected the date-time handling ended for end kind " +
                      std::string(to_string(static_cast<end_kind>(k))) + ", found none");
      kind = static_cast<end_kind>(k);
    }
  }
  const i64 e = ended ? b.ended[i] : 0;
  if (ended && e < r)
    row_error(false, i, "ended",
              "expected an end on or after the received date-time " + when(r) + ", found " + when(e));
  const bool carried = rday < j.first;
  if (carried && ended && floor_day(e) < j.first) return {false, outcome::early, std::nullopt};

  // The deadline's inputs.
  const bool has_promised = !b.promised.empty() && b.promised[i] != no_time;
  std::optional<processing_time> processing;
  const std::int32_t amount = b.amount.empty() ? std::numeric_limits<std::int32_t>::min() : b.amount[i];
  if (amount != std::numeric_limits<std::int32_t>::min()) {
    const std::uint8_t u = b.unit_of_time.empty() ? 0 : b.unit_of_time[i];
    processing = processing_time{static_cast<time_unit>(u), amount};
    if (const char* problem = kernel::processing_problem(*processing))
      row_error(false, i, u > 4 ? "unit_of_time" : "amount",
                std::string(problem) + ", found " + std::to_string(amount) +
                    (u > 4 ? " in unit " + std::to_string(u) : " " + std::string(to_string(processing->unit))));
  } else if (!has_promised && !(ended && floor_day(e) <= j.last &&
                                  (kind == end_kind::returned || kind == end_kind::withdrawn))) {
    // (returned and withdrawn by the cut-off need no deadline)
    row_error(false, i, "amount", "expected a processing time or a promised return date, found neither");
  }
  std::size_t p0 = 0, p1 = 0;
  if (!b.pause_offsets.empty()) {
    p0 = static_cast<std::size_t>(b.pause_offsets[i]);
    p1 = static_cast<std::size_t>(b.pause_offsets[i + 1]);
    for (std::size_t k = p0; k < p1; ++k) {
      if (b.pause_from[k] == no_time || b.pause_to[k] == no_time)
        row_error(false, i, "pause_from", "expected both ends of pause " + std::to_string(k - p0) + ", found NaT");
      if (b.pause_to[k] < b.pause_from[k])
        row_error(false, i, "pause_to",
                  "expected pause " + std::to_string(k - p0) + " to end at or after its start " +
                      when(b.pause_from[k]) + ", found " + when(b.pause_to[k]));
    }
  }
  i64 requests = p1 > p0 ? 1 : 0;
  if (!b.supplement_requests.empty()) {
    requests = b.supplement_requests[i];
    if (requests < 0)
      row_error(false, i, "supplement_requests",
                "expected a number of supplement requests >= 0, found " + std::to_string(requests));
  }
  std::optional<minutes> row_cutoff;
  if (!b.receipt_cutoff.empty() && b.receipt_cutoff[i] != no_cutoff) {
    const std::int16_t c = b.receipt_cutoff[i];
    if (c < 0 || c > 24 * 60)
      row_error(false, i, "receipt_cutoff",
                "expected a receipt cut-off in minutes of the day 0 … 1440 (or -1 for the rule's), found " +
                    std::to_string(c));
    row_cutoff = minutes{c};
  }

  const i64 cutoff = j.last;
  // The commonest row, inlined: working days from the receipt day, nothing else (the kernel's
  // working_days branch with no pause: due = ordinal[cumulative[received index] + days]).
  if (processing && processing->unit == time_unit::working_days && !has_promised && p0 == p1 && !row_cutoff &&
      !j.rule_cutoff && requests <= 1) {
    const bool done = ended && floor_day(e) <= cutoff;
    if (done && kind == end_kind::returned) return {true, outcome::returned, std::nullopt};
    if (done && kind == end_kind::withdrawn) return {true, outcome::withdrawn, std::nullopt};
    const detail::working_day_index& ix = j.clock.ix;
    const i64 ri = rday - ix.first;
    const i64 q = ri >= 0 && ri < ix.days ? i64{ix.cumulative[ri]} + processing->amount : -1;
    if (q < 0 || q >= ix.working) kernel::clock::out_of_range();
    const i64 due = ix.first + ix.ordinal[q];
    const due_date dd{date::sys_days{date::days{due}}, std::nullopt};
    if (!done) return {true, cutoff > due ? outcome::pending_overdue : outcome::pending_in_time, dd};
    const i64 eday = floor_day(e);
    return {true, eday < due ? outcome::early : eday == due ? outcome::on_time : outcome::late, dd};
  }

  kernel::facts f;
  f.received_at = date_time{minutes{r}};
  f.processing = processing;
  if (has_promised) f.promised_at = date_time{minutes{b.promised[i]}};
  f.promised_has_time = !b.promised_has_time.empty() && b.promised_has_time[i] != 0;
  f.receipt_cutoff = row_cutoff;
  if (p1 > p0) f.pauses = kernel::pause_list::of(b.pause_from.data() + p0, b.pause_to.data() + p0, p1 - p0);
  f.supplement_requests = requests;
  f.ended = ended;
  f.kind = kind;
  f.end_at = date_time{minutes{e}};
  const judgement jd = kernel::judge(f, date::sys_days{date::days{cutoff}}, j.clock, j.rule_cutoff);
  return {true, jd.result, jd.due};
}

std::uint64_t group_of(const job& j, std::size_t i) {
  std::uint64_t g = 0;
  for (std::size_t k = 0; k < j.b.keys.size(); ++k) {
    const std::uint32_t v = j.b.keys[k][i];
    if (v >= j.size[k])
      row_error(true, i, "keys",
                "expected a code < " + std::to_string(j.size[k]) + " in key " + std::to_string(k) + ", found " +
                    std::to_string(v));
    g += v * j.stride[k];
  }
  return g;
}

// A judged row's outputs and its count.
void record_row(const job& j, std::size_t i, thread_state& s, const row_result& rr) {
  const dossier_batch& b = j.b;
  if (j.codes) j.codes[i] = rr.counted ? static_cast<std::uint8_t>(rr.result) : not_counted;
  if (j.due_day) j.due_day[i] = rr.counted && rr.due ? static_cast<std::int32_t>(rr.due->day.time_since_epoch().count()) : no_day;
  if (j.due_minute)
    j.due_minute[i] = rr.counted && rr.due && rr.due->time ? static_cast<std::int16_t>(rr.due->time->count()) : -1;
  if (!rr.counted || !j.count) return;
  const std::uint64_t g = group_of(j, i);
  kernel::tally& t = j.dense ? s.dense[static_cast<std::size_t>(g)] : s.sparse[g];
  const i64 rday = floor_day(b.received[i]);
  const bool due_in = rr.due && rr.due->day.time_since_epoch().count() >= j.first &&
                      rr.due->day.time_since_epoch().count() <= j.last;
  t.add(rr.result, !b.channel.empty() && b.channel[i] == 0, rday < j.first, !b.apology.empty() && b.apology[i] != 0,
        due_in);
}

// One row through the general path: judge_row, the outputs, the tally.
void general_row(const job& j, std::size_t i, thread_state& s) { record_row(j, i, s, judge_row(j, i)); }

// ---- The chunked fast path ------------------------------------------------------------------
//
// Rows are taken in chunks of chunk_rows. For each chunk, cheap vectorisable loops first mark the rows
// the fast form cannot take (`flag`): a column value other than the commonest (a processing unit
// other than working days, a promised date, a pause, a per-row cut-off, more than one supplement
// request, a key code out of range). Then one branch-free loop (compares and selects only; with
// AVX-512 or AVX2 gathers where the CPU has them) judges every row as the commonest kind — working days from
// the receipt day, the kernel's working_days branch with no pause: due = ordinal[cumulative[received
// index] + days] — and flags, in the same pass, every row that is bad or out of the fast form's
// reach (a received or end time missing or outside the calendar, an end before receipt, a bad end
// kind, a bad amount, a due date past the calendar). Unflagged rows are counted by a histogram of
// their slot keys; flagged rows then go, in row order, through general_row, which writes their
// outputs and counts and throws the error of a bad row. Over-flagging costs time, never results: a
// flagged row is judged by the general path exactly as without the fast path, and an unflagged row
// gets what the general path would give it (tests/cpp/dossier_rule_test.cpp checks both paths
// against the independent reference, on batches that take the fast path and batches that do not).

constexpr std::size_t chunk_rows = 1024;
// Small tables (groups * 128 slot keys) are counted in two interleaved uint32 histograms; larger
// ones go straight into the tallies.
constexpr std::uint64_t histogram_keys_max = std::uint64_t{1} << 15;
// uint32 histogram counters are flushed before they could overflow.
constexpr std::uint64_t flush_rows = std::uint64_t{1} << 31;

// On x86-64 with GCC, the row loops are also compiled for x86-64-v4 (AVX-512 F/BW/DQ/VL) and AVX2,
// and the build the CPU has is picked at load time (as in bulk.cpp); elsewhere they are the portable
// build. Measured on the benchmark machine (docs/performance.md): the v4 build of the day form's
// loops is 10-20 % faster than the AVX2 one (byte and int64 lanes at full width, its gathers faster
// than AVX2's).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__linux__)
#define CCHC_ROW_TARGETS __attribute__((target_clones("arch=x86-64-v4", "avx2", "default")))
#else
#define CCHC_ROW_TARGETS
#endif

struct chunk_params {
  std::uint64_t base = 0;  // the calendar's first minute (two's complement: may be before 1970)
  std::uint64_t span = 0;  // the calendar's minutes (< 2^32: 300 years)
  std::int32_t fi = 0, li = 0;  // the period's first and last day as calendar indexes, clamped
  const std::int32_t* cumulative = nullptr;
  const std::int32_t* ordinal = nullptr;
  std::int32_t working = 0;
  std::int32_t ix_first = 0;
};

// The row loops, split so that each one vectorises (the compiler if-converts only small bodies):
// (1) received minutes -> calendar day index, (2) end minutes -> day index and end flags, (3) the due
// day (two gathers), (4) outcome code, outputs, and slot key = ((group * 32 + tally slot) * 4 +
// fell_due * 2 + apology), `dump` (one past the table) for a row not counted or flagged. Selects are written as
// arithmetic where a conditional index would keep the compiler from gathering.
CCHC_ROW_TARGETS void day_index_loop(std::size_t n, const i64* __restrict minute, std::uint64_t base,
                                       std::uint64_t span, std::int32_t* __restrict day,
                                       std::uint8_t* __restrict flag) {
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t o = static_cast<std::uint64_t>(minute[i]) - base;
    const bool valid = o < span;
    day[i] = static_cast<std::int32_t>(static_cast<std::uint32_t>(valid ? o : 0) / 1440u);
    flag[i] |= static_cast<std::uint8_t>((!valid) << 1);
  }
}

// end_flags: bit 0 ended, bit 1 ended but outside the calendar or before receipt (a bad row). The
// end is kept as minutes since the calendar's first day (`offset`, 0 when not ended or bad): the
// outcome compares it with day boundaries (day index * 1440), so no division is needed here.
CCHC_ROW_TARGETS void end_loop(std::size_t n, const i64* __restrict received, const i64* __restrict ended_at,
                                 std::uint64_t base, std::uint64_t span, std::int32_t* __restrict offset,
                                 std::uint8_t* __restrict end_flags) {
  for (std::size_t i = 0; i < n; ++i) {
    const i64 e = ended_at[i];
    const std::uint64_t o = static_cast<std::uint64_t>(e) - base;
    const bool ended = e != no_time;
    const bool valid = o < span;
    offset[i] = static_cast<std::int32_t>(valid ? o : 0);  // (span < 2^31)
    end_flags[i] = static_cast<std::uint8_t>(ended | ((ended & ((!valid) | (e < received[i]))) << 1));
  }
}

// due_flags: bit 0 amount negative or past the calendar, bit 1 due day past the calendar. Units (the
// kernel's branches without pauses and cut-off): working days, due = the working day `amount` after
// the receipt day, ordinal[cumulative[received index] + amount] (the receipt day, the received day or
// the next working day, has ordinal cumulative[received index]); same day (amount 0 or 1, checked by
// the caller's flags), due = the receipt day; calendar days, due = receipt day + amount, moved to the
// next working day when a day off: ordinal[cumulative[receipt index + amount]].
// `Calendar`: some row of the chunk is in calendar days (else the two look-ups they need are skipped).
template <bool Calendar>
CCHC_ROW_TARGETS void due_loop(std::size_t n, const std::int32_t* __restrict received_day,
                                 const std::int32_t* __restrict amount, const std::uint8_t* __restrict unit,
                                 const std::int32_t* __restrict cumulative, const std::int32_t* __restrict ordinal,
                                 std::int32_t working, std::int32_t days, std::int32_t* __restrict due,
                                 std::uint8_t* __restrict due_flags) {
  for (std::size_t i = 0; i < n; ++i) {
    const auto a = static_cast<std::uint32_t>(amount[i]);
    const bool amount_bad = a >= static_cast<std::uint32_t>(working);
    const std::uint32_t u = unit[i];
    const auto kept = static_cast<std::int32_t>(a & -static_cast<std::uint32_t>(!amount_bad & (u != 4)));
    const std::int32_t receipt = cumulative[received_day[i]];  // ordinal of the receipt day (<= working)
    std::int32_t q = receipt + kept;
    bool q_bad = q >= working;
    if constexpr (Calendar) {
      // calendar days: the receipt day's index, then the day `kept` later
      const bool receipt_bad = receipt >= working;
      const std::int32_t receipt_index = ordinal[receipt & -static_cast<std::int32_t>(!receipt_bad)];
      const std::int32_t end = receipt_index + kept;
      const bool end_bad = end >= days;
      const std::int32_t calendar_q = cumulative[end & -static_cast<std::int32_t>(!end_bad)];
      const bool calendar = u == 1;
      q = calendar ? calendar_q : q;
      q_bad = (q >= working) | (calendar & (receipt_bad | end_bad));
    }
    due[i] = ordinal[q & -static_cast<std::int32_t>(!q_bad)];
    due_flags[i] = static_cast<std::uint8_t>(amount_bad | (q_bad << 1));
  }
}

// Office minutes (clock::office_minutes: the office minutes of the calendar before an instant) of
// `n` instants, for the hours tier, in one vectorised loop (day and time of day, then two gathers):
// `bad` nonzero when an instant is missing or outside the calendar. `on_clock` (OnClock): the
// instant is the end of an office minute — a working day, the time of day in (morning start,
// morning end] or (afternoon start, afternoon end]. There the office-minute clock reads om exactly
// (clock::at_office_minute(om) is that instant); at any other instant with the same reading the
// clock has stopped (lunch, evening, a day off), so the instant is later than at_office_minute(om).
struct office_day {
  const std::int32_t* cumulative;
  std::int32_t per_day, ms, ml, as, al;
};

// (Two loops, each of which the compiler vectorises; fused, it does not.)
CCHC_ROW_TARGETS void day_and_time_loop(std::size_t n, const i64* __restrict t, std::uint64_t base,
                                          std::uint64_t span, std::int32_t* __restrict day,
                                          std::int32_t* __restrict tod, std::uint8_t* __restrict bad) {
  for (std::size_t k = 0; k < n; ++k) {
    const std::uint64_t o = static_cast<std::uint64_t>(t[k]) - base;
    const bool valid = o < span;
    const std::uint32_t x = static_cast<std::uint32_t>(valid ? o : 0);
    const std::uint32_t d = x / 1440u;
    day[k] = static_cast<std::int32_t>(d);
    tod[k] = static_cast<std::int32_t>(x - d * 1440u);
    bad[k] = static_cast<std::uint8_t>(!valid);
  }
}

template <bool OnClock>
CCHC_ROW_TARGETS void office_minutes_of_days(std::size_t n, const std::int32_t* __restrict day,
                                               const std::int32_t* __restrict tod, office_day od,
                                               std::int32_t* __restrict om, std::uint8_t* __restrict on_clock) {
  const std::int32_t* __restrict cumulative = od.cumulative;
  const std::int32_t per_day = od.per_day, ms = od.ms, ml = od.ml, as = od.as, al = od.al;
  for (std::size_t k = 0; k < n; ++k) {
    const std::int32_t d = day[k], m = tod[k];
    const std::int32_t c0 = cumulative[d], c1 = cumulative[d + 1];
    const std::int32_t part = std::min(std::max(m - ms, 0), ml) + std::min(std::max(m - as, 0), al);
    om[k] = per_day * c0 + (c1 != c0 ? part : 0);
    if constexpr (OnClock)
      on_clock[k] = static_cast<std::uint8_t>((c1 != c0) & (((m > ms) & (m <= ms + ml)) | ((m > as) & (m <= as + al))));
  }
}

template <bool OnClock>
void office_minutes_loop(std::size_t n, const i64* t, std::uint64_t base, std::uint64_t span, office_day od,
                         std::int32_t* om, std::uint8_t* bad, std::uint8_t* on_clock) {
  std::int32_t day[chunk_rows], tod[chunk_rows];
  for (std::size_t k0 = 0; k0 < n; k0 += chunk_rows) {
    const std::size_t w = std::min(chunk_rows, n - k0);
    day_and_time_loop(w, t + k0, base, span, day, tod, bad + k0);
    office_minutes_of_days<OnClock>(w, day, tod, od, om + k0, OnClock ? on_clock + k0 : nullptr);
  }
}

// The column flags of a chunk (see chunked_range): bit 0 a unit the fast form does not take (it takes
// working days, calendar days, and same day with amount 0 or 1) or pauses; bit 2 a promised date or
// more than one supplement request.
// Returns nonzero when some row is in calendar days.
CCHC_ROW_TARGETS std::uint32_t unit_flag_loop(std::size_t n, const std::uint8_t* __restrict unit,
                                                const std::int32_t* __restrict amount, std::uint8_t* __restrict flag) {
  std::uint32_t calendar = 0;
  for (std::size_t r = 0; r < n; ++r) {
    const std::uint32_t u = unit[r];
    flag[r] |= static_cast<std::uint8_t>((u != 0) & (u != 1) & ((u != 4) | (static_cast<std::uint32_t>(amount[r]) > 1)));
    calendar |= u == 1;
  }
  return calendar;
}
CCHC_ROW_TARGETS void pause_flag_loop(std::size_t n, const i64* __restrict offsets, std::uint8_t* __restrict flag) {
  for (std::size_t r = 0; r < n; ++r) flag[r] |= static_cast<std::uint8_t>(offsets[r] != offsets[r + 1]);
}
CCHC_ROW_TARGETS void instant_flag_loop(std::size_t n, const i64* __restrict promised, std::uint8_t* __restrict flag) {
  for (std::size_t r = 0; r < n; ++r) flag[r] |= static_cast<std::uint8_t>((promised[r] != no_time) << 2);
}
CCHC_ROW_TARGETS void requests_flag_loop(std::size_t n, const std::int32_t* __restrict requests,
                                           std::uint8_t* __restrict flag) {
  for (std::size_t r = 0; r < n; ++r)
    flag[r] |= static_cast<std::uint8_t>((static_cast<std::uint32_t>(requests[r]) > 1) << 2);
}

CCHC_ROW_TARGETS void key_flag_loop(std::size_t n, const std::uint32_t* __restrict key, std::uint32_t size,
                                    std::uint8_t* __restrict flag) {
  for (std::size_t r = 0; r < n; ++r) flag[r] |= static_cast<std::uint8_t>((key[r] >= size) << 2);
}

// Returns nonzero when some row is flagged.
template <bool Kind>
CCHC_ROW_TARGETS std::uint32_t outcome_loop(std::size_t n, const std::int32_t* __restrict received_day,
                                     const std::int32_t* __restrict end_offset,
                                     const std::uint8_t* __restrict end_flags,
                                     const std::uint8_t* __restrict kinds,
                                     const std::uint8_t* __restrict due_flags, const std::int32_t* __restrict due,
                                     const std::uint8_t* __restrict channel, const std::uint8_t* __restrict apology,
                                     const std::uint32_t* __restrict group, std::int32_t fi, std::int32_t li,
                                     std::int32_t ix_first, std::uint32_t dump, std::uint8_t* __restrict flag,
                                     std::uint8_t* __restrict code_out, std::int32_t* __restrict due_out,
                                     std::uint32_t* __restrict key_out) {
  using u32 = std::uint32_t;
  u32 any = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::int32_t r = received_day[i], e = end_offset[i], d = due[i];
    const std::int32_t d_start = d * 1440;  // the due day's first minute, as end offsets count
    const u32 ended = end_flags[i] & 1u, bad_end = end_flags[i] >> 1;
    u32 kind_bad = 0, k = 0;  // (no end-kind column: every end is a resolution)
    if constexpr (Kind) {
      const u32 raw = kinds[i];
      const u32 none = raw == no_end_kind;
      // an end without its kind, or a kind without an end or out of range (a bad row)
      kind_bad = none ? ended : ((raw > 3u) | (ended ^ 1u));
      k = none ? 0u : raw;
    }
    const u32 after = r > li;  // received after the period: not counted, nothing else matters
    const u32 carried = r < fi;
    const u32 excluded = carried & ended & (e < fi * 1440);  // ended before the period: not counted
    const u32 amount_bad = due_flags[i] & 1u, q_bad = due_flags[i] >> 1;
    const u32 done = ended & (e < (li + 1) * 1440);  // by the end of the cut-off day
    const u32 rw = done & ((k == 1u) | (k == 2u));  // returned / withdrawn by the cut-off
    // early before the due day, on time on it, late after it
    const u32 resolved_code = static_cast<u32>(e >= d_start) + static_cast<u32>(e >= d_start + 1440);
    const u32 pending_code = 3u + static_cast<u32>(li > d);
    const u32 uncounted = after | excluded;
    u32 code = rw ? 4u + k : done ? resolved_code : pending_code;
    code = uncounted ? u32{not_counted} : code;
    const u32 bad =
        (after ^ 1u) & (kind_bad | bad_end | ((excluded ^ 1u) & (amount_bad | ((rw ^ 1u) & q_bad))));
    const u32 flagged = static_cast<u32>(flag[i] != 0) | bad;
    flag[i] = static_cast<std::uint8_t>(flag[i] | (bad << 1));  // bit 0: the columns; bit 1: bad or out of reach
    any |= flagged;
    code_out[i] = static_cast<std::uint8_t>(code);
    const u32 no_due = uncounted | rw;
    due_out[i] = no_due ? no_day : ix_first + d;
    const u32 fell = (no_due ^ 1u) & static_cast<u32>(d >= fi) & static_cast<u32>(d <= li);
    const u32 slot = carried * 14u + (channel[i] == 0 ? 7u : 0u) + code;
    const u32 key = ((group[i] * 32u + slot) << 2) | (fell << 1) | (apology[i] != 0 ? 1u : 0u);
    key_out[i] = (uncounted | flagged) ? dump : key;
  }
  return any;
}

// Rows with more pauses than this are left to the general path (the walk makes one pass per pause
// over all candidates).
constexpr std::int32_t tier_pauses_max = 8;

// ---- The hours tier ------------------------------------------------------------------------
//
// Rows in working hours whose only flag is their unit or their pauses (their received and end
// columns checked good by the row loops) are judged for a whole chunk at once, column by column:
// kernel::hours_due's arithmetic, done on office minutes. The office minutes of the candidates'
// received instants and of the chunk's pause ends are computed in vectorised loops; then the pause
// walk runs across rows — every row's first pause, then every row's second … — instead of one
// dependent walk per row. kernel::hours_due compares a pause's start with the current due instant
// at_office_minute(g); on the office-minute clock that is `from_office > g`, or `from_office == g`
// with the start not at the end of an office minute (the clock was stopped: lunch, evening, a day
// off — later than the due instant). A row the tier does not take falls back to the general path:
// zero hours; a pause missing, out of the calendar, reversed, unsorted or overlapping (merging would
// change them); a pause that starts exactly at the due instant (nothing left: the kernel's other
// branch); a due instant past the calendar. Results equal the general path's
// (tests/cpp/dossier_rule_test.cpp, with pauses planted at and around the due instant).

// Per chunk: the candidates' inputs (gathered when they are a minority of the chunk, else the chunk's
// own columns, every other row marked for the general path), the walk's state, the outputs.
struct hours_rows {
  const i64* received;
  const std::int32_t *rday, *end_offset, *amount;
  const std::uint8_t *end_flags, *kinds, *channel, *apology;
  const std::uint32_t* group;
};
struct hours_scratch {
  std::uint16_t row[chunk_rows];
  i64 received[chunk_rows];
  std::int32_t rday[chunk_rows], end_offset[chunk_rows], amount[chunk_rows];
  std::uint8_t end_flags[chunk_rows], kinds[chunk_rows], channel[chunk_rows], apology[chunk_rows];
  std::uint32_t group[chunk_rows];
  std::int32_t start[chunk_rows];  // office minutes at the receipt instant (the opening of a moved receipt day)
  std::int32_t tod[chunk_rows];    // scratch
  std::int32_t first_pause[chunk_rows], pauses[chunk_rows];  // into the chunk's pause arrays
  std::int32_t g[chunk_rows];  // the office-minute clock's reading at the due instant (clamped)
  std::int32_t due[chunk_rows], due_tod[chunk_rows], due_out[chunk_rows];
  std::int16_t due_minute[chunk_rows];
  std::uint8_t state[chunk_rows];  // 0 walking, 1 walk done, 2 the general path's
  std::uint8_t code[chunk_rows], bad[chunk_rows];  // (bad: office_minutes_loop's, unused: receipts are checked)
  std::uint32_t key[chunk_rows];
};

// Per pause of the chunk, for pause_pass: its start's office minutes (< 2^28, the tier's bound) with
// three bits above them: bit 28 its start on the clock (office_minutes_of_days), bit 29 usable (both
// ends in the calendar, end >= start), bit 30 it starts after the previous pause of the chunk ends
// (for a row's second and later pauses: sorted and disjoint). One look-up instead of two.
constexpr int info_shift = 28;
CCHC_ROW_TARGETS void pause_check_loop(std::size_t n, const i64* __restrict from, const i64* __restrict to,
                                         const std::uint8_t* __restrict bad_from,
                                         const std::uint8_t* __restrict bad_to,
                                         const std::uint8_t* __restrict on_clock, std::int32_t* __restrict from_office) {
  if (n == 0) return;
  from_office[0] |= (on_clock[0] | ((((bad_from[0] | bad_to[0]) == 0) & (to[0] >= from[0])) << 1)) << info_shift;
  for (std::size_t k = 1; k < n; ++k)
    from_office[k] |= (on_clock[k] | ((((bad_from[k] | bad_to[k]) == 0) & (to[k] >= from[k])) << 1) |
                       ((from[k] > to[k - 1]) << 2))
                      << info_shift;
}

// The k-th pause of every candidate row (kernel::hours_due's loop body, on office minutes). Readings
// are clamped to `past` (one past the calendar's office minutes): a row beyond it has gone past the
// calendar (the reading only grows) and goes to the general path, and int32 cannot overflow.
// `from_info` per pause: pause_check_loop's.
CCHC_ROW_TARGETS void pause_pass(std::size_t nc, std::int32_t k, const std::int32_t* __restrict first,
                                   const std::int32_t* __restrict count, const std::int32_t* __restrict from_info,
                                   const std::int32_t* __restrict to_office, const std::int32_t* __restrict start,
                                   std::int32_t past,
                                   std::int32_t* __restrict g, std::uint8_t* __restrict state) {
  using u32 = std::uint32_t;
  const u32 need = k > 0 ? 6u : 2u;  // usable, and from the second pause on sorted and disjoint
  for (std::size_t c = 0; c < nc; ++c) {
    const u32 has = k < count[c] ? 1u : 0u;
    const std::int32_t idx = (first[c] + k) & -static_cast<std::int32_t>(has);  // (arithmetic: the compiler gathers)
    const std::int32_t packed = from_info[idx], t = to_office[idx];
    const std::int32_t f = packed & ((std::int32_t{1} << info_shift) - 1);
    const u32 bits = static_cast<u32>(packed) >> info_shift;
    const u32 invalid = has & ((bits & need) != need ? 1u : 0u);
    const u32 st = state[c];
    const u32 walking = has & (st == 0 ? 1u : 0u);
    const std::int32_t gc = g[c];
    // starts after the due instant at_office_minute(gc): no effect, and none for the later pauses
    const u32 after = (f > gc ? 1u : 0u) | ((f == gc ? 1u : 0u) & ((bits & 1u) ^ 1u));
    const std::int32_t at_from = std::max(f, start[c]);
    const std::int32_t left = gc - at_from;
    const u32 apply = walking & (after ^ 1u);
    const u32 fallback = invalid | (apply & (left <= 0 ? 1u : 0u));  // (left == 0: starts at the due instant)
    const std::int32_t moved = std::min(std::max(t, at_from), past) + std::min(left, past);
    g[c] = apply ? std::min(moved, past) : gc;
    state[c] = static_cast<std::uint8_t>(fallback ? 2u : (walking & after) ? 1u : st);
  }
}

// The due instant at_office_minute(g) as a calendar day index and a time of day; a reading past the
// calendar (`total` office minutes) goes to the general path (which names the error).
CCHC_ROW_TARGETS void hours_due_loop(std::size_t nc, const std::int32_t* __restrict g, std::uint8_t* __restrict state,
                    std::int32_t total, std::uint64_t reciprocal, std::int32_t per_day,
                    const std::int32_t* __restrict ordinal, std::int32_t ms, std::int32_t ml, std::int32_t as,
                    std::int32_t* __restrict due, std::int32_t* __restrict due_tod) {
  for (std::size_t c = 0; c < nc; ++c) {
    const std::int32_t gc = g[c];
    const bool out = (gc > total) | (gc < 1);  // (below 1: a negative amount, left to the general path)
    const std::uint64_t x = out ? 0 : static_cast<std::uint64_t>(gc - 1);
    const auto q = static_cast<std::int32_t>((x * reciprocal) >> 40);  // kernel::clock::office_days: x < 2^28
    const std::int32_t within = gc - q * per_day;  // 1 … per_day
    due[c] = ordinal[q];
    due_tod[c] = within <= ml ? ms + within : as + (within - ml);
    state[c] = static_cast<std::uint8_t>(out ? 2u : state[c]);
  }
}

// Outcome, outputs and slot key of the candidates (outcome_loop's arithmetic, with the due day's
// time of day: ended on the due day after the due instant is late — due_date::met_by).
template <bool Kind>
CCHC_ROW_TARGETS void hours_outcome_loop(std::size_t nc, const hours_rows& in, const hours_scratch& __restrict h,
                                           std::int32_t fi, std::int32_t li, std::int32_t ix_first, std::uint32_t dump,
                                           std::uint8_t* __restrict code_out, std::int32_t* __restrict due_out,
                                           std::int16_t* __restrict minute_out, std::uint32_t* __restrict key_out) {
  using u32 = std::uint32_t;
  const std::int32_t* __restrict rday = in.rday;
  const std::int32_t* __restrict end_offset = in.end_offset;
  const std::uint8_t* __restrict end_flags = in.end_flags;
  const std::uint8_t* __restrict kinds = in.kinds;
  const std::uint8_t* __restrict channel = in.channel;
  const std::uint8_t* __restrict apology = in.apology;
  const std::uint32_t* __restrict group = in.group;
  for (std::size_t c = 0; c < nc; ++c) {
    const std::int32_t r = rday[c], e = end_offset[c], d = h.due[c];
    const std::int32_t d_start = d * 1440;
    const u32 ended = end_flags[c] & 1u;
    u32 k = 0;
    if constexpr (Kind) {
      const u32 raw = kinds[c];  // (checked good by outcome_loop)
      k = raw == no_end_kind ? 0u : raw;
    }
    const u32 after = r > li;
    const u32 carried = r < fi;
    const u32 excluded = carried & ended & (e < fi * 1440);
    const u32 done = ended & (e < (li + 1) * 1440);
    const u32 rw = done & ((k == 1u) | (k == 2u));
    // early before the due day; late after it, or on it after the due instant
    const u32 late = static_cast<u32>(e >= d_start + 1440) | static_cast<u32>(e > d_start + h.due_tod[c]);
    const u32 resolved_code = static_cast<u32>(e >= d_start) + late;
    const u32 pending_code = 3u + static_cast<u32>(li > d);
    const u32 uncounted = after | excluded;
    u32 code = rw ? 4u + k : done ? resolved_code : pending_code;
    code = uncounted ? u32{not_counted} : code;
    code_out[c] = static_cast<std::uint8_t>(code);
    const u32 no_due = uncounted | rw;
    due_out[c] = no_due ? no_day : ix_first + d;
    minute_out[c] = static_cast<std::int16_t>(no_due ? -1 : h.due_tod[c]);
    const u32 fell = (no_due ^ 1u) & static_cast<u32>(d >= fi) & static_cast<u32>(d <= li);
    const u32 slot = carried * 14u + (channel[c] == 0 ? 7u : 0u) + code;
    const u32 key = ((group[c] * 32u + slot) << 2) | (fell << 1) | (apology[c] != 0 ? 1u : 0u);
    key_out[c] = (uncounted | (h.state[c] == 2)) ? dump : key;
  }
}

// The time of day of instants whose calendar day index is known (the row loops computed it).
CCHC_ROW_TARGETS void time_of_day_loop(std::size_t n, const i64* __restrict t, const std::int32_t* __restrict day,
                                         std::uint64_t base, std::int32_t* __restrict tod) {
  for (std::size_t k = 0; k < n; ++k)
    tod[k] = static_cast<std::int32_t>(static_cast<std::uint32_t>(static_cast<std::uint64_t>(t[k]) - base) -
                                       static_cast<std::uint32_t>(day[k]) * 1440u);
}

// Dense candidates: each row's pauses as a range of the chunk's pause arrays (none for a row that is
// not a candidate; a row with more than tier_pauses_max goes to the general path). Returns the most.
CCHC_ROW_TARGETS std::int32_t pause_range_loop(std::size_t n, const i64* __restrict offsets, i64 p0,
                                                 std::uint8_t* __restrict state, std::int32_t* __restrict first,
                                                 std::int32_t* __restrict count) {
  std::int32_t most = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const i64 np = offsets[k + 1] - offsets[k];
    const bool walking = state[k] == 0;
    const bool too_many = np > tier_pauses_max;
    first[k] = static_cast<std::int32_t>(offsets[k] - p0);
    const std::int32_t c = (walking & !too_many) ? static_cast<std::int32_t>(np) : 0;
    count[k] = c;
    most = std::max(most, c);
    state[k] = static_cast<std::uint8_t>((walking & too_many) ? 2 : state[k]);
  }
  return most;
}

// The clock's reading at the due instant before any pause: the receipt instant's office minutes plus
// the hours (clamped to `past`); zero or negative hours go to the general path (the kernel's other branch).
CCHC_ROW_TARGETS void hours_start_loop(std::size_t n, const std::int32_t* __restrict start,
                                         const std::int32_t* __restrict amount, std::int32_t past,
                                         std::int32_t* __restrict g, std::uint8_t* __restrict state) {
  for (std::size_t k = 0; k < n; ++k) {
    g[k] = static_cast<std::int32_t>(std::min<i64>(i64{start[k]} + i64{amount[k]} * 60, past));
    state[k] = static_cast<std::uint8_t>(amount[k] < 1 ? 2 : state[k]);
  }
}

// Dense candidates: the rows taken (state != 2) get the tier's outputs and lose their flag.
template <class T>
CCHC_ROW_TARGETS void take_loop(std::size_t n, const std::uint8_t* __restrict state, const T* __restrict value,
                                  T* __restrict out) {
  for (std::size_t k = 0; k < n; ++k) out[k] = state[k] != 2 ? value[k] : out[k];
}

// Whether every row of a chunk is flagged by its columns (then no row takes the day form).
CCHC_ROW_TARGETS bool every_row_flagged(std::size_t n, const std::uint8_t* __restrict flag) {
  std::uint32_t none = 0;
  for (std::size_t r = 0; r < n; ++r) none |= flag[r] == 0;
  return none == 0;
}

// The row checks of outcome_loop alone (a bad end or end kind, for a row not received after the
// period: flag bit 1), for chunks that skip it. What the day form would also flag (an amount or a due
// day past the calendar) the tiers check themselves.
template <bool Kind>
CCHC_ROW_TARGETS void row_check_loop(std::size_t n, const std::int32_t* __restrict received_day,
                                       const std::uint8_t* __restrict end_flags, const std::uint8_t* __restrict kinds,
                                       std::int32_t li, std::uint8_t* __restrict flag) {
  using u32 = std::uint32_t;
  for (std::size_t i = 0; i < n; ++i) {
    const u32 ended = end_flags[i] & 1u, bad_end = end_flags[i] >> 1;
    u32 kind_bad = 0;
    if constexpr (Kind) {
      const u32 raw = kinds[i];
      kind_bad = raw == no_end_kind ? ended : ((raw > 3u) | (ended ^ 1u));
    }
    const u32 bad = static_cast<u32>(received_day[i] <= li) & (kind_bad | bad_end);
    flag[i] = static_cast<std::uint8_t>(flag[i] | (bad << 1));
  }
}

// Per-thread state of the chunked path.
struct chunk_state {
  std::vector<std::uint32_t> histogram[2];  // small tables: groups * 128 slot keys, two interleaved
  std::uint64_t since_flush = 0;
  // the hours tier: office minutes of the chunk's pauses' ends, their checks, the candidates
  std::vector<std::int32_t> from_office, to_office;
  std::vector<std::uint8_t> pause_bad, pause_bad_to, from_on_clock;
  std::unique_ptr<hours_scratch> hours = std::make_unique<hours_scratch>();
};

void flush_histogram(chunk_state& c, thread_state& s) {
  if (c.histogram[0].empty()) return;
  for (std::size_t key = 0; key + 1 < c.histogram[0].size(); ++key) {  // (the last is the dump slot)
    const std::uint64_t m = std::uint64_t{c.histogram[0][key]} + c.histogram[1][key];
    if (m == 0) continue;
    kernel::tally& t = s.dense[key >> 7];
    t.n[(key >> 2) & 31] += static_cast<i64>(m);
    if (key & 2) t.n[kernel::tally::fell_due] += static_cast<i64>(m);
    if (key & 1) t.n[kernel::tally::apologies] += static_cast<i64>(m);
  }
  std::fill(c.histogram[0].begin(), c.histogram[0].end(), 0);
  std::fill(c.histogram[1].begin(), c.histogram[1].end(), 0);
  c.since_flush = 0;
}

// Counts a chunk's slot keys (`dump` for rows not counted here).
void count_keys(const std::uint32_t* key, std::size_t m, bool small, std::uint32_t dump, chunk_state& c,
                thread_state& s) {
  if (small) {
    if (c.since_flush + m > flush_rows) flush_histogram(c, s);
    std::uint32_t* h0 = c.histogram[0].data();
    std::uint32_t* h1 = c.histogram[1].data();
    std::size_t r = 0;
    for (; r + 1 < m; r += 2) {
      ++h0[key[r]];
      ++h1[key[r + 1]];
    }
    if (r < m) ++h0[key[r]];
    c.since_flush += m;
  } else {
    for (std::size_t r = 0; r < m; ++r) {
      if (key[r] == dump) continue;
      kernel::tally& t = s.dense[key[r] >> 7];
      ++t.n[(key[r] >> 2) & 31];
      t.n[kernel::tally::fell_due] += (key[r] >> 1) & 1;
      t.n[kernel::tally::apologies] += key[r] & 1;
    }
  }
}


// The office hours the row loops read, as int32.
struct office_consts {
  std::int32_t per_day = 0, ms = 0, ml = 0, as = 0, al = 0;
  std::int32_t total = 0;  // the calendar's office minutes
  bool hours_tier = false;  // office_days' reciprocal is exact for every reading (kernel::clock)
};

// The number of a chunk's rows the hours tier may take: in working hours, flagged only by their unit
// or pauses.
CCHC_ROW_TARGETS std::size_t hours_candidates(std::size_t m, const std::uint8_t* __restrict flag,
                                              const std::uint8_t* __restrict unit, std::uint8_t hours_unit) {
  std::size_t nc = 0;
  for (std::size_t r = 0; r < m; ++r) nc += (flag[r] == 1) & (unit[r] == hours_unit);
  return nc;
}

// The hours tier on one chunk (see hours_scratch): judges, writes and counts the rows it takes and
// clears their flags; the rows it leaves keep theirs.
void hours_chunk(const job& j, const chunk_params& p, const office_consts& oc, std::size_t c0, std::size_t m,
                 std::uint8_t* flag, const std::int32_t* rday, const std::int32_t* end_offset,
                 const std::uint8_t* end_flags, const std::uint8_t* kinds, const std::uint8_t* channel,
                 const std::uint8_t* apology, const std::uint32_t* group, bool small, std::uint32_t dump,
                 chunk_state& c, thread_state& s) {
  const dossier_batch& b = j.b;
  hours_scratch& h = *c.hours;
  const std::uint8_t* unit = b.unit_of_time.data() + c0;
  constexpr auto hours_unit = static_cast<std::uint8_t>(time_unit::working_hours);
  const std::size_t nc = hours_candidates(m, flag, unit, hours_unit);
  if (nc == 0) return;
  const bool has_pauses = !b.pause_offsets.empty();
  const i64 p0 = has_pauses ? b.pause_offsets[c0] : 0;
  // Candidates a minority: gathered; else the chunk's columns, every other row left to the general path.
  const bool dense = nc * 4 >= m;
  hours_rows in;
  std::size_t n = nc;
  std::int32_t max_pauses = 0;
  if (dense) {
    n = m;
    in = {b.received.data() + c0, rday, end_offset, b.amount.data() + c0, end_flags, kinds, channel, apology, group};
    for (std::size_t r = 0; r < m; ++r)
      h.state[r] = static_cast<std::uint8_t>(((flag[r] == 1) & (unit[r] == hours_unit)) ? 0 : 2);
    if (has_pauses) max_pauses = pause_range_loop(m, b.pause_offsets.data() + c0, p0, h.state, h.first_pause, h.pauses);
  } else {
    for (std::size_t r = 0, k = 0; r < m; ++r) {  // the candidates' rows, in order
      h.row[k] = static_cast<std::uint16_t>(r);
      k += (flag[r] == 1) & (unit[r] == hours_unit);
    }
    for (std::size_t k = 0; k < nc; ++k) {
      const std::size_t r = h.row[k], i = c0 + r;
      h.received[k] = b.received[i];
      h.rday[k] = rday[r];
      h.end_offset[k] = end_offset[r];
      h.amount[k] = b.amount[i];
      h.end_flags[k] = end_flags[r];
      h.kinds[k] = kinds[r];
      h.channel[k] = channel[r];
      h.apology[k] = apology[r];
      h.group[k] = group[r];
      const i64 n_pauses = has_pauses ? b.pause_offsets[i + 1] - b.pause_offsets[i] : 0;
      const bool too_many = n_pauses > tier_pauses_max;
      h.first_pause[k] = has_pauses ? static_cast<std::int32_t>(b.pause_offsets[i] - p0) : 0;
      h.pauses[k] = too_many ? 0 : static_cast<std::int32_t>(n_pauses);
      max_pauses = std::max(max_pauses, h.pauses[k]);
      h.state[k] = too_many ? 2 : 0;
    }
    in = {h.received, h.rday, h.end_offset, h.amount, h.end_flags, h.kinds, h.channel, h.apology, h.group};
  }
  const office_day od{p.cumulative, oc.per_day, oc.ms, oc.ml, oc.as, oc.al};
  time_of_day_loop(n, in.received, in.rday, p.base, h.tod);
  office_minutes_of_days<false>(n, in.rday, h.tod, od, h.start, nullptr);
  const std::int32_t past = oc.total + 1;
  hours_start_loop(n, h.start, in.amount, past, h.g, h.state);
  if (max_pauses > 0) {
    const auto np = static_cast<std::size_t>(b.pause_offsets[c0 + m] - p0);
    c.from_office.resize(np);
    c.to_office.resize(np);
    c.pause_bad.resize(np);
    c.pause_bad_to.resize(np);
    c.from_on_clock.resize(np);
    const i64* from = b.pause_from.data() + p0;
    const i64* to = b.pause_to.data() + p0;
    office_minutes_loop<true>(np, from, p.base, p.span, od, c.from_office.data(), c.pause_bad.data(),
                              c.from_on_clock.data());
    office_minutes_loop<false>(np, to, p.base, p.span, od, c.to_office.data(), c.pause_bad_to.data(), nullptr);
    pause_check_loop(np, from, to, c.pause_bad.data(), c.pause_bad_to.data(), c.from_on_clock.data(),
                     c.from_office.data());
    for (std::int32_t k = 0; k < max_pauses; ++k)
      pause_pass(n, k, h.first_pause, h.pauses, c.from_office.data(), c.to_office.data(), h.start, past, h.g,
                 h.state);
  }
  hours_due_loop(n, h.g, h.state, oc.total, j.clock.per_day_reciprocal, oc.per_day, p.ordinal, oc.ms, oc.ml, oc.as,
                 h.due, h.due_tod);
  if (b.end_kind.empty())
    hours_outcome_loop<false>(n, in, h, p.fi, p.li, p.ix_first, dump, h.code, h.due_out, h.due_minute, h.key);
  else
    hours_outcome_loop<true>(n, in, h, p.fi, p.li, p.ix_first, dump, h.code, h.due_out, h.due_minute, h.key);
  if (dense) {
    if (j.codes) take_loop(n, h.state, h.code, j.codes + c0);
    if (j.due_day) take_loop(n, h.state, h.due_out, j.due_day + c0);
    if (j.due_minute) take_loop(n, h.state, h.due_minute, j.due_minute + c0);
    std::fill(h.code, h.code + n, std::uint8_t{0});  // (now the flags of the rows taken)
    take_loop(n, h.state, h.code, flag);
  } else {
    for (std::size_t k = 0; k < n; ++k) {
      if (h.state[k] == 2) continue;
      const std::size_t r = h.row[k], i = c0 + r;
      flag[r] = 0;
      if (j.codes) j.codes[i] = h.code[k];
      if (j.due_day) j.due_day[i] = h.due_out[k];
      if (j.due_minute) j.due_minute[i] = h.due_minute[k];
    }
  }
  if (j.count) count_keys(h.key, n, small, dump, c, s);
}

// Whether a batch can take the chunked path: no rule cut-off (the receipt day then depends on the
// time of day), processing amounts present, counts (if any) into the dense table.
bool chunked_batch(const job& j) { return !j.rule_cutoff && !j.b.amount.empty() && (!j.count || j.dense); }

// Rows [begin, end) by chunks; returns when done (errors propagate from general_row).
void chunked_range(const job& j, std::size_t begin, std::size_t end, thread_state& s, std::size_t& i) {
  const dossier_batch& b = j.b;
  const detail::working_day_index& ix = j.clock.ix;
  chunk_params p;
  p.base = static_cast<std::uint64_t>(i64{ix.first} * 1440);
  p.span = static_cast<std::uint64_t>(i64{ix.days} * 1440);
  p.fi = static_cast<std::int32_t>(std::clamp<i64>(j.first - ix.first, -1, ix.days));
  p.li = static_cast<std::int32_t>(std::clamp<i64>(j.last - ix.first, -1, ix.days));
  p.cumulative = ix.cumulative;
  p.ordinal = ix.ordinal;
  p.working = ix.working;
  p.ix_first = ix.first;

  static const std::vector<std::uint8_t> in_person(chunk_rows, 1);  // no channel column: not online
  static const std::vector<std::uint8_t> zeros8(chunk_rows, 0);
  static const std::vector<std::uint32_t> zeros32(chunk_rows, 0);
  std::uint8_t flag[chunk_rows], code[chunk_rows], end_flags[chunk_rows], due_flags[chunk_rows];
  std::int32_t rday[chunk_rows], end_offset[chunk_rows], due[chunk_rows], due_out[chunk_rows];
  std::uint32_t key[chunk_rows], group[chunk_rows];

  const bool small = j.count && j.groups * 128 <= histogram_keys_max;
  // the dump slot: one past the slot keys (the histograms have it, the tallies never see it)
  const auto dump = static_cast<std::uint32_t>(j.count ? j.groups * 128 : 0);
  chunk_state c;
  if (small) {
    c.histogram[0].assign(static_cast<std::size_t>(dump) + 1, 0);
    c.histogram[1].assign(static_cast<std::size_t>(dump) + 1, 0);
  }
  const std::size_t nk = b.keys.size();
  // office hours for the hours tier's office-minute loop
  const office_hours& h = j.clock.h;
  office_consts oc;
  oc.per_day = static_cast<std::int32_t>(j.clock.per_day);
  oc.ms = static_cast<std::int32_t>(h.morning.start.count());
  oc.ml = static_cast<std::int32_t>((h.morning.end - h.morning.start).count());
  oc.as = static_cast<std::int32_t>(h.afternoon.start.count());
  oc.al = static_cast<std::int32_t>((h.afternoon.end - h.afternoon.start).count());
  const i64 total = j.clock.per_day * i64{ix.working};
  oc.hours_tier = oc.per_day >= 16 && oc.per_day <= 1440 && total < (i64{1} << 28);
  oc.total = oc.hours_tier ? static_cast<std::int32_t>(total) : 0;
  for (i = begin; i < end;) {
    const std::size_t c0 = i, m = std::min(chunk_rows, end - i);
    // Rows the fast form does not take, by column. flag bits: 0 another unit or pauses (working hours
    // with pauses can take the hours tier), 1 bad or out of the fast form's reach (set by the row
    // loops), 2 a promised date, a per-row cut-off, repeated requests or a bad key (general path).
    std::fill(flag, flag + m, std::uint8_t{0});
    // units the fast form takes: working days, calendar days, same day (0 or 1)
    const bool calendar_days =
        !b.unit_of_time.empty() && unit_flag_loop(m, b.unit_of_time.data() + c0, b.amount.data() + c0, flag) != 0;
    if (!b.promised.empty()) instant_flag_loop(m, b.promised.data() + c0, flag);
    if (!b.pause_offsets.empty()) pause_flag_loop(m, b.pause_offsets.data() + c0, flag);
    if (!b.receipt_cutoff.empty())
      for (std::size_t r = 0; r < m; ++r) flag[r] |= static_cast<std::uint8_t>((b.receipt_cutoff[c0 + r] != no_cutoff) << 2);
    if (!b.supplement_requests.empty()) requests_flag_loop(m, b.supplement_requests.data() + c0, flag);
    const std::uint32_t* g = zeros32.data();
    if (j.count && nk == 1) {
      g = b.keys[0].data() + c0;
      key_flag_loop(m, g, j.size[0], flag);
    } else if (j.count && nk > 1) {
      std::fill(group, group + m, 0u);
      for (std::size_t k = 0; k < nk; ++k) {
        const std::uint32_t* v = b.keys[k].data() + c0;
        const std::uint32_t size = j.size[k], stride = static_cast<std::uint32_t>(j.stride[k]);
        for (std::size_t r = 0; r < m; ++r) {
          flag[r] |= static_cast<std::uint8_t>((v[r] >= size) << 2);
          group[r] += (v[r] >= size ? 0u : v[r]) * stride;  // dense: groups <= 2^16, no overflow
        }
      }
      g = group;
    }
    const std::uint8_t* channel = b.channel.empty() ? in_person.data() : b.channel.data() + c0;
    const std::uint8_t* apology = b.apology.empty() ? zeros8.data() : b.apology.data() + c0;
    const std::uint8_t* kinds = b.end_kind.empty() ? zeros8.data() : b.end_kind.data() + c0;
    day_index_loop(m, b.received.data() + c0, p.base, p.span, rday, flag);
    if (b.ended.empty()) {
      std::fill(end_offset, end_offset + m, 0);
      std::fill(end_flags, end_flags + m, std::uint8_t{0});
    } else {
      end_loop(m, b.received.data() + c0, b.ended.data() + c0, p.base, p.span, end_offset, end_flags);
    }
    // A chunk whose every row is already flagged by its columns (all in hours, half days, with
    // pauses …: the day form takes none) needs only the row checks before the tiers.
    std::uint32_t any_flagged = 1;
    if (every_row_flagged(m, flag)) {
      if (b.end_kind.empty())
        row_check_loop<false>(m, rday, end_flags, kinds, p.li, flag);
      else
        row_check_loop<true>(m, rday, end_flags, kinds, p.li, flag);
    } else {
      const std::uint8_t* units = b.unit_of_time.empty() ? zeros8.data() : b.unit_of_time.data() + c0;
      if (calendar_days)
        due_loop<true>(m, rday, b.amount.data() + c0, units, p.cumulative, p.ordinal, p.working, ix.days, due, due_flags);
      else
        due_loop<false>(m, rday, b.amount.data() + c0, units, p.cumulative, p.ordinal, p.working, ix.days, due,
                        due_flags);
      any_flagged =
          b.end_kind.empty()
              ? outcome_loop<false>(m, rday, end_offset, end_flags, kinds, due_flags, due, channel, apology, g, p.fi,
                                    p.li, p.ix_first, dump, flag, code, due_out, key)
              : outcome_loop<true>(m, rday, end_offset, end_flags, kinds, due_flags, due, channel, apology, g, p.fi,
                                   p.li, p.ix_first, dump, flag, code, due_out, key);
      if (j.codes) std::copy(code, code + m, j.codes + c0);
      if (j.due_day) std::copy(due_out, due_out + m, j.due_day + c0);
      if (j.due_minute) std::fill(j.due_minute + c0, j.due_minute + c0 + m, std::int16_t{-1});
      if (j.count) count_keys(key, m, small, dump, c, s);
    }
    // Flagged rows: working hours with nothing else flagged through the hours tier first (its rows
    // cannot be bad); then the rest, in row order (the first error is the chunk's first bad row),
    // through the general path.
    if (any_flagged) {
      if (oc.hours_tier && !b.unit_of_time.empty())
        hours_chunk(j, p, oc, c0, m, flag, rday, end_offset, end_flags, kinds, channel, apology, g, small, dump, c, s);
      for (std::size_t r = 0; r < m; ++r)
        if (flag[r]) {
          i = c0 + r;
          general_row(j, i, s);
        }
    }
    i = c0 + m;
  }
  flush_histogram(c, s);
}

void run_range(const job& j, std::size_t begin, std::size_t end, thread_state& s) {
  if (j.count && j.dense) s.dense.assign(static_cast<std::size_t>(j.groups), kernel::tally{});
  std::size_t i = begin;
  try {
    if (chunked_batch(j)) chunked_range(j, begin, end, s, i);
    for (; i < end; ++i) general_row(j, i, s);
  } catch (const range_error& e) {
    s.first_bad = i;
    s.error = e.where().path.empty()
                  ? std::make_exception_ptr(range_error(e.detail(), location{"", 0, 0, "row " + std::to_string(i),
                                                                             e.where().field}))
                  : std::current_exception();
  } catch (const error& e) {
    s.first_bad = i;
    s.error = e.where().path.empty()
                  ? std::make_exception_ptr(argument_error(e.detail(), location{"", 0, 0, "row " + std::to_string(i),
                                                                                e.where().field}))
                  : std::current_exception();
  }
}

void check_columns(const dossier_batch& b) {
  const std::size_t n = b.received.size();
  check_length(n, b.amount.size(), "amount");
  check_length(n, b.unit_of_time.size(), "unit_of_time");
  check_length(n, b.promised.size(), "promised");
  check_length(n, b.promised_has_time.size(), "promised_has_time");
  check_length(n, b.receipt_cutoff.size(), "receipt_cutoff");
  check_length(n, b.supplement_requests.size(), "supplement_requests");
  check_length(n, b.end_kind.size(), "end_kind");
  check_length(n, b.ended.size(), "ended");
  check_length(n, b.channel.size(), "channel");
  check_length(n, b.apology.size(), "apology");
  for (std::size_t k = 0; k < b.keys.size(); ++k)
    if (b.keys[k].size() != n)
      throw argument_error("expected " + std::to_string(n) + " rows (the length of 'received'), found " +
                               std::to_string(b.keys[k].size()),
                           location{"", 0, 0, "keys[" + std::to_string(k) + "]", "keys"});
  if (n > 0 && b.amount.empty() && b.promised.empty())
    throw argument_error("expected a processing-time column (amount) or a promised-date column, found neither",
                         location{"", 0, 0, "", "amount"});
  if (!b.channel.empty() && *std::max_element(b.channel.data(), b.channel.data() + n) > 2)  // (a vectorised scan)
    for (std::size_t i = 0; i < n; ++i)
      if (b.channel[i] > 2)
        row_error(false, i, "channel",
                  "expected a channel code 0 online, 1 in person, 2 post, found " + std::to_string(b.channel[i]));
  const bool any_pause = !b.pause_offsets.empty() || !b.pause_from.empty() || !b.pause_to.empty();
  if (any_pause) {
    if (b.pause_offsets.size() != n + 1)
      throw argument_error("expected " + std::to_string(n + 1) + " pause offsets (rows + 1), found " +
                               std::to_string(b.pause_offsets.size()),
                           location{"", 0, 0, "", "pause_offsets"});
    if (b.pause_from.size() != b.pause_to.size())
      throw argument_error("expected as many pause ends as starts (" + std::to_string(b.pause_from.size()) +
                               "), found " + std::to_string(b.pause_to.size()),
                           location{"", 0, 0, "", "pause_to"});
    if (b.pause_offsets[0] != 0)
      throw argument_error("expected the first pause offset to be 0, found " + std::to_string(b.pause_offsets[0]),
                           location{"", 0, 0, "", "pause_offsets"});
    for (std::size_t i = 0; i < n; ++i)
      if (b.pause_offsets[i + 1] < b.pause_offsets[i])
        row_error(false, i, "pause_offsets", "expected non-decreasing pause offsets, found " +
                                                 std::to_string(b.pause_offsets[i]) + " then " +
                                                 std::to_string(b.pause_offsets[i + 1]));
    if (static_cast<std::uint64_t>(b.pause_offsets[n]) != b.pause_from.size())
      throw argument_error("expected the last pause offset to equal the number of pauses (" +
                               std::to_string(b.pause_from.size()) + "), found " + std::to_string(b.pause_offsets[n]),
                           location{"", 0, 0, "", "pause_offsets"});
  }
}

}  // namespace

struct batch_access {
  static void finish(batch_counts& c, std::map<std::vector<std::uint32_t>, kernel::tally>&& rows, bool channel,
                     bool apology) {
    c.groups_.clear();
    c.raw_.clear();
    kernel::tally total;
    for (auto& [key, t] : rows) {
      if (t.empty()) continue;
      total += t;
      c.groups_.push_back({key, kernel::to_flow(t, channel, apology)});
      c.raw_.insert(c.raw_.end(), t.n.begin(), t.n.end());
    }
    c.total_raw_.assign(total.n.begin(), total.n.end());
    c.total_ = kernel::to_flow(total, channel, apology);
    c.channel_known_ = channel;
    c.apology_known_ = apology;
    c.empty_ = false;
  }
  static std::map<std::vector<std::uint32_t>, kernel::tally> rows(const batch_counts& c) {
    std::map<std::vector<std::uint32_t>, kernel::tally> out;
    for (std::size_t g = 0; g < c.groups_.size(); ++g) {
      kernel::tally t;
      std::copy(c.raw_.begin() + static_cast<std::ptrdiff_t>(g * 32), c.raw_.begin() + static_cast<std::ptrdiff_t>(g * 32 + 32),
                t.n.begin());
      out[c.groups_[g].key] += t;
    }
    return out;
  }
};

batch_counts& batch_counts::operator+=(const batch_counts& other) {
  if (other.empty_) return *this;
  if (empty_) return *this = other;
  auto mine = batch_access::rows(*this);
  for (auto& [key, t] : batch_access::rows(other)) mine[key] += t;
  batch_access::finish(*this, std::move(mine), channel_known_ && other.channel_known_,
                       apology_known_ && other.apology_known_);
  return *this;
}

namespace {

template <class Body>
void parallel(std::size_t n, unsigned threads_opt, std::vector<thread_state>& states, Body body) {
  unsigned threads = threads_opt == 0 ? std::max(1u, std::thread::hardware_concurrency()) : threads_opt;
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, n / rows_per_thread_min)));
  states.assign(threads, thread_state{});
  auto bound = [&](unsigned t) { return n * t / threads; };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back([&, t] { body(bound(t), bound(t + 1), states[t]); });
  body(bound(0), bound(1), states[0]);
  for (auto& th : pool) th.join();
  std::size_t first_bad = no_error;
  std::exception_ptr error;
  for (const auto& s : states)
    if (s.first_bad < first_bad) {
      first_bad = s.first_bad;
      error = s.error;
    }
  if (error) std::rethrow_exception(error);
}

}  // namespace

batch_counts classify_batch(const dossier_batch& batch, date::sys_days first, date::sys_days last,
                            const work_calendar& calendar, const receipt_rule& rule,
                            mutable_column_view<std::uint8_t> codes, const batch_options& options,
                            mutable_column_view<std::int32_t> due_day, mutable_column_view<std::int16_t> due_minute) {
  if (last < first)
    throw argument_error("the period ends (" + date::format("%F", last) + ") before it starts (" +
                         date::format("%F", first) + "); expected first <= last");
  rule.validate();
  check_columns(batch);
  const std::size_t n = batch.received.size();
  check_length(n, codes.size(), "codes");
  check_length(n, due_day.size(), "due_day");
  check_length(n, due_minute.size(), "due_minute");
  if (!options.key_sizes.empty() && options.key_sizes.size() != batch.keys.size())
    throw argument_error("expected one key size per key (" + std::to_string(batch.keys.size()) + "), found " +
                             std::to_string(options.key_sizes.size()),
                         location{"", 0, 0, "", "key_sizes"});

  const kernel::clock clock(calendar, rule.hours);
  job j{batch, n, first.time_since_epoch().count(), last.time_since_epoch().count(), clock, rule.cutoff, {}, {}};
  // Key sizes and mixed-radix strides: the first key is the most significant, so group ids sort as
  // key tuples do.
  const std::size_t nk = batch.keys.size();
  j.size.resize(nk);
  j.stride.resize(nk);
  for (std::size_t k = 0; k < nk; ++k) {
    std::uint32_t s = options.key_sizes.empty() ? 0 : options.key_sizes[k];
    if (s == 0) {
      std::uint32_t mx = 0;
      for (std::size_t i = 0; i < n; ++i) mx = std::max(mx, batch.keys[k][i]);
      s = n == 0 ? 1 : mx + 1;
      if (mx == std::numeric_limits<std::uint32_t>::max())
        throw argument_error("key codes must be below 2^32 - 1", location{"", 0, 0, "", "keys"});
    }
    j.size[k] = s;
  }
  for (std::size_t k = nk; k-- > 0;) {
    j.stride[k] = j.groups;
    if (j.size[k] != 0 && j.groups > group_id_limit / j.size[k])
      throw argument_error("too many key combinations (the product of the key sizes exceeds 2^62); combine keys "
                           "before classifying",
                           location{"", 0, 0, "", "keys"});
    j.groups *= std::max<std::uint32_t>(1, j.size[k]);
  }
  j.dense = j.groups <= dense_group_limit;
  j.codes = codes.empty() ? nullptr : codes.data();
  j.due_day = due_day.empty() ? nullptr : due_day.data();
  j.due_minute = due_minute.empty() ? nullptr : due_minute.data();

  std::vector<thread_state> states;
  parallel(n, options.threads, states,
           [&](std::size_t b, std::size_t e, thread_state& s) { run_range(j, b, e, s); });

  // Sum the threads' counts (integers: the same for every split) and decode group ids into keys.
  std::unordered_map<std::uint64_t, kernel::tally> sum;
  for (auto& s : states) {
    for (std::size_t g = 0; g < s.dense.size(); ++g)
      if (!s.dense[g].empty()) sum[g] += s.dense[g];
    for (auto& [g, t] : s.sparse) sum[g] += t;
  }
  std::map<std::vector<std::uint32_t>, kernel::tally> rows;
  for (auto& [g, t] : sum) {
    std::vector<std::uint32_t> key(nk);
    for (std::size_t k = 0; k < nk; ++k) key[k] = static_cast<std::uint32_t>((g / j.stride[k]) % j.size[k]);
    rows[key] += t;
  }
  batch_counts out;
  batch_access::finish(out, std::move(rows), !batch.channel.empty(), !batch.apology.empty());
  return out;
}

batch_counts classify_batch(const dossier_batch& batch, const period& p, const work_calendar& calendar,
                            const receipt_rule& rule, mutable_column_view<std::uint8_t> codes,
                            const batch_options& options, mutable_column_view<std::int32_t> due_day,
                            mutable_column_view<std::int16_t> due_minute) {
  return classify_batch(batch, p.first(), p.last(), calendar, rule, codes, options, due_day, due_minute);
}

void due_batch(const dossier_batch& batch, const work_calendar& calendar, const receipt_rule& rule,
               mutable_column_view<std::int32_t> due_day, mutable_column_view<std::int16_t> due_minute,
               const batch_options& options) {
  // The deadline ignores how a dossier ended: judge every row over a period that ends after every
  // date the calendar knows, with the end columns left out and counting off.
  dossier_batch b = batch;
  b.ended = {};
  b.end_kind = {};
  b.keys.clear();
  rule.validate();
  check_columns(b);
  const std::size_t n = b.received.size();
  check_length(n, due_day.size(), "due_day");
  check_length(n, due_minute.size(), "due_minute");
  const kernel::clock clock(calendar, rule.hours);
  const i64 first = work_calendar::range_first.time_since_epoch().count();
  const i64 last = work_calendar::range_last.time_since_epoch().count();
  job j{b, n, first, last, clock, rule.cutoff, {}, {}};
  j.count = false;
  j.due_day = due_day.empty() ? nullptr : due_day.data();
  j.due_minute = due_minute.empty() ? nullptr : due_minute.data();
  std::vector<thread_state> states;
  parallel(n, options.threads, states, [&](std::size_t lo, std::size_t hi, thread_state& s) {
    // A missing received date-time has no deadline here (not an error): NaT in, NaT out.
    for (std::size_t i = lo; i < hi;) {
      std::size_t k = i;
      while (k < hi && b.received[k] != no_time) ++k;
      if (k > i) {
        run_range(j, i, k, s);
        if (s.error) return;
      }
      if (k < hi) {
        if (j.due_day) j.due_day[k] = no_day;
        if (j.due_minute) j.due_minute[k] = -1;
        ++k;
      }
      i = k;
    }
  });
}

}  // namespace cchc
