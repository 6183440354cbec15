"""The trainer's funnel simulator: slider state → forecast, funnel and reverse funnel.

:func:`update` is the whole update step (the notebook's widgets call it; the tests drive
and time it: well under 200 ms). :func:`app` builds the ipywidgets interface that
``notebooks/simulator.ipynb`` shows; :func:`workshop_command` is what
``salesaudit workshop [CLIENT.yaml] [--lab]`` runs (Voilà, or JupyterLab with --lab).

The starting point is the client's funnel (from its client.yaml), else
``$SALESAUDIT_CLIENT``, else the demo client (``data/demo/client.yaml``), else stated
example rates.
"""

from __future__ import annotations

import math
import os
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from salesaudit.core.names import STAGE_KEYS
from salesaudit.i18n import fmt_money, fmt_num, fmt_pct, t
from salesaudit.inputs.audit import open_audit
from salesaudit.present.style import BAD, PALETTE, styled
from salesaudit.steps.funnel import forecast as fmod
from salesaudit.steps.funnel import text as ft
from salesaudit.steps.funnel.analysis import analyse
from salesaudit.steps.funnel.charts import fan_chart
from salesaudit.steps.funnel.reverse import closers_needed, stage_activity

ENV_CLIENT = "SALESAUDIT_CLIENT"
PACKAGE = Path(__file__).resolve().parents[1]
NOTEBOOK = PACKAGE / "notebooks" / "simulator.ipynb"
DEMO_CLIENT = PACKAGE.parent / "data" / "demo" / "client.yaml"  # in a checkout
EXAMPLE: dict[str, Any] = {  # stated example rates when there is no client and no demo
    "new_deals": 120.0,
    "conversions": [0.6, 0.55, 0.7, 0.6, 0.5],
    "average_deal": 180_000.0,
    "cycle_days": 45.0,
    "closers": 4,
    "target": 2_000_000.0,
}


@dataclass
class SimState:
    """What the sliders say."""

    stages: list[str]
    new_deals: float
    conversions: list[float]
    average_deal: float
    cycle_days: float
    closers: int
    meetings_per_closer: float
    target: float
    horizon: int = 12
    scenarios: int = 3000
    seed: int = 42
    lang: str = "en"
    currency: str = ""
    mode: str = "forward"  # forward | reverse
    source: str = "example"


@dataclass
class SimOutput:
    """One update: the forecast, the figures and the numbers the interface shows."""

    result: fmod.ForecastResult
    p_target: float | None
    meetings: float  # meetings a month the new deals call for
    capacity: float  # meetings a month the closers can hold
    new_deals_effective: float  # new deals a month the closers can serve
    reverse: list[dict[str, Any]]
    closers_needed: int | None
    funnel_fig: go.Figure
    fan_fig: go.Figure
    summary: str
    reverse_summary: str
    elapsed: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)


def _first_contact(stages: list[str]) -> int | None:
    return stages.index("first_contact") if "first_contact" in stages else None


def meetings_per_month(state: SimState) -> float:
    """Meetings with a decision maker the new deals produce a month."""
    i = _first_contact(state.stages)
    if i is None:
        return float(state.new_deals)
    return float(state.new_deals * np.prod(state.conversions[:i]))


def initial(
    client_file: str | os.PathLike[str] | None = None, lang: str | None = None
) -> tuple[SimState, fmod.ForecastModel]:
    """The starting sliders and the base forecast model: client, $SALESAUDIT_CLIENT, demo,
    or the stated example rates."""
    path = (
        client_file
        or os.environ.get(ENV_CLIENT)
        or (str(DEMO_CLIENT) if DEMO_CLIENT.is_file() else None)
    )
    if path:
        return _from_client(Path(path), lang)
    stages = list(STAGE_KEYS)
    e = EXAMPLE
    start = (pd.Timestamp.today().to_period("M") + 1).to_timestamp()
    model = fmod.model_from_rates(
        stages, e["new_deals"], e["conversions"], e["average_deal"], e["cycle_days"], start=start
    )
    state = SimState(
        stages=stages,
        new_deals=e["new_deals"],
        conversions=list(e["conversions"]),
        average_deal=e["average_deal"],
        cycle_days=e["cycle_days"],
        closers=int(e["closers"]),
        meetings_per_closer=40.0,
        target=e["target"],
        lang=lang or "en",
        source="example",
    )
    return state, model


