"""Levers valued against a reference the client can reach (docs/methodology.md §6.5, issue 9).

A lever is a driver of revenue (a stage conversion — or the win rate when the stage
conversions are not identifiable —, meeting → contract, new deals, the average deal, the
cycle) moved from today's value to a reference the client can reach:

* ``sellers``: the best quartile of the client's own sellers of the same role, each with at
  least MIN_N deals in the conversion's denominator (pooled: their successes over their
  deals; at least MIN_SELLERS such sellers);
* ``band``: the methodology's band (meeting → contract 10–30 %: the next mark of low, middle
  and top above today; needs brief ≥ 50 % of first meetings);
* ``best_quarter``: the client's best of the last four complete quarters (new deals a month;
  average won deal and median cycle of the deals won in a quarter with at least MIN_N of them;
  the share of a half-year's revenue whose clients bought again the next half-year);
* ``closers``: meetings a month of the best quartile of the ramped closers in the activity
  log (today: their median).

Two levers are valued outside the forecast's stage chain: meetings per closer scales the new
deals (the meetings filled at today's conversions), and client retention is the revenue kept
(reference − today) × the half-year's revenue, twice a year, in the levers' revenue basis.

The client's own data come first; the band only where they give no reference. The value is
the expected revenue over the next 12 months with the driver at the reference minus today's
(:meth:`ForecastModel.expected`), with a low–high range from the reference's 90 % interval
(for a band, today's interval carried over). A driver that is not identifiable, has too few
deals, or whose reference is not above today gives no lever. The levers overlap (meeting →
contract contains the later stage conversions): each is valued alone, and they do not add up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from salesaudit.core.constants import BRIEF_RATE, LEVEL, MEETING_TO_CONTRACT, MIN_N
from salesaudit.core.names import WON
from salesaudit.steps.funnel.compute import metric_columns, wilson
from salesaudit.steps.funnel.forecast import ForecastModel

YEAR = 12  # the levers are valued over the next 12 months
QUARTERS = 4  # the best of the last four complete quarters
MIN_SELLERS = 4  # a best quartile needs at least four sellers to compare
SELLER_ROLES = ("closer", "universal")  # who holds the meetings the conversions measure
Z = 1.6448536269514722  # the two-sided 90 % normal quantile (LEVEL)


@dataclass(frozen=True)
class Reference:
    """A value the client can reach, its 90 % interval and where it comes from."""

    value: float
    lo: float
    hi: float
    source: str  # "sellers" | "band" | "best_quarter" | "closers"
    n: int = 0  # the deals (or months) behind it
    who: tuple[str, ...] = ()  # the sellers of the best quartile (source "sellers")


@dataclass(frozen=True)
class ValuedLever:
    """A driver moved from today's value to a reachable reference, and what it is worth a year."""

    # conversion.<stage> | win_rate | meeting_to_contract | new_deals | deal_size | cycle |
    # meetings_per_closer | retention
    driver: str
    now: float
    reference: float
    reference_source: str
    revenue_delta_year: float  # expected revenue over 12 months at the reference minus today's
    low: float
    high: float
    n: int = 0
    who: tuple[str, ...] = ()
    behind: tuple[str, ...] = ()  # sellers whose 90 % interval lies wholly below today's value


# --------------------------------------------------------------------------------------
# references


def best_quartile(
    values: pd.Series, n: pd.Series, min_n: int = MIN_N, min_sellers: int = MIN_SELLERS
) -> Reference | None:
    """The pooled rate of the best quarter of the sellers with ≥ min_n deals (None: too few sellers).

    `values` (rates) and `n` (their denominators) are indexed by seller; the best
    ceil(k/4) of the k eligible sellers are pooled: Σ successes / Σ deals, Wilson interval.
    """
    ok = values.notna() & (n >= min_n)
    v, d = values[ok].astype(float), n[ok].astype(float)
    if len(v) < min_sellers:
        return None
    top = v.sort_values(ascending=False, kind="stable").index[: math.ceil(len(v) / 4)]
    wins = float((v[top] * d[top]).round().sum())
    total = float(d[top].sum())
    lo, hi = wilson(wins, total, LEVEL)
    return Reference(wins / total, lo, hi, "sellers", int(total), tuple(str(x) for x in top))


