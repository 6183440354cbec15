"""The `salesaudit` command line: demo, run, pdf, validate, new, batch, technologies."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import warnings
from pathlib import Path

from salesaudit.core.errors import InputError
from salesaudit.core.names import STEPS
from salesaudit.inputs import presets

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT = 0, 1, 2


def _quiet() -> None:
    """Keep library noise out of the consultant's terminal."""
    warnings.filterwarnings("ignore")
    os.environ.setdefault("PYTHONWARNINGS", "ignore")


def cmd_demo(args: argparse.Namespace) -> int:
    """Generate the demo client and run the full audit on it."""
    from salesaudit.inputs import demo
    from salesaudit.report import runner

    out = Path(args.out or "out")
    client = demo.write_demo(out / "demo-client")
    print(f"salesaudit: demo client written to {client.parent}")
    res = runner.run(client, out / "demo", language=args.lang, workers=args.workers)
    return EXIT_OK if res.ok else EXIT_INTERNAL


def cmd_run(args: argparse.Namespace) -> int:
    """Run the audit of one client."""
    from salesaudit.report import runner

    res = runner.run(
        args.client,
        args.out,
        language=args.lang,
        only=args.only,
        previous=args.previous,
        workers=args.workers,
        benchmarks=args.benchmarks,
    )
    if res.ok and args.pdf:
        return cmd_pdf(argparse.Namespace(report=res.out_dir / "report.html"))
    return EXIT_OK if res.ok else EXIT_INTERNAL


def cmd_pdf(args: argparse.Namespace) -> int:
    """Print a report to report.pdf beside it with headless Chromium."""
    from salesaudit.report import pdf

    print(f"salesaudit: report PDF written to {pdf.write_pdf(args.report)}")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    """Load and check the client file and its data; print the data-quality summary."""
    from salesaudit.inputs.audit import open_audit
    from salesaudit.steps import intake

    if args.out or args.previous or args.only:
        from salesaudit.report import runner

        runner.preflight(args.client, args.out, args.lang, args.only, args.previous)
    audit = open_audit(args.client, args.lang)
    print(f"{audit.config.client}: data as of {audit.as_of.date()}")
    for line in intake.quality_notes(audit):
        print(f"- {line}")
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    """Scaffold clients/NAME/ with a commented client.yaml and an empty data/ folder."""
    from salesaudit.inputs import scaffold

    folder = Path(args.dir) / args.name
    path = scaffold.new_client(folder, args.name, args.preset)
    print(
        f"salesaudit: created {path}; put the CRM exports in {folder / 'data'} and fill the file."
    )
    return EXIT_OK


