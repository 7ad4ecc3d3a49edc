#include "cchc/dossier_log.hpp"

#include <doctest/doctest.h>

#include <sys/resource.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <string>
#include <typeinfo>
#include <vector>

#include "cchc/error.hpp"
#include "cchc/procedure_catalogue.hpp"
#include "cchc/vietnam_calendar.hpp"

namespace {

using namespace std::chrono;

cchc::date_time at(int y, unsigned m, unsigned d, int hh = 0, int mm = 0) {
  return cchc::civil_time{date::local_days{date::year{y} / date::month{m} / date::day{d}}} + hours{hh} + minutes{mm};
}

std::string data(const std::string& name) { return std::string(CCHC_TEST_DATA_DIR) + "/dossier_log/" + name; }

// Runs `f`, expects a parse_error and returns it.
template <class F>
cchc::parse_error expect_parse_error(F&& f) {
  try {
    f();
  } catch (const cchc::parse_error& e) {
    return e;
  }
  FAIL("expected a cchc::parse_error");
  return cchc::parse_error("unreachable");
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("dossier_log: date-times in the four accepted forms") {
  bool has_time = true;
  CHECK(cchc::try_parse_log_date_time("2023-12-15", &has_time) == at(2023, 12, 15));
  CHECK(!has_time);
  CHECK(cchc::try_parse_log_date_time("2023-12-15 09:30", &has_time) == at(2023, 12, 15, 9, 30));
  CHECK(has_time);
  CHECK(cchc::try_parse_log_date_time("15/12/2023") == at(2023, 12, 15));
  CHECK(cchc::try_parse_log_date_time("15/12/2023 16:05") == at(2023, 12, 15, 16, 5));
  CHECK(cchc::try_parse_log_date_time(" 1/2/2023 7:05 ") == at(2023, 2, 1, 7, 5));
  CHECK(cchc::try_parse_log_date_time("2024-02-29") == at(2024, 2, 29));
  CHECK(cchc::try_parse_log_date_time("2023-12-15T09:30:59") == at(2023, 12, 15, 9, 30));  // seconds dropped
}

TEST_CASE("dossier_log: impossible or malformed date-times are rejected with a reason") {
  std::string why;
  CHECK(!cchc::try_parse_log_date_time("30/02/2023", nullptr, &why));
  CHECK(contains(why, "February 2023"));
  CHECK(!cchc::try_parse_log_date_time("2023-02-29"));  // 2023 is not a leap year
  CHECK(!cchc::try_parse_log_date_time("2100-02-29"));  // nor is 2100
  CHECK(!cchc::try_parse_log_date_time("2023-13-01"));
  CHECK(!cchc::try_parse_log_date_time("15-12-2023"));
  CHECK(!cchc::try_parse_log_date_time("15/12/23"));
  CHECK(!cchc::try_parse_log_date_time("2023-12-15 24:00"));
  CHECK(!cchc::try_parse_log_date_time("2023-12-15 9:5"));
  CHECK(!cchc::try_parse_log_date_time("2023-12-15 09:30 x"));
  CHECK(!cchc::try_parse_log_date_time(""));
  const auto e = expect_parse_error([] { (void)cchc::parse_log_date_time("31/04/2023"); });
  CHECK(contains(e.what(), "dd/mm/yyyy"));
  CHECK(contains(e.what(), "'31/04/2023'"));
}

TEST_CASE("dossier_log: a well-formed log with quoting, an embedded newline and a blank line") {
  cchc::dossier_log_summary s;
  const auto ds = cchc::load_dossier_log(data("good.csv"), {}, &s);
  REQUIRE(ds.size() == 4);
  CHECK(s.rows == 4);
  CHECK(s.accepted == 4);
  CHECK(s.complete());
  CHECK(s.bytes == 720);
  CHECK(s.ignored_columns.empty());

  CHECK(ds[0].id == "H1");
  CHECK(ds[0].unit == "UBND huyện Trần Đề");
  CHECK(ds[0].level == "district");
  CHECK(ds[0].channel == cchc::dossier_channel::online);
  CHECK(ds[0].received_at == at(2023, 12, 15, 9, 30));
  REQUIRE(ds[0].processing);
  CHECK(ds[0].processing->unit == cchc::time_unit::working_days);
  CHECK(ds[0].processing->amount == 3);
  REQUIRE(ds[0].end);
  CHECK(ds[0].end->kind == cchc::end_kind::resolved);
  CHECK(ds[0].end->at == at(2023, 12, 19, 10, 0));
  CHECK(ds[0].supplement_requests == 0);
  CHECK(!ds[0].apology);

  CHECK(ds[1].unit == "UBND xã Đại Ân 2, huyện Trần Đề");
  CHECK(ds[1].procedure == "Chứng thực \"bản sao\"");
  CHECK(ds[1].processing->unit == cchc::time_unit::same_day);
  CHECK(ds[1].channel == cchc::dossier_channel::in_person);

  CHECK(ds[2].field == "Bảo trợ\nxã hội");
  CHECK(ds[2].channel == cchc::dossier_channel::post);
  CHECK(ds[2].processing->unit == cchc::time_unit::working_days);  // the default unit
  REQUIRE(ds[2].promised_at);
  CHECK(*ds[2].promised_at == at(2023, 12, 26, 17, 0));
  CHECK(ds[2].promised_has_time);
  CHECK(!ds[2].end);
  REQUIRE(ds[2].pauses.size() == 1);
  CHECK(ds[2].pauses[0].from == at(2023, 12, 19));
  CHECK(ds[2].pauses[0].to == at(2023, 12, 21));
  CHECK(ds[2].supplement_requests == 1);

  CHECK(ds[3].id == "H4");
  CHECK(ds[3].end->kind == cchc::end_kind::withdrawn);
  CHECK(ds[3].apology);
}

TEST_CASE("dossier_log: BOM, CRLF, Vietnamese column names and values, free column order") {
  auto r = cchc::dossier_log_reader::open(data("aliases_bom.csv"));
  CHECK(r.header().front() == "Mã hồ sơ");  // the BOM is not part of the first name
  REQUIRE(r.summary().ignored_columns.size() == 1);
  CHECK(r.summary().ignored_columns[0] == "Ghi chú");
  cchc::dossier d;
  REQUIRE(r.next(d));
  CHECK(d.id == "X1");
  CHECK(d.channel == cchc::dossier_channel::online);
  CHECK(d.received_at == at(2023, 12, 15, 9, 30));
  CHECK(d.end->at == at(2023, 12, 19, 10, 0));
  CHECK(d.level == "district");
  CHECK(d.field == "Đất đai");
  CHECK(d.procedure == "1.001234");
  REQUIRE(r.next(d));
  CHECK(d.id == "X2");
  CHECK(d.channel == cchc::dossier_channel::in_person);
  CHECK(d.end->kind == cchc::end_kind::returned);
  CHECK(d.level == "commune");
  CHECK(d.processing->unit == cchc::time_unit::same_day);
  CHECK(!d.apology);
  REQUIRE(r.next(d));  // the storage of `d` is reused: nothing from X2 may leak into X3
  CHECK(d.id == "X3");
  CHECK(d.channel == cchc::dossier_channel::post);
  CHECK(d.received_at == at(2023, 2, 1, 7, 5));
  CHECK(!d.end);
  CHECK(d.supplement_requests == 2);
  CHECK(d.pauses.empty());
  CHECK(d.apology);
  CHECK(d.processing->unit == cchc::time_unit::working_days);
  CHECK(!r.next(d));
  CHECK(r.summary().accepted == 3);
}

TEST_CASE("dossier_log: every column has distinct aliases") {
  // Two columns sharing an alias would make the header ambiguous.
  const auto& cols = cchc::dossier_log_columns();
  CHECK(cols.size() == 16);
  for (std::size_t a = 0; a < cols.size(); ++a)
    for (std::size_t b = a + 1; b < cols.size(); ++b)
      for (auto x : cols[a].aliases)
        for (auto y : cols[b].aliases) CHECK_MESSAGE(x != y, std::string(x));
}

TEST_CASE("dossier_log: a bad date names file, line, column and the expected forms") {
  const auto e = expect_parse_error([] { (void)cchc::load_dossier_log(data("bad_date.csv")); });
  CHECK(e.where().file == data("bad_date.csv"));
  CHECK(e.where().line == 3);
  CHECK(e.where().column == 41);  // in characters: "B2,U,district,P,F,online,2023-12-15,3,,," is 40
  CHECK(e.where().path == "B2");  // the dossier id
  CHECK(e.where().field == "resolved_at");
  CHECK(contains(e.detail(), "YYYY-MM-DD HH:MM"));
  CHECK(contains(e.detail(), "'2023-12-1x'"));
}

TEST_CASE("dossier_log: 30/02/2023 is not a date") {
  const auto e = expect_parse_error([] { (void)cchc::load_dossier_log(data("bad_feb30.csv")); });
  CHECK(e.where().line == 3);
  CHECK(e.where().column == 26);
  CHECK(e.where().field == "received_at");
  CHECK(contains(e.detail(), "day 30 does not exist in February 2023"));
}

TEST_CASE("dossier_log: an unknown channel lists the accepted values") {
  const auto e = expect_parse_error([] { (void)cchc::load_dossier_log(data("bad_channel.csv")); });
  CHECK(e.where().line == 3);
  CHECK(e.where().column == 19);
  CHECK(e.where().field == "channel");
  CHECK(contains(e.detail(), "'email'"));
  CHECK(contains(e.detail(), "in_person"));
}

TEST_CASE("dossier_log: a missing required column is a header error, even when skipping bad rows") {
  cchc::dossier_log_options skip;
  skip.skip_bad_rows = true;
  const auto e = expect_parse_error([&] { (void)cchc::load_dossier_log(data("bad_missing_column.csv"), skip); });
  CHECK(e.where().line == 1);
  CHECK(contains(e.detail(), "missing required column(s): channel"));
  CHECK(!contains(e.detail(), "received_at ("));
}

TEST_CASE("dossier_log: a column given twice (canonical name and alias) is a header error") {
  const auto e = expect_parse_error(
      [] { (void)cchc::dossier_log_reader::from_text("id,channel,received_at,processing_time,Mã hồ sơ\n", "t.csv"); });
  CHECK(e.where().column == 40);  // where "Mã hồ sơ" starts, in characters
  CHECK(contains(e.detail(), "given twice"));
}

TEST_CASE("dossier_log: a wrong number of fields — skipping reports it and keeps the good rows") {
  const auto e = expect_parse_error([] { (void)cchc::load_dossier_log(data("bad_field_count.csv")); });
  CHECK(e.where().line == 3);
  CHECK(contains(e.detail(), "expected 16 fields as in the header, found 15"));

  cchc::dossier_log_options skip;
  skip.skip_bad_rows = true;
  cchc::dossier_log_summary s;
  const auto ds = cchc::load_dossier_log(data("bad_field_count.csv"), skip, &s);
  REQUIRE(ds.size() == 2);
  CHECK(ds[1].id == "B3");
  CHECK(s.rows == 3);
  CHECK(s.skipped == 1);
  CHECK(!s.complete());
  REQUIRE(s.errors.size() == 1);
  CHECK(s.errors[0].where().line == 3);
}

TEST_CASE("dossier_log: an unterminated quote names the line where it opened") {
  const auto e = expect_parse_error([] { (void)cchc::load_dossier_log(data("bad_unterminated_quote.csv")); });
  CHECK(e.where().line == 3);
  CHECK(e.where().column == 4);  // the opening quote
  CHECK(e.where().field == "unit");
  CHECK(contains(e.detail(), "unterminated quoted field"));
  cchc::dossier_log_options skip;
  skip.skip_bad_rows = true;
  cchc::dossier_log_summary s;
  const auto ds = cchc::load_dossier_log(data("bad_unterminated_quote.csv"), skip, &s);
  CHECK(ds.size() == 1);  // the rest of the file is inside the quote: lost, and said so
  CHECK(s.skipped == 1);
}

TEST_CASE("dossier_log: bytes that are not UTF-8 are an error naming the byte") {
  const auto e = expect_parse_error([] { (void)cchc::load_dossier_log(data("bad_utf8.csv")); });
  CHECK(e.where().line == 3);
  CHECK(e.where().column == 4);
  CHECK(e.where().field == "unit");
  CHECK(contains(e.detail(), "0xE3"));
  CHECK(contains(e.detail(), "UTF-8"));
}

TEST_CASE("dossier_log: row-level consistency errors") {
  const std::string h = "id,channel,received_at,processing_time,promised_at,resolved_at,end_kind,"
                        "supplement_requests,paused_from,paused_to,apology\n";
  auto first_error = [&](const std::string& row) {
    return expect_parse_error([&] {
      auto r = cchc::dossier_log_reader::from_text(h + row, "t.csv");
      cchc::dossier d;
      while (r.next(d)) {
      }
    });
  };
  CHECK(first_error("A,online,2023-12-15,3,,2023-12-14,,,,,\n").where().field == "resolved_at");
  CHECK(first_error("A,online,2023-12-15,3,,,returned,,,,\n").where().field == "end_kind");
  CHECK(first_error("A,online,2023-12-15,,,,,,,,\n").where().field == "processing_time");
  CHECK(first_error("A,online,2023-12-15,-3,,,,,,,\n").where().field == "processing_time");
  CHECK(first_error("A,online,2023-12-15,3,,,,,2023-12-16,,\n").where().field == "paused_to");
  CHECK(first_error("A,online,2023-12-15,3,,,,,2023-12-18,2023-12-16,\n").where().field == "paused_to");
  CHECK(first_error("A,online,2023-12-15,3,,,,0,2023-12-16,2023-12-18,\n").where().field == "supplement_requests");
  CHECK(first_error("A,online,2023-12-15,3,,,,,,,maybe\n").where().field == "apology");
  CHECK(first_error(",online,2023-12-15,3,,,,,,,\n").where().field == "id");
  CHECK(first_error("A,online,2023-12-15,3,,,finished,,,,\n").where().field == "end_kind");  // resolved_at empty
  // a processing time may be empty when the promised date is recorded
  auto r = cchc::dossier_log_reader::from_text(h + "A,online,2023-12-15,,2023-12-20,,,,,,\n");
  cchc::dossier d;
  REQUIRE(r.next(d));
  CHECK(!d.processing);
  CHECK(*d.promised_at == at(2023, 12, 20));
  CHECK(!d.promised_has_time);
}

TEST_CASE("dossier_log: quoting mistakes are errors at the right column") {
  const std::string h = "id,channel,received_at,processing_time\n";
  auto e = expect_parse_error([&] {
    auto r = cchc::dossier_log_reader::from_text(h + "A,on\"line,2023-12-15,3\n", "t.csv");
    cchc::dossier d;
    (void)r.next(d);
  });
  CHECK(e.where().line == 2);
  CHECK(e.where().column == 5);  // the stray quote
  CHECK(e.where().field == "channel");
  CHECK(contains(e.detail(), "quote inside an unquoted field"));
  e = expect_parse_error([&] {
    auto r = cchc::dossier_log_reader::from_text(h + "A,online,\"2023-12-15\"x,3\n", "t.csv");
    cchc::dossier d;
    (void)r.next(d);
  });
  CHECK(e.where().column == 22);  // the 'x'
  CHECK(contains(e.detail(), "after a closing quote"));
  // in skip mode the reader resynchronises on the next line
  cchc::dossier_log_options o;
  o.skip_bad_rows = true;
  auto r = cchc::dossier_log_reader::from_text(h + "A,on\"line,2023-12-15,3\nB,online,2023-12-15,3\n", "t.csv", o);
  cchc::dossier d;
  REQUIRE(r.next(d));
  CHECK(d.id == "B");
  CHECK(r.summary().skipped == 1);
}

TEST_CASE("dossier_log: bad bytes in an ignored column do not reject the row") {
  const std::string text = std::string("id,channel,received_at,processing_time,note\n") + "A,online,2023-12-15,3,\xff\xfe\n";
  auto r = cchc::dossier_log_reader::from_text(text, "t.csv");
  cchc::dossier d;
  REQUIRE(r.next(d));
  CHECK(d.id == "A");
}

TEST_CASE("dossier_log: skipping keeps only the first few errors but counts them all") {
  std::string text = "id,channel,received_at,processing_time\n";
  for (int i = 0; i < 5; ++i) text += "A" + std::to_string(i) + ",fax,2023-12-15,3\n";
  text += "OK,online,2023-12-15,3";  // no final newline
  cchc::dossier_log_options o;
  o.skip_bad_rows = true;
  o.max_reported_errors = 2;
  auto r = cchc::dossier_log_reader::from_text(text, "t.csv", o);
  cchc::dossier d;
  REQUIRE(r.next(d));
  CHECK(d.id == "OK");
  CHECK(!r.next(d));
  CHECK(r.summary().skipped == 5);
  CHECK(r.summary().errors.size() == 2);
  CHECK(r.summary().errors[1].where().line == 3);
}

TEST_CASE("dossier_log: an overlong record is an error, not unbounded memory") {
  // An unterminated quote at line 3 of a file larger than the limit (limit lowered to 1 MiB here;
  // the read buffer is 4 MiB, so the reader must ask for more data several times).
  const std::string path = "cchc_dossier_log_test_overlong.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "id,channel,received_at,processing_time\nA,online,2023-12-15,3\nB,\"online,2023-12-15,3\n";
    for (int i = 0; i < 200000; ++i) out << "C" << i << ",online,2023-12-15,3\n";
  }
  cchc::dossier_log_options o;
  o.max_record_bytes = std::size_t{1} << 20;
  o.skip_bad_rows = true;
  const auto e = expect_parse_error([&] { (void)cchc::load_dossier_log(path, o); });
  std::remove(path.c_str());
  CHECK(e.where().line == 3);
  CHECK(contains(e.detail(), "unterminated quote"));
}

TEST_CASE("dossier_log: an empty file and a missing file") {
  CHECK_THROWS_AS((void)cchc::dossier_log_reader::from_text(""), cchc::parse_error);
  CHECK_THROWS_AS((void)cchc::dossier_log_reader::open(data("no-such-file.csv")), cchc::io_error);
}

TEST_CASE("dossier_log: records crossing the read buffer's boundaries are read whole") {
  // The reader reads 4 MiB at a time; ~7 MB of rows with quoted fields, embedded newlines and
  // doubled quotes put records across several refills. Every 9973rd row is malformed (a quote inside
  // an unquoted field) to check that line numbers stay right across refills. Expected values are
  // recomputed from the generator's own loop.
  const std::string path = "cchc_dossier_log_test_large.csv";
  long expected_rows = 0;
  long expected_online = 0;
  std::size_t expected_unit_bytes = 0;
  std::vector<long> bad_lines;
  std::vector<long> bad_columns;
  {
    std::ofstream out(path, std::ios::binary);
    out << "id,unit,channel,received_at,processing_time,resolved_at\n";
    long line = 2;
    for (long i = 0; i < 70000; ++i) {
      if (i % 9973 == 9972) {
        out << "BAD" << i << ",x\"y,online,2023-06-15,1,\n";
        bad_lines.push_back(line);
        bad_columns.push_back(static_cast<long>(("BAD" + std::to_string(i) + ",x").size()) + 1);  // the quote
        line += 1;
        continue;
      }
      const bool online = i % 3 == 0;
      std::string unit = "Đơn vị \"số\" " + std::to_string(i % 97) + ",\nxã-" + std::string(static_cast<std::size_t>(i % 41), 'x');
      std::string quoted;
      for (char c : unit) {
        quoted += c;
        if (c == '"') quoted += '"';
      }
      out << "D" << i << ",\"" << quoted << "\"," << (online ? "online" : "in_person") << ","
          << (i % 2 ? "2023-06-15 08:30" : "15/06/2023") << "," << (i % 7 + 1) << "," << (i % 5 ? "" : "2023-06-20")
          << (i % 11 ? "\n" : "\r\n");
      line += 2;
      ++expected_rows;
      expected_online += online;
      expected_unit_bytes += unit.size();
    }
  }
  long rows = 0, online = 0;
  std::size_t unit_bytes = 0;
  std::string last_id;
  cchc::dossier_log_options o;
  o.skip_bad_rows = true;
  o.max_reported_errors = 100;
  const auto s = cchc::read_dossier_log(path, [&](const cchc::dossier& d) {
    ++rows;
    online += d.channel == cchc::dossier_channel::online;
    unit_bytes += d.unit.size();
    last_id = d.id;
  }, o);
  std::remove(path.c_str());
  CHECK(rows == expected_rows);
  CHECK(online == expected_online);
  CHECK(unit_bytes == expected_unit_bytes);
  CHECK(last_id == "D69999");
  CHECK(s.accepted == expected_rows);
  CHECK(s.bytes > 4 * 1024 * 1024);
  REQUIRE(s.errors.size() == bad_lines.size());
  CHECK(s.skipped == static_cast<std::int64_t>(bad_lines.size()));
  for (std::size_t k = 0; k < bad_lines.size(); ++k) {
    CHECK(s.errors[k].where().line == bad_lines[k]);
    CHECK(s.errors[k].where().column == bad_columns[k]);
  }
}

TEST_CASE("dossier_log: a log streamed into a flow table") {
  // good.csv over 15–21/12/2023 on a Saturday/Sunday calendar, worked out by hand:
  //  H1 online, received Fri 15/12, 3 working days → due Wed 20/12, resolved 19/12: early
  //  H2 in person, same day, received and resolved Mon 18/12: on time
  //  H3 by post, promised 26/12, pause (19/12, 21/12] → +2 working days → 28/12, open: pending in time
  //  H4 online, withdrawn 21/12 (apology slip recorded)
  using namespace date;
  const cchc::work_calendar calendar;
  cchc::flow_accumulator acc(sys_days{year{2023} / 12 / 15}, sys_days{year{2023} / 12 / 21}, calendar,
                             cchc::flow_key::unit);
  const auto s = cchc::read_dossier_log(data("good.csv"), [&](const cchc::dossier& d) { acc.add(d); });
  CHECK(s.accepted == 4);
  const auto& f = acc.flow();
  CHECK(f.received == 4);
  CHECK(f.received_online == 2);
  CHECK(f.received_offline == 2);
  CHECK(f.resolved_early == 1);
  CHECK(f.resolved_on_time == 1);
  CHECK(f.resolved_late == 0);
  CHECK(f.pending_in_time == 1);
  CHECK(f.returned_withdrawn == 1);
  CHECK(f.apologies == 1);
  CHECK(f.online_resolved == 1);
  CHECK(f.fell_due == 2);  // H1 (20/12), H2 (18/12)
  // identities hold; H4's apology slip without any late dossier is reported as information
  const auto findings = f.check();
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "flow.apology_coverage");
  CHECK(findings[0].severity == cchc::severity::info);
  CHECK(acc.table().size() == 2);
  CHECK(acc.table().at("UBND huyện Trần Đề").received == 3);

