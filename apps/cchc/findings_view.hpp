// findings_view.hpp — how `check` (and any command that reports findings) shows cchc::finding lists.
#pragma once

#include <array>
#include <vector>

#include <nlohmann/json.hpp>

#include "cchc/finding.hpp"
#include "output.hpp"

namespace cchc::cli {

/// Counts per severity, indexed by the severity's value (info, warning, error).
[[nodiscard]] std::array<std::size_t, 3> count_by_severity(const std::vector<finding>& findings);

/// One table per severity that has findings, errors first; titles such as "Lỗi (2)" / "Errors (2)".
[[nodiscard]] std::vector<table> findings_tables(const std::vector<finding>& findings, const context& ctx);

/// One flat table (for csv): severity, rule, where, path, message_vi, message_en, numbers.
[[nodiscard]] table findings_flat_table(const std::vector<finding>& findings);

/// {"severity", "rule", "where": {...}, "message_vi", "message_en", "numbers": {...}}.
[[nodiscard]] nlohmann::json finding_json(const finding& f);

/// "stated=30; computed=38" — the finding's numbers as one line.
[[nodiscard]] std::string numbers_text(const finding& f);

}  // namespace cchc::cli
