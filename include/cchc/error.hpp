// cchc/error.hpp — one exception hierarchy for the whole library.
//
// Every error the library throws derives from cchc::error (itself a std::runtime_error) and carries
// *where* the problem is (a file, line and column, a JSON path, an argument or field name — whatever
// applies) and *what* was expected versus found. The message returned by what() is complete and
// human-readable on its own; the structured parts are there for programs.
//
//     try {
//       auto d = cchc::decimal::parse("1.34,5", cchc::number_style::vi);
//     } catch (const cchc::parse_error& e) {
//       std::cerr << e.what() << '\n';   // names the input, the position and what was expected
//       e.where().column;                 // 5 (1-based)
//     }
//
// The Python bindings map parse_error, range_error, overflow_error and argument_error to ValueError,
// lookup_error to KeyError and io_error to OSError.
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <stdexcept>
#include <string>

namespace cchc {

/// Where an error or a finding is located. Every part is optional (empty string or 0 = unknown).
struct CCHC_EXPORT location {
  std::string file;      ///< file name as given by the caller
  long line = 0;         ///< 1-based line, 0 if unknown
  long column = 0;       ///< 1-based column (in characters of the input), 0 if unknown
  std::string path;      ///< JSON path such as "$.one_stop.flows[0].received", or a record id
  std::string field;     ///< argument, column or field name

  [[nodiscard]] bool empty() const noexcept {
    return file.empty() && line == 0 && column == 0 && path.empty() && field.empty();
  }
  /// "file:line:column: path: field" with the unknown parts left out.
  [[nodiscard]] std::string to_string() const;

  friend bool operator==(const location& a, const location& b) noexcept {
    return a.file == b.file && a.line == b.line && a.column == b.column && a.path == b.path &&
           a.field == b.field;
  }
  friend bool operator!=(const location& a, const location& b) noexcept { return !(a == b); }
};

/// Root of every exception thrown by cchc.
class CCHC_EXPORT error : public std::runtime_error {
 public:
  /// `message` says what was expected and what was found; `where` says where.
  explicit error(const std::string& message, location where = {});
  [[nodiscard]] const location& where() const& noexcept { return where_; }
  /// On a temporary error (`first_error(...).where().field`): a copy, so nothing can dangle.
  [[nodiscard]] location where() const&& { return where_; }
  /// The message without the location prefix.
  [[nodiscard]] const std::string& detail() const& noexcept { return detail_; }
  [[nodiscard]] std::string detail() const&& { return detail_; }

 private:
  location where_;
  std::string detail_;
};

/// Malformed text: a number, a date, a CSV field, a JSON document.
class CCHC_EXPORT parse_error : public error {
 public:
  using error::error;
};

/// A value outside the supported range (a date outside a calendar's range, a lunar year past 2199).
class CCHC_EXPORT range_error : public error {
 public:
  using error::error;
};

/// An exact result that cannot be represented (never a silent wrap-around).
class CCHC_EXPORT overflow_error : public error {
 public:
  using error::error;
};

/// An argument that is invalid for the operation (zero divisor, negative count, mismatched lengths).
class CCHC_EXPORT argument_error : public error {
 public:
  using error::error;
};

/// A name that is not known (an indicator id, a unit, a rounding mode name).
class CCHC_EXPORT lookup_error : public error {
 public:
  using error::error;
};

/// A file that cannot be opened, read or written.
class CCHC_EXPORT io_error : public error {
 public:
  using error::error;
};

}  // namespace cchc
