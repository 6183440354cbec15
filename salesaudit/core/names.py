"""Canonical names: funnel stage keys, outcomes, tables (DESIGN §6, METHODOLOGY §4)."""

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

WON = "contract"  # the won stage: a deal that reached the contract
LOST = "lost"  # the canonical stage of a deal marked lost
