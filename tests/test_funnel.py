"""Funnel analytics: a 12-deal table worked on paper, Wilson vs statsmodels, properties."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesaudit.steps.funnel import analysis, compute
from salesaudit.steps.funnel import findings as funnel_findings
from salesaudit.steps.funnel import text as funnel_text
from salesaudit.steps.funnel.compute import (
    counts,
    cycle_summary,
    hygiene,
    meeting_to_contract,
    stage_table,
)

from .funnel_synth import STAGES, make_audit

TS = pd.Timestamp
STORIES = (
    funnel_text.overview,
    funnel_text.funnel_story,
    funnel_text.cuts_story,
    funnel_text.cohorts_story,
    funnel_text.time_story,
    funnel_text.hygiene_story,
    funnel_text.plan_fact_story,
    funnel_text.daily_story,
    funnel_text.forecast_story,
    funnel_text.sensitivity_story,
)
TABLES = (
    funnel_text.funnel_table,
    funnel_text.benchmarks_table,
    funnel_text.goal_seek_table,
    funnel_text.hygiene_table,
    funnel_text.time_table,
    funnel_text.plan_fact_table,
    funnel_text.board_table,
)


def twelve_deals() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The hand-worked table (positions: 0 target_list … 5 contract).

    D1–D4 won (cycles 30, 60, 90, 10 days; D3 without amount; D4 skipped stages);
    D5 lost at first_contact, D6 lost at offer, D7 lost at target_list (lost_stage);
    D8 lost with no stage anywhere; D12 lost, stage only in history (needs_brief);
    D9 open at needs_brief (moved backwards once), D10 open at offer_defense (close date
    passed), D11 open at target_list.
    """
    rows = [
        ("D1", "2026-01-05", "contract", "2026-02-04", None, 100.0),
        ("D2", "2026-01-10", "contract", "2026-03-11", None, 200.0),
        ("D3", "2026-02-01", "contract", "2026-05-02", None, None),
        ("D4", "2026-02-15", "contract", "2026-02-25", None, 50.0),
        ("D5", "2026-03-01", "lost", "2026-03-20", "first_contact", None),
        ("D6", "2026-03-02", "lost", "2026-04-20", "offer", None),
        ("D7", "2026-03-03", "lost", "2026-03-10", "target_list", None),
        ("D8", "2026-03-04", "lost", "2026-03-30", None, None),
        ("D9", "2026-03-01", "needs_brief", None, None, None),
        ("D10", "2026-08-01", "offer_defense", "2026-09-15", None, 300.0),
        ("D11", "2026-09-20", "target_list", None, None, None),
        ("D12", "2026-04-01", "lost", "2026-05-01", None, None),
    ]
    d = pd.DataFrame(
        rows, columns=["deal_id", "created_at", "stage", "closed_at", "lost_stage", "amount"]
    )
    d["created_at"] = pd.to_datetime(d["created_at"])
    d["closed_at"] = pd.to_datetime(d["closed_at"])
    h = pd.DataFrame(
        [
            ("D4", "target_list", "2026-02-15"),
            ("D4", "offer", "2026-02-20"),
            ("D4", "contract", "2026-02-25"),
            ("D9", "target_list", "2026-03-01"),
            ("D9", "first_contact", "2026-03-05"),
            ("D9", "needs_brief", "2026-03-10"),
            ("D9", "first_contact", "2026-03-12"),
            ("D9", "needs_brief", "2026-03-20"),
            ("D12", "target_list", "2026-04-01"),
            ("D12", "first_contact", "2026-04-05"),
            ("D12", "needs_brief", "2026-04-10"),
            ("D12", "lost", "2026-05-01"),
        ],
        columns=["deal_id", "stage", "entered_at"],
    )
    h["entered_at"] = pd.to_datetime(h["entered_at"])
    return d, h


def test_twelve_deals_reach_and_conversions_exact() -> None:
    d, h = twelve_deals()
    d.loc[d["deal_id"] == "D8", "lost_stage"] = "target_list"  # every loss stage known
    fc = counts(d, STAGES, h)
    assert fc.stages["reached"].tolist() == [12, 9, 8, 6, 5, 4]
    assert fc.stages["open_here"].tolist() == [1, 0, 1, 0, 1, 0]
    conv = fc.stages["conversion_to_next"].tolist()
    assert conv[:5] == pytest.approx([9 / 11, 8 / 9, 6 / 7, 5 / 6, 4 / 4], abs=1e-12)
    assert conv[5] is None or math.isnan(conv[5])
    assert (fc.won, fc.lost, fc.open, fc.lost_without_stage) == (4, 5, 3, 0)
    assert fc.win_rate == pytest.approx(4 / 9)
    assert fc.identified


