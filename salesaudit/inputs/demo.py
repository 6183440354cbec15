"""The demo company: a seeded, realistic B2B client written as CRM-like files plus client.yaml."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

DEMO_SEED = 42
START = pd.Timestamp("2024-10-01")
AS_OF = pd.Timestamp("2026-09-30")
CRM_STAGES = {
    "target_list": "New lead",
    "first_contact": "Meeting set",
    "needs_brief": "Brief received",
    "offer": "Proposal sent",
    "offer_defense": "Proposal defended",
    "contract": "Won",
}
LOST_NAME = "Lost"
STAGES = list(CRM_STAGES)
# Base conversion stage k -> k+1; offer -> offer_defense is the story's weak stage.
BASE_CONV = np.array([0.62, 0.60, 0.82, 0.36, 0.62])
# Mean days spent in a stage before moving on (or being lost).
STAGE_DAYS = np.array([9.0, 12.0, 10.0, 16.0, 20.0])
REGIONS = ["North", "Centre", "South"]
PRODUCTS = ["Pumps", "Valves", "Control systems", "Service contracts"]
PRODUCT_MEDIAN = np.array([650_000, 380_000, 1_400_000, 520_000])
CHANNELS = ["website", "referral", "inbound_call", "cold_call", "exhibition", "partner"]
CHANNEL_P = np.array([0.34, 0.17, 0.15, 0.18, 0.09, 0.07])  # 66% inbound
CHANNEL_LIFT = np.array([1.10, 1.25, 1.05, 0.70, 0.90, 0.95])  # on the first conversion
SEGMENTS = ["Manufacturing", "Utilities", "Construction"]
LOSS_REASONS = ["Price", "Chose a competitor", "No budget", "No decision", "Timing"]


@dataclass(frozen=True)
class Seller:
    """One member of the demo team."""

    name: str
    role: str
    head: str
    region: str
    hired_at: str
    fixed_pay: int
    skill: float


HEADS = [("Olga Smirnova", "North"), ("Pavel Orlov", "South")]
TEAM = [
    Seller("Anna Petrova", "closer", "Olga Smirnova", "North", "2021-03-01", 70000, 1.15),
    Seller("Ivan Sokolov", "closer", "Olga Smirnova", "Centre", "2022-06-15", 70000, 1.00),
    Seller("Maria Volkova", "closer", "Olga Smirnova", "North", "2023-01-10", 65000, 0.95),
    Seller("Dmitry Kuznetsov", "closer", "Pavel Orlov", "South", "2020-09-01", 75000, 1.20),
    Seller("Elena Popova", "closer", "Olga Smirnova", "Centre", "2025-02-03", 60000, 0.70),
    Seller("Sergey Lebedev", "hunter", "Olga Smirnova", "North", "2024-04-01", 45000, 1.0),
    Seller("Natalia Kozlova", "hunter", "Olga Smirnova", "Centre", "2025-05-12", 45000, 1.0),
    Seller("Alexey Novikov", "hunter", "Pavel Orlov", "South", "2023-11-20", 45000, 1.0),
    Seller("Irina Morozova", "farmer", "Olga Smirnova", "North", "2019-05-06", 80000, 1.05),
    Seller("Viktor Pavlov", "farmer", "Pavel Orlov", "South", "2022-02-14", 80000, 1.00),
    Seller("Tatiana Semenova", "farmer", "Olga Smirnova", "Centre", "2021-10-04", 80000, 0.95),
    Seller("Andrey Golubev", "universal", "Olga Smirnova", "Centre", "2023-07-17", 60000, 0.90),
    Seller("Yulia Vinogradova", "universal", "Pavel Orlov", "South", "2024-01-22", 60000, 1.00),
    Seller("Roman Bogdanov", "universal", "Olga Smirnova", "North", "2024-09-02", 60000, 0.85),
]


def _months() -> pd.DatetimeIndex:
    """Month starts of the demo history."""
    return pd.date_range(START, AS_OF, freq="MS")


def make_team() -> pd.DataFrame:
    """The team table: 14 sellers and two heads (one leading ten)."""
    rows = [
        {
            "Employee": h,
            "Role": "head",
            "Head": "",
            "Region": r,
            "Hired": "2019-01-09",
            "Fixed pay": 140000,
        }
        for h, r in HEADS
    ]
    rows += [
        {
            "Employee": s.name,
            "Role": s.role,
            "Head": s.head,
            "Region": s.region,
            "Hired": s.hired_at,
            "Fixed pay": s.fixed_pay,
        }
        for s in TEAM
    ]
    return pd.DataFrame(rows)


def make_deals(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Deals moving through the six stages, with their stage history."""
    months = _months()
    trend = np.linspace(105, 140, len(months)) * (
        1 + 0.12 * np.sin(np.arange(len(months)) / 12 * 2 * np.pi)
    )
    per_month = rng.poisson(trend)
    n = int(per_month.sum())
    month_start = np.repeat(months.values, per_month)
    created = pd.to_datetime(month_start) + pd.to_timedelta(rng.integers(0, 28, n), unit="D")
    channel = rng.choice(len(CHANNELS), n, p=CHANNEL_P)
    product = rng.choice(len(PRODUCTS), n, p=[0.35, 0.30, 0.15, 0.20])
    segment = rng.choice(len(SEGMENTS), n, p=[0.5, 0.3, 0.2])
    current = rng.random(n) < 0.28
    sellers = [s for s in TEAM if s.role != "hunter"]
    farmers = [i for i, s in enumerate(sellers) if s.role == "farmer"]
    others = [i for i, s in enumerate(sellers) if s.role != "farmer"]
    who = np.where(current, rng.choice(farmers, n), rng.choice(others, n))
    skill = np.array([s.skill for s in sellers])[who]
    region = np.array([REGIONS.index(s.region) for s in sellers])[who]

    # Conversions: channel lifts the first, skill all, current clients convert better.
    p = np.tile(BASE_CONV, (n, 1))
    p[:, 0] *= CHANNEL_LIFT[channel]
    p *= skill[:, None] ** 0.6
    p[current] *= 1.15
    p = np.clip(p, 0.02, 0.97)
    passed = rng.random((n, 5)) < p
    furthest = np.where(
        passed.all(axis=1), 5, np.argmin(passed, axis=1)
    )  # index of last stage reached
    won_path = furthest == 5

    days = rng.gamma(2.0, STAGE_DAYS / 2.0, size=(n, 5))
    enter = np.zeros((n, 6))
    enter[:, 1:] = np.cumsum(days, axis=1)
    created_days = (created - START).days.to_numpy().astype(float)
    as_of_day = float((AS_OF - START).days)
    abs_enter = created_days[:, None] + enter
    end_day = np.where(
        won_path,
        abs_enter[:, 5],
        abs_enter[np.arange(n), furthest] + days[np.arange(n), np.minimum(furthest, 4)] * 0.8,
    )
    closed = end_day <= as_of_day
    # Where is each deal at the audit date?
    reached_by_asof = (abs_enter <= as_of_day).sum(axis=1) - 1
    current_pos = np.minimum(reached_by_asof, furthest)
    crm_names = np.array(list(CRM_STAGES.values()), dtype=object)
    stage = np.where(
        closed, np.where(won_path, CRM_STAGES["contract"], LOST_NAME), crm_names[current_pos]
    )
    lost_mask = stage == LOST_NAME
    lost_stage = np.where(lost_mask, crm_names[furthest], "")
    hide_loss = lost_mask & (rng.random(n) < 0.05)
    lost_stage = np.where(hide_loss, "", lost_stage)

    amount = rng.lognormal(np.log(PRODUCT_MEDIAN[product]), 0.55).round(-3)
    amount = np.where(current, amount * 0.8, amount).round(-3)
    closed_at = START + pd.to_timedelta(np.floor(end_day), unit="D")
    deal_ids = np.array([f"D-{10001 + i}" for i in range(n)])
    new_ids = np.array([f"C-{5001 + i}" for i in range(n)])
    pool_ids = np.array([f"C-{1001 + i}" for i in range(300)])
    client_id = np.where(current, rng.choice(pool_ids, n), new_ids)
    amount_out = np.where(stage == LOST_NAME, np.nan, amount)
    missing_amount = (stage == CRM_STAGES["contract"]) & (rng.random(n) < 0.01)
    amount_out = np.where(missing_amount, np.nan, amount_out)

    deals = pd.DataFrame(
        {
            "Deal ID": deal_ids,
            "Created": pd.to_datetime(created).strftime("%Y-%m-%d"),
            "Stage": stage,
            "Amount": amount_out,
            "Closed": np.where(closed, closed_at.strftime("%Y-%m-%d"), ""),
            "Owner": np.array([s.name for s in sellers])[who],
            "Company ID": client_id,
            "Product": np.array(PRODUCTS)[product],
            "Source": np.array(CHANNELS)[channel],
            "Industry": np.array(SEGMENTS)[segment],
            "Region": np.array(REGIONS)[region],
            "Client type": np.where(current, "current", "new"),
            "Lost at stage": lost_stage,
            "Loss reason": np.where(lost_mask, np.array(LOSS_REASONS)[rng.integers(0, 5, n)], ""),
        }
    ).sort_values(["Created", "Deal ID"], kind="stable")

    history = _stage_history(
        rng, deal_ids, abs_enter, current_pos, won_path & closed, lost_mask, end_day
    )
    return deals.reset_index(drop=True), history.reset_index(drop=True)


