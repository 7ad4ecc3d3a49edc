#include "cchc/flow.hpp"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <utility>

#include "cchc/error.hpp"

namespace cchc {

namespace {

using count = dossier_flow::count;
using member = count dossier_flow::*;

// Indexed by the enumerator's value; the order must follow flow_column.
constexpr std::array<member, all_flow_columns.size()> members{
    &dossier_flow::received,         &dossier_flow::received_online,
    &dossier_flow::received_offline, &dossier_flow::carried_over,
    &dossier_flow::resolved,         &dossier_flow::resolved_in_time,
    &dossier_flow::resolved_early,   &dossier_flow::resolved_on_time,
    &dossier_flow::resolved_late,    &dossier_flow::pending,
    &dossier_flow::pending_in_time,  &dossier_flow::pending_overdue,
    &dossier_flow::returned_withdrawn, &dossier_flow::apologies,
    &dossier_flow::online_resolved,  &dossier_flow::fell_due};

constexpr std::array<std::string_view, all_flow_columns.size()> names{
    "received",       "received_online",  "received_offline", "carried_over",
    "resolved",       "resolved_in_time", "resolved_early",   "resolved_on_time",
    "resolved_late",  "pending",          "pending_in_time",  "pending_overdue",
    "returned_withdrawn", "apologies",    "online_resolved",  "fell_due"};

constexpr std::array<std::string_view, all_flow_columns.size()> labels_vi{
    "Tổng số hồ sơ tiếp nhận",
    "Số hồ sơ tiếp nhận trực tuyến",
    "Số hồ sơ tiếp nhận trực tiếp, qua bưu chính",
    "Số hồ sơ kỳ trước chuyển qua",
    "Tổng số hồ sơ đã giải quyết",
    "Số hồ sơ giải quyết trước hạn, đúng hạn",
    "Số hồ sơ giải quyết trước hạn",
    "Số hồ sơ giải quyết đúng hạn",
    "Số hồ sơ giải quyết quá hạn",
    "Tổng số hồ sơ đang giải quyết",
    "Số hồ sơ đang giải quyết trong hạn",
    "Số hồ sơ đang giải quyết quá hạn",
    "Số hồ sơ trả lại, rút hồ sơ",
    "Số phiếu xin lỗi",
    "Số hồ sơ trực tuyến đã giải quyết",
    "Số hồ sơ đến hạn giải quyết"};

constexpr std::size_t index(flow_column c) noexcept { return static_cast<std::size_t>(c); }

// Sums of a few 64-bit counts cannot overflow 128 bits; the checks compare exactly.
__extension__ typedef __int128 wide;

std::string wide_to_string(wide v) {
  if (v == 0) return "0";
  const bool negative = v < 0;
  std::string digits;
  while (v != 0) {
    const int d = static_cast<int>(v % 10);
    digits.push_back(static_cast<char>('0' + (d < 0 ? -d : d)));
    v /= 10;
  }
  if (negative) digits.push_back('-');
  std::reverse(digits.begin(), digits.end());
  return digits;
}

// One side of an identity: a named figure.
struct term {
  std::string_view name;
  wide value;
};

std::string join_names(const std::vector<term>& terms) {
  std::string out;
  for (const term& t : terms) {
    if (!out.empty()) out += " + ";
    out += t.name;
  }
  return out;
}

std::string join_labels_vi(const std::vector<std::pair<flow_column, wide>>& terms) {
  std::string out;
  for (const auto& t : terms) {
    if (!out.empty()) out += " + ";
    out += label_vi(t.first);
  }
  return out;
}

wide sum(const std::vector<term>& terms) {
  wide s = 0;
  for (const term& t : terms) s += t.value;
  return s;
}

finding make_finding(std::string rule, severity sev, const std::string& path, flow_column field,
                     std::string vi, std::string en) {
  finding f;
  f.rule = std::move(rule);
  f.severity = sev;
  f.where.path = path;
  f.where.field = std::string(to_string(field));
  f.message_vi = std::move(vi);
  f.message_en = std::move(en);
  return f;
}

// lhs = Σ rhs, or a finding saying by how much it is off.
void check_identity(std::vector<finding>& out, const char* rule, const std::string& path,
                    flow_column lhs_column, std::int64_t lhs,
                    const std::vector<std::pair<flow_column, wide>>& rhs) {
  std::vector<term> terms;
  terms.reserve(rhs.size());
  for (const auto& t : rhs) terms.push_back({to_string(t.first), t.second});
  const wide s = sum(terms);
  if (s == lhs) return;
  const std::string lhs_name(to_string(lhs_column));
  const std::string diff = wide_to_string(wide(lhs) - s);
  finding f = make_finding(
      rule, severity::error, path, lhs_column,
      std::string(label_vi(lhs_column)) + " (" + std::to_string(lhs) + ") không bằng " +
          join_labels_vi(rhs) + " (" + wide_to_string(s) + "), chênh lệch " + diff,
      lhs_name + " (" + std::to_string(lhs) + ") != " + join_names(terms) + " (" +
          wide_to_string(s) + "), difference " + diff);
  f.numbers.emplace_back(lhs_name, std::to_string(lhs));
  for (const term& t : terms) f.numbers.emplace_back(std::string(t.name), wide_to_string(t.value));
  f.numbers.emplace_back("sum", wide_to_string(s));
  f.numbers.emplace_back("difference", diff);
  out.push_back(std::move(f));
}

std::string_view column_name(flow_column c) noexcept;

std::int64_t checked_add(std::int64_t a, std::int64_t b, flow_column c) {
  std::int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r))
    throw overflow_error("the sum " + std::to_string(a) + " + " + std::to_string(b) +
                             " does not fit in a 64-bit count",
                         location{"", 0, 0, "", std::string(column_name(c))});
  return r;
}

