// bindings/casters.hpp — conversions between cchc's value types and Python's.
//
// Dates: pybind11's chrono casters go through time_t and the local time zone, which moves a civil
// date by a day east or west of UTC. A cchc date is a civil date, so the casters here use
// datetime.date.toordinal()/fromordinal() (no time zone anywhere) and, for NumPy, the int64 payload of
// datetime64[D] (days since 1970-01-01, exactly date::sys_days's count).
//
// Decimals: decimal.Decimal.as_tuple() ↔ cchc::decimal::to_parts()/from_parts(): sign, digit string and
// exponent, so nothing passes through binary floating point and the scale survives ("1.50" stays 1.50).
// A float argument is a TypeError that says why: binary floating point cannot represent most decimal
// amounts (0.1 is 0.1000000000000000055511151231257827…), so money would be wrong before we see it.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <limits>
#include <string>

#include <date/date.h>

#if __has_include("cchc/decimal.hpp")
#include "cchc/decimal.hpp"
#define CCHC_PY_HAVE_DECIMAL 1
#endif
#if __has_include("cchc/number_format.hpp")
#include "cchc/number_format.hpp"
#endif

namespace cchc::py_detail {

namespace py = pybind11;

/// datetime.date(1970, 1, 1).toordinal(): converts proleptic-Gregorian ordinals to Unix day numbers.
inline constexpr long long unix_epoch_ordinal = 719163;

/// NumPy's NaT: the most negative int64.
inline constexpr std::int64_t nat = std::numeric_limits<std::int64_t>::min();

// Cached Python objects are deliberately leaked: a static py::object would be destroyed after the
// interpreter has finalized, which crashes at exit.
inline py::module_& datetime_module() {
  static auto* m = new py::module_(py::module_::import("datetime"));
  return *m;
}
inline py::object& date_type() {
  static auto* t = new py::object(datetime_module().attr("date"));
  return *t;
}
inline py::object& datetime_type() {
  static auto* t = new py::object(datetime_module().attr("datetime"));
  return *t;
}
inline py::object& numpy_datetime64_type() {
  static auto* t = new py::object(py::module_::import("numpy").attr("datetime64"));
  return *t;
}
inline py::dtype day_dtype() { return py::dtype("M8[D]"); }

/// True when `dt` is datetime64[D] (what NumPy gives for np.array([...], "datetime64[D]")).
inline bool is_day_dtype(const py::dtype& dt) {
  if (dt.kind() != 'M') return false;
  return dt.attr("__eq__")(day_dtype()).cast<bool>();
}

/// A Python date-like scalar → days since 1970-01-01: datetime.date, datetime.datetime and
/// pandas.Timestamp at 00:00 (tz-aware ones at 00:00 Vietnamese civil time), numpy.datetime64 of any
/// unit that is a whole day. A time of day is refused (TypeError for a datetime, ValueError for a
/// datetime64: dropping a time silently is how dossiers change day), NaT too (ValueError). Returns
/// false when `h` is not a date at all. Defined in src/py_convert.cpp, the one conversion layer.
bool load_day_number(py::handle h, std::int64_t& out, const char* what = "date");

inline py::object make_date(std::int64_t days) {
  const long long ordinal = static_cast<long long>(days) + unix_epoch_ordinal;
  if (ordinal < 1 || ordinal > 3652059) {  // datetime.date covers years 1..9999
    throw py::value_error("date out of datetime.date's range (years 1-9999): day number " +
                          std::to_string(days));
  }
  return date_type().attr("fromordinal")(ordinal);
}

#ifdef CCHC_PY_HAVE_DECIMAL
inline py::object& decimal_type() {
  static auto* t = new py::object(py::module_::import("decimal").attr("Decimal"));
  return *t;
}

[[noreturn]] inline void float_is_not_money(const char* what) {
  throw py::type_error(std::string(what) +
                       ": float is not accepted: binary floating point cannot represent most decimal "
                       "amounts exactly (0.1 is stored as 0.1000000000000000055511151231257827...). "
                       "Pass a decimal.Decimal, an int or a str such as \"1340.5\"");
}

/// Decimal, int or str → cchc::decimal. `style` applies to str input ("1.340,5" with vi).
/// Raises TypeError naming `what` for anything else (float in particular).
inline cchc::decimal to_decimal(py::handle h, const char* what = "value",
                                cchc::number_style style = cchc::number_style::plain) {
  if (PyBool_Check(h.ptr())) {
    throw py::type_error(std::string(what) + ": expected a Decimal, int or str, got bool");
  }
  if (PyFloat_Check(h.ptr())) float_is_not_money(what);
  if (py::isinstance(h, decimal_type())) {
    py::tuple t = h.attr("as_tuple")();
    py::object exponent = t[2];
    if (!PyLong_Check(exponent.ptr())) {  // 'n', 'N' (NaN) or 'F' (Infinity)
      throw py::value_error(std::string(what) + ": expected a finite number, got Decimal('" +
                            py::str(h).cast<std::string>() + "')");
    }
    cchc::decimal_parts parts;
    parts.negative = t[0].cast<int>() != 0;
    for (py::handle digit : py::tuple(t[1])) parts.digits += static_cast<char>('0' + digit.cast<int>());
    parts.exponent = exponent.cast<int>();
    return cchc::decimal::from_parts(parts);
  }
  if (PyLong_Check(h.ptr())) {
    cchc::decimal_parts parts;
    std::string text = py::str(h).cast<std::string>();
    parts.negative = !text.empty() && text[0] == '-';
    parts.digits = parts.negative ? text.substr(1) : text;
    parts.exponent = 0;
    return cchc::decimal::from_parts(parts);
  }
  if (PyUnicode_Check(h.ptr())) return cchc::decimal::parse(h.cast<std::string>(), style);
  // NumPy integer scalars (numpy.int64 from a DataFrame cell or a nullable Int64 column) are ints.
  static auto* numpy_integer = new py::object(py::module_::import("numpy").attr("integer"));
  if (py::isinstance(h, *numpy_integer)) {
    return to_decimal(py::reinterpret_steal<py::object>(PyNumber_Index(h.ptr())), what, style);
  }
  if (py::str(py::type::of(h).attr("__name__")).cast<std::string>() == "NAType") {
    throw py::value_error(std::string(what) + ": expected a number, got pd.NA (a missing value is not zero)");
  }
  throw py::type_error(std::string(what) + ": expected a Decimal, int or str, got " +
                       py::str(py::type::of(h).attr("__name__")).cast<std::string>());
}

inline py::object from_decimal(const cchc::decimal& d) {
  const cchc::decimal_parts parts = d.to_parts();
  py::tuple digits(parts.digits.size());
  for (std::size_t i = 0; i < parts.digits.size(); ++i) digits[i] = py::int_(parts.digits[i] - '0');
  return decimal_type()(py::make_tuple(parts.negative ? 1 : 0, digits, parts.exponent));
}
#endif

}  // namespace cchc::py_detail

