// The checked JSON walk of the deadline layer's data files (see data_file.hpp).
#include "deadline/data_file.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include "cchc/error.hpp"
#include "cchc/expression.hpp"  // nearest_names
#include "internal/civil_time.hpp"

namespace cchc::deadline_detail {

void data_reader::fail(const json::value& v, const std::string& path, const std::string& what) const {
  throw parse_error(what, doc_.locate(v.offset(), path));
}

std::string data_reader::describe(const json::value& v) {
  if (v.is_number()) return v.text();
  if (v.is_string()) return "the string \"" + v.text() + "\"";
  return std::string("a JSON ") + std::string(v.type_name());
}

void data_reader::object(const json::value& v, const std::string& path,
                         std::initializer_list<std::string_view> allowed) const {
  if (!v.is_object()) fail(v, path, "expected an object, found " + describe(v));
  for (const auto& m : v.members()) {
    if (std::find(allowed.begin(), allowed.end(), m.key) != allowed.end()) continue;
    const std::vector<std::string> known(allowed.begin(), allowed.end());
    const auto near = nearest_names(m.key, known);
    std::string all;
    for (const auto& k : known) all += (all.empty() ? "" : ", ") + k;
    throw parse_error("unknown key \"" + m.key + "\"" +
                          (near.empty() ? "" : " (did you mean \"" + near.front() + "\"?)") + "; expected one of " + all,
                      doc_.locate(m.key_offset, json::child_path(path, m.key)));
  }
}

void data_reader::array(const json::value& v, const std::string& path) const {
  if (!v.is_array()) fail(v, path, "expected an array, found " + describe(v));
}

const json::value& data_reader::required(const json::value& obj, std::string_view key, const std::string& path) const {
  if (const auto* v = obj.find(key)) return *v;
  fail(obj, path, "expected the key \"" + std::string(key) + "\"");
}

std::string data_reader::string(const json::value& v, const std::string& path) const {
  if (!v.is_string()) fail(v, path, "expected a string, found " + describe(v));
  return v.text();
}

std::string data_reader::nonempty(const json::value& v, const std::string& path) const {
  std::string s = string(v, path);
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) fail(v, path, "expected a non-empty string, found " + describe(v));
  s.erase(0, first);
  s.erase(s.find_last_not_of(" \t") + 1);
  return s;
}

bool data_reader::boolean(const json::value& v, const std::string& path) const {
  if (!v.is_boolean()) fail(v, path, "expected true or false, found " + describe(v));
  return v.as_bool();
}

std::int64_t data_reader::integer(const json::value& v, const std::string& path, std::int64_t min,
                                  std::int64_t max) const {
  const auto i = v.as_int64();
  if (!i || *i < min || *i > max)
    fail(v, path, "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", found " +
                      describe(v));
  return *i;
}

std::chrono::minutes data_reader::time_of_day(const json::value& v, const std::string& path) const {
  const std::string text = string(v, path);
  if (text == "24:00") return std::chrono::minutes{24 * 60};
  // The one civil parser reads the time (a fixed date in front): HH:MM, hours 0-23, minutes 0-59.
  internal::civil_fields f;
  std::string why;
  const bool shaped = text.size() >= 4 && text.size() <= 5 && text.find(':') != std::string::npos;
  if (!shaped || internal::parse_civil("2000-01-01 " + text, f, &why) || !f.has_time || f.has_offset)
    fail(v, path, "expected a time of day as \"HH:MM\" (00:00 to 24:00), found " + describe(v) +
                      (why.empty() ? "" : " (" + why + ")"));
  return f.time_of_day;
}

date::sys_days data_reader::date(const json::value& v, const std::string& path) const {
  const std::string text = string(v, path);
  internal::civil_fields f;
  std::string why;
  if (internal::parse_civil(text, f, &why) || f.has_time)
    fail(v, path, "expected a date as \"YYYY-MM-DD\", found " + describe(v) + (why.empty() ? "" : " (" + why + ")"));
  return f.day;
}

fact_source data_reader::source(const json::value& v, const std::string& path) const {
  object(v, path, {"document", "article", "url", "confirmed", "note"});
  fact_source s;
  s.document = nonempty(required(v, "document", path), json::child_path(path, "document"));
  if (const auto* a = v.find("article")) s.article = string(*a, json::child_path(path, "article"));
  if (const auto* u = v.find("url")) s.url = string(*u, json::child_path(path, "url"));
  s.confirmed = boolean(required(v, "confirmed", path), json::child_path(path, "confirmed"));
  if (const auto* n = v.find("note")) s.note = string(*n, json::child_path(path, "note"));
  return s;
}

void data_reader::header(const json::value& root, std::string_view format) const {
  if (!root.is_object()) fail(root, "$", "expected an object (a " + std::string(format) + " file), found " + describe(root));
  const json::value& f = required(root, "format", "$");
  const std::string found = string(f, "$.format");
  if (found != format)
    fail(f, "$.format", "expected \"" + std::string(format) + "\", found \"" + found + "\"");
  const json::value& version = required(root, "version", "$");
  if (version.as_int64() != 1) fail(version, "$.version", "expected version 1, found " + describe(version));
}

std::string read_data_file(const std::string& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw io_error("cannot open the " + std::string(what), location{path, 0, 0, "", ""});
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) throw io_error("cannot read the " + std::string(what), location{path, 0, 0, "", ""});
  return s.str();
}

}  // namespace cchc::deadline_detail
