// Expected figures are read by hand from the seed report (shared/seed/000_5b78326431be7284.txt);
// expected error lines are found independently by searching the broken file's text for the mutated
// line (the corpus in tests/data/reports/ was made from the example by changing one thing each).
#include "cchc/report.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "cchc/error.hpp"
#include "cchc/schedule_file.hpp"

namespace {

const std::string example = std::string(CCHC_SOURCE_DIR) + "/examples/tran-de-2023/report.json";
const std::string corpus = std::string(CCHC_TEST_DATA_DIR) + "/reports/";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// 1-based line of the first line containing `needle` (independent of the loader's locator).
long line_of(const std::string& text, const std::string& needle, std::size_t from = 0) {
  auto at = text.find(needle, from);
  REQUIRE(at != std::string::npos);
  long line = 1;
  for (std::size_t i = 0; i < at; ++i)
    if (text[i] == '\n') ++line;
  return line;
}

struct caught {
  std::string message;
  cchc::location where;
};

template <class E>
caught load_error(const std::string& file, const cchc::load_options& o = {}) {
  try {
    (void)cchc::load_report(corpus + file, o);
  } catch (const E& e) {
    return {e.what(), e.where()};
  }
  FAIL("no exception for " << file);
  return {};
}

}  // namespace

TEST_CASE("report: the seed example loads with its figures as published") {
  cchc::report r = cchc::load_report(example);
  CHECK(r.load_warnings.empty());
  CHECK(r.year == 2023);
  CHECK(r.unit.level == cchc::org_level::district);
  REQUIRE(r.period);
  CHECK(r.period->from == date::year{2022} / 12 / 15);
  CHECK(r.period->to == date::year{2023} / 12 / 13);
  REQUIRE(r.direction.plan);
  CHECK(r.direction.plan->tasks == 23);
  CHECK(r.direction.plan->document->symbol() == "09/KH-UBND");
  REQUIRE(r.procedures.internal_review);
  CHECK(r.procedures.internal_review->reviewed == 19);
  CHECK(r.procedures.internal_review->total == 50);
  CHECK(r.procedures.internal_review->rate->text == "30%");
  CHECK(r.procedures.internal_review->rate->value == cchc::decimal(30));
  REQUIRE(r.one_stop.flows.size() == 2);
  CHECK(r.one_stop.flows[0].flow.received == 14083);
  CHECK(r.one_stop.flows[0].flow.resolved_in_time == 13676);
  CHECK(!r.one_stop.flows[0].flow.resolved);  // not published: absent, not zero
  CHECK(r.one_stop.flows[0].on_time_rate->text == "97,55");
  CHECK(r.one_stop.flows[0].on_time_rate->value.to_string() == "97.55");
  CHECK(r.one_stop.flows[1].on_time_rate->text == "99,69%");
  CHECK(r.civil_service.commune_cadres_standard->rate->value.to_string() == "99.15");
  CHECK(r.public_finance.admin_autonomy->budget->total == cchc::decimal(189605));
  CHECK(r.organisation.headcount.size() == 15);
  CHECK(r.organisation.headcount[12].present.public_employees == 1340);
  CHECK(!r.one_stop.flows[0].flow.apologies);  // the seed prints no apology count
}

TEST_CASE("report: the example file is in canonical form and save is byte-stable and lossless") {
  std::string text = slurp(example);
  cchc::report r = cchc::parse_report(text, {}, example);
  std::string once = cchc::to_json(r);
  CHECK(once == text);
  cchc::report again = cchc::parse_report(once);
  CHECK(again == r);
  CHECK(cchc::to_json(again) == once);
  const std::string tmp = "report_test_roundtrip.json";  // in the test's working directory
  cchc::save_report(r, tmp);
  CHECK(slurp(tmp) == once);
  CHECK(cchc::load_report(tmp) == r);
  std::remove(tmp.c_str());
}