def _from_client(path: Path, lang: str | None) -> tuple[SimState, fmod.ForecastModel]:
    """Start from a client's funnel history."""
    audit = open_audit(path, language=lang)
    fa = analyse(audit)  # the report's own funnel result: the same model, rates and closers
    if fa.counts is None:
        raise ValueError(f"{path}: the simulator needs a deals table")
    if fa.model is None:
        raise ValueError(
            f"{path}: the funnel history cannot support a forecast ({fa.forecast_reason})"
        )
    model = fa.model
    stages = audit.stage_keys
    closers = fa.meeting_rate.sellers if fa.meeting_rate is not None else None
    cfg = audit.config
    run = model.run_rate()
    state = SimState(
        stages=stages,
        new_deals=round(model.inflow_mean, 1),
        conversions=[round(float(x), 3) for x in model.conv_mean],
        average_deal=round(model.mean_size, -2) or model.mean_size,
        cycle_days=round(model.median_cycle or 30.0, 0),
        closers=int(closers or 1),
        meetings_per_closer=float(cfg.capacity.closer_meetings_per_month),
        target=float(cfg.targets.revenue_per_month or round(run * 1.2, -3) or 1.0),
        horizon=cfg.funnel.horizon_months,
        seed=cfg.seed,
        lang=audit.lang,
        currency=cfg.currency,
        source=str(path),
    )
    return state, model


def _funnel_figure(
    state: SimState, new_eff: float, capacity: float, needed: list[dict[str, Any]] | None
) -> go.Figure:
    """Expected deals a month at each stage (and, in reverse mode, what the target needs)."""
    lang = state.lang
    names = [ft.stage_label(k, lang) for k in state.stages]
    per = new_eff * np.r_[1.0, np.cumprod(state.conversions)]
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            y=names,
            x=per,
            orientation="h",
            name=t("funnel.chart.today", lang),
            marker_color=PALETTE[0],
            text=[fmt_num(v, lang, 1) for v in per],
            textposition="auto",
        )
    )
    if needed is not None:
        nv = [r["needed"] for r in needed]
        fig.add_trace(
            go.Bar(
                y=names,
                x=nv,
                orientation="h",
                name=t("funnel.chart.needed", lang),
                marker_color=PALETTE[1],
                text=[fmt_num(v, lang, 1) for v in nv],
                textposition="auto",
            )
        )
    i = _first_contact(state.stages)
    if i is not None:
        fig.add_trace(
            go.Scatter(
                x=[capacity, capacity],
                y=[names[i], names[i]],
                mode="markers",
                marker={"symbol": "line-ns", "size": 30, "line": {"width": 3, "color": BAD}},
                name=t("funnel.chart.capacity", lang),
            )
        )
    fig.update_layout(barmode="group")
    fig.update_yaxes(autorange="reversed")
    return styled(fig, t("funnel.chart.sim_funnel", lang), lang, height=380)


