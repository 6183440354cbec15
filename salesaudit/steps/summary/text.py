"""Step 99 in words: the headline sentences, the recommendations and the findings.json section."""

from __future__ import annotations

from typing import Any

import pandas as pd

from salesaudit.core.results import Finding
from salesaudit.i18n import fmt_money, fmt_pct, t
from salesaudit.inputs.audit import Audit
from salesaudit.present.labels import mid_sentence
from salesaudit.steps import technologies
from salesaudit.steps.customers import text as customers_text
from salesaudit.steps.funnel.text import driver_label
from salesaudit.steps.summary.compute import Lever, Question, open_questions, summary


def _structure(main: str, second: str | None, lang: str) -> str:
    """The recommended structure and its secondary split in words."""
    s = t(f"structure.{main}", lang)
    return s + (f" + {t(f'structure.{second}', lang)}" if second else "")


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
    if f.code == "sum.abc":
        return t(f.code, lang, n=p["n"], share=fmt_pct(p["share"], lang))
    return t(f.code, lang, **p)


def headline(audit: Audit) -> list[str]:
    """The headline findings, one sentence each."""
    cur = audit.config.currency
    return [finding_text(f, audit.lang, cur) for f in summary(audit).headline]


def lever_text(lever: Lever, audit: Audit) -> str:
    """One recommendation as a sentence."""
    lang, p = audit.lang, lever.params
    money = fmt_money(lever.impact, lang, audit.config.currency)
    if lever.kind == "push":
        name = driver_label(p["driver"], audit.stage_keys, lang)
        return t("rec.push", lang, driver=mid_sentence(name, lang), v=money, h=p["h"])
    if lever.kind == "stage":
        a, b = t(f"stage.{p['a']}", lang), t(f"stage.{p['b']}", lang)
        if lever.impact is None or not p["h"]:
            return t("rec.stage_plain", lang, a=a, b=b)
        return t("rec.stage", lang, a=a, b=b, v=money, h=p["h"])
    if lever.kind == "tech":
        labels = technologies.status_table(audit).set_index("key")["label"]
        return t("rec.tech", lang, items="; ".join(labels[k] for k in p["keys"]))
    return t(f"rec.{lever.kind}", lang, **p)


def recommendations(audit: Audit) -> list[dict[str, Any]]:
    """Recommendations in priority order, each with its annual revenue impact where it can be computed."""
    return [{"text": lever_text(lv, audit), "impact": lv.impact} for lv in summary(audit).levers]


def recommendations_table(audit: Audit) -> pd.DataFrame:
    """Recommendations for display."""
    lang, cur = audit.lang, audit.config.currency
    recs = recommendations(audit)
    return pd.DataFrame(
        {
            "#": range(1, len(recs) + 1),
            t("tbl.recommendation", lang): [r["text"] for r in recs],
            t("tbl.effect", lang): [
                fmt_money(r["impact"], lang, cur) if r["impact"] is not None else "—" for r in recs
            ],
        }
    )


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
        "recommendations": recommendations(audit),
        "open_questions": open_questions_list(audit),
    }
