// The public face of the one civil date parser (src/internal/civil_time): the rules live there.
#include "cchc/civil_time.hpp"

#include "cchc/error.hpp"
#include "internal/civil_time.hpp"

namespace cchc {

namespace {

// The input for a message, shortened when long (cut at a character boundary) so that a hostile
// megabyte of text does not become a megabyte of message.
std::string quoted(std::string_view text) {
  constexpr std::size_t limit = 60;
  if (text.size() <= limit) return "'" + std::string(text) + "'";
  std::size_t cut = 40;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "'" + std::string(text.substr(0, cut)) + "...' (" + std::to_string(text.size()) + " bytes)";
}

constexpr std::string_view date_forms = "a date YYYY-MM-DD or dd/mm/yyyy";
constexpr std::string_view date_time_forms =
    "a date and time YYYY-MM-DD HH:MM or dd/mm/yyyy HH:MM (optionally with a UTC offset such as +07:00 or Z)";

// Parses `text`; on failure writes the complete message into `message` and returns false.
bool parse(std::string_view text, bool want_time, internal::civil_fields& f, std::string& message) {
  std::string why;
  const std::string_view expected = want_time ? date_time_forms : date_forms;
  if (const char* problem = internal::parse_civil(text, f, &why)) {
    message = "expected " + std::string(expected) + ", found " + quoted(text) + " (" + problem + ")";
    return false;
  }
  if (f.has_time != want_time) {
    message = "expected " + std::string(expected) + ", found " + quoted(text) + " (" +
              (want_time ? "a date without a time" : "a date with a time") + ")";
    return false;
  }
  return true;
}

}  // namespace

std::optional<date::sys_days> try_parse_date(std::string_view text, std::string* why) {
  internal::civil_fields f;
  std::string message;
  if (parse(text, false, f, message)) return f.day;
  if (why) *why = std::move(message);
  return std::nullopt;
}

date::sys_days parse_date(std::string_view text) {
  internal::civil_fields f;
  std::string message;
  if (!parse(text, false, f, message)) throw parse_error(message);
  return f.day;
}

std::optional<civil_time> try_parse_date_time(std::string_view text, std::string* why) {
  internal::civil_fields f;
  std::string message;
  if (parse(text, true, f, message)) return civil_time{f.day.time_since_epoch()} + f.time_of_day;
  if (why) *why = std::move(message);
  return std::nullopt;
}

civil_time parse_date_time(std::string_view text) {
  internal::civil_fields f;
  std::string message;
  if (!parse(text, true, f, message)) throw parse_error(message);
  return civil_time{f.day.time_since_epoch()} + f.time_of_day;
}

}  // namespace cchc
