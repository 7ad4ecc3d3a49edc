#include "cchc/flow.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <limits>
#include <string>

#include "cchc/error.hpp"

namespace {

// The seed report (Trần Đề district, 2023), table "Kết quả giải quyết hồ sơ ... từ ngày 15/12/2022
// đến ngày 13/12/2023": received, early + on time, late, pending within deadline, pending overdue.
cchc::dossier_flow seed_district() {
  cchc::dossier_flow f;
  f.received = 14083;
  f.resolved_in_time = 13676;
  f.resolved_late = 343;
  f.pending_in_time = 64;
  f.pending_overdue = 0;
  return f;
}

cchc::dossier_flow seed_commune() {
  cchc::dossier_flow f;
  f.received = 80878;
  f.resolved_in_time = 80629;
  f.resolved_late = 249;
  f.pending_in_time = 0;
  f.pending_overdue = 0;
  return f;
}

// A complete, consistent row (numbers chosen by hand so that every identity holds).
cchc::dossier_flow full() {
  cchc::dossier_flow f;
  f.received = 100;
  f.received_online = 30;
  f.received_offline = 60;
  f.carried_over = 10;
  f.resolved = 85;
  f.resolved_early = 20;
  f.resolved_on_time = 60;
  f.resolved_late = 5;
  f.pending = 15;
  f.pending_in_time = 12;
  f.pending_overdue = 3;
  f.apologies = 5;
  f.online_resolved = 25;
  f.fell_due = 90;
  return f;
}

std::vector<std::string> rules(const std::vector<cchc::finding>& fs) {
  std::vector<std::string> out;
  for (const auto& f : fs) out.push_back(f.rule);
  return out;
}

const std::string* number(const cchc::finding& f, const std::string& name) {
  for (const auto& [n, v] : f.numbers)
    if (n == name) return &v;
  return nullptr;
}

}  // namespace

TEST_CASE("flow: column names round-trip and unknown names are lookup errors") {
  for (cchc::flow_column c : cchc::all_flow_columns) CHECK(cchc::parse_flow_column(cchc::to_string(c)) == c);
  CHECK_THROWS_AS((void)cchc::parse_flow_column("recieved"), cchc::lookup_error);
  CHECK(cchc::label_vi(cchc::flow_column::pending_overdue) == "Số hồ sơ đang giải quyết quá hạn");
}

TEST_CASE("flow: get, set and with address the named members") {
  cchc::dossier_flow f;
  CHECK(f.empty());
  f.set(cchc::flow_column::carried_over, 7);
  CHECK(f.carried_over == 7);
  CHECK(f.get(cchc::flow_column::carried_over) == 7);
  const auto g = f.with(cchc::flow_column::carried_over, std::nullopt);
  CHECK(f.carried_over == 7);  // with() copies
  CHECK(g.empty());
  // every column maps to a distinct member
  cchc::dossier_flow h;
  std::int64_t i = 1;
  for (cchc::flow_column c : cchc::all_flow_columns) h.set(c, i++);
  i = 1;
  for (cchc::flow_column c : cchc::all_flow_columns) CHECK(h.get(c) == i++);
  CHECK(h.received == 1);
  CHECK(h.fell_due == 16);
  CHECK(cchc::dossier_flow::zeros().resolved == 0);
}

TEST_CASE("flow: the seed report's tables satisfy the identities") {
  CHECK(seed_district().check("$.district").empty());
  CHECK(seed_commune().check().empty());
  // derived totals: 13676 + 343 = 14019; 64 + 0 = 64
  CHECK(seed_district().resolved_total() == 14019);
  CHECK(seed_district().pending_total() == 64);
  CHECK(full().check().empty());
}

TEST_CASE("flow: a balance that does not add up is a finding with the numbers, not a throw") {
  auto f = seed_district();
  f.received = 14084;
  const auto fs = f.check("$.one_stop.flows[0]");
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].rule == "flow.balance_identity");
  CHECK(fs[0].severity == cchc::severity::error);
  CHECK(fs[0].where.path == "$.one_stop.flows[0]");
  CHECK(fs[0].where.field == "received");
  CHECK(*number(fs[0], "received") == "14084");
  CHECK(*number(fs[0], "sum") == "14083");
  CHECK(*number(fs[0], "difference") == "1");
  CHECK(*number(fs[0], "variant") == "resolved+pending");
  CHECK(fs[0].message_en.find("14084") != std::string::npos);
  CHECK(fs[0].message_vi.find("chênh lệch 1") != std::string::npos);
}

