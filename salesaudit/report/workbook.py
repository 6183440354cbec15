"""tables.xlsx: the key tables of an audit as a workbook a consultant reuses.

Numbers stay numbers with a format (thousands, percent, money in the client's currency,
dates and months as dates); headers, sheet names and coded values are in the report
language; every sheet has a frozen header and an autofilter; a README sheet says what each
sheet holds; a client string starting with = + - @ is stored as text, never a formula.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from salesaudit.i18n import has, t
from salesaudit.inputs.audit import Audit
from salesaudit.inputs.ingest.quality import quality_summary, table_label
from salesaudit.present.labels import keyed, source_label
from salesaudit.steps import (
    compensation,
    customers,
    intake,
    sizing,
    structure,
    summary,
    technologies,
)
from salesaudit.steps.funnel import text as ft
from salesaudit.steps.funnel.analysis import FunnelAnalysis, analyse

FORMULA_START = ("=", "+", "-", "@")
BAD_TITLE = str.maketrans({c: " " for c in "[]:*?/\\"})

# the format of each numeric column, by its canonical name (a column not listed: by dtype)
MONEY = {
    "revenue", "cost", "plan", "fact", "won_revenue", "gap", "volume", "conversion", "deal_size",
    "other", "plan_cum", "fact_cum", "plan_to_date", "p10", "p50", "p90", "mean", "expected",
    "revenue_delta", "revenue_delta_down", "revenue_delta_year", "revenue_low", "revenue_high",
    "pay_fixed", "pay_soft", "pay_bonus", "pay_total",
}  # fmt: skip
PERCENT = {
    "conversion_to_next", "lo", "hi", "win_rate", "win_lo", "win_hi", "m2c", "m2c_lo",
    "m2c_hi", "share_of_plan", "change", "low", "high", "implied_meeting_to_contract",
    "attainment", "cost_of_sales",
}  # fmt: skip
DECIMAL = {
    "headcount", "productive", "productive_fte", "inbound_meetings", "outbound_meetings",
    "contracts", "meetings", "contacts", "calls", "closer_meetings",
    "median_days",
    "p80_days", "naive_median_days", "plan_new", "won", "cv", "current", "needed",
    "band_low", "band_high", "best_today", "implied_meetings", "value", "base", "reference",
}  # fmt: skip
MONTHS = {"month", "cohort"}
PREFIXED = ("conv.", "reach.", "share.")  # per-stage / per-outcome shares
FORMATS = {
    "int": "#,##0",
    "dec": "#,##0.0",
    "pct": "0.0%",
    "date": {"en": "yyyy-mm-dd", "ru": "dd.mm.yyyy"},
    "month": {"en": "[$-409]mmm yyyy", "ru": "[$-419]mmm yyyy"},
}


@dataclass(frozen=True)
class Sheet:
    """One sheet: its catalogue id (`xlsx.sheet.<key>`) and its frame under canonical column names."""

    key: str
    frame: pd.DataFrame


@dataclass(frozen=True)
class Book:
    """The workbook to write: its sheets in order, the report language and the currency."""

    lang: str
    currency: str
    stages: list[str]
    sheets: list[Sheet]


# --------------------------------------------------------------------------------------
# what goes in


def key_tables(audit: Audit) -> Book:
    """The tables a consultant reuses, in order, as canonical frames (labels come at writing)."""
    sheets = [
        Sheet("data_quality", _data_quality(audit)),
        Sheet("rejected_rows", _rejected(audit)),
        Sheet("assumptions", _assumptions(audit)),
        Sheet("tech_roadmap", technologies.roadmap(technologies.status_table(audit))),
        Sheet("span", structure.span_table(audit)),
    ]
    questions = _open_questions(audit)
    if not questions.empty:
        sheets.append(Sheet("open_questions", questions))
    sized = sizing.plan(audit)
    if sized is not None:
        sheets.append(Sheet("sizing_workload", pd.DataFrame([sized["workload"]])))
        sheets.append(Sheet("hiring_plan", sized.hiring_plan.round(2)))  # people to 1/100
        if sized.monthly is not None:
            sheets.append(Sheet("hiring_months", sized.monthly.round(2)))
    pay = _pay_curves(audit)
    if not pay.empty:
        sheets.append(Sheet("pay_curves", pay))
    if audit.table("deals") is not None:
        sheets.extend(_funnel_sheets(analyse(audit)))
    cl = customers.classify(audit)
    if cl is not None:
        sheets.append(Sheet("abc_clients", cl.clients))
        mig = customers.migration(audit)
        if mig is not None:
            sheets.append(Sheet("abc_migration", mig.reset_index()))
        sheets.append(Sheet("abc_moves", customers.moves(audit)))
    return Book(audit.lang, audit.config.currency, list(audit.stage_keys), sheets)


def _pay_curves(audit: Audit) -> pd.DataFrame:
    """Pay per role at plan attainment 0–200 % by 10 %: fixed, soft, bonus, total, cost of sales."""
    frames = []
    for r in compensation.compensation(audit).roles:
        if r.plan is None:
            continue
        df = compensation.curve(r.plan, r.revenue_at_plan)
        df = df[(df["attainment"] * 100).round().astype(int) % 10 == 0]
        frames.append(df.assign(role=r.role))
    if not frames:
        return pd.DataFrame()
    out = pd.concat(frames, ignore_index=True)
    out = out.rename(columns={k: f"pay_{k}" for k in ("fixed", "soft", "bonus", "total")})
    cols = ["role", "attainment", "pay_fixed", "pay_soft", "pay_bonus", "pay_total"]
    return out[[*cols, "cost_of_sales"]]


def _open_questions(audit: Audit) -> pd.DataFrame:
    """The questions the client file leaves open, by report section, in the report language."""
    rows = summary.open_questions_list(audit)
    return pd.DataFrame(
        {
            "section": [t(f"section.{r['section']}", audit.lang) for r in rows],
            "item": [r["item"] for r in rows],
            "question": [r["question"] for r in rows],
        }
    )


def _data_quality(audit: Audit) -> pd.DataFrame:
    """One row per table: counts as numbers, the date range as two dates."""
    shown = quality_summary(audit.quality, audit.lang)
    rows = [
        {
            "table": name,
            "file": q.file,
            "rows_read": q.rows_read,
            "rows_rejected": q.rows_rejected,
            "date_from": q.date_min,
            "date_to": q.date_max,
            "how_read": shown.iloc[i, 5],
            "warnings": sum(n.level == "warning" for n in q.notes),
        }
        for i, (name, q) in enumerate(audit.quality.tables.items())
    ]
    return pd.DataFrame(rows, columns=["table", "file", "rows_read", "rows_rejected",
                                       "date_from", "date_to", "how_read", "warnings"])  # fmt: skip


def _rejected(audit: Audit) -> pd.DataFrame:
    """Every rejected, emptied or flagged cell (the row as a number)."""
    df = intake.rejected_rows(audit).copy()
    df["row"] = pd.to_numeric(df["row"], errors="coerce")
    return df


def _assumptions(audit: Audit) -> pd.DataFrame:
    """The assumptions log under canonical column names (its cells are already in the language)."""
    df = intake.assumptions(audit)
    df.columns = ["assumption", "value", "source", "impact"]
    df["value"] = [_number(v, audit.lang) for v in df["value"]]
    return df


def _number(v: Any, lang: str) -> Any:
    """A value written as a plain number in `lang` ('15', '0.25', '90,000' / '90 000', '0,25')
    becomes that number; anything else stays as it is."""
    if not isinstance(v, str):
        return v
    text = re.sub(r"[\s\u00a0\u202f]", "", v)
    if lang == "en":
        text = text.replace(",", "") if re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", text) else text
    else:
        text = text.replace(",", ".")
    if re.fullmatch(r"-?\d+(\.\d+)?", text) and re.fullmatch(r"[-\d.,\s\u00a0\u202f]+", v):
        f = float(text)
        return int(f) if f.is_integer() else f
    return v


def _funnel_sheets(fa: FunnelAnalysis) -> list[Sheet]:
    """The funnel's sheets: stages, benchmarks, the cuts (long), cohorts, forecast, plan vs fact."""
    frames: list[tuple[str, pd.DataFrame | None]] = [
        ("funnel", fa.table),
        ("funnel_benchmarks", pd.DataFrame(fa.benchmarks) if fa.benchmarks else None),
        ("funnel_cuts", _cuts(fa)),
        ("funnel_cuts_stages", _cut_stages(fa)),
        ("funnel_cohorts", fa.cohorts),
        ("time_in_stage", fa.time_in_stage),
        ("funnel_hygiene", fa.hygiene_deals),
        ("forecast", fa.forecast.monthly_frame() if fa.forecast is not None else None),
        ("levers", _levers(fa)),
        ("sensitivity", fa.sensitivity),
        ("goal_seek", fa.goal_seek),
        ("plan_fact", fa.plan_fact),
        ("plan_fact_managers", fa.plan_fact_managers),
        ("payments_today", fa.daily),
        ("board", fa.board),
    ]
    return [Sheet(k, df) for k, df in frames if df is not None and not df.empty]


