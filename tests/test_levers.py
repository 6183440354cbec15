"""Levers valued against a reachable reference, and recommendations ranked by money (issue 9)."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from salesaudit.core.constants import LEVEL
from salesaudit.inputs.audit import Audit
from salesaudit.steps import summary
from salesaudit.steps.funnel import compute as fcomp
from salesaudit.steps.funnel import findings as funnel_findings
from salesaudit.steps.funnel import forecast as fmod
from salesaudit.steps.funnel import levers as lv
from salesaudit.steps.funnel.analysis import analyse
from salesaudit.steps.funnel.compute import wilson
from salesaudit.workshop import simulator as sim

STAGES = ["first_contact", "offer", "contract"]
BASE = 12 * 100 * 0.5 * 0.4 * 1000  # 12 months × 100 new deals × 0.5 × 0.4 × 1000 a deal


def small_model() -> fmod.ForecastModel:
    """100 new deals a month, 50% then 40% conversion, 1000 a deal, closing in the month."""
    m = fmod.model_from_rates(STAGES, 100, [0.5, 0.4], 1000, 0.001)
    return replace(m, conv_a=np.array([50.0, 40.0]), conv_b=np.array([50.0, 60.0]))


def small_table(too_few: bool = False) -> pd.DataFrame:
    """The small funnel's stage table (both conversions judged unless too_few)."""
    return pd.DataFrame(
        {
            "key": STAGES,
            "conversion_to_next": [0.5, 0.4, np.nan],
            "lo": [0.45, 0.35, np.nan],
            "hi": [0.55, 0.45, np.nan],
            "too_few": [too_few, False, False],
            "identified": [True, True, True],
        }
    )


def sellers() -> pd.DataFrame:
    """Eight sellers' first-contact → offer conversions; H has too few deals to count."""
    return pd.DataFrame(
        {
            "conv.first_contact": [0.7, 0.6, 0.55, 0.5, 0.45, 0.4, 0.35, 0.9],
            "n.first_contact": [40, 60, 40, 40, 40, 40, 40, 10],
        },
        index=list("ABCDEFGH"),
    )


NO_DEALS = pd.DataFrame(
    {
        "created_at": pd.to_datetime([]),
        "closed_at": pd.to_datetime([]),
        "stage": [],
        "amount": [],
    }
)


def test_the_small_funnel_by_hand() -> None:
    m = small_model()
    assert float(m.expected(12).sum()) == pytest.approx(BASE)


def test_best_quartile_sellers_by_hand() -> None:
    s = sellers()
    ref = lv.best_quartile(s["conv.first_contact"], s["n.first_contact"])
    # 7 sellers with ≥ 30 deals → the best ceil(7/4) = 2: A (28 of 40) and B (36 of 60)
    assert ref is not None and ref.who == ("A", "B") and ref.source == "sellers"
    assert ref.value == pytest.approx(64 / 100) and ref.n == 100
    lo, hi = wilson(64, 100, LEVEL)
    assert (ref.lo, ref.hi) == pytest.approx((lo, hi))
    lever = lv.valued(small_model(), "conversion.first_contact", 0.5, ref)
    assert lever is not None
    # revenue is linear in one conversion: BASE × (0.64 / 0.5 − 1) = 67 200
    assert (
        lever.revenue_delta_year == pytest.approx(BASE * (0.64 / 0.5 - 1)) == pytest.approx(67_200)
    )
    assert lever.low == pytest.approx(BASE * (lo / 0.5 - 1))
    assert lever.high == pytest.approx(BASE * (hi / 0.5 - 1))
    # too few sellers to compare, or a reference below today: no lever
    assert lv.best_quartile(s["conv.first_contact"][:3], s["n.first_contact"][:3]) is None
    assert lv.valued(small_model(), "conversion.first_contact", 0.7, ref) is None


def test_the_methodology_band_by_hand() -> None:
    m = small_model()
    m2c = {"value": 0.2, "lo": 0.18, "hi": 0.23, "too_few": False}
    lever = lv._m2c_lever(m, m2c, None)
    # meeting → contract 0.5 × 0.4 = 20%: the next mark of the 10–20–30% band is 30%
    assert lever is not None and lever.reference_source == "band"
    assert lever.now == pytest.approx(0.2) and lever.reference == pytest.approx(0.3)
    assert lever.revenue_delta_year == pytest.approx(BASE * (0.3 / 0.2 - 1))  # 120 000
    # today's interval carried over: 30% − 3 pp … 30% + 2 pp
    assert lever.low == pytest.approx(BASE * (0.27 / 0.2 - 1))
    assert lever.high == pytest.approx(BASE * (0.32 / 0.2 - 1))
    assert lv.band_reference(0.35, 0.3, 0.4, lv.m2c_marks()) is None  # above the band