def _stage_history(
    rng: np.random.Generator,
    deal_ids: np.ndarray,
    abs_enter: np.ndarray,
    current_pos: np.ndarray,
    won_closed: np.ndarray,
    lost_mask: np.ndarray,
    end_day: np.ndarray,
) -> pd.DataFrame:
    """The deals' stage history as a CRM exports it, with the hygiene problems the audit should find."""
    n = len(deal_ids)
    crm_names = np.array(list(CRM_STAGES.values()), dtype=object)
    as_of_day = float((AS_OF - START).days)
    # Stage history: one row per stage entered by the audit date, plus the loss.
    k = np.arange(6)
    entered = (k[None, :] <= current_pos[:, None]) & (abs_enter <= as_of_day)
    entered[won_closed] = True
    di, si = np.nonzero(entered)
    hist = pd.DataFrame(
        {
            "deal": deal_ids[di],
            "stage": crm_names[si],
            "day": abs_enter[di, si],
        }
    )
    lost_rows = pd.DataFrame(
        {"deal": deal_ids[lost_mask], "stage": LOST_NAME, "day": end_day[lost_mask]}
    )
    hist = pd.concat([hist, lost_rows])
    # Hygiene the audit should find: skipped stages and backward moves.
    mid = hist["stage"].isin([CRM_STAGES["needs_brief"], CRM_STAGES["offer"]])
    skip = mid & (rng.random(len(hist)) < 0.03)
    hist = hist[~skip]
    back_deals = rng.choice(deal_ids[current_pos >= 3], 40, replace=False)
    back = hist[hist["deal"].isin(back_deals) & (hist["stage"] == CRM_STAGES["offer"])].copy()
    back["stage"] = CRM_STAGES["needs_brief"]
    back["day"] = back["day"] + 3
    hist = pd.concat([hist, back])
    hist = hist[hist["day"] <= as_of_day]
    # Deals whose history was never migrated (legacy import): no rows.
    legacy = set(deal_ids[rng.random(n) < 0.02])
    hist = hist[~hist["deal"].isin(legacy)]
    hist["Entered"] = (START + pd.to_timedelta(np.floor(hist["day"]), unit="D")).dt.strftime(
        "%Y-%m-%d"
    )
    hist = hist.sort_values(["deal", "day", "stage"], kind="stable")
    history = hist.rename(columns={"deal": "Deal ID", "stage": "Stage"})[
        ["Deal ID", "Stage", "Entered"]
    ]
    return history


