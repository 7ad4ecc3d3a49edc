// Loading and saving cchc.report files (docs/report-format.md).
//
// nlohmann::json parses; this file adds what a reviewer needs from a loader: duplicate keys are
// refused (nlohmann keeps the last silently), positions are line/column in characters (nlohmann gives
// a byte offset and no position at all for type errors: we re-scan the text along the JSON path), every
// field is typed (a float where an exact decimal string is required is an error, not a rounding), and
// unknown fields are an error or a warning, never dropped in silence.
#include <cstdio>
#include <fstream>
#include <set>
#include <limits>
#include <map>
#include <type_traits>
#include <utility>

#include <nlohmann/json.hpp>

#include "cchc/error.hpp"
#include "cchc/report.hpp"
#include "report/report_fields.hpp"

namespace cchc {

std::string_view to_string(org_level l) noexcept {
  switch (l) {
    case org_level::province: return "province";
    case org_level::district: return "district";
    case org_level::commune: return "commune";
  }
  return "unknown";
}

std::string_view to_string(headcount_category c) noexcept {
  switch (c) {
    case headcount_category::civil_servant: return "civil_servant";
    case headcount_category::public_employee: return "public_employee";
    case headcount_category::contract_111: return "contract_111";
  }
  return "unknown";
}

namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;
using namespace detail_report;

// ── positions ─────────────────────────────────────────────────────────────────────────────────────

struct seg {
  std::string key;
  long index = -1;  // >= 0: array element
};

std::string path_string(const std::vector<seg>& segs) {
  std::string p = "$";
  for (const auto& s : segs) {
    if (s.index >= 0)
      p += "[" + std::to_string(s.index) + "]";
    else
      p += "." + s.key;
  }
  return p;
}

void line_column(std::string_view t, std::size_t offset, long& line, long& column) {
  line = 1;
  column = 1;
  if (offset > t.size()) offset = t.size();
  for (std::size_t i = 0; i < offset; ++i) {
    if (t[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
}

// A scanner over text already known to be valid JSON: finds where a path's value starts.
class locator {
 public:
  explicit locator(std::string_view t) : t_(t) {}

  std::size_t find(const std::vector<seg>& segs, int nth_last = 1) {
    p_ = 0;
    ws();
    for (std::size_t i = 0; i < segs.size(); ++i) {
      const seg& s = segs[i];
      int wanted = i + 1 == segs.size() ? nth_last : 1;
      if (s.index >= 0) {
        if (peek() != '[') return p_;
        ++p_;
        for (long k = 0; k < s.index; ++k) {
          ws();
          skip_value();
          ws();
          if (peek() != ',') return p_;
          ++p_;
        }
        ws();
      } else {
        if (peek() != '{') return p_;
        std::size_t open = p_;
        ++p_;
        int seen = 0;
        bool found = false;
        while (true) {
          ws();
          if (peek() != '"') return open;
          std::size_t key_at = p_;
          std::string key = read_string();
          ws();
          if (peek() != ':') return open;
          ++p_;
          ws();
          if (key == s.key && ++seen == wanted) {
            found = true;
            if (i + 1 == segs.size() && nth_last > 1) return key_at;
            break;
          }
          skip_value();
          ws();
          if (peek() != ',') return open;
          ++p_;
        }
        if (!found) return open;
      }
    }
    return p_;
  }

 private:
  char peek() const { return p_ < t_.size() ? t_[p_] : '\0'; }
  void ws() {
    while (p_ < t_.size() && (t_[p_] == ' ' || t_[p_] == '\n' || t_[p_] == '\r' || t_[p_] == '\t'))
      ++p_;
  }
  std::string read_string() {
    std::size_t start = p_;
    ++p_;
    while (p_ < t_.size() && t_[p_] != '"') {
      if (t_[p_] == '\\') ++p_;
      ++p_;
    }
    ++p_;
    try {
      return json::parse(t_.substr(start, p_ - start)).get<std::string>();
    } catch (const std::exception&) {
      return {};
    }
  }
  void skip_value() {
    char c = peek();
    if (c == '"') {
      read_string();
    } else if (c == '{' || c == '[') {
      int depth = 0;
      while (p_ < t_.size()) {
        char d = t_[p_];
        if (d == '"') {
          read_string();
          continue;
        }
        if (d == '{' || d == '[') ++depth;
        if (d == '}' || d == ']') {
          if (--depth == 0) {
            ++p_;
            return;
          }
        }
        ++p_;
      }
    } else {
      while (p_ < t_.size() && t_[p_] != ',' && t_[p_] != '}' && t_[p_] != ']' && t_[p_] != ' ' &&
             t_[p_] != '\n' && t_[p_] != '\r' && t_[p_] != '\t')
        ++p_;
    }
  }

  std::string_view t_;
  std::size_t p_ = 0;
};

std::string describe(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return j.get<bool>() ? "true" : "false";
    case json::value_t::string: {
      std::string s = j.get<std::string>();
      if (s.size() > 40) s = s.substr(0, 40) + "…";
      return "the string \"" + s + "\"";
    }
    case json::value_t::number_float: return "the number " + j.dump() + " (a JSON float)";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "the integer " + j.dump();
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    default: return "an unsupported value";
  }
}

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};

template <class M>
constexpr bool required_by_default() {
  using T = std::remove_const_t<M>;
  return !is_optional<T>::value && !is_vector<T>::value && !std::is_same_v<T, std::string>;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool decimal_syntax(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  std::size_t int_start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == int_start) return false;
  if (i == s.size()) return true;
  if (s[i] != '.') return false;
  ++i;
  std::size_t frac_start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i > frac_start && i == s.size();
}

std::string format_date(const date::year_month_day& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

// ── reading ───────────────────────────────────────────────────────────────────────────────────────

class reader {
 public:
  reader(std::string_view text, std::string file, const load_options& o)
      : text_(text), file_(std::move(file)), options_(o) {}

  std::vector<finding> warnings;

  location where(const std::vector<seg>& segs) const {
    location l;
    l.file = file_;
    l.path = path_string(segs);
    locator loc(text_);
    line_column(text_, loc.find(segs), l.line, l.column);
    return l;
  }

  [[noreturn]] void fail(const std::string& what) const { throw parse_error(what, where(segs_)); }

  void read(const json& j, std::int64_t& v) {
    if (!j.is_number_integer())
      fail("expected a count (a non-negative JSON integer), found " + describe(j));
    if (j.is_number_unsigned()) {
      auto u = j.get<std::uint64_t>();
      if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        fail("expected a count that fits in 64 bits, found " + j.dump());
      v = static_cast<std::int64_t>(u);
      return;
    }
    v = j.get<std::int64_t>();
    if (v < 0) fail("expected a non-negative count, found " + j.dump());
  }
  void read(const json& j, int& v) {
    if (!j.is_number_integer()) fail("expected a JSON integer, found " + describe(j));
    auto w = j.get<std::int64_t>();
    if (w < 0 || w > 9999) fail("expected an integer from 0 to 9999 (a year), found " + j.dump());
    v = static_cast<int>(w);
  }
  void read(const json& j, std::string& v) {
    if (!j.is_string()) fail("expected a string, found " + describe(j));
    v = j.get<std::string>();
  }
  void read(const json& j, decimal& v) {
    if (!j.is_string())
      fail("expected an exact decimal written as a JSON string (e.g. \"1340.5\"), found " +
           describe(j));
    auto s = j.get<std::string>();
    if (!decimal_syntax(s))
      fail("expected a decimal string of digits with an optional '-' and '.' (e.g. \"1340.5\"), "
           "found \"" + s + "\"");
    try {
      v = decimal::parse(s, number_style::plain);  // JSON decimal strings are plain
    } catch (const error& e) {
      fail("expected a representable decimal, found \"" + s + "\": " + e.detail());
    }
  }
  void read(const json& j, date::year_month_day& v) {
    if (!j.is_string()) fail("expected a date string YYYY-MM-DD, found " + describe(j));
    auto s = j.get<std::string>();
    bool shape = s.size() == 10 && s[4] == '-' && s[7] == '-' && all_digits(s.substr(0, 4)) &&
                 all_digits(s.substr(5, 2)) && all_digits(s.substr(8, 2));
    if (!shape) fail("expected a date YYYY-MM-DD (e.g. \"2023-05-18\"), found \"" + s + "\"");
    unsigned m = static_cast<unsigned>(std::stoi(s.substr(5, 2)));
    unsigned d = static_cast<unsigned>(std::stoi(s.substr(8, 2)));
    if (m < 1 || m > 12 || d < 1 || d > 31)
      fail("expected a date with month 01-12 and day 01-31, found \"" + s + "\"");
    // A day that does not exist in its month (2023-02-30) is kept: validation reports it.
    v = date::year_month_day{date::year{std::stoi(s.substr(0, 4))}, date::month{m}, date::day{d}};
  }
  void read(const json& j, org_level& v) {
    std::string s;
    read(j, s);
    for (auto l : {org_level::province, org_level::district, org_level::commune})
      if (s == to_string(l)) {
        v = l;
        return;
      }
    fail("expected a level \"province\", \"district\" or \"commune\", found \"" + s + "\"");
  }
  void read(const json& j, headcount_category& v) {
    std::string s;
    read(j, s);
    for (auto c : {headcount_category::civil_servant, headcount_category::public_employee,
                   headcount_category::contract_111})
      if (s == to_string(c)) {
        v = c;
        return;
      }
    fail("expected a headcount category \"civil_servant\", \"public_employee\" or "
         "\"contract_111\", found \"" + s + "\"");
  }
  void read(const json& j, document_type& v) {
    std::string s;
    read(j, s);
    try {
      v = parse_document_type(s);
    } catch (const lookup_error& e) {
      fail(e.detail());
    }
  }
  template <class T>
  void read(const json& j, std::optional<T>& v) {
    T t{};
    read(j, t);
    v = std::move(t);
  }
  template <class T>
  void read(const json& j, std::vector<T>& v) {
    if (!j.is_array()) fail("expected an array, found " + describe(j));
    v.clear();
    v.reserve(j.size());
    for (std::size_t i = 0; i < j.size(); ++i) {
      segs_.push_back({{}, static_cast<long>(i)});
      T t{};
      read(j[i], t);
      v.push_back(std::move(t));
      segs_.pop_back();
    }
  }
  template <class T>
  void read(const json& j, T& s) {
    read_object(j, s, {});
    check_struct(s);
  }

  template <class T>
  void read_object(const json& j, T& s, std::initializer_list<const char*> extra) {
    if (!j.is_object()) fail("expected an object, found " + describe(j));
    std::set<std::string> known(extra.begin(), extra.end());
    std::string names;
    auto visit = [&](const char* name, auto& member, bool required) {
      known.insert(name);
      names += (names.empty() ? "" : ", ") + std::string(name);
      auto it = j.find(name);
      if (it == j.end()) {
        if (required) fail("missing required field \"" + std::string(name) + "\"");
        return;
      }
      segs_.push_back({name, -1});
      read(*it, member);
      segs_.pop_back();
    };
    fields(s, field_visitor<decltype(visit)>{visit});
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (known.count(it.key())) continue;
      segs_.push_back({it.key(), -1});
      std::string what = "unknown field \"" + it.key() + "\"; expected one of: " + names;
      if (options_.unknown_fields == unknown_field_policy::error) fail(what);
      finding f;
      f.rule = "load.unknown_field";
      f.severity = severity::warning;
      f.where = where(segs_);
      f.message_en = what + " (ignored)";
      f.message_vi = "trường không xác định \"" + it.key() + "\" (bỏ qua)";
      warnings.push_back(std::move(f));
      segs_.pop_back();
    }
  }

 private:
  template <class V>
  struct field_visitor {
    V& v;
    template <class M>
    void operator()(const char* name, M& m) const {
      v(name, m, required_by_default<M>());
    }
    template <class M>
    void operator()(const char* name, M& m, bool required) const {
      v(name, m, required);
    }
  };

  template <class T>
  void check_struct(const T&) {}
  void check_struct(const document_ref& d) {
    if (!all_digits(d.number)) {
      segs_.push_back({"number", -1});
      fail("expected the document number as digits (e.g. \"09\"), found \"" + d.number + "\"");
    }
    if (d.issuer_code.empty()) {
      segs_.push_back({"issuer_code", -1});
      fail("expected a non-empty issuer code (e.g. \"UBND\")");
    }
  }

  std::string_view text_;
  std::string file_;
  load_options options_;
  std::vector<seg> segs_;
};

// ── writing ───────────────────────────────────────────────────────────────────────────────────────

ojson write(std::int64_t v) { return v; }
ojson write(int v) { return v; }
ojson write(const std::string& v) { return v; }
ojson write(const decimal& v) { return v.to_string(); }
ojson write(const date::year_month_day& v) { return format_date(v); }
ojson write(org_level v) { return std::string(to_string(v)); }
ojson write(headcount_category v) { return std::string(to_string(v)); }
ojson write(document_type v) { return std::string(to_string(v)); }
template <class T>
ojson write(const std::vector<T>& v);
template <class T>
ojson write(const T& s);

template <class M>
bool omitted(const M& m, bool required) {
  if constexpr (is_optional<M>::value) {
    return !m.has_value();
  } else if constexpr (is_vector<M>::value) {
    return m.empty() && !required;
  } else if constexpr (std::is_same_v<M, std::string>) {
    return m.empty() && !required;
  } else {
    return false;
  }
}

template <class M>
ojson write_member(const M& m) {
  if constexpr (is_optional<M>::value)
    return write(*m);
  else
    return write(m);
}

struct object_writer {
  ojson& out;
  template <class M>
  void operator()(const char* name, const M& m) const {
    (*this)(name, m, required_by_default<M>());
  }
  template <class M>
  void operator()(const char* name, const M& m, bool required) const {
    if (omitted(m, required)) return;
    out[name] = write_member(m);
  }
};

template <class T>
ojson write(const std::vector<T>& v) {
  ojson a = ojson::array();
  for (const auto& e : v) a.push_back(write(e));
  return a;
}

template <class T>
ojson write(const T& s) {
  ojson o = ojson::object();
  fields(s, object_writer{o});
  return o;
}

// ── walking citations ─────────────────────────────────────────────────────────────────────────────

struct citation_walker {
  std::vector<cited_document>& out;
  std::string path;

  template <class M>
  void operator()(const char* name, const M& m, bool = true) {
    std::string saved = path;
    path += std::string(".") + name;
    walk(m);
    path = saved;
  }
  void walk(const document_ref& d) { out.push_back({path, &d}); }
  template <class T>
  void walk(const std::optional<T>& o) {
    if (o) walk(*o);
  }
  template <class T>
  void walk(const std::vector<T>& v) {
    std::string saved = path;
    for (std::size_t i = 0; i < v.size(); ++i) {
      path = saved + "[" + std::to_string(i) + "]";
      walk(v[i]);
    }
    path = saved;
  }
  void walk(const std::string&) {}
  void walk(const std::int64_t&) {}
  void walk(const int&) {}
  void walk(const decimal&) {}
  void walk(const date::year_month_day&) {}
  void walk(const org_level&) {}
  void walk(const headcount_category&) {}
  template <class T>
  void walk(const T& s) {
    fields(s, *this);
  }
};

// ── parsing the text ──────────────────────────────────────────────────────────────────────────────

// nlohmann quotes the bytes it last read, which may be the invalid UTF-8 itself: a message must stay
// valid UTF-8 (Python bindings, JSON output), so invalid bytes are shown as \xNN.
std::string valid_utf8(std::string_view in) {
  std::string out;
  std::size_t i = 0;
  auto hex = [&out](unsigned char c) {
    const char* digits = "0123456789ABCDEF";
    out += "\\x";
    out += digits[c >> 4];
    out += digits[c & 15];
  };
  while (i < in.size()) {
    auto c = static_cast<unsigned char>(in[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = n > 0 && i + n <= in.size() && !(n == 2 && c < 0xC2);
    for (std::size_t k = 1; ok && k < n; ++k)
      ok = (static_cast<unsigned char>(in[i + k]) & 0xC0) == 0x80;
    if (ok) {
      out.append(in.substr(i, n));
      i += n;
    } else {
      hex(c);
      ++i;
    }
  }
  return out;
}

struct duplicate_key {
  std::vector<seg> segs;
  int occurrence;
};
struct too_deep {
  std::vector<seg> segs;
};

json parse_text(std::string_view text, const std::string& file, const load_options& options) {
  struct frame {
    bool array;
    long index = 0;
    std::string key;
    std::map<std::string, int> keys;
  };
  std::vector<frame> frames;
  auto segs_of = [&frames]() {
    std::vector<seg> s;
    for (std::size_t i = 0; i + 1 < frames.size(); ++i) {
      if (frames[i].array)
        s.push_back({{}, frames[i].index});
      else
        s.push_back({frames[i].key, -1});
    }
    return s;
  };
  // A value has ended: the next error in this container is no longer "at" its key or index.
  auto element_done = [&frames]() {
    if (frames.empty()) return;
    if (frames.back().array)
      ++frames.back().index;
    else
      frames.back().key.clear();
  };
  json::parser_callback_t cb = [&](int, json::parse_event_t event, json& parsed) -> bool {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        frames.push_back({event == json::parse_event_t::array_start, 0, {}, {}});
        if (frames.size() > options.max_depth) throw too_deep{segs_of()};
        break;
      case json::parse_event_t::key: {
        auto& top = frames.back();
        top.key = parsed.get<std::string>();
        int n = ++top.keys[top.key];
        if (n > 1) {
          auto s = segs_of();
          s.push_back({top.key, -1});
          throw duplicate_key{s, n};
        }
        break;
      }
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        frames.pop_back();
        element_done();
        break;
      case json::parse_event_t::value: element_done(); break;
    }
    return true;
  };
  location where;
  where.file = file;
  try {
    return json::parse(text.begin(), text.end(), cb);
  } catch (const json::parse_error& e) {
    std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    line_column(text, offset, where.line, where.column);
    std::vector<seg> s;
    for (std::size_t i = 0; i < frames.size(); ++i) {
      if (frames[i].array)
        s.push_back({{}, frames[i].index});
      else if (!frames[i].key.empty())
        s.push_back({frames[i].key, -1});
    }
    where.path = path_string(s);
    std::string msg = valid_utf8(e.what());
    auto colon = msg.find(": ", msg.find("parse error"));
    if (colon != std::string::npos) msg = msg.substr(colon + 2);
    std::string hint;
    if (offset + 1 >= text.size()) hint = " (the file ends too early: is it truncated?)";
    throw parse_error("invalid JSON: " + msg + hint, where);
  } catch (const duplicate_key& d) {
    where.path = path_string(d.segs);
    locator loc(text);
    line_column(text, loc.find(d.segs, d.occurrence), where.line, where.column);
    throw parse_error("duplicate key \"" + d.segs.back().key + "\" (occurrence " +
                          std::to_string(d.occurrence) +
                          "); expected each key once per object (the JSON parser would silently "
                          "keep only the last value)",
                      where);
  } catch (const too_deep& d) {
    where.path = path_string(d.segs);
    throw parse_error("nesting deeper than " + std::to_string(options.max_depth) +
                          " levels; expected a cchc.report (at most 6 levels)",
                      where);
  }
}

}  // namespace

report parse_report(std::string_view text, const load_options& options, const std::string& name) {
  if (text.size() > options.max_bytes)
    throw io_error("input is " + std::to_string(text.size()) + " bytes; expected at most " +
                       std::to_string(options.max_bytes) + " (load_options::max_bytes)",
                   location{name, 0, 0, {}, {}});
  json j = parse_text(text, name, options);
  reader r(text, name, options);
  if (!j.is_object())
    throw parse_error("expected a JSON object with \"format\": \"cchc.report\", found " + describe(j),
                      r.where({}));
  auto fmt = j.find("format");
  if (fmt == j.end() || !fmt->is_string() || fmt->get<std::string>() != "cchc.report")
    throw parse_error("expected \"format\": \"cchc.report\", found " +
                          (fmt == j.end() ? std::string("no \"format\" field") : describe(*fmt)),
                      r.where({{"format", -1}}));
  auto ver = j.find("version");
  if (ver == j.end() || !ver->is_number_integer() || ver->get<std::int64_t>() != 1)
    throw parse_error("expected \"version\": 1 (the version this library reads), found " +
                          (ver == j.end() ? std::string("no \"version\" field") : describe(*ver)),
                      r.where({{"version", -1}}));
  report out;
  r.read_object(j, out, {"format", "version", "$schema"});
  out.load_warnings = std::move(r.warnings);
  return out;
}

report load_report(const std::string& path, const load_options& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw io_error("cannot open the report file for reading", location{path, 0, 0, {}, {}});
  in.seekg(0, std::ios::end);
  auto size = static_cast<std::size_t>(in.tellg());
  if (size > options.max_bytes)
    throw io_error("file is " + std::to_string(size) + " bytes; expected at most " +
                       std::to_string(options.max_bytes) + " (load_options::max_bytes)",
                   location{path, 0, 0, {}, {}});
  in.seekg(0, std::ios::beg);
  std::string text(size, '\0');
  if (!in.read(text.data(), static_cast<std::streamsize>(size)))
    throw io_error("cannot read the report file", location{path, 0, 0, {}, {}});
  return parse_report(text, options, path);
}

std::string to_json(const report& r) {
  ojson o = ojson::object();
  o["format"] = "cchc.report";
  o["version"] = report::format_version;
  ojson body = write(r);
  for (auto it = body.begin(); it != body.end(); ++it) o[it.key()] = it.value();
  return o.dump(2, ' ', false, ojson::error_handler_t::strict) + "\n";
}

void save_report(const report& r, const std::string& path) {
  std::string text = to_json(r);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw io_error("cannot open the file for writing", location{path, 0, 0, {}, {}});
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.flush();
  if (!out) throw io_error("cannot write the report file", location{path, 0, 0, {}, {}});
}

bool operator==(const report& a, const report& b) { return to_json(a) == to_json(b); }

std::vector<cited_document> cited_documents(const report& r) {
  std::vector<cited_document> out;
  citation_walker w{out, "$"};
  fields(r, w);
  return out;
}

}  // namespace cchc
