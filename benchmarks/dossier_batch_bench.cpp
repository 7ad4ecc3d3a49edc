// The full Decision-766 rule over columns (cchc::classify_batch, dossier_batch.hpp) on three kinds of
// synthetic logs, 10^4 … 10^7 rows, 1 and 2 threads, against the machine's memory bandwidth measured
// in the same run (a streaming sum over an array as large as the batch's input columns).
//
//   cmake -S . -B build-rel -DCMAKE_BUILD_TYPE=Release -DCCHC_BUILD_TESTS=OFF -DCCHC_BUILD_PYTHON=OFF
//   cmake --build build-rel -j2 --target cchc_dossier_batch_bench
//   build-rel/benchmarks/cchc_dossier_batch_bench --benchmark_out=dossier-bench-cpp.json
//       --benchmark_out_format=json --benchmark_repetitions=3   (one command line)
//   /usr/bin/python3 benchmarks/plot_dossier_bench.py   # reads the JSON, writes docs/img/dossier-bench.png
//
// Kinds (`kind` argument):
//   0 "days"   processing time in working days (1–20), received in office hours, no pause, no promised
//              date, no cut-off — the commonest row (issue 10 target: >= 150 M rows/s per core);
//   1 "hours"  processing time in working hours (4–40), received in office hours, 1–3 supplement
//              pauses per row (issue 10 target: >= 30 M rows/s per core);
//   2 "mixed"  70 % kind 0, 10 % calendar days, 10 % kind 1, 5 % half days, 5 % a promised date with
//              a time, 20 % returned/withdrawn/suspended among the ended, channel and apology known.
// Every row has a channel column and one 12-code key (the unit); the
// period is the annual report of 2023 (15/12/2022 … 14/12/2023), received dates 01/11/2022 … 13/12/2023 (so some rows are carried over), 8 % not ended, the others
// ended 0–40 days later. Rows are in random order (the harder case for the caches).
//
// Counters: items_per_second = rows/s (wall clock), items_per_cpu_s = rows per CPU-second of the whole
// process (for 2 threads: per core), state_bytes_per_row = bytes read and written per row (input
// columns + the codes written), bytes_per_second = the same bytes per wall second. BM_stream_read sums
// an int64 array of the same byte size as a kind's input; its bytes_per_second is the bandwidth the
// classification is compared with (plot_dossier_bench.py prints the ratio).
//
// Before timing, each data set is classified with 1 and with 2 threads and the codes and the tables
// are checked equal (the benchmark aborts otherwise); the rule itself is checked against an
// independent reference by tests/cpp/dossier_rule_test.cpp.
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <memory>
#include <numeric>
#include <random>
#include <vector>

#include "cchc/dossier_batch.hpp"
#include "cchc/vietnam_calendar.hpp"

namespace {

using namespace date::literals;
using i64 = std::int64_t;

i64 day_of(date::year_month_day d) { return date::sys_days{d}.time_since_epoch().count(); }

struct data_set {
  std::vector<i64> received, ended, promised, pause_offsets, pause_from, pause_to;
  std::vector<std::int32_t> amount;
  std::vector<std::uint8_t> unit_of_time, promised_has_time, end_kind, channel, apology, codes;
  std::vector<std::uint32_t> unit;
  std::size_t input_bytes = 0;  // all input columns

