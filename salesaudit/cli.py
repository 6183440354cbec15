"""The `salesaudit` command line: demo, run, pdf, validate, new, batch, technologies."""

from __future__ import annotations

import argparse
import os
import sys
import time
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
    """Scaffold clients/NAME/ (or the folder a path names) with a commented client.yaml and an
    empty data/ folder."""
    from salesaudit.inputs import scaffold

    given = Path(args.name)
    # a bare NAME goes under --dir; a path (clients/acme, ./acme, /x/acme) is the folder itself
    folder = given if len(given.parts) > 1 or given.is_absolute() else Path(args.dir) / given
    path = scaffold.new_client(folder, folder.name, args.preset)
    print(
        f"salesaudit: created {path}; put the CRM exports in {folder / 'data'} and fill the file."
    )
    return EXIT_OK


def cmd_batch(args: argparse.Namespace) -> int:
    """Audit several clients, one Dask task each (local cluster or --scheduler), then the portfolio."""
    from salesaudit.report import batch, portfolio

    root = batch.check_out_root(args.out or "out")
    jobs, errors = batch.plan(
        args.clients, root, args.only, args.lang, args.previous, args.benchmarks
    )
    if errors:  # every client file checked before anything is submitted
        for e in errors:
            print(f"salesaudit: {e}", file=sys.stderr)
        print(
            f"salesaudit: {len(errors)} client file(s) with problems; no audit was started.",
            file=sys.stderr,
        )
        return EXIT_INPUT
    t0 = time.perf_counter()
    outcomes = batch.run(jobs, args.scheduler, args.workers)
    batch.finish(root)
    log = batch.write_log(root, outcomes)
    ok = [Path(o.job.out) for o in outcomes if o.ok]
    prev = Path(args.previous).resolve() if args.previous else None
    paths = portfolio.write(root, ok, args.lang, args.anonymise, prev)
    failed = [o for o in outcomes if not o.ok]
    print(
        f"salesaudit batch: {len(ok)} of {len(outcomes)} clients ok in "
        f"{time.perf_counter() - t0:.0f} s; log: {log}"
        + (f"; portfolio: {paths['html']}" if paths else "")
    )
    for o in failed:
        print(f"salesaudit: {o.job.client}: exit {o.code}: {o.error}", file=sys.stderr)
    return max((o.code for o in failed), default=EXIT_OK)


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
    code = simulator.launch(args.client, args.lab, getattr(args, "team", False))
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
    n.add_argument("name", help="the client's name (a folder under --dir), or a folder path")
    n.add_argument(
        "--preset",
        choices=presets.list_presets(),
        help="pre-fill the column and stage names from a CRM export preset",
    )
    n.add_argument("--dir", default="clients", help="parent folder (default: clients/)")
    n.set_defaults(func=cmd_new)
    b = sub.add_parser(
        "batch", help="audit several clients on a Dask cluster (local, or --scheduler)"
    )
    b.add_argument("clients", nargs="+")
    b.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="a running Dask scheduler (tcp://host:8786); default: a local cluster of the cores",
    )
    b.add_argument(
        "--workers",
        type=int,
        help="local cluster: worker processes (default: the cores); with --scheduler: wait "
        "until this many workers have joined",
    )
    b.add_argument(
        "--out",
        help="parent folder of the reports, on a path every worker can write (default: out/)",
    )
    b.add_argument("--only", nargs="+", metavar="SECTION")
    b.add_argument("--lang", choices=["en", "ru"])
    b.add_argument(
        "--previous",
        metavar="DIR",
        help="a previous batch's folder: each client's change since its last audit",
    )
    b.add_argument(
        "--benchmarks",
        metavar="portfolio.json",
        help="place each client among the clients of a previous portfolio in its report",
    )
    b.add_argument(
        "--anonymise", action="store_true", help="client names in the portfolio as stable codes"
    )
    b.set_defaults(func=cmd_batch)
    w = sub.add_parser("workshop", help="open the funnel simulator for a live session")
    w.add_argument("client", nargs="?", help="client.yaml to start from (default: the demo)")
    w.add_argument(
        "--lab",
        action="store_true",
        help="open JupyterLab instead of Voilà, on a working copy of the notebooks in the "
        "client's folder (notebooks/)",
    )
    w.add_argument(
        "--team",
        action="store_true",
        help="open the team panel (headcount per role, hiring plan, cost of sales) instead",
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
