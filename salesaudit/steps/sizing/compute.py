"""Step 04 numbers: the sizing inputs, the reverse funnel, the people it needs and the hiring plan.

No sentences, no translated labels, no figures: see `text.py` and `charts.py` (docs/methodology.md §6.3).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import pandas as pd

from salesaudit.core import constants as C
from salesaudit.core.names import WON
from salesaudit.core.results import Finding
from salesaudit.inputs import answers, channels, earnings
from salesaudit.inputs.audit import Audit
from salesaudit.inputs.basis import target_per_month
from salesaudit.inputs.client import CapacityConfig
from salesaudit.inputs.earnings import target_earnings
from salesaudit.inputs.productivity import (
    KEYS,
    Productivity,
    hunter_norm,
    logged_activity,
    productivity,
)
from salesaudit.steps.funnel import compute as funnel
from salesaudit.steps.funnel import reverse
from salesaudit.steps.sizing import hiring as hmod
from salesaudit.steps.sizing.heads import heads_required, regional_heads
from salesaudit.steps.sizing.redeploy import Move, Rotation, redeploy, rotate, track_record

SELLER_ROLES = ("hunter", "closer", "farmer", "universal")
PLAN_ROLES = (*SELLER_ROLES, "head")

# The default each funnel rate falls back on (in the order the assumptions log lists them).
RATE_DEFAULTS: dict[str, C.Norm] = {
    "call_to_contact": C.DEFAULT_CALL_TO_CONTACT,
    "contact_to_meeting": C.DEFAULT_CONTACT_TO_MEETING,
    "meeting_to_contract": C.DEFAULT_MEETING_TO_CONTRACT,
}
# Capacity inputs whose methodology default is logged when the client file does not set them.
CAPACITY_DEFAULTS: dict[str, C.Norm] = {
    "span": C.SPAN,
    "ramp_months": C.RAMP_MONTHS,
    "hiring_batch": C.HIRING_BATCH,
    "attrition": C.ATTRITION,
}
# The norm each role's productivity falls back on when the data cannot say (logged when used).
PRODUCTIVITY_NORMS: dict[str, C.Norm] = {
    "closer": C.MEETINGS_PER_CLOSER,
    "hunter": C.CALLS_PER_HOUR,
    "farmer": C.ACCOUNTS_PER_FARMER,
}
# the parts of the hunters' norm (calls an hour × hours × productive share × working days)
HUNTER_NORM_PARTS: dict[str, C.Norm] = {
    "hunter_calls_per_hour": C.CALLS_PER_HOUR,
    "hours_per_day": C.HOURS_PER_DAY,
    "working_days_per_month": C.WORKING_DAYS_PER_MONTH,
    "productive_share": C.PRODUCTIVE_SHARE,
}
NO_TARGET = "no_target"  # the source of a revenue target taken from the last 12 months


@dataclass(frozen=True)
class Inputs:
    """The sizing inputs after `auto` was resolved."""

    target: float
    average_deal: float
    call_to_contact: float
    contact_to_meeting: float
    meeting_to_contract: float
    closer_capacity: float
    hunter_capacity: float
    farmer_capacity: float
    active_accounts: int
    # won deals per meeting the activity log records (None without a log): closers' load is
    # counted in the log's meetings, which a deal needs several of, not in CRM first meetings
    logged_to_contract: float | None = None
    # share of deals from inbound channels (the sales model's; None: unknown): their meetings
    # need no calls, so hunters are sized on the outbound part only
    inbound_share: float | None = None


@dataclass(frozen=True)
class Default:
    """A value sizing used in place of client data: the input, the value and where it comes from.

    `source` is the Norm's source (a methodology section such as "§4.5", or `constants.DEFAULT`),
    or NO_TARGET for a revenue target derived from the last 12 months.
    """

    key: str
    value: float
    source: str
    impact: str = "medium"


@dataclass(frozen=True)
class Staffing:
    """Sellers per role, the role model, the sellers in all and the heads they need."""

    required: dict[str, int]
    roles: str  # hunter_closer_farmer | universal
    sellers: int
    heads: int
    fte: dict[str, float] = field(default_factory=dict)  # workload / capacity, not rounded


@dataclass(frozen=True)
class Plan:
    """Everything sizing computes for one audit."""

    inputs: Inputs
    defaults: tuple[Default, ...]
    workload: dict[str, float]
    required: dict[str, int]
    roles: str
    sellers: int
    heads: int  # the one heads figure: the span's and the regional matrix's (heads.py)
    current: dict[str, int]
    now: int
    has_team: bool
    hiring_plan: pd.DataFrame  # month, role, hires, headcount, productive_fte
    monthly_cost: float  # the needed team at target earnings
    findings: tuple[Finding, ...]
    productivity: dict[str, Productivity] = field(default_factory=dict)
    fte: dict[str, float] = field(default_factory=dict)  # people the workload needs, unrounded
    norm: Staffing | None = None  # the headcount if the team worked to the methodology's norm
    moves: tuple[Move, ...] = ()  # today's universal sellers into the recommended roles
    start: dict[str, int] = field(default_factory=dict)  # today's people per role, after moves
    monthly: pd.DataFrame | None = None  # month, hires, headcount, productive_fte, revenue, cost
    ready: str | None = None  # the first month from which the productive team carries the target
    cost_now: float | None = None  # today's fixed payroll a month (team.fixed_pay)
    rotations: tuple[Rotation, ...] = ()  # sellers beyond their role's need moved up a role

    def __getitem__(self, key: str) -> Any:
        """Read a field by name: the dict access `plan(audit)["heads"]` of earlier callers."""
        return getattr(self, key)


# --------------------------------------------------------------------------------------
# what the client's data says


def last_year(audit: Audit) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The 12 months up to as_of, as (exclusive start, inclusive end)."""
    return audit.as_of - pd.DateOffset(months=12), audit.as_of