  // the one-call form gives the same
  cchc::flow_accumulator again(sys_days{year{2023} / 12 / 15}, sys_days{year{2023} / 12 / 21}, calendar,
                               cchc::flow_key::unit);
  const auto s2 = cchc::accumulate_dossier_log(data("good.csv"), again);
  CHECK(s2.complete());
  CHECK(again.flow() == acc.flow());
  CHECK(again.table() == acc.table());
}

// --- the shared tokenizer, folding, bounded resources, unclassifiable rows (issue 9) ---------------

namespace {

// Reads every row of `text`; returns the accepted ids.
std::vector<std::string> ids(const std::string& text, cchc::dossier_log_options o = {}) {
  auto r = cchc::dossier_log_reader::from_text(text, "t.csv", o);
  std::vector<std::string> out;
  cchc::dossier d;
  while (r.next(d)) out.push_back(d.id);
  return out;
}

long peak_rss_mib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;  // Linux: KiB
}

}  // namespace

TEST_CASE("dossier_log: a semicolon- or tab-separated log is detected from its header") {
  CHECK(ids("id;channel;received_at;processing_time\nA;online;2023-12-15;3\n") == std::vector<std::string>{"A"});
  CHECK(ids("id\tchannel\treceived_at\tprocessing_time\nA\tonline\t2023-12-15\t3\n") ==
        std::vector<std::string>{"A"});
  auto r = cchc::dossier_log_reader::from_text("id;channel;received_at;processing_time\n", "t.csv");
  CHECK(r.separator() == ';');
}

