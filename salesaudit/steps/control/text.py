"""Step 07 words: the rhythm and CRM tables and the control findings in the report language."""

from __future__ import annotations

import pandas as pd

from salesaudit.core.results import Finding
from salesaudit.i18n import fmt_num, fmt_pct, t
from salesaudit.inputs.audit import Audit
from salesaudit.steps.control.compute import (
    activity_norms,
    crm_checks,
    meetings_compare,
    observations,
    rhythm,
)

_RHYTHM_LABEL = {
    "morning_planning": "ct.morning_planning",
    "checkins_per_day": "ct.checkins",
    "daily_plan_fact": "ct.daily_plan_fact",
    "board": "ct.board",
}


def mark(ok: bool | None) -> str:
    """✓, ✗, or ? when not assessed."""
    return "?" if ok is None else "✓" if ok else "✗"


def answer(value: bool | int | None, lang: str) -> str:
    """A yes/no answer in lang, a count as written, or 'not assessed'."""
    if value is None:
        return t("status.not_assessed", lang)
    if isinstance(value, bool):
        return t("word.yes" if value else "word.no", lang)
    return str(value)


def rhythm_table(audit: Audit) -> pd.DataFrame:
    """The management rhythm: what the methodology asks vs what the client answered."""
    lang = audit.lang
    return pd.DataFrame(
        [
            {
                t("tbl.check", lang): t(_RHYTHM_LABEL[r.key], lang),
                t("tbl.answer", lang): answer(r.answer, lang),
                "": mark(r.ok),
            }
            for r in rhythm(audit)
        ]
    )


def crm_table(audit: Audit) -> pd.DataFrame:
    """The CRM checklist for display ('?' and 'not assessed' for unanswered checks)."""
    lang = audit.lang
    checks = crm_checks(audit)
    rows = [{t("tbl.check", lang): t(f"crm.{k}", lang), "": mark(v)} for k, v in checks.items()]
    df = pd.DataFrame(rows)
    if any(v is None for v in checks.values()):
        df.insert(1, t("tbl.answer", lang), [answer(v, lang) for v in checks.values()])
    return df


def sentence(finding: Finding, lang: str) -> str:
    """One control finding as a sentence in lang (counts go to plural blocks as numbers)."""
    p = finding.params
    if finding.code == "ct.meetings":
        return t(finding.code, lang, v=p["v"])  # a fraction: one decimal
    if finding.code == "ct.calls":
        return t(finding.code, lang, v=round(p["v"]), hours=p["hours"], h=fmt_num(p["h"], lang, 1))
    if finding.code == "ct.meetings_gap":
        ratio = fmt_num(p["ratio"], lang, 1) if p.get("ratio") else "—"
        return t(finding.code, lang, logged=round(p["logged"]), crm=round(p["crm"]), ratio=ratio)
    return t(finding.code, lang, **p)


def notes(audit: Audit) -> list[str]:
    """Control findings in sentences."""
    return [sentence(f, audit.lang) for f in observations(audit)]


def meetings_table(audit: Audit) -> pd.DataFrame | None:
    """Meetings in the activity log and in the CRM side by side, with their ratio, by role."""
    cmp = meetings_compare(audit)
    if cmp is None:
        return None
    lang = audit.lang

    def num(v: float | None, digits: int = 1) -> str:
        """A figure, or a dash."""
        return "—" if v is None else fmt_num(v, lang, digits)

    def row(key: str, log: float | None, crm: float | None) -> tuple[str, str, str, str]:
        """One line: the log's figure, the CRM's and the log ÷ CRM."""
        ratio = log / crm if log is not None and crm else None
        return (t(key, lang), num(log), num(crm), "—" if ratio is None else f"{num(ratio)}×")

    per_seller = cmp.crm_month / cmp.sellers if cmp.crm_month and cmp.sellers else None
    rows = [
        row("ct.mt.month", cmp.logged_month, cmp.crm_month),
        row("ct.mt.per_seller", activity_norms(audit)["meetings_per_closer_month"], per_seller),
    ]
    rows += [row(f"ct.mt.role.{r}", v, None) for r, v in sorted(cmp.by_role.items())]
    log_pct, crm_pct = (
        "—" if v is None else fmt_pct(v, lang, 1)
        for v in (cmp.logged_to_contract, cmp.funnel_to_contract)
    )
    rows.append((t("ct.mt.m2c", lang), log_pct, crm_pct, ""))
    cols = ["tbl.item", "ct.mt.log", "ct.mt.crm", "ct.mt.ratio"]
    return pd.DataFrame(rows, columns=[t(c, lang) for c in cols])
