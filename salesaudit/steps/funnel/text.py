"""Funnel words (en, ru), the narrative generated from the numbers, and display tables.

Sentences
are plain text (client strings such as manager names are not escaped here: whoever renders
them as HTML or Markdown escapes them).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from salesaudit.i18n import fmt_money, fmt_month, fmt_num, fmt_pct, has, t
from salesaudit.steps.funnel.analysis import FunnelAnalysis

SECTIONS = (
    "overview",
    "funnel",
    "cuts",
    "cohorts",
    "time",
    "hygiene",
    "plan_fact",
    "daily",
    "forecast",
    "sensitivity",
)


# --------------------------------------------------------------------------------------
# small formatting helpers


def reason_text(code: str | None, lang: str) -> str:
    """The sentence for a reason code (no_history, short_history, ...); the code if unknown."""
    if code is None:
        return ""
    key = f"funnel.reason.{code}"
    return t(key, lang) if has(key) else code


def stage_label(key: str, lang: str) -> str:
    """The stage's name in the report language."""
    return t(f"stage.{key}", lang)


def driver_label(driver: str, stages: list[str], lang: str) -> str:
    """A sensitivity driver's name: New deals, Conversion Offer → Offer defence, ..."""
    if driver.startswith("conversion."):
        k = driver.split(".", 1)[1]
        nxt = stages[stages.index(k) + 1]
        return t("funnel.driver.conversion", lang, a=stage_label(k, lang), b=stage_label(nxt, lang))
    return t(f"funnel.driver.{driver}", lang)


def cut_value_label(value: Any, cut: str, lang: str) -> str:
    """A cut value for display (new/current and 'other' translated; client strings as is)."""
    if cut == "client_type" and str(value) in ("new", "current"):
        return t(f"funnel.value.{value}", lang)
    if str(value) == "other":
        return t("funnel.other", lang)
    return str(value)


def ci(lo: Any, hi: Any, lang: str) -> str:
    """A 90% interval in brackets, e.g. (18–26%)."""
    if lo is None or hi is None or (isinstance(lo, float) and math.isnan(lo)):
        return ""
    return f"({fmt_pct(lo, lang)}–{fmt_pct(hi, lang)})"


def _lowest(df: pd.DataFrame, col: str) -> pd.Series:
    """The row with the smallest value of col (first on ties)."""
    return df.iloc[int(np.argmin(df[col].to_numpy(dtype=float)))]


def _highest(df: pd.DataFrame, col: str) -> pd.Series:
    """The row with the largest value of col (first on ties)."""
    return df.iloc[int(np.argmax(df[col].to_numpy(dtype=float)))]


def _capital(s: str) -> str:
    return s[:1].upper() + s[1:]


def _money(fa: FunnelAnalysis, x: Any) -> str:
    return fmt_money(x, fa.lang, fa.currency)


def _days(x: Any, lang: str) -> str:
    return fmt_num(x, lang, 0)


# --------------------------------------------------------------------------------------
# the narrative


def story(fa: FunnelAnalysis, section: str) -> list[str]:
    """Sentences about one section of the funnel step, in the report language."""
    if section not in SECTIONS:
        raise ValueError(f"unknown section {section!r}; choose one of {', '.join(SECTIONS)}")
    if fa.reason:
        return [reason_text("no_deals", fa.lang)]
    fn = globals()[f"_story_{section}"]
    return [s for s in fn(fa) if s]


