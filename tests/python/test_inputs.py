"""What pandas and NumPy hand an analyst is accepted (issue 10, "Why" for Python).

Each test here failed on the code before the conversion layer (bindings/src/py_convert.*): the
calendar refused datetime64[ns] and Series, Rate refused numpy.int64, working_days_between stopped
at NaT, there was no cchc.due and no cchc.Period, and errors counted rows by position."""

from __future__ import annotations

import datetime as dt
import pickle

import numpy as np
import pandas as pd
import pytest
from conftest import needs

pytestmark = needs("calendar")

import cchc  # noqa: E402

CAL = cchc.vietnam_calendar()
SAT = dt.date(2023, 12, 16)  # Saturday; Mon 18/12, Tue 19/12, Wed 20/12 are working days


# ---- dates in every form ------------------------------------------------------------------------


@pytest.mark.parametrize("unit", ["ns", "us", "s", "m", "h", "D"])
def test_datetime64_of_any_unit(unit):
    days = np.array(["2023-01-19", "2024-04-26"], dtype="datetime64[D]").astype(f"datetime64[{unit}]")
    out = CAL.add_working_days(days, 1)
    assert out.dtype == np.dtype("datetime64[D]")
    assert out.tolist() == [dt.date(2023, 1, 27), dt.date(2024, 5, 2)]
    assert CAL.is_working_day(days).tolist() == [True, True]
    assert CAL.add_working_days(days[0], 1) == dt.date(2023, 1, 27)  # a numpy.datetime64 scalar


def test_pandas_timestamp_and_midnight_datetime_are_days():
    assert CAL.add_working_days(pd.Timestamp("2023-01-19"), 3) == dt.date(2023, 1, 31)
    assert CAL.is_working_day(dt.datetime(2024, 4, 29)) is False
    assert CAL.info(pd.Timestamp("2024-04-29")).document == "CV 2450/VPCP-KGVX"
    # tz-aware: midnight in Vietnam is a day; midnight UTC is 07:00 there, not a whole day
    assert CAL.next_working_day(pd.Timestamp("2024-04-26", tz="Asia/Bangkok")) == dt.date(2024, 5, 2)


def test_a_time_of_day_is_still_refused_for_a_day():
    with pytest.raises(TypeError, match="time of day"):
        CAL.is_working_day(pd.Timestamp("2023-01-19 10:00"))
    s = pd.Series(pd.to_datetime(["2023-01-19", "2023-01-19 10:30"]), index=["a", "b"])
    with pytest.raises(ValueError, match=r"day at index 'b': expected a whole day, got 2023-01-19T10:30"):
        CAL.is_working_day(s)


def test_series_in_series_out_with_the_same_index():
    s = pd.Series(pd.to_datetime(["2023-01-19", "2024-04-26", None]), index=[10, 20, 30], name="received")
    out = CAL.add_working_days(s, 1)
    assert isinstance(out, pd.Series)
    assert out.index.tolist() == [10, 20, 30] and out.name == "received"
    assert out.dtype == np.dtype("datetime64[ns]")
    assert out.iloc[:2].tolist() == [pd.Timestamp("2023-01-27"), pd.Timestamp("2024-05-02")]
    assert pd.isna(out.iloc[2])  # NaT passes through
    nxt = CAL.next_working_day(s)
    assert nxt.iloc[1] == pd.Timestamp("2024-05-02") and pd.isna(nxt.iloc[2])
    working = CAL.is_working_day(s)
    assert working.dtype == "boolean" and working.iloc[0] and pd.isna(working.iloc[2])


def test_datetime_index_in_index_out():
    idx = pd.DatetimeIndex(["2024-04-26", "2024-05-03"])
    out = CAL.next_working_day(idx)
    assert isinstance(out, pd.DatetimeIndex)
    assert out.tolist() == [pd.Timestamp("2024-05-02"), pd.Timestamp("2024-05-04")]


