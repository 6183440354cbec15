"""Step 04: team sizing by the reverse funnel, the hiring plan and the cost of sales (docs/methodology.md §6.3).

Numbers in `compute` (with the client's own productivity in `observed`, the one heads figure in
`heads`, the plan per role in `hiring`, the universal sellers' moves in `redeploy`), sentences
and tables in `text`, figures in `charts`; the names notebooks and the other steps use are
re-exported here.
"""

from salesaudit.steps.sizing.charts import (
    headcount_chart,
    hiring_chart,
    hiring_figure,
    org_charts,
    revenue_cost_chart,
    revenue_cost_figure,
)
from salesaudit.steps.sizing.compute import (
    PLAN_ROLES,
    SELLER_ROLES,
    Default,
    Inputs,
    Plan,
    Staffing,
    active_accounts,
    active_clients,
    current,
    data_rates,
    defaults,
    findings,
    fixed_payroll,
    inputs,
    monthly,
    moves,
    norm_inputs,
    plan,
    repeat_sales,
    required,
    starting,
    workload,
)
from salesaudit.steps.sizing.heads import (
    heads_required,
    regional_heads,
    regional_matrix,
    regions_without_head,
    team_split,
)
from salesaudit.steps.sizing.hiring import carried, hiring_plan, ready_month, totals, wave
from salesaudit.steps.sizing.observed import Productivity, productivity
from salesaudit.steps.sizing.redeploy import Move, redeploy, track_record
from salesaudit.steps.sizing.text import (
    assumptions,
    capacity_table,
    cost_notes,
    hiring_table,
    notes,
    plan_notes,
    unsupported,
    workload_table,
)

__all__ = [
    "PLAN_ROLES",
    "SELLER_ROLES",
    "Default",
    "Inputs",
    "Move",
    "Plan",
    "Productivity",
    "Staffing",
    "active_accounts",
    "active_clients",
    "assumptions",
    "capacity_table",
    "carried",
    "cost_notes",
    "current",
    "data_rates",
    "defaults",
    "findings",
    "fixed_payroll",
    "headcount_chart",
    "heads_required",
    "hiring_chart",
    "hiring_figure",
    "hiring_plan",
    "hiring_table",
    "inputs",
    "monthly",
    "moves",
    "norm_inputs",
    "notes",
    "org_charts",
    "plan",
    "plan_notes",
    "productivity",
    "ready_month",
    "redeploy",
    "regional_heads",
    "regional_matrix",
    "regions_without_head",
    "repeat_sales",
    "required",
    "revenue_cost_chart",
    "revenue_cost_figure",
    "starting",
    "team_split",
    "totals",
    "track_record",
    "unsupported",
    "wave",
    "workload",
    "workload_table",
]
