"""Pay (issue 10, part 1): the pay function on hand-worked attainments, the mix check, target
earnings in the client's currency, the team's pay at its observed attainment, the principles
and the workshop's pay panel."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from salesaudit.core.quality import DataQuality
from salesaudit.inputs import client as config
from salesaudit.inputs.audit import Audit
from salesaudit.inputs.earnings import GIVEN, TODAY, target_earnings
from salesaudit.report.findings_model import CompensationFindings
from salesaudit.steps import compensation as comp
from salesaudit.steps import sizing, summary
from salesaudit.steps.compensation import PayPlan, pay, payout
from salesaudit.workshop import pay as panel

from .helpers import run_cli

# target earnings 100 000: fixed 30 000 and soft 10 000 always paid, target bonus 60 000
TIERED = PayPlan(target=100_000)  # threshold 0.7, accelerator ×1.5 from plan, cap 2
MARGINAL = replace(TIERED, kind="marginal")


@pytest.mark.parametrize(
    ("attainment", "tiered", "marginal"),
    [
        (0.0, 40_000, 40_000),  # fixed + soft only
        (0.5, 40_000, 40_000),  # below the 0.7 threshold: no bonus
        (0.69, 40_000, 40_000),
        (0.7, 82_000, 82_000),  # 60 000 × 0.7 = 42 000
        (1.0, 100_000, 100_000),  # the target earnings
        (1.3, 157_000, 127_000),  # tiered 1.3 × 1.5 = 1.95; marginal 1 + 0.3 × 1.5 = 1.45
        (2.5, 160_000, 160_000),  # both capped at 2 × 60 000
    ],
)
def test_pay_on_hand_worked_attainments(attainment: float, tiered: float, marginal: float) -> None:
    assert pay(attainment, TIERED).total == pytest.approx(tiered)
    assert pay(attainment, MARGINAL).total == pytest.approx(marginal)
    p = pay(attainment, TIERED)
    assert (p.fixed, p.soft) == (30_000, 10_000) and p.total == p.fixed + p.soft + p.bonus


def test_tiered_and_marginal_differ_below_a_higher_cap() -> None:
    high = replace(TIERED, cap=3.0)
    assert payout(2.0, high) == pytest.approx(3.0)  # 2 × 1.5, at the cap
    assert payout(2.0, replace(high, kind="marginal")) == pytest.approx(2.5)  # 1 + 1 × 1.5
    assert payout(2.5, high) == payout(2.5, replace(high, kind="marginal")) == 3.0


def test_threshold_and_decelerator() -> None:
    low = replace(TIERED, threshold=0.5)
    assert pay(0.5, low).bonus == pytest.approx(30_000) and pay(0.49, low).bonus == 0
    slow = replace(TIERED, decel_rate=0.5)  # half the rate between threshold and plan
    assert pay(0.7, slow).total == pytest.approx(40_000 + 60_000 * 0.35)  # 61 000
    assert pay(0.9, slow).total == pytest.approx(40_000 + 60_000 * 0.45)  # 67 000
    assert pay(0.6, slow).bonus == 0  # still nothing below the threshold
    assert pay(1.0, slow).total == pytest.approx(100_000)  # plan pays the target earnings
    assert pay(1.3, slow).total == pytest.approx(157_000)  # the accelerator is unchanged
    marginal = replace(slow, kind="marginal", accel_from=0.9)  # brackets: 0.9 at half rate
    assert payout(1.0, marginal) == pytest.approx(0.45 + 0.1 * 1.5)


def test_curve_and_cost_of_sales() -> None:
    df = comp.curve(TIERED, revenue_at_plan=1_000_000)
    assert len(df) == 201 and df["attainment"].iloc[-1] == 2.0
    at_plan = df[df["attainment"] == 1.0].iloc[0]
    assert at_plan["total"] == 100_000 and at_plan["cost_of_sales"] == pytest.approx(0.10)
    assert math.isnan(df["cost_of_sales"].iloc[0])  # no revenue at zero attainment


# --------------------------------------------------------------------------------------
# the client file


MINIMAL = "client: Acme\ndata:\n  deals: {path: data/deals.csv}\n"


def test_a_mix_not_adding_up_to_1_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "client.yaml"
    f.write_text(MINIMAL + "compensation: {mix: {fixed: 0.5, soft: 0.2, bonus: 0.5}}\n", "utf-8")
    with pytest.raises(config.InputError) as info:
        config.load(f)
    assert "0.5 + 0.2 + 0.5 = 1.2" in str(info.value)
    out = run_cli("validate", str(f))
    assert out.returncode == 2, out.stdout + out.stderr
    assert "0.5 + 0.2 + 0.5 = 1.2" in out.stdout + out.stderr
    assert "Traceback" not in out.stdout + out.stderr
    f.write_text(MINIMAL + "compensation: {mix: {fixed: 0.3, soft: 0.1, bonus: 0.6005}}\n", "utf-8")
    assert config.load(f).compensation.mix.bonus == 0.6005  # within ±0.001


def test_target_earnings_name_their_role(tmp_path: Path) -> None:
    f = tmp_path / "client.yaml"
    f.write_text(MINIMAL + "compensation: {target_earnings: {closr: 100}}\n", "utf-8")
    with pytest.raises(config.InputError, match="closr"):
        config.load(f)


def audit_of(tables: dict[str, pd.DataFrame], as_of: str = "2026-06-30", **cfg: object) -> Audit:
    """An Audit over in-memory tables and a client mapping."""
    raw = {"client": "Test", "data": {"deals": {"path": "x.csv"}}, **cfg}
    c = config.from_dict(raw, base_dir=Path("."))
    return Audit(config=c, tables=tables, quality=DataQuality(), as_of=pd.Timestamp(as_of))


def deals() -> pd.DataFrame:
    """Won and lost deals of three sellers over the year to 2026-06-30."""
    rows = []
    for i in range(54):  # 18 groups of 3 deals (2 won, 1 lost), 6 groups per seller
        month = pd.Timestamp("2025-07-15") + pd.DateOffset(months=i % 12)
        rows.append(
            {
                "deal_id": f"d{i}",
                "created_at": month - pd.Timedelta(days=20),
                "closed_at": month,
                "stage": "contract" if i % 3 else "lost",
                "amount": 100_000.0,
                "manager": ("A", "B", "C")[(i // 3) % 3],
                "client_id": f"c{i % 25}",
            }
        )
    return pd.DataFrame(rows)


def test_usd_without_target_earnings_is_not_priced_in_roubles() -> None:
    a = audit_of({"deals": deals()}, currency="USD", targets={"revenue_per_month": 1_000_000})
    assert target_earnings(a) == {}
    assert not any(d.key.startswith("compensation.") for d in sizing.defaults(a))
    p = sizing.plan(a)
    assert p is not None and math.isnan(p.monthly_cost)
    assert sizing.findings(a)["monthly_cost"] is None
    c = comp.compensation(a)
    assert c.missing and all(r.plan is None for r in c.roles)
    text = " ".join(comp.notes(a))
    assert "USD" in text and "target_earnings" in text
    assert "150" not in text and "RUB" not in text
    doc = comp.findings(a)
    assert all(v["pay_at"] is None for v in doc["roles"].values())
    CompensationFindings.model_validate(doc)


def test_target_earnings_given_else_todays_pay_else_the_methodology_in_rub() -> None:
    team = pd.DataFrame(
        {
            "manager": ["H", "A", "B", "C"],
            "role": ["head", "closer", "closer", "farmer"],
            "fixed_pay": [200.0, 50.0, 70.0, 90.0],
        }
    )
    a = audit_of({"deals": deals(), "team": team}, currency="USD",
                 compensation={"target_earnings": {"closer": 80.0}})  # fmt: skip
    te = target_earnings(a)
    assert te["closer"] == (80.0, GIVEN)
    assert te["head"] == (200.0, TODAY) and te["farmer"] == (90.0, TODAY)
    assert te["universal"] == te["closer"] and "hunter" not in te  # no figure in USD
    rub = audit_of({"deals": deals()})
    assert target_earnings(rub)["closer"] == (150_000.0, "default")
    assert "compensation.target_earnings.closer" in {d.key for d in sizing.defaults(rub)}


# --------------------------------------------------------------------------------------
# the team's pay at its observed attainment


def team_and_plan() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """A head and two closers; plans of 100 each in two months; A meets 100 % and 130 %, B 50 %
    and 70 %."""
    team = pd.DataFrame(
        {
            "manager": ["H", "A", "B"],
            "role": ["head", "closer", "closer"],
            "fixed_pay": [150_000.0, 60_000.0, 60_000.0],
        }
    )
    months = pd.to_datetime(["2026-05-01", "2026-06-01"])
    plan = pd.DataFrame(
        {"period": [*months, *months], "manager": ["A", "A", "B", "B"], "amount": [100.0] * 4}
    )
    won = [("A", "2026-05-10", 100.0), ("A", "2026-06-10", 130.0),
           ("B", "2026-05-10", 50.0), ("B", "2026-06-10", 70.0)]  # fmt: skip
    d = pd.DataFrame(
        [
            {"deal_id": f"w{i}", "created_at": pd.Timestamp(day) - pd.Timedelta(days=9),
             "closed_at": pd.Timestamp(day), "stage": "contract", "amount": amount, "manager": m}
            for i, (m, day, amount) in enumerate(won)
        ]
    )  # fmt: skip
    return team, plan, d


EARNINGS = {"target_earnings": {"closer": 100_000, "head": 200_000}}


def test_team_pay_from_plan_vs_fact_by_manager() -> None:
    team, plan, d = team_and_plan()
    a = audit_of({"deals": d, "team": team, "plan": plan}, compensation=EARNINGS)
    tp, why = comp.team_pay(a)
    assert why is None and tp is not None and tp.basis == "plan_fact"
    people = tp.people.set_index("manager")["pay"]
    assert people["A"] == pytest.approx((100_000 + 157_000) / 2)  # 100 % and 130 %
    assert people["B"] == pytest.approx((40_000 + 82_000) / 2)  # 50 % and 70 %
    # the head on the team's attainment: 150 / 200 in May, 200 / 200 in June
    assert people["H"] == pytest.approx((80_000 + 0.75 * 120_000 + 200_000) / 2)
    assert tp.total == pytest.approx(people.sum()) and tp.payroll == 270_000
    assert (tp.median, tp.low, tp.high) == (pytest.approx(0.85), 0.5, 1.3)
    notes = comp.team_notes(a)
    assert "plan vs fact of 2 sellers" in notes[0] and "270" in notes[-1]


def test_team_pay_from_the_spread_of_won_revenue_without_a_plan() -> None:
    team = pd.DataFrame({"manager": ["A", "B", "C"], "role": ["closer"] * 3,
                         "fixed_pay": [1.0, 1.0, 1.0]})  # fmt: skip
    d = deals()  # A, B, C each win the same: everybody at the median
    d.loc[d["manager"] == "A", "amount"] = 200_000.0
    a = audit_of({"deals": d, "team": team}, compensation=EARNINGS)
    tp, _ = comp.team_pay(a)
    assert tp is not None and tp.basis == "won_spread"
    att = tp.people.set_index("manager")["attainment"]
    assert att["A"] == pytest.approx(2.0) and att["B"] == att["C"] == pytest.approx(1.0)
    assert "spread of won revenue" in comp.team_notes(a)[0]
    assert comp.team_pay(audit_of({"deals": d}))[1] == "no_team"


# --------------------------------------------------------------------------------------
# the principles


def statuses(a: Audit) -> dict[str, str]:
    """{principle: status}."""
    return {p.key: p.status for p in comp.principles(a)}


def test_principles_are_not_assessed_on_an_empty_questionnaire() -> None:
    a = audit_of({"deals": deals()})
    assert set(statuses(a).values()) == {"not_assessed"} and len(statuses(a)) == 6
    asked = {q.item for q in summary.open_questions(a) if q.section == "04_team"}
    assert asked == {
        "compensation.earnings_visible_daily",
        "compensation.own_results_only",
        "compensation.achievers_above_market",
        "compensation.instant_rewards",
        "compensation.accelerator",
        "compensation.threshold",
    }
    assert all(q["question"] for q in summary.open_questions_list(a))


def test_principles_judged_from_answers_and_the_given_design() -> None:
    answered = {
        "earnings_visible_daily": True,
        "own_results_only": False,
        "achievers_above_market": True,
        "instant_rewards": False,
        "accelerator": {"from": 1.0, "rate": 1.5, "kind": "marginal"},
        "cap": 2.0,
        "threshold": 0.4,
    }
    s = statuses(audit_of({"deals": deals()}, compensation=answered))
    assert s == {"clarity": "ok", "over_achievers": "ok", "own_results": "violated",
                 "darwin": "ok", "instant_rewards": "violated", "big_thresholds": "violated"}  # fmt: skip
    low_cap = statuses(audit_of({"deals": deals()}, compensation={"cap": 1.2}))
    assert low_cap["over_achievers"] == "violated"
    only_rate = statuses(audit_of({"deals": deals()}, compensation={"accelerator": {"rate": 2}}))
    assert only_rate["over_achievers"] == "not_assessed"  # the cap would be our default
    fixed = statuses(
        audit_of({"deals": deals()}, model={"motivation": "fixed_only"}, compensation=answered)
    )
    assert fixed["over_achievers"] == fixed["big_thresholds"] == "violated"
    assert fixed["clarity"] == "ok"


def test_findings_section_matches_the_model() -> None:
    team, plan, d = team_and_plan()
    a = audit_of({"deals": d, "team": team, "plan": plan}, compensation=EARNINGS,
                 targets={"revenue_per_month": 300.0})  # fmt: skip
    doc = comp.findings(a)
    CompensationFindings.model_validate(doc)
    assert set(doc["roles"]) == {"universal", "head"}  # under 4 sellers: universal sellers
    closer = doc["roles"]["universal"]  # paid as closers
    assert closer["pay_at"] == {"0.5": 40_000, "0.7": 82_000, "1.0": 100_000, "1.3": 157_000,
                                "2.0": 160_000}  # fmt: skip
    assert (closer["fixed"], closer["soft"], closer["bonus"]) == (30_000, 10_000, 60_000)
    assert [p["key"] for p in doc["principles"]] == list(comp.PRINCIPLES)


# --------------------------------------------------------------------------------------
# the workshop's pay panel


def test_pay_panel_update_uses_the_report_functions() -> None:
    state = panel.PayState(
        "en", "RUB", {"closer": (100_000.0, 1_000_000.0), "head": (200_000.0, None)}
    )
    out = panel.update(state)
    assert out.pay_at_plan == {"closer": 100_000, "head": 200_000}
    assert out.cost_at_plan["closer"] == pytest.approx(0.1) and out.cost_at_plan["head"] is None
    assert len(out.curves_fig.data) == 4  # two roles × tiered and marginal
    assert len(out.cost_fig.data) == 1  # only the role with a revenue
    solid = [tr for tr in out.curves_fig.data if tr.line.dash == "solid"][0]
    assert max(solid.y) == pytest.approx(pay(2.0, TIERED).total)
    richer = panel.update(replace(state, fixed=0.5, soft=0.0, cap=1.0))
    assert richer.pay_at_plan["closer"] == 100_000  # plan still pays the target earnings
    flat = [tr for tr in richer.curves_fig.data if tr.line.dash == "solid"][0]
    assert max(flat.y) == pytest.approx(100_000)  # capped at the target bonus


def test_pay_panel_widgets_drive_updates() -> None:
    pytest.importorskip("ipywidgets")
    state = panel.PayState("ru", "RUB", {"closer": (100_000.0, 1_000_000.0)})
    app = panel.PayPanel(state)
    first = app.last
    app.sliders["threshold"].value = 0.5
    assert app.last is not first and app.state.threshold == 0.5
    app.sliders["fixed"].value = 0.95  # soft shrinks so that fixed + soft ≤ 1
    assert app.state.fixed + app.state.soft <= 1.0 + 1e-9
    app.sliders["kind"].value = "marginal"
    assert app.state.kind == "marginal" and "Доход при плане" in app.summary.value
