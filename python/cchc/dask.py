"""cchc on Dask: classify a Dask DataFrame's partitions with the C++ core and reduce exactly.

Each partition is classified where it lives (C++, no GIL) into a per-unit Biểu 06 table of integer
counts; the partial tables are added by unit. Counts are integers and every column of the flow table
is a sum over dossiers, so the reduction is exact: the result equals :func:`cchc.dossier_flow` on the
whole data in one process, whatever the partitioning, the number of workers or machines.

Examples
--------
>>> import dask.dataframe as dd
>>> from distributed import Client
>>> client = Client("tcp://scheduler:8786")                          # doctest: +SKIP
>>> log = dd.read_csv("s3://bucket/dossiers-*.csv")                 # doctest: +SKIP
>>> table = cchc.dask.dossier_flow(log, date(2023, 12, 13), unit="unit")  # doctest: +SKIP
"""

from __future__ import annotations

import datetime
from typing import Optional

import numpy as np

from . import _core, _frames

__all__ = ["dossier_flow", "partition_flow"]


def _days(series):
    import pandas as pd

    if not pd.api.types.is_datetime64_any_dtype(series.dtype):
        series = pd.to_datetime(series)
    return series.to_numpy().astype("datetime64[D]")


def _columns(online: bool) -> list:
    # The columns a flow built from counts carries (fixed for a given channel setting), so every
    # partition — even an empty one — yields the same frame layout.
    # (one made-up dossier: counts of an empty input do not know their channel yet)
    one_day = np.array(["2000-01-04"], dtype="datetime64[D]")
    counts = _core._count_outcomes(
        one_day, np.array([1], dtype=np.int16), one_day, datetime.date(2000, 1, 10),
        unit_count=1, online=np.array([0], dtype=np.uint8) if online else None,
    )
    return list(counts.flow(0).to_dict(present_only=True))


def partition_flow(
    pdf,
    cutoff: datetime.date,
    received: str = "received_at",
    processing_days: str = "processing_time",
    resolved: str = "resolved_at",
    unit: Optional[str] = None,
    online: Optional[str] = None,
    online_value: str = "online",
    calendar: Optional[_core.WorkCalendar] = None,
    threads: Optional[int] = 1,
):
    """The per-unit flow table (int64 counts, index ``unit``) of one pandas partition."""
    import pandas as pd

    columns = _columns(online is not None)
    if len(pdf) == 0:
        return pd.DataFrame({c: pd.Series([], dtype="int64") for c in columns}, index=pd.Index([], name="unit", dtype=object))
    channel = None
    if online is not None:
        channel = (pdf[online] == online_value).to_numpy()
    counts, labels = _frames.dossier_counts(
        _days(pdf[received]),
        pdf[processing_days].to_numpy(),
        _days(pdf[resolved]),
        cutoff,
        unit=None if unit is None else pdf[unit],
        online=channel,
        calendar=calendar,
        threads=threads,
    )
    rows = [counts.flow(i).to_dict() for i in range(len(labels))]
    return pd.DataFrame(
        {c: np.array([r[c] for r in rows], dtype=np.int64) for c in columns},
        index=pd.Index(labels, name="unit", dtype=object),
    )


def dossier_flow(
    ddf,
    cutoff: datetime.date,
    received: str = "received_at",
    processing_days: str = "processing_time",
    resolved: str = "resolved_at",
    unit: Optional[str] = None,
    online: Optional[str] = None,
    online_value: str = "online",
    calendar: Optional[_core.WorkCalendar] = None,
    threads: Optional[int] = 1,
    compute: bool = True,
):
    """The Biểu 06 table of a Dask DataFrame of dossiers: one row per unit.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        One row per dossier.
    cutoff : datetime.date
        Last day of the reporting period.
    received, processing_days, resolved : str
        Column names: received day, processing time in working days, resolved day (NaT/empty = not
        resolved). Date columns may be datetime64 or text pandas can parse.
    unit : str, optional
        Column with the unit label; default: one row ``"all"``.
    online : str, optional
        Column with the channel; rows equal to ``online_value`` count as received online.
    calendar : WorkCalendar, optional
        Shipped to the workers by pickling (a base name plus the added schedule). Default:
        :func:`cchc.vietnam_calendar`.
    threads : int, optional
        C++ threads per partition (default 1: Dask already runs partitions in parallel).
    compute : bool
        False returns the lazy Dask DataFrame of the reduced table.

    Returns
    -------
    pandas.DataFrame
        Same layout and values as :func:`cchc.dossier_flow` on the concatenated data (nullable
        Int64 columns, sorted ``unit`` index).
    """
    import pandas as pd

    columns = _columns(online is not None)
    meta = pd.DataFrame({c: pd.Series([], dtype="int64") for c in columns}, index=pd.Index([], name="unit", dtype=object))
    partial = ddf.map_partitions(
        partition_flow,
        cutoff,
        received=received,
        processing_days=processing_days,
        resolved=resolved,
        unit=unit,
        online=online,
        online_value=online_value,
        calendar=calendar,
        threads=threads,
        meta=meta,
    )
    reduced = partial.reset_index().groupby("unit").sum()
    if not compute:
        return reduced
    table = reduced.compute().sort_index()
    table = table[columns].astype("Int64")
    table.index.name = "unit"
    return table
