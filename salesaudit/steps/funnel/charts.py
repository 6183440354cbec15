"""Funnel charts (plotly, house template, report language): one function per chart taking a
:class:`~salesaudit.steps.funnel.analysis.FunnelAnalysis` and returning a Figure, or None when
the data cannot draw it. The private builders below them take tidy data and check it.
Client strings go through ``style.label``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from salesaudit.i18n import fmt_money, fmt_month, fmt_num, fmt_pct, t
from salesaudit.present.style import BAD, BAND, GOOD, NEUTRAL, PALETTE, label, styled
from salesaudit.steps.funnel import text as ft
from salesaudit.steps.funnel.analysis import FunnelAnalysis
from salesaudit.steps.funnel.compute import BENCHMARKS, metric_columns
from salesaudit.steps.funnel.forecast import ForecastResult

BAND_LINE = "rgba(91,155,91,0.6)"


def _need(df: pd.DataFrame | None, cols: list[str], what: str) -> pd.DataFrame:
    """Check a figure's input table has the columns it needs."""
    if df is None or not isinstance(df, pd.DataFrame):
        raise ValueError(f"{what}: expected a DataFrame")
    missing = [c for c in cols if c not in df]
    if missing:
        raise ValueError(f"{what}: missing column(s) {missing}")
    return df


def _band_legend(fig: go.Figure, lang: str, row: int | None = None, col: int | None = None) -> None:
    """A legend entry for the green benchmark band."""
    tr = go.Scatter(
        x=[None],
        y=[None],
        mode="markers",
        name=t("chart.benchmark_band", lang),
        marker={
            "symbol": "square",
            "size": 14,
            "color": BAND,
            "line": {"color": BAND_LINE, "width": 1},
        },
        hoverinfo="skip",
    )
    if row is not None:
        fig.add_trace(tr, row=row, col=col)
    else:
        fig.add_trace(tr)


# --------------------------------------------------------------------------------------
# funnel


def _stage_bars(
    fig: go.Figure, counts: pd.Series, names: list[str], lang: str, col: int = 1
) -> None:
    """One panel of horizontal bars, a deal count per stage (reach on the left, open on the right)."""
    fig.add_trace(
        go.Bar(
            x=counts,
            y=list(range(len(counts))),
            orientation="h",
            marker_color=PALETTE[col - 1],
            showlegend=False,
            text=[fmt_num(v, lang) for v in counts],
            textposition="auto",
            hovertemplate="%{customdata}: %{x}<extra></extra>",
            customdata=names,
        ),
        row=1,
        col=col,
    )


def _conversion_dots(fig: go.Figure, st: pd.DataFrame, lang: str) -> None:
    """Right panel: conversion to the next stage with its 90% interval (grey when thin)."""
    conv = st.iloc[:-1]
    colours = [NEUTRAL if f else PALETTE[1] for f in conv["too_few"]]
    txt = [
        fmt_pct(v, lang) + (t("funnel.too_few_suffix", lang) if f else "")
        for v, f in zip(conv["conversion_to_next"], conv["too_few"], strict=True)
    ]
    cv = conv["conversion_to_next"].astype(float)
    fig.add_trace(
        go.Scatter(
            x=cv,
            y=list(range(len(conv))),
            mode="markers+text",
            text=txt,
            textposition="top center",
            marker={"size": 11, "color": colours},
            name=t("chart.conversion", lang),
            error_x={
                "type": "data",
                "symmetric": False,
                "array": (conv["hi"] - cv).clip(lower=0),
                "arrayminus": (cv - conv["lo"]).clip(lower=0),
                "color": "#777",
            },
            hovertemplate="%{text}<extra></extra>",
        ),
        row=1,
        col=2,
    )


def _band_rect(fig: go.Figure, x0: float, x1: float, y: int) -> None:
    """A green benchmark band behind row y of the conversion panel."""
    fig.add_shape(
        type="rect",
        x0=x0,
        x1=x1,
        y0=y - 0.4,
        y1=y + 0.4,
        fillcolor=BAND,
        line={"color": BAND_LINE, "width": 1},
        layer="below",
        row=1,
        col=2,
    )


