// III. Assessment: its printed percentages, and the claim "tỷ lệ … đúng hạn đạt trên X%" against every
// row of the flow table and their total.
#include <string>

#include "cchc/rounding.hpp"
#include "validate/checker.hpp"

namespace cchc::detail_validate {

void check_assessment(checker& c) {
  const report& r = c.rep();
  const auto base = root() / &report::assessment;
  c.percent_text(r.assessment.catalogue_public, base / &assessment_section::catalogue_public);
  const std::string claim_path = base / &assessment_section::on_time_above;
  c.percent_text(r.assessment.on_time_above, claim_path);

  const auto& claim = r.assessment.on_time_above;
  if (!claim || r.one_stop.flows.empty()) return;
  // The claim is read under resolved_basis, the convention the report's own table uses; the rate is
  // flow's (dossier_flow::on_time_rate), the total a ratio of sums (rate::operator+, exact).
  std::vector<std::string> below;
  numbers_t numbers{{"claimed_above", claim->value.to_string()}};
  auto check_rate = [&](const std::string& name, const rate& q) {
    if (!q.defined()) return;
    numbers.emplace_back(name + ".percent_truncated_4", q.percent(4, rounding::toward_zero)->to_string());
    // Exact comparison: numerator × 100 > X × denominator.
    if (!(q.numerator() * decimal(100) > claim->value * q.denominator())) below.push_back(name);
  };
  std::optional<rate> total;
  bool summable = true;
  for (const auto& row : r.one_stop.flows) {
    const auto q = row.flow.on_time_rate(on_time_convention::resolved_basis);
    if (!q) {
      summable = false;
      continue;
    }
    check_rate(row.name_vi, *q);
    total = total ? *total + *q : *q;
  }
  if (summable && r.one_stop.flows.size() > 1) check_rate("total", *total);
  if (below.empty()) {
    c.add("claim.on_time_above_confirmed", severity::info, claim_path,
          "khẳng định tỷ lệ đúng hạn trên " + claim->text + " đúng với mọi dòng của bảng và tổng (resolved_basis)",
          "the claim that the on-time rate is above " + claim->text +
              " holds for every row of the table and their total (resolved_basis)",
          numbers);
  } else {
    std::string list;
    for (const auto& b : below) list += (list.empty() ? "" : ", ") + b;
    c.add("claim.on_time_above", severity::error, claim_path,
          "khẳng định tỷ lệ đúng hạn trên " + claim->text + " sai với: " + list,
          "the claim that the on-time rate is above " + claim->text + " fails for: " + list, numbers);
  }
}

}  // namespace cchc::detail_validate

