"""Vectorised parsing of raw cells into numbers, dates and clean text (pyarrow compute + numpy).

Every decision (decimal mark, day/month order) is made for a whole column from its values
and returned with the evidence, so the loader can report it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from salesaudit.inputs.ingest.read import KIND_DATE, KIND_NUMBER, RawColumn

SPACES = r"[\s\x{00A0}\x{2007}\x{202F}\x{2009}]"
CURRENCY = r"(?i)(?:usd|eur|rub|rur|gbp|chf|kzt|uah|byn|руб(?:лей|ля|ль|\.)?|р\.|[$€£₽¥₸₴])"
HYPERLINK = r'^=\s*(?i:HYPERLINK|ГИПЕРССЫЛКА)\(\s*"([^"]*)"\s*(?:[;,]\s*"([^"]*)"\s*)?\)$'
# day-month-year / month-day-year / year-month-day, optional time and zone
DATE_RE = (
    r"^(?P<a>\d{1,4})(?P<s>[./\-])(?P<b>\d{1,2})[./\-](?P<c>\d{1,4})"
    r"(?:(?:[ T]+|,\s*)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?\s*(?P<ap>[AaPp]\.?[Mm]\.?)?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2})?$"
)
MONTH_RE = r"^(?:(?P<y1>\d{4})[./\-](?P<m1>\d{1,2})|(?P<m2>\d{1,2})[./\-](?P<y2>\d{4}))$"
SERIAL_RE = r"^\d{5}(?:[.,]\d+)?$"
RU_MONTHS = [
    ("янв", "Jan"),
    ("фев", "Feb"),
    ("мар", "Mar"),
    ("апр", "Apr"),
    ("ма[йя]", "May"),
    ("июн", "Jun"),
    ("июл", "Jul"),
    ("авг", "Aug"),
    ("сен", "Sep"),
    ("окт", "Oct"),
    ("ноя", "Nov"),
    ("дек", "Dec"),
]
EXCEL_EPOCH = np.datetime64("1899-12-30", "ns")
NS_PER_DAY = 86_400 * 10**9


def dictionary_view(col: RawColumn) -> tuple[RawColumn, np.ndarray | None]:
    """For a long CSV column with few distinct values: the distinct values and each row's index.

    Parsing the distinct values once and expanding with `values[index]` is what keeps
    10M-row payment files fast (dates and names repeat); unique-heavy columns are left as is.
    """
    n = len(col.text)
    if col.kind is not None or n < 50_000:
        return col, None
    probe = col.text.slice(0, 100_000)
    if pc.count_distinct(probe).as_py() > 0.3 * len(probe):
        return col, None
    enc = col.text.dictionary_encode()
    if len(enc.dictionary) > 0.3 * n:
        return col, None
    values = pa.concat_arrays([enc.dictionary, pa.array([None], pa.string())])
    index = pc.fill_null(enc.indices, len(enc.dictionary)).to_numpy(zero_copy_only=False)
    return RawColumn(col.header, col.letter, values), index


def _null_empty(a: pa.Array) -> pa.Array:
    """Empty strings become nulls."""
    return pc.if_else(pc.equal(a, ""), pa.scalar(None, pa.string()), a)


PLACEHOLDERS = r"(?i)^(?:-+|—|–|n/?a|#n/?a|#н/д|нет|null|none|не указан[оа]?)$"


def _text_cells(col: RawColumn) -> pa.Array:
    """Cells to parse as a date or number: the text cells, trimmed, with '-', 'n/a', 'нет' as empty."""
    text = (
        col.text
        if col.kind is None
        else pc.if_else(pa.array(col.kind == 0), col.text, pa.scalar(None, pa.string()))
    )
    text = pc.utf8_trim_whitespace(text)
    return pc.if_else(
        pc.fill_null(pc.match_substring_regex(text, PLACEHOLDERS), False),
        pa.scalar(None, pa.string()),
        text,
    )


def _first(mask: pa.Array | np.ndarray) -> int:
    """Index of the first true value (-1 when none)."""
    arr = (
        mask
        if isinstance(mask, np.ndarray)
        else pc.fill_null(mask, False).to_numpy(zero_copy_only=False)
    )
    hits = np.flatnonzero(arr)
    return int(hits[0]) if len(hits) else -1


# --------------------------------------------------------------------------- text


@dataclass
class TextResult:
    """Clean text, and what was changed on the way."""

    values: pa.Array
    links: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))  # HYPERLINK replaced
    formulas: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))  # other formulas kept
    scientific: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))  # 1.23E+15 ids


def parse_text(col: RawColumn, is_id: bool = False) -> TextResult:
    """Trim and collapse whitespace; replace HYPERLINK formulas by their shown text."""
    s = pc.replace_substring_regex(col.text, SPACES + "+", " ")
    s = _null_empty(pc.utf8_trim(s, " "))
    res = TextResult(s)
    eq = pc.fill_null(pc.starts_with(s, "="), False)
    if pc.any(eq).as_py():
        link = pc.fill_null(pc.match_substring_regex(s, HYPERLINK), False)
        shown = pc.replace_substring_regex(s, HYPERLINK, r"\2")
        url = pc.replace_substring_regex(s, HYPERLINK, r"\1")
        shown = pc.if_else(pc.equal(shown, ""), url, shown)
        res.values = pc.if_else(link, shown, s)
        res.links = link.to_numpy(zero_copy_only=False)
        res.formulas = pc.and_(eq, pc.invert(link)).to_numpy(zero_copy_only=False)
    if is_id:
        sci = pc.fill_null(pc.match_substring_regex(s, r"^\d[.,]\d+[eE]\+?\d+$"), False)
        if pc.any(sci).as_py():
            res.scientific = sci.to_numpy(zero_copy_only=False)
    return res


# --------------------------------------------------------------------------- numbers


@dataclass
class NumberResult:
    """Parsed numbers (NaN when empty or bad), the bad cells, and the decimal decision."""

    values: np.ndarray
    bad: np.ndarray
    decimal: str  # "." | "," | "whole" | "" (no text cells)
    how: str  # declared | seen | file | whole | none
    example: str = ""


_COMMA_EVIDENCE = r"^[+-]?\d*,\d{1,2}$|^[+-]?\d*,\d{4,}$|^[+-]?\d{1,3}(?:\.\d{3})+,\d*$|^[+-]?\d{1,3}(?:\.\d{3}){2,}$"
_DOT_EVIDENCE = r"^[+-]?\d*\.\d{1,2}$|^[+-]?\d*\.\d{4,}$|^[+-]?\d{1,3}(?:,\d{3})+\.\d*$|^[+-]?\d{1,3}(?:,\d{3}){2,}$"


def _clean_number_text(text: pa.Array, thousands: str) -> pa.Array:
    """Drop currency, spaces and apostrophes; normalise minus signs and accounting brackets."""
    if not pc.any(pc.match_substring_regex(text, r"[^0-9.,\-]")).as_py():
        return _null_empty(text)  # plain numbers: nothing to clean
    s = pc.replace_substring_regex(text, CURRENCY, "")
    drop = SPACES if thousands in ("auto", " ", "\u00a0", "", "none") else re.escape(thousands)
    if thousands in ("auto", "'", "’"):
        drop = f"(?:{SPACES}|['’])"
    s = pc.replace_substring_regex(s, drop, "")
    s = pc.replace_substring_regex(s, r"^[−–]", "-")
    s = pc.replace_substring_regex(s, r"^\((.+)\)$", r"-\1")
    s = pc.replace_substring_regex(s, r"^-\+|^\+", "")
    return _null_empty(s)


def decimal_evidence(s: pa.Array) -> tuple[int, int, str, str]:
    """Counts of values that prove a decimal comma and a decimal point, with an example of each."""
    comma = pc.fill_null(pc.match_substring_regex(s, _COMMA_EVIDENCE), False)
    dot = pc.fill_null(pc.match_substring_regex(s, _DOT_EVIDENCE), False)
    n_comma, n_dot = int(pc.sum(comma).as_py() or 0), int(pc.sum(dot).as_py() or 0)
    ex_c = s[_first(comma)].as_py() if n_comma else ""
    ex_d = s[_first(dot)].as_py() if n_dot else ""
    return n_comma, n_dot, ex_c, ex_d


def parse_numbers(
    col: RawColumn, decimal: str, thousands: str, file_decimal: str | None
) -> NumberResult:
    """Parse a column of amounts; decide its decimal mark from all its values unless declared."""
    raw = _text_cells(col)
    n = len(col.text)
    s = _clean_number_text(pc.utf8_trim_whitespace(raw), thousands)
    has_text = bool(pc.any(pc.is_valid(s)).as_py())
    how, example = "declared", ""
    if decimal != "auto":
        dec = decimal
    elif not has_text:
        dec, how = "", "none"
    else:
        n_comma, n_dot, ex_c, ex_d = decimal_evidence(s)
        if n_comma or n_dot:
            dec, how = ("," if n_comma >= n_dot else "."), "seen"
            example = ex_c if dec == "," else ex_d
        elif file_decimal in (",", "."):
            dec, how = file_decimal, "file"
        else:
            dec, how = "whole", "whole"
            first = _first(pc.fill_null(pc.match_substring_regex(s, r"[.,]"), False))
            example = s[first].as_py() if first >= 0 else ""
    values = np.full(n, np.nan)
    bad = np.zeros(n, dtype=bool)
    if has_text:
        if dec == "whole":
            valid = pc.match_substring_regex(s, r"^-?(?:\d{1,3}(?:[.,]\d{3})+|\d+)$")
            norm = pc.replace_substring_regex(s, r"[.,]", "")
        else:
            other = "." if dec == "," else ","
            group = (
                ""
                if thousands not in ("auto", other)
                else rf"\d{{1,3}}(?:{re.escape(other)}\d{{3}})+|"
            )
            valid = pc.match_substring_regex(s, rf"^-?(?:{group}\d*)(?:{re.escape(dec)}\d*)?$")
            valid = pc.and_(valid, pc.match_substring_regex(s, r"\d"))
            norm = pc.replace_substring(s, other, "") if group else s
            norm = pc.replace_substring(norm, dec, ".")
        valid = pc.fill_null(valid, False)
        parsed = pc.cast(pc.if_else(valid, norm, pa.scalar(None, pa.string())), pa.float64())
        values = parsed.to_numpy(zero_copy_only=False).astype(float)
        bad = pc.is_valid(s).to_numpy(zero_copy_only=False) & ~valid.to_numpy(zero_copy_only=False)
    if col.kind is not None:
        assert col.num is not None
        values = np.where(col.kind == KIND_NUMBER, col.num, values)
        bad = bad | (col.kind == KIND_DATE)
    return NumberResult(values, bad, dec, how, example)


# --------------------------------------------------------------------------- dates


@dataclass
class DateScan:
    """A date column taken apart into numbers, before the day/month order is decided."""

    n: int
    text: pa.Array  # trimmed text cells, null for non-text or empty
    matched: np.ndarray  # numeric d/m/y pattern
    a: np.ndarray
    b: np.ndarray
    c: np.ndarray
    secs: np.ndarray  # seconds since midnight (0 when no time)
    time_ok: np.ndarray
    ymd: np.ndarray  # year written first
    dots: float  # share of matched values written with dots
    dmy_only: np.ndarray  # values readable only day-first
    mdy_only: np.ndarray  # values readable only month-first
    tz: bool
    month: np.ndarray  # month-only values (YYYY-MM, MM.YYYY) as datetime64[ns]
    serial: np.ndarray  # Excel serial day numbers written as text
    kind: np.ndarray | None
    num: np.ndarray | None
    dt: np.ndarray | None

    @property
    def ambiguous(self) -> bool:
        """True when no value decides the day/month order."""
        return not self.dmy_only.any() and not self.mdy_only.any()

    @property
    def needs_order(self) -> bool:
        """True when some values are d/m or m/d (not year-first)."""
        return bool((self.matched & ~self.ymd).any())


def _ints(struct: pa.Array, name: str) -> np.ndarray:
    """A captured group as int64 (-1 when empty)."""
    g = _null_empty(pc.struct_field(struct, name))
    return pc.fill_null(pc.cast(g, pa.int64()), -1).to_numpy(zero_copy_only=False)


def _uniform(s: pa.Array) -> list[tuple[int, int]] | None:
    """Digit-group positions when every value has the first value's shape ('dd.dd.dddd dd:dd')."""
    valid = s.drop_null()
    if len(valid) < 1000:
        return None
    first = str(valid[0].as_py())
    shape = re.sub(r"\d", "d", first)
    groups = [(m.start(), m.end()) for m in re.finditer(r"d+", shape)]
    if len(groups) not in (3, 5, 6) or groups[0][0] != 0 or groups[-1][1] != len(shape):
        return None
    seps = [shape[groups[i][1] : groups[i + 1][0]] for i in range(len(groups) - 1)]
    if seps[0] not in (".", "/", "-") or seps[1] != seps[0]:
        return None
    if len(groups) > 3 and (seps[2] not in (" ", "T") or any(x != ":" for x in seps[3:])):
        return None
    pattern = "^" + "".join(r"\d" if ch == "d" else re.escape(ch) for ch in shape) + "$"
    if not pc.all(pc.match_substring_regex(valid, pattern)).as_py():
        return None
    return groups


