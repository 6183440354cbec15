"""Test helpers shared by modules (conftest holds the fixtures)."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from salesaudit.report.pdf import find_chromium

CHROMIUM = find_chromium()  # $SALESAUDIT_CHROMIUM, else chromium on PATH


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the salesaudit CLI in a subprocess, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "salesaudit", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


@contextlib.contextmanager
def offline_page(seen: dict[str, Any]) -> Iterator[Any]:
    """A headless Chromium page (1300 × 900) that may load file: URLs only; what it tried to
    fetch goes to seen["requests"], console and page errors to seen["errors"]."""
    from playwright.sync_api import sync_playwright

    seen.setdefault("errors", [])
    seen.setdefault("requests", [])
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1300, "height": 900})

        def route(r: Any) -> None:
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                seen["requests"].append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: seen["errors"].append(str(e)))
        try:
            yield page
        finally:
            browser.close()
