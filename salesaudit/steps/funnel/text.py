"""Funnel words (en, ru), the narrative generated from the numbers, and display tables.

Sentences
are plain text (client strings such as manager names are not escaped here: whoever renders
them as HTML or Markdown escapes them).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import wraps
from typing import Any

import pandas as pd

from salesaudit.i18n import fmt_date, fmt_money, fmt_month, fmt_num, fmt_pct, has, t
from salesaudit.present.labels import keyed, mid_sentence, source_label
from salesaudit.steps.funnel.analysis import FunnelAnalysis
from salesaudit.steps.funnel.compute import CutValue, metric_columns
from salesaudit.steps.funnel.forecast import Lever

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
    return t(f"funnel.driver.{driver}", lang)  # new_deals, win_rate, deal_size, cycle, ...


def cut_value_label(value: Any, cut: str, lang: str) -> str:
    """A cut value for display (new/current and 'other' translated; client strings as is)."""
    if cut == "client_type" and str(value) in ("new", "current"):
        return t(f"funnel.value.{value}", lang)
    if str(value) == "other":
        return t("funnel.other", lang)
    if cut == "channel":
        return keyed("channel", value, lang)
    return str(value)


def ci(lo: Any, hi: Any, lang: str) -> str:
    """A 90% interval in brackets, e.g. (18–26%)."""
    if lo is None or hi is None or (isinstance(lo, float) and math.isnan(lo)):
        return ""
    return f"({fmt_pct(lo, lang)}–{fmt_pct(hi, lang)})"


def metric_name(fa: FunnelAnalysis) -> str:
    """The name of the metric the cuts are ranked by (meeting → contract, or win rate)."""
    return t("funnel.m2c" if fa.cut_metric == "m2c" else "funnel.win_rate", fa.lang)


def _money(fa: FunnelAnalysis, x: Any) -> str:
    """An amount in the analysis's currency and language."""
    return fmt_money(x, fa.lang, fa.currency)


def _signed(fa: FunnelAnalysis, v: float) -> str:
    """An amount with its sign (+ for gains)."""
    return ("+" if v >= 0 else "") + _money(fa, v)


def _days(x: Any, lang: str) -> str:
    """A number of days, whole."""
    return fmt_num(x, lang, 0)


def driver_value(driver: str, v: Any, lang: str, currency: str = "") -> str:
    """A driver's value in its unit: a share, an amount, days or a count."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "—"
    if driver.startswith("conversion.") or driver in (
        "win_rate",
        "meeting_to_contract",
        "retention",
    ):
        return fmt_pct(v, lang)
    if driver == "deal_size":
        return fmt_money(v, lang, currency)
    if driver == "cycle":
        return _days(v, lang) + "\u00a0" + t("word.days", lang)
    return fmt_num(v, lang, 0)


def _fmt_driver_value(driver: str, v: Any, fa: FunnelAnalysis) -> str:
    """A driver's value in its unit, in the analysis's language and currency."""
    return driver_value(driver, v, fa.lang, fa.currency)


def lever_source(source: str, who: tuple[str, ...], lang: str) -> str:
    """Where a lever's reference comes from: the best sellers (named), the band, the best quarter."""
    return t(f"funnel.lever_source.{source}", lang, who=", ".join(who))


# --------------------------------------------------------------------------------------
# the narrative: one function per section, each [reason] when there are no deals

Story = Callable[[FunnelAnalysis], list[str]]


def _story(fn: Story) -> Story:
    """A section's sentences: the no-deals reason instead when there are no deals; no blanks."""

    @wraps(fn)
    def wrapper(fa: FunnelAnalysis) -> list[str]:
        """The section's sentences, or the no-deals reason."""
        if fa.reason:
            return [reason_text("no_deals", fa.lang)]
        return [s for s in fn(fa) if s]

    return wrapper


