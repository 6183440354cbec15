"""Facts of the validated tables that several steps and the data-quality record read, each defined once.

- `loss_stage`: the stage a lost deal was lost at (`lost_stage`, else its last funnel stage in
  `stage_history`); lost deals where neither tells are "lost without a known stage".
- `latest_fact`: the default audit date — the latest *fact* in the data (a creation, the close of
  a closed deal, a payment, a stage change, an activity), never a planned date, never after today.
- `revenue_basis` / `revenue_records`: where revenue comes from — payments (`sales`) when the
  client gave them, else won deals (amount on the close date).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import numpy as np
import pandas as pd

from salesaudit.core.names import LOST, WON

RevenueBasis = Literal["payments", "won_deals"]


def loss_stage(deals: pd.DataFrame, history: pd.DataFrame | None, stages: list[str]) -> pd.Series:
    """The stage each lost deal was lost at: `lost_stage`, else its last stage in history (NaN if unknown)."""
    out = pd.Series(np.nan, index=deals.index, dtype=object)
    if "lost_stage" in deals:
        out = deals["lost_stage"].where(deals["lost_stage"].isin(stages)).astype(object)
    if history is not None and not history.empty:
        h = history[history["stage"].isin(stages)].copy()
        h["pos"] = h["stage"].map({k: i for i, k in enumerate(stages)})
        last = h.sort_values(["deal_id", "entered_at", "pos"]).groupby("deal_id")["stage"].last()
        out = out.fillna(deals["deal_id"].map(last))
    return out.where(deals["stage"] == LOST)


def lost_without_stage(
    deals: pd.DataFrame, history: pd.DataFrame | None, stages: list[str]
) -> pd.Series:
    """True for lost deals whose loss stage neither `lost_stage` nor stage history gives."""
    return (deals["stage"] == LOST) & loss_stage(deals, history, stages).isna()


def revenue_basis(tables: dict[str, pd.DataFrame]) -> RevenueBasis | None:
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
    basis = revenue_basis(tables)
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
