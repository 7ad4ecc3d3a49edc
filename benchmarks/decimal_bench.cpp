// cchc::decimal against boost::multiprecision::cpp_dec_float_50 and plain int64 (scaled by 1000), on
// the work reports do: sum money amounts (triệu đồng, 3 decimals) by budget line, then give each
// line's share of the total as a percentage at 2 decimals.
//
// Rerun (Release build):
//   cmake -S . -B build-rel -DCMAKE_BUILD_TYPE=Release -DCCHC_BUILD_PYTHON=OFF
//   cmake --build build-rel -j2 --target cchc_decimal_bench
//   ./build-rel/benchmarks/cchc_decimal_bench --benchmark_repetitions=5
//       --benchmark_report_aggregates_only=true       (one line)
//
// Every benchmark reports items/second (one item = one amount added). The ratios printed at the end
// ("ratio_*" counters of the summary benchmark) compare cchc::decimal with the anchors measured in the
// same run.
#include <benchmark/benchmark.h>

#include <boost/multiprecision/cpp_dec_float.hpp>
#include <cmath>
#include <cstdint>
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <random>
#include <vector>

#include "cchc/decimal.hpp"
#include "cchc/rate.hpp"

namespace {

using dec_float = boost::multiprecision::cpp_dec_float_50;
__extension__ typedef __int128 int128;  // only for the int64 anchor's share computation

constexpr int lines = 50;
constexpr std::size_t amounts = 10'000'000;
// cpp_dec_float_50 values are ~5x larger and ~100x slower to build; its runs use the first
// million amounts of the same data (items/second is per amount, so the rates stay comparable).
constexpr std::size_t dec_float_amounts = 1'000'000;

struct data_set {
  std::vector<std::int64_t> coefficients;  // amount × 1000
  std::vector<std::uint8_t> line;          // budget line 0..49
  std::vector<cchc::decimal> decimals;
  std::vector<dec_float> floats;
};

const data_set& data() {
  static const data_set d = [] {
    data_set s;
    std::mt19937_64 rng(2023);
    // Realistic amounts: log-uniform between 0.001 and 100 000 triệu đồng (100 billion đồng),
    // so most have 3 significant decimals and magnitudes spread over 8 orders.
    std::uniform_real_distribution<double> exponent(0.0, 8.0);  // only to draw sizes, never a value
    s.coefficients.reserve(amounts);
    s.line.reserve(amounts);
    s.decimals.reserve(amounts);
    for (std::size_t i = 0; i < amounts; ++i) {
      const auto magnitude = static_cast<std::uint64_t>(std::pow(10.0, exponent(rng)));
      const auto c = static_cast<std::int64_t>(1 + rng() % (magnitude * 10));
      s.coefficients.push_back(c);
      s.line.push_back(static_cast<std::uint8_t>(rng() % lines));
      s.decimals.push_back(cchc::decimal::scaled(c, 3));
    }
    s.floats.reserve(dec_float_amounts);
    for (std::size_t i = 0; i < dec_float_amounts; ++i) {
      s.floats.push_back(dec_float(s.coefficients[i]) / 1000);
    }
    return s;
  }();
  return d;
}

// --- Plain summation: one accumulator, same scale (the ≥ 300 M additions/s target) -------------

void BM_sum_int64(benchmark::State& state) {
  const auto& d = data();
  const auto n = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < n; ++i) sum += d.coefficients[i];  // unchecked: the anchor
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}

void BM_sum_decimal(benchmark::State& state) {
  const auto& d = data();
  const auto n = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) {
    cchc::decimal sum;
    for (std::size_t i = 0; i < n; ++i) sum += d.decimals[i];
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}

void BM_sum_decimal_bulk(benchmark::State& state) {
  const auto& d = data();
  const auto n = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) {
    cchc::decimal sum = cchc::decimal::sum(d.decimals.data(), d.decimals.data() + n);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}

