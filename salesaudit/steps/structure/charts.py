"""Step 03 figures: sellers per head against the span of control."""

from __future__ import annotations

import plotly.graph_objects as go

from salesaudit.i18n import t
from salesaudit.inputs.audit import Audit
from salesaudit.present.style import BAD, GOOD, label, styled
from salesaudit.steps.structure.compute import span_table


def span_chart(audit: Audit) -> go.Figure | None:
    """Sellers per head, over-span bars in red, the span limit dashed."""
    tbl = span_table(audit)
    if tbl.empty:
        return None
    lang, span = audit.lang, audit.config.capacity.span
    names = [label(h) if h else t("st.no_head_label", lang) for h in tbl["head"]]
    colors = [
        BAD if (n > span or not h) else GOOD
        for h, n in zip(tbl["head"], tbl["sellers"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=names,
            y=tbl["sellers"],
            marker_color=colors,
            text=tbl["sellers"],
            textposition="outside",
        )
    )
    fig.add_hline(y=span, line_dash="dash", line_color="#555")
    fig.update_yaxes(
        title_text=t("tbl.sellers", lang), range=[0, max(int(tbl["sellers"].max()), span) + 2]
    )
    return styled(fig, t("chart.span", lang), lang, height=360)
