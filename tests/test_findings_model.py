"""The typed findings model: the shipped JSON Schema is generated from it; it checks documents."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pydantic
import pytest

from salesaudit.report import findings
from salesaudit.report.findings_model import Findings, findings_schema, schema_text

ROOT = Path(__file__).resolve().parent.parent


def test_the_shipped_schema_is_the_generated_one() -> None:
    shipped = resources.files("salesaudit.report").joinpath("schema/findings.schema.json")
    assert shipped.read_text("utf-8") == schema_text(), (
        "regenerate: python -m salesaudit.report.findings_model > "
        "salesaudit/report/schema/findings.schema.json"
    )
    assert json.loads(schema_text()) == findings.schema() == findings_schema()


def test_the_schema_is_self_contained() -> None:
    text = json.dumps(findings_schema())
    assert "$ref" not in text and "$defs" not in text
    for section in ("funnel", "sizing", "abcxyz", "model"):
        assert "anyOf" in findings_schema()["properties"][section]  # nullable


def test_the_demo_findings_pass_the_model_and_the_schema(demo_run: Path) -> None:
    doc = json.loads((demo_run / "findings.json").read_text("utf-8"))
    model = findings.validate(doc)
    assert isinstance(model, Findings)
    assert model.model_dump(by_alias=True, exclude_unset=True) == doc
    jsonschema.validate(doc, findings.schema())
    jsonschema.validate(doc["funnel"], findings.schema()["properties"]["funnel"])


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("funnel", "win_rate"), 1.7),
        (("model", "mode"), "hybrid"),
        (("abcxyz", "matrix", "QQ"), 3),
        (("sizing", "hiring_plan", 0, "month"), "October"),
        (("summary", "recommendations", 0, "impact"), "big"),
    ],
)
def test_the_model_rejects_a_broken_document(
    demo_run: Path, path: tuple[str | int, ...], value: object
) -> None:
    doc = json.loads((demo_run / "findings.json").read_text("utf-8"))
    broken = copy.deepcopy(doc)
    node = broken
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    with pytest.raises(pydantic.ValidationError):
        findings.validate(broken)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, findings.schema())


def test_a_section_may_be_null_with_a_reason(demo_run: Path) -> None:
    doc = json.loads((demo_run / "findings.json").read_text("utf-8"))
    doc["funnel"], doc["sizing"] = None, None
    doc["reasons"] = {"funnel": "no deals", "sizing": "no average deal"}
    findings.validate(doc)


def test_compare_findings_lists_every_changed_path(demo_run: Path, tmp_path: Path) -> None:
    old = demo_run / "findings.json"
    doc = json.loads(old.read_text("utf-8"))
    doc["funnel"]["won"] += 1
    doc["model"]["mistakes"].append("new")
    new = tmp_path / "findings.json"
    new.write_text(json.dumps(doc), "utf-8")
    script = str(ROOT / "benchmarks" / "compare_findings.py")
    same = subprocess.run(
        [sys.executable, script, str(old), str(old)], capture_output=True, text=True
    )
    assert same.returncode == 0 and same.stdout.strip() == "0 changed path(s)"
    done = subprocess.run(
        [sys.executable, script, str(old), str(new)], capture_output=True, text=True
    )
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    won = doc["funnel"]["won"]
    assert f"funnel.won: {won - 1} -> {won}" in lines
    assert any(line.startswith("model.mistakes[") and line.endswith('-> "new"') for line in lines)
    assert lines[-1] == "2 changed path(s)"
