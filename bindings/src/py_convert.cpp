// The one conversion layer for Python inputs (see py_convert.hpp for what is accepted and why).
#include "py_convert.hpp"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace cchc::py_detail {
namespace {

constexpr std::int64_t minutes_per_day = 1440;
/// UTC+7: Vietnamese civil time is a fixed offset from UTC since 1975 (cchc/civil_time.hpp).
constexpr std::int64_t vietnam_offset_minutes = 7 * 60;

py::object& numpy_module() {
  static auto* m = new py::object(py::module_::import("numpy"));
  return *m;
}

/// pandas, when the caller has imported it (a Series can only come from an imported pandas).
py::object pandas_if_loaded() {
  py::dict modules = py::module_::import("sys").attr("modules");
  if (!modules.contains("pandas")) return py::none();
  return modules["pandas"];
}

py::object pandas_module() {
  static auto* m = new py::object(py::module_::import("pandas"));
  return *m;
}

std::string type_name(py::handle h) { return py::str(py::type::of(h).attr("__name__")).cast<std::string>(); }

bool type_named(py::handle h, const char* name) { return type_name(h) == name; }

/// pd.NaT, np.datetime64('NaT'), pd.NA.
bool is_missing_scalar(py::handle h) {
  if (type_named(h, "NaTType") || type_named(h, "NAType")) return true;
  if (py::isinstance(h, numpy_datetime64_type())) return numpy_module().attr("isnat")(h).cast<bool>();
  return false;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

std::int64_t floor_mod(std::int64_t a, std::int64_t b) { return a - floor_div(a, b) * b; }

/// A datetime64 unit as minutes = floor(value * mul / div).
struct dt_unit {
  std::int64_t mul = 1;
  std::int64_t div = 1;
  bool calendar_unit = false;  // Y or M: converted to days by NumPy first
};

dt_unit unit_of(const py::dtype& dt, const std::string& column) {
  py::tuple data = numpy_module().attr("datetime_data")(dt);
  const std::string unit = data[0].cast<std::string>();
  const std::int64_t count = data[1].cast<std::int64_t>();
  dt_unit u;
  if (unit == "Y" || unit == "M") {
    u.calendar_unit = true;
    return u;
  }
  if (unit == "W") u.mul = 7 * minutes_per_day;
  else if (unit == "D") u.mul = minutes_per_day;
  else if (unit == "h") u.mul = 60;
  else if (unit == "m") u.mul = 1;
  else if (unit == "s") u.div = 60;
  else if (unit == "ms") u.div = 60'000;
  else if (unit == "us") u.div = 60'000'000;
  else if (unit == "ns") u.div = 60'000'000'000LL;
  else if (unit == "generic") {
    throw py::type_error(column + ": expected dates, got a datetime64 without a unit");
  } else {
    throw py::type_error(column + ": expected dates, got datetime64[" + unit +
                         "]: a unit that fine cannot hold civil dates (use [ns] or coarser)");
  }
  if (__builtin_mul_overflow(u.mul, count, &u.mul)) throw py::type_error(column + ": datetime64 multiplier too large");
  return u;
}

/// What a datetime64 value is, in the value's own terms (for messages: dates as dates).
std::string dt64_text(std::int64_t raw, const py::dtype& dt) {
  py::object scalar = numpy_module().attr("array")(raw).attr("view")(dt)[py::tuple()];
  return py::str(scalar).cast<std::string>();
}

// Conversion outcome of one value.
enum class got { value, missing, out_of_range, not_whole_day };

/// A datetime64 payload → civil minutes (floor: the minute the time falls in).
got dt64_minutes(std::int64_t raw, const dt_unit& u, std::int64_t& minutes) {
  if (raw == nat) return got::missing;
  std::int64_t scaled = 0;
  if (__builtin_mul_overflow(raw, u.mul, &scaled)) return got::out_of_range;
  minutes = floor_div(scaled, u.div);
  // Keep to what datetime.date can show and then some (years 1..9999).
  if (minutes < -719162LL * minutes_per_day || minutes > 2932896LL * minutes_per_day) return got::out_of_range;
  return got::value;
}

got dt64_day(std::int64_t raw, const dt_unit& u, std::int64_t& day) {
  if (raw == nat) return got::missing;
  std::int64_t scaled = 0;
  if (__builtin_mul_overflow(raw, u.mul, &scaled)) return got::out_of_range;
  const std::int64_t per_day = minutes_per_day * u.div;  // ticks of `scaled` per day
  if (floor_mod(scaled, per_day) != 0) return got::not_whole_day;
  day = floor_div(scaled, per_day);
  if (day < -719162LL || day > 2932896LL) return got::out_of_range;
  return got::value;
}

/// A datetime.datetime (or pandas.Timestamp): tz-aware → Vietnamese civil time (UTC+7).
py::object civil_datetime(py::handle h) {
  if (h.attr("tzinfo").is_none()) return py::reinterpret_borrow<py::object>(h);
  static auto* vn = new py::object(
      datetime_module().attr("timezone")(datetime_module().attr("timedelta")(py::arg("hours") = 7)));
  return h.attr("astimezone")(*vn).attr("replace")(py::arg("tzinfo") = py::none());
}

struct scalar_time {
  std::int64_t day = 0;
  std::int64_t minute_of_day = 0;
  bool sub_minute = false;  // seconds or fractions (dropped)
  bool is_datetime = false;
};

/// datetime.date / datetime.datetime / pandas.Timestamp → civil day and minute. False when `h` is
/// none of them.
bool python_datetime(py::handle h, scalar_time& out) {
  if (py::isinstance(h, datetime_type())) {
    py::object c = civil_datetime(h);
    out.is_datetime = true;
    out.day = c.attr("toordinal")().cast<long long>() - unix_epoch_ordinal;
    out.minute_of_day = c.attr("hour").cast<int>() * 60 + c.attr("minute").cast<int>();
    out.sub_minute = c.attr("second").cast<int>() != 0 || c.attr("microsecond").cast<int>() != 0 ||
                     (py::hasattr(c, "nanosecond") && c.attr("nanosecond").cast<int>() != 0);
    return true;
  }
  if (py::isinstance(h, date_type())) {
    out.day = h.attr("toordinal")().cast<long long>() - unix_epoch_ordinal;
    return true;
  }
  return false;
}

[[noreturn]] void raise_value(const column_meta& meta, std::size_t i, const std::string& what) {
  raise_at(cchc::argument_error(what), meta, i);
}

[[noreturn]] void raise_type(const column_meta& meta, std::size_t i, const std::string& what) {
  throw py::type_error(meta.where(i) + ": " + what);
}

std::string shown(py::handle h) {
  std::string r = py::repr(h).cast<std::string>();
  if (r.size() > 60) r = r.substr(0, 57) + "...";
  return r;
}

/// One date element (scalar argument or object-array item) → day number or nat.
std::int64_t day_element(py::handle h, const column_meta& meta, std::size_t i, bool in_array) {
  if (is_missing_scalar(h)) return nat;
  if (in_array && (h.is_none() || (PyFloat_Check(h.ptr()) && std::isnan(h.cast<double>())))) return nat;
  scalar_time t;
  if (python_datetime(h, t)) {
    if (t.minute_of_day != 0 || t.sub_minute) {
      // A datetime.datetime with a time of day is a TypeError, as it always was: say which civil
      // day is meant (.date(), or Series.dt.normalize()).
      raise_type(meta, i, "expected a date, got a " + type_name(h) + " with a time of day (" + shown(h) +
                              "); pass .date() (or .dt.normalize() for a Series) to say which civil day is meant");
    }
    return t.day;
  }
  if (py::isinstance(h, numpy_datetime64_type())) {
    py::dtype dt = py::reinterpret_borrow<py::object>(h).attr("dtype");
    dt_unit u = unit_of(dt, meta.where(i));
    py::object v = py::reinterpret_borrow<py::object>(h);
    if (u.calendar_unit) {
      v = v.attr("astype")("M8[D]");
      u = dt_unit{minutes_per_day, 1, false};
    }
    const std::int64_t raw = v.attr("astype")("int64").cast<std::int64_t>();
    std::int64_t day = 0;
    switch (dt64_day(raw, u, day)) {
      case got::value: return day;
      case got::missing: return nat;
      case got::not_whole_day:
        raise_value(meta, i, "expected a whole day, got numpy.datetime64('" + py::str(h).cast<std::string>() + "')");
      case got::out_of_range:
        raise_value(meta, i, "numpy.datetime64('" + py::str(h).cast<std::string>() + "') is outside the supported dates");
    }
  }
  raise_type(meta, i, "expected a date (datetime.date, pandas.Timestamp or numpy.datetime64), got " + type_name(h) +
                          " " + shown(h));
}

std::int64_t minute_element(py::handle h, const column_meta& meta, std::size_t i, bool in_array) {
  if (is_missing_scalar(h)) return missing_minutes;
  if (in_array && (h.is_none() || (PyFloat_Check(h.ptr()) && std::isnan(h.cast<double>())))) return missing_minutes;
  scalar_time t;
  if (python_datetime(h, t)) return t.day * minutes_per_day + t.minute_of_day;
  if (py::isinstance(h, numpy_datetime64_type())) {
    py::dtype dt = py::reinterpret_borrow<py::object>(h).attr("dtype");
    dt_unit u = unit_of(dt, meta.where(i));
    py::object v = py::reinterpret_borrow<py::object>(h);
    if (u.calendar_unit) {
      v = v.attr("astype")("M8[D]");
      u = dt_unit{minutes_per_day, 1, false};
    }
    std::int64_t m = 0;
    switch (dt64_minutes(v.attr("astype")("int64").cast<std::int64_t>(), u, m)) {
      case got::value: return m;
      case got::missing: return missing_minutes;
      default:
        raise_value(meta, i, "numpy.datetime64('" + py::str(h).cast<std::string>() + "') is outside the supported dates");
    }
  }
  raise_type(meta, i, "expected a date or date-time (datetime.datetime, datetime.date, pandas.Timestamp or "
                      "numpy.datetime64), got " + type_name(h) + " " + shown(h));
}

/// One count element; false when missing.
bool count_element(py::handle h, const column_meta& meta, std::size_t i, bool in_array, std::int64_t& out) {
  if (type_named(h, "NAType")) return false;
  if (PyBool_Check(h.ptr()) || type_named(h, "bool_")) raise_type(meta, i, "expected an int count, got bool");
  if (PyFloat_Check(h.ptr())) {
    const double v = h.cast<double>();
    if (!in_array) {
      raise_type(meta, i, "expected an int count, got float " + shown(h) +
                              " (a count is not a float; whole floats are accepted only in a float column, "
                              "which pandas makes of an integer column with missing values)");
    }
    if (std::isnan(v)) return false;
    if (v != std::floor(v) || !(std::fabs(v) < 9.2e18)) {
      raise_value(meta, i, "expected a whole number, found " + py::str(h).cast<std::string>());
    }
    out = static_cast<std::int64_t>(v);
    return true;
  }
  if (in_array && h.is_none()) return false;
  if (PyLong_Check(h.ptr()) || py::isinstance(h, numpy_module().attr("integer"))) {
    int overflow = 0;
    py::object as_int = py::reinterpret_steal<py::object>(PyNumber_Index(h.ptr()));
    if (!as_int) throw py::error_already_set();
    const long long v = PyLong_AsLongLongAndOverflow(as_int.ptr(), &overflow);
    if (overflow != 0) raise_value(meta, i, "the count " + py::str(h).cast<std::string>() + " does not fit in 64 bits");
    out = v;
    return true;
  }
  raise_type(meta, i, "expected an int count, got " + type_name(h) + " " + shown(h));
}

/// An argument's values ready to read: an ndarray (C order) and how its datetimes are to be taken.
struct prepared {
  column_meta meta;
  py::array values;         // 1 element for a scalar... unused for scalars
  py::object scalar;        // the scalar itself
  py::array mask;           // bool mask of missing values (nullable extension arrays), or empty
  bool utc = false;         // tz-aware: the values are UTC instants
};

prepared prepare(py::handle h, const char* column, char want) {  // want: 'd' dates, 'c' counts
  prepared p;
  p.meta.column = column;
  py::object np = numpy_module();
  py::object obj = py::reinterpret_borrow<py::object>(h);
  const bool series = is_pandas_series(h), index = !series && is_pandas_index(h);
  if (series || index) {
    p.meta.shape = series ? input_shape::series : input_shape::index;
    p.meta.index = series ? obj.attr("index") : obj;
    p.meta.name = obj.attr("name");
    py::object dtype = obj.attr("dtype");
    if (want == 'd' && py::hasattr(dtype, "tz") && !dtype.attr("tz").is_none()) {
      p.utc = true;
      obj = series ? obj.attr("dt").attr("tz_convert")(py::none()) : obj.attr("tz_convert")(py::none());
      p.values = obj.attr("to_numpy")();
    } else if (!py::isinstance(dtype, np.attr("dtype"))) {  // a pandas extension dtype (Int64, boolean, ...)
      const std::string kind = py::str(dtype.attr("kind")).cast<std::string>();
      p.mask = np.attr("asarray")(obj.attr("isna")(), "bool");
      if (kind == "i" || kind == "u") {
        p.values = obj.attr("to_numpy")(py::arg("dtype") = "int64", py::arg("na_value") = 0);
      } else if (kind == "f") {
        p.values = obj.attr("to_numpy")(py::arg("dtype") = "float64", py::arg("na_value") = np.attr("nan"));
      } else {
        p.values = obj.attr("to_numpy")(py::arg("dtype") = "object");
        p.mask = py::array();
      }
    } else {
      p.values = obj.attr("to_numpy")();
    }
  } else if (py::isinstance<py::array>(h)) {
    p.meta.shape = input_shape::array;
    p.values = py::reinterpret_borrow<py::array>(h);
  } else if (PyList_Check(h.ptr()) || PyTuple_Check(h.ptr())) {
    p.meta.shape = input_shape::array;
    p.values = np.attr("array")(obj, py::arg("dtype") = "object");
    if (p.values.ndim() != 1) p.values = np.attr("asarray")(obj);
  } else {
    p.scalar = obj;
    return p;
  }
  p.meta.dims.assign(p.values.shape(), p.values.shape() + p.values.ndim());
  if (p.meta.shape != input_shape::array) p.meta.dims = {static_cast<py::ssize_t>(p.values.size())};
  p.values = np.attr("ascontiguousarray")(p.values).attr("reshape")(-1);
  return p;
}

}  // namespace

// ---- column_meta -------------------------------------------------------------------------------

std::size_t column_meta::size() const {
  std::size_t n = 1;
  for (auto d : dims) n *= static_cast<std::size_t>(d);
  return n;
}

py::object column_meta::label(std::size_t i) const {
  if (shape == input_shape::series || shape == input_shape::index) return index[py::int_(i)];
  return py::int_(i);
}

std::string column_meta::where(std::size_t i) const {
  switch (shape) {
    case input_shape::scalar: return column;
    case input_shape::array: return column + " at position " + std::to_string(i);
    default: return column + " at index " + py::repr(label(i)).cast<std::string>();
  }
}

bool is_pandas_series(py::handle h) {
  py::object pd = pandas_if_loaded();
  return !pd.is_none() && py::isinstance(h, pd.attr("Series"));
}

bool is_pandas_index(py::handle h) {
  py::object pd = pandas_if_loaded();
  return !pd.is_none() && py::isinstance(h, pd.attr("Index"));
}

column_meta broadcast(std::initializer_list<const column_meta*> args) {
  const column_meta* out = nullptr;
  for (const column_meta* m : args) {  // a Series or Index decides the result's shape, then an ndarray
    if (m->shape == input_shape::series || m->shape == input_shape::index) { out = m; break; }
  }
  if (!out) {
    for (const column_meta* m : args) if (m->shape == input_shape::array) { out = m; break; }
  }
  if (!out) return **args.begin();
  for (const column_meta* m : args) {
    if (m == out || m->is_scalar()) continue;
    if (m->size() != out->size()) {
      throw py::value_error(m->column + ": expected " + std::to_string(out->size()) + " values (the length of '" +
                            out->column + "'), found " + std::to_string(m->size()));
    }
    const bool labelled = m->shape == input_shape::series || m->shape == input_shape::index;
    const bool out_labelled = out->shape == input_shape::series || out->shape == input_shape::index;
    if (labelled && out_labelled && !m->index.attr("equals")(out->index).cast<bool>()) {
      throw py::value_error(m->column + ": its index differs from the index of '" + out->column +
                            "'; cchc does not realign rows silently (align them first, e.g. "
                            "a, b = a.align(b))");
    }
  }
  return *out;
}

// ---- converters --------------------------------------------------------------------------------

day_column read_days(py::handle h, const char* column) {
  prepared p = prepare(h, column, 'd');
  day_column out;
  out.meta = p.meta;
  if (p.meta.is_scalar()) {
    out.days = buffer<std::int64_t>(1, day_element(p.scalar, p.meta, 0, false));
    return out;
  }
  const std::size_t n = p.meta.size();
  out.days = buffer<std::int64_t>(n, 0);
  const py::dtype dt = p.values.dtype();
  if (dt.kind() == 'M') {
    dt_unit u = unit_of(dt, column);
    py::array values = p.values;
    if (u.calendar_unit) {
      values = values.attr("astype")("M8[D]");
      u = dt_unit{minutes_per_day, 1, false};
    }
    auto raw = py::array_t<std::int64_t, py::array::c_style>::ensure(values.attr("view")("int64"));
    const std::int64_t* r = raw.data();
    if (u.mul == minutes_per_day && u.div == 1 && !p.utc) {
      // datetime64[D]: the payload is the day number (NaT is `nat`), read in place. Out-of-range days
      // are left to the operation, which names them (the calendar's range is narrower anyway).
      out.days = buffer<std::int64_t>::borrow(raw, r, n);
      return out;
    }
    for (std::size_t i = 0; i < n; ++i) {
      std::int64_t v = r[i];
      if (p.utc && v != nat) {
        // An instant: its Vietnamese civil time (UTC+7) must fall exactly on the start of a day.
        std::int64_t scaled = 0, civil = 0;
        if (__builtin_mul_overflow(v, u.mul, &scaled) ||
            __builtin_add_overflow(scaled, vietnam_offset_minutes * u.div, &civil)) {
          raise_value(out.meta, i, dt64_text(v, dt) + " UTC is outside the supported dates");
        }
        if (floor_mod(civil, minutes_per_day * u.div) != 0) {
          raise_value(out.meta, i, "expected a whole civil day, got " + minute_text(floor_div(civil, u.div)) +
                                       " (Vietnamese civil time, UTC+7, of " + dt64_text(v, dt) + " UTC)");
        }
        out.days[i] = floor_div(civil, minutes_per_day * u.div);
        continue;
      }
      switch (dt64_day(v, u, out.days[i])) {
        case got::value: break;
        case got::missing: out.days[i] = nat; break;
        case got::not_whole_day:
          raise_value(out.meta, i, "expected a whole day, got " + dt64_text(v, dt) +
                                       " (use .dt.normalize() or .astype('datetime64[D]') to say which day)");
        case got::out_of_range: raise_value(out.meta, i, dt64_text(v, dt) + " is outside the supported dates");
      }
    }
    return out;
  }
  if (dt.kind() == 'O') {
    py::list items = p.values.attr("tolist")();
    for (std::size_t i = 0; i < n; ++i) out.days[i] = day_element(items[i], out.meta, i, true);
    return out;
  }
  throw py::type_error(std::string(column) + ": expected a datetime64 array (any unit) or datetime.date objects, got dtype " +
                       py::str(py::handle(dt)).cast<std::string>());
}

minute_column read_minutes(py::handle h, const char* column) {
  prepared p = prepare(h, column, 'd');
  minute_column out;
  out.meta = p.meta;
  if (p.meta.is_scalar()) {
    out.minutes = buffer<std::int64_t>(1, minute_element(p.scalar, p.meta, 0, false));
    return out;
  }
  const std::size_t n = p.meta.size();
  out.minutes = buffer<std::int64_t>(n, 0);
  const py::dtype dt = p.values.dtype();
  if (dt.kind() == 'M') {
    dt_unit u = unit_of(dt, column);
    py::array values = p.values;
    if (u.calendar_unit) {
      values = values.attr("astype")("M8[D]");
      u = dt_unit{minutes_per_day, 1, false};
    }
    auto raw = py::array_t<std::int64_t, py::array::c_style>::ensure(values.attr("view")("int64"));
    const std::int64_t* r = raw.data();
    const std::int64_t shift = p.utc ? vietnam_offset_minutes : 0;
    for (std::size_t i = 0; i < n; ++i) {
      switch (dt64_minutes(r[i], u, out.minutes[i])) {
        case got::value: out.minutes[i] += shift; break;
        case got::missing: out.minutes[i] = missing_minutes; break;
        default: raise_value(out.meta, i, dt64_text(r[i], dt) + " is outside the supported dates");
      }
    }
    return out;
  }
  if (dt.kind() == 'O') {
    py::list items = p.values.attr("tolist")();
    for (std::size_t i = 0; i < n; ++i) out.minutes[i] = minute_element(items[i], out.meta, i, true);
    return out;
  }
  throw py::type_error(std::string(column) +
                       ": expected dates or date-times (datetime64 of any unit, datetime objects), got dtype " +
                       py::str(py::handle(dt)).cast<std::string>());
}

count_column read_counts(py::handle h, const char* column) {
  prepared p = prepare(h, column, 'c');
  count_column out;
  out.meta = p.meta;
  if (p.meta.is_scalar()) {
    out.values = buffer<std::int64_t>(1, 0);
    out.missing = buffer<std::uint8_t>(1, 0);
    if (!count_element(p.scalar, p.meta, 0, false, out.values[0])) out.missing[0] = 1;
    return out;
  }
  const std::size_t n = p.meta.size();
  out.values = buffer<std::int64_t>(n, 0);
  out.missing = buffer<std::uint8_t>(n, 0);
  const py::dtype dt = p.values.dtype();
  const char kind = dt.kind();
  const bool* mask = nullptr;
  py::array_t<bool, py::array::c_style> mask_array;
  if (p.mask.size() == static_cast<py::ssize_t>(n) && n > 0) {
    mask_array = py::array_t<bool, py::array::c_style>::ensure(p.mask);
    mask = mask_array.data();
  }
  if (kind == 'i' || (kind == 'u' && dt.itemsize() < 8)) {
    auto wide = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(p.values);
    const std::int64_t* v = wide.data();
    for (std::size_t i = 0; i < n; ++i) {
      if (mask && mask[i]) out.missing[i] = 1; else out.values[i] = v[i];
    }
    return out;
  }
  if (kind == 'u') {
    auto wide = py::array_t<std::uint64_t, py::array::c_style | py::array::forcecast>::ensure(p.values);
    const std::uint64_t* v = wide.data();
    for (std::size_t i = 0; i < n; ++i) {
      if (mask && mask[i]) { out.missing[i] = 1; continue; }
      if (v[i] > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        raise_value(out.meta, i, "the count " + std::to_string(v[i]) + " does not fit in 64 bits");
      out.values[i] = static_cast<std::int64_t>(v[i]);
    }
    return out;
  }
  if (kind == 'f') {
    auto wide = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(p.values);
    const double* v = wide.data();
    for (std::size_t i = 0; i < n; ++i) {
      if ((mask && mask[i]) || std::isnan(v[i])) { out.missing[i] = 1; continue; }
      if (v[i] != std::floor(v[i]) || !(std::fabs(v[i]) < 9.2e18)) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g", v[i]);
        raise_value(out.meta, i, std::string("expected a whole number of ") + column + ", found " + buf);
      }
      out.values[i] = static_cast<std::int64_t>(v[i]);
    }
    return out;
  }
  if (kind == 'O') {
    py::list items = p.values.attr("tolist")();
    for (std::size_t i = 0; i < n; ++i) {
      if (!count_element(items[i], out.meta, i, true, out.values[i])) out.missing[i] = 1;
    }
    return out;
  }
  throw py::type_error(std::string(column) + ": expected integer counts (int, Int64, or a float column of whole "
                                             "numbers with NaN for missing), got dtype " +
                       py::str(py::handle(dt)).cast<std::string>());
}

text_column read_texts(py::handle h, const char* column) {
  prepared p = prepare(h, column, 'c');
  text_column out;
  out.meta = p.meta;
  py::list items;
  if (p.meta.is_scalar()) {
    items.append(p.scalar);
  } else {
    items = p.values.attr("astype")("object").attr("tolist")();
  }
  const std::size_t n = items.size();
  out.values.resize(n);
  out.missing.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    py::handle v = items[i];
    if (PyUnicode_Check(v.ptr())) {
      out.values[i] = v.cast<std::string>();
    } else if (v.is_none() || type_named(v, "NAType") || (PyFloat_Check(v.ptr()) && std::isnan(v.cast<double>()))) {
      out.missing[i] = 1;
    } else {
      raise_type(out.meta, i, "expected a str, got " + type_name(v) + " " + shown(v));
    }
  }
  return out;
}

