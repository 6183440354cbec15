"""Step 04: team sizing by the reverse funnel, the hiring plan and the cost of sales (DESIGN §7.4)."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from salesaudit.core import constants as C
from salesaudit.core.quality import Assumption
from salesaudit.i18n import fmt_month, fmt_num, t
from salesaudit.inputs.audit import Audit
from salesaudit.present.style import PALETTE, styled
from salesaudit.steps.funnel import compute as funnel
from salesaudit.steps.funnel import reverse

SELLER_ROLES = ("hunter", "closer", "farmer", "universal")


@dataclass
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


def _won_last_year(audit: Audit) -> pd.DataFrame | None:
    """Won deals closed in the 12 months up to as_of."""
    deals = audit.table("deals")
    if deals is None or "closed_at" not in deals:
        return None
    start = audit.as_of - pd.DateOffset(months=12)
    won = deals[
        (deals["stage"] == funnel.WON)
        & (deals["closed_at"] > start)
        & (deals["closed_at"] <= audit.as_of)
    ]
    return won


def data_rates(audit: Audit) -> dict[str, float | None]:
    """Funnel rates from the client's data: target_list→first_contact and first_contact→contract."""
    deals = audit.table("deals")
    if deals is None:
        return {"contact_to_meeting": None, "meeting_to_contract": None}
    fc = audit.memo(
        ("funnel.counts",),
        lambda: funnel.counts(deals, audit.stage_keys, audit.table("stage_history")),
    )
    conv = [None if pd.isna(c) else float(c) for c in fc.stages["conversion_to_next"].iloc[:-1]]
    return reverse.rates_from_funnel(audit.stage_keys, conv)


def active_accounts(audit: Audit) -> int:
    """Clients with a won deal or a payment in the 12 months up to as_of."""
    start = audit.as_of - pd.DateOffset(months=12)
    ids: set[str] = set()
    sales = audit.table("sales")
    if sales is not None:
        w = sales[(sales["date"] > start) & (sales["date"] <= audit.as_of)]
        ids |= set(w["client_id"].astype(str))
    won = _won_last_year(audit)
    if won is not None and "client_id" in won:
        ids |= set(won["client_id"].dropna().astype(str))
    return len(ids)


def inputs(audit: Audit) -> tuple[Inputs, list[Assumption]]:
    """Resolve every `auto` capacity input; return them with the assumptions made."""
    cap, lang = audit.config.capacity, audit.lang
    log: list[Assumption] = []
    won = _won_last_year(audit)
    if cap.average_deal == "auto":
        amounts = (
            won["amount"].dropna()
            if won is not None and "amount" in won
            else pd.Series(dtype=float)
        )
        avg = float(amounts.mean()) if len(amounts) else float("nan")
    else:
        avg = float(cap.average_deal)
    rates = data_rates(audit)
    resolved: dict[str, float] = {}
    defaults = {
        "call_to_contact": C.DEFAULT_CALL_TO_CONTACT.value,
        "contact_to_meeting": C.DEFAULT_CONTACT_TO_MEETING.value,
        "meeting_to_contract": C.DEFAULT_MEETING_TO_CONTRACT.value,
    }
    for name, default in defaults.items():
        given = getattr(cap.rates, name)
        if given != "auto":
            resolved[name] = float(given)
            if name == "call_to_contact" and "call_to_contact" not in cap.rates.model_fields_set:
                log.append(
                    Assumption(
                        f"capacity.rates.{name}", f"{given}", t("s.rate_default", lang), "medium"
                    )
                )
            continue
        from_data = rates.get(name)
        if from_data is not None and from_data > 0:
            resolved[name] = from_data
        else:
            resolved[name] = default
            src = (
                t("s.rate_benchmark", lang)
                if name == "meeting_to_contract"
                else t("s.rate_default", lang)
            )
            log.append(Assumption(f"capacity.rates.{name}", f"{default}", src, "high"))
    for key in (
        "closer_meetings_per_month",
        "hunter_calls_per_hour",
        "productive_share",
        "accounts_per_farmer",
    ):
        if key not in cap.model_fields_set:
            log.append(
                Assumption(
                    f"capacity.{key}",
                    fmt_num(getattr(cap, key), lang, 2).rstrip("0").rstrip(",."),
                    t("s.capacity_default", lang),
                    "medium",
                )
            )
    target = audit.config.targets.revenue_per_month
    if target is None:
        total = float(won["amount"].sum()) if won is not None and "amount" in won else 0.0
        target = total / 12 if total > 0 else avg
        log.append(
            Assumption(
                "targets.revenue_per_month", fmt_num(target, lang), t("s.no_target", lang), "high"
            )
        )
    hunter_cap = (
        cap.hunter_calls_per_hour
        * cap.hours_per_day
        * cap.productive_share
        * cap.working_days_per_month
    )
    return Inputs(
        target=float(target),
        average_deal=avg,
        call_to_contact=resolved["call_to_contact"],
        contact_to_meeting=resolved["contact_to_meeting"],
        meeting_to_contract=resolved["meeting_to_contract"],
        closer_capacity=float(cap.closer_meetings_per_month),
        hunter_capacity=float(hunter_cap),
        farmer_capacity=float(cap.accounts_per_farmer),
        active_accounts=active_accounts(audit),
    ), log


