// Built against the *installed* cchc by CTest (test "package.find_package"). It is the README's
// example, so the README cannot drift from the API; it also checks the example's claims.
#include <cchc/cchc.hpp>

#include <iostream>
#include <sstream>

using namespace date;

int main() {
  cchc::rate cadres{118, 119};  // the seed: "118/119 ... đạt 99,15%"
  std::cout << cchc::format_percent(*cadres.percent(2, cchc::rounding::half_away_from_zero),
                                    cchc::number_style::vi)
            << '\n';  // 99,16%
  std::cout << cadres.matches("99,15%").size() << " roundings reproduce 99,15%\n";  // toward_zero, floor
  const auto cal = cchc::vietnam::civil_service_calendar();
  std::cout << cal.add_working_days(sys_days{2023_y / January / 19}, 3) << '\n';  // 2023-01-31, after Tết

  // The claims in the comments above, checked.
  std::ostringstream due;
  due << cal.add_working_days(sys_days{2023_y / January / 19}, 3);
  const bool ok = cchc::format_percent(*cadres.percent(2, cchc::rounding::half_away_from_zero),
                                       cchc::number_style::vi) == "99,16%" &&
                  cadres.matches("99,15%").size() == 2 && due.str() == "2023-01-31";
  std::cout << "cchc " << cchc::version_string << (ok ? ": README example OK\n" : ": README example WRONG\n");
  return ok ? 0 : 1;
}
