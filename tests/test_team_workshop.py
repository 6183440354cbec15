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


def test_the_target_and_rate_sliders_move_the_cost_of_sales(state: team.TeamState) -> None:
    """The cost of sales at target earnings: people per role × the role's target earnings from
    `inputs.earnings` (the demo: today's median fixed pay per role), over the target a month."""
    from salesaudit.inputs.earnings import target_earnings

    te = {r: v for r, (v, _) in target_earnings(state.audit).items()}
    base = team.update(state)
    assert base.cost_of_sales is not None
    p = sizing.plan(state.audit)
    assert p is not None and base.cost_of_sales.total == p.monthly_cost
    for out, target in (
        (base, state.inputs.target),
        (
            team.update(team.with_levers(state, target=state.inputs.target * 2)),
            state.inputs.target * 2,
        ),
        (team.update(team.with_levers(state, meeting_to_contract=0.3)), state.inputs.target),
    ):
        cos = out.cost_of_sales
        assert cos is not None
        need = {**{r: n for r, n in out.staff.required.items() if n}, "head": out.staff.heads}
        by_hand = {r: n * te[r] for r, n in need.items()}
        assert cos.by_role == by_hand and cos.total == pytest.approx(sum(by_hand.values()))
        assert cos.share == pytest.approx(cos.total / target)
    doubled = team.update(team.with_levers(state, target=state.inputs.target * 2)).cost_of_sales
    better = team.update(team.with_levers(state, meeting_to_contract=0.3)).cost_of_sales
    assert doubled is not None and better is not None
    assert doubled.total > base.cost_of_sales.total >= better.total  # closers: the log's meetings
    assert "of the target" in team.update(state).summary


def test_the_notebook_shows_the_team_and_the_pay_panels() -> None:
    import nbformat

    nb = nbformat.read(simulator.TEAM_NOTEBOOK, as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "team.panel(state)" in code and "pay.pay_panel(state.audit)" in code
    tags = [t for c in nb.cells for t in c.metadata.get("tags", [])]
    assert tags.count("lang-en") == tags.count("lang-ru") == 1
