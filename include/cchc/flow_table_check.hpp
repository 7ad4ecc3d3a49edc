// cchc/flow_table_check.hpp — checking a published flow table (Biểu 06) without a full report.
//
// Articles, bulletins and portals print flow tables: one row per unit (a district, a commune, a
// department) with some of the Biểu 06/VPCP/KSTT columns and a printed on-time rate. Such a table
// often does not add up (resolved + pending ≠ received; early + on time + late ≠ resolved), its rate
// follows one of several conventions, and one article may round communes by truncation and districts
// half-up. This checker takes such a table and says, exactly:
//   * per row, the identity gaps — dossier_flow::check (flow.hpp), the one home of the identities;
//   * per printed figure, which (basis, scale, rounding) reproduce it: an on-time rate under every
//     on_time_convention, the other printed shares under their one definition in flow.hpp; at the
//     printed number of decimals and at the larger scales up to max_scale whose trailing zeros a
//     table drops ("78 %" for 78,0); none is a finding (flow_table.not_reproduced);
//   * per table and printed column, whether its rows need different roundings: every row is
//     reproduced by some mode but no one mode reproduces them all (flow_table.mixed_rounding, with
//     the modes per row).
//
// The table. A CSV file read by the one tokenizer (separator detected or given, BOM, quotes), with a
// header row: a label column `unit` or `row`, any subset of the flow columns named as flow.hpp names
// them (parse_flow_column: received, received_online, …, resolved_in_time, …, fell_due), and the
// printed shares `on_time_rate`, `online_share`, `late_share`. An empty cell is absent, never 0.
// Counts are read by the shared number reader in Vietnamese style ("14.083" and "14083" are both
// 14083; counts_style changes it); percentages by parse_percent_text in the default reading
// ("97,55%", "97.55", "78 %"; percent_style fixes a style). Errors are cchc::parse_error with file,
// line, column (characters) and the column's name:
//     flows.csv:3:12: received: expected a count, found "abc"
// Rows built in memory (a DataFrame in Python) take the same path from text cells (parse_flow_row).
//
//     auto table = cchc::load_flow_table("flows.csv");
//     auto result = cchc::check_flow_table(table);
//     for (const auto& f : result.figures)       // district 97,55: resolved_basis at scale 2, …
//       ...;
//     result.findings;                           // identities, not reproduced, mixed roundings
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cchc/decimal.hpp"
#include "cchc/detail/number_style.hpp"
#include "cchc/finding.hpp"
#include "cchc/flow.hpp"
#include "cchc/rounding.hpp"

namespace cchc {

/// The printed shares a table may carry, each in a column of this name.
enum class printed_share : std::uint8_t {
  on_time_rate,  ///< the printed on-time rate, tried under every on_time_convention
  online_share,  ///< dossier_flow::online_share(): received_online / received in the period
  late_share,    ///< dossier_flow::late_share(): resolved_late / resolved
};

inline constexpr std::array<printed_share, 3> all_printed_shares{
    printed_share::on_time_rate, printed_share::online_share, printed_share::late_share};

/// "on_time_rate", "online_share", "late_share".
[[nodiscard]] CCHC_EXPORT std::string_view to_string(printed_share s) noexcept;
/// Inverse of to_string; throws lookup_error listing the names.
[[nodiscard]] CCHC_EXPORT printed_share parse_printed_share(std::string_view name);

/// A printed percentage: its value in percent units at its printed scale, and the text as printed.
struct CCHC_EXPORT printed_percent {
  decimal value;
  std::string text;
};

/// One row of a published table.
struct CCHC_EXPORT published_flow_row {
  std::string label;   ///< the `unit` or `row` cell
  dossier_flow flow;   ///< the published counts (absent columns absent)
  std::array<std::optional<printed_percent>, all_printed_shares.size()> printed;  ///< by printed_share
  long line = 0;       ///< where the row starts in its file (0 for rows built in memory)