def update(model: fmod.ForecastModel, state: SimState) -> SimOutput:
    """One simulator step: apply the sliders, forecast, and build both figures."""
    t0 = time.perf_counter()
    lang = state.lang
    meetings = meetings_per_month(state)
    capacity = float(state.closers * state.meetings_per_closer)
    new_eff = state.new_deals * (min(1.0, capacity / meetings) if meetings > 0 else 1.0)
    m = model.with_levers(
        new_deals=new_eff,
        conversions=state.conversions,
        average_deal=state.average_deal,
        cycle_days=state.cycle_days,
    )
    t1 = time.perf_counter()
    res = fmod.simulate(
        m,
        horizon=state.horizon,
        scenarios=state.scenarios,
        seed=state.seed,
        target_per_month=state.target or None,
    )
    t2 = time.perf_counter()
    needed, n_closers = None, None
    try:
        needed = stage_activity(state.target, state.average_deal, state.stages, state.conversions)
        i = _first_contact(state.stages)
        meet_needed = needed[i]["needed"] if i is not None else needed[0]["needed"]
        n_closers = closers_needed(meet_needed, state.meetings_per_closer)
    except ValueError:
        needed = None
    funnel_fig = _funnel_figure(
        state, new_eff, capacity, needed if state.mode == "reverse" else None
    )
    fan = fan_chart(res, lang, state.currency, state.target or None)
    t3 = time.perf_counter()
    summary = t(
        "funnel.sim.summary",
        lang,
        h=state.horizon,
        p50=fmt_money(res.total_q[1], lang, state.currency),
        p10=fmt_money(res.total_q[0], lang, state.currency),
        p90=fmt_money(res.total_q[2], lang, state.currency),
        p=fmt_pct(res.p_target, lang),
        meet=fmt_num(meetings, lang),
        cap=fmt_num(capacity, lang),
    )
    rev_summary = ""
    if needed is not None:
        i = _first_contact(state.stages)
        rev_summary = t(
            "funnel.sim.reverse_summary",
            lang,
            target=fmt_money(state.target, lang, state.currency),
            contracts=fmt_num(needed[-1]["needed"], lang, 1),
            meetings=fmt_num(needed[i if i is not None else 0]["needed"], lang),
            closers=n_closers,
            now=state.closers,
        )
    return SimOutput(
        result=res,
        p_target=res.p_target,
        meetings=meetings,
        capacity=capacity,
        new_deals_effective=new_eff,
        reverse=needed or [],
        closers_needed=n_closers,
        funnel_fig=funnel_fig,
        fan_fig=fan,
        summary=summary,
        reverse_summary=rev_summary,
        elapsed=time.perf_counter() - t0,
        timings={"levers": t1 - t0, "forecast": t2 - t1, "figures": t3 - t2},
    )


# --------------------------------------------------------------------------------------
# the widgets


def _sliders(state: SimState) -> dict[str, Any]:
    """One widget per lever, ranged around the starting values."""
    import ipywidgets as w

    lang = state.lang
    style = {"description_width": "19em"}
    layout = w.Layout(width="40em")

    def fs(
        desc: str, value: float, lo: float, hi: float, step: float, fmt: str = ".0f"
    ) -> w.FloatSlider:
        return w.FloatSlider(
            value=value,
            min=lo,
            max=hi,
            step=step,
            description=desc,
            readout_format=fmt,
            continuous_update=False,
            style=style,
            layout=layout,
        )

    def isl(desc: str, value: int, lo: int, hi: int) -> w.IntSlider:
        return w.IntSlider(
            value=value,
            min=lo,
            max=hi,
            description=desc,
            continuous_update=False,
            style=style,
            layout=layout,
        )

    deal_step = 10 ** max(int(math.log10(max(state.average_deal, 1))) - 2, 0)
    target_hi = max(state.target * 3, state.new_deals * state.average_deal)
    s: dict[str, Any] = {
        "mode": w.ToggleButtons(
            options=[
                (t("funnel.sim.forward", lang), "forward"),
                (t("funnel.sim.reverse", lang), "reverse"),
            ],
            value=state.mode,
            description=t("funnel.sim.mode", lang),
            style=style,
        ),
        "new_deals": fs(
            t("funnel.sim.new_deals", lang), state.new_deals, 0, max(10.0, state.new_deals * 3), 1
        ),
        "average_deal": fs(
            t("funnel.sim.average_deal", lang),
            state.average_deal,
            deal_step,
            state.average_deal * 3,
            deal_step,
        ),
        "cycle_days": fs(
            t("funnel.sim.cycle", lang), state.cycle_days, 1, max(30.0, state.cycle_days * 3), 1
        ),
        "closers": isl(t("funnel.sim.closers", lang), state.closers, 1, max(20, state.closers * 3)),
        "meetings_per_closer": fs(
            t("funnel.sim.meetings", lang), state.meetings_per_closer, 5, 80, 1
        ),
        "target": fs(
            t("funnel.sim.target", lang),
            state.target,
            0,
            target_hi,
            max(deal_step, 10 ** max(int(math.log10(max(target_hi, 1))) - 2, 0)),
        ),
    }
    for k, c in zip(state.stages[:-1], state.conversions, strict=True):
        nxt = state.stages[state.stages.index(k) + 1]
        s[f"conv.{k}"] = fs(
            f"{ft.stage_label(k, lang)} → {ft.stage_label(nxt, lang)}", c, 0.01, 1.0, 0.01, ".0%"
        )
    return s


