#include "cchc/dossier.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "cchc/error.hpp"

namespace cchc {

namespace {

constexpr std::array<std::string_view, 3> channel_names{"online", "in_person", "post"};
constexpr std::array<std::string_view, 3> channel_labels_vi{"trực tuyến", "trực tiếp", "bưu chính"};
constexpr std::array<std::string_view, 4> end_names{"resolved", "returned", "withdrawn", "suspended"};
constexpr std::array<std::string_view, 7> outcome_names{"early",           "on_time",  "late",     "pending_in_time",
                                                        "pending_overdue", "returned", "withdrawn"};
constexpr std::array<std::string_view, 7> outcome_labels_vi{
    "giải quyết trước hạn",       "giải quyết đúng hạn", "giải quyết quá hạn", "đang giải quyết trong hạn",
    "đang giải quyết quá hạn",    "trả lại hồ sơ",       "rút hồ sơ"};
constexpr std::array<std::string_view, 5> key_names{"unit", "procedure", "field", "level", "channel"};

template <std::size_t N>
std::string_view name_at(const std::array<std::string_view, N>& names, std::size_t i) noexcept {
  return i < N ? names[i] : std::string_view("unknown");
}

template <class E, std::size_t N>
E parse_name(const std::array<std::string_view, N>& names, std::string_view text, const char* what) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == text) return static_cast<E>(i);
  std::string known;
  for (std::string_view n : names) known += (known.empty() ? "" : ", ") + std::string(n);
  throw lookup_error("unknown " + std::string(what) + " '" + std::string(text) + "'; expected one of " + known);
}

date::sys_days day_of(date_time t) { return date::floor<date::days>(t); }

std::string format_day(date::sys_days d) { return date::format("%F", d); }

// Whether the time of day decides between on time and late on the due day: only when the deadline
// itself is counted in hours or half days (and, for a promised date, recorded with a time).
bool time_of_day_matters(const dossier& d) {
  const bool hourly = d.processing && (d.processing->unit == time_unit::working_hours ||
                                       d.processing->unit == time_unit::half_days);
  if (d.promised_at) return hourly && d.promised_has_time;
  return hourly;
}

struct classified {
  outcome result;
  std::optional<date::sys_days> due_day;  // set when the deadline was computed
};

classified classify(const dossier& d, date::sys_days cutoff, const work_calendar& calendar,
                    const receipt_rule& rule) {
  if (day_of(d.received_at) > cutoff)
    throw argument_error("dossier " + d.id + " was received on " + format_day(day_of(d.received_at)) +
                             ", after the cut-off " + format_day(cutoff) +
                             "; expected a dossier received on or before the cut-off",
                         location{"", 0, 0, d.id, "received_at"});
  const bool ended = d.end && day_of(d.end->at) <= cutoff;
  if (ended && d.end->kind == end_kind::returned) return {outcome::returned, std::nullopt};
  if (ended && d.end->kind == end_kind::withdrawn) return {outcome::withdrawn, std::nullopt};

  const due_date due = due_of(d, calendar, rule);
  const date::sys_days due_day = due.day;
  // Decision 766: more than one request for supplementary documents counts as late.
  const bool penalised = d.supplement_requests > 1;
  if (!ended) {
    if (penalised || cutoff > due_day) return {outcome::pending_overdue, due_day};
    return {outcome::pending_in_time, due_day};
  }
  if (penalised) return {outcome::late, due_day};
  const date::sys_days end_day = day_of(d.end->at);
  if (end_day < due_day) return {outcome::early, due_day};
  if (end_day > due_day) return {outcome::late, due_day};
  // On the due day itself: a deadline with a time of day (hours, half days) can be missed by minutes.
  if (!due.met_by(d.end->at)) return {outcome::late, due_day};
  return {outcome::on_time, due_day};
}

void increment(dossier_flow::count& c) { *c += 1; }

}  // namespace

