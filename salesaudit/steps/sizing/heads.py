"""The heads a team needs: one figure for sizing and structure (docs/methodology.md §6.2, §6.3).

The span of control needs ceil(sellers / span) heads; under the regional matrix, when a region
with a team of its own (REGION_TEAM sellers or more) has no head there, every such region needs
its own head(s). The heads required are the larger of the two.
"""

from __future__ import annotations

import math

import pandas as pd

from salesaudit.core import constants as C
from salesaudit.inputs import answers
from salesaudit.inputs.audit import Audit


def regional_matrix(audit: Audit) -> bool | None:
    """Whether the regional matrix applies: regions > 1 and region specifics (None: unanswered)."""
    f = answers.structure(audit)
    regions, specifics = f["regions"].value, f["region_specifics"].value
    conds = (None if regions is None else regions > 1, specifics)
    if any(c is False for c in conds):
        return False
    return True if all(c is True for c in conds) else None


def team_split(audit: Audit) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """The team's heads and sellers (None without a team table)."""
    team = audit.table("team")
    if team is None:
        return None
    roles = (
        team["role"].fillna("universal") if "role" in team else pd.Series("universal", team.index)
    )
    return team[roles == "head"], team[roles != "head"]


def regions_without_head(audit: Audit) -> tuple[str, ...]:
    """Regions of REGION_TEAM sellers or more with no head of their own, under the regional
    matrix; judged only when every head's region is known (empty otherwise)."""
    split = team_split(audit)
    if split is None or regional_matrix(audit) is not True:
        return ()
    heads, sellers = split
    if "region" not in sellers or sellers["region"].isna().all() or heads["region"].isna().any():
        return ()
    led = set(heads["region"])
    counts = sellers["region"].dropna().value_counts()
    team = int(C.REGION_TEAM.value)
    return tuple(sorted(str(r) for r, n in counts.items() if r not in led and n >= team))


def heads_by_region(audit: Audit) -> dict[str, int]:
    """Under the regional matrix, heads per region with a team of its own (REGION_TEAM sellers or
    more): one per span of its sellers (empty when the matrix does not apply or the sellers' or
    heads' regions are unknown)."""
    split = team_split(audit)
    if split is None or regional_matrix(audit) is not True:
        return {}
    heads, sellers = split
    if "region" not in sellers or sellers["region"].isna().all() or heads["region"].isna().any():
        return {}
    counts = sellers["region"].dropna().value_counts()
    span, team = audit.config.capacity.span, int(C.REGION_TEAM.value)
    return {str(r): math.ceil(n / span) for r, n in sorted(counts.items()) if n >= team}


def regional_heads(audit: Audit) -> int:
    """Heads the regional matrix needs: one per span of sellers in each region with a team of
    its own (:func:`heads_by_region`), when a region lacks its head (0 when none does)."""
    if not regions_without_head(audit):
        return 0
    return sum(heads_by_region(audit).values())


def heads_required(sellers: int, span: int, regional: int = 0) -> int:
    """The heads a team needs: ceil(sellers / span), or the regional matrix's, whichever is more."""
    return max(math.ceil(sellers / span), regional)
