"""Data-quality messages in English and Russian: choices made while reading, and warnings.

Notes are stored as a code plus values (`salesaudit.audit.Note`) and rendered here in the
report language; the English rendering is also kept in `TableQuality.warnings/choices`.
"""

from __future__ import annotations

from typing import Any

from salesaudit.audit import Note

MAX_LISTED = 5  # rows or values named in one message; the rest become "and N more"

# code -> (English, Russian). Placeholders: {file} {column} {rows} {count} {value} ...
CATALOGUE: dict[str, tuple[str, str]] = {
    # --- choices: how a file was read, and why -------------------------------------------
    "enc.bom": (
        "encoding {enc} (the file starts with a byte-order mark)",
        "кодировка {enc} (файл начинается с метки BOM)",
    ),
    "enc.utf8": (
        "encoding UTF-8 (the whole file is valid UTF-8)",
        "кодировка UTF-8 (весь файл — корректный UTF-8)",
    ),
    "enc.ascii": (
        "encoding ASCII (no letters beyond English)",
        "кодировка ASCII (только латиница)",
    ),
    "enc.cp1251": (
        "encoding cp1251 (not valid UTF-8; the other bytes form Cyrillic words in cp1251)",
        "кодировка cp1251 (не UTF-8; остальные байты складываются в кириллические слова cp1251)",
    ),
    "enc.cp1252": (
        "encoding cp1252 (not valid UTF-8; the other bytes are single accented letters)",
        "кодировка cp1252 (не UTF-8; остальные байты — отдельные буквы с диакритикой)",
    ),
    "enc.utf16": (
        "encoding {enc} (every other byte is zero)",
        "кодировка {enc} (каждый второй байт нулевой)",
    ),
    "enc.declared": (
        "encoding {enc} (as set in client.yaml)",
        "кодировка {enc} (задана в client.yaml)",
    ),
    "delim.declared": (
        "delimiter {delim} (as set in client.yaml)",
        "разделитель {delim} (задан в client.yaml)",
    ),
    "delim.names": (
        "delimiter {delim} (it splits the header into the expected column names)",
        "разделитель {delim} (он делит заголовок на ожидаемые названия столбцов)",
    ),
    "delim.count": (
        "delimiter {delim} (every line splits into {fields} fields)",
        "разделитель {delim} (каждая строка делится на {fields} полей)",
    ),
    "delim.none": ("one column (no delimiter found)", "один столбец (разделитель не найден)"),
    "header.first": ("header on row {row}", "заголовок в строке {row}"),
    "header.title": (
        "header on row {row} (rows above it are a title block, skipped)",
        "заголовок в строке {row} (строки выше — шапка отчёта, пропущены)",
    ),
    "header.declared": (
        "header on row {row} (as set in client.yaml)",
        "заголовок в строке {row} (задан в client.yaml)",
    ),
    "sheet": ("sheet '{sheet}'", "лист «{sheet}»"),
    "format.xlsx_in_csv": (
        "read as Excel: the file is an Excel workbook despite its name",
        "прочитан как Excel: по содержимому это книга Excel",
    ),
    "format.text_in_xls": (
        "read as text: the file is a text table despite its name",
        "прочитан как текст: по содержимому это текстовая таблица",
    ),
    "dec.declared": (
        "'{column}': decimal {dec} (as set in client.yaml)",
        "«{column}»: десятичный разделитель {dec} (задан в client.yaml)",
    ),
    "dec.seen": (
        "'{column}': decimal {dec} (values like '{example}')",
        "«{column}»: десятичный разделитель {dec} (значения вида «{example}»)",
    ),
    "dec.file": (
        "'{column}': decimal {dec} (like column '{other}' of the same file)",
        "«{column}»: десятичный разделитель {dec} (как в столбце «{other}» того же файла)",
    ),
    "dec.whole": (
        "'{column}': no fractions seen, so '{example}' is read as a whole number with thousands",
        "«{column}»: дробей нет, поэтому «{example}» прочитано как целое с разрядами",
    ),
    "date.iso": (
        "'{column}': dates year-first (values like '{example}')",
        "«{column}»: даты с годом впереди (вида «{example}»)",
    ),
    "date.format": (
        "'{column}': dates in format {fmt} (as set in client.yaml)",
        "«{column}»: даты в формате {fmt} (задан в client.yaml)",
    ),
    "date.declared": (
        "'{column}': dates {order} (as set in client.yaml)",
        "«{column}»: даты {order} (задано в client.yaml)",
    ),
    "date.seen": (
        "'{column}': dates {order}, decided for the whole column: '{example}' (row {row}) can only be read that way",
        "«{column}»: даты {order}, решение для всего столбца: «{example}» (строка {row}) читается только так",
    ),
    "date.file": (
        "'{column}': dates {order}, like column '{other}' of the same file (its own values fit both orders)",
        "«{column}»: даты {order}, как в столбце «{other}» того же файла (собственные значения допускают оба порядка)",
    ),
    "date.preset": (
        "'{column}': dates {order}: every value fits both orders, and {preset} exports them {order}",
        "«{column}»: даты {order}: все значения допускают оба порядка, а {preset} выгружает даты так",
    ),
    "date.dots": (
        "'{column}': dates {order}: every value fits both orders; dates with dots are day-first by convention",
        "«{column}»: даты {order}: все значения допускают оба порядка; даты через точку пишут день первым",
    ),
    "date.serial": (
        "'{column}': Excel serial day numbers (values like '{example}')",
        "«{column}»: порядковые номера дней Excel (вида «{example}»)",
    ),
    "date.cells": ("'{column}': Excel date cells", "«{column}»: ячейки Excel с датами"),
    "order.dayfirst": ("day-first", "день-месяц"),
    "order.monthfirst": ("month-first", "месяц-день"),
    # --- warnings ---------------------------------------------------------------------------
    "rejected": (
        "'{column}': {count} row(s) left out ({rows}): {reason}, e.g. '{value}'. {todo}",
        "«{column}»: не учтено строк — {count} ({rows}): {reason_ru}, например «{value}». {todo_ru}",
    ),
    "blanked": (
        "'{column}': {count} value(s) left empty ({rows}): {reason}, e.g. '{value}'. {todo}",
        "«{column}»: оставлено пустыми значений — {count} ({rows}): {reason_ru}, например «{value}». {todo_ru}",
    ),
    "ragged": (
        "{count} row(s) left out ({rows}): they have a different number of fields than the header ({fields}), e.g. '{value}'. Check quotes and delimiters on those lines.",
        "Не учтено строк — {count} ({rows}): в них другое число полей, чем в заголовке ({fields}), например «{value}». Проверьте кавычки и разделители в этих строках.",
    ),
    "dup.id": (
        "'{column}': {count} duplicated value(s) ({rows}, e.g. '{value}', first on row {first}); kept the first of each, left out the rest.",
        "«{column}»: повторов — {count} ({rows}, например «{value}», впервые в строке {first}); учтена первая запись, остальные нет.",
    ),
    "dup.header": (
        "the file has more than one column named '{header}' (columns {letters}); used the first. Map '{header} (2)' to use the second.",
        "в файле несколько столбцов «{header}» (столбцы {letters}); использован первый. Чтобы взять второй, укажите «{header} (2)».",
    ),
    "noheader.column": (
        "column {letter} has values but no header; ignored.",
        "столбец {letter} содержит данные, но без заголовка; пропущен.",
    ),
    "neg.flagged": (
        "'{column}': {count} negative amount(s) ({rows}, e.g. {value}); kept. Check whether they are refunds or typos.",
        "«{column}»: отрицательных сумм — {count} ({rows}, например {value}); оставлены. Проверьте, возвраты это или опечатки.",
    ),
    "neg.refunds": (
        "'{column}': {count} negative amount(s) kept as refunds ({rows}), total {value}.",
        "«{column}»: отрицательные суммы учтены как возвраты — {count} ({rows}), всего {value}.",
    ),
    "future": (
        "'{column}': {count} date(s) after the audit date {as_of} ({rows}, e.g. '{value}'); kept. Check the dates or the as_of date.",
        "«{column}»: дат позже даты аудита {as_of} — {count} ({rows}, например «{value}»); оставлены. Проверьте даты или as_of.",
    ),
    "closed_before_created": (
        "{count} deal(s) close before they were created ({rows}, e.g. '{value}'); kept. Check the dates.",
        "Сделок, закрытых раньше создания, — {count} ({rows}, например «{value}»); оставлены. Проверьте даты.",
    ),
    "date.mixed_order": (
        "'{column}': read {order} like most values; {count} value(s) fit only the other order ({rows}, e.g. '{value}') and were left out. Export the column in one date format.",
        "«{column}»: прочитано как {order}, как большинство значений; значений, подходящих только под другой порядок, — {count} ({rows}, например «{value}»), они не учтены. Выгрузите столбец в одном формате дат.",
    ),
    "date.assumed": (
        "'{column}': every date fits both day-first and month-first; assumed {order}. Set date_format in client.yaml if that is wrong.",
        "«{column}»: все даты допускают оба порядка (день-месяц и месяц-день); принято {order}. Если это не так, задайте date_format в client.yaml.",
    ),
    "date.tz": (
        "'{column}': time-zone offsets ignored (times kept as written).",
        "«{column}»: часовые пояса отброшены (время взято как записано).",
    ),
    "formula.link": (
        "'{column}': {count} =HYPERLINK(...) formula(s) replaced by the text they show ({rows}).",
        "«{column}»: формулы =ГИПЕРССЫЛКА(...) заменены показанным текстом — {count} ({rows}).",
    ),
    "formula.other": (
        "'{column}': {count} value(s) look like spreadsheet formulas ({rows}, e.g. '{value}'); kept as text. Export values, not formulas.",
        "«{column}»: значений, похожих на формулы, — {count} ({rows}, например «{value}»); оставлены текстом. Выгрузите значения, а не формулы.",
    ),
    "ids.scientific": (
        "'{column}': {count} id(s) in scientific notation like '{value}' ({rows}): Excel has rounded them, so different records may share an id. Export the ids as text.",
        "«{column}»: идентификаторов в экспоненциальной записи — {count}, например «{value}» ({rows}): Excel их округлил, разные записи могут совпасть. Выгрузите идентификаторы как текст.",
    ),
    "role.unknown": (
        "'{column}': unknown role(s) {names} ({rows}); treated as universal. Roles are hunter, closer, farmer, universal, head.",
        "«{column}»: неизвестные роли {names} ({rows}); считаются универсалами. Роли: hunter, closer, farmer, universal, head.",
    ),
    "client_type.unknown": (
        "'{column}': value(s) {names} ({rows}) are neither new nor current; left empty.",
        "«{column}»: значения {names} ({rows}) — ни «новый», ни «текущий»; оставлены пустыми.",
    ),
    "lost.no_stage": (
        "{count} lost deal(s) have no known loss stage, in lost_stage or stage history ({rows}); they count as reaching only the first stage.",
        "Проигранных сделок без известного этапа проигрыша (ни в lost_stage, ни в истории этапов) — {count} ({rows}); они считаются дошедшими только до первого этапа.",
    ),
    "managers.missing": (
        "{count} manager name(s) are not in the team table ({file2}): {names} ({rows}). Add them to the team file or fix the spelling.",
        "Менеджеров, которых нет в таблице команды ({file2}), — {count}: {names} ({rows}). Добавьте их в файл команды или исправьте написание.",
    ),
    "heads.missing": (
        "'{column}': head(s) {names} are not managers in the team table ({rows}).",
        "«{column}»: руководители {names} не указаны менеджерами в таблице команды ({rows}).",
    ),
    "history.unknown_deals": (
        "{count} row(s) refer to deals that are not in the deals table ({rows}, e.g. '{value}'); kept.",
        "Строк о сделках, которых нет в таблице сделок, — {count} ({rows}, например «{value}»); оставлены.",
    ),
    "blank.rows": (
        "{count} empty row(s) skipped ({rows}).",
        "Пропущено пустых строк — {count} ({rows}).",
    ),
    "funnel.preset": (
        "funnel stages taken from preset {preset} (client.yaml has no funnel:).",
        "этапы воронки взяты из пресета {preset} (в client.yaml нет funnel:).",
    ),
    "assume.lost_stage": (
        "{count} lost deal(s) without a known loss stage count as reaching only the first stage (DESIGN §7.6).",
        "проигранные сделки без известного этапа проигрыша ({count}) считаются дошедшими только до первого этапа (DESIGN §7.6).",
    ),
    "assume.date_order": (
        "'{column}': dates read {order}, although every value fits both orders.",
        "«{column}»: даты прочитаны как {order}, хотя все значения допускают оба порядка.",
    ),
    "status.mapped": (
        "stage of {count} deal(s) set from column '{column}' (won → contract, lost → lost).",
        "этап взят из столбца «{column}» (выиграна → contract, проиграна → lost) для сделок: {count}.",
    ),
}

