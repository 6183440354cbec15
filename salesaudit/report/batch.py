"""`salesaudit batch`: each client's audit is one Dask task, on a LocalCluster or an existing cluster.

- Without a scheduler address a `LocalCluster` of worker processes, one thread each, as many as
  the cores (fewer when there are fewer clients): one notebook kernel per core overall.
- With `--scheduler ADDRESS` the client connects to a running cluster (`dask scheduler` /
  `dask worker`, or one the user runs on Kubernetes or YARN). Client files and `--out` must be
  paths every worker reaches (a shared mount); URLs are refused: the atomic rename at the end of
  each run needs a file system.
- A task runs `salesaudit run` in a child process that dies with its worker. The run writes into a
  staging folder named after that process (unique per attempt) and renames it into place at the
  end; a killed attempt leaves only a stale staging folder, which the next attempt (or the end of
  the batch) removes. Dask re-runs the task of a dead worker on another worker, and `retries`
  re-runs a task whose audit process was killed by a signal; a failing audit is a result, not
  an exception, so it is never retried.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import logging
import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster, as_completed, get_worker

from salesaudit.core.errors import InputError
from salesaudit.inputs.audit import load_config
from salesaudit.report import runner, safety
from salesaudit.steps.summary import benchmarks as peer_benchmarks

TOPIC = "salesaudit-batch"  # the workers' "started" events, read by the submitting client
RETRIES = 2  # re-runs of a task whose audit process was killed (a dead worker: Dask reschedules)
URL_SCHEMES = ("s3://", "gs://", "gcs://", "abfs://", "az://", "http://", "https://", "hdfs://")


@dataclass(frozen=True)
class Job:
    """One client's audit, as a Dask task receives it: absolute paths, the run's options."""

    client: str
    out: str
    name: str = ""
    kernels: int = 1
    only: tuple[str, ...] = ()
    language: str = ""
    previous: str = ""
    benchmarks: str = ""
    batch: str = ""  # this batch's id: its "started" events are told from another batch's


@dataclass(frozen=True)
class Outcome:
    """How one client's audit ended: exit code, seconds, the error line, where it ran, its output."""

    job: Job
    code: int
    seconds: float = 0.0
    error: str = ""
    worker: str = ""
    log: str = ""

    @property
    def ok(self) -> bool:
        """Whether the report was written."""
        return self.code == 0


class AuditKilled(RuntimeError):
    """The audit process was killed by a signal (out of memory, or stopped): the task is retried."""


def cores() -> int:
    """The cores this process may use."""
    affinity = getattr(os, "sched_getaffinity", None)
    return max(1, len(affinity(0)) if affinity else os.cpu_count() or 1)


def check_out_root(out: str) -> Path:
    """The batch's output folder as an absolute path; a URL is an InputError."""
    if out.lower().startswith(URL_SCHEMES) or "://" in out:
        raise InputError(
            "--out is a URL; batch writes to a folder path every worker can reach (a shared "
            "mount), since each client's report is renamed into place atomically.",
            file=out,
            hint="Mount the bucket or share (e.g. NFS, SMB, s3fs) and pass its path.",
        )
    return Path(out).expanduser().resolve()


