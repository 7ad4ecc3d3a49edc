// cchc/dossier.hpp — one dossier (hồ sơ) and its outcome at a cut-off, Decision 766's rule.
//
// A dossier is one application handled by a one-stop shop: received at some date and time through a
// channel, due after the procedure's processing time (or at the return date promised on the receipt
// slip), possibly paused while the applicant supplements the file, and possibly ended (resolved,
// returned, withdrawn, suspended). Its outcome at a cut-off — the last day of a reporting period —
// is one of the seven stable codes below, and the outcomes of many dossiers add up to the flow table
// (cchc/flow.hpp, Biểu 06/VPCP/KSTT).
//
// The single-dossier rule follows Decision 766/QĐ-TTg (docs/sources.md §2):
//  - handling ends at the first of "processed", "result returned", "stopped / refused"; a
//    withdrawal also ends it. Returned and withdrawn dossiers get their own codes (5, 6); a suspended
//    (stopped, refused) dossier is judged by its end time like a resolved one;
//  - the deadline is the promised return date (ngày hẹn trả) when recorded, otherwise the received
//    date-time plus the procedure's processing time on the work calendar (`cchc::due`);
//  - time waiting for the applicant to supplement the file is not counted: the deadline moves by the
//    working time of each pause; more than one supplement request counts as late (overdue if still
//    pending);
//  - a dossier not ended by the cut-off (or ended after it) is pending at the cut-off: within the
//    deadline when the cut-off day is not after the due day, otherwise overdue.
// Comparison is by day by default (ended on the due day = on time, on an earlier day = early); when the
// processing time is counted in working hours or half days the time of day decides between on time
// and late on the due day.
//
//     using namespace date::literals;
//     using namespace std::chrono_literals;
//     cchc::dossier d;
//     d.id = "H01.23-231215-0001";
//     d.channel = cchc::dossier_channel::online;
//     d.received_at = date::local_days{2023_y / 12 / 15} + 9h;
//     d.processing = cchc::processing_time{cchc::time_unit::working_days, 3};
//     d.end = cchc::dossier_end{cchc::end_kind::resolved, date::local_days{2023_y / 12 / 20} + 10h};
//     const auto& cal = cchc::vietnam::civil_service_calendar();
//     cchc::outcome_at(d, 2023_y / 12 / 31, cal);   // on_time: due Wed 20/12 (Mon 18, Tue 19, Wed 20)
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "cchc/calendar.hpp"
#include "cchc/deadline.hpp"
#include "cchc/flow.hpp"
#include "cchc/period.hpp"

namespace cchc {

/// How a dossier reached the one-stop shop. Online counts in Biểu 06 column 4, the others in column 5.
enum class dossier_channel : std::uint8_t { online = 0, in_person = 1, post = 2 };

/// How handling ended.
enum class end_kind : std::uint8_t {
  resolved = 0,   ///< processed / result returned (đã giải quyết, đã trả kết quả)
  returned = 1,   ///< returned to the applicant (trả lại hồ sơ)
  withdrawn = 2,  ///< withdrawn by the applicant (rút hồ sơ)
  suspended = 3,  ///< stopped or refused (dừng xử lý, từ chối): judged by its end time like resolved
};

/// The outcome of a dossier at a cut-off. The numeric codes are stable (bulk arrays, files, Python).
enum class outcome : std::uint8_t {
  early = 0,            ///< resolved before the due day (trước hạn)
  on_time = 1,          ///< resolved on the due day (đúng hạn)
  late = 2,             ///< resolved after the deadline (quá hạn)
  pending_in_time = 3,  ///< not ended at the cut-off, deadline not passed (đang giải quyết trong hạn)
  pending_overdue = 4,  ///< not ended at the cut-off, deadline passed (đang giải quyết quá hạn)
  returned = 5,         ///< returned to the applicant
  withdrawn = 6,        ///< withdrawn by the applicant
};

/// "online", "in_person", "post" / "resolved", … / "early", "on_time", … (the enumerator names).
[[nodiscard]] CCHC_EXPORT std::string_view to_string(dossier_channel c) noexcept;
[[nodiscard]] CCHC_EXPORT std::string_view to_string(end_kind k) noexcept;
[[nodiscard]] CCHC_EXPORT std::string_view to_string(outcome o) noexcept;
/// Vietnamese labels: "trực tuyến", "trước hạn", …
[[nodiscard]] CCHC_EXPORT std::string_view label_vi(dossier_channel c) noexcept;
[[nodiscard]] CCHC_EXPORT std::string_view label_vi(outcome o) noexcept;
/// Inverse of to_string; throws lookup_error listing the accepted names.
[[nodiscard]] CCHC_EXPORT dossier_channel parse_channel(std::string_view name);
[[nodiscard]] CCHC_EXPORT end_kind parse_end_kind(std::string_view name);
[[nodiscard]] CCHC_EXPORT outcome parse_outcome(std::string_view name);

/// When and how handling ended.
struct CCHC_EXPORT dossier_end {
  end_kind kind = end_kind::resolved;
  civil_time at;
  friend bool operator==(const dossier_end& a, const dossier_end& b) noexcept {
    return a.kind == b.kind && a.at == b.at;
  }
  friend bool operator!=(const dossier_end& a, const dossier_end& b) noexcept { return !(a == b); }
};

/// One dossier. An aggregate of plain values; text fields are free text (UTF-8).
struct CCHC_EXPORT dossier {
  std::string id;                         ///< mã hồ sơ
  std::string procedure;                  ///< procedure code or name (thủ tục)
  std::string unit;                       ///< handling unit (đơn vị)
  std::string level;                      ///< "province", "district", "commune" (data, not a tree)
  std::string field;                      ///< field of the procedure (lĩnh vực)
  dossier_channel channel = dossier_channel::in_person;
  civil_time received_at{};               ///< when the complete dossier was received
  std::optional<processing_time> processing;  ///< the procedure's processing time
  std::optional<civil_time> promised_at;  ///< promised return date-time (ngày hẹn trả), if recorded
  bool promised_has_time = false;         ///< promised_at was recorded with a time of day
  std::optional<std::chrono::minutes> receipt_cutoff;  ///< the procedure's receipt cut-off time of day
                                          ///< (e.g. 15:00); overrides receipt_rule::cutoff
  std::vector<pause> pauses;              ///< waits for supplementary documents (cchc/deadline.hpp)
  int supplement_requests = 0;            ///< number of supplement requests (0 when never asked)
  std::optional<dossier_end> end;         ///< how it ended, if it ended
  bool apology = false;                   ///< an apology slip was issued

