"""Time in stage: Kaplan–Meier by hand and against statsmodels; spells with censoring."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from salesaudit.steps.funnel.survival import (
    kaplan_meier,
    km_quantile,
    slowest_stage,
    stage_spells,
    time_in_stage,
)

STAGES = ["target_list", "first_contact", "contract"]


def test_kaplan_meier_by_hand() -> None:
    # times 2, 3+, 4, 4, 5+, 7 (+ = censored)
    km = kaplan_meier([2, 3, 4, 4, 5, 7], [1, 0, 1, 1, 0, 1])
    assert km["time"].tolist() == [2, 3, 4, 5, 7]
    assert km["at_risk"].tolist() == [6, 5, 4, 2, 1]
    s = [5 / 6, 5 / 6, 5 / 6 * 2 / 4, 5 / 6 * 2 / 4, 0.0]
    assert km["survival"].tolist() == pytest.approx(s)
    assert km_quantile(km, 0.5) == 4.0
    assert km_quantile(km, 0.8) == 7.0
    assert km_quantile(kaplan_meier([1, 2], [0, 0]), 0.5) is None


def test_kaplan_meier_matches_statsmodels() -> None:
    from statsmodels.duration.survfunc import SurvfuncRight

    rng = np.random.default_rng(0)
    t = np.round(rng.exponential(20, 300))
    e = rng.random(300) < 0.7
    km = kaplan_meier(t, e)
    ref = SurvfuncRight(t, e.astype(int))
    got = km.set_index("time")["survival"]
    ref_s = pd.Series(ref.surv_prob, index=ref.surv_times)
    assert got.loc[ref_s.index].to_numpy() == pytest.approx(ref_s.to_numpy())
    assert km_quantile(km, 0.5) == pytest.approx(ref.quantile(0.5))


def test_kaplan_meier_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        kaplan_meier([1, -1], [1, 1])
    with pytest.raises(ValueError):
        kaplan_meier([1, 2], [1])
    assert kaplan_meier([], []).empty


def test_spells_censor_open_deals() -> None:
    deals = pd.DataFrame(
        {
            "deal_id": ["A", "B", "C"],
            "stage": ["contract", "first_contact", "lost"],
            "created_at": pd.to_datetime(["2026-01-01"] * 3),
            "closed_at": pd.to_datetime(["2026-01-21", None, "2026-01-09"]),
        }
    )
    hist = pd.DataFrame(
        {
            "deal_id": ["A", "A", "A", "B", "B", "B", "C"],
            "stage": [
                "target_list",
                "first_contact",
                "contract",
                "target_list",
                "target_list",
                "first_contact",
                "target_list",
            ],
            "entered_at": pd.to_datetime(
                [
                    "2026-01-01",
                    "2026-01-06",
                    "2026-01-21",
                    "2026-01-01",
                    "2026-01-03",
                    "2026-01-11",
                    "2026-01-01",
                ]
            ),
        }
    )
    sp = stage_spells(hist, deals, STAGES, pd.Timestamp("2026-01-31"))
    got = {(r.deal_id, r.stage): (r.days, r.observed) for r in sp.itertuples()}
    assert got[("A", "target_list")] == (5.0, True)
    assert got[("A", "first_contact")] == (15.0, True)
    assert got[("B", "target_list")] == (10.0, True)  # repeated rows merged
    assert got[("B", "first_contact")] == (20.0, False)  # open: censored at as_of
    assert got[("C", "target_list")] == (8.0, True)  # lost: left the stage at close
    assert ("A", "contract") not in got
    curves, summary = time_in_stage(hist, deals, STAGES, pd.Timestamp("2026-01-31"))
    row = summary.set_index("stage").loc["target_list"]
    assert row["spells"] == 3 and row["censored"] == 0 and row["median_days"] == 8.0
    assert set(curves["stage"]) == {"target_list", "first_contact"}


def test_slowest_stage_and_what_censoring_hides() -> None:
    summary = pd.DataFrame(
        {
            "stage": ["a", "b", "c"],
            "spells": [10, 10, 10],
            "censored": [0, 4, 0],
            "median_days": [5.0, 20.0, None],
            "p80_days": [8.0, None, None],
            "naive_median_days": [5.0, 12.0, None],
        }
    )
    s = slowest_stage(summary)
    assert s is not None and (s.stage, s.median_days, s.p80_days) == ("b", 20.0, None)
    assert s.censored == 4 and s.understated_by == 8.0
    no_cens = slowest_stage(summary.assign(censored=0))
    assert no_cens is not None and no_cens.understated_by is None
    assert slowest_stage(None) is None and slowest_stage(summary.iloc[2:]) is None
