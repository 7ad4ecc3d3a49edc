#include "cchc/procedure_catalogue.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "cchc/error.hpp"

namespace {

using namespace std::chrono_literals;

template <class E, class F>
E expect(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e;
  }
  FAIL("expected an exception");
  return E("unreachable");
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

const std::string head = R"({"format": "cchc.procedures", "version": 1, "procedures": [)";
const std::string src = R"("source": {"document": "Decree X", "confirmed": false})";

std::string one(const std::string& body) { return head + "{" + body + "}]}"; }

cchc::parse_error bad(const std::string& text) {
  return expect<cchc::parse_error>([&] { (void)cchc::parse_procedure_catalogue(text, "p.json"); });
}

}  // namespace

TEST_CASE("procedure_catalogue: the built-in catalogue is sourced and finds by code") {
  const auto& cat = cchc::builtin_procedure_catalogue();
  CHECK(cat.id() == "vn.procedures");
  REQUIRE(cat.size() >= 3);
  const cchc::procedure* birth = cat.find("1.001193");
  REQUIRE(birth);
  CHECK(birth->name_vi == "Đăng ký khai sinh");
  CHECK(birth->processing == cchc::processing_time{cchc::time_unit::same_day, 1});
  CHECK(birth->receipt_cutoff == std::optional<std::chrono::minutes>{15h});
  CHECK(birth->levels == std::vector<std::string>{"commune"});
  CHECK(cat.find(" 1.001193 ") == birth);  // trimmed
  CHECK(cat.find("9.999999") == nullptr);
  for (const auto& p : cat.procedures()) {
    CHECK(!p.source.document.empty());
    CHECK(!p.source.note.empty());  // every entry says what was and was not checked
  }
  CHECK(contains(std::string(cchc::builtin_procedure_catalogue_text()), "cchc.procedures"));
}

TEST_CASE("procedure_catalogue: a user's file, merged over the built-in one") {
  const auto mine = cchc::parse_procedure_catalogue(
      head + R"({"code": "X.1", "name_vi": "Thủ tục X", "levels": ["province"], "field": "F",
                 "processing": {"amount": 8, "unit": "working_hours"}, )" + src + R"(},
               {"code": "1.001193", "name_vi": "Khai sinh - tỉnh tôi",
                "processing": {"amount": 2, "unit": "working_days"}, "receipt_cutoff": "16:30", )" + src + "}]}");
  CHECK(mine.size() == 2);
  CHECK(mine.find("X.1")->processing == cchc::processing_time{cchc::time_unit::working_hours, 8});
  CHECK(!mine.find("X.1")->receipt_cutoff);
  const auto merged = mine.merged_over(cchc::builtin_procedure_catalogue());
  CHECK(merged.find("1.001193")->processing.amount == 2);  // the user's entry wins
  CHECK(*merged.find("1.001193")->receipt_cutoff == 16h + 30min);
  CHECK(merged.find("2.000815") != nullptr);              // the built-in ones remain
  CHECK(merged.size() == cchc::builtin_procedure_catalogue().size() + 1);
}

