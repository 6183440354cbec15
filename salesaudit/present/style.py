"""The house plotly template and small figure builders shared by every step."""

from __future__ import annotations

import html

import plotly.graph_objects as go
import plotly.io as pio

from salesaudit.i18n import plotly_separators

PALETTE = ["#1f4e79", "#e07b39", "#5b9b5b", "#b5443f", "#7a5c99", "#3d8fa8", "#c9a227", "#8a8a8a"]
GOOD, BAD, NEUTRAL, BAND = "#5b9b5b", "#b5443f", "#8a8a8a", "rgba(91,155,91,0.15)"

# plotly.js config of every chart in the report: a private, minimal toolbar (download PNG, zoom,
# reset). plotly.js defaults `showSendToCloud` to true ("Share chart…" uploads the data), so the
# cloud, edit and link switches are all set off explicitly.
CHART_CONFIG: dict[str, object] = {
    "displaylogo": False,
    "showLink": False,
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "showTips": False,
    "responsive": True,
    "modeBarButtonsToRemove": [
        "sendDataToCloud",
        "editInChartStudio",
        "select2d",
        "lasso2d",
        "pan2d",
        "zoomIn2d",
        "zoomOut2d",
        "autoScale2d",
        "toggleSpikelines",
        "hoverClosestCartesian",
        "hoverCompareCartesian",
    ],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}

pio.templates["salesaudit"] = go.layout.Template(
    layout=go.Layout(
        font={"family": "Segoe UI, Helvetica, Arial, sans-serif", "size": 13, "color": "#222"},
        colorway=PALETTE,
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin={"l": 60, "r": 30, "t": 60, "b": 50},
        title={"x": 0.0, "xanchor": "left", "font": {"size": 16}},
        xaxis={"gridcolor": "#eee", "zerolinecolor": "#ccc", "automargin": True},
        yaxis={"gridcolor": "#eee", "zerolinecolor": "#ccc", "automargin": True},
        legend={"orientation": "h", "y": -0.18, "x": 0},
        hoverlabel={"font": {"size": 12}},
    )
)


def label(text: object) -> str:
    """Escape a client-supplied string for plotly text (plotly reads a subset of HTML)."""
    return html.escape(str(text), quote=False)


def styled(fig: go.Figure, title: str, lang: str, height: int = 420) -> go.Figure:
    """Apply the house template, the title and the language's number format to a figure."""
    fig.update_layout(
        template="salesaudit",
        title_text=title,
        separators=plotly_separators(lang),
        height=height,
    )
    return fig