column_meta scalar_meta(const char* column) {
  column_meta m;
  m.column = column;
  return m;
}

int32_column read_int32_counts(py::handle h, const char* column) {
  count_column c = read_counts(h, column);
  int32_column out;
  out.meta = c.meta;
  out.missing.assign(c.missing.data(), c.missing.data() + c.missing.size());
  out.values.resize(c.values.size());
  for (std::size_t i = 0; i < c.values.size(); ++i) {
    const std::int64_t v = c.values[i];
    if (v < std::numeric_limits<std::int32_t>::min() || v > std::numeric_limits<std::int32_t>::max())
      raise_value(out.meta, i, "the count " + std::to_string(v) + " does not fit in 32 bits");
    out.values[i] = static_cast<std::int32_t>(v);
  }
  return out;
}

std::vector<std::int64_t> minutes_of(py::handle h, const char* column, column_meta* meta) {
  minute_column c = read_minutes(h, column);
  if (meta) *meta = c.meta;
  return std::vector<std::int64_t>(c.minutes.data(), c.minutes.data() + c.minutes.size());
}

void require_present(const day_column& c, const char* why) {
  for (std::size_t i = 0; i < c.days.size(); ++i)
    if (c.days[i] == nat) raise_value(c.meta, i, std::string("missing (NaT) where a day is needed: ") + why);
}
void require_present(const minute_column& c, const char* why) {
  for (std::size_t i = 0; i < c.minutes.size(); ++i)
    if (c.minutes[i] == missing_minutes)
      raise_value(c.meta, i, std::string("missing (NaT) where a date-time is needed: ") + why);
}
void require_present(const count_column& c, const char* why) {
  for (std::size_t i = 0; i < c.missing.size(); ++i)
    if (c.missing[i]) raise_value(c.meta, i, std::string("missing (NA) where a count is needed: ") + why);
}

