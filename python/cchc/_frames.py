"""pandas conveniences over the compiled core: the Biểu 06 table as a DataFrame."""

from __future__ import annotations

import datetime
import os
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


def dossier_flow(data, *args, **kwargs):
    """The Biểu 06/VPCP/KSTT table of a set of dossiers, by the full Decision-766 rule.

    Two forms, one rule (the C++ kernel that ``cchc dossiers`` uses):

    ``dossier_flow(frame, period, by=None, calendar=None, *, cutoff=None, receipt_cutoff=None, threads=None)``
        ``frame`` is a DataFrame of dossiers (canonical columns, see :data:`cchc.DOSSIER_COLUMNS` and
        :func:`cchc.read_dossier_log`); ``period`` a :class:`cchc.Period` or ``(first, last)``;
        ``by`` a column or a list of columns (one row per combination, a MultiIndex for several).
        Dossiers received before the period and not ended before it are carried over; those ended
        before it, or received after it, are not counted; returned and withdrawn are counted apart.

    ``dossier_flow(path, period, by=None, calendar=None, procedures=None, *, cutoff=None, receipt_cutoff=None, one_stop_rules=None, skip_bad_rows=False, separator=None)``
        ``path`` (str or os.PathLike) is a dossier log CSV, read and counted in C++ by the reader and
        accumulator of ``cchc dossiers`` (no DataFrame: several times faster than
        ``dossier_flow(read_dossier_log(path), ...)``, the same table); ``by`` takes the CLI's keys
        (unit, level, channel, procedure, field). With ``skip_bad_rows`` it returns
        ``(table, bad_rows)``.

    ``dossier_flow(received, processing_days, resolved, cutoff, unit=None, online=None, calendar=None, threads=None)``
        The column form (kept from earlier versions): working days, no pauses; every dossier
        received by ``cutoff`` counts as received in the period, so ``carried_over`` is absent.

    Returns
    -------
    pandas.DataFrame
        One row per group (index: the ``by`` columns, or ``unit``); the Biểu 06 columns present, as
        nullable Int64.
    """
    import pandas as pd

    from ._dossiers import dossier_flow_frame

    if isinstance(data, pd.DataFrame):
        return dossier_flow_frame(data, *args, **kwargs)
    if isinstance(data, (str, os.PathLike)):  # a log file: read and counted in C++, no DataFrame
        from ._dossiers import dossier_flow_log

        return dossier_flow_log(data, *args, **kwargs)
    return _legacy_flow(data, *args, **kwargs)


def _legacy_flow(received, processing_days, resolved, cutoff: datetime.date, unit=None, online=None,
                 calendar: Optional[_core.WorkCalendar] = None, threads: Optional[int] = None):
    import pandas as pd

    from ._dossiers import dossier_flow_frame

    def column(values):
        return values.reset_index(drop=True) if isinstance(values, pd.Series) else pd.Series(np.asarray(values))

    n = len(received)
    for name, values in (("processing_days", processing_days), ("resolved", resolved), ("unit", unit),
                         ("online", online)):
        if values is not None and len(values) != n:
            raise ValueError(f"{name}: expected {n} rows (the length of 'received'), found {len(values)}")
    frame = pd.DataFrame({
        "received_at": column(received),
        "processing_time": column(processing_days),
        "resolved_at": column(resolved),
    })
    by = None
    if unit is not None:
        frame["unit"] = column(unit)
        if frame["unit"].isna().any():
            raise ValueError("unit: missing unit labels (NaN/None) cannot be counted")
        by = "unit"
    if online is not None:
        flags = np.asarray(column(online))
        if flags.dtype != np.bool_:
            bad = (flags != 0) & (flags != 1)
            if bad.any():
                raise ValueError(f"online: row {int(np.argmax(bad))}: expected 0 or 1 (or bool), found {flags[bad][0]!r}")
        frame["channel"] = np.where(flags.astype(bool), 0, 1).astype(np.uint8)
    table = dossier_flow_frame(frame, None, by=by, calendar=calendar, cutoff=cutoff, threads=threads)
    # returned/withdrawn, apologies and fell_due are not inputs of this form
    drop = [c for c in ("returned_withdrawn", "apologies", "fell_due") if c in table.columns]
    table = table.drop(columns=drop)
    if by is None:
        table.index = pd.Index(["all"], name="unit")
    return table


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
