"""The package installs from its wheel and renders the demo from outside the checkout."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = [
    "salesaudit/notebooks/00_intake.ipynb",
    "salesaudit/notebooks/99_summary.ipynb",
    "salesaudit/notebooks/simulator.ipynb",
    "salesaudit/notebooks/team_simulator.ipynb",
    "salesaudit/templates/salesaudit/conf.json",
    "salesaudit/templates/salesaudit/index.html.j2",
    "salesaudit/templates/salesaudit/report.css",
    "salesaudit/inputs/presets/bitrix24.yaml",
    "salesaudit/inputs/catalogue/technologies.yaml",
    "salesaudit/report/schema/findings.schema.json",
]


def _run(cmd: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    """Run a command; fail the test with its output when it fails."""
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kw)  # type: ignore[call-overload]
    assert done.returncode == 0, f"{cmd}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from a copy of the sources (the checkout is left untouched)."""
    src = tmp_path_factory.mktemp("src")
    shutil.copytree(
        ROOT / "salesaudit", src / "salesaudit", ignore=shutil.ignore_patterns("__pycache__")
    )
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    dist = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(src)])
    (whl,) = dist.glob("salesaudit-*.whl")
    return whl


@pytest.mark.slow
def test_the_wheel_ships_notebooks_templates_presets_catalogue_and_schema(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [n for n in SHIPPED if n not in names]
    assert not missing, missing
    assert len([n for n in names if n.startswith("salesaudit/notebooks/")]) == 11


@pytest.mark.slow
def test_the_installed_wheel_renders_the_demo_outside_the_checkout(
    wheel: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
    # The dependencies come from this environment's site-packages (a path in a .pth: the
    # editable install's own .pth there is not processed, so the checkout stays out of reach).
    deps = sysconfig.get_paths()["purelib"]
    Path(purelib.stdout.strip(), "_deps.pth").write_text(deps + "\n", "utf-8")
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "-q",
            str(wheel),
        ]
    )
    cwd = tmp_path / "elsewhere"
    cwd.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    # nbconvert's base templates live in the share/jupyter of the prefix it was installed to
    env["JUPYTER_PATH"] = str(Path(sys.prefix) / "share" / "jupyter")
    where = _run(
        [str(python), "-c", "import salesaudit; print(salesaudit.__file__)"], cwd=cwd, env=env
    )
    assert Path(where.stdout.strip()).is_relative_to(venv)
    checkout = str(ROOT / "salesaudit")
    code = (
        "import os, sys; sys.exit(any(os.path.realpath(os.path.join(p or '.', 'salesaudit'))"
        f" == {checkout!r} for p in sys.path) or 'editable' in repr(sys.meta_path))"
    )
    _run([str(python), "-c", code], cwd=cwd, env=env)
    out = tmp_path / "out"
    _run([str(venv / "bin" / "salesaudit"), "demo", "--out", str(out)], cwd=cwd, env=env)
    html = (out / "demo" / "report.html").read_text("utf-8")
    assert len(html) > 500_000 and "Northwind Pumps" in html
    assert len(list((out / "demo" / "notebooks").glob("*.ipynb"))) == 9
    doc = json.loads((out / "demo" / "findings.json").read_text("utf-8"))
    assert doc["client"] == "Northwind Pumps & Valves"
