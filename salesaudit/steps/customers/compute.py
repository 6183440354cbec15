"""Step 06 numbers: ABC-XYZ classification of clients, the matrix and the migration.

No sentences, no translated labels, no figures: see `text.py` and `charts.py` (docs/methodology.md §6.6).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from salesaudit.core.constants import DEGENERATE_SHARE, MIN_CLIENTS_ABC
from salesaudit.core.results import Finding
from salesaudit.inputs.audit import Audit
from salesaudit.inputs.basis import reconciliation
from salesaudit.inputs.facts import RevenueBasis, purchases_basis, revenue_records

CELLS = [a + x for a in "ABC" for x in "XYZ"]
MOVE_COLUMNS = ["client_id", "before", "after", "down", "critical"]
CRITICAL_ABC = {("A", "C"), ("C", "A")}
CRITICAL_XYZ = {("X", "Z"), ("Z", "X")}


@dataclass(frozen=True)
class Classification:
    """ABC-XYZ per client over one window."""

    clients: pd.DataFrame  # client_id, revenue, abc, cv, xyz, cell
    window: tuple[pd.Timestamp, pd.Timestamp]
    period: str
    degenerate: bool


@dataclass(frozen=True)
class Overview:
    """The step's result: the classification, its source table and what it found."""

    classification: Classification
    source: str  # sales | deals
    clients: int
    revenue: float
    a_clients: int
    a_client_share: float
    a_revenue_share: float
    moves: pd.DataFrame  # see :func:`moves`
    findings: tuple[Finding, ...]
    risk: MoneyAtRisk | None = None  # see :func:`money_at_risk`
    # the window's revenue in the report's revenue basis (inputs/basis.py) when the purchases
    # are in the other one: payments ÷ the 12-month payments-to-won-deals ratio (None: same
    # basis, or no ratio to convert by)
    revenue_in_basis: float | None = None
    ratio: float | None = None

    @property
    def enough(self) -> bool:
        """Whether there are enough paying clients for the classes to say something."""
        return self.clients >= MIN_CLIENTS_ABC


def purchases(audit: Audit) -> tuple[pd.DataFrame | None, str]:
    """The purchases to classify (client_id, date, amount) and their source table.

    The purchases are `inputs.facts.revenue_records`: payments
    when the client gave them, else won deals.
    """
    records = revenue_records(audit.tables)
    if records is None or "client_id" not in records:
        return None, "none"
    rows = records.dropna(subset=["client_id", "date", "amount"])[["client_id", "date", "amount"]]
    return rows, "sales" if purchases_basis(audit.tables) == "payments" else "deals"


def abc(revenue: pd.Series, a: float, b: float) -> pd.Series:
    """A if the revenue share of all clients ranked above is < a, B if < b, else C."""
    r = revenue.sort_values(ascending=False, kind="stable")
    total = r.sum()
    above = (r.cumsum() - r) / total if total > 0 else pd.Series(0.0, index=r.index)
    cls = np.where(above < a, "A", np.where(above < b, "B", "C"))
    return pd.Series(cls, index=r.index).reindex(revenue.index)


def xyz(
    amounts: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, freq: str, x: float, y: float
) -> pd.DataFrame:
    """CV of per-period revenue (zeros for empty periods) and the X/Y/Z class; one period only → Z."""
    periods = pd.period_range(start, end, freq=freq)
    p = amounts.assign(per=amounts["date"].dt.to_period(freq))
    grid = p.pivot_table(
        index="client_id", columns="per", values="amount", aggfunc="sum", fill_value=0.0
    )
    grid = grid.reindex(columns=periods, fill_value=0.0)
    mean = grid.mean(axis=1)
    cv = grid.std(axis=1, ddof=0) / mean.replace(0, np.nan)
    active = (grid > 0).sum(axis=1)
    cls = np.where(active <= 1, "Z", np.where(cv <= x, "X", np.where(cv <= y, "Y", "Z")))
    return pd.DataFrame({"cv": cv, "xyz": cls}, index=grid.index)


