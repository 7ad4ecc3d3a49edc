// cchc/dossier_log.hpp — reading dossier logs (CSV exports of one-stop-shop software), streaming.
//
// A dossier log has one row per dossier, in the layout of docs/architecture.md ("Dossier log CSV"):
// a header row, UTF-8 (a BOM is allowed), separated by ',' (or ';' or tabs: detected from the header,
// or given in the options), RFC 4180 quoting, CRLF, LF or CR line ends, columns in any order,
// canonical English names or their Vietnamese aliases ("Mã hồ sơ", "Ngày tiếp nhận", "Ngày hẹn trả",
// "Ngày trả kết quả", "Đơn vị", "Kênh", …; the full list is in docs/dossiers.md and in
// `dossier_log_columns()`). Names and enumerated values (channel, level, processing unit, end kind,
// apology) are matched whatever their case and Unicode normalisation ("TRỰC TIẾP", decomposed
// accents), and '_', '-' and spaces count alike. Date-times are `YYYY-MM-DD`, `YYYY-MM-DD HH:MM`,
// `dd/mm/yyyy` or `dd/mm/yyyy HH:MM` (the one civil date parser of the library).
//
// Reading is streaming and constant-memory per row: the reader fills one `dossier` at a time from a
// large buffered read (no regular expressions, no allocation per field once the strings have grown),
// so a log of any size can be turned into a flow table without holding it in memory:
//
//     cchc::flow_accumulator acc(cchc::period::annual(2023), calendar, cchc::flow_key::unit);
//     cchc::dossier_log_summary s = cchc::accumulate_dossier_log("log.csv", acc);
//     acc.table();   // one Biểu 06 row per unit; acc.flow() is their total
//
// Counts (processing_time, supplement_requests, apology) are whole numbers; "1.0" is accepted for 1,
// because pandas writes integer columns as floats once a value is missing, and "1.5" is refused.
// With a procedure catalogue in the options, a row may give only the procedure code (see
// `dossier_log_options::procedures`).
//
// A bad row is a `cchc::parse_error` naming the file, the line, the column (in characters, where the
// offending field starts), the dossier id once it is read (`where().path`), the column's header name
// (`where().field`) and the expected form. With `skip_bad_rows` the reader goes on instead and the
// summary counts the skipped rows and keeps the first few errors: a total computed from such a read
// is never silently partial, because `summary.skipped` says how many rows it lacks. A row that reads
// well but cannot be classified — a date outside the calendar's range — is a bad row too when read
// through `next(d, accumulator)` or `accumulate_dossier_log`. Problems with the header itself (a
// missing required column, a column given twice) always throw; when the header splits into more
// columns under another separator, the message says so ("is the file semicolon-separated?").
//
// Memory is bounded for any input: a record (header included) may use at most max_record_bytes,
// each field counted as 32 bytes more for its bookkeeping (a line of a million commas is an error,
// not gigabytes), and unknown header names are listed at most 20 (distinct) whatever their number.
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/deadline.hpp"
#include "cchc/dossier.hpp"
#include "cchc/dossier_batch.hpp"
#include "cchc/error.hpp"
#include "cchc/procedure_catalogue.hpp"

