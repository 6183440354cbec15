"""Step 05, first cut: the funnel table with Wilson intervals and benchmarks, the funnel chart."""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from salesaudit import funnel
from salesaudit.audit import Audit
from salesaudit.charts import BAD, BAND, GOOD, NEUTRAL, PALETTE, styled
from salesaudit.i18n import fmt_num, fmt_pct, register, t

TOO_FEW = 30
# Benchmark bands on a conversion k -> k+1, METHODOLOGY §4 (brief from over half the meetings).
BANDS: dict[str, tuple[float, float]] = {"first_contact": (0.50, 1.0)}
MEETING_TO_CONTRACT_BAND = (0.10, 0.30)

TEXT = {
    "f.kpi_deals": {"en": "Deals", "ru": "Сделок"},
    "f.kpi_win": {"en": "Win rate", "ru": "Доля выигранных"},
    "f.kpi_cycle": {"en": "Median cycle, days", "ru": "Медианный цикл, дней"},
    "f.kpi_open": {"en": "Open now", "ru": "Открыто сейчас"},
    "f.kpi_m2c": {"en": "Meeting → contract", "ru": "Встреча → договор"},
    "f.weakest": {
        "en": "{a} → {b} converts {p} ({lo}–{hi}): the weakest stage of the funnel.",
        "ru": "{a} → {b}: конверсия {p} ({lo}–{hi}) — самый слабый этап воронки.",
    },
    "f.brief": {
        "en": "{p} of meetings yield a needs brief (methodology: over 50%) — {verdict}.",
        "ru": "{p} встреч заканчиваются брифом (норматив: более 50%) — {verdict}.",
    },
    "f.m2c": {
        "en": "{p} of meetings end in a contract (methodology: 10–30%) — {verdict}.",
        "ru": "{p} встреч заканчиваются договором (норматив: 10–30%) — {verdict}.",
    },
    "f.win": {
        "en": "Win rate {p}: {won} won, {lost} lost, {open} still open.",
        "ru": "Доля выигранных {p}: выиграно {won}, проиграно {lost}, открыто {open}.",
    },
    "f.in_band": {"en": "within the band", "ru": "в пределах нормы"},
    "f.below": {"en": "below the band", "ru": "ниже нормы"},
    "f.above": {"en": "above the band", "ru": "выше нормы"},
}
register(TEXT)


def stage_table(audit: Audit) -> pd.DataFrame:
    """Canonical per-stage table: reached, conversion, 90% Wilson interval, benchmark band."""
    return audit.memo(("funnel.stage_table",), lambda: _stage_table(audit)).copy()


def _stage_table(audit: Audit) -> pd.DataFrame:
    """Compute the stage table (uncached)."""
    deals = audit.tables["deals"]
    c = funnel.counts(deals, audit.stage_keys, audit.table("stage_history"))
    st = c.stages.copy()
    lo: list[float | None] = []
    hi: list[float | None] = []
    n: list[int | None] = []
    for i in range(len(st)):
        denom = int(st.loc[i, "reached"] - st.loc[i, "open_here"]) if i < len(st) - 1 else 0
        a, b = funnel.wilson(int(st.loc[i + 1, "reached"]), denom) if denom > 0 else (None, None)
        lo.append(a)
        hi.append(b)
        n.append(denom if i < len(st) - 1 else None)
    st["denominator"], st["ci_low"], st["ci_high"] = n, lo, hi
    st["band_low"] = [BANDS.get(k, (None, None))[0] for k in st["key"]]
    st["band_high"] = [BANDS.get(k, (None, None))[1] for k in st["key"]]
    return st


def meeting_to_contract(audit: Audit) -> float | None:
    """Share of first meetings that end in a contract (product of the conversions between)."""
    keys = audit.stage_keys
    if "first_contact" not in keys:
        return None
    st = stage_table(audit).set_index("key")
    conv = st["conversion_to_next"].iloc[keys.index("first_contact") : -1]
    return float(conv.astype(float).prod()) if conv.notna().all() else None


def display_table(audit: Audit) -> pd.DataFrame:
    """The stage table formatted for the report."""
    lang = audit.lang
    st = stage_table(audit)
    rows = []
    for r in st.itertuples():
        interval = (
            t("word.too_few", lang)
            if r.denominator is not None and r.denominator < TOO_FEW
            else f"{fmt_pct(r.ci_low, lang)} – {fmt_pct(r.ci_high, lang)}"
            if pd.notna(r.ci_low)
            else "—"
        )
        band = f"≥ {fmt_pct(r.band_low, lang)}" if pd.notna(r.band_low) else "—"
        rows.append(
            {
                t("tbl.stage", lang): t(f"stage.{r.key}", lang),
                t("tbl.reached", lang): fmt_num(r.reached, lang),
                t("tbl.conversion", lang): fmt_pct(r.conversion_to_next, lang, 1),
                t("tbl.interval", lang): interval,
                t("tbl.benchmark", lang): band,
            }
        )
    return pd.DataFrame(rows)


def kpis(audit: Audit) -> list[tuple[str, str]]:
    """Key funnel figures for the tiles."""
    lang = audit.lang
    deals = audit.tables["deals"]
    c = funnel.counts(deals, audit.stage_keys, audit.table("stage_history"))
    cyc = funnel.cycle_summary(deals)
    return [
        (t("f.kpi_deals", lang), fmt_num(len(deals), lang)),
        (t("f.kpi_win", lang), fmt_pct(c.win_rate, lang, 1)),
        (t("f.kpi_m2c", lang), fmt_pct(meeting_to_contract(audit), lang, 1)),
        (t("f.kpi_cycle", lang), fmt_num(cyc["median"], lang)),
        (t("f.kpi_open", lang), fmt_num(c.open, lang)),
    ]


