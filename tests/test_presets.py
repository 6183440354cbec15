"""Presets: every sample export loads through its preset alone; `client_yaml` scaffolds a valid file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from salesaudit.core.errors import InputError
from salesaudit.core.names import STAGE_KEYS
from salesaudit.inputs.audit import open_audit
from salesaudit.inputs.client import from_dict
from salesaudit.inputs.ingest import load_tables, quality_text
from salesaudit.inputs.presets import client_yaml, list_presets, load_preset

SAMPLES = Path(__file__).parent / "data" / "presets"
# preset -> (sample file, deals in it)
SAMPLE_OF = {
    "bitrix24": ("bitrix24_deals.csv", 15),
    "amocrm": ("amocrm_deals.xlsx", 12),
    "hubspot": ("hubspot_deals.csv", 14),
    "salesforce": ("salesforce_opportunities.xlsx", 13),
    "pipedrive": ("pipedrive_deals.csv", 15),
}


def test_the_five_presets_ship() -> None:
    assert set(SAMPLE_OF) <= set(list_presets())


@pytest.mark.parametrize("preset", sorted(SAMPLE_OF))
def test_sample_loads_through_preset_alone(preset: str) -> None:
    file, n = SAMPLE_OF[preset]
    cfg = from_dict(
        {"client": "Sample", "data": {"deals": {"path": file, "preset": preset}}}, base_dir=SAMPLES
    )
    tables, dq = load_tables(cfg)
    deals = tables["deals"]
    q = dq.tables["deals"]
    assert len(deals) == n and q.rows_rejected == 0, q.warnings
    assert {"deal_id", "created_at", "stage", "amount", "manager", "client_id"} <= set(
        deals.columns
    )
    assert set(deals["stage"]) <= set(STAGE_KEYS) | {"lost"}
    assert (deals["stage"] == "contract").any() and (deals["stage"] == "lost").any()
    assert deals["created_at"].dtype == "datetime64[ns]" and deals["created_at"].notna().all()
    assert deals["created_at"].min() >= pd.Timestamp("2026-01-01")
    assert (
        deals["amount"].dtype == float
        and deals["amount"].notna().all()
        and (deals["amount"] > 0).all()
    )
    assert deals["deal_id"].is_unique
    assert [s.key for s in cfg.funnel.stages][-1] == "contract"  # funnel taken from the preset
    assert not [w for w in q.warnings if "lost deal" not in w], q.warnings
    assert quality_text(dq, "ru")


def test_sample_values_are_read_exactly() -> None:
    cfg = from_dict(
        {"client": "S", "data": {"deals": {"path": "bitrix24_deals.csv", "preset": "bitrix24"}}},
        base_dir=SAMPLES,
    )
    deals = load_tables(cfg)[0]["deals"].set_index("deal_id")
    assert deals.loc["101", "amount"] == 37500.5
    assert deals.loc["101", "created_at"] == pd.Timestamp("2026-02-06 10:07")
    assert deals.loc["101", "stage"] == "first_contact"
    sf = from_dict(
        {
            "client": "S",
            "data": {"deals": {"path": "salesforce_opportunities.xlsx", "preset": "salesforce"}},
        },
        base_dir=SAMPLES,
    )
    opp = load_tables(sf)[0]["deals"].set_index("deal_id")
    assert opp.loc["0065g00000ABC001", "amount"] == 10500.0
    closed = opp["stage"].isin(["contract", "lost"])
    assert opp.loc[closed, "closed_at"].notna().all()  # Close Date of a closed deal: a fact
    assert opp.loc[~closed, "closed_at"].isna().all()  # of an open deal: a plan, kept apart
    assert opp.loc[~closed, "expected_close_at"].notna().all()
    assert set(opp["client_type"]) == {"new", "current"}


def test_pipedrive_status_gives_won_and_lost() -> None:
    cfg = from_dict(
        {"client": "S", "data": {"deals": {"path": "pipedrive_deals.csv", "preset": "pipedrive"}}},
        base_dir=SAMPLES,
    )
    deals = load_tables(cfg)[0]["deals"].set_index("deal_id")
    assert deals.loc["2", "stage"] == "contract"  # status won
    assert (
        deals.loc["3", "stage"] == "lost" and deals.loc["3", "lost_stage"] == "offer"
    )  # lost at Proposal Made
    assert deals.loc["1", "stage"] == "first_contact"  # open


def test_client_funnel_names_are_merged_with_preset() -> None:
    raw = {
        "client": "S",
        "data": {"deals": {"path": "amocrm_deals.xlsx", "preset": "amocrm"}},
        "funnel": {
            "stages": [
                {"key": "target_list", "crm": ["Неразобранное"]},
                {"key": "first_contact", "crm": ["Первичный контакт"]},
                {"key": "needs_brief", "crm": ["Переговоры"]},
                {"key": "offer", "crm": ["Принимают решение"]},
                {"key": "contract", "crm": ["Успешно реализовано"]},
            ],
            "lost": [],
        },
    }
    with pytest.raises(InputError, match="'Согласование договора'.*closest mapped name"):
        load_tables(
            from_dict(raw, base_dir=SAMPLES)
        )  # offer_defense is not in this client's funnel
    raw["funnel"]["stages"].insert(4, {"key": "offer_defense", "crm": []})
    deals = load_tables(from_dict(raw, base_dir=SAMPLES))[0]["deals"]
    assert "offer_defense" in set(deals["stage"]) and "lost" in set(deals["stage"])


def test_columns_override_the_preset(tmp_path: Path) -> None:
    text = (
        (SAMPLES / "hubspot_deals.csv")
        .read_text(encoding="utf-8")
        .replace("Deal owner", "Owner name")
    )
    (tmp_path / "d.csv").write_text(text, encoding="utf-8")
    cfg = from_dict(
        {
            "client": "S",
            "data": {
                "deals": {
                    "path": "d.csv",
                    "preset": "hubspot",
                    "columns": {"manager": "Owner name"},
                }
            },
        },
        base_dir=tmp_path,
    )
    assert load_tables(cfg)[0]["deals"]["manager"].notna().all()


def test_unknown_preset_suggests() -> None:
    with pytest.raises(InputError, match="did you mean 'hubspot'"):
        load_preset("hubspt")


def test_preset_from_a_file(tmp_path: Path) -> None:
    (tmp_path / "mycrm.yaml").write_text(
        "name: mycrm\ntables:\n  deals:\n    columns: {deal_id: Номер, created_at: Создана, stage: Этап}\n",
        encoding="utf-8",
    )
    (tmp_path / "d.csv").write_text("Номер,Создана,Этап\n1,2026-01-05,contract\n", encoding="utf-8")
    cfg = from_dict(
        {"client": "S", "data": {"deals": {"path": "d.csv", "preset": "mycrm.yaml"}}},
        base_dir=tmp_path,
    )
    assert load_tables(cfg)[0]["deals"]["stage"].tolist() == ["contract"]


@pytest.mark.parametrize("preset", [None, *sorted(SAMPLE_OF)])
def test_client_yaml_is_valid_and_loads_the_sample(preset: str | None, tmp_path: Path) -> None:
    text = client_yaml("ООО «Тест» <b>", preset)
    raw = yaml.safe_load(text)
    assert raw["client"] == "ООО «Тест» <b>"
    cfg = from_dict(raw, base_dir=tmp_path)
    assert cfg.data.deals is not None
    if preset is None:
        return
    assert (
        raw["data"]["deals"]["preset"] == preset
        and raw["language"] == load_preset(preset)["language"]
    )
    target = tmp_path / raw["data"]["deals"]["path"]
    sample = SAMPLES / SAMPLE_OF[preset][0]
    if target.suffix != sample.suffix:  # an Excel sample where the scaffold expects CSV
        path = f"data/deals{sample.suffix}"
        text = text.replace(f"path: {raw['data']['deals']['path']}", f"path: {path}")
        target = tmp_path / path
    target.parent.mkdir(parents=True)
    shutil.copy(sample, target)
    (tmp_path / "client.yaml").write_text(text, encoding="utf-8")
    audit = open_audit(tmp_path / "client.yaml")
    assert len(audit.tables["deals"]) == SAMPLE_OF[preset][1]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("channels: {incoming: [Web]}\n", "inbound and outbound only"),
        ("client_type: {repeat: [Да]}\n", "new and current only"),
    ],
)
def test_preset_value_maps_are_checked(extra: str, message: str, tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(
        "name: p\ntables:\n  deals:\n    columns: {deal_id: ID}\n" + extra, encoding="utf-8"
    )
    with pytest.raises(InputError, match=message):
        load_preset("p.yaml", base_dir=tmp_path)


def test_wide_history_pattern_needs_a_stage_group(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(
        "name: p\ntables:\n  deals:\n    history_wide: ['Date entered (.+)']\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"\(\?P<stage>"):
        load_preset("p.yaml", base_dir=tmp_path)


@pytest.mark.parametrize("preset", sorted(SAMPLE_OF))
def test_every_preset_names_its_exports(preset: str) -> None:
    p = load_preset(preset)
    assert p["export"] and p["history_export"]
    assert p["channels"]["inbound"] and p["channels"]["outbound"]
    text = client_yaml("X", preset)
    assert p["export"] in text and "Stage-level analysis" in text
