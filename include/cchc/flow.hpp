// cchc/flow.hpp — the one-stop-shop flow table (Biểu số 06/VPCP/KSTT) and its identities.
//
// Every one-stop shop reports, per unit and per period, how many dossiers it received, resolved and
// still holds: the columns of form 06/VPCP/KSTT (Circular 01/2020/TT-VPCP), "Tình hình, kết quả giải
// quyết TTHC". A `dossier_flow` is one row of that table. Every column is a
// `std::optional<std::int64_t>` because published tables routinely omit columns (the seed report gives
// "early + on time" as one figure and no split by channel); absent means "not published", never zero.
//
// A flow is either built from dossier records (`cchc::flow_of` in dossier.hpp) or typed in from a
// published table. `check()` tests the table's identities and returns findings — it never throws on
// figures that do not add up, because that is exactly what a reviewer wants to be told about.
//
// Flows are mergeable: `a + b` is the flow of the union of the two sets of dossiers (counts add), so a
// province's table is the sum of its units' tables and per-partition partial results combine exactly.
// A column absent in either operand is absent in the sum (a partial sum would be a plausible wrong
// number).
//
// On-time rates are computed under named conventions, because real reports use several (Biểu 06 of
// Circular 01/2020/TT-VPCP fixes the columns, not the rate); `matching_conventions()` says which
// convention and rounding reproduce a published figure. `on_time_rate` is the one definition of the
// conventions: the CLI, the indicators and validation all call it.
//
// Arithmetic is exact and never wraps. The derived figures are computed in 128 bits, so `check()` and
// the rates never throw, whatever the counts (a rate's numerator and denominator are decimals and
// may exceed 2^63 - 1); the count-returning forms (`in_time_total()` …) and `operator+` throw
// cchc::overflow_error, whose where().field names the column, when a result does not fit in a count.
//
//     cchc::dossier_flow district;                 // seed report, Trần Đề 2023, "UBND huyện"
//     district.received = 14083;
//     district.resolved_in_time = 13676;           // published as one column: early + on time
//     district.resolved_late = 343;
//     district.pending_in_time = 64;
//     district.pending_overdue = 0;
//     for (const cchc::finding& f : district.check("$.one_stop.flows[0]")) { ... }   // none
//     auto r = district.on_time_rate(cchc::on_time_convention::resolved_basis);
//     r->percent(2, cchc::rounding::half_away_from_zero);                             // 97.55
//     district.matching_conventions("97,55");     // {resolved_basis, half_away_from_zero}, ...
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/decimal.hpp"
#include "cchc/finding.hpp"
#include "cchc/number_format.hpp"
#include "cchc/rate.hpp"
#include "cchc/rounding.hpp"

