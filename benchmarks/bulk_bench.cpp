// Bulk classification of 10 million dossiers (12 units, channel flag) on the full Vietnamese
// civil-service calendar, against the anchor measured in the same run: a straightforward loop that
// builds a cchc::dossier per row and calls the record-at-a-time cchc::outcome_at.
//
//   cmake -S . -B build-rel -DCMAKE_BUILD_TYPE=Release -DCCHC_BUILD_PYTHON=OFF
//   cmake --build build-rel -j2 --target cchc_bulk_bench && build-rel/benchmarks/cchc_bulk_bench
//
// items/s = dossiers per second. Data: received days uniform over 2022-12-15 .. 2023-12-13 (the
// seed report's period) — a realistic log is sorted by received day, which is kinder to the caches,
// so uniform random order is the harder case; processing times 1–20 working days; 8 % unresolved.
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <ctime>
#include <random>
#include <vector>

#include "cchc/bulk.hpp"
#include "cchc/dossier.hpp"
#include "cchc/vietnam_calendar.hpp"

namespace {

using namespace date::literals;

constexpr std::size_t rows = 10'000'000;

cchc::day_number dn(date::year_month_day d) {
  return static_cast<cchc::day_number>(date::sys_days{d}.time_since_epoch().count());
}

struct data_set {
  std::vector<cchc::day_number> received, resolved;
  std::vector<std::int16_t> days;
  std::vector<std::uint32_t> unit;
  std::vector<std::uint8_t> online;
  std::vector<std::uint8_t> out;
  cchc::day_number cutoff = dn(2023_y / 12 / 13);

  data_set() {
    std::mt19937_64 g(42);
    const cchc::day_number first = dn(2022_y / 12 / 15);
    const auto span = static_cast<std::uint64_t>(cutoff - first + 1);
    static const std::array<std::int16_t, 7> lengths{1, 3, 5, 7, 10, 15, 20};
    received.reserve(rows);
    resolved.reserve(rows);
    days.reserve(rows);
    unit.reserve(rows);
    online.reserve(rows);
    for (std::size_t i = 0; i < rows; ++i) {
      const auto r = first + static_cast<cchc::day_number>(g() % span);
      received.push_back(r);
      days.push_back(lengths[g() % lengths.size()]);
      resolved.push_back(g() % 100 < 8 ? cchc::not_resolved : r + static_cast<cchc::day_number>(g() % 40));
      unit.push_back(static_cast<std::uint32_t>(g() % 12));
      online.push_back(static_cast<std::uint8_t>(g() % 10 == 0));
    }
    out.resize(rows);
  }
  cchc::dossier_columns columns() const {
    cchc::dossier_columns c;
    c.received = received;
    c.processing_days = days;
    c.resolved = resolved;
    c.unit = unit;
    c.online = online;
    return c;
  }
};

// CPU time of the whole process (all threads). The machine is shared: wall-clock rates depend on
// what else runs, so each benchmark also reports items per CPU-second of this process — for one
// thread the single-core rate, for two threads the per-core rate (equal to the one-thread rate when
// the speed-up is linear).
double process_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

void report(benchmark::State& state, double cpu_seconds) {
  const double items = static_cast<double>(state.iterations()) * static_cast<double>(rows);
  state.SetItemsProcessed(static_cast<std::int64_t>(items));
  state.counters["items_per_cpu_s"] = benchmark::Counter(items / cpu_seconds);
}

const data_set& data() {
  static const data_set d;
  return d;
}

void BM_bulk_count(benchmark::State& state) {
  const auto& d = data();
  const auto& cal = cchc::vietnam::civil_service_calendar();
  const cchc::bulk_options opt{static_cast<unsigned>(state.range(0)), 12};
  const double t0 = process_cpu_seconds();
  for (auto _ : state) {
    auto n = cchc::count_outcomes(d.columns(), d.cutoff, cal, opt);
    benchmark::DoNotOptimize(n);
  }
  report(state, process_cpu_seconds() - t0);
}
BENCHMARK(BM_bulk_count)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_bulk_classify_and_count(benchmark::State& state) {
  auto& d = const_cast<data_set&>(data());
  const auto& cal = cchc::vietnam::civil_service_calendar();
  const cchc::bulk_options opt{static_cast<unsigned>(state.range(0)), 12};
  const double t0 = process_cpu_seconds();
  for (auto _ : state) {
    auto n = cchc::classify_and_count(d.columns(), d.cutoff, cal, d.out, opt);
    benchmark::DoNotOptimize(n);
    benchmark::ClobberMemory();
  }
  report(state, process_cpu_seconds() - t0);
}
BENCHMARK(BM_bulk_classify_and_count)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_bulk_classify(benchmark::State& state) {
  auto& d = const_cast<data_set&>(data());
  const auto& cal = cchc::vietnam::civil_service_calendar();
  const cchc::bulk_options opt{static_cast<unsigned>(state.range(0)), 12};
  const double t0 = process_cpu_seconds();
  for (auto _ : state) {
    cchc::classify_columns(d.columns(), d.cutoff, cal, d.out, opt);
    benchmark::ClobberMemory();
  }
  report(state, process_cpu_seconds() - t0);
}
BENCHMARK(BM_bulk_classify)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// The anchor: one cchc::dossier per row (reused, so no allocation per row), outcome_at, and a count
// per unit and outcome — what a caller without the columnar API would write.
void BM_record_at_a_time(benchmark::State& state) {
  const auto& d = data();
  const auto& cal = cchc::vietnam::civil_service_calendar();
  const date::sys_days cutoff{date::days{d.cutoff}};
  const double t0 = process_cpu_seconds();
  for (auto _ : state) {
    std::array<std::int64_t, 12 * 8> counts{};
    cchc::dossier x;
    x.unit = "unit";
    for (std::size_t i = 0; i < rows; ++i) {
      x.received_at = cchc::civil_time_at(date::sys_days{date::days{d.received[i]}}, {});
      x.processing = cchc::processing_time{cchc::time_unit::working_days, d.days[i]};
      if (d.resolved[i] == cchc::not_resolved)
        x.end.reset();
      else
        x.end = cchc::dossier_end{cchc::end_kind::resolved,
                                  cchc::civil_time_at(date::sys_days{date::days{d.resolved[i]}}, {})};
      ++counts[d.unit[i] * 8 + static_cast<unsigned>(cchc::outcome_at(x, cutoff, cal))];
    }
    benchmark::DoNotOptimize(counts);
  }
  report(state, process_cpu_seconds() - t0);
}
BENCHMARK(BM_record_at_a_time)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
