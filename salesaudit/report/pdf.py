"""report.pdf: the HTML report printed to A4 by headless Chromium, when Chromium is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from salesaudit.core.errors import InputError, SalesauditError

CHROMIUM_ENV = "SALESAUDIT_CHROMIUM"  # a browser binary to use instead of the one on PATH
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT_S = 180


class PdfFailed(SalesauditError):
    """Chromium ran but wrote no PDF."""


def find_chromium() -> str | None:
    """The Chromium (or Chrome) binary: $SALESAUDIT_CHROMIUM, else the first on PATH."""
    named = os.environ.get(CHROMIUM_ENV)
    if named:
        return shutil.which(named)
    return next((found for n in CHROMIUM_NAMES if (found := shutil.which(n))), None)


def _command(browser: str, report: Path, pdf: Path, profile: Path) -> list[str]:
    """The headless print command: A4 from the report's own @page rules, no browser header."""
    cmd = [
        browser,
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        f"--user-data-dir={profile}",
        "--window-size=1280,900",
        "--no-pdf-header-footer",
        "--virtual-time-budget=30000",  # let every chart draw before printing
        f"--print-to-pdf={pdf}",
        report.resolve().as_uri(),
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.insert(1, "--no-sandbox")  # Chromium refuses to start as root otherwise
    return cmd


def report_path(path: str | Path) -> Path:
    """report.html itself, or the one inside an output folder; InputError when there is none."""
    p = Path(path)
    if p.is_dir():
        p = p / "report.html"
    if not p.is_file():
        raise InputError("no report found.", file=str(p), hint="Pass out/<client>/report.html.")
    return p


def write_pdf(report: str | Path, pdf: str | Path | None = None) -> Path:
    """Print report.html to report.pdf beside it (or to `pdf`); InputError without Chromium."""
    src = report_path(report)
    out = Path(pdf) if pdf else src.with_suffix(".pdf")
    browser = find_chromium()
    if browser is None:
        raise InputError(
            "report.pdf needs Chromium, which is not installed.",
            file=str(out),
            hint="Install it (Debian/Ubuntu: apt-get install chromium; or set "
            f"{CHROMIUM_ENV} to a Chrome binary), or open report.html in a browser and "
            "print it to PDF (A4).",
        )
    with tempfile.TemporaryDirectory(prefix="salesaudit-pdf-") as tmp:
        part = Path(tmp) / "report.pdf"
        cmd = _command(browser, src, part, Path(tmp) / "profile")
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise PdfFailed(f"Chromium did not finish printing in {TIMEOUT_S} s.") from None
        if not part.is_file() or part.read_bytes()[:5] != b"%PDF-":
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            raise PdfFailed(f"Chromium wrote no PDF (exit {done.returncode}): {last}")
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(part), out)
    return out
