"""Loading one table: mapping columns, typing cells, rejecting bad rows, per-table checks."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from salesaudit.core.errors import InputError
from salesaudit.core.quality import Note, Rejected, TableQuality
from salesaudit.core.schema import (
    ACTIVITY_SYNONYMS,
    CLIENT_TYPES,
    FUTURE_ALLOWED,
    ID_COLUMN,
    MAIN_DATE,
    REFUNDS_ALLOWED,
    REQUIRED,
    ROLE_SYNONYMS,
    ROLES,
    all_columns,
    kind_of,
)
from salesaudit.i18n.notes import MAX_LISTED, reason_words, render
from salesaudit.inputs.client import ClientConfig, TableSpec
from salesaudit.inputs.ingest import history, parse
from salesaudit.inputs.ingest.detect import norm
from salesaudit.inputs.ingest.read import RawColumn, RawTable, read_table

REJECTED_CAP = 100_000  # Rejected entries kept per table (the count is always exact)
ABSURD_AMOUNT = (
    1e15  # a number beyond this (or infinite) is a typo or a broken export: row left out
)
FATAL_SHARE = 0.5  # a required column with more bad values than this is a format problem
CHOICE_KEYS = {
    "enc": "encoding",
    "delim": "delimiter",
    "header": "header",
    "sheet": "sheet",
    "format": "format",
    "dec": "decimal",
    "date": "dates",
}


@dataclass
class Loaded:
    """One loaded table with what the cross-table checks need."""

    name: str
    df: pd.DataFrame
    q: TableQuality
    rows: np.ndarray  # Excel row of each df row
    headers: dict[str, str]  # canonical column -> header in the client's file
    preset: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def add_note(q: TableQuality, note: Note) -> None:
    """Record a note; its English text also goes to `warnings` or `choices`."""
    q.notes.append(note)
    text = render(note, "en")
    if note.level == "warning":
        q.warnings.append(text)
    elif note.level == "choice":
        key = CHOICE_KEYS.get(note.code.split(".")[0], note.code)
        column = note.params.get("column")
        value = text.removeprefix(f"'{column}': ") if column else text
        value = value.removeprefix(f"{key} ").removeprefix(f"{key.rstrip('s')} ")
        q.choices[f"{key} '{column}'" if column else key] = value


def add_rejected(
    q: TableQuality, rows: np.ndarray, column: str, values: list[Any], reason: str, action: str
) -> None:
    """Record rejected or flagged cells (capped at REJECTED_CAP per table)."""
    room = REJECTED_CAP - len(q.rejected)
    for r, v in zip(rows[: max(room, 0)], values[: max(room, 0)], strict=False):
        q.rejected.append(Rejected(int(r), column, "" if v is None else str(v), reason, action))
    q.rejected_total += len(rows)


def rows_param(rows: np.ndarray) -> dict[str, Any]:
    """The 'rows' and 'rows_total' parameters of a note."""
    return {"rows": [int(r) for r in rows[:MAX_LISTED]], "rows_total": int(len(rows))}


def fatal_rows(rows: np.ndarray) -> str:
    """'5' or '2, 5, 7 and 12 more' for an InputError."""
    shown = ", ".join(str(int(r)) for r in rows[:MAX_LISTED])
    more = len(rows) - min(len(rows), MAX_LISTED)
    return shown + (f" and {more} more" if more > 0 else "")


# --------------------------------------------------------------------------- mapping


def resolve_mapping(
    name: str, spec: TableSpec, preset: dict[str, Any] | None
) -> dict[str, tuple[list[str], str]]:
    """canonical column -> (headers to look for, 'client' | 'preset' | 'default')."""
    valid = all_columns(name)
    for canon in spec.columns:
        if canon not in valid:
            close = difflib.get_close_matches(canon, valid, 1, 0.5)
            raise InputError(
                f"data.{name}.columns: '{canon}' is not a column of {name}"
                + (f"; did you mean '{close[0]}'?" if close else ".")
                + f" The {name} columns are: {', '.join(valid)}.",
                file=spec.path,
                hint="Keys under columns: are canonical names; values are the headers in the file.",
            )
    seen: dict[str, str] = {}
    for canon, header in spec.columns.items():
        key = norm(header)
        if key in seen:
            raise InputError(
                f"the column '{header}' is mapped twice in client.yaml: to '{seen[key]}' and to '{canon}'.",
                file=spec.path,
                column=header,
                hint=f"Map each canonical column to its own header under data.{name}.columns.",
            )
        seen[key] = canon
    pcols = ((preset or {}).get("tables", {}).get(name) or {}).get("columns", {})
    out: dict[str, tuple[list[str], str]] = {}
    for canon in valid:
        if canon in spec.columns:
            out[canon] = ([spec.columns[canon]], "client")
        elif canon in pcols:
            out[canon] = (list(pcols[canon]) + [canon], "preset")
        else:
            out[canon] = ([canon], "default")
    return out


def _dedupe_headers(raw: RawTable, q: TableQuality) -> list[str]:
    """Headers with repeats renamed 'X (2)', 'X (3)'; repeats reported."""
    names: list[str] = []
    count: dict[str, int] = {}
    letters: dict[str, list[str]] = {}
    for col in raw.columns:
        key = norm(col.header)
        if not key:
            names.append("")
            continue
        count[key] = count.get(key, 0) + 1
        letters.setdefault(key, []).append(col.letter)
        names.append(col.header if count[key] == 1 else f"{col.header} ({count[key]})")
    for key, n in count.items():
        if n > 1:
            header = next(c.header for c in raw.columns if norm(c.header) == key)
            add_note(q, Note("dup.header", {"header": header, "letters": ", ".join(letters[key])}))
    return names


def match_columns(
    name: str,
    spec: TableSpec,
    mapping: dict[str, tuple[list[str], str]],
    headers: list[str],
    file: str,
) -> dict[str, int]:
    """canonical column -> index of the file column it reads; missing required ones are fatal."""
    index: dict[str, int] = {}
    for i, h in enumerate(headers):
        if h:
            index.setdefault(norm(h), i)
    found: dict[str, int] = {}
    owner: dict[int, str] = {}
    for canon, (cands, source) in mapping.items():
        hit = next((index[norm(c)] for c in cands if norm(c) in index), None)
        if hit is None:
            continue
        i = hit
        if i in owner:
            other = owner[i]
            if (
                mapping[other][1] == "client" and source == "client"
            ):  # pragma: no cover - caught earlier
                raise InputError(f"the column '{headers[i]}' is mapped twice.", file=file)
            if source == "client" or (source == "preset" and mapping[other][1] == "default"):
                del found[other]
            else:
                continue
        found[canon] = i
        owner[i] = canon
    present = [h for h in headers if h]
    missing = [c for c in REQUIRED[name] if c not in found]
    explicit = [
        c
        for c, (_, src) in mapping.items()
        if src == "client" and c not in found and c not in missing
    ]
    if missing or explicit:
        parts = []
        for c in missing + explicit:
            looked = mapping[c][0][0]
            close = difflib.get_close_matches(looked, present, 1, 0.5)
            parts.append(
                f"'{c}' (looked for '{looked}'"
                + (f"; closest in the file: '{close[0]}'" if close else "")
                + ")"
            )
        what = "required column(s)" if missing else "mapped column(s)"
        raise InputError(
            f"{what} not found: {', '.join(parts)}. The file's columns are: "
            + ", ".join(f"'{h}'" for h in present)
            + ".",
            file=file,
            row=1,
            hint=f'Map them under data.{name}.columns in client.yaml, e.g. `{(missing + explicit)[0]}: "Header in the file"`.',
        )
    return found


# --------------------------------------------------------------------------- typing


def _texts(col: RawColumn, mask: np.ndarray) -> tuple[np.ndarray, list[Any]]:
    """Indices and original cell texts of the masked cells."""
    idx = np.flatnonzero(mask)
    return idx, col.text.take(pa.array(idx[:REJECTED_CAP])).to_pylist()


class _Typer:
    """Types the mapped columns of one file and gathers bad cells."""

    def __init__(
        self,
        name: str,
        spec: TableSpec,
        raw: RawTable,
        q: TableQuality,
        preset: dict[str, Any] | None,
    ):
        self.name, self.spec, self.raw, self.q, self.preset = name, spec, raw, q, preset
        self.drop = np.zeros(raw.n, dtype=bool)
        self.out: dict[str, Any] = {}

    def bad_cells(self, canon: str, col: RawColumn, mask: np.ndarray, reason_code: str) -> None:
        """Reject the rows (required column) or empty the cells (optional column) under mask."""
        if not mask.any():
            return
        required = canon in REQUIRED[self.name]
        idx, values = _texts(col, mask)
        rows = self.raw.rows[idx]
        reason = reason_words(reason_code)[0]
        action = "rejected" if required else "blanked"
        add_rejected(self.q, rows, col.header, values, reason, action)
        add_note(
            self.q,
            Note(
                action,
                {
                    "column": col.header,
                    "count": int(mask.sum()),
                    "value": values[0],
                    "reason_code": reason_code,
                    **rows_param(rows),
                },
            ),
        )
        if required:
            self.drop |= mask

    def check_share(
        self, canon: str, col: RawColumn, bad: np.ndarray, nonempty: np.ndarray, what: str
    ) -> None:
        """A date or number column that mostly fails to parse is a format problem: fatal."""
        n_bad, n_all = int(bad.sum()), int(nonempty.sum())
        if n_bad >= 3 and n_bad > FATAL_SHARE * n_all:
            idx, values = _texts(col, bad)
            rows = self.raw.rows[idx]
            examples = ", ".join(f"'{v}'" for v in values[:3])
            raise InputError(
                f"{n_bad} of {n_all} values are not {what} (e.g. {examples}).",
                file=self.q.file,
                row=fatal_rows(rows),
                column=col.header,
                hint="Check that the right column is mapped to "
                f"'{canon}', and set `decimal:` / `date_format:` for this table in client.yaml if the format is unusual.",
            )

    def numbers(self, cols: dict[str, RawColumn]) -> None:
        """Parse every number column, sharing a decimal mark seen in one with the others."""
        results: dict[str, parse.NumberResult] = {}
        file_dec: str | None = None
        for canon, col in cols.items():
            r = _number_rows(col, self.spec.decimal, self.spec.thousands, None)
            results[canon] = r
            if r.how == "seen" and file_dec is None:
                file_dec = r.decimal
                src = col.header
        for canon, col in cols.items():
            r = results[canon]
            if r.how == "whole" and file_dec is not None:
                r = results[canon] = _number_rows(col, file_dec, self.spec.thousands, file_dec)
                add_note(
                    self.q,
                    Note(
                        "dec.file",
                        {"column": col.header, "dec": f"'{r.decimal}'", "other": src},
                        "choice",
                    ),
                )
            elif r.how == "declared":
                add_note(
                    self.q,
                    Note("dec.declared", {"column": col.header, "dec": f"'{r.decimal}'"}, "choice"),
                )
            elif r.how == "seen":
                add_note(
                    self.q,
                    Note(
                        "dec.seen",
                        {"column": col.header, "dec": f"'{r.decimal}'", "example": r.example},
                        "choice",
                    ),
                )
            elif r.how == "whole" and r.example:
                add_note(
                    self.q,
                    Note("dec.whole", {"column": col.header, "example": r.example}, "choice"),
                )
            nonempty = r.bad | ~np.isnan(r.values)
            self.check_share(canon, col, r.bad, nonempty, "numbers")
            self.bad_cells(canon, col, r.bad, "bad_number")
            self.absurd(canon, col, r.values)
            self.out[canon] = r.values

    def absurd(self, canon: str, col: RawColumn, values: np.ndarray) -> None:
        """Infinite amounts or amounts beyond ABSURD_AMOUNT: the rows are left out, with the reason."""
        mask = ~np.isnan(values) & ~(np.abs(values) <= ABSURD_AMOUNT)
        if not mask.any():
            return
        idx, texts = _texts(col, mask)
        rows = self.raw.rows[idx]
        add_rejected(self.q, rows, col.header, texts, reason_words("absurd_number")[0], "rejected")
        params = {"column": col.header, "count": int(mask.sum()), "value": str(texts[0])[:40]}
        add_note(
            self.q,
            Note("rejected", {**params, "reason_code": "absurd_number", **rows_param(rows)}),
        )
        self.drop |= mask
        values[mask] = np.nan

    def dates(self, cols: dict[str, RawColumn]) -> None:
        """Parse every date column; the day/month order is decided per column, or per file if ambiguous."""
        spec = self.spec
        scans: dict[str, tuple[parse.DateScan, np.ndarray | None]] = {}
        orders: dict[str, str | None] = {}
        seen_order: tuple[str, str] | None = None
        for canon, col in cols.items():
            if spec.date_format != "auto":
                continue
            small, index = parse.dictionary_view(col)
            scan = parse.scan_dates(small)
            scans[canon] = (scan, index)
            if spec.dayfirst is not None:
                orders[canon] = "dayfirst" if spec.dayfirst else "monthfirst"
            elif not scan.needs_order:
                orders[canon] = None
            elif not scan.ambiguous:
                n_d, n_m = int(_x(scan.dmy_only, index).sum()), int(_x(scan.mdy_only, index).sum())
                orders[canon] = "dayfirst" if n_d >= n_m else "monthfirst"
                if seen_order is None:
                    seen_order = (orders[canon] or "dayfirst", col.header)
        for canon, col in cols.items():
            if spec.date_format != "auto":
                res = parse.parse_date_format(col, spec.date_format)
                add_note(
                    self.q,
                    Note("date.format", {"column": col.header, "fmt": spec.date_format}, "choice"),
                )
            else:
                scan, index = scans[canon]
                if canon not in orders:
                    orders[canon] = self._ambiguous_order(canon, col, scan, index, seen_order)
                order = orders[canon]
                res = parse.build_dates(scan, order)
                if index is not None:
                    res = parse.DateResult(
                        res.values[index], res.bad[index], res.mismatch[index], res.serial_text
                    )
                self._date_choice(col, scan, index, order, res, seen_order)
                if scan.tz:
                    add_note(self.q, Note("date.tz", {"column": col.header}))
                if res.mismatch.any():
                    idx, values = _texts(col, res.mismatch)
                    rows = self.raw.rows[idx]
                    add_note(
                        self.q,
                        Note(
                            "date.mixed_order",
                            {
                                "column": col.header,
                                "order": order,
                                "count": int(res.mismatch.sum()),
                                "value": values[0],
                                **rows_param(rows),
                            },
                        ),
                    )
                    add_rejected(
                        self.q,
                        rows,
                        col.header,
                        values,
                        "date fits only the other day/month order",
                        "rejected" if canon in REQUIRED[self.name] else "blanked",
                    )
                    if canon in REQUIRED[self.name]:
                        self.drop |= res.mismatch
            nonempty = res.bad | ~np.isnat(res.values)
            self.check_share(canon, col, res.bad, nonempty, "dates")
            self.bad_cells(canon, col, res.bad, "bad_date")
            self.out[canon] = res.values

    def _ambiguous_order(
        self,
        canon: str,
        col: RawColumn,
        scan: parse.DateScan,
        index: np.ndarray | None,
        seen: tuple[str, str] | None,
    ) -> str:
        """Order for a column whose values fit both: another column, the preset, dots, or fatal."""
        pre = (self.preset or {}).get("date_order")
        order = (
            seen[0] if seen is not None else str(pre) if pre in ("dayfirst", "monthfirst") else None
        )
        if order is None and scan.dots >= 0.5:
            order = "dayfirst"
            add_note(self.q, Note("date.assumed", {"column": col.header, "order": order}))
        if order is not None:
            add_note(
                self.q,
                Note("assume.date_order", {"column": col.header, "order": order}, "assumption"),
            )
            return order
        idx = np.flatnonzero(_x(scan.matched & ~scan.ymd, index))
        examples = col.text.take(pa.array(idx[:3])).to_pylist()
        raise InputError(
            "every date fits both day-first and month-first (e.g. "
            + ", ".join(f"'{e}'" for e in examples)
            + "), so the order cannot be decided from the data.",
            file=self.q.file,
            row=fatal_rows(self.raw.rows[idx]),
            column=col.header,
            hint="Set `dayfirst: true` (31/01) or `dayfirst: false` (01/31) for this table in client.yaml, "
            'or `date_format:` such as "%d/%m/%Y".',
        )

    def _date_choice(
        self,
        col: RawColumn,
        scan: parse.DateScan,
        index: np.ndarray | None,
        order: str | None,
        res: parse.DateResult,
        seen: tuple[str, str] | None,
    ) -> None:
        """Record how a date column was read, and why."""
        p = {"column": col.header}
        if self.spec.dayfirst is not None:
            add_note(self.q, Note("date.declared", {**p, "order": order}, "choice"))
        elif order is None:
            if scan.ymd.any():
                ex = scan.text[int(np.flatnonzero(scan.ymd)[0])].as_py()
                add_note(self.q, Note("date.iso", {**p, "example": ex}, "choice"))
            elif res.serial_text:
                ex = scan.text[int(np.flatnonzero(np.isfinite(scan.serial))[0])].as_py()
                add_note(self.q, Note("date.serial", {**p, "example": ex}, "choice"))
            elif scan.kind is not None and (scan.kind == 2).any():
                add_note(self.q, Note("date.cells", p, "choice"))
        elif not scan.ambiguous:
            only = _x(scan.dmy_only if order == "dayfirst" else scan.mdy_only, index)
            i = int(np.flatnonzero(only)[0])
            add_note(
                self.q,
                Note(
                    "date.seen",
                    {
                        **p,
                        "order": order,
                        "example": col.text[i].as_py(),
                        "row": int(self.raw.rows[i]),
                    },
                    "choice",
                ),
            )
        elif seen is not None:
            add_note(self.q, Note("date.file", {**p, "order": order, "other": seen[1]}, "choice"))
        elif (self.preset or {}).get("date_order") == order:
            add_note(
                self.q,
                Note(
                    "date.preset",
                    {**p, "order": order, "preset": (self.preset or {}).get("title", "")},
                    "choice",
                ),
            )
        else:
            add_note(self.q, Note("date.dots", {**p, "order": order}, "choice"))

    def texts(self, cols: dict[str, RawColumn]) -> None:
        """Clean every text column; report formulas and Excel-rounded ids."""
        for canon, col in cols.items():
            small, index = parse.dictionary_view(col)
            res = parse.parse_text(small, is_id=canon in ("deal_id", "client_id"))
            if index is not None:
                res.values = res.values.take(pa.array(index))
                res.links, res.formulas, res.scientific = (
                    m[index] if len(m) else m for m in (res.links, res.formulas, res.scientific)
                )
            for mask, code in (
                (res.links, "formula.link"),
                (res.formulas, "formula.other"),
                (res.scientific, "ids.scientific"),
            ):
                if len(mask) and mask.any():
                    idx, values = _texts(col, mask)
                    rows = self.raw.rows[idx]
                    add_note(
                        self.q,
                        Note(
                            code,
                            {
                                "column": col.header,
                                "count": int(mask.sum()),
                                "value": values[0],
                                **rows_param(rows),
                            },
                        ),
                    )
                    if code != "formula.link":
                        add_rejected(
                            self.q, rows, col.header, values, code.replace(".", " "), "flagged"
                        )
            self.out[canon] = res.values
            if canon in REQUIRED[self.name]:
                empty = pc.is_null(res.values).to_numpy(zero_copy_only=False) & ~self.drop
                if empty.any():
                    self.bad_cells(canon, col, empty, "empty")


def _x(a: np.ndarray, index: np.ndarray | None) -> np.ndarray:
    """Per-distinct-value array expanded to rows (unchanged without a dictionary index)."""
    return a if index is None else a[index]


def _number_rows(
    col: RawColumn, decimal: str, thousands: str, file_dec: str | None
) -> parse.NumberResult:
    """parse_numbers, run once per distinct value when values repeat."""
    small, index = parse.dictionary_view(col)
    r = parse.parse_numbers(small, decimal, thousands, file_dec)
    if index is not None:
        r.values, r.bad = r.values[index], r.bad[index]
    return r


def _blank_rows(raw: RawTable) -> np.ndarray:
    """Rows where every cell is empty."""
    blank = np.ones(raw.n, dtype=bool)
    for col in raw.columns:
        blank &= pc.is_null(col.text).to_numpy(zero_copy_only=False)
        if col.kind is not None:
            blank &= col.kind == 0
    return blank


def _expected(
    mapping: dict[str, tuple[list[str], str]], status_cfg: dict[str, Any] | None
) -> set[str]:
    """The normalised headers the mapping looks for (to find the header row)."""
    expected = {norm(h) for cands, _ in mapping.values() for h in cands}
    if status_cfg:
        expected |= {norm(h) for h in status_cfg["column"]}
    return expected


def _first_look(raw: RawTable, q: TableQuality, file: str) -> tuple[list[str], np.ndarray]:
    """Record the reader's notes, headers and blank rows; return the headers and the blank mask."""
    for note in raw.notes:
        add_note(q, note)
    if raw.rejected:
        q.rejected.extend(raw.rejected)
        q.rejected_total += len(raw.rejected)
    headers = _dedupe_headers(raw, q)
    for col, h in zip(raw.columns, headers, strict=True):
        if not h and pc.any(pc.is_valid(col.text)).as_py():
            add_note(q, Note("noheader.column", {"letter": col.letter}))
    blank = _blank_rows(raw)
    q.rows_read = int((~blank).sum()) + len(raw.ragged_rows)
    if q.rows_read == 0:
        raise InputError(
            "has a header but no data rows.",
            file=file,
            row=raw.header_row,
            hint="Export the table again with its rows, or remove it from client.yaml.",
        )
    if blank.any():
        last = int(np.flatnonzero(~blank)[-1])
        inner = np.flatnonzero(blank[:last])
        if len(inner):
            add_note(
                q, Note("blank.rows", {"count": len(inner), **rows_param(raw.rows[inner])}, "info")
            )
    return headers, blank