def _levers(fa: FunnelAnalysis) -> pd.DataFrame | None:
    """The levers valued against a reachable reference, by money a year (the report's ranking)."""
    if not fa.levers:
        return None
    return pd.DataFrame(
        {
            "driver": v.driver,
            "current": v.now,
            "reference": v.reference,
            "reference_source": v.reference_source,
            "sellers": ", ".join(v.who),
            "n": v.n,
            "revenue_delta_year": v.revenue_delta_year,
            "revenue_low": v.low,
            "revenue_high": v.high,
        }
        for v in fa.levers
    )


def _cuts(fa: FunnelAnalysis) -> pd.DataFrame | None:
    """Every cut in one long sheet: cut, value, deals, outcomes, win rate and meeting→contract."""
    parts = []
    for cut, df in fa.cuts.items():
        keep = [c for c in df.columns if not c.startswith(("conv.", "lo.", "hi.", "n.", "few."))]
        part = df[keep].copy()
        part.insert(0, "cut", cut)
        parts.append(part)
    return pd.concat(parts, ignore_index=True) if parts else None


def _cut_stages(fa: FunnelAnalysis) -> pd.DataFrame | None:
    """Every cut's stepwise conversions, one row per cut value and stage."""
    rows = []
    for cut, df in fa.cuts.items():
        for rec in df.to_dict("records"):
            for s in fa.stages[:-1]:
                if f"conv.{s}" not in rec:
                    continue
                rows.append(
                    {
                        "cut": cut,
                        "value": rec["value"],
                        "stage": s,
                        "conversion_to_next": rec[f"conv.{s}"],
                        "lo": rec.get(f"lo.{s}"),
                        "hi": rec.get(f"hi.{s}"),
                        "n": rec.get(f"n.{s}"),
                        "too_few": rec.get(f"few.{s}"),
                    }
                )
    return pd.DataFrame(rows) if rows else None


