"""The inputs cache: validated tables, data quality and `as_of`, computed once per content.

An entry is a folder `<root>/<key>/` holding one parquet file per table and `inputs.pkl` (the
`DataQuality` record, `as_of`, the funnel a preset supplied). The key is the sha256 of every
data file's bytes, every preset file used, the `data:`, `funnel:` and `as_of` parts of
client.yaml and the salesaudit version; the questionnaire answers (model, technologies,
structure, ...) are not in it, so a changed answer re-uses the entry. Entries are written to a
temporary folder and renamed into place; an entry that cannot be read is deleted and rebuilt.
Nothing is ever written next to the client's files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import pickle
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from salesaudit import __version__
from salesaudit.core.names import TABLES
from salesaudit.core.quality import DataQuality
from salesaudit.inputs.client import ClientConfig, FunnelConfig
from salesaudit.inputs.facts import latest_fact
from salesaudit.inputs.ingest import load_tables
from salesaudit.inputs.presets import preset_text

CACHE_DIRNAME = ".salesaudit-cache"
ENV_CACHE = "SALESAUDIT_CACHE"  # overrides the default root (notebooks opened on their own)
META = "inputs.pkl"
FORMAT = 2  # bump when the entry layout changes
KEEP = 16  # entries kept per root, most recently used first


@dataclass(frozen=True)
class Inputs:
    """What reading the data files produced: the tables, their quality record and the audit date."""

    tables: dict[str, pd.DataFrame]
    quality: DataQuality
    as_of: pd.Timestamp
    funnel: dict[str, Any] | None = None  # the funnel a preset supplied (client.yaml has none)
    as_of_source: str = (
        "client"  # "client" (client.yaml), "table.column" of the latest fact, "today"
    )


def default_root() -> Path:
    """Where a notebook opened on its own keeps entries: $SALESAUDIT_CACHE or the user cache."""
    env = os.environ.get(ENV_CACHE)
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "salesaudit" / "inputs"


def root_for(out_dir: Path) -> Path:
    """The cache root of a run: `.salesaudit-cache/` beside the output folder."""
    return Path(out_dir).resolve().parent / CACHE_DIRNAME


def _file_digest(path: Path) -> str:
    """sha256 of a file's bytes ('missing' when there is no such file: reading will say so)."""
    if not path.is_file():
        return "missing"
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@cache
def _reader_code_digest() -> str:
    """sha256 of the code that turns files into tables (core and inputs): a change re-reads."""
    h = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for folder in ("core", "inputs"):
        for src in sorted((package / folder).rglob("*.py")):
            h.update(src.relative_to(package).as_posix().encode())
            h.update(src.read_bytes())
    return h.hexdigest()


def inputs_key(cfg: ClientConfig) -> str:
    """The content key of what the data files turn into (not the questionnaire answers)."""
    parts: dict[str, Any] = {
        "format": FORMAT,
        "version": __version__,
        "code": _reader_code_digest(),
        "data": cfg.data.model_dump(mode="json"),
        "funnel": cfg.funnel.model_dump(mode="json") if "funnel" in cfg.model_fields_set else None,
        "as_of": str(cfg.as_of) if cfg.as_of else None,
        "today": None
        if cfg.as_of
        else str(dt.date.today()),  # the default as_of is capped at today
        "files": {},
        "presets": {},
    }
    for name in TABLES:
        spec = getattr(cfg.data, name)
        if spec is None:
            continue
        parts["files"][name] = _file_digest(cfg.resolve(spec.path))
        if spec.preset and spec.preset not in parts["presets"]:
            text, _ = preset_text(spec.preset, cfg.base_dir)
            parts["presets"][spec.preset] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def read_inputs(cfg: ClientConfig) -> Inputs:
    """Read and validate every data file (sets a preset's funnel on cfg, as `load_tables` does)."""
    given = "funnel" in cfg.model_fields_set
    tables, quality = load_tables(cfg)
    if cfg.as_of:
        as_of, source = pd.Timestamp(cfg.as_of), "client"
    else:
        as_of, source = latest_fact(tables)
    funnel = None if given or "funnel" not in cfg.model_fields_set else cfg.funnel.model_dump()
    return Inputs(tables, quality, as_of, funnel, source)