TEST_CASE("report: decimals keep their scale and counts their exact value through a round trip") {
  std::string text = slurp(example);
  auto at = text.find("\"189605\"");
  REQUIRE(at != std::string::npos);
  text.replace(at, 8, "\"189605.50\"");
  auto r = cchc::parse_report(text);
  CHECK(r.public_finance.admin_autonomy->budget->total.to_string() == "189605.50");
  auto out = cchc::to_json(r);
  CHECK(out.find("\"189605.50\"") != std::string::npos);
  // A change of scale is a change of the printed number: not equal.
  auto other = r;
  other.public_finance.admin_autonomy->budget->total = cchc::decimal::parse("189605.5");
  CHECK(other != r);
  // The largest count survives.
  auto big = text;
  big.replace(big.find("14083"), 5, "9223372036854775807");
  CHECK(cchc::parse_report(big).one_stop.flows[0].flow.received == INT64_MAX);
}

TEST_CASE("report: the corpus of broken reports gives clear errors with path and position") {
  struct expectation {
    const char* file;
    const char* path;
    const char* says;
    const char* line_with;  // text of the offending line, "" when not line-checked
  };
  const expectation cases[] = {
      {"wrong_type_count.json", "$.direction.plan.tasks", "expected a count", "\"tasks\": \"23\""},
      {"float_count.json", "$.direction.plan.tasks", "JSON float", "\"tasks\": 23.0"},
      {"missing_section.json", "$", "missing required field \"one_stop\"", ""},
      {"negative_count.json", "$.direction.inspection.shortcomings_found", "non-negative",
       "\"shortcomings_found\": -26"},
      {"malformed_date.json", "$.period.from", "expected a date YYYY-MM-DD", "\"15/12/2022\""},
      {"impossible_month.json", "$.period.to", "month 01-12", "\"2023-13-13\""},
      {"malformed_decimal.json", "$.public_finance.admin_autonomy.budget.total", "decimal string",
       "\"189.605,0\""},
      {"float_decimal.json", "$.public_finance.admin_autonomy.budget.total",
       "exact decimal written as a JSON string", "189605.5"},
      {"unknown_field.json", "$.direction.plan.taks", "unknown field \"taks\"", "\"taks\""},
      {"wrong_format.json", "$.format", "cchc.report", "\"format\""},
      {"wrong_version.json", "$.version", "\"version\": 1", "\"version\": 2"},
      {"bad_level.json", "$.one_stop.flows[1].level", "\"commune\"", "\"county\""},
      {"percent_as_number.json", "$.procedures.internal_review.rate", "expected an object",
       "\"rate\": 30"},
      {"document_without_number.json", "$.egov.documents[2]", "missing required field \"number\"",
       "Quyết định số 1178"},
      {"huge_count.json", "$.one_stop.flows[0].received", "64 bits", "18446744073709551615"},
      {"not_an_object.json", "$", "expected a JSON object", ""},
      {"duplicate_key.json", "$.direction.plan.tasks", "duplicate key \"tasks\"", "\"tasks\": 32"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.file);
    auto e = load_error<cchc::parse_error>(c.file);
    CHECK(e.where.file == corpus + c.file);
    CHECK(e.where.path == c.path);
    CHECK(e.message.find(c.says) != std::string::npos);
    CHECK(e.message.find(corpus + c.file) == 0);  // what() starts with the file name
    CHECK(e.where.line > 0);
    CHECK(e.where.column > 0);
    if (*c.line_with) {
      std::string text = slurp(corpus + c.file);
      // For document_without_number, the error points at the object: the line before its text.
      long expected = line_of(text, c.line_with);
      if (std::string(c.file) == "document_without_number.json") expected -= 1;
      CHECK(e.where.line == expected);
    }
  }
}

TEST_CASE("report: syntax errors give line and column in characters") {
  auto e = load_error<cchc::parse_error>("truncated.json");
  CHECK(e.message.find("invalid JSON") != std::string::npos);
  CHECK(e.message.find("truncated") != std::string::npos);
  std::string text = slurp(corpus + "truncated.json");
  long lines = 1;
  for (char ch : text)
    if (ch == '\n') ++lines;
  CHECK(e.where.line == lines);
  CHECK(e.where.path == "$.one_stop.flows[0]");  // inside the first row, after its "row" value

  auto u = load_error<cchc::parse_error>("non_utf8.json");
  CHECK(u.message.find("UTF-8") != std::string::npos);
  CHECK(u.where.line == line_of(slurp(corpus + "non_utf8.json"), "\"name\": \"Tr"));
  // `    "name": "Tr` is 15 characters, then the lead byte 0xE2 (16th) that "n" does not continue:
  // the position names the first byte that is not UTF-8 (internal::utf8_error's offset).
  CHECK(u.where.column == 16);
  // The message quotes the bad bytes escaped, so the message itself stays valid UTF-8.
  CHECK(u.message.find("\\xE2") != std::string::npos);
  CHECK(u.message.find('\xE2') == std::string::npos);

  auto empty = load_error<cchc::parse_error>("empty.json");
  CHECK(empty.message.find("invalid JSON") != std::string::npos);

  // A column counts characters, not bytes: "Đề" is 2 characters and 5 bytes.
  try {
    (void)cchc::parse_report("{\"format\": \"Đề\" x}");
    FAIL("no exception");
  } catch (const cchc::parse_error& p) {
    CHECK(p.where().line == 1);
    CHECK(p.where().column == 17);
  }
}

