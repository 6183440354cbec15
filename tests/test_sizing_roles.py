"""Sizing per role (issue 10): observed productivity beside the norm, inbound-aware hunters, the
hiring plan per role with ramp, batches and attrition, universal sellers' moves, one heads figure."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from salesaudit.core.quality import DataQuality
from salesaudit.inputs import client as config
from salesaudit.inputs.audit import Audit
from salesaudit.steps import sizing

AS_OF = "2026-06-30"


def make_audit(tables: dict[str, pd.DataFrame], **cfg: object) -> Audit:
    """An Audit over in-memory tables and a client mapping."""
    raw = {"client": "Test", "data": {"deals": {"path": "x.csv"}}, **cfg}
    c = config.from_dict(raw, base_dir=Path("."))
    return Audit(config=c, tables=tables, quality=DataQuality(), as_of=pd.Timestamp(AS_OF))


def hand_worked(**capacity: object) -> Audit:
    """Target 1 000 000 at a 100 000 deal = 10 contracts; meeting → contract 0.2 = 50 meetings,
    half of the deals inbound (website) → 25 outbound meetings / 0.25 = 100 contacts / 0.25 =
    400 calls. Closers c1 10 and c2 20 meetings a month (c3, hired 2 months ago, 100: still
    ramping, left out) → median 15; hunter h1 300 calls; farmer f1 serves 10 of the 12 active
    accounts; universal u1 won two new clients (k, l)."""
    team = pd.DataFrame(
        {
            "manager": ["c1", "c2", "c3", "h1", "f1", "u1", "hd"],
            "role": ["closer", "closer", "closer", "hunter", "farmer", "universal", "head"],
            "hired_at": pd.to_datetime(["2024-01-01"] * 2 + ["2026-05-01"] + ["2024-01-01"] * 4),
            "fixed_pay": [50.0, 50.0, 50.0, 30.0, 60.0, 40.0, 100.0],
        }
    )
    months = ["2026-05-10", "2026-06-10"]
    rows = [(m, d, "meeting", n) for m, n in (("c1", 10), ("c2", 20)) for d in months]
    rows += [("c3", "2026-06-10", "meeting", 100), ("h1", "2026-05-10", "call", 300)]
    rows += [("h1", "2026-06-10", "call", 300)]
    acts = pd.DataFrame(rows, columns=["manager", "date", "type", "count"])
    acts["date"] = pd.to_datetime(acts["date"])
    clients = [*"abcdefghij", "k", "l"]
    sales = pd.DataFrame(
        {
            "client_id": clients,
            "date": pd.to_datetime(["2026-03-01"] * 12),
            "amount": [10.0] * 12,
            "manager": ["f1"] * 10 + ["u1", "u1"],
        }
    )
    deals = pd.DataFrame(
        {
            "deal_id": [str(i) for i in range(10)],
            "created_at": pd.to_datetime(["2026-01-01"] * 10),
            "stage": ["target_list"] * 10,
            "channel": ["website"] * 5 + ["cold_call"] * 5,
        }
    )
    rates = {"call_to_contact": 0.25, "contact_to_meeting": 0.25, "meeting_to_contract": 0.2}
    cap = {"average_deal": 100_000, "rates": rates, "attrition": 0.0, **capacity}
    return make_audit(
        {"team": team, "activities": acts, "sales": sales, "deals": deals},
        targets={"revenue_per_month": 1_000_000, "basis": "payments"},
        capacity=cap,
        structure={"repeat_sales": True},
    )


def test_sizing_per_role_observed_and_norm_hand_worked() -> None:
    a = hand_worked()
    p = sizing.plan(a)
    assert p is not None
    prod = p.productivity
    assert (prod["closer"].observed, prod["closer"].sellers) == (15.0, 2)  # c3 still ramping
    assert prod["hunter"].observed == 300.0 and prod["farmer"].observed == 10.0
    assert {r: x.source for r, x in prod.items()} == dict.fromkeys(prod, "observed")
    assert p.inputs.inbound_share == 0.5
    assert p.workload["outbound_meetings"] == 25 and p.workload["calls"] == 400
    # observed: 400 / 300 → 2 hunters; 50 / 15 → 4 closers; 12 accounts / 10 → 2 farmers
    assert p.required == {"hunter": 2, "closer": 4, "farmer": 2, "universal": 0}
    assert p.heads == 2  # 8 sellers / span 7
    # the norm case: 400 / 2016 → 1; 50 / 40 → 2; 12 / 60 → 1
    assert p.norm is not None
    assert p.norm.required == {"hunter": 1, "closer": 2, "farmer": 1, "universal": 0}
    assert p.norm.heads == 1
    # today: 1 hunter, 3 closers, 1 farmer, 1 universal (won new clients only → closer)
    assert [(m.name, m.to, m.basis) for m in p.moves] == [("u1", "closer", "track_record")]
    assert p.start == {"hunter": 1, "closer": 4, "farmer": 1, "head": 1}
    assert p.cost_now == 380.0  # the team's fixed pay
    doc = sizing.findings(a)
    assert doc is not None and doc["cost_per_month"]["now"] == 380.0
    assert doc["capacity"]["closer"] == {
        "observed": 15.0, "norm": 40.0, "used": 15.0, "source": "observed",
        "sellers": 2, "reason": None,
    }  # fmt: skip


def test_hiring_plan_hand_worked_batches_ramp_and_the_month_the_target_is_carried() -> None:
    """Short: 1 hunter, 1 farmer (closers full after u1's move) = 2, a batch of 3 → the third to
    the closers (the lowest cover of its need: 4 / 3.33 against 2 / 1.33 and 2 / 1.2); one head.
    Ramp 3: the new hunter counts 1/3 in July: 1 + 1/3 = 400/300 needed, the farmer 1 + 1/3 ≥
    12/10 → the target is carried from July, and every month after it (no attrition)."""
    p = sizing.plan(hand_worked())
    assert p is not None
    hp = p.hiring_plan
    first = hp[hp["month"] == "2026-07"].set_index("role")["hires"].to_dict()
    assert first == {"hunter": 1, "closer": 1, "farmer": 1, "head": 1}
    sellers = hp[hp["role"] != "head"].groupby("month")["hires"].sum()
    assert all(n % 3 == 0 for n in sellers)
    assert p.ready == "2026-07"
    fte = {r: v for r, v in p.fte.items() if v > 0}
    share = sizing.carried(hp, fte)
    assert (share >= 1 - 1e-9).all()
    assert p.monthly is not None and p.monthly["revenue"].iloc[1] == pytest.approx(1_000_000)


def test_hiring_plan_ramp_3_batch_3_reaches_the_need_in_the_month_it_states() -> None:
    months = [str(m) for m in pd.period_range("2026-01", periods=12, freq="M")]
    hp = sizing.hiring_plan(
        {"closer": 2, "farmer": 1}, {"closer": 6, "farmer": 2}, months, 3, 3, 0.0
    )
    hires = hp.groupby("month", sort=False)["hires"].sum()
    assert hires.iloc[0] == 6 and all(n % 3 == 0 for n in hires)  # 4 + 1 short → 6
    fte = {"closer": 6.0, "farmer": 2.0}
    ready = sizing.ready_month(hp, fte)
    closer = hp[hp["role"] == "closer"].set_index("month")["productive_fte"]
    assert ready == "2026-03"  # the third month: newcomers ramp 1/3, 2/3, full
    assert closer[ready] >= 6 and closer["2026-02"] < 6


def test_attrition_is_replaced_in_batches() -> None:
    months = [str(m) for m in pd.period_range("2026-01", periods=12, freq="M")]
    hp = sizing.hiring_plan({"closer": 12}, {"closer": 12}, months, 3, 3, 0.25)
    assert hp["hires"].sum() >= 3 and all(n % 3 == 0 for n in hp["hires"])
    # leavers are replaced once a whole person is gone: never a whole person short
    assert (hp["headcount"] > 12 - 1).all()


def test_no_farmers_without_repeat_sales_and_universal_below_four() -> None:
    inp = sizing.Inputs(
        target=1_000_000, average_deal=100_000, call_to_contact=0.25, contact_to_meeting=0.25,
        meeting_to_contract=0.2, closer_capacity=40, hunter_capacity=2016, farmer_capacity=60,
        active_accounts=130, inbound_share=0.5,
    )  # fmt: skip
    w = sizing.workload(inp)
    assert w["calls"] == 400  # half the meetings inbound: no calls for them
    big = sizing.required(inp, w, repeat_sales=True, span=7)
    assert big.required == {"hunter": 1, "closer": 2, "farmer": 3, "universal": 0}
    small = sizing.required(inp, w, repeat_sales=False, span=7)
    assert small.required == {"hunter": 0, "closer": 0, "farmer": 0, "universal": 2}
    assert small.roles == "universal" and small.heads == 1
    a = hand_worked()
    no_repeat = make_audit(
        dict(a.tables),
        targets={"revenue_per_month": 1_000_000, "basis": "payments"},
        capacity={"average_deal": 100_000, "attrition": 0.0},
        structure={"repeat_sales": False},
    )
    p = sizing.plan(no_repeat)
    assert p is not None and p.required["farmer"] == 0


def test_the_norm_is_used_and_logged_when_the_data_cannot_say() -> None:
    a = make_audit(
        {
            "deals": pd.DataFrame(
                {
                    "deal_id": ["1"],
                    "created_at": pd.to_datetime(["2026-01-01"]),
                    "stage": ["target_list"],
                }
            )
        },  # fmt: skip
        targets={"revenue_per_month": 1000},
        capacity={"average_deal": 100},
    )
    prod = sizing.productivity(a)
    assert {r: x.source for r, x in prod.items()} == dict.fromkeys(prod, "norm")
    assert prod["closer"].reason == "no_activities"
    keys = {d.key for d in sizing.defaults(a)}
    assert {"capacity.closer_meetings_per_month", "capacity.hunter_calls_per_month"} <= keys
    p = sizing.plan(a)
    assert p is not None and any(f.code == "s.inbound_unknown" for f in p.findings)
    assert any(f.code == "s.capacity.norm" for f in p.findings)
    assert any(f.code == "s.cost_no_pay" for f in p.findings)


def test_a_number_in_the_client_file_overrides_the_observed_figure() -> None:
    p = sizing.plan(hand_worked(closer_meetings_per_month=25))
    assert p is not None
    c = p.productivity["closer"]
    assert (c.source, c.used, c.observed) == ("given", 25.0, 15.0)
    assert p.required["closer"] == math.ceil(50 / 25)


def test_one_heads_figure() -> None:
    assert sizing.heads_required(8, 7) == 2
    assert sizing.heads_required(8, 7, regional=3) == 3


def test_plan_keeps_each_roles_capacity_at_its_need_after_the_month_it_states() -> None:
    """Ramp 3, batch 3, attrition 25% a year (1/48 a month). Closers 5 for 6 FTE needed, farmers
    2 for 2.5. January: without hires the closers would have 5 × (47/48)³ = 4.69 in March, when a
    January hire is fully ramped and adds (47/48)² = 0.959 → ⌈1.306 / 0.959⌉ = 2 closers; farmers
    2 × (47/48)³ = 1.88 → ⌈0.622 / 0.959⌉ = 1 farmer: 3, one batch. February: closers
    5 × (47/48)² + 2 × 47/48 − 2/3 = 6.09 ≥ 6, farmers 1.92 + 0.98 − 1/3 = 2.56 ≥ 2.5 → the
    target is carried from February, and (leavers replaced before the gap opens) every month
    after it; hires always in multiples of 3."""
    months = [str(m) for m in pd.period_range("2026-01", periods=12, freq="M")]
    need = {"closer": 6.0, "farmer": 2.5}
    hp = sizing.hiring_plan({"closer": 5, "farmer": 2}, need, months, 3, 3, 0.25)
    jan = hp[hp["month"] == "2026-01"].set_index("role")["hires"].to_dict()
    assert jan == {"closer": 2, "farmer": 1}
    by_month = hp.groupby("month", sort=False)["hires"].sum()
    assert all(n % 3 == 0 for n in by_month) and by_month.iloc[1:].sum() >= 3  # leavers replaced
    ready = sizing.ready_month(hp, need)
    assert ready == "2026-02"
    after = hp[hp["month"] >= ready]
    assert (after["productive_fte"] >= after["role"].map(need) - 1e-9).all()
    feb = hp[hp["month"] == "2026-02"].set_index("role")["productive_fte"]
    assert feb["closer"] == pytest.approx(5 * (47 / 48) ** 2 + 2 * 47 / 48 - 2 / 3)
    # still at the need in December: leavers replaced as they go, not once a whole person is gone
    assert hp[hp["role"] == "closer"]["productive_fte"].iloc[-1] >= 6


def test_a_month_short_later_in_the_plan_moves_the_ready_month_past_it() -> None:
    plan = pd.DataFrame(
        {
            "month": ["2026-01", "2026-02", "2026-03"],
            "role": ["closer"] * 3,
            "hires": [0, 0, 0],
            "headcount": [6.0, 5.0, 6.0],
            "productive_fte": [6.0, 5.0, 6.0],
        }
    )
    assert sizing.ready_month(plan, {"closer": 6.0}) == "2026-03"


def test_surplus_hunters_rotate_into_closers_before_any_closer_is_hired() -> None:
    """Closers sized on 10 meetings (client.yaml): 50 / 10 = 5 needed, 4 today (c1–c3 and u1
    moved). Hunters 3 for 2 needed: one beyond the need. The plan hiring one by one would hire a
    closer, so the surplus hunter moves up instead — h2, who won a new client (h3 has no won
    revenue) — and the plan hires only what is left."""
    a = hand_worked(closer_meetings_per_month=10)
    team = a.tables["team"]
    more = pd.DataFrame(
        {
            "manager": ["h2", "h3"],
            "role": ["hunter", "hunter"],
            "hired_at": pd.to_datetime(["2025-01-01", "2023-01-01"]),
            "fixed_pay": [30.0, 30.0],
        }
    )
    sales = a.tables["sales"]
    won = pd.DataFrame(
        {"client_id": ["m"], "date": pd.to_datetime(["2026-04-01"]), "amount": [25.0],
         "manager": ["h2"]}
    )  # fmt: skip
    tables = {**a.tables, "team": pd.concat([team, more]), "sales": pd.concat([sales, won])}
    b = Audit(config=a.config, tables=tables, quality=DataQuality(), as_of=a.as_of)
    p = sizing.plan(b)
    assert p is not None and p.required["closer"] == 5 and p.required["hunter"] == 2
    assert [(r.name, r.source, r.to, r.basis) for r in p.rotations] == [
        ("h2", "hunter", "closer", "track_record")
    ]
    assert p.start["hunter"] == 2 and p.start["closer"] == 5
    assert sizing.surplus(sizing.Staffing(p.required, p.roles, p.sellers, p.heads), p.start,
                          p.rotations) == {}  # fmt: skip
    codes = [f.code for f in p.findings]
    assert "s.rotations" in codes and "s.surplus" not in codes
    text = " ".join(sizing.plan_notes(b))
    assert "h2 (new clients won 25" in text and "from hunter to closer" in text


def test_the_hiring_sentence_counts_heads_apart_from_sellers() -> None:
    p = sizing.plan(hand_worked())
    assert p is not None
    f = next(f for f in p.findings if f.code == "s.plan_hires")
    assert f.params["hires"] == {"hunter": 1, "closer": 1, "farmer": 1} and f.params["heads"] == 1
    text = sizing.plan_notes(hand_worked())[-1]
    assert text.startswith("Hiring plan: 3 sellers (Hunter 1, Closer 1, Farmer 1) and 1 head of")


def test_the_team_headline_names_each_role_with_todays_people_and_the_moves() -> None:
    """hand_worked: 2 hunters (1 today), 4 closers (3 + u1 moved in), 2 farmers (1), 2 heads
    (1); the universal role, not in the recommended model, is left out (u1 counted in closers)."""
    from salesaudit.steps.summary import compute as sc
    from salesaudit.steps.summary import text as st

    a = hand_worked()
    p = sizing.plan(a)
    assert p is not None
    roles = sc.team_roles(p, p.heads)
    assert roles == {
        "closer": (4, 3, 1), "farmer": (2, 1, 0), "hunter": (2, 1, 0), "head": (2, 1, 0),
    }  # fmt: skip
    en = st.team_text(roles, "en", True)
    assert en == ("closers 4 (3 + 1 moved in), farmers 2 (1), hunters 2 (1), heads 2 (1)")
    ru = st.team_text(roles, "ru", True)
    assert ru.startswith("клоузеры 4 (3 + 1 переведены), фермеры 2 (1)")


def test_the_recommended_org_chart_is_by_region_under_the_regional_matrix(
    demo_audit: Audit,
) -> None:
    """The demo: regional matrix, regions Centre, North, South with 5, 5, 4 sellers → one head
    each (Centre's to hire). Closers after the moves: North 4 (Anna, Maria, Roman, Sergey), Centre
    3 (Ivan, Elena, Andrey), South 3 (Dmitry, Yulia, Alexey): 8 needed → 3.2, 2.4, 2.4 → 3, 2, 2
    and the last to the largest remainder (Centre before South by name) → 3, 3, 2. Farmers one
    per region: 4 → 1, 1, 1 + Centre. The one hunter left is in Centre."""
    from salesaudit.steps.sizing import org

    p = sizing.plan(demo_audit)
    assert p is not None and p.heads == 3
    assert org.heads_by_region(demo_audit) == {"Centre": 1, "North": 1, "South": 1}
    moved = {m.name: m.to for m in (*p.moves, *p.rotations)}
    rec = org.org_recommended(demo_audit, p.required, p.heads, moved)
    got = {(r.head, r.region, r.role): r.sellers for r in rec.itertuples()}
    assert got == {
        ("+Centre", "Centre", "closer"): 3, ("+Centre", "Centre", "farmer"): 2,
        ("+Centre", "Centre", "hunter"): 1, ("Olga Smirnova", "North", "closer"): 3,
        ("Olga Smirnova", "North", "farmer"): 1, ("Pavel Orlov", "South", "closer"): 2,
        ("Pavel Orlov", "South", "farmer"): 1,
    }  # fmt: skip
    assert rec.groupby("role")["sellers"].sum().to_dict() == {"closer": 8, "farmer": 4, "hunter": 1}


def test_share_floors_then_largest_remainders() -> None:
    from salesaudit.steps.sizing.org import share

    assert share(8, {"C": 3, "N": 4, "S": 3}) == {"C": 3, "N": 3, "S": 2}
    assert share(0, {"C": 1}) == {"C": 0}


def test_rotation_ranks_by_won_revenue_then_meetings_set_then_tenure() -> None:
    from salesaudit.steps.sizing.redeploy import rotate

    people = pd.DataFrame(
        {
            "manager": ["a", "b", "c", "d"],
            "role": ["hunter"] * 4,
            "hired_at": pd.to_datetime(["2020-01-01", "2024-01-01", "2019-01-01", "2018-01-01"]),
        }
    )
    record = pd.DataFrame({"new": [5.0], "repeat": [0.0]}, index=["b"])
    met = {"a": 10.0, "c": 30.0}
    got = rotate(people, record, {"hunter": 4}, {"closer": 4}, met)
    assert [(r.name, r.basis) for r in got] == [
        ("b", "track_record"), ("c", "meetings"), ("a", "meetings"), ("d", "tenure"),
    ]  # fmt: skip
    assert rotate(people, record, {"hunter": 2}, {"closer": 1}, met)[0].name == "b"
    assert rotate(people, record, {"hunter": 2}, {}, met) == ()  # no closer hire to cover


def test_the_rotation_is_a_structure_action_the_hiring_plan_counts_on(demo_audit: Audit) -> None:
    from salesaudit.steps import structure

    gap = [g for g in structure.gaps(demo_audit) if g.kind == "rotation"]
    assert len(gap) == 1 and gap[0].heads == ("hunter",) and gap[0].roles == (("closer", 2),)
    p = sizing.plan(demo_audit)
    assert p is not None and set(gap[0].sellers) == {r.name for r in p.rotations}
    text = structure.advice_notes(demo_audit)[-1]
    assert text.startswith("Move Sergey Lebedev, Alexey Novikov from hunter to closer before")


def test_universals_fill_the_roles_the_target_needs_not_only_their_best_fit() -> None:
    """Five universals whose money is all new-client: the record says closer for each, but the
    target needs 3 closers and 3 farmers. The 3 strongest closers stay closers; the 2 with
    the smallest new-client record fill farmer places (basis: shortfall), never past the need."""
    from salesaudit.steps.sizing.redeploy import redeploy
    from salesaudit.steps.sizing.text import move_text

    record = pd.DataFrame(
        {"new": [500.0, 400.0, 300.0, 200.0, 100.0], "repeat": [0.0, 0.0, 0.0, 50.0, 0.0]},
        index=["A", "B", "C", "D", "E"],
    )
    moves = {m.name: m for m in redeploy(list("ABCDE"), record, {"closer": 3, "farmer": 3}, True)}
    assert {n: m.to for n, m in moves.items()} == {
        "A": "closer", "B": "closer", "C": "closer", "D": "farmer", "E": "farmer"
    }  # fmt: skip
    assert moves["A"].basis == "track_record" and moves["E"].basis == "shortfall"
    assert "already filled" in move_text(moves["E"], "en", "RUB")
    # one farmer place only: one moves, the other stays a closer beyond the need
    one = redeploy(list("ABCDE"), record, {"closer": 3, "farmer": 1}, True)
    assert sum(m.to == "farmer" for m in one) == 1
    # no repeat sales: nobody becomes a farmer
    assert all(m.to == "closer" for m in redeploy(list("ABCDE"), record, {"closer": 3}, False))