def cmd_batch(args: argparse.Namespace) -> int:
    """Run several clients, sharing the machine's cores; each in its own process; worst exit code."""
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    from salesaudit.report import runner, safety

    outs = runner.batch_folders([Path(c) for c in args.clients], Path(args.out or "out"))
    for client, out in zip(args.clients, outs, strict=True):
        runner.preflight(client, out, only=args.only)  # every client checked before any starts
    affinity = getattr(os, "sched_getaffinity", None)
    cores = max(1, args.workers or (len(affinity(0)) if affinity else os.cpu_count() or 1))
    parallel = min(len(args.clients), cores)
    per_client = max(1, cores // parallel)
    lock = threading.Lock()

    def one(job: tuple[str, Path]) -> int:
        client, out = job
        with lock:
            print(f"== {client}: started -> {out}", flush=True)
        cmd = [sys.executable, "-m", "salesaudit", "run", client, "--out", str(out)]
        cmd += ["--only", *args.only] if args.only else []
        t0 = time.perf_counter()
        done = subprocess.run(
            [*cmd, "--workers", str(per_client)],
            capture_output=True,
            text=True,
            preexec_fn=safety.die_with_parent,
        )
        with lock:
            print(f"{done.stdout}{done.stderr}", end="")
            print(
                f"== {client}: finished, exit {done.returncode}, {time.perf_counter() - t0:.0f} s",
                flush=True,
            )
        return done.returncode

    with ThreadPoolExecutor(max_workers=parallel) as pool:
        codes = list(pool.map(one, zip(args.clients, outs, strict=True)))
    return max(codes, default=EXIT_OK)


def cmd_workshop(args: argparse.Namespace) -> int:
    """Open the trainer's funnel simulator (Voilà, or JupyterLab on a working copy with --lab)."""
    import importlib.util

    from salesaudit.workshop import simulator

    if args.client:
        from salesaudit.inputs import client as config

        config.load(args.client)  # a bad client file is reported before the browser opens
    server = "jupyterlab" if args.lab else "voila"
    if importlib.util.find_spec(server) is None:
        raise InputError(
            f"{server} is not installed.",
            hint="Install the workshop extra: pip install 'salesaudit[workshop]'.",
        )
    code = simulator.launch(args.client, args.lab)
    if code not in (0, -2, 130):  # -2 / 130: stopped with Ctrl+C
        print(
            f"salesaudit: the workshop server ({server}) stopped with exit code {code}; its messages are above.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    return EXIT_OK


def cmd_technologies(args: argparse.Namespace) -> int:
    """List the technology catalogue keys for client.yaml."""
    from salesaudit.steps import technologies

    print(technologies.listing(args.lang).to_string(index=False))
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    """The argument parser."""
    p = argparse.ArgumentParser(
        prog="salesaudit", description="Audit a sales department and design a better one."
    )
    p.add_argument("--debug", action="store_true", help="show Python tracebacks")
    sub = p.add_subparsers(dest="command", required=True)
    d = sub.add_parser("demo", help="generate the demo client and audit it")
    d.add_argument("--out", help="output folder (default: out/)")
    d.add_argument("--lang", choices=["en", "ru"])
    d.add_argument("--workers", type=int, default=2)
    d.set_defaults(func=cmd_demo)
    r = sub.add_parser("run", help="audit one client")
    r.add_argument("client", help="path to client.yaml")
    r.add_argument("--out", help="output folder (default: out/<client>)")
    r.add_argument("--lang", choices=["en", "ru"])
    r.add_argument(
        "--only",
        nargs="+",
        metavar="STEP",
        help=f"run only these steps: {', '.join(STEPS)}",
    )
    r.add_argument(
        "--previous",
        metavar="OLD/findings.json",
        help="the previous audit's findings.json: what changed since then",
    )
    r.add_argument("--workers", type=int, default=2)
    r.add_argument(
        "--benchmarks",
        metavar="portfolio.json",
        help="a portfolio benchmark file of `batch`: the summary places the client among its peers",
    )
    r.add_argument("--pdf", action="store_true", help="also print report.pdf (needs Chromium)")
    r.set_defaults(func=cmd_run)
    f = sub.add_parser("pdf", help="print a report to report.pdf with headless Chromium")
    f.add_argument("report", help="out/<client>/report.html (or its folder)")
    f.set_defaults(func=cmd_pdf)
    v = sub.add_parser("validate", help="check client.yaml and the data files only")
    v.add_argument("client")
    v.add_argument("--lang", choices=["en", "ru"])
    v.add_argument("--out", help="also check this output folder, as `run` would")
    v.add_argument("--only", nargs="+", metavar="SECTION")
    v.add_argument("--previous", metavar="OLD/findings.json")
    v.set_defaults(func=cmd_validate)
    n = sub.add_parser("new", help="scaffold clients/NAME/")
    n.add_argument("name")
    n.add_argument(
        "--preset",
        choices=presets.list_presets(),
        help="pre-fill the column and stage names from a CRM export preset",
    )
    n.add_argument("--dir", default="clients", help="parent folder (default: clients/)")
    n.set_defaults(func=cmd_new)
    b = sub.add_parser("batch", help="audit several clients in parallel")
    b.add_argument("clients", nargs="+")
    b.add_argument("--workers", type=int, help="worker processes in all (default: the cores)")
    b.add_argument("--out", help="parent folder of the reports (default: out/)")
    b.add_argument("--only", nargs="+", metavar="SECTION")
    b.set_defaults(func=cmd_batch)
    w = sub.add_parser("workshop", help="open the funnel simulator for a live session")
    w.add_argument("client", nargs="?", help="client.yaml to start from (default: the demo)")
    w.add_argument(
        "--lab",
        action="store_true",
        help="open JupyterLab instead of Voilà, on a working copy of the notebooks in the "
        "client's folder (notebooks/)",
    )
    w.set_defaults(func=cmd_workshop)
    t = sub.add_parser("technologies", help="list the technology catalogue keys")
    t.add_argument("--lang", choices=["en", "ru"], default="en")
    t.set_defaults(func=cmd_technologies)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point: run a command; bad input → exit 2 with a message, internal error → exit 1."""
    _quiet()
    args = parser().parse_args(argv)
    from salesaudit.report.runner import RunFailed

    try:
        return int(args.func(args))
    except InputError as e:
        print(f"salesaudit: {e}", file=sys.stderr)
        return EXIT_INPUT
    except RunFailed as e:
        print(f"salesaudit: {e}", file=sys.stderr)
        return EXIT_INTERNAL
    except KeyboardInterrupt:
        print("salesaudit: interrupted; the previous report was left as it was.", file=sys.stderr)
        return EXIT_INTERNAL
    except Exception as e:  # noqa: BLE001 - the last line of defence: one sentence, not a traceback
        if args.debug:
            raise
        print(
            f"salesaudit: internal error: {type(e).__name__}: {e}. Run again with --debug for details.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
