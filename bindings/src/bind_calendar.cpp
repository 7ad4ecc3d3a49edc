// calendar + lunar: cchc.WorkCalendar, cchc.vietnam_calendar(), cchc.to_lunar / from_lunar, and
// cchc.Period. Every date argument is read by py_convert (datetime.date, pandas.Timestamp,
// datetime64 of any unit, Series, DatetimeIndex); arrays and Series run in C++ without the GIL, and
// the result has the input's shape (a Series keeps its index). NaT passes through as missing where
// a missing value makes sense (a missing day has no next working day: NaT).
#include "bind.hpp"
#include "py_convert.hpp"

#ifdef CCHC_PY_HAVE_CALENDAR
#include <pybind11/stl.h>

#include "cchc/deadline.hpp"
#include "cchc/dossier.hpp"
#include "cchc/lunar.hpp"
#include "cchc/period.hpp"
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

/// `meta`'s rows under another column name (the argument an error is about).
column_meta rows_of(const column_meta& meta, const char* column) {
  column_meta m = meta;
  m.column = column;
  return m;
}

/// Runs f(i) for every row without the GIL; the first cchc::error is raised for its row, named by
/// `rows` (the row's index label or position) and the column `*about` when given (f sets it to the
/// argument it is reading), else rows.column.
template <class F>
void each_row(std::size_t n, const column_meta& rows, F&& f, const char* const* about = nullptr) {
  std::exception_ptr failure;
  std::size_t bad = 0;
  {
    py::gil_scoped_release release;
    for (std::size_t i = 0; i < n; ++i) {
      try {
        f(i);
      } catch (const cchc::error&) {
        failure = std::current_exception();
        bad = i;
        break;
      }
    }
  }
  if (failure) {
    try {
      std::rethrow_exception(failure);
    } catch (const cchc::error& e) {
      if (about) raise_at(e, rows_of(rows, *about), bad);
      raise_at(e, rows, bad);
    }
  }
}

/// The fast path of the vectorised calls: when no row is missing (checked once, here), f(i) runs for
/// every row in a loop with no per-row NaT test and no per-row exception handling. False when a row is
/// missing or f throws a cchc::error: the caller then takes the general each_row path, which gives
/// missing rows their NA and names the bad row exactly as before.
template <class F>
bool each_present_row(std::size_t n, std::initializer_list<std::pair<const std::uint8_t*, std::size_t>> missing_masks,
                      std::initializer_list<std::pair<const std::int64_t*, std::size_t>> day_runs, F&& f) {
  py::gil_scoped_release release;
  for (const auto& [days, count] : day_runs)
    if (std::find(days, days + count, nat) != days + count) return false;
  for (const auto& [mask, count] : missing_masks)
    if (std::find_if(mask, mask + count, [](std::uint8_t x) { return x != 0; }) != mask + count) return false;
  try {
    for (std::size_t i = 0; i < n; ++i) f(i);
  } catch (const cchc::error&) {
    return false;
  }
  return true;
}

constexpr const char* ndarray_cannot_hold_na =
    "NaT in a NumPy array: an ndarray of int or bool cannot hold a missing value (pass a pandas Series "
    "to get <NA> for that row, or drop the NaT first)";

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

// ---- cchc.Period --------------------------------------------------------------------------------