def _status_column(
    raw: RawTable, headers: list[str], status_cfg: dict[str, Any] | None
) -> dict[str, Any]:
    """The preset's won/lost status column, parsed, when the file has one."""
    if not status_cfg:
        return {}
    wanted = {norm(s) for s in status_cfg["column"]}
    idx = next((headers.index(h) for h in headers if h and norm(h) in wanted), None)
    if idx is None:
        return {}
    col = raw.columns[idx]
    return {"status": (parse.parse_text(col).values, col.header, status_cfg)}


def _kept_frame(name: str, typer: _Typer, keep: np.ndarray, kept_idx: pa.Array) -> pd.DataFrame:
    """The typed columns of the kept rows, in canonical order, dates as datetime64[ns]."""
    data: dict[str, Any] = {}
    for canon in all_columns(name):
        if canon not in typer.out:
            continue
        v = typer.out[canon]
        data[canon] = v.take(kept_idx).to_pandas() if isinstance(v, pa.Array) else v[keep]
    df = pd.DataFrame(data)
    for canon in df.columns:
        if kind_of(canon) == "date":
            df[canon] = df[canon].astype("datetime64[ns]")
    return df


def load_raw(
    name: str, spec: TableSpec, cfg: ClientConfig, preset: dict[str, Any] | None
) -> Loaded:
    """Read, map and type one table; per-table checks (ids, negatives, future dates) included."""
    file = spec.path
    mapping = resolve_mapping(name, spec, preset)
    status_cfg = ((preset or {}).get("tables", {}).get(name) or {}).get("status")
    check_file(cfg.resolve(spec.path), file)
    raw = read_table(cfg.resolve(spec.path), spec, _expected(mapping, status_cfg), file)
    q = TableQuality(name=name, file=file)
    headers, blank = _first_look(raw, q, file)
    table_preset = ((preset or {}).get("tables", {}).get(name)) or {}
    other_events, note = history.event_filter(raw, headers, table_preset.get("filter"))
    if note is not None:
        other_events &= ~blank
        q.rows_read -= int(other_events.sum())
        add_note(q, note)
        blank = blank | other_events
    found = match_columns(name, spec, mapping, headers, file)
    cols = {c: raw.columns[i] for c, i in found.items()}
    typer = _Typer(name, spec, raw, q, preset)
    typer.drop |= blank
    typer.numbers({c: col for c, col in cols.items() if kind_of(c) == "number"})
    typer.dates({c: col for c, col in cols.items() if kind_of(c) == "date"})
    typer.texts({c: col for c, col in cols.items() if kind_of(c) == "text"})
    extra = _status_column(raw, headers, status_cfg)
    keep = ~typer.drop
    q.rows_rejected = int((typer.drop & ~blank).sum()) + len(raw.ragged_rows)
    if not keep.any():
        reasons = "; ".join(q.warnings) or "no reason recorded"
        raise InputError(
            f"no usable rows: every row was left out. Reasons: {reasons}",
            file=file,
            hint="Check the column mapping and the date and number formats of the required columns.",
        )
    kept_idx = pa.array(np.flatnonzero(keep))
    df = _kept_frame(name, typer, keep, kept_idx)
    if "status" in extra:
        arr, header, scfg = extra["status"]
        extra["status"] = (arr.take(kept_idx), header, scfg)
    headers_of = {c: raw.columns[i].header for c, i in found.items()}
    if table_preset.get("history_wide") and "deal_id" in typer.out:
        wide = _wide_history(
            spec, raw, headers, table_preset["history_wide"], typer.out["deal_id"], keep, preset
        )
        if wide is not None:
            extra["history_wide"] = wide
    loaded = Loaded(name, df, q, raw.rows[keep], headers_of, preset, extra)
    _dedupe_ids(loaded)
    _normalise_categories(loaded)
    _negatives(loaded)
    _future_dates(loaded, cfg)
    _close_before_create(loaded)
    main = MAIN_DATE.get(name)
    if main in loaded.df and loaded.df[main].notna().any():
        q.date_min, q.date_max = loaded.df[main].min(), loaded.df[main].max()
    return loaded