def _m2c_diamond(fig: go.Figure, m2c: dict[str, Any], row: int, lang: str) -> None:
    """An extra row: meeting → contract with its interval and the 10–30% band."""
    b = BENCHMARKS["meeting_to_contract"]
    _band_rect(fig, b["low"], b["high"], row)
    fig.add_trace(
        go.Scatter(
            x=[m2c["value"]],
            y=[row],
            mode="markers+text",
            text=[fmt_pct(m2c["value"], lang)],
            textposition="top center",
            showlegend=False,
            marker={
                "size": 12,
                "symbol": "diamond",
                "color": NEUTRAL if m2c.get("too_few") else PALETTE[0],
            },
            error_x={
                "type": "data",
                "symmetric": False,
                "array": [max(m2c["hi"] - m2c["value"], 0)],
                "arrayminus": [max(m2c["value"] - m2c["lo"], 0)],
                "color": "#777",
            },
            hovertemplate="%{text}<extra></extra>",
        ),
        row=1,
        col=2,
    )


def _two_panels(left: str, right: str) -> go.Figure:
    """Two side-by-side panels sharing the stage axis, with their titles."""
    return make_subplots(
        rows=1,
        cols=2,
        shared_yaxes=True,
        column_widths=[0.5, 0.5],
        horizontal_spacing=0.08,  # room for both axes' end labels on paper and phones
        subplot_titles=(left, right),
    )


def _funnel_figure(table: pd.DataFrame, m2c: dict[str, Any] | None, lang: str) -> go.Figure:
    """Reach per stage (bars) beside conversion to next with 90% intervals and the bands.

    `table` is :func:`~salesaudit.steps.funnel.compute.stage_table`; bands: ≥ 50% from
    meeting to brief, 10–30% from meeting to contract (an extra row).
    """
    st = _need(table, ["key", "reached", "conversion_to_next", "lo", "hi", "too_few"], "funnel")
    keys = list(st["key"])
    names = [ft.stage_label(k, lang) for k in keys]
    if "identified" in st and not st["identified"].iloc[:-1].any():
        return _reach_and_open_figure(st, names, lang)
    fig = _two_panels(t("funnel.chart.reach", lang), t("funnel.chart.conversion", lang))
    _stage_bars(fig, st["reached"], names, lang)
    _conversion_dots(fig, st, lang)
    ticks, ticktext = list(range(len(keys))), names
    if "first_contact" in keys and "needs_brief" in keys:
        i = keys.index("first_contact")
        if keys.index("needs_brief") == i + 1:
            _band_rect(fig, BENCHMARKS["brief_rate"]["low"], 1.0, i)
    if m2c is not None and m2c.get("value") is not None:
        _m2c_diamond(fig, m2c, len(keys), lang)
        ticks, ticktext = [*ticks, len(keys)], [*names, t("funnel.m2c", lang)]
    _band_legend(fig, lang, row=1, col=2)
    fig.update_yaxes(
        tickvals=ticks, ticktext=ticktext, autorange="reversed", zeroline=False, row=1, col=1
    )
    fig.update_yaxes(zeroline=False, row=1, col=2)
    fig.update_xaxes(tickformat=".0%", range=[0, 1.05], row=1, col=2)
    fig.update_layout(showlegend=True)
    return styled(fig, t("funnel.chart.funnel", lang), lang, height=120 + 55 * len(ticks))


def _reach_and_open_figure(st: pd.DataFrame, names: list[str], lang: str) -> go.Figure:
    """The funnel when no stage conversion is identifiable: known reach beside open deals."""
    fig = _two_panels(t("funnel.chart.reach_known", lang), t("funnel.chart.open_now", lang))
    _stage_bars(fig, st["reached"], names, lang)
    _stage_bars(fig, st["open_here"], names, lang, col=2)
    fig.update_yaxes(
        tickvals=list(range(len(names))),
        ticktext=names,
        autorange="reversed",
        zeroline=False,
        row=1,
        col=1,
    )
    title = t("funnel.chart.funnel_unidentified", lang)
    return styled(fig, title, lang, height=120 + 55 * len(names))


def funnel_chart(fa: FunnelAnalysis) -> go.Figure | None:
    """The funnel: reach per stage beside the conversions, their intervals and the bands."""
    return _funnel_figure(fa.table, fa.m2c, fa.lang) if fa.table is not None else None


