// Scoring many units: 10 000 units × 100 linear leaves (rates from numerator/denominator figures),
// explained and points only, on 1 and 2 threads, against the anchor a user would otherwise write — a
// hand-written loop computing max × n / d with cchc::decimal::divide per leaf (same exact rounding).
// Before timing, each mode's table is checked against the explained one-thread table and the hand
// loop's totals (a mismatch is reported as an error, not a time). Reports time per leaf: ns/leaf is CPU
// time of all threads per leaf; the Time column is the wall clock (what threads = 2 shortens on an idle
// machine; on a shared one it mostly measures the load).
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

// Per-leaf counters for a run over `n` units.
void per_leaf(benchmark::State& state, std::int64_t n) {
  state.counters["leaves/s"] =
      benchmark::Counter(static_cast<double>(n) * leaves, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["ns/leaf"] = benchmark::Counter(static_cast<double>(n) * leaves,
                                                 benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

// The hand loop's totals (see BM_hand_loop): the points every mode must reproduce.
std::vector<cchc::decimal> hand_totals(const std::vector<std::pair<std::string, cchc::figures>>& u) {
  std::vector<cchc::decimal> totals;
  for (const auto& [name, f] : u) {
    cchc::decimal total;
    for (int i = 0; i < leaves; ++i)
      total += cchc::decimal::divide(f.find("m" + std::to_string(i) + ".n")->number(),
                                     f.find("m" + std::to_string(i) + ".d")->number(), 2, cchc::rounding::half_away_from_zero);
    totals.push_back(total);
  }
  return totals;
}

// Every mode gives the same table: points, maxima, statuses, grades, ranks, and (when explained) every
// text; the totals equal the hand loop's. Checked once per benchmark, outside the timed loop.
bool same_scores(const cchc::score_table& reference, const cchc::score_table& t, bool explained) {
  if (reference.rows.size() != t.rows.size()) return false;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const auto& a = reference.rows[i];
    const auto& b = t.rows[i];
    if (a.unit != b.unit || a.id != b.id || a.kind != b.kind || a.depth != b.depth || a.status != b.status ||
        a.points != b.points || a.max_points != b.max_points || a.partial_points != b.partial_points ||
        a.grade != b.grade || a.rank != b.rank)
      return false;
    if (explained && (a.value != b.value || a.rate_percent != b.rate_percent || a.rule != b.rule ||
                      a.inputs != b.inputs || a.reason != b.reason))
      return false;
  }
  return true;
}

// Args: units, explain (1 = full explanation, 0 = points only), threads.
void BM_score(benchmark::State& state) {
  const auto c = cchc::scorecard::build(card());
  const auto u = units(static_cast<int>(state.range(0)));
  cchc::score_options o;
  o.explain = state.range(1) != 0;
  o.threads = static_cast<unsigned>(state.range(2));
  {
    const auto reference = c.score(u);  // explained, one thread: the API's default
    const auto t = c.score(u, o);
    const auto totals = hand_totals(u);
    bool ok = same_scores(reference, t, o.explain);
    for (std::size_t k = 0; ok && k < u.size(); ++k)
      ok = t.rows[k * (leaves + 2)].points == totals[k];  // rows per unit: total, group, leaves
    if (!ok) {
      state.SkipWithError("the scores differ between modes or from the hand loop");
      return;
    }
  }
  for (auto _ : state) benchmark::DoNotOptimize(c.score(u, o));
  per_leaf(state, state.range(0));
}
BENCHMARK(BM_score)
    ->ArgNames({"units", "explain", "threads"})
    ->Args({10000, 1, 1})
    ->Args({10000, 0, 1})
    ->Args({10000, 1, 2})
    ->Args({10000, 0, 2})
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime();  // CPU of every thread, not only the caller's: the counters are per CPU second

// The compact points-only result (scorecard::points): no table rows at all. Args: units, threads.
void BM_points(benchmark::State& state) {
  const auto c = cchc::scorecard::build(card());
  const auto u = units(static_cast<int>(state.range(0)));
  cchc::score_options o;
  o.threads = static_cast<unsigned>(state.range(1));
  {
    const auto reference = c.score(u);
    const auto p = c.points(u, o);
    bool ok = p.status.size() == reference.rows.size();
    for (std::size_t i = 0; ok && i < p.status.size(); ++i)
      ok = p.status[i] == reference.rows[i].status && p.points[i] == reference.rows[i].points &&
           p.max_points[i] == reference.rows[i].max_points;
    for (std::size_t k = 0; ok && k < u.size(); ++k)
      ok = p.ranks[k] == reference.rows[p.cell(k, 0)].rank && p.grades[k] == reference.rows[p.cell(k, 0)].grade;
    if (!ok) {
      state.SkipWithError("scorecard::points differs from scorecard::score");
      return;
    }
  }
  for (auto _ : state) benchmark::DoNotOptimize(c.points(u, o));
  per_leaf(state, state.range(0));
}
BENCHMARK(BM_points)
    ->ArgNames({"units", "threads"})
    ->Args({10000, 1})
    ->Args({10000, 2})
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime();

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
  per_leaf(state, state.range(0));
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