def _wide_history(
    spec: TableSpec,
    raw: RawTable,
    headers: list[str],
    patterns: list[str],
    deal_ids: pa.Array,
    keep: np.ndarray,
    preset: dict[str, Any] | None,
) -> Loaded | None:
    """The stage_history table held in a deals file's 'Date entered <stage>' columns (or None)."""
    stages = history.wide_columns(headers, patterns)
    if not stages:
        return None
    first = raw.columns[min(stages)].header
    hq = TableQuality(name="stage_history", file=f"{spec.path} → stage_history")
    typer = _Typer("stage_history", spec, raw, hq, preset)
    typer.dates({f"entered_at#{i}": raw.columns[i] for i in stages})
    dates = {i: np.where(keep, typer.out[f"entered_at#{i}"], np.datetime64("NaT")) for i in stages}
    df, rows = history.wide_frame(deal_ids, stages, dates, raw.rows)
    hq.rows_read = len(df)
    add_note(
        hq,
        Note(
            "history.wide",
            {"count": len(stages), "rows_total": len(df), "column": first},
            "info",
        ),
    )
    if len(df):
        hq.date_min, hq.date_max = df["entered_at"].min(), df["entered_at"].max()
    headers_of = {"deal_id": "deal_id", "stage": first, "entered_at": first}
    return Loaded("stage_history", df, hq, rows, headers_of, preset)


