// cchc/bulk.hpp — columnar, multi-threaded classification of dossiers at a cut-off.
//
// `outcome_at` (dossier.hpp) judges one `dossier` record at a time. A province's one-stop-shop log
// holds millions of dossiers, and an analyst holds them as columns (NumPy arrays, a pandas frame, an
// Arrow table): received day, processing time, resolved day, unit. This header classifies such
// columns in place, without building a record per row and without allocating per row, at memory speed
// and on several threads — with exactly the same answer as the record-at-a-time API.
//
// Days are serial day numbers: `std::int32_t` days since 1970-01-01, the serial form of
// `date::sys_days` (and of NumPy's `datetime64[D]` viewed as int64 and narrowed). A dossier that is not
// resolved has the resolved day `cchc::not_resolved` (INT32_MIN).
//
// The rule (the same as `outcome_at` for a dossier counted in working days, without pauses):
//   receipt day = the received day if it is a working day, else the next working day;
//   due         = add_working_days(receipt day, processing days);
//   resolved on or before the cut-off:  early if resolved < due, on time if ==, late if >;
//   not resolved, or resolved after the cut-off: pending, within the deadline when cut-off <= due,
//   overdue otherwise.
// The codes written are those of `cchc::outcome` (stable): 0 early, 1 on time, 2 late, 3 pending
// within deadline, 4 pending overdue.
//
//     std::vector<std::int32_t> received = ..., resolved = ...;   // days since 1970-01-01
//     std::vector<std::int16_t> days = ...;                        // processing time, working days
//     std::vector<std::uint32_t> unit = ...;                       // 0 .. U-1
//     cchc::dossier_columns cols;
//     cols.received = received;  cols.processing_days = days;  cols.resolved = resolved;
//     cols.unit = unit;
//     const auto& cal = cchc::vietnam::civil_service_calendar();
//     std::vector<std::uint8_t> codes(received.size());
//     cchc::outcome_counts n = cchc::classify_and_count(cols, cutoff, cal, codes, {/*threads=*/0});
//     cchc::dossier_flow district = n.flow(0);                     // Biểu 06 row of unit 0
//
// Errors: columns of different lengths → argument_error naming the column; a negative processing time
// → argument_error naming the row; a received day (or a due date) outside the calendar's range →
// range_error naming the row; a resolved day before the received day → argument_error naming the
// row; a received day after the cut-off → argument_error naming the row; a unit id >= unit_count →
// range_error naming the row. The row named is always the first bad row, whatever the thread count.
// On error the output buffer holds unspecified codes.
//
// The calendar's own O(1) tables (work_calendar::index()) are used directly in the hot loop: nothing
// is prepared per call.
//
// Threads: `bulk_options::threads` (0 = std::thread::hardware_concurrency()). Rows are split into
// contiguous ranges; each thread counts into its own table and the tables are summed at the end.
// Counts are integers, so the result is identical for every thread count.
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "cchc/calendar.hpp"
#include "cchc/dossier.hpp"
#include "cchc/flow.hpp"

namespace cchc {

/// A serial day: days since 1970-01-01 (`date::sys_days{date::days{n}}`).
using day_number = std::int32_t;

/// The resolved day of a dossier that is not resolved (yet).
inline constexpr day_number not_resolved = std::numeric_limits<std::int32_t>::min();

/// A read-only view of a column: pointer + length (C++17 has no std::span). Views never own.
template <class T>
class column_view {
 public:
  constexpr column_view() noexcept = default;
  constexpr column_view(const T* data, std::size_t size) noexcept : data_(data), size_(size) {}
  template <class Alloc>
  column_view(const std::vector<T, Alloc>& v) noexcept : data_(v.data()), size_(v.size()) {}  // NOLINT

  [[nodiscard]] constexpr const T* data() const noexcept { return data_; }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] constexpr const T& operator[](std::size_t i) const noexcept { return data_[i]; }

 private:
  const T* data_ = nullptr;
  std::size_t size_ = 0;
};

/// A writable view of an output column.
template <class T>
class mutable_column_view {
 public:
  constexpr mutable_column_view() noexcept = default;
  constexpr mutable_column_view(T* data, std::size_t size) noexcept : data_(data), size_(size) {}
  template <class Alloc>
  mutable_column_view(std::vector<T, Alloc>& v) noexcept : data_(v.data()), size_(v.size()) {}  // NOLINT

  [[nodiscard]] constexpr T* data() const noexcept { return data_; }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }

 private:
  T* data_ = nullptr;
  std::size_t size_ = 0;
};

/// Processing times in working days, as 32-bit or 16-bit integers (whichever the caller holds).
class CCHC_EXPORT processing_days_column {
 public:
  constexpr processing_days_column() noexcept = default;
  constexpr processing_days_column(column_view<std::int32_t> v) noexcept  // NOLINT: lossless
      : data_(v.data()), size_(v.size()), narrow_(false) {}
  constexpr processing_days_column(column_view<std::int16_t> v) noexcept  // NOLINT: lossless
      : data_(v.data()), size_(v.size()), narrow_(true) {}
  template <class Alloc>
  processing_days_column(const std::vector<std::int32_t, Alloc>& v) noexcept  // NOLINT
      : processing_days_column(column_view<std::int32_t>(v)) {}
  template <class Alloc>
  processing_days_column(const std::vector<std::int16_t, Alloc>& v) noexcept  // NOLINT
      : processing_days_column(column_view<std::int16_t>(v)) {}

  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  [[nodiscard]] constexpr bool narrow() const noexcept { return narrow_; }
  [[nodiscard]] const std::int32_t* wide_data() const noexcept {
    return narrow_ ? nullptr : static_cast<const std::int32_t*>(data_);
  }
  [[nodiscard]] const std::int16_t* narrow_data() const noexcept {
    return narrow_ ? static_cast<const std::int16_t*>(data_) : nullptr;
  }
  /// Row i widened to 32 bits.
  [[nodiscard]] std::int32_t operator[](std::size_t i) const noexcept {
    return narrow_ ? static_cast<const std::int16_t*>(data_)[i]
                   : static_cast<const std::int32_t*>(data_)[i];
  }

