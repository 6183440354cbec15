"""Plan vs fact with the gap split into volume, conversion and deal-size effects; the daily
payments plan/fact and the board (DESIGN §7.6, §7.8; METHODOLOGY §3.8).

Revenue of a month is written as R = N × c × s: N new deals created in the month, c = won
deals closed in the month / N (the month's throughput conversion), s = revenue / won deals
(deals without an amount count as zero). The plan gives only R_plan, so it is read as
built on the baseline conversion c₀ and deal size s₀ of the plan months taken together:
N_plan = R_plan / (c₀ s₀). The gap R − R_plan then splits exactly (sequentially, in the
order volume → conversion → deal size):
volume = (N − N_plan) c₀ s₀; conversion = N (c − c₀) s₀; deal size = N c (s − s₀).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from salesaudit.funnel import WON


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


def _decompose(df: pd.DataFrame, c0: float, s0: float) -> pd.DataFrame:
    """Add the plan's implied volume and the three effects to rows with plan, new, won, revenue."""
    out = df.copy()
    out["fact"] = out["revenue"]
    out["gap"] = out["fact"] - out["plan"]
    base = c0 * s0
    out["plan_new"] = out["plan"] / base if base > 0 else np.nan
    n = out["new"]
    c = np.where(n > 0, out["won"] / n.where(n > 0, 1), 0.0)
    s = np.where(out["won"] > 0, out["revenue"] / out["won"].where(out["won"] > 0, 1), 0.0)
    out["volume"] = (n - out["plan_new"]) * base
    out["conversion"] = n * (c - c0) * s0
    out["deal_size"] = n * c * (s - s0)
    return out


def plan_vs_fact(
    plan: pd.DataFrame | None, deals: pd.DataFrame, as_of: pd.Timestamp
) -> tuple[pd.DataFrame | None, pd.DataFrame | None, str | None]:
    """Plan vs fact per month (and per manager when the plan has one), gap decomposed.

    Returns (monthly, by_manager, reason); monthly is None with a reason when the data
    cannot support it. Months after as_of's month are left out.
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
    tot_new, tot_won, tot_rev = monthly["new"].sum(), monthly["won"].sum(), monthly["revenue"].sum()
    if tot_new <= 0 or tot_won <= 0:
        return None, None, "no_won_in_plan_months"
    c0, s0 = tot_won / tot_new, tot_rev / tot_won
    monthly = _decompose(monthly, c0, s0)
    monthly.index.name = "month"
    monthly = monthly.reset_index()[
        [
            "month",
            "plan",
            "fact",
            "gap",
            "new",
            "plan_new",
            "won",
            "volume",
            "conversion",
            "deal_size",
        ]
    ]
    by_mgr = None
    if "manager" in p and p["manager"].notna().any() and "manager" in deals:
        pm = p[p["manager"].notna()].groupby(["period", "manager"])["amount"].sum()
        pm.index.names = ["month", "manager"]
        dm = _monthly_drivers(deals[deals["manager"].notna()], ["manager"])
        dm = dm.reindex(pm.index, fill_value=0.0)
        dm["plan"] = pm
        by_mgr = (
            _decompose(dm, c0, s0)
            .groupby(level="manager")[
                [
                    "plan",
                    "fact",
                    "gap",
                    "new",
                    "plan_new",
                    "won",
                    "volume",
                    "conversion",
                    "deal_size",
                ]
            ]
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