def check_file(path: Path, file: str) -> None:
    """A data path that is a folder or cannot be read is an InputError naming it."""
    if path.is_dir():
        raise InputError(
            "is a folder, not a data file.",
            file=file,
            hint="Give `path:` in client.yaml the file itself (a .csv, .tsv, .txt, .xlsx or .xls).",
        )
    if path.is_file() and not os.access(path, os.R_OK):
        raise InputError(
            "cannot be read (permission denied).",
            file=file,
            hint="Check the file's permissions, or copy it into the client's data folder.",
        )


# --------------------------------------------------------------------------- per-table checks


def keep_rows(loaded: Loaded, keep: np.ndarray) -> None:
    """Keep only the rows under mask (and their Excel row numbers)."""
    loaded.df = loaded.df.loc[keep].reset_index(drop=True)
    loaded.rows = loaded.rows[keep]
    if "status" in loaded.extra:
        arr, header, scfg = loaded.extra["status"]
        loaded.extra["status"] = (arr.filter(pa.array(keep)), header, scfg)


def _dedupe_ids(loaded: Loaded) -> None:
    """Duplicated ids: keep the first row of each, leave out and report the rest."""
    col = ID_COLUMN.get(loaded.name)
    if col is None or col not in loaded.df:
        return
    s = loaded.df[col]
    if pa.array(s, from_pandas=True).value_counts().__len__() == s.notna().sum() + int(
        s.isna().any()
    ):
        return  # every id distinct
    codes, _ = pd.factorize(s)
    dup = pd.Series(codes).duplicated(keep="first").to_numpy() & (codes >= 0)
    if not dup.any():
        return
    _, first_pos = np.unique(codes, return_index=True)
    first_of = np.full(codes.max() + 1, -1)
    uniq = np.unique(codes)
    first_of[uniq] = first_pos
    idx = np.flatnonzero(dup)
    rows = loaded.rows[idx]
    firsts = loaded.rows[first_of[codes[idx]]]
    header = loaded.headers[col]
    values = s.iloc[idx[:REJECTED_CAP]].tolist()
    q = loaded.q
    for r, v, f in zip(rows[:REJECTED_CAP], values, firsts[:REJECTED_CAP], strict=False):
        if len(q.rejected) < REJECTED_CAP:
            q.rejected.append(
                Rejected(int(r), header, str(v), f"duplicate of row {int(f)}", "rejected")
            )
    q.rejected_total += len(idx)
    add_note(
        q,
        Note(
            "dup.id",
            {
                "column": header,
                "count": len(idx),
                "value": values[0],
                "first": int(firsts[0]),
                **rows_param(rows),
            },
        ),
    )
    q.rows_rejected += len(idx)
    keep_rows(loaded, ~dup)