# --------------------------------------------------------------------------------------
# cuts


def _cut_figure(
    df: pd.DataFrame, cut: str, metric: str, lang: str, overall: float | None = None
) -> go.Figure:
    """Dot-and-interval plot of one metric by the values of a cut, sorted by effect.

    Values with too few deals are grey, listed last and never ranked. metric: "m2c"
    (meeting → contract, band 10–30%), "win" (win rate) or "conv.<stage>".
    """
    v, lo, hi, few = metric_columns(metric)
    d = _need(df, ["value", v, lo, hi, few], "cut").copy()
    d = d[d[v].notna()]
    d["_few"] = d[few].astype(bool)
    d = pd.concat([d[d["_few"]].sort_values(v), d[~d["_few"]].sort_values(v)])
    names = [
        label(ft.cut_value_label(x, cut, lang)) + (t("funnel.too_few_suffix", lang) if f else "")
        for x, f in zip(d["value"], d["_few"], strict=True)
    ]
    mname = {"m2c": t("funnel.m2c", lang), "win": t("funnel.win_rate", lang)}.get(metric)
    if mname is None:
        k = metric.split(".", 1)[1]
        mname = t("chart.conversion", lang) + ": " + ft.stage_label(k, lang)
    fig = go.Figure()
    band = None
    if metric == "m2c":
        band = (BENCHMARKS["meeting_to_contract"]["low"], BENCHMARKS["meeting_to_contract"]["high"])
    elif metric == "conv.first_contact":
        band = (BENCHMARKS["brief_rate"]["low"], 1.0)
    if band:
        fig.add_vrect(x0=band[0], x1=band[1], fillcolor=BAND, line_width=0, layer="below")
        _band_legend(fig, lang)
    if overall is not None:
        fig.add_vline(
            x=overall,
            line_dash="dot",
            line_color=PALETTE[0],
            annotation_text=t("funnel.overall", lang),
            annotation_position="top",
        )
    vals = d[v].astype(float)
    fig.add_trace(
        go.Scatter(
            x=vals,
            y=names,
            mode="markers",
            name=mname,
            marker={"size": 11, "color": [NEUTRAL if f else PALETTE[1] for f in d["_few"]]},
            error_x={
                "type": "data",
                "symmetric": False,
                "array": (d[hi] - vals).clip(lower=0),
                "arrayminus": (vals - d[lo]).clip(lower=0),
                "color": "#777",
            },
            customdata=np.c_[d["deals"]] if "deals" in d else None,
            hovertemplate="%{y}: %{x:.1%}<extra></extra>",
        )
    )
    fig.update_xaxes(tickformat=".0%", rangemode="tozero")
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=names)
    title = t("funnel.chart.cut", lang, metric=mname, cut=t(f"funnel.cut.{cut}", lang))
    return styled(fig, title, lang, height=140 + 32 * max(len(d), 2))


# --------------------------------------------------------------------------------------
# cohorts


def _cohort_figure(co: pd.DataFrame, stages: list[str], lang: str) -> go.Figure:
    """Heatmap: created-month cohorts (rows) × stages (columns), share reaching each stage
    (only the stages whose reach is known: the contract alone for a deals-only export)."""
    stages = [k for k in stages if f"reach.{k}" in co]
    cols = [f"reach.{k}" for k in stages[1:]]
    d = _need(co, ["cohort", "deals", "share.open", *cols], "cohorts")
    z = d[cols].to_numpy(dtype=float)
    rows = [
        t(
            "funnel.chart.cohort_row",
            lang,
            month=fmt_month(m, lang),
            n=fmt_num(n, lang),
            open=fmt_pct(o, lang),
        )
        for m, n, o in zip(d["cohort"], d["deals"], d["share.open"], strict=True)
    ]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[ft.stage_label(k, lang) for k in stages[1:]],
            y=rows,
            colorscale="Blues",
            zmin=0,
            zmax=float(np.nanmax(z)) if np.isfinite(z).any() else 1,
            text=[[fmt_pct(x, lang) for x in r] for r in z],
            texttemplate="%{text}",
            hovertemplate="%{y}<br>%{x}: %{text}<extra></extra>",
            colorbar={"tickformat": ".0%"},
        )
    )
    fig.update_yaxes(autorange="reversed", type="category")
    return styled(fig, t("funnel.chart.cohorts", lang), lang, height=140 + 24 * max(len(d), 4))


