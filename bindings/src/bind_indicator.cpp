// Python bindings: indicator catalogues (cchc/indicator_catalogue.hpp) as cchc.Indicators, and the
// rows Report.indicators() and Indicators.evaluate() turn into DataFrames (python/cchc/_frames.py).
// Called from bind_report (indicators are computed from reports).
#include "bind.hpp"

#ifdef CCHC_PY_HAVE_REPORT
#include <pybind11/stl.h>

#include "cchc/indicator.hpp"
#include "cchc/indicator_catalogue.hpp"
#include "cchc/report.hpp"

namespace py = pybind11;

namespace cchc::py_detail {

py::dict indicator_row(const cchc::indicator& i) {
  py::dict d;
  d["id"] = i.id;
  d["label_en"] = i.label_en;
  d["label_vi"] = i.label_vi;
  const bool has_value = i.status == cchc::indicator_status::value;
  if (i.is_rate()) {
    const auto& r = std::get<cchc::rate>(i.value);
    auto p = i.percent(i.scale, i.mode);
    d["percent"] = p ? from_decimal(*p) : py::object(py::none());
    d["numerator"] = has_value ? from_decimal(r.numerator()) : py::object(py::none());
    d["denominator"] = has_value ? from_decimal(r.denominator()) : py::object(py::none());
    d["value"] = has_value ? py::cast(r) : py::object(py::none());
  } else {
    const auto& v = std::get<cchc::decimal>(i.value);
    d["percent"] = py::none();
    d["numerator"] = py::none();
    d["denominator"] = py::none();
    d["value"] = from_decimal(v);
  }
  d["unit"] = i.unit;
  d["formula"] = i.formula;
  d["source"] = i.source;
  d["inferred"] = i.inferred;
  d["path"] = i.path;
  d["status"] = std::string(to_string(i.status));
  d["reason"] = i.reason;
  d["scale"] = i.scale;
  d["rounding"] = std::string(to_string(i.mode));
  d["direction"] = std::string(to_string(i.direction));
  d["rule"] = i.rule;
  py::dict inputs;
  for (const auto& [name, f] : i.inputs)
    inputs[py::str(name)] = f.is_rate() ? py::cast(f.as_rate()) : from_decimal(f.number());
  d["inputs"] = inputs;
  return d;
}

namespace {

cchc::indicator_evaluate_options options(py::handle scale, py::handle rounding) {
  cchc::indicator_evaluate_options o;
  if (!scale.is_none()) o.scale = scale_arg(scale, "scale");
  if (!rounding.is_none()) o.mode = rounding_arg(rounding, "rounding");
  return o;
}

py::list rows(const std::vector<cchc::indicator>& list) {
  py::list out;
  for (const auto& i : list) out.append(indicator_row(i));
  return out;
}

std::vector<std::string> names_arg(py::handle known) {
  std::vector<std::string> out;
  for (auto n : known) out.push_back(text_arg(n, "known"));
  return out;
}

}  // namespace

void bind_indicator(py::module_& m) {
  py::class_<cchc::indicator_catalogue> cls(m, "Indicators", R"doc(
An indicator catalogue: definitions as data (format cchc.indicators, docs/indicators.md).

``Indicators.builtin()`` is the catalogue ``Report.indicators()`` uses; ``Indicators.load(path)``
reads a user's. ``evaluate(report_or_figures)`` gives a DataFrame (added by the Python package).
)doc");
  cls.def_static("builtin", []() { return cchc::builtin_indicators(); }, "The built-in catalogue (data/indicators/vn.cchc.json).");
  cls.def_static(
      "builtin_text", []() { return std::string(cchc::builtin_indicators_text()); }, "The built-in catalogue's file text.");
  cls.def_static(
      "load",
      [](py::handle path, py::handle known) {
        const std::string p = py::str(path).cast<std::string>();
        if (known.is_none()) return cchc::load_indicator_catalogue(p);
        const auto names = names_arg(known);
        return cchc::load_indicator_catalogue(p, &names);
      },
      py::arg("path"), py::arg("known") = py::none(), R"doc(
Reads a catalogue file. With ``known`` (figure names), every figure name the catalogue reads must be
one of them. Raises cchc.ParseError (file, line, column, JSON path), cchc.UnknownNameError for an unknown
figure name (with the nearest), cchc.FileError when the file cannot be read.
)doc");
  cls.def_static(
      "parse",
      [](const std::string& text, const std::string& origin, py::handle known) {
        if (known.is_none()) return cchc::parse_indicator_catalogue(text, origin);
        const auto names = names_arg(known);
        return cchc::parse_indicator_catalogue(text, origin, &names);
      },
      py::arg("text"), py::arg("origin") = "<indicators>", py::arg("known") = py::none(), "A catalogue from JSON text (see load).");
  cls.def_property_readonly("id", &cchc::indicator_catalogue::id);
  cls.def_property_readonly("ids", [](const cchc::indicator_catalogue& c) {
    std::vector<std::string> ids;
    for (const auto& d : c.definitions()) ids.push_back(d.id);
    return ids;
  }, "The definitions' ids (templates such as one_stop.on_time.{row}.resolved_basis for rows).");
  cls.def("__len__", [](const cchc::indicator_catalogue& c) { return c.definitions().size(); });
  cls.def("__repr__", [](const cchc::indicator_catalogue& c) {
    return "<Indicators " + c.id() + ": " + std::to_string(c.definitions().size()) + " definitions>";
  });
  cls.def(
      "_rows_report",
      [](const cchc::indicator_catalogue& c, const cchc::report& r, py::handle scale, py::handle rounding) {
        return rows(c.evaluate(cchc::indicator_input::of(r), options(scale, rounding)));
      },
      py::arg("report"), py::arg("scale") = py::none(), py::arg("rounding") = py::none());
#ifdef CCHC_PY_HAVE_SCORECARD
  cls.def(
      "_rows_figures",
      [](const cchc::indicator_catalogue& c, py::handle figures, py::handle scale, py::handle rounding) {
        return rows(c.evaluate(cchc::indicator_input::of(figures_arg(figures, "figures")), options(scale, rounding)));
      },
      py::arg("figures"), py::arg("scale") = py::none(), py::arg("rounding") = py::none());
#endif
}

}  // namespace cchc::py_detail
#endif
