"""Step 01 numbers: the sales model (active/passive, sales type), the build algorithm, four pillars.

Results are numbers, canonical keys and `Finding`s; `text` and `charts` render them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from salesaudit.core.constants import (
    CHECKINS_PER_DAY,
    PASSIVE_SHARE,
    PROJECT_CYCLE_DAYS,
    REVIEW_MONTHS,
)
from salesaudit.core.results import Finding
from salesaudit.inputs import answers, channels
from salesaudit.inputs.answers import NOT_ASSESSED, PILLARS
from salesaudit.inputs.audit import Audit
from salesaudit.steps.funnel import compute as funnel


@dataclass(frozen=True)
class ModelResult:
    """The sales-model decision with its evidence (codes `m.*` with raw values)."""

    mode: str | None  # None: active or passive is not assessed (mode auto and no channel data)
    mode_auto: str | None
    inbound_share: float | None
    sales_type: str
    sales_type_auto: str
    median_cycle: float | None
    evidence: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class ChannelCounts:
    """Deals per channel as the client wrote it (most deals first), and which are inbound."""

    channels: tuple[str, ...]
    counts: tuple[int, ...]
    inbound: tuple[bool, ...]


def inbound_share(audit: Audit) -> float | None:
    """Share of deals from inbound channels, among the deals whose channel direction is known
    (None without channel data or when most channels are unknown; see `channels.inbound_share`)."""
    return channels.inbound_share(audit.config, audit.table("deals"))


def _any(*conds: bool | None) -> bool | None:
    """Three-valued OR: True if any condition holds, False if all are answered and fail, else None."""
    if any(c is True for c in conds):
        return True
    return False if all(c is False for c in conds) else None


def _sales_type(audit: Audit, median_cycle: float | None) -> tuple[str, tuple[str, ...]]:
    """The sales type the data and answers suggest, and the open items that could change it."""
    regions = answers.structure(audit)["regions"].value
    partners = audit.config.model.partners
    if median_cycle is not None and median_cycle > PROJECT_CYCLE_DAYS:
        return "project", ()
    regional = regions > 1 and partners if regions is not None and partners is not None else None
    if regional:
        return "regional", ()
    open_: list[str] = [] if median_cycle is not None else ["cycle"]
    if regional is None and regions != 1 and partners is not False:
        open_ += [k for k, v in (("regions", regions), ("partners", partners)) if v is None]
    return "traditional", tuple(open_)


def _decide(audit: Audit) -> ModelResult:
    """Decide mode and sales type from the answers and the data (docs/methodology.md §6.1)."""
    cfg = audit.config
    share = inbound_share(audit)
    mode_auto = None if share is None else "passive" if share > PASSIVE_SHARE else "active"
    evidence: list[Finding] = []
    if share is not None:
        present = audit.tables["deals"]["channel"].dropna().unique()
        inbound = channels.inbound_channels(cfg, present)
        evidence.append(Finding("m.mode_evidence", {"share": share, "channels": inbound}))
    elif cfg.model.mode == "auto":
        deals = audit.table("deals")
        known = deals is not None and "channel" in deals and deals["channel"].notna().any()
        evidence.append(Finding("m.mode_unknown_channels" if known else "m.mode_no_data", {}))
    mode = mode_auto if cfg.model.mode == "auto" else cfg.model.mode
    if mode_auto is not None and mode != mode_auto:
        evidence.append(Finding("m.mode_override", {"mode": mode, "auto": mode_auto}, "warning"))
    deals = audit.table("deals")
    med = funnel.cycle_summary(deals)["median"] if deals is not None else None
    type_auto, uncertain = _sales_type(audit, med)
    if med is not None:
        evidence.append(Finding("m.cycle_evidence", {"days": med}))
    if type_auto == "regional":
        regions = answers.structure(audit)["regions"].value
        evidence.append(Finding("m.regional_evidence", {"regions": regions}))
    stype = type_auto if cfg.model.sales_type == "auto" else cfg.model.sales_type
    evidence.append(Finding("m.type_result", {"type": stype}))
    if uncertain and cfg.model.sales_type == "auto":
        evidence.append(Finding("m.type_open", {"type": stype, "open": uncertain}, "warning"))
    return ModelResult(mode, mode_auto, share, stype, type_auto, med, tuple(evidence))


def decide(audit: Audit) -> ModelResult:
    """The sales-model decision, computed once per audit."""
    return audit.memo(("sales_model.decide",), lambda: _decide(audit))


def algorithm(audit: Audit) -> list[dict[str, Any]]:
    """The seven steps with their status (`not_assessed` where not answered)."""
    steps = answers.algorithm(audit.config)
    return [{"step": s, "status": a.value or NOT_ASSESSED} for s, a in steps.items()]


def order_violations(steps: list[dict[str, Any]]) -> list[dict[str, int]]:
    """Steps in place or partial while an earlier step is answered missing."""
    out = []
    for i, s in enumerate(steps):
        if s["status"] not in ("in_place", "partial"):
            continue
        earlier = [e["step"] for e in steps[:i] if e["status"] == "missing"]
        if earlier:
            out.append({"step": s["step"], "missing_before": earlier[0]})
    return out


def mistake_status(audit: Audit) -> dict[int, bool | None]:
    """Each typical mistake (1–6): True shown by the answers, False ruled out, None not assessed."""
    m = answers.model_items(audit.config)
    st: dict[int, bool | None] = {
        s["step"]: None if s["status"] == NOT_ASSESSED else s["status"] == "missing"
        for s in algorithm(audit)
    }

    def is_(key: str, *values: object) -> bool | None:
        v = m[key].value
        return None if v is None else v in values

    review = m["last_review_months_ago"].value
    return {
        1: _any(st[1], st[2]),
        2: is_("hiring", "one_by_one"),
        3: _any(is_("work_control", "none"), st[4]),
        4: is_("motivation", "fixed_only"),
        5: _any(is_("training", "ad_hoc", "none"), st[6]),
        6: _any(None if review is None else review > REVIEW_MONTHS, st[7]),
    }


# the build-algorithm steps (§1) each typical mistake (§1) shows a weakness in (4: pay, no step)
MISTAKE_STEPS: dict[int, tuple[int, ...]] = {1: (1, 2), 2: (3,), 3: (4,), 4: (), 5: (6,), 6: (7,)}


def step_flags(audit: Audit) -> dict[int, tuple[str, int]]:
    """Each build step's status and the typical mistake found that flags it (0: none found).

    A step not assessed stays `not_assessed` and unflagged unless a found mistake flags it.
    """
    status = {s["step"]: s["status"] for s in algorithm(audit)}
    found = mistakes(audit)
    flag = {step: m for m in found for step in MISTAKE_STEPS[m]}
    return {s: (status[s], flag.get(s, 0)) for s in answers.ALGORITHM_STEPS}


def mistakes(audit: Audit) -> list[int]:
    """The methodology's typical mistakes (1–6) that the answers show."""
    return [n for n, found in mistake_status(audit).items() if found]


