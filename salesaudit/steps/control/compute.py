"""Step 07 numbers: management rhythm, activity norms and CRM readiness (docs/methodology.md §6.7).

Results are answers, numbers and `Finding`s (codes `ct.*`); `text` renders them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from salesaudit.core import constants as C
from salesaudit.core.results import Finding
from salesaudit.inputs import answers
from salesaudit.inputs.audit import Audit
from salesaudit.steps import sizing
from salesaudit.steps.funnel.compute import (
    active_closers,
    audit_deals,
    logged_activity,
    meeting_rate,
)

MEETINGS_NORM = (int(C.MEETINGS_PER_CLOSER.value), int(C.MEETINGS_PER_CLOSER.high or 0))
CALLS_NORM = (int(C.CALLS_PER_HOUR.value), int(C.CALLS_PER_HOUR.high or 0))
CHECKINS_NORM = int(C.CHECKINS_PER_DAY.value)
RHYTHM = answers.RHYTHM_ITEMS


@dataclass(frozen=True)
class RhythmCheck:
    """One management-rhythm check: the client's answer and whether it meets the methodology."""

    key: str  # morning_planning, checkins_per_day, daily_plan_fact, board
    answer: bool | int | None  # None: not assessed
    ok: bool | None  # None: not assessed


def rhythm(audit: Audit) -> list[RhythmCheck]:
    """The management rhythm: what the client answered and whether it meets the norm."""
    out = []
    for key, a in answers.rhythm(audit.config).items():
        v = a.value
        ok = None if v is None else v >= CHECKINS_NORM if key == "checkins_per_day" else bool(v)
        out.append(RhythmCheck(key, v, ok))
    return out


def crm_checks(audit: Audit) -> dict[str, bool | None]:
    """The CRM readiness checklist answers (None: not assessed)."""
    return {k: a.value for k, a in answers.crm(audit.config).items()}


def crm_score(audit: Audit) -> Finding:
    """Checks passed over the checks answered (`ct.crm_score`, `ct.crm_score_partial`,
    `ct.crm_not_assessed`)."""
    crm = crm_checks(audit)
    rated = [v for v in crm.values() if v is not None]
    if not rated:
        return Finding("ct.crm_not_assessed", {"total": len(crm)}, "warning")
    params = {"n": sum(rated), "total": len(rated)}
    if len(rated) == len(crm):
        return Finding("ct.crm_score", params)
    return Finding("ct.crm_score_partial", {**params, "open": len(crm) - len(rated)}, "warning")


def rhythm_finding(audit: Audit) -> Finding | None:
    """How many rhythm answers are given (`ct.rhythm_*`), or None when all are."""
    n = sum(r.answer is not None for r in rhythm(audit))
    if n == len(RHYTHM):
        return None
    if n == 0:
        return Finding("ct.rhythm_not_assessed", {}, "warning")
    return Finding("ct.rhythm_assessed", {"n": n, "total": len(RHYTHM)}, "warning")


def _calls_per_hunter_day(audit: Audit) -> float | None:
    """Calls per hunter a working day in the activity log over the last 12 months."""
    calls = logged_activity(audit, "call", ("hunter",))
    if calls is None:
        return None
    return float(calls["count"].groupby([calls["manager"], calls["date"]]).sum().mean())


def _activity_norms(audit: Audit) -> dict[str, float | None]:
    """Meetings per closer a month (the funnel's one definition) and calls per hunter a day."""
    rate = meeting_rate(audit)
    out = {
        "meetings_per_closer_month": rate.logged,
        "calls_per_hunter_day": _calls_per_hunter_day(audit),
    }
    if rate.logged_month is not None:
        out |= {f"meetings_{role}_month": v for role, v in sorted(rate.by_role.items())}
        out |= {
            "meetings_logged_month": rate.logged_month,
            "meetings_crm_month": rate.crm_month,
            "logged_meetings_per_crm_meeting": rate.per_deal,
            "logged_meeting_to_contract": rate.logged_to_contract,
        }
    return out


