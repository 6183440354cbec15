"""Write the realistic-export corpus (`python tests/data/exports/make_corpus.py`); output committed.

Per CRM, two samples of ~300 made-up deals, each written as that CRM exports them (headers,
encoding, delimiter, number and date formats, default stage and source names):
`<crm>/deals_only/` (the deals export alone) and `<crm>/with_history/` (plus the stage history
in the form the CRM gives it: a long event file, or HubSpot's wide 'Date entered' columns).
Each sample has the `client.yaml` that `salesaudit new --preset <crm>` writes (the
questionnaire unanswered; in `with_history/` the scaffold's stage_history lines uncommented)
and `expected.json`, computed here from the generated deals, not by salesaudit:

- as_of: the latest fact (a creation, the close of a closed deal, a stage change);
- inbound_share: deals whose channel is inbound / deals whose channel direction is known (a
  channel no preset maps is left out: it is asked about, not guessed), and unmapped_channels:
  those unmapped values;
- won / lost / open counts, client types, lost deals whose loss stage the sample tells.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import re
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

from salesaudit.inputs.presets import client_yaml

HERE = Path(__file__).resolve().parent
N_DEALS = 300
START = dt.datetime(2025, 10, 1, 9, 0)
END = dt.datetime(2026, 9, 30, 18, 0)  # no fact after this moment


@dataclass
class Deal:
    """One made-up deal: the stages it entered (index, time), its outcome and attributes."""

    i: int
    created: dt.datetime
    path: list[tuple[int, dt.datetime]]  # index into the CRM's open stages, time entered
    outcome: str  # won | lost | open
    closed: dt.datetime | None
    expected: dt.date | None  # planned close of an open deal
    amount: float
    owner: str
    company: str
    channel: str  # "" = not filled in
    direction: str  # inbound | outbound | unknown | ""
    repeat: bool
    extra: dict[str, str] = field(default_factory=dict)


def simulate(
    seed: int,
    n_stages: int,
    channels: list[tuple[str, str, float]],
    owners: list[str],
    companies: str,
) -> list[Deal]:
    """Deals moving through `n_stages` open stages; closed ones end won or lost, none after END."""
    rnd = random.Random(seed)
    span = (END - START).total_seconds() - 20 * 86400
    names = [c[0] for c in channels]
    weights = [c[2] for c in channels]
    way = {c[0]: c[1] for c in channels}
    deals = []
    for i in range(N_DEALS):
        created = START + dt.timedelta(seconds=int(rnd.random() * span))
        created = created.replace(microsecond=0, second=rnd.randrange(60))
        t = created
        path = [(0, created)]
        reach = rnd.choices(range(n_stages), weights=[30, 25, 20, 15, 10][:n_stages])[0]
        outcome = rnd.choices(["won", "lost", "open"], weights=[28, 45, 27])[0]
        for k in range(1, max(reach, 0) + 1 if outcome != "won" else n_stages):
            t = t + dt.timedelta(days=rnd.randint(1, 12), minutes=rnd.randint(5, 600))
            path.append((k, t))
        closed = t + dt.timedelta(days=rnd.randint(1, 15), minutes=rnd.randint(5, 300))
        if outcome != "open" and closed > END:
            outcome = "open"
        if outcome == "open":
            while path[-1][1] > END:
                path.pop()
            closed = None
        expected = None
        if outcome == "open":
            expected = (END + dt.timedelta(days=rnd.randint(-20, 110))).date()
        channel = rnd.choices(names, weights=weights)[0]
        deals.append(
            Deal(
                i=i,
                created=created,
                path=path,
                outcome=outcome,
                closed=closed,
                expected=expected,
                amount=round(rnd.uniform(20, 900)) * 500 + rnd.choice([0, 0, 0.5, 0.25]),
                owner=rnd.choice(owners),
                company=companies.format(n=rnd.randint(1, 140)),
                channel=channel,
                direction=way[channel],
                repeat=rnd.random() < 0.3,
            )
        )
    return deals


def expected(
    deals: list[Deal],
    history: bool,
    loss_known_without_history: bool,
    client_type: bool = True,
    min_path: int = 1,
) -> dict:
    """What the sample holds, computed from the generated deals.

    A lost deal's loss stage is known from the history when the history has at least
    `min_path` funnel-stage entries for it (amoCRM's event export has no entry for the stage a
    deal was created in, but its loss event's «Значение до» names the stage it left, so one
    is enough), or without history when the export says it (Pipedrive's status).
    """
    facts = [d.created for d in deals] + [d.closed for d in deals if d.closed is not None]
    if history:
        facts += [t for d in deals for _, t in d.path]
    with_channel = [d for d in deals if d.channel]
    known = [d for d in with_channel if d.direction != "unknown"]
    inbound = sum(d.direction == "inbound" for d in known)
    lost = [d for d in deals if d.outcome == "lost"]
    return {
        "deals": len(deals),
        "as_of": max(facts).date().isoformat(),
        "inbound_share": round(inbound / len(known), 6),
        "unmapped_channels": sorted({d.channel for d in with_channel if d.direction == "unknown"}),
        "won": sum(d.outcome == "won" for d in deals),
        "lost": len(lost),
        "open": sum(d.outcome == "open" for d in deals),
        "client_type": {
            "new": sum(not d.repeat for d in deals),
            "current": sum(d.repeat for d in deals),
        }
        if client_type
        else None,
        "lost_with_known_stage": len(lost)
        if loss_known_without_history
        else sum(len(d.path) >= min_path for d in lost)
        if history
        else 0,
    }


def text_csv(rows: list[list[str]], delimiter: str = ",", crlf: bool = False) -> str:
    """Rows as CSV text, every field quoted as the CRMs do when needed."""
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n").writerows(rows)
    return buf.getvalue()


def write_sample(
    crm: str,
    variant: str,
    files: dict[str, bytes],
    exp: dict,
    history_table: bool,
) -> None:
    """One sample folder: data files, the scaffolded client.yaml, expected.json."""
    folder = HERE / crm / variant
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "data").mkdir(parents=True)
    for name, data in files.items():
        (folder / "data" / name).write_bytes(data)
    text = client_yaml(f"Sample {crm}", crm)
    if history_table:  # what the consultant does: uncomment the stage_history lines
        text = text.replace("  # stage_history:", "  stage_history:")
        text = text.replace(
            "  #   path: data/stage_history.csv", "    path: data/stage_history.csv"
        )
        text = text.replace(f"  #   preset: {crm}", f"    preset: {crm}")
    (folder / "client.yaml").write_text(text, encoding="utf-8")
    exp = {"crm": crm, "variant": variant, **exp}
    (folder / "expected.json").write_text(
        json.dumps(exp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


# --------------------------------------------------------------------------- Bitrix24

BX_STAGES = ["Новая", "В работе", "Подготовка документов", "Счёт на предоплату", "Финальный счёт"]
BX_CHANNELS = [
    ("Веб-сайт", "inbound", 22),
    ("CRM-форма", "inbound", 14),
    ("Звонок", "inbound", 12),
    ("По рекомендации", "inbound", 8),
    ("Электронная почта", "inbound", 5),
    ("Существующий клиент", "inbound", 4),
    ("Выставка", "outbound", 7),
    ("Холодный звонок", "outbound", 16),
    ("Генератор продаж", "outbound", 4),
    ("Другое", "unknown", 4),
    ("", "", 4),
]


def ru_dt(t: dt.datetime | None) -> str:
    """Bitrix24 / amoCRM date and time: 31.01.2026 10:15:00."""
    return "" if t is None else t.strftime("%d.%m.%Y %H:%M:%S")


def ru_money(x: float) -> str:
    """37 500,50 — a space between thousands, a decimal comma."""
    whole, frac = f"{x:,.2f}".split(".")
    return whole.replace(",", " ") + "," + frac


def bitrix24() -> None:
    """Deals «Экспорт в CSV» (cp1251, ';', CRLF); history: BI Builder crm_deal_stage_history."""
    owners = ["Иванова Анна", "Петров Сергей", "Сидоров Олег", "Кузнецова Мария", "Орлов Дмитрий"]
    deals = simulate(11, len(BX_STAGES), BX_CHANNELS, owners, "ООО «Клиент {n}»")
    head = [
        "ID",
        "Название сделки",
        "Воронка",
        "Стадия сделки",
        "Сумма",
        "Валюта",
        "Ответственный",
        "Дата создания",
        "Дата изменения",
        "Предполагаемая дата закрытия",
        "Компания",
        "Контакт",
        "Источник",
        "Повторная сделка",
        "Сделка закрыта",
    ]
    rows = [head]
    for d in deals:
        stage = {"won": "Сделка успешна", "lost": "Сделка провалена"}.get(
            d.outcome, BX_STAGES[d.path[-1][0]]
        )
        close = d.closed if d.closed else d.expected
        close_text = ru_dt(close) if isinstance(close, dt.datetime) else ""
        if isinstance(close, dt.date) and not isinstance(close, dt.datetime):
            close_text = close.strftime("%d.%m.%Y") + " 00:00:00"
        rows.append(
            [
                str(4100 + d.i),
                f"Сделка #{4100 + d.i}",
                "Общая",
                stage,
                ru_money(d.amount),
                "Российский рубль",
                d.owner,
                ru_dt(d.created),
                ru_dt(d.closed or d.path[-1][1]),
                close_text,
                d.company,
                "",
                d.channel,
                "Да" if d.repeat else "Нет",
                "Да" if d.outcome != "open" else "Нет",
            ]
        )
    deals_csv = text_csv(rows, ";", crlf=True).encode("cp1251")
    hist = [["ID", "TYPE_ID", "DATE_CREATE", "DEAL_ID", "CATEGORY_ID", "STAGE_SEMANTIC_ID",
             "STAGE_ID", "STAGE_NAME"]]  # fmt: skip
    codes = ["NEW", "PREPARATION", "PREPAYMENT_INVOICE", "EXECUTING", "FINAL_INVOICE"]
    n = 1
    for d in deals:
        for k, t in d.path:
            hist.append([str(n), "1" if k == 0 else "2", t.strftime("%Y-%m-%d %H:%M:%S"),
                         str(4100 + d.i), "0", "P", codes[k], BX_STAGES[k]])  # fmt: skip
            n += 1
        if d.closed:
            won = d.outcome == "won"
            hist.append([str(n), "3", d.closed.strftime("%Y-%m-%d %H:%M:%S"), str(4100 + d.i),
                         "0", "S" if won else "F", "WON" if won else "LOSE",
                         "Сделка успешна" if won else "Сделка провалена"])  # fmt: skip
            n += 1
    hist_csv = text_csv(hist, ";").encode("utf-8-sig")
    write_sample("bitrix24", "deals_only", {"deals.csv": deals_csv},
                 expected(deals, False, False), False)  # fmt: skip
    write_sample("bitrix24", "with_history", {"deals.csv": deals_csv, "stage_history.csv": hist_csv},
                 expected(deals, True, False), True)  # fmt: skip


# --------------------------------------------------------------------------- amoCRM

AMO_STAGES = ["Неразобранное", "Первичный контакт", "Переговоры", "Принимают решение",
              "Согласование договора"]  # fmt: skip
AMO_CHANNELS = [
    ("Сайт", "inbound", 25),
    ("Входящий звонок", "inbound", 14),
    ("Яндекс.Директ", "inbound", 12),
    ("Рекомендация", "inbound", 7),
    ("Авито", "inbound", 6),
    ("Холодный звонок", "outbound", 20),
    ("Выставка", "outbound", 6),
    ("2ГИС", "unknown", 5),
    ("", "", 5),
]


def amocrm() -> None:
    """Leads «Экспорт» as CSV (UTF-8 with BOM, ';'); history: «Список событий» export."""
    owners = ["Смирнова Ольга", "Волков Игорь", "Зайцева Елена", "Морозов Павел"]
    deals = simulate(23, len(AMO_STAGES), AMO_CHANNELS, owners, "ИП Заказчик {n}")
    head = ["ID", "Название сделки", "Бюджет", "Ответственный", "Дата создания", "Кем создана",
            "Дата редактирования", "Дата закрытия", "Теги", "Этап сделки", "Воронка",
            "Полное имя контакта", "Компания", "Источник", "utm_source"]  # fmt: skip
    rows = [head]
    for d in deals:
        stage = {"won": "Успешно реализовано", "lost": "Закрыто и не реализовано"}.get(
            d.outcome, AMO_STAGES[d.path[-1][0]]
        )
        rows.append([str(31000000 + d.i * 7), f"Заявка {d.i + 1}", f"{d.amount:.0f}", d.owner,
                     ru_dt(d.created), d.owner, ru_dt(d.closed or d.path[-1][1]),
                     ru_dt(d.closed), "", stage, "Воронка", f"Контакт {d.i + 1}", d.company,
                     d.channel, ""])  # fmt: skip
    deals_csv = text_csv(rows, ";").encode("utf-8-sig")
    events = [["Дата", "Автор", "Объект", "ID объекта", "Название", "Событие", "Значение до",
               "Значение после"]]  # fmt: skip
    for d in deals:
        did = str(31000000 + d.i * 7)
        events.append([ru_dt(d.created), d.owner, "Сделка", did, f"Заявка {d.i + 1}",
                       "Сделка создана", "", AMO_STAGES[0]])  # fmt: skip
        prev = AMO_STAGES[0]
        for k, t in d.path[1:]:
            events.append([ru_dt(t), d.owner, "Сделка", did, f"Заявка {d.i + 1}",
                           "Изменение этапа продажи", prev, AMO_STAGES[k]])  # fmt: skip
            prev = AMO_STAGES[k]
            if k == 2:
                events.append([ru_dt(t + dt.timedelta(minutes=3)), d.owner, "Сделка", did,
                               f"Заявка {d.i + 1}", "Изменение поля «Бюджет»", "0",
                               f"{d.amount:.0f}"])  # fmt: skip
        if d.closed:
            final = "Успешно реализовано" if d.outcome == "won" else "Закрыто и не реализовано"
            events.append([ru_dt(d.closed), d.owner, "Сделка", did, f"Заявка {d.i + 1}",
                           "Изменение этапа продажи", prev, final])  # fmt: skip
    events_csv = text_csv(events, ";").encode("utf-8-sig")
    write_sample("amocrm", "deals_only", {"deals.csv": deals_csv},
                 expected(deals, False, False, client_type=False), False)  # fmt: skip
    write_sample("amocrm", "with_history", {"deals.csv": deals_csv, "stage_history.csv": events_csv},
                 expected(deals, True, False, client_type=False, min_path=1), True)  # fmt: skip


# --------------------------------------------------------------------------- HubSpot

HS_STAGES = ["Appointment Scheduled", "Qualified To Buy", "Presentation Scheduled",
             "Decision Maker Bought-In", "Contract Sent"]  # fmt: skip
HS_CHANNELS = [
    ("Organic Search", "inbound", 22),
    ("Paid Search", "inbound", 10),
    ("Direct Traffic", "inbound", 10),
    ("Referrals", "inbound", 8),
    ("Email Marketing", "inbound", 5),
    ("Organic Social", "inbound", 5),
    ("Offline Sources", "outbound", 30),
    ("", "", 10),
]


def iso_min(t: dt.datetime | None) -> str:
    """HubSpot's export date: 2026-01-31 10:15."""
    return "" if t is None else t.strftime("%Y-%m-%d %H:%M")


def hubspot() -> None:
    """Deals export (UTF-8, ','); with history: the 'Date entered' properties in the same file."""
    owners = ["Anna Smith", "John Doe", "Maria Garcia", "Wei Chen"]
    deals = simulate(37, len(HS_STAGES), HS_CHANNELS, owners, "Company {n}")
    base = ["Record ID", "Deal Name", "Pipeline", "Deal Stage", "Amount", "Create Date",
            "Close Date", "Deal owner", "Deal Type", "Original Traffic Source",
            "Associated Company (Primary)", "Last Activity Date"]  # fmt: skip
    all_stages = [*HS_STAGES, "Closed Won", "Closed Lost"]
    wide = [f'Date entered "{s} (Sales Pipeline)"' for s in all_stages]
    wide += [f'Date exited "{s} (Sales Pipeline)"' for s in HS_STAGES]
    wide += ['Date entered "Onboarding (Renewals Pipeline)"']  # another pipeline, empty
    plain, with_hist = [base], [base + wide]
    for d in deals:
        stage = {"won": "Closed Won", "lost": "Closed Lost"}.get(
            d.outcome, HS_STAGES[d.path[-1][0]]
        )
        close = (
            iso_min(d.closed)
            if d.closed
            else (d.expected.isoformat() + " 00:00" if d.expected else "")
        )
        row = [str(15000000000 + d.i * 131), f"{d.company} deal {d.i + 1}", "Sales Pipeline", stage,
               f"{d.amount:.2f}".rstrip("0").rstrip("."), iso_min(d.created), close, d.owner,
               "Existing Business" if d.repeat else "New Business", d.channel, d.company,
               ""]  # fmt: skip
        entered = {HS_STAGES[k]: t for k, t in d.path}
        if d.closed:
            entered["Closed Won" if d.outcome == "won" else "Closed Lost"] = d.closed
        exited = {HS_STAGES[k]: t for (k, _), (_, t) in zip(d.path, d.path[1:], strict=False)}
        extra = [iso_min(entered.get(s)) for s in all_stages]
        extra += [iso_min(exited.get(s)) for s in HS_STAGES] + [""]
        plain.append(row)
        with_hist.append(row + extra)
    write_sample("hubspot", "deals_only", {"deals.csv": text_csv(plain).encode("utf-8")},
                 expected(deals, False, False), False)  # fmt: skip
    write_sample("hubspot", "with_history", {"deals.csv": text_csv(with_hist).encode("utf-8")},
                 expected(deals, True, False), False)  # fmt: skip


# --------------------------------------------------------------------------- Salesforce

SF_STAGES = ["Prospecting", "Qualification", "Needs Analysis", "Proposal/Price Quote",
             "Negotiation/Review"]  # fmt: skip
SF_CHANNELS = [
    ("Web", "inbound", 30),
    ("Phone Inquiry", "inbound", 15),
    ("Partner Referral", "inbound", 12),
    ("Purchased List", "outbound", 22),
    ("Trade Show", "outbound", 8),
    ("Other", "unknown", 8),
    ("", "", 5),
]


def fixed_xlsx(wb: openpyxl.Workbook) -> bytes:
    """The workbook's bytes with fixed timestamps (zip entries, document properties)."""
    buf = io.BytesIO()
    wb.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2026-10-01T00:00:00Z", data)
            dst.writestr(zipfile.ZipInfo(info.filename, (2026, 10, 1, 0, 0, 0)), data)
    return out.getvalue()


def us_date(t: dt.date | None) -> str:
    """Salesforce US-locale date: 1/31/2026."""
    return "" if t is None else f"{t.month}/{t.day}/{t.year}"


def salesforce() -> None:
    """Opportunities report, Details Only .xlsx; history: Opportunity History report as CSV."""
    owners = ["Anna Smith", "John Doe", "Maria Garcia", "Luis Ortega", "Emma Brown"]
    deals = simulate(53, len(SF_STAGES), SF_CHANNELS, owners, "Account {n} Inc.")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Opportunities"
    ws.append(["Opportunity Owner", "Account Name", "Opportunity Name", "Opportunity ID", "Type",
               "Lead Source", "Amount", "Probability (%)", "Stage", "Fiscal Period",
               "Created Date", "Close Date", "Next Step"])  # fmt: skip
    probs = [10, 20, 25, 75, 90]
    ids = {}
    for d in deals:
        oid = f"0065g00000{d.i + 1000:04d}AB"
        ids[d.i] = oid
        stage = {"won": "Closed Won", "lost": "Closed Lost"}.get(
            d.outcome, SF_STAGES[d.path[-1][0]]
        )
        prob = {"won": 100, "lost": 0}.get(d.outcome, probs[d.path[-1][0]])
        close = d.closed.date() if d.closed else d.expected
        assert close is not None
        ws.append([d.owner, d.company, f"{d.company}-{d.i + 1}", oid,
                   "Existing Customer - Upgrade" if d.repeat else "New Customer", d.channel or None,
                   d.amount, prob, stage, f"Q{(close.month - 1) // 3 + 1}-{close.year}",
                   d.created.date(), close, None])  # fmt: skip
    for row in ws.iter_rows(min_row=2):
        row[10].number_format = row[11].number_format = "m/d/yyyy"
    xlsx = fixed_xlsx(wb)
    hist = [["Opportunity ID", "Opportunity Name", "Stage", "Amount", "Probability (%)",
             "Close Date", "Last Modified", "Last Modified By"]]  # fmt: skip
    for d in deals:
        close = us_date(d.closed.date() if d.closed else d.expected)
        for k, t in d.path:
            hist.append([ids[d.i], f"{d.company}-{d.i + 1}", SF_STAGES[k], f"{d.amount:.2f}",
                         str(probs[k]), close, us_date(t.date()), d.owner])  # fmt: skip
            if k == 3:  # an amount change at the same stage: one more row, same stage
                hist.append([ids[d.i], f"{d.company}-{d.i + 1}", SF_STAGES[k],
                             f"{d.amount * 0.9:.2f}", str(probs[k]), close,
                             us_date((t + dt.timedelta(days=1)).date()), d.owner])  # fmt: skip
        if d.closed:
            won = d.outcome == "won"
            hist.append([ids[d.i], f"{d.company}-{d.i + 1}", "Closed Won" if won else "Closed Lost",
                         f"{d.amount:.2f}", "100" if won else "0", close,
                         us_date(d.closed.date()), d.owner])  # fmt: skip
    hist_csv = text_csv(hist).encode("utf-8")
    exp_hist = expected(deals, True, False)  # the amount-change rows are stage entries too
    for d in deals:
        for k, t in d.path:
            if k == 3 and (t + dt.timedelta(days=1)).date().isoformat() > exp_hist["as_of"]:
                exp_hist["as_of"] = (t + dt.timedelta(days=1)).date().isoformat()
    write_sample("salesforce", "deals_only", {"opportunities.xlsx": xlsx},
                 expected(deals, False, False), False)  # fmt: skip
    write_sample("salesforce", "with_history",
                 {"opportunities.xlsx": xlsx, "stage_history.csv": hist_csv}, exp_hist, True)  # fmt: skip


# --------------------------------------------------------------------------- Pipedrive

PD_STAGES = ["Qualified", "Contact Made", "Demo Scheduled", "Proposal Made", "Negotiations Started"]
PD_CHANNELS = [
    ("Organic search", "inbound", 20),
    ("Paid search", "inbound", 12),
    ("Referral", "inbound", 10),
    ("Web forms", "inbound", 10),
    ("Prospecting", "outbound", 25),
    ("Event", "outbound", 8),
    ("Marketplace", "unknown", 5),
    ("", "", 10),
]


def iso_sec(t: dt.datetime | None) -> str:
    """Pipedrive's export date: 2026-01-31 10:15:00."""
    return "" if t is None else t.strftime("%Y-%m-%d %H:%M:%S")


def pipedrive() -> None:
    """Deals 'Export filter results' CSV (UTF-8, ','); history: deal-flow changelog CSV."""
    owners = ["Anna Smith", "John Doe", "Maria Garcia"]
    deals = simulate(71, len(PD_STAGES), PD_CHANNELS, owners, "Initech {n}")
    head = ["Deal - ID", "Deal - Title", "Deal - Value", "Deal - Currency", "Deal - Organization",
            "Deal - Contact person", "Deal - Owner", "Deal - Pipeline", "Deal - Stage",
            "Deal - Status", "Deal - Deal created", "Deal - Expected close date",
            "Deal - Won time", "Deal - Lost time", "Deal - Deal closed on", "Deal - Lost reason",
            "Deal - Source channel", "Deal - Source origin"]  # fmt: skip
    rows = [head]
    for d in deals:
        stage = PD_STAGES[d.path[-1][0]]
        won, lost = d.outcome == "won", d.outcome == "lost"
        rows.append([str(d.i + 1), f"{d.company} deal", f"{d.amount:g}", "EUR", d.company,
                     f"Person {d.i + 1}", d.owner, "Pipeline", stage, d.outcome,
                     iso_sec(d.created), d.expected.isoformat() if d.expected else "",
                     iso_sec(d.closed) if won else "", iso_sec(d.closed) if lost else "",
                     iso_sec(d.closed), "Price" if lost else "", d.channel,
                     "Manually created"])  # fmt: skip
    deals_csv = text_csv(rows).encode("utf-8")
    flow = [["Deal ID", "Field", "Old value", "New value", "Log time", "User"]]
    for d in deals:
        prev = ""
        for k, t in d.path:
            flow.append([str(d.i + 1), "Stage", prev, PD_STAGES[k], iso_sec(t), d.owner])
            prev = PD_STAGES[k]
        if d.closed:
            flow.append([str(d.i + 1), "Status", "open", d.outcome, iso_sec(d.closed), d.owner])
    flow_csv = text_csv(flow).encode("utf-8")
    write_sample("pipedrive", "deals_only", {"deals.csv": deals_csv},
                 expected(deals, False, True, client_type=False), False)  # fmt: skip
    write_sample("pipedrive", "with_history", {"deals.csv": deals_csv, "stage_history.csv": flow_csv},
                 expected(deals, True, True, client_type=False), True)  # fmt: skip


if __name__ == "__main__":
    bitrix24()
    amocrm()
    hubspot()
    salesforce()
    pipedrive()
