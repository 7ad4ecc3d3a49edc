// cchc::dossier_flow → cchc.DossierFlow: one row of the Biểu 06/VPCP/KSTT table.
#include "bind.hpp"

#ifdef CCHC_PY_HAVE_FLOW
#include <pybind11/stl.h>

#include <tuple>

#include "cchc/flow.hpp"
#ifdef CCHC_PY_HAVE_CORE
#include "cchc/flow_table_check.hpp"
#include "cchc/number_format.hpp"
#endif

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

#ifdef CCHC_PY_HAVE_CORE
cchc::on_time_convention convention_arg(py::handle h) {
  if (!PyUnicode_Check(h.ptr()))
    throw py::type_error("convention: expected a name such as \"resolved_basis\" (see ON_TIME_CONVENTIONS), got " +
                         py::str(py::type::of(h).attr("__name__")).cast<std::string>());
  return cchc::parse_on_time_convention(h.cast<std::string>());  // lookup_error → UnknownNameError
}

py::dict source_dict(cchc::on_time_convention c) {
  const auto& s = cchc::source_of(c);
  py::dict d;
  d["convention"] = std::string(to_string(c));
  d["formula"] = std::string(s.formula);
  d["document"] = std::string(s.document);
  d["seen_in"] = std::string(s.seen_in);
  d["inferred"] = s.inferred;
  d["note"] = std::string(s.note);
  return d;
}

// A printed percentage from Python: str in the default reading (or `style`), Decimal or int as is.
cchc::decimal printed_arg(py::handle h, py::handle style) {
  if (PyUnicode_Check(h.ptr())) {
    const std::string text = h.cast<std::string>();
    if (style.is_none()) return cchc::parse_percent_text(text);
    return cchc::parse_percent_text(text, style_arg(style, "style"));
  }
  return to_decimal(h, "printed");
}

cchc::flow_table_options table_options(int max_scale, py::handle counts_style, py::handle percent_style) {
  cchc::flow_table_options o;
  o.max_scale = max_scale;
  o.counts_style = style_arg(counts_style, "counts_style");
  if (!percent_style.is_none()) o.percent_style = style_arg(percent_style, "percent_style");
  return o;
}

