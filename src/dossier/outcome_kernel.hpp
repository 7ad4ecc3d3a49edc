// dossier/outcome_kernel.hpp — the one implementation of Decision 766's single-dossier rule (private).
//
// `judge(facts, cutoff)` gives the outcome (codes 0–6), the deadline and the reason. `outcome_at`,
// `due_of` and `judge` (dossier.hpp), the flow accumulator, the columnar classifier
// (dossier_batch.hpp), the CLI and the Python bindings all call it; the rule is documented in
// docs/dossiers.md §1 and tested against an independent reference in tests/cpp/dossier_rule_test.cpp.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

#include <date/date.h>

#include "cchc/deadline.hpp"
#include "cchc/dossier.hpp"
#include "deadline/deadline_kernel.hpp"

namespace cchc::kernel {

/// One dossier as plain values: what the rule reads, nothing else (no text, no allocation).
struct facts {
  civil_time received_at{};
  std::optional<processing_time> processing;
  std::optional<civil_time> promised_at;
  bool promised_has_time = false;
  std::optional<minutes> receipt_cutoff;  ///< the procedure's; empty = the rule's
  pause_list pauses;
  std::int64_t supplement_requests = 0;
  bool ended = false;
  end_kind kind = end_kind::resolved;
  civil_time end_at{};
};

/// Whether the time of day decides between on time and late on the due day: only when the deadline
/// itself is counted in hours or half days (and, for a promised date, recorded with a time).
inline bool time_of_day_matters(const facts& d) {
  const bool hourly = d.processing && (d.processing->unit == time_unit::working_hours ||
                                       d.processing->unit == time_unit::half_days);
  if (d.promised_at) return hourly && d.promised_has_time;
  return hourly;
}

/// The deadline. Preconditions: a promised date or a valid processing time; pauses from <= to.
inline due_date deadline(const facts& d, const clock& c, std::optional<minutes> rule_cutoff) {
  const std::optional<minutes> cutoff = d.receipt_cutoff ? d.receipt_cutoff : rule_cutoff;
  const merged_pauses ps(d.pauses);
  if (d.promised_at) return promised(c, d.received_at, *d.promised_at, time_of_day_matters(d), cutoff, ps);
  return due(c, d.received_at, *d.processing, cutoff, ps);
}

/// The outcome of a dossier whose deadline is `due`, at the end of the day `cutoff`, for one not
/// returned or withdrawn by then; `ended` = handling ended by the cut-off day (at `end_at`).
inline judgement judge_due(const due_date& due, bool ended, civil_time end_at, std::int64_t supplement_requests,
                           date::sys_days cutoff) {
  // Decision 766: more than one request for supplementary documents counts as late.
  const bool penalised = supplement_requests > 1;
  if (!ended) {
    if (penalised) return {outcome::pending_overdue, due, outcome_reason::repeated_supplement_requests};
    if (cutoff > due.day) return {outcome::pending_overdue, due, outcome_reason::pending_past_due};
    return {outcome::pending_in_time, due, outcome_reason::pending_not_due};
  }
  if (penalised) return {outcome::late, due, outcome_reason::repeated_supplement_requests};
  const date::sys_days end_day = day_number_of(end_at);
  if (end_day < due.day) return {outcome::early, due, outcome_reason::before_due_day};
  if (end_day > due.day) return {outcome::late, due, outcome_reason::after_due_day};
  // On the due day itself: a deadline with a time of day (hours, half days) can be missed by minutes.
  if (!due.met_by(end_at)) return {outcome::late, due, outcome_reason::after_due_time};
  return {outcome::on_time, due, outcome_reason::on_due_day};
}

/// The outcome at the end of the day `cutoff`. Precondition: received on or before the cut-off day.
inline judgement judge(const facts& d, date::sys_days cutoff, const clock& c, std::optional<minutes> rule_cutoff) {
  const bool ended = d.ended && day_number_of(d.end_at) <= cutoff;
  if (ended && d.kind == end_kind::returned) return {outcome::returned, std::nullopt, outcome_reason::returned};
  if (ended && d.kind == end_kind::withdrawn) return {outcome::withdrawn, std::nullopt, outcome_reason::withdrawn};
  return judge_due(deadline(d, c, rule_cutoff), ended, d.end_at, d.supplement_requests, cutoff);
}

}  // namespace cchc::kernel
