// Indicator catalogues: the file format's errors (each at file:line:column and JSON path), every
// zero-denominator policy, effective periods, rows (each/over), fallbacks, and the built-in catalogue
// against the seed report. Expected numbers are worked out by hand from the inputs written here.
#include "cchc/indicator_catalogue.hpp"

#include <doctest/doctest.h>

#include <string>

#include "cchc/error.hpp"

namespace {

const std::string example = std::string(CCHC_SOURCE_DIR) + "/examples/tran-de-2023/report.json";

// A catalogue with the given indicators (JSON text of the array's elements), the first on line 3.
std::string file(const std::string& indicators, const std::string& extra = "") {
  return "{\"format\": \"cchc.indicators\", \"version\": 1, \"id\": \"t\"," + extra +
         " \"sources\": {\"s\": {\"text\": \"src\"}},\n\"indicators\": [\n" + indicators + "\n]}";
}

cchc::indicator_catalogue parse(const std::string& indicators, const std::vector<std::string>* known = nullptr) {
  return cchc::parse_indicator_catalogue(file(indicators), "t.json", known);
}

// The error's message, for CHECKs on where and what.
template <class E = cchc::parse_error>
std::string error_of(const std::string& indicators, const std::vector<std::string>* known = nullptr) {
  try {
    (void)parse(indicators, known);
  } catch (const E& e) {
    return e.what();
  }
  return "no error";
}

const cchc::indicator& get(const std::vector<cchc::indicator>& list, const char* id) { return cchc::find_indicator(list, id); }

std::string fraction(const cchc::indicator& i) {
  const auto& r = std::get<cchc::rate>(i.value);
  return r.numerator().to_string() + "/" + r.denominator().to_string();
}

cchc::indicator_input unit(std::initializer_list<std::pair<const char*, long>> values) {
  cchc::figures f;
  for (const auto& [n, v] : values) f.set(n, v);
  return cchc::indicator_input::of(f);
}

}  // namespace

TEST_CASE("indicator_catalogue: the built-in catalogue is what indicators(report) evaluates") {
  const auto r = cchc::load_report(example);
  const auto direct = cchc::builtin_indicators().evaluate(cchc::indicator_input::of(r));
  const auto list = cchc::indicators(r);
  REQUIRE(direct.size() == list.size());
  CHECK(list.size() == 76);  // the golden csv's rows (tests/cli/data/indicators-golden/seed.csv.vi.txt)
  CHECK(fraction(get(list, "one_stop.on_time.total.received_basis")) == "94369/94961");
  CHECK(get(list, "organisation.vacancies.public_employees").formula == "Σ assigned − Σ present = 1542 − 1361");
  CHECK(get(list, "one_stop.online_share.district").inferred);  // the fallback (no split of the period's dossiers)
  CHECK(get(list, "one_stop.online_share.district").rule == "(row.received_online) / (row.received)");
  // Inputs are the figures read, under their full names.
  const auto& in = get(list, "organisation.headcount[0].civil_servants.fill_rate").inputs;
  REQUIRE(in.size() == 2);
  CHECK(in[0].first == "organisation.headcount.0.present.civil_servants");
  CHECK(cchc::builtin_indicators_text().find("\"cchc.indicators\"") != std::string_view::npos);
}

