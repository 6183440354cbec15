"""Step 03 numbers: which structure the facts call for, span of control and violations today.

Results are keys, counts and `Finding`s (codes `st.*`); `text` and `charts` render them.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from salesaudit.core.results import Finding
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


def matches(audit: Audit) -> list[str]:
    """Structures whose conditions hold, in rule order (functional_linear always last)."""
    s = audit.config.structure
    out = []
    if s.regions > 1 and s.region_specifics:
        out.append("regional_matrix")
    if s.complex_product or s.after_sales_service:
        out.append("product_category")
    if 2 <= s.segments <= 5 and s.segment_distinct_behaviour:
        out.append("customer_type")
    out.append("functional_linear")
    return out


def recommend(audit: Audit) -> tuple[str, str | None]:
    """The recommended structure and the secondary split (if a second rule matched)."""
    m = matches(audit)
    secondary = m[1] if len(m) > 1 and m[1] != "functional_linear" else None
    return m[0], secondary


def rules(audit: Audit) -> list[Finding]:
    """The rules that decided (`st.rule.<structure>`) and the result (`st.recommended`)."""
    s = audit.config.structure
    main, second = recommend(audit)
    out = [
        Finding(f"st.rule.{k}", {"regions": s.regions, "segments": s.segments})
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
    """Span violations as findings (`st.over_span`, `st.no_head`), or `st.ok` when there are none."""
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


def findings(audit: Audit) -> dict[str, Any]:
    """The findings.json `structure` section."""
    main, second = recommend(audit)
    p = sizing.plan(audit)
    return {
        "recommended": main,
        "secondary": second,
        "roles": p["roles"] if p else None,
        "span": audit.config.capacity.span,
        "heads": p["heads"] if p else None,
        "span_violations": violations(audit),
    }
