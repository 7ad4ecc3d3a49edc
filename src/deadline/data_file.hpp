// The checked walk over a parsed JSON data file shared by the deadline layer's two file formats
// (procedure catalogues, one-stop rules): every rejection is a parse_error at the file, line, column
// and JSON path of the offending value, unknown keys name the nearest known key, and times of day and
// dates go through the library's one civil date parser (internal/civil_time.hpp).
#pragma once

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

#include "cchc/procedure_catalogue.hpp"
#include "internal/json.hpp"

namespace cchc::deadline_detail {

namespace json = internal::json;

class data_reader {
 public:
  explicit data_reader(const json::document& doc) : doc_(doc) {}

  [[noreturn]] void fail(const json::value& v, const std::string& path, const std::string& what) const;
  /// A JSON object whose keys are all in `allowed`.
  void object(const json::value& v, const std::string& path, std::initializer_list<std::string_view> allowed) const;
  void array(const json::value& v, const std::string& path) const;
  const json::value& required(const json::value& obj, std::string_view key, const std::string& path) const;
  std::string string(const json::value& v, const std::string& path) const;
  /// A string with at least one non-space character.
  std::string nonempty(const json::value& v, const std::string& path) const;
  bool boolean(const json::value& v, const std::string& path) const;
  /// A JSON integer in [min, max].
  std::int64_t integer(const json::value& v, const std::string& path, std::int64_t min, std::int64_t max) const;
  /// "HH:MM" (00:00 … 24:00).
  std::chrono::minutes time_of_day(const json::value& v, const std::string& path) const;
  /// "YYYY-MM-DD" (or dd/mm/yyyy), a date without a time.
  date::sys_days date(const json::value& v, const std::string& path) const;
  /// {"document", "article", "url", "confirmed", "note"}: document and confirmed required.
  fact_source source(const json::value& v, const std::string& path) const;
  /// "format" and "version" as expected.
  void header(const json::value& root, std::string_view format) const;

  static std::string describe(const json::value& v);

 private:
  const json::document& doc_;
};

/// The text of a file (io_error naming it and `what` when it cannot be read).
std::string read_data_file(const std::string& path, std::string_view what);

}  // namespace cchc::deadline_detail
