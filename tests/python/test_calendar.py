"""calendar + lunar: cchc.vietnam_calendar(), WorkCalendar, to_lunar/from_lunar.

Golden data: /work/shared/domain/CALENDAR.md (official days off 2022-2024, the Tết dates where
Vietnam differs from China, Giỗ Tổ 2009). Invariants by Hypothesis. Vectorised forms are checked
against the scalar forms element by element."""

from __future__ import annotations

import copy
import datetime as dt
import pickle

import numpy as np
import pytest
from conftest import needs
from hypothesis import given, settings, strategies as st

pytestmark = needs("calendar")

import cchc  # noqa: E402

CAL = cchc.vietnam_calendar()

# CALENDAR.md: "Every official day off on a weekday for 2022-2024, as a flat list".
OFFICIAL_WEEKDAYS_OFF = {
    2022: "03/01 31/01 01/02 02/02 03/02 04/02 11/04 02/05 03/05 01/09 02/09",
    2023: "02/01 20/01 23/01 24/01 25/01 26/01 01/05 02/05 03/05 01/09 04/09",
    2024: "01/01 08/02 09/02 12/02 13/02 14/02 18/04 29/04 30/04 01/05 02/09 03/09",
}


def parse_days(year, text):
    return [dt.date(year, int(m), int(d)) for d, m in (x.split("/") for x in text.split())]


@pytest.mark.parametrize("year", sorted(OFFICIAL_WEEKDAYS_OFF))
def test_official_weekdays_off(year):
    expected = parse_days(year, OFFICIAL_WEEKDAYS_OFF[year])
    days = np.arange(f"{year}-01-01", f"{year + 1}-01-01", dtype="datetime64[D]")
    weekday = (days.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday: 0 = Monday
    off = days[(weekday < 5) & ~CAL.is_working_day(days)]
    assert [d.item() for d in off] == expected
    # every one of them is explained by a document
    for d in expected:
        info = CAL.info(d)
        assert not info.working and info.document and info.reason


def test_make_up_saturday_2024_and_swaps():
    assert CAL.is_working_day(dt.date(2024, 5, 4))  # Saturday worked (CV 2450/VPCP-KGVX)
    assert CAL.info(dt.date(2024, 5, 4)).kind == "make_up_working_day"
    assert not CAL.is_working_day(dt.date(2024, 4, 29))
    assert CAL.info(dt.date(2024, 4, 29)).document == "CV 2450/VPCP-KGVX"
    assert CAL.add_working_days(dt.date(2024, 4, 26), 1) == dt.date(2024, 5, 2)
    assert CAL.working_days_between(dt.date(2024, 4, 26), dt.date(2024, 5, 2)) == 1
    assert CAL.info(dt.date(2025, 5, 2)).document == "CV 8726/VPCP-KGVX"
    assert CAL.make_up_working_days(dt.date(2024, 1, 1), dt.date(2024, 12, 31))[0].date == dt.date(2024, 5, 4)


def test_days_off_lists_date_reason_and_source():
    off = CAL.days_off(dt.date(2023, 4, 29), dt.date(2023, 5, 3))
    assert [d.date for d in off] == [dt.date(2023, 4, 29) + dt.timedelta(days=i) for i in range(5)]
    assert all(d.document == "CV 8056/VPCP-KGVX" for d in off)
    assert all(d.reason and d.reason_vi for d in off)


days_in_range = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2150, 12, 31))


@given(days_in_range, st.integers(min_value=1, max_value=400))
def test_between_inverts_add(d, n):
    assert CAL.working_days_between(d, CAL.add_working_days(d, n)) == n
    if CAL.is_working_day(d):  # backwards, (earlier, d] holds n working days only when d is one
        assert CAL.working_days_between(d, CAL.add_working_days(d, -n)) == -n


@given(days_in_range, days_in_range)
def test_between_is_antisymmetric_and_counts_working_days(a, b):
    assert CAL.working_days_between(a, b) == -CAL.working_days_between(b, a)
    if a <= b and (b - a).days <= 60:
        count = sum(CAL.is_working_day(a + dt.timedelta(days=i)) for i in range(1, (b - a).days + 1))
        assert CAL.working_days_between(a, b) == count


