#include "cchc/dossier_log.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

#include "internal/civil_time.hpp"
#include "internal/utf8.hpp"

namespace cchc {

namespace {

// ---------------------------------------------------------------------------------------------
// The layout

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

const std::vector<dossier_log_column>& layout() {
  // Aliases are matched after folding (see fold_name): ASCII case, '_' / '-' / spaces, and Đ/đ do not
  // matter, so "Mã hồ sơ", "MÃ HỒ SƠ" does not match but "mã hồ sơ" and "Ma_ho_so" do.
  static const std::vector<dossier_log_column> columns{
      {"id", true, {"mã hồ sơ", "số hồ sơ", "mã số hồ sơ", "ma ho so", "so ho so"}},
      {"unit", false, {"đơn vị", "đơn vị giải quyết", "cơ quan giải quyết", "don vi", "don vi giai quyet"}},
      {"level", false, {"cấp", "cấp hành chính", "cấp giải quyết", "cap", "cap hanh chinh"}},
      {"procedure", false, {"thủ tục", "thủ tục hành chính", "tên thủ tục", "mã thủ tục", "thu tuc", "ma thu tuc"}},
      {"field", false, {"lĩnh vực", "linh vuc"}},
      {"channel", true, {"kênh", "kênh tiếp nhận", "hình thức tiếp nhận", "hình thức nộp", "kenh", "kenh tiep nhan"}},
      {"received_at", true, {"ngày tiếp nhận", "thời gian tiếp nhận", "ngày nhận", "ngay tiep nhan", "ngay nhan"}},
      {"processing_time", true, {"thời hạn giải quyết", "thời gian giải quyết", "số ngày giải quyết", "thoi han giai quyet"}},
      {"processing_unit", false, {"đơn vị thời gian", "đơn vị thời hạn", "don vi thoi gian"}},
      {"promised_at", false, {"ngày hẹn trả", "ngày hẹn trả kết quả", "hẹn trả", "ngay hen tra"}},
      {"resolved_at", false, {"ngày trả kết quả", "ngày hoàn thành", "ngày kết thúc", "ngày giải quyết", "ngay tra ket qua", "ngay hoan thanh"}},
      {"end_kind", false, {"kết quả", "hình thức kết thúc", "trạng thái kết thúc", "ket qua"}},
      {"supplement_requests", false, {"số lần bổ sung", "số lần yêu cầu bổ sung", "so lan bo sung"}},
      {"paused_from", false, {"ngày yêu cầu bổ sung", "tạm dừng từ", "ngay yeu cau bo sung"}},
      {"paused_to", false, {"ngày nhận bổ sung", "tạm dừng đến", "ngày bổ sung xong", "ngay nhan bo sung"}},
      {"apology", false, {"xin lỗi", "phiếu xin lỗi", "có phiếu xin lỗi", "xin loi", "phieu xin loi"}},
  };
  return columns;
}

// Folds a header name or an enumerated value for comparison: trims spaces, ASCII lower case,
// '_' and '-' as spaces, runs of spaces as one, and "Đ" (U+0110) as "đ" (U+0111). Vietnamese letters
// with diacritics other than Đ are compared as written (precomposed, NFC).
std::string fold_name(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ' ' || c == '_' || c == '-' || c == '\t') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (static_cast<unsigned char>(c) == 0xC4 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x90) {
      out.push_back(c);
      out.push_back(static_cast<char>(0x91));
      ++i;
      continue;
    }
    out.push_back(c);
  }
  return out;
}

