"""The technology catalogue (docs/methodology.md §2), shipped as package data with en and ru labels."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def catalogue() -> dict[str, dict[str, Any]]:
    """The technology catalogue: key -> group, labels, the sales types it applies to."""
    text = (
        resources.files("salesaudit.inputs")
        .joinpath("catalogue/technologies.yaml")
        .read_text("utf-8")
    )
    return dict(yaml.safe_load(text))


def technology_keys() -> list[str]:
    """The technology keys client.yaml may rate."""
    return list(catalogue())
