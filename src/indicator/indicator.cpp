// The indicators of indicator.hpp, each with its legal source; docs/indicators.md lists them.
//
// Linear in the report: one pass over the flow rows (the keys of rows sharing a level are found from
// a per-level count, not by rescanning the rows), rates taken from dossier_flow::on_time_rate (the one
// definition of the conventions) and totals summed exactly as rates (rate::operator+, a ratio of
// sums in cchc::decimal), so counts near 2^63 - 1 give exact indicators, never a wrapped sum.
#include "cchc/indicator.hpp"

#include <map>
#include <utility>

#include "cchc/error.hpp"
#include "report/report_fields.hpp"

namespace cchc {

namespace {

using count = std::optional<std::int64_t>;

// Sources, named once.
constexpr const char* src_par =
    "PAR index method, Decision 876/QĐ-BNV (10/11/2022), and provincial criteria (e.g. Quảng Trị "
    "2896/QĐ-UBND 2019): criterion named there, ratio formula inferred";
constexpr const char* src_resolved =
    "Biểu số 06/VPCP/KSTT, Circular 01/2020/TT-VPCP (columns 7-10); resolved_basis convention as the "
    "seed report computes it, inferred from its published 97,55 %";
constexpr const char* src_received =
    "Decision 766/QĐ-TTg (23/6/2022), 'Tiến độ giải quyết': (on time + pending within deadline) / "
    "received";
constexpr const char* src_due =
    "provincial monthly bulletins (\"hồ sơ đến hạn giải quyết\"): resolved in time / dossiers that fell "
    "due; formula inferred from the bulletins";
constexpr const char* src_online =
    "Decision 766/QĐ-TTg (23/6/2022) 3.3: dossiers received online / dossiers received in the period";
constexpr const char* src_headcount =
    "headcount assigned (biên chế được giao) against present: fill rate = present / assigned, vacancies = "
    "assigned − present (formulas inferred); categories from the report's table (contracts: Decree "
    "111/2022/NĐ-CP)";
constexpr const char* src_finance =
    "Decrees 130/2005/NĐ-CP and 117/2013/NĐ-CP (administrative autonomy), 60/2021/NĐ-CP (public "
    "service units); share of the stated total, formula inferred";
constexpr const char* src_report = "figures of the report itself; ratio formula inferred";

std::string s(std::int64_t v) { return std::to_string(v); }

class builder {
 public:
  std::vector<indicator> out;

  void ratio(std::string id, std::string vi, std::string en, count num, count den,
             const std::string& num_name, const std::string& den_name, const char* source,
             bool inferred, std::string path) {
    if (!num || !den) return;
    if (*den < 0)  // the loader refuses negative counts; a report built in code may not
      throw argument_error(den_name + " is " + s(*den) + "; expected a count (at least 0)",
                           location{{}, 0, 0, path, den_name});
    indicator i;
    i.id = std::move(id);
    i.label_vi = std::move(vi);
    i.label_en = std::move(en);
    i.value = rate(decimal(*num), decimal(*den));
    i.unit = "ratio";
    i.formula = num_name + " / " + den_name + " = " + s(*num) + " / " + s(*den);
    i.source = source;
    i.inferred = inferred;
    i.path = std::move(path);
    out.push_back(std::move(i));
  }

  void rate_value(std::string id, std::string vi, std::string en, const rate& r,
                  const std::string& formula, const char* source, bool inferred, std::string path) {
    indicator i;
    i.id = std::move(id);
    i.label_vi = std::move(vi);
    i.label_en = std::move(en);
    i.value = r;
    i.unit = "ratio";
    i.formula = formula + " = " + r.numerator().to_string() + " / " + r.denominator().to_string();
    i.source = source;
    i.inferred = inferred;
    i.path = std::move(path);
    out.push_back(std::move(i));
  }

  void amount_ratio(std::string id, std::string vi, std::string en, const decimal& num,
                    const decimal& den, const std::string& formula, const char* source,
                    std::string path) {
    indicator i;
    i.id = std::move(id);
    i.label_vi = std::move(vi);
    i.label_en = std::move(en);
    i.value = rate(num, den);
    i.unit = "ratio";
    i.formula = formula + " = " + num.to_string() + " / " + den.to_string();
    i.source = source;
    i.inferred = true;
    i.path = std::move(path);
    out.push_back(std::move(i));
  }