// Compares a field value against a folded candidate without allocating.
bool folded_equals(std::string_view value, std::string_view folded) {
  std::size_t i = 0;
  std::size_t j = 0;
  // trim
  while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
  std::size_t n = value.size();
  while (n > i && (value[n - 1] == ' ' || value[n - 1] == '\t')) --n;
  bool pending_space = false;
  for (; i < n; ++i) {
    char c = value[i];
    if (c == ' ' || c == '_' || c == '-' || c == '\t') {
      pending_space = true;
      continue;
    }
    if (pending_space) {
      if (j >= folded.size() || folded[j] != ' ') return false;
      ++j;
      pending_space = false;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (static_cast<unsigned char>(c) == 0xC4 && i + 1 < n && static_cast<unsigned char>(value[i + 1]) == 0x90) {
      if (j + 1 >= folded.size() || static_cast<unsigned char>(folded[j]) != 0xC4 ||
          static_cast<unsigned char>(folded[j + 1]) != 0x91)
        return false;
      j += 2;
      ++i;
      continue;
    }
    if (j >= folded.size() || folded[j] != c) return false;
    ++j;
  }
  return j == folded.size();
}

template <class E>
struct value_alias {
  std::string_view folded;
  E value;
  std::string_view exact = {};  // the canonical spelling, tried byte for byte first (the common case)
};

const std::array<value_alias<dossier_channel>, 12> channel_values{{
    {"online", dossier_channel::online, "online"},
    {"trực tuyến", dossier_channel::online},
    {"truc tuyen", dossier_channel::online},
    {"in person", dossier_channel::in_person, "in_person"},
    {"trực tiếp", dossier_channel::in_person},
    {"truc tiep", dossier_channel::in_person},
    {"post", dossier_channel::post, "post"},
    {"bưu chính", dossier_channel::post},
    {"buu chinh", dossier_channel::post},
    {"qua bưu chính", dossier_channel::post},
    {"bưu điện", dossier_channel::post},
    {"buu dien", dossier_channel::post},
}};
constexpr std::string_view channel_expected =
    "online, in_person or post (trực tuyến, trực tiếp, bưu chính)";

const std::array<value_alias<std::string_view>, 12> level_values{{
    {"province", "province", "province"},
    {"tỉnh", "province"},
    {"cấp tỉnh", "province"},
    {"tinh", "province"},
    {"district", "district", "district"},
    {"huyện", "district"},
    {"cấp huyện", "district"},
    {"huyen", "district"},
    {"commune", "commune", "commune"},
    {"xã", "commune"},
    {"cấp xã", "commune"},
    {"xa", "commune"},
}};
constexpr std::string_view level_expected = "province, district or commune (tỉnh, huyện, xã)";

const std::array<value_alias<time_unit>, 17> unit_values{{
    {"working days", time_unit::working_days, "working_days"},
    {"ngày làm việc", time_unit::working_days},
    {"ngay lam viec", time_unit::working_days},
    {"calendar days", time_unit::calendar_days, "calendar_days"},
    {"ngày", time_unit::calendar_days},
    {"ngày lịch", time_unit::calendar_days},
    {"ngay lich", time_unit::calendar_days},
    {"working hours", time_unit::working_hours, "working_hours"},
    {"giờ làm việc", time_unit::working_hours},
    {"giờ", time_unit::working_hours},
    {"gio lam viec", time_unit::working_hours},
    {"half days", time_unit::half_days, "half_days"},
    {"buổi", time_unit::half_days},
    {"nửa ngày", time_unit::half_days},
    {"buoi", time_unit::half_days},
    {"same day", time_unit::same_day, "same_day"},
    {"trong ngày", time_unit::same_day},
}};
constexpr std::string_view unit_expected =
    "working_days, calendar_days, working_hours, half_days or same_day (ngày làm việc, ngày, giờ làm "
    "việc, buổi, trong ngày)";

const std::array<value_alias<end_kind>, 13> end_values{{
    {"resolved", end_kind::resolved, "resolved"},
    {"đã giải quyết", end_kind::resolved},
    {"đã trả kết quả", end_kind::resolved},
    {"hoàn thành", end_kind::resolved},
    {"da giai quyet", end_kind::resolved},
    {"returned", end_kind::returned, "returned"},
    {"trả lại", end_kind::returned},
    {"trả lại hồ sơ", end_kind::returned},
    {"withdrawn", end_kind::withdrawn, "withdrawn"},
    {"rút hồ sơ", end_kind::withdrawn},
    {"suspended", end_kind::suspended, "suspended"},
    {"dừng xử lý", end_kind::suspended},
    {"từ chối", end_kind::suspended},
}};
constexpr std::string_view end_expected =
    "resolved, returned, withdrawn or suspended (đã giải quyết, trả lại, rút hồ sơ, dừng xử lý)";

template <class E, std::size_t N>
const E* find_value(const std::array<value_alias<E>, N>& table, std::string_view value) {
  for (const auto& a : table)
    if (!a.exact.empty() && a.exact == value) return &a.value;
  for (const auto& a : table)
    if (folded_equals(value, a.folded)) return &a.value;
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Small parsers

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}


// Dates and UTF-8 come from the shared text layer (src/internal).
const char* parse_date_time_impl(std::string_view text, date_time& out, bool& has_time, std::string* why) {
  internal::civil_fields f;
  if (const char* problem = internal::parse_civil(text, f, why)) return problem;
  out = date_time{f.day} + f.time_of_day;
  has_time = f.has_time;
  return nullptr;
}

constexpr std::string_view date_forms = internal::civil_forms;
using internal::utf8_error;

// The first of ',', '\n', '\r', '"' in b[i, end), or end. Eight bytes at a time: a byte equal to c
// makes (w ^ c·0x01..01) have a zero byte, which the classic has-zero test finds; its lowest flagged
// byte is exact (false positives can only sit above a true zero), so on little-endian machines the
// count of trailing zero bits locates it.
std::size_t find_special(const char* b, std::size_t i, std::size_t end) noexcept {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  auto zero_bytes = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
  while (i + 8 <= end) {
    std::uint64_t w;
    std::memcpy(&w, b + i, 8);
    const std::uint64_t m = zero_bytes(w ^ (ones * ',')) | zero_bytes(w ^ (ones * '\n')) |
                            zero_bytes(w ^ (ones * '\r')) | zero_bytes(w ^ (ones * '"'));
    if (m) return i + static_cast<std::size_t>(__builtin_ctzll(m) >> 3);
    i += 8;
  }
#endif
  while (i < end) {
    const char c = b[i];
    if (c == ',' || c == '\n' || c == '\r' || c == '"') return i;
    ++i;
  }
  return end;
}

std::string quote_for_message(std::string_view s) {
  constexpr std::size_t max = 60;
  std::string out = "'";
  out.append(s.substr(0, max));
  if (s.size() > max) out += "…";
  out += "'";
  return out;
}

}  // namespace

