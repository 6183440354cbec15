"""The report's one revenue basis for an audit, computed once: `facts.reconcile` memoised.

`revenue_basis` names it (the target's: won deals unless `targets.basis` says payments),
`reconciliation` holds both bases, the ratio, lag, target and plan, and `target_per_month` is
the one reader of the revenue target every step uses (plan/fact, forecast, goal seek, sizing).
"""

from __future__ import annotations

from salesaudit.inputs.audit import Audit
from salesaudit.inputs.facts import Reconciliation, RevenueBasis, reconcile


def reconciliation(audit: Audit) -> Reconciliation | None:
    """:func:`reconcile` for the audit, once per run."""
    return audit.memo(
        ("facts.reconciliation",), lambda: reconcile(audit.tables, audit.config, audit.as_of)
    )


def revenue_basis(audit: Audit) -> RevenueBasis | None:
    """The report's one revenue basis: the target's (won deals unless stated), None without revenue."""
    r = reconciliation(audit)
    return None if r is None else r.basis


def target_per_month(audit: Audit) -> float | None:
    """The revenue target a month in the report's basis: the one reader of `targets`."""
    r = reconciliation(audit)
    if r is None:
        return audit.config.targets.revenue_per_month
    return r.target_month
