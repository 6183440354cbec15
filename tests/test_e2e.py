"""End to end: `salesaudit demo` and `run` through the CLI, outputs checked; failures leave the old report."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jsonschema
import nbformat
import pydantic
import pytest
from openpyxl import load_workbook

from salesaudit.report import findings, runner

from .helpers import run_cli


def test_demo_writes_every_output(demo_run: Path) -> None:
    for name in ("report.html", "findings.json", "tables.xlsx", "run.log"):
        assert (demo_run / name).is_file(), name
    nbs = sorted(p.stem for p in (demo_run / "notebooks").glob("*.ipynb"))
    assert nbs == sorted(runner.ORDER)
    assert (demo_run / "report.html").stat().st_size < 6 * 1024 * 1024
    log = (demo_run / "run.log").read_text("utf-8")
    assert "05_funnel" in log and "total" in log


def test_findings_match_the_schema_and_the_story(demo_run: Path) -> None:
    doc = json.loads((demo_run / "findings.json").read_text("utf-8"))
    jsonschema.validate(doc, findings.schema())
    assert doc["client"] == "Northwind Pumps & Valves" and doc["as_of"] == "2026-09-30"
    assert (
        doc["model"]["mode"] == "passive" and doc["structure"]["recommended"] == "regional_matrix"
    )
    st = {s["key"]: s for s in doc["funnel"]["stages"]}
    assert min(list(st.values())[:-1], key=lambda s: s["conversion_to_next"])["key"] == "offer"
    assert (
        doc["funnel"]["won"] + doc["funnel"]["lost"] + doc["funnel"]["open"]
        == st["target_list"]["reached"]
    )
    assert all(v > 0 for v in doc["abcxyz"]["matrix"].values())
    assert doc["summary"]["recommendations"][0]["impact"] > 0


def test_schema_rejects_a_broken_document(demo_run: Path) -> None:
    doc = json.loads((demo_run / "findings.json").read_text("utf-8"))
    doc["funnel"]["win_rate"] = 1.7
    with pytest.raises(pydantic.ValidationError):
        findings.validate(doc)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, findings.schema())


def test_tables_xlsx_has_the_key_sheets(demo_run: Path) -> None:
    wb = load_workbook(demo_run / "tables.xlsx")
    sheets = {
        "README",
        "Data quality",
        "Assumptions",
        "Funnel",
        "ABC-XYZ clients",
        "ABC-XYZ migration",
        "Hiring plan",
        "Plan vs fact",
        "Rejected rows",
        "Forecast",
        "Sensitivity",
    }
    assert sheets <= set(wb.sheetnames)
    ws = wb["Funnel"]
    assert [c.value for c in ws[1]][:2] == ["Stage", "Deals reached"]
    assert ws["A2"].value == "Target list" and ws["B2"].value == 2945


def test_executed_notebooks_show_no_errors(demo_run: Path) -> None:
    for p in (demo_run / "notebooks").glob("*.ipynb"):
        nb = nbformat.read(p, as_version=4)
        errors = [
            o
            for c in nb.cells
            if c.cell_type == "code"
            for o in c.outputs
            if o.output_type == "error"
        ]
        assert errors == [], p.name


def test_same_inputs_same_findings(demo_run: Path, tmp_path: Path) -> None:
    done = run_cli(
        "run",
        str(demo_run.parent / "demo-client" / "client.yaml"),
        "--out",
        str(tmp_path / "again"),
        "--only",
        "intake",
    )
    assert done.returncode == 0, done.stderr
    a = json.loads((demo_run / "findings.json").read_text("utf-8"))
    b = json.loads((tmp_path / "again" / "findings.json").read_text("utf-8"))
    assert a == b


def test_failed_run_keeps_the_previous_report(demo_run: Path, tmp_path: Path) -> None:
    out = tmp_path / "client"
    client = demo_run.parent / "demo-client" / "client.yaml"
    runner.run(client, out, only=["intake"], progress=lambda _: None)
    before = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in out.iterdir() if p.is_file()
    }
    bad = tmp_path / "50_broken.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_code_cell(
            'client_file = ""\nlanguage = ""', metadata={"tags": ["parameters"]}
        ),
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_code_cell("raise ValueError('broken step')"),
    ]
    nbformat.write(nb, bad)
    with pytest.raises(runner.RunFailed) as e:
        runner.run(client, out, only=["intake"], extra_notebooks=[bad], progress=lambda _: None)
    msg = str(e.value)
    assert (
        "50_broken" in msg
        and "cell 3 `raise ValueError('broken step')`" in msg
        and "ValueError: broken step" in msg
    )
    after = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in out.iterdir() if p.is_file()
    }
    assert after == before
    assert not list(out.rglob("*.failed.ipynb")), "nothing is written into the previous report"
    kept = nbformat.read(tmp_path / "client.failed" / "50_broken.failed.ipynb", as_version=4)
    errors = [
        o
        for c in kept.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type == "error"
    ]
    assert [o["ename"] for o in errors] == ["ValueError"]
    assert not list(tmp_path.glob(".client.tmp-*"))


def test_cli_bad_input_exits_2_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "client.yaml").write_text(
        "client: X\ndata:\n  deals: {path: nope.csv}\nfunnnel: {}\n", "utf-8"
    )
    done = run_cli("validate", str(tmp_path / "client.yaml"))
    assert done.returncode == 2
    assert "Did you mean 'funnel'?" in done.stderr and "Traceback" not in done.stderr
    (tmp_path / "client.yaml").write_text("client: X\ndata:\n  deals: {path: nope.csv}\n", "utf-8")
    done = run_cli("run", str(tmp_path / "client.yaml"), "--out", str(tmp_path / "o"))
    assert done.returncode == 2 and "nope.csv" in done.stderr and "file not found" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "o").exists()


def test_validate_prints_the_quality_summary(demo_run: Path) -> None:
    done = run_cli("validate", str(demo_run.parent / "demo-client" / "client.yaml"))
    assert done.returncode == 0
    assert "deals" in done.stdout and "2,945" in done.stdout


def test_new_scaffolds_a_loadable_client(tmp_path: Path) -> None:
    done = run_cli("new", "Acme", "--dir", str(tmp_path))
    assert done.returncode == 0 and (tmp_path / "Acme" / "data").is_dir()
    from salesaudit.inputs import client as config

    cfg = config.load(tmp_path / "Acme" / "client.yaml")
    assert cfg.client == "Acme" and cfg.data.deals is not None
    again = run_cli("new", "Acme", "--dir", str(tmp_path))
    assert again.returncode == 2 and "not overwritten" in again.stderr
    # a path is the folder itself, as docs/presets.md writes it: not clients/clients/acme
    done = run_cli("new", "clients/acme", "--preset", "hubspot", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "clients" / "acme" / "client.yaml").is_file()
    assert not (tmp_path / "clients" / "clients").exists()
    assert config.load(tmp_path / "clients" / "acme" / "client.yaml").client == "acme"


def test_technologies_lists_the_catalogue() -> None:
    done = run_cli("technologies", "--lang", "ru")
    assert (
        done.returncode == 0
        and "operational_reporting" in done.stdout
        and "Оперативная отчётность" in done.stdout
    )


def test_hostile_strings_in_xlsx_are_text(hostile_run: Path) -> None:
    wb = load_workbook(hostile_run / "tables.xlsx")
    ws = wb["Клиенты ABC-XYZ"]  # the hostile run is in Russian
    cells = [
        c
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith("=")
    ]
    assert cells, "the =HYPERLINK client id should be in the sheet"
    assert all(c.data_type == "s" for c in cells)
