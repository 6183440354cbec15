"""The typed model of findings.json (docs/methodology.md §6.8): one pydantic class per section.

findings.json is validated through `Findings`; the JSON Schema shipped for users
(`report/schema/findings.schema.json`) is generated from it (`findings_schema()`), never edited
by hand. A section the data cannot support is null, with an English sentence in `reasons`.
"""

from __future__ import annotations

import copy
import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

Share = Annotated[float, Field(ge=0, le=1)]
Count = Annotated[int, Field(ge=0)]
Date = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
Month = Annotated[str, Field(pattern=r"^\d{4}-\d{2}$")]
Status = Literal["in_place", "partial", "missing"]
StepStatus = Literal["in_place", "partial", "missing", "not_assessed"]
Pillar = Annotated[int, Field(ge=0, le=100)] | None
StructureKind = Literal["functional_linear", "regional_matrix", "product_category", "customer_type"]
Roles = Literal["universal", "hunter_closer_farmer"]
StageKey = Literal[
    "target_list", "first_contact", "needs_brief", "offer", "offer_defense", "contract"
]


class _Section(BaseModel):
    """Base: a key the model does not know is an error (the schema is the contract)."""

    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- data quality


class TableQualityFindings(_Section):
    """What loading one table found."""

    rows_read: Count
    rows_rejected: Count
    warnings: list[str]


# --------------------------------------------------------------------------- sales model


class AlgorithmStep(_Section):
    """One step of the seven-step sales algorithm and its status."""

    step: Annotated[int, Field(ge=1, le=7)]
    status: StepStatus


class OrderViolation(_Section):
    """A step in place while an earlier one is missing."""

    step: Annotated[int, Field(ge=1, le=7)]
    missing_before: Annotated[int, Field(ge=1, le=7)]


class Pillars(_Section):
    """The four pillars, scored 0–100 (null: neither a self-assessment nor data evidence)."""

    operations: Pillar
    process: Pillar
    coaching: Pillar
    training: Pillar


class PillarCheck(_Section):
    """One item of evidence of practice behind a pillar and its score 0–1 (null: not assessed)."""

    pillar: Literal["operations", "process", "coaching", "training"]
    item: str = Field(description='the client-file path ("control.board") or "data.<measure>"')
    score: Share | None


class ModelFindings(_Section):
    """The `model` section: sales mode, sales type, algorithm, mistakes, pillars."""

    mode: Literal["active", "passive"] | None = Field(
        description="null: mode auto and no channel data (an open question)"
    )
    sales_type: Literal["traditional", "project", "regional"]
    inbound_share: Share | None
    algorithm: Annotated[list[AlgorithmStep], Field(min_length=7, max_length=7)]
    order_violations: list[OrderViolation]
    mistakes: list[str]
    mistakes_not_assessed: list[Annotated[int, Field(ge=1, le=6)]] = Field(
        default_factory=list,
        description="typical mistakes (1–6) the answers can neither show nor rule out",
    )
    pillars: Pillars
    pillar_checks: list[PillarCheck] = Field(
        default_factory=list, description="the evidence each pillar is scored from"
    )


# --------------------------------------------------------------------------- technologies


class Coverage(_Section):
    """Share of each group's rated technologies in place (null: none rated in the group)."""

    internal: Share | None
    external: Share | None
    marketing: Share | None
    personnel: Share | None


class RoadmapItem(_Section):
    """One technology to introduce, in the roadmap's order."""

    priority: Annotated[int, Field(ge=1)]
    key: str
    group: Literal["internal", "external", "marketing", "personnel"]
    status: Literal["missing", "partial"]
    step: Annotated[int, Field(ge=1, le=7)] = Field(description="the build step it serves")
    step_status: StepStatus
    mistake: Annotated[int, Field(ge=0, le=6)] = Field(
        description="the typical mistake found that flags its step (0: none)"
    )
    urgency: Annotated[int, Field(ge=0, le=2)] = Field(
        description="step missing (+1) and flagged by a mistake found (+1): the first sort key"
    )