# Rejection reasons: (English, Russian, what to do English, what to do Russian)
REASONS: dict[str, tuple[str, str, str, str]] = {
    "bad_date": (
        "not a date",
        "не дата",
        "Fix the dates in the file or set date_format in client.yaml.",
        "Исправьте даты в файле или задайте date_format в client.yaml.",
    ),
    "bad_number": (
        "not a number",
        "не число",
        "Leave only the number (currency signs and spaces are fine) or set decimal in client.yaml.",
        "Оставьте только число (знак валюты и пробелы допустимы) или задайте decimal в client.yaml.",
    ),
    "empty": (
        "required value is empty",
        "обязательное значение пустое",
        "Fill the value in the CRM and export again.",
        "Заполните значение в CRM и выгрузите снова.",
    ),
    "order_mismatch": (
        "date fits only the other day/month order",
        "дата подходит только под другой порядок день/месяц",
        "Export the column in one date format.",
        "Выгрузите столбец в одном формате дат.",
    ),
}


def fmt_rows(rows: list[int], total: int, lang: str) -> str:
    """'row 5' / 'rows 2, 5, 7 and 12 more' (ru: 'строка 5' / 'строки 2, 5, 7 и ещё 12')."""
    shown = ", ".join(str(r) for r in rows[:MAX_LISTED])
    more = total - min(len(rows), MAX_LISTED)
    if lang == "ru":
        head = "строка" if total == 1 else "строки"
        return f"{head} {shown}" + (f" и ещё {more}" if more > 0 else "")
    head = "row" if total == 1 else "rows"
    return f"{head} {shown}" + (f" and {more} more" if more > 0 else "")