// The derived figures in 128 bits: sums of a few 64-bit counts always fit, so check() and the rates
// compute them exactly and never throw; the public count-returning forms narrow them (and throw
// overflow_error naming the column when they do not fit).
using wide_count = std::optional<wide>;

wide_count in_time_wide(const dossier_flow& f) {
  if (f.resolved_in_time) return wide(*f.resolved_in_time);
  if (f.resolved_early && f.resolved_on_time) return wide(*f.resolved_early) + *f.resolved_on_time;
  return std::nullopt;
}

wide_count resolved_wide(const dossier_flow& f) {
  if (f.resolved) return wide(*f.resolved);
  const wide_count in_time = in_time_wide(f);
  if (in_time && f.resolved_late) return *in_time + *f.resolved_late;
  return std::nullopt;
}

wide_count pending_wide(const dossier_flow& f) {
  if (f.pending) return wide(*f.pending);
  if (f.pending_in_time && f.pending_overdue) return wide(*f.pending_in_time) + *f.pending_overdue;
  return std::nullopt;
}

wide_count received_new_wide(const dossier_flow& f) {
  if (f.received_online && f.received_offline) return wide(*f.received_online) + *f.received_offline;
  if (f.received && f.carried_over) return wide(*f.received) - *f.carried_over;
  return std::nullopt;
}

count narrow(const wide_count& v, flow_column c, const char* parts) {
  if (!v) return std::nullopt;
  if (*v < std::numeric_limits<std::int64_t>::min() || *v > std::numeric_limits<std::int64_t>::max())
    throw overflow_error(std::string(parts) + " = " + wide_to_string(*v) + " does not fit in a 64-bit count",
                         location{"", 0, 0, "", std::string(column_name(c))});
  return static_cast<std::int64_t>(*v);
}

decimal exact(wide v) {
  if (v >= std::numeric_limits<std::int64_t>::min() && v <= std::numeric_limits<std::int64_t>::max())
    return decimal(static_cast<std::int64_t>(v));
  return decimal::parse(wide_to_string(v));
}

