"""docs/client-file.md, generated from the client file's pydantic models (`make docs`).

Keys, allowed values and defaults are read from the models, so the page cannot drift from
what `salesaudit validate` accepts; what each key means and where it shows in the report come
from the field's `description` when the model gives one, else from :data:`NOTES`.
Run ``python -m salesaudit.inputs.client_docs > docs/client-file.md``.
"""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from salesaudit.core.names import STAGE_KEYS
from salesaudit.core.schema import OPTIONAL, REQUIRED
from salesaudit.inputs.catalogue import technology_keys
from salesaudit.inputs.client import ClientConfig

TABLE = "data.<table>"  # the keys every data table takes
SECTIONS = {  # where a top-level key shows in the report
    "client": "every page (title)",
    "sector": "Summary (compared with the audited clients of its sector), portfolio",
    "language": "the whole report",
    "currency": "every amount",
    "as_of": "Intake (audit date), every step's time window",
    "seed": "Funnel (forecast, intervals), Customers",
    "data": "Intake (data quality, rejected rows), then every step that reads the table",
    "funnel": "Funnel",
    "targets": "Funnel (forecast, goal seek), Team (sizing), Summary",
    "model": "Sales model",
    "technologies": "Technologies",
    "structure": "Structure",
    "capacity": "Team (sizing, hiring plan)",
    "control": "Control",
    "compensation": "Team (cost of sales)",
    "customers": "Customers (ABC-XYZ)",
}

