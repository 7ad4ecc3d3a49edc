// Reading a dossier log: CSV records (the shared tokenizer, internal/csv.hpp) → dossiers, one row at
// a time, every value checked and every error located (file, line, column in characters, the
// dossier id once known, the column's header name).
#include <algorithm>
#include <cstdio>
#include <limits>
#include <optional>
#include <utility>

#include "cchc/decimal.hpp"
#include "cchc/dossier_log.hpp"
#include "dossier/dossier_log_columns.hpp"
#include "internal/civil_time.hpp"
#include "internal/csv.hpp"
#include "internal/utf8.hpp"

namespace cchc {

using namespace dossier_log_detail;

namespace {

bool is_blank(std::string_view s) noexcept {
  for (const char c : s)
    if (c != ' ' && c != '\t') return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Dates and UTF-8 come from the shared text layer (src/internal).
const char* parse_date_time_impl(std::string_view text, civil_time& out, bool& has_time, std::string* why) {
  internal::civil_fields f;
  if (const char* problem = internal::parse_civil(text, f, why)) return problem;
  out = civil_time_at(f.day, f.time_of_day);
  has_time = f.has_time;
  return nullptr;
}

constexpr std::string_view date_forms = internal::civil_forms;

// A value quoted in a message: at most 60 bytes, cut on a character boundary, invalid bytes as \xNN
// (messages stay valid UTF-8 whatever the input).
std::string quote_for_message(std::string_view s) {
  constexpr std::size_t max = 60;
  std::string out = "'";
  std::size_t n = std::min(s.size(), max);
  while (n < s.size() && n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  const std::string_view head = s.substr(0, n);
  if (internal::is_utf8(head)) {
    out.append(head);
  } else {
    static const char* hex = "0123456789ABCDEF";
    for (char c : head) {
      const auto u = static_cast<unsigned char>(c);
      if (u < 0x80) {
        out.push_back(c);
      } else {
        out += "\\x";
        out.push_back(hex[u >> 4]);
        out.push_back(hex[u & 15]);
      }
    }
  }
  if (n < s.size()) out += "…";
  out += "'";
  return out;
}

// How many distinct unknown header names the summary lists (all are counted).
constexpr std::size_t max_listed_ignored_columns = 20;

}  // namespace

std::optional<civil_time> try_parse_log_date_time(std::string_view text, bool* has_time, std::string* why) {
  civil_time t{};
  bool ht = false;
  std::string detail;
  if (const char* problem = parse_date_time_impl(text, t, ht, &detail)) {
    if (why) *why = problem;
    return std::nullopt;
  }
  if (has_time) *has_time = ht;
  return t;
}

civil_time parse_log_date_time(std::string_view text) {
  std::string why;
  if (auto t = try_parse_log_date_time(text, nullptr, &why)) return *t;
  throw parse_error("expected a date-time " + std::string(date_forms) + ", found " + quote_for_message(text) +
                    " (" + why + ")");
}

struct dossier_log_reader::impl {
  // One row's cells decoded and checked: what every shape of the read (a `dossier`, columns) is
  // built from, so that the cell rules and their messages have one home. Text fields are views into
  // the record (valid until the next record is split).
  struct row {
    std::string_view id, unit, level, procedure, field;
    dossier_channel channel = dossier_channel::in_person;
    civil_time received{};
    std::optional<civil_time> promised;
    bool promised_has_time = false;
    std::optional<processing_time> processing;
    std::optional<std::chrono::minutes> receipt_cutoff;
    std::optional<dossier_end> end;
    std::optional<pause> paused;
    int supplement_requests = 0;
    bool apology = false;
  };

  // The last non-ASCII value of an enumerated column and what it matched: real logs repeat a few
  // Vietnamese spellings ("Trực tuyến") millions of times, and folding one costs an allocation.
  struct memo {
    std::string text;
    const void* found = nullptr;
    bool valid = false;
  };

  std::string name;
  dossier_log_options options;
  dossier_log_summary summary;
  std::vector<std::string> header;
  std::optional<internal::csv_reader> csv;
  std::array<int, c_count> index{};  // field position of each known column, -1 if absent
  std::array<memo, c_count> memos;
  bool record_utf8 = true;  // the whole record is valid UTF-8 (then fields need no check)
  std::string_view current_id;  // of the row being decoded, once read (named in its errors; a view
                                // into the record, valid until the next one is split)
  row scratch;                  // the row being decoded (its storage reused)
  long current_line = 0;


  [[noreturn]] void fail(std::size_t k, const std::string& message) const {
    const std::string& written = k < header.size() ? header[k] : std::string();
    const bool in_record = k < csv->size();
    throw parse_error(message, location{name, in_record ? csv->line(k) : current_line,
                                        in_record ? csv->column(k) : 0, std::string(current_id), written});
  }

  std::string column_label(int c) const {
    // The location already names the column as written; name the canonical column too when the
    // header used an alias, so the message reads the same whatever the header's language.
    const std::string canonical(layout()[static_cast<std::size_t>(c)].name);
    const std::string& written = header[static_cast<std::size_t>(index[static_cast<std::size_t>(c)])];
    return written == canonical ? std::string() : canonical + ": ";
  }

  // The value of a known column, checked as UTF-8; empty when the column is absent. (Inline: it is
  // called for every column of every row; the check is out of line and runs only when the record
  // as a whole is not UTF-8.)
  [[gnu::always_inline]] std::string_view get(int c) {
    const int k = index[static_cast<std::size_t>(c)];
    if (k < 0) return {};
    const std::string_view v = csv->value(static_cast<std::size_t>(k));
    if (!record_utf8) check_utf8(c, k, v);
    return v;
  }

  void check_utf8(int c, int k, std::string_view v) const {
    const std::size_t bad = internal::utf8_error(v);
    if (bad != std::string_view::npos) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(v[bad])));
      fail(static_cast<std::size_t>(k), column_label(c) + "expected UTF-8 text, found the byte " + hex +
                                            " at byte " + std::to_string(bad + 1) +
                                            " of the field (is the file in another encoding, such as "
                                            "Windows-1258 or TCVN3?)");
    }
  }

