// bindings/src/py_convert.hpp — the one conversion layer for what Python callers pass (private).
//
// Analysts hand cchc what pandas and NumPy hand them, so every binding reads dates, date-times and
// counts through here, and they are accepted in every form they come in:
//
//   dates        datetime.date; datetime.datetime and pandas.Timestamp at 00:00 (a time of day is
//                refused: dropping it silently is how dossiers change day); numpy.datetime64 of any
//                unit ([ns] is pandas' default, [us], [s], [m], [h], [D], [W], [M], [Y], with a
//                multiplier such as [15m]) that is a whole day; as scalars, ndarrays (any shape),
//                pandas Series and DatetimeIndex, lists, and object arrays of the scalars.
//   date-times   the same forms, to the minute: seconds and their fractions are dropped (the civil
//                minute the time falls in, as the dossier-log reader does). A datetime.date is
//                00:00 of its day. Naive values *are* Vietnamese civil time; tz-aware ones (a
//                datetime with tzinfo, a Series of datetime64[ns, tz]) name instants and are
//                converted to civil time at UTC+7 (fixed: Vietnam has had no other offset since 1975).
//   counts       int and NumPy integer scalars; integer arrays and Series; nullable Int64/UInt8/...
//                Series (pd.NA is missing); float arrays and Series only when every value is whole
//                (pandas turns an integer column with a gap into float64 with NaN): 1.0 is 1, NaN is
//                missing, 1.5 is an error. A bare float is a TypeError (a count is not a float).
//   missing      NaT (numpy and pandas), pd.NA, and None inside an object column. A converter
//                returns them as missing (nat for days and minutes, a mask for counts); the binding
//                decides whether missing makes sense (working_days_between returns NA for that row)
//                or is an error (require_present names the position).
//
// The result's shape follows the input: a scalar gives a scalar, an ndarray an ndarray of the same
// shape, a Series a Series with the same index and name, an Index an Index. `broadcast` combines
// several arguments (two Series must carry the same index: cchc never realigns silently).
//
// Errors name the argument or column and *where* once — the index label for a Series ("received at
// index 'HS-17': ..."), the position for an ndarray ("day at position 3: ...") — and show dates as
// dates. raise_at() turns a cchc::error thrown for one row into the Python exception of its class
// with that prefix (bind_errors.cpp maps the classes).
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "casters.hpp"
#include "cchc/error.hpp"
#include "cchc/period.hpp"

namespace cchc::py_detail {

namespace py = pybind11;

/// Missing minutes (NaT): the most negative int64, as NumPy's NaT.
inline constexpr std::int64_t missing_minutes = std::numeric_limits<std::int64_t>::min();

// ---- Buffers -----------------------------------------------------------------------------------

/// A flat run of values the converters fill and the results hand back: owned by a NumPy array (NumPy
/// asks the kernel for huge pages on large arrays, so first touch of tens of megabytes is several
/// times cheaper than a std::vector's 4 KiB page faults — measured in bind_bulk.cpp, and here: 2M
/// days went from 120 to ~10 ns a value) or borrowed from the caller's array (a contiguous
/// datetime64[D] column is read in place). Indexing needs no GIL; creating, copying and destroying a
/// buffer do (they hold a Python reference).
template <class T>
class buffer {
 public:
  buffer() = default;
  buffer(std::size_t n, T fill) : owner_(static_cast<py::ssize_t>(n)), size_(n) {
    data_ = owner_.mutable_data();
    std::fill(data_, data_ + n, fill);
  }
  /// Values read in place from `keep`'s memory (read-only use).
  static buffer borrow(py::object keep, const T* data, std::size_t n) {
    buffer b;
    b.keep_ = std::move(keep);
    b.data_ = const_cast<T*>(data);  // never written through: borrowed buffers are inputs
    b.size_ = n;
    return b;
  }
  T& operator[](std::size_t i) noexcept { return data_[i]; }
  const T& operator[](std::size_t i) const noexcept { return data_[i]; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] const T* data() const noexcept { return data_; }
  /// The values as a 1-D NumPy array: the owner itself (no copy) or a copy of borrowed values.
  [[nodiscard]] py::array_t<T> array() const {
    if (!keep_) return owner_;
    py::array_t<T> copy(static_cast<py::ssize_t>(size_));
    if (size_ > 0) std::copy(data_, data_ + size_, copy.mutable_data());
    return copy;
  }

