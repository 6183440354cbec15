"""Checks across tables, run after every table is read: stage names, loss stages, managers."""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from salesaudit.core.errors import InputError
from salesaudit.core.quality import DataQuality, Note
from salesaudit.i18n.notes import MAX_LISTED, render
from salesaudit.inputs import channels, facts
from salesaudit.inputs.client import ClientConfig
from salesaudit.inputs.ingest.detect import norm
from salesaudit.inputs.ingest.load import Loaded, _map_values, add_note, fatal_rows, rows_param

STAGE_COLUMNS = {"deals": ("stage", "lost_stage"), "stage_history": ("stage", "from_stage")}
AS_OF_SLACK = pd.Timedelta(days=31)  # an as_of further than this after the latest fact is warned of


def stage_conflicts(cfg: ClientConfig) -> None:
    """A CRM stage name under two funnel keys, or under a key and `lost`, is an InputError naming both."""
    places: dict[str, tuple[str, str]] = {}
    named = [
        (f"funnel.stages[{i}] ({s.key})", c) for i, s in enumerate(cfg.funnel.stages) for c in s.crm
    ]
    named += [("funnel.lost", c) for c in cfg.funnel.lost]
    for place, name in named:
        first = places.setdefault(norm(name), (place, name))
        if first[0] != place:
            raise InputError(
                f"the CRM stage name '{name}' is under {first[0]} and under {place}; "
                "a deal at that stage cannot be both.",
                file=str(cfg.base_dir / "client.yaml") if cfg.base_dir else None,
                hint="Keep the name under the one stage it means and delete it from the other.",
            )


def stage_lookup(
    cfg: ClientConfig, preset: dict[str, Any] | None, funnel_from_preset: bool
) -> dict[str, str]:
    """Normalised CRM stage name -> canonical key ('lost' for lost names).

    The client's own names win; a preset's default names fill in for the stages the client's
    funnel has; canonical keys always stand for themselves.
    """
    stage_conflicts(cfg)
    lookup: dict[str, str] = {}
    keys = {s.key for s in cfg.funnel.stages}
    if preset and "funnel" in preset and not funnel_from_preset:
        for st in preset["funnel"]["stages"]:
            if st["key"] in keys:
                lookup.update({norm(c): st["key"] for c in st["crm"]})
        lookup.update({norm(c): "lost" for c in preset["funnel"].get("lost", [])})
    for s in cfg.funnel.stages:
        lookup.update({norm(c): s.key for c in s.crm})
    lookup.update({norm(c): "lost" for c in cfg.funnel.lost})
    for k in keys | {"lost"}:
        lookup.setdefault(k, k)
    return lookup


def map_stages(loaded: dict[str, Loaded], cfg: ClientConfig, lookup: dict[str, str]) -> None:
    """Replace CRM stage names by canonical keys; every unknown name, in any table, is fatal."""
    unknown: list[tuple[str, str, str, int, np.ndarray]] = []  # name, file, header, count, rows
    for table, columns in STAGE_COLUMNS.items():
        ld = loaded.get(table)
        if ld is None:
            continue
        for col in columns:
            if col not in ld.df:
                continue
            mapped, names, mask = _map_values(ld.df[col], lookup)
            if names:
                codes, uniques = pd.factorize(ld.df[col])
                for name in names:
                    hit = codes == list(uniques).index(name)
                    unknown.append((name, ld.q.file, ld.headers[col], int(hit.sum()), ld.rows[hit]))
            if col == "lost_stage":
                mapped = mapped.where(mapped != "lost")
            ld.df[col] = pa.array(mapped, pa.string(), from_pandas=True).to_pandas()
    if unknown:
        known = sorted({n for s in cfg.funnel.stages for n in s.crm} | set(cfg.funnel.lost))
        folded = {n.casefold(): n for n in known}
        parts = []
        one_place = len({(u[1], u[2]) for u in unknown}) == 1
        for name, file, header, count, rows in unknown:
            close = difflib.get_close_matches(name.casefold(), list(folded), 1, 0.4)
            where = "" if one_place else f"{file}, column '{header}', "
            parts.append(
                f"'{name}' ({where}{count} row(s): {fatal_rows(rows)}; "
                + (
                    f"closest mapped name: '{folded[close[0]]}')"
                    if close
                    else "no similar mapped name)"
                )
            )
        raise InputError(
            f"{len(unknown)} CRM stage name(s) in the data are in no funnel mapping: "
            + "; ".join(parts)
            + ".",
            file=unknown[0][1],
            column=unknown[0][2],
            hint="Add each name to the stage it means under funnel.stages[].crm, or to funnel.lost, in client.yaml.",
        )


