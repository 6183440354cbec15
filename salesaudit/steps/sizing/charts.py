"""Step 04 in figures: headcount per role now and needed, the hiring plan per role, revenue and
cost by month, the org chart today and recommended."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from salesaudit.i18n import fmt_month, t
from salesaudit.inputs.audit import Audit
from salesaudit.present.style import BAD, GOOD, PALETTE, label, styled
from salesaudit.steps.sizing.compute import SELLER_ROLES, plan
from salesaudit.steps.sizing.org import NEW_HEAD, org_recommended, org_today

ROLE_COLOURS = {"hunter": PALETTE[1], "closer": PALETTE[0], "farmer": PALETTE[2],
                "universal": PALETTE[4], "head": PALETTE[7]}  # fmt: skip


def headcount_chart(audit: Audit) -> go.Figure | None:
    """Grouped bars per role: today, needed on the productivity used, needed at the norm."""
    lang = audit.lang
    p = plan(audit)
    if p is None:
        return None
    roles = [*SELLER_ROLES, "head"]
    names = [t(f"role.{r}", lang) for r in roles]
    need = [p.required.get(r, 0) for r in SELLER_ROLES] + [p.heads]
    bars = [(t("tbl.now", lang), [p.current.get(r, 0) for r in roles], PALETTE[7])]
    bars.append((t("tbl.needed", lang), need, PALETTE[0]))
    if p.norm is not None:
        norm = [p.norm.required.get(r, 0) for r in SELLER_ROLES] + [p.norm.heads]
        bars.append((t("tbl.needed_norm", lang), norm, PALETTE[5]))
    fig = go.Figure([go.Bar(name=n, x=names, y=y, marker_color=c) for n, y, c in bars])
    fig.update_layout(barmode="group")
    top = max(max(y) for _, y, _ in bars)
    fig.update_yaxes(title_text=t("chart.people", lang), dtick=1 if top < 12 else None)
    return styled(fig, t("chart.headcount", lang), lang, height=380)


def hiring_figure(hp: pd.DataFrame, mon: pd.DataFrame, lang: str) -> go.Figure:
    """Hires per month stacked by role as bars, sellers and productive FTE as lines."""
    months = [fmt_month(m, lang) for m in mon["month"]]
    traces: list[go.Bar | go.Scatter] = []
    for role, rows in hp.groupby("role", sort=False):
        traces.append(
            go.Bar(
                name=f"{t('tbl.hires', lang)}: {t(f'role.{role}', lang).lower()}",
                x=[fmt_month(m, lang) for m in rows["month"]],
                y=rows["hires"],
                marker_color=ROLE_COLOURS.get(str(role), PALETTE[3]),
            )
        )
    lines = (
        ("s.headcount", "headcount", PALETTE[0], None),
        ("s.productive", "productive_fte", PALETTE[2], "dot"),
    )
    for key, col, colour, dash in lines:
        traces.append(
            go.Scatter(
                name=t(key, lang),
                x=months,
                y=mon[col],
                mode="lines+markers",
                line={"color": colour, "dash": dash},
            )  # fmt: skip
        )
    fig = go.Figure(traces)
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text=t("chart.people", lang), rangemode="tozero")
    fig.update_xaxes(type="category")
    return styled(fig, t("s.hiring", lang), lang, height=400)


def hiring_chart(audit: Audit) -> go.Figure | None:
    """Hires per month stacked by role, sellers and productive FTE (needs the team table)."""
    p = plan(audit)
    if p is None or not p.has_team or p.monthly is None:
        return None
    return hiring_figure(p.hiring_plan, p.monthly, audit.lang)


def revenue_cost_figure(
    mon: pd.DataFrame, target: float, cost_now: float | None, lang: str
) -> go.Figure:
    """By month: the revenue the productive team carries and the cost of sales, against the
    target and today's fixed payroll."""
    months = [fmt_month(m, lang) for m in mon["month"]]
    fig = go.Figure(
        [
            go.Bar(
                name=t("tbl.revenue", lang), x=months, y=mon["revenue"], marker_color=PALETTE[0]
            ),
            go.Bar(name=t("tbl.cost", lang), x=months, y=mon["cost"], marker_color=PALETTE[1]),
        ]
    )
    fig.add_hline(
        y=target, line_dash="dash", line_color=GOOD, annotation_text=t("chart.plan", lang)
    )
    if cost_now is not None:
        fig.add_hline(y=cost_now, line_dash="dot", line_color=BAD,
                      annotation_text=t("chart.cost_now", lang))  # fmt: skip
    fig.update_layout(barmode="group")
    fig.update_xaxes(type="category")
    return styled(fig, t("chart.revenue_cost", lang), lang, height=400)


