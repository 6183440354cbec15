"""The report in a real browser (headless Debian Chromium via Playwright): drawn, offline, safe."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from .helpers import CHROMIUM, offline_page

if CHROMIUM is None:
    if os.environ.get("CI"):
        raise RuntimeError("chromium is required in CI: .ci/run installs Debian's chromium")
    pytest.skip("chromium not installed (apt-get install chromium)", allow_module_level=True)


def open_report(path: Path) -> dict[str, Any]:
    """Load the report offline; return what the page showed and did."""
    seen: dict[str, Any] = {"errors": [], "requests": [], "dialogs": []}
    with offline_page(seen) as page:
        page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
        page.goto(path.as_uri())
        page.wait_for_function(
            "document.querySelectorAll('.js-plotly-plot').length === "
            "document.querySelectorAll('div.sa-chart').length",
            timeout=20000,
        )
        seen["placeholders"] = page.locator("div.sa-chart").count()
        seen["drawn"] = page.locator(".js-plotly-plot").count()
        seen["empty_charts"] = page.evaluate(
            "[...document.querySelectorAll('.js-plotly-plot')].filter(e => !(e._fullData && "
            "e._fullData.length > 0 && e.querySelector('.main-svg').getBoundingClientRect().width > 0 && "
            "e.querySelectorAll('g.trace, g.hm, g.funnellayer path, g.sankey').length > 0)).length"
        )
        seen["inputs"] = page.locator(
            ".jp-CodeCell .jp-InputArea, .jp-CodeMirrorEditor, div.highlight"
        ).count()
        seen["text"] = page.inner_text("body")
        seen["header"] = page.inner_text(".sa-header h1")
        seen["toc"] = page.locator("nav.sa-toc a").all_inner_texts()
        seen["injected_img"] = page.locator('img[src="x"]').count()
        seen["scripts_with_src"] = page.locator("script[src]").count()
        seen["modebar"] = page.evaluate(
            "[...new Set([...document.querySelectorAll('.modebar-btn')]"
            ".map(b => b.getAttribute('data-title')))]"
        )
        seen["csp"] = page.evaluate(
            "(document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]') || {})"
            ".content || ''"
        )
        seen["broken_toc"] = page.evaluate(
            "[...document.querySelectorAll('nav.sa-toc a')].filter(a => "
            "!document.getElementById(a.getAttribute('href').slice(1))).length"
        )
    return seen


@pytest.fixture(scope="module")
def english(demo_run: Path) -> dict[str, Any]:
    return open_report(demo_run / "report.html")


@pytest.fixture(scope="module")
def russian(hostile_run: Path) -> dict[str, Any]:
    return open_report(hostile_run / "report.html")


@pytest.mark.parametrize("lang", ["english", "russian"])
def test_every_chart_is_drawn_offline_without_errors(
    lang: str, request: pytest.FixtureRequest
) -> None:
    seen = request.getfixturevalue(lang)
    assert seen["placeholders"] >= 10
    assert seen["drawn"] == seen["placeholders"] and seen["empty_charts"] == 0
    assert seen["errors"] == [] and seen["requests"] == [] and seen["scripts_with_src"] == 0
    assert seen["broken_toc"] == 0


@pytest.mark.parametrize("lang", ["english", "russian"])
def test_no_code_is_visible(lang: str, request: pytest.FixtureRequest) -> None:
    seen = request.getfixturevalue(lang)
    assert seen["inputs"] == 0
    for code in ("import salesaudit", "sa.display", "client_file", "audit = sa.load", "Traceback"):
        assert code not in seen["text"]
    assert "nan" not in seen["text"].split() and "None" not in seen["text"].split()


def test_english_report_sections(english: dict[str, Any]) -> None:
    assert english["toc"][:3] == ["Summary", "Intake and data quality", "Sales model"]
    assert "Northwind Pumps & Valves" in english["header"]
    assert "Offer → Offer defence" in english["text"]


def test_hostile_strings_are_shown_as_text_in_russian(russian: dict[str, Any]) -> None:
    assert "<script>alert(1)</script>" in russian["header"]
    assert "<img src=x onerror=alert(2)>" in russian["text"]
    assert russian["dialogs"] == [] and russian["injected_img"] == 0
    assert russian["toc"][0] == "Итоги" and "Воронка продаж" in russian["toc"]
    assert "Аудит отдела продаж" in russian["header"]
    assert "2\u00a0945" in russian["text"]  # ru thousands separator


@pytest.mark.parametrize("lang", ["english", "russian"])
def test_private_by_construction(lang: str, request: pytest.FixtureRequest) -> None:
    """No share, cloud, edit or link button in any chart's toolbar; a CSP that forbids fetching."""
    seen = request.getfixturevalue(lang)
    assert seen["modebar"], "the charts keep a toolbar (download, zoom, reset)"
    allowed = {"Download plot as a PNG", "Zoom", "Reset axes", "Reset view"}  # view: the Sankey
    assert set(seen["modebar"]) <= allowed, seen["modebar"]
    for word in ("share", "cloud", "edit", "chart studio", "link"):
        assert not [b for b in seen["modebar"] if word in b.lower()]
    assert "default-src 'none'" in seen["csp"] and "connect-src 'none'" in seen["csp"]
    assert "http" not in seen["csp"]