class TechnologiesFindings(_Section):
    """The `technologies` section."""

    coverage: Coverage
    gaps: list[str]
    unknown_keys: list[str]
    assessed: dict[str, Count] = Field(
        default_factory=dict, description="rated technologies per group"
    )
    applicable: dict[str, Count] = Field(
        default_factory=dict, description="technologies per group that apply to the sales type"
    )
    not_assessed: list[str] = Field(
        default_factory=list, description="applicable technologies left unrated"
    )
    roadmap: list[RoadmapItem] = Field(
        default_factory=list, description="the technologies to introduce, in order"
    )


# --------------------------------------------------------------------------- structure


class SpanViolation(_Section):
    """A head over the span (`over_span`) or sellers without a head (`no_head`)."""

    kind: Literal["over_span", "no_head"]
    sellers: Count
    head: str | None = None
    span: int | None = None
    names: list[str] | None = None


class HeadRelief(_Section):
    """A head whose team a new regional head would shrink."""

    head: str
    now: Count
    after: Count


class StructureGap(_Section):
    """A gap between today's team and the structure (what the structure advice is built from)."""

    kind: Literal["region_without_head", "over_span", "no_head", "universals", "rotation"]
    sellers: Count
    names: list[str]
    region: str | None = Field(None, description="region_without_head: the region")
    heads: list[str] = Field(
        default_factory=list,
        description="region_without_head: who leads its sellers now; over_span: the head; "
        "rotation: the role the sellers leave",
    )
    span: int | None = None
    to_roles: dict[str, Count] = Field(
        default_factory=dict,
        description="universals: sellers per role the target needs more of; rotation: the role "
        "they move to",
    )
    relieves: list[HeadRelief] = Field(default_factory=list)
    resolved_by: str | None = Field(
        None, description="over_span: the region whose own head brings this head within the span"
    )


class StructureFindings(_Section):
    """The `structure` section."""

    recommended: StructureKind | None = Field(
        description="null while unanswered facts decide it (see deciding_open)"
    )
    secondary: StructureKind | None
    facts: dict[str, int | bool | None] = Field(
        default_factory=dict, description="the structure facts: given, derived, or null"
    )
    derived: list[str] = Field(default_factory=list, description="facts read from the data")
    not_assessed: list[str] = Field(default_factory=list)
    deciding_open: list[str] = Field(
        default_factory=list, description="unanswered facts the recommendation waits for"
    )
    roles: Roles | None
    span: Annotated[int, Field(ge=1)]
    heads: Count | None
    span_violations: list[SpanViolation]
    gaps: list[StructureGap] = Field(
        default_factory=list,
        description="regions without a head, span breaches, sellers without a head, universals",
    )
    heads_needed: Count | None = Field(
        None,
        description="heads the structure needs: the sizing's, or one per region with its own "
        "team under the regional matrix when a region lacks a head, whichever is more",
    )


# --------------------------------------------------------------------------- sizing


class SizingInputs(_Section):
    """The inputs of the team sizing."""

    average_deal: float
    call_to_contact: float
    contact_to_meeting: float
    meeting_to_contract: float
    closer_capacity: float
    hunter_capacity: float
    farmer_capacity: float
    active_accounts: float
    logged_to_contract: float | None = Field(
        None, description="won deals per meeting the activity log records (null: no log)"
    )
    inbound_share: Share | None = Field(
        None,
        description="share of deals from inbound channels (null: unknown; hunters are then "
        "sized as if every meeting came from calls)",
    )


class Workload(_Section):
    """Monthly workload the target calls for."""

    contracts: Annotated[float, Field(ge=0)]
    meetings: Annotated[float, Field(ge=0)]
    contacts: Annotated[float, Field(ge=0)]
    calls: Annotated[float, Field(ge=0)]
    closer_meetings: Annotated[float, Field(ge=0)] | None = Field(
        None, description="meetings the closers hold: in the activity log's count when given"
    )
    inbound_meetings: Annotated[float, Field(ge=0)] | None = Field(
        None, description="meetings from inbound channels: no calls needed"
    )
    outbound_meetings: Annotated[float, Field(ge=0)] | None = Field(
        None, description="meetings the hunters' calls must set (contacts and calls follow)"
    )


class RoleCounts(_Section):
    """Sellers needed per role."""

    hunter: Count
    closer: Count
    farmer: Count
    universal: Count


