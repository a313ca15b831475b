"""Charts of what the analyser found: findings per 1,000 words by category, the most
frequent filler and hedge phrases, and readability against filler language."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..catalog import CATEGORY_NAMES
from .frames import NoData, finding_counts, first_present, need, own_words, with_source
from .sources import is_grouped, resolve_sources, source_colors, source_keys, source_order
from .style import category_style, esc, layout, short_title, tick


def category_rates(corpus, sources=None) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Findings per 1,000 words per source and category, with the scorecard's definitions.

    A category with a score of its own (``<category>_per_1k``: the language families count
    the writer's own words and leave quoted speech out; passives count prose sentences)
    is read from that score. A category without one (repetition, hard sentences) is
    computed as the language scores are: its findings outside quotations per 1,000 of the
    writer's own words (:func:`~analyser.report.frames.own_words`), per article. A source's
    rate is the mean of its articles' rates, as in the scorecard.
    Returns ``(rates, own counts, categories that had no score)``, indexed by source label.
    """
    src = resolve_sources(corpus, sources)
    arts = with_source(corpus.articles, src, "id")
    finds = finding_counts(corpus)
    if finds.empty:
        raise NoData("no findings")
    finds = finds[finds["article_id"].astype(str).isin(src.index)]
    found = set(finds["category"])
    cats = [c for c in CATEGORY_NAMES if c in found] + sorted(found - set(CATEGORY_NAMES))
    order = source_order(src)
    ids = arts["id"].astype(str)
    own = (finds.groupby([finds["article_id"].astype(str), "category"])["n"].sum()
           .unstack(fill_value=0).reindex(index=ids, columns=cats, fill_value=0))
    words = own_words(corpus, ids).fillna(0).to_numpy()
    per_article = pd.DataFrame(index=ids)
    computed = []
    for cat in cats:
        column = f"{cat}_per_1k"
        if column in arts and arts[column].notna().any():
            per_article[cat] = pd.to_numeric(arts[column], errors="coerce").to_numpy()
        else:
            computed.append(cat)
            with np.errstate(invalid="ignore", divide="ignore"):
                per_article[cat] = np.where(words > 0, 1000.0 * own[cat].to_numpy()
                                            / np.maximum(words, 1), 0.0)
    per_article["source"] = arts["source"].to_numpy()
    rates = per_article.groupby("source")[cats].mean().reindex(order)
    counts = own.groupby(arts["source"].to_numpy()).sum().reindex(order, fill_value=0)
    return rates, counts, computed


def findings_by_category(corpus, sources=None) -> go.Figure:
    """Findings per 1,000 words per source, stacked by category: the scorecard's rates
    (see :func:`category_rates`; quoted speech is not counted)."""
    src = resolve_sources(corpus, sources)
    rates, counts, computed = category_rates(corpus, src)
    order, keys, grouped = source_order(src), source_keys(src), is_grouped(src)
    fig = go.Figure()
    for cat in rates.columns:
        style = category_style(cat)
        values = [None if pd.isna(v) else round(float(v), 2) for v in rates[cat]]
        note = (" (computed: no score of its own)" if cat in computed else "")
        how = "mean of the articles' rates, " if grouped else ""
        fig.add_bar(
            name=esc(style["label"]), x=[tick(s) for s in order], y=values,
            customdata=[keys[s] for s in order], marker_color=style["color"],
            marker_line=dict(color="#333333", width=0.5),
            text=[int(counts.at[s, cat]) for s in order],
            # Hard sentences are one per sentence and dwarf the word-level categories.
            visible="legendonly" if cat == "hard-sentence" else True,
            hovertemplate="%{x}<br>" + esc(style["label"]) + ": %{y:.1f} per 1,000 words"
            + note + "<br>(" + how + "%{text} found outside quotations)<extra></extra>",
            textposition="none",
        )
    return layout(fig, "Findings per 1,000 words, by category", legend="right",
                  barmode="stack", yaxis_title="findings per 1,000 of the writer's words")


_PHRASE_STRIP = re.compile(r"^[\W_]+|[\W_]+$")


def _phrase(text: str) -> str:
    return _PHRASE_STRIP.sub("", " ".join(str(text).lower().replace("’", "'").split()))