def plan(
    clients: list[str],
    out_root: Path,
    only: list[str] | None = None,
    language: str | None = None,
    previous_dir: str | None = None,
    benchmarks: str | None = None,
) -> tuple[list[Job], list[InputError]]:
    """Every client checked before any is submitted: the jobs, or every client file's problem."""
    errors: list[InputError] = []
    if previous_dir and not Path(previous_dir).is_dir():
        errors.append(
            InputError("--previous is not a folder (a previous batch's --out).", file=previous_dir)
        )
    if benchmarks:
        try:
            peer_benchmarks.load(benchmarks)
        except InputError as e:
            errors.append(e)
    if errors:
        return [], errors
    for c in clients:
        try:
            load_config(Path(c).resolve(), language)
        except InputError as e:
            e.file = e.file or str(c)
            errors.append(e)
    if errors:
        return [], errors
    outs = runner.batch_folders([Path(c) for c in clients], out_root)
    jobs = []
    for c, out in zip(clients, outs, strict=True):
        try:
            pre = runner.preflight(c, out, language, only, None)
        except InputError as e:
            e.file = e.file or str(c)
            errors.append(e)
            continue
        prev = _previous_for(out, previous_dir)
        jobs.append(
            Job(
                client=str(pre.client_file),
                out=str(out),
                name=pre.config.client,
                only=tuple(only or ()),
                language=language or "",
                previous=str(prev) if prev else "",
                benchmarks=str(Path(benchmarks).resolve()) if benchmarks else "",
            )
        )
    if not errors:
        with safety.write_errors():
            out_root.mkdir(parents=True, exist_ok=True)  # before any worker looks for it
    return jobs, errors


def _previous_for(out: Path, previous_dir: str | None) -> Path | None:
    """The client's findings.json in a previous batch's folder (same folder name), when it is usable."""
    if not previous_dir:
        return None
    path = Path(previous_dir).resolve() / out.name / "findings.json"
    if not path.is_file():
        return None
    try:
        runner.previous_findings(path)
    except InputError:
        return None  # another schema version: the portfolio still compares its key figures
    return path


# --------------------------------------------------------------------------- the task


def _run_command(job: Job) -> list[str]:
    """`salesaudit run …` for the job, in this worker's Python."""
    cmd = [sys.executable, "-m", "salesaudit", "run", job.client, "--out", job.out]
    cmd += ["--workers", str(job.kernels)]
    cmd += ["--only", *job.only] if job.only else []
    cmd += ["--lang", job.language] if job.language else []
    cmd += ["--previous", job.previous] if job.previous else []
    cmd += ["--benchmarks", job.benchmarks] if job.benchmarks else []
    return cmd


def _error_line(text: str) -> str:
    """The last 'salesaudit: …' line of a run's stderr (its error), else its last line."""
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    mine = [ln for ln in lines if ln.startswith("salesaudit:")]
    line = (mine or lines or ["no message"])[-1]
    return line.removeprefix("salesaudit: ")


def _reachable(job: Job) -> str:
    """'' when this worker sees the client file and the output's parent, else why not."""
    if not Path(job.client).is_file():
        return f"{job.client}: not found on this worker; client files must be on a shared path."
    if not Path(job.out).parent.is_dir():
        return f"{Path(job.out).parent}: not found on this worker; --out must be a shared path."
    return ""


def audit_task(job: Job) -> Outcome:
    """Dask task: audit one client in a child process that dies with this worker; return its outcome."""
    try:
        worker = get_worker()
        address = worker.address
        worker.log_event(TOPIC, {"batch": job.batch, "client": job.client, "worker": address})
    except ValueError:  # called outside a worker (tests, serial runs)
        address = "local"
    missing = _reachable(job)
    if missing:
        return Outcome(job, 2, error=missing, worker=address)
    t0 = time.perf_counter()
    done = subprocess.run(
        _run_command(job),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        preexec_fn=safety.die_with_parent,
    )
    secs = time.perf_counter() - t0
    if done.returncode < 0:
        raise AuditKilled(f"the audit process was killed by signal {-done.returncode}")
    error = _error_line(done.stderr) if done.returncode else ""
    return Outcome(job, done.returncode, secs, error, address, done.stdout + done.stderr)


# --------------------------------------------------------------------------- the client side


