"""Step 02 numbers: which catalogue technologies apply, their status, coverage per group, roadmap.

Tables here carry canonical keys (technology key, group, status); `text` adds the labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from salesaudit.core.results import Finding
from salesaudit.inputs.answers import NOT_ASSESSED
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
    coverage: dict[str, float | None]  # over the rated technologies; None: none rated in the group
    gaps: tuple[str, ...]  # keys of the technologies answered missing, catalogue order
    unknown_keys: tuple[str, ...]  # keys rated in client.yaml that the catalogue lacks
    assessed: dict[str, int]  # rated technologies per group
    applicable: dict[str, int]  # technologies per group that apply to the sales type
    not_assessed: tuple[str, ...]  # keys of the applicable technologies left unrated


def applies(entry: dict[str, Any], sales_type: str) -> bool:
    """Whether a technology applies to the sales type."""
    return "all" in entry["applies"] or sales_type in entry["applies"]


COLUMNS = ["key", "group", "status", "step", "step_status", "mistake"]


def statuses(audit: Audit, sales_type: str) -> pd.DataFrame:
    """Every technology applicable to sales_type with its status (`not_assessed` if unrated), the
    build step it serves, that step's status and the typical mistake found that flags it (0: none)."""
    given = audit.config.technologies
    flags = model.step_flags(audit)
    rows = [
        {
            "key": k,
            "group": e["group"],
            "status": given.get(k, NOT_ASSESSED),
            "step": e["step"],
            "step_status": flags[e["step"]][0],
            "mistake": flags[e["step"]][1],
        }
        for k, e in catalogue().items()
        if applies(e, sales_type)
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def coverage(table: pd.DataFrame) -> dict[str, float | None]:
    """Share of the rated technologies in place per group (partial counts half; None if none rated)."""
    out: dict[str, float | None] = {}
    for g in GROUPS:
        rated = table[(table["group"] == g) & (table["status"] != NOT_ASSESSED)]
        out[g] = round(float(rated["status"].map(SCORE).mean()), 3) if len(rated) else None
    return out


def urgency(table: pd.DataFrame) -> pd.Series:
    """How strongly the answers point at each technology's build step: one for the step answered
    missing, one for a typical mistake found that flags it (0–2; a step not assessed adds nothing)."""
    return (table["step_status"] == "missing").astype(int) + (table["mistake"] > 0).astype(int)


def roadmap(table: pd.DataFrame) -> pd.DataFrame:
    """Missing and partial technologies in the order to introduce them (other columns kept).

    Technologies of a step both missing and flagged by a typical mistake first, then of a step
    missing or flagged, then the rest; within that, the build algorithm's order (§1: a strict
    sequence), missing before partial, the group priority, then the catalogue's order.
    """
    todo = table[table["status"].isin(["missing", "partial"])].copy()
    todo["urgency"] = urgency(todo)
    todo["_status"] = todo["status"].map({"missing": 0, "partial": 1})
    todo["_group"] = todo["group"].map(GROUP_PRIORITY)
    todo = todo.sort_values(
        ["urgency", "step", "_status", "_group"], ascending=[False, True, True, True], kind="stable"
    ).reset_index(drop=True)
    todo["priority"] = range(1, len(todo) + 1)
    return todo.drop(columns=["_status", "_group"])


def _assess(audit: Audit, sales_type: str) -> Technologies:
    """Statuses, coverage and gaps for one sales type."""
    table = statuses(audit, sales_type)
    rated = table["status"] != NOT_ASSESSED
    return Technologies(
        sales_type=sales_type,
        table=table,
        coverage=coverage(table),
        gaps=tuple(table.loc[table["status"] == "missing", "key"]),
        # the config rejects unknown keys, so this stays empty; findings.json keeps the field
        unknown_keys=tuple(sorted(set(audit.config.technologies) - set(catalogue()))),
        assessed={g: int((rated & (table["group"] == g)).sum()) for g in GROUPS},
        applicable={g: int((table["group"] == g).sum()) for g in GROUPS},
        not_assessed=tuple(table.loc[~rated, "key"]),
    )


def assess(audit: Audit, sales_type: str | None = None) -> Technologies:
    """The technology assessment for the audit's sales type (or the one given), once per audit."""
    stype = sales_type or model.decide(audit).sales_type
    return audit.memo(("technologies.assess", stype), lambda: _assess(audit, stype))


def assessed_finding(audit: Audit) -> Finding | None:
    """How many applicable technologies are rated (`tech.assessed`, `tech.not_assessed`); None: all."""
    r = assess(audit)
    n, total = sum(r.assessed.values()), sum(r.applicable.values())
    if n == total:
        return None
    if n == 0:
        return Finding("tech.not_assessed", {"total": total}, "warning")
    return Finding("tech.assessed", {"n": n, "total": total}, "warning")


def findings(audit: Audit) -> dict[str, Any]:
    """The findings.json `technologies` section (coverage over rated technologies only)."""
    r = assess(audit)
    return {
        "coverage": r.coverage,
        "gaps": list(r.gaps),
        "unknown_keys": list(r.unknown_keys),
        "assessed": r.assessed,
        "applicable": r.applicable,
        "not_assessed": list(r.not_assessed),
        "roadmap": roadmap_rows(audit),
    }


def roadmap_rows(audit: Audit) -> list[dict[str, Any]]:
    """The roadmap as plain rows for findings.json, in priority order."""
    cols = ["priority", "key", "group", "status", "step", "step_status", "mistake", "urgency"]
    return [
        {
            k: (int(v) if k in ("priority", "step", "mistake", "urgency") else v)
            for k, v in r.items()
        }
        for r in roadmap(assess(audit).table)[cols].to_dict("records")
    ]
