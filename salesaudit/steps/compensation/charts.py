"""Step 04, pay, in figures: pay curves (tiered vs marginal), cost of sales, the team's pay.

`curve_chart` and `cost_chart` take pay designs, not an audit: the report and the workshop's
pay panel draw through the same two functions.
"""

from __future__ import annotations

from dataclasses import replace

import plotly.graph_objects as go

from salesaudit.i18n import t
from salesaudit.inputs.audit import Audit
from salesaudit.present.style import NEUTRAL, PALETTE, styled
from salesaudit.steps.compensation.compute import PayPlan, compensation, curve, team_pay

OTHER = {"tiered": "marginal", "marginal": "tiered"}
# one colour per role on every pay chart
ROLE_COLOR = {"hunter": PALETTE[0], "closer": PALETTE[1], "farmer": PALETTE[2],
              "universal": PALETTE[4], "head": PALETTE[3]}  # fmt: skip
LEGEND_BELOW_TITLE = {"legend": {"y": -0.3}, "margin": {"b": 100}}  # the legend under the x title
COST_FROM = 0.3  # cost of sales is drawn from 30 % of plan (it runs to infinity near zero)


def curve_chart(
    plans: dict[str, PayPlan], lang: str, currency: str = "", other_kind: bool = True
) -> go.Figure:
    """Pay a month against plan attainment per role: the design's accelerator solid, the other
    kind (tiered vs marginal) dashed on the same chart."""
    fig = go.Figure()
    for role, plan in plans.items():
        color = ROLE_COLOR.get(role, PALETTE[7])
        kinds = [plan.kind, OTHER[plan.kind]] if other_kind else [plan.kind]
        for kind in kinds:
            df = curve(replace(plan, kind=kind))  # type: ignore[arg-type]
            fig.add_trace(
                go.Scatter(
                    x=df["attainment"] * 100,
                    y=df["total"],
                    mode="lines",
                    name=f"{t(f'role.{role}', lang)}: {t(f'pay.kind_short.{kind}', lang)}",
                    legendgroup=role,
                    line={"color": color, "dash": "solid" if kind == plan.kind else "dash"},
                )
            )
    if plans:
        first = next(iter(plans.values()))
        fig.add_vline(x=first.threshold * 100, line={"color": NEUTRAL, "dash": "dot"})
        fig.add_vline(x=100, line={"color": NEUTRAL, "dash": "dot"})
    fig.update_xaxes(title_text=t("pay.axis.attainment", lang), ticksuffix="%")
    fig.update_yaxes(title_text=t("pay.axis.pay", lang, currency=currency), rangemode="tozero")
    return styled(fig, t("pay.chart.curves", lang), lang, height=460).update_layout(
        **LEGEND_BELOW_TITLE
    )


def cost_chart(plans: dict[str, tuple[PayPlan, float | None]], lang: str) -> go.Figure:
    """Cost of sales (pay ÷ the role's revenue) against attainment, per role with a revenue."""
    fig = go.Figure()
    for role, (plan, revenue) in plans.items():
        if not revenue:
            continue
        df = curve(plan, revenue)
        df = df[df["attainment"] >= COST_FROM]
        fig.add_trace(
            go.Scatter(
                x=df["attainment"] * 100,
                y=df["cost_of_sales"] * 100,
                mode="lines",
                name=t(f"role.{role}", lang),
                line={"color": ROLE_COLOR.get(role, PALETTE[7])},
            )
        )
    fig.add_vline(x=100, line={"color": NEUTRAL, "dash": "dot"})
    fig.update_xaxes(title_text=t("pay.axis.attainment", lang), ticksuffix="%")
    fig.update_yaxes(title_text=t("pay.axis.cost", lang), ticksuffix="%", rangemode="tozero")
    return styled(fig, t("pay.chart.cost", lang), lang, height=420).update_layout(
        **LEGEND_BELOW_TITLE
    )


def pay_curves_chart(audit: Audit) -> go.Figure | None:
    """The client's pay curves per role, tiered vs marginal (None without target earnings)."""
    plans = {r.role: r.plan for r in compensation(audit).roles if r.plan is not None}
    if not plans:
        return None
    return curve_chart(plans, audit.lang, audit.config.currency)


def cost_of_sales_chart(audit: Audit) -> go.Figure | None:
    """The client's cost of sales per role against attainment (None without revenue per role)."""
    plans = {
        r.role: (r.plan, r.revenue_at_plan)
        for r in compensation(audit).roles
        if r.plan is not None and r.revenue_at_plan
    }
    return cost_chart(plans, audit.lang) if plans else None  # type: ignore[arg-type]


def team_pay_chart(audit: Audit) -> go.Figure | None:
    """Today's fixed payroll against the design's pay at the observed attainment, by role."""
    team, _ = team_pay(audit)
    if team is None or not team.payroll:
        return None
    lang = audit.lang
    by_role = team.people.groupby("role")[["fixed_pay", "pay"]].sum()
    order = [r for r in ROLE_COLOR if r in by_role.index]
    by_role = by_role.loc[order + [r for r in by_role.index if r not in ROLE_COLOR]]
    bars = [t("pay.today", lang), t("pay.design_short", lang)]
    fig = go.Figure()
    for role, row in by_role.iterrows():
        fig.add_trace(
            go.Bar(
                name=t(f"role.{role}", lang),
                x=bars,
                y=[row["fixed_pay"], row["pay"]],
                marker_color=ROLE_COLOR.get(str(role), PALETTE[7]),
            )
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text=t("pay.axis.pay", lang, currency=audit.config.currency))
    return styled(fig, t("pay.chart.team", lang), lang, height=380)
