"""Funnel analytics of DESIGN §7.6: stage reach, conversions, win rate, cycle."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

WON, LOST = "contract", "lost"


@dataclass
class FunnelCounts:
    """Reach per stage and the outcome counts of a set of deals."""

    stages: pd.DataFrame  # key, reached, open_here, conversion_to_next
    won: int
    lost: int
    open: int
    lost_without_stage: int

    @property
    def win_rate(self) -> float | None:
        """Won / (won + lost), or None when nothing is closed."""
        closed = self.won + self.lost
        return self.won / closed if closed else None


def loss_stage(deals: pd.DataFrame, history: pd.DataFrame | None, stages: list[str]) -> pd.Series:
    """The stage each lost deal was lost at: `lost_stage`, else its last stage in history."""
    out = pd.Series(np.nan, index=deals.index, dtype=object)
    if "lost_stage" in deals:
        out = deals["lost_stage"].where(deals["lost_stage"].isin(stages))
    if history is not None and not history.empty:
        h = history[history["stage"].isin(stages)].copy()
        h["pos"] = h["stage"].map({k: i for i, k in enumerate(stages)})
        last = h.sort_values(["deal_id", "entered_at", "pos"]).groupby("deal_id")["stage"].last()
        from_hist = deals["deal_id"].map(last)
        out = out.fillna(from_hist)
    return out.where(deals["stage"] == LOST)


def stage_position(
    deals: pd.DataFrame, history: pd.DataFrame | None, stages: list[str]
) -> pd.Series:
    """Index of the furthest stage each deal reached (lost without a known stage: 0)."""
    pos = {k: i for i, k in enumerate(stages)}
    current = deals["stage"].map(pos)
    lost_at = loss_stage(deals, history, stages).map(pos)
    reached = current.where(deals["stage"] != LOST, lost_at)
    return reached.fillna(0).astype(int)


def counts(
    deals: pd.DataFrame, stages: list[str], history: pd.DataFrame | None = None
) -> FunnelCounts:
    """Reach and conversions per stage: open deals leave the denominator of their own stage."""
    reached_pos = stage_position(deals, history, stages).to_numpy()
    is_open = ~deals["stage"].isin([WON, LOST]).to_numpy()
    n = len(stages)
    reached = np.array([(reached_pos >= i).sum() for i in range(n)])
    open_here = np.array([(is_open & (reached_pos == i)).sum() for i in range(n)])
    conv: list[float | None] = []
    for i in range(n - 1):
        denom = reached[i] - open_here[i]
        conv.append(reached[i + 1] / denom if denom > 0 else None)
    conv.append(None)
    lost = deals["stage"] == LOST
    known = loss_stage(deals, history, stages).notna()
    table = pd.DataFrame(
        {"key": stages, "reached": reached, "open_here": open_here, "conversion_to_next": conv}
    )
    return FunnelCounts(
        stages=table,
        won=int((deals["stage"] == WON).sum()),
        lost=int(lost.sum()),
        open=int(is_open.sum()),
        lost_without_stage=int((lost & ~known).sum()),
    )


def cycle_days(deals: pd.DataFrame) -> pd.Series:
    """Days from created_at to closed_at of won deals with both dates."""
    if "closed_at" not in deals:
        return pd.Series(dtype=float)
    won = deals[(deals["stage"] == WON) & deals["closed_at"].notna()]
    return (won["closed_at"] - won["created_at"]).dt.days.astype(float)


def cycle_summary(deals: pd.DataFrame) -> dict[str, float | None]:
    """Median and P80 of the won-deal cycle in days."""
    days = cycle_days(deals)
    if days.empty:
        return {"median": None, "p80": None}
    return {"median": float(days.median()), "p80": float(days.quantile(0.8))}


def wilson(successes: float, n: float, level: float = 0.90) -> tuple[float, float]:
    """Wilson score interval for a proportion (default 90%)."""
    from statistics import NormalDist

    if n <= 0:
        return (float("nan"), float("nan"))
    z = NormalDist().inv_cdf(0.5 + level / 2)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (float(centre - half), float(centre + half))