const std::vector<dossier_log_column>& dossier_log_columns() { return layout(); }

std::optional<date_time> try_parse_log_date_time(std::string_view text, bool* has_time, std::string* why) {
  date_time t{};
  bool ht = false;
  std::string detail;
  if (const char* problem = parse_date_time_impl(text, t, ht, &detail)) {
    if (why) *why = problem;
    return std::nullopt;
  }
  if (has_time) *has_time = ht;
  return t;
}

date_time parse_log_date_time(std::string_view text) {
  std::string why;
  if (auto t = try_parse_log_date_time(text, nullptr, &why)) return *t;
  throw parse_error("expected a date-time " + std::string(date_forms) + ", found " + quote_for_message(text) +
                    " (" + why + ")");
}

// ---------------------------------------------------------------------------------------------
// The reader

struct dossier_log_reader::impl {
  struct file_closer {
    void operator()(std::FILE* f) const noexcept {
      if (f) std::fclose(f);
    }
  };
  struct field_ref {
    std::size_t offset = 0;  // into buf (valid until the next refill)
    std::size_t size = 0;
    bool escaped = false;    // quoted with "" inside: needs unescaping
    bool quoted = false;
    long line = 0;
  };
  enum class status { record, blank, need_more, end, bad };

  std::string name;
  dossier_log_options options;
  dossier_log_summary summary;
  std::vector<std::string> header;
  std::unique_ptr<std::FILE, file_closer> file;
  std::vector<char> buf;
  std::size_t begin = 0;  // start of the unparsed data
  std::size_t end = 0;    // end of the valid data
  bool eof = false;
  long line = 1;          // line number at buf[begin]
  std::vector<field_ref> fields;
  std::size_t record_begin = 0;  // byte range of the last split record in buf
  std::size_t record_end = 0;
  bool record_utf8 = true;       // the whole record is valid UTF-8 (then fields need no check)
  std::array<int, c_count> index{};  // field position of each known column, -1 if absent
  std::vector<std::string> scratch;  // per field position, for unescaped quoted values
  // A tokenizer error found while splitting a record (reported as a bad row).
  std::string bad_message;
  long bad_line = 0;
  long bad_column = 0;

