"""findings.json: assemble every section (docs/methodology.md §6.8), validate through the typed model."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from salesaudit.core.errors import read_json_document
from salesaudit.core.numbers import jsonable
from salesaudit.i18n import t
from salesaudit.inputs.audit import Audit
from salesaudit.inputs.basis import revenue_basis
from salesaudit.report.findings_model import SCHEMA_VERSION, Findings, findings_schema
from salesaudit.steps import (
    compensation,
    control,
    customers,
    intake,
    sizing,
    structure,
    summary,
    technologies,
)
from salesaudit.steps import sales_model as model
from salesaudit.steps.funnel import findings as funnel
from salesaudit.steps.intake import reconciliation_findings

__all__ = [
    "SCHEMA_VERSION",
    "build",
    "changes",
    "key_figures",
    "load_previous",
    "schema",
    "validate",
]


def schema() -> dict[str, Any]:
    """The findings JSON Schema, generated from the typed model (the packaged file is a copy)."""
    return findings_schema()


def _section(
    fn: Callable[[Audit], Any], audit: Audit, needs: str | None, reasons: dict[str, str], name: str
) -> Any:
    """Run one section builder, or record why the data cannot support it."""
    if needs and audit.table(needs) is None:
        reasons[name] = t(f"reason.no_{needs}", "en")
        return None
    value = fn(audit)
    if value is None:
        reasons[name] = (
            t("reason.no_sales", "en") if name == "abcxyz" else "not supported by the data"
        )
    return value


def build(audit: Audit) -> dict[str, Any]:
    """Every findings.json section for one audit."""
    reasons: dict[str, str] = {}
    out: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "client": audit.config.client,
        "as_of": str(audit.as_of.date()),
        "as_of_source": audit.as_of_source,
        "language": audit.lang,
        "currency": audit.config.currency,
        "revenue_basis": revenue_basis(audit),
        "reconciliation": reconciliation_findings(audit),
        "data_quality": intake.findings(audit),
        "model": model.findings(audit),
        "technologies": technologies.findings(audit),
        "structure": structure.findings(audit),
        "sizing": sizing.findings(audit),
        "compensation": compensation.findings(audit),
        "funnel": _section(funnel.findings, audit, "deals", reasons, "funnel"),
        "abcxyz": _section(customers.findings, audit, None, reasons, "abcxyz"),
        "control": control.findings(audit),
        "summary": summary.findings(audit),
    }
    if out["sizing"] is None:
        reasons["sizing"] = t("s.no_average_deal", "en")
    out["reasons"] = reasons
    return jsonable(out)


def validate(doc: dict[str, Any]) -> Findings:
    """The document as the typed model; raises pydantic.ValidationError when it does not match."""
    return Findings.model_validate(doc)


def load_previous(path: Path) -> dict[str, Any]:
    """Read a previous audit's findings.json (for `--previous`)."""
    return read_json_document(
        path,
        SCHEMA_VERSION,
        "a findings.json",
        "Pass the findings.json of an earlier salesaudit run.",
    )


def _get(doc: Any, *keys: str | int) -> Any:
    """doc[k1][k2]…, or None where a key or index is missing."""
    for k in keys:
        if isinstance(doc, dict):
            doc = doc.get(k)  # type: ignore[call-overload]
        elif isinstance(doc, list) and isinstance(k, int) and -len(doc) <= k < len(doc):
            doc = doc[k]
        else:
            return None
    return doc


def _total(counts: Any, skip: tuple[str, ...] = ()) -> int | None:
    """Sum of a {role: count} mapping, without the roles in skip; None when absent."""
    if not isinstance(counts, dict):
        return None
    return sum(int(v or 0) for k, v in counts.items() if k not in skip)


def key_figures(doc: dict[str, Any]) -> dict[str, Any]:
    """The key figures compared between audits (the report's "since the last audit" section)."""
    return {
        "deals": _get(doc, "funnel", "stages", 0, "reached"),
        "won": _get(doc, "funnel", "won"),
        "meeting_to_contract": _get(doc, "funnel", "meeting_to_contract", "value"),
        "cycle_days": _get(doc, "funnel", "cycle_days", "median"),
        "average_deal": _get(doc, "sizing", "inputs", "average_deal"),
        "forecast_p50": _get(doc, "funnel", "forecast", "p50"),
        "p_target": _get(doc, "funnel", "forecast", "p_target"),
        "sellers": _total(_get(doc, "sizing", "current"), ("head",)),
        "sellers_needed": _total(_get(doc, "sizing", "required")),
        "crm_readiness": _get(doc, "control", "crm_readiness"),
    }


def _pairs(now: Any, before: Any) -> dict[str, dict[str, Any]]:
    """{key: {before, now}} for every key of now (before None where the old audit lacks it)."""
    now, before = now or {}, before or {}
    return {k: {"before": before.get(k), "now": v} for k, v in now.items()}


def changes(now: dict[str, Any], before: dict[str, Any]) -> dict[str, Any]:
    """What moved since the previous audit: algorithm steps, scores, key figures, ABC-XYZ cells."""
    steps_before = {s["step"]: s["status"] for s in _get(before, "model", "algorithm") or []}
    algo = [
        {"step": s["step"], "before": steps_before.get(s["step"]), "now": s["status"]}
        for s in _get(now, "model", "algorithm") or []
        if steps_before.get(s["step"]) != s["status"]
    ]
    return {
        "previous_as_of": before.get("as_of"),
        "algorithm": algo,
        "pillars": _pairs(_get(now, "model", "pillars"), _get(before, "model", "pillars")),
        "win_rate": {
            "before": _get(before, "funnel", "win_rate"),
            "now": _get(now, "funnel", "win_rate"),
        },
        "abcxyz_matrix": _pairs(_get(now, "abcxyz", "matrix"), _get(before, "abcxyz", "matrix")),
        "coverage": _pairs(
            _get(now, "technologies", "coverage"), _get(before, "technologies", "coverage")
        ),
        "figures": _pairs(key_figures(now), key_figures(before)),
    }