def same_role(
    cut: pd.DataFrame | None, team: pd.DataFrame | None, active: set[str] | None = None
) -> pd.DataFrame | None:
    """The manager cut's sellers who hold meetings (closers, universals) when the team has roles;
    without a team table, the sellers still at work (`active`: owners of recent deals), so a
    seller who left is never the reference the others are asked to reach."""
    if cut is None or cut.empty:
        return None
    rows = cut[cut["value"] != "other"]
    if team is not None and "role" in team and "manager" in team:
        holders = set(team.loc[team["role"].isin(SELLER_ROLES), "manager"].astype(str))
        if holders:
            rows = rows[rows["value"].astype(str).isin(holders)]
    elif team is None and active is not None:
        rows = rows[rows["value"].astype(str).isin(active)]
    return rows.set_index("value")


def band_reference(
    now: float, now_lo: float, now_hi: float, marks: tuple[float, ...]
) -> Reference | None:
    """The next band mark above today, with today's interval carried over (None: at the top)."""
    above = [m for m in marks if m > now]
    if not above:
        return None
    ref = above[0]
    return Reference(ref, ref - (now_hi - now), ref + (now - now_lo), "band")


def m2c_marks() -> tuple[float, ...]:
    """The methodology's meeting → contract marks: low, middle and top of the band."""
    lo, hi = MEETING_TO_CONTRACT.value, MEETING_TO_CONTRACT.high or MEETING_TO_CONTRACT.value
    return (lo, (lo + hi) / 2, hi)


def quarter_blocks(
    as_of: pd.Timestamp, quarters: int = QUARTERS
) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """The last `quarters` complete three-month blocks before as_of: (start, end exclusive)."""
    as_of = pd.Timestamp(as_of).normalize()
    end = (as_of + pd.Timedelta(days=1)).to_period("M").to_timestamp()
    return [
        (end - pd.DateOffset(months=3 * (i + 1)), end - pd.DateOffset(months=3 * i))
        for i in range(quarters)
    ][::-1]


def inflow_reference(deals: pd.DataFrame, as_of: pd.Timestamp, now: float) -> Reference | None:
    """New deals a month in the best of the last four complete quarters (Poisson interval)."""
    created = deals["created_at"]
    if created.isna().all():
        return None
    first = created.min()
    best: tuple[int, float] | None = None
    for start, end in quarter_blocks(as_of):
        if start < first.to_period("M").to_timestamp():
            continue
        count = int(((created >= start) & (created < end)).sum())
        if best is None or count > best[0]:
            best = (count, count / 3)
    if best is None or best[1] <= now:
        return None
    count, rate = best
    half = Z * math.sqrt(count) / 3
    return Reference(rate, rate - half, rate + half, "best_quarter", count)


def _won_in_quarters(deals: pd.DataFrame, as_of: pd.Timestamp) -> list[pd.DataFrame]:
    """The won deals closed in each of the last four complete quarters (with at least MIN_N)."""
    if "closed_at" not in deals:
        return []
    won = deals[(deals["stage"] == WON) & deals["closed_at"].notna()]
    out = []
    for start, end in quarter_blocks(as_of):
        q = won[(won["closed_at"] >= start) & (won["closed_at"] < end)]
        if len(q) >= MIN_N:
            out.append(q)
    return out


def size_reference(deals: pd.DataFrame, as_of: pd.Timestamp, now: float) -> Reference | None:
    """The average won deal of the best recent quarter (normal interval of the mean)."""
    if "amount" not in deals:
        return None
    best: tuple[float, float, int] | None = None
    for q in _won_in_quarters(deals, as_of):
        a = q["amount"].dropna()
        a = a[a > 0]
        if len(a) >= MIN_N and (best is None or a.mean() > best[0]):
            best = (float(a.mean()), float(a.std(ddof=1)), len(a))
    if best is None or best[0] <= now:
        return None
    mean, sd, n = best
    half = Z * sd / math.sqrt(n)
    return Reference(mean, mean - half, mean + half, "best_quarter", n)