TEST_CASE("dossier_log: a header that splits under another separator says so") {
  cchc::dossier_log_options comma;
  comma.separator = ',';
  const auto e = expect_parse_error([&] {
    (void)cchc::dossier_log_reader::from_text("id;unit;channel;received_at;processing_time\n", "t.csv", comma);
  });
  CHECK(contains(e.detail(), "missing required column(s)"));
  CHECK(contains(e.detail(), "the header has 1 column with ','; with ';' it has 5"));
  CHECK(contains(e.detail(), "semicolon-separated? pass --separator ';'"));
}

TEST_CASE("dossier_log: lone CR line ends keep line numbers right, also inside quotes") {
  const std::string text = "id,unit,channel,received_at,processing_time\r"
                           "A,\"two\rlines\",online,2023-12-15,3\r"
                           "B,U,fax,2023-12-15,3\r"
                           "C,U,online,2023-12-15,3\r";
  const auto e = expect_parse_error([&] { (void)ids(text); });
  CHECK(e.where().line == 4);  // A takes lines 2 and 3
  CHECK(e.where().column == 5);
  CHECK(e.where().path == "B");
  CHECK(e.where().field == "channel");
  cchc::dossier_log_options skip;
  skip.skip_bad_rows = true;
  CHECK(ids(text, skip) == std::vector<std::string>{"A", "C"});
}

