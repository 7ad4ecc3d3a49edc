// cchc::dossier_flow → cchc.DossierFlow: one row of the Biểu 06/VPCP/KSTT table.
#include "bind.hpp"

#ifdef CCHC_PY_HAVE_FLOW
#include <pybind11/stl.h>

#include "cchc/flow.hpp"

namespace py = pybind11;

namespace cchc::py_detail {
namespace {

cchc::dossier_flow::count to_count(py::handle value, std::string_view column) {
  if (value.is_none()) return std::nullopt;
  if (PyBool_Check(value.ptr()) || !PyLong_Check(value.ptr())) {
    throw py::type_error(std::string(column) + ": a count of dossiers is an int (or None = not published), got " +
                         py::str(py::type::of(value).attr("__name__")).cast<std::string>());
  }
  return value.cast<std::int64_t>();
}

cchc::flow_column column_arg(const std::string& name) {
  return cchc::parse_flow_column(name);  // lookup_error → cchc.UnknownNameError (a KeyError)
}

cchc::dossier_flow flow_from_kwargs(const py::kwargs& kwargs) {
  cchc::dossier_flow flow;
  for (auto [key, value] : kwargs) {
    const std::string name = key.cast<std::string>();
    cchc::flow_column c;
    try {
      c = cchc::parse_flow_column(name);
    } catch (const cchc::lookup_error&) {
      std::string known;
      for (auto k : cchc::all_flow_columns) known += (known.empty() ? "" : ", ") + std::string(to_string(k));
      throw py::type_error("DossierFlow: unknown column '" + name + "' (known: " + known + ")");
    }
    flow.set(c, to_count(value, name));
  }
  return flow;
}

py::dict flow_dict(const cchc::dossier_flow& f, bool present_only) {
  py::dict d;
  for (auto c : cchc::all_flow_columns) {
    auto v = f.get(c);
    if (present_only && !v) continue;
    d[py::str(std::string(to_string(c)))] = v ? py::object(py::int_(*v)) : py::object(py::none());
  }
  return d;
}

}  // namespace

void bind_flow(py::module_& m) {
  py::class_<cchc::dossier_flow> cls(m, "DossierFlow", R"doc(
One row of the one-stop-shop flow table (Biểu số 06/VPCP/KSTT, Circular 01/2020/TT-VPCP).

Every column is an ``int`` or ``None``: ``None`` means *not published*, never zero. Flows add:
``a + b`` is the flow of the union of both sets of dossiers (a column absent in either operand is
absent in the sum), so partial results per partition or per unit combine exactly.

Parameters
----------
**columns : int or None
    Any of ``DossierFlow.COLUMNS``: received, received_online, received_offline, carried_over,
    resolved, resolved_in_time, resolved_early, resolved_on_time, resolved_late, pending,
    pending_in_time, pending_overdue, returned_withdrawn, apologies, online_resolved, fell_due.

Examples
--------
>>> f = DossierFlow(received=14083, resolved_in_time=13676, resolved_late=343,
...                 pending_in_time=64, pending_overdue=0)
>>> f.check()
[]
)doc");
  cls.def(py::init([](const py::kwargs& kwargs) { return flow_from_kwargs(kwargs); }));
  py::list columns;
  for (auto c : cchc::all_flow_columns) {
    const std::string name(to_string(c));
    columns.append(name);
    cls.def_property_readonly(name.c_str(), [c](const cchc::dossier_flow& f) { return f.get(c); },
                              (std::string("Column '") + name + "' (" + std::string(label_vi(c)) +
                               "); None when not published.")
                                  .c_str());
  }
  cls.attr("COLUMNS") = py::tuple(columns);
  py::dict labels;
  for (auto c : cchc::all_flow_columns) labels[py::str(std::string(to_string(c)))] = std::string(label_vi(c));
  cls.attr("LABELS_VI") = labels;

  cls.def_static("zeros", &cchc::dossier_flow::zeros,
                 "A flow with every column present and zero: the neutral element of ``+``.");
  cls.def("replace", [](const cchc::dossier_flow& f, const py::kwargs& kwargs) {
        cchc::dossier_flow out = f;
        for (auto [key, value] : kwargs) {
          const std::string name = key.cast<std::string>();
          out = out.with(column_arg(name), to_count(value, name));
        }
        return out;
      },
      "A copy with the given columns replaced (``None`` removes a column).");
  cls.def("to_dict", &flow_dict, py::arg("present_only") = false,
          "The columns as ``{name: int or None}`` in table order.");
  cls.def_property_readonly("empty", &cchc::dossier_flow::empty, "True when no column is present.");
  cls.def("in_time_total", &cchc::dossier_flow::in_time_total,
          "early + on time: the published column, or the sum of its parts, or None.");
  cls.def("resolved_total", &cchc::dossier_flow::resolved_total,
          "resolved: the published column, or in time + late, or None.");
  cls.def("pending_total", &cchc::dossier_flow::pending_total,
          "pending: the published column, or within deadline + overdue, or None.");
  cls.def("received_new", &cchc::dossier_flow::received_new,
          "Received in the period (without carried-over dossiers), or None.");
  cls.def("check", &cchc::dossier_flow::check, py::arg("path") = std::string(),
          R"doc(Tests the identities of the table; returns a list of :class:`Finding` (never raises).

Parameters
----------
path : str
    Locates this row in the findings (e.g. ``"$.one_stop.flows[0]"``).
)doc");
  cls.def("__add__", [](const cchc::dossier_flow& a, const cchc::dossier_flow& b) { return a + b; },
          py::is_operator());
  cls.def("__radd__", [](const cchc::dossier_flow& a, py::object other) -> py::object {
        // sum(flows) starts from 0: 0 + flow is the flow.
        if (PyLong_Check(other.ptr()) && other.cast<long long>() == 0) return py::cast(a);
        return py::reinterpret_borrow<py::object>(Py_NotImplemented);
      },
      py::is_operator());
  value_type(
      cls, [](const cchc::dossier_flow& f) { return py::tuple(py::make_tuple(py::tuple(flow_dict(f, false).attr("items")()))); },
      [](const cchc::dossier_flow& f) { return py::make_tuple(flow_dict(f, true)); },
      [](const py::tuple& state) {
        return flow_from_kwargs(state[0].cast<py::dict>().cast<py::kwargs>());
      },
      [](const cchc::dossier_flow& f) {
        std::string out = "DossierFlow(";
        bool first = true;
        for (auto [k, v] : flow_dict(f, true)) {
          out += (first ? "" : ", ") + k.cast<std::string>() + "=" + pyrepr(v);
          first = false;
        }
        return out + ")";
      });
}

}  // namespace cchc::py_detail
#endif