namespace {

unsigned period_number(int value, const char* what) {
  if (value < 0)
    throw cchc::argument_error(std::string(what) + " " + std::to_string(value) + " does not exist",
                               cchc::location{"", 0, 0, "", what});
  return static_cast<unsigned>(value);
}

int year_of(date::sys_days d) { return static_cast<int>(date::year_month_day(d).year()); }
unsigned month_of(date::sys_days d) { return static_cast<unsigned>(date::year_month_day(d).month()); }

/// The named constructor that makes `p`'s range, as Python text, and that constructor's period.
std::pair<std::string, cchc::period> constructor_of(const cchc::period& p) {
  const int y = year_of(p.last());
  const unsigned m = month_of(p.last());
  const std::string ys = std::to_string(y);
  switch (p.kind()) {
    case cchc::period_kind::decree09_month: return {"Period.monthly(" + ys + ", " + std::to_string(m) + ")", cchc::period::monthly(y, m)};
    case cchc::period_kind::decree09_quarter:
      return {"Period.quarterly(" + ys + ", " + std::to_string(m / 3) + ")", cchc::period::quarterly(y, m / 3)};
    case cchc::period_kind::decree09_six_months: return {"Period.six_months(" + ys + ")", cchc::period::six_months(y)};
    case cchc::period_kind::decree09_nine_months: return {"Period.nine_months(" + ys + ")", cchc::period::nine_months(y)};
    case cchc::period_kind::decree09_year: return {"Period.annual(" + ys + ")", cchc::period::annual(y)};
    case cchc::period_kind::calendar_month:
      return {"Period.calendar_month(" + ys + ", " + std::to_string(m) + ")", cchc::period::calendar_month(y, m)};
    case cchc::period_kind::calendar_quarter:
      return {"Period.calendar_quarter(" + ys + ", " + std::to_string(m / 3) + ")", cchc::period::calendar_quarter(y, m / 3)};
    case cchc::period_kind::calendar_year: return {"Period.calendar_year(" + ys + ")", cchc::period::calendar_year(y)};
    case cchc::period_kind::custom: break;
  }
  return {"Period.custom(" + pyrepr(py::cast(p.first())) + ", " + pyrepr(py::cast(p.last())) + ", name=" +
              pyrepr(py::str(p.name())) + ")",
          p};
}

py::tuple period_state(const cchc::period& p) {
  return py::make_tuple(static_cast<int>(p.kind()), p.name(), p.first().time_since_epoch().count(),
                        p.last().time_since_epoch().count());
}

cchc::period period_from_state(const py::tuple& t) {
  if (t.size() != 4) throw py::value_error("cannot unpickle Period: state has the wrong length");
  const int kind = t[0].cast<int>();
  const std::string name = t[1].cast<std::string>();
  const date::sys_days first{date::days{t[2].cast<std::int64_t>()}}, last{date::days{t[3].cast<std::int64_t>()}};
  if (kind < 0 || kind > 8) throw py::value_error("cannot unpickle Period: unknown kind");
  const cchc::period custom = cchc::period::custom(name, first, last);
  if (kind == 0) return custom;
  // Rebuild through the named constructor (the only way to a Decree 09 or calendar kind).
  cchc::period p = custom;
  const int y = year_of(last);
  const unsigned m = month_of(last);
  switch (static_cast<cchc::period_kind>(kind)) {
    case cchc::period_kind::decree09_month: p = cchc::period::monthly(y, m); break;
    case cchc::period_kind::decree09_quarter: p = cchc::period::quarterly(y, m / 3); break;
    case cchc::period_kind::decree09_six_months: p = cchc::period::six_months(y); break;
    case cchc::period_kind::decree09_nine_months: p = cchc::period::nine_months(y); break;
    case cchc::period_kind::decree09_year: p = cchc::period::annual(y); break;
    case cchc::period_kind::calendar_month: p = cchc::period::calendar_month(y, m); break;
    case cchc::period_kind::calendar_quarter: p = cchc::period::calendar_quarter(y, m / 3); break;
    case cchc::period_kind::calendar_year: p = cchc::period::calendar_year(y); break;
    case cchc::period_kind::custom: break;
  }
  if (p.first() != first || p.last() != last) throw py::value_error("cannot unpickle Period: inconsistent state");
  return p.renamed(name);
}

std::string iso_name(date::sys_days first, date::sys_days last) {
  return date::format("%F", first) + ".." + date::format("%F", last);
}

void bind_period(py::module_& m) {
  py::class_<cchc::period> cls(m, "Period", R"doc(
A reporting period: a named, inclusive range of days (an immutable value).

Decree 09/2019/NĐ-CP fixes the data cut-off of administrative reports: a monthly report covers the
15th of the previous month to the 14th; a quarterly one the 15th of the month before the quarter to
the 14th of its last month; the 6-month, 9-month and annual reports run from 15/12 of the previous
year to 14/6, 14/9 and 14/12. Indicators such as Decision 766/QĐ-TTg's use calendar months,
quarters and years. Any other range is ``Period(first, last, name=...)``.

Examples
--------
>>> Period.quarterly(2025, 1)
Period.quarterly(2025, 1)
>>> Period.quarterly(2025, 1).first, Period.quarterly(2025, 1).last
(datetime.date(2024, 12, 15), datetime.date(2025, 3, 14))
>>> Period.parse("annual:2023") == Period.annual(2023)
True
)doc");
  cls.def(py::init([](date::sys_days first, date::sys_days last, py::handle name) {
            return cchc::period::custom(name.is_none() ? iso_name(first, last) : text_arg(name, "name"), first, last);
          }),
          py::arg("first"), py::arg("last"), py::arg("name") = py::none(),
          "A custom period: every day from ``first`` to ``last``, both included (default name "
          "``'YYYY-MM-DD..YYYY-MM-DD'``). ``last < first`` is an ArgumentError.");
  cls.def_static("custom",
                 [](date::sys_days first, date::sys_days last, py::handle name) {
                   return cchc::period::custom(name.is_none() ? iso_name(first, last) : text_arg(name, "name"), first, last);
                 },
                 py::arg("first"), py::arg("last"), py::arg("name") = py::none(), "Same as ``Period(first, last, name)``.");
  cls.def_static("annual", &cchc::period::annual, py::arg("year"), "Decree 09 annual report: 15/12 of year-1 to 14/12.");
  cls.def_static("six_months", &cchc::period::six_months, py::arg("year"), "Decree 09 6-month report: 15/12 of year-1 to 14/6.");
  cls.def_static("nine_months", &cchc::period::nine_months, py::arg("year"), "Decree 09 9-month report: 15/12 of year-1 to 14/9.");
  cls.def_static("quarterly", [](int year, int q) { return cchc::period::quarterly(year, period_number(q, "quarter")); },
                 py::arg("year"), py::arg("quarter"),
                 "Decree 09 quarterly report: the 15th of the month before the quarter to the 14th of its last month.");
  cls.def_static("monthly", [](int year, int mo) { return cchc::period::monthly(year, period_number(mo, "month")); },
                 py::arg("year"), py::arg("month"), "Decree 09 monthly report: the 15th of the previous month to the 14th.");
  cls.def_static("calendar_year", &cchc::period::calendar_year, py::arg("year"), "1/1 to 31/12.");
  cls.def_static("calendar_quarter",
                 [](int year, int q) { return cchc::period::calendar_quarter(year, period_number(q, "quarter")); },
                 py::arg("year"), py::arg("quarter"), "The calendar quarter (1/1-31/3, ...).");
  cls.def_static("calendar_month",
                 [](int year, int mo) { return cchc::period::calendar_month(year, period_number(mo, "month")); },
                 py::arg("year"), py::arg("month"), "The calendar month.");
  cls.def_static("parse", [](py::handle text) { return cchc::period::parse(text_arg(text, "text")); }, py::arg("text"), R"doc(
Reads a period written as the CLI's ``--period`` takes it (one grammar, in the C++ library):
``"FROM..TO"`` (YYYY-MM-DD or dd/mm/yyyy ends), ``"annual:2023"``, ``"6months:2023"``,
``"9months:2023"``, ``"quarter:2023-Q1"``, ``"month:2023-05"`` (Decree 09), ``"year:2023"``,
``"calendar-quarter:2023-Q1"``, ``"calendar-month:2023-05"``.

A bare ``"2023"``, ``"2023-Q1"`` or ``"2023-05"`` is a ParseError naming both readings: Decree 09
and calendar periods differ by two weeks.
)doc");
  cls.def_property_readonly("name", [](const cchc::period& p) { return p.name(); });
  cls.def_property_readonly("first", &cchc::period::first, "First day (included).");
  cls.def_property_readonly("last", &cchc::period::last, "Last day (included): the data cut-off.");
  cls.def_property_readonly("kind", [](const cchc::period& p) { return std::string(cchc::to_string(p.kind())); },
                            "``'decree09_year'``, ``'calendar_month'``, ``'custom'``, ...");
  cls.def_property_readonly("days", [](const cchc::period& p) { return p.days().count(); }, "Number of days, both ends included.");
  cls.def("contains",
          [](const cchc::period& p, py::handle day) -> py::object {
            const day_column d = read_days(day, "day");
            buffer<std::uint8_t> in(d.days.size(), 0), missing(d.days.size(), 0);
            for (std::size_t i = 0; i < d.days.size(); ++i) {
              if (d.days[i] == nat) missing[i] = 1;
              else in[i] = p.contains(date::sys_days{date::days{d.days[i]}});
            }
            return bools_result(d.meta, in, missing, ndarray_cannot_hold_na);
          },
          py::arg("day"), "True for days in the period; date-like, array or Series as :meth:`WorkCalendar.is_working_day`.");
  cls.def("overlaps", &cchc::period::overlaps, py::arg("other"));
  cls.def("renamed", [](const cchc::period& p, py::handle name) { return p.renamed(text_arg(name, "name")); },
          py::arg("name"), "The same range and kind under another name.");
  cls.def("report_due",
          [](const cchc::period& p, py::handle calendar) { return p.report_due(calendar_arg(calendar, "calendar")); },
          py::arg("calendar") = py::none(), "The report is due 2 working days after the cut-off (Decree 09).");
  cls.def("__str__", [](const cchc::period& p) { return cchc::to_string(p); });
  value_type(
      cls, [](const cchc::period& p) { return period_state(p); }, period_state, period_from_state,
      [](const cchc::period& p) {
        auto [text, made] = constructor_of(p);
        if (p.kind() != cchc::period_kind::custom && made.name() != p.name())
          text += ".renamed(" + pyrepr(py::str(p.name())) + ")";
        return text;
      });
}

// ---- cchc.due ---------------------------------------------------------------------------------------

void bind_due(py::module_& m) {
  m.def("due",
        [](py::handle received, py::handle amount, py::handle unit, py::handle calendar, py::handle cutoff,
           py::handle promised, py::handle paused_from, py::handle paused_to) -> py::object {
          const auto& cal = calendar_arg(calendar, "calendar");
          cchc::receipt_rule rule;
          if (!cutoff.is_none()) rule = rule.with_cutoff(time_of_day_arg(cutoff, "cutoff"));
          const minute_column rec = read_minutes(received, "received");
          count_column amt;
          if (amount.is_none()) {
            amt.meta = scalar_meta("amount");
            amt.values = buffer<std::int64_t>(1, 0);
            amt.missing = buffer<std::uint8_t>(1, 1);
          } else {
            amt = read_counts(amount, "amount");
          }
          const text_column units = read_texts(unit, "unit");
          std::vector<cchc::time_unit> parsed(units.values.size(), cchc::time_unit::working_days);
          for (std::size_t i = 0; i < parsed.size(); ++i) {
            if (units.missing[i]) {
              raise_at(cchc::argument_error("missing unit (expected working_days, calendar_days, working_hours, "
                                            "half_days or same_day)"), units.meta, i);
            }
            try {
              parsed[i] = cchc::parse_time_unit(units.values[i]);
            } catch (const cchc::error& e) {
              raise_at(e, units.meta, i);
            }
          }
          minute_column prom, from, to;
          prom.meta = scalar_meta("promised");
          prom.minutes = buffer<std::int64_t>(1, missing_minutes);
          from.meta = scalar_meta("paused_from");
          from.minutes = buffer<std::int64_t>(1, missing_minutes);
          to.meta = scalar_meta("paused_to");
          to.minutes = buffer<std::int64_t>(1, missing_minutes);
          if (!promised.is_none()) prom = read_minutes(promised, "promised");
          if (!paused_from.is_none()) from = read_minutes(paused_from, "paused_from");
          if (!paused_to.is_none()) to = read_minutes(paused_to, "paused_to");
          const column_meta out =
              broadcast({&rec.meta, &amt.meta, &units.meta, &prom.meta, &from.meta, &to.meta});
          const std::size_t size = out.is_scalar() ? 1 : out.size();
          buffer<std::int64_t> minutes(size, missing_minutes), days(size, nat);
          bool timed = false;
          const char* about = "received";
          each_row(size, out, [&](std::size_t i) {
            if (rec.at(i) == missing_minutes) return;  // no receipt, no deadline: NaT
            cchc::dossier d;
            d.received_at = cchc::date_time{std::chrono::minutes{rec.at(i)}};
            about = "amount";
            if (!amt.absent(i)) {
              if (amt.at(i) < 0)
                throw cchc::argument_error("expected a processing time >= 0, found " + std::to_string(amt.at(i)));
              d.processing = cchc::processing_time{parsed[units.meta.is_scalar() ? 0 : i], static_cast<long>(amt.at(i))};
            }
            if (prom.at(i) != missing_minutes) {
              d.promised_at = cchc::date_time{std::chrono::minutes{prom.at(i)}};
              d.promised_has_time = prom.timed(i);
            }
            const bool has_from = from.at(i) != missing_minutes, has_to = to.at(i) != missing_minutes;
            about = has_from ? "paused_to" : "paused_from";
            if (has_from != has_to)
              throw cchc::argument_error("a pause needs both paused_from and paused_to (one of them is missing)");
            if (has_from) {
              if (to.at(i) < from.at(i))
                throw cchc::argument_error("the pause ends (" + minute_text(to.at(i)) + ") before it starts (" +
                                           minute_text(from.at(i)) + ")");
              d.pauses.push_back(cchc::pause{cchc::date_time{std::chrono::minutes{from.at(i)}},
                                             cchc::date_time{std::chrono::minutes{to.at(i)}}});
            }
            about = "amount";
            if (!d.processing && !d.promised_at)
              throw cchc::argument_error("the amount is missing and there is no promised date: expected a "
                                         "processing time or a promised return date");
            about = "received";
            const cchc::due_date r = cchc::due_of(d, cal, rule);
            days[i] = r.day.time_since_epoch().count();
            minutes[i] = days[i] * 1440 + (r.time ? r.time->count() : 0);
            if (r.time) timed = true;
          }, &about);
          return timed ? date_times_result(out, minutes) : dates_result(out, days);
        },
        py::arg("received"), py::arg("amount"), py::arg("unit") = "working_days", py::arg("calendar") = py::none(),
        py::arg("cutoff") = py::none(), py::arg("promised") = py::none(), py::arg("paused_from") = py::none(),
        py::arg("paused_to") = py::none(), R"doc(
The due date of dossiers: C++ ``cchc::due_of`` (cchc/deadline.hpp, cchc/dossier.hpp) per row.

The clock starts on the *receipt day*: a dossier received on a day off — or, with ``cutoff``, after
the cut-off hour of a working day — counts as received on the next working day; the receipt day
itself is not counted (Civil Code Art. 147-148). Received Saturday 16/12/2023 with 2 working days:
receipt Monday 18/12, due Wednesday 20/12 (``WorkCalendar.add_working_days(Saturday, 2)`` gives
Tuesday: it is calendar arithmetic, not a deadline). With a promised return date (ngày hẹn trả),
that date is the deadline. A supplement pause moves the deadline (docs/dossiers.md).

Parameters
----------
received : date-like or date-time-like, array or Series
    ``datetime.datetime``, ``pandas.Timestamp``, ``datetime.date`` (00:00), ``numpy.datetime64`` of
    any unit. Naive values are Vietnamese civil time; tz-aware values are converted to UTC+7.
    Seconds are dropped (the minute the time falls in). NaT gives NaT.
amount : int, NumPy integer, array or Series (nullable Int64, whole floats with NaN)
    The processing time in ``unit``; may be missing (NA) where ``promised`` is given.
unit : str, or an array/Series of str
    ``"working_days"`` (default), ``"calendar_days"``, ``"working_hours"``, ``"half_days"``,
    ``"same_day"``.
calendar : WorkCalendar, optional
    Default: :func:`vietnam_calendar`.
cutoff : datetime.time or str, optional
    Receipt cut-off (``"15:00"``): a dossier received strictly after it counts as received on the
    next working day. The 15:00 rule is per procedure, not national: default none.
promised : date-like or date-time-like, array or Series, optional
    The promised return date; a value with a time of day other than 00:00 carries its time (used
    for hour and half-day units).
paused_from, paused_to : date-time-like, array or Series, optional
    One supplement pause per row (NaT in both: none).

Returns
-------
datetime.date, numpy.ndarray of datetime64[D], or pandas.Series of datetime64[ns]
    When no deadline has a time of day (day units). When one has (working hours, half days):
    ``datetime.datetime``, datetime64[m], or a Series of datetime64[ns]; rows due by day then show
    00:00 of their due day (the deadline is the end of that day). A Series in gives a Series with
    the same index.

Raises
------
cchc.ArgumentError, cchc.RangeError
    For the first bad row, named by its column and index label (``amount at index 'HS-7': ...``).

Examples
--------
>>> due(date(2023, 12, 16), 2)
datetime.date(2023, 12, 20)
>>> due(datetime(2023, 12, 18, 15, 30), 2, cutoff="15:00")
datetime.date(2023, 12, 21)
)doc");
}

}  // namespace