# key → what it means (keys without a `description` in the models)
NOTES: dict[str, str] = {
    "client": "The client's name, shown in the report title and used for the output folder.",
    "sector": "The client's sector (free text, e.g. `industrial`): the peer group of portfolio benchmarks.",
    "language": "The report language (`salesaudit run --lang` overrides it).",
    "currency": "The currency code printed after every amount.",
    "as_of": "The audit date. Default: the latest fact date in the data (intake says which).",
    "seed": "The random seed: the same inputs and seed give the same numbers.",
    "data": "The client's data files; `deals` or `sales` is required, the rest are optional.",
    "data.deals": "Deals exported from the CRM (one row per deal).",
    "data.stage_history": "Every stage change of every deal (time in stage, reach).",
    "data.sales": "Payments or shipments by client (ABC-XYZ, payments today).",
    "data.team": "The sales team: roles, heads, regions, hire dates, fixed pay.",
    "data.plan": "The sales plan by month (and manager).",
    "data.activities": "Calls, meetings and other activities by manager and date.",
    f"{TABLE}.path": "The file, relative to client.yaml (.csv, .tsv, .xlsx, .xls).",
    f"{TABLE}.preset": "A CRM preset naming the columns and stages (see docs/presets.md).",
    f"{TABLE}.encoding": "Text encoding; `auto` detects utf-8 (with or without BOM), cp1251, utf-16.",
    f"{TABLE}.delimiter": 'Column separator; `auto` detects ";", "," or tab.',
    f"{TABLE}.decimal": "Decimal mark; `auto` decides per column.",
    f"{TABLE}.thousands": "Thousands separator; `auto` decides per column.",
    f"{TABLE}.date_format": "A strptime format such as `%d.%m.%Y`; `auto` decides per column.",
    f"{TABLE}.dayfirst": "Force day-first (true) or month-first (false) dates.",
    f"{TABLE}.sheet": "The Excel sheet, by number (0 = first) or name.",
    f"{TABLE}.header_row": "The row holding the header (1 = first); `auto` skips title rows.",
    f"{TABLE}.columns": "Canonical column → the file's header (overrides the preset).",
    "funnel": "The funnel stages and how the CRM names them.",
    "funnel.stages": "The client's stages in order, each mapped to a canonical stage.",
    "funnel.stages[].key": "The canonical stage.",
    "funnel.stages[].crm": "The CRM stage names that mean this stage.",
    "funnel.lost": "The CRM stage names of lost deals.",
    "funnel.horizon_months": "Months the revenue forecast covers.",
    "funnel.scenarios": "Monte Carlo scenarios of the forecast.",
    "targets": "The revenue target.",
    "targets.revenue_per_month": "Revenue target a month. Not set: team sizing uses the last "
    "12 months' won revenue a month and the forecast shows no chance of reaching a target.",
    "targets.basis": "Which revenue the target is in: `won_deals` (deals won in the month, the "
    "default) or `payments`. The report converts the other basis by the last 12 months' ratio.",
    "model": "Answers about the sales model (methodology §1, §5).",
    "model.mode": "Active or passive sales; `auto` decides from the share of inbound deals.",
    "model.inbound_channels": "The deal channels that count as inbound (passive).",
    "model.partners": "Whether the company sells through partners.",
    "model.sales_type": "Traditional, project or regional sales (the technologies differ); "
    "`auto` decides from the cycle and the regions.",
    "model.algorithm": "The seven steps of the build algorithm (methodology §1), by number.",
    "model.hiring": "How sellers are hired: in batches or one by one (methodology §1).",
    "model.work_control": "How often the sellers' current work is controlled.",
    "model.training": "Internal training: a system, ad hoc, or none.",
    "model.motivation": "Pay: fixed only, or fixed with a bonus.",
    "model.last_review_months_ago": "Months since the sales system was last reviewed "
    "(methodology: every 3 months).",
    "model.pillars": "Self-assessment of the four pillars (methodology §5), 0–4 each.",
    "model.pillars.operations": "Sales operations.",
    "model.pillars.process": "Sales process.",
    "model.pillars.coaching": "Sales coaching.",
    "model.pillars.training": "Sales training.",
    "technologies": "Each sales technology's status (methodology §2).",
    "structure": "Facts that decide the structure (methodology §3.3).",
    "structure.products": "Number of product lines.",
    "structure.regions": "Number of regions served.",
    "structure.region_specifics": "Whether regions differ enough to need their own approach.",
    "structure.complex_product": "Complex, innovative or high-tech goods.",
    "structure.after_sales_service": "After-sales service is needed (installation, repair).",
    "structure.segments": "Number of client types.",
    "structure.segment_distinct_behaviour": "Client types buy for their own reasons.",
    "structure.repeat_sales": "Clients buy again (farmers are needed).",
    "capacity": "Team sizing inputs (methodology §3.2, §3.4, §3.7, §4.2).",
    "capacity.average_deal": "Average won deal; `auto` takes it from the data.",
    "capacity.rates": "Funnel rates for sizing, each a share or `auto` (from the data).",
    "capacity.rates.call_to_contact": "Share of calls that reach the decision maker.",
    "capacity.rates.contact_to_meeting": "Share of contacted companies that grant a meeting.",
    "capacity.rates.meeting_to_contract": "Share of meetings that end in a contract.",
    "capacity.closer_meetings_per_month": "Meetings a closer holds a month; `auto` = the median "
    "of the client's ramped closers in the activity log, else the norm 40 (methodology §4.2).",
    "capacity.hunter_calls_per_month": "Calls a hunter makes a month; `auto` = the median of the "
    "client's ramped hunters in the activity log, else calls an hour × hours × share × days.",
    "capacity.hunter_calls_per_hour": "Outbound calls a hunter makes an hour (methodology §3.7).",
    "capacity.hours_per_day": "Working hours a day.",
    "capacity.productive_share": "Share of a seller's time with clients (methodology §3.7).",
    "capacity.working_days_per_month": "Working days a month.",
    "capacity.accounts_per_farmer": "Active accounts one farmer serves; `auto` = the median of "
    "the client's ramped farmers (clients with a won deal or payment in 12 months), else 60.",
    "capacity.span": "Sellers one head leads at most (methodology §3.4).",
    "capacity.ramp_months": "Months a newcomer takes to reach full productivity.",
    "capacity.hiring_batch": "Hires made together (methodology §1: in groups).",
    "capacity.attrition": "Share of sellers who leave in a year.",
    "control": "The management rhythm (methodology §3.8, §3.9).",
    "control.morning_planning": "A morning planning meeting is held.",
    "control.checkins_per_day": "Five-minute check-ins a day (methodology: 2–3).",
    "control.daily_plan_fact": "Payments plan and fact are tracked daily.",
    "control.board": "A board shows each seller's plan and fact.",
    "control.crm": "The CRM readiness checklist (methodology §3.9), true / false each.",
    "control.crm.no_paper_orders": "No orders on scraps of paper.",
    "control.crm.no_taskless_clients": "No client without a task.",
    "control.crm.counterparty_based": "Work is done with counterparties, not separate deals.",
    "control.crm.methodology": "Written methods for working in the CRM exist.",
    "control.crm.website_integrated": "The CRM is integrated with the website.",
    "control.crm.enough_licences": "There are enough CRM licences.",
    "control.crm.telephony_integrated": "Telephony is integrated.",
    "control.crm.calls_recorded": "Every call is recorded.",
    "control.crm.configured": "The CRM is configured for the sales process.",
    "compensation": "Pay design (methodology §3.5).",
    "compensation.mix": "The pay mix; the three shares add up to 1.",
    "compensation.mix.fixed": "Fixed share.",
    "compensation.mix.soft": "Share paid for diligence (paid in full).",
    "compensation.mix.bonus": "Bonus share.",
    "compensation.target_earnings": "Target monthly earnings by role (hunter, closer, farmer, "
    "universal, head), in the client's currency. Left out: today's pay (the median "
    "`team.fixed_pay` of the role), else the methodology's figures for RUB clients only.",
    "compensation.threshold": "Plan attainment from which the bonus is paid.",
    "compensation.accelerator": "A higher bonus rate above the plan.",
    "compensation.accelerator.from": "Plan attainment where the accelerator starts.",
    "compensation.accelerator.rate": "The bonus multiplier above that point.",
    "compensation.accelerator.kind": "Whole bonus (tiered) or only the part above (marginal).",
    "compensation.cap": "The bonus cap, as a multiple of the target bonus.",
    "compensation.decelerator": "A reduced bonus rate between the threshold and the plan.",
    "compensation.decelerator.rate": "The share of the bonus rate paid below the plan.",
    "customers": "ABC-XYZ settings (methodology §3.8).",
    "customers.window_months": "Months of sales classified.",
    "customers.period": "Regularity measured by month (M) or quarter (Q).",
    "customers.a": "Cumulative revenue share that ends class A.",
    "customers.b": "Cumulative revenue share that ends class B.",
    "customers.x": "Coefficient of variation up to which a client is X (regular).",
    "customers.y": "Coefficient of variation up to which a client is Y.",
}


