// Python bindings: figures, expressions and scorecards (cchc/figures.hpp, cchc/expression.hpp,
// cchc/scorecard.hpp, cchc/scorecard_file.hpp). The pandas layer is python/cchc/_scorecard.py.
#include "bind.hpp"

#ifdef CCHC_PY_HAVE_SCORECARD

#include <pybind11/stl.h>

#include "casters.hpp"
#include "cchc/expression.hpp"
#include "cchc/figures.hpp"
#include "cchc/figures_table.hpp"
#include "cchc/report.hpp"
#include "cchc/report_figures.hpp"
#include "cchc/ranking.hpp"
#include "cchc/roll_up.hpp"
#include "cchc/scorecard.hpp"
#include "cchc/scorecard_file.hpp"
#include "cchc/units.hpp"

namespace cchc::py_detail {

namespace {

// The sentinel for an undefined value (a division by zero): cchc.UNDEFINED.
struct undefined_t {};

py::object* undefined_singleton = nullptr;  // set by bind_scorecard (the module lives until exit)

py::object undefined_object() { return *undefined_singleton; }

}  // namespace

// {name: value}: value a Decimal/int/str (a number), a cchc.Rate or a (numerator, denominator) tuple
// (a rate); None means absent and is skipped. Shared with the indicator bindings (bind.hpp).
cchc::figures figures_arg(py::handle mapping, const char* what) {
  if (!py::isinstance<py::dict>(mapping) && !py::hasattr(mapping, "items"))
    throw py::type_error(std::string(what) + ": expected a mapping of figure names to values (a dict), got " +
                         py::str(py::type::of(mapping)).cast<std::string>());
  cchc::figures f;
  for (auto item : mapping.attr("items")()) {
    const auto pair = item.cast<py::tuple>();
    const py::handle key = pair[0];
    const py::handle value = pair[1];
    if (!PyUnicode_Check(key.ptr()))
      throw py::type_error(std::string(what) + ": figure names are str, got " + py::repr(key).cast<std::string>());
    const std::string name = key.cast<std::string>();
    const std::string label = std::string(what) + "['" + name + "']";
    if (value.is_none()) continue;
    if (py::isinstance<cchc::rate>(value)) {
      f.set(name, value.cast<cchc::rate>());
    } else if (py::isinstance<py::tuple>(value)) {
      const auto t = value.cast<py::tuple>();
      if (t.size() != 2) throw py::value_error(label + ": a rate is a (numerator, denominator) pair");
      f.set(name, cchc::rate(to_decimal(t[0], (label + " numerator").c_str()), to_decimal(t[1], (label + " denominator").c_str())));
    } else {
      try {
        f.set(name, to_decimal(value, label.c_str()));
      } catch (const cchc::parse_error& e) {
        // A str cell that is not a number: say which row and column (the DataFrame's label).
        cchc::location where = e.where();
        if (where.field.empty()) where.field = name;
        throw cchc::parse_error(label + ": " + e.detail(), where);
      }
    }
  }
  return f;
}

namespace {

py::object to_python(const cchc::expression_value& v) {
  switch (v.which()) {
    case cchc::expression_value::kind::number:
      if (auto e = v.exact()) return from_decimal(*e);
      return py::cast(cchc::rate(v.numerator(), v.denominator()));
    case cchc::expression_value::kind::boolean: return py::bool_(v.truth());
    case cchc::expression_value::kind::absent: return py::none();
    case cchc::expression_value::kind::undefined: return undefined_object();
  }
  return py::none();
}

py::object optional_decimal(const std::optional<cchc::decimal>& d) { return d ? from_decimal(*d) : py::none(); }

py::dict row_dict(const cchc::node_score& r) {
  py::dict d;
  d["unit"] = r.unit;
  d["id"] = r.id;
  d["kind"] = r.kind;
  d["depth"] = r.depth;
  d["status"] = std::string(cchc::to_string(r.status));
  d["points"] = optional_decimal(r.points);
  d["max_points"] = from_decimal(r.max_points);
  d["partial_points"] = optional_decimal(r.partial_points);
  d["value"] = r.value;
  d["rate_percent"] = optional_decimal(r.rate_percent);
  d["rule"] = r.rule;
  py::dict inputs;
  for (const auto& [name, value] : r.inputs) inputs[py::str(name)] = value;
  d["inputs"] = inputs;
  d["reason"] = r.reason;
  d["grade"] = r.grade;
  d["rank"] = r.rank ? py::object(py::int_(*r.rank)) : py::none();
  return d;
}

py::object figure_to_python(const cchc::figure& f) {
  return f.is_rate() ? py::cast(f.as_rate()) : from_decimal(f.number());
}

// [(unit, name, parent, {figure: value}), ...] ↔ figures_table (the pandas layer builds the frames).
py::list table_rows(const cchc::figures_table& t) {
  py::list rows;
  for (const auto& u : t.units) {
    py::dict values;
    for (const auto& name : t.names)
      if (const auto* f = u.figures.find(name)) values[py::str(name)] = figure_to_python(*f);
    rows.append(py::make_tuple(u.unit, u.name, u.parent, values));
  }
  return rows;
}

cchc::figures_table table_arg(py::iterable rows, py::iterable names) {
  cchc::figures_table t;
  for (auto n : names) t.names.push_back(text_arg(n, "names"));
  long line = 0;
  for (auto r : rows) {
    const auto row = r.cast<py::tuple>();
    cchc::unit_figures u;
    u.unit = py::str(row[0]).cast<std::string>();
    u.name = row[1].is_none() ? "" : py::str(row[1]).cast<std::string>();
    u.parent = row[2].is_none() ? "" : py::str(row[2]).cast<std::string>();
    u.figures = figures_arg(row[3], ("figures of unit '" + u.unit + "'").c_str());
    u.line = ++line;
    t.units.push_back(std::move(u));
  }
  return t;
}

std::optional<std::vector<std::string>> names_arg(py::handle h) {
  if (h.is_none()) return std::nullopt;
  std::vector<std::string> out;
  for (auto n : h) out.push_back(text_arg(n, "names"));
  return out;
}


// ── units, ranking, bands (cchc/units.hpp, cchc/ranking.hpp) ──

date::sys_days day_arg(py::handle h, const char* what) {
  std::int64_t n = 0;
  if (!load_day_number(h, n, what) || n == nat)
    throw py::type_error(std::string(what) + ": expected a datetime.date, got " + pyrepr(h));
  return date::sys_days{date::days{n}};
}

py::object optional_day(const std::optional<date::sys_days>& d) {
  return d ? make_date(d->time_since_epoch().count()) : py::none();
}

py::dict unit_dict(const cchc::unit_info& u) {
  py::dict d;
  d["code"] = u.code;
  d["name"] = u.name;
  d["level"] = u.level;
  d["parent"] = u.parent.empty() ? py::object(py::none()) : py::object(py::str(u.parent));
  d["valid_from"] = optional_day(u.valid_from);
  d["valid_to"] = optional_day(u.valid_to);
  d["line"] = u.line;
  return d;
}

// The day a tree is read on: given, or (None) any day when no row is dated — else a ValueError.
date::sys_days tree_day(const cchc::units& u, py::handle on) {
  if (!on.is_none()) return day_arg(on, "on");
  for (const auto& r : u.rows())
    if (r.valid_from || r.valid_to)
      throw py::value_error("the units file " + u.origin() + " has dated rows (line " + std::to_string(r.line) +
                            "): pass on=datetime.date(...), the day whose tree to use");
  return date::sys_days{};
}

// A value to rank: None (absent), cchc.UNDEFINED, a Decimal/int/str number, a cchc.Rate or a
// (numerator, denominator) pair (an exact ratio).
cchc::expression_value rank_value(py::handle v, const std::string& what) {
  if (v.is_none()) return cchc::expression_value::absent();
  if (v.is(undefined_object())) return cchc::expression_value::undefined();
  if (py::isinstance<cchc::rate>(v)) {
    const auto r = v.cast<cchc::rate>();
    return cchc::expression_value::ratio(r.numerator(), r.denominator());
  }
  if (py::isinstance<py::tuple>(v)) {
    const auto t = v.cast<py::tuple>();
    if (t.size() != 2) throw py::value_error(what + ": a ratio is a (numerator, denominator) pair");
    return cchc::expression_value::ratio(to_decimal(t[0], (what + " numerator").c_str()),
                                         to_decimal(t[1], (what + " denominator").c_str()));
  }
  return cchc::expression_value::number(to_decimal(v, what.c_str()));
}

}  // namespace

void bind_scorecard(py::module_& m) {
  py::class_<undefined_t>(m, "_Undefined", "The type of cchc.UNDEFINED.")
      .def("__repr__", [](const undefined_t&) { return "cchc.UNDEFINED"; })
      .def("__bool__", [](const undefined_t&) { return false; });
  undefined_singleton = new py::object(py::cast(undefined_t{}));
  m.attr("UNDEFINED") = *undefined_singleton;

  py::class_<cchc::expression> e(m, "Expression", R"doc(
An exact expression over a unit's figures, parsed and type-checked once (docs/expressions.md).

Parameters
----------
text : str
    ``"round(20 * totalOnTime / totalReceived, 2, half_away_from_zero)"``.
names : list of str, optional
    The known figure names: an unknown name is an ``UnknownNameError`` listing the nearest ones.

Values: a number with a finite decimal expansion comes back as ``Decimal`` (1/4 is 0.25), any other
ratio as an exact ``Rate`` (2/3 stays
2/3 until ``round()``), a condition as ``bool``, an absent figure as ``None`` (never 0), a division by
zero as ``cchc.UNDEFINED``.

Examples
--------
>>> cchc.Expression("a / b").evaluate({"a": 1, "b": 4})
Decimal('0.25')
)doc");
  e.def(py::init([](py::handle text, py::handle names) {
          const std::string t = text_arg(text, "text");
          if (auto n = names_arg(names)) return cchc::expression::parse(t, *n);
          return cchc::expression::parse(t);
        }),
        py::arg("text"), py::arg("names") = py::none());
  e.def_property_readonly("text", [](const cchc::expression& x) { return x.text(); });
  e.def_property_readonly("names", [](const cchc::expression& x) { return x.names(); },
                          "The figure names it reads, sorted.");
  e.def_property_readonly("type", [](const cchc::expression& x) {
    return x.result_type() == cchc::expression::type::number ? "number" : "condition";
  });
  e.def_property_readonly("uses_population", &cchc::expression::uses_population);
  e.def(
      "evaluate", [](const cchc::expression& x, py::handle figures) { return to_python(x.evaluate(figures_arg(figures, "figures"))); },
      py::arg("figures"), "The value for one unit ({name: value}); mean/rank see this unit alone.");
  e.def(
      "evaluate_all",
      [](const cchc::expression& x, py::iterable units) {
        std::vector<cchc::figures> population;
        std::size_t i = 0;
        for (auto u : units) population.push_back(figures_arg(u, ("units[" + std::to_string(i++) + "]").c_str()));
        py::list out;
        for (const auto& v : x.evaluate_all(population)) out.append(to_python(v));
        return out;
      },
      py::arg("units"), "One value per unit, the population functions (mean, rank, …) over all of them.");
  e.def("__repr__", [](const cchc::expression& x) { return "cchc.Expression(" + pyrepr(py::str(x.text())) + ")"; });

  m.def(
      "evaluate",
      [](py::handle text, py::handle figures) {
        return to_python(cchc::evaluate(text_arg(text, "text"), figures_arg(figures, "figures")));
      },
      py::arg("text"), py::arg("figures"), "Parse and evaluate once: cchc.evaluate(\"a / b\", {...}).");

  m.def(
      "_read_figures",
      [](py::handle path, py::handle style) {
        cchc::figures_table_options o;
        o.style = style_arg(style, "style");
        const auto t = cchc::load_figures_table(py::str(path).cast<std::string>(), o);
        return py::make_tuple(t.names, table_rows(t));
      },
      py::arg("path"), py::arg("style") = "plain");
  m.def(
      "_report_figures",
      [](const cchc::report& r) {
        py::dict out;
        const auto f = cchc::report_figures(r);
        for (const auto& name : f.names()) out[py::str(name)] = figure_to_python(*f.find(name));
        return out;
      },
      py::arg("report"));
  m.def(
      "_roll_up",
      [](py::iterable rows, py::iterable names) {
        const auto t = cchc::roll_up(table_arg(rows, names));
        return table_rows(t);
      },
      py::arg("rows"), py::arg("names"));
  m.def(
      "_check_roll_up",
      [](py::iterable rows, py::iterable names) { return cchc::check_roll_up(table_arg(rows, names)); },
      py::arg("rows"), py::arg("names"));

  py::class_<cchc::scorecard> s(m, "Scorecard", R"doc(
A scorecard as data (docs/scorecards.md): ``Scorecard.builtin("vn.766")``, ``Scorecard.load(path)``,
``Scorecard.parse(text)``; ``score(figures)`` explains every point.
)doc");
  s.def_static(
      "load", [](py::handle path) { return cchc::load_scorecard(py::str(path).cast<std::string>()); }, py::arg("path"));
  s.def_static(
      "parse", [](py::handle text, py::handle origin) { return cchc::parse_scorecard(text_arg(text, "text"), text_arg(origin, "origin")); },
      py::arg("text"), py::arg("origin") = "<scorecard>");
  s.def_static(
      "builtin", [](py::handle id) { return cchc::builtin_scorecard(text_arg(id, "id")); }, py::arg("id"));
  s.def_static("builtins", &cchc::builtin_scorecards, "The ids of the built-in scorecards.");
  s.def_property_readonly("id", [](const cchc::scorecard& c) { return c.definition().id; });
  s.def_property_readonly("title", [](const cchc::scorecard& c) { return c.definition().title_vi; });
  s.def_property_readonly("source", [](const cchc::scorecard& c) { return c.definition().source; });
  s.def_property_readonly("max_points", [](const cchc::scorecard& c) { return from_decimal(c.definition().max_points); });
  s.def(
      "_score_rows",
      [](const cchc::scorecard& c, py::iterable units) {
        std::vector<std::pair<std::string, cchc::figures>> in;
        for (auto u : units) {
          const auto pair = u.cast<py::tuple>();
          const std::string unit = py::str(pair[0]).cast<std::string>();
          // A third element names where the row came from (a DataFrame's index label) for errors.
          const std::string what = pair.size() > 2 ? py::str(pair[2]).cast<std::string>() : "figures of unit '" + unit + "'";
          in.emplace_back(unit, figures_arg(pair[1], what.c_str()));
        }
        py::list rows;
        for (const auto& r : c.score(in).rows) rows.append(row_dict(r));
        return rows;
      },
      py::arg("units"));
  s.def("__repr__", [](const cchc::scorecard& c) { return "<cchc.Scorecard " + c.definition().id + ">"; });

  py::class_<cchc::units> u(m, "Units", R"doc(
Administrative units as data (docs/scorecards.md, "Units"): code, name, level, parent, valid_from,
valid_to. ``Units.load(path)``; ``find(code, on)``, ``children(code, on)``; ``roll_up(figures, on)``
gives the parents' figures from their children's as ratios of sums.
)doc");
  u.def_static(
      "load", [](py::handle path) { return cchc::units::load(py::str(path).cast<std::string>()); }, py::arg("path"));
  u.def_static(
      "parse", [](py::handle text, py::handle origin) { return cchc::units::parse(text_arg(text, "text"), text_arg(origin, "origin")); },
      py::arg("text"), py::arg("origin") = "<units>");
  u.def(
      "find",
      [](const cchc::units& t, py::handle code, py::handle on) -> py::object {
        const auto* r = t.find(text_arg(code, "code"), day_arg(on, "on"));
        return r ? py::object(unit_dict(*r)) : py::object(py::none());
      },
      py::arg("code"), py::arg("on"), "The unit's row valid on that day (a dict), or None.");
  u.def(
      "children",
      [](const cchc::units& t, py::handle code, py::handle on) {
        std::vector<std::string> out;
        for (const auto* r : t.children(text_arg(code, "code"), day_arg(on, "on"))) out.push_back(r->code);
        return out;
      },
      py::arg("code"), py::arg("on"), "The codes of the unit's children on that day, in file order.");
  u.def(
      "rows",
      [](const cchc::units& t, py::handle on) {
        py::list out;
        if (on.is_none()) {
          for (const auto& r : t.rows()) out.append(unit_dict(r));
        } else {
          for (const auto* r : t.on(day_arg(on, "on"))) out.append(unit_dict(*r));
        }
        return out;
      },
      py::arg("on") = py::none(), "Every row (dicts), or only those valid on `on`.");
  u.def_property_readonly("origin", &cchc::units::origin);
  u.def("__len__", [](const cchc::units& t) { return t.rows().size(); });
  u.def("__repr__", [](const cchc::units& t) {
    return "<cchc.Units " + pyrepr(py::str(t.origin())) + ": " + std::to_string(t.rows().size()) + " rows>";
  });
  u.def(
      "_roll_up",
      [](const cchc::units& t, py::iterable rows, py::iterable names, py::handle on) {
        return table_rows(cchc::roll_up(table_arg(rows, names), t, tree_day(t, on)));
      },
      py::arg("rows"), py::arg("names"), py::arg("on"));
  u.def(
      "_check_roll_up",
      [](const cchc::units& t, py::iterable rows, py::iterable names, py::handle on) {
        return cchc::check_roll_up(table_arg(rows, names), t, tree_day(t, on));
      },
      py::arg("rows"), py::arg("names"), py::arg("on"));

  m.def(
      "_rank",
      [](py::iterable values, py::handle ties, bool higher_is_better) {
        std::vector<cchc::expression_value> in;
        std::size_t k = 0;
        for (auto v : values) in.push_back(rank_value(v, "values[" + std::to_string(k++) + "]"));
        cchc::rank_options o;
        o.ties = cchc::parse_tie_rule(text_arg(ties, "ties"));
        o.higher_is_better = higher_is_better;
        py::list out;
        for (const auto& r : cchc::rank(in, o)) out.append(r ? py::object(py::int_(*r)) : py::object(py::none()));
        return out;
      },
      py::arg("values"), py::arg("ties") = "competition", py::arg("higher_is_better") = true);

  py::class_<cchc::rank_bands> b(m, "Bands", R"doc(
Rank bands as data (format "cchc.bands", docs/scorecards.md): ``Bands.load(path)``; ``band_of(value)``.
)doc");
  b.def_static(
      "load", [](py::handle path) { return cchc::load_bands(py::str(path).cast<std::string>()); }, py::arg("path"));
  b.def_static(
      "parse", [](py::handle text, py::handle origin) { return cchc::parse_bands(text_arg(text, "text"), text_arg(origin, "origin")); },
      py::arg("text"), py::arg("origin") = "<bands>");
  b.def_property_readonly("id", [](const cchc::rank_bands& x) { return x.id; });
  b.def_property_readonly("title", [](const cchc::rank_bands& x) { return x.title; });
  b.def_property_readonly("bands", [](const cchc::rank_bands& x) {
    py::list out;
    for (const auto& g : x.bands)
      out.append(py::make_tuple(g.grade, from_decimal(g.bound), std::string(cchc::to_string(g.side))));
    return out;
  }, "(band, bound, side) triples, highest bound first.");
  b.def(
      "band_of",
      [](const cchc::rank_bands& x, py::handle value) -> py::object {
        const std::string band = cchc::band_of(rank_value(value, "value"), x.bands);
        return band.empty() ? py::object(py::none()) : py::object(py::str(band));
      },
      py::arg("value"), "The first band the value reaches, or None.");
  b.def("__repr__", [](const cchc::rank_bands& x) { return "<cchc.Bands " + pyrepr(py::str(x.id)) + ">"; });
}

}  // namespace cchc::py_detail

#endif
