"""The workshop's pay panel: sliders for the pay design redraw the pay curves and cost of sales.

The panel draws through the report's own functions (`steps.compensation`: `pay_plan`, `curve`,
`curve_chart`, `cost_chart`), so a design moved live is priced exactly as the report prices it.
The lead wires `pay_panel(audit)` into a notebook.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

import plotly.graph_objects as go

from salesaudit.core import constants as C
from salesaudit.i18n import fmt_money, fmt_num, fmt_pct, t
from salesaudit.inputs.audit import Audit
from salesaudit.steps.compensation import compensation, cost_chart, curve_chart, pay
from salesaudit.steps.compensation.compute import PayPlan
from salesaudit.workshop.simulator import slider


@dataclass(frozen=True)
class PayState:
    """The pay design the sliders describe, and each role's target earnings and revenue at plan."""

    lang: str
    currency: str
    roles: dict[str, tuple[float, float | None]] = field(hash=False)  # role: (earnings, revenue)
    fixed: float = C.PAY_MIX["fixed"].value
    soft: float = C.PAY_MIX["soft"].value
    threshold: float = 0.7
    accel_from: float = 1.0
    accel_rate: float = 1.5
    kind: Literal["tiered", "marginal"] = "tiered"
    cap: float = 2.0
    decel_rate: float = 0.0  # 0: no decelerator

    @property
    def bonus(self) -> float:
        """The bonus share: what the fixed and soft parts leave."""
        return max(0.0, 1.0 - self.fixed - self.soft)


@dataclass(frozen=True)
class PayOutput:
    """What one update draws: the curves, the cost of sales, pay at plan and a summary line."""

    curves_fig: go.Figure
    cost_fig: go.Figure
    pay_at_plan: dict[str, float]
    cost_at_plan: dict[str, float | None]
    summary: str


# the design's parts the sliders move, the same names on PayState and PayPlan
SHARED = ("fixed", "soft", "threshold", "accel_from", "accel_rate", "kind", "cap")


def initial(audit: Audit) -> PayState:
    """The panel's starting state: the client's design and the roles the report prices."""
    c = compensation(audit)
    roles = {r.role: (r.plan.target, r.revenue_at_plan) for r in c.roles if r.plan is not None}
    plan = next((r.plan for r in c.roles if r.plan is not None), PayPlan(target=0.0))
    return PayState(
        lang=audit.lang,
        currency=audit.config.currency,
        roles=roles,
        decel_rate=plan.decel_rate or 0.0,
        **{k: getattr(plan, k) for k in SHARED},
    )


def plan_of(state: PayState, target: float) -> PayPlan:
    """The pay design of the state for one role's target earnings."""
    parts = {k: getattr(state, k) for k in SHARED}
    return PayPlan(target=target, bonus=state.bonus, decel_rate=state.decel_rate or None, **parts)


def update(state: PayState) -> PayOutput:
    """Redraw the pay curves and the cost of sales for the state's design."""
    plans = {role: plan_of(state, te) for role, (te, _) in state.roles.items()}
    at_plan = {role: pay(1.0, p).total for role, p in plans.items()}
    cost = {role: (at_plan[role] / rev if rev else None) for role, (_, rev) in state.roles.items()}
    lang, cur = state.lang, state.currency
    summary = "; ".join(
        f"{t(f'role.{r}', lang)}: {fmt_money(at_plan[r], lang, cur)}"
        + (f" ({fmt_pct(cost[r], lang, 1)})" if cost[r] is not None else "")
        for r in plans
    )
    with_revenue = {r: (p, state.roles[r][1]) for r, p in plans.items()}
    return PayOutput(
        curves_fig=curve_chart(plans, lang, cur),
        cost_fig=cost_chart(with_revenue, lang),
        pay_at_plan=at_plan,
        cost_at_plan=cost,
        summary=t("pay.ws.summary", lang, roles=summary),
    )


# (key, minimum, maximum, step) of each slider; `kind` is a toggle
SLIDERS = (
    ("fixed", 0.0, 1.0, 0.05),
    ("soft", 0.0, 0.5, 0.05),
    ("threshold", 0.0, 1.0, 0.05),
    ("accel_from", 0.8, 1.5, 0.05),
    ("accel_rate", 1.0, 3.0, 0.1),
    ("cap", 1.0, 4.0, 0.1),
    ("decel_rate", 0.0, 1.0, 0.05),
)


def readout(key: str, value: float, state: PayState) -> str:
    """A slider's value as the session language writes it (shares in %)."""
    if key in ("accel_rate", "cap"):
        return "× " + fmt_num(value, state.lang, 1)
    if key == "decel_rate" and value == 0:
        return t("pay.ws.none", state.lang)
    return fmt_pct(value, state.lang)


def state_from_sliders(state: PayState, sliders: dict[str, Any]) -> PayState:
    """The state the sliders describe (soft shrinks so that fixed + soft never exceed 1)."""
    v = {key: float(sliders[key].value) for key, *_ in SLIDERS}
    return replace(
        state,
        kind=sliders["kind"].value,
        fixed=v["fixed"],
        soft=min(v["soft"], 1.0 - v["fixed"]),
        threshold=v["threshold"],
        accel_from=v["accel_from"],
        accel_rate=v["accel_rate"],
        cap=v["cap"],
        decel_rate=v["decel_rate"],
    )


class PayPanel:
    """The live pay panel: sliders on the left, pay curves and cost of sales on the right."""

    def __init__(self, state: PayState) -> None:
        """Build the widgets from the starting state and draw the first curves."""
        import ipywidgets as w

        lang = state.lang
        self.state = state
        self.sliders: dict[str, Any] = {
            key: slider(getattr(state, key), lo, hi, step) for key, lo, hi, step in SLIDERS
        }
        self.sliders["kind"] = w.ToggleButtons(
            options=[(t(f"pay.kind_short.{k}", lang), k) for k in ("tiered", "marginal")],
            value=state.kind,
        )
        self.values = {key: w.HTML() for key, *_ in SLIDERS}
        rows = [
            w.HBox([w.HTML(t(f"pay.ws.{key}", lang), layout=w.Layout(width="14em")),
                    self.sliders[key], self.values.get(key, w.HTML())])
            for key in self.sliders
        ]  # fmt: skip
        self.summary, self.out_curves, self.out_cost = w.HTML(), w.Output(), w.Output()
        self.last: PayOutput | None = None
        for s in self.sliders.values():
            s.observe(self._on_change, names="value")
        title = w.HTML(f"<h3>{t('pay.ws.title', lang)}</h3>")
        charts = w.VBox([self.summary, self.out_curves, self.out_cost])
        self.widget = w.VBox([title, w.HBox([w.VBox(rows), charts])])
        self.refresh()

    def _on_change(self, _change: dict[str, Any]) -> None:
        """Any slider moved: redraw."""
        self.refresh()

    def refresh(self) -> PayOutput:
        """Read the sliders, update and redraw."""
        import html

        from IPython.display import display

        self.state = state_from_sliders(self.state, self.sliders)
        for key, label in self.values.items():
            label.value = html.escape(readout(key, getattr(self.state, key), self.state))
        out = update(self.state)
        self.last = out
        self.summary.value = f"<b>{html.escape(out.summary)}</b>"
        for o, fig in ((self.out_curves, out.curves_fig), (self.out_cost, out.cost_fig)):
            with o:
                o.clear_output(wait=True)
                display(fig)
        return out


def pay_panel(audit: Audit) -> Any:
    """The pay panel's widget for an audit (the client's design as the starting point)."""
    return PayPanel(initial(audit)).widget