TEST_CASE("report: unknown fields are an error or, by option, a warning — never dropped silently") {
  cchc::load_options warn;
  warn.unknown_fields = cchc::unknown_field_policy::warn;
  auto r = cchc::load_report(corpus + "unknown_field.json", warn);
  REQUIRE(r.load_warnings.size() == 1);
  const auto& f = r.load_warnings[0];
  CHECK(f.rule == "load.unknown_field");
  CHECK(f.severity == cchc::severity::warning);
  CHECK(f.where.path == "$.direction.plan.taks");
  CHECK(f.where.line == line_of(slurp(corpus + "unknown_field.json"), "\"taks\""));
  // The rest of the report is complete.
  CHECK(r == cchc::load_report(example));
}

TEST_CASE("report: missing files, oversized and too deeply nested inputs are refused") {
  CHECK_THROWS_AS((void)cchc::load_report(corpus + "no_such_file.json"), cchc::io_error);
  // A 50 MB report, generated here (not committed): refused by default without being parsed,
  // loaded completely when the caller raises the limit.
  std::string text = slurp(example);
  const std::size_t big = 50u << 20;
  std::string filler(big, 'x');
  auto at = text.find("\"strengths_vi\": \"");
  REQUIRE(at != std::string::npos);
  at += std::string("\"strengths_vi\": \"").size();
  text.insert(at, filler);
  const std::string path = "report_test_50mb.json";
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  try {
    (void)cchc::load_report(path);
    FAIL("no exception");
  } catch (const cchc::io_error& e) {
    CHECK(std::string(e.what()).find("max_bytes") != std::string::npos);
  }
  cchc::load_options large;
  large.max_bytes = std::size_t{64} << 20;
  auto r = cchc::load_report(path, large);
  CHECK(r.assessment.strengths_vi.size() > big);
  CHECK(r.assessment.strengths_vi.compare(0, 4, "xxxx") == 0);
  std::remove(path.c_str());

  std::string deep = "{\"format\": \"cchc.report\", \"version\": 1, \"unit\": " +
                     std::string(100, '[') + std::string(100, ']') + "}";
  try {
    (void)cchc::parse_report(deep);
    FAIL("no exception");
  } catch (const cchc::parse_error& e) {
    CHECK(std::string(e.what()).find("nesting deeper") != std::string::npos);
  }
}

TEST_CASE("report: every citation is reachable with its JSON path") {
  auto r = cchc::load_report(example);
  auto docs = cchc::cited_documents(r);
  // The seed has 55 numbered citations (grep -oE "(Kế hoạch|Quyết định|Công văn|Nghị định|Thông
  // tư|Chỉ thị|Báo cáo)( số)? [0-9]+/" on the seed text); two of them are the flow table's column
  // headers ("Hợp đồng theo Nghị định số 111/2022/NĐ-CP"), which are labels, not citations.
  CHECK(docs.size() == 53);
  CHECK(docs.front().path == "$.header.based_on[0]");
  CHECK(docs.front().ref->number == "192");
  bool found = false;
  for (const auto& d : docs)
    if (d.path == "$.direction.inspection.team_decision") {
      found = true;
      CHECK(d.ref->text == "Quyết định số 1649/QĐ-UBND ngày 18/5/2023");
    }
  CHECK(found);
}

TEST_CASE("report: nonexistent dates load (validation reports them)") {
  auto r = cchc::load_report(corpus + "nonexistent_date.json");
  REQUIRE(r.egov.documents[0].date);
  CHECK(!r.egov.documents[0].date->ok());
  CHECK(cchc::to_json(r).find("\"2023-02-30\"") != std::string::npos);
}