def cycle_reference(
    deals: pd.DataFrame, as_of: pd.Timestamp, now: float | None
) -> Reference | None:
    """The median won cycle (days) of the best (shortest) recent quarter, order-statistic interval."""
    if now is None:
        return None
    best: tuple[float, np.ndarray] | None = None
    for q in _won_in_quarters(deals, as_of):
        days = ((q["closed_at"] - q["created_at"]).dt.total_seconds() / 86400).to_numpy()
        days = np.sort(days[days >= 0])
        if len(days) >= MIN_N and (best is None or np.median(days) < best[0]):
            best = (float(np.median(days)), days)
    if best is None or best[0] >= now:
        return None
    med, days = best
    k = Z * math.sqrt(len(days)) / 2
    lo = float(days[max(int(len(days) / 2 - k), 0)])
    hi = float(days[min(int(math.ceil(len(days) / 2 + k)), len(days) - 1)])
    return Reference(med, lo, hi, "best_quarter", len(days))


def meetings_reference(per_closer: pd.DataFrame | None) -> tuple[float, Reference] | None:
    """Today's median meetings a month of the ramped closers, and their best quartile's.

    `per_closer` (``inputs.productivity.closer_meeting_rates``): per_month and months a closer;
    at least MIN_SELLERS closers. The best ceil(k/4) are pooled (their meetings over their
    months) with a Poisson 90 % interval. None: too few closers or the best are today's median.
    """
    if per_closer is None or len(per_closer) < MIN_SELLERS:
        return None
    now = float(per_closer["per_month"].median())
    top = per_closer.sort_values("per_month", ascending=False, kind="stable")
    top = top.iloc[: math.ceil(len(top) / 4)]
    months = float(top["months"].sum())
    count = float((top["per_month"] * top["months"]).sum())
    if months <= 0 or count / months <= now:
        return None
    rate, half = count / months, Z * math.sqrt(count) / months
    who = tuple(str(x) for x in top.index)
    return now, Reference(rate, rate - half, rate + half, "closers", int(months), who)


def retention_reference(
    records: pd.DataFrame | None, as_of: pd.Timestamp, quarters: int = QUARTERS
) -> tuple[float, Reference, float] | None:
    """Revenue kept half-year to half-year: today's, the best of the last quarters', the base.

    At as_of and at each of the `quarters` quarter ends before it that the data reach, the
    share of the revenue of the clients who bought in the half-year before the last one that
    came from clients who bought again in the last half-year (a client who stopped buying
    keeps nothing). Returns (today's share, the best recent share with a 90 % interval on its
    revenue-weighted effective number of clients, today's base: the earlier half-year's
    revenue). None without client ids, with fewer than two periods, or when today is the best.
    """
    if records is None or records.empty or "client_id" not in records:
        return None
    r = records.dropna(subset=["client_id", "date", "amount"])
    r = r[r["amount"] > 0]
    if r.empty:
        return None
    found = []
    for q in range(quarters + 1):
        end = pd.Timestamp(as_of) - pd.DateOffset(months=3 * q)
        mid, start = end - pd.DateOffset(months=6), end - pd.DateOffset(months=12)
        if r["date"].min() > start + pd.Timedelta(days=31):
            break
        before = r[(r["date"] > start) & (r["date"] <= mid)].groupby("client_id")["amount"].sum()
        again = set(r.loc[(r["date"] > mid) & (r["date"] <= end), "client_id"])
        if before.sum() <= 0:
            continue
        kept = float(before[before.index.isin(again)].sum() / before.sum())
        n_eff = float(before.sum() ** 2 / (before**2).sum())
        found.append((kept, n_eff, float(before.sum())))
    if len(found) < 2:
        return None
    now, _, base = found[0]
    best, n_eff, _ = max(found[1:], key=lambda x: x[0])
    if best <= now:
        return None
    lo, hi = wilson(best * n_eff, n_eff, LEVEL)
    return now, Reference(best, lo, hi, "best_quarter", len(found)), base