def _story_overview(fa: FunnelAnalysis) -> list[str]:
    lang, c = fa.lang, fa.counts
    assert c is not None
    wi: tuple[Any, Any] = fa.win_interval or (None, None)
    n = c.won + c.lost + c.open
    out = [
        t(
            "funnel.s.overview",
            lang,
            n=fmt_num(n, lang),
            won=fmt_num(c.won, lang),
            lost=fmt_num(c.lost, lang),
            open=fmt_num(c.open, lang),
            wr=fmt_pct(c.win_rate, lang),
            ci=ci(wi[0], wi[1], lang),
        )
    ]
    if fa.cycle.get("median") is not None:
        out.append(
            t(
                "funnel.s.cycle",
                lang,
                median=_days(fa.cycle["median"], lang),
                p80=_days(fa.cycle["p80"], lang),
            )
        )
        out.append(t("funnel.s.cycle_refs", lang))
    else:
        out.append(t("funnel.s.no_cycle", lang))
    if c.lost_without_stage:
        out.append(t("funnel.s.lost_without_stage", lang, n=fmt_num(c.lost_without_stage, lang)))
    return out


def weakest_stage(fa: FunnelAnalysis) -> dict[str, Any] | None:
    """The stage with the lowest judged conversion (n ≥ 30), with its +10% revenue gain."""
    st = fa.table
    if st is None:
        return None
    judged = st.iloc[:-1]
    judged = judged[~judged["too_few"] & judged["conversion_to_next"].notna()]
    if judged.empty:
        return None
    r = _lowest(judged, "conversion_to_next")
    gain = None
    if fa.sensitivity is not None:
        hit = fa.sensitivity[fa.sensitivity["driver"] == f"conversion.{r['key']}"]
        gain = float(hit["revenue_delta"].iloc[0]) if len(hit) else None
    keys = list(st["key"])
    return {
        "key": r["key"],
        "next": keys[keys.index(r["key"]) + 1],
        "value": float(r["conversion_to_next"]),
        "lo": r["lo"],
        "hi": r["hi"],
        "gain": gain,
    }


def _story_funnel(fa: FunnelAnalysis) -> list[str]:
    lang = fa.lang
    out = []
    w = weakest_stage(fa)
    if w:
        h = fa.forecast.horizon if fa.forecast else 12
        kw = dict(
            a=stage_label(w["key"], lang),
            b=stage_label(w["next"], lang),
            v=fmt_pct(w["value"], lang),
            ci=ci(w["lo"], w["hi"], lang),
        )
        if w["gain"] is not None:
            out.append(t("funnel.s.weakest", lang, gain=_money(fa, w["gain"]), h=h, **kw))
        else:
            out.append(t("funnel.s.weakest_nogain", lang, **kw))
    for b in fa.benchmarks:
        if b["status"] is None:
            continue
        if b["key"] == "brief_rate":
            key = "below" if b["status"] == "below" else "inside"
            out.append(
                t(
                    f"funnel.s.brief.{key}",
                    lang,
                    v=fmt_pct(b["value"], lang),
                    ci=ci(b["lo"], b["hi"], lang),
                )
            )
        elif b["key"] == "meeting_to_contract":
            out.append(
                t(
                    f"funnel.s.m2c.{b['status']}",
                    lang,
                    v=fmt_pct(b["value"], lang),
                    ci=ci(b["lo"], b["hi"], lang),
                )
            )
        elif b["key"] == "meetings_per_closer":
            out.append(t(f"funnel.s.mpc.{b['status']}", lang, v=fmt_num(b["value"], lang)))
    if fa.table is not None:
        few = fa.table.iloc[:-1]
        few = few[few["too_few"]]
        if len(few):
            keys = list(fa.table["key"])
            names = ", ".join(
                f"{stage_label(k, lang)} → {stage_label(keys[keys.index(k) + 1], lang)}"
                for k in few["key"]
            )
            out.append(t("funnel.s.too_few", lang, stages=names))
    return out


def cut_metric(fa: FunnelAnalysis) -> tuple[str, str]:
    """The metric the cut charts rank by: meeting → contract when mapped, else win rate."""
    if "first_contact" in fa.stages and fa.stages.index("first_contact") < len(fa.stages) - 1:
        return "m2c", t("funnel.m2c", fa.lang)
    return "win", t("funnel.win_rate", fa.lang)


