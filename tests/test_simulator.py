"""The trainer's simulator: the update step (timed), the widgets, the workshop command and
the notebook run headless by nbval."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from salesaudit.workshop import simulator as sim

from .funnel_synth import history

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def example(monkeypatch):
    monkeypatch.delenv(sim.ENV_CLIENT, raising=False)
    monkeypatch.setattr(sim, "DEMO_CLIENT", Path("/nonexistent/client.yaml"))
    return sim.initial(None)


@pytest.fixture(scope="module")
def client_file(tmp_path_factory) -> Path:
    """A small client on disk: deals.csv + client.yaml, read through the real loader."""
    d, _ = history(months=14, per_month=40, seed=21)
    folder = tmp_path_factory.mktemp("client")
    out = d.copy()
    for c in ("created_at", "closed_at"):
        out[c] = out[c].dt.strftime("%Y-%m-%d")
    out.to_csv(folder / "deals.csv", index=False)
    (folder / "client.yaml").write_text(
        "client: Sim Test\nlanguage: ru\nas_of: 2026-09-30\n"
        "data:\n  deals: {path: deals.csv}\n"
        "targets: {revenue_per_month: 3000000}\n",
        encoding="utf-8",
    )
    return folder / "client.yaml"


def test_update_is_under_200_ms(example) -> None:
    state, model = example
    sim.update(model, state)  # warm up imports and templates
    times = []
    for k in range(6):
        s = replace(
            state, new_deals=state.new_deals + 10 * k, mode="reverse" if k % 2 else "forward"
        )
        t0 = time.perf_counter()
        out = sim.update(model, s)
        times.append(time.perf_counter() - t0)
        assert out.p_target is not None and 0 <= out.p_target <= 1
        assert len(out.funnel_fig.data) >= 2 and len(out.fan_fig.data) >= 3
    times.sort()
    assert times[len(times) // 2] < 0.2, times


def test_levers_move_the_forecast(example) -> None:
    state, model = example
    base = sim.update(model, state)
    more = sim.update(model, replace(state, new_deals=state.new_deals * 1.5))
    assert more.result.total_mean > base.result.total_mean
    # too few closers: deals beyond their meetings are lost
    few = sim.update(model, replace(state, closers=1, meetings_per_closer=20))
    assert few.new_deals_effective < state.new_deals
    assert few.result.total_mean < base.result.total_mean
    better = list(state.conversions)
    better[-1] = min(1.0, better[-1] * 1.2)
    assert (
        sim.update(model, replace(state, conversions=better)).result.total_mean
        > base.result.total_mean
    )


def test_reverse_mode_needs_per_stage(example) -> None:
    state, model = example
    out = sim.update(model, replace(state, mode="reverse", target=3_000_000))
    contracts = 3_000_000 / state.average_deal
    assert out.reverse[-1]["needed"] == pytest.approx(contracts)
    meetings = out.reverse[1]["needed"]
    assert out.closers_needed == math.ceil(meetings / state.meetings_per_closer)
    assert len(out.funnel_fig.data) == 3 and out.reverse_summary


def test_widgets_drive_updates(example) -> None:
    state, model = example
    app = sim.Simulator(state, model)
    first = app.last
    app.sliders["new_deals"].value = state.new_deals * 2
    assert app.last is not first and app.state.new_deals == state.new_deals * 2
    app.sliders["mode"].value = "reverse"
    assert "closers" in app.summary.value.lower()
    assert app.widget is not None


def test_starts_from_the_client_funnel(client_file: Path) -> None:
    state, model = sim.initial(str(client_file))
    assert state.lang == "ru" and state.target == 3_000_000
    assert state.stages == model.stages and len(state.conversions) == 5
    assert 25 < state.new_deals < 55
    out = sim.update(model, state)
    assert "P(цель)" in out.summary


def test_workshop_command(client_file: Path) -> None:
    cmd = sim.workshop_command(str(client_file), lab=False)
    assert cmd[:3] == [sys.executable, "-m", "voila"] and cmd[3].endswith("simulator.ipynb")
    assert sim.workshop_command(None, lab=True)[:3] == [sys.executable, "-m", "jupyterlab"]
    env = sim.workshop_env(str(client_file))
    assert env[sim.ENV_CLIENT] == str(client_file.resolve())
    with pytest.raises(FileNotFoundError):
        sim.workshop_env("/nonexistent/client.yaml")


def test_notebook_runs_headless_under_nbval(client_file: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), sim.ENV_CLIENT: str(client_file)}
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--nbval-lax",
            "-q",
            "-p",
            "no:cacheprovider",
            str(ROOT / "notebooks" / "simulator.ipynb"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    assert "passed" in r.stdout


def test_starts_from_the_reports_forecast(demo_dir: Path) -> None:
    """Same client, same seed: the simulator's first forecast is the report's, and its target."""
    from salesaudit.inputs.audit import open_audit
    from salesaudit.steps.funnel.analysis import analyse

    client = demo_dir / "client.yaml"
    fa = analyse(open_audit(client))
    state, model = sim.initial(str(client))
    out = sim.update(model, state)
    assert fa.forecast is not None
    assert out.result.total_q[1] == fa.forecast.total_q[1]
    assert list(out.result.monthly_q[1]) == list(fa.forecast.monthly_q[1])
    assert state.target == fa.target and out.new_deals_effective == state.new_deals


def test_labels_and_numbers_in_the_session_language(client_file: Path) -> None:
    state, model = sim.initial(str(client_file))
    app = sim.Simulator(state, model)
    assert "Симулятор воронки" in app.widget.children[0].value
    shown = app.values["average_deal"].value
    assert "," in shown and "тыс." in shown and "RUB" in shown  # 174,2 тыс. RUB
    assert all(not s.description for k, s in app.sliders.items())  # labels live in the rows


def test_lab_opens_a_working_copy_as_root(client_file: Path, monkeypatch) -> None:
    folder = sim.working_copy(str(client_file))
    assert folder == client_file.parent / "notebooks"
    copy = folder / "simulator.ipynb"
    assert copy.is_file() and str(client_file.resolve()) in copy.read_text("utf-8")
    copy.write_text(copy.read_text("utf-8") + " ", "utf-8")
    sim.working_copy(str(client_file))  # kept, never overwritten
    assert copy.read_text("utf-8").endswith(" ")
    monkeypatch.setattr(sim.os, "geteuid", lambda: 0)
    cmd = sim.workshop_command(str(client_file), lab=True, folder=folder)
    assert "--allow-root" in cmd and cmd[-1] == str(copy)
    assert str(sim.PACKAGE) not in " ".join(cmd[3:])


def test_voila_template_loads_nothing_from_a_network() -> None:
    cmd = sim.workshop_command(None, lab=False)
    assert f"--template={sim.VOILA_TEMPLATE}" in cmd
    env = sim.workshop_env(None)
    assert env["JUPYTER_PATH"].split(os.pathsep)[0] == str(sim.JUPYTER_DATA)
    tpl = sim.JUPYTER_DATA / "voila" / "templates" / sim.VOILA_TEMPLATE / "index.html.j2"
    assert tpl.is_file()


@pytest.mark.slow
def test_voila_page_fetches_nothing_from_a_network(client_file: Path) -> None:
    """The served page (Voilà with the package's template) names no http(s) resource to load."""
    import re
    import socket
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [*sim.workshop_command(str(client_file)), "--no-browser", f"--port={port}"]
    proc = subprocess.Popen(
        cmd,
        env=sim.workshop_env(str(client_file)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        page = ""
        for _ in range(90):
            time.sleep(1)
            try:
                page = (
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=120).read().decode()
                )
                break
            except OSError:
                continue
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert "jp-Notebook" in page
    fetched = re.findall(r"""(?:src=|href=|import\()["'](https?://[^"']+)""", page)
    assert not fetched, fetched
