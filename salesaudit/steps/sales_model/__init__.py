"""Step 01: the sales model (active/passive, sales type), build-algorithm checks and four pillars.

`compute` holds the numbers and findings, `text` the sentences and tables, `charts` the figures.
"""

from __future__ import annotations

from salesaudit.steps.sales_model.charts import channel_chart, pillars_chart
from salesaudit.steps.sales_model.compute import (
    MISTAKE_STEPS,
    PILLAR_ITEMS,
    ChannelCounts,
    ModelResult,
    PillarCheck,
    activity_regularity,
    algorithm,
    assessed,
    channel_counts,
    decide,
    inbound_share,
    mistake_status,
    mistakes,
    mistakes_not_assessed,
    order_violations,
    pillar_checks,
    pillars,
    problems,
    step_flags,
)
from salesaudit.steps.sales_model.text import (
    algorithm_table,
    channel_label,
    evidence,
    findings,
    notes,
    pillar_item_label,
    pillar_table,
    sentence,
)

__all__ = [
    "MISTAKE_STEPS",
    "PILLAR_ITEMS",
    "ChannelCounts",
    "ModelResult",
    "PillarCheck",
    "activity_regularity",
    "algorithm",
    "algorithm_table",
    "assessed",
    "channel_chart",
    "channel_counts",
    "channel_label",
    "decide",
    "evidence",
    "findings",
    "inbound_share",
    "mistake_status",
    "mistakes",
    "mistakes_not_assessed",
    "notes",
    "order_violations",
    "pillar_checks",
    "pillar_item_label",
    "pillar_table",
    "pillars",
    "pillars_chart",
    "problems",
    "sentence",
    "step_flags",
]
