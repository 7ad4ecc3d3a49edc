// Schedule files (JSON, CSV) → cchc::schedule. Every error names the file, the line/column (CSV, and
// JSON both for syntax and content) and, for JSON, the JSON path and the field.
#include "cchc/schedule_file.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "internal/civil_time.hpp"
#include "internal/csv.hpp"
#include "internal/json.hpp"
#include "internal/utf8.hpp"

namespace cchc {

namespace {

using json = nlohmann::json;

std::string iso(date::year_month_day d) { return date::format("%F", d); }
std::string iso(date::sys_days d) { return iso(date::year_month_day{d}); }

std::string_view strip_bom(std::string_view text) {
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
      static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF)
    text.remove_prefix(3);
  return text;
}

// The kinds a schedule entry may have (not "working" or "weekly_rest": those are the weekly pattern).
constexpr const char* entry_kinds =
    "day_off, working_day, holiday, substitute_day, swapped_day_off, extra_day_off, "
    "make_up_working_day";

std::optional<day_kind> entry_kind(const std::string& name) {
  try {
    const day_kind k = parse_day_kind(name);
    if (k == day_kind::working || k == day_kind::weekly_rest) return std::nullopt;
    return k;
  } catch (const lookup_error&) {
    return std::nullopt;
  }
}

std::string bad_kind_message(const std::string& name) {
  return "expected a kind of day (" + std::string(entry_kinds) + "), found '" + name + "'";
}

// --- JSON --------------------------------------------------------------------------------------

namespace ij = internal::json;

// Schedule JSON over the DOM of internal::json (which refuses malformed JSON, invalid UTF-8,
// duplicate keys and out-of-range numbers with their position). Every content error names the JSON
// path, the field, and the line and column (in characters) of the offending value — or of the object
// that lacks a required key.
struct json_reader {
  const ij::document& doc;

  [[noreturn]] void fail(const ij::value& at, const std::string& path, const std::string& field,
                         const std::string& message) const {
    throw parse_error(message, doc.locate(at.offset(), path, field));
  }

  void check_keys(const ij::value& obj, const std::string& path,
                  std::initializer_list<std::string_view> allowed) const {
    for (const ij::member& m : obj.members()) {
      if (m.key == "comment") continue;
      if (std::find(allowed.begin(), allowed.end(), m.key) == allowed.end()) {
        std::string list;
        for (auto a : allowed) (list += list.empty() ? "" : ", ") += a;
        fail(m.value, path, m.key, "unknown key '" + m.key + "'; expected one of: " + list + " (or comment)");
      }
    }
  }

  std::optional<std::string> string_at(const ij::value& obj, const std::string& path, const char* key) const {
    const ij::value* v = obj.find(key);
    if (v == nullptr || v->is_null()) return std::nullopt;
    if (!v->is_string())
      fail(*v, ij::child_path(path, key), key, "expected a string, found " + std::string(v->type_name()));
    return v->text();
  }

  std::string required_string(const ij::value& obj, const std::string& path, const char* key) const {
    auto s = string_at(obj, path, key);
    if (!s) fail(obj, path, key, std::string("missing required key '") + key + "'");
    return *s;
  }

  std::optional<date::year_month_day> date_at(const ij::value& obj, const std::string& path,
                                              const char* key) const {
    auto s = string_at(obj, path, key);
    if (!s) return std::nullopt;
    try {
      return parse_calendar_date(*s);
    } catch (const parse_error& e) {
      fail(*obj.find(key), ij::child_path(path, key), key, e.detail());
    }
  }

  bool bool_at(const ij::value& obj, const std::string& path, const char* key, bool fallback) const {
    const ij::value* v = obj.find(key);
    if (v == nullptr || v->is_null()) return fallback;
    if (!v->is_boolean())
      fail(*v, ij::child_path(path, key), key, "expected true or false, found " + std::string(v->type_name()));
    return v->as_bool();
  }

