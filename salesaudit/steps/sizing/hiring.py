"""The 12-month hiring plan per role: ramp-up, attrition replaced, hiring in batches.

Each month every role loses `attrition / 12` of its people (expected, so fractional); a role is
short by the whole people missing (floor of need − headcount): leavers are replaced once a whole
person is gone. Sellers are hired in waves: the month's
shortfall over all seller roles rounded up to a multiple of `batch` (the methodology hires in
groups, not one by one); the rest of a wave goes to the role with the most people needed (it
loses most to attrition). Heads are hired one by one. A newcomer ramps linearly: 1/ramp of a
full seller in the month hired, full after `ramp` months.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd

HEAD = "head"


def _shortfall(needed: Mapping[str, int], head: Mapping[str, float]) -> dict[str, int]:
    """Whole people missing per role (0 while the gap is under one person)."""
    return {r: max(0, math.floor(n - head[r] + 1e-9)) for r, n in needed.items()}


def wave(needed: Mapping[str, int], head: Mapping[str, float], batch: int) -> dict[str, int]:
    """One month's hires per role: seller shortfalls rounded up to a multiple of `batch` in all,
    the rest to the role with the most people needed; heads one by one."""
    short = _shortfall(needed, head)
    sellers = {r: n for r, n in short.items() if r != HEAD}
    total = sum(sellers.values())
    if total:
        extra = math.ceil(total / batch) * batch - total
        biggest = max((r for r in sellers), key=lambda r: (needed[r], -list(sellers).index(r)))
        sellers[biggest] += extra
    return {**sellers, **({HEAD: short[HEAD]} if HEAD in short else {})}


def hiring_plan(
    start: Mapping[str, int],
    needed: Mapping[str, int],
    months: Sequence[str],
    batch: int,
    ramp: int,
    attrition: float,
) -> pd.DataFrame:
    """Per month and role: hires, headcount (after attrition, with hires) and productive FTE.

    `start` is today's people per role (after redeployment), `needed` the people the target
    needs per role (heads under HEAD). Columns: month, role, hires, headcount, productive_fte.
    """
    loss = attrition / 12
    roles = list(needed)
    head = {r: float(start.get(r, 0)) for r in roles}
    cohorts: dict[str, list[tuple[int, int]]] = {r: [] for r in roles}
    rows = []
    for i, m in enumerate(months):
        head = {r: h * (1 - loss) for r, h in head.items()}
        hires = wave(needed, head, batch)
        for r in roles:
            head[r] += hires.get(r, 0)
            if hires.get(r):
                cohorts[r].append((i, hires[r]))
            ramping = (
                sum(n * (1 - min(1.0, (i - j + 1) / ramp)) for j, n in cohorts[r]) if ramp else 0
            )
            rows.append(
                {
                    "month": str(m),
                    "role": r,
                    "hires": int(hires.get(r, 0)),
                    "headcount": round(head[r], 2),
                    "productive_fte": round(max(0.0, head[r] - ramping), 2),
                }
            )
    return pd.DataFrame(rows, columns=["month", "role", "hires", "headcount", "productive_fte"])


def carried(plan: pd.DataFrame, fte: Mapping[str, float]) -> pd.Series:
    """Per month, the share of the target the productive team can carry (≤ 1): the weakest seller
    role's productive FTE over the FTE its workload needs."""
    sellers = plan[plan["role"].isin([r for r, v in fte.items() if v > 0])]
    if sellers.empty:
        return pd.Series(1.0, index=pd.Index(plan["month"].unique(), name="month"))
    share = sellers["productive_fte"] / sellers["role"].map(fte)
    return share.groupby(sellers["month"], sort=False).min().clip(upper=1.0)


def ready_month(plan: pd.DataFrame, fte: Mapping[str, float]) -> str | None:
    """The first month the productive team carries the whole target (None: not within the plan)."""
    share = carried(plan, fte)
    ok = share[share >= 1 - 1e-9]
    return str(ok.index[0]) if len(ok) else None


def totals(plan: pd.DataFrame) -> pd.DataFrame:
    """Sellers per month (heads left out): hires, headcount, productive FTE."""
    sellers = plan[plan["role"] != HEAD]
    out = sellers.groupby("month", sort=False)[["hires", "headcount", "productive_fte"]].sum()
    return out.reset_index()
