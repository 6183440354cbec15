"""The Audit: validated client parameters, loaded canonical tables and their data-quality record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pandas as pd

from salesaudit.core.quality import DataQuality
from salesaudit.inputs import client as cfgmod
from salesaudit.inputs.cache import (
    Inputs,
    apply,
    cached_inputs,
    is_entry,
    read_entry,
    read_inputs,
)
from salesaudit.inputs.client import ClientConfig

T = TypeVar("T")


@dataclass
class Audit:
    """Everything a step needs: the client file, the canonical tables and data quality."""

    config: ClientConfig
    tables: dict[str, pd.DataFrame]
    quality: DataQuality
    as_of: pd.Timestamp
    client_file: Path | None = None
    as_of_source: str = "client"  # "client", the "table.column" of the latest fact, or "today"
    _memo: dict[tuple[object, ...], object] = field(default_factory=dict, repr=False)

    def memo(self, key: tuple[object, ...], compute: Callable[[], T]) -> T:
        """Compute a derived result once per audit (tables and config do not change after loading)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]

    @property
    def lang(self) -> str:
        """The report language."""
        return self.config.language

    def table(self, name: str) -> pd.DataFrame | None:
        """A canonical table, or None when the client has none."""
        df = self.tables.get(name)
        return None if df is None or df.empty else df

    @property
    def stage_keys(self) -> list[str]:
        """The funnel stages the client maps, in order."""
        return [s.key for s in self.config.funnel.stages]


def load_config(client_file: str | Path, language: str | None = None) -> ClientConfig:
    """The client file validated, in `language` when given (cheap: no data file is read)."""
    cfg = cfgmod.load(Path(client_file))
    if language:
        cfg.language = language  # type: ignore[assignment]
    return cfg


def open_audit(
    client_file: str | Path, language: str | None = None, cache: str | Path | None = None
) -> Audit:
    """Load the client file and its data into an Audit (raises InputError on bad input).

    `cache` None reads every data file. A cache entry folder (what the runner hands notebooks)
    is loaded as it is; any other folder is a cache root: the entry of this content is loaded
    from it, or the data files are read once and the entry written.
    """
    path = Path(client_file)
    cfg = load_config(path, language)
    if cache is None:
        inputs = read_inputs(cfg)
    elif is_entry(Path(cache)):
        try:
            inputs = read_entry(Path(cache))
            apply(cfg, inputs)
        except Exception:  # noqa: BLE001 - a damaged entry: rebuilt under its root
            inputs, _, _ = cached_inputs(cfg, Path(cache).parent)
    else:
        inputs, _, _ = cached_inputs(cfg, Path(cache))
    return audit_of(cfg, inputs, path)


def audit_of(cfg: ClientConfig, inputs: Inputs, client_file: Path | None = None) -> Audit:
    """An Audit of a client config and the inputs read (or cached) for it."""
    return Audit(
        config=cfg,
        tables=inputs.tables,
        quality=inputs.quality,
        as_of=inputs.as_of,
        client_file=client_file,
        as_of_source=inputs.as_of_source,
    )