def apply(cfg: ClientConfig, inputs: Inputs) -> None:
    """Put what reading changed in the client config back on a freshly read one."""
    if inputs.funnel is not None and "funnel" not in cfg.model_fields_set:
        cfg.funnel = FunnelConfig.model_validate(inputs.funnel)


def is_entry(folder: Path) -> bool:
    """Whether a folder looks like a cache entry (it has the metadata file)."""
    return (Path(folder) / META).is_file()


def read_entry(folder: Path) -> Inputs:
    """Load a cache entry; raises (any exception) when it is missing, partial or corrupt."""
    folder = Path(folder)
    with (folder / META).open("rb") as fh:
        meta = pickle.load(fh)
    if meta.get("format") != FORMAT or meta.get("version") != __version__:
        raise ValueError("cache entry of another salesaudit version")
    tables: dict[str, pd.DataFrame] = {}
    for name, kind in meta["tables"].items():
        path = folder / f"{name}.{kind}"
        tables[name] = pd.read_parquet(path) if kind == "parquet" else pd.read_pickle(path)
    return Inputs(
        tables,
        meta["quality"],
        meta["as_of"],
        meta.get("funnel"),
        meta.get("as_of_source", "client"),
    )


def _write_table(df: pd.DataFrame, folder: Path, name: str) -> str:
    """Write one table as parquet (pickle when parquet cannot hold it); return the kind."""
    try:
        df.to_parquet(folder / f"{name}.parquet", engine="pyarrow")
        back = pd.read_parquet(folder / f"{name}.parquet")
        pd.testing.assert_frame_equal(back, df)
        return "parquet"
    except Exception:  # noqa: BLE001 - a column parquet cannot round-trip exactly
        (folder / f"{name}.parquet").unlink(missing_ok=True)
        df.to_pickle(folder / f"{name}.pkl")
        return "pkl"


def write_entry(folder: Path, inputs: Inputs) -> None:
    """Write an entry atomically: into a temporary sibling folder, then renamed into place."""
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name[:12]}-", dir=folder.parent))
    try:
        kinds = {name: _write_table(df, tmp, name) for name, df in inputs.tables.items()}
        meta = {
            "format": FORMAT,
            "version": __version__,
            "tables": kinds,
            "quality": inputs.quality,
            "as_of": inputs.as_of,
            "funnel": inputs.funnel,
            "as_of_source": inputs.as_of_source,
        }
        with (tmp / META).open("wb") as fh:
            pickle.dump(meta, fh, protocol=pickle.HIGHEST_PROTOCOL)
        shutil.rmtree(folder, ignore_errors=True)  # a corrupt entry of the same key
        os.rename(tmp, folder)
    except OSError:
        if not is_entry(folder):  # another process may have won the race: theirs is as good
            raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def cached_inputs(cfg: ClientConfig, root: Path) -> tuple[Inputs, Path, bool]:
    """The inputs of a client through the cache under root: (inputs, entry folder, hit)."""
    entry = Path(root) / inputs_key(cfg)
    if is_entry(entry):
        try:
            inputs = read_entry(entry)
            apply(cfg, inputs)
            os.utime(entry)
            return inputs, entry, True
        except Exception:  # noqa: BLE001 - a partial or corrupt entry is rebuilt
            shutil.rmtree(entry, ignore_errors=True)
    inputs = read_inputs(cfg)
    write_entry(entry, inputs)
    prune(Path(root))
    return inputs, entry, False


def prune(root: Path, keep: int = KEEP) -> None:
    """Delete all but the `keep` most recently used entries under root."""
    entries = [p for p in root.iterdir() if is_entry(p)]
    entries.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[keep:]:
        shutil.rmtree(old, ignore_errors=True)
