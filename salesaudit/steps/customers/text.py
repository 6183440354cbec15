"""Step 06 in words: the ABC-XYZ findings as sentences and what to do per cell."""

from __future__ import annotations

from salesaudit.core.results import Finding
from salesaudit.i18n import fmt_date, fmt_money, fmt_pct, t
from salesaudit.inputs.audit import Audit
from salesaudit.steps.customers.compute import overview

SHOWN_MOVES = 10  # critical moves named in the sentence; the rest are counted
REC_CELLS = ("AX", "AZ", "CX", "CZ")


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
    if f.code == "c.a_share":
        share, rev = fmt_pct(p["client_share"], lang), fmt_pct(p["revenue_share"], lang)
        return t(f.code, lang, n=p["n"], share=share, rev=rev)
    if f.code == "c.degenerate":
        what = t(f"c.what.{p['cls']}", lang)
        return t(f.code, lang, share=fmt_pct(p["share"], lang), cls=p["cls"], what=what)
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
    """What to do per cell (nothing when too few clients to classify meaningfully)."""
    ov = overview(audit)
    if ov is not None and not ov.enough:
        return []
    return [t(f"c.rec.{k}", audit.lang) for k in REC_CELLS]
