"""Monte Carlo forecast: seeding, mean vs the analytic expectation, equivalence with the
naive per-deal loop, the size bank, sensitivity and goal seek."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from salesaudit.steps.funnel import forecast as fmod
from salesaudit.steps.funnel.compute import counts, stage_table

from .funnel_synth import STAGES, history

AS_OF = pd.Timestamp("2026-09-30")


@pytest.fixture(scope="module")
def stationary():
    d, h = history(months=24, per_month=120, seed=11)
    return d, h, fmod.model_from_deals(d, STAGES, h, AS_OF)


def test_same_seed_same_forecast(stationary) -> None:
    _, _, m = stationary
    a = fmod.simulate(m, 12, 5000, seed=9, target_per_month=2e6)
    b = fmod.simulate(m, 12, 5000, seed=9, target_per_month=2e6)
    c = fmod.simulate(m, 12, 5000, seed=10, target_per_month=2e6)
    assert np.array_equal(a.totals, b.totals) and np.array_equal(a.monthly_q, b.monthly_q)
    assert a.p_target == b.p_target
    assert not np.array_equal(a.totals, c.totals)


def test_chunking_is_seeded_too(stationary) -> None:
    _, _, m = stationary
    n = fmod.CHUNK + 1000  # two chunks
    a = fmod.simulate(m, 3, n, seed=1)
    b = fmod.simulate(m, 3, n, seed=1)
    assert np.array_equal(a.totals, b.totals) and len(a.totals) == n


def test_mean_matches_analytic_expectation(stationary) -> None:
    d, h, m = stationary
    r = fmod.simulate(m, 12, 100_000, seed=3)
    # the Monte Carlo mean against the model's exact expectation, per month and in total
    assert r.total_mean == pytest.approx(r.expected.sum(), rel=0.01)
    assert r.monthly_mean == pytest.approx(r.expected, rel=0.02)
    # steady state (months 6-11: no pipeline left, all lags inside): inflow × Π conv × size,
    # each taken plainly from the history by the test itself
    created = d["created_at"].dt.to_period("M").value_counts().sort_index()
    inflow = created.iloc[-12:].mean()
    fc = counts(d, STAGES, h)
    st = stage_table(fc)
    conv = (st["advanced"] / st["n"]).iloc[:-1].prod()
    won = d[(d["stage"] == "contract") & (d["closed_at"] > AS_OF - pd.DateOffset(months=12))]
    size = won["amount"].mean()
    # ... times the trends' expected factors (a slope within its error keeps a posterior mean)
    analytic = inflow * conv * size * float((m.inflow_factor(12) * m.size_factor(12))[6:].mean())
    assert r.monthly_mean[6:].mean() == pytest.approx(analytic, rel=0.02)


def test_mean_matches_stated_rates() -> None:
    p = [0.6, 0.5, 0.7, 0.6, 0.5]
    m = fmod.model_from_rates(STAGES, 80, p, 250_000, 40, evidence=400)
    r = fmod.simulate(m, 12, 50_000, seed=5)
    steady = 80 * np.prod(p) * 250_000
    assert r.monthly_mean[6:].mean() == pytest.approx(steady, rel=0.02)
    assert m.run_rate() == pytest.approx(80 * np.prod(m.conv_mean) * 250_000)


def test_quantiles_ordered_and_p_target(stationary) -> None:
    _, _, m = stationary
    target = 1.6e6
    r = fmod.simulate(m, 12, 20_000, seed=2, target_per_month=target)
    assert (r.monthly_q[0] <= r.monthly_q[1]).all() and (r.monthly_q[1] <= r.monthly_q[2]).all()
    assert r.total_q[0] <= r.total_q[1] <= r.total_q[2]
    assert r.p_target == pytest.approx((r.totals >= target * 12).mean())
    assert r.target_total == target * 12
    assert fmod.simulate(m, 12, 1000, seed=2).p_target is None
    assert r.months[0] == pd.Timestamp("2026-10-01") and len(r.months) == 12


def test_fast_forecast_has_the_naive_loops_distribution() -> None:
    d, h = history(months=18, per_month=25, seed=4)
    m = fmod.model_from_deals(d, STAGES, h, AS_OF)
    fast = fmod.simulate(m, 6, 40_000, seed=1)
    naive = fmod.naive_simulate(m, 6, 500, seed=2)
    tot = naive.sum(axis=1)
    se = tot.std() / np.sqrt(len(tot))
    assert abs(tot.mean() - fast.total_mean) < 4 * se
    ks = stats.ks_2samp(fast.totals, tot)
    assert ks.pvalue > 0.001
    # per-month means agree too
    se_m = naive.std(axis=0) / np.sqrt(len(naive))
    assert (np.abs(naive.mean(axis=0) - fast.monthly_mean) < 4 * se_m + 1).all()


def test_size_bank_sums_have_the_bootstrap_distribution() -> None:
    rng = np.random.default_rng(0)
    pool = rng.lognormal(11, 1.0, 150)
    bank = fmod._SizeBank(pool, np.random.default_rng(1), rows=8192)
    for n_deals in (1, 5, 30, 100):
        n = np.full(20_000, n_deals)
        got = bank.sums(n, np.random.default_rng(2))
        assert got.mean() == pytest.approx(n_deals * pool.mean(), rel=0.02)
        direct = pool[rng.integers(0, len(pool), size=(4000, n_deals))].sum(axis=1)
        assert stats.ks_2samp(got, direct).pvalue > 0.001
    assert (bank.sums(np.zeros(5, dtype=int), rng) == 0).all()


@pytest.mark.parametrize("df", [2, 3, 5, 11, 23])
def test_chi2_sf_matches_scipy(df: int) -> None:
    for q in (0.5, 0.9, 0.95, 0.99):
        x = stats.chi2.ppf(q, df)
        assert fmod.chi2_sf(x, df) == pytest.approx(1 - q, abs=0.01)


def test_inflow_model_choice() -> None:
    kind, mean, var = fmod.inflow_model(pd.Series([100, 104, 97, 99, 101, 95, 103, 102]))
    assert kind == "poisson" and var == mean
    kind, mean, var = fmod.inflow_model(pd.Series([20, 200, 30, 180, 25, 190, 40, 160]))
    assert kind == "negative_binomial" and var > mean
    m = fmod.model_from_rates(STAGES, 100, [0.5] * 5, 1000, 30)
    m.inflow_kind, m.inflow_var = "negative_binomial", 900.0
    r = fmod.simulate(m, 12, 20_000, seed=1)
    assert r.total_mean == pytest.approx(r.expected.sum(), rel=0.02)


def test_sensitivity_and_goal_seek(stationary) -> None:
    _, _, m = stationary
    sens = fmod.sensitivity(m, 12).set_index("driver")
    base = sens["base"].iloc[0]
    assert sens.loc["deal_size", "revenue_delta"] == pytest.approx(0.10 * base)
    assert sens.loc["cycle", "revenue_delta"] >= 0 >= sens.loc["cycle", "revenue_delta_down"]
    # later stages also lift the open pipeline: at least as strong as new deals
    assert (
        sens.loc["conversion.offer_defense", "revenue_delta"]
        >= sens.loc["new_deals", "revenue_delta"]
    )
    target = m.run_rate() * 1.5
    g = fmod.goal_seek(m, target, closers=4, meetings_per_closer=40).set_index("driver")
    need = g.loc["new_deals", "needed"]
    assert m.with_levers(new_deals=need).run_rate() == pytest.approx(target)
    assert g.loc["deal_size", "change"] == pytest.approx(0.5)
    assert g.loc["cycle", "needed"] is None or np.isnan(g.loc["cycle", "needed"])
    k = "conversion.offer_defense"
    assert g.loc[k, "needed"] == pytest.approx(m.conv_mean[4] * 1.5)
    # meeting → contract today ≈ 0.11; × 1.5 ≈ 0.17: inside the 10–30% band
    assert bool(g.loc[k, "realistic"]) is True
    huge = fmod.goal_seek(m, m.run_rate() * 3, closers=1, meetings_per_closer=40)
    huge = huge.set_index("driver")
    assert huge.loc[k, "reason"] == "above_one" and not huge.loc[k, "realistic"]
    assert huge.loc["new_deals", "reason"] == "capacity"
    assert fmod.goal_seek(m, None) is None
    # read out once for the text: realistic levers in row order, the rest with their reason
    gs = fmod.goal_summary(fmod.goal_seek(m, target, closers=4, meetings_per_closer=40))
    assert gs is not None and not gs.met
    assert k in [x.driver for x in gs.realistic]
    assert "deal_size" not in [x.driver for x in gs.realistic + gs.unrealistic]  # no benchmark
    bad = fmod.goal_summary(huge.reset_index())
    assert bad is not None and ("new_deals", "capacity") in [
        (x.driver, x.reason) for x in bad.unrealistic
    ]
    met = fmod.goal_summary(fmod.goal_seek(m, m.run_rate() * 0.5))
    assert met is not None and met.met
    assert fmod.goal_summary(None) is None


def test_levers_change_the_expectation() -> None:
    m = fmod.model_from_rates(STAGES, 100, [0.5] * 5, 1000, 30)
    base = m.expected(12).sum()
    assert m.with_levers(new_deals=200).expected(12).sum() == pytest.approx(2 * base, rel=1e-9)
    assert m.with_levers(average_deal=3000).run_rate() == pytest.approx(3 * m.run_rate())
    slow = m.with_levers(cycle_days=300).expected(12).sum()
    assert slow < base
    conv = m.with_levers(conversions=[1.0] * 5)
    assert conv.conv_mean == pytest.approx([1.0] * 5, abs=1e-6)


def test_unavailable_reasons() -> None:
    d, h = history(months=3, per_month=20, seed=1)
    with pytest.raises(fmod.ForecastUnavailable) as e:
        fmod.model_from_deals(d.drop(columns="amount"), STAGES, h, AS_OF)
    assert e.value.reason == "no_amounts"
    with pytest.raises(fmod.ForecastUnavailable) as e:
        fmod.model_from_deals(d, STAGES, h, pd.Timestamp("2026-07-15"))
    assert e.value.reason == "short_history"


def test_hundred_thousand_scenarios_is_fast(stationary) -> None:
    _, _, m = stationary
    fmod.simulate(m, 12, 1000, seed=0)  # warm up
    t0 = time.perf_counter()
    fmod.simulate(m, 12, 100_000, seed=0)
    # the target is < 1 s (benchmarks/forecast.py reports it); leave room for a busy CI box
    assert time.perf_counter() - t0 < 2.0
