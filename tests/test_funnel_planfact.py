"""Plan vs fact: the gap splits exactly into volume, conversion and deal size; daily, board."""

from __future__ import annotations

import pandas as pd
import pytest

from salesaudit.steps.funnel.planfact import (
    daily_and_board,
    daily_summary,
    plan_fact_summary,
    plan_vs_fact,
    working_days,
)


def deals() -> pd.DataFrame:
    # Jan: 10 new, 2 won (100 + 300); Feb: 20 new, 3 won (100 each)
    rows = []
    for i in range(10):
        rows.append((f"J{i}", "2026-01-05", "lost", None, None, "Anna"))
    for i in range(20):
        rows.append((f"F{i}", "2026-02-05", "lost", None, None, "Boris"))
    rows += [
        ("W1", "2025-12-01", "contract", "2026-01-10", 100.0, "Anna"),
        ("W2", "2025-12-02", "contract", "2026-01-20", 300.0, "Anna"),
        ("W3", "2025-12-03", "contract", "2026-02-10", 100.0, "Boris"),
        ("W4", "2025-12-04", "contract", "2026-02-11", 100.0, "Boris"),
        ("W5", "2025-12-05", "contract", "2026-02-12", 100.0, "Boris"),
    ]
    d = pd.DataFrame(
        rows, columns=["deal_id", "created_at", "stage", "closed_at", "amount", "manager"]
    )
    d["created_at"] = pd.to_datetime(d["created_at"])
    d["closed_at"] = pd.to_datetime(d["closed_at"])
    return d


def test_gap_decomposition_by_hand() -> None:
    plan = pd.DataFrame(
        {
            "period": pd.to_datetime(["2026-01-01", "2026-02-01"]),
            "amount": [500.0, 500.0],
            "manager": ["Anna", "Boris"],
        }
    )
    monthly, by_mgr, reason = plan_vs_fact(plan, deals(), pd.Timestamp("2026-02-28"))
    assert reason is None
    # baseline over both months: c0 = 5 won / 30 new, s0 = 700 / 5 = 140
    c0, s0 = 5 / 30, 140.0
    jan = monthly.iloc[0]
    assert jan["fact"] == 400 and jan["gap"] == -100
    assert jan["plan_new"] == pytest.approx(500 / (c0 * s0))
    assert jan["volume"] == pytest.approx((10 - 500 / (c0 * s0)) * c0 * s0)
    assert jan["conversion"] == pytest.approx(10 * (0.2 - c0) * s0)
    assert jan["deal_size"] == pytest.approx(10 * 0.2 * (200 - s0))
    parts = monthly[["volume", "conversion", "deal_size"]].sum(axis=1)
    assert parts.to_numpy() == pytest.approx(monthly["gap"].to_numpy())
    assert set(by_mgr["manager"]) == {"Anna", "Boris"}
    assert by_mgr[["volume", "conversion", "deal_size"]].sum(axis=1).to_numpy() == pytest.approx(
        by_mgr["gap"].to_numpy()
    )
    s = plan_fact_summary(monthly, None, None)
    assert s is not None and (s.months, s.plan, s.fact) == (2, 1000.0, monthly["fact"].sum())
    assert not s.payments  # no sales table: the fact is won-deal revenue
    feb = monthly.iloc[1]
    assert feb["gap"] < jan["gap"] < 0  # February falls furthest short
    assert s.worst is not None and s.worst.month == pd.Timestamp("2026-02-01")
    effects = feb[["volume", "conversion", "deal_size", "other"]].astype(float)
    assert s.worst.effect == effects.idxmin() and s.worst.value == effects.min()
    # months within a P80 cycle of the first created deal are not settled: none left here
    unsettled = plan_fact_summary(monthly, pd.Timestamp("2026-01-01"), 61.0)
    assert unsettled is not None and unsettled.worst is None
    assert plan_fact_summary(None, None, None) is None
    # the plan a month in won deals: 1 000 over 2 months; a payments plan divides by the ratio
    assert s.plan_month_won == 500.0
    paid = plan_fact_summary(monthly.assign(fact=monthly["fact"] + 1.0), None, None, ratio=2.0)
    assert paid is not None and paid.payments and paid.plan_month_won == 250.0


def test_plan_vs_fact_reasons() -> None:
    assert plan_vs_fact(None, deals(), pd.Timestamp("2026-02-28"))[2] == "no_plan"
    plan = pd.DataFrame({"period": pd.to_datetime(["2027-01-01"]), "amount": [1.0]})
    assert plan_vs_fact(plan, deals(), pd.Timestamp("2026-02-28"))[2] == "no_plan_months"


def test_daily_plan_fact_and_board() -> None:
    sales = pd.DataFrame(
        {
            "client_id": ["a", "b", "c", "d"],
            "date": pd.to_datetime(["2026-03-02", "2026-03-02", "2026-03-03", "2026-04-01"]),
            "amount": [100.0, 50.0, 70.0, 999.0],
            "manager": ["Anna", "Boris", "Boris", "Anna"],
        }
    )
    plan = pd.DataFrame(
        {
            "period": pd.to_datetime(["2026-03-01", "2026-03-01"]),
            "amount": [1100.0, 1100.0],
            "manager": ["Anna", "Boris"],
        }
    )
    daily, board, reason = daily_and_board(sales, plan, pd.Timestamp("2026-03-03"))
    assert reason is None
    n = len(working_days(pd.Timestamp("2026-03-01")))
    assert n == 22
    d = daily.set_index("date")
    assert d.loc["2026-03-02", "plan"] == pytest.approx(2200 / 22)
    assert d.loc["2026-03-02", "fact"] == 150 and d.loc["2026-03-03", "fact_cum"] == 220
    assert pd.isna(d.loc["2026-03-04", "fact"])
    b = board.set_index("manager")
    assert b.loc["Boris", "rank"] == 1 and b.loc["Boris", "fact"] == 120
    assert b.loc["Anna", "plan_to_date"] == pytest.approx(1100 * 2 / 22)
    assert daily_and_board(None, plan, pd.Timestamp("2026-03-03"))[2] == "no_sales"
    s = daily_summary(daily, board)
    assert s is not None and s.fact == 220 and s.plan == pytest.approx(2200 * 2 / 22)
    assert s.tomorrow == pytest.approx(2200 / 22)
    assert (s.leader, s.leader_fact) == ("Boris", 120)
    assert daily_summary(None, None) is None