def test_twelve_deals_one_unknown_loss_makes_conversions_unidentifiable() -> None:
    """D8 (lost, stage unknown) could have been lost at any stage: each conversion's range is
    wider than 5 points, so none is shown; reach and win rate stay known."""
    d, h = twelve_deals()
    fc = counts(d, STAGES, h)
    assert fc.stages["reached"].tolist() == [12, 9, 8, 6, 5, 4]  # known to have reached
    amb = fc.stages["ambiguity"].tolist()
    # k = 0: u / n0; k ≥ 1: u / (n_k + u), with n = 11, 9, 7, 6, 4 and u = 1
    assert amb[:5] == pytest.approx([1 / 11, 1 / 10, 1 / 8, 1 / 7, 1 / 5], abs=1e-12)
    assert fc.stages["conversion_to_next"].isna().all()
    assert not fc.identified
    assert (fc.won, fc.lost, fc.lost_without_stage) == (4, 5, 1)
    assert fc.win_rate == pytest.approx(4 / 9)
    st_ = stage_table(fc)
    assert st_["lo"].isna().all() and st_["hi"].isna().all()
    assert meeting_to_contract(st_)["value"] is None


def test_twelve_deals_without_history_lose_d12_stage() -> None:
    d, _ = twelve_deals()
    fc = counts(d, STAGES, None)
    # D12 now has no known loss stage: it reaches only the first stage
    assert fc.stages["reached"].tolist() == [12, 8, 7, 6, 5, 4]
    assert fc.lost_without_stage == 2


def test_twelve_deals_cycle_and_meeting_to_contract() -> None:
    d, h = twelve_deals()
    d.loc[d["deal_id"] == "D8", "lost_stage"] = "target_list"
    assert cycle_summary(d) == {"median": 45.0, "p80": pytest.approx(72.0)}
    st_ = stage_table(counts(d, STAGES, h))
    assert st_["n"].tolist()[:5] == [11, 9, 7, 6, 4]
    assert st_["too_few"].tolist() == [True] * 5 + [False]
    m = meeting_to_contract(st_)
    assert m is not None
    assert m["value"] == pytest.approx(8 / 9 * 6 / 7 * 5 / 6 * 1.0)
    assert m["lo"] <= m["value"] <= m["hi"]  # never printed outside its own interval
    assert m["too_few"]


def test_twelve_deals_hygiene() -> None:
    d, h = twelve_deals()
    is_open = ~d["stage"].isin(["contract", "lost"])  # ingest keeps an open deal's date as planned
    d = d.assign(
        expected_close_at=d["closed_at"].where(is_open), closed_at=d["closed_at"].mask(is_open)
    )
    out, flagged = hygiene(d, STAGES, h, TS("2026-09-30"), cycle_p80=72.0)
    assert out["skipped_stages"]["count"] == 1 and out["skipped_stages"]["examples"] == ["D4"]
    assert out["backwards"]["count"] == 1 and out["backwards"]["examples"] == ["D9"]
    assert out["close_date_passed"]["examples"] == ["D10"]
    assert out["stale"]["examples"] == ["D9"]  # 213 days open > 2 × 72
    assert out["won_without_amount"]["examples"] == ["D3"]
    assert out["lost_without_stage"]["examples"] == ["D8"]
    assert set(flagged["check"]) >= {"skipped_stages", "backwards", "stale"}
    none, _ = hygiene(d, STAGES, None, TS("2026-09-30"))
    assert none["skipped_stages"]["count"] is None and none["stale"]["reason"] == "no_cycle"


@pytest.mark.parametrize(
    "k,n", [(0, 10), (3, 10), (10, 10), (22, 100), (1, 3), (29, 31), (500, 1717)]
)
def test_wilson_matches_statsmodels(k: int, n: int) -> None:
    from statsmodels.stats.proportion import proportion_confint

    lo, hi = compute.wilson(k, n, 0.90)
    ref = proportion_confint(k, n, alpha=0.10, method="wilson")
    assert (lo, hi) == pytest.approx(ref, abs=1e-12)


def test_wilson_empty_is_nan() -> None:
    assert all(math.isnan(x) for x in compute.wilson(0, 0))


# ---- properties ---------------------------------------------------------------------