def make_sales(rng: np.random.Generator, deals: pd.DataFrame) -> pd.DataFrame:
    """Payments: won deals paid on close, and repeat purchases of ~300 current clients."""
    won = deals[(deals["Stage"] == CRM_STAGES["contract"]) & deals["Amount"].notna()]
    first = pd.DataFrame(
        {
            "Client": won["Company ID"],
            "Date": won["Closed"],
            "Amount": won["Amount"],
            "Manager": won["Owner"],
            "Product": won["Product"],
            "Region": won["Region"],
        }
    )
    months = _months()
    n_cli, n_m = 300, len(months)
    size = rng.lognormal(np.log(30_000), 1.1, n_cli)
    kind = rng.choice(3, n_cli, p=[0.38, 0.34, 0.28])  # X regular, Y irregular, Z one-off
    start = rng.integers(0, 6, n_cli)
    churn = np.where(rng.random(n_cli) < 0.10, rng.integers(8, n_m, n_cli), n_m)
    m = np.arange(n_m)[None, :]
    active = (m >= start[:, None]) & (m < churn[:, None])
    buy_p = np.choose(kind, [0.97, 0.62, 0.0])[:, None]
    buys = active & (rng.random((n_cli, n_m)) < buy_p)
    z_idx = np.nonzero(kind == 2)[0]
    for_z = rng.integers(0, n_m, (len(z_idx), 2))
    buys[z_idx[:, None], for_z] = True
    noise = np.choose(kind, [0.18, 0.45, 0.5])[:, None]
    amt = size[:, None] * rng.lognormal(0, 1, (n_cli, n_m)) ** noise
    ci, mi = np.nonzero(buys)
    farmers = [s for s in TEAM if s.role == "farmer"]
    owner = rng.integers(0, len(farmers), n_cli)
    day = rng.integers(0, 27, len(ci))
    repeat = pd.DataFrame(
        {
            "Client": np.array([f"C-{1001 + i}" for i in range(n_cli)])[ci],
            "Date": (months[mi] + pd.to_timedelta(day, unit="D")).strftime("%Y-%m-%d"),
            "Amount": amt[ci, mi].round(-2),
            "Manager": np.array([f.name for f in farmers])[owner[ci]],
            "Product": np.array(PRODUCTS)[rng.choice(4, len(ci), p=[0.3, 0.3, 0.1, 0.3])],
            "Region": np.array([f.region for f in farmers])[owner[ci]],
        }
    )
    sales = pd.concat([first, repeat]).sort_values(["Date", "Client", "Amount"], kind="stable")
    return sales.reset_index(drop=True)