def won_last_year(audit: Audit) -> pd.DataFrame | None:
    """Won deals closed in the 12 months up to as_of (None without deals or close dates)."""
    deals = audit.table("deals")
    if deals is None or "closed_at" not in deals:
        return None
    start, end = last_year(audit)
    closed = deals["closed_at"]
    return deals[(deals["stage"] == WON) & (closed > start) & (closed <= end)]


def active_clients(audit: Audit) -> frozenset[str]:
    """Clients with a won deal or a payment in the 12 months up to as_of: the active accounts."""
    return audit.memo(("sizing.active_clients",), lambda: _active_clients(audit))


def _active_clients(audit: Audit) -> frozenset[str]:
    """The active accounts (uncached; see :func:`active_clients`)."""
    start, end = last_year(audit)
    ids: set[str] = set()
    sales = audit.table("sales")
    if sales is not None:
        ids |= set(
            sales.loc[(sales["date"] > start) & (sales["date"] <= end), "client_id"].astype(str)
        )
    won = won_last_year(audit)
    if won is not None and "client_id" in won:
        ids |= set(won["client_id"].dropna().astype(str))
    return frozenset(ids)


def active_accounts(audit: Audit) -> int:
    """How many clients had a won deal or a payment in the 12 months up to as_of."""
    return len(active_clients(audit))


def data_rates(audit: Audit) -> dict[str, float | None]:
    """Funnel rates from the client's data: target_list→first_contact and first_contact→contract.

    A stage conversion that is not identifiable or rests on too few deals gives no rate: the
    client's answer or the methodology's default is used instead (and logged).
    """
    fc = funnel.audit_counts(audit)
    if fc is None:
        return {"contact_to_meeting": None, "meeting_to_contract": None}
    st = funnel.stage_table(fc).iloc[:-1]
    usable = st["identified"] & ~st["too_few"] & st["conversion_to_next"].notna()
    conv = [
        float(c) if ok else None for c, ok in zip(st["conversion_to_next"], usable, strict=True)
    ]
    out = reverse.rates_from_funnel(audit.stage_keys, conv)
    if out["meeting_to_contract"] is None:  # the meeting as the first stage: the win rate
        m2c = funnel.meeting_to_contract_of(fc, audit.stage_keys)
        if m2c is not None and m2c["value"] is not None and not m2c["too_few"]:
            out["meeting_to_contract"] = float(m2c["value"])
    return out


