"""The demo company: deterministic, consistent, and telling the intended story."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pandas as pd

from salesaudit.inputs import demo
from salesaudit.inputs.audit import Audit
from salesaudit.steps import customers, structure
from salesaudit.steps import sales_model as model
from salesaudit.steps.funnel import analysis, compute

from .conftest import ROOT


def test_same_seed_gives_byte_identical_files(demo_dir: Path, tmp_path: Path) -> None:
    demo.write_demo(tmp_path)
    names = ["client.yaml"] + [f"data/{f.name}" for f in sorted((demo_dir / "data").iterdir())]
    match, mismatch, errors = filecmp.cmpfiles(demo_dir, tmp_path, names, shallow=False)
    assert mismatch == [] and errors == [] and len(match) == 7


def test_committed_demo_is_what_the_generator_writes(demo_dir: Path) -> None:
    committed = ROOT / "data" / "demo"
    names = ["client.yaml"] + [f"data/{f.name}" for f in sorted((demo_dir / "data").iterdir())]
    _, mismatch, errors = filecmp.cmpfiles(demo_dir, committed, names, shallow=False)
    assert mismatch == [] and errors == [], (
        "regenerate with: python -m salesaudit.inputs.demo data/demo"
    )


def test_a_different_seed_gives_different_data(demo_dir: Path, tmp_path: Path) -> None:
    demo.write_demo(tmp_path, seed=7)
    assert (tmp_path / "data" / "deals.csv").read_bytes() != (
        demo_dir / "data" / "deals.csv"
    ).read_bytes()


def test_shape_of_the_company(demo_audit: Audit) -> None:
    deals, team = demo_audit.tables["deals"], demo_audit.tables["team"]
    assert 2500 <= len(deals) <= 3500
    assert deals["created_at"].min() >= pd.Timestamp("2024-10-01")
    assert 12 <= (team["role"] != "head").sum() <= 15 and (team["role"] == "head").sum() == 2
    assert deals["region"].nunique() == 3 and deals["product"].nunique() == 4
    assert deals["channel"].nunique() == 6 and deals["segment"].nunique() == 3
    assert set(deals["client_type"]) == {"new", "current"}
    assert set(deals["stage"]) == {"lost", *demo_audit.stage_keys}
    assert 250 <= demo_audit.tables["sales"]["client_id"].nunique() <= 600
    assert {"call", "meeting"} <= set(demo_audit.tables["activities"]["type"])
    assert demo_audit.tables["plan"]["period"].nunique() == 24


def test_every_abcxyz_cell_has_members(demo_audit: Audit) -> None:
    cl = customers.classify(demo_audit)
    assert cl is not None and not cl.degenerate
    assert all(n > 0 for n in customers.matrix(cl).values())


def test_stage_history_is_consistent_with_deals(demo_audit: Audit) -> None:
    deals, hist = demo_audit.tables["deals"], demo_audit.tables["stage_history"]
    assert set(hist["deal_id"]) <= set(deals["deal_id"])
    j = hist.merge(deals[["deal_id", "created_at", "stage"]], on="deal_id", suffixes=("", "_now"))
    assert (j["entered_at"] >= j["created_at"]).all()
    assert (j["entered_at"] <= demo_audit.as_of).all()
    won = deals[deals["stage"] == "contract"]
    won_hist = hist[hist["deal_id"].isin(won["deal_id"])]
    assert set(won_hist[won_hist["stage"] == "contract"]["deal_id"]) == set(won_hist["deal_id"])
    lost_rows = hist[hist["stage"] == "lost"]
    assert set(lost_rows["deal_id"]) <= set(deals.loc[deals["stage"] == "lost", "deal_id"])
    closed = deals[deals["stage"].isin(["contract", "lost"])]
    assert closed["closed_at"].notna().all() and (closed["closed_at"] >= closed["created_at"]).all()


def test_the_story_a_consultant_should_find(demo_audit: Audit) -> None:
    st = analysis.analyse(demo_audit).table
    weakest = st.loc[st["conversion_to_next"].astype(float).idxmin(), "key"]
    assert weakest == "offer"
    over = [v for v in structure.violations(demo_audit) if v["kind"] == "over_span"]
    assert len(over) == 1 and over[0]["sellers"] > 7
    assert model.decide(demo_audit).mode == "passive"
    c = compute.counts(
        demo_audit.tables["deals"], demo_audit.stage_keys, demo_audit.tables["stage_history"]
    )
    assert c.open > 0 and c.lost_without_stage > 0