TEST_CASE("flow: returned/withdrawn — either variant is accepted, a failure names both") {
  auto f = full();  // received 100 = resolved 85 + pending 15
  f.returned_withdrawn = 4;  // counted inside resolved: variant without returned holds
  CHECK(f.check().empty());

  f.received = 104;  // counted apart: 85 + 15 + 4
  CHECK(rules(f.check()) == std::vector<std::string>{"flow.received_identity"});  // 30+60+10 != 104
  f.received_offline = 64;
  CHECK(f.check().empty());

  f.received = 102;  // neither 100 nor 104
  f.received_offline = 62;
  const auto fs = f.check();
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].rule == "flow.balance_identity");
  CHECK(*number(fs[0], "variant") == "both");
  CHECK(*number(fs[0], "resolved+pending") == "100");
  CHECK(*number(fs[0], "resolved+pending+returned_withdrawn") == "104");
  CHECK(fs[0].message_en.find("both variants fail") != std::string::npos);
}

TEST_CASE("flow: each identity has its own rule") {
  {
    auto f = full();
    f.received_online = 31;
    CHECK(rules(f.check()) == std::vector<std::string>{"flow.received_identity"});
  }
  {
    auto f = full();
    f.resolved_early = 21;  // resolved 85 != 21 + 60 + 5
    CHECK(rules(f.check()) == std::vector<std::string>{"flow.resolved_identity"});
  }
  {
    auto f = full();
    f.resolved_in_time = 81;  // 20 + 60 = 80; and resolved 85 != 81 + 5
    const auto r = rules(f.check());
    CHECK(std::count(r.begin(), r.end(), "flow.in_time_identity") == 1);
    CHECK(std::count(r.begin(), r.end(), "flow.resolved_identity") == 1);
  }
  {
    auto f = full();
    f.pending_overdue = 4;
    CHECK(rules(f.check()) == std::vector<std::string>{"flow.pending_identity"});
  }
  {
    auto f = full();
    f.online_resolved = 86;
    CHECK(rules(f.check()) == std::vector<std::string>{"flow.online_resolved_bound"});
  }
}

TEST_CASE("flow: negative counts are findings") {
  auto f = full();
  f.apologies = -1;
  const auto fs = f.check();
  REQUIRE(!fs.empty());
  CHECK(fs[0].rule == "flow.negative_count");
  CHECK(fs[0].where.field == "apologies");
}

TEST_CASE("flow: apology slips versus late dossiers are info findings") {
  auto f = full();  // 5 late, 3 overdue
  f.apologies = 4;
  auto fs = f.check();
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].rule == "flow.apology_coverage");
  CHECK(fs[0].severity == cchc::severity::info);
  f.apologies = 8;  // 5 + 3: fine
  CHECK(f.check().empty());
  f.apologies = 9;
  fs = f.check();
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].severity == cchc::severity::info);
  // The seed: 343 + 249 = 592 late dossiers "có kèm phiếu xin lỗi" for the real ones only.
  auto d = seed_district();
  d.apologies = 343;
  CHECK(d.check().empty());
}

TEST_CASE("flow: identities are skipped, not guessed, when a column is absent") {
  cchc::dossier_flow f;
  f.received = 10;
  f.resolved = 3;  // pending unknown: the balance cannot be checked
  CHECK(f.check().empty());
  f.pending_in_time = 1;  // pending total still unknown (overdue absent)
  CHECK(f.check().empty());
  f.pending_overdue = 5;  // 3 + 6 = 9 != 10
  CHECK(rules(f.check()) == std::vector<std::string>{"flow.balance_identity"});
}

TEST_CASE("flow: merging adds counts — an absent column in either side is absent in the sum") {
  const auto s = seed_district() + seed_commune();
  CHECK(s.received == 14083 + 80878);
  CHECK(s.resolved_in_time == 13676 + 80629);
  CHECK(s.resolved_late == 592);  // the report's own total of late dossiers: "592 hồ sơ trễ hạn"
  CHECK(!s.resolved.has_value());
  CHECK(s.check().empty());

  auto a = full();
  auto b = full();
  b.fell_due = std::nullopt;
  const auto c = a + b;
  CHECK(c.received == 200);
  CHECK(!c.fell_due.has_value());
  CHECK(c.check().empty());
  CHECK(a + cchc::dossier_flow::zeros() == a);
  CHECK(a + b == b + a);
  a += b;
  CHECK(a == c);
}

TEST_CASE("flow: merging reports overflow instead of wrapping") {
  cchc::dossier_flow a;
  a.received = std::numeric_limits<std::int64_t>::max();
  CHECK_THROWS_AS((void)(a + a), cchc::overflow_error);
}

