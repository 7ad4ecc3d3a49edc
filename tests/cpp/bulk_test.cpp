#include "cchc/bulk.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "cchc/dossier.hpp"
#include "cchc/vietnam_calendar.hpp"

using namespace date::literals;

namespace {

cchc::day_number dn(date::year_month_day d) {
  return static_cast<cchc::day_number>(date::sys_days{d}.time_since_epoch().count());
}
date::sys_days sys(cchc::day_number d) { return date::sys_days{date::days{d}}; }

const cchc::work_calendar& vn() { return cchc::vietnam::civil_service_calendar(); }

// Random columns with a fixed seed. The test's own integer draws (x % n) are fine here: the data only
// has to be the same between the bulk call and the reference within one run.
struct random_log {
  std::vector<cchc::day_number> received, resolved;
  std::vector<std::int32_t> days;
  std::vector<std::int16_t> days16;
  std::vector<std::uint32_t> unit;
  std::vector<std::uint8_t> online;
  cchc::day_number cutoff = dn(2026_y / 6 / 30);

  random_log(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 g(seed);
    const cchc::day_number first = dn(2020_y / 1 / 1);
    const auto span = static_cast<std::uint64_t>(cutoff - first + 1);
    static const std::array<std::int32_t, 10> lengths{0, 1, 2, 3, 5, 7, 10, 15, 20, 30};
    for (std::size_t i = 0; i < n; ++i) {
      const cchc::day_number r = first + static_cast<cchc::day_number>(g() % span);
      const std::int32_t p = lengths[g() % lengths.size()];
      received.push_back(r);
      days.push_back(p);
      days16.push_back(static_cast<std::int16_t>(p));
      // 8 % never resolved; otherwise 0..59 calendar days after receipt (some after the cut-off).
      resolved.push_back(g() % 100 < 8 ? cchc::not_resolved : r + static_cast<cchc::day_number>(g() % 60));
      unit.push_back(static_cast<std::uint32_t>(g() % 12));
      online.push_back(static_cast<std::uint8_t>(g() % 10 == 0));
    }
  }
  cchc::dossier_columns columns(bool narrow = false) const {
    cchc::dossier_columns c;
    c.received = received;
    if (narrow) c.processing_days = days16;
    else c.processing_days = days;
    c.resolved = resolved;
    c.unit = unit;
    c.online = online;
    return c;
  }
};

// The record-at-a-time answer for row i: a cchc::dossier built from the row, judged by outcome_at.
cchc::outcome record_outcome(const random_log& log, std::size_t i, cchc::dossier& d) {
  d.received_at = cchc::civil_time_at(sys(log.received[i]), {});
  d.processing = cchc::processing_time{cchc::time_unit::working_days, log.days[i]};
  d.channel = log.online[i] ? cchc::dossier_channel::online : cchc::dossier_channel::in_person;
  if (log.resolved[i] == cchc::not_resolved)
    d.end.reset();
  else
    d.end = cchc::dossier_end{cchc::end_kind::resolved, cchc::civil_time_at(sys(log.resolved[i]), {})};
  return cchc::outcome_at(d, sys(log.cutoff), vn());
}


// The same rule written with the calendar's record-at-a-time API (add_working_days), as a second,
// independent reference.
std::uint8_t calendar_outcome(const random_log& log, std::size_t i) {
  const date::sys_days receipt = vn().add_working_days(sys(log.received[i]), 0);
  const cchc::day_number due =
      static_cast<cchc::day_number>(vn().add_working_days(receipt, log.days[i]).time_since_epoch().count());
  const cchc::day_number s = log.resolved[i];
  if (s == cchc::not_resolved || s > log.cutoff) return log.cutoff <= due ? 3 : 4;
  return s < due ? 0 : s == due ? 1 : 2;
}

// One row classified on its own.
std::uint8_t one(cchc::day_number received, std::int32_t days, cchc::day_number resolved,
                 cchc::day_number cutoff) {
  const std::vector<cchc::day_number> r{received}, s{resolved};
  const std::vector<std::int32_t> p{days};
  cchc::dossier_columns c;
  c.received = r;
  c.processing_days = p;
  c.resolved = s;
  std::vector<std::uint8_t> out(1, 255);
  cchc::classify_columns(c, cutoff, vn(), out);
  return out[0];
}

constexpr std::uint8_t early = 0, on_time = 1, late = 2, pending_in = 3, pending_over = 4;

}  // namespace