# --------------------------------------------------------------------------------------
# labels


def header(column: str, stages: list[str], lang: str, sheet: str = "") -> str:
    """A column's header in the report language (a catalogue entry for every canonical name)."""
    if has(f"xlsx.col.{sheet}.{column}"):
        return t(f"xlsx.col.{sheet}.{column}", lang)
    for prefix in PREFIXED:
        if column.startswith(prefix):
            rest = column.removeprefix(prefix)
            what = ft.stage_label(rest, lang) if rest in stages else t(f"xlsx.outcome.{rest}", lang)
            return t(f"xlsx.col.{prefix[:-1]}", lang, what=what)
    key = f"xlsx.col.{column}"
    if has(key):
        return t(key, lang)
    return column if not column.islower() else column.replace("_", " ").capitalize()


def _value_labels(key: str, book: Book) -> dict[str, Callable[[Any], Any]]:
    """How coded values of a sheet's columns read in the report language, by column."""
    lang, stages = book.lang, book.stages

    def stage(v: Any) -> Any:
        """A stage key's name (other values as they are)."""
        return ft.stage_label(v, lang) if v in stages else v

    labels: dict[str, Callable[[Any], Any]] = {
        "table": lambda v: table_label(v, lang),
        "stage": stage,
        "cut": lambda v: _cap(t(f"funnel.cut.{v}", lang)) if has(f"funnel.cut.{v}") else v,
        "group": lambda v: keyed("group", v, lang),
        "status": lambda v: keyed("status", v, lang),
        "step_status": lambda v: keyed("status", v, lang),
        "driver": lambda v: ft.driver_label(v, stages, lang),
        "check": lambda v: keyed("xlsx.check", v, lang),
        "reason": lambda v: keyed("xlsx.reason", v, lang) if isinstance(v, str) else v,
        "impact": lambda v: v,
        "role": lambda v: t(f"role.{v}", lang) if has(f"role.{v}") else v,
    }
    if key == "funnel":
        labels["key"] = stage
    if key == "funnel_benchmarks":
        labels.update(
            key=lambda v: keyed("funnel.bench", v, lang),
            status=lambda v: keyed("funnel.status", v, lang),
            source=lambda v: source_label(str(v), lang),
            basis=lambda v: keyed("xlsx.basis", v, lang) if isinstance(v, str) else v,
        )
    if key == "levers":
        labels["reference_source"] = lambda v: keyed("xlsx.lever_source", v, lang)
    if key == "rejected_rows":
        labels["reason"] = lambda v: keyed("reject", v, lang)
        labels["action"] = lambda v: keyed("xlsx.action", v, lang)
    if key in ("funnel_cuts", "funnel_cuts_stages"):
        labels["value"] = lambda v: v  # set per row in _display (it depends on the cut)
    return labels


