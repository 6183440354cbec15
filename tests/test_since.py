"""Re-audit: with `--previous`, the report says what moved since the last audit, before → now."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from salesaudit.i18n import t
from salesaudit.report import findings, html, since
from salesaudit.report.runner import REPORT_ORDER


@pytest.fixture(scope="module")
def reaudit(demo_run: Path) -> dict[str, Any]:
    """The demo's findings with changes against an older, worse audit of the same client."""
    doc = json.loads((demo_run / "findings.json").read_text("utf-8"))
    old = copy.deepcopy(doc)
    old["as_of"] = "2026-03-31"
    old["funnel"]["win_rate"] = 0.05
    old["model"]["algorithm"][0]["status"] = "missing"
    old["model"]["pillars"]["coaching"] = 10
    old["funnel"]["cycle_days"]["median"] = 80
    doc["changes"] = findings.changes(doc, old)
    findings.validate(doc)
    return doc


def test_changes_carry_scores_and_key_figures(reaudit: dict[str, Any]) -> None:
    ch = reaudit["changes"]
    assert ch["previous_as_of"] == "2026-03-31"
    assert set(ch["figures"]) == set(since.FIGURES) - {"win_rate"}
    assert ch["figures"]["cycle_days"] == {
        "before": 80,
        "now": reaudit["funnel"]["cycle_days"]["median"],
    }
    assert set(ch["coverage"]) == set(reaudit["technologies"]["coverage"])


def test_since_section_lists_every_item_before_and_now(reaudit: dict[str, Any]) -> None:
    body = since.section_html(reaudit, "en")
    for step in range(1, 8):
        assert t(f"algo.{step}", "en") in body
    for key in since.FIGURES:
        assert t(f"since.fig.{key}", "en") in body
    assert "Sales coaching, 0–100" in body and "+21" in body  # 10 → 31 (scored from evidence)
    assert "more than 3 months old" in body  # 2026-03-31 → 2026-09-30
    assert "2026-03-31 (6 months ago)" in body
    fresh = copy.deepcopy(reaudit)
    fresh["changes"]["previous_as_of"] = "2026-07-15"
    assert "months old" not in since.section_html(fresh, "en")
    assert since.section_html({"as_of": "2026-09-30"}, "en") == ""


def test_review_period_edges() -> None:
    assert not since.is_stale(dt.date(2026, 6, 30), dt.date(2026, 9, 30))
    assert since.is_stale(dt.date(2026, 6, 29), dt.date(2026, 9, 30))
    assert since.months_between(dt.date(2026, 3, 31), dt.date(2026, 9, 30)) == 6
    assert since.months_between(dt.date(2026, 3, 15), dt.date(2026, 9, 14)) == 5


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_report_shows_the_section_after_the_summary(
    reaudit: dict[str, Any], demo_run: Path, lang: str
) -> None:
    notebooks = [demo_run / "notebooks" / f"{n}.ipynb" for n in REPORT_ORDER]
    doc = {**reaudit, "language": lang}
    page = html.render(notebooks, "Demo", dt.date(2026, 9, 30), lang, "RUB", "test", findings=doc)
    title = t("section.since", lang)
    assert page.index(f">{title}</a>") < page.index(f">{t('section.00_intake', lang)}</a>")
    assert page.index('id="sec-since"') < page.index('id="sec-00_intake"')
    assert t("since.h.algorithm", lang) in page and t("status.in_place", lang) in page
    plain = html.render(notebooks, "Demo", dt.date(2026, 9, 30), lang, "RUB", "test")
    assert 'id="sec-since"' not in plain
