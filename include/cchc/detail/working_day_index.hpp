// cchc/detail/working_day_index.hpp — the precomputed tables behind cchc::work_calendar.
//
// Not a public interface: the names may change. What is here is the O(1) arithmetic on two tables
// built once per calendar over its whole supported range:
//
//   cumulative[i + 1] = number of working days among the range's days 0..i   (cumulative[0] = 0)
//   ordinal[k]        = index of the (k + 1)-th working day of the range
//
// so that "is day i a working day" is cumulative[i + 1] - cumulative[i], "working days in (a, b]" is
// cumulative[b + 1] - cumulative[a + 1], and "the n-th working day after i" is
// ordinal[cumulative[i + 1] + n - 1]. Both tables are int32: 300 years take 438 KB + 313 KB, which
// stays in a core's L2 cache, so random look-ups run at memory-latency speed, not table-scan speed.
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <cstdint>

#include <date/date.h>

namespace cchc::detail {

// Throws cchc::range_error naming the day (as a day number since 1970-01-01), what was asked and the
// supported range. Out of line and cold: the hot paths only pay for one unsigned comparison.
[[noreturn]] CCHC_EXPORT void throw_day_out_of_range(std::int64_t day_number, std::int32_t first_day_number,
                                         std::int32_t last_day_number, const char* what);
[[noreturn]] CCHC_EXPORT void throw_result_out_of_range(std::int64_t day_number, std::int64_t n,
                                            std::int32_t first_day_number,
                                            std::int32_t last_day_number, const char* what);

struct CCHC_EXPORT working_day_index {
  const std::int32_t* cumulative = nullptr;  // size days + 1
  const std::int32_t* ordinal = nullptr;     // size working
  std::int32_t first = 0;                    // day number (days since 1970-01-01) of index 0
  std::int32_t days = 0;                     // number of days covered
  std::int32_t working = 0;                  // number of working days covered

  // Index of a day number, or throws range_error. One subtraction and one unsigned comparison.
  [[nodiscard]] std::int32_t index_of(std::int64_t day_number, const char* what) const {
    const std::int64_t i = day_number - first;
    if (static_cast<std::uint64_t>(i) >= static_cast<std::uint64_t>(days))
      throw_day_out_of_range(day_number, first, first + days - 1, what);
    return static_cast<std::int32_t>(i);
  }

  [[nodiscard]] bool is_working_index(std::int32_t i) const noexcept {
    return cumulative[i + 1] != cumulative[i];
  }

  [[nodiscard]] bool is_working(std::int64_t day_number) const {
    return is_working_index(index_of(day_number, "is_working_day"));
  }

  // n >= 1: the n-th working day strictly after; n == 0: the day itself if working, else the next
  // working day; n <= -1: the |n|-th working day strictly before.
  [[nodiscard]] std::int32_t add(std::int64_t day_number, std::int64_t n) const {
    const std::int32_t i = index_of(day_number, "add_working_days");
    std::int64_t k;  // 0-based ordinal of the answer
    if (n > 0) {
      k = static_cast<std::int64_t>(cumulative[i + 1]) + n - 1;
    } else if (n == 0) {
      if (is_working_index(i)) return first + i;
      k = cumulative[i + 1];
    } else {
      k = static_cast<std::int64_t>(cumulative[i]) + n;
    }
    if (static_cast<std::uint64_t>(k) >= static_cast<std::uint64_t>(working))
      throw_result_out_of_range(day_number, n, first, first + days - 1, "add_working_days");
    return first + ordinal[k];
  }

  // Working days in (a, b]; negative (minus the working days in (b, a]) when b < a.
  [[nodiscard]] std::int32_t between(std::int64_t a, std::int64_t b) const {
    const std::int32_t ia = index_of(a, "working_days_between");
    const std::int32_t ib = index_of(b, "working_days_between");
    return cumulative[ib + 1] - cumulative[ia + 1];
  }
};

}  // namespace cchc::detail