cchc::period period_arg(py::handle h, const char* what) {
  if (py::isinstance<cchc::period>(h)) return h.cast<cchc::period>();
  if (PyUnicode_Check(h.ptr())) return cchc::period::parse(h.cast<std::string>());
  if (PyTuple_Check(h.ptr()) && py::len(h) == 2) {
    py::tuple t = py::reinterpret_borrow<py::tuple>(h);
    const auto first = day_scalar_or_missing(t[0], what), last = day_scalar_or_missing(t[1], what);
    if (!first || !last) throw py::value_error(std::string(what) + ": a period's first and last day cannot be NaT");
    const date::sys_days f{date::days{*first}}, l{date::days{*last}};
    return cchc::period::custom(iso_name(f, l), f, l);
  }
  throw py::type_error(std::string(what) + ": expected a cchc.Period, a period text such as \"annual:2023\", or a "
                       "(first, last) tuple of dates, got " + py::str(py::type::of(h).attr("__name__")).cast<std::string>());
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
            const day_column d = read_days(day, "day");
            const std::size_t n = d.days.size();
            buffer<std::uint8_t> working(n, 0), missing(n, 0);
            const auto& index = c.cal.index();
            const std::int64_t* dp = d.days.data();
            std::uint8_t* w = n ? &working[0] : nullptr;
            if (!each_present_row(n, {}, {{dp, n}}, [&](std::size_t i) { w[i] = index.is_working(dp[i]); }))
              each_row(n, d.meta, [&](std::size_t i) {
                if (d.days[i] == nat) missing[i] = 1; else working[i] = index.is_working(d.days[i]);
              });
            return bools_result(d.meta, working, missing, ndarray_cannot_hold_na);
          },
          py::arg("day"), R"doc(
