"""Step 04 in figures: headcount now and needed, and the hiring plan."""

from __future__ import annotations

import plotly.graph_objects as go

from salesaudit.i18n import fmt_month, t
from salesaudit.inputs.audit import Audit
from salesaudit.present.style import PALETTE, styled
from salesaudit.steps.sizing.compute import SELLER_ROLES, plan


def headcount_chart(audit: Audit) -> go.Figure | None:
    """Grouped bars: headcount per role now and needed."""
    lang = audit.lang
    p = plan(audit)
    if p is None:
        return None
    roles = [*SELLER_ROLES, "head"]
    names = [t(f"role.{r}", lang) for r in roles]
    need = [p.required.get(r, 0) for r in SELLER_ROLES] + [p.heads]
    fig = go.Figure(
        [
            go.Bar(
                name=t("tbl.now", lang),
                x=names,
                y=[p.current.get(r, 0) for r in roles],
                marker_color=PALETTE[7],
            ),
            go.Bar(name=t("tbl.needed", lang), x=names, y=need, marker_color=PALETTE[0]),
        ]
    )
    fig.update_layout(barmode="group")
    fig.update_yaxes(title_text=t("chart.people", lang), dtick=1 if max(need + [1]) < 12 else None)
    return styled(fig, t("chart.headcount", lang), lang, height=380)


def hiring_chart(audit: Audit) -> go.Figure | None:
    """Hires per month as bars, headcount and productive FTE as lines (needs the team table)."""
    lang = audit.lang
    p = plan(audit)
    if p is None or not p.has_team:
        return None
    hp = p.hiring_plan
    months = [fmt_month(m, lang) for m in hp["month"]]
    fig = go.Figure(
        [
            go.Bar(name=t("tbl.hires", lang), x=months, y=hp["hires"], marker_color=PALETTE[1]),
            go.Scatter(
                name=t("s.headcount", lang),
                x=months,
                y=hp["headcount"],
                mode="lines+markers",
                line_color=PALETTE[0],
            ),
            go.Scatter(
                name=t("s.productive", lang),
                x=months,
                y=hp["productive"],
                mode="lines",
                line={"color": PALETTE[2], "dash": "dot"},
            ),
        ]
    )
    fig.update_yaxes(title_text=t("chart.people", lang), rangemode="tozero")
    fig.update_xaxes(type="category")
    return styled(fig, t("s.hiring", lang), lang, height=380)