std::string_view column_name(flow_column c) noexcept {
  const std::size_t i = index(c);
  return i < names.size() ? names[i] : std::string_view("unknown");
}

}  // namespace

std::string_view to_string(flow_column c) noexcept { return column_name(c); }

std::string_view label_vi(flow_column c) noexcept {
  const std::size_t i = index(c);
  return i < labels_vi.size() ? labels_vi[i] : std::string_view("không rõ");
}

flow_column parse_flow_column(std::string_view name) {
  for (flow_column c : all_flow_columns)
    if (names[index(c)] == name) return c;
  std::string known;
  for (std::string_view n : names) known += (known.empty() ? "" : ", ") + std::string(n);
  throw lookup_error("unknown flow column '" + std::string(name) + "'; expected one of " + known);
}

dossier_flow dossier_flow::zeros() noexcept {
  dossier_flow f;
  for (member m : members) f.*m = 0;
  return f;
}

count dossier_flow::get(flow_column c) const noexcept { return this->*members[index(c)]; }

dossier_flow dossier_flow::with(flow_column c, count value) const {
  dossier_flow copy = *this;
  copy.set(c, value);
  return copy;
}

void dossier_flow::set(flow_column c, count value) noexcept { this->*members[index(c)] = value; }

bool dossier_flow::empty() const noexcept {
  return std::none_of(members.begin(), members.end(), [this](member m) { return (this->*m).has_value(); });
}

count dossier_flow::in_time_total() const {
  return narrow(in_time_wide(*this), flow_column::resolved_in_time, "resolved_early + resolved_on_time");
}

count dossier_flow::resolved_total() const {
  return narrow(resolved_wide(*this), flow_column::resolved, "resolved_in_time + resolved_late");
}

count dossier_flow::pending_total() const {
  return narrow(pending_wide(*this), flow_column::pending, "pending_in_time + pending_overdue");
}

count dossier_flow::received_new() const {
  return narrow(received_new_wide(*this), flow_column::received,
                received_online && received_offline ? "received_online + received_offline"
                                                    : "received - carried_over");
}

