"""Step 06 in figures: the ABC-XYZ matrix and the ABC shares."""

from __future__ import annotations

import plotly.graph_objects as go

from salesaudit.i18n import fmt_money, t
from salesaudit.inputs.audit import Audit
from salesaudit.present.style import BAD, GOOD, PALETTE, styled
from salesaudit.steps.customers.compute import (
    abc_shares,
    cell_revenue,
    classify,
    matrix,
    migration,
)


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


def _stacked(sizes: list[float]) -> list[float]:
    """Vertical centres (0..1) of nodes stacked in order, each as tall as its share."""
    total = sum(sizes) or 1.0
    out, top = [], 0.0
    for s in sizes:
        out.append(min(max((top + s / 2) / total, 0.001), 0.999))
        top += s
    return out


def migration_sankey(audit: Audit) -> go.Figure | None:
    """Clients flowing from their previous cell (or new) to their current cell (or lost)."""
    mig = migration(audit)
    if mig is None or not mig.to_numpy().any():
        return None
    lang = audit.lang
    label = {"new": t("c.new", lang), "lost": t("c.lost", lang)}
    left, right = list(mig.index), list(mig.columns)
    nodes = [label.get(k, k) for k in left] + [label.get(k, k) for k in right]
    shade = {"A": PALETTE[0], "B": PALETTE[5], "C": PALETTE[7], "n": GOOD, "l": BAD}
    colors = [shade[k[0]] for k in left] + [shade[k[0]] for k in right]
    flow = {"lost": "rgba(181,68,63,0.45)", "new": "rgba(91,155,91,0.45)"}
    src, dst, val, tint = [], [], [], []
    for i, row in enumerate(left):
        for j, col in enumerate(right):
            v = int(mig.loc[row, col])
            if v:
                src.append(i)
                dst.append(len(left) + j)
                val.append(v)
                tint.append(flow.get(col, flow.get(row, "rgba(138,138,138,0.25)")))
    fig = go.Figure(
        go.Sankey(
            arrangement="snap",
            node={
                "label": nodes,
                "color": colors,
                "pad": 8,
                "thickness": 14,
                "x": [0.001] * len(left) + [0.999] * len(right),
                "y": _stacked(mig.sum(axis=1).tolist()) + _stacked(mig.sum(axis=0).tolist()),
            },
            link={"source": src, "target": dst, "value": val, "color": tint},
            valueformat="d",
        )
    )
    return styled(fig, t("chart.migration", lang), lang, height=560)
