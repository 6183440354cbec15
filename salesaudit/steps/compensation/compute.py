"""Step 04, pay: pay curves per role, cost of sales, the team's pay at its own spread, principles.

No sentences, no figures: see `text.py` and `charts.py` (docs/methodology.md §6.4 and
methodology §3.5). Target earnings split fixed / soft / bonus; the fixed part is always paid, the soft part
is paid in full (it rewards diligence, not results), the bonus is the target bonus × a payout
that follows plan attainment: nothing below the threshold, linear from the threshold to plan
(or at a reduced rate with a decelerator), higher above the accelerator's start (tiered: the
whole bonus at the highest rate reached; marginal: only the part above at the higher rate, like
tax brackets), capped at `cap` × the target bonus.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from salesaudit.core import constants as C
from salesaudit.core.names import WON
from salesaudit.core.results import Finding
from salesaudit.inputs import answers
from salesaudit.inputs.audit import Audit
from salesaudit.inputs.basis import reconciliation
from salesaudit.inputs.client import PAY_ROLES, CompensationConfig
from salesaudit.inputs.earnings import target_earnings
from salesaudit.steps import sizing
from salesaudit.steps.sizing.compute import won_last_year

Kind = Literal["tiered", "marginal"]
Status = Literal["ok", "violated", "not_assessed"]
ROLES = ("hunter", "closer", "farmer", "head")
# what each role's plan counts (methodology §3.2): hunters meetings set, closers revenue won,
# farmers repeat revenue, heads the team's plan; a universal seller runs the whole cycle
MEASURE = {
    "hunter": "meetings",
    "closer": "revenue",
    "farmer": "repeat_revenue",
    "universal": "revenue",
    "head": "team_plan",
}
PAY_AT = (0.5, 0.7, 1.0, 1.3, 2.0)  # the attainments findings.json reports pay at
CURVE_STEP = 0.01  # pay curves from 0 to 200 % of plan, every 1 %
CURVE_MAX = 2.0
PRINCIPLES = (
    "clarity",
    "over_achievers",
    "own_results",
    "darwin",
    "instant_rewards",
    "big_thresholds",
)
# the principles the questionnaire answers (the others are judged from the pay design)
ANSWERED_BY = {
    "clarity": "earnings_visible_daily",
    "own_results": "own_results_only",
    "darwin": "achievers_above_market",
    "instant_rewards": "instant_rewards",
}
OVER_ACHIEVERS_CAP = 1.5  # a cap below 1.5 × the target bonus keeps over-achievers near plan pay
BIG_THRESHOLD = 0.5  # a threshold of at least half the plan is a "big threshold"
PLAN_FACT, WON_SPREAD = "plan_fact", "won_spread"  # where the team's attainment comes from


@dataclass(frozen=True)
class PayPlan:
    """One role's pay design: target earnings a month, the mix, threshold, accelerator, cap."""

    target: float
    fixed: float = C.PAY_MIX["fixed"].value
    soft: float = C.PAY_MIX["soft"].value
    bonus: float = C.PAY_MIX["bonus"].value
    threshold: float = 0.7
    accel_from: float = 1.0
    accel_rate: float = 1.5
    kind: Kind = "tiered"
    cap: float = 2.0
    decel_rate: float | None = None


@dataclass(frozen=True)
class Pay:
    """Pay at one attainment: fixed, soft, bonus and their total, in money a month."""

    fixed: float
    soft: float
    bonus: float
    total: float


def payout(attainment: float, plan: PayPlan) -> float:
    """The bonus paid as a multiple of the target bonus at a plan attainment (1.0 = plan)."""
    a = max(0.0, float(attainment))
    if a < plan.threshold:
        return 0.0
    below_plan = plan.decel_rate if plan.decel_rate is not None else 1.0

    def base(x: float) -> float:
        """The payout without accelerator: linear, at the decelerated rate below plan."""
        return x * below_plan if x < 1.0 else x

    if a > plan.accel_from:
        if plan.kind == "tiered":
            value = a * plan.accel_rate
        else:
            value = base(plan.accel_from) + (a - plan.accel_from) * plan.accel_rate
    else:
        value = base(a)
    return min(value, plan.cap)


