"""Forecast calibration: the backtest on the demo, on other seeds of the demo's generator, and
what an oracle that knows the generator would have covered on the demo.

Run: python benchmarks/backtest.py [--seeds N] [--oracle-runs N]

Prints, per horizon k = 3 … 12 months: the demo's P10–P90 and what came; the share of the
other seeds' backtests whose P10–P90 covered the actual (an honest 80 % band covers about
0.8); and, from N fresh runs of the generator, the true P10–P90 of revenue in each window
and the percentile the demo's actual falls at. A window where the demo's actual lies above
the true P90 is one no calibrated forecast is expected to cover.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from salesaudit.inputs import demo
from salesaudit.inputs.audit import open_audit
from salesaudit.steps.funnel import backtest as bt
from salesaudit.steps.funnel.compute import audit_deals


def run_backtest(seed: int, root: Path) -> bt.Backtest:
    """Write the demo for `seed` and backtest its forecast."""
    folder = root / f"s{seed}"
    demo.write_demo(folder, seed=seed)
    audit = open_audit(folder / "client.yaml")
    deals = audit_deals(audit)
    assert deals is not None
    return bt.backtest(
        deals, audit.stage_keys, audit.table("stage_history"), audit.as_of, seed=audit.config.seed
    )


def window_revenue(seed: int) -> np.ndarray:
    """Won revenue closed in each backtest window (k = 3 … 12) of one generator run."""
    deals, _ = demo.make_deals(np.random.default_rng(seed))
    won = deals[deals["Stage"] == demo.CRM_STAGES["contract"]]
    closed = pd.to_datetime(won["Closed"])
    end = bt.month_end(pd.Timestamp(demo.AS_OF))
    out = []
    for k in bt.ORIGINS:
        origin = end - pd.offsets.MonthEnd(k)
        out.append(float(won.loc[(closed > origin) & (closed <= end), "Amount"].fillna(0).sum()))
    return np.array(out)


def main() -> None:
    """Print the demo's backtest, the seeds' coverage and the oracle's view."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=16, help="other generator seeds to backtest")
    ap.add_argument("--oracle-runs", type=int, default=200, help="generator runs for the truth")
    args = ap.parse_args()
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        mine = run_backtest(demo.DEMO_SEED, root)
        others = [run_backtest(s, root) for s in range(1, args.seeds + 1)]
    truth = np.array([window_revenue(s) for s in range(10_000, 10_000 + args.oracle_runs)])
    actual = window_revenue(demo.DEMO_SEED)
    lo, hi = np.quantile(truth, [0.1, 0.9], axis=0)
    pct = (truth < actual).mean(axis=0)
    by_k: dict[int, list[bool]] = {}
    for b in others:
        for r in b.rows:
            by_k.setdefault(r.horizon_months, []).append(r.covered)
    print(
        f"{'k':>3} {'demo P10–P90, M':>18} {'actual':>7} {'covered':>8} {'seeds':>6}"
        f" {'truth P10–P90, M':>18} {'pct':>5} {'oracle':>7}"
    )
    oracle = 0
    for i, r in enumerate(sorted(mine.rows, key=lambda r: r.horizon_months)):
        inside = lo[i] <= actual[i] <= hi[i]
        oracle += inside
        seeds = np.mean(by_k.get(r.horizon_months, [np.nan]))
        print(
            f"{r.horizon_months:>3} {r.p10 / 1e6:8.1f}–{r.p90 / 1e6:<8.1f} {r.actual / 1e6:7.1f}"
            f" {('yes' if r.covered else 'no'):>8} {seeds:6.2f} {lo[i] / 1e6:8.1f}–"
            f"{hi[i] / 1e6:<8.1f} {pct[i]:5.2f} {('yes' if inside else 'no'):>7}"
        )
    cov = [b.coverage for b in others if b.coverage is not None]
    mae = np.median([b.mae for b in others if b.mae is not None]) / 1e6
    rr = np.median([b.mae_run_rate for b in others if b.mae_run_rate is not None]) / 1e6
    print(
        f"demo: coverage {mine.coverage:.1f}, median error {(mine.mae or 0) / 1e6:.1f} M against"
        f" the run-rate's {(mine.mae_run_rate or 0) / 1e6:.1f} M"
    )
    print(
        f"{len(others)} other seeds: coverage mean {np.mean(cov):.2f} (min {min(cov):.1f}, max"
        f" {max(cov):.1f}); median error {mae:.1f} M against the run-rate's {rr:.1f} M"
    )
    print(f"oracle (the generator's own P10–P90) on the demo: {oracle} of {len(actual)} covered")
    print(f"elapsed {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
