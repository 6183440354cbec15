"""Step 03 words: the rationale, span notes and org tables in the report language."""

from __future__ import annotations

import pandas as pd

from salesaudit.core.results import Finding
from salesaudit.i18n import t
from salesaudit.inputs.audit import Audit
from salesaudit.present.labels import keyed_list
from salesaudit.steps import sizing
from salesaudit.steps.structure.compute import (
    advice,
    heads_needed,
    rules,
    span_findings,
    team_rows,
)


def head_label(head: str, lang: str) -> str:
    """A head's name, or '(no head)' for sellers without one."""
    return head or t("st.no_head_label", lang)


def evidence_text(note: Finding, fact: str, lang: str) -> str:
    """Why a structure fact was read from the data, as a sentence."""
    p = dict(note.params)
    if "tables" in p:
        p["tables"] = keyed_list("table", p["tables"], lang)
    return t(note.code, lang, fact=t(f"fact.{fact}", lang), **p)


def sentence(finding: Finding, lang: str) -> str:
    """One structure finding as a sentence in lang."""
    p = dict(finding.params)
    if finding.code == "st.derived":
        return evidence_text(p["note"], p["fact"], lang)
    if finding.code == "st.undecided":
        facts = "; ".join(t(f"fact.{f}", lang).lower() for f in p["facts"])
        return t(finding.code, lang, facts=facts)
    if finding.code == "st.recommended":
        second = p["second"]
        sec = t("st.secondary", lang, s=t(f"structure.{second}", lang)) if second else ""
        return t(finding.code, lang, main=t(f"structure.{p['main']}", lang), second=sec)
    if "names" in p:
        p["names"] = ", ".join(p["names"])
    return t(finding.code, lang, **p)


def advice_sentence(finding: Finding, lang: str, span: int) -> str:
    """One structure action (`st.advice.*`) as a sentence in lang, with its side effects."""
    p = dict(finding.params)
    names = ", ".join(p.pop("names", ()))
    if finding.code == "st.advice.region_without_head":
        heads = ", ".join(p.pop("heads"))
        led = t("st.advice.led_from", lang, heads=heads) if heads else ""
        out = t(finding.code, lang, names=names, led=led, region=p["region"], n=p["n"])
        for head, now, after in p["relief"]:
            out += " " + t("st.advice.relief", lang, head=head, now=now, after=after, span=span)
        return out
    if finding.code == "st.advice.universals":
        roles = "; ".join(f"{t(f'role.{r}', lang)} — {n}" for r, n in p.pop("roles"))
        more = t("st.advice.to_roles", lang, roles=roles) if roles else ""
        return t(finding.code, lang, names=names, more=more, **p)
    if finding.code == "st.advice.rotation":
        source, to = (t(f"role.{p.pop(k)}", lang).lower() for k in ("source", "to"))
        return t(finding.code, lang, names=names, source=source, to=to, **p)
    return t(finding.code, lang, names=names, **p)


def advice_notes(audit: Audit) -> list[str]:
    """What to change in the team, one sentence per gap (nothing when there is no gap)."""
    span, found = audit.config.capacity.span, advice(audit)
    if not found:
        key = "st.advice.no_team" if audit.table("team") is None else "st.advice.none"
        return [t(key, audit.lang)]
    return [advice_sentence(f, audit.lang, span) for f in found]


def rationale(audit: Audit) -> list[str]:
    """Which facts decided, as sentences."""
    return [sentence(f, audit.lang) for f in rules(audit)]


def violation_notes(audit: Audit) -> list[str]:
    """Span violations as sentences."""
    return [sentence(f, audit.lang) for f in span_findings(audit)]


def team_notes(audit: Audit) -> list[str]:
    """Why today's team is not shown, when there is no team table (else nothing)."""
    return [] if audit.table("team") is not None else [t("st.no_team_today", audit.lang)]


def team_table(audit: Audit) -> pd.DataFrame | None:
    """The current org chart: each head and the sellers they lead, by role."""
    df = team_rows(audit)
    if df is None:
        return None
    lang = audit.lang
    return pd.DataFrame(
        {
            t("tbl.head", lang): [head_label(h, lang) for h in df["head"]],
            t("tbl.role", lang): [t(f"role.{r}", lang) for r in df["role"]],
            t("tbl.manager", lang): df["manager"].tolist(),
        }
    )


def recommended_table(audit: Audit) -> pd.DataFrame | None:
    """The recommended org: sellers per role the target needs, and the heads the structure needs."""
    lang = audit.lang
    p = sizing.plan(audit)
    if p is None:
        return None
    rows = [
        {t("tbl.role", lang): t(f"role.{r}", lang), t("tbl.needed", lang): n}
        for r, n in p["required"].items()
        if n
    ]
    heads = heads_needed(audit)  # one per regional team when a region lacks its head
    rows.append({t("tbl.role", lang): t("role.head", lang), t("tbl.needed", lang): heads})
    return pd.DataFrame(rows)