def test_rank_by_money_and_never_an_unjudged_driver() -> None:
    m = small_model()
    m2c = {"value": 0.2, "lo": 0.18, "hi": 0.23, "too_few": False}
    ranked = lv.rank(m, small_table(), 200, sellers(), m2c, NO_DEALS, pd.Timestamp("2025-12-31"))
    assert [x.driver for x in ranked] == ["meeting_to_contract", "conversion.first_contact"]
    few = lv.rank(m, small_table(True), 200, sellers(), m2c, NO_DEALS, pd.Timestamp("2025-12-31"))
    assert [x.driver for x in few] == ["meeting_to_contract"]  # too few deals: not valued


def test_win_rate_when_the_stages_are_not_identifiable() -> None:
    m = fmod.model_from_rates(["first_contact", "contract"], 100, [0.2], 1000, 0.001)
    m = replace(m, conv_a=np.array([20.0]), conv_b=np.array([80.0]), collapsed=True)
    s = pd.DataFrame(
        {"win_rate": [0.3, 0.25, 0.2, 0.1, 0.15], "win_n": [50, 40, 40, 40, 40]},
        index=list("ABCDE"),
    )
    table = small_table().assign(identified=False, conversion_to_next=np.nan)
    ranked = lv.rank(m, table, 210, s, None, NO_DEALS, pd.Timestamp("2025-12-31"))
    # 5 sellers → the best ceil(5/4) = 2: A (15 of 50) and B (10 of 40) → 25 / 90
    assert [x.driver for x in ranked] == ["win_rate"] and ranked[0].who == ("A", "B")
    assert ranked[0].revenue_delta_year == pytest.approx(BASE * (25 / 90 / 0.2 - 1))
    assert lv.rank(m, table, 20, s, None, NO_DEALS, pd.Timestamp("2025-12-31")) == ()  # too few


def test_best_quarter_of_new_deals_by_hand() -> None:
    months = {"2025-02-10": 150, "2025-05-10": 300, "2025-08-10": 150, "2025-11-10": 150}
    created = [d for d, n in months.items() for _ in range(n)]
    deals = pd.DataFrame({"created_at": pd.to_datetime(created), "stage": "open"})
    ref = lv.inflow_reference(deals, pd.Timestamp("2025-12-31"), 62.5)
    assert ref is not None and ref.source == "best_quarter" and ref.value == pytest.approx(100)
    assert ref.hi - ref.value == pytest.approx(lv.Z * math.sqrt(300) / 3)
    assert lv.inflow_reference(deals, pd.Timestamp("2025-12-31"), 100.0) is None


def test_meetings_per_closer_by_hand() -> None:
    closers = pd.DataFrame(
        {"per_month": [40.0, 36.0, 30.0, 28.0, 20.0], "months": [12, 12, 12, 12, 6]},
        index=list("ABCDE"),
    )
    now, ref = lv.meetings_reference(closers)
    # median 30; the best ceil(5/4) = 2 closers pooled: (480 + 432) / 24 = 38 a month
    assert now == 30.0 and ref.value == pytest.approx(38.0) and ref.who == ("A", "B")
    assert ref.hi - ref.value == pytest.approx(lv.Z * math.sqrt(912) / 24)
    lever = lv.meetings_lever(small_model(), (now, ref))
    # the new deals' revenue scales with the meetings held: BASE × (38 / 30 − 1)
    assert lever is not None and lever.driver == "meetings_per_closer"
    assert lever.revenue_delta_year == pytest.approx(BASE * (38 / 30 - 1))
    assert lever.low == pytest.approx(BASE * (ref.lo / 30 - 1))
    assert lv.meetings_reference(closers.iloc[:3]) is None  # too few closers to compare


def test_client_retention_by_hand() -> None:
    """Four clients buying each month for two years; D stops in the last half-year, C stopped
    from January to March and came back: today's kept share is 1500 / 2100, the best recent
    quarter's 100 %."""
    rows = []
    for month in pd.period_range("2024-01", "2025-12", freq="M"):
        for client in "ABCD":
            stopped = (client == "D" and month >= pd.Period("2025-07", "M")) or (
                client == "C" and pd.Period("2025-01", "M") <= month <= pd.Period("2025-03", "M")
            )
            if not stopped:
                rows.append((client, month.to_timestamp() + pd.Timedelta(days=9), 100.0))
    records = pd.DataFrame(rows, columns=["client_id", "date", "amount"])
    found = lv.retention_reference(records, pd.Timestamp("2025-12-31"))
    assert found is not None
    now, ref, base = found
    # today: Jan–Jun 2025 brought 2100 (C only from April), and D (600) bought nothing since
    assert now == pytest.approx(1500 / 2100) and base == pytest.approx(2100)
    assert ref.value == pytest.approx(1.0) and ref.source == "best_quarter"
    lever = lv.retention_lever(found, 0.5)  # the levers' basis is half the records'
    assert lever is not None and lever.driver == "retention"
    assert lever.revenue_delta_year == pytest.approx((1.0 - 1500 / 2100) * 2 * 2100 * 0.5)
    assert (
        lv.retention_reference(records[records["date"] > "2025-03-01"], pd.Timestamp("2025-12-31"))
        is None
    )


