"""Step 00 records: the assumptions log, rejected rows, package versions and the findings section.

The data-quality record itself is made while reading the files (`salesaudit.inputs.ingest`).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata
from typing import Any

import pandas as pd

from salesaudit.core.quality import Assumption, Note
from salesaudit.inputs import ingest
from salesaudit.inputs.audit import Audit
from salesaudit.inputs.basis import reconciliation
from salesaudit.inputs.ingest.quality import quality_findings
from salesaudit.inputs.presets import load_preset
from salesaudit.steps import sizing
from salesaudit.steps.funnel.compute import audit_counts

PACKAGES = (
    "salesaudit",
    "pandas",
    "numpy",
    "plotly",
    "papermill",
    "nbconvert",
    "pydantic",
    "openpyxl",
)


@dataclass(frozen=True)
class AssumptionLog:
    """Every default used in place of client data: reading the files, the audit date, sizing."""

    data: tuple[Assumption, ...]
    funnel: tuple[Assumption, ...]  # the funnel's: lost deals without a stage counted at the first
    as_of: pd.Timestamp | None  # the audit date when it was taken from the data (None: given)
    as_of_source: str  # where it came from: "table.column" of the latest fact, or "today"
    sizing: tuple[Assumption, ...]


def assumption_log(audit: Audit) -> AssumptionLog:
    """The assumptions of this audit, in the order the log shows them."""
    return AssumptionLog(
        data=tuple(audit.quality.assumptions),
        funnel=funnel_assumptions(audit),
        as_of=audit.as_of if audit.config.as_of is None else None,
        as_of_source=audit.as_of_source,
        sizing=tuple(sizing.assumptions(audit)),
    )


def funnel_assumptions(audit: Audit) -> tuple[Assumption, ...]:
    """The funnel's assumption: a few lost deals without a loss stage count at the first stage.

    Only when the stage conversions are identifiable; otherwise nothing is assumed (the
    conversions are not shown).
    """
    fc = audit_counts(audit)
    if fc is None or not fc.lost_without_stage or not fc.identified:
        return ()
    n = fc.lost_without_stage
    spec = audit.config.data.deals
    return (
        Assumption(
            "lost_without_stage",
            f"{n} lost deal(s) without a loss stage count as reaching only the first stage",
            "source.stage_reach",
            "medium",
            Note("assume.lost_stage", {"count": n}, "assumption"),
            spec.path if spec is not None else "",
        ),
    )


@dataclass(frozen=True)
class HistoryHint:
    """No stage history was given: the CRM preset of the deals (if any) and its history export."""

    preset: str | None
    title: str | None
    export: str | None  # the preset's menu path to the stage-history export (English)
    conversions_unknown: bool  # the deals alone do not give the stage conversions


def history_hint(audit: Audit) -> HistoryHint | None:
    """Which export would turn on stage-level analysis (None when stage history was given)."""
    if audit.table("stage_history") is not None or audit.table("deals") is None:
        return None
    spec = audit.config.data.deals
    name = spec.preset if spec is not None else None
    preset = load_preset(name, audit.config.base_dir) if name else None
    fc = audit_counts(audit)
    return HistoryHint(
        preset=name,
        title=preset.get("title") if preset else None,
        export=preset.get("history_export") if preset else None,
        conversions_unknown=fc is not None and not fc.identified,
    )


def payments_missing(audit: Audit) -> bool:
    """The target is stated in payments but no payments (sales) table was given."""
    r = reconciliation(audit)
    stated = audit.config.targets.basis == "payments" and bool(
        audit.config.targets.revenue_per_month
    )
    return stated and (r is None or r.payments is None)


def rejected_rows(audit: Audit) -> pd.DataFrame:
    """Every rejected, emptied or flagged cell of every table, for tables.xlsx."""
    return ingest.rejected_rows(audit.quality)


def versions() -> dict[str, str]:
    """Versions of salesaudit and its main libraries ('—' when not installed)."""
    out = {}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "—"
    return out


def findings(audit: Audit) -> dict[str, Any]:
    """The findings.json `data_quality` section."""
    return quality_findings(audit.quality)


def reconciliation_findings(audit: Audit) -> dict[str, Any] | None:
    """The findings.json `reconciliation` table: both revenue bases, their ratio, target and plan."""
    r = reconciliation(audit)
    if r is None:
        return None
    return {
        "basis": r.basis,
        "window": [str(r.window[0].date()), str(r.window[1].date())],
        "won_deals_12m": r.won_deals,
        "payments_12m": r.payments,
        "ratio": None if r.ratio is None else round(r.ratio, 4),
        "lag_days": r.lag_days,
        "target_month": r.target,
        "target_basis": r.target_basis,
        "target_month_in_basis": r.target_month,
        "plan_12m": r.plan,
        "plan_basis": r.plan_basis,
        "plan_12m_in_basis": r.plan_in_basis,
    }
