"""Notebooks: committed clean and thin; nbval executes them on the demo client and compares check cells."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CHECK = "nbval-check-output"


def test_committed_notebooks_have_no_outputs_and_no_logic() -> None:
    assert len(NOTEBOOKS) >= 9
    for p in NOTEBOOKS:
        nb = nbformat.read(p, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert all(not c.outputs and c.execution_count is None for c in code), (
            f"{p.name} has outputs"
        )
        assert not any(re.search(r"^\s*(def|class|for|while)\s", c.source, re.M) for c in code), (
            p.name
        )
        params = [c for c in code if "parameters" in c.metadata.get("tags", [])]
        assert len(params) == 1 and code[0] is params[0], (
            f"{p.name}: first code cell must be the parameters"
        )
        assert nb.metadata["kernelspec"]["name"] == "salesaudit"


def test_every_audit_notebook_speaks_both_languages() -> None:
    for p in NOTEBOOKS:
        if p.stem.endswith("simulator"):  # the workshop's panels: widgets, no report text
            continue
        tags = [t for c in nbformat.read(p, as_version=4).cells for t in c.metadata.get("tags", [])]
        assert tags.count("lang-en") == tags.count("lang-ru") > 0, p.name


def test_nbval_runs_the_notebooks_and_checks_their_outputs(tmp_path: Path) -> None:
    expected = json.loads((ROOT / "tests" / "data" / "nbval_expected.json").read_text("utf-8"))
    client = ROOT / "data" / "demo" / "client.yaml"
    checked = 0
    for p in NOTEBOOKS:
        nb = nbformat.read(p, as_version=4)
        params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
        params.source = re.sub(
            r'client_file: str = "[^"]*"', f'client_file: str = "{client}"', params.source
        )
        k = 0
        for c in nb.cells:
            if CHECK in c.metadata.get("tags", []):
                c.outputs = [
                    nbformat.v4.new_output("stream", name="stdout", text=expected[f"{p.stem}#{k}"])
                ]
                c.execution_count = 1
                k += 1
                checked += 1
        nbformat.write(nb, tmp_path / p.name)
    assert checked >= 5
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--nbval",
            "-q",
            "-p",
            "no:cacheprovider",
            "--nbval-cell-timeout=120",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=480,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    assert re.search(r"\d+ passed", done.stdout) and "failed" not in done.stdout.splitlines()[-1]