TEST_CASE("dossier_log: a field after a quoted line break has its own line and column") {
  const std::string text = "id,unit,channel,received_at,processing_time\n"
                           "A,\"Đơn vị\nxã Đại Ân\",email,2023-12-15,3\n";
  const auto e = expect_parse_error([&] { (void)ids(text); });
  CHECK(e.where().line == 3);
  CHECK(e.where().column == 12);  // 'xã Đại Ân",' is 11 characters
  CHECK(e.where().field == "channel");
}

TEST_CASE("dossier_log: header names and values in capitals or decomposed Unicode match") {
  // "MÃ HỒ SƠ", "KÊNH", "NGÀY TIẾP NHẬN", "THỜI HẠN GIẢI QUYẾT", "Cấp" decomposed (NFD).
  const std::string nfd_cap = "C\xC3\xA2\xCC\x81p";  // â + combining acute
  const std::string text = "MÃ HỒ SƠ,KÊNH,NGÀY TIẾP NHẬN,THỜI HẠN GIẢI QUYẾT," + nfd_cap + "\n"
                           "A,TRỰC TIẾP,2023-12-15,3,XÃ\n"
                           "B,Tru\xCC\x9B\xCC\xA3" "c tuye\xCC\x82\xCC\x81" "n,2023-12-15,3,HUYỆN\n"
                           "C,In-Person,2023-12-15,3,Cấp_Tỉnh\n";
  auto r = cchc::dossier_log_reader::from_text(text, "t.csv");
  CHECK(r.summary().ignored_columns.empty());
  cchc::dossier d;
  REQUIRE(r.next(d));
  CHECK(d.channel == cchc::dossier_channel::in_person);
  CHECK(d.level == "commune");
  REQUIRE(r.next(d));
  CHECK(d.channel == cchc::dossier_channel::online);
  CHECK(d.level == "district");
  REQUIRE(r.next(d));
  CHECK(d.channel == cchc::dossier_channel::in_person);
  CHECK(d.level == "province");
  CHECK(!r.next(d));
}

