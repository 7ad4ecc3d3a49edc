// How a table's rows are named inside figure names (report_figures.hpp): by their printed row label
// when every row has a distinct identifier label ("one_stop.flows.I.received"), else by position
// ("organisation.headcount.3.present.civil_servants"). One home for the rule: report_figures names
// the figures with it and the indicator catalogue finds a table's rows with it.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace cchc::detail_report {

inline bool is_identifier_label(const std::string& s) {
  if (s.empty()) return false;
  for (const char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

/// The figure-name segment of each row, given the rows' printed labels (empty when a row type has none).
inline std::vector<std::string> row_keys(const std::vector<std::string>& labels) {
  std::set<std::string> seen;
  bool by_label = !labels.empty();
  for (const auto& l : labels)
    if (!is_identifier_label(l) || !seen.insert(l).second) by_label = false;
  std::vector<std::string> out;
  out.reserve(labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i) out.push_back(by_label ? labels[i] : std::to_string(i));
  return out;
}

}  // namespace cchc::detail_report
