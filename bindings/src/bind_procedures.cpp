// Python bindings: the procedure catalogue and the one-stop rules (cchc/procedure_catalogue.hpp,
// cchc/one_stop_rules.hpp). Times of day are datetime.time, dates datetime.date, sources dicts.
#include "bind.hpp"

#ifdef CCHC_PY_HAVE_PROCEDURES

#include <pybind11/stl.h>

#include "casters.hpp"
#include "cchc/one_stop_rules.hpp"
#include "cchc/procedure_catalogue.hpp"

namespace cchc::py_detail {

namespace {

py::object time_of_day(std::chrono::minutes t) {
  static auto* time_type = new py::object(py::module_::import("datetime").attr("time"));
  if (t.count() >= 24 * 60) return (*time_type)(23, 59, 59, 999999);  // 24:00: the end of the day
  return (*time_type)(t.count() / 60, t.count() % 60);
}

py::object optional_time(const std::optional<std::chrono::minutes>& t) {
  return t ? time_of_day(*t) : py::object(py::none());
}

py::dict source_dict(const cchc::fact_source& s) {
  py::dict d;
  d["document"] = s.document;
  d["article"] = s.article;
  d["url"] = s.url;
  d["confirmed"] = s.confirmed;
  d["note"] = s.note;
  return d;
}

// The last day of a period argument: an object with .last (cchc.Period), or a (first, last) pair
// (as Report.period gives it).
date::sys_days period_last(py::handle p) {
  if (py::hasattr(p, "last")) return p.attr("last").cast<date::sys_days>();
  if (py::isinstance<py::tuple>(p) || py::isinstance<py::list>(p)) {
    const auto seq = p.cast<py::sequence>();
    if (seq.size() == 2) return seq[1].cast<date::sys_days>();
  }
  throw py::type_error("period: expected a cchc.Period or a (first, last) pair of datetime.date, got " +
                       py::str(py::type::of(p)).cast<std::string>());
}

}  // namespace

void bind_procedures(py::module_& m) {
  py::class_<cchc::procedure> p(m, "Procedure", R"doc(
One procedure of a catalogue: code, Vietnamese name, levels, field, processing time, receipt cut-off
and the legal source of those facts (``source["confirmed"]`` says whether it was read in the text).
)doc");
  p.def_property_readonly("code", [](const cchc::procedure& x) { return x.code; }, "The procedure's code.");
  p.def_property_readonly("name_vi", [](const cchc::procedure& x) { return x.name_vi; }, "Its Vietnamese name.");
  p.def_property_readonly("levels", [](const cchc::procedure& x) { return x.levels; },
                          "The levels that handle it: 'province', 'district', 'commune'.");
  p.def_property_readonly("field", [](const cchc::procedure& x) { return x.field; }, "Its field (lĩnh vực).");
  p.def_property_readonly("processing_amount", [](const cchc::procedure& x) { return x.processing.amount; },
                          "The amount of the processing time.");
  p.def_property_readonly("processing_unit", [](const cchc::procedure& x) { return std::string(to_string(x.processing.unit)); },
                          "The unit: 'working_days', 'calendar_days', 'working_hours', 'half_days', 'same_day'.");
  p.def_property_readonly("receipt_cutoff", [](const cchc::procedure& x) { return optional_time(x.receipt_cutoff); },
                          "datetime.time after which a receipt counts from the next working day, or None.");
  p.def_property_readonly("source", [](const cchc::procedure& x) { return source_dict(x.source); },
                          "The source: dict with document, article, url, confirmed, note.");
  p.def("__repr__", [](const cchc::procedure& x) {
    return "<Procedure " + x.code + " " + x.name_vi + ": " + std::to_string(x.processing.amount) + " " +
           std::string(to_string(x.processing.unit)) + ">";
  });

  py::class_<cchc::procedure_catalogue> c(m, "Procedures", R"doc(
A procedure catalogue (docs/procedures.md): ``Procedures.builtin()``, ``Procedures.load(path)``.
``catalogue["1.001193"]`` is a Procedure (KeyError when unknown), ``catalogue.get(code)`` one or None.
Errors in a file are cchc.ParseError naming the file, line, column and JSON path.
)doc");
  c.def_static(
      "load", [](py::handle path) { return cchc::load_procedure_catalogue(py::str(path).cast<std::string>()); },
      py::arg("path"), "Reads a catalogue file (format cchc.procedures).");
  c.def_static("parse", &cchc::parse_procedure_catalogue, py::arg("text"), py::arg("origin") = "<procedures>",
               "Parses a catalogue file's text.");
  c.def_static("builtin", []() { return cchc::builtin_procedure_catalogue(); }, "The built-in catalogue.");
  c.def_static("builtin_text", []() { return std::string(cchc::builtin_procedure_catalogue_text()); },
               "The built-in catalogue's file text (to copy and extend).");
  c.def_property_readonly("id", [](const cchc::procedure_catalogue& x) { return x.id(); }, "The catalogue's id.");
  c.def_property_readonly("codes", [](const cchc::procedure_catalogue& x) {
    std::vector<std::string> codes;
    for (const auto& q : x.procedures()) codes.push_back(q.code);
    return codes;
  }, "The codes, sorted.");
  c.def("get", [](const cchc::procedure_catalogue& x, const std::string& code) -> py::object {
    const auto* q = x.find(code);
    return q ? py::cast(*q) : py::object(py::none());
  }, py::arg("code"), "The procedure with this code, or None.");
  c.def("__getitem__", [](const cchc::procedure_catalogue& x, const std::string& code) {
    const auto* q = x.find(code);
    if (!q) throw py::key_error("no procedure " + code + " in the catalogue");
    return *q;
  });
  c.def("__contains__", [](const cchc::procedure_catalogue& x, const std::string& code) { return x.find(code) != nullptr; });
  c.def("__len__", &cchc::procedure_catalogue::size);
  c.def("__iter__", [](const cchc::procedure_catalogue& x) {
    py::list all;
    for (const auto& q : x.procedures()) all.append(py::cast(q));
    return py::iter(all);
  });
  c.def("merged_over", &cchc::procedure_catalogue::merged_over, py::arg("base"),
        "This catalogue's procedures, then those of base whose codes it does not have.");
  c.def("__repr__", [](const cchc::procedure_catalogue& x) {
    return "<Procedures " + (x.id().empty() ? std::string("(no id)") : x.id()) + ": " + std::to_string(x.size()) +
           " procedures>";
  });

  py::class_<cchc::one_stop_rules> r(m, "OneStopRules", R"doc(
A versioned set of one-stop-shop rules (docs/procedures.md): ``OneStopRules.builtin("vn.one_stop.2018")``,
``OneStopRules.for_period(period)`` (the built-in set in force on the period's last day),
``OneStopRules.load(path)``. ``sources`` gives each parameter's source and whether it is confirmed.
)doc");
  r.def_static("builtin", [](const std::string& id) { return cchc::builtin_one_stop_rules(id); }, py::arg("name"),
               "A built-in rule set by id (KeyError listing the ids when unknown).");
  r.def_static("builtins", []() { return cchc::builtin_one_stop_rules(); }, "The ids of the built-in rule sets.");
  r.def_static(
      "load", [](py::handle path) { return cchc::load_one_stop_rules(py::str(path).cast<std::string>()); },
      py::arg("path"), "Reads a rules file (format cchc.one_stop_rules).");
  r.def_static("parse", &cchc::parse_one_stop_rules, py::arg("text"), py::arg("origin") = "<one-stop rules>",
               "Parses a rules file's text.");
  r.def_static("for_period", [](py::handle period) { return cchc::rules_in_force(period_last(period)); },
               py::arg("period"),
               "The built-in set in force on the period's last day (a cchc.Period or a (first, last) pair).");
  r.def_static("in_force_on", [](date::sys_days day) { return cchc::rules_in_force(day); }, py::arg("day"),
               "The built-in set in force on a day (RangeError when none is).");
  r.def_property_readonly("id", [](const cchc::one_stop_rules& x) { return x.id; }, "The rule set's id.");
  r.def_property_readonly("title_vi", [](const cchc::one_stop_rules& x) { return x.title_vi; }, "Vietnamese title.");
  r.def_property_readonly("title_en", [](const cchc::one_stop_rules& x) { return x.title_en; }, "English title.");
  r.def_property_readonly("effective_from", [](const cchc::one_stop_rules& x) { return x.effective_from; },
                          "First day in force.");
  r.def_property_readonly("effective_to", [](const cchc::one_stop_rules& x) -> py::object {
    return x.effective_to ? py::cast(*x.effective_to) : py::object(py::none());
  }, "Last day in force, or None while in force.");
  r.def_property_readonly("documents", [](const cchc::one_stop_rules& x) {
    py::list out;
    for (const auto& d : x.documents) {
      py::dict e;
      e["document"] = d.document;
      e["issued"] = d.issued ? py::cast(*d.issued) : py::object(py::none());
      e["effective"] = d.effective ? py::cast(*d.effective) : py::object(py::none());
      e["note"] = d.note;
      out.append(e);
    }
    return out;
  }, "The documents behind the rules: dicts with document, issued, effective, note.");
  r.def_property_readonly("office_hours", [](const cchc::one_stop_rules& x) {
    return py::make_tuple(py::make_tuple(time_of_day(x.hours.morning.start), time_of_day(x.hours.morning.end)),
                          py::make_tuple(time_of_day(x.hours.afternoon.start), time_of_day(x.hours.afternoon.end)));
  }, "((morning start, end), (afternoon start, end)) as datetime.time.");
  r.def_property_readonly("default_receipt_cutoff", [](const cchc::one_stop_rules& x) {
    return optional_time(x.default_receipt_cutoff);
  }, "The national receipt cut-off (None: set per procedure).");
  r.def_property_readonly("day_off_receipt_moves_to_next_working_day",
                          [](const cchc::one_stop_rules& x) { return x.day_off_receipt_moves_to_next_working_day; },
                          "A dossier received on a day off counts from the next working day.");
  r.def_property_readonly("more_than_one_supplement_request_is_late",
                          [](const cchc::one_stop_rules& x) { return x.more_than_one_supplement_request_is_late; },
                          "More than one supplement request counts as late.");
  r.def_property_readonly("sources", [](const cchc::one_stop_rules& x) {
    py::dict d;
    d["office_hours"] = source_dict(x.hours_source);
    d["day_off_receipt_moves_to_next_working_day"] = source_dict(x.day_off_source);
    d["more_than_one_supplement_request_is_late"] = source_dict(x.supplement_source);
    d["default_receipt_cutoff"] = source_dict(x.cutoff_source);
    return d;
  }, "Each parameter's source: {parameter: {document, article, url, confirmed, note}}.");
  r.def_property_readonly("note", [](const cchc::one_stop_rules& x) { return x.note; }, "The file's note.");
  r.def("in_force", [](const cchc::one_stop_rules& x, date::sys_days day) { return x.in_force_on(day); },
        py::arg("day"), "True when the rules are in force on day.");
  r.def("__repr__", [](const cchc::one_stop_rules& x) { return "<OneStopRules " + x.id + ">"; });
}

}  // namespace cchc::py_detail

#endif  // CCHC_PY_HAVE_PROCEDURES
