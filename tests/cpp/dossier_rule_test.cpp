// The one dossier rule, three ways: the record path (due_of, outcome_at, flow_accumulator), the
// columnar path (classify_batch) and a slow reference written here from docs/dossiers.md §1 — day by
// day, minute by minute, session by session, with only the calendar's public is_working_day — on
// random dossiers of every kind (every processing unit, receipt cut-offs, promised dates with and
// without a time, 0–4 overlapping pauses, repeated supplement requests, every end kind, ends after
// the cut-off, carried-over and excluded dossiers). Fixed seeds: a failure is reproducible.
#include <doctest/doctest.h>

#include <algorithm>
#include <limits>
#include <optional>
#include <random>
#include <vector>

#include "cchc/dossier.hpp"
#include "cchc/dossier_batch.hpp"
#include "cchc/vietnam_calendar.hpp"

using namespace std::chrono_literals;
using std::chrono::minutes;
using cchc::date_time;
using days = date::sys_days;

namespace {

const cchc::work_calendar& cal() { return cchc::vietnam::civil_service_calendar(); }
bool working(days d) { return cal().is_working_day(d); }
days next_working(days d) {
  do d += date::days{1};
  while (!working(d));
  return d;
}
// The day number (for the calendar) of a civil time, its time of day, and back.
days day_of(date_time t) { return cchc::day_number_of(t); }
minutes tod(date_time t) { return t - date::floor<date::days>(t); }
date_time civil(days d) { return cchc::civil_time_at(d, minutes{0}); }

// ---- the reference -------------------------------------------------------------------------------
const cchc::office_hours hours{};

days ref_receipt(date_time at, std::optional<minutes> cutoff) {
  const days d = day_of(at);
  if (!working(d) || (cutoff && tod(at) > *cutoff)) return next_working(d);
  return d;
}

std::vector<cchc::pause> ref_merge(std::vector<cchc::pause> ps) {
  std::sort(ps.begin(), ps.end(), [](auto& a, auto& b) { return a.from < b.from; });
  std::vector<cchc::pause> out;
  for (auto& p : ps)
    if (!out.empty() && p.from <= out.back().to) out.back().to = std::max(out.back().to, p.to);
    else out.push_back(p);
  return out;
}

// Working days in (a, b], counted one by one.
long wd_between(days a, days b) {
  long n = 0;
  for (days d = a + date::days{1}; d <= b; d += date::days{1}) n += working(d) ? 1 : 0;
  return n;
}

// The due day after a pause (s, e] that starts on or before `due`: the working days left after s are
// counted after e; none left → e, or the next working day.
days extend(days due, days s, days e) {
  long left = wd_between(s, due);
  days d = e;
  if (left == 0) return working(d) ? d : next_working(d);
  while (left > 0) {
    d += date::days{1};
    if (working(d)) --left;
  }
  return d;
}

bool in_office(date_time t) {  // the minute starting at t is an office minute
  if (!working(day_of(t))) return false;
  const minutes m = tod(t);
  return (m >= hours.morning.start && m < hours.morning.end) || (m >= hours.afternoon.start && m < hours.afternoon.end);
}
date_time step_minutes(date_time t, long n) {  // the end of the n-th office minute from t
  while (n > 0) {
    if (in_office(t)) --n;
    t += 1min;
  }
  return t;
}
long office_minutes_between(date_time a, date_time b) {
  long n = 0;
  for (date_time t = a; t < b; t += 1min) n += in_office(t) ? 1 : 0;
  return n;
}

// Half days: every session of every working day, in order; a session is (day, 0 morning | 1 afternoon).
struct session {
  days day;
  int half;
  date_time end() const { return civil(day) + (half == 0 ? hours.morning.end : hours.afternoon.end); }
};
session session_at(date_time t) {  // in progress at t, or the next to start
  days d = day_of(t);
  if (!working(d)) return {next_working(d), 0};
  if (tod(t) < hours.morning.end) return {d, 0};
  if (tod(t) < hours.afternoon.end) return {d, 1};
  return {next_working(d), 0};
}
session next_session(session s) { return s.half == 0 ? session{s.day, 1} : session{next_working(s.day), 0}; }
long sessions_between(session a, session b) {  // b after a: how many steps
  long n = 0;
  while (!(a.day == b.day && a.half == b.half)) {
    a = next_session(a);
    ++n;
  }
  return n;
}
session advance(session s, long n) {
  while (n-- > 0) s = next_session(s);
  return s;
}
bool before(session a, session b) { return a.day < b.day || (a.day == b.day && a.half < b.half); }

cchc::due_date ref_due(const cchc::dossier& d, std::optional<minutes> rule_cutoff) {
  const std::optional<minutes> cutoff = d.receipt_cutoff ? d.receipt_cutoff : rule_cutoff;
  const days r = ref_receipt(d.received_at, cutoff);
  const auto ps = ref_merge(d.pauses);
  const bool hourly = d.processing && (d.processing->unit == cchc::time_unit::working_hours ||
                                       d.processing->unit == cchc::time_unit::half_days);
  if (d.promised_at) {
    days due = day_of(*d.promised_at);
    for (auto& p : ps) {
      const days s = std::max(day_of(p.from), std::min(r, due));
      if (s > due) break;
      if (day_of(p.to) > s) due = extend(due, s, day_of(p.to));  // a wait within one day moves nothing
    }
    cchc::due_date out{due, std::nullopt};
    if (hourly && d.promised_has_time) out.time = tod(*d.promised_at);
    return out;
  }
  const long n = d.processing->amount;
  switch (d.processing->unit) {
    case cchc::time_unit::working_days:
    case cchc::time_unit::same_day: {
      days due = r;
      for (long k = d.processing->unit == cchc::time_unit::same_day ? 0 : n; k > 0;) {
        due += date::days{1};
        if (working(due)) --k;
      }
      for (auto& p : ps) {
        const days s = std::max(day_of(p.from), r);
        if (s > due) break;
        if (day_of(p.to) > s) due = extend(due, s, day_of(p.to));  // a wait within one day moves nothing
      }
      return {due, std::nullopt};
    }
    case cchc::time_unit::calendar_days: {
      auto adj = [](days x) { return working(x) ? x : next_working(x); };
      days end = r + date::days{n};
      for (auto& p : ps) {
        const days s = std::max(day_of(p.from), r);
        if (s > adj(end)) break;
        const days e = std::max(day_of(p.to), s);
        end = e + std::max(end - s, date::days{0});
      }
      return {adj(end), std::nullopt};
    }
    case cchc::time_unit::working_hours: {
      const bool moved = r != day_of(d.received_at);
      const date_time start = moved ? civil(r) + hours.morning.start : d.received_at;
      date_time due = step_minutes(start, n * 60);
      if (n == 0) due = start;
      for (auto& p : ps) {
        if (p.from > due) break;
        const long left = office_minutes_between(std::max(p.from, start), due);
        const date_time resume = std::max(p.to, start);
        due = left == 0 ? std::max(p.to, due) : step_minutes(resume, left);
        // step_minutes ends at the end of the last counted minute; a resume inside a minute is
        // not possible (minute resolution).
      }
      return {day_of(due), tod(due)};
    }
    case cchc::time_unit::half_days: {
      const bool moved = r != day_of(d.received_at);
      const session rs = moved ? session{r, 0} : session_at(d.received_at);
      session due = advance(rs, n);
      for (auto& p : ps) {
        if (p.from > due.end()) break;
        session from = session_at(p.from);
        if (before(from, rs)) from = rs;
        const long left = before(due, from) ? 0 : sessions_between(from, due);
        session to = session_at(p.to);
        if (before(to, from)) to = from;
        due = advance(to, left);
      }
      return {due.day, tod(due.end())};
    }
  }
  FAIL("unknown unit");
  return {};
}

cchc::outcome ref_outcome(const cchc::dossier& d, days cutoff, std::optional<minutes> rule_cutoff,
                          std::optional<cchc::due_date>* due_out) {
  const bool ended = d.end && day_of(d.end->at) <= cutoff;
  if (ended && d.end->kind == cchc::end_kind::returned) return cchc::outcome::returned;
  if (ended && d.end->kind == cchc::end_kind::withdrawn) return cchc::outcome::withdrawn;
  const cchc::due_date due = ref_due(d, rule_cutoff);
  *due_out = due;
  if (!ended) {
    if (d.supplement_requests > 1 || cutoff > due.day) return cchc::outcome::pending_overdue;
    return cchc::outcome::pending_in_time;
  }
  if (d.supplement_requests > 1) return cchc::outcome::late;
  const days e = day_of(d.end->at);
  if (e < due.day) return cchc::outcome::early;
  if (e > due.day) return cchc::outcome::late;
  if (due.time && d.end->at > civil(due.day) + *due.time) return cchc::outcome::late;
  return cchc::outcome::on_time;
}

// ---- random dossiers -----------------------------------------------------------------------------
struct generator {
  std::mt19937_64 rng;
  explicit generator(std::uint64_t seed) : rng(seed) {}
  long uniform(long lo, long hi) { return std::uniform_int_distribution<long>(lo, hi)(rng); }
  bool chance(int percent) { return uniform(1, 100) <= percent; }
  date_time instant(days base, long max_days) {
    // Office-ish times most of the time, any minute otherwise (boundaries matter: 07:30, 11:30, 15:00, 17:00).
    static const long marks[] = {0, 7 * 60 + 29, 7 * 60 + 30, 11 * 60 + 30, 13 * 60 + 30, 15 * 60, 15 * 60 + 1, 17 * 60, 23 * 60 + 59};
    const long m = chance(30) ? marks[uniform(0, 8)] : uniform(0, 1439);
    return civil(base + date::days{uniform(0, max_days)}) + minutes{m};
  }

