"""The report: executed notebooks merged into one self-contained, offline HTML file."""

from __future__ import annotations

import datetime as dt
import html
import json
from importlib import resources
from pathlib import Path
from typing import Any

import nbformat
from nbconvert import HTMLExporter

from salesaudit.i18n import fmt_date, keys, t
from salesaudit.present.style import CHART_CONFIG
from salesaudit.report import since

PLOTLY_MIME = "application/vnd.plotly.v1+json"
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SINCE_ANCHOR = "sec-since"
HIDE_TAGS = {"parameters", "injected-parameters", "report-hide"}
# Content-Security-Policy of the report: nothing may be fetched; inline scripts and styles (the
# report is one file), data: images and fonts (plotly's PNG download, nbconvert's CSS) only.
CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; connect-src 'none'; form-action 'none'; "
    "base-uri 'none'"
)
PRINT_WIDTH_PX = 700  # charts' width on paper: A4 portrait less the @page margins of report.css
RENDER_JS = """
(function () {
  var config = %(config)s, printWidth = %(width)d, charts = [], printing = false;
  /* A phone: smaller type, titles wrapped to the width, narrower margins. */
  function wrap(text, chars) {
    var lines = [""];
    String(text).split(" ").forEach(function (w) {
      var last = lines[lines.length - 1];
      if (last && (last + " " + w).length > chars) { lines.push(w); }
      else { lines[lines.length - 1] = last ? last + " " + w : w; }
    });
    return lines;
  }
  function narrow(layout, width) {
    if (width >= 600) return layout;
    var title = layout.title || {}, margin = layout.margin || {}, font = layout.font || {};
    var lines = title.text ? wrap(title.text, Math.max(24, Math.floor(width / 7.5))) : [];
    layout.font = Object.assign({}, font, {size: 10});
    layout.title = Object.assign({}, title, {text: lines.join("<br>"), font: {size: 13}});
    layout.margin = Object.assign({}, margin, {l: 36, r: 8,
      t: (margin.t || 60) + 16 * Math.max(0, lines.length - 1)});
    if (layout.height) layout.height += 16 * Math.max(0, lines.length - 1);
    (layout.annotations || []).forEach(function (a) { a.font = Object.assign({}, a.font, {size: 10}); });
    Object.keys(layout).forEach(function (k) {
      if (/^[xy]axis[0-9]*$/.test(k)) layout[k].tickfont = Object.assign({}, layout[k].tickfont, {size: 9});
    });
    return layout;
  }
  document.querySelectorAll("div.sa-chart").forEach(function (el) {
    var spec = JSON.parse(document.getElementById(el.id + "-data").textContent);
    Plotly.newPlot(el, spec.data || [], narrow(spec.layout || {}, el.clientWidth), config);
    charts.push(el);
  });
  /* Paper: every chart laid out at the printed column's width, then back to the window's. */
  function toPaper() {
    if (printing) return;
    printing = true;
    charts.forEach(function (el) { Plotly.relayout(el, {width: printWidth}); });
  }
  function toScreen() {
    if (!printing) return;
    printing = false;
    charts.forEach(function (el) { Plotly.relayout(el, {width: null, autosize: true}); });
  }
  window.addEventListener("beforeprint", toPaper);
  window.addEventListener("afterprint", toScreen);
  var print = window.matchMedia("print");
  if (print.matches) toPaper();
  print.addEventListener("change", function (e) { if (e.matches) { toPaper(); } else { toScreen(); } });
  /* Narrow windows: the contents are a menu under a button. */
  var nav = document.querySelector("nav.sa-toc"), btn = nav && nav.querySelector("button");
  if (btn) {
    btn.addEventListener("click", function () {
      var open = nav.classList.toggle("sa-open");
      btn.setAttribute("aria-expanded", open ? "true" : "false");
    });
    nav.querySelectorAll("a").forEach(function (a) {
      a.addEventListener("click", function () {
        nav.classList.remove("sa-open");
        btn.setAttribute("aria-expanded", "false");
      });
    });
  }
})();
"""


def render_js() -> str:
    """The script that draws every chart with the house config and lays them out for print."""
    return RENDER_JS % {"config": json.dumps(CHART_CONFIG), "width": PRINT_WIDTH_PX}


def plotly_js() -> str:
    """The plotly.js bundle shipped inside the installed plotly package (versions match)."""
    return resources.files("plotly").joinpath("package_data/plotly.min.js").read_text("utf-8")


