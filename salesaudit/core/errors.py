"""The error hierarchy (one base error) and `Unavailable`: the value for what the data cannot support."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class SalesauditError(Exception):
    """The base of every error salesaudit raises on purpose."""


@dataclass(frozen=True)
class Unavailable:
    """A figure the data cannot support: `reason` is a message key suffix (`reason.<reason>`).

    A step returns it in place of a number; text says why in the report language, findings.json
    carries `null` plus the reason, and nothing downstream uses a made-up value instead.
    """

    reason: str
    params: tuple[tuple[str, object], ...] = ()

    def __bool__(self) -> bool:
        return False


@dataclass
class InputError(SalesauditError):
    """Bad client input: names the file, row(s), column and what to do about it."""

    message: str
    file: str | None = None
    row: int | str | None = None
    column: str | None = None
    hint: str | None = None
    exit_code: int = 2

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(str(self.file))
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        text = (", ".join(where) + ": " if where else "") + self.message
        if self.hint:
            text += f" {self.hint}"
        return text


def read_json_document(path: str | Path, schema: int, what: str, hint: str) -> dict[str, Any]:
    """A JSON object of the given `schema` version read from `path`; raises InputError naming
    the file (`what` it should be, `hint` what to pass instead) when it is not."""
    try:
        doc = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"cannot be read as {what} ({e}).", file=str(path), hint=hint) from None
    if not isinstance(doc, dict) or doc.get("schema") != schema:
        raise InputError(f"is not {what} of schema version {schema}.", file=str(path), hint=hint)
    return doc
