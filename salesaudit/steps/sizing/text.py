"""Step 04 in words: sizing sentences, the reverse-funnel table and the assumptions it logs."""

from __future__ import annotations

import pandas as pd

from salesaudit.core.quality import Assumption
from salesaudit.core.results import Finding
from salesaudit.i18n import fmt_money, fmt_month, fmt_num, fmt_pct, t
from salesaudit.inputs.audit import Audit
from salesaudit.present.labels import mid_sentence, source_label
from salesaudit.steps.sizing.compute import (
    NO_TARGET,
    Default,
    Plan,
    defaults,
    plan,
    reason,
)
from salesaudit.steps.sizing.redeploy import Move, Rotation

WORKLOAD_ROWS = ("contracts", "meetings", "contacts", "calls")
# the findings `notes` shows (the workload, capacity, inbound share, headcount gap); the plan's
# (moves, surplus, hires) and the cost's come in `plan_notes` and `cost_notes`
FIRST = (
    "s.summary",
    "s.closer_meetings",
    "s.gap",
    "s.gap_no_team",
    "s.capacity.observed",
    "s.capacity.given",
    "s.capacity.norm",
    "s.norm_case",
    "s.inbound",
    "s.inbound_unknown",
)
PLAN = ("s.moves", "s.rotations", "s.surplus", "s.plan_hires")
COST = ("s.cost_vs_now", "s.cost_no_pay", "s.cost_no_earnings")


def unsupported(audit: Audit) -> str | None:
    """Why the team cannot be sized from this client's data (None when it can)."""
    code = reason(audit)
    return None if code is None else t(f"s.{code}", audit.lang)


def _short(v: float, lang: str) -> str:
    """A number with up to two decimals and no trailing zeros: 40, 0.8, 0.25."""
    return fmt_num(v, lang, 2).rstrip("0").rstrip(",.")


def source_text(source: str, lang: str) -> str:
    """Where a default comes from, in words: a methodology section, our default, or the data."""
    if source == NO_TARGET:
        return t("s.no_target", lang)
    return source_label(source, lang)


def assumption(d: Default, lang: str) -> Assumption:
    """One sizing default as a row of the assumptions log."""
    if d.key == "structure.repeat_sales":
        value = t("word.yes" if d.value else "word.no", lang)
    else:
        value = fmt_num(d.value, lang) if d.source == NO_TARGET else _short(d.value, lang)
    return Assumption(d.key, value, source_text(d.source, lang), d.impact)


def assumptions(audit: Audit) -> list[Assumption]:
    """The assumptions sizing makes for this client, for the assumptions log."""
    return [assumption(d, audit.lang) for d in defaults(audit)]


def role_counts(by: dict[str, int], lang: str) -> str:
    """People per role in words: "Hunter 1, Closer 6, Farmer 6" (roles with nobody left out)."""
    return ", ".join(f"{t(f'role.{r}', lang)} {n}" for r, n in by.items() if n)


def move_text(m: Move, lang: str, cur: str) -> str:
    """One universal seller's move with the revenue that decided it."""
    money = t(
        "s.move_money",
        lang,
        new=fmt_money(m.new_revenue, lang, cur),
        repeat=fmt_money(m.repeat_revenue, lang, cur),
    )
    if m.basis == "track_record":
        why = money
    elif m.new_revenue + m.repeat_revenue > 0:  # a record, but its role's need was already filled
        why = f"{money}; {t('s.move_need', lang)}"
    else:
        why = t("s.move_no_record", lang)
    return f"{m.name} → {t(f'role.{m.to}', lang).lower()} ({why})"


def rotation_text(r: Rotation, lang: str, cur: str) -> str:
    """One seller moved up a role, with the revenue that put him first (or why not)."""
    if r.basis == "track_record":
        return f"{r.name} ({t('s.rotation_record', lang, new=fmt_money(r.new_revenue, lang, cur))})"
    if r.basis == "meetings":
        return f"{r.name} ({t('s.rotation_meetings', lang, n=r.meetings)})"
    return f"{r.name} ({t('s.rotation_tenure', lang)})"


def rotations_text(rot: tuple[Rotation, ...], lang: str, cur: str) -> str:
    """The rotation before hiring in one sentence: how many, from which role to which, who."""
    return t(
        "s.rotations",
        lang,
        n=len(rot),
        source=t(f"role.{rot[0].source}", lang).lower(),
        to=t(f"role.{rot[0].to}", lang).lower(),
        people=", ".join(rotation_text(r, lang, cur) for r in rot),
    )


