// Scoring many units: 10 000 units × 100 linear leaves (rates from numerator/denominator figures),
// against the anchor a user would otherwise write — a hand-written loop computing max × n / d with
// cchc::decimal::divide per leaf (same exact rounding). Reports time per leaf.
//   build/benchmarks/cchc_scorecard_bench --benchmark_min_time=1
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "cchc/decimal.hpp"
#include "cchc/expression.hpp"
#include "cchc/scorecard.hpp"

namespace {

constexpr int leaves = 100;

cchc::scorecard_definition card() {
  cchc::scorecard_definition d;
  d.id = "bench";
  d.max_points = cchc::decimal(leaves);
  cchc::scorecard_node g;
  g.id = "g";
  g.max_points = cchc::decimal(leaves);
  for (int i = 0; i < leaves; ++i) {
    cchc::scorecard_node l;
    l.id = "m" + std::to_string(i);
    l.max_points = cchc::decimal(1);
    cchc::leaf_rule r;
    r.kind = cchc::leaf_rule_kind::linear;
    r.value = "ratio(m" + std::to_string(i) + ".n, m" + std::to_string(i) + ".d)";
    l.rule = r;
    g.children.push_back(std::move(l));
  }
  d.groups.push_back(std::move(g));
  return d;
}

std::vector<std::pair<std::string, cchc::figures>> units(int n) {
  std::vector<std::pair<std::string, cchc::figures>> out;
  out.reserve(static_cast<std::size_t>(n));
  for (int u = 0; u < n; ++u) {
    cchc::figures f;
    for (int i = 0; i < leaves; ++i) {
      const long d = 1000 + (u * 7 + i * 13) % 9000;
      f.set("m" + std::to_string(i) + ".n", (d * (u % 97 + 1)) / 100).set("m" + std::to_string(i) + ".d", d);
    }
    out.emplace_back("u" + std::to_string(u), std::move(f));
  }
  return out;
}

void BM_score(benchmark::State& state) {
  const auto c = cchc::scorecard::build(card());
  const auto u = units(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(c.score(u));
  state.counters["leaves/s"] =
      benchmark::Counter(static_cast<double>(state.range(0)) * leaves, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["ns/leaf"] = benchmark::Counter(static_cast<double>(state.range(0)) * leaves,
                                                 benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_score)->Arg(10000)->Unit(benchmark::kMillisecond);

// The anchor: the same points by hand (figure lookups by name, one exact division per leaf, summed).
void BM_hand_loop(benchmark::State& state) {
  const auto u = units(static_cast<int>(state.range(0)));
  std::vector<std::string> n_names, d_names;
  for (int i = 0; i < leaves; ++i) {
    n_names.push_back("m" + std::to_string(i) + ".n");
    d_names.push_back("m" + std::to_string(i) + ".d");
  }
  for (auto _ : state) {
    std::vector<cchc::decimal> totals;
    totals.reserve(u.size());
    for (const auto& [name, f] : u) {
      cchc::decimal total;
      for (int i = 0; i < leaves; ++i) {
        const auto& n = f.find(n_names[static_cast<std::size_t>(i)])->number();
        const auto& d = f.find(d_names[static_cast<std::size_t>(i)])->number();
        total += cchc::decimal::divide(n, d, 2, cchc::rounding::half_away_from_zero);
      }
      totals.push_back(total);
    }
    benchmark::DoNotOptimize(totals);
  }
  state.counters["leaves/s"] =
      benchmark::Counter(static_cast<double>(state.range(0)) * leaves, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_hand_loop)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_expression_evaluate(benchmark::State& state) {
  const auto e = cchc::expression::parse("round(20 * totalOnTime / totalReceived, 2, half_away_from_zero)");
  cchc::figures f;
  f.set("totalOnTime", 13676).set("totalReceived", 14019);
  for (auto _ : state) benchmark::DoNotOptimize(e.evaluate(f));
}
BENCHMARK(BM_expression_evaluate);

}  // namespace

BENCHMARK_MAIN();
