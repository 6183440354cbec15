"""The 12-month hiring plan per role: ramp-up, attrition replaced, hiring in batches.

Each month every role loses `attrition / 12` of its people (expected, so fractional). A seller
role is hired for as soon as its productive FTE, projected without further hires to the month a
newcomer hired now is fully ramped (`ramp` − 1 months ahead, within the plan), would fall below
the FTE its workload needs: so once the productive team carries the target it keeps carrying it
every later month (attrition replaced before the gap opens, not once a whole person is gone).
Sellers are hired in waves: the month's shortfall over all seller roles rounded up to a multiple
of `batch` (the methodology hires in groups, not one by one); each place left in a wave goes to
the role that would be short soonest (the lowest cover of its need at the plan's end): an early
replacement of its leavers. Heads are hired one by one, when a
whole head is missing. A newcomer ramps linearly: 1/ramp of a full seller in the month hired,
full after `ramp` months.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd

HEAD = "head"
EPS = 1e-9

Cohorts = list[tuple[int, int]]  # (month index hired, people)


def ramping(cohorts: Cohorts, month: int, ramp: int) -> float:
    """People of a role still ramping in month index `month`: what they lack of full FTE."""
    if not ramp:
        return 0.0
    return sum(n * (1 - min(1.0, (month - j + 1) / ramp)) for j, n in cohorts if j <= month)


def projected(head: float, cohorts: Cohorts, now: int, month: int, ramp: int, loss: float) -> float:
    """A role's productive FTE in month `month` if nobody is hired after month `now`."""
    return head * (1 - loss) ** (month - now) - ramping(cohorts, month, ramp)


def shortfall(
    head: float, cohorts: Cohorts, need: float, now: int, last: int, ramp: int, loss: float
) -> int:
    """Sellers to hire in month `now` so the role's productive FTE is at least `need` in the month
    they are fully ramped (`ramp` − 1 months ahead, at most the plan's `last` month)."""
    end = min(now + max(ramp, 1) - 1, last)
    gap = need - projected(head, cohorts, now, end, ramp, loss)
    if gap <= EPS:
        return 0
    one = projected(1.0, [(now, 1)], now, end, ramp, loss)  # what one hire adds that month
    return math.ceil(gap / one - EPS) if one > EPS else 0


def wave(
    short: Mapping[str, int],
    needed: Mapping[str, float],
    batch: int,
    ahead: Mapping[str, tuple[float, float]] | None = None,
) -> dict[str, int]:
    """One month's seller hires per role: the shortfalls rounded up to a multiple of `batch` in
    all; each place left goes to the role that would be short soonest — the lowest cover of its
    need at the plan's end (`ahead`: role → (productive FTE then with the hires so far, what one
    more hire adds)) — else to the role with the most people needed."""
    sellers = {r: n for r, n in short.items() if r != HEAD}
    total = sum(sellers.values())
    if not total:
        return sellers
    extra = math.ceil(total / max(batch, 1)) * max(batch, 1) - total
    order = [r for r in needed if r in sellers and needed[r] > 0] or list(sellers)
    cover = dict(ahead or {})
    for _ in range(extra):
        if cover:
            r = min(order, key=lambda x: (cover[x][0] / needed[x], -needed[x], order.index(x)))
            cover[r] = (cover[r][0] + cover[r][1], cover[r][1])
        else:
            r = max(order, key=lambda x: (needed[x], -order.index(x)))
        sellers[r] += 1
    return sellers


def _ahead(
    head: float, cohorts: Cohorts, hires: int, now: int, last: int, ramp: int, loss: float
) -> tuple[float, float]:
    """A role's productive FTE at the plan's last month if `hires` join now, and what one more
    hire adds then."""
    one = projected(1.0, [(now, 1)], now, last, ramp, loss)
    return projected(head, cohorts, now, last, ramp, loss) + hires * one, one


def hiring_plan(
    start: Mapping[str, int],
    needed: Mapping[str, float],
    months: Sequence[str],
    batch: int,
    ramp: int,
    attrition: float,
) -> pd.DataFrame:
    """Per month and role: hires, headcount (after attrition, with hires) and productive FTE
    (unrounded: the plan's own test of carrying the target reads them).

    `start` is today's people per role (after moves), `needed` the FTE each seller role's workload
    needs (heads under HEAD, in people). Columns: month, role, hires, headcount, productive_fte.
    """
    loss, last = attrition / 12, len(months) - 1
    roles = list(needed)
    head = {r: float(start.get(r, 0)) for r in roles}
    cohorts: dict[str, Cohorts] = {r: [] for r in roles}
    rows = []
    for i, m in enumerate(months):
        head = {r: h * (1 - loss) for r, h in head.items()}
        short = {
            r: shortfall(head[r], cohorts[r], needed[r], i, last, ramp, loss)
            for r in roles
            if r != HEAD
        }
        ahead = {r: _ahead(head[r], cohorts[r], n, i, last, ramp, loss) for r, n in short.items()}
        hires = wave(short, needed, batch, ahead)
        if HEAD in roles:
            hires[HEAD] = max(0, math.floor(needed[HEAD] - head[HEAD] + EPS))
        for r in roles:
            head[r] += hires.get(r, 0)
            if hires.get(r):
                cohorts[r].append((i, hires[r]))
            rows.append(
                {
                    "month": str(m),
                    "role": r,
                    "hires": int(hires.get(r, 0)),
                    "headcount": head[r],
                    "productive_fte": max(0.0, head[r] - ramping(cohorts[r], i, ramp)),
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
    """The first month from which the productive team carries the whole target in every later
    month of the plan (None: not by its last month)."""
    share = carried(plan, fte)
    short = [i for i, v in enumerate(share) if v < 1 - 1e-6]
    first = short[-1] + 1 if short else 0
    return str(share.index[first]) if first < len(share) else None


def totals(plan: pd.DataFrame) -> pd.DataFrame:
    """Sellers per month (heads left out): hires, headcount, productive FTE."""
    sellers = plan[plan["role"] != HEAD]
    out = sellers.groupby("month", sort=False)[["hires", "headcount", "productive_fte"]].sum()
    return out.reset_index()