namespace pybind11::detail {

/// date::sys_days ↔ datetime.date (and numpy.datetime64 scalars on input).
template <>
struct type_caster<date::sys_days> {
  PYBIND11_TYPE_CASTER(date::sys_days, const_name("datetime.date"));

  bool load(handle src, bool) {
    std::int64_t days = 0;
    if (!cchc::py_detail::load_day_number(src, days)) return false;
    value = date::sys_days(date::days(days));
    return true;
  }
  static handle cast(const date::sys_days& d, return_value_policy, handle) {
    return cchc::py_detail::make_date(d.time_since_epoch().count()).release();
  }
};

/// date::year_month_day goes through sys_days (the one documented conversion between the two forms).
template <>
struct type_caster<date::year_month_day> {
  PYBIND11_TYPE_CASTER(date::year_month_day, const_name("datetime.date"));

  bool load(handle src, bool convert) {
    type_caster<date::sys_days> inner;
    if (!inner.load(src, convert)) return false;
    value = date::year_month_day(static_cast<date::sys_days>(inner));
    return true;
  }
  static handle cast(const date::year_month_day& d, return_value_policy p, handle parent) {
    if (!d.ok()) throw value_error("invalid civil date");
    return type_caster<date::sys_days>::cast(date::sys_days(d), p, parent);
  }
};

#ifdef CCHC_PY_HAVE_DECIMAL
/// cchc::decimal ↔ decimal.Decimal (int and str accepted on input; float is a TypeError).
template <>
struct type_caster<cchc::decimal> {
  PYBIND11_TYPE_CASTER(cchc::decimal, const_name("decimal.Decimal"));

  bool load(handle src, bool) {
    value = cchc::py_detail::to_decimal(src);
    return true;
  }
  static handle cast(const cchc::decimal& d, return_value_policy, handle) {
    return cchc::py_detail::from_decimal(d).release();
  }
};
#endif

}  // namespace pybind11::detail
