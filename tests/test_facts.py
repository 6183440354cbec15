"""The table facts several steps share: loss stage and revenue basis, on hand-worked tables."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from salesaudit.inputs.facts import (
    latest_fact,
    loss_stage,
    lost_without_stage,
    revenue_basis,
    revenue_records,
)

STAGES = ["target_list", "first_contact", "offer", "contract"]


def _deals() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "deal_id": ["a", "b", "c", "d", "e"],
            "stage": ["lost", "lost", "lost", "contract", "offer"],
            "lost_stage": ["offer", None, None, None, None],
            "amount": [None, None, None, 100.0, 50.0],
            "closed_at": pd.to_datetime([None, None, None, "2026-01-10", None]),
            "client_id": ["x", "y", "z", "w", "v"],
        }
    )


def test_loss_stage_from_column_then_history() -> None:
    hist = pd.DataFrame(
        {
            "deal_id": ["b", "b", "e"],
            "stage": ["target_list", "first_contact", "offer"],
            "entered_at": pd.to_datetime(["2026-01-01", "2026-01-05", "2026-01-02"]),
        }
    )
    d = _deals()
    got = loss_stage(d, hist, STAGES).tolist()
    assert got[:2] == ["offer", "first_contact"]  # a: from lost_stage; b: last stage in history
    assert pd.isna(got[2]) and pd.isna(got[3]) and pd.isna(got[4])  # c unknown; d, e not lost
    assert lost_without_stage(d, hist, STAGES).tolist() == [False, False, True, False, False]
    assert lost_without_stage(d, None, STAGES).tolist() == [False, True, True, False, False]


def test_revenue_basis_prefers_payments() -> None:
    d = _deals()
    pay = pd.DataFrame(
        {"client_id": ["x"], "date": pd.to_datetime(["2026-02-01"]), "amount": [10.0]}
    )
    assert revenue_basis({"deals": d, "sales": pay}) == "payments"
    assert revenue_basis({"deals": d}) == "won_deals"
    assert revenue_basis({"deals": d.drop(columns=["amount"])}) is None
    won = revenue_records({"deals": d})
    assert (
        won is not None
        and won["amount"].tolist() == [100.0]
        and list(won)[:3]
        == [
            "client_id",
            "date",
            "amount",
        ]
    )


def test_latest_fact_ignores_planned_and_future_dates() -> None:
    """An open deal's close date is a plan, a date after today a typo: neither sets as_of."""
    deals = pd.DataFrame(
        {
            "deal_id": ["a", "b", "c"],
            "stage": ["contract", "offer", "lost"],
            "created_at": pd.to_datetime(["2026-01-01", "2026-02-01", "2026-01-15"]),
            "closed_at": pd.to_datetime(["2026-02-20", "2026-05-30", "2027-03-01"]),
        }
    )
    today = dt.date(2026, 4, 1)
    assert latest_fact({"deals": deals}, today) == (pd.Timestamp("2026-02-20"), "deals.closed_at")
    sales = pd.DataFrame({"date": pd.to_datetime(["2026-03-03 14:00"])})
    assert latest_fact({"deals": deals, "sales": sales}, today) == (
        pd.Timestamp("2026-03-03"),
        "sales.date",
    )
    assert latest_fact({}, today) == (pd.Timestamp("2026-04-01"), "today")