TEST_CASE("flow: tables merge row by row and total to the union") {
  cchc::flow_table t1{{"district", seed_district()}};
  cchc::flow_table t2{{"commune", seed_commune()}, {"district", seed_district()}};
  cchc::merge_into(t1, t2);
  CHECK(t1.size() == 2);
  CHECK(t1["district"].received == 2 * 14083);
  CHECK(cchc::total(t2).received == 14083 + 80878);
  CHECK(cchc::total({}).empty());
}

TEST_CASE("flow: on-time conventions — the seed's district figure 97,55 is resolved_basis") {
  const auto d = seed_district();
  // resolved_basis: 13676 / (13676 + 343) = 13676 / 14019 = 97.5533… % (worked out with Python's
  // fractions.Fraction) → 97,55 at 2 decimals, ties or truncation alike.
  const auto r = d.on_time_rate(cchc::on_time_convention::resolved_basis);
  REQUIRE(r);
  CHECK(r->numerator() == 13676);
  CHECK(r->denominator() == 14019);
  CHECK(r->percent(2, cchc::rounding::half_away_from_zero) == cchc::decimal::parse("97.55"));
  // received_basis: (13676 + 64) / 14083 = 97.5644… % → 97,56: not what the report prints.
  const auto q = d.on_time_rate(cchc::on_time_convention::received_basis);
  REQUIRE(q);
  CHECK(q->numerator() == 13740);
  CHECK(q->denominator() == 14083);
  CHECK(q->percent(2, cchc::rounding::half_away_from_zero) == cchc::decimal::parse("97.56"));
  // due_basis needs fell_due, which the report does not publish
  CHECK(!d.on_time_rate(cchc::on_time_convention::due_basis));

  using cchc::on_time_convention;
  using cchc::rounding;
  const std::vector<cchc::convention_match> expected{
      {on_time_convention::resolved_basis, rounding::half_away_from_zero},
      {on_time_convention::resolved_basis, rounding::half_even},
      {on_time_convention::resolved_basis, rounding::half_toward_zero},
      {on_time_convention::resolved_basis, rounding::toward_zero},
      {on_time_convention::resolved_basis, rounding::floor}};
  CHECK(d.matching_conventions("97,55") == expected);  // the report prints it without '%'
  CHECK(d.matching_conventions("97,55 %") == expected);
  CHECK(d.matching_conventions(cchc::decimal::parse("97.55")) == expected);
  // 97,56 is received_basis rounded to nearest — or resolved_basis rounded up
  const auto m = d.matching_conventions("97,56%");
  CHECK(std::count_if(m.begin(), m.end(), [](const cchc::convention_match& x) {
          return x.convention == on_time_convention::received_basis;
        }) == 5);
  CHECK(std::count_if(m.begin(), m.end(), [](const cchc::convention_match& x) {
          return x.convention == on_time_convention::resolved_basis;
        }) == 2);  // away_from_zero, ceiling
  CHECK(d.matching_conventions("97,4").empty());
  CHECK_THROWS_AS((void)d.matching_conventions("97,5x"), cchc::parse_error);
}

TEST_CASE("flow: the seed's commune figure 99,69% is both resolved_basis and received_basis") {
  const auto c = seed_commune();
  // 80629 / 80878 = 99.6921…% under both: no dossier is pending, so the two bases coincide.
  const auto r = c.on_time_rate(cchc::on_time_convention::resolved_basis);
  const auto q = c.on_time_rate(cchc::on_time_convention::received_basis);
  REQUIRE(r);
  REQUIRE(q);
  CHECK(*r == cchc::rate(80629, 80878));
  CHECK(*q == cchc::rate(80629, 80878));
  const auto m = c.matching_conventions("99,69%");
  // 5 roundings (nearest ×3, toward_zero, floor) × 4 conventions: with nothing pending, the late
  // complement (80878 − 249 − 0) / 80878 and the portal's 80629 / (80629 + 249) are the same rate too
  // (issue 10 added those two conventions; this was 10 matches with three conventions).
  CHECK(m.size() == 20);
  CHECK(m.front() == cchc::convention_match{cchc::on_time_convention::resolved_basis,
                                            cchc::rounding::half_away_from_zero});
  CHECK(m.back() == cchc::convention_match{cchc::on_time_convention::portal_timeliness, cchc::rounding::floor});
}