  std::size_t pos(int c) const { return static_cast<std::size_t>(index[static_cast<std::size_t>(c)]); }

  template <class E>
  const E* find_value(int c, const value_table<E>& table, std::string_view v) {
    if (const E* e = table.find_exact(v)) return e;
    if (is_ascii(v)) return table.find(v);
    memo& m = memos[static_cast<std::size_t>(c)];
    if (!m.valid || m.text != v) {
      m.text.assign(v.data(), v.size());
      m.found = table.find_key(match_key(v));
      m.valid = true;
    }
    return static_cast<const E*>(m.found);
  }

  civil_time get_date_time(int c, std::string_view v, bool* has_time = nullptr) {
    civil_time t{};
    bool ht = false;
    std::string detail;
    if (const char* problem = parse_date_time_impl(v, t, ht, &detail))
      fail(pos(c), column_label(c) + "expected a date-time " + std::string(date_forms) + ", found " +
                       quote_for_message(v) + " (" + problem + ")");
    if (has_time) *has_time = ht;
    return t;
  }

  // A whole number of a count column. Digits only is the fast path of generated logs; anything
  // else goes through the shared number reader, so that "1.0" (pandas writes integer columns as
  // floats once a value is missing) reads as 1 and "1.5" is refused as not whole.
  // One to nine digits and nothing else: their value (the fast path of generated logs).
  static std::optional<long> plain_digits(std::string_view s) noexcept {
    if (s.empty() || s.size() > 9) return std::nullopt;
    long n = 0;
    for (const char ch : s) {
      if (ch < '0' || ch > '9') return std::nullopt;
      n = n * 10 + (ch - '0');
    }
    return n;
  }

  std::optional<long> whole_number(std::string_view s, std::string& why) const {
    if (const std::optional<long> n = plain_digits(s)) return n;
    std::string detail;
    const std::optional<decimal> d = decimal::try_parse(s, number_style::plain, &detail);
    if (!d) {
      why = "not a number";
      return std::nullopt;
    }
    if (d->signum() < 0) {
      why = "negative";
      return std::nullopt;
    }
    const decimal whole = d->rescale(0, rounding::toward_zero);
    if (whole != *d) {
      why = "not a whole number";
      return std::nullopt;
    }
    const std::optional<std::int64_t> n = whole.small_coefficient();
    if (!n || *n > 999999999) {
      why = "too large";
      return std::nullopt;
    }
    return static_cast<long>(*n);
  }