  unsigned unsigned_at(const ij::value& obj, const std::string& path, const char* key, unsigned lo,
                       unsigned hi) const {
    const ij::value* v = obj.find(key);
    if (v == nullptr) fail(obj, path, key, std::string("missing required key '") + key + "'");
    if (!v->is_integer())
      fail(*v, ij::child_path(path, key), key, "expected an integer, found " + std::string(v->type_name()));
    const auto x = v->as_int64();  // exact: an integer beyond int64 is simply out of range
    if (!x || *x < lo || *x > hi) {
      const std::string& t = v->text();
      fail(*v, ij::child_path(path, key), key,
           "expected an integer " + std::to_string(lo) + "–" + std::to_string(hi) + ", found " +
               (t.size() > 40 ? t.substr(0, 40) + "..." : t));
    }
    return static_cast<unsigned>(*x);
  }

  provenance provenance_at(const ij::value& obj, const std::string& path, const provenance& defaults) const {
    provenance p = defaults;
    if (auto s = string_at(obj, path, "document")) p.document = *s;
    if (auto d = date_at(obj, path, "issued")) p.issued = *d;
    if (auto s = string_at(obj, path, "note_vi")) p.note_vi = *s;
    if (auto s = string_at(obj, path, "note_en")) p.note_en = *s;
    return p;
  }

  const ij::value* array_at(const ij::value& obj, const std::string& path, const char* key) const {
    const ij::value* v = obj.find(key);
    if (v == nullptr) return nullptr;
    if (!v->is_array())
      fail(*v, ij::child_path(path, key), key, "expected an array, found " + std::string(v->type_name()));
    return v;
  }

  const ij::value& object_at(const ij::value& v, const std::string& path) const {
    if (!v.is_object()) fail(v, path, "", "expected an object, found " + std::string(v.type_name()));
    return v;
  }
};
// --- CSV ---------------------------------------------------------------------------------------
//
// Records come from the shared CSV tokenizer (internal/csv.hpp: RFC 4180, BOM, CRLF/LF/CR, ',' ';'
// or tab detected from the header); this block only maps the columns.

[[noreturn]] void csv_fail(const std::string& message, const std::string& origin, long line, long column,
                           const std::string& field = {}) {
  throw parse_error(message, location{origin, line, column, "", field});
}

// The whole text must be UTF-8: a schedule's names end up in JSON output and messages. Refused at
// load with the line and column (in characters) of the first bad byte.
void check_csv_utf8(std::string_view text, const std::string& origin) {
  const std::size_t bad = internal::utf8_error(text);
  if (bad == std::string_view::npos) return;
  long line = 1;
  std::size_t line_start = strip_bom(text).data() - text.data();  // the BOM is not a character of line 1
  for (std::size_t i = line_start; i < bad; ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && !(i + 1 < text.size() && text[i + 1] == '\n'))) {
      ++line;
      line_start = i + 1;
    }
  }
  static const char* hex = "0123456789ABCDEF";
  const auto u = static_cast<unsigned char>(text[bad]);
  csv_fail(std::string("expected UTF-8 text, found the byte 0x") + hex[u >> 4] + hex[u & 15] +
               " (is the file in another encoding, such as Windows-1258 or TCVN3?)",
           origin, line, static_cast<long>(internal::count_chars(text.substr(line_start, bad - line_start))) + 1);
}

}  // namespace

date::year_month_day parse_calendar_date(std::string_view text, const location& where) {
  // The one civil date parser (internal/civil_time.hpp), refusing a time of day: schedules list days.
  internal::civil_fields f;
  std::string detail;
  const char* why = internal::parse_civil(text, f, &detail);
  if (!why && f.has_time) why = "a time of day is not expected here";
  if (why) throw parse_error("expected a date YYYY-MM-DD or dd/mm/yyyy, found '" + std::string(text) + "' (" + why + ")", where);
  return date::year_month_day{f.day};
}

