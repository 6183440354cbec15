"""Step 04, pay: pay curves per role, cost of sales, the team's pay and the pay principles
(docs/methodology.md §6.4, methodology §3.5).

Numbers in `compute`, sentences and tables in `text`, figures in `charts`; the names notebooks
and the workshop use are re-exported here.
"""

from salesaudit.steps.compensation.charts import (
    cost_chart,
    cost_of_sales_chart,
    curve_chart,
    pay_curves_chart,
    team_pay_chart,
)
from salesaudit.steps.compensation.compute import (
    PAY_AT,
    PRINCIPLES,
    ROLES,
    Compensation,
    Pay,
    PayPlan,
    Principle,
    RolePay,
    TeamPay,
    attainments,
    compensation,
    curve,
    findings,
    pay,
    pay_plan,
    payout,
    plan_fact_attainment,
    principles,
    role_pay,
    team_pay,
    won_spread_attainment,
)
from salesaudit.steps.compensation.text import (
    check_output,
    notes,
    principles_table,
    role_table,
    team_notes,
)

__all__ = [
    "PAY_AT",
    "PRINCIPLES",
    "ROLES",
    "Compensation",
    "Pay",
    "PayPlan",
    "Principle",
    "RolePay",
    "TeamPay",
    "attainments",
    "check_output",
    "compensation",
    "cost_chart",
    "cost_of_sales_chart",
    "curve",
    "curve_chart",
    "findings",
    "notes",
    "pay",
    "pay_curves_chart",
    "pay_plan",
    "payout",
    "plan_fact_attainment",
    "principles",
    "principles_table",
    "role_pay",
    "role_table",
    "team_notes",
    "team_pay",
    "team_pay_chart",
    "won_spread_attainment",
]