  long get_count(int c, std::string_view v, long max) {
    // Digits only, within the limit: the common case, decided before any message buffer exists.
    if (const std::optional<long> n = plain_digits(v); n && *n <= max) return *n;
    const std::string_view s = trim(v);
    std::string why;
    const std::optional<long> n = whole_number(s, why);
    if (!n)
      fail(pos(c), column_label(c) + "expected a non-negative whole number (1 or 1.0), found " + quote_for_message(v) +
                       " (" + why + ")");
    if (*n > max)
      fail(pos(c), column_label(c) + "expected at most " + std::to_string(max) + ", found " + std::string(s));
    return *n;
  }

  // The header's error, with the separator hint when another separator would split it better.
  [[noreturn]] void header_error(const std::string& message, location where) const {
    const std::string hint = csv->separator_hint();
    throw parse_error(hint.empty() ? message : message + "; " + hint, std::move(where));
  }

  void read_header() {
    const internal::csv_status s = csv->next();
    if (s == internal::csv_status::end)
      throw parse_error("empty file: expected a header row naming the columns", location{name, 1, 0, "", ""});
    if (s == internal::csv_status::bad) {
      const internal::csv_problem& p = csv->problem();
      header_error(p.message, location{name, p.line, p.column, "", ""});
    }
    index.fill(-1);
    header.clear();
    header.reserve(csv->size());
    for (std::size_t k = 0; k < csv->size(); ++k) {
      const std::string_view v = csv->value(k);
      if (internal::utf8_error(v) != std::string_view::npos)
        throw parse_error("the header is not UTF-8 text (expected UTF-8 column names)",
                          location{name, csv->line(k), csv->column(k), "", ""});
      header.emplace_back(trim(v));
    }
    const auto& cols = layout();
    for (std::size_t k = 0; k < header.size(); ++k) {
      const int found = find_column(header[k]);
      if (found < 0) {
        // Each unknown name is listed once, and at most max_listed_ignored_columns of them: a header
        // of a million empty names is one warning, not a million.
        ++summary.ignored_columns_total;
        auto& listed = summary.ignored_columns;
        if (listed.size() < max_listed_ignored_columns && std::find(listed.begin(), listed.end(), header[k]) == listed.end())
          listed.push_back(header[k]);
        continue;
      }
      int& slot = index[static_cast<std::size_t>(found)];
      if (slot >= 0)
        throw parse_error("column " + std::string(cols[static_cast<std::size_t>(found)].name) +
                              " is given twice (as '" + header[static_cast<std::size_t>(slot)] +
                              "' and as '" + header[k] + "'); expected each column once",
                          location{name, csv->line(k), csv->column(k), "", header[k]});
      slot = static_cast<int>(k);
    }
    std::string missing;
    for (std::size_t c = 0; c < cols.size(); ++c)
      if (cols[c].required && index[c] < 0 && !(c == c_processing_time && options.procedures)) {
        if (!missing.empty()) missing += ", ";
        missing += std::string(cols[c].name) + " (or '" + std::string(cols[c].aliases.front()) + "')";
      }
    if (!missing.empty()) {
      std::string h;
      constexpr std::size_t max_shown = 40;
      for (std::size_t k = 0; k < header.size() && k < max_shown; ++k)
        h += (h.empty() ? "'" : ", '") + header[k] + "'";
      if (header.size() > max_shown) h += " and " + std::to_string(header.size() - max_shown) + " more";
      header_error("missing required column(s): " + missing + "; the header has: " + h,
                   location{name, csv->record_line(), 0, "", ""});
    }
  }