def pay(attainment: float, plan: PayPlan) -> Pay:
    """Pay at a plan attainment: fixed always, soft in full (diligence), bonus × payout."""
    fixed, soft = plan.target * plan.fixed, plan.target * plan.soft
    bonus = plan.target * plan.bonus * payout(attainment, plan)
    return Pay(fixed, soft, bonus, fixed + soft + bonus)


def pay_plan(comp: CompensationConfig, target: float, kind: Kind | None = None) -> PayPlan:
    """The pay design of the client file for a role with these target earnings (kind overrides)."""
    acc = comp.accelerator
    return PayPlan(
        target=target,
        fixed=comp.mix.fixed,
        soft=comp.mix.soft,
        bonus=comp.mix.bonus,
        threshold=comp.threshold,
        accel_from=acc.from_,
        accel_rate=acc.rate,
        kind=kind or acc.kind,
        cap=comp.cap,
        decel_rate=comp.decelerator.rate if comp.decelerator is not None else None,
    )


def attainments() -> np.ndarray:
    """The attainments a pay curve is drawn at: 0 to 200 % of plan by 1 %."""
    return np.round(np.arange(0.0, CURVE_MAX + CURVE_STEP / 2, CURVE_STEP), 4)


def curve(plan: PayPlan, revenue_at_plan: float | None = None) -> pd.DataFrame:
    """Pay over attainment 0–200 %: attainment, fixed, soft, bonus, total, cost_of_sales.

    cost_of_sales = total pay ÷ the revenue the role brings at that attainment
    (attainment × `revenue_at_plan`); NaN at zero revenue or when the revenue is unknown.
    """
    rows = []
    for a in attainments():
        p = pay(float(a), plan)
        revenue = a * revenue_at_plan if revenue_at_plan else 0.0
        cos = p.total / revenue if revenue > 0 else math.nan
        rows.append((float(a), p.fixed, p.soft, p.bonus, p.total, cos))
    cols = ["attainment", "fixed", "soft", "bonus", "total", "cost_of_sales"]
    return pd.DataFrame(rows, columns=cols)


# --------------------------------------------------------------------------------------
# per role


@dataclass(frozen=True)
class RolePay:
    """One role's pay: its design (None without target earnings), revenue a person at plan."""

    role: str
    plan: PayPlan | None
    earnings_source: str | None
    revenue_at_plan: float | None  # revenue one person of the role is accountable for a month
    pay_at: dict[float, float]
    cost_of_sales_at_plan: float | None


def roles_paid(audit: Audit) -> tuple[str, ...]:
    """The roles the pay design covers: the sizing's role model plus heads (all four unsized)."""
    p = sizing.plan(audit)
    if p is None:
        return ROLES
    if p.roles == "universal":
        return ("universal", "head")
    return tuple(r for r in ROLES if r == "head" or p.required.get(r, 0) > 0)


def repeat_share(audit: Audit) -> float | None:
    """The share of won revenue from current clients over the last 12 months (None: unknown)."""
    won = won_last_year(audit)
    if won is None or "client_type" not in won or "amount" not in won:
        return None
    known = won[won["client_type"].isin(["current", "new"])]
    total = float(known["amount"].sum())
    if total <= 0:
        return None
    return float(known.loc[known["client_type"] == "current", "amount"].sum()) / total


def revenue_at_plan(audit: Audit) -> dict[str, float | None]:
    """Revenue one person of each role is accountable for a month at plan (None: unknown).

    Closers and the hunters feeding them carry the new clients' revenue, farmers the current
    clients', heads the whole target, universal sellers the whole target; each split by the
    sizing's headcount of the role.
    """
    p = sizing.plan(audit)
    if p is None:
        return dict.fromkeys(MEASURE)
    goal, share = p.inputs.target, repeat_share(audit)
    split = {
        "hunter": None if share is None else goal * (1 - share),
        "closer": None if share is None else goal * (1 - share),
        "farmer": None if share is None else goal * share,
        "universal": goal,
        "head": goal,
    }
    heads = {**p.required, "head": p.heads}
    return {r: (v / heads[r] if v is not None and heads.get(r) else None) for r, v in split.items()}