# --------------------------------------------------------------------------------------
# the inputs, `auto` resolved


def average_deal(audit: Audit) -> float:
    """The given average deal, else the mean won amount of the last 12 months (NaN if none)."""
    given = audit.config.capacity.average_deal
    if given != "auto":
        return float(given)
    won = won_last_year(audit)
    amounts = (
        won["amount"].dropna() if won is not None and "amount" in won else pd.Series(dtype=float)
    )
    return float(amounts.mean()) if len(amounts) else float("nan")


def resolve_rate(
    name: str, given: float | str, explicit: bool, from_data: float | None
) -> tuple[float, Default | None]:
    """One funnel rate: given, else from the data, else the default (logged when used)."""
    norm = RATE_DEFAULTS[name]
    key = f"capacity.rates.{name}"
    if given != "auto":
        value = float(given)
        return value, None if explicit else Default(key, value, norm.source, "medium")
    if from_data is not None and from_data > 0:
        return from_data, None
    return norm.value, Default(key, norm.value, norm.source, "high")


def rates(audit: Audit) -> tuple[dict[str, float], list[Default]]:
    """The three funnel rates sizing uses, and the defaults among them."""
    cfg = audit.config.capacity.rates
    from_data = data_rates(audit)
    values: dict[str, float] = {}
    log: list[Default] = []
    for name in RATE_DEFAULTS:
        explicit = name in cfg.model_fields_set
        v, d = resolve_rate(name, getattr(cfg, name), explicit, from_data.get(name))
        values[name] = v
        if d is not None:
            log.append(d)
    return values, log


def capacity_defaults(cap: CapacityConfig) -> list[Default]:
    """The capacity inputs the client file leaves at their methodology default."""
    return [
        Default(f"capacity.{key}", float(getattr(cap, key)), norm.source, "medium")
        for key, norm in CAPACITY_DEFAULTS.items()
        if key not in cap.model_fields_set
    ]


def earnings_defaults(audit: Audit) -> list[Default]:
    """The target earnings per role not given by the client: today's pay or the methodology's."""
    own = earnings.fixed_pay_by_role(audit)  # a universal seller without his own is a closer
    return [
        Default(f"compensation.target_earnings.{role}", value, source, "low")
        for role, (value, source) in target_earnings(audit).items()
        if source != earnings.GIVEN and (role != "universal" or role in own)
    ]


def repeat_sales(audit: Audit) -> tuple[bool, Default | None]:
    """Whether farmers are sized: the answer or the data, else the default (logged)."""
    fact = answers.structure(audit)["repeat_sales"]
    if fact.assessed:
        return bool(fact.value), None
    norm = C.REPEAT_SALES
    return bool(norm.value), Default("structure.repeat_sales", norm.value, norm.source, "medium")


def target(audit: Audit, avg: float) -> tuple[float, Default | None]:
    """The monthly revenue target, else the last 12 months' won revenue a month (else `avg`)."""
    given = target_per_month(audit)
    if given is not None:
        return float(given), None
    won = won_last_year(audit)
    total = float(won["amount"].sum()) if won is not None and "amount" in won else 0.0
    value = total / 12 if total > 0 else avg
    return value, Default("targets.revenue_per_month", value, NO_TARGET, "high")


def hunter_capacity(cap: CapacityConfig) -> float:
    """Calls a hunter makes a month by the norm: calls an hour × hours × share × working days."""
    return hunter_norm(cap)


def productivity_defaults(audit: Audit) -> list[Default]:
    """The norms used where the client's data cannot give a role's productivity (and the
    client file gives no number): each one, and the hunters' norm's parts left at default."""
    cap, out = audit.config.capacity, []
    for role, prod in productivity(audit).items():
        if prod.source != "norm":
            continue
        norm = PRODUCTIVITY_NORMS[role]
        out.append(Default(f"capacity.{KEYS[role]}", prod.norm, norm.source, "high"))
        if role == "hunter":
            out += [
                Default(f"capacity.{k}", float(getattr(cap, k)), n.source, "medium")
                for k, n in HUNTER_NORM_PARTS.items()
                if k not in cap.model_fields_set
            ]
    return out


