// verify_flow_table — recomputes the one-stop-shop flow table of the generated Trần Đề 2023 dossier
// log with the bulk classifier (cchc/bulk.hpp) and the Vietnamese civil-service calendar, at the
// seed report's cut-off 13/12/2023, and compares it with the figures the district published.
//
// The published figures below are copied from the seed report (shared/seed/000_5b78326431be7284.txt),
// section II.2.2 "Thực hiện cơ chế một cửa, cơ chế một cửa liên thông", table "Kết quả giải quyết hồ
// sơ cho tổ chức, công dân tính từ ngày 15/12/2022 đến ngày 13/12/2023", rows I (UBND huyện) and
// II (UBND cấp xã), and its "Ghi chú" column ("Có 999 / 747 hồ sơ trực tuyến"). They are the
// expected answer; nothing here is derived from the generator.
//
// The CSV is parsed by a small reader in this file (RFC 4180 fields, the columns the generator
// writes), independent of the generator's code.
//
// Usage: verify_flow_table dossiers.csv        exit 0 = the table matches, 1 = it does not, 2 = bad input
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <date/date.h>

#include "cchc/bulk.hpp"
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

// One CSV record (RFC 4180: quoted fields, doubled quotes, commas and newlines inside quotes).
bool read_record(std::istream& in, std::vector<std::string>& fields, long& line) {
  fields.clear();
  std::string field;
  bool quoted = false, any = false;
  int c;
  while ((c = in.get()) != EOF) {
    any = true;
    if (quoted) {
      if (c == '"') {
        if (in.peek() == '"') {
          field += '"';
          in.get();
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += static_cast<char>(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(field);
      field.clear();
    } else if (c == '\r') {
      // tolerate CRLF
    } else if (c == '\n') {
      ++line;
      fields.push_back(field);
      return true;
    } else {
      field += static_cast<char>(c);
    }
  }
  if (!any) return false;
  fields.push_back(field);
  return true;
}

[[noreturn]] void bad(long line, const std::string& what) {
  throw std::runtime_error("line " + std::to_string(line) + ": " + what);
}

std::int32_t parse_day(const std::string& s, long line, const char* column) {
  unsigned y = 0, m = 0, d = 0;
  char tail = 0;
  if (std::sscanf(s.c_str(), "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 &&
      std::sscanf(s.c_str(), "%2u/%2u/%4u%c", &d, &m, &y, &tail) != 3)
    bad(line, std::string(column) + ": expected a date YYYY-MM-DD or dd/mm/yyyy, found '" + s + "'");
  const date::year_month_day ymd{date::year{static_cast<int>(y)}, date::month{m}, date::day{d}};
  if (!ymd.ok()) bad(line, std::string(column) + ": no such date '" + s + "'");
  return static_cast<std::int32_t>(date::sys_days{ymd}.time_since_epoch().count());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: verify_flow_table dossiers.csv\n";
    return 2;
  }
  std::vector<std::int32_t> received, resolved, days;
  std::vector<std::uint32_t> unit;
  std::vector<std::uint8_t> online;
  std::map<std::string, std::uint32_t> unit_id;
  std::vector<std::string> unit_level;
  try {
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) throw std::runtime_error(std::string("cannot open '") + argv[1] + "'");
    std::vector<std::string> f;
    long line = 1;
    if (!read_record(in, f, line)) throw std::runtime_error("empty file");
    if (!f.empty() && f[0].rfind("\xEF\xBB\xBF", 0) == 0) f[0].erase(0, 3);
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < f.size(); ++i) col[f[i]] = i;
    for (const char* need : {"unit", "level", "channel", "received_at", "processing_time", "processing_unit",
                             "resolved_at", "end_kind"})
      if (!col.count(need)) throw std::runtime_error(std::string("missing column '") + need + "'");
    const std::size_t c_unit = col["unit"], c_level = col["level"], c_channel = col["channel"],
                      c_received = col["received_at"], c_days = col["processing_time"],
                      c_dunit = col["processing_unit"], c_resolved = col["resolved_at"], c_end = col["end_kind"];
    long record_line = line;
    while (read_record(in, f, line)) {
      if (f.size() == 1 && f[0].empty()) continue;
      if (f.size() != col.size()) bad(record_line, "expected " + std::to_string(col.size()) + " fields, found " +
                                                      std::to_string(f.size()));
      if (f[c_dunit] != "working_days") bad(record_line, "processing_unit: expected working_days, found '" + f[c_dunit] + "'");
      if (!f[c_end].empty() && f[c_end] != "resolved") bad(record_line, "end_kind: expected resolved or empty, found '" + f[c_end] + "'");
      auto it = unit_id.find(f[c_unit]);
      if (it == unit_id.end()) {
        it = unit_id.emplace(f[c_unit], static_cast<std::uint32_t>(unit_level.size())).first;
        unit_level.push_back(f[c_level]);
      } else if (unit_level[it->second] != f[c_level]) {
        bad(record_line, "unit '" + f[c_unit] + "' appears with two levels");
      }
      unit.push_back(it->second);
      received.push_back(parse_day(f[c_received], record_line, "received_at"));
      resolved.push_back(f[c_resolved].empty() ? cchc::not_resolved : parse_day(f[c_resolved], record_line, "resolved_at"));
      std::size_t used = 0;
      const long n = std::stol(f[c_days], &used);
      if (used != f[c_days].size()) bad(record_line, "processing_time: expected an integer, found '" + f[c_days] + "'");
      days.push_back(static_cast<std::int32_t>(n));
      if (f[c_channel] == "online") online.push_back(1);
      else if (f[c_channel] == "in_person" || f[c_channel] == "post") online.push_back(0);
      else bad(record_line, "channel: expected online, in_person or post, found '" + f[c_channel] + "'");
      record_line = line;
    }
  } catch (const std::exception& e) {
    std::cerr << "verify_flow_table: " << argv[1] << ": " << e.what() << '\n';
    return 2;
  }

  cchc::dossier_columns cols;
  cols.received = received;
  cols.processing_days = days;
  cols.resolved = resolved;
  cols.unit = unit;
  cols.online = online;
  const auto cutoff = static_cast<std::int32_t>(
      date::sys_days{date::year{2023} / 12 / 13}.time_since_epoch().count());
  const cchc::work_calendar& cal = cchc::vietnam::civil_service_calendar();
  cchc::outcome_counts counts;
  try {
    counts = cchc::count_outcomes(cols, cutoff, cal, {0, static_cast<std::uint32_t>(unit_level.size())});
  } catch (const cchc::error& e) {
    std::cerr << "verify_flow_table: " << e.what() << '\n';
    return 2;
  }

  bool ok = true;
  std::printf("%-9s %9s %9s %9s %9s %9s %9s   (computed, then published)\n", "level", "received", "in time",
              "late", "pend.in", "pend.ov", "online");
  for (const published_row& p : published) {
    cchc::dossier_flow f = cchc::dossier_flow::zeros();
    for (std::uint32_t u = 0; u < unit_level.size(); ++u)
      if (unit_level[u] == p.level) f += counts.flow(u);
    const std::int64_t got[6] = {*f.received, *f.resolved_in_time, *f.resolved_late, *f.pending_in_time,
                                 *f.pending_overdue, *f.received_online};
    const std::int64_t want[6] = {p.received, p.in_time, p.late, p.pending_in_time, p.pending_overdue, p.online};
    std::printf("%-9s", p.level);
    for (int k = 0; k < 6; ++k) {
      std::printf(" %9lld", static_cast<long long>(got[k]));
      ok = ok && got[k] == want[k];
    }
    std::printf("\n%-9s", "published");
    for (int k = 0; k < 6; ++k) std::printf(" %9lld", static_cast<long long>(want[k]));
    std::printf("\n");
    std::printf("          early %lld, on time %lld (split not published)\n",
                static_cast<long long>(*f.resolved_early), static_cast<long long>(*f.resolved_on_time));
  }
  std::puts(ok ? "OK: the generated log reproduces the published table" : "MISMATCH");
  return ok ? 0 : 1;
}