TEST_CASE("indicator_catalogue: every zero-denominator policy") {
  const auto cat = parse(R"({"id": "u", "numerator": "a", "denominator": "b", "source": "s"},
{"id": "z", "numerator": "a", "denominator": "b", "zero_denominator": "zero", "source": "s"},
{"id": "f", "numerator": "a", "denominator": "b", "zero_denominator": "full_points", "source": "s"},
{"id": "n", "numerator": "a", "denominator": "b", "zero_denominator": "not_scored", "source": "s"},
{"id": "v", "unit": "count", "value": "a / b", "zero_denominator": "zero", "source": "s"},
{"id": "w", "unit": "count", "value": "a / b", "zero_denominator": "not_scored", "source": "s"},
{"id": "x", "unit": "count", "value": "a / b", "source": "s"})");
  const auto zero = cat.evaluate(unit({{"a", 3}, {"b", 0}}));
  CHECK(fraction(get(zero, "u")) == "3/0");
  CHECK_FALSE(get(zero, "u").percent(2, cchc::rounding::half_even).has_value());
  CHECK(get(zero, "z").percent(2, cchc::rounding::half_even)->to_string() == "0.00");
  CHECK(get(zero, "f").percent(2, cchc::rounding::half_even)->to_string() == "100.00");
  CHECK(get(zero, "n").status == cchc::indicator_status::not_scored);
  CHECK_FALSE(get(zero, "n").percent(2, cchc::rounding::half_even).has_value());
  CHECK(std::get<cchc::decimal>(get(zero, "v").value) == cchc::decimal(0));
  CHECK(get(zero, "w").status == cchc::indicator_status::not_scored);
  CHECK(get(zero, "x").reason == "undefined (division by zero)");
  // A defined denominator: the policies change nothing.
  const auto some = cat.evaluate(unit({{"a", 3}, {"b", 4}}));
  for (const char* id : {"u", "z", "f", "n"}) CHECK(get(some, id).percent(2, cchc::rounding::half_even)->to_string() == "75.00");
  CHECK(std::get<cchc::decimal>(get(some, "v").value).to_string() == "0.75");
  // Absent inputs: nothing produced, never a zero.
  CHECK(cat.evaluate(unit({{"a", 3}})).empty());
}

TEST_CASE("indicator_catalogue: a value without a finite expansion is rounded once, at its scale and mode") {
  const auto cat = parse(R"({"id": "v", "unit": "count", "value": "a / 3", "scale": 3, "rounding": "floor", "source": "s"})");
  const auto out = cat.evaluate(unit({{"a", 2}}));
  CHECK(std::get<cchc::decimal>(get(out, "v").value).to_string() == "0.666");
  CHECK(get(out, "v").reason.find("floor") != std::string::npos);
  cchc::indicator_evaluate_options o;
  o.scale = 1;
  o.mode = cchc::rounding::ceiling;
  CHECK(std::get<cchc::decimal>(get(cat.evaluate(unit({{"a", 2}}), o), "v").value).to_string() == "0.7");
}

TEST_CASE("indicator_catalogue: an effective period that excludes the report's period gives not applicable") {
  const auto cat = parse(R"({"id": "old", "numerator": "direction.plan.tasks_completed", "denominator": "direction.plan.tasks", "source": "s", "effective": {"to": "2022-12-31"}},
{"id": "new", "numerator": "direction.plan.tasks_completed", "denominator": "direction.plan.tasks", "source": "s", "effective": {"from": "2023-12-14"}},
{"id": "now", "numerator": "direction.plan.tasks_completed", "denominator": "direction.plan.tasks", "source": "s", "effective": {"from": "2023-12-13", "to": "2023-12-13"}})");
  const auto r = cchc::load_report(example);  // period ends 2023-12-13
  const auto out = cat.evaluate(cchc::indicator_input::of(r));
  CHECK(get(out, "old").status == cchc::indicator_status::not_applicable);
  CHECK(get(out, "old").reason == "in force … – 2022-12-31, the period ends 2023-12-13");
  CHECK(get(out, "new").status == cchc::indicator_status::not_applicable);
  CHECK_FALSE(get(out, "new").percent(2, cchc::rounding::half_even).has_value());
  CHECK(get(out, "now").status == cchc::indicator_status::value);
  CHECK(fraction(get(out, "now")) == "23/23");
  // Figures without a period: computed, and the reason says the period was not checked.
  const auto f = cat.evaluate(unit({{"direction.plan.tasks_completed", 1}, {"direction.plan.tasks", 2}}));
  CHECK(get(f, "old").status == cchc::indicator_status::value);
  CHECK(get(f, "old").reason.find("not checked") != std::string::npos);
}

