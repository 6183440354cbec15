"""Stage history as CRMs export it: event rows filtered to stage changes (long form), and
"Date entered <stage>" columns of a deals export turned into (deal_id, stage, entered_at) rows
(wide form, HubSpot)."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from salesaudit.core.quality import Note
from salesaudit.inputs.ingest import parse
from salesaudit.inputs.ingest.detect import norm
from salesaudit.inputs.ingest.read import RawTable


def event_filter(
    raw: RawTable, headers: list[str], flt: dict[str, Any] | None
) -> tuple[np.ndarray, Note | None]:
    """Rows to leave out because the preset's event column names another event (all False
    when the file has no such column), and an info note saying how many."""
    skip = np.zeros(raw.n, dtype=bool)
    if not flt:
        return skip, None
    wanted = {norm(c) for c in flt["column"]}
    idx = next((i for i, h in enumerate(headers) if h and norm(h) in wanted), None)
    if idx is None:
        return skip, None
    col = raw.columns[idx]
    values = parse.parse_text(col).values.to_pylist()
    keep = {norm(v) for v in flt["values"]}
    skip = np.array([v is not None and norm(v) not in keep for v in values], dtype=bool)
    skip |= np.array([v is None for v in values], dtype=bool)
    if not skip.any():
        return skip, None
    note = Note(
        "history.filtered",
        {"count": int(skip.sum()), "column": col.header, "names": ", ".join(flt["values"][:2])},
        "info",
    )
    return skip, note


def wide_columns(headers: list[str], patterns: list[str]) -> dict[int, str]:
    """Column index -> CRM stage name, for every header a wide-history pattern matches."""
    out: dict[int, str] = {}
    rxs = [re.compile(p, re.IGNORECASE) for p in patterns]
    for i, h in enumerate(headers):
        if not h:
            continue
        for rx in rxs:
            m = rx.fullmatch(h.strip())
            if m and m.group("stage").strip():
                out[i] = m.group("stage").strip().strip("'\"“”«»")
                break
    return out


def wide_frame(
    deal_ids: pa.Array, stages: dict[int, str], dates: dict[int, np.ndarray], rows: np.ndarray
) -> tuple[pd.DataFrame, np.ndarray]:
    """Long (deal_id, stage, entered_at) rows of the non-empty wide cells, and their Excel rows."""
    ids = np.asarray(deal_ids.to_pylist(), dtype=object)
    parts, row_parts = [], []
    for i, stage in stages.items():
        d = dates[i]
        hit = ~np.isnat(d) & pc.is_valid(deal_ids).to_numpy(zero_copy_only=False)
        if not hit.any():
            continue
        parts.append(pd.DataFrame({"deal_id": ids[hit], "stage": stage, "entered_at": d[hit]}))
        row_parts.append(rows[hit])
    if not parts:
        empty = pd.DataFrame({"deal_id": [], "stage": [], "entered_at": []})
        empty["entered_at"] = empty["entered_at"].astype("datetime64[ns]")
        return empty, np.zeros(0, dtype=np.int64)
    df = pd.concat(parts, ignore_index=True)
    order = np.argsort(np.concatenate(row_parts), kind="stable")
    df = df.iloc[order].reset_index(drop=True)
    df["deal_id"] = df["deal_id"].astype(str)
    df["stage"] = df["stage"].astype(str)
    df["entered_at"] = df["entered_at"].astype("datetime64[ns]")
    return df, np.concatenate(row_parts)[order]
