"""Plan vs fact with the gap split into volume, conversion, deal-size (and other payments)
effects; the daily payments plan/fact and the board (docs/methodology.md §6.5, §6.7, §3.8).

Won-deal revenue of a month is W = N × c × s: N new deals created in the month, c = won
deals closed in the month / N (the month's throughput conversion), s = W / won deals
(deals without an amount count as zero). The fact F is the month's payments when there is
a `sales` table (else F = W), so F = W + O where O is what the month's won deals do not
explain (repeat payments, instalments, timing).

The plan gives only a total, so it is read as built on the baseline of the plan months
taken together: the deals' share of the fact d₀ = ΣW / ΣF, conversion c₀ and deal size s₀.
The plan's deal part is P·d₀, needing N_plan = P·d₀ / (c₀ s₀) new deals. The gap F − P then
splits exactly (sequentially, volume → conversion → deal size, then the rest):
volume = (N − N_plan) c₀ s₀; conversion = N (c − c₀) s₀; deal size = N c (s − s₀);
other = O − P (1 − d₀).
Over the whole plan period the conversion and deal-size effects net out near zero by
construction (the baseline is the period's own average); the months show which driver
moved, and N_plan says how many new deals the plan needed at today's conversion and size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from salesaudit.core.constants import DAYS_PER_MONTH
from salesaudit.steps.funnel.compute import WON

EFFECTS = ("volume", "conversion", "deal_size", "other")
COLUMNS = ["plan", "fact", "won_revenue", "gap", "new", "plan_new", "won", *EFFECTS]


def _month(s: pd.Series) -> pd.Series:
    """Month start of each date."""
    return s.dt.to_period("M").dt.to_timestamp()


def _monthly_drivers(deals: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """New deals, won deals and won revenue per month (and per key columns)."""
    d = deals.copy()
    d["month"] = _month(d["created_at"])
    new = d.groupby(["month", *keys]).size().rename("new")
    w = d[(d["stage"] == WON) & d["closed_at"].notna()].copy()
    w["month"] = _month(w["closed_at"])
    w["amount"] = w["amount"].fillna(0.0) if "amount" in w else 0.0
    won = w.groupby(["month", *keys]).agg(won=("deal_id", "size"), revenue=("amount", "sum"))
    return pd.concat([new, won], axis=1).fillna(0.0)


def _payments(sales: pd.DataFrame, keys: list[str]) -> pd.Series:
    """Payments per month (and per key columns)."""
    s = sales.assign(month=_month(sales["date"]))
    return s.groupby(["month", *keys])["amount"].sum()


def _decompose(df: pd.DataFrame, c0: float, s0: float, d0: float) -> pd.DataFrame:
    """The plan's implied volume and the four effects for rows with plan, fact, new, won, revenue."""
    out = df.copy()
    out["won_revenue"] = out["revenue"]
    out["gap"] = out["fact"] - out["plan"]
    base = c0 * s0
    out["plan_new"] = out["plan"] * d0 / base if base > 0 else np.nan
    n = out["new"]
    c = np.where(n > 0, out["won"] / n.where(n > 0, 1), 0.0)
    s = np.where(out["won"] > 0, out["revenue"] / out["won"].where(out["won"] > 0, 1), 0.0)
    out["volume"] = (n - out["plan_new"]) * base
    out["conversion"] = n * (c - c0) * s0
    out["deal_size"] = n * c * (s - s0)
    out["other"] = (out["fact"] - out["revenue"]) - out["plan"] * (1 - d0)
    return out