class Hires(_Section):
    """Hires in one month of the hiring plan, for one role."""

    month: Month
    hires: Count
    role: Literal["hunter", "closer", "farmer", "universal", "head"] | None = None
    headcount: Annotated[float, Field(ge=0)] | None = Field(
        None, description="people in the role after the month's leavers and hires (expected)"
    )
    productive_fte: Annotated[float, Field(ge=0)] | None = Field(
        None, description="headcount less the part of newcomers still ramping up"
    )


class RoleCapacity(_Section):
    """One role's capacity a month: the client's observed median beside the norm."""

    observed: float | None = Field(description="median of the ramped sellers (null: no data)")
    norm: float
    used: float
    source: Literal["observed", "given", "norm"]
    sellers: Count = Field(description="ramped sellers the median is taken over")
    reason: str | None = Field(None, description="why there is no observed figure")


class Redeploy(_Section):
    """A universal seller moved into a recommended role by their track record."""

    name: str
    to: Literal["closer", "farmer"]
    new_revenue: float
    repeat_revenue: float
    basis: Literal["track_record", "shortfall"]


class Rotation(_Section):
    """A seller beyond his role's need moved up a role (vertical rotation: hunter → closer)."""

    name: str
    from_: Literal["hunter"] = Field(alias="from")
    to: Literal["closer"]
    new_revenue: float
    meetings: float = Field(description="meetings he set in the activity log, last 12 months")
    basis: Literal["track_record", "meetings", "tenure"]


class PlanMonth(_Section):
    """One month of the plan, all sellers: hires, headcount, productive FTE, revenue, cost."""

    month: Month
    hires: Annotated[float, Field(ge=0)]
    headcount: Annotated[float, Field(ge=0)]
    productive_fte: Annotated[float, Field(ge=0)]
    revenue: Annotated[float, Field(ge=0)] = Field(
        description="the target × the weakest role's productive share (at most the target)"
    )
    cost: Annotated[float, Field(ge=0)] | None = Field(
        description="the team's pay at target earnings (null: a role has no target earnings)"
    )


class CostPerMonth(_Section):
    """The cost of sales a month: today's fixed payroll and the needed team at target earnings."""

    now: float | None = Field(description="sum of team.fixed_pay (null: not exported)")
    needed: float | None = Field(description="null: a role the team needs has no target earnings")


class SizingFindings(_Section):
    """The `sizing` section (null when the team cannot be sized)."""

    inputs: SizingInputs
    target: float | None
    workload: Workload
    roles: Roles
    required: RoleCounts
    current: dict[str, Count]
    heads: Count = Field(
        description="the one heads figure: the span's and the regional matrix's together"
    )
    hiring_plan: list[Hires]
    monthly_cost: float | None = Field(
        description="null: a role the team needs has no target earnings"
    )
    required_norm: RoleCounts | None = Field(
        None, description="sellers per role if the team worked to the methodology's norms"
    )
    fte: dict[str, Annotated[float, Field(ge=0)]] = Field(
        default_factory=dict, description="people per role the workload needs, unrounded"
    )
    capacity: dict[str, RoleCapacity] = Field(
        default_factory=dict, description="closer, hunter, farmer: observed vs norm"
    )
    start: dict[str, Count] = Field(
        default_factory=dict, description="today's people per plan role after the moves"
    )
    redeploy: list[Redeploy] = Field(default_factory=list)
    rotations: list[Rotation] = Field(default_factory=list)
    monthly: list[PlanMonth] = Field(default_factory=list)
    ready_month: Month | None = Field(
        None,
        description="first month from which the productive team carries the whole target "
        "in every later month",
    )
    cost_per_month: CostPerMonth | None = None


# --------------------------------------------------------------------------- compensation


class Accelerator(_Section):
    """The accelerator above plan."""

    from_: float = Field(alias="from", description="plan attainment where it starts")
    rate: float
    kind: Literal["tiered", "marginal"]


class RolePayFindings(_Section):
    """One role's pay design (every key null when the role has no target earnings)."""

    fixed: float | None = Field(description="fixed pay a month")
    soft: float | None = Field(description="soft part a month, paid in full for diligence")
    bonus: float | None = Field(description="target bonus a month, paid at plan")
    threshold: float | None
    accelerator: Accelerator | None
    cap: float | None = Field(description="the bonus cap as a multiple of the target bonus")
    pay_at: dict[Literal["0.5", "0.7", "1.0", "1.3", "2.0"], float] | None = Field(
        description="total pay a month at these plan attainments"
    )
    cost_of_sales_at_plan: float | None = Field(
        description="pay at plan ÷ the revenue one person of the role carries at plan"
    )


