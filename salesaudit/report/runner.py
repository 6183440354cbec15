"""Run an audit: notebooks via papermill in parallel workers, then report, findings, tables — swapped in atomically.

Safety: everything that can be checked without notebooks is checked first (`preflight`); the
output folder may only replace an empty folder or a previous report of the same client (its
manifest lists every file); temp folders carry their owner's pid and start time, and a run
removes those whose owner is gone; pool workers die with the process that started them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import sys
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import nbformat
import papermill as pm
from pydantic import ValidationError

from salesaudit import __version__
from salesaudit.core.errors import InputError
from salesaudit.inputs import cache, ingest
from salesaudit.inputs.audit import Audit, audit_of, load_config
from salesaudit.inputs.client import ClientConfig
from salesaudit.inputs.ingest.checks import stage_conflicts
from salesaudit.report import findings, safety
from salesaudit.report import html as report
from salesaudit.report import workbook as outputs
from salesaudit.steps.summary import benchmarks as peer_benchmarks

NOTEBOOKS = Path(str(resources.files("salesaudit"))) / "notebooks"  # package data
ORDER = [
    "00_intake",
    "01_sales_model",
    "02_technologies",
    "03_structure",
    "04_team",
    "05_funnel",
    "06_customers",
    "07_control",
    "99_summary",
]
REPORT_ORDER = ["99_summary", *ORDER[:-1]]
KERNEL = "salesaudit-run"  # a private kernel spec for this Python, written for each run


@dataclass
class StepResult:
    """How one notebook ran."""

    name: str
    seconds: float
    ok: bool
    error: str = ""


@dataclass
class RunResult:
    """The outcome of one audit run."""

    out_dir: Path
    ok: bool
    steps: list[StepResult] = field(default_factory=list)
    seconds: float = 0.0
    message: str = ""
    reads: int = 0  # data files parsed in this run, by the runner and every notebook
    cache_hit: bool = False  # the validated inputs came from the cache
    cache_dir: Path | None = None  # the cache entry the notebooks loaded


@dataclass
class _Plan:
    """Where one run reads and writes, and what it hands the notebooks."""

    client_file: Path
    out: Path
    tmp: Path
    private: Path  # kernel spec and read log, outside the output
    notebooks: list[Path]
    params: dict[str, str]
    env: dict[str, str]


class RunFailed(Exception):
    """A notebook failed: carries the notebook, the cell and the error, and where the notebook is kept."""


def kernel_env(folder: Path) -> dict[str, str]:
    """Environment for the notebook kernels: a kernel spec running this very Python.

    The spec `salesaudit-run` is written under `folder` and found through JUPYTER_PATH, so the
    kernels import the same salesaudit as the runner (a checkout, a venv or an installed wheel).
    """
    spec = folder / "kernels" / KERNEL
    spec.mkdir(parents=True, exist_ok=True)
    argv = [sys.executable, "-Xfrozen_modules=off", "-m", "ipykernel_launcher"]
    kernel = {
        "argv": [*argv, "-f", "{connection_file}"],
        "display_name": "Python (salesaudit run)",
        "language": "python",
    }
    (spec / "kernel.json").write_text(json.dumps(kernel), "utf-8")
    jupyter_path = os.pathsep.join(p for p in (str(folder), os.environ.get("JUPYTER_PATH")) if p)
    return {"JUPYTER_PATH": jupyter_path, ingest.READ_LOG_ENV: str(folder / "reads.log")}


def _execute(
    src: str, dst: str, params: dict[str, str], env: dict[str, str], cwd: str
) -> tuple[str, float, str]:
    """Worker: execute one notebook with papermill; return (name, seconds, error text or '')."""
    os.environ.update(env)  # the worker's kernels inherit it
    logging.getLogger("papermill").setLevel(logging.WARNING)
    logging.getLogger("traitlets").setLevel(logging.ERROR)
    os.dup2(
        os.open(os.devnull, os.O_WRONLY), 2
    )  # kernels inherit it: no transport warnings on screen
    t0 = time.perf_counter()
    name = Path(src).stem
    try:
        pm.execute_notebook(
            src,
            dst,
            parameters=params,
            kernel_name=KERNEL,
            progress_bar=False,
            log_output=False,
            cwd=cwd,
        )
    except pm.PapermillExecutionError as e:
        return name, time.perf_counter() - t0, _failure(dst, e)
    except Exception as e:  # noqa: BLE001 - a kernel that dies is reported like a failing cell
        return name, time.perf_counter() - t0, f"{type(e).__name__}: {e}"
    return name, time.perf_counter() - t0, ""


def _failure(dst: str, e: Exception) -> str:
    """'cell N `first line`: Error: message' for a notebook that failed (papermill's cells dropped)."""
    added = {"injected-parameters", "papermill-error-cell-tag"}
    cells = [
        c
        for c in nbformat.read(dst, as_version=4).cells
        if not added & set(c.metadata.get("tags", []))
    ]
    failing = [
        i
        for i, c in enumerate(cells)
        if any(o.get("output_type") == "error" for o in c.get("outputs", []))
    ]
    number = failing[0] + 1 if failing else getattr(e, "cell_index", 0)
    lines = cells[failing[0]].source.strip().splitlines() if failing else []
    first = lines[0][:80] if lines else ""
    return f"cell {number} `{first}`: {getattr(e, 'ename', type(e).__name__)}: {getattr(e, 'evalue', e)}"


def notebook_paths(
    only: list[str] | None = None, extra: list[Path] | None = None, folder: Path = NOTEBOOKS
) -> list[Path]:
    """The audit notebooks to run, in order, filtered by `--only` section names."""
    paths = [folder / f"{n}.ipynb" for n in ORDER]
    if only:
        wanted = {o.lower() for o in only}
        paths = [p for p in paths if p.stem.lower() in wanted or p.stem.split("_", 1)[1] in wanted]
        if not paths:
            valid = ", ".join(n.split("_", 1)[1] for n in ORDER)
            raise InputError(f"--only names no known section; valid: {valid}.")
    return paths + list(extra or [])


@dataclass
class Preflight:
    """What `preflight` checked and hands the run: the config, notebooks, output and previous findings."""

    client_file: Path
    config: ClientConfig
    out: Path
    notebooks: list[Path]
    previous: dict | None = None


def data_files(cfg: ClientConfig) -> list[Path]:
    """The data files the client file names, resolved."""
    specs = [getattr(cfg.data, name) for name in type(cfg.data).model_fields]
    return [cfg.resolve(s.path).resolve() for s in specs if s is not None and s.path]


def previous_findings(path: Path) -> dict:
    """A `--previous` findings.json, read and checked against the findings schema."""
    doc = findings.load_previous(path)
    try:
        findings.validate(doc)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(x) for x in first.get("loc", ())) or "(top level)"
        raise InputError(
            f"does not match the findings schema ({len(e.errors())} problem(s); first at "
            f"'{where}': {first.get('msg')}).",
            file=str(path),
            hint="Pass the findings.json of an earlier salesaudit run, unchanged.",
        ) from None
    return doc


