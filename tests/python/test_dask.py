"""cchc.dask: partitions classified on two worker processes, partial flows reduced exactly; the
result must equal the single-process cchc.dossier_flow."""

from __future__ import annotations

import contextlib
import datetime as dt
import socket

import numpy as np
import pandas as pd
import pytest
from conftest import needs

pytestmark = [needs("bulk"), needs("flow")]

import cchc  # noqa: E402
import cchc.dask  # noqa: E402,F401

CUTOFF = dt.date(2023, 12, 13)


def make_log(n=40_000, seed=11):
    rng = np.random.default_rng(seed)
    received = np.datetime64("2022-12-15") + rng.integers(0, 364, n).astype("timedelta64[D]")
    resolved = received + rng.integers(0, 30, n).astype("timedelta64[D]")
    resolved[rng.random(n) < 0.05] = np.datetime64("NaT")
    return pd.DataFrame(
        {
            "unit": np.array(["xã A", "xã B", "huyện", "thị trấn"])[rng.integers(0, 4, n)],
            "channel": np.array(["online", "in_person", "post"])[rng.integers(0, 3, n)],
            "received_at": received.astype("datetime64[ns]"),
            "processing_time": rng.integers(1, 20, n).astype(np.int16),
            "resolved_at": resolved.astype("datetime64[ns]"),
        }
    )


def single_process(log, calendar=None, period=CUTOFF, by="unit"):
    return cchc.dossier_flow(log, period, by=by, calendar=calendar)


def test_partition_reduction_is_exact_without_a_cluster():
    dd = pytest.importorskip("dask.dataframe")
    import dask

    log = make_log(5_000)
    ddf = dd.from_pandas(log, npartitions=7)
    with dask.config.set(scheduler="synchronous"):
        table = cchc.dask.dossier_flow(ddf, CUTOFF, unit="unit", online="channel")
        pd.testing.assert_frame_equal(table, single_process(log))
        # a period (carried over counted) and two keys, for several partitionings
        period = (dt.date(2023, 3, 1), CUTOFF)
        expected = single_process(log, period=period, by=["unit", "channel"])
        # (more than 8 partitions: the partial tables are added in a tree, combine then aggregate)
        for parts in (1, 3, 7, 20):
            got = cchc.dask.dossier_flow(dd.from_pandas(log, npartitions=parts), period, by=["unit", "channel"])
            pd.testing.assert_frame_equal(got, expected)
        # empty partitions (every other one emptied), and a key that only the first partitions hold
        only = log[(log["unit"] != "huyện") | (log.index < 600)]
        parts = dd.from_pandas(only, npartitions=9).to_delayed()
        emptied = [dask.delayed(lambda p, k: p.iloc[:0] if k % 2 else p)(p, k) for k, p in enumerate(parts)]
        sparse = dd.from_delayed(emptied, meta=only.iloc[:0])
        kept = sparse.compute()
        assert sum(len(p.compute()) == 0 for p in sparse.partitions) == 4 and 0 < len(kept) < len(only)
        pd.testing.assert_frame_equal(cchc.dask.dossier_flow(sparse, period, by=["unit", "channel"]),
                                      single_process(kept, period=period, by=["unit", "channel"]))
        assert expected["carried_over"].sum() > 0


def test_text_dates_are_read_day_first_by_cchc_not_pandas():
    # Regression: dd/mm/yyyy text was read month-first (pandas' guess): 02/03/2023 became 3 February.
    dd = pytest.importorskip("dask.dataframe")
    import dask

    log = pd.DataFrame({"unit": ["A", "A"], "channel": ["online", "online"],
                        "received_at": ["02/03/2023 08:00", "02/03/2023 08:00"],
                        "processing_time": [1, 1], "resolved_at": ["03/03/2023 09:00", "06/03/2023 09:00"]})
    with dask.config.set(scheduler="synchronous"):
        table = cchc.dask.dossier_flow(dd.from_pandas(log, npartitions=2), (dt.date(2023, 3, 1), dt.date(2023, 3, 31)),
                                       by="unit")
    # received Thu 2 March, 1 working day → due Fri 3 March: one on time, one late (Mon 6 March)
    assert table.loc["A", "resolved_on_time"] == 1
    assert table.loc["A", "resolved_late"] == 1
    assert table.loc["A", "received"] == 2


@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_local_cluster_with_two_processes_equals_single_process():
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    import cchc.dask  # noqa: F401

    log = make_log()
    # an edited calendar travels to the workers by pickling
    calendar = cchc.vietnam_calendar().with_day_off(dt.date(2023, 6, 1), "test notice")
    expected = single_process(log, calendar)
    # Dask's default dashboard port taken (another notebook, a CI neighbour): the cluster still starts
    with contextlib.ExitStack() as stack:
        try:
            blocker = stack.enter_context(socket.socket(socket.AF_INET, socket.SOCK_STREAM))
            blocker.bind(("", 8787))
            blocker.listen()
        except OSError:
            pass  # already taken by someone else: the same situation
        with distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster, distributed.Client(cluster):
            ddf = dd.from_pandas(log, npartitions=6)
            table = cchc.dask.dossier_flow(ddf, CUTOFF, unit="unit", online="channel", calendar=calendar)
    pd.testing.assert_frame_equal(table, expected)
    assert table.loc["huyện", "received"] == (log["unit"] == "huyện").sum()
