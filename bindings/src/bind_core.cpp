// core: numbers as reports print them, rounding modes, rates (cchc.parse_number, cchc.format_number,
// cchc.Rate, ...). Money, rates and scores cross the boundary as decimal.Decimal, never float.
#include "bind.hpp"

#ifdef CCHC_PY_HAVE_CORE
#include <pybind11/stl.h>

#include <optional>

#include "cchc/decimal.hpp"
#include "cchc/number_format.hpp"
#include "cchc/rate.hpp"
#include "cchc/rounding.hpp"

namespace py = pybind11;

namespace cchc::py_detail {

cchc::rounding rounding_arg(py::handle h, const char* what) {
  if (!PyUnicode_Check(h.ptr())) {
    throw py::type_error(std::string(what) +
                         ": expected a rounding name such as \"half_even\" or a decimal.ROUND_* constant, got " +
                         py::str(py::type::of(h).attr("__name__")).cast<std::string>());
  }
  return cchc::parse_rounding(h.cast<std::string>());
}

cchc::number_style style_arg(py::handle h, const char* what) {
  if (!PyUnicode_Check(h.ptr())) {
    throw py::type_error(std::string(what) + ": expected \"plain\", \"vi\" or \"en\", got " +
                         py::str(py::type::of(h).attr("__name__")).cast<std::string>());
  }
  return cchc::parse_number_style(h.cast<std::string>());
}

// A style for reading text: None (the default) is the library's default reading, which refuses an
// ambiguous text such as "13.676" with both readings (cchc/number_format.hpp).
std::optional<cchc::number_style> reading_style_arg(py::handle h, const char* what) {
  if (h.is_none()) return std::nullopt;
  return style_arg(h, what);
}

int scale_arg(py::handle h, const char* what) {
  if (PyBool_Check(h.ptr()) || !PyLong_Check(h.ptr())) {
    throw py::type_error(std::string(what) + ": expected an int number of decimals, got " +
                         py::str(py::type::of(h).attr("__name__")).cast<std::string>());
  }
  return h.cast<int>();
}

std::string text_arg(py::handle h, const char* what) {
  if (!PyUnicode_Check(h.ptr())) {
    throw py::type_error(std::string(what) + ": expected a str, got " +
                         py::str(py::type::of(h).attr("__name__")).cast<std::string>());
  }
  return h.cast<std::string>();
}

namespace {

// Decimal, int or str → cchc::decimal; a str is read in `style`, or in the default reading when none.
cchc::decimal decimal_arg(py::handle h, const char* what, std::optional<cchc::number_style> style) {
  if (PyUnicode_Check(h.ptr())) {
    const std::string text = h.cast<std::string>();
    return style ? cchc::decimal::parse(text, *style) : cchc::decimal::parse(text);
  }
  return to_decimal(h, what);
}

// repr() text of a part of a Rate: plain, which the default reading gives back unless ambiguous.
bool reads_back(const cchc::decimal& d) {
  const auto back = cchc::decimal::try_parse(d.to_string());
  return back && back->to_string() == d.to_string();
}

py::object optional_decimal(const std::optional<cchc::decimal>& d) {
  return d ? from_decimal(*d) : py::object(py::none());
}

py::list rounding_names(const std::vector<cchc::rounding>& modes) {
  py::list out;
  for (auto r : modes) out.append(std::string(to_string(r)));
  return out;
}

}  // namespace

void bind_core(py::module_& m) {
  py::list names;
  py::dict python_names;
  for (auto r : cchc::all_roundings) {
    names.append(std::string(to_string(r)));
    python_names[py::str(std::string(to_string(r)))] = std::string(python_rounding_name(r));
  }
  m.attr("ROUNDINGS") = py::tuple(names);
  m.attr("PYTHON_ROUNDINGS") = python_names;

  m.def("parse_number",
        [](py::handle text, py::handle style) {
          const std::string t = text_arg(text, "text");
          const auto s = reading_style_arg(style, "style");
          return from_decimal(s ? cchc::decimal::parse(t, *s) : cchc::decimal::parse(t));
        },
        py::arg("text"), py::arg("style") = py::none(), R"doc(
Reads a number written the way reports print it, exactly.

Parameters
----------
text : str
    ``"1340.5"`` (plain), ``"1.340,5"`` (vi: ``.`` groups, ``,`` is the decimal point) or
    ``"1,340.5"`` (en). Surrounding spaces (also no-break) are ignored; a space, no-break space or
    narrow no-break space may group thousands in vi and en (``"1 340,5"``).
style : {"plain", "vi", "en"} or None
    The grammar is strict, so a number in the wrong style is an error, not another value. None (the
    default) reads the text in every style it fits and refuses it when two readings differ:
    ``"97,55"`` is 97.55 and ``"0.25"`` is 0.25, but ``"13.676"`` (13676 in vi, 13.676 in plain)
    is a ParseError giving both readings.

Returns
-------
decimal.Decimal
    The value with its printed scale (``"97,55"`` → ``Decimal('97.55')``).

Raises
------
cchc.ParseError
    (a ValueError) naming the column and what was expected there.

Examples
--------
>>> parse_number("14.083", style="vi")
Decimal('14083')
>>> parse_number("97,55")
Decimal('97.55')
)doc");

  m.def("format_number",
        [](py::handle value, py::handle style, py::handle scale, py::handle rounding) {
          const auto s = style_arg(style, "style");
          const cchc::decimal v = to_decimal(value, "value", s);
          if (scale.is_none()) return v.format(s);
          return v.format(s, scale_arg(scale, "scale"), rounding_arg(rounding, "rounding"));
        },
        py::arg("value"), py::arg("style") = "plain", py::arg("scale") = py::none(),
        py::arg("rounding") = "half_away_from_zero", R"doc(
Writes a number the way a report prints it.

Parameters
----------
value : decimal.Decimal, int or str
    A str is read in ``style``. ``float`` is a TypeError (binary floating point is not exact).
style : {"plain", "vi", "en"}
scale : int, optional
    Number of decimals; when given, the value is rounded once with ``rounding``. Default: the
    value's own scale.
rounding : str
    One of :data:`ROUNDINGS` or a ``decimal.ROUND_*`` constant.

Examples
--------
>>> format_number(Decimal("1340.5"), style="vi")
'1.340,5'
>>> format_number("118", style="vi")
'118'
)doc");

  m.def("parse_percent",
        [](py::handle text, py::handle style) {
          const std::string t = text_arg(text, "text");
          const auto s = reading_style_arg(style, "style");
          return from_decimal(s ? cchc::parse_percent(t, *s) : cchc::parse_percent(t));
        },
        py::arg("text"), py::arg("style") = py::none(), R"doc(
Reads a percentage such as ``"99,15%"`` (the ``%`` is required) into percent units.

Spaces, no-break spaces and narrow no-break spaces may stand before the ``%`` (``"99,15\u00a0%"``)
and around the text. ``style`` as in :func:`parse_number` (None: the default reading, which refuses
an ambiguous ``"13.676%"``).

Returns
-------
decimal.Decimal
    ``Decimal('99.15')`` for ``"99,15%"``, keeping the printed scale.
)doc");

  m.def("format_percent",
        [](py::handle value, py::handle style, py::handle scale, py::handle rounding) {
          const auto s = style_arg(style, "style");
          const cchc::decimal v = to_decimal(value, "value", s);
          if (scale.is_none()) return cchc::format_percent(v, s);
          return cchc::format_percent(v, s, scale_arg(scale, "scale"), rounding_arg(rounding, "rounding"));
        },
        py::arg("value"), py::arg("style") = "vi", py::arg("scale") = py::none(),
        py::arg("rounding") = "half_away_from_zero",
        "Writes a figure already in percent units followed by '%' (``\"99,15%\"`` in vi).");

  m.def("rescale",
        [](py::handle value, py::handle scale, py::handle rounding) {
          return from_decimal(decimal_arg(value, "value", std::nullopt).rescale(scale_arg(scale, "scale"),
                                                                 rounding_arg(rounding, "rounding")));
        },
        py::arg("value"), py::arg("scale"), py::arg("rounding"), R"doc(
Rounds ``value`` to ``scale`` decimals with the named rounding (both are required: a lossy step
names its scale and mode).

Examples
--------
>>> rescale(Decimal("99.155"), 2, "half_even")
Decimal('99.16')
)doc");

  m.def("divide",
        [](py::handle a, py::handle b, py::handle scale, py::handle rounding) {
          return from_decimal(cchc::decimal::divide(decimal_arg(a, "a", std::nullopt), decimal_arg(b, "b", std::nullopt),
                                                    scale_arg(scale, "scale"), rounding_arg(rounding, "rounding")));
        },
        py::arg("a"), py::arg("b"), py::arg("scale"), py::arg("rounding"), R"doc(
``a / b`` rounded once to ``scale`` decimals with ``rounding``.

Raises
------
cchc.ArgumentError
    (a ValueError) when ``b`` is zero.
)doc");

  py::class_<cchc::rate> rate(m, "Rate", R"doc(
A ratio kept as its numerator and denominator, so rates merge exactly (a ratio of sums).

Parameters
----------
numerator, denominator : decimal.Decimal, int or str
    A str is read in ``style``. A negative denominator is an :class:`ArgumentError`; a zero one gives
    an undefined rate (``percent()`` returns None).
style : {"plain", "vi", "en"} or None
    None (the default) is the default reading of :func:`parse_number`, the same as
    :meth:`matches`: ``Rate("13.676", 14019)`` is refused (13676 in vi, 13.676 in plain) until a
    style is named.

Examples
--------
>>> Rate(13676, 14019).percent(scale=2)
Decimal('97.55')
>>> Rate(118, 119).matches("99,15%")
['toward_zero', 'floor']
>>> Rate(1, 2) + Rate(3, 4)
Rate('4', '6')
)doc");
  rate.def(py::init([](py::handle n, py::handle d, py::handle style) {
             const auto s = reading_style_arg(style, "style");
             return cchc::rate(decimal_arg(n, "numerator", s), decimal_arg(d, "denominator", s));
           }),
           py::arg("numerator"), py::arg("denominator"), py::arg("style") = py::none());
  rate.def_property_readonly("numerator", [](const cchc::rate& r) { return from_decimal(r.numerator()); });
  rate.def_property_readonly("denominator", [](const cchc::rate& r) { return from_decimal(r.denominator()); });
  rate.def_property_readonly("defined", &cchc::rate::defined, "True when the denominator is not zero.");
  rate.def("percent",
           [](const cchc::rate& r, py::handle scale, py::handle rounding) {
             return optional_decimal(r.percent(scale_arg(scale, "scale"), rounding_arg(rounding, "rounding")));
           },
           py::arg("scale") = 2, py::arg("rounding") = "half_away_from_zero", R"doc(
numerator × 100 / denominator, rounded once to ``scale`` decimals with ``rounding``.

Returns
-------
decimal.Decimal or None
    None when the denominator is zero (the rate is undefined).
)doc");
  rate.def("fraction",
           [](const cchc::rate& r, py::handle scale, py::handle rounding) {
             return optional_decimal(r.fraction(scale_arg(scale, "scale"), rounding_arg(rounding, "rounding")));
           },
           py::arg("scale"), py::arg("rounding") = "half_away_from_zero",
           "numerator / denominator rounded once to ``scale`` decimals; None when undefined.");
  rate.def("matches",
           [](const cchc::rate& r, py::handle reported, py::handle style) {
             if (PyUnicode_Check(reported.ptr())) {
               const auto s = reading_style_arg(style, "style");
               const std::string t = reported.cast<std::string>();
               return rounding_names(s ? r.matches(t, *s) : r.matches(t));
             }
             return rounding_names(r.matches(to_decimal(reported, "reported")));
           },
           py::arg("reported"), py::arg("style") = py::none(), R"doc(
Which rounding modes reproduce a published percentage at its own scale.

Parameters
----------
reported : str or decimal.Decimal
    ``"99,15%"``, ``"99,15 %"``, ``"99,15"`` (read in ``style``) or a Decimal in percent units.
style : {"plain", "vi", "en"} or None
    None (the default): the default reading of :func:`parse_number`; an ambiguous ``"97.550%"`` is
    a ParseError giving both readings.

Returns
-------
list of str
    Rounding names in :data:`ROUNDINGS` order; empty when none reproduces the figure.

Examples
--------
>>> Rate(118, 119).matches("99,15%")   # the seed report truncated 99.159...
['toward_zero', 'floor']
)doc");
  rate.def("__add__", [](const cchc::rate& a, const cchc::rate& b) { return a + b; }, py::is_operator(),
           "The ratio of sums (how rates merge across units).");
  rate.def("__str__", &cchc::rate::to_string);
  value_type(
      rate,
      [](const cchc::rate& r) { return py::make_tuple(from_decimal(r.numerator()), from_decimal(r.denominator())); },
      [](const cchc::rate& r) { return py::make_tuple(r.numerator().to_string(), r.denominator().to_string()); },
      [](const py::tuple& t) {
        return cchc::rate(cchc::decimal::parse(t[0].cast<std::string>(), cchc::number_style::plain),
                          cchc::decimal::parse(t[1].cast<std::string>(), cchc::number_style::plain));
      },
      [](const cchc::rate& r) {
        // A constructor call that evaluates back: style='plain' when the default reading would refuse
        // a part ("1.500" is ambiguous).
        const bool plain = !reads_back(r.numerator()) || !reads_back(r.denominator());
        return "Rate(" + pyrepr(py::str(r.numerator().to_string())) + ", " +
               pyrepr(py::str(r.denominator().to_string())) + (plain ? ", style='plain'" : "") + ")";
      });
}

}  // namespace cchc::py_detail
#endif
