// UTF-8 text: the one validator every loader uses (reports, schedules, dossier logs).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cchc::internal {

// Valid UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF)? Returns the offset of the first bad byte,
// or std::string_view::npos when the whole text is valid. ASCII runs are checked 8 bytes at a time.
[[nodiscard]] std::size_t utf8_error(std::string_view s) noexcept;

[[nodiscard]] inline bool is_utf8(std::string_view s) noexcept { return utf8_error(s) == std::string_view::npos; }

// Characters (code points) in valid UTF-8 `s` (continuation bytes not counted). For columns in
// messages: the 1-based column of byte offset `b` in a line starting at `line_begin` is
// count_chars(text.substr(line_begin, b - line_begin)) + 1. On invalid UTF-8 each stray byte counts one.
[[nodiscard]] std::size_t count_chars(std::string_view s) noexcept;

// The matching key of a name typed by people: NFC-normalised, case-folded (utf8proc), so that
// "TRỰC TIẾP", "trực tiếp" and the decomposed "tru\u031b\u0323c tie\u0302\u0301p" compare equal.
// Nothing else is changed (no accent stripping, spaces kept). Invalid UTF-8 → std::nullopt-like empty
// result with ok = false.
struct folded {
  std::string text;
  bool ok = true;
};
[[nodiscard]] folded fold(std::string_view s);

}  // namespace cchc::internal

namespace cchc::internal {

// `s` with every byte that is not part of valid UTF-8 written as \xNN (upper-case hex), so that a
// message quoting input is itself valid UTF-8 (Python bindings, JSON output). Valid text is unchanged.
[[nodiscard]] std::string escape_invalid(std::string_view s);

}  // namespace cchc::internal