  cchc::dossier next(int id) {
    cchc::dossier d;
    d.id = "R" + std::to_string(id);
    d.channel = static_cast<cchc::dossier_channel>(uniform(0, 2));
    d.received_at = instant(days{date::year{2023} / 1 / 1}, 700);
    const auto unit = static_cast<cchc::time_unit>(uniform(0, 4));
    const long amount = unit == cchc::time_unit::same_day ? uniform(0, 1)
                        : unit == cchc::time_unit::working_hours ? uniform(0, 40)
                        : unit == cchc::time_unit::half_days   ? uniform(0, 12)
                                                               : uniform(0, 30);
    d.processing = cchc::processing_time{unit, amount};
    if (chance(20)) {
      d.promised_at = instant(day_of(d.received_at), 40);
      if (*d.promised_at < d.received_at) d.promised_at = d.received_at;
      d.promised_has_time = chance(50);
      if (chance(30)) d.processing.reset();  // a promised date alone
    }
    if (chance(25)) d.receipt_cutoff = minutes{15 * 60};
    const long pauses = chance(50) ? 0 : uniform(1, 4);
    for (long k = 0; k < pauses; ++k) {
      const date_time from = instant(day_of(d.received_at), 25);
      const date_time f = from < d.received_at ? d.received_at : from;
      d.pauses.push_back({f, f + minutes{uniform(0, 10 * 1440)}});
    }
    d.supplement_requests = pauses > 0 ? static_cast<int>(uniform(1, 3)) : static_cast<int>(uniform(0, 2) == 2 ? 2 : 0);
    if (chance(75)) {
      static const cchc::end_kind kinds[] = {cchc::end_kind::resolved, cchc::end_kind::resolved, cchc::end_kind::resolved,
                                             cchc::end_kind::returned, cchc::end_kind::withdrawn,
                                             cchc::end_kind::suspended};
      const date_time at = instant(day_of(d.received_at), 70);
      d.end = cchc::dossier_end{kinds[uniform(0, 5)], at < d.received_at ? d.received_at : at};
    }
    d.apology = chance(10);
    return d;
  }
};

// The dossiers of `ds` as columns.
struct columns {
  std::vector<std::int64_t> received, promised, pause_offsets{0}, pause_from, pause_to, ended;
  std::vector<std::int32_t> amount, requests;
  std::vector<std::uint8_t> unit, has_time, end_kind, channel, apology;
  std::vector<std::int16_t> cutoff;
  std::vector<std::uint32_t> key;

