"""Portfolio benchmarks: each client's key figures, their quartiles across audited clients, and the
summary's "compared with N audited clients of its sector" lines.

The figures are read from a findings-shaped document (findings.json, or the same sections built
in the summary's kernel), so the portfolio and a client's own report compare the same numbers.
The benchmark file (`portfolio.json`, written by `salesaudit batch`) holds quartiles and counts
only, never a client's name. The runner hands its path to the summary kernel in BENCHMARKS_ENV.
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from salesaudit.core.errors import InputError, read_json_document
from salesaudit.core.names import STAGE_KEYS
from salesaudit.i18n import fmt_num, fmt_pct, t
from salesaudit.inputs.audit import Audit
from salesaudit.steps import compensation, customers, sizing
from salesaudit.steps.funnel.findings import findings as funnel_findings

BENCHMARKS_ENV = "SALESAUDIT_BENCHMARKS"  # the runner sets it to `--benchmarks` (or '')
BENCHMARKS_SCHEMA = 1
MIN_PEERS = 4  # fewer clients of a sector than this: compare with the whole portfolio
ALL = "all"  # the portfolio-wide group in portfolio.json
# metric → kind (how it is formatted): share 0..1, days, count
BASE_METRICS: dict[str, str] = {
    "win_rate": "share",
    **{f"conv.{k}": "share" for k in STAGE_KEYS[:-1]},
    "cycle_days": "days",
    "p_target": "share",
    "abc_a": "share",
    "xyz_x": "share",
    "abcxyz_ax": "share",
    "abcxyz_cz": "share",
    "sellers_required": "count",
    "sellers_current": "count",
    "sellers_gap": "count",
}
COST_PREFIX = (
    "cost_of_sales."  # + a seller role: findings compensation.roles.<role>.cost_of_sales_at_plan
)
COST_ROLES = ("hunter", "closer", "farmer", "universal")  # the head carries no revenue of its own
TEAM_COST = "team_cost_of_sales"  # sizing.cost_per_month.needed ÷ sizing.target (both a month)


def _num(x: Any) -> float | None:
    """x as a float, or None when it is not a number."""
    return float(x) if isinstance(x, int | float) and not isinstance(x, bool) else None


def _stage_conversions(funnel: Mapping[str, Any]) -> dict[str, float | None]:
    """conv.<stage>: conversion to the next stage, where the stages are identified and not too few."""
    out: dict[str, float | None] = {f"conv.{k}": None for k in STAGE_KEYS[:-1]}
    if not funnel.get("stages_identified", True):  # findings before 0.2 lack the key
        return out
    for s in funnel.get("stages") or []:
        ok = s.get("identified", True) and not s.get("too_few")
        if f"conv.{s.get('key')}" in out and ok:
            out[f"conv.{s['key']}"] = _num(s.get("conversion_to_next"))
    return out


def _abcxyz_shares(abc: Mapping[str, Any]) -> dict[str, float | None]:
    """Shares of the clients in class A, in X, in the cell AX and in CZ."""
    matrix = {k: int(v or 0) for k, v in (abc.get("matrix") or {}).items()}
    total = sum(matrix.values())
    if not total:
        return {"abc_a": None, "xyz_x": None, "abcxyz_ax": None, "abcxyz_cz": None}
    cls = {c: sum(v for k, v in matrix.items() if c in k) for c in "AX"}
    return {
        "abc_a": cls["A"] / total,
        "xyz_x": cls["X"] / total,
        "abcxyz_ax": matrix.get("AX", 0) / total,
        "abcxyz_cz": matrix.get("CZ", 0) / total,
    }


def _sellers(siz: Mapping[str, Any]) -> dict[str, float | None]:
    """Sellers the target needs (sizing.required), sellers now (sizing.current, heads aside), the gap.

    An empty sizing.current means no team table: today's sellers are unknown (None), not zero,
    and so is the gap.
    """
    req, cur = siz.get("required"), siz.get("current")
    need = sum(int(v or 0) for v in req.values()) if isinstance(req, dict) else None
    have = (
        sum(int(v or 0) for k, v in cur.items() if k != "head")
        if isinstance(cur, dict) and cur
        else None
    )
    gap = need - have if need is not None and have is not None else None
    return {"sellers_required": need, "sellers_current": have, "sellers_gap": gap}


def client_metrics(doc: Mapping[str, Any]) -> dict[str, float | None]:
    """A client's benchmark figures from its findings (None where a figure is not supported)."""
    funnel = doc.get("funnel") or {}
    out: dict[str, float | None] = {"win_rate": _num(funnel.get("win_rate"))}
    out.update(_stage_conversions(funnel))
    out["cycle_days"] = _num((funnel.get("cycle_days") or {}).get("median"))
    out["p_target"] = _num((funnel.get("forecast") or {}).get("p_target"))
    out.update(_abcxyz_shares(doc.get("abcxyz") or {}))
    out.update(_sellers(doc.get("sizing") or {}))
    out.update(_costs(doc.get("compensation") or {}, doc.get("sizing") or {}))
    return out


def _costs(comp: Mapping[str, Any], siz: Mapping[str, Any]) -> dict[str, float | None]:
    """Cost of sales at plan per seller role the pay design covers, and the needed team's."""
    roles = comp.get("roles")
    by_role: dict[str, Any] = roles if isinstance(roles, dict) else {}
    out: dict[str, float | None] = {
        COST_PREFIX + r: _num(by_role[r].get("cost_of_sales_at_plan"))
        for r in COST_ROLES
        if isinstance(by_role.get(r), dict)
    }
    cost = _num((siz.get("cost_per_month") or {}).get("needed"))
    target = _num(siz.get("target"))
    out[TEAM_COST] = cost / target if cost is not None and target else None
    return out