def metric_columns(metric: str) -> tuple[str, str, str, str]:
    """(value, lo, hi, too_few) column names of a cut table for a metric."""
    if metric == "m2c":
        return "m2c", "m2c_lo", "m2c_hi", "m2c_too_few"
    if metric == "win":
        return "win_rate", "win_lo", "win_hi", "win_too_few"
    k = metric.split(".", 1)[1]
    return f"conv.{k}", f"lo.{k}", f"hi.{k}", f"few.{k}"


def _story_cuts(fa: FunnelAnalysis) -> list[str]:
    lang = fa.lang
    if not fa.cuts:
        return [t("funnel.s.cut_none", lang)]
    metric, mname = cut_metric(fa)
    v, lo, hi, few = metric_columns(metric)
    out = []
    for cut, df in fa.cuts.items():
        judged = df[~df[few].astype(bool) & df[v].notna()]
        cut_name = t(f"funnel.cut.{cut}", lang)
        if len(judged) >= 2:
            a, b = _lowest(judged, v), _highest(judged, v)
            sig = "funnel.s.cut_sig" if a[hi] < b[lo] else "funnel.s.cut_nosig"
            out.append(
                t(
                    "funnel.s.cut_spread",
                    lang,
                    cut=cut_name,
                    metric=mname,
                    lo_v=f"{fmt_pct(a[v], lang)} {ci(a[lo], a[hi], lang)}",
                    lo_name=cut_value_label(a["value"], cut, lang),
                    hi_v=f"{fmt_pct(b[v], lang)} {ci(b[lo], b[hi], lang)}",
                    hi_name=cut_value_label(b["value"], cut, lang),
                    sig=t(sig, lang),
                )
            )
        n_few = int(df[few].astype(bool).sum())
        if n_few:
            out.append(t("funnel.s.cut_few", lang, cut=cut_name, n=n_few, total=len(df)))
    return out


def _story_cohorts(fa: FunnelAnalysis) -> list[str]:
    lang, co = fa.lang, fa.cohorts
    if co is None or co.empty:
        return []
    out = []
    tail = int(co["share.open"].iloc[::-1].gt(0.2).cumprod().sum())
    if tail:
        out.append(
            t(
                "funnel.s.cohort_young",
                lang,
                month=fmt_month(co["cohort"].iloc[len(co) - tail], lang),
            )
        )
    if "first_contact" in fa.stages:
        done = co[(co["share.open"] <= 0.2) & (co["deals"] >= 30)]
        if len(done) >= 2:
            col = "reach.first_contact"
            a, b = _lowest(done, col), _highest(done, col)
            out.append(
                t(
                    "funnel.s.cohort_range",
                    lang,
                    lo=fmt_pct(a[col], lang),
                    lo_m=fmt_month(a["cohort"], lang),
                    hi=fmt_pct(b[col], lang),
                    hi_m=fmt_month(b["cohort"], lang),
                )
            )
    return out


def _story_time(fa: FunnelAnalysis) -> list[str]:
    lang, s = fa.lang, fa.time_in_stage
    if s is None or s.empty:
        return [t("funnel.s.no_history", lang)]
    out = []
    ok = s[s["median_days"].notna()]
    if len(ok):
        r = _highest(ok, "median_days")
        p80 = "—" if r["p80_days"] is None or pd.isna(r["p80_days"]) else _days(r["p80_days"], lang)
        out.append(
            t(
                "funnel.s.time_slowest",
                lang,
                stage=stage_label(r["stage"], lang),
                median=_days(r["median_days"], lang),
                p80=p80,
            )
        )
        cens = int(s["censored"].sum())
        if cens and r["naive_median_days"] is not None and not pd.isna(r["naive_median_days"]):
            diff = r["median_days"] - r["naive_median_days"]
            if diff >= 1:
                out.append(
                    t(
                        "funnel.s.time_censored",
                        lang,
                        n=fmt_num(cens, lang),
                        stage=stage_label(r["stage"], lang),
                        diff=_days(diff, lang),
                    )
                )
    return out


