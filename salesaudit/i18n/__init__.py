"""The message catalogue (one module per language, loaded eagerly) and formatting in the report language."""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
from typing import Any

import pandas as pd
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from salesaudit.i18n import en, ru

LANGS = ("en", "ru")
NBSP = "\u00a0"

# CLDR date patterns per report language (ISO in English reports, the Russian business form)
DATE_PATTERN = {"en": "yyyy-MM-dd", "ru": "dd.MM.yyyy"}
MONTH_PATTERN = {"en": "yyyy-MM", "ru": "MM.yyyy"}

CATALOGUE: dict[str, dict[str, str]] = {"en": en.MESSAGES, "ru": ru.MESSAGES}


# `{n, plural, one {# deal} other {# deals}}`: CLDR plural categories (Babel), `#` = the number
_PLURAL = re.compile(r"\{(\w+), plural,((?:\s*(?:zero|one|two|few|many|other) \{[^{}]*\})+)\s*\}")
_BRANCH = re.compile(r"(zero|one|two|few|many|other) \{([^{}]*)\}")


def _locale(lang: str) -> str:
    """The Babel locale of a report language (English for an unknown one)."""
    return lang if lang in LANGS else "en"


def plural(n: float, lang: str, forms: dict[str, str]) -> str:
    """The form of a word for n by the language's CLDR plural rules ('other' when absent)."""
    category = Locale.parse(lang if lang in LANGS else "en").plural_form(abs(n))
    return forms.get(category, forms.get("other", ""))


def expand_plurals(text: str, lang: str, kwargs: dict[str, Any]) -> str:
    """Replace each plural block by the branch that the number in kwargs selects."""

    def one(m: re.Match[str]) -> str:
        n = kwargs.get(m.group(1))
        forms = dict(_BRANCH.findall(m.group(2)))
        if not isinstance(n, numbers.Real) or isinstance(n, bool):  # no number: the plain form
            return forms.get("other", "").replace("#", "" if n is None else str(n))
        v = float(n)
        decimals = 0 if v.is_integer() else 1
        return plural(v, lang, forms).replace("#", fmt_num(v, lang, decimals))

    return _PLURAL.sub(one, text)


def t(key: str, lang: str, /, **kwargs: Any) -> str:
    """Return the catalogue text for key in lang, formatted with kwargs (plural blocks resolved)."""
    messages = CATALOGUE.get(lang, CATALOGUE["en"])
    text = messages.get(key)
    if text is None:
        raise KeyError(f"no message '{key}' in the {lang} catalogue")
    if "plural," in text:
        text = expand_plurals(text, lang, kwargs)
    return text.format(**kwargs) if kwargs else text


def has(key: str) -> bool:
    """Whether the catalogue holds a message under key."""
    return key in CATALOGUE["en"]


def keys() -> set[str]:
    """Every message key of the catalogue."""
    return set(CATALOGUE["en"])


def _is_missing(x: Any) -> bool:
    """True for None, NaN and NaT."""
    if x is None:
        return True
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def fmt_num(x: float | int | None, lang: str, decimals: int = 0) -> str:
    """Format a number by the language's CLDR symbols: en `1,234,567.8`, ru `1 234 567,8`."""
    if _is_missing(x) or (isinstance(x, float) and math.isinf(x)):
        return "—"
    v = round(float(x), decimals) + 0.0  # type: ignore[arg-type]  # + 0.0: no negative zero
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    s = format_decimal(
        v, format=pattern, locale=lang if lang in LANGS else "en", decimal_quantization=True
    )
    s = s.replace("\u202f", NBSP)  # one no-break space whatever the CLDR version uses
    return "−" + s[1:] if s.startswith("-") else s


def fmt_pct(x: float | None, lang: str, decimals: int = 0) -> str:
    """Format a share 0..1 as a percentage in the report language."""
    if _is_missing(x):
        return "—"
    return fmt_num(float(x) * 100, lang, decimals) + ("%" if lang == "en" else NBSP + "%")  # type: ignore[arg-type]


def fmt_money(x: float | None, lang: str, currency: str = "", digits: int = 1) -> str:
    """Format an amount compactly: 12.3 M / 12,3 млн (`digits` decimals), with the currency."""
    if _is_missing(x):
        return "—"
    v = float(x)  # type: ignore[arg-type]
    units = {
        "en": [(1e9, " bn"), (1e6, " M"), (1e3, " k")],
        "ru": [(1e9, " млрд"), (1e6, " млн"), (1e3, " тыс.")],
    }
    for scale, suffix in units["ru" if lang == "ru" else "en"]:
        if abs(v) >= scale:
            body = fmt_num(v / scale, lang, digits) + suffix.replace(" ", NBSP)
            break
    else:
        body = fmt_num(v, lang, 0)
    return f"{body}{NBSP}{currency}" if currency else body


def fmt_date(d: dt.date | pd.Timestamp | str | None, lang: str) -> str:
    """Format a date: en `2026-12-31`, ru `31.12.2026`."""
    if _is_missing(d):
        return "—"
    ts = pd.Timestamp(d)  # type: ignore[arg-type]
    return format_date(ts.date(), DATE_PATTERN.get(lang, DATE_PATTERN["en"]), locale=_locale(lang))


def fmt_month(d: dt.date | pd.Timestamp | str | pd.Period, lang: str) -> str:
    """Format a month: en `2026-12`, ru `12.2026`."""
    ts = d.to_timestamp() if isinstance(d, pd.Period) else pd.Timestamp(d)  # type: ignore[arg-type]
    return format_date(
        ts.date(), MONTH_PATTERN.get(lang, MONTH_PATTERN["en"]), locale=_locale(lang)
    )


def plotly_separators(lang: str) -> str:
    """Plotly `layout.separators` for the language (decimal then thousands)."""
    return ", " if lang == "ru" else ".,"
