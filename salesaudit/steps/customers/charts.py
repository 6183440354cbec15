"""Step 06 in figures: the ABC-XYZ matrix and the ABC shares."""

from __future__ import annotations

import plotly.graph_objects as go

from salesaudit.i18n import fmt_money, t
from salesaudit.inputs.audit import Audit
from salesaudit.present.style import PALETTE, styled
from salesaudit.steps.customers.compute import abc_shares, cell_revenue, classify, matrix


def matrix_chart(audit: Audit) -> go.Figure | None:
    """The 3×3 matrix as an annotated heatmap of client counts."""
    cl = classify(audit)
    if cl is None:
        return None
    lang = audit.lang
    m, rev = matrix(cl), cell_revenue(cl)
    z = [[m[a + x] for x in "XYZ"] for a in "ABC"]
    text = [[f"{a}{x}: {m[a + x]}<br>{fmt_money(rev[a + x], lang)}" for x in "XYZ"] for a in "ABC"]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=list("XYZ"),
            y=list("ABC"),
            text=text,
            texttemplate="%{text}",
            colorscale=[[0, "#f4f7fb"], [1, PALETTE[0]]],
            showscale=False,
            hovertemplate="%{text}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    return styled(fig, t("chart.abcxyz", lang), lang, height=380)


def abc_chart(audit: Audit) -> go.Figure | None:
    """Share of clients vs share of revenue per ABC class."""
    cl = classify(audit)
    if cl is None:
        return None
    lang = audit.lang
    g = abc_shares(cl)
    fig = go.Figure(
        [
            go.Bar(
                name=t("chart.clients", lang),
                x=list("ABC"),
                y=g["clients"],
                marker_color=PALETTE[7],
            ),
            go.Bar(
                name=t("chart.revenue", lang),
                x=list("ABC"),
                y=g["revenue"],
                marker_color=PALETTE[0],
            ),
        ]
    )
    fig.update_layout(barmode="group")
    fig.update_yaxes(tickformat=".0%", title_text=t("chart.share", lang))
    return styled(fig, t("chart.abc", lang), lang, height=360)
