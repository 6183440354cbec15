"""Target earnings per role, resolved once and in the client's currency.

In order: the client's `compensation.target_earnings`; else the client's own pay today (the
median `team.fixed_pay` of the role, logged as an assumption); else the methodology's figures,
which are in roubles, only when the client's currency is RUB; else the role has none and the
report says what to fill. A universal seller without a figure of his own is priced as a closer.
"""

from __future__ import annotations

import pandas as pd

from salesaudit.core import constants as C
from salesaudit.inputs.audit import Audit
from salesaudit.inputs.client import PAY_ROLES

GIVEN = "client"  # the client file's compensation.target_earnings
TODAY = "source.fixed_pay"  # today's pay: the median team.fixed_pay of the role (an i18n key)
METHODOLOGY_CURRENCY = (
    "RUB"  # the currency of the methodology's figures (constants.TARGET_EARNINGS)
)


def fixed_pay_by_role(audit: Audit) -> dict[str, float]:
    """The median positive `team.fixed_pay` per role (empty without a team table or pay column)."""
    team = audit.table("team")
    if team is None or "fixed_pay" not in team or "role" not in team:
        return {}
    pay = pd.to_numeric(team["fixed_pay"], errors="coerce")
    ok = pay > 0
    medians = pay[ok].groupby(team.loc[ok, "role"]).median()
    return {str(r): float(v) for r, v in medians.items() if r in PAY_ROLES}


def _resolve(audit: Audit) -> dict[str, tuple[float, str]]:
    """Target earnings per role with their source (uncached; see :func:`target_earnings`)."""
    cfg = audit.config
    given = cfg.compensation.target_earnings
    today = fixed_pay_by_role(audit)
    rub = cfg.currency.strip().upper() == METHODOLOGY_CURRENCY
    out: dict[str, tuple[float, str]] = {}
    for role in PAY_ROLES:
        if role in given:
            out[role] = (float(given[role]), GIVEN)
        elif role in today:
            out[role] = (today[role], TODAY)
        elif rub and role in C.TARGET_EARNINGS:
            norm = C.TARGET_EARNINGS[role]
            out[role] = (norm.value, norm.source)
    if "universal" not in out and "closer" in out:
        out["universal"] = out["closer"]
    return out


def target_earnings(audit: Audit) -> dict[str, tuple[float, str]]:
    """{role: (monthly target earnings, source)}; a role without a figure is absent (memoised).

    The source is GIVEN, TODAY, or the methodology Norm's source (RUB clients only).
    """
    return audit.memo(("inputs.target_earnings",), lambda: _resolve(audit))


def missing_roles(audit: Audit, roles: tuple[str, ...] = PAY_ROLES) -> tuple[str, ...]:
    """The roles among `roles` with no target earnings: the client file must give them."""
    te = target_earnings(audit)
    return tuple(r for r in roles if r not in te)