def _map_values(s: pd.Series, table: dict[str, str]) -> tuple[pd.Series, list[str], np.ndarray]:
    """Map a text column through a dict of normalised names; also the unknown names and their mask."""
    codes, uniques = pd.factorize(s)
    mapped = [table.get(norm(u)) for u in uniques]
    unknown = [str(u) for u, m in zip(uniques, mapped, strict=True) if m is None]
    arr = np.array(mapped + [None], dtype=object)[codes]
    bad_codes = np.array([m is None for m in mapped] + [False])
    return pd.Series(arr, index=s.index, dtype=object), unknown, bad_codes[codes]


def _note_unknown(loaded: Loaded, column: str, unknown: list[str], mask: np.ndarray) -> None:
    """Note the values of a category column that map to no canonical word, with their rows."""
    names = ", ".join(f"'{u}'" for u in unknown[:MAX_LISTED])
    params = {"column": loaded.headers[column], "names": names, **rows_param(loaded.rows[mask])}
    add_note(loaded.q, Note(f"{column}.unknown", params))


def _normalise_categories(loaded: Loaded) -> None:
    """Roles, client types and activity types to their canonical words."""
    df = loaded.df
    if loaded.name == "team" and "role" in df:
        table = {r: r for r in ROLES} | ROLE_SYNONYMS
        mapped, unknown, mask = _map_values(df["role"], table)
        if unknown:
            _note_unknown(loaded, "role", unknown, mask)
            mapped[mask] = "universal"
        df["role"] = pa.array(mapped, pa.string(), from_pandas=True).to_pandas()
    if "client_type" in df:
        words = ((loaded.preset or {}).get("client_type")) or {}
        table = dict(CLIENT_TYPES) | {norm(v): k for k, vs in words.items() for v in vs}
        mapped, unknown, mask = _map_values(df["client_type"], table)
        if unknown:
            _note_unknown(loaded, "client_type", unknown, mask)
        df["client_type"] = pa.array(mapped, pa.string(), from_pandas=True).to_pandas()
    if loaded.name == "activities" and "type" in df:
        low = df["type"].str.lower()
        df["type"] = low.map(lambda v: ACTIVITY_SYNONYMS.get(v, v) if isinstance(v, str) else v)


