// Which sections a report leaves empty: a commune's report, or a two-tier report from 2025, need not
// have every section of a district's. An empty section is absent, not zero; one info finding per
// such section says so (rule report.section_missing), so that a set of reports side by side shows why
// a column is empty.
#include "validate/checker.hpp"

namespace cchc::detail_validate {

namespace {

// A section is missing when the report says nothing in it: equal to the section a report has when
// its file writes `{}` there (compared through the report's own canonical equality).
template <class Section>
void section(checker& c, Section report::*member, const char* key, const char* vi) {
  static const report empty;
  report probe;
  probe.*member = c.rep().*member;
  if (!(probe == empty)) return;
  finding f;
  f.rule = "report.section_missing";
  f.severity = severity::info;
  f.where.path = std::string("$.") + key;
  f.where.field = key;
  f.message_vi = std::string("Báo cáo không có số liệu mục ") + vi + " (" + key + "): để trống, không phải 0";
  f.message_en = std::string("the report has nothing in the section ") + key + ": absent, not zero";
  f.numbers = {{"section", key}};
  c.emit(std::move(f));  // not a confirmation: kept whatever validate_options::confirmations says
}

}  // namespace

void check_sections(checker& c) {
  section(c, &report::direction, "direction", "I. Chỉ đạo, điều hành");
  section(c, &report::institutional, "institutional", "II.1 Cải cách thể chế");
  section(c, &report::procedures, "procedures", "II.2 Cải cách thủ tục hành chính");
  section(c, &report::one_stop, "one_stop", "II.2.2 Một cửa, một cửa liên thông");
  section(c, &report::organisation, "organisation", "II.3 Cải cách tổ chức bộ máy");
  section(c, &report::civil_service, "civil_service", "II.4 Cải cách chế độ công vụ");
  section(c, &report::public_finance, "public_finance", "II.5 Cải cách tài chính công");
  section(c, &report::egov, "egov", "II.6 Chính quyền điện tử, chính quyền số");
  section(c, &report::assessment, "assessment", "III. Đánh giá chung");
  section(c, &report::directions, "directions", "IV. Phương hướng, nhiệm vụ");
}

}  // namespace cchc::detail_validate
