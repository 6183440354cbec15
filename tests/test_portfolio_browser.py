"""portfolio.html in headless Chromium: offline, no console error, fits a phone and an A4 page."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from salesaudit.report import portfolio

from .helpers import CHROMIUM, offline_page

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed")
DATA = Path(__file__).parent / "data"
PHONE = 390
A4_PRINTABLE = 710  # 210 mm less the 11 mm side margins of report.css's @page, in CSS px


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """portfolio.html of five clients (one without a team table), in English and in Russian."""
    demo = json.loads((DATA / "demo_findings_v0.1.json").read_text("utf-8"))
    root = tmp_path_factory.mktemp("portfolio")
    folders = []
    for i in range(5):
        d = copy.deepcopy(demo)
        d["client"] = f"Client {i} <b>&"  # markup in a name is shown as text
        d["funnel"]["win_rate"] = round(d["funnel"]["win_rate"] * (0.6 + 0.2 * i), 4)
        if i == 0:
            d["sizing"]["current"] = {}
        folder = root / f"c{i}"
        folder.mkdir()
        (folder / "findings.json").write_text(json.dumps(d), "utf-8")
        folders.append(folder)
    out = {}
    for lang in ("en", "ru"):
        (root / lang).mkdir()
        out[lang] = portfolio.write(root / lang, folders, lang)["html"]
    return out


def _look(path: Path) -> dict[str, Any]:
    """Open the page offline on a desk, a phone and in print; what it showed and did."""
    seen: dict[str, Any] = {}
    with offline_page(seen) as page:
        page.goto(path.as_uri())
        seen["text"] = page.inner_text("body")
        seen["scripts"] = page.locator("script[src]").count()
        seen["tables"] = page.locator("table.sa-table").count()
        seen["broken_toc"] = page.evaluate(
            "[...document.querySelectorAll('nav.sa-toc a')].filter(a => "
            "!document.getElementById(a.getAttribute('href').slice(1))).length"
        )
        seen["desk_scroll"] = page.evaluate("document.documentElement.scrollWidth")
        page.set_viewport_size({"width": PHONE, "height": 800})
        seen["phone"] = page.evaluate(
            "() => ({scroll: document.documentElement.scrollWidth,"
            " main: document.querySelector('main.sa-main').getBoundingClientRect().width})"
        )
        page.set_viewport_size({"width": A4_PRINTABLE, "height": 1000})
        page.emulate_media(media="print")
        page.wait_for_timeout(200)
        seen["print"] = page.evaluate(
            "[...document.querySelectorAll('table.sa-table')]"
            ".map(e => Math.round(e.getBoundingClientRect().right))"
        )
        seen["pdf"] = len(page.pdf(format="A4"))
    return seen


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_portfolio_offline_on_a_desk_a_phone_and_paper(pages: dict[str, Path], lang: str) -> None:
    seen = _look(pages[lang])
    assert seen["errors"] == [] and seen["requests"] == [] and seen["scripts"] == 0
    assert seen["broken_toc"] == 0 and seen["tables"] >= 4
    assert seen["desk_scroll"] <= 1300
    assert seen["phone"]["scroll"] <= PHONE and seen["phone"]["main"] >= 300, seen["phone"]
    assert seen["print"] and max(seen["print"]) <= A4_PRINTABLE, seen["print"]
    assert seen["pdf"] > 1000
    assert "Client 2 <b>&" in seen["text"]
    words = seen["text"].split()
    assert "nan" not in words and "None" not in words
    heading = {"en": "Team and pay", "ru": "Команда и оплата"}[lang]
    assert heading in seen["text"]
