"""Step 06: ABC-XYZ classification of clients and their migration (docs/methodology.md §6.6).

Numbers in `compute`, sentences in `text`, figures in `charts`; the names notebooks and the
other steps use are re-exported here.
"""

from salesaudit.steps.customers.charts import abc_chart, matrix_chart
from salesaudit.steps.customers.compute import (
    CELLS,
    Classification,
    Overview,
    abc,
    abc_shares,
    cell_revenue,
    classify,
    findings,
    matrix,
    migration,
    moves,
    overview,
    purchases,
    xyz,
)
from salesaudit.steps.customers.text import notes, recommendations

__all__ = [
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
