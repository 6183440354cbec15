"""The inputs cache: read once per content, re-used across questionnaire changes, rebuilt when damaged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from salesaudit.inputs import cache, ingest
from salesaudit.inputs.audit import load_config, open_audit
from salesaudit.inputs.presets import preset_text

from .helpers import run_cli

DATA_FILES = 6  # the demo client's tables
SAMPLES = Path(__file__).parent / "data" / "presets"


def load_preset_text(name: str) -> str:
    """A shipped preset's YAML text."""
    return preset_text(name)[0]


@pytest.fixture()
def client(demo_dir: Path, tmp_path: Path) -> Path:
    """A private copy of the demo client (tests here edit it)."""
    dst = tmp_path / "client"
    shutil.copytree(demo_dir, dst)
    return dst / "client.yaml"


def _edit(path: Path, old: str, new: str) -> None:
    """Replace one piece of text in a file (it must be there)."""
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def _entries(root: Path) -> list[Path]:
    """The cache entries under root."""
    return sorted(p for p in root.iterdir() if cache.is_entry(p)) if root.is_dir() else []


def test_miss_then_hit_reads_once_and_gives_the_same_audit(client: Path, tmp_path: Path) -> None:
    root = tmp_path / "cache"
    before = ingest.files_read()
    fresh = open_audit(client)
    assert ingest.files_read() - before == DATA_FILES
    first = open_audit(client, cache=root)
    assert ingest.files_read() - before == 2 * DATA_FILES  # the miss reads every file once
    again = open_audit(client, cache=root)
    assert ingest.files_read() - before == 2 * DATA_FILES  # the hit reads none
    assert len(_entries(root)) == 1
    for name, df in fresh.tables.items():
        pd.testing.assert_frame_equal(again.tables[name], df)
        pd.testing.assert_frame_equal(first.tables[name], df)
    assert again.quality == fresh.quality and again.as_of == fresh.as_of
    assert again.config == fresh.config


def test_a_questionnaire_answer_is_not_in_the_key(client: Path) -> None:
    key = cache.inputs_key(load_config(client))
    _edit(client, "morning_planning: true", "morning_planning: false")
    _edit(client, "hiring: one_by_one", "hiring: batch")
    cfg = load_config(client)
    assert cache.inputs_key(cfg) == key
    assert cfg.control.morning_planning is False  # re-read from client.yaml on every load


def test_a_changed_answer_is_seen_on_a_cache_hit(client: Path, tmp_path: Path) -> None:
    root = tmp_path / "cache"
    open_audit(client, cache=root)
    _edit(client, "morning_planning: true", "morning_planning: false")
    before = ingest.files_read()
    audit = open_audit(client, cache=root)
    assert ingest.files_read() == before
    assert audit.config.control.morning_planning is False


@pytest.mark.parametrize(
    "edit",
    [
        ("data/deals.csv", None),  # a data file's bytes
        ("client.yaml", ("as_of: 2026-09-30", "as_of: 2026-08-31")),
        ("client.yaml", ("lost: [", 'lost: ["Cancelled", ')),  # the funnel: part
    ],
)
def test_what_changes_the_tables_changes_the_key(
    client: Path, tmp_path: Path, edit: tuple[str, tuple[str, str] | None]
) -> None:
    root = tmp_path / "cache"
    open_audit(client, cache=root)
    name, change = edit
    path = client.parent / name
    if change is None:
        with path.open("a", encoding="utf-8") as fh:
            fh.write("\n")
    else:
        _edit(path, *change)
    before = ingest.files_read()
    open_audit(client, cache=root)
    assert ingest.files_read() - before == DATA_FILES
    assert len(_entries(root)) == 2


def test_a_corrupt_entry_is_rebuilt(client: Path, tmp_path: Path) -> None:
    root = tmp_path / "cache"
    good = open_audit(client, cache=root)
    (entry,) = _entries(root)
    (entry / "deals.parquet").write_bytes(b"not parquet")
    before = ingest.files_read()
    audit = open_audit(client, cache=root)
    assert ingest.files_read() - before == DATA_FILES
    pd.testing.assert_frame_equal(audit.tables["deals"], good.tables["deals"])
    audit = open_audit(client, cache=entry)  # the rebuilt entry, loaded as the runner hands it
    assert ingest.files_read() - before == DATA_FILES