void BM_sum_cpp_dec_float_50(benchmark::State& state) {
  const auto& d = data();
  const auto n = std::min(static_cast<std::size_t>(state.range(0)), dec_float_amounts);
  for (auto _ : state) {
    dec_float sum = 0;
    for (std::size_t i = 0; i < n; ++i) sum += d.floats[i];
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}

// --- The report job: sum by line, then each line's share (percent, scale 2) ---------------------

void BM_lines_int64(benchmark::State& state) {
  const auto& d = data();
  const auto n = std::min(static_cast<std::size_t>(state.range(0)), amounts);
  for (auto _ : state) {
    const std::int64_t* values = d.coefficients.data();
    const std::uint8_t* line = d.line.data();
    std::int64_t sums[lines] = {};
    for (std::size_t i = 0; i < n; ++i) sums[line[i]] += values[i];
    std::int64_t total = 0;
    for (std::int64_t s : sums) total += s;
    std::int64_t shares[lines];  // percent × 100, half away from zero (all amounts are positive)
    for (int k = 0; k < lines; ++k) {
      shares[k] = static_cast<std::int64_t>((int128(sums[k]) * 10000 * 2 + total) / (int128(total) * 2));
    }
    benchmark::DoNotOptimize(shares);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}

void BM_lines_decimal(benchmark::State& state) {
  const auto& d = data();
  const auto n = std::min(static_cast<std::size_t>(state.range(0)), amounts);
  for (auto _ : state) {
    const cchc::decimal* values = d.decimals.data();
    const std::uint8_t* line = d.line.data();
    std::vector<cchc::decimal> sums(lines);
    for (std::size_t i = 0; i < n; ++i) sums[line[i]] += values[i];
    cchc::decimal total;
    for (const auto& s : sums) total += s;
    std::vector<cchc::decimal> shares;
    shares.reserve(lines);
    for (const auto& s : sums) {
      shares.push_back(*cchc::rate(s, total).percent(2, cchc::rounding::half_away_from_zero));
    }
    benchmark::DoNotOptimize(shares.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}

void BM_lines_cpp_dec_float_50(benchmark::State& state) {
  const auto& d = data();
  const auto n = std::min(static_cast<std::size_t>(state.range(0)), dec_float_amounts);
  for (auto _ : state) {
    const dec_float* values = d.floats.data();
    const std::uint8_t* line = d.line.data();
    std::vector<dec_float> sums(lines);
    for (std::size_t i = 0; i < n; ++i) sums[line[i]] += values[i];
    dec_float total = 0;
    for (const auto& s : sums) total += s;
    std::vector<dec_float> shares;
    shares.reserve(lines);
    // cpp_dec_float cannot round to a scale with a named mode; this is the unrounded quotient,
    // which flatters it slightly.
    for (const auto& s : sums) shares.push_back(s * 100 / total);
    benchmark::DoNotOptimize(shares.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}

// --- Parsing report text (bulk, non-throwing form) ----------------------------------------------

void BM_try_parse_vi(benchmark::State& state) {
  const auto& d = data();
  std::vector<std::string> texts;
  texts.reserve(100000);
  for (std::size_t i = 0; i < 100000; ++i) {
    texts.push_back(d.decimals[i].format(cchc::number_style::vi));  // "12.345,678"
  }
  for (auto _ : state) {
    cchc::decimal sum;
    for (const auto& t : texts) sum += *cchc::decimal::try_parse(t, cchc::number_style::vi);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * texts.size()));
}

}  // namespace

BENCHMARK(BM_try_parse_vi)->Unit(benchmark::kMillisecond);

// Three sizes: all the amounts (10 M: 160 MB of decimals, memory-bound), the first million (the
// like-for-like comparison with cpp_dec_float_50, whose runs are capped there) and a cache-resident
// 16 K (compute-bound).
BENCHMARK(BM_sum_int64)->Arg(amounts)->Arg(dec_float_amounts)->Arg(16384)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_sum_decimal)->Arg(amounts)->Arg(dec_float_amounts)->Arg(16384)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_sum_decimal_bulk)->Arg(amounts)->Arg(dec_float_amounts)->Arg(16384)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_sum_cpp_dec_float_50)->Arg(dec_float_amounts)->Arg(16384)->Unit(benchmark::kMicrosecond);
// The report job on all 10 M amounts, and on the first million for a like-for-like comparison with
// cpp_dec_float_50 (same amounts, same lines).
BENCHMARK(BM_lines_int64)->Arg(amounts)->Arg(dec_float_amounts)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_lines_decimal)->Arg(amounts)->Arg(dec_float_amounts)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_lines_cpp_dec_float_50)->Arg(dec_float_amounts)->Unit(benchmark::kMillisecond);

namespace {
// Console output as usual, plus the items/second of each benchmark so that main() can print ratios.
class ratio_reporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs) {
      const auto it = r.counters.find("items_per_second");
      if (it == r.counters.end()) continue;
      // With --benchmark_repetitions=N the ratios use the medians.
      if (r.run_type == Run::RT_Aggregate && r.aggregate_name == "median") {
        rates[r.run_name.str()] = it->second.value;
      } else if (r.run_type == Run::RT_Iteration && rates.count(r.run_name.str()) == 0) {
        rates[r.run_name.str()] = it->second.value;
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }
  std::map<std::string, double> rates;
};

void print_ratio(const std::map<std::string, double>& rates, const char* a, const char* b) {
  const auto x = rates.find(a);
  const auto y = rates.find(b);
  if (x == rates.end() || y == rates.end() || y->second == 0) return;
  std::printf("%-30s / %-34s = %8.2f\n", a, b, x->second / y->second);
}
}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  ratio_reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  std::printf("\nratios of items/second (same run):\n");
  for (const char* size : {"/10000000", "/1000000", "/16384"}) {
    const std::string z = size;
    const std::string f = z == "/10000000" ? "/1000000" : z;  // cpp_dec_float runs are capped
    print_ratio(reporter.rates, ("BM_sum_decimal" + z).c_str(), ("BM_sum_cpp_dec_float_50" + f).c_str());
    print_ratio(reporter.rates, ("BM_sum_decimal_bulk" + z).c_str(), ("BM_sum_cpp_dec_float_50" + f).c_str());
    print_ratio(reporter.rates, ("BM_sum_decimal" + z).c_str(), ("BM_sum_int64" + z).c_str());
    print_ratio(reporter.rates, ("BM_sum_decimal_bulk" + z).c_str(), ("BM_sum_int64" + z).c_str());
  }
  print_ratio(reporter.rates, "BM_lines_decimal/1000000", "BM_lines_cpp_dec_float_50/1000000");
  print_ratio(reporter.rates, "BM_lines_decimal/10000000", "BM_lines_cpp_dec_float_50/1000000");
  print_ratio(reporter.rates, "BM_lines_decimal/1000000", "BM_lines_int64/1000000");
  print_ratio(reporter.rates, "BM_lines_decimal/10000000", "BM_lines_int64/10000000");
  for (const char* name : {"BM_sum_decimal/10000000", "BM_sum_decimal/1000000", "BM_sum_decimal/16384",
                           "BM_sum_decimal_bulk/10000000", "BM_sum_decimal_bulk/1000000",
                           "BM_sum_decimal_bulk/16384"}) {
    const auto it = reporter.rates.find(name);
    if (it != reporter.rates.end()) {
      std::printf("%-30s %8.0f M decimal additions/s (target >= 300 M)\n", name, it->second / 1e6);
    }
  }
  benchmark::Shutdown();
  return 0;
}