class PrincipleStatus(_Section):
    """One pay principle (methodology §3.5)."""

    key: Literal[
        "clarity", "over_achievers", "own_results", "darwin", "instant_rewards", "big_thresholds"
    ]
    status: Literal["ok", "violated", "not_assessed"]


class CompensationFindings(_Section):
    """The `compensation` section: pay per role, the principles, the team's pay vs today's."""

    roles: dict[Literal["hunter", "closer", "farmer", "universal", "head"], RolePayFindings]
    principles: list[PrincipleStatus]
    team_pay: float | None = Field(
        description="the team's pay a month under the design at its observed attainment"
    )
    payroll: float | None = Field(description="today's fixed payroll a month (team.fixed_pay)")
    attainment_basis: Literal["plan_fact", "won_spread"] | None = Field(
        description="plan vs fact by manager, else won revenue against the role's median"
    )


# --------------------------------------------------------------------------- funnel


class Stage(_Section):
    """One funnel stage: reach, conversion to the next with its interval."""

    key: StageKey
    reached: Count
    conversion_to_next: Share | None
    open: Count
    interval: Annotated[list[float], Field(min_length=2, max_length=2)] | None
    n: Count
    too_few: bool
    identified: bool = Field(
        True,
        description="false: lost deals without a known loss stage could move this conversion by"
        " more than 5 points, so it is null (export stage history or the loss stage)",
    )
    ambiguity: float | None = Field(
        None, description="width of the range the conversion could lie in (unknown loss stages)"
    )


class CycleDays(_Section):
    """Sales cycle of won deals, in days."""

    median: float | None
    p80: float | None


class Rate(_Section):
    """A rate with its interval and sample size."""

    value: float | None
    lo: float | None
    hi: float | None
    n: Count
    too_few: bool


class Benchmark(_Section):
    """A client figure against the methodology's benchmark."""

    key: str
    value: float | None
    lo: float | None = None
    hi: float | None = None
    low: float | None
    high: float | None
    n: Count | None = None
    too_few: bool | None = None
    status: str | None
    source: str
    basis: Literal["activities", "crm"] | None = Field(
        None, description="meetings_per_closer only: the activity log, or deals in the CRM"
    )


class MonthForecast(_Section):
    """Revenue quantiles of one forecast month."""

    month: Month
    p10: float
    p50: float
    p90: float
    mean: float


class ForecastMethod(_Section):
    """How the forecast was made."""

    inflow: str
    inflow_mean: float
    inflow_var: float
    inflow_months: int
    conversions: list[float]
    average_deal: float
    size_pool: Count
    median_cycle_days: float | None
    open_deals: Count
    stale_excluded: Count
    inflow_trend: float = Field(0.0, description="log slope a month of new deals, shrunk")
    size_trend: float = Field(0.0, description="log slope a month of the average deal, shrunk")
    seasonal: bool = Field(False, description="monthly seasonality of the inflow (≥ 24 months)")
    open_win: list[Share] | None = Field(
        None, description="chance an open deal at each stage wins, as the forecast uses it"
    )
    notes: list[str]


class BacktestRow(_Section):
    """The forecast made at an earlier origin for the months up to as_of, and what came."""

    as_of: Date
    horizon_months: Annotated[int, Field(ge=1)]
    p10: float
    p50: float
    p90: float
    actual: float
    run_rate: float = Field(description="the naive benchmark: last 12 months' rate × horizon")


class Forecast(_Section):
    """The Monte Carlo revenue forecast."""

    horizon_months: Annotated[int, Field(ge=1)]
    p10: float
    p50: float
    p90: float
    p_target: Share | None
    p_target_reason: str | None = None
    mean: float
    expected: float
    target_total: float | None
    monthly: list[MonthForecast]
    scenarios: Count
    seed: int
    method: ForecastMethod
    backtest: list[BacktestRow] = Field(
        default_factory=list, description="re-fitted at origins 3…12 months before as_of"
    )
    backtest_coverage: Share | None = Field(
        None, description="share of backtests with p10 ≤ actual ≤ p90"
    )
    backtest_mae: float | None = Field(None, description="mean |p50 − actual| of the backtests")
    backtest_mae_run_rate: float | None = Field(
        None, description="mean |run rate − actual| of the backtests"
    )


