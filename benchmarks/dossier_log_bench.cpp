// Dossier log reading speed. The benchmark writes its own ~200 MB CSV (a temporary file, removed at
// exit) in the layout of docs/architecture.md — Vietnamese text, quoted fields, both date forms — and
// measures, on that file:
//   raw_read       fread of the whole file into a buffer: the anchor (disk cache / memory speed);
//   parse          dossier_log_reader, one dossier per row, nothing else;
//   parse_to_flow  the same plus a flow_accumulator grouped by unit (Biểu 06 rows per unit);
//   parse_columns  dossier_log_reader::next(dossier_log_chunk&, 65536): the same rows decoded straight
//                  into columns (unit codes), nothing else;
//   columns_to_flow  the same plus classify_batch on each chunk (what cchc.dossier_flow(path) does).
// Throughput is reported by Google Benchmark as bytes_per_second; compare the ratios to raw_read.
//
//   build-rel/benchmarks/cchc_dossier_log_bench [--benchmark_filter=...]
//   CCHC_BENCH_LOG_MB=50 to write a smaller file.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "cchc/dossier_batch.hpp"
#include "cchc/dossier_log.hpp"

namespace {

struct log_file {
  std::string path;
  std::int64_t bytes = 0;
  std::int64_t rows = 0;

  log_file() {
    const char* mb_env = std::getenv("CCHC_BENCH_LOG_MB");
    const std::int64_t target = (mb_env ? std::atoll(mb_env) : 200) * 1000 * 1000;
    path = "cchc_dossier_log_bench_" + std::to_string(static_cast<long>(std::rand())) + ".csv";
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) std::abort();
    std::string buf;
    buf.reserve(1 << 20);
    buf += "id,unit,level,procedure,field,channel,received_at,processing_time,processing_unit,promised_at,"
           "resolved_at,end_kind,supplement_requests,paused_from,paused_to,apology\n";
    static const char* units[] = {"UBND huyện Trần Đề", "\"UBND xã Đại Ân 2, huyện Trần Đề\"",
                                  "UBND thị trấn Trần Đề", "UBND xã Lịch Hội Thượng", "UBND xã Tài Văn"};
    static const char* levels[] = {"district", "commune", "commune", "commune", "commune"};
    static const char* fields[] = {"Đất đai", "Hộ tịch", "Chứng thực", "Bảo trợ xã hội", "\"Đăng ký biện pháp bảo đảm\""};
    static const char* channels[] = {"online", "in_person", "post"};
    std::uint64_t x = 88172645463325252ULL;  // xorshift: deterministic, no <random> cost
    auto next = [&x] {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      return x;
    };
    char line[512];
    while (bytes < target) {
      const std::uint64_t r = next();
      const unsigned u = static_cast<unsigned>(r % 5);
      const unsigned m = 1 + static_cast<unsigned>((r >> 8) % 12);
      const unsigned d = 1 + static_cast<unsigned>((r >> 16) % 23);  // 1..23: the end fits in the month
      const unsigned h = 7 + static_cast<unsigned>((r >> 24) % 9);
      const bool iso = (r >> 30) & 1;
      const bool done = ((r >> 31) % 10) != 0;
      const bool paused = ((r >> 35) % 17) == 0;
      char received[32];
      if (iso)
        std::snprintf(received, sizeof received, "2023-%02u-%02u %02u:%02u", m, d, h, static_cast<unsigned>((r >> 40) % 60));
      else
        std::snprintf(received, sizeof received, "%02u/%02u/2023 %02u:30", d, m, h);
      char resolved[32] = "";
      if (done) std::snprintf(resolved, sizeof resolved, "2023-%02u-%02u 10:00", m, d + 5);
      char pause[64] = ",";
      if (paused) std::snprintf(pause, sizeof pause, "2023-%02u-%02u 17:00,2023-%02u-%02u", m, d, m, d + 2);
      const int n = std::snprintf(line, sizeof line, "H%llu,%s,%s,1.00%04u,%s,%s,%s,%u,working_days,,%s,,%u,%s,%u\n",
                                  static_cast<unsigned long long>(rows), units[u], levels[u],
                                  static_cast<unsigned>((r >> 44) % 5000), fields[(r >> 50) % 5],
                                  channels[(r >> 53) % 3], received, 1 + static_cast<unsigned>((r >> 56) % 15), resolved,
                                  paused ? 1u : 0u, pause, static_cast<unsigned>((r >> 60) % 2));
      buf.append(line, static_cast<std::size_t>(n));
      bytes += n;
      ++rows;
      if (buf.size() > (1u << 20) - 512) {
        std::fwrite(buf.data(), 1, buf.size(), f);
        buf.clear();
      }
    }
    std::fwrite(buf.data(), 1, buf.size(), f);
    std::fclose(f);
  }
  ~log_file() { std::remove(path.c_str()); }
};