def phrase_heatmap(corpus, sources=None, categories=("filler", "hedge"),
                   top: int = 20) -> go.Figure:
    """The most frequent filler and hedge phrases × source, coloured by rate per 1,000 words
    (the writer's own words: findings inside quotations are left out, as in the scores)."""
    src = resolve_sources(corpus, sources)
    arts = with_source(corpus.articles, src, "id")
    # A quoted speaker's tics are not the writer's: the counts are of own findings.
    finds = finding_counts(corpus)
    finds = with_source(finds[finds["category"].isin(categories) & (finds["n"] > 0)
                              & (finds["phrase"] != "")], src, "article_id")
    if finds.empty:
        raise NoData(f"no {' or '.join(categories)} findings outside quotations")
    finds["phrase"] = [_phrase(t) for t in finds["phrase"]]
    finds = finds[finds["phrase"] != ""]
    counts = finds.groupby(["phrase", "source"])["n"].sum().unstack(fill_value=0)
    counts = counts.loc[counts.sum(axis=1).sort_values(ascending=False).index[:top]]
    order = source_order(src)
    counts = counts.reindex(columns=order, fill_value=0)
    words = (own_words(corpus, arts["id"].astype(str)).groupby(arts["source"].to_numpy())
             .sum().reindex(order).fillna(0))
    rate = counts.div(words.where(words > 0), axis=1).fillna(0) * 1000
    # The category a phrase is found under most (the first in name order on a tie).
    by_cat = finds.groupby(["phrase", "category"])["n"].sum().reset_index()
    category = (by_cat.sort_values(["phrase", "n", "category"], ascending=[True, False, True])
                .drop_duplicates("phrase").set_index("phrase")["category"])
    phrases = list(counts.index)[::-1]  # most frequent at the top
    rate, counts = rate.loc[phrases], counts.loc[phrases]
    keys = source_keys(src)
    fig = go.Figure(go.Heatmap(
        z=rate.values.round(2), x=[tick(s, 11) for s in order],
        y=[f"{esc(p)} ({category[p][0]})" for p in phrases],
        text=counts.values, texttemplate="%{text}", textfont=dict(size=11),
        customdata=[[keys[s] for s in order] for _ in phrases],
        colorscale=[[0, "#ffffff"], [0.15, "#d6e9f5"], [1, "#0072B2"]],
        colorbar=dict(title="per 1,000<br>words", thickness=12),
        hovertemplate="‘%{y}’ in %{x}<br>%{text} times, %{z:.2f} per 1,000 words"
        "<extra></extra>", xgap=2, ygap=2,
    ))
    height = max(360, 110 + 22 * len(phrases))
    return layout(fig, "Most frequent fillers (f) and hedges (h)", legend="none",
                  height=height,
                  margin=dict(l=190, r=20, t=48, b=80), yaxis=dict(automargin=True),
                  xaxis=dict(side="bottom", tickfont=dict(size=10.5)))


#: Bubbles drawn at most: a larger corpus is shown by a random sample of its articles
#: (the chart's title says so), so that the page stays small and quick to draw.
MAX_BUBBLES = 2500


def bubble_note(articles: int, max_bubbles: int = MAX_BUBBLES) -> str:
    """The caption's statement of the bubble chart's sample ("" when every article is
    drawn)."""
    if articles <= max_bubbles:
        return ""
    return f"Drawn from a random sample of {max_bubbles:,} of the {articles:,} articles."


def readability_vs_filler(corpus, sources=None, max_bubbles: int = MAX_BUBBLES) -> go.Figure:
    """One bubble per article: grade against filler-language rate, bubble area = words
    (at most ``max_bubbles``: a random sample of the articles beyond that; see
    :func:`bubble_note`)."""
    src = resolve_sources(corpus, sources)
    arts = with_source(corpus.articles, src, "id")
    x = first_present(arts, "language_findings_per_1k", "filler_per_1k")
    y = first_present(arts, "readability_grade", "consensus_grade", "flesch_kincaid_grade")
    need(arts, "words")
    if len(arts) > max_bubbles:
        arts = arts.sample(n=max_bubbles, random_state=0).sort_index()
    keys, colors, grouped = source_keys(src), source_colors(src), is_grouped(src)
    words = pd.to_numeric(arts["words"], errors="coerce").fillna(0)
    sizeref = 2.0 * max(float(words.max()), 1.0) / (38.0 ** 2 if not grouped else 22.0 ** 2)
    fig = go.Figure()
    for label in source_order(src):
        rows = arts[arts["source"] == label]
        if rows.empty:
            continue
        titles = [esc(short_title(t, 70)) if isinstance(t, str) else esc(i)
                  for t, i in zip(rows.get("title", rows["id"]), rows["id"], strict=True)]
        fig.add_scatter(
            name=esc(label), x=rows[x].round(2), y=rows[y].round(2), mode="markers",
            text=titles, customdata=[f"a:{i}" for i in rows["id"]], meta=keys[label],
            marker=dict(size=words[rows.index].clip(lower=1), sizemode="area", sizeref=sizeref,
                        sizemin=3, color=colors[label], opacity=0.55 if grouped else 0.8,
                        line=dict(color="#333333", width=0.6)),
            hovertemplate="%{text}<br>grade %{y:.1f} · %{x:.1f} per 1,000 words"
            "<br>%{marker.size} words<extra>%{fullData.name}</extra>",
        )
    xtitle = ("filler language per 1,000 words (all six categories)"
              if x == "language_findings_per_1k" else "fillers per 1,000 words")
    return layout(fig, "Readability against filler language (bubble area = words)",
                  xaxis_title=xtitle, yaxis_title="grade (higher = harder)")
