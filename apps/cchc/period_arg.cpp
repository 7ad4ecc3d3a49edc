#include "period_arg.hpp"

#include "cchc/period.hpp"
#include "cli.hpp"
#include "commands.hpp"

namespace cchc::cli {

namespace {

[[noreturn]] void bad(const std::string& text, const std::string& why) {
  throw usage_error("--period", "invalid --period '" + text + "': " + why +
                                    " (expected FROM..TO, annual:YYYY, 6months:YYYY, 9months:YYYY, quarter:YYYY-Qn, "
                                    "month:YYYY-MM, year:YYYY, calendar-quarter:YYYY-Qn or calendar-month:YYYY-MM)");
}

int parse_year(const std::string& text, const std::string& y) {
  if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos) bad(text, "the year must have 4 digits");
  return std::stoi(y);
}

period_arg from(const period& p, const std::string& text) { return {p.first(), p.last(), text}; }

unsigned parse_quarter(const std::string& text, const std::string& rest) {
  if (rest.size() != 7 || rest[4] != '-' || (rest[5] != 'Q' && rest[5] != 'q') || rest[6] < '1' || rest[6] > '4')
    bad(text, "a quarter is written YYYY-Qn");
  return static_cast<unsigned>(rest[6] - '0');
}

unsigned parse_month(const std::string& text, const std::string& rest) {
  if (rest.size() != 7 || rest[4] != '-' || rest.substr(5).find_first_not_of("0123456789") != std::string::npos)
    bad(text, "a month is written YYYY-MM");
  const int m = std::stoi(rest.substr(5));
  if (m < 1 || m > 12) bad(text, "the month must be 01..12");
  return static_cast<unsigned>(m);
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
  // The Decree 09/2019 periods and the calendar periods come from cchc/period.hpp.
  if (kind == "annual") return from(period::annual(parse_year(text, rest)), text);
  if (kind == "6months") return from(period::six_months(parse_year(text, rest)), text);
  if (kind == "9months") return from(period::nine_months(parse_year(text, rest)), text);
  if (kind == "quarter")
    return from(period::quarterly(parse_year(text, rest.substr(0, 4)), parse_quarter(text, rest)), text);
  if (kind == "month") return from(period::monthly(parse_year(text, rest.substr(0, 4)), parse_month(text, rest)), text);
  if (kind == "year") return from(period::calendar_year(parse_year(text, rest)), text);
  if (kind == "calendar-quarter")
    return from(period::calendar_quarter(parse_year(text, rest.substr(0, 4)), parse_quarter(text, rest)), text);
  if (kind == "calendar-month")
    return from(period::calendar_month(parse_year(text, rest.substr(0, 4)), parse_month(text, rest)), text);
  bad(text, "unknown period name '" + kind + "'");
}

}  // namespace cchc::cli
