#include "commands.hpp"

#include <cstdio>

#include "cchc/civil_time.hpp"

namespace cchc::cli {

extern const command check_command;
extern const command indicators_command;
extern const command dossiers_command;
extern const command calendar_command;
extern const command due_command;
extern const command score_command;
extern const command rank_command;
extern const command flows_command;

std::vector<const command*> registered_commands() {
  return {&check_command,    &indicators_command, &dossiers_command, &calendar_command,
          &due_command,      &score_command,      &rank_command,
          &flows_command};
}

namespace {
bool all_digits(const std::string& s, std::size_t from, std::size_t to) {
  if (from >= to) return false;
  for (std::size_t i = from; i < to; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}
}  // namespace

date::sys_days parse_date_argument(const std::string& text, const std::string& argument) {
  // The one date parser (cchc/civil_time.hpp); its message says what was expected and what was found.
  std::string why;
  if (const auto day = cchc::try_parse_date(text, &why)) return *day;
  throw usage_error(argument, "invalid " + argument + ": " + why);
}

long parse_count_argument(const std::string& text, const std::string& argument, long max) {
  if (!all_digits(text, 0, text.size()) || text.size() > 9)
    throw usage_error(argument, "invalid " + argument + ": expected a non-negative integer, found '" + text + "'");
  const long n = std::stol(text);
  if (n > max)
    throw usage_error(argument, "invalid " + argument + ": " + text + " is larger than the maximum " +
                                    std::to_string(max));
  return n;
}

std::chrono::minutes parse_time_argument(const std::string& text, const std::string& argument) {
  const auto colon = text.find(':');
  const bool shaped = colon != std::string::npos && (colon == 1 || colon == 2) && text.size() == colon + 3 &&
                      all_digits(text, 0, colon) && all_digits(text, colon + 1, text.size());
  if (!shaped)
    throw usage_error(argument, "invalid " + argument + ": expected a time as HH:MM, found '" + text + "'");
  const int h = std::stoi(text.substr(0, colon));
  const int m = std::stoi(text.substr(colon + 1));
  if (h > 24 || m > 59 || (h == 24 && m != 0))
    throw usage_error(argument, "invalid " + argument + ": '" + text + "' is not a time of day (00:00 to 24:00)");
  return std::chrono::minutes{h * 60 + m};
}

std::string format_time(std::chrono::minutes t) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(t.count() / 60), static_cast<int>(t.count() % 60));
  return buf;
}

std::string iso_date(date::sys_days d) {
  const date::year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string format_date(date::sys_days d, language lang) {
  if (lang == language::en) return iso_date(d);
  const date::year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", static_cast<unsigned>(ymd.day()), static_cast<unsigned>(ymd.month()),
                static_cast<int>(ymd.year()));
  return buf;
}

std::string weekday_name(date::sys_days d, language lang) {
  static const char* const vi[] = {"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"};
  static const char* const en[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  const unsigned i = date::weekday{d}.c_encoding();
  return lang == language::vi ? vi[i] : en[i];
}

}  // namespace cchc::cli
