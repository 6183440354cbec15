"""Step 99 in words: the headline sentences, the recommendations and the findings.json section."""

from __future__ import annotations

from typing import Any

import pandas as pd

from salesaudit.core.results import Finding
from salesaudit.i18n import fmt_money, fmt_pct, t
from salesaudit.inputs.audit import Audit
from salesaudit.present.labels import mid_sentence
from salesaudit.steps import structure, technologies
from salesaudit.steps.customers import text as customers_text
from salesaudit.steps.funnel.text import driver_label, driver_value, lever_source
from salesaudit.steps.summary.compute import (
    Lever,
    Question,
    open_questions,
    summary,
    top_lever,
)

QUARTER_ACTIONS = 3  # what to do this quarter: the top levers' actions and the first prerequisite


BEHIND_NAMED = 4  # sellers named in an action; the rest counted


def _structure(main: str, second: str | None, lang: str) -> str:
    """The recommended structure and its secondary split in words."""
    s = t(f"structure.{main}", lang)
    return s + (f" + {t(f'structure.{second}', lang)}" if second else "")


def team_text(roles: dict[str, tuple[int, int, int]], lang: str, today: bool) -> str:
    """People per role the target needs, with today's in brackets and the moves: "closers 8
    (5 + 3 moved in), farmers 4 (3), hunters 1 (3 − 2 moved out), heads 3 (2)"."""
    items = []
    for role, (need, now, moved) in roles.items():
        name = t(f"sum.role.{role}", lang)
        if not today:
            items.append(f"{name} {need}")
            continue
        have = str(now)
        if moved:
            key = "sum.team.in" if moved > 0 else "sum.team.out"
            have = t(key, lang, now=now, n=abs(moved))
        items.append(f"{name} {need} ({have})")
    return ", ".join(items)


def finding_text(f: Finding, lang: str, currency: str) -> str:
    """One headline finding as a sentence."""
    p = f.params
    if f.code == "sum.model":
        return t(f.code, lang, mode=t(f"mode.{p['mode']}", lang), type=t(f"type.{p['type']}", lang))
    if f.code == "sum.model_type":
        return t(f.code, lang, type=t(f"type.{p['type']}", lang))
    if f.code == "sum.funnel":
        a, b = t(f"stage.{p['stage']}", lang), t(f"stage.{p['next']}", lang)
        win, conv = fmt_pct(p["win_rate"], lang, 1), fmt_pct(p["conversion"], lang)
        return t(f.code, lang, win=win, a=a, b=b, p=conv)
    if f.code == "sum.funnel_unknown":
        return t(f.code, lang, win=fmt_pct(p["win_rate"], lang, 1))
    if f.code == "sum.forecast":
        return t(
            f.code,
            lang,
            h=p["h"],
            p50=fmt_money(p["p50"], lang, currency),
            p10=fmt_money(p["p10"], lang),
            p90=fmt_money(p["p90"], lang),
            p=fmt_pct(p["p_target"], lang),
            target=fmt_money(p["target"], lang, currency),
        )
    if f.code == "sum.structure":
        return t(f.code, lang, s=_structure(p["main"], p["second"], lang))
    if f.code.startswith("c."):
        return customers_text.finding_text(f, lang, currency)
    if f.code in ("sum.team", "sum.team_unknown"):
        return t(f.code, lang, roles=team_text(p["roles"], lang, f.code == "sum.team"))
    if f.code == "sum.abc":
        return t(f.code, lang, n=p["n"], share=fmt_pct(p["share"], lang))
    return t(f.code, lang, **p)


def headline(audit: Audit) -> list[str]:
    """The headline findings, one sentence each."""
    cur = audit.config.currency
    return [finding_text(f, audit.lang, cur) for f in summary(audit).headline]


def _lever_kw(lever: Lever, audit: Audit, inside: bool = False) -> dict[str, str]:
    """A valued funnel lever's driver (`inside` a sentence: as placed mid-sentence), today,
    reference, source and money, formatted."""
    lang, p, cur = audit.lang, lever.params, audit.config.currency
    d = p["driver"]
    name = driver_label(d, audit.stage_keys, lang)
    return {
        "driver": mid_sentence(name, lang) if inside else name,
        "now": driver_value(d, p["now"], lang, cur),
        "ref": driver_value(d, p["reference"], lang, cur),
        "source": lever_source(p["source"], p["who"], lang),
        "v": fmt_money(lever.impact, lang, cur),
        "lo": fmt_money(p["low"], lang),
        "hi": fmt_money(p["high"], lang),
    }


def lever_text(lever: Lever, audit: Audit) -> str:
    """One recommendation as a sentence."""
    lang, p = audit.lang, lever.params
    if lever.kind == "lever":
        return t("rec.lever", lang, **_lever_kw(lever, audit))
    if lever.kind == "stage":
        return t(
            "rec.stage_plain", lang, a=t(f"stage.{p['a']}", lang), b=t(f"stage.{p['b']}", lang)
        )
    if lever.kind == "structure":
        return structure.advice_sentence(p["finding"], lang, audit.config.capacity.span)
    if lever.kind == "tech":
        labels = technologies.status_table(audit).set_index("key")["label"]
        return t("rec.tech", lang, items="; ".join(labels[k] for k in p["keys"]))
    return t(f"rec.{lever.kind}", lang, **p)


