#include "cchc/number_format.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>

#include "cchc/decimal.hpp"
#include "cchc/error.hpp"

using cchc::decimal;
using cchc::number_style;
using cchc::rounding;

namespace {
// The error for `text` in `style`; fails the test if it parses.
cchc::parse_error error_of(const std::string& text, number_style style) {
  try {
    const decimal v = decimal::parse(text, style);
    FAIL("\"" << text << "\" parsed as " << v);
  } catch (const cchc::parse_error& e) {
    std::string why;
    CHECK_FALSE(decimal::try_parse(text, style, &why).has_value());
    CHECK(why == std::string(e.what()));
    return e;
  }
  return cchc::parse_error("unreachable");
}
}  // namespace

TEST_CASE("number_format: the three styles parse") {
  CHECK(decimal::parse("1340.5").to_string() == "1340.5");
  CHECK(decimal::parse("-0.25").to_string() == "-0.25");
  CHECK(decimal::parse("+7").to_string() == "7");
  CHECK(decimal::parse("1.340,5", number_style::vi).to_string() == "1340.5");
  CHECK(decimal::parse("14.083", number_style::vi).to_string() == "14083");  // seed, Biểu 06
  CHECK(decimal::parse("97,55", number_style::vi).to_string() == "97.55");   // seed
  CHECK(decimal::parse("1340,5", number_style::vi).to_string() == "1340.5");
  CHECK(decimal::parse("-1.234.567,890", number_style::vi).to_string() == "-1234567.890");
  CHECK(decimal::parse("1,340.5", number_style::en).to_string() == "1340.5");
  CHECK(decimal::parse("14,083", number_style::en).to_string() == "14083");
  CHECK(decimal::parse("1340.5", number_style::en).to_string() == "1340.5");
  CHECK(decimal::parse("02").to_string() == "2");
  CHECK(decimal::parse("06", number_style::vi).to_string() == "6");
  CHECK(decimal::parse("000", number_style::en).to_string() == "0");
  CHECK(decimal::parse("0,50", number_style::vi).to_string() == "0.50");
}

TEST_CASE("number_format: formatting in each style") {
  const decimal v = decimal::parse("-1234567.890");
  CHECK(v.format(number_style::plain) == "-1234567.890");
  CHECK(v.format(number_style::vi) == "-1.234.567,890");
  CHECK(v.format(number_style::en) == "-1,234,567.890");
  CHECK(decimal(14083).format(number_style::vi) == "14.083");
  CHECK(decimal(100).format(number_style::vi) == "100");
  CHECK(decimal(1000).format(number_style::en) == "1,000");
  CHECK(decimal::parse("0.5").format(number_style::vi) == "0,5");
  CHECK(decimal::parse("97.5533").format(number_style::vi, 2, rounding::half_even) == "97,55");
  CHECK(decimal::parse("1999.995").format(number_style::en, 2, rounding::half_away_from_zero) ==
        "2,000.00");
}

TEST_CASE("number_format: parse(format(x)) round-trips in every style (random, fixed seed)") {
  std::mt19937_64 rng(1234);
  for (int i = 0; i < 5000; ++i) {
    const int len = 1 + static_cast<int>(rng() % 40);
    std::string digits;
    for (int k = 0; k < len; ++k) digits += static_cast<char>('0' + rng() % 10);
    const decimal x = decimal::from_digits(rng() % 2 == 0, digits, -static_cast<int>(rng() % 12));
    for (number_style s : {number_style::plain, number_style::vi, number_style::en}) {
      const std::string text = x.format(s);
      const decimal back = decimal::parse(text, s);
      CHECK(back == x);
      CHECK(back.scale() == x.scale());
      CHECK(back.format(s) == text);
      const std::string pct = cchc::format_percent(x, s);
      CHECK(cchc::parse_percent(pct, s) == x);
    }
  }
}