 private:
  py::object keep_;
  py::array_t<T> owner_{0};
  T* data_ = nullptr;
  std::size_t size_ = 0;
};

// ---- Shapes ------------------------------------------------------------------------------------

enum class input_shape : unsigned char { scalar, array, series, index };

/// Where the values of an argument came from: enough to give the result the same shape and to name
/// a row in an error.
struct column_meta {
  input_shape shape = input_shape::scalar;
  std::vector<py::ssize_t> dims;  ///< ndarray shape (scalar: empty; Series and Index: {n})
  py::object index;               ///< the pandas Index of a Series or the Index itself, else None
  py::object name;                ///< the Series' or Index's name, else None
  std::string column;             ///< the argument or column name used in errors

  [[nodiscard]] std::size_t size() const;
  [[nodiscard]] bool is_scalar() const noexcept { return shape == input_shape::scalar; }
  /// The label of row `i` for a message: the index label (Series/Index) or the position.
  [[nodiscard]] py::object label(std::size_t i) const;
  /// "received at index 'HS-17'", "day at position 3" or "day" (a scalar).
  [[nodiscard]] std::string where(std::size_t i) const;
};

/// True for a pandas Series / pandas Index (without importing pandas when the caller did not).
bool is_pandas_series(py::handle h);
bool is_pandas_index(py::handle h);

/// The shape of the result of an operation over several arguments: the first non-scalar one; the
/// others must be scalars or have as many values (ValueError naming the argument), and Series or
/// Index arguments must share the same index (ValueError: align them first).
column_meta broadcast(std::initializer_list<const column_meta*> args);

// ---- Converters --------------------------------------------------------------------------------

/// Day numbers (days since 1970-01-01; `nat` for missing) of a date argument, flattened in C order.
struct day_column {
  column_meta meta;
  buffer<std::int64_t> days;
  [[nodiscard]] std::int64_t at(std::size_t i) const { return meta.is_scalar() ? days[0] : days[i]; }
};
day_column read_days(py::handle h, const char* column);

/// Civil minutes since 1970-01-01 00:00 (cchc::date_time's count; missing_minutes for missing) of a
/// date-time argument. A value "has a time" when it is not exactly 00:00 (a datetime.date, a
/// datetime64[D] or a date read by pandas is 00:00): NumPy and pandas cannot tell a recorded 00:00
/// from a date, and a deadline at 00:00 would end before its day starts.
struct minute_column {
  column_meta meta;
  buffer<std::int64_t> minutes;
  [[nodiscard]] std::int64_t at(std::size_t i) const { return meta.is_scalar() ? minutes[0] : minutes[i]; }
  [[nodiscard]] bool timed(std::size_t i) const {
    const std::int64_t m = at(i);
    return m != missing_minutes && ((m % 1440) + 1440) % 1440 != 0;
  }
};
minute_column read_minutes(py::handle h, const char* column);

/// Integer counts with a missing mask (pd.NA, NaN in a float column, None in an object column).
struct count_column {
  column_meta meta;
  buffer<std::int64_t> values;    ///< 0 where missing
  buffer<std::uint8_t> missing;   ///< 1 where missing
  [[nodiscard]] std::int64_t at(std::size_t i) const { return meta.is_scalar() ? values[0] : values[i]; }
  [[nodiscard]] bool absent(std::size_t i) const { return (meta.is_scalar() ? missing[0] : missing[i]) != 0; }
};
count_column read_counts(py::handle h, const char* column);

/// The same counts narrowed to int32 (ArgumentError naming the row when one does not fit): what the
/// columnar kernels take.
struct int32_column {
  column_meta meta;
  std::vector<std::int32_t> values;    ///< 0 where missing
  std::vector<std::uint8_t> missing;   ///< 1 where missing
};
int32_column read_int32_counts(py::handle h, const char* column);

/// Text values (a unit name per row, ...): str, or an array/Series of str with None/NA/NaN missing.
struct text_column {
  column_meta meta;
  std::vector<std::string> values;
  std::vector<std::uint8_t> missing;
  [[nodiscard]] const std::string& at(std::size_t i) const { return meta.is_scalar() ? values[0] : values[i]; }
  [[nodiscard]] bool absent(std::size_t i) const { return (meta.is_scalar() ? missing[0] : missing[i]) != 0; }
};
text_column read_texts(py::handle h, const char* column);

/// A scalar meta (for an optional argument left out): broadcast ignores it.
column_meta scalar_meta(const char* column);

/// For the dossier bindings: a Series/array of date-times as civil minutes since 1970-01-01 with
/// INT64_MIN for NaT (read_minutes' values), and the meta to name rows.
std::vector<std::int64_t> minutes_of(py::handle h, const char* column, column_meta* meta = nullptr);

/// ValueError "<where>: <what> is missing (NaT); ..." for the first missing value, when missing
/// makes no sense for this argument.
void require_present(const day_column& c, const char* why);
void require_present(const minute_column& c, const char* why);
void require_present(const count_column& c, const char* why);

/// A scalar date (nullopt for NaT / pd.NA); TypeError naming `what` for a non-date.
std::optional<std::int64_t> day_scalar_or_missing(py::handle h, const char* what);

/// A receipt cut-off or other time of day: datetime.time or "HH:MM" text → minutes since 00:00.
std::chrono::minutes time_of_day_arg(py::handle h, const char* what);

/// A reporting period argument: a cchc.Period, a text period.parse reads ("annual:2023"), or a
/// (first, last) tuple of dates (defined in bind_calendar.cpp, next to cchc.Period).
cchc::period period_arg(py::handle h, const char* what);

// ---- Results -----------------------------------------------------------------------------------

/// Dates in the input's shape: datetime.date or NaT (scalar), datetime64[D] ndarray, datetime64[ns]
/// Series / DatetimeIndex.
py::object dates_result(const column_meta& meta, const buffer<std::int64_t>& days);
/// Date-times (civil minutes) in the input's shape: datetime.datetime or NaT, datetime64[m]
/// ndarray, datetime64[ns] Series / DatetimeIndex.
py::object date_times_result(const column_meta& meta, const buffer<std::int64_t>& minutes);
/// Integers with missing values: int or pd.NA (scalar), int64 ndarray (missing → ValueError naming
/// the position: an ndarray cannot hold NA), nullable Int64 Series.
py::object counts_result(const column_meta& meta, const buffer<std::int64_t>& values,
                         const buffer<std::uint8_t>& missing, const char* why_missing);
/// Booleans with missing values, like counts_result (nullable "boolean" Series).
py::object bools_result(const column_meta& meta, const buffer<std::uint8_t>& values,
                        const buffer<std::uint8_t>& missing, const char* why_missing);

// ---- Errors ------------------------------------------------------------------------------------

/// Raises the Python exception of `e`'s class (cchc.ParseError, RangeError, ...) with the message
/// "<column> at index <label>: <detail>" — the row named once, by its label — and the attributes
/// field = column, index = label. Never returns (throws py::error_already_set).
[[noreturn]] void raise_at(const cchc::error& e, std::string_view column, py::handle index_label);
/// raise_at for row `i` of `meta`: the index label of a Series, "at position i" for an ndarray,
/// nothing for a scalar.
[[noreturn]] void raise_at(const cchc::error& e, const column_meta& meta, std::size_t i);
/// What both raise_at forms do (bind_errors.cpp): the message "<prefix>: <detail>" (a file and line
/// of `e`, if any, first), attributes field = column and index = label.
[[noreturn]] void raise_with_prefix(const cchc::error& e, const std::string& prefix, const std::string& column,
                                    py::handle index_label);

/// The text of a date / date-time for messages: 2023-03-02, 2023-03-02 08:15.
std::string day_text(std::int64_t day);
std::string minute_text(std::int64_t minutes);

}  // namespace cchc::py_detail