TEST_CASE("report: mutated files either load or throw a cchc::error — nothing else escapes") {
  // Deterministic sample (fixed seed): truncations at random offsets and single-byte replacements
  // by bytes that matter to JSON and UTF-8. Every outcome must be a complete report or a cchc::error
  // with a location; any other exception type (or a crash) fails the test.
  const std::string text = slurp(example);
  std::mt19937 rng(20231213);
  std::uniform_int_distribution<std::size_t> offset(0, text.size() - 1);
  const char bytes[] = {'"', '{', '}', '[', ']', ',', ':', '-', '.', '0', '9', 'x', ' ', '\\',
                        '\x00', '\xC3', '\xFF', '\x80'};
  std::uniform_int_distribution<std::size_t> pick(0, sizeof bytes - 1);
  int loaded = 0, refused = 0;
  for (int i = 0; i < 120; ++i) {
    std::string t = text;
    if (i % 2 == 0)
      t.resize(offset(rng) % (text.size() - 2));  // always cuts into the final "}"
    else
      t[offset(rng)] = bytes[pick(rng)];
    try {
      auto r = cchc::parse_report(t);
      ++loaded;
      CHECK(cchc::parse_report(cchc::to_json(r)) == r);  // what loads, round-trips
    } catch (const cchc::error& e) {
      ++refused;
      CHECK(!e.where().path.empty());
      CHECK(e.where().line > 0);
    }
  }
  CHECK(loaded + refused == 120);
  CHECK(refused >= 60);  // every truncation is refused
}

namespace {

// 1-based column, in characters, of the first `needle` on its line (counted here by hand).
long char_column(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  REQUIRE(at != std::string::npos);
  const auto nl = text.rfind('\n', at);
  long column = 1;
  for (auto i = nl == std::string::npos ? 0 : nl + 1; i < at; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  return column;
}

template <class E, class F>
E thrown(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e;
  } catch (const std::exception& e) {
    FAIL("not the expected cchc error: " << std::string(e.what()));
  }
  FAIL("no exception");
  return E("unreachable");
}

bool valid_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

}  // namespace

TEST_CASE("report: a number beyond double (1e400) is a located parse_error, not out_of_range.406") {
  std::string text = slurp(example);
  text.replace(text.find("14083"), 5, "1e400");
  const auto e = thrown<cchc::parse_error>([&] { (void)cchc::parse_report(text, {}, "big.json"); });
  CHECK(e.where().file == "big.json");
  CHECK(e.where().path == "$.one_stop.flows[0].received");
  CHECK(e.where().line == line_of(text, "1e400"));
  CHECK(e.where().column == char_column(text, "1e400"));
  CHECK(std::string(e.what()).find("number out of range") != std::string::npos);
}

TEST_CASE("report: a count beyond 64 bits is out of range (its text is read exactly, not as a float)") {
  std::string text = slurp(example);
  text.replace(text.find("14083"), 5, "99999999999999999999");
  const auto e = thrown<cchc::parse_error>([&] { (void)cchc::parse_report(text); });
  CHECK(e.where().path == "$.one_stop.flows[0].received");
  CHECK(std::string(e.what()).find("expected a count that fits in 64 bits") != std::string::npos);
  CHECK(std::string(e.what()).find("99999999999999999999") != std::string::npos);
  text = slurp(example);
  text.replace(text.find("14083"), 5, "-99999999999999999999");
  CHECK(std::string(thrown<cchc::parse_error>([&] { (void)cchc::parse_report(text); }).what())
            .find("non-negative") != std::string::npos);
}

TEST_CASE("report: reports and schedules count columns in characters alike") {
  const std::string report_text =
      "{\"format\": \"cchc.report\", \"version\": 1,\n"
      " \"unit\": {\"name\": \"Trần Đề\", \"issuer\": \"Ủy ban nhân dân\", \"level\": \"huyện\"}}";
  const auto r = thrown<cchc::parse_error>([&] { (void)cchc::parse_report(report_text); });
  CHECK(r.where().path == "$.unit.level");
  CHECK(r.where().line == 2);
  CHECK(r.where().column == char_column(report_text, "\"huyện\""));
  const std::string schedule_text =
      "{\"format\": \"cchc-schedule/1\",\n"
      " \"days\": [{\"date\": \"2027-03-08\", \"reason_vi\": \"Ủy ban nhân dân\", \"kind\": \"huyện\"}]}";
  const auto s = thrown<cchc::parse_error>([&] { (void)cchc::parse_schedule_json(schedule_text); });
  CHECK(s.where().path == "$.days[0].kind");
  CHECK(s.where().line == 2);
  CHECK(s.where().column == char_column(schedule_text, "\"huyện\""));
}