std::optional<std::int64_t> day_scalar_or_missing(py::handle h, const char* what) {
  column_meta meta;
  meta.column = what;
  const std::int64_t d = day_element(h, meta, 0, false);
  if (d == nat) return std::nullopt;
  return d;
}

std::chrono::minutes time_of_day_arg(py::handle h, const char* what) {
  if (py::isinstance(h, datetime_module().attr("time"))) {
    if (!h.attr("tzinfo").is_none()) throw py::type_error(std::string(what) + ": expected a naive datetime.time (civil time)");
    return std::chrono::minutes{h.attr("hour").cast<int>() * 60 + h.attr("minute").cast<int>()};
  }
  if (PyUnicode_Check(h.ptr())) {
    // Python's own reader of times ("15:00", "15:00:00"), not another cchc parser.
    py::object t;
    try {
      t = datetime_module().attr("time").attr("fromisoformat")(h);
    } catch (const py::error_already_set&) {
      throw cchc::parse_error("expected a time of day HH:MM, found '" + h.cast<std::string>() + "'",
                              cchc::location{"", 0, 0, "", what});
    }
    return time_of_day_arg(t, what);
  }
  throw py::type_error(std::string(what) + ": expected a datetime.time or \"HH:MM\", got " + type_name(h));
}

// ---- results -----------------------------------------------------------------------------------

