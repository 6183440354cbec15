"""Step 99 numbers: the headline facts and the ranked levers, read from the other steps' results.

Nothing is recomputed here: every figure comes from a step's own (memoised) result. No
sentences: `text.py` renders the findings and levers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from salesaudit.core.results import Finding
from salesaudit.inputs import answers
from salesaudit.inputs.audit import Audit
from salesaudit.inputs.basis import target_per_month
from salesaudit.steps import control, customers, sizing, structure, technologies
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
class Question:
    """One not-assessed questionnaire item, asked at the next workshop.

    `code` is the catalogue key of the question (`q.*`); `params` hold raw keys (a step number,
    a technology or CRM-check key) that the text renders in the report language.
    """

    section: str  # the report section: 01_sales_model, 02_technologies, 03_structure, 07_control
    item: str  # the item's path in client.yaml, e.g. "structure.region_specifics"
    code: str
    params: dict[str, Any] = field(default_factory=dict, hash=False)


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
    target = target_per_month(audit)
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


def _model_questions(audit: Audit) -> list[Question]:
    """The sales-model items not assessed: mode (without data), partners, steps, answers, pillars."""
    cfg, sec = audit.config, "01_sales_model"
    out = []
    if model.decide(audit).mode is None:
        out.append(Question(sec, "model.mode", "q.model.mode"))
    if cfg.model.partners is None:
        out.append(Question(sec, "model.partners", "q.model.partners"))
    for step, a in answers.algorithm(cfg).items():
        if not a.assessed:
            out.append(Question(sec, a.key, "q.model.algorithm", {"step": step}))
    out += [
        Question(sec, a.key, f"q.{a.key}")
        for a in answers.model_items(cfg).values()
        if not a.assessed
    ]
    out += [
        Question(sec, a.key, "q.model.pillars", {"pillar": k})
        for k, a in answers.pillars(cfg).items()
        if not a.assessed
    ]
    return out


def open_questions(audit: Audit) -> tuple[Question, ...]:
    """Every questionnaire item not assessed (neither answered nor read from the data), by section."""
    return audit.memo(("summary.open_questions",), lambda: _open_questions(audit))


def _open_questions(audit: Audit) -> tuple[Question, ...]:
    """The open questions (uncached; see :func:`open_questions`)."""
    out = _model_questions(audit)
    out += [
        Question("02_technologies", f"technologies.{k}", "q.technologies", {"key": k})
        for k in technologies.assess(audit).not_assessed
    ]
    out += [
        Question("03_structure", a.key, f"q.{a.key}")
        for a in answers.structure(audit).values()
        if not a.assessed
    ]
    out += [
        Question("07_control", f"control.{r.key}", f"q.control.{r.key}")
        for r in control.rhythm(audit)
        if r.answer is None
    ]
    out += [
        Question("07_control", f"control.crm.{k}", "q.control.crm", {"key": k})
        for k, v in control.crm_checks(audit).items()
        if v is None
    ]
    return tuple(out)


def _algorithm(audit: Audit) -> Finding | None:
    """Order violations and typical mistakes, with how many mistakes are not assessed (None: nothing is)."""
    v = len(model.order_violations(model.algorithm(audit)))
    m, open_ = len(model.mistakes(audit)), len(model.mistakes_not_assessed(audit))
    steps_open = sum(s["status"] == answers.NOT_ASSESSED for s in model.algorithm(audit))
    if open_ == len(model.mistake_status(audit)) and steps_open == len(answers.ALGORITHM_STEPS):
        return None
    if open_ == 0 and steps_open == 0:
        return Finding("sum.algorithm", {"v": v, "m": m})
    return Finding("sum.algorithm_partial", {"v": v, "m": m, "k": open_, "s": steps_open})


def headline_findings(audit: Audit) -> tuple[Finding, ...]:
    """The headline findings, in the order the summary tells them."""
    m = model.decide(audit)
    head = (
        Finding("sum.model", {"mode": m.mode, "type": m.sales_type})
        if m.mode is not None
        else Finding("sum.model_type", {"type": m.sales_type})
    )
    out: list[Finding | None] = [head]
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
    if main is not None:
        out.append(Finding("sum.structure", {"main": main, "second": second}))
    else:
        out.append(Finding("sum.structure_open", {"n": len(structure.deciding_open(audit))}))
    out.append(_algorithm(audit))
    out.append(customers.headline(audit))  # clients lost and their revenue, else A's share
    n_open = len(open_questions(audit))
    if n_open:
        out.append(Finding("sum.open", {"n": n_open}, "warning"))
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
