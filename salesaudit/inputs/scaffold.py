"""`salesaudit new`: a commented client.yaml (optionally from a CRM preset) and an empty data folder."""

from __future__ import annotations

from pathlib import Path

from salesaudit.core.errors import InputError
from salesaudit.inputs import presets


def new_client(folder: Path, name: str, preset: str | None = None) -> Path:
    """Create folder/client.yaml and folder/data/; never overwrite an existing client file."""
    path = folder / "client.yaml"
    if path.exists():
        raise InputError(
            "already exists; not overwritten.",
            file=str(path),
            hint="Choose another name or edit the existing file.",
        )
    text = presets.client_yaml(name, preset)
    (folder / "data").mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
