"""Column and stage mapping presets for common CRM exports, and `client.yaml` scaffolding.

The shipped presets are package data (`salesaudit/presets/*.yaml`), so they work from a
repository checkout (editable install) and from an installed wheel alike. A team may add
its own presets as `data/presets/NAME.yaml` in the repository checkout (searched first), or
point `preset:` at a YAML file relative to client.yaml.
"""

from __future__ import annotations

import difflib
import json
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
        "# as_of: 2026-09-30                 # the audit date; defaults to the latest date in the data",
        "seed: 42                            # same inputs + seed = same numbers",
        "",
        *_deals_lines(p),
        *_other_tables_lines(lang == "ru"),
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


def _other_tables_lines(ru: bool) -> list[str]:
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
        "  # stage_history:                   # deal_id, stage, entered_at",
        "  #   path: data/stage_history.csv",
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
