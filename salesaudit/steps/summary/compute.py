"""Step 99 numbers: the headline facts and the ranked levers, read from the other steps' results.

Nothing is recomputed here: every figure comes from a step's own (memoised) result. No
sentences: `text.py` renders the findings and levers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from salesaudit.core.results import Finding
from salesaudit.inputs.audit import Audit
from salesaudit.steps import customers, sizing, structure, technologies
from salesaudit.steps import sales_model as model
from salesaudit.steps.funnel.analysis import analyse
from salesaudit.steps.funnel.compute import Weakest
from salesaudit.steps.funnel.findings import findings as funnel_findings

# The levers in the order the summary recommends them: the funnel's first lever (its biggest
# measured gain), the weakest stage, then the organisational ones.
LEVER_ORDER = ("push", "stage", "head", "hire", "tech", "batch", "review")
ROADMAP_SHOWN = 3  # technologies named in the recommendation


@dataclass(frozen=True)
class Lever:
    """One recommendation: its kind (see LEVER_ORDER), raw values and annual revenue impact."""

    kind: str
    params: dict[str, Any] = field(default_factory=dict, hash=False)
    impact: float | None = None


@dataclass(frozen=True)
class Summary:
    """The headline findings and the ranked levers."""

    headline: tuple[Finding, ...]
    levers: tuple[Lever, ...]


def _weakest(audit: Audit) -> Weakest | None:
    """The weakest step of the audit's funnel (None without deals)."""
    if audit.table("deals") is None:
        return None
    return analyse(audit).weakest


def stage_impact(audit: Audit, stage: str) -> float | None:
    """Revenue over the forecast horizon (a year by default) from +10% on one stage's conversion."""
    sens = analyse(audit).sensitivity
    if sens is None:
        return None
    row = sens[sens["driver"] == f"conversion.{stage}"]
    return round(float(row["revenue_delta"].iloc[0]), 2) if len(row) else None


def _forecast(audit: Audit) -> Finding | None:
    """The forecast against the target, when both exist."""
    if audit.table("deals") is None:
        return None
    fc = (funnel_findings(audit) or {}).get("forecast")
    target = audit.config.targets.revenue_per_month
    if not fc or fc.get("p_target") is None or not target:
        return None
    h = fc["horizon_months"]
    params = {k: fc[k] for k in ("p50", "p10", "p90", "p_target")}
    return Finding("sum.forecast", {"h": h, **params, "target": target * h})


def _team(audit: Audit) -> Finding | None:
    """The sellers and heads the target needs, and today's sellers when the team is known."""
    p = sizing.plan(audit)
    if p is None:
        return None
    if p.has_team:
        return Finding("sum.team", {"need": p.sellers, "heads": p.heads, "now": p.now})
    return Finding("sum.team_unknown", {"need": p.sellers, "heads": p.heads})


def headline_findings(audit: Audit) -> tuple[Finding, ...]:
    """The headline findings, in the order the summary tells them."""
    m = model.decide(audit)
    out: list[Finding | None] = [Finding("sum.model", {"mode": m.mode, "type": m.sales_type})]
    weak = _weakest(audit)
    if weak:
        c = analyse(audit).counts
        assert c is not None  # a weakest stage implies counted deals
        params = {"stage": weak.stage, "next": weak.next_stage, "conversion": weak.conversion}
        out.append(Finding("sum.funnel", {"win_rate": c.win_rate, **params}))
    elif audit.table("deals") is not None:
        c = analyse(audit).counts
        if c is not None and not c.identified and c.win_rate is not None:
            out.append(Finding("sum.funnel_unknown", {"win_rate": c.win_rate}, "warning"))
    out += [_forecast(audit), _team(audit)]
    main, second = structure.recommend(audit)
    out.append(Finding("sum.structure", {"main": main, "second": second}))
    violations = len(model.order_violations(model.algorithm(audit)))
    out.append(Finding("sum.algorithm", {"v": violations, "m": len(model.mistakes(audit))}))
    ov = customers.overview(audit)
    if ov is not None and ov.enough:
        out.append(Finding("sum.abc", {"n": ov.a_clients, "share": ov.a_revenue_share}))
    return tuple(f for f in out if f is not None)


def _funnel_levers(audit: Audit) -> list[Lever]:
    """The funnel's first lever and its weakest stage, as the funnel step computed them."""
    if audit.table("deals") is None:
        return []
    fa = analyse(audit)
    h = fa.forecast.horizon if fa.forecast is not None else None
    out: list[Lever] = []
    first, weak = fa.first_lever, fa.weakest
    if first is not None and first.gain and h:
        if weak is None or first.driver != f"conversion.{weak.stage}":
            out.append(Lever("push", {"driver": first.driver, "h": h}, round(first.gain, 2)))
    if weak is not None:
        gain = round(weak.gain, 2) if weak.gain is not None else None
        out.append(Lever("stage", {"a": weak.stage, "b": weak.next_stage, "h": h}, gain))
    return out


def levers(audit: Audit) -> tuple[Lever, ...]:
    """The recommendations ranked by LEVER_ORDER, each with its annual revenue impact if known."""
    out: list[Lever] = []
    out += _funnel_levers(audit)
    for v in structure.violations(audit):
        if v["kind"] == "over_span":
            out.append(Lever("head", {"head": v["head"], "n": v["sellers"], "span": v["span"]}))
    p = sizing.plan(audit)
    gap = p.sellers - p.now if p is not None and p.has_team else 0
    if gap > 0:
        out.append(Lever("hire", {"n": gap, "b": audit.config.capacity.hiring_batch}))
    road = technologies.roadmap(technologies.status_table(audit)).head(ROADMAP_SHOWN)
    if len(road):
        out.append(Lever("tech", {"keys": tuple(road["key"])}))
    mistakes = model.mistakes(audit)
    if 2 in mistakes:
        out.append(Lever("batch"))
    if 6 in mistakes:
        out.append(Lever("review"))
    return tuple(sorted(out, key=lambda lv: LEVER_ORDER.index(lv.kind)))


def summary(audit: Audit) -> Summary:
    """The summary of one audit, built once per run from the other steps' results."""
    return audit.memo(("summary",), lambda: Summary(headline_findings(audit), levers(audit)))
