// The one JSON reader (src/internal/json.hpp). Expected positions are computed here independently
// (by searching the text and counting characters by hand), not with the reader's own position table.
#include "internal/json.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "cchc/error.hpp"
#include "internal/utf8.hpp"

using namespace cchc::internal;

namespace {

cchc::parse_error parse_failure(const std::string& text, const json::options& o = {}) {
  try {
    (void)json::parse(text, "t.json", o);
  } catch (const cchc::parse_error& e) {
    return e;
  } catch (const std::exception& e) {
    FAIL("foreign exception: " << std::string(e.what()));
  }
  FAIL("no exception for " << text.substr(0, 80));
  return cchc::parse_error("unreachable");
}

// 1-based line and character column of byte `at`, counted naively.
std::pair<long, long> naive_position(const std::string& text, std::size_t at) {
  long line = 1, column = 1;
  for (std::size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      line++;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      column++;
    }
  }
  return {line, column};
}

}  // namespace

TEST_CASE("json: values, members in file order, and the offset of every value and key") {
  const std::string text = "{\"a\": [1, \"x\", true, null, false], \"k\\\"ey\": \"va\\\\\\\"l\",\n \"b\": -2.50}";
  const auto doc = json::parse(text, "t.json");
  const json::value& root = doc.root();
  REQUIRE(root.is_object());
  REQUIRE(root.members().size() == 3);
  CHECK(root.members()[0].key == "a");
  CHECK(root.members()[1].key == "k\"ey");
  CHECK(root.members()[2].key == "b");
  CHECK(root.members()[1].key_offset == text.find("\"k\\\"ey\""));
  CHECK(root.members()[2].key_offset == text.find("\"b\""));
  const auto& a = root.find("a")->items();
  REQUIRE(a.size() == 5);
  CHECK(root.find("a")->offset() == text.find('['));
  CHECK(a[0].offset() == text.find('1'));
  CHECK(a[1].offset() == text.find("\"x\""));
  CHECK(a[2].offset() == text.find("true"));
  CHECK(a[3].offset() == text.find("null"));
  CHECK(a[4].offset() == text.find("false"));
  CHECK(a[2].as_bool());
  CHECK_FALSE(a[4].as_bool());
  CHECK(root.find("k\"ey")->text() == "va\\\"l");
  CHECK(root.find("k\"ey")->offset() == text.find("\"va"));
  const json::value& b = *root.find("b");
  CHECK(b.offset() == text.find("-2.50"));
  CHECK(b.text() == "-2.50");  // exactly as written, scale kept, never through a double
  CHECK(b.is_number());
  CHECK_FALSE(b.is_integer());
  CHECK(b.is_negative());
  CHECK(root.find("nope") == nullptr);
  CHECK(a[0].find("x") == nullptr);  // not an object
}

TEST_CASE("json: integers are exact and range-checked without a double") {
  const auto doc = json::parse(
      "[9223372036854775807, -9223372036854775808, 9223372036854775808, 12345678901234567890123, 0, -0, 1e2]",
      "t.json");
  const auto& v = doc.root().items();
  CHECK(v[0].as_int64() == INT64_MAX);
  CHECK(v[1].as_int64() == INT64_MIN);
  CHECK(v[2].is_integer());
  CHECK_FALSE(v[2].as_int64());
  CHECK(v[3].is_integer());  // nlohmann reports it as a float; its text is an integer
  CHECK(v[3].text() == "12345678901234567890123");
  CHECK_FALSE(v[3].as_int64());
  CHECK(v[4].as_int64() == 0);
  CHECK(v[5].as_int64() == 0);
  CHECK_FALSE(v[6].is_integer());
  CHECK_FALSE(v[6].as_int64());
  CHECK(v[6].text() == "1e2");
}

TEST_CASE("json: a number beyond double (1e400) is a located parse_error, not out_of_range.406") {
  const std::string text = "{\"days\": [{\"tên\": \"Đề\", \"n\": 1e400}]}";
  const auto e = parse_failure(text);
  CHECK(std::string(e.what()).find("number out of range: 1e400") != std::string::npos);
  CHECK(e.where().file == "t.json");
  CHECK(e.where().path == "$.days[0].n");
  CHECK(e.where().line == 1);
  CHECK(e.where().column == naive_position(text, text.find("1e400")).second);
  CHECK(e.where().column == 30);  // "tên" and "Đề" are 3 and 2 characters, 4 and 5 bytes
}

