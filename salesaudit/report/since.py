"""The report's "since the last audit" section: findings.json `changes`, before → now, as HTML."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

import pandas as pd

from salesaudit.core.constants import REVIEW_MONTHS
from salesaudit.i18n import fmt_date, fmt_money, fmt_num, fmt_pct, t

STATUS_RANK = {"missing": 0, "partial": 1, "in_place": 2}
# key figure → (kind, better): kind picks the format, better +1 when more is better, -1 when
# less is, 0 when neither (a headcount is a fact, not a score).
FIGURES: dict[str, tuple[str, int]] = {
    "deals": ("count", 1),
    "won": ("count", 1),
    "win_rate": ("share1", 1),
    "meeting_to_contract": ("share1", 1),
    "cycle_days": ("count", -1),
    "average_deal": ("money", 1),
    "forecast_p50": ("money", 1),
    "p_target": ("share", 1),
    "sellers": ("count", 0),
    "sellers_needed": ("count", 0),
    "crm_readiness": ("share", 1),
}


def months_between(before: dt.date, now: dt.date) -> int:
    """Whole calendar months from before to now (month ends count: 31 March → 30 June is 3)."""
    n = (now.year - before.year) * 12 + now.month - before.month
    return n - (pd.Timestamp(before) + pd.DateOffset(months=n) > pd.Timestamp(now))


def is_stale(before: dt.date, now: dt.date) -> bool:
    """Whether the previous audit is older than the methodology's review period."""
    return pd.Timestamp(before) + pd.DateOffset(months=REVIEW_MONTHS) < pd.Timestamp(now)


def _fmt(kind: str, lang: str, currency: str) -> Callable[[Any], str]:
    """The formatter of a value of the kind."""
    if kind == "money":
        return lambda v: fmt_money(v, lang, currency)
    if kind in ("share", "share1"):
        return lambda v: fmt_pct(v, lang, 1 if kind == "share1" else 0)
    return lambda v: fmt_num(v, lang, 0)


def _delta(kind: str, before: Any, now: Any, lang: str, currency: str) -> str:
    """The signed difference now − before in the kind's unit (percentage points for shares)."""
    if not isinstance(before, int | float) or not isinstance(now, int | float):
        return "—"
    d = float(now) - float(before)
    if abs(d) < 1e-9:
        return t("since.same", lang)
    if kind in ("share", "share1"):
        text = t("since.pp", lang, v=fmt_num(d * 100, lang, 1))
    elif kind == "money":
        text = fmt_money(d, lang, currency)
    else:
        text = fmt_num(d, lang, 0)
    return "+" + text if d > 0 else text


def _mark(better: int, before: Any, now: Any) -> str:
    """'up' when the change is for the better, 'down' when for the worse, '' otherwise."""
    if not better or not isinstance(before, int | float) or not isinstance(now, int | float):
        return ""
    d = (float(now) - float(before)) * better
    return "up" if d > 1e-9 else "down" if d < -1e-9 else ""


def _row(label: str, before: str, now: str, change: str, mark: str) -> str:
    """One escaped table row: item, before, now, change (coloured by mark)."""
    e = html.escape
    cls = f' class="num sa-change-{mark}"' if mark else ' class="num"'
    return (
        f'<tr><td>{e(label)}</td><td class="num sa-change-old">{e(before)}</td>'
        f'<td class="num">{e(now)}</td><td{cls}>{e(change)}</td></tr>'
    )


