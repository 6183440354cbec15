"""The data-quality summary shown by `salesaudit validate` and the report's intake section."""

from __future__ import annotations

from typing import Any

import pandas as pd

from salesaudit.core.quality import DataQuality, TableQuality
from salesaudit.i18n import fmt_date, fmt_num, has, t
from salesaudit.i18n.notes import render


def _w(key: str, lang: str, **kw: Any) -> str:
    """A data-quality phrase in the report language."""
    return t(f"dq.{key}", lang, **kw)


def table_label(name: str, lang: str) -> str:
    """A table's name in the report language."""
    return t(f"table.{name}", lang) if has(f"table.{name}") else name


def _choices(q: TableQuality, lang: str) -> str:
    return "; ".join(render(n, lang) for n in q.notes if n.level == "choice")


def _dates(q: TableQuality, lang: str) -> str:
    if q.date_min is None or q.date_max is None:
        return "—"
    return f"{fmt_date(q.date_min, lang)} – {fmt_date(q.date_max, lang)}"


def quality_summary(dq: DataQuality, lang: str = "en") -> pd.DataFrame:
    """One row per table: file, rows read, rows left out, date range, how it was read, warnings."""
    rows = []
    for name, q in dq.tables.items():
        rows.append(
            {
                t("tbl.table", lang): table_label(name, lang),
                t("tbl.file", lang): q.file,
                t("tbl.rows_read", lang): q.rows_read,
                t("tbl.rows_rejected", lang): q.rows_rejected,
                t("tbl.date_range", lang): _dates(q, lang),
                t("tbl.choices", lang): _choices(q, lang),
                _w("warnings", lang): sum(n.level == "warning" for n in q.notes),
            }
        )
    cols = [
        t("tbl.table", lang),
        t("tbl.file", lang),
        t("tbl.rows_read", lang),
        t("tbl.rows_rejected", lang),
        t("tbl.date_range", lang),
        t("tbl.choices", lang),
        _w("warnings", lang),
    ]
    return pd.DataFrame(rows, columns=cols)


def quality_text(dq: DataQuality, lang: str = "en") -> list[str]:
    """The data-quality record as plain sentences in the report language ('en' or 'ru')."""
    out: list[str] = []
    for q in dq.tables.values():
        head = _w(
            "read",
            lang,
            file=q.file,
            read=fmt_num(q.rows_read, lang),
            rejected=fmt_num(q.rows_rejected, lang),
        )
        if q.rows_flagged:
            head += ", " + _w("flagged", lang, flagged=fmt_num(q.rows_flagged, lang))
        if q.date_min is not None:
            head += "; " + _w(
                "dates", lang, start=fmt_date(q.date_min, lang), end=fmt_date(q.date_max, lang)
            )
        out.append(head + ".")
        choices = _choices(q, lang)
        if choices:
            out.append(_w("how", lang, file=q.file, choices=choices))
        for n in q.notes:
            if n.level in ("warning", "info"):
                out.append(f"{q.file}: {render(n, lang)}")
    for n in dq.notes:
        if n.level in ("warning", "info"):
            out.append(render(n, lang))
    for q in dq.tables.values():
        for n in q.notes:
            if n.level == "assumption":
                out.append(_w("assumptions", lang, text=f"{q.file}: {render(n, lang)}"))
    for n in dq.notes:
        if n.level == "assumption":
            out.append(_w("assumptions", lang, text=render(n, lang)))
    return out


def rejected_rows(dq: DataQuality) -> pd.DataFrame:
    """Every rejected, emptied or flagged cell: table, file, row (Excel), column, value, reason, action."""
    recs = [
        (name, q.file, r.row, r.column, r.value, r.reason, r.action)
        for name, q in dq.tables.items()
        for r in q.rejected
    ]
    df = pd.DataFrame(recs, columns=["table", "file", "row", "column", "value", "reason", "action"])
    return df.sort_values(["table", "row"], kind="stable").reset_index(drop=True) if len(df) else df


def quality_findings(dq: DataQuality) -> dict[str, dict[str, Any]]:
    """The `data_quality` block of findings.json (docs/methodology.md §6.8)."""
    return {
        name: {
            "rows_read": q.rows_read,
            "rows_rejected": q.rows_rejected,
            "warnings": list(q.warnings),
        }
        for name, q in dq.tables.items()
    }
