"""Synthetic, stationary deal histories for the funnel tests (known generating parameters)."""

from __future__ import annotations

import numpy as np
import pandas as pd

STAGES = ["target_list", "first_contact", "needs_brief", "offer", "offer_defense", "contract"]


def history(
    months: int = 24,
    per_month: float = 120.0,
    conversions: tuple[float, ...] = (0.6, 0.55, 0.7, 0.6, 0.5),
    stage_days: float = 9.0,
    amount_mu: float = 12.0,
    amount_sigma: float = 0.6,
    as_of: str = "2026-09-30",
    seed: int = 7,
    stages: list[str] | None = None,
    managers: tuple[str, ...] = ("Anna", "Boris", "Vera", "Gleb"),
    growth: float = 0.0,
    season: float = 0.0,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Deals and stage_history of a funnel observed at as_of (stationary by default).

    New deals per month ~ Poisson(per_month · e^(growth·m) · (1 + season · sin(2πm/12))) in
    month m = 0, 1, …, created uniformly in the month; each stage is
    passed with its conversion after an exponential stay (mean stage_days); a deal whose next
    event falls after as_of is open at its current stage.
    """
    stages = stages or STAGES
    rng = np.random.default_rng(seed)
    end = pd.Timestamp(as_of)
    start = (end.to_period("M") - (months - 1)).to_timestamp()
    deals, hist = [], []
    did = 0
    for m in range(months):
        m0 = (start.to_period("M") + m).to_timestamp()
        dim = m0.days_in_month
        rate = per_month * np.exp(growth * m) * (1 + season * np.sin(2 * np.pi * m / 12))
        for _ in range(rng.poisson(rate)):
            did += 1
            created = m0 + pd.Timedelta(days=float(rng.uniform(0, dim)))
            if created > end:
                continue
            t = created
            hist.append((f"D{did}", stages[0], t))
            status, closed, lost_stage = "open", pd.NaT, None
            k = 0
            while True:
                t_next = t + pd.Timedelta(days=float(rng.exponential(stage_days)))
                if t_next > end:
                    status = stages[k]
                    break
                if k == len(stages) - 1:
                    break
                if rng.random() < conversions[k]:
                    k += 1
                    t = t_next
                    hist.append((f"D{did}", stages[k], t))
                    if k == len(stages) - 1:
                        status, closed = "contract", t
                        break
                else:
                    status, closed, lost_stage = "lost", t_next, stages[k]
                    hist.append((f"D{did}", "lost", t_next))
                    break
            deals.append(
                {
                    "deal_id": f"D{did}",
                    "created_at": created,
                    "stage": status,
                    "closed_at": closed,
                    "lost_stage": lost_stage,
                    "amount": float(np.round(rng.lognormal(amount_mu, amount_sigma), -2)),
                    "manager": managers[did % len(managers)],
                    "client_type": "new" if rng.random() < 0.7 else "current",
                    "channel": ["website", "cold_call", "referral"][int(rng.integers(3))],
                }
            )
    d = pd.DataFrame(deals)
    d["closed_at"] = pd.to_datetime(d["closed_at"])
    h = pd.DataFrame(hist, columns=["deal_id", "stage", "entered_at"])
    return d, h


def make_audit(
    deals: pd.DataFrame,
    history: pd.DataFrame | None = None,
    *,
    as_of: str = "2026-09-30",
    lang: str = "en",
    target: float | None = 4_000_000.0,
    scenarios: int = 2000,
    stages: list[str] | None = None,
    basis: str = "won_deals",
    **tables: pd.DataFrame,
):
    """An Audit over in-memory tables (no files), for tests."""
    from pathlib import Path

    from salesaudit.core.quality import DataQuality
    from salesaudit.inputs.audit import Audit
    from salesaudit.inputs.client import from_dict

    stages = stages or STAGES
    raw = {
        "client": "Test & <Co>",
        "language": lang,
        "as_of": as_of,
        "data": {"deals": {"path": "deals.csv"}},
        "funnel": {"stages": [{"key": k, "crm": [k]} for k in stages], "scenarios": scenarios},
        "targets": {"revenue_per_month": target, "basis": basis},
    }
    cfg = from_dict(raw, base_dir=Path("."))
    all_tables = {"deals": deals, **tables}
    if history is not None:
        all_tables["stage_history"] = history
    return Audit(config=cfg, tables=all_tables, quality=DataQuality(), as_of=pd.Timestamp(as_of))
