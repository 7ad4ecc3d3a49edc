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
            # The third element names the row for the C++ conversion's errors: index label and unit.
            out.append((str(unit), figs, f"DataFrame row {label!r} (unit '{unit}')"))
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
        values = _core.Expression.evaluate_all(self, [p[1] for p in pairs])
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
    for unit, figs, *_ in pairs:
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


# ── units (cchc.Units) ──────────────────────────────────────────────────────────────────────────────


def units_roll_up(self: "_core.Units", figures, on=None):
    """The parents' figures from their children's (ratios of sums) in this tree on the day ``on``.

    Parameters
    ----------
    figures : DataFrame
        One row per unit (a ``unit`` column or the index), one column per figure; its ``parent``
        column, if any, is ignored: the units file is the tree.
    on : datetime.date, optional
        The day whose tree to use; needed when some row of the file is dated.

    Returns
    -------
    DataFrame
        One row per unit that has children on that day, indexed by unit, with the file's name and
        parent; a figure that some child lacks is absent (None), never 0.
    """
    rows, names = _rows_of_frame(figures)
    return _frame_of_rows(names, self._roll_up(rows, names, on))


def units_check_roll_up(self: "_core.Units", figures, on=None):
    """Findings (rule units.sum) where a parent's published figure differs from its children's sum."""
    from ._frames import Findings

    rows, names = _rows_of_frame(figures)
    return Findings(self._check_roll_up(rows, names, on))


def units_frame(self: "_core.Units", on=None):
    """The rows (all, or those valid on ``on``) as a DataFrame indexed by code."""
    import pandas as pd

    columns = ["code", "name", "level", "parent", "valid_from", "valid_to", "line"]
    return pd.DataFrame(self.rows(on), columns=columns).set_index("code")


# ── ranking (cchc.rank) ─────────────────────────────────────────────────────────────────────────────


def _rank_value(value: Any, label: Any) -> Any:
    import pandas as pd

    if value is None or value is _core.UNDEFINED:
        return value
    if isinstance(value, (tuple, _core.Rate)):
        return value
    if not isinstance(value, (str, bytes)) and pd.isna(value):
        return None
    return _cell(value, "value", label)


def rank(values: Any, ties: str = "competition", higher_is_better: bool = True, bands: Any = None):
    """Rank values exactly (the library's one ranking rule), ties explicit, missing values last.

    Parameters
    ----------
    values : Series, mapping or iterable
        Decimal, int, str, :class:`cchc.Rate` or (numerator, denominator) values; None, NaN, pd.NA are
        missing and cchc.UNDEFINED (a zero denominator) is undefined: neither is ranked.
    ties : {"competition", "dense"}
        Competition ranking (1, 1, 3, the default) or dense (1, 1, 2).
    higher_is_better : bool
        Rank the highest value first (default), else the lowest.
    bands : cchc.Bands or path, optional
        Rank bands as data: adds a ``band`` column (the first band each value reaches).

    Returns
    -------
    DataFrame
        Indexed by the Series' index (the mapping's keys, the positions), best first and missing last:
        ``value`` (as given), ``rank`` (nullable Int64), ``missing`` (True when not ranked), ``reason``
        ("absent", "undefined" or ""), and ``band`` when bands are given.
    """
    import pandas as pd

    if isinstance(values, pd.Series):
        labels, raw = list(values.index), list(values.array)
    elif isinstance(values, Mapping):
        labels, raw = list(values.keys()), list(values.values())
    else:
        raw = list(values)
        labels = list(range(len(raw)))
    clean = [_rank_value(v, label) for v, label in zip(raw, labels)]
    ranks = _core._rank(clean, ties, higher_is_better)
    frame = pd.DataFrame(
        {
            "value": pd.Series(clean, dtype=object),
            "rank": pd.array(ranks, dtype="Int64"),
            "missing": [r is None for r in ranks],
            "reason": ["" if r is not None else ("undefined" if v is _core.UNDEFINED else
                                                  "absent" if v is None else "not a number")
                       for v, r in zip(clean, ranks)],
        }
    )
    frame.index = pd.Index(labels, name=getattr(values, "name", None) if isinstance(values, pd.Series) else None)
    if bands is not None:
        if not isinstance(bands, _core.Bands):
            bands = _core.Bands.load(bands)
        frame["band"] = [bands.band_of(v) if r is not None else None for v, r in zip(clean, ranks)]
    order = sorted(range(len(ranks)), key=lambda i: (ranks[i] is None, ranks[i] if ranks[i] is not None else 0))
    return frame.iloc[order]


# ── explanations (Scorecard.explain) ────────────────────────────────────────────────────────────────


