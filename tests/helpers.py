"""Test helpers shared by modules (conftest holds the fixtures)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the salesaudit CLI in a subprocess, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "salesaudit", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )
