// Columnar classification: the kernels behind cchc/bulk.hpp.
//
// Layout of the work: the rows are cut into one contiguous range per thread; a thread walks its range
// in chunks of `chunk_rows` rows. For each chunk it first takes the minimum and maximum of every
// input column (a tight loop the compiler vectorises), checks those against the calendar's range,
// the cut-off and the unit count, and only when that cheap check fails rescans the chunk row by row
// to find the first bad row. The chunk is then hot in L1 for the second pass, which computes the due
// date with two table look-ups and the outcome with compare-and-select, no branches on the data.
//
// Each thread counts into its own table; tables are summed after the join. Every count is an integer
// sum, so the result does not depend on the number of threads or on how rows are split; the first
// bad row is the minimum over the threads' first bad rows, so errors are deterministic too.
#include "cchc/bulk.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <thread>

#include "cchc/error.hpp"

namespace cchc {

// ---------------------------------------------------------------------------------------------
// helpers

namespace {
constexpr date::sys_days to_sys(day_number d) noexcept { return date::sys_days{date::days{d}}; }

std::string day_text(day_number d) {
  const date::year_month_day ymd{to_sys(d)};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return std::string(buf);  // a date as a date: the day number is an internal form
}
}  // namespace

// ---------------------------------------------------------------------------------------------
// outcome_counts

namespace {
constexpr std::size_t slot(std::uint32_t unit, unsigned online, unsigned code) noexcept {
  return (static_cast<std::size_t>(unit) * 2 + online) * outcome_counts::codes + code;
}
}  // namespace

struct bulk_access {
  static std::vector<std::int64_t>& counts(outcome_counts& c) { return c.counts_; }
  static void set_channel(outcome_counts& c, bool has) { c.has_channel_ = has; }
  static void set_nonempty(outcome_counts& c) { c.empty_ = false; }
};

outcome_counts::outcome_counts(std::uint32_t units)
    : units_(units), empty_(false), counts_(static_cast<std::size_t>(units) * 2 * codes, 0) {}

namespace {
unsigned code_of(outcome o) {
  const auto c = static_cast<unsigned>(o);
  if (c >= outcome_counts::codes)
    throw argument_error("bulk counts hold the outcomes 0..4 (early .. pending overdue), found code " +
                             std::to_string(c),
                         location{"", 0, 0, "", "outcome"});
  return c;
}
}  // namespace

std::int64_t outcome_counts::count(std::uint32_t unit, outcome o) const {
  const unsigned c = code_of(o);
  if (unit >= units_)
    throw range_error("expected a unit id < " + std::to_string(units_) + ", found " + std::to_string(unit),
                      location{"", 0, 0, "", "unit"});
  return counts_[slot(unit, 0, c)] + counts_[slot(unit, 1, c)];
}

std::int64_t outcome_counts::online(std::uint32_t unit, outcome o) const {
  const unsigned c = code_of(o);
  if (unit >= units_)
    throw range_error("expected a unit id < " + std::to_string(units_) + ", found " + std::to_string(unit),
                      location{"", 0, 0, "", "unit"});
  return counts_[slot(unit, 1, c)];
}

std::int64_t outcome_counts::total(outcome o) const {
  std::int64_t n = 0;
  for (std::uint32_t u = 0; u < units_; ++u) n += count(u, o);
  return n;
}

std::int64_t outcome_counts::received(std::uint32_t unit) const {
  std::int64_t n = 0;
  for (unsigned c = 0; c < codes; ++c) n += count(unit, static_cast<outcome>(c));
  return n;
}

namespace {
dossier_flow flow_from(const std::int64_t (&all)[outcome_counts::codes],
                       const std::int64_t (&online)[outcome_counts::codes], bool has_channel) {
  dossier_flow f;
  std::int64_t received = 0, online_received = 0;
  for (unsigned c = 0; c < outcome_counts::codes; ++c) {
    received += all[c];
    online_received += online[c];
  }
  f.received = received;
  f.carried_over = 0;
  f.resolved_early = all[0];
  f.resolved_on_time = all[1];
  f.resolved_in_time = all[0] + all[1];
  f.resolved_late = all[2];
  f.resolved = all[0] + all[1] + all[2];
  f.pending_in_time = all[3];
  f.pending_overdue = all[4];
  f.pending = all[3] + all[4];
  if (has_channel) {
    f.received_online = online_received;
    f.received_offline = received - online_received;
    f.online_resolved = online[0] + online[1] + online[2];
  }
  return f;
}
}  // namespace

dossier_flow outcome_counts::flow(std::uint32_t unit) const {
  if (unit >= units_)
    throw range_error("expected a unit id < " + std::to_string(units_) + ", found " + std::to_string(unit),
                      location{"", 0, 0, "", "unit"});
  std::int64_t all[codes], on[codes];
  for (unsigned c = 0; c < codes; ++c) {
    on[c] = counts_[slot(unit, 1, c)];
    all[c] = counts_[slot(unit, 0, c)] + on[c];
  }
  return flow_from(all, on, has_channel_);
}

dossier_flow outcome_counts::total_flow() const {
  std::int64_t all[codes] = {}, on[codes] = {};
  for (std::uint32_t u = 0; u < units_; ++u)
    for (unsigned c = 0; c < codes; ++c) {
      on[c] += counts_[slot(u, 1, c)];
      all[c] += counts_[slot(u, 0, c)] + counts_[slot(u, 1, c)];
    }
  return flow_from(all, on, has_channel_);
}

outcome_counts& outcome_counts::operator+=(const outcome_counts& other) {
  if (other.empty_) return *this;
  if (empty_) return *this = other;
  if (other.units_ > units_) {
    counts_.resize(static_cast<std::size_t>(other.units_) * 2 * codes, 0);
    units_ = other.units_;
  }
  for (std::size_t i = 0; i < other.counts_.size(); ++i) counts_[i] += other.counts_[i];
  has_channel_ = has_channel_ && other.has_channel_;
  return *this;
}

bool operator==(const outcome_counts& a, const outcome_counts& b) noexcept {
  return a.units_ == b.units_ && a.has_channel_ == b.has_channel_ && a.empty_ == b.empty_ &&
         a.counts_ == b.counts_;
}

// ---------------------------------------------------------------------------------------------
// Kernels

namespace {

constexpr std::size_t chunk_rows = 2048;

// On x86-64 with GCC, the hot loop is also compiled for AVX2 (gathers) and picked at load time when
// the CPU has it; elsewhere it is the portable build. No global flag is needed.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__linux__)
#define CCHC_BULK_TARGETS __attribute__((target_clones("avx2", "default")))
#else
#define CCHC_BULK_TARGETS
#endif
constexpr std::size_t rows_per_thread_min = std::size_t{1} << 16;
constexpr std::size_t no_error = static_cast<std::size_t>(-1);
// Count tables are dense (units × 2 channels × 8 slots per thread): bound them so that a stray id
// is an error, not a giant allocation. The default bound applies when unit_count is not given.
constexpr std::uint32_t default_unit_limit = std::uint32_t{1} << 20;
constexpr std::uint32_t max_unit_count = std::uint32_t{1} << 24;
// Per-thread count tables use 8 slots per (unit, channel) so that a slot index is a shift.
constexpr unsigned thread_stride = 8;

struct job {
  const day_number* received;
  const std::int32_t* days32;
  const std::int16_t* days16;
  const day_number* resolved;
  const std::uint32_t* unit;   // may be null
  const std::uint8_t* online;  // may be null
  std::uint8_t* out;           // may be null
  day_number cutoff;
  // calendar
  day_number first;
  day_number last;
  const std::int32_t* cumulative;
  const std::int32_t* working;  // ordinal: index (from `first`) of the k-th working day
  std::int32_t working_count;
  std::uint32_t unit_limit;  // unit ids must be below this
  bool implicit_units;       // unit_limit is the default cap, not the caller's unit_count
};

struct thread_result {
  std::size_t first_bad = no_error;
  std::uint32_t units = 1;
  std::vector<std::int64_t> counts[2];  // two interleaved tables of units * 2 * thread_stride
};

// The hot loop. due = first + ordinal[cumulative[received - first] + days]: the receipt day is the
// received day when it is a working day, else the next one, whose ordinal is in both cases the
// number of working days before the received day (cumulative[i]); the due day is `days` working
// days later (the calendar's add_working_days, whose starting day is not counted). No branch on the
// data: compares and selects only, so the compiler can vectorise it (with gathers where the target
// has them).
inline std::uint32_t code_of_row(day_number received, std::int32_t days, day_number resolved, day_number first,
                                 const std::int32_t* cumulative, const std::int32_t* ordinal,
                                 day_number cutoff) {
  const day_number due = first + ordinal[cumulative[received - first] + days];
  const bool pending = (resolved == not_resolved) | (resolved > cutoff);
  const std::uint32_t resolved_code =
      static_cast<std::uint32_t>(resolved >= due) + static_cast<std::uint32_t>(resolved > due);
  const std::uint32_t pending_code = 3u + static_cast<std::uint32_t>(cutoff > due);
  return pending ? pending_code : resolved_code;
}

template <class P>
CCHC_BULK_TARGETS void classify_chunk(const day_number* __restrict received, const P* __restrict days,
                                      const day_number* __restrict resolved, std::size_t n,
                                      std::uint8_t* __restrict codes, day_number first,
                                      const std::int32_t* __restrict cumulative,
                                      const std::int32_t* __restrict ordinal, day_number cutoff) {
  for (std::size_t i = 0; i < n; ++i)
    codes[i] = static_cast<std::uint8_t>(
        code_of_row(received[i], days[i], resolved[i], first, cumulative, ordinal, cutoff));
}

// Counting only: the count slot (unit * 2 + online) * thread_stride + code of each row.
template <class P, bool HasUnit, bool HasOnline>
CCHC_BULK_TARGETS void classify_keys(const day_number* __restrict received, const P* __restrict days,
                                     const day_number* __restrict resolved,
                                     const std::uint32_t* __restrict unit, const std::uint8_t* __restrict online,
                                     std::size_t n, std::uint32_t* __restrict key, day_number first,
                                     const std::int32_t* __restrict cumulative,
                                     const std::int32_t* __restrict ordinal, day_number cutoff) {
  for (std::size_t i = 0; i < n; ++i) {
    std::uint32_t k = code_of_row(received[i], days[i], resolved[i], first, cumulative, ordinal, cutoff);
    if (HasUnit) k += unit[i] * (2 * thread_stride);
    if (HasOnline) k += static_cast<std::uint32_t>(online[i] != 0) * thread_stride;
    key[i] = k;
  }
}

// The count slot of each row: (unit * 2 + online) * thread_stride + code.
template <bool HasUnit, bool HasOnline>
CCHC_BULK_TARGETS void key_chunk(const std::uint8_t* __restrict codes, const std::uint32_t* __restrict unit,
                                 const std::uint8_t* __restrict online, std::size_t n,
                                 std::uint32_t* __restrict key) {
  for (std::size_t i = 0; i < n; ++i) {
    std::uint32_t k = codes[i];
    if (HasUnit) k += unit[i] * (2 * thread_stride);
    if (HasOnline) k += static_cast<std::uint32_t>(online[i] != 0) * thread_stride;
    key[i] = k;
  }
}

struct chunk_summary {
  day_number rmin, rmax;
  std::int32_t pmin, pmax;
  std::uint32_t umax;
  std::uint32_t early_resolution;  // nonzero when some row is resolved before it was received
};

template <class P, bool HasUnit>
CCHC_BULK_TARGETS chunk_summary scan_chunk(const day_number* __restrict received, const P* __restrict days,
                                           const day_number* __restrict resolved,
                                           const std::uint32_t* __restrict unit, std::size_t n) {
  day_number rmin = std::numeric_limits<day_number>::max(), rmax = std::numeric_limits<day_number>::min();
  std::int32_t pmin = std::numeric_limits<std::int32_t>::max(), pmax = std::numeric_limits<std::int32_t>::min();
  std::uint32_t umax = 0, early = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const day_number r = received[i];
    const std::int32_t p = days[i];
    const day_number s = resolved[i];
    rmin = std::min(rmin, r);
    rmax = std::max(rmax, r);
    pmin = std::min(pmin, p);
    pmax = std::max(pmax, p);
    early |= static_cast<std::uint32_t>(s != not_resolved) & static_cast<std::uint32_t>(s < r);
    if (HasUnit) umax = std::max(umax, unit[i]);
  }
  return {rmin, rmax, pmin, pmax, umax, early};
}

// True when row i violates a precondition (the exact check, used only to locate a bad row).
template <class P>
bool row_bad(const job& j, const P* days, std::size_t i) {
  const day_number r = j.received[i];
  const std::int32_t p = days[i];
  const day_number s = j.resolved[i];
  if (p < 0) return true;
  if (r < j.first || r > j.last) return true;
  if (r > j.cutoff) return true;
  if (s != not_resolved && s < r) return true;
  if (j.unit && j.unit[i] >= j.unit_limit) return true;
  const std::int64_t k = std::int64_t{j.cumulative[r - j.first]} + p;
  return k >= j.working_count;
}

template <class P, bool Write, bool Count, bool HasUnit, bool HasOnline>
void run_range(const job& j, const P* days, std::size_t begin, std::size_t end, thread_result& res) {
  if (Count)
    for (auto& c : res.counts) c.assign(static_cast<std::size_t>(res.units) * 2 * thread_stride, 0);
  const day_number upper = std::min(j.last, j.cutoff);
  std::uint32_t keys[chunk_rows];
  for (std::size_t c0 = begin; c0 < end; c0 += chunk_rows) {
    const std::size_t c1 = std::min(end, c0 + chunk_rows);
    // Pass 1: cheap whole-chunk validation (min/max, vectorisable).
    const chunk_summary m = scan_chunk<P, HasUnit>(j.received + c0, days + c0, j.resolved + c0,
                                                   HasUnit ? j.unit + c0 : nullptr, c1 - c0);
    const day_number rmin = m.rmin, rmax = m.rmax;
    const std::int32_t pmin = m.pmin, pmax = m.pmax;
    const std::uint32_t umax = m.umax;
    const bool early_resolution = m.early_resolution != 0;
    bool suspect = rmin < j.first || rmax > upper || pmin < 0 || early_resolution ||
                   (HasUnit && umax >= j.unit_limit);
    if (!suspect)
      suspect = std::int64_t{j.cumulative[rmax - j.first]} + pmax >= j.working_count;
    if (suspect) {
      for (std::size_t i = c0; i < c1; ++i)
        if (row_bad(j, days, i)) {
          res.first_bad = i;
          return;
        }
    }
    if (Count && HasUnit && umax >= res.units) {
      res.units = umax + 1;
      for (auto& c : res.counts) c.resize(static_cast<std::size_t>(res.units) * 2 * thread_stride, 0);
    }
    // Pass 2: classify the chunk. Writing codes: into the caller's buffer, then the count slot of
    // each row (unit, channel, code) from the codes; counting only: straight to the slots. Both are
    // vectorisable loops. Then a plain histogram into two interleaved tables, so that consecutive
    // rows of the same slot do not wait on each other's store.
    const std::size_t n = c1 - c0;
    if (Write)
      classify_chunk(j.received + c0, days + c0, j.resolved + c0, n, j.out + c0, j.first, j.cumulative,
                     j.working, j.cutoff);
    if (Count) {
      std::uint32_t* const key = keys;
      if (Write)
        key_chunk<HasUnit, HasOnline>(j.out + c0, HasUnit ? j.unit + c0 : nullptr,
                                      HasOnline ? j.online + c0 : nullptr, n, key);
      else
        classify_keys<P, HasUnit, HasOnline>(j.received + c0, days + c0, j.resolved + c0,
                                             HasUnit ? j.unit + c0 : nullptr, HasOnline ? j.online + c0 : nullptr,
                                             n, key, j.first, j.cumulative, j.working, j.cutoff);
      std::int64_t* const even = res.counts[0].data();
      std::int64_t* const odd = res.counts[1].data();
      std::size_t k = 0;
      for (; k + 1 < n; k += 2) {
        ++even[key[k]];
        ++odd[key[k + 1]];
      }
      if (k < n) ++even[key[k]];
    }
  }
}

template <class P, bool Write, bool Count>
void dispatch(const job& j, const P* days, std::size_t b, std::size_t e, thread_result& r) {
  if (j.unit) {
    if (j.online) run_range<P, Write, Count, true, true>(j, days, b, e, r);
    else run_range<P, Write, Count, true, false>(j, days, b, e, r);
  } else {
    if (j.online) run_range<P, Write, Count, false, true>(j, days, b, e, r);
    else run_range<P, Write, Count, false, false>(j, days, b, e, r);
  }
}

template <bool Write, bool Count>
void run(const job& j, std::size_t b, std::size_t e, thread_result& r) {
  if (j.days16) dispatch<std::int16_t, Write, Count>(j, j.days16, b, e, r);
  else dispatch<std::int32_t, Write, Count>(j, j.days32, b, e, r);
}

void check_length(std::size_t expected, std::size_t found, const char* name) {
  if (expected != found)
    throw argument_error("expected " + std::to_string(expected) + " rows (the length of 'received'), found " +
                             std::to_string(found),
                         location{"", 0, 0, "", name});
}

[[noreturn]] void throw_row_error(const job& j, std::size_t i) {
  const location at{"", 0, 0, "row " + std::to_string(i), ""};
  auto where = [&](const char* field) {
    location l = at;
    l.field = field;
    return l;
  };
  const day_number r = j.received[i];
  const std::int32_t p = j.days16 ? j.days16[i] : j.days32[i];
  const day_number s = j.resolved[i];
  if (p < 0)
    throw argument_error("expected a processing time >= 0 working days, found " +
                             std::to_string(p),
                         where("processing_days"));
  if (r < j.first || r > j.last)
    throw range_error("expected a received day in the calendar's range " +
                          day_text(j.first) + " .. " + day_text(j.last) + ", found " + day_text(r),
                      where("received"));
  if (r > j.cutoff)
    throw argument_error("expected a received day on or before the cut-off " +
                             day_text(j.cutoff) + ", found " + day_text(r),
                         where("received"));
  if (s != not_resolved && s < r)
    throw argument_error("expected a resolved day on or after the received day " +
                             day_text(r) + " (or not_resolved), found " + day_text(s),
                         where("resolved"));
  if (j.unit && j.unit[i] >= j.unit_limit)
    throw range_error("expected a unit id < " +
                          (j.implicit_units ? std::to_string(j.unit_limit) +
                                                  " (the default limit; pass bulk_options::unit_count for more)"
                                            : "unit_count = " + std::to_string(j.unit_limit)) +
                          ", found " + std::to_string(j.unit[i]),
                      where("unit"));
  throw range_error("the due date of a dossier received on " + day_text(r) +
                        " after " + std::to_string(p) + " working days is past the calendar's last day " +
                        day_text(j.last),
                    where("processing_days"));
}

template <bool Write, bool Count>
outcome_counts execute(const dossier_columns& cols, day_number cutoff, const work_calendar& cal,
                       mutable_column_view<std::uint8_t> out, const bulk_options& opt) {
  const std::size_t n = cols.received.size();
  check_length(n, cols.processing_days.size(), "processing_days");
  check_length(n, cols.resolved.size(), "resolved");
  if (!cols.unit.empty()) check_length(n, cols.unit.size(), "unit");
  if (!cols.online.empty()) check_length(n, cols.online.size(), "online");
  if (Write) check_length(n, out.size(), "out");

  job j{};
  j.received = cols.received.data();
  j.days32 = cols.processing_days.wide_data();
  j.days16 = cols.processing_days.narrow_data();
  j.resolved = cols.resolved.data();
  j.unit = cols.unit.empty() ? nullptr : cols.unit.data();
  j.online = cols.online.empty() ? nullptr : cols.online.data();
  j.out = Write ? out.data() : nullptr;
  j.cutoff = cutoff;
  const detail::working_day_index& ix = cal.index();
  j.first = ix.first;
  j.last = ix.first + ix.days - 1;
  j.cumulative = ix.cumulative;
  j.working = ix.ordinal;
  j.working_count = ix.working;
  if (opt.unit_count > max_unit_count)
    throw argument_error("expected a unit_count <= " + std::to_string(max_unit_count) + ", found " +
                             std::to_string(opt.unit_count),
                         location{"", 0, 0, "", "unit_count"});
  j.implicit_units = opt.unit_count == 0;
  j.unit_limit = j.implicit_units ? default_unit_limit : opt.unit_count;

  unsigned threads = opt.threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : opt.threads;
  threads = static_cast<unsigned>(
      std::min<std::size_t>(threads, std::max<std::size_t>(1, n / rows_per_thread_min)));

  std::vector<thread_result> results(threads);
  for (auto& r : results) r.units = std::max<std::uint32_t>(1, opt.unit_count);
  // Contiguous ranges, cut at chunk boundaries so that chunks are the same for every split.
  const std::size_t chunks = (n + chunk_rows - 1) / chunk_rows;
  auto bound = [&](unsigned t) { return std::min(n, (chunks * t / threads) * chunk_rows); };
  if (n > 0) {
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t)
      pool.emplace_back([&, t] { run<Write, Count>(j, bound(t), bound(t + 1), results[t]); });
    run<Write, Count>(j, bound(0), bound(1), results[0]);
    for (auto& th : pool) th.join();
  }

  std::size_t first_bad = no_error;
  for (const auto& r : results) first_bad = std::min(first_bad, r.first_bad);
  if (first_bad != no_error) throw_row_error(j, first_bad);

  if (!Count) return outcome_counts{};
  std::uint32_t units = std::max<std::uint32_t>(1, opt.unit_count);
  for (const auto& r : results) units = std::max(units, r.units);
  outcome_counts total(units);
  auto& dst = bulk_access::counts(total);
  for (const auto& r : results) {
    for (const auto& table : r.counts)
      for (std::uint32_t u = 0; u < r.units && !table.empty(); ++u)
        for (unsigned ch = 0; ch < 2; ++ch)
          for (unsigned c = 0; c < outcome_counts::codes; ++c)
            dst[slot(u, ch, c)] += table[(static_cast<std::size_t>(u) * 2 + ch) * thread_stride + c];
  }
  bulk_access::set_channel(total, j.online != nullptr);
  bulk_access::set_nonempty(total);
  return total;
}

}  // namespace

void classify_columns(const dossier_columns& columns, day_number cutoff, const work_calendar& calendar,
                      mutable_column_view<std::uint8_t> out, const bulk_options& options) {
  (void)execute<true, false>(columns, cutoff, calendar, out, options);
}

outcome_counts count_outcomes(const dossier_columns& columns, day_number cutoff, const work_calendar& calendar,
                              const bulk_options& options) {
  return execute<false, true>(columns, cutoff, calendar, {}, options);
}

outcome_counts classify_and_count(const dossier_columns& columns, day_number cutoff,
                                  const work_calendar& calendar, mutable_column_view<std::uint8_t> out,
                                  const bulk_options& options) {
  return execute<true, true>(columns, cutoff, calendar, out, options);
}

}  // namespace cchc