schedule parse_schedule_json(std::string_view text, const std::string& origin) {
  const ij::document doc = ij::parse(text, origin);  // a byte order mark is skipped there
  const json_reader r{doc};
  const ij::value& top = r.object_at(doc.root(), "$");
  r.check_keys(top, "$",
               {"format", "document", "issued", "note_vi", "note_en", "replaces_rules",
                "annual_holidays", "days"});
  if (auto f = r.string_at(top, "$", "format"); f && *f != "cchc-schedule/1")
    r.fail(*top.find("format"), "$.format", "format", "expected \"cchc-schedule/1\", found \"" + *f + "\"");
  const provenance defaults = r.provenance_at(top, "$", {});

  schedule out;
  if (const ij::value* arr = r.array_at(top, "$", "replaces_rules")) {
    for (std::size_t k = 0; k < arr->items().size(); ++k) {
      const std::string path = ij::index_path("$.replaces_rules", k);
      const ij::value& o = r.object_at(arr->items()[k], path);
      r.check_keys(o, path, {"from", "to", "document", "issued", "note_vi", "note_en"});
      auto from = r.date_at(o, path, "from");
      auto to = r.date_at(o, path, "to");
      if (!from) r.fail(o, path, "from", "missing required key 'from'");
      if (!to) r.fail(o, path, "to", "missing required key 'to'");
      if (date::sys_days{*to} < date::sys_days{*from})
        r.fail(*o.find("to"), path, "to", "expected 'to' on or after 'from' (" + iso(*from) + "), found " + iso(*to));
      out.replaces_rules.push_back({date::sys_days{*from}, date::sys_days{*to},
                                    r.provenance_at(o, path, defaults)});
    }
  }
  if (const ij::value* arr = r.array_at(top, "$", "annual_holidays")) {
    for (std::size_t k = 0; k < arr->items().size(); ++k) {
      const std::string path = ij::index_path("$.annual_holidays", k);
      const ij::value& o = r.object_at(arr->items()[k], path);
      r.check_keys(o, path,
                   {"month", "day", "from", "to", "document", "issued", "note_vi", "note_en",
                    "reason_vi", "reason_en", "substitute"});
      annual_holiday a;
      a.month = r.unsigned_at(o, path, "month", 1, 12);
      a.day = r.unsigned_at(o, path, "day", 1, 31);
      if (!date::month_day{date::month{a.month}, date::day{a.day}}.ok())
        r.fail(*o.find("day"), path + ".day", "day",
               "day " + std::to_string(a.day) + " does not exist in month " + std::to_string(a.month));
      auto from = r.date_at(o, path, "from");
      if (!from) r.fail(o, path, "from", "missing required key 'from' (the first day in force)");
      a.first_day = date::sys_days{*from};
      if (auto to = r.date_at(o, path, "to")) a.last_day = date::sys_days{*to};
      if (a.last_day < a.first_day)
        r.fail(*o.find("to"), path, "to",
               "expected 'to' on or after 'from' (" + iso(*from) + "), found " + iso(a.last_day));
      a.source = r.provenance_at(o, path, defaults);
      a.reason_vi = r.string_at(o, path, "reason_vi").value_or("");
      a.reason_en = r.string_at(o, path, "reason_en").value_or("");
      a.substitute_on_rest_day = r.bool_at(o, path, "substitute", true);
      out.annual_holidays.push_back(std::move(a));
    }
  }
  if (const ij::value* arr = r.array_at(top, "$", "days")) {
    for (std::size_t k = 0; k < arr->items().size(); ++k) {
      const std::string path = ij::index_path("$.days", k);
      const ij::value& o = r.object_at(arr->items()[k], path);
      r.check_keys(o, path,
                   {"date", "kind", "document", "issued", "note_vi", "note_en", "reason_vi",
                    "reason_en", "inferred"});
      schedule_entry e;
      auto d = r.date_at(o, path, "date");
      if (!d) r.fail(o, path, "date", "missing required key 'date'");
      e.day = date::sys_days{*d};
      const std::string kind = r.required_string(o, path, "kind");
      const auto parsed = entry_kind(kind);
      if (!parsed) r.fail(*o.find("kind"), path + ".kind", "kind", bad_kind_message(kind));
      e.kind = *parsed;
      e.source = r.provenance_at(o, path, defaults);
      e.reason_vi = r.string_at(o, path, "reason_vi").value_or("");
      e.reason_en = r.string_at(o, path, "reason_en").value_or("");
      e.inferred = r.bool_at(o, path, "inferred", false);
      out.entries.push_back(std::move(e));
    }
  }
  return out;
}
schedule parse_schedule_csv(std::string_view raw, const std::string& origin) {
  check_csv_utf8(raw, origin);
  auto csv = internal::csv_reader::from_text(std::string(raw), origin);
  auto hinted = [&csv](std::string message) {
    const std::string hint = csv.separator_hint();
    return hint.empty() ? message : message + "; " + hint;
  };
  internal::csv_status st = csv.next();
  auto syntax_error = [&] {
    const internal::csv_problem& p = csv.problem();
    csv_fail(p.message, origin, p.line, p.column);
  };
  if (st == internal::csv_status::end)
    csv_fail("empty file; expected a header row: date,kind,document,issued,reason_vi,reason_en", origin, 1, 0);
  if (st == internal::csv_status::bad) syntax_error();
  enum col { c_date, c_kind, c_document, c_issued, c_reason_vi, c_reason_en, c_inferred, c_note_vi,
             c_note_en, c_count };
  static constexpr std::array<std::string_view, c_count> names{
      "date", "kind", "document", "issued", "reason_vi", "reason_en", "inferred", "note_vi", "note_en"};
  std::array<int, c_count> pos{};
  pos.fill(-1);
  const std::size_t header_size = csv.size();
  const long header_line = csv.record_line();
  for (std::size_t k = 0; k < header_size; ++k) {
    std::string name(csv.value(k));
    // Trim spaces around header names; they are common in hand-written files.
    while (!name.empty() && name.back() == ' ') name.pop_back();
    while (!name.empty() && name.front() == ' ') name.erase(name.begin());
    auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
      std::string list;
      for (auto n : names) (list += list.empty() ? "" : ", ") += n;
      csv_fail(hinted("unknown column '" + name + "'; expected: " + list), origin, csv.line(k), csv.column(k), name);
    }
    auto& p = pos[static_cast<std::size_t>(it - names.begin())];
    if (p >= 0) csv_fail("column '" + name + "' appears twice", origin, csv.line(k), csv.column(k), name);
    p = static_cast<int>(k);
  }
  for (col required : {c_date, c_kind})
    if (pos[required] < 0)
      csv_fail(hinted("missing required column '" + std::string(names[required]) + "'"), origin, header_line, 0,
               std::string(names[required]));

  schedule out;
  while ((st = csv.next()) != internal::csv_status::end) {
    if (st == internal::csv_status::bad) syntax_error();
    if (csv.size() != header_size)
      csv_fail("expected " + std::to_string(header_size) + " fields as in the header, found " +
                   std::to_string(csv.size()),
               origin, csv.record_line(), 0);
    auto where = [&](col c) {
      const auto k = static_cast<std::size_t>(pos[c]);
      return location{origin, csv.line(k), csv.column(k), "", std::string(names[c])};
    };
    auto text = [&](col c) { return pos[c] < 0 ? std::string() : std::string(csv.value(static_cast<std::size_t>(pos[c]))); };

    schedule_entry e;
    e.day = date::sys_days{parse_calendar_date(text(c_date), where(c_date))};
    const auto k = entry_kind(text(c_kind));
    if (!k) throw parse_error(bad_kind_message(text(c_kind)), where(c_kind));
    e.kind = *k;
    e.source.document = text(c_document);
    if (!text(c_issued).empty()) e.source.issued = parse_calendar_date(text(c_issued), where(c_issued));
    e.source.note_vi = text(c_note_vi);
    e.source.note_en = text(c_note_en);
    e.reason_vi = text(c_reason_vi);
    e.reason_en = text(c_reason_en);
    const std::string inferred = text(c_inferred);
    if (inferred.empty() || inferred == "0" || inferred == "false") {
      e.inferred = false;
    } else if (inferred == "1" || inferred == "true") {
      e.inferred = true;
    } else {
      throw parse_error("expected 0, 1, true, false or empty, found '" + inferred + "'", where(c_inferred));
    }
    out.entries.push_back(std::move(e));
  }
  return out;
}

