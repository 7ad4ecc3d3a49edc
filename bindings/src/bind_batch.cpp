// batch: the full dossier rule over NumPy columns (cchc/dossier_batch.hpp) and the dossier log read
// into columns — the compiled half of cchc.read_dossier_log, cchc.classify and cchc.dossier_flow
// (python/cchc/_dossiers.py converts pandas input to the exact dtypes used here; this file reads the
// arrays in place and runs the kernel without the GIL).
#include "bind.hpp"

#ifdef CCHC_PY_HAVE_BULK
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

#include "cchc/civil_time.hpp"
#include "cchc/dossier_batch.hpp"
#include "cchc/dossier.hpp"
#include "cchc/dossier_log.hpp"
#include "cchc/one_stop_rules.hpp"
#include "cchc/procedure_catalogue.hpp"
#include "py_convert.hpp"

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

// ---- datetime64 columns → civil minutes, on the raw buffer ----------------------------------------

// floor(raw * MUL / DIV) for every value, NaT → no_time; false at the first value that overflows or
// falls outside years 1..9999 (py_convert's range), left for read_minutes to name. With constant
// MUL and DIV the division compiles to a multiplication.
template <std::int64_t MUL, std::int64_t DIV>
bool to_minutes(const std::int64_t* raw, std::int64_t* out, std::size_t n, std::int64_t& first_missing) {
  constexpr std::int64_t lo = -719162LL * 1440, hi = 2932896LL * 1440;
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t v = raw[i];
    if (v == cchc::no_time) {
      if (first_missing < 0) first_missing = static_cast<std::int64_t>(i);
      out[i] = cchc::no_time;
      continue;
    }
    std::int64_t m = 0;
    if constexpr (MUL != 1) {
      if (__builtin_mul_overflow(v, MUL, &m)) return false;
    } else {
      m = v;
    }
    if constexpr (DIV != 1) {
      const std::int64_t q = m / DIV;
      m = (m % DIV != 0 && m < 0) ? q - 1 : q;
    }
    if (m < lo || m > hi) return false;
    out[i] = m;
  }
  return true;
}

// The converter of a naive datetime64 ndarray's unit (nullptr: a unit multiplier other than 1, or a
// unit that needs the general path).
using minutes_converter = bool (*)(const std::int64_t*, std::int64_t*, std::size_t, std::int64_t&);
minutes_converter converter_of(const py::array& values) {
  if (values.dtype().kind() != 'M' || values.ndim() != 1) return nullptr;
  py::tuple unit = py::module_::import("numpy").attr("datetime_data")(values.dtype());
  if (unit[1].cast<long>() != 1) return nullptr;
  const std::string u = unit[0].cast<std::string>();
  if (u == "ns") return &to_minutes<1, 60'000'000'000LL>;
  if (u == "us") return &to_minutes<1, 60'000'000LL>;
  if (u == "ms") return &to_minutes<1, 60'000LL>;
  if (u == "s") return &to_minutes<1, 60>;
  if (u == "m") return &to_minutes<1, 1>;
  if (u == "h") return &to_minutes<60, 1>;
  if (u == "D") return &to_minutes<1440, 1>;
  return nullptr;
}

// A date-time column handed over as pandas' own datetime64 buffer: converted to minutes block by
// block inside the classification (the minutes stay in cache; no full-length copy is written and
// read again).
struct raw_instants {
  const std::int64_t* raw = nullptr;
  minutes_converter convert = nullptr;
  [[nodiscard]] bool present() const { return raw != nullptr; }
};