def retention_lever(
    found: tuple[float, Reference, float] | None, to_basis: float
) -> ValuedLever | None:
    """Clients kept: the money a year of keeping the best recent quarter's share of revenue.

    Valued directly (not through the forecast): (reference − today) × the half-year's base,
    twice a year, times `to_basis` (the revenue basis of the other levers ÷ the records').
    """
    if found is None:
        return None
    now, ref, base = found
    year = 2 * base * to_basis

    def money(x: float) -> float:
        """The money a year of keeping the share x instead of today's."""
        return max(x - now, 0.0) * year

    return ValuedLever(
        "retention",
        now,
        ref.value,
        ref.source,
        money(ref.value),
        money(ref.lo),
        max(money(ref.hi), money(ref.value)),
        ref.n,
    )


def meetings_lever(
    model: ForecastModel, found: tuple[float, Reference] | None
) -> ValuedLever | None:
    """Meetings per closer: today's median raised to the best quartile's, the meetings filled
    at today's conversions (the new deals' revenue scales with the meetings held)."""
    if found is None or model.inflow_mean <= 0:
        return None
    now, ref = found

    def money(x: float) -> float:
        """Expected revenue over 12 months with each closer holding x meetings a month."""
        return value(model, "new_deals", model.inflow_mean * x / now)

    gain = money(ref.value)
    if gain <= 0:
        return None
    ends = sorted([money(ref.lo), money(ref.hi)])
    return ValuedLever(
        "meetings_per_closer",
        now,
        ref.value,
        ref.source,
        gain,
        max(ends[0], 0.0),
        max(ends[1], gain),
        ref.n,
        ref.who,
    )


# --------------------------------------------------------------------------------------
# valuing


def moved(model: ForecastModel, driver: str, x: float) -> ForecastModel:
    """The model with one driver set to x (meeting → contract: its stages scaled alike)."""
    p = model.conv_mean.copy()
    if driver == "new_deals":
        return model.with_levers(new_deals=x)
    if driver == "deal_size":
        return model.with_levers(average_deal=x)
    if driver == "cycle":
        return model.with_levers(cycle_days=x)
    if driver == "win_rate":
        p[0] = x
    elif driver == "meeting_to_contract":
        i = model.stages.index("first_contact")
        now = float(np.prod(p[i:]))
        k = len(p[i:])
        p[i:] = p[i:] * (x / now) ** (1 / k) if now > 0 else x ** (1 / k)
    else:
        p[model.stages.index(driver.split(".", 1)[1])] = x
    return model.with_levers(conversions=np.clip(p, 0.0, 1.0))


def value(model: ForecastModel, driver: str, x: float, months: int = YEAR) -> float:
    """Expected revenue over `months` with the driver at x minus today's."""
    base = float(model.expected(months).sum())
    return float(moved(model, driver, x).expected(months).sum()) - base


def valued(
    model: ForecastModel, driver: str, now: float, ref: Reference | None
) -> ValuedLever | None:
    """A lever from a driver and its reference (None without a reference above today)."""
    if ref is None:
        return None
    better = ref.value < now if driver == "cycle" else ref.value > now
    if not better:
        return None
    gain = value(model, driver, ref.value)
    ends = sorted([value(model, driver, ref.lo), value(model, driver, ref.hi)])
    if gain <= 0:
        return None
    return ValuedLever(
        driver=driver,
        now=now,
        reference=ref.value,
        reference_source=ref.source,
        revenue_delta_year=gain,
        low=max(ends[0], 0.0),
        high=max(ends[1], gain),
        n=ref.n,
        who=ref.who,
    )


def _conversion_levers(
    model: ForecastModel, table: pd.DataFrame, sellers: pd.DataFrame | None
) -> list[ValuedLever | None]:
    """Each identifiable stage conversion with enough deals, against its best sellers (or band)."""
    out: list[ValuedLever | None] = []
    keys = list(table["key"])
    for i, (_, r) in enumerate(table.iloc[:-1].iterrows()):
        k = str(r["key"])
        if bool(r["too_few"]) or not bool(r["identified"]) or pd.isna(r["conversion_to_next"]):
            continue
        now = float(model.conv_mean[i])
        ref = None
        if sellers is not None and f"conv.{k}" in sellers:
            ref = best_quartile(sellers[f"conv.{k}"], sellers[f"n.{k}"])
        if ref is None and k == "first_contact" and keys[keys.index(k) + 1] == "needs_brief":
            ref = band_reference(now, float(r["lo"]), float(r["hi"]), (BRIEF_RATE.value,))
        out.append(valued(model, f"conversion.{k}", now, ref))
    return out


