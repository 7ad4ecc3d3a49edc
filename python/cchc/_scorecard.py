"""pandas conveniences for expressions and scorecards: figures from DataFrames, scores as DataFrames."""

from __future__ import annotations

import decimal
import numbers
from typing import Any, Iterable, Mapping

from . import _core

#: Columns of Scorecard.score's DataFrame, in order (docs/scorecards.md, "Output").
SCORE_COLUMNS = (
    "unit", "id", "kind", "depth", "status", "points", "max_points", "partial_points", "value",
    "rate_percent", "rule", "reason", "grade", "rank", "inputs",
)


def _cell(value: Any, column: str, label: Any) -> Any:
    """One DataFrame cell as a figure value: missing → None (absent, never 0); float only when integral."""
    import pandas as pd

    if value is None or (not isinstance(value, (str, bytes, tuple)) and pd.isna(value)):
        return None
    if isinstance(value, bool):
        raise TypeError(f"column '{column}', row {label!r}: expected a number, got a bool")
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, float) or (hasattr(value, "dtype") and getattr(value.dtype, "kind", "") == "f"):
        f = float(value)
        if f.is_integer() and abs(f) < 2**53:
            return int(f)  # a count that pandas stored as float64 because the column has gaps: lossless
        raise TypeError(
            f"column '{column}', row {label!r}: {f!r} is a binary floating-point number; "
            "pass exact values as Decimal, int or str (read the file with dtype=str or converters)"
        )
    return value


def figures_of(data: Any) -> list[tuple[str, dict]]:
    """(unit, {figure: value}) pairs from a DataFrame (one row per unit: a 'unit' column or the index;
    one column per figure name), a {unit: {figure: value}} mapping, or an iterable of pairs."""
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        frame = data
        units = frame["unit"] if "unit" in frame.columns else pd.Series(frame.index, index=frame.index)
        frame = frame.drop(columns=[c for c in ("unit", "name", "parent") if c in frame.columns])
        out = []
        for label, row in frame.iterrows():
            unit = units.loc[label]
            if pd.isna(unit):
                raise ValueError(f"row {label!r}: the unit is missing")
            figs = {}
            for column, value in row.items():
                v = _cell(value, str(column), label)
                if v is not None:
                    figs[str(column)] = v
            out.append((str(unit), figs))
        return out
    if isinstance(data, Mapping):
        return [(str(k), report_figures(v) if isinstance(v, _core.Report) else dict(v)) for k, v in data.items()]
    out = []
    for item in data:
        if isinstance(item, _core.Report):  # a report is a unit: its issuer (or name) and its figures
            out.append((item.issuer or item.unit_name, report_figures(item)))
        else:
            unit, figs = item
            out.append((str(unit), report_figures(figs) if isinstance(figs, _core.Report) else dict(figs)))
    return out


def report_figures(report) -> dict:
    """A report's figures under their dotted names (docs/scorecards.md), Decimal or Rate values."""
    return _core._report_figures(report)


def score(self: "_core.Scorecard", figures: Any):
    """Score units; returns a DataFrame with one row per unit and node (the total first, then the tree).

    Parameters
    ----------
    figures : DataFrame, mapping or iterable of (unit, mapping)
        One row per unit: a ``unit`` column (or the index) and one column per figure name. A missing
        cell (NaN, None, pd.NA) is an absent figure, never 0.

    Returns
    -------
    DataFrame
        Columns ``SCORE_COLUMNS``: points, maxima and rates as ``Decimal`` (object columns), ``rank`` as
        nullable ``Int64``, ``inputs`` a dict of the figures each leaf read.
    """
    import pandas as pd

    rows = self._score_rows(figures_of(figures))
    frame = pd.DataFrame(rows, columns=list(SCORE_COLUMNS))
    frame["rank"] = pd.array(list(frame["rank"]), dtype="Int64")
    frame["depth"] = frame["depth"].astype("int64")
    return frame


def evaluate_frame(self: "_core.Expression", units: Any):
    """The expression for every unit of a DataFrame (a Series aligned to its index), or a list."""
    import pandas as pd

    if isinstance(units, pd.DataFrame):
        pairs = figures_of(units.assign(unit=[str(i) for i in units.index]) if "unit" not in units.columns else units)
        values = _core.Expression.evaluate_all(self, [f for _, f in pairs])
        return pd.Series(values, index=units.index, dtype=object, name=self.text)
    return _core.Expression.evaluate_all(self, list(units))


def _frame_of_rows(names, rows):
    import pandas as pd

    frame = pd.DataFrame(
        [{"unit": u, "name": n, "parent": p, **{k: v.get(k) for k in names}} for u, n, p, v in rows],
        columns=["unit", "name", "parent", *names],
    )
    return frame.set_index("unit")


def _rows_of_frame(frame):
    pairs = figures_of(frame)
    import pandas as pd

    if "unit" in frame.columns:
        frame = frame.set_index("unit")
    meta = {str(u): (frame.loc[u].get("name") if "name" in frame.columns else None,
                     frame.loc[u].get("parent") if "parent" in frame.columns else None) for u in frame.index}
    rows = []
    for unit, figs in pairs:
        name, parent = meta[unit]
        rows.append((unit, None if name is None or pd.isna(name) else str(name),
                     None if parent is None or pd.isna(parent) else str(parent), figs))
    names = [c for c in frame.columns if c not in ("name", "parent")]
    return rows, names


def read_figures(path, style: str = "plain"):
    """A figures table (CSV: a 'unit' column, optional 'name' and 'parent', one column per figure) as a
    DataFrame indexed by unit; values are Decimal or Rate, absent cells None (docs/scorecards.md)."""
    names, rows = _core._read_figures(str(path), style)
    return _frame_of_rows(names, rows)


def roll_up(frame):
    """The parents' figures from their children's (ratio of sums), as a DataFrame indexed by unit."""
    rows, names = _rows_of_frame(frame)
    return _frame_of_rows(names, _core._roll_up(rows, names))


def check_roll_up(frame):
    """Findings (rule units.sum) where a parent's published figure differs from its children's sum."""
    from ._frames import Findings

    rows, names = _rows_of_frame(frame)
    return Findings(_core._check_roll_up(rows, names))
