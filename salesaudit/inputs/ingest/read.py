"""Reading one client file into raw string columns, with Excel row numbers kept.

CSV/TSV go through pyarrow's multi-threaded CSV reader (transcoding cp1251 and friends on
the fly); Excel goes through openpyxl (.xlsx) or xlrd (.xls). Files are only ever opened
for reading.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from salesaudit.core.errors import InputError
from salesaudit.core.quality import Note, Rejected
from salesaudit.inputs.client import TableSpec
from salesaudit.inputs.ingest.detect import (
    DELIM_NAMES,
    detect_encoding,
    file_kind,
    find_header,
    records,
    sniff_delimiter,
)

TEXT_SUFFIXES = {".csv", ".tsv", ".txt", ".tab"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls"}
MAX_RAGGED = 1000
KIND_TEXT, KIND_NUMBER, KIND_DATE = 0, 1, 2
READ_LOG_ENV = "SALESAUDIT_READ_LOG"  # when set: a file that gets one line per data file parsed
_reads = [0]  # data files parsed by this process


def files_read() -> int:
    """How many data files this process has parsed (read_table calls) since the last reset."""
    return _reads[0]


def reset_reads() -> None:
    """Set the count of data files parsed back to zero."""
    _reads[0] = 0


def _count_read(path: Path) -> None:
    """Count one data file parsed; also log it to $SALESAUDIT_READ_LOG (for kernel processes)."""
    _reads[0] += 1
    log = os.environ.get(READ_LOG_ENV)
    if log:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\t{path}\n")


@dataclass
class RawColumn:
    """One column as read: its header, its letter, and its cells."""

    header: str
    letter: str
    text: pa.Array  # string cells as text (numbers and dates of Excel cells rendered), null = empty
    kind: np.ndarray | None = None  # Excel only: KIND_* per cell
    num: np.ndarray | None = None  # Excel only: value of number cells
    dt: np.ndarray | None = None  # Excel only: value of date cells (datetime64[ns])


@dataclass
class RawTable:
    """A file's header and data cells, with the Excel row number of every data row."""

    columns: list[RawColumn]
    rows: np.ndarray
    header_row: int
    notes: list[Note] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    ragged_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    @property
    def n(self) -> int:
        """Number of data rows."""
        return len(self.rows)


