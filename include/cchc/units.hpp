// cchc/units.hpp — administrative units as data: codes, names, levels and parents, each valid over
// an interval of dates.
//
// Vietnam's unit tree changes by law: until 30/6/2025 a province had districts and the districts had
// communes (three tiers); from 1/7/2025 the districts are gone and communes sit directly under the
// province (two tiers). So neither the levels nor the parent links are code: a units file lists every
// unit with the interval it exists in, and a question about the tree names its date.
//
//     code,name,level,parent,valid_from,valid_to
//     HP,TP Hải Phòng,province,,,
//     HP.KA,Huyện Kiến An,district,HP,,2025-06-30
//     HP.KA.01,Phường Bắc Sơn,commune,HP.KA,,2025-06-30
//     HP.BS,Phường Bắc Sơn,commune,HP,2025-07-01,
//
// Columns: `code` and `level` are required, `name`, `parent`, `valid_from`, `valid_to` optional (a
// header names them; order is free). Dates are read by the one civil-date parser (2025-07-01 or
// 01/07/2025); an empty valid_from means "since always", an empty valid_to "still valid"; both ends
// are inclusive days. A code may appear on several rows when its intervals do not overlap (a unit
// re-parented or renamed on a date). The file is read by the shared CSV tokenizer.
//
// Refused with the file, line and column (in characters) of the cell: a missing or empty code or
// level, a date that is not a date, valid_to before valid_from, a second row for a code whose
// interval overlaps the first's, a parent code that no row defines, a parent that is not valid on
// every day its child is, a unit that is its own ancestor (a cycle: checked on the parent links of the
// whole file, whatever the dates), and an unknown column.
//
//     auto tree = cchc::units::load("units.csv");
//     auto* u = tree.find("HP.KA", date::sys_days{2024_y / 1 / 1});     // the district in 2024
//     auto kids = tree.children("HP", date::sys_days{2025_y / 7 / 1});  // the communes after the reform
//     auto parents = cchc::roll_up(table, tree, date::sys_days{...});   // cchc/roll_up.hpp
#pragma once

#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

namespace cchc {

/// One row of a units file: a unit over one interval of validity.
struct CCHC_EXPORT unit_info {
  std::string code;
  std::string name;
  std::string level;                       ///< "province", "district", "commune", … (data, not an enum)
  std::string parent;                      ///< the parent's code; empty for a root
  std::optional<date::sys_days> valid_from;  ///< first day (inclusive); empty: since always
  std::optional<date::sys_days> valid_to;    ///< last day (inclusive); empty: still valid
  long line = 0;                           ///< where the row is in its file

  /// Whether the unit exists on `day`.
  [[nodiscard]] bool valid_on(date::sys_days day) const noexcept {
    return (!valid_from || *valid_from <= day) && (!valid_to || day <= *valid_to);
  }
};

class CCHC_EXPORT units {
 public:
  units() = default;

  /// Reads a units file (io_error when it cannot be read; parse_error at file:line:column).
  [[nodiscard]] static units load(const std::string& path);
  /// Parses a units file's text; `origin` names it in errors.
  [[nodiscard]] static units parse(std::string_view text, const std::string& origin = "<units>");

  /// The row of `code` valid on `day`, or nullptr (unknown code, or not valid that day).
  [[nodiscard]] const unit_info* find(std::string_view code, date::sys_days day) const&;
  const unit_info* find(std::string_view code, date::sys_days day) const&& = delete;  // would dangle
  /// The units whose parent is `code` on `day`, in file order.
  [[nodiscard]] std::vector<const unit_info*> children(std::string_view code, date::sys_days day) const;
  /// Every unit valid on `day`, in file order.
  [[nodiscard]] std::vector<const unit_info*> on(date::sys_days day) const;
  /// Every row, in file order.
  [[nodiscard]] const std::vector<unit_info>& rows() const& noexcept { return rows_; }
  const std::vector<unit_info>& rows() const&& = delete;  // a reference into a temporary would dangle
  /// The file's name as given to load/parse (for messages).
  [[nodiscard]] const std::string& origin() const& noexcept { return origin_; }
  const std::string& origin() const&& = delete;  // a reference into a temporary would dangle

 private:
  std::vector<unit_info> rows_;
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_code_;    // row indices, file order
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_parent_;  // row indices, file order
  std::string origin_;
  friend class units_builder;
};

}  // namespace cchc
