"""The funnel section of findings.json, from the analysis (reasons in English, as findings.json speaks)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from salesaudit.core.numbers import plain
from salesaudit.inputs.audit import Audit
from salesaudit.steps.funnel.analysis import FunnelAnalysis, analyse
from salesaudit.steps.funnel.forecast import GOAL_COLUMNS
from salesaudit.steps.funnel.text import reason_text


def _records(
    df: pd.DataFrame | None, cols: dict[str, str], digits: int | None = None
) -> list[dict[str, Any]]:
    """Rows of df as JSON-safe dicts with renamed keys."""
    if df is None or df.empty:
        return []
    out = []
    for _, r in df.iterrows():
        out.append(
            {
                new: plain(r[old], digits) if not isinstance(r[old], str) else r[old]
                for old, new in cols.items()
                if old in r
            }
        )
    return out


def _reason(code: str | None) -> str | None:
    """The English sentence for a reason code (findings.json speaks English)."""
    return reason_text(code, "en") or None


def findings(audit: Audit) -> dict[str, Any] | None:
    """The ``funnel`` section of findings.json (docs/methodology.md §6.8), plus intervals and diagnostics.

    None when there are no deals. A part the data cannot support is None with a
    ``<part>_reason`` sentence beside it (forecast, sensitivity, goal_seek, time_in_stage,
    plan_fact; ``forecast.p_target_reason``). All values are native Python types.
    """
    fa = analyse(audit)
    if fa.reason:
        return None
    out: dict[str, Any] = {"stages": _stages(fa)}
    out.update(_outcomes(fa))
    out.update(_forecast_findings(fa))
    out["cuts"] = _cuts(fa)
    out["hygiene"] = {
        k: {kk: plain(vv, 4) if not isinstance(vv, (str, list)) else vv for kk, vv in v.items()}
        for k, v in fa.hygiene.items()
    }
    out.update(_time_in_stage(fa))
    out.update(_plan_fact(fa))
    return out


def _stages(fa: FunnelAnalysis) -> list[dict[str, Any]]:
    """Per stage: reached, conversion to next with its interval, open, n, too few."""
    assert fa.table is not None
    stages = []
    assert fa.counts is not None
    for i, r in fa.table.iterrows():
        last = r["key"] == fa.stages[-1]
        stages.append(
            {
                "key": r["key"],
                "reached": int(r["reached"]),
                "conversion_to_next": None if last else plain(r["conversion_to_next"], 4),
                "open": int(r["open_here"]),
                "interval": None
                if last or pd.isna(r["lo"])
                else [plain(r["lo"], 4), plain(r["hi"], 4)],
                "n": int(r["n"]),
                "too_few": bool(r["too_few"]),
                "identified": bool(r["identified"]),
                "ambiguity": None if last else plain(fa.counts.stages["ambiguity"].iloc[i], 4),
            }
        )
    return stages


def _outcomes(fa: FunnelAnalysis) -> dict[str, Any]:
    """Won, lost, open, win rate, cycle, meeting → contract, benchmarks and meeting load."""
    fc = fa.counts
    assert fc is not None
    return {
        "won": fc.won,
        "lost": fc.lost,
        "open": fc.open,
        "win_rate": plain(fc.win_rate, 4),
        "win_rate_interval": None
        if fa.win_interval is None
        else [plain(fa.win_interval[0], 4), plain(fa.win_interval[1], 4)],
        "lost_without_stage": fc.lost_without_stage,
        "stages_identified": fc.identified,
        "stages_reason": None if fc.identified else "lost_without_stage",
        "cycle_days": {
            "median": plain(fa.cycle.get("median"), 1),
            "p80": plain(fa.cycle.get("p80"), 1),
        },
        "meeting_to_contract": None
        if fa.m2c is None
        else {k: plain(v, 4) for k, v in fa.m2c.items()},
        "meeting_to_contract_reason": None
        if fa.m2c is None or fa.m2c.get("value") is not None or fc.identified
        else "lost_without_stage",
        "benchmarks": [
            {k: (plain(v, 4) if not isinstance(v, str) else v) for k, v in b.items()}
            for b in fa.benchmarks
        ],
        "meetings_per_month": plain(fa.meetings_pm, 1),
        "sellers_holding_meetings": fa.closers,
    }


CUT_COLUMNS = {
    "value": "value",
    "deals": "deals",
    "won": "won",
    "lost": "lost",
    "open": "open",
    "win_rate": "win_rate",
    "win_lo": "lo",
    "win_hi": "hi",
    "win_too_few": "too_few",
    "m2c": "meeting_to_contract",
    "m2c_too_few": "meeting_to_contract_too_few",
}


def _cuts(fa: FunnelAnalysis) -> dict[str, list[dict[str, Any]]]:
    """Per cut, its values' outcomes, win rate and meeting → contract."""
    return {c: _records(df, CUT_COLUMNS, 4) for c, df in fa.cuts.items()}


