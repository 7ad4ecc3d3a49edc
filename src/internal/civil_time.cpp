// The one civil date / date-time parser (see civil_time.hpp).
#include "internal/civil_time.hpp"

namespace cchc::internal {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max_digits digits at s[i] into `out` (digit count in `count`); false if none.
bool read_digits(std::string_view s, std::size_t& i, int max_digits, int& out, int& count) {
  out = 0;
  count = 0;
  while (i < s.size() && count < max_digits && is_digit(s[i])) {
    out = out * 10 + (s[i] - '0');
    ++i;
    ++count;
  }
  return count > 0;
}

// What the reader finds at s[i], for "found ..." in reasons.
std::string found_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return "the end";
  if (s[i] == ' ') return "a space";
  std::size_t len = 1;  // a whole UTF-8 sequence, so that the message stays valid text
  while (i + len < s.size() && len < 4 && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) ++len;
  return "'" + std::string(s.substr(i, len)) + "'";
}

constexpr const char* month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};

constexpr int first_year = 1900;
constexpr int last_year = 2199;
constexpr int minutes_per_day = 24 * 60;
constexpr int civil_offset_minutes = 7 * 60;  // Vietnamese civil time is UTC+7
constexpr int max_offset_minutes = 14 * 60;

// Returns `brief`, or, when `why` is given, the detailed reason written into it.
const char* reason(std::string* why, const char* brief, const std::string& detailed) {
  if (!why) return brief;
  *why = detailed;
  return why->c_str();
}

std::string two_digits(int v) { return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10); }

}  // namespace

bool parse_civil_canonical(std::string_view s, civil_fields& out) noexcept {
  const std::size_t n = s.size();
  if (n != 10 && n != 16) return false;
  const char* p = s.data();
  // A digit's value, or a value > 9 for any other byte (unsigned wrap-around); `bad` collects
  // whether any byte read was not a digit.
  bool bad = false;
  const auto dig = [p, &bad](std::size_t i) noexcept {
    const unsigned v = static_cast<unsigned>(static_cast<unsigned char>(p[i])) - '0';
    bad |= v > 9;
    return v;
  };
  unsigned y = 0, m = 0, d = 0;
  if (p[4] == '-') {  // YYYY-MM-DD (the grammar's test for ISO: a '-' after four characters)
    if (p[7] != '-') return false;
    const unsigned y0 = dig(0), y1 = dig(1), y2 = dig(2), y3 = dig(3), m0 = dig(5), m1 = dig(6), d0 = dig(8), d1 = dig(9);
    if (bad) return false;
    y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    m = m0 * 10 + m1;
    d = d0 * 10 + d1;
  } else {  // dd/mm/yyyy
    if (p[2] != '/' || p[5] != '/') return false;
    const unsigned d0 = dig(0), d1 = dig(1), m0 = dig(3), m1 = dig(4), y0 = dig(6), y1 = dig(7), y2 = dig(8), y3 = dig(9);
    if (bad) return false;
    y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    m = m0 * 10 + m1;
    d = d0 * 10 + d1;
  }
  unsigned minute_of_day = 0;
  if (n == 16) {  // <date> HH:MM or <date>THH:MM
    if ((p[10] != ' ' && p[10] != 'T') || p[13] != ':') return false;
    const unsigned h0 = dig(11), h1 = dig(12), n0 = dig(14), n1 = dig(15);
    if (bad) return false;
    const unsigned hh = h0 * 10 + h1, mm = n0 * 10 + n1;
    if (hh > 23 || mm > 59) return false;
    minute_of_day = hh * 60 + mm;
  }
  if (check_civil_date(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)) != civil_date_status::ok)
    return false;
  out.day = date::sys_days{date::year{static_cast<int>(y)} / date::month{m} / date::day{d}};
  out.time_of_day = std::chrono::minutes{minute_of_day};
  out.has_time = n == 16;
  out.has_offset = false;
  out.utc_offset = std::chrono::minutes{0};
  return true;
}

namespace {

// The reason check_civil_date gives for a day that is not in its month (out of line: the check itself
// stays small enough to be inlined into the parsers).
[[gnu::noinline]] void explain_missing_day(int y, int m, int d, std::string& why) {
  const auto last = date::year_month_day_last{date::year{y}, date::month_day_last{date::month{static_cast<unsigned>(m)}}};
  why = "day " + std::to_string(d) + " does not exist in " + month_names[m - 1] + " " + std::to_string(y) + " (" +
        std::to_string(static_cast<unsigned>(last.day())) + " days)";
}

}  // namespace