deal = st.tuples(
    st.sampled_from([*STAGES, "lost"]),
    st.one_of(st.none(), st.sampled_from(STAGES[:-1])),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(deal, min_size=1, max_size=60))
def test_conversions_in_unit_interval_and_reach_monotone(
    rows: list[tuple[str, str | None]],
) -> None:
    d = pd.DataFrame(
        {
            "deal_id": [f"X{i}" for i in range(len(rows))],
            "created_at": pd.Timestamp("2026-01-01"),
            "stage": [r[0] for r in rows],
            "lost_stage": [r[1] if r[0] == "lost" else None for r in rows],
        }
    )
    fc = counts(d, STAGES)
    reached = fc.stages["reached"].to_numpy()
    assert reached[0] == len(d)
    assert (np.diff(reached) <= 0).all()
    conv = fc.stages["conversion_to_next"].dropna().to_numpy(dtype=float)
    assert ((conv >= 0) & (conv <= 1)).all()
    assert fc.won + fc.lost + fc.open == len(d)
    t = stage_table(fc)
    ok = t["lo"].notna()
    assert (t.loc[ok, "lo"] <= t.loc[ok, "conversion_to_next"] + 1e-12).all()
    assert (t.loc[ok, "hi"] >= t.loc[ok, "conversion_to_next"] - 1e-12).all()


@settings(max_examples=25, deadline=None)
@given(
    st.lists(deal, min_size=2, max_size=40),
    st.lists(st.sampled_from("ab"), min_size=40, max_size=40),
)
def test_cut_counts_add_up(rows: list[tuple[str, str | None]], groups: list[str]) -> None:
    d = pd.DataFrame(
        {
            "deal_id": [f"X{i}" for i in range(len(rows))],
            "created_at": pd.Timestamp("2026-01-01"),
            "stage": [r[0] for r in rows],
            "lost_stage": [r[1] if r[0] == "lost" else None for r in rows],
        }
    )
    g = pd.Series(groups[: len(d)])
    by = compute.by_group(d, STAGES, None, g)
    whole = counts(d, STAGES)
    assert by["deals"].sum() == len(d)
    assert by["won"].sum() == whole.won and by["lost"].sum() == whole.lost


# ---- cuts, cohorts, findings ---------------------------------------------------------


def test_cut_values_pool_the_tail() -> None:
    s = pd.Series(list("aaabbc") + [None])
    v = compute._cut_values(s, top=2)
    assert v.tolist()[:6] == ["a", "a", "a", "b", "b", "other"] and pd.isna(v.iloc[6])


def test_cohorts_shares() -> None:
    d, h = twelve_deals()
    co = compute.cohorts(d, STAGES, h)
    jan = co[co["cohort"] == TS("2026-01-01")].iloc[0]
    assert jan["deals"] == 2 and jan["reach.contract"] == 1.0 and jan["win_rate"] == 1.0
    mar = co[co["cohort"] == TS("2026-03-01")].iloc[0]
    assert mar["deals"] == 5 and mar["share.open"] == pytest.approx(0.2)
    assert mar["reach.first_contact"] == pytest.approx(3 / 5)  # D5, D6, D9


def test_cohort_range_only_where_cohorts_differ() -> None:
    """A range 'from 100% (2025-01) to 100% (2025-01)' is never said: with the meeting as the
    client's first stage every deal reaches it, and equal shares are no range."""
    months = pd.date_range("2025-01-01", periods=3, freq="MS")
    base = {"cohort": months, "deals": [40, 40, 40], "share.open": [0.0, 0.0, 0.0]}
    first = pd.DataFrame({**base, "reach.first_contact": [1.0, 1.0, 1.0]})
    cs = compute.cohort_summary(first, ["first_contact", "offer", "contract"])
    assert cs is not None and cs.reach_low is None and cs.reach_high is None
    flat = pd.DataFrame({**base, "reach.first_contact": [0.5, 0.5, 0.5]})
    cs = compute.cohort_summary(flat, STAGES)
    assert cs is not None and cs.reach_low is None
    varied = pd.DataFrame({**base, "reach.first_contact": [0.5, 0.3, 0.6]})
    cs = compute.cohort_summary(varied, STAGES)
    assert cs is not None and cs.reach_low == (months[1], 0.3) and cs.reach_high == (months[2], 0.6)