def make_plan(sales: pd.DataFrame) -> pd.DataFrame:
    """Monthly plan per seller: last year's fact plus 20% growth, spread by role."""
    s = sales.assign(month=pd.to_datetime(sales["Date"]).dt.to_period("M"))
    by_month = s.groupby("month")["Amount"].sum()
    base = float(by_month.iloc[:6].mean())
    months = pd.period_range(START, AS_OF, freq="M")
    growth = np.linspace(1.0, 1.45, len(months))
    sellers = [t for t in TEAM if t.role != "hunter"]
    weight = np.array([1.3 if t.role == "closer" else 1.0 for t in sellers])
    weight = weight / weight.sum()
    rows = [
        {"Month": str(m), "Manager": sel.name, "Plan": round(base * 1.2 * g * w, -3)}
        for m, g in zip(months, growth, strict=True)
        for sel, w in zip(sellers, weight, strict=True)
    ]
    return pd.DataFrame(rows)


def make_activities(rng: np.random.Generator) -> pd.DataFrame:
    """Daily calls and meetings per seller (closers hold ~30 meetings a month, below the norm)."""
    days = pd.bdate_range(START, AS_OF)
    frames = []
    calls_mean = {"hunter": 70, "closer": 12, "farmer": 18, "universal": 30}
    meet_mean = {"hunter": 0.2, "closer": 1.45, "farmer": 0.9, "universal": 1.0}
    for s in TEAM:
        hired = pd.Timestamp(s.hired_at)
        d = days[days >= hired]
        calls = rng.poisson(calls_mean[s.role] * s.skill, len(d))
        meets = rng.poisson(meet_mean[s.role] * s.skill, len(d))
        frames.append(
            pd.DataFrame(
                {"Manager": s.name, "Date": d.strftime("%Y-%m-%d"), "Type": "call", "Count": calls}
            )
        )
        frames.append(
            pd.DataFrame(
                {
                    "Manager": s.name,
                    "Date": d.strftime("%Y-%m-%d"),
                    "Type": "meeting",
                    "Count": meets,
                }
            )
        )
    out = pd.concat(frames)
    return (
        out[out["Count"] > 0]
        .sort_values(["Date", "Manager", "Type"], kind="stable")
        .reset_index(drop=True)
    )


