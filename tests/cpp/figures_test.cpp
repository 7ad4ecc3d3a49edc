// cchc/figures.hpp: a unit's named exact figures; absent is not zero.
#include "cchc/figures.hpp"

#include <doctest/doctest.h>

#include "cchc/error.hpp"

TEST_CASE("figures: numbers and rates by name, absent when not set") {
  cchc::figures f;
  f.set("totalOnTime", 13676).set("on_time", cchc::rate(118, 119)).set("budget", cchc::decimal::parse("1.50"));
  REQUIRE(f.find("totalOnTime"));
  CHECK(f.find("totalOnTime")->number() == cchc::decimal(13676));
  CHECK(f.find("on_time")->is_rate());
  CHECK(cchc::to_string(*f.find("on_time")) == "118/119");
  CHECK(cchc::to_string(*f.find("budget")) == "1.50");
  CHECK(f.find("totalReceived") == nullptr);  // absent, not 0
  CHECK(f.names() == std::vector<std::string>{"budget", "on_time", "totalOnTime"});
  CHECK(f.find("totalOnTime")->as_rate() == cchc::rate(13676, 1));
  CHECK_THROWS_AS((void)f.find("on_time")->number(), cchc::argument_error);
  CHECK_THROWS_AS(f.set("", 1), cchc::argument_error);
  f.erase("budget");
  CHECK_FALSE(f.contains("budget"));
  CHECK(f.size() == 2);
}
