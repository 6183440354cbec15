"""Time in stage: Kaplan–Meier survival with open deals censored (docs/methodology.md §6.5).

A *spell* is one stay of a deal in one funnel stage, from its entry in ``stage_history``
to the deal's next entry in a different stage (any stage, lost or won). A spell that is
still running at ``as_of`` (an open deal sitting in that stage) is censored: we know it
lasted at least that long. Leaving by loss counts as leaving the stage. Kaplan–Meier then
gives the share of deals still in the stage after t days without young pipelines looking
fast (a naive median of finished spells would ignore the deals still waiting).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from salesaudit.steps.funnel.compute import LOST, WON


def kaplan_meier(
    durations: np.ndarray | pd.Series, observed: np.ndarray | pd.Series
) -> pd.DataFrame:
    """Kaplan–Meier estimate: one row per distinct time with an event or a censoring.

    Columns: time, at_risk, events, censored, survival (S(t) just after time).
    A censoring tied with events at the same time is counted at risk for those events.
    """
    t = np.asarray(durations, dtype=float)
    e = np.asarray(observed, dtype=bool)
    if t.shape != e.shape:
        raise ValueError("durations and observed must have the same length")
    if len(t) == 0:
        return pd.DataFrame(columns=["time", "at_risk", "events", "censored", "survival"])
    if np.isnan(t).any() or (t < 0).any():
        raise ValueError("durations must be non-negative numbers")
    times, inv = np.unique(t, return_inverse=True)
    events = np.bincount(inv, weights=e, minlength=len(times))
    total = np.bincount(inv, minlength=len(times))
    at_risk = len(t) - np.r_[0, np.cumsum(total)[:-1]]
    surv = np.cumprod(1.0 - events / at_risk)
    return pd.DataFrame(
        {
            "time": times,
            "at_risk": at_risk.astype(int),
            "events": events.astype(int),
            "censored": (total - events).astype(int),
            "survival": surv,
        }
    )


def km_quantile(km: pd.DataFrame, q: float) -> float | None:
    """Smallest time at which the share that has left reaches q (None if never reached)."""
    if km.empty:
        return None
    hit = km.loc[km["survival"] <= 1 - q + 1e-12, "time"]
    return float(hit.iloc[0]) if len(hit) else None


def stage_spells(
    history: pd.DataFrame, deals: pd.DataFrame, stages: list[str], as_of: pd.Timestamp
) -> pd.DataFrame:
    """Spells per deal and stage: deal_id, stage, days, observed (False = censored at as_of)."""
    h = history[history["deal_id"].isin(deals["deal_id"])].copy()
    h = h[h["entered_at"].notna() & (h["entered_at"] <= as_of)]
    pos = {k: i for i, k in enumerate(stages)}
    pos[LOST] = len(stages)
    h["pos"] = h["stage"].map(pos)
    h = h.sort_values(["deal_id", "entered_at", "pos"], kind="stable")
    # merge consecutive rows of the same stage: a spell starts at its first row
    first = h["stage"] != h.groupby("deal_id")["stage"].shift()
    h = h[first].copy()
    h["end"] = h.groupby("deal_id")["entered_at"].shift(-1)
    info = deals.set_index("deal_id")
    status = h["deal_id"].map(info["stage"])
    closed_at = (
        h["deal_id"].map(info["closed_at"])
        if "closed_at" in info
        else pd.Series(pd.NaT, index=h.index)
    )
    last = h["end"].isna()
    is_open = ~status.isin([WON, LOST])
    # last spell of an open deal at its current stage: censored at as_of
    censor = last & is_open & (status == h["stage"])
    # last spell of a closed deal: ends when the deal closed
    close_end = last & ~is_open & closed_at.notna()
    h.loc[close_end, "end"] = closed_at[close_end]
    h["observed"] = ~censor
    h.loc[censor, "end"] = as_of
    h = h[h["stage"].isin(stages[:-1]) & h["end"].notna()]
    days = (h["end"] - h["entered_at"]).dt.total_seconds() / 86400
    out = pd.DataFrame(
        {
            "deal_id": h["deal_id"],
            "stage": h["stage"],
            "days": days,
            "observed": h["observed"].astype(bool),
        }
    )
    return out[out["days"] >= 0].reset_index(drop=True)


def time_in_stage(
    history: pd.DataFrame, deals: pd.DataFrame, stages: list[str], as_of: pd.Timestamp
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Survival curves (long: stage, time, survival, at_risk) and a summary per stage.

    The summary has: stage, spells, censored, median_days, p80_days (Kaplan–Meier; None if
    fewer than half / 80% have left), naive_median_days (finished spells only).
    """
    spells = stage_spells(history, deals, stages, as_of)
    curves, rows = [], []
    for k in stages[:-1]:
        s = spells[spells["stage"] == k]
        if s.empty:
            continue
        km = kaplan_meier(s["days"], s["observed"])
        km.insert(0, "stage", k)
        curves.append(km)
        done = s.loc[s["observed"], "days"]
        rows.append(
            {
                "stage": k,
                "spells": int(len(s)),
                "censored": int((~s["observed"]).sum()),
                "median_days": km_quantile(km, 0.5),
                "p80_days": km_quantile(km, 0.8),
                "naive_median_days": float(done.median()) if len(done) else None,
            }
        )
    curve = (
        pd.concat(curves, ignore_index=True)
        if curves
        else pd.DataFrame(columns=["stage", "time", "at_risk", "events", "censored", "survival"])
    )
    return curve, pd.DataFrame(rows)


@dataclass(frozen=True)
class Slowest:
    """The stage deals wait longest at (Kaplan–Meier median), and what ignoring waits hides."""

    stage: str
    median_days: float
    p80_days: float | None
    censored: int  # stays still running, over all stages
    understated_by: float | None  # days a finished-stays-only median would understate (≥ 1)


def slowest_stage(summary: pd.DataFrame | None) -> Slowest | None:
    """The stage with the longest median stay, from the :func:`time_in_stage` summary."""
    if summary is None or summary.empty:
        return None
    ok = summary[summary["median_days"].notna()]
    if ok.empty:
        return None
    r = ok.iloc[int(np.argmax(ok["median_days"].to_numpy(dtype=float)))]
    p80 = None if r["p80_days"] is None or pd.isna(r["p80_days"]) else float(r["p80_days"])
    cens = int(summary["censored"].sum())
    under = None
    naive = r["naive_median_days"]
    if cens and naive is not None and not pd.isna(naive):
        diff = float(r["median_days"]) - float(naive)
        under = diff if diff >= 1 else None
    return Slowest(
        stage=str(r["stage"]),
        median_days=float(r["median_days"]),
        p80_days=p80,
        censored=cens,
        understated_by=under,
    )
