"""Step 03: the recommended structure with its rationale, span of control and violations today.

`compute` holds the keys, counts and findings, `text` the sentences and tables, `charts` the figure.
"""

from __future__ import annotations

from salesaudit.steps.structure.charts import span_chart
from salesaudit.steps.structure.compute import (
    GAP_KINDS,
    RULES,
    Gap,
    advice,
    deciding_open,
    findings,
    gap_rows,
    gaps,
    heads_needed,
    matches,
    recommend,
    rule_status,
    rules,
    span_findings,
    span_table,
    team_rows,
    violations,
)
from salesaudit.steps.structure.text import (
    advice_notes,
    advice_sentence,
    rationale,
    recommended_table,
    sentence,
    team_notes,
    team_table,
    violation_notes,
)

__all__ = [
    "GAP_KINDS",
    "RULES",
    "Gap",
    "advice",
    "advice_notes",
    "advice_sentence",
    "deciding_open",
    "findings",
    "gap_rows",
    "gaps",
    "heads_needed",
    "matches",
    "rationale",
    "recommend",
    "recommended_table",
    "rule_status",
    "rules",
    "sentence",
    "span_chart",
    "span_findings",
    "span_table",
    "team_rows",
    "team_notes",
    "team_table",
    "violation_notes",
    "violations",
]