def _story_hygiene(fa: FunnelAnalysis) -> list[str]:
    lang = fa.lang
    items = []
    for name, v in fa.hygiene.items():
        if v.get("count"):
            items.append(
                t(
                    f"funnel.hyg.{name}",
                    lang,
                    n=fmt_num(v["count"], lang),
                    days=_days(v.get("threshold_days"), lang),
                )
            )
    if not items:
        return [t("funnel.s.hygiene_ok", lang)]
    return [t("funnel.s.hygiene", lang, items="; ".join(items))]


def _signed(fa: FunnelAnalysis, v: float) -> str:
    return ("+" if v >= 0 else "") + _money(fa, v)


EFFECT_WORDS = {
    "volume": "funnel.chart.volume",
    "conversion": "funnel.chart.conv_effect",
    "deal_size": "funnel.chart.size_effect",
    "other": "funnel.chart.other_effect",
}


def _story_plan_fact(fa: FunnelAnalysis) -> list[str]:
    lang, pf = fa.lang, fa.plan_fact
    if pf is None:
        return [reason_text(fa.plan_reason, lang)] if fa.plan_reason else []
    plan, fact = float(pf["plan"].sum()), float(pf["fact"].sum())
    payments = bool((pf["fact"] - pf["won_revenue"]).abs().sum() > 0)
    kind = t("funnel.kind.payments" if payments else "funnel.kind.won_revenue", lang)
    out = [
        t(
            "funnel.s.plan_fact",
            lang,
            n=len(pf),
            kind=kind,
            fact=_money(fa, fact),
            plan=_money(fa, plan),
            gap=_signed(fa, fact - plan),
        ),
        t(
            "funnel.s.plan_volume",
            lang,
            need=fmt_num(pf["plan_new"].mean(), lang),
            have=fmt_num(pf["new"].mean(), lang),
        ),
    ]
    if payments:
        out.append(t("funnel.s.plan_other", lang, value=_signed(fa, float(pf["other"].sum()))))
    # months right after the data begins miss wins from deals created before it: skip them
    p80 = fa.cycle.get("p80") or 0.0
    first = fa.cohorts["cohort"].min() if fa.cohorts is not None and len(fa.cohorts) else None
    settled = pf
    if first is not None:
        settled = pf[pf["month"] >= first + pd.DateOffset(months=math.ceil(p80 / 30.4375))]
    if settled.empty:
        return out
    worst = settled.iloc[int(np.argmin(settled["gap"].to_numpy(dtype=float)))]
    if worst["gap"] < 0:
        effects = {k: float(worst[k]) for k in EFFECT_WORDS if k in worst}
        k = min(effects, key=lambda x: effects[x])
        out.append(
            t(
                "funnel.s.plan_effect",
                lang,
                month=fmt_month(worst["month"], lang),
                gap=_signed(fa, float(worst["gap"])),
                effect=t(EFFECT_WORDS[k], lang).lower(),
                value=_signed(fa, effects[k]),
            )
        )
    return out


def _story_daily(fa: FunnelAnalysis) -> list[str]:
    lang, d = fa.lang, fa.daily
    if d is None:
        return []
    past = d[d["fact"].notna()]
    fact = float(past["fact"].sum()) if len(past) else 0.0
    out = []
    if d["plan"].notna().any() and d["plan"].sum() > 0:
        plan_td = float(past["plan"].sum()) if len(past) else 0.0
        out.append(t("funnel.s.daily", lang, fact=_money(fa, fact), plan=_money(fa, plan_td)))
        nxt = d[d["fact"].isna() & (d["plan"] > 0)]
        if len(nxt):
            out.append(
                t("funnel.s.daily_next", lang, tomorrow=_money(fa, float(nxt["plan"].iloc[0])))
            )
    else:
        out.append(t("funnel.s.daily_noplan", lang, fact=_money(fa, fact)))
    if fa.board is not None and len(fa.board):
        top = fa.board.iloc[0]
        out.append(
            t("funnel.s.board", lang, name=str(top["manager"]), fact=_money(fa, top["fact"]))
        )
    return out