def inbound(audit: Audit) -> float | None:
    """The share of deals from inbound channels (the sales model's figure; None: unknown)."""
    return audit.memo(
        ("sizing.inbound",), lambda: channels.inbound_share(audit.config, audit.table("deals"))
    )


def inputs(audit: Audit) -> tuple[Inputs, tuple[Default, ...]]:
    """Resolve every `auto` capacity input; return them with the defaults used (once per run)."""
    return audit.memo(("sizing.inputs",), lambda: _inputs(audit))


def _inputs(audit: Audit) -> tuple[Inputs, tuple[Default, ...]]:
    """The sizing inputs (uncached; see :func:`inputs`)."""
    cap, prod = audit.config.capacity, productivity(audit)
    avg = average_deal(audit)
    rate, log = rates(audit)
    log += productivity_defaults(audit)
    log += capacity_defaults(cap)
    log += earnings_defaults(audit)
    _, repeat_default = repeat_sales(audit)
    if repeat_default is not None:
        log.append(repeat_default)
    goal, goal_default = target(audit, avg)
    if goal_default is not None:
        log.append(goal_default)
    inp = Inputs(
        target=goal,
        average_deal=avg,
        call_to_contact=rate["call_to_contact"],
        contact_to_meeting=rate["contact_to_meeting"],
        meeting_to_contract=rate["meeting_to_contract"],
        closer_capacity=prod["closer"].used,
        hunter_capacity=prod["hunter"].used,
        farmer_capacity=prod["farmer"].used,
        active_accounts=active_accounts(audit),
        logged_to_contract=funnel.meeting_rate(audit).logged_to_contract,
        inbound_share=inbound(audit),
    )
    return inp, tuple(log)


def defaults(audit: Audit) -> tuple[Default, ...]:
    """The defaults sizing uses for this client."""
    return inputs(audit)[1]


# --------------------------------------------------------------------------------------
# the reverse funnel, the people and the hiring plan


def workload(inp: Inputs) -> dict[str, float]:
    """Monthly activity the target needs: contracts, meetings (inbound and outbound), contacts,
    calls, closer meetings.

    `meetings` are deals reaching the meeting stage (the funnel's meeting → contract); the
    inbound share of them (`inp.inbound_share`; all outbound when unknown) needs no calls, so
    contacts and calls follow from the outbound meetings only; `closer_meetings` are the meetings
    the closers hold, in the activity log's count (contracts ÷ won deals per logged meeting) when
    there is a log.
    """
    work = reverse.reverse_funnel(
        inp.target,
        inp.average_deal,
        inp.meeting_to_contract,
        inp.contact_to_meeting,
        inp.call_to_contact,
    )
    share = inp.inbound_share or 0.0
    work["inbound_meetings"] = work["meetings"] * share
    work["outbound_meetings"] = work["meetings"] - work["inbound_meetings"]
    work["contacts"] *= 1 - share
    work["calls"] *= 1 - share
    logged = inp.logged_to_contract
    work["closer_meetings"] = work["contracts"] / logged if logged else work["meetings"]
    return work


def required(
    inp: Inputs, work: dict[str, float], repeat_sales: bool, span: int, regional: int = 0
) -> Staffing:
    """Sellers per role (ceil of workload / capacity), the role model and the heads (the span's,
    or the regional matrix's `regional` when more)."""
    fte = {
        "hunter": work["calls"] / inp.hunter_capacity,
        "closer": work["closer_meetings"] / inp.closer_capacity,
        "farmer": inp.active_accounts / inp.farmer_capacity if repeat_sales else 0.0,
    }
    need = {r: math.ceil(v - 1e-9) for r, v in fte.items()}
    if sum(need.values()) >= 4:
        fte["universal"] = 0.0
        need["universal"] = 0
        roles = "hunter_closer_farmer"
    else:
        fte = {"hunter": 0.0, "closer": 0.0, "farmer": 0.0, "universal": fte["closer"]}
        need = {"hunter": 0, "closer": 0, "farmer": 0, "universal": max(1, need["closer"])}
        roles = "universal"
    sellers = sum(need.values())
    return Staffing(need, roles, sellers, heads_required(sellers, span, regional), fte)


