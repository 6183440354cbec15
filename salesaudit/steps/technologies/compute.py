"""Step 02 numbers: which catalogue technologies apply, their status, coverage per group, roadmap.

Tables here carry canonical keys (technology key, group, status); `text` adds the labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from salesaudit.inputs.audit import Audit
from salesaudit.inputs.catalogue import catalogue
from salesaudit.steps import sales_model as model

GROUPS = ("internal", "external", "marketing", "personnel")
SCORE = {"in_place": 1.0, "partial": 0.5, "missing": 0.0}
GROUP_PRIORITY = {"internal": 0, "personnel": 1, "marketing": 2, "external": 3}


@dataclass(frozen=True, eq=False)
class Technologies:
    """The applicable technologies with their status, coverage per group and the gaps."""

    sales_type: str
    table: pd.DataFrame  # key, group, status: one row per applicable technology, catalogue order
    coverage: dict[str, float]
    gaps: tuple[str, ...]  # keys of the missing technologies, catalogue order
    unknown_keys: tuple[str, ...]  # keys rated in client.yaml that the catalogue lacks


def applies(entry: dict[str, Any], sales_type: str) -> bool:
    """Whether a technology applies to the sales type."""
    return "all" in entry["applies"] or sales_type in entry["applies"]


def statuses(audit: Audit, sales_type: str) -> pd.DataFrame:
    """Every technology applicable to sales_type with its status (key, group, status)."""
    given = audit.config.technologies
    rows = [
        {"key": k, "group": e["group"], "status": given.get(k, "missing")}
        for k, e in catalogue().items()
        if applies(e, sales_type)
    ]
    return pd.DataFrame(rows, columns=["key", "group", "status"])


def coverage(table: pd.DataFrame) -> dict[str, float]:
    """Share of applicable technologies in place per group (partial counts half)."""
    out = {}
    for g in GROUPS:
        sub = table[table["group"] == g]
        out[g] = round(float(sub["status"].map(SCORE).mean()), 3) if len(sub) else 0.0
    return out


def roadmap(table: pd.DataFrame) -> pd.DataFrame:
    """Missing and partial technologies, missing first, internal before external (other columns kept)."""
    todo = table[table["status"] != "in_place"].copy()
    todo["rank"] = todo["status"].map({"missing": 0, "partial": 1}) * 10 + todo["group"].map(
        GROUP_PRIORITY
    )
    todo = todo.sort_values(["rank", "key"], kind="stable").reset_index(drop=True)
    todo["priority"] = range(1, len(todo) + 1)
    return todo.drop(columns="rank")


def _assess(audit: Audit, sales_type: str) -> Technologies:
    """Statuses, coverage and gaps for one sales type."""
    table = statuses(audit, sales_type)
    return Technologies(
        sales_type=sales_type,
        table=table,
        coverage=coverage(table),
        gaps=tuple(table.loc[table["status"] == "missing", "key"]),
        # the config rejects unknown keys, so this stays empty; findings.json keeps the field
        unknown_keys=tuple(sorted(set(audit.config.technologies) - set(catalogue()))),
    )


def assess(audit: Audit, sales_type: str | None = None) -> Technologies:
    """The technology assessment for the audit's sales type (or the one given), once per audit."""
    stype = sales_type or model.decide(audit).sales_type
    return audit.memo(("technologies.assess", stype), lambda: _assess(audit, stype))


def findings(audit: Audit) -> dict[str, Any]:
    """The findings.json `technologies` section."""
    r = assess(audit)
    return {"coverage": r.coverage, "gaps": list(r.gaps), "unknown_keys": list(r.unknown_keys)}