@_story
def overview(fa: FunnelAnalysis) -> list[str]:
    """Deals, outcomes, win rate and the cycle."""
    lang, c = fa.lang, fa.counts
    assert c is not None
    wi: tuple[Any, Any] = fa.win_interval or (None, None)
    out = [
        t(
            "funnel.s.overview",
            lang,
            n=c.won + c.lost + c.open,
            won=fmt_num(c.won, lang),
            lost=fmt_num(c.lost, lang),
            open=fmt_num(c.open, lang),
            wr=fmt_pct(c.win_rate, lang),
            ci=ci(wi[0], wi[1], lang),
        )
    ]
    stale = (fa.hygiene or {}).get("stale") or {}
    if stale.get("count"):  # the counts hold stale open deals as lost: reconcile with the CRM
        n = int(stale["count"])
        out.append(
            t(
                "funnel.s.stale_lost",
                lang,
                lost=fmt_num(c.lost, lang),
                n=n,
                days=fmt_num(stale["threshold_days"], lang),
                marked=fmt_num(c.lost - n, lang),
                open_crm=fmt_num(c.open + n, lang),
            )
        )
    if fa.cycle.get("median") is not None:
        median, p80 = _days(fa.cycle["median"], lang), _days(fa.cycle["p80"], lang)
        out.append(t("funnel.s.cycle", lang, median=median, p80=p80))
        out.append(t("funnel.s.cycle_refs", lang))
    else:
        out.append(t("funnel.s.no_cycle", lang))
    if not c.identified:
        out.append(
            t("funnel.s.not_identified", lang, n=c.lost_without_stage, lost=fmt_num(c.lost, lang))
        )
        out.append(_open_mix(fa))
    elif c.lost_without_stage:
        out.append(t("funnel.s.lost_without_stage", lang, n=c.lost_without_stage))
    return out


def _open_mix(fa: FunnelAnalysis) -> str:
    """The open deals by the stage they are at now ('' when none is open)."""
    lang, c = fa.lang, fa.counts
    assert c is not None
    st = c.stages[c.stages["open_here"] > 0]
    if st.empty:
        return ""
    mix = ", ".join(
        f"{stage_label(k, lang)} — {fmt_num(n, lang)}"
        for k, n in zip(st["key"], st["open_here"], strict=True)
    )
    return t("funnel.s.open_mix", lang, n=c.open, mix=mix)


def _weakest_sentence(fa: FunnelAnalysis) -> str:
    """The weakest stage and, from the lever ranking, its reachable reference and money a year."""
    lang, w = fa.lang, fa.weakest
    if w is None:
        return ""
    kw = dict(
        a=stage_label(w.stage, lang),
        b=stage_label(w.next_stage, lang),
        v=fmt_pct(w.conversion, lang),
        ci=ci(w.lo, w.hi, lang),
    )
    lever = next((x for x in fa.levers if x.driver == f"conversion.{w.stage}"), None)
    if w.gain is None or w.reference is None or lever is None:
        return t("funnel.s.weakest_nogain", lang, **kw)
    return t(
        "funnel.s.weakest",
        lang,
        ref=fmt_pct(w.reference, lang),
        source=lever_source(lever.reference_source, lever.who, lang),
        gain=_money(fa, w.gain),
        **kw,
    )


def _benchmark_sentence(b: dict[str, Any], lang: str, roles_known: bool = True) -> str:
    """One benchmark against the methodology ('' when it cannot be judged); without roles
    the meetings per closer are per deal owner, and the sentence says so."""
    if b["status"] is None:
        return ""
    interval = ci(b["lo"], b["hi"], lang)
    if b["key"] == "brief_rate":
        key = "below" if b["status"] == "below" else "inside"
        return t(f"funnel.s.brief.{key}", lang, v=fmt_pct(b["value"], lang), ci=interval)
    if b["key"] == "meeting_to_contract":
        return t(f"funnel.s.m2c.{b['status']}", lang, v=fmt_pct(b["value"], lang), ci=interval)
    if b["key"] == "meetings_per_closer":
        said = t(f"funnel.s.mpc.{b['status']}", lang, v=round(b["value"]))
        basis = b.get("basis")
        if basis == "crm" and not roles_known:
            basis = "crm_owners"
        return f"{said} {t(f'funnel.s.mpc_basis.{basis}', lang)}" if basis else said
    return ""