  // Decodes the split record into `r`. Throws parse_error for a bad row.
  void decode(row& r) {
    current_id = {};
    current_line = csv->record_line();
    if (csv->size() != header.size()) {
      const bool extra = csv->size() > header.size();
      const std::size_t k = std::min(csv->size(), header.size());
      throw parse_error("expected " + std::to_string(header.size()) + " fields as in the header, found " +
                            std::to_string(csv->size()) + " (a missing or extra " +
                            internal::csv_reader::separator_name(csv->separator()) +
                            ", or a value with one that is not quoted?)",
                        location{name, extra ? csv->line(k) : csv->end_line(), extra ? csv->column(k) : csv->end_column(),
                                 "", extra ? std::string() : header[k]});
    }
    // One UTF-8 check over the whole record; only when it fails are the fields checked one by one,
    // to name the column (a bad byte in an ignored column is then let through).
    record_utf8 = internal::utf8_error(csv->record_text()) == std::string_view::npos;
    r.id = trim(get(c_id));
    if (r.id.empty()) fail(pos(c_id), column_label(c_id) + "expected a dossier id, found an empty field");
    current_id = r.id;
    r.unit = trim(get(c_unit));
    r.procedure = trim(get(c_procedure));
    r.field = trim(get(c_field));

    const std::string_view level = get(c_level);
    if (is_blank(level)) {
      r.level = {};
    } else if (const std::string_view* l = find_value(c_level, level_values(), level)) {
      r.level = *l;
    } else {
      fail(pos(c_level), column_label(c_level) + "expected " + std::string(level_values().expected) + ", found " +
                             quote_for_message(level));
    }

    const std::string_view ch = get(c_channel);
    if (const dossier_channel* c = find_value(c_channel, channel_values(), ch))
      r.channel = *c;
    else
      fail(pos(c_channel), column_label(c_channel) + "expected " + std::string(channel_values().expected) +
                               ", found " + quote_for_message(ch));

    const std::string_view received = get(c_received_at);
    if (is_blank(received))
      fail(pos(c_received_at), column_label(c_received_at) + "expected a date-time " + std::string(date_forms) +
                                   ", found an empty field");
    r.received = get_date_time(c_received_at, received);

    const std::string_view promised = get(c_promised_at);
    if (is_blank(promised)) {
      r.promised.reset();
      r.promised_has_time = false;
    } else {
      r.promised = get_date_time(c_promised_at, promised, &r.promised_has_time);
    }

    time_unit tu = time_unit::working_days;
    const std::string_view tu_text = get(c_processing_unit);
    if (!is_blank(tu_text)) {
      if (const time_unit* u = find_value(c_processing_unit, unit_values(), tu_text))
        tu = *u;
      else
        fail(pos(c_processing_unit), column_label(c_processing_unit) + "expected " +
                                         std::string(unit_values().expected) + ", found " + quote_for_message(tu_text));
    }
    // The procedure's catalogue entry (when a catalogue is given): its cut-off applies to every row
    // of the procedure, its processing time to rows that give none (and no promised date).
    const cchc::procedure* catalogued = options.procedures && !r.procedure.empty() ? options.procedures->find(r.procedure) : nullptr;
    if (catalogued)
      r.receipt_cutoff = catalogued->receipt_cutoff;
    else
      r.receipt_cutoff.reset();
    const std::string_view amount = get(c_processing_time);
    if (is_blank(amount)) {
      if (r.promised) {
        r.processing.reset();
      } else if (catalogued) {
        if (!is_blank(tu_text) && tu != catalogued->processing.unit)
          fail(pos(c_processing_unit), column_label(c_processing_unit) + "found " + quote_for_message(tu_text) +
                                           " but processing_time is empty and procedure " + catalogued->code +
                                           " takes its processing time from the catalogue (" +
                                           std::to_string(catalogued->processing.amount) + " " +
                                           std::string(to_string(catalogued->processing.unit)) +
                                           "); expected processing_time too, or an empty processing_unit");
        r.processing = catalogued->processing;
      } else {
        std::string why = "expected the processing time (a non-negative integer), found an empty field and no "
                          "promised_at date to use instead";
        if (options.procedures)
          why += r.procedure.empty() ? " (and no procedure code to look up in the procedure catalogue)"
                                     : " (and the procedure '" + std::string(r.procedure) + "' is not in the procedure catalogue)";
        // Located at processing_time, or (absent with a catalogue) at the procedure code, or the id.
        const int at = index[c_processing_time] >= 0 ? c_processing_time : index[c_procedure] >= 0 ? c_procedure : c_id;
        fail(pos(at), column_label(at) + (at == c_processing_time ? "" : "processing_time: ") + why);
      }
    } else {
      r.processing = processing_time{tu, get_count(c_processing_time, amount, 100000)};
      if (tu == time_unit::same_day && r.processing->amount > 1)
        fail(pos(c_processing_time), column_label(c_processing_time) + "expected 0 or 1 for a same_day "
                                         "processing time, found " + quote_for_message(amount));
    }

    const std::string_view resolved = get(c_resolved_at);
    const std::string_view kind = get(c_end_kind);
    if (is_blank(resolved)) {
      if (!is_blank(kind))
        fail(pos(c_end_kind), column_label(c_end_kind) + "found " + quote_for_message(kind) +
                                  " but resolved_at is empty; expected the end date-time in resolved_at, or "
                                  "an empty end_kind for a dossier still pending");
      r.end.reset();
    } else {
      dossier_end e;
      e.at = get_date_time(c_resolved_at, resolved);
      if (e.at < r.received)
        fail(pos(c_resolved_at), column_label(c_resolved_at) + "expected a date-time not before received_at, "
                                     "found " + quote_for_message(resolved));
      e.kind = end_kind::resolved;
      if (!is_blank(kind)) {
        if (const end_kind* k = find_value(c_end_kind, end_values(), kind))
          e.kind = *k;
        else
          fail(pos(c_end_kind), column_label(c_end_kind) + "expected " + std::string(end_values().expected) +
                                    ", found " + quote_for_message(kind));
      }
      r.end = e;
    }

    r.paused.reset();
    const std::string_view pf = get(c_paused_from);
    const std::string_view pt = get(c_paused_to);
    const bool has_pf = !is_blank(pf);
    const bool has_pt = !is_blank(pt);
    if (has_pf != has_pt) {
      const int c = has_pf ? c_paused_to : c_paused_from;
      if (index[static_cast<std::size_t>(c)] < 0)
        fail(pos(has_pf ? c_paused_from : c_paused_to),
             column_label(has_pf ? c_paused_from : c_paused_to) + "a supplement pause needs both paused_from and "
                                                                 "paused_to; the other column is missing");
      fail(pos(c), column_label(c) + "expected a date-time (the pause has a " +
                       (has_pf ? std::string("start") : std::string("end")) + "), found an empty field");
    }
    if (has_pf) {
      pause p{get_date_time(c_paused_from, pf), get_date_time(c_paused_to, pt)};
      if (p.to < p.from)
        fail(pos(c_paused_to), column_label(c_paused_to) + "expected a date-time not before paused_from, found " +
                                   quote_for_message(pt));
      if (p.from < r.received)
        fail(pos(c_paused_from), column_label(c_paused_from) + "expected a date-time not before received_at, "
                                     "found " + quote_for_message(pf));
      r.paused = p;
    }

    const std::string_view sr = get(c_supplement_requests);
    if (is_blank(sr)) {
      r.supplement_requests = has_pf ? 1 : 0;
    } else {
      r.supplement_requests = static_cast<int>(get_count(c_supplement_requests, sr, 1000));
      if (has_pf && r.supplement_requests == 0)
        fail(pos(c_supplement_requests), column_label(c_supplement_requests) +
                                             "found 0 but the row has a supplement pause; expected at "
                                             "least 1");
    }

    const std::string_view ap = trim(get(c_apology));
    if (ap.empty()) {
      r.apology = false;
    } else if (const bool* a = find_value(c_apology, apology_values(), ap)) {
      r.apology = *a;
    } else {
      // "1.0" / "0.0" as pandas writes them; "1.5" is not a flag.
      std::string why;
      const std::optional<long> n = whole_number(ap, why);
      if (!n || *n > 1)
        fail(pos(c_apology), column_label(c_apology) + "expected " + std::string(apology_values().expected) +
                                 ", found " + quote_for_message(ap) + (n ? "" : why == "not a number" ? "" : " (" + why + ")"));
      r.apology = *n == 1;
    }
  }