@settings(max_examples=30)
@given(st.lists(days_in_range, min_size=1, max_size=50), st.integers(min_value=-30, max_value=30))
def test_vectorised_equals_scalar(days, n):
    arr = np.array(days, dtype="datetime64[D]")
    assert CAL.is_working_day(arr).tolist() == [CAL.is_working_day(d) for d in days]
    assert [d.item() for d in CAL.add_working_days(arr, n)] == [CAL.add_working_days(d, n) for d in days]
    ns = np.arange(len(days)) - len(days) // 2
    assert [d.item() for d in CAL.add_working_days(arr, ns)] == [
        CAL.add_working_days(d, int(k)) for d, k in zip(days, ns)
    ]
    assert CAL.working_days_between(arr[0], arr).tolist() == [CAL.working_days_between(days[0], d) for d in days]
    assert [d.item() for d in CAL.next_working_day(arr)] == [CAL.next_working_day(d) for d in days]
    assert [d.item() for d in CAL.previous_working_day(arr)] == [CAL.previous_working_day(d) for d in days]
    lunar = cchc.to_lunar(arr)
    for i, d in enumerate(days):
        assert (int(lunar.year[i]), int(lunar.month[i]), int(lunar.day[i]), bool(lunar.leap[i])) == cchc.to_lunar(d)


def test_next_and_previous_working_day_around_the_2024_swap():
    # CALENDAR.md 2024: Sat 27/04 - Wed 01/05 off (Mon 29/04 swapped), Sat 04/05 worked instead.
    assert CAL.next_working_day(dt.date(2024, 4, 26)) == dt.date(2024, 5, 2)
    assert CAL.previous_working_day(dt.date(2024, 5, 6)) == dt.date(2024, 5, 4)
    arr = np.array(["2024-04-26", "2024-05-03"], dtype="datetime64[D]")
    assert CAL.next_working_day(arr).tolist() == [dt.date(2024, 5, 2), dt.date(2024, 5, 4)]
    assert CAL.previous_working_day(arr).tolist() == [dt.date(2024, 4, 25), dt.date(2024, 5, 2)]
    with pytest.raises(TypeError):
        CAL.next_working_day(np.array([1, 2], dtype=np.int64))


def test_info_accepts_an_array():
    arr = np.array(["2024-04-29", "2024-05-04", "2024-05-06"], dtype="datetime64[D]")
    infos = CAL.info(arr)
    assert [i.working for i in infos] == [False, True, True]  # swapped day off, make-up Saturday, Monday
    assert infos == [CAL.info(d.item()) for d in arr]


def test_vectorised_input_is_not_copied_and_strided_input_works():
    arr = np.arange("2024-01-01", "2024-03-01", dtype="datetime64[D]")
    assert CAL.is_working_day(arr[::2]).tolist() == CAL.is_working_day(arr)[::2].tolist()
    two_d = arr[:58].reshape(2, 29)
    assert CAL.is_working_day(two_d).shape == (2, 29)


def test_lunar_dates_where_vietnam_differs_from_china():
    # Tết at UTC+7 (CALENDAR.md): 1968 29/1, 1985 21/1, 2007 17/2, 2030 2/2, 2053 18/2.
    for year, month, day in [(1968, 1, 29), (1985, 1, 21), (2007, 2, 17), (2030, 2, 2), (2053, 2, 18)]:
        assert cchc.lunar_new_year(year) == dt.date(year, month, day)
        assert cchc.to_lunar(dt.date(year, month, day)) == (year, 1, 1, False)
        assert cchc.from_lunar(year, 1, 1) == dt.date(year, month, day)
    assert cchc.from_lunar(2009, 3, 10) == dt.date(2009, 4, 4)  # Giỗ Tổ 2009 in Vietnam
    assert cchc.from_lunar(2023, 3, 10) == dt.date(2023, 4, 29)
    assert cchc.leap_month(2023) == 2 and cchc.leap_month(2024) is None