TEST_CASE("indicator_catalogue: rows of a figures table (each, over, fallback)") {
  const auto cat = parse(R"({"each": "t", "indicators": [
  {"id": "share.{row}", "label": {"vi": "hàng {row.name}", "en": "row {row.index}"}, "rate": "row.q", "source": "s", "path": "{row.path}",
   "fallback": {"numerator": "row.a", "denominator": "row.b", "formula": "a / b", "inferred": true}},
  {"id": "gap.{row}", "unit": "count", "value": "row.b - row.a", "formula": "b − a", "shown": ["row.b", "row.a"], "source": "s"}]},
{"id": "total", "over": "t", "numerator": "row.a", "denominator": "row.b", "formula": "Σ a / Σ b", "source": "s", "rows": "all", "min_rows": 2},
{"id": "gaps", "over": "t", "unit": "count", "value": "row.b - row.a", "formula": "Σ b − Σ a", "shown": ["row.b", "row.a"], "source": "s", "rows": "any"})");
  cchc::figures f;
  f.set("t.2.a", 1).set("t.2.b", 4).set("t.10.a", 3).set("t.10.b", 5);
  f.set("t.2.q", cchc::rate(cchc::decimal(7), cchc::decimal(8)));
  const auto out = cat.evaluate(cchc::indicator_input::of(f));
  // Rows in numeric order (2 before 10), row by row through the group.
  REQUIRE(out.size() == 6);
  CHECK(out[0].id == "share.2");
  CHECK(out[1].id == "gap.2");
  CHECK(out[2].id == "share.10");
  CHECK(fraction(out[0]) == "7/8");
  CHECK_FALSE(out[0].inferred);
  CHECK(out[0].label_vi == "hàng 2");
  CHECK(out[0].label_en == "row 0");
  CHECK(out[0].path == "t.2");
  CHECK(fraction(out[2]) == "3/5");  // no q on row 10: the fallback, inferred
  CHECK(out[2].inferred);
  CHECK(out[2].formula == "a / b = 3 / 5");
  CHECK(out[3].formula == "b − a = 5 − 3");
  CHECK(fraction(get(out, "total")) == "4/9");
  CHECK(get(out, "gaps").formula == "Σ b − Σ a = 9 − 4");
  CHECK(std::get<cchc::decimal>(get(out, "gaps").value) == cchc::decimal(5));
  // rows "all": one row without a value → no total; rows "any": the others still sum.
  f.erase("t.10.a");
  const auto partial = cat.evaluate(cchc::indicator_input::of(f));
  CHECK_THROWS_AS((void)get(partial, "total"), cchc::lookup_error);
  CHECK(get(partial, "gaps").formula == "Σ b − Σ a = 4 − 1");
}

TEST_CASE("indicator_catalogue: a negative denominator is an argument_error naming the indicator") {
  const auto cat = parse(R"({"id": "r", "numerator": "a", "denominator": "b", "source": "s"})");
  CHECK_THROWS_WITH_AS((void)cat.evaluate(unit({{"a", 1}, {"b", -2}})), doctest::Contains("indicator r: the denominator is -2"),
                       cchc::argument_error);
}