  explicit columns(const std::vector<cchc::dossier>& ds) {
    for (const auto& d : ds) {
      received.push_back(d.received_at.time_since_epoch().count());
      amount.push_back(d.processing ? static_cast<std::int32_t>(d.processing->amount) : INT32_MIN);
      unit.push_back(d.processing ? static_cast<std::uint8_t>(d.processing->unit) : 0);
      promised.push_back(d.promised_at ? d.promised_at->time_since_epoch().count() : cchc::no_time);
      has_time.push_back(d.promised_has_time ? 1 : 0);
      cutoff.push_back(d.receipt_cutoff ? static_cast<std::int16_t>(d.receipt_cutoff->count()) : cchc::no_cutoff);
      for (const auto& p : d.pauses) {
        pause_from.push_back(p.from.time_since_epoch().count());
        pause_to.push_back(p.to.time_since_epoch().count());
      }
      pause_offsets.push_back(static_cast<std::int64_t>(pause_from.size()));
      requests.push_back(d.supplement_requests);
      end_kind.push_back(d.end ? static_cast<std::uint8_t>(d.end->kind) : cchc::no_end_kind);
      ended.push_back(d.end ? d.end->at.time_since_epoch().count() : cchc::no_time);
      channel.push_back(static_cast<std::uint8_t>(d.channel));
      apology.push_back(d.apology ? 1 : 0);
      key.push_back(static_cast<std::uint32_t>(d.channel));
    }
  }
  cchc::dossier_batch batch() const {
    cchc::dossier_batch b;
    b.received = received;
    b.amount = amount;
    b.unit_of_time = unit;
    b.promised = promised;
    b.promised_has_time = has_time;
    b.receipt_cutoff = cutoff;
    b.pause_offsets = pause_offsets;
    b.pause_from = pause_from;
    b.pause_to = pause_to;
    b.supplement_requests = requests;
    b.end_kind = end_kind;
    b.ended = ended;
    b.channel = channel;
    b.apology = apology;
    b.keys = {key};
    return b;
  }
};

std::string text(const cchc::due_date& d) {
  return date::format("%F", d.day) + (d.time ? " " + std::to_string(d.time->count()) + "min" : "");
}
std::string describe(const cchc::dossier& d) {
  std::string s = "received " + date::format("%F %H:%M %a", d.received_at);
  if (d.processing) s += " " + std::to_string(d.processing->amount) + " " + std::string(cchc::to_string(d.processing->unit));
  if (d.promised_at) s += " promised " + date::format("%F %H:%M", *d.promised_at) + (d.promised_has_time ? "(t)" : "");
  if (d.receipt_cutoff) s += " cutoff15";
  for (auto& p : d.pauses) s += " pause " + date::format("%F %H:%M %a", p.from) + " – " + date::format("%F %H:%M %a", p.to);
  return s;
}

}  // namespace

