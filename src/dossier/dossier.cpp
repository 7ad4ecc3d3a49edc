#include "cchc/dossier.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "cchc/error.hpp"
#include "dossier/outcome_kernel.hpp"
#include "dossier/tally.hpp"

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

date::sys_days day_of(civil_time t) { return day_number_of(t); }

std::string format_day(date::sys_days d) { return date::format("%F", d); }

constexpr std::array<std::string_view, 9> reason_names{
    "returned",       "withdrawn",     "before_due_day",  "on_due_day", "after_due_day", "after_due_time",
    "repeated_supplement_requests", "pending_not_due", "pending_past_due"};
constexpr std::array<std::string_view, 9> reason_sentences{
    "returned to the applicant by the cut-off",
    "withdrawn by the cut-off",
    "ended before the due day",
    "ended on the due day",
    "ended after the due day",
    "ended on the due day after the due time",
    "more than one supplement request (Decision 766: late)",
    "not ended by the cut-off, which is not after the due day",
    "not ended by the cut-off, which is after the due day"};

// The facts of a record, checked: what the kernel needs, with the record's errors named by its id.
kernel::facts facts_of(const dossier& d, bool need_deadline = true) {
  if (need_deadline && !d.promised_at && !d.processing)
    throw argument_error("dossier " + d.id + " has neither a promised return date nor a processing time; "
                         "expected one of them to compute its deadline",
                         location{"", 0, 0, d.id, "processing_time"});
  if (!d.promised_at) {
    if (const char* problem = kernel::processing_problem(*d.processing))
      throw argument_error("dossier " + d.id + ": " + problem + ", found " + std::to_string(d.processing->amount) +
                               " " + std::string(to_string(d.processing->unit)),
                           location{"", 0, 0, d.id, "processing_time"});
  }
  for (const pause& p : d.pauses)
    if (p.to < p.from)
      throw argument_error("dossier " + d.id + " has a supplement pause that ends before it starts (" +
                               date::format("%F %H:%M", p.from) + " to " + date::format("%F %H:%M", p.to) + ")",
                           location{"", 0, 0, d.id, "paused_to"});
  kernel::facts f;
  f.received_at = d.received_at;
  f.processing = d.processing;
  f.promised_at = d.promised_at;
  f.promised_has_time = d.promised_has_time;
  f.receipt_cutoff = d.receipt_cutoff;
  f.pauses = kernel::pause_list::of(d.pauses);
  f.supplement_requests = d.supplement_requests;
  f.ended = d.end.has_value();
  if (d.end) {
    f.kind = d.end->kind;
    f.end_at = d.end->at;
  }
  return f;
}

judgement judge_checked(const dossier& d, date::sys_days cutoff, const kernel::clock& c, const receipt_rule& rule) {
  if (day_of(d.received_at) > cutoff)
    throw argument_error("dossier " + d.id + " was received on " + format_day(day_of(d.received_at)) +
                             ", after the cut-off " + format_day(cutoff) +
                             "; expected a dossier received on or before the cut-off",
                         location{"", 0, 0, d.id, "received_at"});
  // Returned and withdrawn by the cut-off need no deadline (and may have none).
  const bool needs_no_deadline = d.end && day_of(d.end->at) <= cutoff &&
                                 (d.end->kind == end_kind::returned || d.end->kind == end_kind::withdrawn);
  return kernel::judge(facts_of(d, !needs_no_deadline), cutoff, c, rule.cutoff);
}


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
std::string_view to_string(outcome_reason r) noexcept {
  return name_at(reason_names, static_cast<std::size_t>(r));
}
std::string_view describe(outcome_reason r) noexcept {
  return name_at(reason_sentences, static_cast<std::size_t>(r));
}
std::string_view to_string(flow_key k) noexcept { return name_at(key_names, static_cast<std::size_t>(k)); }
flow_key parse_flow_key(std::string_view name) { return parse_name<flow_key>(key_names, name, "flow key"); }

bool operator==(const dossier& a, const dossier& b) {
  return a.id == b.id && a.procedure == b.procedure && a.unit == b.unit && a.level == b.level &&
         a.field == b.field && a.channel == b.channel && a.received_at == b.received_at &&
         a.processing == b.processing && a.promised_at == b.promised_at &&
         a.promised_has_time == b.promised_has_time && a.receipt_cutoff == b.receipt_cutoff &&
         std::equal(a.pauses.begin(), a.pauses.end(), b.pauses.begin(), b.pauses.end(),
                    [](const pause& x, const pause& y) { return x.from == y.from && x.to == y.to; }) &&
         a.supplement_requests == b.supplement_requests && a.end == b.end && a.apology == b.apology;
}

due_date due_of(const dossier& d, const work_calendar& calendar, const receipt_rule& rule) {
  rule.validate();
  return kernel::deadline(facts_of(d), kernel::clock(calendar, rule.hours), rule.cutoff);
}

outcome outcome_at(const dossier& d, date::sys_days cutoff, const work_calendar& calendar, const receipt_rule& rule) {
  return judge(d, cutoff, calendar, rule).result;
}

