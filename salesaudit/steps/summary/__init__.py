"""Step 99: the executive summary — headline findings and recommendations with their impact.

Facts and ranked levers in `compute` (read from the other steps' results), sentences in `text`;
the names notebooks and the report use are re-exported here.
"""

from salesaudit.steps.summary.compute import (
    Lever,
    Summary,
    Weakest,
    _weakest,
    headline_findings,
    levers,
    stage_impact,
    summary,
)
from salesaudit.steps.summary.text import (
    findings,
    headline,
    recommendations,
    recommendations_table,
)

__all__ = [
    "Lever",
    "Summary",
    "Weakest",
    "_weakest",
    "findings",
    "headline",
    "headline_findings",
    "levers",
    "recommendations",
    "recommendations_table",
    "stage_impact",
    "summary",
]
