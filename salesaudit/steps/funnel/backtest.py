"""The forecast backtests itself: re-fitted at earlier origins on the data known then.

For each origin k = 3 … 12 months before the last complete month end (as the history
allows), the deals are cut back to what was known at the origin — deals created later are
unknown; deals closed later (won or lost) are still open, at the stage the stage history
gives at the origin (without it, the first stage); amounts are known — the model is re-fitted
and simulated from the origin for k months, and its P10–P90 of won-deal revenue (by close
month, the forecast's revenue basis) is compared with what came. A naive run-rate (the
monthly won revenue of the 12 months before the origin × k) is the benchmark the median must
beat. Seeded and vectorised: 2 000 scenarios a backtest.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
import pandas as pd

from salesaudit.steps.funnel import forecast as fmod
from salesaudit.steps.funnel.compute import LOST, WON, stale_threshold

ORIGINS = tuple(range(3, 13))  # months before the last complete month end
BACKTEST_SCENARIOS = 2_000
MIN_MONTHS = 6  # complete months of history an origin needs
RUN_RATE_MONTHS = 12


@dataclass(frozen=True)
class BacktestRow:
    """One backtest: the forecast made at `as_of` for `horizon_months`, and what came."""

    as_of: pd.Timestamp
    horizon_months: int
    p10: float
    p50: float
    p90: float
    actual: float
    run_rate: float  # the naive benchmark: last 12 months' monthly won revenue × horizon

    @property
    def covered(self) -> bool:
        """The actual fell within P10–P90."""
        return self.p10 <= self.actual <= self.p90


@dataclass(frozen=True)
class Backtest:
    """All backtests of one audit, with coverage and the median's error against run-rate."""

    rows: tuple[BacktestRow, ...]
    elapsed: float

    @property
    def coverage(self) -> float | None:
        """Share of backtests whose P10–P90 covered the actual."""
        return float(np.mean([r.covered for r in self.rows])) if self.rows else None

    @property
    def mae(self) -> float | None:
        """Mean absolute error of the median forecast."""
        return float(np.mean([abs(r.p50 - r.actual) for r in self.rows])) if self.rows else None

    @property
    def mae_run_rate(self) -> float | None:
        """Mean absolute error of the naive run-rate."""
        if not self.rows:
            return None
        return float(np.mean([abs(r.run_rate - r.actual) for r in self.rows]))

    @property
    def year_ago(self) -> BacktestRow | None:
        """The longest backtest (12 months when the history allows): "a year ago"."""
        return max(self.rows, key=lambda r: r.horizon_months) if self.rows else None


def month_end(as_of: pd.Timestamp) -> pd.Timestamp:
    """The last complete month end at or before as_of (end of day)."""
    as_of = pd.Timestamp(as_of).normalize()
    end = as_of + pd.offsets.MonthEnd(0)
    return end if end == as_of else as_of - pd.offsets.MonthEnd(1)


def known_at(
    deals: pd.DataFrame, history: pd.DataFrame | None, stages: list[str], origin: pd.Timestamp
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Deals and stage history as they stood at the end of the origin day."""
    cut = origin + pd.Timedelta(days=1)
    d = deals[deals["created_at"] < cut].copy()
    h = None if history is None else history[history["entered_at"] < cut]
    later = d["closed_at"].isna() | (d["closed_at"] >= cut) if "closed_at" in d else None
    if later is None:
        return d.reset_index(drop=True), h
    reopen = later | ~d["stage"].isin([WON, LOST])
    first = pd.Series(stages[0], index=d.index, dtype=object)
    if h is not None and not h.empty:
        pos = {k: i for i, k in enumerate(stages[:-1])}
        hh = h[h["stage"].isin(pos)].assign(_pos=lambda x: x["stage"].map(pos))
        last = hh.sort_values(["deal_id", "entered_at", "_pos"]).groupby("deal_id")["stage"].last()
        first = d["deal_id"].map(last).fillna(stages[0]).astype(object)
    d["stage"] = d["stage"].astype(object).where(~reopen, first)
    d.loc[reopen, "closed_at"] = pd.NaT
    if "lost_stage" in d:
        d["lost_stage"] = d["lost_stage"].astype(object).where(~reopen, None)
    return d.reset_index(drop=True), h


def won_revenue(deals: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> float:
    """Won deals' amounts closed after `start` up to the end of day `end`."""
    if "closed_at" not in deals or "amount" not in deals:
        return 0.0
    w = deals[(deals["stage"] == WON) & deals["closed_at"].notna()]
    w = w[
        (w["closed_at"] >= start + pd.Timedelta(days=1))
        & (w["closed_at"] < end + pd.Timedelta(days=1))
    ]
    return float(w["amount"].fillna(0).sum())


def _one(
    deals: pd.DataFrame,
    stages: list[str],
    history: pd.DataFrame | None,
    origin: pd.Timestamp,
    horizon: int,
    scenarios: int,
    seed: int,
) -> BacktestRow | None:
    """The forecast made at `origin` for `horizon` months against what came (None if none)."""
    d, h = known_at(deals, history, stages, origin)
    if d.empty or (origin - d["created_at"].min()).days < MIN_MONTHS * 28:
        return None
    try:
        model = fmod.model_from_deals(d, stages, h, origin, stale_days=stale_threshold(d))
    except fmod.ForecastUnavailable:
        return None
    r = fmod.simulate(model, horizon=horizon, scenarios=scenarios, seed=seed)
    months = min(RUN_RATE_MONTHS, (origin - d["created_at"].min()).days // 31)
    past = won_revenue(d, origin - pd.DateOffset(months=months), origin)
    end = origin + pd.offsets.MonthEnd(horizon)
    return BacktestRow(
        as_of=origin,
        horizon_months=horizon,
        p10=float(r.total_q[0]),
        p50=float(r.total_q[1]),
        p90=float(r.total_q[2]),
        actual=won_revenue(deals, origin, end),
        run_rate=past / months * horizon,
    )


def backtest(
    deals: pd.DataFrame,
    stages: list[str],
    history: pd.DataFrame | None,
    as_of: pd.Timestamp,
    seed: int = 42,
    scenarios: int = BACKTEST_SCENARIOS,
    origins: tuple[int, ...] = ORIGINS,
) -> Backtest:
    """Backtests at origins k months before the last complete month end (see the module)."""
    t0 = time.perf_counter()
    end = month_end(as_of)
    rows = []
    for k in origins:
        origin = end - pd.offsets.MonthEnd(k)
        row = _one(deals, stages, history, origin, k, scenarios, seed + k)
        if row is not None:
            rows.append(row)
    return Backtest(rows=tuple(rows), elapsed=time.perf_counter() - t0)
