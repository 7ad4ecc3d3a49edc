// src/internal/csv.hpp: the one CSV tokenizer (dossier logs and schedule files read through it).
#include "internal/csv.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "cchc/error.hpp"

using namespace cchc::internal;

namespace {

// Every record of `text` as its values (bad records as a single "!BAD line:column").
std::vector<std::vector<std::string>> records(const std::string& text, csv_options o = {}) {
  auto r = csv_reader::from_text(text, "t.csv", o);
  std::vector<std::vector<std::string>> out;
  for (csv_status s; (s = r.next()) != csv_status::end;) {
    if (s == csv_status::bad) {
      out.push_back({"!BAD " + std::to_string(r.problem().line) + ":" + std::to_string(r.problem().column)});
      continue;
    }
    std::vector<std::string> rec;
    for (std::size_t k = 0; k < r.size(); ++k) rec.emplace_back(r.value(k));
    out.push_back(rec);
  }
  return out;
}

using rows = std::vector<std::vector<std::string>>;

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("internal csv: RFC 4180 quoting, doubled quotes, an empty last field") {
  CHECK(records("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\n") == rows{{"a", "b", "c"}, {"x, y", "say \"hi\"", ""}});
  CHECK(records("a,b") == rows{{"a", "b"}});  // no final line end
  CHECK(records("\"\"\n") == rows{{""}});      // a quoted empty field is a record, not a blank line
}

TEST_CASE("internal csv: a UTF-8 BOM is skipped and blank lines are skipped") {
  CHECK(records("\xEF\xBB\xBFid,x\n\n  \n1,2\n") == rows{{"id", "x"}, {"1", "2"}});
}

TEST_CASE("internal csv: CRLF, LF and lone CR end records, and line numbers count each once") {
  for (const std::string eol : {"\n", "\r\n", "\r"}) {
    CAPTURE(eol.size());
    auto r = csv_reader::from_text("h1,h2" + eol + "a,\"two" + eol + "lines\"" + eol + "b,c" + eol, "t.csv");
    REQUIRE(r.next() == csv_status::record);
    REQUIRE(r.next() == csv_status::record);
    CHECK(r.value(1) == "two" + eol + "lines");
    CHECK(r.line(0) == 2);
    CHECK(r.line(1) == 2);
    REQUIRE(r.next() == csv_status::record);
    CHECK(r.value(0) == "b");
    CHECK(r.line(0) == 4);  // after the quoted line break
    CHECK(r.next() == csv_status::end);
  }
}

TEST_CASE("internal csv: columns are in characters, also after a quoted line break") {
  auto r = csv_reader::from_text("h\nĐà Nẵng,x,\"a\nĐề\",y\n", "t.csv");
  REQUIRE(r.next() == csv_status::record);
  REQUIRE(r.next() == csv_status::record);
  CHECK(r.column(0) == 1);
  CHECK(r.column(1) == 9);  // "Đà Nẵng," is 8 characters (12 bytes)
  CHECK(r.column(2) == 11);
  CHECK(r.line(3) == 3);
  CHECK(r.column(3) == 5);  // after 'Đề",' on the record's second line
  CHECK(r.end_line() == 3);
  CHECK(r.end_column() == 6);
}

TEST_CASE("internal csv: syntax errors are located, and the reader resumes on the next line") {
  CHECK(records("a,b\nx,y\"z\nc,d\n") == rows{{"a", "b"}, {"!BAD 2:4"}, {"c", "d"}});
  CHECK(records("a,b\n\"x\"y,z\rc,d\r") == rows{{"a", "b"}, {"!BAD 2:4"}, {"c", "d"}});  // CR-only resync
  CHECK(records("a,b\nÂ,\"never closed\nc,d\n") == rows{{"a", "b"}, {"!BAD 2:3"}});
  auto r = csv_reader::from_text("a,b\nx,y\"z\n", "t.csv");
  REQUIRE(r.next() == csv_status::record);
  REQUIRE(r.next() == csv_status::bad);
  CHECK(r.problem().field == 1);
  CHECK(contains(r.problem().message, "quote inside an unquoted field"));
}

TEST_CASE("internal csv: the separator is detected from the header, or given") {
  CHECK(records("a;b;c\n1;\"2;3\";4\n") == rows{{"a", "b", "c"}, {"1", "2;3", "4"}});
  CHECK(records("a\tb\n1\t2\n") == rows{{"a", "b"}, {"1", "2"}});
  CHECK(records("a,b;c\n") == rows{{"a", "b;c"}});  // a tie (2 and 2) prefers ','
  auto detected = csv_reader::from_text("id;unit;level\n", "t.csv");
  CHECK(detected.separator() == ';');
  CHECK(!detected.separator_given());
  CHECK(detected.separator_hint().empty());
  csv_options comma;
  comma.separator = ',';
  auto given = csv_reader::from_text("id;unit;level\n", "t.csv", comma);
  CHECK(given.separator() == ',');
  CHECK(given.separator_hint() ==
        "the header has 1 column with ','; with ';' it has 3 — is the file semicolon-separated? pass --separator ';' "
        "(the separator option)");
  csv_options bad;
  bad.separator = '|';
  CHECK_THROWS_AS((void)csv_reader::from_text("a|b\n", "t.csv", bad), cchc::argument_error);
}

TEST_CASE("internal csv: the record cap counts each field's bookkeeping") {
  // 100 000 empty fields are 100 KB of text but 3.2 MB of fields at csv_field_cost each: over 1 MiB.
  csv_options o;
  o.max_record_bytes = std::size_t{1} << 20;
  const std::string commas(100000, ',');
  auto r = csv_reader::from_text("a,b\n" + commas + "\n", "t.csv", o);
  REQUIRE(r.next() == csv_status::record);
  try {
    (void)r.next();
    FAIL("expected a parse_error");
  } catch (const cchc::parse_error& e) {
    CHECK(e.where().line == 2);
    CHECK(contains(e.detail(), "1048576 bytes"));
    CHECK(contains(e.detail(), "each field counted as 32 bytes"));
  }
  // the same fields under the cap are read
  o.max_record_bytes = std::size_t{8} << 20;
  auto ok = csv_reader::from_text("a,b\n" + commas + "\n", "t.csv", o);
  REQUIRE(ok.next() == csv_status::record);
  REQUIRE(ok.next() == csv_status::record);
  CHECK(ok.size() == 100001);
}

TEST_CASE("internal csv: a file read in pieces gives the same records and lines") {
  // Records cross the 4 MiB read buffer: quoted fields with line breaks of all three kinds.
  const std::string path = "cchc_internal_csv_test.csv";
  long expected_line = 2;
  std::vector<long> lines;
  {
    std::ofstream out(path, std::ios::binary);
    out << "a,b\n";
    for (int i = 0; i < 120000; ++i) {
      const char* eol = i % 3 == 0 ? "\n" : i % 3 == 1 ? "\r\n" : "\r";
      out << i << ",\"x" << eol << "y\"" << eol;
      lines.push_back(expected_line);
      expected_line += 2;
    }
  }
  auto r = csv_reader::open(path);
  REQUIRE(r.next() == csv_status::record);
  std::size_t n = 0;
  bool all_right = true;
  for (csv_status s; (s = r.next()) == csv_status::record; ++n)
    all_right = all_right && r.line(0) == lines[n] && r.value(0) == std::to_string(n) && r.size() == 2;
  std::remove(path.c_str());
  CHECK(n == lines.size());
  CHECK(all_right);
}

namespace {

// A record as a plain reference tokenizer sees it: values, the line and column of each field, and
// the record's first line.
struct ref_record {
  std::vector<std::string> values;
  std::vector<long> columns;
  long line = 0;
};

}  // namespace

TEST_CASE("internal csv: random simple and quoted records match a plain reference, in memory and from a file") {
  // Records of 1-70 fields (the one-pass split takes up to 63), fields of 0-40 characters so that
  // separators and line ends fall on every position of the sixteen-byte blocks; LF, CRLF and lone CR
  // line ends; blank lines; now and then a quoted field (with "" or a separator inside) that takes
  // the general path. The reference knows where every field starts because it wrote it.
  std::uint64_t seed = 766;
  auto next = [&](std::uint64_t n) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (seed >> 33) % n;
  };
  for (const char sep : {',', ';', '\t'}) {
    std::string text;
    std::vector<ref_record> expected;
    long line = 1;
    for (int rec = 0; rec < 3000; ++rec) {
      if (next(20) == 0) {  // a blank line (never empty: after a lone CR it would make a CRLF)
        text += next(2) ? "  \n" : " \n";
        ++line;
      }
      ref_record r;
      r.line = line;
      const std::size_t width = 1 + next(next(4) == 0 ? 70 : 8);
      long column = 1;
      for (std::size_t k = 0; k < width; ++k) {
        if (k > 0) {
          text += sep;
          ++column;
        }
        r.columns.push_back(column);
        std::string v;
        const std::size_t len = next(41);
        for (std::size_t i = 0; i < len; ++i) v += "abcxyz0123456789-:/."[next(20)];
        if (width == 1 && v.empty()) v = "x";  // an empty one-field record would be a blank line
        if (next(30) == 0) {
          const std::string inner = v + "\"\"" + sep + v;
          text += "\"" + inner + "\"";
          column += static_cast<long>(inner.size()) + 2;
          v = v + "\"" + sep + v;
        } else {
          text += v;
          column += static_cast<long>(v.size());
        }
        r.values.push_back(v);
      }
      const std::size_t eol = next(3);
      text += eol == 0 ? "\n" : eol == 1 ? "\r\n" : "\r";
      ++line;
      expected.push_back(r);
    }
    const std::string path = "cchc_internal_csv_random_test.csv";
    {
      std::ofstream out(path, std::ios::binary);
      out << text;
    }
    for (const bool from_file : {false, true}) {
      INFO("separator " << static_cast<int>(sep) << (from_file ? " from a file" : " in memory"));
      csv_options o;
      o.separator = sep;
      auto reader = from_file ? csv_reader::open(path, o) : csv_reader::from_text(text, "t.csv", o);
      std::size_t n = 0;
      bool all_right = true;
      for (csv_status s; (s = reader.next()) != csv_status::end; ++n) {
        REQUIRE(s == csv_status::record);
        REQUIRE(n < expected.size());
        const ref_record& e = expected[n];
        bool same = reader.size() == e.values.size() && reader.record_line() == e.line;
        for (std::size_t k = 0; same && k < reader.size(); ++k)
          same = reader.value(k) == e.values[k] && reader.line(k) == e.line && reader.column(k) == e.columns[k];
        if (!same) {
          INFO("record " << n << " at line " << e.line);
          CHECK(reader.size() == e.values.size());
          CHECK(reader.record_line() == e.line);
        }
        all_right = all_right && same;
      }
      CHECK(n == expected.size());
      CHECK(all_right);
    }
    std::remove(path.c_str());
  }
}