namespace cchc {

/// The columns of a flow row. The numbers in comments are the column numbers of Biểu 06/VPCP/KSTT;
/// the others are extensions found in real reports. Stable names (to_string) are used in JSON and CSV.
enum class flow_column : std::uint8_t {
  received,                 ///< (3) received for handling, total = (4) + (5) + (6)
  received_online,          ///< (4) received online in the period
  received_offline,         ///< (5) received in person or by post in the period
  carried_over,             ///< (6) carried over from the previous period
  resolved,                 ///< (7) resolved, total = (8) + (9) + (10)
  resolved_in_time,         ///< (8) + (9) when published as one figure ("trước hạn, đúng hạn")
  resolved_early,           ///< (8) resolved early (trước hạn)
  resolved_on_time,         ///< (9) resolved on time (đúng hạn)
  resolved_late,            ///< (10) resolved late (quá hạn / trễ hạn)
  pending,                  ///< (11) pending, total = (12) + (13)
  pending_in_time,          ///< (12) pending within the deadline (trong hạn)
  pending_overdue,          ///< (13) pending and overdue (quá hạn)
  returned_withdrawn,       ///< returned to the applicant or withdrawn (trả lại, rút hồ sơ)
  apologies,                ///< apology slips issued (phiếu xin lỗi và hẹn lại ngày trả kết quả)
  online_resolved,          ///< dossiers received online and resolved
  fell_due,                 ///< dossiers whose due date fell in the period (hồ sơ đến hạn), due_basis
};

/// Every column, in table order.
inline constexpr std::array<flow_column, 16> all_flow_columns{
    flow_column::received,         flow_column::received_online,  flow_column::received_offline,
    flow_column::carried_over,     flow_column::resolved,         flow_column::resolved_in_time,
    flow_column::resolved_early,   flow_column::resolved_on_time, flow_column::resolved_late,
    flow_column::pending,          flow_column::pending_in_time,  flow_column::pending_overdue,
    flow_column::returned_withdrawn, flow_column::apologies,      flow_column::online_resolved,
    flow_column::fell_due};

/// The stable English name ("received", "resolved_in_time", …), as in the enumerator.
[[nodiscard]] CCHC_EXPORT std::string_view to_string(flow_column c) noexcept;
/// The Vietnamese label as printed in reports ("Tổng số hồ sơ tiếp nhận", …).
[[nodiscard]] CCHC_EXPORT std::string_view label_vi(flow_column c) noexcept;
/// Inverse of to_string; throws lookup_error naming the known names.
[[nodiscard]] CCHC_EXPORT flow_column parse_flow_column(std::string_view name);

/// How an on-time rate is computed. All five are in real use (docs/dossiers.md §2); each carries its
/// source as data (source_of). A convention whose columns are absent gives no rate (std::nullopt),
/// never a rate of zero.
enum class on_time_convention : std::uint8_t {
  /// (early + on time) / resolved — the seed report: 13.676 / (13.676 + 343) = 97,55 %.
  resolved_basis = 0,
  /// (early + on time + pending within deadline) / received — Decision 766/QĐ-TTg "Tiến độ giải
  /// quyết" (on-time finished plus within-time pending over all dossiers received for handling).
  received_basis = 1,
  /// (early + on time) / dossiers that fell due in the period (column fell_due) — monthly provincial
  /// bulletins ("hồ sơ đến hạn giải quyết"). The numerator counts every dossier resolved early or on
  /// time in the period, as those bulletins do, so the rate can exceed 100 % when many dossiers are
  /// resolved before a due date that lies after the period.
  due_basis = 2,
  /// 100 % − (resolved late + pending overdue) / (received in the period + carried over) — the
  /// on-time rate as the complement of a late rate (Gia Lai's provincial portal). The denominator is
  /// column 3 (received, which Biểu 06 defines as 4 + 5 + 6), or received_online + received_offline +
  /// carried_over when column 3 is absent. Kept exact: (received − late − overdue) / received. A
  /// portal that rounds the late share first and subtracts it from 100 is reproduced by the mirrored
  /// mode (truncating the late share = ceiling on the complement).
  late_complement = 3,
  /// totalOnTime / totalReceived as the national public-service portal computes Decision 766's
  /// timeliness group: totalOnTime = early + on time + pending within deadline, totalOverdue = late +
  /// pending overdue, totalReceived = totalOnTime + totalOverdue. Unlike received_basis, the
  /// denominator is built from the outcome columns, not column 3: returned/withdrawn dossiers counted
  /// apart (received = resolved + pending + returned_withdrawn) are in received_basis's denominator and
  /// not in this one, and a table whose counts do not add up gives two different rates.
  portal_timeliness = 4,
};

inline constexpr std::array<on_time_convention, 5> all_on_time_conventions{
    on_time_convention::resolved_basis, on_time_convention::received_basis, on_time_convention::due_basis,
    on_time_convention::late_complement, on_time_convention::portal_timeliness};

/// Where a convention comes from, as data (docs/dossiers.md §2, docs/sources.md §2). Static text.
struct CCHC_EXPORT convention_source {
  std::string_view formula;   ///< in column names: "(resolved_in_time + pending_in_time) / received"
  std::string_view document;  ///< the document or publisher: "Decision 766/QĐ-TTg (23/6/2022)"
  std::string_view seen_in;   ///< the article, group or publication it is seen in
  bool inferred;              ///< true when worked out from published figures, not read in a text
  std::string_view note;      ///< what a user should know (may be empty)
};

/// The source of a convention (a reference to static data; never throws).
[[nodiscard]] CCHC_EXPORT const convention_source& source_of(on_time_convention c) noexcept;

/// "resolved_basis", "received_basis", "due_basis", "late_complement", "portal_timeliness".
[[nodiscard]] CCHC_EXPORT std::string_view to_string(on_time_convention c) noexcept;
/// Inverse of to_string; throws lookup_error listing the names.
[[nodiscard]] CCHC_EXPORT on_time_convention parse_on_time_convention(std::string_view name);

/// A (convention, rounding) pair that reproduces a published percentage.
struct CCHC_EXPORT convention_match {
  on_time_convention convention;
  rounding mode;
  friend bool operator==(const convention_match& a, const convention_match& b) noexcept {
    return a.convention == b.convention && a.mode == b.mode;
  }
  friend bool operator!=(const convention_match& a, const convention_match& b) noexcept { return !(a == b); }
};

/// One row of the flow table. An aggregate: set the published columns, leave the others empty.
struct CCHC_EXPORT dossier_flow {
  using count = std::optional<std::int64_t>;

  count received;
  count received_online;
  count received_offline;
  count carried_over;
  count resolved;
  count resolved_in_time;
  count resolved_early;
  count resolved_on_time;
  count resolved_late;
  count pending;
  count pending_in_time;
  count pending_overdue;
  count returned_withdrawn;
  count apologies;
  count online_resolved;
  count fell_due;

  /// A flow with every column present and zero: the neutral element of `+`, the start of a count.
  [[nodiscard]] static dossier_flow zeros() noexcept;

