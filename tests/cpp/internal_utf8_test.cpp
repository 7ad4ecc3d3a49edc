// src/internal/utf8.hpp: the one UTF-8 validator, character counting and name folding.
#include "internal/utf8.hpp"

#include <doctest/doctest.h>

using namespace cchc::internal;

TEST_CASE("internal utf8: validation finds the first bad byte") {
  CHECK(utf8_error("Trần Đề, Sóc Trăng") == std::string_view::npos);
  CHECK(utf8_error("abc\xff") == 3);
  CHECK(utf8_error("\xc0\xaf") == 0);          // overlong '/'
  CHECK(utf8_error("\xed\xa0\x80") == 0);      // a surrogate
  CHECK(utf8_error("abcdefgh\xe1\xba") == 8);  // truncated after an 8-byte ASCII run
}

TEST_CASE("internal utf8: characters are counted, not bytes") {
  CHECK(count_chars("") == 0);
  CHECK(count_chars("Đề") == 2);
  CHECK(count_chars("abc") == 3);
}

TEST_CASE("internal utf8: fold makes capitals and decomposed text match") {
  const auto canonical = fold("trực tiếp");
  REQUIRE(canonical.ok);
  CHECK(fold("TRỰC TIẾP").text == canonical.text);
  CHECK(fold("tru\xcc\x9b\xcc\xa3" "c tie\xcc\x82\xcc\x81p").text == canonical.text);  // combining marks
  CHECK(fold("Mã Hồ Sơ").text == fold("mã hồ sơ").text);
  CHECK(fold("RECEIVED_AT").text == "received_at");
  CHECK(fold("truc tiep").text != canonical.text);  // accents are meaning, not noise
  CHECK_FALSE(fold("a\xff").ok);
}
