"""Reading client files into the canonical tables (their columns: docs/client-file.md), with a data-quality record.

Public API: `load_tables(cfg)`, `load_table(name, spec, cfg)`, the summaries
`quality_summary(dq, lang)`, `quality_text(dq, lang)`, `rejected_rows(dq)`, and the
process-level count of data files parsed: `files_read()`, `reset_reads()`.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from salesaudit.core.names import TABLES
from salesaudit.core.quality import DataQuality, Note, TableQuality
from salesaudit.core.schema import OPTIONAL, REQUIRED
from salesaudit.i18n.notes import render
from salesaudit.inputs.client import ClientConfig, FunnelConfig, TableSpec
from salesaudit.inputs.ingest.checks import check_tables
from salesaudit.inputs.ingest.load import Loaded, load_raw
from salesaudit.inputs.ingest.quality import quality_summary, quality_text, rejected_rows
from salesaudit.inputs.ingest.read import READ_LOG_ENV, files_read, reset_reads
from salesaudit.inputs.presets import load_preset

__all__ = [
    "OPTIONAL",
    "READ_LOG_ENV",
    "REQUIRED",
    "files_read",
    "load_table",
    "load_tables",
    "quality_summary",
    "quality_text",
    "rejected_rows",
    "reset_reads",
]


def _preset_of(spec: TableSpec, cfg: ClientConfig) -> dict[str, Any] | None:
    """The preset a table names, loaded (None when it names none)."""
    if not spec.preset:
        return None
    return load_preset(spec.preset, base_dir=cfg.base_dir)


def load_table(name: str, spec: TableSpec, cfg: ClientConfig) -> tuple[pd.DataFrame, TableQuality]:
    """Load one table through its column mapping into canonical, typed columns.

    Stage names are left as in the file; `load_tables` maps them and runs the cross-table checks.
    """
    ld = load_raw(name, spec, cfg, _preset_of(spec, cfg))
    return ld.df, ld.q


def load_tables(cfg: ClientConfig) -> tuple[dict[str, pd.DataFrame], DataQuality]:
    """Load every table the client file names; return canonical tables and data quality.

    Raises `InputError` for what makes the data unusable; the rest is recorded in the
    returned `DataQuality` (warnings, choices, rejected rows, assumptions). When the client
    file has no `funnel:` and the deals table uses a preset, the preset's funnel is set on
    `cfg.funnel`.
    """
    dq = DataQuality()
    loaded: dict[str, Loaded] = {}
    preset = None
    for name in TABLES:
        spec = getattr(cfg.data, name)
        if spec is None:
            continue
        p = _preset_of(spec, cfg)
        if p is not None and (preset is None or name == "deals"):
            preset = p
        loaded[name] = load_raw(name, spec, cfg, p)
    funnel_from_preset = False
    if preset and "funnel" in preset and "funnel" not in cfg.model_fields_set:
        cfg.funnel = FunnelConfig.model_validate(preset["funnel"])
        funnel_from_preset = True
        note = Note(
            "funnel.preset", {"preset": preset.get("title", preset.get("name", ""))}, "assumption"
        )
        dq.notes.append(note)
        dq.assume("funnel", render(note, "en"), "source.preset", "medium", note)
    check_tables(loaded, cfg, dq, preset, funnel_from_preset)
    tables: dict[str, pd.DataFrame] = {}
    for name, ld in loaded.items():
        tables[name] = ld.df
        dq.tables[name] = ld.q
        for n in ld.q.notes:
            if n.level == "assumption":
                key = f"{n.code}:{name}:{n.params.get('column', '')}"
                value = f"{ld.q.file}: {render(n, 'en')}"
                dq.assume(key, value, "source.data", "low", n, ld.q.file)
        if name == "plan" and "period" in ld.df:
            ld.df["period"] = (
                ld.df["period"].dt.to_period("M").dt.to_timestamp().astype("datetime64[ns]")
            )
    return tables, dq
