"""Labels for keys in a report: the catalogue's label for a canonical key, else the value as written."""

from __future__ import annotations

from collections.abc import Iterable

from salesaudit.i18n import has, t


def keyed(prefix: str, value: object, lang: str) -> str:
    """The label `prefix.<value>` in lang when the catalogue has one; the client's value otherwise."""
    key = f"{prefix}.{str(value).strip().casefold()}"
    return t(key, lang) if has(key) else str(value)


def mid_sentence(label: str, lang: str) -> str:
    """A label placed inside a Russian sentence starts lower-case (only its first letter)."""
    return label[:1].lower() + label[1:] if lang == "ru" and label[1:2].islower() else label


def source_label(source: str, lang: str) -> str:
    """Where a figure comes from, in lang: a methodology section, salesaudit's default, or as written."""
    section = source.removeprefix("METHODOLOGY").strip()
    if section.startswith("§"):
        return t("source.methodology", lang, section=section)
    if source == "default":
        return t("source.default", lang)
    return t(source, lang) if has(source) else source


def keyed_list(prefix: str, values: Iterable[object], lang: str, sep: str = ", ") -> str:
    """Several keyed labels joined by sep."""
    return sep.join(keyed(prefix, v, lang) for v in values)
