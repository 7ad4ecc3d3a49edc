// flow_view.hpp — the one-stop-shop flow table (Biểu 06) as an output table.
#pragma once

#include <string>
#include <vector>

#include "cchc/decimal.hpp"
#include "cchc/flow.hpp"
#include "output.hpp"

namespace cchc::cli {

/// Short header of a flow column, with its Biểu 06 column number where it has one: "(3) Tiếp nhận".
[[nodiscard]] std::string flow_column_label(flow_column c, const context& ctx);

/// A table with one row per key (plus a total row when `with_total`), and one column per flow column
/// present in at least one row, then the on-time rate (resolved basis). The first column is
/// `key_column` (e.g. "level", "Cấp"). Unless `all_columns`, only the Biểu 06 columns (3)–(13) and
/// returned/withdrawn are shown; the extensions (early + on time combined, apologies, online
/// resolved, fell due) are left out. Rows come in key order, except levels: province, district,
/// commune, then any other.
[[nodiscard]] table flow_output_table(const flow_table& flows, const column& key_column, bool with_total,
                                      bool all_columns, const context& ctx);

/// (early + on time) / resolved in percent, 2 decimals, half away from zero (the seed's 97,55 %);
/// empty when nothing was resolved or a figure is missing.
[[nodiscard]] cell on_time_rate_cell(const dossier_flow& flow, const context& ctx);

/// A localized percent cell: text "97,55%" / "97.55%", value "97.55".
[[nodiscard]] cell percent_cell(const decimal& percent, const context& ctx);

/// A cell for an optional count: empty (null) when not published.
[[nodiscard]] cell optional_count_cell(const dossier_flow::count& n, const context& ctx);

}  // namespace cchc::cli
