"""tables.xlsx: the key tables of an audit, one sheet each, with client strings kept as text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from salesaudit.inputs.audit import Audit
from salesaudit.steps import customers, intake, sizing, structure, summary, technologies
from salesaudit.steps.funnel import analysis as funnel

FORMULA_START = ("=", "+", "-", "@")


def key_tables(audit: Audit) -> dict[str, pd.DataFrame]:
    """The tables a consultant reuses, by sheet name (≤ 31 characters)."""
    out: dict[str, pd.DataFrame] = {
        "Data quality": intake.quality(audit),
        "Rejected rows": intake.rejected_rows(audit),
        "Assumptions": intake.assumptions(audit),
        "Technology roadmap": technologies.roadmap(technologies.status_table(audit)),
        "Span of control": structure.span_table(audit),
    }
    questions = summary.open_questions_list(audit)
    if questions:
        out["Open questions"] = pd.DataFrame(questions)
    sized = sizing.plan(audit)
    if sized is not None:
        out["Sizing workload"] = pd.DataFrame([sized["workload"]])
        out["Hiring plan"] = sized["hiring_plan"]
    if audit.table("deals") is not None:
        out.update(funnel.tables(audit))
    cl = customers.classify(audit)
    if cl is not None:
        out["ABC-XYZ clients"] = cl.clients
        mig = customers.migration(audit)
        if mig is not None:
            out["ABC-XYZ migration"] = mig.reset_index()
        out["ABC-XYZ moves"] = customers.moves(audit)
    return out


def _value(v: object) -> object:
    """A cell value openpyxl can store (no NaN, no Period, no tz)."""
    if v is None:
        return None
    if isinstance(v, float) and pd.isna(v):
        return None
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime().replace(tzinfo=None)
    if isinstance(v, pd.Period):
        return str(v)
    if hasattr(v, "item"):
        return v.item()  # type: ignore[union-attr]
    if isinstance(v, list | tuple | dict | set):
        return str(v)
    return v


def write_xlsx(tables: dict[str, pd.DataFrame], path: Path) -> None:
    """Write tables to an xlsx; a string starting with = + - @ is stored as text, never a formula."""
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    for name, df in tables.items():
        ws = wb.create_sheet(title=name[:31])
        ws.append([str(c) for c in df.columns])
        for c in ws[1]:
            c.font = Font(bold=True)
        for row in df.itertuples(index=False):
            ws.append([_value(v) for v in row])
        for col in ws.iter_cols(min_row=2):
            for cell in col:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                    cell.data_type = TYPE_STRING
                    cell.quotePrefix = True
        for i, c in enumerate(df.columns, start=1):
            width = max([len(str(c))] + [len(str(v)) for v in df.iloc[:200, i - 1].tolist()]) + 2
            ws.column_dimensions[get_column_letter(i)].width = min(width, 60)
        ws.freeze_panes = "A2"
    wb.save(path)
