"""Expressions and scorecards from Python: the same numbers as the C++ tests (tests/cpp/scorecard_file_test.cpp,
expected values computed there with fractions.Fraction), DataFrames in and out, absent never 0."""

from decimal import Decimal
from fractions import Fraction

import pandas as pd
import pytest

import cchc


def portal_unit():
    return {
        "PUBLISH_ON_TIME.numerator": 45, "PUBLISH_ON_TIME.denominator": 50,
        "PUBLIC_UPDATE_ON_TIME.numerator": 12, "PUBLIC_UPDATE_ON_TIME.denominator": 12,
        "PUBLIC_CONTENT_FULL.numerator": 7, "PUBLIC_CONTENT_FULL.denominator": 9,
        "DOSSIER_SYNC.ratio": Decimal("98"),
        "totalOnTime": 13676, "totalReceived": 14019,
        "totalDossierOnlinePaymentSuccess": 37, "totalDossierFinancialObligation": 50,
        "totalDossierOnlineFormalityPaymentSuccess": 9, "totalFeeFormality": 10,
        "totalFeeDossierFormality": Decimal("3.3333"),
    }


def test_expression_is_exact_and_absent_is_none():
    assert cchc.evaluate("1/4", {}) == Decimal("0.25")
    third = cchc.evaluate("1/3", {})
    assert isinstance(third, cchc.Rate)
    assert Fraction(int(third.numerator), int(third.denominator)) == Fraction(1, 3)
    assert cchc.evaluate("a + b", {"a": 1}) is None
    assert cchc.evaluate("a / b", {"a": 1, "b": 0}) is cchc.UNDEFINED
    assert cchc.evaluate("a >= 95%", {"a": Decimal("0.95")}) is True
    assert cchc.evaluate("r * 2", {"r": cchc.Rate(1, 3)}) == cchc.Rate(2, 3)
    e = cchc.Expression("round(20 * totalOnTime / totalReceived, 2, half_away_from_zero)")
    assert e.names == ["totalOnTime", "totalReceived"]
    assert e.evaluate({"totalOnTime": 13676, "totalReceived": 14019}) == Decimal("19.51")
    with pytest.raises(TypeError, match="float is not accepted"):
        e.evaluate({"totalOnTime": 13676.0, "totalReceived": 14019})


def test_expression_errors_name_the_place():
    with pytest.raises(cchc.ParseError, match="line 1, column 5"):
        cchc.Expression("a + * b")
    with pytest.raises(cchc.UnknownNameError, match="did you mean 'totalReceived'"):
        cchc.Expression("totalRecieved", names=["totalReceived", "totalOnTime"])


def test_population_functions_over_a_frame():
    frame = pd.DataFrame({"rate": [Decimal("0.90"), Decimal("0.80"), Decimal("0.90"), None]}, index=["a", "b", "c", "d"])
    ranks = cchc.Expression("rank(rate)").evaluate_frame(frame)
    assert list(ranks.index) == ["a", "b", "c", "d"]
    assert list(ranks[:3]) == [1, 3, 1] and ranks["d"] is None


def test_vn766_scores_portal_figures_like_the_cpp_face():
    card = cchc.Scorecard.builtin("vn.766")
    assert card.id == "vn.766" and card.max_points == Decimal("100")
    table = card.score({"PT": portal_unit()})
    assert list(table.columns) == list(cchc._scorecard.SCORE_COLUMNS)
    pts = table.set_index("id")["points"]
    assert pts["PUBLISH_ON_TIME"] == Decimal("5.40")
    assert pts["DOSSIER_SYNC"] == Decimal("5.88")
    assert pts["transparency"] == Decimal("16.84")
    assert pts["ON_TIME"] == Decimal("19.51")
    assert pts["ONLINE_PAYMENT"] == Decimal("7.27")
    total = table[table["kind"] == "total"].iloc[0]
    assert total["points"] is None and total["partial_points"] == Decimal("43.62")
    assert table.set_index("id").loc["ONLINE_SERVICES", "status"] == "unknown"