def _slice_int(s: pa.Array, start: int, stop: int) -> np.ndarray:
    """Integer value of a fixed character range (-1 where null)."""
    part = pc.utf8_slice_codeunits(s, start, stop)
    return pc.fill_null(pc.cast(part, pa.int64()), -1).to_numpy(zero_copy_only=False)


def _scan_uniform(col: RawColumn, s: pa.Array, groups: list[tuple[int, int]]) -> DateScan:
    """scan_dates for a column written in one fixed shape: slicing instead of a regex per value."""
    n = len(s)
    matched = s.is_valid().to_numpy(zero_copy_only=False)
    a, b, c = (_slice_int(s, *g) for g in groups[:3])
    parts = [_slice_int(s, *g) for g in groups[3:]] + [np.zeros(n, np.int64)] * (6 - len(groups))
    hh, mm, ss = (np.maximum(p, 0) for p in parts)
    time_ok = (hh <= 23) & (mm <= 59) & (ss <= 59)
    ymd = matched & ((groups[0][1] - groups[0][0]) == 4)
    dm = matched & ~ymd
    dots = 1.0 if str(s.drop_null()[0].as_py())[groups[0][1]] == "." else 0.0
    return DateScan(
        n,
        s,
        matched,
        a,
        b,
        c,
        hh * 3600 + mm * 60 + ss,
        time_ok,
        ymd,
        dots,
        dm & (a > 12) & (a <= 31) & (b >= 1) & (b <= 12),
        dm & (b > 12) & (b <= 31) & (a >= 1) & (a <= 12),
        False,
        np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]"),
        np.full(n, np.nan),
        col.kind,
        col.num,
        col.dt,
    )