TEST_CASE("record path = columnar path = reference, on random dossiers of every kind") {
  for (std::uint64_t seed : {1u, 2u, 3u, 4u, 5u, 6u}) {
    CAPTURE(seed);
    generator g(seed);
    std::vector<cchc::dossier> ds;
    for (int i = 0; i < 1500; ++i) ds.push_back(g.next(i));
    const std::optional<minutes> rule_cutoff = seed % 3 == 0 ? std::optional<minutes>(16h) : std::nullopt;
    cchc::receipt_rule rule;
    rule.cutoff = rule_cutoff;
    const days first{date::year{2023} / 12 / 15}, last{date::year{2024} / 6 / 30};

    // Per dossier: the deadline and the outcome at `last`.
    for (const auto& d : ds) {
      if (day_of(d.received_at) > last) continue;
      CAPTURE(d.id);
      std::optional<cchc::due_date> ref;
      const cchc::outcome expected = ref_outcome(d, last, rule_cutoff, &ref);
      const cchc::judgement j = cchc::judge(d, last, cal(), rule);
      CHECK(j.result == expected);
      CHECK(cchc::outcome_at(d, last, cal(), rule) == expected);
      if (ref) {
        REQUIRE(j.due);
        INFO(describe(d) << " kernel " << text(*j.due) << " reference " << text(*ref));
        CHECK(j.due->day == ref->day);
        CHECK(j.due->time == ref->time);
        CHECK(cchc::due_of(d, cal(), rule) == *ref);
      }
    }

    // The period's flow: accumulator = batch = reference tally; per key too; codes per row.
    cchc::flow_accumulator acc(first, last, cal(), cchc::flow_key::channel, rule);
    long ref_received = 0, ref_carried = 0, ref_late = 0, ref_overdue = 0, ref_rw = 0;
    std::vector<std::uint8_t> ref_codes;
    for (const auto& d : ds) {
      acc.add(d);
      const days r = day_of(d.received_at);
      const bool carried = r < first;
      if (r > last || (carried && d.end && day_of(d.end->at) < first)) {
        ref_codes.push_back(cchc::not_counted);
        continue;
      }
      std::optional<cchc::due_date> due;
      const cchc::outcome o = ref_outcome(d, last, rule_cutoff, &due);
      ref_codes.push_back(static_cast<std::uint8_t>(o));
      ++ref_received;
      ref_carried += carried;
      ref_late += o == cchc::outcome::late;
      ref_overdue += o == cchc::outcome::pending_overdue;
      ref_rw += o == cchc::outcome::returned || o == cchc::outcome::withdrawn;
    }
    const columns c(ds);
    for (unsigned threads : {1u, 2u, 3u}) {
      CAPTURE(threads);
      std::vector<std::uint8_t> codes(ds.size());
      cchc::batch_options opt;
      opt.threads = threads;
      const cchc::batch_counts t = cchc::classify_batch(c.batch(), first, last, cal(), rule, codes, opt);
      CHECK(codes == ref_codes);
      CHECK(t.total() == acc.flow());
      REQUIRE(t.groups().size() == acc.table().size());
      for (const auto& grp : t.groups()) {
        const std::string name(cchc::to_string(static_cast<cchc::dossier_channel>(grp.key.at(0))));
        CHECK(grp.flow == acc.table().at(name));
      }
    }
    // Rows that need none of the promised, pause, cut-off and supplement-request columns (the same
    // dossiers stripped of them, most in working days), with those columns left out and kept (all
    // empty values): classify_batch's chunked fast path (dossier_batch.cpp) must give the
    // reference's codes and the accumulator's table too — over the period above (ending on a
    // Sunday) and over one ending on a working day (Fri 28/06/2024), so that pending dossiers due on
    // the cut-off day itself occur.
    {
      std::vector<cchc::dossier> plain;
      for (int i = 0; i < 6000; ++i) {
        cchc::dossier d = g.next(i);
        d.promised_at.reset();
        d.promised_has_time = false;
        d.receipt_cutoff.reset();
        d.pauses.clear();
        d.supplement_requests = 0;
        if (!d.processing || g.chance(60)) d.processing = cchc::processing_time{cchc::time_unit::working_days, g.uniform(0, 30)};
        plain.push_back(std::move(d));
      }
      const columns pc(plain);
      for (const days plain_last : {last, days{date::year{2024} / 6 / 28}}) {
        CAPTURE(date::format("%F", plain_last));
        std::vector<std::uint8_t> plain_ref;
        cchc::flow_accumulator plain_acc(first, plain_last, cal(), cchc::flow_key::channel, rule);
        long due_on_cutoff = 0;
        for (const auto& d : plain) {
          plain_acc.add(d);
          const days r = day_of(d.received_at);
          if (r > plain_last || (r < first && d.end && day_of(d.end->at) < first)) {
            plain_ref.push_back(cchc::not_counted);
          } else {
            std::optional<cchc::due_date> due;
            const cchc::outcome o = ref_outcome(d, plain_last, rule_cutoff, &due);
            plain_ref.push_back(static_cast<std::uint8_t>(o));
            due_on_cutoff += o == cchc::outcome::pending_in_time && due && due->day == plain_last;
          }
        }
        if (plain_last != last) CHECK(due_on_cutoff > 0);
        for (const bool keep_empty_columns : {false, true}) {
          CAPTURE(keep_empty_columns);
          cchc::dossier_batch b = pc.batch();
          if (!keep_empty_columns) {
            b.promised = {};
            b.promised_has_time = {};
            b.receipt_cutoff = {};
            b.pause_offsets = {};
            b.pause_from = {};
            b.pause_to = {};
            b.supplement_requests = {};
          }
          std::vector<std::uint8_t> codes(plain.size());
          const cchc::batch_counts t = cchc::classify_batch(b, first, plain_last, cal(), rule, codes);
          CHECK(codes == plain_ref);
          CHECK(t.total() == plain_acc.flow());
        }
      }
    }
    const cchc::dossier_flow& f = acc.flow();
    CHECK(*f.received == ref_received);
    CHECK(*f.carried_over == ref_carried);
    CHECK(*f.resolved_late == ref_late);
    CHECK(*f.pending_overdue == ref_overdue);
    CHECK(*f.returned_withdrawn == ref_rw);
    CHECK(ref_carried > 0);
    CHECK(ref_rw > 0);
  }
}

TEST_CASE("working hours with sorted, disjoint pauses (the columnar path's direct branch), ended at the due instant") {
  // Rows in working hours with 0-3 pauses, half of them made disjoint and sorted (the columnar path
  // then reads them from the columns without merging), no promised date, no cut-off, one request at
  // most; each ended one minute before, at, or one minute after the reference's due instant (where
  // on time turns late), or still pending. Columnar codes = the reference's.
  generator g(11);
  const days first{date::year{2023} / 12 / 15}, last{date::year{2024} / 6 / 28};
  std::vector<cchc::dossier> ds;
  std::vector<std::uint8_t> expected;
  long at_due = 0, disjoint = 0;
  for (int i = 0; i < 4000; ++i) {
    cchc::dossier d = g.next(i);
    d.processing = cchc::processing_time{cchc::time_unit::working_hours, g.uniform(0, 40)};
    d.promised_at.reset();
    d.promised_has_time = false;
    d.receipt_cutoff.reset();
    d.pauses.resize(static_cast<std::size_t>(std::min<long>(static_cast<long>(d.pauses.size()), 3)));
    if (g.chance(50)) {
      std::sort(d.pauses.begin(), d.pauses.end(), [](const cchc::pause& a, const cchc::pause& b) { return a.from < b.from; });
      for (std::size_t k = 1; k < d.pauses.size(); ++k)
        if (d.pauses[k].from <= d.pauses[k - 1].to) {
          const minutes len = d.pauses[k].to - d.pauses[k].from;
          d.pauses[k].from = d.pauses[k - 1].to + minutes{g.uniform(1, 3000)};
          d.pauses[k].to = d.pauses[k].from + len;
        }
      ++disjoint;
    }
    d.supplement_requests = d.pauses.empty() ? 0 : 1;
    d.end.reset();
    std::optional<cchc::due_date> due;
    (void)ref_outcome(d, last, std::nullopt, &due);
    REQUIRE(due);
    if (g.chance(85)) {
      const date_time instant = cchc::civil_time_at(due->day, *due->time) + minutes{g.uniform(-1, 1)};
      d.end = cchc::dossier_end{cchc::end_kind::resolved, instant < d.received_at ? d.received_at : instant};
      at_due += d.end->at == cchc::civil_time_at(due->day, *due->time);
    }
    const days r = day_of(d.received_at);
    if (r > last || (r < first && d.end && day_of(d.end->at) < first)) {
      expected.push_back(cchc::not_counted);
    } else {
      std::optional<cchc::due_date> ignored;
      expected.push_back(static_cast<std::uint8_t>(ref_outcome(d, last, std::nullopt, &ignored)));
    }
    ds.push_back(std::move(d));
  }
  CHECK(at_due > 500);
  CHECK(disjoint > 1000);
  const columns c(ds);
  std::vector<std::uint8_t> codes(ds.size());
  cchc::flow_accumulator acc(first, last, cal(), cchc::flow_key::channel);
  for (const auto& d : ds) acc.add(d);
  const cchc::batch_counts t = cchc::classify_batch(c.batch(), first, last, cal(), {}, codes);
  CHECK(codes == expected);
  CHECK(t.total() == acc.flow());
  for (std::size_t i = 0; i < ds.size(); ++i)
    if (codes[i] != expected[i]) {
      INFO(describe(ds[i]) << " code " << int{codes[i]} << " expected " << int{expected[i]});
      CHECK(codes[i] == expected[i]);
      break;
    }
}

