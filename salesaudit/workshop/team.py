"""The trainer's team panel: sliders → headcount per role, hiring plan and cost of sales, live.

:func:`update` is the whole update step: it runs the report's own sizing functions
(`sizing.workload`, `sizing.required`, `sizing.schedule`, `sizing.monthly`)
on the slider values, so the panel at its starting values shows the report's figures.
:func:`app` builds the ipywidgets panel that ``notebooks/team_simulator.ipynb`` shows. The
client: the given client.yaml, else ``$SALESAUDIT_CLIENT``, else the demo client.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from salesaudit.i18n import fmt_money, fmt_num, fmt_pct, t
from salesaudit.inputs.audit import Audit, open_audit
from salesaudit.inputs.earnings import target_earnings
from salesaudit.steps import sizing
from salesaudit.steps.sizing.compute import monthly_cost
from salesaudit.steps.sizing.text import role_counts
from salesaudit.workshop.simulator import DEMO_CLIENT, ENV_CLIENT, slider

# slider key -> the Inputs field it moves (the rest of the levers are the plan's own)
INPUT_LEVERS = (
    "target",
    "average_deal",
    "meeting_to_contract",
    "contact_to_meeting",
    "call_to_contact",
    "closer_capacity",
    "hunter_capacity",
    "farmer_capacity",
)
PLAN_LEVERS = ("inbound_share", "ramp", "batch", "attrition")


@dataclass
class TeamState:
    """What the sliders say, and the client facts they act on."""

    audit: Audit
    inputs: sizing.Inputs
    inbound_share: float
    ramp: int
    batch: int
    attrition: float
    span: int
    repeat_sales: bool
    regional: int  # heads the regional matrix needs (the one heads figure's other half)
    months: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CostOfSales:
    """The needed team's pay a month at target earnings: per role, in all, as a share of the
    target revenue a month (None without a target or when a role has no target earnings)."""

    by_role: dict[str, float]
    total: float
    share: float | None


def cost_of_sales(audit: Audit, staff: sizing.Staffing, target: float) -> CostOfSales:
    """People per role (heads too) × the role's target earnings (`inputs.earnings`), summed and
    over the target: what the team panel's target and rate sliders move."""
    te = target_earnings(audit)
    need = {**{r: n for r, n in staff.required.items() if n}, "head": staff.heads}
    by_role = {r: n * te[r][0] for r, n in need.items() if n and r in te}
    total = monthly_cost(audit, staff)
    share = total / target if target > 0 and total == total else None
    return CostOfSales(by_role, total, share)


@dataclass(frozen=True)
class TeamOutput:
    """One update: people per role, the plan, its months, the figures and the sentence."""

    staff: sizing.Staffing
    start: dict[str, int]
    hiring_plan: pd.DataFrame
    monthly: pd.DataFrame
    ready: str | None
    cost_needed: float
    summary: str
    headcount_fig: go.Figure
    hiring_fig: go.Figure
    cost_fig: go.Figure
    elapsed: float = 0.0
    cost_of_sales: CostOfSales | None = None  # the cost at target earnings, per role and share


def initial(client_file: str | None = None, lang: str | None = None) -> TeamState:
    """The starting sliders: the report's sizing of the client ($SALESAUDIT_CLIENT, the demo)."""
    path = client_file or os.environ.get(ENV_CLIENT) or str(DEMO_CLIENT)
    audit = open_audit(path, language=lang or None)
    p = sizing.plan(audit)
    if p is None:
        raise ValueError(f"{path}: the team cannot be sized ({sizing.unsupported(audit)})")
    cap = audit.config.capacity
    months = sorted(p.hiring_plan["month"].unique())
    return TeamState(
        audit=audit,
        inputs=p.inputs,
        inbound_share=p.inputs.inbound_share or 0.0,
        ramp=cap.ramp_months,
        batch=cap.hiring_batch,
        attrition=cap.attrition,
        span=cap.span,
        repeat_sales=sizing.repeat_sales(audit)[0],
        regional=sizing.regional_heads(audit),
        months=months,
    )