def _verdict(p: float, lo: float, hi: float, lang: str) -> str:
    """In, below or above a band."""
    return t("f.below" if p < lo else "f.above" if p > hi else "f.in_band", lang)


def notes(audit: Audit) -> list[str]:
    """The funnel story in sentences generated from the numbers."""
    lang = audit.lang
    st = stage_table(audit)
    deals = audit.tables["deals"]
    c = funnel.counts(deals, audit.stage_keys, audit.table("stage_history"))
    out = [
        t(
            "f.win",
            lang,
            p=fmt_pct(c.win_rate, lang, 1),
            won=fmt_num(c.won, lang),
            lost=fmt_num(c.lost, lang),
            open=fmt_num(c.open, lang),
        )
    ]
    judged = st[st["denominator"].fillna(0) >= TOO_FEW].dropna(subset=["conversion_to_next"])
    if len(judged):
        w = judged.loc[judged["conversion_to_next"].astype(float).idxmin()]
        nxt = st.loc[w.name + 1, "key"]
        out.append(
            t(
                "f.weakest",
                lang,
                a=t(f"stage.{w.key}", lang),
                b=t(f"stage.{nxt}", lang),
                p=fmt_pct(w.conversion_to_next, lang),
                lo=fmt_pct(w.ci_low, lang),
                hi=fmt_pct(w.ci_high, lang),
            )
        )
    if "first_contact" in st["key"].values and "needs_brief" in st["key"].values:
        r = st.set_index("key").loc["first_contact"]
        if pd.notna(r["conversion_to_next"]):
            out.append(
                t(
                    "f.brief",
                    lang,
                    p=fmt_pct(r["conversion_to_next"], lang),
                    verdict=_verdict(r["conversion_to_next"], 0.5, 1.0, lang),
                )
            )
    m2c = meeting_to_contract(audit)
    if m2c is not None:
        out.append(
            t(
                "f.m2c",
                lang,
                p=fmt_pct(m2c, lang, 1),
                verdict=_verdict(m2c, *MEETING_TO_CONTRACT_BAND, lang),
            )
        )
    return out


def funnel_chart(audit: Audit) -> go.Figure:
    """Deals reaching each stage (bars) and the conversion to the next stage with intervals."""
    lang = audit.lang
    st = stage_table(audit)
    names = [t(f"stage.{k}", lang) for k in st["key"]]
    conv = st["conversion_to_next"].astype(float)
    weakest = conv.iloc[:-1].idxmin() if conv.iloc[:-1].notna().any() else None
    fig = go.Figure(
        go.Funnel(
            y=names,
            x=st["reached"],
            texttemplate="%{value:,}<br>%{percentInitial:.0%}",
            marker={"color": [BAD if i == weakest else PALETTE[0] for i in st.index]},
        )
    )
    fig.update_layout(showlegend=False)
    return styled(fig, t("chart.funnel", lang), lang, height=420)


def conversion_chart(audit: Audit) -> go.Figure:
    """Conversion per step as dots with 90% intervals and the benchmark band where one exists."""
    lang = audit.lang
    st = stage_table(audit).iloc[:-1]
    x = [
        f"{t(f'stage.{a}', lang)} →<br>{t(f'stage.{b}', lang)}"
        for a, b in zip(st["key"], list(st["key"].iloc[1:]) + [audit.stage_keys[-1]], strict=True)
    ]
    conv = st["conversion_to_next"].astype(float)
    fig = go.Figure()
    for i, r in enumerate(st.itertuples()):
        if pd.notna(r.band_low):
            fig.add_shape(
                type="rect",
                x0=i - 0.4,
                x1=i + 0.4,
                y0=r.band_low,
                y1=r.band_high,
                fillcolor=BAND,
                line_width=0,
                layer="below",
            )
    fig.add_trace(
        go.Scatter(
            x=x,
            y=conv,
            mode="markers",
            marker={"size": 12, "color": [GOOD if v >= 0.5 else NEUTRAL for v in conv]},
            error_y={
                "type": "data",
                "symmetric": False,
                "array": (st["ci_high"].astype(float) - conv).tolist(),
                "arrayminus": (conv - st["ci_low"].astype(float)).tolist(),
            },
            name=t("chart.conversion", lang),
            hovertemplate="%{y:.1%}<extra></extra>",
        )
    )
    fig.update_yaxes(range=[0, 1.05], tickformat=".0%")
    fig.update_xaxes(tickangle=0, tickfont={"size": 11})
    fig.update_layout(showlegend=False)
    return styled(fig, t("chart.conversion", lang), lang, height=420)


def findings(audit: Audit) -> dict[str, Any]:
    """The findings.json `funnel` section (first cut: no forecast or sensitivity yet)."""
    deals = audit.tables["deals"]
    c = funnel.counts(deals, audit.stage_keys, audit.table("stage_history"))
    st = stage_table(audit)
    cyc = funnel.cycle_summary(deals)
    return {
        "stages": [
            {
                "key": r.key,
                "reached": int(r.reached),
                "conversion_to_next": None
                if pd.isna(r.conversion_to_next)
                else round(float(r.conversion_to_next), 6),
            }
            for r in st.itertuples()
        ],
        "won": c.won,
        "lost": c.lost,
        "open": c.open,
        "win_rate": None if c.win_rate is None else round(c.win_rate, 6),
        "cycle_days": cyc,
        "forecast": None,
        "forecast_reason": t("reason.not_built", "en"),
        "sensitivity": None,
        "sensitivity_reason": t("reason.not_built", "en"),
    }
