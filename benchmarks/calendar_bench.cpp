// Working-day arithmetic: table look-ups vs the day-by-day loop they replace, on the same 10 million
// random dates (1900–2199) in the same binary; and the cost of building the civil-service calendar.
//
//   cmake -S . -B build-rel -DCMAKE_BUILD_TYPE=Release -DCCHC_BUILD_PYTHON=OFF
//   cmake --build build-rel --target cchc_calendar_bench && ./build-rel/benchmarks/cchc_calendar_bench
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <vector>

#include "cchc/calendar.hpp"
#include "cchc/deadline.hpp"
#include "cchc/vietnam_calendar.hpp"

namespace {

using date::sys_days;

struct inputs {
  std::vector<sys_days> days;
  std::vector<sys_days> others;
  std::vector<long> counts;
};

const inputs& random_inputs() {
  static const inputs in = [] {
    inputs r;
    constexpr std::size_t n = 10'000'000;
    std::mt19937_64 rng(42);
    // Keep a margin of 200 days so that ±60 working days stay inside the range.
    const auto first = sys_days{date::year{1900} / 1 / 1} + date::days{200};
    std::uniform_int_distribution<int> day(0, 109573 - 400);
    std::uniform_int_distribution<int> near(-90, 90);
    std::uniform_int_distribution<long> count(1, 60);
    r.days.reserve(n);
    r.others.reserve(n);
    r.counts.reserve(n);
    for (std::size_t k = 0; k < n; ++k) {
      const sys_days d = first + date::days{day(rng)};
      r.days.push_back(d);
      r.others.push_back(d + date::days{near(rng)});
      r.counts.push_back(count(rng));
    }
    return r;
  }();
  return in;
}

// The day-by-day loops that the tables replace (what a straightforward implementation does).
sys_days loop_add(const cchc::work_calendar& cal, sys_days d, long n) {
  while (n > 0) {
    d += date::days{1};
    if (cal.is_working_day(d)) --n;
  }
  return d;
}

long loop_between(const cchc::work_calendar& cal, sys_days a, sys_days b) {
  long count = 0;
  const bool forward = a <= b;
  if (!forward) std::swap(a, b);
  for (sys_days x = a + date::days{1}; x <= b; x += date::days{1}) count += cal.is_working_day(x);
  return forward ? count : -count;
}

void BM_add_working_days(benchmark::State& state) {
  const auto& cal = cchc::vietnam::civil_service_calendar();
  const auto& in = random_inputs();
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (std::size_t k = 0; k < in.days.size(); ++k)
      sum += cal.add_working_days(in.days[k], in.counts[k]).time_since_epoch().count();
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * in.days.size()));
}

void BM_add_working_days_loop(benchmark::State& state) {
  const auto& cal = cchc::vietnam::civil_service_calendar();
  const auto& in = random_inputs();
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (std::size_t k = 0; k < in.days.size(); ++k)
      sum += loop_add(cal, in.days[k], in.counts[k]).time_since_epoch().count();
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * in.days.size()));
}

void BM_working_days_between(benchmark::State& state) {
  const auto& cal = cchc::vietnam::civil_service_calendar();
  const auto& in = random_inputs();
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (std::size_t k = 0; k < in.days.size(); ++k) sum += cal.working_days_between(in.days[k], in.others[k]);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * in.days.size()));
}

void BM_working_days_between_loop(benchmark::State& state) {
  const auto& cal = cchc::vietnam::civil_service_calendar();
  const auto& in = random_inputs();
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (std::size_t k = 0; k < in.days.size(); ++k) sum += loop_between(cal, in.days[k], in.others[k]);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * in.days.size()));
}

void BM_is_working_day(benchmark::State& state) {
  const auto& cal = cchc::vietnam::civil_service_calendar();
  const auto& in = random_inputs();
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (const auto d : in.days) sum += cal.is_working_day(d);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * in.days.size()));
}

void BM_due_working_days(benchmark::State& state) {
  const auto& cal = cchc::vietnam::civil_service_calendar();
  const auto& in = random_inputs();
  constexpr std::size_t n = 1'000'000;
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const cchc::date_time at = cchc::civil_time_at(in.days[k], std::chrono::minutes{9 * 60});
      sum += cchc::due(at, {cchc::time_unit::working_days, in.counts[k]}, cal).day.time_since_epoch().count();
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}

void BM_build_civil_service_calendar(benchmark::State& state) {
  for (auto _ : state) {
    auto cal = cchc::vietnam::build_civil_service_calendar();
    benchmark::DoNotOptimize(cal);
  }
}

void BM_with_day_off(benchmark::State& state) {
  const auto& cal = cchc::vietnam::civil_service_calendar();
  for (auto _ : state) {
    auto edited = cal.with_day_off(sys_days{date::year{2026} / 11 / 24}, {});
    benchmark::DoNotOptimize(edited);
  }
}

}  // namespace

BENCHMARK(BM_add_working_days)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_add_working_days_loop)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_working_days_between)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_working_days_between_loop)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_is_working_day)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_due_working_days)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_build_civil_service_calendar)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_with_day_off)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
