"""Step 07: management rhythm, activity norms, CRM readiness and plan vs fact (DESIGN §7.8)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from salesaudit.core import constants as C
from salesaudit.i18n import fmt_num, t
from salesaudit.inputs.audit import Audit
from salesaudit.steps.funnel.analysis import analyse

MEETINGS_NORM = (int(C.MEETINGS_PER_CLOSER.value), int(C.MEETINGS_PER_CLOSER.high or 0))
CALLS_NORM = (int(C.CALLS_PER_HOUR.value), int(C.CALLS_PER_HOUR.high or 0))
CHECKINS_NORM = int(C.CHECKINS_PER_DAY.value)


def rhythm_table(audit: Audit) -> pd.DataFrame:
    """The management rhythm: what the methodology asks vs what the client answered."""
    lang, c = audit.lang, audit.config.control

    def yn(v: bool) -> str:
        return t("word.yes" if v else "word.no", lang)

    rows = [
        (t("ct.morning_planning", lang), yn(c.morning_planning), c.morning_planning),
        (t("ct.checkins", lang), str(c.checkins_per_day), c.checkins_per_day >= CHECKINS_NORM),
        (t("ct.daily_plan_fact", lang), yn(c.daily_plan_fact), c.daily_plan_fact),
        (t("ct.board", lang), yn(c.board), c.board),
    ]
    return pd.DataFrame(
        [
            {t("tbl.check", lang): a, t("tbl.answer", lang): b, "": "✓" if ok else "✗"}
            for a, b, ok in rows
        ]
    )


def crm_checks(audit: Audit) -> dict[str, bool]:
    """The CRM readiness checklist answers."""
    return audit.config.control.crm.model_dump()


def crm_table(audit: Audit) -> pd.DataFrame:
    """The CRM checklist for display."""
    lang = audit.lang
    return pd.DataFrame(
        [
            {t("tbl.check", lang): t(f"crm.{k}", lang), "": "✓" if v else "✗"}
            for k, v in crm_checks(audit).items()
        ]
    )


def activity_norms(audit: Audit) -> dict[str, float | None]:
    """Meetings per closer a month and calls per hunter a day, from the activities log."""
    acts, team = audit.table("activities"), audit.table("team")
    out: dict[str, float | None] = {"meetings_per_closer_month": None, "calls_per_hunter_day": None}
    if acts is None:
        return out
    a = acts.copy()
    a["count"] = a["count"].fillna(1) if "count" in a else 1
    a["type"] = a["type"].astype(str).str.casefold()
    roles = (
        team.set_index("manager")["role"]
        if team is not None and "role" in team
        else pd.Series(dtype=str)
    )
    a["role"] = a["manager"].map(roles)
    start = audit.as_of - pd.DateOffset(months=12)
    a = a[(a["date"] > start) & (a["date"] <= audit.as_of)]
    meet = a[(a["type"] == "meeting") & a["role"].isin(["closer", "universal"])]
    if len(meet):
        per = meet.groupby(["manager", meet["date"].dt.to_period("M")])["count"].sum()
        out["meetings_per_closer_month"] = float(per.groupby(level=0).mean().mean())
    calls = a[(a["type"] == "call") & (a["role"] == "hunter")]
    if len(calls):
        per_day = calls.groupby(["manager", "date"])["count"].sum()
        out["calls_per_hunter_day"] = float(per_day.mean())
    return out


def crm_meetings_per_seller(audit: Audit) -> float | None:
    """Deals reaching a meeting per seller a month in the CRM (the funnel's benchmark figure)."""
    if audit.table("deals") is None:
        return None
    checks = {b["key"]: b for b in analyse(audit).benchmarks}
    b = checks.get("meetings_per_closer")
    return None if b is None or b["value"] is None else float(b["value"])


def notes(audit: Audit) -> list[str]:
    """Control findings in sentences."""
    lang = audit.lang
    out = []
    n = activity_norms(audit)
    if n["meetings_per_closer_month"] is not None:
        out.append(t("ct.meetings", lang, v=fmt_num(n["meetings_per_closer_month"], lang, 1)))
    if n["calls_per_hunter_day"] is not None:
        hours = audit.config.capacity.hours_per_day
        out.append(
            t(
                "ct.calls",
                lang,
                v=fmt_num(n["calls_per_hunter_day"], lang),
                hours=fmt_num(hours, lang),
                h=fmt_num(n["calls_per_hunter_day"] / hours, lang, 1),
            )
        )
    crm = crm_checks(audit)
    out.append(t("ct.crm_score", lang, n=sum(crm.values()), total=len(crm)))
    crm_meetings = crm_meetings_per_seller(audit)
    logged = n["meetings_per_closer_month"]
    if crm_meetings is not None and logged is not None and logged > 1.5 * crm_meetings:
        out.append(
            t(
                "ct.meetings_gap",
                lang,
                logged=fmt_num(logged, lang),
                crm=fmt_num(crm_meetings, lang),
            )
        )
    return out


def findings(audit: Audit) -> dict[str, Any]:
    """The findings.json `control` section."""
    c = audit.config.control
    crm = crm_checks(audit)
    norms = activity_norms(audit)
    return {
        "rhythm": {
            "morning_planning": c.morning_planning,
            "checkins_per_day": c.checkins_per_day,
            "daily_plan_fact": c.daily_plan_fact,
            "board": c.board,
        },
        "crm_readiness": round(sum(crm.values()) / len(crm), 3),
        "crm_missing": [k for k, v in crm.items() if not v],
        "activity": {k: (None if v is None else round(v, 2)) for k, v in norms.items()},
    }