def scan_dates(col: RawColumn) -> DateScan:
    """Split every text date of the column into its numbers (one regex pass, vectorised)."""
    n = len(col.text)
    s = _null_empty(pc.utf8_trim_whitespace(_text_cells(col)))
    groups = _uniform(s)
    if groups is not None:
        return _scan_uniform(col, s, groups)
    ex = pc.extract_regex(s, DATE_RE)
    matched = ex.is_valid().to_numpy(zero_copy_only=False)
    a, b, c = _ints(ex, "a"), _ints(ex, "b"), _ints(ex, "c")
    hh, mm, ss = _ints(ex, "H"), _ints(ex, "M"), _ints(ex, "S")
    ap = pc.utf8_lower(pc.struct_field(ex, "ap"))
    pm = pc.fill_null(pc.starts_with(ap, "p"), False).to_numpy(zero_copy_only=False)
    am = pc.fill_null(pc.starts_with(ap, "a"), False).to_numpy(zero_copy_only=False)
    hh = np.where(hh < 0, 0, hh)
    time_ok = (hh <= 23) & (mm <= 59) & (ss <= 59) & (~(pm | am) | ((hh >= 1) & (hh <= 12)))
    hh = np.where(pm & (hh < 12), hh + 12, np.where(am & (hh == 12), 0, hh))
    secs = hh * 3600 + np.maximum(mm, 0) * 60 + np.maximum(ss, 0)
    alen = pc.fill_null(pc.utf8_length(pc.struct_field(ex, "a")), 0).to_numpy(zero_copy_only=False)
    ymd = matched & (alen == 4)
    dm = matched & ~ymd
    sep = pc.struct_field(ex, "s")
    n_dm = int(dm.sum())
    is_dot = pc.fill_null(pc.equal(sep, "."), False).to_numpy(zero_copy_only=False)
    dots = float((dm & is_dot).sum()) / n_dm if n_dm else 0.0
    dmy_only = dm & (a > 12) & (a <= 31) & (b >= 1) & (b <= 12)
    mdy_only = dm & (b > 12) & (b <= 31) & (a >= 1) & (a <= 12)
    tz = (
        bool(pc.any(pc.is_valid(_null_empty(pc.struct_field(ex, "tz")))).as_py())
        if matched.any()
        else False
    )
    month = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    serial = np.full(n, np.nan)
    rest = pc.and_(pc.is_valid(s), pa.array(~matched))
    if pc.any(rest).as_py():
        mex = pc.extract_regex(pc.if_else(rest, s, pa.scalar(None, pa.string())), MONTH_RE)
        mvalid = mex.is_valid().to_numpy(zero_copy_only=False)
        if mvalid.any():
            y = np.maximum(_ints(mex, "y1"), _ints(mex, "y2"))
            m = np.maximum(_ints(mex, "m1"), _ints(mex, "m2"))
            month = _assemble(
                np.where(mvalid, y, -1),
                np.where(mvalid, m, -1),
                np.ones(n, np.int64),
                np.zeros(n, np.int64),
            )
        smatch = pc.fill_null(pc.match_substring_regex(s, SERIAL_RE), False)
        if pc.any(smatch).as_py():
            sv = pc.cast(
                pc.replace_substring(pc.if_else(smatch, s, pa.scalar(None, pa.string())), ",", "."),
                pa.float64(),
            )
            serial = sv.to_numpy(zero_copy_only=False).astype(float)
    return DateScan(
        n,
        s,
        matched,
        a,
        b,
        c,
        secs,
        time_ok,
        ymd,
        dots,
        dmy_only,
        mdy_only,
        tz,
        month,
        serial,
        col.kind,
        col.num,
        col.dt,
    )


