#include "cchc/error.hpp"

#include <doctest/doctest.h>

#include <type_traits>

#include "cchc/finding.hpp"

TEST_CASE("error: every error derives from cchc::error and std::runtime_error") {
  static_assert(std::is_base_of_v<std::runtime_error, cchc::error>);
  static_assert(std::is_base_of_v<cchc::error, cchc::parse_error>);
  static_assert(std::is_base_of_v<cchc::error, cchc::range_error>);
  static_assert(std::is_base_of_v<cchc::error, cchc::overflow_error>);
  static_assert(std::is_base_of_v<cchc::error, cchc::argument_error>);
  static_assert(std::is_base_of_v<cchc::error, cchc::lookup_error>);
  static_assert(std::is_base_of_v<cchc::error, cchc::io_error>);
}

TEST_CASE("error: the message names the location, then the problem") {
  cchc::parse_error e("expected a digit, found 'x'", {"log.csv", 12, 7, "", "received_at"});
  CHECK(std::string(e.what()) == "log.csv:12:7: received_at: expected a digit, found 'x'");
  CHECK(e.detail() == "expected a digit, found 'x'");
  CHECK(e.where().line == 12);
  CHECK(e.where().column == 7);
}

TEST_CASE("error: a JSON path without a file") {
  cchc::location at;
  at.path = "$.one_stop.flows[0]";
  cchc::error e("expected an integer", at);
  CHECK(std::string(e.what()) == "$.one_stop.flows[0]: expected an integer");
}

TEST_CASE("error: no location gives the bare message") {
  cchc::range_error e("year 2300 is outside 1900-2199");
  CHECK(std::string(e.what()) == "year 2300 is outside 1900-2199");
  CHECK(e.where().empty());
}

TEST_CASE("finding: severities print as words") {
  CHECK(cchc::to_string(cchc::severity::error) == "error");
  CHECK(cchc::to_string(cchc::severity::warning) == "warning");
  CHECK(cchc::to_string(cchc::severity::info) == "info");
}
