"""Shared fixtures: where the source and build trees are (set by CTest, see CMakeLists.txt)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SOURCE_DIR = Path(os.environ.get("CCHC_SOURCE_DIR", Path(__file__).resolve().parents[2]))
BUILD_DIR = Path(os.environ["CCHC_BUILD_DIR"]) if "CCHC_BUILD_DIR" in os.environ else None


def has_area(area: str) -> bool:
    import cchc._core

    return area in cchc._core._areas


def needs(area: str):
    """Skip a test module whose C++ area is not in this build (it lands on another branch)."""
    return pytest.mark.skipif(not has_area(area), reason=f"area '{area}' not built into cchc._core")


@pytest.fixture
def source_dir() -> Path:
    return SOURCE_DIR
