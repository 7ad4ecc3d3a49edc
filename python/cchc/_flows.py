"""Checking a published flow table (Biểu 06 rows) from pandas: ``cchc.check_flows``.

The reading of cells, the identities and the reproduction of printed figures are the C++ library's
(``cchc/flow_table_check.hpp``); this module turns a DataFrame into text cells and the results into
DataFrames.
"""

from __future__ import annotations

import dataclasses
import decimal
import os
from typing import Any, Optional

from . import _core
from ._scorecard import _cell

#: The printed percentages a table may carry, each in a column of this name.
PRINTED_SHARES = ("on_time_rate", "online_share", "late_share")
_LABELS = ("unit", "row")


@dataclasses.dataclass(frozen=True)
class FlowTableCheck:
    """What :func:`check_flows` found.

    Attributes
    ----------
    figures : pandas.DataFrame
        One row per printed figure: ``row`` (the label), ``column`` (on_time_rate, online_share,
        late_share), ``printed`` (Decimal, percent units), ``printed_text``, ``reproduced`` (bool),
        ``modes`` (the rounding names that reproduce it), ``matches`` (every ``(basis, scale,
        rounding)``), ``bases`` (``{basis: Rate}``, exact).
    findings : pandas.DataFrame
        One row per finding (identity gaps ``flow.*``, ``flow_table.not_reproduced``,
        ``flow_table.not_computable``, ``flow_table.mixed_rounding``): the columns of
        :meth:`Findings.to_frame`.
    flows : pandas.DataFrame
        The counts as read, one row per table row (index: the label), nullable ``Int64``.
    finding_list : list of Finding
    """

    figures: Any
    findings: Any
    flows: Any
    finding_list: list

    @property
    def ok(self) -> bool:
        """True when no finding has error severity (what ``cchc flows`` exits 0 for)."""
        return not any(f.severity == "error" for f in self.finding_list)


def _text(value: Any, column: str, label: Any) -> str:
    """One DataFrame cell as the text the C++ reader takes; missing → "" (absent, never 0)."""
    v = _cell(value, column, label)  # None, int, or the value (str, Decimal, ...); floats refused
    if v is None:
        return ""
    if isinstance(v, int):
        return str(v)
    if isinstance(v, decimal.Decimal):
        return format(v, "f")
    if isinstance(v, str):
        return v
    raise TypeError(f"column '{column}', row {label!r}: expected an int, a Decimal or a str, got {type(v).__name__}")


def _result(raw: dict) -> FlowTableCheck:
    import pandas as pd

    from ._frames import Findings, flows_frame

    rows = raw["rows"]
    labels = [label for label, _line, _flow in rows]
    figures = pd.DataFrame(
        {
            "row": [labels[f["row"]] for f in raw["figures"]],
            "column": [f["column"] for f in raw["figures"]],
            "printed": [f["printed"] for f in raw["figures"]],
            "printed_text": [f["printed_text"] for f in raw["figures"]],
            "reproduced": [bool(f["matches"]) for f in raw["figures"]],
            "modes": [[r for r in _core.ROUNDINGS if any(m[2] == r for m in f["matches"])] for f in raw["figures"]],
            "matches": [list(f["matches"]) for f in raw["figures"]],
            "bases": [dict(f["bases"]) for f in raw["figures"]],
        },
        columns=["row", "column", "printed", "printed_text", "reproduced", "modes", "matches", "bases"],
    )
    found = Findings(raw["findings"])
    flows = flows_frame([flow for _label, _line, flow in rows], labels, index_name="row")
    return FlowTableCheck(figures=figures, findings=found.to_frame(), flows=flows, finding_list=list(found))


def check_flows(
    data: Any,
    *,
    max_scale: int = 2,
    counts_style: str = "vi",
    percent_style: Optional[str] = None,
    separator: Optional[str] = None,
) -> FlowTableCheck:
    """Check a published flow table: identity gaps per row, what reproduces each printed figure, and
    whether the rows need different roundings.

    Parameters
    ----------
    data : pandas.DataFrame or path
        Rows = table rows. Columns: any of ``DossierFlow.COLUMNS`` (counts: int, Decimal or text such
        as ``"14.083"``; missing = not published, never 0), the printed percentages ``on_time_rate``,
        ``online_share``, ``late_share`` (text such as ``"97,55%"``, ``"97.55"``, ``"78 %"``, or a
        Decimal), and the label: a ``unit`` or ``row`` column, else the index. A float cell is a
        ``TypeError`` unless it is a whole number (read files with ``dtype=str``). A path is read as
        a CSV file, as ``cchc flows`` reads it.
    max_scale : int
        Largest number of decimals tried (a figure printed with fewer is also tried at the larger
        scales: tables drop trailing zeros, "78 %" for 78,0).
    counts_style : str
        How text counts are written: ``"vi"`` (``"14.083"`` and ``"14083"``), ``"plain"``, ``"en"``.
    percent_style : str or None
        How text percentages are written; None = the default reading.
    separator : str or None
        For a path: ``","``, ``";"`` or ``"tab"``; None = detected.

    Returns
    -------
    FlowTableCheck
        ``.figures`` and ``.findings`` (DataFrames), ``.flows``, ``.ok``.

    Raises
    ------
    cchc.ParseError
        A cell that is not a count or a percentage; the message names the column and the row's label
        (the DataFrame's index label, or file, line and column).
    cchc.UnknownNameError
        A column that is neither a flow column, a printed share nor a label.
    """
    if isinstance(data, (str, os.PathLike)):
        return _result(_core._check_flow_file(os.fspath(data), separator or "", max_scale, counts_style, percent_style))
    if not hasattr(data, "columns") or not hasattr(data, "index"):
        raise TypeError(f"check_flows: expected a pandas DataFrame or a path, got {type(data).__name__}")
    label_columns = [c for c in _LABELS if c in data.columns]
    if len(label_columns) > 1:
        raise ValueError("check_flows: two label columns ('unit' and 'row'); keep one")
    label_column = label_columns[0] if label_columns else None
    columns = [str(c) for c in data.columns if c != label_column]
    rows = []
    for index_label, record in zip(data.index, data.itertuples(index=False, name=None)):
        values = dict(zip(data.columns, record))
        label = values[label_column] if label_column is not None else index_label
        label_text = "" if label is None else str(label)
        where = f"index {index_label!r}"
        cells = [(label_column or "unit", label_text)]
        cells += [(c, _text(values[c], c, index_label)) for c in columns]
        rows.append((where, cells))
    return _result(_core._check_flow_rows(rows, "<DataFrame>", max_scale, counts_style, percent_style))