def activity_norms(audit: Audit) -> dict[str, float | None]:
    """Meetings per closer a month and calls per hunter a day, from the activities log (memoised)."""
    return dict(audit.memo(("control.activity_norms",), lambda: _activity_norms(audit)))


def crm_meetings_per_seller(audit: Audit) -> float | None:
    """Deals reaching a meeting per seller a month in the CRM (the funnel's meeting rate, CRM side)."""
    return meeting_rate(audit).crm


@dataclass(frozen=True)
class MeetingsCompare:
    """Meetings in the activity log against the CRM's deals reaching a meeting, same 12 months."""

    logged_month: float  # meetings a month the log records for closers and universals
    crm_month: float | None  # deals reaching the meeting stage a month in the CRM
    sellers: int | None  # closers and universals (the team's meeting roles)
    by_role: dict[str, float]  # log: meetings per seller a month, per role
    logged_to_contract: float | None  # won deals per logged meeting
    funnel_to_contract: float | None  # the funnel's meeting → contract, the one sizing uses

    @property
    def ratio(self) -> float | None:
        """Logged meetings per CRM meeting."""
        return self.logged_month / self.crm_month if self.crm_month else None


def meetings_compare(audit: Audit) -> MeetingsCompare | None:
    """The log and the CRM side by side (None without an activity log of meetings)."""
    rate = meeting_rate(audit)
    if rate.logged_month is None:
        return None
    deals = audit_deals(audit)
    sellers = active_closers(audit, deals)[0] if deals is not None else None
    plan = sizing.plan(audit)
    return MeetingsCompare(
        logged_month=rate.logged_month,
        crm_month=rate.crm_month,
        sellers=sellers,
        by_role=dict(rate.by_role),
        logged_to_contract=rate.logged_to_contract,
        funnel_to_contract=None if plan is None else plan.inputs.meeting_to_contract,
    )


def observations(audit: Audit) -> list[Finding]:
    """Activity against the norms, the CRM score and the log-vs-CRM gap, as findings."""
    out = []
    n = activity_norms(audit)
    logged = n["meetings_per_closer_month"]
    if logged is not None:
        out.append(Finding("ct.meetings", {"v": logged}))
    calls = n["calls_per_hunter_day"]
    if calls is not None:
        hours = audit.config.capacity.hours_per_day
        out.append(Finding("ct.calls", {"v": calls, "hours": hours, "h": calls / hours}))
    rf = rhythm_finding(audit)
    out += [] if rf is None else [rf]
    out.append(crm_score(audit))
    cmp = meetings_compare(audit)
    if cmp is not None and cmp.crm_month and cmp.sellers and logged is not None:
        crm = cmp.crm_month / cmp.sellers  # per closer or universal, as the log counts
        if logged > 1.5 * crm:
            gap = {"logged": logged, "crm": crm, "ratio": cmp.ratio}
            out.append(Finding("ct.meetings_gap", gap, "warning"))
    return out


def findings(audit: Audit) -> dict[str, Any]:
    """The findings.json `control` section (null = not assessed; readiness over answered checks)."""
    crm = crm_checks(audit)
    rated = [v for v in crm.values() if v is not None]
    norms = activity_norms(audit)
    rhythm_ = {r.key: r.answer for r in rhythm(audit)}
    return {
        "rhythm": rhythm_,
        "crm_readiness": round(sum(rated) / len(rated), 3) if rated else None,
        "crm_missing": [k for k, v in crm.items() if v is False],
        "crm_assessed": len(rated),
        "not_assessed": [k for k, v in rhythm_.items() if v is None]
        + [f"crm.{k}" for k, v in crm.items() if v is None],
        "activity": {
            k: (None if v is None else round(v, 4 if "contract" in k else 2))
            for k, v in norms.items()
        },
    }
