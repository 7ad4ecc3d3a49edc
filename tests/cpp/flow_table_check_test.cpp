// cchc/flow_table_check.hpp: published flow tables — identities, reproduction of printed figures,
// mixed roundings, and every error path of the reader.
#include "cchc/flow_table_check.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "cchc/error.hpp"

using cchc::decimal;
using cchc::rounding;

namespace {

std::string error_of(const std::string& text, cchc::flow_table_options o = {}) {
  try {
    (void)cchc::parse_flow_table(text, "flows.csv", o);
  } catch (const cchc::error& e) {
    return e.what();
  }
  return "(no error)";
}

std::vector<std::string> rules(const std::vector<cchc::finding>& fs) {
  std::vector<std::string> out;
  for (const auto& f : fs) out.push_back(f.rule);
  return out;
}

const cchc::figure_check& figure(const cchc::flow_table_result& r, std::size_t row) {
  for (const auto& f : r.figures)
    if (f.row == row) return f;
  FAIL("no figure for row " << row);
  return r.figures.front();
}

std::string number(const cchc::finding& f, const std::string& name) {
  for (const auto& [k, v] : f.numbers)
    if (k == name) return v;
  return "<none>";
}

// The seed report (Trần Đề 2023) as a published table: Vietnamese counts, the printed rates.
const char* const seed_csv =
    "unit,received,resolved_in_time,resolved_late,pending_in_time,pending_overdue,on_time_rate\n"
    "UBND huyện,14.083,13.676,343,64,0,\"97,55 %\"\n"
    "UBND cấp xã,80878,80629,249,0,0,\"99,69%\"\n";

}  // namespace

TEST_CASE("flow_table_check: the seed rows read with Vietnamese and plain counts, absent columns absent") {
  const auto t = cchc::parse_flow_table(seed_csv, "seed.csv");
  CHECK(t.origin == "seed.csv");
  CHECK(t.label_column == "unit");
  CHECK(t.columns.size() == 5);
  CHECK(t.shares == std::vector<cchc::printed_share>{cchc::printed_share::on_time_rate});
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].label == "UBND huyện");
  CHECK(t.rows[0].line == 2);
  CHECK(t.rows[0].flow.received == 14083);        // "14.083"
  CHECK(t.rows[1].flow.received == 80878);        // "80878"
  CHECK(!t.rows[0].flow.resolved);                // not published: absent, not 0
  CHECK(!t.rows[0].flow.carried_over);
  REQUIRE(t.rows[0].get(cchc::printed_share::on_time_rate));
  CHECK(t.rows[0].get(cchc::printed_share::on_time_rate)->value == decimal::parse("97.55"));
  CHECK(t.rows[0].get(cchc::printed_share::on_time_rate)->text == "97,55 %");
  CHECK(!t.rows[0].get(cchc::printed_share::online_share));
}

TEST_CASE("flow_table_check: the seed's 97,55 % is resolved_basis and its 99,69 % is reproduced by four conventions") {
  const auto r = cchc::check_flow_table(cchc::parse_flow_table(seed_csv, "seed.csv"));
  CHECK(r.findings.empty());  // both rows add up (14083 = 14019 + 64; 80878 = 80878 + 0), both reproduced
  REQUIRE(r.figures.size() == 2);
  // District: resolved_basis 13676 / 14019 = 97,5533… % → 97,55 by the three nearest modes,
  // truncation and floor. The other bases are all 13740 / 14083 = 97,5644… % → 97,56 whatever the mode
  // (97,5644 truncates to 97,56 too), so they do not reproduce it.
  const auto& d = figure(r, 0);
  CHECK(d.bases.size() == 4);  // due_basis needs fell_due
  const std::vector<cchc::share_match> district{{"resolved_basis", 2, rounding::half_away_from_zero},
                                                {"resolved_basis", 2, rounding::half_even},
                                                {"resolved_basis", 2, rounding::half_toward_zero},
                                                {"resolved_basis", 2, rounding::toward_zero},
                                                {"resolved_basis", 2, rounding::floor}};
  CHECK(d.matches == district);
  // Commune: nothing pending, so resolved, received, late-complement and portal bases are all
  // 80629 / 80878 = 99,6921… % → 99,69 by the same five modes: 4 × 5 matches.
  const auto& c = figure(r, 1);
  CHECK(c.matches.size() == 20);
  for (const auto& [name, rate] : c.bases) CHECK(rate == cchc::rate(80629, 80878));
  CHECK(c.modes() == std::vector<rounding>{rounding::half_away_from_zero, rounding::half_even,
                                           rounding::half_toward_zero, rounding::toward_zero, rounding::floor});
}