def action_text(lever: Lever, audit: Audit) -> str:
    """What to do this quarter for one recommendation (a lever's action, else the recommendation)."""
    if lever.kind != "lever":
        return lever_text(lever, audit)
    d = lever.params["driver"]
    own = ("new_deals", "deal_size", "cycle", "meetings_per_closer", "retention")
    kind = d if d in own else "conversion"
    kw = _lever_kw(lever, audit)
    said = t(f"act.{kind}", audit.lang, **kw)
    behind = list(lever.params.get("behind") or ())
    if kind == "conversion" and behind:  # the sellers behind beyond chance: where to start
        names = ", ".join(behind[:BEHIND_NAMED])
        more = len(behind) - BEHIND_NAMED
        if more > 0:
            names += f" (+{more})"
        said += " " + t("act.behind", audit.lang, names=names, now=kw["now"], n=len(behind))
    return said


def recommendations(audit: Audit) -> list[dict[str, Any]]:
    """Recommendations ranked by money a year, each with its impact or the reason it has none."""
    return [
        {"text": lever_text(lv, audit), "impact": lv.impact, "impact_reason": lv.impact_reason}
        for lv in summary(audit).levers
    ]


def recommendations_table(audit: Audit) -> pd.DataFrame:
    """Recommendations for display: the money a year, or why there is none."""
    lang, cur = audit.lang, audit.config.currency
    levers = summary(audit).levers
    return pd.DataFrame(
        {
            "#": range(1, len(levers) + 1),
            t("tbl.recommendation", lang): [lever_text(lv, audit) for lv in levers],
            t("tbl.effect", lang): [
                fmt_money(lv.impact, lang, cur)
                if lv.impact is not None
                else t(f"rec.why.{lv.impact_reason}", lang)
                for lv in levers
            ],
        }
    )


def diagnosis(audit: Audit) -> list[str]:
    """The diagnosis in three sentences: the funnel, the forecast against the target, the top lever."""
    lang, cur = audit.lang, audit.config.currency
    s = summary(audit)
    first = [
        f for f in s.headline if f.code in ("sum.funnel", "sum.funnel_unknown", "sum.forecast")
    ]
    out = [finding_text(f, lang, cur) for f in first]
    money = [lv for lv in s.levers if lv.kind == "lever"]
    if money:
        kw = _lever_kw(money[0], audit, inside=True)
        out.append(t("sum.page.top", lang, driver=kw["driver"], v=kw["v"]))
    out += [finding_text(f, lang, cur) for f in s.headline if f not in first]
    return out[:3]


def top_levers(audit: Audit) -> list[str]:
    """The funnel levers the summary recommends, with their money a year."""
    return [lever_text(lv, audit) for lv in summary(audit).levers if lv.kind == "lever"]


def this_quarter(audit: Audit) -> list[str]:
    """What to do this quarter: each top lever's action, then the first prerequisite."""
    levers = summary(audit).levers
    todo = [lv for lv in levers if lv.kind == "lever"][:QUARTER_ACTIONS]
    todo += [lv for lv in levers if lv.impact is None][: max(1, QUARTER_ACTIONS - len(todo))]
    return [action_text(lv, audit) for lv in todo]


def first_page(audit: Audit) -> dict[str, list[str]]:
    """The printable first page: the diagnosis, the top levers with money, this quarter's work."""
    return {
        "diagnosis": diagnosis(audit),
        "levers": top_levers(audit),
        "quarter": this_quarter(audit),
    }


def question_text(q: Question, lang: str) -> str:
    """One open question in lang."""
    p = q.params
    if "step" in p:
        return t(q.code, lang, step=p["step"], name=t(f"algo.{p['step']}", lang))
    if "pillar" in p:
        return t(q.code, lang, name=t(f"pillar.{p['pillar']}", lang))
    if q.code == "q.technologies":
        return t(q.code, lang, name=technologies.technology_label(p["key"], lang))
    if q.code == "q.control.crm":
        return t(q.code, lang, name=t(f"crm.{p['key']}", lang))
    return t(q.code, lang)


def open_questions_list(audit: Audit) -> list[dict[str, str]]:
    """The open questions for the next workshop: section key, client.yaml item, question in lang."""
    return [
        {"section": q.section, "item": q.item, "question": question_text(q, audit.lang)}
        for q in open_questions(audit)
    ]


def open_questions_note(audit: Audit) -> list[str]:
    """One sentence introducing the open questions (or saying there are none)."""
    n = len(open_questions(audit))
    return [t("sum.questions_intro" if n else "sum.questions_none", audit.lang, n=n)]


def open_questions_table(audit: Audit) -> pd.DataFrame | None:
    """The open questions grouped by report section, for display (None when there are none)."""
    lang = audit.lang
    rows = open_questions_list(audit)
    if not rows:
        return None
    return pd.DataFrame(
        {
            t("tbl.section", lang): [t(f"section.{r['section']}", lang) for r in rows],
            t("tbl.question", lang): [r["question"] for r in rows],
        }
    )


def findings(audit: Audit) -> dict[str, Any]:
    """The findings.json `summary` section (open questions in the report language)."""
    return {
        "headline": headline(audit),
        "first_page": first_page(audit),
        "recommendations": recommendations(audit),
        "top_lever": top_lever(audit),
        "open_questions": open_questions_list(audit),
    }