def apply_status(ld: Loaded) -> None:
    """A won/lost status column (Pipedrive) sets stage to contract/lost; the stage becomes lost_stage."""
    if "status" not in ld.extra:
        return
    values, header, scfg = ld.extra["status"]
    status = pc.utf8_lower(values).to_numpy(zero_copy_only=False)
    won = np.isin(status, [v.casefold() for v in scfg["won"]])
    lost = np.isin(status, [v.casefold() for v in scfg["lost"]])
    df = ld.df
    stage = df["stage"].astype(object).to_numpy()
    lost_stage = (
        df["lost_stage"].astype(object).to_numpy()
        if "lost_stage" in df
        else np.full(len(df), None, dtype=object)
    )
    lost_stage = np.where(
        lost & pd.isna(lost_stage) & (stage != "lost") & (stage != "contract"), stage, lost_stage
    )
    stage = np.where(won, "contract", np.where(lost, "lost", stage))
    df["stage"] = pa.array(stage, pa.string(), from_pandas=True).to_pandas()
    df["lost_stage"] = pa.array(lost_stage, pa.string(), from_pandas=True).to_pandas()
    add_note(
        ld.q, Note("status.mapped", {"count": int((won | lost).sum()), "column": header}, "info")
    )


def wide_history(loaded: dict[str, Loaded]) -> None:
    """Stage history read from the deals file's 'Date entered <stage>' columns becomes (or joins)
    the stage_history table."""
    deals = loaded.get("deals")
    wide = deals.extra.pop("history_wide", None) if deals is not None else None
    if wide is None:
        return
    hist = loaded.get("stage_history")
    if hist is None:
        loaded["stage_history"] = wide
        return
    hist.df = pd.concat([hist.df, wide.df], ignore_index=True)
    hist.rows = np.concatenate([hist.rows, wide.rows])
    hist.q.rows_read += wide.q.rows_read
    for note in wide.q.notes:
        add_note(hist.q, note)


def closes_from_expected(ld: Loaded) -> None:
    """Bitrix24 has one close-date column, «Предполагаемая дата закрытия»: on a closed deal
    without another close date it is the close."""
    spec = ((ld.preset or {}).get("tables", {}).get("deals")) or {}
    df = ld.df
    if not spec.get("closed_from_expected") or "expected_close_at" not in df:
        return
    if "closed_at" not in df:
        df["closed_at"] = pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns]")
    use = (
        df["stage"].isin(["contract", "lost"])
        & df["closed_at"].isna()
        & df["expected_close_at"].notna()
    )
    if not use.any():
        return
    df.loc[use, "closed_at"] = df.loc[use, "expected_close_at"]
    df.loc[use, "expected_close_at"] = pd.NaT
    column = ld.headers.get("expected_close_at", "expected_close_at")
    add_note(ld.q, Note("close.from_expected", {"count": int(use.sum()), "column": column}, "info"))


def channels_known(loaded: dict[str, Loaded], cfg: ClientConfig) -> None:
    """Channel values that no mapping calls inbound or outbound: listed with the question."""
    deals = loaded.get("deals")
    if deals is None or "channel" not in deals.df:
        return
    s = deals.df["channel"]
    codes, uniques = pd.factorize(s)
    unknown = set(channels.unknown_channels(cfg, list(uniques), deals.preset))
    if not unknown:
        return
    names = [str(u) for u in uniques if str(u) in unknown]
    bad = np.array([str(u) in unknown for u in uniques] + [False])[codes]
    params = {
        "column": deals.headers.get("channel", "channel"),
        "count": len(names),
        "names": ", ".join(f"'{n}'" for n in names[:MAX_LISTED])
        + (f" (+{len(names) - MAX_LISTED})" if len(names) > MAX_LISTED else ""),
        **rows_param(deals.rows[bad]),
    }
    add_note(deals.q, Note("channel.unknown", params))


