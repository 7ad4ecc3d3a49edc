"""Units, roll-up over a units tree, ranking, bands, explanations and report sets from Python. Expected
numbers are worked out here by hand (fractions), not taken from cchc's output."""

import datetime as dt
import json
from decimal import Decimal
from fractions import Fraction

import pandas as pd
import pytest
from conftest import SOURCE_DIR, needs

import cchc

pytestmark = needs("scorecard")

SYNTHETIC = SOURCE_DIR / "examples" / "synthetic-province"
SEED = SOURCE_DIR / "examples" / "tran-de-2023" / "report.json"

UNITS = """code,name,level,parent,valid_from,valid_to
P,Tỉnh P,province,,,
D,Huyện D,district,P,,2025-06-30
C1,Xã C1,commune,D,,2025-06-30
C2,Xã C2,commune,D,,2025-06-30
C1,Xã C1,commune,P,2025-07-01,
C2,Xã C2,commune,P,2025-07-01,
"""


def frame(rows, columns):
    return pd.DataFrame(rows, columns=columns).set_index("unit")


def test_units_load_find_children_and_dates():
    u = cchc.Units.parse(UNITS, "u.csv")
    assert len(u) == 6 and u.origin == "u.csv"
    assert u.find("D", dt.date(2025, 6, 30))["level"] == "district"
    assert u.find("D", dt.date(2025, 7, 1)) is None
    assert u.find("C1", dt.date(2025, 7, 1))["parent"] == "P"
    assert u.find("C1", dt.date(2025, 7, 1))["valid_from"] == dt.date(2025, 7, 1)
    assert u.children("P", dt.date(2025, 6, 30)) == ["D"]
    assert u.children("P", dt.date(2025, 7, 1)) == ["C1", "C2"]
    assert list(u.to_frame(on=dt.date(2025, 7, 1)).index) == ["P", "C1", "C2"]
    assert "Units" in repr(u)
    with pytest.raises(TypeError, match="datetime.datetime"):
        u.find("P", dt.datetime(2025, 1, 1, 8, 0))


def test_units_errors_name_file_line_column():
    with pytest.raises(cchc.ParseError, match=r"u.csv:3:12.*unknown parent 'Q'"):
        cchc.Units.parse("code,level,parent\nP,province,\nD,district,Q\n", "u.csv")
    with pytest.raises(cchc.ParseError, match="cycle"):
        cchc.Units.parse("code,level,parent\nA,x,B\nB,x,A\n", "u.csv")
    with pytest.raises(cchc.FileError):
        cchc.Units.load(SOURCE_DIR / "no-such-units.csv")


def test_units_roll_up_is_a_ratio_of_sums_in_the_tree_of_the_day():
    u = cchc.Units.parse(UNITS, "u.csv")
    figures = frame([("C1", 27, 30), ("C2", 10, 20)], ["unit", "on_time", "received"])
    before = u.roll_up(figures, on=dt.date(2025, 6, 30))
    assert list(before.index) == ["P", "D"]
    assert before.loc["D", "on_time"] == 37 and before.loc["D", "parent"] == "P"
    after = u.roll_up(figures, on=dt.date(2025, 7, 1))
    assert list(after.index) == ["P"]
    assert after.loc["P", "received"] == 50 and after.loc["P", "name"] == "Tỉnh P"
    rates = frame([("C1", cchc.Rate(27, 30)), ("C2", cchc.Rate(10, 20))], ["unit", "r"])
    assert u.roll_up(rates, on=dt.date(2025, 7, 1)).loc["P", "r"] == cchc.Rate(37, 50)  # not the mean
    with pytest.raises(ValueError, match="pass on="):
        u.roll_up(figures)  # the file is dated: which day's tree?
    undated = cchc.Units.parse("code,level,parent\nP,p,\nA,c,P\nB,c,P\n")
    assert undated.roll_up(frame([("A", 1), ("B", 2)], ["unit", "x"])).loc["P", "x"] == 3
    # A child missing from the table: the parent's sum is unknown (None), never the partial sum.
    assert undated.roll_up(frame([("A", 1)], ["unit", "x"])).loc["P", "x"] is None
    with pytest.raises(cchc.ArgumentError, match="does not list"):
        u.roll_up(frame([("D", 1)], ["unit", "x"]), on=dt.date(2025, 7, 1))
    findings = undated.check_roll_up(frame([("P", 4), ("A", 1), ("B", 2)], ["unit", "x"]))
    assert [f.id for f in findings] == ["units.sum"]


def test_rank_ties_missing_last_and_flagged():
    s = pd.Series({"a": Decimal("5"), "b": 7, "c": "5", "d": None, "e": cchc.UNDEFINED, "f": 1})
    r = cchc.rank(s)
    assert list(r.index) == ["b", "a", "c", "f", "d", "e"]
    assert list(r["rank"].astype(object).where(r["rank"].notna(), None)) == [1, 2, 2, 4, None, None]
    assert list(r["missing"]) == [False, False, False, False, True, True]
    assert list(r["reason"])[-2:] == ["absent", "undefined"]
    dense = cchc.rank(s, ties="dense")
    assert dense.loc["f", "rank"] == 3
    low = cchc.rank(s, higher_is_better=False)
    assert low.loc["f", "rank"] == 1 and low.loc["b", "rank"] == 4
    with pytest.raises(KeyError, match="competition"):
        cchc.rank(s, ties="olympic")