// classify_batch over rows whose received (and ended) columns are datetime64 buffers: each thread
// takes a contiguous range of rows, converts a block of them to minutes, classifies the block with
// one thread, and sums the counts (integers: the same for any split). `false` at anything unusual —
// a received NaT, a value the converter refuses (out of range), any bad row: the caller then takes
// the general route (whole columns converted first, then one classify_batch), which reports exactly
// the error it always did.
bool classify_blocked(const cchc::dossier_batch& whole, const raw_instants& received, const raw_instants& ended,
                      date::sys_days first, date::sys_days last, const cchc::work_calendar& cal,
                      const cchc::receipt_rule& rule, cchc::mutable_column_view<std::uint8_t> codes,
                      const cchc::batch_options& options, cchc::mutable_column_view<std::int32_t> due_day,
                      cchc::mutable_column_view<std::int16_t> due_minute, cchc::batch_counts& out) {
  constexpr std::size_t block = std::size_t{1} << 15;
  constexpr std::size_t rows_per_thread_min = std::size_t{1} << 16;
  const std::size_t n = whole.received.size();
  unsigned threads = options.threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : options.threads;
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, n / rows_per_thread_min)));
  struct state {
    cchc::batch_counts counts;
    bool declined = false;
  };
  std::vector<state> states(threads);
  auto work = [&](std::size_t lo, std::size_t hi, state& st) {
    std::vector<std::int64_t> r(block), e(ended.present() ? block : 0), offsets;
    cchc::batch_options one = options;
    one.threads = 1;
    for (std::size_t b0 = lo; b0 < hi; b0 += block) {
      const std::size_t m = std::min(block, hi - b0);
      std::int64_t nat = -1, ignored = -1;
      if (!received.convert(received.raw + b0, r.data(), m, nat) || nat >= 0 ||
          (ended.present() && !ended.convert(ended.raw + b0, e.data(), m, ignored))) {
        st.declined = true;
        return;
      }
      cchc::dossier_batch part = whole;
      auto slice = [&](auto& col) {
        if (!col.empty()) col = {col.data() + b0, m};
      };
      part.received = {r.data(), m};
      if (ended.present()) part.ended = {e.data(), m};
      else slice(part.ended);
      slice(part.amount);
      slice(part.unit_of_time);
      slice(part.promised);
      slice(part.promised_has_time);
      slice(part.receipt_cutoff);
      slice(part.supplement_requests);
      slice(part.end_kind);
      slice(part.channel);
      slice(part.apology);
      for (auto& k : part.keys) k = {k.data() + b0, m};
      if (!whole.pause_offsets.empty()) {
        const std::int64_t p0 = whole.pause_offsets[b0], p1 = whole.pause_offsets[b0 + m];
        offsets.resize(m + 1);
        for (std::size_t k = 0; k <= m; ++k) offsets[k] = whole.pause_offsets[b0 + k] - p0;
        part.pause_offsets = offsets;
        part.pause_from = {whole.pause_from.data() + p0, static_cast<std::size_t>(p1 - p0)};
        part.pause_to = {whole.pause_to.data() + p0, static_cast<std::size_t>(p1 - p0)};
      }
      auto sub = [&](auto view) -> decltype(view) {
        if (view.empty()) return {};
        return {view.data() + b0, m};
      };
      try {
        st.counts += cchc::classify_batch(part, first, last, cal, rule, sub(codes), one, sub(due_day), sub(due_minute));
      } catch (const cchc::error&) {
        st.declined = true;
        return;
      }
    }
  };
  {
    std::vector<std::thread> pool;
    auto bound = [&](unsigned t) { return n * t / threads; };
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back([&, t] { work(bound(t), bound(t + 1), states[t]); });
    work(bound(0), bound(1), states[0]);
    for (auto& th : pool) th.join();
  }
  for (const auto& st : states)
    if (st.declined) return false;
  for (const auto& st : states) out += st.counts;
  return true;
}

