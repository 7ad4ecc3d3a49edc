// II.5 Public finance: units under each autonomy regime by kind, and amounts whose parts must add up
// to their stated total (exact decimals in the report's money unit).
#include "validate/checker.hpp"

namespace cchc::detail_validate {

void check_public_finance(checker& c) {
  const public_finance_section& pf = c.rep().public_finance;
  const auto base = root() / &report::public_finance;
  if (pf.admin_autonomy) {
    const auto& a = *pf.admin_autonomy;
    const auto p = base / &public_finance_section::admin_autonomy;
    c.sum_labelled(a.units, a.units_parts, p / &admin_autonomy_summary::units_parts,
                   "Cơ quan, đơn vị thực hiện tự chủ", "units under the administrative autonomy regime");
    c.sum_amounts(a.budget, p / &admin_autonomy_summary::budget, "Kinh phí quản lý hành chính được giao",
                  "administrative budget");
  }
  if (pf.service_unit_autonomy) {
    const auto& s = *pf.service_unit_autonomy;
    const auto p = base / &public_finance_section::service_unit_autonomy;
    c.sum_labelled(s.units, s.units_parts, p / &service_unit_autonomy_summary::units_parts,
                   "Đơn vị sự nghiệp công lập", "public service units");
    c.sum_amounts(s.revenue_autonomous, p / &service_unit_autonomy_summary::revenue_autonomous,
                  "Nguồn thu giao tự chủ", "revenue under autonomy");
    c.sum_amounts(s.revenue_non_autonomous, p / &service_unit_autonomy_summary::revenue_non_autonomous,
                  "Nguồn thu không giao tự chủ", "revenue outside autonomy");
  }
}

}  // namespace cchc::detail_validate