def _models_in(ann: Any) -> list[type[BaseModel]]:
    """The pydantic models inside an annotation (list[Model], Model | None, ...)."""
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return [ann]
    return [m for a in typing.get_args(ann) for m in _models_in(a)]


def keys(
    model: type[BaseModel] = ClientConfig, prefix: str = ""
) -> Iterator[tuple[str, FieldInfo]]:
    """Every YAML key of the client file as a dotted path, with its field, in file order.

    A list of sections gives `key[]`; the six data tables share one set of keys (`data.<table>`).
    """
    for name, f in model.model_fields.items():
        if f.exclude:
            continue
        path = f"{prefix}{f.alias or name}"
        yield path, f
        inner = _models_in(f.annotation)
        if not inner:
            continue
        if prefix == "data.":  # every table takes the same keys: listed once
            if name == list(model.model_fields)[-1]:
                yield from keys(inner[0], f"{TABLE}.")
            continue
        listed = typing.get_origin(f.annotation) is list
        yield from keys(inner[0], f"{path}[]." if listed else f"{path}.")


def _bounds(f: FieldInfo) -> str:
    """' ≥ 1, ≤ 36' from a field's constraints."""
    out = []
    for m in f.metadata:
        for attr, sign in (("ge", "≥"), ("gt", ">"), ("le", "≤"), ("lt", "<")):
            v = getattr(m, attr, None)
            if v is not None:
                out.append(f"{sign} {v}")
    return (" " + ", ".join(out)) if out else ""


def allowed(ann: Any, f: FieldInfo | None = None) -> str:
    """What a key takes, in words, from its annotation and constraints."""
    origin, args = typing.get_origin(ann), typing.get_args(ann)
    bounds = _bounds(f) if f is not None else ""
    if origin is Literal:
        return ("one of " if len(args) > 1 else "") + ", ".join(f"`{a}`" for a in args)
    if origin in (typing.Union, types.UnionType):
        parts = [allowed(a, f) for a in args if a is not type(None)]
        return " or ".join(parts) + (" (or empty)" if type(None) in args else "")
    if origin is list:
        inner = _models_in(args[0])
        return "list of sections (below)" if inner else f"list of {allowed(args[0])}"
    if origin is dict:
        return f"map: {allowed(args[0])} → {allowed(args[1])}"
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return "section (keys below)"
    names = {bool: "true / false", int: "whole number", float: "number", str: "text",
             dt.date: "date (YYYY-MM-DD)"}  # fmt: skip
    return names.get(ann, getattr(ann, "__name__", str(ann))) + bounds