@_story
def funnel_story(fa: FunnelAnalysis) -> list[str]:
    """The weakest stage, the benchmarks, and the conversions too thin to judge."""
    lang = fa.lang
    roles = fa.meeting_rate is None or fa.meeting_rate.roles_known
    out = [_weakest_sentence(fa), *(_benchmark_sentence(b, lang, roles) for b in fa.benchmarks)]
    known = fa.m2c is not None and fa.m2c.get("value") is not None
    if known and fa.counts is not None and not fa.counts.identified:
        out.append(t("funnel.s.m2c_is_win_rate", lang))  # see compute.meeting_to_contract_of
    if fa.thin_steps:
        names = ", ".join(
            f"{stage_label(a, lang)} → {stage_label(b, lang)}" for a, b in fa.thin_steps
        )
        out.append(t("funnel.s.too_few", lang, stages=names))
    return out


def _cut_value_text(v: CutValue, cut: str, lang: str) -> tuple[str, str]:
    """(rate with its interval, the value's name) of one cut value."""
    return f"{fmt_pct(v.rate, lang)} {ci(v.lo, v.hi, lang)}", cut_value_label(v.value, cut, lang)


@_story
def cuts_story(fa: FunnelAnalysis) -> list[str]:
    """Per cut: the lowest and highest value of the ranking metric, and thin values."""
    lang = fa.lang
    if not fa.cuts:
        return [t("funnel.s.cut_none", lang)]
    out = []
    for cut, sp in fa.cut_spreads.items():
        cut_name = t(f"funnel.cut.{cut}", lang)
        if sp.lowest is not None and sp.highest is not None:
            lo_v, lo_name = _cut_value_text(sp.lowest, cut, lang)
            hi_v, hi_name = _cut_value_text(sp.highest, cut, lang)
            sig = "funnel.s.cut_sig" if sp.significant else "funnel.s.cut_nosig"
            out.append(
                t(
                    "funnel.s.cut_spread",
                    lang,
                    cut=cut_name,
                    metric=metric_name(fa),
                    lo_v=lo_v,
                    lo_name=lo_name,
                    hi_v=hi_v,
                    hi_name=hi_name,
                    sig=t(sig, lang),
                )
            )
        if sp.too_few:
            out.append(t("funnel.s.cut_few", lang, cut=cut_name, n=sp.too_few, total=sp.values))
    return out


@_story
def cohorts_story(fa: FunnelAnalysis) -> list[str]:
    """The young cohorts, and the range of the meeting rate among settled ones."""
    lang, cs = fa.lang, fa.cohort_summary
    if cs is None:
        return []
    out = []
    if cs.young_from is not None:
        out.append(t("funnel.s.cohort_young", lang, month=fmt_month(cs.young_from, lang)))
    if cs.reach_low is not None and cs.reach_high is not None:
        (lo_m, lo), (hi_m, hi) = cs.reach_low, cs.reach_high
        out.append(
            t(
                "funnel.s.cohort_range",
                lang,
                lo=fmt_pct(lo, lang),
                lo_m=fmt_month(lo_m, lang),
                hi=fmt_pct(hi, lang),
                hi_m=fmt_month(hi_m, lang),
            )
        )
    return out


@_story
def time_story(fa: FunnelAnalysis) -> list[str]:
    """The slowest stage, and how much finished stays alone would understate it."""
    lang, s = fa.lang, fa.slowest
    if fa.time_in_stage is None or fa.time_in_stage.empty:
        return [t("funnel.s.no_history", lang)]
    if s is None:
        return []
    p80 = "—" if s.p80_days is None else _days(s.p80_days, lang)
    stage = stage_label(s.stage, lang)
    out = [
        t("funnel.s.time_slowest", lang, stage=stage, median=_days(s.median_days, lang), p80=p80)
    ]
    if s.understated_by is not None:
        diff = _days(s.understated_by, lang)
        out.append(t("funnel.s.time_censored", lang, n=s.censored, stage=stage, diff=diff))
    return out


