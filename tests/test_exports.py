"""The realistic-export corpus (tests/data/exports/): every sample loads through the client.yaml
`salesaudit new --preset` writes, and what it holds (expected.json, computed by the generator)
is what ingest reads: the audit date, the inbound share, outcomes, client types, loss stages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from salesaudit.core.names import LOST, WON
from salesaudit.i18n.notes import render
from salesaudit.inputs import channels, facts
from salesaudit.inputs.audit import Audit, open_audit
from salesaudit.inputs.client import from_dict
from salesaudit.inputs.presets import client_yaml
from salesaudit.steps.sales_model.compute import channel_counts, inbound_share

CORPUS = Path(__file__).parent / "data" / "exports"
SAMPLES = sorted(p.parent for p in CORPUS.glob("*/*/expected.json"))
IDS = [f"{p.parent.name}-{p.name}" for p in SAMPLES]
CRMS = ("amocrm", "bitrix24", "hubspot", "pipedrive", "salesforce")


def _expected(sample: Path) -> dict[str, Any]:
    """The sample's expected.json."""
    return json.loads((sample / "expected.json").read_text(encoding="utf-8"))


_AUDITS: dict[Path, Audit] = {}


def _audit(sample: Path) -> Audit:
    """The sample opened through its client.yaml (once per test session)."""
    if sample not in _AUDITS:
        _AUDITS[sample] = open_audit(sample / "client.yaml")
    return _AUDITS[sample]


def test_corpus_has_both_variants_of_every_crm() -> None:
    assert {(p.parent.name, p.name) for p in SAMPLES} == {
        (c, v) for c in CRMS for v in ("deals_only", "with_history")
    }


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_client_yaml_is_what_new_writes(sample: Path) -> None:
    crm = sample.parent.name
    text = client_yaml(f"Sample {crm}", crm)
    got = (sample / "client.yaml").read_text(encoding="utf-8")
    if sample.name == "with_history" and crm != "hubspot":  # stage_history lines uncommented
        text = text.replace("  # stage_history:", "  stage_history:")
        text = text.replace(
            "  #   path: data/stage_history.csv", "    path: data/stage_history.csv"
        )
        text = text.replace(f"  #   preset: {crm}", f"    preset: {crm}")
    assert got == text
    assert "model:" not in got and "structure:" not in got  # questionnaire unanswered


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_sample_loads_with_expected_facts(sample: Path) -> None:
    exp = _expected(sample)
    audit = _audit(sample)
    deals = audit.tables["deals"]
    assert len(deals) == exp["deals"]
    assert all(q.rows_rejected == 0 for q in audit.quality.tables.values())
    assert str(audit.as_of.date()) == exp["as_of"]
    assert audit.as_of_source != "client"
    stage = deals["stage"]
    assert int((stage == WON).sum()) == exp["won"]
    assert int((stage == LOST).sum()) == exp["lost"]
    assert int((~stage.isin([WON, LOST])).sum()) == exp["open"]
    closed = stage.isin([WON, LOST])
    assert deals.loc[closed, "closed_at"].notna().all()  # every closed deal has its close
    assert deals.loc[~closed, "closed_at"].isna().all()  # an open deal's date is a plan
    if "expected_close_at" in deals:
        assert deals.loc[closed, "expected_close_at"].isna().all()


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_inbound_share_and_unmapped_channels(sample: Path) -> None:
    exp = _expected(sample)
    audit = _audit(sample)
    assert inbound_share(audit) == pytest.approx(exp["inbound_share"], abs=1e-6)
    counts = channel_counts(audit)
    assert counts is not None and any(counts.inbound) and not all(counts.inbound)
    notes = [n for n in audit.quality.tables["deals"].notes if n.code == "channel.unknown"]
    if exp["unmapped_channels"]:
        assert len(notes) == 1
        for name in exp["unmapped_channels"]:
            assert f"'{name}'" in notes[0].params["names"]
        assert "inbound or outbound?" in render(notes[0], "en")
        assert "входящий или исходящий" in render(notes[0], "ru")
    else:
        assert not notes


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_client_type_mapped(sample: Path) -> None:
    exp = _expected(sample)
    deals = _audit(sample).tables["deals"]
    if exp["client_type"] is None:
        assert "client_type" not in deals or deals["client_type"].isna().all()
        return
    counts = deals["client_type"].value_counts().to_dict()
    assert counts == exp["client_type"]


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_history_gives_loss_stages(sample: Path) -> None:
    exp = _expected(sample)
    audit = _audit(sample)
    hist = audit.table("stage_history")
    if sample.name == "deals_only":
        assert hist is None
    else:
        assert hist is not None and len(hist) > exp["deals"]
        assert set(hist["stage"]) <= set(audit.stage_keys) | {LOST}
        assert hist["deal_id"].isin(audit.tables["deals"]["deal_id"]).all()
    known = facts.loss_stage(audit.tables["deals"], hist, audit.stage_keys).notna()
    assert int(known.sum()) == exp["lost_with_known_stage"]
    if sample.name == "with_history":
        assert known.sum() >= 0.6 * exp["lost"]