def classify(audit: Audit, end: pd.Timestamp | None = None) -> Classification | None:
    """ABC-XYZ over the window ending at `end` (default as_of), quarterly if months degenerate."""
    end = end if end is not None else audit.as_of
    return audit.memo(("customers.classify", end), lambda: _classify(audit, end))


def _classify(audit: Audit, end: pd.Timestamp) -> Classification | None:
    """Compute the classification (uncached)."""
    data, _ = purchases(audit)
    if data is None:
        return None
    c = audit.config.customers
    start = (end - pd.DateOffset(months=c.window_months)) + pd.Timedelta(days=1)
    w = data[(data["date"] >= start) & (data["date"] <= end)]
    w = w[w["amount"] > 0]
    if w.empty:
        return None
    revenue = w.groupby("client_id")["amount"].sum()
    out = pd.DataFrame({"revenue": revenue, "abc": abc(revenue, c.a, c.b)})
    period, degenerate = c.period, False
    reg = xyz(w, start, end, period, c.x, c.y)
    if reg["xyz"].value_counts(normalize=True).max() > DEGENERATE_SHARE and period == "M":
        period = "Q"
        reg = xyz(w, start, end, "Q", c.x, c.y)
        degenerate = bool(reg["xyz"].value_counts(normalize=True).max() > DEGENERATE_SHARE)
    out = out.join(reg)
    out["cell"] = out["abc"] + out["xyz"]
    out = (
        out.sort_values("revenue", ascending=False, kind="stable")
        .rename_axis("client_id")
        .reset_index()
    )
    return Classification(out, (start, end), period, degenerate)


def previous(audit: Audit) -> tuple[Classification, Classification] | None:
    """The previous window's classification and the current one (None if either is missing)."""
    now = classify(audit)
    if now is None:
        return None
    prev = classify(audit, now.window[0] - pd.Timedelta(days=1))
    return None if prev is None else (prev, now)


def matrix(cl: Classification) -> dict[str, int]:
    """Clients per ABC-XYZ cell."""
    counts = cl.clients["cell"].value_counts()
    return {cell: int(counts.get(cell, 0)) for cell in CELLS}


def cell_revenue(cl: Classification) -> dict[str, float]:
    """Revenue per ABC-XYZ cell."""
    rev = cl.clients.groupby("cell")["revenue"].sum()
    return {cell: float(rev.get(cell, 0.0)) for cell in CELLS}


def abc_shares(cl: Classification) -> pd.DataFrame:
    """Per ABC class: share of clients (`clients`) and share of revenue (`revenue`)."""
    g = (
        cl.clients.groupby("abc")
        .agg(n=("client_id", "size"), rev=("revenue", "sum"))
        .reindex(list("ABC"), fill_value=0)
    )
    return pd.DataFrame({"clients": g["n"] / g["n"].sum(), "revenue": g["rev"] / g["rev"].sum()})


def migration(audit: Audit) -> pd.DataFrame | None:
    """Previous window's cell (rows, + new) → current cell (columns, + lost), client counts."""
    return audit.memo(("customers.migration",), lambda: _migration(audit))


def _migration(audit: Audit) -> pd.DataFrame | None:
    """The migration matrix (uncached; see :func:`migration`)."""
    both_windows = previous(audit)
    if both_windows is None:
        return None
    prev, now = both_windows
    a = prev.clients.set_index("client_id")["cell"]
    b = now.clients.set_index("client_id")["cell"]
    both = pd.concat([a.rename("before"), b.rename("after")], axis=1)
    both["before"] = both["before"].fillna("new")
    both["after"] = both["after"].fillna("lost")
    m = pd.crosstab(both["before"], both["after"])
    return m.reindex(index=[*CELLS, "new"], columns=[*CELLS, "lost"], fill_value=0)


