#!/usr/bin/env python3
"""Classify a synthetic year of dossiers with NumPy, pandas and cchc; check they agree; print ratios.

    PYTHONPATH=build-rel/python /usr/bin/python3 benchmarks/python/compare_numpy.py [--n 10000000]

Design. The rule (bulk.hpp): receipt day = the received day if working, else the next working day;
due = receipt + processing_days working days; resolved on or before the cut-off → early / on time /
late against due; otherwise pending within the deadline (cutoff <= due) or overdue.

NumPy's business-day functions cannot make a Saturday a working day (no make-up Saturdays), so the
year is chosen where none occurs: dossiers received 15/12/2022 - 13/12/2023 (the seed report's
period), due dates at most 30 working days later (before May 2024; the first make-up Saturday after
2021 is 04/05/2024). Over that span the Vietnamese calendar is exactly "Monday-Friday minus the
weekday days off", and those days off are taken from cchc's own calendar and passed to NumPy as
`holidays`. If a make-up Saturday fell inside the span, the script would detect it and stop.

(a) NumPy: np.busday_offset(roll="forward") twice with a prebuilt np.busdaycalendar, comparisons,
    np.bincount — the fastest pure-NumPy pipeline we know.
(b) cchc.classify_dossiers (C++, all cores, GIL released) + counting the uint8 codes; also with
    threads=1; and cchc.dossier_flow, which counts in C++ without writing codes.
(c) pandas CustomBusinessDay on a smaller sample (it has no vectorised varying offset: one
    DateOffset per row), reported per dossier and extrapolated.
All run in this process on the same arrays; outcome counts must be identical.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

import numpy as np

import cchc

FIRST = np.datetime64("2022-12-15")
CUTOFF = dt.date(2023, 12, 13)
SPAN_END = np.datetime64("2024-04-30")


def synthetic(n: int, seed: int):
    rng = np.random.default_rng(seed)
    received = FIRST + rng.integers(0, (np.datetime64(CUTOFF) - FIRST).astype(int) + 1, n).astype("timedelta64[D]")
    days = rng.integers(1, 31, n).astype(np.int16)
    took = rng.integers(0, 45, n).astype("timedelta64[D]")
    resolved = received + took
    resolved[rng.random(n) < 0.05] = np.datetime64("NaT")
    return received, days, resolved


def numpy_calendar(cal):
    days = np.arange(FIRST - np.timedelta64(7, "D"), SPAN_END + 1)
    working = cal.is_working_day(days)
    weekday = (days.astype(np.int64) + 3) % 7  # Monday = 0
    worked_weekend = days[working & (weekday >= 5)]
    if len(worked_weekend):
        raise SystemExit(f"make-up Saturdays inside the span, NumPy cannot express them: {worked_weekend}")
    holidays = days[~working & (weekday < 5)]
    return np.busdaycalendar(weekmask="1111100", holidays=holidays), holidays


def numpy_counts(received, days, resolved, busdaycal):
    receipt = np.busday_offset(received, 0, roll="forward", busdaycal=busdaycal)
    due = np.busday_offset(receipt, days, roll="forward", busdaycal=busdaycal)
    cutoff = np.datetime64(CUTOFF)
    done = resolved <= cutoff  # NaT compares False
    code = np.where(done, np.where(resolved < due, 0, np.where(resolved == due, 1, 2)),
                    np.where(cutoff <= due, 3, 4))
    return np.bincount(code, minlength=5)


def pandas_counts(received, days, resolved, holidays):
    import pandas as pd

    cbd = pd.offsets.CustomBusinessDay(holidays=holidays.astype("datetime64[ns]"), weekmask="Mon Tue Wed Thu Fri")
    cutoff = pd.Timestamp(CUTOFF)
    counts = np.zeros(5, dtype=np.int64)
    for r, d, s in zip(pd.to_datetime(received), days, pd.to_datetime(resolved)):
        receipt = cbd.rollforward(r)
        due = receipt + int(d) * cbd
        if s is not pd.NaT and s <= cutoff:
            counts[0 if s < due else 1 if s == due else 2] += 1
        else:
            counts[3 if cutoff <= due else 4] += 1
    return counts


def count_codes(codes):
    # np.bincount casts uint8 to intp first (a 10x larger temporary); five vectorised comparisons on
    # the uint8 codes are several times faster.
    return np.array([np.count_nonzero(codes == k) for k in range(5)])


def best_of(repeats, fn):
    times, result = [], None
    for _ in range(repeats):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000_000, help="dossiers (default 10 million)")
    ap.add_argument("--pandas-n", type=int, default=20_000, help="sample for pandas CustomBusinessDay")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--seed", type=int, default=20231213)
    args = ap.parse_args()

    cal = cchc.vietnam_calendar()
    busdaycal, holidays = numpy_calendar(cal)
    received, days, resolved = synthetic(args.n, args.seed)
    print(f"{args.n:,} dossiers received {FIRST} .. {CUTOFF}, cut-off {CUTOFF}; "
          f"{len(holidays)} weekday days off from cchc's calendar given to NumPy")

    t_numpy, c_numpy = best_of(args.repeats, lambda: numpy_counts(received, days, resolved, busdaycal))
    t_cchc, c_cchc = best_of(args.repeats, lambda: count_codes(
        cchc.classify_dossiers(received, days, resolved, CUTOFF, calendar=cal)))
    t_cchc1, c_cchc1 = best_of(args.repeats, lambda: count_codes(
        cchc.classify_dossiers(received, days, resolved, CUTOFF, calendar=cal, threads=1)))
    flow_cols = ["resolved_early", "resolved_on_time", "resolved_late", "pending_in_time", "pending_overdue"]
    t_flow, table = best_of(args.repeats, lambda: cchc.dossier_flow(received, days, resolved, CUTOFF, calendar=cal))
    c_flow = table.loc["all", flow_cols].to_numpy(dtype=np.int64)
    assert np.array_equal(c_numpy, c_cchc) and np.array_equal(c_cchc, c_cchc1), (c_numpy, c_cchc, c_cchc1)
    assert np.array_equal(c_numpy, c_flow), (c_numpy, c_flow)
    print("outcome counts (early, on time, late, pending in time, pending overdue):", c_cchc.tolist(), "- identical")

    m = args.pandas_n
    t_pandas, c_pandas = best_of(1, lambda: pandas_counts(received[:m], days[:m], resolved[:m], holidays))
    c_sample = np.bincount(cchc.classify_dossiers(received[:m], days[:m], resolved[:m], CUTOFF), minlength=5)
    assert np.array_equal(c_pandas, c_sample), (c_pandas, c_sample)

    per = 1e9 / args.n
    print(f"NumPy busday_offset pipeline : {t_numpy:8.3f} s  ({t_numpy * per:7.1f} ns/dossier)")
    print(f"cchc.classify_dossiers       : {t_cchc:8.3f} s  ({t_cchc * per:7.1f} ns/dossier)  "
          f"ratio {t_numpy / t_cchc:6.1f}x")
    print(f"cchc, threads=1              : {t_cchc1:8.3f} s  ({t_cchc1 * per:7.1f} ns/dossier)  "
          f"ratio {t_numpy / t_cchc1:6.1f}x")
    print(f"cchc.dossier_flow (C++ count): {t_flow:8.3f} s  ({t_flow * per:7.1f} ns/dossier)  "
          f"ratio {t_numpy / t_flow:6.1f}x")
    print(f"pandas CustomBusinessDay     : {t_pandas:8.3f} s for {m:,} ({t_pandas * 1e9 / m:9.0f} ns/dossier)  "
          f"extrapolated ratio {t_pandas * args.n / m / t_cchc:8.0f}x (counts identical on the sample)")


if __name__ == "__main__":
    main()