def revenue_cost_chart(audit: Audit) -> go.Figure | None:
    """The revenue the productive team carries and the cost of sales by month (needs the team)."""
    p = plan(audit)
    if p is None or not p.has_team or p.monthly is None:
        return None
    return revenue_cost_figure(p.monthly, p.inputs.target, p.cost_now, audit.lang)


def _head_label(head: str, lang: str) -> str:
    """A head's name, '(no head)', or the head to hire ('To hire: Centre')."""
    if not head:
        return t("st.no_head_label", lang)
    if head.startswith(NEW_HEAD):
        return f"{t('chart.to_hire', lang)}: {head[len(NEW_HEAD) :]}"
    return label(head)


def _sunburst(rows: pd.DataFrame, lang: str, span: int) -> go.Sunburst:
    """Heads → roles (with region) → sellers; heads over the span or missing in red."""
    ids, labels, parents, values, colours = [], [], [], [], []
    for head, grp in rows.groupby("head", sort=False):
        n = int(grp["sellers"].sum())
        hid = f"h:{head}"
        ids.append(hid)
        labels.append(f"{_head_label(str(head), lang)} ({n})")
        parents.append("")
        values.append(n)
        colours.append(BAD if (not head or n > span) else PALETTE[7])
        for r in grp.itertuples():
            rid = f"{hid}/{r.region}/{r.role}"
            region = f" · {r.region}" if r.region else ""
            ids.append(rid)
            labels.append(f"{t(f'role.{r.role}', lang)}{region} ({r.sellers})")
            parents.append(hid)
            values.append(int(r.sellers))
            colours.append(ROLE_COLOURS.get(str(r.role), PALETTE[3]))
            for name in r.names:
                ids.append(f"{rid}/{name}")
                labels.append(label(name))
                parents.append(rid)
                values.append(1)
                colours.append(ROLE_COLOURS.get(str(r.role), PALETTE[3]))
    return go.Sunburst(ids=ids, labels=labels, parents=parents, values=values,
                       branchvalues="total", marker={"colors": colours}, insidetextorientation="radial")  # fmt: skip


def org_charts(audit: Audit) -> go.Figure | None:
    """Side by side: today's org chart (heads, their sellers by role and region; heads over the
    span and sellers without a head in red) and the recommended one (None without a team)."""
    lang, p = audit.lang, plan(audit)
    today = org_today(audit)
    if today is None or today.empty or p is None:
        return None
    span = audit.config.capacity.span
    moved = {m.name: m.to for m in p.moves} | {r.name: r.to for r in p.rotations}
    rec = org_recommended(audit, p.required, p.heads, moved)
    titles = (t("chart.org_today", lang), t("chart.org_recommended", lang))
    fig = make_subplots(1, 2, specs=[[{"type": "domain"}, {"type": "domain"}]],
                        subplot_titles=titles)  # fmt: skip
    fig.add_trace(_sunburst(today, lang, span), 1, 1)
    fig.add_trace(_sunburst(rec, lang, span), 1, 2)
    return styled(fig, t("chart.org", lang), lang, height=520)
