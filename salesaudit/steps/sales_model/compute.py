"""Step 01 numbers: the sales model (active/passive, sales type), the build algorithm, four pillars.

Results are numbers, canonical keys and `Finding`s; `text` and `charts` render them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from salesaudit.core.constants import PASSIVE_SHARE, PROJECT_CYCLE_DAYS, REVIEW_MONTHS
from salesaudit.core.results import Finding
from salesaudit.inputs import channels
from salesaudit.inputs.audit import Audit
from salesaudit.steps.funnel import compute as funnel

PILLARS = ("operations", "process", "coaching", "training")


@dataclass(frozen=True)
class ModelResult:
    """The sales-model decision with its evidence (codes `m.*` with raw values)."""

    mode: str
    mode_auto: str
    inbound_share: float | None
    sales_type: str
    sales_type_auto: str
    median_cycle: float | None
    evidence: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class ChannelCounts:
    """Deals per channel as the client wrote it (most deals first), and which are inbound."""

    channels: tuple[str, ...]
    counts: tuple[int, ...]
    inbound: tuple[bool, ...]


def inbound_share(audit: Audit) -> float | None:
    """Share of deals from the client's inbound channels (None without channel data)."""
    deals = audit.table("deals")
    if deals is None or "channel" not in deals or deals["channel"].notna().sum() == 0:
        return None
    ch = deals["channel"].dropna().astype(str)
    return float(sum(channels.is_inbound(audit.config, ch)) / len(ch))


def _sales_type(audit: Audit, median_cycle: float | None) -> str:
    """The sales type the data and answers suggest: project, regional or traditional."""
    cfg = audit.config
    if median_cycle is not None and median_cycle > PROJECT_CYCLE_DAYS:
        return "project"
    if cfg.structure.regions > 1 and cfg.model.partners:
        return "regional"
    return "traditional"


def _decide(audit: Audit) -> ModelResult:
    """Decide mode and sales type from the answers and the data (DESIGN §7.1)."""
    cfg = audit.config
    share = inbound_share(audit)
    mode_auto = "passive" if share is not None and share > PASSIVE_SHARE else "active"
    evidence: list[Finding] = []
    if share is not None:
        present = audit.tables["deals"]["channel"].dropna().unique()
        inbound = channels.inbound_channels(cfg, present)
        evidence.append(Finding("m.mode_evidence", {"share": share, "channels": inbound}))
    else:
        evidence.append(Finding("m.mode_no_data", {"mode": mode_auto}))
    mode = mode_auto if cfg.model.mode == "auto" else cfg.model.mode
    if mode != mode_auto:
        evidence.append(Finding("m.mode_override", {"mode": mode, "auto": mode_auto}, "warning"))
    deals = audit.table("deals")
    med = funnel.cycle_summary(deals)["median"] if deals is not None else None
    type_auto = _sales_type(audit, med)
    if med is not None:
        evidence.append(Finding("m.cycle_evidence", {"days": med}))
    if type_auto == "regional":
        evidence.append(Finding("m.regional_evidence", {"regions": cfg.structure.regions}))
    stype = type_auto if cfg.model.sales_type == "auto" else cfg.model.sales_type
    evidence.append(Finding("m.type_result", {"type": stype}))
    return ModelResult(mode, mode_auto, share, stype, type_auto, med, tuple(evidence))


def decide(audit: Audit) -> ModelResult:
    """The sales-model decision, computed once per audit."""
    return audit.memo(("sales_model.decide",), lambda: _decide(audit))


def algorithm(audit: Audit) -> list[dict[str, Any]]:
    """The seven steps with their status (missing where not answered)."""
    answers = audit.config.model.algorithm
    return [{"step": s, "status": answers.get(s, "missing")} for s in range(1, 8)]


def order_violations(steps: list[dict[str, Any]]) -> list[dict[str, int]]:
    """Steps in place or partial while an earlier step is missing."""
    out = []
    for i, s in enumerate(steps):
        if s["status"] == "missing":
            continue
        earlier = [e["step"] for e in steps[:i] if e["status"] == "missing"]
        if earlier:
            out.append({"step": s["step"], "missing_before": earlier[0]})
    return out


def mistakes(audit: Audit) -> list[int]:
    """The methodology's typical mistakes (1–6) that the answers show."""
    m = audit.config.model
    st = {s["step"]: s["status"] for s in algorithm(audit)}
    found = []
    if st[1] == "missing" or st[2] == "missing":
        found.append(1)
    if m.hiring == "one_by_one":
        found.append(2)
    if m.work_control == "none" or st[4] == "missing":
        found.append(3)
    if m.motivation == "fixed_only":
        found.append(4)
    if m.training != "system" or st[6] == "missing":
        found.append(5)
    if m.last_review_months_ago > REVIEW_MONTHS or st[7] == "missing":
        found.append(6)
    return found


def problems(audit: Audit) -> list[Finding]:
    """Order violations (`m.violation`) then typical mistakes (`mistake.<n>`), as findings."""
    steps = algorithm(audit)
    status = {s["step"]: s["status"] for s in steps}
    out = [
        Finding(
            "m.violation",
            {"step": v["step"], "status": status[v["step"]], "earlier": v["missing_before"]},
            "warning",
        )
        for v in order_violations(steps)
    ]
    out += [Finding(f"mistake.{m}", {"number": m}, "bad") for m in mistakes(audit)]
    return out


def pillars(audit: Audit) -> dict[str, int]:
    """Four pillars 0–100: the self-assessment, averaged with data evidence where it exists."""
    p = audit.config.model.pillars
    score = {k: getattr(p, k) / 4 * 100 for k in PILLARS}
    has = {name: audit.table(name) is not None for name in ("plan", "activities", "stage_history")}
    ops_evidence = 50 * has["plan"] + 50 * has["activities"]
    score["operations"] = (score["operations"] + ops_evidence) / 2
    hist, deals = audit.table("stage_history"), audit.table("deals")
    if hist is not None and deals is not None:
        covered = deals["deal_id"].isin(hist["deal_id"]).mean() * 100
        score["process"] = (score["process"] + covered) / 2
    return {k: int(round(v)) for k, v in score.items()}


def channel_counts(audit: Audit) -> ChannelCounts | None:
    """Deals per channel ('—' for none), inbound flagged; None without a channel column."""
    deals = audit.table("deals")
    if deals is None or "channel" not in deals:
        return None
    counts = deals["channel"].fillna("—").value_counts()
    return ChannelCounts(
        channels=tuple(str(c) for c in counts.index),
        counts=tuple(int(n) for n in counts.values),
        inbound=tuple(channels.is_inbound(audit.config, [str(c) for c in counts.index])),
    )
