"""Write small made-up sample exports, one per preset (`python tests/data/presets/make_samples.py`).

Each imitates what the CRM writes by default: its column names, stage names, language,
encoding, delimiter, number and date formats. The files are committed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
OWNERS_RU = ["Иванова Анна", "Петров Сергей", "Сидоров Олег"]
OWNERS_EN = ["Anna Smith", "John Doe", "Maria Garcia"]


def when(i: int, hour: bool = True) -> dt.datetime:
    """A deterministic timestamp in 2026 (days above 12 occur)."""
    return dt.datetime(2026, 1 + i % 6, 1 + (i * 5) % 28, 9 + i % 8, (i * 7) % 60)


def text_csv(rows: list[list[str]], delimiter: str) -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


def bitrix24() -> None:
    stages = [
        "Новая",
        "В работе",
        "Подготовка документов",
        "Счёт на предоплату",
        "Финальный счёт",
        "Сделка успешна",
        "Сделка провалена",
    ]
    rows = [
        [
            "ID",
            "Название сделки",
            "Стадия сделки",
            "Сумма",
            "Валюта",
            "Ответственный",
            "Дата создания",
            "Дата завершения",
            "Компания",
            "Источник",
        ]
    ]
    for i in range(1, 16):
        c = when(i)
        rows.append(
            [
                str(100 + i),
                f"Поставка оборудования №{i}",
                stages[i % len(stages)],
                f"{(i * 37_500.5):,.2f}".replace(",", " ").replace(".", ","),
                "RUB",
                OWNERS_RU[i % 3],
                c.strftime("%d.%m.%Y %H:%M:%S"),
                (c + dt.timedelta(days=20)).strftime("%d.%m.%Y") if i % 7 in (5, 6) else "",
                f"ООО «Клиент {i % 5}»",
                ["Сайт", "Звонок", "Рекомендация"][i % 3],
            ]
        )
    (HERE / "bitrix24_deals.csv").write_bytes(text_csv(rows, ";").encode("cp1251"))


def amocrm() -> None:
    stages = [
        "Неразобранное",
        "Первичный контакт",
        "Переговоры",
        "Принимают решение",
        "Согласование договора",
        "Успешно реализовано",
        "Закрыто и не реализовано",
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Сделки"
    ws.append(
        [
            "ID",
            "Название сделки",
            "Бюджет",
            "Ответственный",
            "Дата создания",
            "Дата закрытия",
            "Этап сделки",
            "Воронка",
            "Компания",
            "Теги",
        ]
    )
    for i in range(1, 13):
        c = when(i)
        closed = (
            (c + dt.timedelta(days=30)).strftime("%d.%m.%Y %H:%M:%S") if i % 7 in (5, 6) else None
        )
        ws.append(
            [
                2_000_000 + i,
                f"Сделка #{i}",
                15000 * i,
                OWNERS_RU[i % 3],
                c,
                closed,
                stages[i % 7],
                "Воронка",
                f"ИП Клиент {i}",
                "",
            ]
        )
    wb.save(HERE / "amocrm_deals.xlsx")


def hubspot() -> None:
    stages = [
        "Appointment Scheduled",
        "Qualified To Buy",
        "Presentation Scheduled",
        "Decision Maker Bought-In",
        "Contract Sent",
        "Closed Won",
        "Closed Lost",
    ]
    rows = [
        [
            "Record ID",
            "Deal Name",
            "Deal Stage",
            "Amount",
            "Create Date",
            "Close Date",
            "Deal owner",
            "Pipeline",
            "Deal Type",
            "Associated Company",
        ]
    ]
    for i in range(1, 15):
        c = when(i)
        rows.append(
            [
                str(9_000_000_000 + i),
                f"Acme renewal {i}",
                stages[i % 7],
                f"{i * 1250.5:.2f}" if i % 4 else str(i * 1000),
                c.strftime("%Y-%m-%d %H:%M"),
                (c + dt.timedelta(days=45)).strftime("%Y-%m-%d %H:%M") if i % 7 in (5, 6) else "",
                OWNERS_EN[i % 3],
                "Sales Pipeline",
                ["newbusiness", "existingbusiness"][i % 2],
                f"Company {i % 4}",
            ]
        )
    (HERE / "hubspot_deals.csv").write_text(text_csv(rows, ","), encoding="utf-8")


def salesforce() -> None:
    stages = [
        "Prospecting",
        "Qualification",
        "Needs Analysis",
        "Value Proposition",
        "Proposal/Price Quote",
        "Negotiation/Review",
        "Closed Won",
        "Closed Lost",
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Opportunities"
    ws["A1"] = "Opportunity Pipeline"
    ws["A2"] = "Filtered By: Close Date = Current FY"
    ws["A3"] = "Generated: 6/30/2026 9:00 AM"
    ws.append([])
    ws.append(
        [
            "Opportunity Owner",
            "Account Name",
            "Opportunity Name",
            "Opportunity ID",
            "Stage",
            "Amount",
            "Close Date",
            "Created Date",
            "Lead Source",
            "Type",
        ]
    )
    for i in range(1, 14):
        c = when(i)
        ws.append(
            [
                OWNERS_EN[i % 3],
                f"Globex {i % 5}",
                f"Globex expansion {i}",
                f"0065g00000ABC{i:03d}",
                stages[i % 8],
                f"USD {i * 10_500:,.2f}",
                (c + dt.timedelta(days=60)).strftime("%-m/%-d/%Y"),
                c,
                ["Web", "Partner Referral", "Trade Show"][i % 3],
                ["New Customer", "Existing Customer - Upgrade"][i % 2],
            ]
        )
    wb.save(HERE / "salesforce_opportunities.xlsx")


def pipedrive() -> None:
    stages = [
        "Qualified",
        "Contact Made",
        "Demo Scheduled",
        "Proposal Made",
        "Negotiations Started",
    ]
    rows = [
        [
            "Deal - ID",
            "Deal - Title",
            "Deal - Value",
            "Deal - Currency",
            "Deal - Stage",
            "Deal - Status",
            "Deal - Owner",
            "Deal - Deal created",
            "Deal - Won time",
            "Deal - Lost reason",
            "Deal - Organization",
        ]
    ]
    for i in range(1, 16):
        c = when(i)
        status = ["open", "open", "won", "lost"][i % 4]
        rows.append(
            [
                str(i),
                f"Deal {i}",
                f"{i * 900}",
                "EUR",
                stages[i % 5],
                status,
                OWNERS_EN[i % 3],
                c.strftime("%Y-%m-%d %H:%M:%S"),
                (c + dt.timedelta(days=15)).strftime("%Y-%m-%d %H:%M:%S")
                if status == "won"
                else "",
                "Price too high" if status == "lost" else "",
                f"Initech {i % 4}",
            ]
        )
    (HERE / "pipedrive_deals.csv").write_text(text_csv(rows, ","), encoding="utf-8")


if __name__ == "__main__":
    bitrix24()
    amocrm()
    hubspot()
    salesforce()
    pipedrive()
