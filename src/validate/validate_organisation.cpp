// II.3 Organisation: the headcount table (present within assigned per row and category), its total
// row against the sum of its rows, and the text's headcount sentences against the table. Sums are
// exact (decimal), so counts near 2^63 - 1 are compared, not wrapped.
#include <string>

#include "validate/checker.hpp"

namespace cchc::detail_validate {

namespace {

using member = count headcount_counts::*;

// A column of the headcount table: an empty cell of the table means none (0).
decimal column_sum(const std::vector<headcount_row>& rows, bool assigned, member m) {
  return exact_sum(rows, [&](const headcount_row& row) { return ((assigned ? row.assigned : row.present).*m).value_or(0); });
}

void present_within_assigned(checker& c, const organisation_section& org, const json_path<organisation_section>& base) {
  const member cats[] = {&headcount_counts::civil_servants, &headcount_counts::public_employees,
                         &headcount_counts::contracts_111};
  const auto rows = base / &organisation_section::headcount;
  for (std::size_t i = 0; i < org.headcount.size(); ++i) {
    const auto& row = org.headcount[i];
    for (member m : cats) {
      const auto a = row.assigned.*m;
      const auto p = row.present.*m;
      if (!(a && p && *p > *a)) continue;
      const auto at = rows[i] / &headcount_row::present / m;
      const std::string name(detail_report::json_name(m));
      c.add("headcount.present_gt_assigned", severity::error, at,
            row.name_vi + ": có mặt " + num(*p) + " vượt số được giao " + num(*a),
            row.name_vi + ": " + num(*p) + " present exceeds " + num(*a) + " assigned (" + name + ")",
            {{"present", num(*p)}, {"assigned", num(*a)}});
    }
  }
  const auto lines = base / &organisation_section::headcount_summary;
  for (std::size_t i = 0; i < org.headcount_summary.size(); ++i) {
    const auto& l = org.headcount_summary[i];
    if (l.present && l.assigned && *l.present > *l.assigned)
      c.add("headcount.present_gt_assigned", severity::error, lines[i] / &headcount_line::present,
            l.scope_vi + ": có mặt " + num(*l.present) + " vượt số được giao " + num(*l.assigned),
            l.scope_vi + ": " + num(*l.present) + " present exceeds " + num(*l.assigned) + " assigned",
            {{"present", num(*l.present)}, {"assigned", num(*l.assigned)}});
  }
}

void total_row(checker& c, const organisation_section& org, const json_path<organisation_section>& base) {
  if (!org.headcount_total || org.headcount.empty()) return;
  const member cols[] = {&headcount_counts::civil_servants, &headcount_counts::civil_servant_professional_contracts,
                         &headcount_counts::public_employees,
                         &headcount_counts::public_employee_professional_contracts, &headcount_counts::contracts_111};
  const auto total_path = base / &organisation_section::headcount_total;
  for (const bool assigned : {true, false}) {
    const headcount_counts& total = assigned ? org.headcount_total->assigned : org.headcount_total->present;
    const auto side_path = total_path / (assigned ? &headcount_row::assigned : &headcount_row::present);
    const std::string side(assigned ? "assigned" : "present");
    for (member m : cols) {
      const auto t = total.*m;
      if (!t) continue;
      const decimal s = column_sum(org.headcount, assigned, m);
      if (s == decimal(*t)) continue;
      const std::string name(detail_report::json_name(m));
      c.add("table.total", severity::error, side_path / m,
            "dòng tổng cộng (" + side + " " + name + ") = " + num(*t) + ", tổng các dòng = " + num(s),
            "total row (" + side + " " + name + ") = " + num(*t) + ", the rows sum to " + num(s),
            {{"total_row", num(*t)}, {"sum_of_rows", num(s)}});
    }
  }
}

// The headcount sentences of the text (per category) against the table's columns.
void text_against_table(checker& c, const organisation_section& org, const json_path<organisation_section>& base) {
  if (org.headcount.empty() || org.headcount_summary.empty()) return;
  const std::pair<headcount_category, member> cats[] = {
      {headcount_category::civil_servant, &headcount_counts::civil_servants},
      {headcount_category::public_employee, &headcount_counts::public_employees},
      {headcount_category::contract_111, &headcount_counts::contracts_111}};
  for (const auto& [category, m] : cats) {
    const decimal tp = column_sum(org.headcount, false, m);
    const decimal ta = column_sum(org.headcount, true, m);
    decimal sp, sa;
    bool in_text = false;
    for (const auto& l : org.headcount_summary) {
      if (l.category != category) continue;
      in_text = true;
      sp += decimal(l.present.value_or(0));
      sa += decimal(l.assigned.value_or(0));
    }
    if (!in_text || (tp == sp && ta == sa)) continue;
    const std::string cat(to_string(category));
    c.add("text_table.headcount", severity::error, base / &organisation_section::headcount_summary,
          cat + ": văn bản " + num(sp) + "/" + num(sa) + ", bảng " + num(tp) + "/" + num(ta) + " (có mặt/được giao)",
          cat + ": the text states " + num(sp) + "/" + num(sa) + ", the table sums to " + num(tp) + "/" + num(ta) +
              " (present/assigned)",
          {{"text_present", num(sp)}, {"text_assigned", num(sa)}, {"table_present", num(tp)},
           {"table_assigned", num(ta)}});
  }
}

}  // namespace

void check_organisation(checker& c) {
  const organisation_section& org = c.rep().organisation;
  const auto base = root() / &report::organisation;
  present_within_assigned(c, org, base);
  total_row(c, org, base);
  text_against_table(c, org, base);
}

}  // namespace cchc::detail_validate
