"""Write the bad-input corpus (run from anywhere: `python tests/data/bad/make_bad.py`).

Each file holds one fault; `cases.yaml` says how each must be answered. The files are
committed; rerun this only to change them.
"""

from __future__ import annotations

import random
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
HEAD = "ID;Дата создания;Стадия сделки;Сумма;Ответственный"


def w(name: str, text: str, encoding: str = "utf-8") -> None:
    """Write a text file with CRLF-free newlines in the given encoding."""
    (HERE / name).write_bytes(text.encode(encoding))


def deals(rows: list[str], head: str = HEAD) -> str:
    """A ';' deals CSV from data lines."""
    return "\n".join([head, *rows]) + "\n"


def good_rows(n: int, start: int = 1) -> list[str]:
    """n plausible deal lines, day-first dates (some days above 12)."""
    stages = ["Новая", "Первичный контакт", "КП подготовлено", "Сделка успешна", "Защита КП"]
    out = []
    for i in range(start, start + n):
        day, month = (i * 7) % 28 + 1, (i % 12) + 1
        out.append(
            f"{i};{day:02d}.{month:02d}.2024;{stages[i % 5]};{1000 + i * 10},50;{['Иванов', 'Петров'][i % 2]}"
        )
    return out


def main() -> None:
    w("empty.csv", "")
    w("header_only.csv", HEAD + "\n")
    rnd = random.Random(3)
    (HERE / "garbage.csv").write_bytes(bytes(rnd.randrange(256) for _ in range(3000)))
    # ';' file whose amounts all carry a decimal comma and whose last header holds a comma:
    # splitting on ',' gives 2 fields on every line, as consistent as ';' with 4.
    w(
        "delimiter_trap.csv",
        "ID;Дата создания;Стадия сделки;Сумма, руб\n"
        + "\n".join(f"{i};{10 + i}.01.2024;Новая;{i}234,50" for i in range(1, 9))
        + "\n",
    )
    utf8_part = deals(good_rows(3)).encode("utf-8")
    cp_part = "\n".join(good_rows(3, 4)).encode("cp1251") + b"\n"
    (HERE / "mixed_encodings.csv").write_bytes(utf8_part + cp_part)
    w("cp1251.csv", deals(good_rows(5)), "cp1251")
    w("utf8.csv", deals(good_rows(5)), "utf-8")
    rows = good_rows(20)
    rows[4] = "5;32.01.2024;Новая;100;Иванов"
    rows[11] = "12;вчера;Новая;100;Петров"
    w("bad_dates.csv", deals(rows))
    w(
        "mostly_bad_dates.csv",
        deals([f"{i};дата {i};Новая;100;Иванов" for i in range(1, 8)] + good_rows(2, 8)),
    )
    w(
        "ambiguous_slash.csv",
        deals(
            [
                f"{i};{(i % 12) + 1:02d}/{(i % 9) + 1:02d}/2024;Новая;100;Иванов"
                for i in range(1, 11)
            ]
        ),
    )
    w(
        "ambiguous_dots.csv",
        deals(
            [
                f"{i};{(i % 12) + 1:02d}.{(i % 9) + 1:02d}.2024;Новая;100;Иванов"
                for i in range(1, 11)
            ]
        ),
    )
    w(
        "mixed_order.csv",
        deals(
            [f"{i};{13 + i:02d}/01/2024;Новая;100;Иванов" for i in range(1, 9)]
            + ["9;01/25/2024;Новая;100;Иванов"]
        ),
    )
    rows = good_rows(8)
    rows.append("3;05.05.2024;Новая;777;Иванов")
    w("duplicated_ids.csv", deals(rows))
    rows = good_rows(6)
    rows[1] = "2;14.01.2024;Переговоры;100;Иванов"
    rows[3] = "4;15.01.2024;Сделка успешна!;100;Петров"
    rows[4] = "5;16.01.2024;Переговоры;100;Петров"
    w("unknown_stages.csv", deals(rows))
    w(
        "missing_required.csv",
        deals(
            [r.replace(";", ";", 4) for r in good_rows(4)],
            head="ID;Дата создания;Стадия;Сумма;Ответственный",
        ),
    )
    w("ok_deals.csv", deals(good_rows(12)))
    rows = [  # as Excel writes them: the field quoted, inner quotes doubled
        f'{i};{10 + i}.02.2024;Новая;100;"=HYPERLINK(""https://crm.example/user/{i}"";""Иванов"")"'
        for i in range(1, 5)
    ]
    rows.append("5;20.02.2024;Новая;100;=A1+B1")
    w("formula_names.csv", deals(rows))
    rows = good_rows(10)
    rows[1] = "2;14.01.2024;Новая;1 500 руб.;Иванов"
    rows[2] = "3;15.01.2024;Новая;₽2 000;Иванов"
    rows[5] = "6;16.01.2024;Новая;около 5000;Петров"
    rows[7] = "8;17.01.2024;Новая;TBD;Петров"
    w("amounts_text.csv", deals(rows))
    rows = good_rows(10_000)
    rows[5000] = "5001;31.13.2024;Новая;100,00;Иванов"  # Excel row 5002
    w("one_bad_in_10000.csv", deals(rows))
    w("deals.json", '{"deals": []}\n')
    w(
        "bitrix_export.xls",
        "<html><head><meta charset='utf-8'></head><body><table><tr><td>ID</td></tr></table></body></html>\n",
    )
    w(
        "duplicated_headers.csv",
        deals([r + ";5" for r in good_rows(5)], head=HEAD + ";Сумма"),
    )
    rows = good_rows(10)
    rows[2] = rows[2] + ";лишнее"
    rows[6] = "7;20.01.2024;Новая"
    w("ragged_rows.csv", deals(rows))
    rows = good_rows(6)
    rows[2] = "3;15.01.2024;Новая;-2500,00;Иванов"
    w("negative_amount.csv", deals(rows))
    w(
        "sales_refunds.csv",
        "Контрагент;Дата;Сумма\n"
        + "\n".join(
            f"ООО Ромашка {i % 3};{10 + i}.03.2024;{'-' if i == 4 else ''}{i}00,00"
            for i in range(1, 10)
        )
        + "\n",
    )
    w(
        "future_dates.csv",
        deals(good_rows(6) + ["7;15.08.2024;Новая;100;Иванов", "8;20.09.2024;Новая;100;Петров"]),
    )
    w("team.csv", "Менеджер;Роль;Руководитель\nИванов;closer;Сидоров\nСидоров;head;\n")
    w("team_bad_role.csv", "Менеджер;Роль\nИванов;стажёр\nПетров;closer\n")
    w(
        "lost_deals.csv",
        deals(
            [
                "1;14.01.2024;Сделка провалена;100;Иванов",
                "2;15.01.2024;Сделка провалена;100;Иванов",
                "3;16.01.2024;Отказ;100;Петров",
                "4;17.01.2024;Сделка успешна;100;Петров",
            ]
        ),
    )
    w(
        "history.csv",
        "Сделка;Стадия;Дата\n1;Новая;14.01.2024\n1;КП подготовлено;20.01.2024\n1;Сделка провалена;25.01.2024\n99;Новая;14.01.2024\n",
    )
    w("utf16.txt", deals(good_rows(5)).replace(";", "\t"), "utf-16")
    rows = [
        f"{1.23456789012345e15 + i:.5E};{10 + i}.01.2024;Новая;100;Иванов".replace(".", ",", 1)
        for i in range(3)
    ]
    w("scientific_ids.csv", deals(rows))
    rows = good_rows(6)
    rows[3] = ";15.01.2024;Новая;100;Иванов"
    w("empty_required.csv", deals(rows))
    w("serial_dates.csv", deals([f"{i};{45300 + i * 3};Новая;100;Иванов" for i in range(1, 7)]))
    w(
        "multiline.csv",
        "ID;Дата создания;Стадия сделки;Комментарий\n"
        '1;14.01.2024;Новая;"позвонить\nв понедельник"\n'
        '2;15.01.2024;Новая;"ок"\n'
        '3;16.01.2024;Новая;"цитата ""в кавычках"""\n',
    )
    rows = good_rows(5)
    rows.append("6;15.03.2024;Сделка успешна;100;Иванов;01.02.2024")
    w(
        "closed_before_created.csv",
        deals([r + ";" for r in good_rows(5)] + [rows[-1]], head=HEAD + ";Дата закрытия"),
    )
    w("title_rows.csv", "Отчёт по сделкам\nПериод: 2024\n" + deals(good_rows(5)))
    w(
        "wrong_decimal.csv",
        deals([f"{i};{10 + i}.01.2024;Новая;1.234,{i}5;Иванов" for i in range(1, 8)]),
    )
    w("blank_lines.csv", deals(good_rows(3) + ["", ";;;;"] + good_rows(3, 4)))

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Сделки"
    ws["A1"] = "Отчёт по сделкам за 2024 год"
    ws.merge_cells("A1:E1")
    ws["A2"] = "Сформирован: 01.07.2024"
    ws.append([])
    ws.append(HEAD.split(";"))
    import datetime as dt

    for i in range(1, 7):
        ws.append(
            [
                i,
                dt.datetime(2024, 1, 10 + i),
                ["Новая", "Сделка успешна"][i % 2],
                1000.5 * i,
                "Иванов",
            ]
        )
    ws.cell(row=30, column=9).value = None  # formatting far away: trailing empty rows/columns
    ws.cell(row=30, column=9).number_format = "0.00"
    wb.create_sheet("Пусто")
    wb.save(HERE / "title_rows.xlsx")

    wb = openpyxl.Workbook()
    wb.active.append(HEAD.split(";"))
    wb.save(HERE / "excel_no_data.xlsx")
    wb = openpyxl.Workbook()
    wb.save(HERE / "excel_empty_sheet.xlsx")


if __name__ == "__main__":
    main()
