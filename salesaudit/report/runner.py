"""Run an audit: notebooks via papermill in parallel workers, then report, findings, tables — swapped in atomically."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import nbformat
import papermill as pm

from salesaudit import __version__
from salesaudit.core.errors import InputError
from salesaudit.inputs import cache, ingest
from salesaudit.inputs.audit import Audit, audit_of, load_config
from salesaudit.report import findings
from salesaudit.report import html as report
from salesaudit.report import workbook as outputs

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


def _swap(tmp: Path, out: Path) -> None:
    """Move the finished run into place; the previous output goes only after the new one is in."""
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    if out.exists():
        out.rename(old)
    tmp.rename(out)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def run(
    client_file: str | Path,
    out_dir: str | Path | None = None,
    language: str | None = None,
    only: list[str] | None = None,
    previous: str | Path | None = None,
    workers: int = 2,
    extra_notebooks: list[Path] | None = None,
    progress: Callable[[str], None] = print,
) -> RunResult:
    """Run the audit of one client into out_dir (default out/<client-slug>)."""
    t0 = time.perf_counter()
    client_file = Path(client_file).resolve()
    cfg = load_config(client_file, language)
    out = (Path(out_dir) if out_dir else Path("out") / cfg.slug).resolve()
    reads = ingest.files_read()
    inputs, entry, hit = cache.cached_inputs(cfg, cache.root_for(out))
    audit = audit_of(cfg, inputs, client_file)
    result = RunResult(out_dir=out, ok=False, cache_hit=hit, cache_dir=entry)
    plan = _plan(client_file, out, language, entry, notebook_paths(only, extra_notebooks))
    progress(
        f"salesaudit: auditing '{cfg.client}' — {len(plan.notebooks)} notebooks, {workers} workers"
        + (" (data files unchanged: read from the cache)" if hit else "")
    )
    try:
        result.steps = _execute_all(plan, audit, previous, workers, progress)
        _keep_failed(plan, result.steps)
        _write_report(plan, audit)
        result.reads = ingest.files_read() - reads + _kernel_reads(plan)
        result.seconds = time.perf_counter() - t0
        _write_log(plan, audit, result)
        _swap(plan.tmp, out)
        result.ok = True
        progress(f"salesaudit: report written to {out / 'report.html'} in {result.seconds:.1f} s")
        return result
    finally:
        shutil.rmtree(plan.tmp, ignore_errors=True)
        shutil.rmtree(plan.private, ignore_errors=True)


def _plan(
    client_file: Path, out: Path, language: str | None, entry: Path, notebooks: list[Path]
) -> _Plan:
    """Make the run's temporary folders and the parameters every notebook gets."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    (tmp / "notebooks").mkdir(parents=True)
    private = Path(tempfile.mkdtemp(prefix="salesaudit-run-"))
    params = {"client_file": str(client_file), "language": language or "", "cache_dir": str(entry)}
    return _Plan(client_file, out, tmp, private, notebooks, params, kernel_env(private))


def _execute_all(
    plan: _Plan,
    audit: Audit,
    previous: str | Path | None,
    workers: int,
    progress: Callable[[str], None],
) -> list[StepResult]:
    """Run the notebooks in worker processes; meanwhile write findings.json and tables.xlsx."""
    steps: list[StepResult] = []
    with ProcessPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = [
            pool.submit(
                _execute,
                str(p),
                str(plan.tmp / "notebooks" / p.name),
                plan.params,
                plan.env,
                str(p.parent),
            )
            for p in plan.notebooks
        ]
        doc = _findings(audit, previous)
        (plan.tmp / "findings.json").write_text(
            json.dumps(doc, ensure_ascii=False, indent=1) + "\n", "utf-8"
        )
        outputs.write_xlsx(outputs.key_tables(audit), plan.tmp / "tables.xlsx")
        for fut in as_completed(futures):
            name, secs, err = fut.result()
            steps.append(StepResult(name, secs, not err, err))
            progress(
                f"  {'ok  ' if not err else 'FAIL'} {name:<16} {secs:5.1f} s"
                + (f"  {err}" if err else "")
            )
    return steps


def _keep_failed(plan: _Plan, steps: list[StepResult]) -> None:
    """Keep the executed notebooks that failed beside the old report and raise RunFailed."""
    failed = [s for s in steps if not s.ok]
    if not failed:
        return
    kept = plan.out / "notebooks"
    kept.mkdir(parents=True, exist_ok=True)
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


def _findings(audit: Audit, previous: str | Path | None) -> dict:
    """findings.json, validated, with the change since a previous audit when given."""
    doc = findings.build(audit)
    if previous:
        doc["changes"] = findings.changes(doc, findings.load_previous(Path(previous)))
    findings.validate(doc)
    return doc