std::string_view to_string(dossier_channel c) noexcept { return name_at(channel_names, static_cast<std::size_t>(c)); }
std::string_view to_string(end_kind k) noexcept { return name_at(end_names, static_cast<std::size_t>(k)); }
std::string_view to_string(outcome o) noexcept { return name_at(outcome_names, static_cast<std::size_t>(o)); }
std::string_view label_vi(dossier_channel c) noexcept {
  return name_at(channel_labels_vi, static_cast<std::size_t>(c));
}
std::string_view label_vi(outcome o) noexcept { return name_at(outcome_labels_vi, static_cast<std::size_t>(o)); }
dossier_channel parse_channel(std::string_view name) {
  return parse_name<dossier_channel>(channel_names, name, "channel");
}
end_kind parse_end_kind(std::string_view name) { return parse_name<end_kind>(end_names, name, "end kind"); }
outcome parse_outcome(std::string_view name) { return parse_name<outcome>(outcome_names, name, "outcome"); }
std::string_view to_string(flow_key k) noexcept { return name_at(key_names, static_cast<std::size_t>(k)); }
flow_key parse_flow_key(std::string_view name) { return parse_name<flow_key>(key_names, name, "flow key"); }

bool operator==(const dossier& a, const dossier& b) {
  return a.id == b.id && a.procedure == b.procedure && a.unit == b.unit && a.level == b.level &&
         a.field == b.field && a.channel == b.channel && a.received_at == b.received_at &&
         a.processing == b.processing && a.promised_at == b.promised_at &&
         a.promised_has_time == b.promised_has_time &&
         std::equal(a.pauses.begin(), a.pauses.end(), b.pauses.begin(), b.pauses.end(),
                    [](const pause& x, const pause& y) { return x.from == y.from && x.to == y.to; }) &&
         a.supplement_requests == b.supplement_requests && a.end == b.end && a.apology == b.apology;
}

due_date due_of(const dossier& d, const work_calendar& calendar, const receipt_rule& rule) {
  if (!d.promised_at) {
    if (!d.processing)
      throw argument_error("dossier " + d.id + " has neither a promised return date nor a processing time; "
                           "expected one of them to compute its deadline",
                           location{"", 0, 0, d.id, "processing_time"});
    return due(d.received_at, *d.processing, calendar, rule, d.pauses);
  }
  due_date result{day_of(*d.promised_at), std::nullopt};
  if (time_of_day_matters(d)) result.time = *d.promised_at - date_time{result.day};
  // Waiting for supplementary documents does not count: the promised day moves by the working days
  // of each pause in (start day, end day] — the counting `due` uses for day units — taking pauses in
  // order of start and ignoring one that starts after the (moved) due day.
  std::vector<pause> pauses = d.pauses;
  std::sort(pauses.begin(), pauses.end(), [](const pause& a, const pause& b) { return a.from < b.from; });
  for (const pause& p : pauses) {
    if (p.to < p.from)
      throw argument_error("dossier " + d.id + " has a supplement pause that ends before it starts",
                           location{"", 0, 0, d.id, "paused_to"});
    if (day_of(p.from) > result.day) continue;
    const long shift = calendar.working_days_between(day_of(p.from), day_of(p.to));
    if (shift > 0) result.day = calendar.add_working_days(result.day, shift);
  }
  return result;
}

outcome outcome_at(const dossier& d, date::sys_days cutoff, const work_calendar& calendar, const receipt_rule& rule) {
  return classify(d, cutoff, calendar, rule).result;
}

const std::string& key_of(const dossier& d, flow_key k) {
  static const std::array<std::string, 3> channels{"online", "in_person", "post"};
  switch (k) {
    case flow_key::unit: return d.unit;
    case flow_key::procedure: return d.procedure;
    case flow_key::field: return d.field;
    case flow_key::level: return d.level;
    case flow_key::channel: return channels[static_cast<std::size_t>(d.channel) % channels.size()];
  }
  return d.unit;
}

flow_accumulator::flow_accumulator(date::sys_days first, date::sys_days last, work_calendar calendar,
                                   receipt_rule rule)
    : first_(first), last_(last), calendar_(std::move(calendar)), rule_(std::move(rule)),
      flow_(dossier_flow::zeros()) {
  if (last < first)
    throw argument_error("the period ends (" + format_day(last) + ") before it starts (" + format_day(first) +
                         "); expected first <= last");
}