def _time_in_stage(fa: FunnelAnalysis) -> dict[str, Any]:
    """Time in stage per stage, or None with its reason."""
    if fa.time_in_stage is None or fa.time_in_stage.empty:
        return {"time_in_stage": None, "time_in_stage_reason": _reason(fa.time_reason)}
    cols = ("stage", "spells", "censored", "median_days", "p80_days")
    return {"time_in_stage": _records(fa.time_in_stage, {c: c for c in cols}, 1)}


def _plan_fact(fa: FunnelAnalysis) -> dict[str, Any]:
    """Plan vs fact totals, effects and new deals, or None with its reason."""
    pf = fa.plan_fact
    if pf is None:
        return {"plan_fact": None, "plan_fact_reason": _reason(fa.plan_reason)}
    return {
        "plan_fact": {
            "months": len(pf),
            "plan": plain(pf["plan"].sum(), 2),
            "fact": plain(pf["fact"].sum(), 2),
            "gap": plain(pf["gap"].sum(), 2),
            "effects": {
                k: plain(pf[k].sum(), 2) for k in ("volume", "conversion", "deal_size", "other")
            },
            "new_deals_per_month": plain(pf["new"].mean(), 1),
            "new_deals_needed_per_month": plain(pf["plan_new"].mean(), 1),
        }
    }


def _forecast_findings(fa: FunnelAnalysis) -> dict[str, Any]:
    """The forecast, sensitivity and goal-seek parts of the findings."""
    if fa.forecast is None:
        why = _reason(fa.forecast_reason)
        return {
            "forecast": None,
            "forecast_reason": why,
            "pipeline_coverage": None,
            "pipeline_coverage_reason": why,
            "sensitivity": None,
            "sensitivity_reason": why,
            "levers": None,
            "levers_reason": why,
            "goal_seek": None,
            "goal_seek_reason": why,
        }
    r = fa.forecast
    fc: dict[str, Any] = {
        "horizon_months": r.horizon,
        "p10": plain(r.total_q[0], 0),
        "p50": plain(r.total_q[1], 0),
        "p90": plain(r.total_q[2], 0),
        "p_target": plain(r.p_target, 4),
        "mean": plain(r.total_mean, 0),
        "expected": plain(r.expected.sum(), 0),
        "target_total": plain(r.target_total, 0),
        "monthly": [
            {
                "month": m.strftime("%Y-%m"),
                "p10": plain(q[0], 0),
                "p50": plain(q[1], 0),
                "p90": plain(q[2], 0),
                "mean": plain(mu, 0),
            }
            for m, q, mu in zip(r.months, r.monthly_q.T, r.monthly_mean, strict=True)
        ],
        "scenarios": r.scenarios,
        "seed": r.seed,
        "method": r.method,
    }
    if r.p_target is None:
        fc["p_target_reason"] = _reason("no_target")
    fc.update(_backtest(fa))
    sens = _records(
        fa.sensitivity,
        {
            "driver": "driver",
            "revenue_delta": "revenue_delta",
            "revenue_delta_down": "revenue_delta_down",
        },
        0,
    )
    out: dict[str, Any] = {"forecast": fc, "sensitivity": sens, "levers": _levers(fa)}
    out.update(_pipeline_coverage(fa))
    if fa.goal_seek is None:
        out["goal_seek"] = None
        out["goal_seek_reason"] = _reason("no_target")
        return out
    out["goal_seek"] = _goal_seek(fa.goal_seek)
    return out


