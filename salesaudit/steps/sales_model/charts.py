"""Step 01 figures: deals by channel and the four pillars."""

from __future__ import annotations

import plotly.graph_objects as go

from salesaudit.i18n import t
from salesaudit.inputs.audit import Audit
from salesaudit.present.labels import keyed
from salesaudit.present.style import BAD, GOOD, NEUTRAL, label, styled
from salesaudit.steps.sales_model.compute import channel_counts, pillars


def channel_chart(audit: Audit) -> go.Figure | None:
    """Deals by channel, inbound and outbound coloured apart."""
    counts = channel_counts(audit)
    if counts is None:
        return None
    lang = audit.lang
    fig = go.Figure(
        go.Bar(
            x=[label(keyed("channel", c, lang)) for c in counts.channels],
            y=list(counts.counts),
            marker_color=[GOOD if inb else NEUTRAL for inb in counts.inbound],
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


def pillars_chart(audit: Audit) -> go.Figure | None:
    """The assessed pillars as horizontal bars 0–100 (None when none is assessed)."""
    lang = audit.lang
    sc = {k: v for k, v in pillars(audit).items() if v is not None}
    if not sc:
        return None
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