class ManagerCoverage(_Section):
    """One manager's open pipeline against their share of the next quarter's target."""

    manager: str
    open_deals: Count
    pipeline: float
    weighted: float
    target_quarter: float | None
    ratio: float | None
    weighted_ratio: float | None


class PipelineCoverage(_Section):
    """Open pipeline, as is and weighted by the chance to win, against the target."""

    open_deals: Count
    without_amount: Count
    pipeline: float
    weighted: float
    target_quarter: float | None
    target_horizon: float | None
    horizon_months: Annotated[int, Field(ge=1)]
    ratio_quarter: float | None
    weighted_ratio_quarter: float | None
    ratio_horizon: float | None
    weighted_ratio_horizon: float | None
    managers: list[ManagerCoverage]


class Sensitivity(_Section):
    """Revenue change when one driver moves by 10 %."""

    driver: str
    revenue_delta: float
    revenue_delta_down: float | None = None


class ValuedLever(_Section):
    """A driver moved from today to a reference the client can reach, valued over 12 months."""

    driver: str = Field(
        description="conversion.<stage> | win_rate | meeting_to_contract | new_deals | deal_size | "
        "cycle | meetings_per_closer | retention"
    )
    now: float
    reference: float
    reference_source: str = Field(description='"sellers" | "band" | "best_quarter" | "closers"')
    revenue_delta_year: float = Field(
        description="expected revenue over 12 months at the reference minus today's"
    )
    low: float
    high: float
    n: Count = Field(
        0,
        description="deals (or new deals) behind the reference; closer-months (closers); "
        "half-year periods compared (retention)",
    )
    sellers: list[str] = Field(
        default_factory=list, description="the best-quartile sellers (source sellers, closers)"
    )
    behind: list[str] = Field(
        default_factory=list,
        description="conversion levers: the sellers whose 90% interval lies wholly below today's "
        "value (behind beyond chance: where the coaching starts), lowest first",
    )


class GoalSeek(_Section):
    """What one driver would have to be to reach the target."""

    driver: str
    current: float | None
    needed: float | None
    change: float | None
    realistic: bool | None
    reason: str | None
    band_low: float | None
    band_high: float | None
    best_today: float | None
    implied_meeting_to_contract: float | None
    implied_meetings: float | None


class Cut(_Section):
    """Win rate and meeting-to-contract of one value of a cut (client type, product, ...)."""

    value: str | int | float | None
    deals: Count
    won: Count
    lost: Count
    open: Count
    win_rate: float | None
    lo: float | None = None
    hi: float | None = None
    too_few: bool | None = None
    meeting_to_contract: float | None = None
    meeting_to_contract_too_few: bool | None = None


class Hygiene(_Section):
    """One data-hygiene check: how many deals, their share, examples (count null with a reason)."""

    count: Count | None
    share: float | None = None
    examples: list[str] | None = None
    threshold_days: float | None = None
    reason: str | None = None


class TimeInStage(_Section):
    """Time spent in one stage (survival estimate)."""

    stage: str
    spells: Count
    censored: Count
    median_days: float | None
    p80_days: float | None


class Effects(_Section):
    """The plan-fact gap split into its effects."""

    volume: float
    conversion: float
    deal_size: float
    other: float


class PlanFact(_Section):
    """Plan against fact over the months with a plan."""

    months: Count
    plan: float
    fact: float
    gap: float
    effects: Effects
    new_deals_per_month: float | None
    new_deals_needed_per_month: float | None