def capacity_text(f: Finding, lang: str, ramp: int) -> str:
    """A role's capacity in words: observed beside the norm, given, or the norm and why."""
    p, role = f.params, f.params["role"]
    nums = {k: fmt_num(p[k], lang) for k in ("used", "norm")}
    if f.code == "s.capacity.norm":
        why = t(f"s.why.{p['reason']}", lang, ramp=ramp)
        return t(f"s.capacity.norm.{role}", lang, why=why, **nums)
    observed = fmt_num(p["observed"], lang) if p["observed"] is not None else "—"
    return t(f"{f.code}.{role}", lang, n=p["sellers"], observed=observed, **nums)


def plan_text(f: Finding, lang: str) -> str:
    """The hiring plan in one sentence: hires per role, first month, month the target is carried."""
    p = f.params
    ready = (
        t("s.ready", lang, month=fmt_month(p["ready"], lang))
        if p["ready"]
        else t("s.not_ready", lang)
    )
    heads = p.get("heads", 0)
    if not p["hires"] and not heads:
        return t("s.plan_no_hires", lang, ready=ready)
    parts = []
    if p["hires"]:
        by = role_counts(p["hires"], lang)
        parts.append(t("s.plan.sellers", lang, n=sum(p["hires"].values()), by=by))
    if heads:
        parts.append(t("s.plan.heads", lang, n=heads))
    who = t("s.plan.both", lang, sellers=parts[0], heads=parts[1]) if len(parts) == 2 else parts[0]
    first = fmt_month(p["first"], lang)
    return t("s.plan_hires", lang, who=who, first=first, ready=ready, b=p["b"])


def more_text(f: Finding, lang: str, cur: str, ramp: int) -> str | None:
    """The sentences of the findings the first version of sizing did not have (None: not one)."""
    p = f.params
    if f.code.startswith("s.capacity."):
        return capacity_text(f, lang, ramp)
    if f.code == "s.norm_case":
        norms = {k: fmt_num(p[k], lang) for k in ("closer", "hunter", "farmer")}
        return t(f.code, lang, need=p["need"], by=role_counts(p["by"], lang), **norms)
    if f.code == "s.inbound":
        nums = {k: fmt_num(p[k], lang) for k in ("inbound", "outbound")}
        return t(f.code, lang, share=fmt_pct(p["share"], lang), **nums)
    if f.code == "s.moves":
        return t(f.code, lang, moves="; ".join(move_text(m, lang, cur) for m in p["moves"]))
    if f.code == "s.rotations":
        return rotations_text(p["rotations"], lang, cur)
    if f.code == "s.surplus":
        return t(f.code, lang, role=t(f"role.{p['role']}", lang), n=p["n"])
    if f.code == "s.plan_hires":
        return plan_text(f, lang)
    if f.code in COST:  # two decimals: 1.35 M against 1.18 M shows its 170 k difference
        money = {
            k: fmt_money(v, lang, cur, 2 if abs(v) >= 1e6 else 1)
            for k, v in p.items()
            if isinstance(v, float)
        }
        return t(f.code, lang, **money)
    if f.code == "s.inbound_unknown":
        return t(f.code, lang)
    return None


def finding_text(f: Finding, lang: str, cur: str = "", ramp: int = 3) -> str:
    """A sizing finding as a sentence."""
    more = more_text(f, lang, cur, ramp)
    if more is not None:
        return more
    p = f.params
    if f.code == "s.summary":
        return t(
            f.code,
            lang,
            target=fmt_money(p["target"], lang, cur),
            contracts=fmt_num(p["contracts"], lang, 1),
            meetings=fmt_num(p["meetings"], lang),
            contacts=fmt_num(p["contacts"], lang),
            calls=fmt_num(p["calls"], lang),
        )
    if f.code == "s.closer_meetings":
        return t(
            f.code,
            lang,
            logged=fmt_pct(p["logged"], lang),
            m2c=fmt_pct(p["m2c"], lang),
            meetings=fmt_num(p["meetings"], lang),
            closers=p["closers"],
            capacity=fmt_num(p["capacity"], lang),
        )
    return t(f.code, lang, **{**p, "roles": t(f"roles.{p['roles']}", lang)})


def notes(audit: Audit) -> list[str]:
    """Sizing in sentences."""
    p = plan(audit)
    if p is None:
        return [unsupported(audit) or ""]
    cur, ramp = audit.config.currency, audit.config.capacity.ramp_months
    out = [finding_text(f, audit.lang, cur, ramp) for f in p.findings if f.code in FIRST]
    rates = [d for d in defaults(audit) if d.key.startswith("capacity.rates.")]
    if rates:
        lang = audit.lang
        used = "; ".join(
            f"{mid_sentence(t(f'assumption.{d.key}', lang), lang)} {_short(d.value, lang)}"
            f" — {source_text(d.source, lang)}"
            for d in rates
        )
        out.append(t("s.rates_default", lang, rates=used))
    return out


