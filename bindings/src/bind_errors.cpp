// cchc exceptions → Python exceptions. Every cchc exception becomes a subclass of cchc.Error and of
// the built-in a Python caller expects: ValueError for bad values, KeyError for unknown names, OSError
// for files. The location parts (file, line, column, path, field) become attributes.
#include <pybind11/pybind11.h>

#include "bind.hpp"
#include "cchc/error.hpp"
#include "py_convert.hpp"

namespace py = pybind11;

namespace cchc::py_detail {
namespace {

py::object make_exception(py::module_& m, const char* name, py::tuple bases, const char* doc) {
  std::string qualified = std::string("cchc.") + name;
  PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), nullptr);
  if (type == nullptr) throw py::error_already_set();
  py::object result = py::reinterpret_steal<py::object>(type);
  m.attr(name) = result;
  return result;
}

// Kept alive for the interpreter's lifetime (the module holds a reference too).
py::object* error_base = nullptr;
py::object* parse_error_type = nullptr;
py::object* range_error_type = nullptr;
py::object* overflow_error_type = nullptr;
py::object* argument_error_type = nullptr;
py::object* lookup_error_type = nullptr;
py::object* io_error_type = nullptr;

void raise(const py::object& type, const cchc::error& e, const std::string& message, const std::string& field,
           py::handle index) {
  py::object instance = type(message);
  const cchc::location& w = e.where();
  instance.attr("detail") = e.detail();
  instance.attr("file") = w.file;
  instance.attr("line") = w.line;
  instance.attr("column") = w.column;
  instance.attr("path") = w.path;
  instance.attr("field") = field;
  instance.attr("index") = index;  // the pandas index label (or ndarray position) of the row; None
  PyErr_SetObject(type.ptr(), instance.ptr());
}

void raise(const py::object& type, const cchc::error& e) { raise(type, e, e.what(), e.where().field, py::none()); }

/// The Python class of a cchc exception (most derived first).
const py::object& type_of(const cchc::error& e) {
  if (dynamic_cast<const cchc::parse_error*>(&e)) return *parse_error_type;
  if (dynamic_cast<const cchc::range_error*>(&e)) return *range_error_type;
  if (dynamic_cast<const cchc::overflow_error*>(&e)) return *overflow_error_type;
  if (dynamic_cast<const cchc::argument_error*>(&e)) return *argument_error_type;
  if (dynamic_cast<const cchc::lookup_error*>(&e)) return *lookup_error_type;
  if (dynamic_cast<const cchc::io_error*>(&e)) return *io_error_type;
  return *error_base;
}

}  // namespace

void raise_with_prefix(const cchc::error& e, const std::string& prefix, const std::string& column,
                       py::handle index_label) {
  // The row is named once, here: the C++ message (detail) carries no position of its own, and a
  // location's path ("row 3") is the position this prefix replaces with the caller's label.
  const cchc::location& w = e.where();
  std::string message;
  if (!w.file.empty()) {
    cchc::location file_only{w.file, w.line, w.column, "", ""};
    message = file_only.to_string() + ": ";
  }
  message += prefix + ": " + e.detail();
  raise(type_of(e), e, message, column, index_label);
  throw py::error_already_set();
}

void bind_errors(py::module_& m) {
  auto keep = [](py::object o) { return new py::object(std::move(o)); };  // never freed: see above
  error_base = keep(make_exception(m, "Error", py::make_tuple(py::handle(PyExc_Exception)),
                                   "Base class of every exception cchc raises. Attributes: detail "
                                   "(message without location), file, line, column, path, field."));
  auto derived = [&](const char* name, PyObject* builtin, const char* doc) {
    return keep(make_exception(m, name, py::make_tuple(*error_base, py::handle(builtin)), doc));
  };
  parse_error_type = derived("ParseError", PyExc_ValueError,
                             "Malformed text: a number, a date, a CSV field, a JSON document.");
  range_error_type = derived("RangeError", PyExc_ValueError,
                             "A value outside the supported range (e.g. a date outside a calendar).");
  overflow_error_type = derived("ArithmeticOverflowError", PyExc_ValueError,
                                "An exact result that cannot be represented (never wraps around).");
  argument_error_type = derived("ArgumentError", PyExc_ValueError,
                                "An argument that is invalid for the operation (zero divisor, ...).");
  lookup_error_type = derived("UnknownNameError", PyExc_KeyError,
                              "A name that is not known (an indicator id, a unit, a rounding mode).");
  io_error_type = derived("FileError", PyExc_OSError, "A file that cannot be opened, read or written.");

  py::register_exception_translator([](std::exception_ptr p) {
    if (!p) return;
    try {
      std::rethrow_exception(p);
    } catch (const cchc::parse_error& e) {
      raise(*parse_error_type, e);
    } catch (const cchc::range_error& e) {
      raise(*range_error_type, e);
    } catch (const cchc::overflow_error& e) {
      raise(*overflow_error_type, e);
    } catch (const cchc::argument_error& e) {
      raise(*argument_error_type, e);
    } catch (const cchc::lookup_error& e) {
      raise(*lookup_error_type, e);
    } catch (const cchc::io_error& e) {
      raise(*io_error_type, e);
    } catch (const cchc::error& e) {
      raise(*error_base, e);
    }
  });
}

}  // namespace cchc::py_detail

