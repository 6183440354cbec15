"""The reverse funnel: from a revenue target back to the activity each stage needs.

docs/methodology.md §6.3, per month: contracts = target / average deal;
meetings = contracts / meeting_to_contract; contacts = meetings / contact_to_meeting;
calls = contacts / call_to_contact. The team-sizing step and the simulator's reverse mode
both call these functions; the stage-by-stage form (:func:`stage_activity`) walks the
client's own stages back from the contract.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any


def _rate(name: str, value: float) -> float:
    """Check a conversion rate is in (0, 1]."""
    if value is None or not (0 < float(value) <= 1):
        raise ValueError(f"{name} must be a rate in (0, 1], got {value!r}")
    return float(value)


def reverse_funnel(
    target: float,
    average_deal: float,
    meeting_to_contract: float,
    contact_to_meeting: float,
    call_to_contact: float,
) -> dict[str, float]:
    """Monthly workload for a revenue target: contracts, meetings, contacts and calls."""
    if target is None or target < 0:
        raise ValueError(f"target must be a non-negative amount, got {target!r}")
    if average_deal is None or average_deal <= 0:
        raise ValueError(f"average_deal must be positive, got {average_deal!r}")
    contracts = float(target) / float(average_deal)
    meetings = contracts / _rate("meeting_to_contract", meeting_to_contract)
    contacts = meetings / _rate("contact_to_meeting", contact_to_meeting)
    calls = contacts / _rate("call_to_contact", call_to_contact)
    return {"contracts": contracts, "meetings": meetings, "contacts": contacts, "calls": calls}


def stage_activity(
    target: float, average_deal: float, stages: Sequence[str], conversions: Sequence[float]
) -> list[dict[str, Any]]:
    """Deals each stage must handle per month for the target, walking back from the contract.

    `conversions[k]` is the conversion from `stages[k]` to `stages[k+1]`. Returns one dict
    per stage: key, needed (deals per month reaching that stage).
    """
    if len(conversions) != len(stages) - 1:
        raise ValueError("need one conversion per pair of consecutive stages")
    if average_deal is None or average_deal <= 0:
        raise ValueError(f"average_deal must be positive, got {average_deal!r}")
    needed = [0.0] * len(stages)
    needed[-1] = float(target) / float(average_deal)
    for k in range(len(stages) - 2, -1, -1):
        needed[k] = needed[k + 1] / _rate(f"conversion from {stages[k]}", conversions[k])
    return [{"key": k, "needed": n} for k, n in zip(stages, needed, strict=True)]


def closers_needed(meetings: float, meetings_per_closer: float) -> int:
    """Closers to hold the meetings: ceil(meetings / capacity), at least 1 when meetings > 0."""
    if meetings_per_closer <= 0:
        raise ValueError("meetings_per_closer must be positive")
    return max(math.ceil(meetings / meetings_per_closer - 1e-9), 1 if meetings > 0 else 0)


def rates_from_funnel(
    stages: Sequence[str], conversions: Sequence[float | None]
) -> dict[str, float | None]:
    """meeting_to_contract and contact_to_meeting from the client's stepwise conversions.

    meeting_to_contract = Π conversions from first_contact to contract; contact_to_meeting =
    the conversion target_list → first_contact when both are mapped and adjacent. None
    where the funnel cannot give it (the caller falls back to the benchmark and logs it).
    """
    keys = list(stages)
    out: dict[str, float | None] = {"meeting_to_contract": None, "contact_to_meeting": None}
    if "first_contact" in keys:
        i = keys.index("first_contact")
        part = list(conversions[i : len(keys) - 1])
        if part and all(c is not None and c > 0 for c in part):
            out["meeting_to_contract"] = float(math.prod(part))  # type: ignore[arg-type]
        if i > 0 and keys[i - 1] == "target_list":
            c = conversions[i - 1]
            out["contact_to_meeting"] = float(c) if c is not None and c > 0 else None
    return out