TEST_CASE("bulk: the header's example") {
  const cchc::day_number cutoff = dn(2023_y / 12 / 13);
  std::vector<std::int32_t> received{dn(2023_y / 12 / 1), dn(2023_y / 12 / 12)},
      resolved{dn(2023_y / 12 / 5), cchc::not_resolved};                   // days since 1970-01-01
  std::vector<std::int16_t> days{3, 5};                                       // processing time, working days
  std::vector<std::uint32_t> unit{0, 1};                                      // 0 .. U-1
  cchc::dossier_columns cols;
  cols.received = received;  cols.processing_days = days;  cols.resolved = resolved;
  cols.unit = unit;
  const auto& cal = cchc::vietnam::civil_service_calendar();
  std::vector<std::uint8_t> codes(received.size());
  cchc::outcome_counts n = cchc::classify_and_count(cols, cutoff, cal, codes, {/*threads=*/0});
  cchc::dossier_flow district = n.flow(0);                                    // Biểu 06 row of unit 0
  // Fri 01/12 + 3 working days = Wed 06/12: resolved Tue 05/12 is early; Tue 12/12 + 5 = Tue 19/12.
  CHECK(codes == std::vector<std::uint8_t>{0, 3});
  CHECK(*district.resolved_early == 1);
  CHECK(*n.flow(1).pending_in_time == 1);
}

TEST_CASE("bulk: codes are the stable cchc::outcome codes") {
  CHECK(static_cast<int>(cchc::outcome::early) == early);
  CHECK(static_cast<int>(cchc::outcome::on_time) == on_time);
  CHECK(static_cast<int>(cchc::outcome::late) == late);
  CHECK(static_cast<int>(cchc::outcome::pending_in_time) == pending_in);
  CHECK(static_cast<int>(cchc::outcome::pending_overdue) == pending_over);
}

TEST_CASE("bulk: random dossiers classify as the calendar's add_working_days says") {
  const random_log log(400000, 4242);
  std::vector<std::uint8_t> codes(log.received.size(), 255);
  cchc::classify_columns(log.columns(), log.cutoff, vn(), codes, {2, 0});
  std::size_t mismatches = 0;
  for (std::size_t i = 0; i < codes.size(); ++i) mismatches += codes[i] != calendar_outcome(log, i);
  CHECK(mismatches == 0);
}

TEST_CASE("bulk: a million random dossiers classify as outcome_at does, for 1 and 2 threads") {
  const random_log log(1000000, 20231213);
  // Reference: outcome_at on a cchc::dossier per row.
  std::vector<std::uint8_t> expected(log.received.size());
  cchc::dossier d;
  d.unit = "u";
  d.level = "commune";
  for (std::size_t i = 0; i < expected.size(); ++i)
    expected[i] = static_cast<std::uint8_t>(record_outcome(log, i, d));
  // Every class occurs, so the comparison covers them all.
  std::array<std::size_t, 5> seen{};
  for (auto c : expected) ++seen.at(c);
  for (auto n : seen) CHECK(n > 1000);

  for (unsigned threads : {1u, 2u}) {
    CAPTURE(threads);
    std::vector<std::uint8_t> codes(expected.size(), 255);
    const cchc::outcome_counts n = cchc::classify_and_count(log.columns(), log.cutoff, vn(), codes, {threads, 0});
    std::size_t mismatches = 0, first_mismatch = 0;
    for (std::size_t i = 0; i < codes.size(); ++i)
      if (codes[i] != expected[i] && mismatches++ == 0) first_mismatch = i;
    CHECK(mismatches == 0);
    if (mismatches) {
      CAPTURE(first_mismatch);
      CHECK(int(codes[first_mismatch]) == int(expected[first_mismatch]));
    }
    // Counts agree with the codes, unit by unit and channel by channel.
    std::vector<std::int64_t> tally(12 * 2 * 5, 0);
    for (std::size_t i = 0; i < codes.size(); ++i) ++tally[(log.unit[i] * 2 + log.online[i]) * 5 + expected[i]];
    CHECK(n.unit_count() == 12);
    CHECK(n.has_channel());
    CHECK(n.raw() == tally);
  }
}

