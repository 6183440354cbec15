"""Labels for keys in a report: the catalogue's label for a canonical key, else the value as written."""

from __future__ import annotations

from collections.abc import Iterable

from salesaudit.i18n import has, t


def keyed(prefix: str, value: object, lang: str) -> str:
    """The label `prefix.<value>` in lang when the catalogue has one; the client's value otherwise."""
    key = f"{prefix}.{str(value).strip().casefold()}"
    return t(key, lang) if has(key) else str(value)


def keyed_list(prefix: str, values: Iterable[object], lang: str, sep: str = ", ") -> str:
    """Several keyed labels joined by sep."""
    return sep.join(keyed(prefix, v, lang) for v in values)
