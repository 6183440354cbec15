"""Step 99: the executive summary — headline findings and recommendations with their impact.

Facts and ranked levers in `compute` (read from the other steps' results), sentences in `text`;
the names notebooks and the report use are re-exported here.
"""

from salesaudit.steps.summary.benchmarks import peers
from salesaudit.steps.summary.compute import (
    Lever,
    Question,
    Summary,
    Weakest,
    _weakest,
    funnel_levers,
    headline_findings,
    lever_params,
    levers,
    open_questions,
    summary,
    top_lever,
)
from salesaudit.steps.summary.text import (
    diagnosis,
    findings,
    first_page,
    headline,
    open_questions_list,
    open_questions_note,
    open_questions_table,
    question_text,
    recommendations,
    recommendations_table,
    this_quarter,
    top_levers,
)

__all__ = [
    "peers",
    "Lever",
    "Question",
    "Summary",
    "Weakest",
    "_weakest",
    "findings",
    "diagnosis",
    "first_page",
    "funnel_levers",
    "lever_params",
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
    "summary",
    "this_quarter",
    "top_lever",
    "top_levers",
]