def planned_closes(ld: Loaded) -> None:
    """On open deals `closed_at` is a planned date (Bitrix24, HubSpot, Salesforce): keep it as
    `expected_close_at`, never as a close."""
    closes_from_expected(ld)
    df = ld.df
    if "closed_at" not in df:
        return
    is_open = ~df["stage"].isin(["contract", "lost"]) & df["closed_at"].notna()
    if not is_open.any():
        return
    planned = df["closed_at"].where(is_open)
    if "expected_close_at" in df:
        planned = df["expected_close_at"].fillna(planned)
    df["expected_close_at"] = planned
    df.loc[is_open, "closed_at"] = pd.NaT
    add_note(
        ld.q,
        Note(
            "close.planned",
            {"count": int(is_open.sum()), "column": ld.headers.get("closed_at", "closed_at")},
            "info",
        ),
    )


def lost_without_stage(loaded: dict[str, Loaded], cfg: ClientConfig) -> None:
    """Lost deals whose loss stage is known neither from lost_stage nor from stage history."""
    deals = loaded.get("deals")
    if deals is None:
        return
    hist = loaded.get("stage_history")
    keys: list[str] = [s.key for s in cfg.funnel.stages]
    missing = facts.lost_without_stage(deals.df, hist.df if hist is not None else None, keys)
    missing = missing.to_numpy()
    if missing.any():
        n = int(missing.sum())
        # what this allows (a few: counted at the first stage; many: no stage conversions) is
        # decided by the funnel step, which also logs the assumption when it makes one
        add_note(deals.q, Note("lost.no_stage", {"count": n, **rows_param(deals.rows[missing])}))


def managers_in_team(loaded: dict[str, Loaded]) -> None:
    """Managers named in deals, sales, plan or activities but missing from team; heads too."""
    team = loaded.get("team")
    if team is None:
        return
    names = {norm(m) for m in team.df["manager"].dropna().unique()}
    for table in ("deals", "sales", "plan", "activities"):
        ld = loaded.get(table)
        if ld is None or "manager" not in ld.df:
            continue
        s = ld.df["manager"]
        codes, uniques = pd.factorize(s)
        missing_u = np.array([norm(u) not in names for u in uniques] + [False])
        mask = missing_u[codes]
        if mask.any():
            missing_names = [str(u) for u, m in zip(uniques, missing_u[:-1], strict=True) if m]
            add_note(
                ld.q,
                Note(
                    "managers.missing",
                    {
                        "count": len(missing_names),
                        "file2": team.q.file,
                        "names": ", ".join(f"'{n}'" for n in missing_names[:MAX_LISTED])
                        + (
                            f" (+{len(missing_names) - MAX_LISTED})"
                            if len(missing_names) > MAX_LISTED
                            else ""
                        ),
                        **rows_param(ld.rows[mask]),
                    },
                ),
            )
    if "head" in team.df:
        heads = team.df["head"]
        bad = heads.notna() & ~heads.map(lambda v: norm(v) in names if isinstance(v, str) else True)
        if bad.any():
            add_note(
                team.q,
                Note(
                    "heads.missing",
                    {
                        "column": team.headers["head"],
                        "names": ", ".join(f"'{n}'" for n in heads[bad].unique()[:MAX_LISTED]),
                        **rows_param(team.rows[bad.to_numpy()]),
                    },
                ),
            )


def _head_chain(start: str, head_of: dict[str, str]) -> list[str]:
    """The managers met walking up from start through their heads, ending where one repeats."""
    seen: list[str] = []
    cur: str | None = start
    while cur is not None and cur not in seen:
        seen.append(cur)
        cur = head_of.get(cur)
    return [*seen, cur] if cur is not None else []


