"""Step 07: management rhythm, activity norms, CRM readiness and plan vs fact (docs/methodology.md §6.7).

`compute` holds the answers, numbers and findings; `text` the tables and sentences.
"""

from __future__ import annotations

from salesaudit.steps.control.compute import (
    CALLS_NORM,
    CHECKINS_NORM,
    MEETINGS_NORM,
    MeetingsCompare,
    RhythmCheck,
    activity_norms,
    crm_checks,
    crm_meetings_per_seller,
    crm_score,
    findings,
    meetings_compare,
    observations,
    rhythm,
    rhythm_finding,
)
from salesaudit.steps.control.text import crm_table, meetings_table, notes, rhythm_table, sentence

__all__ = [
    "CALLS_NORM",
    "CHECKINS_NORM",
    "MeetingsCompare",
    "MEETINGS_NORM",
    "RhythmCheck",
    "activity_norms",
    "crm_checks",
    "crm_score",
    "crm_meetings_per_seller",
    "crm_table",
    "findings",
    "meetings_compare",
    "meetings_table",
    "notes",
    "observations",
    "rhythm",
    "rhythm_finding",
    "rhythm_table",
    "sentence",
]
