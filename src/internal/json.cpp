// The one JSON reader (see json.hpp): nlohmann's SAX parser, a DOM with offsets, located errors.
#include "internal/json.hpp"

#include <cstddef>
#include <iterator>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "internal/utf8.hpp"

namespace cchc::internal::json {

std::string_view kind_name(kind k) noexcept {
  switch (k) {
    case kind::null: return "null";
    case kind::boolean: return "boolean";
    case kind::number: return "number";
    case kind::string: return "string";
    case kind::array: return "array";
    case kind::object: return "object";
  }
  return "unknown";
}

// Defined here, where `member` is complete.
value::value(const value&) = default;
value::value(value&&) noexcept = default;
value& value::operator=(const value&) = default;
value& value::operator=(value&&) noexcept = default;
value::~value() = default;

std::optional<std::int64_t> value::as_int64() const noexcept {
  if (!is_integer()) return std::nullopt;
  const std::string& t = text();
  std::size_t i = 0;
  const bool negative = !t.empty() && t[0] == '-';
  if (negative) i = 1;
  // |INT64_MIN| = 2^63 = INT64_MAX + 1: accumulate the magnitude unsigned, checked against the limit.
  const std::uint64_t limit = negative ? std::uint64_t{1} << 63 : (std::uint64_t{1} << 63) - 1;
  std::uint64_t magnitude = 0;
  for (; i < t.size(); ++i) {
    const auto digit = static_cast<std::uint64_t>(t[i] - '0');
    if (magnitude > (limit - digit) / 10) return std::nullopt;
    magnitude = magnitude * 10 + digit;
  }
  if (!negative) return static_cast<std::int64_t>(magnitude);
  if (magnitude == std::uint64_t{1} << 63) return INT64_MIN;
  return -static_cast<std::int64_t>(magnitude);
}

bool value::is_negative() const noexcept { return kind_ == kind::number && !text().empty() && text()[0] == '-'; }

const member* value::find_member(std::string_view key) const noexcept {
  if (kind_ != kind::object) return nullptr;
  for (const member& m : members())
    if (m.key == key) return &m;
  return nullptr;
}

const value* value::find(std::string_view key) const noexcept {
  const member* m = find_member(key);
  return m ? &m->value : nullptr;
}

std::string child_path(const std::string& path, std::string_view key) {
  std::string out;
  out.reserve(path.size() + 1 + key.size());
  out += path;
  out += '.';
  out += key;
  return out;
}

std::string index_path(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

// ── positions ─────────────────────────────────────────────────────────────────────────────────────

namespace {
constexpr std::size_t checkpoint_every = 4096;
}

document::position document::position_of(std::size_t offset) const {
  const std::size_t n = text_.size();
  if (offset > n) offset = n;
  if (checkpoints_.empty()) {
    // One pass over the whole text, once: (line, column) at every 4 KiB boundary. Columns count
    // characters, i.e. bytes that are not UTF-8 continuation bytes (internal::count_chars' rule).
    checkpoints_.reserve(n / checkpoint_every + 1);
    long line = 1, column = 1;
    for (std::size_t i = 0;; ++i) {
      if (i % checkpoint_every == 0) checkpoints_.push_back({line, column});
      if (i == n) break;
      const auto c = static_cast<unsigned char>(text_[i]);
      if (c == '\n') {
        ++line;
        column = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++column;
      }
    }
  }
  const std::size_t k = offset / checkpoint_every;
  position p{checkpoints_[k].line, checkpoints_[k].column};
  for (std::size_t i = k * checkpoint_every; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text_[i]);
    if (c == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++p.column;
    }
  }
  return p;
}

location document::locate(std::size_t offset, std::string path, std::string field) const {
  const position p = position_of(offset);
  return location{origin_, p.line, p.column, std::move(path), std::move(field)};
}

// ── building the DOM from SAX events ──────────────────────────────────────────────────────────────

namespace {

// The parser reads the text through this iterator, which publishes how far it has read: SAX events
// carry no positions, so each event's value is located from the read position (see builder).
struct counting_iterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* p;
  const char** read_to;

  reference operator*() const noexcept { return *p; }
  counting_iterator& operator++() noexcept {
    *read_to = ++p;
    return *this;
  }
  counting_iterator operator++(int) noexcept {
    counting_iterator old = *this;
    ++*this;
    return old;
  }
  friend bool operator!=(const counting_iterator& a, const counting_iterator& b) noexcept { return a.p != b.p; }
};

bool number_char(char c) noexcept {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

}  // namespace

// Friend of value: fills the private members while nlohmann's parser reports events. The lexer reads
// exactly to the end of a structural character, literal or string token when the event fires, and one
// character past a number (its terminator, unread when the number ends the text), which is how each
// event finds where its value starts.
class builder {
 public:
  using nl = nlohmann::json;