def current(audit: Audit) -> dict[str, int]:
    """Headcount by role today from the team table (empty without one)."""
    team = audit.table("team")
    if team is None:
        return {}
    roles = (
        team["role"].fillna("universal")
        if "role" in team
        else pd.Series("universal", index=team.index)
    )
    counts = roles.value_counts()
    return {r: int(counts.get(r, 0)) for r in (*SELLER_ROLES, "head")}


def monthly_cost(audit: Audit, staff: Staffing) -> float:
    """The team's monthly pay at target earnings (NaN when a needed role has no target earnings)."""
    te = target_earnings(audit)
    need = {**{r: n for r, n in staff.required.items() if n}, "head": staff.heads}
    if any(r not in te for r, n in need.items() if n):
        return float("nan")
    return float(sum(n * te[r][0] for r, n in need.items() if n))


def reason(audit: Audit) -> str | None:
    """Why the team cannot be sized (`no_average_deal`), or None when it can."""
    inp, _ = inputs(audit)
    return None if inp.average_deal > 0 else "no_average_deal"


def plan(audit: Audit) -> Plan | None:
    """Everything sizing computes (inputs, workload, required, current, heads, hiring plan, cost),
    or None when the average deal is unknown (see :func:`reason`)."""
    return audit.memo(("sizing.plan",), lambda: None if reason(audit) else _plan(audit))


def norm_inputs(inp: Inputs, prod: dict[str, Productivity]) -> Inputs:
    """The inputs with every role's productivity at the methodology's norm."""
    return replace(
        inp,
        closer_capacity=prod["closer"].norm,
        hunter_capacity=prod["hunter"].norm,
        farmer_capacity=prod["farmer"].norm,
    )


def moves(audit: Audit, staff: Staffing, cur: dict[str, int], repeat: bool) -> tuple[Move, ...]:
    """Today's universal sellers into closer or farmer roles by their track record (none unless
    the role model is hunter–closer–farmer and the team table names universal sellers)."""
    team = audit.table("team")
    if staff.roles != "hunter_closer_farmer" or team is None or "role" not in team:
        return ()
    names = team.loc[team["role"] == "universal", "manager"].astype(str).tolist()
    short = {r: staff.required.get(r, 0) - cur.get(r, 0) for r in ("closer", "farmer")}
    return redeploy(names, track_record(audit), short, repeat)


def starting(cur: dict[str, int], moved: tuple[Move, ...], staff: Staffing) -> dict[str, int]:
    """Today's people per role of the plan (the model's seller roles, then heads), after moves."""
    if staff.roles == "universal":
        return {"universal": sum(cur.get(r, 0) for r in SELLER_ROLES), "head": cur.get("head", 0)}
    out = {r: cur.get(r, 0) for r in ("hunter", "closer", "farmer")}
    for m in moved:
        out[m.to] += 1
    return {**out, "head": cur.get("head", 0)}


def needs(staff: Staffing, roles: list[str] | dict[str, int]) -> dict[str, float]:
    """What the hiring plan keeps covered per role: each seller role's FTE (its workload over
    its capacity, unrounded), heads in people."""
    return {r: float(staff.heads if r == "head" else staff.fte.get(r, 0.0)) for r in roles}


def rotations(
    audit: Audit, staff: Staffing, start: dict[str, int], hp: pd.DataFrame
) -> tuple[Rotation, ...]:
    """Sellers beyond their role's need moved up (hunter → closer) to cover the hires the plan
    would otherwise make in the role above (`hp`: the plan hiring one by one, so the places a
    batch fills are not counted), named by their track record."""
    team = audit.table("team")
    if staff.roles != "hunter_closer_farmer" or team is None or "role" not in team:
        return ()
    surplus = {r: n - staff.required.get(r, 0) for r, n in start.items() if r != "head"}
    room = hp.groupby("role")["hires"].sum().astype(int).to_dict()
    set_ = logged_activity(audit, "meeting", ("hunter",))
    met = {} if set_ is None else set_.groupby(set_["manager"].astype(str))["count"].sum().to_dict()
    return rotate(team, track_record(audit), surplus, room, met)


