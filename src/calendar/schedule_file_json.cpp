// Schedule files, JSON format "cchc-schedule/1" (docs/calendar.md): parse_schedule_json over the
// one JSON reader (internal/json.hpp) and to_json, its inverse.
#include "cchc/schedule_file.hpp"

#include <algorithm>
#include <initializer_list>

#include <nlohmann/json.hpp>

#include "calendar/schedule_file_common.hpp"
#include "internal/json.hpp"

namespace cchc {

namespace {

using json = nlohmann::json;
using schedule_files::bad_kind_message;
using schedule_files::entry_kind;
using schedule_files::iso;
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
}  // namespace

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