judgement judge(const dossier& d, date::sys_days cutoff, const work_calendar& calendar, const receipt_rule& rule) {
  rule.validate();
  return judge_checked(d, cutoff, kernel::clock(calendar, rule.hours), rule);
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

// Counts per key combination, and the rows built from them when read (kept until the next add).
struct flow_accumulator::state {
  kernel::tally total;
  std::map<std::vector<std::string>, kernel::tally> by_key;
  std::vector<std::string> scratch;  // the current dossier's key values (storage reused)
  bool fresh = false;                // the views below match the counts
  dossier_flow flow;
  flow_table table;
  flow_rows rows;
};

flow_accumulator::flow_accumulator(date::sys_days first, date::sys_days last, work_calendar calendar,
                                   std::vector<flow_key> keys, receipt_rule rule)
    : first_(first), last_(last), calendar_(std::move(calendar)), rule_(std::move(rule)), keys_(std::move(keys)),
      state_(std::make_unique<state>()) {
  if (last < first)
    throw argument_error("the period ends (" + format_day(last) + ") before it starts (" + format_day(first) +
                         "); expected first <= last");
  rule_.validate();
}

flow_accumulator::flow_accumulator(date::sys_days first, date::sys_days last, work_calendar calendar,
                                   receipt_rule rule)
    : flow_accumulator(first, last, std::move(calendar), std::vector<flow_key>{}, std::move(rule)) {}

flow_accumulator::flow_accumulator(date::sys_days first, date::sys_days last, work_calendar calendar, flow_key key,
                                   receipt_rule rule)
    : flow_accumulator(first, last, std::move(calendar), std::vector<flow_key>{key}, std::move(rule)) {}

flow_accumulator::flow_accumulator(const period& p, work_calendar calendar, receipt_rule rule)
    : flow_accumulator(p.first(), p.last(), std::move(calendar), std::move(rule)) {}

flow_accumulator::flow_accumulator(const period& p, work_calendar calendar, flow_key key, receipt_rule rule)
    : flow_accumulator(p.first(), p.last(), std::move(calendar), key, std::move(rule)) {}

flow_accumulator::flow_accumulator(const period& p, work_calendar calendar, std::vector<flow_key> keys,
                                   receipt_rule rule)
    : flow_accumulator(p.first(), p.last(), std::move(calendar), std::move(keys), std::move(rule)) {}

flow_accumulator::flow_accumulator(const flow_accumulator& o)
    : first_(o.first_), last_(o.last_), calendar_(o.calendar_), rule_(o.rule_), keys_(o.keys_),
      state_(std::make_unique<state>(*o.state_)) {}
flow_accumulator& flow_accumulator::operator=(const flow_accumulator& o) {
  if (this != &o) *this = flow_accumulator(o);
  return *this;
}
flow_accumulator::flow_accumulator(flow_accumulator&&) noexcept = default;
flow_accumulator& flow_accumulator::operator=(flow_accumulator&&) noexcept = default;
flow_accumulator::~flow_accumulator() = default;

void flow_accumulator::add(const dossier& d) {
  const date::sys_days received = day_of(d.received_at);
  if (received > last_) return;
  const bool carried = received < first_;
  if (carried && d.end && day_of(d.end->at) < first_) return;  // ended before the period: not in it

  const judgement j = judge_checked(d, last_, kernel::clock(calendar_, rule_.hours), rule_);
  const bool due_in_period = j.due && j.due->day >= first_ && j.due->day <= last_;
  const bool online = d.channel == dossier_channel::online;
  state& s = *state_;
  s.fresh = false;
  s.total.add(j.result, online, carried, d.apology, due_in_period);
  if (keys_.empty()) return;
  s.scratch.resize(keys_.size());
  for (std::size_t k = 0; k < keys_.size(); ++k) s.scratch[k] = key_of(d, keys_[k]);
  auto it = s.by_key.find(s.scratch);
  if (it == s.by_key.end()) it = s.by_key.emplace(s.scratch, kernel::tally{}).first;
  it->second.add(j.result, online, carried, d.apology, due_in_period);
}

void flow_accumulator::merge(const flow_accumulator& other) {
  if (other.first_ != first_ || other.last_ != last_)
    throw argument_error("cannot merge flows of different periods (" + format_day(first_) + " – " +
                         format_day(last_) + " and " + format_day(other.first_) + " – " + format_day(other.last_) +
                         ")");
  if (other.keys_ != keys_) throw argument_error("cannot merge flows grouped by different keys");
  state& s = *state_;
  s.fresh = false;
  s.total += other.state_->total;
  for (const auto& [key, t] : other.state_->by_key) s.by_key[key] += t;
}

namespace {
void refresh(flow_accumulator::state_type& s) {
  if (s.fresh) return;
  s.flow = kernel::to_flow(s.total);
  s.table.clear();
  s.rows.clear();
  for (const auto& [key, t] : s.by_key) {
    dossier_flow f = kernel::to_flow(t);
    std::string joined;
    for (std::size_t i = 0; i < key.size(); ++i) joined += (i ? " / " : "") + key[i];
    s.table.emplace(std::move(joined), f);
    s.rows.emplace(key, std::move(f));
  }
  s.fresh = true;
}
}  // namespace

const dossier_flow& flow_accumulator::flow() const& {
  refresh(*state_);
  return state_->flow;
}
const flow_table& flow_accumulator::table() const& {
  refresh(*state_);
  return state_->table;
}
const flow_rows& flow_accumulator::rows() const& {
  refresh(*state_);
  return state_->rows;
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
