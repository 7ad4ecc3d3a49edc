// The one CSV tokenizer: every CSV input (dossier logs, schedule files) is split into records here.
//
// What it reads (RFC 4180, plus what spreadsheets and one-stop-shop exports really write):
//   - fields separated by ',', ';' or a tab — given by the caller, or detected from the header line
//     (the separator that splits it into the most fields; ties prefer ',', then ';', then tab);
//   - quoted fields ("a, b"), with "" for a quote inside, holding separators and line breaks;
//   - records ended by CRLF, LF or a lone CR (old Mac exports); line numbers count each of them once,
//     also inside quoted fields, so a field after a quoted newline has its true line;
//   - a UTF-8 byte order mark at the start, skipped; blank lines (only spaces or tabs), skipped.
//
// Pull API, no allocation per field: `next()` splits the next record in the read buffer and the
// fields are views into it (valid until the next call), each with its line, its column (in
// characters, computed only when asked: the hot loop never pays for it) and whether it was quoted.
//
//     internal::csv_reader r = internal::csv_reader::open(path, {});
//     while (r.next() == internal::csv_status::record)
//       for (std::size_t k = 0; k < r.size(); ++k) use(r.value(k), r.line(k), r.column(k));
//
// Bounded resources. A record may use at most `max_record_bytes` (default 64 MiB), and each field is
// charged `field_cost` (32) bytes against that cap on top of its text, for its bookkeeping here and
// the caller's per-field state (a header name, a column index). So a record costs at most about 2 ×
// the cap in memory whatever its shape: a 50 MB line of commas stops after 2 million fields with a
// parse_error, instead of allocating gigabytes of field records first. The cap is fatal (thrown): a
// record that long is an unterminated quote swallowing the file, or not a CSV file at all, and there
// is no line to resume at. Scanning is linear in the input.
//
// Syntax errors inside a record (a quote inside an unquoted field, text after a closing quote, a quote
// never closed) are not thrown: `next()` returns csv_status::bad, `problem()` says what and where
// (line, column in characters, field index), and the reader has already moved to the next line, so a
// caller that skips bad rows goes on. The caller adds the field's name (it knows the header).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cchc::internal {

struct csv_options {
  /// ',', ';' or '\t'; 0 = detect from the first non-blank record (the header).
  char separator = 0;
  /// Longest record accepted, in bytes, each field counted as field_cost more (see above). Clamped
  /// to 1 GiB (positions are kept in 32 bits).
  std::size_t max_record_bytes = std::size_t{64} << 20;
};

/// What each field costs against max_record_bytes besides its text.
inline constexpr std::size_t csv_field_cost = 32;

enum class csv_status { record, bad, end };

/// A syntax error in a record (see csv_status::bad).
struct csv_problem {
  std::string message;     ///< what was expected and found
  long line = 0;           ///< 1-based line of the offending character
  long column = 0;         ///< 1-based, in characters
  std::size_t field = 0;   ///< 0-based index of the field in its record
};

class csv_reader {
 public:
  /// Opens a file (throws io_error when it cannot). `name` is used in messages.
  [[nodiscard]] static csv_reader open(const std::string& path, csv_options options = {});
  /// Reads text in memory; `name` is used in messages.
  [[nodiscard]] static csv_reader from_text(std::string text, std::string name, csv_options options = {});

  csv_reader(csv_reader&&) noexcept;
  csv_reader& operator=(csv_reader&&) noexcept;
  ~csv_reader();

  /// Splits the next non-blank record. Throws parse_error (record cap) or io_error (read failure).
  csv_status next();