# --------------------------------------------------------------------------------------
# time in stage


def _survival_figure(km: pd.DataFrame, lang: str) -> go.Figure:
    """Kaplan–Meier curves per stage: share of deals still in the stage after t days."""
    d = _need(km, ["stage", "time", "survival"], "time_in_stage")
    fig = go.Figure()
    for i, (k, g) in enumerate(d.groupby("stage", sort=False)):
        x = np.r_[0.0, g["time"].to_numpy()]
        y = np.r_[1.0, g["survival"].to_numpy()]
        fig.add_trace(
            go.Scatter(
                x=x,
                y=y,
                mode="lines",
                line_shape="hv",
                name=ft.stage_label(str(k), lang),
                line={"color": PALETTE[i % len(PALETTE)]},
                hovertemplate="%{x:.0f}: %{y:.0%}<extra></extra>",
            )
        )
    # docs/methodology.md §4: twenty companies and no brief in two months is a clear signal
    fig.add_vrect(x0=0, x1=61, fillcolor=BAND, line_width=0, layer="below")
    fig.add_vline(
        x=61,
        line_dash="dash",
        line_color=BAND_LINE,
        annotation_text=t("funnel.chart.two_months", lang),
        annotation_position="top right",
    )
    _band_legend(fig, lang)
    fig.update_yaxes(tickformat=".0%", range=[0, 1.02], title=t("funnel.chart.still_in", lang))
    fig.update_xaxes(title=t("funnel.chart.days", lang), rangemode="tozero")
    fig.update_layout(legend={"y": -0.3})
    return styled(fig, t("funnel.chart.time", lang), lang)


# --------------------------------------------------------------------------------------
# forecast


def fan_chart(
    result: ForecastResult,
    lang: str,
    currency: str = "",
    target_per_month: float | None = None,
    actual: pd.DataFrame | None = None,
    title: str | None = None,
) -> go.Figure:
    """Forecast fan: P10–P90 band, P50 line, the last 12 months' actual and the target."""
    months = result.months
    p10, p50, p90 = result.monthly_q
    fig = go.Figure()
    if actual is not None and len(actual):
        a = _need(actual, ["month", "revenue"], "forecast actual").tail(12)
        fig.add_trace(
            go.Scatter(
                x=a["month"],
                y=a["revenue"],
                mode="lines+markers",
                name=t("funnel.chart.actual", lang),
                line={"color": NEUTRAL},
            )
        )
    fig.add_trace(
        go.Scatter(
            x=months, y=p90, mode="lines", line={"width": 0}, showlegend=False, hoverinfo="skip"
        )
    )
    fig.add_trace(
        go.Scatter(
            x=months,
            y=p10,
            mode="lines",
            line={"width": 0},
            fill="tonexty",
            fillcolor="rgba(31,78,121,0.2)",
            name=t("funnel.chart.p10_p90", lang),
            hoverinfo="skip",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=months,
            y=p50,
            mode="lines+markers",
            name=t("funnel.chart.p50", lang),
            line={"color": PALETTE[0]},
            customdata=np.c_[
                [fmt_money(x, lang, currency) for x in p10],
                [fmt_money(x, lang, currency) for x in p50],
                [fmt_money(x, lang, currency) for x in p90],
            ],
            hovertemplate="%{x|%Y-%m}: %{customdata[1]} (%{customdata[0]} – %{customdata[2]})"
            "<extra></extra>",
        )
    )
    if target_per_month:
        fig.add_hline(
            y=target_per_month,
            line_dash="dash",
            line_color=BAD,
            annotation_text=t("funnel.chart.target", lang)
            + " "
            + fmt_money(target_per_month, lang, currency),
            annotation_position="top left",
        )
    fig.update_yaxes(
        title=t("chart.revenue", lang) + (f", {label(currency)}" if currency else ""),
        rangemode="tozero",
    )
    fig.update_xaxes(tickformat="%Y-%m" if lang == "en" else "%m.%Y")
    return styled(fig, title or t("funnel.chart.forecast", lang), lang)


