"""Indicator catalogues from Python: cchc.Indicators (built-in, load, parse), evaluate() on a report or
on figures, Report.indicators(catalogue=...), and the regression against the golden output captured
from the C++ indicator list before it became data (tests/cli/data/indicators-golden/README.md)."""
import json
import math
import pathlib
from decimal import Decimal

import pytest

import cchc

ROOT = pathlib.Path(__file__).resolve().parents[2]
REPORT = ROOT / "examples" / "tran-de-2023" / "report.json"
GOLDEN = ROOT / "tests" / "cli" / "data" / "indicators-golden" / "seed.json.vi.txt"
POLICIES = ROOT / "tests" / "data" / "indicators" / "policies.cchc.json"


def test_report_indicators_equal_the_golden_values():
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))["indicators"]
    frame = cchc.load_report(REPORT).indicators()
    assert list(frame.index) == [g["id"] for g in golden]
    for g in golden:
        row = frame.loc[g["id"]]
        for key in ("label_vi", "label_en", "unit", "formula", "source", "inferred", "path"):
            assert row[key] == g[key], (g["id"], key)
        if g["kind"] == "rate":
            assert (row.numerator, row.denominator) == (Decimal(g["numerator"]), Decimal(g["denominator"]))
            assert row.percent == (Decimal(g["percent"]) if g["percent"] is not None else None)
            assert isinstance(row.value, cchc.Rate)
        else:
            assert row.value == Decimal(g["value"]) and isinstance(row.value, Decimal)
    # The same through the catalogue object, and through the built-in catalogue's file text.
    again = cchc.Indicators.builtin().evaluate(cchc.load_report(REPORT))
    assert list(again.index) == list(frame.index)
    parsed = cchc.Indicators.parse(cchc.Indicators.builtin_text(), "vn.cchc.json")
    assert list(parsed.evaluate(cchc.load_report(REPORT)).percent) == list(frame.percent)


def test_exact_values_and_float_view():
    frame = cchc.load_report(REPORT).indicators()
    row = frame.loc["one_stop.on_time.district.resolved_basis"]
    assert row.percent == Decimal("97.55") and math.isclose(row.float, 97.55)
    assert row.status == "value" and row.direction == "higher_is_better"
    assert row.inputs == {"one_stop.flows.I.on_time.resolved_basis": cchc.Rate(13676, 14019)}
    vac = frame.loc["organisation.vacancies.civil_servants"]
    assert vac.value == Decimal(5) and vac.float == 5.0 and vac.direction == "lower_is_better"


def test_catalogue_file_policies_and_periods():
    frame = cchc.load_report(REPORT).indicators(catalogue=POLICIES)
    assert frame.loc["z.undefined"].percent is None and frame.loc["z.undefined"].denominator == 0
    assert frame.loc["z.zero"].percent == Decimal("0.0")
    assert frame.loc["z.full"].percent == Decimal("100.0")
    assert frame.loc["z.not_scored"].status == "not_scored" and math.isnan(frame.loc["z.not_scored"].float)
    assert frame.loc["period.ended"].status == "not_applicable"
    assert "2020-12-31" in frame.loc["period.ended"].reason
    assert frame.loc["period.in_force"].percent == Decimal("38.0")
    assert frame.loc["value.third"].value == Decimal("7.7")
    assert "absent.input" not in frame.index  # absent inputs: not produced, never zero
    finer = cchc.load_report(REPORT).indicators(catalogue=cchc.Indicators.load(POLICIES), scale=3, rounding="toward_zero")
    assert finer.loc["period.in_force"].percent == Decimal("38.000")


def test_evaluate_on_figures():
    cat = cchc.Indicators.parse(json.dumps({
        "format": "cchc.indicators", "version": 1, "id": "t",
        "indicators": [
            {"id": "share", "numerator": "a", "denominator": "b", "source": {"text": "s"}, "scale": 1},
            {"id": "total", "over": "t", "numerator": "row.a", "denominator": "row.b", "source": {"text": "s"}},
        ]}))
    frame = cat.evaluate({"a": 1, "b": 3, "t.0.a": 1, "t.0.b": 2, "t.1.a": Decimal("2.5"), "t.1.b": 3})
    assert frame.loc["share"].percent == Decimal("33.3")
    assert frame.loc["share"].value == cchc.Rate(1, 3)
    assert (frame.loc["total"].numerator, frame.loc["total"].denominator) == (Decimal("3.5"), Decimal(5))
    assert frame.loc["total"].percent == Decimal("70.00")


def test_catalogue_errors():
    with pytest.raises(cchc.ParseError) as info:
        cchc.Indicators.parse('{"format": "cchc.indicators", "version": 1, "id": "t",\n'
                              ' "indicators": [{"id": "x", "value": "1", "source": {"text": "s"}, "scale": -1}]}', "c.json")
    assert info.value.file == "c.json" and info.value.line == 2 and info.value.path == "$.indicators[0].scale"
    with pytest.raises(cchc.UnknownNameError) as info:
        cchc.Indicators.parse('{"format": "cchc.indicators", "version": 1, "id": "t", "indicators": ['
                              '{"id": "x", "unit": "count", "value": "direction.plan.task", "source": {"text": "s"}}]}',
                              known=["direction.plan.tasks"])
    assert "nearest: direction.plan.tasks" in str(info.value)
    with pytest.raises(cchc.FileError):
        cchc.Indicators.load(ROOT / "no-such-catalogue.json")