  /// The last record (after csv_status::record).
  [[nodiscard]] std::size_t size() const noexcept { return fields_.size(); }
  /// Field k as written: quotes removed, "" turned into " (the view lives until the next next()).
  [[nodiscard]] std::string_view value(std::size_t k) {
    return fields_[k].escaped ? unescaped(k) : raw(k);  // inline: the hot loop's field access
  }
  /// Field k's raw bytes between the quotes (or the whole unquoted field), "" not yet unescaped.
  [[nodiscard]] std::string_view raw(std::size_t k) const noexcept {
    const field_ref& f = fields_[k];
    return {record_data() + f.start + (f.quoted ? 1 : 0), f.size};
  }
  [[nodiscard]] bool quoted(std::size_t k) const noexcept { return fields_[k].quoted; }
  /// 1-based line where field k starts.
  [[nodiscard]] long line(std::size_t k) const noexcept { return record_line_ + static_cast<long>(fields_[k].line_delta); }
  /// 1-based column (in characters) where field k starts (its opening quote when quoted).
  [[nodiscard]] long column(std::size_t k) const noexcept;
  /// Line and column just after the last field (where a missing field would have been).
  [[nodiscard]] long end_line() const noexcept;
  [[nodiscard]] long end_column() const noexcept;
  /// The record's bytes (all fields, separators and quotes; without its line end).
  [[nodiscard]] std::string_view record_text() const noexcept { return {record_data(), record_size_}; }
  /// 1-based line where the record starts.
  [[nodiscard]] long record_line() const noexcept { return record_line_; }

  /// After csv_status::bad.
  [[nodiscard]] const csv_problem& problem() const noexcept { return problem_; }

  /// The separator in use (detected or given).
  [[nodiscard]] char separator() const noexcept { return sep_; }
  /// Whether the separator was given by the caller (false: detected).
  [[nodiscard]] bool separator_given() const noexcept { return sep_given_; }
  /// When the first record (the header) has more fields under another separator than under the one
  /// in use: a sentence saying so, for a header error ("the header has 1 column with ','; with ';'
  /// it has 12 — is the file semicolon-separated? …"). Empty otherwise.
  [[nodiscard]] std::string separator_hint() const;
  /// Bytes read so far.
  [[nodiscard]] std::int64_t bytes() const noexcept { return bytes_; }
  [[nodiscard]] const std::string& name() const noexcept { return name_; }

  /// The separator's printable name: "','", "';'", "tab".
  [[nodiscard]] static std::string separator_name(char sep);

 private:
  // Positions are relative to the record's first byte, so they survive the buffer's compaction.
  // (Plain members, no bit-fields: a bit-field store is a read-modify-write, measurable per field.)
  struct field_ref {
    std::uint32_t start = 0;       // the field's first byte (the opening quote when quoted)
    std::uint32_t size = 0;        // content bytes (between the quotes)
    std::uint32_t line_start = 0;  // first byte of the line the field starts on (for its column)
    std::uint32_t line_delta = 0;  // lines since the record's first line
    bool quoted = false;
    bool escaped = false;          // has "" inside: value() unescapes it
  };
  struct file_closer {
    void operator()(std::FILE* f) const noexcept;
  };
  enum class split_status { record, blank, need_more, bad, end };

  csv_reader() = default;
  [[nodiscard]] const char* record_data() const noexcept { return buf_.data() + record_begin_; }
  std::string_view unescaped(std::size_t k);
  void start();
  void refill();
  void check_cap(std::size_t record_bytes) const;
  void detect_separator();
  split_status split();
  bool split_simple(split_status& status);
  bool skip_line(std::size_t i, long ln);
  void set_problem(std::string message, std::size_t at, std::size_t line_start, long ln, std::size_t field);

  std::string name_;
  csv_options options_;
  std::unique_ptr<std::FILE, file_closer> file_;
  std::vector<char> buf_;
  std::size_t begin_ = 0;  // start of the unparsed data
  std::size_t end_ = 0;    // end of the valid data
  bool eof_ = false;
  long line_ = 1;          // line number at buf_[begin_]
  std::int64_t bytes_ = 0;
  char sep_ = ',';
  bool sep_given_ = false;
  bool first_record_ = true;
  std::array<std::size_t, 3> header_counts_{};  // fields of the header under ',', ';', tab
  std::vector<field_ref> fields_;
  std::size_t max_fields_ = 0;
  std::size_t record_begin_ = 0;  // the last record: its offset in buf_, its size, its first line
  std::size_t record_size_ = 0;
  long record_line_ = 1;
  std::vector<std::string> scratch_;  // unescaped values, per field position
  csv_problem problem_;
};

}  // namespace cchc::internal