def _script_json(obj: object) -> str:
    """JSON safe to place inside a <script> element (no '</script>' or HTML comment can close it)."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _keep(cell: nbformat.NotebookNode, lang: str) -> bool:
    """Whether a cell belongs in the report for the language."""
    tags = set(cell.get("metadata", {}).get("tags", []))
    if tags & HIDE_TAGS:
        return False
    langs = {tg.removeprefix("lang-") for tg in tags if tg.startswith("lang-")}
    return not langs or lang in langs


def _clean_outputs(cell: nbformat.NotebookNode, counter: list[int]) -> None:
    """Drop stderr and errors; turn plotly figures into offline chart placeholders."""
    outputs = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream" and out.get("name") == "stderr":
            continue
        if out.get("output_type") == "error":
            continue
        data = out.get("data", {})
        if PLOTLY_MIME in data:
            counter[0] += 1
            cid = f"sa-chart-{counter[0]}"
            spec = _script_json(data[PLOTLY_MIME])
            markup = (
                f'<div class="sa-chart" id="{cid}"></div>'
                f'<script type="application/json" id="{cid}-data">{spec}</script>'
            )
            out = nbformat.v4.new_output("display_data", data={"text/html": markup})
        outputs.append(out)
    cell["outputs"] = outputs


def _since_cells(body: str, lang: str) -> list[nbformat.NotebookNode]:
    """The "since the last audit" section as cells: marker, title, the HTML tables."""
    out = nbformat.v4.new_output("display_data", data={"text/html": body})
    return [
        nbformat.v4.new_markdown_cell(f'<div class="sa-section" id="{SINCE_ANCHOR}"></div>'),
        nbformat.v4.new_markdown_cell(f"# {t('section.since', lang)}\n\n{t('since.lead', lang)}"),
        nbformat.v4.new_code_cell("", outputs=[out]),
    ]


def merge(
    notebooks: list[Path], lang: str, since_html: str = ""
) -> tuple[nbformat.NotebookNode, list[tuple[str, str]]]:
    """One notebook of every report section in order, and the table of contents (anchor, title).

    `since_html`, the HTML of the "since the last audit" section, follows the first section (the summary).
    """
    merged = nbformat.v4.new_notebook()
    toc: list[tuple[str, str]] = []
    counter = [0]
    for i, path in enumerate(notebooks):
        if i == 1 and since_html:
            merged.cells.extend(_since_cells(since_html, lang))
            toc.append((SINCE_ANCHOR, t("section.since", lang)))
        nb = nbformat.read(path, as_version=4)
        stem = path.stem
        anchor = f"sec-{stem}"
        title = t(f"section.{stem}", lang) if f"section.{stem}" in _sections() else stem
        toc.append((anchor, title))
        merged.cells.append(
            nbformat.v4.new_markdown_cell(f'<div class="sa-section" id="{anchor}"></div>')
        )
        for cell in nb.cells:
            if not _keep(cell, lang):
                continue
            if cell.cell_type == "code":
                _clean_outputs(cell, counter)
                if not cell.outputs:
                    continue
            merged.cells.append(cell)
    if len(notebooks) == 1 and since_html:
        merged.cells.extend(_since_cells(since_html, lang))
        toc.append((SINCE_ANCHOR, t("section.since", lang)))
    merged.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    merged.metadata["language_info"] = {"name": "python"}
    return merged, toc


def _sections() -> set[str]:
    """Catalogue keys of known report sections."""
    return {k for k in keys() if k.startswith("section.")}


def report_exporter() -> HTMLExporter:
    """The nbconvert exporter of salesaudit's template: outputs only, no code, no prompts."""
    return HTMLExporter(
        template_name="salesaudit",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )


def render(
    notebooks: list[Path],
    client: str,
    as_of: dt.date,
    lang: str,
    currency: str,
    version: str,
    findings: dict[str, Any] | None = None,
) -> str:
    """The report HTML for executed notebooks, in the given order.

    With `findings` carrying `changes` (a run with `--previous`), a "since the last audit" section
    follows the summary.
    """
    nb, toc = merge(notebooks, lang, since.section_html(findings or {}, lang))
    e = html.escape
    title = f"{t('report.title', lang)}: {client}"
    nb.metadata["title"] = title
    header = (
        f'<header class="sa-header"><h1>{e(t("report.title", lang))} — {e(client)}</h1>'
        f'<div class="sa-meta">{e(t("report.as_of", lang))}: {e(fmt_date(as_of, lang))} · '
        f"{e(t('report.currency', lang))}: {e(currency)}</div></header>"
    )
    items = "".join(f'<li><a href="#{a}">{e(name)}</a></li>' for a, name in toc)
    contents = e(t("report.contents", lang))
    toc_html = (
        f'<nav class="sa-toc"><button type="button" class="sa-toc-toggle" aria-expanded="false">'
        f"☰ {contents}</button><h2>{contents}</h2><ol>{items}</ol></nav>"
    )
    footer = (
        f"salesaudit {e(version)} · {e(t('report.generated', lang))} "
        f"{e(fmt_date(dt.date.today(), lang))}"
    )
    exporter = report_exporter()
    res = {
        "language_code": lang,
        "sa": {
            "css": (TEMPLATES / "salesaudit" / "report.css").read_text("utf-8"),
            "header": header,
            "toc": toc_html,
            "footer": footer,
            "plotly_js": plotly_js().replace("</script", "<\\/script"),
            "render_js": render_js(),
            "csp": CSP,
        },
    }
    body, _ = exporter.from_notebook_node(nb, resources=res)
    return body
