"""Step 04: team sizing by the reverse funnel, the hiring plan and the cost of sales (docs/methodology.md §6.3).

Numbers in `compute`, sentences and tables in `text`, figures in `charts`; the names notebooks
and the other steps use are re-exported here.
"""

from salesaudit.steps.sizing.charts import headcount_chart, hiring_chart
from salesaudit.steps.sizing.compute import (
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
    hiring_plan,
    inputs,
    plan,
    required,
    workload,
)
from salesaudit.steps.sizing.text import assumptions, notes, unsupported, workload_table

__all__ = [
    "SELLER_ROLES",
    "Default",
    "Inputs",
    "Plan",
    "Staffing",
    "active_accounts",
    "active_clients",
    "assumptions",
    "current",
    "data_rates",
    "defaults",
    "findings",
    "headcount_chart",
    "hiring_chart",
    "hiring_plan",
    "inputs",
    "notes",
    "plan",
    "required",
    "unsupported",
    "workload",
    "workload_table",
]