def test_a_series_of_day_counts_is_aligned():
    days = pd.Series(pd.to_datetime(["2023-01-19", "2023-01-19", "2023-01-19"]), index=list("xyz"))
    n = pd.Series([1, None, 3], index=list("xyz"), dtype="Int64")
    out = CAL.add_working_days(days, n)
    assert out.index.tolist() == list("xyz")
    assert out["x"] == pd.Timestamp("2023-01-27") and pd.isna(out["y"]) and out["z"] == pd.Timestamp("2023-01-31")
    # a scalar day with a Series of counts gives the counts' index
    out = CAL.add_working_days(dt.date(2023, 1, 19), pd.Series([1, 3], index=["p", "q"]))
    assert out.index.tolist() == ["p", "q"] and out["q"] == pd.Timestamp("2023-01-31")
    with pytest.raises(ValueError, match="align"):
        CAL.add_working_days(days, pd.Series([1, 2, 3], index=list("abc")))


def test_counts_from_pandas_float_columns_and_numpy_scalars():
    n = pd.Series([1, np.nan, 3])  # pandas' float64 for an integer column with a gap
    assert n.dtype == np.float64
    out = CAL.add_working_days(dt.date(2023, 1, 19), n)
    assert out.iloc[0] == pd.Timestamp("2023-01-27") and pd.isna(out.iloc[1])
    with pytest.raises(ValueError, match=r"n at index 1: expected a whole number of n, found 1.5"):
        CAL.add_working_days(dt.date(2023, 1, 19), pd.Series([1, 1.5]))
    with pytest.raises(TypeError, match="not a float"):
        CAL.add_working_days(dt.date(2023, 1, 19), 1.0)
    assert CAL.add_working_days(dt.date(2023, 1, 19), np.int64(3)) == dt.date(2023, 1, 31)
    assert CAL.add_working_days(dt.date(2023, 1, 19), np.uint8(3)) == dt.date(2023, 1, 31)
    with pytest.raises(TypeError, match="bool"):
        CAL.add_working_days(dt.date(2023, 1, 19), True)


def test_working_days_between_gives_na_for_nat_rows():
    a = pd.Series(pd.to_datetime(["2024-04-26", None, "2024-04-26"]))
    b = pd.Series(pd.to_datetime(["2024-05-02", "2024-05-02", None]))
    out = CAL.working_days_between(a, b)
    assert out.dtype == "Int64"
    assert out.iloc[0] == 1 and pd.isna(out.iloc[1]) and pd.isna(out.iloc[2])
    assert CAL.working_days_between(pd.NaT, dt.date(2024, 5, 2)) is pd.NA
    # an int64 ndarray cannot hold NA: the position is named
    arr = np.array(["2024-04-26", "NaT"], dtype="datetime64[ns]")
    with pytest.raises(ValueError, match="a at position 1: .*pass a pandas Series"):
        CAL.working_days_between(arr, dt.date(2024, 5, 2))


def test_lists_and_object_columns_of_dates():
    assert CAL.is_working_day([dt.date(2024, 4, 29), dt.date(2024, 5, 4)]).tolist() == [False, True]
    s = pd.Series([dt.date(2024, 4, 26), None], index=["a", "b"])  # object dtype
    out = CAL.next_working_day(s)
    assert out["a"] == pd.Timestamp("2024-05-02") and pd.isna(out["b"])


# ---- errors: the column and the index label once, dates as dates --------------------------------


def test_errors_name_the_column_and_the_index_label_once():
    s = pd.Series(pd.to_datetime(["2023-01-19", "2250-01-01"]), index=["HS-1", "HS-2"])
    with pytest.raises(cchc.RangeError) as info:
        CAL.add_working_days(s, 1)
    message = str(info.value)
    assert message.startswith("day at index 'HS-2': ")
    assert "2250-01-01" in message  # a date as a date
    assert message.count("HS-2") == 1 and "row" not in message and "position" not in message
    assert "day milliseconds" not in message and "(day " not in message  # no internal day numbers
    assert info.value.index == "HS-2" and info.value.field == "day"


def test_working_days_between_names_the_argument_out_of_range():
    a = pd.Series(pd.to_datetime(["2023-01-19"]), index=[7])
    b = pd.Series(pd.to_datetime(["2250-01-01"]), index=[7])
    with pytest.raises(cchc.RangeError, match=r"^b at index 7: date 2250-01-01 is outside"):
        CAL.working_days_between(a, b)


