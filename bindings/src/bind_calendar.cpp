// calendar + lunar: cchc.WorkCalendar, cchc.vietnam_calendar(), cchc.to_lunar / from_lunar.
// Dates are datetime.date; NumPy datetime64[D] arrays are accepted wherever a date is, and the
// operation then runs over the array in C++ without the GIL.
#include "bind.hpp"

#ifdef CCHC_PY_HAVE_CALENDAR
#include <pybind11/stl.h>

#include "cchc/lunar.hpp"
#include "cchc/schedule_file.hpp"
#include "cchc/vietnam_calendar.hpp"

namespace py = pybind11;

namespace cchc::py_detail {

bool is_array(py::handle h) { return py::isinstance<py::array>(h); }

py::array_t<std::int64_t> day_array(py::handle h, const char* what) {
  py::array arr = py::reinterpret_borrow<py::array>(h);
  if (!is_day_dtype(arr.dtype())) {
    throw py::type_error(std::string(what) + ": expected a datetime64[D] array, got dtype " +
                         py::str(arr.dtype()).cast<std::string>() +
                         (arr.dtype().kind() == 'M' ? " (convert with .astype('datetime64[D]'))" : ""));
  }
  py::array view = arr.attr("view")(py::dtype::of<std::int64_t>());  // same bytes, no copy
  return py::array_t<std::int64_t, py::array::c_style>::ensure(view);  // copies only if strided
}

namespace {

py::object dates_from_numbers(py::array_t<std::int64_t>& numbers) {
  return numbers.attr("view")(day_dtype());
}

py_calendar vietnam() {
  return py_calendar{cchc::vietnam::civil_service_calendar(), "vietnam.civil_service", {}};
}

cchc::work_calendar base_calendar(const std::string& base) {
  if (base == "vietnam.civil_service") return cchc::vietnam::civil_service_calendar();
  if (base == "saturday_sunday") return cchc::work_calendar();
  throw py::value_error("unknown calendar base '" + base + "'");
}

py_calendar with_schedule(const py_calendar& c, const cchc::schedule& s) {
  return py_calendar{c.cal.with_schedule(s), c.base, c.added.merged_with(s)};
}

cchc::provenance provenance_of(const std::string& document, py::handle issued) {
  cchc::provenance p;
  p.document = document;
  if (!issued.is_none()) {
    std::int64_t n = 0;
    if (!load_day_number(issued, n, "issued")) throw py::type_error("issued: expected a datetime.date or None");
    p.issued = date::year_month_day(date::sys_days(date::days(n)));
  }
  return p;
}

std::int64_t day_scalar(py::handle h, const char* what) {
  std::int64_t n = 0;
  if (!load_day_number(h, n, what)) {
    throw py::type_error(std::string(what) + ": expected a datetime.date or a datetime64[D] array, got " +
                         py::str(py::type::of(h).attr("__name__")).cast<std::string>());
  }
  return n;
}

long working_days_arg(py::handle h, const char* what) {
  if (PyBool_Check(h.ptr()) || !PyLong_Check(h.ptr())) {
    throw py::type_error(std::string(what) + ": expected an int number of working days, got " +
                         py::str(py::type::of(h).attr("__name__")).cast<std::string>());
  }
  return h.cast<long>();
}

void check_nat(const std::int64_t* p, py::ssize_t n, const char* what) {
  for (py::ssize_t i = 0; i < n; ++i) {
    if (p[i] == nat) throw py::value_error(std::string(what) + ": NaT at index " + std::to_string(i) + " is not a day");
  }
}

py::object make_lunar(const cchc::lunar_date& d) {
  static auto* type = new py::object(py::module_::import("cchc._core").attr("LunarDate"));
  return (*type)(d.year, d.month, d.day, d.leap);
}

py::tuple day_info_state(const cchc::day_info& i) {
  return py::make_tuple(i.day.time_since_epoch().count(), static_cast<int>(i.kind), i.working, i.reason_vi,
                        i.reason_en, i.source.document,
                        i.source.issued ? py::object(py::int_(date::sys_days(*i.source.issued).time_since_epoch().count()))
                                        : py::object(py::none()),
                        i.source.note_vi, i.source.note_en, i.from_notice, i.inferred);
}

cchc::day_info day_info_from_state(const py::tuple& t) {
  if (t.size() != 11) throw py::value_error("cannot unpickle DayInfo: state has the wrong length");
  cchc::day_info i;
  i.day = date::sys_days(date::days(t[0].cast<std::int64_t>()));
  i.kind = static_cast<cchc::day_kind>(t[1].cast<int>());
  i.working = t[2].cast<bool>();
  i.reason_vi = t[3].cast<std::string>();
  i.reason_en = t[4].cast<std::string>();
  i.source.document = t[5].cast<std::string>();
  if (!t[6].is_none()) i.source.issued = date::year_month_day(date::sys_days(date::days(t[6].cast<std::int64_t>())));
  i.source.note_vi = t[7].cast<std::string>();
  i.source.note_en = t[8].cast<std::string>();
  i.from_notice = t[9].cast<bool>();
  i.inferred = t[10].cast<bool>();
  return i;
}

}  // namespace

const cchc::work_calendar& calendar_arg(py::handle h, const char* what) {
  if (h.is_none()) return cchc::vietnam::civil_service_calendar();
  if (!py::isinstance<py_calendar>(h)) {
    throw py::type_error(std::string(what) + ": expected a cchc.WorkCalendar or None, got " +
                         py::str(py::type::of(h).attr("__name__")).cast<std::string>());
  }
  return h.cast<const py_calendar&>().cal;
}

void bind_calendar(py::module_& m) {
  // LunarDate: a named tuple, so `year, month, day, leap = to_lunar(d)` works and it pickles.
  py::object namedtuple = py::module_::import("collections").attr("namedtuple");
  py::object lunar_type = namedtuple("LunarDate", py::make_tuple("year", "month", "day", "leap"),
                                     py::arg("module") = "cchc");
  lunar_type.attr("__doc__") =
      "A Vietnamese lunar date (computed for UTC+7): year, month (1-12), day (1-30), leap (True in the "
      "leap month, which follows the ordinary month of the same number).";
  m.attr("LunarDate") = lunar_type;

  py::class_<cchc::day_info> info(m, "DayInfo", R"doc(
Everything known about one day of a calendar: what it is and why.

Attributes
----------
date : datetime.date
kind : str
    ``"working"``, ``"weekly_rest"``, ``"holiday"``, ``"substitute_day"``, ``"swapped_day_off"``,
    ``"extra_day_off"`` or ``"make_up_working_day"``.
working : bool
reason, reason_vi : str
    English and Vietnamese reason (empty for plain days).
document : str
    The notice or law article that sets the day (e.g. ``"CV 2450/VPCP-KGVX"``).
issued : datetime.date or None
from_notice : bool
    Set by a schedule entry (an official notice or a user's file) rather than by the rules.
inferred : bool
    A default derived from the rules rather than read in a document.
)doc");
  info.def_property_readonly("date", [](const cchc::day_info& i) { return i.day; })
      .def_property_readonly("kind", [](const cchc::day_info& i) { return std::string(to_string(i.kind)); })
      .def_property_readonly("working", [](const cchc::day_info& i) { return i.working; })
      .def_property_readonly("reason", [](const cchc::day_info& i) { return i.reason_en; })
      .def_property_readonly("reason_en", [](const cchc::day_info& i) { return i.reason_en; })
      .def_property_readonly("reason_vi", [](const cchc::day_info& i) { return i.reason_vi; })
      .def_property_readonly("document", [](const cchc::day_info& i) { return i.source.document; })
      .def_property_readonly("issued", [](const cchc::day_info& i) -> py::object {
        if (!i.source.issued) return py::none();
        return py::cast(date::sys_days(*i.source.issued));
      })
      .def_property_readonly("note_vi", [](const cchc::day_info& i) { return i.source.note_vi; })
      .def_property_readonly("note_en", [](const cchc::day_info& i) { return i.source.note_en; })
      .def_property_readonly("from_notice", [](const cchc::day_info& i) { return i.from_notice; })
      .def_property_readonly("inferred", [](const cchc::day_info& i) { return i.inferred; });
  value_type(
      info, [](const cchc::day_info& i) { return day_info_state(i); }, day_info_state, day_info_from_state,
      [](const cchc::day_info& i) {
        return "DayInfo(date=" + pyrepr(py::cast(i.day)) + ", kind=" + pyrepr(py::str(std::string(to_string(i.kind)))) +
               ", reason=" + pyrepr(py::str(i.reason_en)) + ", document=" + pyrepr(py::str(i.source.document)) + ")";
      });

  py::class_<py_calendar> cal(m, "WorkCalendar", R"doc(
Working days of an administration: an immutable value.

Counting follows the Civil Code 2015 (Art. 147-148): the starting day is not counted, so
``working_days_between(d, add_working_days(d, n)) == n``. Every method that takes a date also takes
a NumPy ``datetime64[D]`` array and is then vectorised (no Python loop, GIL released). Editing
(``with_day_off``, ``with_working_day``, ``with_schedule``) returns a new calendar.

Supported range: 1900-01-01 to 2199-12-31; a day outside is a :class:`RangeError`.

Examples
--------
>>> cal = vietnam_calendar()
>>> cal.is_working_day(date(2024, 4, 29))   # swapped day off (CV 2450/VPCP-KGVX)
False
>>> cal.add_working_days(date(2024, 4, 26), 1)
datetime.date(2024, 5, 2)
)doc");
  cal.def(py::init([]() { return py_calendar{cchc::work_calendar(), "saturday_sunday", {}}; }),
          "A calendar with a Saturday/Sunday rest and no holidays (use vietnam_calendar() for Vietnam).");
  cal.def_property_readonly("name", [](const py_calendar& c) { return c.cal.name(); });
  cal.def_property_readonly("first_day", [](const py_calendar& c) { return c.cal.first_day(); });
  cal.def_property_readonly("last_day", [](const py_calendar& c) { return c.cal.last_day(); });

  cal.def("is_working_day",
          [](const py_calendar& c, py::handle day) -> py::object {
            if (!is_array(day)) return py::bool_(c.cal.is_working_day(date::sys_days(date::days(day_scalar(day, "day")))));
            auto in = day_array(day, "day");
            py::array_t<bool> out(in.request().shape);
            const std::int64_t* p = in.data();
            bool* o = out.mutable_data();
            const py::ssize_t n = in.size();
            check_nat(p, n, "day");
            {
              py::gil_scoped_release release;
              const auto& index = c.cal.index();
              for (py::ssize_t i = 0; i < n; ++i) o[i] = index.is_working(p[i]);
            }
            return std::move(out);
          },
          py::arg("day"), R"doc(
True on a working day (including a make-up Saturday), False on a day off.

Parameters
----------
day : datetime.date or numpy.ndarray of datetime64[D]

Returns
-------
bool or numpy.ndarray of bool
)doc");

  cal.def("add_working_days",
          [](const py_calendar& c, py::handle day, py::handle n) -> py::object {
            if (!is_array(day) && !is_array(n)) {
              return py::cast(c.cal.add_working_days(date::sys_days(date::days(day_scalar(day, "day"))),
                                                     working_days_arg(n, "n")));
            }
            py::array_t<std::int64_t> days;
            std::int64_t scalar_day = 0;
            const bool day_is_array = is_array(day);
            if (day_is_array) days = day_array(day, "day"); else scalar_day = day_scalar(day, "day");
            py::array_t<std::int64_t, py::array::c_style> counts;
            long scalar_n = 0;
            const bool n_is_array = is_array(n);
            if (n_is_array) {
              py::array na = py::reinterpret_borrow<py::array>(n);
              if (na.dtype().kind() != 'i' && na.dtype().kind() != 'u') {
                throw py::type_error("n: expected an integer array of working days, got dtype " +
                                     py::str(na.dtype()).cast<std::string>());
              }
              counts = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(na);
            } else {
              scalar_n = working_days_arg(n, "n");
            }
            if (day_is_array && n_is_array && days.size() != counts.size()) {
              throw py::value_error("n: expected " + std::to_string(days.size()) + " values (the length of 'day'), found " +
                                    std::to_string(counts.size()));
            }
            const py::ssize_t size = day_is_array ? days.size() : counts.size();
            std::vector<py::ssize_t> shape = day_is_array ? std::vector<py::ssize_t>(days.shape(), days.shape() + days.ndim())
                                                          : std::vector<py::ssize_t>(counts.shape(), counts.shape() + counts.ndim());
            py::array_t<std::int64_t> out(shape);
            const std::int64_t* dp = day_is_array ? days.data() : nullptr;
            const std::int64_t* np_ = n_is_array ? counts.data() : nullptr;
            if (dp) check_nat(dp, size, "day");
            std::int64_t* o = out.mutable_data();
            {
              py::gil_scoped_release release;
              const auto& index = c.cal.index();
              for (py::ssize_t i = 0; i < size; ++i) {
                o[i] = index.add(dp ? dp[i] : scalar_day, np_ ? np_[i] : scalar_n);
              }
            }
            return dates_from_numbers(out);
          },
          py::arg("day"), py::arg("n"), R"doc(
The n-th working day after ``day`` (``day`` itself not counted).

``n == 0`` gives ``day`` when it is a working day, else the next working day; ``n < 0`` counts
backwards.

Parameters
----------
day : datetime.date or numpy.ndarray of datetime64[D]
n : int or numpy.ndarray of int

Returns
-------
datetime.date or numpy.ndarray of datetime64[D]
)doc");

  cal.def("working_days_between",
          [](const py_calendar& c, py::handle a, py::handle b) -> py::object {
            if (!is_array(a) && !is_array(b)) {
              return py::int_(c.cal.working_days_between(date::sys_days(date::days(day_scalar(a, "a"))),
                                                         date::sys_days(date::days(day_scalar(b, "b")))));
            }
            py::array_t<std::int64_t> aa, bb;
            std::int64_t as = 0, bs = 0;
            const bool a_arr = is_array(a), b_arr = is_array(b);
            if (a_arr) aa = day_array(a, "a"); else as = day_scalar(a, "a");
            if (b_arr) bb = day_array(b, "b"); else bs = day_scalar(b, "b");
            if (a_arr && b_arr && aa.size() != bb.size()) {
              throw py::value_error("b: expected " + std::to_string(aa.size()) + " values (the length of 'a'), found " +
                                    std::to_string(bb.size()));
            }
            const py::array_t<std::int64_t>& shaped = a_arr ? aa : bb;
            py::array_t<std::int64_t> out(std::vector<py::ssize_t>(shaped.shape(), shaped.shape() + shaped.ndim()));
            const py::ssize_t size = shaped.size();
            const std::int64_t* ap = a_arr ? aa.data() : nullptr;
            const std::int64_t* bp = b_arr ? bb.data() : nullptr;
            if (ap) check_nat(ap, size, "a");
            if (bp) check_nat(bp, size, "b");
            std::int64_t* o = out.mutable_data();
            {
              py::gil_scoped_release release;
              const auto& index = c.cal.index();
              for (py::ssize_t i = 0; i < size; ++i) o[i] = index.between(ap ? ap[i] : as, bp ? bp[i] : bs);
            }
            return std::move(out);
          },
          py::arg("a"), py::arg("b"), R"doc(
Number of working days in ``(a, b]`` (negative when ``b < a``).

Parameters
----------
a, b : datetime.date or numpy.ndarray of datetime64[D]

Returns
-------
int or numpy.ndarray of int64
)doc");

  // Day -> day maps (next/previous working day): scalar in, scalar out; datetime64[D] array in, array out.
  const auto day_map = [](auto step) {
    return [step](const py_calendar& c, py::handle day) -> py::object {
      if (!is_array(day)) return py::cast(step(c.cal, date::sys_days(date::days(day_scalar(day, "day")))));
      auto in = day_array(day, "day");
      py::array_t<std::int64_t> out(std::vector<py::ssize_t>(in.shape(), in.shape() + in.ndim()));
      const std::int64_t* p = in.data();
      std::int64_t* o = out.mutable_data();
      const py::ssize_t n = in.size();
      check_nat(p, n, "day");
      {
        py::gil_scoped_release release;
        for (py::ssize_t i = 0; i < n; ++i)
          o[i] = step(c.cal, date::sys_days(date::days(p[i]))).time_since_epoch().count();
      }
      return dates_from_numbers(out);
    };
  };
  cal.def("next_working_day",
          day_map([](const cchc::work_calendar& w, date::sys_days d) { return w.next_working_day(d); }),
          py::arg("day"), R"doc(
The first working day strictly after ``day``.

Parameters
----------
day : datetime.date or numpy.ndarray of datetime64[D]

Returns
-------
datetime.date or numpy.ndarray of datetime64[D]
)doc");
  cal.def("previous_working_day",
          day_map([](const cchc::work_calendar& w, date::sys_days d) { return w.previous_working_day(d); }),
          py::arg("day"), R"doc(
The last working day strictly before ``day``.

Parameters
----------
day : datetime.date or numpy.ndarray of datetime64[D]

Returns
-------
datetime.date or numpy.ndarray of datetime64[D]
)doc");
  cal.def("info",
          [](const py_calendar& c, py::handle day) -> py::object {
            if (!is_array(day)) return py::cast(c.cal.info(date::sys_days(date::days(day_scalar(day, "day")))));
            auto in = day_array(day, "day");
            const std::int64_t* p = in.data();
            const py::ssize_t n = in.size();
            check_nat(p, n, "day");
            py::list out(n);  // one DayInfo per element, in the array's (flattened, C) order
            for (py::ssize_t i = 0; i < n; ++i)
              out[static_cast<std::size_t>(i)] = py::cast(c.cal.info(date::sys_days(date::days(p[i]))));
            return std::move(out);
          },
          py::arg("day"), R"doc(
What ``day`` is and why: a :class:`DayInfo` (kind, working flag, reasons, source document, whether
the status comes from an official notice or from the rules).

Parameters
----------
day : datetime.date or numpy.ndarray of datetime64[D]

Returns
-------
DayInfo, or a list of DayInfo (one per element, flattened in C order) for an array
)doc");
  cal.def("days_off", [](const py_calendar& c, date::sys_days first, date::sys_days last) { return c.cal.days_off(first, last); },
          py::arg("start"), py::arg("end"), R"doc(
Every day in ``[start, end]`` that is off for a reason other than the weekly rest (holidays, also
those on a weekend, substitute, swapped and extra days off), in date order.

Returns
-------
list of DayInfo
    Each with ``date``, ``reason`` and ``document`` (the source).
)doc");
  cal.def("make_up_working_days",
          [](const py_calendar& c, date::sys_days first, date::sys_days last) { return c.cal.make_up_working_days(first, last); },
          py::arg("start"), py::arg("end"), "Every weekly rest day worked (làm bù) in ``[start, end]``.");

  cal.def("with_day_off",
          [](const py_calendar& c, date::sys_days d, const std::string& document, const std::string& reason_vi,
             const std::string& reason_en, py::handle issued) {
            cchc::schedule s;
            s.entries.push_back(cchc::schedule_entry{d, cchc::day_kind::extra_day_off, provenance_of(document, issued),
                                                     reason_vi, reason_en, false});
            return with_schedule(c, s);
          },
          py::arg("day"), py::arg("document"), py::arg("reason_vi") = "", py::arg("reason_en") = "",
          py::arg("issued") = py::none(), "A new calendar with ``day`` off, citing ``document``.");
  cal.def("with_working_day",
          [](const py_calendar& c, date::sys_days d, const std::string& document, const std::string& reason_vi,
             const std::string& reason_en, py::handle issued) {
            cchc::schedule s;
            s.entries.push_back(cchc::schedule_entry{d, cchc::day_kind::make_up_working_day,
                                                     provenance_of(document, issued), reason_vi, reason_en, false});
            return with_schedule(c, s);
          },
          py::arg("day"), py::arg("document"), py::arg("reason_vi") = "", py::arg("reason_en") = "",
          py::arg("issued") = py::none(), "A new calendar where ``day`` is worked (e.g. a make-up Saturday).");
  cal.def("with_schedule",
          [](const py_calendar& c, py::handle path) {
            return with_schedule(c, cchc::load_schedule(py::str(path).cast<std::string>()));
          },
          py::arg("path"), R"doc(
A new calendar with a schedule file (JSON or CSV, format in docs/calendar.md) applied on top.

Raises
------
cchc.FileError
    (an OSError) when the file cannot be read.
cchc.ParseError
    naming the file, line/column or JSON path and the field.
)doc");
  cal.def("schedule_json", [](const py_calendar& c) { return cchc::to_json(c.added); },
          "The schedule added on top of the base calendar, as JSON (the schedule-file format).");
  value_type(
      cal, [](const py_calendar& c) { return py::make_tuple(c.base, cchc::to_json(c.added)); },
      [](const py_calendar& c) { return py::make_tuple(c.base, cchc::to_json(c.added)); },
      [](const py::tuple& t) {
        py_calendar c{base_calendar(t[0].cast<std::string>()), t[0].cast<std::string>(), {}};
        return with_schedule(c, cchc::parse_schedule_json(t[1].cast<std::string>(), "<pickle>"));
      },
      [](const py_calendar& c) {
        std::string out = c.base == "vietnam.civil_service" ? "vietnam_calendar()" : "WorkCalendar()";
        const std::size_t n = c.added.entries.size();
        if (n > 0) out += "  # + " + std::to_string(n) + " schedule entries";
        return out;
      });

  m.def("vietnam_calendar", &vietnam, R"doc(
The working-day calendar of Vietnamese state administrative bodies (Saturday/Sunday rest).

Public holidays of the Labour Code in force on each date with substitute days, and the official
yearly notices 2020-2026 (shipped as data, with their document numbers). Years without a notice
follow the rules; ``info(d).inferred`` marks defaults the law leaves to a yearly decision.

Returns
-------
WorkCalendar
)doc");
  m.def("load_calendar",
        [](py::handle path, py::handle base) {
          py_calendar b = base.is_none() ? vietnam() : base.cast<py_calendar>();
          return with_schedule(b, cchc::load_schedule(py::str(path).cast<std::string>()));
        },
        py::arg("path"), py::arg("base") = py::none(), R"doc(
A calendar with the schedule file at ``path`` applied on top of ``base`` (default: vietnam_calendar()).

Use it for next year's notice, a provincial decision or a new holiday, without a new release.
)doc");

  m.def("to_lunar",
        [](py::handle day) -> py::object {
          if (!is_array(day)) return make_lunar(cchc::to_lunar(date::sys_days(date::days(day_scalar(day, "day")))));
          auto in = day_array(day, "day");
          const py::ssize_t n = in.size();
          std::vector<py::ssize_t> shape(in.shape(), in.shape() + in.ndim());
          py::array_t<std::int32_t> year(shape);
          py::array_t<std::uint8_t> month(shape), dd(shape);
          py::array_t<bool> leap(shape);
          const std::int64_t* p = in.data();
          check_nat(p, n, "day");
          auto* y = year.mutable_data();
          auto* mo = month.mutable_data();
          auto* d = dd.mutable_data();
          auto* l = leap.mutable_data();
          {
            py::gil_scoped_release release;
            for (py::ssize_t i = 0; i < n; ++i) {
              const auto ld = cchc::to_lunar(date::sys_days(date::days(p[i])));
              y[i] = ld.year;
              mo[i] = static_cast<std::uint8_t>(ld.month);
              d[i] = static_cast<std::uint8_t>(ld.day);
              l[i] = ld.leap;
            }
          }
          static auto* type = new py::object(py::module_::import("cchc._core").attr("LunarDate"));
          return (*type)(year, month, dd, leap);
        },
        py::arg("day"), R"doc(
The Vietnamese lunar date (UTC+7) of a solar date.

Parameters
----------
day : datetime.date or numpy.ndarray of datetime64[D]

Returns
-------
LunarDate
    ``(year, month, day, leap)``; for an array, a LunarDate of arrays.

Raises
------
cchc.RangeError
    Outside the supported range (lunar years 1900-2199).

Examples
--------
>>> to_lunar(date(2023, 1, 22))
LunarDate(year=2023, month=1, day=1, leap=False)
)doc");
  m.def("from_lunar",
        [](int year, unsigned month, unsigned day, bool leap) { return cchc::from_lunar(year, month, day, leap); },
        py::arg("year"), py::arg("month"), py::arg("day"), py::arg("leap") = false, R"doc(
The solar date of a Vietnamese lunar date.

Raises
------
cchc.ArgumentError
    The lunar date does not exist (e.g. a leap month the year does not have, day 30 of a 29-day month).
cchc.RangeError
    Outside the supported range.

Examples
--------
>>> from_lunar(2023, 3, 10)   # Giỗ Tổ Hùng Vương
datetime.date(2023, 4, 29)
)doc");
  m.def("lunar_new_year", &cchc::lunar_new_year, py::arg("year"), "The solar date of Tết (1/1 of the lunar year).");
  m.def("leap_month", &cchc::leap_month, py::arg("year"), "The leap month of a lunar year, or None.");
}

}  // namespace cchc::py_detail
#endif
