"""Benchmark: wall time of `salesaudit demo`, of each notebook, and the size of report.html.

Run: .venv/bin/python benchmarks/demo.py   (or `make bench`)
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from salesaudit.inputs import demo
from salesaudit.report import runner

RUNS = 2


def main() -> None:
    """Run the demo audit RUNS times and print the figures."""
    totals: list[float] = []
    steps: dict[str, list[float]] = {}
    size = 0
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            client = demo.write_demo(Path(tmp) / "demo-client")
            res = runner.run(client, Path(tmp) / "demo", progress=lambda _: None)
            totals.append(time.perf_counter() - t0)
            size = (res.out_dir / "report.html").stat().st_size
            for s in res.steps:
                steps.setdefault(s.name, []).append(s.seconds)
    print(f"salesaudit demo, {RUNS} runs on this machine (2 workers)")
    print(
        f"  total wall time: median {statistics.median(totals):.1f} s (runs: {', '.join(f'{t:.1f}' for t in totals)})"
    )
    for name in runner.ORDER:
        print(f"  {name:<16} median {statistics.median(steps[name]):.2f} s")
    print(f"  report.html: {size / 1024 / 1024:.2f} MB ({size:,} bytes)")


if __name__ == "__main__":
    main()
