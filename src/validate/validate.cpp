// validate(): the driver, the rule catalogue and the finding sink. The rules themselves live in one
// file per report section (validate_<section>.cpp) over the shared checks of checker.hpp; the
// catalogue (ids, severities, tolerances, sources) is validation_rules() below and docs/validation.md.
#include "cchc/validate.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>

#include "cchc/error.hpp"
#include "validate/checker.hpp"

namespace cchc {

namespace detail_validate {

namespace {

const std::vector<validation_rule> rules = {
    {"load.unknown_field", severity::warning, "a field the format does not define (kept out of the model)",
     "trường không có trong định dạng", "-", "docs/report-format.md"},
    {"date.nonexistent", severity::error, "a date that does not exist (30/02)", "ngày không tồn tại",
     "exact", "Gregorian calendar"},
    {"period.order", severity::error, "reporting period ends before it starts",
     "kỳ báo cáo kết thúc trước khi bắt đầu", "exact", "-"},
    {"document.text_unparseable", severity::warning, "a citation text the parser cannot read",
     "không đọc được trích dẫn văn bản", "-", "Decree 30/2020/NĐ-CP, Appendix I (symbol anatomy)"},
    {"document.text_mismatch", severity::error,
     "a citation's structured fields disagree with its printed text",
     "thông tin văn bản khác với nội dung trích dẫn", "exact", "Decree 30/2020/NĐ-CP"},
    {"document.outside_period", severity::warning,
     "a document recording the period's own work dated outside the reporting period",
     "văn bản thực hiện trong kỳ nhưng ngày ban hành ngoài kỳ báo cáo", "exact (inclusive bounds)",
     "Decree 09/2019/NĐ-CP (reporting periods); inferred"},
    {"document.after_period", severity::warning,
     "a cited document dated after the end of the period and the report's date",
     "văn bản được trích dẫn có ngày sau kỳ báo cáo", "exact", "inferred"},
    {"document.order", severity::warning,
     "documents of one issuer, type and year whose numbers and dates run in opposite orders",
     "số và ngày của văn bản cùng cơ quan, cùng loại, cùng năm ngược thứ tự", "exact",
     "Decree 30/2020/NĐ-CP Art. 15: numbers run consecutively from 01/01 to 31/12 per issuer"},
    {"report.section_missing", severity::info,
     "a report section with nothing in it (commune reports, two-tier reports from 2025): absent, not zero",
     "mục báo cáo không có số liệu", "-", "docs/report-format.md (a section written as {})"},
    {"percent.text_value", severity::error, "a percentage's printed text and stored value differ",
     "giá trị tỷ lệ khác với văn bản in", "exact, same scale", "docs/report-format.md"},
    {"percent.range", severity::error, "a percentage outside 0-100 %",
     "tỷ lệ ngoài khoảng 0-100%", "exact", "definition of a share"},
    {"percent.reproduced", severity::info,
     "a printed percentage reproduced by its numerator and denominator (half_away_from_zero)",
     "tỷ lệ in khớp với tử số/mẫu số", "printed scale; the 7 rounding modes",
     "Decision 766/QĐ-TTg (23/6/2022): rates shown with 2 decimals, conventional rounding"},
    {"percent.rounding", severity::warning,
     "a printed percentage reproduced only by a rounding other than half_away_from_zero",
     "tỷ lệ in chỉ khớp khi làm tròn kiểu khác (cắt bỏ…)", "printed scale; the 7 rounding modes",
     "Decision 766/QĐ-TTg (23/6/2022): rates shown with 2 decimals, conventional rounding "
     "(half away from zero)"},
    {"percent.mismatch", severity::error,
     "a printed percentage no rounding of its numerator and denominator gives",
     "tỷ lệ in không khớp với tử số/mẫu số", "printed scale; the 7 rounding modes",
     "arithmetic (definition of a share); printing as in Decision 766/QĐ-TTg (23/6/2022)"},
    {"percent.undefined", severity::warning, "a percentage printed for a zero denominator",
     "tỷ lệ in với mẫu số bằng 0", "-", "Decision 766/QĐ-TTg (23/6/2022): a 0 denominator shows 0 or N/A"},
    {"sum.parts", severity::error, "parts that do not add up to their whole",
     "tổng các thành phần khác tổng số", "exact (0)", "arithmetic"},
    {"bound.part_le_whole", severity::error,
     "a completed/met/handled count larger than its total (completion above 100 %)",
     "số hoàn thành lớn hơn tổng số (trên 100%)", "exact (0)", "definition of completion"},
    {"headcount.present_gt_assigned", severity::error, "more staff present than assigned",
     "số có mặt vượt số được giao", "exact (0)",
     "definition of an assigned quota (biên chế được giao); contract category: Decree 111/2022/NĐ-CP"},
    {"table.total", severity::error, "a table's total row differs from the sum of its rows",
     "dòng tổng cộng của bảng khác tổng các dòng", "exact (0)", "arithmetic"},
    {"text_table.late", severity::error,
     "late dossiers stated in the text differ from the flow table",
     "số hồ sơ trễ hạn trong văn bản khác bảng", "exact (0)",
     "Circular 01/2020/TT-VPCP Biểu 06 (columns 10, 13)"},
    {"text_table.headcount", severity::error,
     "headcount sentences differ from the headcount table (per category)",
     "số biên chế trong văn bản khác bảng", "exact (0)", "arithmetic"},
    {"text_table.online_dossiers", severity::warning,
     "online dossiers in the e-government section differ from the flow table's own-level row",
     "số hồ sơ trực tuyến ở mục chính quyền số khác bảng", "exact (0)",
     "Biểu 06 column 4; Decision 766/QĐ-TTg 3.3"},
    {"flow.received_online_bound", severity::error, "more dossiers received online than received",
     "số hồ sơ trực tuyến lớn hơn số tiếp nhận", "exact (0)", "Biểu 06 columns 3, 4"},
    {"claim.on_time_above", severity::error,
     "a claimed lower bound of the on-time rate (\"trên 97%\") that a row of the table or their total "
     "contradicts",
     "khẳng định \"tỷ lệ đúng hạn trên …%\" sai so với bảng", "exact comparison of the exact rates",
     "Biểu số 06/VPCP/KSTT, Circular 01/2020/TT-VPCP; resolved_basis as the report itself computes it"},
    {"claim.on_time_above_confirmed", severity::info,
     "a claimed lower bound of the on-time rate (\"trên 97%\") that every row and their total satisfy",
     "khẳng định \"tỷ lệ đúng hạn trên …%\" đúng với bảng", "exact comparison of the exact rates",
     "Biểu số 06/VPCP/KSTT, Circular 01/2020/TT-VPCP; resolved_basis as the report itself computes it"},
    {"figure.overflow", severity::error,
     "a figure derived from the report's counts that no count can hold (beyond 2^63 - 1), or that a "
     "rule could not compute",
     "số liệu suy ra vượt quá giới hạn của một số đếm", "exact", "arithmetic"},
};

}  // namespace

std::string date_text(const date::year_month_day& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", static_cast<unsigned>(d.day()),
                static_cast<unsigned>(d.month()), static_cast<int>(d.year()));
  return buf;
}

std::string modes_text(const std::vector<rounding>& modes) {
  std::string s;
  for (auto m : modes) s += (s.empty() ? "" : ", ") + std::string(to_string(m));
  return s;
}

void checker::add(std::string rule, severity s, const std::string& path, std::string vi, std::string en,
                  numbers_t numbers) {
  if (s == severity::info && !o_.confirmations) return;
  finding f;
  f.rule = std::move(rule);
  f.severity = s;
  f.where.path = path;
  f.message_vi = std::move(vi);
  f.message_en = std::move(en);
  f.numbers = std::move(numbers);
  emit(std::move(f));
}

// Findings grow with what the report means, not with its size: past the cap a rule's findings are
// only counted, and one summary finding (under the same rule id and severity, so filters by rule or
// severity still show it) says how many were left out.
void checker::emit(finding f) {
  tally& t = per_rule_[f.rule];
  if (o_.max_findings_per_rule == 0 || t.kept < o_.max_findings_per_rule) {
    ++t.kept;
    out_.push_back(std::move(f));
    return;
  }
  if (t.dropped == 0) {
    capped_order_.push_back(f.rule);
    t.first_dropped_path = f.where.path;
  }
  ++t.dropped;
  t.worst = std::max(t.worst, f.severity);
}

std::vector<finding> checker::finish() {
  for (const std::string& rule : capped_order_) {
    const tally& t = per_rule_[rule];
    const std::string n = std::to_string(t.dropped);
    const std::string cap = std::to_string(o_.max_findings_per_rule);
    finding f;
    f.rule = rule;
    f.severity = t.worst;
    f.where.path = t.first_dropped_path;
    f.message_vi = "… và " + n + " phát hiện `" + rule + "` khác (mỗi quy tắc liệt kê tối đa " + cap +
                   " phát hiện; phát hiện bị bỏ qua đầu tiên ở " + t.first_dropped_path + ")";
    f.message_en = "… and " + n + " more `" + rule + "` findings (at most " + cap +
                   " are listed per rule, validate_options::max_findings_per_rule; the first one left "
                   "out is at " + t.first_dropped_path + ")";
    f.numbers = {{"omitted", n}, {"listed", std::to_string(t.kept)}, {"cap", cap}};
    out_.push_back(std::move(f));
  }
  capped_order_.clear();
  return std::move(out_);
}

namespace {

// validate() never throws on bad figures. Every rule sums exactly, so nothing should escape; this
// guard turns anything a rule still could not compute into a finding instead of an exception.
template <class Section>
void guarded(checker& c, const char* section, Section check) {
  try {
    check(c);
  } catch (const cchc::error& e) {
    const std::string where = e.where().path.empty() ? std::string(section) : e.where().path;
    c.add("figure.overflow", severity::error, where,
          "không tính được số liệu của mục " + std::string(section) + ": " + e.detail(),
          "a figure of " + std::string(section) + " cannot be computed: " + e.detail(),
          {{"field", e.where().field}});
  }
}

}  // namespace

}  // namespace detail_validate

const std::vector<validation_rule>& validation_rules() { return detail_validate::rules; }

std::vector<finding> validate(const report& r, const validate_options& options) {
  using namespace detail_validate;
  checker c(r, options);
  for (const auto& w : r.load_warnings) c.emit(w);
  guarded(c, "$", check_documents);
  guarded(c, "$.direction", check_direction);
  guarded(c, "$.procedures", check_procedures);
  guarded(c, "$.one_stop", check_one_stop);
  guarded(c, "$.organisation", check_organisation);
  guarded(c, "$.civil_service", check_civil_service);
  guarded(c, "$.public_finance", check_public_finance);
  guarded(c, "$.egov", check_egov);
  guarded(c, "$.assessment", check_assessment);
  guarded(c, "$", check_sections);
  return c.finish();
}

}  // namespace cchc
