"""Notebook output helpers: escaped HTML tables, key figures and generated prose."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

import pandas as pd
from IPython.display import HTML

NUMERIC = re.compile(r"^[−+-]?[\d\s\u00a0,.]*\d[\d\s\u00a0,.]*(\u00a0?%)?$")


def _is_num(v: object) -> bool:
    """Whether a cell holds a (formatted) number, to right-align it."""
    return isinstance(v, int | float) or bool(NUMERIC.match(str(v)))


def _cell(v: object) -> str:
    """Escape one table cell; missing values become an em dash."""
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return "—"
    return html.escape(str(v))


def table_html(
    df: pd.DataFrame | None, numeric: Sequence[str] = (), caption: str | None = None
) -> str:
    """Render a (pre-formatted) DataFrame as an escaped HTML table ('' for None)."""
    if df is None:
        return ""
    cols = list(df.columns)
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in cols)
    rows = []
    for rec in df.itertuples(index=False):
        cells = "".join(
            f'<td class="num">{_cell(v)}</td>'
            if c in numeric or _is_num(v)
            else f"<td>{_cell(v)}</td>"
            for c, v in zip(cols, rec, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f'<table class="sa-table">{cap}<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def table(df: pd.DataFrame | None, numeric: Sequence[str] = (), caption: str | None = None) -> HTML:
    """Display a (pre-formatted) DataFrame as an escaped HTML table."""
    return HTML(table_html(df, numeric, caption))


def bullets(lines: Iterable[str], kind: str = "note") -> HTML:
    """Display generated sentences as an escaped bullet list (kind: note, warn, good)."""
    items = "".join(f"<li>{html.escape(s)}</li>" for s in lines)
    if not items:
        return HTML("")
    return HTML(f'<ul class="sa-{kind}">{items}</ul>')


def kpis(pairs: Sequence[tuple[str, str]]) -> HTML:
    """Display key figures as a row of tiles: (label, value)."""
    tiles = "".join(
        f'<div class="sa-kpi"><div class="sa-kpi-v">{html.escape(v)}</div>'
        f'<div class="sa-kpi-l">{html.escape(k)}</div></div>'
        for k, v in pairs
    )
    return HTML(f'<div class="sa-kpis">{tiles}</div>')


def heading(text: str) -> HTML:
    """Display a generated, escaped sub-heading."""
    return HTML(f'<h3 class="sa-h">{html.escape(text)}</h3>')
