// verify_flow_table — recomputes the one-stop-shop flow table of the generated Trần Đề 2023 dossier
// log at the seed report's cut-off 13/12/2023, on the Vietnamese civil-service calendar, and compares
// it with the figures the district published.
//
// The published figures below are copied from the seed report (shared/seed/000_5b78326431be7284.txt),
// section II.2.2 "Thực hiện cơ chế một cửa, cơ chế một cửa liên thông", table "Kết quả giải quyết hồ
// sơ cho tổ chức, công dân tính từ ngày 15/12/2022 đến ngày 13/12/2023", rows I (UBND huyện) and
// II (UBND cấp xã), and its "Ghi chú" column ("Có 999 / 747 hồ sơ trực tuyến"). They are the
// expected answer; nothing here is derived from the generator.
//
// The CSV is read with the library's dossier-log reader (cchc/dossier_log.hpp). The table is computed
// twice, independently: with the columnar classifier (cchc::count_outcomes, from the received day and
// the processing time) and with the record-at-a-time flow accumulator (cchc::flow_accumulator, which
// judges each dossier by outcome_at, using the promised return date written in the log). Both must
// equal the published figures.
//
// Usage: verify_flow_table dossiers.csv        exit 0 = the table matches, 1 = it does not, 2 = bad input
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <date/date.h>

#include "cchc/bulk.hpp"
#include "cchc/dossier.hpp"
#include "cchc/dossier_log.hpp"
#include "cchc/vietnam_calendar.hpp"

namespace {

struct published_row {
  const char* level;
  std::int64_t received, in_time, late, pending_in_time, pending_overdue, online;
};

// Seed report, section II.2.2 (see the header comment).
constexpr published_row published[2] = {
    {"district", 14083, 13676, 343, 64, 0, 999},
    {"commune", 80878, 80629, 249, 0, 0, 747},
};

using namespace date::literals;
const date::sys_days period_first = 2022_y / 12 / 15;
const date::sys_days cutoff = 2023_y / 12 / 13;

cchc::day_number day_number_of(cchc::date_time t) {
  return static_cast<cchc::day_number>(date::floor<date::days>(t).time_since_epoch().count());
}

bool compare(const char* method, const char* level, const cchc::dossier_flow& f, const published_row& p) {
  const std::int64_t got[6] = {f.received.value_or(-1),        f.in_time_total().value_or(-1),
                               f.resolved_late.value_or(-1),   f.pending_in_time.value_or(-1),
                               f.pending_overdue.value_or(-1), f.received_online.value_or(-1)};
  const std::int64_t want[6] = {p.received, p.in_time, p.late, p.pending_in_time, p.pending_overdue, p.online};
  bool ok = true;
  std::printf("%-9s %-8s", level, method);
  for (int k = 0; k < 6; ++k) {
    std::printf(" %9lld", static_cast<long long>(got[k]));
    ok = ok && got[k] == want[k];
  }
  std::printf("   early %lld, on time %lld%s\n", static_cast<long long>(f.resolved_early.value_or(-1)),
              static_cast<long long>(f.resolved_on_time.value_or(-1)), ok ? "" : "   <-- MISMATCH");
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: verify_flow_table dossiers.csv\n";
    return 2;
  }
  const cchc::work_calendar& cal = cchc::vietnam::civil_service_calendar();
  std::vector<cchc::day_number> received, resolved;
  std::vector<std::int32_t> days;
  std::vector<std::uint32_t> unit;
  std::vector<std::uint8_t> online;
  std::map<std::string, std::uint32_t> unit_id;
  std::vector<std::string> unit_level;
  cchc::flow_accumulator by_level(period_first, cutoff, cal, cchc::flow_key::level);
  try {
    cchc::dossier_log_reader reader = cchc::dossier_log_reader::open(argv[1]);
    cchc::dossier d;
    while (reader.next(d)) {
      by_level.add(d);
      if (!d.processing || d.processing->unit != cchc::time_unit::working_days || !d.pauses.empty() ||
          (d.end && d.end->kind != cchc::end_kind::resolved)) {
        std::cerr << "verify_flow_table: dossier " << d.id
                  << ": expected a processing time in working days, no pause, resolved or not ended\n";
        return 2;
      }
      auto it = unit_id.find(d.unit);
      if (it == unit_id.end()) {
        it = unit_id.emplace(d.unit, static_cast<std::uint32_t>(unit_level.size())).first;
        unit_level.push_back(d.level);
      }
      unit.push_back(it->second);
      received.push_back(day_number_of(d.received_at));
      days.push_back(static_cast<std::int32_t>(d.processing->amount));
      resolved.push_back(d.end ? day_number_of(d.end->at) : cchc::not_resolved);
      online.push_back(d.channel == cchc::dossier_channel::online ? 1 : 0);
    }
  } catch (const cchc::error& e) {
    std::cerr << "verify_flow_table: " << e.what() << '\n';
    return 2;
  }

  cchc::dossier_columns cols;
  cols.received = received;
  cols.processing_days = days;
  cols.resolved = resolved;
  cols.unit = unit;
  cols.online = online;
  cchc::outcome_counts counts;
  try {
    counts = cchc::count_outcomes(cols, static_cast<cchc::day_number>(cutoff.time_since_epoch().count()), cal,
                                  {0, static_cast<std::uint32_t>(unit_level.size())});
  } catch (const cchc::error& e) {
    std::cerr << "verify_flow_table: " << e.what() << '\n';
    return 2;
  }

  bool ok = true;
  std::printf("%-9s %-8s %9s %9s %9s %9s %9s %9s\n", "level", "method", "received", "in time", "late",
              "pend.in", "pend.ov", "online");
  for (const published_row& p : published) {
    cchc::dossier_flow bulk = cchc::dossier_flow::zeros();
    for (std::uint32_t u = 0; u < unit_level.size(); ++u)
      if (unit_level[u] == p.level) bulk += counts.flow(u);
    const auto row = by_level.table().find(p.level);
    const cchc::dossier_flow record = row == by_level.table().end() ? cchc::dossier_flow{} : row->second;
    std::printf("%-9s %-8s %9lld %9lld %9lld %9lld %9lld %9lld\n", p.level, "seed",
                static_cast<long long>(p.received), static_cast<long long>(p.in_time),
                static_cast<long long>(p.late), static_cast<long long>(p.pending_in_time),
                static_cast<long long>(p.pending_overdue), static_cast<long long>(p.online));
    ok = compare("bulk", p.level, bulk, p) && ok;
    ok = compare("records", p.level, record, p) && ok;
  }
  std::puts(ok ? "OK: the generated log reproduces the published table (bulk and record-at-a-time)"
               : "MISMATCH");
  return ok ? 0 : 1;
}
