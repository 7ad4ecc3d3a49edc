"""`pip install .` from the source tree, offline, through the in-tree CMake backend.

Slow (it builds the library again): registered as its own CTest test with a long timeout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SOURCE_DIR = Path(os.environ.get("CCHC_SOURCE_DIR", Path(__file__).resolve().parents[2]))


def test_pip_install_offline_builds_an_importable_package():
    work = Path(os.environ.get("CCHC_PIP_WORK_DIR") or tempfile.mkdtemp(prefix="cchc-pip-"))
    venv = work / "venv"
    if venv.exists():
        shutil.rmtree(venv)
    work.mkdir(parents=True, exist_ok=True)
    python = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable
    subprocess.run([python, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    env = dict(os.environ, CMAKE_BUILD_PARALLEL_LEVEL="2", PIP_NO_INDEX="1")
    env.pop("PYTHONPATH", None)  # the venv must find the installed package, not a build tree
    subprocess.run(
        [str(venv / "bin" / "pip"), "install", "--no-build-isolation", "--no-index", "-q", str(SOURCE_DIR)],
        check=True,
        env=env,
        cwd=work,
    )
    code = (
        "import cchc, pathlib, sys;"
        "p = pathlib.Path(cchc.__file__).resolve();"
        "assert 'site-packages' in p.parts, p;"
        "assert (p.parent / 'py.typed').exists();"
        "print(cchc.__version__)"
    )
    out = subprocess.run(
        [str(venv / "bin" / "python"), "-c", code], check=True, env=env, cwd=work, capture_output=True, text=True
    )
    assert out.stdout.strip()
    shutil.rmtree(venv, ignore_errors=True)