def _assemble(year: np.ndarray, month: np.ndarray, day: np.ndarray, secs: np.ndarray) -> np.ndarray:
    """datetime64[ns] from parts; NaT where the date does not exist (31.02, month 13)."""
    ok = (year >= 1) & (month >= 1) & (month <= 12) & (day >= 1) & (day <= 31)
    months = np.where(ok, (year - 1970) * 12 + (month - 1), 0).astype("timedelta64[M]")
    base = np.datetime64("1970-01", "M") + months
    days = base.astype("datetime64[D]") + np.where(ok, day - 1, 0).astype("timedelta64[D]")
    ok &= days.astype("datetime64[M]") == base
    out = days.astype("datetime64[ns]") + (secs.astype(np.int64) * 10**9).astype("timedelta64[ns]")
    return np.where(ok, out, np.datetime64("NaT"))


def serial_to_datetime(x: np.ndarray) -> np.ndarray:
    """Excel serial day numbers (1900 system) as datetime64[ns]; NaT outside 1954–2119."""
    ok = np.isfinite(x) & (x >= 20000) & (x <= 80000)
    ns = np.where(ok, np.round(np.where(ok, x, 0) * NS_PER_DAY), 0).astype(np.int64)
    return np.where(ok, EXCEL_EPOCH + ns.astype("timedelta64[ns]"), np.datetime64("NaT"))