def surplus(staff: Staffing, start: dict[str, int], rot: tuple[Rotation, ...]) -> dict[str, int]:
    """People per seller role beyond its need, after the moves (those rotated in are there to
    cover the role's leavers, so not beyond it)."""
    into = {r: sum(x.to == r for x in rot) for r in start}
    return {
        r: n - staff.required.get(r, 0) - into[r]
        for r, n in start.items()
        if r != "head" and n - staff.required.get(r, 0) - into[r] > 0
    }


@dataclass(frozen=True)
class Schedule:
    """Today's people into the recommended roles, and the 12-month plan that tops them up."""

    moves: tuple[Move, ...]
    rotations: tuple[Rotation, ...]
    start: dict[str, int]  # people per role after the moves and rotations
    hiring_plan: pd.DataFrame  # month, role, hires, headcount, productive_fte
    ready: str | None  # the first month from which the productive team carries the target


def schedule(
    audit: Audit,
    staff: Staffing,
    repeat: bool,
    months: list[str],
    batch: int,
    ramp: int,
    attrition: float,
) -> Schedule:
    """Universal sellers moved by track record, surpluses rotated up where the plan would hire,
    then the hiring plan for what is left (the report's and the workshop's one path)."""
    cur = current(audit)
    moved = moves(audit, staff, cur, repeat)
    start = starting(cur, moved, staff)
    one_by_one = hmod.hiring_plan(start, needs(staff, start), months, 1, ramp, attrition)
    rot = rotations(audit, staff, start, one_by_one)
    for r in rot:
        start[r.source] -= 1
        start[r.to] += 1
    hp = hmod.hiring_plan(start, needs(staff, start), months, batch, ramp, attrition)
    ready = hmod.ready_month(hp, {r: v for r, v in staff.fte.items() if v > 0})
    return Schedule(moved, rot, start, hp, ready)


def fixed_payroll(audit: Audit) -> float | None:
    """Today's fixed pay a month, summed over the team table (None without `fixed_pay`)."""
    team = audit.table("team")
    if team is None or "fixed_pay" not in team or team["fixed_pay"].isna().all():
        return None
    return float(team["fixed_pay"].sum())


def month_costs(audit: Audit, hp: pd.DataFrame, staff: Staffing) -> list[float]:
    """The team's pay at target earnings each month of the plan (its headcount, rounded)."""
    out = []
    for _, rows in hp.groupby("month", sort=False):
        people = {r: int(round(h)) for r, h in zip(rows["role"], rows["headcount"], strict=True)}
        heads = people.pop("head", 0)
        need = {r: people.get(r, 0) for r in SELLER_ROLES}
        month = Staffing(need, staff.roles, sum(need.values()), heads)
        out.append(monthly_cost(audit, month))
    return out


def monthly(audit: Audit, hp: pd.DataFrame, staff: Staffing, target: float) -> pd.DataFrame:
    """Per month: sellers hired, headcount, productive FTE, the revenue the productive team can
    carry (target × the weakest role's share) and the team's cost at target earnings."""
    fte = {r: v for r, v in staff.fte.items() if v > 0}
    out = hmod.totals(hp)
    share = hmod.carried(hp, fte)
    out["revenue"] = (share.reindex(out["month"]).to_numpy() * target).round(2)
    out["cost"] = month_costs(audit, hp, staff)
    return out


