// What a catalogue reads from a report (indicator_input::of): the report's figures
// (report_figures), each table's rows with their printed names and JSON paths, and the period.
//
// Rows are found by one generic walk over the field lists of report_fields.hpp (like report_figures),
// keyed by the same rule (report_row_keys.hpp), so that `row.received` of a row is exactly the figure
// report_figures names. Flow rows are named by their level ("district"; "district.II" when two rows
// share a level), as the indicator ids always were. Each flow row also gets its online share
// (`one_stop.flows.<row>.online_share`) from dossier_flow::online_share — the one definition.
#include <map>
#include <type_traits>

#include "cchc/indicator_catalogue.hpp"
#include "cchc/report_figures.hpp"
#include "report/report_fields.hpp"
#include "report/report_row_keys.hpp"

namespace cchc {

namespace {

struct any_field {
  template <class M>
  void operator()(const char*, const M&, bool = false) const {}
};

template <class T, class = void>
struct has_fields : std::false_type {};
template <class T>
struct has_fields<T, std::void_t<decltype(detail_report::fields(std::declval<const T&>(), any_field{}))>> : std::true_type {};

template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};
template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

template <class T, class = void>
struct has_name_vi : std::false_type {};
template <class T>
struct has_name_vi<T, std::void_t<decltype(std::declval<const T&>().name_vi)>> : std::true_type {};
template <class T, class = void>
struct has_label_vi : std::false_type {};
template <class T>
struct has_label_vi<T, std::void_t<decltype(std::declval<const T&>().label_vi)>> : std::true_type {};

// The printed label report_figures keys rows by (the same as its row_label).
template <class T>
std::string row_label(const T& item) {
  if constexpr (std::is_same_v<T, flow_row> || std::is_same_v<T, headcount_row>) return item.row;
  else return {};
}

template <class T>
std::string printed_name(const T& item) {
  if constexpr (has_name_vi<T>::value) return item.name_vi;
  else if constexpr (has_label_vi<T>::value) return item.label_vi;
  else return {};
}

class walker {
 public:
  walker(indicator_input& in) : in_(in) {}

  template <class T>
  void value(const std::string& name, const std::string& path, const T& v) {
    if constexpr (is_optional<T>::value) {
      if (v) value(name, path, *v);
    } else if constexpr (is_vector<T>::value) {
      using item_t = typename T::value_type;
      if constexpr (has_fields<item_t>::value) {
        std::vector<std::string> labels;
        for (const auto& item : v) labels.push_back(row_label(item));
        const std::vector<std::string> keys = detail_report::row_keys(labels);
        std::map<org_level, std::size_t> per_level;
        if constexpr (std::is_same_v<item_t, flow_row>)
          for (const auto& item : v) ++per_level[item.level];
        std::vector<indicator_row>& rows = in_.rows[name];
        for (std::size_t i = 0; i < v.size(); ++i) {
          indicator_row r;
          r.key = keys[i];
          r.index = i;
          r.name = printed_name(v[i]);
          r.path = path + "[" + std::to_string(i) + "]";
          r.id = std::to_string(i);
          if constexpr (std::is_same_v<item_t, flow_row>) {
            const std::string level(to_string(v[i].level));
            r.id = per_level[v[i].level] > 1 ? level + "." + v[i].row : level;
            if (auto s = v[i].flow.online_share()) in_.values.set(name + "." + r.key + ".online_share", *s);
          }
          rows.push_back(r);
          value(name + "." + r.key, r.path, v[i]);
        }
      }
    } else if constexpr (has_fields<T>::value) {
      detail_report::fields(v, [&](const char* key, const auto& member, bool = false) {
        value(name.empty() ? std::string(key) : name + "." + key, path + "." + key, member);
      });
    }
  }

 private:
  indicator_input& in_;
};

}  // namespace

indicator_input indicator_input::of(const report& r) {
  indicator_input in;
  in.values = report_figures(r);
  walker(in).value(std::string(), "$", r);
  if (r.period) {
    in.period_from = r.period->from;
    in.period_to = r.period->to;
  } else if (r.year > 0) {
    in.period_from = date::year{r.year} / 1 / 1;
    in.period_to = date::year{r.year} / 12 / 31;
  }
  return in;
}

indicator_input indicator_input::of(figures f) {
  indicator_input in;
  in.values = std::move(f);
  return in;
}

}  // namespace cchc
