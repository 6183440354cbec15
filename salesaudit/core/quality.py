"""Data-quality records: rejected rows, notes, per-table quality and the assumptions log."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd


@dataclass
class Rejected:
    """One rejected or flagged row: as the client sees it in Excel (header = row 1)."""

    row: int
    column: str
    value: str
    reason: str
    action: str = "rejected"  # rejected: row left out | blanked: value emptied | flagged: kept


@dataclass
class Note:
    """A data-quality message as a catalogue code and its values, rendered in either language."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)
    level: str = "warning"  # warning | info | choice


@dataclass
class TableQuality:
    """What loading one table found: counts, choices made, warnings, rejected rows."""

    name: str
    file: str
    rows_read: int = 0
    rows_rejected: int = 0
    choices: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    date_min: pd.Timestamp | None = None
    date_max: pd.Timestamp | None = None
    rows_flagged: int = 0
    notes: list[Note] = field(default_factory=list)
    rejected_total: int = 0


@dataclass
class Assumption:
    """A default used in place of client data, with its methodology source."""

    key: str
    value: str  # in English (run.log); the report renders `note` in its language when given
    source: str  # a catalogue key (`source.*`, a methodology section) or text as written
    impact: str = "medium"  # low | medium | high
    note: Note | None = None  # the value as a message code and its values
    file: str = ""  # the data file the assumption is about, if any


@dataclass
class DataQuality:
    """The data-quality record of one audit."""

    tables: dict[str, TableQuality] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    assumptions: list[Assumption] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def assume(
        self,
        key: str,
        value: str,
        source: str,
        impact: str = "medium",
        note: Note | None = None,
        file: str = "",
    ) -> None:
        """Log an assumption once (same key replaces the earlier entry)."""
        self.assumptions = [a for a in self.assumptions if a.key != key]
        self.assumptions.append(Assumption(key, value, source, impact, note, file))