py::object classify(py::object received, py::object amount, py::object unit_of_time, py::object promised,
                  py::object promised_has_time, py::object receipt_cutoff, py::object pause_offsets,
                  py::object pause_from, py::object pause_to, py::object supplement_requests, py::object end_kind,
                  py::object ended, py::object channel, py::object apology, py::list keys, date::sys_days first,
                  date::sys_days last, py::object calendar, py::object cutoff_minutes, unsigned threads,
                  bool want_codes, bool want_due) {
  std::vector<py::object> keep;
  cchc::dossier_batch b;
  // received / ended may be datetime64 buffers (the frame route's large frames): converted block by
  // block below, or None returned (the caller converts them and calls again).
  raw_instants raw_received, raw_ended;
  auto instants = [&](py::object& o, raw_instants& raw, const char* name) {
    if (!py::isinstance<py::array>(o) || py::array(o).dtype().kind() != 'M') return;
    py::array a = py::array::ensure(o, py::array::c_style);
    raw.convert = a ? converter_of(a) : nullptr;
    if (!raw.convert) throw py::type_error(std::string(name) + ": internal: a datetime64 array of unit ns … D");
    keep.push_back(a);
    raw.raw = static_cast<const std::int64_t*>(a.data());
    o = a.attr("view")("int64");
  };
  instants(received, raw_received, "received");
  instants(ended, raw_ended, "ended");
  if (raw_ended.present() && !raw_received.present())
    throw py::type_error("ended: internal: a datetime64 buffer only with a datetime64 received");
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
  if (raw_received.present()) {
    bool done = false;
    {
      py::gil_scoped_release release;
      done = classify_blocked(b, raw_received, raw_ended, first, last, cal, rule, cv, opt, dv, mv, counts);
    }
    if (!done) return py::none();
  } else {
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

// The bad rows a read skipped: (file, line, column, field, id, message) each.
py::list errors_of(const cchc::dossier_log_summary& summary) {
  py::list errors;
  for (const auto& e : summary.errors) {
    const auto& w = e.where();
    errors.append(py::make_tuple(w.file, w.line, w.column, w.field, w.path, e.detail()));
  }
  return errors;
}

// A text column of the log as codes into its distinct values, sorted (pandas.Categorical.from_codes):
// a log has a few hundred units and procedures for a million rows, so one string per distinct value
// crosses into Python instead of one per row. `codes` number the texts in order of first appearance
// (the reader's text_codes); the result's categories are in code-point order, as
// factorize(sort=True) ranks them.
py::tuple factor(const std::vector<std::uint32_t>& codes, const cchc::text_codes& texts) {
  const std::vector<std::string>& names = texts.names();
  std::vector<std::uint32_t> order(names.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = static_cast<std::uint32_t>(k);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return names[a] < names[b]; });
  std::vector<std::int32_t> rank(order.size());
  py::list categories;
  for (std::size_t k = 0; k < order.size(); ++k) {
    rank[order[k]] = static_cast<std::int32_t>(k);
    categories.append(py::str(names[order[k]]));
  }
  py::array_t<std::int32_t> out(static_cast<py::ssize_t>(codes.size()));
  std::int32_t* c = out.mutable_data();
  for (std::size_t i = 0; i < codes.size(); ++i) c[i] = rank[codes[i]];
  return py::make_tuple(out, categories);
}

// Civil minutes → datetime64[ns] ticks, in place (NaT stays NaT). pandas' nanoseconds hold years
// 1678-2261 only; a log date outside them is a range_error naming the dossier, not a silent wrap-around.
void to_ns(std::vector<std::int64_t>& minutes, const cchc::dossier_log_chunk& c, const char* column,
           const std::string& file) {
  for (std::size_t i = 0; i < minutes.size(); ++i) {
    std::int64_t& v = minutes[i];
    if (v == cchc::no_time) continue;
    std::int64_t ns = 0;
    if (__builtin_mul_overflow(v, std::int64_t{60'000'000'000}, &ns) || ns == cchc::no_time) {
      const std::size_t start = i == 0 ? 0 : c.id_end[i - 1];
      throw cchc::range_error(std::string(column) + ": the date is outside what datetime64[ns] holds (years 1678-2261)",
                              cchc::location{file, 0, 0, c.ids.substr(start, c.id_end[i] - start), column});
    }
    v = ns;
  }
}

template <class T>
py::array_t<T> array_of(const std::vector<T>& v) {
  return py::array_t<T>(static_cast<py::ssize_t>(v.size()), v.data());
}

// The log as columns: what read_dossier_log turns into a DataFrame, read by the reader's columnar
// form (dossier_log_chunk: the rows decoded straight into columns). Text columns come back as
// (codes, categories); date-times as datetime64[ns] ticks; ids as one object array.
py::dict read_log(const std::string& path, bool skip_bad_rows, const std::string& separator) {
  cchc::dossier_log_options opt;
  opt.skip_bad_rows = skip_bad_rows;
  opt.max_reported_errors = std::numeric_limits<std::size_t>::max();  // every bad row is returned
  if (separator.size() == 1) opt.separator = separator[0];
  cchc::dossier_log_chunk c;  // the whole log: the DataFrame holds it all anyway
  c.keys = {cchc::flow_key::unit, cchc::flow_key::level, cchc::flow_key::procedure, cchc::flow_key::field};
  c.want_ids = true;
  cchc::dossier_log_summary summary;
  std::vector<std::int64_t> pause_from, pause_to;
  {
    py::gil_scoped_release release;
    auto reader = cchc::dossier_log_reader::open(path, opt);
    while (reader.next(c, std::numeric_limits<std::size_t>::max()) > 0) {
    }
    summary = reader.summary();
    // One pause at most per log row: its first pause, or none.
    pause_from.assign(c.rows(), cchc::no_time);
    pause_to.assign(c.rows(), cchc::no_time);
    for (std::size_t i = 0; i < c.rows(); ++i)
      if (c.pause_offsets[i + 1] > c.pause_offsets[i]) {
        pause_from[i] = c.pause_from[static_cast<std::size_t>(c.pause_offsets[i])];
        pause_to[i] = c.pause_to[static_cast<std::size_t>(c.pause_offsets[i])];
      }
    to_ns(c.received, c, "received_at", path);
    to_ns(c.promised, c, "promised_at", path);
    to_ns(pause_from, c, "paused_from", path);
    to_ns(pause_to, c, "paused_to", path);
    to_ns(c.ended, c, "resolved_at", path);
  }
  const auto n = static_cast<py::ssize_t>(c.rows());
  py::array id(py::dtype("O"), std::vector<py::ssize_t>{n});
  {
    auto** o = static_cast<PyObject**>(id.mutable_data());
    std::size_t start = 0;
    for (py::ssize_t i = 0; i < n; ++i) {
      const std::size_t end = c.id_end[static_cast<std::size_t>(i)];
      PyObject* s = PyUnicode_DecodeUTF8(c.ids.data() + start, static_cast<py::ssize_t>(end - start), "strict");
      if (!s) throw py::error_already_set();
      Py_XDECREF(o[i]);  // NumPy filled the new object array with None references
      o[i] = s;
      start = end;
    }
  }
  py::dict out;
  out["id"] = id;
  out["unit"] = factor(c.key_columns[0], c.key_codes[0]);
  out["level"] = factor(c.key_columns[1], c.key_codes[1]);
  out["procedure"] = factor(c.key_columns[2], c.key_codes[2]);
  out["field"] = factor(c.key_columns[3], c.key_codes[3]);
  out["channel"] = array_of(c.channel);
  out["received"] = array_of(c.received);
  out["amount"] = array_of(c.amount);
  out["unit_of_time"] = array_of(c.unit_of_time);
  out["promised"] = array_of(c.promised);
  out["promised_has_time"] = array_of(c.promised_has_time);
  out["receipt_cutoff"] = array_of(c.receipt_cutoff);
  out["pause_from"] = array_of(pause_from);
  out["pause_to"] = array_of(pause_to);
  out["supplement_requests"] = array_of(c.supplement_requests);
  out["end_kind"] = array_of(c.end_kind);
  out["ended"] = array_of(c.ended);
  out["apology"] = array_of(c.apology);
  out["errors"] = errors_of(summary);
  out["rows"] = summary.rows;
  out["skipped"] = summary.skipped;
  return out;
}

// The log counted column-wise, a chunk at a time (memory bounded whatever the log's size): the
// reader decodes rows straight into the columns classify_batch takes (dossier_log_chunk: no dossier
// and no string per row; key values as dense codes in order of first appearance, mapped back to
// their text for the table), partial counts merged (batch_counts are matched by key codes).
class columnar_flow {
 public:
  explicit columnar_flow(const std::vector<cchc::flow_key>& keys) { chunk_.keys = keys; }

  // False when the counting threw a cchc::error (the caller counts with the accumulator instead).
  bool run(const std::string& path, const cchc::dossier_log_options& opt, date::sys_days first, date::sys_days last,
           const cchc::work_calendar& cal, const cchc::receipt_rule& rule) {
    auto reader = cchc::dossier_log_reader::open(path, opt);
    try {
      while (reader.next(chunk_, chunk) > 0) {
        counts_ += cchc::classify_batch(chunk_.batch(), first, last, cal, rule, {}, chunk_.options());
        chunk_.clear();
      }
    } catch (const cchc::parse_error&) {
      throw;  // a bad row of the file: the reader's error, as on the CLI
    } catch (const cchc::error&) {
      return false;
    }
    summary_ = reader.summary();
    return true;
  }

  py::dict result() const {
    py::list groups;
    if (!chunk_.keys.empty())
      for (const auto& g : counts_.groups()) {
        py::list labels;
        for (std::size_t k = 0; k < g.key.size(); ++k) labels.append(py::str(chunk_.key_codes[k].names()[g.key[k]]));
        groups.append(py::make_tuple(py::tuple(labels), py::cast(g.flow)));
      }
    py::dict out;
    out["groups"] = sorted_groups(groups);
    out["total"] = py::cast(counts_.total());
    out["errors"] = errors_of(summary_);
    out["rows"] = summary_.rows;
    out["skipped"] = summary_.skipped;
    return out;
  }

 private:
  // Rows per classify_batch call: the chunk's columns (~50 bytes a row) stay in the caches.
  static constexpr std::size_t chunk = std::size_t{1} << 16;

  // The accumulator's rows are in key-text order; code order here is first appearance.
  static py::list sorted_groups(py::list groups) {
    py::list out = groups;
    out.attr("sort")(py::arg("key") = py::module_::import("operator").attr("itemgetter")(0));
    return out;
  }

  cchc::dossier_log_chunk chunk_;
  cchc::batch_counts counts_;
  cchc::dossier_log_summary summary_;
};

// The flow table of a log file without a DataFrame: the reader and the accumulator `cchc dossiers`
// uses (dossier_log_reader::next(d, accumulator): a row the calendar cannot classify is a bad row),
// grouped by flow keys, the receipt rule as the CLI chooses it (the one-stop rules given, else the
// set in force on the period's last day, else the earliest), the GIL released for the whole read.
py::dict flow_of_log(const std::string& path, const std::vector<std::string>& by, date::sys_days first,
                     date::sys_days last, py::object calendar, bool skip_bad_rows, const std::string& separator,
                     py::object procedures, py::object rules, py::object cutoff_minutes) {
  cchc::dossier_log_options opt;
  opt.skip_bad_rows = skip_bad_rows;
  opt.max_reported_errors = std::numeric_limits<std::size_t>::max();
  if (separator.size() == 1) opt.separator = separator[0];
  if (!procedures.is_none()) opt.procedures = procedures.cast<const cchc::procedure_catalogue&>();
  std::vector<cchc::flow_key> keys;
  for (const auto& name : by) {
    const cchc::flow_key k = cchc::parse_flow_key(name);  // lookup_error naming the key
    if (std::find(keys.begin(), keys.end(), k) != keys.end())
      throw cchc::argument_error("'" + name + "' is given twice", cchc::location{"", 0, 0, "", "by"});
    keys.push_back(k);
  }
  cchc::receipt_rule rule;
  if (!rules.is_none()) {
    rule = rules.cast<const cchc::one_stop_rules&>().receipt();
  } else {
    try {
      rule = cchc::rules_in_force(last).receipt();
    } catch (const cchc::range_error&) {
      const cchc::one_stop_rules* earliest = nullptr;
      for (const auto& id : cchc::builtin_one_stop_rules()) {
        const cchc::one_stop_rules& r = cchc::builtin_one_stop_rules(id);
        if (!earliest || r.effective_from < earliest->effective_from) earliest = &r;
      }
      if (!earliest) throw;
      rule = earliest->receipt();
    }
  }
  if (!cutoff_minutes.is_none()) rule.cutoff = std::chrono::minutes{cutoff_minutes.cast<long>()};
  const auto& cal = calendar_arg(calendar, "calendar");
  // First the columnar route: rows read into chunks of columns and counted by classify_batch (the
  // same kernel; its fast loop for plain working-day rows). Any cchc::error from the counting — a
  // row the calendar cannot classify — and the whole file is counted again by the accumulator, so
  // errors and skipped rows are exactly the CLI's.
  std::optional<py::dict> columnar;
  {
    py::gil_scoped_release release;
    columnar_flow route(keys);
    if (route.run(path, opt, first, last, cal, rule)) {
      py::gil_scoped_acquire acquire;
      columnar = route.result();
    }
  }
  if (columnar) return *columnar;
  cchc::flow_accumulator acc(first, last, cal, keys, rule);
  cchc::dossier_log_summary summary;
  {
    py::gil_scoped_release release;
    auto reader = cchc::dossier_log_reader::open(path, opt);
    cchc::dossier d;
    while (reader.next(d, acc)) {
    }
    summary = reader.summary();
  }
  py::list groups;
  if (!keys.empty())
    for (const auto& [key, flow] : acc.rows()) groups.append(py::make_tuple(py::tuple(py::cast(key)), py::cast(flow)));
  py::dict out;
  out["groups"] = groups;
  out["total"] = py::cast(acc.flow());
  out["errors"] = errors_of(summary);
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

// A naive datetime64 ndarray (the buffer of a pandas datetime64[ns] column, or any unit) → int64
// civil minutes (floor: the minute the time falls in) and the position of the first NaT (-1: none),
// in one pass without the GIL. Anything else — another unit multiplier, a value out of range — is
// read by py_convert's read_minutes from `original` (the Series), which names the column and the
// index label of the bad row exactly as before.
py::tuple datetime64_minutes(py::array values, py::handle original, const std::string& column) {
  auto fallback = [&]() {
    std::vector<std::int64_t> m = minutes_of(original, column.c_str());
    std::int64_t first_missing = -1;
    for (std::size_t i = 0; i < m.size(); ++i)
      if (m[i] == cchc::no_time) {
        first_missing = static_cast<std::int64_t>(i);
        break;
      }
    return py::make_tuple(py::array_t<std::int64_t>(static_cast<py::ssize_t>(m.size()), m.data()), first_missing);
  };
  const minutes_converter f = converter_of(values);
  if (!f) return fallback();
  auto raw = py::array_t<std::int64_t, py::array::c_style>::ensure(values.attr("view")("int64"));
  if (!raw) return fallback();
  const auto n = static_cast<std::size_t>(raw.size());
  py::array_t<std::int64_t> out(static_cast<py::ssize_t>(n));
  std::int64_t first_missing = -1;
  bool ok = true;
  {
    const std::int64_t* r = raw.data();
    std::int64_t* o = out.mutable_data();
    py::gil_scoped_release release;
    ok = f(r, o, n, first_missing);
  }
  if (!ok) return fallback();  // raises, naming the row
  return py::make_tuple(out, first_missing);
}

// ---- text columns → codes ---------------------------------------------------------------------

// An object column of names (a channel, processing unit or end kind per row) → int16 codes: `code_of`
// (the Python lookup: strip, casefold, names and aliases) is called once per distinct text, not per
// row; None, NaN and the `missing` singletons (pd.NA, NaT) give `missing_code`. Returns None when a
// value is neither text nor missing (the caller's general path then takes the column).
py::object object_codes(py::array values, py::function code_of, std::int16_t missing_code, py::tuple missing) {
  if (values.dtype().kind() != 'O' || values.ndim() != 1) return py::none();
  auto a = py::array::ensure(values, py::array::c_style);
  if (!a) return py::none();
  const auto n = static_cast<std::size_t>(a.size());
  auto* const* items = static_cast<PyObject* const*>(a.data());
  py::array_t<std::int16_t> out(static_cast<py::ssize_t>(n));
  std::int16_t* o = out.mutable_data();
  // The distinct texts seen, as views into the column's own strings (alive during the call): a column
  // has a handful, so a linear scan beats hashing every row.
  std::vector<std::pair<std::string_view, std::int16_t>> seen;
  PyObject* last = nullptr;  // runs of the same object (a column built from a few strings) skip the lookup
  std::int16_t last_code = 0;
  // Each row's object is a separate heap object (a column of strings made by NumPy or read from text
  // holds one str per row): its header and text are fetched ahead, or the loop waits on memory.
  constexpr std::size_t ahead = 32;
  for (std::size_t i = 0; i < n; ++i) {
    PyObject* v = items[i];
    if (i + ahead < n) {
      __builtin_prefetch(items[i + ahead]);
      __builtin_prefetch(reinterpret_cast<const char*>(items[i + ahead]) + 64);
    }
    if (v == last) {
      o[i] = last_code;
      continue;
    }
    std::int16_t code = missing_code;
    if (v == nullptr || v == Py_None) {
      code = missing_code;
    } else if (PyUnicode_Check(v)) {
      Py_ssize_t size = 0;
      const char* utf8 = PyUnicode_AsUTF8AndSize(v, &size);
      if (!utf8) throw py::error_already_set();
      const std::string_view key(utf8, static_cast<std::size_t>(size));
      auto it = std::find_if(seen.begin(), seen.end(), [&](const auto& e) { return e.first == key; });
      if (it == seen.end()) {
        if (seen.size() >= 64) return py::none();  // not a column of names: the general path
        seen.emplace_back(key, code_of(py::reinterpret_borrow<py::object>(v)).cast<std::int16_t>());
        it = seen.end() - 1;
      }
      code = it->second;
    } else if (PyFloat_Check(v) && PyFloat_AS_DOUBLE(v) != PyFloat_AS_DOUBLE(v)) {
      code = missing_code;
    } else {
      bool is_missing = false;
      for (py::handle m : missing) is_missing = is_missing || m.ptr() == v;
      if (!is_missing) return py::none();
    }
    o[i] = code;
    last = v;
    last_code = code;
  }
  return std::move(out);
}

// Category codes (a pandas Categorical's int8 / int16 / int32 codes, -1 for a missing value) → the
// uint8 code of each category, `table[code]` (`table[-1]`, its last entry, for missing), in one pass
// without the GIL: NumPy's fancy indexing would first widen the codes to 64-bit positions.
// `categories` codes 0 … categories - 1 and -1 (missing) → lut[code], lut[255]; `bad` when a code
// is neither.
void recode_few(const std::int8_t* __restrict in, std::uint8_t* __restrict o, std::size_t n,
                const std::uint8_t* lut, int categories, bool& bad) {
  const std::uint8_t missing = lut[255];
  std::uint8_t out_of_range = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::int8_t k = in[i];
    out_of_range |= static_cast<std::uint8_t>((k < -1) | (k >= categories));
    o[i] = missing;
  }
  for (int code = 0; code < categories; ++code) {
    const std::uint8_t value = lut[code];
    const auto c = static_cast<std::int8_t>(code);
    for (std::size_t i = 0; i < n; ++i) o[i] = in[i] == c ? value : o[i];
  }
  bad = out_of_range != 0;
}

template <class C>
py::array_t<std::uint8_t> recode_as(const py::array& codes, const py::array_t<std::uint8_t>& table) {
  auto c = py::array_t<C, py::array::c_style>::ensure(codes);
  const auto n = static_cast<std::size_t>(c.size());
  const auto t = static_cast<std::ptrdiff_t>(table.size());
  py::array_t<std::uint8_t> out(static_cast<py::ssize_t>(n));
  const C* in = c.data();
  std::uint8_t* o = out.mutable_data();
  // The categories' codes 0 … t - 2 and -1 (missing: the last entry) through a 256-entry table.
  if (t - 1 > 255) throw py::value_error("internal: more than 255 categories");
  std::uint8_t lut[256] = {};
  for (std::ptrdiff_t code = 0; code < t - 1; ++code) lut[code] = table.data()[code];
  lut[255] = table.data()[t - 1];
  bool bad = false;
  {
    py::gil_scoped_release release;
    auto by_table = [&] {
      for (std::size_t i = 0; i < n; ++i) {
        const C k = in[i];
        bad |= (k < -1) | (k >= t - 1);
        o[i] = lut[static_cast<std::uint8_t>(k)];
      }
    };
    if constexpr (std::is_same_v<C, std::int8_t>) {
      // A few categories (a channel, a unit of time): one compare-and-select pass per category over
      // the bytes, which the compiler vectorises (a byte look-up per row it does not).
      if (t <= 9)
        recode_few(in, o, n, lut, static_cast<int>(t) - 1, bad);
      else
        by_table();
    } else {
      by_table();
    }
  }
  if (bad) throw py::value_error("internal: a category code past the table");
  return out;
}

py::array_t<std::uint8_t> recode(py::array codes, py::array_t<std::uint8_t, py::array::c_style> table) {
  if (table.size() == 0) throw py::value_error("internal: an empty table");
  const char kind = codes.dtype().kind();
  const auto size = codes.dtype().itemsize();
  if (kind == 'i' && size == 1) return recode_as<std::int8_t>(codes, table);
  if (kind == 'i' && size == 2) return recode_as<std::int16_t>(codes, table);
  if (kind == 'i' && size == 4) return recode_as<std::int32_t>(codes, table);
  if (kind == 'i' && size == 8) return recode_as<std::int64_t>(codes, table);
  throw py::type_error("internal: expected signed integer category codes");
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
  m.def("_dossier_flow_log", &flow_of_log, py::arg("path"), py::arg("by"), py::arg("first"), py::arg("last"),
        py::arg("calendar") = py::none(), py::arg("skip_bad_rows") = false, py::arg("separator") = "",
        py::arg("procedures") = py::none(), py::arg("one_stop_rules") = py::none(),
        py::arg("cutoff_minutes") = py::none(),
        "Private: the flow table of a dossier log file, read and counted in C++ (see cchc.dossier_flow).");
  m.def("_datetime64_minutes", &datetime64_minutes, py::arg("values"), py::arg("original"), py::arg("column"),
        "Private: a datetime64 ndarray → (int64 civil minutes, first NaT position or -1), GIL released.");
  m.def("_object_codes", &object_codes, py::arg("values"), py::arg("code_of"), py::arg("missing_code"),
        py::arg("missing"), "Private: an object column of names → int16 codes, one lookup per distinct text.");
  m.def("_recode", &recode, py::arg("codes"), py::arg("table"),
        "Private: category codes (-1 missing) → table[code] as uint8 (table[-1] for missing), GIL released.");
  m.def("_parse_date_times", &parse_date_times, py::arg("texts"),
        "Private: text date-times read by cchc's parser → int64 minutes (NaT for None/NaN).");
}

}  // namespace cchc::py_detail
#endif
