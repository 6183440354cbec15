"""A target in payments without a payments table is said, with what to export (both languages)."""

from __future__ import annotations

import pytest

from salesaudit.steps import intake

from .funnel_synth import history, make_audit


def test_a_target_in_payments_without_payments_is_warned_in_both_languages() -> None:
    deals, hist = history(months=12, per_month=40, seed=3)
    assert not intake.payments_missing(make_audit(deals, hist))  # in won deals: nothing to say
    for lang, word, export in (("en", "payments", "Export"), ("ru", "оплат", "Выгрузите")):
        a = make_audit(deals, hist, lang=lang, basis="payments")
        assert intake.payments_missing(a)
        assert any(word in s and export in s for s in intake.quality_notes(a))
        assert any(export in s for s in intake.reconciliation_note(a))


def test_abc_xyz_revenue_is_stated_in_the_report_basis(demo_audit) -> None:
    """The classes are built on payments; the report's basis is won deals: the window's
    revenue is converted by the reconciliation's ratio, so 230 M a year of payments cannot be
    read against a forecast in won deals as a contradiction."""
    from salesaudit.inputs.basis import reconciliation
    from salesaudit.steps.customers import compute

    ov = compute.overview(demo_audit)
    r = reconciliation(demo_audit)
    assert ov is not None and r is not None and r.basis == "won_deals" and ov.source == "sales"
    assert ov.revenue_in_basis == pytest.approx(ov.revenue / r.ratio)
    codes = [f.code for f in ov.findings]
    assert codes[codes.index("c.window") + 1] == "c.basis.sales"
