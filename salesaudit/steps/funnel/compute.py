"""Funnel analytics of docs/methodology.md §6.5: reach, conversions, intervals, cuts, cohorts, hygiene.

Definitions (docs/methodology.md §6.5, §4):

* A deal *reached* stage k if its current stage is k or later, it is won, or it was lost at
  stage k or later (``lost_stage``, else its last funnel stage in ``stage_history``). A lost
  deal with no known loss stage is known to have reached only the first stage.
* Conversion k→k+1 = deals that reached k+1 / (deals that reached k − deals still open at k);
  with stage history and an audit date, the Aalen–Johansen cumulative incidence of advancing
  (advance and loss compete, deals still open at the stage are censored at as_of; time is
  counted from entering the stage): the plain ratio leaves the deals still open out, and as
  deals are lost sooner than they advance, it undercounts the advances of recent entrants.
* Stale: an open deal older than ``STALE_FACTOR`` × the P80 won cycle is lost, at the stage it
  stands at (:func:`stale_as_lost`), in the stage table, the levers, the forecast and the
  backtest alike.
* Identifiability: the u lost deals without a known loss stage may have been lost anywhere, so
  conversion k→k+1 lies somewhere in [r/(n+u), (r+u)/(n+u)] (k ≥ 1; [r/n, (r+u)/n] at k = 0).
  When that range is wider than ``UNKNOWN_LOSS_TOLERANCE`` (5 points) the conversion is not
  identifiable: it is NaN, with ``identified`` False, and nothing downstream ranks or uses it.
  A deals-only export (no loss stage, no stage history) is the usual case.
* Win rate = won / (won + lost). Cycle = days created_at → closed_at of won deals.
* Every conversion carries a 90% Wilson interval; a denominator under ``MIN_N`` (30) is
  "too few to judge" and is never ranked.
* Meeting → contract (the methodology's 10–30% band) is the product of the stepwise
  conversions from ``first_contact`` to ``contract``; its 90% interval is the 5–95% range
  of the product of the stages' Beta(successes + 1, failures + 1) posteriors.

The heavier parts live beside this module (``forecast``, ``survival``, ``planfact``,
``reverse``); ``analysis.analyse`` runs them once per audit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from salesaudit.core import constants as C
from salesaudit.core.constants import LEVEL, MIN_N, UNKNOWN_LOSS_TOLERANCE
from salesaudit.core.names import LOST, WON
from salesaudit.core.numbers import plain
from salesaudit.inputs.facts import loss_stage
from salesaudit.inputs.productivity import logged_activity

if TYPE_CHECKING:  # pragma: no cover
    from salesaudit.inputs.audit import Audit

CUTS: tuple[str, ...] = ("client_type", "product", "channel", "segment", "manager", "region")
TOP_VALUES = 12  # a cut shows its 12 largest values; the rest are pooled as "other"
STALE_FACTOR = 2.0  # an open deal older than 2 × the P80 won cycle is stale
ACTIVE_DAYS = 180  # no deal created in this many days: the seller has left (no team table)

# Methodology benchmarks (docs/methodology.md §4): value bands with their source.
BENCHMARKS: dict[str, dict[str, Any]] = {
    key: {"low": n.value, "high": n.high, "source": f"METHODOLOGY {n.source}"}
    for key, n in (
        ("brief_rate", C.BRIEF_RATE),
        ("meeting_to_contract", C.MEETING_TO_CONTRACT),
        ("meetings_per_closer", C.MEETINGS_PER_CLOSER),
    )
}
# --------------------------------------------------------------------------------------
# core counts (first cut, kept)


@dataclass
class FunnelCounts:
    """Reach per stage and the outcome counts of a set of deals."""

    stages: pd.DataFrame  # key, reached, open_here, conversion_to_next, ambiguity, identified
    won: int
    lost: int
    open: int
    lost_without_stage: int

    @property
    def identified(self) -> bool:
        """Whether every stage conversion is identifiable (see the module docstring)."""
        return bool(self.stages["identified"].iloc[:-1].all())

    @property
    def win_rate(self) -> float | None:
        """Won / (won + lost), or None when nothing is closed."""
        closed = self.won + self.lost
        return self.won / closed if closed else None


def stage_position(
    deals: pd.DataFrame, history: pd.DataFrame | None, stages: list[str]
) -> pd.Series:
    """Index of the furthest stage each deal reached (lost without a known stage: 0)."""
    pos = {k: i for i, k in enumerate(stages)}
    current = deals["stage"].map(pos)
    lost_at = loss_stage(deals, history, stages).map(pos)
    reached = current.where(deals["stage"] != LOST, lost_at)
    return reached.fillna(0).astype(int)


def _counts_from_positions(
    reached_pos: np.ndarray,
    is_open: np.ndarray,
    is_won: np.ndarray,
    is_lost: np.ndarray,
    known_loss: np.ndarray,
    stages: list[str],
) -> FunnelCounts:
    """FunnelCounts from per-deal arrays (shared by :func:`counts` and the cuts)."""
    n = len(stages)
    reached = np.array([(reached_pos >= i).sum() for i in range(n)], dtype=int)
    open_here = np.array([(is_open & (reached_pos == i)).sum() for i in range(n)], dtype=int)
    unknown = int((is_lost & ~known_loss).sum())
    conv: list[float | None] = []
    ambiguity: list[float | None] = []
    for i in range(n - 1):
        denom = reached[i] - open_here[i]
        wide = denom + (unknown if i else 0)  # the unknown losses may belong to stage i too
        ambiguity.append(unknown / wide if wide > 0 else None)
        conv.append(float(reached[i + 1] / denom) if denom > 0 else None)
    conv.append(None)
    ambiguity.append(None)
    identified = [a is None or a <= UNKNOWN_LOSS_TOLERANCE + 1e-12 for a in ambiguity]
    if not (is_won.any() or is_lost.any()):  # nothing closed yet: every "conversion" is 100%
        identified = [False] * (n - 1) + [True]
    conv = [c if ok else None for c, ok in zip(conv, identified, strict=True)]
    table = pd.DataFrame(
        {
            "key": stages,
            "reached": reached,
            "open_here": open_here,
            "conversion_to_next": conv,
            "ambiguity": ambiguity,
            "identified": identified,
        }
    )
    return FunnelCounts(
        stages=table,
        won=int(is_won.sum()),
        lost=int(is_lost.sum()),
        open=int(is_open.sum()),
        lost_without_stage=int((is_lost & ~known_loss).sum()),
    )


def counts(
    deals: pd.DataFrame,
    stages: list[str],
    history: pd.DataFrame | None = None,
    as_of: pd.Timestamp | None = None,
    stale_days: float | None = None,
) -> FunnelCounts:
    """Reach and conversions per stage (see the module: stale deals lost, Aalen–Johansen)."""
    if as_of is not None:
        deals = stale_as_lost(deals, history, stages, stale_open(deals, as_of, stale_days))
    reached_pos = stage_position(deals, history, stages).to_numpy()
    st = deals["stage"].to_numpy()
    known = loss_stage(deals, history, stages).notna().to_numpy()
    fc = _counts_from_positions(
        reached_pos, ~np.isin(st, [WON, LOST]), st == WON, st == LOST, known, stages
    )
    if as_of is None or history is None or history.empty or "closed_at" not in deals:
        return fc
    aj = np.r_[competing_conversions(deals, history, stages, as_of, reached_pos), np.nan]
    t = fc.stages
    ok = t["conversion_to_next"].notna().to_numpy() & np.isfinite(aj)
    t["conversion_to_next"] = np.where(ok, aj, t["conversion_to_next"].astype(float))
    t["conversion_to_next"] = t["conversion_to_next"].astype(object).where(ok, None)
    return fc


def _days(ts: pd.Series) -> np.ndarray:
    """Timestamps as float days since the epoch (NaT: NaN)."""
    v = pd.to_datetime(ts).to_numpy(dtype="datetime64[ns]")
    out = v.astype("int64") / 8.64e13
    out[np.isnat(v)] = np.nan
    return out


def entry_times(
    deals: pd.DataFrame, history: pd.DataFrame, stages: list[str], reached_pos: np.ndarray
) -> np.ndarray:
    """(deals, stages) days each deal entered each stage it reached (gaps: the stage before)."""
    k = len(stages)
    e = np.full((len(deals), k), np.nan)
    pos = {s: i for i, s in enumerate(stages)}
    h = history[history["stage"].isin(pos)]
    first = h.groupby(["deal_id", "stage"], observed=True)["entered_at"].min().reset_index()
    row = pd.Index(deals["deal_id"]).get_indexer(first["deal_id"])
    ok = row >= 0
    e[row[ok], first["stage"].map(pos).to_numpy()[ok]] = _days(first["entered_at"])[ok]
    won = (deals["stage"] == WON).to_numpy()
    closed = _days(deals["closed_at"])
    e[:, k - 1] = np.where(won & np.isnan(e[:, k - 1]), closed, e[:, k - 1])
    e[:, 0] = _days(deals["created_at"])
    for i in range(1, k):
        e[:, i] = np.where(np.isnan(e[:, i]), e[:, i - 1], np.fmax(e[:, i], e[:, i - 1]))
        e[reached_pos < i, i] = np.nan
    return e


def aalen_johansen(duration: np.ndarray, event: np.ndarray) -> float:
    """P(advance) of two competing events (1 advance, 2 loss; 0 censored), NaN without events.

    The cumulative incidences at the last time, renormalised over the mass that left (the
    deals still at risk then are taken to split like the rest).
    """
    if not len(duration):
        return float("nan")
    t, inv = np.unique(duration, return_inverse=True)
    adv = np.bincount(inv, weights=(event == 1).astype(float), minlength=len(t))
    loss = np.bincount(inv, weights=(event == 2).astype(float), minlength=len(t))
    leave = np.bincount(inv, minlength=len(t)).astype(float)
    at_risk = len(duration) - np.r_[0.0, np.cumsum(leave)[:-1]]
    surv = np.r_[1.0, np.cumprod(1 - (adv + loss) / at_risk)[:-1]]
    ca, cl = float((surv * adv / at_risk).sum()), float((surv * loss / at_risk).sum())
    return ca / (ca + cl) if ca + cl > 0 else float("nan")


def competing_conversions(
    deals: pd.DataFrame,
    history: pd.DataFrame,
    stages: list[str],
    as_of: pd.Timestamp,
    reached_pos: np.ndarray,
) -> np.ndarray:
    """Each stage's conversion by Aalen–Johansen (advance vs loss, open deals censored)."""
    e = entry_times(deals, history, stages, reached_pos)
    now = float(_days(pd.Series([pd.Timestamp(as_of)]))[0])
    closed = np.nan_to_num(_days(deals["closed_at"]), nan=now)
    lost = (deals["stage"] == LOST).to_numpy()
    out = np.full(len(stages) - 1, np.nan)
    for i in range(len(stages) - 1):
        m = reached_pos >= i
        adv = reached_pos[m] > i
        end = np.where(adv, e[m, i + 1], np.where(lost[m], closed[m], now))
        dur = np.maximum(end - e[m, i], 0.0)
        event = np.where(adv, 1, np.where(lost[m], 2, 0))
        out[i] = aalen_johansen(dur, event)
    return out