TEST_CASE("number_format: malformed numbers name the input, the column and what was expected") {
  {
    const auto e = error_of("1.34,5", number_style::vi);
    CHECK(e.where().column == 5);
    const std::string m = e.what();
    CHECK(m.find("\"1.34,5\"") != std::string::npos);
    CHECK(m.find("column 5") != std::string::npos);
    CHECK(m.find("exactly 3 digits") != std::string::npos);
  }
  {
    const auto e = error_of("12,3,4", number_style::en);
    CHECK(e.where().column == 5);
    CHECK(std::string(e.what()).find("exactly 3 digits") != std::string::npos);
  }
  {
    const auto e = error_of("", number_style::plain);
    CHECK(e.where().column == 1);
    CHECK(std::string(e.what()).find("empty") != std::string::npos);
  }
  {
    const auto e = error_of("1e5", number_style::plain);
    CHECK(e.where().column == 2);
    CHECK(std::string(e.what()).find("exponent") != std::string::npos);
  }
  {
    const auto e = error_of("--1", number_style::plain);
    CHECK(e.where().column == 2);
    CHECK(std::string(e.what()).find("expected a digit after the sign") != std::string::npos);
  }
  {
    const auto e = error_of("1.2.3", number_style::plain);
    CHECK(e.where().column == 4);
    CHECK(std::string(e.what()).find("second decimal point") != std::string::npos);
  }
  {
    const auto e = error_of(" ", number_style::plain);
    CHECK(e.where().column == 1);
    CHECK(std::string(e.what()).find("a space") != std::string::npos);
  }
  {
    const auto e = error_of("+", number_style::plain);
    CHECK(e.where().column == 2);
    CHECK(std::string(e.what()).find("the end of the text") != std::string::npos);
  }
  {
    const auto e = error_of(".", number_style::plain);
    CHECK(e.where().column == 1);
  }
  {
    const std::string huge(10000, '7');
    const auto e = error_of(huge, number_style::plain);
    CHECK(e.where().column == 401);
    const std::string m = e.what();
    CHECK(m.find("at most 400 significant digits") != std::string::npos);
    CHECK(m.find("(10000 characters)") != std::string::npos);
    CHECK(m.size() < 300);  // the input is shortened in the message
  }
  // More mis-styled inputs that would otherwise become plausible wrong numbers.
  CHECK(error_of("1.5", number_style::vi).where().column == 4);    // vi: '.' groups thousands
  CHECK(error_of("1,5", number_style::en).where().column == 4);    // en: ',' groups thousands
  CHECK(error_of("1,340.5", number_style::plain).where().column == 2);
  CHECK(error_of("1234.567", number_style::vi).where().column == 5);
  CHECK(error_of("1.2345", number_style::vi).where().column == 6);
  CHECK(error_of("1.", number_style::plain).where().column == 3);
  CHECK(error_of("1,5.000", number_style::vi).where().column == 4);
  // (Issue 9 made "1 000" a grouped vi number and trims "12 ": see the space tests below.)
  CHECK(error_of("1 000", number_style::plain).where().column == 2);  // plain does not group
  CHECK(error_of("12 3", number_style::plain).where().column == 3);
  CHECK(error_of("5%", number_style::plain).where().column == 2);
  CHECK(error_of("0." + std::string(401, '1'), number_style::plain).where().column == 403);
  CHECK(error_of("1-", number_style::plain).where().column == 2);
  CHECK(error_of("١٢", number_style::plain).where().column == 1);  // Arabic-Indic digits
  CHECK(error_of("12\xC2\xA0" "5", number_style::plain).where().column == 3);
}

TEST_CASE("number_format: leading zeros and long inputs within the limits parse exactly") {
  CHECK(decimal::parse(std::string(5000, '0') + "12").to_string() == "12");
  const std::string four_hundred(400, '9');
  CHECK(decimal::parse(four_hundred).to_string() == four_hundred);
  CHECK(decimal::parse("0." + std::string(399, '0') + "1").scale() == 400);
}

TEST_CASE("number_format: percentages") {
  CHECK(cchc::parse_percent("99,15%", number_style::vi).to_string() == "99.15");
  CHECK(cchc::parse_percent("99,15 %", number_style::vi).to_string() == "99.15");
  CHECK(cchc::parse_percent("99,15\xC2\xA0%", number_style::vi).to_string() == "99.15");
  CHECK(cchc::parse_percent("100%", number_style::vi).scale() == 0);
  CHECK(cchc::parse_percent("48.6%", number_style::en).to_string() == "48.6");
  CHECK(cchc::format_percent(decimal::parse("99.15"), number_style::vi) == "99,15%");
  CHECK(cchc::format_percent(decimal::parse("99.1596"), number_style::en, 2, rounding::toward_zero) ==
        "99.15%");
  CHECK_THROWS_AS((void)cchc::parse_percent("99,15", number_style::vi), cchc::parse_error);
  CHECK_THROWS_AS((void)cchc::parse_percent("99,15%%", number_style::vi), cchc::parse_error);
  CHECK_THROWS_AS((void)cchc::parse_percent("%", number_style::vi), cchc::parse_error);
  std::string why;
  CHECK_FALSE(cchc::try_parse_percent("99,15", number_style::vi, &why).has_value());
  CHECK(why.find("'%'") != std::string::npos);
  CHECK(cchc::try_parse_percent("7 %", number_style::plain) == decimal(7));
}

TEST_CASE("number_format: style names") {
  CHECK(cchc::to_string(number_style::vi) == "vi");
  CHECK(cchc::parse_number_style("en") == number_style::en);
  CHECK_THROWS_AS((void)cchc::parse_number_style("fr"), cchc::lookup_error);
}

