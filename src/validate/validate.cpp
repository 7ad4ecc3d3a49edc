// The rules of validate.hpp. Each rule is a function over the report that appends findings; the
// catalogue (ids, severities, tolerances, sources) is validation_rules() below and docs/validation.md.
#include "cchc/validate.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

#include "cchc/number_format.hpp"
#include "cchc/rate.hpp"
#include "cchc/rounding.hpp"

namespace cchc {

namespace {

using count = std::optional<std::int64_t>;
using numbers_t = std::vector<std::pair<std::string, std::string>>;

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
    {"percent.text_value", severity::error, "a percentage's printed text and stored value differ",
     "giá trị tỷ lệ khác với văn bản in", "exact, same scale", "docs/report-format.md"},
    {"percent.range", severity::error, "a percentage outside 0-100 %",
     "tỷ lệ ngoài khoảng 0-100%", "exact", "definition of a share"},
    {"percent.reproduced", severity::info,
     "a printed percentage reproduced by its numerator and denominator (half_away_from_zero)",
     "tỷ lệ in khớp với tử số/mẫu số", "printed scale; the 7 rounding modes",
     "METHODOLOGY.md §8"},
    {"percent.rounding", severity::warning,
     "a printed percentage reproduced only by a rounding other than half_away_from_zero",
     "tỷ lệ in chỉ khớp khi làm tròn kiểu khác (cắt bỏ…)", "printed scale; the 7 rounding modes",
     "METHODOLOGY.md §8 (official guidance: 2 decimals, conventional rounding)"},
    {"percent.mismatch", severity::error,
     "a printed percentage no rounding of its numerator and denominator gives",
     "tỷ lệ in không khớp với tử số/mẫu số", "printed scale; the 7 rounding modes",
     "METHODOLOGY.md §8, §9"},
    {"percent.undefined", severity::warning, "a percentage printed for a zero denominator",
     "tỷ lệ in với mẫu số bằng 0", "-", "METHODOLOGY.md §8 (0 denominator shows 0 or N/A)"},
    {"sum.parts", severity::error, "parts that do not add up to their whole",
     "tổng các thành phần khác tổng số", "exact (0)", "arithmetic"},
    {"bound.part_le_whole", severity::error,
     "a completed/met/handled count larger than its total (completion above 100 %)",
     "số hoàn thành lớn hơn tổng số (trên 100%)", "exact (0)", "definition of completion"},
    {"headcount.present_gt_assigned", severity::error, "more staff present than assigned",
     "số có mặt vượt số được giao", "exact (0)", "METHODOLOGY.md §7"},
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
    {"claim.on_time_above", severity::info,
     "a claimed lower bound of the on-time rate (\"trên 97%\") checked against the table",
     "kiểm tra khẳng định \"tỷ lệ đúng hạn trên …%\"", "exact comparison of the exact rates",
     "Biểu 06; METHODOLOGY.md §2"},
};

std::string num(std::int64_t v) { return std::to_string(v); }

std::string modes_text(const std::vector<rounding>& modes) {
  std::string s;
  for (auto m : modes) s += (s.empty() ? "" : ", ") + std::string(to_string(m));
  return s;
}

std::string date_text(const date::year_month_day& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", static_cast<unsigned>(d.day()),
                static_cast<unsigned>(d.month()), static_cast<int>(d.year()));
  return buf;
}

class checker {
 public:
  checker(const report& r, const validate_options& o) : r_(r), o_(o) {}
  std::vector<finding> out;

  void add(std::string rule, severity s, const std::string& path, std::string vi, std::string en,
           numbers_t numbers = {}) {
    if (s == severity::info && !o_.confirmations) return;
    finding f;
    f.rule = std::move(rule);
    f.severity = s;
    f.where.path = path;
    f.message_vi = std::move(vi);
    f.message_en = std::move(en);
    f.numbers = std::move(numbers);
    out.push_back(std::move(f));
  }

  // ── dates and citations ──
  void dates() {
    auto check_date = [&](const std::optional<date::year_month_day>& d, const std::string& path) {
      if (d && !d->ok())
        add("date.nonexistent", severity::error, path,
            "ngày " + date_text(*d) + " không tồn tại",
            "the date " + date_text(*d) + " does not exist", {{"date", date_text(*d)}});
    };
    if (r_.period) {
      check_date(r_.period->from, "$.period.from");
      check_date(r_.period->to, "$.period.to");
      if (r_.period->from.ok() && r_.period->to.ok() && r_.period->to < r_.period->from)
        add("period.order", severity::error, "$.period",
            "kỳ báo cáo kết thúc (" + date_text(r_.period->to) + ") trước khi bắt đầu (" +
                date_text(r_.period->from) + ")",
            "the period ends (" + date_text(r_.period->to) + ") before it starts (" +
                date_text(r_.period->from) + ")");
    }
    if (r_.header) check_date(r_.header->date, "$.header.date");
    for (const auto& c : cited_documents(r_)) check_date(c.ref->date, c.path + ".date");
  }