namespace {

py::object missing_scalar_date() {
  py::object pd = pandas_if_loaded();
  if (!pd.is_none()) return pd.attr("NaT");
  return numpy_datetime64_type()("NaT");
}

py::array shaped(const column_meta& meta, py::array flat) {
  if (meta.shape != input_shape::array || meta.dims.size() == 1) return flat;
  py::tuple dims(meta.dims.size());
  for (std::size_t i = 0; i < meta.dims.size(); ++i) dims[i] = py::int_(meta.dims[i]);
  return flat.attr("reshape")(dims);
}

py::array int64_array(const column_meta& meta, const buffer<std::int64_t>& v) { return shaped(meta, v.array()); }

py::object labelled(const column_meta& meta, py::object values) {
  py::object pd = pandas_module();
  if (meta.shape == input_shape::series)
    return pd.attr("Series")(values, py::arg("index") = meta.index, py::arg("name") = meta.name);
  return pd.attr("Index")(values, py::arg("name") = meta.name);
}

py::object masked(const column_meta& meta, py::array values, const buffer<std::uint8_t>& missing,
                  const char* array_type) {
  py::object mask = missing.array().attr("view")("bool");  // 0/1 bytes are NumPy bools
  py::object arr = pandas_module().attr("arrays").attr(array_type)(values, mask);
  return labelled(meta, arr);
}

}  // namespace

