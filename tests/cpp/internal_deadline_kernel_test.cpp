// src/deadline/deadline_kernel.hpp: the arithmetic the one deadline kernel relies on.
#include "deadline/deadline_kernel.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <random>

#include "cchc/vietnam_calendar.hpp"

TEST_CASE("clock::office_days is floor division by the office day's minutes, for every office day") {
  const cchc::work_calendar& cal = cchc::vietnam::civil_service_calendar();
  std::mt19937_64 g(7);
  long checked = 0;
  for (std::int64_t per_day = 1; per_day <= 1440; ++per_day) {
    // Office hours of `per_day` minutes: a morning of up to 4 hours, the rest in the afternoon.
    cchc::office_hours h;
    const std::int64_t morning = std::min<std::int64_t>(per_day, 240);
    h.morning = {std::chrono::minutes{0}, std::chrono::minutes{morning}};
    h.afternoon = {std::chrono::minutes{morning}, std::chrono::minutes{per_day}};
    const cchc::kernel::clock c(cal, h);
    REQUIRE(c.per_day == per_day);
    auto check = [&](std::int64_t x) {
      if (x < 0) return;
      ++checked;
      if (c.office_days(x) != x / per_day) {
        FAIL_CHECK("per_day " << per_day << " x " << x << ": " << c.office_days(x) << " != " << x / per_day);
      }
    };
    // Around every multiple near the top of the fast range (where the reciprocal's error is largest),
    // near zero, past the fast range, and at random.
    const std::int64_t top = (std::int64_t{1} << 28) / per_day;
    for (std::int64_t k = top - 40; k <= top + 2; ++k)
      for (std::int64_t d : {-1, 0, 1}) check(k * per_day + d);
    for (std::int64_t x = 0; x < 3 * per_day; ++x) check(x);
    for (int r = 0; r < 200; ++r) check(static_cast<std::int64_t>(g() % (std::uint64_t{1} << 29)));
    check(std::int64_t{1} << 40);
  }
  CHECK(checked > 1440 * 300);
}