@_story
def hygiene_story(fa: FunnelAnalysis) -> list[str]:
    """The CRM hygiene checks that found something, in one sentence."""
    lang = fa.lang
    items = [
        t(f"funnel.hyg.{name}", lang, n=v["count"], days=_days(v.get("threshold_days"), lang))
        for name, v in fa.hygiene.items()
        if v.get("count")
    ]
    if not items:
        return [t("funnel.s.hygiene_ok", lang)]
    return [t("funnel.s.hygiene", lang, items="; ".join(items))]


EFFECT_WORDS = {
    "volume": "funnel.chart.volume",
    "conversion": "funnel.chart.conv_effect",
    "deal_size": "funnel.chart.size_effect",
    "other": "funnel.chart.other_effect",
}


@_story
def plan_fact_story(fa: FunnelAnalysis) -> list[str]:
    """Plan against fact, the new deals the plan needs, and the worst month's main cause."""
    lang, s = fa.lang, fa.plan_summary
    if s is None:
        return [reason_text(fa.plan_reason, lang)] if fa.plan_reason else []
    kind = t("funnel.kind.payments" if s.payments else "funnel.kind.won_revenue", lang)
    out = [
        t(
            "funnel.s.plan_fact",
            lang,
            n=s.months,
            kind=kind,
            fact=_money(fa, s.fact),
            plan=_money(fa, s.plan),
            gap=_signed(fa, s.fact - s.plan),
        ),
        t(
            "funnel.s.plan_volume",
            lang,
            need=fmt_num(s.new_needed, lang),
            have=fmt_num(s.new_created, lang),
        ),
    ]
    if s.payments:
        out.append(t("funnel.s.plan_other", lang, value=_signed(fa, s.other)))
    plan_won, gs = s.plan_month_won, fa.goal_seek
    row = gs[gs["driver"] == "new_deals"] if gs is not None else None
    if s.payments and plan_won is not None and fa.target and row is not None and len(row):
        kw = {"plan": _money(fa, plan_won), "target": _money(fa, fa.target)}
        kw |= {"ratio": fmt_num(s.ratio, lang, 2), "plan_need": fmt_num(s.new_needed, lang)}
        out.append(t("funnel.s.plan_basis", lang, **kw, need=fmt_num(row["needed"].iloc[0], lang)))
    w = s.worst
    if w is not None:
        out.append(
            t(
                "funnel.s.plan_effect",
                lang,
                month=fmt_month(w.month, lang),
                gap=_signed(fa, w.gap),
                effect=t(EFFECT_WORDS[w.effect], lang).lower(),
                value=_signed(fa, w.value),
            )
        )
    return out


@_story
def daily_story(fa: FunnelAnalysis) -> list[str]:
    """This month's payments against the plan to date, tomorrow's plan, the board leader."""
    lang, d = fa.lang, fa.daily_summary
    if d is None:
        return []
    if d.plan is not None:
        out = [t("funnel.s.daily", lang, fact=_money(fa, d.fact), plan=_money(fa, d.plan))]
        if d.tomorrow is not None:
            out.append(t("funnel.s.daily_next", lang, tomorrow=_money(fa, d.tomorrow)))
    else:
        out = [t("funnel.s.daily_noplan", lang, fact=_money(fa, d.fact))]
    if d.leader is not None:
        out.append(t("funnel.s.board", lang, name=d.leader, fact=_money(fa, d.leader_fact)))
    return out


@_story
def forecast_story(fa: FunnelAnalysis) -> list[str]:
    """The forecast's P10–P50–P90, the chance of the target, and how it was drawn."""
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
    key = "funnel.s.forecast_method"
    if "win_rate_model" in m.get("notes", []):
        key = "funnel.s.forecast_method_win"
    out.append(
        t(
            key,
            lang,
            n=r.scenarios,
            kind=t(f"funnel.kind.{m['inflow']}", lang),
            mean=fmt_num(m["inflow_mean"], lang),
            open=m["open_deals"],
        )
    )
    return out


