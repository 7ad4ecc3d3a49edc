// cchc/figures_table.hpp — figures tables: one row per unit, one column per figure (CSV files).
//
// The input of indicators and scorecards when the figures come from elsewhere (a portal export, a
// province's spreadsheet): a header row with a `unit` column (the unit's code), optional `name` and
// `parent` columns, and one column per figure name; then one row per unit. An empty cell is an
// absent figure, never 0.
//
//     unit,name,parent,totalOnTime,totalReceived,DOSSIER_SYNC.ratio
//     PT,Tỉnh Phú Thọ,,13676,14019,98.5
//     VT,TP Việt Trì,PT,1203,1250,
//
// Cells are exact decimals read by the shared number reader (`style`: plain by default, so "1250.5";
// vi reads "1.250,5"); "118/119" is a rate kept as numerator and denominator. A percent sign is
// refused (write the number: figures named *.ratio are already in percent). The CSV is read by the
// shared tokenizer (separator detected or given, BOM, quotes, bounded memory). Errors name the file,
// line, column (in characters), the figure's column name and the unit.
#pragma once

#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <string>
#include <string_view>
#include <vector>

#include "cchc/detail/number_style.hpp"
#include "cchc/figures.hpp"

namespace cchc {

struct CCHC_EXPORT unit_figures {
  std::string unit;     ///< the unit's code (the `unit` column)
  std::string name;     ///< its name (the `name` column, may be empty)
  std::string parent;   ///< its parent's code (the `parent` column, may be empty)
  cchc::figures figures;
  long line = 0;        ///< where its row starts
};

struct CCHC_EXPORT figures_table {
  std::vector<std::string> names;   ///< the figure columns, in file order
  std::vector<unit_figures> units;  ///< in file order
};

struct CCHC_EXPORT figures_table_options {
  number_style style = number_style::plain;
  char separator = 0;  ///< ',', ';' or '\t'; 0 = detect from the header
};

[[nodiscard]] CCHC_EXPORT figures_table load_figures_table(const std::string& path, const figures_table_options& options = {});
[[nodiscard]] CCHC_EXPORT figures_table parse_figures_table(std::string_view text, const std::string& origin = "<figures>",
                                                const figures_table_options& options = {});

}  // namespace cchc