TEST_CASE("flow_table_check: a table whose rows need different roundings") {
  // Golden values by hand:
  //   Xã A: 118 / (118 + 1) = 11800/119 % = 99,1596… % → truncated 99,15 (toward_zero, floor);
  //         to nearest it is 99,16. Printed 99,15.
  //   Huyện B: 2 / (2 + 1) = 66,666… % → to nearest 66,67 (the three half modes), also away_from_zero
  //         and ceiling; truncated it is 66,66. Printed 66,67.
  //   Xã C: 7799 / (7799 + 2201) = 77,99 % exactly → "78 %" is 78 at scale 0 and 78,0 at scale 1
  //         (the ",0" dropped) by the three half modes, away_from_zero and ceiling; 77,99 at scale 2.
  // A ∩ B = ∅ although each row alone is reproduced: mixed roundings.
  const auto t = cchc::parse_flow_table(
      "row;resolved_in_time;resolved_late;on_time_rate\n"
      "Xã A;118;1;99,15\n"
      "Huyện B;2;1;66,67\n"
      "Xã C;7799;2201;78 %\n",
      "mixed.csv");
  CHECK(t.label_column == "row");
  const auto r = cchc::check_flow_table(t);
  CHECK(figure(r, 0).modes() == std::vector<rounding>{rounding::toward_zero, rounding::floor});
  CHECK(figure(r, 1).modes() == std::vector<rounding>{rounding::half_away_from_zero, rounding::half_even,
                                                      rounding::half_toward_zero, rounding::away_from_zero,
                                                      rounding::ceiling});
  const auto& c = figure(r, 2);
  REQUIRE(c.matches.size() == 10);
  CHECK(c.matches.front() == cchc::share_match{"resolved_basis", 0, rounding::half_away_from_zero});
  CHECK(c.matches.back() == cchc::share_match{"resolved_basis", 1, rounding::ceiling});
  CHECK(std::none_of(c.matches.begin(), c.matches.end(), [](const cchc::share_match& m) { return m.scale == 2; }));
  REQUIRE(rules(r.findings) == std::vector<std::string>{"flow_table.mixed_rounding"});
  const auto& f = r.findings[0];
  CHECK(f.severity == cchc::severity::warning);
  CHECK(f.where.field == "on_time_rate");
  CHECK(number(f, "row Xã A") == "toward_zero, floor");
  CHECK(number(f, "row Huyện B") == "half_away_from_zero, half_even, half_toward_zero, away_from_zero, ceiling");
  // Without row A, B and C share the half modes: not mixed.
  auto without_a = t;
  without_a.rows.erase(without_a.rows.begin());
  CHECK(cchc::check_flow_table(without_a).findings.empty());
  // max_scale 0: "78 %" is tried at scale 0 only.
  cchc::flow_table_options o;
  o.max_scale = 0;
  CHECK(figure(cchc::check_flow_table(t, o), 2).matches.size() == 5);
}