def _table(title: str, rows: list[str], lang: str) -> str:
    """A titled before → now table."""
    if not rows:
        return ""
    cols = ("since.col.item", "since.col.before", "since.col.now", "since.col.change")
    head = "".join(
        f"<th{' class=num' if i else ''}>{html.escape(t(c, lang))}</th>" for i, c in enumerate(cols)
    )
    return (
        f'<h3 class="sa-h">{html.escape(title)}</h3><table class="sa-table sa-since">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _algorithm(doc: dict[str, Any], ch: dict[str, Any], lang: str) -> list[str]:
    """Every step of the build algorithm: its status before and now."""
    moved = {c["step"]: c["before"] for c in ch.get("algorithm") or []}
    rows = []
    for s in (doc.get("model") or {}).get("algorithm") or []:
        now = s["status"]
        before = moved.get(s["step"], now)
        step = s["step"]
        label = f"{step}. {t(f'algo.{step}', lang)}"
        old = t(f"status.{before}", lang) if before else "—"
        if before == now:
            rows.append(_row(label, old, t(f"status.{now}", lang), t("since.same", lang), ""))
            continue
        up = STATUS_RANK.get(now, 0) > STATUS_RANK.get(before or "", -1)
        change = t("since.better" if up else "since.worse", lang)
        rows.append(_row(label, old, t(f"status.{now}", lang), change, "up" if up else "down"))
    return rows


def _scores(ch: dict[str, Any], lang: str) -> list[str]:
    """Pillars (0–100), technology coverage per group and CRM readiness, before → now."""
    rows = []
    for k, c in (ch.get("pillars") or {}).items():
        label = t("since.pillar", lang, name=t(f"pillar.{k}", lang))
        b, n = c.get("before"), c.get("now")
        delta = _delta("count", b, n, lang, "")
        rows.append(_row(label, fmt_num(b, lang), fmt_num(n, lang), delta, _mark(1, b, n)))
    for k, c in (ch.get("coverage") or {}).items():
        label = t("since.coverage", lang, group=t(f"group.{k}", lang))
        b, n = c.get("before"), c.get("now")
        delta = _delta("share", b, n, lang, "")
        rows.append(_row(label, fmt_pct(b, lang), fmt_pct(n, lang), delta, _mark(1, b, n)))
    return rows


def _figures(ch: dict[str, Any], lang: str, currency: str) -> list[str]:
    """The key figures, before → now, each in its own format."""
    values = dict(ch.get("figures") or {})
    if ch.get("win_rate"):
        values = {"win_rate": ch["win_rate"], **values}
    rows = []
    for k, (kind, better) in FIGURES.items():
        if k not in values:
            continue
        b, n = values[k].get("before"), values[k].get("now")
        f = _fmt(kind, lang, currency)
        rows.append(
            _row(
                t(f"since.fig.{k}", lang),
                f(b),
                f(n),
                _delta(kind, b, n, lang, currency),
                _mark(better, b, n),
            )
        )
    return rows


def _matrix(ch: dict[str, Any], lang: str) -> list[str]:
    """Clients per ABC-XYZ cell, before → now (no colour: a cell is not better or worse)."""
    return [
        _row(
            k,
            fmt_num(c.get("before"), lang),
            fmt_num(c.get("now"), lang),
            _delta("count", c.get("before"), c.get("now"), lang, ""),
            "",
        )
        for k, c in sorted((ch.get("abcxyz_matrix") or {}).items())
    ]


def section_html(doc: dict[str, Any], lang: str) -> str:
    """The section's body for findings with `changes` ('' without them): intro, warning, tables."""
    ch = doc.get("changes")
    if not ch:
        return ""
    now = dt.date.fromisoformat(str(doc["as_of"]))
    prev = ch.get("previous_as_of")
    if prev:
        before = dt.date.fromisoformat(str(prev))
        months = months_between(before, now)
        intro = t("since.intro", lang, date=fmt_date(before, lang), months=months)
        parts = [f'<ul class="sa-note"><li>{html.escape(intro)}</li></ul>']
        if is_stale(before, now):
            stale = t("since.stale", lang, review=REVIEW_MONTHS)
            parts.append(f'<ul class="sa-warn"><li>{html.escape(stale)}</li></ul>')
    else:
        parts = [f'<ul class="sa-warn"><li>{html.escape(t("since.no_date", lang))}</li></ul>']
    currency = str(doc.get("currency") or "")
    parts += [
        _table(t("since.h.figures", lang), _figures(ch, lang, currency), lang),
        _table(t("since.h.algorithm", lang), _algorithm(doc, ch, lang), lang),
        _table(t("since.h.scores", lang), _scores(ch, lang), lang),
        _table(t("since.h.abcxyz", lang), _matrix(ch, lang), lang),
    ]
    return "".join(parts)
