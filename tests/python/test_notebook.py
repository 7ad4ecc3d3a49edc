"""examples/notebooks/tran-de-2023.ipynb runs headless (nbclient + ipykernel) without a failing cell."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import SOURCE_DIR, needs

pytestmark = [needs("report"), needs("bulk")]

NOTEBOOK = SOURCE_DIR / "examples" / "notebooks" / "tran-de-2023.ipynb"


def test_notebook_runs(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    build = os.environ.get("CCHC_BUILD_DIR")
    if not build:
        pytest.skip("CCHC_BUILD_DIR not set (run through CTest)")
    log = Path(build) / "examples" / "tran-de-2023" / "dossiers.csv"
    assert log.exists(), f"{log} missing: build the cchc_tran_de_2023_dossiers target"
    monkeypatch.setenv("CCHC_DOSSIERS_CSV", str(log))
    monkeypatch.setenv("CCHC_EXAMPLE_REPORT", str(SOURCE_DIR / "examples" / "tran-de-2023" / "report.json"))
    monkeypatch.setenv("CCHC_NOTEBOOK_OUTPUT", str(tmp_path))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()  # raises CellExecutionError naming the cell if any cell fails
    for name in ("flows_by_level_channel.png", "on_time_by_unit.png", "calendar.png"):
        assert (tmp_path / name).stat().st_size > 0
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors


SEVERAL = SOURCE_DIR / "examples" / "notebooks" / "several-units.ipynb"

# Appended to the notebook by the test only: reports every chart's axes as JSON.
_AXES_PROBE = """
import json as _json
def _axes(fig):
    return [{"title": a.get_title(), "xlabel": a.get_xlabel(), "ylabel": a.get_ylabel(),
             "xticks": [t.get_text() for t in a.get_xticklabels()],
             "yticks": [t.get_text() for t in a.get_yticklabels()],
             "bars": len(a.patches), "legend": [t.get_text() for t in a.get_legend().get_texts()] if a.get_legend() else []}
            for a in fig.axes]
print(_json.dumps({"rank": _axes(fig_rank), "groups": _axes(fig_groups), "same": fig_rank is fig_groups,
                   "order": [str(u) for u in ranking.index], "ranks": [None if r is pd.NA else int(r) for r in ranking["rank"]],
                   "names": {str(u): str(figures.loc[u, "name"]) for u in figures.index},
                   "groups_ids": [str(g) for g in stack.columns]}))
"""


@needs("scorecard")
def test_several_units_notebook_runs_from_a_fresh_clone_and_draws_each_chart_once():
    import json

    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("matplotlib")
    nb = nbformat.read(SEVERAL, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(_AXES_PROBE))
    # No environment variable: the notebook finds its data next to itself (the kernel's cwd).
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(SEVERAL.parent)}}
    )
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    probe = json.loads("".join(o["text"] for o in nb.cells[-1].outputs if o.output_type == "stream"))
    assert probe["same"] is False
    (rank_axes,) = probe["rank"]  # exactly one axes per figure: nothing drawn over another chart
    (group_axes,) = probe["groups"]
    # The synthetic table has six communes; An Bình and Gia Lộc have equal figures and must tie.
    names = probe["names"]
    assert len(names) == 6
    assert rank_axes["title"] == "Ranking by share of the maximum (synthetic data)"
    assert rank_axes["xlabel"] == "Points, % of the maximum scored"
    assert rank_axes["ylabel"] == "Commune (rank)"
    assert rank_axes["bars"] == 6
    expected = [f"{r}. {names[u]}" for u, r in zip(probe["order"], probe["ranks"])]
    assert rank_axes["yticks"] == expected[::-1]  # best at the top
    ranks = dict(zip(probe["order"], probe["ranks"]))
    assert ranks["TX.01"] == ranks["TX.06"]
    assert sorted(probe["ranks"]) == probe["ranks"] and probe["ranks"][0] == 1
    assert group_axes["title"] == "Points by group (synthetic data)"
    assert group_axes["xlabel"] == "Commune" and group_axes["ylabel"] == "Points"
    assert group_axes["xticks"] == [names[u] for u in probe["order"]]
    assert group_axes["bars"] == 6 * len(probe["groups_ids"])
    assert group_axes["legend"] == probe["groups_ids"] == ["transparency", "timeliness", "online-payment"]