namespace cchc {

struct CCHC_EXPORT dossier_log_options {
  /// false: the first bad row throws parse_error. true: bad rows are skipped and reported.
  bool skip_bad_rows = false;
  /// How many errors the summary keeps when skipping (the count is always complete).
  std::size_t max_reported_errors = 10;
  /// Longest record accepted, in bytes (bounds the reader's memory). A longer one — typically an
  /// unterminated quote in a large file — is a parse_error at its first line, even when skipping.
  /// (Each field counts 32 bytes more, so this also bounds the fields per record: 2 Mi by default.)
  std::size_t max_record_bytes = std::size_t{64} << 20;
  /// Field separator: ',', ';' or '\t'; 0 (the default) detects it from the header line.
  char separator = 0;
  /// Procedures by code (cchc/procedure_catalogue.hpp). When set, a row naming a procedure of the
  /// catalogue in `procedure` but giving no processing_time (and no promised_at) takes the
  /// catalogue's processing time, and every row of a catalogued procedure gets its receipt cut-off
  /// in `dossier::receipt_cutoff`; the processing_time column may then be absent from the header.
  /// A row whose code is not in the catalogue still needs a processing time or a promised date.
  std::optional<procedure_catalogue> procedures;
};

/// What a read saw.
struct CCHC_EXPORT dossier_log_summary {
  std::string file;                          ///< the name given for the input
  std::int64_t rows = 0;                     ///< data rows seen (header and blank lines excluded)
  std::int64_t accepted = 0;                 ///< rows turned into dossiers
  std::int64_t skipped = 0;                  ///< bad rows skipped (skip_bad_rows only)
  std::vector<parse_error> errors;           ///< the first max_reported_errors of them
  /// Header names that are not dossier log columns: each distinct name once, at most 20.
  std::vector<std::string> ignored_columns;
  std::int64_t ignored_columns_total = 0;    ///< header fields ignored (all of them, repeats counted)
  std::int64_t bytes = 0;                    ///< bytes read
  /// True when every row was read (nothing skipped).
  [[nodiscard]] bool complete() const noexcept { return skipped == 0; }
};

/// One column of the layout: its canonical name, whether it is required, and its accepted aliases.
struct CCHC_EXPORT dossier_log_column {
  std::string_view name;
  bool required;
  std::vector<std::string_view> aliases;
};

/// The layout: every column the reader knows, canonical name first, with its aliases.
[[nodiscard]] CCHC_EXPORT const std::vector<dossier_log_column>& dossier_log_columns();

/// Dense codes for the distinct texts of a column, in order of first appearance (0, 1, …): how a
/// columnar read turns a key column (unit, procedure, …) into `dossier_batch::keys` codes without a
/// string per row. Looked up by view; each distinct text is stored once.
class CCHC_EXPORT text_codes {
 public:
  /// The code of `text`, added when new.
  std::uint32_t code(std::string_view text);
  /// The texts by code.
  [[nodiscard]] const std::vector<std::string>& names() const& noexcept { return names_; }
  const std::vector<std::string>& names() const&& = delete;  // a reference into a temporary would dangle
  [[nodiscard]] std::size_t size() const noexcept { return names_.size(); }

 private:
  void grow();
  std::vector<std::string> names_;
  std::vector<std::uint64_t> hashes_;  // of names_, for growing
  std::vector<std::uint32_t> slots_;   // open addressing: code + 1, 0 = empty
};

/// A dossier log read as columns: what `dossier_log_reader::next(dossier_log_chunk&, max_rows)`
/// fills — every row decoded by the same cell rules (and with the same errors) as `next(dossier&)`,
/// written straight into the columns of `cchc::dossier_batch` (dossier_batch.hpp) instead of a
/// `dossier` with its strings. Set `keys` (and `want_ids`) before the first read; `clear()` between
/// chunks keeps the key codes, so they stay the same over the whole read:
///
///     cchc::dossier_log_chunk chunk;
///     chunk.keys = {cchc::flow_key::unit};
///     while (reader.next(chunk, 65536) > 0) {
///       counts += cchc::classify_batch(chunk.batch(), first, last, cal, rule, {}, chunk.options());
///       chunk.clear();
///     }
///     chunk.key_codes[0].names();   // the unit of each code
struct CCHC_EXPORT dossier_log_chunk {
  /// Grouping keys: key_columns[k] gets the code of each row's key k (the text `key_of` gives).
  std::vector<flow_key> keys;
  /// Also keep every row's id (`ids`, `id_end`); otherwise ids are checked but not stored.
  bool want_ids = false;

  // One value per row (rows() of them), in the encodings of dossier_batch.
  std::vector<std::int64_t> received;             ///< minutes
  std::vector<std::int32_t> amount;               ///< INT32_MIN: no processing time (a promised date)
  std::vector<std::uint8_t> unit_of_time;         ///< time_unit codes (0 without a processing time)
  std::vector<std::int64_t> promised;             ///< no_time when absent
  std::vector<std::uint8_t> promised_has_time;
  std::vector<std::int16_t> receipt_cutoff;       ///< no_cutoff when the procedure gives none
  std::vector<std::int64_t> pause_offsets{0};     ///< rows() + 1 offsets into pause_from / pause_to
  std::vector<std::int64_t> pause_from, pause_to;
  std::vector<std::int32_t> supplement_requests;
  std::vector<std::uint8_t> end_kind;             ///< no_end_kind when not ended
  std::vector<std::int64_t> ended;                ///< no_time when not ended
  std::vector<std::uint8_t> channel;
  std::vector<std::uint8_t> apology;
  std::vector<std::vector<std::uint32_t>> key_columns;  ///< per key, one code per row
  std::vector<text_codes> key_codes;                     ///< per key, the texts of its codes (kept by clear())
  std::string ids;                                ///< with want_ids: every id, end to end
  std::vector<std::size_t> id_end;                ///< with want_ids: where each row's id ends in `ids`
  bool any_promised = false, any_cutoff = false, any_requests = false;