TEST_CASE("bulk: results do not depend on the thread count or the processing-days width") {
  const random_log log(300000, 7);
  const cchc::outcome_counts one_thread = cchc::count_outcomes(log.columns(), log.cutoff, vn(), {1, 0});
  for (unsigned threads : {0u, 2u, 3u, 8u}) {
    CAPTURE(threads);
    CHECK(cchc::count_outcomes(log.columns(), log.cutoff, vn(), {threads, 0}) == one_thread);
    CHECK(cchc::count_outcomes(log.columns(true), log.cutoff, vn(), {threads, 0}) == one_thread);
  }
  std::vector<std::uint8_t> a(log.received.size()), b(log.received.size());
  cchc::classify_columns(log.columns(), log.cutoff, vn(), a, {1, 0});
  cchc::classify_columns(log.columns(true), log.cutoff, vn(), b, {3, 0});
  CHECK(a == b);
}

TEST_CASE("bulk: counts are mergeable — two halves add up to the whole") {
  const random_log log(200000, 99);
  const cchc::dossier_columns all = log.columns();
  const std::size_t h = 123457;
  cchc::dossier_columns first, second;
  first.received = {log.received.data(), h};
  first.processing_days = cchc::column_view<std::int32_t>(log.days.data(), h);
  first.resolved = {log.resolved.data(), h};
  first.unit = {log.unit.data(), h};
  first.online = {log.online.data(), h};
  const std::size_t rest = log.received.size() - h;
  second.received = {log.received.data() + h, rest};
  second.processing_days = cchc::column_view<std::int32_t>(log.days.data() + h, rest);
  second.resolved = {log.resolved.data() + h, rest};
  second.unit = {log.unit.data() + h, rest};
  second.online = {log.online.data() + h, rest};
  const auto whole = cchc::count_outcomes(all, log.cutoff, vn());
  const auto a = cchc::count_outcomes(first, log.cutoff, vn());
  const auto b = cchc::count_outcomes(second, log.cutoff, vn());
  CHECK(a + b == whole);
  CHECK(cchc::outcome_counts{} + whole == whole);  // the empty value is neutral
  // The flow rows add up like the counts, and each row satisfies the Biểu 06 identities.
  cchc::dossier_flow sum = cchc::dossier_flow::zeros();
  for (std::uint32_t u = 0; u < whole.unit_count(); ++u) {
    CHECK(whole.flow(u).check().empty());
    sum += whole.flow(u);
  }
  CHECK(sum == whole.total_flow());
  CHECK(*whole.total_flow().received == static_cast<std::int64_t>(log.received.size()));
}