CLIENT_YAML = """\
# The demo client: a made-up industrial B2B company, generated by `python -m salesaudit.inputs.demo`.
client: Northwind Pumps & Valves
language: en
currency: RUB
as_of: {as_of}
seed: 42

data:
  deals:
    path: data/deals.csv
    columns: {{deal_id: "Deal ID", created_at: "Created", stage: "Stage", amount: "Amount",
              closed_at: "Closed", manager: "Owner", client_id: "Company ID", product: "Product",
              channel: "Source", segment: "Industry", region: "Region", client_type: "Client type",
              lost_stage: "Lost at stage", lost_reason: "Loss reason"}}
  stage_history:
    path: data/stage_history.csv
    columns: {{deal_id: "Deal ID", stage: "Stage", entered_at: "Entered"}}
  sales:
    path: data/payments.csv
    columns: {{client_id: "Client", date: "Date", amount: "Amount", manager: "Manager",
              product: "Product", region: "Region"}}
  team:
    path: data/team.csv
    columns: {{manager: "Employee", role: "Role", head: "Head", region: "Region",
              hired_at: "Hired", fixed_pay: "Fixed pay"}}
  plan:
    path: data/plan.csv
    columns: {{period: "Month", manager: "Manager", amount: "Plan"}}
  activities:
    path: data/activities.csv
    columns: {{manager: "Manager", date: "Date", type: "Type", count: "Count"}}

funnel:
  stages:
{stages}
  lost: ["{lost}"]

targets: {{revenue_per_month: {target}}}

model:
  mode: auto
  inbound_channels: [website, referral, inbound_call]
  partners: false
  sales_type: auto
  algorithm: {{1: in_place, 2: partial, 3: missing, 4: partial, 5: missing, 6: missing, 7: missing}}
  hiring: one_by_one
  work_control: weekly
  training: ad_hoc
  motivation: fixed_only
  last_review_months_ago: 9
  pillars: {{operations: 3, process: 2, coaching: 1, training: 1}}

technologies:
  operational_reporting: in_place
  sales_stages: partial
  work_planning: partial
  new_client_algorithm: missing
  current_client_algorithm: partial
  promo_events: missing
  exhibitions: in_place
  internal_projects: missing
  client_potential: partial
  competitor_knowledge: partial
  client_development_plan: missing
  training_system: missing
  rotation: missing
  group_interview: missing
  certification: missing

structure:
  products: 4
  regions: 3
  region_specifics: true
  complex_product: true
  after_sales_service: true
  segments: 3
  segment_distinct_behaviour: false
  repeat_sales: true

capacity:
  average_deal: auto
  closer_meetings_per_month: auto   # the closers' own median from the activity log

control:
  morning_planning: true
  checkins_per_day: 1
  daily_plan_fact: false
  board: false
  crm: {{no_paper_orders: true, no_taskless_clients: false, counterparty_based: true,
        methodology: false, website_integrated: true, enough_licences: true,
        telephony_integrated: false, calls_recorded: false, configured: true}}

compensation:                        # the pay principles as the client answers them (pay is fixed only)
  earnings_visible_daily: false
  own_results_only: true
  achievers_above_market: false
  instant_rewards: false
"""


def write_demo(folder: str | Path, seed: int = DEMO_SEED) -> Path:
    """Write the demo client (client.yaml + data/*.csv) into folder; return the client file."""
    rng = np.random.default_rng(seed)
    out = Path(folder)
    (out / "data").mkdir(parents=True, exist_ok=True)
    deals, history = make_deals(rng)
    sales = make_sales(rng, deals)
    files = {
        "deals.csv": deals,
        "stage_history.csv": history,
        "payments.csv": sales,
        "team.csv": make_team(),
        "plan.csv": make_plan(sales),
        "activities.csv": make_activities(rng),
    }
    for name, df in files.items():
        df.to_csv(out / "data" / name, index=False, lineterminator="\n", float_format="%.0f")
    won = deals[deals["Stage"] == CRM_STAGES["contract"]]
    monthly = won.assign(m=won["Closed"].str[:7]).groupby("m")["Amount"].sum()
    target = int(round(float(monthly.iloc[-12:].mean()) * 1.05, -5))
    stages = "\n".join(f'    - {{key: {k}, crm: ["{v}"]}}' for k, v in CRM_STAGES.items())
    text = CLIENT_YAML.format(as_of=AS_OF.date(), stages=stages, lost=LOST_NAME, target=target)
    (out / "client.yaml").write_text(text, encoding="utf-8", newline="\n")
    return out / "client.yaml"


def demo_client() -> Path:
    """The demo's client.yaml: the checkout's `data/demo`, else generated once into the user cache."""
    checkout = Path(__file__).resolve().parents[2] / "data" / "demo" / "client.yaml"
    if checkout.is_file():
        return checkout
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "salesaudit" / "demo"
    client = cache / "client.yaml"
    return client if client.is_file() else write_demo(cache)


def main() -> None:
    """`python -m salesaudit.inputs.demo DIR`: write the demo client into DIR."""
    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("folder", nargs="?", default="data/demo")
    ap.add_argument("--seed", type=int, default=DEMO_SEED)
    args = ap.parse_args()
    print(write_demo(args.folder, args.seed))


if __name__ == "__main__":
    main()