  friend CCHC_EXPORT bool operator==(const dossier& a, const dossier& b);
  friend bool operator!=(const dossier& a, const dossier& b) { return !(a == b); }
};

/// Why a dossier got its outcome (stable codes, for explanations and `cchc dossiers --outcomes`).
enum class outcome_reason : std::uint8_t {
  returned = 0,                      ///< returned to the applicant by the cut-off
  withdrawn = 1,                     ///< withdrawn by the cut-off
  before_due_day = 2,                ///< ended on a day before the due day
  on_due_day = 3,                    ///< ended on the due day (by the due time, when there is one)
  after_due_day = 4,                 ///< ended on a day after the due day
  after_due_time = 5,                ///< ended on the due day but after the due time (hours, half days)
  repeated_supplement_requests = 6,  ///< more than one supplement request: late (overdue if pending)
  pending_not_due = 7,               ///< not ended by the cut-off, which is not after the due day
  pending_past_due = 8,              ///< not ended by the cut-off, which is after the due day
};
/// "returned", "before_due_day", … (the enumerator names).
[[nodiscard]] CCHC_EXPORT std::string_view to_string(outcome_reason r) noexcept;
/// An English sentence: "ended before the due day", "more than one supplement request (Decision 766)".
[[nodiscard]] CCHC_EXPORT std::string_view describe(outcome_reason r) noexcept;

/// The outcome of one dossier at a cut-off with its deadline (absent for returned and withdrawn
/// dossiers, which need none) and the reason.
struct CCHC_EXPORT judgement {
  outcome result = outcome::pending_in_time;
  std::optional<due_date> due;
  outcome_reason reason = outcome_reason::pending_not_due;
};

/// The deadline of a dossier. Without a promised date: `cchc::due(received_at, processing, calendar,
/// rule, pauses)` (cchc/deadline.hpp), with the dossier's own receipt cut-off when it has one. With a
/// promised return date: that day (and its time of day when it was recorded with one and the
/// processing time is in hours or half days), moved later by the pauses exactly as a processing time
/// in working days is (overlapping pauses merged; the working days in (pause start day, pause end
/// day]; a pause starting after the (moved) due day changes nothing, one starting on it moves it).
/// Throws argument_error when the dossier has neither a promised date nor a processing time (or a
/// pause ends before it starts), range_error when a date lies outside the calendar.
[[nodiscard]] CCHC_EXPORT due_date due_of(const dossier& d, const work_calendar& calendar,
                               const receipt_rule& rule = {});

/// The outcome of `d` at the end of the day `cutoff` (see the rule at the top of this header).
/// Throws argument_error when `d` was received after the cut-off or has no deadline.
[[nodiscard]] CCHC_EXPORT outcome outcome_at(const dossier& d, date::sys_days cutoff, const work_calendar& calendar,
                                 const receipt_rule& rule = {});

/// outcome_at with the deadline and the reason (the same rule, one call).
[[nodiscard]] CCHC_EXPORT judgement judge(const dossier& d, date::sys_days cutoff, const work_calendar& calendar,
                              const receipt_rule& rule = {});

/// The flow of a period [first, last] (inclusive days):
///  - received in the period → received (online or in person/post);
///  - received before `first` and not ended before `first` → carried over;
///  - received after `last`, or ended before `first` → not counted;
///  - each counted dossier is classified with outcome_at(d, last): early / on time / late / pending
///    within deadline / pending overdue, returned and withdrawn in `returned_withdrawn` (counted apart:
///    received = resolved + pending + returned_withdrawn);
///  - online_resolved: online dossiers resolved (early, on time or late);
///  - apologies: counted dossiers with an apology slip;
///  - fell_due: counted dossiers, other than returned/withdrawn, whose due day is in the period.
/// Every column is present in the result (zero when nothing counts).
[[nodiscard]] CCHC_EXPORT dossier_flow flow_of(const std::vector<dossier>& dossiers, date::sys_days first,
                                   date::sys_days last, const work_calendar& calendar,
                                   const receipt_rule& rule = {});

/// flow_of over a reporting period (cchc/period.hpp), e.g. period::annual(2023).
[[nodiscard]] CCHC_EXPORT dossier_flow flow_of(const std::vector<dossier>& dossiers, const period& p,
                                   const work_calendar& calendar, const receipt_rule& rule = {});

/// What to group flows by.
enum class flow_key : std::uint8_t { unit, procedure, field, level, channel };
[[nodiscard]] CCHC_EXPORT std::string_view to_string(flow_key k) noexcept;
[[nodiscard]] CCHC_EXPORT flow_key parse_flow_key(std::string_view name);
/// The key of one dossier (the channel's name for flow_key::channel).
[[nodiscard]] CCHC_EXPORT const std::string& key_of(const dossier& d, flow_key k);

/// flow_of per group: one row per distinct key among the dossiers counted in the period.
/// `total(flows_by(...))` equals `flow_of(...)`.
[[nodiscard]] CCHC_EXPORT flow_table flows_by(const std::vector<dossier>& dossiers, flow_key key,
                                  date::sys_days first, date::sys_days last,
                                  const work_calendar& calendar, const receipt_rule& rule = {});

/// flows_by over a reporting period.
[[nodiscard]] CCHC_EXPORT flow_table flows_by(const std::vector<dossier>& dossiers, flow_key key, const period& p,
                                  const work_calendar& calendar, const receipt_rule& rule = {});

/// Rows of a flow grouped by several keys: the key values in the order the keys were given.
using flow_rows = std::map<std::vector<std::string>, dossier_flow>;

/// Incremental form of flow_of / flows_by for streams (e.g. a CSV log read row by row): add dossiers
/// one at a time, read the flow or the table at the end. Memory is one flow per distinct key.
class CCHC_EXPORT flow_accumulator {
 public:
  flow_accumulator(date::sys_days first, date::sys_days last, work_calendar calendar,
                   receipt_rule rule = {});
  /// Also groups by `key`.
  flow_accumulator(date::sys_days first, date::sys_days last, work_calendar calendar, flow_key key,
                   receipt_rule rule = {});

