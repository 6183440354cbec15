"""The org chart today and the recommended one, as rows (head, region, role, sellers).

Today: each seller under their head ('' for none), with region and role, from `team`.
Recommended: the heads sizing requires (today's heads kept with their regions, then a new head
for each region without one, then further new heads), the sellers each role needs dealt out over
the heads as evenly as the counts allow, at most `span` sellers each where the heads allow.
"""

from __future__ import annotations

import pandas as pd

from salesaudit.inputs.audit import Audit
from salesaudit.steps.sizing.heads import regions_without_head, team_split

COLUMNS = ["head", "region", "role", "sellers", "names"]
NEW_HEAD = "+"  # the prefix of a head to hire ("+1", "+2", ...; "+Centre" for a region's)


def org_today(audit: Audit) -> pd.DataFrame | None:
    """Today's sellers per head, region and role, with their names (None without a team)."""
    split = team_split(audit)
    if split is None:
        return None
    sellers = split[1]
    df = pd.DataFrame(
        {
            "head": sellers["head"].fillna("") if "head" in sellers else "",
            "region": sellers["region"].fillna("") if "region" in sellers else "",
            "role": sellers["role"].fillna("universal") if "role" in sellers else "universal",
            "name": sellers["manager"].astype(str),
        }
    )
    out = df.groupby(["head", "region", "role"], sort=True)["name"].agg(
        sellers="size", names=lambda s: tuple(sorted(s))
    )
    return out.reset_index()[COLUMNS]


def recommended_heads(audit: Audit, heads: int) -> list[tuple[str, str]]:
    """(head, region) for each head required: today's, a new one per region without, then more."""
    split = team_split(audit)
    today: list[tuple[str, str]] = []
    if split is not None:
        hs = split[0]
        regions = hs["region"] if "region" in hs else pd.Series("", index=hs.index)
        today = [
            (str(m), str(r) if pd.notna(r) else "")
            for m, r in zip(hs["manager"], regions, strict=True)
        ]
    new = [(f"{NEW_HEAD}{r}", r) for r in regions_without_head(audit)]
    out = (today + new)[:heads]
    out += [(f"{NEW_HEAD}{i + 1}", "") for i in range(heads - len(out))]
    return out


def org_recommended(audit: Audit, required: dict[str, int], heads: int) -> pd.DataFrame:
    """The recommended sellers per head and role: each role's count dealt out over the heads,
    the head with the fewest sellers first."""
    slots = recommended_heads(audit, max(heads, 1))
    load = [0] * len(slots)
    rows: dict[tuple[int, str], int] = {}
    for role, n in required.items():
        for _ in range(n):
            i = min(range(len(slots)), key=lambda k: (load[k], k))
            load[i] += 1
            rows[(i, role)] = rows.get((i, role), 0) + 1
    out = [
        {"head": slots[i][0], "region": slots[i][1], "role": r, "sellers": n, "names": ()}
        for (i, r), n in sorted(rows.items())
    ]
    return pd.DataFrame(out, columns=COLUMNS)
