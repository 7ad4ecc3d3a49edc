// bindings/bind.hpp — what the bind_<area>.cpp files share: which areas are present, the value-type
// helper (boost-histogram style: one place gives every value type equality, hashing, copying,
// versioned pickling and a constructor-like repr), and small argument helpers.
#pragma once

#include <pybind11/pybind11.h>

#include <string>
#include <utility>

#include "casters.hpp"

#if __has_include("cchc/rounding.hpp")
#include "cchc/rounding.hpp"
#endif

// An area is bound when its headers are in the tree. The areas land on different branches; this keeps
// the module building (with fewer names) at every step instead of failing until the last one lands.
#if __has_include("cchc/decimal.hpp") && __has_include("cchc/rate.hpp") && \
    __has_include("cchc/rounding.hpp") && __has_include("cchc/number_format.hpp")
#define CCHC_PY_HAVE_CORE 1
#endif
#if defined(CCHC_PY_HAVE_CORE) && __has_include("cchc/calendar.hpp") && \
    __has_include("cchc/vietnam_calendar.hpp") && __has_include("cchc/lunar.hpp")
#define CCHC_PY_HAVE_CALENDAR 1
#endif
#if defined(CCHC_PY_HAVE_CALENDAR) && __has_include("cchc/bulk.hpp") && __has_include("cchc/dossier.hpp")
#define CCHC_PY_HAVE_BULK 1
#endif
#if __has_include("cchc/flow.hpp")
#define CCHC_PY_HAVE_FLOW 1
#endif
#if defined(CCHC_PY_HAVE_CORE) && __has_include("cchc/report.hpp") && \
    __has_include("cchc/validate.hpp") && __has_include("cchc/indicator.hpp")
#define CCHC_PY_HAVE_REPORT 1
#endif

#if defined(CCHC_PY_HAVE_CORE) && __has_include("cchc/scorecard_file.hpp") && __has_include("cchc/expression.hpp")
#define CCHC_PY_HAVE_SCORECARD 1
#endif

#if defined(CCHC_PY_HAVE_CORE) && __has_include("cchc/procedure_catalogue.hpp") && __has_include("cchc/one_stop_rules.hpp")
#define CCHC_PY_HAVE_PROCEDURES 1
#endif

namespace cchc::py_detail {

namespace py = pybind11;

void bind_errors(py::module_& m);
void bind_findings(py::module_& m);
#ifdef CCHC_PY_HAVE_CORE
void bind_core(py::module_& m);
#endif
#ifdef CCHC_PY_HAVE_CALENDAR
void bind_calendar(py::module_& m);
#endif
#ifdef CCHC_PY_HAVE_BULK
void bind_bulk(py::module_& m);
void bind_batch(py::module_& m);
#endif
#ifdef CCHC_PY_HAVE_FLOW
void bind_flow(py::module_& m);
#endif
#ifdef CCHC_PY_HAVE_REPORT
void bind_report(py::module_& m);
void bind_indicator(py::module_& m);  // called by bind_report
}  // namespace cchc::py_detail
#include "cchc/indicator.hpp"
namespace cchc::py_detail {
/// One indicator as the dict the DataFrames are built from (bind_indicator.cpp).
py::dict indicator_row(const cchc::indicator& i);
#endif
#ifdef CCHC_PY_HAVE_SCORECARD
void bind_scorecard(py::module_& m);
}  // namespace cchc::py_detail
#include "cchc/figures.hpp"
namespace cchc::py_detail {
/// A {name: value} mapping → figures (bind_scorecard.cpp); `what` names the argument in errors.
cchc::figures figures_arg(py::handle mapping, const char* what);
#endif
#ifdef CCHC_PY_HAVE_PROCEDURES
void bind_procedures(py::module_& m);
#endif

#ifdef CCHC_PY_HAVE_CORE
// Argument readers shared by the areas (bind_core.cpp): each names the argument in its error.
cchc::rounding rounding_arg(py::handle h, const char* what);
cchc::number_style style_arg(py::handle h, const char* what);
int scale_arg(py::handle h, const char* what);
std::string text_arg(py::handle h, const char* what);
#endif

#ifdef CCHC_PY_HAVE_CALENDAR
}  // namespace cchc::py_detail
#include "cchc/calendar.hpp"
namespace cchc::py_detail {
/// What cchc.WorkCalendar holds: the C++ calendar plus how to rebuild it (a named base and the
/// schedule added on top), which is its pickled state and its identity for == and hash. Every edit
/// goes through with_schedule, so the state always describes the calendar exactly.
struct py_calendar {
  cchc::work_calendar cal;
  std::string base;        ///< "vietnam.civil_service" or "saturday_sunday"
  cchc::schedule added;    ///< applied on top of the base, in order
};
/// The C++ calendar behind a Python argument that may be None (→ the Vietnamese civil-service one).
const cchc::work_calendar& calendar_arg(py::handle h, const char* what);
/// A datetime64[D] ndarray viewed as contiguous int64 day numbers (copies only a non-contiguous
/// array); a TypeError naming `what` for any other dtype.
py::array_t<std::int64_t> day_array(py::handle h, const char* what);
bool is_array(py::handle h);
#endif

/// Version of the pickled state of every value type. Bump it when a state tuple changes shape and
/// keep reading the old shapes.
inline constexpr int pickle_version = 1;

/// Gives a bound immutable value type __eq__/__ne__, __hash__ (from `key`, a Python object equal for
/// equal values), __copy__/__deepcopy__ (the same object: the value is immutable), versioned pickling
/// through `state` (T → py::tuple) and `from_state` (py::tuple → T), and __repr__ via `repr`.
template <class T, class... Options, class Key, class State, class FromState, class Repr>
void value_type(py::class_<T, Options...>& cls, Key key, State state, FromState from_state, Repr repr) {
  // Equality and hashing both come from `key`, so they agree by construction.
  cls.def("__eq__", [key](const T& a, const T& b) { return key(a).equal(key(b)); }, py::is_operator());
  cls.def("__ne__", [key](const T& a, const T& b) { return !key(a).equal(key(b)); }, py::is_operator());
  cls.def("__hash__", [key](const T& v) { return py::hash(key(v)); });
  cls.def("__copy__", [](py::object self) { return self; });
  cls.def("__deepcopy__", [](py::object self, py::object) { return self; }, py::arg("memo"));
  cls.def("__repr__", repr);
  cls.def(py::pickle(
      [state](const T& v) { return py::make_tuple(pickle_version, state(v)); },
      [from_state](py::tuple t) {
        if (t.size() != 2 || t[0].cast<int>() != pickle_version) {
          throw py::value_error("cannot unpickle: unknown state version " +
                                py::repr(t).cast<std::string>());
        }
        return from_state(t[1].cast<py::tuple>());
      }));
}

/// repr() of a Python object as std::string (for constructor-like reprs).
inline std::string pyrepr(py::handle h) { return py::repr(h).cast<std::string>(); }

}  // namespace cchc::py_detail
