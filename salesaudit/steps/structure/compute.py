"""Step 03 numbers: which structure the facts call for, span of control and violations today.

Results are keys, counts and `Finding`s (codes `st.*`); `text` and `charts` render them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from salesaudit.core.results import Finding
from salesaudit.inputs import answers
from salesaudit.inputs.audit import Audit
from salesaudit.steps import sizing


def _roles(team: pd.DataFrame) -> pd.Series:
    """Each team member's role ('universal' where none is given)."""
    if "role" not in team:
        return pd.Series("universal", index=team.index)
    return team["role"].fillna("universal")


def _heads(team: pd.DataFrame) -> pd.Series:
    """Each team member's head ('' where none is given)."""
    if "head" not in team:
        return pd.Series("", index=team.index)
    return team["head"].fillna("")


RULES = ("regional_matrix", "product_category", "customer_type")
# the facts each rule reads (docs/methodology.md §6.2)
RULE_FACTS = {
    "regional_matrix": ("regions", "region_specifics"),
    "product_category": ("complex_product", "after_sales_service"),
    "customer_type": ("segments", "segment_distinct_behaviour"),
}


def _all(*conds: bool | None) -> bool | None:
    """Three-valued AND: False if any condition fails, True if all hold, else None."""
    if any(c is False for c in conds):
        return False
    return True if all(c is True for c in conds) else None


def _any(*conds: bool | None) -> bool | None:
    """Three-valued OR: True if any condition holds, False if all fail, else None."""
    if any(c is True for c in conds):
        return True
    return False if all(c is False for c in conds) else None


def rule_status(audit: Audit) -> dict[str, bool | None]:
    """Whether each structure rule holds (None: a fact it reads is not assessed)."""
    f = {k: a.value for k, a in answers.structure(audit).items()}
    segments = f["segments"]
    return {
        "regional_matrix": sizing.regional_matrix(audit),
        "product_category": _any(f["complex_product"], f["after_sales_service"]),
        "customer_type": _all(
            None if segments is None else 2 <= segments <= 5, f["segment_distinct_behaviour"]
        ),
    }


def matches(audit: Audit) -> list[str]:
    """Structures whose conditions are known to hold, in rule order (functional_linear always last)."""
    status = rule_status(audit)
    return [k for k in RULES if status[k]] + ["functional_linear"]


def recommend(audit: Audit) -> tuple[str | None, str | None]:
    """The recommended structure and the secondary split; (None, None) while open answers decide it.

    First match wins: a rule counts only when every rule before it is answered and fails.
    """
    status = rule_status(audit)
    chosen: list[str] = []
    for k in RULES:
        if status[k] is None:
            break
        if status[k]:
            chosen.append(k)
            if len(chosen) == 2:
                break
    else:
        if not chosen:
            chosen.append("functional_linear")
    if not chosen:
        return None, None
    return chosen[0], chosen[1] if len(chosen) > 1 else None


def deciding_open(audit: Audit) -> tuple[str, ...]:
    """The unanswered facts of the rules still undecided (empty when all rules are decided)."""
    status, facts = rule_status(audit), answers.structure(audit)
    return tuple(
        f for k in RULES if status[k] is None for f in RULE_FACTS[k] if not facts[f].assessed
    )


def rules(audit: Audit) -> list[Finding]:
    """Facts read from the data (`st.derived`), the rules that decided (`st.rule.<structure>`)
    and the result (`st.recommended`), or which answers decide it (`st.undecided`)."""
    facts = answers.structure(audit)
    out = [
        Finding("st.derived", {"fact": k, "note": a.evidence})
        for k, a in facts.items()
        if a.source == answers.DERIVED and a.evidence is not None
    ]
    main, second = recommend(audit)
    if main is None:
        out.append(Finding("st.undecided", {"facts": deciding_open(audit)}, "warning"))
        return out
    params = {"regions": facts["regions"].value, "segments": facts["segments"].value}
    out += [
        Finding(f"st.rule.{k}", params)
        for k in matches(audit)
        if k != "functional_linear" or main == "functional_linear"
    ]
    out.append(Finding("st.recommended", {"main": main, "second": second}))
    return out