civil_date_status check_civil_date(int y, int m, int d, std::string* why) {
  if (y < first_year || y > last_year) {
    if (why) *why = "expected a year 1900-2199, found " + std::to_string(y);
    return civil_date_status::bad_year;
  }
  if (m < 1 || m > 12) {
    if (why) *why = "expected a month 1-12, found " + std::to_string(m);
    return civil_date_status::bad_month;
  }
  if (d >= 1 && d <= 28) return civil_date_status::ok;  // in every month (the common case, no calendar work)
  // One leap-year rule for the whole library: date's (Gregorian, proleptic) ok().
  const bool in_any_month = d >= 1 && d <= 31;
  if (!in_any_month || !date::year_month_day{date::year{y}, date::month{static_cast<unsigned>(m)},
                                             date::day{static_cast<unsigned>(d)}}
                            .ok()) {
    if (why) explain_missing_day(y, m, d, *why);
    return in_any_month ? civil_date_status::no_such_day : civil_date_status::bad_day;
  }
  return civil_date_status::ok;
}

const char* parse_civil(std::string_view text, civil_fields& out, std::string* why) {
  if (parse_civil_canonical(text, out)) return nullptr;
  return parse_civil_general(text, out, why);
}

const char* parse_civil_general(std::string_view text, civil_fields& out, std::string* why) {
  const std::string_view s = trim(text);
  std::size_t i = 0;
  int y = 0, m = 0, d = 0, n = 0;
  if (s.empty()) return reason(why, "empty", "expected a date, found empty text");

  // ── the date ──
  if (s.size() >= 5 && s[4] == '-') {  // ISO: four digits then '-'
    if (!read_digits(s, i, 4, y, n) || n != 4) return reason(why, "bad year", "expected a four-digit year");
    ++i;
    if (!read_digits(s, i, 2, m, n))
      return reason(why, "bad month", "expected the month after 'YYYY-', found " + found_at(s, i));
    if (i >= s.size() || s[i] != '-')
      return reason(why, "bad month", "expected '-' after the month (YYYY-MM-DD), found " + found_at(s, i));
    ++i;
    if (!read_digits(s, i, 2, d, n))
      return reason(why, "bad day", "expected the day after 'YYYY-MM-', found " + found_at(s, i));
  } else {
    if (!read_digits(s, i, 2, d, n) || i >= s.size() || s[i] != '/')
      return reason(why, "not a date",
                    "expected a date YYYY-MM-DD or dd/mm/yyyy, found " + found_at(s, i) + " at character " +
                        std::to_string(i + 1));
    ++i;
    if (!read_digits(s, i, 2, m, n))
      return reason(why, "bad month", "expected the month after 'dd/', found " + found_at(s, i));
    if (i >= s.size() || s[i] != '/')
      return reason(why, "bad month", "expected '/' after the month (dd/mm/yyyy), found " + found_at(s, i));
    ++i;
    const std::size_t year_at = i;
    read_digits(s, i, 5, y, n);
    if (n != 4)
      return reason(why, "bad year (four digits expected)",
                    "expected a four-digit year, found '" + std::string(s.substr(year_at, i - year_at)) + "'");
  }
  switch (check_civil_date(y, m, d, why)) {
    case civil_date_status::ok: break;
    case civil_date_status::bad_year: return why ? why->c_str() : "year outside 1900-2199";
    case civil_date_status::bad_month: return why ? why->c_str() : "month outside 1-12";
    case civil_date_status::bad_day:
    case civil_date_status::no_such_day: return why ? why->c_str() : "no such day in that month";
  }

  // ── the time ──
  int hh = 0, mm = 0;
  bool has_time = false;
  bool has_offset = false;
  int offset = 0;  // minutes east of UTC, as written
  if (i < s.size()) {
    if (s[i] == 'T') {
      ++i;
    } else if (s[i] == ' ' || s[i] == '\t') {
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    } else {
      return reason(why, "unexpected text after the date",
                    "expected the end, or a space or 'T' and a time, after the date; found " + found_at(s, i));
    }
    if (!read_digits(s, i, 2, hh, n) || i >= s.size() || s[i] != ':')
      return reason(why, "bad time (HH:MM expected)", "expected a time HH:MM, found " + found_at(s, i));
    ++i;
    const std::size_t minutes_at = i;
    if (!read_digits(s, i, 2, mm, n) || n != 2)
      return reason(why, "bad minutes (HH:MM expected)",
                    "expected two-digit minutes (HH:MM), found " + found_at(s, minutes_at + static_cast<std::size_t>(n)));
    if (i < s.size() && s[i] == ':') {  // seconds are accepted and dropped: the model counts minutes
      int ss = 0;
      ++i;
      if (!read_digits(s, i, 2, ss, n) || n != 2 || ss > 59)
        return reason(why, "bad seconds", "expected two-digit seconds 00-59 after HH:MM:");
      if (i < s.size() && s[i] == '.') {  // a fraction of a second ("08:15:00.000Z" from JavaScript)
        ++i;
        const std::size_t frac = i;
        while (i < s.size() && is_digit(s[i])) ++i;
        if (i == frac) return reason(why, "bad seconds", "expected digits after the '.' of the seconds");
      }
    }
    if (hh > 23) return reason(why, "hour outside 0-23", "expected an hour 0-23, found " + std::to_string(hh));
    if (mm > 59) return reason(why, "minute outside 0-59", "expected minutes 00-59, found " + std::to_string(mm));
    has_time = true;

    // ── the offset ──
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    if (i < s.size()) {
      const std::size_t offset_at = i;
      if (s[i] == 'Z' || s[i] == 'z') {
        ++i;
        has_offset = true;
      } else if (s[i] == '+' || s[i] == '-') {
        const int sign = s[i] == '-' ? -1 : 1;
        ++i;
        const std::string written(s.substr(offset_at));
        auto malformed = [&] {
          return reason(why, "bad UTC offset (Z, +HH:MM or +HHMM expected)",
                        "expected a UTC offset Z, +HH:MM, +HHMM or +HH (e.g. +07:00), found '" + written + "'");
        };
        int oh = 0, om = 0;
        if (!read_digits(s, i, 2, oh, n) || n != 2) return malformed();
        if (i < s.size()) {
          if (s[i] == ':') ++i;
          if (!read_digits(s, i, 2, om, n) || n != 2) return malformed();
        }
        if (i != s.size()) return malformed();  // "+07:00:30": offsets are whole minutes
        if (om > 59)
          return reason(why, "bad UTC offset (minutes 00-59 expected)",
                        "expected offset minutes 00-59, found '" + written + "'");
        if (oh * 60 + om > max_offset_minutes)
          return reason(why, "UTC offset beyond +-14:00",
                        "expected a UTC offset within -14:00..+14:00, found '" + written + "'");
        offset = sign * (oh * 60 + om);
        has_offset = true;
      }
      if (!has_offset || i != s.size())
        return reason(why, "unexpected text after the time",
                      "expected the end or a UTC offset (Z, +07:00) after the time, found " + found_at(s, i));
    }
  }

  date::sys_days day{date::year{y} / date::month{static_cast<unsigned>(m)} / date::day{static_cast<unsigned>(d)}};
  int minute_of_day = hh * 60 + mm;
  if (has_offset) {
    // local − offset = UTC; UTC + 7 h = civil. Floor division moves the day when the sum leaves 0..1439.
    int civil = minute_of_day - offset + civil_offset_minutes;
    int shift = 0;
    while (civil < 0) {
      civil += minutes_per_day;
      --shift;
    }
    while (civil >= minutes_per_day) {
      civil -= minutes_per_day;
      ++shift;
    }
    day += date::days{shift};
    minute_of_day = civil;
    const int civil_year = static_cast<int>(date::year_month_day{day}.year());
    if (civil_year < first_year || civil_year > last_year) {
      const date::year_month_day c{day};
      return reason(why, "the civil time is outside 1900-2199",
                    "expected a time whose Vietnamese civil date (UTC+7) lies in 1900-2199, found " +
                        std::to_string(civil_year) + "-" + two_digits(static_cast<int>(static_cast<unsigned>(c.month()))) +
                        "-" + two_digits(static_cast<int>(static_cast<unsigned>(c.day()))) + " " +
                        two_digits(minute_of_day / 60) + ":" + two_digits(minute_of_day % 60));
    }
  }
  out.day = day;
  out.time_of_day = std::chrono::minutes{minute_of_day};
  out.has_time = has_time;
  out.has_offset = has_offset;
  out.utc_offset = std::chrono::minutes{offset};
  return nullptr;
}

}  // namespace cchc::internal