def _levers(fa: FunnelAnalysis) -> list[dict[str, Any]]:
    """The levers valued against a reachable reference, largest money a year first."""
    return [
        {
            "driver": v.driver,
            "now": plain(v.now, 4),
            "reference": plain(v.reference, 4),
            "reference_source": v.reference_source,
            "revenue_delta_year": plain(v.revenue_delta_year, 0),
            "low": plain(v.low, 0),
            "high": plain(v.high, 0),
            "n": v.n,
            "sellers": list(v.who),
            "behind": list(v.behind),
        }
        for v in fa.levers
    ]


def _backtest(fa: FunnelAnalysis) -> dict[str, Any]:
    """The forecast's backtests: each origin's P10/P50/P90 and what came, coverage, errors."""
    b = fa.backtest
    if b is None:
        return {}
    rows = [
        {
            "as_of": r.as_of.strftime("%Y-%m-%d"),
            "horizon_months": r.horizon_months,
            "p10": plain(r.p10, 0),
            "p50": plain(r.p50, 0),
            "p90": plain(r.p90, 0),
            "actual": plain(r.actual, 0),
            "run_rate": plain(r.run_rate, 0),
        }
        for r in b.rows
    ]
    return {
        "backtest": rows,
        "backtest_coverage": plain(b.coverage, 4),
        "backtest_mae": plain(b.mae, 0),
        "backtest_mae_run_rate": plain(b.mae_run_rate, 0),
    }


def _pipeline_coverage(fa: FunnelAnalysis) -> dict[str, Any]:
    """The open pipeline against the target (null with a reason without a forecast model)."""
    pc = fa.pipeline_coverage
    if pc is None:
        return {"pipeline_coverage": None, "pipeline_coverage_reason": _reason(fa.forecast_reason)}
    managers = _records(
        pc.managers,
        {
            c: c
            for c in (
                "manager",
                "open_deals",
                "pipeline",
                "weighted",
                "target_quarter",
                "ratio",
                "weighted_ratio",
            )
        },
        4,
    )
    out = {
        "open_deals": pc.open_deals,
        "without_amount": pc.without_amount,
        "pipeline": plain(pc.pipeline, 0),
        "weighted": plain(pc.weighted, 0),
        "target_quarter": plain(pc.target_quarter, 0),
        "target_horizon": plain(pc.target_horizon, 0),
        "horizon_months": pc.horizon,
        "ratio_quarter": plain(pc.ratio(False, False), 4),
        "weighted_ratio_quarter": plain(pc.ratio(True, False), 4),
        "ratio_horizon": plain(pc.ratio(False, True), 4),
        "weighted_ratio_horizon": plain(pc.ratio(True, True), 4),
        "managers": managers,
    }
    return {"pipeline_coverage": out}


def _goal_seek(goal_seek: pd.DataFrame) -> list[dict[str, Any]]:
    """Goal-seek rows, JSON-safe (realistic a bool or None, reason a string or None)."""
    goal = _records(goal_seek, {c: c for c in GOAL_COLUMNS}, 4)
    for g in goal:
        g["realistic"] = None if g.get("realistic") is None else bool(g["realistic"])
        if not isinstance(g.get("reason"), str):
            g["reason"] = None
    return goal