def plan_vs_fact(
    plan: pd.DataFrame | None,
    deals: pd.DataFrame,
    as_of: pd.Timestamp,
    sales: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame | None, pd.DataFrame | None, str | None]:
    """Plan vs fact per month (and per manager when the plan has one), the gap decomposed.

    The fact is payments when `sales` is given, else won-deal revenue. Returns (monthly,
    by_manager, reason); monthly is None with a reason code when the data cannot support
    it. Months after as_of's month are left out. Columns: month, plan, fact, won_revenue,
    gap, new, plan_new, won, volume, conversion, deal_size, other.
    """
    if plan is None or plan.empty:
        return None, None, "no_plan"
    if "closed_at" not in deals or "amount" not in deals:
        return None, None, "no_amounts"
    last = pd.Timestamp(as_of).to_period("M").to_timestamp()
    p = plan[plan["period"] <= last]
    if p.empty:
        return None, None, "no_plan_months"
    months = sorted(p["period"].unique())
    drv = _monthly_drivers(deals, []).reindex(months, fill_value=0.0)
    plan_m = p.groupby("period")["amount"].sum()
    monthly = drv.assign(plan=plan_m.reindex(months).to_numpy())
    has_sales = sales is not None and not sales.empty
    if has_sales:
        assert sales is not None
        monthly["fact"] = _payments(sales, []).reindex(months, fill_value=0.0).to_numpy()
    else:
        monthly["fact"] = monthly["revenue"]
    tot_new, tot_won, tot_rev = monthly["new"].sum(), monthly["won"].sum(), monthly["revenue"].sum()
    if tot_new <= 0 or tot_won <= 0 or tot_rev <= 0:
        return None, None, "no_won_in_plan_months"
    c0, s0 = tot_won / tot_new, tot_rev / tot_won
    tot_fact = monthly["fact"].sum()
    d0 = min(tot_rev / tot_fact, 1.0) if tot_fact > 0 else 1.0
    monthly = _decompose(monthly, c0, s0, d0)
    monthly.index.name = "month"
    monthly = monthly.reset_index()[["month", *COLUMNS]]
    by_mgr = None
    if "manager" in p and p["manager"].notna().any() and "manager" in deals:
        pm = p[p["manager"].notna()].groupby(["period", "manager"])["amount"].sum()
        pm.index.names = ["month", "manager"]
        dm = _monthly_drivers(deals[deals["manager"].notna()], ["manager"])
        dm = dm.reindex(pm.index, fill_value=0.0)
        dm["plan"] = pm
        if has_sales and sales is not None and "manager" in sales:
            dm["fact"] = _payments(sales, ["manager"]).reindex(pm.index, fill_value=0.0)
        else:
            dm["fact"] = dm["revenue"]
        by_mgr = (
            _decompose(
                dm, c0, s0, d0 if has_sales and sales is not None and "manager" in sales else 1.0
            )
            .groupby(level="manager")[COLUMNS]
            .sum()
            .reset_index()
        )
        by_mgr = by_mgr.sort_values("gap", kind="stable").reset_index(drop=True)
    return monthly, by_mgr, None


def working_days(month: pd.Timestamp) -> pd.DatetimeIndex:
    """Monday–Friday dates of a month."""
    start = pd.Timestamp(month).to_period("M").to_timestamp()
    return pd.bdate_range(start, start + pd.offsets.MonthEnd(0))


def daily_and_board(
    sales: pd.DataFrame | None, plan: pd.DataFrame | None, as_of: pd.Timestamp
) -> tuple[pd.DataFrame | None, pd.DataFrame | None, str | None]:
    """The daily payments plan/fact of as_of's month and the board (leaderboard) as of as_of.

    Daily plan = the month's plan spread evenly over its working days. Returns
    (daily, board, reason): daily has date, plan, fact, plan_cum, fact_cum for each working
    day of the month (fact only up to as_of); the board has, per manager, fact this month to
    date, plan to date (when the plan has managers), share of it and rank. Needs `sales`;
    the board needs `sales.manager`.
    """
    if sales is None or sales.empty:
        return None, None, "no_sales"
    as_of = pd.Timestamp(as_of).normalize()
    month = as_of.to_period("M").to_timestamp()
    days = working_days(month)
    mtd = sales[
        (sales["date"] >= month)
        & (sales["date"] <= as_of + pd.Timedelta(days=1) - pd.Timedelta(seconds=1))
    ]
    fact = mtd.groupby(mtd["date"].dt.normalize())["amount"].sum()
    total_plan = None
    if plan is not None and not plan.empty:
        pm = plan[plan["period"] == month]
        total_plan = float(pm["amount"].sum()) if not pm.empty else None
    all_days = days.union(pd.DatetimeIndex(fact.index)).sort_values()
    daily = pd.DataFrame({"date": all_days})
    daily["plan"] = (
        [total_plan / len(days) if total_plan and d in days else 0.0 for d in all_days]
        if total_plan
        else np.nan
    )
    daily["fact"] = [float(fact.get(d, 0.0)) if d <= as_of else np.nan for d in all_days]
    daily["plan_cum"] = daily["plan"].cumsum()
    daily["fact_cum"] = daily["fact"].cumsum()
    if as_of >= days[-1]:  # month over: show the next working day's plan from next month
        nxt = month + pd.offsets.MonthBegin(1)
        ndays = working_days(nxt)
        nplan = None
        if plan is not None and not plan.empty:
            pn = plan[plan["period"] == nxt]
            nplan = float(pn["amount"].sum()) / len(ndays) if not pn.empty else None
        extra = pd.DataFrame(
            {"date": [ndays[0]], "plan": [nplan if nplan else np.nan], "fact": [np.nan]}
        )
        daily = pd.concat([daily, extra], ignore_index=True)
    board = None
    if "manager" in sales and sales["manager"].notna().any():
        f = mtd.groupby("manager")["amount"].sum().rename("fact")
        board = f.to_frame()
        board["plan_to_date"] = np.nan
        if plan is not None and "manager" in plan:
            pm = plan[(plan["period"] == month) & plan["manager"].notna()]
            share = (days <= as_of).sum() / len(days)
            ptd = pm.groupby("manager")["amount"].sum() * share
            board = board.join(ptd.rename("ptd"), how="outer")
            board["plan_to_date"] = board.pop("ptd")
            board["fact"] = board["fact"].fillna(0.0)
        board["share_of_plan"] = board["fact"] / board["plan_to_date"].where(
            board["plan_to_date"] > 0
        )
        board = board.sort_values("fact", ascending=False, kind="stable")
        board["rank"] = np.arange(1, len(board) + 1)
        board.index.name = "manager"
        board = board.reset_index()
    return daily, board, None


