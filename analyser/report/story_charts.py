"""The chart of outlets compared on the same stories: a forest plot of each outlet's effect
(its mean difference from the story's average of outlets, over the stories it told) with
its bootstrap 95% interval, one scorecard measure at a time (a dropdown chooses it).

The effects are :attr:`analyser.Corpus.paired` (:func:`analyser.stories.outlet_effects`).
A supported effect (its interval excludes zero, it rests on enough stories and it is at
least the measure's negligible difference) is drawn solid in the outlet's colour; any
other is drawn hollow and grey.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from ..catalog import SCORECARD, Score
from ..outlets import named_outlet
from ..stories.paired import MIN_STORIES
from .frames import NoData, NotApplicable
from .sources import is_grouped, resolve_sources, source_colors, source_keys
from .style import esc, layout, tick_lines

#: The measure the chart opens on.
DEFAULT_MEASURE = "readability_grade"
#: Ink of an effect that is not supported, and of every outlet when outlets are not the
#: report's sources (each article is its own source, with a colour of its own).
GREY, INK = "#9aa3ae", "#1d2330"
#: Pixels: a row per outlet, the dropdown's band above the plot, the margin below it.
ROW_PX, MENU_PX, BOTTOM_PX = 56, 44, 100
#: Pixels per item of the open dropdown: the figure is at least tall enough to show them
#: all (plotly clips an open dropdown at the figure's edge, leaving the rest to scroll to).
MENU_ITEM_PX = 36


def effect_rows(corpus) -> pd.DataFrame:
    """The paired effects the chart draws: rows of ``corpus.paired`` with an effect, on a
    scorecard measure (:class:`NotApplicable` when no story is shared)."""
    paired = getattr(corpus, "paired", None)
    if paired is None or paired.empty:
        raise NotApplicable("no story is told by two or more named outlets")
    if "basis" in paired:
        paired = paired[paired["basis"] == "stories"]
    rows = paired[paired["measure"].isin([s.name for s in SCORECARD])
                  & pd.to_numeric(paired["effect"], errors="coerce").notna()]
    if rows.empty:
        raise NoData("no outlet effect on a scorecard measure")
    return rows


def measures_of(rows: pd.DataFrame) -> list[Score]:
    """The scorecard measures with effects, in scorecard order."""
    present = set(rows["measure"])
    return [s for s in SCORECARD if s.name in present]


def outlet_order(corpus, outlets) -> list[str]:
    """``outlets`` in the order their first article comes in the corpus (the order the
    report lists its sources in), then any others alphabetically."""
    articles = getattr(corpus, "articles", None)
    seen = ([named_outlet(o) for o in articles["outlet"]]
            if articles is not None and "outlet" in articles else [])
    wanted = set(outlets)
    known = [o for o in dict.fromkeys(seen) if o in wanted]
    return known + sorted(wanted - set(known))


def better_way(score: Score) -> str:
    """Which way is better for ``score``, in words."""
    if not score.judged or not score.sign:
        return "neither way is better"
    return "lower is better" if score.sign > 0 else "higher is better"


def _signed(value: float, digits: int) -> str:
    return f"{value:+,.{digits}f}".replace("-", "−")


def why_not_supported(row, score: Score) -> str:
    """Why an effect is not called a difference (the first reason that applies)."""
    if int(row["stories"]) < MIN_STORIES:
        return f"it rests on fewer than {MIN_STORIES} stories"
    if not (math.isfinite(row["ci_low"]) and math.isfinite(row["ci_high"])):
        return "it has no interval"
    if row["ci_low"] <= 0 <= row["ci_high"]:
        return "its interval includes zero"
    if abs(float(row["effect"])) < score.negligible:
        return f"it is smaller than {score.negligible:g}, too small to matter"
    return "it does not pass the tests of a difference"


def effect_hover(row, score: Score) -> str:
    """Hover text of one outlet's effect: the effect, its interval, what it rests on, which
    way is better and whether it is a supported difference (escaped for plotly)."""
    digits = score.digits + 1
    effect = float(row["effect"])
    lines = [f"<b>{esc(row['outlet'])}</b> · {esc(score.label)}",
             f"{_signed(effect, digits)} against the story average"]
    low, high = float(row["ci_low"]), float(row["ci_high"])
    if math.isfinite(low) and math.isfinite(high):
        lines[-1] += f" (95% interval {_signed(low, digits)} to {_signed(high, digits)})"
    stories, articles = int(row["stories"]), int(row["articles"])
    lines.append(f"on {stories} shared stor{'y' if stories == 1 else 'ies'} "
                 f"({articles} article{'' if articles == 1 else 's'}); outlet mean "
                 f"{float(row['outlet_mean']):,.{score.digits}f}")
    way = better_way(score)
    if not bool(row["supported"]):
        verdict = f"Not a supported difference: {why_not_supported(row, score)}"
    elif way == "neither way is better":
        verdict = ("Supported difference: " + ("higher" if effect > 0 else "lower")
                   + " than the other outlets on the same stories")
    else:
        verdict = ("Supported difference: " + ("worse" if effect * score.sign > 0 else "better")
                   + " than the other outlets on the same stories")
    lines += [way.capitalize(), verdict]
    return "<br>".join(lines)


def _axis_range(rows: pd.DataFrame) -> list[float]:
    """An x range holding zero, every effect and every interval, with a margin."""
    values = pd.concat([rows["effect"], rows["ci_low"], rows["ci_high"]])
    values = pd.to_numeric(values, errors="coerce").dropna()
    lo, hi = min(0.0, float(values.min())), max(0.0, float(values.max()))
    pad = (hi - lo) * 0.12 or 1.0
    return [round(lo - pad, 4), round(hi + pad, 4)]


def _annotations(score: Score, menu_y: float) -> list[dict]:
    """The dropdown's label and, for a judged measure, which side of zero is better."""
    notes = [dict(text="Measure", xref="paper", yref="paper", x=0, y=menu_y, xanchor="right",
                  yanchor="middle", xshift=-8, showarrow=False, font=dict(size=12.5))]
    if score.judged and score.sign:
        left, right = ("better", "worse") if score.sign > 0 else ("worse", "better")
        for x, anchor, text in ((0, "left", f"← {left}"), (1, "right", f"{right} →")):
            notes.append(dict(text=text, xref="paper", yref="paper", x=x, y=0, yshift=-26,
                              xanchor=anchor, yanchor="top", showarrow=False,
                              font=dict(size=12, color="#5b6473")))
    return notes