TEST_CASE("flow: late_complement and portal_timeliness, and how they differ from received_basis") {
  // received 100 = resolved 80 (in time 70, late 10) + pending 10 (in time 8, overdue 2) + returned 10
  cchc::dossier_flow f;
  f.received = 100;
  f.resolved_in_time = 70;
  f.resolved_late = 10;
  f.pending_in_time = 8;
  f.pending_overdue = 2;
  f.returned_withdrawn = 10;
  CHECK(f.check().empty());  // the counted-apart variant holds
  using cchc::on_time_convention;
  // received_basis: (70 + 8) / 100 = 78 %
  CHECK(*f.on_time_rate(on_time_convention::received_basis) == cchc::rate(78, 100));
  // late_complement: 100 % − (10 + 2) / 100 = 88 %: the returned dossiers count as not late
  CHECK(*f.on_time_rate(on_time_convention::late_complement) == cchc::rate(88, 100));
  // portal_timeliness: totalOnTime 78 / totalReceived (78 + 12) = 86,67 %: returned ones are in neither
  CHECK(*f.on_time_rate(on_time_convention::portal_timeliness) == cchc::rate(78, 90));
  CHECK(f.matching_conventions("86,67%") ==
        std::vector<cchc::convention_match>{{on_time_convention::portal_timeliness, cchc::rounding::half_away_from_zero},
                                            {on_time_convention::portal_timeliness, cchc::rounding::half_even},
                                            {on_time_convention::portal_timeliness, cchc::rounding::half_toward_zero},
                                            {on_time_convention::portal_timeliness, cchc::rounding::away_from_zero},
                                            {on_time_convention::portal_timeliness, cchc::rounding::ceiling}});
  // "88%": late_complement exactly (every mode), and resolved_basis 70 / 80 = 87,5 % rounded up or
  // to nearest with ties up or to even (4 modes)
  const auto m88 = f.matching_conventions("88%");
  CHECK(m88.size() == 11);
  CHECK(std::count_if(m88.begin(), m88.end(), [](const cchc::convention_match& x) {
          return x.convention == on_time_convention::late_complement;
        }) == 7);
  // late_complement's denominator: column 3, or its parts 4 + 5 + 6
  auto g = f;
  g.received.reset();
  CHECK(!g.on_time_rate(on_time_convention::late_complement));
  g.received_online = 40;
  g.received_offline = 50;
  g.carried_over = 10;
  CHECK(*g.on_time_rate(on_time_convention::late_complement) == cchc::rate(88, 100));
  // absent columns give no rate, never 0
  g.pending_overdue.reset();
  CHECK(!g.on_time_rate(on_time_convention::late_complement));
  CHECK(!g.on_time_rate(on_time_convention::portal_timeliness));
  CHECK(!cchc::dossier_flow{}.on_time_rate(on_time_convention::portal_timeliness));
  // zero denominators: a rate, undefined
  const auto z = cchc::dossier_flow::zeros().on_time_rate(on_time_convention::portal_timeliness);
  REQUIRE(z);
  CHECK(!z->defined());
  CHECK(!cchc::dossier_flow::zeros().on_time_rate(on_time_convention::late_complement)->defined());
}

TEST_CASE("flow: every convention carries its source as data") {
  using cchc::on_time_convention;
  for (auto c : cchc::all_on_time_conventions) {
    const auto& s = cchc::source_of(c);
    CAPTURE(cchc::to_string(c));
    CHECK(!s.formula.empty());
    CHECK(!s.document.empty());
    CHECK(!s.seen_in.empty());
  }
  CHECK(cchc::source_of(on_time_convention::resolved_basis).inferred);
  CHECK(cchc::source_of(on_time_convention::due_basis).inferred);
  CHECK(!cchc::source_of(on_time_convention::received_basis).inferred);
  CHECK(cchc::source_of(on_time_convention::late_complement).document.find("Gia Lai") != std::string_view::npos);
  CHECK(cchc::source_of(on_time_convention::portal_timeliness).seen_in.find("totalOnTime") != std::string_view::npos);
  CHECK(cchc::source_of(on_time_convention::portal_timeliness).document.find("766") != std::string_view::npos);
}

TEST_CASE("flow: due_basis, shares, absent columns and zero denominators") {
  const auto f = full();  // early 20, on time 60, fell due 90
  CHECK(*f.on_time_rate(cchc::on_time_convention::due_basis) == cchc::rate(80, 90));
  CHECK(*f.on_time_rate(cchc::on_time_convention::received_basis) == cchc::rate(92, 100));
  CHECK(*f.online_share() == cchc::rate(30, 90));  // online / (online + offline)
  CHECK(*f.late_share() == cchc::rate(5, 85));
  auto g = f;
  g.received_offline.reset();  // new dossiers = received − carried over
  CHECK(*g.online_share() == cchc::rate(30, 90));
  g.carried_over.reset();
  CHECK(!g.online_share());
  // the seed's district: 999 online dossiers ("Có 999 hồ sơ trực tuyến") but no split of the rest
  auto d = seed_district();
  d.received_online = 999;
  CHECK(!d.online_share());
  // zero denominator: a rate, but undefined
  const auto z = cchc::dossier_flow::zeros().on_time_rate(cchc::on_time_convention::resolved_basis);
  REQUIRE(z);
  CHECK(!z->defined());
  CHECK(!z->percent(2, cchc::rounding::half_even));
  CHECK(cchc::dossier_flow::zeros().matching_conventions("0%").empty());
}