TEST_CASE("indicator_catalogue: file errors name file, line, column and JSON path") {
  const std::string ok = R"("numerator": "a", "denominator": "b", "source": "s")";
  // Duplicate ids: at the second one (line 3).
  CHECK(error_of("{\"id\": \"x\", " + ok + "},\n{\"id\": \"x\", " + ok + "}") ==
        "t.json:4:1: $.indicators[1]: duplicate indicator id \"x\"");
  CHECK(error_of(R"({"id": "x", "numerator": "a", "denominator": "b", "source": "s", "scale": 40})") ==
        "t.json:3:75: $.indicators[0].scale: expected a whole number from 0 to 32, found 40");
  CHECK(error_of(R"({"id": "x", "numerator": "a", "denominator": "b", "source": "s", "rounding": "up"})").find(
            "t.json:3:78: $.indicators[0].rounding: ") == 0);
  CHECK(error_of(R"({"id": "x", "numerator": "a", "denominator": "b", "source": "s", "zero_denominator": "always"})") ==
        "t.json:3:86: $.indicators[0].zero_denominator: unknown zero-denominator policy \"always\"; expected undefined, zero, "
        "full_points or not_scored");
  CHECK(error_of(R"({"id": "x", "unit": "count", "value": "a", "source": "s", "zero_denominator": "full_points"})")
            .find("$.indicators[0].zero_denominator: full_points means 100 % for a rate") != std::string::npos);
  CHECK(error_of(R"({"id": "x", "numerator": "a", "denominator": "b", "source": "s", "effective": {"from": "2025-07-01", "to": "2025-06-30"}})") ==
        "t.json:3:108: $.indicators[0].effective.to: the effective period ends before it starts (to 2025-06-30 < from 2025-07-01)");
  CHECK(error_of(R"({"id": "x", "numerator": "a", "denominator": "b", "source": "s", "effective": {"from": "2025-02-30"}})")
            .find("$.indicators[0].effective.from: expected a date such as \"2022-06-23\", found \"2025-02-30\"") != std::string::npos);
  CHECK(error_of(R"({"id": "x", "numerator": "a", "denominator": "b", "source": "sx"})") ==
        "t.json:3:61: $.indicators[0].source: unknown source \"sx\" (did you mean \"s\"?); the named sources are s");
  CHECK(error_of(R"({"id": "x", "numerator": "a", "denominatr": "b", "source": "s"})") ==
        "t.json:3:31: $.indicators[0].denominatr: unknown key \"denominatr\" (did you mean \"denominator\"?); expected one of id, "
        "label, unit, numerator, denominator, rate, value, shown, shown_separator, formula, scale, rounding, zero_denominator, "
        "direction, source, effective, inferred, note, path, over, rows, min_rows, fallback");
  CHECK(error_of(R"({"id": "x", "numerator": "a", "source": "s"})") ==
        "t.json:3:1: $.indicators[0]: expected \"denominator\" too: a ratio needs both");
  CHECK(error_of(R"({"id": "x", "numerator": "a", "denominator": "b", "value": "a", "source": "s"})")
            .find("expected exactly one rule") != std::string::npos);
  CHECK(error_of(R"({"id": "x", "numerator": "a", "denominator": "b"})") == "t.json:3:1: $.indicators[0]: expected the key \"source\"");
  // Expressions: the syntax error's column inside the expression, at the string that holds it.
  CHECK(error_of(R"({"id": "x", "numerator": "a +", "denominator": "b", "source": "s"})")
            .find("t.json:3:26: $.indicators[0].numerator: in the expression \"a +\": ") == 0);
  CHECK(error_of(R"({"id": "x", "numerator": "a > 1", "denominator": "b", "source": "s"})")
            .find("is a condition (true/false); expected a number") != std::string::npos);
  CHECK(error_of(R"({"id": "x", "numerator": "row.a", "denominator": "b", "source": "s"})")
            .find("\"row.a\" reads a row, but this indicator has no rows") != std::string::npos);
  CHECK(error_of(R"({"id": "x.{row}", "numerator": "a", "denominator": "b", "source": "s"})")
            .find("$.indicators[0].id: the placeholder {row} names a row") != std::string::npos);
  CHECK(error_of(R"({"each": "t", "indicators": [{"id": "x.{rows}", "numerator": "a", "denominator": "b", "source": "s"}]})")
            .find("$.indicators[0].indicators[0].id: unknown placeholder \"{rows}\"") != std::string::npos);
  CHECK(error_of(R"({"id": "x", "unit": "count", "numerator": "a", "denominator": "b", "source": "s"})")
            .find("a rate's unit is \"ratio\"") != std::string::npos);
  CHECK(error_of(R"({"id": "x", "numerator": "a", "denominator": "b", "source": "s", "rows": "all"})")
            .find("\"rows\" and \"min_rows\" go with \"over\"") != std::string::npos);
  CHECK(error_of(R"({"id": "x", "over": "t", "numerator": "row.a", "denominator": "row.b", "source": "s", "rows": "some"})")
            .find("expected \"all\" (every row must give a value) or \"any\"") != std::string::npos);
  CHECK(error_of(R"({"id": "x", "numerator": "a", "denominator": "b", "source": "s", "inferred": true})")
            .find("no error") == 0);  // the source text says how
  // JSON itself: syntax and a duplicate key, through the one JSON reader.
  CHECK(error_of(R"({"id": "x", "id": "y"})").find("t.json:3:") == 0);
  CHECK_THROWS_WITH_AS((void)cchc::parse_indicator_catalogue("{\"format\": \"cchc.scorecard\", \"version\": 1}", "f.json"),
                       "f.json:1:12: $.format: expected \"cchc.indicators\", found \"cchc.scorecard\"", cchc::parse_error);
  CHECK_THROWS_WITH_AS((void)cchc::parse_indicator_catalogue("{\"format\": \"cchc.indicators\", \"version\": 2}", "f.json"),
                       "f.json:1:42: $.version: expected version 1, found 2", cchc::parse_error);
  CHECK_THROWS_AS((void)cchc::parse_indicator_catalogue("{\"format\": ", "f.json"), cchc::parse_error);
  CHECK_THROWS_AS((void)cchc::load_indicator_catalogue("/nonexistent/catalogue.json"), cchc::io_error);
}

