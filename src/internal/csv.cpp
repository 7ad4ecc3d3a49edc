// The one CSV tokenizer (see csv.hpp).
#include "internal/csv.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "cchc/error.hpp"
#include "internal/utf8.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cchc::internal {

namespace {

constexpr std::size_t chunk = std::size_t{1} << 20;
constexpr std::size_t max_cap = std::size_t{1} << 30;
constexpr std::uint64_t ones = 0x0101010101010101ULL;
constexpr std::uint64_t highs = 0x8080808080808080ULL;

constexpr std::uint64_t zero_bytes(std::uint64_t x) noexcept { return (x - ones) & ~x & highs; }

// The first of `sep`, '\n', '\r', '"' in b[i, end), or end. Eight bytes at a time: a byte equal to c
// makes (w ^ c·0x01..01) have a zero byte, which the classic has-zero test finds; its lowest flagged
// byte is exact (false positives can only sit above a true zero), so on little-endian machines the
// count of trailing zero bits locates it. This scan is the reader's hot loop (most fields are short
// and unquoted): it is what keeps the dossier log reader near memory speed.
std::size_t find_special(const char* b, std::size_t i, std::size_t end, char sep) noexcept {
#if defined(__SSE2__)
  // Sixteen bytes at a time where SSE2 is there (every x86-64): four byte compares and one movemask
  // find the first special byte of a typical field in one step.
  const __m128i vs = _mm_set1_epi8(sep), vn = _mm_set1_epi8('\n'), vr = _mm_set1_epi8('\r'), vq = _mm_set1_epi8('"');
  while (i + 16 <= end) {
    const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(w, vs), _mm_cmpeq_epi8(w, vn)),
                                     _mm_or_si128(_mm_cmpeq_epi8(w, vr), _mm_cmpeq_epi8(w, vq)));
    const auto m = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (m) return i + static_cast<std::size_t>(__builtin_ctz(m));
    i += 16;
  }
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  const std::uint64_t s = ones * static_cast<unsigned char>(sep);
  while (i + 8 <= end) {
    std::uint64_t w;
    std::memcpy(&w, b + i, 8);
    const std::uint64_t m = zero_bytes(w ^ s) | zero_bytes(w ^ (ones * '\n')) | zero_bytes(w ^ (ones * '\r')) |
                            zero_bytes(w ^ (ones * '"'));
    if (m) return i + static_cast<std::size_t>(__builtin_ctzll(m) >> 3);
    i += 8;
  }
#endif
  while (i < end) {
    const char c = b[i];
    if (c == sep || c == '\n' || c == '\r' || c == '"') return i;
    ++i;
  }
  return end;
}

// Inside quotes: the first of '"', '\n', '\r' (line breaks are counted, not ends).
std::size_t find_quoted_special(const char* b, std::size_t i, std::size_t end) noexcept {
#if defined(__SSE2__)
  const __m128i vn = _mm_set1_epi8('\n'), vr = _mm_set1_epi8('\r'), vq = _mm_set1_epi8('"');
  while (i + 16 <= end) {
    const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
    const __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(w, vn), _mm_or_si128(_mm_cmpeq_epi8(w, vr), _mm_cmpeq_epi8(w, vq)));
    const auto m = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (m) return i + static_cast<std::size_t>(__builtin_ctz(m));
    i += 16;
  }
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  while (i + 8 <= end) {
    std::uint64_t w;
    std::memcpy(&w, b + i, 8);
    const std::uint64_t m = zero_bytes(w ^ (ones * '\n')) | zero_bytes(w ^ (ones * '\r')) | zero_bytes(w ^ (ones * '"'));
    if (m) return i + static_cast<std::size_t>(__builtin_ctzll(m) >> 3);
    i += 8;
  }
#endif
  while (i < end) {
    const char c = b[i];
    if (c == '\n' || c == '\r' || c == '"') return i;
    ++i;
  }
  return end;
}

int sep_index(char sep) noexcept { return sep == ',' ? 0 : sep == ';' ? 1 : 2; }
constexpr std::array<char, 3> separators{',', ';', '\t'};

// A byte for a message: itself when printable ASCII, else 0xNN (messages stay valid UTF-8).
std::string show_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x20 && u < 0x7F) return std::string("'") + c + "'";
  static const char* hex = "0123456789ABCDEF";
  return std::string("the byte 0x") + hex[u >> 4] + hex[u & 15];
}

}  // namespace

