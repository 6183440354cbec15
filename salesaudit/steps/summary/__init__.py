"""Step 99: the executive summary — headline findings and recommendations with their impact."""

from __future__ import annotations

from typing import Any

import pandas as pd

from salesaudit.i18n import fmt_money, fmt_pct, t
from salesaudit.inputs.audit import Audit
from salesaudit.steps import customers, sizing, structure, technologies
from salesaudit.steps import sales_model as model
from salesaudit.steps.funnel.analysis import analyse
from salesaudit.steps.funnel.findings import findings as funnel_findings


def stage_impact(audit: Audit, stage: str) -> float | None:
    """Revenue over the forecast horizon (a year by default) from +10% on one stage's conversion."""
    sens = analyse(audit).sensitivity
    if sens is None:
        return None
    row = sens[sens["driver"] == f"conversion.{stage}"]
    return round(float(row["revenue_delta"].iloc[0]), 2) if len(row) else None


def _weakest(audit: Audit) -> tuple[str, str, float] | None:
    """The judged stage with the lowest conversion: (stage, next stage, conversion)."""
    if audit.table("deals") is None:
        return None
    st = analyse(audit).table
    if st is None:
        return None
    judged = st[~st["too_few"].astype(bool)].dropna(subset=["conversion_to_next"])
    if judged.empty:
        return None
    w = judged.loc[judged["conversion_to_next"].astype(float).idxmin()]
    return str(w.key), str(st.loc[w.name + 1, "key"]), float(w.conversion_to_next)


def headline(audit: Audit) -> list[str]:
    """The headline findings, one sentence each."""
    lang = audit.lang
    m = model.decide(audit)
    out = [
        t("sum.model", lang, mode=t(f"mode.{m.mode}", lang), type=t(f"type.{m.sales_type}", lang))
    ]
    weak = _weakest(audit)
    if weak:
        c = analyse(audit).counts
        assert c is not None  # a weakest stage implies counted deals
        out.append(
            t(
                "sum.funnel",
                lang,
                win=fmt_pct(c.win_rate, lang, 1),
                a=t(f"stage.{weak[0]}", lang),
                b=t(f"stage.{weak[1]}", lang),
                p=fmt_pct(weak[2], lang),
            )
        )
    fc = (
        (funnel_findings(audit) or {}).get("forecast") if audit.table("deals") is not None else None
    )
    target = audit.config.targets.revenue_per_month
    if fc and fc.get("p_target") is not None and target:
        cur = audit.config.currency
        out.append(
            t(
                "sum.forecast",
                lang,
                h=fc["horizon_months"],
                p50=fmt_money(fc["p50"], lang, cur),
                p10=fmt_money(fc["p10"], lang),
                p90=fmt_money(fc["p90"], lang),
                p=fmt_pct(fc["p_target"], lang),
                target=fmt_money(target * fc["horizon_months"], lang, cur),
            )
        )
    p = sizing.plan(audit)
    if p is not None and audit.table("team") is not None:
        out.append(t("sum.team", lang, need=p["sellers"], heads=p["heads"], now=p["now"]))
    elif p is not None:
        out.append(t("sum.team_unknown", lang, need=p["sellers"], heads=p["heads"]))
    main, second = structure.recommend(audit)
    s = t(f"structure.{main}", lang) + (f" + {t(f'structure.{second}', lang)}" if second else "")
    out.append(t("sum.structure", lang, s=s))
    steps = model.algorithm(audit)
    out.append(
        t("sum.algorithm", lang, v=len(model.order_violations(steps)), m=len(model.mistakes(audit)))
    )
    cl = customers.classify(audit)
    if cl is not None:
        a = cl.clients[cl.clients["abc"] == "A"]
        out.append(
            t(
                "sum.abc",
                lang,
                n=len(a),
                share=fmt_pct(a["revenue"].sum() / cl.clients["revenue"].sum(), lang),
            )
        )
    return out


def recommendations(audit: Audit) -> list[dict[str, Any]]:
    """Recommendations in priority order, each with its annual revenue impact where it can be computed."""
    lang, cur = audit.lang, audit.config.currency
    recs: list[dict[str, Any]] = []
    weak = _weakest(audit)
    if weak:
        impact = stage_impact(audit, weak[0])
        a, b = t(f"stage.{weak[0]}", lang), t(f"stage.{weak[1]}", lang)
        text = (
            t("rec.stage", lang, a=a, b=b, v=fmt_money(impact, lang, cur))
            if impact is not None
            else t("rec.stage_plain", lang, a=a, b=b)
        )
        recs.append({"text": text, "impact": impact})
    for v in structure.violations(audit):
        if v["kind"] == "over_span":
            recs.append(
                {
                    "text": t("rec.head", lang, head=v["head"], n=v["sellers"], span=v["span"]),
                    "impact": None,
                }
            )
    p = sizing.plan(audit)
    gap = p["sellers"] - p["now"] if p is not None and audit.table("team") is not None else 0
    if gap > 0:
        recs.append(
            {
                "text": t("rec.hire", lang, n=gap, b=audit.config.capacity.hiring_batch),
                "impact": None,
            }
        )
    road = technologies.roadmap(technologies.status_table(audit)).head(3)
    if len(road):
        recs.append({"text": t("rec.tech", lang, items="; ".join(road["label"])), "impact": None})
    mistakes = model.mistakes(audit)
    if 2 in mistakes:
        recs.append({"text": t("rec.batch", lang), "impact": None})
    if 6 in mistakes:
        recs.append({"text": t("rec.review", lang), "impact": None})
    return recs


def recommendations_table(audit: Audit) -> pd.DataFrame:
    """Recommendations for display."""
    lang = audit.lang
    recs = recommendations(audit)
    return pd.DataFrame(
        {
            "#": range(1, len(recs) + 1),
            t("tbl.recommendation", lang): [r["text"] for r in recs],
            t("tbl.effect", lang): [
                fmt_money(r["impact"], lang, audit.config.currency)
                if r["impact"] is not None
                else "—"
                for r in recs
            ],
        }
    )


def findings(audit: Audit) -> dict[str, Any]:
    """The findings.json `summary` section."""
    return {"headline": headline(audit), "recommendations": recommendations(audit)}
