// Parts against their whole and parts bounded by their whole. Sums are exact (cchc::decimal): the
// parts of a report's 64-bit counts may add up past 2^63 - 1, and the finding then quotes that sum.
#include <string>

#include "validate/checker.hpp"

namespace cchc::detail_validate {

void checker::sum_counts(count whole, const std::vector<std::int64_t>& parts, bool all_parts_known,
                         const std::string& path, const std::string& what_vi, const std::string& what_en) {
  if (!whole || parts.empty() || !all_parts_known) return;
  const decimal s = exact_sum(parts, [](std::int64_t p) { return p; });
  if (s == decimal(*whole)) return;
  std::string list;
  for (auto p : parts) list += (list.empty() ? "" : " + ") + num(p);
  add("sum.parts", severity::error, path,
      what_vi + ": tổng các thành phần " + list + " = " + num(s) + " khác tổng số " + num(*whole),
      what_en + ": the parts " + list + " = " + num(s) + " differ from the stated whole " + num(*whole),
      {{"whole", num(*whole)}, {"sum_of_parts", num(s)}, {"difference", num(decimal(*whole) - s)}});
}

void checker::sum_labelled(count whole, const std::vector<labelled_count>& parts, const std::string& path,
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

void checker::sum_levels(count whole, const std::vector<level_count>& parts, const std::string& path,
                         const std::string& what_vi, const std::string& what_en) {
  std::vector<std::int64_t> v;
  v.reserve(parts.size());
  for (const auto& p : parts) v.push_back(p.count);
  sum_counts(whole, v, true, path, what_vi, what_en);
}

void checker::sum_amounts(const std::optional<amount_breakdown>& b, const std::string& path,
                          const std::string& what_vi, const std::string& what_en) {
  if (!b || b->parts.empty()) return;
  decimal s;
  std::string list;
  for (const auto& p : b->parts) {
    s += p.amount;
    list += (list.empty() ? "" : " + ") + p.amount.to_string();
  }
  if (s == b->total) return;
  add("sum.parts", severity::error, path,
      what_vi + ": " + list + " = " + s.to_string() + " khác tổng " + b->total.to_string(),
      what_en + ": the parts " + list + " = " + s.to_string() + " differ from the stated total " +
          b->total.to_string(),
      {{"whole", b->total.to_string()}, {"sum_of_parts", s.to_string()},
       {"difference", (b->total - s).to_string()}});
}

void checker::bound(count part, count whole, const std::string& path, const std::string& what_vi,
                    const std::string& what_en) {
  if (!part || !whole || *part <= *whole) return;
  add("bound.part_le_whole", severity::error, path, what_vi + ": " + num(*part) + " lớn hơn tổng số " + num(*whole),
      what_en + ": " + num(*part) + " exceeds its total " + num(*whole),
      {{"part", num(*part)}, {"whole", num(*whole)}});
}

}  // namespace cchc::detail_validate
