"""The canonical tables (their columns: docs/client-file.md): which columns each has and of what type."""

from __future__ import annotations

REQUIRED: dict[str, list[str]] = {
    "deals": ["deal_id", "created_at", "stage"],
    "stage_history": ["deal_id", "stage", "entered_at"],
    "sales": ["client_id", "date", "amount"],
    "team": ["manager"],
    "plan": ["period", "amount"],
    "activities": ["manager", "date", "type"],
}
OPTIONAL: dict[str, list[str]] = {
    "deals": [
        "amount",
        "closed_at",
        "manager",
        "client_id",
        "product",
        "channel",
        "segment",
        "region",
        "client_type",
        "lost_stage",
        "lost_reason",
        "expected_close_at",
    ],
    "stage_history": ["from_stage"],
    "sales": ["product", "manager", "region", "channel", "segment"],
    "team": ["role", "head", "region", "hired_at", "fixed_pay"],
    "plan": ["manager"],
    "activities": ["count", "duration_min"],
}
DATES = frozenset(
    {"created_at", "closed_at", "expected_close_at", "entered_at", "date", "hired_at", "period"}
)
NUMBERS = frozenset({"amount", "fixed_pay", "count", "duration_min"})
# The column whose dates give a table's date range.
MAIN_DATE = {
    "deals": "created_at",
    "stage_history": "entered_at",
    "sales": "date",
    "plan": "period",
    "activities": "date",
    "team": "hired_at",
}
# Unique-key columns: duplicates are reported and the later rows left out.
ID_COLUMN = {"deals": "deal_id", "team": "manager"}
# Amount columns where a negative value is normal (refunds) rather than suspicious.
REFUNDS_ALLOWED = frozenset({"sales"})
# Date columns that may legitimately lie after the audit date.
FUTURE_ALLOWED = frozenset({("plan", "period"), ("deals", "expected_close_at")})
ROLES = ("hunter", "closer", "farmer", "universal", "head")
ROLE_SYNONYMS = {
    "хантер": "hunter",
    "охотник": "hunter",
    "клоузер": "closer",
    "клоузёр": "closer",
    "закрывающий": "closer",
    "фермер": "farmer",
    "аккаунт": "farmer",
    "аккаунт-менеджер": "farmer",
    "аккаунт менеджер": "farmer",
    "account manager": "farmer",
    "key account manager": "farmer",
    "универсал": "universal",
    "менеджер": "universal",
    "менеджер по продажам": "universal",
    "руководитель": "head",
    "руководитель отдела продаж": "head",
    "рп": "head",
    "роп": "head",
    "head of sales": "head",
    "sales manager": "universal",
}
CLIENT_TYPES = {
    "new": "new",
    "новый": "new",
    "new business": "new",
    "newbusiness": "new",
    "new customer": "new",
    "current": "current",
    "existing": "current",
    "текущий": "current",
    "действующий": "current",
    "повторный": "current",
    "повторная": "current",
    "existing business": "current",
    "existingbusiness": "current",
    "existing customer": "current",
    "existing customer - upgrade": "current",
    "existing customer - replacement": "current",
    "existing customer - downgrade": "current",
}
ACTIVITY_SYNONYMS = {
    "звонок": "call",
    "звонки": "call",
    "исходящий звонок": "call",
    "входящий звонок": "call",
    "phone call": "call",
    "встреча": "meeting",
    "встречи": "meeting",
    "письмо": "email",
    "e-mail": "email",
    "задача": "task",
}


def all_columns(table: str) -> list[str]:
    """Required then optional canonical columns of a table."""
    return REQUIRED[table] + OPTIONAL[table]


def kind_of(column: str) -> str:
    """'date', 'number' or 'text' for a canonical column."""
    if column in DATES:
        return "date"
    if column in NUMBERS:
        return "number"
    return "text"
