// cchc/ranking.hpp: the one ranking rule (ties explicit, missing last) and rank bands as data.
#include "cchc/ranking.hpp"

#include <doctest/doctest.h>

#include "cchc/error.hpp"
#include "cchc/scorecard_file.hpp"

using cchc::decimal;
using v = cchc::expression_value;

namespace {
std::vector<std::optional<std::int64_t>> ranks(std::initializer_list<std::optional<std::int64_t>> r) { return r; }
}  // namespace

TEST_CASE("rank: competition ranking by default, dense on request, highest first") {
  const std::vector<v> values = {v::number(5), v::number(7), v::number(5), v::number(1)};
  CHECK(cchc::rank(values) == ranks({2, 1, 2, 4}));
  CHECK(cchc::rank(values, {cchc::tie_rule::dense}) == ranks({2, 1, 2, 3}));
  CHECK(cchc::rank(values, {cchc::tie_rule::competition, false}) == ranks({2, 4, 2, 1}));
  CHECK(cchc::rank(values, {cchc::tie_rule::dense, false}) == ranks({2, 3, 2, 1}));
}

TEST_CASE("rank: ratios compare exactly (1/3 ties 2/6 — no binary float) and missing values have no rank") {
  const std::vector<v> values = {v::ratio(1, 3), v::ratio(2, 6), v::absent(), v::ratio(1, 2), v::undefined(),
                                 v::boolean(true)};
  CHECK(cchc::rank(values) == ranks({2, 2, std::nullopt, 1, std::nullopt, std::nullopt}));
  // 0.3333333333333333333333 is below 1/3: a float would call them equal
  const std::vector<v> close = {v::ratio(1, 3), v::number(decimal::parse("0.3333333333333333333333", cchc::number_style::plain))};
  CHECK(cchc::rank(close) == ranks({1, 2}));
  CHECK(cchc::rank({}).empty());
}

TEST_CASE("rank: tie rule names") {
  CHECK(cchc::parse_tie_rule("dense") == cchc::tie_rule::dense);
  CHECK(cchc::to_string(cchc::tie_rule::competition) == "competition");
  CHECK_THROWS_WITH_AS((void)cchc::parse_tie_rule("olympic"), doctest::Contains("competition"), cchc::lookup_error);
}

TEST_CASE("band_of: the first band reached, on the side its bound states") {
  const auto b = cchc::parse_bands(R"({"format": "cchc.bands", "version": 1, "id": "abc",
    "bands": [{"band": "A", "at_or_above": "90%"}, {"band": "B", "above": "80%"}, {"band": "C", "at_or_above": 0}]})",
                                   "b.json");
  CHECK(b.id == "abc");
  REQUIRE(b.bands.size() == 3);
  CHECK(cchc::band_of(v::ratio(9, 10), b.bands) == "A");   // at_or_above 90 %: 90 % is A
  CHECK(cchc::band_of(v::ratio(899, 1000), b.bands) == "B");
  CHECK(cchc::band_of(v::ratio(8, 10), b.bands) == "C");   // above 80 %: 80 % itself is not B
  CHECK(cchc::band_of(v::number(-1), b.bands) == "");      // below every band
  CHECK(cchc::band_of(v::absent(), b.bands) == "");
}

TEST_CASE("bands files: mistakes at file:line:column and JSON path") {
  auto err = [](const char* text) -> cchc::location {
    try {
      (void)cchc::parse_bands(text, "b.json");
    } catch (const cchc::parse_error& e) {
      return e.where();
    }
    FAIL("expected a parse_error");
    return {};
  };
  CHECK_THROWS_WITH_AS((void)cchc::parse_bands(R"({"format": "cchc.bands", "version": 1, "bands": [
      {"band": "B", "at_or_above": "80%"},
      {"band": "A", "at_or_above": "90%"}]})", "b.json"),
                       doctest::Contains("highest bound down"), cchc::parse_error);
  const auto w = err(R"({"format": "cchc.bands", "version": 1, "bands": [
      {"band": "B", "at_or_above": "80%"},
      {"band": "A", "at_or_above": "90%"}]})");
  CHECK(w.file == "b.json");
  CHECK(w.line == 3);
  CHECK(w.path == "$.bands[1]");
  CHECK_THROWS_WITH_AS((void)cchc::parse_bands(R"({"format": "cchc.bands", "version": 1, "bands": [{"band": "A", "at_or_above": 1, "above": 2}]})"),
                       doctest::Contains("exactly one of"), cchc::parse_error);
  CHECK_THROWS_WITH_AS((void)cchc::parse_bands(R"({"format": "cchc.bands", "version": 1, "bands": [{"band": "A", "at_or_above": 2}, {"band": "A", "at_or_above": 1}]})"),
                       doctest::Contains("appears twice"), cchc::parse_error);
  CHECK_THROWS_WITH_AS((void)cchc::parse_bands(R"({"format": "cchc.bands", "version": 1, "bands": []})"),
                       doctest::Contains("at least one band"), cchc::parse_error);
  CHECK_THROWS_WITH_AS((void)cchc::parse_bands(R"({"format": "cchc.scorecard", "version": 1, "bands": []})"),
                       doctest::Contains("cchc.bands"), cchc::parse_error);
  CHECK_THROWS_WITH_AS((void)cchc::parse_bands(R"({"format": "cchc.bands", "version": 1, "bands": [{"band": "A", "at_or_above": 0.5}], "colour": 1})"),
                       doctest::Contains("unknown key \"colour\""), cchc::parse_error);
  CHECK_THROWS_WITH_AS((void)cchc::parse_bands(R"({"format": "cchc.bands", "version": 1, "bands": [{"band": "", "at_or_above": 0.5}]})"),
                       doctest::Contains("empty"), cchc::parse_error);
  CHECK_THROWS_WITH_AS((void)cchc::parse_bands(R"({"format": "cchc.bands", "version": 1, "bands": [{"band": "A", "at_or_above": "ninety"}]})"),
                       doctest::Contains("exact decimal"), cchc::parse_error);
  CHECK_THROWS_AS((void)cchc::parse_bands(R"({"format": "cchc.bands", "version": 1, "bands": [{"band": "A", "at_or_above": 0.5})"),
                  cchc::parse_error);
  CHECK_THROWS_AS((void)cchc::load_bands("/nonexistent/bands.json"), cchc::io_error);
}
