"""The client's own productivity per role, beside the methodology's norm (docs/methodology.md §6.3).

One place for every reader: sizing sizes the roles on it, the funnel's goal seek and the funnel
simulator check their meetings against :func:`closer_capacity` — the number client.yaml gives,
else the observed median, else the norm. It lives in the inputs layer because the funnel sits
below sizing; `steps.sizing` re-exports it.

Meetings per closer and calls per hunter from the activity log, active accounts per farmer from
won deals and payments: the median of the ramped sellers of the role (hired at least
`ramp_months` before as_of when the team table says when, else every seller), never the best.
Each seller's months before the end of the ramp are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from salesaudit.core import constants as C
from salesaudit.core.names import WON
from salesaudit.inputs.audit import Audit
from salesaudit.inputs.client import CapacityConfig

# role -> (the client-file key, what one unit is)
KEYS = {
    "closer": "closer_meetings_per_month",
    "hunter": "hunter_calls_per_month",
    "farmer": "accounts_per_farmer",
}
UNITS = {"closer": "meetings", "hunter": "calls", "farmer": "accounts"}
# why the data cannot say (the export that would let it)
NO_LOG, NO_ROLE, NO_RAMPED, NO_MANAGER = "no_activities", "no_role", "no_ramped", "no_manager"


def logged_activity(audit: Audit, kind: str, roles: tuple[str, ...]) -> pd.DataFrame | None:
    """Activity-log rows of one type (meeting, call) by sellers in `roles`, last 12 months.

    Columns: manager, date, count (1 where the log gives none). None when the log, the team's
    roles or such rows are missing. The funnel's meetings figures read the same rows.
    """
    acts, team = audit.table("activities"), audit.table("team")
    if acts is None or team is None or "role" not in team:
        return None
    window = (acts["date"] > audit.as_of - pd.DateOffset(months=12)) & (acts["date"] <= audit.as_of)
    people = set(team.loc[team["role"].isin(roles), "manager"])
    a = acts[
        window & (acts["type"].astype(str).str.casefold() == kind) & acts["manager"].isin(people)
    ]
    if a.empty:
        return None
    count = a["count"].fillna(1) if "count" in a else pd.Series(1, index=a.index)
    return pd.DataFrame({"manager": a["manager"], "date": a["date"], "count": count})


@dataclass(frozen=True)
class Productivity:
    """One role's capacity a month: the observed median, the norm, a number given, which is used."""

    role: str  # closer | hunter | farmer
    observed: float | None  # median of the ramped sellers (None: the data cannot say)
    norm: float  # the methodology's figure
    given: float | None  # a number in the client file (overrides both)
    sellers: int  # ramped sellers the median is taken over
    reason: str | None = None  # why there is no observed figure (NO_LOG, NO_ROLE, ...)

    @property
    def source(self) -> str:
        """Which figure sizing uses: given | observed | norm."""
        if self.given is not None:
            return "given"
        return "observed" if self.observed is not None else "norm"

    @property
    def used(self) -> float:
        """The capacity sizing uses: given, else observed, else the norm."""
        if self.given is not None:
            return self.given
        return self.observed if self.observed is not None else self.norm


def hunter_norm(cap: CapacityConfig) -> float:
    """Calls a hunter makes a month by the norm: calls an hour × hours × productive share × days."""
    return float(
        cap.hunter_calls_per_hour
        * cap.hours_per_day
        * cap.productive_share
        * cap.working_days_per_month
    )


def norms(cap: CapacityConfig) -> dict[str, float]:
    """The methodology's capacity per role a month."""
    return {
        "closer": C.MEETINGS_PER_CLOSER.value,
        "hunter": hunter_norm(cap),
        "farmer": C.ACCOUNTS_PER_FARMER.value,
    }


def ramped_since(audit: Audit, role: str) -> pd.Series | None:
    """Each seller of `role` who is ramped by as_of, with the date the ramp ended (None: no team
    or no roles). Without hire dates every seller counts, from the start of the data."""
    team = audit.table("team")
    if team is None or "role" not in team:
        return None
    people = team[team["role"] == role].drop_duplicates("manager")
    ramp = pd.DateOffset(months=audit.config.capacity.ramp_months)
    if "hired_at" not in people or people["hired_at"].isna().all():
        return pd.Series(pd.Timestamp.min, index=people["manager"].astype(str))
    ended = people.set_index(people["manager"].astype(str))["hired_at"] + ramp
    return ended[ended.notna() & (ended <= audit.as_of)]


