"""The loader's API and behaviour on small hand-made tables (the corpus covers the faults)."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pyarrow as pa
import pytest

from salesaudit.core.quality import TableQuality
from salesaudit.inputs.audit import open_audit
from salesaudit.inputs.client import TableSpec, from_dict
from salesaudit.inputs.ingest import (
    load_table,
    load_tables,
    quality_summary,
    quality_text,
    rejected_rows,
)
from salesaudit.inputs.ingest.parse import build_dates, parse_numbers, scan_dates
from salesaudit.inputs.ingest.read import RawColumn

FUNNEL = {
    "stages": [
        {"key": "target_list", "crm": ["Новая"]},
        {"key": "offer", "crm": ["КП"]},
        {"key": "contract", "crm": ["Успех"]},
    ],
    "lost": ["Отказ"],
}


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def cfg_of(folder: Path, data: dict, **extra):
    return from_dict({"client": "T", "funnel": FUNNEL, **extra, "data": data}, base_dir=folder)


def col(values: list[str | None]) -> RawColumn:
    return RawColumn("x", "A", pa.array(values, pa.string()))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 234,56", 1234.56),
        ("1\u00a0234,56", 1234.56),
        ("1.234,56", 1234.56),
        ("12'345,50", 12345.5),
        ("(1 234,00)", -1234.0),
        ("−500,25", -500.25),
        ("1 200,10 ₽", 1200.1),
        ("1 500,00 руб.", 1500.0),
        ("7,5", 7.5),
    ],
)
def test_numbers_decimal_comma(text: str, expected: float) -> None:
    r = parse_numbers(col([text, "2,50"]), "auto", "auto", None)
    assert r.decimal == "," and r.values[0] == pytest.approx(expected) and not r.bad.any()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("$1,200.50", 1200.5), ("USD 12,000.00", 12000.0), ("1,234,567", 1234567.0), ("-3.5", -3.5)],
)
def test_numbers_decimal_point(text: str, expected: float) -> None:
    r = parse_numbers(col([text, "2.50"]), "auto", "auto", None)
    assert r.decimal == "." and r.values[0] == pytest.approx(expected) and not r.bad.any()


def test_numbers_whole_and_bad() -> None:
    r = parse_numbers(col(["1,234", "5", None, "около 5", "1.2.3"]), "auto", "auto", None)
    assert r.decimal == "whole" and r.values[0] == 1234 and np.isnan(r.values[2])
    assert r.bad.tolist() == [False, False, False, True, True]


@pytest.mark.parametrize(
    ("values", "first"),
    [
        (["2024-01-31T10:00:00Z", "2024-02-01"], "2024-01-31 10:00"),
        (["31.01.2024 10:15", "01.02.2024"], "2024-01-31 10:15"),
        (["1/31/2024 2:05 PM", "2/1/2024"], "2024-01-31 14:05"),
        (["31 января 2024", "1 февраля 2024"], "2024-01-31"),
        (["Jan 31, 2024", "Feb 1, 2024"], "2024-01-31"),
        (["45322", "45323"], "2024-01-31"),
        (["2024-01", "03.2024"], "2024-01-01"),
        (["31.01.24", "01.02.24"], "2024-01-31"),
    ],
)
def test_dates_auto(values: list[str], first: str) -> None:
    scan = scan_dates(col(values))
    order = None if not scan.needs_order else ("monthfirst" if scan.mdy_only.any() else "dayfirst")
    res = build_dates(scan, order)
    assert pd.Timestamp(res.values[0]) == pd.Timestamp(first) and not res.bad.any()


def test_load_table_keeps_the_first_cut_api(tmp_path: Path) -> None:
    write(
        tmp_path,
        "d.csv",
        "deal_id,created_at,stage,amount\n1,2024-01-05,Новая,10\n2,2024-01-06,Успех,20\n",
    )
    cfg = cfg_of(tmp_path, {"deals": {"path": "d.csv"}})
    df, q = load_table("deals", TableSpec(path="d.csv"), cfg)
    assert isinstance(q, TableQuality) and q.rows_read == 2
    assert df["stage"].tolist() == ["Новая", "Успех"]  # mapped by load_tables, not here
    tables, _ = load_tables(cfg)
    assert tables["deals"]["stage"].tolist() == ["target_list", "contract"]


def test_all_tables_and_types(tmp_path: Path) -> None:
    write(
        tmp_path,
        "deals.csv",
        "ID;Создана;Этап;Сумма;Менеджер;Тип;Причина этапа\n1;05.01.2024;Новая;10,5;Анна;новый;\n2;14.01.2024;Отказ;20;Борис;Текущий;КП\n",
    )
    write(
        tmp_path, "history.csv", "deal_id,stage,entered_at\n1,Новая,2024-01-05\n2,КП,2024-01-20\n"
    )
    write(
        tmp_path,
        "sales.csv",
        "client_id;date;amount;manager\nООО А;15.01.2024;100,00;Анна\nООО Б;16.01.2024;-5,00;Анна\n",
    )
    write(
        tmp_path,
        "team.csv",
        "manager,role,head,hired_at,fixed_pay\nАнна,Клоузер,Вера,2023-03-01,50000\nБорис,hunter,Вера,2023-04-01,40000\nВера,РОП,,2020-01-01,90000\nГлеб,Аккаунт-менеджер,Вера,2022-01-10,55000\n",
    )
    write(
        tmp_path,
        "plan.csv",
        "period;amount;manager\n01.2024;1 000 000;Анна\n2024-02;900 000;Анна\n",
    )
    write(
        tmp_path,
        "act.csv",
        "manager,date,type,count\nАнна,2024-01-05,Звонок,12\nБорис,2024-01-05,meeting,\n",
    )
    data = {
        "deals": {
            "path": "deals.csv",
            "columns": {
                "deal_id": "ID",
                "created_at": "Создана",
                "stage": "Этап",
                "amount": "Сумма",
                "manager": "Менеджер",
                "client_type": "Тип",
                "lost_stage": "Причина этапа",
            },
        },
        "stage_history": {"path": "history.csv"},
        "sales": {"path": "sales.csv"},
        "team": {"path": "team.csv"},
        "plan": {"path": "plan.csv"},
        "activities": {"path": "act.csv"},
    }
    tables, dq = load_tables(cfg_of(tmp_path, data))
    d = tables["deals"]
    assert d["stage"].tolist() == ["target_list", "lost"] and d["lost_stage"].tolist()[1] == "offer"
    assert d["client_type"].tolist() == ["new", "current"]
    assert str(d["created_at"].dtype) == "datetime64[ns]" and d["amount"].dtype == float
    assert tables["team"]["role"].tolist() == ["closer", "hunter", "head", "farmer"]
    assert tables["plan"]["period"].tolist() == [
        pd.Timestamp("2024-01-01"),
        pd.Timestamp("2024-02-01"),
    ]
    assert tables["plan"]["amount"].tolist() == [1_000_000, 900_000]
    assert tables["activities"]["type"].tolist() == ["call", "meeting"]
    assert tables["sales"]["amount"].tolist() == [100.0, -5.0]
    assert not [w for q in dq.tables.values() for w in q.warnings]
    assert dq.tables["deals"].date_min == pd.Timestamp("2024-01-05")


def test_excel_rows_title_block_and_uncached_formulas(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Выгрузка сделок"
    ws.append([])
    ws.append(["ID", "Дата", "Этап", "Клиент"])  # row 3
    ws.append([1.0, dt.datetime(2024, 1, 5), "Новая", '=HYPERLINK("https://x/1","ООО Ромашка")'])
    ws.append([2, "не дата", "Новая", "ООО Б"])  # row 5
    ws.append([3, 45322, "Успех", None])  # serial date in a number cell
    wb.save(tmp_path / "d.xlsx")
    data = {
        "deals": {
            "path": "d.xlsx",
            "columns": {
                "deal_id": "ID",
                "created_at": "Дата",
                "stage": "Этап",
                "client_id": "Клиент",
            },
        }
    }
    tables, dq = load_tables(cfg_of(tmp_path, data))
    d = tables["deals"]
    assert d["deal_id"].tolist() == ["1", "3"]
    assert d["client_id"].tolist()[0] == "ООО Ромашка"
    assert d["created_at"].tolist()[1] == pd.Timestamp("2024-01-31")
    rej = rejected_rows(dq)
    assert rej[rej["action"] == "rejected"][["row", "column", "value"]].values.tolist() == [
        [5, "Дата", "не дата"]
    ]


def test_many_bad_rows_first_few_and_a_count(tmp_path: Path) -> None:
    lines = [
        f"{i},2024-01-{(i % 28) + 1:02d},Новая,{'x' if i % 3 == 0 else i}" for i in range(1, 31)
    ]
    write(tmp_path, "d.csv", "deal_id,created_at,stage,amount\n" + "\n".join(lines) + "\n")
    _, dq = load_tables(cfg_of(tmp_path, {"deals": {"path": "d.csv"}}))
    (w,) = dq.tables["deals"].warnings
    assert "10 values left empty (rows 4, 7, 10, 13, 16 and 5 more)" in w
    assert len(rejected_rows(dq)) == 10


def test_read_only_input_is_fine(tmp_path: Path) -> None:
    path = write(tmp_path, "d.csv", "deal_id,created_at,stage\n1,2024-01-05,Новая\n")
    os.chmod(path, stat.S_IRUSR)
    try:
        tables, _ = load_tables(cfg_of(tmp_path, {"deals": {"path": "d.csv"}}))
        assert len(tables["deals"]) == 1
    finally:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def test_cp1252_and_bom(tmp_path: Path) -> None:
    write(
        tmp_path,
        "d.csv",
        "deal_id;created_at;stage;manager\n1;2024-01-05;Новая;José Müller\n",
        "utf-8-sig",
    )
    _, dq = load_tables(cfg_of(tmp_path, {"deals": {"path": "d.csv"}}))
    assert "byte-order mark" in dq.tables["deals"].choices["encoding"]
    write(
        tmp_path,
        "e.csv",
        "deal_id;created_at;stage;manager\n1;2024-01-05;target_list;José Müller\n",
        "cp1252",
    )
    cfg = from_dict({"client": "T", "data": {"deals": {"path": "e.csv"}}}, base_dir=tmp_path)
    tables, dq = load_tables(cfg)
    assert tables["deals"]["manager"].tolist() == ["José Müller"]
    assert "cp1252" in dq.tables["deals"].choices["encoding"]


def test_quality_outputs_in_both_languages(tmp_path: Path) -> None:
    write(
        tmp_path,
        "d.csv",
        "deal_id;created_at;stage;amount\n1;05.01.2024;Новая;-1\n2;14.01.2024;Отказ;x\n2;15.01.2024;Новая;3\n",
    )
    _, dq = load_tables(cfg_of(tmp_path, {"deals": {"path": "d.csv"}}, as_of="2024-01-10"))
    en, ru = quality_summary(dq, "en"), quality_summary(dq, "ru")
    assert list(en.columns) == [
        "Table",
        "File",
        "Rows read",
        "Rows rejected",
        "Dates",
        "How it was read",
        "Warnings",
    ]
    assert en.iloc[0]["Rows rejected"] == 1 and en.iloc[0]["Warnings"] == 5
    assert ru.iloc[0]["Таблица"] == "Сделки" and "день-месяц" in ru.iloc[0]["Как прочитан"]
    text_ru = "\n".join(quality_text(dq, "ru"))
    assert "позже даты аудита 2024-01-10" in text_ru and "этапа проигрыша" in text_ru
    rej = rejected_rows(dq)
    assert list(rej.columns) == ["table", "file", "row", "column", "value", "reason", "action"]
    assert set(rej["action"]) == {"rejected", "blanked", "flagged"}


def test_open_audit_end_to_end(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    write(tmp_path, "data/d.csv", "ID;Дата;Этап\n1;05.01.2024;Новая\n2;14.02.2024;Успех\n")
    (tmp_path / "client.yaml").write_text(
        "client: T\nfunnel:\n  stages: [{key: target_list, crm: [Новая]}, {key: contract, crm: [Успех]}]\n"
        "data:\n  deals: {path: data/d.csv, columns: {deal_id: ID, created_at: Дата, stage: Этап}}\n",
        encoding="utf-8",
    )
    audit = open_audit(tmp_path / "client.yaml")
    assert audit.as_of == pd.Timestamp("2024-02-14") and len(audit.tables["deals"]) == 2


def test_legacy_xls_through_xlrd() -> None:
    sm = pytest.importorskip("statsmodels")
    path = Path(sm.__file__).parent / "datasets" / "macrodata" / "src" / "macrodata.xls"
    path = path / "macrodata.xls" if path.is_dir() else path
    if not path.is_file():
        pytest.skip("no .xls sample available")
    spec = {
        "path": str(path),
        "sheet": "quarterly",
        "columns": {"client_id": "FGCEC96", "date": "DATE", "amount": "GDPC96"},
    }
    tables, dq = load_tables(
        from_dict({"client": "T", "data": {"sales": spec}}, base_dir=Path("."))
    )
    sales = tables["sales"]
    assert (
        sales["date"].iloc[0] == pd.Timestamp("1947-01-01") and sales["amount"].iloc[0] == 1772.204
    )
    assert sales["client_id"].iloc[0] == "223.682" and dq.tables["sales"].rows_rejected == 0
