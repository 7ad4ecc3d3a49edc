// A report's figures (see cchc/report_figures.hpp): one generic walk over the field lists of
// report_fields.hpp, so that a field added to the model is a figure without further code.
#include "cchc/report_figures.hpp"

#include <type_traits>

#include "report/report_fields.hpp"
#include "report/report_row_keys.hpp"

namespace cchc {

namespace {

// A callable that accepts any field (for detecting which types have a field list).
struct any_field {
  template <class M>
  void operator()(const char*, const M&, bool = false) const {}
};

template <class T, class = void>
struct has_fields : std::false_type {};
template <class T>
struct has_fields<T, std::void_t<decltype(detail_report::fields(std::declval<const T&>(), any_field{}))>>
    : std::true_type {};

template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

template <class T>
std::string row_label(const T& item) {
  if constexpr (std::is_same_v<T, flow_row> || std::is_same_v<T, headcount_row>) return item.row;
  else return {};
}

class walker {
 public:
  explicit walker(figures& out) : out_(out) {}

  template <class T>
  void value(const std::string& name, const T& v) {
    if constexpr (is_optional<T>::value) {
      if (v) value(name, *v);
    } else if constexpr (std::is_same_v<T, std::int64_t> || std::is_same_v<T, int>) {
      out_.set(name, decimal(v));
    } else if constexpr (std::is_same_v<T, decimal>) {
      out_.set(name, v);
    } else if constexpr (std::is_same_v<T, reported_percent>) {
      out_.set(name, v.value);
    } else if constexpr (is_vector<T>::value) {
      // Elements by their printed row label when every element has a distinct identifier label.
      std::vector<std::string> labels;
      for (const auto& item : v) labels.push_back(row_label(item));
      const std::vector<std::string> keys = detail_report::row_keys(labels);
      for (std::size_t i = 0; i < v.size(); ++i) value(name + "." + keys[i], v[i]);
    } else if constexpr (has_fields<T>::value) {
      detail_report::fields(v, [&](const char* key, const auto& member, bool = false) {
        value(name.empty() ? std::string(key) : name + "." + key, member);
      });
      if constexpr (std::is_same_v<T, flow_row>) {
        // The on-time rates under each convention, from flow's one definition (never re-derived here).
        for (const on_time_convention c : all_on_time_conventions)
          if (auto r = v.flow.on_time_rate(c)) out_.set(name + ".on_time." + std::string(to_string(c)), *r);
      }
    }
    // text, dates, enumerations and booleans are not figures
  }

 private:
  figures& out_;
};

}  // namespace

figures report_figures(const report& r) {
  figures out;
  walker(out).value(std::string(), r);
  return out;
}

}  // namespace cchc
