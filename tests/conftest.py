"""Shared fixtures: the demo client written once per session, and its loaded Audit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from salesaudit.inputs import demo
from salesaudit.inputs.audit import Audit, open_audit

from .helpers import run_cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A freshly generated demo client folder."""
    d = tmp_path_factory.mktemp("demo")
    demo.write_demo(d)
    return d


@pytest.fixture(scope="session")
def demo_audit(demo_dir: Path) -> Audit:
    """The demo client loaded."""
    return open_audit(demo_dir / "client.yaml")


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`salesaudit demo` run once into a temp folder; returns out/demo."""
    out = tmp_path_factory.mktemp("out")
    done = run_cli("demo", "--out", str(out))
    assert done.returncode == 0, done.stderr
    return out / "demo"


@pytest.fixture(scope="session")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with hostile client strings, in Russian; returns the output folder."""
    src = tmp_path_factory.mktemp("hostile")
    demo.write_demo(src)
    yaml = (src / "client.yaml").read_text("utf-8")
    yaml = yaml.replace("client: Northwind Pumps & Valves", 'client: "<script>alert(1)</script>"')
    (src / "client.yaml").write_text(yaml, "utf-8")
    for name in ("team.csv", "deals.csv", "payments.csv", "plan.csv", "activities.csv"):
        p = src / "data" / name
        p.write_text(
            p.read_text("utf-8").replace("Olga Smirnova", "<img src=x onerror=alert(2)>"), "utf-8"
        )
    p = src / "data" / "payments.csv"
    p.write_text(p.read_text("utf-8").replace("C-1069", "=cmd|' /C calc'!A0"), "utf-8")
    out = tmp_path_factory.mktemp("hostile-out") / "report"
    done = run_cli("run", str(src / "client.yaml"), "--out", str(out), "--lang", "ru")
    assert done.returncode == 0, done.stderr
    shutil.copy(src / "client.yaml", out.parent / "client.yaml")
    return out
