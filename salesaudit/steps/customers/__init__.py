"""Step 06: ABC-XYZ classification of clients and their migration (DESIGN §7.7)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from salesaudit.core.constants import DEGENERATE_SHARE
from salesaudit.i18n import fmt_date, fmt_money, fmt_num, fmt_pct, t
from salesaudit.inputs.audit import Audit
from salesaudit.present.style import PALETTE, styled
from salesaudit.steps.funnel import compute as funnel

CELLS = [a + x for a in "ABC" for x in "XYZ"]


@dataclass
class Classification:
    """ABC-XYZ per client over one window."""

    clients: pd.DataFrame  # client_id, revenue, abc, cv, xyz, cell
    window: tuple[pd.Timestamp, pd.Timestamp]
    period: str
    degenerate: bool


def purchases(audit: Audit) -> tuple[pd.DataFrame | None, str]:
    """The purchases to classify (client_id, date, amount) and their source table."""
    sales = audit.table("sales")
    if sales is not None:
        return sales[["client_id", "date", "amount"]], "sales"
    deals = audit.table("deals")
    if deals is not None and {"client_id", "closed_at", "amount"} <= set(deals.columns):
        won = deals[(deals["stage"] == funnel.WON)].dropna(
            subset=["client_id", "closed_at", "amount"]
        )
        return won.rename(columns={"closed_at": "date"})[["client_id", "date", "amount"]], "deals"
    return None, "none"


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


def matrix(cl: Classification) -> dict[str, int]:
    """Clients per ABC-XYZ cell."""
    counts = cl.clients["cell"].value_counts()
    return {cell: int(counts.get(cell, 0)) for cell in CELLS}


def migration(audit: Audit) -> pd.DataFrame | None:
    """Previous window's cell (rows, + new) → current cell (columns, + lost), client counts."""
    now = classify(audit)
    if now is None:
        return None
    prev = classify(audit, now.window[0] - pd.Timedelta(days=1))
    if prev is None:
        return None
    a = prev.clients.set_index("client_id")["cell"]
    b = now.clients.set_index("client_id")["cell"]
    both = pd.concat([a.rename("before"), b.rename("after")], axis=1)
    both["before"] = both["before"].fillna("new")
    both["after"] = both["after"].fillna("lost")
    m = pd.crosstab(both["before"], both["after"])
    return m.reindex(index=[*CELLS, "new"], columns=[*CELLS, "lost"], fill_value=0)


def moves(audit: Audit) -> pd.DataFrame:
    """Clients whose cell changed, with the critical moves (A↔C, X↔Z) flagged."""
    now = classify(audit)
    if now is None:
        return pd.DataFrame(columns=["client_id", "before", "after", "down", "critical"])
    prev = classify(audit, now.window[0] - pd.Timedelta(days=1))
    if prev is None:
        return pd.DataFrame(columns=["client_id", "before", "after", "down", "critical"])
    j = prev.clients[["client_id", "cell"]].merge(
        now.clients[["client_id", "cell"]], on="client_id", suffixes=("_b", "_a")
    )
    j = j[j["cell_b"] != j["cell_a"]].rename(columns={"cell_b": "before", "cell_a": "after"})
    j["down"] = j["after"].str[0] > j["before"].str[0]
    crit = {("A", "C"), ("C", "A")}
    critx = {("X", "Z"), ("Z", "X")}
    j["critical"] = [
        (b[0], a[0]) in crit or (b[1], a[1]) in critx
        for b, a in zip(j["before"], j["after"], strict=True)
    ]
    return j.sort_values(
        ["critical", "down", "client_id"], ascending=[False, False, True], kind="stable"
    ).reset_index(drop=True)


def matrix_chart(audit: Audit) -> go.Figure | None:
    """The 3×3 matrix as an annotated heatmap of client counts."""
    cl = classify(audit)
    if cl is None:
        return None
    lang = audit.lang
    m = matrix(cl)
    z = [[m[a + x] for x in "XYZ"] for a in "ABC"]
    rev = cl.clients.groupby("cell")["revenue"].sum()
    text = [
        [f"{a}{x}: {m[a + x]}<br>{fmt_money(rev.get(a + x, 0), lang)}" for x in "XYZ"]
        for a in "ABC"
    ]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=list("XYZ"),
            y=list("ABC"),
            text=text,
            texttemplate="%{text}",
            colorscale=[[0, "#f4f7fb"], [1, PALETTE[0]]],
            showscale=False,
            hovertemplate="%{text}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    return styled(fig, t("chart.abcxyz", lang), lang, height=380)