flow_accumulator::flow_accumulator(date::sys_days first, date::sys_days last, work_calendar calendar, flow_key key,
                                   receipt_rule rule)
    : flow_accumulator(first, last, std::move(calendar), std::move(rule)) {
  key_ = key;
}

flow_accumulator::flow_accumulator(const period& p, work_calendar calendar, receipt_rule rule)
    : flow_accumulator(p.first(), p.last(), std::move(calendar), std::move(rule)) {}

flow_accumulator::flow_accumulator(const period& p, work_calendar calendar, flow_key key, receipt_rule rule)
    : flow_accumulator(p.first(), p.last(), std::move(calendar), key, std::move(rule)) {}

void flow_accumulator::add(const dossier& d) {
  const date::sys_days received = day_of(d.received_at);
  if (received > last_) return;
  const bool carried = received < first_;
  if (carried && d.end && day_of(d.end->at) < first_) return;  // ended before the period: not in it

  const classified c = classify(d, last_, calendar_, rule_);
  auto apply = [&](dossier_flow& f) {
    increment(f.received);
    if (carried)
      increment(f.carried_over);
    else if (d.channel == dossier_channel::online)
      increment(f.received_online);
    else
      increment(f.received_offline);
    switch (c.result) {
      case outcome::early: increment(f.resolved_early); break;
      case outcome::on_time: increment(f.resolved_on_time); break;
      case outcome::late: increment(f.resolved_late); break;
      case outcome::pending_in_time: increment(f.pending_in_time); break;
      case outcome::pending_overdue: increment(f.pending_overdue); break;
      case outcome::returned:
      case outcome::withdrawn: increment(f.returned_withdrawn); break;
    }
    const bool resolved = c.result == outcome::early || c.result == outcome::on_time || c.result == outcome::late;
    if (resolved) {
      increment(f.resolved);
      if (c.result != outcome::late) increment(f.resolved_in_time);
      if (d.channel == dossier_channel::online) increment(f.online_resolved);
    } else if (c.result == outcome::pending_in_time || c.result == outcome::pending_overdue) {
      increment(f.pending);
    }
    if (d.apology) increment(f.apologies);
    if (c.due_day && *c.due_day >= first_ && *c.due_day <= last_) increment(f.fell_due);
  };
  apply(flow_);
  if (key_) {
    const std::string& k = key_of(d, *key_);
    auto it = table_.find(k);
    if (it == table_.end()) it = table_.emplace(k, dossier_flow::zeros()).first;
    apply(it->second);
  }
}

void flow_accumulator::merge(const flow_accumulator& other) {
  if (other.first_ != first_ || other.last_ != last_)
    throw argument_error("cannot merge flows of different periods (" + format_day(first_) + " – " +
                         format_day(last_) + " and " + format_day(other.first_) + " – " + format_day(other.last_) +
                         ")");
  if (other.key_ != key_) throw argument_error("cannot merge flows grouped by different keys");
  flow_ += other.flow_;
  merge_into(table_, other.table_);
}

dossier_flow flow_of(const std::vector<dossier>& dossiers, date::sys_days first, date::sys_days last,
                     const work_calendar& calendar, const receipt_rule& rule) {
  flow_accumulator acc(first, last, calendar, rule);
  for (const dossier& d : dossiers) acc.add(d);
  return acc.flow();
}

flow_table flows_by(const std::vector<dossier>& dossiers, flow_key key, date::sys_days first, date::sys_days last,
                    const work_calendar& calendar, const receipt_rule& rule) {
  flow_accumulator acc(first, last, calendar, key, rule);
  for (const dossier& d : dossiers) acc.add(d);
  return acc.table();
}

dossier_flow flow_of(const std::vector<dossier>& dossiers, const period& p, const work_calendar& calendar,
                     const receipt_rule& rule) {
  return flow_of(dossiers, p.first(), p.last(), calendar, rule);
}

flow_table flows_by(const std::vector<dossier>& dossiers, flow_key key, const period& p,
                    const work_calendar& calendar, const receipt_rule& rule) {
  return flows_by(dossiers, key, p.first(), p.last(), calendar, rule);
}

}  // namespace cchc
