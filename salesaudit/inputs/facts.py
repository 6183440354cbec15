"""Facts of the validated tables that several steps and the data-quality record read, each defined once.

- `loss_stage`: the stage a lost deal was lost at (`lost_stage`, else its last funnel stage in
  `stage_history`); lost deals where neither tells are "lost without a known stage".
- `latest_fact`: the default audit date — the latest *fact* in the data (a creation, the close of
  a closed deal, a payment, a stage change, an activity), never a planned date, never after today.
- `purchases_basis` / `revenue_records`: where clients' purchases come from — payments
  (`sales`) when the client gave them, else won deals (amount on the close date).
- `reconcile`: the ONE revenue basis of the report — the target's (`targets.basis`, won
  deals unless stated). `reconcile` converts the other basis to it through the last 12 months'
  ratio payments ÷ won deals (and states the payment lag); `inputs.basis.target_per_month` is
  the one reader of the target, in the report's basis.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from salesaudit.core.names import LOST, WON

if TYPE_CHECKING:  # pragma: no cover
    from salesaudit.inputs.client import ClientConfig

RevenueBasis = Literal["payments", "won_deals"]


def loss_stage(deals: pd.DataFrame, history: pd.DataFrame | None, stages: list[str]) -> pd.Series:
    """The stage each lost deal was lost at: `lost_stage`, else its last stage in history, else
    the stage an event log says the deal left when it was lost (`from_stage`; NaN if unknown).

    Event logs (amoCRM) record changes only: a deal lost at the stage it was created in has
    no row entering that stage, only the loss — whose "value before" names the stage.
    """
    out = pd.Series(np.nan, index=deals.index, dtype=object)
    if "lost_stage" in deals:
        out = deals["lost_stage"].where(deals["lost_stage"].isin(stages)).astype(object)
    if history is not None and not history.empty:
        h = history[history["stage"].isin(stages)].copy()
        h["pos"] = h["stage"].map({k: i for i, k in enumerate(stages)})
        last = h.sort_values(["deal_id", "entered_at", "pos"]).groupby("deal_id")["stage"].last()
        out = out.fillna(deals["deal_id"].map(last))
        if "from_stage" in history:
            left = history[(history["stage"] == LOST) & history["from_stage"].isin(stages)]
            at = left.sort_values(["deal_id", "entered_at"]).groupby("deal_id")["from_stage"].last()
            out = out.fillna(deals["deal_id"].map(at))
    return out.where(deals["stage"] == LOST)


def lost_without_stage(
    deals: pd.DataFrame, history: pd.DataFrame | None, stages: list[str]
) -> pd.Series:
    """True for lost deals whose loss stage neither `lost_stage` nor stage history gives."""
    return (deals["stage"] == LOST) & loss_stage(deals, history, stages).isna()


def purchases_basis(tables: dict[str, pd.DataFrame]) -> RevenueBasis | None:
    """Payments when the client gave a sales table, else won deals with amounts; None when neither."""
    sales = tables.get("sales")
    if sales is not None and not sales.empty:
        return "payments"
    deals = tables.get("deals")
    if deals is not None and not deals.empty and {"amount", "closed_at"} <= set(deals):
        return "won_deals"
    return None


def revenue_records(tables: dict[str, pd.DataFrame]) -> pd.DataFrame | None:
    """Revenue as (client_id, date, amount[, manager]) rows on the basis `revenue_basis` picks."""
    basis = purchases_basis(tables)
    if basis == "payments":
        sales = tables["sales"]
        cols = [c for c in ("client_id", "date", "amount", "manager") if c in sales]
        return sales[cols]
    if basis == "won_deals":
        deals = tables["deals"]
        won = deals[(deals["stage"] == WON) & deals["closed_at"].notna() & deals["amount"].notna()]
        cols = [c for c in ("client_id", "closed_at", "amount", "manager") if c in won]
        return won[cols].rename(columns={"closed_at": "date"})
    return None


RECONCILE_MONTHS = 12  # the window the two bases are compared over
LAG_LIMIT_DAYS = 365  # a payment later than this after a close is not that deal's payment


@dataclass(frozen=True)
class Reconciliation:
    """Won deals and payments over the last 12 months, their ratio and lag, the target and plan.

    `basis` is the report's one revenue basis (the target's). `ratio` = payments ÷ won deals;
    an amount in one basis is converted to the other by that ratio (:meth:`convert`).
    """

    basis: RevenueBasis
    window: tuple[pd.Timestamp, pd.Timestamp]
    won_deals: float | None  # won-deal revenue over the window
    payments: float | None  # payments over the window (None without a sales table)
    ratio: float | None  # payments ÷ won deals
    lag_days: float | None  # median days from a won deal's close to its client's next payment
    target: float | None  # the target a month as the client gave it
    target_basis: RevenueBasis
    plan: float | None  # the plan table's total over the window, in its own basis
    plan_basis: RevenueBasis

    def convert(
        self, amount: float | None, source: RevenueBasis, to: RevenueBasis | None = None
    ) -> float | None:
        """`amount` given in `source`, in `to` (default the report's basis); None without a ratio."""
        to = to or self.basis
        if amount is None or source == to:
            return amount
        if not self.ratio:
            return None
        return amount / self.ratio if to == "won_deals" else amount * self.ratio

    @property
    def target_month(self) -> float | None:
        """The target a month in the report's basis."""
        return self.convert(self.target, self.target_basis)

    @property
    def plan_in_basis(self) -> float | None:
        """The plan over the window in the report's basis."""
        return self.convert(self.plan, self.plan_basis)


def payment_lag(deals: pd.DataFrame, sales: pd.DataFrame) -> float | None:
    """Median days from a won deal's close to its client's first payment on or after it."""
    if "client_id" not in deals or "client_id" not in sales:
        return None
    won = deals[(deals["stage"] == WON) & deals["closed_at"].notna() & deals["client_id"].notna()]
    if won.empty:
        return None
    w = won[["client_id", "closed_at"]].sort_values("closed_at", kind="stable")
    p = sales[["client_id", "date"]].dropna().sort_values("date", kind="stable")
    m = pd.merge_asof(
        w,
        p,
        left_on="closed_at",
        right_on="date",
        by="client_id",
        direction="forward",
        tolerance=pd.Timedelta(days=LAG_LIMIT_DAYS),
    )
    days = (m["date"] - m["closed_at"]).dt.days.dropna()
    return float(days.median()) if len(days) else None


def reconcile(
    tables: dict[str, pd.DataFrame], config: ClientConfig, as_of: pd.Timestamp
) -> Reconciliation | None:
    """The two revenue bases over the 12 months to as_of, the target and the plan, reconciled."""
    deals, sales, plan = tables.get("deals"), tables.get("sales"), tables.get("plan")
    has_won = deals is not None and not deals.empty and {"amount", "closed_at"} <= set(deals)
    has_pay = sales is not None and not sales.empty
    if not has_won and not has_pay:
        return None
    end = pd.Timestamp(as_of)
    start = end - pd.DateOffset(months=RECONCILE_MONTHS)
    won = pay = lag = None
    if has_won:
        assert deals is not None
        closed = deals["closed_at"]
        w = deals[(deals["stage"] == WON) & (closed > start) & (closed <= end)]
        won = float(w["amount"].fillna(0.0).sum())
    if has_pay:
        assert sales is not None
        pay = float(sales.loc[(sales["date"] > start) & (sales["date"] <= end), "amount"].sum())
        lag = payment_lag(deals, sales) if has_won and deals is not None else None
    ratio = pay / won if won and pay else None
    stated = config.targets.basis
    basis: RevenueBasis = (
        stated
        if (has_won if stated == "won_deals" else has_pay)
        else ("won_deals" if has_won else "payments")
    )
    plan_total = None
    if plan is not None and not plan.empty:
        last = end.to_period("M").to_timestamp()
        first = (start + pd.Timedelta(days=1)).to_period("M").to_timestamp()
        plan_total = float(
            plan.loc[(plan["period"] >= first) & (plan["period"] <= last), "amount"].sum()
        )
    return Reconciliation(
        basis=basis,
        window=(start + pd.Timedelta(days=1), end),
        won_deals=won,
        payments=pay,
        ratio=ratio,
        lag_days=lag,
        target=config.targets.revenue_per_month,
        target_basis=stated,
        plan=plan_total,
        plan_basis="payments" if has_pay else "won_deals",
    )


# The dates that record something that happened, in the order the intake names them.
FACT_DATES: tuple[tuple[str, str], ...] = (
    ("deals", "created_at"),
    ("deals", "closed_at"),
    ("sales", "date"),
    ("stage_history", "entered_at"),
    ("activities", "date"),
)


def latest_fact(
    tables: dict[str, pd.DataFrame], today: dt.date | None = None
) -> tuple[pd.Timestamp, str]:
    """The latest fact date (never after today) and where it came from ("table.column" or "today").

    A deal's `closed_at` counts only when the deal is closed (won or lost): on an open deal it
    is a planned date. Dates after today (typos, planned dates mis-mapped) are not facts either.
    """
    limit = pd.Timestamp(today or dt.date.today()) + pd.Timedelta(days=1)
    best: tuple[pd.Timestamp, str] | None = None
    for name, col in FACT_DATES:
        df = tables.get(name)
        if df is None or col not in df:
            continue
        values = df[col]
        if name == "deals" and col == "closed_at" and "stage" in df:
            values = values[df["stage"].isin([WON, LOST])]
        values = values[values < limit]
        if values.notna().any():
            latest = pd.Timestamp(values.max()).normalize()
            if best is None or latest > best[0]:
                best = (latest, f"{name}.{col}")
    return best if best is not None else (pd.Timestamp(limit - pd.Timedelta(days=1)), "today")