def _negatives(loaded: Loaded) -> None:
    """Negative amounts: refunds in sales (noted), flagged elsewhere."""
    if "amount" not in loaded.df:
        return
    amt = loaded.df["amount"].to_numpy()
    neg = np.nan_to_num(amt, nan=0.0) < 0
    if not neg.any():
        return
    rows = loaded.rows[neg]
    header = loaded.headers["amount"]
    if loaded.name in REFUNDS_ALLOWED:
        total = float(amt[neg].sum())
        add_note(
            loaded.q,
            Note(
                "neg.refunds",
                {
                    "column": header,
                    "count": int(neg.sum()),
                    "value": f"{total:,.2f}",
                    **rows_param(rows),
                },
                "info",
            ),
        )
        return
    values = [f"{v:g}" for v in amt[neg][:REJECTED_CAP]]
    add_rejected(loaded.q, rows, header, values, "negative amount", "flagged")
    loaded.q.rows_flagged += int(neg.sum())
    add_note(
        loaded.q,
        Note(
            "neg.flagged",
            {"column": header, "count": int(neg.sum()), "value": values[0], **rows_param(rows)},
        ),
    )


def _future_dates(loaded: Loaded, cfg: ClientConfig) -> None:
    """Dates after the audit date (when one is set) are flagged."""
    if cfg.as_of is None:
        return
    limit = np.datetime64(pd.Timestamp(cfg.as_of) + pd.Timedelta(days=1), "ns")
    for canon in loaded.df.columns:
        if kind_of(canon) != "date" or (loaded.name, canon) in FUTURE_ALLOWED:
            continue
        vals = loaded.df[canon].to_numpy(dtype="datetime64[ns]")
        late = ~np.isnat(vals) & (vals >= limit)
        if not late.any():
            continue
        rows = loaded.rows[late]
        header = loaded.headers[canon]
        shown = list(np.datetime_as_string(vals[late][:REJECTED_CAP], unit="D"))
        add_rejected(loaded.q, rows, header, shown, f"after the audit date {cfg.as_of}", "flagged")
        loaded.q.rows_flagged += int(late.sum())
        add_note(
            loaded.q,
            Note(
                "future",
                {
                    "column": header,
                    "count": int(late.sum()),
                    "as_of": str(cfg.as_of),
                    "value": shown[0],
                    **rows_param(rows),
                },
            ),
        )


def _close_before_create(loaded: Loaded) -> None:
    """Deals whose close date is before their creation date are flagged."""
    df = loaded.df
    if loaded.name != "deals" or "closed_at" not in df:
        return
    c, o = (
        df["created_at"].to_numpy(dtype="datetime64[ns]"),
        df["closed_at"].to_numpy(dtype="datetime64[ns]"),
    )
    bad = ~np.isnat(c) & ~np.isnat(o) & (o.astype("datetime64[D]") < c.astype("datetime64[D]"))
    if not bad.any():
        return
    rows = loaded.rows[bad]
    header = loaded.headers["closed_at"]
    shown = list(np.datetime_as_string(o[bad][:REJECTED_CAP], unit="D"))
    add_rejected(loaded.q, rows, header, shown, "closes before it was created", "flagged")
    loaded.q.rows_flagged += int(bad.sum())
    add_note(
        loaded.q,
        Note(
            "closed_before_created",
            {"count": int(bad.sum()), "value": shown[0], **rows_param(rows)},
        ),
    )