# --------------------------------------------------------------------------------------
# what the text singles out


@dataclass(frozen=True)
class WorstMonth:
    """The settled month furthest below plan and the effect that hurt it most."""

    month: pd.Timestamp
    gap: float
    effect: str  # one of EFFECTS
    value: float


@dataclass(frozen=True)
class PlanFactSummary:
    """Plan vs fact over the plan months, the new deals needed, and the worst month."""

    months: int
    plan: float
    fact: float
    payments: bool  # the fact is payments (a sales table), not won-deal revenue
    other: float
    new_needed: float  # new deals a month the plan needs at today's conversion and size
    new_created: float
    worst: WorstMonth | None
    ratio: float | None = None  # payments ÷ won deals over the last 12 months (the reconciliation)

    @property
    def plan_month_won(self) -> float | None:
        """The plan a month in won deals (a payments plan divided by the ratio)."""
        if not self.payments:
            return self.plan / self.months if self.months else None
        return self.plan / self.months / self.ratio if self.ratio and self.months else None


def plan_fact_summary(
    pf: pd.DataFrame | None,
    first_month: pd.Timestamp | None,
    cycle_p80: float | None,
    ratio: float | None = None,
) -> PlanFactSummary | None:
    """Totals of :func:`plan_vs_fact` and its worst settled month (months within a P80 cycle
    of the first created deal miss wins from deals created before the data: skipped)."""
    if pf is None:
        return None
    settled = pf
    if first_month is not None:
        lag = math.ceil((cycle_p80 or 0.0) / DAYS_PER_MONTH)
        settled = pf[pf["month"] >= first_month + pd.DateOffset(months=lag)]
    worst = None
    if not settled.empty:
        w = settled.iloc[int(np.argmin(settled["gap"].to_numpy(dtype=float)))]
        if w["gap"] < 0:
            effects = {k: float(w[k]) for k in EFFECTS if k in w}
            k = min(effects, key=lambda x: effects[x])
            worst = WorstMonth(month=w["month"], gap=float(w["gap"]), effect=k, value=effects[k])
    return PlanFactSummary(
        months=len(pf),
        plan=float(pf["plan"].sum()),
        fact=float(pf["fact"].sum()),
        payments=bool((pf["fact"] - pf["won_revenue"]).abs().sum() > 0),
        other=float(pf["other"].sum()),
        new_needed=float(pf["plan_new"].mean()),
        new_created=float(pf["new"].mean()),
        worst=worst,
        ratio=ratio,
    )


@dataclass(frozen=True)
class DailySummary:
    """This month's payments to date, the plan to date and tomorrow's, and the board leader."""

    fact: float
    plan: float | None  # None when the month has no daily plan
    tomorrow: float | None
    leader: str | None
    leader_fact: float | None


def daily_summary(daily: pd.DataFrame | None, board: pd.DataFrame | None) -> DailySummary | None:
    """Payments to date against the plan to date, the next working day's plan, the leader."""
    if daily is None:
        return None
    past = daily[daily["fact"].notna()]
    fact = float(past["fact"].sum()) if len(past) else 0.0
    plan = tomorrow = None
    if daily["plan"].notna().any() and daily["plan"].sum() > 0:
        plan = float(past["plan"].sum()) if len(past) else 0.0
        nxt = daily[daily["fact"].isna() & (daily["plan"] > 0)]
        tomorrow = float(nxt["plan"].iloc[0]) if len(nxt) else None
    leader = leader_fact = None
    if board is not None and len(board):
        leader, leader_fact = str(board.iloc[0]["manager"]), float(board.iloc[0]["fact"])
    return DailySummary(
        fact=fact, plan=plan, tomorrow=tomorrow, leader=leader, leader_fact=leader_fact
    )