def test_rank_is_exact_on_ratios_and_refuses_floats():
    third = cchc.Rate(1, 3)
    close = Decimal("0.3333333333333333333333")
    r = cchc.rank({"x": third, "y": close, "z": (2, 6), "w": float("nan")})
    assert r.loc["x", "rank"] == r.loc["z", "rank"] == 1 and r.loc["y", "rank"] == 3
    assert bool(r.loc["w", "missing"])
    with pytest.raises(TypeError, match="binary floating-point"):
        cchc.rank([0.1, 0.2])
    assert list(cchc.rank([3, 1, 2])["rank"]) == [1, 2, 3]


def test_rank_bands_as_data(tmp_path):
    path = tmp_path / "bands.json"
    path.write_text(json.dumps({"format": "cchc.bands", "version": 1, "id": "t", "bands": [
        {"band": "A", "at_or_above": "90%"}, {"band": "B", "above": "80%"}]}))
    r = cchc.rank({"u1": cchc.Rate(9, 10), "u2": cchc.Rate(8, 10), "u3": cchc.Rate(81, 100), "u4": None}, bands=path)
    assert r.loc["u1", "band"] == "A"          # 90 % is at or above 90 %
    assert r.loc["u2", "band"] is None         # 80 % is not above 80 %
    assert r.loc["u3", "band"] == "B"
    assert r.loc["u4", "band"] is None
    bands = cchc.Bands.load(path)
    assert bands.id == "t" and bands.bands[0] == ("A", Decimal("0.90"), "at_or_above")
    with pytest.raises(cchc.ParseError, match="highest bound down"):
        cchc.Bands.parse('{"format": "cchc.bands", "version": 1, "bands": [{"band": "B", "above": 1}, {"band": "A", "above": 2}]}')


def test_explain_every_point_of_one_unit():
    figures = cchc.read_figures(SYNTHETIC / "figures.csv")
    card = cchc.Scorecard.load(SYNTHETIC / "scorecard.json")
    e = card.explain("TX.02", figures)
    f = e.frame
    assert list(f.kind)[:1] == ["total"] and set(f.kind) == {"total", "group", "leaf"}
    on_time = f[f.id == "ON_TIME"].iloc[0]
    # 20 × 930/1000 = 18.60; the inputs are shown as given
    assert on_time.points == Decimal("18.60") and on_time.max_points == 20
    assert on_time.inputs == {"totalOnTime": "930", "totalReceived": "1000"}
    payment = f[f.id == "ONLINE_PAYMENT"].iloc[0]
    # linear to the 80 % threshold: 16 × min(1, (90/200) / 0.8) = 9.00
    assert payment.points == Decimal("9.00")
    text = e.text
    assert "ON_TIME: 18.60 / 20" in text and "totalOnTime = 930" in text
    assert text.splitlines()[0].startswith("TX.02: ")
    assert "grade" in text.splitlines()[0] and "rank" in text.splitlines()[0]
    assert str(e) == text
    # Eo Gió publishes no payments: the leaf is not scored and its maximum is left out.
    eo = card.explain("TX.05", table=card.score(figures)).total
    assert eo.max_points == 34
    with pytest.raises(KeyError, match="unknown unit"):
        card.explain("nobody", figures)
    with pytest.raises(TypeError):
        card.explain("TX.02")


def test_scoring_errors_name_the_index_label_and_column():
    card = cchc.Scorecard.load(SYNTHETIC / "scorecard.json")
    bad = pd.DataFrame({"unit": ["A", "B"], "totalOnTime": ["1", "x"], "totalReceived": [2, 2]}, index=["r1", "r2"])
    with pytest.raises(ValueError, match=r"DataFrame row 'r2' \(unit 'B'\)\['totalOnTime'\]"):
        card.score(bad)
    floats = pd.DataFrame({"totalOnTime": [1.5]}, index=["only"])
    with pytest.raises(TypeError, match=r"column 'totalOnTime', row 'only'"):
        card.score(floats)


def test_load_reports_side_by_side_absent_is_na(tmp_path):
    commune = json.loads(SEED.read_text(encoding="utf-8"))
    for key in ("direction", "one_stop"):
        commune[key] = {}
    commune["unit"]["issuer"] = "UBND xã X (synthetic)"
    path = tmp_path / "commune.json"
    path.write_text(json.dumps(commune, ensure_ascii=False), encoding="utf-8")
    reports = cchc.load_reports([SEED, path])
    assert len(reports) == 2
    f = reports.figures()
    assert list(f.index) == [cchc.load_report(SEED).issuer, "UBND xã X (synthetic)"]
    one_stop = [c for c in f.columns if c.startswith("one_stop.")]
    assert one_stop, "the district's one-stop figures are columns"
    assert all(f[c].iloc[1] is pd.NA for c in one_stop)  # absent for the commune, never 0
    assert all(f[c].iloc[0] is not pd.NA for c in one_stop[:1])
    missing = reports.missing_sections()
    assert missing[str(SEED)] == []
    assert sorted(missing[str(path)]) == ["direction", "one_stop"]
    checks = reports.check()
    assert set(checks.file) <= {str(SEED), str(path)}
    assert "report.section_missing" in set(checks[checks.file == str(path)].id)
    with pytest.raises(cchc.FileError):
        cchc.load_reports([SEED, tmp_path / "nope.json"])
