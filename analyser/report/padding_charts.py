"""Charts of padding: where pieces stop saying new things (novelty), and what the padding
index is made of (corpus mode: its spread over an outlet's articles)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .frames import NoData, need, with_source
from .grade_charts import measure_distribution
from .sources import is_grouped, resolve_sources, source_colors, source_keys, source_order
from .style import esc, hover_text, layout, rgba, tick_lines, wrap


def novelty_curves(corpus, sources=None, bins: int = 10) -> go.Figure:
    """Where does a piece stop saying new things? Per article: distinct content words said
    so far, sentence by sentence (restatements marked). In corpus mode: the mean number of
    new content words a sentence brings at each tenth of the article, per source, with a
    95% band."""
    src = resolve_sources(corpus, sources)
    sents = corpus.sentences
    if sents is None or sents.empty:
        raise NoData("no sentences")
    need(sents, "novelty_curve")
    sents = with_source(sents, src, "article_id")
    sents = sents[pd.to_numeric(sents["novelty_curve"], errors="coerce").notna()]
    if sents.empty:
        raise NoData("no novelty curve")
    if is_grouped(src):
        return _novelty_by_position(sents, src, bins)
    return _novelty_per_article(sents, src)


def _novelty_per_article(sents: pd.DataFrame, src: pd.Series) -> go.Figure:
    """One step line per article: distinct content words so far, sentence by sentence."""
    keys, colors = source_keys(src), source_colors(src)
    fig = go.Figure()
    for label in source_order(src):
        group = sents[sents["source"] == label].sort_values("index")
        if group.empty:
            continue
        restates = (group["restates"].notna() & (group["restates"].astype(float) >= 0)
                    if "restates" in group else pd.Series(False, index=group.index))
        symbols = ["x" if r else "circle" for r in restates]
        fig.add_scatter(
            name=esc(label), x=group["index"] + 1, y=group["novelty_curve"],
            mode="lines+markers", line=dict(color=colors[label], width=2, shape="hv"),
            marker=dict(size=[8 if r else 4 for r in restates], symbol=symbols),
            text=[wrap(esc(hover_text(t))) for t in group["text"]],
            customdata=[f"a:{a}:{int(i)}" for a, i in
                        zip(group["article_id"], group["index"], strict=True)],
            meta=keys[label],
            hovertemplate="sentence %{x}: %{y} content words so far<br>%{text}"
            "<extra>%{fullData.name}</extra>",
        )
    return layout(fig, "Novelty: new content words through each article",
                  xaxis_title="sentence (× marks a restatement)",
                  yaxis_title="distinct content words so far")


def _new_words_per_part(group: pd.DataFrame, bins: int) -> list[np.ndarray]:
    """Per article of ``group``: the mean new content words per sentence in each of
    ``bins`` equal parts of the article (NaN where a short article has no sentence)."""
    rows = []
    for _, art in group.groupby("article_id", sort=False):
        y = art.sort_values("index")["novelty_curve"].astype(float).to_numpy()
        if len(y) < 2:
            continue
        new = np.diff(np.concatenate([[0.0], y]))
        where = np.minimum((np.arange(len(y)) / len(y) * bins).astype(int), bins - 1)
        sums = np.bincount(where, weights=new, minlength=bins)
        counts = np.bincount(where, minlength=bins)
        with np.errstate(invalid="ignore", divide="ignore"):
            rows.append(np.where(counts > 0, sums / np.maximum(counts, 1), np.nan))
    return rows


def _novelty_by_position(sents: pd.DataFrame, src: pd.Series, bins: int) -> go.Figure:
    """Corpus mode: new content words per sentence, by position in the article, per
    source: the mean over its articles with a 95% band."""
    keys, colors = source_keys(src), source_colors(src)
    fig = go.Figure()
    centres = (np.arange(bins) + 0.5) / bins * 100
    for label in source_order(src):
        rows = _new_words_per_part(sents[sents["source"] == label], bins)
        if not rows:
            continue
        m = np.vstack(rows)
        n = np.sum(~np.isnan(m), axis=0)
        with warnings.catch_warnings():  # short articles leave some tenths empty
            warnings.simplefilter("ignore", RuntimeWarning)
            mean = np.nanmean(m, axis=0)
            sd = np.nanstd(m, axis=0, ddof=1) if len(m) > 1 else np.zeros(bins)
        half = np.where(n > 1, 1.96 * sd / np.sqrt(np.maximum(n, 1)), 0.0)
        color = colors[label]
        fig.add_scatter(x=np.concatenate([centres, centres[::-1]]),
                        y=np.concatenate([mean + half, (mean - half)[::-1]]).round(3),
                        fill="toself", fillcolor=rgba(color, 0.18), line=dict(width=0),
                        hoverinfo="skip", showlegend=False, meta=keys[label])
        fig.add_scatter(name=esc(label), x=centres, y=mean.round(2), mode="lines+markers",
                        line=dict(color=color, width=2), marker=dict(size=5),
                        meta=keys[label], customdata=[keys[label]] * bins,
                        hovertemplate="%{x:.0f}% through: %{y:.1f} new content words per "
                        "sentence<extra>%{fullData.name}</extra>")
    return layout(fig, "Novelty: new content words per sentence, through the articles",
                  xaxis=dict(title="position in the article (% of sentences)",
                             range=[0, 100]),
                  yaxis=dict(title="new words per sentence (mean)",
                             rangemode="tozero"))


def padding_distribution(corpus, sources=None) -> go.Figure:
    """Corpus mode: the padding index of every article, per outlet."""
    return measure_distribution(corpus, sources, "padding_index",
                                "Padding index per article, by outlet (◇ mean, 95% interval)",
                                "padding index (0–100, higher = more padded)")


#: The padding index's parts (its ``padding_part_*`` scores) and their legend labels.
PADDING_PARTS = {
    "padding_part_language": "filler language",
    "padding_part_restatement": "restatements",
    "padding_part_empty": "empty sentences",
    "padding_part_repetition": "repeated phrases",
    "padding_part_diversity": "low vocabulary diversity",
}


def padding_breakdown(corpus, sources=None) -> go.Figure:
    """What the padding index is made of: each part's mean (0–1) per source."""
    src = resolve_sources(corpus, sources)
    arts = with_source(corpus.articles, src, "id")
    parts = [c for c in PADDING_PARTS if c in arts and not arts[c].dropna().empty]
    if not parts:
        raise NoData("no padding index parts")
    order, keys = source_order(src), source_keys(src)
    means = arts.groupby("source")[parts].mean().reindex(order)
    # Labels are cut to fit a fixed left margin: plotly wraps the top legend at the plot
    # area's width, which a margin grown to fit long labels (automargin) would shrink.
    lines = [tick_lines(s, 18) for s in order]
    ticks = ["<br>".join(esc(line) for line in t) for t in lines]
    left = int(16 + 7.5 * max(len(line) for t in lines for line in t))
    palette = ["#E69F00", "#CC79A7", "#56B4E9", "#F0E442", "#009E73"]
    fig = go.Figure()
    for i, part in enumerate(parts):
        fig.add_bar(
            name=PADDING_PARTS[part], y=ticks, x=means[part].round(3),
            orientation="h", marker_color=palette[i % len(palette)],
            marker_line=dict(color="#333333", width=0.5),
            customdata=[keys[s] for s in order],
            hovertemplate="%{y}<br>" + PADDING_PARTS[part] + ": %{x:.2f} of 1"
            "<extra></extra>",
        )
    return layout(fig, "What drives the padding index (each part 0–1)", barmode="group",
                  xaxis=dict(title="part of the padding index (1 = saturated)",
                             range=[0, 1.05]),
                  yaxis=dict(autorange="reversed", automargin=False),
                  margin=dict(l=max(left, 60), r=20, b=60),
                  height=max(360, 130 + 70 * len(order)))
