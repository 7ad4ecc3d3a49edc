// Dates and citations: dates that do not exist, the period's order, citations whose fields disagree
// with their printed text, documents dated outside the period, and one issuer's numbering.
#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "cchc/document_ref.hpp"
#include "validate/checker.hpp"

namespace cchc::detail_validate {

namespace {

void dates(checker& c, const std::vector<cited_document>& cited) {
  const report& r = c.rep();
  auto check_date = [&](const std::optional<date::year_month_day>& d, const std::string& path) {
    if (d && !d->ok())
      c.add("date.nonexistent", severity::error, path, "ngày " + date_text(*d) + " không tồn tại",
            "the date " + date_text(*d) + " does not exist", {{"date", date_text(*d)}});
  };
  if (r.period) {
    const auto period = root() / &report::period;
    check_date(r.period->from, period / &reporting_period::from);
    check_date(r.period->to, period / &reporting_period::to);
    if (r.period->from.ok() && r.period->to.ok() && r.period->to < r.period->from)
      c.add("period.order", severity::error, period,
            "kỳ báo cáo kết thúc (" + date_text(r.period->to) + ") trước khi bắt đầu (" +
                date_text(r.period->from) + ")",
            "the period ends (" + date_text(r.period->to) + ") before it starts (" +
                date_text(r.period->from) + ")");
  }
  if (r.header) check_date(r.header->date, root() / &report::header / &report_header::date);
  for (const auto& d : cited) check_date(d.ref->date, d.path + ".date");
}

void citations(checker& c, const std::vector<cited_document>& cited) {
  for (const auto& cd : cited) {
    const document_ref& d = *cd.ref;
    std::string why;
    auto parsed = try_parse_document_ref(d.text, &why);
    if (!parsed) {
      c.add("document.text_unparseable", severity::warning, cd.path + ".text",
            "không đọc được trích dẫn \"" + d.text + "\": " + why,
            "cannot read the citation \"" + d.text + "\": " + why);
      continue;
    }
    std::vector<std::string> diff;
    if (parsed->type != d.type) diff.push_back("type");
    if (parsed->number != d.number) diff.push_back("number");
    if (parsed->symbol_year != d.symbol_year) diff.push_back("symbol_year");
    if (parsed->issuer_code != d.issuer_code) diff.push_back("issuer_code");
    if (parsed->issuer_unit != d.issuer_unit) diff.push_back("issuer_unit");
    if (parsed->date != d.date) diff.push_back("date");
    if (!diff.empty()) {
      std::string fields;
      for (const auto& f : diff) fields += (fields.empty() ? "" : ", ") + f;
      c.add("document.text_mismatch", severity::error, cd.path,
            "các trường " + fields + " khác với trích dẫn \"" + d.text + "\"",
            "the fields " + fields + " disagree with the printed citation \"" + d.text + "\"",
            {{"text", d.text}, {"symbol", d.symbol()}});
    }
  }
}

void document_dates(checker& c, const std::vector<cited_document>& cited) {
  const report& r = c.rep();
  if (!r.period || !r.period->from.ok() || !r.period->to.ok()) return;
  const auto from = r.period->from;
  auto limit = r.period->to;
  if (r.header && r.header->date && r.header->date->ok() && *r.header->date > limit) limit = *r.header->date;
  // Documents that record this period's own work (the year's plans, the inspection team, the
  // feedback report, the rotation plan) must be dated inside the period.
  const auto direction = root() / &report::direction;
  const auto inspection = direction / &direction_section::inspection;
  const std::string own[] = {
      direction / &direction_section::plan / &plan_summary::document,
      inspection / &inspection_summary::plan,
      inspection / &inspection_summary::team_decision,
      direction / &direction_section::propaganda / &propaganda_summary::plan,
      root() / &report::procedures / &procedures_section::feedback / &feedback_summary::report,
      root() / &report::civil_service / &civil_service_section::rotation / &rotation_summary::plan};
  for (const auto& cd : cited) {
    if (!cd.ref->date || !cd.ref->date->ok()) continue;
    const auto d = *cd.ref->date;
    const bool is_own = std::find(std::begin(own), std::end(own), cd.path) != std::end(own);
    if (is_own && (d < from || d > r.period->to)) {
      c.add("document.outside_period", severity::warning, cd.path,
            cd.ref->symbol() + " ngày " + date_text(d) + " nằm ngoài kỳ báo cáo " + date_text(from) +
                " - " + date_text(r.period->to),
            cd.ref->symbol() + " dated " + date_text(d) + " is outside the reporting period " +
                date_text(from) + " - " + date_text(r.period->to),
            {{"date", date_text(d)}, {"from", date_text(from)}, {"to", date_text(r.period->to)}});
    } else if (d > limit) {
      c.add("document.after_period", severity::warning, cd.path,
            cd.ref->symbol() + " ngày " + date_text(d) + " sau ngày kết thúc kỳ báo cáo " + date_text(limit),
            cd.ref->symbol() + " is dated " + date_text(d) + ", after the period's end " + date_text(limit),
            {{"date", date_text(d)}, {"limit", date_text(limit)}});
    }
  }
}

// One issuer's register numbers its documents of one type consecutively through the year (Decree
// 30/2020/NĐ-CP Art. 15), so in number order their dates never fall. The documents of a register
// are sorted by (number, date) and each is compared with its successor only: the sequence is in
// order exactly when every neighbouring pair is (an inversion anywhere implies one between
// neighbours), so a register is checked in O(n log n) and each document out of order is reported
// once, against the next number — not once per pair, which for 1 000 citations in falling date
// order was half a million findings.
void document_order(checker& c, const std::vector<cited_document>& cited) {
  const report& r = c.rep();
  struct item {
    std::int64_t number;
    date::year_month_day date;
    const cited_document* doc;
  };
  // Group by issuing body, type, issuer code and year. Official letters share one register per
  // body whatever the drafting unit (UBND-VP and UBND-NC), so the unit is not part of the key.
  std::map<std::tuple<std::string, int, std::string, int>, std::vector<item>> groups;
  for (const auto& cd : cited) {
    const document_ref& d = *cd.ref;
    if (!d.date || !d.date->ok()) continue;
    auto n = d.number_value();
    if (!n) continue;
    const int year = static_cast<int>(d.date->year());
    if (d.symbol_year && *d.symbol_year != year) continue;
    const std::string& body = d.issuer.empty() ? r.unit.issuer : d.issuer;
    groups[{body, static_cast<int>(d.type), d.issuer_code, year}].push_back({*n, *d.date, &cd});
  }
  for (auto& entry : groups) {
    auto& g = entry.second;
    // Stable: of several citations of one document (same number and date) the first is kept.
    std::stable_sort(g.begin(), g.end(), [](const item& a, const item& b) {
      return std::tie(a.number, a.date) < std::tie(b.number, b.date);
    });
    g.erase(std::unique(g.begin(), g.end(),
                        [](const item& a, const item& b) { return a.number == b.number && a.date == b.date; }),
            g.end());
    for (std::size_t i = 0; i + 1 < g.size(); ++i) {
      const item& a = g[i];
      const item& b = g[i + 1];
      // One number cited with two dates is a citation problem, not an order problem.
      if (a.number == b.number || !(a.date > b.date)) continue;
      const document_ref& ra = *a.doc->ref;
      const document_ref& rb = *b.doc->ref;
      c.add("document.order", severity::warning, a.doc->path,
            ra.symbol() + " ngày " + date_text(a.date) + " có số nhỏ hơn nhưng ngày muộn hơn " + rb.symbol() +
                " ngày " + date_text(b.date) + " (" + b.doc->path +
                "): số văn bản cùng cơ quan, cùng loại, cùng năm phải tăng theo ngày",
            ra.symbol() + " of " + date_text(a.date) + " has a smaller number but a later date than " +
                rb.symbol() + " of " + date_text(b.date) + " (" + b.doc->path +
                "), the next number of that register: one issuer's numbers of one type and year run in "
                "date order",
            {{"number_a", ra.number}, {"date_a", date_text(a.date)}, {"number_b", rb.number},
             {"date_b", date_text(b.date)}});
    }
  }
}

}  // namespace

void check_documents(checker& c) {
  const std::vector<cited_document> cited = cited_documents(c.rep());
  dates(c, cited);
  citations(c, cited);
  document_dates(c, cited);
  document_order(c, cited);
}

}  // namespace cchc::detail_validate
