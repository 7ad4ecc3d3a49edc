// Golden citations are copied verbatim from the seed report (shared/seed/000_5b78326431be7284.txt);
// the expected parts were read off by hand following Decree 30/2020/NĐ-CP's symbol anatomy.
#include "cchc/document_ref.hpp"

#include <doctest/doctest.h>

#include "cchc/error.hpp"

using namespace date::literals;

TEST_CASE("document_ref: plan with number, type code, issuer and date") {
  auto d = cchc::parse_document_ref("Kế hoạch số 09/KH-UBND ngày 16/01/2023");
  CHECK(d.type == cchc::document_type::plan);
  CHECK(d.number == "09");
  CHECK(d.number_value() == 9);
  CHECK(d.issuer_code == "UBND");
  CHECK(d.issuer_unit.empty());
  CHECK(!d.symbol_year);
  REQUIRE(d.date);
  CHECK(*d.date == 2023_y / 1 / 16);
  CHECK(d.symbol() == "09/KH-UBND");
  CHECK(d.text == "Kế hoạch số 09/KH-UBND ngày 16/01/2023");
}

TEST_CASE("document_ref: decree with a year in the symbol") {
  auto d = cchc::parse_document_ref("Nghị định số 61/2018/NĐ-CP ngày 23/4/2018");
  CHECK(d.type == cchc::document_type::decree);
  CHECK(d.number == "61");
  CHECK(d.symbol_year == 2018);
  CHECK(d.issuer_code == "CP");
  CHECK(*d.date == 2018_y / 4 / 23);
  CHECK(d.symbol() == "61/2018/NĐ-CP");
  auto t = cchc::parse_document_ref("Thông tư số 01/2018/TT-VPCP");
  CHECK(t.type == cchc::document_type::circular);
  CHECK(!t.date);
  CHECK(t.issuer_code == "VPCP");
}

TEST_CASE("document_ref: official letters have no type code") {
  auto d = cchc::parse_document_ref("Công văn số 36/UBND-VP");
  CHECK(d.type == cchc::document_type::official_letter);
  CHECK(d.issuer_code == "UBND");
  CHECK(d.issuer_unit == "VP");
  CHECK(!d.date);
  CHECK(d.symbol() == "36/UBND-VP");
  auto c = cchc::parse_document_ref("Công văn số 288/CAH ngày 12/4/2023");
  CHECK(c.issuer_code == "CAH");
  CHECK(c.issuer_unit.empty());
}

TEST_CASE("document_ref: forms seen in the seed") {
  // "Quyết định 140/QĐ-UBND" without "số"; a steering committee's own issuer code.
  auto q = cchc::parse_document_ref("Quyết định 140/QĐ-UBND ngày 09/01/2023");
  CHECK(q.number == "140");
  CHECK(*q.date == 2023_y / 1 / 9);
  auto b = cchc::parse_document_ref("Kế hoạch số 02/KH-BCĐUBND ngày 25/5/2023");
  CHECK(b.issuer_code == "BCĐUBND");
  auto tt = cchc::parse_document_ref("Quyết định số 1085/QĐ-TTg ngày 15/9/2022 của Thủ tướng Chính phủ");
  CHECK(tt.issuer_code == "TTg");
  CHECK(tt.issuer == "Thủ tướng Chính phủ");
  auto bare = cchc::parse_document_ref("1649/QĐ-UBND ngày 18/5/2023");
  CHECK(bare.type == cchc::document_type::decision);
  auto words = cchc::parse_document_ref("Chỉ thị số 26/CT-TTg ngày 05 tháng 9 năm 2016");
  CHECK(*words.date == 2016_y / 9 / 5);
}

TEST_CASE("document_ref: a nonexistent day parses but is not ok()") {
  auto d = cchc::parse_document_ref("Quyết định số 1/QĐ-UBND ngày 30/02/2023");
  REQUIRE(d.date);
  CHECK(!d.date->ok());
}