def assumptions(audit: Audit) -> list[Assumption]:
    """The assumptions sizing makes for this client."""
    return inputs(audit)[1]


def workload(inp: Inputs) -> dict[str, float]:
    """Monthly activity the target needs: contracts, meetings, contacts, calls."""
    return reverse.reverse_funnel(
        inp.target,
        inp.average_deal,
        inp.meeting_to_contract,
        inp.contact_to_meeting,
        inp.call_to_contact,
    )


def required(inp: Inputs, work: dict[str, float], repeat_sales: bool, span: int) -> dict[str, Any]:
    """Sellers per role (ceil of workload / capacity), the role model and the heads."""
    hunters = math.ceil(work["calls"] / inp.hunter_capacity)
    closers = math.ceil(work["meetings"] / inp.closer_capacity)
    farmers = math.ceil(inp.active_accounts / inp.farmer_capacity) if repeat_sales else 0
    if hunters + closers + farmers >= 4:
        need = {"hunter": hunters, "closer": closers, "farmer": farmers, "universal": 0}
        roles = "hunter_closer_farmer"
    else:
        need = {"hunter": 0, "closer": 0, "farmer": 0, "universal": max(1, closers)}
        roles = "universal"
    sellers = sum(need.values())
    return {
        "required": need,
        "roles": roles,
        "sellers": sellers,
        "heads": math.ceil(sellers / span),
    }


def current(audit: Audit) -> dict[str, int]:
    """Headcount by role today from the team table."""
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


def unsupported(audit: Audit) -> str | None:
    """Why the team cannot be sized from this client's data (None when it can)."""
    inp, _ = inputs(audit)
    return None if inp.average_deal > 0 else t("s.no_average_deal", audit.lang)


def plan(audit: Audit) -> dict[str, Any] | None:
    """Everything sizing computes (inputs, workload, required, current, heads, hiring plan, cost),
    or None when the average deal is unknown (see :func:`unsupported`)."""
    return audit.memo(("sizing.plan",), lambda: None if unsupported(audit) else _plan(audit))


def _plan(audit: Audit) -> dict[str, Any]:
    """Compute the sizing plan (uncached)."""
    inp, _ = inputs(audit)
    cap = audit.config.capacity
    work = workload(inp)
    req = required(inp, work, audit.config.structure.repeat_sales, cap.span)
    cur = current(audit)
    now = sum(cur.get(r, 0) for r in SELLER_ROLES)
    months = pd.period_range(audit.as_of + pd.offsets.MonthBegin(1), periods=12, freq="M")
    hp = hiring_plan(now, req["sellers"], months, cap.hiring_batch, cap.ramp_months, cap.attrition)
    te = audit.config.compensation.target_earnings
    cost = sum(
        n * te.get(r if r != "universal" else "closer", 0.0) for r, n in req["required"].items()
    )
    cost += req["heads"] * te.get("head", 0.0)
    return {
        "inputs": inp,
        "workload": work,
        **req,
        "current": cur,
        "now": now,
        "hiring_plan": hp,
        "monthly_cost": cost,
    }


def workload_table(audit: Audit) -> pd.DataFrame | None:
    """The reverse funnel as a table: target → contracts → meetings → contacts → calls."""
    lang = audit.lang
    p = plan(audit)
    if p is None:
        return None
    inp, w = p["inputs"], p["workload"]
    labels = {
        "en": ["Contracts", "Meetings with decision makers", "Contacts reached", "Calls"],
        "ru": ["Договоры", "Встречи с ЛПР", "Контакты", "Звонки"],
    }[lang]
    rates = [
        f"÷ {fmt_num(inp.average_deal, lang)}",
        f"÷ {fmt_num(inp.meeting_to_contract, lang, 3)}",
        f"÷ {fmt_num(inp.contact_to_meeting, lang, 3)}",
        f"÷ {fmt_num(inp.call_to_contact, lang, 3)}",
    ]
    vals = [w["contracts"], w["meetings"], w["contacts"], w["calls"]]
    return pd.DataFrame(
        {
            t("tbl.metric", lang): labels,
            "": rates,
            t("tbl.value", lang): [fmt_num(v, lang, 1) for v in vals],
        }
    )


