#include "period_arg.hpp"

#include "cli.hpp"
#include "commands.hpp"

namespace cchc::cli {

namespace {

[[noreturn]] void bad(const std::string& text, const std::string& why) {
  throw usage_error("--period", "invalid --period '" + text + "': " + why +
                                    " (expected FROM..TO, annual:YYYY, 6months:YYYY, 9months:YYYY, "
                                    "quarter:YYYY-Qn or month:YYYY-MM)");
}

int parse_year(const std::string& text, const std::string& y) {
  if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos) bad(text, "the year must have 4 digits");
  return std::stoi(y);
}

// 15th of month m (1-based, may be 0 = December of the previous year) … 14th of month n.
period_arg decree09(const std::string& text, int year, int from_month, int to_month) {
  date::year_month from = date::year{year} / date::month{1} + date::months{from_month - 1};
  if (from_month <= 0) from = date::year{year - 1} / date::month{static_cast<unsigned>(12 + from_month)};
  const date::year_month to = date::year{year} / date::month{static_cast<unsigned>(to_month)};
  return {date::sys_days{from / 15}, date::sys_days{to / 14}, text};
}

}  // namespace

period_arg parse_period_argument(const std::string& text) {
  if (auto dots = text.find(".."); dots != std::string::npos) {
    const auto first = parse_date_argument(text.substr(0, dots), "--period");
    const auto last = parse_date_argument(text.substr(dots + 2), "--period");
    if (last < first) bad(text, "the end is before the start");
    return {first, last, iso_date(first) + ".." + iso_date(last)};
  }
  const auto colon = text.find(':');
  if (colon == std::string::npos) bad(text, "no '..' and no period name");
  const std::string kind = text.substr(0, colon);
  const std::string rest = text.substr(colon + 1);
  if (kind == "annual") return decree09(text, parse_year(text, rest), 0, 12);
  if (kind == "6months") return decree09(text, parse_year(text, rest), 0, 6);
  if (kind == "9months") return decree09(text, parse_year(text, rest), 0, 9);
  if (kind == "quarter") {
    if (rest.size() != 7 || rest[4] != '-' || (rest[5] != 'Q' && rest[5] != 'q') || rest[6] < '1' || rest[6] > '4')
      bad(text, "a quarter is written YYYY-Qn");
    const int q = rest[6] - '0';
    return decree09(text, parse_year(text, rest.substr(0, 4)), 3 * q - 3, 3 * q);
  }
  if (kind == "month") {
    if (rest.size() != 7 || rest[4] != '-' || rest.substr(5).find_first_not_of("0123456789") != std::string::npos)
      bad(text, "a month is written YYYY-MM");
    const int m = std::stoi(rest.substr(5));
    if (m < 1 || m > 12) bad(text, "the month must be 01..12");
    return decree09(text, parse_year(text, rest.substr(0, 4)), m - 1, m);
  }
  bad(text, "unknown period name '" + kind + "'");
}

}  // namespace cchc::cli
