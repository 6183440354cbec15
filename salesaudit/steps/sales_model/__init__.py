"""Step 01: the sales model (active/passive, sales type), build-algorithm checks and four pillars."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from salesaudit.core.constants import PASSIVE_SHARE, PROJECT_CYCLE_DAYS
from salesaudit.i18n import fmt_num, fmt_pct, t
from salesaudit.inputs.audit import Audit
from salesaudit.present.style import BAD, GOOD, NEUTRAL, label, styled
from salesaudit.steps.funnel import compute as funnel


@dataclass
class ModelResult:
    """The sales-model decision with its evidence."""

    mode: str
    mode_auto: str
    inbound_share: float | None
    sales_type: str
    sales_type_auto: str
    median_cycle: float | None
    evidence: list[str] = field(default_factory=list)


def inbound_share(audit: Audit) -> float | None:
    """Share of deals from the client's inbound channels (None without channel data)."""
    deals = audit.table("deals")
    if deals is None or "channel" not in deals or deals["channel"].notna().sum() == 0:
        return None
    inbound = {c.casefold() for c in audit.config.model.inbound_channels}
    ch = deals["channel"].dropna().astype(str).str.casefold()
    return float(ch.isin(inbound).mean())


def decide(audit: Audit) -> ModelResult:
    """Decide mode and sales type from the answers and the data (DESIGN §7.1)."""
    cfg, lang = audit.config, audit.lang
    share = inbound_share(audit)
    mode_auto = "passive" if share is not None and share > PASSIVE_SHARE else "active"
    evidence = []
    if share is not None:
        evidence.append(
            t(
                "m.mode_evidence",
                lang,
                share=fmt_pct(share, lang),
                channels=", ".join(cfg.model.inbound_channels),
            )
        )
    else:
        evidence.append(t("m.mode_no_data", lang, mode=t(f"mode.{mode_auto}", lang)))
    mode = mode_auto if cfg.model.mode == "auto" else cfg.model.mode
    if mode != mode_auto:
        evidence.append(
            t(
                "m.mode_override",
                lang,
                mode=t(f"mode.{mode}", lang),
                auto=t(f"mode.{mode_auto}", lang),
            )
        )
    deals = audit.table("deals")
    med = funnel.cycle_summary(deals)["median"] if deals is not None else None
    if med is not None and med > PROJECT_CYCLE_DAYS:
        type_auto = "project"
    elif cfg.structure.regions > 1 and cfg.model.partners:
        type_auto = "regional"
    else:
        type_auto = "traditional"
    if med is not None:
        evidence.append(t("m.cycle_evidence", lang, days=fmt_num(med, lang)))
    if type_auto == "regional":
        evidence.append(t("m.regional_evidence", lang, regions=cfg.structure.regions))
    stype = type_auto if cfg.model.sales_type == "auto" else cfg.model.sales_type
    evidence.append(t("m.type_result", lang, type=t(f"type.{stype}", lang)))
    return ModelResult(mode, mode_auto, share, stype, type_auto, med, evidence)


def algorithm(audit: Audit) -> list[dict[str, Any]]:
    """The seven steps with their status (missing where not answered)."""
    answers = audit.config.model.algorithm
    return [{"step": s, "status": answers.get(s, "missing")} for s in range(1, 8)]


def order_violations(steps: list[dict[str, Any]]) -> list[dict[str, int]]:
    """Steps in place or partial while an earlier step is missing."""
    out = []
    for i, s in enumerate(steps):
        if s["status"] == "missing":
            continue
        earlier = [e["step"] for e in steps[:i] if e["status"] == "missing"]
        if earlier:
            out.append({"step": s["step"], "missing_before": earlier[0]})
    return out