class Explanation:
    """Every point of one unit's score: per leaf the inputs, the rate, the rule, the points and the
    maximum, then the groups, the total, the grade and the rank. ``text`` reads as a report; ``frame``
    is the same as a DataFrame; ``str()`` is the text."""

    def __init__(self, unit: str, frame):
        self.unit = unit
        self.frame = frame

    @property
    def total(self):
        """The total's row (a Series)."""
        return self.frame[self.frame.kind == "total"].iloc[0]

    @property
    def text(self) -> str:
        import pandas as pd

        lines = []
        for r in self.frame.itertuples():
            indent = "  " * int(r.depth)
            points = "—" if r.points is None else str(r.points)
            head = f"{indent}{r.id}: {points} / {r.max_points}"
            if r.kind == "leaf":
                inputs = ", ".join(f"{k} = {v}" for k, v in r.inputs.items())
                rate = "" if r.rate_percent is None else f", rate {r.rate_percent} %"
                head += f" — {r.rule}" + (f" [{inputs}]" if inputs else "") + rate
            if r.status != "scored":
                head += f" ({r.status}{': ' + r.reason if r.reason else ''})"
            elif r.reason:
                head += f" ({r.reason})"
            if r.kind == "total":
                rank = "" if pd.isna(r.rank) else f", rank {r.rank}"
                grade = f", grade {r.grade}" if r.grade else ""
                head = f"{r.unit}: {points} / {r.max_points}{grade}{rank}" + (
                    f" ({r.status}{': ' + r.reason if r.reason else ''})" if r.status != "scored" else "")
            lines.append(head)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"<cchc.Explanation of {self.unit!r}: {len(self.frame)} rows>"

    def _repr_markdown_(self) -> str:
        return "```\n" + self.text + "\n```"


def explain(self: "_core.Scorecard", unit: str, figures: Any = None, *, table: Any = None) -> Explanation:
    """Explain one unit's score.

    Parameters
    ----------
    unit : str
        The unit's code.
    figures : DataFrame, mapping or iterable, optional
        Every unit's figures (as for :meth:`score`: ranks and relative rules need the whole set).
    table : DataFrame, optional
        A table :meth:`score` already returned (instead of ``figures``).
    """
    if (figures is None) == (table is None):
        raise TypeError("explain(unit, figures) or explain(unit, table=scorecard.score(...)): give exactly one")
    if table is None:
        table = score(self, figures)
    rows = table[table.unit == str(unit)]
    if rows.empty:
        known = ", ".join(sorted(set(map(str, table.unit))))
        raise KeyError(f"unknown unit {unit!r}: the scored units are {known}")
    return Explanation(str(unit), rows.reset_index(drop=True))


# ── report sets (cchc.load_reports) ─────────────────────────────────────────────────────────────────


class ReportSet:
    """Several reports side by side (one per unit): ``figures()`` is a DataFrame with one row per
    report and one column per dotted figure name, absent figures NA (never 0); ``check()`` the
    findings of every report, with a ``file`` column; ``missing_sections()`` which sections each
    report leaves empty (rule report.section_missing)."""

    def __init__(self, paths, reports):
        self.paths = [str(p) for p in paths]
        self.reports = list(reports)

    def __len__(self) -> int:
        return len(self.reports)

    def __iter__(self):
        return iter(self.reports)

    def __repr__(self) -> str:
        return f"<cchc.ReportSet of {len(self.reports)} reports>"

    def units(self) -> list:
        """Each report's unit: its issuer, else its name, else its file."""
        return [r.issuer or r.unit_name or p for r, p in zip(self.reports, self.paths)]

    def figures(self):
        """One row per report (index: unit, with the file in a ``file`` column), one column per dotted
        figure name in sorted order; Decimal or Rate values, absent ones pd.NA."""
        import pandas as pd

        per = [report_figures(r) for r in self.reports]
        names = sorted({n for f in per for n in f})
        data = {"file": self.paths}
        for n in names:
            data[n] = pd.array([f.get(n, pd.NA) for f in per], dtype=object)
        return pd.DataFrame(data, index=pd.Index(self.units(), name="unit"))

    def check(self, confirmations: bool = False):
        """Every report's findings as one DataFrame with a leading ``file`` column."""
        import pandas as pd

        frames = []
        for path, r in zip(self.paths, self.reports):
            f = r.check(confirmations=confirmations).to_frame()
            f.insert(0, "file", path)
            frames.append(f)
        if not frames:
            return pd.DataFrame(columns=["file", "id", "severity", "path", "field", "message", "message_vi", "numbers"])
        return pd.concat(frames, ignore_index=True)

    def missing_sections(self):
        """{file: [section, ...]}: the sections each report leaves empty (absent, not zero)."""
        out = {}
        for path, r in zip(self.paths, self.reports):
            out[path] = [f.numbers.get("section") for f in r.check() if f.id == "report.section_missing"]
        return out


def load_reports(paths) -> ReportSet:
    """Load several reports (a list of paths); an unreadable one raises, naming its file."""
    paths = [str(p) for p in paths]
    return ReportSet(paths, [_core.load_report(p) for p in paths])
