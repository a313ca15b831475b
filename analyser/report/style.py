"""How the report looks: source and category colours, the house chart layout, and labels
made safe and short for plotly.

Category colours, underlines and labels are the catalogue's (:mod:`analyser.catalog`);
this module derives what the page needs from them (a highlight background, a CSS class).
"""

from __future__ import annotations

import re

import plotly.graph_objects as go

from ..catalog import CATEGORY, Category

#: Okabe–Ito colour-blind-safe palette (sources are coloured in this order).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000",
           "#F0E442"]
#: Colour of a category the catalogue does not declare (a house style's own, say).
OTHER_CATEGORY_COLOR = "#666666"
HOVER_CHARS = 160
#: Narrowest width, in pixels, of a chart in the page (a card is at least 560 px wide).
CHART_WIDTH = 540.0
#: Pixels from the top of the figure to the legend (below the title) and per legend row.
TITLE_PX, LEGEND_ROW_PX = 40, 20


def category_style(category: str) -> dict[str, str]:
    """A category's colour, underline style, label, highlight fill (when the catalogue sets
    one), underline ink, highlight background and CSS class."""
    c = CATEGORY.get(category) or Category(category, category, OTHER_CATEGORY_COLOR, "solid", "")
    style = {"color": c.color, "line": c.line, "label": c.label}
    if c.fill:
        style["fill"] = c.fill
    style["ink"] = c.ink or c.color
    style["bg"] = "transparent" if c.fill == "none" else c.color + "38"
    # The CSS class of the category; the page script derives the same from the name.
    style["slug"] = re.sub(r"[^A-Za-z0-9_-]", "-", category)
    return style


def rgba(hex_color: str, alpha: float) -> str:
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i: i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


# -- labels -------------------------------------------------------------------------------


def short_title(title, limit: int = 34) -> str:
    """A title cut at a word boundary to about ``limit`` characters."""
    text = " ".join(str(title or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return (cut if len(cut) >= limit // 2 else text[:limit]) + "…"


def whole_grade(grade: float) -> int:
    """A sentence grade as a whole number, rounded exactly as the HRD001/HRD002 messages
    of :mod:`analyser.metrics.grade` write it (``f"{round(grade, 2):.0f}"``), so that a
    chart's hover, the article view's tooltip and the finding say the same grade."""
    return max(int(f"{round(grade, 2):.0f}"), 0)


def hover_text(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= HOVER_CHARS else text[: HOVER_CHARS - 1] + "…"


def wrap(text: str, width: int = 60) -> str:
    """Break a hover text into lines (plotly hover labels do not wrap)."""
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    lines.append(line)
    return "<br>".join(lines)


def esc(text: str) -> str:
    """Hover, legend and tick text is pseudo-HTML to plotly.js (it knows <br>, <b>, <a>,
    and the entities &amp; &lt; &gt;): escape so that no tag can be formed. Legends and
    hover labels are templates too, where "%{y}" or "%{meta}" is filled in: the "%" of
    "%{" becomes an entity that plotly shows as "%" after filling in the template."""
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("%{", "&#37;{"))


def tick(label: str, width: int = 13) -> str:
    """A source label as an axis category: escaped, wrapped so it needs no rotation (a
    word longer than a line, a URL say, is cut across lines). Nothing is left out, so
    that different labels stay different categories."""
    return "<br>".join(esc(line) for line in tick_lines(label, width, max_lines=len(label) + 1))


def tick_lines(label: str, width: int = 18, max_lines: int = 3) -> list[str]:
    """A label broken into at most ``max_lines`` lines of at most ``width`` characters
    (long words are cut too; the last line ends in "…" when text is left over), unescaped."""
    lines: list[str] = []
    for word in " ".join(str(label).split()).split(" "):
        while len(word) > width:
            if lines and len(lines[-1]) + 1 < width:  # fill the current line first
                room = width - len(lines[-1]) - 1
                lines[-1], word = f"{lines[-1]} {word[:room]}", word[room:]
                continue
            lines.append(word[:width])
            word = word[width:]
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        elif word:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1] + "…"
    return lines or [""]


# -- layout -------------------------------------------------------------------------------


def legend_rows(fig: go.Figure, width: float = CHART_WIDTH - 80) -> int:
    """Rows a horizontal legend will need (plotly does not reserve room for it): plotly
    wraps a horizontal legend at the width of the plot area, ``width``."""
    names = list(dict.fromkeys(t.name for t in fig.data if t.name and t.showlegend is not False))
    rows, used = (1 if names else 0), 0.0
    for name in names:
        w = 44 + 6.4 * len(re.sub(r"&\w+;", "x", name))
        if used and used + w > width:
            rows, used = rows + 1, 0.0
        used += w
    return rows


def layout(fig: go.Figure, title: str, legend: str = "top", **kw) -> go.Figure:
    """House layout. ``legend``: "top" (under the title), "right", or "none".

    A top legend hangs from just under the title (``yref`` "container"), and the top
    margin reserves the rows it wraps into (plotly wraps it at the plot area's width, so
    a chart with a wide left margin must say so in ``margin``): it never runs into the
    title, whatever the length of the axis labels.
    """
    margin = kw.get("margin", {})
    plot_width = CHART_WIDTH - margin.get("l", 60) - margin.get("r", 20)
    rows = legend_rows(fig, plot_width) if legend == "top" else 0
    settings = dict(
        title=dict(text=title, x=0.01, xanchor="left", yref="container", y=1, yanchor="top",
                   pad=dict(t=12), font=dict(size=16)),
        template="plotly_white",
        margin=dict(l=60, r=20, t=TITLE_PX + 12 + LEGEND_ROW_PX * rows, b=60),
        showlegend=legend != "none",
        height=420 + LEGEND_ROW_PX * rows,
        font=dict(family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif", size=12),
        hoverlabel=dict(align="left"),
    )
    if "height" in kw:
        kw["height"] += LEGEND_ROW_PX * rows
    settings.update(kw)
    if legend == "top":
        margin = dict(settings["margin"])
        margin["t"] = max(margin.get("t", 0), TITLE_PX + 12 + LEGEND_ROW_PX * rows)
        settings["margin"] = {"l": 60, "r": 20, "b": 60, **margin}
        settings["legend"] = dict(orientation="h", xref="container", x=0.01, xanchor="left",
                                  yref="container", y=1 - TITLE_PX / settings["height"],
                                  yanchor="top", font=dict(size=11.5))
    elif legend == "right":
        settings["legend"] = dict(orientation="v", x=1.02, xanchor="left", y=1, yanchor="top")
    fig.update_layout(**settings)
    return fig