def column_letter(i: int) -> str:
    """Excel column letter of a 0-based column index (0 -> A, 26 -> AA)."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def read_table(path: Path, spec: TableSpec, expected: set[str], file: str) -> RawTable:
    """Read a CSV/TSV/XLSX/XLS file as raw cells; raise InputError when it cannot be used."""
    if not path.is_file():
        raise InputError(
            "file not found.",
            file=file,
            hint=f"Check `path:` in client.yaml (looked in {path.parent}).",
        )
    _count_read(path)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | EXCEL_SUFFIXES:
        raise InputError(
            f"unsupported file type '{suffix or path.name}'.",
            file=file,
            hint="Export the table as .csv, .tsv or .xlsx.",
        )
    with path.open("rb") as fh:
        head = fh.read(4096)
    if not head.strip(b" \t\r\n\xef\xbb\xbf"):
        raise InputError(
            "the file is empty.", file=file, hint="Export the table again with its data."
        )
    kind = file_kind(head)
    if kind == "html":
        raise InputError(
            "is a web page (HTML), not a spreadsheet, although it is named "
            f"'{path.name}' (Bitrix24's 'Export to Excel' writes such files).",
            file=file,
            hint="Open it in Excel and save it as .xlsx, or export the table as CSV.",
        )
    if kind == "pdf":
        raise InputError(
            "is a PDF document, not a table.", file=file, hint="Export the table as CSV or .xlsx."
        )
    notes: list[Note] = []
    if kind == "xlsx":
        if suffix not in (".xlsx", ".xlsm"):
            notes.append(Note("format.xlsx_in_csv", {}, "choice"))
        table = _read_xlsx(path, spec, expected, file)
    elif kind == "xls":
        table = _read_xls(path, spec, expected, file)
    else:
        if suffix in EXCEL_SUFFIXES:
            notes.append(Note("format.text_in_xls", {}, "choice"))
        table = _read_text(
            path.read_bytes(), spec, expected, file, prefer_tab=suffix in (".tsv", ".tab")
        )
    table.notes[:0] = notes
    return table


# --------------------------------------------------------------------------- text (CSV/TSV)


def _delimiter_of(spec: TableSpec) -> str | None:
    """The delimiter set in client.yaml, or None for auto."""
    d = spec.delimiter
    if d == "auto":
        return None
    return {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";"}.get(d, d)


def _read_text(
    data: bytes, spec: TableSpec, expected: set[str], file: str, prefer_tab: bool
) -> RawTable:
    """Read a delimited text file with pyarrow after deciding encoding, delimiter and header."""
    encoding, enc_note = detect_encoding(data, spec.encoding, file)
    if encoding.startswith("utf-16"):
        try:
            data = data.decode(encoding).lstrip("\ufeff").encode("utf-8")
        except UnicodeDecodeError as e:
            raise InputError(f"is not valid {encoding} at byte {e.start}.", file=file) from None
        arrow_enc = "utf-8"
    elif encoding == "utf-8-sig":
        data = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
        arrow_enc = "utf-8"
    else:
        arrow_enc = encoding
    cut = data[: 1 << 18]
    if len(data) > len(cut) and b"\n" in cut:
        cut = cut[: cut.rindex(b"\n") + 1]
    sample = cut.decode(arrow_enc, errors="replace")
    notes = [enc_note]
    delim = _delimiter_of(spec)
    if delim is None:
        delim, dnote = sniff_delimiter(sample, expected, prefer_tab)
    else:
        dnote = Note("delim.declared", {"delim": DELIM_NAMES.get(delim, repr(delim))}, "choice")
    notes.append(dnote)
    recs = records(sample, delim, 300)
    if len(data) > len(cut) and len(recs) > 2:
        recs = recs[:-1]
    idx, hnote = _header_index(recs, spec, expected, file)
    notes.append(hnote)
    if idx >= len(recs):
        raise InputError(
            "has no header row.", file=file, hint="Export the table again with its column names."
        )
    header = [c.strip() for c in recs[idx]]
    body = [r for r in recs[idx + 1 :] if any(c.strip() for c in r)]
    if body:
        widths = [len(r) for r in body]
        modal = max(set(widths), key=lambda w: (widths.count(w), w))
        if modal > len(header):
            header += [""] * (modal - len(header))
        elif modal < len(header) and not any(header[modal:]):
            header = header[:modal]
    names = [f"c{i}" for i in range(len(header))]
    table, ragged = _arrow_read(data, arrow_enc, delim, names, idx + 1, file)
    first = idx + 2  # Excel row of the first data line: the header is on row idx + 1
    total = table.num_rows + len(ragged)
    rows = np.arange(first, first + total, dtype=np.int64)
    rejected: list[Rejected] = []
    ragged_rows = np.zeros(0, dtype=np.int64)
    if ragged:
        lines = np.array([r[0] for r in ragged], dtype=np.int64)
        rows = rows[~np.isin(rows, lines)][: table.num_rows]
        ragged_rows = lines
        for line, fields, text in ragged:
            rejected.append(
                Rejected(
                    int(line), "", text[:200], f"has {fields} fields; the header has {len(header)}"
                )
            )
        notes.append(
            Note(
                "ragged",
                {
                    "count": len(ragged),
                    "rows": [int(x) for x in lines[:5]],
                    "rows_total": len(ragged),
                    "fields": len(header),
                    "value": ragged[0][2][:80],
                },
            )
        )
    columns = [
        RawColumn(header=h, letter=column_letter(i), text=table.column(i).combine_chunks())
        for i, h in enumerate(header)
    ]
    return RawTable(columns, rows, idx + 1, notes, rejected, ragged_rows)


def _header_index(
    recs: list[list[str]], spec: TableSpec, expected: set[str], file: str
) -> tuple[int, Note]:
    """0-based index of the header record, and a note saying how it was found."""
    if spec.header_row != "auto":
        row = int(spec.header_row)
        if row < 1:
            raise InputError("header_row must be 1 or more.", file=file)
        return row - 1, Note("header.declared", {"row": row}, "choice")
    idx = find_header(recs, expected)
    first_nonblank = next((i for i, r in enumerate(recs) if any(str(c).strip() for c in r)), 0)
    code = "header.title" if idx > first_nonblank else "header.first"
    return idx, Note(code, {"row": idx + 1}, "choice")


def _arrow_read(
    data: bytes, encoding: str, delim: str, names: list[str], skip: int, file: str
) -> tuple[pa.Table, list[tuple[int, int, str]]]:
    """Parse with pyarrow; rows with a wrong field count come back separately (line, fields, text)."""
    ragged: list[tuple[Any, int, str]] = []

    def on_invalid(row: Any) -> str:
        ragged.append((row.number, row.actual_columns, row.text))
        return "skip" if len(ragged) <= MAX_RAGGED else "error"

    def attempt(threads: bool) -> pa.Table:
        ragged.clear()
        return pacsv.read_csv(
            pa.BufferReader(data),
            read_options=pacsv.ReadOptions(
                encoding=encoding,
                column_names=names,
                skip_rows=skip,
                block_size=1 << 24,
                use_threads=threads,
            ),
            parse_options=pacsv.ParseOptions(
                delimiter=delim,
                quote_char='"',
                newlines_in_values=b'"' in data,
                ignore_empty_lines=False,
                invalid_row_handler=on_invalid,
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                null_values=[""],
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
            ),
        )

    try:
        table = attempt(True)
        if ragged and any(r[0] is None for r in ragged):
            table = attempt(False)  # single-threaded parsing knows the line numbers
    except (pa.ArrowInvalid, UnicodeDecodeError) as e:
        if len(ragged) > MAX_RAGGED:
            raise InputError(
                f"most rows do not split into the {len(names)} columns of the header "
                f"with delimiter {DELIM_NAMES.get(delim, repr(delim))}.",
                file=file,
                hint="Set `delimiter:` for this table in client.yaml (';', ',' or tab).",
            ) from None
        raise InputError(
            f"cannot be read as a {DELIM_NAMES.get(delim, repr(delim))}-delimited table ({e}).",
            file=file,
            hint="Check the quotes in the file, or set `delimiter:` and `encoding:` in client.yaml.",
        ) from None
    return table, [(int(r[0]), r[1], r[2]) for r in ragged]


# --------------------------------------------------------------------------- Excel


def _pick_sheet(names: list[str], sheet: int | str, file: str) -> int:
    """Index of the sheet asked for (by 0-based index or by name, case-insensitive)."""
    if isinstance(sheet, int):
        if 0 <= sheet < len(names):
            return sheet
        raise InputError(
            f"has no sheet number {sheet} (sheets are counted from 0; it has {len(names)}: "
            f"{', '.join(names)}).",
            file=file,
            hint="Set `sheet:` in client.yaml to a sheet name or number.",
        )
    for i, n in enumerate(names):
        if n.strip().casefold() == str(sheet).strip().casefold():
            return i
    close = difflib.get_close_matches(str(sheet), names, 1)
    raise InputError(
        f"has no sheet named '{sheet}'"
        + (f" (closest: '{close[0]}')" if close else "")
        + f"; its sheets are: {', '.join(names)}.",
        file=file,
        hint="Set `sheet:` in client.yaml to one of those names, or to a number (0 = first).",
    )


def _has_formulas(path: Path) -> bool:
    """True when any worksheet of the .xlsx stores a formula."""
    try:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    with z.open(name) as fh:
                        while chunk := fh.read(1 << 20):
                            if b"<f>" in chunk or b"<f " in chunk:
                                return True
    except (zipfile.BadZipFile, OSError):
        return False
    return False


def _read_xlsx(path: Path, spec: TableSpec, expected: set[str], file: str) -> RawTable:
    """Read an .xlsx sheet; formula cells give their shown value, or the formula if none cached."""
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # noqa: BLE001 - any failure here is the client's file
        raise InputError(
            f"cannot be opened as an Excel workbook ({type(e).__name__}: {e}).",
            file=file,
            hint="Open it in Excel and save it again as .xlsx, or export CSV.",
        ) from None
    try:
        i = _pick_sheet(wb.sheetnames, spec.sheet, file)
        ws = wb.worksheets[i]
        grid = [list(r) for r in ws.iter_rows(min_row=1, min_col=1, values_only=True)]
    finally:
        wb.close()
    if _has_formulas(path):
        wbf = openpyxl.load_workbook(path, read_only=True, data_only=False)
        try:
            for r, row in enumerate(
                wbf.worksheets[i].iter_rows(min_row=1, min_col=1, values_only=True)
            ):
                if r >= len(grid):
                    break
                for c, v in enumerate(row):
                    if (
                        isinstance(v, str)
                        and v.startswith("=")
                        and c < len(grid[r])
                        and grid[r][c] is None
                    ):
                        grid[r][c] = v
        finally:
            wbf.close()
    note = Note("sheet", {"sheet": wb.sheetnames[i]}, "choice")
    return _grid_table(grid, spec, expected, file, note)


def _read_xls(path: Path, spec: TableSpec, expected: set[str], file: str) -> RawTable:
    """Read a legacy .xls sheet with xlrd."""
    try:
        import xlrd
    except ImportError:  # pragma: no cover - xlrd is a dependency
        raise InputError(
            "is an old-style .xls workbook and xlrd is not installed.",
            file=file,
            hint="Save it as .xlsx in Excel, or `pip install xlrd`.",
        ) from None
    try:
        book = xlrd.open_workbook(str(path), on_demand=True)
    except Exception as e:  # noqa: BLE001
        raise InputError(
            f"cannot be opened as an .xls workbook ({e}).",
            file=file,
            hint="Open it in Excel and save it again as .xlsx.",
        ) from None
    try:
        i = _pick_sheet(book.sheet_names(), spec.sheet, file)
        sh = book.sheet_by_index(i)
        grid: list[list[Any]] = []
        for r in range(sh.nrows):
            row: list[Any] = []
            for t, v in zip(sh.row_types(r), sh.row_values(r), strict=False):
                if t == xlrd.XL_CELL_DATE:
                    try:
                        row.append(xlrd.xldate.xldate_as_datetime(v, book.datemode))
                    except Exception:  # noqa: BLE001 - out-of-range date cell
                        row.append(v)
                elif t in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    row.append(None)
                elif t == xlrd.XL_CELL_ERROR:
                    row.append(xlrd.error_text_from_code.get(v, "#ERROR"))
                else:
                    row.append(v)
            grid.append(row)
        name = book.sheet_names()[i]
    finally:
        book.release_resources()
    return _grid_table(grid, spec, expected, file, Note("sheet", {"sheet": name}, "choice"))


def _cell_text(v: Any) -> str | None:
    """A cell as text: numbers without a spurious '.0', dates as ISO, blanks as None."""
    if v is None:
        return None
    if isinstance(v, str):
        s = v.strip()
        return s or None
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
    if isinstance(v, dt.datetime):
        return v.isoformat(sep=" ") if (v.hour or v.minute or v.second) else v.date().isoformat()
    if isinstance(v, dt.date | dt.time):
        return v.isoformat()
    return str(v)


def _grid_table(
    grid: list[list[Any]], spec: TableSpec, expected: set[str], file: str, sheet_note: Note
) -> RawTable:
    """Turn a sheet's cells into a RawTable: header found, trailing blanks trimmed, cells typed."""

    def blank(v: Any) -> bool:
        return v is None or (isinstance(v, str) and not v.strip())

    last_row = max((r for r, row in enumerate(grid) if not all(blank(v) for v in row)), default=-1)
    grid = grid[: last_row + 1]
    if not grid:
        raise InputError(
            f"the sheet '{sheet_note.params['sheet']}' is empty.",
            file=file,
            hint="Check `sheet:` in client.yaml, or export the table again.",
        )
    width = (
        max(
            (max((c for c, v in enumerate(row) if not blank(v)), default=-1) for row in grid),
            default=-1,
        )
        + 1
    )
    head = [[_cell_text(v) or "" for v in row[:width]] for row in grid[:30]]
    idx, hnote = _header_index(head, spec, expected, file)
    if idx >= len(grid):
        raise InputError(
            f"has no row {idx + 1}.", file=file, hint="Check `header_row:` in client.yaml."
        )
    header = [(_cell_text(v) or "") for v in (grid[idx] + [None] * width)[:width]]
    body = grid[idx + 1 :]
    n = len(body)
    rows = np.arange(idx + 2, idx + 2 + n, dtype=np.int64)
    columns: list[RawColumn] = []
    for c, h in enumerate(header):
        cells = [row[c] if c < len(row) else None for row in body]
        kind = np.zeros(n, dtype=np.uint8)
        num = np.full(n, np.nan)
        dts = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
        texts: list[str | None] = []
        for r, v in enumerate(cells):
            if isinstance(v, bool):
                pass
            elif isinstance(v, int | float):
                kind[r] = KIND_NUMBER
                num[r] = float(v)
            elif isinstance(v, dt.datetime | dt.date) and not isinstance(v, dt.time):
                kind[r] = KIND_DATE
                dts[r] = np.datetime64(v, "ns")
            texts.append(_cell_text(v))
        columns.append(
            RawColumn(
                header=h,
                letter=column_letter(c),
                text=pa.array(texts, pa.string()),
                kind=kind,
                num=num,
                dt=dts,
            )
        )
    return RawTable(columns, rows, idx + 1, [sheet_note, hnote])