def fmt_names(names: list[str], total: int | None = None) -> str:
    """Quoted names, the first few and a count of the rest."""
    total = len(names) if total is None else total
    shown = ", ".join(f"'{n}'" for n in names[:MAX_LISTED])
    more = total - min(len(names), MAX_LISTED)
    return shown + (f" (+{more})" if more > 0 else "")


def render(note: Note, lang: str = "en") -> str:
    """The note as one sentence in the given language."""
    en, ru = CATALOGUE[note.code]
    params: dict[str, Any] = dict(note.params)
    if "rows" in params:
        params["rows"] = fmt_rows(
            list(params["rows"]), int(params.get("rows_total", len(params["rows"]))), lang
        )
    if "order" in params:
        params["order"] = render(Note(f"order.{params['order']}"), lang)
    reason = params.get("reason_code")
    if reason in REASONS:
        r_en, r_ru, todo_en, todo_ru = REASONS[reason]
        params.setdefault("reason", r_en)
        params.setdefault("todo", todo_en)
        params["reason_ru"] = params.get("reason_ru", r_ru)
        params["todo_ru"] = todo_ru
    params.setdefault("reason_ru", params.get("reason", ""))
    params.setdefault("todo_ru", params.get("todo", ""))
    params.setdefault("todo", "")
    text = (ru if lang == "ru" else en).format_map(_Default(params))
    return text.replace(" .", ".").strip()


class _Default(dict[str, Any]):
    """format_map helper: a missing key renders as an empty string."""

    def __missing__(self, key: str) -> str:
        return ""
