// Due dates: the public, validating face of the one deadline rule in deadline/deadline_kernel.hpp
// (O(1 + pauses) table look-ups on monotone clocks of working days, office minutes or sessions).
#include "cchc/deadline.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "cchc/error.hpp"
#include "deadline/deadline_kernel.hpp"

namespace cchc {

namespace {

using std::chrono::minutes;
using i64 = std::int64_t;

constexpr std::array<std::string_view, 5> unit_names{"working_days", "calendar_days", "working_hours",
                                                     "half_days", "same_day"};

std::string hhmm(minutes m) {
  const auto v = m.count();
  std::string out = std::to_string(v / 60) + ":";
  if (v % 60 < 10) out += '0';
  return out + std::to_string(v % 60);
}

[[noreturn]] void bad(const std::string& field, const std::string& message) {
  location at;
  at.field = field;
  throw argument_error(message, at);
}

void check_pauses(const std::vector<pause>& pauses) {
  for (std::size_t k = 0; k < pauses.size(); ++k) {
    if (pauses[k].to < pauses[k].from) {
      location at;
      at.path = "pauses[" + std::to_string(k) + "]";
      at.field = "to";
      throw argument_error("a pause must end at or after its start; found from " +
                               date::format("%F %H:%M", pauses[k].from) + " to " +
                               date::format("%F %H:%M", pauses[k].to),
                           at);
    }
  }
}

}  // namespace

std::string_view to_string(time_unit unit) noexcept {
  const auto i = static_cast<std::size_t>(unit);
  return i < unit_names.size() ? unit_names[i] : std::string_view{"unknown"};
}

time_unit parse_time_unit(std::string_view name) {
  for (std::size_t i = 0; i < unit_names.size(); ++i)
    if (unit_names[i] == name) return static_cast<time_unit>(i);
  std::string accepted;
  for (auto n : unit_names) (accepted += accepted.empty() ? "" : ", ") += n;
  location at;
  at.field = "processing_unit";
  throw lookup_error("unknown processing-time unit '" + std::string(name) + "'; expected one of: " + accepted,
                     at);
}

void receipt_rule::validate() const {
  auto check_session = [](const office_session& s, const char* field) {
    if (s.start < minutes{0} || s.end > minutes{24 * 60} || !(s.start < s.end))
      bad(field, std::string("expected an office session 00:00 <= start < end <= 24:00, found ") +
                     hhmm(s.start) + "–" + hhmm(s.end));
  };
  check_session(hours.morning, "office_hours.morning");
  check_session(hours.afternoon, "office_hours.afternoon");
  if (hours.afternoon.start < hours.morning.end)
    bad("office_hours", "expected the morning session to end (" + hhmm(hours.morning.end) +
                            ") no later than the afternoon session starts (" +
                            hhmm(hours.afternoon.start) + ")");
  if (cutoff && (*cutoff < minutes{0} || *cutoff > minutes{24 * 60}))
    bad("cutoff", "expected a cut-off time of day within 00:00 … 24:00, found " +
                      std::to_string(cutoff->count()) + " minutes");
}

date::sys_days receipt_day(civil_time received_at, const work_calendar& calendar, const receipt_rule& rule) {
  rule.validate();
  return kernel::receipt_day(kernel::clock(calendar, rule.hours), received_at, rule.cutoff);
}

due_date due(civil_time received_at, processing_time time, const work_calendar& calendar,
             const receipt_rule& rule, const std::vector<pause>& pauses) {
  rule.validate();
  if (const char* problem = kernel::processing_problem(time))
    bad("processing_time", std::string(problem) + ", found " + std::to_string(time.amount) + " " +
                               std::string(to_string(time.unit)));
  check_pauses(pauses);
  const kernel::merged_pauses ps(kernel::pause_list::of(pauses));
  return kernel::due(kernel::clock(calendar, rule.hours), received_at, time, rule.cutoff, ps);
}

}  // namespace cchc
