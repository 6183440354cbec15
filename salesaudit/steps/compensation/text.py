"""Step 04, pay, in words: the design, target earnings and their source, the team's pay, principles."""

from __future__ import annotations

import pandas as pd

from salesaudit.i18n import fmt_money, fmt_month, fmt_num, fmt_pct, t
from salesaudit.inputs.audit import Audit
from salesaudit.inputs.earnings import GIVEN, TODAY
from salesaudit.present.labels import source_label
from salesaudit.steps.compensation.compute import (
    PAY_AT,
    PLAN_FACT,
    PayPlan,
    compensation,
    team_pay,
)

PARTS = ("fixed", "soft", "bonus")  # the pay mix's parts, in the table's order


def _roles(roles: tuple[str, ...], lang: str) -> str:
    """Role names joined by commas, mid-sentence (lower-case)."""
    return ", ".join(t(f"role.{r}", lang).lower() for r in roles)


def _amount(x: float, lang: str, currency: str) -> str:
    """A team total to the hundred, with the currency: 1,124,400 RUB."""
    return f"{fmt_num(round(x, -2), lang)}\u00a0{currency}"


def design_text(plan: PayPlan, lang: str) -> str:
    """The pay design in one sentence: mix, threshold, slope below plan, accelerator, cap."""
    below = (
        t("pay.decelerated", lang, rate=fmt_pct(plan.decel_rate, lang))
        if plan.decel_rate is not None
        else t("pay.linear", lang)
    )
    return t(
        "pay.design",
        lang,
        fixed=fmt_pct(plan.fixed, lang),
        soft=fmt_pct(plan.soft, lang),
        bonus=fmt_pct(plan.bonus, lang),
        threshold=fmt_pct(plan.threshold, lang),
        below=below,
        start=fmt_pct(plan.accel_from, lang),
        rate=fmt_num(plan.accel_rate, lang, 2).rstrip("0").rstrip(",."),
        kind=t(f"pay.kind.{plan.kind}", lang),
        cap=fmt_num(plan.cap, lang, 2).rstrip("0").rstrip(",."),
    )


def _earnings_note(audit: Audit) -> str | None:
    """Where the target earnings come from (given, today's pay, the methodology)."""
    lang = audit.lang
    sources = {r.role: r.earnings_source for r in compensation(audit).roles if r.plan}
    if not sources:
        return None
    if all(s == GIVEN for s in sources.values()):
        return t("pay.earnings_given", lang)
    if any(s == TODAY for s in sources.values()):
        return t("pay.earnings_today", lang)
    src = next(s for s in sources.values() if s != GIVEN)
    return t("pay.earnings_default", lang, source=source_label(str(src), lang))


def notes(audit: Audit) -> list[str]:
    """The pay design in sentences: the design, the earnings' source, what is missing."""
    lang = audit.lang
    c = compensation(audit)
    plans = [r.plan for r in c.roles if r.plan is not None]
    out = []
    if plans:
        out.append(design_text(plans[0], lang))
        out.append(t("pay.soft_note", lang))
    note = _earnings_note(audit)
    if note:
        out.append(note)
    if c.missing:
        out.append(
            t(
                "pay.missing_earnings",
                lang,
                roles=_roles(c.missing, lang),
                currency=audit.config.currency,
            )  # fmt: skip
        )
    if c.repeat_share is None and any(r.role in ("closer", "farmer") for r in c.roles):
        out.append(t("pay.no_repeat_share", lang))
    return out


def role_table(audit: Audit) -> pd.DataFrame | None:
    """Pay per role, a column each: earnings, its parts, pay at 50–200 % of plan, cost of sales."""
    lang, cur = audit.lang, audit.config.currency
    rows = [(r, r.plan) for r in compensation(audit).roles if r.plan is not None]
    if not rows:
        return None
    labels = [t("pay.col.target", lang)] + [t(f"pay.col.{k}", lang) for k in PARTS]
    labels += [t("pay.col.at", lang, a=fmt_pct(a, lang)) for a in PAY_AT]
    data = {t("tbl.metric", lang): [*labels, t("pay.col.cost", lang)]}
    for r, plan in rows:
        money = [plan.target] + [plan.target * getattr(plan, k) for k in PARTS]
        money += [r.pay_at[a] for a in PAY_AT]
        cells = [fmt_money(v, lang, cur) for v in money]
        data[t(f"role.{r.role}", lang)] = [*cells, fmt_pct(r.cost_of_sales_at_plan, lang, 1)]
    return pd.DataFrame(data)


def team_notes(audit: Audit) -> list[str]:
    """The team's pay under the design at its observed attainment against today's payroll, in words."""
    lang, cur = audit.lang, audit.config.currency
    team, why = team_pay(audit)
    if team is None:
        return [t(f"pay.team.{why}", lang)]
    people = team.people
    sellers = people[people["role"] != "head"]
    unobserved = sellers[sellers["months"] == 0]
    basis = "pay.team.plan_fact" if team.basis == PLAN_FACT else "pay.team.won_spread"
    out = [
        t(
            basis,
            lang,
            n=team.observed,
            median=fmt_pct(team.median, lang),
            low=fmt_pct(team.low, lang),
            high=fmt_pct(team.high, lang),
            month=fmt_month(audit.as_of.to_period("M").strftime("%Y-%m"), lang),
        )
    ]
    if len(unobserved):
        roles = tuple(dict.fromkeys(unobserved["role"]))
        out.append(t("pay.team.unobserved", lang, n=len(unobserved), roles=_roles(roles, lang)))
    if team.payroll:
        change = team.total / team.payroll - 1
        out.append(
            t(
                "pay.team.total",
                lang,
                total=_amount(team.total, lang, cur),
                payroll=_amount(team.payroll, lang, cur),
                change=fmt_pct(change, lang),
            )
        )
    else:
        out.append(t("pay.team.total_no_payroll", lang, total=_amount(team.total, lang, cur)))
    return out


def principles_table(audit: Audit) -> pd.DataFrame:
    """The six pay principles: status and what each was judged from."""
    lang = audit.lang
    rows = compensation(audit).principles
    return pd.DataFrame(
        {
            t("pay.col.principle", lang): [t(f"pay.principle.{p.key}", lang) for p in rows],
            t("tbl.status", lang): [t(f"pay.status.{p.status}", lang) for p in rows],
            t("pay.col.basis", lang): [
                t(f"pay.basis.{p.basis}", lang)
                if p.basis
                else t("pay.basis.open", lang, item=p.item)
                for p in rows
            ],
        }
    )


def check_output(audit: Audit) -> dict[str, str]:
    """A small stable result for the notebook's check cell: each principle's status."""
    return {p.key: p.status for p in compensation(audit).principles}
