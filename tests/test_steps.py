"""Step computations checked against hand-worked cases and a second method."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from salesaudit.core import constants as C
from salesaudit.core.names import LOST
from salesaudit.core.quality import DataQuality
from salesaudit.core.results import Finding
from salesaudit.inputs import client as config
from salesaudit.inputs.audit import Audit
from salesaudit.steps import control, customers, intake, sizing, structure, summary, technologies
from salesaudit.steps import sales_model as model
from salesaudit.steps.funnel import compute as funnel

STAGES = list(config.STAGE_KEYS)


def make_audit(tables: dict[str, pd.DataFrame], as_of: str = "2026-06-30", **cfg: object) -> Audit:
    """An Audit over in-memory tables and a client mapping."""
    raw = {"client": "Test", "data": {"deals": {"path": "x.csv"}}, **cfg}
    c = config.from_dict(raw, base_dir=Path("."))
    return Audit(config=c, tables=tables, quality=DataQuality(), as_of=pd.Timestamp(as_of))


def test_funnel_hand_worked_six_deals() -> None:
    d = pd.DataFrame(
        {
            "deal_id": list("abcdef"),
            "created_at": pd.to_datetime(["2026-01-01"] * 6),
            "closed_at": pd.to_datetime(["2026-02-01", None, None, "2026-03-01", None, None]),
            "stage": ["contract", "lost", "offer", "lost", "target_list", "lost"],
            "lost_stage": [None, "needs_brief", None, "target_list", None, "offer"],
        }
    )
    c = funnel.counts(d, STAGES)
    # reach: a all; b up to needs_brief; c up to offer (open); d first only; e first (open); f up to offer
    assert c.stages["reached"].tolist() == [6, 4, 4, 3, 1, 1]
    assert c.stages["open_here"].tolist() == [1, 0, 0, 1, 0, 0]
    conv = c.stages["conversion_to_next"].tolist()
    assert conv[:5] == [4 / 5, 4 / 4, 3 / 4, 1 / 2, 1 / 1] and pd.isna(conv[5])
    assert (c.won, c.lost, c.open, c.lost_without_stage) == (1, 3, 2, 0)
    assert c.win_rate == 0.25
    d.loc[3, "lost_stage"] = None  # one loss stage unknown of 3: no conversion identifiable
    u = funnel.counts(d, STAGES)
    assert u.stages["reached"].tolist() == [6, 4, 4, 3, 1, 1] and not u.identified
    assert u.stages["conversion_to_next"].isna().all() and u.win_rate == 0.25
    assert funnel.cycle_summary(d) == {"median": 31.0, "p80": 31.0}


def test_loss_stage_falls_back_to_history() -> None:
    d = pd.DataFrame(
        {"deal_id": ["x"], "created_at": pd.to_datetime(["2026-01-01"]), "stage": ["lost"]}
    )
    h = pd.DataFrame(
        {
            "deal_id": ["x", "x", "x"],
            "stage": ["target_list", "first_contact", "lost"],
            "entered_at": pd.to_datetime(["2026-01-01", "2026-01-05", "2026-01-09"]),
        }
    )
    assert funnel.counts(d, STAGES, h).stages["reached"].tolist() == [1, 1, 0, 0, 0, 0]


def test_wilson_matches_the_textbook_formula() -> None:
    lo, hi = funnel.wilson(30, 100, 0.90)
    z = 1.6448536269514722
    p, n = 0.3, 100
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    assert lo == pytest.approx(centre - half) and hi == pytest.approx(centre + half)


def test_abc_by_the_cumulative_share_above() -> None:
    rev = pd.Series({"a": 50.0, "b": 30.0, "c": 10.0, "d": 6.0, "e": 4.0})
    # shares above: a 0, b .5, c .8, d .9, e .96
    assert customers.abc(rev, 0.8, 0.95).to_dict() == {
        "a": "A",
        "b": "A",
        "c": "B",
        "d": "B",
        "e": "C",
    }


def test_abcxyz_against_a_plain_pandas_pivot() -> None:
    rng = np.random.default_rng(3)
    months = pd.date_range("2025-07-01", periods=12, freq="MS")
    rows = []
    for i in range(40):  # regular, irregular and one-off buyers of different sizes
        bought = (
            months
            if i < 12
            else months[rng.random(12) < 0.6]
            if i < 26
            else months[rng.integers(0, 12, 2)]
        )
        for m in bought:
            rows.append(
                (
                    f"c{i}",
                    m + pd.Timedelta(days=int(rng.integers(0, 27))),
                    float(rng.lognormal(8 - i / 20, 0.4)),
                )
            )
    rows.append(("c0", pd.Timestamp("2024-01-05"), 1e6))  # outside the window: ignored
    sales = pd.DataFrame(rows, columns=["client_id", "date", "amount"])
    audit = make_audit({"sales": sales}, as_of="2026-06-30")
    cl = customers.classify(audit)
    assert cl is not None and cl.period == "M"
    got = cl.clients.set_index("client_id")
    # second method: explicit monthly pivot, population std / mean
    w = sales[(sales["date"] >= "2025-07-01") & (sales["date"] <= "2026-06-30")]
    piv = w.assign(m=w["date"].dt.strftime("%Y-%m")).pivot_table(
        index="client_id", columns="m", values="amount", aggfunc="sum", fill_value=0
    )
    assert piv.shape[1] == 12
    cv = piv.std(axis=1, ddof=0) / piv.mean(axis=1)
    expect = np.where(
        (piv > 0).sum(axis=1) <= 1, "Z", np.where(cv <= 0.5, "X", np.where(cv <= 1.0, "Y", "Z"))
    )
    assert got.loc[piv.index, "xyz"].tolist() == expect.tolist()
    total = piv.sum(axis=1).sort_values(ascending=False)
    above = (total.cumsum() - total) / total.sum()
    assert (
        got.loc[total.index, "abc"].tolist()
        == np.where(above < 0.8, "A", np.where(above < 0.95, "B", "C")).tolist()
    )


def test_xyz_falls_back_to_quarters_and_flags_degenerate() -> None:
    sales = pd.DataFrame(
        {
            "client_id": [f"c{i}" for i in range(20)],
            "date": pd.to_datetime(["2026-03-15"] * 20),
            "amount": [100.0] * 20,
        }
    )
    cl = customers.classify(make_audit({"sales": sales}, as_of="2026-06-30"))
    assert cl is not None and cl.period == "Q" and cl.degenerate


def test_migration_counts_new_and_lost() -> None:
    rows = [
        ("old", "2025-03-01", 100.0),
        ("both", "2025-03-01", 100.0),
        ("both", "2026-03-01", 100.0),
        ("new", "2026-03-01", 50.0),
    ]
    sales = pd.DataFrame(rows, columns=["client_id", "date", "amount"]).assign(
        date=lambda d: pd.to_datetime(d["date"])
    )
    m = customers.migration(make_audit({"sales": sales}, as_of="2026-06-30"))
    assert m is not None
    assert m.loc["new"].sum() == 1 and m["lost"].sum() == 1 and int(m.values.sum()) == 3


def test_customer_counts_take_the_plural_form_of_the_language() -> None:
    shares = {"client_share": 0.4, "revenue_share": 0.8}
    one = customers.text.finding_text(Finding("c.a_share", {"n": 142, **shares}), "ru")
    assert one.startswith("142 клиента класса A")
    moved = customers.text.finding_text(Finding("c.moved_down", {"n": 5}), "ru")
    assert moved.startswith("5 клиентов опустились")
    assert customers.text.finding_text(Finding("c.moved_down", {"n": 1}), "en").startswith(
        "1 client moved"
    )


def test_customers_notes_follow_the_findings_of_the_overview() -> None:
    sales = pd.DataFrame(
        {
            "client_id": ["a", "b", "c"],
            "date": pd.to_datetime(["2026-03-15", "2026-04-15", "2026-05-15"]),
            "amount": [800.0, 150.0, 50.0],
        }
    )
    a = make_audit({"sales": sales}, as_of="2026-06-30")
    ov = customers.overview(a)
    assert ov is not None and (ov.clients, ov.a_clients) == (3, 1) and not ov.enough
    # three clients: the classes are listed, but nothing is read from them
    assert [f.code for f in ov.findings] == ["c.window", "c.too_few_clients"]
    notes = customers.notes(a)
    assert notes[0].startswith("Window 2025-07-01 – 2026-06-30, 3 clients with purchases")
    assert notes[1].startswith("Only 3 clients bought in the window: too few for ABC-XYZ")
    assert customers.recommendations(a) == []
    assert "sum.abc" not in [f.code for f in summary.compute.headline_findings(a)]
    # ten clients: enough
    ten = pd.DataFrame(
        {
            "client_id": [f"c{i}" for i in range(10)],
            "date": pd.to_datetime(["2026-03-15"] * 10),
            "amount": [800.0, 150.0, 50.0, 40.0, 30.0, 20.0, 10.0, 5.0, 5.0, 5.0],
        }
    )
    b = make_audit({"sales": ten}, as_of="2026-06-30")
    ov = customers.overview(b)
    assert ov is not None and ov.enough and ov.a_clients == 2
    assert customers.text.finding_text(ov.findings[1], "en") == (
        "2 A clients (20% of clients) bring 85% of revenue."
    )


def test_summary_reads_the_funnels_levers(demo_audit: Audit) -> None:
    from salesaudit.steps.funnel.analysis import analyse

    fa = analyse(demo_audit)
    assert fa.weakest is not None and fa.levers
    assert summary.compute._weakest(demo_audit) is fa.weakest  # one result, not a recomputation
    assert summary.funnel_levers(demo_audit) is fa.levers  # one ranking, not a recomputation
    levers = summary.levers(demo_audit)
    kinds = [lv.kind for lv in levers]
    n = summary.compute.FUNNEL_LEVERS
    assert kinds[:n] == ["lever"] * n and kinds.index("structure") < kinds.index("tech")
    assert [lv.params["driver"] for lv in levers[:n]] == [v.driver for v in fa.levers[:n]]
    assert [lv.impact for lv in levers[:n]] == [
        round(v.revenue_delta_year, 2) for v in fa.levers[:n]
    ]


def test_reverse_funnel_hand_worked() -> None:
    inp = sizing.Inputs(
        target=1_000_000,
        average_deal=100_000,
        call_to_contact=0.25,
        contact_to_meeting=0.25,
        meeting_to_contract=0.2,
        closer_capacity=40,
        hunter_capacity=2016,
        farmer_capacity=60,
        active_accounts=130,
    )
    w = sizing.workload(inp)
    assert w == {
        "contracts": 10,
        "meetings": 50,
        "inbound_meetings": 0,  # the inbound share unknown: every meeting from calls
        "outbound_meetings": 50,
        "contacts": 200,
        "calls": 800,
        "closer_meetings": 50,
    }
    r = sizing.required(inp, w, repeat_sales=True, span=7)
    assert r.required == {"hunter": 1, "closer": 2, "farmer": 3, "universal": 0}
    assert r.roles == "hunter_closer_farmer" and r.heads == 1
    small = sizing.required(inp, w, repeat_sales=False, span=7)
    assert small.roles == "universal" and small.required["universal"] == 2 and small.heads == 1


def test_hunter_capacity_is_the_methodology_number() -> None:
    a = make_audit(
        {
            "deals": pd.DataFrame(
                {
                    "deal_id": ["1"],
                    "created_at": pd.to_datetime(["2026-01-01"]),
                    "stage": ["target_list"],
                }
            )
        }
    )
    inp, log = sizing.inputs(a)
    assert inp.hunter_capacity == 2016  # 15 × 8 × 0.8 × 21
    assert inp.meeting_to_contract == 0.20 and any(
        x.key == "capacity.rates.meeting_to_contract" for x in log
    )


def test_each_sizing_default_is_logged_with_its_norms_source() -> None:
    a = make_audit(
        {
            "deals": pd.DataFrame(
                {
                    "deal_id": ["1"],
                    "created_at": pd.to_datetime(["2026-01-01"]),
                    "stage": ["target_list"],
                }
            )
        }
    )
    log = {d.key: d for d in sizing.defaults(a)}
    for name, norm in (
        ("call_to_contact", C.DEFAULT_CALL_TO_CONTACT),
        ("contact_to_meeting", C.DEFAULT_CONTACT_TO_MEETING),
        ("meeting_to_contract", C.DEFAULT_MEETING_TO_CONTRACT),
    ):
        d = log[f"capacity.rates.{name}"]
        assert (d.value, d.source) == (norm.value, norm.source)
    assert log["capacity.hunter_calls_per_hour"].source == C.CALLS_PER_HOUR.source
    rows = {x.key: x for x in sizing.assumptions(a)}  # the assumptions log, in words
    assert rows["capacity.rates.meeting_to_contract"].source == "Methodology §4.5"
    assert rows["capacity.rates.call_to_contact"].value == "0.25"


def test_sizing_reads_the_funnel_counts_once_per_run() -> None:
    deals = pd.DataFrame(
        {
            "deal_id": [str(i) for i in range(4)],
            "created_at": pd.to_datetime(["2026-01-01"] * 4),
            "stage": ["contract", LOST, "first_contact", "target_list"],
        }
    )
    a = make_audit({"deals": deals})
    sizing.data_rates(a)
    fc = a.memo(("funnel.counts",), lambda: None)
    assert fc is not None and fc.won == 1  # memoised under the funnel's key, reused by the run
    assert funnel.audit_counts(a) is fc


def test_active_accounts_count_sales_and_won_deals_of_the_last_year() -> None:
    sales = pd.DataFrame(
        {
            "client_id": ["a", "b", "old"],
            "date": pd.to_datetime(["2026-06-30", "2025-07-01", "2025-06-30"]),
            "amount": [1.0, 1.0, 1.0],
        }
    )
    deals = pd.DataFrame(
        {
            "deal_id": ["1", "2"],
            "client_id": ["c", "d"],
            "created_at": pd.to_datetime(["2026-01-01", "2026-01-01"]),
            "closed_at": pd.to_datetime(["2026-02-01", "2026-02-01"]),
            "stage": ["contract", LOST],
            "amount": [5.0, 5.0],
        }
    )
    a = make_audit({"sales": sales, "deals": deals})
    assert sizing.active_clients(a) == {"a", "b", "c"} and sizing.active_accounts(a) == 3


def test_hiring_plan_in_batches_with_ramp() -> None:
    months = pd.period_range("2026-07", periods=4, freq="M")
    hp = sizing.hiring_plan(
        {"closer": 2}, {"closer": 6}, [str(m) for m in months], batch=3, ramp=3, attrition=0.0
    )
    assert hp["hires"].tolist() == [6, 0, 0, 0]
    assert hp["headcount"].tolist() == [8, 8, 8, 8]
    assert hp["productive_fte"].tolist() == [4.0, 6.0, 8.0, 8.0]


@pytest.mark.parametrize(
    ("facts", "expect"),
    [
        (
            {"regions": 3, "region_specifics": True, "complex_product": True},
            ("regional_matrix", "product_category"),
        ),
        (
            {"regions": 3, "region_specifics": False, "after_sales_service": True},
            ("product_category", None),
        ),
        ({"segments": 3, "segment_distinct_behaviour": True}, ("customer_type", None)),
        ({"segments": 6, "segment_distinct_behaviour": True}, ("functional_linear", None)),
        ({}, ("functional_linear", None)),
    ],
)
def test_structure_rules_first_match_wins(facts: dict, expect: tuple) -> None:
    answered = {
        "regions": 1,
        "region_specifics": False,
        "complex_product": False,
        "after_sales_service": False,
        "segments": 1,
        "segment_distinct_behaviour": False,
    }
    assert structure.recommend(make_audit({}, structure={**answered, **facts})) == expect
    assert structure.recommend(make_audit({})) == (None, None)  # nothing answered: not decided


def test_span_violations() -> None:
    team = pd.DataFrame(
        {
            "manager": ["H", *[f"s{i}" for i in range(9)], "lone"],
            "role": ["head"] + ["closer"] * 9 + ["hunter"],
            "head": [None] + ["H"] * 9 + [None],
        }
    )
    a = make_audit({"team": team})
    v = structure.violations(a)
    assert {"kind": "over_span", "head": "H", "sellers": 9, "span": 7} in v
    assert any(x["kind"] == "no_head" and x["names"] == ["lone"] for x in v)
    codes = [f.code for f in structure.span_findings(a)]
    assert codes == ["st.over_span", "st.no_head"]
    assert (
        structure.violation_notes(a)[0]
        == "H leads 9 sellers, more than the span of 7 (what to change: below)."
    )
    assert structure.violation_notes(a)[1] == "1 seller has no head: lone."
    # no team table: the spans are not known, never "no violations"
    assert structure.span_findings(make_audit({})) == [Finding("st.no_team", {}, "warning")]
    assert structure.violation_notes(make_audit({}))[0].startswith("Spans of control cannot be")
    calm = make_audit({"team": team.iloc[:6]})  # H leads 5 closers
    assert structure.span_findings(calm) == [Finding("st.ok", {}, "good")]


def test_model_mode_type_violations_and_mistakes() -> None:
    deals = pd.DataFrame(
        {
            "deal_id": list("abcde"),
            "created_at": pd.to_datetime(["2026-01-01"] * 5),
            "closed_at": pd.to_datetime(["2026-05-01"] * 5),
            "stage": ["contract"] * 5,
            "channel": ["website", "website", "referral", "cold_call", "website"],
        }
    )
    a = make_audit(
        {"deals": deals},
        model={
            "algorithm": {1: "in_place", 2: "missing", 3: "partial"},
            "hiring": "batch",
            "motivation": "mixed",
            "training": "system",
            "last_review_months_ago": 2,
            "work_control": "daily",
        },
    )
    r = model.decide(a)
    assert r.mode == "passive" and r.inbound_share == 0.8  # 4 of 5 > 60%
    assert r.sales_type == "project"  # median cycle 120 days > 90
    assert [f.code for f in r.evidence] == ["m.mode_evidence", "m.cycle_evidence", "m.type_result"]
    assert r.evidence[1].params == {"days": 120.0} and model.decide(a) is r  # once per audit
    assert model.order_violations(model.algorithm(a)) == [{"step": 3, "missing_before": 2}]
    # step 2 missing → 1; steps 4, 6, 7 unanswered: mistakes 3, 5, 6 are neither shown nor ruled out
    assert model.mistakes(a) == [1] and model.mistakes_not_assessed(a) == [3, 5, 6]
    problems = model.problems(a)
    assert problems[0] == Finding(
        "m.violation", {"step": 3, "status": "partial", "earlier": 2}, "warning"
    )
    assert [f.code for f in problems[1:]] == ["mistake.1"]
    notes = model.notes(a)  # how much is answered (3 steps + 5 answers of 16), then the problems
    assert len(notes) == 3 and notes[0].startswith("8 of 16") and notes[1].startswith("Step 3")


def test_keys_show_as_labels_in_both_languages() -> None:
    deals = pd.DataFrame(
        {
            "deal_id": list("abc"),
            "created_at": pd.to_datetime(["2026-01-01"] * 3),
            "stage": ["contract"] * 3,
            "channel": ["cold_call", "inbound_call", "Yandex Direct"],
        }
    )
    for lang, cold, inbound in (
        ("en", "cold call", "inbound call"),
        ("ru", "холодный звонок", "входящий звонок"),
    ):
        a = make_audit(
            {"deals": deals}, language=lang, model={"inbound_channels": ["inbound_call"]}
        )
        text = " ".join(model.evidence(a))
        assert inbound in text and "inbound_call" not in text
        x = list(model.channel_chart(a).data[0].x)
        assert set(x) == {cold, inbound, "Yandex Direct"}  # a client's own value as written
    profile = intake.profile(make_audit({"deals": deals}, language="ru")).iloc[:, 1].tolist()
    assert "русский" in profile and "Сделки" in profile  # not 'ru', not 'deals'


def test_control_findings_carry_numbers_and_text_counts_in_plural() -> None:
    acts = pd.DataFrame(
        {
            "manager": ["h"] * 2,
            "date": pd.to_datetime(["2026-06-01", "2026-06-02"]),
            "type": ["call", "call"],
            "count": [21, 21],
        }
    )
    team = pd.DataFrame({"manager": ["h"], "role": ["hunter"]})
    a = make_audit({"activities": acts, "team": team}, language="ru")
    obs = control.observations(a)
    assert obs[0] == Finding("ct.calls", {"v": 21.0, "hours": 8.0, "h": 21 / 8})
    assert [f.code for f in obs[1:]] == ["ct.rhythm_not_assessed", "ct.crm_not_assessed"]
    assert control.notes(a)[0].startswith("Хантеры делают 21 звонок в день")


def test_technology_coverage() -> None:
    a = make_audit(
        {}, technologies={"operational_reporting": "in_place", "sales_stages": "partial"}
    )
    tbl = technologies.status_table(a, "traditional")
    internal = tbl[tbl["group"] == "internal"]
    assert len(internal) == 5  # the 'all' internal ones
    # coverage over the rated technologies only: in place (1) and partial (½) of 2
    assert technologies.coverage(tbl)["internal"] == pytest.approx(1.5 / 2, abs=1e-3)
    assert technologies.coverage(tbl)["external"] is None  # none rated
    road = technologies.roadmap(tbl)
    assert road["key"].tolist() == ["sales_stages"]  # unrated ones are open questions, not gaps
    r = technologies.assess(a, "traditional")
    assert "label" not in r.table and r.coverage == technologies.coverage(tbl)
    assert "operational_reporting" not in r.gaps and "sales_stages" not in r.gaps
    assert technologies.roadmap(r.table)["key"].tolist() == road["key"].tolist()


def test_meetings_by_role_log_against_crm_and_the_closers_load() -> None:
    """Hand-worked: closer c logs 30 meetings in each of May and June, universal u 10 in June
    only; by role 30 and 10, per seller (c: 30, u: 10) 20 a month; 70 meetings over 2 log months
    = 35 a month. 6 deals won in the last 12 months = 0.5 a month → 0.5 / 35 won per logged
    meeting. Sizing: a target of 1 000 at a 100 deal = 10 contracts → 10 ÷ (0.5 / 35) = 700
    logged meetings → by the closers' own median (c: 30 a month) 700 / 30 = 23.3 → 24 closers;
    at the norm 700 / 40 = 17.5 → 18 closers."""
    acts = pd.DataFrame(
        {
            "manager": ["c", "c", "u"],
            "date": pd.to_datetime(["2026-05-10", "2026-06-10", "2026-06-11"]),
            "type": ["meeting"] * 3,
            "count": [30, 30, 10],
        }
    )
    team = pd.DataFrame({"manager": ["c", "u", "f"], "role": ["closer", "universal", "farmer"]})
    n = 6
    deals = pd.DataFrame(
        {
            "deal_id": [f"d{i}" for i in range(n)],
            "created_at": pd.to_datetime(["2025-06-01"] * n),
            "stage": ["contract"] * n,
            "amount": [100.0] * n,
            "closed_at": pd.to_datetime(["2026-03-01"] * n),
            "manager": ["c"] * n,
        }
    )
    a = make_audit(
        {"activities": acts, "team": team, "deals": deals}, targets={"revenue_per_month": 1000}
    )
    rate = funnel.meeting_rate(a)
    assert rate.by_role == {"closer": 30.0, "universal": 10.0}
    assert rate.logged == 20.0 and rate.logged_month == 35.0 and rate.won_month == 0.5
    assert rate.logged_to_contract == pytest.approx(0.5 / 35)
    act = control.activity_norms(a)
    assert act["meetings_closer_month"] == 30.0 and act["meetings_universal_month"] == 10.0
    p = sizing.plan(a)
    assert p is not None and p.workload["closer_meetings"] == pytest.approx(700.0)
    assert p.required["closer"] == 24 and p.productivity["closer"].source == "observed"
    assert p.norm is not None and p.norm.required["closer"] == 18


def test_money_at_risk_hand_worked() -> None:
    """Previous window a 600, b 300, c 80, d 20 (A, A, B, C: the shares above are 0, .6, .9,
    .98); now a 400, c 100, e 50. Lost: b (A, 300) and d (C, 20) = 320; shrinking: a, 600 → 400
    = 200 less; at risk 520 of 1 000 = 52%; the lost A client named: b."""
    rows = [("a", 600.0), ("b", 300.0), ("c", 80.0), ("d", 20.0)]
    rows += [("a", 400.0), ("c", 100.0), ("e", 50.0)]
    dates = ["2025-03-01"] * 4 + ["2026-03-01"] * 3
    sales = pd.DataFrame(rows, columns=["client_id", "amount"]).assign(date=pd.to_datetime(dates))
    risk = customers.money_at_risk(make_audit({"sales": sales}, as_of="2026-06-30"))
    assert risk is not None
    assert (risk.lost, risk.lost_revenue, risk.shrinking, risk.shrinking_drop) == (2, 320, 1, 200)
    assert (risk.previous_revenue, risk.at_risk, risk.share) == (1000, 520, 0.52)
    by = risk.by_class.set_index("abc")
    assert by.loc["A"].tolist() == [1, 300, 1, 200] and by.loc["B"].tolist() == [0, 0, 0, 0]
    assert by.loc["C"].tolist() == [1, 20, 0, 0]
    assert risk.lost_a["client_id"].tolist() == ["b"] and risk.lost_a["revenue"].tolist() == [300]
    f = customers.text.finding_text(
        Finding(
            "c.lost_clients",
            {
                "n": 2,
                "a": 1,
                "a_revenue": 300.0,
                "revenue": 320.0,
                "previous": 1000.0,
                "share": 0.32,
            },
        ),
        "en",
    )
    assert f.startswith("2 clients that bought in the previous window bought nothing")
