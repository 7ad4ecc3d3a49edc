// Building a work_calendar: weekly pattern → rule holidays → substitute days → schedule entries →
// cumulative working-day tables. See include/cchc/calendar.hpp for the semantics.
#include "cchc/calendar.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

#include "cchc/error.hpp"

namespace cchc {

namespace {

constexpr std::int32_t day_number(date::sys_days d) noexcept {
  return static_cast<std::int32_t>(d.time_since_epoch().count());
}

std::string format_day(std::int64_t day_number) {
  if (day_number < std::numeric_limits<int>::min() / 2 || day_number > std::numeric_limits<int>::max() / 2)
    return "day number " + std::to_string(day_number);
  const date::year_month_day ymd{date::sys_days{date::days{day_number}}};
  return date::format("%F", ymd);
}

constexpr std::array<std::string_view, 7> kind_names{
    "working", "weekly_rest", "holiday", "substitute_day", "swapped_day_off", "extra_day_off",
    "make_up_working_day"};

}  // namespace

namespace detail {

void throw_day_out_of_range(std::int64_t day_number, std::int32_t first, std::int32_t last,
                            const char* what) {
  location at;
  at.field = what;
  throw range_error("date " + format_day(day_number) + " is outside the calendar's supported range " +
                        format_day(first) + " … " + format_day(last),
                    at);
}

void throw_result_out_of_range(std::int64_t day_number, std::int64_t n, std::int32_t first,
                               std::int32_t last, const char* what) {
  location at;
  at.field = what;
  throw range_error("adding " + std::to_string(n) + " working days to " + format_day(day_number) +
                        " leaves the calendar's supported range " + format_day(first) + " … " +
                        format_day(last),
                    at);
}

}  // namespace detail

std::string_view to_string(day_kind kind) noexcept {
  const auto i = static_cast<std::size_t>(kind);
  return i < kind_names.size() ? kind_names[i] : std::string_view{"unknown"};
}

day_kind parse_day_kind(std::string_view name) {
  for (std::size_t i = 0; i < kind_names.size(); ++i)
    if (kind_names[i] == name) return static_cast<day_kind>(i);
  if (name == "day_off") return day_kind::extra_day_off;
  if (name == "working_day") return day_kind::make_up_working_day;
  std::string accepted = "day_off, working_day";
  for (auto n : kind_names) (accepted += ", ") += n;
  location at;
  at.field = "kind";
  throw lookup_error("unknown day kind '" + std::string(name) + "'; expected one of: " + accepted, at);
}

schedule schedule::merged_with(const schedule& other) const {
  schedule out = *this;
  out.entries.insert(out.entries.end(), other.entries.begin(), other.entries.end());
  out.replaces_rules.insert(out.replaces_rules.end(), other.replaces_rules.begin(),
                            other.replaces_rules.end());
  out.annual_holidays.insert(out.annual_holidays.end(), other.annual_holidays.begin(),
                             other.annual_holidays.end());
  return out;
}

// ------------------------------------------------------------------------------------------------

struct work_calendar::impl {
  // Inputs, kept so that editing can rebuild.
  std::vector<weekly_rest_period> weekly;
  std::vector<holiday_rule> rules;
  schedule exceptions;
  std::string name;

  // Tables.
  std::int32_t first = 0;
  std::int32_t days = 0;
  std::vector<std::int32_t> cumulative;
  std::vector<std::int32_t> ordinal;
  std::vector<day_kind> kind;  // per day

  // Explanations of every day that is not plain (holidays, substitutes, schedule entries), sorted.
  struct note {
    std::int32_t index;
    std::string reason_vi;
    std::string reason_en;
    provenance source;
    bool from_notice;
    bool inferred;
  };
  std::vector<note> notes;