def role_pay(audit: Audit, role: str, kind: Kind | None = None) -> RolePay:
    """One role's pay design, its pay at PAY_AT and its cost of sales at plan."""
    te = target_earnings(audit).get(role)
    revenue = revenue_at_plan(audit).get(role)
    if te is None:
        return RolePay(role, None, None, revenue, {}, None)
    plan = pay_plan(audit.config.compensation, te[0], kind)
    at = {a: pay(a, plan).total for a in PAY_AT}
    cos = at[1.0] / revenue if revenue else None
    return RolePay(role, plan, te[1], revenue, at, cos)


# --------------------------------------------------------------------------------------
# the principles


@dataclass(frozen=True)
class Principle:
    """One pay principle: ok, violated or not assessed, and what it was judged from."""

    key: str
    status: Status
    basis: str | None  # "answer" | "design" | "motivation" | None (not assessed)
    item: str  # the client.yaml key that would answer it


def _answered(cfg: Any, key: str) -> Principle:
    """A principle the questionnaire answers (true: ok, false: violated)."""
    a = answers.pay_principles(cfg)[ANSWERED_BY[key]]
    if not a.assessed:
        return Principle(key, "not_assessed", None, a.key)
    return Principle(key, "ok" if a.value else "violated", "answer", a.key)


def _over_achievers(cfg: Any) -> Principle:
    """Over-achievers earn far more: an accelerator above 1 and a cap of at least 1.5."""
    key, item = "over_achievers", "compensation.accelerator"
    if cfg.model.motivation == "fixed_only":
        return Principle(key, "violated", "motivation", "model.motivation")
    design = answers.pay_design(cfg)
    acc, cap = design["accelerator"], design["cap"]
    if acc.assessed and acc.value.rate <= 1 or cap.assessed and cap.value < OVER_ACHIEVERS_CAP:
        return Principle(key, "violated", "design", item)
    if acc.assessed and cap.assessed:
        return Principle(key, "ok", "design", item)
    return Principle(key, "not_assessed", None, item)


def _big_thresholds(cfg: Any) -> Principle:
    """Big thresholds: a bonus that starts at a threshold of at least half the plan."""
    key, item = "big_thresholds", "compensation.threshold"
    if cfg.model.motivation == "fixed_only":
        return Principle(key, "violated", "motivation", "model.motivation")
    threshold = answers.pay_design(cfg)["threshold"]
    if not threshold.assessed:
        return Principle(key, "not_assessed", None, item)
    status: Status = "ok" if threshold.value >= BIG_THRESHOLD else "violated"
    return Principle(key, status, "design", item)


def principles(audit: Audit) -> tuple[Principle, ...]:
    """The six pay principles judged from the client's answers and pay design, in order."""
    cfg = audit.config
    judged = {k: _answered(cfg, k) for k in ANSWERED_BY}
    judged["over_achievers"] = _over_achievers(cfg)
    judged["big_thresholds"] = _big_thresholds(cfg)
    return tuple(judged[k] for k in PRINCIPLES)


# --------------------------------------------------------------------------------------
# the team's pay at the spread of attainment its data show


@dataclass(frozen=True)
class TeamPay:
    """The team's pay a month under the design, at each person's observed attainment."""

    basis: str  # PLAN_FACT | WON_SPREAD
    people: pd.DataFrame  # manager, role, attainment (NaN: none observed), months, pay, fixed_pay
    observed: int  # sellers with an attainment of their own
    median: float  # the median attainment of those sellers (the others are paid at it)
    low: float
    high: float
    total: float  # the team's pay a month under the design
    payroll: float | None  # today's fixed payroll a month (None without fixed_pay)


def _fact_by_manager_month(audit: Audit) -> pd.Series | None:
    """Revenue per (month, manager) in the plan's basis: payments where it is, else won deals."""
    rec = reconciliation(audit)
    sales, deals = audit.table("sales"), audit.table("deals")
    if rec is not None and rec.plan_basis == "payments" and sales is not None:
        if "manager" in sales:
            s = sales.dropna(subset=["manager"])
            month = s["date"].dt.to_period("M").dt.to_timestamp()
            return s.groupby([month.rename("month"), s["manager"]])["amount"].sum()
    if deals is None or not {"manager", "closed_at", "amount"} <= set(deals):
        return None
    won = deals[(deals["stage"] == WON) & deals["manager"].notna()]
    month = won["closed_at"].dt.to_period("M").dt.to_timestamp()
    return won.groupby([month.rename("month"), won["manager"]])["amount"].sum()