  static constexpr std::size_t chunk = std::size_t{1} << 20;

  void refill() {
    if (!file) {
      eof = true;
      return;
    }
    if (begin > 0) {
      std::memmove(buf.data(), buf.data() + begin, end - begin);
      end -= begin;
      begin = 0;
    }
    if (buf.size() - end < chunk) buf.resize(std::max(buf.size() * 2, end + chunk));
    const std::size_t n = std::fread(buf.data() + end, 1, buf.size() - end, file.get());
    if (n == 0) {
      if (std::ferror(file.get()))
        throw io_error("cannot read: " + std::string(std::strerror(errno)), location{name, line, 0, "", ""});
      eof = true;
    }
    end += n;
    summary.bytes += static_cast<std::int64_t>(n);
  }

  // Skips to the character after the next newline (ignoring quotes), for resynchronisation after a
  // malformed record whose current line is `ln`. Returns false (nothing changed) if more data is
  // needed first.
  bool skip_line(std::size_t i, long ln) {
    const void* nl = std::memchr(buf.data() + i, '\n', end - i);
    if (!nl) {
      if (!eof) return false;
      begin = end;
      line = ln;
      return true;
    }
    begin = static_cast<std::size_t>(static_cast<const char*>(nl) - buf.data()) + 1;
    line = ln + 1;
    return true;
  }

  // Splits one record starting at `begin` into `fields`. On success moves `begin` past it.
  status split() {
    fields.clear();
    std::size_t i = begin;
    long ln = line;
    if (i == end) return eof ? status::end : status::need_more;
    const char* b = buf.data();
    for (;;) {
      // Written in place: building the field on the stack and copying it in costs a store-forwarding
      // stall per field, which showed as the hottest instruction of the reader.
      fields.emplace_back();
      field_ref& f = fields.back();
      f.line = ln;
      const long column = static_cast<long>(fields.size());
      if (i < end && b[i] == '"') {
        const long open_line = ln;
        const std::size_t start = ++i;
        bool escaped = false;
        for (;;) {
          const void* q = std::memchr(b + i, '"', end - i);
          if (!q) {
            if (!eof) return status::need_more;
            bad_message = "unterminated quoted field: the quote opened here is never closed (expected a "
                          "closing '\"' before the end of the file)";
            bad_line = open_line;
            bad_column = column;
            begin = end;
            return status::bad;
          }
          const std::size_t qi = static_cast<std::size_t>(static_cast<const char*>(q) - b);
          ln += std::count(b + i, b + qi, '\n');
          i = qi + 1;
          if (i == end && !eof) return status::need_more;
          if (i < end && b[i] == '"') {
            escaped = true;
            ++i;
            continue;
          }
          break;
        }
        f.offset = start;
        f.size = i - 1 - start;
        f.escaped = escaped;
        f.quoted = true;
        if (i < end && b[i] != ',' && b[i] != '\n' && b[i] != '\r') {
          if (!skip_line(i, ln)) return status::need_more;
          bad_message = std::string("unexpected character '") + b[i] +
                        "' after a closing quote (expected ',' or the end of the line)";
          bad_line = ln;
          bad_column = column;
          return status::bad;
        }
      } else {
        const std::size_t j = find_special(b, i, end);
        if (j == end && !eof) return status::need_more;
        if (j < end && b[j] == '"') {
          if (!skip_line(j, ln)) return status::need_more;
          bad_message = "a quote inside an unquoted field (expected the whole field in quotes, with "
                        "inner quotes doubled)";
          bad_line = ln;
          bad_column = column;
          return status::bad;
        }
        f.offset = i;
        f.size = j - i;
        i = j;
      }
      if (i == end) break;  // eof without a final newline
      if (b[i] == ',') {
        ++i;
        continue;
      }
      if (b[i] == '\r') {
        if (i + 1 == end && !eof) return status::need_more;
        ++i;
        if (i < end && b[i] == '\n') ++i;
        ++ln;
        break;
      }
      // '\n'
      ++i;
      ++ln;
      break;
    }
    record_begin = begin;
    record_end = i;
    begin = i;
    line = ln;
    if (fields.size() == 1 && !fields[0].quoted && is_blank(std::string_view(b + fields[0].offset, fields[0].size)))
      return status::blank;
    return status::record;
  }