  void citations() {
    for (const auto& c : cited_documents(r_)) {
      const document_ref& d = *c.ref;
      std::string why;
      auto parsed = try_parse_document_ref(d.text, &why);
      if (!parsed) {
        add("document.text_unparseable", severity::warning, c.path + ".text",
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
        add("document.text_mismatch", severity::error, c.path,
            "các trường " + fields + " khác với trích dẫn \"" + d.text + "\"",
            "the fields " + fields + " disagree with the printed citation \"" + d.text + "\"",
            {{"text", d.text}, {"symbol", d.symbol()}});
      }
    }
  }

  void document_dates() {
    if (!r_.period || !r_.period->from.ok() || !r_.period->to.ok()) return;
    const auto from = r_.period->from;
    auto limit = r_.period->to;
    if (r_.header && r_.header->date && r_.header->date->ok() && *r_.header->date > limit)
      limit = *r_.header->date;
    // Documents that record this period's own work (the year's plans, the inspection team, the
    // feedback report, the rotation plan) must be dated inside the period.
    const char* own[] = {"$.direction.plan.document", "$.direction.inspection.plan",
                         "$.direction.inspection.team_decision", "$.direction.propaganda.plan",
                         "$.procedures.feedback.report", "$.civil_service.rotation.plan"};
    for (const auto& c : cited_documents(r_)) {
      if (!c.ref->date || !c.ref->date->ok()) continue;
      const auto d = *c.ref->date;
      bool is_own = std::find(std::begin(own), std::end(own), c.path) != std::end(own);
      if (is_own && (d < from || d > r_.period->to)) {
        add("document.outside_period", severity::warning, c.path,
            c.ref->symbol() + " ngày " + date_text(d) + " nằm ngoài kỳ báo cáo " + date_text(from) +
                " - " + date_text(r_.period->to),
            c.ref->symbol() + " dated " + date_text(d) + " is outside the reporting period " +
                date_text(from) + " - " + date_text(r_.period->to),
            {{"date", date_text(d)}, {"from", date_text(from)}, {"to", date_text(r_.period->to)}});
      } else if (d > limit) {
        add("document.after_period", severity::warning, c.path,
            c.ref->symbol() + " ngày " + date_text(d) + " sau ngày kết thúc kỳ báo cáo " +
                date_text(limit),
            c.ref->symbol() + " is dated " + date_text(d) + ", after the period's end " +
                date_text(limit),
            {{"date", date_text(d)}, {"limit", date_text(limit)}});
      }
    }
  }

  void document_order() {
    // Group by issuing body, type, issuer code and year. Official letters share one register per
    // body whatever the drafting unit (UBND-VP and UBND-NC), so the unit is not part of the key.
    struct item {
      std::string path;
      const document_ref* ref;
      std::int64_t number;
    };
    std::map<std::tuple<std::string, int, std::string, int>, std::vector<item>> groups;
    for (const auto& c : cited_documents(r_)) {
      const document_ref& d = *c.ref;
      if (!d.date || !d.date->ok()) continue;
      auto n = d.number_value();
      if (!n) continue;
      int year = static_cast<int>(d.date->year());
      if (d.symbol_year && *d.symbol_year != year) continue;
      std::string body = d.issuer.empty() ? r_.unit.issuer : d.issuer;
      auto& g = groups[{body, static_cast<int>(d.type), d.issuer_code, year}];
      bool same = false;
      for (const auto& e : g)
        if (e.number == *n && e.ref->date == d.date) same = true;  // the same document cited again
      if (!same) g.push_back({c.path, &d, *n});
    }
    for (const auto& [key, g] : groups) {
      for (std::size_t i = 0; i < g.size(); ++i) {
        for (std::size_t j = 0; j < g.size(); ++j) {
          const auto& a = g[i];
          const auto& b = g[j];
          if (!(a.number < b.number && *a.ref->date > *b.ref->date)) continue;
          add("document.order", severity::warning, a.path,
              a.ref->symbol() + " ngày " + date_text(*a.ref->date) + " có số nhỏ hơn nhưng ngày muộn hơn " +
                  b.ref->symbol() + " ngày " + date_text(*b.ref->date) + " (" + b.path +
                  "): số văn bản cùng cơ quan, cùng loại, cùng năm phải tăng theo ngày",
              a.ref->symbol() + " of " + date_text(*a.ref->date) + " has a smaller number but a later "
                  "date than " + b.ref->symbol() + " of " + date_text(*b.ref->date) + " (" + b.path +
                  "): one issuer's numbers of one type and year run in date order",
              {{"number_a", a.ref->number}, {"date_a", date_text(*a.ref->date)},
               {"number_b", b.ref->number}, {"date_b", date_text(*b.ref->date)}});
        }
      }
    }
  }

  // ── percentages ──
  void percent_text(const std::optional<reported_percent>& p, const std::string& path) {
    if (!p) return;
    std::string t = p->text;
    while (!t.empty() && t.back() == ' ') t.pop_back();
    if (!t.empty() && t.back() == '%') t.pop_back();
    while (!t.empty() && t.back() == ' ') t.pop_back();
    std::string why;
    auto v = decimal::try_parse(t, number_style::vi, &why);
    if (!v || *v != p->value || v->scale() != p->value.scale()) {
      add("percent.text_value", severity::error, path,
          "giá trị " + p->value.to_string() + " khác với văn bản in \"" + p->text + "\"",
          "the value " + p->value.to_string() + " differs from the printed text \"" + p->text + "\"" +
              (v ? " (which reads " + v->to_string() + ")" : " (unreadable: " + why + ")"),
          {{"text", p->text}, {"value", p->value.to_string()}});
    }
    if (p->value.signum() < 0 || p->value > decimal(100))
      add("percent.range", severity::error, path,
          "tỷ lệ " + p->text + " nằm ngoài 0-100%", "the percentage " + p->text + " is outside 0-100 %",
          {{"value", p->value.to_string()}});
  }

  struct basis {
    std::string name;  // convention name, or "" for a plain ratio
    rate r;
  };

  void percent_recompute(const std::optional<reported_percent>& p, const std::string& path,
                         const std::vector<basis>& bases, const std::string& what_vi,
                         const std::string& what_en) {
    if (!p || bases.empty()) return;
    const int scale = p->value.scale();
    std::string reproduced_hafz, reproduced_other;
    numbers_t numbers{{"reported", p->value.to_string()}};
    bool any_defined = false;
    for (const auto& b : bases) {
      std::string prefix = b.name.empty() ? "" : b.name + ".";
      numbers.emplace_back(prefix + "numerator", b.r.numerator().to_string());
      numbers.emplace_back(prefix + "denominator", b.r.denominator().to_string());
      if (!b.r.defined()) continue;
      any_defined = true;
      numbers.emplace_back(prefix + "recomputed_half_away_from_zero",
                           b.r.percent(scale, rounding::half_away_from_zero)->to_string());
      auto modes = b.r.matches(p->value);
      if (modes.empty()) continue;
      std::string label = (b.name.empty() ? "" : b.name + " with ") + modes_text(modes);
      bool hafz = std::find(modes.begin(), modes.end(), rounding::half_away_from_zero) != modes.end();
      (hafz ? reproduced_hafz : reproduced_other) +=
          ((hafz ? reproduced_hafz : reproduced_other).empty() ? "" : "; ") + label;
      numbers.emplace_back(prefix + "reproduced_by", modes_text(modes));
    }
    const basis& first = bases.front();
    std::string ratio = first.r.numerator().to_string() + "/" + first.r.denominator().to_string();
    if (!any_defined) {
      add("percent.undefined", severity::warning, path,
          what_vi + ": in " + p->text + " cho mẫu số 0", what_en + ": " + p->text +
          " is printed for a zero denominator", numbers);
      return;
    }
    std::string scale_text = std::to_string(scale);
    if (!reproduced_hafz.empty()) {
      add("percent.reproduced", severity::info, path,
          what_vi + ": " + p->text + " khớp với " + ratio + " (làm tròn " + scale_text +
              " chữ số thập phân: " + reproduced_hafz +
              (reproduced_other.empty() ? "" : "; " + reproduced_other) + ")",
          what_en + ": " + p->text + " is reproduced from " + ratio + " at scale " + scale_text +
              " by " + reproduced_hafz + (reproduced_other.empty() ? "" : "; " + reproduced_other),
          numbers);
    } else if (!reproduced_other.empty()) {
      auto conventional = first.r.percent(scale, rounding::half_away_from_zero)->to_string();
      add("percent.rounding", severity::warning, path,
          what_vi + ": " + p->text + " cho " + ratio + " chỉ khớp khi làm tròn kiểu " +
              reproduced_other + "; làm tròn thông thường (half_away_from_zero) cho " + conventional,
          what_en + ": " + p->text + " for " + ratio + " is reproduced only by " + reproduced_other +
              " at scale " + scale_text + "; half_away_from_zero gives " + conventional,
          numbers);
    } else {
      auto conventional = first.r.percent(scale, rounding::half_away_from_zero)->to_string();
      add("percent.mismatch", severity::error, path,
          what_vi + ": in " + p->text + " cho " + ratio + ", tính lại được " + conventional +
              "% (không cách làm tròn nào ở " + scale_text + " chữ số thập phân cho " +
              p->value.to_string() + ")",
          what_en + ": " + p->text + " is printed for " + ratio + ", which is " + conventional +
              "% (no rounding at scale " + scale_text + " gives " + p->value.to_string() + ")",
          numbers);
    }
  }

  static std::vector<basis> ratio(count num, count den) {
    if (!num || !den) return {};
    return {{"", rate(decimal(*num), decimal(*den))}};
  }

  void percentages() {
    const auto& d = r_.direction;
    if (d.plan) {
      percent_text(d.plan->completion, "$.direction.plan.completion");
      percent_recompute(d.plan->completion, "$.direction.plan.completion",
                        ratio(d.plan->tasks_completed, d.plan->tasks), "Mức độ hoàn thành kế hoạch CCHC",
                        "PAR plan completion");
    }
    if (d.inspection) {
      percent_text(d.inspection->completion, "$.direction.inspection.completion");
      percent_recompute(d.inspection->completion, "$.direction.inspection.completion",
                        ratio(d.inspection->units_inspected, d.inspection->units_planned),
                        "Kiểm tra CCHC", "PAR inspection coverage");
    }
    if (d.propaganda) {
      percent_text(d.propaganda->completion, "$.direction.propaganda.completion");
      percent_recompute(d.propaganda->completion, "$.direction.propaganda.completion",
                        ratio(d.propaganda->contents_done, d.propaganda->contents_planned),
                        "Kế hoạch tuyên truyền", "propaganda plan");
    }
    for (std::size_t i = 0; i < r_.procedures.reduction_targets.size(); ++i)
      percent_text(r_.procedures.reduction_targets[i].percent,
                   "$.procedures.reduction_targets[" + std::to_string(i) + "].percent");
    if (const auto& ir = r_.procedures.internal_review) {
      percent_text(ir->rate, "$.procedures.internal_review.rate");
      percent_recompute(ir->rate, "$.procedures.internal_review.rate", ratio(ir->reviewed, ir->total),
                        "TTHC nội bộ đã rà soát", "internal procedures reviewed");
    }
    percent_text(r_.one_stop.communes_with_decision, "$.one_stop.communes_with_decision");
    for (std::size_t i = 0; i < r_.one_stop.flows.size(); ++i) {
      const auto& row = r_.one_stop.flows[i];
      std::string path = "$.one_stop.flows[" + std::to_string(i) + "].on_time_rate";
      percent_text(row.on_time_rate, path);
      percent_recompute(row.on_time_rate, path, flow_bases(row.flow),
                        "Tỷ lệ giải quyết trước hạn, đúng hạn (" + row.name_vi + ")",
                        "on-time rate (" + row.name_vi + ")");
    }
    const auto& cs = r_.civil_service;
    if (cs.commune_cadres_standard) {
      percent_text(cs.commune_cadres_standard->rate, "$.civil_service.commune_cadres_standard.rate");
      percent_recompute(cs.commune_cadres_standard->rate, "$.civil_service.commune_cadres_standard.rate",
                        ratio(cs.commune_cadres_standard->meeting, cs.commune_cadres_standard->total),
                        "Cán bộ cấp xã đạt chuẩn", "commune cadres meeting the standard");
    }
    if (cs.commune_civil_servants_standard) {
      const auto& s = *cs.commune_civil_servants_standard;
      percent_text(s.rate, "$.civil_service.commune_civil_servants_standard.rate");
      percent_recompute(s.rate, "$.civil_service.commune_civil_servants_standard.rate",
                        ratio(s.meeting, s.total), "Công chức cấp xã đạt chuẩn",
                        "commune civil servants meeting the standard");
    }
    const auto& e = r_.egov;
    percent_text(e.documents_processed_online, "$.egov.documents_processed_online");
    percent_text(e.leaders_with_digital_certificates, "$.egov.leaders_with_digital_certificates");
    percent_text(e.staff_with_official_email, "$.egov.staff_with_official_email");
    percent_text(e.leaders_with_pki_sim, "$.egov.leaders_with_pki_sim");
    percent_text(r_.assessment.catalogue_public, "$.assessment.catalogue_public");
    percent_text(r_.assessment.on_time_above, "$.assessment.on_time_above");
  }

 public:
  // The on-time conventions of METHODOLOGY.md §2 that the row's published columns allow.
  static std::vector<basis> flow_bases(const dossier_flow& f) {
    std::vector<basis> out;
    for (on_time_convention c : all_on_time_conventions)
      if (auto r = f.on_time_rate(c)) out.push_back({std::string(to_string(c)), *r});
    return out;
  }

 private:
  // ── sums and bounds ──
  void sum_counts(count whole, const std::vector<std::int64_t>& parts, bool all_parts_known,
                  const std::string& path, const std::string& what_vi, const std::string& what_en) {
    if (!whole || parts.empty() || !all_parts_known) return;
    std::int64_t s = 0;
    std::string list;
    for (auto p : parts) {
      s += p;
      list += (list.empty() ? "" : " + ") + num(p);
    }
    if (s != *whole)
      add("sum.parts", severity::error, path,
          what_vi + ": tổng các thành phần " + list + " = " + num(s) + " khác tổng số " + num(*whole),
          what_en + ": the parts " + list + " = " + num(s) + " differ from the stated whole " +
              num(*whole),
          {{"whole", num(*whole)}, {"sum_of_parts", num(s)}, {"difference", num(*whole - s)}});
  }

  void sum_labelled(count whole, const std::vector<labelled_count>& parts, const std::string& path,
                    const std::string& what_vi, const std::string& what_en) {
    std::vector<std::int64_t> v;
    bool all = true;
    for (const auto& p : parts) {
      if (p.count)
        v.push_back(*p.count);
      else
        all = false;
    }
    sum_counts(whole, v, all, path, what_vi, what_en);
  }

  void sum_levels(count whole, const std::vector<level_count>& parts, const std::string& path,
                  const std::string& what_vi, const std::string& what_en) {
    std::vector<std::int64_t> v;
    for (const auto& p : parts) v.push_back(p.count);
    sum_counts(whole, v, true, path, what_vi, what_en);
  }

  void sum_amounts(const std::optional<amount_breakdown>& b, const std::string& path,
                   const std::string& what_vi, const std::string& what_en) {
    if (!b || b->parts.empty()) return;
    decimal s;
    std::string list;
    for (const auto& p : b->parts) {
      s += p.amount;
      list += (list.empty() ? "" : " + ") + p.amount.to_string();
    }
    if (s != b->total)
      add("sum.parts", severity::error, path,
          what_vi + ": " + list + " = " + s.to_string() + " khác tổng " + b->total.to_string(),
          what_en + ": the parts " + list + " = " + s.to_string() + " differ from the stated total " +
              b->total.to_string(),
          {{"whole", b->total.to_string()}, {"sum_of_parts", s.to_string()},
           {"difference", (b->total - s).to_string()}});
  }

  void bound(count part, count whole, const std::string& path, const std::string& what_vi,
             const std::string& what_en) {
    if (!part || !whole || *part <= *whole) return;
    add("bound.part_le_whole", severity::error, path,
        what_vi + ": " + num(*part) + " lớn hơn tổng số " + num(*whole),
        what_en + ": " + num(*part) + " exceeds its total " + num(*whole),
        {{"part", num(*part)}, {"whole", num(*whole)}});
  }

  void sums_and_bounds() {
    const auto& d = r_.direction;
    if (d.plan)
      bound(d.plan->tasks_completed, d.plan->tasks, "$.direction.plan.tasks_completed",
            "Phần việc hoàn thành", "tasks completed");
    if (d.inspection) {
      const auto& i = *d.inspection;
      sum_labelled(i.units_planned, i.units_planned_parts, "$.direction.inspection.units_planned_parts",
                   "Đơn vị được kiểm tra theo kế hoạch", "units planned for inspection");
      bound(i.units_inspected, i.units_planned, "$.direction.inspection.units_inspected",
            "Đơn vị đã kiểm tra", "units inspected");
      bound(i.shortcomings_remedied, i.shortcomings_found, "$.direction.inspection.shortcomings_remedied",
            "Hạn chế đã khắc phục", "shortcomings remedied");
    }
    if (d.propaganda)
      bound(d.propaganda->contents_done, d.propaganda->contents_planned,
            "$.direction.propaganda.contents_done", "Nội dung tuyên truyền đã thực hiện",
            "propaganda contents done");
    if (const auto& ir = r_.procedures.internal_review) {
      sum_levels(ir->reviewed, ir->parts, "$.procedures.internal_review.parts",
                 "TTHC nội bộ đã rà soát theo cấp", "internal procedures reviewed by level");
      bound(ir->reviewed, ir->total, "$.procedures.internal_review.reviewed", "TTHC nội bộ đã rà soát",
            "internal procedures reviewed");
    }
    if (const auto& fb = r_.procedures.feedback)
      bound(fb->handled, fb->received, "$.procedures.feedback.handled", "Phản ánh, kiến nghị đã xử lý",
            "feedback handled");
    const auto& os = r_.one_stop;
    bound(os.communes_compliant, os.communes_total, "$.one_stop.communes_compliant",
          "Xã có Bộ phận một cửa đạt yêu cầu", "communes with a compliant one-stop shop");
    if (os.late)
      sum_levels(os.late->total, os.late->parts, "$.one_stop.late.parts", "Hồ sơ trễ hạn theo cấp",
                 "late dossiers by level");
    const auto& cs = r_.civil_service;
    auto labelled_sums = [&](const std::vector<labelled_count>& v, const std::string& base) {
      for (std::size_t i = 0; i < v.size(); ++i)
        if (!v[i].parts.empty())
          sum_labelled(v[i].count, v[i].parts, base + "[" + std::to_string(i) + "].parts",
                       v[i].label_vi, v[i].label_vi);
    };
    labelled_sums(d.propaganda ? d.propaganda->channels : std::vector<labelled_count>{},
                  "$.direction.propaganda.channels");
    labelled_sums(cs.personnel_actions, "$.civil_service.personnel_actions");
    labelled_sums(cs.rewards, "$.civil_service.rewards");
    labelled_sums(cs.training, "$.civil_service.training");
    if (cs.commune_cadres_standard)
      bound(cs.commune_cadres_standard->meeting, cs.commune_cadres_standard->total,
            "$.civil_service.commune_cadres_standard.meeting", "Cán bộ cấp xã đạt chuẩn",
            "commune cadres meeting the standard");
    if (cs.commune_civil_servants_standard)
      bound(cs.commune_civil_servants_standard->meeting, cs.commune_civil_servants_standard->total,
            "$.civil_service.commune_civil_servants_standard.meeting", "Công chức cấp xã đạt chuẩn",
            "commune civil servants meeting the standard");
    const auto& pf = r_.public_finance;
    if (pf.admin_autonomy) {
      sum_labelled(pf.admin_autonomy->units, pf.admin_autonomy->units_parts,
                   "$.public_finance.admin_autonomy.units_parts", "Cơ quan, đơn vị thực hiện tự chủ",
                   "units under the administrative autonomy regime");
      sum_amounts(pf.admin_autonomy->budget, "$.public_finance.admin_autonomy.budget",
                  "Kinh phí quản lý hành chính được giao", "administrative budget");
    }
    if (pf.service_unit_autonomy) {
      sum_labelled(pf.service_unit_autonomy->units, pf.service_unit_autonomy->units_parts,
                   "$.public_finance.service_unit_autonomy.units_parts", "Đơn vị sự nghiệp công lập",
                   "public service units");
      sum_amounts(pf.service_unit_autonomy->revenue_autonomous,
                  "$.public_finance.service_unit_autonomy.revenue_autonomous", "Nguồn thu giao tự chủ",
                  "revenue under autonomy");
      sum_amounts(pf.service_unit_autonomy->revenue_non_autonomous,
                  "$.public_finance.service_unit_autonomy.revenue_non_autonomous",
                  "Nguồn thu không giao tự chủ", "revenue outside autonomy");
    }
    bound(r_.egov.reporting_system_units, r_.egov.reporting_system_units_total,
          "$.egov.reporting_system_units", "Đơn vị nhập báo cáo trên hệ thống",
          "units reporting on the government reporting system");
  }

  // ── flow table ──
  void flows() {
    const auto& os = r_.one_stop;
    for (std::size_t i = 0; i < os.flows.size(); ++i) {
      const auto& row = os.flows[i];
      std::string path = "$.one_stop.flows[" + std::to_string(i) + "]";
      for (auto& f : row.flow.check(path)) out.push_back(std::move(f));
      if (row.flow.received_online && row.flow.received && *row.flow.received_online > *row.flow.received)
        add("flow.received_online_bound", severity::error, path + ".received_online",
            "hồ sơ trực tuyến " + num(*row.flow.received_online) + " lớn hơn hồ sơ tiếp nhận " +
                num(*row.flow.received),
            "received online " + num(*row.flow.received_online) + " exceeds received " +
                num(*row.flow.received),
            {{"received_online", num(*row.flow.received_online)}, {"received", num(*row.flow.received)}});
    }
    // Late dossiers of the text against the table (resolved late + pending overdue).
    if (os.late && !os.flows.empty()) {
      auto late_of = [](const dossier_flow& f) -> count {
        if (!f.resolved_late) return std::nullopt;
        return *f.resolved_late + f.pending_overdue.value_or(0);
      };
      std::int64_t table_total = 0;
      bool all = true;
      for (const auto& row : os.flows) {
        if (auto l = late_of(row.flow))
          table_total += *l;
        else
          all = false;
      }
      if (all && os.late->total && *os.late->total != table_total)
        add("text_table.late", severity::error, "$.one_stop.late.total",
            "văn bản nêu " + num(*os.late->total) + " hồ sơ trễ hạn, bảng có " + num(table_total),
            "the text states " + num(*os.late->total) + " late dossiers, the table has " +
                num(table_total) + " (resolved late + pending overdue)",
            {{"text", num(*os.late->total)}, {"table", num(table_total)}});
      for (std::size_t k = 0; k < os.late->parts.size(); ++k) {
        const auto& part = os.late->parts[k];
        std::int64_t t = 0;
        int rows = 0;
        bool known = true;
        for (const auto& row : os.flows) {
          if (row.level != part.level) continue;
          ++rows;
          if (auto l = late_of(row.flow))
            t += *l;
          else
            known = false;
        }
        if (rows == 0 || !known || t == part.count) continue;
        std::string lvl(to_string(part.level));
        add("text_table.late", severity::error, "$.one_stop.late.parts[" + std::to_string(k) + "]",
            "văn bản nêu " + num(part.count) + " hồ sơ trễ hạn cấp " + lvl + ", bảng có " + num(t),
            "the text states " + num(part.count) + " late dossiers at " + lvl + " level, the table has " +
                num(t),
            {{"text", num(part.count)}, {"table", num(t)}});
      }
    }
    // Online dossiers of the e-government section against the table row of the report's own level.
    if (r_.egov.online_dossiers) {
      for (std::size_t i = 0; i < os.flows.size(); ++i) {
        const auto& row = os.flows[i];
        if (row.level != r_.unit.level || !row.flow.received_online) continue;
        if (*row.flow.received_online != *r_.egov.online_dossiers)
          add("text_table.online_dossiers", severity::warning, "$.egov.online_dossiers",
              "mục chính quyền số nêu " + num(*r_.egov.online_dossiers) + " hồ sơ trực tuyến, bảng (" +
                  row.name_vi + ") có " + num(*row.flow.received_online),
              "the e-government section states " + num(*r_.egov.online_dossiers) +
                  " online dossiers, the table row " + row.name_vi + " has " +
                  num(*row.flow.received_online),
              {{"text", num(*r_.egov.online_dossiers)}, {"table", num(*row.flow.received_online)}});
      }
    }
  }

  // ── total rows ──
  void totals() {
    const auto& os = r_.one_stop;
    if (os.flow_total && !os.flows.empty()) {
      dossier_flow sum = os.flows.front().flow;
      for (std::size_t i = 1; i < os.flows.size(); ++i) sum = sum + os.flows[i].flow;
      for (flow_column c : all_flow_columns) {
        auto t = os.flow_total->flow.get(c);
        auto s = sum.get(c);
        if (!t || !s || *t == *s) continue;  // a column some row does not publish cannot be summed
        std::string col(to_string(c));
        add("table.total", severity::error, "$.one_stop.flow_total." + col,
            "dòng tổng cộng " + col + " = " + num(*t) + ", tổng các dòng = " + num(*s),
            "total row " + col + " = " + num(*t) + ", the rows sum to " + num(*s),
            {{"total_row", num(*t)}, {"sum_of_rows", num(*s)}});
      }
    }
    const auto& org = r_.organisation;
    if (org.headcount_total && !org.headcount.empty()) {
      using member = count headcount_counts::*;
      const std::pair<const char*, member> cols[] = {
          {"civil_servants", &headcount_counts::civil_servants},
          {"civil_servant_professional_contracts", &headcount_counts::civil_servant_professional_contracts},
          {"public_employees", &headcount_counts::public_employees},
          {"public_employee_professional_contracts", &headcount_counts::public_employee_professional_contracts},
          {"contracts_111", &headcount_counts::contracts_111}};
      for (const char* side : {"assigned", "present"}) {
        bool assigned = std::string(side) == "assigned";
        const headcount_counts& total = assigned ? org.headcount_total->assigned : org.headcount_total->present;
        for (const auto& [name, m] : cols) {
          auto t = total.*m;
          if (!t) continue;
          std::int64_t s = 0;  // an empty cell of the headcount table means none
          for (const auto& row : org.headcount) s += ((assigned ? row.assigned : row.present).*m).value_or(0);
          if (*t == s) continue;
          add("table.total", severity::error,
              std::string("$.organisation.headcount_total.") + side + "." + name,
              std::string("dòng tổng cộng (") + side + " " + name + ") = " + num(*t) + ", tổng các dòng = " +
                  num(s),
              std::string("total row (") + side + " " + name + ") = " + num(*t) + ", the rows sum to " + num(s),
              {{"total_row", num(*t)}, {"sum_of_rows", num(s)}});
        }
      }
    }
  }

  // ── headcount ──
  void headcount() {
    const auto& org = r_.organisation;
    struct cat {
      headcount_category c;
      count headcount_counts::*member;
      const char* name;
    };
    const cat cats[] = {
        {headcount_category::civil_servant, &headcount_counts::civil_servants, "civil_servants"},
        {headcount_category::public_employee, &headcount_counts::public_employees, "public_employees"},
        {headcount_category::contract_111, &headcount_counts::contracts_111, "contracts_111"}};
    for (std::size_t i = 0; i < org.headcount.size(); ++i) {
      const auto& row = org.headcount[i];
      for (const auto& c : cats) {
        auto a = row.assigned.*(c.member);
        auto p = row.present.*(c.member);
        if (a && p && *p > *a)
          add("headcount.present_gt_assigned", severity::error,
              "$.organisation.headcount[" + std::to_string(i) + "].present." + c.name,
              row.name_vi + ": có mặt " + num(*p) + " vượt số được giao " + num(*a),
              row.name_vi + ": " + num(*p) + " present exceeds " + num(*a) + " assigned (" + c.name + ")",
              {{"present", num(*p)}, {"assigned", num(*a)}});
      }
    }
    for (std::size_t i = 0; i < org.headcount_summary.size(); ++i) {
      const auto& l = org.headcount_summary[i];
      if (l.present && l.assigned && *l.present > *l.assigned)
        add("headcount.present_gt_assigned", severity::error,
            "$.organisation.headcount_summary[" + std::to_string(i) + "].present",
            l.scope_vi + ": có mặt " + num(*l.present) + " vượt số được giao " + num(*l.assigned),
            l.scope_vi + ": " + num(*l.present) + " present exceeds " + num(*l.assigned) + " assigned",
            {{"present", num(*l.present)}, {"assigned", num(*l.assigned)}});
    }
    if (org.headcount.empty() || org.headcount_summary.empty()) return;
    for (const auto& c : cats) {
      std::int64_t tp = 0, ta = 0, sp = 0, sa = 0;
      bool in_text = false;
      for (const auto& row : org.headcount) {
        tp += (row.present.*(c.member)).value_or(0);
        ta += (row.assigned.*(c.member)).value_or(0);
      }
      for (const auto& l : org.headcount_summary) {
        if (l.category != c.c) continue;
        in_text = true;
        sp += l.present.value_or(0);
        sa += l.assigned.value_or(0);
      }
      if (!in_text || (tp == sp && ta == sa)) continue;
      add("text_table.headcount", severity::error, "$.organisation.headcount_summary",
          std::string(to_string(c.c)) + ": văn bản " + num(sp) + "/" + num(sa) + ", bảng " + num(tp) +
              "/" + num(ta) + " (có mặt/được giao)",
          std::string(to_string(c.c)) + ": the text states " + num(sp) + "/" + num(sa) +
              ", the table sums to " + num(tp) + "/" + num(ta) + " (present/assigned)",
          {{"text_present", num(sp)}, {"text_assigned", num(sa)}, {"table_present", num(tp)},
           {"table_assigned", num(ta)}});
    }
  }

  // ── claims of the assessment ──
  void claims() {
    const auto& claim = r_.assessment.on_time_above;
    if (!claim || r_.one_stop.flows.empty()) return;
    std::vector<std::string> below;
    numbers_t numbers{{"claimed_above", claim->value.to_string()}};
    auto check_rate = [&](const std::string& name, const dossier_flow& f) {
      auto bases = flow_bases(f);
      if (bases.empty()) return;
      const rate& r = bases.front().r;  // resolved_basis whenever the row allows it
      if (!r.defined()) return;
      numbers.emplace_back(name + ".percent_truncated_4", r.percent(4, rounding::toward_zero)->to_string());
      // Exact comparison: numerator × 100 > X × denominator.
      if (!(r.numerator() * decimal(100) > claim->value * r.denominator())) below.push_back(name);
    };
    std::int64_t in_time_sum = 0, resolved_sum = 0;
    bool summable = true;
    for (const auto& row : r_.one_stop.flows) {
      check_rate(row.name_vi, row.flow);
      auto it = row.flow.in_time_total();
      auto rs = row.flow.resolved_total();
      if (!it || !rs) {
        summable = false;
        continue;
      }
      in_time_sum += *it;
      resolved_sum += *rs;
    }
    if (summable && r_.one_stop.flows.size() > 1) {
      dossier_flow total_flow;
      total_flow.resolved_in_time = in_time_sum;
      total_flow.resolved_late = resolved_sum - in_time_sum;
      check_rate("total", total_flow);
    }
    if (below.empty()) {
      add("claim.on_time_above", severity::info, "$.assessment.on_time_above",
          "khẳng định tỷ lệ đúng hạn trên " + claim->text + " đúng với mọi dòng của bảng và tổng (resolved_basis)",
          "the claim that the on-time rate is above " + claim->text +
              " holds for every row of the table and their total (resolved_basis)",
          numbers);
    } else {
      std::string list;
      for (const auto& b : below) list += (list.empty() ? "" : ", ") + b;
      add("claim.on_time_above", severity::error, "$.assessment.on_time_above",
          "khẳng định tỷ lệ đúng hạn trên " + claim->text + " sai với: " + list,
          "the claim that the on-time rate is above " + claim->text + " fails for: " + list, numbers);
    }
  }

 public:
  void run() {
    for (const auto& w : r_.load_warnings) out.push_back(w);
    dates();
    citations();
    document_dates();
    document_order();
    percentages();
    sums_and_bounds();
    flows();
    totals();
    headcount();
    claims();
  }

 private:
  const report& r_;
  const validate_options& o_;
};

}  // namespace

const std::vector<validation_rule>& validation_rules() { return rules; }

std::vector<finding> validate(const report& r, const validate_options& options) {
  checker c(r, options);
  c.run();
  return std::move(c.out);
}

}  // namespace cchc
