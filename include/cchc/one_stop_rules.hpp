// cchc/one_stop_rules.hpp — the one-stop-shop (một cửa) rules as versioned data.
//
// The national one-stop-shop mechanism changed on 1/7/2025: Decrees 61/2018/NĐ-CP and 107/2021/NĐ-CP
// were replaced by Decree 118/2025/NĐ-CP (docs/sources.md §1). A rule set has an identity
// (`vn.one_stop.2018`, `vn.one_stop.2025`), the documents behind it and an effective period, and it
// fixes what cchc's deadline rules take as parameters:
//
//   * the office hours used by working hours and half days (`receipt_rule::hours`);
//   * whether a dossier received on a day off counts as received on the next working day;
//   * whether more than one supplement request counts as late (Decision 766's rule);
//   * the default receipt cut-off (none nationally: it is a per-procedure attribute, set by sector
//     law — cchc/procedure_catalogue.hpp).
//
// Every parameter carries its source and a `confirmed` flag. Where the 2025 decree was not read for
// a parameter, the 2025 rules keep the 2018 value with `confirmed: false` and a note saying it is not
// confirmed to differ — a difference is never invented. cchc's deadline kernel implements "a day off
// moves the receipt to the next working day" and "more than one request is late" and nothing else, so
// a rules file giving the other value is refused (parse_error) rather than silently ignored.
//
// Rules are chosen by the reporting period unless the user picks a set: `rules_for(period)` is the
// built-in set in force on the period's last day (its cut-off, when the report is made).
//
//     const auto& r = cchc::rules_for(cchc::period::annual(2023));   // vn.one_stop.2018
//     cchc::receipt_rule rule = r.receipt();                         // office hours, no cut-off
//     auto mine = cchc::load_one_stop_rules("province-rules.json");  // parse_error at file:line:column
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "cchc/deadline.hpp"
#include "cchc/period.hpp"
#include "cchc/procedure_catalogue.hpp"  // fact_source

namespace cchc {

/// A document behind a rule set.
struct CCHC_EXPORT rules_document {
  std::string document;                  ///< "Decree 61/2018/NĐ-CP"
  std::optional<date::sys_days> issued;  ///< date of signature, when known
  std::optional<date::sys_days> effective;  ///< in force from, when known
  std::string note;
};

/// One versioned set of one-stop-shop rules.
struct CCHC_EXPORT one_stop_rules {
  std::string id;        ///< "vn.one_stop.2018"
  std::string title_vi;
  std::string title_en;
  std::vector<rules_document> documents;
  date::sys_days effective_from{};              ///< first day in force
  std::optional<date::sys_days> effective_to;   ///< last day in force (empty: still in force)

  office_hours hours;
  fact_source hours_source;
  bool day_off_receipt_moves_to_next_working_day = true;
  fact_source day_off_source;
  bool more_than_one_supplement_request_is_late = true;
  fact_source supplement_source;
  std::optional<std::chrono::minutes> default_receipt_cutoff;  ///< none nationally
  fact_source cutoff_source;
  std::string note;

  /// The receipt rule these rules produce (office hours, default cut-off).
  [[nodiscard]] receipt_rule receipt() const;
  /// True when `day` lies in [effective_from, effective_to].
  [[nodiscard]] bool in_force_on(date::sys_days day) const noexcept {
    return effective_from <= day && (!effective_to || day <= *effective_to);
  }
};

/// Parses a rules file's text (format "cchc.one_stop_rules", docs/procedures.md).
[[nodiscard]] CCHC_EXPORT one_stop_rules parse_one_stop_rules(std::string_view text,
                                                              const std::string& origin = "<one-stop rules>");
/// Reads and parses a file (io_error when it cannot be read).
[[nodiscard]] CCHC_EXPORT one_stop_rules load_one_stop_rules(const std::string& path);

/// The ids of the built-in rule sets, sorted ("vn.one_stop.2018", "vn.one_stop.2025").
[[nodiscard]] CCHC_EXPORT std::vector<std::string> builtin_one_stop_rules();
/// A built-in rule set by id (lookup_error listing the ids when unknown).
[[nodiscard]] CCHC_EXPORT const one_stop_rules& builtin_one_stop_rules(std::string_view id);
/// A built-in rule set's file text.
[[nodiscard]] CCHC_EXPORT std::string_view builtin_one_stop_rules_text(std::string_view id);
/// The built-in rule set in force on `day` (range_error when none is: before 21/6/2018).
[[nodiscard]] CCHC_EXPORT const one_stop_rules& rules_in_force(date::sys_days day);
/// The built-in rule set in force on the period's last day.
[[nodiscard]] CCHC_EXPORT const one_stop_rules& rules_for(const period& p);

}  // namespace cchc