def default(f: FieldInfo) -> str:
    """A key's default as YAML would write it ('—' when required, 'not set' for None)."""
    if f.is_required():
        return "— (required)"
    value = f.default_factory() if f.default_factory is not None else f.default  # type: ignore[call-arg]
    if value is PydanticUndefined:
        return "—"
    if value is None:
        return "not set"
    if isinstance(value, BaseModel):
        return "see below"
    if isinstance(value, list) and value and isinstance(value[0], BaseModel):
        return "the six canonical stages, each its own CRM name"
    if value == {}:
        return "empty"
    if isinstance(value, str):
        return f"`{value}`"
    return f"`{json.dumps(value, ensure_ascii=False, default=str)}`"


def meaning(path: str, f: FieldInfo) -> str:
    """What the key means: the model's description, else the note kept here."""
    return (f.description or NOTES.get(path, "")).replace("|", "\\|")


def _table(rows: list[tuple[str, FieldInfo]]) -> list[str]:
    """The markdown table of a group of keys."""
    out = ["| key | meaning | allowed values | default |", "|---|---|---|---|"]
    for path, f in rows:
        cells = [f"`{path}`", meaning(path, f), allowed(f.annotation, f), default(f)]
        out.append("| " + " | ".join(c.replace("\n", " ") for c in cells) + " |")
    return out


def _appendix() -> list[str]:
    """Values that live outside the models: stage keys, technology keys, table columns."""
    out = ["## Values used by several keys", ""]
    out.append("Canonical funnel stages (`funnel.stages[].key`), in order: "
               + ", ".join(f"`{k}`" for k in STAGE_KEYS) + ".")  # fmt: skip
    out.append("")
    out.append("Technology keys (`technologies:`; `salesaudit technologies` prints their names): "
               + ", ".join(f"`{k}`" for k in technology_keys()) + ".")  # fmt: skip
    out.append("")
    out.append("Canonical columns of each table (`data.<table>.columns` maps them to the file's "
               "headers; **bold** = required):")  # fmt: skip
    out.append("")
    for table, req in REQUIRED.items():
        cols = [f"**`{c}`**" for c in req] + [f"`{c}`" for c in OPTIONAL.get(table, [])]
        out.append(f"- `{table}`: " + ", ".join(cols))
    return out


def render() -> str:
    """The whole page."""
    groups: dict[str, list[tuple[str, FieldInfo]]] = {}
    for path, f in keys():
        groups.setdefault(path.split(".")[0].split("[")[0], []).append((path, f))
    out = [
        "# The client file (`client.yaml`)",
        "",
        "<!-- generated by `make docs` (python -m salesaudit.inputs.client_docs) from "
        "salesaudit/inputs/client.py: do not edit by hand -->",
        "",
        "One YAML file describes a client: where its data files are and how to read them, how "
        "its CRM names the funnel stages, and the consultant's answers about the sales system. "
        "`salesaudit new NAME --preset CRM` writes a commented one; `salesaudit validate "
        "client.yaml` checks it and every data file. An unknown key is an error that names the "
        'closest valid key. Paths are relative to the client file. "Methodology §N" refers to '
        "[methodology.md](methodology.md).",
        "",
        "## Top-level keys",
        "",
    ]
    top = [(p, f) for p, f in keys() if "." not in p]
    out += ["| key | meaning | allowed values | default | shows in the report |",
            "|---|---|---|---|---|"]  # fmt: skip
    for path, f in top:
        cells = [f"`{path}`", meaning(path, f), allowed(f.annotation, f), default(f),
                 SECTIONS.get(path, "")]  # fmt: skip
        out.append("| " + " | ".join(cells) + " |")
    for name, rows in groups.items():
        nested = rows[1:]
        if not nested:
            continue
        out += ["", f"## `{name}:` — {SECTIONS.get(name, '')}", "", *_table(nested)]
    out += ["", *_appendix(), ""]
    return "\n".join(out)


if __name__ == "__main__":
    print(render(), end="")