def plan_fact_attainment(audit: Audit) -> pd.DataFrame | None:
    """Attainment per manager and month over the 12 plan months up to as_of (None: no such plan).

    Columns: month, manager, plan, fact, attainment; only the plan's rows with a manager.
    """
    plan = audit.table("plan")
    if plan is None or "manager" not in plan or plan["manager"].notna().sum() == 0:
        return None
    last = audit.as_of.to_period("M").to_timestamp()
    first = (audit.as_of - pd.DateOffset(months=12) + pd.Timedelta(days=1)).to_period("M")
    p = plan[plan["manager"].notna() & (plan["period"] <= last)]
    p = p[p["period"] >= first.to_timestamp()]
    p = p.groupby([p["period"].rename("month"), "manager"])["amount"].sum()
    p = p[p > 0]
    fact = _fact_by_manager_month(audit)
    if p.empty or fact is None:
        return None
    out = pd.DataFrame({"plan": p, "fact": fact.reindex(p.index, fill_value=0.0)})
    out["attainment"] = out["fact"] / out["plan"]
    return out.reset_index()


def won_spread_attainment(audit: Audit) -> pd.DataFrame | None:
    """Attainment per seller: won revenue of the last 12 months ÷ the median of the role's sellers.

    A role with fewer than two sellers with revenue is compared with all sellers' median.
    Columns: manager, revenue, attainment (None without won deals by manager).
    """
    won = won_last_year(audit)
    team = audit.table("team")
    if won is None or "manager" not in won or "amount" not in won or won.empty:
        return None
    rev = won.groupby("manager")["amount"].sum()
    rev = rev[rev > 0]
    if rev.empty:
        return None
    roles = team.set_index("manager")["role"] if team is not None and "role" in team else None
    role = rev.index.map(lambda m: roles.get(m) if roles is not None else None)
    df = pd.DataFrame({"manager": rev.index, "revenue": rev.to_numpy(), "role": role})
    overall = float(df["revenue"].median())
    med = df.groupby("role", dropna=False)["revenue"].transform("median")
    size = df.groupby("role", dropna=False)["revenue"].transform("size")
    df["attainment"] = df["revenue"] / np.where(size >= 2, med, overall)
    return df[["manager", "revenue", "attainment"]]


def _person_pay(att: list[float], plan: PayPlan) -> float:
    """A person's mean monthly pay over his observed attainments."""
    return float(np.mean([pay(a, plan).total for a in att]))


def team_pay(audit: Audit) -> tuple[TeamPay | None, str | None]:
    """The team's pay under the design at its observed attainment, or None with a reason code."""
    return audit.memo(("compensation.team_pay",), lambda: _team_pay(audit))


def _observed(audit: Audit) -> tuple[str, dict[str, list[float]], list[float]] | None:
    """Where attainment comes from, each manager's attainments and the team's (for heads)."""
    pf = plan_fact_attainment(audit)
    if pf is not None:
        per = {str(m): list(a) for m, a in pf.groupby("manager")["attainment"]}
        months = pf.groupby("month")[["fact", "plan"]].sum()
        return PLAN_FACT, per, (months["fact"] / months["plan"]).tolist()
    ws = won_spread_attainment(audit)
    if ws is None:
        return None
    per = {str(m): [float(a)] for m, a in zip(ws["manager"], ws["attainment"], strict=True)}
    return WON_SPREAD, per, [1.0]


def _roles_of(team: pd.DataFrame) -> pd.Series:
    """Each team member's pay role (no role, or one salesaudit does not know: universal)."""
    if "role" not in team:
        return pd.Series("universal", index=team.index)
    return team["role"].where(team["role"].isin(PAY_ROLES), "universal")


