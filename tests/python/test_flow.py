"""cchc.DossierFlow: the Biểu 06 row as a Python value type (golden figures shared with
tests/cpp/flow_test.cpp: the seed report, Trần Đề 2023)."""

from __future__ import annotations

import copy
import pickle
from decimal import Decimal

import pytest
from conftest import needs

pytestmark = needs("flow")

import cchc  # noqa: E402


def seed_district():
    # Seed report table "Kết quả giải quyết hồ sơ ... từ 15/12/2022 đến 13/12/2023", district level.
    return cchc.DossierFlow(
        received=14083, resolved_in_time=13676, resolved_late=343, pending_in_time=64, pending_overdue=0
    )


def seed_commune():
    return cchc.DossierFlow(
        received=80878, resolved_in_time=80629, resolved_late=249, pending_in_time=0, pending_overdue=0
    )


def test_seed_tables_satisfy_the_identities():
    assert seed_district().check() == []
    assert seed_commune().check() == []
    assert seed_district().resolved_total() == 13676 + 343
    assert seed_district().pending_total() == 64


def test_absent_is_none_not_zero():
    f = seed_district()
    assert f.resolved is None and f.received_online is None
    assert f.to_dict(present_only=True) == {
        "received": 14083, "resolved_in_time": 13676, "resolved_late": 343, "pending_in_time": 64,
        "pending_overdue": 0,
    }
    assert list(f.to_dict()) == list(cchc.DossierFlow.COLUMNS)


def test_a_balance_that_does_not_add_up_is_a_finding():
    f = seed_district().replace(received=14084)
    (finding,) = f.check("$.one_stop.flows[0]")
    assert finding.id == "flow.balance_identity" and finding.severity == "error"
    assert finding.path == "$.one_stop.flows[0]" and finding.field == "received"
    assert finding.numbers["received"] == Decimal(14084)
    assert finding.numbers["sum"] == Decimal(14083)
    assert finding.numbers["difference"] == Decimal(1)
    assert "14084" in finding.message and "chênh lệch 1" in finding.message_vi


def test_flows_add_exactly_and_sum_works():
    s = seed_district() + seed_commune()
    assert s.received == 14083 + 80878
    assert s.resolved_late == 592  # the report's own total: "592 hồ sơ trễ hạn"
    assert s.resolved is None
    assert sum([seed_district(), seed_commune()]) == s
    assert seed_district() + cchc.DossierFlow.zeros() == seed_district()  # absent in either: absent
    full = cchc.DossierFlow(**{c: 0 for c in cchc.DossierFlow.COLUMNS})
    assert full == cchc.DossierFlow.zeros()


def test_overflow_raises_instead_of_wrapping():
    big = cchc.DossierFlow(received=2**63 - 1)
    with pytest.raises(cchc.ArithmeticOverflowError) as info:
        big + big
    assert isinstance(info.value, ValueError)


def test_value_type_protocol():
    f = seed_district()
    g = pickle.loads(pickle.dumps(f))
    assert g == f and hash(g) == hash(f)
    assert copy.copy(f) == f and copy.deepcopy(f) == f
    assert eval(repr(f), {"DossierFlow": cchc.DossierFlow}) == f
    assert f != seed_commune()
    assert len({f, g, seed_commune()}) == 2


def test_bad_arguments():
    with pytest.raises(TypeError, match="unknown column 'recieved'"):
        cchc.DossierFlow(recieved=1)
    with pytest.raises(TypeError, match="received: a count of dossiers is an int"):
        cchc.DossierFlow(received=1.0)
    with pytest.raises(KeyError):
        seed_district().replace(nope=1)
    with pytest.raises(ValueError, match="state version"):
        pickle.loads(pickle.dumps(seed_district()).replace(b"K\x01", b"K\x09", 1))