TEST_CASE("flow_table_check: identity gaps with their numbers, not reproduced and not computable figures") {
  const auto r = cchc::check_flow_table(cchc::parse_flow_table(
      "unit,received,resolved_in_time,resolved_late,pending_in_time,pending_overdue,on_time_rate,online_share,late_share\n"
      "Gap,100,80,10,5,0,,,\n"
      "Seed 19/50,,19,31,,,30%,,62%\n"
      "Only received,100,,,,,\"97,55\",,\n",
      "f.csv"));
  REQUIRE(rules(r.findings) == std::vector<std::string>{"flow.balance_identity", "flow_table.not_reproduced",
                                                        "flow_table.not_computable"});
  const auto& gap = r.findings[0];
  CHECK(gap.where.file == "f.csv");
  CHECK(gap.where.line == 2);
  CHECK(gap.where.path == "row Gap");
  CHECK(number(gap, "received") == "100");
  CHECK(number(gap, "sum") == "95");  // resolved 90 + pending 5
  CHECK(number(gap, "difference") == "5");
  // 19/50 printed "30%": resolved_basis is 38 %, no mode at scale 0..2 gives 30. late_share 31/50 =
  // 62 % is reproduced (exactly) — it is not a finding.
  const auto& nr = r.findings[1];
  CHECK(nr.severity == cchc::severity::error);
  CHECK(nr.where.line == 3);
  CHECK(nr.where.field == "on_time_rate");
  CHECK(number(nr, "printed") == "30");
  CHECK(number(nr, "resolved_basis") == "19/50");
  CHECK(nr.message_en.find("38.00 %") != std::string::npos);
  CHECK(r.findings[2].severity == cchc::severity::warning);
  CHECK(r.findings[2].where.line == 4);
  REQUIRE(r.figures.size() == 3);
  CHECK(r.figures[1].share == cchc::printed_share::late_share);
  CHECK(r.figures[1].matches.size() == 21);  // 62 exactly: 7 modes × scales 0, 1, 2
}

TEST_CASE("flow_table_check: counts and percentages in every printed form") {
  const auto t = cchc::parse_flow_table(
      "unit\treceived\treceived_online\treceived_offline\ton_time_rate\tonline_share\n"
      "a\t14.083\t 999 \t13084\t97.55\t7,09 %\n"
      "b\t14083\t\t\t97,55%\t\n",
      "tab.csv");
  CHECK(t.rows[0].flow.received == 14083);
  CHECK(t.rows[1].flow.received == 14083);
  CHECK(t.rows[0].flow.received_online == 999);
  CHECK(!t.rows[1].flow.received_online);
  CHECK(t.rows[0].get(cchc::printed_share::on_time_rate)->value == decimal::parse("97.55"));
  CHECK(t.rows[1].get(cchc::printed_share::on_time_rate)->value == decimal::parse("97.55"));
  // 999 / 14083 = 7,0936… % → 7,09
  const auto r = cchc::check_flow_table(t);
  REQUIRE(r.figures.size() == 3);
  CHECK(r.figures[1].share == cchc::printed_share::online_share);
  CHECK(r.figures[1].bases.front().first == "online_share");
  CHECK(r.figures[1].modes().size() == 5);
  // plain counts refuse the group separator
  cchc::flow_table_options plain;
  plain.counts_style = cchc::number_style::plain;
  CHECK(error_of("unit,received\na,14.083\n", plain).find("expected a count (a whole number") != std::string::npos);
  // a fixed percent style
  cchc::flow_table_options vi;
  vi.percent_style = cchc::number_style::vi;
  CHECK(error_of("unit,on_time_rate\na,97.55\n", vi).find("on_time_rate: expected a percentage") != std::string::npos);
  // a negative count is read, and check() says so
  const auto n = cchc::check_flow_table(cchc::parse_flow_table("unit,received\na,-5\n"));
  CHECK(rules(n.findings) == std::vector<std::string>{"flow.negative_count"});
}

