"""Step 06 in words: the ABC-XYZ findings as sentences and what to do per cell."""

from __future__ import annotations

import pandas as pd

from salesaudit.core.results import Finding
from salesaudit.i18n import fmt_date, fmt_money, fmt_num, fmt_pct, t
from salesaudit.inputs.audit import Audit
from salesaudit.steps.customers.compute import (
    CELLS,
    cell_revenue,
    matrix,
    migration,
    money_at_risk,
    overview,
)

SHOWN_MOVES = 10  # critical moves named in the sentence; the rest are counted
SHOWN_LOST = 10  # lost A clients named in the sentence; the rest are counted


def finding_text(f: Finding, lang: str, currency: str = "") -> str:
    """One customers finding as a sentence (counts go raw to the catalogue's plural blocks)."""
    p = f.params
    if f.code == "c.window":
        return t(
            f.code,
            lang,
            a=fmt_date(p["start"], lang),
            b=fmt_date(p["end"], lang),
            n=p["n"],
            rev=fmt_money(p["revenue"], lang, currency),
            period=t(f"c.period.{p['period']}", lang),
        )
    if f.code.startswith("c.basis."):
        money = {k: fmt_money(p[k], lang, currency) for k in ("revenue", "converted")}
        return t(f.code, lang, ratio=fmt_num(p["ratio"], lang, 2), **money)
    if f.code == "c.a_share":
        share, rev = fmt_pct(p["client_share"], lang), fmt_pct(p["revenue_share"], lang)
        return t(f.code, lang, n=p["n"], share=share, rev=rev)
    if f.code == "c.degenerate":
        what = t(f"c.what.{p['cls']}", lang)
        return t(f.code, lang, share=fmt_pct(p["share"], lang), cls=p["cls"], what=what)
    if f.code == "c.lost_clients":
        money = {k: fmt_money(p[k], lang, currency) for k in ("revenue", "previous", "a_revenue")}
        return t(f.code, lang, n=p["n"], a=p["a"], share=fmt_pct(p["share"], lang), **money)
    if f.code == "c.lost_a":
        clients = p["clients"]
        shown = ", ".join(f"{c} ({fmt_money(v, lang)})" for c, v in clients[:SHOWN_LOST])
        more = f" (+{len(clients) - SHOWN_LOST})" if len(clients) > SHOWN_LOST else ""
        return t(f.code, lang, clients=shown + more)
    if f.code == "c.shrinking":
        money = {k: fmt_money(p[k], lang, currency) for k in ("drop", "at_risk")}
        return t(f.code, lang, n=p["n"], share=fmt_pct(p["share"], lang), **money)
    if f.code == "c.critical":
        moves = p["moves"]
        shown = ", ".join(f"{c} {b}→{a}" for c, b, a in moves[:SHOWN_MOVES])
        more = f" (+{len(moves) - SHOWN_MOVES})" if len(moves) > SHOWN_MOVES else ""
        return t(f.code, lang, moves=shown + more)
    return t(f.code, lang, **p)


def notes(audit: Audit) -> list[str]:
    """ABC-XYZ in sentences."""
    lang = audit.lang
    ov = overview(audit)
    if ov is None:
        return [t("reason.no_sales", lang)]
    return [finding_text(f, lang, audit.config.currency) for f in ov.findings]


def recommendations(audit: Audit) -> list[str]:
    """What to do first: win back the lost A clients (nothing when too few clients to classify)."""
    ov = overview(audit)
    if ov is None or not ov.enough:
        return []
    if ov.risk is None or not len(ov.risk.lost_a):
        return []
    return [t("c.rec.lost_a", audit.lang, n=len(ov.risk.lost_a))]


def cell_table(audit: Audit) -> pd.DataFrame | None:
    """All nine cells: clients, revenue, what to do (None when too few clients to classify)."""
    ov = overview(audit)
    if ov is None or not ov.enough:
        return None
    lang, cur = audit.lang, audit.config.currency
    m, rev = matrix(ov.classification), cell_revenue(ov.classification)
    rows = [
        (c, fmt_num(m[c], lang), fmt_money(rev[c], lang, cur), t(f"c.rec.{c}", lang)) for c in CELLS
    ]
    cols = [t(k, lang) for k in ("c.tbl.cell", "chart.clients", "chart.revenue", "c.tbl.advice")]
    return pd.DataFrame(rows, columns=cols)


def risk_table(audit: Audit) -> pd.DataFrame | None:
    """Lost and shrinking clients by previous class, with their revenue (None without two windows)."""
    risk = money_at_risk(audit)
    if risk is None:
        return None
    lang, cur = audit.lang, audit.config.currency
    rows = [
        (
            r.abc,
            fmt_num(r.lost, lang),
            fmt_money(r.lost_revenue, lang, cur),
            fmt_num(r.shrinking, lang),
            fmt_money(r.shrinking_drop, lang, cur),
        )
        for r in risk.by_class.itertuples()
    ]
    rows.append(
        (
            t("c.tbl.total", lang),
            fmt_num(risk.lost, lang),
            fmt_money(risk.lost_revenue, lang, cur),
            fmt_num(risk.shrinking, lang),
            fmt_money(risk.shrinking_drop, lang, cur),
        )
    )
    keys = ("c.tbl.class", "c.tbl.lost", "c.tbl.lost_revenue", "c.tbl.shrinking", "c.tbl.drop")
    return pd.DataFrame(rows, columns=[t(k, lang) for k in keys])


def migration_table(audit: Audit) -> pd.DataFrame | None:
    """The migration matrix: previous cell (rows, + new) → current cell (columns, + lost)."""
    mig = migration(audit)
    if mig is None:
        return None
    lang = audit.lang
    label = {"new": t("c.new", lang), "lost": t("c.lost", lang)}
    out = mig.rename(index=label, columns=label).map(lambda v: fmt_num(v, lang) if v else "")
    out.index.name = t("c.tbl.before_after", lang)
    out.columns.name = None
    return out.reset_index()