TEST_CASE("json: a duplicate key is refused at its second occurrence, with the first one named") {
  const std::string text = "{\"days\": [\n  {\"kind\": \"day_off\",\n   \"kind\": \"working_day\"}]}";
  const auto e = parse_failure(text);
  CHECK(e.where().path == "$.days[0].kind");
  CHECK(e.where().line == 3);
  CHECK(e.where().column == 4);
  CHECK(std::string(e.what()).find("duplicate key \"kind\" (first at line 2, column 4)") != std::string::npos);

  // Large objects use an index: the duplicate is found as well.
  std::string big = "{";
  for (int i = 0; i < 40000; ++i) big += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",";
  big += "\"k17\": 0}";
  const auto b = parse_failure(big);
  CHECK(b.where().path == "$.k17");
  CHECK(std::string(b.what()).find("duplicate key \"k17\"") != std::string::npos);
  CHECK(b.where().column == naive_position(big, big.rfind("\"k17\"")).second);
}

TEST_CASE("json: deep nesting is an error, not a stack overflow") {
  const std::string deep(1u << 20, '[');
  const auto e = parse_failure(deep);
  CHECK(std::string(e.what()).find("nesting deeper than 32 levels") != std::string::npos);
  CHECK(e.where().column == 33);  // the 33rd '['
  json::options o;
  o.max_depth = 3;
  o.depth_hint = "expected a schedule";
  const auto f = parse_failure("{\"a\": [{\"b\": [1]}]}", o);
  CHECK(f.where().path == "$.a[0].b");
  CHECK(std::string(f.what()).find("nesting deeper than 3 levels; expected a schedule") != std::string::npos);
  CHECK(json::parse("{\"a\": [{\"b\": 1}]}", "t", o).root().is_object());
}

TEST_CASE("json: invalid UTF-8 is located at the bad byte and its bytes quoted in hex") {
  const std::string text = "{\n  \"tên\": \"Tr\xE2n\"}";
  const auto e = parse_failure(text);
  const std::string what = e.what();
  CHECK(what.find("invalid UTF-8") != std::string::npos);
  CHECK(what.find("\\xE2") != std::string::npos);
  CHECK(is_utf8(what));
  CHECK(e.where().line == 2);
  CHECK(e.where().column == 13);  // `  "tên": "Tr` is 12 characters
  CHECK(e.where().path == "$.tên");
  // Outside strings too, and a lone continuation byte.
  CHECK(is_utf8(parse_failure("[\xFF]").what()));
  CHECK(parse_failure("[1, \x80]").where().column == 5);
}

TEST_CASE("json: syntax errors keep nlohmann's explanation with our position and path") {
  const std::string text = "{\"unit\": {\"name\": \"Đề\",, }}";
  const auto e = parse_failure(text);
  CHECK(std::string(e.what()).find("invalid JSON: syntax error while parsing object key") != std::string::npos);
  CHECK(std::string(e.what()).find("json.exception") == std::string::npos);
  CHECK(e.where().path == "$.unit");
  CHECK(e.where().column == naive_position(text, text.find(",,") + 1).second);
  const auto t = parse_failure("{\"a\": [1, 2");
  CHECK(std::string(t.what()).find("truncated") != std::string::npos);
  CHECK(t.where().path == "$.a[2]");
  CHECK(std::string(parse_failure("").what()).find("invalid JSON") != std::string::npos);
  CHECK(std::string(parse_failure("{} x").what()).find("invalid JSON") != std::string::npos);
}

TEST_CASE("json: a byte order mark is skipped and not counted in columns") {
  const auto doc = json::parse("\xEF\xBB\xBF{\"a\": 1}", "t.json");
  CHECK(doc.root().find("a")->as_int64() == 1);
  CHECK(doc.position_of(doc.root().find("a")->offset()).column == 7);
}