  data_set(int kind, std::size_t n) {
    std::mt19937_64 g(42 + static_cast<unsigned>(kind));
    const i64 first = day_of(2022_y / 11 / 1);
    const auto span = static_cast<std::uint64_t>(day_of(2023_y / 12 / 13) - first + 1);
    const bool mixed = kind == 2;
    received.resize(n);
    ended.resize(n);
    amount.resize(n);
    channel.resize(n);
    unit.resize(n);
    codes.resize(n);
    if (kind != 0) {
      unit_of_time.resize(n);
      pause_offsets.assign(1, 0);
    }
    if (mixed) {
      promised.resize(n);
      promised_has_time.resize(n);
      end_kind.resize(n);
      apology.resize(n);
    }
    for (std::size_t i = 0; i < n; ++i) {
      // 07:30 … 16:59 (the office day is 07:30–11:30, 13:00–17:00)
      const i64 r = (first + static_cast<i64>(g() % span)) * 1440 + 450 + static_cast<i64>(g() % 570);
      received[i] = r;
      channel[i] = static_cast<std::uint8_t>(g() % 3);
      unit[i] = static_cast<std::uint32_t>(g() % 12);
      int sub = kind;  // the kind of this row
      const unsigned pick = static_cast<unsigned>(g() % 100);
      if (mixed) sub = pick < 70 ? 0 : pick < 80 ? 3 : pick < 90 ? 1 : pick < 95 ? 4 : 5;
      std::uint8_t u = 0;
      std::int32_t a = static_cast<std::int32_t>(1 + g() % 20);
      i64 took_max = 40 * 1440;
      if (sub == 1) {
        u = 2;
        a = static_cast<std::int32_t>(4 + g() % 37);
        const int pauses = 1 + static_cast<int>(g() % 3);
        i64 at = r;
        for (int k = 0; k < pauses; ++k) {
          at += 60 + static_cast<i64>(g() % (2 * 1440));
          const i64 to = at + 60 + static_cast<i64>(g() % (3 * 1440));
          pause_from.push_back(at);
          pause_to.push_back(to);
          at = to;
        }
        took_max = at - r + 10 * 1440;
      } else if (sub == 3) {
        u = 1;
      } else if (sub == 4) {
        u = 3;
        a = static_cast<std::int32_t>(1 + g() % 10);
      } else if (sub == 5) {
        promised[i] = r + (1 + static_cast<i64>(g() % 20)) * 1440;
        promised_has_time[i] = 1;
        a = std::numeric_limits<std::int32_t>::min();
      }
      if (mixed && sub != 5) promised[i] = cchc::no_time;
      if (!unit_of_time.empty()) unit_of_time[i] = u;
      if (!pause_offsets.empty()) pause_offsets.push_back(static_cast<i64>(pause_from.size()));
      amount[i] = a;
      const bool open = g() % 100 < 8;
      ended[i] = open ? cchc::no_time : r + static_cast<i64>(g() % static_cast<std::uint64_t>(took_max));
      if (mixed) {
        const unsigned e = static_cast<unsigned>(g() % 100);
        end_kind[i] = open ? cchc::no_end_kind : static_cast<std::uint8_t>(e < 80 ? 0 : e < 90 ? 1 : e < 95 ? 2 : 3);
        apology[i] = static_cast<std::uint8_t>(g() % 20 == 0);
      }
    }
    input_bytes = received.size() * 8 + ended.size() * 8 + promised.size() * 8 + pause_offsets.size() * 8 +
                  pause_from.size() * 8 + pause_to.size() * 8 + amount.size() * 4 + unit_of_time.size() +
                  promised_has_time.size() + end_kind.size() + channel.size() + apology.size() + unit.size() * 4;
  }

