"""The org chart today and the recommended one, as rows (head, region, role, sellers).

Today: each seller under their head ('' for none), with region and role, from `team`.
Recommended: the heads sizing requires (today's heads kept with their regions, then a new head
for each region without one, then further new heads), the sellers each role needs dealt out over
the heads as evenly as the counts allow, at most `span` sellers each where the heads allow.
Under the regional matrix the chart is by region: each region with a team of its own gets the
heads `heads.heads_by_region` gives it (today's heads there first, then heads to hire), any
further head the span needs goes to the region with the most sellers per head, and each role's
sellers are shared over the regions in proportion to the sellers each has today, then over the
region's heads.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from salesaudit.inputs.audit import Audit
from salesaudit.steps.sizing.heads import heads_by_region, regions_without_head, team_split

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
    today = _today_heads(audit)
    new = [(f"{NEW_HEAD}{r}", r) for r in regions_without_head(audit)]
    out = (today + new)[:heads]
    out += [(f"{NEW_HEAD}{i + 1}", "") for i in range(heads - len(out))]
    return out


def _today_heads(audit: Audit) -> list[tuple[str, str]]:
    """Today's heads as (name, region)."""
    split = team_split(audit)
    if split is None:
        return []
    hs = split[0]
    regions = hs["region"] if "region" in hs else pd.Series("", index=hs.index)
    return [
        (str(m), str(r) if pd.notna(r) else "") for m, r in zip(hs["manager"], regions, strict=True)
    ]


def regional_slots(audit: Audit, heads: int) -> list[tuple[str, str]]:
    """Under the regional matrix: (head, region) for each head — per region its heads from
    `heads_by_region` (today's there first, then to hire), the rest to the region with the most
    sellers per head; [] when not regional."""
    by_region = heads_by_region(audit)
    split = team_split(audit)
    if not by_region or split is None:
        return []
    weight = split[1]["region"].value_counts()
    today = [(h, r) for h, r in _today_heads(audit) if r in by_region]
    slots: list[tuple[str, str]] = []
    for region, n in by_region.items():
        mine = [s for s in today if s[1] == region][:n]
        slots += mine + [_new_head(region, i + len(mine)) for i in range(n - len(mine))]
    while len(slots) < heads:
        count = {r: sum(s[1] == r for s in slots) for r in by_region}
        region = max(by_region, key=lambda r: (weight.get(r, 0) / count[r], r))
        slots.append(_new_head(region, count[region]))
    return slots


def _new_head(region: str, i: int) -> tuple[str, str]:
    """A head to hire in a region ("+Centre", then "+Centre 2", ...)."""
    return (f"{NEW_HEAD}{region}" + (f" {i + 1}" if i else ""), region)


def people_by_region(audit: Audit, moved: Mapping[str, str]) -> pd.DataFrame:
    """Today's sellers per region and role after the moves (`moved`: name → new role); columns
    region, role, people."""
    split = team_split(audit)
    if split is None or "region" not in split[1]:
        return pd.DataFrame(columns=["region", "role", "people"])
    sellers = split[1]
    names = sellers["manager"].astype(str)
    role = names.map(lambda m: moved.get(m)).fillna(sellers["role"].fillna("universal"))
    df = pd.DataFrame({"region": sellers["region"], "role": role}).dropna()
    return df.groupby(["region", "role"]).size().rename("people").reset_index()


def share(n: int, weight: Mapping[str, float]) -> dict[str, int]:
    """`n` people shared over regions in proportion to `weight`: floors, then the largest
    remainders (ties by region name)."""
    total = sum(weight.values())
    if n <= 0 or total <= 0:
        return dict.fromkeys(weight, 0)
    exact = {r: n * w / total for r, w in weight.items()}
    out = {r: int(v) for r, v in exact.items()}
    left = n - sum(out.values())
    for r in sorted(exact, key=lambda r: (-(exact[r] - out[r]), r))[:left]:
        out[r] += 1
    return out


def by_region(
    slots: list[tuple[str, str]], required: Mapping[str, int], people: pd.DataFrame
) -> dict[tuple[int, str], int]:
    """Each role's sellers shared over the regions in proportion to that role's people there
    today after the moves (all sellers' when the role has nobody), then dealt out over the
    region's heads, the head with the fewest sellers first."""
    regions = sorted({r for _, r in slots})
    everyone = people.groupby("region")["people"].sum()
    load = [0] * len(slots)
    rows: dict[tuple[int, str], int] = {}
    for role, n in required.items():
        mine = people[people["role"] == role].set_index("region")["people"]
        base = mine if mine.reindex(regions).fillna(0).sum() > 0 else everyone
        weight = {r: float(base.get(r, 0)) for r in regions}
        for region, k in share(n, weight).items():
            for _ in range(k):
                i = min(
                    (j for j, s in enumerate(slots) if s[1] == region), key=lambda j: (load[j], j)
                )
                load[i] += 1
                rows[(i, role)] = rows.get((i, role), 0) + 1
    return rows


def evenly(heads: int, required: Mapping[str, int]) -> dict[tuple[int, str], int]:
    """Each role's sellers dealt out over the heads, the head with the fewest sellers first."""
    load = [0] * heads
    rows: dict[tuple[int, str], int] = {}
    for role, n in required.items():
        for _ in range(n):
            i = min(range(heads), key=lambda k: (load[k], k))
            load[i] += 1
            rows[(i, role)] = rows.get((i, role), 0) + 1
    return rows


def org_recommended(
    audit: Audit, required: dict[str, int], heads: int, moved: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """The recommended sellers per head and role: by region under the regional matrix (see
    :func:`regional_slots` and :func:`by_region`; `moved`: name → role after the moves), else
    each role's count dealt out over the heads, the head with the fewest sellers first."""
    slots = regional_slots(audit, max(heads, 1))
    if slots:
        rows = by_region(slots, required, people_by_region(audit, moved or {}))
    else:
        slots = recommended_heads(audit, max(heads, 1))
        rows = evenly(len(slots), required)
    out = [
        {"head": slots[i][0], "region": slots[i][1], "role": r, "sellers": n, "names": ()}
        for (i, r), n in sorted(rows.items())
    ]
    return pd.DataFrame(out, columns=COLUMNS)
