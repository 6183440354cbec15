"""Step 99: the executive summary — headline findings and recommendations with their impact.

Facts and ranked levers in `compute` (read from the other steps' results), sentences in `text`;
the names notebooks and the report use are re-exported here.
"""

from salesaudit.steps.summary.compute import (
    Lever,
    Question,
    Summary,
    Weakest,
    _weakest,
    headline_findings,
    levers,
    open_questions,
    stage_impact,
    summary,
)
from salesaudit.steps.summary.text import (
    findings,
    headline,
    open_questions_list,
    open_questions_note,
    open_questions_table,
    question_text,
    recommendations,
    recommendations_table,
)

__all__ = [
    "Lever",
    "Question",
    "Summary",
    "Weakest",
    "_weakest",
    "findings",
    "headline",
    "headline_findings",
    "levers",
    "open_questions",
    "open_questions_list",
    "open_questions_note",
    "open_questions_table",
    "question_text",
    "recommendations",
    "recommendations_table",
    "stage_impact",
    "summary",
]