def moves(audit: Audit) -> pd.DataFrame:
    """Clients whose cell changed, with the critical moves (A↔C, X↔Z) flagged."""
    return audit.memo(("customers.moves",), lambda: _moves(audit))


def _moves(audit: Audit) -> pd.DataFrame:
    """The changed cells (uncached; see :func:`moves`)."""
    both_windows = previous(audit)
    if both_windows is None:
        return pd.DataFrame(columns=MOVE_COLUMNS)
    prev, now = both_windows
    j = prev.clients[["client_id", "cell"]].merge(
        now.clients[["client_id", "cell"]], on="client_id", suffixes=("_b", "_a")
    )
    j = j[j["cell_b"] != j["cell_a"]].rename(columns={"cell_b": "before", "cell_a": "after"})
    j["down"] = j["after"].str[0] > j["before"].str[0]
    j["critical"] = [
        (b[0], a[0]) in CRITICAL_ABC or (b[1], a[1]) in CRITICAL_XYZ
        for b, a in zip(j["before"], j["after"], strict=True)
    ]
    return j.sort_values(
        ["critical", "down", "client_id"], ascending=[False, False, True], kind="stable"
    ).reset_index(drop=True)


def overview(audit: Audit) -> Overview | None:
    """The step's result, computed once per run (None when nothing can be classified)."""
    return audit.memo(("customers.overview",), lambda: _overview(audit))


def _overview(audit: Audit) -> Overview | None:
    """The step's result (uncached; see :func:`overview`)."""
    cl = classify(audit)
    if cl is None:
        return None
    _, source = purchases(audit)
    c = cl.clients
    a = c[c["abc"] == "A"]
    total = float(c["revenue"].sum())
    ov = Overview(
        classification=cl,
        source=source,
        clients=len(c),
        revenue=total,
        a_clients=len(a),
        a_client_share=len(a) / len(c),
        a_revenue_share=float(a["revenue"].sum()) / total,
        moves=moves(audit),
        findings=(),
        risk=money_at_risk(audit),
    )
    r = reconciliation(audit)
    basis: RevenueBasis = "payments" if source == "sales" else "won_deals"
    if r is not None and r.basis != basis and r.ratio:
        ov = replace(ov, revenue_in_basis=r.convert(total, basis), ratio=r.ratio)
    return replace(ov, findings=_findings(ov))


def _findings(ov: Overview) -> tuple[Finding, ...]:
    """What the classification found, in the order the report tells it: codes with raw values."""
    cl, mv = ov.classification, ov.moves
    window = {"start": cl.window[0], "end": cl.window[1], "n": ov.clients}
    out = [Finding("c.window", {**window, "revenue": ov.revenue, "period": cl.period})]
    if ov.revenue_in_basis is not None:
        conv = {"revenue": ov.revenue, "converted": ov.revenue_in_basis, "ratio": ov.ratio}
        out.append(Finding(f"c.basis.{ov.source}", conv))
    if ov.source == "deals":
        out.append(Finding("c.source_deals"))
    if not ov.enough:
        out.append(
            Finding("c.too_few_clients", {"n": ov.clients, "min": MIN_CLIENTS_ABC}, "warning")
        )
        return tuple(out)
    shares = {"client_share": ov.a_client_share, "revenue_share": ov.a_revenue_share}
    out.append(Finding("c.a_share", {"n": ov.a_clients, **shares}))
    if cl.degenerate:
        top = cl.clients["xyz"].value_counts()
        share = float(top.iloc[0] / len(cl.clients))
        out.append(Finding("c.degenerate", {"share": share, "cls": str(top.index[0])}, "warning"))
    out += _risk_findings(ov.risk)
    if len(mv):
        out.append(Finding("c.moved_down", {"n": int(mv["down"].sum())}))
        crit = mv[mv["critical"]]
        if len(crit):
            shown = tuple((r.client_id, r.before, r.after) for r in crit.itertuples())
            out.append(Finding("c.critical", {"moves": shown}, "warning"))
    return tuple(out)


