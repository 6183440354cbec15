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

import json
import math
import os
import re
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import nbformat
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from salesaudit.core.names import STAGE_KEYS
from salesaudit.i18n import fmt_money, fmt_num, fmt_pct, t
from salesaudit.inputs.audit import open_audit
from salesaudit.inputs.productivity import closer_capacity
from salesaudit.present.style import BAD, PALETTE, styled
from salesaudit.steps.funnel import forecast as fmod
from salesaudit.steps.funnel import text as ft
from salesaudit.steps.funnel.analysis import analyse
from salesaudit.steps.funnel.charts import fan_chart
from salesaudit.steps.funnel.levers import ValuedLever
from salesaudit.steps.funnel.reverse import closers_needed, stage_activity
from salesaudit.steps.sizing.compute import target as sizing_target
from salesaudit.steps.summary import funnel_levers

ENV_CLIENT = "SALESAUDIT_CLIENT"
PACKAGE = Path(__file__).resolve().parents[1]
NOTEBOOK = PACKAGE / "notebooks" / "simulator.ipynb"
TEAM_NOTEBOOK = PACKAGE / "notebooks" / "team_simulator.ipynb"  # the team panel (workshop/team.py)
JUPYTER_DATA = Path(__file__).resolve().parent / "jupyter"  # its voila/templates/<VOILA_TEMPLATE>
VOILA_TEMPLATE = "salesaudit-workshop"
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
    start: dict[str, Any] = field(default_factory=dict)  # the levers as the model has them
    # the report's levers ranked by money (summary.funnel_levers): the one ranking everywhere
    ranking: tuple[ValuedLever, ...] = ()


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
    """The index of the first-contact stage (meetings), if the funnel has one."""
    return stages.index("first_contact") if "first_contact" in stages else None


def meetings_per_month(state: SimState) -> float:
    """Meetings with a decision maker the new deals produce a month."""
    i = _first_contact(state.stages)
    if i is None:
        return float(state.new_deals)
    return float(state.new_deals * np.prod(state.conversions[:i]))


LEVERS = (
    "new_deals",
    "conversions",
    "average_deal",
    "cycle_days",
    "closers",
    "meetings_per_closer",
)


def _levers_of(state: SimState) -> dict[str, Any]:
    """The lever values of a state (what :attr:`SimState.start` records)."""
    return {k: getattr(state, k) for k in LEVERS}


def _served(state: SimState, levers: dict[str, Any]) -> float:
    """The share of the meetings new deals call for that the closers can hold (≤ 1)."""
    s = replace(state, **levers)
    meetings = meetings_per_month(s)
    capacity = float(s.closers * s.meetings_per_closer)
    return min(1.0, capacity / meetings) if meetings > 0 else 1.0


def effective_new_deals(state: SimState) -> float:
    """New deals a month the closers can serve, relative to the start: the history already
    reflects the closers the client had, so only fewer meetings than at the start lose deals."""
    base = _served(state, state.start) if state.start else 1.0
    return state.new_deals * min(1.0, _served(state, _levers_of(state)) / base)


def _changed(a: Any, b: Any) -> bool:
    """Whether a lever moved from its starting value (beyond rounding)."""
    return not np.allclose(np.asarray(a, dtype=float), np.asarray(b, dtype=float), rtol=1e-9)


def lever_changes(state: SimState, new_eff: float) -> dict[str, Any]:
    """`ForecastModel.with_levers` arguments for the levers moved since the start (none: the
    model as the report has it, so the first forecast is the report's)."""
    start = state.start
    now = {**_levers_of(state), "new_deals": new_eff}
    out = {
        k: now[k]
        for k in ("new_deals", "conversions", "average_deal", "cycle_days")
        if k not in start or _changed(now[k], start[k])
    }
    if "conversions" in out:
        out["conversions"] = list(out["conversions"])
    return out


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
    state.start = _levers_of(state)
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
    goal, _ = sizing_target(audit, model.mean_size)  # the target team sizing uses
    state = SimState(
        stages=stages,
        new_deals=float(model.inflow_mean),
        conversions=[float(x) for x in model.conv_mean],
        average_deal=float(model.mean_size),
        cycle_days=float(model.median_cycle or 30.0),
        closers=int(closers or 1),
        meetings_per_closer=closer_capacity(audit),
        target=float(fa.target or goal or 1.0),
        horizon=cfg.funnel.horizon_months,
        scenarios=cfg.funnel.scenarios,
        seed=cfg.seed,
        lang=audit.lang,
        currency=cfg.currency,
        source=str(path),
        ranking=funnel_levers(audit),
    )
    state.start = _levers_of(state)
    return state, model


