"""Run an audit: notebooks via papermill in parallel workers, then report, findings, tables — swapped in atomically."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from salesaudit import __version__
from salesaudit.core.errors import InputError
from salesaudit.inputs.audit import Audit, open_audit
from salesaudit.report import findings
from salesaudit.report import html as report
from salesaudit.report import workbook as outputs

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
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
KERNEL = "salesaudit"


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


class RunFailed(Exception):
    """A notebook failed: carries the notebook, the cell and the error, and where the notebook is kept."""


def kernel_name() -> str:
    """The salesaudit kernel when registered, else the default python3 kernel."""
    from jupyter_client.kernelspec import KernelSpecManager

    specs = KernelSpecManager().find_kernel_specs()
    return KERNEL if KERNEL in specs else "python3"


def _execute(
    src: str, dst: str, params: dict[str, str], kernel: str, cwd: str
) -> tuple[str, float, str]:
    """Worker: execute one notebook with papermill; return (name, seconds, error text or '')."""
    logging.getLogger("papermill").setLevel(logging.WARNING)
    logging.getLogger("traitlets").setLevel(logging.ERROR)
    os.dup2(
        os.open(os.devnull, os.O_WRONLY), 2
    )  # kernels inherit it: no transport warnings on screen
    import nbformat
    import papermill as pm

    t0 = time.perf_counter()
    name = Path(src).stem
    try:
        pm.execute_notebook(
            src,
            dst,
            parameters=params,
            kernel_name=kernel,
            progress_bar=False,
            log_output=False,
            cwd=cwd,
        )
    except pm.PapermillExecutionError as e:
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
        number = failing[0] + 1 if failing else e.cell_index
        lines = cells[failing[0]].source.strip().splitlines() if failing else []
        first = lines[0][:80] if lines else ""
        return name, time.perf_counter() - t0, f"cell {number} `{first}`: {e.ename}: {e.evalue}"
    except Exception as e:  # noqa: BLE001 - a kernel that dies is reported like a failing cell
        return name, time.perf_counter() - t0, f"{type(e).__name__}: {e}"
    return name, time.perf_counter() - t0, ""


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
    audit = open_audit(client_file, language)
    out = Path(out_dir) if out_dir else Path("out") / audit.config.slug
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    (tmp / "notebooks").mkdir(parents=True)
    log_lines = [
        f"salesaudit {__version__} run of {client_file} at {dt.datetime.now().isoformat(timespec='seconds')}"
    ]
    nbs = notebook_paths(only, extra_notebooks)
    params = {"client_file": str(client_file), "language": language or ""}
    kernel = kernel_name()
    result = RunResult(out_dir=out, ok=False)
    progress(
        f"salesaudit: auditing '{audit.config.client}' — {len(nbs)} notebooks, {workers} workers"
    )
    try:
        with ProcessPoolExecutor(max_workers=max(1, workers)) as pool:
            futures = [
                pool.submit(
                    _execute, str(p), str(tmp / "notebooks" / p.name), params, kernel, str(p.parent)
                )
                for p in nbs
            ]
            doc = _findings(audit, previous)
            (tmp / "findings.json").write_text(
                json.dumps(doc, ensure_ascii=False, indent=1) + "\n", "utf-8"
            )
            outputs.write_xlsx(outputs.key_tables(audit), tmp / "tables.xlsx")
            for fut in as_completed(futures):
                name, secs, err = fut.result()
                result.steps.append(StepResult(name, secs, not err, err))
                progress(
                    f"  {'ok  ' if not err else 'FAIL'} {name:<16} {secs:5.1f} s"
                    + (f"  {err}" if err else "")
                )
        failed = [s for s in result.steps if not s.ok]
        if failed:
            kept = out / "notebooks"
            kept.mkdir(parents=True, exist_ok=True)
            for s in failed:
                src = tmp / "notebooks" / f"{s.name}.ipynb"
                if src.exists():
                    shutil.copy2(src, kept / f"{s.name}.failed.ipynb")
            s = failed[0]
            raise RunFailed(
                f"notebook {s.name} failed at {s.error}. The executed notebook is kept as "
                f"{kept / (s.name + '.failed.ipynb')}; the previous report was left as it was."
            )
        by_name = {p.stem: tmp / "notebooks" / p.name for p in nbs}
        ordered = [by_name[n] for n in REPORT_ORDER if n in by_name] + [
            by_name[p.stem] for p in nbs if p.stem not in REPORT_ORDER
        ]
        html = report.render(
            ordered,
            audit.config.client,
            audit.as_of.date(),
            audit.lang,
            audit.config.currency,
            __version__,
        )
        (tmp / "report.html").write_text(html, "utf-8")
        result.seconds = time.perf_counter() - t0
        log_lines += [
            f"{s.name}\t{s.seconds:.2f}s\tok" for s in sorted(result.steps, key=lambda s: s.name)
        ]
        log_lines += [f"warning\t{w}" for q in audit.quality.tables.values() for w in q.warnings]
        log_lines.append(f"total\t{result.seconds:.2f}s")
        (tmp / "run.log").write_text("\n".join(log_lines) + "\n", "utf-8")
        _swap(tmp, out)
        result.ok = True
        progress(f"salesaudit: report written to {out / 'report.html'} in {result.seconds:.1f} s")
        return result
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _findings(audit: Audit, previous: str | Path | None) -> dict:
    """findings.json, validated, with the change since a previous audit when given."""
    doc = findings.build(audit)
    if previous:
        doc["changes"] = findings.changes(doc, findings.load_previous(Path(previous)))
    findings.validate(doc)
    return doc


def debug_hint(e: BaseException) -> str:
    """The traceback, for --debug."""
    return "".join(traceback.format_exception(e))
