"""The funnel step's analysis of one audit: every computation run once and kept in one result."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from salesaudit.core.names import WON
from salesaudit.inputs.audit import Audit
from salesaudit.inputs.basis import reconciliation, target_per_month
from salesaudit.inputs.facts import purchases_basis, revenue_records
from salesaudit.inputs.productivity import closer_capacity, closer_meeting_rates
from salesaudit.steps.funnel import forecast as fmod
from salesaudit.steps.funnel import levers as lmod
from salesaudit.steps.funnel import planfact, survival
from salesaudit.steps.funnel.backtest import Backtest, backtest
from salesaudit.steps.funnel.compute import (
    CohortSummary,
    CutSpread,
    FunnelCounts,
    MeetingRate,
    Weakest,
    active_sellers,
    audit_counts,
    audit_deals,
    benchmark_checks,
    best_conversions,
    cohort_summary,
    cohorts,
    counts,
    cut_metric,
    cut_spread,
    cuts,
    cycle_summary,
    hygiene,
    meeting_rate,
    meeting_to_contract_of,
    stage_table,
    stale_as_lost,
    stale_open,
    stale_threshold,
    thin_steps,
    weakest_stage,
    wilson,
)
from salesaudit.steps.funnel.coverage import PipelineCoverage, pipeline_coverage
from salesaudit.steps.funnel.forecast import ForecastModel, ForecastResult, GoalSummary
from salesaudit.steps.funnel.levers import ValuedLever
from salesaudit.steps.funnel.planfact import DailySummary, PlanFactSummary
from salesaudit.steps.funnel.survival import Slowest


@dataclass(frozen=True)
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
    meetings_pm: float | None = None  # CRM: deals reaching the meeting stage a month
    meeting_rate: MeetingRate | None = None  # meetings per closer a month: the one definition
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
    backtest: Backtest | None = None  # the forecast re-run at earlier origins
    pipeline_coverage: PipelineCoverage | None = None
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
    # what the text singles out, chosen once here
    weakest: Weakest | None = None
    thin_steps: tuple[tuple[str, str], ...] = ()  # conversions with too few deals to judge
    cut_metric: str = "win"  # the metric cuts are ranked by: "m2c" or "win"
    cut_spreads: dict[str, CutSpread] = field(default_factory=dict)
    cohort_summary: CohortSummary | None = None
    slowest: Slowest | None = None
    plan_summary: PlanFactSummary | None = None
    daily_summary: DailySummary | None = None
    levers: tuple[ValuedLever, ...] = ()  # drivers valued against a reachable reference, by money
    goal: GoalSummary | None = None


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
    deals = audit_deals(audit)
    history = audit.table("stage_history")
    parts: dict[str, Any] = {
        "target": target_per_month(audit),
        "cut_metric": cut_metric(stages),
    }
    if deals is None or deals.empty:
        parts.update(reason="no_deals", forecast_reason="no_deals")
        parts.update(time_reason="no_deals", plan_reason="no_deals")
    else:
        parts.update(_funnel(audit, deals, history))
        parts.update(_time_in_stage(audit, deals, history))
        parts.update(_forecast(audit, deals, history, parts, scenarios))
        parts.update(_plan_fact(audit, deals, parts))
        parts.update(_chosen(stages, parts))
    daily, board, daily_reason = planfact.daily_and_board(
        audit.table("sales"), audit.table("plan"), audit.as_of
    )
    return FunnelAnalysis(
        lang=audit.lang,
        currency=cfg.currency,
        stages=stages,
        as_of=audit.as_of,
        daily=daily,
        board=board,
        daily_reason=daily_reason,
        daily_summary=planfact.daily_summary(daily, board),
        **parts,
    )


def _funnel(audit: Audit, deals: pd.DataFrame, history: pd.DataFrame | None) -> dict[str, Any]:
    """Counts, conversions, cycle, benchmarks, cuts, cohorts and hygiene of the deals."""
    stages, seed = audit.stage_keys, audit.config.seed
    fc = audit_counts(audit) or counts(deals, stages, history)
    # cuts and cohorts judge deals as the counts do: a stale open deal is lost where it stands
    judged = stale_as_lost(
        deals, history, stages, stale_open(deals, audit.as_of, stale_threshold(deals))
    )
    table = stage_table(fc)
    closed = fc.won + fc.lost
    cycle = cycle_summary(deals)
    m2c = meeting_to_contract_of(fc, stages, seed=seed)
    rate = meeting_rate(audit)
    hyg, hyg_deals = hygiene(deals, stages, history, audit.as_of, cycle.get("p80"))
    return {
        "counts": fc,
        "table": table,
        "win_interval": wilson(fc.won, closed) if closed else None,
        "cycle": cycle,
        "m2c": m2c,
        "meetings_pm": rate.crm_meetings,
        "closers": rate.sellers,
        "meeting_rate": rate,
        "benchmarks": benchmark_checks(table, m2c, rate),
        "cuts": cuts(judged, stages, history, seed=seed),
        "cohorts": cohorts(judged, stages, history, reach_known=fc.identified),
        "cut_metric": cut_metric(stages) if fc.identified else "win",
        "hygiene": hyg,
        "hygiene_deals": hyg_deals,
        "monthly_revenue": _closed_revenue_by_month(deals),
    }


def _time_in_stage(
    audit: Audit, deals: pd.DataFrame, history: pd.DataFrame | None
) -> dict[str, Any]:
    """Kaplan–Meier time in stage (needs stage_history)."""
    if history is None:
        return {"time_reason": "no_history"}
    km, summary = survival.time_in_stage(history, deals, audit.stage_keys, audit.as_of)
    reason = "no_spells" if summary is None or summary.empty else None
    return {"km": km, "time_in_stage": summary, "time_reason": reason}


def _forecast(
    audit: Audit,
    deals: pd.DataFrame,
    history: pd.DataFrame | None,
    parts: dict[str, Any],
    scenarios: int | None,
) -> dict[str, Any]:
    """The forecast model, its Monte Carlo run, sensitivity and goal seek."""
    cfg = audit.config
    try:
        model = fmod.model_from_deals(
            deals,
            audit.stage_keys,
            history,
            audit.as_of,
            fc=parts["counts"],
            stale_days=parts["hygiene"]["stale"].get("threshold_days"),
        )
    except fmod.ForecastUnavailable as e:
        return {"forecast_reason": e.reason}
    horizon = cfg.funnel.horizon_months
    stale = parts["hygiene"]["stale"].get("threshold_days")
    return {
        "model": model,
        "backtest": backtest(deals, audit.stage_keys, history, audit.as_of, seed=cfg.seed),
        "pipeline_coverage": pipeline_coverage(
            deals,
            history,
            audit.stage_keys,
            model,
            audit.as_of,
            parts["target"],
            horizon,
            stale_days=stale,
            plan=audit.table("plan"),
        ),
        "forecast": fmod.simulate(
            model,
            horizon=horizon,
            scenarios=scenarios or cfg.funnel.scenarios,
            seed=cfg.seed,
            target_per_month=parts["target"],
        ),
        "sensitivity": fmod.sensitivity(model, horizon),
        "levers": lmod.rank(
            model,
            parts["table"],
            parts["counts"].won + parts["counts"].lost,
            lmod.same_role(
                parts["cuts"].get("manager"),
                audit.table("team"),
                active_sellers(deals, audit.as_of),
            ),
            parts["m2c"],
            deals,
            audit.as_of,
            closers=closer_meeting_rates(audit)[0],
            records=revenue_records(audit.tables),
            to_basis=_to_won_deals(audit),
        ),
        "goal_seek": fmod.goal_seek(
            model,
            parts["target"],
            closers=parts["closers"],
            meetings_per_closer=closer_capacity(audit),
            best=best_conversions(parts["cuts"].get("manager"), audit.stage_keys),
        ),
    }


def _to_won_deals(audit: Audit) -> float:
    """The factor from the clients' purchase records to won-deal revenue (the levers' basis)."""
    if purchases_basis(audit.tables) != "payments":
        return 1.0
    r = reconciliation(audit)
    return 1.0 / r.ratio if r is not None and r.ratio else 0.0


def _ratio(audit: Audit) -> float | None:
    """Payments ÷ won deals over the last 12 months (None without both)."""
    r = reconciliation(audit)
    return None if r is None else r.ratio


def _plan_fact(audit: Audit, deals: pd.DataFrame, parts: dict[str, Any]) -> dict[str, Any]:
    """Plan vs fact by month and by manager, and its summary."""
    pf, managers, reason = planfact.plan_vs_fact(
        audit.table("plan"), deals, audit.as_of, audit.table("sales")
    )
    co = parts["cohorts"]
    first = co["cohort"].min() if co is not None and len(co) else None
    return {
        "plan_fact": pf,
        "plan_fact_managers": managers,
        "plan_reason": reason,
        "plan_summary": planfact.plan_fact_summary(
            pf, first, parts["cycle"].get("p80"), _ratio(audit)
        ),
    }


def _weakest(table: pd.DataFrame | None, ranked: tuple[ValuedLever, ...]) -> Weakest | None:
    """The weakest stage with its lever from the one ranking (reference, source, money a year)."""
    w = weakest_stage(table)
    if w is None:
        return None
    hit = [v for v in ranked if v.driver == f"conversion.{w.stage}"]
    if not hit:
        return w
    v = hit[0]
    return replace(w, gain=v.revenue_delta_year, reference=v.reference, source=v.reference_source)


def _chosen(stages: list[str], parts: dict[str, Any]) -> dict[str, Any]:
    """What the text singles out: the weakest stage, the cut spreads, the slowest stage, ..."""
    metric = parts["cut_metric"]
    return {
        "weakest": _weakest(parts["table"], parts.get("levers", ())),
        "thin_steps": thin_steps(parts["table"]),
        "cut_spreads": {c: cut_spread(df, metric) for c, df in parts["cuts"].items()},
        "cohort_summary": cohort_summary(parts["cohorts"], stages),
        "slowest": survival.slowest_stage(parts.get("time_in_stage")),
        "goal": fmod.goal_summary(parts.get("goal_seek")),
    }
