// Reading cchc.report files: JSON text → the model (docs/report-format.md, "Loading").
//
// internal::json parses (syntax, UTF-8, duplicate keys, depth, numbers out of range: all located
// parse_errors) and keeps the offset of every value; this file types every field over the field
// lists of report_fields.hpp, whose names are also the JSON path it reports: a float where an exact
// decimal string is required is an error, not a rounding; counts are exact integers read from their
// text; dates go through internal::parse_civil; unknown fields are an error or a warning, never
// dropped in silence.
#include <fstream>
#include <utility>

#include "cchc/error.hpp"
#include "cchc/report.hpp"
#include "internal/civil_time.hpp"
#include "internal/json.hpp"
#include "report/report_fields.hpp"

namespace cchc {

namespace {

namespace ij = internal::json;
using namespace detail_report;

// At most `n` bytes of `s`, cut at a character boundary (messages stay valid UTF-8).
std::string shorten(const std::string& s, std::size_t n = 40) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n) + "…";
}

std::string describe(const ij::value& j) {
  switch (j.type()) {
    case ij::kind::null: return "null";
    case ij::kind::boolean: return j.as_bool() ? "true" : "false";
    case ij::kind::string: return "the string \"" + shorten(j.text()) + "\"";
    case ij::kind::number:
      return j.is_integer() ? "the integer " + shorten(j.text()) : "the number " + shorten(j.text()) + " (a JSON float)";
    case ij::kind::object: return "an object";
    case ij::kind::array: return "an array";
  }
  return "an unsupported value";
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

class reader {
 public:
  reader(const ij::document& doc, const load_options& o) : doc_(doc), options_(o) {}

  std::vector<finding> warnings;

  // The location of `at`, under the current path.
  [[nodiscard]] location where(const ij::value& at) const { return doc_.locate(at.offset(), path_); }
  [[noreturn]] void fail(const ij::value& at, const std::string& what) const { throw parse_error(what, where(at)); }

  void read(const ij::value& j, std::int64_t& v) {
    if (!j.is_integer()) fail(j, "expected a count (a non-negative JSON integer), found " + describe(j));
    const auto x = j.as_int64();
    if (!x && !j.is_negative())
      fail(j, "expected a count that fits in 64 bits (at most 9223372036854775807), found " + shorten(j.text()));
    if (!x || *x < 0) fail(j, "expected a non-negative count, found " + shorten(j.text()));
    v = *x;
  }
  void read(const ij::value& j, int& v) {
    if (!j.is_integer()) fail(j, "expected a JSON integer, found " + describe(j));
    const auto x = j.as_int64();
    if (!x || *x < 0 || *x > 9999) fail(j, "expected an integer from 0 to 9999 (a year), found " + shorten(j.text()));
    v = static_cast<int>(*x);
  }
  void read(const ij::value& j, std::string& v) {
    if (!j.is_string()) fail(j, "expected a string, found " + describe(j));
    v = j.text();
  }
  void read(const ij::value& j, decimal& v) {
    if (!j.is_string())
      fail(j, "expected an exact decimal written as a JSON string (e.g. \"1340.5\"), found " + describe(j));
    const std::string& s = j.text();
    if (!decimal_syntax(s))
      fail(j, "expected a decimal string of digits with an optional '-' and '.' (e.g. \"1340.5\"), found \"" +
                  shorten(s) + "\"");
    std::string why;
    const auto d = decimal::try_parse(s, number_style::plain, &why);
    if (!d) fail(j, "expected a representable decimal, found \"" + shorten(s) + "\": " + why);
    v = *d;
  }
  void read(const ij::value& j, date::year_month_day& v) {
    if (!j.is_string()) fail(j, "expected a date string YYYY-MM-DD, found " + describe(j));
    const std::string& s = j.text();
    // The format writes dates as YYYY-MM-DD only (exactly: parse_civil would also take "2023-5-1 ");
    // what makes a date is internal::parse_civil's rule.
    const bool iso = s.size() == 10 && s[4] == '-' && s[7] == '-' && all_digits(s.substr(0, 4)) &&
                     all_digits(s.substr(5, 2)) && all_digits(s.substr(8, 2));
    internal::civil_fields f;
    std::string why;
    const char* reason = iso ? internal::parse_civil(s, f, &why) : "not of the form YYYY-MM-DD";
    if (reason == nullptr) {
      v = date::year_month_day{f.day};
      return;
    }
    // A day 29–31 that its month does not have (2023-02-30) is kept as published: validation reports
    // it (date.nonexistent). Everything else about the text must be a date: the 1st of that month.
    if (iso) {
      const unsigned day = static_cast<unsigned>((s[8] - '0') * 10 + (s[9] - '0'));
      internal::civil_fields first;
      if (day >= 29 && day <= 31 && internal::parse_civil(s.substr(0, 8) + "01", first) == nullptr) {
        const date::year_month_day ym{first.day};
        v = date::year_month_day{ym.year(), ym.month(), date::day{day}};
        return;
      }
    }
    fail(j, "expected a date YYYY-MM-DD (month 01-12, e.g. \"2023-05-18\"), found \"" + shorten(s) + "\" (" +
                reason + ")");
  }
  void read(const ij::value& j, org_level& v) {
    std::string s;
    read(j, s);
    for (auto l : {org_level::province, org_level::district, org_level::commune})
      if (s == to_string(l)) {
        v = l;
        return;
      }
    fail(j, "expected a level \"province\", \"district\" or \"commune\", found \"" + shorten(s) + "\"");
  }
  void read(const ij::value& j, headcount_category& v) {
    std::string s;
    read(j, s);
    for (auto c : {headcount_category::civil_servant, headcount_category::public_employee,
                   headcount_category::contract_111})
      if (s == to_string(c)) {
        v = c;
        return;
      }
    fail(j, "expected a headcount category \"civil_servant\", \"public_employee\" or \"contract_111\", found \"" +
                shorten(s) + "\"");
  }
  void read(const ij::value& j, document_type& v) {
    std::string s;
    read(j, s);
    try {
      v = parse_document_type(s);
    } catch (const lookup_error& e) {
      fail(j, e.detail());
    }
  }
  template <class T>
  void read(const ij::value& j, std::optional<T>& v) {
    T t{};
    read(j, t);
    v = std::move(t);
  }
  template <class T>
  void read(const ij::value& j, std::vector<T>& v) {
    if (!j.is_array()) fail(j, "expected an array, found " + describe(j));
    const auto& items = j.items();
    v.clear();
    v.reserve(items.size());
    const std::size_t n = path_.size();
    for (std::size_t i = 0; i < items.size(); ++i) {
      path_ += "[" + std::to_string(i) + "]";
      T t{};
      read(items[i], t);
      v.push_back(std::move(t));
      path_.resize(n);
    }
  }
  template <class T>
  void read(const ij::value& j, T& s) {
    read_object(j, s, {});
    check_struct(j, s);
  }

  // The fields of `s` from the object `j`; members named in `extra` are accepted and skipped.
  template <class T>
  void read_object(const ij::value& j, T& s, std::initializer_list<const char*> extra) {
    if (!j.is_object()) fail(j, "expected an object, found " + describe(j));
    const auto& ms = j.members();
    std::vector<bool> used(ms.size());
    // Files are usually in model order: each search starts after the previous match, so finding
    // every field of a canonical object costs one pass over its members.
    std::size_t cursor = 0;
    auto find = [&](const char* name) -> const ij::member* {
      for (std::size_t k = 0; k < ms.size(); ++k) {
        const std::size_t i = (cursor + k) % ms.size();
        if (ms[i].key == name) {
          cursor = i + 1;
          used[i] = true;
          return &ms[i];
        }
      }
      return nullptr;
    };
    for (const char* name : extra) (void)find(name);
    std::vector<const char*> names;
    auto visit = [&](const char* name, auto& member, bool required) {
      names.push_back(name);
      const ij::member* m = find(name);
      if (m == nullptr) {
        if (required) fail(j, "missing required field \"" + std::string(name) + "\"");
        return;
      }
      const std::size_t n = path_.size();
      path_ = ij::child_path(path_, name);
      read(m->value, member);
      path_.resize(n);
    };
    fields(s, field_visitor<decltype(visit)>{visit});
    for (std::size_t i = 0; i < ms.size(); ++i) {
      if (used[i]) continue;
      const std::size_t n = path_.size();
      path_ = ij::child_path(path_, ms[i].key);
      std::string list;
      for (const char* name : names) (list += list.empty() ? "" : ", ") += name;
      const std::string what = "unknown field \"" + shorten(ms[i].key) + "\"; expected one of: " + list;
      if (options_.unknown_fields == unknown_field_policy::error) fail(ms[i].value, what);
      finding f;
      f.rule = "load.unknown_field";
      f.severity = severity::warning;
      f.where = where(ms[i].value);
      f.message_en = what + " (ignored)";
      f.message_vi = "trường không xác định \"" + shorten(ms[i].key) + "\" (bỏ qua)";
      warnings.push_back(std::move(f));
      path_.resize(n);
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
  void check_struct(const ij::value&, const T&) {}
  void check_struct(const ij::value& j, const document_ref& d) {
    // Both fields are required, so both members exist.
    if (!all_digits(d.number)) {
      path_ = ij::child_path(path_, "number");
      fail(*j.find("number"), "expected the document number as digits (e.g. \"09\"), found \"" + shorten(d.number) + "\"");
    }
    if (d.issuer_code.empty()) {
      path_ = ij::child_path(path_, "issuer_code");
      fail(*j.find("issuer_code"), "expected a non-empty issuer code (e.g. \"UBND\")");
    }
  }

  const ij::document& doc_;
  load_options options_;
  std::string path_ = "$";
};

}  // namespace

report parse_report(std::string_view text, const load_options& options, const std::string& name) {
  if (text.size() > options.max_bytes)
    throw io_error("input is " + std::to_string(text.size()) + " bytes; expected at most " +
                       std::to_string(options.max_bytes) + " (load_options::max_bytes)",
                   location{name, 0, 0, {}, {}});
  ij::options jo;
  jo.max_depth = options.max_depth;
  jo.depth_hint = "expected a cchc.report (at most 6 levels)";
  const ij::document doc = ij::parse(text, name, jo);
  const ij::value& j = doc.root();
  if (!j.is_object())
    throw parse_error(std::string("expected a JSON object with \"") + format_key + "\": \"" + format_name +
                          "\", found " + describe(j),
                      doc.locate(j.offset(), "$"));
  const ij::value* fmt = j.find(format_key);
  if (fmt == nullptr || !fmt->is_string() || fmt->text() != format_name)
    throw parse_error(std::string("expected \"") + format_key + "\": \"" + format_name + "\", found " +
                          (fmt == nullptr ? "no \"" + std::string(format_key) + "\" field" : describe(*fmt)),
                      doc.locate((fmt ? *fmt : j).offset(), ij::child_path("$", format_key)));
  const ij::value* ver = j.find(version_key);
  if (ver == nullptr || ver->as_int64() != report::format_version)
    throw parse_error(std::string("expected \"") + version_key + "\": " + std::to_string(report::format_version) +
                          " (the version this library reads), found " +
                          (ver == nullptr ? "no \"" + std::string(version_key) + "\" field" : describe(*ver)),
                      doc.locate((ver ? *ver : j).offset(), ij::child_path("$", version_key)));
  reader r(doc, options);
  report out;
  r.read_object(j, out, {format_key, version_key, schema_key});
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

}  // namespace cchc