def _team_pay(audit: Audit) -> tuple[TeamPay | None, str | None]:
    """The team's pay (uncached; see :func:`team_pay`)."""
    team = audit.table("team")
    if team is None:
        return None, "no_team"
    seen = _observed(audit)
    if seen is None:
        return None, "no_attainment"
    basis, per, team_att = seen
    te, roles = target_earnings(audit), _roles_of(team)
    if any(r not in te for r in set(roles)):
        return None, "no_earnings"
    sellers = set(team.loc[roles != "head", "manager"].astype(str))
    observed = [x for m, a in per.items() if m in sellers for x in a]
    if not observed:
        return None, "no_attainment"
    median = float(np.median(observed))
    comp = audit.config.compensation
    rows = []
    for manager, role in zip(team["manager"].astype(str), roles, strict=True):
        own = team_att if role == "head" else per.get(manager, [])
        used = own or [median]
        rows.append(
            {
                "manager": manager,
                "role": role,
                "attainment": float(np.mean(own)) if own else math.nan,
                "months": len(own),
                "pay": _person_pay(used, pay_plan(comp, te[role][0])),
            }
        )
    people = pd.DataFrame(rows)
    fixed = pd.to_numeric(team["fixed_pay"], errors="coerce") if "fixed_pay" in team else None
    people["fixed_pay"] = fixed.to_numpy() if fixed is not None else math.nan
    payroll = float(fixed.fillna(0).sum()) if fixed is not None and fixed.notna().any() else None
    n_obs = int(people.loc[people["role"] != "head", "months"].gt(0).sum())
    total = float(people["pay"].sum())
    low, high = float(min(observed)), float(max(observed))
    return TeamPay(basis, people, n_obs, median, low, high, total, payroll), None


# --------------------------------------------------------------------------------------
# everything for one audit


@dataclass(frozen=True)
class Compensation:
    """Everything the pay step computes for one audit."""

    roles: tuple[RolePay, ...]
    principles: tuple[Principle, ...]
    team: TeamPay | None
    team_reason: str | None
    missing: tuple[str, ...]  # roles paid without target earnings: the client file must give them
    repeat_share: float | None
    findings: tuple[Finding, ...]


def compensation(audit: Audit) -> Compensation:
    """The pay step's results for this audit (once per run)."""
    return audit.memo(("compensation",), lambda: _compensation(audit))


def _compensation(audit: Audit) -> Compensation:
    """The pay step's results (uncached; see :func:`compensation`)."""
    roles = tuple(role_pay(audit, r) for r in roles_paid(audit))
    team, why = team_pay(audit)
    missing = tuple(r.role for r in roles if r.plan is None)
    found: list[Finding] = []
    if missing:
        found.append(Finding("pay.missing_earnings", {"roles": missing}, "warning"))
    if team is not None and team.payroll:
        level = "bad" if team.total > team.payroll * 1.1 else "good"
        found.append(
            Finding("pay.team.total", {"total": team.total, "payroll": team.payroll}, level)
        )
    share = repeat_share(audit)
    return Compensation(roles, principles(audit), team, why, missing, share, tuple(found))


def _role_findings(r: RolePay) -> dict[str, Any]:
    """One role in findings.json."""
    p = r.plan
    return {
        "fixed": p.target * p.fixed if p else None,
        "soft": p.target * p.soft if p else None,
        "bonus": p.target * p.bonus if p else None,
        "threshold": p.threshold if p else None,
        "accelerator": {"from": p.accel_from, "rate": p.accel_rate, "kind": p.kind} if p else None,
        "cap": p.cap if p else None,
        "pay_at": {f"{a:.1f}": round(v, 2) for a, v in r.pay_at.items()} if p else None,
        "cost_of_sales_at_plan": (
            round(r.cost_of_sales_at_plan, 6) if r.cost_of_sales_at_plan is not None else None
        ),
    }


def findings(audit: Audit) -> dict[str, Any]:
    """The findings.json `compensation` section."""
    c = compensation(audit)
    team = c.team
    return {
        "roles": {r.role: _role_findings(r) for r in c.roles},
        "principles": [{"key": p.key, "status": p.status} for p in c.principles],
        "team_pay": round(team.total, 2) if team else None,
        "payroll": round(team.payroll, 2) if team and team.payroll is not None else None,
        "attainment_basis": team.basis if team else None,
    }