py::object dates_result(const column_meta& meta, const buffer<std::int64_t>& days) {
  if (meta.is_scalar()) return days[0] == nat ? missing_scalar_date() : make_date(days[0]);
  py::object arr = int64_array(meta, days).attr("view")(day_dtype());
  if (meta.shape == input_shape::array) return arr;
  return labelled(meta, arr.attr("astype")("M8[ns]"));
}

py::object date_times_result(const column_meta& meta, const buffer<std::int64_t>& minutes) {
  if (meta.is_scalar()) {
    const std::int64_t m = minutes[0];
    if (m == missing_minutes) return missing_scalar_date();
    py::object day = make_date(floor_div(m, minutes_per_day));
    const std::int64_t mod = floor_mod(m, minutes_per_day);
    return datetime_type()(day.attr("year"), day.attr("month"), day.attr("day"), py::int_(mod / 60), py::int_(mod % 60));
  }
  py::object arr = int64_array(meta, minutes).attr("view")(py::dtype("M8[m]"));
  if (meta.shape == input_shape::array) return arr;
  return labelled(meta, arr.attr("astype")("M8[ns]"));
}

py::object counts_result(const column_meta& meta, const buffer<std::int64_t>& values,
                         const buffer<std::uint8_t>& missing, const char* why_missing) {
  if (meta.is_scalar()) return missing[0] ? pandas_module().attr("NA") : py::object(py::int_(values[0]));
  if (meta.shape == input_shape::array) {
    for (std::size_t i = 0; i < missing.size(); ++i)
      if (missing[i]) raise_value(meta, i, std::string(why_missing));
    return int64_array(meta, values);
  }
  return masked(meta, int64_array(meta, values), missing, "IntegerArray");
}