  /// The column by its enumerator.
  [[nodiscard]] count get(flow_column c) const noexcept;
  /// A copy with one column replaced (std::nullopt removes it).
  [[nodiscard]] dossier_flow with(flow_column c, count value) const;
  /// Sets one column in place (for builders that fill a flow column by column).
  void set(flow_column c, count value) noexcept;
  /// True when no column is present.
  [[nodiscard]] bool empty() const noexcept;

  // Derived figures: the published column when present, otherwise the sum of its parts when all
  // parts are present, otherwise nothing. These are what the rates use, so a table that publishes
  // only the parts (or only the total) still gives a rate. Each throws overflow_error (where().field
  // = the column) when the sum of its parts does not fit in 64 bits; the rates and check() compute
  // the same figures in 128 bits and never throw.

  /// early + on time: resolved_in_time, or resolved_early + resolved_on_time.
  [[nodiscard]] count in_time_total() const;
  /// resolved: resolved, or in_time_total() + resolved_late.
  [[nodiscard]] count resolved_total() const;
  /// pending: pending, or pending_in_time + pending_overdue.
  [[nodiscard]] count pending_total() const;
  /// Received in the period (new dossiers, without carried-over ones): received_online +
  /// received_offline, or received − carried_over.
  [[nodiscard]] count received_new() const;

  // Rates. Each is an exact cchc::rate (numerator and denominator); round it with
  // rate::percent(scale, mode). std::nullopt when a column the formula needs is absent (derived
  // figures above count as present); a present but zero denominator gives an undefined rate, whose
  // percent() is std::nullopt.

  /// The on-time rate under a convention (see on_time_convention).
  [[nodiscard]] std::optional<rate> on_time_rate(on_time_convention convention) const;
  /// Online share of the dossiers received in the period (Decision 766/QĐ-TTg 3.3):
  /// received_online / received_new().
  [[nodiscard]] std::optional<rate> online_share() const;
  /// Late share of the resolved dossiers: resolved_late / resolved_total().
  [[nodiscard]] std::optional<rate> late_share() const;
  /// Which (convention, rounding) pairs reproduce a published on-time percentage, at the figure's own
  /// number of decimals (rate::matches), in the order of all_on_time_conventions (every convention)
  /// then all_roundings (every mode). For other scales (a figure printed "78 %" for 78,0) see
  /// cchc/flow_table_check.hpp.
  /// Empty when none does — the published figure is not explained by this table.
  [[nodiscard]] std::vector<convention_match> matching_conventions(const decimal& published_percent) const;
  /// Same, reading the figure from text: "97,55", "99,69%", "99,69 %" (vi style by default).
  /// Malformed text is a parse_error.
  [[nodiscard]] std::vector<convention_match> matching_conventions(std::string_view published,
                                                                   number_style style = number_style::vi) const;

  /// Tests the identities of the table. `path` locates this row in findings (e.g. a JSON path);
  /// each finding's `where.field` names the column at fault. Never throws on bad figures.
  ///
  /// Rules (ids are stable):
  ///  - flow.negative_count (error): a negative count.
  ///  - flow.received_identity (error): received = online + offline + carried over.
  ///  - flow.balance_identity (error): received = resolved + pending, or, where returned/withdrawn
  ///    is published, received = resolved + pending + returned/withdrawn; the finding says which
  ///    variant(s) fail. Where returned/withdrawn is published, either variant holding is accepted
  ///    (reports differ on whether returned dossiers are counted inside "resolved").
  ///  - flow.resolved_identity (error): resolved = early + on time + late.
  ///  - flow.in_time_identity (error): early + on time published both split and combined disagree.
  ///  - flow.pending_identity (error): pending = within deadline + overdue.
  ///  - flow.online_resolved_bound (error): online resolved > resolved.
  ///  - flow.apology_coverage (info): fewer apology slips than late dossiers, or more than late +
  ///    overdue dossiers.
  [[nodiscard]] std::vector<finding> check(const std::string& path = {}) const;

  /// The flow of the union of both sets of dossiers. A column absent in either is absent in the sum.
  /// Throws cchc::overflow_error (where().field = the column) if a column's sum does not fit in 64
  /// bits, in either direction: a merged table is never a wrapped one.
  friend CCHC_EXPORT dossier_flow operator+(const dossier_flow& a, const dossier_flow& b);
  dossier_flow& operator+=(const dossier_flow& other);

  friend CCHC_EXPORT bool operator==(const dossier_flow& a, const dossier_flow& b) noexcept;
  friend bool operator!=(const dossier_flow& a, const dossier_flow& b) noexcept { return !(a == b); }
};

/// Flows by a key (unit, procedure, field, level or channel): an ordered map, so output is stable.
using flow_table = std::map<std::string, dossier_flow>;

/// The sum of every row of a table (the empty flow for an empty table — every column absent).
[[nodiscard]] CCHC_EXPORT dossier_flow total(const flow_table& table);

/// Adds `other` into `into` row by row (rows present in only one side are copied).
CCHC_EXPORT void merge_into(flow_table& into, const flow_table& other);

}  // namespace cchc
