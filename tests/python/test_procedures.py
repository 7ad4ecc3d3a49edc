"""The procedure catalogue and the one-stop rules from Python (bind_procedures.cpp)."""

from __future__ import annotations

import datetime

import pytest

import cchc


def test_builtin_catalogue_finds_by_code_with_its_source():
    cat = cchc.Procedures.builtin()
    assert cat.id == "vn.procedures"
    assert "1.001193" in cat and "9.999" not in cat
    birth = cat["1.001193"]
    assert birth.name_vi == "Đăng ký khai sinh"
    assert (birth.processing_amount, birth.processing_unit) == (1, "same_day")
    assert birth.receipt_cutoff == datetime.time(15, 0)
    assert birth.levels == ["commune"]
    assert birth.source["confirmed"] is False and birth.source["document"]
    assert cat.get("9.999") is None
    with pytest.raises(KeyError):
        cat["9.999"]
    assert len(cat) == len(list(cat)) == len(cat.codes)
    assert cat.codes == sorted(cat.codes)
    assert "cchc.procedures" in cchc.Procedures.builtin_text()
    assert "Procedures vn.procedures" in repr(cat)


def test_user_catalogue_merged_over_the_builtin_one(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(
        '{"format": "cchc.procedures", "version": 1, "procedures": ['
        '{"code": "1.001193", "name_vi": "Khai sinh", "processing": {"amount": 2, "unit": "working_days"},'
        ' "receipt_cutoff": "16:30", "source": {"document": "Quyết định của tỉnh", "confirmed": true}}]}',
        encoding="utf-8",
    )
    mine = cchc.Procedures.load(path)
    merged = mine.merged_over(cchc.Procedures.builtin())
    assert merged["1.001193"].processing_amount == 2
    assert merged["1.001193"].receipt_cutoff == datetime.time(16, 30)
    assert "2.000815" in merged
    assert len(merged) == len(cchc.Procedures.builtin())


def test_catalogue_errors_are_located(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"format": "cchc.procedures", "version": 1,\n "procedures": [{"code": "A", "name_vi": 3}]}',
                    encoding="utf-8")
    with pytest.raises(cchc.ParseError) as e:
        cchc.Procedures.load(path)
    assert e.value.path == "$.procedures[0].name_vi"
    assert e.value.line == 2
    assert e.value.file == str(path)
    with pytest.raises(cchc.ParseError):
        cchc.Procedures.parse("{")
    with pytest.raises(OSError):
        cchc.Procedures.load(tmp_path / "missing.json")


def test_one_stop_rules_builtin_and_for_period():
    assert cchc.OneStopRules.builtins() == ["vn.one_stop.2018", "vn.one_stop.2025"]
    r2018 = cchc.OneStopRules.builtin("vn.one_stop.2018")
    assert r2018.effective_to == datetime.date(2025, 6, 30)
    assert r2018.documents[0]["document"] == "Decree 61/2018/NĐ-CP"
    assert r2018.office_hours == ((datetime.time(7, 30), datetime.time(11, 30)),
                                  (datetime.time(13, 30), datetime.time(17, 0)))
    assert r2018.default_receipt_cutoff is None
    assert r2018.day_off_receipt_moves_to_next_working_day
    assert r2018.more_than_one_supplement_request_is_late
    r2025 = cchc.OneStopRules.builtin("vn.one_stop.2025")
    assert r2025.effective_from == datetime.date(2025, 7, 1) and r2025.effective_to is None
    assert all(not s["confirmed"] for s in r2025.sources.values())
    assert "not confirmed to differ" in r2025.sources["office_hours"]["note"]
    # chosen by the period's last day: a (first, last) pair, or an object with .last
    assert cchc.OneStopRules.for_period((datetime.date(2022, 12, 15), datetime.date(2023, 12, 14))).id == "vn.one_stop.2018"
    assert cchc.OneStopRules.for_period((datetime.date(2024, 12, 15), datetime.date(2025, 12, 14))).id == "vn.one_stop.2025"

    class P:
        first = datetime.date(2025, 7, 1)
        last = datetime.date(2025, 7, 31)

    assert cchc.OneStopRules.for_period(P()).id == "vn.one_stop.2025"
    assert cchc.OneStopRules.in_force_on(datetime.date(2025, 6, 30)).id == "vn.one_stop.2018"
    assert r2025.in_force(datetime.date(2026, 1, 1)) and not r2018.in_force(datetime.date(2026, 1, 1))
    assert repr(r2025) == "<OneStopRules vn.one_stop.2025>"


def test_one_stop_rules_errors():
    with pytest.raises(KeyError):
        cchc.OneStopRules.builtin("vn.one_stop.1999")
    with pytest.raises(cchc.RangeError):
        cchc.OneStopRules.in_force_on(datetime.date(2017, 1, 1))
    with pytest.raises(TypeError):
        cchc.OneStopRules.for_period("2023")
    with pytest.raises(cchc.ParseError) as e:
        cchc.OneStopRules.parse('{"format": "cchc.one_stop_rules", "version": 1, "id": 7}', "r.json")
    assert e.value.path == "$.id" and e.value.file == "r.json"
