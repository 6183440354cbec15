"""Monte Carlo revenue forecast, sensitivity and goal seek (docs/methodology.md §6.5).

The model, per scenario s (all scenarios at once, numpy arrays, no loop per deal):

* Inflow: the monthly count of new deals of the last (up to) 12 complete months. Poisson
  unless the counts are over-dispersed (index-of-dispersion χ² test, p < 0.05), then
  negative binomial (a Gamma–Poisson mixture with the moment estimate r = m²/(v − m)). The
  rate itself is uncertain: λ_s ~ Gamma with the sample mean and its standard error.
* Conversions: each stage's p_{s,k} ~ Beta(successes + 1, failures + 1), so small samples
  show their uncertainty. When the stage conversions are not identifiable (lost deals without
  a known loss stage: a deals-only export), the model has two stages — the first and the
  contract — and one conversion, the win rate Beta(won + 1, lost + 1); every open deal is
  then valued at the win rate, whatever its stage (``collapsed``).
* Won deals by close month: a deal created in forecast month c wins with q_s = Π_k p_{s,k}
  and closes after a lag resampled from the won deals' cycles (in months, counted from the
  day of the month the deal was created). Binomial thinning of a Poisson (or Gamma-mixed
  Poisson) count through every stage and a multinomial split over lags is *exactly* a
  Poisson count per close month with rate q_s · Σ_c Λ_{s,c} · pmf(t − c), so the stage
  chain is drawn as one Poisson per (scenario, month) — identical in distribution to the
  per-stage binomial chain and to the naive per-deal loop (:func:`naive_simulate`, which
  the tests and ``benchmarks/forecast.py`` compare against) but ~100× cheaper.
* Open pipeline: an open deal at stage k wins with Π_{j≥k} p_{s,j} (binomial per stage)
  and closes after its residual lag: the won cycles longer than its age, minus its age
  (multinomial per stage). Stale deals (older than 2 × the P80 cycle) are left out.
* Deal size: bootstrap from won deals. The sum of n resampled sizes is read from a bank of
  cumulative sums of resampled sizes (rows × 64), its columns rescaled to the exact mean,
  so every cell costs O(1); cells with more than 64 deals use a Gamma with the exact mean
  and variance of the sum (the CLT regime). The uncertainty of the average deal itself
  enters as one factor per scenario (Gamma, mean 1, variance CV²/pool size).

Sensitivity and goal seek use the analytic expectation (:meth:`ForecastModel.expected`),
which the Monte Carlo mean matches (tested), so they are exact and instant.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from salesaudit.core.constants import DAYS_PER_MONTH
from salesaudit.steps.funnel.compute import (
    LOST,
    WON,
    FunnelCounts,
    beta_params,
    counts,
    stage_position,
    stage_table,
    stale_open,
)

QUANTILES = (0.10, 0.50, 0.90)
CHUNK = 100_000  # scenarios per chunk: bounds memory, keeps results independent of size
BANK_COLUMNS = 64
DISPERSION_P = 0.05
HISTORY_MONTHS = 12
TREND_MONTHS = 24  # the trends are fitted on up to the last 24 complete months
SEASON_MONTHS = 24  # seasonality needs at least two full years
MIN_TREND_MONTHS = 6
MAX_SLOPE = 0.05  # |log slope| a month: ±5 % a month at most
# priors of the slopes a month, N(0, τ²): new deals may grow or shrink by about ±27 % a year
# (τ = 2 %), the average deal by about ±13 % a year (τ = 1 %); an unmodelled season (under two
# years of history) is a ±10 % wave of unknown phase
INFLOW_PRIOR = 0.02
SIZE_PRIOR = 0.01
SEASON_AMPLITUDE = 0.10
MIN_SIZE_DEALS = 20
SNAPSHOTS = 12  # month-end snapshots of the open pipeline behind P(win | open at a stage)


class ForecastUnavailable(Exception):
    """The data cannot support a revenue forecast; ``reason`` is a catalogue key suffix."""

    def __init__(self, reason: str) -> None:
        """Keep the reason code."""
        super().__init__(reason)
        self.reason = reason


@dataclass
class ForecastModel:
    """Inputs of the forecast, estimated from history, plus the levers of what-if runs."""

    stages: list[str]
    inflow_mean: float
    inflow_var: float
    inflow_months: int
    inflow_kind: str  # "poisson" | "negative_binomial"
    conv_a: np.ndarray
    conv_b: np.ndarray
    sizes: np.ndarray
    cycles: np.ndarray  # days, won deals
    created_frac: np.ndarray  # fraction of its month elapsed when each won deal was created
    open_stage: np.ndarray  # stage index of each open (non-stale) deal
    open_age: np.ndarray  # days since creation, at as_of
    start: pd.Timestamp  # the first forecast month
    as_of_frac: float = 1.0
    excluded_stale: int = 0
    inflow_history: list[int] = field(default_factory=list)
    size_scale: float = 1.0
    cycle_scale: float = 1.0
    notes: list[str] = field(default_factory=list)
    collapsed: bool = False  # one conversion, the win rate (stage conversions not identifiable)
    # trends (log slope per month: posterior mean and sd) and seasonality of the inflow
    inflow_trend: float = 0.0
    inflow_trend_se: float = 0.0
    inflow_offset: float = 0.0  # months from the inflow level's centre to forecast month 0
    seasonal: np.ndarray | None = None  # 12 factors by calendar month (mean 1), or None
    size_trend: float = 0.0
    size_trend_se: float = 0.0
    size_offset: float = 0.0  # months from the size pool's centre to forecast month 0
    # quasi-likelihood dispersion (≥ 1): how much more the monthly inflow and the monthly
    # average deal vary than independent deals would; widens the uncertainty of each level
    inflow_phi: float = 1.0
    size_phi: float = 1.0
    conv_phi: float = 1.0  # each conversion is drawn from Beta(a/φ, b/φ): same mean, wider
    # P(win | open at stage k) from past month-end snapshots (Beta a, b per stage), or None:
    # then an open deal wins with the chain Π_{j≥k} p_j
    pipe_a: np.ndarray | None = None
    pipe_b: np.ndarray | None = None

    # ---- derived ---------------------------------------------------------------------
    @property
    def conv_mean(self) -> np.ndarray:
        """Posterior mean of each stepwise conversion."""
        return self.conv_a / (self.conv_a + self.conv_b)

    @property
    def mean_size(self) -> float:
        """Average won deal (after the size lever)."""
        return float(self.sizes.mean() * self.size_scale) if len(self.sizes) else 0.0

    @property
    def median_cycle(self) -> float | None:
        """Median won cycle in days (after the cycle lever)."""
        return float(np.median(self.cycles) * self.cycle_scale) if len(self.cycles) else None

    @property
    def nb_r(self) -> float | None:
        """Negative-binomial shape r (None for Poisson)."""
        if self.inflow_kind != "negative_binomial" or self.inflow_var <= self.inflow_mean:
            return None
        return self.inflow_mean**2 / (self.inflow_var - self.inflow_mean)

    def lag_pmf(self, horizon: int) -> np.ndarray:
        """P(close lag = 0..horizon−1 months), last entry = beyond the horizon."""
        pmf = np.zeros(horizon + 1)
        if not len(self.cycles):
            pmf[0] = 1.0
            return pmf
        lag = np.floor(self.created_frac + self.cycles * self.cycle_scale / DAYS_PER_MONTH)
        lag = np.minimum(lag.astype(int), horizon)
        pmf += np.bincount(lag, minlength=horizon + 1)[: horizon + 1]
        return pmf / pmf.sum()

    def pipeline_pmf(self, horizon: int) -> tuple[np.ndarray, np.ndarray]:
        """Open deals per stage (K−1,) and their close-month pmf per stage (K−1, horizon+1)."""
        k = len(self.stages) - 1
        n_open = np.bincount(self.open_stage, minlength=k)[:k].astype(int)
        pmf = np.zeros((k, horizon + 1))
        if not len(self.open_stage):
            return n_open, pmf
        cyc = self.cycles * self.cycle_scale
        if len(cyc) > 2000:  # a fixed subsample keeps the (deals × cycles) matrix small
            cyc = np.sort(cyc)[np.linspace(0, len(cyc) - 1, 2000).astype(int)]
        age = self.open_age[:, None]
        if len(cyc):
            resid = cyc[None, :] - age
            alive = resid > 0
            month = np.floor(self.as_of_frac + np.where(alive, resid, 0) / DAYS_PER_MONTH) - 1
            month = np.clip(month, 0, horizon).astype(int)
            n_alive = alive.sum(axis=1)
            per_deal = np.zeros((len(age), horizon + 1))
            rows = np.broadcast_to(np.arange(len(age))[:, None], month.shape)
            np.add.at(per_deal, (rows[alive], month[alive]), 1.0)
            none = n_alive == 0
            per_deal[~none] /= n_alive[~none, None]
            per_deal[none, 0] = 1.0  # older than every won cycle: closes now or never
        else:
            per_deal = np.zeros((len(age), horizon + 1))
            per_deal[:, 0] = 1.0
        for s in range(k):
            m = self.open_stage == s
            if m.any():
                pmf[s] = per_deal[m].mean(axis=0)
        return n_open, pmf

    def season(self, horizon: int) -> np.ndarray:
        """Seasonal factor of the inflow in each forecast month (ones without seasonality)."""
        if self.seasonal is None:
            return np.ones(horizon)
        return self.seasonal[(self.start.month - 1 + np.arange(horizon)) % 12]

    def inflow_factor(self, horizon: int) -> np.ndarray:
        """E[trend × season] of the inflow per forecast month (the slope is uncertain)."""
        x = self.inflow_offset + np.arange(horizon)
        g = np.exp(self.inflow_trend * x + 0.5 * (self.inflow_trend_se * x) ** 2)
        return g * self.season(horizon)

    def size_factor(self, horizon: int) -> np.ndarray:
        """E[deal-size trend] per forecast close month (the slope is uncertain)."""
        x = self.size_offset + np.arange(horizon)
        return np.exp(self.size_trend * x + 0.5 * (self.size_trend_se * x) ** 2)

    def toeplitz(self, horizon: int) -> np.ndarray:
        """(horizon, horizon) matrix: created month c → close month t, P(lag = t − c)."""
        pmf = self.lag_pmf(horizon)
        idx = np.arange(horizon)
        diff = idx[None, :] - idx[:, None]
        return np.where(diff >= 0, pmf[np.clip(diff, 0, horizon)], 0.0)

    def expected(self, horizon: int) -> np.ndarray:
        """Analytic expected revenue per forecast month (new deals + open pipeline)."""
        p = self.conv_mean
        flow = self.inflow_factor(horizon) @ self.toeplitz(horizon)
        new = self.inflow_mean * float(np.prod(p)) * self.mean_size * flow
        n_open, pmf = self.pipeline_pmf(horizon)
        pipe = (n_open * self.open_win()) @ pmf[:, :horizon] * self.mean_size
        return (new + pipe) * self.size_factor(horizon)

    def open_win(self) -> np.ndarray:
        """Mean chance that an open deal at each stage wins (snapshot estimate, else Π_{j≥k} p_j)."""
        if self.pipe_a is not None and self.pipe_b is not None:
            return self.pipe_a / (self.pipe_a + self.pipe_b)
        return np.cumprod(self.conv_mean[::-1])[::-1]  # Π_{j≥k} p_j

    def run_rate(self) -> float:
        """Steady-state monthly revenue from new deals: inflow × Π conversions × average deal."""
        return float(self.inflow_mean * np.prod(self.conv_mean) * self.mean_size)

    # ---- levers ----------------------------------------------------------------------
    def with_levers(
        self,
        new_deals: float | None = None,
        conversions: list[float] | np.ndarray | None = None,
        average_deal: float | None = None,
        cycle_days: float | None = None,
        conv_scale: np.ndarray | None = None,
    ) -> ForecastModel:
        """A copy with some drivers set to new values (the simulator's and what-if levers).

        New conversions keep each stage's posterior concentration a + b (its evidence), and
        move an open deal's chance to win as they move its remaining chain Π_{j≥k} p_j;
        a new inflow keeps the variance-to-mean ratio; a new average deal scales every
        resampled size; a new median cycle scales every resampled cycle.
        """
        m = replace(self)
        if new_deals is not None:
            ratio = self.inflow_var / self.inflow_mean if self.inflow_mean > 0 else 1.0
            m.inflow_mean = max(float(new_deals), 0.0)
            m.inflow_var = m.inflow_mean * ratio
        p = self.conv_mean
        if conversions is not None:
            p = np.asarray(conversions, dtype=float)
        if conv_scale is not None:
            p = p * conv_scale
        if conversions is not None or conv_scale is not None:
            p = np.clip(p, 1e-9, 1 - 1e-9)
            c = self.conv_a + self.conv_b
            m.conv_a, m.conv_b = p * c, (1 - p) * c
            if self.pipe_a is not None and self.pipe_b is not None:
                # open deals' chances move as their remaining chain Π_{j≥k} p_j moves
                old = np.cumprod(self.conv_mean[::-1])[::-1]
                new = np.cumprod(p[::-1])[::-1]
                w = np.clip(self.open_win() * new / old, 1e-9, 1 - 1e-9)
                n = self.pipe_a + self.pipe_b
                m.pipe_a, m.pipe_b = w * n, (1 - w) * n
        if average_deal is not None and len(self.sizes):
            m.size_scale = float(average_deal) / float(self.sizes.mean())
        if cycle_days is not None and len(self.cycles):
            med = float(np.median(self.cycles))
            m.cycle_scale = float(cycle_days) / med if med > 0 else 1.0
        return m


@dataclass
class ForecastResult:
    """Quantiles of revenue per forecast month and over the horizon."""

    months: list[pd.Timestamp]
    horizon: int
    scenarios: int
    seed: int
    monthly_q: np.ndarray  # (3, horizon): P10, P50, P90
    monthly_mean: np.ndarray
    total_q: np.ndarray  # (3,)
    total_mean: float
    totals: np.ndarray  # (scenarios,)
    expected: np.ndarray  # analytic expectation per month
    target_total: float | None
    p_target: float | None
    method: dict[str, Any]
    elapsed: float

    def monthly_frame(self) -> pd.DataFrame:
        """Month, P10, P50, P90, Monte Carlo mean and analytic expectation."""
        return pd.DataFrame(
            {
                "month": self.months,
                "p10": self.monthly_q[0],
                "p50": self.monthly_q[1],
                "p90": self.monthly_q[2],
                "mean": self.monthly_mean,
                "expected": self.expected,
            }
        )


# --------------------------------------------------------------------------------------
# estimating the model from history


def _complete_months(created: pd.Series, as_of: pd.Timestamp, months: int) -> pd.Series:
    """New deals per complete calendar month, the last `months` months up to as_of."""
    as_of = pd.Timestamp(as_of).normalize()
    month_end = as_of + pd.offsets.MonthEnd(0)
    last = as_of.to_period("M") if as_of == month_end else as_of.to_period("M") - 1
    first_seen = created.min().to_period("M")
    first = max(first_seen, last - (months - 1))
    if first > last:
        return pd.Series(dtype=int)
    idx = pd.period_range(first, last, freq="M")
    c = created.dt.to_period("M").value_counts()
    return c.reindex(idx, fill_value=0).astype(int)


def chi2_sf(x: float, df: int) -> float:
    """P(χ²(df) > x) by the Wilson–Hilferty cube-root normal approximation (|error| < 0.01
    for df ≥ 2, plenty for a 5% decision; scipy is not a runtime dependency)."""
    if x <= 0:
        return 1.0
    from statistics import NormalDist

    k = float(df)
    z = ((x / k) ** (1 / 3) - (1 - 2 / (9 * k))) / math.sqrt(2 / (9 * k))
    return 1.0 - NormalDist().cdf(z)


def inflow_model(history: pd.Series) -> tuple[str, float, float]:
    """Poisson or negative binomial by the index-of-dispersion test: (kind, mean, variance)."""
    x = history.to_numpy(dtype=float)
    mean = float(x.mean()) if len(x) else 0.0
    var = float(x.var(ddof=1)) if len(x) > 1 else mean
    if len(x) >= 3 and mean > 0 and var > mean:
        stat = (len(x) - 1) * var / mean
        if chi2_sf(stat, len(x) - 1) < DISPERSION_P:
            return "negative_binomial", mean, var
    return "poisson", mean, mean


@dataclass(frozen=True)
class Trend:
    """A log-linear slope a month: as estimated with its s.e., and its posterior (mean, sd)."""

    raw: float = 0.0
    raw_se: float = 0.0
    slope: float = 0.0  # posterior mean: raw × τ²/(τ² + se²) under the prior N(0, τ²)
    se: float = 0.0  # posterior sd: what each scenario's slope is drawn with


def shrunk(raw: float, se: float, prior: float) -> Trend:
    """The slope's posterior under a prior N(0, prior²) (normal–normal; capped at ±MAX_SLOPE).

    A slope within its error is pulled toward flat and keeps its doubt: each scenario draws
    its own slope from the posterior, so a short or noisy history widens the forecast instead
    of betting on "no growth".
    """
    if not np.isfinite(raw) or not np.isfinite(se) or se <= 0:
        return Trend()
    w = prior**2 / (prior**2 + se**2)
    slope = float(np.clip(raw * w, -MAX_SLOPE, MAX_SLOPE))
    return Trend(float(raw), float(se), slope, min(math.sqrt(w) * float(se), MAX_SLOPE))


def _hac_var(design: np.ndarray, resid: np.ndarray, bread: np.ndarray, lags: int) -> np.ndarray:
    """Newey–West (Bartlett) sandwich covariance of a GLM fit's coefficients."""
    u = design * resid[:, None]
    meat = u.T @ u
    for lag in range(1, lags + 1):
        g = u[lag:].T @ u[:-lag]
        meat += (1 - lag / (lags + 1)) * (g + g.T)
    return bread @ meat @ bread


def season_slope_sd(n: int, amplitude: float = SEASON_AMPLITUDE) -> float:
    """Sd of the slope an unmodelled 12-month wave (random phase) puts into n months' fit."""
    t = np.arange(n, dtype=float)
    x = t - t.mean()
    c, s_ = (x * np.cos(2 * np.pi * t / 12)).sum(), (x * np.sin(2 * np.pi * t / 12)).sum()
    return float(amplitude * math.sqrt(0.5 * (c * c + s_ * s_)) / (x * x).sum())


def _poisson_trend(y: np.ndarray, offset: np.ndarray) -> tuple[float, float, np.ndarray]:
    """Poisson log-linear fit y ~ exp(a + b·i + offset): (b, s.e. of b, fitted), by IRLS.

    The s.e. is the larger of the quasi-Poisson and the Newey–West one (lags n/4): months
    next to each other share what the fit leaves out (an unmodelled season), so the
    residuals are autocorrelated and the plain s.e. too small.
    """
    x = np.arange(len(y), dtype=float) - (len(y) - 1) / 2
    beta = np.array([math.log(max(y.mean(), 0.5)), 0.0])
    design = np.column_stack([np.ones_like(x), x])
    for _ in range(25):
        mu = np.exp(design @ beta + offset)
        info = design.T @ (design * mu[:, None])
        step = np.linalg.solve(info, design.T @ (y - mu))
        beta = beta + step
        if np.abs(step).max() < 1e-9:
            break
    mu = np.exp(design @ beta + offset)
    phi = max(1.0, float(((y - mu) ** 2 / mu).sum()) / max(len(y) - 2, 1))
    bread = np.linalg.inv(design.T @ (design * mu[:, None]))
    hac = _hac_var(design, y - mu, bread, max(2, len(y) // 4)) * len(y) / max(len(y) - 2, 1)
    var = max(float(bread[1, 1]) * phi, float(hac[1, 1]))
    return float(beta[1]), math.sqrt(var), mu


def inflow_trend(hist: pd.Series) -> tuple[Trend, np.ndarray | None, np.ndarray]:
    """Trend of monthly new deals, seasonal factors (≥ 24 months; shrunk), fitted values."""
    y = hist.to_numpy(dtype=float)
    if len(y) < MIN_TREND_MONTHS or y.sum() <= 0:
        return Trend(), None, np.full(len(y), y.mean() if len(y) else 0.0)
    b, se, mu = _poisson_trend(y, np.zeros(len(y)))
    season = None
    if len(y) >= SEASON_MONTHS:
        cal = np.array([p.month - 1 for p in hist.index])
        obs = np.bincount(cal, weights=y, minlength=12)
        exp_ = np.bincount(cal, weights=mu, minlength=12)
        phi = max(1.0, float(((y - mu) ** 2 / mu).sum()) / max(len(y) - 2, 1))
        z2 = float((((obs - exp_) ** 2) / (exp_ * phi)).sum())
        w = max(0.0, 1.0 - 10.0 / z2) if z2 > 0 else 0.0  # James–Stein over 12 factors
        raw = np.where(exp_ > 0, obs / np.where(exp_ > 0, exp_, 1), 1.0)
        season = 1.0 + w * (raw - 1.0)
        season /= season.mean()
        if w > 0:
            b, se, mu = _poisson_trend(y, np.log(season[cal]))
        else:
            season = None
    else:  # a season cannot be told from under two years: its wave may sit in the slope
        se = math.hypot(se, season_slope_sd(len(y)))
    return shrunk(b, se, INFLOW_PRIOR), season, mu


def size_trend(won: pd.DataFrame, as_of: pd.Timestamp) -> Trend:
    """Trend of log deal size by close month over the last 24 months (OLS), its posterior."""
    if "closed_at" not in won:
        return Trend()
    w = won[won["closed_at"].notna() & (won["closed_at"] > as_of - pd.DateOffset(months=24))]
    w = w[w["amount"].notna() & (w["amount"] > 0)]
    if len(w) < MIN_SIZE_DEALS:
        return Trend()
    x = _months_before(w["closed_at"], as_of)
    y = np.log(w["amount"].to_numpy(dtype=float))
    sxx = float(((x - x.mean()) ** 2).sum())
    if sxx <= 0:
        return Trend()
    b = float(((x - x.mean()) * (y - y.mean())).sum() / sxx)
    resid = y - y.mean() - b * (x - x.mean())
    se = math.sqrt(float((resid**2).sum()) / max(len(y) - 2, 1) / sxx)
    # deals closed in one month share that month's mix: cluster-robust s.e. by close month
    month = w["closed_at"].dt.to_period("M").to_numpy()
    score = pd.Series((x - x.mean()) * resid).groupby(month).sum().to_numpy()
    g = len(score)
    if g > 2:
        se = max(se, math.sqrt(float((score**2).sum()) * g / (g - 1)) / sxx)
    return shrunk(b, se, SIZE_PRIOR)


def dispersion(observed: np.ndarray, expected: np.ndarray, var: np.ndarray) -> float:
    """Pearson χ² / degrees of freedom, at least 1 (1 with fewer than 3 cells)."""
    ok = var > 0
    if ok.sum() < 3:
        return 1.0
    x2 = float((((observed - expected) ** 2)[ok] / var[ok]).sum())
    return max(1.0, x2 / (int(ok.sum()) - 1))


def win_dispersion(deals: pd.DataFrame, as_of: pd.Timestamp) -> float:
    """Between-month dispersion of the win rate of deals closed in the last 24 months."""
    if "closed_at" not in deals:
        return 1.0
    c = deals[deals["stage"].isin([WON, LOST]) & (deals["closed_at"] <= as_of)]
    c = c[c["closed_at"] > as_of - pd.DateOffset(months=TREND_MONTHS)]
    g = c.groupby(c["closed_at"].dt.to_period("M"))["stage"]
    n, w = g.size().to_numpy(dtype=float), g.apply(lambda x: (x == WON).sum()).to_numpy(float)
    if not len(n) or n.sum() == 0:
        return 1.0
    p = w.sum() / n.sum()
    return dispersion(w, n * p, n * p * (1 - p))


def size_dispersion(paid: pd.DataFrame) -> float:
    """Between-month dispersion of the average won deal beyond its sampling error."""
    if "closed_at" not in paid or len(paid) < MIN_SIZE_DEALS:
        return 1.0
    g = paid.groupby(paid["closed_at"].dt.to_period("M"))["amount"]
    n, m = g.size().to_numpy(dtype=float), g.mean().to_numpy(dtype=float)
    var = float(paid["amount"].var())
    return dispersion(m, np.full(len(m), paid["amount"].mean()), var / n)


def snapshot_wins(
    deals: pd.DataFrame,
    history: pd.DataFrame | None,
    stages: list[str],
    as_of: pd.Timestamp,
    settle_days: float,
    stale_days: float | None = None,
) -> tuple[np.ndarray, np.ndarray] | None:
    """Beta (a, b) per stage of P(win | open there), read from past month-end snapshots.

    An open deal at a snapshot is not a random deal that reached its stage: deals about to be
    lost leave sooner, so the open ones win more often than the stage chain says. At each
    month end at least `settle_days` before as_of, the open deals and their stage (from the
    stage history), and their outcome at as_of (still open: left out, unless stale by then —
    older than `stale_days`, a deal nobody closes: not won); the evidence of a deal seen in
    several snapshots counts once. None without stage history or close dates, or when a
    stage has no settled deal.
    """
    if history is None or history.empty or "closed_at" not in deals:
        return None
    k = len(stages) - 1
    pos = {s: i for i, s in enumerate(stages[:-1])}
    h = history[history["stage"].isin(pos)].sort_values("entered_at", kind="stable")
    snaps = pd.date_range(
        deals["created_at"].min() + pd.offsets.MonthEnd(1),
        as_of - pd.Timedelta(days=settle_days),
        freq="ME",
    )[-SNAPSHOTS:]
    if not len(snaps):
        return None
    closed = deals["closed_at"].where(deals["stage"].isin([WON, LOST]))
    settled = closed.notna() | stale_open(deals, as_of, stale_days)
    won = deals["stage"].eq(WON).to_numpy()
    idx, at_stage = [], []
    for snap in snaps:
        cut = snap + pd.Timedelta(days=1)
        open_ = (deals["created_at"] < cut) & ~(closed < cut)
        at = deals["deal_id"].map(h[h["entered_at"] < cut].groupby("deal_id")["stage"].last())
        ok = (open_ & at.notna() & settled).to_numpy()
        idx.append(np.flatnonzero(ok))
        at_stage.append(at[ok].map(pos).to_numpy(dtype=int))
    i, kk = np.concatenate(idx), np.concatenate(at_stage)
    seen = np.bincount(kk, minlength=k)[:k].astype(float)
    if (seen <= 0).any():
        return None
    wins = np.bincount(kk, weights=won[i].astype(float), minlength=k)[:k]
    distinct = np.array([len(np.unique(i[kk == s])) for s in range(k)], dtype=float)
    scale = distinct / seen  # one deal seen in n snapshots is one deal's evidence
    return wins * scale + 1.0, (seen - wins) * scale + 1.0


def _months_before(ts: pd.Series, as_of: pd.Timestamp) -> np.ndarray:
    """Time of each timestamp in months relative to as_of (negative before)."""
    return ((ts - as_of).dt.total_seconds() / 86400 / DAYS_PER_MONTH).to_numpy(dtype=float)


def model_from_deals(
    deals: pd.DataFrame,
    stages: list[str],
    history: pd.DataFrame | None,
    as_of: pd.Timestamp,
    fc: FunnelCounts | None = None,
    stale_days: float | None = None,
    months: int = HISTORY_MONTHS,
) -> ForecastModel:
    """Estimate the forecast model from the deals (raises ForecastUnavailable)."""
    as_of = pd.Timestamp(as_of)
    if fc is None:  # the one definition: stale deals lost, conversions by Aalen–Johansen
        fc = counts(deals, stages, history, as_of, stale_days)
    long = _complete_months(deals["created_at"], as_of, max(months, TREND_MONTHS))
    hist = long.iloc[-months:]
    if hist.empty or hist.sum() == 0:
        raise ForecastUnavailable("short_history")
    trend, season, fitted = inflow_trend(long)
    fit = fitted[-len(hist) :]
    # over-dispersion is judged around the trend and season, not around a flat mean
    kind, _, var = inflow_model(hist / np.where(fit > 0, fit, 1) * fit.mean())
    mean = float(hist.mean())
    var = var if kind == "negative_binomial" else mean
    collapsed = not fc.identified
    if collapsed:
        a, b = np.array([fc.won + 1.0]), np.array([fc.lost + 1.0])
    else:
        a, b = beta_params(stage_table(fc))
    won = deals[deals["stage"] == WON]
    if "amount" not in deals:
        raise ForecastUnavailable("no_amounts")
    paid = won[won["amount"].notna() & (won["amount"] > 0)]
    notes: list[str] = []
    if "closed_at" in paid:
        recent = paid[paid["closed_at"] > as_of - pd.DateOffset(months=12)]
        if len(recent) >= 10:
            paid = recent
        else:
            notes.append("size_all_history")
    if paid.empty:
        raise ForecastUnavailable("no_amounts")
    cyc = pd.Series(dtype=float)
    frac = pd.Series(dtype=float)
    if "closed_at" in won:
        w = won[won["closed_at"].notna()]
        days = (w["closed_at"] - w["created_at"]).dt.total_seconds() / 86400
        ok = days >= 0
        cyc, w = days[ok], w[ok]
        dim = w["created_at"].dt.days_in_month
        frac = (w["created_at"].dt.day - 1) / dim
    if cyc.empty:
        notes.append("no_cycle_lag_zero")
    is_open = ~deals["stage"].isin([WON, LOST])
    age = (as_of - deals["created_at"]).dt.total_seconds() / 86400
    stale = is_open & (age > stale_days) if stale_days else pd.Series(False, index=deals.index)
    keep = is_open & ~stale & (age >= 0)
    pos = stage_position(deals, history, stages)
    keep &= pos < len(stages) - 1
    if collapsed:
        pos = pos * 0  # an open deal's chance is the win rate, whatever its stage
        notes.append("win_rate_model")
    start_p = as_of.to_period("M") + 1
    start = start_p.to_timestamp()
    sized = paid["closed_at"].notna() if "closed_at" in paid else pd.Series(False, paid.index)
    centre = float(_months_before(paid.loc[sized, "closed_at"], as_of).mean()) if sized.any() else 0
    s_trend = size_trend(won, as_of)
    settle = float(np.quantile(cyc, 0.8)) if len(cyc) else 0.0
    snap = None if collapsed else snapshot_wins(deals, history, stages, as_of, settle, stale_days)
    return ForecastModel(
        stages=[stages[0], stages[-1]] if collapsed else list(stages),
        inflow_mean=mean,
        inflow_var=var,
        inflow_months=len(hist),
        inflow_kind=kind,
        conv_a=a,
        conv_b=b,
        sizes=paid["amount"].to_numpy(dtype=float),
        cycles=cyc.to_numpy(dtype=float),
        created_frac=frac.to_numpy(dtype=float),
        open_stage=pos[keep].to_numpy(dtype=int),
        open_age=age[keep].to_numpy(dtype=float),
        start=start,
        as_of_frac=float(as_of.day / as_of.days_in_month),
        excluded_stale=int(stale.sum()),
        inflow_history=[int(x) for x in hist],
        notes=notes,
        collapsed=collapsed,
        inflow_trend=trend.slope,
        inflow_trend_se=trend.se,
        inflow_offset=float((start_p - hist.index[-1]).n + (len(hist) - 1) / 2),
        seasonal=season,
        size_trend=s_trend.slope,
        size_trend_se=s_trend.se,
        size_offset=(start - as_of).days / DAYS_PER_MONTH + 0.5 - centre,
        inflow_phi=dispersion(hist.to_numpy(float), fit, fit),
        conv_phi=win_dispersion(deals, as_of),
        size_phi=size_dispersion(paid),
        pipe_a=None if snap is None else snap[0],
        pipe_b=None if snap is None else snap[1],
    )


# --------------------------------------------------------------------------------------
# the Monte Carlo


class _SizeBank:
    """Sums of n bootstrap-resampled deal sizes, O(1) per cell (see the module docstring)."""

    def __init__(self, pool: np.ndarray, rng: np.random.Generator, rows: int) -> None:
        """Draw `rows` cumulative sums of resampled sizes, rescaled to the exact mean."""
        self.mu = float(pool.mean())
        self.var = float(pool.var())
        draws = pool[rng.integers(0, len(pool), size=(rows, BANK_COLUMNS))]
        bank = np.cumsum(draws, axis=1)
        col = bank.mean(axis=0)
        target = self.mu * np.arange(1, BANK_COLUMNS + 1)
        self.bank = bank * np.where(col > 0, target / np.where(col > 0, col, 1), 1.0)
        self.rows = rows

    def sums(self, n: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """Revenue of each cell holding n won deals."""
        out = np.zeros(n.shape)
        small = (n > 0) & (n <= BANK_COLUMNS)
        if small.any():
            j = rng.integers(0, self.rows, size=int(small.sum()))
            out[small] = self.bank[j, n[small] - 1]
        big = n > BANK_COLUMNS
        if big.any():
            if self.var > 0:
                shape = n[big] * self.mu**2 / self.var
                out[big] = rng.gamma(shape, self.var / self.mu)
            else:
                out[big] = n[big] * self.mu
        return out


def _draw_chunk(
    model: ForecastModel,
    horizon: int,
    size: int,
    rng: np.random.Generator,
    bank: _SizeBank,
    toeplitz: np.ndarray,
    n_open: np.ndarray,
    pipe_pmf: np.ndarray,
) -> np.ndarray:
    """Revenue (size, horizon) of one chunk of scenarios."""
    m, n_months = model.inflow_mean, max(model.inflow_months, 1)
    if m > 0:
        v_mean = _level_var(model) / n_months
        shape = m * m / v_mean
        lam = rng.gamma(shape, m / shape, size=size)
    else:
        lam = np.zeros(size)
    r = model.nb_r
    phi = model.conv_phi
    p = rng.beta(model.conv_a / phi, model.conv_b / phi, size=(size, len(model.conv_a)))
    q = p.prod(axis=1)
    grow = _trend_draws(
        model.inflow_trend, model.inflow_trend_se, model.inflow_offset, horizon, size, rng
    )
    grow = grow * model.season(horizon)[None, :]
    if r is not None:  # Gamma-mixed (negative binomial) monthly intensity
        cell = rng.gamma(r, 1.0, size=(size, horizon)) * (lam[:, None] / r) * grow
        rate = (cell @ toeplitz) * q[:, None]
    else:  # Σ_c λ g(c) pmf(t − c); without a trend λ · CDF(t)
        rate = (lam * q)[:, None] * (grow @ toeplitz)
    won = rng.poisson(rate)
    if n_open.any():
        tail: np.ndarray = np.cumprod(p[:, ::-1], axis=1)[:, ::-1]
        if model.pipe_a is not None and model.pipe_b is not None:
            tail = rng.beta(model.pipe_a, model.pipe_b, size=(size, len(model.pipe_a)))
        for k in np.flatnonzero(n_open):
            n = rng.binomial(n_open[k], tail[:, k])
            pk = pipe_pmf[k] / pipe_pmf[k].sum()
            won += rng.multinomial(n, pk)[:, :horizon]
    rev = bank.sums(won, rng)
    if len(model.sizes) > 1 and bank.var > 0:
        cv2 = bank.var / bank.mu**2 / len(model.sizes) * model.size_phi
        factor = rng.gamma(1 / cv2, cv2, size=size)
        rev *= factor[:, None]
    rev *= _trend_draws(
        model.size_trend, model.size_trend_se, model.size_offset, horizon, size, rng
    )
    return rev * model.size_scale


def _level_var(model: ForecastModel) -> float:
    """Monthly variance behind the uncertainty of the inflow level (NB, else quasi-Poisson)."""
    if model.inflow_kind == "negative_binomial":
        return model.inflow_var
    return model.inflow_mean * model.inflow_phi


def _trend_draws(
    slope: float, se: float, offset: float, horizon: int, size: int, rng: np.random.Generator
) -> np.ndarray:
    """exp(b_s · (offset + t)) per scenario and month, b_s ~ N(slope, se²) (no draw if se = 0)."""
    x = offset + np.arange(horizon)
    b = rng.normal(slope, se, size=size) if se > 0 else np.full(size, slope)
    # a short, noisy history has a huge s.e.: no drawn slope beyond 3 × MAX_SLOPE (±15 % a month)
    b = np.clip(b, -3 * MAX_SLOPE, 3 * MAX_SLOPE)
    return np.exp(b[:, None] * x[None, :])


def simulate(
    model: ForecastModel,
    horizon: int = 12,
    scenarios: int = 20_000,
    seed: int = 42,
    target_per_month: float | None = None,
) -> ForecastResult:
    """Monte Carlo revenue per month for `horizon` months: P10/P50/P90 and P(target).

    Seeded: the same model, horizon, scenarios and seed give identical results.
    """
    t0 = time.perf_counter()
    if horizon < 1 or scenarios < 1:
        raise ValueError("horizon and scenarios must be positive")
    ss = np.random.SeedSequence(seed)
    bank_rng, *chunk_seeds = ss.spawn(1 + math.ceil(scenarios / CHUNK))
    toeplitz = model.toeplitz(horizon)
    n_open, pipe_pmf = model.pipeline_pmf(horizon)
    rows = int(min(16_384, max(4_096, scenarios * horizon // 8)))
    bank = _SizeBank(model.sizes, np.random.default_rng(bank_rng), rows)
    parts = []
    left = scenarios
    for s in chunk_seeds:
        size = min(CHUNK, left)
        parts.append(
            _draw_chunk(
                model, horizon, size, np.random.default_rng(s), bank, toeplitz, n_open, pipe_pmf
            )
        )
        left -= size
    rev = np.concatenate(parts) if len(parts) > 1 else parts[0]
    totals = rev.sum(axis=1)
    target_total = target_per_month * horizon if target_per_month else None
    p_target = float((totals >= target_total).mean()) if target_total else None
    months = list(pd.date_range(model.start, periods=horizon, freq="MS"))
    method = {
        "inflow": model.inflow_kind,
        "inflow_mean": round(model.inflow_mean, 3),
        "inflow_var": round(model.inflow_var, 3),
        "inflow_months": model.inflow_months,
        "conversions": [round(float(x), 4) for x in model.conv_mean],
        "average_deal": round(model.mean_size, 2),
        "size_pool": int(len(model.sizes)),
        "median_cycle_days": None if model.median_cycle is None else round(model.median_cycle, 1),
        "open_deals": int(n_open.sum()),
        "stale_excluded": model.excluded_stale,
        "inflow_trend": round(model.inflow_trend, 4),
        "size_trend": round(model.size_trend, 4),
        "seasonal": model.seasonal is not None,
        "open_win": [round(float(x), 4) for x in model.open_win()],
        "notes": list(model.notes),
    }
    return ForecastResult(
        months=months,
        horizon=horizon,
        scenarios=scenarios,
        seed=seed,
        monthly_q=np.quantile(rev, QUANTILES, axis=0),
        monthly_mean=rev.mean(axis=0),
        total_q=np.quantile(totals, QUANTILES),
        total_mean=float(totals.mean()),
        totals=totals,
        expected=model.expected(horizon),
        target_total=target_total,
        p_target=p_target,
        method=method,
        elapsed=time.perf_counter() - t0,
    )


def naive_simulate(
    model: ForecastModel, horizon: int = 12, scenarios: int = 1_000, seed: int = 0
) -> np.ndarray:
    """The same forecast by a plain loop per scenario, month, deal and stage (reference only).

    Returns revenue (scenarios, horizon). Used by the tests (distribution check) and by
    ``benchmarks/forecast.py`` (speed ratio). Never used in an audit.
    """
    rng = np.random.default_rng(seed)
    pmf = model.lag_pmf(horizon)
    n_open, pipe = model.pipeline_pmf(horizon)
    sizes = model.sizes * model.size_scale
    mu, var, npool = float(model.sizes.mean()), float(model.sizes.var()), len(model.sizes)
    r = model.nb_r
    season = model.season(horizon)
    out = np.zeros((scenarios, horizon))
    k_stages = len(model.conv_a)
    for s in range(scenarios):
        m = model.inflow_mean
        v_mean = _level_var(model) / max(model.inflow_months, 1)
        lam = rng.gamma(m * m / v_mean, v_mean / m) if m > 0 else 0.0
        phi = model.conv_phi
        p = [rng.beta(model.conv_a[k] / phi, model.conv_b[k] / phi) for k in range(k_stages)]
        factor = 1.0
        if npool > 1 and var > 0:
            cv2 = var / mu**2 / npool * model.size_phi
            factor = rng.gamma(1 / cv2, cv2)
        b_in = rng.normal(model.inflow_trend, model.inflow_trend_se)
        b_sz = rng.normal(model.size_trend, model.size_trend_se)
        grow = np.exp(b_in * (model.inflow_offset + np.arange(horizon))) * season
        by_t = factor * np.exp(b_sz * (model.size_offset + np.arange(horizon)))
        for c in range(horizon):
            rate = (rng.gamma(r, lam / r) if r is not None else lam) * grow[c]
            for _deal in range(rng.poisson(rate)):
                won = True
                for k in range(k_stages):
                    if rng.random() >= p[k]:
                        won = False
                        break
                if won:
                    t = c + rng.choice(len(pmf), p=pmf)
                    if t < horizon:
                        out[s, t] += sizes[rng.integers(npool)] * by_t[t]
        snap = None
        if model.pipe_a is not None and model.pipe_b is not None:
            snap = rng.beta(model.pipe_a, model.pipe_b)
        for k in range(k_stages):
            for _deal in range(int(n_open[k])):
                if (
                    (rng.random() < snap[k])
                    if snap is not None
                    else all(rng.random() < p[j] for j in range(k, k_stages))
                ):
                    t = rng.choice(horizon + 1, p=pipe[k] / pipe[k].sum())
                    if t < horizon:
                        out[s, t] += sizes[rng.integers(npool)] * by_t[t]
    return out


# --------------------------------------------------------------------------------------
# sensitivity and goal seek


def drivers(model: ForecastModel) -> list[str]:
    """Driver names: new_deals, conversion.<stage left> (or win_rate), deal_size, cycle."""
    if model.collapsed:
        return ["new_deals", "win_rate", "deal_size", "cycle"]
    return ["new_deals", *[f"conversion.{k}" for k in model.stages[:-1]], "deal_size", "cycle"]


def _apply(model: ForecastModel, driver: str, factor: float) -> ForecastModel:
    """The model with one driver improved by `factor` (cycle: divided, i.e. shorter)."""
    if driver == "new_deals":
        return model.with_levers(new_deals=model.inflow_mean * factor)
    if driver == "deal_size":
        return model.with_levers(average_deal=model.mean_size * factor)
    if driver == "cycle":
        m = replace(model)
        m.cycle_scale = model.cycle_scale / factor
        return m
    k = 0 if driver == "win_rate" else model.stages.index(driver.split(".", 1)[1])
    scale = np.ones(len(model.conv_a))
    scale[k] = factor
    return model.with_levers(conv_scale=scale)


def sensitivity(model: ForecastModel, horizon: int = 12, step: float = 0.10) -> pd.DataFrame:
    """Tornado: expected revenue change over the horizon when each driver improves 10%.

    Columns: driver, base, revenue_delta (+10%; cycle 10% shorter), revenue_delta_down
    (−10%; cycle 10% longer); sorted by revenue_delta, largest first. Conversions are capped
    at 1.
    """
    base = float(model.expected(horizon).sum())
    rows = []
    for d in drivers(model):
        up = float(_apply(model, d, 1 + step).expected(horizon).sum()) - base
        down = float(_apply(model, d, 1 - step).expected(horizon).sum()) - base
        rows.append({"driver": d, "base": base, "revenue_delta": up, "revenue_delta_down": down})
    out = pd.DataFrame(rows)
    return out.sort_values("revenue_delta", ascending=False, kind="stable").reset_index(drop=True)


GOAL_COLUMNS = (
    "driver",
    "current",
    "needed",
    "change",
    "realistic",
    "reason",
    "band_low",
    "band_high",
    "best_today",
    "implied_meeting_to_contract",
    "implied_meetings",
)


@dataclass(frozen=True)
class _Goal:
    """What every driver's goal-seek row shares: the lift needed and today's meetings."""

    ratio: float | None  # target / steady-state run rate
    conv: np.ndarray
    stages: list[str]
    meeting_at: int | None  # index of first_contact
    meetings_now: float | None
    m2c_now: float | None
    capacity: float | None  # meetings the sellers can hold a month
    band: tuple[float, float]
    best: dict[str, float]

    def meetings(self) -> float | None:
        """Meetings a month the lift implies (None without a first_contact stage)."""
        if self.meetings_now is None or self.ratio is None:
            return None
        return self.meetings_now * self.ratio

    def capacity_check(self) -> tuple[bool | None, str | None]:
        """(realistic, reason) of the meetings the lift implies against capacity."""
        meetings = self.meetings()
        if meetings is None:
            return None, "no_first_contact"
        if self.capacity is None:
            return None, "no_team"
        return bool(meetings <= self.capacity), None if meetings <= self.capacity else "capacity"


def _goal_context(
    model: ForecastModel,
    target_per_month: float,
    closers: int | None,
    meetings_per_closer: float,
    band: tuple[float, float],
    best: dict[str, float],
) -> _Goal:
    """The shared part of goal seek for a model and a monthly target."""
    run = model.run_rate()
    p = model.conv_mean
    fc_i = model.stages.index("first_contact") if "first_contact" in model.stages else None
    return _Goal(
        ratio=target_per_month / run if run > 0 else None,
        conv=p,
        stages=model.stages,
        meeting_at=fc_i,
        meetings_now=model.inflow_mean * float(np.prod(p[:fc_i])) if fc_i is not None else None,
        m2c_now=float(np.prod(p[fc_i:])) if fc_i is not None else None,
        capacity=closers * meetings_per_closer if closers else None,
        band=band,
        best=best,
    )


def _conversion_goal(g: _Goal, key: str, ratio: float, row: dict[str, Any]) -> None:
    """Fill a conversion driver's row: the value needed and whether it is realistic."""
    k = g.stages.index(key)
    need = float(g.conv[k] * ratio)
    row.update(current=float(g.conv[k]), needed=need, best_today=g.best.get(key))
    if need > 1:
        row.update(realistic=False, reason="above_one")
    elif key in g.best and need > g.best[key]:
        row.update(realistic=False, reason="above_best")
    elif g.meeting_at is not None and k >= g.meeting_at:
        implied = g.m2c_now * ratio if g.m2c_now is not None else None
        row.update(implied_meeting_to_contract=implied, band_low=g.band[0], band_high=g.band[1])
        ok = implied is not None and implied <= g.band[1]
        row.update(realistic=ok, reason=None if ok else "above_band")
    else:
        row["implied_meetings"] = g.meetings()
        row["realistic"], row["reason"] = g.capacity_check()


def _goal_row(model: ForecastModel, g: _Goal, driver: str) -> dict[str, Any]:
    """One driver's goal-seek row (see :func:`goal_seek`)."""
    row: dict[str, Any] = dict.fromkeys(GOAL_COLUMNS)
    row["driver"] = driver
    if driver == "cycle":
        row.update(current=model.median_cycle, reason="run_rate_independent")
        return row
    if g.ratio is None:
        row["reason"] = "zero_run_rate"
        return row
    if driver == "new_deals":
        row.update(current=model.inflow_mean, needed=model.inflow_mean * g.ratio)
        row["implied_meetings"] = g.meetings()
        row["realistic"], row["reason"] = g.capacity_check()
    elif driver == "deal_size":
        row.update(current=model.mean_size, needed=model.mean_size * g.ratio, reason="no_benchmark")
    elif driver == "win_rate":
        _conversion_goal(g, model.stages[0], g.ratio, row)
    else:
        _conversion_goal(g, driver.split(".", 1)[1], g.ratio, row)
    if row["current"]:
        row["change"] = row["needed"] / row["current"] - 1
    return row


def goal_seek(
    model: ForecastModel,
    target_per_month: float | None,
    closers: int | None = None,
    meetings_per_closer: float = 40.0,
    band: tuple[float, float] = (0.10, 0.30),
    best: dict[str, float] | None = None,
) -> pd.DataFrame | None:
    """For each driver alone, the value that lifts the steady-state monthly run rate to target.

    Realistic means: a conversion stays ≤ 1, is not above what the best seller already
    achieves at that stage (`best`: stage → conversion of the best manager with enough
    deals to judge, when known), and — at or after the meeting — keeps meeting → contract
    within the top of the methodology's 10–30% band (docs/methodology.md §4.5); more new deals or a
    better target-list → meeting conversion needs meetings the sellers can hold
    (closers × meetings_per_closer, docs/methodology.md §4.2). Deal size has no benchmark
    (realistic None); the cycle moves revenue in time, not the run rate (needed None).
    Columns: driver, current, needed, change, realistic, reason, band_low, band_high,
    best_today, implied_meeting_to_contract, implied_meetings.
    """
    if not target_per_month:
        return None
    g = _goal_context(model, target_per_month, closers, meetings_per_closer, band, best or {})
    return pd.DataFrame([_goal_row(model, g, d) for d in drivers(model)])


@dataclass(frozen=True)
class Lever:
    """A driver and what it moves: the value today and the value needed (goal seek)."""

    driver: str
    current: Any = None
    needed: Any = None
    reason: str | None = None
    gain: float | None = None


@dataclass(frozen=True)
class GoalSummary:
    """Goal seek read out: the target already met, or the levers that reach it alone."""

    met: bool  # every driver already at or above what the target needs
    realistic: tuple[Lever, ...]
    unrealistic: tuple[Lever, ...]


def goal_summary(goal: pd.DataFrame | None) -> GoalSummary | None:
    """Which single levers reach the target realistically and which do not (and why)."""
    if goal is None:
        return None
    rows = goal[goal["needed"].notna()]
    if len(rows) and (rows["change"].fillna(0) <= 0).all():
        return GoalSummary(met=True, realistic=(), unrealistic=())
    good: list[Lever] = []
    bad: list[Lever] = []
    for _, r in rows.iterrows():
        real = r["realistic"]
        if not isinstance(real, (bool, np.bool_)):
            continue
        lever = Lever(str(r["driver"]), r["current"], r["needed"], r["reason"])
        (good if bool(real) else bad).append(lever)
    return GoalSummary(met=False, realistic=tuple(good), unrealistic=tuple(bad))


def model_from_rates(
    stages: list[str],
    new_deals: float,
    conversions: list[float],
    average_deal: float,
    cycle_days: float,
    evidence: float = 100.0,
    start: pd.Timestamp | str = "2026-01-01",
    size_cv: float = 0.8,
) -> ForecastModel:
    """A forecast model from stated rates instead of history (trainer's default, tests).

    Each conversion gets a Beta posterior worth `evidence` closed deals; deal sizes are 200
    log-normal quantiles with the given mean and CV; cycles are 200 log-normal quantiles
    (σ = 0.5) with the given median; no open pipeline. Deterministic (no random draws).
    """
    from statistics import NormalDist

    if len(conversions) != len(stages) - 1:
        raise ValueError("need one conversion per pair of consecutive stages")
    p = np.clip(np.asarray(conversions, dtype=float), 1e-6, 1 - 1e-6)
    u = (np.arange(200) + 0.5) / 200
    z = np.array([NormalDist().inv_cdf(float(q)) for q in u])
    sigma = math.sqrt(math.log(1 + size_cv**2))
    sizes = np.exp(sigma * z)
    sizes *= average_deal / sizes.mean()
    cycles = cycle_days * np.exp(0.5 * z)
    return ForecastModel(
        stages=list(stages),
        inflow_mean=float(new_deals),
        inflow_var=float(new_deals),
        inflow_months=12,
        inflow_kind="poisson",
        conv_a=p * evidence + 1,
        conv_b=(1 - p) * evidence + 1,
        sizes=sizes,
        cycles=cycles,
        created_frac=u.copy(),
        open_stage=np.zeros(0, dtype=int),
        open_age=np.zeros(0),
        start=pd.Timestamp(start).to_period("M").to_timestamp(),
        notes=["stated_rates"],
    )