def _story_forecast(fa: FunnelAnalysis) -> list[str]:
    lang, r = fa.lang, fa.forecast
    if r is None:
        return [reason_text(fa.forecast_reason, lang)] if fa.forecast_reason else []
    out = [
        t(
            "funnel.s.forecast",
            lang,
            h=r.horizon,
            p50=_money(fa, r.total_q[1]),
            p10=_money(fa, r.total_q[0]),
            p90=_money(fa, r.total_q[2]),
        )
    ]
    if r.p_target is not None and fa.target:
        out.append(
            t(
                "funnel.s.p_target",
                lang,
                target=_money(fa, fa.target),
                total=_money(fa, r.target_total),
                p=fmt_pct(r.p_target, lang),
            )
        )
    m = r.method
    out.append(
        t(
            "funnel.s.forecast_method",
            lang,
            n=fmt_num(r.scenarios, lang),
            kind=t(f"funnel.kind.{m['inflow']}", lang),
            mean=fmt_num(m["inflow_mean"], lang),
            open=fmt_num(m["open_deals"], lang),
        )
    )
    return out


def _fmt_driver_value(driver: str, v: Any, fa: FunnelAnalysis) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "—"
    if driver.startswith("conversion."):
        return fmt_pct(v, fa.lang)
    if driver == "deal_size":
        return _money(fa, v)
    if driver == "cycle":
        return _days(v, fa.lang) + "\u00a0" + t("word.days", fa.lang)
    return fmt_num(v, fa.lang, 0)


def _story_sensitivity(fa: FunnelAnalysis) -> list[str]:
    lang = fa.lang
    out = []
    if fa.sensitivity is not None and len(fa.sensitivity) and fa.forecast is not None:
        top = fa.sensitivity.iloc[0]
        out.append(
            t(
                "funnel.s.tornado",
                lang,
                driver=driver_label(top["driver"], fa.stages, lang).lower()
                if lang == "ru"
                else driver_label(top["driver"], fa.stages, lang),
                gain=_money(fa, top["revenue_delta"]),
                h=fa.forecast.horizon,
            )
        )
    g = fa.goal_seek
    if g is not None and fa.target:
        rows = g[g["needed"].notna()]
        if len(rows) and (rows["change"].fillna(0) <= 0).all():
            out.append(t("funnel.s.goal_met", lang, target=_money(fa, fa.target)))
            return out
        bad, good = [], 0
        for _, r in rows.iterrows():
            kw = dict(
                driver=driver_label(r["driver"], fa.stages, lang),
                cur=_fmt_driver_value(r["driver"], r["current"], fa),
                need=_fmt_driver_value(r["driver"], r["needed"], fa),
            )
            real = r["realistic"]
            if isinstance(real, (bool, np.bool_)) and bool(real):
                good += 1
                out.append(t("funnel.s.goal_ok", lang, target=_money(fa, fa.target), **kw))
            elif isinstance(real, (bool, np.bool_)):
                bad.append(
                    t("funnel.s.goal_item", lang, why=t(f"funnel.why.{r['reason']}", lang), **kw)
                )
        if not good:
            out.append(t("funnel.s.goal_none", lang, target=_money(fa, fa.target)))
        if bad:
            out.append(t("funnel.s.goal_no", lang, items="; ".join(bad)))
    return out


# --------------------------------------------------------------------------------------
# key figures


