"""The client file (`client.yaml`): pydantic models documented in docs/client-file.md and its loader."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from salesaudit.core import constants as C
from salesaudit.core.errors import InputError
from salesaudit.core.names import STAGE_KEYS
from salesaudit.inputs.catalogue import technology_keys

Status = Literal["in_place", "partial", "missing"]
MIX_TOLERANCE = 0.001  # how far the pay mix may be from adding up to 1
PAY_ROLES = ("hunter", "closer", "farmer", "universal", "head")


class _Model(BaseModel):
    """Base: unknown keys are errors; values are validated on assignment too."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, populate_by_name=True)


class TableSpec(_Model):
    """One data file and how to read it."""

    path: str
    preset: str | None = None
    encoding: str = "auto"
    delimiter: str = "auto"
    decimal: str = "auto"
    thousands: str = "auto"
    date_format: str = "auto"
    dayfirst: bool | None = None
    sheet: int | str = 0
    header_row: int | Literal["auto"] = "auto"
    columns: dict[str, str] = Field(default_factory=dict)


class DataConfig(_Model):
    """The client's tables; deals or sales is required."""

    deals: TableSpec | None = None
    stage_history: TableSpec | None = None
    sales: TableSpec | None = None
    team: TableSpec | None = None
    plan: TableSpec | None = None
    activities: TableSpec | None = None


class StageMap(_Model):
    """One canonical funnel stage and the CRM stage names that mean it."""

    key: Literal[
        "target_list", "first_contact", "needs_brief", "offer", "offer_defense", "contract"
    ]
    crm: list[str] = Field(default_factory=list)


def _default_stages() -> list[StageMap]:
    """Default mapping: each canonical stage is its own CRM name."""
    return [StageMap(key=k, crm=[k]) for k in STAGE_KEYS]  # type: ignore[arg-type]


class FunnelConfig(_Model):
    """Ordered funnel stages and the CRM names of lost deals."""

    stages: list[StageMap] = Field(default_factory=_default_stages)
    lost: list[str] = Field(default_factory=lambda: ["lost"])
    horizon_months: int = Field(12, ge=1, le=36)
    scenarios: int = Field(20000, ge=100, le=2_000_000)

    @model_validator(mode="after")
    def _check_order(self) -> FunnelConfig:
        keys = [s.key for s in self.stages]
        if len(set(keys)) != len(keys):
            raise ValueError("a funnel stage key is listed twice")
        order = [STAGE_KEYS.index(k) for k in keys]
        if order != sorted(order):
            raise ValueError(f"funnel stages must keep the canonical order {list(STAGE_KEYS)}")
        if not keys or keys[0] != "target_list" and keys[0] != STAGE_KEYS[order[0]]:
            raise ValueError("funnel needs at least a first stage")
        if keys[-1] != "contract":
            raise ValueError("funnel must end with the won stage 'contract'")
        return self


class TargetsConfig(_Model):
    """Revenue target."""

    revenue_per_month: float | None = Field(None, gt=0)
    basis: Literal["won_deals", "payments"] = "won_deals"


class PillarsConfig(_Model):
    """Self-assessment 0–4 of the four pillars (an unanswered pillar is not assessed)."""

    operations: int | None = Field(None, ge=0, le=4)
    process: int | None = Field(None, ge=0, le=4)
    coaching: int | None = Field(None, ge=0, le=4)
    training: int | None = Field(None, ge=0, le=4)


class ModelConfig(_Model):
    """Diagnostic answers (docs/methodology.md §6.1): `None` is not assessed, `auto` from data."""

    mode: Literal["auto", "active", "passive"] = "auto"
    inbound_channels: list[str] = Field(
        default_factory=lambda: ["website", "referral", "inbound_call"]
    )
    partners: bool | None = None
    sales_type: Literal["auto", "traditional", "project", "regional"] = "auto"
    algorithm: dict[int, Status] = Field(default_factory=dict)
    hiring: Literal["batch", "one_by_one"] | None = None
    work_control: Literal["daily", "weekly", "none"] | None = None
    training: Literal["system", "ad_hoc", "none"] | None = None
    motivation: Literal["mixed", "fixed_only"] | None = None
    last_review_months_ago: int | None = Field(None, ge=0)
    pillars: PillarsConfig = Field(default_factory=PillarsConfig)

    @field_validator("algorithm")
    @classmethod
    def _steps(cls, v: dict[int, str]) -> dict[int, str]:
        bad = [k for k in v if k not in range(1, 8)]
        if bad:
            raise ValueError(f"algorithm steps are numbered 1-7, got {bad}")
        return v