def ranking_lines(state: SimState) -> list[str]:
    """The report's levers ranked by money a year, one line each: driver, today → reference, money."""
    lang, cur = state.lang, state.currency
    return [
        t(
            "funnel.sim.lever",
            lang,
            driver=ft.driver_label(v.driver, state.stages, lang),
            now=ft.driver_value(v.driver, v.now, lang, cur),
            ref=ft.driver_value(v.driver, v.reference, lang, cur),
            v=fmt_money(v.revenue_delta_year, lang, cur),
        )
        for v in state.ranking
    ]


def ranking_html(state: SimState) -> str:
    """The ranking as an escaped HTML list under its heading ('' without levers)."""
    import html

    lines = ranking_lines(state)
    if not lines:
        return ""
    items = "".join(f"<li>{html.escape(x)}</li>" for x in lines)
    return f"<p><b>{html.escape(t('funnel.sim.levers', state.lang))}</b></p><ol>{items}</ol>"


def _funnel_figure(
    state: SimState, new_eff: float, capacity: float, needed: list[dict[str, Any]] | None
) -> go.Figure:
    """Expected deals a month at each stage (and, in reverse mode, what the target needs)."""
    lang = state.lang
    names = [ft.stage_label(k, lang) for k in state.stages]
    per = new_eff * np.r_[1.0, np.cumprod(state.conversions)]
    fig = go.Figure()
    bars = [("funnel.chart.today", per, PALETTE[0])]
    if needed is not None:
        bars.append(("funnel.chart.needed", [r["needed"] for r in needed], PALETTE[1]))
    for key, values, colour in bars:
        fig.add_trace(
            go.Bar(
                y=names,
                x=values,
                orientation="h",
                name=t(key, lang),
                marker_color=colour,
                text=[fmt_num(v, lang, 1) for v in values],
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
    new_eff = effective_new_deals(state)
    changes = lever_changes(state, new_eff)
    m = model.with_levers(**changes) if changes else model
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
            contracts=round(float(needed[-1]["needed"]), 1),
            meetings=round(float(needed[i if i is not None else 0]["needed"])),
            closers=fmt_num(n_closers, lang),
            now=fmt_num(state.closers, lang),
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


def _slider_specs(state: SimState) -> dict[str, tuple[str, float, float, float, float]]:
    """Each lever's label, value, minimum, maximum and step, ranged around the starting values."""
    lang = state.lang
    deal_step = 10 ** max(int(math.log10(max(state.average_deal, 1))) - 2, 0)
    target_hi = max(state.target * 3, state.new_deals * state.average_deal)
    target_step = max(deal_step, 10 ** max(int(math.log10(max(target_hi, 1))) - 2, 0))
    specs = {
        "new_deals": (t("funnel.sim.new_deals", lang), state.new_deals, 0.0,
                      max(10.0, state.new_deals * 3), 0.1),
        "average_deal": (t("funnel.sim.average_deal", lang), state.average_deal, deal_step,
                         state.average_deal * 3, deal_step),
        "cycle_days": (t("funnel.sim.cycle", lang), state.cycle_days, 1.0,
                       max(30.0, state.cycle_days * 3), 1.0),
        "closers": (t("funnel.sim.closers", lang), state.closers, 1, max(20, state.closers * 3), 1),
        "meetings_per_closer": (t("funnel.sim.meetings", lang), state.meetings_per_closer, 5.0,
                                80.0, 1.0),
        "target": (t("funnel.sim.target", lang), state.target, 0.0, target_hi, target_step),
    }  # fmt: skip
    for k, c in zip(state.stages[:-1], state.conversions, strict=True):
        nxt = state.stages[state.stages.index(k) + 1]
        label = f"{ft.stage_label(k, lang)} → {ft.stage_label(nxt, lang)}"
        specs[f"conv.{k}"] = (label, c, 0.01, 1.0, 0.001)
    return specs


def readout(key: str, value: float, state: SimState) -> str:
    """A slider's value as the session language writes it (money with the currency, %)."""
    lang = state.lang
    if key.startswith("conv."):
        return fmt_pct(value, lang, 1)
    if key in ("average_deal", "target"):
        return fmt_money(value, lang, state.currency)
    return fmt_num(value, lang, 1 if key == "new_deals" else 0)


def _sliders(state: SimState) -> dict[str, Any]:
    """One widget per lever (its own readout hidden: the row shows it formatted)."""
    import ipywidgets as w

    lang = state.lang
    out: dict[str, Any] = {
        "mode": w.ToggleButtons(
            options=[
                (t("funnel.sim.forward", lang), "forward"),
                (t("funnel.sim.reverse", lang), "reverse"),
            ],
            value=state.mode,
            style={"button_width": "auto"},
        )
    }
    for key, (_label, value, lo, hi, step) in _slider_specs(state).items():
        out[key] = slider(value, lo, hi, step, integer=key == "closers")
    return out


def slider(value: float, lo: float, hi: float, step: float, integer: bool = False) -> Any:
    """A workshop slider: updates on release, its own readout hidden (the row formats it)."""
    import ipywidgets as w

    kind = w.IntSlider if integer else w.FloatSlider
    return kind(value=value, min=lo, max=hi, step=step, readout=False,
                continuous_update=False, layout=w.Layout(width="16em"))  # fmt: skip


def _rows(state: SimState, sliders: dict[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    """A row per lever: its full label (wrapped, never cut), the slider, its formatted value."""
    import html

    import ipywidgets as w

    labels = {k: v[0] for k, v in _slider_specs(state).items()}
    labels["mode"] = t("funnel.sim.mode", state.lang)
    values: dict[str, Any] = {}
    rows = []
    for key, widget in sliders.items():
        name = w.HTML(f"<span style='line-height:1.2'>{html.escape(labels[key])}</span>",
                      layout=w.Layout(width="15em"))  # fmt: skip
        parts = [name, widget]
        if key != "mode":
            values[key] = w.HTML(layout=w.Layout(width="9em"))
            parts.append(values[key])
        rows.append(w.HBox(parts, layout=w.Layout(align_items="center")))
    return rows, values


def state_from_sliders(state: SimState, sliders: dict[str, Any]) -> SimState:
    """The state the sliders now describe (a lever left alone keeps its exact starting value)."""

    def read(key: str, now: float) -> float:
        """The slider's value, or the exact current one when the slider only rounded it."""
        v = float(sliders[key].value)
        return now if abs(v - now) <= float(sliders[key].step) / 2 else v

    conv = [read(f"conv.{k}", c) for k, c in zip(state.stages[:-1], state.conversions, strict=True)]
    return replace(
        state,
        mode=sliders["mode"].value,
        new_deals=read("new_deals", state.new_deals),
        average_deal=read("average_deal", state.average_deal),
        cycle_days=read("cycle_days", state.cycle_days),
        closers=int(sliders["closers"].value),
        meetings_per_closer=read("meetings_per_closer", state.meetings_per_closer),
        target=read("target", state.target),
        conversions=conv,
    )


class Simulator:
    """The live interface: title, sliders on the left, funnel and fan chart on the right."""

    def __init__(self, state: SimState, model: fmod.ForecastModel) -> None:
        """Build the widgets from the starting state and draw the first forecast."""
        import html

        import ipywidgets as w

        self.state, self.model = state, model
        self.sliders = _sliders(state)
        rows, self.values = _rows(state, self.sliders)
        self.out_funnel, self.out_fan = w.Output(), w.Output()
        self.summary = w.HTML()
        self.last: SimOutput | None = None
        for s in self.sliders.values():
            s.observe(self._on_change, names="value")
        lang = state.lang
        title = w.HTML(
            f"<h2>{html.escape(t('funnel.sim.title', lang))}</h2>"
            f"<p>{html.escape(t('funnel.sim.intro', lang))}</p>"
        )
        method = w.HTML(f"<p><small>{html.escape(t('funnel.sim.method', lang))}</small></p>")
        rows = [*rows, w.HTML(ranking_html(state))]
        controls = w.VBox(rows, layout=w.Layout(flex="0 0 auto", width="41em"))
        charts = w.VBox(
            [self.summary, self.out_funnel, self.out_fan],
            layout=w.Layout(flex="1 1 auto", min_width="0"),
        )
        body = w.HBox([controls, charts], layout=w.Layout(width="100%", flex_flow="row wrap"))
        self.widget = w.VBox([title, body, method], layout=w.Layout(width="100%"))
        self.refresh()

    def _on_change(self, _change: dict[str, Any]) -> None:
        """Any slider moved: redraw."""
        self.refresh()

    def refresh(self) -> SimOutput:
        """Read the sliders, update, and redraw."""
        import html

        from IPython.display import display

        self.state = state_from_sliders(self.state, self.sliders)
        for key, label in self.values.items():
            label.value = html.escape(readout(key, float(self.sliders[key].value), self.state))
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


def working_copy(client_file: str | None = None, folder: Path | None = None) -> Path:
    """Copy the notebooks next to the client (`<client folder>/notebooks/`, else
    `./workshop/notebooks/`) for JupyterLab: the package's own files are never opened.

    Notebooks already there are kept (they may hold the consultant's work); the copies'
    `client_file` parameter points at the client file.
    """
    client = Path(client_file).expanduser().resolve() if client_file else None
    dest = folder or ((client.parent if client else Path.cwd() / "workshop") / "notebooks")
    dest.mkdir(parents=True, exist_ok=True)
    for src in sorted(NOTEBOOK.parent.glob("*.ipynb")):
        target = dest / src.name
        if target.exists():
            continue
        nb = nbformat.read(src, as_version=4)
        params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        if client is not None and params:
            params[0].source = re.sub(
                r'^client_file: str = "[^"]*"',
                lambda _m: f"client_file: str = {json.dumps(str(client))}",
                params[0].source,
                flags=re.M,
            )
        nbformat.write(nb, target)
    return dest


def workshop_command(
    client_file: str | None = None,
    lab: bool = False,
    folder: Path | None = None,
    team: bool = False,
) -> list[str]:
    """The command `salesaudit workshop` runs: Voilà on the simulator, or on the team panel with
    `team` (JupyterLab with lab, on a working copy of the notebooks in `folder`).

    The client file travels in the environment (:func:`workshop_env`): Voilà has no
    notebook parameters. Voilà uses the package's template without Font Awesome from a CDN.
    """
    book = TEAM_NOTEBOOK if team else NOTEBOOK
    if not book.is_file():
        raise FileNotFoundError(f"simulator notebook not found at {book}")
    root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    if lab:
        nb = (folder or book.parent) / book.name
        return [sys.executable, "-m", "jupyterlab", *root, f"--ServerApp.root_dir={nb.parent}",
                str(nb)]  # fmt: skip
    return [sys.executable, "-m", "voila", str(book), f"--template={VOILA_TEMPLATE}",
            "--theme=light", "--strip_sources=True"]  # fmt: skip


def workshop_env(client_file: str | None = None) -> dict[str, str]:
    """The environment for the workshop process: $SALESAUDIT_CLIENT set to the client file, and
    the package's Jupyter data folder (its Voilà template) on JUPYTER_PATH."""
    env = dict(os.environ)
    env["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(JUPYTER_DATA), env.get("JUPYTER_PATH")) if p
    )
    if client_file:
        p = Path(client_file).expanduser().resolve()
        if not p.is_file():
            raise FileNotFoundError(f"client file not found: {p}")
        env[ENV_CLIENT] = str(p)
    return env


def launch(client_file: str | None = None, lab: bool = False, team: bool = False) -> int:
    """Run the workshop, the team panel with `team` (blocks until the server stops); returns
    its exit code."""
    import subprocess

    folder = working_copy(client_file) if lab else None
    if folder is not None:
        print(f"salesaudit: JupyterLab opens the working copy in {folder}")
    return subprocess.call(
        workshop_command(client_file, lab, folder, team), env=workshop_env(client_file)
    )