TEST_CASE("bulk: edge cases on the Vietnamese civil-service calendar (hand-checked days)") {
  // Received on a Tết holiday (Fri 20/01/2023; Tết off 20/01 – 26/01, CV 8056/VPCP-KGVX): the
  // receipt day is Fri 27/01, one working day later is Mon 30/01.
  const auto tet = dn(2023_y / 1 / 20);
  CHECK(one(tet, 1, dn(2023_y / 1 / 30), dn(2023_y / 12 / 31)) == on_time);
  CHECK(one(tet, 1, dn(2023_y / 1 / 27), dn(2023_y / 12 / 31)) == early);
  CHECK(one(tet, 1, dn(2023_y / 1 / 31), dn(2023_y / 12 / 31)) == late);
  // Processing time 0: due on the receipt day itself.
  CHECK(one(tet, 0, dn(2023_y / 1 / 27), dn(2023_y / 12 / 31)) == on_time);
  CHECK(one(tet, 0, dn(2023_y / 1 / 30), dn(2023_y / 12 / 31)) == late);
  // Make-up Saturday 04/05/2024 (CV 2450/VPCP-KGVX): received Fri 03/05 with 1 working day is due
  // on that Saturday; received on the Saturday itself, it counts from the Saturday (due Mon 06/05).
  CHECK(one(dn(2024_y / 5 / 3), 1, dn(2024_y / 5 / 4), dn(2024_y / 12 / 31)) == on_time);
  CHECK(one(dn(2024_y / 5 / 3), 1, dn(2024_y / 5 / 6), dn(2024_y / 12 / 31)) == late);
  CHECK(one(dn(2024_y / 5 / 4), 1, dn(2024_y / 5 / 6), dn(2024_y / 12 / 31)) == on_time);
  // Swapped day off Mon 29/04/2024 and the 30/4 – 1/5 holidays: received Fri 26/04, 1 working day
  // → Thu 02/05.
  CHECK(one(dn(2024_y / 4 / 26), 1, dn(2024_y / 5 / 2), dn(2024_y / 12 / 31)) == on_time);
  CHECK(one(dn(2024_y / 4 / 26), 1, dn(2024_y / 4 / 29), dn(2024_y / 12 / 31)) == early);
  // Unresolved: cut-off == due → within deadline; the day after → overdue.
  const auto rec = dn(2023_y / 12 / 11);  // Mon; 3 working days → Thu 14/12
  CHECK(one(rec, 3, cchc::not_resolved, dn(2023_y / 12 / 14)) == pending_in);
  CHECK(one(rec, 3, cchc::not_resolved, dn(2023_y / 12 / 13)) == pending_in);
  CHECK(one(rec, 3, cchc::not_resolved, dn(2023_y / 12 / 15)) == pending_over);
  // Resolved after the cut-off: pending at the cut-off, judged against the cut-off.
  CHECK(one(rec, 3, dn(2023_y / 12 / 14), dn(2023_y / 12 / 13)) == pending_in);
  CHECK(one(rec, 1, dn(2023_y / 12 / 14), dn(2023_y / 12 / 13)) == pending_over);  // due Tue 12/12
  // Resolved on the cut-off day counts as resolved.
  CHECK(one(rec, 1, dn(2023_y / 12 / 13), dn(2023_y / 12 / 13)) == late);
  CHECK(one(rec, 3, dn(2023_y / 12 / 13), dn(2023_y / 12 / 13)) == early);
  // Received on the cut-off day itself.
  CHECK(one(dn(2023_y / 12 / 13), 1, cchc::not_resolved, dn(2023_y / 12 / 13)) == pending_in);
}

TEST_CASE("bulk: per-unit counts and the flow row") {
  // unit 0: early, on time, late; unit 2: pending within, pending overdue (online). Unit 1 is empty.
  const auto r = dn(2023_y / 12 / 4);  // Mon; 3 working days → Thu 07/12
  const std::vector<cchc::day_number> received{r, r, r, r, r - 30};
  const std::vector<std::int16_t> days{3, 3, 3, 5, 3};
  const std::vector<cchc::day_number> resolved{dn(2023_y / 12 / 6), dn(2023_y / 12 / 7), dn(2023_y / 12 / 8),
                                               cchc::not_resolved, cchc::not_resolved};
  const std::vector<std::uint32_t> unit{0, 0, 0, 2, 2};
  const std::vector<std::uint8_t> online{0, 0, 0, 1, 1};
  cchc::dossier_columns c;
  c.received = received;
  c.processing_days = days;
  c.resolved = resolved;
  c.unit = unit;
  c.online = online;
  const auto n = cchc::count_outcomes(c, dn(2023_y / 12 / 11), vn());
  CHECK(n.unit_count() == 3);
  CHECK(n.count(0, cchc::outcome::early) == 1);
  CHECK(n.count(0, cchc::outcome::on_time) == 1);
  CHECK(n.count(0, cchc::outcome::late) == 1);
  CHECK(n.count(2, cchc::outcome::pending_in_time) == 1);
  CHECK(n.count(2, cchc::outcome::pending_overdue) == 1);
  CHECK(n.online(2, cchc::outcome::pending_overdue) == 1);
  CHECK(n.received(1) == 0);
  CHECK(n.total(cchc::outcome::late) == 1);
  const cchc::dossier_flow f0 = n.flow(0);
  CHECK(*f0.received == 3);
  CHECK(*f0.resolved == 3);
  CHECK(*f0.resolved_in_time == 2);
  CHECK(*f0.resolved_late == 1);
  CHECK(*f0.pending == 0);
  CHECK(*f0.received_online == 0);
  CHECK(*f0.received_offline == 3);
  const cchc::dossier_flow f2 = n.flow(2);
  CHECK(*f2.pending_in_time == 1);
  CHECK(*f2.pending_overdue == 1);
  CHECK(*f2.received_online == 2);
  CHECK(*f2.online_resolved == 0);
  CHECK(f0.check().empty());
  CHECK(f2.check().empty());
  CHECK_THROWS_AS((void)n.flow(3), cchc::range_error);
  CHECK_THROWS_AS((void)n.count(0, cchc::outcome::returned), cchc::argument_error);
  // unit_count larger than the ids present keeps the empty units.
  CHECK(cchc::count_outcomes(c, dn(2023_y / 12 / 11), vn(), {1, 12}).unit_count() == 12);
  // Without a channel column the online figures are absent, not zero.
  c.online = {};
  CHECK_FALSE(cchc::count_outcomes(c, dn(2023_y / 12 / 11), vn()).flow(0).received_online.has_value());
  // An empty input gives empty counts.
  CHECK(cchc::count_outcomes(cchc::dossier_columns{}, 0, vn()).received(0) == 0);
}

