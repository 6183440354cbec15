"""Step 01 words: the model's evidence, algorithm notes and tables in the report language."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from salesaudit.core.results import Finding
from salesaudit.i18n import fmt_pct, t
from salesaudit.inputs.audit import Audit
from salesaudit.inputs.catalogue import catalogue
from salesaudit.present.labels import keyed, keyed_list
from salesaudit.steps.sales_model.compute import (
    algorithm,
    assessed,
    decide,
    mistakes,
    mistakes_not_assessed,
    order_violations,
    pillar_checks,
    problems,
)
from salesaudit.steps.sales_model.compute import pillars as pillar_scores

# how each finding parameter is shown; a parameter not named here goes in as it is (plural counts)
_SHOW: dict[str, Callable[[Any, str], Any]] = {
    "share": lambda v, lang: fmt_pct(v, lang),
    "channels": lambda v, lang: keyed_list("channel", v, lang),
    "mode": lambda v, lang: t(f"mode.{v}", lang),
    "auto": lambda v, lang: t(f"mode.{v}", lang),
    "type": lambda v, lang: t(f"type.{v}", lang),
    "status": lambda v, lang: t(f"status.{v}", lang),
    "days": lambda v, lang: round(v),
    "open": lambda v, lang: ", ".join(t(f"m.open.{k}", lang) for k in v),
}


def sentence(finding: Finding, lang: str) -> str:
    """One sales-model finding as a sentence in lang."""
    shown = {k: _SHOW[k](v, lang) if k in _SHOW else v for k, v in finding.params.items()}
    return t(finding.code, lang, **shown)


def channel_label(channel: str, lang: str) -> str:
    """A channel's label: the catalogue's for a canonical key (cold_call), else as the client wrote it."""
    return keyed("channel", channel, lang)


def evidence(audit: Audit) -> list[str]:
    """Why the model and the sales type were chosen, as sentences."""
    return [sentence(f, audit.lang) for f in decide(audit).evidence]


def notes(audit: Audit) -> list[str]:
    """How much is assessed (when not all), order violations and typical mistakes as sentences."""
    done = assessed(audit)
    found = ([] if done is None else [done]) + problems(audit)
    return [sentence(f, audit.lang) for f in found]


def algorithm_table(audit: Audit) -> pd.DataFrame:
    """The seven steps with their status, for display."""
    lang = audit.lang
    return pd.DataFrame(
        [
            {
                t("tbl.step", lang): s["step"],
                "": t(f"algo.{s['step']}", lang),
                t("tbl.status", lang): t(f"status.{s['status']}", lang),
            }
            for s in algorithm(audit)
        ]
    )


def pillar_item_label(item: str, lang: str) -> str:
    """The label of one item of evidence behind a pillar, in lang."""
    head, _, rest = item.rpartition(".")
    if head == "control":
        return t("pillar.item.checkins" if rest == "checkins_per_day" else f"ct.{rest}", lang)
    if head == "control.crm":
        return t(f"crm.{rest}", lang)
    if head == "technologies":
        entry = catalogue()[rest]
        return t("pillar.item.technology", lang, name=entry.get(lang, entry["en"]))
    if head == "model.algorithm":
        return t("pillar.item.algorithm", lang, n=int(rest), name=t(f"algo.{rest}", lang))
    if head == "model.pillars":
        return t("pillar.item.self", lang)
    return t(f"pillar.item.{rest}", lang)


def pillar_table(audit: Audit) -> pd.DataFrame:
    """Per pillar: its score, how many evidence items are assessed, and the items falling short."""
    lang, scores = audit.lang, pillar_scores(audit)
    rows = []
    for k, score in scores.items():
        checks = [c for c in pillar_checks(audit) if c.pillar == k]
        rated = [(c.item, c.score) for c in checks if c.score is not None]
        short = [f"{pillar_item_label(i, lang)} ({round(100 * v)})" for i, v in rated if v < 1]
        rows.append(
            {
                t("tbl.pillar", lang): t(f"pillar.{k}", lang),
                t("tbl.score", lang): t("status.not_assessed", lang) if score is None else score,
                t("tbl.evidence", lang): t(
                    "pillar.assessed", lang, n=len(rated), total=len(checks)
                ),
                t("tbl.short_of", lang): "; ".join(short) or "—",
            }
        )
    return pd.DataFrame(rows)


def findings(audit: Audit) -> dict[str, Any]:
    """The findings.json `model` section (mistakes as English sentences; null = not assessed)."""
    r = decide(audit)
    steps = algorithm(audit)
    return {
        "mode": r.mode,
        "sales_type": r.sales_type,
        "inbound_share": r.inbound_share,
        "algorithm": steps,
        "order_violations": order_violations(steps),
        "mistakes": [t(f"mistake.{m}", "en") for m in mistakes(audit)],
        "mistakes_not_assessed": mistakes_not_assessed(audit),
        "pillars": pillar_scores(audit),
        "pillar_checks": [
            {"pillar": c.pillar, "item": c.item, "score": c.score} for c in pillar_checks(audit)
        ],
    }
