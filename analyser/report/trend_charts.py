"""Each outlet's measures over time (corpus mode, when the dates span two periods or more)."""

from __future__ import annotations

import math

import plotly.graph_objects as go

from ..catalog import SCORE
from ..trends import article_dates, choose_period, trend_frame
from .frames import NotApplicable
from .sources import is_grouped, resolve_sources, source_colors, source_keys, source_order
from .style import esc, layout, rgba

#: The measure the chart opens on.
FIRST_MEASURE = "readability_grade"
#: Pixels added above the plot area for the measure menu.
MENU_PX = 34


def _rounded(values, digits: int) -> list[float | None]:
    return [round(v, digits + 1) if isinstance(v, float) and math.isfinite(v) else None
            for v in values]


def measure_trends(corpus, sources=None) -> go.Figure:
    """Per outlet, the mean of a measure by week, month or year (chosen from the span of
    the dates) with a 95% band; a menu chooses the measure (the scorecard's)."""
    src = resolve_sources(corpus, sources)
    if not is_grouped(src):
        raise NotApplicable("each source is one article")
    arts = corpus.articles
    arts = arts[arts["id"].astype(str).isin(src.index)].copy()
    arts["outlet"] = arts["id"].astype(str).map(src)  # compared as the report compares
    period = choose_period(article_dates(arts))
    trends = trend_frame(arts, period=period) if period else None
    if trends is None or trends.empty:
        raise NotApplicable("the articles' dates do not span two periods")
    measures = list(dict.fromkeys(trends["measure"]))
    first = FIRST_MEASURE if FIRST_MEASURE in measures else measures[0]
    colors, keys = source_colors(src), source_keys(src)
    fig = go.Figure()
    owner: list[str] = []  # the measure of each trace, in order
    for m in measures:
        score = SCORE.get(m)
        label, digits = (score.label, score.digits) if score else (m, 2)
        for outlet in source_order(src):
            rows = trends[(trends["measure"] == m) & (trends["outlet"] == outlet)]
            if rows.empty:
                continue
            color = colors[outlet]
            band_x = list(rows["period"]) + list(rows["period"])[::-1]
            band_y = _rounded(list(rows["ci_high"]) + list(rows["ci_low"])[::-1], digits)
            fig.add_scatter(x=band_x, y=band_y, fill="toself", fillcolor=rgba(color, 0.14),
                            line=dict(width=0), hoverinfo="skip", showlegend=False,
                            connectgaps=False, visible=m == first)
            fig.add_scatter(
                name=esc(outlet), x=list(rows["period"]), y=_rounded(list(rows["mean"]), digits),
                mode="lines+markers", line=dict(color=color, width=2), marker=dict(size=6),
                customdata=[keys[outlet]] * len(rows), meta=esc(label),
                text=[f"{n} article{'s' if n != 1 else ''}" for n in rows["articles"]],
                hovertemplate="%{x|%Y-%m-%d}: %{meta} %{y}<br>mean of %{text}"
                "<extra>%{fullData.name}</extra>",
                visible=m == first, legendgroup=esc(outlet),
            )
            owner += [m, m]
    buttons = [dict(label=esc(SCORE[m].label if m in SCORE else m), method="update",
                    args=[{"visible": [o == m for o in owner]},
                          {"yaxis.title.text": esc(SCORE[m].label if m in SCORE else m)}])
               for m in measures]
    fig = layout(fig, f"Measures by {period}", yaxis_title=esc(
        SCORE[first].label if first in SCORE else first), xaxis_title=period)
    # The menu sits on the plot area's top edge, in room added above it.
    fig.update_layout(
        margin={**fig.layout.margin.to_plotly_json(), "t": fig.layout.margin.t + MENU_PX},
        height=fig.layout.height + MENU_PX,
        updatemenus=[dict(buttons=buttons, active=measures.index(first), direction="down",
                          x=1, xanchor="right", y=1, yanchor="bottom", pad=dict(b=4),
                          showactive=True)])
    return fig

