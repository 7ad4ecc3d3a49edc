// cchc._core — the compiled half of the cchc Python package. The public names are re-exported, with
// types and documentation, by python/cchc/__init__.py; import cchc, not cchc._core.
#include <pybind11/pybind11.h>

#include "bind.hpp"
#include "cchc/version.hpp"

namespace py = pybind11;
using namespace cchc::py_detail;

PYBIND11_MODULE(_core, m) {
  m.doc() = "Compiled core of the cchc package (private: import cchc instead).";
  m.attr("__version__") = cchc::version_string;
  py::list areas;
  bind_errors(m);
  bind_findings(m);
#ifdef CCHC_PY_HAVE_CORE
  bind_core(m);
  areas.append("core");
#endif
#ifdef CCHC_PY_HAVE_CALENDAR
  bind_calendar(m);
  areas.append("calendar");
#endif
#ifdef CCHC_PY_HAVE_BULK
  bind_bulk(m);
  bind_batch(m);
  areas.append("bulk");
#endif
#ifdef CCHC_PY_HAVE_FLOW
  bind_flow(m);
  areas.append("flow");
#endif
#ifdef CCHC_PY_HAVE_REPORT
  bind_report(m);
  areas.append("report");
#endif
#ifdef CCHC_PY_HAVE_SCORECARD
  bind_scorecard(m);
  areas.append("scorecard");
#endif
#ifdef CCHC_PY_HAVE_PROCEDURES
  bind_procedures(m);
  areas.append("procedures");
#endif
  m.attr("_areas") = py::tuple(areas);

  // Private hooks for the caster tests: a date in, its day number out, and back.
  m.def("_day_number", [](date::sys_days d) { return d.time_since_epoch().count(); }, py::arg("day"));
  m.def("_from_day_number", [](std::int64_t n) { return make_date(n); }, py::arg("number"));
}