def _risk_findings(risk: MoneyAtRisk | None) -> list[Finding]:
    """Clients lost (and the A clients by name) and shrinking, with their revenue."""
    if risk is None:
        return []
    out = []
    prev = risk.previous_revenue
    if risk.lost:
        a = risk.by_class.set_index("abc")
        share = risk.lost_revenue / prev if prev else 0.0
        params = {
            "n": risk.lost,
            "a": int(a.loc["A", "lost"]),
            "a_revenue": float(a.loc["A", "lost_revenue"]),
            "revenue": risk.lost_revenue,
        }
        out.append(Finding("c.lost_clients", {**params, "previous": prev, "share": share}, "bad"))
    if len(risk.lost_a):
        named = tuple((r.client_id, r.revenue) for r in risk.lost_a.itertuples())
        out.append(Finding("c.lost_a", {"clients": named}, "bad"))
    if risk.shrinking:
        drop = {"n": risk.shrinking, "drop": risk.shrinking_drop}
        out.append(Finding("c.shrinking", {**drop, "at_risk": risk.at_risk, "share": risk.share}))
    return out


def risk_findings(risk: MoneyAtRisk) -> dict[str, Any]:
    """The findings.json `abcxyz.money_at_risk` part."""
    return {
        "previous_revenue": round(risk.previous_revenue, 2),
        "current_revenue": round(risk.current_revenue, 2),
        "lost": risk.lost,
        "lost_revenue": round(risk.lost_revenue, 2),
        "shrinking": risk.shrinking,
        "shrinking_drop": round(risk.shrinking_drop, 2),
        "at_risk": round(risk.at_risk, 2),
        "share": round(risk.share, 4),
        "by_class": {
            r.abc: {
                "lost": int(r.lost),
                "lost_revenue": round(float(r.lost_revenue), 2),
                "shrinking": int(r.shrinking),
                "shrinking_drop": round(float(r.shrinking_drop), 2),
            }
            for r in risk.by_class.itertuples()
        },
        "lost_a": [
            {"client_id": str(r.client_id), "cell": r.cell, "revenue": round(float(r.revenue), 2)}
            for r in risk.lost_a.itertuples()
        ],
    }


def findings(audit: Audit) -> dict[str, Any] | None:
    """The findings.json `abcxyz` section (None when nothing can be classified)."""
    ov = overview(audit)
    if ov is None:
        return None
    cl = ov.classification
    c = audit.config.customers
    mig = migration(audit)
    return {
        "window": [str(cl.window[0].date()), str(cl.window[1].date())],
        "period": cl.period,
        "degenerate": cl.degenerate,
        "too_few_clients": not ov.enough,
        "thresholds": {"a": c.a, "b": c.b, "x": c.x, "y": c.y},
        "matrix": matrix(cl),
        "migration": {}
        if mig is None
        else {r: {k: int(v) for k, v in row.items()} for r, row in mig.iterrows()},
        "critical_moves": [
            f"{r.client_id}: {r.before}→{r.after}" for r in ov.moves.itertuples() if r.critical
        ],
        "money_at_risk": None if ov.risk is None else risk_findings(ov.risk),
    }


# --------------------------------------------------------------------------------------
# money at risk: the clients the previous window had and the current one lost or shrank

RISK_COLUMNS = ["abc", "lost", "lost_revenue", "shrinking", "shrinking_drop"]


