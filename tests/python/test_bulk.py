"""classify_dossiers / dossier_flow: the bulk core on NumPy columns.

Oracles: (1) a plain-Python implementation of the rule written here on top of the scalar calendar
methods; (2) the flow table the seed report publishes (Trần Đề 2023), which the generated example log
(<build>/examples/tran-de-2023/dossiers.csv) reproduces."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import numpy as np
import pytest
from conftest import needs

pytestmark = needs("bulk")

import cchc  # noqa: E402

CAL = cchc.vietnam_calendar()
CUTOFF = dt.date(2023, 12, 13)


def python_outcome(received, days, resolved, cutoff, cal=CAL):
    receipt = received if cal.is_working_day(received) else cal.add_working_days(received, 1)
    due = cal.add_working_days(receipt, days)
    if resolved is not None and resolved <= cutoff:
        return 0 if resolved < due else 1 if resolved == due else 2
    return 3 if cutoff <= due else 4


def random_log(n, seed=7):
    rng = np.random.default_rng(seed)
    start = np.datetime64("2022-12-15")
    received = start + rng.integers(0, 364, n).astype("timedelta64[D]")
    days = rng.integers(0, 25, n).astype(np.int16)
    took = rng.integers(0, 40, n).astype("timedelta64[D]")
    resolved = received + took
    resolved[rng.random(n) < 0.1] = np.datetime64("NaT")
    return received, days, resolved


def test_codes_match_a_python_implementation_of_the_rule():
    received, days, resolved = random_log(3000)
    codes = cchc.classify_dossiers(received, days, resolved, CUTOFF)
    assert codes.dtype == np.uint8 and codes.shape == received.shape
    expected = [
        python_outcome(r.item(), int(d), None if np.isnat(s) else s.item(), CUTOFF)
        for r, d, s in zip(received, days, resolved)
    ]
    assert codes.tolist() == expected
    assert set(np.unique(codes)) <= set(cchc.OUTCOMES)
    assert cchc.OUTCOMES[0] == "early" and cchc.OUTCOMES[4] == "pending_overdue"


def test_threads_dtypes_and_calendars_do_not_change_the_answer():
    received, days, resolved = random_log(200_000, seed=3)
    one = cchc.classify_dossiers(received, days, resolved, CUTOFF, threads=1)
    assert np.array_equal(one, cchc.classify_dossiers(received, days, resolved, CUTOFF, threads=2))
    assert np.array_equal(one, cchc.classify_dossiers(received, days.astype(np.int32), resolved, CUTOFF))
    assert np.array_equal(one, cchc.classify_dossiers(received, days.astype(np.int64), resolved, CUTOFF))
    # int32 day numbers (the core's own form) are read in place
    as_numbers = received.astype(np.int64).astype(np.int32)
    res_numbers = np.where(np.isnat(resolved), np.iinfo(np.int32).min, resolved.astype(np.int64)).astype(np.int32)
    assert np.array_equal(one, cchc.classify_dossiers(as_numbers, days, res_numbers, CUTOFF))
    assert np.array_equal(one, cchc.classify_dossiers(received, days, resolved, CUTOFF, calendar=CAL))
    # a strided (non-contiguous) view gives the same codes as its copy
    assert np.array_equal(
        cchc.classify_dossiers(received[::3], days[::3], resolved[::3], CUTOFF), one[::3]
    )


def test_dossier_flow_totals_equal_the_codes():
    received, days, resolved = random_log(50_000, seed=5)
    units = np.array(["b", "a", "c"])[np.arange(50_000) % 3]
    codes = cchc.classify_dossiers(received, days, resolved, CUTOFF)
    table = cchc.dossier_flow(received, days, resolved, CUTOFF, unit=units)
    assert list(table.index) == ["a", "b", "c"]
    for label in "abc":
        counts = np.bincount(codes[units == label], minlength=5)
        row = table.loc[label]
        assert row["resolved_early"] == counts[0] and row["resolved_on_time"] == counts[1]
        assert row["resolved_late"] == counts[2]
        assert row["pending_in_time"] == counts[3] and row["pending_overdue"] == counts[4]
        assert row["received"] == counts.sum()
    assert cchc.dossier_flow(received, days, resolved, CUTOFF).loc["all", "received"] == 50_000


def example_log():
    build = os.environ.get("CCHC_BUILD_DIR")
    if not build:
        pytest.skip("CCHC_BUILD_DIR not set (run through CTest)")
    path = Path(build) / "examples" / "tran-de-2023" / "dossiers.csv"
    assert path.exists(), f"{path} missing: build the cchc_tran_de_2023_dossiers target"
    import pandas as pd

    return pd.read_csv(path)


def test_the_example_log_reproduces_the_published_table():
    import pandas as pd

    log = example_log()
    received = pd.to_datetime(log["received_at"]).to_numpy().astype("datetime64[D]")
    resolved = pd.to_datetime(log["resolved_at"]).to_numpy().astype("datetime64[D]")
    table = cchc.dossier_flow(
        received, log["processing_time"], resolved, CUTOFF, unit=log["level"], online=log["channel"] == "online"
    )
    # Seed report II.2.2 (15/12/2022 - 13/12/2023): district 14.083 / 13.676 / 343 / 64 / 0,
    # communes 80.878 / 80.629 / 249 / 0 / 0; 999 and 747 online dossiers.
    published = {
        "district": (14083, 13676, 343, 64, 0, 999),
        "commune": (80878, 80629, 249, 0, 0, 747),
    }
    for level, (rec, in_time, late, pend_in, pend_over, online) in published.items():
        row = table.loc[level]
        assert (row.received, row.resolved_in_time, row.resolved_late) == (rec, in_time, late)
        assert (row.pending_in_time, row.pending_overdue, row.received_online) == (pend_in, pend_over, online)
    flow = cchc.DossierFlow(**{k: int(v) for k, v in table.loc["district"].items()})
    assert flow.check() == []


def test_error_paths():
    received, days, resolved = random_log(10)
    with pytest.raises(TypeError, match="received: expected datetime64"):
        cchc.classify_dossiers(received.astype(np.float64), days, resolved, CUTOFF)
    with pytest.raises(TypeError, match="received: expected a NumPy array"):
        cchc.classify_dossiers(list(received), days, resolved, CUTOFF)
    with pytest.raises(TypeError, match="resolved: expected dates"):
        cchc.classify_dossiers(received, days, resolved.astype("datetime64[s]") + np.timedelta64(5, "s"), CUTOFF)
    with pytest.raises(ValueError, match="resolved: expected 10 rows"):
        cchc.classify_dossiers(received, days, resolved[:9], CUTOFF)
    with pytest.raises(ValueError, match="processing_days: expected 10 rows"):
        cchc.classify_dossiers(received, days[:5], resolved, CUTOFF)
    with pytest.raises(TypeError, match="processing_days"):
        cchc.classify_dossiers(received, days.astype(np.float64), resolved, CUTOFF)
    bad = received.copy()
    bad[4] = np.datetime64("NaT")
    with pytest.raises(ValueError, match="received: row 4 is NaT"):
        cchc.classify_dossiers(bad, days, resolved, CUTOFF)
    early = resolved.copy()
    early[6] = received[6] - np.timedelta64(1, "D")
    with pytest.raises(cchc.ArgumentError, match="row 6"):
        cchc.classify_dossiers(received, days, early, CUTOFF)
    negative = days.copy()
    negative[2] = -1
    with pytest.raises(cchc.ArgumentError, match="row 2"):
        cchc.classify_dossiers(received, negative, resolved, CUTOFF)
    with pytest.raises(cchc.ArgumentError, match="cut-off"):
        cchc.classify_dossiers(received, days, resolved, dt.date(2022, 12, 1))
    with pytest.raises(TypeError, match="calendar"):
        cchc.classify_dossiers(received, days, resolved, CUTOFF, calendar="vn")
    with pytest.raises(TypeError, match="cutoff"):
        cchc.classify_dossiers(received, days, resolved, "2023-12-13")
    with pytest.raises(ValueError, match="unit: expected 10 rows"):
        cchc.dossier_flow(received, days, resolved, CUTOFF, unit=["a"] * 9)
    with pytest.raises(ValueError, match="online: row 0"):
        cchc.dossier_flow(received, days, resolved, CUTOFF, online=np.full(10, 2))


def test_series_are_accepted_and_errors_say_the_row_once_with_dates_as_dates():
    # Regressions (issue 10): classify_dossiers refused a pandas Series; messages said
    # "row 1: …: row 1: …" and showed internal day numbers ("day 19418").
    import pandas as pd

    received, days, resolved = random_log(50)
    codes = cchc.classify_dossiers(pd.Series(received), pd.Series(days), pd.Series(resolved), CUTOFF)
    assert (codes == cchc.classify_dossiers(received, days, resolved, CUTOFF)).all()
    early = resolved.copy()
    early[1] = received[1] - np.timedelta64(1, "D")
    with pytest.raises(cchc.ArgumentError) as info:
        cchc.classify_dossiers(received, days, early, CUTOFF)
    message = str(info.value)
    assert message.count("row 1") == 1
    assert "(day " not in message
    assert str(received[1].astype("datetime64[D]")) in message


def test_vectorised_calendar_calls_without_nat_equal_row_by_row_and_nat_passes_through():
    # The no-missing fast path (checked once) and the general path give the same values; a NaT or a
    # missing count anywhere takes the general path, where that row is NA and the others unchanged.
    import pandas as pd

    cal = cchc.vietnam_calendar()
    rng = np.random.default_rng(7)
    days = (np.datetime64("2023-12-20") + rng.integers(0, 400, 200)).astype("datetime64[D]")
    n = rng.integers(-5, 30, 200)
    scalar_days = [dt.date.fromisoformat(str(d)) for d in days]
    added = cal.add_working_days(days, n)
    assert [dt.date.fromisoformat(str(x)) for x in added] == [cal.add_working_days(d, int(k))
                                                             for d, k in zip(scalar_days, n)]
    working = cal.is_working_day(days)
    assert working.tolist() == [cal.is_working_day(d) for d in scalar_days]
    between = cal.working_days_between(days, added)
    assert between.tolist() == [cal.working_days_between(a, b) for a, b in zip(scalar_days, added.tolist())]
    assert cal.add_working_days(days[0], n).tolist() == [cal.add_working_days(scalar_days[0], int(k)) for k in n]
    # NaT in a Series, and a missing count, pass through as NA with the other rows unchanged
    s = pd.Series(days.astype("datetime64[ns]"), index=[f"r{i}" for i in range(200)])
    s.iloc[3] = pd.NaT
    k = pd.Series(pd.array(n, dtype="Int64"), index=s.index)
    k.iloc[5] = pd.NA
    out = cal.add_working_days(s, k)
    assert pd.isna(out.iloc[3]) and pd.isna(out.iloc[5])
    keep = [i for i in range(200) if i not in (3, 5)]
    assert (out.iloc[keep].dt.date.tolist() == [added.tolist()[i] for i in keep])
    w = cal.is_working_day(s)
    assert w.isna().tolist() == [i == 3 for i in range(200)]
    assert w.iloc[keep].tolist() == [working.tolist()[i] for i in keep]
    b = cal.working_days_between(s, pd.Series(added.astype("datetime64[ns]"), index=s.index))
    assert b.isna().tolist() == [i == 3 for i in range(200)]
    # empty input: empty output
    empty = np.array([], dtype="datetime64[D]")
    assert len(cal.add_working_days(empty, np.array([], dtype=np.int64))) == 0
    assert len(cal.working_days_between(empty, empty)) == 0 and len(cal.is_working_day(empty)) == 0
    # a day outside the calendar still names its row (the general path), after the fast one gave up
    far = days.copy()
    far[150] = np.datetime64("2300-01-01")
    with pytest.raises(cchc.RangeError, match="position 150"):
        cal.add_working_days(far, n)