def _cap(s: str) -> str:
    """The label with its first letter upper-case."""
    return s[:1].upper() + s[1:]


def _display(sheet: Sheet, book: Book) -> pd.DataFrame:
    """The sheet's frame with coded values in the report language (numbers untouched)."""
    df = sheet.frame.copy()
    for col, fn in _value_labels(sheet.key, book).items():
        if col in df.columns and not pd.api.types.is_numeric_dtype(df[col]):
            df[col] = [fn(v) if v is not None and v == v else v for v in df[col]]
    if sheet.key in ("funnel_cuts", "funnel_cuts_stages"):
        cuts = sheet.frame["cut"]
        df["value"] = [
            ft.cut_value_label(v, c, book.lang) for v, c in zip(df["value"], cuts, strict=True)
        ]
    return df


# --------------------------------------------------------------------------------------
# writing


def number_format(column: str, series: pd.Series, sheet: Sheet, book: Book) -> str | None:
    """The Excel number format of a column (None for text)."""
    lang = book.lang
    if column in MONTHS or (pd.api.types.is_datetime64_any_dtype(series) and column == "month"):
        return FORMATS["month"][lang]  # type: ignore[index]
    if pd.api.types.is_datetime64_any_dtype(series) or column.startswith("date"):
        return FORMATS["date"][lang]  # type: ignore[index]
    if pd.api.types.is_bool_dtype(series) or series.dtype == object and _all_bool(series):
        return None
    if not pd.api.types.is_numeric_dtype(series):
        return None
    if column in MONEY or (sheet.key, column) == ("sensitivity", "base"):
        return _money(book)
    if column in PERCENT or column.startswith(PREFIXED):
        return FORMATS["pct"]  # type: ignore[return-value]
    if column == "cv":
        return "0.00"
    if pd.api.types.is_integer_dtype(series):
        return FORMATS["int"]  # type: ignore[return-value]
    if column in DECIMAL or pd.api.types.is_float_dtype(series):
        return FORMATS["dec"]  # type: ignore[return-value]
    return FORMATS["int"]  # type: ignore[return-value]


def _money(book: Book) -> str:
    """The money format: whole amounts with thousands and the currency code."""
    cur = book.currency.replace('"', "")
    return f'#,##0 "{cur}"' if cur else str(FORMATS["int"])


# columns whose unit depends on the row: the benchmark's or the driver's unit
ROW_UNIT = {
    "funnel_benchmarks": ("key", {"value", "lo", "hi", "low", "high"}),
    "goal_seek": ("driver", {"current", "needed", "best_today", "band_low", "band_high"}),
    "levers": ("driver", {"current", "reference"}),
}


def row_format(sheet: Sheet, column: str, code: Any, book: Book) -> str | None:
    """The format of a cell whose unit is the row's (None when the column's own format holds)."""
    spec = ROW_UNIT.get(sheet.key)
    if spec is None or column not in spec[1] or not isinstance(code, str):
        return None
    if code in ("meetings_per_closer", "new_deals", "cycle"):
        return str(FORMATS["dec"])
    if code == "deal_size":
        return _money(book)
    return str(FORMATS["pct"])


def _all_bool(series: pd.Series) -> bool:
    """Whether an object column holds only booleans and blanks."""
    vals = [v for v in series if v is not None and v == v]
    return bool(vals) and all(isinstance(v, bool) for v in vals)


