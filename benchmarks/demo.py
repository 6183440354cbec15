"""Benchmark: `salesaudit demo` cold, then a warm re-run with one answer changed.

Prints the wall time of each, the time of each notebook, the data files parsed per run (cold:
one per file; warm: none, the validated tables come from the inputs cache) and the size of
report.html.

Run: .venv/bin/python benchmarks/demo.py   (or `make bench`)
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from salesaudit.inputs import demo
from salesaudit.report import runner

RUNS = 2
ANSWER = ("morning_planning: true", "morning_planning: false")  # a workshop changes an answer


def _timed(client: Path, out: Path) -> tuple[float, runner.RunResult]:
    """Run the audit; return its wall time and result."""
    t0 = time.perf_counter()
    res = runner.run(client, out, progress=lambda _: None)
    return time.perf_counter() - t0, res


def _warm_copy(client: Path, folder: Path) -> Path:
    """A copy of the client folder (same data files) with one questionnaire answer changed."""
    shutil.copytree(client.parent, folder)
    copy = folder / client.name
    text = copy.read_text("utf-8")
    assert ANSWER[0] in text
    copy.write_text(text.replace(*ANSWER), "utf-8")
    return copy


def main() -> None:
    """Run the demo audit cold and warm RUNS times and print the figures."""
    cold: list[float] = []
    warm: list[float] = []
    reads: dict[str, list[int]] = {"cold": [], "warm": []}
    steps: dict[str, list[float]] = {}
    size = 0
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            client = demo.write_demo(Path(tmp) / "demo-client")
            secs, res = _timed(client, Path(tmp) / "demo")
            cold.append(time.perf_counter() - t0)
            reads["cold"].append(res.reads)
            size = (res.out_dir / "report.html").stat().st_size
            for s in res.steps:
                steps.setdefault(s.name, []).append(s.seconds)
            again = _warm_copy(client, Path(tmp) / "workshop-client")
            secs, res = _timed(again, Path(tmp) / "workshop")
            assert res.cache_hit
            warm.append(secs)
            reads["warm"].append(res.reads)

    def line(ts: list[float]) -> str:
        return f"median {statistics.median(ts):.1f} s (runs: {', '.join(f'{t:.1f}' for t in ts)})"

    print(f"salesaudit demo, {RUNS} runs on this machine (2 workers)")
    print(f"  cold run (demo written, data read): {line(cold)}")
    print(f"  warm re-run (one answer changed, data files unchanged): {line(warm)}")
    print(
        f"  data files parsed per run: cold {reads['cold']}, warm {reads['warm']}"
        " (runner and all notebooks together)"
    )
    for name in runner.ORDER:
        print(f"  {name:<16} median {statistics.median(steps[name]):.2f} s")
    print(f"  report.html: {size / 1024 / 1024:.2f} MB ({size:,} bytes)")


if __name__ == "__main__":
    main()