TEST_CASE("number_format: spaces, no-break spaces and narrow no-break spaces") {
  const std::string nbsp = "\xC2\xA0";
  const std::string nnbsp = "\xE2\x80\xAF";
  // Between the number and '%'.
  CHECK(cchc::parse_percent("99,15" + nbsp + "%", number_style::vi).to_string() == "99.15");
  CHECK(cchc::parse_percent("99,15" + nnbsp + "%", number_style::vi).to_string() == "99.15");
  CHECK(cchc::parse_percent("99,15 %", number_style::vi).to_string() == "99.15");
  // Leading and trailing spaces of every kind are trimmed.
  CHECK(cchc::parse_percent(" 99,15% ", number_style::vi).to_string() == "99.15");
  CHECK(cchc::parse_percent(nbsp + "99,15%" + nnbsp + "\t", number_style::vi).to_string() == "99.15");
  CHECK(decimal::parse("  14.083 ", number_style::vi).to_string() == "14083");
  CHECK(decimal::parse("12 ", number_style::plain).to_string() == "12");
  // As group separators where the style groups.
  CHECK(decimal::parse("1 340,5", number_style::vi).to_string() == "1340.5");
  CHECK(decimal::parse("1" + nbsp + "340" + nbsp + "500", number_style::vi).to_string() == "1340500");
  CHECK(decimal::parse("1" + nnbsp + "340.5", number_style::en).to_string() == "1340.5");
  CHECK(decimal::parse("1 000", number_style::vi).to_string() == "1000");
  CHECK(cchc::parse_percent("1 000 %", number_style::vi).to_string() == "1000");
  // One kind of separator per number, groups of exactly 3, nothing in plain.
  CHECK(error_of("1.340 500", number_style::vi).where().column == 6);
  CHECK(std::string(error_of("1 340.500", number_style::vi).what()).find("same group separator") !=
        std::string::npos);
  CHECK(error_of("1 34,5", number_style::vi).where().column == 5);
  CHECK(error_of("1340 500", number_style::vi).where().column == 5);
  CHECK(error_of("1" + nbsp + "340", number_style::plain).where().column == 2);
  CHECK(std::string(error_of("1" + nnbsp + "34", number_style::vi).what()).find("narrow no-break space") !=
        std::string::npos);
  // Only spaces is not a number.
  CHECK(std::string(error_of(nbsp + " ", number_style::vi).what()).find("no digits") != std::string::npos);
}

TEST_CASE("number_format: printed percentages with or without '%' (parse_percent_text)") {
  CHECK(cchc::try_parse_percent_text("99,15", number_style::vi) == decimal::scaled(9915, 2));
  CHECK(cchc::try_parse_percent_text("99,15 %", number_style::vi) == decimal::scaled(9915, 2));
  CHECK(cchc::try_parse_percent_text("99,15\xC2\xA0%", number_style::vi)->scale() == 2);
  CHECK(cchc::parse_percent_text(" 30 % ", number_style::vi) == decimal(30));
  std::string why;
  CHECK(!cchc::try_parse_percent_text("99,15%%", number_style::vi, &why));
  CHECK(why.find("column 7") == 0);
  CHECK(!cchc::try_parse_percent_text("ninety", number_style::vi, &why));
  CHECK(why.find("percentage") != std::string::npos);
  CHECK_THROWS_AS((void)cchc::parse_percent_text("", number_style::vi), cchc::parse_error);
}

TEST_CASE("number_format: without a style, an ambiguous text is refused with both readings") {
  {
    const auto e = [] {
      try {
        (void)decimal::parse("13.676");
      } catch (const cchc::parse_error& x) {
        return std::string(x.what());
      }
      return std::string("(parsed)");
    }();
    CHECK(e.find("\"13.676\" is ambiguous: it reads 13676 in Vietnamese style (vi) and 13.676 in plain "
                 "style (plain); pass the style explicitly (style=vi or style=plain)") != std::string::npos);
  }
  std::string why;
  CHECK(!decimal::try_parse("1,234", &why));
  CHECK(why.find("reads 1.234 in Vietnamese style (vi) and 1234 in English style (en)") != std::string::npos);
  CHECK(!decimal::try_parse("-0.250", &why));
  CHECK(!decimal::try_parse("0.000", &why));  // same value, but the scale differs (0 vs 3)
  CHECK(!cchc::try_parse_percent("13.676%", &why));
  CHECK(why.find("ambiguous") != std::string::npos);
  CHECK(!cchc::try_parse_percent_text("97.550", &why));
  // With the style named, both readings are available.
  CHECK(decimal::parse("13.676", number_style::vi) == decimal(13676));
  CHECK(decimal::parse("13.676", number_style::plain) == decimal::scaled(13676, 3));
  CHECK(decimal::parse("1,234", number_style::en) == decimal(1234));
  // Texts with one reading, or readings that agree, need no style.
  CHECK(decimal::parse("97,55").to_string() == "97.55");
  CHECK(decimal::parse("1.340,5").to_string() == "1340.5");
  CHECK(decimal::parse("1.340.500").to_string() == "1340500");
  CHECK(decimal::parse("0.25").to_string() == "0.25");
  CHECK(decimal::parse("13.6760").to_string() == "13.6760");
  CHECK(decimal::parse("1,340.5").to_string() == "1340.5");
  CHECK(decimal::parse("14083").to_string() == "14083");
  CHECK(decimal::parse("-7").to_string() == "-7");
  CHECK(cchc::parse_percent("99,15%").to_string() == "99.15");
  CHECK(cchc::parse_percent("48.6 %").to_string() == "48.6");
  // A text no style reads names the reading that got furthest.
  CHECK(!decimal::try_parse("1.34,5", &why));
  CHECK(why.find("in any style") != std::string::npos);
  CHECK(why.find("read as vi") != std::string::npos);
}
