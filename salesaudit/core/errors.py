"""The error hierarchy (one base error) and `Unavailable`: the value for what the data cannot support."""

from __future__ import annotations

from dataclasses import dataclass


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