def logged_per_seller(audit: Audit, kind: str, role: str) -> tuple[pd.DataFrame | None, str | None]:
    """Each ramped seller of `role`: mean logged `kind` a month since the ramp ended, and the
    months behind it (columns per_month, months; index manager), or None and the reason."""
    since = ramped_since(audit, role)
    if since is None or audit.table("activities") is None:
        return None, NO_LOG
    if since.empty:
        return None, NO_RAMPED
    rows = logged_activity(audit, kind, (role,))
    if rows is None:
        return None, NO_ROLE
    rows = rows[rows["manager"].astype(str).isin(since.index)]
    rows = rows[rows["date"] >= rows["manager"].astype(str).map(since)]
    if rows.empty:
        return None, NO_RAMPED
    month = rows["date"].dt.to_period("M")
    per = rows["count"].groupby([rows["manager"].astype(str), month]).sum()
    out = per.groupby(level=0).agg(per_month="mean", months="count")
    out.index.name = "manager"
    return out, None


def _median_logged(audit: Audit, kind: str, role: str) -> tuple[float | None, int, str | None]:
    """Median over the ramped sellers of `role` of their mean logged `kind` a month."""
    per, reason = logged_per_seller(audit, kind, role)
    if per is None:
        return None, 0, reason
    return float(per["per_month"].median()), len(per), None


def closer_meeting_rates(audit: Audit) -> tuple[pd.DataFrame | None, str | None]:
    """Meetings a month of each ramped closer in the log (universals when the team has no
    closers): the one per-seller rate behind the closers' capacity and the meetings lever."""
    got = logged_per_seller(audit, "meeting", "closer")
    if got[0] is None and got[1] == NO_ROLE:
        return logged_per_seller(audit, "meeting", "universal")
    return got


def closer_meetings(audit: Audit) -> tuple[float | None, int, str | None]:
    """Meetings a ramped closer holds a month in the activity log (median; universals when the
    team has no closers): (value, sellers, reason when None)."""
    per, reason = closer_meeting_rates(audit)
    if per is None:
        return None, 0, reason
    return float(per["per_month"].median()), len(per), None


def hunter_calls(audit: Audit) -> tuple[float | None, int, str | None]:
    """Calls a ramped hunter makes a month in the activity log (median)."""
    return _median_logged(audit, "call", "hunter")


def _accounts_by_manager(audit: Audit) -> pd.Series | None:
    """Active clients (won deal or payment in the 12 months to as_of) per manager."""
    start, end = audit.as_of - pd.DateOffset(months=12), audit.as_of
    frames = []
    sales, deals = audit.table("sales"), audit.table("deals")
    if sales is not None and "manager" in sales:
        s = sales[(sales["date"] > start) & (sales["date"] <= end)]
        frames.append(s[["manager", "client_id"]])
    if deals is not None and {"manager", "client_id", "closed_at"} <= set(deals):
        d = deals[(deals["stage"] == WON) & (deals["closed_at"] > start)]
        frames.append(d[d["closed_at"] <= end][["manager", "client_id"]])
    if not frames:
        return None
    both = pd.concat(frames).dropna()
    return both.groupby(both["manager"].astype(str))["client_id"].nunique()


def farmer_accounts(audit: Audit) -> tuple[float | None, int, str | None]:
    """Active accounts a ramped farmer serves (median): (value, sellers, reason when None)."""
    since = ramped_since(audit, "farmer")
    if since is None:
        return None, 0, NO_ROLE
    if since.empty:
        return None, 0, NO_RAMPED
    load = _accounts_by_manager(audit)
    if load is None:
        return None, 0, NO_MANAGER
    mine = load.reindex(since.index).dropna()
    mine = mine[mine > 0]
    if mine.empty:
        return None, 0, NO_MANAGER
    return float(mine.median()), len(mine), None


def productivity(audit: Audit) -> dict[str, Productivity]:
    """Capacity per role (closer, hunter, farmer): observed, norm, given (once per audit)."""
    return audit.memo(("productivity",), lambda: _productivity(audit))


def _productivity(audit: Audit) -> dict[str, Productivity]:
    """The capacity per role (uncached; see :func:`productivity`)."""
    cap = audit.config.capacity
    norm = norms(cap)
    seen = {"closer": closer_meetings, "hunter": hunter_calls, "farmer": farmer_accounts}
    out = {}
    for role, fn in seen.items():
        raw = getattr(cap, KEYS[role])
        given = None if raw == "auto" else float(raw)
        value, n, why = fn(audit)
        if value is not None and value <= 0:  # a role whose log holds none of its activity
            value, n, why = None, 0, NO_ROLE
        out[role] = Productivity(role, value, norm[role], given, n, why)
    return out


def closer_capacity(audit: Audit) -> float:
    """Meetings a closer can hold a month — the one figure sizing, the goal seek and the funnel
    simulator use: client.yaml's number, else the ramped closers' observed median, else the norm."""
    return productivity(audit)["closer"].used