def test_hubspot_wide_columns_become_history_rows() -> None:
    audit = _audit(CORPUS / "hubspot" / "with_history")
    hist = audit.tables["stage_history"]
    deals = audit.tables["deals"].set_index("deal_id")
    won = deals.index[deals["stage"] == WON]
    # a won deal entered every stage of the funnel and then Closed Won
    one = hist[hist["deal_id"] == won[0]].sort_values("entered_at")
    assert list(dict.fromkeys(one["stage"])) == audit.stage_keys  # two CRM stages: offer_defense
    assert one["entered_at"].iloc[-1] == deals.loc[won[0], "closed_at"]
    notes = [n.code for n in audit.quality.tables["stage_history"].notes]
    assert "history.wide" in notes


def test_long_history_filters_other_events() -> None:
    amo = _audit(CORPUS / "amocrm" / "with_history")
    notes = [n for n in amo.quality.tables["stage_history"].notes if n.code == "history.filtered"]
    assert notes and notes[0].params["column"] == "Событие"
    pd_ = _audit(CORPUS / "pipedrive" / "with_history")
    assert any(n.code == "history.filtered" for n in pd_.quality.tables["stage_history"].notes)


def test_client_inbound_list_replaces_preset(tmp_path: Path) -> None:
    sample = CORPUS / "bitrix24" / "deals_only"
    raw = {
        "client": "S",
        "data": {"deals": {"path": str(sample / "data" / "deals.csv"), "preset": "bitrix24"}},
        "model": {"inbound_channels": ["Веб-сайт"]},
    }
    cfg = from_dict(raw, base_dir=tmp_path)
    assert channels.inbound_channels(cfg) == ("Веб-сайт",)
    assert channels.is_inbound(cfg, ["веб-сайт", "CRM-форма", None]) == [True, False, False]
    assert channels.unknown_channels(cfg, ["Другое"]) == []
    del raw["model"]
    cfg = from_dict(raw, base_dir=tmp_path)
    assert channels.is_inbound(cfg, ["CRM-форма", "Выставка", "website"]) == [True, False, True]
    assert channels.unknown_channels(cfg, ["Другое", "Выставка"]) == ["Другое"]


def test_salesforce_field_history_keeps_stage_rows(tmp_path: Path) -> None:
    sample = CORPUS / "salesforce" / "deals_only"
    shutil.copytree(sample / "data", tmp_path / "data")
    rows = [
        "Opportunity ID,Field / Event,Old Value,New Value,Edit Date",
        "0065g000001000AB,Stage,Prospecting,Qualification,3/14/2026",
        "0065g000001000AB,Amount,100,200,3/15/2026",
        "0065g000001000AB,Stage,Qualification,Needs Analysis,3/20/2026",
        "0065g000001000AB,Close Date,3/1/2026,4/1/2026,3/21/2026",
    ]
    (tmp_path / "data" / "stage_history.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    text = (CORPUS / "salesforce" / "with_history" / "client.yaml").read_text(encoding="utf-8")
    (tmp_path / "client.yaml").write_text(text, encoding="utf-8")
    audit = open_audit(tmp_path / "client.yaml")
    hist = audit.tables["stage_history"]
    assert hist["stage"].tolist() == ["first_contact", "needs_brief"]
    assert hist["entered_at"].dt.strftime("%Y-%m-%d").tolist() == ["2026-03-14", "2026-03-20"]
    q = audit.quality.tables["stage_history"]
    assert q.rows_read == 2 and q.rows_rejected == 0
    assert [n.params["count"] for n in q.notes if n.code == "history.filtered"] == [2]