std::vector<finding> dossier_flow::check(const std::string& path) const {
  std::vector<finding> out;

  for (flow_column c : all_flow_columns) {
    const count v = get(c);
    if (v && *v < 0) {
      finding f = make_finding(
          "flow.negative_count", severity::error, path, c,
          std::string(label_vi(c)) + " là số âm (" + std::to_string(*v) + ")",
          std::string(to_string(c)) + " is negative (" + std::to_string(*v) + "); a count of dossiers "
          "is at least 0");
      f.numbers.emplace_back(std::string(to_string(c)), std::to_string(*v));
      out.push_back(std::move(f));
    }
  }

  using fc = flow_column;
  if (received && received_online && received_offline && carried_over)
    check_identity(out, "flow.received_identity", path, fc::received, *received,
                   {{fc::received_online, *received_online},
                    {fc::received_offline, *received_offline},
                    {fc::carried_over, *carried_over}});

  // Balance: every dossier received for handling is resolved, pending or (in some variants) counted
  // apart as returned/withdrawn. Which variant a report uses is rarely stated, so where the
  // returned/withdrawn column is published either variant is accepted, and a failure names both.
  const wide_count res = resolved_wide(*this);
  const wide_count pen = pending_wide(*this);
  if (received && res && pen) {
    const wide without = *res + *pen;
    const bool holds_without = without == *received;
    if (!returned_withdrawn) {
      check_identity(out, "flow.balance_identity", path, fc::received, *received,
                     {{fc::resolved, *res}, {fc::pending, *pen}});
      if (!out.empty() && out.back().rule == "flow.balance_identity") {
        out.back().message_en += " (variant: received = resolved + pending; no returned/withdrawn "
                                 "column published)";
        out.back().message_vi += " (cách tính: tiếp nhận = đã giải quyết + đang giải quyết; không có "
                                 "cột trả lại, rút hồ sơ)";
        out.back().numbers.emplace_back("variant", "resolved+pending");
      }
    } else {
      const wide with_returned = without + *returned_withdrawn;
      const bool holds_with = with_returned == *received;
      if (!holds_without && !holds_with) {
        const std::string r = std::to_string(*received);
        finding f = make_finding(
            "flow.balance_identity", severity::error, path, fc::received,
            "Tổng số hồ sơ tiếp nhận (" + r + ") không bằng đã giải quyết + đang giải quyết (" +
                wide_to_string(without) + ") và cũng không bằng đã giải quyết + đang giải quyết + "
                "trả lại, rút hồ sơ (" + wide_to_string(with_returned) + "): cả hai cách tính đều sai",
            "received (" + r + ") matches neither variant: resolved + pending = " +
                wide_to_string(without) + " (returned/withdrawn counted inside resolved), "
                "resolved + pending + returned_withdrawn = " + wide_to_string(with_returned) +
                " (returned/withdrawn counted apart); both variants fail");
        f.numbers = {{"received", r},
                     {"resolved", wide_to_string(*res)},
                     {"pending", wide_to_string(*pen)},
                     {"returned_withdrawn", std::to_string(*returned_withdrawn)},
                     {"resolved+pending", wide_to_string(without)},
                     {"resolved+pending+returned_withdrawn", wide_to_string(with_returned)},
                     {"variant", "both"}};
        out.push_back(std::move(f));
      }
    }
  }

  if (resolved) {
    if (resolved_in_time && resolved_late)
      check_identity(out, "flow.resolved_identity", path, fc::resolved, *resolved,
                     {{fc::resolved_in_time, *resolved_in_time}, {fc::resolved_late, *resolved_late}});
    else if (resolved_early && resolved_on_time && resolved_late)
      check_identity(out, "flow.resolved_identity", path, fc::resolved, *resolved,
                     {{fc::resolved_early, *resolved_early},
                      {fc::resolved_on_time, *resolved_on_time},
                      {fc::resolved_late, *resolved_late}});
  }
  if (resolved_in_time && resolved_early && resolved_on_time)
    check_identity(out, "flow.in_time_identity", path, fc::resolved_in_time, *resolved_in_time,
                   {{fc::resolved_early, *resolved_early}, {fc::resolved_on_time, *resolved_on_time}});
  if (pending && pending_in_time && pending_overdue)
    check_identity(out, "flow.pending_identity", path, fc::pending, *pending,
                   {{fc::pending_in_time, *pending_in_time}, {fc::pending_overdue, *pending_overdue}});

  if (online_resolved && res && wide(*online_resolved) > *res) {
    finding f = make_finding(
        "flow.online_resolved_bound", severity::error, path, fc::online_resolved,
        "Số hồ sơ trực tuyến đã giải quyết (" + std::to_string(*online_resolved) +
            ") lớn hơn tổng số hồ sơ đã giải quyết (" + wide_to_string(*res) + ")",
        "online_resolved (" + std::to_string(*online_resolved) + ") exceeds resolved (" +
            wide_to_string(*res) + ")");
    f.numbers = {{"online_resolved", std::to_string(*online_resolved)},
                 {"resolved", wide_to_string(*res)}};
    out.push_back(std::move(f));
  }

  if (apologies && resolved_late) {
    const std::string a = std::to_string(*apologies);
    const std::string l = std::to_string(*resolved_late);
    if (*apologies < *resolved_late) {
      finding f = make_finding(
          "flow.apology_coverage", severity::info, path, fc::apologies,
          "Có " + l + " hồ sơ giải quyết quá hạn nhưng chỉ " + a + " phiếu xin lỗi",
          l + " dossiers were resolved late but only " + a + " apology slips were issued");
      f.numbers = {{"apologies", a}, {"resolved_late", l}};
      out.push_back(std::move(f));
    } else if (pending_overdue && wide(*apologies) > wide(*resolved_late) + *pending_overdue) {
      const std::string o = std::to_string(*pending_overdue);
      finding f = make_finding(
          "flow.apology_coverage", severity::info, path, fc::apologies,
          "Số phiếu xin lỗi (" + a + ") nhiều hơn số hồ sơ quá hạn (" + l + " đã giải quyết, " + o +
              " đang giải quyết)",
          "more apology slips (" + a + ") than late dossiers (" + l + " resolved late, " + o +
              " pending overdue)");
      f.numbers = {{"apologies", a}, {"resolved_late", l}, {"pending_overdue", o}};
      out.push_back(std::move(f));
    }
  }
  return out;
}