@pytest.fixture(scope="module")
def synth_audit():
    from .funnel_synth import history

    d, h = history(months=18, per_month=60, seed=3)
    plan = pd.DataFrame(
        {"period": pd.date_range("2026-01-01", periods=9, freq="MS"), "amount": 1.0e6}
    )
    team = pd.DataFrame({"manager": ["Anna", "Boris", "Vera", "Gleb"], "role": ["closer"] * 4})
    return make_audit(d, h, plan=plan, team=team, scenarios=2000)


def test_findings_complete_and_json_native(synth_audit) -> None:
    import jsonschema

    from salesaudit.report.findings import schema

    f = funnel_findings.findings(synth_audit)
    assert f is not None
    jsonschema.validate(f, schema()["properties"]["funnel"])
    for key in (
        "stages",
        "won",
        "lost",
        "open",
        "win_rate",
        "cycle_days",
        "forecast",
        "sensitivity",
    ):
        assert key in f
    assert [s["key"] for s in f["stages"]] == STAGES
    assert set(f["stages"][0]) >= {"key", "reached", "conversion_to_next"}
    assert set(f["cycle_days"]) == {"median", "p80"}
    fc = f["forecast"]
    assert fc["horizon_months"] == 12 and len(fc["monthly"]) == 12
    assert fc["p10"] <= fc["p50"] <= fc["p90"] and 0 <= fc["p_target"] <= 1
    assert set(fc["monthly"][0]) >= {"month", "p10", "p50", "p90"}
    assert {s["driver"] for s in f["sensitivity"]} >= {"new_deals", "deal_size", "cycle"}
    assert all(isinstance(s["revenue_delta"], float) for s in f["sensitivity"])
    text = json.dumps(f, allow_nan=False)  # no NaN, no numpy scalars

    def walk(x):
        if isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
        else:
            assert x is None or type(x) in (str, int, float, bool), type(x)

    walk(json.loads(text))
    walk(f)


def test_findings_without_target_and_without_deals(synth_audit) -> None:
    from .funnel_synth import history

    d, h = history(months=6, per_month=30, seed=5)
    a = make_audit(d, h, target=None)
    f = funnel_findings.findings(a)
    assert f is not None
    assert f["forecast"]["p_target"] is None and "target" in f["forecast"]["p_target_reason"]
    assert f["goal_seek"] is None and f["goal_seek_reason"]
    b = make_audit(d.drop(columns="amount"), None)
    g = funnel_findings.findings(b)
    assert g is not None and g["forecast"] is None and g["sensitivity"] is None
    assert "amount" in g["forecast_reason"] and g["time_in_stage"] is None
    assert g["time_in_stage_reason"] and g["plan_fact"] is None
    json.dumps(g, allow_nan=False)
    empty = make_audit(d.iloc[0:0], None)
    assert funnel_findings.findings(empty) is None
    fa_empty = analysis.analyse(empty)
    assert fa_empty.weakest is None and fa_empty.cut_spreads == {}
    for story in STORIES:
        assert story(fa_empty) == [funnel_text.reason_text("no_deals", "en")]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_figures_and_story_in_both_languages(synth_audit, lang: str) -> None:
    from dataclasses import replace

    from salesaudit.steps.funnel import charts as funnel_charts

    fa = replace(analysis.analyse(synth_audit), lang=lang)
    for chart in (
        funnel_charts.funnel_chart,
        funnel_charts.cohort_chart,
        funnel_charts.time_in_stage_chart,
        funnel_charts.forecast_chart,
        funnel_charts.tornado_chart,
        funnel_charts.plan_fact_chart,
    ):
        fig = chart(fa)
        assert fig is not None and len(fig.data) >= 1
        assert fig.layout.template.layout.font.family  # house template applied
    for cut in fa.cuts:
        assert funnel_charts.cut_chart(fa, cut) is not None
    assert funnel_charts.cut_chart(fa, "no such cut") is None
    assert funnel_charts.daily_chart(fa) is None  # no sales table
    funnel_fig = funnel_charts.funnel_chart(fa)
    assert any(s.type == "rect" for s in funnel_fig.layout.shapes)  # benchmark bands
    for story in STORIES:
        lines = story(fa)
        assert all(isinstance(x, str) and x for x in lines)
    story = " ".join(funnel_text.funnel_story(fa))
    assert ("weakest" in story) if lang == "en" else ("самый слабый" in story)
    for table in TABLES:
        df = table(fa)
        assert df is None or (isinstance(df, pd.DataFrame) and len(df.columns))
    for cut in fa.cuts:
        assert len(funnel_text.cut_table(fa, cut)) == len(fa.cuts[cut])
    assert funnel_text.cut_table(fa, "no such cut") is None