def stale_threshold(deals: pd.DataFrame) -> float | None:
    """Days after which an open deal is stale: STALE_FACTOR × the P80 won cycle (None)."""
    p80 = cycle_summary(deals)["p80"]
    return STALE_FACTOR * p80 if p80 is not None else None


def stale_open(deals: pd.DataFrame, as_of: pd.Timestamp, stale_days: float | None) -> pd.Series:
    """Open deals older than `stale_days` at as_of: deals nobody closes (all False without it)."""
    if not stale_days:
        return pd.Series(False, index=deals.index)
    age = (as_of - deals["created_at"]).dt.total_seconds() / 86400
    return ~deals["stage"].isin([WON, LOST]) & (age > stale_days)


def stale_as_lost(
    deals: pd.DataFrame, history: pd.DataFrame | None, stages: list[str], stale: pd.Series
) -> pd.DataFrame:
    """The deals with each stale open deal marked lost at the stage it stands at.

    A deal left open long past the cycles of won deals is, for revenue, a loss: counted as
    still open it would leave its stage's denominator and lift every conversion above what
    the deals that do close achieve (with many such deals, by half again or more).
    """
    if not stale.any():
        return deals
    at = stage_position(deals, history, stages).map(dict(enumerate(stages)))
    d = deals.copy()
    if "lost_stage" not in d:
        d["lost_stage"] = None
    d["lost_stage"] = d["lost_stage"].astype(object).where(~stale, at)
    d["stage"] = d["stage"].astype(object).where(~stale, LOST)
    return d


