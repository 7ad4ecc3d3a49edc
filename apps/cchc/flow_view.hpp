// flow_view.hpp — the one-stop-shop flow table (Biểu 06) as an output table.
#pragma once

#include <string>
#include <vector>

#include "cchc/flow.hpp"
#include "output.hpp"

namespace cchc::cli {

/// Short header of a flow column, with its Biểu 06 column number where it has one: "(3) Tiếp nhận".
[[nodiscard]] std::string flow_column_label(flow_column c, const context& ctx);

/// A table with one row per key (plus a total row when `with_total`), and one column per flow column
/// present in at least one row. The first column is `key_column` (e.g. "level", "Cấp").
[[nodiscard]] table flow_output_table(const flow_table& flows, const column& key_column, bool with_total,
                                      const context& ctx);

/// A cell for an optional count: empty (null) when not published.
[[nodiscard]] cell optional_count_cell(const dossier_flow::count& n, const context& ctx);

}  // namespace cchc::cli