def _m2c_lever(
    model: ForecastModel, m2c: dict | None, sellers: pd.DataFrame | None
) -> ValuedLever | None:
    """Meeting → contract against the best sellers, else the methodology's band."""
    if m2c is None or m2c.get("value") is None or m2c.get("too_few"):
        return None
    i = model.stages.index("first_contact")
    now = float(np.prod(model.conv_mean[i:]))
    ref = None
    if sellers is not None and "m2c" in sellers:
        ref = best_quartile(sellers["m2c"], sellers["m2c_n"])
    if ref is None:
        ref = band_reference(now, float(m2c["lo"]), float(m2c["hi"]), m2c_marks())
    return valued(model, "meeting_to_contract", now, ref)


def rank(
    model: ForecastModel,
    table: pd.DataFrame,
    closed: int,
    sellers: pd.DataFrame | None,
    m2c: dict | None,
    deals: pd.DataFrame,
    as_of: pd.Timestamp,
    closers: pd.DataFrame | None = None,
    records: pd.DataFrame | None = None,
    to_basis: float = 1.0,
) -> tuple[ValuedLever, ...]:
    """Every lever with a reachable reference, valued over 12 months, largest first.

    `table`: the funnel's stage table; `closed`: won + lost deals; `sellers`: the manager cut
    of the sellers of the same role (:func:`same_role`), indexed by seller; `m2c`: meeting →
    contract with its interval (None without a meeting stage); `closers`: meetings a month per
    ramped closer (``inputs.productivity.closer_meeting_rates``); `records`: the clients' purchases
    (``inputs.facts.revenue_records``) and `to_basis` the factor to the levers' basis.
    """
    found: list[ValuedLever | None] = []
    if model.collapsed:
        if closed >= MIN_N and sellers is not None and "win_rate" in sellers:
            ref = best_quartile(sellers["win_rate"], sellers["win_n"])
            found.append(valued(model, "win_rate", float(model.conv_mean[0]), ref))
    else:
        found += _conversion_levers(model, table, sellers)
        if "first_contact" in model.stages[:-1]:
            found.append(_m2c_lever(model, m2c, sellers))
    found.append(
        valued(
            model, "new_deals", model.inflow_mean, inflow_reference(deals, as_of, model.inflow_mean)
        )
    )
    found.append(
        valued(model, "deal_size", model.mean_size, size_reference(deals, as_of, model.mean_size))
    )
    cyc = model.median_cycle
    if cyc is not None:
        found.append(valued(model, "cycle", cyc, cycle_reference(deals, as_of, cyc)))
    found.append(meetings_lever(model, meetings_reference(closers)))
    found.append(retention_lever(retention_reference(records, as_of), to_basis))
    out = [with_behind(x, sellers) for x in found if x is not None]
    return tuple(sorted(out, key=lambda x: -x.revenue_delta_year))


def behind_sellers(sellers: pd.DataFrame | None, driver: str, now: float) -> tuple[str, ...]:
    """The sellers of a conversion driver whose 90 % interval lies wholly below today's value
    (enough deals to judge): behind beyond chance, so where the coaching starts, worst first."""
    if sellers is None or sellers.empty:
        return ()
    metric = {"win_rate": "win", "meeting_to_contract": "m2c"}.get(driver)
    if metric is None and not driver.startswith("conversion."):
        return ()
    v, _, hi, few = metric_columns(metric or driver)
    if v not in sellers or hi not in sellers:
        return ()
    judged = sellers[sellers[v].notna() & sellers[hi].notna()]
    if few in judged:
        judged = judged[~judged[few].astype(bool)]
    low = judged[judged[hi].astype(float) < now].sort_values(v, kind="stable")
    return tuple(str(x) for x in low.index)


def with_behind(lever: ValuedLever, sellers: pd.DataFrame | None) -> ValuedLever:
    """The lever with the sellers behind it named (see :func:`behind_sellers`)."""
    return replace(lever, behind=behind_sellers(sellers, lever.driver, lever.now))