TEST_CASE("dossier_log: a header of many unknown names is one warning per distinct name, bounded") {
  // 500 000 empty names (and 30 distinct others): the summary lists each distinct name once and at
  // most 20 of them, and counts all.
  std::string header = "id,channel,received_at,processing_time";
  for (int i = 0; i < 30; ++i) header += ",extra" + std::to_string(i);
  header += std::string(500000, ',');
  auto r = cchc::dossier_log_reader::from_text(header + "\n", "t.csv");
  CHECK(r.summary().ignored_columns.size() == 20);
  CHECK(r.summary().ignored_columns.front() == "extra0");
  CHECK(r.summary().ignored_columns_total == 500030);
}

TEST_CASE("dossier_log: a 5 MB header of commas finishes with one error, not millions of warnings") {
  // 5 million fields cost more than the default record cap (each field counts 32 bytes): refused
  // at line 1 instead of costing 800 MB and a warning per name.
  const std::string text = "id,channel,received_at,processing_time" + std::string(5000000, ',') + "\n";
  const auto e = expect_parse_error([&] { (void)cchc::dossier_log_reader::from_text(text, "t.csv"); });
  CHECK(e.where().line == 1);
  CHECK(contains(e.detail(), "each field counted as 32 bytes"));
}

TEST_CASE("dossier_log: a 50 MB line of commas is a record-cap error in bounded memory") {
  const std::string path = "cchc_dossier_log_test_commas.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "id,channel,received_at,processing_time\nA,online,2023-12-15,3\n";
    const std::string block(1 << 20, ',');
    for (int i = 0; i < 50; ++i) out << block;
    out << "\nB,online,2023-12-15,3\n";
  }
  cchc::dossier_log_options skip;
  skip.skip_bad_rows = true;  // the cap is fatal even then: there is no line to resume at
  const auto e = expect_parse_error([&] { (void)cchc::load_dossier_log(path, skip); });
  std::remove(path.c_str());
  CHECK(e.where().line == 3);
  CHECK(contains(e.detail(), "a record longer than 67108864 bytes"));
  // The old reader allocated 2 GB of field records first; the cap bounds them to about 2 × 64 MiB.
  CHECK(peak_rss_mib() < 512);
}

TEST_CASE("dossier_log: a row whose due date is outside the calendar is a bad row, named by line and id") {
  // Received 20/12/2199, 30 working days: the deadline falls after 2199-12-31, the calendar's end.
  const std::string path = "cchc_dossier_log_test_range.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "id,channel,received_at,processing_time\n"
           "A,online,2199-12-01,3\n"
           "FAR,online,2199-12-20,30\n"
           "C,online,2199-12-02,3\n";
  }
  using namespace date;
  const cchc::work_calendar calendar;
  auto accumulator = [&] { return cchc::flow_accumulator(sys_days{year{2199} / 12 / 1}, sys_days{year{2199} / 12 / 31}, calendar); };
  auto acc = accumulator();
  try {
    (void)cchc::accumulate_dossier_log(path, acc);
    FAIL("expected a range_error");
  } catch (const cchc::range_error& e) {
    CHECK(e.where().file == path);
    CHECK(e.where().line == 3);
    CHECK(e.where().path == "FAR");
    CHECK(contains(e.detail(), "cannot classify the dossier"));
  }
  cchc::dossier_log_options skip;
  skip.skip_bad_rows = true;
  auto acc2 = accumulator();
  const auto s = cchc::accumulate_dossier_log(path, acc2, skip);
  std::remove(path.c_str());
  CHECK(s.rows == 3);
  CHECK(s.accepted == 2);
  CHECK(s.skipped == 1);
  REQUIRE(s.errors.size() == 1);
  CHECK(s.errors[0].where().line == 3);
  CHECK(s.errors[0].where().path == "FAR");
  CHECK(acc2.flow().received == 2);
}