TEST_CASE("json: positions are exact across the 4 KiB checkpoints, on long and multi-line texts") {
  std::string text = "[";
  for (int i = 0; i < 3000; ++i) text += (i % 7 == 0 ? "\"Đề\",\n" : "\"ắ\", ");
  text += "1]";
  const auto doc = json::parse(text, "t.json");
  const auto& items = doc.root().items();
  for (std::size_t i = 0; i < items.size(); i += 97) {
    const auto p = doc.position_of(items[i].offset());
    const auto [line, column] = naive_position(text, items[i].offset());
    CHECK(p.line == line);
    CHECK(p.column == column);
  }
  const auto end = doc.position_of(text.size() + 10);  // clamped
  CHECK(end.line == naive_position(text, text.size()).first);
  const auto l = doc.locate(items.back().offset(), "$[3000]", "x");
  CHECK(l.file == "t.json");
  CHECK(l.path == "$[3000]");
  CHECK(l.field == "x");
}

TEST_CASE("json: writers refuse invalid UTF-8 with the path, as a cchc::argument_error") {
  CHECK_NOTHROW(json::require_utf8("Trần Đề", "$.unit.name"));
  try {
    json::require_utf8("Tr\xFFn", "$.unit.name");
    FAIL("no exception");
  } catch (const cchc::argument_error& e) {
    CHECK(e.where().path == "$.unit.name");
    CHECK(std::string(e.what()).find("\\xFF") != std::string::npos);
    CHECK(is_utf8(e.what()));
  }
}

TEST_CASE("json: paths") {
  CHECK(json::child_path("$.days", "kind") == "$.days.kind");
  CHECK(json::index_path("$.days", 3) == "$.days[3]");
}

namespace {

// Every value's offset points at its first character; members' keys at their opening quote.
void check_offsets(const std::string& text, const json::value& v) {
  REQUIRE(v.offset() < text.size());
  const char c = text[v.offset()];
  switch (v.type()) {
    case json::kind::null: CHECK(text.compare(v.offset(), 4, "null") == 0); break;
    case json::kind::boolean: CHECK(text.compare(v.offset(), v.as_bool() ? 4 : 5, v.as_bool() ? "true" : "false") == 0); break;
    case json::kind::number: CHECK(text.compare(v.offset(), v.text().size(), v.text()) == 0); break;
    case json::kind::string: CHECK(c == '"'); break;
    case json::kind::array:
      CHECK(c == '[');
      for (const auto& i : v.items()) check_offsets(text, i);
      break;
    case json::kind::object:
      CHECK(c == '{');
      for (const auto& m : v.members()) {
        CHECK(text[m.key_offset] == '"');
        check_offsets(text, m.value);
      }
      break;
  }
}

}  // namespace

TEST_CASE("json: mutated texts are accepted exactly when nlohmann accepts them, with offsets that point at each value") {
  const std::string seed =
      "{\"a\": [1, -2.5e3, \"x\\\"y\", true, null, false, {}], \"tên\": {\"k\": \"Đề\", \"n\": 0},\n"
      " \"z\": [[], [\"\\u1EC1\", 12345678901234567890]]}";
  REQUIRE(nlohmann::json::accept(seed));
  std::mt19937 rng(20261201);
  const char bytes[] = {'"', '{', '}', '[', ']', ',', ':', '-', '.', '0', '9', 'e', ' ', '\\', 'n', '\xC3', '\xFF', '\x80'};
  int accepted = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string t = seed;
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < edits; ++k) {
      const std::size_t at = rng() % t.size();
      switch (rng() % 3) {
        case 0: t[at] = bytes[rng() % sizeof bytes]; break;
        case 1: t.erase(at, 1); break;
        default: t.insert(at, 1, bytes[rng() % sizeof bytes]); break;
      }
    }
    CAPTURE(t);
    bool ok = false;
    std::string refused;
    try {
      const auto doc = json::parse(t, "m.json");
      ok = true;
      check_offsets(t, doc.root());
    } catch (const cchc::parse_error& e) {
      CHECK(e.where().line >= 1);
      CHECK(e.where().column >= 1);
      CHECK(e.where().path.rfind("$", 0) == 0);
      CHECK(is_utf8(e.what()));
      refused = e.what();
    }
    // Same grammar as nlohmann, except that a duplicate key or a number beyond double is refused here.
    if (ok) ++accepted;
    if (ok) CHECK(nlohmann::json::accept(t));
    if (!ok && nlohmann::json::accept(t)) CHECK(refused.find("duplicate key") != std::string::npos);
  }
  CHECK(accepted > 100);
}
