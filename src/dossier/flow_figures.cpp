#include "cchc/flow_figures.hpp"

#include <string>

namespace cchc {

figures flow_figures(const dossier_flow& f) {
  figures out;
  for (const flow_column c : all_flow_columns)
    if (const auto v = f.get(c)) out.set(std::string(to_string(c)), *v);
  for (const on_time_convention c : all_on_time_conventions)
    if (auto r = f.on_time_rate(c)) out.set("on_time." + std::string(to_string(c)), *r);
  const auto early_on_time = f.in_time_total();
  if (early_on_time && f.pending_in_time && f.resolved_late && f.pending_overdue) {
    const decimal on_time = decimal(*early_on_time) + decimal(*f.pending_in_time);
    const decimal overdue = decimal(*f.resolved_late) + decimal(*f.pending_overdue);
    out.set("totalOnTime", on_time);
    out.set("totalOverdue", overdue);
    out.set("totalReceived", on_time + overdue);
  }
  return out;
}

}  // namespace cchc