def test_lengths_must_match():
    with pytest.raises(ValueError, match="n: expected 2 values"):
        CAL.add_working_days(np.array(["2023-01-19", "2023-01-20"], "datetime64[D]"), np.array([1, 2, 3]))


# ---- cchc.due ------------------------------------------------------------------------------------


def test_due_counts_from_the_receipt_day_unlike_add_working_days():
    assert CAL.add_working_days(SAT, 2) == dt.date(2023, 12, 19)  # the trap
    assert cchc.due(SAT, 2) == dt.date(2023, 12, 20)  # received Saturday: receipt Monday, due Wednesday
    assert "cchc.due" in cchc.WorkCalendar.add_working_days.__doc__
    assert "strictly after" in cchc.WorkCalendar.next_working_day.__doc__


def test_due_with_a_cutoff_hours_and_promised_dates():
    assert cchc.due(dt.datetime(2023, 12, 18, 15, 30), 2) == dt.date(2023, 12, 20)
    assert cchc.due(dt.datetime(2023, 12, 18, 15, 30), 2, cutoff="15:00") == dt.date(2023, 12, 21)
    assert cchc.due(dt.datetime(2023, 12, 18, 15, 30), 2, cutoff=dt.time(16, 0)) == dt.date(2023, 12, 20)
    # hours: a datetime back; 8 office hours from Monday 08:00 → Tuesday 08:30 (07:30-11:30, 13:30-17:00)
    assert cchc.due(dt.datetime(2023, 12, 18, 8, 0), 8, unit="working_hours") == dt.datetime(2023, 12, 19, 8, 30)
    # the promised return date wins over the processing time; it may come without one
    assert cchc.due(SAT, None, promised=dt.date(2023, 12, 27)) == dt.date(2023, 12, 27)
    # a supplement pause Mon 18 → Wed 20 moves it by the working days in (18, 20]
    assert cchc.due(dt.date(2023, 12, 15), None, promised=dt.date(2023, 12, 20),
                    paused_from=dt.datetime(2023, 12, 18, 9), paused_to=dt.datetime(2023, 12, 20, 9)) == dt.date(2023, 12, 22)
    with pytest.raises(cchc.ParseError, match="HH:MM"):
        cchc.due(SAT, 2, cutoff="3pm")
    with pytest.raises(cchc.UnknownNameError):
        cchc.due(SAT, 2, unit="fortnights")


def test_due_is_vectorised_over_series_with_nat_and_tz_aware_times():
    received = pd.Series(pd.to_datetime(["2023-12-16 10:00", None, "2023-12-18 15:30"]), index=["a", "b", "c"])
    out = cchc.due(received, pd.Series([2, 2, 2], index=["a", "b", "c"]), cutoff="15:00")
    assert out.index.tolist() == ["a", "b", "c"]
    assert out["a"] == pd.Timestamp("2023-12-20") and pd.isna(out["b"]) and out["c"] == pd.Timestamp("2023-12-21")
    # 08:30 UTC is 15:30 in Vietnam: after the cut-off
    utc = pd.Series(pd.to_datetime(["2023-12-18 08:30"])).dt.tz_localize("UTC")
    assert cchc.due(utc, 2, cutoff="15:00").iloc[0] == pd.Timestamp("2023-12-21")
    assert cchc.due(utc, 2).iloc[0] == pd.Timestamp("2023-12-20")
    arr = np.array(["2023-12-16", "2023-12-18"], dtype="datetime64[s]")
    assert cchc.due(arr, np.array([2, 1])).tolist() == [dt.date(2023, 12, 20), dt.date(2023, 12, 19)]


def test_due_errors_name_the_row_by_its_label():
    received = pd.Series(pd.to_datetime(["2023-12-18", "2023-12-18"]), index=["HS-1", "HS-7"])
    with pytest.raises(cchc.ArgumentError, match=r"^amount at index 'HS-7': expected a processing time >= 0, found -1"):
        cchc.due(received, pd.Series([1, -1], index=["HS-1", "HS-7"]))
    with pytest.raises(cchc.ArgumentError, match=r"^amount at index 'HS-7': the amount is missing and there is no promised date"):
        cchc.due(received, pd.Series([1, None], index=["HS-1", "HS-7"], dtype="Int64"))