def _count(n: int, noun: str) -> str:
    """'1 notebook', '9 notebooks': an English count for the command line."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def preflight(
    client_file: str | Path,
    out_dir: str | Path | None = None,
    language: str | None = None,
    only: list[str] | None = None,
    previous: str | Path | None = None,
    extra_notebooks: list[Path] | None = None,
) -> Preflight:
    """Everything that can be checked before any data is read or notebook run; raises InputError."""
    path = Path(client_file).resolve()
    cfg = load_config(path, language)
    try:
        stage_conflicts(cfg)
    except InputError as e:
        e.file = str(path)
        raise
    notebooks = notebook_paths(only, extra_notebooks)
    out = (Path(out_dir) if out_dir else Path("out") / cfg.slug).resolve()
    safety.check_out(out, cfg, [path, *data_files(cfg)])
    prev = previous_findings(Path(previous)) if previous else None
    with safety.write_errors():
        safety.check_room(out)
    return Preflight(path, cfg, out, notebooks, prev)


def batch_folders(clients: list[Path], root: Path) -> list[Path]:
    """One output folder per client: its slug, plus a hash of its path when slugs collide; a client twice is an InputError."""
    paths = [Path(c).resolve() for c in clients]
    for i, p in enumerate(paths):
        if p in paths[:i]:
            raise InputError("is given twice; each client is audited once.", file=str(clients[i]))
    slugs = [load_config(p).slug for p in paths]
    out = []
    for p, slug in zip(paths, slugs, strict=True):
        tag = hashlib.sha256(str(p).encode("utf-8")).hexdigest()[:6]
        out.append(root / (f"{slug}-{tag}" if slugs.count(slug) > 1 else slug))
    return out


def run(
    client_file: str | Path,
    out_dir: str | Path | None = None,
    language: str | None = None,
    only: list[str] | None = None,
    previous: str | Path | None = None,
    workers: int = 2,
    extra_notebooks: list[Path] | None = None,
    progress: Callable[[str], None] = print,
    benchmarks: str | Path | None = None,
) -> RunResult:
    """Run the audit of one client into out_dir (default out/<client-slug>).

    `benchmarks`, a portfolio.json of `salesaudit batch`: the summary compares the client with it.
    """
    t0 = time.perf_counter()
    pre = preflight(client_file, out_dir, language, only, previous, extra_notebooks)
    bench = Path(benchmarks).resolve() if benchmarks else None
    if bench:
        peer_benchmarks.load(bench)  # a bad file is an InputError before any notebook runs
    out, cfg = pre.out, pre.config
    safety.clean_stale(out.parent)
    reads = ingest.files_read()
    with safety.write_errors():
        inputs, entry, hit = cache.cached_inputs(cfg, cache.root_for(out))
    audit = audit_of(cfg, inputs, pre.client_file)
    result = RunResult(out_dir=out, ok=False, cache_hit=hit, cache_dir=entry)
    plan = _plan(pre.client_file, out, language, entry, pre.notebooks)
    plan.env[peer_benchmarks.BENCHMARKS_ENV] = str(bench or "")
    progress(
        f"salesaudit: auditing '{cfg.client}' — {_count(len(plan.notebooks), 'notebook')}, "
        f"{_count(workers, 'worker')}"
        + (" (data files unchanged: read from the cache)" if hit else "")
    )
    try:
        with safety.write_errors():
            result.steps = _execute_all(plan, audit, pre.previous, workers, progress)
            _keep_failed(plan, result.steps)
            _write_report(plan, audit)
            result.reads = ingest.files_read() - reads + _kernel_reads(plan)
            result.seconds = time.perf_counter() - t0
            _write_log(plan, audit, result)
            safety.write_manifest(plan.tmp, cfg, pre.client_file)
            safety.swap(plan.tmp, out)
        result.ok = True
        progress(f"salesaudit: report written to {out / 'report.html'} in {result.seconds:.1f} s")
        return result
    finally:
        shutil.rmtree(plan.tmp, ignore_errors=True)
        shutil.rmtree(plan.private, ignore_errors=True)


def _plan(
    client_file: Path, out: Path, language: str | None, entry: Path, notebooks: list[Path]
) -> _Plan:
    """Make the run's temporary folders (owned by this process) and the notebooks' parameters."""
    with safety.write_errors():
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = safety.owned_dir(out.with_name(f".{out.name}.tmp-{safety.owner_tag()}"))
        (tmp / "notebooks").mkdir()
        private = safety.private_dir()
    params = {"client_file": str(client_file), "language": language or "", "cache_dir": str(entry)}
    return _Plan(client_file, out, tmp, private, notebooks, params, kernel_env(private))


def _execute_all(
    plan: _Plan,
    audit: Audit,
    previous: dict | None,
    workers: int,
    progress: Callable[[str], None],
) -> list[StepResult]:
    """Run the notebooks in worker processes; meanwhile write findings.json and tables.xlsx."""
    steps: list[StepResult] = []
    pool = ProcessPoolExecutor(
        max_workers=max(1, workers), initializer=safety.worker_init, initargs=(os.getpid(),)
    )
    with pool:
        futures: dict[Future, str] = {
            pool.submit(
                _execute,
                str(p),
                str(plan.tmp / "notebooks" / p.name),
                plan.params,
                plan.env,
                str(p.parent),
            ): p.stem
            for p in plan.notebooks
        }
        doc = _findings(audit, previous)
        (plan.tmp / "findings.json").write_text(
            json.dumps(doc, ensure_ascii=False, indent=1) + "\n", "utf-8"
        )
        outputs.write_xlsx(outputs.key_tables(audit), plan.tmp / "tables.xlsx")
        for fut in as_completed(futures):
            try:
                name, secs, err = fut.result()
            except BrokenProcessPool:
                name, secs = futures[fut], 0.0
                err = "the worker process running it died (killed, or out of memory)"
            steps.append(StepResult(name, secs, not err, err))
            progress(
                f"  {'ok  ' if not err else 'FAIL'} {name:<16} {secs:5.1f} s"
                + (f"  {err}" if err else "")
            )
    return steps


def _keep_failed(plan: _Plan, steps: list[StepResult]) -> None:
    """Keep the executed notebooks that failed in `<out>.failed/` and raise RunFailed."""
    failed = sorted((s for s in steps if not s.ok), key=lambda s: s.name)
    if not failed:
        return
    kept = safety.failed_dir(plan.out)
    for s in failed:
        src = plan.tmp / "notebooks" / f"{s.name}.ipynb"
        if src.exists():
            shutil.copy2(src, kept / f"{s.name}.failed.ipynb")
    first = failed[0]
    raise RunFailed(
        f"notebook {first.name} failed at {first.error}. The executed notebook is kept as "
        f"{kept / (first.name + '.failed.ipynb')}; the previous report was left as it was."
    )


def _write_report(plan: _Plan, audit: Audit) -> None:
    """Merge the executed notebooks, summary first, into report.html."""
    by_name = {p.stem: plan.tmp / "notebooks" / p.name for p in plan.notebooks}
    ordered = [by_name[n] for n in REPORT_ORDER if n in by_name] + [
        by_name[p.stem] for p in plan.notebooks if p.stem not in REPORT_ORDER
    ]
    html = report.render(
        ordered,
        audit.config.client,
        audit.as_of.date(),
        audit.lang,
        audit.config.currency,
        __version__,
        findings=json.loads((plan.tmp / "findings.json").read_text("utf-8")),
    )
    (plan.tmp / "report.html").write_text(html, "utf-8")


def _kernel_reads(plan: _Plan) -> int:
    """Data files the notebook kernels parsed (they log each one; 0 when they used the cache)."""
    log = Path(plan.env[ingest.READ_LOG_ENV])
    return len(log.read_text("utf-8").splitlines()) if log.is_file() else 0


def _write_log(plan: _Plan, audit: Audit, result: RunResult) -> None:
    """run.log: the time of each notebook, data files read, cache use, data warnings, total."""
    started = dt.datetime.now() - dt.timedelta(seconds=result.seconds)
    lines = [
        f"salesaudit {__version__} run of {plan.client_file} at "
        f"{started.isoformat(timespec='seconds')}"
    ]
    lines += [f"{s.name}\t{s.seconds:.2f}s\tok" for s in sorted(result.steps, key=lambda s: s.name)]
    lines.append(f"data files read\t{result.reads}")
    lines.append(f"inputs cache\t{'hit' if result.cache_hit else 'miss'}\t{result.cache_dir}")
    lines += [f"warning\t{w}" for q in audit.quality.tables.values() for w in q.warnings]
    lines.append(f"total\t{result.seconds:.2f}s")
    (plan.tmp / "run.log").write_text("\n".join(lines) + "\n", "utf-8")


def _findings(audit: Audit, previous: dict | None) -> dict:
    """findings.json, validated, with the change since a previous audit when given."""
    doc = findings.build(audit)
    if previous:
        doc["changes"] = findings.changes(doc, previous)
    findings.validate(doc)
    return doc
