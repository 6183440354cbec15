"""Property: a table written in any supported regional format loads to the same canonical frame."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesaudit.inputs.client import from_dict
from salesaudit.inputs.ingest import load_tables

STAGES = {
    "Новая": "target_list",
    "Встреча": "first_contact",
    "КП отправлено": "offer",
    "Won": "contract",
    "Отказ": "lost",
}
NAMES = [
    "Иванов Иван",
    "Ёлкина А.",
    "Smith, John",
    'Ольга "Оля" Ким',
    "O'Neil",
    "Петров; П.",
    "Анна\tМария",
]
HEAD = ["ID", "Дата создания", "Стадия", "Сумма", "Менеджер"]
FUNNEL = {
    "stages": [
        {"key": "target_list", "crm": ["Новая"]},
        {"key": "first_contact", "crm": ["Встреча"]},
        {"key": "offer", "crm": ["КП отправлено"]},
        {"key": "contract", "crm": ["Won"]},
    ],
    "lost": ["Отказ"],
}

row = st.tuples(
    st.datetimes(min_value=dt.datetime(2015, 1, 1), max_value=dt.datetime(2030, 12, 31)).map(
        lambda d: d.replace(second=0, microsecond=0)
    ),
    st.sampled_from(sorted(STAGES)),
    st.integers(min_value=-(10**8), max_value=10**10),  # cents
    st.sampled_from(NAMES),
)
fmt = st.fixed_dictionaries(
    {
        "encoding": st.sampled_from(["utf-8", "utf-8-sig", "cp1251", "utf-16"]),
        "delimiter": st.sampled_from([",", ";", "\t"]),
        "decimal": st.sampled_from([".", ","]),
        "thousands": st.sampled_from(
            ["", " ", "\u00a0", "'", "group"]
        ),  # group: the other of . and ,
        "order": st.sampled_from(["dmy.", "dmy/", "mdy/", "ymd-", "dmy-"]),
        "time": st.booleans(),
        "crlf": st.booleans(),
    }
)


def amount_text(cents: int, decimal: str, thousands: str) -> str:
    sign, cents = ("-" if cents < 0 else ""), abs(cents)
    whole, frac = divmod(cents, 100)
    sep = ("," if decimal == "." else ".") if thousands == "group" else thousands
    digits = f"{whole:,}".replace(",", sep)
    return f"{sign}{digits}{decimal}{frac:02d}"


def date_text(d: dt.datetime, order: str, with_time: bool) -> str:
    sep = order[-1]
    parts = {"d": f"{d.day:02d}", "m": f"{d.month:02d}", "y": f"{d.year:04d}"}
    text = sep.join(parts[c] for c in order[:3])
    return text + (d.strftime(" %H:%M") if with_time else "")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(row, min_size=1, max_size=12), f=fmt, day=st.integers(13, 28))
def test_any_regional_format_loads_the_same(rows, f, day) -> None:
    # one day above 12 so that day-first and month-first can be told apart, as in real exports
    rows = [(rows[0][0].replace(day=day), *rows[0][1:]), *rows[1:]]
    if not f["time"]:
        rows = [(d.replace(hour=0, minute=0), *rest) for d, *rest in rows]
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=f["delimiter"], lineterminator="\r\n" if f["crlf"] else "\n")
    writer.writerow(HEAD)
    for i, (d, stage, cents, name) in enumerate(rows):
        writer.writerow(
            [
                f"D-{i:03d}",
                date_text(d, f["order"], f["time"]),
                stage,
                amount_text(cents, f["decimal"], f["thousands"]),
                name,
            ]
        )
    expected = pd.DataFrame(
        {
            "deal_id": [f"D-{i:03d}" for i in range(len(rows))],
            "created_at": pd.to_datetime([r[0] for r in rows]).astype("datetime64[ns]"),
            "stage": [STAGES[r[1]] for r in rows],
            "amount": [r[2] / 100 for r in rows],
            "manager": [" ".join(r[3].split()) for r in rows],
        }
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deals.csv"
        path.write_bytes(buf.getvalue().encode(f["encoding"]))
        spec = {
            "path": "deals.csv",
            "columns": dict(
                zip(["deal_id", "created_at", "stage", "amount", "manager"], HEAD, strict=True)
            ),
        }
        cfg = from_dict(
            {"client": "P", "funnel": FUNNEL, "data": {"deals": spec}}, base_dir=Path(tmp)
        )
        tables, dq = load_tables(cfg)
    got = tables["deals"][list(expected.columns)]
    assert dq.tables["deals"].rows_rejected == 0, dq.tables["deals"].warnings
    pd.testing.assert_frame_equal(
        got.astype({"deal_id": object, "stage": object, "manager": object}),
        expected.astype({"deal_id": object, "stage": object, "manager": object}),
    )
