"""Reports: load, check, indicators (the seed report encoded in examples/tran-de-2023/report.json).

Expected findings come from METHODOLOGY.md §9 (independently of the code): 19/50 printed as 30 %, and
118/119 printed as 99,15 % (truncated; rounded is 99,16 %)."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest
from conftest import SOURCE_DIR, needs

pytestmark = needs("report")

import cchc  # noqa: E402

REPORT = SOURCE_DIR / "examples" / "tran-de-2023" / "report.json"


def test_load_and_describe():
    r = cchc.load_report(REPORT)
    assert r.year == 2023 and "Trần Đề" in r.issuer
    import datetime as dt

    assert r.period == (dt.date(2022, 12, 15), dt.date(2023, 12, 13))
    district = [row for row in r.flows() if row["level"] == "district"][0]["flow"]
    assert district.received == 14083 and district.resolved_late == 343


def test_check_finds_the_known_inconsistencies():
    findings = cchc.load_report(REPORT).check()
    by_path = {f.path: f for f in findings}
    internal = by_path["$.procedures.internal_review.rate"]
    assert internal.severity == "error"
    cadres = by_path["$.civil_service.commune_cadres_standard.rate"]
    assert cadres.severity in ("warning", "error")
    frame = findings.to_frame()
    assert list(frame.columns[:3]) == ["id", "severity", "path"]
    assert len(frame) == len(findings)
    assert all(isinstance(f, cchc.Finding) for f in findings)
    more = cchc.load_report(REPORT).check(confirmations=True)
    assert len(more) > len(findings) and any(f.severity == "info" for f in more)


def test_indicators_frame_has_formula_and_source():
    ind = cchc.load_report(REPORT).indicators()
    for column in ("percent", "numerator", "denominator", "value", "formula", "source", "inferred", "path"):
        assert column in ind.columns
    on_time = ind.loc["one_stop.on_time.district.resolved_basis"]
    assert on_time.percent == Decimal("97.55")  # 13.676 / 14.019 as printed in the report
    assert (on_time.numerator, on_time.denominator) == (Decimal(13676), Decimal(14019))
    assert isinstance(on_time.value, cchc.Rate) and on_time.value.matches("97,55%")
    assert ind.loc["procedures.internal_reviewed_share"].percent == Decimal("38.00")
    assert all(isinstance(s, str) and s for s in ind.source)
    assert all(isinstance(v, (Decimal, cchc.Rate)) for v in ind.value)


def test_report_value_type():
    r = cchc.load_report(REPORT)
    back = pickle.loads(pickle.dumps(r))
    assert back == r and hash(back) == hash(r)
    assert cchc.parse_report(r.to_json()) == r


def test_error_paths(tmp_path):
    with pytest.raises(cchc.FileError) as info:
        cchc.load_report(tmp_path / "missing.json")
    assert isinstance(info.value, OSError)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "cchc.report", "version": 1, ', encoding="utf-8")
    with pytest.raises(cchc.ParseError) as err:
        cchc.load_report(bad)
    assert isinstance(err.value, ValueError) and "bad.json" in str(err.value)
    with pytest.raises(ValueError, match="unknown_fields"):
        cchc.load_report(REPORT, unknown_fields="ignore")
    wrong = SOURCE_DIR / "tests" / "data" / "reports" / "wrong_version.json"
    if wrong.exists():
        with pytest.raises(ValueError):
            cchc.load_report(wrong)
