"""The table facts several steps share: loss stage and revenue basis, on hand-worked tables."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pandas as pd

from salesaudit.inputs.facts import (
    latest_fact,
    loss_stage,
    lost_without_stage,
    payment_lag,
    purchases_basis,
    reconcile,
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


def test_loss_stage_from_an_event_logs_value_before() -> None:
    """amoCRM logs changes only: c was lost at the stage it was created in, so the log has just
    the loss, 'target_list → lost'; its value before is the loss stage. A history row entering a
    stage still wins over it (b), and a value before that is no stage of the funnel is ignored."""
    hist = pd.DataFrame(
        {
            "deal_id": ["b", "b", "c", "a"],
            "stage": ["first_contact", "lost", "lost", "lost"],
            "from_stage": [None, "first_contact", "target_list", None],
            "entered_at": pd.to_datetime(["2026-01-05", "2026-01-09", "2026-01-03", "2026-01-04"]),
        }
    )
    d = _deals()
    got = loss_stage(d, hist, STAGES).tolist()
    assert got[:3] == ["offer", "first_contact", "target_list"]
    assert lost_without_stage(d, hist, STAGES).tolist() == [False] * 5


def test_purchases_basis_prefers_payments() -> None:
    d = _deals()
    pay = pd.DataFrame(
        {"client_id": ["x"], "date": pd.to_datetime(["2026-02-01"]), "amount": [10.0]}
    )
    assert purchases_basis({"deals": d, "sales": pay}) == "payments"
    assert purchases_basis({"deals": d}) == "won_deals"
    assert purchases_basis({"deals": d.drop(columns=["amount"])}) is None
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


def _bases() -> dict[str, pd.DataFrame]:
    """Two won deals (400) and four payments (800) in Jan–Mar 2026, a payments plan of 360."""
    deals = pd.DataFrame(
        {
            "deal_id": ["a", "b", "c"],
            "stage": ["contract", "contract", "lost"],
            "amount": [100.0, 300.0, 999.0],
            "closed_at": pd.to_datetime(["2026-01-10", "2026-03-01", "2026-03-02"]),
            "client_id": ["x", "y", "z"],
        }
    )
    sales = pd.DataFrame(
        {
            "client_id": ["x", "x", "y", "z"],
            "date": pd.to_datetime(["2026-01-20", "2026-02-01", "2026-03-01", "2026-03-15"]),
            "amount": [50.0, 100.0, 300.0, 350.0],
        }
    )
    plan = pd.DataFrame(
        {"period": pd.to_datetime(["2026-01-01", "2026-02-01", "2026-03-01"]), "amount": 120.0}
    )
    return {"deals": deals, "sales": sales, "plan": plan}


def _config(target: float | None, basis: str) -> SimpleNamespace:
    return SimpleNamespace(targets=SimpleNamespace(revenue_per_month=target, basis=basis))


def test_reconcile_converts_payments_to_won_deals_by_the_ratio() -> None:
    """Payments 800 ÷ won 400 = 2; a won-deal target of 50 is 100 of payments; the payments
    plan 360 is 180 of won deals; lags 10 (x: 10 → 20 Jan) and 0 (y) days, median 5."""
    tables = _bases()
    r = reconcile(tables, _config(50.0, "won_deals"), pd.Timestamp("2026-03-31"))  # type: ignore[arg-type]
    assert r is not None and r.basis == "won_deals"
    assert (r.won_deals, r.payments, r.ratio, r.lag_days) == (400.0, 800.0, 2.0, 5.0)
    assert r.target_month == 50.0 and r.convert(50.0, "won_deals", "payments") == 100.0
    assert (r.plan, r.plan_basis, r.plan_in_basis) == (360.0, "payments", 180.0)
    assert payment_lag(tables["deals"], tables["sales"]) == 5.0


def test_reconcile_a_payments_target_is_read_in_won_deals_when_stated() -> None:
    """A target stated in payments (200) becomes the report's basis; won deals convert × 2."""
    r = reconcile(_bases(), _config(200.0, "payments"), pd.Timestamp("2026-03-31"))  # type: ignore[arg-type]
    assert r is not None and r.basis == "payments" and r.target_month == 200.0
    assert r.convert(400.0, "won_deals") == 800.0 and r.plan_in_basis == 360.0
    only_deals = {"deals": _bases()["deals"]}
    r2 = reconcile(only_deals, _config(200.0, "payments"), pd.Timestamp("2026-03-31"))  # type: ignore[arg-type]
    assert r2 is not None and r2.basis == "won_deals" and r2.ratio is None
    assert r2.target_month is None  # a payments target cannot be read without payments