def kind(metric: str) -> str:
    """How a metric is formatted: share, days or count."""
    if metric.startswith(COST_PREFIX) or metric == TEAM_COST:
        return "share"
    return BASE_METRICS.get(metric, "count")


def quartiles(values: list[float]) -> dict[str, float | int]:
    """n, min, max of the values, and q1, median, q3 from MIN_PEERS values on (inclusive method).

    Fewer values have no quartiles: they would place nobody (see `position`).
    """
    v = sorted(values)
    out: dict[str, float | int] = {"n": len(v), "min": v[0], "max": v[-1]}
    if len(v) >= MIN_PEERS:
        q1, med, q3 = statistics.quantiles(v, n=4, method="inclusive")
        out |= {"q1": q1, "median": med, "q3": q3}
    return out


def position(value: float | None, q: Mapping[str, Any]) -> int | None:
    """Which quartile of the group the value lies in: 1 (lowest values) … 4 (highest).

    None with fewer than MIN_PEERS values (no quartiles), or when every value is the same
    (a quartile would rank equal clients apart). The highest value is in the 4th, the lowest
    in the 1st, even when ties put a quartile boundary on it.
    """
    if value is None or not q or q.get("n", 0) < MIN_PEERS or "q1" not in q:
        return None
    if q["min"] == q["max"]:
        return None
    # the group's highest (lowest) value is its top (bottom) quartile, however many share it
    if value >= q["max"]:
        return 4
    if value <= q["min"]:
        return 1
    return 1 + sum(value > q[k] for k in ("q1", "median", "q3"))


def summarise(rows: list[tuple[str | None, dict[str, float | None]]]) -> dict[str, Any]:
    """portfolio.json from (sector, metrics) per client: per group (all, each sector), per metric, quartiles and N."""
    groups: dict[str, list[dict[str, float | None]]] = {ALL: [m for _, m in rows]}
    for sector, m in rows:
        if sector:
            groups.setdefault(sector, []).append(m)
    out: dict[str, Any] = {}
    for group, members in groups.items():
        names = sorted({k for m in members for k in m})
        stats = {}
        for k in names:
            vals = [v for m in members if (v := m.get(k)) is not None]
            if vals:
                stats[k] = quartiles(vals)
        out[group] = {"clients": len(members), "metrics": stats}
    return {"schema": BENCHMARKS_SCHEMA, "tool": "salesaudit", "groups": out}


def load(path: str | Path) -> dict[str, Any]:
    """A portfolio.json, checked; raises InputError naming the file."""
    hint = "Pass the portfolio.json a `salesaudit batch` wrote."
    doc = read_json_document(path, BENCHMARKS_SCHEMA, "a portfolio benchmark file", hint)
    if not isinstance(doc.get("groups"), dict) or ALL not in doc["groups"]:
        raise InputError("holds no benchmark groups.", file=str(path), hint=hint)
    return doc


def group_for(doc: Mapping[str, Any], sector: str | None) -> tuple[str, dict[str, Any]]:
    """The peer group: the client's sector when it has MIN_PEERS clients or more, else the whole portfolio."""
    groups = doc["groups"]
    if sector and groups.get(sector, {}).get("clients", 0) >= MIN_PEERS:
        return sector, groups[sector]
    return ALL, groups[ALL]


def fmt(metric: str, value: float | None, lang: str) -> str:
    """A metric's value in the report language ('—' when absent)."""
    k = kind(metric)
    if k == "share":
        return fmt_pct(value, lang, 1)
    return fmt_num(value, lang, 0)


def label(metric: str, lang: str) -> str:
    """A metric's name in the report language."""
    if metric.startswith("conv."):
        return t("peers.m.conv", lang, stage=t(f"stage.{metric[5:]}", lang))
    if metric.startswith(COST_PREFIX):
        role = t(f"role.{metric[len(COST_PREFIX) :]}", lang).lower()  # mid-sentence
        return t("peers.m.cost_of_sales", lang, role=role)
    return t(f"peers.m.{metric}", lang)


def comparison(
    doc: Mapping[str, Any], metrics: Mapping[str, float | None], sector: str | None, lang: str
) -> list[str]:
    """'Compared with N audited clients of its sector', then each figure's quartile and the median."""
    group, peers = group_for(doc, sector)
    n = int(peers.get("clients", 0))
    if group == ALL:
        lines = [t("peers.intro_all", lang, n=n)]
    else:
        lines = [t("peers.intro", lang, n=n, sector=group)]
    for metric, value in metrics.items():
        q = peers.get("metrics", {}).get(metric)
        pos = position(value, q or {})
        if pos is None or q is None:
            continue
        lines.append(
            t(
                "peers.line",
                lang,
                metric=label(metric, lang),
                value=fmt(metric, value, lang),
                position=t(f"peers.q{pos}", lang),
                median=fmt(metric, q["median"], lang),
                q1=fmt(metric, q["q1"], lang),
                q3=fmt(metric, q["q3"], lang),
            )
        )
    return lines


def peers(audit: Audit, path: str = "") -> list[str]:
    """The summary's comparison with the portfolio in `path` (default: BENCHMARKS_ENV); [] without one."""
    path = path or os.environ.get(BENCHMARKS_ENV, "")
    if not path:
        return []
    doc = load(path)
    sections = {
        "funnel": funnel_findings(audit) if audit.table("deals") is not None else None,
        "abcxyz": customers.findings(audit),
        "sizing": sizing.findings(audit),
        "compensation": compensation.findings(audit),
    }
    metrics = {k: v for k, v in client_metrics(sections).items() if v is not None}
    return comparison(doc, metrics, audit.config.sector, audit.lang)