def mistakes_not_assessed(audit: Audit) -> list[int]:
    """The typical mistakes the answers can neither show nor rule out."""
    return [n for n, found in mistake_status(audit).items() if found is None]


def problems(audit: Audit) -> list[Finding]:
    """Order violations (`m.violation`) then typical mistakes (`mistake.<n>`), as findings."""
    steps = algorithm(audit)
    status = {s["step"]: s["status"] for s in steps}
    out = [
        Finding(
            "m.violation",
            {"step": v["step"], "status": status[v["step"]], "earlier": v["missing_before"]},
            "warning",
        )
        for v in order_violations(steps)
    ]
    out += [Finding(f"mistake.{m}", {"number": m}, "bad") for m in mistakes(audit)]
    return out


def assessed(audit: Audit) -> Finding | None:
    """How much of the diagnostic is answered (`m.assessed`, `m.not_assessed`); None when all is."""
    items = [
        *answers.algorithm(audit.config).values(),
        *answers.model_items(audit.config).values(),
        *answers.pillars(audit.config).values(),
    ]
    n = sum(a.assessed for a in items)
    if n == len(items):
        return None
    if n == 0:
        return Finding("m.not_assessed", {}, "warning")
    return Finding("m.assessed", {"n": n, "total": len(items)}, "warning")


# The evidence of practice behind each pillar (§5), as items of the client file (or of the data):
# operations — the meeting rhythm, the CRM's records and logs, a regular activity log;
# process — the CRM holding the route and the route's technologies; coaching — the head's daily
# watch over each seller; training — a training system. The self-assessment counts as one item.
PILLAR_ITEMS: dict[str, tuple[str, ...]] = {
    "operations": (
        "control.morning_planning",
        "control.daily_plan_fact",
        "control.board",
        "control.crm.no_paper_orders",
        "control.crm.website_integrated",
        "control.crm.enough_licences",
        "control.crm.telephony_integrated",
        "control.crm.calls_recorded",
        "data.activity_regularity",
        "model.pillars.operations",
    ),
    "process": (
        "control.crm.no_taskless_clients",
        "control.crm.counterparty_based",
        "control.crm.methodology",
        "control.crm.configured",
        "technologies.sales_stages",
        "technologies.new_client_algorithm",
        "technologies.current_client_algorithm",
        "model.pillars.process",
    ),
    "coaching": (
        "control.checkins_per_day",
        "model.work_control",
        "model.algorithm.4",
        "model.pillars.coaching",
    ),
    "training": (
        "model.training",
        "model.algorithm.6",
        "technologies.training_system",
        "technologies.certification",
        "technologies.rotation",
        "model.pillars.training",
    ),
}
# answers scored 0–1: good practice 1, half-way 0.5, absent 0
_LEVELS: dict[str, dict[Any, float]] = {
    "model.work_control": {"daily": 1.0, "weekly": 0.5, "none": 0.0},
    "model.training": {"system": 1.0, "ad_hoc": 0.5, "none": 0.0},
    "status": {"in_place": 1.0, "partial": 0.5, "missing": 0.0},
}