def _axis_title(score: Score) -> str:
    return f"{esc(score.label)}: outlet minus the story's average of outlets"


def _trace(fig: go.Figure, row, score: Score, y: str, color: str, key: str | None,
           visible: bool) -> None:
    """One outlet's effect on one measure: a marker with its interval."""
    supported = bool(row["supported"])
    low, high, effect = float(row["ci_low"]), float(row["ci_high"]), float(row["effect"])
    has_interval = math.isfinite(low) and math.isfinite(high)
    ink = color if supported else GREY
    fig.add_scatter(
        x=[round(effect, 4)], y=[y], mode="markers", visible=visible, showlegend=False,
        name=esc(row["outlet"]), legendgroup=score.name,
        marker=dict(symbol="circle", size=13 if supported else 11,
                    color=color if supported else "#ffffff",
                    line=dict(color="#ffffff" if supported else GREY, width=2 if not
                              supported else 1)),
        error_x=dict(type="data", symmetric=False, visible=has_interval,
                     array=[round(high - effect, 4) if has_interval else 0],
                     arrayminus=[round(effect - low, 4) if has_interval else 0],
                     color=ink, thickness=2.4 if supported else 1.6, width=7),
        text=[effect_hover(row, score)], hovertemplate="%{text}<extra></extra>",
        customdata=[key] if key else None, meta=key,
    )


def outlet_effects_chart(corpus, sources=None) -> go.Figure:
    """Each outlet's effect on the stories it shares with other outlets (the mean of its
    differences from each story's average of outlets) with its 95% interval, one row per
    outlet; a dropdown chooses the scorecard measure (default: the readability grade).

    ``corpus`` needs ``.paired`` (as :attr:`analyser.Corpus.paired`) and ``.articles``
    (for the source labels when ``sources`` is not given). Raises :class:`NotApplicable`
    when no story is shared, :class:`NoData` when no scorecard measure has an effect.
    """
    rows = effect_rows(corpus)
    src = resolve_sources(corpus, sources)
    grouped = is_grouped(src)
    outlets = outlet_order(corpus, rows["outlet"])
    # Outlets carry their source colour and click target only when outlets are the sources.
    colors = source_colors(src) if grouped else {}
    keys = source_keys(src) if grouped else {}
    scores = measures_of(rows)
    default = next((s for s in scores if s.name == DEFAULT_MEASURE), scores[0])
    lines = [tick_lines(o, 18) for o in outlets]
    ticks = {o: "<br>".join(esc(line) for line in t) for o, t in zip(outlets, lines,
                                                                     strict=True)}
    left = max(90, int(20 + 7.2 * max(len(line) for t in lines for line in t)))
    top = 40 + MENU_PX + 12
    height = max(top + ROW_PX * len(outlets) + 40 + BOTTOM_PX,
                 top + MENU_ITEM_PX * len(scores) + 16)
    plot_height = height - top - BOTTOM_PX
    menu_y = 1 + (12 + MENU_PX / 2) / plot_height

    fig = go.Figure()
    drawn: list[str] = []  # the measure of each trace, in trace order
    for score in scores:
        shown = rows[rows["measure"] == score.name].set_index("outlet")
        for outlet in outlets:
            if outlet not in shown.index:
                continue
            row = shown.loc[outlet].copy()
            row["outlet"] = outlet
            _trace(fig, row, score, ticks[outlet], colors.get(outlet, INK), keys.get(outlet),
                   score is default)
            drawn.append(score.name)

    def view(score: Score) -> dict:
        measure_rows = rows[rows["measure"] == score.name]
        return {"xaxis.title.text": _axis_title(score),
                "xaxis.range": _axis_range(measure_rows),
                "annotations": _annotations(score, menu_y)}

    fig.update_layout(
        updatemenus=[dict(
            type="dropdown", direction="down", active=scores.index(default),
            x=0, xanchor="left", y=menu_y, yanchor="middle", showactive=True,
            bgcolor="#ffffff", bordercolor="#c3cad4", font=dict(size=12.5),
            buttons=[dict(label=esc(s.label), method="update",
                          args=[{"visible": [m == s.name for m in drawn]}, view(s)])
                     for s in scores],
        )],
        shapes=[dict(type="line", xref="x", yref="paper", x0=0, x1=0, y0=0, y1=1,
                     line=dict(color="#5b6473", width=1.2, dash="dash"), layer="below")],
    )
    first = view(default)
    return layout(
        fig, "Outlets on the same stories", legend="none", height=height,
        margin=dict(l=left, r=24, t=top, b=BOTTOM_PX),
        xaxis=dict(title=dict(text=first["xaxis.title.text"], standoff=44),
                   range=first["xaxis.range"], zeroline=False, automargin=False),
        yaxis=dict(categoryorder="array", categoryarray=[ticks[o] for o in outlets],
                   autorange="reversed", automargin=False, showgrid=True),
        annotations=first["annotations"],
    )

