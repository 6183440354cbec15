"""Step 03: the recommended structure with its rationale, span of control and violations today."""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from salesaudit.i18n import t
from salesaudit.inputs.audit import Audit
from salesaudit.present.style import BAD, GOOD, label, styled
from salesaudit.steps import sizing


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


def rationale(audit: Audit) -> list[str]:
    """Which facts decided, as sentences."""
    lang, s = audit.lang, audit.config.structure
    main, second = recommend(audit)
    lines = [
        t(f"st.rule.{k}", lang, regions=s.regions, segments=s.segments)
        for k in matches(audit)
        if k != "functional_linear" or main == "functional_linear"
    ]
    sec = t("st.secondary", lang, s=t(f"structure.{second}", lang)) if second else ""
    lines.append(t("st.recommended", lang, main=t(f"structure.{main}", lang), second=sec))
    return lines


def span_table(audit: Audit) -> pd.DataFrame:
    """Sellers per head today (canonical columns: head, sellers)."""
    team = audit.table("team")
    if team is None:
        return pd.DataFrame(columns=["head", "sellers"])
    roles = team["role"] if "role" in team else pd.Series("universal", index=team.index)
    sellers = team[roles.fillna("universal") != "head"]
    heads = sellers["head"] if "head" in sellers else pd.Series(pd.NA, index=sellers.index)
    out = heads.fillna("").value_counts().rename_axis("head").reset_index(name="sellers")
    return out.sort_values(["sellers", "head"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )


def violations(audit: Audit) -> list[dict[str, Any]]:
    """Heads over the span and sellers without a head."""
    span = audit.config.capacity.span
    out: list[dict[str, Any]] = []
    for r in span_table(audit).itertuples():
        if r.head == "":
            team = audit.tables["team"]
            roles = (
                team["role"].fillna("universal")
                if "role" in team
                else pd.Series("universal", index=team.index)
            )
            heads = team["head"] if "head" in team else pd.Series(pd.NA, index=team.index)
            names = team[(roles != "head") & heads.isna()]["manager"].tolist()
            out.append({"kind": "no_head", "sellers": int(r.sellers), "names": names})
        elif r.sellers > span:
            out.append(
                {"kind": "over_span", "head": r.head, "sellers": int(r.sellers), "span": span}
            )
    return out


def violation_notes(audit: Audit) -> list[str]:
    """Span violations as sentences."""
    lang = audit.lang
    lines = []
    for v in violations(audit):
        if v["kind"] == "over_span":
            lines.append(t("st.over_span", lang, head=v["head"], n=v["sellers"], span=v["span"]))
        else:
            lines.append(t("st.no_head", lang, n=v["sellers"], names=", ".join(v["names"])))
    return lines or [t("st.ok", lang)]


def span_chart(audit: Audit) -> go.Figure | None:
    """Sellers per head, over-span bars in red, the span limit dashed."""
    tbl = span_table(audit)
    if tbl.empty:
        return None
    lang, span = audit.lang, audit.config.capacity.span
    names = [label(h) if h else t("st.no_head_label", lang) for h in tbl["head"]]
    colors = [
        BAD if (n > span or not h) else GOOD
        for h, n in zip(tbl["head"], tbl["sellers"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=names,
            y=tbl["sellers"],
            marker_color=colors,
            text=tbl["sellers"],
            textposition="outside",
        )
    )
    fig.add_hline(y=span, line_dash="dash", line_color="#555")
    fig.update_yaxes(
        title_text=t("tbl.sellers", lang), range=[0, max(int(tbl["sellers"].max()), span) + 2]
    )
    return styled(fig, t("chart.span", lang), lang, height=360)


def team_table(audit: Audit) -> pd.DataFrame | None:
    """The current org chart: each head and the sellers they lead, by role."""
    team = audit.table("team")
    if team is None:
        return None
    lang = audit.lang
    roles = (
        team["role"].fillna("universal")
        if "role" in team
        else pd.Series("universal", index=team.index)
    )
    heads = team["head"].fillna("") if "head" in team else pd.Series("", index=team.index)
    df = pd.DataFrame({"head": heads, "role": roles, "manager": team["manager"]})[roles != "head"]
    df = df.sort_values(["head", "role", "manager"], kind="stable")
    return pd.DataFrame(
        {
            t("tbl.head", lang): [h or t("st.no_head_label", lang) for h in df["head"]],
            t("tbl.role", lang): [t(f"role.{r}", lang) for r in df["role"]],
            t("tbl.manager", lang): df["manager"].tolist(),
        }
    )


def recommended_table(audit: Audit) -> pd.DataFrame | None:
    """The recommended org: teams of at most `span` sellers under one head each."""
    lang = audit.lang
    p = sizing.plan(audit)
    if p is None:
        return None
    rows = [
        {t("tbl.role", lang): t(f"role.{r}", lang), t("tbl.needed", lang): n}
        for r, n in p["required"].items()
        if n
    ]
    rows.append({t("tbl.role", lang): t("role.head", lang), t("tbl.needed", lang): p["heads"]})
    return pd.DataFrame(rows)


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