schedule load_schedule(const std::string& path) {
  std::string ext;
  if (auto dot = path.find_last_of('.'); dot != std::string::npos) ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext != "json" && ext != "csv") {
    location at;
    at.file = path;
    throw argument_error("expected a schedule file ending in .json or .csv, found '." + ext + "'", at);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    location at;
    at.file = path;
    throw io_error("cannot open the schedule file for reading", at);
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) {
    location at;
    at.file = path;
    throw io_error("error while reading the schedule file", at);
  }
  const std::string text = buf.str();
  return ext == "json" ? parse_schedule_json(text, path) : parse_schedule_csv(text, path);
}

std::string to_json(const schedule& s) {
  // Text is checked to be UTF-8 with its JSON path before nlohmann sees it (its dump() would throw
  // type_error.316 on invalid bytes, e.g. from a schedule built in code).
  auto text = [](const std::string& t, const std::string& path) -> const std::string& {
    ij::require_utf8(t, path);
    return t;
  };
  auto put_provenance = [&text](json& o, const provenance& p, const std::string& path) {
    if (!p.document.empty()) o["document"] = text(p.document, ij::child_path(path, "document"));
    if (p.issued) o["issued"] = iso(*p.issued);
    if (!p.note_vi.empty()) o["note_vi"] = text(p.note_vi, ij::child_path(path, "note_vi"));
    if (!p.note_en.empty()) o["note_en"] = text(p.note_en, ij::child_path(path, "note_en"));
  };
  json doc = json::object();
  doc["format"] = "cchc-schedule/1";
  if (!s.replaces_rules.empty()) {
    json arr = json::array();
    for (std::size_t k = 0; k < s.replaces_rules.size(); ++k) {
      const auto& r = s.replaces_rules[k];
      json o = {{"from", iso(r.first)}, {"to", iso(r.last)}};
      put_provenance(o, r.source, ij::index_path("$.replaces_rules", k));
      arr.push_back(std::move(o));
    }
    doc["replaces_rules"] = std::move(arr);
  }
  if (!s.annual_holidays.empty()) {
    json arr = json::array();
    for (std::size_t k = 0; k < s.annual_holidays.size(); ++k) {
      const auto& a = s.annual_holidays[k];
      const std::string path = ij::index_path("$.annual_holidays", k);
      json o = {{"month", a.month}, {"day", a.day}, {"from", iso(a.first_day)}, {"to", iso(a.last_day)}};
      put_provenance(o, a.source, path);
      if (!a.reason_vi.empty()) o["reason_vi"] = text(a.reason_vi, ij::child_path(path, "reason_vi"));
      if (!a.reason_en.empty()) o["reason_en"] = text(a.reason_en, ij::child_path(path, "reason_en"));
      if (!a.substitute_on_rest_day) o["substitute"] = false;
      arr.push_back(std::move(o));
    }
    doc["annual_holidays"] = std::move(arr);
  }
  json days = json::array();
  for (std::size_t k = 0; k < s.entries.size(); ++k) {
    const auto& e = s.entries[k];
    const std::string path = ij::index_path("$.days", k);
    json o = {{"date", iso(e.day)}, {"kind", std::string(to_string(e.kind))}};
    put_provenance(o, e.source, path);
    if (!e.reason_vi.empty()) o["reason_vi"] = text(e.reason_vi, ij::child_path(path, "reason_vi"));
    if (!e.reason_en.empty()) o["reason_en"] = text(e.reason_en, ij::child_path(path, "reason_en"));
    if (e.inferred) o["inferred"] = true;
    days.push_back(std::move(o));
  }
  doc["days"] = std::move(days);
  return doc.dump(2);
}

}  // namespace cchc