def team_cycles(loaded: dict[str, Loaded]) -> None:
    """Managers named as their own head, and heads who report to each other: warnings."""
    team = loaded.get("team")
    if team is None or "head" not in team.df:
        return
    df = team.df.dropna(subset=["manager", "head"])
    pairs = [
        (norm(m), norm(h), str(m), int(r))
        for (m, h), r in zip(
            zip(df["manager"], df["head"], strict=True), team.rows[df.index.to_numpy()], strict=True
        )
        if isinstance(h, str) and h.strip()
    ]
    column = team.headers["head"]
    selfs = [(name, row) for m, h, name, row in pairs if m == h]
    if selfs:
        rows = np.array([r for _, r in selfs])
        names = ", ".join(f"'{n}'" for n, _ in selfs[:MAX_LISTED])
        add_note(
            team.q, Note("team.self_head", {"column": column, "names": names, **rows_param(rows)})
        )
    head_of = {m: h for m, h, _, _ in pairs if m != h}
    shown = {norm(n): n for _, _, n, _ in pairs}
    cycles: list[list[str]] = []
    for m in head_of:
        chain = _head_chain(m, head_of)
        if chain and chain[-1] in chain[:-1]:
            loop = chain[chain.index(chain[-1]) : -1]
            if not any(set(loop) == set(c) for c in cycles):
                cycles.append(loop)
    for loop in cycles:
        path = " → ".join(f"'{shown.get(x, x)}'" for x in [*loop, loop[0]])
        add_note(team.q, Note("team.cycle", {"column": column, "path": path}))


def as_of_checks(
    cfg: ClientConfig,
    tables: dict[str, pd.DataFrame],
    dq: DataQuality,
    today: dt.date | None = None,
) -> None:
    """A client `as_of` after today, or more than a month after the latest fact: a warning with the date used."""
    if not cfg.as_of:
        return
    today = today or dt.date.today()
    as_of = pd.Timestamp(cfg.as_of)
    latest, source = facts.latest_fact(tables, today)
    params = {"as_of": cfg.as_of.isoformat(), "latest": latest.date().isoformat(), "source": source}
    note = None
    if cfg.as_of > today:
        note = Note("as_of.future", {**params, "today": today.isoformat()})
    elif source != "today" and as_of - latest > AS_OF_SLACK:
        note = Note("as_of.late", {**params, "days": int((as_of - latest).days)})
    if note is not None:
        dq.notes.append(note)
        dq.warnings.append(render(note, "en"))


def history_deals(loaded: dict[str, Loaded]) -> None:
    """Stage-history rows of deals that are not in the deals table."""
    deals, hist = loaded.get("deals"), loaded.get("stage_history")
    if deals is None or hist is None:
        return
    orphan = ~hist.df["deal_id"].isin(deals.df["deal_id"]).to_numpy()
    if orphan.any():
        rows = hist.rows[orphan]
        value = str(hist.df["deal_id"].to_numpy()[orphan][0])
        add_note(
            hist.q,
            Note(
                "history.unknown_deals",
                {"count": int(orphan.sum()), "value": value, **rows_param(rows)},
            ),
        )


def check_tables(
    loaded: dict[str, Loaded],
    cfg: ClientConfig,
    dq: DataQuality,
    preset: dict[str, Any] | None,
    funnel_from_preset: bool,
) -> None:
    """Every check that needs more than one table (or the funnel), in a fixed order."""
    wide_history(loaded)
    lookup = stage_lookup(cfg, preset, funnel_from_preset)
    map_stages(loaded, cfg, lookup)
    if "deals" in loaded:
        apply_status(loaded["deals"])
        planned_closes(loaded["deals"])
        channels_known(loaded, cfg)
    lost_without_stage(loaded, cfg)
    managers_in_team(loaded)
    team_cycles(loaded)
    history_deals(loaded)
    as_of_checks(cfg, {name: ld.df for name, ld in loaded.items()}, dq)
