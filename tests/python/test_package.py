"""The package itself: import, version, exported names, exception hierarchy, date casters."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, strategies as st

import cchc
from cchc import _core


def test_version_comes_from_the_cmake_project():
    # The C++ build's version string, which CMake takes from project(cchc VERSION ...).
    cmake = (Path(__file__).resolve().parents[2] / "CMakeLists.txt").read_text(encoding="utf-8")
    expected = re.search(r"project\(\s*cchc\s+VERSION\s+([0-9.]+)", cmake).group(1)
    assert cchc.__version__ == expected


def test_all_names_exist_and_are_documented():
    for name in cchc.__all__:
        obj = getattr(cchc, name)
        if name.startswith("__") or isinstance(obj, (tuple, dict, list, str)):
            continue
        assert obj.__doc__, f"{name} has no docstring"


def test_stub_file_and_marker_ship_with_the_package():
    here = Path(cchc.__file__).parent
    assert (here / "py.typed").exists()
    assert (here / "_core.pyi").exists()


def test_exception_hierarchy():
    for name in ("ParseError", "RangeError", "ArithmeticOverflowError", "ArgumentError"):
        cls = getattr(cchc, name)
        assert issubclass(cls, cchc.Error) and issubclass(cls, ValueError)
    assert issubclass(cchc.UnknownNameError, KeyError)
    assert issubclass(cchc.FileError, OSError)
    assert not issubclass(cchc.Error, ValueError)


def test_date_caster_uses_civil_days_not_time_zones():
    # 1970-01-01 is day 0 whatever the local time zone; pybind11's chrono caster would shift it.
    assert _core._day_number(datetime.date(1970, 1, 1)) == 0
    assert _core._day_number(datetime.date(2023, 12, 13)) == 19704
    assert _core._from_day_number(19704) == datetime.date(2023, 12, 13)
    assert _core._day_number(np.datetime64("2023-12-13")) == 19704


@given(st.dates())
def test_date_caster_round_trips_every_date(d):
    n = _core._day_number(d)
    assert n == (d - datetime.date(1970, 1, 1)).days
    assert n == np.datetime64(d, "D").astype(np.int64)
    assert _core._from_day_number(n) == d


def test_date_caster_rejects_what_is_not_a_civil_day():
    with pytest.raises(TypeError, match="datetime.datetime"):
        _core._day_number(datetime.datetime(2023, 1, 1, 10, 0))
    with pytest.raises(ValueError, match="whole day"):
        _core._day_number(np.datetime64("2023-01-01T10:00"))
    with pytest.raises(ValueError, match="NaT"):
        _core._day_number(np.datetime64("NaT"))
    with pytest.raises(TypeError):
        _core._day_number("2023-01-01")
    with pytest.raises(ValueError, match="range"):
        _core._from_day_number(10**7)
