"""Step 00: client profile, data-quality summary and the assumptions log."""

from __future__ import annotations

from importlib import metadata
from typing import Any

import pandas as pd

from salesaudit.audit import Assumption, Audit
from salesaudit.i18n import fmt_date, fmt_num, register, t

TEXT = {
    "intake.client": {"en": "Client", "ru": "Клиент"},
    "intake.tables": {"en": "Tables supplied", "ru": "Переданные таблицы"},
    "intake.language": {"en": "Report language", "ru": "Язык отчёта"},
    "intake.seed": {"en": "Random seed", "ru": "Зерно случайных чисел"},
    "intake.target": {"en": "Revenue target per month", "ru": "Цель по выручке в месяц"},
    "intake.all_clean": {
        "en": "All {n} tables loaded without rejected rows.",
        "ru": "Все таблицы ({n}) загружены без отклонённых строк.",
    },
    "intake.rejected": {
        "en": "{table}: {rejected} of {read} rows rejected ({share}); they are listed in tables.xlsx.",
        "ru": "{table}: отклонено {rejected} из {read} строк ({share}); список — в tables.xlsx.",
    },
    "intake.lost_no_stage": {
        "en": "{n} lost deals have no known loss stage; the funnel counts them at the first stage only.",
        "ru": "У {n} проигранных сделок не указан этап потери; в воронке они учтены только на первом этапе.",
    },
    "intake.as_of_default": {
        "en": "Audit date taken from the latest date in the data",
        "ru": "Дата аудита взята по последней дате в данных",
    },
}
register(TEXT)


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
    """One row per table: file, rows read/rejected, dates and how it was read."""
    lang = audit.lang
    rows = []
    for name, q in audit.quality.tables.items():
        dates = (
            f"{fmt_date(q.date_min, lang)} – {fmt_date(q.date_max, lang)}"
            if q.date_min is not None
            else "—"
        )
        rows.append(
            {
                t("tbl.table", lang): name,
                t("tbl.file", lang): q.file,
                t("tbl.rows_read", lang): fmt_num(q.rows_read, lang),
                t("tbl.rows_rejected", lang): fmt_num(q.rows_rejected, lang),
                t("tbl.date_range", lang): dates,
                t("tbl.choices", lang): "; ".join(f"{k}: {v}" for k, v in q.choices.items()),
            }
        )
    return pd.DataFrame(rows)


def quality_notes(audit: Audit) -> list[str]:
    """Sentences on what loading found: rejected rows, warnings."""
    from salesaudit import funnel

    lang = audit.lang
    notes: list[str] = []
    for name, q in audit.quality.tables.items():
        if q.rows_rejected:
            notes.append(
                t(
                    "intake.rejected",
                    lang,
                    table=name,
                    rejected=fmt_num(q.rows_rejected, lang),
                    read=fmt_num(q.rows_read, lang),
                    share=f"{fmt_num(100 * q.rows_rejected / max(q.rows_read, 1), lang, 1)}%",
                )
            )
        notes.extend(f"{name}: {w}" for w in q.warnings)
    notes.extend(audit.quality.warnings)
    deals = audit.table("deals")
    if deals is not None:
        c = funnel.counts(deals, audit.stage_keys, audit.table("stage_history"))
        if c.lost_without_stage:
            notes.append(t("intake.lost_no_stage", lang, n=fmt_num(c.lost_without_stage, lang)))
    if not notes:
        notes.append(t("intake.all_clean", lang, n=len(audit.tables)))
    return notes


def rejected_rows(audit: Audit) -> pd.DataFrame:
    """Every rejected row of every table, for tables.xlsx."""
    rows = [
        {
            "table": name,
            "file": q.file,
            "row": r.row,
            "column": r.column,
            "value": r.value,
            "reason": r.reason,
        }
        for name, q in audit.quality.tables.items()
        for r in q.rejected
    ]
    return pd.DataFrame(rows, columns=["table", "file", "row", "column", "value", "reason"])


def assumptions(audit: Audit) -> pd.DataFrame:
    """The assumptions log: every default used in place of client data, with its source."""
    from salesaudit import sizing

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
    return {
        name: {
            "rows_read": q.rows_read,
            "rows_rejected": q.rows_rejected,
            "warnings": list(q.warnings),
        }
        for name, q in audit.quality.tables.items()
    }