  /// Over a reporting period.
  flow_accumulator(const period& p, work_calendar calendar, receipt_rule rule = {});
  flow_accumulator(const period& p, work_calendar calendar, flow_key key, receipt_rule rule = {});
  /// Groups by several keys at once (`--by unit,procedure`); `rows()` has one row per combination.
  flow_accumulator(date::sys_days first, date::sys_days last, work_calendar calendar, std::vector<flow_key> keys,
                   receipt_rule rule = {});
  flow_accumulator(const period& p, work_calendar calendar, std::vector<flow_key> keys, receipt_rule rule = {});

  /// Counts one dossier (ignored when received after the period or ended before it). Throws what
  /// outcome_at throws (argument_error without a deadline, range_error outside the calendar).
  void add(const dossier& d);
  /// Partial results of two accumulators over the same period combine exactly.
  void merge(const flow_accumulator& other);

  [[nodiscard]] const dossier_flow& flow() const&;
  const dossier_flow& flow() const&& = delete;  // a reference into a temporary would dangle
  /// The rows by key (empty when the accumulator does not group). With several keys, the key text is
  /// the values joined by " / "; use rows() for the values themselves.
  [[nodiscard]] const flow_table& table() const&;
  const flow_table& table() const&& = delete;  // a reference into a temporary would dangle
  /// The rows by the key values (one value per key; empty when the accumulator does not group).
  [[nodiscard]] const flow_rows& rows() const&;
  const flow_rows& rows() const&& = delete;  // a reference into a temporary would dangle
  [[nodiscard]] const std::vector<flow_key>& keys() const& noexcept { return keys_; }
  const std::vector<flow_key>& keys() const&& = delete;  // a reference into a temporary would dangle
  [[nodiscard]] date::sys_days first() const noexcept { return first_; }
  [[nodiscard]] date::sys_days last() const noexcept { return last_; }

  flow_accumulator(const flow_accumulator&);
  flow_accumulator& operator=(const flow_accumulator&);
  flow_accumulator(flow_accumulator&&) noexcept;
  flow_accumulator& operator=(flow_accumulator&&) noexcept;
  ~flow_accumulator();

 private:
  struct state;  // counts per key (dossier/tally.hpp) and the views built from them on demand

 public:
  using state_type = state;  // for the implementation's helpers; not usable outside it

 private:
  date::sys_days first_;
  date::sys_days last_;
  work_calendar calendar_;
  receipt_rule rule_;
  std::vector<flow_key> keys_;
  std::unique_ptr<state> state_;
};

}  // namespace cchc