void csv_reader::file_closer::operator()(std::FILE* f) const noexcept {
  if (f) std::fclose(f);
}

csv_reader::csv_reader(csv_reader&&) noexcept = default;
csv_reader& csv_reader::operator=(csv_reader&&) noexcept = default;
csv_reader::~csv_reader() = default;

std::string csv_reader::separator_name(char sep) {
  if (sep == '\t') return "tab";
  return std::string("'") + sep + "'";
}

csv_reader csv_reader::open(const std::string& path, csv_options options) {
  csv_reader r;
  r.name_ = path;
  r.options_ = options;
  r.file_.reset(std::fopen(path.c_str(), "rb"));
  if (!r.file_) throw io_error("cannot open: " + std::string(std::strerror(errno)), location{path, 0, 0, "", ""});
  r.buf_.resize(chunk * 4);
  r.start();
  return r;
}

csv_reader csv_reader::from_text(std::string text, std::string name, csv_options options) {
  csv_reader r;
  r.name_ = std::move(name);
  r.options_ = options;
  r.bytes_ = static_cast<std::int64_t>(text.size());
  r.buf_.assign(text.begin(), text.end());
  r.end_ = r.buf_.size();
  r.eof_ = true;
  r.start();
  return r;
}

void csv_reader::start() {
  options_.max_record_bytes = std::min(options_.max_record_bytes, max_cap);
  max_fields_ = std::max<std::size_t>(1, options_.max_record_bytes / csv_field_cost);
  if (options_.separator != 0 && options_.separator != ',' && options_.separator != ';' && options_.separator != '\t')
    throw argument_error("expected the CSV separator ',', ';' or a tab, found " + show_byte(options_.separator),
                         location{name_, 0, 0, "", "separator"});
  if (file_) refill();
  // A UTF-8 byte order mark is allowed and skipped.
  if (end_ - begin_ >= 3 && static_cast<unsigned char>(buf_[begin_]) == 0xEF &&
      static_cast<unsigned char>(buf_[begin_ + 1]) == 0xBB && static_cast<unsigned char>(buf_[begin_ + 2]) == 0xBF)
    begin_ += 3;
  detect_separator();
}

