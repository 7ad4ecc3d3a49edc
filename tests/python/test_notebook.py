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
