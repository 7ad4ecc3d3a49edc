// Writing cchc.report files: the model → the canonical JSON text (docs/report-format.md, "Saving").
//
// The text is generic over the field lists (report_fields.hpp): fields in model order, absent values
// omitted, two-space indentation, UTF-8 without \u escapes, final newline. Every string is checked to
// be UTF-8 on the way, with its JSON path: a model built in code with invalid text is refused with a
// cchc::argument_error naming the field, rather than nlohmann's type_error.316 from deep in dump().
#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "cchc/error.hpp"
#include "cchc/report.hpp"
#include "internal/json.hpp"
#include "report/report_fields.hpp"

namespace cchc {

namespace {

using ojson = nlohmann::ordered_json;
using namespace detail_report;

std::string format_date(const date::year_month_day& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

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

// Builds the JSON tree; `path` is the JSON path of the value being written (for UTF-8 errors).
class writer {
 public:
  explicit writer(bool check_utf8) : check_(check_utf8) {}

  ojson write(std::int64_t v) { return v; }
  ojson write(int v) { return v; }
  ojson write(const std::string& v) {
    if (check_) internal::json::require_utf8(v, path_);
    return v;
  }
  ojson write(const decimal& v) { return v.to_string(); }
  ojson write(const date::year_month_day& v) { return format_date(v); }
  ojson write(org_level v) { return std::string(to_string(v)); }
  ojson write(headcount_category v) { return std::string(to_string(v)); }
  ojson write(document_type v) { return std::string(to_string(v)); }
  template <class T>
  ojson write(const std::optional<T>& v) {
    return write(*v);
  }
  template <class T>
  ojson write(const std::vector<T>& v) {
    ojson a = ojson::array();
    const std::size_t n = path_.size();
    for (std::size_t i = 0; i < v.size(); ++i) {
      path_ += "[" + std::to_string(i) + "]";
      a.push_back(write(v[i]));
      path_.resize(n);
    }
    return a;
  }
  template <class T>
  ojson write(const T& s) {
    ojson o = ojson::object();
    fields(s, member_writer{*this, o});
    return o;
  }

  // The fields of `report` after the envelope.
  void write_fields(const report& r, ojson& out) { fields(r, member_writer{*this, out}); }

 private:
  struct member_writer {
    writer& w;
    ojson& out;
    template <class M>
    void operator()(const char* name, const M& m) const {
      (*this)(name, m, required_by_default<M>());
    }
    template <class M>
    void operator()(const char* name, const M& m, bool required) const {
      if (omitted(m, required)) return;
      const std::size_t n = w.path_.size();
      w.path_ += '.';
      w.path_ += name;
      out[name] = w.write(m);
      w.path_.resize(n);
    }
  };

  bool check_;
  std::string path_ = "$";
};

ojson tree(const report& r, bool check_utf8) {
  ojson o = ojson::object();
  o[format_key] = format_name;
  o[version_key] = report::format_version;
  writer(check_utf8).write_fields(r, o);
  return o;
}

}  // namespace

std::string to_json(const report& r) {
  // Every string was checked while building the tree, so the strict handler cannot fire.
  return tree(r, true).dump(2, ' ', false, ojson::error_handler_t::strict) + "\n";
}

void save_report(const report& r, const std::string& path) {
  std::string text = to_json(r);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw io_error("cannot open the file for writing", location{path, 0, 0, {}, {}});
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.flush();
  if (!out) throw io_error("cannot write the report file", location{path, 0, 0, {}, {}});
}

// The canonical trees, compared without serialising them (and without the UTF-8 check: comparing
// two reports never throws, whatever their text).
bool operator==(const report& a, const report& b) { return tree(a, false) == tree(b, false); }

}  // namespace cchc