py::object bools_result(const column_meta& meta, const buffer<std::uint8_t>& values,
                        const buffer<std::uint8_t>& missing, const char* why_missing) {
  if (meta.is_scalar()) return missing[0] ? pandas_module().attr("NA") : py::object(py::bool_(values[0] != 0));
  py::array out = shaped(meta, values.array().attr("view")("bool"));  // 0/1 bytes are NumPy bools
  if (meta.shape == input_shape::array) {
    for (std::size_t i = 0; i < missing.size(); ++i)
      if (missing[i]) raise_value(meta, i, std::string(why_missing));
    return std::move(out);
  }
  return masked(meta, out, missing, "BooleanArray");
}

void raise_at(const cchc::error& e, const column_meta& meta, std::size_t i) {
  if (meta.is_scalar()) raise_with_prefix(e, meta.column, meta.column, py::none());
  raise_with_prefix(e, meta.where(i), meta.column, meta.label(i));
}

void raise_at(const cchc::error& e, std::string_view column, py::handle index_label) {
  const std::string c(column);
  if (index_label.is_none()) raise_with_prefix(e, c, c, index_label);
  raise_with_prefix(e, c + " at index " + py::repr(index_label).cast<std::string>(), c, index_label);
}

std::string day_text(std::int64_t day) {
  if (day == nat) return "NaT";
  const date::year_month_day ymd{date::sys_days{date::days{day}}};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string minute_text(std::int64_t minutes) {
  if (minutes == missing_minutes) return "NaT";
  const std::int64_t mod = floor_mod(minutes, minutes_per_day);
  char buf[16];
  std::snprintf(buf, sizeof buf, " %02d:%02d", static_cast<int>(mod / 60), static_cast<int>(mod % 60));
  return day_text(floor_div(minutes, minutes_per_day)) + buf;
}

// ---- the date caster's reader (casters.hpp declares it: one home for "what is a date") ------------

bool load_day_number(py::handle h, std::int64_t& out, const char* what) {
  if (!py::isinstance(h, date_type()) && !py::isinstance(h, numpy_datetime64_type()) && !is_missing_scalar(h))
    return false;
  const auto d = day_scalar_or_missing(h, what);
  if (!d) throw py::value_error(std::string(what) + ": NaT is not a day");
  out = *d;
  return true;
}

}  // namespace cchc::py_detail