MIN_CHECKS = 6  # fewer backtests (under ~12 months of history) cannot judge the forecast


def _times(x: float | None, lang: str) -> str:
    """A coverage ratio, e.g. 2.7×."""
    return "—" if x is None else fmt_num(x, lang, 1) + "×"


@_story
def backtest_story(fa: FunnelAnalysis) -> list[str]:
    """Had we run this audit a year ago: the forecast then, what came, and the coverage."""
    lang, b = fa.lang, fa.backtest
    if fa.forecast is None or b is None:
        return []
    year = b.year_ago
    if year is None:
        return [t("funnel.s.backtest_none", lang)]
    where = "inside" if year.covered else ("above" if year.actual > year.p90 else "below")
    out = [
        t(
            "funnel.s.backtest_year",
            lang,
            date=fmt_date(year.as_of, lang),
            h=year.horizon_months,
            p50=_money(fa, year.p50),
            p10=_money(fa, year.p10),
            p90=_money(fa, year.p90),
            actual=_money(fa, year.actual),
            where=t(f"funnel.backtest.{where}", lang),
        )
    ]
    out.append(
        t(
            "funnel.s.backtest_all",
            lang,
            n=len(b.rows),
            max=year.horizon_months,
            k=sum(r.covered for r in b.rows),
            mae=_money(fa, b.mae),
            mae_rr=_money(fa, b.mae_run_rate),
        )
    )
    if fa.time_reason == "no_history" and fa.model is not None and not fa.model.collapsed:
        out.append(t("funnel.s.backtest_no_history", lang))
    if len(b.rows) < MIN_CHECKS:  # a few checks over the same months judge nothing either way
        out.append(t("funnel.s.backtest_few", lang, n=len(b.rows)))
        return out
    covered = sum(r.covered for r in b.rows) / len(b.rows)
    if covered < 0.8 or (
        b.mae is not None and b.mae_run_rate is not None and b.mae > b.mae_run_rate
    ):
        out.append(t("funnel.s.backtest_weak", lang))
    return out


def backtest_table(fa: FunnelAnalysis) -> pd.DataFrame | None:
    """Each backtest: when it was made, months ahead, P10/P50/P90, what came, the run rate."""
    lang, b = fa.lang, fa.backtest
    if b is None or not b.rows:
        return None
    rows = sorted(b.rows, key=lambda r: r.horizon_months)
    return pd.DataFrame(
        {
            t("funnel.h.as_of", lang): [fmt_date(r.as_of, lang) for r in rows],
            t("funnel.h.months", lang): [r.horizon_months for r in rows],
            t("funnel.h.p10", lang): [_money(fa, r.p10) for r in rows],
            t("funnel.h.p50", lang): [_money(fa, r.p50) for r in rows],
            t("funnel.h.p90", lang): [_money(fa, r.p90) for r in rows],
            t("funnel.h.actual", lang): [_money(fa, r.actual) for r in rows],
            t("funnel.h.run_rate", lang): [_money(fa, r.run_rate) for r in rows],
        }
    )


@_story
def coverage_story(fa: FunnelAnalysis) -> list[str]:
    """The open pipeline, as is and weighted, against the next quarter's and horizon's target."""
    lang, pc = fa.lang, fa.pipeline_coverage
    if pc is None:
        return []
    kw = {
        "pipeline": _money(fa, pc.pipeline),
        "n": pc.open_deals,
        "weighted": _money(fa, pc.weighted),
    }
    if pc.target_quarter is None:
        return [t("funnel.s.coverage_notarget", lang, **kw)]
    return [
        t(
            "funnel.s.coverage",
            lang,
            ratio=_times(pc.ratio(False, False), lang),
            target=_money(fa, pc.target_quarter),
            wratio=_times(pc.ratio(True, False), lang),
            wratio_h=_times(pc.ratio(True, True), lang),
            h=pc.horizon,
            **kw,
        ),
        t("funnel.s.coverage_rule", lang),
    ]