class FunnelFindings(_Section):
    """The `funnel` section (null without deals); a part the data cannot support is null with a reason."""

    stages: Annotated[list[Stage], Field(min_length=2)]
    won: Count
    lost: Count
    open: Count
    win_rate: Share | None
    win_rate_interval: Annotated[list[float], Field(min_length=2, max_length=2)] | None
    lost_without_stage: Count
    stages_identified: bool = Field(
        True, description="every stage conversion identifiable (see stages[].identified)"
    )
    stages_reason: str | None = Field(
        None, description='"lost_without_stage" when the stage conversions are not identifiable'
    )
    cycle_days: CycleDays
    meeting_to_contract: Rate | None
    meeting_to_contract_reason: str | None = None
    benchmarks: list[Benchmark]
    meetings_per_month: float | None
    sellers_holding_meetings: Count | None
    forecast: Forecast | None
    forecast_reason: str | None = None
    pipeline_coverage: PipelineCoverage | None = None
    pipeline_coverage_reason: str | None = None
    sensitivity: list[Sensitivity] | None
    sensitivity_reason: str | None = None
    levers: list[ValuedLever] | None = Field(
        None, description="levers valued against a reachable reference, by revenue_delta_year"
    )
    levers_reason: str | None = None
    goal_seek: list[GoalSeek] | None
    goal_seek_reason: str | None = None
    cuts: dict[str, list[Cut]]
    hygiene: dict[str, Hygiene]
    time_in_stage: list[TimeInStage] | None
    time_in_stage_reason: str | None = None
    plan_fact: PlanFact | None
    plan_fact_reason: str | None = None


# --------------------------------------------------------------------------- customers


class Thresholds(_Section):
    """ABC and XYZ thresholds."""

    a: float
    b: float
    x: float
    y: float


class Matrix(_Section):
    """Clients in each ABC-XYZ cell."""

    AX: Count
    AY: Count
    AZ: Count
    BX: Count
    BY: Count
    BZ: Count
    CX: Count
    CY: Count
    CZ: Count


class ClassRisk(_Section):
    """Clients of one previous class lost or shrinking, and their revenue."""

    lost: Count
    lost_revenue: float
    shrinking: Count
    shrinking_drop: float


class LostClient(_Section):
    """An A client of the previous window that bought nothing in the current one."""

    client_id: str
    cell: str
    revenue: float = Field(description="its revenue in the previous window")


class MoneyAtRisk(_Section):
    """Clients of the previous window lost or shrinking in the current one, with their revenue."""

    previous_revenue: float
    current_revenue: float
    lost: Count
    lost_revenue: float
    shrinking: Count
    shrinking_drop: float
    at_risk: float = Field(description="lost revenue + the shrinking clients' drop")
    share: float = Field(description="at_risk ÷ previous_revenue")
    by_class: dict[Literal["A", "B", "C"], ClassRisk]
    lost_a: list[LostClient]


class AbcXyzFindings(_Section):
    """The `abcxyz` section (null when nothing can be classified)."""

    window: Annotated[list[Date], Field(min_length=2, max_length=2)]
    period: Literal["M", "Q"]
    degenerate: bool
    too_few_clients: bool = Field(
        False, description="fewer than 10 paying clients: the classes are not read as findings"
    )
    thresholds: Thresholds
    matrix: Matrix
    migration: dict[str, dict[str, Count]]
    critical_moves: list[str]
    money_at_risk: MoneyAtRisk | None = None


# --------------------------------------------------------------------------- control, summary


class Rhythm(_Section):
    """The management rhythm answers (null: not assessed)."""

    morning_planning: bool | None
    checkins_per_day: Count | None
    daily_plan_fact: bool | None
    board: bool | None


class ControlFindings(_Section):
    """The `control` section."""

    rhythm: Rhythm
    crm_readiness: Share | None = Field(description="over the answered checks; null: none answered")
    crm_missing: list[str]
    crm_assessed: Count | None = Field(None, description="CRM checks answered")
    not_assessed: list[str] = Field(default_factory=list)
    activity: dict[str, float | None]


class Recommendation(_Section):
    """One recommendation with its annual revenue impact (null with the reason it has none)."""

    text: str
    impact: float | None
    impact_reason: str | None = Field(
        None, description='why impact is null: "prerequisite" | "no_forecast" | "no_reference"'
    )


class FirstPage(_Section):
    """The summary's printable first page, in the report language."""

    diagnosis: list[str]
    levers: list[str]
    quarter: list[str]


class OpenQuestion(_Section):
    """A questionnaire item not assessed, as a question for the next workshop."""

    section: str = Field(description="report section, e.g. 03_structure")
    item: str = Field(description="the item's path in client.yaml, e.g. structure.regions")
    question: str = Field(description="the question in the report language")


