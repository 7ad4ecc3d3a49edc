// cchc/procedure_catalogue.hpp — administrative procedures (thủ tục hành chính) as data.
//
// A dossier log often names only the procedure ("1.001193", the national code of Đăng ký khai
// sinh) and leaves its processing time to the reader. The processing time, and the receipt cut-off
// after which a dossier counts as received on the next working day, are attributes of the
// procedure set by sector law — not national constants: civil-status registration and
// certification are "same day, or the next working day when received after 15:00", most others a
// number of working days (docs/sources.md §1, docs/procedures.md).
//
// A catalogue is a list of procedures, each with its code, Vietnamese name, the levels that handle
// it, its field, its processing time (`cchc::processing_time`), its receipt cut-off (optional) and
// the legal source of those facts with a `confirmed` flag: an entry whose facts were not read in an
// official text says so in the data. Catalogues are JSON files (format "cchc.procedures",
// docs/procedures.md) read through the library's one JSON reader; the built-in one
// (data/procedures/vn.procedures.json, embedded at build time) is small and every entry carries its
// provenance. A user's file is read by the same code and can be merged over the built-in one.
//
//     auto cat = cchc::builtin_procedure_catalogue();
//     const cchc::procedure* p = cat.find("1.001193");      // Đăng ký khai sinh
//     p->processing;                                        // {same_day, 1}
//     p->receipt_cutoff;                                    // 15:00
//     auto mine = cchc::load_procedure_catalogue("procedures.json").merged_over(cat);
//
// Errors: a malformed file is a cchc::parse_error naming the file, line, column (in characters) and
// JSON path of the offending value (unknown keys with the nearest known one, wrong types, an unknown
// processing unit or level, a time of day that is not HH:MM, a negative amount, same_day with an
// amount other than 0 or 1, a code given twice); a file that cannot be read is an io_error.
#pragma once
#include "cchc/detail/export.hpp"  // CCHC_EXPORT

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/deadline.hpp"

namespace cchc {

/// Where a fact comes from: a document (and article), a public page that reproduces it, and whether
/// it was confirmed (read in that text) or is reported / remembered only.
struct CCHC_EXPORT fact_source {
  std::string document;  ///< "Decree 23/2015/NĐ-CP", "Decision 1872/QĐ-BTP (2020)"
  std::string article;   ///< "Art. 7", or empty
  std::string url;       ///< a public page with the text, or empty
  bool confirmed = false;
  std::string note;      ///< what exactly was (not) checked
};

/// One procedure of a catalogue.
struct CCHC_EXPORT procedure {
  std::string code;                  ///< the national code ("1.001193") or the catalogue's own
  std::string name_vi;               ///< "Đăng ký khai sinh"
  std::vector<std::string> levels;   ///< "province", "district", "commune" (the dossier log's names)
  std::string field;                 ///< lĩnh vực: "Hộ tịch", "Chứng thực", …
  processing_time processing;        ///< the statutory processing time
  /// Received strictly after this time of day on a working day → counted from the next working day.
  std::optional<std::chrono::minutes> receipt_cutoff;
  fact_source source;                ///< the legal source of processing and receipt_cutoff
};

/// An immutable list of procedures with unique codes.
class CCHC_EXPORT procedure_catalogue {
 public:
  procedure_catalogue() = default;
  /// argument_error when a code is empty or given twice, or a processing time is invalid.
  explicit procedure_catalogue(std::vector<procedure> procedures, std::string id = {});

  /// The procedure with this code (compared exactly after trimming spaces), or nullptr.
  [[nodiscard]] const procedure* find(std::string_view code) const& noexcept;
  const procedure* find(std::string_view code) const&& = delete;  // a pointer into a temporary would dangle
  [[nodiscard]] const std::vector<procedure>& procedures() const& noexcept { return procedures_; }
  const std::vector<procedure>& procedures() const&& = delete;  // a reference into a temporary would dangle
  [[nodiscard]] std::size_t size() const noexcept { return procedures_.size(); }
  [[nodiscard]] bool empty() const noexcept { return procedures_.empty(); }
  /// The catalogue's id from its file ("vn.procedures"), or empty.
  [[nodiscard]] const std::string& id() const& noexcept { return id_; }
  const std::string& id() const&& = delete;  // a reference into a temporary would dangle

  /// This catalogue's procedures, then those of `base` whose codes it does not have (the user's
  /// file wins over the built-in one).
  [[nodiscard]] procedure_catalogue merged_over(const procedure_catalogue& base) const;

 private:
  std::vector<procedure> procedures_;  // sorted by code
  std::string id_;
};

/// Parses a catalogue file's text; `origin` names it in errors.
[[nodiscard]] CCHC_EXPORT procedure_catalogue parse_procedure_catalogue(std::string_view text,
                                                                        const std::string& origin = "<procedures>");
/// Reads and parses a file (io_error when it cannot be read).
[[nodiscard]] CCHC_EXPORT procedure_catalogue load_procedure_catalogue(const std::string& path);
/// The built-in catalogue (data/procedures/vn.procedures.json).
[[nodiscard]] CCHC_EXPORT const procedure_catalogue& builtin_procedure_catalogue();
/// Its file text (to copy and extend).
[[nodiscard]] CCHC_EXPORT std::string_view builtin_procedure_catalogue_text();

}  // namespace cchc