def coverage_table(fa: FunnelAnalysis) -> pd.DataFrame | None:
    """Per manager: open deals, pipeline as is and weighted, and their coverage of the target."""
    lang, pc = fa.lang, fa.pipeline_coverage
    if pc is None or pc.managers.empty:
        return None
    m = pc.managers
    ratio = [None if pd.isna(x) else float(x) for x in m["ratio"]]
    wratio = [None if pd.isna(x) else float(x) for x in m["weighted_ratio"]]
    return pd.DataFrame(
        {
            t("tbl.manager", lang): m["manager"].astype(str).tolist(),
            t("funnel.h.deals", lang): [fmt_num(x, lang) for x in m["open_deals"]],
            t("funnel.h.pipeline", lang): [_money(fa, x) for x in m["pipeline"]],
            t("funnel.h.weighted", lang): [_money(fa, x) for x in m["weighted"]],
            t("funnel.h.target_quarter", lang): [_money(fa, x) for x in m["target_quarter"]],
            t("funnel.h.ratio", lang): [_times(x, lang) for x in ratio],
            t("funnel.h.weighted_ratio", lang): [_times(x, lang) for x in wratio],
        }
    )


def _lever_kw(fa: FunnelAnalysis, lever: Lever) -> dict[str, str]:
    """A goal-seek lever's name, value today and value needed, formatted."""
    return {
        "driver": mid_sentence(driver_label(lever.driver, fa.stages, fa.lang), fa.lang),
        "cur": _fmt_driver_value(lever.driver, lever.current, fa),
        "need": _fmt_driver_value(lever.driver, lever.needed, fa),
    }


def _goal_sentences(fa: FunnelAnalysis) -> list[str]:
    """Which single levers reach the target, and why the others do not."""
    lang, g = fa.lang, fa.goal
    if g is None or not fa.target:
        return []
    target = _money(fa, fa.target)
    if g.met:
        return [t("funnel.s.goal_met", lang, target=target)]
    out = [t("funnel.s.goal_ok", lang, target=target, **_lever_kw(fa, x)) for x in g.realistic]
    if not g.realistic:
        out.append(t("funnel.s.goal_none", lang, target=target))
    bad = [
        t("funnel.s.goal_item", lang, why=t(f"funnel.why.{x.reason}", lang), **_lever_kw(fa, x))
        for x in g.unrealistic
    ]
    if bad:
        out.append(t("funnel.s.goal_no", lang, items="; ".join(bad)))
    return out


@_story
def levers_story(fa: FunnelAnalysis) -> list[str]:
    """The lever worth the most against a reference the client can reach, and how they rank."""
    lang = fa.lang
    if not fa.levers:
        key = "funnel.s.levers_none" if fa.model is not None else "funnel.s.levers_no_model"
        return [t(key, lang)]
    top = fa.levers[0]
    return [
        t(
            "funnel.s.lever_top",
            lang,
            driver=mid_sentence(driver_label(top.driver, fa.stages, lang), lang),
            now=_fmt_driver_value(top.driver, top.now, fa),
            ref=_fmt_driver_value(top.driver, top.reference, fa),
            source=lever_source(top.reference_source, top.who, lang),
            v=_money(fa, top.revenue_delta_year),
            lo=_money(fa, top.low),
            hi=_money(fa, top.high),
        ),
        t("funnel.s.levers_overlap", lang, n=len(fa.levers)),
    ]


def levers_table(fa: FunnelAnalysis) -> pd.DataFrame | None:
    """Per lever: today, the reference and its source, the money a year and its range."""
    lang = fa.lang
    if not fa.levers:
        return None
    return pd.DataFrame(
        [
            {
                "#": i,
                t("funnel.h.driver", lang): driver_label(v.driver, fa.stages, lang),
                t("funnel.h.current", lang): _fmt_driver_value(v.driver, v.now, fa),
                t("funnel.h.reference", lang): _fmt_driver_value(v.driver, v.reference, fa),
                t("funnel.h.reference_source", lang): lever_source(v.reference_source, v.who, lang),
                t("funnel.h.year_gain", lang): _signed(fa, v.revenue_delta_year),
                t("funnel.h.range", lang): f"{_money(fa, v.low)} – {_money(fa, v.high)}",
            }
            for i, v in enumerate(fa.levers, 1)
        ]
    )


