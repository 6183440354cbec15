"""tables.xlsx is a workbook a consultant reuses: typed, formatted, labelled, filterable."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from salesaudit.i18n import t
from salesaudit.inputs.audit import open_audit
from salesaudit.report import workbook

SNAKE = re.compile(r"^[a-z0-9]+([_.][a-z0-9]+)+$")


@pytest.fixture(scope="module", params=["en", "ru"])
def book(request: pytest.FixtureRequest, demo_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """The demo's workbook in each language."""
    lang = request.param
    audit = open_audit(demo_dir / "client.yaml", language=lang)
    path = tmp_path_factory.mktemp(f"xlsx-{lang}") / "tables.xlsx"
    workbook.write_xlsx(workbook.key_tables(audit), path)
    return lang, load_workbook(path)


def test_every_numeric_cell_is_a_formatted_number(book) -> None:
    _, wb = book
    bad = []
    for ws in wb.worksheets:
        for row in ws.iter_rows(min_row=2):
            for c in row:
                if isinstance(c.value, bool) or c.value is None:
                    continue
                if isinstance(c.value, int | float | dt.datetime) and c.number_format == "General":
                    bad.append((ws.title, c.coordinate, c.value))
                if isinstance(c.value, str) and re.fullmatch(r"-?[\d\s\u00a0,.]+%?", c.value):
                    bad.append((ws.title, c.coordinate, c.value))  # a number stored as text
    assert not bad, bad[:10]


def test_headers_are_words_in_the_report_language(book) -> None:
    lang, wb = book
    for ws in wb.worksheets:
        heads = [c.value for c in ws[1] if c.value is not None]
        assert heads, ws.title
        assert not [h for h in heads if SNAKE.match(str(h)) or "_" in str(h)], (ws.title, heads)
        if lang == "ru":
            assert not [h for h in heads if re.fullmatch(r"[A-Za-z ()]+", str(h)) and len(h) > 3]


def test_every_sheet_has_a_filter_and_a_frozen_header(book) -> None:
    _, wb = book
    for ws in wb.worksheets:
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), ws.title
        assert ws.freeze_panes == "A2", ws.title


def test_readme_lists_every_sheet(book) -> None:
    lang, wb = book
    assert all(len(n) <= 31 for n in wb.sheetnames)
    readme = wb.worksheets[0]
    assert readme.title == t("xlsx.sheet.readme", lang)
    listed = {r[0].value for r in readme.iter_rows(min_row=2) if r[0].value}
    assert set(wb.sheetnames[1:]) <= listed


def test_months_are_dates_and_cuts_are_long(book) -> None:
    lang, wb = book
    fc = wb[t("xlsx.sheet.forecast", lang)]
    assert isinstance(fc["A2"].value, dt.datetime) and "yyyy" in fc["A2"].number_format
    assert isinstance(fc["C2"].value, float) and "RUB" in fc["C2"].number_format
    assert max(ws.max_column for ws in wb.worksheets) <= 20
    funnel = wb[t("xlsx.sheet.funnel", lang)]
    assert funnel["B2"].value == 2945 and funnel["B2"].number_format == "#,##0"
    assert funnel["F2"].number_format.endswith("%")
