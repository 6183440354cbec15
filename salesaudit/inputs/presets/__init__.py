"""Column and stage mapping presets for common CRM exports, and `client.yaml` scaffolding.

The shipped presets are package data (`salesaudit/presets/*.yaml`), so they work from a
repository checkout (editable install) and from an installed wheel alike. A team may add
its own presets as `data/presets/NAME.yaml` in the repository checkout (searched first), or
point `preset:` at a YAML file relative to client.yaml.
"""

from __future__ import annotations

import difflib
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from salesaudit.core.errors import InputError
from salesaudit.core.names import STAGE_KEYS
from salesaudit.core.schema import all_columns
from salesaudit.inputs.client import FunnelConfig

REPO_PRESETS = Path(__file__).resolve().parents[3] / "data" / "presets"


def _shipped() -> dict[str, Any]:
    """name -> Traversable of every shipped preset."""
    root = resources.files("salesaudit.inputs.presets")
    return {p.name[: -len(".yaml")]: p for p in root.iterdir() if p.name.endswith(".yaml")}


def _local() -> dict[str, Path]:
    """name -> path of presets in the checkout's data/presets/ (if there is one)."""
    if not REPO_PRESETS.is_dir():
        return {}
    return {p.stem: p for p in sorted(REPO_PRESETS.glob("*.yaml"))}


def list_presets() -> list[str]:
    """Names of the available presets, sorted."""
    return sorted(set(_shipped()) | set(_local()))


def preset_text(name: str, base_dir: Path | None = None) -> tuple[str, str]:
    """The YAML text of a preset and where it came from (for messages and the inputs cache).

    Parameters
    ----------
    name
        A preset name (``bitrix24``) or a path to a preset YAML file (``my_crm.yaml``),
        relative to ``base_dir`` (the client file's folder).
    """
    key = str(name).strip()
    if key.endswith((".yaml", ".yml")):
        path = Path(key)
        if not path.is_absolute() and base_dir is not None:
            path = base_dir / path
        if not path.is_file():
            raise InputError(
                f"preset file not found: {path}.", hint="Check `preset:` in client.yaml."
            )
        return path.read_text(encoding="utf-8-sig"), str(path)
    key = key.lower()
    local, shipped = _local(), _shipped()
    if key in local:
        return local[key].read_text(encoding="utf-8-sig"), str(local[key])
    if key in shipped:
        return shipped[key].read_text(encoding="utf-8-sig"), f"preset {key}"
    names = list_presets()
    close = difflib.get_close_matches(key, names, 1, 0.5)
    raise InputError(
        f"unknown preset '{name}'"
        + (f"; did you mean '{close[0]}'?" if close else ".")
        + f" Available: {', '.join(names)}.",
        hint="Set `preset:` to one of those names, or to a preset YAML file.",
    )


def load_preset(name: str, base_dir: Path | None = None) -> dict[str, Any]:
    """A preset as a dict (name, title, language, currency, date_order, tables, funnel).

    `name` is a preset name or a preset YAML file relative to `base_dir` (see `preset_text`).
    """
    text, where = preset_text(name, base_dir)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise InputError(f"{where} is not valid YAML ({e}).") from None
    return _check(data, where)


def _check(data: Any, where: str) -> dict[str, Any]:
    """Validate a preset's shape; column candidates become lists."""
    if not isinstance(data, dict) or not isinstance(data.get("tables"), dict):
        raise InputError(f"{where}: a preset needs a `tables:` mapping.")
    for table, spec in data["tables"].items():
        if table not in {"deals", "stage_history", "sales", "team", "plan", "activities"}:
            raise InputError(f"{where}: unknown table '{table}'.")
        cols = spec.get("columns") or {}
        for canon, heads in list(cols.items()):
            if canon not in all_columns(table):
                raise InputError(f"{where}: '{canon}' is not a column of {table}.")
            cols[canon] = [heads] if isinstance(heads, str) else [str(h) for h in heads]
        spec["columns"] = cols
        status = spec.get("status")
        if status is not None:
            col = status.get("column")
            status["column"] = [col] if isinstance(col, str) else list(col)
            status["won"] = [str(v) for v in status.get("won", [])]
            status["lost"] = [str(v) for v in status.get("lost", [])]
        _check_history(table, spec, where)
    _check_values(data, where)
    if "funnel" in data:
        try:
            FunnelConfig.model_validate(data["funnel"])
        except Exception as e:  # noqa: BLE001
            raise InputError(f"{where}: invalid funnel ({e}).") from None
    data.setdefault("name", where)
    data.setdefault("title", data["name"])
    data.setdefault("language", "en")
    data.setdefault("currency", "USD")
    return dict(data)