def _headcount_figure(staff: sizing.Staffing, start: dict[str, int], lang: str) -> go.Figure:
    """People per role today (after the moves) and needed."""
    roles = [r for r in (*sizing.SELLER_ROLES, "head") if staff.required.get(r) or start.get(r)]
    need = {**staff.required, "head": staff.heads}
    names = [t(f"role.{r}", lang) for r in roles]
    fig = go.Figure(
        [
            go.Bar(name=t("tbl.after_moves", lang), x=names, y=[start.get(r, 0) for r in roles]),
            go.Bar(name=t("tbl.needed", lang), x=names, y=[need.get(r, 0) for r in roles]),
        ]
    )
    fig.update_layout(barmode="group")
    fig.update_yaxes(title_text=t("chart.people", lang))
    return fig


def update(state: TeamState) -> TeamOutput:
    """One step: size the team on the sliders, plan the hires, cost them (the report's functions)."""
    t0 = time.perf_counter()
    a, lang = state.audit, state.audit.lang
    inp = replace(state.inputs, inbound_share=state.inbound_share)
    work = sizing.workload(inp)
    staff = sizing.required(inp, work, state.repeat_sales, state.span, state.regional)
    sch = sizing.schedule(
        a, staff, state.repeat_sales, state.months, state.batch, state.ramp, state.attrition
    )
    start, hp, ready = sch.start, sch.hiring_plan, sch.ready
    mon = sizing.monthly(a, hp, staff, inp.target)
    cos = cost_of_sales(a, staff, inp.target)
    cost = cos.total
    cur_money = a.config.currency
    summary = t(
        "team.sim.summary",
        lang,
        sellers=staff.sellers,
        by=role_counts(staff.required, lang),
        heads=staff.heads,
        hires=int(hp.loc[hp["role"] != "head", "hires"].sum()),
        hh=int(hp.loc[hp["role"] == "head", "hires"].sum()),
        ready=ready or "—",
        cost=fmt_money(cost, lang, cur_money),
        share=fmt_pct(cos.share, lang, 1) if cos.share is not None else "—",
        now=fmt_money(sizing.fixed_payroll(a), lang, cur_money),
    )
    return TeamOutput(
        staff=staff,
        start=start,
        hiring_plan=hp,
        monthly=mon,
        ready=ready,
        cost_needed=cost,
        summary=summary,
        cost_of_sales=cos,
        headcount_fig=_headcount_figure(staff, start, lang),
        hiring_fig=sizing.hiring_figure(hp, mon, lang),
        cost_fig=sizing.revenue_cost_figure(mon, inp.target, sizing.fixed_payroll(a), lang),
        elapsed=time.perf_counter() - t0,
    )


def with_levers(state: TeamState, **levers: float) -> TeamState:
    """The state with some levers moved (INPUT_LEVERS and PLAN_LEVERS by name)."""
    bad = set(levers) - set(INPUT_LEVERS) - set(PLAN_LEVERS)
    if bad:
        raise ValueError(f"unknown levers: {sorted(bad)}")
    moved: dict[str, Any] = {k: float(v) for k, v in levers.items() if k in INPUT_LEVERS}
    inp = replace(state.inputs, **moved)
    return replace(
        state,
        inputs=inp,
        inbound_share=float(levers.get("inbound_share", state.inbound_share)),
        ramp=int(levers.get("ramp", state.ramp)),
        batch=int(levers.get("batch", state.batch)),
        attrition=float(levers.get("attrition", state.attrition)),
    )


# --------------------------------------------------------------------------------------
# the widgets


def slider_specs(state: TeamState) -> dict[str, tuple[str, float, float, float, float]]:
    """Each lever's label, value, minimum, maximum and step around the starting values."""
    lang, inp = state.audit.lang, state.inputs
    rate = {"min": 0.01, "max": 1.0, "step": 0.005}
    specs = {
        "target": (t("funnel.sim.target", lang), inp.target, 0.0, inp.target * 3,
                   max(inp.target / 100, 1.0)),
        "average_deal": (t("funnel.sim.average_deal", lang), inp.average_deal,
                         inp.average_deal / 10, inp.average_deal * 3, max(inp.average_deal / 100, 1.0)),
        "inbound_share": (t("team.sim.inbound", lang), state.inbound_share, 0.0, 1.0, 0.01),
        "closer_capacity": (t("team.sim.closer", lang), inp.closer_capacity, 5.0, 80.0, 1.0),
        "hunter_capacity": (t("team.sim.hunter", lang), inp.hunter_capacity, 100.0,
                            max(4000.0, inp.hunter_capacity * 2), 10.0),
        "farmer_capacity": (t("team.sim.farmer", lang), inp.farmer_capacity, 5.0,
                            max(200.0, inp.farmer_capacity * 2), 1.0),
        "ramp": (t("team.sim.ramp", lang), state.ramp, 0, 12, 1),
        "batch": (t("team.sim.batch", lang), state.batch, 1, 10, 1),
        "attrition": (t("team.sim.attrition", lang), state.attrition, 0.0, 1.0, 0.01),
    }  # fmt: skip
    for k in ("meeting_to_contract", "contact_to_meeting", "call_to_contact"):
        specs[k] = (t(f"assumption.capacity.rates.{k}", lang), getattr(inp, k), rate["min"],
                    rate["max"], rate["step"])  # fmt: skip
    return specs


