"""Step 02 words: technology labels, the roadmap and the catalogue listing in the report language."""

from __future__ import annotations

from typing import Any

import pandas as pd

from salesaudit.i18n import t
from salesaudit.inputs.audit import Audit
from salesaudit.inputs.catalogue import catalogue
from salesaudit.steps.technologies.compute import assess, assessed_finding, roadmap


def technology_label(key: str, lang: str) -> str:
    """A technology's name in lang (English when the catalogue lacks lang; the key if unknown)."""
    entry: dict[str, Any] = catalogue().get(key, {})
    return str(entry.get(lang, entry.get("en", key)))


def status_table(audit: Audit, sales_type: str | None = None) -> pd.DataFrame:
    """Every applicable technology: key, group, label (report language), status."""
    table = assess(audit, sales_type).table.copy()
    table.insert(2, "label", [technology_label(k, audit.lang) for k in table["key"]])
    return table


def roadmap_reason(step_status: str, mistake: int, lang: str) -> str:
    """Why a technology's step comes early: the step missing, the typical mistake found; '—' if none."""
    parts = [t("tech.why.step_missing", lang)] if step_status == "missing" else []
    if mistake:
        parts.append(t("tech.why.mistake", lang, n=mistake, text=t(f"mistake.{mistake}", lang)))
    out = "; ".join(parts)
    return out[:1].upper() + out[1:] if out else "—"


def roadmap_notes(audit: Audit) -> list[str]:
    """Why the roadmap is empty, when it is (else nothing)."""
    if len(roadmap(status_table(audit))):
        return []
    return [t("tech.roadmap_empty", audit.lang)]


def roadmap_display(audit: Audit) -> pd.DataFrame | None:
    """The roadmap with translated headers and statuses, the build step each serves and why
    (None when nothing is on it)."""
    lang = audit.lang
    r = roadmap(status_table(audit))
    if r.empty:
        return None
    return pd.DataFrame(
        {
            t("tbl.priority", lang): r["priority"],
            t("tbl.build_step", lang): [f"{s}. {t(f'algo.{s}', lang)}" for s in r["step"]],
            t("tbl.why_first", lang): [
                roadmap_reason(s, int(m), lang)
                for s, m in zip(r["step_status"], r["mistake"], strict=True)
            ],
            t("tbl.group", lang): [t(f"group.{g}", lang) for g in r["group"]],
            t("tbl.technology", lang): r["label"],
            t("tbl.status", lang): [t(f"status.{s}", lang) for s in r["status"]],
        }
    )


def notes(audit: Audit) -> list[str]:
    """How many applicable technologies are rated, when not all of them (else nothing)."""
    f = assessed_finding(audit)
    return [] if f is None else [t(f.code, audit.lang, **f.params)]


def listing(lang: str = "en") -> pd.DataFrame:
    """The catalogue for `salesaudit technologies`."""
    return pd.DataFrame(
        [
            {
                "key": k,
                "group": e["group"],
                "applies": ",".join(e["applies"]),
                "label": e.get(lang, e["en"]),
            }
            for k, e in catalogue().items()
        ]
    )