def _value(v: object) -> object:
    """A cell value openpyxl can store (no NaN, no tz; a Period is its first day)."""
    if v is None or v is pd.NaT:
        return None
    if isinstance(v, float) and pd.isna(v):
        return None
    if isinstance(v, pd.Period):
        v = v.to_timestamp()
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime().replace(tzinfo=None)
    if isinstance(v, dt.datetime):
        return v.replace(tzinfo=None)
    if hasattr(v, "item"):
        return v.item()  # type: ignore[union-attr]
    if isinstance(v, list | tuple | dict | set):
        return str(v)
    return v


def _months(df: pd.DataFrame) -> pd.DataFrame:
    """Month columns held as 'YYYY-MM' text or periods become dates."""
    for col in MONTHS & set(df.columns):
        if not pd.api.types.is_datetime64_any_dtype(df[col]):
            try:
                df[col] = pd.PeriodIndex(df[col].astype(str), freq="M").to_timestamp()
            except (ValueError, TypeError):
                pass
    return df


def _title(key: str, lang: str, used: set[str]) -> str:
    """The sheet's name in the language: ≤ 31 characters, no forbidden characters, unique."""
    base = t(f"xlsx.sheet.{key}", lang).translate(BAD_TITLE)[:31]
    title, i = base, 2
    while title.casefold() in used:
        title = f"{base[:28]} {i}"
        i += 1
    used.add(title.casefold())
    return title


def _write_sheet(ws: Worksheet, sheet: Sheet, book: Book) -> None:
    """One sheet: header, values as numbers with formats, frozen header, autofilter, widths."""
    raw = _months(sheet.frame.copy())
    shown = _months(_display(sheet, book))
    ws.append([header(str(c), book.stages, book.lang, sheet.key) for c in raw.columns])
    for c in ws[1]:
        c.font = Font(bold=True)
        c.alignment = Alignment(wrap_text=True, vertical="top")
    for row in shown.itertuples(index=False):
        ws.append([_value(v) for v in row])
    spec = ROW_UNIT.get(sheet.key)
    codes = raw[spec[0]].tolist() if spec is not None else [None] * len(raw)
    for i, col in enumerate(raw.columns, start=1):
        fmt = number_format(str(col), raw[col], sheet, book)
        letter = get_column_letter(i)
        for (cell,), code in zip(ws.iter_rows(min_row=2, min_col=i, max_col=i), codes, strict=True):
            if isinstance(cell.value, str):
                if cell.value.startswith(FORMULA_START):
                    cell.data_type = TYPE_STRING
                    cell.quotePrefix = True
            elif isinstance(cell.value, int | float | dt.datetime) and not isinstance(
                cell.value, bool
            ):
                own = FORMATS["int"] if isinstance(cell.value, int) else "#,##0.00"
                cell.number_format = row_format(sheet, str(col), code, book) or fmt or str(own)
        texts = [str(ws.cell(1, i).value)] + [str(v) for v in shown.iloc[:200, i - 1].tolist()]
        ws.column_dimensions[letter].width = min(max(len(s) for s in texts) + 2, 50)
        if fmt is not None:
            ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width, 14)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(max(ws.max_column, 1))}{max(ws.max_row, 1)}"


def _write_readme(ws: Worksheet, book: Book, titles: list[tuple[str, str]]) -> None:
    """The README sheet: what the workbook is, then each sheet and what it holds."""
    lang = book.lang
    ws.append([t("xlsx.col.sheet", lang), t("xlsx.col.holds", lang)])
    for c in ws[1]:
        c.font = Font(bold=True)
    for key, title in titles:
        ws.append([title, t(f"xlsx.about.{key}", lang)])
    ws.append([])
    ws.append([t("xlsx.readme.note", lang)])
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 110
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:B{len(titles) + 1}"


def write_xlsx(book: Book, path: Path) -> None:
    """Write the workbook: a README sheet, then one formatted sheet per table."""
    wb = Workbook()
    readme = wb.active
    assert readme is not None
    used: set[str] = set()
    readme.title = _title("readme", book.lang, used)
    titles = []
    for sheet in book.sheets:
        ws = wb.create_sheet(title=_title(sheet.key, book.lang, used))
        _write_sheet(ws, sheet, book)
        titles.append((sheet.key, ws.title))
    _write_readme(readme, book, titles)
    wb.save(path)