TEST_CASE("procedure_catalogue: every error names the file, JSON path and what was expected") {
  const std::string ok = R"("code": "A", "name_vi": "N", "processing": {"amount": 1, "unit": "working_days"}, )" + src;
  CHECK(bad("[1]").where().path == "$");
  CHECK(contains(bad(R"({"format": "cchc.scorecard", "version": 1, "procedures": []})").detail(), "cchc.procedures"));
  CHECK(bad(R"({"format": "cchc.procedures", "version": 2, "procedures": []})").where().path == "$.version");
  CHECK(bad(R"({"format": "cchc.procedures", "version": 1})").detail() == "expected the key \"procedures\"");
  auto e = bad(one(ok + R"(, "naem_vi": 1)"));
  CHECK(e.where().path == "$.procedures[0].naem_vi");
  CHECK(contains(e.detail(), "did you mean \"name_vi\""));
  CHECK(e.where().file == "p.json");
  CHECK(e.where().line == 1);
  CHECK(bad(one(R"("name_vi": "N", "processing": {"amount": 1, "unit": "working_days"}, )" + src)).where().path ==
        "$.procedures[0]");
  CHECK(bad(one(R"("code": " ", "name_vi": "N", "processing": {"amount": 1, "unit": "working_days"}, )" + src))
            .where().path == "$.procedures[0].code");
  e = bad(one(R"("code": "A", "name_vi": "N", "processing": {"amount": 1, "unit": "weeks"}, )" + src));
  CHECK(e.where().path == "$.procedures[0].processing.unit");
  CHECK(contains(e.detail(), "working_days"));
  e = bad(one(R"("code": "A", "name_vi": "N", "processing": {"amount": -1, "unit": "working_days"}, )" + src));
  CHECK(e.where().path == "$.procedures[0].processing.amount");
  CHECK(bad(one(R"("code": "A", "name_vi": "N", "processing": {"amount": 1.5, "unit": "working_days"}, )" + src))
            .where().path == "$.procedures[0].processing.amount");
  e = bad(one(R"("code": "A", "name_vi": "N", "processing": {"amount": 2, "unit": "same_day"}, )" + src));
  CHECK(contains(e.detail(), "0 or 1"));
  e = bad(one(ok + R"(, "receipt_cutoff": "3 pm")"));
  CHECK(e.where().path == "$.procedures[0].receipt_cutoff");
  CHECK(contains(e.detail(), "HH:MM"));
  CHECK(bad(one(ok + R"(, "receipt_cutoff": "25:00")")).where().path == "$.procedures[0].receipt_cutoff");
  CHECK(bad(one(ok + R"(, "receipt_cutoff": "15:00+07:00")")).where().path == "$.procedures[0].receipt_cutoff");
  e = bad(one(ok + R"(, "levels": ["huyện"])"));
  CHECK(e.where().path == "$.procedures[0].levels[0]");
  CHECK(bad(one(ok + R"(, "levels": ["commune", "commune"])")).where().path == "$.procedures[0].levels[1]");
  CHECK(bad(one(ok + R"(, "levels": "commune")")).where().path == "$.procedures[0].levels");
  CHECK(bad(one(R"("code": "A", "name_vi": "N", "processing": {"amount": 1, "unit": "working_days"})"))
            .where().path == "$.procedures[0]");  // no source
  CHECK(bad(one(R"("code": "A", "name_vi": "N", "processing": {"amount": 1, "unit": "working_days"},
                   "source": {"document": "D"})")).detail() == "expected the key \"confirmed\"");
  CHECK(bad(one(R"("code": "A", "name_vi": "N", "processing": {"amount": 1, "unit": "working_days"},
                   "source": {"document": "D", "confirmed": "yes"})")).where().path == "$.procedures[0].source.confirmed");
  e = bad(head + "{" + ok + "}, {" + ok + "}]}");
  CHECK(e.where().path == "$.procedures[1].code");
  CHECK(contains(e.detail(), "given twice"));
  CHECK(bad(head + "{" + ok + "}").where().line == 1);  // truncated JSON: a syntax error, located
  CHECK(bad(head + std::string(50, '[') + std::string(50, ']') + "]}").where().file == "p.json");  // depth
}

TEST_CASE("procedure_catalogue: files, and the constructor's checks") {
  CHECK(expect<cchc::io_error>([] { (void)cchc::load_procedure_catalogue("/nonexistent/p.json"); }).where().file ==
        "/nonexistent/p.json");
  const std::string path = "procedure_catalogue_test.json";
  {
    std::ofstream out(path);
    out << "{\n  \"format\": \"cchc.procedures\", \"version\": 1,\n  \"procedures\": [{\"code\": 1}]\n}\n";
  }
  const auto e = expect<cchc::parse_error>([&] { (void)cchc::load_procedure_catalogue(path); });
  CHECK(e.where().file == path);
  CHECK(e.where().line == 3);
  CHECK(e.where().column == 27);
  CHECK(e.where().path == "$.procedures[0].code");
  std::remove(path.c_str());

  cchc::procedure p;
  p.code = "A";
  p.processing = {cchc::time_unit::working_days, 1};
  CHECK_THROWS_AS(cchc::procedure_catalogue({p, p}), cchc::argument_error);
  p.code = "";
  CHECK_THROWS_AS(cchc::procedure_catalogue({p}), cchc::argument_error);
  p.code = "B";
  p.processing = {cchc::time_unit::same_day, 3};
  CHECK_THROWS_AS(cchc::procedure_catalogue({p}), cchc::argument_error);
}
