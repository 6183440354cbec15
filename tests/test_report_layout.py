"""The report on a phone and on paper (headless Chromium): fits 390 px, fits A4, prints to PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from salesaudit import cli
from salesaudit.i18n import t
from salesaudit.report import pdf
from salesaudit.report.runner import REPORT_ORDER

from .helpers import CHROMIUM, offline_page, run_cli

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed")

PHONE = 390
A4_PRINTABLE = 710  # 210 mm less the 11 mm side margins of report.css's @page, in CSS px
BOXES = "[...document.querySelectorAll('.js-plotly-plot, div.sa-chart, table.sa-table')]"


@pytest.fixture(scope="module")
def layouts(demo_run: Path) -> dict[str, Any]:
    """The demo report measured at phone width and in print media at A4 width."""
    seen: dict[str, Any] = {}
    with offline_page(seen) as page:
        page.set_viewport_size({"width": PHONE, "height": 800})
        page.goto((demo_run / "report.html").as_uri())
        page.wait_for_function(
            "document.querySelectorAll('.js-plotly-plot').length === "
            "document.querySelectorAll('div.sa-chart').length",
            timeout=30000,
        )
        seen["phone"] = page.evaluate(
            "() => ({scroll: document.documentElement.scrollWidth,"
            " height: document.documentElement.scrollHeight,"
            " main: document.querySelector('main.sa-main').getBoundingClientRect().width,"
            " menu: getComputedStyle(document.querySelector('nav.sa-toc ol')).display,"
            " wide: [...document.querySelectorAll('.jp-OutputArea-output, .js-plotly-plot')]"
            f".filter(e => e.getBoundingClientRect().right > {PHONE}).length}})"
        )
        page.click("nav.sa-toc button")
        seen["menu_open"] = page.evaluate(
            "getComputedStyle(document.querySelector('nav.sa-toc ol')).display"
        )
        page.set_viewport_size({"width": A4_PRINTABLE, "height": 1000})
        page.emulate_media(media="print")
        page.wait_for_timeout(300)
        seen["print"] = page.evaluate(
            f"{BOXES}.map(e => Math.round(e.getBoundingClientRect().right))"
        )
    return seen


@pytest.mark.slow
def test_fits_a_phone(layouts: dict[str, Any]) -> None:
    """At 390 px nothing widens the page, the text column keeps its width, the contents fold."""
    phone = layouts["phone"]
    assert phone["scroll"] <= PHONE, phone
    assert phone["main"] >= 300, phone
    assert phone["wide"] == 0, phone
    assert phone["menu"] == "none" and layouts["menu_open"] == "block"
    assert layouts["errors"] == [] and layouts["requests"] == []  # nothing broke on a phone


@pytest.mark.slow
def test_every_chart_and_table_fits_a4(layouts: dict[str, Any]) -> None:
    """In print media at A4 portrait every chart and table box fits the page width."""
    rights = layouts["print"]
    assert len(rights) >= 20
    assert max(rights) <= A4_PRINTABLE, sorted(rights)[-5:]


@pytest.mark.slow
def test_pdf_has_every_section(demo_run: Path, tmp_path: Path) -> None:
    """`salesaudit pdf` prints A4 pages holding every section title, the summary first."""
    shutil.copy(demo_run / "report.html", tmp_path / "report.html")
    done = run_cli("pdf", str(tmp_path / "report.html"))
    assert done.returncode == 0, done.stderr
    out = tmp_path / "report.pdf"
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    pages = int(next(ln.split()[-1] for ln in info.splitlines() if ln.startswith("Pages:")))
    assert 12 <= pages <= 40, pages
    assert "A4" in info
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    titles = [t(f"section.{n}", "en") for n in REPORT_ORDER]
    assert all(title in text for title in titles), [x for x in titles if x not in text]
    first = text.split("\f")[0]
    assert titles[0] in first and titles[1] not in first  # the summary page comes first
    assert "1 / " in first  # page numbers


def test_pdf_without_chromium_says_so(
    demo_run: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No Chromium: exit 2 and a sentence on what to install, no traceback."""
    monkeypatch.setenv(pdf.CHROMIUM_ENV, "no-such-browser-here")
    assert cli.main(["pdf", str(demo_run / "report.html")]) == cli.EXIT_INPUT
    err = capsys.readouterr().err
    assert "Chromium" in err and "apt-get install chromium" in err
    assert cli.parser().parse_args(["run", "client.yaml", "--pdf"]).pdf