True on a working day (including a make-up Saturday), False on a day off.

Parameters
----------
day : date-like, array or Series
    ``datetime.date``, ``pandas.Timestamp`` at 00:00, ``numpy.datetime64`` of any unit, an ndarray
    of them (any shape), a ``pandas.Series`` or ``DatetimeIndex``.

Returns
-------
bool, numpy.ndarray of bool, or pandas.Series of nullable ``boolean``
    A Series keeps the input's index; NaT gives ``<NA>`` (``pd.NA`` for a scalar). NaT in an ndarray
    is a ValueError naming its position (an ndarray of bool cannot hold a missing value).
)doc");

  cal.def("add_working_days",
          [](const py_calendar& c, py::handle day, py::handle n) -> py::object {
            const day_column d = read_days(day, "day");
            const count_column k = read_counts(n, "n");
            const column_meta out = broadcast({&d.meta, &k.meta});
            const std::size_t size = out.is_scalar() ? 1 : out.size();
            buffer<std::int64_t> result(size, nat);
            const auto& index = c.cal.index();
            const std::int64_t* dp = d.days.data();
            const std::int64_t* kp = k.values.data();
            const std::size_t ds = d.meta.is_scalar() ? 0 : 1, ks = k.meta.is_scalar() ? 0 : 1;  // strides
            std::int64_t* o = size ? &result[0] : nullptr;
            const bool fast = each_present_row(size, {{k.missing.data(), k.missing.size()}}, {{dp, d.days.size()}}, [&](std::size_t i) {
              o[i] = index.add(dp[i * ds], kp[i * ks]);
            });
            if (!fast)
              each_row(size, rows_of(out, "day"), [&](std::size_t i) {
                result[i] = nat;
                if (d.at(i) != nat && !k.absent(i)) result[i] = index.add(d.at(i), k.at(i));
              });
            return dates_result(out, result);
          },
          py::arg("day"), py::arg("n"), R"doc(
The n-th working day after ``day`` (``day`` itself not counted).

``n == 0`` gives ``day`` when it is a working day, else the next working day; ``n < 0`` counts
backwards.

Parameters
----------
day : date-like, array or Series
    As :meth:`is_working_day`.
n : int, NumPy integer, array or Series of int
    A nullable ``Int64`` Series (``<NA>`` gives NaT) and a float Series of whole numbers with NaN
    (what pandas makes of an integer column with a gap) are accepted; 1.5 is an error.

Returns
-------
datetime.date, numpy.ndarray of datetime64[D], or pandas.Series of datetime64[ns]
    A Series in gives a Series with the same index (two Series must share their index); NaT (or a
    missing ``n``) gives NaT.

Notes
-----
This is calendar arithmetic, not a deadline. It counts from ``day`` as given: from Saturday
16/12/2023, ``add_working_days(Sat, 2)`` is Tuesday 19/12. A dossier received that Saturday counts
as received on Monday 18/12, so its 2-working-day deadline is Wednesday 20/12 — one day later. Use
:func:`cchc.due` for deadlines (receipt day, cut-off hour, hours and half days, promised dates).

Examples
--------
>>> vietnam_calendar().add_working_days(date(2023, 12, 16), 2)
datetime.date(2023, 12, 19)
>>> due(date(2023, 12, 16), 2)
datetime.date(2023, 12, 20)
)doc");

  cal.def("working_days_between",
          [](const py_calendar& c, py::handle a, py::handle b) -> py::object {
            const day_column da = read_days(a, "a");
            const day_column db = read_days(b, "b");
            const column_meta out = broadcast({&da.meta, &db.meta});
            const std::size_t size = out.is_scalar() ? 1 : out.size();
            buffer<std::int64_t> result(size, 0);
            buffer<std::uint8_t> missing(size, 0);
            const auto& index = c.cal.index();
            const char* about = "a";
            const std::int64_t* ap = da.days.data();
            const std::int64_t* bp = db.days.data();
            const std::size_t as = da.meta.is_scalar() ? 0 : 1, bs = db.meta.is_scalar() ? 0 : 1;  // strides
            std::int64_t* o = size ? &result[0] : nullptr;
            if (!each_present_row(size, {}, {{ap, da.days.size()}, {bp, db.days.size()}}, [&](std::size_t i) {
                  o[i] = index.between(ap[i * as], bp[i * bs]);
                }))
            each_row(size, out, [&](std::size_t i) {
              const std::int64_t x = da.at(i), y = db.at(i);
              if (x == nat || y == nat) { missing[i] = 1; return; }
              try {
                result[i] = index.between(x, y);
              } catch (const cchc::error&) {
                // Name the argument outside the calendar (work only on the error path).
                about = static_cast<std::uint64_t>(x - index.first) < static_cast<std::uint64_t>(index.days) ? "b" : "a";
                throw;
              }
            }, &about);
            return counts_result(out, result, missing, ndarray_cannot_hold_na);
          },
          py::arg("a"), py::arg("b"), R"doc(
Number of working days in ``(a, b]`` (negative when ``b < a``).

Parameters
----------
a, b : date-like, array or Series
    As :meth:`is_working_day`.

Returns
-------
int, numpy.ndarray of int64, or pandas.Series of nullable ``Int64``
    A row with NaT in ``a`` or ``b`` gives ``<NA>`` (``pd.NA`` for scalars); NaT in an ndarray is a
    ValueError naming its position (an int64 ndarray cannot hold a missing value).
)doc");

  // Day -> day maps (next/previous working day): the input's shape in and out; NaT gives NaT.
  const auto day_map = [](auto step) {
    return [step](const py_calendar& c, py::handle day) -> py::object {
      const day_column d = read_days(day, "day");
      buffer<std::int64_t> result(d.days.size(), nat);
      each_row(d.days.size(), d.meta, [&](std::size_t i) {
        if (d.days[i] != nat) result[i] = step(c.cal, date::sys_days(date::days(d.days[i]))).time_since_epoch().count();
      });
      return dates_result(d.meta, result);
    };
  };
  cal.def("next_working_day",
          day_map([](const cchc::work_calendar& w, date::sys_days d) { return w.next_working_day(d); }),
          py::arg("day"), R"doc(
The first working day strictly after ``day`` — also when ``day`` is itself a working day
(``next_working_day(Monday)`` is Tuesday). For "this day if working, else the next one" use
``add_working_days(day, 0)``; for a dossier's receipt day and deadline, :func:`cchc.due`.

Parameters
----------
day : date-like, array or Series
    As :meth:`is_working_day`; NaT gives NaT.

Returns
-------
datetime.date, numpy.ndarray of datetime64[D], or pandas.Series of datetime64[ns]
)doc");
  cal.def("previous_working_day",
          day_map([](const cchc::work_calendar& w, date::sys_days d) { return w.previous_working_day(d); }),
          py::arg("day"), R"doc(
The last working day strictly before ``day``.

Parameters
----------
day : date-like, array or Series
    As :meth:`is_working_day`; NaT gives NaT.

Returns
-------
datetime.date, numpy.ndarray of datetime64[D], or pandas.Series of datetime64[ns]
)doc");
  cal.def("info",
          [](const py_calendar& c, py::handle day) -> py::object {
            const day_column d = read_days(day, "day");
            require_present(d, "info() describes a day");
            if (d.meta.is_scalar()) return py::cast(c.cal.info(date::sys_days(date::days(d.days[0]))));
            py::list out(d.days.size());  // one DayInfo per element, in the array's (flattened, C) order
            for (std::size_t i = 0; i < d.days.size(); ++i) {
              try {
                out[i] = py::cast(c.cal.info(date::sys_days(date::days(d.days[i]))));
              } catch (const cchc::error& e) {
                raise_at(e, d.meta, i);
              }
            }
            return std::move(out);
          },
          py::arg("day"), R"doc(
What ``day`` is and why: a :class:`DayInfo` (kind, working flag, reasons, source document, whether
the status comes from an official notice or from the rules).

Parameters
----------
day : date-like, array or Series
    As :meth:`is_working_day` (NaT is an error: it has no description).

Returns
-------
DayInfo, or a list of DayInfo (one per element, flattened in C order) for an array or Series
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
          const day_column in = read_days(day, "day");
          require_present(in, "a missing day has no lunar date");
          if (in.meta.is_scalar()) return make_lunar(cchc::to_lunar(date::sys_days(date::days(in.days[0]))));
          const std::size_t n = in.days.size();
          const std::vector<py::ssize_t> shape =
              in.meta.shape == input_shape::array ? in.meta.dims : std::vector<py::ssize_t>{static_cast<py::ssize_t>(n)};
          py::array_t<std::int32_t> year(shape);
          py::array_t<std::uint8_t> month(shape), dd(shape);
          py::array_t<bool> leap(shape);
          auto* y = year.mutable_data();
          auto* mo = month.mutable_data();
          auto* d = dd.mutable_data();
          auto* l = leap.mutable_data();
          each_row(n, in.meta, [&](std::size_t i) {
            const auto ld = cchc::to_lunar(date::sys_days(date::days(in.days[i])));
            y[i] = ld.year;
            mo[i] = static_cast<std::uint8_t>(ld.month);
            d[i] = static_cast<std::uint8_t>(ld.day);
            l[i] = ld.leap;
          });
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
  bind_period(m);
  bind_due(m);
}

}  // namespace cchc::py_detail
#endif
