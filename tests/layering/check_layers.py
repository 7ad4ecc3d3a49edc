#!/usr/bin/env python3
"""The layering rules of docs/architecture.md, checked: a file may include only headers of its own
layer or of a layer below it. Layers, bottom up:

  base      cchc/error.hpp (the exception hierarchy everything throws)
  internal  src/internal/   the shared text/IO layer (CSV, JSON, UTF-8, civil dates); not public
  core      decimal, rounding, rate, number formats, findings
  expression  a unit's figures and the exact expression language over them
  calendar  lunar, work calendar, schedule files, periods
  deadline  processing time, receipt rules, due dates
  dossier   dossiers, outcomes, the flow table, dossier logs, columnar classification
  report    the report model and its documents
  validate, indicator   siblings computed from a report (neither includes the other)
  scorecard scorecards as data: leaf rules, scoring, grades, ranks
  apps/, bindings/      the CLI and the Python module: public headers only (no src/ headers)

A public header missing from PUBLIC below fails the check, so the table cannot silently go stale.
Usage: check_layers.py SOURCE_DIR   (exit 0 = clean; 1 = violations, each printed as file:line)
"""
import pathlib
import re
import sys

RANK = {"base": 0, "internal": 1, "core": 2, "expression": 3, "calendar": 4, "deadline": 5, "dossier": 6,
        "report": 7, "validate": 8, "indicator": 8, "scorecard": 9, "app": 100}

PUBLIC = {
    "error": "base",
    "finding": "core", "rounding": "core", "number_format": "core", "decimal": "core", "rate": "core",
    "version": "core", "detail/number_style": "core", "civil_time": "core", "detail/export": "base",
    "figures": "expression", "expression": "expression", "figures_table": "expression", "roll_up": "expression", "units": "expression",
    "lunar": "calendar", "calendar": "calendar", "schedule_file": "calendar", "vietnam_calendar": "calendar",
    "period": "calendar", "detail/working_day_index": "calendar",
    "deadline": "deadline", "procedure_catalogue": "deadline", "one_stop_rules": "deadline",
    "flow": "dossier", "dossier": "dossier", "dossier_log": "dossier", "bulk": "dossier", "dossier_batch": "dossier", "flow_figures": "dossier",
    "document_ref": "report", "report": "report", "report_figures": "report",
    "validate": "validate", "flow_table_check": "validate",
    "indicator": "indicator", "indicator_catalogue": "indicator",
    "scorecard": "scorecard", "scorecard_file": "scorecard", "ranking": "scorecard",
    "cchc": "app",  # the umbrella header includes everything; only apps and users include it
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def layer_of_include(target):
    """The layer of an included path, or None when it is not cchc's (a system or third-party header)."""
    if target.startswith("cchc/"):
        name = target[len("cchc/"):].removesuffix(".hpp")
        return PUBLIC.get(name, "?" + name)
    first = target.split("/", 1)[0]
    if "/" in target and first in RANK:
        return first
    return None


def main():
    root = pathlib.Path(sys.argv[1])
    problems = []

    for header in sorted((root / "include" / "cchc").rglob("*.hpp")):
        name = header.relative_to(root / "include" / "cchc").as_posix().removesuffix(".hpp")
        if name not in PUBLIC:
            problems.append(f"{header}: public header cchc/{name}.hpp has no layer in tests/layering/check_layers.py")

    files = []
    for header in (root / "include" / "cchc").rglob("*.hpp"):
        name = header.relative_to(root / "include" / "cchc").as_posix().removesuffix(".hpp")
        files.append((header, PUBLIC.get(name)))
    for src in (root / "src").rglob("*"):
        if src.suffix in (".cpp", ".hpp", ".h", ".inc"):
            folder = src.relative_to(root / "src").parts[0]
            if folder not in RANK or folder == "app" or src.parent == root / "src":
                problems.append(f"{src}: not in a layer folder (src/<layer>/, layers: "
                                f"{', '.join(k for k in RANK if k not in ('base', 'app'))})")
                continue
            files.append((src, folder))
    for folder in ("apps", "bindings"):
        for src in (root / folder).rglob("*"):
            if src.suffix in (".cpp", ".hpp", ".h"):
                files.append((src, "app"))

    for path, layer in files:
        if layer is None:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            target = m.group(1)
            to = layer_of_include(target)
            if to is None:
                continue
            where = f"{path}:{number}"
            if to.startswith("?"):
                problems.append(f"{where}: includes cchc/{to[1:]}.hpp, which has no layer")
            elif layer == "app" and not target.startswith("cchc/"):
                problems.append(f"{where}: the CLI and the bindings use public headers only, not \"{target}\"")
            elif to != layer and RANK[to] >= RANK[layer]:
                problems.append(f"{where}: layer '{layer}' includes \"{target}\" of layer '{to}', "
                                f"which is not below it")

    for p in problems:
        print(p)
    print(f"layering: {len(files)} files checked, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
