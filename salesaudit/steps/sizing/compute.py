"""Step 04 numbers: the sizing inputs, the reverse funnel, the people it needs and the hiring plan.

No sentences, no translated labels, no figures: see `text.py` and `charts.py` (docs/methodology.md §6.3).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

import pandas as pd

from salesaudit.core import constants as C
from salesaudit.core.names import WON
from salesaudit.core.results import Finding
from salesaudit.inputs import answers, earnings
from salesaudit.inputs.audit import Audit
from salesaudit.inputs.basis import target_per_month
from salesaudit.inputs.client import CapacityConfig
from salesaudit.inputs.earnings import target_earnings
from salesaudit.steps.funnel import compute as funnel
from salesaudit.steps.funnel import reverse

SELLER_ROLES = ("hunter", "closer", "farmer", "universal")

# The default each funnel rate falls back on (in the order the assumptions log lists them).
RATE_DEFAULTS: dict[str, C.Norm] = {
    "call_to_contact": C.DEFAULT_CALL_TO_CONTACT,
    "contact_to_meeting": C.DEFAULT_CONTACT_TO_MEETING,
    "meeting_to_contract": C.DEFAULT_MEETING_TO_CONTRACT,
}
# Capacity inputs whose methodology default is logged when the client file does not set them.
CAPACITY_DEFAULTS: dict[str, C.Norm] = {
    "closer_meetings_per_month": C.MEETINGS_PER_CLOSER,
    "hunter_calls_per_hour": C.CALLS_PER_HOUR,
    "hours_per_day": C.HOURS_PER_DAY,
    "working_days_per_month": C.WORKING_DAYS_PER_MONTH,
    "productive_share": C.PRODUCTIVE_SHARE,
    "accounts_per_farmer": C.ACCOUNTS_PER_FARMER,
    "span": C.SPAN,
    "ramp_months": C.RAMP_MONTHS,
    "hiring_batch": C.HIRING_BATCH,
    "attrition": C.ATTRITION,
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


@dataclass(frozen=True)
class Plan:
    """Everything sizing computes for one audit."""

    inputs: Inputs
    defaults: tuple[Default, ...]
    workload: dict[str, float]
    required: dict[str, int]
    roles: str
    sellers: int
    heads: int
    current: dict[str, int]
    now: int
    has_team: bool
    hiring_plan: pd.DataFrame  # month, hires, headcount, productive
    monthly_cost: float
    findings: tuple[Finding, ...]

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
    return reverse.rates_from_funnel(audit.stage_keys, conv)


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
    """Calls a hunter makes a month: calls an hour × hours × productive share × working days."""
    return float(
        cap.hunter_calls_per_hour
        * cap.hours_per_day
        * cap.productive_share
        * cap.working_days_per_month
    )


def inputs(audit: Audit) -> tuple[Inputs, tuple[Default, ...]]:
    """Resolve every `auto` capacity input; return them with the defaults used (once per run)."""
    return audit.memo(("sizing.inputs",), lambda: _inputs(audit))


def _inputs(audit: Audit) -> tuple[Inputs, tuple[Default, ...]]:
    """The sizing inputs (uncached; see :func:`inputs`)."""
    cap = audit.config.capacity
    avg = average_deal(audit)
    rate, log = rates(audit)
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
        closer_capacity=float(cap.closer_meetings_per_month),
        hunter_capacity=hunter_capacity(cap),
        farmer_capacity=float(cap.accounts_per_farmer),
        active_accounts=active_accounts(audit),
        logged_to_contract=funnel.meeting_rate(audit).logged_to_contract,
    )
    return inp, tuple(log)


def defaults(audit: Audit) -> tuple[Default, ...]:
    """The defaults sizing uses for this client."""
    return inputs(audit)[1]


# --------------------------------------------------------------------------------------
# the reverse funnel, the people and the hiring plan


def workload(inp: Inputs) -> dict[str, float]:
    """Monthly activity the target needs: contracts, meetings, contacts, calls, closer meetings.

    `meetings` are deals reaching the meeting stage (the funnel's meeting → contract), which the
    hunters' contacts and calls follow from; `closer_meetings` are the meetings the closers hold,
    in the activity log's count (contracts ÷ won deals per logged meeting) when there is a log.
    """
    work = reverse.reverse_funnel(
        inp.target,
        inp.average_deal,
        inp.meeting_to_contract,
        inp.contact_to_meeting,
        inp.call_to_contact,
    )
    logged = inp.logged_to_contract
    work["closer_meetings"] = work["contracts"] / logged if logged else work["meetings"]
    return work


def required(inp: Inputs, work: dict[str, float], repeat_sales: bool, span: int) -> Staffing:
    """Sellers per role (ceil of workload / capacity), the role model and the heads."""
    hunters = math.ceil(work["calls"] / inp.hunter_capacity)
    closers = math.ceil(work["closer_meetings"] / inp.closer_capacity)
    farmers = math.ceil(inp.active_accounts / inp.farmer_capacity) if repeat_sales else 0
    if hunters + closers + farmers >= 4:
        need = {"hunter": hunters, "closer": closers, "farmer": farmers, "universal": 0}
        roles = "hunter_closer_farmer"
    else:
        need = {"hunter": 0, "closer": 0, "farmer": 0, "universal": max(1, closers)}
        roles = "universal"
    sellers = sum(need.values())
    return Staffing(need, roles, sellers, math.ceil(sellers / span))


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


def hiring_plan(
    now: int, needed: int, months: pd.PeriodIndex, batch: int, ramp: int, attrition: float
) -> pd.DataFrame:
    """Monthly hires in batches to reach and hold the needed sellers, with ramp-up and attrition."""
    monthly_loss = attrition / 12
    head = float(now)
    cohorts: list[tuple[int, int]] = []  # (month index hired, count)
    rows = []
    for i, m in enumerate(months):
        head -= head * monthly_loss
        deficit = needed - head
        hires = math.ceil(deficit / batch) * batch if deficit >= 1 else 0
        head += hires
        if hires:
            cohorts.append((i, hires))
        ramping = sum(n * (1 - min(1.0, (i - j + 1) / ramp)) for j, n in cohorts) if ramp else 0.0
        rows.append(
            {
                "month": str(m),
                "hires": hires,
                "headcount": round(head, 1),
                "productive": round(max(0.0, head - ramping), 1),
            }
        )
    return pd.DataFrame(rows)


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


def _plan(audit: Audit) -> Plan:
    """Compute the sizing plan (uncached)."""
    inp, log = inputs(audit)
    cap = audit.config.capacity
    work = workload(inp)
    staff = required(inp, work, repeat_sales(audit)[0], cap.span)
    cur = current(audit)
    now = sum(cur.get(r, 0) for r in SELLER_ROLES)
    months = pd.period_range(audit.as_of + pd.offsets.MonthBegin(1), periods=12, freq="M")
    hires = hiring_plan(
        now, staff.sellers, months, cap.hiring_batch, cap.ramp_months, cap.attrition
    )
    has_team = audit.table("team") is not None
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
        hiring_plan=hires,
        monthly_cost=monthly_cost(audit, staff),
        findings=_findings(inp, work, staff, now, has_team),
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


def findings(audit: Audit) -> dict[str, Any] | None:
    """The findings.json `sizing` section (None when the team cannot be sized)."""
    p = plan(audit)
    if p is None:
        return None
    inp = asdict(p.inputs)
    inp.pop("target")
    return {
        "inputs": {k: (round(v, 6) if isinstance(v, float) else v) for k, v in inp.items()},
        "target": p.inputs.target,
        "workload": {k: round(v, 3) for k, v in p.workload.items()},
        "roles": p.roles,
        "required": p.required,
        "current": p.current,
        "heads": p.heads,
        "hiring_plan": [
            {"month": r["month"], "hires": int(r["hires"])}
            for r in p.hiring_plan.to_dict("records")
        ],
        "monthly_cost": None if math.isnan(p.monthly_cost) else round(p.monthly_cost, 2),
    }
