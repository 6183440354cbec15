"""Facts of the validated tables that several steps and the data-quality record read, each defined once.

- `loss_stage`: the stage a lost deal was lost at (`lost_stage`, else its last funnel stage in
  `stage_history`); lost deals where neither tells are "lost without a known stage".
- `revenue_basis` / `revenue_records`: where revenue comes from — payments (`sales`) when the
  client gave them, else won deals (amount on the close date).
"""

from __future__ import annotations

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