def abc_chart(audit: Audit) -> go.Figure | None:
    """Share of clients vs share of revenue per ABC class."""
    cl = classify(audit)
    if cl is None:
        return None
    lang = audit.lang
    g = (
        cl.clients.groupby("abc")
        .agg(n=("client_id", "size"), rev=("revenue", "sum"))
        .reindex(list("ABC"), fill_value=0)
    )
    fig = go.Figure(
        [
            go.Bar(
                name=t("chart.clients", lang),
                x=list("ABC"),
                y=g["n"] / g["n"].sum(),
                marker_color=PALETTE[7],
            ),
            go.Bar(
                name=t("chart.revenue", lang),
                x=list("ABC"),
                y=g["rev"] / g["rev"].sum(),
                marker_color=PALETTE[0],
            ),
        ]
    )
    fig.update_layout(barmode="group")
    fig.update_yaxes(tickformat=".0%", title_text=t("chart.share", lang))
    return styled(fig, t("chart.abc", lang), lang, height=360)


def notes(audit: Audit) -> list[str]:
    """ABC-XYZ in sentences."""
    lang = audit.lang
    cl = classify(audit)
    if cl is None:
        return [t("reason.no_sales", lang)]
    _, source = purchases(audit)
    c = cl.clients
    out = [
        t(
            "c.window",
            lang,
            a=fmt_date(cl.window[0], lang),
            b=fmt_date(cl.window[1], lang),
            n=fmt_num(len(c), lang),
            rev=fmt_money(c["revenue"].sum(), lang, audit.config.currency),
            period=t(f"c.period.{cl.period}", lang),
        )
    ]
    if source == "deals":
        out.append(t("c.source_deals", lang))
    a = c[c["abc"] == "A"]
    out.append(
        t(
            "c.a_share",
            lang,
            n=len(a),
            share=fmt_pct(len(a) / len(c), lang),
            rev=fmt_pct(a["revenue"].sum() / c["revenue"].sum(), lang),
        )
    )
    if cl.degenerate:
        top = c["xyz"].value_counts()
        out.append(
            t(
                "c.degenerate",
                lang,
                share=fmt_pct(top.iloc[0] / len(c), lang),
                cls=top.index[0],
                what=t(f"c.what.{top.index[0]}", lang),
            )
        )
    mv = moves(audit)
    if len(mv):
        out.append(t("c.moved_down", lang, n=int(mv["down"].sum())))
        crit = mv[mv["critical"]]
        if len(crit):
            shown = ", ".join(
                f"{r.client_id} {r.before}→{r.after}" for r in crit.head(10).itertuples()
            )
            more = f" (+{len(crit) - 10})" if len(crit) > 10 else ""
            out.append(t("c.critical", lang, moves=shown + more))
    return out


def recommendations(audit: Audit) -> list[str]:
    """What to do per cell."""
    return [t(f"c.rec.{k}", audit.lang) for k in ("AX", "AZ", "CX", "CZ")]


def findings(audit: Audit) -> dict[str, Any] | None:
    """The findings.json `abcxyz` section (None when nothing can be classified)."""
    cl = classify(audit)
    if cl is None:
        return None
    c = audit.config.customers
    mig = migration(audit)
    return {
        "window": [str(cl.window[0].date()), str(cl.window[1].date())],
        "period": cl.period,
        "degenerate": cl.degenerate,
        "thresholds": {"a": c.a, "b": c.b, "x": c.x, "y": c.y},
        "matrix": matrix(cl),
        "migration": {}
        if mig is None
        else {r: {k: int(v) for k, v in row.items()} for r, row in mig.iterrows()},
        "critical_moves": [
            f"{r.client_id}: {r.before}→{r.after}" for r in moves(audit).itertuples() if r.critical
        ],
    }