def _as_list(value: Any) -> list[str]:
    """A scalar or a list of scalars as a list of strings."""
    if value is None:
        return []
    return [str(value)] if isinstance(value, str | int | float) else [str(v) for v in value]


def _check_history(table: str, spec: dict[str, Any], where: str) -> None:
    """Wide stage-history patterns (deals) and the row filter of a long history table."""
    wide = spec.get("history_wide")
    if wide is not None:
        if table != "deals":
            raise InputError(f"{where}: `history_wide` belongs to the deals table.")
        spec["history_wide"] = _as_list(wide)
        for pattern in spec["history_wide"]:
            try:
                rx = re.compile(pattern)
            except re.error as e:
                raise InputError(f"{where}: bad history_wide pattern {pattern!r} ({e}).") from None
            if "stage" not in rx.groupindex:
                raise InputError(f"{where}: history_wide pattern {pattern!r} needs (?P<stage>...).")
    flt = spec.get("filter")
    if flt is not None:
        if not isinstance(flt, dict) or not flt.get("column") or not flt.get("values"):
            raise InputError(f"{where}: `filter` of {table} needs `column` and `values`.")
        spec["filter"] = {"column": _as_list(flt["column"]), "values": _as_list(flt["values"])}


def _check_values(data: dict[str, Any], where: str) -> None:
    """The preset's channel directions and new/current values, as lists of strings."""
    channels = data.get("channels") or {}
    if not isinstance(channels, dict) or set(channels) - {"inbound", "outbound"}:
        raise InputError(f"{where}: `channels` has the keys inbound and outbound only.")
    data["channels"] = {k: _as_list(channels.get(k)) for k in ("inbound", "outbound")}
    types = data.get("client_type") or {}
    if not isinstance(types, dict) or set(types) - {"new", "current"}:
        raise InputError(f"{where}: `client_type` has the keys new and current only.")
    data["client_type"] = {k: _as_list(types.get(k)) for k in ("new", "current")}


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def client_yaml(name: str, preset: str | None = None) -> str:
    """A commented client.yaml for a new client, pre-filled from a preset when one is given."""
    p = load_preset(preset) if preset else None
    lang = p["language"] if p else "en"
    currency = p["currency"] if p else "RUB"
    title = p["title"] if p else ""
    out = [
        f"# Client file for {name}"
        + (f", pre-filled from the {title} export preset" if p else "")
        + ".",
        "# Paths are relative to this file. Every key is described in docs/client-file.md of the",
        "# salesaudit repository (how each CRM exports its tables: docs/presets.md);",
        "# `salesaudit validate client.yaml` checks it and every data file.",
        f"client: {_q(name)}",
        f"language: {lang}                       # report language: en | ru",
        f"currency: {currency}",
        "# as_of: 2026-09-30                 # the audit date; defaults to the latest fact in the data (never a planned date)",
        "seed: 42                            # same inputs + seed = same numbers",
        "",
        *_deals_lines(p),
        *_other_tables_lines(lang == "ru", p),
        "",
        *_funnel_lines(p),
        "",
        "# targets: {revenue_per_month: 12000000}",
        "",
    ]
    return "\n".join(out)