class SummaryFindings(_Section):
    """The `summary` section."""

    headline: list[str]
    first_page: FirstPage | None = None
    recommendations: list[Recommendation] = Field(
        description="sorted by impact, largest first; those without impact last"
    )
    top_lever: str | None = Field(None, description="funnel.levers[0].driver")
    open_questions: list[OpenQuestion] = Field(default_factory=list)


# --------------------------------------------------------------------------- changes (--previous)


class StepChange(_Section):
    """An algorithm step whose status changed."""

    step: int
    before: StepStatus | None
    now: StepStatus


class Change(_Section):
    """A value before and now."""

    before: Any = None
    now: Any = None


class Changes(_Section):
    """What moved since the previous audit (`--previous`)."""

    previous_as_of: str | None
    algorithm: list[StepChange]
    pillars: dict[str, Change]
    win_rate: Change
    abcxyz_matrix: dict[str, Change]
    coverage: dict[str, Change] = Field(
        default_factory=dict, description="technology coverage per group, 0..1"
    )
    figures: dict[str, Change] = Field(
        default_factory=dict,
        description="key figures: deals, won, meeting_to_contract, cycle_days, average_deal, "
        "forecast_p50, p_target, sellers, sellers_needed, crm_readiness",
    )


# --------------------------------------------------------------------------- revenue bases


class Reconciliation(_Section):
    """The two revenue bases over the last 12 months, the target and the plan, reconciled."""

    basis: Literal["payments", "won_deals"] = Field(description="the report's one revenue basis")
    window: Annotated[list[Date], Field(min_length=2, max_length=2)]
    won_deals_12m: float | None
    payments_12m: float | None
    ratio: float | None = Field(description="payments ÷ won deals over the window")
    lag_days: float | None = Field(
        description="median days from a won deal's close to its client's next payment"
    )
    target_month: float | None = Field(description="the target a month as given")
    target_basis: Literal["payments", "won_deals"]
    target_month_in_basis: float | None
    plan_12m: float | None = Field(description="the plan table over the window, in its basis")
    plan_basis: Literal["payments", "won_deals"]
    plan_12m_in_basis: float | None


# --------------------------------------------------------------------------- the document


class Findings(_Section):
    """findings.json, schema version 1."""

    model_config = ConfigDict(
        extra="forbid",
        title="salesaudit findings.json, schema version 1",
    )

    schema_: Literal[1] = Field(alias="schema")
    client: Annotated[str, Field(min_length=1)]
    as_of: Date
    as_of_source: str = Field(
        "client",
        description='how as_of was chosen: "client" (client.yaml), "table.column" of the latest'
        ' fact in the data, or "today"',
    )
    language: Literal["en", "ru"]
    currency: str
    revenue_basis: Literal["payments", "won_deals"] | None = Field(
        None,
        description="the report's one revenue basis: the target's (won deals unless stated)",
    )
    reconciliation: Reconciliation | None = None
    data_quality: dict[str, TableQualityFindings]
    model: ModelFindings | None
    technologies: TechnologiesFindings | None
    structure: StructureFindings | None
    sizing: SizingFindings | None
    compensation: CompensationFindings | None = None
    funnel: FunnelFindings | None
    abcxyz: AbcXyzFindings | None
    control: ControlFindings | None
    summary: SummaryFindings
    reasons: dict[str, str]
    changes: Changes | None = None


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with every `$ref` replaced by its definition (no recursion in findings)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            target = _inline(copy.deepcopy(defs[ref.removeprefix("#/$defs/")]), defs)
            rest = {k: _inline(v, defs) for k, v in node.items() if k != "$ref"}
            return {**target, **rest}
        return {k: _inline(v, defs) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node


def findings_schema() -> dict[str, Any]:
    """The JSON Schema of findings.json generated from `Findings`, self-contained (no `$ref`).

    Each section's sub-schema (`["properties"]["funnel"]`) can validate that section alone.
    """
    raw = Findings.model_json_schema(by_alias=True)
    defs = raw.pop("$defs", {})
    out = _inline(raw, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"salesaudit/findings/{SCHEMA_VERSION}",
        **out,
    }


def schema_text() -> str:
    """The generated schema as written to `report/schema/findings.schema.json`."""
    return json.dumps(findings_schema(), ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":  # python -m salesaudit.report.findings_model > findings.schema.json
    print(schema_text(), end="")
