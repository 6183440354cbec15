"""What a step's computation returns besides numbers: findings as codes with parameters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Finding:
    """One thing a step found, as a message code and its values; text renders it per language.

    `code` names a catalogue entry (`finding.<step>.<what>` or the step's own prefix); `params`
    are raw values (numbers, dates, keys), never pre-formatted text; `level` orders the report.
    """

    code: str
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=True)
    level: str = "info"  # info | warning | good | bad