def _span_table(audit: Audit) -> pd.DataFrame:
    """Sellers per head today, most sellers first."""
    team = audit.table("team")
    if team is None:
        return pd.DataFrame(columns=["head", "sellers"])
    sellers = team[_roles(team) != "head"]
    out = _heads(sellers).value_counts().rename_axis("head").reset_index(name="sellers")
    return out.sort_values(["sellers", "head"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )


def span_table(audit: Audit) -> pd.DataFrame:
    """Sellers per head today (canonical columns: head, sellers; '' for no head), once per audit."""
    return audit.memo(("structure.span_table",), lambda: _span_table(audit))


def violations(audit: Audit) -> list[dict[str, Any]]:
    """Heads over the span (kind over_span) and sellers without a head (kind no_head)."""
    span = audit.config.capacity.span
    out: list[dict[str, Any]] = []
    for r in span_table(audit).itertuples():
        if r.head == "":
            team = audit.tables["team"]
            lone = (_roles(team) != "head") & (_heads(team) == "")
            names = team[lone]["manager"].tolist()
            out.append({"kind": "no_head", "sellers": int(r.sellers), "names": names})
        elif r.sellers > span:
            out.append(
                {"kind": "over_span", "head": r.head, "sellers": int(r.sellers), "span": span}
            )
    return out


def span_findings(audit: Audit) -> list[Finding]:
    """Span violations as findings (`st.over_span`, `st.no_head`), `st.ok` when there are none,
    or `st.no_team` when there is no team table to judge them by."""
    if audit.table("team") is None:
        return [Finding("st.no_team", {}, "warning")]
    out = []
    for v in violations(audit):
        if v["kind"] == "over_span":
            params = {"head": v["head"], "n": v["sellers"], "span": v["span"]}
            out.append(Finding("st.over_span", params, "bad"))
        else:
            out.append(Finding("st.no_head", {"n": v["sellers"], "names": v["names"]}, "bad"))
    return out or [Finding("st.ok", {}, "good")]


def team_rows(audit: Audit) -> pd.DataFrame | None:
    """The current org chart: head ('' for none), role, manager; sellers only, sorted."""
    team = audit.table("team")
    if team is None:
        return None
    roles = _roles(team)
    df = pd.DataFrame({"head": _heads(team), "role": roles, "manager": team["manager"]})
    return df[roles != "head"].sort_values(["head", "role", "manager"], kind="stable")


GAP_KINDS = ("region_without_head", "over_span", "no_head", "universals", "rotation")
SPECIALIST_ROLES = ("hunter", "closer", "farmer")


@dataclass(frozen=True)
class Gap:
    """One gap between today's team and the structure the facts call for (docs/methodology.md §3).

    kind: region_without_head (a region of at least REGION_TEAM sellers whose head sits in another
    region or who have none), over_span (a head leading more than the span), no_head (sellers
    without a head), universals (universal sellers while the role model is hunter–closer–farmer),
    rotation (sellers beyond their role's need to move up a role before the plan hires).
    """

    kind: str  # one of GAP_KINDS
    sellers: tuple[str, ...]  # the sellers concerned, by name
    region: str | None = None  # region_without_head: the region
    heads: tuple[str, ...] = ()  # region_without_head: who leads them now; over_span: the head
    span: int | None = None  # over_span: the span of control
    roles: tuple[tuple[str, int], ...] = ()  # universals: (role, n) the target needs more of
    relieves: tuple[tuple[str, int, int], ...] = ()  # region: (head, sellers now, after)
    resolved_by: str | None = None  # over_span: the region whose own head brings it within span


_team_split = sizing.team_split


def _region_gaps(audit: Audit) -> list[Gap]:
    """Regions of REGION_TEAM sellers or more with no head of their own (regional matrix only)."""
    split, regions = _team_split(audit), sizing.regions_without_head(audit)
    if split is None or not regions:
        return []
    sellers = split[1]
    load = _heads(sellers).value_counts()
    out = []
    for region, grp in sellers.dropna(subset=["region"]).groupby("region", sort=True):
        if str(region) not in regions:
            continue
        by = _heads(grp)
        now = sorted(h for h in by.unique() if h)
        relieves = tuple((h, int(load[h]), int(load[h] - (by == h).sum())) for h in now)
        names = tuple(sorted(grp["manager"]))
        out.append(Gap("region_without_head", names, str(region), tuple(now), relieves=relieves))
    return out


def _universal_gap(audit: Audit) -> list[Gap]:
    """Universal sellers to move into closer or farmer roles by their track record (sizing's
    moves, hunter–closer–farmer model only)."""
    p = sizing.plan(audit)
    if p is None or not p.moves:
        return []
    names = tuple(m.name for m in p.moves)
    roles = tuple((r, n) for r in SPECIALIST_ROLES if (n := sum(m.to == r for m in p.moves)))
    return [Gap("universals", names, roles=roles)]


def _rotation_gap(audit: Audit) -> list[Gap]:
    """Sellers beyond their role's need moved up a role before hiring (sizing's rotations)."""
    p = sizing.plan(audit)
    if p is None or not p.rotations:
        return []
    names = tuple(r.name for r in p.rotations)
    heads = (p.rotations[0].source,)  # the role they leave
    return [Gap("rotation", names, heads=heads, roles=((p.rotations[0].to, len(names)),))]


def _gaps(audit: Audit) -> tuple[Gap, ...]:
    """The gaps in GAP_KINDS order (uncached; see :func:`gaps`)."""
    regions = _region_gaps(audit)
    relieved = {h: g.region for g in regions for h, _, after in g.relieves}
    out: list[Gap] = list(regions)
    for v in violations(audit):
        if v["kind"] == "over_span":
            head, span = v["head"], v["span"]
            after = {h: a for g in regions for h, _, a in g.relieves}.get(head)
            by = relieved[head] if after is not None and after <= span else None
            team = audit.tables["team"]
            names = tuple(sorted(team.loc[_heads(team) == head, "manager"]))
            out.append(Gap("over_span", names, heads=(head,), span=span, resolved_by=by))
        else:
            out.append(Gap("no_head", tuple(v["names"])))
    out += _universal_gap(audit) + _rotation_gap(audit)
    return tuple(sorted(out, key=lambda g: GAP_KINDS.index(g.kind)))


def gaps(audit: Audit) -> tuple[Gap, ...]:
    """The structure's gaps today: regions without a head, span breaches, sellers without a head,
    universals to redeploy (memoised; empty when the team is unknown)."""
    return audit.memo(("structure.gaps",), lambda: _gaps(audit))


def advice(audit: Audit) -> tuple[Finding, ...]:
    """One action per gap still open (`st.advice.<kind>`); a span breach that a region's own head
    resolves is folded into that region's action. Empty when there is no gap."""
    out = []
    for g in gaps(audit):
        n = len(g.sellers)
        if g.kind == "region_without_head":
            relief = [(h, a, b) for h, a, b in g.relieves if a > audit.config.capacity.span >= b]
            params = {"region": g.region, "n": n, "names": g.sellers, "heads": g.heads}
            out.append(Finding("st.advice.region_without_head", {**params, "relief": relief}))
        elif g.kind == "over_span" and g.resolved_by is None:
            params = {"head": g.heads[0], "n": n, "span": g.span}
            out.append(Finding("st.advice.over_span", params))
        elif g.kind == "no_head":
            out.append(Finding("st.advice.no_head", {"n": n, "names": g.sellers}))
        elif g.kind == "universals":
            roles: dict[str, Any] = {"n": n, "names": g.sellers, "roles": g.roles}
            out.append(Finding("st.advice.universals", roles))
        elif g.kind == "rotation":
            params = {"n": n, "names": g.sellers, "source": g.heads[0], "to": g.roles[0][0]}
            out.append(Finding("st.advice.rotation", params))
    return tuple(out)


def heads_needed(audit: Audit) -> int | None:
    """Heads the team needs: sizing's one figure (the span's and the regional matrix's together),
    or the regional matrix's alone when the team cannot be sized; None when neither is known."""
    p = sizing.plan(audit)
    if p is not None:
        return p.heads
    regional = sizing.regional_heads(audit)
    return regional or None


def gap_rows(audit: Audit) -> list[dict[str, Any]]:
    """The gaps as plain rows for findings.json."""
    return [
        {
            "kind": g.kind,
            "sellers": len(g.sellers),
            "names": list(g.sellers),
            "region": g.region,
            "heads": list(g.heads),
            "span": g.span,
            "to_roles": dict(g.roles),
            "relieves": [{"head": h, "now": a, "after": b} for h, a, b in g.relieves],
            "resolved_by": g.resolved_by,
        }
        for g in gaps(audit)
    ]


def findings(audit: Audit) -> dict[str, Any]:
    """The findings.json `structure` section (recommended null while open answers decide it)."""
    main, second = recommend(audit)
    p = sizing.plan(audit)
    facts = answers.structure(audit)
    return {
        "recommended": main,
        "secondary": second,
        "facts": {k: a.value for k, a in facts.items()},
        "derived": [k for k, a in facts.items() if a.source == answers.DERIVED],
        "not_assessed": [k for k, a in facts.items() if not a.assessed],
        "deciding_open": list(deciding_open(audit)),
        "roles": p["roles"] if p else None,
        "span": audit.config.capacity.span,
        "heads": p.heads if p else None,
        "span_violations": violations(audit),
        "gaps": gap_rows(audit),
        "heads_needed": heads_needed(audit),
    }
