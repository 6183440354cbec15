"""Coherent advice (issue 9, point 8): structure advice from the actual gaps, the technology
roadmap ordered by the build algorithm and the mistakes found, pillars scored from evidence of
practice. Hand-worked cases; a not-assessed item is never judged."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from salesaudit.core.quality import DataQuality
from salesaudit.inputs import client as config
from salesaudit.inputs.audit import Audit
from salesaudit.report.findings_model import (
    ModelFindings,
    StructureFindings,
    TechnologiesFindings,
)
from salesaudit.steps import sales_model as model
from salesaudit.steps import sizing, structure, technologies


def make_audit(tables: dict[str, pd.DataFrame], lang: str = "en", **cfg: object) -> Audit:
    """An Audit over in-memory tables and a client mapping."""
    raw = {"client": "Test", "language": lang, "data": {"deals": {"path": "x.csv"}}, **cfg}
    c = config.from_dict(raw, base_dir=Path("."))
    return Audit(config=c, tables=tables, quality=DataQuality(), as_of=pd.Timestamp("2026-06-30"))


def team(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    """A team table from (manager, role, head, region) rows."""
    return pd.DataFrame(rows, columns=["manager", "role", "head", "region"]).replace("", None)


# H1 (North) leads 3 North sellers and 5 in Centre: 8 > span 7; Centre has no head of its own.
# H2 (South) leads 2 in South and 2 in East (East: 2 < 3 sellers, attached to a neighbour, no
# gap); one South seller has no head.
TEAM = team(
    [("H1", "head", "", "North"), ("H2", "head", "", "South")]
    + [(f"n{i}", "closer", "H1", "North") for i in range(3)]
    + [(f"c{i}", "closer", "H1", "Centre") for i in range(5)]
    + [(f"s{i}", "closer", "H2", "South") for i in range(2)]
    + [(f"e{i}", "closer", "H2", "East") for i in range(2)]
    + [("lone", "closer", "", "South")]
)
REGIONAL = {"structure": {"regions": 4, "region_specifics": True}}


def test_a_region_without_a_head_is_the_gap_and_fixes_the_span_breach() -> None:
    a = make_audit({"team": TEAM}, **REGIONAL)
    gaps = {g.kind: g for g in structure.gaps(a)}
    assert set(gaps) == {"region_without_head", "over_span", "no_head"}
    centre = gaps["region_without_head"]
    assert centre.region == "Centre" and centre.sellers == tuple(f"c{i}" for i in range(5))
    assert centre.heads == ("H1",) and centre.relieves == (("H1", 8, 3),)
    # a head for Centre brings H1 from 8 to 3 sellers: the span breach is folded into it
    assert gaps["over_span"].resolved_by == "Centre"
    assert gaps["no_head"].sellers == ("lone",)
    codes = [f.code for f in structure.advice(a)]
    assert codes == ["st.advice.region_without_head", "st.advice.no_head"]
    notes = structure.advice_notes(a)
    assert notes[0].startswith("Appoint a head for region Centre: its 5 sellers")
    assert "brings H1 from 8 to 3 sellers, within the span of 7" in notes[0]
    assert "Add a head of sales" not in " ".join(notes)
    # North (3), Centre (5) and South (3 with the lone seller) each need their own head
    assert structure.heads_needed(a) == 3
    ru = structure.advice_notes(make_audit({"team": TEAM}, lang="ru", **REGIONAL))
    assert ru[0].startswith("Назначьте руководителя региона Centre: у 5 продавцов")


def test_regions_are_not_judged_while_the_regional_rule_is_open() -> None:
    """Region specifics not answered: no region gap; the span breach stands on its own."""
    a = make_audit({"team": TEAM}, structure={"regions": 4})
    kinds = [g.kind for g in structure.gaps(a)]
    assert kinds == ["over_span", "no_head"]
    assert structure.advice(a)[0].code == "st.advice.over_span"
    assert structure.advice(a)[0].params == {"head": "H1", "n": 8, "span": 7}


def test_a_team_without_gaps_says_so_and_no_team_says_why() -> None:
    ok = team([("H", "head", "", "North")] + [(f"n{i}", "closer", "H", "North") for i in range(4)])
    a = make_audit({"team": ok}, **REGIONAL)
    assert structure.gaps(a) == ()
    assert structure.advice_notes(a) == [
        "No gap in the team today: every seller has a head within the span, and no universal "
        "seller needs redeploying."
    ]
    assert structure.advice_notes(make_audit({}, **REGIONAL)) == [
        "What to change in the team cannot be said without today's team (see below)."
    ]


def test_a_head_without_a_region_leaves_regions_unjudged() -> None:
    """A head without a region could lead any region: no region gap is judged."""
    no_region = TEAM.copy()
    no_region.loc[no_region["manager"] == "H2", "region"] = None
    a = make_audit({"team": no_region}, **REGIONAL)
    assert "region_without_head" not in [g.kind for g in structure.gaps(a)]


# ------------------------------------------------------------------ the technology roadmap

ROADMAP_CFG = {
    "model": {
        # steps 4, 5, 6 missing; step 4 missing is also mistake 3, training "none" is mistake 5
        # (flags step 6); nothing flags step 5; step 3 in place
        "algorithm": {1: "in_place", 2: "in_place", 3: "in_place", 4: "missing", 5: "missing"}
        | {6: "missing", 7: "in_place"},
        "hiring": "batch",
        "work_control": "daily",
        "training": "none",
        "motivation": "mixed",
        "last_review_months_ago": 1,
    },
    "technologies": {
        "work_planning": "missing",  # step 4: missing + mistake 3 → urgency 2
        "training_system": "partial",  # step 6: missing + mistake 5 → urgency 2
        "certification": "missing",  # step 6 → urgency 2
        "group_interview": "missing",  # step 3 in place, no mistake → 0
        "sales_stages": "partial",  # step 5 missing → 1
        "promo_events": "missing",  # step 5 → 1
        "new_client_algorithm": "missing",  # step 5 → 1
        "operational_reporting": "in_place",
    },
}


def test_roadmap_puts_the_missing_and_flagged_steps_first_in_build_order() -> None:
    a = make_audit({}, **ROADMAP_CFG)
    assert model.mistakes(a) == [3, 5]
    road = technologies.roadmap(technologies.status_table(a))
    assert road["key"].tolist() == [
        "work_planning",  # step 4 missing and flagged (build order first)
        "certification",  # step 6 missing and flagged; missing before partial
        "training_system",
        "new_client_algorithm",  # step 5 missing: missing (internal before external) ...
        "promo_events",
        "sales_stages",  # ... then partial
        "group_interview",  # step 3 in place, nothing flags it: last although earliest
    ]
    assert road["urgency"].tolist() == [2, 2, 2, 1, 1, 1, 0]
    shown = technologies.roadmap_display(a)
    assert shown is not None and technologies.roadmap_notes(a) == []
    assert shown["Reason for its place"].iloc[1] == (
        "Step missing; typical mistake 5: Internal training is not a system."
    )
    assert shown["Reason for its place"].iloc[3] == "Step missing"
    assert shown["Reason for its place"].iloc[6] == "—"
    assert shown["Build step it serves"].iloc[0] == "4. Management and control of current work"
    rows = technologies.findings(a)["roadmap"]
    assert [r["priority"] for r in rows] == list(range(1, 8)) and rows[1]["mistake"] == 5


def test_an_unanswered_algorithm_promotes_nothing() -> None:
    cfg = {"technologies": dict(ROADMAP_CFG["technologies"])}  # type: ignore[call-overload]
    a = make_audit({}, **cfg)
    road = technologies.roadmap(technologies.status_table(a))
    assert set(road["urgency"]) == {0}
    assert set(road["step_status"]) == {"not_assessed"}
    # build order, then missing before partial, then group priority and the catalogue's order
    assert road["key"].tolist()[:2] == ["group_interview", "work_planning"]


# ------------------------------------------------------------------ the four pillars

PILLAR_CFG = {
    "model": {
        "algorithm": {4: "partial", 6: "in_place"},
        "work_control": "daily",
        "training": "ad_hoc",
        "pillars": {"operations": 4, "coaching": 0},
    },
    "technologies": {"training_system": "in_place", "sales_stages": "partial"},
    "control": {
        "morning_planning": True,
        "checkins_per_day": 3,
        "daily_plan_fact": False,
        "board": False,
        "crm": {"no_paper_orders": True, "methodology": False, "configured": True},
    },
}


def activities() -> pd.DataFrame:
    """Two sellers: one logs every week of the last 8, the other 2 weeks of his last 4."""
    weeks = pd.date_range(end="2026-06-29", periods=8, freq="W-MON")
    rows = [("a", d) for d in weeks] + [("b", weeks[4]), ("b", weeks[6])]
    return pd.DataFrame(
        {"manager": [r[0] for r in rows], "date": [r[1] for r in rows], "type": "call"}
    )


def test_pillars_are_scored_from_evidence_of_practice() -> None:
    a = make_audit({"activities": activities()}, **PILLAR_CFG)
    assert model.activity_regularity(a) == pytest.approx((1 + 2 / 4) / 2)
    # operations: morning 1, plan/fact 0, board 0, paper orders 1, activity log .75, self 4/4 1
    #   → 3.75 / 6 = 62.5 → 62 (round half to even)
    # process: methodology 0, configured 1, sales stages partial .5 → 1.5 / 3 = 50
    # coaching: 3 check-ins 1, daily control 1, step 4 partial .5, self 0/4 0 → 2.5 / 4 = 62.5
    # training: ad hoc .5, step 6 in place 1, training system 1 → 2.5 / 3 = 83
    assert model.pillars(a) == {"operations": 62, "process": 50, "coaching": 62, "training": 83}
    checks = {c.item: c.score for c in model.pillar_checks(a)}
    assert checks["control.crm.telephony_integrated"] is None  # not assessed, not judged
    table = model.pillar_table(a).set_index("Pillar")
    assert table.loc["Sales operations", "Evidence of practice"] == "6 of 10 items assessed"
    assert table.loc["Sales operations", "Falls short (score 0–100)"] == (
        "Daily plan/fact of payments (0); The board (leaderboard for the date) (0); "
        "Weeks with logged activity (75)"
    )
    assert table.loc["Sales training", "Score"] == 83


def test_files_alone_score_no_pillar() -> None:
    """A plan and a stage history existing is no evidence of practice: nothing is scored."""
    plan = pd.DataFrame({"period": pd.to_datetime(["2026-01-01"]), "manager": ["m"], "amount": [1]})
    a = make_audit({"plan": plan})
    assert model.pillars(a) == dict.fromkeys(model.PILLAR_ITEMS)


# ------------------------------------------------------------------ the demo, before → after


def test_demo_advice_follows_its_gaps(demo_audit: Audit) -> None:
    a = demo_audit
    gaps = {g.kind: g for g in structure.gaps(a)}
    assert gaps["region_without_head"].region == "Centre"
    assert len(gaps["region_without_head"].sellers) == 5
    assert gaps["over_span"].resolved_by == "Centre"
    # the three universals won new clients only (no repeat revenue): by their track record
    # they become closers
    assert gaps["universals"].roles == (("closer", 3),)
    # one heads figure: the span needs 2 (13 sellers / 7), the regional matrix 3; both read 3
    p = sizing.plan(a)
    assert p is not None and structure.heads_needed(a) == 3 == p.heads
    keys = technologies.roadmap(technologies.status_table(a))["key"].tolist()
    assert keys[:2] == ["group_interview", "training_system"]
    # the new findings keys validate against the typed model
    StructureFindings.model_validate(structure.findings(a))
    TechnologiesFindings.model_validate(technologies.findings(a))
    ModelFindings.model_validate(model.findings(a))


def test_nothing_rated_leaves_no_empty_roadmap_or_empty_team_advice() -> None:
    """An empty questionnaire and no team table: the roadmap and 'what to change' say why they
    are empty instead of a bare header or a heading with nothing under it."""
    a = make_audit({})
    assert technologies.roadmap_display(a) is None
    assert technologies.roadmap_notes(a) == [
        "Nothing on the roadmap yet: it lists the technologies rated missing or partial, and "
        "none is rated missing or partial."
    ]
    assert structure.advice_notes(a) == [
        "What to change in the team cannot be said without today's team (see below)."
    ]
    assert structure.team_notes(a)[0].startswith("Today's team is unknown: no team table")
    assert structure.team_notes(make_audit({"team": TEAM}, **REGIONAL)) == []
