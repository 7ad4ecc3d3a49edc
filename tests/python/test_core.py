"""core: Decimal in and out, number styles, rounding names, Rate.

Oracles are independent of cchc: Python's own decimal module (quantize with the ROUND_* constant
that names the same rule) and figures from the seed report (METHODOLOGY.md §8-9)."""

from __future__ import annotations

import copy
import decimal
import pickle
from decimal import Decimal

import pytest
from conftest import needs
from hypothesis import given, settings, strategies as st

pytestmark = needs("core")

import cchc  # noqa: E402

PY = {
    "half_away_from_zero": decimal.ROUND_HALF_UP,
    "half_even": decimal.ROUND_HALF_EVEN,
    "half_toward_zero": decimal.ROUND_HALF_DOWN,
    "toward_zero": decimal.ROUND_DOWN,
    "away_from_zero": decimal.ROUND_UP,
    "floor": decimal.ROUND_FLOOR,
    "ceiling": decimal.ROUND_CEILING,
}

finite = st.decimals(allow_nan=False, allow_infinity=False, min_value=Decimal("-1e30"), max_value=Decimal("1e30"))
CTX = decimal.Context(prec=200)


def quantize(value: Decimal, scale: int, mode: str) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-scale), rounding=PY[mode], context=CTX)


def test_rounding_names_match_python():
    assert set(cchc.ROUNDINGS) == set(PY)
    assert cchc.PYTHON_ROUNDINGS == PY


def test_parse_number_in_each_style():
    assert cchc.parse_number("1.340,5", style="vi") == Decimal("1340.5")
    assert cchc.parse_number("1,340.5", style="en") == Decimal("1340.5")
    assert cchc.parse_number("1340.5") == Decimal("1340.5")
    assert cchc.parse_number("14.083", style="vi") == 14083
    # the scale survives: 97,55 has two decimals, 1.50 keeps its trailing zero
    assert cchc.parse_number("97,55", style="vi").as_tuple().exponent == -2
    assert str(cchc.parse_number("1.50")) == "1.50"


def test_format_number():
    assert cchc.format_number(Decimal("1340.5"), style="vi") == "1.340,5"
    assert cchc.format_number("1.340,5", style="vi") == "1.340,5"
    assert cchc.format_number(14083, style="en") == "14,083"
    assert cchc.format_number(Decimal("2.5"), scale=0, rounding="half_even") == "2"
    assert cchc.format_number(Decimal("2.5"), scale=0, rounding=decimal.ROUND_HALF_UP) == "3"
    assert cchc.format_percent(Decimal("99.15")) == "99,15%"
    assert cchc.parse_percent("99,15%") == Decimal("99.15")


@given(finite)
def test_decimal_round_trips_losslessly(d):
    # Through the caster (Decimal → cchc::decimal → text) and back: same value and same exponent.
    text = cchc.format_number(d)
    back = cchc.parse_number(text, style="plain")  # plain, named: "1.500" alone is ambiguous
    assert back == d
    if d.as_tuple().exponent <= 0 and d != 0:
        assert back.as_tuple() == d.as_tuple()


@settings(max_examples=60)
@given(finite, st.integers(min_value=0, max_value=12), st.sampled_from(sorted(PY)))
def test_rescale_agrees_with_python_decimal(d, scale, mode):
    assert cchc.rescale(d, scale, mode) == quantize(d, scale, mode)
    # cchc has no negative zero (a count or an amount of -0 is 0); Python's Decimal does.
    text = cchc.format_number(d, scale=scale, rounding=mode)
    assert Decimal(text) == quantize(d, scale, mode)
    assert not (Decimal(text) == 0 and text.startswith("-"))


@given(
    st.integers(min_value=-10**12, max_value=10**12),
    st.integers(min_value=1, max_value=10**12),
    st.integers(min_value=0, max_value=6),
    st.sampled_from(sorted(PY)),
)
def test_rate_percent_agrees_with_python_decimal(n, d, scale, mode):
    expected = quantize(CTX.divide(Decimal(n) * 100, Decimal(d)), scale, mode)
    assert cchc.Rate(n, d).percent(scale=scale, rounding=mode) == expected
    assert cchc.divide(n, d, scale, mode) == quantize(CTX.divide(Decimal(n), Decimal(d)), scale, mode)


@settings(max_examples=40)
@given(finite, finite)
def test_rate_addition_is_a_ratio_of_sums(a, b):
    r = cchc.Rate(a, 7) + cchc.Rate(b, 5)
    assert r.numerator == CTX.add(a, b) and r.denominator == 12  # exact, not rounded to 28 digits


def test_seed_report_figures():
    # 13.676 / 14.019 published as 97,55 %; 118/119 published as 99,15 % (truncated: rounded is 99,16).
    assert cchc.Rate(13676, 14019).percent(scale=2) == Decimal("97.55")
    assert cchc.Rate(118, 119).percent(scale=2) == Decimal("99.16")
    assert cchc.Rate(118, 119).matches("99,15%") == ["toward_zero", "floor"]
    assert "half_away_from_zero" in cchc.Rate(13676, 14019).matches("97,55%")
    assert cchc.Rate(19, 50).matches("30%") == []  # "đạt 30 %" for 19/50: no rounding gives it
    assert cchc.Rate(118, 119).matches(Decimal("99.15")) == ["toward_zero", "floor"]


def test_undefined_rate_is_none():
    r = cchc.Rate(0, 0)
    assert not r.defined and r.percent() is None and r.fraction(2) is None


