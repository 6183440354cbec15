"""salesaudit: audit a company's sales department and design a better one."""

from __future__ import annotations

from pathlib import Path

from salesaudit import (  # noqa: F401  (the modules notebooks call)
    control,
    customers,
    display,
    funnel,
    funnel_report,
    intake,
    model,
    sizing,
    structure,
    summary,
    technologies,
)
from salesaudit.audit import Audit, open_audit
from salesaudit.errors import InputError

__version__ = "0.1.0"
__all__ = ["Audit", "InputError", "open", "open_audit", "__version__"]


def open(client_file: str | Path, language: str = "") -> Audit:  # noqa: A001 - `sa.open(...)` in notebooks
    """Load a client for a notebook: the client file, its data and the optional language override."""
    return open_audit(client_file, language or None)