# ---- cchc.Period ---------------------------------------------------------------------------------


def test_period_constructors_and_parse():
    q1 = cchc.Period.quarterly(2025, 1)
    assert (q1.first, q1.last, q1.days, q1.kind) == (dt.date(2024, 12, 15), dt.date(2025, 3, 14), 90, "decree09_quarter")
    assert q1.name == "Báo cáo quý I/2025"
    assert cchc.Period.annual(2023).first == dt.date(2022, 12, 15)
    assert cchc.Period.six_months(2023).last == dt.date(2023, 6, 14)
    assert cchc.Period.nine_months(2023).last == dt.date(2023, 9, 14)
    assert cchc.Period.monthly(2023, 1).first == dt.date(2022, 12, 15)
    assert cchc.Period.calendar_year(2023).last == dt.date(2023, 12, 31)
    assert cchc.Period.calendar_quarter(2024, 1).last == dt.date(2024, 3, 31)
    assert cchc.Period.calendar_month(2024, 2).last == dt.date(2024, 2, 29)
    seed = cchc.Period(dt.date(2022, 12, 15), dt.date(2023, 12, 13), name="Báo cáo năm 2023")
    assert seed.kind == "custom" and seed.overlaps(cchc.Period.annual(2023))
    assert cchc.Period.parse("quarter:2025-Q1") == q1
    assert cchc.Period.parse("15/12/2022..2023-12-13").last == dt.date(2023, 12, 13)
    with pytest.raises(cchc.ParseError, match="ambiguous"):
        cchc.Period.parse("2023")
    with pytest.raises(cchc.ArgumentError):
        cchc.Period.quarterly(2025, 5)
    with pytest.raises(cchc.ArgumentError):
        cchc.Period(dt.date(2023, 2, 1), dt.date(2023, 1, 1))


def test_period_is_a_value():
    for p in [cchc.Period.quarterly(2025, 1), cchc.Period.annual(2023).renamed("Báo cáo CCHC năm 2023"),
              cchc.Period.calendar_month(2024, 2), cchc.Period(dt.date(2022, 12, 15), dt.date(2023, 12, 13), name="x")]:
        assert eval(repr(p), {"Period": cchc.Period, "datetime": dt}) == p
        assert pickle.loads(pickle.dumps(p)) == p and hash(pickle.loads(pickle.dumps(p))) == hash(p)
    assert repr(cchc.Period.quarterly(2025, 1)) == "Period.quarterly(2025, 1)"
    assert cchc.Period.annual(2023) != cchc.Period.calendar_year(2023)
    assert cchc.Period.quarterly(2025, 1).report_due() == dt.date(2025, 3, 18)  # Fri 14/3 + 2 working days
    s = pd.Series(pd.to_datetime(["2024-12-14", "2024-12-15", None]))
    inside = cchc.Period.quarterly(2025, 1).contains(s)
    assert inside.iloc[0] == False and inside.iloc[1] == True and pd.isna(inside.iloc[2])  # noqa: E712


# ---- Rate takes NumPy and nullable integers ------------------------------------------------------


def test_rate_accepts_numpy_integers_and_nullable_ints():
    df = pd.DataFrame({"on_time": [13676], "received": [14019]})
    row = df.iloc[0]
    assert cchc.Rate(row.on_time, row.received).percent(2) == cchc.Rate(13676, 14019).percent(2)
    assert cchc.Rate(np.int64(19), np.int32(50)).percent() == cchc.parse_number("38.00")
    nullable = pd.array([118, None], dtype="Int64")
    assert cchc.Rate(nullable[0], 119).matches("99,15%") == ["toward_zero", "floor"]
    with pytest.raises(ValueError, match="missing value is not zero"):
        cchc.Rate(nullable[1], 119)
    with pytest.raises(TypeError, match="float"):
        cchc.Rate(np.float64(19), 50)
