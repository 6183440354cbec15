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
from salesaudit.steps import compensation, control, customers, sizing, structure, technologies
from salesaudit.steps import sales_model as model
from salesaudit.steps.funnel.analysis import analyse
from salesaudit.steps.funnel.compute import Weakest
from salesaudit.steps.funnel.findings import findings as funnel_findings
from salesaudit.steps.funnel.levers import ValuedLever

# The recommendations are ranked by their money a year (funnel levers valued against a reference
# the client can reach, funnel/levers.py); those without money follow in this order, each with
# the reason it has none.
NO_MONEY_ORDER = ("stage", "structure", "hire", "tech", "batch", "review")
FUNNEL_LEVERS = 3  # funnel levers the summary recommends (the rest are in the funnel section)
ROADMAP_SHOWN = 3  # technologies named in the recommendation
# why a recommendation carries no money: what the levers need first, or what the data lack
PREREQUISITE = "prerequisite"
NO_FORECAST = "no_forecast"  # no forecast model: nothing to value a lever with
NO_REFERENCE = "no_reference"  # no reference the client can reach (too few sellers or quarters)


@dataclass(frozen=True)
class Lever:
    """One recommendation: its kind ("lever" or NO_MONEY_ORDER), raw values, money a year or why none."""

    kind: str
    params: dict[str, Any] = field(default_factory=dict, hash=False)
    impact: float | None = None
    impact_reason: str | None = None


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


def funnel_levers(audit: Audit) -> tuple[ValuedLever, ...]:
    """The funnel's levers ranked by money a year: the one ranking the summary, the funnel
    section and the workshop show (empty without deals)."""
    if audit.table("deals") is None:
        return ()
    return analyse(audit).levers


def top_lever(audit: Audit) -> str | None:
    """The driver of the lever worth the most (None without one)."""
    ranked = funnel_levers(audit)
    return ranked[0].driver if ranked else None


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
    heads = structure.heads_needed(audit) or p.heads  # one per regional team where that applies
    roles = team_roles(p, heads)
    if p.has_team:
        return Finding("sum.team", {"roles": roles})
    return Finding("sum.team_unknown", {"roles": roles})


# the order the headline names the roles in: the revenue carriers first, heads last
HEADLINE_ROLES = ("closer", "farmer", "hunter", "universal", "head")


def team_roles(p: sizing.Plan, heads: int) -> dict[str, tuple[int, int, int]]:
    """Per role the plan has: (people needed, people today, moved in (+) or out (−) by the
    universal sellers' moves and the rotations); roles with nobody needed or today left out."""
    need = {**p.required, "head": heads}
    out = {}
    for r in HEADLINE_ROLES:
        now = p.current.get(r, 0) if p.has_team else 0
        after = p.start.get(r, now) if p.has_team else 0
        if r in p.start or need.get(r, 0):
            if need.get(r, 0) or now or after:
                out[r] = (int(need.get(r, 0)), int(now), int(after - now))
    return out


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
        Question("04_team", p.item, f"q.{p.item}")
        for p in compensation.principles(audit)
        if p.status == "not_assessed"
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


def lever_params(v: ValuedLever) -> dict[str, Any]:
    """A valued funnel lever's raw values for its recommendation."""
    return {
        "driver": v.driver,
        "now": v.now,
        "reference": v.reference,
        "source": v.reference_source,
        "low": round(v.low, 2),
        "high": round(v.high, 2),
        "who": v.who,
        "behind": v.behind,
    }


def _funnel_levers(audit: Audit) -> list[Lever]:
    """The funnel's top levers with their money a year; else its weakest stage, saying why no money."""
    if audit.table("deals") is None:
        return []
    fa = analyse(audit)
    out = [
        Lever("lever", lever_params(v), round(v.revenue_delta_year, 2))
        for v in fa.levers[:FUNNEL_LEVERS]
    ]
    weak = fa.weakest
    if not out and weak is not None:
        why = NO_FORECAST if fa.model is None else NO_REFERENCE
        out.append(Lever("stage", {"a": weak.stage, "b": weak.next_stage}, None, why))
    return out


def _organisational(audit: Audit) -> list[Lever]:
    """The organisational recommendations: prerequisites of the levers, without money of their own."""
    out: list[Lever] = []
    for f in structure.advice(audit):  # the team's actual gaps, one action each
        out.append(Lever("structure", {"finding": f}, None, PREREQUISITE))
    p = sizing.plan(audit)
    gap = first_wave(p) if p is not None and p.has_team else 0
    if gap > 0:
        params = {"n": gap, "b": audit.config.capacity.hiring_batch}
        out.append(Lever("hire", params, None, PREREQUISITE))
    road = technologies.roadmap(technologies.status_table(audit)).head(ROADMAP_SHOWN)
    if len(road):
        out.append(Lever("tech", {"keys": tuple(road["key"])}, None, PREREQUISITE))
    mistakes = model.mistakes(audit)
    if 2 in mistakes:
        out.append(Lever("batch", {}, None, PREREQUISITE))
    if 6 in mistakes:
        out.append(Lever("review", {}, None, PREREQUISITE))
    return out


def first_wave(p: sizing.Plan) -> int:
    """Sellers the hiring plan hires in its first month (the roles short today, in a batch)."""
    hp = p.hiring_plan
    first = hp[(hp["month"] == hp["month"].iloc[0]) & (hp["role"] != "head")]
    return int(first["hires"].sum()) if len(hp) else 0


def _rank_key(lv: Lever) -> tuple[int, float, int]:
    """Money a year first (largest first), then the recommendations without money in their order."""
    if lv.impact is not None:
        return (0, -lv.impact, 0)
    return (1, 0.0, NO_MONEY_ORDER.index(lv.kind))


def levers(audit: Audit) -> tuple[Lever, ...]:
    """The recommendations ranked by money a year, those without money last (with the reason)."""
    return tuple(sorted(_funnel_levers(audit) + _organisational(audit), key=_rank_key))


def summary(audit: Audit) -> Summary:
    """The summary of one audit, built once per run from the other steps' results."""
    return audit.memo(("summary",), lambda: Summary(headline_findings(audit), levers(audit)))