def workload_table(audit: Audit) -> pd.DataFrame | None:
    """The reverse funnel as a table: target → contracts → meetings → contacts → calls."""
    lang = audit.lang
    p = plan(audit)
    if p is None:
        return None
    inp, w = p.inputs, p.workload
    rates = [
        f"÷ {fmt_num(inp.average_deal, lang)}",
        f"÷ {fmt_num(inp.meeting_to_contract, lang, 3)}",
        f"÷ {fmt_num(inp.contact_to_meeting, lang, 3)}",
        f"÷ {fmt_num(inp.call_to_contact, lang, 3)}",
    ]
    return pd.DataFrame(
        {
            t("tbl.metric", lang): [t(f"s.workload.{k}", lang) for k in WORKLOAD_ROWS],
            "": rates,
            t("tbl.value", lang): [fmt_num(w[k], lang, 1) for k in WORKLOAD_ROWS],
        }
    )


def _some_notes(audit: Audit, codes: tuple[str, ...]) -> list[str]:
    """The sentences of the sizing findings with these codes, in the plan's order."""
    p = plan(audit)
    if p is None:
        return []
    cur, ramp = audit.config.currency, audit.config.capacity.ramp_months
    return [finding_text(f, audit.lang, cur, ramp) for f in p.findings if f.code in codes]


def plan_notes(audit: Audit) -> list[str]:
    """The plan per role in sentences: universal sellers' moves, people beyond the need, hires
    (without a team table: that there is no one to plan from, and what to export)."""
    if audit.table("team") is None:
        return [t("s.no_team.plan", audit.lang)]
    return _some_notes(audit, PLAN)


def org_notes(audit: Audit) -> list[str]:
    """Why there is no org chart, when there is no team table (else nothing)."""
    return [] if audit.table("team") is not None else [t("s.no_team.org", audit.lang)]


def cost_notes(audit: Audit) -> list[str]:
    """The cost of sales at target earnings against today's fixed payroll, in a sentence."""
    return _some_notes(audit, COST)


def _used(p: Plan, role: str, lang: str) -> str:
    """Which capacity a role is sized on, in a word: observed, given or norm."""
    return t(f"s.source.{p.productivity[role].source}", lang)


def _today(p: Plan, role: str) -> str | int:
    """People in a role today, and after the universal sellers' moves when they change it."""
    if not p.has_team:
        return "—"
    now, after = p.current.get(role, 0), p.start.get(role, p.current.get(role, 0))
    return now if now == after else f"{now} → {after}"


def capacity_table(audit: Audit) -> pd.DataFrame | None:
    """Per role: observed capacity, the norm, which is used, people needed on it and at the norm,
    people today (→ after the universal sellers' moves)."""
    p, lang = plan(audit), audit.lang
    if p is None or p.norm is None:
        return None
    roles = ["universal"] if p.roles == "universal" else ["hunter", "closer", "farmer"]
    rows = []
    for r in roles:
        prod = p.productivity["closer" if r == "universal" else r]
        rows.append(
            {
                t("tbl.role", lang): t(f"role.{r}", lang),
                t("tbl.observed", lang): fmt_num(prod.observed, lang),
                t("tbl.norm", lang): fmt_num(prod.norm, lang),
                t("tbl.used", lang): _used(p, prod.role, lang),
                t("tbl.needed", lang): p.required[r],
                t("tbl.needed_norm", lang): p.norm.required[r],
                t("tbl.now", lang): _today(p, r),
            }
        )
    head = {t("tbl.role", lang): t("role.head", lang), t("tbl.needed", lang): p.heads}
    head |= {t("tbl.needed_norm", lang): p.norm.heads, t("tbl.now", lang): _today(p, "head")}
    return pd.DataFrame([*rows, head]).fillna("")


def hiring_table(audit: Audit) -> pd.DataFrame | None:
    """The plan by month: hires by role, sellers, productive FTE, the revenue the productive team
    carries and the team's cost at target earnings (None without a team table)."""
    p, lang, cur = plan(audit), audit.lang, audit.config.currency
    if p is None or not p.has_team or p.monthly is None:
        return None
    hp = p.hiring_plan[p.hiring_plan["hires"] > 0]
    hires = {
        m: role_counts(dict(zip(g["role"], g["hires"], strict=True)), lang)
        for m, g in hp.groupby("month", sort=False)
    }
    mon = p.monthly
    return pd.DataFrame(
        {
            t("tbl.month", lang): [fmt_month(m, lang) for m in mon["month"]],
            t("tbl.hires", lang): [hires.get(m, "") for m in mon["month"]],
            t("tbl.sellers", lang): [fmt_num(v, lang, 1) for v in mon["headcount"]],
            t("s.productive", lang): [fmt_num(v, lang, 1) for v in mon["productive_fte"]],
            t("tbl.revenue", lang): [fmt_money(v, lang, cur) for v in mon["revenue"]],
            t("tbl.cost", lang): [fmt_money(v, lang, cur) for v in mon["cost"]],
        }
    )
