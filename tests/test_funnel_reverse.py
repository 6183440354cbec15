"""The reverse funnel of DESIGN §7.4."""

from __future__ import annotations

import pytest

from salesaudit.steps.funnel.reverse import (
    closers_needed,
    rates_from_funnel,
    reverse_funnel,
    stage_activity,
)


def test_reverse_funnel_by_hand() -> None:
    r = reverse_funnel(12_000_000, 400_000, 0.20, 0.10, 0.25)
    assert r == pytest.approx({"contracts": 30, "meetings": 150, "contacts": 1500, "calls": 6000})


def test_reverse_funnel_rejects_bad_rates() -> None:
    with pytest.raises(ValueError):
        reverse_funnel(1e6, 1e5, 0.0, 0.1, 0.25)
    with pytest.raises(ValueError):
        reverse_funnel(1e6, 1e5, 0.2, 1.5, 0.25)
    with pytest.raises(ValueError):
        reverse_funnel(1e6, 0, 0.2, 0.1, 0.25)


def test_stage_activity_walks_back() -> None:
    stages = ["target_list", "first_contact", "offer", "contract"]
    out = stage_activity(1_000_000, 100_000, stages, [0.5, 0.4, 0.25])
    assert [r["key"] for r in out] == stages
    assert [r["needed"] for r in out] == pytest.approx([200, 100, 40, 10])
    with pytest.raises(ValueError):
        stage_activity(1, 1, stages, [0.5])


def test_closers_and_rates() -> None:
    assert closers_needed(150, 40) == 4 and closers_needed(80, 40) == 2
    assert closers_needed(0, 40) == 0 and closers_needed(1, 40) == 1
    stages = ["target_list", "first_contact", "needs_brief", "contract"]
    r = rates_from_funnel(stages, [0.3, 0.5, 0.4, None])
    assert r["meeting_to_contract"] == pytest.approx(0.2)
    assert r["contact_to_meeting"] == pytest.approx(0.3)
    assert rates_from_funnel(["target_list", "contract"], [0.1, None]) == {
        "meeting_to_contract": None,
        "contact_to_meeting": None,
    }
