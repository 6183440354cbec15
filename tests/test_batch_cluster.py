"""`salesaudit batch --scheduler` on a real Dask cluster: a `dask scheduler` and two `dask worker`
processes on localhost (random ports), three small clients from the export corpus.

- Each client's findings.json equals a local single-client run's (same client file, same seed).
  findings.json has no run-time keys (no timestamp, no path, no duration), so nothing is dropped:
  the documents are compared whole. Both runs are `--only intake` (ONLY): the runner builds
  findings.json from the validated tables whichever notebooks run, so it is the whole document,
  and one notebook a client keeps the test to about a minute on two cores (all notebooks: ~5 min).
- A worker killed (SIGKILL) while its audit process runs and has written its staging folder: its
  client is re-run, every client finishes exactly once, every output folder is complete and no
  staging folder is left. The kill waits for that audit process, not for a fixed time.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from distributed import Client

from salesaudit.report import safety

from .helpers import run_cli

pytestmark = pytest.mark.slow
CORPUS = Path(__file__).parent / "data" / "exports"
CLIENTS = ("hubspot", "amocrm", "pipedrive")
DASK = [sys.executable, "-m", "dask"]
ONLY = ("--only", "intake")  # findings.json is whole whichever notebooks run (see above)


def _start(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    """A dask process in its own session (so the whole group can be stopped), output to log."""
    with open(log, "wb") as f:
        return subprocess.Popen(
            [*DASK, *args], stdout=f, stderr=subprocess.STDOUT, start_new_session=True
        )


def _stop(p: subprocess.Popen[bytes]) -> None:
    """Stop a started dask process and its children."""
    if p.poll() is None:
        with _suppress():
            os.killpg(p.pid, signal.SIGTERM)
        try:
            p.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with _suppress():
                os.killpg(p.pid, signal.SIGKILL)
            p.wait(timeout=15)


class _suppress:
    """Ignore a process that is already gone."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, *_: object) -> bool:
        return kind is ProcessLookupError or kind is psutil.NoSuchProcess


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A scheduler and two single-thread workers (with nannies) on 127.0.0.1; yields the address."""
    d = tmp_path_factory.mktemp("dask")
    sfile = d / "scheduler.json"
    procs = [
        _start(
            ["scheduler", "--host", "127.0.0.1", "--port", "0", "--dashboard-address", ":0"]
            + ["--scheduler-file", str(sfile)],
            d / "scheduler.log",
        )
    ]
    try:
        deadline = time.monotonic() + 60
        while not sfile.is_file() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads(sfile.read_text())["address"]
        for i in range(2):
            procs.append(
                _start(
                    ["worker", address, "--host", "127.0.0.1", "--nthreads", "1"]
                    + ["--no-dashboard", "--name", f"w{i}"],
                    d / f"worker{i}.log",
                )
            )
        with Client(address, timeout="30s") as c:
            c.wait_for_workers(2, timeout=90)
        yield address
    finally:
        for p in reversed(procs):
            _stop(p)


@pytest.fixture()
def clients(tmp_path: Path) -> list[Path]:
    """Three small clients (a few hundred deals each), copied out of the repository."""
    out = []
    for crm in CLIENTS:
        dst = tmp_path / "clients" / crm
        shutil.copytree(CORPUS / crm / "with_history", dst)
        out.append(dst / "client.yaml")
    return out


def _complete(folder: Path) -> bool:
    """A finished report folder: a manifest, and every file it lists present."""
    manifest = safety.read_manifest(folder)
    if manifest is None:
        return False
    return all((folder / f).is_file() for f in manifest["files"]) and "findings.json" in set(
        manifest["files"]
    )


def _leftovers(root: Path) -> list[str]:
    """Staging or swapped-out folders left in the batch's output folder."""
    return [p.name for p in root.iterdir() if ".tmp-" in p.name or ".old-" in p.name]


def test_cluster_batch_equals_local_runs(cluster: str, clients: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "batch"
    done = run_cli(
        "batch",
        *map(str, clients),
        *("--scheduler", cluster, "--workers", "2", "--out", str(out), *ONLY),
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"scheduler {cluster}, 2 workers; dashboard: http://127.0.0.1:" in done.stdout
    bench = json.loads((out / "portfolio.json").read_text("utf-8"))  # written after the batch
    assert bench["groups"]["all"]["clients"] == 3
    for client in clients:
        slug = client.parent.name
        folder = next(p for p in out.iterdir() if p.name == f"sample-{slug}")
        assert _complete(folder)
        local = tmp_path / "local" / slug
        ref = run_cli("run", str(client), "--out", str(local), *ONLY)
        assert ref.returncode == 0, ref.stderr
        batch_doc = json.loads((folder / "findings.json").read_text("utf-8"))
        local_doc = json.loads((local / "findings.json").read_text("utf-8"))
        assert batch_doc == local_doc
    assert done.stdout.count("started") == 3 and done.stdout.count("finished, exit 0") == 3
    assert (out / "portfolio.html").is_file() and (out / "portfolio.xlsx").is_file()
    assert not _leftovers(out)


def _staging_pids(out: Path) -> set[int]:
    """Pids of the audit processes whose staging folder (`.<name>.tmp-<pid>-<start>`) is in out."""
    if not out.is_dir():
        return set()
    return {int(p.name.split(".tmp-")[1].split("-")[0]) for p in out.iterdir() if ".tmp-" in p.name}


def _busy_worker(c: Client, out: Path, timeout: float = 180) -> int:
    """The pid of a worker whose audit process is alive and has written its staging folder."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pids = c.run(os.getpid)
        for addr, keys in c.processing().items():
            if addr not in pids or not any(str(k).startswith("salesaudit-audit-") for k in keys):
                continue
            with _suppress():
                kids = {k.pid for k in psutil.Process(pids[addr]).children(recursive=True)}
                if kids & _staging_pids(out):
                    return int(pids[addr])
        time.sleep(0.2)
    raise AssertionError("no audit started on the cluster")


def test_killed_worker_reruns_its_client_once(
    cluster: str, clients: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "batch"
    log = tmp_path / "batch.out"
    cmd = [sys.executable, "-m", "salesaudit", "batch", *map(str, clients)]
    cmd += ["--scheduler", cluster, "--workers", "2", "--out", str(out), *ONLY]
    with open(log, "w") as f:
        batch = subprocess.Popen(cmd, stdout=f, stderr=subprocess.STDOUT, text=True)
    try:
        with Client(cluster, timeout="30s") as c:
            os.kill(_busy_worker(c, out), signal.SIGKILL)  # mid-audit: its staging folder written
        code = batch.wait(timeout=900)
    finally:
        if batch.poll() is None:
            batch.kill()
    text = log.read_text()
    assert code == 0, text
    assert "(attempt 2)" in text, text  # the killed worker's client was started again
    reports = sorted(p for p in out.iterdir() if p.is_dir() and p.name.startswith("sample-"))
    assert [p.name for p in reports] == sorted(f"sample-{c.parent.name}" for c in clients)
    assert all(_complete(p) for p in reports)
    for p in reports:  # finished exactly once: one finish line, one run in its log
        name = json.loads((p / "findings.json").read_text("utf-8"))["client"]
        assert text.count(f"== {name}: finished") == 1, text
        assert (p / "run.log").read_text("utf-8").count(" run of ") == 1
    assert not _leftovers(out), _leftovers(out)
