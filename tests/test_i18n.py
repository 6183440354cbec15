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
    assert t("sum.team", "ru", roles="клоузеры 8 (5)") == (
        "Сколько людей нужно для цели, по ролям (в скобках — сейчас): клоузеры 8 (5)."
    )


def test_plural_forms_follow_cldr_rules() -> None:
    from salesaudit.i18n import expand_plurals

    ru = "{n, plural, one {# сделка} few {# сделки} many {# сделок} other {# сделки}}"
    got = [expand_plurals(ru, "ru", {"n": n}) for n in (1, 2, 5, 11, 21, 22, 142)]
    assert got == [
        "1 сделка",
        "2 сделки",
        "5 сделок",
        "11 сделок",
        "21 сделка",
        "22 сделки",
        "142 сделки",
    ]
    en = "{n, plural, one {# head} other {# heads}}"
    assert [expand_plurals(en, "en", {"n": n}) for n in (1, 2, 0)] == [
        "1 head",
        "2 heads",
        "0 heads",
    ]
    assert expand_plurals(ru, "ru", {"n": 1500}) == f"1{NBSP}500 сделок"


def test_english_counts_agree_with_their_nouns() -> None:
    import numpy as np

    from salesaudit.core.quality import Note
    from salesaudit.i18n.notes import render

    assert t("s.plan.heads", "en", n=1) == "1 head of sales"
    assert t("s.plan.heads", "en", n=2) == "2 heads of sales"
    assert t("rec.hire", "en", n=np.int64(1), b=3).startswith("Hire 1 seller ")
    assert render(Note("lost.no_stage", {"count": 1, "rows": [5]}), "en").startswith(
        "1 lost deal has"
    )
    leftovers = [k for k, v in CATALOGUE["en"].items() if "(s)" in v and "{" in v.split("(s)")[0]]
    assert len(leftovers) <= 3, leftovers  # only phrases whose count is not a number