  // The decoded row as a dossier (its strings reuse `d`'s storage).
  static void to_dossier(const row& r, dossier& d) {
    d.id.assign(r.id.data(), r.id.size());
    d.unit.assign(r.unit.data(), r.unit.size());
    d.procedure.assign(r.procedure.data(), r.procedure.size());
    d.field.assign(r.field.data(), r.field.size());
    d.level.assign(r.level.data(), r.level.size());
    d.channel = r.channel;
    d.received_at = r.received;
    d.promised_at = r.promised;
    d.promised_has_time = r.promised_has_time;
    d.processing = r.processing;
    d.receipt_cutoff = r.receipt_cutoff;
    d.end = r.end;
    d.pauses.clear();
    if (r.paused) d.pauses.push_back(*r.paused);
    d.supplement_requests = r.supplement_requests;
    d.apology = r.apology;
  }

  // The text of key `k` of a decoded row (what key_of gives for the dossier).
  static std::string_view key_text(const row& r, flow_key k) noexcept {
    switch (k) {
      case flow_key::unit: return r.unit;
      case flow_key::procedure: return r.procedure;
      case flow_key::field: return r.field;
      case flow_key::level: return r.level;
      case flow_key::channel: return to_string(r.channel);
    }
    return r.unit;
  }

  // The decoded row appended to the columns (the encodings of dossier_batch).
  static void to_columns(const row& r, dossier_log_chunk& c) {
    for (std::size_t k = 0; k < c.keys.size(); ++k)
      c.key_columns[k].push_back(c.key_codes[k].code(key_text(r, c.keys[k])));
    if (c.want_ids) {
      c.ids.append(r.id.data(), r.id.size());
      c.id_end.push_back(c.ids.size());
    }
    c.received.push_back(r.received.time_since_epoch().count());
    c.amount.push_back(r.processing ? static_cast<std::int32_t>(r.processing->amount)
                                    : std::numeric_limits<std::int32_t>::min());
    c.unit_of_time.push_back(r.processing ? static_cast<std::uint8_t>(r.processing->unit) : 0);
    c.promised.push_back(r.promised ? r.promised->time_since_epoch().count() : no_time);
    c.promised_has_time.push_back(r.promised_has_time ? 1 : 0);
    c.receipt_cutoff.push_back(r.receipt_cutoff ? static_cast<std::int16_t>(r.receipt_cutoff->count()) : no_cutoff);
    c.any_promised = c.any_promised || r.promised.has_value();
    c.any_cutoff = c.any_cutoff || r.receipt_cutoff.has_value();
    if (r.paused) {
      c.pause_from.push_back(r.paused->from.time_since_epoch().count());
      c.pause_to.push_back(r.paused->to.time_since_epoch().count());
    }
    c.pause_offsets.push_back(static_cast<std::int64_t>(c.pause_from.size()));
    c.supplement_requests.push_back(r.supplement_requests);
    c.any_requests = c.any_requests || r.supplement_requests != 0;
    c.end_kind.push_back(r.end ? static_cast<std::uint8_t>(r.end->kind) : no_end_kind);
    c.ended.push_back(r.end ? r.end->at.time_since_epoch().count() : no_time);
    c.channel.push_back(static_cast<std::uint8_t>(r.channel));
    c.apology.push_back(r.apology ? 1 : 0);
  }