const log_file& the_log() {
  static const log_file file;
  return file;
}

void raw_read(benchmark::State& state) {
  const auto& log = the_log();
  std::vector<char> buf(std::size_t{1} << 22);
  for (auto _ : state) {
    std::FILE* f = std::fopen(log.path.c_str(), "rb");
    std::size_t total = 0, n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0) total += n;
    std::fclose(f);
    benchmark::DoNotOptimize(total);
  }
  state.SetBytesProcessed(state.iterations() * log.bytes);
}

void parse(benchmark::State& state) {
  const auto& log = the_log();
  for (auto _ : state) {
    auto reader = cchc::dossier_log_reader::open(log.path);
    cchc::dossier d;
    std::int64_t online = 0;
    while (reader.next(d)) online += d.channel == cchc::dossier_channel::online;
    benchmark::DoNotOptimize(online);
    if (reader.summary().accepted != log.rows) state.SkipWithError("row count mismatch");
  }
  state.SetBytesProcessed(state.iterations() * log.bytes);
  state.counters["rows_per_second"] =
      benchmark::Counter(static_cast<double>(log.rows), benchmark::Counter::kIsIterationInvariantRate);
}

void parse_to_flow(benchmark::State& state) {
  const auto& log = the_log();
  using namespace date;
  const cchc::work_calendar calendar;
  for (auto _ : state) {
    cchc::flow_accumulator acc(sys_days{year{2022} / 12 / 15}, sys_days{year{2023} / 12 / 13}, calendar,
                               cchc::flow_key::unit);
    const auto s = cchc::read_dossier_log(log.path, [&](const cchc::dossier& d) { acc.add(d); });
    benchmark::DoNotOptimize(acc.flow());
    if (s.accepted != log.rows) state.SkipWithError("row count mismatch");
  }
  state.SetBytesProcessed(state.iterations() * log.bytes);
  state.counters["rows_per_second"] =
      benchmark::Counter(static_cast<double>(log.rows), benchmark::Counter::kIsIterationInvariantRate);
}

void parse_columns(benchmark::State& state) {
  const auto& log = the_log();
  for (auto _ : state) {
    auto reader = cchc::dossier_log_reader::open(log.path);
    cchc::dossier_log_chunk chunk;
    chunk.keys = {cchc::flow_key::unit};
    std::int64_t rows = 0;
    while (const std::size_t n = reader.next(chunk, 65536)) {
      rows += static_cast<std::int64_t>(n);
      chunk.clear();
    }
    benchmark::DoNotOptimize(rows);
    if (rows != log.rows) state.SkipWithError("row count mismatch");
  }
  state.SetBytesProcessed(state.iterations() * log.bytes);
  state.counters["rows_per_second"] =
      benchmark::Counter(static_cast<double>(log.rows), benchmark::Counter::kIsIterationInvariantRate);
}

void columns_to_flow(benchmark::State& state) {
  const auto& log = the_log();
  using namespace date;
  const cchc::work_calendar calendar;
  const sys_days first{year{2022} / 12 / 15}, last{year{2023} / 12 / 13};
  for (auto _ : state) {
    auto reader = cchc::dossier_log_reader::open(log.path);
    cchc::dossier_log_chunk chunk;
    chunk.keys = {cchc::flow_key::unit};
    cchc::batch_counts counts;
    while (reader.next(chunk, 65536) > 0) {
      counts += cchc::classify_batch(chunk.batch(), first, last, calendar, {}, {}, chunk.options());
      chunk.clear();
    }
    benchmark::DoNotOptimize(counts.total());
    if (reader.summary().accepted != log.rows) state.SkipWithError("row count mismatch");
  }
  state.SetBytesProcessed(state.iterations() * log.bytes);
  state.counters["rows_per_second"] =
      benchmark::Counter(static_cast<double>(log.rows), benchmark::Counter::kIsIterationInvariantRate);
}

}  // namespace

BENCHMARK(raw_read)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(parse)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(parse_to_flow)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(parse_columns)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(columns_to_flow)->Unit(benchmark::kMillisecond)->Iterations(3);

BENCHMARK_MAIN();