  [[nodiscard]] std::size_t rows() const noexcept { return received.size(); }
  /// The rows as classify_batch's input (views into this chunk). Optional columns that no row of
  /// the chunk uses are left empty, as a DataFrame without them would be, so plain working-day rows
  /// take the kernel's fast loop.
  [[nodiscard]] dossier_batch batch() const&;
  dossier_batch batch() const&& = delete;  // views into a temporary would dangle
  /// key_sizes for classify_batch: the number of codes of each key so far.
  [[nodiscard]] batch_options options(unsigned threads = 1) const;
  /// Drops the rows (storage kept); the key codes stay.
  void clear();
};

/// Pull reader: `while (reader.next(d)) …`. Move-only; the file is closed on destruction.
class CCHC_EXPORT dossier_log_reader {
 public:
  /// Opens `path` and reads the header. Throws io_error (cannot open/read) or parse_error (header).
  [[nodiscard]] static dossier_log_reader open(const std::string& path, dossier_log_options options = {});
  /// Reads from text in memory; `name` is used as the file name in errors.
  [[nodiscard]] static dossier_log_reader from_text(std::string text, std::string name = "<text>",
                                                    dossier_log_options options = {});

  dossier_log_reader(dossier_log_reader&&) noexcept;
  dossier_log_reader& operator=(dossier_log_reader&&) noexcept;
  ~dossier_log_reader();

  /// Reads the next dossier into `out` (reusing its storage). False at the end of the input.
  /// Throws parse_error for a bad row unless skip_bad_rows is set.
  bool next(dossier& out);
  /// Reads the next dossier into `out` and adds it to `into`. A row `into` cannot classify (a date
  /// outside the calendar's range: range_error) is a bad row like a malformed one: skipped and
  /// counted under skip_bad_rows (kept in summary().errors as a parse_error with the same message and
  /// location), otherwise a range_error naming the file, line and dossier id.
  bool next(dossier& out, flow_accumulator& into);
  /// Reads up to `max_rows` more dossiers into the columns of `into`, appended after its rows (the
  /// same rows, values and errors as next(dossier&): one decoding of the cells). Returns how many
  /// rows were added; 0 at the end of the input. When a bad row throws, the rows read before it in
  /// this call stay in `into`.
  std::size_t next(dossier_log_chunk& into, std::size_t max_rows);
  /// The field separator in use (detected from the header or given in the options).
  [[nodiscard]] char separator() const noexcept;
  /// The header names as written in the file.
  [[nodiscard]] const std::vector<std::string>& header() const& noexcept;
  const std::vector<std::string>& header() const&& = delete;  // a reference into a temporary would dangle
  [[nodiscard]] const dossier_log_summary& summary() const& noexcept;
  const dossier_log_summary& summary() const&& = delete;  // a reference into a temporary would dangle

 private:
  struct impl;
  explicit dossier_log_reader(std::unique_ptr<impl> p) noexcept;
  std::unique_ptr<impl> impl_;
};

/// Calls `on_dossier` for every dossier of the file (the reference is valid during the call only).
CCHC_EXPORT dossier_log_summary read_dossier_log(const std::string& path,
                                     const std::function<void(const dossier&)>& on_dossier,
                                     const dossier_log_options& options = {});

/// Adds every dossier of the file to `into` (a flow_accumulator over a period, grouped or not):
/// the flow table of a log of any size in constant memory. Rows `into` cannot classify are bad rows
/// (see `dossier_log_reader::next(out, into)`). Returns what the read saw — check `complete()` when
/// skipping bad rows.
CCHC_EXPORT dossier_log_summary accumulate_dossier_log(const std::string& path, flow_accumulator& into,
                                           const dossier_log_options& options = {});

/// Every dossier of the file, in file order (for logs that fit in memory).
[[nodiscard]] CCHC_EXPORT std::vector<dossier> load_dossier_log(const std::string& path,
                                                    const dossier_log_options& options = {},
                                                    dossier_log_summary* summary = nullptr);

/// A date-time of a log: `YYYY-MM-DD`, `YYYY-MM-DD HH:MM`, `dd/mm/yyyy`, `dd/mm/yyyy HH:MM`
/// (one or two digits for day, month and hour; surrounding spaces allowed). A date alone is 00:00.
/// `has_time` (if given) says whether a time of day was written. Returns nullopt and fills `why`
/// (if given) with what was wrong; never throws.
[[nodiscard]] CCHC_EXPORT std::optional<civil_time> try_parse_log_date_time(std::string_view text,
                                                                bool* has_time = nullptr,
                                                                std::string* why = nullptr);
/// Throwing form: parse_error naming the text and the accepted forms.
[[nodiscard]] CCHC_EXPORT civil_time parse_log_date_time(std::string_view text);

}  // namespace cchc