class StructureConfig(_Model):
    """Facts that decide the structure (docs/methodology.md §6.2): `None` is not assessed."""

    products: int | None = Field(None, ge=1)
    regions: int | None = Field(None, ge=1)
    region_specifics: bool | None = None
    complex_product: bool | None = None
    after_sales_service: bool | None = None
    segments: int | None = Field(None, ge=1)
    segment_distinct_behaviour: bool | None = None
    repeat_sales: bool | None = None


class RatesConfig(_Model):
    """Funnel rates for sizing: a number or `auto`."""

    call_to_contact: float | Literal["auto"] = C.DEFAULT_CALL_TO_CONTACT.value
    contact_to_meeting: float | Literal["auto"] = "auto"
    meeting_to_contract: float | Literal["auto"] = "auto"


class CapacityConfig(_Model):
    """Team sizing inputs (docs/methodology.md §6.3)."""

    average_deal: float | Literal["auto"] = "auto"
    rates: RatesConfig = Field(default_factory=RatesConfig)
    # productivity per role: `auto` = the client's observed (median of ramped sellers), a number
    # overrides; the methodology's norm where the data cannot say (logged)
    closer_meetings_per_month: float | Literal["auto"] = "auto"
    hunter_calls_per_month: float | Literal["auto"] = "auto"
    hunter_calls_per_hour: float = Field(C.CALLS_PER_HOUR.value, gt=0)
    hours_per_day: float = Field(C.HOURS_PER_DAY.value, gt=0, le=24)
    productive_share: float = Field(C.PRODUCTIVE_SHARE.value, gt=0, le=1)
    working_days_per_month: float = Field(C.WORKING_DAYS_PER_MONTH.value, gt=0, le=31)
    accounts_per_farmer: float | Literal["auto"] = "auto"
    span: int = Field(int(C.SPAN.value), ge=1)
    ramp_months: int = Field(int(C.RAMP_MONTHS.value), ge=0)
    hiring_batch: int = Field(int(C.HIRING_BATCH.value), ge=1)
    attrition: float = Field(C.ATTRITION.value, ge=0, le=1)

    @field_validator("closer_meetings_per_month", "hunter_calls_per_month", "accounts_per_farmer")
    @classmethod
    def _positive(cls, v: float | str) -> float | str:
        """A productivity is `auto` or a number above 0."""
        if v != "auto" and float(v) <= 0:
            raise ValueError("must be a number above 0, or auto")
        return v


class CrmChecklist(_Model):
    """CRM readiness checklist (docs/methodology.md §3.9): `None` is not assessed."""

    no_paper_orders: bool | None = None
    no_taskless_clients: bool | None = None
    counterparty_based: bool | None = None
    methodology: bool | None = None
    website_integrated: bool | None = None
    enough_licences: bool | None = None
    telephony_integrated: bool | None = None
    calls_recorded: bool | None = None
    configured: bool | None = None


class ControlConfig(_Model):
    """Management rhythm answers (docs/methodology.md §6.7): `None` is not assessed."""

    morning_planning: bool | None = None
    checkins_per_day: int | None = Field(None, ge=0, le=10)
    daily_plan_fact: bool | None = None
    board: bool | None = None
    crm: CrmChecklist = Field(default_factory=CrmChecklist)


class MixConfig(_Model):
    """Pay mix shares: fixed, soft (paid for diligence) and bonus; they add up to 1 (±0.001)."""

    fixed: float = Field(C.PAY_MIX["fixed"].value, ge=0, le=1)
    soft: float = Field(C.PAY_MIX["soft"].value, ge=0, le=1)
    bonus: float = Field(C.PAY_MIX["bonus"].value, ge=0, le=1)

    @model_validator(mode="after")
    def _sum(self) -> MixConfig:
        total = self.fixed + self.soft + self.bonus
        if abs(total - 1) > MIX_TOLERANCE:
            raise ValueError(
                f"fixed + soft + bonus must add up to 1: {self.fixed:g} + {self.soft:g} + "
                f"{self.bonus:g} = {total:.4g}"
            )
        return self


class AcceleratorConfig(_Model):
    """Accelerator above plan."""

    from_: float = Field(1.0, alias="from", ge=0)
    rate: float = Field(1.5, ge=0)
    kind: Literal["tiered", "marginal"] = "tiered"