 private:
  const void* data_ = nullptr;
  std::size_t size_ = 0;
  bool narrow_ = false;
};

/// The input columns. `received`, `processing_days` and `resolved` are required and of equal length;
/// `unit` (dense ids 0..U-1) and `online` (0 = in person or by post, 1 = online) are optional (empty =
/// every row in unit 0 / channel unknown).
struct CCHC_EXPORT dossier_columns {
  column_view<day_number> received;          ///< day the dossier was received
  processing_days_column processing_days;    ///< processing time in working days (>= 0)
  column_view<day_number> resolved;          ///< day it was resolved, or `not_resolved`
  column_view<std::uint32_t> unit;           ///< optional unit id per row
  column_view<std::uint8_t> online;          ///< optional channel flag per row (0 or 1)
};

/// Options of a bulk call.
struct CCHC_EXPORT bulk_options {
  /// Worker threads; 0 = std::thread::hardware_concurrency(). An upper bound: small inputs use fewer
  /// (about one thread per 64 Ki rows), and results never depend on it.
  unsigned threads = 1;
  /// Units in the count table; rows with unit >= unit_count are a range_error. 0 = as many as the
  /// largest unit id present + 1 (1 without a unit column), ids limited to < 2^20 (1 048 576).
  /// At most 2^24 (argument_error beyond): the count tables are dense.
  std::uint32_t unit_count = 0;
};

/// Counts per unit × channel × outcome code (0..4): the mergeable partial result of a bulk call.
/// `flow(u)` turns a unit's counts into its Biểu 06 row.
class CCHC_EXPORT outcome_counts {
 public:
  static constexpr unsigned codes = 5;  ///< outcome codes 0..4

  outcome_counts() = default;
  /// All-zero counts for `units` units.
  explicit outcome_counts(std::uint32_t units);

  [[nodiscard]] std::uint32_t unit_count() const noexcept { return units_; }
  /// Whether the rows carried a channel column (otherwise online figures are unknown).
  [[nodiscard]] bool has_channel() const noexcept { return has_channel_; }

  /// Dossiers of `unit` with outcome `o` (both channels).
  [[nodiscard]] std::int64_t count(std::uint32_t unit, outcome o) const;
  /// Dossiers of `unit` received online with outcome `o` (0 without a channel column).
  [[nodiscard]] std::int64_t online(std::uint32_t unit, outcome o) const;
  /// Dossiers with outcome `o`, all units.
  [[nodiscard]] std::int64_t total(outcome o) const;
  /// Dossiers of `unit`, all outcomes.
  [[nodiscard]] std::int64_t received(std::uint32_t unit) const;

  /// The unit's flow row: received, early, on time, in time, late, resolved, pending (within, overdue)
  /// and, with a channel column, online / offline and online resolved; carried over is 0 (every row
  /// is counted as received in the period). Throws range_error for an unknown unit.
  [[nodiscard]] dossier_flow flow(std::uint32_t unit) const;
  /// The flow of every unit together.
  [[nodiscard]] dossier_flow total_flow() const;

  /// Adds other's counts (the unit count grows to the larger; the channel is known only when it is
  /// known on both sides, unless one side is empty).
  outcome_counts& operator+=(const outcome_counts& other);
  friend outcome_counts operator+(outcome_counts a, const outcome_counts& b) { return a += b; }
  friend CCHC_EXPORT bool operator==(const outcome_counts& a, const outcome_counts& b) noexcept;
  friend bool operator!=(const outcome_counts& a, const outcome_counts& b) noexcept { return !(a == b); }

  /// Raw layout (for bindings): index (unit * 2 + online) * 5 + code.
  [[nodiscard]] const std::vector<std::int64_t>& raw() const& noexcept { return counts_; }
  const std::vector<std::int64_t>& raw() const&& = delete;  // a reference into a temporary would dangle

 private:
  friend struct bulk_access;
  std::uint32_t units_ = 0;
  bool has_channel_ = false;
  bool empty_ = true;  // no call contributed yet: the neutral element of +
  std::vector<std::int64_t> counts_;
};

/// Writes the outcome code of every row into `out` (same length as the columns).
CCHC_EXPORT void classify_columns(const dossier_columns& columns, day_number cutoff, const work_calendar& calendar,
                      mutable_column_view<std::uint8_t> out, const bulk_options& options = {});

/// Counts the outcomes per unit (and channel) without writing codes.
[[nodiscard]] CCHC_EXPORT outcome_counts count_outcomes(const dossier_columns& columns, day_number cutoff,
                                            const work_calendar& calendar,
                                            const bulk_options& options = {});

/// Both at once: writes the codes into `out` and returns the counts (one pass over the data).
[[nodiscard]] CCHC_EXPORT outcome_counts classify_and_count(const dossier_columns& columns, day_number cutoff,
                                                const work_calendar& calendar,
                                                mutable_column_view<std::uint8_t> out,
                                                const bulk_options& options = {});

}  // namespace cchc