// The table and its check as plain Python values; python/cchc/_flows.py makes the DataFrames.
py::dict table_result(const cchc::published_flow_table& t, const cchc::flow_table_options& o) {
  cchc::flow_table_result r;
  {
    py::gil_scoped_release release;
    r = cchc::check_flow_table(t, o);
  }
  py::list rows;
  for (const auto& row : t.rows) rows.append(py::make_tuple(row.label, row.line, py::cast(row.flow)));
  py::list figures;
  for (const auto& fc : r.figures) {
    py::dict bases;
    for (const auto& [name, rate] : fc.bases) bases[py::str(name)] = py::cast(rate);
    py::list matches;
    for (const auto& mt : fc.matches) matches.append(py::make_tuple(mt.basis, mt.scale, std::string(to_string(mt.mode))));
    py::dict f;
    f["row"] = fc.row;
    f["column"] = std::string(to_string(fc.share));
    f["printed"] = from_decimal(fc.printed.value);
    f["printed_text"] = fc.printed.text;
    f["bases"] = bases;
    f["matches"] = matches;
    figures.append(f);
  }
  py::dict out;
  out["rows"] = rows;
  out["figures"] = figures;
  out["findings"] = py::cast(r.findings);
  return out;
}
#endif

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
#ifdef CCHC_PY_HAVE_CORE
  cls.def("rate", [](const cchc::dossier_flow& f, py::handle convention) { return f.on_time_rate(convention_arg(convention)); },
          py::arg("convention"), R"doc(The exact on-time :class:`Rate` under a convention (see ``ON_TIME_CONVENTIONS``).

Returns None when a column the convention needs is not published (absent is not zero).
)doc");
  cls.def("on_time_rate",
          [](const cchc::dossier_flow& f, py::handle convention, py::handle scale, py::handle rounding) -> py::object {
            const auto r = f.on_time_rate(convention_arg(convention));
            const int sc = scale_arg(scale, "scale");
            const auto mode = rounding_arg(rounding, "rounding");
            if (!r) return py::none();
            const auto p = r->percent(sc, mode);
            return p ? from_decimal(*p) : py::object(py::none());
          },
          py::arg("convention"), py::arg("scale") = 2, py::arg("rounding") = "half_away_from_zero", R"doc(
The on-time rate in percent under a convention, rounded once to ``scale`` decimals with ``rounding``.

Parameters
----------
convention : str
    resolved_basis, received_basis, due_basis, late_complement or portal_timeliness
    (``ON_TIME_CONVENTIONS``; :func:`convention_source` gives each one's formula and source).
scale : int
rounding : str
    A rounding name (``ROUNDINGS``) or a ``decimal.ROUND_*`` constant.

Returns
-------
decimal.Decimal or None
    None when a column the convention needs is absent, or its denominator is zero.

Examples
--------
>>> DossierFlow(received=14083, resolved_in_time=13676, resolved_late=343, pending_in_time=64,
...             pending_overdue=0).on_time_rate("resolved_basis")
Decimal('97.55')
)doc");
  cls.def("reproduces",
          [](const cchc::dossier_flow& f, py::handle printed, py::handle style) {
            py::list out;
            for (const auto& mt : f.matching_conventions(printed_arg(printed, style)))
              out.append(py::make_tuple(std::string(to_string(mt.convention)), std::string(to_string(mt.mode))));
            return out;
          },
          py::arg("printed"), py::arg("style") = py::none(), R"doc(
Which (convention, rounding) pairs give a printed on-time percentage at its own number of decimals.

``printed`` is a str (``"97,55%"``, ``"97.55"``, read in the default reading unless ``style`` is
given), a Decimal or an int, in percent units. Every convention and every rounding mode is tried;
an empty list means the table does not explain the figure.

Examples
--------
>>> DossierFlow(received=14083, resolved_in_time=13676, resolved_late=343, pending_in_time=64,
...             pending_overdue=0).reproduces("97,55%")[0]
('resolved_basis', 'half_away_from_zero')
)doc");
#endif
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

#ifdef CCHC_PY_HAVE_CORE
  py::list conventions;
  for (auto c : cchc::all_on_time_conventions) conventions.append(std::string(to_string(c)));
  m.attr("ON_TIME_CONVENTIONS") = py::tuple(conventions);
  m.def("convention_source", [](py::handle name) { return source_dict(convention_arg(name)); }, py::arg("convention"),
        R"doc(Where an on-time convention comes from, as data.

Returns
-------
dict
    convention, formula (in column names), document, seen_in, inferred (True when worked out from
    published figures rather than read in a text), note.
)doc");
  m.def("_check_flow_rows",
        [](const std::vector<std::tuple<std::string, std::vector<std::pair<std::string, std::string>>>>& rows,
           const std::string& origin, int max_scale, py::handle counts_style, py::handle percent_style) {
          const auto o = table_options(max_scale, counts_style, percent_style);
          cchc::published_flow_table t;
          t.origin = origin;
          for (const auto& [where, cells] : rows)
            t.rows.push_back(cchc::parse_flow_row(cells, cchc::location{origin, 0, 0, where, ""}, o));
          return table_result(t, o);
        });
  m.def("_check_flow_file",
        [](const std::string& path, const std::string& separator, int max_scale, py::handle counts_style,
           py::handle percent_style) {
          auto o = table_options(max_scale, counts_style, percent_style);
          if (separator == "tab") o.separator = '\t';
          else if (separator.size() == 1) o.separator = separator[0];
          else if (!separator.empty())
            throw py::value_error("separator: expected ',', ';', a tab or None, got '" + separator + "'");
          cchc::published_flow_table t;
          {
            py::gil_scoped_release release;
            t = cchc::load_flow_table(path, o);
          }
          return table_result(t, o);
        });
#endif
}

}  // namespace cchc::py_detail
#endif
