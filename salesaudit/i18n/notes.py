"""Data-quality messages in English and Russian: choices made while reading, and warnings.

Notes are stored as a code plus values (`salesaudit.core.quality.Note`) and rendered here from the
catalogue (`note.<code>`) in the report language; the English rendering is also kept in
`TableQuality.warnings/choices`.
"""

from __future__ import annotations

from typing import Any

from salesaudit.core.quality import Note
from salesaudit.i18n import CATALOGUE, expand_plurals, has, t

MAX_LISTED = 5  # rows or values named in one message; the rest become "and N more"


def fmt_rows(rows: list[int], total: int, lang: str) -> str:
    """'row 5' / 'rows 2, 5, 7 and 12 more' (ru: 'строка 5' / 'строки 2, 5, 7 и ещё 12')."""
    shown = ", ".join(str(r) for r in rows[:MAX_LISTED])
    more = total - min(len(rows), MAX_LISTED)
    if lang == "ru":
        head = "строка" if total == 1 else "строки"
        return f"{head} {shown}" + (f" и ещё {more}" if more > 0 else "")
    head = "row" if total == 1 else "rows"
    return f"{head} {shown}" + (f" and {more} more" if more > 0 else "")


def render(note: Note, lang: str = "en") -> str:
    """The note as one sentence in the given language."""
    params: dict[str, Any] = dict(note.params)
    if "rows" in params:
        params["rows"] = fmt_rows(
            list(params["rows"]), int(params.get("rows_total", len(params["rows"]))), lang
        )
    if "order" in params:
        params["order"] = render(Note(f"order.{params['order']}"), lang)
    reason = params.get("reason_code")
    if reason and has(f"reject.{reason}"):
        params["reason"] = t(f"reject.{reason}", lang)
        params["todo"] = t(f"reject.{reason}.todo", lang)
    params.setdefault("todo", "")
    text = CATALOGUE[lang if lang in CATALOGUE else "en"][f"note.{note.code}"]
    text = expand_plurals(text, lang, params)
    return text.format_map(_Default(params)).replace(" .", ".").strip()


def reason_words(code: str, lang: str = "en") -> tuple[str, str]:
    """A rejection reason and what to do about it, in the given language."""
    return t(f"reject.{code}", lang), t(f"reject.{code}.todo", lang)


class _Default(dict[str, Any]):
    """format_map helper: a missing key renders as an empty string."""

    def __missing__(self, key: str) -> str:
        return ""
