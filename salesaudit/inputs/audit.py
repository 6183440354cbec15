"""The Audit: validated client parameters, loaded canonical tables and their data-quality record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pandas as pd

from salesaudit.core.quality import DataQuality
from salesaudit.inputs import client as cfgmod
from salesaudit.inputs.client import ClientConfig
from salesaudit.inputs.ingest import load_tables

T = TypeVar("T")


@dataclass
class Audit:
    """Everything a step needs: the client file, the canonical tables and data quality."""

    config: ClientConfig
    tables: dict[str, pd.DataFrame]
    quality: DataQuality
    as_of: pd.Timestamp
    client_file: Path | None = None
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


def open_audit(client_file: str | Path, language: str | None = None) -> Audit:
    """Load the client file and every data file into an Audit (raises InputError on bad input)."""
    path = Path(client_file)
    cfg = cfgmod.load(path)
    if language:
        cfg.language = language  # type: ignore[assignment]
    tables, quality = load_tables(cfg)
    as_of = pd.Timestamp(cfg.as_of) if cfg.as_of else _latest_date(tables)
    return Audit(config=cfg, tables=tables, quality=quality, as_of=as_of, client_file=path)


def _latest_date(tables: dict[str, pd.DataFrame]) -> pd.Timestamp:
    """The latest date found in the data (the default audit date)."""
    latest: list[pd.Timestamp] = []
    for name, col in [
        ("deals", "created_at"),
        ("deals", "closed_at"),
        ("sales", "date"),
        ("stage_history", "entered_at"),
        ("activities", "date"),
    ]:
        df = tables.get(name)
        if df is not None and col in df and df[col].notna().any():
            latest.append(pd.Timestamp(df[col].max()))
    return max(latest).normalize() if latest else pd.Timestamp(dt.date.today())
