"""The demo's findings.json after the layered refactor equals the one the old code wrote
(tests/data/demo_findings_v0.1.json), except for the figures whose two definitions became one."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("compare", ROOT / "benchmarks/compare_findings.py")
assert spec is not None and spec.loader is not None
compare = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compare)

# path -> why it may differ (the closing note of the refactor lists the old and new values)
MERGED = {
    r"funnel\.benchmarks\[2\]\.(value|basis)": "meetings per closer: one definition (activity log first)",
    r"summary\.recommendations\[\d+\](\.text|\.impact|\.impact_reason)?": "ranked by money (issue 9)",
    r"summary\.(first_page|top_lever)": "new keys: the one-page summary, the lever worth the most",
    # issue 9 (diag): two more levers in the one ranking — meetings per closer (median of the
    # ramped closers → their best quartile, 32 → 39 a month, +16.9 M) and client retention
    # (revenue kept half-year to half-year → the best recent quarter, +1.4 M); the forecast,
    # its backtest and the sensitivity are unchanged on the demo (no stale open deals)
    r"funnel\.levers": "new key: levers valued against a reachable reference",
    r"revenue_basis": "the report's one revenue basis is now the target's (won deals), issue 9",
    r"reconciliation(\..+)?": "new key: won deals vs payments, target and plan (issue 9)",
    # issue 9, one meetings figure: closers' load in the activity log's meetings (2.8 per CRM
    # meeting, 5.3% of them end in a contract), so sizing needs 6 closers, not 3
    r"sizing\.(inputs\.logged_to_contract|workload\.closer_meetings)": "new keys: log-based load",
    r"sizing\.(required\.closer|hiring_plan\[\d+\]\.hires|monthly_cost)": "closers sized on the log",
    r"control\.activity\.\w+": "new keys: meetings by role, log vs CRM, log meeting → contract",
    # issue 9, money at risk: lost and shrinking clients by class, lost A clients by name
    r"abcxyz\.money_at_risk": "new key: money at risk",
    # wording only: English counts agree with their nouns ("2 heads", not "2 head(s)")
    r"data_quality\.\w+\.warnings\[\d+\]": "plural forms",
    r"summary\.headline\[\d+\]": "plural forms",
    # new keys (honest on real exports): identifiability of each conversion, how as_of was chosen
    r"funnel\.stages\[\d+\]\.(identified|ambiguity)": "new key: conversion identifiable",
    r"funnel\.(stages_identified|stages_reason|meeting_to_contract_reason)": "new keys",
    r"as_of_source": "new key: how the audit date was chosen",
    r"abcxyz\.too_few_clients": "new key: too few paying clients to read the classes",
    # answered vs defaulted (issue 8): new keys saying what is assessed; the demo answers all
    r"model\.mistakes_not_assessed": "new key: typical mistakes the answers leave open",
    r"technologies\.(assessed|applicable|not_assessed)": "new keys: rated technologies",
    r"structure\.(facts|derived|not_assessed|deciding_open)": "new keys: structure facts",
    r"control\.(crm_assessed|not_assessed)": "new keys: answered control items",
    r"summary\.open_questions": "new key: the open questions for the next workshop",
    # issue 9: the forecast models trends and the open deals' own win chances, backtests itself
    r"funnel\.forecast\.(p10|p50|p90|p_target|mean|expected)": "forecast with trends",
    r"funnel\.forecast\.monthly\[\d+\]\.(p10|p50|p90|mean)": "forecast with trends",
    r"funnel\.forecast\.method\.(inflow_trend|size_trend|seasonal|open_win)": "new keys",
    r"funnel\.forecast\.backtest(_coverage|_mae|_mae_run_rate)?": "new keys: the backtest",
    r"funnel\.sensitivity\[\d+\]\.(revenue_delta|revenue_delta_down)": "forecast with trends",
    r"funnel\.pipeline_coverage": "new key: open pipeline against the target",
    # coherent advice (issue 9, point 8)
    r"model\.pillars\.\w+": "pillars scored from evidence of practice, not from which files exist",
    r"model\.pillar_checks": "new key: the evidence items each pillar is scored from",
    r"technologies\.roadmap": "new key: the roadmap ordered by build step and mistakes found",
    r"structure\.(gaps|heads_needed)": "new keys: the team's gaps; heads the structure needs",
    # issue 10, sizing per role: each role sized on the client's own productivity (median of
    # ramped sellers: closers 32.25 meetings, hunters 1 518 calls, farmers 106 accounts) instead
    # of the norms (40, 2 016, 60), so closers 6 → 8 and farmers 6 → 4; hunters sized on the
    # outbound meetings only (67% of deals inbound): calls 575 → 191, contacts 144 → 48
    r"sizing\.inputs\.(closer|hunter|farmer)_capacity": "observed productivity per role",
    r"sizing\.inputs\.inbound_share": "new key: the sales model's inbound share",
    r"sizing\.workload\.(contacts|calls)": "hunters sized on the outbound meetings only",
    r"sizing\.workload\.(inbound|outbound)_meetings": "new keys: meetings by direction",
    r"sizing\.required\.(hunter|closer|farmer)": "sized on the observed productivity",
    # one heads figure (span and regional matrix together) read by sizing and structure: 2 → 3
    r"(sizing|structure)\.heads": "one heads figure",
    # the plan per role {month, role, hires, headcount, productive_fte}: 12 months × 4 roles
    r"sizing\.hiring_plan(\[\d+\](\.\w+)?)?": "hiring plan per role",
    r"sizing\.monthly_cost": "the needed team at observed productivity and 3 heads",
    r"sizing\.(required_norm|fte|capacity|start|redeploy|monthly|ready_month|cost_per_month)": (
        "new keys: the norm case, capacities, moves, months, cost now vs needed"
    ),
    # issue 10 follow-up: the 2 hunters beyond the need rotate into closers before any closer is
    # hired (Sergey Lebedev, Alexey Novikov: most meetings set); the plan keeps each role's
    # productive FTE at its need (leavers replaced ahead), so the target is carried in every month
    # from 2026-10 (was 2026-11, and 8.6 M of 9.2 M by 2027-09); the goal seek and the funnel
    # simulator now read the one closer capacity (32.25 observed, was the norm's 40): no demo
    # figure changes with it (the capacity check binds on no driver)
    r"sizing\.rotations": "new key: sellers rotated up a role before hiring",
    # universal sellers redeployed by their track record (new-client revenue only: closers)
    r"structure\.gaps\[\d+\]\.to_roles(\.\w+)?": "universals moved by track record",
    # issue 10, pay: a new section; the team's cost priced at today's pay (median team.fixed_pay
    # by role) instead of the methodology's roubles; the pay principles left open are asked
    r"compensation(\..+)?": "new key: pay per role, principles, the team's pay vs today's",
    # issue 9, one conversion definition (stage table, levers, forecast, backtest, sizing):
    # Aalen–Johansen per stage, deals still open there censored at as_of, stale deals lost
    # (none on the demo): each conversion a hair higher (target_list 0.6371 → 0.6382, offer
    # 0.3858 → 0.3864, offer_defense 0.6528 → 0.6533), meeting → contract 0.1341 → 0.1345,
    # goal seek +11.86 % → +11.31 %, sizing's meetings 91.6 → 91.4; the tornado's top two
    # bars (deal size, offer defence) swap places, the deal size now carrying its slope's
    # posterior mean instead of a flat one
    r"funnel\.stages\[\d+\]\.(conversion_to_next|interval\[[01]\])": "one conversion",
    r"funnel\.(meeting_to_contract|benchmarks\[[01]\])\.(value|lo|hi)": "one conversion",
    r"funnel\.forecast\.method\.conversions\[\d+\]": "one conversion",
    r"funnel\.sensitivity\[\d+\]\.driver": "the top two bars swap (slope posteriors)",
    r"funnel\.goal_seek\[\d+\]\.(current|needed|change|implied_\w+)": "one conversion",
    r"sizing\.inputs\.(contact|meeting)_to_(meeting|contract)": "one conversion",
    r"sizing\.workload\.meetings": "one conversion",
}


def test_only_the_merged_figures_changed(demo_run: Path) -> None:
    old = json.loads((ROOT / "tests/data/demo_findings_v0.1.json").read_text("utf-8"))
    new = json.loads((demo_run / "findings.json").read_text("utf-8"))
    changed = [p for p, _, _ in compare.differences(old, new)]
    unexplained = [p for p in changed if not any(re.fullmatch(rx, p) for rx in MERGED)]
    assert unexplained == []
    assert changed, "the merged figures did change"
    # issue 9: the team headline counts the closers on the log; the customers headline names the
    # clients lost instead of the A clients' share (80% by the definition of class A)
    # issue 10: the team headline per role, today's people in brackets
    issue9 = ("needs, by role", "bought nothing in the current one")
    for path, before, after in compare.differences(old, new):
        if (
            path.startswith(("data_quality", "summary.headline"))
            and "months:" not in before
            and not any(x in after for x in issue9)
        ):
            assert "(s)" in before and "(s)" not in after  # only the plural wording changed
    bench = {b["key"]: b for b in new["funnel"]["benchmarks"]}["meetings_per_closer"]
    assert abs(bench["value"] - new["control"]["activity"]["meetings_per_closer_month"]) < 0.01
    assert new["revenue_basis"] == "won_deals"  # the target's basis
    impacts = [r["impact"] for r in new["summary"]["recommendations"] if r["impact"] is not None]
    assert impacts == sorted(impacts, reverse=True)  # the measured levers come by money


def test_the_comparison_finds_a_planted_change() -> None:
    old = {"a": [1, {"b": 2}], "c": 3}
    new = {"a": [1, {"b": 5}], "d": 4}
    got = {p: (o, n) for p, o, n in compare.differences(old, new)}
    assert got == {"a[1].b": (2, 5), "c": (3, compare.MISSING), "d": (compare.MISSING, 4)}
