"""Step 02 figures: coverage per technology group."""

from __future__ import annotations

import plotly.graph_objects as go

from salesaudit.i18n import fmt_pct, t
from salesaudit.inputs.audit import Audit
from salesaudit.present.style import BAD, GOOD, NEUTRAL, styled
from salesaudit.steps.technologies.compute import GROUPS, assess


def coverage_chart(audit: Audit) -> go.Figure | None:
    """Coverage per group as bars 0–100%, rated groups only (None when nothing is rated)."""
    lang = audit.lang
    cov = assess(audit).coverage
    groups = [g for g in GROUPS if cov[g] is not None]
    if not groups:
        return None
    vals = [float(cov[g] or 0.0) for g in groups]
    colors = [GOOD if v >= 0.7 else BAD if v < 0.4 else NEUTRAL for v in vals]
    fig = go.Figure(
        go.Bar(
            x=[t(f"group.{g}", lang) for g in groups],
            y=vals,
            marker_color=colors,
            text=[fmt_pct(v, lang) for v in vals],
            textposition="outside",
        )
    )
    fig.update_yaxes(range=[0, 1.15], tickformat=".0%", title_text=t("tbl.coverage", lang))
    return styled(fig, t("chart.coverage", lang), lang, height=360)