TEST_CASE("flow: convention names round-trip") {
  for (auto c : cchc::all_on_time_conventions) CHECK(cchc::parse_on_time_convention(cchc::to_string(c)) == c);
  CHECK_THROWS_AS((void)cchc::parse_on_time_convention("766"), cchc::lookup_error);
}

// ── issue 9: counts near 2^63-1 ──

TEST_CASE("flow: check() and the rates on counts near 2^63-1 are exact and never throw") {
  constexpr std::int64_t big = std::numeric_limits<std::int64_t>::max();
  cchc::dossier_flow f;
  f.received = big;
  f.resolved_early = big;
  f.resolved_on_time = big;
  f.resolved_late = big;
  f.pending_in_time = big;
  f.pending_overdue = big;
  f.online_resolved = big;
  f.apologies = big;
  std::vector<cchc::finding> fs;
  REQUIRE_NOTHROW(fs = f.check());
  // received = resolved + pending: 3 × big + 2 × big = 5 × big = 46116860184273879035 (by hand).
  REQUIRE(rules(fs) == std::vector<std::string>{"flow.balance_identity"});
  CHECK(*number(fs[0], "resolved") == "27670116110564327421");
  CHECK(*number(fs[0], "pending") == "18446744073709551614");
  CHECK(*number(fs[0], "sum") == "46116860184273879035");
  std::optional<cchc::rate> r;
  REQUIRE_NOTHROW(r = f.on_time_rate(cchc::on_time_convention::resolved_basis));
  REQUIRE(r);
  CHECK(r->numerator().to_string() == "18446744073709551614");
  CHECK(r->denominator().to_string() == "27670116110564327421");
  REQUIRE_NOTHROW(r = f.on_time_rate(cchc::on_time_convention::received_basis));
  CHECK(r->numerator().to_string() == "27670116110564327421");
  REQUIRE_NOTHROW(r = f.late_share());
  CHECK(r->denominator().to_string() == "27670116110564327421");
  CHECK(f.matching_conventions("66,67%").size() >= 1);  // 2/3 of the resolved, exactly
  // The count forms cannot hold the sums: overflow_error naming the derived column.
  try {
    (void)f.in_time_total();
    FAIL("expected overflow_error");
  } catch (const cchc::overflow_error& e) {
    CHECK(e.where().field == "resolved_in_time");
  }
  CHECK_THROWS_AS((void)f.pending_total(), cchc::overflow_error);
  cchc::dossier_flow g;
  g.received_online = big;
  g.received_offline = 1;
  CHECK_THROWS_AS((void)g.received_new(), cchc::overflow_error);
  REQUIRE_NOTHROW(r = g.online_share());
  REQUIRE(r);  // received_online / (online + offline), the denominator 2^63 exactly
  CHECK(r->denominator().to_string() == "9223372036854775808");
}

TEST_CASE("flow: merging near 2^63-1 throws overflow_error naming the column, for every column and sign") {
  constexpr std::int64_t big = std::numeric_limits<std::int64_t>::max();
  for (cchc::flow_column c : cchc::all_flow_columns) {
    CAPTURE(cchc::to_string(c));
    const auto a = cchc::dossier_flow::zeros().with(c, big);
    const auto b = cchc::dossier_flow::zeros().with(c, 1);
    try {
      (void)(a + b);
      FAIL("expected overflow_error");
    } catch (const cchc::overflow_error& e) {
      CHECK(e.where().field == cchc::to_string(c));
    }
    const auto low = cchc::dossier_flow::zeros().with(c, std::numeric_limits<std::int64_t>::min());
    CHECK_THROWS_AS((void)(low + cchc::dossier_flow::zeros().with(c, -1)), cchc::overflow_error);
    cchc::flow_table t{{"a", a}, {"b", b}};
    CHECK_THROWS_AS((void)cchc::total(t), cchc::overflow_error);
    CHECK((a + cchc::dossier_flow::zeros().with(c, -1)).get(c) == big - 1);  // no false alarm
  }
}