TEST_CASE("report: a megabyte of open brackets is a nesting error, not a stack overflow") {
  const std::string deep = "{\"format\": \"cchc.report\", \"version\": 1, \"unit\": " + std::string(1u << 20, '[');
  const auto e = thrown<cchc::parse_error>([&] { (void)cchc::parse_report(deep); });
  CHECK(std::string(e.what()).find("nesting deeper than 32 levels") != std::string::npos);
  CHECK(e.where().path.rfind("$.unit[0]", 0) == 0);
}

TEST_CASE("report: saving text that is not UTF-8 is an argument_error naming the field") {
  auto r = cchc::load_report(example);
  r.one_stop.flows[1].note_vi = "Ghi ch\xFA";  // Latin-1 "ú"
  const auto e = thrown<cchc::argument_error>([&] { (void)cchc::to_json(r); });  // before: type_error.316
  CHECK(e.where().path == "$.one_stop.flows[1].note_vi");
  CHECK(valid_utf8(e.what()));
  CHECK(std::string(e.what()).find("\\xFA") != std::string::npos);
  // Comparing never throws, and sees the difference.
  CHECK(r != cchc::load_report(example));
  CHECK(r == r);
}

TEST_CASE("report: a generated report with 40 000 flow rows loads completely, with exact positions") {
  auto r = cchc::load_report(example);
  const auto row = r.one_stop.flows[0];
  r.one_stop.flows.clear();
  for (int i = 0; i < 40000; ++i) {
    auto x = row;
    x.row = std::to_string(i + 1);
    x.name_vi = "Xã " + std::to_string(i + 1);
    x.flow.received = 1000 + i;
    r.one_stop.flows.push_back(x);
  }
  std::string text = cchc::to_json(r);
  cchc::load_options large;
  large.max_bytes = std::size_t{64} << 20;
  const auto back = cchc::parse_report(text, large);
  REQUIRE(back.one_stop.flows.size() == 40000);
  CHECK(back.one_stop.flows[39999].flow.received == 40999);
  CHECK(back.one_stop.flows[39999].name_vi == "Xã 40000");
  CHECK(back == r);
  // An error in the last row is located by line and path without rescanning the file.
  const std::string last = "\"received\": 40999";
  const auto at = text.find(last);
  REQUIRE(at != std::string::npos);
  text.replace(at, last.size(), "\"received\": -1");
  const auto e = thrown<cchc::parse_error>([&] { (void)cchc::parse_report(text, large); });
  CHECK(e.where().path == "$.one_stop.flows[39999].received");
  CHECK(e.where().line == line_of(text, "\"received\": -1"));
  CHECK(e.where().column == char_column(text, "\"received\": -1") + 12);
}

TEST_CASE("report: dates are YYYY-MM-DD exactly, with the rules of the one civil-date parser") {
  const std::string text = slurp(example);
  const std::string from = "\"from\": \"2022-12-15\"";
  REQUIRE(text.find(from) != std::string::npos);
  auto with = [&](const std::string& date) {
    std::string t = text;
    t.replace(t.find(from), from.size(), "\"from\": \"" + date + "\"");
    return t;
  };
  CHECK(cchc::parse_report(with("2024-02-29")).period->from == date::year{2024} / 2 / 29);
  CHECK(!cchc::parse_report(with("2023-02-29")).period->from.ok());  // kept for validation
  for (const char* bad : {"2022-12-1 ", "2022-1-015", "2022-12-32", "2022-00-10", "1800-01-01", "15/12/2022",
                          "2022-12-15 08:00"}) {
    CAPTURE(bad);
    const auto e = thrown<cchc::parse_error>([&] { (void)cchc::parse_report(with(bad)); });
    CHECK(e.where().path == "$.period.from");
    CHECK(std::string(e.what()).find("expected a date YYYY-MM-DD") != std::string::npos);
  }
}
