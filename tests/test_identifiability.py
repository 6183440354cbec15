"""Identifiability: a conversion is shown only when the data can support it, and never outside
its interval (DESIGN §7.6: lost deals without a known loss stage)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesaudit.core.constants import UNKNOWN_LOSS_TOLERANCE
from salesaudit.core.names import LOST, WON
from salesaudit.steps import sizing, summary
from salesaudit.steps.funnel import analysis
from salesaudit.steps.funnel import findings as funnel_findings
from salesaudit.steps.funnel import text as funnel_text
from salesaudit.steps.funnel.compute import (
    counts,
    meeting_to_contract,
    stage_table,
    weakest_stage,
    wilson,
)

from .funnel_synth import STAGES, history, make_audit

K = len(STAGES)


def _deals(positions: list[int], outcomes: list[str], unknown: list[bool]) -> pd.DataFrame:
    """Deals from (furthest position, outcome, loss stage unknown) triples."""
    stage, lost_stage = [], []
    for pos, out, unk in zip(positions, outcomes, unknown, strict=True):
        if out == "won":
            stage.append("contract")
            lost_stage.append(None)
        elif out == "lost":
            stage.append("lost")
            lost_stage.append(None if unk else STAGES[min(pos, K - 2)])
        else:
            stage.append(STAGES[min(pos, K - 2)])
            lost_stage.append(None)
    return pd.DataFrame(
        {
            "deal_id": [f"D{i}" for i in range(len(stage))],
            "created_at": pd.Timestamp("2026-01-01"),
            "stage": stage,
            "lost_stage": lost_stage,
        }
    )


def _conversion(d: pd.DataFrame, unknown_at: int, k: int) -> float | None:
    """Conversion k→k+1 recounted by hand, every unknown loss placed at stage `unknown_at`.

    An independent recount: position = the stage index a deal is at, won = the last stage, lost =
    its loss stage; the denominator leaves out the deals still open at k.
    """
    idx = {s: i for i, s in enumerate(STAGES)}
    pos = []
    open_ = []
    for s, ls in zip(d["stage"], d["lost_stage"], strict=True):
        if s == "contract":
            pos.append(K - 1)
            open_.append(False)
        elif s == "lost":
            pos.append(idx[ls] if isinstance(ls, str) else unknown_at)
            open_.append(False)
        else:
            pos.append(idx[s])
            open_.append(True)
    p, o = np.array(pos), np.array(open_)
    reached_k, reached_next = (p >= k).sum(), (p >= k + 1).sum()
    denom = reached_k - (o & (p == k)).sum()
    return reached_next / denom if denom else None


@settings(max_examples=120, deadline=None)
@given(
    data=st.lists(
        st.tuples(
            st.integers(0, K - 1),
            st.sampled_from(["won", "lost", "lost", "open"]),
            st.floats(0, 1),
        ),
        min_size=1,
        max_size=160,
    ),
    unknown_share=st.floats(0, 1),
)
def test_every_shown_conversion_is_supported_and_inside_its_interval(
    data: list[tuple[int, str, float]], unknown_share: float
) -> None:
    """Any share of lost deals without a stage: each conversion shown is identifiable (wherever
    the unknown losses really were, it moves by at most the tolerance) and lies in its interval;
    the others are absent."""
    positions = [p for p, _, _ in data]
    outcomes = [o for _, o, _ in data]
    unknown = [u < unknown_share for _, _, u in data]
    d = _deals(positions, outcomes, unknown)
    table = stage_table(counts(d, STAGES))
    for k, r in table.iloc[:-1].iterrows():
        value = r["conversion_to_next"]
        if pd.isna(value):
            continue
        assert r["identified"]
        assert r["lo"] <= value <= r["hi"]
        # wherever the unknown losses were, the true conversion is within the tolerance
        for at in range(K - 1):
            other = _conversion(d, at, int(k))
            assert other is not None
            assert abs(other - value) <= UNKNOWN_LOSS_TOLERANCE + 1e-9
    m2c = meeting_to_contract(table)
    if m2c is not None and m2c["value"] is not None:
        assert m2c["lo"] <= m2c["value"] <= m2c["hi"]


def test_all_won_meetings_are_not_printed_outside_their_interval() -> None:
    """100% observed from meeting to contract: the interval reaches 100%, it does not stop at 99%."""
    d = _deals([K - 1] * 40 + [0] * 10, ["won"] * 40 + ["lost"] * 10, [False] * 50)
    d.loc[d["stage"] == "lost", "lost_stage"] = "target_list"
    m = meeting_to_contract(stage_table(counts(d, STAGES)))
    assert m is not None and m["value"] == 1.0 and m["hi"] == 1.0 and m["lo"] < 1.0


@pytest.fixture(scope="module")
def deals_only() -> tuple[pd.DataFrame, pd.DataFrame]:
    """A stationary funnel with history, and the same deals as a deals-only export would give."""
    d, h = history(months=18, per_month=60, seed=11)
    return d, d.drop(columns=["lost_stage"])


def test_deals_only_export_shows_no_conversion_and_uses_none(deals_only) -> None:
    """Without loss stages: no conversion, m2c or weakest stage; the forecast runs on the win
    rate; levers and sizing never rest on a stage conversion; findings say why."""
    full, bare = deals_only
    audit = make_audit(bare, scenarios=500)
    fa = analysis.analyse(audit)
    assert fa.counts is not None and not fa.counts.identified
    assert fa.table is not None and fa.table["conversion_to_next"].isna().all()
    assert fa.m2c is None or fa.m2c["value"] is None
    assert fa.weakest is None and fa.cut_metric == "win"
    assert fa.model is not None and fa.model.collapsed
    # the win rate's evidence: won against lost, each stale open deal counting as lost
    won, lost = int((bare["stage"] == WON).sum()), int((bare["stage"] == LOST).sum())
    lost += fa.model.excluded_stale
    assert (fa.counts.won, fa.counts.lost) == (won, lost)
    assert fa.model.conv_a[0] == won + 1 and fa.model.conv_b[0] == lost + 1
    assert fa.sensitivity is not None
    assert not fa.sensitivity["driver"].str.startswith("conversion.").any()
    assert not any(v.driver.startswith("conversion.") for v in fa.levers)  # never unidentifiable
    assert all(v.driver != "meeting_to_contract" for v in fa.levers)
    # sizing: the rates come from the defaults, and the assumptions log says so
    log = {a.key for a in sizing.compute.inputs(audit)[1]}
    assert {"capacity.rates.meeting_to_contract", "capacity.rates.contact_to_meeting"} <= log
    f = funnel_findings.findings(audit)
    assert f is not None and f["stages_identified"] is False
    assert f["stages_reason"] == "lost_without_stage"
    assert all(s["conversion_to_next"] is None for s in f["stages"])
    assert all(b["value"] is None for b in f["benchmarks"] if b["key"] != "meetings_per_closer")
    text = " ".join(funnel_text.overview(fa))
    assert "stage history" in text  # says what to export
    # the lost count holds the stale open deals: the text reconciles it with the CRM's own
    crm_open = len(bare) - won - int((bare["stage"] == LOST).sum())
    assert fa.model.excluded_stale >= 1
    assert f"The CRM itself marks {lost - fa.model.excluded_stale} lost and {crm_open} open" in text
    codes = [f.code for f in summary.compute.headline_findings(audit)]
    assert "sum.funnel_unknown" in codes and "sum.funnel" not in codes
    assert all(lv.kind != "stage" for lv in summary.levers(audit))
    # the same deals with their loss stages: every conversion is back, inside its interval
    fb = analysis.analyse(make_audit(full, scenarios=500))
    assert fb.counts is not None and fb.counts.identified
    assert fb.table is not None
    shown = fb.table.iloc[:-1]
    assert shown["conversion_to_next"].notna().all()
    assert (
        (shown["lo"] <= shown["conversion_to_next"]) & (shown["conversion_to_next"] <= shown["hi"])
    ).all()
    assert fb.model is not None and not fb.model.collapsed


def test_a_few_unknown_losses_keep_the_conversions(deals_only) -> None:
    """Two lost deals of ~1000 without a stage: conversions stay (moved ≤ 5 points), and the
    assumption that they count at the first stage is logged."""
    full, _ = deals_only
    d = full.copy()
    lost = d.index[d["stage"] == "lost"][:2]
    d.loc[lost, "lost_stage"] = None
    fc = counts(d, STAGES)
    assert fc.lost_without_stage == 2 and fc.identified
    assert math.isclose(
        fc.stages["ambiguity"].iloc[0],
        2 / (fc.stages["reached"].iloc[0] - fc.stages["open_here"].iloc[0]),
    )


def test_an_all_open_funnel_has_no_conversion_and_no_weakest_step() -> None:
    """Nothing closed yet: the deals that moved on are all of the 'conversion' (100%), which says
    nothing; no conversion is shown and no weakest step is named."""
    d = _deals([0, 1, 2, 3, 4] * 10, ["open"] * 50, [False] * 50)
    table = stage_table(counts(d, STAGES))
    assert table["conversion_to_next"].isna().all()
    assert weakest_stage(table) is None


def test_meeting_first_stage_gives_meeting_to_contract_from_the_win_rate() -> None:
    """Deals-only, the meeting the client's first stage: every deal reached it, so meeting →
    contract is won ÷ (won + lost) — 30 of 100 here — with its Wilson interval, and sizing
    sizes on it instead of the methodology's default. With a stage before the meeting, the
    share of deals that reached a meeting is unknown and so is meeting → contract."""
    from salesaudit.steps.funnel.compute import meeting_to_contract_of
    from salesaudit.steps.sizing.compute import data_rates

    stages = STAGES[1:]  # first_contact … contract
    n = 110
    created = list(pd.date_range("2026-06-01", periods=100, freq="12h"))
    created += [pd.Timestamp("2026-08-25")] * 10  # young open deals, none stale
    stage = [WON] * 30 + [LOST] * 70 + ["offer"] * 10
    d = pd.DataFrame(
        {
            "deal_id": [f"d{i}" for i in range(n)],
            "created_at": created,
            "stage": stage,
            "amount": [1000.0] * n,
            "manager": ["Ann", "Bob", "Cy"] * 36 + ["Ann", "Bob"],
            "closed_at": [c + pd.Timedelta(days=20) if s != "offer" else pd.NaT
                          for c, s in zip(created, stage, strict=True)],
        }
    )  # fmt: skip
    audit = make_audit(d, stages=stages, as_of="2026-08-31")
    fa = analysis.analyse(audit)
    assert fa.counts is not None and not fa.counts.identified
    assert (fa.counts.won, fa.counts.lost) == (30, 70)
    m2c = fa.m2c
    lo, hi = wilson(30, 100)
    assert m2c is not None and m2c["value"] == pytest.approx(0.3)
    assert (m2c["lo"], m2c["hi"], m2c["n"]) == (pytest.approx(lo), pytest.approx(hi), 100)
    assert data_rates(audit)["meeting_to_contract"] == pytest.approx(0.3)
    story = " ".join(funnel_text.funnel_story(fa))
    assert "meeting → contract is the win rate" in story
    # no team table: the meetings a month are per deal owner, and the sentence says so
    assert fa.meeting_rate is not None and not fa.meeting_rate.roles_known
    assert "every owner counts as a closer" in story
    before = make_audit(d, stages=STAGES, as_of="2026-08-31")
    got = meeting_to_contract_of(analysis.analyse(before).counts, STAGES)
    assert got is None or got["value"] is None
    assert data_rates(before)["meeting_to_contract"] is None
