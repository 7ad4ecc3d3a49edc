// Lunar calendar conversions. The anchor is date's own sys_days -> year_month_day conversion
// (Hinnant's civil_from_days), measured in the same run; see docs/performance-lunar.md.
#include <benchmark/benchmark.h>

#include <chrono>
#include <vector>

#include "cchc/lunar.hpp"

namespace {

std::vector<date::sys_days> sample_days() {
  // Deterministic spread over the supported range (a linear congruential walk, no time or RNG state).
  std::vector<date::sys_days> out;
  const long first = cchc::lunar_first_day().time_since_epoch().count();
  const long span = (cchc::lunar_last_day() - cchc::lunar_first_day()).count() + 1;
  unsigned long x = 12345;
  for (int i = 0; i < 4096; ++i) {
    x = x * 6364136223846793005ul + 1442695040888963407ul;
    out.push_back(date::sys_days{date::days{first + static_cast<long>((x >> 33) % static_cast<unsigned long>(span))}});
  }
  return out;
}

void anchor_civil_from_days(benchmark::State& state) {
  const auto days = sample_days();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(date::year_month_day{days[i++ & 4095]});
  }
}
BENCHMARK(anchor_civil_from_days);

void to_lunar(benchmark::State& state) {
  const auto days = sample_days();
  (void)cchc::to_lunar(days[0]);  // build the table outside the timing
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cchc::to_lunar(days[i++ & 4095]));
  }
}
BENCHMARK(to_lunar);

void from_lunar(benchmark::State& state) {
  std::vector<cchc::lunar_date> dates;
  for (const auto d : sample_days()) dates.push_back(cchc::to_lunar(d));
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cchc::from_lunar(dates[i++ & 4095]));
  }
}
BENCHMARK(from_lunar);

void lunar_new_year(benchmark::State& state) {
  int y = cchc::lunar_first_year;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cchc::lunar_new_year(y));
    if (++y > cchc::lunar_last_year) y = cchc::lunar_first_year;
  }
}
BENCHMARK(lunar_new_year);

// The astronomy behind one table row: what the first call pays (x 300 years).
void compute_lunar_year(benchmark::State& state) {
  int y = cchc::lunar_first_year;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cchc::compute_lunar_year(y, std::chrono::hours{7}));
    if (++y > cchc::lunar_last_year) y = cchc::lunar_first_year;
  }
}
BENCHMARK(compute_lunar_year);

}  // namespace

BENCHMARK_MAIN();
