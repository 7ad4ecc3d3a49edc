// II.4 Civil service: personnel actions, rewards and training whose parts must add up, and the
// commune cadres and civil servants meeting the standard (rate and bound).
#include "validate/checker.hpp"

namespace cchc::detail_validate {

void check_civil_service(checker& c) {
  const civil_service_section& cs = c.rep().civil_service;
  const auto base = root() / &report::civil_service;
  auto labelled_sums = [&](const std::vector<labelled_count>& v, const json_path<std::vector<labelled_count>>& p) {
    for (std::size_t i = 0; i < v.size(); ++i)
      if (!v[i].parts.empty())
        c.sum_labelled(v[i].count, v[i].parts, p[i] / &labelled_count::parts, v[i].label_vi, v[i].label_vi);
  };
  labelled_sums(cs.personnel_actions, base / &civil_service_section::personnel_actions);
  labelled_sums(cs.rewards, base / &civil_service_section::rewards);
  labelled_sums(cs.training, base / &civil_service_section::training);
  auto standard = [&](const std::optional<standard_figure>& s, const json_path<standard_figure>& p,
                      const char* vi, const char* en) {
    if (!s) return;
    const std::string rate_path = p / &standard_figure::rate;
    c.percent_text(s->rate, rate_path);
    c.percent_recompute(s->rate, rate_path, checker::ratio(s->meeting, s->total), vi, en);
    c.bound(s->meeting, s->total, p / &standard_figure::meeting, vi, en);
  };
  standard(cs.commune_cadres_standard, base / &civil_service_section::commune_cadres_standard,
           "Cán bộ cấp xã đạt chuẩn", "commune cadres meeting the standard");
  standard(cs.commune_civil_servants_standard, base / &civil_service_section::commune_civil_servants_standard,
           "Công chức cấp xã đạt chuẩn", "commune civil servants meeting the standard");
}

}  // namespace cchc::detail_validate
