"""Notebook output helpers: escaped HTML tables, key figures and generated prose."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import pandas as pd
from IPython.display import HTML


def _cell(v: object) -> str:
    """Escape one table cell; missing values become an em dash."""
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return "—"
    return html.escape(str(v))


def table_html(df: pd.DataFrame, numeric: Sequence[str] = (), caption: str | None = None) -> str:
    """Render a (pre-formatted) DataFrame as an escaped HTML table."""
    cols = list(df.columns)
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in cols)
    rows = []
    for rec in df.itertuples(index=False):
        cells = "".join(
            f'<td class="num">{_cell(v)}</td>' if c in numeric else f"<td>{_cell(v)}</td>"
            for c, v in zip(cols, rec, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f'<table class="sa-table">{cap}<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def table(df: pd.DataFrame, numeric: Sequence[str] = (), caption: str | None = None) -> HTML:
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
