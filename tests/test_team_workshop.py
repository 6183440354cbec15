"""The workshop's team panel (issue 10): the report's sizing at its starting values, live levers."""

from __future__ import annotations

import pytest

from salesaudit.steps import sizing
from salesaudit.workshop import simulator, team


@pytest.fixture(scope="module")
def state() -> team.TeamState:
    """The panel started on the demo client."""
    return team.initial(str(simulator.DEMO_CLIENT), "en")


def test_the_panel_starts_from_the_reports_sizing(state: team.TeamState) -> None:
    out = team.update(state)
    p = sizing.plan(state.audit)
    assert p is not None
    assert out.staff.required == p.required and out.staff.heads == p.heads
    assert out.start == p.start and out.ready == p.ready
    assert out.hiring_plan.equals(p.hiring_plan)
    assert out.cost_needed == p.monthly_cost
    assert out.elapsed < 1.0 and "Needed:" in out.summary


def test_levers_move_headcount_plan_and_cost(state: team.TeamState) -> None:
    base = team.update(state)
    norm = state.inputs
    moved = team.with_levers(state, closer_capacity=40.0, farmer_capacity=60.0)
    out = team.update(moved)
    p = sizing.plan(state.audit)
    assert p is not None and p.norm is not None
    assert out.staff.required == p.norm.required  # the norm case of the report
    bigger = team.update(team.with_levers(state, target=norm.target * 2, batch=3, ramp=3))
    assert bigger.staff.sellers > base.staff.sellers
    waves = bigger.hiring_plan[bigger.hiring_plan["role"] != "head"].groupby("month")["hires"]
    assert all(n % 3 == 0 for n in waves.sum())
    assert bigger.cost_needed > base.cost_needed
    with pytest.raises(ValueError, match="unknown levers"):
        team.with_levers(state, closers=3)


def test_the_widget_builds_and_redraws(state: team.TeamState) -> None:
    pytest.importorskip("ipywidgets")
    panel = team.TeamPanel(state)
    assert panel.last is not None and panel.last.staff.required == sizing.plan(state.audit).required
    panel.sliders["closer_capacity"].value = 40.0
    assert panel.last.staff.required["closer"] == 6


def test_workshop_command_opens_the_team_panel() -> None:
    cmd = simulator.workshop_command(None, lab=False, team=True)
    assert str(simulator.TEAM_NOTEBOOK) in cmd