void csv_reader::refill() {
  if (!file_) {
    eof_ = true;
    return;
  }
  if (begin_ > 0) {
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  // Grows geometrically, so a record spanning many reads is rescanned O(1) times on average.
  if (buf_.size() - end_ < chunk) buf_.resize(std::max(buf_.size() * 2, end_ + chunk));
  const std::size_t n = std::fread(buf_.data() + end_, 1, buf_.size() - end_, file_.get());
  if (n == 0) {
    if (std::ferror(file_.get()))
      throw io_error("cannot read: " + std::string(std::strerror(errno)), location{name_, line_, 0, "", ""});
    eof_ = true;
  }
  end_ += n;
  bytes_ += static_cast<std::int64_t>(n);
}

void csv_reader::check_cap(std::size_t record_bytes) const {
  const std::size_t cost = record_bytes + fields_.size() * csv_field_cost;
  if (cost <= options_.max_record_bytes && fields_.size() < max_fields_) return;
  throw parse_error("a record longer than " + std::to_string(options_.max_record_bytes) +
                        " bytes (each field counted as " + std::to_string(csv_field_cost) +
                        " bytes more) starts here, with " + std::to_string(fields_.size()) +
                        " fields so far; expected records within max_record_bytes (an unterminated quote, or "
                        "not a CSV file?)",
                    location{name_, line_, 1, "", ""});
}

// Counts the fields of the first non-blank record under each separator (quote-aware), then picks the
// separator: the caller's, or the one giving the most fields.
void csv_reader::detect_separator() {
  for (;;) {
    const char* b = buf_.data();
    std::size_t i = begin_;
    bool complete = false;
    std::array<std::size_t, 3> counts{};
    while (!complete) {
      counts = {};
      bool in_quotes = false, nonblank = false, need_more = false;
      for (; i < end_; ++i) {
        const char c = b[i];
        if (in_quotes) {
          if (c != '"') continue;
          if (i + 1 == end_ && !eof_) {
            need_more = true;
            break;
          }
          if (i + 1 < end_ && b[i + 1] == '"')
            ++i;
          else
            in_quotes = false;
          continue;
        }
        if (c == '\n' || c == '\r') break;
        if (c == '"') in_quotes = true;
        if (c == ',') ++counts[0];
        if (c == ';') ++counts[1];
        if (c == '\t') ++counts[2];
        if (c != ' ' && c != '\t') nonblank = true;
      }
      if (need_more || (i == end_ && !eof_)) break;
      if (nonblank || i == end_) {
        complete = true;
        break;
      }
      // a blank line before the header
      if (b[i] == '\r' && i + 1 < end_ && b[i + 1] == '\n') ++i;
      if (b[i] == '\r' && i + 1 == end_ && !eof_) break;
      ++i;
    }
    if (complete) {
      for (std::size_t s = 0; s < 3; ++s) header_counts_[s] = counts[s] + 1;
      break;
    }
    if (end_ - begin_ > options_.max_record_bytes) check_cap(end_ - begin_);
    if (eof_) break;
    refill();
  }
  if (options_.separator != 0) {
    sep_ = options_.separator;
    sep_given_ = true;
  } else {
    std::size_t best = 0;
    for (std::size_t s = 1; s < 3; ++s)
      if (header_counts_[s] > header_counts_[best]) best = s;
    sep_ = separators[best];
  }
}

std::string csv_reader::separator_hint() const {
  const int mine = sep_index(sep_);
  int best = -1;
  for (int s = 0; s < 3; ++s)
    if (s != mine && header_counts_[static_cast<std::size_t>(s)] > header_counts_[static_cast<std::size_t>(mine)] &&
        (best < 0 || header_counts_[static_cast<std::size_t>(s)] > header_counts_[static_cast<std::size_t>(best)]))
      best = s;
  if (best < 0) return {};
  const char other = separators[static_cast<std::size_t>(best)];
  const std::size_t n = header_counts_[static_cast<std::size_t>(mine)];
  static constexpr const char* kinds[] = {"comma", "semicolon", "tab"};
  return "the header has " + std::to_string(n) + (n == 1 ? " column" : " columns") + " with " +
         separator_name(sep_) + "; with " + separator_name(other) + " it has " +
         std::to_string(header_counts_[static_cast<std::size_t>(best)]) + " — is the file " + kinds[best] +
         "-separated? pass --separator " + (other == '\t' ? std::string("tab") : separator_name(other)) +
         " (the separator option)";
}

bool csv_reader::skip_line(std::size_t i, long ln) {
  const char* b = buf_.data();
  while (i < end_ && b[i] != '\n' && b[i] != '\r') ++i;
  if (i == end_) {
    if (!eof_) return false;
    begin_ = end_;
    line_ = ln;
    return true;
  }
  if (b[i] == '\r') {
    if (i + 1 == end_ && !eof_) return false;
    if (i + 1 < end_ && b[i + 1] == '\n') ++i;
  }
  begin_ = i + 1;
  line_ = ln + 1;
  return true;
}

void csv_reader::set_problem(std::string message, std::size_t at, std::size_t line_start, long ln, std::size_t field) {
  problem_.message = std::move(message);
  problem_.line = ln;
  problem_.column = static_cast<long>(count_chars(std::string_view(buf_.data() + line_start, at - line_start))) + 1;
  problem_.field = field;
}

// The common record — unquoted fields ended by LF or CRLF, wholly in the buffer — split sixteen bytes
// at a time: one pass finds the separators and the first quote or line break of each block, and
// every separator before it ends a field. Anything else (a quote, a lone CR at the buffer's end, a
// record running past the buffer, the field cap reached) returns false with nothing changed, and
// split() reads the record by the general rules — so the result is split()'s whatever the path.
bool csv_reader::split_simple(split_status& status) {
#if defined(__SSE2__)
  const std::size_t base = begin_, end = end_;
  const char* b = buf_.data();
  const __m128i vs = _mm_set1_epi8(sep_), vn = _mm_set1_epi8('\n'), vr = _mm_set1_epi8('\r'), vq = _mm_set1_epi8('"');
  // Where each field ends (its separator, or the line break), relative to the record; the fields are
  // written once the record is known to be simple. Wider records take the general path.
  constexpr std::size_t max_simple_fields = 64;
  std::uint32_t stops[max_simple_fields + 16];  // one block's separators past the limit, then it stops
  std::size_t n = 0;
  for (std::size_t blk = base; blk + 16 <= end; blk += 16) {
    const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + blk));
    auto seps = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(w, vs)));
    const auto specials = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(w, vn), _mm_or_si128(_mm_cmpeq_epi8(w, vr), _mm_cmpeq_epi8(w, vq)))));
    const unsigned first = specials ? static_cast<unsigned>(__builtin_ctz(specials)) : 16;
    if (first < 16) seps &= (1u << first) - 1;
    const auto rel = static_cast<std::uint32_t>(blk - base);
    for (; seps; seps &= seps - 1) stops[n++] = rel + static_cast<std::uint32_t>(__builtin_ctz(seps));
    if (n >= max_simple_fields) return false;
    if (first == 16) continue;
    const std::size_t at = blk + first;
    std::size_t next = at + 1;
    if (b[at] == '"') return false;
    if (b[at] == '\r') {
      if (next == end) return false;  // a CR at the buffer's end: is it CRLF? split() waits for more
      if (b[next] == '\n') ++next;
    }
    stops[n++] = static_cast<std::uint32_t>(at - base);
    // The caps as split() applies them at the end of a record (check_cap): past them split() throws.
    if (n >= max_fields_ || (at - base) + n * csv_field_cost > options_.max_record_bytes) return false;
    // The previous record's entries are overwritten whole (records of a log have the same width, so
    // the vector keeps its size: no per-record clearing or value-initialisation).
    fields_.resize(n);
    std::uint32_t start = 0;
    for (std::size_t k = 0; k < n; ++k) {
      field_ref& f = fields_[k];
      f.start = start;
      f.size = stops[k] - start;
      f.line_start = 0;
      f.line_delta = 0;
      f.quoted = false;
      f.escaped = false;
      start = stops[k] + 1;
    }
    record_begin_ = base;
    record_size_ = at - base;
    record_line_ = line_;
    begin_ = next;
    ++line_;
    status = split_status::record;
    if (n == 1) {
      const std::string_view v = raw(0);
      if (std::all_of(v.begin(), v.end(), [](char c) { return c == ' ' || c == '\t'; })) status = split_status::blank;
    }
    return true;
  }