def _tornado_figure(
    sens: pd.DataFrame, stages: list[str], lang: str, currency: str = "", horizon: int = 12
) -> go.Figure:
    """Tornado: revenue change over the horizon for each driver 10% better / 10% worse."""
    d = _need(sens, ["driver", "revenue_delta", "revenue_delta_down"], "tornado").copy()
    d["_size"] = d[["revenue_delta", "revenue_delta_down"]].abs().max(axis=1)
    d = d.sort_values("_size")
    names = [ft.driver_label(x, stages, lang) for x in d["driver"]]
    fig = go.Figure()
    for col, colour, key in (
        ("revenue_delta", GOOD, "funnel.chart.better"),
        ("revenue_delta_down", BAD, "funnel.chart.worse"),
    ):
        fig.add_trace(
            go.Bar(
                y=names,
                x=d[col],
                orientation="h",
                marker_color=colour,
                name=t(key, lang),
                text=[fmt_money(x, lang, currency) for x in d[col]],
                textposition="auto",
                hovertemplate="%{y}: %{text}<extra></extra>",
            )
        )
    fig.update_layout(barmode="overlay", legend={"y": -0.25})
    fig.update_xaxes(
        title=t("funnel.chart.revenue_change", lang), zeroline=True, zerolinecolor="#444"
    )
    return styled(fig, t("funnel.chart.tornado", lang, h=horizon), lang, height=160 + 40 * len(d))


# --------------------------------------------------------------------------------------
# plan vs fact, daily payments


def _gap_figure(pf: pd.DataFrame, lang: str, currency: str = "") -> go.Figure:
    """Plan vs fact by month: the gap (line) and its causes stacked (volume, conversion,
    deal size, other payments; above zero helps, below hurts)."""
    d = _need(pf, ["month", "gap", "volume", "conversion", "deal_size", "other"], "plan_fact")
    fig = go.Figure()
    parts = [
        ("volume", "funnel.chart.volume", PALETTE[0]),
        ("conversion", "funnel.chart.conv_effect", PALETTE[1]),
        ("deal_size", "funnel.chart.size_effect", PALETTE[2]),
        ("other", "funnel.chart.other_effect", NEUTRAL),
    ]
    for col, key, colour in parts:
        if col == "other" and not d[col].abs().sum():
            continue
        fig.add_trace(
            go.Bar(
                x=d["month"],
                y=d[col],
                name=t(key, lang),
                marker_color=colour,
                customdata=[fmt_money(v, lang, currency) for v in d[col]],
                hovertemplate="%{x|%Y-%m}: %{customdata}<extra></extra>",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=d["month"],
            y=d["gap"],
            mode="lines+markers",
            name=t("funnel.h.gap", lang),
            line={"color": "#222"},
            customdata=[fmt_money(v, lang, currency) for v in d["gap"]],
            hovertemplate="%{x|%Y-%m}: %{customdata}<extra></extra>",
        )
    )
    fig.update_layout(barmode="relative")
    fig.update_yaxes(zeroline=True, zerolinecolor="#444")
    fig.update_xaxes(tickformat="%Y-%m" if lang == "en" else "%m.%Y")
    return styled(fig, t("funnel.chart.gap", lang), lang)


def _daily_figure(daily: pd.DataFrame, lang: str) -> go.Figure:
    """Cumulative payments this month: plan line and fact to date."""
    d = _need(daily, ["date", "plan_cum", "fact_cum"], "daily")
    fig = go.Figure()
    if d["plan_cum"].notna().any():
        fig.add_trace(
            go.Scatter(
                x=d["date"],
                y=d["plan_cum"],
                mode="lines",
                name=t("chart.plan", lang),
                line={"dash": "dash", "color": NEUTRAL},
            )
        )
    f = d[d["fact_cum"].notna()]
    fig.add_trace(
        go.Scatter(
            x=f["date"],
            y=f["fact_cum"],
            mode="lines+markers",
            name=t("chart.fact", lang),
            line={"color": PALETTE[0]},
        )
    )
    fig.update_yaxes(rangemode="tozero")
    return styled(fig, t("funnel.chart.daily", lang), lang)


