"""In-tree PEP 517 build backend for cchc: drives the project's CMake and writes the wheel itself.

Why in-tree: the machines that build cchc reach no package index, so neither scikit-build-core nor
any other backend from PyPI can be fetched; this file needs only the standard library and CMake.

``pip install .`` (``--no-build-isolation`` when offline) calls :func:`build_wheel`, which

1. configures the source tree with ``-DCCHC_BUILD_PYTHON=ON`` (tests, CLI, benchmarks and install rules
   off, the library static) for the interpreter running pip,
2. builds the ``cchc_python`` target (``--parallel 2`` unless ``CMAKE_BUILD_PARALLEL_LEVEL`` says
   otherwise), which leaves an importable package in ``<build>/python/cchc``,
3. zips that directory with a ``.dist-info`` into a wheel tagged for this interpreter and platform.

Config settings (``pip install . --config-settings build-dir=...``): ``build-dir`` keeps the CMake
build directory (default: a temporary one), ``build-type`` (default ``Release``).
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NAME = "cchc"


def _version() -> str:
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    match = re.search(r"project\(\s*cchc\s+VERSION\s+([0-9.]+)", text)
    if not match:
        raise RuntimeError("cannot find `project(cchc VERSION x.y.z)` in CMakeLists.txt")
    return match.group(1)


def _tag() -> str:
    impl = f"cp{sys.version_info.major}{sys.version_info.minor}"
    abi = impl + getattr(sys, "abiflags", "")
    plat = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return f"{impl}-{abi}-{plat}"


def _metadata() -> str:
    return "\n".join(
        [
            "Metadata-Version: 2.1",
            f"Name: {NAME}",
            f"Version: {_version()}",
            "Summary: Exact, calendar-correct computations for Vietnam's "
            "public-administration-reform reports",
            "License: see LICENSE",
            "Requires-Python: >=3.8",
            "Requires-Dist: numpy",
            "Provides-Extra: pandas",
            "Requires-Dist: pandas; extra == \"pandas\"",
            "Provides-Extra: dask",
            "Requires-Dist: dask; extra == \"dask\"",
            "",
        ]
    )


def _dist_info_name() -> str:
    return f"{NAME}-{_version()}.dist-info"


def _wheel_file() -> str:
    return "\n".join(
        ["Wheel-Version: 1.0", "Generator: cchc_backend", "Root-Is-Purelib: false", f"Tag: {_tag()}", ""]
    )


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    dist_info = Path(metadata_directory) / _dist_info_name()
    dist_info.mkdir(parents=True, exist_ok=True)
    (dist_info / "METADATA").write_text(_metadata(), encoding="utf-8")
    (dist_info / "WHEEL").write_text(_wheel_file(), encoding="utf-8")
    return dist_info.name


def _setting(config_settings, key, default=None):
    if config_settings and key in config_settings:
        return config_settings[key]
    return default


def _run(cmd):
    print("cchc_backend:", " ".join(str(c) for c in cmd), file=sys.stderr, flush=True)
    subprocess.run([str(c) for c in cmd], check=True, stdout=sys.stderr)


def _cmake_build(build_dir: Path, build_type: str) -> Path:
    cmake = shutil.which("cmake")
    if cmake is None:
        raise RuntimeError("cmake is required to build cchc (Debian: apt-get install cmake)")
    _run(
        [
            cmake, "-S", ROOT, "-B", build_dir,
            f"-DCMAKE_BUILD_TYPE={build_type}",
            "-DCCHC_BUILD_PYTHON=ON", "-DCCHC_BUILD_TESTS=OFF", "-DCCHC_BUILD_BENCHMARKS=OFF",
            "-DCCHC_BUILD_CLI=OFF", "-DCCHC_INSTALL=OFF", "-DBUILD_SHARED_LIBS=OFF",
            f"-DPython3_EXECUTABLE={sys.executable}",
        ]
    )
    jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", "2")
    _run([cmake, "--build", build_dir, "--target", "cchc_python", "--parallel", jobs])
    package = build_dir / "python" / NAME
    if not any(package.glob("_core*")):
        raise RuntimeError(f"the build did not produce {package}/_core*")
    return package


def _record_line(arcname: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{arcname},sha256={digest},{len(data)}"


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    build_type = _setting(config_settings, "build-type", "Release")
    kept = _setting(config_settings, "build-dir")
    build_dir = Path(kept).resolve() if kept else Path(tempfile.mkdtemp(prefix="cchc-wheel-"))
    try:
        package = _cmake_build(build_dir, build_type)
        wheel_name = f"{NAME}-{_version()}-{_tag()}.whl"
        wheel_path = Path(wheel_directory) / wheel_name
        records = []
        with zipfile.ZipFile(wheel_path, "w", compression=zipfile.ZIP_DEFLATED) as wheel:
            for path in sorted(package.rglob("*")):
                if path.is_dir() or "__pycache__" in path.parts:
                    continue
                arcname = f"{NAME}/{path.relative_to(package).as_posix()}"
                data = path.read_bytes()
                wheel.writestr(arcname, data)
                records.append(_record_line(arcname, data))
            dist_info = _dist_info_name()
            for name, text in (("METADATA", _metadata()), ("WHEEL", _wheel_file())):
                data = text.encode("utf-8")
                wheel.writestr(f"{dist_info}/{name}", data)
                records.append(_record_line(f"{dist_info}/{name}", data))
            records.append(f"{dist_info}/RECORD,,")
            wheel.writestr(f"{dist_info}/RECORD", "\n".join(records) + "\n")
        return wheel_name
    finally:
        if not kept:
            shutil.rmtree(build_dir, ignore_errors=True)


def build_sdist(sdist_directory, config_settings=None):
    base = f"{NAME}-{_version()}"
    sdist_name = f"{base}.tar.gz"
    try:
        files = subprocess.run(
            ["git", "-C", str(ROOT), "ls-files"], check=True, capture_output=True, text=True
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        files = [
            p.relative_to(ROOT).as_posix()
            for p in ROOT.rglob("*")
            if p.is_file() and not any(part.startswith(("build", ".git")) for part in p.relative_to(ROOT).parts)
        ]
    with tarfile.open(Path(sdist_directory) / sdist_name, "w:gz") as tar:
        for name in files:
            tar.add(ROOT / name, arcname=f"{base}/{name}")
        info = tarfile.TarInfo(f"{base}/PKG-INFO")
        data = _metadata().encode("utf-8")
        info.size = len(data)
        import io

        tar.addfile(info, io.BytesIO(data))
    return sdist_name