  [[nodiscard]] const std::optional<printed_percent>& get(printed_share s) const& noexcept {
    return printed[static_cast<std::size_t>(s)];
  }
  const std::optional<printed_percent>& get(printed_share s) const&& = delete;  // would dangle
  void set(printed_share s, std::optional<printed_percent> p) { printed[static_cast<std::size_t>(s)] = std::move(p); }
};

struct CCHC_EXPORT published_flow_table {
  std::string origin;                    ///< the file name (or what the caller named the rows)
  std::string label_column = "unit";     ///< "unit" or "row"
  std::vector<flow_column> columns;      ///< flow columns in the header, in file order
  std::vector<printed_share> shares;     ///< printed share columns in the header, in file order
  std::vector<published_flow_row> rows;  ///< in file order
};

struct CCHC_EXPORT flow_table_options {
  /// How counts are written: vi reads "14.083" and "14083" alike; plain refuses the group separator.
  number_style counts_style = number_style::vi;
  /// How percentages are written; std::nullopt = the default reading ("97,55", "97.55", "78 %").
  std::optional<number_style> percent_style;
  char separator = 0;  ///< ',', ';' or '\t'; 0 = detect from the header
  /// Largest scale tried for a printed figure (figures printed with fewer decimals are also tried at
  /// the scales up to this one, as tables drop trailing zeros); at least the printed scale.
  int max_scale = 2;
};

/// Reads a table from a CSV file (io_error when it cannot be opened; parse_error on bad content).
[[nodiscard]] CCHC_EXPORT published_flow_table load_flow_table(const std::string& path,
                                                              const flow_table_options& options = {});
/// Reads a table from CSV text; `origin` names it in messages.
[[nodiscard]] CCHC_EXPORT published_flow_table parse_flow_table(std::string_view text,
                                                               const std::string& origin = "<flows>",
                                                               const flow_table_options& options = {});

/// One row from text cells (column name → cell text; an empty cell is absent), as a CSV row is read:
/// the names are flow columns, printed shares or the label (`unit`/`row`). `where` locates the row
/// in errors (its field is set to the column at fault). Throws parse_error (bad cell), lookup_error
/// (unknown column name, listing the known ones) or argument_error (a column given twice).
[[nodiscard]] CCHC_EXPORT published_flow_row parse_flow_row(
    const std::vector<std::pair<std::string, std::string>>& cells, const location& where = {},
    const flow_table_options& options = {});

/// A basis, a scale and a rounding mode that reproduce a printed figure. `basis` is the convention's
/// name (to_string(on_time_convention)) for on-time rates, the share's name otherwise.
struct CCHC_EXPORT share_match {
  std::string basis;
  int scale = 0;
  rounding mode = rounding::half_away_from_zero;
  friend bool operator==(const share_match& a, const share_match& b) noexcept {
    return a.basis == b.basis && a.scale == b.scale && a.mode == b.mode;
  }
  friend bool operator!=(const share_match& a, const share_match& b) noexcept { return !(a == b); }
};

/// The reproduction of one printed figure.
struct CCHC_EXPORT figure_check {
  std::size_t row = 0;       ///< index into the table's rows
  printed_share share = printed_share::on_time_rate;
  printed_percent printed;
  /// The bases the row's columns allow, each with its exact rate ("13676/14019"), in basis order.
  std::vector<std::pair<std::string, rate>> bases;
  /// Every (basis, scale, mode) that gives the printed figure: bases in order, then scales from the
  /// printed one up, then all_roundings. Empty = not reproduced.
  std::vector<share_match> matches;
  /// The distinct modes in matches, in all_roundings order.
  [[nodiscard]] std::vector<rounding> modes() const;
};

struct CCHC_EXPORT flow_table_result {
  /// Identity gaps per row (dossier_flow::check; where.path = "row <label>", where.line = the row's
  /// line), flow_table.not_reproduced and flow_table.not_computable per figure,
  /// flow_table.mixed_rounding per printed column. Row order, then table-level findings.
  std::vector<finding> findings;
  std::vector<figure_check> figures;  ///< one per printed cell, row order then column order
};

/// Checks a table. Never throws on figures (findings instead).
///
/// Rules (ids are stable), besides dossier_flow::check's flow.* rules:
///  - flow_table.not_reproduced (error): no basis, scale and rounding gives the printed figure.
///  - flow_table.not_computable (warning): a figure is printed but no basis can be computed from the
///    row's columns (or every basis has a zero denominator), so it cannot be checked.
///  - flow_table.mixed_rounding (warning): in one printed column, every reproduced row is reproduced
///    by some rounding mode but no mode reproduces them all (at least two rows); numbers give each
///    row's modes.
[[nodiscard]] CCHC_EXPORT flow_table_result check_flow_table(const published_flow_table& table,
                                                            const flow_table_options& options = {});

}  // namespace cchc
