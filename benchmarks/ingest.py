"""Ingest benchmark: generate a 1M-row deals CSV and a 10M-row payments CSV, load them.

Usage: python benchmarks/ingest.py [--deals N] [--payments N] [--keep DIR]

Files are written to a temporary folder (cp1251, ';', decimal comma, day-first dates, like
a Bitrix24 / 1C export) and loaded through the real loader (`salesaudit.ingest.load_tables`),
each in a fresh process so that its peak memory (max RSS) is its own. Target (DESIGN §9):
10M payment rows loaded and validated in under 60 s within 8 GB on 2 cores.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

CHUNK = 1_000_000


def _dates(rng: np.random.Generator, m: int, with_time: bool) -> pa.Array:
    """Day-first date strings ('31.01.2025' or '31.01.2025 14:05:00')."""
    day = rng.integers(0, 3 * 365, m).astype("timedelta64[D]") + np.datetime64("2023-01-01")
    if with_time:
        secs = rng.integers(8 * 3600, 20 * 3600, m).astype("timedelta64[s]")
        ts = pa.array(day.astype("datetime64[s]") + secs).cast(pa.string())
        return pc.replace_substring_regex(
            ts, r"^(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2}:\d{2})$", r"\3.\2.\1 \4"
        )
    return pc.replace_substring_regex(
        pa.array(day).cast(pa.string()), r"^(\d{4})-(\d{2})-(\d{2})$", r"\3.\2.\1"
    )


def _ru(iso: pa.Array) -> pa.Array:
    """'2025-01-31 14:05:00' -> '31.01.2025 14:05:00'."""
    return pc.replace_substring_regex(
        iso, r"^(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2}:\d{2})$", r"\3.\2.\1 \4"
    )


def _amounts(rng: np.random.Generator, m: int, refunds: float) -> pa.Array:
    """Amounts with a decimal comma; a share of them negative (refunds)."""
    x = np.round(rng.lognormal(10, 1.2, m), 2)
    x[rng.random(m) < refunds] *= -1
    return pc.replace_substring(pa.array(x).cast(pa.string()), ".", ",")


def _write(path: Path, header: list[str], make_chunk, n: int, encoding: str) -> None:
    """Write n rows chunk by chunk with ';' and no quotes, in the given encoding."""
    opts = pacsv.WriteOptions(include_header=False, delimiter=";", quoting_style="none")
    with path.open("wb") as f:
        f.write((";".join(header) + "\r\n").encode(encoding))
        for start in range(0, n, CHUNK):
            table = make_chunk(start, min(CHUNK, n - start))
            buf = io.BytesIO()
            pacsv.write_csv(table, buf, opts)
            f.write(buf.getvalue().decode("utf-8").encode(encoding))


def generate(folder: Path, n_deals: int, n_payments: int) -> dict[str, Path]:
    """The two benchmark files; returns their paths."""
    rng = np.random.default_rng(7)
    managers = np.array([f"Менеджер {i:02d}" for i in range(60)])
    stages = np.array(
        [
            "Новая",
            "В работе",
            "Подготовка документов",
            "Счёт на предоплату",
            "Финальный счёт",
            "Сделка успешна",
            "Сделка провалена",
        ]
    )
    sources = np.array(["Сайт", "Звонок", "Рекомендация", "Выставка"])
    products = np.array([f"Товар {i}" for i in range(300)])

    def deals_chunk(start: int, m: int) -> pa.Table:
        created = rng.integers(0, 3 * 365 * 86400, m).astype("timedelta64[s]") + np.datetime64(
            "2023-01-01T00:00:00"
        )
        stage = rng.integers(0, len(stages), m)
        closed = created + rng.integers(86400, 120 * 86400, m).astype("timedelta64[s]")
        closed_text = _ru(pa.array(closed).cast(pa.string()))
        closed_text = pc.if_else(
            pa.array(stage >= len(stages) - 2), closed_text, pa.scalar(None, pa.string())
        )
        return pa.table(
            {
                "id": pa.array(np.arange(start + 1, start + m + 1)).cast(pa.string()),
                "created": _ru(pa.array(created).cast(pa.string())),
                "closed": closed_text,
                "stage": pa.array(stages[stage]),
                "amount": _amounts(rng, m, 0.0),
                "manager": pa.array(managers[rng.integers(0, len(managers), m)]),
                "company": pa.array(
                    np.char.add("ООО Клиент ", rng.integers(1, 50_000, m).astype(str))
                ),
                "source": pa.array(sources[rng.integers(0, len(sources), m)]),
            }
        )

    def payments_chunk(start: int, m: int) -> pa.Table:
        return pa.table(
            {
                "client": pa.array(np.char.add("Клиент ", rng.integers(1, 200_000, m).astype(str))),
                "date": _dates(rng, m, False),
                "amount": _amounts(rng, m, 0.01),
                "manager": pa.array(managers[rng.integers(0, len(managers), m)]),
                "product": pa.array(products[rng.integers(0, len(products), m)]),
            }
        )

    deals = folder / "deals.csv"
    payments = folder / "payments.csv"
    _write(
        deals,
        [
            "ID",
            "Дата создания",
            "Дата завершения",
            "Стадия сделки",
            "Сумма",
            "Ответственный",
            "Компания",
            "Источник",
        ],
        deals_chunk,
        n_deals,
        "utf-8",
    )
    _write(
        payments,
        ["Контрагент", "Дата", "Сумма", "Менеджер", "Товар"],
        payments_chunk,
        n_payments,
        "cp1251",
    )
    return {"deals": deals, "payments": payments}


def load_one(kind: str, path: Path) -> None:
    """Child process: load one file through the real loader and print JSON figures."""
    from salesaudit.inputs.client import from_dict
    from salesaudit.inputs.ingest import load_tables

    if kind == "deals":
        data = {"deals": {"path": path.name, "preset": "bitrix24"}}
    else:
        data = {
            "sales": {
                "path": path.name,
                "columns": {
                    "client_id": "Контрагент",
                    "date": "Дата",
                    "amount": "Сумма",
                    "manager": "Менеджер",
                    "product": "Товар",
                },
            }
        }
    cfg = from_dict(
        {"client": "Benchmark", "as_of": "2025-12-31", "data": data}, base_dir=path.parent
    )
    t0 = time.perf_counter()
    tables, dq = load_tables(cfg)
    seconds = time.perf_counter() - t0
    name = "deals" if kind == "deals" else "sales"
    q = dq.tables[name]
    abc_seconds = None
    if kind == "payments":  # DESIGN §9: loading and ABC-XYZ of 10M payment rows under a minute
        import pandas as pd

        from salesaudit.inputs.audit import Audit
        from salesaudit.steps import customers

        audit = Audit(config=cfg, tables=tables, quality=dq, as_of=pd.Timestamp(cfg.as_of))
        t1 = time.perf_counter()
        cl = customers.classify(audit)
        customers.migration(audit)
        abc_seconds = round(time.perf_counter() - t1, 2)
        assert cl is not None
    print(
        json.dumps(
            {
                "seconds": round(seconds, 2),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "rows": len(tables[name]),
                "rows_read": q.rows_read,
                "rows_rejected": q.rows_rejected,
                "choices": q.choices,
                "abcxyz_seconds": abc_seconds,
            },
            ensure_ascii=False,
        )
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--deals", type=int, default=1_000_000)
    ap.add_argument("--payments", type=int, default=10_000_000)
    ap.add_argument("--keep", type=Path, help="write the files here and keep them")
    ap.add_argument("--load", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.load:
        load_one(args.load[0], Path(args.load[1]))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        files = generate(folder, args.deals, args.payments)
        print(
            f"generated in {time.perf_counter() - t0:.1f} s: "
            + ", ".join(f"{k} {p.stat().st_size / 1e6:.0f} MB" for k, p in files.items())
        )
        for kind, n in (("deals", args.deals), ("payments", args.payments)):
            out = subprocess.run(
                [sys.executable, __file__, "--load", kind, str(files[kind])],
                capture_output=True,
                text=True,
                check=False,
            )
            if out.returncode:
                print(out.stdout, out.stderr, file=sys.stderr)
                return out.returncode
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(
                f"{kind:9s} {n:>11,d} rows  loaded+validated in {r['seconds']:6.1f} s  peak RSS {r['peak_rss_mb']:6,d} MB  "
                f"(kept {r['rows']:,d}, rejected {r['rows_rejected']:,d})"
            )
            if r["abcxyz_seconds"] is not None:
                total = r["seconds"] + r["abcxyz_seconds"]
                print(
                    f"{'':9s} ABC-XYZ with migration in {r['abcxyz_seconds']:.1f} s; load + ABC-XYZ {total:.1f} s "
                    f"(target < 60 s within 8 GB; peak above includes it)"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
