#include "cchc/one_stop_rules.hpp"

#include <doctest/doctest.h>

#include <string>

#include "cchc/error.hpp"

namespace {

using namespace std::chrono_literals;
using namespace date::literals;

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

// The built-in 2025 file with one substring replaced (the file is the format's reference).
std::string edited(const std::string& from, const std::string& to) {
  std::string t(cchc::builtin_one_stop_rules_text("vn.one_stop.2025"));
  const auto at = t.find(from);
  REQUIRE(at != std::string::npos);
  t.replace(at, from.size(), to);
  return t;
}

cchc::parse_error bad(const std::string& text) {
  return expect<cchc::parse_error>([&] { (void)cchc::parse_one_stop_rules(text, "r.json"); });
}

}  // namespace

TEST_CASE("one_stop_rules: the two built-in sets, their documents and effective periods") {
  CHECK(cchc::builtin_one_stop_rules() == std::vector<std::string>{"vn.one_stop.2018", "vn.one_stop.2025"});
  const auto& r2018 = cchc::builtin_one_stop_rules("vn.one_stop.2018");
  const auto& r2025 = cchc::builtin_one_stop_rules("vn.one_stop.2025");
  CHECK(r2018.documents.front().document == "Decree 61/2018/NĐ-CP");
  CHECK(contains(r2018.documents[1].document, "107/2021"));
  CHECK(r2025.documents.front().document == "Decree 118/2025/NĐ-CP");
  CHECK(r2025.effective_from == date::sys_days{2025_y / 7 / 1});
  CHECK(!r2025.effective_to);
  CHECK(*r2018.effective_to == date::sys_days{2025_y / 6 / 30});
  // No national cut-off; the kernel's two fixed rules; the library's default office hours.
  for (const auto* r : {&r2018, &r2025}) {
    CHECK(!r->default_receipt_cutoff);
    CHECK(r->day_off_receipt_moves_to_next_working_day);
    CHECK(r->more_than_one_supplement_request_is_late);
    CHECK(r->hours.minutes_per_day() == cchc::office_hours{}.minutes_per_day());
    CHECK(!r->receipt().cutoff);
  }
  // 2025 invents no difference: nothing confirmed there, each parameter says so.
  for (const auto* s : {&r2025.hours_source, &r2025.day_off_source, &r2025.supplement_source, &r2025.cutoff_source})
    CHECK(!s->confirmed);
  CHECK(contains(r2025.hours_source.note, "not confirmed to differ"));
  CHECK(r2018.supplement_source.confirmed);  // Decision 766
  CHECK_THROWS_AS((void)cchc::builtin_one_stop_rules("vn.one_stop.1999"), cchc::lookup_error);
  CHECK_THROWS_AS((void)cchc::builtin_one_stop_rules_text("vn.one_stop.1999"), cchc::lookup_error);
  CHECK(contains(expect<cchc::lookup_error>([] { (void)cchc::builtin_one_stop_rules("x"); }).detail(),
                 "vn.one_stop.2018, vn.one_stop.2025"));
}

TEST_CASE("one_stop_rules: chosen by the period's last day") {
  CHECK(cchc::rules_for(cchc::period::annual(2023)).id == "vn.one_stop.2018");
  CHECK(cchc::rules_in_force(date::sys_days{2025_y / 6 / 30}).id == "vn.one_stop.2018");
  CHECK(cchc::rules_in_force(date::sys_days{2025_y / 7 / 1}).id == "vn.one_stop.2025");
  CHECK(cchc::rules_for(cchc::period::annual(2025)).id == "vn.one_stop.2025");  // 15/12/2024 – 14/12/2025
  CHECK_THROWS_AS((void)cchc::rules_in_force(date::sys_days{2017_y / 1 / 1}), cchc::range_error);
  // The built-in sets do not overlap and leave no gap after the first starts.
  const auto& a = cchc::builtin_one_stop_rules("vn.one_stop.2018");
  const auto& b = cchc::builtin_one_stop_rules("vn.one_stop.2025");
  CHECK(*a.effective_to + date::days{1} == b.effective_from);
}