TEST_CASE("document_ref: malformed citations are parse errors with a column") {
  auto column_of = [](const char* text) {
    try {
      (void)cchc::parse_document_ref(text);
    } catch (const cchc::parse_error& e) {
      return e.where().column;
    }
    return -1L;
  };
  CHECK(column_of("Kế hoạch số KH-UBND") == 13);          // no number
  CHECK(column_of("Kế hoạch số 09/QĐ-UBND") == 16);       // type code disagrees with the word
  CHECK(column_of("Kế hoạch số 09/KH-UBND ngày 16/13/2023") == 29);  // month 13
  CHECK(column_of("Kế hoạch số 09/KH-UBND ngày 16/01/23") == 35);    // two-digit year
  CHECK(column_of("Kế hoạch số 09/KH") == 16);            // no issuer
  CHECK(column_of("Kế hoạch số 09/KH-UBND và") == 24);    // trailing text
  CHECK(column_of("Nghị quyết") > 0);
  std::string why;
  CHECK(!cchc::try_parse_document_ref("09 KH-UBND", &why));
  CHECK(why.find("'/'") != std::string::npos);
  CHECK_THROWS_AS((void)cchc::parse_document_type("XX"), cchc::lookup_error);
  CHECK(cchc::parse_document_type("QĐ") == cchc::document_type::decision);
}

TEST_CASE("document_ref: citations found in running text") {
  auto refs = cchc::find_document_refs(
      "UBND huyện ban hành Kế hoạch số 09/KH-UBND ngày 16/01/2023 về thực hiện; Công văn số "
      "36/UBND-VP ngày 12/01/2023. Theo Nghị định số 61/2018/NĐ-CP của Chính phủ và Luật Ban hành.");
  REQUIRE(refs.size() == 3);
  CHECK(refs[0].text == "Kế hoạch số 09/KH-UBND ngày 16/01/2023");
  CHECK(refs[1].text == "Công văn số 36/UBND-VP ngày 12/01/2023");
  CHECK(refs[2].symbol() == "61/2018/NĐ-CP");
}

TEST_CASE("document_ref: laws and symbols with a year") {
  auto l = cchc::parse_document_ref("Luật số 80/2015/QH13");
  CHECK(l.type == cchc::document_type::law);
  CHECK(l.symbol_year == 2015);
  CHECK(l.issuer_code == "QH13");
  CHECK(l.symbol() == "80/2015/QH13");
  auto n = cchc::parse_document_ref("Nghị định số 111/2022/NĐ-CP");
  CHECK(n.number_value() == 111);
  CHECK(cchc::to_string(n.type) == "NĐ");
  CHECK(cchc::name_vi(n.type) == "Nghị định");
}

TEST_CASE("document_ref: dates follow the shared civil-date rule") {
  // A year outside 1900-2199 is malformed, not a valid date of year 203 that validation would pass.
  std::string why;
  CHECK(!cchc::try_parse_document_ref("Quyết định số 1/QĐ-UBND ngày 16/01/0203", &why));
  CHECK(why.find("expected a year 1900-2199, found 203") != std::string::npos);
  CHECK(why.find("16/01/0203") != std::string::npos);
  CHECK(!cchc::try_parse_document_ref("Quyết định số 1/QĐ-UBND ngày 16 tháng 01 năm 2300", &why));
  CHECK(why.find("found 2300") != std::string::npos);
  // Day 32 exists in no month: malformed; the month is named in the reason.
  CHECK(!cchc::try_parse_document_ref("Quyết định số 1/QĐ-UBND ngày 32/01/2023", &why));
  CHECK(why.find("day 32 does not exist in January 2023 (31 days)") != std::string::npos);
  CHECK(!cchc::try_parse_document_ref("Quyết định số 1/QĐ-UBND ngày 16/13/2023", &why));
  CHECK(why.find("expected a month 1-12, found 13") != std::string::npos);
  // February 29: the Gregorian rule; a missing day is kept (!ok()) for validation to report.
  CHECK(cchc::parse_document_ref("Quyết định số 1/QĐ-UBND ngày 29/02/2024").date->ok());
  CHECK(!cchc::parse_document_ref("Quyết định số 1/QĐ-UBND ngày 29/02/2023").date->ok());
  CHECK(!cchc::parse_document_ref("Quyết định số 1/QĐ-UBND ngày 29/02/1900").date->ok());
  CHECK(cchc::parse_document_ref("Quyết định số 1/QĐ-UBND ngày 29/02/2000").date->ok());
}
