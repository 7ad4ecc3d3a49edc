// The one civil date / date-time parser (see civil_time.hpp).
#include "internal/civil_time.hpp"

namespace cchc::internal {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Reads 1..max_digits digits at s[i]; false if none.
bool read_digits(std::string_view s, std::size_t& i, int max_digits, int& out, int& count) {
  out = 0;
  count = 0;
  while (i < s.size() && count < max_digits && s[i] >= '0' && s[i] <= '9') {
    out = out * 10 + (s[i] - '0');
    ++i;
    ++count;
  }
  return count > 0;
}

unsigned days_in_month(int y, int m) {
  static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2) return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29u : 28u;
  return days[m - 1];
}

constexpr const char* month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};

}  // namespace

const char* parse_civil(std::string_view text, civil_fields& out, std::string* why) {
  const std::string_view s = trim(text);
  std::size_t i = 0;
  int y = 0, m = 0, d = 0, n = 0;
  if (s.empty()) return "empty";
  // ISO: 4 digits then '-'
  if (s.size() >= 5 && s[4] == '-') {
    if (!read_digits(s, i, 4, y, n) || n != 4 || i >= s.size() || s[i] != '-') return "bad year";
    ++i;
    if (!read_digits(s, i, 2, m, n) || i >= s.size() || s[i] != '-') return "bad month";
    ++i;
    if (!read_digits(s, i, 2, d, n)) return "bad day";
  } else {
    if (!read_digits(s, i, 2, d, n) || i >= s.size() || s[i] != '/') return "not a date";
    ++i;
    if (!read_digits(s, i, 2, m, n) || i >= s.size() || s[i] != '/') return "bad month";
    ++i;
    if (!read_digits(s, i, 4, y, n) || n != 4) return "bad year (four digits expected)";
  }
  if (y < 1900 || y > 2199) return "year outside 1900-2199";
  if (m < 1 || m > 12) return "month outside 1-12";
  if (d < 1 || static_cast<unsigned>(d) > days_in_month(y, m)) {
    if (why) {
      *why = std::string("day ") + std::to_string(d) + " does not exist in " + month_names[m - 1] + " " +
             std::to_string(y) + " (" + std::to_string(days_in_month(y, m)) + " days)";
      return why->c_str();
    }
    return "no such day in that month";
  }
  int hh = 0, mm = 0;
  bool has_time = false;
  if (i < s.size()) {
    if (s[i] != ' ' && s[i] != 'T') return "unexpected text after the date";
    while (i < s.size() && (s[i] == ' ' || s[i] == 'T')) ++i;
    if (!read_digits(s, i, 2, hh, n) || i >= s.size() || s[i] != ':') return "bad time (HH:MM expected)";
    ++i;
    if (!read_digits(s, i, 2, mm, n) || n != 2) return "bad minutes (HH:MM expected)";
    if (i < s.size() && s[i] == ':') {  // seconds are accepted and dropped: the model counts minutes
      int ss = 0;
      ++i;
      if (!read_digits(s, i, 2, ss, n) || n != 2 || ss > 59) return "bad seconds";
    }
    if (i != s.size()) return "unexpected text after the time";
    if (hh > 23) return "hour outside 0-23";
    if (mm > 59) return "minute outside 0-59";
    has_time = true;
  }
  const date::sys_days day{date::year{y} / date::month{static_cast<unsigned>(m)} / date::day{static_cast<unsigned>(d)}};
  out.day = day;
  out.time_of_day = std::chrono::hours{hh} + std::chrono::minutes{mm};
  out.has_time = has_time;
  return nullptr;
}


}  // namespace cchc::internal
