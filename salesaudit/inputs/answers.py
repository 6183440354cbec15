"""The questionnaire (docs/client-file.md): each answer is given, derived from the data, or not assessed.

An answer the client file leaves out has no default: it is *not assessed* and becomes an open
question for the next workshop. A few structure facts can be read from the data (distinct
regions, segments and products; repeat purchases); those carry their evidence as a `Finding`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from salesaudit.core.names import WON
from salesaudit.core.results import Finding
from salesaudit.inputs.audit import Audit
from salesaudit.inputs.client import ClientConfig, CrmChecklist, PillarsConfig, StructureConfig

GIVEN, DERIVED, NOT_ASSESSED = "client", "data", "not_assessed"

ALGORITHM_STEPS = tuple(range(1, 8))
MODEL_ITEMS = ("hiring", "work_control", "training", "motivation", "last_review_months_ago")
PILLARS = tuple(PillarsConfig.model_fields)
STRUCTURE_ITEMS = tuple(StructureConfig.model_fields)
RHYTHM_ITEMS = ("morning_planning", "checkins_per_day", "daily_plan_fact", "board")
CRM_ITEMS = tuple(CrmChecklist.model_fields)
# the pay-principle answers (the others are judged from the pay design the client gives)
PAY_ITEMS = (
    "earnings_visible_daily",
    "own_results_only",
    "achievers_above_market",
    "instant_rewards",
)
# the pay scheme: the client gave one when any of these keys is in `compensation:`
PAY_SCHEME = ("mix", "threshold", "accelerator", "decelerator", "cap")

# structure facts that the data can answer: fact -> the canonical column counted
_DISTINCT = {"regions": "region", "segments": "segment", "products": "product"}


@dataclass(frozen=True)
class Answer:
    """One questionnaire item: its value (None when not assessed), where it came from, evidence."""

    key: str  # the item's path in client.yaml, e.g. "structure.regions"
    value: Any
    source: str  # GIVEN | DERIVED | NOT_ASSESSED
    evidence: Finding | None = None  # why a derived value holds (code `answer.*`, its values)

    @property
    def assessed(self) -> bool:
        """Whether the item has a value (given or derived)."""
        return self.source != NOT_ASSESSED


def given(key: str, value: Any) -> Answer:
    """An answer from the client file, or not assessed when the value is None."""
    return Answer(key, value, GIVEN if value is not None else NOT_ASSESSED)


def algorithm(cfg: ClientConfig) -> dict[int, Answer]:
    """The seven build-algorithm steps as answered (unanswered steps are not assessed)."""
    steps = cfg.model.algorithm
    return {s: given(f"model.algorithm.{s}", steps.get(s)) for s in ALGORITHM_STEPS}


def model_items(cfg: ClientConfig) -> dict[str, Answer]:
    """The diagnostic answers behind the typical mistakes (hiring, control, training, ...)."""
    return {k: given(f"model.{k}", getattr(cfg.model, k)) for k in MODEL_ITEMS}


def pillars(cfg: ClientConfig) -> dict[str, Answer]:
    """The self-assessment 0–4 of the four pillars."""
    return {k: given(f"model.pillars.{k}", getattr(cfg.model.pillars, k)) for k in PILLARS}


def rhythm(cfg: ClientConfig) -> dict[str, Answer]:
    """The management-rhythm answers."""
    return {k: given(f"control.{k}", getattr(cfg.control, k)) for k in RHYTHM_ITEMS}


def crm(cfg: ClientConfig) -> dict[str, Answer]:
    """The CRM readiness checklist answers."""
    return {k: given(f"control.crm.{k}", getattr(cfg.control.crm, k)) for k in CRM_ITEMS}


def pay_principles(cfg: ClientConfig) -> dict[str, Answer]:
    """The pay-principle answers of `compensation:` (clarity, own results, Darwin, instant rewards)."""
    return {k: given(f"compensation.{k}", getattr(cfg.compensation, k)) for k in PAY_ITEMS}


def pay_design(cfg: ClientConfig) -> dict[str, Answer]:
    """The pay-design keys the client gave (a key left at salesaudit's default is not assessed)."""
    comp = cfg.compensation
    return {
        k: given(f"compensation.{k}", getattr(comp, k) if k in comp.model_fields_set else None)
        for k in PAY_SCHEME
    }


def _distinct(audit: Audit, column: str) -> tuple[int, tuple[str, ...]]:
    """Distinct non-empty values of a canonical column over deals and sales, and the tables read."""
    values: set[str] = set()
    seen: list[str] = []
    for name in ("deals", "sales"):
        df = audit.table(name)
        if df is None or column not in df or df[column].notna().sum() == 0:
            continue
        seen.append(name)
        col = df[column].dropna().astype(str).str.strip()
        values |= set(col[col != ""])
    return len(values), tuple(seen)


def _repeat_sales(audit: Audit) -> Answer:
    """Repeat sales seen in the data: current-client deals, or a client buying in two months."""
    key = "structure.repeat_sales"
    deals = audit.table("deals")
    if deals is not None and "client_type" in deals:
        n = int((deals["client_type"] == "current").sum())
        if n:
            return Answer(key, True, DERIVED, Finding("answer.repeat_current", {"n": n}))
    months: list[pd.DataFrame] = []
    sales = audit.table("sales")
    if sales is not None and "client_id" in sales:
        months.append(pd.DataFrame({"c": sales["client_id"], "m": sales["date"].dt.to_period("M")}))
    if deals is not None and {"client_id", "closed_at"} <= set(deals):
        won = deals[deals["stage"] == WON]
        months.append(
            pd.DataFrame({"c": won["client_id"], "m": won["closed_at"].dt.to_period("M")})
        )
    if months:
        both = pd.concat(months).dropna().drop_duplicates()
        n = int((both.groupby("c")["m"].nunique() > 1).sum())
        if n:
            return Answer(key, True, DERIVED, Finding("answer.repeat_clients", {"n": n}))
    return Answer(key, None, NOT_ASSESSED)


def _structure(audit: Audit) -> dict[str, Answer]:
    """The structure facts (uncached; see :func:`structure`)."""
    s = audit.config.structure
    out = {k: given(f"structure.{k}", getattr(s, k)) for k in STRUCTURE_ITEMS}
    for fact, column in _DISTINCT.items():
        if out[fact].assessed:
            continue
        n, tables = _distinct(audit, column)
        if n:
            note = Finding("answer.distinct", {"n": n, "column": column, "tables": tables})
            out[fact] = Answer(f"structure.{fact}", n, DERIVED, note)
    if not out["repeat_sales"].assessed:
        out["repeat_sales"] = _repeat_sales(audit)
    return out


def structure(audit: Audit) -> dict[str, Answer]:
    """The structure facts: given, derived from the data with evidence, or not assessed (memoised)."""
    return audit.memo(("answers.structure",), lambda: _structure(audit))
