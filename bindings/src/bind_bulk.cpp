// bulk: cchc.classify_dossiers and the counts behind cchc.dossier_flow. NumPy columns go to the C++
// core as pointers: int32 day numbers, int16/int32 processing days, uint32 units and uint8 channels
// are read in place when contiguous (no copy); datetime64[D] columns (int64) are narrowed to the
// core's 32-bit day numbers in one pass without the GIL. All the work runs without the GIL.
#include "bind.hpp"

#ifdef CCHC_PY_HAVE_BULK
#include <pybind11/stl.h>

#include <cstring>
#include <vector>

#include "cchc/bulk.hpp"
#include "cchc/flow.hpp"

namespace py = pybind11;

namespace cchc::py_detail {
namespace {

std::string dtype_name(const py::array& a) { return py::str(a.dtype()).cast<std::string>(); }

/// A column the core reads: either a pointer into the caller's array (kept alive by `keep`) or, when
/// the dtype needs converting, a buffer owned here.
template <class T>
struct column {
  py::object keep;
  // A converted column lives in a NumPy-allocated buffer: NumPy asks the kernel for huge pages on
  // large arrays, which makes first touch of tens of megabytes several times cheaper than a
  // std::vector's 4 KiB page faults (measured: the narrowing pass went from 4x to ~1x NumPy's astype).
  py::array_t<T> owned;
  const T* data = nullptr;
  std::size_t size = 0;
  cchc::column_view<T> view() const { return {data, size}; }
};

py::array array_arg(py::handle h_in, const char* what) {
  // A pandas Series (or Index) is read through its NumPy values: what an analyst passes first.
  py::object converted;
  py::handle h = h_in;
  if (!py::isinstance<py::array>(h) && py::hasattr(h, "to_numpy")) {
    converted = h.attr("to_numpy")();
    h = converted;
  }
  if (!py::isinstance<py::array>(h)) {
    throw py::type_error(std::string(what) + ": expected a NumPy array, got " +
                         py::str(py::type::of(h).attr("__name__")).cast<std::string>());
  }
  py::array a = py::reinterpret_borrow<py::array>(h);
  if (a.ndim() != 1) throw py::value_error(std::string(what) + ": expected a 1-D array, got " + std::to_string(a.ndim()) + "-D");
  return a;
}

void check_length(std::size_t size, std::size_t expected, const char* what) {
  if (size != expected) {
    throw py::value_error(std::string(what) + ": expected " + std::to_string(expected) +
                          " rows (the length of 'received'), found " + std::to_string(size));
  }
}

template <class T>
bool exact_dtype(const py::array& a) {
  return a.dtype().equal(py::dtype::of<T>());
}

/// received / resolved: datetime64[D] (NaT allowed only in `resolved`: not resolved) or int32 day
/// numbers (cchc::not_resolved = INT32_MIN for not resolved).
column<cchc::day_number> day_column(py::handle h, const char* what, bool nat_allowed) {
  py::array a = array_arg(h, what);
  // datetime64 of another unit (pandas' default is [ns]): read as days when every value is a whole
  // day (midnight), else refused below — a date-time is not a day.
  if (a.dtype().kind() == 'M' && !is_day_dtype(a.dtype())) {
    py::module_ np = py::module_::import("numpy");
    py::object days = a.attr("astype")("datetime64[D]");
    const bool whole = np.attr("all")(np.attr("logical_or")(np.attr("equal")(days, a), np.attr("isnat")(a))).cast<bool>();
    if (whole) a = py::reinterpret_borrow<py::array>(days);
    else
      throw py::type_error(std::string(what) + ": expected dates (datetime64 values at midnight), got date-times "
                           "with a time of day; the full rule with times is cchc.classify(frame, period)");
  }
  column<cchc::day_number> c;
  c.size = static_cast<std::size_t>(a.size());
  if (exact_dtype<std::int32_t>(a)) {
    auto contiguous = py::array_t<std::int32_t, py::array::c_style>::ensure(a);  // no copy if contiguous
    c.data = contiguous.data();
    c.keep = std::move(contiguous);
    return c;
  }
  if (!is_day_dtype(a.dtype())) {
    throw py::type_error(std::string(what) + ": expected datetime64[D] (or int32 day numbers since 1970-01-01), got dtype " +
                         dtype_name(a));
  }
  py::array_t<std::int64_t> days = day_array(a, what);
  c.owned = py::array_t<std::int32_t>(static_cast<py::ssize_t>(c.size));
  const std::int64_t* p = days.data();
  std::size_t bad = c.size;
  {
    py::gil_scoped_release release;
    // Branch-free narrowing (vectorisable); only when something is wrong, a second pass finds the
    // first bad row for the message.
    constexpr std::int64_t lo = std::numeric_limits<std::int32_t>::min();
    constexpr std::int64_t hi = std::numeric_limits<std::int32_t>::max();
    std::int32_t* o = c.owned.mutable_data();
    bool any_bad = false;
    for (std::size_t i = 0; i < c.size; ++i) {
      const std::int64_t v = p[i];
      const bool is_nat = v == nat;
      const bool out_of_range = (v <= lo) | (v > hi);
      any_bad |= is_nat ? !nat_allowed : out_of_range;
      o[i] = is_nat ? cchc::not_resolved : static_cast<std::int32_t>(v);
    }
    if (any_bad) {
      for (std::size_t i = 0; i < c.size; ++i) {
        const std::int64_t v = p[i];
        if (v == nat ? !nat_allowed : (v <= lo || v > hi)) {
          bad = i;
          break;
        }
      }
    }
  }
  if (bad != c.size) {
    throw py::value_error(std::string(what) + ": row " + std::to_string(bad) +
                          (p[bad] == nat ? " is NaT (every dossier has a received day)" : " is outside the supported dates"));
  }
  c.data = c.owned.data();
  return c;
}

template <class T>
column<T> integer_column(py::handle h, const char* what, std::size_t expected, long long lo, long long hi) {
  py::array a = array_arg(h, what);
  column<T> c;
  c.size = static_cast<std::size_t>(a.size());
  check_length(c.size, expected, what);
  if (exact_dtype<T>(a)) {
    auto contiguous = py::array_t<T, py::array::c_style>::ensure(a);
    c.data = contiguous.data();
    c.keep = std::move(contiguous);
    return c;
  }
  const char kind = a.dtype().kind();
  if (kind != 'i' && kind != 'u' && kind != 'b') {
    throw py::type_error(std::string(what) + ": expected an integer array, got dtype " + dtype_name(a));
  }
  auto wide = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(a);
  c.owned = py::array_t<T>(static_cast<py::ssize_t>(c.size));
  const std::int64_t* p = wide.data();
  for (std::size_t i = 0; i < c.size; ++i) {
    if (p[i] < lo || p[i] > hi) {
      throw py::value_error(std::string(what) + ": row " + std::to_string(i) + " holds " + std::to_string(p[i]) +
                            ", expected " + std::to_string(lo) + " .. " + std::to_string(hi));
    }
    c.owned.mutable_data()[i] = static_cast<T>(p[i]);
  }
  c.data = c.owned.data();
  return c;
}

struct inputs {
  column<cchc::day_number> received, resolved;
  column<std::int16_t> days16;
  column<std::int32_t> days32;
  bool narrow = true;
  column<std::uint32_t> unit;
  column<std::uint8_t> online;
  cchc::dossier_columns cols;
};

void prepare(inputs& in, py::handle received, py::handle processing_days, py::handle resolved, py::handle unit,
             py::handle online) {
  in.received = day_column(received, "received", false);
  const std::size_t n = in.received.size;
  in.resolved = day_column(resolved, "resolved", true);
  check_length(in.resolved.size, n, "resolved");
  py::array pd = array_arg(processing_days, "processing_days");
  if (exact_dtype<std::int32_t>(pd)) {
    in.narrow = false;
    in.days32 = integer_column<std::int32_t>(pd, "processing_days", n, std::numeric_limits<std::int32_t>::min(),
                                             std::numeric_limits<std::int32_t>::max());
  } else if (exact_dtype<std::int16_t>(pd) || pd.dtype().kind() == 'i' || pd.dtype().kind() == 'u') {
    if (!exact_dtype<std::int16_t>(pd) && pd.dtype().itemsize() > 2) {
      in.narrow = false;
      in.days32 = integer_column<std::int32_t>(pd, "processing_days", n, std::numeric_limits<std::int32_t>::min(),
                                               std::numeric_limits<std::int32_t>::max());
    } else {
      in.days16 = integer_column<std::int16_t>(pd, "processing_days", n, std::numeric_limits<std::int16_t>::min(),
                                               std::numeric_limits<std::int16_t>::max());
    }
  } else {
    throw py::type_error("processing_days: expected an integer array of working days, got dtype " + dtype_name(pd));
  }
  in.cols.received = in.received.view();
  in.cols.resolved = in.resolved.view();
  if (in.narrow) in.cols.processing_days = in.days16.view(); else in.cols.processing_days = in.days32.view();
  if (!unit.is_none()) {
    in.unit = integer_column<std::uint32_t>(unit, "unit", n, 0, std::numeric_limits<std::uint32_t>::max());
    in.cols.unit = in.unit.view();
  }
  if (!online.is_none()) {
    in.online = integer_column<std::uint8_t>(online, "online", n, 0, 1);
    in.cols.online = in.online.view();
  }
}

cchc::day_number cutoff_arg(py::handle h) {
  std::int64_t n = 0;
  if (!load_day_number(h, n, "cutoff")) {
    throw py::type_error("cutoff: expected a datetime.date or numpy.datetime64, got " +
                         py::str(py::type::of(h).attr("__name__")).cast<std::string>());
  }
  return static_cast<cchc::day_number>(n);
}

unsigned threads_arg(py::handle h) {
  if (h.is_none()) return 0;  // every core
  if (PyBool_Check(h.ptr()) || !PyLong_Check(h.ptr()) || h.cast<long long>() < 0) {
    throw py::type_error("threads: expected None or an int >= 0");
  }
  return h.cast<unsigned>();
}

py::array_t<std::int64_t> counts_array(const cchc::outcome_counts& c) {
  const auto& raw = c.raw();
  py::array_t<std::int64_t> out({static_cast<py::ssize_t>(c.unit_count()), py::ssize_t{2}, py::ssize_t{5}});
  if (!raw.empty()) std::memcpy(out.mutable_data(), raw.data(), raw.size() * sizeof(std::int64_t));
  return out;
}

}  // namespace

void bind_bulk(py::module_& m) {
  py::dict outcomes;
  for (unsigned code = 0; code <= 4; ++code) {
    outcomes[py::int_(code)] = std::string(to_string(static_cast<cchc::outcome>(code)));
  }
  m.attr("OUTCOMES") = outcomes;

  m.def("classify_dossiers",
        [](py::handle received, py::handle processing_days, py::handle resolved, py::handle cutoff,
           py::handle calendar, py::handle threads) {
          inputs in;
          prepare(in, received, processing_days, resolved, py::none(), py::none());
          const auto& cal = calendar_arg(calendar, "calendar");
          const cchc::day_number cut = cutoff_arg(cutoff);
          cchc::bulk_options options;
          options.threads = threads_arg(threads);
          py::array_t<std::uint8_t> out(static_cast<py::ssize_t>(in.received.size));
          {
            py::gil_scoped_release release;
            cchc::classify_columns(in.cols, cut, cal, {out.mutable_data(), in.received.size}, options);
          }
          return out;
        },
        py::arg("received"), py::arg("processing_days"), py::arg("resolved"), py::arg("cutoff"),
        py::arg("calendar") = py::none(), py::arg("threads") = py::none(), R"doc(
Outcome of every dossier at a cut-off day, in C++ on several threads (the GIL is released).

The rule: the receipt day is the received day if it is a working day, else the next one; the due
day is ``calendar.add_working_days(receipt, processing_days)``; a dossier resolved on or before the
cut-off is early (< due), on time (== due) or late (> due); otherwise it is pending, within the
deadline while ``cutoff <= due``, overdue after.

Parameters
----------
received : numpy.ndarray of datetime64[D]
    Day each dossier was received (int32 day numbers since 1970-01-01 are read in place too).
processing_days : numpy.ndarray of int16 or int32
    Processing time in working days (other integer dtypes are converted).
resolved : numpy.ndarray of datetime64[D]
    Day each dossier was resolved; NaT = not resolved.
cutoff : datetime.date
    The last day of the reporting period.
calendar : WorkCalendar, optional
    Default: :func:`vietnam_calendar`.
threads : int, optional
    Worker threads (default: every core). The result never depends on it.

Returns
-------
numpy.ndarray of uint8
    Stable codes (:data:`OUTCOMES`): 0 early, 1 on time, 2 late, 3 pending within the deadline,
    4 pending overdue.

Raises
------
TypeError
    A column of the wrong dtype (named).
ValueError
    Columns of different lengths (named); :class:`ArgumentError` / :class:`RangeError` for the first
    bad row (resolved before received, received after the cut-off, outside the calendar).
)doc");

  py::class_<cchc::outcome_counts> counts(m, "OutcomeCounts", R"doc(
Counts of dossiers per unit × channel × outcome code: the exact, mergeable partial result of a bulk
classification (``a + b`` adds counts). ``flow(u)`` is unit ``u``'s Biểu 06 row.
)doc");
  counts.def_property_readonly("unit_count", &cchc::outcome_counts::unit_count);
  counts.def_property_readonly("has_channel", &cchc::outcome_counts::has_channel);
  counts.def("flow", &cchc::outcome_counts::flow, py::arg("unit"), "The Biểu 06 row (DossierFlow) of unit ``unit``.");
  counts.def("total_flow", &cchc::outcome_counts::total_flow, "The DossierFlow of every unit together.");
  counts.def("to_array", &counts_array, "The counts as an int64 array of shape (units, 2 channels, 5 codes).");
  counts.def("__add__", [](const cchc::outcome_counts& a, const cchc::outcome_counts& b) { return a + b; },
             py::is_operator());
  counts.def("__eq__", [](const cchc::outcome_counts& a, const cchc::outcome_counts& b) { return a == b; },
             py::is_operator());
  counts.def("__repr__", [](const cchc::outcome_counts& c) {
    return "<OutcomeCounts units=" + std::to_string(c.unit_count()) + " total=" +
           std::to_string(c.total_flow().received.value_or(0)) + ">";
  });

  m.def("_count_outcomes",
        [](py::handle received, py::handle processing_days, py::handle resolved, py::handle cutoff, py::handle unit,
           std::uint32_t unit_count, py::handle online, py::handle calendar, py::handle threads) {
          inputs in;
          prepare(in, received, processing_days, resolved, unit, online);
          const auto& cal = calendar_arg(calendar, "calendar");
          const cchc::day_number cut = cutoff_arg(cutoff);
          cchc::bulk_options options;
          options.threads = threads_arg(threads);
          options.unit_count = unit_count;
          py::gil_scoped_release release;
          return cchc::count_outcomes(in.cols, cut, cal, options);
        },
        py::arg("received"), py::arg("processing_days"), py::arg("resolved"), py::arg("cutoff"),
        py::arg("unit") = py::none(), py::arg("unit_count") = 0, py::arg("online") = py::none(),
        py::arg("calendar") = py::none(), py::arg("threads") = py::none(),
        "Counts per unit (dense ids 0..unit_count-1) and channel: the engine of cchc.dossier_flow.");
}

}  // namespace cchc::py_detail
#endif
