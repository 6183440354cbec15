"""The portfolio of a batch: every client's key figures side by side, their quartiles, each client's
position, and the change since a previous batch — portfolio.html, portfolio.xlsx, portfolio.json.

Figures come from each client's findings.json (`benchmarks.client_metrics`); a figure a client's
data cannot support, or a findings key an older run lacks, shows as "—". portfolio.json (the
benchmark file `run --benchmarks` reads) holds quartiles and counts only, never a client's name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
import pandas as pd

from salesaudit import __version__
from salesaudit.core.constants import REVIEW_MONTHS
from salesaudit.core.errors import InputError
from salesaudit.i18n import fmt_date, fmt_num, t
from salesaudit.inputs.audit import load_config
from salesaudit.report import findings as findings_doc
from salesaudit.report import safety, since
from salesaudit.report.html import CSP, TEMPLATES, report_exporter
from salesaudit.steps.summary import benchmarks as bm

PILLARS = ("operations", "process", "coaching", "training")
# the figures' tables, a few columns each (a phone, an A4 page): part → which metrics it holds
PARTS = ("funnel", "customers", "team")
SINCE_FIGURES = ("win_rate", "p_target", "cycle_days", "meeting_to_contract", "sellers_needed")


@dataclass
class Entry:
    """One client of the portfolio: its name, stable code, sector, findings and figures."""

    name: str
    folder: Path
    doc: dict[str, Any]
    sector: str | None = None
    metrics: dict[str, float | None] = field(default_factory=dict)
    previous: dict[str, Any] | None = None

    @property
    def code(self) -> str:
        """A stable code for the client's name (`--anonymise`): C- and 6 hex digits of its hash."""
        return "C-" + hashlib.sha256(self.name.encode("utf-8")).hexdigest()[:6].upper()


def _sector(folder: Path) -> str | None:
    """The sector of the client file a report folder's manifest names (None when unknown)."""
    manifest = safety.read_manifest(folder) or {}
    try:
        return load_config(Path(str(manifest.get("client_file", "")))).sector
    except (InputError, OSError):
        return None


def _read(path: Path) -> dict[str, Any] | None:
    """A findings.json as a dict, or None when it is missing or unreadable."""
    try:
        doc = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return doc if isinstance(doc, dict) else None


def collect(folders: list[Path], previous_dir: Path | None = None) -> list[Entry]:
    """The portfolio's clients: each report folder with a findings.json (and its previous one)."""
    out = []
    for folder in folders:
        doc = _read(folder / "findings.json")
        if doc is None:
            continue
        prev = _read(previous_dir / folder.name / "findings.json") if previous_dir else None
        e = Entry(str(doc.get("client") or folder.name), folder, doc, _sector(folder))
        e.metrics, e.previous = bm.client_metrics(doc), prev
        out.append(e)
    names = [e.name for e in out]
    for e in out:  # two clients of one name (two branches' files): the folder tells them apart
        if names.count(e.name) > 1:
            e.name = f"{e.name} ({e.folder.name})"
    return out


def metric_names(entries: list[Entry]) -> list[str]:
    """The columns: the fixed figures, the closer's cost of sales, every other seller role's a
    client has, and the needed team's."""
    found = {k for e in entries for k, v in e.metrics.items() if v is not None}
    roles = [r for r in bm.COST_ROLES if r == "closer" or bm.COST_PREFIX + r in found]
    return [*bm.BASE_METRICS, *(bm.COST_PREFIX + r for r in roles), bm.TEAM_COST]


def part_of(metric: str) -> str:
    """Which table of figures a metric is in: funnel, customers (ABC-XYZ) or team (sellers, pay)."""
    if metric.startswith(("abc", "xyz")):
        return "customers"
    if metric.startswith(("sellers_", bm.COST_PREFIX)) or metric == bm.TEAM_COST:
        return "team"
    return "funnel"


def benchmark_file(entries: list[Entry]) -> dict[str, Any]:
    """portfolio.json: quartiles and N per metric, for the whole portfolio and for each sector."""
    doc = bm.summarise([(e.sector, e.metrics) for e in entries])
    doc["generated"] = dt.date.today().isoformat()
    doc["version"] = __version__
    return doc


def positions(entries: list[Entry], bench: dict[str, Any]) -> dict[str, dict[str, int | None]]:
    """Each client's quartile (1 lowest … 4 highest) per metric, within the whole portfolio."""
    stats = bench["groups"][bm.ALL]["metrics"]
    return {
        e.name: {k: bm.position(v, stats.get(k, {})) for k, v in e.metrics.items()} for e in entries
    }