  status next_record() {
    for (;;) {
      const status s = split();
      if (s != status::need_more) return s;
      if (eof) {
        // split() only asks for more when not at eof; reaching here means the data ended mid-way
        return status::end;
      }
      // Memory stays bounded: a record this long is almost always an unterminated quote swallowing
      // the rest of the file. This is fatal even when skipping rows: there is no line to resume at.
      if (end - begin > options.max_record_bytes)
        throw parse_error("a record longer than " + std::to_string(options.max_record_bytes) +
                              " bytes starts here (expected records of at most max_record_bytes; an "
                              "unterminated quote?)",
                          location{name, line, 0, "", ""});
      refill();
    }
  }

  std::string_view value(std::size_t k) {
    const field_ref& f = fields[k];
    const char* p = buf.data() + f.offset;
    if (!f.escaped) return {p, f.size};
    std::string& s = scratch[k];
    s.clear();
    for (std::size_t i = 0; i < f.size; ++i) {
      s.push_back(p[i]);
      if (p[i] == '"') ++i;  // "" → "
    }
    return s;
  }

  [[noreturn]] void fail(std::size_t k, const std::string& message) const {
    const std::string& written = k < header.size() ? header[k] : std::string();
    throw parse_error(message, location{name, k < fields.size() ? fields[k].line : line,
                                        static_cast<long>(k + 1), "", written});
  }

  std::string column_label(int c) const {
    // The location already names the column as written; name the canonical column too when the
    // header used an alias, so the message reads the same whatever the header's language.
    const std::string canonical(layout()[static_cast<std::size_t>(c)].name);
    const std::string& written = header[static_cast<std::size_t>(index[static_cast<std::size_t>(c)])];
    return written == canonical ? std::string() : canonical + ": ";
  }