@dataclass
class DateResult:
    """Parsed dates, the bad cells, and the cells that only fit the other day/month order."""

    values: np.ndarray
    bad: np.ndarray
    mismatch: np.ndarray
    serial_text: bool = False


def build_dates(scan: DateScan, order: str | None) -> DateResult:
    """Dates from a scan in the decided order ('dayfirst' / 'monthfirst'; None when not needed)."""
    dm = scan.matched & ~scan.ymd
    dayfirst = order != "monthfirst"
    day = np.where(scan.ymd, scan.c, np.where(dayfirst, scan.a, scan.b))
    month = np.where(scan.ymd, scan.b, np.where(dayfirst, scan.b, scan.a))
    year = np.where(scan.ymd, scan.a, scan.c)
    year = np.where(
        (year >= 0) & (year < 100) & dm, np.where(year < 70, 2000 + year, 1900 + year), year
    )
    ok = scan.matched & scan.time_ok
    values = _assemble(np.where(ok, year, -1), month, day, scan.secs)
    values = np.where(np.isnat(values), scan.month, values)
    serial_text = bool(np.isfinite(scan.serial).any())
    if serial_text:
        values = np.where(np.isnat(values), serial_to_datetime(scan.serial), values)
    mismatch = (scan.mdy_only if dayfirst else scan.dmy_only) & np.isnat(values)
    textual = scan.text.is_valid().to_numpy(zero_copy_only=False)
    left = textual & np.isnat(values) & ~mismatch
    if left.any():
        values = _fallback(scan.text, left, values, dayfirst)
    if scan.kind is not None:
        assert scan.dt is not None and scan.num is not None
        values = np.where(scan.kind == KIND_DATE, scan.dt, values)
        values = np.where(scan.kind == KIND_NUMBER, serial_to_datetime(scan.num), values)
        nonempty = textual | (scan.kind != 0)
    else:
        nonempty = textual
    bad = nonempty & np.isnat(values) & ~mismatch
    return DateResult(values, bad, mismatch, serial_text)


