"""One closer capacity (issue 10): sizing, the funnel's goal seek and the funnel simulator all
read `inputs.productivity.closer_capacity` — client.yaml's number, else the observed median of
the ramped closers, else the norm — never the norm on one side and the observed on the other."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from salesaudit.inputs.audit import Audit, open_audit
from salesaudit.inputs.productivity import closer_capacity, closer_meeting_rates
from salesaudit.steps import sizing
from salesaudit.steps.funnel import analysis
from salesaudit.workshop import simulator


def test_sizing_goal_seek_and_simulator_use_the_one_closer_capacity(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    audit = open_audit(demo_dir / "client.yaml")
    seen: list[float] = []
    real = analysis.fmod.goal_seek

    def spy(*args: Any, **kw: Any) -> Any:
        """goal_seek, noting the meetings a closer is taken to hold."""
        seen.append(kw["meetings_per_closer"])
        return real(*args, **kw)

    monkeypatch.setattr(analysis.fmod, "goal_seek", spy)
    analysis.analyse(audit)
    cap = closer_capacity(audit)
    p = sizing.plan(audit)
    assert p is not None and p.inputs.closer_capacity == cap
    assert cap == pytest.approx(32.25)  # the demo's ramped closers' median, not the norm's 40
    assert seen == [cap]
    state, _ = simulator.initial(demo_dir / "client.yaml")
    assert state.meetings_per_closer == cap
    # the meetings lever starts from the same closers' median, and names its best from them
    lever = next(v for v in analysis.analyse(audit).levers if v.driver == "meetings_per_closer")
    rates, _ = closer_meeting_rates(audit)
    assert rates is not None and lever.now == cap == rates["per_month"].median()
    assert set(lever.who) <= set(rates.index)


def test_a_number_in_the_client_file_wins_everywhere(demo_audit: Audit) -> None:
    cfg = demo_audit.config.model_copy(
        update={
            "capacity": demo_audit.config.capacity.model_copy(
                update={"closer_meetings_per_month": 25.0}
            )
        }
    )
    a = Audit(
        config=cfg, tables=demo_audit.tables, quality=demo_audit.quality, as_of=demo_audit.as_of
    )
    assert closer_capacity(a) == 25.0 and sizing.productivity(a)["closer"].source == "given"