def _who(e: Entry, anonymise: bool) -> str:
    """The client's name, or its code."""
    return e.code if anonymise else e.name


def figures_table(
    entries: list[Entry],
    bench: dict[str, Any],
    lang: str,
    anonymise: bool,
    names: list[str] | None = None,
) -> pd.DataFrame:
    """Clients × metrics (all, or `names`) as text: value and quartile (Q1 lowest … Q4 highest)."""
    pos = positions(entries, bench)
    rows = {}
    for e in entries:
        row = {}
        for k in names or metric_names(entries):
            v, q = e.metrics.get(k), pos[e.name].get(k)
            row[bm.label(k, lang)] = bm.fmt(k, v, lang) + (f" · Q{q}" if q else "")
        rows[_who(e, anonymise)] = row
    return pd.DataFrame.from_dict(rows, orient="index")


def _numbers(entries: list[Entry], names: list[str], lang: str, anonymise: bool) -> pd.DataFrame:
    """Clients × metrics as numbers (shares 0..1), for the workbook."""
    return pd.DataFrame.from_dict(
        {_who(e, anonymise): {bm.label(k, lang): e.metrics.get(k) for k in names} for e in entries},
        orient="index",
    )


def _positions(
    entries: list[Entry], bench: dict[str, Any], names: list[str], lang: str, anonymise: bool
) -> pd.DataFrame:
    """Clients × metrics: the quartile (1 lowest … 4 highest) within the portfolio."""
    pos = positions(entries, bench)
    return pd.DataFrame.from_dict(
        {
            _who(e, anonymise): {bm.label(k, lang): pos[e.name].get(k) for k in names}
            for e in entries
        },
        orient="index",
    )


def quartile_table(bench: dict[str, Any], names: list[str], lang: str) -> pd.DataFrame:
    """Group × metric: N, min, Q1, median, Q3, max (the quartiles '—' below MIN_PEERS clients).

    A figure no client of the group has is left out.
    """
    rows = []
    for group, g in bench["groups"].items():
        for k in names:
            q = g["metrics"].get(k) or {}
            if not q.get("n"):
                continue
            cells = {
                c: bm.fmt(k, q[c], lang) if c in q else "—"
                for c in ("min", "q1", "median", "q3", "max")
            }
            rows.append(
                {
                    t("portfolio.col.group", lang): t("portfolio.all", lang)
                    if group == bm.ALL
                    else group,
                    t("portfolio.col.metric", lang): bm.label(k, lang),
                    "N": q.get("n", 0),
                    **{t(f"portfolio.col.{c}", lang): v for c, v in cells.items()},
                }
            )
    return pd.DataFrame(rows)


def _date(value: Any) -> dt.date | None:
    """An ISO date, or None."""
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _months_ago(as_of: Any, today: dt.date) -> int | None:
    """Whole months from an as_of date to today."""
    before = _date(as_of)
    return since.months_between(before, today) if before else None


def since_table(
    entries: list[Entry], previous_dir: Path, lang: str, anonymise: bool
) -> pd.DataFrame:
    """Per client: the last audit's date, months since, a flag past the review period, the changes."""
    now = dt.date.today()
    rows = {}
    for e in entries:
        prev = e.previous
        before = findings_doc.key_figures(prev) if prev else {}
        now_f = findings_doc.key_figures(e.doc)
        before["win_rate"] = (prev or {}).get("funnel", {}).get("win_rate") if prev else None
        now_f["win_rate"] = (e.doc.get("funnel") or {}).get("win_rate")
        at = _date(e.doc.get("as_of")) or now  # the current audit's date, as the report's section
        row: dict[str, Any] = {
            t("portfolio.col.last_audit", lang): fmt_date(prev.get("as_of"), lang) if prev else "—",
            t("portfolio.col.months", lang): fmt_num(_months_ago(prev.get("as_of"), at), lang)
            if prev
            else "—",
            t("portfolio.col.flag", lang): _flag(prev, at, lang),
        }
        for k in SINCE_FIGURES:
            kind, _ = since.FIGURES.get(k, ("count", 0))
            row[t(f"since.fig.{k}", lang)] = since._delta(
                kind, before.get(k), now_f.get(k), lang, ""
            )
        for p in PILLARS:
            b = ((prev or {}).get("model") or {}).get("pillars", {}).get(p)
            n = (e.doc.get("model") or {}).get("pillars", {}).get(p)
            row[t(f"pillar.{p}", lang)] = since._delta("count", b, n, lang, "")
        rows[_who(e, anonymise)] = row
    for folder in _absent(entries, previous_dir):
        prev = _read(folder / "findings.json") or {}
        name = str(prev.get("client") or folder.name)
        who = Entry(name, folder, prev).code if anonymise else name
        rows[who] = {
            t("portfolio.col.last_audit", lang): fmt_date(prev.get("as_of"), lang),
            t("portfolio.col.months", lang): fmt_num(_months_ago(prev.get("as_of"), now), lang),
            t("portfolio.col.flag", lang): t("portfolio.not_in_batch", lang)
            + ("; " + _flag(prev, now, lang) if _flag(prev, now, lang) else ""),
        }
    return pd.DataFrame.from_dict(rows, orient="index").fillna("—")


