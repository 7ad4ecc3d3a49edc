// II.2 Administrative procedures: reduction targets as printed, the internal-procedure review (rate,
// parts by level, bound), feedback handled within feedback received.
#include "validate/checker.hpp"

namespace cchc::detail_validate {

void check_procedures(checker& c) {
  const procedures_section& pr = c.rep().procedures;
  const auto base = root() / &report::procedures;
  const auto targets = base / &procedures_section::reduction_targets;
  for (std::size_t i = 0; i < pr.reduction_targets.size(); ++i)
    c.percent_text(pr.reduction_targets[i].percent, targets[i] / &labelled_percent::percent);
  if (const auto& ir = pr.internal_review) {
    const auto p = base / &procedures_section::internal_review;
    const std::string rate_path = p / &internal_review_summary::rate;
    c.percent_text(ir->rate, rate_path);
    c.percent_recompute(ir->rate, rate_path, checker::ratio(ir->reviewed, ir->total), "TTHC nội bộ đã rà soát",
                        "internal procedures reviewed");
    c.sum_levels(ir->reviewed, ir->parts, p / &internal_review_summary::parts, "TTHC nội bộ đã rà soát theo cấp",
                 "internal procedures reviewed by level");
    c.bound(ir->reviewed, ir->total, p / &internal_review_summary::reviewed, "TTHC nội bộ đã rà soát",
            "internal procedures reviewed");
  }
  if (const auto& fb = pr.feedback)
    c.bound(fb->handled, fb->received, base / &procedures_section::feedback / &feedback_summary::handled,
            "Phản ánh, kiến nghị đã xử lý", "feedback handled");
}

}  // namespace cchc::detail_validate
