"""Step 00: client profile, data-quality summary and the assumptions log.

`compute` gathers the records, `text` the tables and sentences in the report language.
"""

from __future__ import annotations

from salesaudit.steps.intake.compute import (
    AssumptionLog,
    assumption_log,
    findings,
    payments_missing,
    reconciliation_findings,
    rejected_rows,
    versions,
)
from salesaudit.steps.intake.text import (
    assumption_row,
    assumptions,
    profile,
    quality,
    quality_notes,
    reconciliation_note,
    reconciliation_table,
    versions_table,
)

__all__ = [
    "AssumptionLog",
    "assumption_log",
    "assumption_row",
    "assumptions",
    "findings",
    "payments_missing",
    "profile",
    "quality",
    "quality_notes",
    "reconciliation_findings",
    "reconciliation_note",
    "reconciliation_table",
    "rejected_rows",
    "versions",
    "versions_table",
]
