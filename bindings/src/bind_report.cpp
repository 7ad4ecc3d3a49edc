// report: cchc.load_report → cchc.Report with check() (findings) and indicators() (exact values with
// formula and legal source).
#include "bind.hpp"

#ifdef CCHC_PY_HAVE_REPORT
#include <pybind11/stl.h>

#include "cchc/indicator.hpp"
#include "cchc/report.hpp"
#include "cchc/validate.hpp"

namespace py = pybind11;

namespace cchc::py_detail {
namespace {

py::object findings_list(std::vector<cchc::finding> fs) {
  static auto* type = new py::object(py::module_::import("cchc._frames").attr("Findings"));
  return (*type)(py::cast(std::move(fs)));
}

cchc::load_options options_of(const std::string& unknown_fields) {
  cchc::load_options o;
  if (unknown_fields == "error") {
    o.unknown_fields = cchc::unknown_field_policy::error;
  } else if (unknown_fields == "warn") {
    o.unknown_fields = cchc::unknown_field_policy::warn;
  } else {
    throw py::value_error("unknown_fields: expected \"error\" or \"warn\", got \"" + unknown_fields + "\"");
  }
  return o;
}

}  // namespace

void bind_report(py::module_& m) {
  py::class_<cchc::report> cls(m, "Report", R"doc(
A structured annual PAR report (format cchc.report v1), figures exact as published.

Load one with :func:`load_report`. ``check()`` lists what does not add up; ``indicators()`` derives
every rate the figures allow, each with its formula and legal source.
)doc");
  cls.def_property_readonly("year", [](const cchc::report& r) { return r.year; });
  cls.def_property_readonly("unit_name", [](const cchc::report& r) { return r.unit.name; });
  cls.def_property_readonly("issuer", [](const cchc::report& r) { return r.unit.issuer; });
  cls.def_property_readonly("province", [](const cchc::report& r) { return r.unit.province; });
  cls.def_property_readonly("level", [](const cchc::report& r) { return std::string(to_string(r.unit.level)); });
  cls.def_property_readonly("period", [](const cchc::report& r) -> py::object {
    if (!r.period) return py::none();
    return py::make_tuple(date::sys_days(r.period->from), date::sys_days(r.period->to));
  }, "The reporting period stated by the report, as (first day, last day), or None.");
  cls.def("flows",
          [](const cchc::report& r) {
            py::list rows;
            for (const auto& row : r.one_stop.flows) {
              py::dict d;
              d["row"] = row.row;
              d["name_vi"] = row.name_vi;
              d["level"] = std::string(to_string(row.level));
              d["flow"] = py::cast(row.flow);
              d["note_vi"] = row.note_vi;
              rows.append(d);
            }
            return rows;
          },
          "The published flow table rows: dicts with row, name_vi, level, flow (DossierFlow), note_vi.");
  cls.def("check",
          [](const cchc::report& r, bool confirmations) {
            cchc::validate_options o;
            o.confirmations = confirmations;
            return findings_list(cchc::validate(r, o));
          },
          py::arg("confirmations") = false, R"doc(
Runs every validation rule (docs/validation.md).

Parameters
----------
confirmations : bool
    Also list an info finding for every printed figure that is reproduced.

Returns
-------
Findings
    A list of :class:`Finding` (id, severity, path, message, numbers) with ``.to_frame()``.
)doc");
  cls.def("_indicator_rows", [](const cchc::report& r) {
    py::list rows;
    for (const auto& i : cchc::indicators(r)) rows.append(indicator_row(i));
    return rows;
  });
  bind_indicator(m);  // cchc.Indicators (bind_indicator.cpp)
  cls.def("to_json", [](const cchc::report& r) { return cchc::to_json(r); }, "The canonical JSON text.");
  value_type(
      cls, [](const cchc::report& r) { return py::str(cchc::to_json(r)); },
      [](const cchc::report& r) { return py::make_tuple(cchc::to_json(r)); },
      [](const py::tuple& t) { return cchc::parse_report(t[0].cast<std::string>(), {}, "<pickle>"); },
      [](const cchc::report& r) {
        return "<Report " + r.unit.issuer + " " + std::to_string(r.year) + ">";
      });

  m.def("load_report",
        [](py::handle path, const std::string& unknown_fields) {
          const std::string p = py::str(path).cast<std::string>();
          auto o = options_of(unknown_fields);
          py::gil_scoped_release release;
          return cchc::load_report(p, o);
        },
        py::arg("path"), py::arg("unknown_fields") = "error", R"doc(
Reads a report file (JSON, format cchc.report v1; see docs/report-format.md).

Parameters
----------
path : str or os.PathLike
unknown_fields : {"error", "warn"}
    An unknown field is an error, or a warning finding returned first by ``check()``.

Raises
------
cchc.FileError
    (an OSError) when the file cannot be read.
cchc.ParseError
    (a ValueError) with the file, line, column and JSON path.
)doc");
  m.def("parse_report",
        [](const std::string& text, const std::string& unknown_fields) {
          return cchc::parse_report(text, options_of(unknown_fields));
        },
        py::arg("text"), py::arg("unknown_fields") = "error", "A report from JSON text (see load_report).");
}

}  // namespace cchc::py_detail
#endif