@dataclass(frozen=True)
class MoneyAtRisk:
    """Clients of the previous window lost or shrinking in the current one, by previous class.

    A client is *lost* when it paid in the previous window and not in the current one (its
    previous revenue is gone); *shrinking* when it paid in both but less now (the drop is at
    risk). `at_risk` = lost revenue + the shrinking clients' drop, `share` of the previous
    window's revenue.
    """

    by_class: pd.DataFrame  # RISK_COLUMNS, one row per previous class A, B, C
    lost_a: pd.DataFrame  # client_id, cell (previous), revenue (previous), largest first
    previous_revenue: float
    current_revenue: float
    lost: int
    lost_revenue: float
    shrinking: int
    shrinking_drop: float

    @property
    def at_risk(self) -> float:
        """Revenue lost and shrinking, over a window."""
        return self.lost_revenue + self.shrinking_drop

    @property
    def share(self) -> float:
        """Revenue at risk as a share of the previous window's revenue."""
        return self.at_risk / self.previous_revenue if self.previous_revenue > 0 else 0.0


def risk_of(prev: pd.DataFrame, now: pd.DataFrame) -> MoneyAtRisk:
    """Money at risk between two classifications' client tables (client_id, revenue, abc, cell)."""
    j = prev[["client_id", "revenue", "abc", "cell"]].merge(
        now[["client_id", "revenue"]], on="client_id", how="left", suffixes=("", "_now")
    )
    j["revenue_now"] = j["revenue_now"].fillna(0.0)
    is_lost = j["revenue_now"] <= 0
    is_shrinking = ~is_lost & (j["revenue_now"] < j["revenue"])
    j["lost_revenue"] = j["revenue"].where(is_lost, 0.0)
    j["drop"] = (j["revenue"] - j["revenue_now"]).where(is_shrinking, 0.0)
    g = j.assign(lost=is_lost, shrinking=is_shrinking).groupby("abc")
    by_class = pd.DataFrame(
        {
            "lost": g["lost"].sum(),
            "lost_revenue": g["lost_revenue"].sum(),
            "shrinking": g["shrinking"].sum(),
            "shrinking_drop": g["drop"].sum(),
        }
    ).reindex(list("ABC"), fill_value=0)
    by_class = by_class.astype({"lost": int, "shrinking": int}).rename_axis("abc").reset_index()
    lost_a = j[is_lost & (j["abc"] == "A")].sort_values(
        ["revenue", "client_id"], ascending=[False, True], kind="stable"
    )[["client_id", "cell", "revenue"]]
    return MoneyAtRisk(
        by_class=by_class[RISK_COLUMNS],
        lost_a=lost_a.reset_index(drop=True),
        previous_revenue=float(prev["revenue"].sum()),
        current_revenue=float(now["revenue"].sum()),
        lost=int(is_lost.sum()),
        lost_revenue=float(j["lost_revenue"].sum()),
        shrinking=int(is_shrinking.sum()),
        shrinking_drop=float(j["drop"].sum()),
    )


def money_at_risk(audit: Audit) -> MoneyAtRisk | None:
    """Money at risk between the previous window and the current one (None without both)."""
    return audit.memo(("customers.money_at_risk",), lambda: _money_at_risk(audit))


def _money_at_risk(audit: Audit) -> MoneyAtRisk | None:
    """Money at risk (uncached; see :func:`money_at_risk`)."""
    both_windows = previous(audit)
    if both_windows is None:
        return None
    prev, now = both_windows
    return risk_of(prev.clients, now.clients)


def headline(audit: Audit) -> Finding | None:
    """The customers fact the summary leads with: clients lost and their revenue, else A's share."""
    ov = overview(audit)
    if ov is None or not ov.enough:
        return None
    risk = money_at_risk(audit)
    if risk is None or risk.lost == 0:
        return Finding("sum.abc", {"n": ov.a_clients, "share": ov.a_revenue_share})
    a = risk.by_class.set_index("abc")
    params = {
        "n": risk.lost,
        "a": int(a.loc["A", "lost"]),
        "a_revenue": float(a.loc["A", "lost_revenue"]),
        "revenue": risk.lost_revenue,
        "previous": risk.previous_revenue,
        "share": risk.lost_revenue / risk.previous_revenue if risk.previous_revenue else 0.0,
    }
    return Finding("c.lost_clients", params, "bad")