@contextlib.contextmanager
def connect(
    scheduler: str | None, workers: int | None, n_jobs: int, say: Callable[[str], None]
) -> Iterator[tuple[Client, int]]:
    """A Dask client on the given scheduler, or on a LocalCluster sized to the machine; kernels per client."""
    logging.getLogger("distributed").setLevel(logging.ERROR)
    if scheduler:
        with Client(scheduler, timeout="30s") as client:
            if workers:
                client.wait_for_workers(workers, timeout=120)
            n = len(client.scheduler_info(n_workers=-1)["workers"])
            say(f"salesaudit batch: scheduler {scheduler}, {n} workers{_dashboard(client, False)}")
            yield client, 1
        return
    n = max(1, min(workers or cores(), n_jobs))
    kernels = max(1, cores() // n)
    with (
        LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        procs = "worker process" if n == 1 else "worker processes"
        say(f"salesaudit batch: local cluster of {n} {procs}{_dashboard(client, True)}")
        yield client, kernels


def _dashboard(client: Client, local: bool) -> str:
    """'; dashboard: URL' when the scheduler serves one (a local one needs bokeh installed here)."""
    services = client.scheduler_info(n_workers=0).get("services", {})
    if "dashboard" not in services:
        return "; the scheduler serves no dashboard"
    if local and importlib.util.find_spec("bokeh") is None:
        return f"; dashboard at {client.dashboard_link} once bokeh is installed (pip install bokeh)"
    return f"; dashboard: {client.dashboard_link}"


def run(
    jobs: list[Job],
    scheduler: str | None = None,
    workers: int | None = None,
    say: Callable[[str], None] = print,
) -> list[Outcome]:
    """Submit every job, one task each; print a line when each starts and finishes; the outcomes in job order."""
    lock = threading.Lock()

    def line(text: str) -> None:
        with lock:
            say(text)

    started: dict[str, int] = {}
    outcomes: dict[str, Outcome] = {}
    with connect(scheduler, workers, len(jobs), line) as (client, kernels):
        tag = uuid.uuid4().hex
        by_client = {j.client: replace(j, kernels=kernels, batch=tag) for j in jobs}

        def on_start(event: tuple[float, dict[str, Any]]) -> None:
            msg = event[1]
            job = by_client.get(msg.get("client", ""))
            if job is None or msg.get("batch") != tag:
                return
            started[job.client] = started.get(job.client, 0) + 1
            again = f" (attempt {started[job.client]})" if started[job.client] > 1 else ""
            line(f"== {job.name}: started{again} on {msg.get('worker')} -> {job.out}")

        client.subscribe_topic(TOPIC, on_start)
        futures = {
            client.submit(
                audit_task,
                job,
                key=f"salesaudit-audit-{Path(job.out).name}-{uuid.uuid4().hex[:8]}",
                pure=False,
                retries=RETRIES,
            ): job
            for job in by_client.values()
        }
        for fut in as_completed(futures):
            job = futures[fut]
            try:
                res = fut.result()
            except Exception as e:  # noqa: BLE001 - a task that died is one client's error line
                res = Outcome(job, 1, error=f"{type(e).__name__}: {e}")
            outcomes[job.client] = res
            line(f"== {job.name}: finished, exit {res.code}, {res.seconds:.0f} s" + _why(res))
        client.unsubscribe_topic(TOPIC)
    return [outcomes[j.client] for j in jobs]


def _why(res: Outcome) -> str:
    """' — the error' for a failed client."""
    return f" — {res.error}" if res.error else ""


def write_log(root: Path, outcomes: list[Outcome]) -> Path:
    """batch.log in the output folder: each client's exit, time, worker, and the run's own output."""
    parts = [f"salesaudit batch at {dt.datetime.now().isoformat(timespec='seconds')}"]
    for o in outcomes:
        parts.append(
            f"\n== {o.job.client}\nexit {o.code}, {o.seconds:.1f} s, on {o.worker or '?'}"
            + (f"\nerror: {o.error}" if o.error else "")
            + (f"\n{o.log.rstrip()}" if o.log else "")
        )
    path = root / "batch.log"
    path.write_text("\n".join(parts) + "\n", "utf-8")
    return path


def finish(root: Path) -> None:
    """After the batch: remove staging folders left by killed attempts on this host."""
    safety.clean_stale(root)
