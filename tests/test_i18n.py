"""Message catalogue and number/date formats."""

from __future__ import annotations

import datetime as dt

from salesaudit.i18n import CATALOGUE, NBSP, fmt_date, fmt_money, fmt_month, fmt_num, fmt_pct, t


def test_every_message_has_both_languages() -> None:
    assert set(CATALOGUE["en"]) == set(CATALOGUE["ru"])
    empty = [k for lang in ("en", "ru") for k, v in CATALOGUE[lang].items() if not v.strip()]
    assert empty == []


def test_russian_number_and_date_formats() -> None:
    assert fmt_num(1234567.8, "ru", 1) == f"1{NBSP}234{NBSP}567,8"
    assert fmt_num(1234567.8, "en", 1) == "1,234,567.8"
    assert fmt_date(dt.date(2026, 12, 31), "ru") == "31.12.2026"
    assert fmt_date(dt.date(2026, 12, 31), "en") == "2026-12-31"
    assert fmt_month("2026-12-01", "ru") == "12.2026"
    assert fmt_pct(0.125, "en", 1) == "12.5%"
    assert fmt_pct(0.125, "ru", 1) == f"12,5{NBSP}%"
    assert fmt_money(12_345_678, "ru", "RUB") == f"12,3{NBSP}млн{NBSP}RUB"
    assert fmt_num(float("nan"), "en") == "—" and fmt_num(-5, "en") == "−5"


def test_placeholders_are_filled() -> None:
    assert t("sum.team", "ru", need=10, heads=2, now=14) == (
        "Для цели нужно продавцов: 10, руководителей: 2; сейчас продавцов: 14."
    )