def mistakes(audit: Audit) -> list[int]:
    """The methodology's typical mistakes (1–6) that the answers show."""
    m = audit.config.model
    st = {s["step"]: s["status"] for s in algorithm(audit)}
    found = []
    if st[1] == "missing" or st[2] == "missing":
        found.append(1)
    if m.hiring == "one_by_one":
        found.append(2)
    if m.work_control == "none" or st[4] == "missing":
        found.append(3)
    if m.motivation == "fixed_only":
        found.append(4)
    if m.training != "system" or st[6] == "missing":
        found.append(5)
    if m.last_review_months_ago > 3 or st[7] == "missing":
        found.append(6)
    return found


def pillars(audit: Audit) -> dict[str, int]:
    """Four pillars 0–100: the self-assessment, averaged with data evidence where it exists."""
    p = audit.config.model.pillars
    score = {k: getattr(p, k) / 4 * 100 for k in ("operations", "process", "coaching", "training")}
    has = {name: audit.table(name) is not None for name in ("plan", "activities", "stage_history")}
    ops_evidence = 50 * has["plan"] + 50 * has["activities"]
    score["operations"] = (score["operations"] + ops_evidence) / 2
    hist, deals = audit.table("stage_history"), audit.table("deals")
    if hist is not None and deals is not None:
        covered = deals["deal_id"].isin(hist["deal_id"]).mean() * 100
        score["process"] = (score["process"] + covered) / 2
    return {k: int(round(v)) for k, v in score.items()}


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


def notes(audit: Audit) -> list[str]:
    """Order violations and typical mistakes as sentences."""
    lang = audit.lang
    steps = algorithm(audit)
    status = {s["step"]: s["status"] for s in steps}
    out = [
        t(
            "m.violation",
            lang,
            step=v["step"],
            status=t(f"status.{status[v['step']]}", lang),
            earlier=v["missing_before"],
        )
        for v in order_violations(steps)
    ]
    out += [t(f"mistake.{m}", lang) for m in mistakes(audit)]
    return out


def channel_chart(audit: Audit) -> go.Figure | None:
    """Deals by channel, inbound and outbound coloured apart."""
    deals = audit.table("deals")
    if deals is None or "channel" not in deals:
        return None
    lang = audit.lang
    counts = deals["channel"].fillna("—").value_counts()
    inbound = {c.casefold() for c in audit.config.model.inbound_channels}
    colors = [GOOD if str(c).casefold() in inbound else NEUTRAL for c in counts.index]
    fig = go.Figure(
        go.Bar(
            x=[label(c) for c in counts.index],
            y=counts.values,
            marker_color=colors,
            hovertemplate="%{x}: %{y}<extra></extra>",
        )
    )
    fig.update_yaxes(title_text=t("chart.deals", lang))
    fig.add_annotation(
        text=f"■ {t('chart.inbound', lang)}",
        font_color=GOOD,
        showarrow=False,
        xref="paper",
        yref="paper",
        x=1,
        y=1.08,
        xanchor="right",
    )
    return styled(fig, t("chart.channels", lang), lang, height=380)


def pillars_chart(audit: Audit) -> go.Figure:
    """The four pillars as horizontal bars 0–100."""
    lang = audit.lang
    sc = pillars(audit)
    names = [t(f"pillar.{k}", lang) for k in sc]
    colors = [GOOD if v >= 60 else BAD if v < 40 else NEUTRAL for v in sc.values()]
    fig = go.Figure(
        go.Bar(
            x=list(sc.values()),
            y=names,
            orientation="h",
            marker_color=colors,
            text=list(sc.values()),
            textposition="outside",
        )
    )
    fig.update_xaxes(range=[0, 110], title_text=t("chart.score", lang))
    return styled(fig, t("chart.pillars", lang), lang, height=320)


def findings(audit: Audit) -> dict[str, Any]:
    """The findings.json `model` section."""
    r = decide(audit)
    steps = algorithm(audit)
    return {
        "mode": r.mode,
        "sales_type": r.sales_type,
        "inbound_share": r.inbound_share,
        "algorithm": steps,
        "order_violations": order_violations(steps),
        "mistakes": [t(f"mistake.{m}", "en") for m in mistakes(audit)],
        "pillars": pillars(audit),
    }