# --------------------------------------------------------------------------------------
# one chart per function, for an analysis


def cut_chart(fa: FunnelAnalysis, cut: str, metric: str | None = None) -> go.Figure | None:
    """One cut's values by the ranking metric (or `metric`: "m2c", "win", "conv.<stage>")."""
    if cut not in fa.cuts:
        return None
    metric = metric or fa.cut_metric
    overall = None
    if metric == "m2c" and fa.m2c:
        overall = fa.m2c.get("value")
    elif metric == "win" and fa.counts is not None:
        overall = fa.counts.win_rate
    return _cut_figure(fa.cuts[cut], cut, metric, fa.lang, overall)


def cohort_chart(fa: FunnelAnalysis) -> go.Figure | None:
    """Cohorts by month created: the share of each reaching each stage."""
    if fa.cohorts is None or fa.cohorts.empty:
        return None
    return _cohort_figure(fa.cohorts, fa.stages, fa.lang)


def time_in_stage_chart(fa: FunnelAnalysis) -> go.Figure | None:
    """Kaplan–Meier curves of the time deals stay in each stage."""
    return _survival_figure(fa.km, fa.lang) if fa.km is not None and not fa.km.empty else None


def forecast_chart(fa: FunnelAnalysis) -> go.Figure | None:
    """The revenue forecast fan with the last year's actual and the target."""
    if fa.forecast is None:
        return None
    return fan_chart(fa.forecast, fa.lang, fa.currency, fa.target, fa.monthly_revenue)


def backtest_chart(fa: FunnelAnalysis) -> go.Figure | None:
    """Each backtest's P10–P90 and median against what came and the naive run rate."""
    b = fa.backtest
    if b is None or not b.rows:
        return None
    lang, cur = fa.lang, fa.currency
    rows = sorted(b.rows, key=lambda r: r.horizon_months)
    x = [r.horizon_months for r in rows]
    p50 = np.array([r.p50 for r in rows])
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=x,
            y=p50,
            mode="markers",
            name=t("funnel.chart.backtest_range", lang),
            marker={"color": PALETTE[0], "size": 9},
            error_y={
                "type": "data",
                "symmetric": False,
                "array": np.array([r.p90 for r in rows]) - p50,
                "arrayminus": p50 - np.array([r.p10 for r in rows]),
                "color": PALETTE[0],
            },
            customdata=[fmt_money(v, lang, cur) for v in p50],
            hovertemplate="%{x}: %{customdata}<extra></extra>",
        )
    )
    for key, ys, symbol, color in (
        ("funnel.chart.backtest_actual", [r.actual for r in rows], "diamond", BAD),
        ("funnel.chart.backtest_run_rate", [r.run_rate for r in rows], "x", NEUTRAL),
    ):
        fig.add_trace(
            go.Scatter(
                x=x,
                y=ys,
                mode="markers",
                name=t(key, lang),
                marker={"symbol": symbol, "color": color, "size": 10},
                customdata=[fmt_money(v, lang, cur) for v in ys],
                hovertemplate="%{x}: %{customdata}<extra></extra>",
            )
        )
    fig.update_xaxes(title=t("funnel.h.months", lang), dtick=1)
    fig.update_yaxes(
        title=t("chart.revenue", lang) + (f", {label(cur)}" if cur else ""), rangemode="tozero"
    )
    return styled(fig, t("funnel.chart.backtest", lang), lang)


def tornado_chart(fa: FunnelAnalysis) -> go.Figure | None:
    """Revenue over the horizon when each driver gets 10% better or worse."""
    if fa.sensitivity is None:
        return None
    horizon = fa.forecast.horizon if fa.forecast else 12
    return _tornado_figure(fa.sensitivity, fa.stages, fa.lang, fa.currency, horizon)


def plan_fact_chart(fa: FunnelAnalysis) -> go.Figure | None:
    """Plan vs fact by month: the gap and its causes."""
    return _gap_figure(fa.plan_fact, fa.lang, fa.currency) if fa.plan_fact is not None else None


def daily_chart(fa: FunnelAnalysis) -> go.Figure | None:
    """This month's cumulative payments: plan and fact to date."""
    return _daily_figure(fa.daily, fa.lang) if fa.daily is not None else None
