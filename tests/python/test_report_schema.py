"""The published JSON Schema (docs/report.schema.json) accepts the bundled example and rejects broken
reports the C++ loader also rejects (the schema cannot see duplicate keys or decimal-vs-float text, so
only structurally broken files are compared)."""
import json
import os
import pathlib

import jsonschema
import pytest

ROOT = pathlib.Path(os.environ.get("CCHC_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))


def validator():
    cls = jsonschema.validators.validator_for(SCHEMA)
    cls.check_schema(SCHEMA)
    return cls(SCHEMA)


def test_schema_is_a_valid_draft_2020_12_schema():
    assert SCHEMA["$schema"].endswith("2020-12/schema")
    validator()


def test_example_report_matches_the_schema():
    example = json.loads((ROOT / "examples" / "tran-de-2023" / "report.json").read_text(encoding="utf-8"))
    errors = sorted(validator().iter_errors(example), key=lambda e: list(e.path))
    assert errors == [], "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


@pytest.mark.parametrize("mutation", [
    ("wrong format tag", lambda r: r.update(format="something.else")),
    ("count as a string", lambda r: r.__setitem__("version", "1")),
    ("unknown top-level field", lambda r: r.__setitem__("extra_field", 1)),
])
def test_schema_rejects_broken_reports(mutation):
    _, mutate = mutation
    report = json.loads((ROOT / "examples" / "tran-de-2023" / "report.json").read_text(encoding="utf-8"))
    mutate(report)
    assert list(validator().iter_errors(report)), "the schema accepted a broken report"