def _flag(prev: dict[str, Any] | None, now: dt.date, lang: str) -> str:
    """'last audit over 3 months ago' when the previous audit is older than the review period."""
    if not prev:
        return t("portfolio.first_audit", lang)
    before = _date(prev.get("as_of"))
    if before is None:
        return ""
    return t("portfolio.stale", lang, review=REVIEW_MONTHS) if since.is_stale(before, now) else ""


def _absent(entries: list[Entry], previous_dir: Path) -> list[Path]:
    """Report folders of the previous batch whose client is not in this one."""
    names = {e.folder.name for e in entries}
    if not previous_dir.is_dir():
        return []
    return sorted(
        p
        for p in previous_dir.iterdir()
        if p.is_dir() and p.name not in names and (p / "findings.json").is_file()
    )


def _html_table(df: pd.DataFrame, index_label: str) -> str:
    """An escaped house-style table; cells that start with a digit, a sign or '—' are right-aligned."""
    e = html.escape
    head = f"<th>{e(index_label)}</th>" + "".join(f"<th>{e(str(c))}</th>" for c in df.columns)
    body = []
    for idx, row in df.iterrows():
        cells = "".join(
            f'<td class="num">{e(str(v))}</td>'
            if str(v)[:1] in "0123456789+-−—"
            else f"<td>{e(str(v))}</td>"
            for v in row
        )
        body.append(f"<tr><td>{e(str(idx))}</td>{cells}</tr>")
    return (
        f'<div class="sa-scroll"><table class="sa-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def _figures_html(
    entries: list[Entry], bench: dict[str, Any], names: list[str], lang: str, anonymise: bool
) -> str:
    """The figures as one table per part (funnel, customers, team), each headed by its name."""
    who = t("portfolio.col.client", lang)
    out = []
    for part in PARTS:
        cols = [k for k in names if part_of(k) == part]
        table = figures_table(entries, bench, lang, anonymise, cols)
        out.append(f"<h3>{html.escape(t(f'portfolio.part.{part}', lang))}</h3>")
        out.append(_html_table(table, who))
    return "".join(out)


def _quartiles_html(bench: dict[str, Any], quarts: pd.DataFrame, lang: str) -> str:
    """The quartile table split by group: a heading (the group, its clients), then its figures."""
    col_group, col_metric = t("portfolio.col.group", lang), t("portfolio.col.metric", lang)
    out = []
    for group, g in bench["groups"].items():
        name = t("portfolio.all", lang) if group == bm.ALL else group
        head = t("portfolio.group", lang, group=name, n=g["clients"])
        rows = quarts[quarts[col_group] == name].drop(columns=col_group).set_index(col_metric)
        out.append(f"<h3>{html.escape(head)}</h3>")
        out.append(_html_table(rows, col_metric))
    return "".join(out)