  cchc::dossier_batch batch() const {
    cchc::dossier_batch b;
    b.received = received;
    b.ended = ended;
    b.amount = amount;
    b.unit_of_time = unit_of_time;
    b.promised = promised;
    b.promised_has_time = promised_has_time;
    b.pause_offsets = pause_offsets;
    b.pause_from = pause_from;
    b.pause_to = pause_to;
    b.end_kind = end_kind;
    b.channel = channel;
    b.apology = apology;
    b.keys = {unit};
    return b;
  }
  std::size_t state_bytes() const { return input_bytes + codes.size(); }
};

// state_bytes of each (kind, rows), recorded when the set is built (BM_stream_read runs after the
// classification benchmarks, when the set itself may have been dropped).
std::map<std::pair<int, std::size_t>, std::size_t>& bytes_of() {
  static std::map<std::pair<int, std::size_t>, std::size_t> m;
  return m;
}

const cchc::period& year() {
  static const cchc::period p = cchc::period::annual(2023);
  return p;
}

bool same(const cchc::batch_counts& a, const cchc::batch_counts& b) {
  if (a.groups().size() != b.groups().size() || !(a.total() == b.total())) return false;
  for (std::size_t k = 0; k < a.groups().size(); ++k)
    if (a.groups()[k].key != b.groups()[k].key || !(a.groups()[k].flow == b.groups()[k].flow)) return false;
  return true;
}

// One data set per (kind, size), built and checked once: 1 thread and 2 threads give the same codes
// and the same table.
data_set& data(int kind, std::size_t n) {
  static std::map<std::pair<int, std::size_t>, std::unique_ptr<data_set>> cache;
  auto& slot = cache[{kind, n}];
  if (!slot) {
    if (cache.size() > 1)  // keep one large set at a time (10^7 mixed rows are ~0.5 GB)
      for (auto it = cache.begin(); it != cache.end();)
        it = it->second && it->first != std::pair{kind, n} ? cache.erase(it) : std::next(it);
    slot = std::make_unique<data_set>(kind, n);
    bytes_of()[{kind, n}] = slot->state_bytes();
    const auto& cal = cchc::vietnam::civil_service_calendar();
    std::vector<std::uint8_t> two(n);
    cchc::batch_options o1, o2;
    o2.threads = 2;
    const auto t1 = cchc::classify_batch(slot->batch(), year(), cal, {}, slot->codes, o1);
    const auto t2 = cchc::classify_batch(slot->batch(), year(), cal, {}, two, o2);
    if (slot->codes != two || !same(t1, t2)) {
      std::fprintf(stderr, "kind %d, %zu rows: 1 and 2 threads disagree\n", kind, n);
      std::abort();
    }
  }
  return *slot;
}

double process_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Args: kind, rows, threads.
void BM_classify_batch(benchmark::State& state) {
  const int kind = static_cast<int>(state.range(0));
  const auto n = static_cast<std::size_t>(state.range(1));
  auto& d = data(kind, n);
  const auto& cal = cchc::vietnam::civil_service_calendar();
  cchc::batch_options opt;
  opt.threads = static_cast<unsigned>(state.range(2));
  opt.key_sizes = {12};
  const cchc::dossier_batch b = d.batch();
  const double t0 = process_cpu_seconds();
  for (auto _ : state) {
    auto t = cchc::classify_batch(b, year(), cal, {}, d.codes, opt);
    benchmark::DoNotOptimize(t);
    benchmark::ClobberMemory();
  }
  const double cpu = process_cpu_seconds() - t0;
  const double items = static_cast<double>(state.iterations()) * static_cast<double>(n);
  state.SetItemsProcessed(static_cast<std::int64_t>(items));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(d.state_bytes()));
  state.counters["items_per_cpu_s"] = benchmark::Counter(items / cpu);
  state.counters["state_bytes_per_row"] = static_cast<double>(d.state_bytes()) / static_cast<double>(n);
  state.counters["rows"] = static_cast<double>(n);
  state.counters["kind"] = kind;
  state.counters["threads"] = static_cast<double>(opt.threads);
}

// Args: kind, rows — streams an int64 array of the kind's input bytes (a plain sum, one thread).
void BM_stream_read(benchmark::State& state) {
  const int kind = static_cast<int>(state.range(0));
  const auto n = static_cast<std::size_t>(state.range(1));
  const auto known = bytes_of().find({kind, n});
  const std::size_t bytes = known != bytes_of().end() ? known->second : data(kind, n).state_bytes();
  std::vector<i64> a(bytes / 8);
  std::iota(a.begin(), a.end(), i64{0});
  for (auto _ : state) {
    i64 s = 0;
    for (const i64 v : a) s += v;
    benchmark::DoNotOptimize(s);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(a.size() * 8));
  state.counters["rows"] = static_cast<double>(n);
  state.counters["kind"] = kind;
}

void sizes(benchmark::internal::Benchmark* b, bool threads) {
  for (int kind = 0; kind < 3; ++kind)
    for (std::int64_t n = 10'000; n <= 10'000'000; n *= 10) {
      if (threads) {
        b->Args({kind, n, 1});
        b->Args({kind, n, 2});
      } else {
        b->Args({kind, n});
      }
    }
}

BENCHMARK(BM_classify_batch)
    ->Apply([](benchmark::internal::Benchmark* b) { sizes(b, true); })
    ->ArgNames({"kind", "rows", "threads"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MinTime(0.2);
BENCHMARK(BM_stream_read)
    ->Apply([](benchmark::internal::Benchmark* b) { sizes(b, false); })
    ->ArgNames({"kind", "rows"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MinTime(0.2);

}  // namespace

BENCHMARK_MAIN();