  // A bad row: thrown, or (skip_bad_rows) counted and kept among the first errors.
  template <class E>
  void bad_row(const E& e) {
    if (!options.skip_bad_rows) throw e;
    ++summary.skipped;
    if (summary.errors.size() < options.max_reported_errors) summary.errors.push_back(parse_error(e.detail(), e.where()));
  }

  // Splits and decodes the next good row into `r` (bad rows thrown, or skipped and counted). False at
  // the end of the input.
  bool next_row(row& r) {
    for (;;) {
      const internal::csv_status s = csv->next();
      summary.bytes = csv->bytes();
      if (s == internal::csv_status::end) return false;
      ++summary.rows;
      if (s == internal::csv_status::bad) {
        const internal::csv_problem& p = csv->problem();
        bad_row(parse_error(p.message, location{name, p.line, p.column, "",
                                                p.field < header.size() ? header[p.field] : std::string()}));
        continue;
      }
      try {
        decode(r);
      } catch (const parse_error& e) {
        bad_row(e);
        continue;
      }
      ++summary.accepted;
      return true;
    }
  }

  bool next(dossier& d) {
    if (!next_row(scratch)) return false;
    to_dossier(scratch, d);
    return true;
  }

  std::size_t next(dossier_log_chunk& c, std::size_t max_rows) {
    if (c.key_columns.size() != c.keys.size()) c.key_columns.resize(c.keys.size());
    if (c.key_codes.size() != c.keys.size()) c.key_codes.resize(c.keys.size());
    std::size_t added = 0;
    while (added < max_rows && next_row(scratch)) {
      to_columns(scratch, c);
      ++added;
    }
    return added;
  }

