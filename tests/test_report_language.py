"""A Russian report holds no English of ours: labels, sources, impact levels and keys are translated;
only the client's own values (names, products, file names) appear as written."""

from __future__ import annotations

import html
import re
from pathlib import Path

# Strings our code used to leak into Russian reports (each seen in a real report before).
LEAKS = (
    "METHODOLOGY",
    "DESIGN",
    "medium",
    "stated default",
    "inbound_call",
    "cold_call",
    "deals, stage_history",
    "lost deal(s)",
    "data (see data quality)",
)


def _text(report: Path) -> str:
    """The visible text of a report (scripts and styles dropped)."""
    s = report.read_text("utf-8")
    s = re.sub(r"<(script|style)\b.*?</\1>", " ", s, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "\n", s))


def test_russian_report_has_no_english_of_ours(hostile_run: Path) -> None:
    text = _text(hostile_run / "report.html")
    assert "Допущения" in text or "допущени" in text.lower()  # the assumptions log is there
    found = [leak for leak in LEAKS if leak in text]
    assert found == []
    assert "Методика, §4.5" in text  # the methodology is cited in the report's language