def _plan(audit: Audit) -> Plan:
    """Compute the sizing plan (uncached)."""
    inp, log = inputs(audit)
    cap, prod = audit.config.capacity, productivity(audit)
    work, repeat, regional = workload(inp), repeat_sales(audit)[0], regional_heads(audit)
    staff = required(inp, work, repeat, cap.span, regional)
    norm = required(norm_inputs(inp, prod), work, repeat, cap.span, regional)
    cur = current(audit)
    now = sum(cur.get(r, 0) for r in SELLER_ROLES)
    months = pd.period_range(audit.as_of + pd.offsets.MonthBegin(1), periods=12, freq="M")
    sch = schedule(
        audit,
        staff,
        repeat,
        [str(m) for m in months],
        cap.hiring_batch,
        cap.ramp_months,
        cap.attrition,
    )
    moved, start, hp, ready = sch.moves, sch.start, sch.hiring_plan, sch.ready
    has_team = audit.table("team") is not None
    cost = monthly_cost(audit, staff)
    found = _findings(inp, work, staff, now, has_team)
    found += _found_more(prod, staff, norm, inp, work, sch, has_team)
    found += (_plan_finding(hp, ready, cap.hiring_batch),) if has_team else ()
    return Plan(
        inputs=inp,
        defaults=log,
        workload=work,
        required=staff.required,
        roles=staff.roles,
        sellers=staff.sellers,
        heads=staff.heads,
        current=cur,
        now=now,
        has_team=has_team,
        hiring_plan=hp,
        monthly_cost=cost,
        findings=found + _cost_finding(fixed_payroll(audit), cost, has_team),
        productivity=prod,
        fte=staff.fte,
        norm=norm,
        moves=moved,
        start=start,
        monthly=monthly(audit, hp, staff, inp.target),
        ready=ready,
        cost_now=fixed_payroll(audit),
        rotations=sch.rotations,
    )


def _findings(
    inp: Inputs, work: dict[str, float], staff: Staffing, now: int, has_team: bool
) -> tuple[Finding, ...]:
    """What sizing found: the activity the target needs and the headcount gap."""
    activity = Finding("s.summary", {"target": inp.target, **work})
    if inp.logged_to_contract:
        logged = {"m2c": inp.meeting_to_contract, "logged": inp.logged_to_contract}
        closer = {"meetings": work["closer_meetings"], "capacity": inp.closer_capacity}
        extra = Finding(
            "s.closer_meetings",
            {
                **logged,
                **closer,
                "closers": max(staff.required["closer"], staff.required["universal"]),
            },
        )
        return (activity, extra, *_gap(staff, now, has_team))
    return (activity, *_gap(staff, now, has_team))


def _gap(staff: Staffing, now: int, has_team: bool) -> tuple[Finding, ...]:
    """The headcount gap (or the plan alone when the team is unknown)."""
    gap = {"now": now, "needed": staff.sellers, "roles": staff.roles, "heads": staff.heads}
    if has_team:
        level = "bad" if staff.sellers > now else "good"
        return (Finding("s.gap", gap, level),)
    return (Finding("s.gap_no_team", gap),)


def _productivity_findings(prod: dict[str, Productivity], staff: Staffing) -> list[Finding]:
    """Each sized role's capacity: observed beside the norm (`s.capacity.observed`), a number
    the client gave (`s.capacity.given`), or the norm because the data cannot say."""
    out = []
    roles = ("closer",) if staff.roles == "universal" else ("hunter", "closer", "farmer")
    for role in roles:
        p = prod[role]
        if staff.fte.get(role, 0) == 0 and role != "closer":
            continue
        params = {"role": role, "used": p.used, "norm": p.norm, "observed": p.observed}
        params |= {"sellers": p.sellers, "reason": p.reason}
        out.append(Finding(f"s.capacity.{p.source}", params))
    return out


def _found_more(
    prod: dict[str, Productivity],
    staff: Staffing,
    norm: Staffing,
    inp: Inputs,
    work: dict[str, float],
    sch: Schedule,
    has_team: bool,
) -> tuple[Finding, ...]:
    """Productivity per role, the norm case, the inbound share, moves, rotations, surplus."""
    out = _productivity_findings(prod, staff)
    if norm.required != staff.required:
        norms = {r: p.norm for r, p in prod.items()}
        out.append(Finding("s.norm_case", {"need": norm.sellers, "by": norm.required, **norms}))
    if inp.inbound_share is None:
        out.append(Finding("s.inbound_unknown", {}, "warning"))
    else:
        share = {"share": inp.inbound_share, "inbound": work["inbound_meetings"]}
        out.append(Finding("s.inbound", {**share, "outbound": work["outbound_meetings"]}))
    if not has_team:
        return tuple(out)
    if sch.moves:
        out.append(Finding("s.moves", {"moves": sch.moves}))
    if sch.rotations:
        out.append(Finding("s.rotations", {"rotations": sch.rotations}))
    extra = surplus(staff, sch.start, sch.rotations)
    out += [Finding("s.surplus", {"role": r, "n": n}) for r, n in extra.items()]
    return tuple(out)