@_story
def sensitivity_story(fa: FunnelAnalysis) -> list[str]:
    """What the 10% sensitivity shows (not the lever to push), and what each lever alone would
    need to reach the target."""
    out = []
    if fa.sensitivity is not None and fa.forecast is not None:
        out.append(t("funnel.s.sensitivity", fa.lang, h=fa.forecast.horizon))
    return out + _goal_sentences(fa)


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
        h, p50 = fa.forecast.horizon, _money(fa, fa.forecast.total_q[1])
        out.append((t("funnel.kpi.forecast", lang, h=h), p50))
        if fa.forecast.p_target is not None:
            out.append((t("funnel.sim.p_target", lang), fmt_pct(fa.forecast.p_target, lang)))
    return out


# --------------------------------------------------------------------------------------
# display tables (formatted strings, headers in the report language); None without data


def funnel_table(fa: FunnelAnalysis) -> pd.DataFrame | None:
    """Per stage: reached, open, conversion to next with its interval and n."""
    lang, st = fa.lang, fa.table
    if st is None:
        return None
    known = fa.counts is None or fa.counts.identified
    reached = t("tbl.reached" if known else "tbl.reached_known", lang)
    rows = []
    for i, r in st.iterrows():
        last = i == len(st) - 1
        few = t("word.too_few", lang) + " · " if r["too_few"] else ""
        if not last and not r["identified"]:
            few = t("word.not_identified", lang)
        rows.append(
            {
                t("tbl.stage", lang): stage_label(r["key"], lang),
                reached: fmt_num(r["reached"], lang),
                t("funnel.h.open", lang): fmt_num(r["open_here"], lang),
                t("tbl.conversion", lang): ""
                if last
                else few
                if not r["identified"]
                else few + fmt_pct(r["conversion_to_next"], lang),
                t("tbl.interval", lang): "" if last else ci(r["lo"], r["hi"], lang),
                t("funnel.h.n", lang): "" if last else fmt_num(r["n"], lang),
            }
        )
    return pd.DataFrame(rows)


def _benchmark_row(b: dict[str, Any], lang: str) -> dict[str, str]:
    """One benchmark: the client's value, the methodology's band, the status, the source."""
    is_pct = b["key"] != "meetings_per_closer"

    def f(x: Any) -> str:
        """A value in the benchmark's unit."""
        return fmt_pct(x, lang) if is_pct else fmt_num(x, lang)

    band = f"≥ {f(b['low'])}" if b["high"] is None else f"{f(b['low'])}–{f(b['high'])}"
    interval = " " + ci(b["lo"], b["hi"], lang) if b["lo"] is not None else ""
    return {
        t("tbl.metric", lang): t(f"funnel.bench.{b['key']}", lang),
        t("funnel.h.value", lang): f(b["value"]) + interval,
        t("funnel.h.band", lang): band,
        t("funnel.h.status", lang): t(f"funnel.status.{b['status']}", lang) if b["status"] else "—",
        t("tbl.source", lang): source_label(b["source"], lang),
    }


def benchmarks_table(fa: FunnelAnalysis) -> pd.DataFrame | None:
    """The methodology's funnel benchmarks against the client's figures."""
    if not fa.benchmarks:
        return None
    return pd.DataFrame([_benchmark_row(b, fa.lang) for b in fa.benchmarks])


GOAL_REASONS_SHOWN = ("above_one", "above_band", "above_best", "capacity")


def goal_seek_table(fa: FunnelAnalysis) -> pd.DataFrame | None:
    """Per driver: today's value, the value the target needs alone, and whether it is realistic."""
    lang = fa.lang
    if fa.goal_seek is None:
        return None
    rows = []
    for _, r in fa.goal_seek.iterrows():
        real = r["realistic"]
        missing = real is None or (isinstance(real, float) and math.isnan(real))
        real_s = "—" if missing else t("word.yes" if bool(real) else "word.no", lang)
        if isinstance(r["reason"], str) and r["reason"] in GOAL_REASONS_SHOWN:
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