def readout(key: str, value: float, state: TeamState) -> str:
    """A slider's value as the session language writes it."""
    lang = state.audit.lang
    if key in ("target", "average_deal"):
        return fmt_money(value, lang, state.audit.config.currency)
    if key in ("inbound_share", "attrition", "meeting_to_contract", "contact_to_meeting",
               "call_to_contact"):  # fmt: skip
        return fmt_pct(value, lang, 1)
    return fmt_num(value, lang)


def read(value: float, start: float, step: float) -> float:
    """A slider's value, or the exact starting one when the slider only rounded it."""
    return start if abs(float(value) - float(start)) <= float(step) / 2 else float(value)


class TeamPanel:
    """The live panel: sliders on the left; headcount, hiring plan and cost on the right."""

    def __init__(self, state: TeamState) -> None:
        """Build the widgets from the starting state and draw the first update."""
        import html

        import ipywidgets as w

        self.start, self.state = state, state
        self.sliders: dict[str, Any] = {}
        self.values: dict[str, Any] = {}
        rows = []
        for key, (label, value, lo, hi, step) in slider_specs(state).items():
            s = slider(value, lo, hi, step, integer=key in ("ramp", "batch"))
            s.observe(self._on_change, names="value")
            self.sliders[key], self.values[key] = s, w.HTML(layout=w.Layout(width="9em"))
            name = w.HTML(html.escape(label), layout=w.Layout(width="15em"))
            rows.append(w.HBox([name, s, self.values[key]]))
        self.summary = w.HTML()
        self.outs = [w.Output(), w.Output(), w.Output()]
        lang = state.audit.lang
        title = w.HTML(
            f"<h2>{html.escape(t('team.sim.title', lang))}</h2>"
            f"<p>{html.escape(t('team.sim.intro', lang))}</p>"
        )
        charts = w.VBox([self.summary, *self.outs], layout=w.Layout(flex="1 1 auto"))
        body = w.HBox([w.VBox(rows), charts], layout=w.Layout(flex_flow="row wrap"))
        self.widget = w.VBox([title, body])
        self.last: TeamOutput | None = None
        self.refresh()

    def _on_change(self, _change: dict[str, Any]) -> None:
        """Any slider moved: redraw."""
        self.refresh()

    def refresh(self) -> TeamOutput:
        """Read the sliders, update, and redraw."""
        import html

        from IPython.display import display

        specs = slider_specs(self.start)
        levers = {k: read(s.value, specs[k][1], specs[k][4]) for k, s in self.sliders.items()}
        self.state = with_levers(self.start, **levers)
        for k, label in self.values.items():
            label.value = html.escape(readout(k, float(self.sliders[k].value), self.state))
        out = update(self.state)
        self.last = out
        self.summary.value = f"<b>{html.escape(out.summary)}</b>"
        for o, fig in zip(
            self.outs, (out.headcount_fig, out.hiring_fig, out.cost_fig), strict=True
        ):
            with o:
                o.clear_output(wait=True)
                display(fig)
        return out


def app(client_file: str | None = None, lang: str | None = None) -> Any:
    """The team panel's widget, started from a client (or $SALESAUDIT_CLIENT, or the demo)."""
    return TeamPanel(initial(client_file or None, lang or None)).widget


def panel(state: TeamState) -> Any:
    """The team panel's widget for a starting state (the notebook keeps the state's audit for
    the pay panel)."""
    return TeamPanel(state).widget
