"""Reading client files into the canonical tables of DESIGN §6 (first cut: CSV/TSV/XLSX)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd

from salesaudit.audit import DataQuality, Rejected, TableQuality
from salesaudit.config import TABLES, ClientConfig, TableSpec
from salesaudit.errors import InputError

REQUIRED: dict[str, list[str]] = {
    "deals": ["deal_id", "created_at", "stage"],
    "stage_history": ["deal_id", "stage", "entered_at"],
    "sales": ["client_id", "date", "amount"],
    "team": ["manager"],
    "plan": ["period", "amount"],
    "activities": ["manager", "date", "type"],
}
OPTIONAL: dict[str, list[str]] = {
    "deals": [
        "amount",
        "closed_at",
        "manager",
        "client_id",
        "product",
        "channel",
        "segment",
        "region",
        "client_type",
        "lost_stage",
        "lost_reason",
    ],
    "stage_history": [],
    "sales": ["product", "manager", "region", "channel", "segment"],
    "team": ["role", "head", "region", "hired_at", "fixed_pay"],
    "plan": ["manager"],
    "activities": ["count", "duration_min"],
}
DATES = {"created_at", "closed_at", "entered_at", "date", "hired_at", "period"}
NUMBERS = {"amount", "fixed_pay", "count", "duration_min"}
ROLES = {"hunter", "closer", "farmer", "universal", "head"}
MAX_LISTED = 5


def _read_text(path: Path, spec: TableSpec) -> str:
    """Read a text file with the given or detected encoding."""
    raw = path.read_bytes()
    if not raw.strip():
        raise InputError("the file is empty.", file=str(path), hint="Export it again with data.")
    encs = [spec.encoding] if spec.encoding != "auto" else ["utf-8-sig", "cp1251"]
    for enc in encs:
        try:
            return raw.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError(
        f"cannot be read as {', '.join(encs)} text.",
        file=str(path),
        hint="Save it as CSV UTF-8, or set `encoding:` in client.yaml.",
    )


def read_raw(path: Path, spec: TableSpec) -> tuple[pd.DataFrame, dict[str, str]]:
    """Read a CSV/TSV/XLSX file as strings, returning the frame and the choices made."""
    if not path.is_file():
        raise InputError("file not found.", file=str(path), hint="Check `path:` in client.yaml.")
    suffix = path.suffix.lower()
    choices: dict[str, str] = {}
    if suffix in (".xlsx", ".xlsm"):
        try:
            df = pd.read_excel(path, sheet_name=spec.sheet, dtype=str, engine="openpyxl")
        except Exception as e:  # noqa: BLE001 - any reader failure is the client's file
            raise InputError(
                f"cannot be read as Excel ({e}).",
                file=str(path),
                hint="Open it in Excel and save it again as .xlsx.",
            ) from None
        choices["sheet"] = str(spec.sheet)
    elif suffix in (".csv", ".tsv", ".txt"):
        text = _read_text(path, spec)
        sep = spec.delimiter
        if sep == "auto":
            sep = "\t" if suffix == ".tsv" else _sniff(text)
        choices["delimiter"] = {"\t": "tab"}.get(sep, sep)
        df = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    else:
        raise InputError(
            f"unsupported file type '{suffix}'.", file=str(path), hint="Use .csv, .tsv or .xlsx."
        )
    df.columns = [str(c).strip() for c in df.columns]
    return df, choices


def _sniff(text: str) -> str:
    """Pick the delimiter among `;`, `,` and tab from the first lines."""
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in (";", ",", "\t")}
        return max(counts, key=lambda d: counts[d])


def _to_number(s: pd.Series, decimal: str) -> pd.Series:
    """Parse amounts: spaces and no-break spaces as thousands, the given or guessed decimal."""
    txt = s.astype(str).str.replace(r"[\s\u00a0\u202f']", "", regex=True)
    txt = txt.str.replace(r"[^\d,.\-+eE]", "", regex=True)
    if decimal == "auto":
        decimal = (
            ","
            if txt.str.contains(r",\d{1,2}$").any() and not txt.str.contains(r"\.\d{1,2}$").any()
            else "."
        )
    if decimal == ",":
        txt = txt.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    else:
        txt = txt.str.replace(",", "", regex=False)
    return pd.to_numeric(txt.replace("", np.nan), errors="coerce")


def _to_date(s: pd.Series, spec: TableSpec) -> tuple[pd.Series, str]:
    """Parse a date column as a whole: explicit format, or decide day-first for all rows."""
    txt = s.astype(str).str.strip().replace("", np.nan)
    if spec.date_format != "auto":
        return pd.to_datetime(txt, format=spec.date_format, errors="coerce"), spec.date_format
    if spec.dayfirst is not None:
        return pd.to_datetime(txt, dayfirst=spec.dayfirst, errors="coerce", format="mixed"), (
            "day-first" if spec.dayfirst else "month-first"
        )
    iso = pd.to_datetime(txt, format="ISO8601", errors="coerce")
    if iso.notna().sum() >= txt.notna().sum():
        return iso, "ISO"
    day = pd.to_datetime(txt, dayfirst=True, errors="coerce", format="mixed")
    month = pd.to_datetime(txt, dayfirst=False, errors="coerce", format="mixed")
    if month.notna().sum() > day.notna().sum():
        return month, "month-first"
    return day, "day-first"


def _excel_row(idx: pd.Index) -> list[int]:
    """Row numbers as the client sees them in Excel (header is row 1)."""
    return [int(i) + 2 for i in idx]


def load_table(name: str, spec: TableSpec, cfg: ClientConfig) -> tuple[pd.DataFrame, TableQuality]:
    """Load one table through its column mapping into canonical, typed columns."""
    path = cfg.resolve(spec.path)
    raw, choices = read_raw(path, spec)
    q = TableQuality(name=name, file=spec.path, rows_read=len(raw), choices=choices)
    if raw.empty:
        raise InputError(
            "has a header but no data rows.",
            file=spec.path,
            hint="Export the table again with its rows.",
        )
    mapping = {canon: spec.columns.get(canon, canon) for canon in REQUIRED[name] + OPTIONAL[name]}
    missing = [c for c in REQUIRED[name] if mapping[c] not in raw.columns]
    if missing:
        heads = ", ".join(f"'{c}' (looked for '{mapping[c]}')" for c in missing)
        raise InputError(
            f"required column(s) {heads} not found; the file has: {', '.join(raw.columns)}.",
            file=spec.path,
            hint=f"Map them under data.{name}.columns in client.yaml.",
        )
    out = pd.DataFrame(index=raw.index)
    for canon, header in mapping.items():
        if header in raw.columns:
            out[canon] = raw[header].astype(str).str.strip().replace("", np.nan)
    bad = pd.Series(False, index=out.index)
    for col in out.columns:
        if col in DATES:
            parsed, how = _to_date(out[col], spec)
            q.choices[f"{col} dates"] = how
            problem = parsed.isna() & out[col].notna()
            out[col] = parsed
        elif col in NUMBERS:
            parsed = _to_number(out[col], spec.decimal)
            problem = parsed.isna() & out[col].notna()
            out[col] = parsed
        else:
            continue
        for i in out.index[problem][:1000]:
            q.rejected.append(
                Rejected(
                    int(i) + 2,
                    mapping[col],
                    str(raw.at[i, mapping[col]]),
                    f"not a valid {'date' if col in DATES else 'number'}",
                )
            )
        if col in REQUIRED[name]:
            bad |= problem
    for col in REQUIRED[name]:
        empty = out[col].isna() & ~bad
        for i in out.index[empty][:1000]:
            q.rejected.append(Rejected(int(i) + 2, mapping[col], "", "required value is empty"))
        bad |= empty
    q.rows_rejected = int(bad.sum())
    if q.rows_rejected:
        rows = ", ".join(map(str, _excel_row(out.index[bad][:MAX_LISTED])))
        more = f" and {q.rows_rejected - MAX_LISTED} more" if q.rows_rejected > MAX_LISTED else ""
        q.warnings.append(
            f"{q.rows_rejected} row(s) rejected (rows {rows}{more}): see the rejected-rows table."
        )
    out = out[~bad].reset_index(drop=True)
    if out.empty:
        raise InputError(
            "no usable rows after checking types.",
            file=spec.path,
            hint="Check the date and number formats of the required columns.",
        )
    return out, q


def _map_stages(deals: pd.DataFrame, cfg: ClientConfig, q: TableQuality, col: str) -> None:
    """Replace CRM stage names by canonical keys ('lost' for lost names); unknown names are fatal."""
    lookup: dict[str, str] = {}
    for s in cfg.funnel.stages:
        for crm in s.crm:
            lookup[crm.strip().casefold()] = s.key
    for crm in cfg.funnel.lost:
        lookup[crm.strip().casefold()] = "lost"
    keys = deals[col].astype(str).str.strip().str.casefold()
    mapped = keys.map(lookup)
    unknown = sorted(set(deals.loc[mapped.isna() & deals[col].notna(), col].astype(str)))
    if unknown:
        import difflib

        names = [crm for s in cfg.funnel.stages for crm in s.crm] + list(cfg.funnel.lost)
        listed = "; ".join(
            f"'{u}'"
            + (
                f" (closest mapped: '{m[0]}')"
                if (m := difflib.get_close_matches(u, names, 1))
                else ""
            )
            for u in unknown
        )
        raise InputError(
            f"CRM stage name(s) in no funnel mapping: {listed}.",
            file=q.file,
            column=col,
            hint="Add each to funnel.stages[].crm or funnel.lost in client.yaml.",
        )
    deals[col] = mapped.where(deals[col].notna())


def load_tables(cfg: ClientConfig) -> tuple[dict[str, pd.DataFrame], DataQuality]:
    """Load every table the client file names; return canonical tables and data quality."""
    dq = DataQuality()
    tables: dict[str, pd.DataFrame] = {}
    for name in TABLES:
        spec = getattr(cfg.data, name)
        if spec is None:
            continue
        df, q = load_table(name, spec, cfg)
        if name == "deals":
            df["deal_id"] = df["deal_id"].astype(str)
            _map_stages(df, cfg, q, "stage")
            if "lost_stage" in df:
                _map_stages(df, cfg, q, "lost_stage")
            dup = df["deal_id"].duplicated(keep="first")
            if dup.any():
                q.warnings.append(f"{int(dup.sum())} duplicated deal_id value(s); kept the first.")
                df = df[~dup].reset_index(drop=True)
        if name == "stage_history":
            df["deal_id"] = df["deal_id"].astype(str)
            _map_stages(df, cfg, q, "stage")
        if name == "team" and "role" in df:
            df["role"] = df["role"].str.lower()
            odd = sorted(set(df["role"].dropna()) - ROLES)
            if odd:
                q.warnings.append(f"unknown role(s) {odd}: treated as universal.")
                df.loc[df["role"].isin(odd), "role"] = "universal"
        if name == "plan":
            df["period"] = df["period"].dt.to_period("M").dt.to_timestamp()
        for col in ("created_at", "date", "entered_at", "period"):
            if col in df and df[col].notna().any():
                q.date_min, q.date_max = df[col].min(), df[col].max()
                break
        tables[name] = df
        dq.tables[name] = q
    return tables, dq
