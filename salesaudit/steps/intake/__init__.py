"""Step 00: client profile, data-quality summary and the assumptions log."""

from __future__ import annotations

from importlib import metadata
from typing import Any

import pandas as pd

from salesaudit.core.quality import Assumption
from salesaudit.i18n import fmt_date, fmt_num, t
from salesaudit.inputs import ingest
from salesaudit.inputs.audit import Audit
from salesaudit.inputs.ingest.quality import quality_findings
from salesaudit.steps import sizing


def profile(audit: Audit) -> pd.DataFrame:
    """The client profile as label/value rows."""
    c, lang = audit.config, audit.lang
    target = c.targets.revenue_per_month
    rows = [
        (t("intake.client", lang), c.client),
        (t("report.as_of", lang), fmt_date(audit.as_of, lang)),
        (t("report.currency", lang), c.currency),
        (t("intake.language", lang), c.language),
        (
            t("intake.target", lang),
            fmt_num(target, lang) if target else t("word.not_available", lang),
        ),
        (t("intake.tables", lang), ", ".join(audit.tables)),
        (t("intake.seed", lang), str(c.seed)),
    ]
    return pd.DataFrame(rows, columns=[t("tbl.item", lang), t("tbl.value", lang)])


def quality(audit: Audit) -> pd.DataFrame:
    """One row per table: file, rows read/rejected, dates, how it was read, warnings (formatted)."""
    lang = audit.lang
    df = ingest.quality_summary(audit.quality, lang)
    for col in (t("tbl.rows_read", lang), t("tbl.rows_rejected", lang)):
        df[col] = [fmt_num(v, lang) for v in df[col]]
    return df


def quality_notes(audit: Audit) -> list[str]:
    """The data-quality summary in sentences: the same text `salesaudit validate` prints."""
    return ingest.quality_text(audit.quality, audit.lang)


def rejected_rows(audit: Audit) -> pd.DataFrame:
    """Every rejected, emptied or flagged cell of every table, for tables.xlsx."""
    return ingest.rejected_rows(audit.quality)


def assumptions(audit: Audit) -> pd.DataFrame:
    """The assumptions log: every default used in place of client data, with its source."""
    lang = audit.lang
    log = list(audit.quality.assumptions)
    if audit.config.as_of is None:
        log.append(
            Assumption("as_of", fmt_date(audit.as_of, lang), t("intake.as_of_default", lang), "low")
        )
    log.extend(sizing.assumptions(audit))
    rows = [
        {
            t("tbl.assumption", lang): a.key,
            t("tbl.value", lang): a.value,
            t("tbl.source", lang): a.source,
            t("tbl.impact", lang): a.impact,
        }
        for a in log
    ]
    return pd.DataFrame(
        rows,
        columns=[
            t("tbl.assumption", lang),
            t("tbl.value", lang),
            t("tbl.source", lang),
            t("tbl.impact", lang),
        ],
    )


def versions(audit: Audit) -> pd.DataFrame:
    """Versions of salesaudit and its main libraries."""
    names = [
        "salesaudit",
        "pandas",
        "numpy",
        "plotly",
        "papermill",
        "nbconvert",
        "pydantic",
        "openpyxl",
    ]
    rows = []
    for n in names:
        try:
            v = metadata.version(n)
        except metadata.PackageNotFoundError:
            v = "—"
        rows.append({t("tbl.package", audit.lang): n, t("tbl.version", audit.lang): v})
    return pd.DataFrame(rows)


def findings(audit: Audit) -> dict[str, Any]:
    """The findings.json `data_quality` section."""
    return quality_findings(audit.quality)
