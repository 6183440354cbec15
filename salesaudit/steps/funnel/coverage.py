"""Pipeline coverage: the open pipeline against the target of the next quarter and of the horizon.

The open pipeline is the sum of the amounts of the open, non-stale deals (a deal without an
amount counts at the average won deal) — as is, and weighted by each deal's chance to win
from its stage, the one the forecast uses (:meth:`ForecastModel.open_win`: past snapshots of
the open pipeline when the stage history allows, else the product of the stage conversions
from its stage; the win rate when the stage conversions are not identifiable). The weighted
ratio is the honest measure; the unweighted one is the rule of thumb ("3×") a board asks
about. Per manager, the target is split by each manager's share of the latest plan months.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from salesaudit.steps.funnel.compute import LOST, WON, stage_position
from salesaudit.steps.funnel.forecast import ForecastModel

QUARTER = 3


@dataclass(frozen=True)
class PipelineCoverage:
    """Open pipeline (as is and weighted) and its ratios to the next quarter's and horizon's target."""

    open_deals: int
    without_amount: int
    pipeline: float
    weighted: float
    horizon: int
    target_quarter: float | None
    target_horizon: float | None
    managers: pd.DataFrame  # manager, open_deals, pipeline, weighted, target_quarter, ratios

    def ratio(self, weighted: bool, horizon: bool) -> float | None:
        """Pipeline (or weighted pipeline) ÷ the target of the quarter (or of the horizon)."""
        target = self.target_horizon if horizon else self.target_quarter
        if not target:
            return None
        return (self.weighted if weighted else self.pipeline) / target


def _open_deals(
    deals: pd.DataFrame,
    history: pd.DataFrame | None,
    stages: list[str],
    as_of: pd.Timestamp,
    stale_days: float | None,
) -> pd.DataFrame:
    """Open, non-stale deals created by as_of, with their stage index."""
    is_open = ~deals["stage"].isin([WON, LOST])
    age = (as_of - deals["created_at"]).dt.total_seconds() / 86400
    keep = is_open & (age >= 0)
    if stale_days:
        keep &= age <= stale_days
    pos = stage_position(deals, history, stages)
    keep &= pos < len(stages) - 1
    return deals.loc[keep].assign(_pos=pos[keep])


def _manager_share(plan: pd.DataFrame | None, as_of: pd.Timestamp) -> pd.Series | None:
    """Each manager's share of the plan: the next plan months after as_of, else the last three."""
    if plan is None or "manager" not in plan or not plan["manager"].notna().any():
        return None
    p = plan[plan["manager"].notna()]
    if "period" not in p:
        return None
    month = pd.to_datetime(p["period"]).dt.to_period("M")
    ahead = p[month > as_of.to_period("M")]
    if ahead.empty:
        ahead = p[month >= month.max() - (QUARTER - 1)]
    share = ahead.groupby("manager")["amount"].sum()
    return share / share.sum() if share.sum() > 0 else None


def pipeline_coverage(
    deals: pd.DataFrame,
    history: pd.DataFrame | None,
    stages: list[str],
    model: ForecastModel,
    as_of: pd.Timestamp,
    target_per_month: float | None,
    horizon: int,
    stale_days: float | None = None,
    plan: pd.DataFrame | None = None,
) -> PipelineCoverage:
    """The open pipeline against the target of the next quarter and of the horizon."""
    d = _open_deals(deals, history, stages, as_of, stale_days)
    amount = d["amount"] if "amount" in d else pd.Series(np.nan, index=d.index)
    money = amount.fillna(model.mean_size).to_numpy(dtype=float)
    win = model.open_win()
    pos = np.zeros(len(d), dtype=int) if model.collapsed else d["_pos"].to_numpy(dtype=int)
    chance = win[np.clip(pos, 0, len(win) - 1)]
    tq = target_per_month * QUARTER if target_per_month else None
    th = target_per_month * horizon if target_per_month else None
    frame = pd.DataFrame(
        {
            "manager": d["manager"].fillna("—") if "manager" in d else "—",
            "pipeline": money,
            "weighted": money * chance,
        }
    )
    g = frame.groupby("manager").agg(
        open_deals=("pipeline", "size"), pipeline=("pipeline", "sum"), weighted=("weighted", "sum")
    )
    share = _manager_share(plan, as_of)
    g["target_quarter"] = g.index.map(share) * tq if share is not None and tq else np.nan
    g["ratio"] = g["pipeline"] / g["target_quarter"]
    g["weighted_ratio"] = g["weighted"] / g["target_quarter"]
    g = g.sort_values("weighted", ascending=False).reset_index()
    return PipelineCoverage(
        open_deals=len(d),
        without_amount=int(amount.isna().sum()),
        pipeline=float(money.sum()),
        weighted=float((money * chance).sum()),
        horizon=horizon,
        target_quarter=tq,
        target_horizon=th,
        managers=g,
    )