class DeceleratorConfig(_Model):
    """Decelerator below plan: the bonus is paid at a reduced rate between threshold and plan."""

    rate: float = Field(0.5, ge=0, le=1)


class CompensationConfig(_Model):
    """Pay design (docs/methodology.md §6.4) and the pay-principle answers (`None`: not assessed).

    `target_earnings` left out are resolved by `inputs.earnings.target_earnings`: the client's
    own pay (median `team.fixed_pay` by role), else the methodology's figures in RUB only.
    """

    mix: MixConfig = Field(default_factory=MixConfig)
    target_earnings: dict[str, float] = Field(default_factory=dict)
    threshold: float = Field(0.7, ge=0, le=2)
    accelerator: AcceleratorConfig = Field(default_factory=AcceleratorConfig)
    decelerator: DeceleratorConfig | None = None
    cap: float = Field(2.0, gt=0)
    earnings_visible_daily: bool | None = Field(
        None, description="Clarity: every day each seller sees what he has earned so far."
    )
    own_results_only: bool | None = Field(
        None,
        description="The bonus pays only for the seller's own results, not for clients won "
        "long ago or by others.",
    )
    achievers_above_market: bool | None = Field(
        None,
        description="Darwin principle: who meets the plan earns above the market, who does "
        "not earns below it.",
    )
    instant_rewards: bool | None = Field(
        None, description="Instant rewards: some bonuses are paid the same day they are earned."
    )

    @field_validator("target_earnings")
    @classmethod
    def _roles(cls, v: dict[str, float]) -> dict[str, float]:
        bad = [k for k in v if k not in PAY_ROLES]
        if bad:
            raise ValueError(f"target earnings are given per role {list(PAY_ROLES)}, got {bad}")
        neg = [k for k, x in v.items() if not x > 0]
        if neg:
            raise ValueError(f"target earnings must be positive amounts, got {neg}")
        return v


class CustomersConfig(_Model):
    """ABC-XYZ settings (docs/methodology.md §6.6)."""

    window_months: int = Field(12, ge=1, le=60)
    period: Literal["M", "Q"] = "M"
    a: float = Field(C.ABC_A, gt=0, lt=1)
    b: float = Field(C.ABC_B, gt=0, lt=1)
    x: float = Field(C.XYZ_X, gt=0)
    y: float = Field(C.XYZ_Y, gt=0)


class ClientConfig(_Model):
    """The whole client file."""

    client: str = Field(min_length=1)
    sector: str | None = None
    language: Literal["en", "ru"] = "en"
    currency: str = "RUB"
    as_of: dt.date | None = None
    seed: int = Field(42, ge=0, le=2**32 - 1)
    data: DataConfig = Field(default_factory=DataConfig)
    funnel: FunnelConfig = Field(default_factory=FunnelConfig)
    targets: TargetsConfig = Field(default_factory=TargetsConfig)
    model: ModelConfig = Field(default_factory=ModelConfig)
    technologies: dict[str, Status] = Field(default_factory=dict)
    structure: StructureConfig = Field(default_factory=StructureConfig)
    capacity: CapacityConfig = Field(default_factory=CapacityConfig)
    control: ControlConfig = Field(default_factory=ControlConfig)
    compensation: CompensationConfig = Field(default_factory=CompensationConfig)
    customers: CustomersConfig = Field(default_factory=CustomersConfig)

    # Not part of the YAML: where the file lives, for resolving relative paths.
    base_dir: Path = Field(default=Path("."), exclude=True)

    @field_validator("technologies")
    @classmethod
    def _known_technologies(cls, v: dict[str, str]) -> dict[str, str]:
        known = technology_keys()
        for key in v:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1, cutoff=0.5)
                hint = f" Did you mean '{close[0]}'?" if close else ""
                raise ValueError(
                    f"unknown technology '{key}'.{hint} `salesaudit technologies` lists the keys"
                )
        return v

    @model_validator(mode="after")
    def _need_data(self) -> ClientConfig:
        if self.data.deals is None and self.data.sales is None:
            raise ValueError("data: needs at least 'deals' or 'sales'")
        return self

    def resolve(self, rel: str) -> Path:
        """Return a data path resolved relative to the client file."""
        p = Path(rel).expanduser()
        return p if p.is_absolute() else (self.base_dir / p)

    @property
    def slug(self) -> str:
        """A file-system-safe name for the output folder."""
        return slugify(self.client)