TEST_CASE("dossier_log: counts written by pandas as floats (1.0) are whole numbers, 1.5 is refused") {
  const std::string h = "id,channel,received_at,processing_time,supplement_requests,paused_from,paused_to,apology\n";
  auto r = cchc::dossier_log_reader::from_text(
      h + "A,online,2023-12-15,3.0,2.0,2023-12-18,2023-12-19,1.0\n"
          "B,online,2023-12-15,3.00,0.0,,,0.0\n",
      "t.csv");
  cchc::dossier d;
  REQUIRE(r.next(d));
  CHECK(d.processing == cchc::processing_time{cchc::time_unit::working_days, 3});
  CHECK(d.supplement_requests == 2);
  CHECK(d.apology);
  REQUIRE(r.next(d));
  CHECK(d.processing->amount == 3);
  CHECK(d.supplement_requests == 0);
  CHECK(!d.apology);
  auto first_error = [&](const std::string& row) {
    return expect_parse_error([&] {
      auto rr = cchc::dossier_log_reader::from_text(h + row, "t.csv");
      cchc::dossier dd;
      while (rr.next(dd)) {
      }
    });
  };
  auto e = first_error("A,online,2023-12-15,1.5,,,,\n");
  CHECK(e.where().field == "processing_time");
  CHECK(e.where().column == 21);
  CHECK(contains(e.detail(), "whole number"));
  CHECK(contains(e.detail(), "'1.5'"));
  e = first_error("A,online,2023-12-15,3,2.5,,,\n");
  CHECK(e.where().field == "supplement_requests");
  CHECK(contains(e.detail(), "not a whole number"));
  e = first_error("A,online,2023-12-15,3,,,,1.5\n");
  CHECK(e.where().field == "apology");
  CHECK(contains(e.detail(), "not a whole number"));
  CHECK(first_error("A,online,2023-12-15,3,,,,2.0\n").where().field == "apology");
  CHECK(first_error("A,online,2023-12-15,-1.0,,,,\n").where().field == "processing_time");
  CHECK(contains(first_error("A,online,2023-12-15,-1.0,,,,\n").detail(), "negative"));
  CHECK(first_error("A,online,2023-12-15,1e400,,,,\n").where().field == "processing_time");
  CHECK(first_error("A,online,2023-12-15,100001.0,,,,\n").where().field == "processing_time");
  CHECK(first_error("A,online,2023-12-15,99999999999999999999.0,,,,\n").where().field == "processing_time");
  CHECK(first_error("A,online,2023-12-15,1.0.0,,,,\n").where().field == "processing_time");
  CHECK(first_error("A,online,2023-12-15,\"1,0\",,,,\n").where().field == "processing_time");  // not the plain style
}

TEST_CASE("dossier_log: a procedure catalogue supplies the processing time and the receipt cut-off") {
  using namespace std::chrono_literals;
  cchc::dossier_log_options o;
  o.procedures = cchc::builtin_procedure_catalogue();
  // Without processing_time in the header at all: every row then needs a catalogued code or a promise.
  auto r = cchc::dossier_log_reader::from_text(
      "id,procedure,channel,received_at,promised_at\n"
      "A,1.001193,in_person,2024-03-04 15:30,\n"
      "B,2.000815,online,2024-03-04 09:00,2024-03-06\n",
      "t.csv", o);
  cchc::dossier d;
  REQUIRE(r.next(d));
  CHECK(d.processing == cchc::processing_time{cchc::time_unit::same_day, 1});
  CHECK(d.receipt_cutoff == std::optional<std::chrono::minutes>{15h});
  REQUIRE(r.next(d));
  CHECK(!d.processing);  // a promised date wins, as without a catalogue
  CHECK(d.receipt_cutoff == std::optional<std::chrono::minutes>{15h});

  // A row's own processing time wins; the procedure's cut-off still applies; unknown codes get none.
  r = cchc::dossier_log_reader::from_text(
      "id,procedure,channel,received_at,processing_time\n"
      "A,1.001193,online,2024-03-04,3\n"
      "B,OTHER,online,2024-03-04,3\n",
      "t.csv", o);
  REQUIRE(r.next(d));
  CHECK(d.processing == cchc::processing_time{cchc::time_unit::working_days, 3});
  CHECK(d.receipt_cutoff == std::optional<std::chrono::minutes>{15h});
  REQUIRE(r.next(d));
  CHECK(!d.receipt_cutoff);  // reset between rows

  auto first_error = [&](const std::string& text) {
    return expect_parse_error([&] {
      auto rr = cchc::dossier_log_reader::from_text(text, "t.csv", o);
      cchc::dossier dd;
      while (rr.next(dd)) {
      }
    });
  };
  // A code not in the catalogue, no processing time: the existing error, naming the code.
  auto e = first_error("id,procedure,channel,received_at,processing_time\nA,9.999,online,2024-03-04,\n");
  CHECK(e.where().field == "processing_time");
  CHECK(contains(e.detail(), "no promised_at"));
  CHECK(contains(e.detail(), "'9.999' is not in the procedure catalogue"));
  e = first_error("id,procedure,channel,received_at\nA,9.999,online,2024-03-04\n");
  CHECK(e.where().field == "procedure");
  CHECK(e.where().path == "A");
  CHECK(contains(e.detail(), "processing_time: "));
  e = first_error("id,channel,received_at\nA,online,2024-03-04\n");
  CHECK(e.where().field == "id");
  CHECK(contains(e.detail(), "no procedure code"));
  // A processing unit that contradicts the catalogue's is an error, not silently dropped.
  e = first_error("id,procedure,channel,received_at,processing_time,processing_unit\nA,1.001193,online,2024-03-04,,working_days\n");
  CHECK(e.where().field == "processing_unit");
  CHECK(contains(e.detail(), "1.001193"));
  // Without a catalogue, processing_time stays a required column.
  CHECK(contains(expect_parse_error([] {
                   (void)cchc::dossier_log_reader::from_text("id,procedure,channel,received_at\n", "t.csv");
                 }).detail(),
                 "missing required column(s): processing_time"));
}