def headcount_table(audit: Audit) -> pd.DataFrame | None:
    """Headcount by role: now vs needed."""
    lang = audit.lang
    p = plan(audit)
    if p is None:
        return None
    rows = [
        {
            t("tbl.role", lang): t(f"role.{r}", lang),
            t("tbl.now", lang): p["current"].get(r, 0),
            t("tbl.needed", lang): p["required"][r],
        }
        for r in SELLER_ROLES
    ]
    rows.append(
        {
            t("tbl.role", lang): t("role.head", lang),
            t("tbl.now", lang): p["current"].get("head", 0),
            t("tbl.needed", lang): p["heads"],
        }
    )
    return pd.DataFrame(rows)


def notes(audit: Audit) -> list[str]:
    """Sizing in sentences."""
    lang = audit.lang
    p = plan(audit)
    if p is None:
        return [unsupported(audit) or ""]
    w = p["workload"]
    gap_key = "s.gap" if audit.table("team") is not None else "s.gap_no_team"
    out = [
        t(
            "s.summary",
            lang,
            target=fmt_num(p["inputs"].target, lang),
            contracts=fmt_num(w["contracts"], lang, 1),
            meetings=fmt_num(w["meetings"], lang),
            contacts=fmt_num(w["contacts"], lang),
            calls=fmt_num(w["calls"], lang),
        ),
        t(
            gap_key,
            lang,
            now=p["now"],
            needed=p["sellers"],
            roles=t(f"roles.{p['roles']}", lang),
            heads=p["heads"],
        ),
    ]
    return out


def headcount_chart(audit: Audit) -> go.Figure | None:
    """Grouped bars: headcount per role now and needed."""
    lang = audit.lang
    p = plan(audit)
    if p is None:
        return None
    roles = [*SELLER_ROLES, "head"]
    names = [t(f"role.{r}", lang) for r in roles]
    need = [p["required"].get(r, p["heads"] if r == "head" else 0) for r in roles]
    need[-1] = p["heads"]
    fig = go.Figure(
        [
            go.Bar(
                name=t("tbl.now", lang),
                x=names,
                y=[p["current"].get(r, 0) for r in roles],
                marker_color=PALETTE[7],
            ),
            go.Bar(name=t("tbl.needed", lang), x=names, y=need, marker_color=PALETTE[0]),
        ]
    )
    fig.update_layout(barmode="group")
    fig.update_yaxes(title_text=t("chart.people", lang), dtick=1 if max(need + [1]) < 12 else None)
    return styled(fig, t("chart.headcount", lang), lang, height=380)


def hiring_chart(audit: Audit) -> go.Figure | None:
    """Hires per month as bars, headcount and productive FTE as lines (needs the team table)."""
    lang = audit.lang
    p = plan(audit)
    if p is None or audit.table("team") is None:
        return None
    hp = p["hiring_plan"]
    months = [fmt_month(m, lang) for m in hp["month"]]
    fig = go.Figure(
        [
            go.Bar(name=t("tbl.hires", lang), x=months, y=hp["hires"], marker_color=PALETTE[1]),
            go.Scatter(
                name=t("s.headcount", lang),
                x=months,
                y=hp["headcount"],
                mode="lines+markers",
                line_color=PALETTE[0],
            ),
            go.Scatter(
                name=t("s.productive", lang),
                x=months,
                y=hp["productive"],
                mode="lines",
                line={"color": PALETTE[2], "dash": "dot"},
            ),
        ]
    )
    fig.update_yaxes(title_text=t("chart.people", lang), rangemode="tozero")
    fig.update_xaxes(type="category")
    return styled(fig, t("s.hiring", lang), lang, height=380)


def findings(audit: Audit) -> dict[str, Any] | None:
    """The findings.json `sizing` section (None when the team cannot be sized)."""
    p = plan(audit)
    if p is None:
        return None
    inp = asdict(p["inputs"])
    inp.pop("target")
    return {
        "inputs": {k: (round(v, 6) if isinstance(v, float) else v) for k, v in inp.items()},
        "target": p["inputs"].target,
        "workload": {k: round(v, 3) for k, v in p["workload"].items()},
        "roles": p["roles"],
        "required": p["required"],
        "current": p["current"],
        "heads": p["heads"],
        "hiring_plan": [
            {"month": r["month"], "hires": int(r["hires"])}
            for r in p["hiring_plan"].to_dict("records")
        ],
        "monthly_cost": round(p["monthly_cost"], 2),
    }
