"""Today's universal sellers moved into the recommended roles by their track record.

A universal seller whose won revenue of the last 12 months comes mostly from repeat clients
(clients who had won an earlier deal) becomes a farmer, one who mostly wins new clients a
closer; without a track record, the role short of more people. Read from won deals (client_id,
manager, closed_at), else from payments (a client's first payment is new-client money).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from salesaudit.core.names import WON
from salesaudit.inputs.audit import Audit


@dataclass(frozen=True)
class Move:
    """One universal seller's move: to which role, on which revenue (last 12 months)."""

    name: str
    to: str  # closer | farmer
    new_revenue: float  # won from clients new to the company
    repeat_revenue: float  # won from clients who had bought before
    basis: str  # track_record | shortfall


def _money(audit: Audit) -> pd.DataFrame | None:
    """Won money of the last 12 months with manager and whether the client was new (new, amount)."""
    start, end = audit.as_of - pd.DateOffset(months=12), audit.as_of
    deals = audit.table("deals")
    if deals is not None and {"client_id", "manager", "closed_at", "amount"} <= set(deals):
        won = deals[(deals["stage"] == WON) & deals["closed_at"].notna()]
        first = won.groupby("client_id")["closed_at"].transform("min")
        new = won["closed_at"] <= first
        keep = (won["closed_at"] > start) & (won["closed_at"] <= end)
        return pd.DataFrame({"manager": won["manager"], "new": new, "amount": won["amount"]})[keep]
    sales = audit.table("sales")
    if sales is not None and "manager" in sales:
        first = sales.groupby("client_id")["date"].transform("min")
        keep = (sales["date"] > start) & (sales["date"] <= end)
        new = sales["date"] <= first
        return pd.DataFrame({"manager": sales["manager"], "new": new, "amount": sales["amount"]})[
            keep
        ]
    return None


def track_record(audit: Audit) -> pd.DataFrame:
    """Per manager: new-client and repeat won revenue of the last 12 months (empty without data)."""
    money = _money(audit)
    if money is None or money.empty:
        return pd.DataFrame(columns=["new", "repeat"])
    money = money.dropna(subset=["manager"])
    by = money.groupby([money["manager"].astype(str), money["new"]])["amount"].sum().unstack()
    by = by.reindex(columns=[True, False], fill_value=0.0).fillna(0.0)
    return by.rename(columns={True: "new", False: "repeat"})


def redeploy(
    names: list[str], record: pd.DataFrame, short: Mapping[str, int], repeat_sales: bool
) -> tuple[Move, ...]:
    """Each universal seller's role: farmer when repeat revenue outweighs new-client revenue (and
    clients buy again), closer otherwise; without revenue, the role more people are missing in;
    then those beyond a role's need fill the other role while it is short (:func:`_fill_needs`)."""
    out = []
    for name in sorted(names):
        new = float(record["new"].get(name, 0.0)) if name in record.index else 0.0
        rep = float(record["repeat"].get(name, 0.0)) if name in record.index else 0.0
        if new + rep > 0:
            role = "farmer" if repeat_sales and rep > new else "closer"
            out.append(Move(name, role, new, rep, "track_record"))
            continue
        more = (
            "farmer"
            if repeat_sales and short.get("farmer", 0) > short.get("closer", 0)
            else "closer"
        )
        out.append(Move(name, more, 0.0, 0.0, "shortfall"))
    return _fill_needs(out, short, repeat_sales)


def _fit(m: Move, role: str) -> float:
    """How well a seller's record suits a role: the repeat share for farmer, the new-client
    share for closer (½ without a record)."""
    total = m.new_revenue + m.repeat_revenue
    share = m.repeat_revenue / total if total else 0.5
    return share if role == "farmer" else 1.0 - share


def _won(m: Move, role: str) -> float:
    """The revenue of the kind a role lives on: repeat for farmer, new clients for closer."""
    return m.repeat_revenue if role == "farmer" else m.new_revenue


def _fill_needs(
    moves: list[Move], short: Mapping[str, int], repeat_sales: bool
) -> tuple[Move, ...]:
    """Moves beyond a role's need go to the other role while it is still short: the smallest
    record in the full role's work first (for closers, the least new-client revenue), never
    past the other role's need."""
    roles = ("closer", "farmer") if repeat_sales else ("closer",)
    out = list(moves)
    for full, other in ((a, b) for a in roles for b in roles if a != b):
        mine = [i for i, m in enumerate(out) if m.to == full]
        extra = len(mine) - max(short.get(full, 0), 0)
        room = max(short.get(other, 0), 0) - sum(m.to == other for m in out)
        if extra <= 0 or room <= 0:
            continue
        # the smallest record in the full role's kind of work moves first (the strongest keep
        # the role their record points to); among equals, the least suited by share
        order = sorted(mine, key=lambda i: (_won(out[i], full), _fit(out[i], full), out[i].name))
        for i in order[: min(extra, room)]:
            m = out[i]
            out[i] = Move(m.name, other, m.new_revenue, m.repeat_revenue, "shortfall")
    return tuple(out)


@dataclass(frozen=True)
class Rotation:
    """One seller beyond his role's need moved up to a role the plan would hire for (the
    methodology's vertical rotation: hunter → closer), on his won new-client revenue."""

    name: str
    source: str  # the role he leaves (hunter)
    to: str  # the role he joins (closer)
    new_revenue: float  # won from clients new to the company, last 12 months
    basis: str  # track_record (won revenue) | meetings (meetings set) | tenure (neither)
    meetings: float = 0.0  # meetings he set in the activity log, last 12 months


# the methodology's vertical rotation: a role's surplus may move up into the next one
ROTATION = {"hunter": "closer"}


def rotate(
    people: pd.DataFrame,
    record: pd.DataFrame,
    surplus: Mapping[str, int],
    room: Mapping[str, int],
    meetings: Mapping[str, float] | None = None,
) -> tuple[Rotation, ...]:
    """The sellers beyond their role's need moved up (ROTATION) to cover what the role above
    would otherwise hire (`room`), by their track record: the most won new-client revenue first,
    then the most meetings set (`meetings`: name → meetings in the activity log, 12 months), then
    the longest-serving (`people`: manager, role, hired_at)."""
    held = meetings or {}
    out: list[Rotation] = []
    for source, to in ROTATION.items():
        n = min(surplus.get(source, 0), room.get(to, 0))
        if n <= 0:
            continue
        mine = people[people["role"] == source].drop_duplicates("manager")
        names = mine["manager"].astype(str)
        new = names.map(lambda m: float(record["new"].get(m, 0.0)) if m in record.index else 0.0)
        hired = mine["hired_at"] if "hired_at" in mine else pd.Series(pd.NaT, index=mine.index)
        met = names.map(lambda m: float(held.get(m, 0.0)))
        ranked = pd.DataFrame({"name": names, "new": new, "met": met, "hired": hired})
        ranked = ranked.sort_values(
            ["new", "met", "hired", "name"], ascending=[False, False, True, True]
        )
        out += [
            Rotation(r.name, source, to, r.new, _basis(r.new, r.met), r.met)
            for r in ranked.head(n).itertuples()
        ]
    return tuple(out)


def _basis(new: float, met: float) -> str:
    """What ranked a rotated seller: won revenue, else meetings set, else tenure."""
    if new > 0:
        return "track_record"
    return "meetings" if met > 0 else "tenure"
