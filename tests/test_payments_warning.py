"""A target in payments without a payments table is said, with what to export (both languages)."""

from __future__ import annotations

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
