"""Step 06: ABC-XYZ classification of clients and their migration (docs/methodology.md §6.6).

Numbers in `compute`, sentences in `text`, figures in `charts`; the names notebooks and the
other steps use are re-exported here.
"""

from salesaudit.steps.customers.charts import abc_chart, matrix_chart, migration_sankey
from salesaudit.steps.customers.compute import (
    CELLS,
    Classification,
    MoneyAtRisk,
    Overview,
    abc,
    abc_shares,
    cell_revenue,
    classify,
    findings,
    headline,
    matrix,
    migration,
    money_at_risk,
    moves,
    overview,
    purchases,
    risk_of,
    xyz,
)
from salesaudit.steps.customers.text import (
    cell_table,
    migration_table,
    notes,
    recommendations,
    risk_table,
)

__all__ = [
    "migration_sankey",
    "cell_table",
    "migration_table",
    "risk_table",
    "MoneyAtRisk",
    "money_at_risk",
    "risk_of",
    "headline",
    "CELLS",
    "Classification",
    "Overview",
    "abc",
    "abc_chart",
    "abc_shares",
    "cell_revenue",
    "classify",
    "findings",
    "matrix",
    "matrix_chart",
    "migration",
    "moves",
    "notes",
    "overview",
    "purchases",
    "recommendations",
    "xyz",
]