TEST_CASE("indicator_catalogue: unknown figure names, with the nearest known names") {
  const std::vector<std::string> known = {"direction.plan.tasks", "direction.plan.tasks_completed", "t.0.received", "t.1.received"};
  CHECK(error_of<cchc::lookup_error>(R"({"id": "x", "numerator": "direction.plan.task_completed", "denominator": "direction.plan.tasks", "source": "s"})",
                                     &known) ==
        "t.json:3:26: $.indicators[0].numerator: unknown figure \"direction.plan.task_completed\"; nearest: "
        "direction.plan.tasks_completed");
  CHECK(error_of<cchc::lookup_error>(R"({"each": "t", "indicators": [{"id": "x{row}", "rate": "row.recieved", "source": "s"}]})", &known)
            .find("unknown figure \"row.recieved\": no row of t has \"recieved\"; nearest: row.received") != std::string::npos);
  CHECK_NOTHROW((void)parse(R"({"each": "t", "indicators": [{"id": "x{row}", "rate": "row.received", "source": "s"}]})", &known));
  // The built-in catalogue's names are all report figures of the seed (or its rows'), except those the
  // seed does not publish (fell_due, the period's split of received dossiers).
  const auto r = cchc::load_report(example);
  auto names = cchc::indicator_input::of(r).values.names();
  for (const char* extra : {"one_stop.flows.I.on_time.due_basis", "one_stop.flows.I.online_share"}) names.push_back(extra);
  CHECK_NOTHROW((void)cchc::parse_indicator_catalogue(cchc::builtin_indicators_text(), "vn", &names));
}

TEST_CASE("indicator_catalogue: policy names round-trip") {
  for (auto p : {cchc::zero_denominator_policy::undefined, cchc::zero_denominator_policy::zero,
                 cchc::zero_denominator_policy::full_points, cchc::zero_denominator_policy::not_scored})
    CHECK(cchc::parse_zero_denominator_policy(cchc::to_string(p)) == p);
  CHECK_THROWS_AS((void)cchc::parse_zero_denominator_policy("full"), cchc::lookup_error);
  CHECK(cchc::to_string(cchc::indicator_direction::lower_is_better) == "lower_is_better");
}
