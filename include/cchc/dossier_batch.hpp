// cchc/dossier_batch.hpp — the full Decision-766 rule over columns: a period's flow table from a
// one-stop-shop log held as arrays (NumPy, pandas, Arrow), multi-threaded, exact.
//
// `bulk.hpp` classifies the common case (working days, no pauses) at memory speed; this header takes
// every kind of dossier the record path (`cchc::dossier`, dossier.hpp) takes — processing times in
// working days, calendar days, working hours, half days or same day; the procedure's receipt cut-off;
// a promised return date with or without a time; any number of supplement pauses (overlapping or not);
// supplement requests; how and when handling ended; the channel; any number of grouping keys — and a
// **period**: dossiers received before its first day and not ended before it are carried over,
// dossiers ended before it are not counted, dossiers received after its last day are not counted;
// returned and withdrawn are counted apart. Every row is judged by the one kernel
// (dossier/outcome_kernel.hpp) that `outcome_at` uses, so this path and the record path cannot
// disagree (tests/cpp/dossier_rule_test.cpp checks both against an independent reference).
//
// Date-times are minutes since 1970-01-01 00:00 in Vietnamese civil time (`cchc::date_time`'s count;
// NumPy `datetime64[m]` viewed as int64); a missing one is `cchc::no_time` (INT64_MIN, what NumPy's
// NaT becomes).
//
//     cchc::dossier_batch b;
//     b.received = received_minutes;           // required
//     b.amount = amounts;                      // processing amount (required unless promised is set)
//     b.unit_of_time = units;                  // cchc::time_unit codes; empty = all working days
//     b.ended = ended_minutes;                 // no_time = not ended
//     b.keys = {unit_codes, procedure_codes};  // dense codes 0..K-1 per key
//     std::vector<std::uint8_t> codes(n);
//     cchc::batch_counts t = cchc::classify_batch(b, cchc::period::annual(2023), cal, {}, codes);
//     for (const auto& g : t.groups()) { g.key; g.flow; }   // one Biểu 06 row per key combination
//
// Codes written: the stable `cchc::outcome` codes 0–6, or `not_counted` (255) for a row outside the
// period. Errors: `argument_error` / `range_error` for the first bad row in row order (whatever the
// thread count), with `where().path` = "row N" (0-based position) and `where().field` = the column;
// messages show dates as dates.
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "cchc/bulk.hpp"
#include "cchc/calendar.hpp"
#include "cchc/deadline.hpp"
#include "cchc/dossier.hpp"
#include "cchc/flow.hpp"
#include "cchc/period.hpp"