  // The value of a known column, checked as UTF-8; empty when the column is absent.
  std::string_view get(int c) {
    const int k = index[static_cast<std::size_t>(c)];
    if (k < 0) return {};
    const std::string_view v = value(static_cast<std::size_t>(k));
    if (record_utf8) return v;
    const std::size_t bad = utf8_error(v);
    if (bad != std::string_view::npos) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(v[bad])));
      fail(static_cast<std::size_t>(k), column_label(c) + "expected UTF-8 text, found the byte " + hex +
                                            " at byte " + std::to_string(bad + 1) +
                                            " of the field (is the file in another encoding, such as "
                                            "Windows-1258 or TCVN3?)");
    }
    return v;
  }

  std::size_t pos(int c) const { return static_cast<std::size_t>(index[static_cast<std::size_t>(c)]); }

  date_time get_date_time(int c, std::string_view v, bool* has_time = nullptr) {
    date_time t{};
    bool ht = false;
    std::string detail;
    if (const char* problem = parse_date_time_impl(v, t, ht, &detail))
      fail(pos(c), column_label(c) + "expected a date-time " + std::string(date_forms) + ", found " +
                       quote_for_message(v) + " (" + problem + ")");
    if (has_time) *has_time = ht;
    return t;
  }

  long get_count(int c, std::string_view v, long max) {
    const std::string_view s = trim(v);
    long n = 0;
    if (s.empty() || s.size() > 9 ||
        !std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
      fail(pos(c), column_label(c) + "expected a non-negative integer, found " + quote_for_message(v));
    for (char ch : s) n = n * 10 + (ch - '0');
    if (n > max)
      fail(pos(c), column_label(c) + "expected at most " + std::to_string(max) + ", found " + std::string(s));
    return n;
  }

  void read_header() {
    const status s = [&] {
      for (;;) {
        const status st = next_record();
        if (st != status::blank) return st;
      }
    }();
    if (s == status::end) throw parse_error("empty file: expected a header row naming the columns", location{name, 1, 0, "", ""});
    if (s == status::bad)
      throw parse_error(bad_message, location{name, bad_line, bad_column, "", ""});
    index.fill(-1);
    header.clear();
    scratch.assign(fields.size(), std::string());
    for (std::size_t k = 0; k < fields.size(); ++k) {
      const std::string_view v = value(k);
      const std::size_t bad = utf8_error(v);
      if (bad != std::string_view::npos)
        throw parse_error("the header is not UTF-8 text (expected UTF-8 column names)",
                          location{name, fields[k].line, static_cast<long>(k + 1), "", ""});
      header.emplace_back(trim(v));
    }
    const auto& cols = layout();
    for (std::size_t k = 0; k < header.size(); ++k) {
      const std::string folded = fold_name(header[k]);
      int found = -1;
      for (std::size_t c = 0; c < cols.size() && found < 0; ++c) {
        if (fold_name(cols[c].name) == folded) found = static_cast<int>(c);
        for (std::string_view a : cols[c].aliases)
          if (found < 0 && fold_name(a) == folded) found = static_cast<int>(c);
      }
      if (found < 0) {
        summary.ignored_columns.push_back(header[k]);
        continue;
      }
      int& slot = index[static_cast<std::size_t>(found)];
      if (slot >= 0)
        throw parse_error("column " + std::string(cols[static_cast<std::size_t>(found)].name) +
                              " is given twice (as '" + header[static_cast<std::size_t>(slot)] +
                              "' and as '" + header[k] + "'); expected each column once",
                          location{name, fields[k].line, static_cast<long>(k + 1), "", header[k]});
      slot = static_cast<int>(k);
    }
    std::string missing;
    for (std::size_t c = 0; c < cols.size(); ++c)
      if (cols[c].required && index[c] < 0) {
        if (!missing.empty()) missing += ", ";
        missing += std::string(cols[c].name) + " (or '" + std::string(cols[c].aliases.front()) + "')";
      }
    if (!missing.empty())
      throw parse_error("missing required column(s): " + missing + "; the header has: " + [&] {
        std::string h;
        for (const auto& n : header) h += (h.empty() ? "'" : ", '") + n + "'";
        return h;
      }(), location{name, 1, 0, "", ""});
  }

  // Turns the split record into `d`. Throws parse_error for a bad row.
  void convert(dossier& d) {
    if (fields.size() != header.size()) {
      const std::size_t k = std::min(fields.size(), header.size());
      throw parse_error("expected " + std::to_string(header.size()) + " fields as in the header, found " +
                            std::to_string(fields.size()) +
                            " (a missing or extra comma, or a value with a comma that is not quoted?)",
                        location{name, fields.empty() ? line : fields.front().line, static_cast<long>(k + 1), "",
                                 k < header.size() ? header[k] : std::string()});
    }
    // One UTF-8 check over the whole record; only when it fails are the fields checked one by one,
    // to name the column (a bad byte in an ignored column is then let through).
    record_utf8 = utf8_error(std::string_view(buf.data() + record_begin, record_end - record_begin)) ==
                  std::string_view::npos;
    const std::string_view id = trim(get(c_id));
    if (id.empty()) fail(pos(c_id), column_label(c_id) + "expected a dossier id, found an empty field");
    d.id.assign(id.data(), id.size());
    const std::string_view unit = trim(get(c_unit));
    d.unit.assign(unit.data(), unit.size());
    const std::string_view procedure = trim(get(c_procedure));
    d.procedure.assign(procedure.data(), procedure.size());
    const std::string_view field = trim(get(c_field));
    d.field.assign(field.data(), field.size());

    const std::string_view level = get(c_level);
    if (is_blank(level)) {
      d.level.clear();
    } else if (const std::string_view* l = find_value(level_values, level)) {
      d.level.assign(l->data(), l->size());
    } else {
      fail(pos(c_level), column_label(c_level) + "expected " + std::string(level_expected) + ", found " +
                             quote_for_message(level));
    }

    const std::string_view ch = get(c_channel);
    if (const dossier_channel* c = find_value(channel_values, ch))
      d.channel = *c;
    else
      fail(pos(c_channel), column_label(c_channel) + "expected " + std::string(channel_expected) + ", found " +
                               quote_for_message(ch));

    const std::string_view received = get(c_received_at);
    if (is_blank(received))
      fail(pos(c_received_at), column_label(c_received_at) + "expected a date-time " + std::string(date_forms) +
                                   ", found an empty field");
    d.received_at = get_date_time(c_received_at, received);

    const std::string_view promised = get(c_promised_at);
    if (is_blank(promised)) {
      d.promised_at.reset();
      d.promised_has_time = false;
    } else {
      d.promised_at = get_date_time(c_promised_at, promised, &d.promised_has_time);
    }

    time_unit tu = time_unit::working_days;
    const std::string_view tu_text = get(c_processing_unit);
    if (!is_blank(tu_text)) {
      if (const time_unit* u = find_value(unit_values, tu_text))
        tu = *u;
      else
        fail(pos(c_processing_unit), column_label(c_processing_unit) + "expected " + std::string(unit_expected) +
                                         ", found " + quote_for_message(tu_text));
    }
    const std::string_view amount = get(c_processing_time);
    if (is_blank(amount)) {
      if (!d.promised_at)
        fail(pos(c_processing_time), column_label(c_processing_time) +
                                         "expected the processing time (a non-negative integer), found an "
                                         "empty field and no promised_at date to use instead");
      d.processing.reset();
    } else {
      d.processing = processing_time{tu, get_count(c_processing_time, amount, 100000)};
      if (tu == time_unit::same_day && d.processing->amount > 1)
        fail(pos(c_processing_time), column_label(c_processing_time) + "expected 0 or 1 for a same_day "
                                         "processing time, found " + quote_for_message(amount));
    }

    const std::string_view resolved = get(c_resolved_at);
    const std::string_view kind = get(c_end_kind);
    if (is_blank(resolved)) {
      if (!is_blank(kind))
        fail(pos(c_end_kind), column_label(c_end_kind) + "found " + quote_for_message(kind) +
                                  " but resolved_at is empty; expected the end date-time in resolved_at, or "
                                  "an empty end_kind for a dossier still pending");
      d.end.reset();
    } else {
      dossier_end e;
      e.at = get_date_time(c_resolved_at, resolved);
      if (e.at < d.received_at)
        fail(pos(c_resolved_at), column_label(c_resolved_at) + "expected a date-time not before received_at, "
                                     "found " + quote_for_message(resolved));
      e.kind = end_kind::resolved;
      if (!is_blank(kind)) {
        if (const end_kind* k = find_value(end_values, kind))
          e.kind = *k;
        else
          fail(pos(c_end_kind), column_label(c_end_kind) + "expected " + std::string(end_expected) + ", found " +
                                    quote_for_message(kind));
      }
      d.end = e;
    }

    d.pauses.clear();
    const std::string_view pf = get(c_paused_from);
    const std::string_view pt = get(c_paused_to);
    const bool has_pf = !is_blank(pf);
    const bool has_pt = !is_blank(pt);
    if (has_pf != has_pt) {
      const int c = has_pf ? c_paused_to : c_paused_from;
      if (index[static_cast<std::size_t>(c)] < 0)
        fail(pos(has_pf ? c_paused_from : c_paused_to),
             column_label(has_pf ? c_paused_from : c_paused_to) + "a supplement pause needs both paused_from and "
                                                                 "paused_to; the other column is missing");
      fail(pos(c), column_label(c) + "expected a date-time (the pause has a " +
                       (has_pf ? std::string("start") : std::string("end")) + "), found an empty field");
    }
    if (has_pf) {
      pause p{get_date_time(c_paused_from, pf), get_date_time(c_paused_to, pt)};
      if (p.to < p.from)
        fail(pos(c_paused_to), column_label(c_paused_to) + "expected a date-time not before paused_from, found " +
                                   quote_for_message(pt));
      if (p.from < d.received_at)
        fail(pos(c_paused_from), column_label(c_paused_from) + "expected a date-time not before received_at, "
                                     "found " + quote_for_message(pf));
      d.pauses.push_back(p);
    }

    const std::string_view sr = get(c_supplement_requests);
    if (is_blank(sr)) {
      d.supplement_requests = has_pf ? 1 : 0;
    } else {
      d.supplement_requests = static_cast<int>(get_count(c_supplement_requests, sr, 1000));
      if (has_pf && d.supplement_requests == 0)
        fail(pos(c_supplement_requests), column_label(c_supplement_requests) +
                                             "found 0 but the row has a supplement pause; expected at "
                                             "least 1");
    }

    const std::string_view ap = trim(get(c_apology));
    if (ap.empty() || ap == "0" || folded_equals(ap, "false") || folded_equals(ap, "không") ||
        folded_equals(ap, "no"))
      d.apology = false;
    else if (ap == "1" || folded_equals(ap, "true") || folded_equals(ap, "có") || folded_equals(ap, "yes"))
      d.apology = true;
    else
      fail(pos(c_apology), column_label(c_apology) + "expected 0 or 1 (also true/false, có/không), found " +
                               quote_for_message(ap));
  }

  bool next(dossier& d) {
    for (;;) {
      const status s = next_record();
      if (s == status::end) return false;
      if (s == status::blank) continue;
      ++summary.rows;
      try {
        if (s == status::bad) throw parse_error(bad_message, location{name, bad_line, bad_column, "",
                                                                      bad_column >= 1 && static_cast<std::size_t>(bad_column) <= header.size()
                                                                          ? header[static_cast<std::size_t>(bad_column - 1)]
                                                                          : std::string()});
        convert(d);
      } catch (const parse_error& e) {
        if (!options.skip_bad_rows) throw;
        ++summary.skipped;
        if (summary.errors.size() < options.max_reported_errors) summary.errors.push_back(e);
        continue;
      }
      ++summary.accepted;
      return true;
    }
  }

  void start() {
    summary.file = name;
    if (file) refill();
    // A UTF-8 byte order mark is allowed and skipped.
    if (end - begin >= 3 && static_cast<unsigned char>(buf[begin]) == 0xEF &&
        static_cast<unsigned char>(buf[begin + 1]) == 0xBB && static_cast<unsigned char>(buf[begin + 2]) == 0xBF)
      begin += 3;
    read_header();
  }
};