def slugify(name: str) -> str:
    """Lower-case ASCII-ish slug of a client name (Cyrillic kept), for folder names."""
    out = []
    for ch in name.strip().lower():
        if ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    slug = "".join(out).strip("-")
    return slug or "client"


def _model_at(loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """Walk the model tree along an error location to the model that owns the last key."""
    model: Any = ClientConfig
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(model, "model_fields", {}).get(part)
        if field is None:
            return None
        ann = field.annotation
        for cand in getattr(ann, "__args__", (ann,)):
            if isinstance(cand, type) and issubclass(cand, BaseModel):
                model = cand
                break
            inner = getattr(cand, "__args__", ())
            found = [c for c in inner if isinstance(c, type) and issubclass(c, BaseModel)]
            if found:
                model = found[0]
                break
        else:
            return None
    return model if isinstance(model, type) else None


def _keys_of(model: type[BaseModel]) -> list[str]:
    """The YAML keys a model accepts (aliases included)."""
    keys = []
    for name, f in model.model_fields.items():
        if name == "base_dir":
            continue
        keys.append(f.alias or name)
    return keys


def _explain(err: dict[str, Any], source: str) -> str:
    """One sentence for one pydantic error, with a suggestion for an unknown key."""
    loc = tuple(err.get("loc", ()))
    dotted = ".".join(str(p) for p in loc) or "(top level)"
    if err.get("type") == "extra_forbidden":
        key = str(loc[-1])
        model = _model_at(loc)
        valid = _keys_of(model) if model else []
        close = difflib.get_close_matches(key, valid, n=1, cutoff=0.5)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        listing = f" Valid keys here: {', '.join(valid)}." if valid else ""
        return f"{source}: unknown key '{dotted}'.{hint}{listing}"
    msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
    value = err.get("input")
    shown = "" if isinstance(value, dict | list) or value is None else f" (got {value!r})"
    return f"{source}: '{dotted}': {msg}{shown}."


def _bad_date_line(text: str) -> int | None:
    """The first line holding a YYYY-MM-DD that is no calendar date."""
    for i, line in enumerate(text.splitlines(), 1):
        for y, m, d in re.findall(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", line):
            try:
                dt.date(int(y), int(m), int(d))
            except ValueError:
                return i
    return None


def load(path: str | Path) -> ClientConfig:
    """Read and validate a client YAML file; raise InputError with a fix-it message."""
    p = Path(path)
    if p.is_dir():
        raise InputError(
            "is a folder, not a client file.", file=str(p), hint="Give the path of client.yaml."
        )
    if not p.is_file():
        raise InputError(
            f"client file not found: {p}.",
            hint="Create one with `salesaudit new NAME`.",
        )
    try:
        raw = yaml.safe_load(p.read_text(encoding="utf-8-sig"))
    except OSError as e:
        raise InputError(
            f"cannot be read ({e.strerror}).", file=str(p), hint="Check the file's permissions."
        ) from None
    except ValueError as e:  # a YAML date that is no calendar date (2026-02-30)
        if isinstance(e, UnicodeDecodeError):
            raise InputError("is not UTF-8 text.", file=str(p), hint="Save it as UTF-8.") from None
        raise InputError(
            f"has a date that does not exist ({e}).",
            file=str(p),
            row=_bad_date_line(p.read_text(encoding="utf-8-sig")),
            hint="Write dates as YYYY-MM-DD with a real day of that month.",
        ) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        row = mark.line + 1 if mark is not None else None
        raise InputError(
            f"is not valid YAML ({getattr(e, 'problem', e)}).",
            file=str(p),
            row=row,
            hint="Check the indentation and quotes on that line.",
        ) from None
    if not isinstance(raw, dict):
        raise InputError("must be a YAML mapping of keys (client:, data:, ...).", file=str(p))
    return from_dict(raw, base_dir=p.resolve().parent, source=str(p))


def from_dict(raw: dict[str, Any], base_dir: Path, source: str = "client.yaml") -> ClientConfig:
    """Validate a parsed client mapping; raise InputError listing every problem."""
    try:
        cfg = ClientConfig.model_validate(raw)
    except ValidationError as e:
        lines = [_explain(dict(err), source) for err in e.errors()]
        raise InputError("\n".join(lines)) from None
    cfg.base_dir = base_dir
    return cfg