def kpis(fa: FunnelAnalysis) -> list[tuple[str, str]]:
    """Key funnel figures for the tiles: (label, value) in the report language."""
    lang = fa.lang
    if fa.counts is None:
        return []
    c = fa.counts
    out = [
        (t("funnel.h.deals", lang), fmt_num(c.won + c.lost + c.open, lang)),
        (t("funnel.win_rate", lang), fmt_pct(c.win_rate, lang)),
    ]
    if fa.m2c is not None:
        out.append((t("funnel.m2c", lang), fmt_pct(fa.m2c.get("value"), lang)))
    out.append((t("funnel.kpi.cycle", lang), fmt_num(fa.cycle.get("median"), lang)))
    out.append((t("funnel.h.open", lang), fmt_num(c.open, lang)))
    if fa.forecast is not None:
        out.append(
            (
                t("funnel.kpi.forecast", lang, h=fa.forecast.horizon),
                _money(fa, fa.forecast.total_q[1]),
            )
        )
        if fa.forecast.p_target is not None:
            out.append((t("funnel.sim.p_target", lang), fmt_pct(fa.forecast.p_target, lang)))
    return out


# --------------------------------------------------------------------------------------
# display tables (formatted strings, headers in the report language)


def display_table(fa: FunnelAnalysis, name: str) -> pd.DataFrame | None:
    """A formatted table for the report: funnel, benchmarks, goal_seek, hygiene, time,
    plan_fact, board, or cut:<column>. None when the data has none."""
    lang = fa.lang
    if name == "funnel" and fa.table is not None:
        st = fa.table
        rows = []
        for i, r in st.iterrows():
            last = i == len(st) - 1
            conv = (
                ""
                if last
                else (t("word.too_few", lang) + " · " if r["too_few"] else "")
                + fmt_pct(r["conversion_to_next"], lang)
            )
            rows.append(
                {
                    t("tbl.stage", lang): stage_label(r["key"], lang),
                    t("tbl.reached", lang): fmt_num(r["reached"], lang),
                    t("funnel.h.open", lang): fmt_num(r["open_here"], lang),
                    t("tbl.conversion", lang): "" if last else conv,
                    t("tbl.interval", lang): "" if last else ci(r["lo"], r["hi"], lang),
                    t("funnel.h.n", lang): "" if last else fmt_num(r["n"], lang),
                }
            )
        return pd.DataFrame(rows)
    if name == "benchmarks" and fa.benchmarks:
        rows = []
        for b in fa.benchmarks:
            is_pct = b["key"] != "meetings_per_closer"
            f = (lambda x: fmt_pct(x, lang)) if is_pct else (lambda x: fmt_num(x, lang))
            band = f"≥ {f(b['low'])}" if b["high"] is None else f"{f(b['low'])}–{f(b['high'])}"
            rows.append(
                {
                    t("tbl.metric", lang): t(f"funnel.bench.{b['key']}", lang),
                    t("funnel.h.value", lang): f(b["value"])
                    + (" " + ci(b["lo"], b["hi"], lang) if b["lo"] is not None else ""),
                    t("funnel.h.band", lang): band,
                    t("funnel.h.status", lang): t(f"funnel.status.{b['status']}", lang)
                    if b["status"]
                    else "—",
                    t("tbl.source", lang): b["source"],
                }
            )
        return pd.DataFrame(rows)
    if name == "goal_seek" and fa.goal_seek is not None:
        rows = []
        for _, r in fa.goal_seek.iterrows():
            real = r["realistic"]
            real_s = (
                "—"
                if real is None or (isinstance(real, float) and math.isnan(real))
                else t("word.yes" if bool(real) else "word.no", lang)
            )
            if isinstance(r["reason"], str) and r["reason"] in (
                "above_one",
                "above_band",
                "above_best",
                "capacity",
            ):
                real_s += f" ({t('funnel.why.' + r['reason'], lang)})"
            rows.append(
                {
                    t("funnel.h.driver", lang): driver_label(r["driver"], fa.stages, lang),
                    t("funnel.h.current", lang): _fmt_driver_value(r["driver"], r["current"], fa),
                    t("funnel.h.needed", lang): _fmt_driver_value(r["driver"], r["needed"], fa),
                    t("funnel.h.realistic", lang): real_s,
                }
            )
        return pd.DataFrame(rows)
    if name == "hygiene" and fa.hygiene:
        rows = []
        for k, v in fa.hygiene.items():
            rows.append(
                {
                    t("funnel.h.check", lang): _capital(
                        t(f"funnel.hyg.{k}", lang, n="…", days=_days(v.get("threshold_days"), lang))
                        .replace("… ", "")
                        .replace(" …", "")
                    ),
                    t("funnel.h.deals", lang): "—"
                    if v.get("count") is None
                    else fmt_num(v["count"], lang),
                    t("funnel.h.examples", lang): ", ".join(v.get("examples", [])),
                }
            )
        return pd.DataFrame(rows)
    if name == "time" and fa.time_in_stage is not None and not fa.time_in_stage.empty:
        s = fa.time_in_stage
        return pd.DataFrame(
            {
                t("tbl.stage", lang): [stage_label(k, lang) for k in s["stage"]],
                t("funnel.h.stays", lang): [fmt_num(x, lang) for x in s["spells"]],
                t("funnel.h.censored", lang): [fmt_num(x, lang) for x in s["censored"]],
                t("funnel.h.median", lang): [fmt_num(x, lang) for x in s["median_days"]],
                t("funnel.h.p80", lang): [fmt_num(x, lang) for x in s["p80_days"]],
            }
        )
    if name == "plan_fact" and fa.plan_fact is not None:
        pf = fa.plan_fact
        return pd.DataFrame(
            {
                t("tbl.month", lang): [fmt_month(m, lang) for m in pf["month"]],
                t("tbl.plan", lang): [_money(fa, x) for x in pf["plan"]],
                t("tbl.fact", lang): [_money(fa, x) for x in pf["fact"]],
                t("funnel.h.gap", lang): [_money(fa, x) for x in pf["gap"]],
                t("funnel.chart.volume", lang): [_money(fa, x) for x in pf["volume"]],
                t("funnel.chart.conv_effect", lang): [_money(fa, x) for x in pf["conversion"]],
                t("funnel.chart.size_effect", lang): [_money(fa, x) for x in pf["deal_size"]],
                t("funnel.chart.other_effect", lang): [_money(fa, x) for x in pf["other"]],
            }
        )
    if name == "board" and fa.board is not None:
        bd = fa.board
        return pd.DataFrame(
            {
                t("funnel.h.rank", lang): bd["rank"].astype(int).tolist(),
                t("tbl.manager", lang): bd["manager"].astype(str).tolist(),
                t("tbl.fact", lang): [_money(fa, x) for x in bd["fact"]],
                t("funnel.h.plan_to_date", lang): [_money(fa, x) for x in bd["plan_to_date"]],
                t("funnel.h.share", lang): [fmt_pct(x, lang) for x in bd["share_of_plan"]],
            }
        )
    if name.startswith("cut:"):
        cut = name.split(":", 1)[1]
        df = fa.cuts.get(cut)
        if df is None:
            return None
        metric, mname = cut_metric(fa)
        v, lo, hi, few = metric_columns(metric)
        return pd.DataFrame(
            {
                t(f"funnel.cut.{cut}", lang).capitalize(): [
                    cut_value_label(x, cut, lang) for x in df["value"]
                ],
                t("funnel.h.deals", lang): [fmt_num(x, lang) for x in df["deals"]],
                t("funnel.win_rate", lang): [fmt_pct(x, lang) for x in df["win_rate"]],
                mname: [
                    (t("word.too_few", lang) + " · " if f else "") + fmt_pct(x, lang)
                    for x, f in zip(df[v], df[few], strict=True)
                ],
                t("tbl.interval", lang): [
                    ci(a, b, lang) for a, b in zip(df[lo], df[hi], strict=True)
                ],
            }
        )
    return None
