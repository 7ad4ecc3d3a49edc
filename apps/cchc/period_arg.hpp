// period_arg.hpp — the --period argument: FROM..TO, or a Decree 09/2019 reporting period by name.
#pragma once

#include <string>

#include <date/date.h>

namespace cchc::cli {

struct period_arg {
  date::sys_days first;
  date::sys_days last;
  std::string name;  ///< "annual:2023", or "2022-12-15..2023-12-13"
};

/// Accepts FROM..TO (each YYYY-MM-DD or dd/mm/yyyy, inclusive) and the Decree 09/2019/NĐ-CP periods:
/// annual:YYYY (15/12 of YYYY-1 – 14/12/YYYY), 6months:YYYY (15/12 – 14/6), 9months:YYYY (15/12 –
/// 14/9), quarter:YYYY-Qn (15th of the month before the quarter – 14th of its last month),
/// month:YYYY-MM (15th of the previous month – 14th of the month); and calendar periods year:YYYY,
/// calendar-quarter:YYYY-Qn, calendar-month:YYYY-MM (cchc/period.hpp). Throws usage_error("--period").
[[nodiscard]] period_arg parse_period_argument(const std::string& text);

}  // namespace cchc::cli
