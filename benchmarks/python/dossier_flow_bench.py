#!/usr/bin/env python3
"""The full dossier rule from Python: cchc.dossier_flow(DataFrame) against NumPy, pandas and Dask.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/python/dossier_flow_bench.py \
        [--sizes 10000,100000,1000000,10000000] [--repeats 3] [--out benchmarks/results/dossier_flow_python.json]

Every comparison runs in this process on the same DataFrame, asserts that both sides give the same
table, and reports the median of --repeats runs (wall clock; the CPU time of this process is also
recorded, the machine being shared).

(i)   Working-day rows (no pause, no promised date): cchc.dossier_flow(frame, period, by="unit") vs a
      NumPy pipeline (np.busday_offset twice with a busdaycalendar holding the Vietnamese weekday
      days off from cchc's own calendar, comparisons, np.bincount per unit). NumPy cannot express
      make-up Saturdays (a weekmask is the same every week), so the data stay in 15/12/2022 - 14/12/2023
      with due dates before May 2024 (the first make-up Saturday after 2021 is 04/05/2024); the script
      stops if one falls inside. Issue 10 target: >= 15x.
(ii)  Mixed rows (70 % working days, 15 % calendar days, 15 % working hours with a pause; resolved,
      returned, withdrawn, not ended; carried over and not-counted rows): a plain pandas implementation
      of the rule for the kinds it supports (working and calendar days, end kinds, the period; no
      hours, no pauses — those rows are left out of the comparison) vs cchc on the same rows; cchc on
      all rows is also timed. Target: >= 10x.
(iii) CSV log -> flow table: cchc.dossier_flow(path) (read and counted in C++) vs pandas.read_csv + the
      NumPy pipeline of (i); cchc.read_dossier_log + cchc.dossier_flow(frame) and read_dossier_log alone
      are timed too. Target: >= 3x.
(iv)  Dask: cchc.dask.dossier_flow over 8 partitions on a LocalCluster of 2 worker processes vs 1
      (threads_per_worker=1, C++ threads=1 per partition), at 4·10^6 and 3.2·10^7 rows (partitions of
      11 and 88 MB). Target: >= 1.6x. In the same run, what the machine gives two processes without
      Dask: the same 8 partitions classified in 1 process vs 4 each in 2 processes started together.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import sys
import tempfile
import time

import numpy as np
import pandas as pd

import cchc

FIRST = dt.date(2022, 12, 15)  # the 2023 annual report's period
LAST = dt.date(2023, 12, 14)
UNITS = np.array([f"U{k:02d}" for k in range(12)], dtype=object)
CHANNELS = np.array(["online", "in_person", "post"], dtype=object)
FLOW = ["resolved_early", "resolved_on_time", "resolved_late", "pending_in_time", "pending_overdue"]


def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def timed(repeats, fn):
    walls, cpus, result = [], [], None
    for _ in range(repeats):
        c, t = cpu(), time.perf_counter()
        result = fn()
        walls.append(time.perf_counter() - t)
        cpus.append(cpu() - c)
    return statistics.median(walls), statistics.median(cpus), result


def minutes(rng, n, first_day, days):
    """Received instants in office hours (07:30-16:59) on uniform days."""
    base = np.datetime64(first_day, "m") + (rng.integers(0, days, n) * 1440).astype("timedelta64[m]")
    return base + rng.integers(450, 1020, n).astype("timedelta64[m]")


def working_day_frame(n, seed):
    rng = np.random.default_rng(seed)
    received = minutes(rng, n, FIRST, (LAST - FIRST).days + 1)
    ended = received + rng.integers(0, 40 * 1440, n).astype("timedelta64[m]")
    ended[rng.random(n) < 0.08] = np.datetime64("NaT")
    return pd.DataFrame({
        "unit": pd.Categorical(UNITS[rng.integers(0, 12, n)]),
        "channel": pd.Categorical(CHANNELS[rng.integers(0, 3, n)]),
        "received_at": received.astype("datetime64[ns]"),
        "processing_time": rng.integers(1, 31, n).astype(np.int32),
        "resolved_at": ended.astype("datetime64[ns]"),
    })


def mixed_frame(n, seed):
    rng = np.random.default_rng(seed)
    start = FIRST - dt.timedelta(days=45)  # some carried over, some ended before the period
    received = minutes(rng, n, start, (LAST - start).days + 1)
    pick = rng.random(n)
    unit = np.where(pick < 0.70, "working_days", np.where(pick < 0.85, "calendar_days", "working_hours"))
    amount = np.where(unit == "working_hours", rng.integers(4, 41, n), rng.integers(1, 31, n)).astype(np.int32)
    hours = unit == "working_hours"
    pause_from = received + rng.integers(60, 2 * 1440, n).astype("timedelta64[m]")
    pause_to = pause_from + rng.integers(60, 3 * 1440, n).astype("timedelta64[m]")
    nat = np.datetime64("NaT")
    pause_from = np.where(hours, pause_from, nat)
    pause_to = np.where(hours, pause_to, nat)
    ended = received + rng.integers(0, 45 * 1440, n).astype("timedelta64[m]")
    open_ = rng.random(n) < 0.08
    ended[open_] = nat
    e = rng.random(n)
    kind = np.where(open_, None, np.where(e < 0.85, "resolved", np.where(e < 0.93, "returned", "withdrawn")))
    return pd.DataFrame({
        "unit": pd.Categorical(UNITS[rng.integers(0, 12, n)]),
        "channel": pd.Categorical(CHANNELS[rng.integers(0, 3, n)]),
        "received_at": received.astype("datetime64[ns]"),
        "processing_time": amount,
        "processing_unit": unit,
        "paused_from": pause_from.astype("datetime64[ns]"),
        "paused_to": pause_to.astype("datetime64[ns]"),
        "end_kind": kind,
        "resolved_at": ended.astype("datetime64[ns]"),
    })


# --- (i) NumPy ---------------------------------------------------------------------------------

def numpy_calendar(cal):
    days = np.arange(np.datetime64(FIRST) - np.timedelta64(60, "D"), np.datetime64("2024-04-30") + 1)
    working = cal.is_working_day(days)
    weekday = (days.astype(np.int64) + 3) % 7  # Monday = 0
    worked_weekend = days[working & (weekday >= 5)]
    if len(worked_weekend):
        raise SystemExit(f"make-up Saturdays inside the span, NumPy cannot express them: {worked_weekend}")
    return np.busdaycalendar(weekmask="1111100", holidays=days[~working & (weekday < 5)])


def numpy_flow(received, days, resolved, unit_codes, busdaycal, units=12):
    """Counts per unit (units x 5 outcome codes) of rows received in the period (none are carried)."""
    receipt = np.busday_offset(received, 0, roll="forward", busdaycal=busdaycal)
    due = np.busday_offset(receipt, days, roll="forward", busdaycal=busdaycal)
    last = np.datetime64(LAST)
    done = resolved <= last  # NaT compares False
    code = np.where(done, (resolved >= due).astype(np.int64) + (resolved > due),
                    3 + (last > due).astype(np.int64))
    return np.bincount(unit_codes.astype(np.int64) * 5 + code, minlength=units * 5).reshape(units, 5)


def numpy_from_frame(frame, busdaycal):
    return numpy_flow(frame["received_at"].to_numpy().astype("datetime64[D]"),
                      frame["processing_time"].to_numpy(),
                      frame["resolved_at"].to_numpy().astype("datetime64[D]"),
                      frame["unit"].cat.codes.to_numpy(), busdaycal)


def table_counts(table):
    return table.reindex(list(UNITS))[FLOW].fillna(0).to_numpy(dtype=np.int64)


# --- (ii) pandas, the rule written plainly -----------------------------------------------------

class PandasRule:
    """Working and calendar days, end kinds, the period (carried over, not counted), per unit."""

    def __init__(self, cal):
        days = pd.date_range("2022-06-01", "2024-12-31", freq="D")
        working = np.asarray(cal.is_working_day(days.to_numpy().astype("datetime64[D]")), dtype=bool)
        self.start = days[0]
        self.before = np.concatenate([[0], np.cumsum(working)])  # working days before day i
        self.working_days = days[working]

    def flow(self, f):
        first, last = pd.Timestamp(FIRST), pd.Timestamp(LAST)
        rday = f["received_at"].dt.floor("D")
        eday = f["resolved_at"].dt.floor("D")
        ended = f["resolved_at"].notna()
        carried = rday < first
        counted = (rday <= last) & ~(carried & ended & (eday < first))
        done = ended & (eday <= last)
        kind = f["end_kind"].fillna("resolved")
        i = ((rday - self.start).dt.days).to_numpy()
        receipt_ord = self.before[i]  # ordinal of the receipt day (the next working day if off)
        n = f["processing_time"].to_numpy(dtype=np.int64)
        wd = self.working_days.to_numpy()
        due_wd = wd[np.minimum(receipt_ord + n, len(wd) - 1)]
        end = wd[receipt_ord] + n.astype("timedelta64[D]")
        j = ((end - np.datetime64(self.start, "ns")) // np.timedelta64(1, "D")).astype(np.int64)
        due_cd = wd[self.before[j]]  # moved to the next working day when a day off
        due = pd.Series(np.where(f["processing_unit"].to_numpy() == "working_days", due_wd, due_cd), index=f.index)
        outcome = pd.Series("", index=f.index, dtype=object)
        outcome[done & (eday < due)] = "resolved_early"
        outcome[done & (eday == due)] = "resolved_on_time"
        outcome[done & (eday > due)] = "resolved_late"
        outcome[~done & (last > due)] = "pending_overdue"
        outcome[~done & (last <= due)] = "pending_in_time"
        outcome[done & kind.isin(["returned", "withdrawn"])] = "returned_withdrawn"
        g = pd.DataFrame({"unit": f["unit"], "outcome": outcome, "carried": carried})[counted]
        table = pd.crosstab(g["unit"], g["outcome"])
        table["received"] = g.groupby("unit", observed=True).size()
        table["carried_over"] = g.groupby("unit", observed=True)["carried"].sum()
        return table


COMPARED = ["received", "carried_over"] + FLOW + ["returned_withdrawn"]


def same_table(a, b, columns):
    x = a.reindex(list(UNITS))[columns].fillna(0).astype(np.int64)
    y = b.reindex(list(UNITS)).reindex(columns=columns).fillna(0).astype(np.int64)
    return np.array_equal(x.to_numpy(), y.to_numpy())


# --- (iii) CSV ---------------------------------------------------------------------------------

def write_csv(frame, path):
    out = pd.DataFrame({
        "id": np.arange(len(frame)).astype(str),
        "unit": frame["unit"].astype(str),
        "channel": frame["channel"],
        "received_at": frame["received_at"].dt.strftime("%Y-%m-%d %H:%M"),
        "processing_time": frame["processing_time"],
        "resolved_at": frame["resolved_at"].dt.strftime("%Y-%m-%d %H:%M").fillna(""),
    })
    out.to_csv(path, index=False)


def pandas_csv_flow(path, busdaycal):
    f = pd.read_csv(path, parse_dates=["received_at", "resolved_at"], dtype={"unit": "category"})
    unit_codes = pd.Categorical(f["unit"], categories=list(UNITS)).codes
    return numpy_flow(f["received_at"].to_numpy().astype("datetime64[D]"), f["processing_time"].to_numpy(),
                      f["resolved_at"].to_numpy().astype("datetime64[D]"), unit_codes, busdaycal)


def cchc_csv_flow(path, cal):
    """The log file straight to the table: read and counted in C++, no DataFrame."""
    return cchc.dossier_flow(path, (FIRST, LAST), by="unit", calendar=cal)


def cchc_csv_frame_flow(path, cal):
    """Through a DataFrame: read_dossier_log, then dossier_flow(frame)."""
    return cchc.dossier_flow(cchc.read_dossier_log(path), (FIRST, LAST), by="unit", calendar=cal)


# --- (iv) Dask ---------------------------------------------------------------------------------

def _partitions_alone(args):
    """In a fresh process: its share of the 8 partitions of working_day_frame(n, 5), classified one
    after the other (threads=1), timed --repeats times, each start after a barrier (the processes
    start together)."""
    n, share, shares, repeats, barrier = args
    cal = cchc.vietnam_calendar()
    frame = working_day_frame(n, 5)
    bounds = np.linspace(0, n, 9).astype(int)
    mine = [frame.iloc[bounds[k]:bounds[k + 1]] for k in range(8) if k % shares == share]
    del frame
    from cchc import dask as cchc_dask
    cchc_dask.partition_flow(mine[0], (FIRST, LAST), ["unit"], cal)
    walls = []
    for _ in range(repeats):
        if barrier is not None:
            barrier.wait()
        t = time.perf_counter()
        for part in mine:
            cchc_dask.partition_flow(part, (FIRST, LAST), ["unit"], cal)
        walls.append(time.perf_counter() - t)
    return walls


def process_ceiling(n, repeats):
    """What two processes give on this machine without Dask: the 8 partitions' work in 1 process vs
    4 each in 2 processes at once (no scheduler, no transfer: the speed-up Dask can approach)."""
    import multiprocessing as mp
    ctx = mp.get_context("spawn")
    with ctx.Pool(1) as pool:
        one = pool.map(_partitions_alone, [(n, 0, 1, repeats, None)])[0]
    with ctx.Manager() as manager:
        barrier = manager.Barrier(2)
        with ctx.Pool(2) as pool:
            two = pool.map(_partitions_alone, [(n, k, 2, repeats, barrier) for k in range(2)])
    slowest = [max(a, b) for a, b in zip(*two)]
    return dict(processes_1=statistics.median(one), processes_2=statistics.median(slowest),
                speed_up=statistics.median(one) / statistics.median(slowest))


def dask_runs(frame, cal, repeats):
    try:
        import dask.dataframe as dd
        import distributed
        import cchc.dask  # noqa: F401
    except ImportError as e:  # pragma: no cover
        return {"skipped": str(e)}
    out = {}
    expected = cchc.dossier_flow(frame, (FIRST, LAST), by="unit", calendar=cal)
    for workers in (1, 2):
        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                      dashboard_address=":0") as cluster, distributed.Client(cluster) as client:
            ddf = dd.from_pandas(frame, npartitions=8).persist()  # the data on the workers first
            distributed.wait(ddf)
            run = lambda: cchc.dask.dossier_flow(ddf, (FIRST, LAST), by="unit", calendar=cal, threads=1)  # noqa: E731
            run()  # warm-up (imports on the workers)
            wall, cpu_s, table = timed(repeats, run)
            client.cancel(ddf)
        assert same_table(table, expected, COMPARED + ["received_online"]), "Dask != cchc.dossier_flow"
        out[f"workers_{workers}"] = wall
    out["speed_up"] = out["workers_1"] / out["workers_2"]
    out["single_process_threads1"] = timed(repeats, lambda: cchc.dossier_flow(frame, (FIRST, LAST), by="unit",
                                                                              calendar=cal, threads=1))[0]
    out["plain_processes"] = process_ceiling(len(frame), repeats)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000,1000000,10000000")
    ap.add_argument("--pandas-max", type=int, default=1_000_000, help="largest size for the pandas rule")
    ap.add_argument("--csv-n", type=int, default=1_000_000)
    ap.add_argument("--dask-n", default="4000000,32000000",
                    help="rows of (iv), comma-separated (8 partitions each: 32·10^6 rows are Dask's ~100 MB partitions)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--skip-dask", action="store_true", help="leave out (iv)")
    ap.add_argument("--out", default="benchmarks/results/dossier_flow_python.json")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    cal = cchc.vietnam_calendar()
    busdaycal = numpy_calendar(cal)
    rule = PandasRule(cal)
    results = {"conditions": {"load_average": os.getloadavg(), "cpus": os.cpu_count(), "repeats": args.repeats,
                              "numpy": np.__version__, "pandas": pd.__version__,
                              "utc": dt.datetime.utcnow().isoformat(timespec="minutes")},
               "working_days": [], "mixed": []}

    for n in sizes:
        frame = working_day_frame(n, 20231214 + n)
        t_np, c_np, counts = timed(args.repeats, lambda: numpy_from_frame(frame, busdaycal))
        t_c, c_c, table = timed(args.repeats, lambda: cchc.dossier_flow(frame, (FIRST, LAST), by="unit", calendar=cal))
        t_c1, c_c1, table1 = timed(args.repeats, lambda: cchc.dossier_flow(frame, (FIRST, LAST), by="unit",
                                                                            calendar=cal, threads=1))
        assert np.array_equal(table_counts(table), counts), "cchc != NumPy on working-day rows"
        assert table.equals(table1)
        row = dict(rows=n, numpy_s=t_np, numpy_cpu_s=c_np, cchc_s=t_c, cchc_cpu_s=c_c, cchc_threads1_s=t_c1,
                   cchc_threads1_cpu_s=c_c1, ratio=t_np / t_c, ratio_threads1=t_np / t_c1)
        results["working_days"].append(row)
        print(f"(i)  {n:>10,} working-day rows: NumPy {t_np:8.4f} s  cchc {t_c:8.4f} s ({t_np / t_c:5.1f}x)  "
              f"threads=1 {t_c1:8.4f} s ({t_np / t_c1:5.1f}x)  tables identical", flush=True)
        del frame

    for n in sizes:
        frame = mixed_frame(n, 766 + n)
        supported = frame[frame["processing_unit"] != "working_hours"].drop(columns=["paused_from", "paused_to"])
        t_all, c_all, _ = timed(args.repeats, lambda: cchc.dossier_flow(frame, (FIRST, LAST), by="unit", calendar=cal))
        t_c, c_c, table = timed(args.repeats, lambda: cchc.dossier_flow(supported, (FIRST, LAST), by="unit",
                                                                         calendar=cal))
        row = dict(rows=n, supported_rows=len(supported), cchc_all_s=t_all, cchc_all_cpu_s=c_all, cchc_s=t_c,
                   cchc_cpu_s=c_c)
        msg = f"(ii) {n:>10,} mixed rows: cchc all {t_all:8.4f} s, on the {len(supported):,} pandas supports {t_c:8.4f} s"
        if n <= args.pandas_max:
            t_pd, c_pd, ptable = timed(args.repeats if n < 1_000_000 else 1, lambda: rule.flow(supported))
            assert same_table(table, ptable, COMPARED), "cchc != pandas on mixed rows"
            row.update(pandas_s=t_pd, pandas_cpu_s=c_pd, ratio=t_pd / t_c)
            msg += f"  pandas {t_pd:8.4f} s ({t_pd / t_c:5.1f}x)  tables identical"
        results["mixed"].append(row)
        print(msg, flush=True)
        del frame, supported

    frame = working_day_frame(args.csv_n, 3)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "log.csv")
        write_csv(frame, path)
        size = os.path.getsize(path)
        t_pd, c_pd, counts = timed(args.repeats, lambda: pandas_csv_flow(path, busdaycal))
        t_c, c_c, table = timed(args.repeats, lambda: cchc_csv_flow(path, cal))
        t_f, c_f, ftable = timed(args.repeats, lambda: cchc_csv_frame_flow(path, cal))
        t_r, c_r, _ = timed(args.repeats, lambda: cchc.read_dossier_log(path))
    assert np.array_equal(table_counts(table), counts), "cchc != pandas+NumPy on the CSV log"
    assert table.equals(ftable), "dossier_flow(path) != dossier_flow(read_dossier_log(path))"
    results["csv"] = dict(rows=args.csv_n, bytes=size, pandas_numpy_s=t_pd, pandas_numpy_cpu_s=c_pd, cchc_s=t_c,
                          cchc_cpu_s=c_c, ratio=t_pd / t_c, frame_s=t_f, frame_cpu_s=c_f, frame_ratio=t_pd / t_f,
                          read_dossier_log_s=t_r, read_dossier_log_cpu_s=c_r)
    print(f"(iii) CSV {args.csv_n:,} rows ({size / 1e6:.0f} MB): read_csv+NumPy {t_pd:7.3f} s  "
          f"dossier_flow(path) {t_c:7.3f} s ({t_pd / t_c:4.1f}x)  "
          f"read_dossier_log+dossier_flow {t_f:7.3f} s ({t_pd / t_f:4.1f}x; read_dossier_log alone {t_r:7.3f} s)  "
          "tables identical", flush=True)
    del frame

    results["dask"] = []
    for n in ([] if args.skip_dask else [int(v) for v in args.dask_n.split(",")]):
        frame = working_day_frame(n, 5)
        row = dict(rows=n, partitions=8, **dask_runs(frame, cal, args.repeats))
        results["dask"].append(row)
        del frame
        print(f"(iv) Dask {n:,} rows, 8 partitions: {row}", flush=True)

    results["conditions"]["load_average_end"] = os.getloadavg()
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(results, f, indent=1)
    print("wrote", args.out)


if __name__ == "__main__":
    sys.exit(main())