dossier_log_reader::dossier_log_reader(std::unique_ptr<impl> p) noexcept : impl_(std::move(p)) {}
dossier_log_reader::dossier_log_reader(dossier_log_reader&&) noexcept = default;
dossier_log_reader& dossier_log_reader::operator=(dossier_log_reader&&) noexcept = default;
dossier_log_reader::~dossier_log_reader() = default;

dossier_log_reader dossier_log_reader::open(const std::string& path, dossier_log_options options) {
  auto p = std::make_unique<impl>();
  p->name = path;
  p->options = options;
  p->file.reset(std::fopen(path.c_str(), "rb"));
  if (!p->file)
    throw io_error("cannot open the dossier log: " + std::string(std::strerror(errno)), location{path, 0, 0, "", ""});
  p->buf.resize(impl::chunk * 4);
  p->start();
  return dossier_log_reader(std::move(p));
}

dossier_log_reader dossier_log_reader::from_text(std::string text, std::string name, dossier_log_options options) {
  auto p = std::make_unique<impl>();
  p->name = std::move(name);
  p->options = options;
  p->buf.assign(text.begin(), text.end());
  p->end = p->buf.size();
  p->eof = true;
  p->summary.bytes = static_cast<std::int64_t>(text.size());
  p->start();
  return dossier_log_reader(std::move(p));
}

bool dossier_log_reader::next(dossier& out) { return impl_->next(out); }
const std::vector<std::string>& dossier_log_reader::header() const& noexcept { return impl_->header; }
const dossier_log_summary& dossier_log_reader::summary() const& noexcept { return impl_->summary; }

dossier_log_summary read_dossier_log(const std::string& path, const std::function<void(const dossier&)>& on_dossier,
                                     const dossier_log_options& options) {
  auto reader = dossier_log_reader::open(path, options);
  dossier d;
  while (reader.next(d)) on_dossier(d);
  return reader.summary();
}

dossier_log_summary accumulate_dossier_log(const std::string& path, flow_accumulator& into,
                                           const dossier_log_options& options) {
  return read_dossier_log(path, [&into](const dossier& d) { into.add(d); }, options);
}

std::vector<dossier> load_dossier_log(const std::string& path, const dossier_log_options& options,
                                      dossier_log_summary* summary) {
  std::vector<dossier> out;
  const dossier_log_summary s = read_dossier_log(path, [&](const dossier& d) { out.push_back(d); }, options);
  if (summary) *summary = s;
  return out;
}

}  // namespace cchc