def _plan_finding(hp: pd.DataFrame, ready: str | None, batch: int) -> Finding:
    """The hiring plan in short: sellers hired per role, heads hired (counted apart), the first
    month, the month from which the productive team carries the target."""
    sellers = hp[hp["role"] != "head"]
    by_role = sellers.groupby("role", sort=False)["hires"].sum()
    hires = {r: int(n) for r, n in by_role.items() if n}
    heads = int(hp.loc[hp["role"] == "head", "hires"].sum())
    first = hp.loc[hp["hires"] > 0, "month"]
    start = first.iloc[0] if len(first) else None
    params = {"hires": hires, "heads": heads, "first": start, "ready": ready, "b": batch}
    return Finding("s.plan_hires", params)


def _cost_finding(now: float | None, needed: float, has_team: bool) -> tuple[Finding, ...]:
    """The needed team's monthly cost at target earnings against today's fixed payroll."""
    if math.isnan(needed):
        return (Finding("s.cost_no_earnings", {"now": now}),)
    if now is None:
        return (Finding("s.cost_no_pay", {"needed": needed, "team": has_team}),)
    return (Finding("s.cost_vs_now", {"now": now, "needed": needed, "delta": needed - now}),)


def _r(v: float | None, nd: int = 2) -> float | None:
    """A rounded number (None and NaN, a figure the data cannot give, become None)."""
    return None if v is None or math.isnan(float(v)) else round(float(v), nd)


def capacity_rows(prod: dict[str, Productivity]) -> dict[str, dict[str, Any]]:
    """The findings.json capacities: per role observed, norm, used, source, sellers."""
    return {
        r: {
            "observed": _r(p.observed),
            "norm": _r(p.norm),
            "used": _r(p.used),
            "source": p.source,
            "sellers": p.sellers,
            "reason": p.reason,
        }
        for r, p in prod.items()
    }


def findings(audit: Audit) -> dict[str, Any] | None:
    """The findings.json `sizing` section (None when the team cannot be sized)."""
    p = plan(audit)
    if p is None:
        return None
    inp = asdict(p.inputs)
    inp.pop("target")
    mon = p.monthly if p.monthly is not None else pd.DataFrame()
    return {
        "inputs": {k: (round(v, 6) if isinstance(v, float) else v) for k, v in inp.items()},
        "target": p.inputs.target,
        "workload": {k: round(v, 3) for k, v in p.workload.items()},
        "roles": p.roles,
        "required": p.required,
        "required_norm": p.norm.required if p.norm is not None else None,
        "fte": {k: round(v, 3) for k, v in p.fte.items()},
        "capacity": capacity_rows(p.productivity),
        "current": p.current,
        "start": p.start,
        "heads": p.heads,
        "redeploy": [
            {
                "name": m.name,
                "to": m.to,
                "new_revenue": m.new_revenue,
                "repeat_revenue": m.repeat_revenue,
                "basis": m.basis,
            }
            for m in p.moves
        ],  # fmt: skip
        "rotations": [
            {
                "name": r.name,
                "from": r.source,
                "to": r.to,
                "new_revenue": r.new_revenue,
                "meetings": r.meetings,
                "basis": r.basis,
            }
            for r in p.rotations
        ],  # fmt: skip
        "hiring_plan": [
            {
                "month": r["month"],
                "role": r["role"],
                "hires": int(r["hires"]),
                "headcount": round(float(r["headcount"]), 2),
                "productive_fte": round(float(r["productive_fte"]), 2),
            }
            for r in p.hiring_plan.to_dict("records")
        ],
        "monthly": [
            {k: (str(v) if k == "month" else _r(v)) for k, v in r.items()}
            for r in mon.to_dict("records")
        ],
        "ready_month": p.ready,
        "monthly_cost": _r(p.monthly_cost),
        "cost_per_month": {"now": _r(p.cost_now), "needed": _r(p.monthly_cost)},
    }
