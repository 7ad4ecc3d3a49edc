"""pandas conveniences over the compiled core: the Biểu 06 table as a DataFrame."""

from __future__ import annotations

import datetime
from typing import Any, Optional

import numpy as np

from . import _core

#: Columns of the Biểu 06 table, in table order (DossierFlow.COLUMNS).
FLOW_COLUMNS = tuple(_core.DossierFlow.COLUMNS)


def _factorize(unit: Any, n: int):
    """Dense uint32 codes and the labels they stand for (sorted, so the table order is stable)."""
    import pandas as pd

    values = unit.to_numpy() if hasattr(unit, "to_numpy") else np.asarray(unit)
    if values.ndim != 1 or len(values) != n:
        raise ValueError(f"unit: expected {n} rows (the length of 'received'), found {len(values)}")
    if pd.isna(values).any():
        raise ValueError("unit: missing unit labels (NaN/None) cannot be counted")
    codes, labels = pd.factorize(values, sort=True)
    return codes.astype(np.uint32, copy=False), labels


def flows_frame(flows, index, index_name: str = "unit"):
    """A DataFrame with one row per DossierFlow; columns present in any row, nullable Int64."""
    import pandas as pd

    rows = [f.to_dict() for f in flows]
    columns = [c for c in FLOW_COLUMNS if any(r[c] is not None for r in rows)]
    frame = pd.DataFrame(
        {c: pd.array([r[c] for r in rows], dtype="Int64") for c in columns},
        index=pd.Index(list(index), name=index_name),
    )
    return frame


def _as_column(values: Any):
    """A Series or array column → ndarray without copying when already an ndarray underneath."""
    if hasattr(values, "to_numpy"):
        return values.to_numpy()
    return values


def dossier_counts(
    received,
    processing_days,
    resolved,
    cutoff: datetime.date,
    unit=None,
    online=None,
    calendar: Optional[_core.WorkCalendar] = None,
    threads: Optional[int] = None,
):
    """Outcome counts per unit (an :class:`OutcomeCounts`) and the unit labels they stand for."""
    received = _as_column(received)
    n = len(received)
    codes, labels = (None, ["all"]) if unit is None else _factorize(unit, n)
    if online is not None:
        online = _as_column(online)
        if online.dtype == np.bool_:
            online = online.view(np.uint8)
    counts = _core._count_outcomes(
        received,
        _as_column(processing_days),
        _as_column(resolved),
        cutoff,
        unit=codes,
        unit_count=len(labels),
        online=online,
        calendar=calendar,
        threads=threads,
    )
    return counts, list(labels)


def dossier_flow(
    received,
    processing_days,
    resolved,
    cutoff: datetime.date,
    unit=None,
    online=None,
    calendar: Optional[_core.WorkCalendar] = None,
    threads: Optional[int] = None,
):
    """The Biểu 06/VPCP/KSTT table of a set of dossiers: one row per unit.

    Classifies every dossier at ``cutoff`` exactly like :func:`classify_dossiers` (C++, threads,
    no GIL) and counts the outcomes per unit.

    Parameters
    ----------
    received, resolved : numpy.ndarray or pandas.Series of datetime64[D]
        ``resolved`` is NaT for a dossier not resolved.
    processing_days : numpy.ndarray or pandas.Series of int
        Processing time in working days.
    cutoff : datetime.date
        Last day of the reporting period.
    unit : array-like, optional
        A label per dossier (str, int, categorical). Default: one row ``"all"``.
    online : array-like of bool or {0, 1}, optional
        Channel per dossier; fills received_online / received_offline / online_resolved.
    calendar : WorkCalendar, optional
        Default: :func:`vietnam_calendar`.
    threads : int, optional
        Worker threads (default: every core); the result never depends on it.

    Returns
    -------
    pandas.DataFrame
        Index ``unit`` (sorted labels); columns: the Biểu 06 columns present (nullable Int64):
        received, received_online, received_offline, carried_over, resolved, resolved_in_time,
        resolved_early, resolved_on_time, resolved_late, pending, pending_in_time, pending_overdue,
        online_resolved.

    Examples
    --------
    >>> table = dossier_flow(log.received_at, log.processing_time, log.resolved_at,
    ...                      date(2023, 12, 13), unit=log.unit)      # doctest: +SKIP
    """
    counts, labels = dossier_counts(received, processing_days, resolved, cutoff, unit, online, calendar, threads)
    return flows_frame([counts.flow(i) for i in range(len(labels))], labels)


