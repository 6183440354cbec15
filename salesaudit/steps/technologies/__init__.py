"""Step 02: the technology catalogue, coverage per group, gaps and a prioritised roadmap.

`compute` holds the numbers (canonical keys), `text` the labels and tables, `charts` the figures.
"""

from __future__ import annotations

from salesaudit.steps.technologies.charts import coverage_chart
from salesaudit.steps.technologies.compute import (
    GROUPS,
    Technologies,
    applies,
    assess,
    assessed_finding,
    coverage,
    findings,
    roadmap,
    roadmap_rows,
    statuses,
    urgency,
)
from salesaudit.steps.technologies.text import (
    listing,
    notes,
    roadmap_display,
    roadmap_notes,
    roadmap_reason,
    status_table,
    technology_label,
)

__all__ = [
    "GROUPS",
    "Technologies",
    "applies",
    "assess",
    "assessed_finding",
    "coverage",
    "coverage_chart",
    "findings",
    "listing",
    "notes",
    "roadmap",
    "roadmap_display",
    "roadmap_notes",
    "roadmap_reason",
    "roadmap_rows",
    "status_table",
    "statuses",
    "technology_label",
    "urgency",
]