@given(st.dates(min_value=dt.date(1901, 3, 1), max_value=dt.date(2199, 1, 1)))
def test_lunar_round_trip(d):
    year, month, day, leap = cchc.to_lunar(d)
    assert cchc.from_lunar(year, month, day, leap) == d


def test_editing_returns_a_new_calendar_and_pickles():
    culture_day = dt.date(2026, 11, 24)
    mine = CAL.with_day_off(culture_day, "NQ 30/NQ-CP", "Ngày Văn hóa Việt Nam", "Vietnam Culture Day")
    assert CAL.is_working_day(culture_day) and not mine.is_working_day(culture_day)
    assert mine.info(culture_day).reason == "Vietnam Culture Day"
    back = pickle.loads(pickle.dumps(mine))
    assert back == mine and hash(back) == hash(mine) and back != CAL
    assert not back.is_working_day(culture_day)
    assert copy.copy(mine) == mine
    worked = CAL.with_working_day(dt.date(2027, 1, 9), "test")
    assert worked.is_working_day(dt.date(2027, 1, 9))
    assert pickle.loads(pickle.dumps(CAL.info(culture_day))) == CAL.info(culture_day)


def test_loading_a_schedule_file(tmp_path):
    path = tmp_path / "notice-2027.csv"
    path.write_text(
        "date,kind,document,reason_vi,reason_en\n"
        "2027-11-24,day_off,NQ 30/NQ-CP,Ngày Văn hóa Việt Nam,Vietnam Culture Day\n",
        encoding="utf-8",
    )
    loaded = cchc.load_calendar(path)
    assert not loaded.is_working_day(dt.date(2027, 11, 24))
    assert CAL.with_schedule(str(path)) == loaded
    assert loaded.info(dt.date(2027, 11, 24)).document == "NQ 30/NQ-CP"


def test_error_paths(tmp_path):
    with pytest.raises(cchc.RangeError) as info:
        CAL.is_working_day(dt.date(1800, 1, 1))
    assert isinstance(info.value, ValueError)
    with pytest.raises(cchc.RangeError):
        CAL.add_working_days(dt.date(2199, 12, 30), 10)
    with pytest.raises(cchc.ArgumentError):
        cchc.from_lunar(2024, 2, 1, leap=True)  # 2024 has no leap month
    with pytest.raises(cchc.ArgumentError):
        cchc.from_lunar(2023, 13, 1)
    with pytest.raises(cchc.FileError) as err:
        cchc.load_calendar(tmp_path / "missing.json")
    assert isinstance(err.value, OSError)
    bad = tmp_path / "bad.csv"
    bad.write_text("date,kind\n2023-02-29,day_off\n", encoding="utf-8")
    with pytest.raises(cchc.ParseError, match="bad.csv"):
        cchc.load_calendar(bad)
    arr = np.arange("2024-01-01", "2024-01-05", dtype="datetime64[D]")
    # issue 10: datetime64 of any unit is accepted now (it was a TypeError naming [D])
    assert CAL.is_working_day(arr.astype("datetime64[s]")).tolist() == CAL.is_working_day(arr).tolist()
    with pytest.raises(TypeError, match="day: expected a datetime64"):
        CAL.is_working_day(np.arange(3))
    with pytest.raises(ValueError, match="NaT"):
        CAL.is_working_day(np.array(["NaT"], dtype="datetime64[D]"))
    with pytest.raises(ValueError, match="length of 'day'"):
        CAL.add_working_days(arr, np.arange(3))
    with pytest.raises(TypeError, match="n: expected an int"):
        CAL.add_working_days(dt.date(2024, 1, 1), 1.0)
    with pytest.raises(TypeError, match="datetime.datetime"):
        CAL.is_working_day(dt.datetime(2024, 1, 1, 9, 0))
    with pytest.raises(TypeError):
        CAL.is_working_day("2024-01-01")