def test_rate_value_type():
    r = cchc.Rate("1.50", 2)
    assert r == cchc.Rate("1.5", 2) and hash(r) == hash(cchc.Rate("1.5", 2))
    assert r != cchc.Rate(3, 4)  # 1.5/2 and 3/4 merge differently
    assert pickle.loads(pickle.dumps(r)) == r
    assert copy.deepcopy(r) == r
    assert eval(repr(r), {"Rate": cchc.Rate}) == r
    assert str(cchc.Rate(118, 119)) == "118/119"
    assert cchc.Rate("1.340,5", "2.000", style="vi").numerator == Decimal("1340.5")


def test_error_paths():
    with pytest.raises(TypeError, match="binary floating point"):
        cchc.Rate(0.1, 1)
    with pytest.raises(TypeError, match="denominator: float"):
        cchc.Rate(1, 2.0)
    with pytest.raises(TypeError, match="binary floating point"):
        cchc.format_number(1.5)
    with pytest.raises(TypeError):
        cchc.Rate(True, 2)
    with pytest.raises(TypeError, match="text"):
        cchc.parse_number(12)
    with pytest.raises(cchc.ParseError) as info:
        cchc.parse_number("1.34,5", style="vi")
    assert isinstance(info.value, ValueError) and info.value.column == 5
    with pytest.raises(cchc.ArgumentError):
        cchc.Rate(1, -2)
    with pytest.raises(cchc.ArgumentError):
        cchc.divide(1, 0, 2, "half_even")
    with pytest.raises(KeyError, match="half_up"):
        cchc.Rate(1, 2).percent(rounding="half_up")  # ambiguous name, rejected on purpose
    with pytest.raises(KeyError):
        cchc.Rate(1, 2).percent(rounding=decimal.ROUND_05UP)
    with pytest.raises(KeyError):
        cchc.parse_number("1", style="fr")
    with pytest.raises(ValueError, match="finite"):
        cchc.format_number(Decimal("NaN"))
    with pytest.raises(ValueError, match="finite"):
        cchc.Rate(Decimal("Infinity"), 1)
    with pytest.raises(cchc.ParseError):
        cchc.parse_percent("99,15", style="vi")  # the % is required


# --- one default reading for text numbers (issue 9) -------------------------------------------------


def test_an_ambiguous_text_without_a_style_is_refused_with_both_readings():
    for call in (
        lambda: cchc.parse_number("13.676"),
        lambda: cchc.Rate("13.676", 14019),
        lambda: cchc.Rate(13676, 14019).matches("97.550"),
        lambda: cchc.rescale("13.676", 0, "half_even"),
    ):
        with pytest.raises(cchc.ParseError) as e:
            call()
        assert "in Vietnamese style (vi)" in str(e.value)
        assert "pass the style explicitly" in str(e.value)
    with pytest.raises(cchc.ParseError) as e:
        cchc.Rate("13.676", 14019)
    assert "reads 13676 in Vietnamese style (vi) and 13.676 in plain style (plain)" in str(e.value)
    with pytest.raises(cchc.ParseError) as e:
        cchc.parse_percent("1,234%")
    assert "reads 1.234 in Vietnamese style (vi) and 1234 in English style (en)" in str(e.value)


def test_an_explicit_style_reads_either_way():
    assert cchc.Rate("13.676", 14019, style="vi").numerator == 13676
    assert cchc.Rate("13.676", 14019, style="plain").numerator == Decimal("13.676")
    assert cchc.parse_number("13.676", style="vi") == 13676
    assert cchc.Rate(13676, 14019).matches("97.550", style="plain") == []
    # Texts with one reading need no style, and Rate and matches read them alike.
    assert cchc.Rate("13.676,0", "14.019", style="vi").numerator == cchc.parse_number("13.676,0")
    assert cchc.parse_number("0.25") == Decimal("0.25")
    assert cchc.Rate(118, 119).matches("99,15") == ["toward_zero", "floor"]


def test_percent_text_with_no_break_and_narrow_no_break_spaces():
    assert cchc.parse_percent("99,15\u00a0%") == Decimal("99.15")
    assert cchc.parse_percent("99,15\u202f%") == Decimal("99.15")
    assert cchc.parse_percent(" 99,15% ") == Decimal("99.15")
    assert cchc.parse_percent("99,15 %", style="vi") == Decimal("99.15")
    assert cchc.parse_number("1\u202f340,5", style="vi") == Decimal("1340.5")
    assert cchc.Rate(118, 119).matches("99,15\u00a0%") == ["toward_zero", "floor"]


def test_repr_of_a_rate_with_an_ambiguous_part_still_evaluates():
    r = cchc.Rate(Decimal("1.500"), 2)
    assert "style='plain'" in repr(r)
    back = eval(repr(r), {"Rate": cchc.Rate})
    assert back == r and back.numerator.as_tuple() == r.numerator.as_tuple()
    assert repr(cchc.Rate(1, 2)) == "Rate('1', '2')"


@given(finite, st.sampled_from(["plain", "vi", "en"]))
def test_the_default_reading_never_contradicts_the_style_a_number_was_printed_in(d, style):
    # Printed in any style, a number read without a style is either that number or refused.
    text = cchc.format_number(d, style=style)
    try:
        back = cchc.parse_number(text)
    except cchc.ParseError as e:
        assert "ambiguous" in str(e)
        return
    assert back == d
    if d.as_tuple().exponent <= 0:
        assert back.as_tuple().exponent == d.as_tuple().exponent
