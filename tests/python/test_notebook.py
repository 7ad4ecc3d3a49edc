"""examples/notebooks/tran-de-2023.ipynb, executed headless (nbclient + ipykernel) as an analyst runs it.

Both runs lay out a checkout the way a fresh clone looks after a build (the notebook and the seed report
copied into a temporary checkout, whose ``build/`` points at this build's Python package and log
generator) and start the kernel in the notebook's folder, as Jupyter does:

* ``test_notebook_runs_from_a_fresh_clone``: no environment variable at all (no PYTHONPATH, no CCHC_*,
  no MPLBACKEND: the kernel's inline backend, as in Jupyter); the log is not there yet, so the notebook
  must generate it. Every chart cell shows exactly one image.
* ``test_each_chart_has_its_own_axes``: the Agg backend, which keeps every figure open until the end, so
  a chart drawn over the previous chart's axes shows up; after the last cell the test runs one cell of
  its own in the same kernel that describes every open figure (axes, title, labels, tick labels) and
  checks each one against what the chart is meant to show.
"""

from __future__ import annotations

import csv
import filecmp
import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import BUILD_DIR, SOURCE_DIR, needs

pytestmark = [needs("report"), needs("bulk"), needs("flow"), needs("scorecard")]  # report.figures()

NOTEBOOK = SOURCE_DIR / "examples" / "notebooks" / "tran-de-2023.ipynb"
CHARTS = ("flows_by_level_channel.png", "on_time_by_unit.png", "calendar.png")
WEEKDAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]

# Runs in the notebook's kernel after its last cell: every open figure, every axes of it.
DESCRIBE_FIGURES = r"""
import json as _json
import matplotlib.pyplot as _plt

def _axes(a):
    return {"title": a.get_title(), "xlabel": a.get_xlabel(), "ylabel": a.get_ylabel(),
            "xticklabels": [t.get_text() for t in a.get_xticklabels()],
            "yticklabels": [t.get_text() for t in a.get_yticklabels()],
            "bars": len(a.patches), "images": len(a.images)}

_figures = []
for _number in _plt.get_fignums():
    _figure = _plt.figure(_number)
    _figure.canvas.draw()  # tick labels of numeric axes get their text when drawn
    _figures.append([_axes(a) for a in _figure.axes])
print("CCHC-FIGURES " + _json.dumps(_figures))
"""


def build_dir() -> Path:
    if BUILD_DIR is None:
        pytest.skip("CCHC_BUILD_DIR not set (run through CTest)")
    return BUILD_DIR


def fresh_checkout(tmp_path: Path, notebook: Path, with_log: bool) -> Path:
    """A checkout as a clone looks after `cmake -B build && cmake --build build`; returns the notebook folder."""
    build = build_dir()
    root = tmp_path / "checkout"
    (root / "examples" / "notebooks").mkdir(parents=True)
    (root / "examples" / "tran-de-2023").mkdir(parents=True)
    shutil.copy(notebook, root / "examples" / "notebooks" / "tran-de-2023.ipynb")
    shutil.copy(SOURCE_DIR / "examples" / "tran-de-2023" / "report.json", root / "examples" / "tran-de-2023")
    (root / "build" / "examples" / "tran-de-2023").mkdir(parents=True)
    (root / "build" / "python").symlink_to(build / "python", target_is_directory=True)
    generator = build / "examples" / "cchc_generate_dossier_log"
    assert generator.is_file(), f"{generator} missing: build the cchc_generate_dossier_log target"
    (root / "build" / "examples" / "cchc_generate_dossier_log").symlink_to(generator)
    if with_log:
        (root / "build" / "examples" / "tran-de-2023" / "dossiers.csv").symlink_to(built_log())
    return root / "examples" / "notebooks"


def built_log() -> Path:
    log = build_dir() / "examples" / "tran-de-2023" / "dossiers.csv"
    assert log.is_file(), f"{log} missing: build the cchc_tran_de_2023_dossiers target"
    return log


def execute(folder: Path, extra_cell: str = ""):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(folder / "tran-de-2023.ipynb", as_version=4)
    if extra_cell:
        nb.cells.append(nbformat.v4.new_code_cell(extra_cell))
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(folder)}})
    client.execute()  # raises CellExecutionError naming the cell if any cell fails
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    return nb


def test_notebook_runs_from_a_fresh_clone(tmp_path, monkeypatch):
    for name in [n for n in os.environ if n.startswith("CCHC_")] + ["PYTHONPATH", "MPLBACKEND"]:
        monkeypatch.delenv(name, raising=False)
    folder = fresh_checkout(tmp_path, NOTEBOOK, with_log=False)
    nb = execute(folder)
    build = folder.parents[1] / "build"
    # the notebook generated the log, byte for byte the build's (same generator, same default seed)
    generated = build / "examples" / "tran-de-2023" / "dossiers.csv"
    assert filecmp.cmp(generated, built_log(), shallow=False)
    for name in CHARTS:
        assert (build / "examples" / "notebooks" / name).stat().st_size > 0
    # each chart cell shows its chart, once (the inline backend displays a figure at the end of its cell)
    chart_cells = [c for c in nb.cells if c.cell_type == "code" and "savefig" in c.source]
    assert len(chart_cells) == len(CHARTS)
    for cell in chart_cells:
        images = [o for o in cell.outputs if "image/png" in o.get("data", {})]
        assert len(images) == 1, cell.source.splitlines()[0]


def test_each_chart_has_its_own_axes(tmp_path, monkeypatch):
    python = build_dir() / "python"
    for name in [n for n in os.environ if n.startswith("CCHC_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("MPLBACKEND", "Agg")  # figures stay open: an overlaid chart stays visible
    monkeypatch.setenv("PYTHONPATH", str(python))
    folder = fresh_checkout(tmp_path, NOTEBOOK, with_log=True)
    nb = execute(folder, DESCRIBE_FIGURES)
    printed = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.output_type == "stream")
    assert printed.startswith("CCHC-FIGURES "), printed
    figures = json.loads(printed[len("CCHC-FIGURES "):])

    with open(built_log(), newline="", encoding="utf-8") as f:
        units = sorted({row["unit"] for row in csv.DictReader(f)})  # read without cchc
    assert len(units) == 12

    assert [len(axes) for axes in figures] == [1, 1, 1], figures  # three figures, one axes each
    flows, on_time, days = (axes[0] for axes in figures)

    assert flows["title"] == "Dossiers received by level and channel, 15/12/2022 – 13/12/2023"
    assert (flows["xlabel"], flows["ylabel"]) == ("level", "dossiers received")
    assert flows["xticklabels"] == ["commune", "district"]
    assert flows["bars"] == 2 * 2  # two levels, online and offline stacked
    assert flows["images"] == 0

    assert on_time["title"] == "On-time rate by unit (resolved basis), %"
    assert (on_time["xlabel"], on_time["ylabel"]) == ("resolved early or on time, % of resolved", "unit")
    assert sorted(on_time["yticklabels"]) == units  # one bar per unit, named by the unit
    assert on_time["bars"] == len(units)
    assert [t for t in on_time["xticklabels"] if t] == ["95", "96", "97", "98", "99", "100"]
    assert on_time["images"] == 0

    assert days["title"] == "Working days (green) and days off (red)"
    assert (days["xlabel"], days["ylabel"]) == ("weekday", "week of the period")
    assert days["xticklabels"] == WEEKDAYS
    assert (days["bars"], days["images"]) == (0, 1)


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