  void difference(std::string id, std::string vi, std::string en, const decimal& a, const decimal& b,
                  const std::string& a_name, const std::string& b_name, const char* source,
                  std::string path) {
    indicator i;
    i.id = std::move(id);
    i.label_vi = std::move(vi);
    i.label_en = std::move(en);
    i.value = a - b;
    i.unit = "count";
    i.formula = a_name + " − " + b_name + " = " + a.to_string() + " − " + b.to_string();
    i.source = source;
    i.inferred = true;
    i.path = std::move(path);
    out.push_back(std::move(i));
  }
};

struct category {
  count headcount_counts::*member;
  const char* id;
  const char* vi;
  const char* en;
};
const category categories[] = {
    {&headcount_counts::civil_servants, "civil_servants", "công chức", "civil servants"},
    {&headcount_counts::public_employees, "public_employees", "viên chức (số lượng người làm việc)",
     "public employees"},
    {&headcount_counts::contracts_111, "contracts_111", "hợp đồng theo NĐ 111/2022",
     "Decree 111 contracts"},
};

}  // namespace

std::optional<decimal> indicator::percent(int scale, rounding mode) const {
  if (const auto* r = std::get_if<rate>(&value)) return r->percent(scale, mode);
  return std::nullopt;
}

const indicator& find_indicator(const std::vector<indicator>& list, std::string_view id) {
  for (const auto& i : list)
    if (i.id == id) return i;
  throw lookup_error("no indicator '" + std::string(id) + "' for this report (" +
                         std::to_string(list.size()) + " indicators derived)",
                     location{{}, 0, 0, {}, "id"});
}

std::vector<indicator> indicators(const report& r) {
  using detail_report::json_path;
  const json_path<report> root;
  builder b;
  const auto& d = r.direction;
  const auto direction = root / &report::direction;
  if (d.plan)
    b.ratio("direction.plan_completion", "Mức độ hoàn thành kế hoạch CCHC", "PAR plan completion",
            d.plan->tasks_completed, d.plan->tasks, "tasks_completed", "tasks", src_par, true,
            direction / &direction_section::plan);
  if (d.inspection) {
    const std::string path = direction / &direction_section::inspection;
    b.ratio("direction.inspection_coverage", "Tỷ lệ đơn vị được kiểm tra CCHC theo kế hoạch",
            "PAR inspection coverage", d.inspection->units_inspected, d.inspection->units_planned,
            "units_inspected", "units_planned", src_par, true, path);
    b.ratio("direction.shortcomings_remedied", "Tỷ lệ hạn chế qua kiểm tra đã được khắc phục",
            "shortcomings remedied", d.inspection->shortcomings_remedied,
            d.inspection->shortcomings_found, "shortcomings_remedied", "shortcomings_found", src_par,
            true, path);
  }
  if (d.propaganda)
    b.ratio("direction.propaganda_completion", "Mức độ hoàn thành kế hoạch tuyên truyền CCHC",
            "propaganda plan completion", d.propaganda->contents_done, d.propaganda->contents_planned,
            "contents_done", "contents_planned", src_par, true, direction / &direction_section::propaganda);
  const auto procedures = root / &report::procedures;
  if (const auto& ir = r.procedures.internal_review)
    b.ratio("procedures.internal_reviewed_share", "Tỷ lệ TTHC nội bộ đã rà soát",
            "internal procedures reviewed", ir->reviewed, ir->total, "reviewed", "total",
            "Decision 1085/QĐ-TTg (15/9/2022) plan for internal procedures; ratio inferred", true,
            procedures / &procedures_section::internal_review);
  if (const auto& fb = r.procedures.feedback)
    b.ratio("procedures.feedback_handled", "Tỷ lệ phản ánh, kiến nghị đã xử lý", "feedback handled",
            fb->handled, fb->received, "handled", "received", src_report, true,
            procedures / &procedures_section::feedback);
  const auto& os = r.one_stop;
  const auto one_stop = root / &report::one_stop;
  b.ratio("one_stop.communes_compliant", "Tỷ lệ xã có Bộ phận một cửa đạt yêu cầu",
          "communes with a compliant one-stop shop", os.communes_compliant, os.communes_total,
          "communes_compliant", "communes_total", src_par, true, one_stop);

  // On-time rates per row and convention, then the total as a ratio of sums. Two rows of one level
  // (rare) are told apart by their row label: the rows per level are counted once, up front.
  std::map<org_level, std::size_t> rows_per_level;
  for (const auto& row : os.flows) ++rows_per_level[row.level];
  const auto flows = one_stop / &one_stop_section::flows;
  std::optional<rate> resolved_total, received_total;
  decimal online_sum, received_sum;
  bool resolved_ok = !os.flows.empty(), received_ok = resolved_ok, online_ok = resolved_ok;
  // The conventions' definitions are dossier_flow::on_time_rate's (flow.hpp); the formula text
  // spells them out with this row's numbers.
  struct conv {
    on_time_convention c;
    const char* vi;
    const char* en;
    const char* formula;
    const char* source;
    bool inferred;
  };
  static const conv convs[] = {
      {on_time_convention::resolved_basis, "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn / đã giải quyết",
       "on-time rate, resolved basis", "(early + on time) / resolved", src_resolved, true},
      {on_time_convention::received_basis, "Tỷ lệ hồ sơ đúng hạn (kể cả đang giải quyết trong hạn) / tiếp nhận",
       "on-time rate, received basis", "(early + on time + pending within deadline) / received", src_received,
       false},
      {on_time_convention::due_basis, "Tỷ lệ hồ sơ đúng hạn / hồ sơ đến hạn", "on-time rate, due basis",
       "(early + on time) / fell_due", src_due, true},
  };
  for (std::size_t k = 0; k < os.flows.size(); ++k) {
    const auto& row = os.flows[k];
    const auto& f = row.flow;
    const std::string lvl(to_string(row.level));
    const std::string key = rows_per_level[row.level] > 1 ? lvl + "." + row.row : lvl;
    const std::string path = flows[k];
    for (const auto& cv : convs) {
      const auto q = f.on_time_rate(cv.c);
      if (q)
        b.rate_value("one_stop.on_time." + key + "." + std::string(to_string(cv.c)),
                     std::string(cv.vi) + " (" + row.name_vi + ")", std::string(cv.en) + " (" + row.name_vi + ")",
                     *q, cv.formula, cv.source, cv.inferred, path);
      // The totals are the ratio of the rows' sums: the sum of the rows' rates (rate::operator+).
      if (cv.c == on_time_convention::resolved_basis) {
        if (q)
          resolved_total = resolved_total ? *resolved_total + *q : *q;
        else
          resolved_ok = false;
      } else if (cv.c == on_time_convention::received_basis) {
        if (q)
          received_total = received_total ? *received_total + *q : *q;
        else
          received_ok = false;
      }
    }
    const auto received_new = f.online_share();  // received_online / received in the period
    if (received_new) {
      b.rate_value("one_stop.online_share." + key, "Tỷ lệ hồ sơ trực tuyến (" + row.name_vi + ")",
                   "online share of dossiers (" + row.name_vi + ")", *received_new,
                   "received_online / received in the period", src_online, false, path);
    } else {
      // Without the split of the period's dossiers, the share of all dossiers received (inferred).
      b.ratio("one_stop.online_share." + key, "Tỷ lệ hồ sơ trực tuyến (" + row.name_vi + ")",
              "online share of dossiers (" + row.name_vi + ")", f.received_online, f.received, "received_online",
              "received", src_online, true, path);
    }
    if (f.received_online && f.received) {
      online_sum += decimal(*f.received_online);
      received_sum += decimal(*f.received);
    } else {
      online_ok = false;
    }
  }
  if (os.flows.size() > 1) {
    const std::string path = flows;
    if (resolved_ok)
      b.rate_value("one_stop.on_time.total.resolved_basis", "Tỷ lệ giải quyết trước hạn, đúng hạn (tổng)",
                   "on-time rate, resolved basis (all rows)", *resolved_total, "Σ (early + on time) / Σ resolved",
                   src_resolved, true, path);
    if (received_ok)
      b.rate_value("one_stop.on_time.total.received_basis", "Tỷ lệ đúng hạn theo hồ sơ tiếp nhận (tổng)",
                   "on-time rate, received basis (all rows)", *received_total,
                   "Σ (early + on time + pending within deadline) / Σ received", src_received, false, path);
    if (online_ok && received_ok)
      b.rate_value("one_stop.online_share.total", "Tỷ lệ hồ sơ trực tuyến (tổng)",
                   "online share of dossiers (all rows)", rate(online_sum, received_sum),
                   "Σ received_online / Σ received", src_online, true, path);
  }

  // Headcount: totals per category over the table (exact sums), then per row.
  const auto& org = r.organisation;
  const auto headcount = root / &report::organisation / &organisation_section::headcount;
  for (const auto& c : categories) {
    decimal assigned, present;
    bool any = false;
    for (const auto& row : org.headcount) {
      auto a = row.assigned.*(c.member);
      auto p = row.present.*(c.member);
      if (!a) continue;
      any = true;
      assigned += decimal(*a);
      present += decimal(p.value_or(0));
    }
    if (!any) continue;
    std::string id = std::string("organisation.fill_rate.") + c.id;
    b.rate_value(id, std::string("Tỷ lệ có mặt / được giao: ") + c.vi, std::string("headcount fill rate: ") + c.en,
                 rate(present, assigned), "Σ present / Σ assigned", src_headcount, true, headcount);
    b.difference(std::string("organisation.vacancies.") + c.id, std::string("Số còn thiếu: ") + c.vi,
                 std::string("vacancies: ") + c.en, assigned, present, "Σ assigned", "Σ present",
                 src_headcount, headcount);
  }
  for (std::size_t k = 0; k < org.headcount.size(); ++k) {
    const auto& row = org.headcount[k];
    const std::string path = headcount[k];
    for (const auto& c : categories) {
      auto a = row.assigned.*(c.member);
      auto p = row.present.*(c.member);
      if (!a) continue;
      std::int64_t present = p.value_or(0);  // an empty present cell next to a quota means none
      std::string base = "organisation.headcount[" + std::to_string(k) + "]." + c.id;
      b.ratio(base + ".fill_rate", row.name_vi + ": tỷ lệ có mặt " + c.vi,
              row.name_vi + ": fill rate, " + c.en, present, a, "present", "assigned", src_headcount,
              true, path);
      b.difference(base + ".vacancies", row.name_vi + ": số còn thiếu " + c.vi,
                   row.name_vi + ": vacancies, " + c.en, decimal(*a), decimal(present), "assigned", "present",
                   src_headcount, path);
    }
  }

  const auto& cs = r.civil_service;
  const auto civil_service = root / &report::civil_service;
  if (cs.commune_cadres_standard)
    b.ratio("civil_service.commune_cadres_standard", "Tỷ lệ cán bộ cấp xã đạt chuẩn",
            "commune cadres meeting the standard", cs.commune_cadres_standard->meeting,
            cs.commune_cadres_standard->total, "meeting", "total", src_report, true,
            civil_service / &civil_service_section::commune_cadres_standard);
  if (cs.commune_civil_servants_standard)
    b.ratio("civil_service.commune_civil_servants_standard", "Tỷ lệ công chức cấp xã đạt chuẩn",
            "commune civil servants meeting the standard", cs.commune_civil_servants_standard->meeting,
            cs.commune_civil_servants_standard->total, "meeting", "total", src_report, true,
            civil_service / &civil_service_section::commune_civil_servants_standard);

  const auto& pf = r.public_finance;
  auto shares = [&](const std::optional<amount_breakdown>& br, const std::string& id,
                    const json_path<amount_breakdown>& path) {
    if (!br) return;
    const auto parts = path / &amount_breakdown::parts;
    for (std::size_t k = 0; k < br->parts.size(); ++k)
      b.amount_ratio(id + "[" + std::to_string(k) + "].share", br->parts[k].label_vi + " / tổng",
                     "share of the total: " + br->parts[k].label_vi, br->parts[k].amount, br->total,
                     "part / total", src_finance, parts[k]);
  };
  auto unit_shares = [&](count units, const std::vector<labelled_count>& parts, const std::string& id,
                         const json_path<std::vector<labelled_count>>& path) {
    for (std::size_t k = 0; k < parts.size(); ++k)
      b.ratio(id + "[" + std::to_string(k) + "].share", parts[k].label_vi + " / tổng số đơn vị",
              "share of units: " + parts[k].label_vi, parts[k].count, units, "units", "total units",
              src_finance, true, path[k]);
  };
  const auto finance = root / &report::public_finance;
  if (pf.admin_autonomy) {
    const auto p = finance / &public_finance_section::admin_autonomy;
    unit_shares(pf.admin_autonomy->units, pf.admin_autonomy->units_parts, "public_finance.admin_autonomy.units",
                p / &admin_autonomy_summary::units_parts);
    shares(pf.admin_autonomy->budget, "public_finance.admin_autonomy.budget", p / &admin_autonomy_summary::budget);
  }
  if (pf.service_unit_autonomy) {
    const auto p = finance / &public_finance_section::service_unit_autonomy;
    unit_shares(pf.service_unit_autonomy->units, pf.service_unit_autonomy->units_parts,
                "public_finance.service_unit_autonomy.units", p / &service_unit_autonomy_summary::units_parts);
    shares(pf.service_unit_autonomy->revenue_autonomous, "public_finance.service_unit_autonomy.revenue_autonomous",
           p / &service_unit_autonomy_summary::revenue_autonomous);
  }
  b.ratio("egov.reporting_system_units", "Tỷ lệ đơn vị nhập báo cáo trên Hệ thống thông tin báo cáo",
          "units reporting on the government reporting system", r.egov.reporting_system_units,
          r.egov.reporting_system_units_total, "reporting_system_units", "reporting_system_units_total",
          src_report, true, root / &report::egov);
  return std::move(b.out);
}

}  // namespace cchc
