"""Forecast speed: scenarios per second of the vectorised Monte Carlo (10k, 100k, 1M
scenarios × 12 months × 6 stages) and of the naive per-deal loop on 1k scenarios.

Run: python benchmarks/forecast.py [--naive N]
Targets (DESIGN §9, issue 4): 100k scenarios × 12 months under 1 s; ≥ 100× the loop.
"""

from __future__ import annotations

import argparse
import platform
import time

import numpy as np

from salesaudit.core.names import STAGE_KEYS
from salesaudit.steps.funnel import forecast as fmod


def model() -> fmod.ForecastModel:
    """A mid-size B2B funnel: 120 new deals a month, 6 stages, 150 deals open."""
    m = fmod.model_from_rates(list(STAGE_KEYS), 120, [0.6, 0.55, 0.7, 0.6, 0.5], 180_000, 45)
    rng = np.random.default_rng(0)
    m.open_stage = rng.integers(0, 5, 150)
    m.open_age = rng.uniform(0, 90, 150)
    return m


def best_of(fn, repeat: int) -> float:
    """Best wall time of `repeat` runs."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--naive", type=int, default=1000, help="scenarios for the naive loop")
    args = ap.parse_args()
    m = model()
    print(
        f"python {platform.python_version()}, numpy {np.__version__}, "
        f"{platform.machine()}; horizon 12 months, {len(m.stages)} stages, "
        f"{m.inflow_mean:.0f} new deals/month, {len(m.open_stage)} open deals"
    )
    fmod.simulate(m, 12, 2000, seed=0)  # warm up
    rates = {}
    for n, repeat in ((10_000, 5), (100_000, 3), (1_000_000, 1)):
        t = best_of(lambda n=n: fmod.simulate(m, 12, n, seed=1), repeat)
        rates[n] = n / t
        print(f"vectorised {n:>9,} scenarios: {t:7.3f} s  {n / t:>12,.0f} scenarios/s")
    t = best_of(lambda: fmod.naive_simulate(m, 12, args.naive, seed=1), 1)
    naive = args.naive / t
    print(f"naive loop {args.naive:>9,} scenarios: {t:7.3f} s  {naive:>12,.0f} scenarios/s")
    t100k = 100_000 / rates[100_000]
    print(f"100k × 12 months: {t100k:.3f} s (target < 1 s: {'ok' if t100k < 1 else 'MISSED'})")
    ratio = rates[100_000] / naive
    print(
        f"speed-up vs per-deal loop: {ratio:,.0f}× (target ≥ 100×: "
        f"{'ok' if ratio >= 100 else 'MISSED'})"
    )


if __name__ == "__main__":
    main()