def _check_recommendations(recs: list[dict]) -> None:
    """Every recommendation has an impact or its reason; ordered by impact, nulls last."""
    assert all((r["impact"] is None) != (r["impact_reason"] is None) for r in recs)
    impacts = [r["impact"] for r in recs]
    money = [x for x in impacts if x is not None]
    assert impacts == money + [None] * (len(impacts) - len(money))
    assert money == sorted(money, reverse=True)


def test_every_recommendation_has_impact_or_reason_in_order(demo_audit: Audit) -> None:
    recs = summary.findings(demo_audit)["recommendations"]
    assert recs and recs[0]["impact"] is not None
    _check_recommendations(recs)


def test_recommendations_without_a_forecast_say_why() -> None:
    from tests.test_answers import deals, make_audit

    a = make_audit({"deals": deals()})
    _check_recommendations(summary.findings(a)["recommendations"])


def test_one_ranking_in_findings_summary_and_simulator(demo_audit: Audit, demo_dir: Path) -> None:
    ranked = [v.driver for v in analyse(demo_audit).levers]
    assert len(ranked) >= 3
    found = funnel_findings.findings(demo_audit)
    assert found is not None and [x["driver"] for x in found["levers"]] == ranked
    deltas = [x["revenue_delta_year"] for x in found["levers"]]
    assert deltas == sorted(deltas, reverse=True)
    s = summary.findings(demo_audit)
    assert s["top_lever"] == found["levers"][0]["driver"] == ranked[0]
    money = [lv_ for lv_ in summary.levers(demo_audit) if lv_.kind == "lever"]
    assert [x.params["driver"] for x in money] == ranked[: len(money)]
    state, _ = sim.initial(str(demo_dir / "client.yaml"))
    assert [v.driver for v in state.ranking] == ranked
    assert len(sim.ranking_lines(state)) == len(ranked)


def test_a_seller_who_left_is_never_the_reference() -> None:
    """No team table: only owners of deals created in the last 180 days are compared; with a
    team table with roles, its sellers of the meeting roles."""
    cut = pd.DataFrame({"value": ["Ann", "Bob", "Tom", "other"], "win_rate": [0.2, 0.3, 0.4, 0.1]})
    as_of = pd.Timestamp("2026-11-19")
    deals = pd.DataFrame(
        {
            "manager": ["Ann", "Bob", "Tom"],
            "created_at": pd.to_datetime(["2026-10-01", "2026-06-01", "2025-10-01"]),
        }
    )
    active = fcomp.active_sellers(deals, as_of)
    assert active == {"Ann", "Bob"}  # Tom's last deal is over 180 days old
    rows = lv.same_role(cut, None, active)
    assert rows is not None and list(rows.index) == ["Ann", "Bob"]
    team = pd.DataFrame({"manager": ["Ann", "Tom"], "role": ["closer", "hunter"]})
    rows = lv.same_role(cut, team, active)
    assert rows is not None and list(rows.index) == ["Ann"]
    assert list(lv.same_role(cut, None).index) == ["Ann", "Bob", "Tom"]  # nothing to judge by


def test_sellers_behind_beyond_chance_are_named_lowest_first() -> None:
    """A seller is behind when the whole 90 % interval of their rate lies below today's value;
    a thin seller is never judged."""
    sellers = pd.DataFrame(
        {
            "win_rate": [0.09, 0.23, 0.25, 0.12, 0.05],
            "win_lo": [0.07, 0.19, 0.21, 0.09, 0.01],
            "win_hi": [0.13, 0.27, 0.30, 0.19, 0.15],
            "win_too_few": [False, False, False, False, True],
        },
        index=["Marcus", "Priya", "Sofia", "Dan", "Thin"],
    )
    assert lv.behind_sellers(sellers, "win_rate", 0.20) == ("Marcus", "Dan")
    assert lv.behind_sellers(sellers, "win_rate", 0.15) == ("Marcus",)
    assert lv.behind_sellers(sellers, "new_deals", 0.20) == ()  # not a conversion
    assert lv.behind_sellers(None, "win_rate", 0.20) == ()


def test_this_quarter_starts_with_the_sellers_behind(demo_audit) -> None:
    """On the demo: the meeting → contract action names exactly the judged sellers whose
    interval lies below today's value, lowest first."""
    from salesaudit.steps import summary
    from salesaudit.steps.funnel import analysis

    fa = analysis.analyse(demo_audit)
    lever = next(v for v in fa.levers if v.driver == "meeting_to_contract")
    cut = fa.cuts["manager"].set_index("value")
    cut = cut[~cut["m2c_too_few"].astype(bool)]
    below = cut[cut["m2c_hi"] < lever.now].sort_values("m2c")
    assert lever.behind == tuple(below.index) and len(lever.behind) >= 1
    line = next(q for q in summary.this_quarter(demo_audit) if q.startswith("Meeting → contract"))
    assert "Start with " + ", ".join(lever.behind[:4]) in line and "beyond chance" in line
