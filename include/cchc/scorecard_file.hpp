// cchc/scorecard_file.hpp — scorecards as files (JSON, format "cchc.scorecard"), and the built-in ones.
//
// The format is documented in docs/scorecards.md; the shipped scorecards (data/scorecards/*.json:
// vn.766, the example district PAR card, Hải Phòng 212/2025) are in it too, embedded in the library
// at build time, so that a user's own file and a built-in one are read by the same code.
//
//     auto card = cchc::builtin_scorecard("vn.766");
//     auto mine = cchc::load_scorecard("my-province-2026.json");   // parse_error at file:line:column
//     auto table = card.score(units);
//
// Every mistake is a cchc::parse_error (or lookup_error for an unknown figure name when `known` is
// given) at the file, line, column (in characters) and JSON path of the offending node: syntax,
// duplicate keys, unknown keys (with the nearest known key), wrong types, numbers that are not exact
// decimals, and everything scorecard::build checks (maxima that do not add up, duplicate ids,
// unordered bands, a band worth more than its leaf, thresholds outside 0–100 %).
#pragma once

#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <string>
#include <string_view>
#include <vector>

#include "cchc/ranking.hpp"
#include "cchc/scorecard.hpp"

namespace cchc {

/// Parses a scorecard file's text; `origin` names it in errors.
[[nodiscard]] CCHC_EXPORT scorecard parse_scorecard(std::string_view text, const std::string& origin = "<scorecard>",
                                        const std::vector<std::string>* known_figures = nullptr);
/// Reads and parses a file (io_error when it cannot be read).
[[nodiscard]] CCHC_EXPORT scorecard load_scorecard(const std::string& path, const std::vector<std::string>* known_figures = nullptr);

/// Parses a bands file (format "cchc.bands", docs/scorecards.md): named bands over a ranked value,
/// highest bound first, each bound "90%" (= 0.90) or a plain number, with its side (at_or_above or
/// above). Unordered bounds, a repeated or empty band name and every format mistake are a
/// cchc::parse_error at file:line:column and JSON path.
[[nodiscard]] CCHC_EXPORT rank_bands parse_bands(std::string_view text, const std::string& origin = "<bands>");
/// Reads and parses a bands file (io_error when it cannot be read).
[[nodiscard]] CCHC_EXPORT rank_bands load_bands(const std::string& path);

/// The ids of the built-in scorecards ("vn.766", …), sorted.
[[nodiscard]] CCHC_EXPORT std::vector<std::string> builtin_scorecards();
/// A built-in scorecard by id (lookup_error listing the ids when unknown).
[[nodiscard]] CCHC_EXPORT scorecard builtin_scorecard(std::string_view id);
/// A built-in scorecard's file text (to copy and adapt).
[[nodiscard]] CCHC_EXPORT std::string_view builtin_scorecard_text(std::string_view id);

}  // namespace cchc
