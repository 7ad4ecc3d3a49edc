// output.hpp — what a command prints, independent of the output format.
//
// A command builds a `document`: a few scalar facts (`meta`, e.g. the due date) and tables. Each cell
// has two faces: `text`, for people (localized: "14.083", "99,15 %", "30/04/2024" with --lang vi), and
// `value`, for programs (JSON: integers as numbers, exact decimals as strings "99.15", ISO dates).
// table and markdown print the text; json and csv print the values under stable English keys, so
// scripts do not depend on --lang.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli.hpp"

namespace cchc::cli {

struct cell {
  std::string text;
  nlohmann::json value;
};

struct column {
  std::string key;      ///< stable English key (json/csv)
  std::string label;    ///< localized header (table/markdown)
  bool right = false;   ///< right-align (numbers)
};

struct table {
  std::string key;       ///< stable key of the table in json output
  std::string title;     ///< localized title (table/markdown); may be empty
  std::vector<column> columns;
  std::vector<std::vector<cell>> rows;
  std::vector<std::string> notes;  ///< localized lines printed under the table (table/markdown)
  /// table format only: print each row as a list item (the first two columns on one line, the
  /// others indented below) — for rows with long texts such as findings.
  bool list_layout = false;
};

/// A scalar fact printed as "label: text" (table/markdown) and "key": value (json).
struct fact {
  std::string key;
  std::string label;
  cell content;
};

struct document {
  std::string title;            ///< localized heading (table/markdown)
  std::vector<fact> facts;
  std::vector<table> tables;
  nlohmann::json extra_json = nlohmann::json::object();  ///< merged into the json output only
  /// When set, the json output is exactly this (for documents whose natural JSON is not tabular).
  std::optional<nlohmann::json> json;
  /// When set, the csv output shows these tables instead of `tables` (e.g. one flat table).
  std::optional<std::vector<table>> csv_tables;
};

/// nlohmann::json::dump that never throws: invalid UTF-8 in a string becomes U+FFFD (use it for every
/// dump in the CLI; a plain dump() throws type_error.316 on text from a file).
[[nodiscard]] std::string dump_json(const nlohmann::json& j, int indent = -1);

/// Writes the document in ctx.format to out.
void render(const document& doc, const context& ctx, std::ostream& out);

/// The facts of a document as a one-row table (for csv output of fact-only results such as `due`).
[[nodiscard]] table facts_table(const document& doc, std::string key);

/// Display width of UTF-8 text in a terminal: code points, not counting combining marks.
[[nodiscard]] std::size_t display_width(const std::string& utf8);

/// A cell for a count: text grouped by the language's style ("14.083" / "14,083"), value an integer.
[[nodiscard]] cell count_cell(long long n, const context& ctx);
/// A cell for text (same for people and programs).
[[nodiscard]] cell text_cell(std::string s);
/// An empty cell (value null), e.g. a figure that was not published.
[[nodiscard]] cell empty_cell(std::string text = "");

/// Groups the digits of an integer: 14083 → "14.083" (vi) or "14,083" (en).
[[nodiscard]] std::string group_digits(long long n, language lang);

/// Quotes a CSV field per RFC 4180 when needed.
[[nodiscard]] std::string csv_field(const std::string& s);

}  // namespace cchc::cli
