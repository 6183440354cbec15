"""The funnel step's analysis of one audit: every computation run once and kept in one result."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from salesaudit.core.names import WON
from salesaudit.inputs.audit import Audit
from salesaudit.steps.funnel import forecast as fmod
from salesaudit.steps.funnel import planfact, survival
from salesaudit.steps.funnel.compute import (
    FunnelCounts,
    active_closers,
    audit_deals,
    benchmark_checks,
    best_conversions,
    cohorts,
    counts,
    cuts,
    cycle_summary,
    hygiene,
    meeting_load,
    meeting_to_contract,
    stage_table,
    wilson,
)
from salesaudit.steps.funnel.forecast import ForecastModel, ForecastResult


@dataclass
class FunnelAnalysis:
    """Everything the funnel step computes for one audit (built once by :func:`analyse`)."""

    lang: str
    currency: str
    stages: list[str]
    as_of: pd.Timestamp
    reason: str | None = None  # why there is no funnel (no deals table)
    counts: FunnelCounts | None = None
    table: pd.DataFrame | None = None
    win_interval: tuple[float, float] | None = None
    cycle: dict[str, float | None] = field(default_factory=dict)
    m2c: dict[str, Any] | None = None
    benchmarks: list[dict[str, Any]] = field(default_factory=list)
    closers: int | None = None
    meetings_pm: float | None = None
    cuts: dict[str, pd.DataFrame] = field(default_factory=dict)
    cohorts: pd.DataFrame | None = None
    hygiene: dict[str, Any] = field(default_factory=dict)
    hygiene_deals: pd.DataFrame | None = None
    time_in_stage: pd.DataFrame | None = None  # summary per stage
    km: pd.DataFrame | None = None  # survival curves, long format
    time_reason: str | None = None
    model: ForecastModel | None = None
    forecast: ForecastResult | None = None
    forecast_reason: str | None = None
    target: float | None = None
    sensitivity: pd.DataFrame | None = None
    goal_seek: pd.DataFrame | None = None
    plan_fact: pd.DataFrame | None = None
    plan_fact_managers: pd.DataFrame | None = None
    plan_reason: str | None = None
    daily: pd.DataFrame | None = None
    board: pd.DataFrame | None = None
    daily_reason: str | None = None
    monthly_revenue: pd.DataFrame | None = None


def _closed_revenue_by_month(deals: pd.DataFrame) -> pd.DataFrame:
    """Revenue and count of won deals by closed month."""
    if "closed_at" not in deals or "amount" not in deals:
        return pd.DataFrame(columns=["month", "won", "revenue"])
    w = deals[(deals["stage"] == WON) & deals["closed_at"].notna()]
    m = w["closed_at"].dt.to_period("M").dt.to_timestamp()
    g = w.groupby(m).agg(won=("deal_id", "size"), revenue=("amount", "sum"))
    g.index.name = "month"
    return g.reset_index()


def analyse(audit: Audit, scenarios: int | None = None) -> FunnelAnalysis:
    """Run the whole funnel step once for an audit (memoised on it; `scenarios` overrides the
    client file's forecast size and bypasses the memo)."""
    if scenarios is None:
        return audit.memo(("funnel.analyse",), lambda: _analyse(audit, None))
    return _analyse(audit, scenarios)


def _analyse(audit: Audit, scenarios: int | None) -> FunnelAnalysis:
    """The funnel step's computations (see :func:`analyse`)."""
    cfg = audit.config
    stages = audit.stage_keys
    fa = FunnelAnalysis(lang=audit.lang, currency=cfg.currency, stages=stages, as_of=audit.as_of)
    fa.target = cfg.targets.revenue_per_month
    deals = audit_deals(audit)
    history = audit.table("stage_history")
    if deals is None or deals.empty:
        fa.reason = "no_deals"
        fa.forecast_reason = fa.time_reason = fa.plan_reason = "no_deals"
    else:
        fc = counts(deals, stages, history)
        fa.counts = fc
        fa.table = stage_table(fc)
        closed = fc.won + fc.lost
        fa.win_interval = wilson(fc.won, closed) if closed else None
        fa.cycle = cycle_summary(deals)
        fa.m2c = meeting_to_contract(fa.table, seed=cfg.seed)
        fa.meetings_pm, holders = meeting_load(deals, stages, history, audit.as_of)
        fa.closers = holders or active_closers(audit, deals)[0]
        fa.benchmarks = benchmark_checks(fa.table, fa.m2c, fa.meetings_pm, fa.closers)
        fa.cuts = cuts(deals, stages, history, seed=cfg.seed)
        fa.cohorts = cohorts(deals, stages, history)
        fa.hygiene, fa.hygiene_deals = hygiene(
            deals, stages, history, audit.as_of, fa.cycle.get("p80")
        )
        fa.monthly_revenue = _closed_revenue_by_month(deals)
        if history is not None:
            fa.km, fa.time_in_stage = survival.time_in_stage(history, deals, stages, audit.as_of)
            if fa.time_in_stage is None or fa.time_in_stage.empty:
                fa.time_reason = "no_spells"
        else:
            fa.time_reason = "no_history"
        try:
            fa.model = fmod.model_from_deals(
                deals,
                stages,
                history,
                audit.as_of,
                fc=fc,
                stale_days=fa.hygiene["stale"].get("threshold_days"),
            )
        except fmod.ForecastUnavailable as e:
            fa.forecast_reason = e.reason
        if fa.model is not None:
            horizon = cfg.funnel.horizon_months
            fa.forecast = fmod.simulate(
                fa.model,
                horizon=horizon,
                scenarios=scenarios or cfg.funnel.scenarios,
                seed=cfg.seed,
                target_per_month=fa.target,
            )
            fa.sensitivity = fmod.sensitivity(fa.model, horizon)
            fa.goal_seek = fmod.goal_seek(
                fa.model,
                fa.target,
                closers=fa.closers,
                meetings_per_closer=cfg.capacity.closer_meetings_per_month,
                best=best_conversions(fa.cuts.get("manager"), stages),
            )
        fa.plan_fact, fa.plan_fact_managers, fa.plan_reason = planfact.plan_vs_fact(
            audit.table("plan"), deals, audit.as_of, audit.table("sales")
        )
    fa.daily, fa.board, fa.daily_reason = planfact.daily_and_board(
        audit.table("sales"), audit.table("plan"), audit.as_of
    )
    return fa


# --------------------------------------------------------------------------------------
# findings.json["funnel"] and tables.xlsx


def tables(audit: Audit) -> dict[str, pd.DataFrame]:
    """The funnel's key tables for tables.xlsx (sheet names of at most 31 characters)."""
    fa = analyse(audit)
    out: dict[str, pd.DataFrame] = {}
    if fa.table is not None:
        out["Funnel"] = fa.table
    if fa.benchmarks:
        out["Funnel benchmarks"] = pd.DataFrame(fa.benchmarks)
    for c, df in fa.cuts.items():
        out[f"Funnel by {c}"[:31]] = df
    if fa.cohorts is not None and not fa.cohorts.empty:
        out["Funnel cohorts"] = fa.cohorts
    if fa.time_in_stage is not None and not fa.time_in_stage.empty:
        out["Time in stage"] = fa.time_in_stage
    if fa.hygiene_deals is not None and not fa.hygiene_deals.empty:
        out["Funnel hygiene"] = fa.hygiene_deals
    if fa.forecast is not None:
        out["Forecast"] = fa.forecast.monthly_frame()
    if fa.sensitivity is not None:
        out["Sensitivity"] = fa.sensitivity
    if fa.goal_seek is not None:
        out["Goal seek"] = fa.goal_seek
    if fa.plan_fact is not None:
        out["Plan vs fact"] = fa.plan_fact
    if fa.plan_fact_managers is not None and not fa.plan_fact_managers.empty:
        out["Plan vs fact by manager"] = fa.plan_fact_managers
    if fa.daily is not None:
        out["Payments today"] = fa.daily
    if fa.board is not None:
        out["Board"] = fa.board
    return {k[:31]: v for k, v in out.items()}