class Findings(list):
    """A list of :class:`cchc.Finding` with :meth:`to_frame`."""

    def to_frame(self):
        """One row per finding: id, severity, path, field, message, message_vi, numbers."""
        import pandas as pd

        return pd.DataFrame(
            {
                "id": [f.id for f in self],
                "severity": [f.severity for f in self],
                "path": [f.path for f in self],
                "field": [f.field for f in self],
                "message": [f.message for f in self],
                "message_vi": [f.message_vi for f in self],
                "numbers": [f.numbers for f in self],
            },
            columns=["id", "severity", "path", "field", "message", "message_vi", "numbers"],
        )


#: Columns of Report.indicators() and Indicators.evaluate(), in order (docs/indicators.md, "Python").
INDICATOR_COLUMNS = ["id", "label_en", "label_vi", "percent", "numerator", "denominator", "value", "unit",
                     "formula", "source", "inferred", "path", "status", "reason", "float", "scale", "rounding",
                     "direction", "rule", "inputs"]


def indicator_frame(rows):
    """The DataFrame of indicator rows (dicts from the C++ evaluation), indexed by id."""
    import pandas as pd

    for row in rows:
        # A float view for plotting: the percentage of a rate, a value's number; exact values stay Decimal.
        exact = row["percent"] if row["percent"] is not None else (
            row["value"] if row["status"] == "value" and row["numerator"] is None else None)
        row["float"] = float(exact) if exact is not None else float("nan")
    frame = pd.DataFrame(rows, columns=INDICATOR_COLUMNS)
    return frame.set_index("id")


def report_indicators(report, catalogue=None, scale=None, rounding=None):
    """Every indicator the report's figures allow, as a DataFrame.

    Parameters
    ----------
    catalogue : cchc.Indicators, str or os.PathLike, optional
        The catalogue to evaluate (a file path is loaded); the built-in one by default.
    scale, rounding : optional
        Override every indicator's own scale and rounding of the shown percentage.

    Columns: id (index), label_en, label_vi, percent (Decimal at the indicator's scale and rounding,
    2 decimals half away from zero in the built-in catalogue; None for non-rates, undefined rates and
    indicators without a value), numerator, denominator (Decimal), value (:class:`Rate` or Decimal,
    exact), unit, formula (with the report's numbers), source (legal or methodological), inferred,
    path (JSON path of the inputs), status ("value", "not_applicable", "not_scored"), reason, float
    (a float view of percent or value, NaN without one), scale, rounding, direction, rule (the
    expressions), inputs ({figure name: value} read).
    """
    from ._core import Indicators

    if catalogue is None:
        catalogue = Indicators.builtin()
    elif not isinstance(catalogue, Indicators):
        catalogue = Indicators.load(catalogue)
    return indicator_frame(catalogue._rows_report(report, scale, rounding))


def evaluate_indicators(self, figures, scale=None, rounding=None):
    """The catalogue evaluated on a report (cchc.Report) or on one unit's figures ({name: value}).

    Returns the DataFrame of :func:`Report.indicators` (exact Decimal values plus a float view).
    """
    from ._core import Report

    if isinstance(figures, Report):
        return indicator_frame(self._rows_report(figures, scale, rounding))
    return indicator_frame(self._rows_figures(figures, scale, rounding))