#else
  (void)status;
#endif
  return false;
}

csv_reader::split_status csv_reader::split() {
  if (split_status s; split_simple(s)) return s;
  fields_.clear();
  // Members copied into locals: the field stores below could otherwise force them to be reloaded.
  const std::size_t base = begin_, end = end_;
  const bool eof = eof_;
  std::size_t i = base;
  long ln = line_;
  std::size_t line_start = base;
  if (i == end) return eof ? split_status::end : split_status::need_more;
  const char* b = buf_.data();
  const char sep = sep_;
  std::size_t content_end = i;
  const std::size_t max_fields = max_fields_;
  std::uint32_t rel_line_start = 0, line_delta = 0;
  for (;;) {
    if (fields_.size() == max_fields) check_cap(i - base);  // throws: one field too many
    // Written in place: building the field on the stack and copying it in costs a store-forwarding
    // stall per field, which showed as the hottest instruction of the reader.
    fields_.emplace_back();
    field_ref& f = fields_.back();
    f.start = static_cast<std::uint32_t>(i - base);
    f.line_start = rel_line_start;
    f.line_delta = line_delta;
    if (i < end && b[i] == '"') {
      const long open_line = ln;
      const std::size_t open_at = i, open_line_start = line_start;
      const std::size_t start = ++i;
      bool escaped = false;
      for (;;) {
        const std::size_t j = find_quoted_special(b, i, end);
        if (j == end) {
          if (!eof) return split_status::need_more;
          set_problem("unterminated quoted field: the quote opened here is never closed (expected a closing '\"' "
                      "before the end of the file)",
                      open_at, open_line_start, open_line, fields_.size() - 1);
          begin_ = end_;
          line_ = ln;
          return split_status::bad;
        }
        if (b[j] == '\n' || b[j] == '\r') {
          if (b[j] == '\r' && j + 1 == end && !eof) return split_status::need_more;
          i = b[j] == '\r' && j + 1 < end && b[j + 1] == '\n' ? j + 2 : j + 1;
          ++ln;
          ++line_delta;
          line_start = i;
          rel_line_start = static_cast<std::uint32_t>(i - base);
          continue;
        }
        i = j + 1;  // a quote: closing, or the first of ""
        if (i == end && !eof) return split_status::need_more;
        if (i < end && b[i] == '"') {
          escaped = true;
          ++i;
          continue;
        }
        break;
      }
      f.size = static_cast<std::uint32_t>(i - 1 - start);
      f.escaped = escaped;
      f.quoted = true;
      if (i < end && b[i] != sep && b[i] != '\n' && b[i] != '\r') {
        set_problem("unexpected " + show_byte(b[i]) + " after a closing quote (expected " + separator_name(sep) +
                        " or the end of the line)",
                    i, line_start, ln, fields_.size() - 1);
        if (!skip_line(i, ln)) return split_status::need_more;
        return split_status::bad;
      }
    } else {
      const std::size_t j = find_special(b, i, end, sep);
      if (j == end && !eof) return split_status::need_more;
      if (j < end && b[j] == '"') {
        set_problem("a quote inside an unquoted field (expected the whole field in quotes, with inner quotes "
                    "doubled)",
                    j, line_start, ln, fields_.size() - 1);
        if (!skip_line(j, ln)) return split_status::need_more;
        return split_status::bad;
      }
      f.size = static_cast<std::uint32_t>(j - i);
      i = j;
    }
    content_end = i;
    if (i == end) break;  // eof without a final newline
    if (b[i] == sep) {  // (the record's bytes are capped by next() and at its end below)
      ++i;
      continue;
    }
    if (b[i] == '\r') {
      if (i + 1 == end && !eof) return split_status::need_more;
      ++i;
      if (i < end && b[i] == '\n') ++i;
      ++ln;
      break;
    }
    ++i;  // '\n'
    ++ln;
    break;
  }
  check_cap(content_end - base);
  record_begin_ = base;
  record_size_ = content_end - base;
  record_line_ = line_;
  begin_ = i;
  line_ = ln;
  if (fields_.size() == 1 && !fields_[0].quoted) {
    const std::string_view v = raw(0);
    if (std::all_of(v.begin(), v.end(), [](char c) { return c == ' ' || c == '\t'; })) return split_status::blank;
  }
  return split_status::record;
}

