// I. Direction: the PAR plan, the inspection plan and the propaganda plan — completion rates against
// their counts, parts of the inspected units, counts bounded by their totals.
#include "validate/checker.hpp"

namespace cchc::detail_validate {

void check_direction(checker& c) {
  const direction_section& d = c.rep().direction;
  const auto base = root() / &report::direction;
  if (d.plan) {
    const auto p = base / &direction_section::plan;
    const std::string completion = p / &plan_summary::completion;
    c.percent_text(d.plan->completion, completion);
    c.percent_recompute(d.plan->completion, completion, checker::ratio(d.plan->tasks_completed, d.plan->tasks),
                        "Mức độ hoàn thành kế hoạch CCHC", "PAR plan completion");
    c.bound(d.plan->tasks_completed, d.plan->tasks, p / &plan_summary::tasks_completed, "Phần việc hoàn thành",
            "tasks completed");
  }
  if (d.inspection) {
    const auto& i = *d.inspection;
    const auto p = base / &direction_section::inspection;
    const std::string completion = p / &inspection_summary::completion;
    c.percent_text(i.completion, completion);
    c.percent_recompute(i.completion, completion, checker::ratio(i.units_inspected, i.units_planned),
                        "Kiểm tra CCHC", "PAR inspection coverage");
    c.sum_labelled(i.units_planned, i.units_planned_parts, p / &inspection_summary::units_planned_parts,
                   "Đơn vị được kiểm tra theo kế hoạch", "units planned for inspection");
    c.bound(i.units_inspected, i.units_planned, p / &inspection_summary::units_inspected, "Đơn vị đã kiểm tra",
            "units inspected");
    c.bound(i.shortcomings_remedied, i.shortcomings_found, p / &inspection_summary::shortcomings_remedied,
            "Hạn chế đã khắc phục", "shortcomings remedied");
  }
  if (d.propaganda) {
    const auto& pr = *d.propaganda;
    const auto p = base / &direction_section::propaganda;
    const std::string completion = p / &propaganda_summary::completion;
    c.percent_text(pr.completion, completion);
    c.percent_recompute(pr.completion, completion, checker::ratio(pr.contents_done, pr.contents_planned),
                        "Kế hoạch tuyên truyền", "propaganda plan");
    c.bound(pr.contents_done, pr.contents_planned, p / &propaganda_summary::contents_done,
            "Nội dung tuyên truyền đã thực hiện", "propaganda contents done");
    const auto channels = p / &propaganda_summary::channels;
    for (std::size_t k = 0; k < pr.channels.size(); ++k)
      if (!pr.channels[k].parts.empty())
        c.sum_labelled(pr.channels[k].count, pr.channels[k].parts, channels[k] / &labelled_count::parts,
                       pr.channels[k].label_vi, pr.channels[k].label_vi);
  }
}

}  // namespace cchc::detail_validate
