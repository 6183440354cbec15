"""Batch benchmark: 8 small clients audited one after another, then as one `salesaudit batch`.

Usage: python benchmarks/batch.py [--clients N] [--keep DIR]

The clients are the CRM samples of tests/data/exports (a few hundred deals each), renamed
"Branch 1…8" and given a sector (industrial / retail), so the portfolio has sector groups.
Serial: `salesaudit run --workers <cores>` for each client in turn (the best one client can do
with the machine). Batch: `salesaudit batch` on a LocalCluster (one worker process per core, one
kernel per worker). Prints the seconds of each and the speed-up, then where the portfolio is.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "exports"
CRMS = ("hubspot", "amocrm", "pipedrive", "bitrix24", "salesforce")


def make_clients(folder: Path, n: int) -> list[Path]:
    """n small client folders copied from the export corpus, renamed and given a sector."""
    samples = [CORPUS / c / "with_history" for c in CRMS] + [
        CORPUS / c / "deals_only" for c in CRMS
    ]
    out = []
    for i in range(n):
        src = samples[i % len(samples)]
        dst = folder / f"branch-{i + 1}"
        shutil.copytree(src, dst)
        yaml = (dst / "client.yaml").read_text("utf-8")
        sector = "industrial" if i % 2 == 0 else "retail"
        yaml = re.sub(
            r"^client: .*$",
            f'client: "Branch {i + 1} ({src.parent.name})"\nsector: {sector}',
            yaml,
            count=1,
            flags=re.M,
        )
        (dst / "client.yaml").write_text(yaml, "utf-8")
        out.append(dst / "client.yaml")
    return out


def cores() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def salesaudit(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI; raise with its output when it fails."""
    done = subprocess.run(
        [sys.executable, "-m", "salesaudit", *args], capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(
            f"salesaudit {args[0]} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
        )
    return done


def main() -> None:
    """Serial runs, then the batch; print the times, the speed-up and the portfolio's path."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--keep", help="folder for the clients and outputs (default: a temp folder)")
    args = ap.parse_args()
    root = Path(args.keep or tempfile.mkdtemp(prefix="salesaudit-bench-batch-"))
    root.mkdir(parents=True, exist_ok=True)
    clients = make_clients(root / "clients", args.clients)
    n = cores()
    print(f"{len(clients)} clients, {n} cores; outputs in {root}")

    t0 = time.perf_counter()
    for c in clients:
        salesaudit(
            "run", str(c), "--out", str(root / "serial" / c.parent.name), "--workers", str(n)
        )
    serial = time.perf_counter() - t0
    print(f"serial (salesaudit run --workers {n}, one client after another): {serial:6.1f} s")

    t0 = time.perf_counter()
    done = salesaudit("batch", *map(str, clients), "--out", str(root / "batch"))
    batch = time.perf_counter() - t0
    print(f"batch  (salesaudit batch, LocalCluster of {n} workers):         {batch:6.1f} s")
    print(f"speed-up: {serial / batch:.2f}x")
    lines = done.stdout.strip().splitlines()
    print(next((ln for ln in lines if "local cluster of" in ln), ""))  # with the dashboard link
    print(lines[-1])  # the portfolio's path


if __name__ == "__main__":
    main()