def _cells(sections: list[tuple[str, str, str]]) -> nbformat.NotebookNode:
    """A notebook of (title, lead, table HTML) sections, as the report template renders them."""
    nb = nbformat.v4.new_notebook()
    for i, (title, lead, body) in enumerate(sections):
        nb.cells.append(
            nbformat.v4.new_markdown_cell(f'<div class="sa-section" id="sec-{i}"></div>')
        )
        nb.cells.append(nbformat.v4.new_markdown_cell(f"## {title}\n\n{lead}"))
        out = nbformat.v4.new_output("display_data", data={"text/html": body})
        nb.cells.append(nbformat.v4.new_code_cell("", outputs=[out]))
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def render_html(sections: list[tuple[str, str, str]], n: int, lang: str) -> str:
    """portfolio.html: the report's template and CSS, no script, nothing fetched."""
    e = html.escape
    title = t("portfolio.title", lang, n=n)
    nb = _cells(sections)
    nb.metadata["title"] = title
    header = (
        f'<header class="sa-header"><h1>{e(title)}</h1><div class="sa-meta">'
        f"{e(t('report.generated', lang))} {e(fmt_date(dt.date.today(), lang))}</div></header>"
    )
    items = "".join(f'<li><a href="#sec-{i}">{e(s[0])}</a></li>' for i, s in enumerate(sections))
    contents = e(t("report.contents", lang))
    toc = f'<nav class="sa-toc"><h2>{contents}</h2><ol>{items}</ol></nav>'
    exporter = report_exporter()
    css = (TEMPLATES / "salesaudit" / "report.css").read_text("utf-8")
    css += (
        "\n.sa-scroll { overflow-x: auto; }\n.sa-scroll td.num { white-space: nowrap; }\n"
        "@media print { .sa-scroll { overflow: visible; } .sa-scroll td.num { white-space: normal; } }\n"
        "@media screen and (max-width: 600px) { .sa-scroll table.sa-table { font-size: 13px; }\n"
        "  .sa-scroll table.sa-table th, .sa-scroll table.sa-table td { padding: 4px 6px; }\n"
        "  .sa-scroll table.sa-table th { min-width: 5.5em; } }\n"
    )
    res = {
        "language_code": lang,
        "sa": {
            "css": css,
            "header": header,
            "toc": toc,
            "footer": f"salesaudit {e(__version__)}",
            "plotly_js": "",
            "render_js": "",
            "csp": CSP,
        },
    }
    body, _ = exporter.from_notebook_node(nb, resources=res)
    return body.replace("<script></script>", "")  # the template's chart scripts: no charts here


def _atomic_write(path: Path, data: bytes) -> None:
    """Write a file through a temp file beside it and a rename."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def write(
    root: Path,
    folders: list[Path],
    lang: str | None = None,
    anonymise: bool = False,
    previous_dir: Path | None = None,
) -> dict[str, Path]:
    """Write portfolio.html, portfolio.xlsx and portfolio.json into root; returns their paths ({} without clients).

    The language: `lang`, else the first client's report language.
    """
    entries = collect(folders, previous_dir)
    if not entries:
        return {}
    lang = lang or str(entries[0].doc.get("language") or "en")
    bench = benchmark_file(entries)
    names = metric_names(entries)
    who = t("portfolio.col.client", lang)
    quarts = quartile_table(bench, names, lang)
    sections = [
        (
            t("portfolio.h.figures", lang),
            t("portfolio.lead.figures", lang, min=bm.MIN_PEERS),
            _figures_html(entries, bench, names, lang, anonymise),
        ),
        (
            t("portfolio.h.quartiles", lang),
            t("portfolio.lead.quartiles", lang, min=bm.MIN_PEERS),
            _quartiles_html(bench, quarts, lang),
        ),
    ]
    sheets = {
        "clients": _numbers(entries, names, lang, anonymise).rename_axis(who).reset_index(),
        "positions": _positions(entries, bench, names, lang, anonymise)
        .rename_axis(who)
        .reset_index(),
        "quartiles": quarts,
    }
    if previous_dir:
        changes = since_table(entries, previous_dir, lang, anonymise)
        sections.append(
            (
                t("portfolio.h.since", lang),
                t("portfolio.lead.since", lang),
                _html_table(changes, who),
            )
        )
        sheets["since"] = changes.rename_axis(who).reset_index()
    paths = {k: root / f"portfolio.{k}" for k in ("html", "xlsx", "json")}
    _atomic_write(paths["html"], render_html(sections, len(entries), lang).encode("utf-8"))
    _atomic_write(paths["json"], (json.dumps(bench, indent=1) + "\n").encode("utf-8"))
    tmp = paths["xlsx"].with_name(f".portfolio.xlsx.tmp-{os.getpid()}.xlsx")
    with pd.ExcelWriter(tmp, engine="openpyxl") as xw:
        for name, df in sheets.items():
            df.to_excel(xw, sheet_name=t(f"portfolio.sheet.{name}", lang)[:31], index=False)
    os.replace(tmp, paths["xlsx"])
    return paths
