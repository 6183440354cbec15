"""Deciding how a file is written: its kind, encoding, delimiter and header row."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter

import numpy as np

from salesaudit.core.errors import InputError
from salesaudit.core.quality import Note

_CHUNK = 1 << 24
_NUMERICISH = re.compile(r"^[\d\s.,:/\-+%()]*$")
DELIMITERS = (";", ",", "\t", "|")
DELIM_NAMES = {";": "';'", ",": "','", "\t": "tab", "|": "'|'"}


def norm(text: object) -> str:
    """A header or name as compared: whitespace collapsed, trimmed, case-folded."""
    return " ".join(str(text).replace("\ufeff", "").split()).casefold()


def file_kind(head: bytes) -> str:
    """What the first bytes say the file is: xlsx, xls, html, pdf, or text."""
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "xls"
    if head.startswith(b"%PDF"):
        return "pdf"
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml", b"<meta")):
        return "html"
    return "text"


def line_of(data: bytes, offset: int) -> int:
    """1-based line number of a byte offset."""
    return data.count(b"\n", 0, offset) + 1


def _first_invalid(data: bytes, encoding: str) -> int | None:
    """Offset of the first byte that does not decode strictly, or None if all of it does."""
    dec = codecs.getincrementaldecoder(encoding)("strict")
    for start in range(0, len(data), _CHUNK):
        try:
            dec.decode(data[start : start + _CHUNK], final=start + _CHUNK >= len(data))
        except UnicodeDecodeError as e:
            return start + e.start
    return None


def _single_byte_guess(data: bytes) -> str:
    """cp1251 when non-ASCII bytes come in runs (Cyrillic words), else cp1252."""
    arr = np.frombuffer(data[: 1 << 22], dtype=np.uint8)
    hi = arr >= 0x80
    if not hi.any():
        return "cp1252"
    neighbour = np.zeros_like(hi)
    neighbour[1:] |= hi[:-1]
    neighbour[:-1] |= hi[1:]
    share = float((hi & neighbour).sum()) / float(hi.sum())
    return "cp1251" if share >= 0.5 else "cp1252"


def _utf16_without_bom(data: bytes) -> str | None:
    """utf-16-le/-be when every other byte of the start is zero."""
    head = data[:4000]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _check_binary(data: bytes, file: str) -> None:
    """Refuse bytes that are not text (NUL bytes, many control characters)."""
    head = data[:65536]
    controls = sum(head.count(bytes([c])) for c in range(32) if c not in (9, 10, 12, 13))
    if b"\x00" in head or controls > 0.02 * len(head):
        raise InputError(
            "is not a text table: it holds binary data.",
            file=file,
            hint="Export the table from the CRM again as CSV or Excel (.xlsx).",
        )


def utf8_cyrillic_run(data: bytes) -> int | None:
    """Offset of the first run of three UTF-8 Cyrillic letters (never seen in cp1251 text)."""
    step = 1 << 24
    for start in range(0, len(data), step):
        a = np.frombuffer(data[start : start + step + 6], dtype=np.uint8)
        if len(a) < 6:
            break
        pair = ((a[:-1] == 0xD0) | (a[:-1] == 0xD1)) & ((a[1:] & 0xC0) == 0x80)
        run = pair[:-4] & pair[2:-2] & pair[4:]
        hits = np.flatnonzero(run)
        if len(hits):
            return start + int(hits[0])
    return None


def _mixed(data: bytes, bad_at: int, file: str) -> None:
    """Raise if a non-UTF-8 file also holds UTF-8 Cyrillic text (two encodings in one file)."""
    at = utf8_cyrillic_run(data)
    if at is None:
        return
    good_row, bad_row = line_of(data, at), line_of(data, bad_at)
    raise InputError(
        f"mixes two encodings: row {good_row} is UTF-8 but row {bad_row} is not "
        f"(it looks like {_single_byte_guess(data[bad_at - 200 if bad_at > 200 else 0 : bad_at + 2000])}).",
        file=file,
        row=bad_row,
        hint="The file was probably pasted together from two exports: export the whole table "
        "again in one go (CSV UTF-8), or re-save it in one encoding.",
    )


def detect_encoding(data: bytes, declared: str, file: str) -> tuple[str, Note]:
    """The Python codec that reads the bytes, and a note saying why it was chosen."""
    if data.startswith(codecs.BOM_UTF8):
        bad = _first_invalid(data, "utf-8")
        if bad is not None:
            raise InputError(
                "mixes encodings: it starts with a UTF-8 byte-order mark, but row "
                f"{line_of(data, bad)} is not UTF-8 (it looks like "
                f"{_single_byte_guess(data[bad : bad + 2000])}).",
                file=file,
                row=line_of(data, bad),
                hint="Open it in a text editor (or Excel) and save it again as 'CSV UTF-8', "
                "or export the table from the CRM again in one go.",
            )
        return "utf-8-sig", Note("enc.bom", {"enc": "UTF-8"}, "choice")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", Note("enc.bom", {"enc": "UTF-16"}, "choice")
    u16 = _utf16_without_bom(data)
    if u16:
        return u16, Note("enc.utf16", {"enc": u16.upper()}, "choice")
    _check_binary(data, file)
    if declared != "auto":
        return _check_declared(data, declared, file)
    bad = _first_invalid(data, "utf-8")
    if bad is None:
        if data.isascii():
            return "utf-8", Note("enc.ascii", {}, "choice")
        return "utf-8", Note("enc.utf8", {}, "choice")
    _mixed(data, bad, file)
    guess = _single_byte_guess(data)
    return guess, Note(f"enc.{guess}", {}, "choice")


def _check_declared(data: bytes, declared: str, file: str) -> tuple[str, Note]:
    """Check the encoding set in client.yaml against the bytes; refuse a clear mismatch."""
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        raise InputError(
            f"unknown encoding '{declared}' in client.yaml.",
            file=file,
            hint="Use auto, utf-8, utf-8-sig, cp1251 or utf-16.",
        ) from None
    if (
        not name.startswith(("utf", "ascii"))
        and not data.isascii()
        and _first_invalid(data, "utf-8") is None
    ):
        m = re.search(rb"[\x80-\xff]+", data)
        start = m.start() if m else 0
        shown = data[start : start + 12].decode(name, errors="replace")
        raise InputError(
            f"is set to encoding '{declared}' in client.yaml, but the file is UTF-8: its text "
            f"would read as '{shown}'.",
            file=file,
            row=line_of(data, start),
            hint="Set `encoding: auto` (or utf-8) for this table in client.yaml.",
        )
    bad = _first_invalid(data, name)
    if bad is not None:
        row = line_of(data, bad)
        guess = _single_byte_guess(data) if _first_invalid(data, "utf-8") is not None else "utf-8"
        snippet = (
            data[max(0, bad - 10) : bad + 10].decode(guess, errors="replace").replace("\n", " ")
        )
        raise InputError(
            f"is set to encoding '{declared}' in client.yaml, but byte {bad} (near '{snippet}') "
            f"is not {declared}; the file looks like {guess}.",
            file=file,
            row=row,
            hint=f"Set `encoding: {guess}` (or `encoding: auto`) for this table in client.yaml.",
        )
    return name, Note("enc.declared", {"enc": declared}, "choice")


def records(sample: str, delimiter: str, limit: int = 200) -> list[list[str]]:
    """Parse the start of a decoded file into records (quotes respected), at most `limit`."""
    out: list[list[str]] = []
    reader = csv.reader(io.StringIO(sample), delimiter=delimiter)
    try:
        for rec in reader:
            out.append(rec)
            if len(out) >= limit:
                break
    except csv.Error:
        pass
    return out


def sniff_delimiter(sample: str, expected: set[str], prefer_tab: bool) -> tuple[str, Note]:
    """Pick the delimiter that splits lines consistently and, best, into the expected headers."""
    order = ("\t",) + tuple(d for d in DELIMITERS if d != "\t") if prefer_tab else DELIMITERS
    best: tuple[tuple[float, ...], str, int, int] | None = None
    for d in order:
        recs = [r for r in records(sample, d) if any(c.strip() for c in r)]
        if len(recs) > 2 and not sample.endswith("\n"):
            recs = recs[:-1]  # the sample may cut the last record short
        if not recs:
            continue
        counts = Counter(len(r) for r in recs)
        modal, n_modal = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        found = max(sum(norm(c) in expected for c in r) for r in recs[:30])
        score = (float(found), float(modal > 1), n_modal / len(recs), float(modal))
        if best is None or score > best[0]:
            best = (score, d, found, modal)
    if best is None or best[3] <= 1:
        unused = next((c for c in ("\t", "|", "\x1f") if c not in sample), "\x1f")
        return unused, Note("delim.none", {}, "choice")
    _, d, found, modal = best
    if found:
        return d, Note("delim.names", {"delim": DELIM_NAMES[d]}, "choice")
    return d, Note("delim.count", {"delim": DELIM_NAMES[d], "fields": modal}, "choice")


def find_header(recs: list[list[str]], expected: set[str]) -> int:
    """0-based index of the header among the first records (title rows above are skipped)."""
    head = recs[:30]
    if not head:
        return 0
    matched = [sum(norm(c) in expected for c in r) for r in head]
    if max(matched) >= 1:
        return matched.index(max(matched))
    widths = [sum(bool(str(c).strip()) for c in r) for r in head]
    need = max(1, int(np.ceil(0.6 * max(widths))))
    for i, r in enumerate(head):
        cells = [str(c).strip() for c in r if str(c).strip()]
        texty = sum(not _NUMERICISH.match(c) for c in cells)
        if widths[i] >= need and texty >= max(1, len(cells) // 2):
            return i
    return next((i for i, w in enumerate(widths) if w), 0)
