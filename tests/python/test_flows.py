"""Published flow tables and the on-time conventions from Python: the same numbers as
tests/cpp/flow_table_check_test.cpp and tests/cli/flows_test.sh (expected rates computed here with
fractions.Fraction and decimal, independently of cchc), DataFrames in and out, absent never 0."""

import decimal
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest

import cchc

DATA = Path(__file__).resolve().parents[1] / "cli" / "data" / "flows"


def pct(num, den, scale=2, mode=decimal.ROUND_HALF_UP):
    f = Fraction(num * 100, den)
    return (Decimal(f.numerator) / Decimal(f.denominator)).quantize(Decimal(1).scaleb(-scale), rounding=mode)


def seed_district():
    return cchc.DossierFlow(received=14083, resolved_in_time=13676, resolved_late=343, pending_in_time=64,
                            pending_overdue=0)


def test_on_time_rate_is_exact_under_every_convention_and_none_when_absent():
    d = seed_district()
    assert d.on_time_rate("resolved_basis") == pct(13676, 14019) == Decimal("97.55")
    assert d.on_time_rate("received_basis") == pct(13740, 14083)
    assert d.on_time_rate("late_complement") == pct(14083 - 343, 14083)
    assert d.on_time_rate("portal_timeliness") == pct(13740, 13740 + 343)
    assert d.on_time_rate("resolved_basis", 3, "toward_zero") == pct(13676, 14019, 3, decimal.ROUND_DOWN)
    assert d.on_time_rate("resolved_basis", 2, decimal.ROUND_DOWN) == Decimal("97.55")
    assert d.on_time_rate("due_basis") is None  # fell_due not published: absent, not 0
    assert cchc.DossierFlow.zeros().on_time_rate("resolved_basis") is None  # 0/0: undefined
    r = d.rate("resolved_basis")
    assert (int(r.numerator), int(r.denominator)) == (13676, 14019)
    assert d.rate("due_basis") is None
    with pytest.raises(cchc.UnknownNameError):
        d.on_time_rate("766")
    with pytest.raises(TypeError):
        d.on_time_rate(3)


def test_reproduces_lists_every_convention_and_rounding():
    d = seed_district()
    expected = [("resolved_basis", m) for m in
                ("half_away_from_zero", "half_even", "half_toward_zero", "toward_zero", "floor")]
    assert d.reproduces("97,55%") == expected
    assert d.reproduces("97.55") == expected
    assert d.reproduces(Decimal("97.55")) == expected
    assert d.reproduces("97,4") == []
    with pytest.raises(cchc.ParseError):
        d.reproduces("97,5x")
    # returned/withdrawn counted apart: the portal's basis differs from received_basis
    f = cchc.DossierFlow(received=100, resolved_in_time=70, resolved_late=10, pending_in_time=8,
                         pending_overdue=2, returned_withdrawn=10)
    assert f.on_time_rate("received_basis") == Decimal("78.00")
    assert f.on_time_rate("portal_timeliness") == pct(78, 90)
    assert {c for c, _ in f.reproduces("86,67%")} == {"portal_timeliness"}


def test_conventions_carry_their_sources():
    assert cchc.ON_TIME_CONVENTIONS == ("resolved_basis", "received_basis", "due_basis", "late_complement",
                                        "portal_timeliness")
    for name in cchc.ON_TIME_CONVENTIONS:
        s = cchc.convention_source(name)
        assert s["convention"] == name and s["formula"] and s["document"] and s["seen_in"]
    assert cchc.convention_source("resolved_basis")["inferred"] is True
    assert "Gia Lai" in cchc.convention_source("late_complement")["document"]
    assert "totalOnTime" in cchc.convention_source("portal_timeliness")["seen_in"]


def seed_frame():
    return pd.DataFrame(
        {
            "unit": ["UBND huyện", "UBND cấp xã"],
            "received": ["14.083", 80878],
            "resolved_in_time": [13676, 80629],
            "resolved_late": [343, 249],
            "pending_in_time": [64, 0],
            "pending_overdue": [0, 0],
            "on_time_rate": ["97,55 %", "99,69%"],
        }
    )


def test_check_flows_on_the_seed_frame_equals_the_file():
    res = cchc.check_flows(seed_frame())
    assert res.ok
    assert res.findings.empty
    fig = res.figures
    assert list(fig["row"]) == ["UBND huyện", "UBND cấp xã"]
    assert list(fig["printed"]) == [Decimal("97.55"), Decimal("99.69")]
    assert fig["reproduced"].all()
    assert {m[0] for m in fig["matches"][0]} == {"resolved_basis"}
    assert len(fig["matches"][1]) == 20  # four conventions × five modes (the C++ test)
    assert fig["modes"][0] == ["half_away_from_zero", "half_even", "half_toward_zero", "toward_zero", "floor"]
    assert res.flows.loc["UBND huyện", "received"] == 14083
    assert "carried_over" not in res.flows.columns  # absent everywhere, not a column of zeros
    from_file = cchc.check_flows(DATA / "seed.csv")
    assert from_file.figures[["row", "printed", "matches"]].equals(fig[["row", "printed", "matches"]])


def test_check_flows_index_as_label_missing_cells_and_findings():
    frame = pd.DataFrame(
        {
            "received": [100, None],
            "resolved_in_time": [80, 19],
            "resolved_late": [10, 31],
            "pending_in_time": [5, pd.NA],
            "pending_overdue": [0, None],
            "on_time_rate": [None, "30%"],
        },
        index=pd.Index(["Gap", "Seed 19/50"], name="unit"),
    )
    res = cchc.check_flows(frame)
    assert not res.ok
    assert list(res.findings["id"]) == ["flow.balance_identity", "flow_table.not_reproduced"]
    assert list(res.findings["path"]) == ["row Gap", "row Seed 19/50"]
    assert pd.isna(res.flows.loc["Seed 19/50", "received"])  # absent, never 0
    assert res.figures["bases"][0]["resolved_basis"] == cchc.Rate(19, 50)


def test_check_flows_mixed_roundings():
    frame = pd.DataFrame({"row": ["Xã A", "Huyện B"], "resolved_in_time": [118, 2], "resolved_late": [1, 1],
                          "on_time_rate": ["99,15", "66,67"]})
    res = cchc.check_flows(frame)
    assert list(res.findings["id"]) == ["flow_table.mixed_rounding"]
    assert res.finding_list[0].numbers["row Xã A"] == "toward_zero, floor"
    assert res.ok  # a warning


def test_check_flows_errors_name_the_column_and_the_index_label():
    bad = seed_frame().set_index("unit")
    bad.loc["UBND cấp xã", "received"] = "abc"
    with pytest.raises(cchc.ParseError, match=r"index 'UBND cấp xã': received: expected a count"):
        cchc.check_flows(bad)
    with pytest.raises(cchc.UnknownNameError):
        cchc.check_flows(seed_frame().rename(columns={"received": "recieved"}))
    with pytest.raises(TypeError, match="binary floating-point"):
        cchc.check_flows(seed_frame().assign(on_time_rate=[97.55, 99.69]))
    with pytest.raises(ValueError):
        cchc.check_flows(seed_frame().assign(row=["a", "b"]))
    with pytest.raises(cchc.ParseError, match=r"bad.csv:3:12: received: expected a count"):
        cchc.check_flows(DATA / "bad.csv")
    with pytest.raises(TypeError):
        cchc.check_flows(42)