TEST_CASE("bulk: errors name the column or the first bad row") {
  random_log log(200000, 5);
  auto expect = [&](auto ex_type_tag, const std::string& needle, unsigned threads) {
    using E = typename decltype(ex_type_tag)::type;
    try {
      (void)cchc::count_outcomes(log.columns(), log.cutoff, vn(), {threads, 12});
      FAIL("no exception");
    } catch (const E& e) {
      CAPTURE(e.what());
      CHECK(std::string(e.what()).find(needle) != std::string::npos);
    }
  };
  struct range_tag { using type = cchc::range_error; };
  struct argument_tag { using type = cchc::argument_error; };

  SUBCASE("lengths") {
    log.resolved.pop_back();
    expect(argument_tag{}, "resolved", 1);
    log.resolved.push_back(cchc::not_resolved);
    log.unit.push_back(0);
    expect(argument_tag{}, "unit", 1);
    log.unit.pop_back();
    std::vector<std::uint8_t> out(10);
    CHECK_THROWS_AS(cchc::classify_columns(log.columns(), log.cutoff, vn(), out), cchc::argument_error);
  }
  SUBCASE("the first bad row is reported, whatever the thread count") {
    log.days[150000] = -1;  // in the second thread's half
    log.received[170001] = dn(1899_y / 12 / 31);
    for (unsigned t : {1u, 2u}) expect(argument_tag{}, "row 150000", t);
    log.received[120000] = dn(2200_y / 1 / 1);
    for (unsigned t : {1u, 2u}) expect(range_tag{}, "row 120000", t);
    log.received[3] = log.cutoff + 1;
    for (unsigned t : {1u, 2u}) expect(argument_tag{}, "row 3", t);
  }
  SUBCASE("resolved before received") {
    log.resolved[777] = log.received[777] - 1;
    expect(argument_tag{}, "row 777", 2);
  }
  SUBCASE("unit out of range") {
    log.unit[4242] = 12;
    expect(range_tag{}, "row 4242", 2);
    // Without unit_count, a stray huge id is an error, not a giant allocation.
    log.unit[4242] = 4000000000u;
    CHECK_THROWS_AS((void)cchc::count_outcomes(log.columns(), log.cutoff, vn()), cchc::range_error);
    CHECK_THROWS_AS((void)cchc::count_outcomes(log.columns(), log.cutoff, vn(), {1, 1u << 25}),
                    cchc::argument_error);
  }
  SUBCASE("due past the calendar's last day") {
    log.cutoff = dn(2199_y / 12 / 31);
    log.received[9] = dn(2199_y / 12 / 30);
    log.days[9] = 5;
    expect(range_tag{}, "row 9", 1);
  }
  SUBCASE("a negative processing time in a 16-bit column") {
    log.days16[11] = -3;
    try {
      (void)cchc::count_outcomes(log.columns(true), log.cutoff, vn());
      FAIL("no exception");
    } catch (const cchc::argument_error& e) {
      CHECK(e.where().field == "processing_days");
      CHECK(e.where().path == "row 11");
    }
  }
}