def _fallback(text: pa.Array, left: np.ndarray, values: np.ndarray, dayfirst: bool) -> np.ndarray:
    """Dates with month names ('31 янв 2024', 'Jan 31, 2024'): parsed once per distinct value."""
    idx = np.flatnonzero(left)
    uniq = pd.unique(
        pd.Series(text.take(pa.array(idx)).to_numpy(zero_copy_only=False), dtype=object)
    )
    if len(uniq) > 100_000:
        return values
    parsed: dict[str, np.datetime64] = {}
    for u in uniq:
        t = str(u)
        if not re.search(r"[A-Za-zА-Яа-яЁё]", t):
            continue
        for ru, en in RU_MONTHS:
            t = re.sub(rf"(?i)\b{ru}[а-яё]*\.?", en, t)
        try:
            ts = pd.to_datetime(t, dayfirst=dayfirst)
        except (ValueError, TypeError, OverflowError):
            continue
        if not pd.isna(ts):
            parsed[str(u)] = (
                pd.Timestamp(ts).tz_localize(None).to_datetime64().astype("datetime64[ns]")
            )
    if parsed:
        texts = text.take(pa.array(idx)).to_pylist()
        fill = np.array(
            [parsed.get(t, np.datetime64("NaT")) for t in texts], dtype="datetime64[ns]"
        )
        values = values.copy()
        values[idx] = fill
    return values


def parse_date_format(col: RawColumn, fmt: str) -> DateResult:
    """Dates with an explicit strptime format from client.yaml."""
    s = _null_empty(pc.utf8_trim_whitespace(_text_cells(col)))
    ser = pd.Series(s.to_numpy(zero_copy_only=False), dtype=object)
    values = pd.to_datetime(ser, format=fmt, errors="coerce").to_numpy(dtype="datetime64[ns]")
    textual = s.is_valid().to_numpy(zero_copy_only=False)
    nonempty = textual
    if col.kind is not None:
        assert col.dt is not None and col.num is not None
        values = np.where(col.kind == KIND_DATE, col.dt, values)
        values = np.where(col.kind == KIND_NUMBER, serial_to_datetime(col.num), values)
        nonempty = textual | (col.kind != 0)
    bad = nonempty & np.isnat(values)
    return DateResult(values, bad, np.zeros(len(values), bool))