TEST_CASE("flow_table_check: every reader error names the file, line, column and column name") {
  // "Huyện Trần," is 11 characters: the bad cell starts at column 12.
  CHECK(error_of("unit,received\nA,1\nHuyện Trần,abc\n").rfind(
            "flows.csv:3:12: received: expected a count, found \"abc\"", 0) == 0);
  CHECK(error_of("unit,received\nA,\"1,5\"\n").rfind(
            "flows.csv:2:3: received: expected a count (a whole number of dossiers), found \"1,5\"", 0) == 0);
  CHECK(error_of("unit,received\nA,9223372036854775808\n")
            .rfind("flows.csv:2:3: received: expected a count up to 9223372036854775807", 0) == 0);
  CHECK(error_of("unit,on_time_rate\nA,abc%\n").rfind("flows.csv:2:3: on_time_rate: expected a percentage", 0) == 0);
  CHECK(error_of("unit,on_time_rate\nA,97.555\n").find("on_time_rate: expected a percentage") != std::string::npos);
  CHECK(error_of("unit,recieved\n").rfind("flows.csv:1:6: recieved: unknown column \"recieved\"; expected one of unit, row, received", 0) == 0);
  CHECK(error_of("unit,received,received\n").rfind("flows.csv:1:15: received: the column \"received\" appears twice", 0) == 0);
  CHECK(error_of("unit,row\n").rfind("flows.csv:1:6: row: two label columns", 0) == 0);
  CHECK(error_of("received\n1\n").rfind("flows.csv:1:1: expected a 'unit' or 'row' column", 0) == 0);
  CHECK(error_of("unit,received\n,1\n").rfind("flows.csv:2:1: unit: expected a label", 0) == 0);
  CHECK(error_of("unit,received\nA,1,2\n").rfind("flows.csv:2:5: expected 2 fields as in the header, found 3", 0) == 0);
  CHECK(error_of("unit,received\nA\n").rfind("flows.csv:2:2: expected 2 fields", 0) == 0);
  CHECK(error_of("").rfind("flows.csv:1:1: empty file", 0) == 0);
  CHECK(error_of("unit,received\nA,1\"2\n").rfind("flows.csv:2:", 0) == 0);
  CHECK(error_of("unit,received\n\xff,1\n").rfind("flows.csv:2:1: unit: expected UTF-8 text", 0) == 0);
  CHECK(error_of("unit,,received\n").rfind("flows.csv:1:6: expected a column name", 0) == 0);
  CHECK(error_of("unit,received\n") == "(no error)");  // a header alone is an empty table
  // a header with one column under ',' but several under ';' says so
  CHECK(error_of("unit;received\n") == "(no error)");  // ';' is detected
  cchc::flow_table_options comma;
  comma.separator = ',';
  CHECK(error_of("unit;received\nA;1\n", comma).find("semicolon") != std::string::npos);
  cchc::flow_table_options bad_scale;
  bad_scale.max_scale = 21;
  CHECK_THROWS_AS((void)cchc::parse_flow_table("unit\n", "x", bad_scale), cchc::argument_error);
  CHECK_THROWS_AS((void)cchc::check_flow_table({}, bad_scale), cchc::argument_error);
  CHECK_THROWS_AS((void)cchc::load_flow_table("/nonexistent/flows.csv"), cchc::io_error);
}

TEST_CASE("flow_table_check: rows in memory take the CSV path (parse_flow_row)") {
  const cchc::location where{"frame", 0, 0, "index 'UBND huyện'", ""};
  const auto row = cchc::parse_flow_row({{"unit", "UBND huyện"},
                                         {"received", "14083"},
                                         {"resolved_in_time", "13.676"},
                                         {"resolved_late", "343"},
                                         {"pending_in_time", ""},
                                         {"on_time_rate", "97,55"}},
                                        where);
  CHECK(row.label == "UBND huyện");
  CHECK(row.flow.resolved_in_time == 13676);
  CHECK(!row.flow.pending_in_time);
  cchc::published_flow_table t;
  t.rows.push_back(row);
  CHECK(cchc::check_flow_table(t).figures.at(0).matches.size() == 5);
  try {
    (void)cchc::parse_flow_row({{"received", "x"}}, where);
    FAIL("expected parse_error");
  } catch (const cchc::parse_error& e) {
    CHECK(e.where().field == "received");
    CHECK(e.where().path == "index 'UBND huyện'");
    CHECK(std::string(e.what()).rfind("frame: index 'UBND huyện': received: expected a count", 0) == 0);
  }
  CHECK_THROWS_AS((void)cchc::parse_flow_row({{"recieved", "1"}}, where), cchc::lookup_error);
  CHECK_THROWS_AS((void)cchc::parse_flow_row({{"received", "1"}, {"received", "2"}}, where), cchc::argument_error);
}

TEST_CASE("flow_table_check: a file on disk, and share names round-trip") {
  const std::string path = "flow_table_check_test.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << seed_csv;
  }
  const auto t = cchc::load_flow_table(path);
  std::remove(path.c_str());
  CHECK(t.origin == path);
  CHECK(t.rows.size() == 2);
  for (auto s : cchc::all_printed_shares) CHECK(cchc::parse_printed_share(cchc::to_string(s)) == s);
  CHECK_THROWS_AS((void)cchc::parse_printed_share("rate"), cchc::lookup_error);
}
