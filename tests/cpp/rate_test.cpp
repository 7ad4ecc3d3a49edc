#include "cchc/rate.hpp"

#include <doctest/doctest.h>

#include <vector>

#include "cchc/error.hpp"

using cchc::decimal;
using cchc::rate;
using cchc::rounding;

TEST_CASE("rate: percent is exact and rounded once at the named scale") {
  const rate r{118, 119};  // seed: commune cadres meeting the standard
  CHECK(r.defined());
  CHECK(r.percent(2, rounding::half_away_from_zero)->to_string() == "99.16");
  CHECK(r.percent(2, rounding::toward_zero)->to_string() == "99.15");
  CHECK(r.fraction(4, rounding::half_even)->to_string() == "0.9916");
  CHECK(r.to_string() == "118/119");
  // Rounding once: 2/3 = 66.666...% → 66.67. Rounding the fraction first (0.667) and then taking
  // the percentage would give 66.70.
  CHECK(rate{2, 3}.percent(2, rounding::half_away_from_zero)->to_string() == "66.67");
  CHECK(rate{decimal::parse("13.676", cchc::number_style::vi), decimal::parse("14.019", cchc::number_style::vi)}
            .percent(2, rounding::half_even)
            ->to_string() == "97.55");
  CHECK(rate{decimal::parse("1.5"), decimal::parse("2.25")}.percent(3, rounding::half_even)->to_string() ==
        "66.667");
}

TEST_CASE("rate: a zero denominator has no percentage, never 0 % or 100 %") {
  const rate z{0, 0};
  CHECK_FALSE(z.defined());
  CHECK_FALSE(z.percent(2, rounding::half_even).has_value());
  CHECK_FALSE(z.fraction(2, rounding::half_even).has_value());
  CHECK_FALSE(rate{5, 0}.percent(0, rounding::floor).has_value());
  CHECK(z.matches(decimal(0)).empty());
  CHECK(z.matches("100%").empty());
  CHECK_FALSE(rate().defined());
}

TEST_CASE("rate: a negative denominator is an argument error") {
  CHECK_THROWS_AS(rate(1, -2), cchc::argument_error);
  CHECK_NOTHROW(rate(-1, 2));
}

TEST_CASE("rate: matches, seed 118/119 reported as 99,15% is truncated") {
  const std::vector<rounding> want = {rounding::toward_zero, rounding::floor};
  CHECK(rate{118, 119}.matches("99,15%") == want);
  CHECK(rate{118, 119}.matches("99,15 %") == want);
  CHECK(rate{118, 119}.matches("99,15") == want);
  CHECK(rate{118, 119}.matches(decimal::parse("99.15")) == want);
  CHECK(rate{118, 119}.matches("99.15%", cchc::number_style::en) == want);
  // half_away_from_zero gives 99,16, which is reproduced by the other five.
  const std::vector<rounding> rounded = {rounding::half_away_from_zero, rounding::half_even,
                                         rounding::half_toward_zero, rounding::away_from_zero,
                                         rounding::ceiling};
  CHECK(rate{118, 119}.matches("99,16%") == rounded);
}

TEST_CASE("rate: matches, seed 19/50 reported as 30% is reproduced by no rounding") {
  CHECK(rate{19, 50}.matches("30%").empty());
  CHECK(rate{19, 50}.matches("30 %").empty());
  CHECK(rate{19, 50}.matches("38%").size() == 7);  // 38 % exactly: every mode agrees
}

TEST_CASE("rate: matches, seed 13.676/14.019 reported as 97,55%") {
  // 13676/14019 = 97.5533...%: the three nearest modes and the two that cut toward 0 / -inf give
  // 97.55; away_from_zero and ceiling give 97.56.
  const rate r{decimal::parse("13.676", cchc::number_style::vi),
               decimal::parse("14.019", cchc::number_style::vi)};
  CHECK(r.numerator() == 13676);
  const std::vector<rounding> want = {rounding::half_away_from_zero, rounding::half_even,
                                      rounding::half_toward_zero, rounding::toward_zero,
                                      rounding::floor};
  CHECK(r.matches("97,55") == want);
  CHECK(r.matches("97,56%") ==
        std::vector<rounding>{rounding::away_from_zero, rounding::ceiling});
  // Published at one decimal, the figure's own scale is 1.
  CHECK(r.matches("97,6%").size() == 5);
}

TEST_CASE("rate: matches distinguishes the tie rules on an exact half") {
  // 1/8 = 12.5 % exactly: at scale 0 the tie rules disagree.
  const rate r{1, 8};
  CHECK(r.matches("13%") == std::vector<rounding>{rounding::half_away_from_zero,
                                                  rounding::away_from_zero, rounding::ceiling});
  CHECK(r.matches("12%") == std::vector<rounding>{rounding::half_even, rounding::half_toward_zero,
                                                  rounding::toward_zero, rounding::floor});
  // 3/8 = 37.5 %: half_even now goes up (38 is even).
  CHECK(rate{3, 8}.matches("38%") ==
        std::vector<rounding>{rounding::half_away_from_zero, rounding::half_even,
                              rounding::away_from_zero, rounding::ceiling});
}

TEST_CASE("rate: malformed reported figures are parse errors") {
  CHECK_THROWS_AS((void)rate(1, 2).matches("50%%"), cchc::parse_error);
  CHECK_THROWS_AS((void)rate(1, 2).matches("abc"), cchc::parse_error);
  CHECK_THROWS_AS((void)rate(1, 2).matches(""), cchc::parse_error);
}

TEST_CASE("rate: rates add as a ratio of sums") {
  const rate a{118, 119};
  const rate b{94, 94};
  const rate s = a + b;
  CHECK(s == rate{212, 213});
  CHECK(s.percent(2, rounding::half_even)->to_string() == "99.53");
  rate acc;
  acc += a;
  acc += b;
  CHECK(acc == s);
  CHECK(rate{19, 50} != rate{38, 100});
}

TEST_CASE("rate: matches reads text in the one default reading, ambiguous text refused") {
  // 10/1000 = 1 %; published "1.000%" would read 1000 % in vi and 1.000 % in plain: refused, not
  // guessed (the old default read it as vi: 1000 %, which no rounding reproduces — a false alarm).
  const rate r{10, 1000};
  try {
    (void)r.matches("1.000%");
    FAIL("an ambiguous figure was read");
  } catch (const cchc::parse_error& e) {
    CHECK(std::string(e.what()).find("reads 1000 in Vietnamese style (vi) and 1.000 in plain style") !=
          std::string::npos);
  }
  CHECK(r.matches("1.000%", cchc::number_style::plain).size() == 7);
  CHECK(r.matches("1,0%").size() == 7);    // vi only
  CHECK_THROWS_AS((void)r.matches("1,000%"), cchc::parse_error);  // 1.000 in vi, 1000 in en
  CHECK(r.matches("1.0%").size() == 7);    // plain only
  // Spaces of every kind before '%', and around the figure.
  const std::vector<rounding> want = {rounding::toward_zero, rounding::floor};
  CHECK(rate{118, 119}.matches("99,15\xC2\xA0%") == want);
  CHECK(rate{118, 119}.matches("99,15\xE2\x80\xAF%") == want);
  CHECK(rate{118, 119}.matches(" 99,15% ") == want);
}