TEST_CASE("hours tier: pauses at, just before and just after the due instant, in the lunch break, many pauses") {
  // The columnar path judges working-hour rows on the office-minute clock, across rows; its edges are
  // where a pause starts relative to the due instant (on it: nothing left, the kernel's other branch;
  // one minute later, or in the lunch break or the evening when the clock reads the same: no effect),
  // rows with more pauses than it walks, zero hours, receipts on days off. Rows planted there, ended
  // around their due instant; codes, due days and due minutes = the reference's, with the optional
  // columns present and left out.
  generator g(12);
  const days first{date::year{2023} / 12 / 15}, last{date::year{2024} / 6 / 28};
  std::vector<cchc::dossier> ds;
  long at_due = 0, after_due = 0, stopped_clock = 0, many = 0;
  for (int i = 0; i < 8000; ++i) {
    cchc::dossier d = g.next(i);
    d.processing = cchc::processing_time{cchc::time_unit::working_hours, g.chance(3) ? 0 : g.uniform(1, 40)};
    d.promised_at.reset();
    d.promised_has_time = false;
    d.receipt_cutoff.reset();
    d.pauses.clear();
    d.end.reset();
    d.supplement_requests = 0;
    std::optional<cchc::due_date> due;
    (void)ref_outcome(d, last, std::nullopt, &due);
    REQUIRE(due);
    const date_time due_at = cchc::civil_time_at(due->day, *due->time);
    const long len = g.uniform(1, 3000);
    switch (g.uniform(0, 5)) {
      case 0: {  // on the due instant, or a minute either side
        const long off = g.uniform(-1, 1);
        d.pauses.push_back({due_at + minutes{off}, due_at + minutes{off + len}});
        at_due += off == 0;
        after_due += off == 1;
        break;
      }
      case 1: {  // while the clock is stopped on the due day: lunch, evening
        const date_time at = civil(due->day) + (g.chance(50) ? hours.morning.end + minutes{g.uniform(0, 90)}
                                                             : hours.afternoon.end + minutes{g.uniform(0, 400)});
        if (at >= d.received_at) {
          d.pauses.push_back({at, at + minutes{len}});
          stopped_clock += at > due_at && office_minutes_between(due_at, at) == 0;
        }
        break;
      }
      case 2: {  // more pauses than the tier walks: short, sorted, disjoint
        date_time at = d.received_at;
        for (long k = 0, n = g.uniform(7, 12); k < n; ++k) {
          at += minutes{g.uniform(1, 300)};
          d.pauses.push_back({at, at + minutes{g.uniform(0, 200)}});
          at = d.pauses.back().to;
        }
        many += d.pauses.size() > 8;
        break;
      }
      case 3: {  // one pause early, a second one at the moved due instant (or a minute later)
        d.pauses.push_back({d.received_at + minutes{g.uniform(0, 600)}, {}});
        d.pauses.back().to = d.pauses.back().from + minutes{len};
        std::optional<cchc::due_date> moved;
        (void)ref_outcome(d, last, std::nullopt, &moved);
        const date_time moved_at = cchc::civil_time_at(moved->day, *moved->time);
        const long off = g.uniform(0, 1);
        if (moved_at + minutes{off} > d.pauses.back().to) {
          d.pauses.push_back({moved_at + minutes{off}, moved_at + minutes{off + len}});
          at_due += off == 0;
          after_due += off == 1;
        }
        break;
      }
      case 4:  // from the receipt instant itself
        d.pauses.push_back({d.received_at, d.received_at + minutes{len}});
        break;
      default:
        break;
    }
    d.supplement_requests = d.pauses.empty() ? 0 : 1;
    std::optional<cchc::due_date> final_due;
    (void)ref_outcome(d, last, std::nullopt, &final_due);
    if (g.chance(85)) {
      const date_time instant = cchc::civil_time_at(final_due->day, *final_due->time) + minutes{g.uniform(-1, 1)};
      d.end = cchc::dossier_end{cchc::end_kind::resolved, instant < d.received_at ? d.received_at : instant};
    }
    ds.push_back(std::move(d));
  }
  CHECK(at_due > 400);
  CHECK(after_due > 400);
  CHECK(stopped_clock > 50);
  CHECK(many > 300);
  std::vector<std::uint8_t> expected;
  std::vector<std::int32_t> expected_day;
  std::vector<std::int16_t> expected_minute;
  cchc::flow_accumulator acc(first, last, cal(), cchc::flow_key::channel);
  for (const auto& d : ds) {
    acc.add(d);
    const days r = day_of(d.received_at);
    std::optional<cchc::due_date> due;
    const cchc::outcome o = ref_outcome(d, last, std::nullopt, &due);
    if (r > last || (r < first && d.end && day_of(d.end->at) < first)) {
      expected.push_back(cchc::not_counted);
      expected_day.push_back(std::numeric_limits<std::int32_t>::min());
      expected_minute.push_back(-1);
    } else {
      expected.push_back(static_cast<std::uint8_t>(o));
      expected_day.push_back(static_cast<std::int32_t>(due->day.time_since_epoch().count()));
      expected_minute.push_back(static_cast<std::int16_t>(due->time->count()));
    }
  }
  const columns c(ds);
  for (const bool optional_columns : {true, false}) {
    CAPTURE(optional_columns);
    cchc::dossier_batch b = c.batch();
    if (!optional_columns) {  // (every end is a resolution; requests = 1 with a pause: the defaults)
      b.end_kind = {};
      b.supplement_requests = {};
      b.promised = {};
      b.promised_has_time = {};
      b.receipt_cutoff = {};
    }
    std::vector<std::uint8_t> codes(ds.size());
    std::vector<std::int32_t> due_day(ds.size());
    std::vector<std::int16_t> due_minute(ds.size());
    const cchc::batch_counts t = cchc::classify_batch(b, first, last, cal(), {}, codes, {}, due_day, due_minute);
    CHECK(t.total() == acc.flow());
    long wrong = 0;
    for (std::size_t i = 0; i < ds.size(); ++i)
      if (codes[i] != expected[i] || due_day[i] != expected_day[i] || due_minute[i] != expected_minute[i]) {
        if (wrong++ == 0) {
          INFO(describe(ds[i]) << " code " << int{codes[i]} << " expected " << int{expected[i]} << ", due day "
                               << due_day[i] << " expected " << expected_day[i] << ", due minute " << due_minute[i]
                               << " expected " << expected_minute[i]);
          CHECK(false);
        }
      }
    CHECK(wrong == 0);
  }
}