def test_a_partial_entry_is_ignored(client: Path, tmp_path: Path) -> None:
    root = tmp_path / "cache"
    open_audit(client, cache=root)
    (entry,) = _entries(root)
    (entry / "team.parquet").unlink()
    before = ingest.files_read()
    open_audit(client, cache=root)
    assert ingest.files_read() - before == DATA_FILES
    assert (entry / "team.parquet").is_file()


def test_old_entries_are_pruned(client: Path, tmp_path: Path) -> None:
    root = tmp_path / "cache"
    open_audit(client, cache=root)
    for day in range(3):
        _edit(client, f"as_of: 2026-09-{30 - day}", f"as_of: 2026-09-{29 - day}")
        open_audit(client, cache=root)
    assert len(_entries(root)) == 4
    cache.prune(root, keep=2)
    assert len(_entries(root)) == 2


def test_nothing_is_written_beside_the_client_files(client: Path, tmp_path: Path) -> None:
    before = sorted(p.relative_to(client.parent) for p in client.parent.rglob("*"))
    open_audit(client, cache=tmp_path / "cache")
    after = sorted(p.relative_to(client.parent) for p in client.parent.rglob("*"))
    assert after == before
    assert not list(tmp_path.glob("cache/.*"))  # no temporary folder left behind


def test_a_preset_funnel_comes_back_from_the_cache(tmp_path: Path) -> None:
    shutil.copy(SAMPLES / "bitrix24_deals.csv", tmp_path / "deals.csv")
    client = tmp_path / "client.yaml"
    client.write_text(
        "client: P\ndata:\n  deals: {path: deals.csv, preset: bitrix24}\n", encoding="utf-8"
    )
    fresh = open_audit(client)
    assert "funnel" not in load_config(client).model_fields_set  # the preset supplies it
    open_audit(client, cache=tmp_path / "cache")
    again = open_audit(client, cache=tmp_path / "cache")
    assert again.config.funnel == fresh.config.funnel
    assert again.quality == fresh.quality


def test_a_changed_preset_file_changes_the_key(tmp_path: Path) -> None:
    shutil.copy(SAMPLES / "bitrix24_deals.csv", tmp_path / "deals.csv")
    (tmp_path / "mine.yaml").write_text(load_preset_text("bitrix24"), encoding="utf-8")
    client = tmp_path / "client.yaml"
    client.write_text(
        "client: P\ndata:\n  deals: {path: deals.csv, preset: mine.yaml}\n", encoding="utf-8"
    )
    key = cache.inputs_key(load_config(client))
    with (tmp_path / "mine.yaml").open("a", encoding="utf-8") as fh:
        fh.write("\n# edited\n")
    assert cache.inputs_key(load_config(client)) != key


def test_one_read_per_data_file_in_a_cold_run(demo_run: Path) -> None:
    log = (demo_run / "run.log").read_text("utf-8")
    assert f"data files read\t{DATA_FILES}\n" in log
    assert "inputs cache\tmiss" in log
    assert (demo_run.parent / cache.CACHE_DIRNAME).is_dir()
    assert not list(demo_run.rglob(cache.CACHE_DIRNAME))  # not inside the report folder


def test_a_warm_rerun_with_a_changed_answer_reads_nothing(demo_run: Path, tmp_path: Path) -> None:
    client = tmp_path / "client"
    shutil.copytree(demo_run.parent / "demo-client", client)
    _edit(client / "client.yaml", "morning_planning: true", "morning_planning: false")
    out = demo_run.parent / "warm"
    done = run_cli("run", str(client / "client.yaml"), "--out", str(out), "--only", "intake")
    assert done.returncode == 0, done.stderr
    log = (out / "run.log").read_text("utf-8")
    assert "data files read\t0\n" in log and "inputs cache\thit" in log
    assert '"morning_planning": false' in (out / "findings.json").read_text("utf-8")