  // The dossier just read cannot be classified (`why`, from the calendar or the deadline rules): a
  // bad row like a malformed one, located by its line and id.
  void unclassifiable(const error& why) {
    --summary.accepted;
    const location where{name, current_line, 0, std::string(current_id), ""};
    const std::string message = "cannot classify the dossier: " + why.detail();
    if (!options.skip_bad_rows) {
      if (dynamic_cast<const range_error*>(&why)) throw range_error(message, where);
      throw argument_error(message, where);
    }
    bad_row(parse_error(message, where));
  }

  bool next(dossier& d, flow_accumulator& into) {
    while (next(d)) {
      try {
        into.add(d);
        return true;
      } catch (const range_error& e) {
        unclassifiable(e);
      } catch (const argument_error& e) {
        unclassifiable(e);
      }
    }
    return false;
  }

  void start(internal::csv_reader reader) {
    csv.emplace(std::move(reader));
    summary.file = name;
    summary.bytes = csv->bytes();
    read_header();
    summary.bytes = csv->bytes();
  }
};

namespace {
internal::csv_options to_csv_options(const dossier_log_options& o) {
  internal::csv_options c;
  c.separator = o.separator;
  c.max_record_bytes = o.max_record_bytes;
  return c;
}
}  // namespace

dossier_log_reader::dossier_log_reader(std::unique_ptr<impl> p) noexcept : impl_(std::move(p)) {}
dossier_log_reader::dossier_log_reader(dossier_log_reader&&) noexcept = default;
dossier_log_reader& dossier_log_reader::operator=(dossier_log_reader&&) noexcept = default;
dossier_log_reader::~dossier_log_reader() = default;

dossier_log_reader dossier_log_reader::open(const std::string& path, dossier_log_options options) {
  auto p = std::make_unique<impl>();
  p->name = path;
  p->options = options;
  std::optional<internal::csv_reader> r;
  try {
    r.emplace(internal::csv_reader::open(path, to_csv_options(options)));
  } catch (const io_error& e) {
    std::string why = e.detail();
    const std::string_view prefix = "cannot open: ";
    if (why.compare(0, prefix.size(), prefix) == 0) why = "cannot open the dossier log: " + why.substr(prefix.size());
    throw io_error(why, e.where());
  }
  p->start(std::move(*r));
  return dossier_log_reader(std::move(p));
}

dossier_log_reader dossier_log_reader::from_text(std::string text, std::string name, dossier_log_options options) {
  auto p = std::make_unique<impl>();
  p->name = name;
  p->options = options;
  p->start(internal::csv_reader::from_text(std::move(text), std::move(name), to_csv_options(options)));
  return dossier_log_reader(std::move(p));
}

bool dossier_log_reader::next(dossier& out) { return impl_->next(out); }
bool dossier_log_reader::next(dossier& out, flow_accumulator& into) { return impl_->next(out, into); }
std::size_t dossier_log_reader::next(dossier_log_chunk& into, std::size_t max_rows) { return impl_->next(into, max_rows); }
const std::vector<std::string>& dossier_log_reader::header() const& noexcept { return impl_->header; }
const dossier_log_summary& dossier_log_reader::summary() const& noexcept { return impl_->summary; }
char dossier_log_reader::separator() const noexcept { return impl_->csv->separator(); }

}  // namespace cchc