TEST_CASE("regressions: the copies of the deadline rule used to disagree") {
  using namespace date::literals;
  // Overlapping pauses with a promised date: merged like due() merges them (the promised-date copy
  // counted the overlap twice). Promised Wed 20/12/2023; pauses Mon 18 – Wed 20 and Tue 19 – Wed 20:
  // Tue and Wed do not count once → Fri 22/12 (not Tue 26/12).
  cchc::dossier d;
  d.id = "P";
  d.received_at = civil(days{2023_y / 12 / 11}) + 9h;
  d.promised_at = civil(days{2023_y / 12 / 20});
  d.pauses = {{civil(days{2023_y / 12 / 18}) + 9h, civil(days{2023_y / 12 / 20}) + 9h},
              {civil(days{2023_y / 12 / 19}) + 9h, civil(days{2023_y / 12 / 20}) + 10h}};
  d.supplement_requests = 1;
  CHECK(cchc::due_of(d, cal()).day == days{2023_y / 12 / 22});

  // A pause that starts on the due day: one rule for both paths — it moves the deadline to the day
  // the file comes back. Received Mon 11/12 09:00, 3 working days → due Thu 14/12; request Thu 14,
  // file back Mon 18 → due Mon 18 (0 days left after the request day). The same with the promised
  // date Thu 14/12.
  cchc::dossier w;
  w.id = "W";
  w.received_at = civil(days{2023_y / 12 / 11}) + 9h;
  w.processing = cchc::processing_time{cchc::time_unit::working_days, 3};
  w.pauses = {{civil(days{2023_y / 12 / 14}) + 10h, civil(days{2023_y / 12 / 18}) + 8h}};
  w.supplement_requests = 1;
  CHECK(cchc::due_of(w, cal()).day == days{2023_y / 12 / 18});
  w.processing.reset();
  w.promised_at = civil(days{2023_y / 12 / 14});
  CHECK(cchc::due_of(w, cal()).day == days{2023_y / 12 / 18});
  // A pause starting the day after the due day changes nothing, on both paths.
  w.pauses = {{civil(days{2023_y / 12 / 15}) + 10h, civil(days{2023_y / 12 / 18}) + 8h}};
  CHECK(cchc::due_of(w, cal()).day == days{2023_y / 12 / 14});
  w.promised_at.reset();
  w.processing = cchc::processing_time{cchc::time_unit::working_days, 3};
  CHECK(cchc::due_of(w, cal()).day == days{2023_y / 12 / 14});
  // A pause starting on the Saturday after a Friday due day changes nothing (it starts after it).
  cchc::dossier s = w;
  s.received_at = civil(days{2023_y / 12 / 12}) + 9h;  // Tue → due Fri 15/12
  s.pauses = {{civil(days{2023_y / 12 / 16}) + 10h, civil(days{2023_y / 12 / 19}) + 8h}};
  CHECK(cchc::due_of(s, cal()).day == days{2023_y / 12 / 15});
}

TEST_CASE("judge names the reason") {
  using namespace date::literals;
  cchc::dossier d;
  d.id = "J";
  d.received_at = civil(days{2023_y / 12 / 11}) + 9h;
  d.processing = cchc::processing_time{cchc::time_unit::working_days, 3};
  d.end = cchc::dossier_end{cchc::end_kind::resolved, civil(days{2023_y / 12 / 15}) + 9h};
  const cchc::judgement j = cchc::judge(d, days{2023_y / 12 / 31}, cal());
  CHECK(j.result == cchc::outcome::late);
  CHECK(j.reason == cchc::outcome_reason::after_due_day);
  CHECK(cchc::to_string(j.reason) == "after_due_day");
  CHECK(cchc::describe(j.reason) == "ended after the due day");
  d.supplement_requests = 2;
  CHECK(cchc::judge(d, days{2023_y / 12 / 31}, cal()).reason == cchc::outcome_reason::repeated_supplement_requests);
  d.end->kind = cchc::end_kind::withdrawn;
  const auto w = cchc::judge(d, days{2023_y / 12 / 31}, cal());
  CHECK(w.result == cchc::outcome::withdrawn);
  CHECK_FALSE(w.due);
}

