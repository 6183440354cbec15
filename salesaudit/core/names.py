"""Canonical names: funnel stage keys, outcomes, tables, audit steps (docs/methodology.md §4)."""

from __future__ import annotations

STAGE_KEYS: tuple[str, ...] = (
    "target_list",
    "first_contact",
    "needs_brief",
    "offer",
    "offer_defense",
    "contract",
)
TABLES: tuple[str, ...] = ("deals", "stage_history", "sales", "team", "plan", "activities")
# the audit's steps in order, as `salesaudit run --only` names them (notebook NN_<name>.ipynb)
STEPS: tuple[str, ...] = (
    "intake",
    "sales_model",
    "technologies",
    "structure",
    "team",
    "funnel",
    "customers",
    "control",
    "summary",
)

WON = "contract"  # the won stage: a deal that reached the contract
LOST = "lost"  # the canonical stage of a deal marked lost
