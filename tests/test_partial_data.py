"""Clients with only part of the data: the audit runs, and what it cannot say it says why."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from salesaudit.report import findings

from .conftest import ROOT
from .helpers import run_cli

DEMO = ROOT / "data" / "demo"


def _client(tmp: Path, name: str, keep: list[str]) -> Path:
    """A copy of the demo client keeping only some tables."""
    text = (DEMO / "client.yaml").read_text("utf-8")
    head, rest = text.split("\ndata:\n", 1)
    data, tail = rest.split("\nfunnel:", 1)
    blocks = re.split(r"\n(?=  [a-z_]+:\n)", data)
    kept = [b for b in blocks if b.strip().split(":", 1)[0] in keep]
    (tmp / "data").mkdir(parents=True)
    for b in kept:
        csv = re.search(r"path: (data/\S+)", b)
        assert csv is not None
        shutil.copy(DEMO / csv.group(1), tmp / csv.group(1))
    body = (
        head.replace("Northwind Pumps & Valves", name)
        + "\ndata:\n"
        + "\n".join(kept)
        + "\nfunnel:"
        + tail
    )
    (tmp / "client.yaml").write_text(body, "utf-8")
    return tmp / "client.yaml"


@pytest.fixture(scope="module", params=["deals_only", "sales_only"])
def partial(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path]:
    keep = ["deals"] if request.param == "deals_only" else ["sales"]
    client = _client(
        tmp_path_factory.mktemp(request.param), request.param.replace("_", " ").title(), keep
    )
    out = client.parent / "out"
    done = run_cli("run", str(client), "--out", str(out))
    assert done.returncode == 0, done.stderr
    return request.param, out


def test_partial_clients_get_a_full_report_with_reasons(partial: tuple[str, Path]) -> None:
    kind, out = partial
    doc = json.loads((out / "findings.json").read_text("utf-8"))
    jsonschema.validate(doc, findings.schema())
    if kind == "sales_only":
        assert doc["funnel"] is None and doc["reasons"]["funnel"] == "no deals table"
        assert doc["sizing"] is None and "capacity.average_deal" in doc["reasons"]["sizing"]
        assert doc["abcxyz"] is not None and all(v > 0 for v in doc["abcxyz"]["matrix"].values())
    else:
        assert doc["funnel"]["won"] == 235 and doc["sizing"]["current"] == {}
        assert doc["abcxyz"] is not None  # classified on won deals
    html = (out / "report.html").read_text("utf-8")
    text = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    assert "Traceback" not in text and ">nan<" not in text and ">None<" not in text


def test_no_absurd_headcount_without_deal_amounts(partial: tuple[str, Path]) -> None:
    kind, out = partial
    doc = json.loads((out / "findings.json").read_text("utf-8"))
    for line in doc["summary"]["headline"] + [r["text"] for r in doc["summary"]["recommendations"]]:
        assert not re.search(r"\d{5,}", line.replace(",", "")) or "RUB" in line, line
    if kind == "deals_only":
        assert any("headcount is unknown" in h for h in doc["summary"]["headline"])
        assert not any(
            re.search(r"sellers? in batches", r["text"]) for r in doc["summary"]["recommendations"]
        )