def hygiene_table(fa: FunnelAnalysis) -> pd.DataFrame | None:
    """Per CRM hygiene check: what it flags, how many deals, a few examples."""
    lang = fa.lang
    if not fa.hygiene:
        return None
    rows = [
        {
            t("funnel.h.check", lang): t(
                f"funnel.hyg_label.{k}", lang, days=_days(v.get("threshold_days"), lang)
            ),
            t("funnel.h.deals", lang): "—" if v.get("count") is None else fmt_num(v["count"], lang),
            t("funnel.h.examples", lang): ", ".join(v.get("examples", [])),
        }
        for k, v in fa.hygiene.items()
    ]
    return pd.DataFrame(rows)


def time_table(fa: FunnelAnalysis) -> pd.DataFrame | None:
    """Per stage: stays, stays still running, median and P80 days (Kaplan–Meier)."""
    lang, s = fa.lang, fa.time_in_stage
    if s is None or s.empty:
        return None
    return pd.DataFrame(
        {
            t("tbl.stage", lang): [stage_label(k, lang) for k in s["stage"]],
            t("funnel.h.stays", lang): [fmt_num(x, lang) for x in s["spells"]],
            t("funnel.h.censored", lang): [fmt_num(x, lang) for x in s["censored"]],
            t("funnel.h.median", lang): [fmt_num(x, lang) for x in s["median_days"]],
            t("funnel.h.p80", lang): [fmt_num(x, lang) for x in s["p80_days"]],
        }
    )


def plan_fact_table(fa: FunnelAnalysis) -> pd.DataFrame | None:
    """Per month: plan, fact, the gap and its effects."""
    lang, pf = fa.lang, fa.plan_fact
    if pf is None:
        return None
    cols = {
        "plan": t("tbl.plan", lang),
        "fact": t("tbl.fact", lang),
        "gap": t("funnel.h.gap", lang),
        **{k: t(v, lang) for k, v in EFFECT_WORDS.items()},
    }
    out = {t("tbl.month", lang): [fmt_month(m, lang) for m in pf["month"]]}
    out.update({name: [_money(fa, x) for x in pf[col]] for col, name in cols.items()})
    return pd.DataFrame(out)


def board_table(fa: FunnelAnalysis) -> pd.DataFrame | None:
    """The board: each manager's payments this month against their plan to date."""
    lang, bd = fa.lang, fa.board
    if bd is None:
        return None
    return pd.DataFrame(
        {
            t("funnel.h.rank", lang): bd["rank"].astype(int).tolist(),
            t("tbl.manager", lang): bd["manager"].astype(str).tolist(),
            t("tbl.fact", lang): [_money(fa, x) for x in bd["fact"]],
            t("funnel.h.plan_to_date", lang): [_money(fa, x) for x in bd["plan_to_date"]],
            t("funnel.h.share", lang): [fmt_pct(x, lang) for x in bd["share_of_plan"]],
        }
    )


def cut_table(fa: FunnelAnalysis, cut: str) -> pd.DataFrame | None:
    """One cut's values: deals, win rate and the ranking metric with its interval."""
    lang, df = fa.lang, fa.cuts.get(cut)
    if df is None:
        return None
    v, lo, hi, few = metric_columns(fa.cut_metric)
    too_few = t("word.too_few", lang) + " · "
    return pd.DataFrame(
        {
            t(f"funnel.cut.{cut}", lang).capitalize(): [
                cut_value_label(x, cut, lang) for x in df["value"]
            ],
            t("funnel.h.deals", lang): [fmt_num(x, lang) for x in df["deals"]],
            t("funnel.win_rate", lang): [fmt_pct(x, lang) for x in df["win_rate"]],
            metric_name(fa): [
                (too_few if f else "") + fmt_pct(x, lang)
                for x, f in zip(df[v], df[few], strict=True)
            ],
            t("tbl.interval", lang): [ci(a, b, lang) for a, b in zip(df[lo], df[hi], strict=True)],
        }
    )
