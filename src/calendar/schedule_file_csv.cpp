// Schedule files, CSV format (docs/calendar.md): one day per record, columns date, kind and optional
// provenance. Records come from the shared CSV tokenizer (internal/csv.hpp: RFC 4180, BOM,
// CRLF/LF/CR, ',' ';' or tab detected from the header); this file only maps the columns.
#include "cchc/schedule_file.hpp"

#include <algorithm>
#include <array>

#include "calendar/schedule_file_common.hpp"
#include "internal/csv.hpp"
#include "internal/utf8.hpp"

namespace cchc {

namespace {

using schedule_files::bad_kind_message;
using schedule_files::entry_kind;

std::string_view strip_bom(std::string_view text) {
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
      static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF)
    text.remove_prefix(3);
  return text;
}

[[noreturn]] void csv_fail(const std::string& message, const std::string& origin, long line, long column,
                           const std::string& field = {}) {
  throw parse_error(message, location{origin, line, column, "", field});
}

// The whole text must be UTF-8: a schedule's names end up in JSON output and messages. Refused at
// load with the line and column (in characters) of the first bad byte.
void check_csv_utf8(std::string_view text, const std::string& origin) {
  const std::size_t bad = internal::utf8_error(text);
  if (bad == std::string_view::npos) return;
  long line = 1;
  std::size_t line_start = strip_bom(text).data() - text.data();  // the BOM is not a character of line 1
  for (std::size_t i = line_start; i < bad; ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && !(i + 1 < text.size() && text[i + 1] == '\n'))) {
      ++line;
      line_start = i + 1;
    }
  }
  static const char* hex = "0123456789ABCDEF";
  const auto u = static_cast<unsigned char>(text[bad]);
  csv_fail(std::string("expected UTF-8 text, found the byte 0x") + hex[u >> 4] + hex[u & 15] +
               " (is the file in another encoding, such as Windows-1258 or TCVN3?)",
           origin, line, static_cast<long>(internal::count_chars(text.substr(line_start, bad - line_start))) + 1);
}

}  // namespace

schedule parse_schedule_csv(std::string_view raw, const std::string& origin) {
  check_csv_utf8(raw, origin);
  auto csv = internal::csv_reader::from_text(std::string(raw), origin);
  auto hinted = [&csv](std::string message) {
    const std::string hint = csv.separator_hint();
    return hint.empty() ? message : message + "; " + hint;
  };
  internal::csv_status st = csv.next();
  auto syntax_error = [&] {
    const internal::csv_problem& p = csv.problem();
    csv_fail(p.message, origin, p.line, p.column);
  };
  if (st == internal::csv_status::end)
    csv_fail("empty file; expected a header row: date,kind,document,issued,reason_vi,reason_en", origin, 1, 0);
  if (st == internal::csv_status::bad) syntax_error();
  enum col { c_date, c_kind, c_document, c_issued, c_reason_vi, c_reason_en, c_inferred, c_note_vi,
             c_note_en, c_count };
  static constexpr std::array<std::string_view, c_count> names{
      "date", "kind", "document", "issued", "reason_vi", "reason_en", "inferred", "note_vi", "note_en"};
  std::array<int, c_count> pos{};
  pos.fill(-1);
  const std::size_t header_size = csv.size();
  const long header_line = csv.record_line();
  for (std::size_t k = 0; k < header_size; ++k) {
    std::string name(csv.value(k));
    // Trim spaces around header names; they are common in hand-written files.
    while (!name.empty() && name.back() == ' ') name.pop_back();
    while (!name.empty() && name.front() == ' ') name.erase(name.begin());
    auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
      std::string list;
      for (auto n : names) (list += list.empty() ? "" : ", ") += n;
      csv_fail(hinted("unknown column '" + name + "'; expected: " + list), origin, csv.line(k), csv.column(k), name);
    }
    auto& p = pos[static_cast<std::size_t>(it - names.begin())];
    if (p >= 0) csv_fail("column '" + name + "' appears twice", origin, csv.line(k), csv.column(k), name);
    p = static_cast<int>(k);
  }
  for (col required : {c_date, c_kind})
    if (pos[required] < 0)
      csv_fail(hinted("missing required column '" + std::string(names[required]) + "'"), origin, header_line, 0,
               std::string(names[required]));

  schedule out;
  while ((st = csv.next()) != internal::csv_status::end) {
    if (st == internal::csv_status::bad) syntax_error();
    if (csv.size() != header_size)
      csv_fail("expected " + std::to_string(header_size) + " fields as in the header, found " +
                   std::to_string(csv.size()),
               origin, csv.record_line(), 0);
    auto where = [&](col c) {
      const auto k = static_cast<std::size_t>(pos[c]);
      return location{origin, csv.line(k), csv.column(k), "", std::string(names[c])};
    };
    auto text = [&](col c) { return pos[c] < 0 ? std::string() : std::string(csv.value(static_cast<std::size_t>(pos[c]))); };

    schedule_entry e;
    e.day = date::sys_days{parse_calendar_date(text(c_date), where(c_date))};
    const auto k = entry_kind(text(c_kind));
    if (!k) throw parse_error(bad_kind_message(text(c_kind)), where(c_kind));
    e.kind = *k;
    e.source.document = text(c_document);
    if (!text(c_issued).empty()) e.source.issued = parse_calendar_date(text(c_issued), where(c_issued));
    e.source.note_vi = text(c_note_vi);
    e.source.note_en = text(c_note_en);
    e.reason_vi = text(c_reason_vi);
    e.reason_en = text(c_reason_en);
    const std::string inferred = text(c_inferred);
    if (inferred.empty() || inferred == "0" || inferred == "false") {
      e.inferred = false;
    } else if (inferred == "1" || inferred == "true") {
      e.inferred = true;
    } else {
      throw parse_error("expected 0, 1, true, false or empty, found '" + inferred + "'", where(c_inferred));
    }
    out.entries.push_back(std::move(e));
  }
  return out;
}

}  // namespace cchc
