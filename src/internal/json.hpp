// The one JSON reader: every JSON input (reports, schedules, and the scorecard and figure catalogues
// that come next) is parsed here, so that what a loader promises about JSON holds for all of them.
//
// What it guarantees, whatever the input:
//
//  * linear time and memory in the size of the text. Parsing is nlohmann's SAX parser (iterative,
//    no rescans); this file builds a small DOM from its events and keeps, for every value and every
//    object key, the byte offset where it starts in the text;
//  * every failure is a cchc::parse_error naming the origin (file), line, column and JSON path:
//    syntax errors, invalid UTF-8 (the message shows the bad bytes as \xNN, so it is itself valid
//    UTF-8), a duplicate key (at the second occurrence: nlohmann alone would keep the last value
//    silently), nesting deeper than `options::max_depth` (an error, not a stack overflow: nothing
//    here recurses on the input's depth), a number outside the range of a double (`1e400`). No
//    nlohmann exception escapes;
//  * numbers keep their text exactly as written (`"1340.50"` stays "1340.50"; 12345678901234567890
//    stays that integer): a number is never read through a double here, and `as_int64` converts
//    integer text exactly (an integer beyond int64 is reported by the caller as out of range, with
//    the value's position);
//  * line and column are 1-based, the column in characters (UTF-8 code points, as error.hpp
//    promises; internal::count_chars), lines end at '\n'. A UTF-8 byte order mark is skipped and not
//    counted.
//
// Positions are kept in the DOM (`value::offset`, `member::key_offset`) rather than in a side table:
// a reader that walks the DOM with its own path (`$.one_stop.flows[3].received`) turns the offset of
// the value it rejects into a location with `document::locate`, in O(log n) after one lazy linear pass
// over the text (checkpoints every 4 KiB), so even thousands of warnings stay linear.
//
//     const auto doc = internal::json::parse(text, "notice.json");
//     const internal::json::value& root = doc.root();
//     if (const auto* days = root.find("days"); days && !days->is_array())
//       throw parse_error("expected an array", doc.locate(days->offset(), "$.days"));
//
// The document refers to `text` (it does not copy it): keep the text alive while the document is used.
// Not thread-safe for concurrent `locate` calls on one document (the position table is built lazily).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "cchc/error.hpp"

namespace cchc::internal::json {

enum class kind : unsigned char { null, boolean, number, string, array, object };

/// nlohmann's names ("null", "boolean", "number", "string", "array", "object") for messages.
[[nodiscard]] std::string_view kind_name(kind k) noexcept;

struct member;

/// One JSON value with the byte offset (in the parsed text) of its first character.
class value {
 public:
  value() = default;
  value(const value&);
  value(value&&) noexcept;
  value& operator=(const value&);
  value& operator=(value&&) noexcept;
  ~value();

  [[nodiscard]] kind type() const noexcept { return kind_; }
  [[nodiscard]] std::string_view type_name() const noexcept { return kind_name(kind_); }
  [[nodiscard]] std::size_t offset() const noexcept { return offset_; }

  [[nodiscard]] bool is_null() const noexcept { return kind_ == kind::null; }
  [[nodiscard]] bool is_boolean() const noexcept { return kind_ == kind::boolean; }
  [[nodiscard]] bool is_number() const noexcept { return kind_ == kind::number; }
  [[nodiscard]] bool is_string() const noexcept { return kind_ == kind::string; }
  [[nodiscard]] bool is_array() const noexcept { return kind_ == kind::array; }
  [[nodiscard]] bool is_object() const noexcept { return kind_ == kind::object; }

  /// A number written as a JSON integer: optional '-', digits, no fraction and no exponent.
  [[nodiscard]] bool is_integer() const noexcept { return kind_ == kind::number && integer_; }
  /// The exact value of an integer that fits in int64; std::nullopt for anything else (not a number,
  /// a fraction or exponent, or an integer outside int64).
  [[nodiscard]] std::optional<std::int64_t> as_int64() const noexcept;
  /// A number whose text starts with '-'.
  [[nodiscard]] bool is_negative() const noexcept;

  /// Precondition is_boolean().
  [[nodiscard]] bool as_bool() const noexcept { return std::get<bool>(data_); }
  /// A string's unescaped UTF-8 text, or a number's text exactly as written. Precondition: string
  /// or number.
  [[nodiscard]] const std::string& text() const noexcept { return std::get<std::string>(data_); }
  /// An array's elements. Precondition is_array().
  [[nodiscard]] const std::vector<value>& items() const noexcept { return std::get<items_t>(data_); }
  /// An object's members in file order (keys are unique). Precondition is_object().
  [[nodiscard]] const std::vector<member>& members() const noexcept { return std::get<members_t>(data_); }
  /// The member named `key` of an object, or nullptr (also when this is not an object).
  [[nodiscard]] const member* find_member(std::string_view key) const noexcept;
  /// Its value, or nullptr.
  [[nodiscard]] const value* find(std::string_view key) const noexcept;

 private:
  friend class builder;
  using items_t = std::vector<value>;
  using members_t = std::vector<member>;
  kind kind_ = kind::null;
  bool integer_ = false;
  std::size_t offset_ = 0;
  std::variant<std::monostate, bool, std::string, items_t, members_t> data_;
};

struct member {
  std::string key;              ///< unescaped UTF-8
  std::size_t key_offset = 0;   ///< byte offset of the key's opening quote
  json::value value;
};

struct options {
  /// Deeper nesting of arrays and objects is refused (the root container is level 1).
  std::size_t max_depth = 32;
  /// Appended to the depth message, e.g. "expected a cchc.report (at most 6 levels)".
  std::string depth_hint;
};

/// A parsed text: the root value plus what is needed to turn offsets into locations.
class document {
 public:
  [[nodiscard]] const value& root() const noexcept { return root_; }
  /// The text the offsets refer to (the input without its byte order mark).
  [[nodiscard]] std::string_view text() const noexcept { return text_; }
  [[nodiscard]] const std::string& origin() const noexcept { return origin_; }

  struct position {
    long line = 1;
    long column = 1;  ///< in characters
  };
  /// Line and column of a byte offset of text() (clamped to its end).
  [[nodiscard]] position position_of(std::size_t offset) const;
  /// {origin, line, column, path, field} of a byte offset.
  [[nodiscard]] location locate(std::size_t offset, std::string path, std::string field = {}) const;

 private:
  friend document parse(std::string_view, const std::string&, const options&);
  struct checkpoint {
    long line;
    long column;
  };
  value root_;
  std::string_view text_;
  std::string origin_;
  mutable std::vector<checkpoint> checkpoints_;  // at every 4 KiB of text, built on first use
};

/// Parses `text` (one JSON value, optional UTF-8 BOM, nothing after it but whitespace); `origin`
/// names the input in errors. Throws cchc::parse_error (see the top of this file).
[[nodiscard]] document parse(std::string_view text, const std::string& origin, const options& o = {});

/// JSON paths in the project's convention: child_path("$.days", "kind") is "$.days.kind",
/// index_path("$.days", 3) is "$.days[3]".
[[nodiscard]] std::string child_path(const std::string& path, std::string_view key);
[[nodiscard]] std::string index_path(const std::string& path, std::size_t index);

/// For writers: throws cchc::argument_error naming `path` when `text` is not valid UTF-8 (JSON output
/// is UTF-8; nlohmann would throw its own type_error.316 while dumping).
void require_utf8(std::string_view text, const std::string& path);

}  // namespace cchc::internal::json