def test_hostile_names_are_escaped_in_charts(synth_audit) -> None:
    from dataclasses import replace

    from salesaudit.steps.funnel.charts import cut_chart

    df = pd.DataFrame(
        {
            "value": ["<script>x</script>", "ok"],
            "deals": [40, 40],
            "win_rate": [0.2, 0.3],
            "win_lo": [0.1, 0.2],
            "win_hi": [0.3, 0.4],
            "win_too_few": [False, False],
        }
    )
    fa = replace(analysis.analyse(synth_audit), cuts={"manager": df})
    fig = cut_chart(fa, "manager", "win")
    assert all("<script>" not in str(y) for y in fig.data[-1].y)


def test_story_names_the_weakest_stage_and_gain(synth_audit) -> None:
    fa = analysis.analyse(synth_audit)
    w = funnel_text.funnel_story(fa)[0]
    weakest = fa.table.iloc[:-1]["conversion_to_next"].idxmin()
    judged = fa.table.iloc[:-1][~fa.table.iloc[:-1]["too_few"]]
    assert fa.weakest is not None
    assert fa.weakest.stage == judged.loc[judged["conversion_to_next"].idxmin(), "key"]
    lever = next(v for v in fa.levers if v.driver == f"conversion.{fa.weakest.stage}")
    assert fa.weakest.gain == lever.revenue_delta_year > 0  # one definition: the lever's money
    assert fa.weakest.reference == lever.reference
    assert fa.table.loc[weakest, "key"] in {
        "offer_defense",
        "first_contact",
        "target_list",
        "offer",
        "needs_brief",
    }
    assert "+10%" not in w and ("M" in w or "k" in w)


def test_the_weakest_stage_is_chosen_once_among_judged_stages() -> None:
    st = pd.DataFrame(
        {
            "key": ["a", "b", "c", "d"],
            "conversion_to_next": [0.5, 0.1, 0.3, np.nan],
            "lo": [0.4, 0.05, 0.2, np.nan],
            "hi": [0.6, 0.2, 0.4, np.nan],
            "n": [100, 10, 50, 0],
            "too_few": [False, True, False, False],
        }
    )
    w = compute.weakest_stage(st)
    assert w == compute.Weakest("c", "d", 0.3, 0.2, 0.4, 50)  # b is too thin to rank
    assert w.gain is None and w.reference is None  # the analysis attaches its lever
    assert compute.thin_steps(st) == (("b", "c"),)
    with pytest.raises(AttributeError):
        w.stage = "a"  # type: ignore[misc]


def test_cut_spread_ranks_judged_values_only() -> None:
    df = pd.DataFrame(
        {
            "value": ["x", "y", "z"],
            "win_rate": [0.1, 0.5, 0.9],
            "win_lo": [0.05, 0.4, 0.5],
            "win_hi": [0.15, 0.6, 1.0],
            "win_too_few": [False, False, True],
        }
    )
    sp = compute.cut_spread(df, "win")
    assert sp.lowest is not None and sp.lowest.value == "x"
    assert sp.highest is not None and sp.highest.value == "y"
    assert sp.significant and (sp.too_few, sp.values) == (1, 3)
    assert compute.cut_spread(df.iloc[[0, 2]], "win").lowest is None
    assert compute.cut_metric(STAGES) == "m2c" and compute.cut_metric(["a", "contract"]) == "win"


def test_frozen_analysis_and_plural_counts(synth_audit) -> None:
    from dataclasses import FrozenInstanceError, replace

    fa = analysis.analyse(synth_audit)
    with pytest.raises(FrozenInstanceError):
        fa.lang = "ru"  # type: ignore[misc]
    bench = [dict(b, value=1.2, status="below") for b in fa.benchmarks]
    bench = [b for b in bench if b["key"] == "meetings_per_closer"]
    if bench:
        ru = replace(fa, lang="ru", benchmarks=bench)
        assert "около 1 встречи в месяц" in " ".join(funnel_text.funnel_story(ru))
        en = replace(fa, lang="en", benchmarks=bench)
        assert "about 1 meeting a month" in " ".join(funnel_text.funnel_story(en))
    from salesaudit.i18n import t

    assert t("funnel.hyg.stale", "ru", n=1, days="5").startswith("1 сделка открыта")
    assert t("funnel.s.overview", "en", n=1, won=1, lost=0, open=0, wr="", ci="").startswith(
        "1 deal:"
    )