TEST_CASE("batch errors name the first bad row and the column, with dates as dates") {
  using namespace date::literals;
  std::vector<std::int64_t> received{civil(days{2023_y / 3 / 2}).time_since_epoch().count() + 500,
                                     civil(days{2023_y / 3 / 2}).time_since_epoch().count() + 600,
                                     civil(days{2023_y / 3 / 2}).time_since_epoch().count() + 600};
  std::vector<std::int32_t> amount{3, 3, -1};
  std::vector<std::int64_t> ended{cchc::no_time, civil(days{2023_y / 3 / 1}).time_since_epoch().count(),
                                  cchc::no_time};
  cchc::dossier_batch b;
  b.received = received;
  b.amount = amount;
  b.ended = ended;
  for (unsigned threads : {1u, 4u}) {
    cchc::batch_options opt;
    opt.threads = threads;
    try {
      (void)cchc::classify_batch(b, days{2023_y / 1 / 1}, days{2023_y / 12 / 31}, cal(), {}, {}, opt);
      FAIL("expected an error");
    } catch (const cchc::argument_error& e) {
      CHECK(e.where().path == "row 1");
      CHECK(e.where().field == "ended");
      CHECK(std::string(e.detail()).find("2023-03-01 00:00") != std::string::npos);
      CHECK(std::string(e.detail()).find("row") == std::string::npos);  // the row is said once, in where()
    }
  }
  std::vector<std::int32_t> short_amount{3};
  b.amount = short_amount;
  CHECK_THROWS_AS((void)cchc::classify_batch(b, days{2023_y / 1 / 1}, days{2023_y / 12 / 31}, cal()),
                  cchc::argument_error);
}

TEST_CASE("batch errors: a key code at or past its declared size, one key or several, any tier") {
  // Key codes are checked by a column loop before the tiers count them: a code equal to the key's
  // size (one past the last) must be the row's error, never a count into the next group's slots.
  using namespace date::literals;
  const std::size_t n = 5000, bad = 3001;
  const std::int64_t at = cchc::civil_time_at(days{2023_y / 3 / 2}, minutes{0}).time_since_epoch().count() + 500;
  std::vector<std::int64_t> received(n, at), ended(n, at + 3 * 1440);
  std::vector<std::int32_t> amount(n, 3);
  std::vector<std::uint8_t> unit(n, 0);
  std::vector<std::uint32_t> k0(n), k1(n);
  for (std::size_t i = 0; i < n; ++i) {
    k0[i] = static_cast<std::uint32_t>(i % 12);
    k1[i] = static_cast<std::uint32_t>(i % 3);
  }
  for (const bool hours : {false, true}) {
    if (hours) {  // the hours tier's rows (4 working hours)
      std::fill(unit.begin(), unit.end(), static_cast<std::uint8_t>(cchc::time_unit::working_hours));
      std::fill(amount.begin(), amount.end(), 4);
    }
    for (const std::size_t keys : {std::size_t{1}, std::size_t{2}}) {
      for (const std::uint32_t code : {12u, 13u, 4000000000u}) {
        CAPTURE(hours);
        CAPTURE(keys);
        CAPTURE(code);
        std::vector<std::uint32_t> a = k0, c = k1;
        (keys == 1 ? a : c)[bad] = keys == 1 ? code : code - 9;  // (the second key's size is 3)
        cchc::dossier_batch b;
        b.received = received;
        b.amount = amount;
        b.unit_of_time = unit;
        b.ended = ended;
        b.keys = keys == 1 ? std::vector<cchc::column_view<std::uint32_t>>{a}
                           : std::vector<cchc::column_view<std::uint32_t>>{a, c};
        cchc::batch_options opt;
        opt.key_sizes = keys == 1 ? std::vector<std::uint32_t>{12} : std::vector<std::uint32_t>{12, 3};
        try {
          (void)cchc::classify_batch(b, days{2023_y / 1 / 1}, days{2023_y / 12 / 31}, cal(), {}, {}, opt);
          FAIL("expected an error");
        } catch (const cchc::range_error& e) {
          CHECK(e.where().path == "row 3001");
          CHECK(e.where().field == "keys");
          CHECK(std::string(e.detail()).find(keys == 1 ? "expected a code < 12 in key 0" : "expected a code < 3 in key 1") !=
                std::string::npos);
        }
        (keys == 1 ? a : c)[bad] = 0;  // the same batch without it counts every row
        const auto t = cchc::classify_batch(b, days{2023_y / 1 / 1}, days{2023_y / 12 / 31}, cal(), {}, {}, opt);
        CHECK(t.total().received == std::optional<std::int64_t>{static_cast<std::int64_t>(n)});
      }
    }
  }
}

