"""Step 02: the technology catalogue, coverage per group, gaps and a prioritised roadmap."""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from salesaudit.i18n import fmt_pct, t
from salesaudit.inputs.audit import Audit
from salesaudit.inputs.catalogue import catalogue
from salesaudit.present.style import BAD, GOOD, NEUTRAL, styled
from salesaudit.steps import sales_model as model

GROUPS = ("internal", "external", "marketing", "personnel")
SCORE = {"in_place": 1.0, "partial": 0.5, "missing": 0.0}
GROUP_PRIORITY = {"internal": 0, "personnel": 1, "marketing": 2, "external": 3}


def applies(entry: dict[str, Any], sales_type: str) -> bool:
    """Whether a technology applies to the sales type."""
    return "all" in entry["applies"] or sales_type in entry["applies"]


def status_table(audit: Audit, sales_type: str | None = None) -> pd.DataFrame:
    """Every applicable technology with its status (canonical keys, for computation)."""
    stype = sales_type or model.decide(audit).sales_type
    given = audit.config.technologies
    rows = [
        {
            "key": k,
            "group": e["group"],
            "label": e[audit.lang] if audit.lang in e else e["en"],
            "status": given.get(k, "missing"),
        }
        for k, e in catalogue().items()
        if applies(e, stype)
    ]
    return pd.DataFrame(rows)


def unknown_keys(audit: Audit) -> list[str]:
    """Technology keys in client.yaml that the catalogue does not know."""
    return sorted(set(audit.config.technologies) - set(catalogue()))


def coverage(table: pd.DataFrame) -> dict[str, float]:
    """Share of applicable technologies in place per group (partial counts half)."""
    out = {}
    for g in GROUPS:
        sub = table[table["group"] == g]
        out[g] = round(float(sub["status"].map(SCORE).mean()), 3) if len(sub) else 0.0
    return out


def roadmap(table: pd.DataFrame) -> pd.DataFrame:
    """Missing and partial technologies, ordered: missing first, internal before external."""
    todo = table[table["status"] != "in_place"].copy()
    todo["rank"] = todo["status"].map({"missing": 0, "partial": 1}) * 10 + todo["group"].map(
        GROUP_PRIORITY
    )
    todo = todo.sort_values(["rank", "key"], kind="stable").reset_index(drop=True)
    todo["priority"] = range(1, len(todo) + 1)
    return todo.drop(columns="rank")


def roadmap_display(audit: Audit) -> pd.DataFrame:
    """The roadmap with translated headers and statuses."""
    lang = audit.lang
    r = roadmap(status_table(audit))
    return pd.DataFrame(
        {
            t("tbl.priority", lang): r["priority"],
            t("tbl.group", lang): [t(f"group.{g}", lang) for g in r["group"]],
            t("tbl.technology", lang): r["label"],
            t("tbl.status", lang): [t(f"status.{s}", lang) for s in r["status"]],
        }
    )


def coverage_chart(audit: Audit) -> go.Figure:
    """Coverage per group as bars 0–100%."""
    lang = audit.lang
    cov = coverage(status_table(audit))
    vals = [cov[g] for g in GROUPS]
    colors = [GOOD if v >= 0.7 else BAD if v < 0.4 else NEUTRAL for v in vals]
    fig = go.Figure(
        go.Bar(
            x=[t(f"group.{g}", lang) for g in GROUPS],
            y=vals,
            marker_color=colors,
            text=[fmt_pct(v, lang) for v in vals],
            textposition="outside",
        )
    )
    fig.update_yaxes(range=[0, 1.15], tickformat=".0%", title_text=t("tbl.coverage", lang))
    return styled(fig, t("chart.coverage", lang), lang, height=360)


def findings(audit: Audit) -> dict[str, Any]:
    """The findings.json `technologies` section."""
    table = status_table(audit)
    gaps = table[table["status"] == "missing"]["key"].tolist()
    return {"coverage": coverage(table), "gaps": gaps, "unknown_keys": unknown_keys(audit)}


def listing(lang: str = "en") -> pd.DataFrame:
    """The catalogue for `salesaudit technologies`."""
    return pd.DataFrame(
        [
            {
                "key": k,
                "group": e["group"],
                "applies": ",".join(e["applies"]),
                "label": e.get(lang, e["en"]),
            }
            for k, e in catalogue().items()
        ]
    )