def test_figures_frame_missing_cells_are_absent_and_floats_refused():
    frame = pd.DataFrame({"unit": ["A", "B"], "totalOnTime": [13676, None], "totalReceived": [14019, 100]})
    # the gap made pandas store totalOnTime as float64: integral floats are read exactly, NaN is absent
    table = cchc.Scorecard.builtin("vn.766").score(frame)
    on_time = table[table["id"] == "ON_TIME"].set_index("unit")
    assert on_time.loc["A", "points"] == Decimal("19.51")
    assert on_time.loc["B", "points"] is None and on_time.loc["B", "status"] == "absent"
    assert on_time.loc["B", "reason"] == "missing figure(s): totalOnTime"
    bad = pd.DataFrame({"unit": ["A"], "totalOnTime": [0.5]})
    with pytest.raises(TypeError, match="column 'totalOnTime', row 0"):
        cchc.Scorecard.builtin("vn.766").score(bad)


def test_ranks_are_nullable_integers_with_ties():
    text = """{"format": "cchc.scorecard", "version": 1, "id": "t", "max_points": 1,
      "groups": [{"id": "g", "max_points": 1, "children": [{"id": "l", "max_points": 1, "rule": "linear", "value": "r"}]}]}"""
    card = cchc.Scorecard.parse(text)
    table = card.score({"a": {"r": Decimal("0.5")}, "b": {"r": Decimal("0.5")}, "c": {"r": Decimal("0.25")}, "d": {}})
    totals = table[table["kind"] == "total"].set_index("unit")["rank"]
    assert str(totals.dtype) == "Int64"
    assert list(totals[["a", "b", "c"]]) == [1, 1, 3] and pd.isna(totals["d"])


def test_scorecard_file_errors_are_parse_errors_with_location(tmp_path):
    path = tmp_path / "card.json"
    path.write_text('{"format": "cchc.scorecard", "version": 1, "id": "x", "max_points": 2, "groups": [\n'
                    ' {"id": "g", "max_points": 3, "children": [{"id": "l", "max_points": 2, "rule": "linear", "value": "r"}]}]}',
                    encoding="utf-8")
    with pytest.raises(cchc.ParseError, match=r"card.json:2:2.*'g' is worth 3 points"):
        cchc.Scorecard.load(path)
    with pytest.raises(cchc.UnknownNameError, match="vn.766"):
        cchc.Scorecard.builtin("vn.767")


def test_figures_table_roll_up_and_check(tmp_path):
    path = tmp_path / "units.csv"
    path.write_text("unit,name,parent,received,on_time\n"
                    "P,Tỉnh P,,151,130/150\n"
                    "A,Huyện A,P,100,90/100\n"
                    "B,Huyện B,P,50,40/50\n", encoding="utf-8")
    frame = cchc.read_figures(path)
    assert frame.loc["A", "received"] == Decimal("100")
    assert frame.loc["A", "on_time"] == cchc.Rate(90, 100)
    up = cchc.roll_up(frame)
    assert list(up.index) == ["P"]
    assert up.loc["P", "received"] == Decimal("150")
    assert up.loc["P", "on_time"] == cchc.Rate(130, 150)  # a ratio of sums, not a mean of rates
    findings = cchc.check_roll_up(frame)
    assert len(findings) == 1 and findings[0].id == "units.sum"
    assert "children add up to 150" in findings[0].message


def test_reports_are_units_with_figures_like_the_cli(tmp_path):
    import pathlib
    root = pathlib.Path(__file__).resolve().parents[2]
    report = cchc.load_report(root / "examples/tran-de-2023/report.json")
    figs = report.figures()
    assert figs["direction.plan.tasks_completed"] == Decimal("23")
    assert figs["one_stop.flows.I.on_time.resolved_basis"] == cchc.Rate(13676, 14019)
    table = cchc.Scorecard.builtin("example.district-par").score([report])
    total = table[table["kind"] == "total"].iloc[0]
    assert total["points"] == Decimal("79.15") and total["grade"] == "C"  # as tests/cli/score_test.sh