dossier_flow operator+(const dossier_flow& a, const dossier_flow& b) {
  dossier_flow r;
  for (flow_column c : all_flow_columns) {
    const count x = a.get(c);
    const count y = b.get(c);
    if (x && y) r.set(c, checked_add(*x, *y, c));
  }
  return r;
}

dossier_flow& dossier_flow::operator+=(const dossier_flow& other) { return *this = *this + other; }

bool operator==(const dossier_flow& a, const dossier_flow& b) noexcept {
  return std::all_of(members.begin(), members.end(), [&](member m) { return a.*m == b.*m; });
}

namespace {
constexpr std::array<std::string_view, all_on_time_conventions.size()> convention_names{
    "resolved_basis", "received_basis", "due_basis", "late_complement", "portal_timeliness"};

// The sources of the conventions, as data (docs/dossiers.md §2 and docs/sources.md §2 say the same;
// METHODOLOGY: *inferred* = worked out from published figures, not read in a text).
const std::array<convention_source, all_on_time_conventions.size()> convention_sources{{
    {"resolved_in_time / resolved",
     "Biểu số 06/VPCP/KSTT, Circular 01/2020/TT-VPCP (21/10/2020), columns 7-10",
     "the seed report (Trần Đề 2023): 13.676 / (13.676 + 343) = 97,55 %", true,
     "the form fixes the columns, not the rate; this convention is inferred from the published figure"},
    {"(resolved_in_time + pending_in_time) / received", "Decision 766/QĐ-TTg (23/6/2022)",
     "\"Tiến độ giải quyết\": on-time finished plus within-time pending over all dossiers received for "
     "handling; city reports",
     false, "the denominator is column 3 (received), returned/withdrawn dossiers included where counted apart"},
    {"resolved_in_time / fell_due", "provincial monthly bulletins",
     "\"hồ sơ đến hạn giải quyết\" (dossiers that fell due in the period)", true,
     "the numerator counts every dossier resolved in time in the period, so the rate can exceed 100 %"},
    {"(received - resolved_late - pending_overdue) / received", "Gia Lai provincial public-service portal",
     "the on-time rate shown as 100 % minus the late rate, (resolved late + pending overdue) / (received "
     "in the period + carried over)",
     false,
     "defined on a provincial portal, not in a legal text; received = received_online + received_offline + "
     "carried_over when column 3 is absent"},
    {"(resolved_in_time + pending_in_time) / (resolved_in_time + pending_in_time + resolved_late + "
     "pending_overdue)",
     "Decision 766/QĐ-TTg (23/6/2022), group \"Tiến độ giải quyết\" (dvc-progress-tree), 20 points",
     "the national public-service portal's feed: totalOnTime / totalReceived, totalReceived = totalOnTime + "
     "totalOverdue (as documented by an independent open analysis of the Phú Thọ data, September 2026)",
     false,
     "returned/withdrawn dossiers are in neither totalOnTime nor totalOverdue, so where they are counted "
     "apart this differs from received_basis"},
}};

// Rates take the derived figures exactly (128 bits, then decimal), so no rate ever throws.
std::optional<rate> ratio(const wide_count& numerator, const wide_count& denominator) {
  if (!numerator || !denominator) return std::nullopt;
  if (*denominator < 0) return std::nullopt;  // a negative count is a finding (check()), not a rate
  return rate(exact(*numerator), exact(*denominator));
}

wide_count widen(const count& c) { return c ? wide_count(*c) : std::nullopt; }
}  // namespace

