// cchc exceptions → Python exceptions. Every cchc exception becomes a subclass of cchc.Error and of
// the built-in a Python caller expects: ValueError for bad values, KeyError for unknown names, OSError
// for files. The location parts (file, line, column, path, field) become attributes.
#include <pybind11/pybind11.h>

#include "bind.hpp"
#include "cchc/error.hpp"

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

void raise(const py::object& type, const cchc::error& e) {
  py::object instance = type(e.what());
  const cchc::location& w = e.where();
  instance.attr("detail") = e.detail();
  instance.attr("file") = w.file;
  instance.attr("line") = w.line;
  instance.attr("column") = w.column;
  instance.attr("path") = w.path;
  instance.attr("field") = w.field;
  PyErr_SetObject(type.ptr(), instance.ptr());
}

}  // namespace

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
