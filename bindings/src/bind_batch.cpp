// batch: the full dossier rule over NumPy columns (cchc/dossier_batch.hpp) and the dossier log read
// into columns — the compiled half of cchc.read_dossier_log, cchc.classify and cchc.dossier_flow
// (python/cchc/_dossiers.py converts pandas input to the exact dtypes used here; this file reads the
// arrays in place and runs the kernel without the GIL).
#include "bind.hpp"

#ifdef CCHC_PY_HAVE_BULK
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <limits>
#include <string>
#include <vector>

#include "cchc/civil_time.hpp"
#include "cchc/dossier_batch.hpp"
#include "cchc/dossier_log.hpp"

namespace py = pybind11;

namespace cchc::py_detail {
namespace {

template <class T>
using arr = py::array_t<T, py::array::c_style | py::array::forcecast>;

// An optional column: None → empty view; otherwise a C-contiguous array of exactly T (the Python side
// converts; a wrong dtype here is a bug there, reported as TypeError naming the column).
template <class T>
cchc::column_view<T> view(const py::object& o, const char* name, std::vector<py::object>& keep) {
  if (o.is_none()) return {};
  if (!py::isinstance<py::array>(o) || !py::array(o).dtype().equal(py::dtype::of<T>()))
    throw py::type_error(std::string(name) + ": internal: expected a NumPy array of " +
                         py::str(py::dtype::of<T>()).cast<std::string>());
  auto a = py::array_t<T, py::array::c_style>::ensure(o);
  if (!a) throw py::type_error(std::string(name) + ": expected a contiguous array");
  keep.push_back(a);
  return {a.data(), static_cast<std::size_t>(a.size())};
}

py::dict classify(py::object received, py::object amount, py::object unit_of_time, py::object promised,
                  py::object promised_has_time, py::object receipt_cutoff, py::object pause_offsets,
                  py::object pause_from, py::object pause_to, py::object supplement_requests, py::object end_kind,
                  py::object ended, py::object channel, py::object apology, py::list keys, date::sys_days first,
                  date::sys_days last, py::object calendar, py::object cutoff_minutes, unsigned threads,
                  bool want_codes, bool want_due) {
  std::vector<py::object> keep;
  cchc::dossier_batch b;
  b.received = view<std::int64_t>(received, "received", keep);
  b.amount = view<std::int32_t>(amount, "amount", keep);
  b.unit_of_time = view<std::uint8_t>(unit_of_time, "unit_of_time", keep);
  b.promised = view<std::int64_t>(promised, "promised", keep);
  b.promised_has_time = view<std::uint8_t>(promised_has_time, "promised_has_time", keep);
  b.receipt_cutoff = view<std::int16_t>(receipt_cutoff, "receipt_cutoff", keep);
  b.pause_offsets = view<std::int64_t>(pause_offsets, "pause_offsets", keep);
  b.pause_from = view<std::int64_t>(pause_from, "pause_from", keep);
  b.pause_to = view<std::int64_t>(pause_to, "pause_to", keep);
  b.supplement_requests = view<std::int32_t>(supplement_requests, "supplement_requests", keep);
  b.end_kind = view<std::uint8_t>(end_kind, "end_kind", keep);
  b.ended = view<std::int64_t>(ended, "ended", keep);
  b.channel = view<std::uint8_t>(channel, "channel", keep);
  b.apology = view<std::uint8_t>(apology, "apology", keep);
  std::vector<std::uint32_t> sizes;
  for (py::handle k : keys) {
    py::tuple kv = py::reinterpret_borrow<py::tuple>(k);  // (codes, size)
    b.keys.push_back(view<std::uint32_t>(py::reinterpret_borrow<py::object>(kv[0]), "keys", keep));
    sizes.push_back(kv[1].cast<std::uint32_t>());
  }
  const std::size_t n = b.received.size();
  const auto& cal = calendar_arg(calendar, "calendar");
  cchc::receipt_rule rule;
  if (!cutoff_minutes.is_none()) rule.cutoff = std::chrono::minutes{cutoff_minutes.cast<long>()};
  cchc::batch_options opt;
  opt.threads = threads;
  opt.key_sizes = sizes;
  py::array_t<std::uint8_t> codes(want_codes ? static_cast<py::ssize_t>(n) : 0);
  py::array_t<std::int32_t> due_day(want_due ? static_cast<py::ssize_t>(n) : 0);
  py::array_t<std::int16_t> due_minute(want_due ? static_cast<py::ssize_t>(n) : 0);
  cchc::mutable_column_view<std::uint8_t> cv;
  cchc::mutable_column_view<std::int32_t> dv;
  cchc::mutable_column_view<std::int16_t> mv;
  if (want_codes) cv = {codes.mutable_data(), n};
  if (want_due) {
    dv = {due_day.mutable_data(), n};
    mv = {due_minute.mutable_data(), n};
  }
  cchc::batch_counts counts;
  {
    py::gil_scoped_release release;
    counts = cchc::classify_batch(b, first, last, cal, rule, cv, opt, dv, mv);
  }
  py::list groups;
  for (const auto& g : counts.groups()) groups.append(py::make_tuple(py::tuple(py::cast(g.key)), py::cast(g.flow)));
  py::dict out;
  out["codes"] = want_codes ? py::object(codes) : py::none();
  out["due_day"] = want_due ? py::object(due_day) : py::none();
  out["due_minute"] = want_due ? py::object(due_minute) : py::none();
  out["groups"] = groups;
  out["total"] = py::cast(counts.total());
  return out;
}

// The log as columns: what read_dossier_log turns into a DataFrame.
py::dict read_log(const std::string& path, bool skip_bad_rows, const std::string& separator) {
  cchc::dossier_log_options opt;
  opt.skip_bad_rows = skip_bad_rows;
  opt.max_reported_errors = std::numeric_limits<std::size_t>::max();  // every bad row is returned
  if (separator.size() == 1) opt.separator = separator[0];
  std::vector<std::string> id, unit, level, procedure, field;
  std::vector<std::int64_t> received, promised, pause_from, pause_to, ended;
  std::vector<std::int32_t> amount, requests;
  std::vector<std::uint8_t> unit_of_time, has_time, end_kind, channel, apology;
  std::vector<std::int16_t> cutoff;
  cchc::dossier_log_summary summary;
  {
    py::gil_scoped_release release;
    summary = cchc::read_dossier_log(
        path,
        [&](const cchc::dossier& d) {
          id.push_back(d.id);
          unit.push_back(d.unit);
          level.push_back(d.level);
          procedure.push_back(d.procedure);
          field.push_back(d.field);
          channel.push_back(static_cast<std::uint8_t>(d.channel));
          received.push_back(d.received_at.time_since_epoch().count());
          amount.push_back(d.processing ? static_cast<std::int32_t>(d.processing->amount)
                                        : std::numeric_limits<std::int32_t>::min());
          unit_of_time.push_back(d.processing ? static_cast<std::uint8_t>(d.processing->unit) : 0);
          promised.push_back(d.promised_at ? d.promised_at->time_since_epoch().count() : cchc::no_time);
          has_time.push_back(d.promised_has_time ? 1 : 0);
          cutoff.push_back(d.receipt_cutoff ? static_cast<std::int16_t>(d.receipt_cutoff->count()) : cchc::no_cutoff);
          pause_from.push_back(d.pauses.empty() ? cchc::no_time : d.pauses.front().from.time_since_epoch().count());
          pause_to.push_back(d.pauses.empty() ? cchc::no_time : d.pauses.front().to.time_since_epoch().count());
          requests.push_back(d.supplement_requests);
          end_kind.push_back(d.end ? static_cast<std::uint8_t>(d.end->kind) : cchc::no_end_kind);
          ended.push_back(d.end ? d.end->at.time_since_epoch().count() : cchc::no_time);
          apology.push_back(d.apology ? 1 : 0);
        },
        opt);
  }
  py::dict out;
  out["id"] = py::cast(id);
  out["unit"] = py::cast(unit);
  out["level"] = py::cast(level);
  out["procedure"] = py::cast(procedure);
  out["field"] = py::cast(field);
  out["channel"] = py::array_t<std::uint8_t>(static_cast<py::ssize_t>(channel.size()), channel.data());
  out["received"] = py::array_t<std::int64_t>(static_cast<py::ssize_t>(received.size()), received.data());
  out["amount"] = py::array_t<std::int32_t>(static_cast<py::ssize_t>(amount.size()), amount.data());
  out["unit_of_time"] = py::array_t<std::uint8_t>(static_cast<py::ssize_t>(unit_of_time.size()), unit_of_time.data());
  out["promised"] = py::array_t<std::int64_t>(static_cast<py::ssize_t>(promised.size()), promised.data());
  out["promised_has_time"] = py::array_t<std::uint8_t>(static_cast<py::ssize_t>(has_time.size()), has_time.data());
  out["receipt_cutoff"] = py::array_t<std::int16_t>(static_cast<py::ssize_t>(cutoff.size()), cutoff.data());
  out["pause_from"] = py::array_t<std::int64_t>(static_cast<py::ssize_t>(pause_from.size()), pause_from.data());
  out["pause_to"] = py::array_t<std::int64_t>(static_cast<py::ssize_t>(pause_to.size()), pause_to.data());
  out["supplement_requests"] = py::array_t<std::int32_t>(static_cast<py::ssize_t>(requests.size()), requests.data());
  out["end_kind"] = py::array_t<std::uint8_t>(static_cast<py::ssize_t>(end_kind.size()), end_kind.data());
  out["ended"] = py::array_t<std::int64_t>(static_cast<py::ssize_t>(ended.size()), ended.data());
  out["apology"] = py::array_t<std::uint8_t>(static_cast<py::ssize_t>(apology.size()), apology.data());
  py::list errors;
  for (const auto& e : summary.errors) {
    const auto& w = e.where();
    errors.append(py::make_tuple(w.file, w.line, w.column, w.field, w.path, e.detail()));
  }
  out["errors"] = errors;
  out["rows"] = summary.rows;
  out["skipped"] = summary.skipped;
  return out;
}

// Text date-times (cchc's one parser, never pandas' guess) → minutes; None/NaN → no_time. The first
// bad text raises ParseError with path "row N".
py::array_t<std::int64_t> parse_date_times(const py::list& texts) {
  py::array_t<std::int64_t> out(static_cast<py::ssize_t>(texts.size()));
  std::int64_t* o = out.mutable_data();
  std::size_t i = 0;
  for (py::handle h : texts) {
    if (h.is_none() || (PyFloat_Check(h.ptr()) && PyFloat_AsDouble(h.ptr()) != PyFloat_AsDouble(h.ptr()))) {
      o[i++] = cchc::no_time;
      continue;
    }
    const std::string text = py::str(h).cast<std::string>();
    std::string why;
    if (const auto t = cchc::try_parse_date_time(text, &why)) {
      o[i++] = t->time_since_epoch().count();
      continue;
    }
    if (const auto d = cchc::try_parse_date(text)) {
      o[i++] = std::chrono::duration_cast<std::chrono::minutes>(d->time_since_epoch()).count();
      continue;
    }
    throw cchc::parse_error(why, cchc::location{"", 0, 0, "row " + std::to_string(i), ""});
  }
  return out;
}

}  // namespace

void bind_batch(py::module_& m) {
  m.def("_classify_batch", &classify, py::arg("received"), py::arg("amount"), py::arg("unit_of_time"),
        py::arg("promised"), py::arg("promised_has_time"), py::arg("receipt_cutoff"), py::arg("pause_offsets"),
        py::arg("pause_from"), py::arg("pause_to"), py::arg("supplement_requests"), py::arg("end_kind"),
        py::arg("ended"), py::arg("channel"), py::arg("apology"), py::arg("keys"), py::arg("first"),
        py::arg("last"), py::arg("calendar") = py::none(), py::arg("cutoff_minutes") = py::none(),
        py::arg("threads") = 1, py::arg("want_codes") = true, py::arg("want_due") = false,
        "Private: cchc.classify / cchc.dossier_flow over exact-dtype columns (see _dossiers.py).");
  m.def("_read_dossier_log_columns", &read_log, py::arg("path"), py::arg("skip_bad_rows") = false,
        py::arg("separator") = "", "Private: the dossier log read into columns (see cchc.read_dossier_log).");
  m.def("_parse_date_times", &parse_date_times, py::arg("texts"),
        "Private: text date-times read by cchc's parser → int64 minutes (NaT for None/NaN).");
}

}  // namespace cchc::py_detail
#endif