@dataclass(frozen=True)
class PillarCheck:
    """One item of evidence behind a pillar: the answer or measure, and its score 0–1."""

    pillar: str
    item: str  # the client-file path ("control.board") or "data.activity_regularity"
    value: Any  # None: not assessed
    score: float | None  # None: not assessed


def activity_regularity(audit: Audit) -> float | None:
    """Share of weeks with any logged activity, per seller from their first logged week in the
    last 12 months to the audit date, averaged over the sellers (None without an activity log)."""
    acts = audit.table("activities")
    if acts is None or acts.empty:
        return None
    start = audit.as_of - pd.DateOffset(months=12)
    a = acts[(acts["date"] > start) & (acts["date"] <= audit.as_of)]
    if a.empty:
        return None
    weeks = a["date"].dt.to_period("W")
    last = pd.Timestamp(audit.as_of).to_period("W")
    seen = weeks.groupby(a["manager"]).agg(["nunique", "min"])
    span = [(last - first).n + 1 for first in seen["min"]]
    return float((seen["nunique"] / span).mean())


def _values(audit: Audit) -> dict[str, Any]:
    """Every pillar item's answer or measure, by its path (None: not assessed)."""
    cfg = audit.config
    out: dict[str, Any] = {a.key: a.value for a in answers.rhythm(cfg).values()}
    out |= {a.key: a.value for a in answers.crm(cfg).values()}
    out |= {a.key: a.value for a in answers.model_items(cfg).values()}
    out |= {a.key: a.value for a in answers.pillars(cfg).values()}
    out |= {a.key: a.value for a in answers.algorithm(cfg).values()}
    out |= {f"technologies.{k}": v for k, v in cfg.technologies.items()}
    out["data.activity_regularity"] = activity_regularity(audit)
    return out


def _score(item: str, value: Any) -> float | None:
    """One item's score 0–1 (None: not assessed)."""
    if value is None:
        return None
    if item == "control.checkins_per_day":
        return float(value >= CHECKINS_PER_DAY.value)  # the control step's check: 2–3 a day
    if item.startswith("model.pillars."):
        return float(value) / 4
    if item.startswith(("technologies.", "model.algorithm.")):
        return _LEVELS["status"][value]
    if item in _LEVELS:
        return _LEVELS[item][value]
    return float(value)  # yes/no answers and the measured share


def _pillar_checks(audit: Audit) -> tuple[PillarCheck, ...]:
    """Every pillar item with its value and score (uncached; see :func:`pillar_checks`)."""
    values = _values(audit)
    return tuple(
        PillarCheck(k, item, values.get(item), _score(item, values.get(item)))
        for k in PILLARS
        for item in PILLAR_ITEMS[k]
    )


def pillar_checks(audit: Audit) -> tuple[PillarCheck, ...]:
    """The evidence of practice behind the four pillars, item by item (memoised)."""
    return audit.memo(("sales_model.pillar_checks",), lambda: _pillar_checks(audit))


def pillars(audit: Audit) -> dict[str, int | None]:
    """Four pillars 0–100: the mean score of the pillar's items that are assessed (answers of the
    rhythm, the CRM checklist, coaching and training, the technologies, the activity log's
    regularity, the self-assessment); None when none of them is."""
    out: dict[str, int | None] = {}
    for k in PILLARS:
        sc = [c.score for c in pillar_checks(audit) if c.pillar == k and c.score is not None]
        out[k] = int(round(100 * sum(sc) / len(sc))) if sc else None
    return out


def channel_counts(audit: Audit) -> ChannelCounts | None:
    """Deals per channel ('—' for none), inbound flagged; None without a channel column."""
    deals = audit.table("deals")
    if deals is None or "channel" not in deals:
        return None
    counts = deals["channel"].fillna("—").value_counts()
    return ChannelCounts(
        channels=tuple(str(c) for c in counts.index),
        counts=tuple(int(n) for n in counts.values),
        inbound=tuple(channels.is_inbound(audit.config, [str(c) for c in counts.index])),
    )