def cycle_days(deals: pd.DataFrame) -> pd.Series:
    """Days from created_at to closed_at of won deals with both dates."""
    if "closed_at" not in deals:
        return pd.Series(dtype=float)
    won = deals[(deals["stage"] == WON) & deals["closed_at"].notna()]
    days = (won["closed_at"] - won["created_at"]).dt.days.astype(float)
    return days[days >= 0]


def cycle_summary(deals: pd.DataFrame) -> dict[str, float | None]:
    """Median and P80 of the won-deal cycle in days."""
    days = cycle_days(deals)
    if days.empty:
        return {"median": None, "p80": None}
    return {"median": float(days.median()), "p80": float(days.quantile(0.8))}


def wilson(successes: float, n: float, level: float = LEVEL) -> tuple[float, float]:
    """Wilson score interval for a proportion (default 90%)."""
    from statistics import NormalDist

    if n <= 0:
        return (float("nan"), float("nan"))
    z = NormalDist().inv_cdf(0.5 + level / 2)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(max(p * (1 - p) / n + z * z / (4 * n * n), 0.0)) / denom
    # the Wilson interval contains p in exact arithmetic; keep it so in floating point
    return (max(0.0, min(float(centre - half), p)), min(1.0, max(float(centre + half), p)))


# --------------------------------------------------------------------------------------
# stage table with intervals


def stage_table(fc: FunnelCounts, level: float = LEVEL, min_n: int = MIN_N) -> pd.DataFrame:
    """Per stage: reach, open, conversion to next with its Wilson interval and n.

    Columns: key, reached, open_here, n (the conversion's denominator), advanced,
    conversion_to_next, lo, hi, too_few, identified (False: conversion, lo and hi are NaN).
    """
    t = fc.stages.copy()
    reached = t["reached"].to_numpy()
    n = reached - t["open_here"].to_numpy()
    advanced = np.r_[reached[1:], 0]
    ident = t["identified"].to_numpy(dtype=bool)
    los, his = [], []
    conv = t["conversion_to_next"].astype(float).to_numpy()
    for i in range(len(t)):
        if i < len(t) - 1 and n[i] > 0 and ident[i] and np.isfinite(conv[i]):
            lo, hi = wilson(conv[i] * n[i], n[i], level)
        else:
            lo, hi = (np.nan, np.nan)
        los.append(lo)
        his.append(hi)
    t["n"] = np.where(np.arange(len(t)) < len(t) - 1, n, 0)
    t["advanced"] = advanced
    t["lo"] = los
    t["hi"] = his
    t["too_few"] = (t["n"] < min_n) & (np.arange(len(t)) < len(t) - 1)
    t["conversion_to_next"] = t["conversion_to_next"].astype(float)
    return t[
        [
            "key",
            "reached",
            "open_here",
            "n",
            "advanced",
            "conversion_to_next",
            "lo",
            "hi",
            "too_few",
            "identified",
        ]
    ]


