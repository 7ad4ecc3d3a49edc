// The dossier log's layout (private to src/dossier/): its columns with their aliases, the tables of
// enumerated values (channel, level, processing unit, end kind, apology), and the one rule by which a
// name or a value typed by people is matched against them (`match_key`).
#pragma once

#include <array>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cchc/deadline.hpp"
#include "cchc/dossier.hpp"
#include "cchc/dossier_log.hpp"

namespace cchc::dossier_log_detail {

enum column : int {
  c_id,
  c_unit,
  c_level,
  c_procedure,
  c_field,
  c_channel,
  c_received_at,
  c_processing_time,
  c_processing_unit,
  c_promised_at,
  c_resolved_at,
  c_end_kind,
  c_supplement_requests,
  c_paused_from,
  c_paused_to,
  c_apology,
  c_count
};

const std::vector<dossier_log_column>& layout();

// The matching key of a header name or an enumerated value: internal::fold (NFC + Unicode case
// folding, so "TRỰC TIẾP", "trực tiếp" and decomposed text agree), then the ASCII folding the log
// format has always allowed: spaces trimmed, '_' and '-' as spaces, runs of spaces as one.
std::string match_key(std::string_view s);

// The column a header name names (its canonical name or an alias, through match_key), or -1.
int find_column(std::string_view header_name);

// A table of accepted spellings of an enumerated value. `find` tries the canonical spellings byte
// for byte first (the common case in generated logs: no folding, no allocation), then ASCII text
// folded in place, then (non-ASCII text only) match_key; `expected` lists the values for messages.
template <class E>
class value_table {
 public:
  struct entry {
    std::string_view spelling;
    E value;
    bool canonical = false;  // also tried byte for byte first
  };
  value_table(std::initializer_list<entry> entries, std::string_view expected);
  [[nodiscard]] const E* find(std::string_view text) const;
  /// For non-ASCII text whose match_key the caller already has.
  [[nodiscard]] const E* find_key(const std::string& key) const;
  const std::string_view expected;

 private:
  std::vector<entry> entries_;
  std::vector<std::string> keys_;  // match_key of each spelling
};

const value_table<dossier_channel>& channel_values();
const value_table<std::string_view>& level_values();
const value_table<time_unit>& unit_values();
const value_table<end_kind>& end_values();
const value_table<bool>& apology_values();

// Text of a field is ASCII only (then find() needs no allocation).
bool is_ascii(std::string_view s) noexcept;

}  // namespace cchc::dossier_log_detail