  void build();
  [[nodiscard]] const note* find_note(std::int32_t index) const {
    auto it = std::lower_bound(notes.begin(), notes.end(), index,
                               [](const note& n, std::int32_t i) { return n.index < i; });
    return it != notes.end() && it->index == index ? &*it : nullptr;
  }
};

namespace {

provenance weekly_source(const std::vector<weekly_rest_period>& weekly, date::sys_days d) {
  const weekly_rest_period* in_force = &weekly.front();
  for (const auto& p : weekly)
    if (p.from <= d) in_force = &p;
  return in_force->source;
}

holiday_rule rule_from_annual(const annual_holiday& a) {
  holiday_rule r;
  r.id = "annual." + std::to_string(a.month) + "-" + std::to_string(a.day) + "." + a.source.document;
  r.first_day = a.first_day;
  r.last_day = a.last_day;
  r.source = a.source;
  r.substitute_on_rest_day = a.substitute_on_rest_day;
  const unsigned m = a.month, dd = a.day;
  std::string vi = a.reason_vi, en = a.reason_en;
  r.holidays = [m, dd, vi, en](int year) {
    std::vector<rule_holiday> out;
    const date::year_month_day ymd{date::year{year}, date::month{m}, date::day{dd}};
    if (ymd.ok()) out.push_back({date::sys_days{ymd}, vi, en, false});
    return out;
  };
  return r;
}

}  // namespace

void work_calendar::impl::build() {
  first = day_number(range_first);
  days = day_number(range_last) - first + 1;

  // 1. Weekly pattern. Periods sorted by start; the first is extended back to the range start.
  std::sort(weekly.begin(), weekly.end(),
            [](const weekly_rest_period& a, const weekly_rest_period& b) { return a.from < b.from; });
  kind.assign(static_cast<std::size_t>(days), day_kind::working);
  {
    std::size_t p = 0;
    // 1900-01-01 was a Monday: c_encoding 1.
    unsigned wd = date::weekday{range_first}.c_encoding();
    for (std::int32_t i = 0; i < days; ++i) {
      while (p + 1 < weekly.size() && day_number(weekly[p + 1].from) <= first + i) ++p;
      if ((weekly[p].rest.mask() >> wd) & 1u) kind[static_cast<std::size_t>(i)] = day_kind::weekly_rest;
      wd = wd == 6 ? 0 : wd + 1;
    }
  }
  const std::vector<day_kind> weekly_kind = kind;

  // 2. Rule holidays, outside the periods a schedule replaces.
  auto replaced = [this](std::int32_t i) {
    const date::sys_days d{date::days{first + i}};
    for (const auto& r : exceptions.replaces_rules)
      if (r.first <= d && d <= r.last) return true;
    return false;
  };
  // Annual holidays from schedules come after the calendar's own rules. They are additions the
  // notices that replace the rules could not know about, so replacements do not silence them.
  std::vector<holiday_rule> all_rules = rules;
  const std::size_t own_rules = rules.size();
  for (const auto& a : exceptions.annual_holidays) all_rules.push_back(rule_from_annual(a));

  struct candidate {
    std::int32_t index;
    std::size_t rule;
    rule_holiday h;
  };
  std::vector<candidate> candidates;
  const int first_year = int(date::year_month_day{range_first}.year());
  const int last_year = int(date::year_month_day{range_last}.year());
  for (std::size_t r = 0; r < all_rules.size(); ++r) {
    const auto& rule = all_rules[r];
    if (!rule.holidays) continue;
    const int y0 = std::max(first_year, int(date::year_month_day{rule.first_day}.year()));
    const int y1 = std::min(last_year, int(date::year_month_day{rule.last_day}.year()));
    for (int y = y0; y <= y1; ++y) {
      for (auto& h : rule.holidays(y)) {
        if (h.day < rule.first_day || h.day > rule.last_day) continue;
        if (h.day < range_first || h.day > range_last) continue;
        const std::int32_t i = day_number(h.day) - first;
        if (r < own_rules && replaced(i)) continue;
        candidates.push_back({i, r, std::move(h)});
      }
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const candidate& a, const candidate& b) { return a.index < b.index; });

  std::vector<note> rule_notes;
  for (const auto& c : candidates) {
    auto& k = kind[static_cast<std::size_t>(c.index)];
    if (k == day_kind::holiday) continue;  // second holiday on the same day: handled below
    k = day_kind::holiday;
    rule_notes.push_back({c.index, c.h.reason_vi, c.h.reason_en, all_rules[c.rule].source, false,
                          c.h.inferred});
  }

  // 3. Substitute days: a holiday on a weekly rest day — or a second holiday on the same day —
  //    gives the next day that is neither weekly rest nor holiday nor already a substitute.
  {
    std::vector<bool> holiday_seen(static_cast<std::size_t>(days), false);
    for (const auto& c : candidates) {
      const auto ci = static_cast<std::size_t>(c.index);
      const bool on_rest = weekly_kind[ci] == day_kind::weekly_rest;
      const bool duplicate = holiday_seen[ci];
      holiday_seen[ci] = true;
      if (!(on_rest || duplicate) || !all_rules[c.rule].substitute_on_rest_day) continue;
      std::int32_t j = c.index + 1;
      while (j < days && kind[static_cast<std::size_t>(j)] != day_kind::working) ++j;
      if (j >= days || (c.rule < own_rules && replaced(j))) continue;
      kind[static_cast<std::size_t>(j)] = day_kind::substitute_day;
      const date::year_month_day hd{date::sys_days{date::days{first + c.index}}};
      const std::string when = date::format("%d/%m/%Y", hd);
      rule_notes.push_back({j, "Nghỉ bù " + c.h.reason_vi + " (" + when + ")",
                            "Substitute day for " + c.h.reason_en + " (" + when + ")",
                            all_rules[c.rule].source, false, c.h.inferred});
    }
  }

  // 4. Schedule entries, in order: the later wins on the same day.
  std::vector<note> entry_notes;
  for (const auto& e : exceptions.entries) {
    if (e.day < range_first || e.day > range_last) {
      location at;
      at.field = "date";
      throw range_error("schedule entry " + format_day(day_number(e.day)) +
                            " is outside the calendar's supported range " +
                            format_day(first) + " … " + format_day(first + days - 1),
                        at);
    }
    if (e.kind == day_kind::working || e.kind == day_kind::weekly_rest) {
      location at;
      at.field = "kind";
      throw argument_error("schedule entry " + format_day(day_number(e.day)) + " has kind '" +
                               std::string(to_string(e.kind)) +
                               "'; a schedule sets days off or make-up working days",
                           at);
    }
    const std::int32_t i = day_number(e.day) - first;
    kind[static_cast<std::size_t>(i)] = e.kind;
    entry_notes.push_back({i, e.reason_vi, e.reason_en, e.source, true, e.inferred});
  }

  // Notes: later sources win per day (rules < substitutes < entries; entries in order).
  std::vector<note> merged;
  merged.reserve(rule_notes.size() + entry_notes.size());
  for (auto& n : rule_notes) merged.push_back(std::move(n));
  for (auto& n : entry_notes) merged.push_back(std::move(n));
  std::stable_sort(merged.begin(), merged.end(),
                   [](const note& a, const note& b) { return a.index < b.index; });
  notes.clear();
  for (auto& n : merged) {
    if (!notes.empty() && notes.back().index == n.index)
      notes.back() = std::move(n);
    else
      notes.push_back(std::move(n));
  }
  // A rule note whose day a schedule made plain again is dropped with the kind check in info().

  // 5. Tables.
  cumulative.assign(static_cast<std::size_t>(days) + 1, 0);
  ordinal.clear();
  ordinal.reserve(static_cast<std::size_t>(days) * 5 / 7 + 16);
  std::int32_t count = 0;
  for (std::int32_t i = 0; i < days; ++i) {
    if (is_working_kind(kind[static_cast<std::size_t>(i)])) {
      ordinal.push_back(i);
      ++count;
    }
    cumulative[static_cast<std::size_t>(i) + 1] = count;
  }
  ordinal.shrink_to_fit();
}

// ------------------------------------------------------------------------------------------------

work_calendar::work_calendar() : work_calendar(weekly_rest::saturday_sunday()) {}

work_calendar::work_calendar(weekly_rest rest, std::vector<holiday_rule> rules, schedule exceptions,
                             std::string name)
    : work_calendar(std::vector<weekly_rest_period>{{range_first, rest, {}}}, std::move(rules),
                    std::move(exceptions), std::move(name)) {}

work_calendar::work_calendar(std::vector<weekly_rest_period> rest, std::vector<holiday_rule> rules,
                             schedule exceptions, std::string name) {
  if (rest.empty()) {
    location at;
    at.field = "weekly_rest";
    throw argument_error("a work calendar needs at least one weekly rest pattern; found none", at);
  }
  auto data = std::make_shared<impl>();
  data->weekly = std::move(rest);
  data->rules = std::move(rules);
  data->exceptions = std::move(exceptions);
  data->name = std::move(name);
  data->build();
  *this = work_calendar(std::shared_ptr<const impl>(std::move(data)));
}

work_calendar::work_calendar(std::shared_ptr<const impl> data) : impl_(std::move(data)) {
  index_.cumulative = impl_->cumulative.data();
  index_.ordinal = impl_->ordinal.data();
  index_.first = impl_->first;
  index_.days = impl_->days;
  index_.working = static_cast<std::int32_t>(impl_->ordinal.size());
}

date::sys_days work_calendar::checked(date::year_month_day d) {
  if (!d.ok()) {
    location at;
    at.field = "date";
    throw argument_error("not a valid date: year " + std::to_string(int(d.year())) + ", month " +
                             std::to_string(unsigned(d.month())) + ", day " +
                             std::to_string(unsigned(d.day())) +
                             " (expected a month 1–12 and a day that exists in that month)",
                         at);
  }
  return date::sys_days{d};
}

const std::string& work_calendar::name() const& noexcept { return impl_->name; }
const std::vector<weekly_rest_period>& work_calendar::weekly_pattern() const& noexcept {
  return impl_->weekly;
}
const std::vector<holiday_rule>& work_calendar::rules() const& noexcept { return impl_->rules; }
const schedule& work_calendar::exceptions_schedule() const& noexcept { return impl_->exceptions; }

day_info work_calendar::info(date::sys_days d) const {
  const std::int32_t i = index_.index_of(day_number(d), "info");
  day_info out;
  out.day = d;
  out.kind = impl_->kind[static_cast<std::size_t>(i)];
  out.working = is_working_kind(out.kind);
  if (out.kind == day_kind::working || out.kind == day_kind::weekly_rest) {
    if (out.kind == day_kind::weekly_rest) {
      out.reason_vi = "Nghỉ hằng tuần";
      out.reason_en = "Weekly rest day";
    }
    out.source = weekly_source(impl_->weekly, d);
    return out;
  }
  if (const auto* n = impl_->find_note(i)) {
    out.reason_vi = n->reason_vi;
    out.reason_en = n->reason_en;
    out.source = n->source;
    out.from_notice = n->from_notice;
    out.inferred = n->inferred;
  }
  return out;
}

namespace {
template <class Pred>
std::vector<day_info> collect(const work_calendar& cal, const detail::working_day_index& index,
                              date::sys_days first, date::sys_days last, Pred keep) {
  const std::int32_t a = index.index_of(first.time_since_epoch().count(), "first");
  const std::int32_t b = index.index_of(last.time_since_epoch().count(), "last");
  std::vector<day_info> out;
  for (std::int32_t i = a; i <= b; ++i) {
    const date::sys_days d{date::days{index.first + i}};
    day_info di = cal.info(d);
    if (keep(di.kind)) out.push_back(std::move(di));
  }
  return out;
}
}  // namespace

std::vector<day_info> work_calendar::days_off(date::sys_days first, date::sys_days last) const {
  return collect(*this, index_, first, last, [](day_kind k) {
    return k == day_kind::holiday || k == day_kind::substitute_day ||
           k == day_kind::swapped_day_off || k == day_kind::extra_day_off;
  });
}

std::vector<day_info> work_calendar::make_up_working_days(date::sys_days first,
                                                          date::sys_days last) const {
  return collect(*this, index_, first, last,
                 [](day_kind k) { return k == day_kind::make_up_working_day; });
}

std::vector<day_info> work_calendar::exceptions(date::sys_days first, date::sys_days last) const {
  return collect(*this, index_, first, last,
                 [](day_kind k) { return k != day_kind::working && k != day_kind::weekly_rest; });
}

work_calendar work_calendar::with_schedule(const schedule& extra) const {
  // Nothing to add: the same calendar (copies share the tables), not a rebuild of 300 years — what
  // every unpickling of a calendar without a schedule of its own used to cost (7.5 ms per Dask task).
  if (extra == schedule{}) return *this;
  auto data = std::make_shared<impl>();
  data->weekly = impl_->weekly;
  data->rules = impl_->rules;
  data->exceptions = impl_->exceptions.merged_with(extra);
  data->name = impl_->name;
  data->build();
  return work_calendar(std::shared_ptr<const impl>(std::move(data)));
}

work_calendar work_calendar::with_day_off(date::sys_days d, provenance source, std::string reason_vi,
                                          std::string reason_en) const {
  schedule s;
  s.entries.push_back({d, day_kind::extra_day_off, std::move(source), std::move(reason_vi),
                       std::move(reason_en), false});
  return with_schedule(s);
}

work_calendar work_calendar::with_working_day(date::sys_days d, provenance source,
                                              std::string reason_vi, std::string reason_en) const {
  schedule s;
  s.entries.push_back({d, day_kind::make_up_working_day, std::move(source), std::move(reason_vi),
                       std::move(reason_en), false});
  return with_schedule(s);
}

work_calendar work_calendar::merged_with(const work_calendar& other) const {
  auto data = std::make_shared<impl>();
  data->weekly = impl_->weekly;
  data->rules = impl_->rules;
  for (const auto& r : other.impl_->rules) {
    const bool present = std::any_of(data->rules.begin(), data->rules.end(),
                                     [&](const holiday_rule& mine) { return mine.id == r.id; });
    if (!present) data->rules.push_back(r);
  }
  data->exceptions = impl_->exceptions.merged_with(other.impl_->exceptions);
  data->name = impl_->name.empty() ? other.impl_->name
               : other.impl_->name.empty() ? impl_->name
                                           : impl_->name + " + " + other.impl_->name;
  data->build();
  return work_calendar(std::shared_ptr<const impl>(std::move(data)));
}

work_calendar work_calendar::with_name(std::string name) const {
  auto data = std::make_shared<impl>(*impl_);
  data->name = std::move(name);
  return work_calendar(std::shared_ptr<const impl>(std::move(data)));
}

}  // namespace cchc
