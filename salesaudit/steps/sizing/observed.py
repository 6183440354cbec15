"""The client's own productivity per role: computed in `salesaudit.inputs.productivity` (the
funnel below sizing reads it too), re-exported here for sizing and its callers."""

from salesaudit.inputs.productivity import (
    KEYS,
    NO_LOG,
    NO_MANAGER,
    NO_RAMPED,
    NO_ROLE,
    UNITS,
    Productivity,
    closer_capacity,
    closer_meetings,
    farmer_accounts,
    hunter_calls,
    hunter_norm,
    norms,
    productivity,
    ramped_since,
)

__all__ = [
    "KEYS",
    "NO_LOG",
    "NO_MANAGER",
    "NO_RAMPED",
    "NO_ROLE",
    "UNITS",
    "Productivity",
    "closer_capacity",
    "closer_meetings",
    "farmer_accounts",
    "hunter_calls",
    "hunter_norm",
    "norms",
    "productivity",
    "ramped_since",
]
