// Private: what the rule files of validate() share — the finding sink (with its per-rule cap), the
// exact sums, the percentage and bound checks every report section uses, and the JSON paths.
//
// validate() is split by report section (validate_<section>.cpp), each file one concept; the driver,
// the rule catalogue and the sink are validate.cpp. Every count is summed exactly (cchc::decimal:
// a report's counts are 64-bit, their sums need not be), so a rule never overflows and its findings
// quote the exact sums; a figure a rule still cannot compute is a `figure.overflow` finding (the
// driver's guard), never an exception.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cchc/decimal.hpp"
#include "cchc/finding.hpp"
#include "cchc/flow.hpp"
#include "cchc/rate.hpp"
#include "cchc/report.hpp"
#include "cchc/validate.hpp"
#include "report/report_fields.hpp"

namespace cchc::detail_validate {

using count = std::optional<std::int64_t>;
using numbers_t = std::vector<std::pair<std::string, std::string>>;
using detail_report::json_path;

/// The root of every path: "$".
inline json_path<report> root() { return {}; }

inline std::string num(std::int64_t v) { return std::to_string(v); }
inline std::string num(const decimal& v) { return v.to_string(); }
std::string date_text(const date::year_month_day& d);
std::string modes_text(const std::vector<rounding>& modes);

/// The exact sum of counts (never overflows: a decimal grows past 64 bits when it must).
template <class Range, class Get>
decimal exact_sum(const Range& items, Get get) {
  decimal s;
  for (const auto& x : items) s += decimal(get(x));
  return s;
}

/// One on-time convention's rate for a row, named for findings.
struct basis {
  std::string name;  // convention name, or "" for a plain ratio
  rate r;
};

class checker {
 public:
  checker(const report& r, const validate_options& o) : r_(r), o_(o) {}

  [[nodiscard]] const report& rep() const noexcept { return r_; }
  [[nodiscard]] const validate_options& options() const noexcept { return o_; }

  /// Appends a finding (dropped when it is an info and confirmations are off, counted and dropped
  /// past the per-rule cap).
  void add(std::string rule, severity s, const std::string& path, std::string vi, std::string en,
           numbers_t numbers = {});
  void emit(finding f);
  /// The findings, with one summary finding per capped rule appended.
  [[nodiscard]] std::vector<finding> finish();

  // ── shared checks (validate_percent.cpp) ──
  /// The printed text of a percentage against its stored value, and the 0-100 % range.
  void percent_text(const std::optional<reported_percent>& p, const std::string& path);
  /// A printed percentage recomputed from its numerator and denominator under every rounding (and,
  /// for flow rows, every on-time convention in `bases`).
  void percent_recompute(const std::optional<reported_percent>& p, const std::string& path,
                         const std::vector<basis>& bases, const std::string& what_vi,
                         const std::string& what_en);
  /// num / den as a plain basis; none when either is absent or the denominator is negative.
  static std::vector<basis> ratio(count num, count den);
  /// The on-time conventions (dossier_flow::on_time_rate) the row's published columns allow.
  static std::vector<basis> flow_bases(const dossier_flow& f);

  // ── shared checks (validate_sums.cpp) ──
  void sum_counts(count whole, const std::vector<std::int64_t>& parts, bool all_parts_known,
                  const std::string& path, const std::string& what_vi, const std::string& what_en);
  void sum_labelled(count whole, const std::vector<labelled_count>& parts, const std::string& path,
                    const std::string& what_vi, const std::string& what_en);
  void sum_levels(count whole, const std::vector<level_count>& parts, const std::string& path,
                  const std::string& what_vi, const std::string& what_en);
  void sum_amounts(const std::optional<amount_breakdown>& b, const std::string& path,
                   const std::string& what_vi, const std::string& what_en);
  void bound(count part, count whole, const std::string& path, const std::string& what_vi,
             const std::string& what_en);

 private:
  const report& r_;
  const validate_options& o_;
  std::vector<finding> out_;
  struct tally {
    std::size_t kept = 0;
    std::size_t dropped = 0;
    severity worst = severity::info;
    std::string first_dropped_path;
  };
  std::unordered_map<std::string, tally> per_rule_;
  std::vector<std::string> capped_order_;  // rules in the order they first hit the cap
};

// The report sections, in file order; each appends its findings (validate_<section>.cpp).
void check_documents(checker& c);       // dates, citations, document numbering
void check_direction(checker& c);       // I. plan, inspection, propaganda
void check_procedures(checker& c);      // II.2 reduction targets, internal review, feedback
void check_one_stop(checker& c);        // II.2 one-stop shops: the flow table and its texts
void check_organisation(checker& c);    // II.3 headcount table, its total row and sentences
void check_civil_service(checker& c);   // II.4 personnel actions, standards
void check_public_finance(checker& c);  // II.5 autonomy units and amounts
void check_egov(checker& c);            // II.6 e-government figures
void check_assessment(checker& c);      // III claims of the assessment against the flow table
void check_sections(checker& c);        // sections the report leaves empty (validate_sections.cpp)

}  // namespace cchc::detail_validate