namespace cchc {

/// A missing date-time in a minutes column (NumPy's NaT viewed as int64).
inline constexpr std::int64_t no_time = std::numeric_limits<std::int64_t>::min();
/// The code of a row that the period does not count.
inline constexpr std::uint8_t not_counted = 255;
/// "No end" in the end_kind column.
inline constexpr std::uint8_t no_end_kind = 255;
/// "The rule's cut-off" in the receipt_cutoff column.
inline constexpr std::int16_t no_cutoff = -1;

/// The input columns. Only `received` is required; every other column is either empty (its
/// default applies to every row) or as long as `received`.
struct CCHC_EXPORT dossier_batch {
  column_view<std::int64_t> received;           ///< received date-time (minutes); required
  column_view<std::int32_t> amount;             ///< processing amount; INT32_MIN = none (promised date needed)
  column_view<std::uint8_t> unit_of_time;       ///< cchc::time_unit codes; empty = working days
  column_view<std::int64_t> promised;           ///< promised return date-time; no_time = none; empty = none
  column_view<std::uint8_t> promised_has_time;  ///< 1 when promised was recorded with a time; empty = 0
  column_view<std::int16_t> receipt_cutoff;     ///< the procedure's cut-off, minutes of the day; no_cutoff
                                                ///< = the rule's; empty = the rule's
  /// Pauses: row i has pauses pause_offsets[i] … pause_offsets[i+1]-1 in pause_from/pause_to
  /// (n + 1 non-decreasing offsets starting at 0); all three empty = no pauses.
  column_view<std::int64_t> pause_offsets;
  column_view<std::int64_t> pause_from;
  column_view<std::int64_t> pause_to;
  column_view<std::int32_t> supplement_requests;  ///< empty = 0, or 1 for a row with a pause
  column_view<std::uint8_t> end_kind;           ///< cchc::end_kind codes, no_end_kind when not ended;
                                                ///< empty = resolved whenever `ended` is set
  column_view<std::int64_t> ended;              ///< when handling ended; no_time = not ended; empty = none ended
  column_view<std::uint8_t> channel;            ///< cchc::dossier_channel codes; empty = unknown (the
                                                ///< online/offline columns are then absent)
  column_view<std::uint8_t> apology;            ///< 0/1; empty = unknown (apologies absent)
  std::vector<column_view<std::uint32_t>> keys;  ///< grouping keys: dense codes per key
};

/// Options of a batch call.
struct CCHC_EXPORT batch_options {
  /// Worker threads; 0 = std::thread::hardware_concurrency(). Results never depend on it.
  unsigned threads = 1;
  /// Number of distinct codes of each key (same length as dossier_batch::keys); empty or 0 = the
  /// largest code present + 1. Codes must be below it.
  std::vector<std::uint32_t> key_sizes;
};

/// One row of the result: the key codes (one per key) and its Biểu 06 flow.
struct CCHC_EXPORT batch_group {
  std::vector<std::uint32_t> key;
  dossier_flow flow;
};

/// The flow table of a batch: one row per key combination that has a counted dossier (in key
/// order), and the total. Mergeable: the table of two disjoint batches over the same period is the
/// sum (what Dask partitions return).
class CCHC_EXPORT batch_counts {
 public:
  batch_counts() = default;
  [[nodiscard]] const std::vector<batch_group>& groups() const& noexcept { return groups_; }
  const std::vector<batch_group>& groups() const&& = delete;  // would dangle
  [[nodiscard]] const dossier_flow& total() const& noexcept { return total_; }
  const dossier_flow& total() const&& = delete;  // would dangle
  /// Raw counts (for bindings and merging): per group 32 slots, see dossier/tally.hpp.
  [[nodiscard]] const std::vector<std::int64_t>& raw() const& noexcept { return raw_; }
  const std::vector<std::int64_t>& raw() const&& = delete;
  [[nodiscard]] bool channel_known() const noexcept { return channel_known_; }
  [[nodiscard]] bool apology_known() const noexcept { return apology_known_; }

  /// Adds the counts of another batch over the same period and keys (groups are matched by key codes).
  batch_counts& operator+=(const batch_counts& other);
  friend batch_counts operator+(batch_counts a, const batch_counts& b) { return a += b; }

 private:
  friend struct batch_access;
  std::vector<batch_group> groups_;
  std::vector<std::int64_t> raw_;   // 32 per group, same order
  std::vector<std::int64_t> total_raw_ = std::vector<std::int64_t>(32, 0);
  dossier_flow total_ = dossier_flow::zeros();
  bool channel_known_ = true;
  bool apology_known_ = true;
  bool empty_ = true;  // neutral element of +
};

/// Classifies every row over the period [first, last] (cut-off = last day) and counts the flow per
/// key combination. `codes` (optional: empty = not written) receives the outcome code of each row or
/// `not_counted`; `due_day` / `due_minute` (optional) the deadline's day number (days since
/// 1970-01-01; INT32_MIN when there is none: returned, withdrawn, not counted) and time of day in
/// minutes (-1 when the deadline has no time).
[[nodiscard]] CCHC_EXPORT batch_counts classify_batch(const dossier_batch& batch, date::sys_days first,
                                                      date::sys_days last, const work_calendar& calendar,
                                                      const receipt_rule& rule = {},
                                                      mutable_column_view<std::uint8_t> codes = {},
                                                      const batch_options& options = {},
                                                      mutable_column_view<std::int32_t> due_day = {},
                                                      mutable_column_view<std::int16_t> due_minute = {});
/// Over a reporting period (cchc/period.hpp).
[[nodiscard]] CCHC_EXPORT batch_counts classify_batch(const dossier_batch& batch, const period& p,
                                                      const work_calendar& calendar, const receipt_rule& rule = {},
                                                      mutable_column_view<std::uint8_t> codes = {},
                                                      const batch_options& options = {},
                                                      mutable_column_view<std::int32_t> due_day = {},
                                                      mutable_column_view<std::int16_t> due_minute = {});

/// The deadline of every row (ends are ignored): due_day and due_minute as in classify_batch; a row
/// without a received date-time (no_time) gets INT32_MIN.
CCHC_EXPORT void due_batch(const dossier_batch& batch, const work_calendar& calendar, const receipt_rule& rule,
                           mutable_column_view<std::int32_t> due_day, mutable_column_view<std::int16_t> due_minute,
                           const batch_options& options = {});

}  // namespace cchc