def _deals_lines(p: dict[str, Any] | None) -> list[str]:
    """The `data:` key and its commented `deals:` table, with the preset's headers when given."""
    deals = (p or {}).get("tables", {}).get("deals", {})
    path = deals.get("file", "data/deals.csv")
    out = [
        "data:                               # deals or sales is required; the rest are optional",
        *(_wrapped(f"{p['title']} export: {p['export']}", "  # ") if p and p.get("export") else []),
        "  deals:",
        f"    path: {path}"
        + " " * max(1, 28 - len(path))
        + "# put the CRM export here (.csv, .tsv, .xlsx, .xls)",
    ]
    if p:
        out.append(
            f"    preset: {p['name']}"
            + " " * max(1, 26 - len(p["name"]))
            + f"# {p['title']} column and stage names"
        )
    out += [
        "    encoding: auto                  # auto | utf-8 | utf-8-sig | cp1251 | utf-16",
        '    delimiter: auto                 # auto | ";" | "," | "\\t"',
        '    decimal: auto                   # auto | "." | ","',
        '    date_format: auto               # auto | a format such as "%d.%m.%Y"; or dayfirst: true',
        "    # sheet: 0                      # Excel: sheet name or number (0 = first)",
        "    # header_row: auto              # the header's row number if auto-detection misses it",
    ]
    if p:
        out.append(
            "    # columns:                      # override the preset: canonical name: header in the file"
        )
        for canon, heads in deals.get("columns", {}).items():
            out.append(f"    #   {canon}: {_q(heads[0])}")
        return out
    out.append("    columns:                        # canonical name: header in the client's file")
    for canon in ("deal_id", "created_at", "stage", "amount", "closed_at", "manager", "client_id"):
        out.append(f"      {canon}: {_q(canon)}")
    return out


def _wrapped(text: str, prefix: str, width: int = 96) -> list[str]:
    """A comment of several lines, each starting with `prefix`, none much wider than `width`."""
    lines: list[str] = []
    cur = ""
    for word in " ".join(text.split()).split(" "):
        if cur and len(prefix) + len(cur) + 1 + len(word) > width:
            lines.append(prefix + cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    return lines + ([prefix + cur] if cur else [])


def _history_lines(p: dict[str, Any] | None) -> list[str]:
    """The commented `stage_history:` table, with the export that gives it for the preset's CRM."""
    head = "  # stage_history:                   # deal_id, stage, entered_at"
    if p is None:
        return [head, "  #   path: data/stage_history.csv"]
    spec = p.get("tables", {}).get("stage_history")
    how = p.get("history_export", "")
    lead = f"Stage-level analysis (conversion after the first stage, where lost deals were lost) needs the stage history. {p['title']}: {how}"
    if spec is None:
        return _wrapped(lead, "  # ")
    return [
        *_wrapped(lead, "  # "),
        head,
        f"  #   path: {spec.get('file', 'data/stage_history.csv')}",
        f"  #   preset: {p['name']}",
    ]


def _other_tables_lines(ru: bool, p: dict[str, Any] | None = None) -> list[str]:
    """The optional tables, commented out."""
    return [
        "  # sales:                           # payments, invoices or orders",
        "  #   path: data/payments.csv",
        "  #   columns: {client_id: "
        + (
            _q("Контрагент") + ", date: " + _q("Дата") + ", amount: " + _q("Сумма")
            if ru
            else '"Client", date: "Date", amount: "Amount"'
        )
        + "}",
        "  # team:                            # manager (required), role, head, region, hired_at, fixed_pay",
        "  #   path: data/team.csv",
        "  # plan:                            # period (month) and amount, optionally manager",
        "  #   path: data/plan.csv",
        *_history_lines(p),
        "  # activities:                      # manager, date, type (call, meeting, ...)",
        "  #   path: data/activities.csv",
    ]


def _funnel_lines(p: dict[str, Any] | None) -> list[str]:
    """The `funnel:` key: the preset's stage names, or each canonical stage as its own name."""
    out = [
        "funnel:                             # the client's CRM stage names for each canonical stage, in order",
        "  stages:",
    ]
    if p and "funnel" in p:
        for st in p["funnel"]["stages"]:
            out.append(f"    - {{key: {st['key']}, crm: [{', '.join(_q(c) for c in st['crm'])}]}}")
        out.append(f"  lost: [{', '.join(_q(c) for c in p['funnel'].get('lost', []))}]")
        return out
    for key in STAGE_KEYS:
        out.append(f"    - {{key: {key}, crm: [{_q(key)}]}}")
    out.append('  lost: ["lost"]')
    return out
