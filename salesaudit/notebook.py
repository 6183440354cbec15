"""What an audit notebook imports (`import salesaudit.notebook as sa`): the loader and every step.

A notebook is a parameters cell plus short calls into these names; a consultant in JupyterLab
can tab-complete them. Nothing here computes: it only gathers the steps' public functions.
"""

from __future__ import annotations

from pathlib import Path

from salesaudit.inputs.audit import Audit, open_audit
from salesaudit.inputs.cache import default_root
from salesaudit.inputs.demo import demo_client
from salesaudit.present import tables as display
from salesaudit.steps import (
    compensation,
    control,
    customers,
    intake,
    sales_model,
    sizing,
    structure,
    summary,
    technologies,
)
from salesaudit.steps.funnel import analysis as funnel
from salesaudit.steps.funnel import charts as funnel_charts
from salesaudit.steps.funnel import findings as funnel_findings
from salesaudit.steps.funnel import text as funnel_text

__all__ = [
    "Audit",
    "compensation",
    "control",
    "customers",
    "display",
    "funnel",
    "funnel_charts",
    "funnel_findings",
    "funnel_text",
    "intake",
    "load",
    "sales_model",
    "sizing",
    "structure",
    "summary",
    "technologies",
]


def load(client_file: str = "", language: str = "", cache_dir: str = "") -> Audit:
    """The audit of a client file ('' or 'demo': the demo company), in `language` when given.

    `cache_dir` is the inputs-cache entry the runner prepared: the validated tables are loaded
    from it and no data file is read. Empty (a notebook opened on its own): the same cache under
    `$SALESAUDIT_CACHE` or the user cache folder, keyed by content; files are read on a miss only.
    """
    path = demo_client() if client_file in ("", "demo") else Path(client_file)
    return open_audit(path, language or None, cache=cache_dir or default_root())
