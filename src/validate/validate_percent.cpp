// Printed percentages: the text against the stored value, the 0-100 % range, and the figure
// recomputed from its numerator and denominator under every rounding mode (and every on-time
// convention for a flow row).
#include <algorithm>
#include <string>

#include "cchc/number_format.hpp"
#include "cchc/rounding.hpp"
#include "validate/checker.hpp"

namespace cchc::detail_validate {

namespace {

// The one reader of printed percentages is core's (number_format.hpp). A report's text may omit the
// '%' — a table column headed "Tỷ lệ (%)" prints "97,55" — which parse_percent requires, so such a
// text is read as if the '%' followed it; anything else is the reader's to accept or refuse.
std::optional<decimal> read_percent_text(const std::string& text, std::string* why) {
  if (text.find('%') == std::string::npos) return try_parse_percent(text + "%", number_style::vi, why);
  return try_parse_percent(text, number_style::vi, why);
}

}  // namespace

void checker::percent_text(const std::optional<reported_percent>& p, const std::string& path) {
  if (!p) return;
  std::string why;
  const auto v = read_percent_text(p->text, &why);
  if (!v || *v != p->value || v->scale() != p->value.scale()) {
    add("percent.text_value", severity::error, path,
        "giá trị " + p->value.to_string() + " khác với văn bản in \"" + p->text + "\"",
        "the value " + p->value.to_string() + " differs from the printed text \"" + p->text + "\"" +
            (v ? " (which reads " + v->to_string() + ")" : " (unreadable: " + why + ")"),
        {{"text", p->text}, {"value", p->value.to_string()}});
  }
  if (p->value.signum() < 0 || p->value > decimal(100))
    add("percent.range", severity::error, path, "tỷ lệ " + p->text + " nằm ngoài 0-100%",
        "the percentage " + p->text + " is outside 0-100 %", {{"value", p->value.to_string()}});
}

void checker::percent_recompute(const std::optional<reported_percent>& p, const std::string& path,
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
    add("percent.undefined", severity::warning, path, what_vi + ": in " + p->text + " cho mẫu số 0",
        what_en + ": " + p->text + " is printed for a zero denominator", numbers);
    return;
  }
  std::string scale_text = std::to_string(scale);
  if (!reproduced_hafz.empty()) {
    add("percent.reproduced", severity::info, path,
        what_vi + ": " + p->text + " khớp với " + ratio + " (làm tròn " + scale_text +
            " chữ số thập phân: " + reproduced_hafz +
            (reproduced_other.empty() ? "" : "; " + reproduced_other) + ")",
        what_en + ": " + p->text + " is reproduced from " + ratio + " at scale " + scale_text + " by " +
            reproduced_hafz + (reproduced_other.empty() ? "" : "; " + reproduced_other),
        numbers);
  } else if (!reproduced_other.empty()) {
    auto conventional = first.r.percent(scale, rounding::half_away_from_zero)->to_string();
    add("percent.rounding", severity::warning, path,
        what_vi + ": " + p->text + " cho " + ratio + " chỉ khớp khi làm tròn kiểu " + reproduced_other +
            "; làm tròn thông thường (half_away_from_zero) cho " + conventional,
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

std::vector<basis> checker::ratio(count num, count den) {
  // A negative count is refused by the loader; built in code it is not a share to recompute.
  if (!num || !den || *den < 0) return {};
  return {{"", rate(decimal(*num), decimal(*den))}};
}

std::vector<basis> checker::flow_bases(const dossier_flow& f) {
  std::vector<basis> out;
  for (on_time_convention c : all_on_time_conventions)
    if (auto r = f.on_time_rate(c)) out.push_back({std::string(to_string(c)), *r});
  return out;
}

}  // namespace cchc::detail_validate