// ---------------------------------------------------------------------------------------------------
// cchc::finding → cchc.Finding (read-only value type; checks return lists of them).

#include "cchc/finding.hpp"

namespace cchc::py_detail {
namespace {

py::object number_value(const std::string& text) {
  // Findings carry their numbers as exact decimal text; Decimal keeps them exact. Text Python's
  // Decimal does not read (e.g. a Vietnamese-formatted figure) stays a str.
  static auto* decimal = new py::object(py::module_::import("decimal").attr("Decimal"));
  try {
    py::object d = (*decimal)(text);
    if (d.attr("is_finite")().cast<bool>()) return d;
  } catch (const py::error_already_set&) {
  }
  return py::str(text);
}

py::tuple finding_state(const cchc::finding& f) {
  py::list numbers;
  for (const auto& [name, value] : f.numbers) numbers.append(py::make_tuple(name, value));
  return py::make_tuple(f.rule, static_cast<int>(f.severity), f.where.file, f.where.line, f.where.column,
                        f.where.path, f.where.field, f.message_vi, f.message_en, py::tuple(numbers));
}

cchc::finding finding_from_state(const py::tuple& t) {
  if (t.size() != 10) throw py::value_error("cannot unpickle Finding: state has the wrong length");
  cchc::finding f;
  f.rule = t[0].cast<std::string>();
  const int s = t[1].cast<int>();
  if (s < 0 || s > 2) throw py::value_error("cannot unpickle Finding: unknown severity");
  f.severity = static_cast<cchc::severity>(s);
  f.where.file = t[2].cast<std::string>();
  f.where.line = t[3].cast<long>();
  f.where.column = t[4].cast<long>();
  f.where.path = t[5].cast<std::string>();
  f.where.field = t[6].cast<std::string>();
  f.message_vi = t[7].cast<std::string>();
  f.message_en = t[8].cast<std::string>();
  for (py::handle item : t[9].cast<py::tuple>()) {
    auto pair = item.cast<py::tuple>();
    f.numbers.emplace_back(pair[0].cast<std::string>(), pair[1].cast<std::string>());
  }
  return f;
}

}  // namespace

void bind_findings(py::module_& m) {
  py::class_<cchc::finding> cls(m, "Finding", R"doc(
Something a check noticed about data (not an exception).

Checks of published figures never raise on figures that do not add up: they return findings.

Attributes
----------
id : str
    Stable rule id, e.g. ``"flow.received_identity"`` (also available as ``rule``).
severity : str
    ``"info"``, ``"warning"`` or ``"error"``.
path : str
    Where: usually a JSON path such as ``"$.one_stop.flows[0]"``; ``field`` names the column.
message : str
    English message (``message_vi``: Vietnamese).
numbers : dict[str, decimal.Decimal]
    The numbers involved, exact.
)doc");
  cls.def_property_readonly("id", [](const cchc::finding& f) { return f.rule; })
      .def_property_readonly("rule", [](const cchc::finding& f) { return f.rule; })
      .def_property_readonly("severity", [](const cchc::finding& f) { return std::string(to_string(f.severity)); })
      .def_property_readonly("path", [](const cchc::finding& f) { return f.where.path; })
      .def_property_readonly("field", [](const cchc::finding& f) { return f.where.field; })
      .def_property_readonly("file", [](const cchc::finding& f) { return f.where.file; })
      .def_property_readonly("line", [](const cchc::finding& f) { return f.where.line; })
      .def_property_readonly("column", [](const cchc::finding& f) { return f.where.column; })
      .def_property_readonly("location", [](const cchc::finding& f) { return f.where.to_string(); })
      .def_property_readonly("message", [](const cchc::finding& f) { return f.message_en; })
      .def_property_readonly("message_en", [](const cchc::finding& f) { return f.message_en; })
      .def_property_readonly("message_vi", [](const cchc::finding& f) { return f.message_vi; })
      .def_property_readonly("numbers", [](const cchc::finding& f) {
        py::dict d;
        for (const auto& [name, value] : f.numbers) d[py::str(name)] = number_value(value);
        return d;
      });
  value_type(
      cls, [](const cchc::finding& f) { return finding_state(f); }, finding_state, finding_from_state,
      [](const cchc::finding& f) {
        return "Finding(id=" + pyrepr(py::str(f.rule)) + ", severity=" +
               pyrepr(py::str(std::string(to_string(f.severity)))) + ", path=" + pyrepr(py::str(f.where.path)) +
               ", field=" + pyrepr(py::str(f.where.field)) + ", message=" + pyrepr(py::str(f.message_en)) + ")";
      });
}

}  // namespace cchc::py_detail