def state_from_sliders(state: SimState, sliders: dict[str, Any]) -> SimState:
    """The state the sliders now describe."""
    conv = [float(sliders[f"conv.{k}"].value) for k in state.stages[:-1]]
    return replace(
        state,
        mode=sliders["mode"].value,
        new_deals=float(sliders["new_deals"].value),
        average_deal=float(sliders["average_deal"].value),
        cycle_days=float(sliders["cycle_days"].value),
        closers=int(sliders["closers"].value),
        meetings_per_closer=float(sliders["meetings_per_closer"].value),
        target=float(sliders["target"].value),
        conversions=conv,
    )


class Simulator:
    """The live interface: sliders on the left, funnel and fan chart on the right."""

    def __init__(self, state: SimState, model: fmod.ForecastModel) -> None:
        import ipywidgets as w

        self.state, self.model = state, model
        self.sliders = _sliders(state)
        self.out_funnel, self.out_fan = w.Output(), w.Output()
        self.summary = w.HTML()
        self.last: SimOutput | None = None
        for s in self.sliders.values():
            s.observe(self._on_change, names="value")
        controls = w.VBox(
            list(self.sliders.values()), layout=w.Layout(flex="0 0 auto", min_width="42em")
        )
        charts = w.VBox(
            [self.summary, self.out_funnel, self.out_fan],
            layout=w.Layout(flex="1 1 auto", min_width="0"),
        )
        self.widget = w.HBox([controls, charts], layout=w.Layout(width="100%"))
        self.refresh()

    def _on_change(self, _change: dict[str, Any]) -> None:
        self.refresh()

    def refresh(self) -> SimOutput:
        """Read the sliders, update, and redraw."""
        import html

        from IPython.display import display

        self.state = state_from_sliders(self.state, self.sliders)
        out = update(self.model, self.state)
        self.last = out
        text = out.summary if self.state.mode == "forward" else out.reverse_summary
        self.summary.value = f"<b>{html.escape(text)}</b>"
        for o, fig in ((self.out_funnel, out.funnel_fig), (self.out_fan, out.fan_fig)):
            with o:
                o.clear_output(wait=True)
                display(fig)
        return out


def app(client_file: str | None = None, lang: str | None = None) -> Any:
    """The simulator's widget, started from a client (or $SALESAUDIT_CLIENT, or the demo)."""
    state, model = initial(client_file or None, lang or None)
    return Simulator(state, model).widget


# --------------------------------------------------------------------------------------
# the workshop command


def workshop_command(client_file: str | None = None, lab: bool = False) -> list[str]:
    """The command `salesaudit workshop` runs: Voilà on the simulator (JupyterLab with lab).

    The client file travels in the environment (:func:`workshop_env`): Voilà has no
    notebook parameters.
    """
    if not NOTEBOOK.is_file():
        raise FileNotFoundError(f"simulator notebook not found at {NOTEBOOK}")
    if lab:
        return [sys.executable, "-m", "jupyterlab", str(NOTEBOOK)]
    return [sys.executable, "-m", "voila", str(NOTEBOOK), "--theme=light", "--strip_sources=True"]


def workshop_env(client_file: str | None = None) -> dict[str, str]:
    """The environment for the workshop process: $SALESAUDIT_CLIENT set to the client file."""
    env = dict(os.environ)
    if client_file:
        p = Path(client_file).expanduser().resolve()
        if not p.is_file():
            raise FileNotFoundError(f"client file not found: {p}")
        env[ENV_CLIENT] = str(p)
    return env


def launch(client_file: str | None = None, lab: bool = False) -> int:
    """Run the workshop (blocks until the server stops); returns its exit code."""
    import subprocess

    return subprocess.call(workshop_command(client_file, lab), env=workshop_env(client_file))