TEST_CASE("one_stop_rules: a user's file, and every error located") {
  const auto mine = cchc::parse_one_stop_rules(
      edited("\"default_receipt_cutoff\": {\n    \"value\": null", "\"default_receipt_cutoff\": {\n    \"value\": \"16:00\""),
      "mine.json");
  CHECK(*mine.default_receipt_cutoff == 16h);
  CHECK(*mine.receipt().cutoff == 16h);

  auto e = bad(edited("\"value\": true", "\"value\": false"));
  CHECK(e.where().path == "$.day_off_receipt_moves_to_next_working_day.value");
  CHECK(contains(e.detail(), "implement only true"));
  e = bad(edited("\"more_than_one_supplement_request_is_late\": {\n    \"value\": true",
                 "\"more_than_one_supplement_request_is_late\": {\n    \"value\": false"));
  CHECK(e.where().path == "$.more_than_one_supplement_request_is_late.value");
  e = bad(edited("\"morning\": [\"07:30\", \"11:30\"]", "\"morning\": [\"11:30\", \"07:30\"]"));
  CHECK(e.where().path == "$.office_hours.value");
  CHECK(contains(e.detail(), "invalid office hours"));
  CHECK(bad(edited("\"morning\": [\"07:30\", \"11:30\"]", "\"morning\": [\"07:30\"]")).where().path ==
        "$.office_hours.value.morning");
  CHECK(bad(edited("\"morning\": [\"07:30\", \"11:30\"]", "\"morning\": [\"7h30\", \"11:30\"]")).where().path ==
        "$.office_hours.value.morning[0]");
  CHECK(bad(edited("\"effective_from\": \"2025-07-01\"", "\"effective_from\": \"2025-02-30\"")).where().path ==
        "$.effective_from");
  CHECK(bad(edited("\"effective_from\": \"2025-07-01\"", "\"effective_from\": \"2025-07-01 08:00\"")).where().path ==
        "$.effective_from");
  e = bad(edited("\"effective_to\": null", "\"effective_to\": \"2020-01-01\""));
  CHECK(e.where().path == "$.effective_to");
  CHECK(contains(e.detail(), "not before effective_from"));
  e = bad(edited("\"office_hours\": {", "\"office_hour\": 1, \"office_hours\": {"));
  CHECK(e.where().path == "$.office_hour");
  CHECK(contains(e.detail(), "did you mean \"office_hours\""));
  CHECK(bad(edited("\"id\": \"vn.one_stop.2025\",", "")).detail() == "expected the key \"id\"");
  CHECK(bad(edited("\"format\": \"cchc.one_stop_rules\"", "\"format\": \"x\"")).where().path == "$.format");
  CHECK(bad(edited("\"documents\": [", "\"documents\": [{\"issued\": \"2025-01-01\"}, ")).where().path == "$.documents[0]");
  CHECK(bad(edited("\"issued\": \"2025-06-09\"", "\"issued\": 2025")).where().path == "$.documents[0].issued");
  e = bad(edited("\"value\": null", "\"value\": \"noon\""));
  CHECK(e.where().path == "$.default_receipt_cutoff.value");
  CHECK(bad(edited("\"confirmed\": false", "\"confirmed\": 0")).where().path == "$.office_hours.source.confirmed");
  CHECK(bad("{}").detail() == "expected the key \"format\"");
  CHECK(bad("\"x\"").where().path == "$");
  CHECK(bad(edited("}\n", "")).where().file == "r.json");  // truncated
  CHECK(expect<cchc::io_error>([] { (void)cchc::load_one_stop_rules("/nonexistent/r.json"); }).where().file ==
        "/nonexistent/r.json");
}