  builder(std::string_view text, const char* const* read_to, document& doc, const value*& root_slot,
          value& root, const options& o)
      : text_(text), read_to_(read_to), doc_(doc), root_set_(root_slot), root_(root), options_(o) {}

  bool null() {
    put(consumed() - 4, kind::null);
    return true;
  }
  bool boolean(bool b) {
    value* v = put(consumed() - (b ? 4 : 5), kind::boolean);
    v->data_ = b;
    return true;
  }
  bool number_integer(nl::number_integer_t) { return number(nullptr); }
  bool number_unsigned(nl::number_unsigned_t) { return number(nullptr); }
  bool number_float(nl::number_float_t, const nl::string_t& raw) { return number(&raw); }
  bool string(nl::string_t& s) {
    value* v = put(string_start(), kind::string);
    v->data_ = std::move(s);
    return true;
  }
  bool binary(nl::binary_t&) { return true; }  // not produced by the JSON parser

  bool start_object(std::size_t) { return open(kind::object); }
  bool start_array(std::size_t) { return open(kind::array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(nl::string_t& k) {
    frame& f = stack_.back();
    auto& ms = std::get<value::members_t>(f.v->data_);
    const std::size_t at = string_start();
    // Duplicate keys: a linear scan while the object is small, a hash index once it is not, so that
    // an object with a million keys stays linear.
    const member* first = nullptr;
    if (f.index) {
      auto [it, inserted] = f.index->emplace(k, ms.size());
      if (!inserted) first = &ms[it->second];
    } else {
      for (const member& m : ms)
        if (m.key == k) first = &m;
      if (!first && ms.size() + 1 >= small_object) {
        f.index = std::make_unique<std::unordered_map<std::string, std::size_t>>();
        for (std::size_t i = 0; i < ms.size(); ++i) f.index->emplace(ms[i].key, i);
        f.index->emplace(k, ms.size());
      }
    }
    if (first) {
      const auto p = doc_.position_of(first->key_offset);
      throw cchc::parse_error("duplicate key \"" + k + "\" (first at line " + std::to_string(p.line) +
                                  ", column " + std::to_string(p.column) +
                                  "); expected each key once per object (a JSON parser would silently "
                                  "keep only the last value)",
                              doc_.locate(at, child_path(path(), k)));
    }
    ms.push_back(member{std::move(k), at, value{}});
    f.have_key = true;
    return true;
  }

  bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& e) {
    // nlohmann's position is the count of bytes read: one past the offending character.
    std::size_t offset = position > 0 ? position - 1 : 0;
    if (e.id == 406) {  // out_of_range.406: a number beyond double ("1e400"); the token is the number
      offset = position >= last_token.size() ? position - last_token.size() : 0;
      throw cchc::parse_error("number out of range: " + escape_invalid(shorten(last_token)) +
                                  " does not fit in a double (the largest is about 1.8e308); write "
                                  "exact quantities as strings",
                              doc_.locate(offset, path()));
    }
    const std::size_t bad = utf8_error(text_);
    if (bad != std::string_view::npos && bad <= offset) {
      throw cchc::parse_error("invalid UTF-8: the byte \\x" + hex(text_[bad]) +
                                  " does not begin a valid UTF-8 sequence here; expected UTF-8 text "
                                  "(was the file saved in another encoding?)",
                              doc_.locate(bad, path()));
    }
    std::string what = e.what();
    // Keep nlohmann's explanation, drop "[json.exception.parse_error.101] parse error at line 1,
    // column 5: " (its position counts bytes; ours is in the location).
    if (const auto p = what.find("parse error"); p != std::string::npos)
      if (const auto colon = what.find(": ", p); colon != std::string::npos) what = what.substr(colon + 2);
    const char* hint = offset + 1 >= text_.size() ? " (the file ends too early: is it truncated?)" : "";
    throw cchc::parse_error("invalid JSON: " + escape_invalid(what) + hint, doc_.locate(offset, path()));
  }

 private:
  static constexpr std::size_t small_object = 16;

  struct frame {
    value* v;
    std::size_t done = 0;   // arrays: elements completed (the one being read has this index)
    bool have_key = false;  // objects: a key is read and its value is not complete
    std::unique_ptr<std::unordered_map<std::string, std::size_t>> index;  // key → member, big objects
  };

  std::size_t consumed() const noexcept { return static_cast<std::size_t>(*read_to_ - text_.data()); }

  static std::string hex(char c) {
    static constexpr char digits[] = "0123456789ABCDEF";
    const auto u = static_cast<unsigned char>(c);
    return {digits[u >> 4], digits[u & 15]};
  }
  static std::string shorten(const std::string& s) { return s.size() > 60 ? s.substr(0, 60) + "..." : s; }

  // The opening quote of the string token that ends just before the read position. Inside a JSON
  // string a '"' is always escaped (an odd run of backslashes before it); the opening quote is not.
  std::size_t string_start() const noexcept {
    std::size_t i = consumed();
    if (i == 0) return 0;
    --i;  // the closing quote
    while (i > 0) {
      --i;
      if (text_[i] != '"') continue;
      std::size_t backslashes = 0;
      for (std::size_t j = i; j > 0 && text_[j - 1] == '\\'; --j) ++backslashes;
      if (backslashes % 2 == 0) return i;
    }
    return 0;
  }

  bool number(const nl::string_t* raw) {
    std::size_t end = consumed();
    if (end > 0 && !number_char(text_[end - 1])) --end;  // the terminator was read
    std::size_t start = end;
    while (start > 0 && number_char(text_[start - 1])) --start;
    value* v = put(start, kind::number);
    // nlohmann reports an integer beyond 64 bits as a float: "integer" is decided by the text.
    std::string t = raw ? *raw : std::string(text_.substr(start, end - start));
    v->integer_ = t.find_first_of(".eE") == std::string::npos;
    v->data_ = std::move(t);
    return true;
  }

  // A new value at `offset`: the root, the next array element, or the value of the last key read.
  value* put(std::size_t offset, kind k) {
    value* v;
    if (stack_.empty()) {
      v = &root_;
      root_set_ = v;
    } else if (stack_.back().v->kind_ == kind::array) {
      auto& items = std::get<value::items_t>(stack_.back().v->data_);
      items.emplace_back();
      v = &items.back();
    } else {
      v = &std::get<value::members_t>(stack_.back().v->data_).back().value;
    }
    v->kind_ = k;
    v->offset_ = offset;
    if (k != kind::array && k != kind::object) done();
    return v;
  }

  void done() {
    if (stack_.empty()) return;
    frame& f = stack_.back();
    if (f.v->kind_ == kind::array)
      ++f.done;
    else
      f.have_key = false;
  }

  bool open(kind k) {
    const std::size_t at = consumed() > 0 ? consumed() - 1 : 0;
    if (stack_.size() >= options_.max_depth)
      throw cchc::parse_error("nesting deeper than " + std::to_string(options_.max_depth) + " levels" +
                                  (options_.depth_hint.empty() ? "" : "; " + options_.depth_hint),
                              doc_.locate(at, path()));
    value* v = put(at, k);
    if (k == kind::array)
      v->data_ = value::items_t{};
    else
      v->data_ = value::members_t{};
    stack_.push_back(frame{v, 0, false, nullptr});
    return true;
  }

  bool close() {
    stack_.pop_back();
    done();
    return true;
  }

  // Where the parser is: the containers open, the element or key being read in each.
  std::string path() const {
    std::string p = "$";
    for (const frame& f : stack_) {
      if (f.v->kind_ == kind::array) {
        p += "[" + std::to_string(f.done) + "]";
      } else if (f.have_key) {
        p += '.';
        p += std::get<value::members_t>(f.v->data_).back().key;
      }
    }
    return p;
  }

  std::string_view text_;
  const char* const* read_to_;
  document& doc_;
  const value*& root_set_;
  value& root_;
  const options& options_;
  std::vector<frame> stack_;
};

document parse(std::string_view text, const std::string& origin, const options& o) {
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
      static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF)
    text.remove_prefix(3);
  document doc;
  doc.text_ = text;
  doc.origin_ = origin;
  const char* read_to = text.data();
  const value* root = nullptr;
  builder b(text, &read_to, doc, root, doc.root_, o);
  const counting_iterator first{text.data(), &read_to}, last{text.data() + text.size(), &read_to};
  // The builder throws cchc::parse_error from its callbacks; sax_parse returns false only if a
  // callback returns false, which none does.
  if (!nlohmann::json::sax_parse(first, last, &b) || root == nullptr)
    throw cchc::parse_error("invalid JSON: no value", doc.locate(0, "$"));
  return doc;
}

void require_utf8(std::string_view text, const std::string& path) {
  const std::size_t bad = utf8_error(text);
  if (bad == std::string_view::npos) return;
  const std::size_t from = bad > 20 ? bad - 20 : 0;
  throw argument_error("text is not valid UTF-8 (byte " + std::to_string(bad) + " of the text, in \"" +
                           escape_invalid(text.substr(from, 40)) +
                           "\"); JSON is written as UTF-8: correct the text before saving",
                       location{{}, 0, 0, path, {}});
}

}  // namespace cchc::internal::json