std::string_view to_string(on_time_convention c) noexcept {
  const auto i = static_cast<std::size_t>(c);
  return i < convention_names.size() ? convention_names[i] : std::string_view("unknown");
}

on_time_convention parse_on_time_convention(std::string_view name) {
  for (on_time_convention c : all_on_time_conventions)
    if (to_string(c) == name) return c;
  std::string known;
  for (std::string_view n : convention_names) known += (known.empty() ? "" : ", ") + std::string(n);
  throw lookup_error("unknown on-time convention '" + std::string(name) + "'; expected one of " + known);
}

const convention_source& source_of(on_time_convention c) noexcept {
  const auto i = static_cast<std::size_t>(c);
  return convention_sources[i < convention_sources.size() ? i : 0];
}

// The one definition of the on-time conventions (flow.hpp): the CLI, indicators and validation call
// this, none of them recomputes a convention.
std::optional<rate> dossier_flow::on_time_rate(on_time_convention convention) const {
  switch (convention) {
    case on_time_convention::resolved_basis: return ratio(in_time_wide(*this), resolved_wide(*this));
    case on_time_convention::received_basis: {
      const wide_count in_time = in_time_wide(*this);
      if (!in_time || !pending_in_time) return std::nullopt;
      return ratio(*in_time + *pending_in_time, widen(received));
    }
    case on_time_convention::due_basis: return ratio(in_time_wide(*this), widen(fell_due));
    case on_time_convention::late_complement: {
      // Column 3 is by definition received in the period + carried over (4 + 5 + 6).
      wide_count all = widen(received);
      if (!all && received_online && received_offline && carried_over)
        all = wide(*received_online) + *received_offline + *carried_over;
      if (!all || !resolved_late || !pending_overdue) return std::nullopt;
      return ratio(*all - *resolved_late - *pending_overdue, all);
    }
    case on_time_convention::portal_timeliness: {
      const wide_count in_time = in_time_wide(*this);
      if (!in_time || !pending_in_time || !resolved_late || !pending_overdue) return std::nullopt;
      const wide on_time = *in_time + *pending_in_time;  // totalOnTime
      return ratio(on_time, on_time + *resolved_late + *pending_overdue);  // / totalReceived
    }
  }
  return std::nullopt;
}

std::optional<rate> dossier_flow::online_share() const {
  return ratio(widen(received_online), received_new_wide(*this));
}

std::optional<rate> dossier_flow::late_share() const { return ratio(widen(resolved_late), resolved_wide(*this)); }

std::vector<convention_match> dossier_flow::matching_conventions(const decimal& published_percent) const {
  std::vector<convention_match> out;
  for (on_time_convention c : all_on_time_conventions)
    if (const auto r = on_time_rate(c))
      for (rounding m : r->matches(published_percent)) out.push_back({c, m});
  return out;
}

std::vector<convention_match> dossier_flow::matching_conventions(std::string_view published,
                                                                 number_style style) const {
  // The one reader of printed percentages is core's parse_percent; a figure printed without its '%'
  // (a table column headed "%") is read as if the '%' followed it.
  std::string why;
  const std::string text(published);
  const auto value = try_parse_percent(text.find('%') == std::string::npos ? text + "%" : text, style, &why);
  if (!value)
    throw parse_error("expected a published percentage such as \"97,55\" or \"99,69%\", found '" +
                      std::string(published) + "' (" + why + ")");
  return matching_conventions(*value);
}

dossier_flow total(const flow_table& table) {
  if (table.empty()) return {};
  auto it = table.begin();
  dossier_flow sum = it->second;
  for (++it; it != table.end(); ++it) sum += it->second;
  return sum;
}

void merge_into(flow_table& into, const flow_table& other) {
  for (const auto& [key, flow] : other) {
    auto it = into.find(key);
    if (it == into.end())
      into.emplace(key, flow);
    else
      it->second += flow;
  }
}

}  // namespace cchc