csv_status csv_reader::next() {
  for (;;) {
    const split_status s = split();
    switch (s) {
      case split_status::record:
        first_record_ = false;
        return csv_status::record;
      case split_status::bad:
        first_record_ = false;
        return csv_status::bad;
      case split_status::end: return csv_status::end;
      case split_status::blank: continue;
      case split_status::need_more: break;
    }
    // Memory stays bounded: see csv.hpp. Fatal even for a caller skipping bad rows.
    if (end_ - begin_ > options_.max_record_bytes) check_cap(end_ - begin_);
    refill();
  }
}

std::string_view csv_reader::unescaped(std::size_t k) {
  const std::string_view r = raw(k);
  if (scratch_.size() <= k) scratch_.resize(k + 1);
  std::string& s = scratch_[k];
  s.clear();
  for (std::size_t i = 0; i < r.size(); ++i) {
    s.push_back(r[i]);
    if (r[i] == '"') ++i;  // "" → "
  }
  return s;
}

long csv_reader::column(std::size_t k) const noexcept {
  const field_ref& f = fields_[k];
  return static_cast<long>(count_chars(std::string_view(record_data() + f.line_start, f.start - f.line_start))) + 1;
}

namespace {
// Walks b[from, to) counting line breaks (CRLF once); returns the offset where the last line starts.
std::size_t last_line_start(const char* b, std::size_t from, std::size_t to, long& lines) {
  std::size_t ls = from;
  for (std::size_t i = from; i < to; ++i) {
    if (b[i] == '\n' || (b[i] == '\r' && !(i + 1 < to && b[i + 1] == '\n'))) {
      ++lines;
      ls = i + 1;
    }
  }
  return ls;
}
}  // namespace

long csv_reader::end_line() const noexcept {
  if (fields_.empty()) return record_line_;
  const field_ref& f = fields_.back();
  long lines = line(fields_.size() - 1);
  (void)last_line_start(record_data(), f.start, record_size_, lines);
  return lines;
}

long csv_reader::end_column() const noexcept {
  if (fields_.empty()) return 1;
  const field_ref& f = fields_.back();
  long lines = 0;
  std::size_t ls = last_line_start(record_data(), f.start, record_size_, lines);
  if (lines == 0) ls = f.line_start;
  return static_cast<long>(count_chars(std::string_view(record_data() + ls, record_size_ - ls))) + 1;
}

}  // namespace cchc::internal