TEST_CASE("batch errors: the first bad row across chunks, tiers and threads") {
  // 300 000 working-day rows (the chunked fast path) with bad rows planted far apart: an hours row
  // whose pause ends before it starts (the hours tier declines it, the general path names it) and a
  // row ended before it was received (the row loops flag it). Whatever the thread count, the error
  // is the first bad row's.
  using namespace date::literals;
  const std::size_t n = 300000;
  const std::int64_t at = cchc::civil_time_at(days{2023_y / 3 / 2}, minutes{0}).time_since_epoch().count() + 500;
  std::vector<std::int64_t> received(n, at), ended(n, cchc::no_time), offsets(n + 1, 0), from, to;
  std::vector<std::int32_t> amount(n, 3);
  std::vector<std::uint8_t> unit(n, 0);
  const std::size_t hours_row = 150000, ended_row = 200001;
  unit[hours_row] = static_cast<std::uint8_t>(cchc::time_unit::working_hours);
  from.push_back(at + 120);
  to.push_back(at + 60);  // before its start
  for (std::size_t i = hours_row + 1; i <= n; ++i) offsets[i] = 1;
  ended[ended_row] = at - 1440;
  cchc::dossier_batch b;
  b.received = received;
  b.amount = amount;
  b.unit_of_time = unit;
  b.ended = ended;
  b.pause_offsets = offsets;
  b.pause_from = from;
  b.pause_to = to;
  auto first_error = [&](unsigned threads) {
    cchc::batch_options opt;
    opt.threads = threads;
    try {
      (void)cchc::classify_batch(b, days{2023_y / 1 / 1}, days{2023_y / 12 / 31}, cal(), {}, {}, opt);
    } catch (const cchc::error& e) {
      return e.where().path + " " + e.where().field;
    }
    return std::string("no error");
  };
  for (unsigned threads : {1u, 2u, 4u}) {
    CAPTURE(threads);
    CHECK(first_error(threads) == "row 150000 pause_to");
  }
  std::swap(from[0], to[0]);
  for (unsigned threads : {1u, 2u, 4u}) CHECK(first_error(threads) == "row 200001 ended");
  ended[ended_row] = cchc::no_time;
  for (unsigned threads : {1u, 2u, 4u}) CHECK(first_error(threads) == "no error");
}

TEST_CASE("batch errors: rows in hours only (chunks that skip the day form) still name bad ends") {
  // Every row in working hours with a pause: no chunk has a row for the day form, so the row loops
  // run only their checks. A bad end kind, an end before receipt and a kind out of range, planted in
  // different chunks, are each the error while the earlier ones are fixed.
  using namespace date::literals;
  const std::size_t n = 5000;
  const std::int64_t at = cchc::civil_time_at(days{2023_y / 3 / 2}, minutes{8 * 60}).time_since_epoch().count();
  std::vector<std::int64_t> received(n, at), ended(n, at + 3 * 1440), offsets(n + 1), from(n, at + 60), to(n, at + 600);
  for (std::size_t i = 0; i <= n; ++i) offsets[i] = static_cast<std::int64_t>(i);
  std::vector<std::int32_t> amount(n, 8);
  std::vector<std::uint8_t> unit(n, static_cast<std::uint8_t>(cchc::time_unit::working_hours)), kind(n, 0);
  const std::size_t no_end = 2100, early_end = 3500, bad_kind = 4000;
  ended[no_end] = cchc::no_time;  // a kind (resolved) without an end
  ended[early_end] = at - 1;
  kind[bad_kind] = 7;
  auto first_error = [&]() {
    cchc::dossier_batch b;
    b.received = received;
    b.amount = amount;
    b.unit_of_time = unit;
    b.ended = ended;
    b.end_kind = kind;
    b.pause_offsets = offsets;
    b.pause_from = from;
    b.pause_to = to;
    try {
      (void)cchc::classify_batch(b, days{2023_y / 1 / 1}, days{2023_y / 12 / 31}, cal());
    } catch (const cchc::error& e) {
      return e.where().path + " " + e.where().field;
    }
    return std::string("no error");
  };
  CHECK(first_error() == "row 2100 ended");
  ended[no_end] = at + 1440;
  CHECK(first_error() == "row 3500 ended");
  ended[early_end] = at + 1440;
  CHECK(first_error() == "row 4000 end_kind");
  kind[bad_kind] = 0;
  CHECK(first_error() == "no error");
}

TEST_CASE("several keys: rows per combination, the same on both paths") {
  generator g(7);
  std::vector<cchc::dossier> ds;
  for (int i = 0; i < 400; ++i) {
    ds.push_back(g.next(i));
    ds.back().unit = i % 3 == 0 ? "A" : "B";
  }
  const days first{date::year{2023} / 1 / 1}, last{date::year{2024} / 12 / 31};
  cchc::flow_accumulator acc(first, last, cal(), std::vector<cchc::flow_key>{cchc::flow_key::unit, cchc::flow_key::channel});
  for (const auto& d : ds) acc.add(d);
  columns c(ds);
  std::vector<std::uint32_t> unit;
  for (const auto& d : ds) unit.push_back(d.unit == "A" ? 0 : 1);
  auto b = c.batch();
  b.keys = {unit, c.key};
  const auto t = cchc::classify_batch(b, first, last, cal());
  REQUIRE(t.groups().size() == acc.rows().size());
  for (const auto& grp : t.groups()) {
    const std::vector<std::string> key{grp.key[0] == 0 ? "A" : "B",
                                       std::string(cchc::to_string(static_cast<cchc::dossier_channel>(grp.key[1])))};
    CHECK(grp.flow == acc.rows().at(key));
  }
  CHECK(acc.table().count("A / online") == 1);
  // Merging two halves of a batch gives the whole (what Dask partitions do).
  columns lo(std::vector<cchc::dossier>(ds.begin(), ds.begin() + 200)), hi(std::vector<cchc::dossier>(ds.begin() + 200, ds.end()));
  std::vector<std::uint32_t> ulo(unit.begin(), unit.begin() + 200), uhi(unit.begin() + 200, unit.end());
  auto blo = lo.batch(), bhi = hi.batch();
  blo.keys = {ulo, lo.key};
  bhi.keys = {uhi, hi.key};
  const auto sum = cchc::classify_batch(blo, first, last, cal()) + cchc::classify_batch(bhi, first, last, cal());
  CHECK(sum.total() == t.total());
  REQUIRE(sum.groups().size() == t.groups().size());
  for (std::size_t k = 0; k < sum.groups().size(); ++k) CHECK(sum.groups()[k].flow == t.groups()[k].flow);
}
