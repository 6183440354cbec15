"""Message catalogue (en, ru) and number/date formatting in the report language."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd

LANGS = ("en", "ru")
NBSP = "\u00a0"

# key -> {lang: text}. Text may hold str.format placeholders.
CATALOGUE: dict[str, dict[str, str]] = {
    # report frame
    "report.title": {"en": "Sales department audit", "ru": "Аудит отдела продаж"},
    "report.contents": {"en": "Contents", "ru": "Содержание"},
    "report.as_of": {"en": "Audit date", "ru": "Дата аудита"},
    "report.generated": {"en": "Generated", "ru": "Сформирован"},
    "report.currency": {"en": "Currency", "ru": "Валюта"},
    # sections (notebook stems)
    "section.99_summary": {"en": "Summary", "ru": "Итоги"},
    "section.00_intake": {"en": "Intake and data quality", "ru": "Исходные данные и их качество"},
    "section.01_sales_model": {"en": "Sales model", "ru": "Модель продаж"},
    "section.02_technologies": {"en": "Sales technologies", "ru": "Технологии продаж"},
    "section.03_structure": {"en": "Structure", "ru": "Структура отдела"},
    "section.04_team": {"en": "Team sizing", "ru": "Численность команды"},
    "section.05_funnel": {"en": "Sales funnel", "ru": "Воронка продаж"},
    "section.06_customers": {"en": "Customers: ABC-XYZ", "ru": "Клиенты: ABC-XYZ"},
    "section.07_control": {"en": "Reporting and control", "ru": "Отчётность и контроль"},
    # stages
    "stage.target_list": {"en": "Target list", "ru": "Целевой список"},
    "stage.first_contact": {"en": "Meeting with decision maker", "ru": "Встреча с ЛПР"},
    "stage.needs_brief": {"en": "Needs brief", "ru": "Бриф потребностей"},
    "stage.offer": {"en": "Offer", "ru": "Коммерческое предложение"},
    "stage.offer_defense": {"en": "Offer defence", "ru": "Защита КП"},
    "stage.contract": {"en": "Contract", "ru": "Договор"},
    # tables
    "tbl.table": {"en": "Table", "ru": "Таблица"},
    "tbl.file": {"en": "File", "ru": "Файл"},
    "tbl.rows_read": {"en": "Rows read", "ru": "Прочитано строк"},
    "tbl.rows_rejected": {"en": "Rows rejected", "ru": "Отклонено строк"},
    "tbl.date_range": {"en": "Dates", "ru": "Период"},
    "tbl.choices": {"en": "How it was read", "ru": "Как прочитан"},
    "tbl.warning": {"en": "Warning", "ru": "Предупреждение"},
    "tbl.assumption": {"en": "Assumption", "ru": "Допущение"},
    "tbl.value": {"en": "Value", "ru": "Значение"},
    "tbl.source": {"en": "Source", "ru": "Источник"},
    "tbl.impact": {"en": "Impact", "ru": "Влияние"},
    "tbl.item": {"en": "Item", "ru": "Показатель"},
    "tbl.stage": {"en": "Stage", "ru": "Этап"},
    "tbl.reached": {"en": "Deals reached", "ru": "Дошло сделок"},
    "tbl.conversion": {"en": "Conversion to next", "ru": "Конверсия в следующий"},
    "tbl.interval": {"en": "90% interval", "ru": "90% интервал"},
    "tbl.benchmark": {"en": "Benchmark", "ru": "Норматив"},
    "tbl.role": {"en": "Role", "ru": "Роль"},
    "tbl.now": {"en": "Now", "ru": "Сейчас"},
    "tbl.needed": {"en": "Needed", "ru": "Нужно"},
    "tbl.head": {"en": "Head", "ru": "Руководитель"},
    "tbl.manager": {"en": "Manager", "ru": "Менеджер"},
    "tbl.sellers": {"en": "Sellers", "ru": "Продавцов"},
    "tbl.step": {"en": "Step", "ru": "Шаг"},
    "tbl.status": {"en": "Status", "ru": "Статус"},
    "tbl.group": {"en": "Group", "ru": "Группа"},
    "tbl.technology": {"en": "Technology", "ru": "Технология"},
    "tbl.coverage": {"en": "Coverage", "ru": "Покрытие"},
    "tbl.priority": {"en": "Priority", "ru": "Приоритет"},
    "tbl.class": {"en": "Class", "ru": "Класс"},
    "tbl.clients": {"en": "Clients", "ru": "Клиентов"},
    "tbl.revenue": {"en": "Revenue", "ru": "Выручка"},
    "tbl.share": {"en": "Share", "ru": "Доля"},
    "tbl.month": {"en": "Month", "ru": "Месяц"},
    "tbl.hires": {"en": "Hires", "ru": "Наём"},
    "tbl.pillar": {"en": "Pillar", "ru": "Опора"},
    "tbl.score": {"en": "Score", "ru": "Оценка"},
    "tbl.check": {"en": "Check", "ru": "Проверка"},
    "tbl.answer": {"en": "Answer", "ru": "Ответ"},
    "tbl.metric": {"en": "Metric", "ru": "Показатель"},
    "tbl.count": {"en": "Count", "ru": "Количество"},
    "tbl.plan": {"en": "Plan", "ru": "План"},
    "tbl.fact": {"en": "Fact", "ru": "Факт"},
    "tbl.headline": {"en": "Finding", "ru": "Вывод"},
    "tbl.recommendation": {"en": "Recommendation", "ru": "Рекомендация"},
    "tbl.effect": {"en": "Effect", "ru": "Эффект"},
    "tbl.package": {"en": "Package", "ru": "Пакет"},
    "tbl.version": {"en": "Version", "ru": "Версия"},
    # statuses and words
    "status.in_place": {"en": "in place", "ru": "есть"},
    "status.partial": {"en": "partial", "ru": "частично"},
    "status.missing": {"en": "missing", "ru": "нет"},
    "word.yes": {"en": "yes", "ru": "да"},
    "word.no": {"en": "no", "ru": "нет"},
    "word.none": {"en": "none", "ru": "нет"},
    "word.too_few": {"en": "too few to judge", "ru": "мало данных"},
    "word.not_available": {"en": "not available", "ru": "нет данных"},
    "word.months": {"en": "months", "ru": "мес."},
    "word.days": {"en": "days", "ru": "дн."},
    # roles
    "role.hunter": {"en": "Hunter", "ru": "Хантер"},
    "role.closer": {"en": "Closer", "ru": "Клоузер"},
    "role.farmer": {"en": "Farmer", "ru": "Фермер"},
    "role.universal": {"en": "Universal seller", "ru": "Универсал"},
    "role.head": {"en": "Head of sales", "ru": "Руководитель отдела"},
    "role.unknown": {"en": "Role not given", "ru": "Роль не указана"},
    # models and structures
    "mode.active": {"en": "active (outbound)", "ru": "активная (исходящая)"},
    "mode.passive": {"en": "passive (inbound)", "ru": "пассивная (входящая)"},
    "type.traditional": {"en": "traditional", "ru": "традиционные"},
    "type.project": {"en": "project", "ru": "проектные"},
    "type.regional": {"en": "regional", "ru": "региональные"},
    "structure.functional_linear": {"en": "functional-linear", "ru": "линейно-функциональная"},
    "structure.regional_matrix": {"en": "regional matrix", "ru": "региональная матрица"},
    "structure.product_category": {"en": "product category", "ru": "по товарным категориям"},
    "structure.customer_type": {"en": "customer type", "ru": "по типам клиентов"},
    "roles.universal": {"en": "universal sellers", "ru": "универсальные продавцы"},
    "roles.hunter_closer_farmer": {
        "en": "hunters, closers and farmers",
        "ru": "хантеры, клоузеры и фермеры",
    },
    # algorithm steps (METHODOLOGY §1)
    "algo.1": {"en": "Choose and analyse the sales model", "ru": "Выбор и анализ модели продаж"},
    "algo.2": {
        "en": "Choose and analyse the sales technologies",
        "ru": "Выбор и анализ технологий продаж",
    },
    "algo.3": {"en": "Recruit staff in batches", "ru": "Пакетный набор персонала"},
    "algo.4": {
        "en": "Management and control of current work",
        "ru": "Управление и контроль текущей работы",
    },
    "algo.5": {
        "en": "Adapt the technologies to the sales model",
        "ru": "Адаптация технологий к модели продаж",
    },
    "algo.6": {"en": "Internal training", "ru": "Внутреннее обучение"},
    "algo.7": {
        "en": "Analyse and upgrade the department every 3 months",
        "ru": "Анализ и модернизация отдела раз в 3 месяца",
    },
    "pillar.operations": {"en": "Sales operations", "ru": "Операционная работа"},
    "pillar.process": {"en": "Sales process", "ru": "Процесс продаж"},
    "pillar.coaching": {"en": "Sales coaching", "ru": "Коучинг"},
    "pillar.training": {"en": "Sales training", "ru": "Обучение"},
    "group.internal": {"en": "Internal", "ru": "Внутренние"},
    "group.external": {"en": "External", "ru": "Внешние"},
    "group.marketing": {"en": "Marketing", "ru": "Маркетинговые"},
    "group.personnel": {"en": "Personnel", "ru": "Кадровые"},
    # charts
    "chart.funnel": {
        "en": "Sales funnel: deals reaching each stage",
        "ru": "Воронка: сделок на каждом этапе",
    },
    "chart.deals": {"en": "Deals", "ru": "Сделки"},
    "chart.conversion": {"en": "Conversion to the next stage", "ru": "Конверсия в следующий этап"},
    "chart.benchmark_band": {"en": "Benchmark band", "ru": "Норматив"},
    "chart.headcount": {
        "en": "Headcount by role: now and needed",
        "ru": "Численность по ролям: сейчас и нужно",
    },
    "chart.people": {"en": "People", "ru": "Человек"},
    "chart.abc": {
        "en": "Clients and revenue by ABC class",
        "ru": "Клиенты и выручка по классам ABC",
    },
    "chart.abcxyz": {
        "en": "ABC-XYZ matrix: number of clients",
        "ru": "Матрица ABC-XYZ: число клиентов",
    },
    "chart.coverage": {
        "en": "Technology coverage by group",
        "ru": "Покрытие технологиями по группам",
    },
    "chart.pillars": {"en": "Four pillars health, 0–100", "ru": "Состояние четырёх опор, 0–100"},
    "chart.channels": {"en": "Deals by channel", "ru": "Сделки по каналам"},
    "chart.span": {
        "en": "Sellers per head (span limit dashed)",
        "ru": "Продавцов на руководителя (пунктир — норма)",
    },
    "chart.plan_fact": {
        "en": "Revenue: plan vs fact by month",
        "ru": "Выручка: план и факт по месяцам",
    },
    "chart.inbound": {"en": "inbound", "ru": "входящий"},
    "chart.outbound": {"en": "outbound", "ru": "исходящий"},
    "chart.share": {"en": "Share", "ru": "Доля"},
    "chart.revenue": {"en": "Revenue", "ru": "Выручка"},
    "chart.clients": {"en": "Clients", "ru": "Клиенты"},
    "chart.score": {"en": "Score", "ru": "Оценка"},
    "chart.month": {"en": "Month", "ru": "Месяц"},
    "chart.plan": {"en": "Plan", "ru": "План"},
    "chart.fact": {"en": "Fact", "ru": "Факт"},
    # findings reasons
    "reason.no_deals": {"en": "no deals table", "ru": "нет таблицы сделок"},
    "reason.no_sales": {
        "en": "no sales or won deals to classify",
        "ru": "нет продаж для классификации",
    },
    "reason.no_team": {"en": "no team table", "ru": "нет таблицы команды"},
    "reason.no_plan": {"en": "no plan table", "ru": "нет таблицы плана"},
    "reason.no_target": {
        "en": "no revenue target in client.yaml",
        "ru": "нет цели по выручке в client.yaml",
    },
    "reason.not_built": {
        "en": "not built yet in this version",
        "ru": "ещё не реализовано в этой версии",
    },
}


def t(key: str, lang: str, /, **kwargs: Any) -> str:
    """Return the catalogue text for key in lang, formatted with kwargs."""
    entry = CATALOGUE.get(key)
    if entry is None:
        raise KeyError(f"no message '{key}' in the catalogue")
    text = entry.get(lang) or entry["en"]
    return text.format(**kwargs) if kwargs else text


def _is_missing(x: Any) -> bool:
    """True for None, NaN and NaT."""
    if x is None:
        return True
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def fmt_num(x: float | int | None, lang: str, decimals: int = 0) -> str:
    """Format a number: en `1,234,567.8`, ru `1 234 567,8` (no-break spaces)."""
    if _is_missing(x) or (isinstance(x, float) and math.isinf(x)):
        return "—"
    v = float(x)  # type: ignore[arg-type]
    s = f"{v:,.{decimals}f}" if decimals else f"{round(v):,d}"
    if lang == "ru":
        s = s.replace(",", NBSP).replace(".", ",")
    return s.replace("-", "−", 1) if s.startswith("-") else s


def fmt_pct(x: float | None, lang: str, decimals: int = 0) -> str:
    """Format a share 0..1 as a percentage in the report language."""
    if _is_missing(x):
        return "—"
    return fmt_num(float(x) * 100, lang, decimals) + ("%" if lang == "en" else NBSP + "%")  # type: ignore[arg-type]


def fmt_money(x: float | None, lang: str, currency: str = "") -> str:
    """Format an amount compactly: 12.3 M / 12,3 млн, with the currency code."""
    if _is_missing(x):
        return "—"
    v = float(x)  # type: ignore[arg-type]
    units = {
        "en": [(1e9, " bn"), (1e6, " M"), (1e3, " k")],
        "ru": [(1e9, " млрд"), (1e6, " млн"), (1e3, " тыс.")],
    }
    for scale, suffix in units["ru" if lang == "ru" else "en"]:
        if abs(v) >= scale:
            body = fmt_num(v / scale, lang, 1) + suffix.replace(" ", NBSP)
            break
    else:
        body = fmt_num(v, lang, 0)
    return f"{body}{NBSP}{currency}" if currency else body


def fmt_date(d: dt.date | pd.Timestamp | str | None, lang: str) -> str:
    """Format a date: en `2026-12-31`, ru `31.12.2026`."""
    if _is_missing(d):
        return "—"
    ts = pd.Timestamp(d)  # type: ignore[arg-type]
    return ts.strftime("%d.%m.%Y") if lang == "ru" else ts.strftime("%Y-%m-%d")


def fmt_month(d: dt.date | pd.Timestamp | str | pd.Period, lang: str) -> str:
    """Format a month: en `2026-12`, ru `12.2026`."""
    ts = d.to_timestamp() if isinstance(d, pd.Period) else pd.Timestamp(d)  # type: ignore[arg-type]
    return ts.strftime("%m.%Y") if lang == "ru" else ts.strftime("%Y-%m")


def plotly_separators(lang: str) -> str:
    """Plotly `layout.separators` for the language (decimal then thousands)."""
    return ", " if lang == "ru" else ".,"


def register(texts: dict[str, dict[str, str]]) -> None:
    """Add a module's messages to the catalogue (a key may not be defined twice)."""
    clash = [k for k in texts if k in CATALOGUE and CATALOGUE[k] != texts[k]]
    if clash:
        raise KeyError(f"message keys defined twice: {clash}")
    CATALOGUE.update(texts)
