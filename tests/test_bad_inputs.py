"""The bad-input corpus (tests/data/bad/cases.yaml): each fault answered as designed.

Fatal faults raise InputError (exit code 2) with the expected words and no traceback; the
others load, with the expected data-quality warning. No input file is ever changed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
import yaml

from salesaudit.core.errors import InputError
from salesaudit.i18n.notes import render
from salesaudit.inputs.client import from_dict
from salesaudit.inputs.ingest import load_tables, quality_summary, quality_text, rejected_rows

BAD = Path(__file__).parent / "data" / "bad"
SPEC = yaml.safe_load((BAD / "cases.yaml").read_text(encoding="utf-8"))
CASES: list[dict[str, Any]] = SPEC["cases"]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def config(case: dict[str, Any]):
    raw = {
        "client": "Corpus",
        "funnel": SPEC["defaults"]["funnel"],
        **case.get("config", {}),
        "data": case["data"],
    }
    return from_dict(raw, base_dir=BAD, source=f"{case['id']}.yaml")


def test_corpus_is_big_enough() -> None:
    assert len(CASES) >= 25
    assert len({c["id"] for c in CASES}) == len(CASES)
    assert sum(c["expect"] == "error" for c in CASES) >= 12


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_bad_input(case: dict[str, Any]) -> None:
    files = [BAD / t["path"] for t in case["data"].values()]
    before = {p: (sha256(p), p.stat().st_mtime_ns) for p in files if p.is_file()}
    cfg = config(case)
    fragment = case.get("fragment", "")
    if case["expect"] == "error":
        with pytest.raises(InputError) as info:
            load_tables(cfg)
        message = str(info.value)
        assert fragment in message, message
        assert info.value.exit_code == 2
        assert "Traceback" not in message and 'File "' not in message
        assert message.split(":")[0].strip(), "the message names a file or starts with a sentence"
    else:
        tables, dq = load_tables(cfg)
        warnings = [w for q in dq.tables.values() for w in q.warnings] + dq.warnings
        if case["expect"] == "warning":
            assert any(fragment in w for w in warnings), warnings
        else:
            assert not warnings, warnings
            texts = [render(n) for q in dq.tables.values() for n in q.notes] + [
                render(n) for n in dq.notes
            ]
            assert not fragment or any(fragment in t for t in texts), texts
        name = next(iter(case["data"]))
        q = dq.tables[name]
        if "rows_read" in case:
            assert q.rows_read == case["rows_read"]
        if "rows_rejected" in case:
            assert q.rows_rejected == case["rows_rejected"]
            # never lose data: every left-out row is listed with its row number
            listed = rejected_rows(dq)
            listed = listed[(listed["table"] == name) & (listed["action"] == "rejected")]
            assert listed["row"].nunique() == case["rows_rejected"]
            assert len(tables[name]) == q.rows_read - q.rows_rejected
        if "amount_sum" in case:
            assert tables[name]["amount"].sum() == pytest.approx(case["amount_sum"])
        if "last_row" in case:
            assert max(r.row for r in q.rejected) if q.rejected else True
        for lang in ("en", "ru"):
            lines = quality_text(dq, lang)
            assert lines and not any("{" in line for line in lines), lines
            assert len(quality_summary(dq, lang)) == len(dq.tables)
    after = {p: (sha256(p), p.stat().st_mtime_ns) for p in files if p.is_file()}
    assert before == after, "an input file was changed"


CLI_CASES = ["mixed_encodings", "unknown_stages", "managers_missing_from_team"]  # ~5 s each


@pytest.mark.parametrize("case", [c for c in CASES if c["id"] in CLI_CASES], ids=lambda c: c["id"])
def test_validate_command(case: dict[str, Any], tmp_path: Path) -> None:
    """`salesaudit validate` answers with exit code 2 and the message, or 0 and the warning."""
    import shutil
    import subprocess
    import sys

    for spec in case["data"].values():
        shutil.copy(BAD / spec["path"], tmp_path / spec["path"])
    raw = {
        "client": "Corpus",
        "funnel": SPEC["defaults"]["funnel"],
        **case.get("config", {}),
        "data": case["data"],
    }
    client = tmp_path / "client.yaml"
    client.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "salesaudit", "validate", str(client)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    text = out.stdout + out.stderr
    assert out.returncode == (2 if case["expect"] == "error" else 0), text
    assert case["fragment"] in text
    assert "Traceback" not in text