// ---- the columnar read (dossier_log_reader::next(dossier_log_chunk&, n)) ----------------------------

namespace {

// What one read of a text gave: the rows (as dossiers), the error that stopped it (if any) and the
// summary. The columnar read's rows are turned back into dossiers from its columns, so that both
// shapes compare field by field.
struct read_result {
  std::vector<cchc::dossier> rows;
  std::optional<std::string> error;  // message, then the location, of what stopped the read
  cchc::dossier_log_summary summary;
};

std::string describe(const cchc::error& e) {
  const auto& w = e.where();
  return std::string(typeid(e).name()) + " " + e.detail() + " @" + w.file + ":" + std::to_string(w.line) + ":" +
         std::to_string(w.column) + " path=" + w.path + " field=" + w.field;
}

read_result record_read(const std::string& text, const cchc::dossier_log_options& o) {
  read_result r;
  try {
    auto reader = cchc::dossier_log_reader::from_text(text, "t.csv", o);
    cchc::dossier d;
    try {
      while (reader.next(d)) r.rows.push_back(d);
    } catch (const cchc::error& e) {
      r.error = describe(e);
    }
    r.summary = reader.summary();
  } catch (const cchc::error& e) {
    r.error = describe(e);
  }
  return r;
}

constexpr std::array<cchc::flow_key, 5> all_keys{cchc::flow_key::unit, cchc::flow_key::procedure,
                                                cchc::flow_key::field, cchc::flow_key::level,
                                                cchc::flow_key::channel};

// Reads `text` into chunks of at most `per_call` rows, clearing the chunk every other call (so both
// appending and reuse are exercised), and rebuilds the dossiers from the columns.
read_result columnar_read(const std::string& text, const cchc::dossier_log_options& o, std::size_t per_call) {
  read_result r;
  cchc::dossier_log_chunk c;
  c.keys.assign(all_keys.begin(), all_keys.end());
  c.want_ids = true;
  auto take = [&] {
    REQUIRE(c.pause_offsets.size() == c.rows() + 1);
    REQUIRE(c.id_end.size() == c.rows());
    std::size_t id_start = 0;
    for (std::size_t i = 0; i < c.rows(); ++i) {
      cchc::dossier d;
      d.id = c.ids.substr(id_start, c.id_end[i] - id_start);
      id_start = c.id_end[i];
      d.unit = c.key_codes[0].names()[c.key_columns[0][i]];
      d.procedure = c.key_codes[1].names()[c.key_columns[1][i]];
      d.field = c.key_codes[2].names()[c.key_columns[2][i]];
      d.level = c.key_codes[3].names()[c.key_columns[3][i]];
      CHECK(c.key_codes[4].names()[c.key_columns[4][i]] == cchc::to_string(static_cast<cchc::dossier_channel>(c.channel[i])));
      d.channel = static_cast<cchc::dossier_channel>(c.channel[i]);
      d.received_at = cchc::civil_time{std::chrono::minutes{c.received[i]}};
      if (c.amount[i] != std::numeric_limits<std::int32_t>::min())
        d.processing = cchc::processing_time{static_cast<cchc::time_unit>(c.unit_of_time[i]), c.amount[i]};
      else
        CHECK(c.unit_of_time[i] == 0);
      if (c.promised[i] != cchc::no_time) d.promised_at = cchc::civil_time{std::chrono::minutes{c.promised[i]}};
      d.promised_has_time = c.promised_has_time[i] != 0;
      if (c.receipt_cutoff[i] != cchc::no_cutoff) d.receipt_cutoff = std::chrono::minutes{c.receipt_cutoff[i]};
      for (auto p = c.pause_offsets[i]; p < c.pause_offsets[i + 1]; ++p)
        d.pauses.push_back({cchc::civil_time{std::chrono::minutes{c.pause_from[static_cast<std::size_t>(p)]}},
                            cchc::civil_time{std::chrono::minutes{c.pause_to[static_cast<std::size_t>(p)]}}});
      d.supplement_requests = c.supplement_requests[i];
      CHECK((c.end_kind[i] == cchc::no_end_kind) == (c.ended[i] == cchc::no_time));
      if (c.ended[i] != cchc::no_time)
        d.end = cchc::dossier_end{static_cast<cchc::end_kind>(c.end_kind[i]), cchc::civil_time{std::chrono::minutes{c.ended[i]}}};
      d.apology = c.apology[i] != 0;
      r.rows.push_back(d);
    }
    c.clear();
  };
  try {
    auto reader = cchc::dossier_log_reader::from_text(text, "t.csv", o);
    try {
      for (std::size_t call = 0;; ++call) {
        const std::size_t before = c.rows();
        const std::size_t n = reader.next(c, per_call);
        CHECK(n <= per_call);
        CHECK(c.rows() == before + n);
        if (n == 0) break;
        if (call % 2 == 1) take();
      }
    } catch (const cchc::error& e) {
      r.error = describe(e);
    }
    take();
    r.summary = reader.summary();
  } catch (const cchc::error& e) {
    r.error = describe(e);
  }
  return r;
}

void same_reads(const std::string& text, cchc::dossier_log_options o, const std::string& label) {
  INFO(label);
  for (const bool skip : {false, true}) {
    o.skip_bad_rows = skip;
    const read_result a = record_read(text, o);
    for (const std::size_t per_call : {std::size_t{1}, std::size_t{3}, std::size_t{1} << 16}) {
      INFO("skip_bad_rows=" << skip << " per_call=" << per_call);
      const read_result b = columnar_read(text, o, per_call);
      CHECK(a.error == b.error);
      REQUIRE(a.rows.size() == b.rows.size());
      for (std::size_t i = 0; i < a.rows.size(); ++i) {
        INFO("row " << i << " id " << a.rows[i].id);
        CHECK(a.rows[i] == b.rows[i]);
        CHECK(a.rows[i].id == b.rows[i].id);
        CHECK(a.rows[i].unit == b.rows[i].unit);
        CHECK(a.rows[i].procedure == b.rows[i].procedure);
        CHECK(a.rows[i].field == b.rows[i].field);
        CHECK(a.rows[i].level == b.rows[i].level);
        CHECK(a.rows[i].receipt_cutoff == b.rows[i].receipt_cutoff);
      }
      CHECK(a.summary.rows == b.summary.rows);
      CHECK(a.summary.accepted == b.summary.accepted);
      CHECK(a.summary.skipped == b.summary.skipped);
      CHECK(a.summary.bytes == b.summary.bytes);
      REQUIRE(a.summary.errors.size() == b.summary.errors.size());
      for (std::size_t i = 0; i < a.summary.errors.size(); ++i)
        CHECK(describe(a.summary.errors[i]) == describe(b.summary.errors[i]));
    }
  }
}

std::string file_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("dossier_log: the columnar read gives the record read's rows, values and errors") {
  // Every test log, and the fuzz seeds and saved crash inputs of the dossier_log target (byte 0 of
  // those picks the fuzzer's options; the rest is the CSV text).
  std::size_t inputs = 0;
  for (const auto& e : std::filesystem::directory_iterator(data(""))) {
    same_reads(file_text(e.path()), {}, e.path().filename().string());
    ++inputs;
  }
  for (const char* dir : {"/fuzz/corpus/dossier_log", "/fuzz/regressions/dossier_log"}) {
    const std::filesystem::path p = std::string(CCHC_SOURCE_DIR) + dir;
    if (!std::filesystem::exists(p)) continue;
    for (const auto& e : std::filesystem::directory_iterator(p)) {
      const std::string t = file_text(e.path());
      if (t.empty()) continue;
      cchc::dossier_log_options o;
      if ((static_cast<unsigned char>(t[0]) & 2) != 0) o.max_record_bytes = 256;
      same_reads(t.substr(1), o, e.path().filename().string());
      ++inputs;
    }
  }
  CHECK(inputs >= 20);

  // Every optional column, Vietnamese values (the non-ASCII memo), "" inside quotes, bad rows of
  // each kind between good ones, and a procedure catalogue.
  const std::string mixed =
      "Mã hồ sơ,Đơn vị,Cấp,Thủ tục,Lĩnh vực,Kênh,Ngày tiếp nhận,Thời hạn giải quyết,processing_unit,promised_at,"
      "resolved_at,end_kind,supplement_requests,paused_from,paused_to,apology\n"
      "A1,\"UBND \"\"Xã\"\" A\",Xã,1.001193,Hộ tịch,Trực tuyến,2023-03-02 08:15,3,ngày làm việc,,2023-03-06 10:00,,,,,0\n"
      "A2,UBND B,district,X,,in_person,02/03/2023,,,2023-03-10 16:00,2023-03-09,returned,2,2023-03-03,2023-03-04,1.0\n"
      "A3,UBND B,district,X,,TRỰC TIẾP,2023-03-02T08:15+07:00,4,working_hours,,,,,,,\n"
      "A4,UBND B,district,X,,post,2023-03-02,1.5,,,,,,,,\n"
      "A5,UBND B,huyện,X,,post,2023-03-02,,,,,,,,,\n"
      "A6,UBND C,commune,1.001193,,online,2023-03-02 16:30,,,,,,,,,có\n"
      ",UBND C,commune,X,,online,2023-03-02,1,,,,,,,,\n"
      "A8,UBND C,commune,X,,online,2023-03-02,1,,,2023-03-01,,,,,\n"
      "A9,UBND C,commune,X,,online,2023-03-02,1,same_day,,,,,2023-03-03,,\n"
      "A10,UBND C,nowhere,X,,online,2023-03-02,1,,,,,,,,\n"
      "A11,UBND C,commune,X,,online,2023-03-02 8:15,1,,,,,,,,yes\n"
      "A12,UBND \xff,commune,X,,online,2023-03-02,1,,,,,,,,\n"
      "A13,UBND C,commune,X,,online,2023-03-02,1,\"x\"y,,,,,,,\n"
      "A14,UBND D,province,X,,online,29/02/2024 23:59,2,calendar_days,,01/03/2024 00:00,suspended,,,,\n";
  same_reads(mixed, {}, "mixed");
  cchc::dossier_log_options with_catalogue;
  with_catalogue.procedures = cchc::builtin_procedure_catalogue();
  same_reads(mixed, with_catalogue, "mixed, with the built-in procedure catalogue");
}

TEST_CASE("dossier_log: text_codes numbers texts in order of first appearance") {
  cchc::text_codes t;
  CHECK(t.code("b") == 0);
  CHECK(t.code("a") == 1);
  CHECK(t.code("b") == 0);
  CHECK(t.code("") == 2);
  CHECK(t.code("a") == 1);
  // Past the table's growth points, every text keeps its code.
  for (int i = 0; i < 5000; ++i) CHECK(t.code("u" + std::to_string(i)) == static_cast<std::uint32_t>(3 + i));
  for (int i = 4999; i >= 0; --i) CHECK(t.code("u" + std::to_string(i)) == static_cast<std::uint32_t>(3 + i));
  REQUIRE(t.size() == 5003);
  CHECK(t.names()[0] == "b");
  CHECK(t.names()[2].empty());
  CHECK(t.names()[5002] == "u4999");
}

TEST_CASE("dossier_log: a chunk's batch leaves out the optional columns no row uses") {
  auto r = cchc::dossier_log_reader::from_text(
      "id,unit,channel,received_at,processing_time,resolved_at\n"
      "A,U1,online,2023-03-02 08:15,3,2023-03-06 10:00\n"
      "B,U2,post,2023-03-02 08:15,3,\n",
      "t.csv");
  cchc::dossier_log_chunk c;
  c.keys = {cchc::flow_key::unit};
  REQUIRE(r.next(c, 10) == 2);
  const cchc::dossier_batch b = c.batch();
  CHECK(b.received.size() == 2);
  CHECK(b.promised.empty());
  CHECK(b.receipt_cutoff.empty());
  CHECK(b.pause_offsets.empty());
  CHECK(b.supplement_requests.empty());
  REQUIRE(b.keys.size() == 1);
  CHECK(b.keys[0][1] == 1);
  CHECK(c.options().key_sizes == std::vector<std::uint32_t>{2});
  CHECK(c.ids.empty());  // ids are not kept unless asked for
  CHECK(r.next(c, 10) == 0);
  c.clear();
  CHECK(c.rows() == 0);
  CHECK(c.key_codes[0].size() == 2);  // the codes stay for the next chunk
}