def beta_params(st: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Beta(successes + 1, failures + 1) of each conversion (successes: conversion × n)."""
    st = st.iloc[:-1]
    n = st["n"].to_numpy(dtype=float)
    conv = st["conversion_to_next"].astype(float).to_numpy()
    s = np.where(np.isfinite(conv), conv * n, st["advanced"].to_numpy(dtype=float))
    return s + 1.0, np.maximum(n - s, 0.0) + 1.0


def meeting_to_contract(
    st: pd.DataFrame, level: float = LEVEL, seed: int = 0, draws: int = 4000
) -> dict[str, Any] | None:
    """First meeting → contract: product of stepwise conversions with a posterior interval.

    Returns None when the client does not map ``first_contact``.
    """
    keys = list(st["key"])
    if "first_contact" not in keys:
        return None
    i = keys.index("first_contact")
    part = st.iloc[i:-1]
    conv = part["conversion_to_next"]
    n0 = int(part["n"].iloc[0]) if len(part) else 0
    if conv.isna().any() or not len(part):
        return {"value": None, "lo": None, "hi": None, "n": n0, "too_few": True}
    value = float(np.prod(conv.to_numpy()))
    a, b = beta_params(st)
    rng = np.random.default_rng(seed)
    prod = rng.beta(a[i:], b[i:], size=(draws, len(a) - i)).prod(axis=1)
    lo, hi = np.quantile(prod, [(1 - level) / 2, 1 - (1 - level) / 2])
    # the posterior of a product can sit below an observed 100%: the interval always holds the
    # value it is printed beside
    lo, hi = min(float(lo), value), max(float(hi), value)
    return {"value": value, "lo": lo, "hi": hi, "n": n0, "too_few": n0 < MIN_N}


def meeting_to_contract_of(
    fc: FunnelCounts, stages: list[str], seed: int = 0
) -> dict[str, Any] | None:
    """Meeting → contract of the counts (see :func:`meeting_to_contract`). When the meeting is
    the client's first stage every deal reached it, so it is the win rate with its Wilson
    interval even where the stage conversions are not known (lost deals without their stage)."""
    m2c = meeting_to_contract(stage_table(fc), seed=seed)
    known = m2c is not None and m2c["value"] is not None
    closed = fc.won + fc.lost
    if known or not stages or stages[0] != "first_contact" or not closed:
        return m2c
    lo, hi = wilson(fc.won, closed)
    value = fc.won / closed
    return {"value": value, "lo": min(lo, value), "hi": max(hi, value), "n": closed,
            "too_few": closed < MIN_N}  # fmt: skip


# --------------------------------------------------------------------------------------
# preparing the deals of an audit


def audit_counts(audit: Audit) -> FunnelCounts | None:
    """The funnel's counts of the audit's deals, computed once per run (None without deals)."""
    deals = audit_deals(audit)
    if deals is None:
        return None
    history = audit.table("stage_history")
    return audit.memo(
        ("funnel.counts",),
        lambda: counts(deals, audit.stage_keys, history, audit.as_of, stale_threshold(deals)),
    )


def reach_identified(fc: FunnelCounts | None, stage: str) -> bool:
    """Whether how many deals reached `stage` is known: every conversion before it identified."""
    if fc is None:
        return False
    keys = list(fc.stages["key"])
    if stage not in keys:
        return False
    return bool(fc.stages["identified"].iloc[: keys.index(stage)].all())


def audit_deals(audit: Audit) -> pd.DataFrame | None:
    """The audit's deals created up to as_of (None when there is no deals table)."""
    deals = audit.table("deals")
    if deals is None:
        return None
    d = deals[deals["created_at"] <= audit.as_of + pd.Timedelta(days=1) - pd.Timedelta(seconds=1)]
    return d.reset_index(drop=True)


# --------------------------------------------------------------------------------------
# cuts and cohorts


def _cut_values(col: pd.Series, top: int = TOP_VALUES, other: str = "other") -> pd.Series:
    """The cut value per deal: its `top` most frequent values, the rest pooled."""
    v = col.map(lambda x: None if pd.isna(x) else str(x)).astype(object)
    freq = v.value_counts()
    keep = set(freq.index[:top])
    return v.map(lambda x: None if pd.isna(x) else (x if x in keep else other)).astype(object)


def by_group(
    deals: pd.DataFrame,
    stages: list[str],
    history: pd.DataFrame | None,
    groups: pd.Series,
    level: float = LEVEL,
    min_n: int = MIN_N,
    seed: int = 0,
    positions: tuple[np.ndarray, np.ndarray] | None = None,
) -> pd.DataFrame:
    """Funnel figures per group value (one row each): outcomes, win rate, stepwise conversions.

    Columns: value, deals, won, lost, open, win_rate, win_lo, win_hi, win_n, win_too_few,
    m2c, m2c_lo, m2c_hi, m2c_n, m2c_too_few, and per conversion ``conv.<stage>``,
    ``lo.<stage>``, ``hi.<stage>``, ``n.<stage>``, ``few.<stage>`` (the stage it leaves).
    `positions` = (stage position, loss stage known) per deal, when already computed.
    """
    pos, known = positions if positions is not None else _positions(deals, history, stages)
    st = deals["stage"].to_numpy()
    is_open, is_won, is_lost = ~np.isin(st, [WON, LOST]), st == WON, st == LOST
    g = groups.to_numpy()
    rows = []
    for value in pd.unique(g[pd.notna(g)]):
        m = g == value
        fc = _counts_from_positions(pos[m], is_open[m], is_won[m], is_lost[m], known[m], stages)
        t = stage_table(fc, level, min_n)
        closed = fc.won + fc.lost
        wlo, whi = wilson(fc.won, closed, level) if closed else (np.nan, np.nan)
        row: dict[str, Any] = {
            "value": value,
            "deals": int(m.sum()),
            "won": fc.won,
            "lost": fc.lost,
            "open": fc.open,
            "win_rate": fc.win_rate if closed else np.nan,
            "win_lo": wlo,
            "win_hi": whi,
            "win_n": closed,
            "win_too_few": closed < min_n,
        }
        m2c = meeting_to_contract(t, level, seed=seed, draws=2000)
        row.update(
            {
                "m2c": np.nan if not m2c or m2c["value"] is None else m2c["value"],
                "m2c_lo": np.nan if not m2c or m2c["lo"] is None else m2c["lo"],
                "m2c_hi": np.nan if not m2c or m2c["hi"] is None else m2c["hi"],
                "m2c_n": 0 if not m2c else m2c["n"],
                "m2c_too_few": True if not m2c else bool(m2c["too_few"]),
            }
        )
        for _, r in t.iloc[:-1].iterrows():
            k = r["key"]
            row[f"conv.{k}"] = r["conversion_to_next"]
            row[f"lo.{k}"], row[f"hi.{k}"] = r["lo"], r["hi"]
            row[f"n.{k}"], row[f"few.{k}"] = int(r["n"]), bool(r["too_few"])
        rows.append(row)
    out = pd.DataFrame(rows)
    if out.empty:
        return out
    return out.sort_values("deals", ascending=False, kind="stable").reset_index(drop=True)


def available_cuts(deals: pd.DataFrame) -> list[str]:
    """The cut columns present with at least two distinct values."""
    return [c for c in CUTS if c in deals and deals[c].nunique(dropna=True) >= 2]


def cuts(
    deals: pd.DataFrame, stages: list[str], history: pd.DataFrame | None = None, seed: int = 0
) -> dict[str, pd.DataFrame]:
    """Funnel figures by every cut the data has (new/current, product, channel, ...)."""
    positions = _positions(deals, history, stages)
    return {
        c: by_group(deals, stages, history, _cut_values(deals[c]), seed=seed, positions=positions)
        for c in available_cuts(deals)
    }


def _positions(
    deals: pd.DataFrame, history: pd.DataFrame | None, stages: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Per deal: the furthest stage index reached and whether a lost deal's stage is known."""
    pos = {k: i for i, k in enumerate(stages)}
    lost_at = loss_stage(deals, history, stages)
    current = deals["stage"].map(pos)
    reached = current.where(deals["stage"] != LOST, lost_at.map(pos)).fillna(0).astype(int)
    return reached.to_numpy(), lost_at.notna().to_numpy()


def best_conversions(cut: pd.DataFrame | None, stages: list[str]) -> dict[str, float]:
    """Per stage, the best stepwise conversion among the cut's values with enough deals."""
    out: dict[str, float] = {}
    if cut is None or cut.empty:
        return out
    rows = cut[cut["value"] != "other"]
    for k in stages[:-1]:
        col, few = f"conv.{k}", f"few.{k}"
        if col in rows:
            ok = rows[~rows[few].astype(bool) & rows[col].notna()]
            if len(ok):
                out[k] = float(ok[col].max())
    return out


def cohorts(
    deals: pd.DataFrame,
    stages: list[str],
    history: pd.DataFrame | None = None,
    reach_known: bool = True,
) -> pd.DataFrame:
    """Per created month: deals, the share reaching each stage, won, lost and open shares.

    Without `reach_known` (stage conversions not identifiable) only the first stage's and the
    contract's reach are given: the stages between are unknown for lost deals.
    """
    if deals.empty:
        return pd.DataFrame()
    pos = stage_position(deals, history, stages).to_numpy()
    month = deals["created_at"].dt.to_period("M").dt.to_timestamp()
    df = pd.DataFrame({"cohort": month.to_numpy(), "pos": pos, "stage": deals["stage"].to_numpy()})
    out = df.groupby("cohort").size().rename("deals").to_frame()
    for i, k in enumerate(stages):
        if reach_known or i in (0, len(stages) - 1):
            out[f"reach.{k}"] = (df["pos"] >= i).groupby(df["cohort"]).mean()
    for name, flag in (
        ("won", df["stage"] == WON),
        ("lost", df["stage"] == LOST),
        ("open", ~df["stage"].isin([WON, LOST])),
    ):
        out[f"share.{name}"] = flag.groupby(df["cohort"]).mean()
    closed = df["stage"].isin([WON, LOST]).astype(float).groupby(df["cohort"]).sum()
    won = (df["stage"] == WON).astype(float).groupby(df["cohort"]).sum()
    out["win_rate"] = won / closed.where(closed > 0)
    return out.reset_index()


# --------------------------------------------------------------------------------------
# benchmarks


def active_closers(audit: Audit, deals: pd.DataFrame) -> tuple[int | None, str]:
    """Sellers who hold meetings: closers + universal sellers from `team`, else active managers."""
    team = audit.table("team")
    if team is not None:
        if "role" in team:
            n = int(team["role"].isin(["closer", "universal"]).sum())
            if n:
                return n, "team"
            n = int((~team["role"].isin(["head", "hunter", "farmer"])).sum())
            return (n or None), "team"
        return int(team["manager"].nunique()), "team"
    if "manager" in deals:
        return (len(active_sellers(deals, audit.as_of, days=90)) or None), "deals"
    return None, ""


def active_sellers(deals: pd.DataFrame, as_of: pd.Timestamp, days: int = ACTIVE_DAYS) -> set[str]:
    """Owners of the deals created in the last `days` days to as_of: the sellers at work today
    (without a team table, a seller with no deal for ACTIVE_DAYS has left)."""
    if "manager" not in deals:
        return set()
    recent = deals[deals["created_at"] > as_of - pd.Timedelta(days=days)]
    return set(recent["manager"].dropna().astype(str))


@dataclass(frozen=True)
class MeetingRate:
    """Meetings a closer holds a month: the one figure every section, sizing and the simulator use.

    From the activity log when it records meetings of closers (the direct measurement), else
    from the CRM: deals entering the meeting stage a month per seller who held them.
    """

    per_closer: float | None
    source: str  # "activities" | "crm" | "" (unknown)
    logged: float | None  # activity log: meetings per closer-month, last 12 months
    crm: float | None  # CRM: deals reaching the meeting stage per seller a month, last 3 months
    crm_meetings: float | None  # CRM: deals reaching the meeting stage a month
    sellers: int | None  # sellers holding those CRM meetings (or the active closers)
    by_role: dict[str, float] = field(default_factory=dict)  # log: per seller a month, by role
    logged_month: float | None = None  # log: meetings a month, closers + universals, 12 months
    crm_month: float | None = None  # CRM: deals reaching the meeting stage a month, 12 months
    won_month: float | None = None  # won deals a month, the same 12 months
    roles_known: bool = True  # False: no team table with roles, every deal owner counts

    @property
    def per_deal(self) -> float | None:
        """Logged meetings per CRM meeting (how many meetings a deal at the meeting stage takes)."""
        if self.logged_month is None or not self.crm_month:
            return None
        return self.logged_month / self.crm_month

    @property
    def logged_to_contract(self) -> float | None:
        """Won deals per logged meeting over 12 months: meeting → contract as the log counts it."""
        if self.won_month is None or not self.logged_month:
            return None
        return self.won_month / self.logged_month


def logged_meetings_per_closer(audit: Audit) -> float | None:
    """Meetings per closer (or universal seller) a month in the activity log, last 12 months."""
    meet = logged_activity(audit, "meeting", ("closer", "universal"))
    if meet is None:
        return None
    per = meet["count"].groupby([meet["manager"], meet["date"].dt.to_period("M")]).sum()
    return float(per.groupby(level=0).mean().mean())


def logged_meetings_by_role(audit: Audit) -> dict[str, float]:
    """Meetings per seller a month in the activity log for each meeting role, last 12 months."""
    meet, team = logged_activity(audit, "meeting", ("closer", "universal")), audit.table("team")
    if meet is None or team is None:
        return {}
    role = meet["manager"].map(team.drop_duplicates("manager").set_index("manager")["role"])
    per = meet["count"].groupby([role, meet["manager"], meet["date"].dt.to_period("M")]).sum()
    by_person = per.groupby(level=[0, 1]).mean()
    return {str(r): float(v) for r, v in by_person.groupby(level=0).mean().items()}


def logged_meetings_per_month(audit: Audit) -> float | None:
    """Meetings a month the activity log records for closers and universals (months it covers)."""
    meet = logged_activity(audit, "meeting", ("closer", "universal"))
    if meet is None:
        return None
    return float(meet["count"].sum()) / meet["date"].dt.to_period("M").nunique()


def won_per_month(deals: pd.DataFrame, as_of: pd.Timestamp, months: int = 12) -> float | None:
    """Won deals a month closed over the last `months` months to as_of."""
    if "closed_at" not in deals:
        return None
    start = as_of - pd.DateOffset(months=months)
    closed = deals["closed_at"]
    return float(((deals["stage"] == WON) & (closed > start) & (closed <= as_of)).sum()) / months


def meeting_rate(audit: Audit) -> MeetingRate:
    """The meetings a closer holds a month, computed once per audit (see MeetingRate)."""
    return audit.memo(("funnel.meeting_rate",), lambda: _meeting_rate(audit))


def _meeting_rate(audit: Audit) -> MeetingRate:
    """MeetingRate from the activity log, else from the CRM's deals."""
    logged = logged_meetings_per_closer(audit)
    deals = audit_deals(audit)
    crm_pm, sellers = None, None
    known = reach_identified(audit_counts(audit), "first_contact")
    has_history = audit.table("stage_history") is not None
    if deals is not None and not deals.empty and (known or has_history):
        stages, history = audit.stage_keys, audit.table("stage_history")
        crm_pm, holders = meeting_load(deals, stages, history, audit.as_of)
        sellers = holders or active_closers(audit, deals)[0]
    crm = crm_pm / sellers if crm_pm is not None and sellers else None
    if logged is not None:
        crm_year = won = None
        if crm_pm is not None and deals is not None:
            stages, history = audit.stage_keys, audit.table("stage_history")
            crm_year = meeting_load(deals, stages, history, audit.as_of, months=12)[0]
            won = won_per_month(deals, audit.as_of)
        by_role, logged_pm = logged_meetings_by_role(audit), logged_meetings_per_month(audit)
        rest = (by_role, logged_pm, crm_year, won)
        return MeetingRate(logged, "activities", logged, crm, crm_pm, sellers, *rest)
    team = audit.table("team")
    roles = team is not None and "role" in team
    source = "crm" if crm is not None else ""
    return MeetingRate(crm, source, None, crm, crm_pm, sellers, roles_known=roles)


def meeting_load(
    deals: pd.DataFrame,
    stages: list[str],
    history: pd.DataFrame | None,
    as_of: pd.Timestamp,
    months: int = 3,
) -> tuple[float | None, int | None]:
    """(meetings a month, sellers who held them) over the last `months` complete months.

    A meeting is a deal entering ``first_contact``: its date from `stage_history` when
    given, else the created date of deals that reached the stage. The sellers are the
    distinct deal owners (``manager``) of those meetings (None without a manager column).
    """
    if "first_contact" not in stages:
        return None, None
    end = (as_of + pd.Timedelta(days=1)).to_period("M").to_timestamp()
    start = end - pd.DateOffset(months=months)
    first_date = deals["created_at"].min()
    if pd.isna(first_date) or first_date > start:
        return None, None
    if history is not None and not history.empty:
        h = history[history["stage"] == "first_contact"]
        dates = h.groupby("deal_id")["entered_at"].min()
    else:
        pos = stage_position(deals, None, stages)
        i = stages.index("first_contact")
        dates = deals.loc[pos >= i].set_index("deal_id")["created_at"]
    ids = dates.index[(dates >= start) & (dates < end)]
    holders = None
    if "manager" in deals:
        owner = deals.set_index("deal_id")["manager"]
        holders = int(owner.reindex(ids).dropna().nunique()) or None
    return len(ids) / months, holders


def benchmark_checks(
    st: pd.DataFrame,
    m2c: dict[str, Any] | None,
    rate: MeetingRate,
) -> list[dict[str, Any]]:
    """The methodology's funnel benchmarks against the client's figures."""
    out: list[dict[str, Any]] = []

    def status(v: float | None, low: float | None, high: float | None) -> str | None:
        """below / inside / above the band (None when the value is missing)."""
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return None
        if low is not None and v < low:
            return "below"
        if high is not None and v > high:
            return "above"
        return "inside"

    keys = list(st["key"])
    if "first_contact" in keys and "needs_brief" in keys:
        r = st.iloc[keys.index("first_contact")]
        if keys.index("needs_brief") == keys.index("first_contact") + 1:
            v = None if pd.isna(r["conversion_to_next"]) else float(r["conversion_to_next"])
            b = BENCHMARKS["brief_rate"]
            out.append(
                {
                    "key": "brief_rate",
                    "value": v,
                    "lo": plain(r["lo"]),
                    "hi": plain(r["hi"]),
                    "low": b["low"],
                    "high": b["high"],
                    "n": int(r["n"]),
                    "too_few": bool(r["too_few"]),
                    "status": status(v, b["low"], b["high"]),
                    "source": b["source"],
                }
            )
    if m2c is not None:
        b = BENCHMARKS["meeting_to_contract"]
        out.append(
            {
                "key": "meeting_to_contract",
                "value": m2c["value"],
                "lo": m2c["lo"],
                "hi": m2c["hi"],
                "low": b["low"],
                "high": b["high"],
                "n": m2c["n"],
                "too_few": m2c["too_few"],
                "status": status(m2c["value"], b["low"], b["high"]),
                "source": b["source"],
            }
        )
    if rate.per_closer is not None:
        b = BENCHMARKS["meetings_per_closer"]
        v = rate.per_closer
        out.append(
            {
                "key": "meetings_per_closer",
                "value": v,
                "lo": None,
                "hi": None,
                "low": b["low"],
                "high": b["high"],
                "n": rate.sellers,
                "basis": rate.source,
                "too_few": False,
                "status": status(v, b["low"], b["high"]),
                "source": b["source"],
            }
        )
    return out


# --------------------------------------------------------------------------------------
# data hygiene


def _history_moves(history: pd.DataFrame, stages: list[str]) -> pd.DataFrame:
    """Consecutive funnel moves per deal from stage_history: deal_id, step (position change)."""
    pos = {k: i for i, k in enumerate(stages)}
    h = history[history["stage"].isin(stages)].copy()
    h["pos"] = h["stage"].map(pos)
    h = h.sort_values(["deal_id", "entered_at", "pos"], kind="stable")
    h["prev"] = h.groupby("deal_id")["pos"].shift()
    h = h[h["prev"].notna() & (h["pos"] != h["prev"])]
    return pd.DataFrame({"deal_id": h["deal_id"], "step": (h["pos"] - h["prev"]).astype(int)})


def hygiene(
    deals: pd.DataFrame,
    stages: list[str],
    history: pd.DataFrame | None,
    as_of: pd.Timestamp,
    cycle_p80: float | None = None,
) -> tuple[dict[str, Any], pd.DataFrame]:
    """Data-hygiene checks and the flagged deals.

    Checks: ``skipped_stages`` and ``backwards`` (need stage_history), ``close_date_passed``
    (open deals whose planned close date is already behind as_of: pushed or forgotten; the data
    model carries one close date, not its history), ``stale`` (open longer than
    STALE_FACTOR × the P80 won cycle), ``won_without_amount``, ``won_without_close_date``,
    ``lost_without_stage``. Each check is {count, share, examples} or None with a reason.
    """
    flagged: list[pd.DataFrame] = []
    out: dict[str, Any] = {}

    def record(name: str, ids: pd.Series, base: int) -> None:
        """Keep one check's count, share and examples, and flag its deals."""
        ids = pd.Series(pd.unique(ids.astype(str)))
        out[name] = {
            "count": int(len(ids)),
            "share": (len(ids) / base) if base else None,
            "examples": [str(x) for x in ids.head(5)],
        }
        if len(ids):
            flagged.append(pd.DataFrame({"deal_id": ids, "check": name}))

    is_open = ~deals["stage"].isin([WON, LOST])
    won = deals["stage"] == WON
    if history is not None and not history.empty:
        mv = _history_moves(history, stages)
        hist_ids = history["deal_id"].nunique()
        record("skipped_stages", mv.loc[mv["step"] > 1, "deal_id"], hist_ids)
        record("backwards", mv.loc[mv["step"] < 0, "deal_id"], hist_ids)
    else:
        out["skipped_stages"] = out["backwards"] = {"count": None, "reason": "no_history"}
    if "expected_close_at" in deals or "closed_at" in deals:  # ingest moves open deals' dates
        planned = deals.get("expected_close_at", pd.Series(pd.NaT, index=deals.index))
        passed = is_open & planned.notna() & (planned < as_of)
        record("close_date_passed", deals.loc[passed, "deal_id"], int(is_open.sum()))
    else:
        out["close_date_passed"] = {"count": None, "reason": "no_close_dates"}
    if "closed_at" in deals:
        record(
            "won_without_close_date",
            deals.loc[won & deals["closed_at"].isna(), "deal_id"],
            int(won.sum()),
        )
    else:
        out["won_without_close_date"] = {"count": None, "reason": "no_close_dates"}
    if cycle_p80 is not None:
        stale = stale_open(deals, as_of, STALE_FACTOR * cycle_p80)
        record("stale", deals.loc[stale, "deal_id"], int(is_open.sum()))
        out["stale"]["threshold_days"] = round(STALE_FACTOR * cycle_p80, 1)
    else:
        out["stale"] = {"count": None, "reason": "no_cycle"}
    if "amount" in deals:
        bad = won & (deals["amount"].isna() | (deals["amount"] <= 0))
        record("won_without_amount", deals.loc[bad, "deal_id"], int(won.sum()))
    else:
        record("won_without_amount", deals.loc[won, "deal_id"], int(won.sum()))
    lost = deals["stage"] == LOST
    known = loss_stage(deals, history, stages).notna()
    record("lost_without_stage", deals.loc[lost & ~known, "deal_id"], int(lost.sum()))
    table = (
        pd.concat(flagged, ignore_index=True)
        if flagged
        else pd.DataFrame(columns=["deal_id", "check"])
    )
    return out, table


# --------------------------------------------------------------------------------------


# --------------------------------------------------------------------------------------
# what the text singles out: chosen here, once, so text only renders it


@dataclass(frozen=True)
class Weakest:
    """The judged stage (n ≥ MIN_N) with the lowest conversion to the next one."""

    stage: str
    next_stage: str
    conversion: float
    lo: float
    hi: float
    n: int
    # its lever in the ranking (funnel/levers.py), when it has one: the reachable reference,
    # where it comes from, and the money a year of reaching it
    gain: float | None = None
    reference: float | None = None
    source: str | None = None


def weakest_stage(st: pd.DataFrame | None) -> Weakest | None:
    """The stage with the lowest judged conversion (its lever is attached by the analysis)."""
    if st is None:
        return None
    judged = st.iloc[:-1]
    judged = judged[~judged["too_few"] & judged["conversion_to_next"].notna()]
    if judged.empty:
        return None
    r = judged.iloc[int(np.argmin(judged["conversion_to_next"].to_numpy(dtype=float)))]
    keys = list(st["key"])
    return Weakest(
        stage=str(r["key"]),
        next_stage=str(keys[keys.index(r["key"]) + 1]),
        conversion=float(r["conversion_to_next"]),
        lo=float(r["lo"]),
        hi=float(r["hi"]),
        n=int(r["n"]),
    )


def thin_steps(st: pd.DataFrame | None) -> tuple[tuple[str, str], ...]:
    """The (stage, next stage) conversions with too few deals to judge."""
    if st is None:
        return ()
    keys = list(st["key"])
    few = st.iloc[:-1]
    known = few["identified"] if "identified" in few else True  # unknown is not "too few"
    few = few[few["too_few"] & known]
    return tuple((str(k), str(keys[keys.index(k) + 1])) for k in few["key"])


def cut_metric(stages: list[str]) -> str:
    """The metric the cuts are ranked by: "m2c" (meeting → contract) when mapped, else "win"."""
    if "first_contact" in stages and stages.index("first_contact") < len(stages) - 1:
        return "m2c"
    return "win"


def metric_columns(metric: str) -> tuple[str, str, str, str]:
    """(value, lo, hi, too_few) column names of a cut table for a metric."""
    if metric == "m2c":
        return "m2c", "m2c_lo", "m2c_hi", "m2c_too_few"
    if metric == "win":
        return "win_rate", "win_lo", "win_hi", "win_too_few"
    k = metric.split(".", 1)[1]
    return f"conv.{k}", f"lo.{k}", f"hi.{k}", f"few.{k}"


@dataclass(frozen=True)
class CutValue:
    """One value of a cut with its metric and 90% interval."""

    value: str
    rate: float
    lo: float
    hi: float


@dataclass(frozen=True)
class CutSpread:
    """The lowest and highest judged values of a cut, and how many values are too thin."""

    lowest: CutValue | None  # None with fewer than two judged values
    highest: CutValue | None
    significant: bool  # the intervals of the lowest and highest do not overlap
    too_few: int
    values: int


def _cut_value(r: pd.Series, metric: str) -> CutValue:
    """A cut row as a CutValue of the metric."""
    v, lo, hi, _ = metric_columns(metric)
    return CutValue(value=str(r["value"]), rate=float(r[v]), lo=float(r[lo]), hi=float(r[hi]))


def cut_spread(df: pd.DataFrame, metric: str) -> CutSpread:
    """The spread of a metric across one cut's values (too-thin values never ranked)."""
    v, _, _, few = metric_columns(metric)
    thin = df[few].astype(bool)
    judged = df[~thin & df[v].notna()]
    lowest = highest = None
    if len(judged) >= 2:
        vals = judged[v].to_numpy(dtype=float)
        lowest = _cut_value(judged.iloc[int(np.argmin(vals))], metric)
        highest = _cut_value(judged.iloc[int(np.argmax(vals))], metric)
    return CutSpread(
        lowest=lowest,
        highest=highest,
        significant=bool(lowest and highest and lowest.hi < highest.lo),
        too_few=int(thin.sum()),
        values=len(df),
    )


@dataclass(frozen=True)
class CohortSummary:
    """What the cohorts show: the young tail and the range of the meeting rate."""

    young_from: pd.Timestamp | None  # first of the latest cohorts still > 20% open
    reach_low: tuple[pd.Timestamp, float] | None  # (cohort, share reaching a meeting)
    reach_high: tuple[pd.Timestamp, float] | None


def cohort_summary(co: pd.DataFrame | None, stages: list[str]) -> CohortSummary | None:
    """The young cohorts and, among settled ones (≥ MIN_N deals), the lowest and highest
    share reaching a meeting (none when every cohort has the same share, e.g. the meeting is the
    client's first stage)."""
    if co is None or co.empty:
        return None
    tail = int(co["share.open"].iloc[::-1].gt(0.2).cumprod().sum())
    young = co["cohort"].iloc[len(co) - tail] if tail else None
    low = high = None
    # when the meeting is the client's first stage every deal reaches it: no range to show
    if "reach.first_contact" in co and stages and stages[0] != "first_contact":
        done = co[(co["share.open"] <= 0.2) & (co["deals"] >= MIN_N)]
        if len(done) >= 2:
            vals = done["reach.first_contact"].to_numpy(dtype=float)
            a, b = done.iloc[int(np.argmin(vals))], done.iloc[int(np.argmax(vals))]
            if float(a["reach.first_contact"]) < float(b["reach.first_contact"]):
                low = (a["cohort"], float(a["reach.first_contact"]))
                high = (b["cohort"], float(b["reach.first_contact"]))
    return CohortSummary(young_from=young, reach_low=low, reach_high=high)
