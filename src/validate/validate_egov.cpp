// II.6 E-government: printed percentages as printed, units reporting on the government reporting
// system within their total. (Online dossiers against the flow table: validate_one_stop.cpp.)
#include "validate/checker.hpp"

namespace cchc::detail_validate {

void check_egov(checker& c) {
  const egov_section& e = c.rep().egov;
  const auto base = root() / &report::egov;
  c.percent_text(e.documents_processed_online, base / &egov_section::documents_processed_online);
  c.percent_text(e.leaders_with_digital_certificates, base / &egov_section::leaders_with_digital_certificates);
  c.percent_text(e.staff_with_official_email, base / &egov_section::staff_with_official_email);
  c.percent_text(e.leaders_with_pki_sim, base / &egov_section::leaders_with_pki_sim);
  c.bound(e.reporting_system_units, e.reporting_system_units_total, base / &egov_section::reporting_system_units,
          "Đơn vị nhập báo cáo trên hệ thống", "units reporting on the government reporting system");
}

}  // namespace cchc::detail_validate
