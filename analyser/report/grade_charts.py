"""Charts of how hard the sources are to read: grades by formula, sentence grades, and
(corpus mode) a measure's spread over an outlet's articles."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .frames import NoData, NotApplicable, first_present, mean_ci, need, with_source
from .sources import is_grouped, resolve_sources, source_colors, source_keys, source_order
from .style import esc, hover_text, layout, rgba, short_title, tick, whole_grade, wrap

#: The grade columns the formula chart shows, with their short tick labels.
GRADE_COLUMNS = {
    "readability_grade": "Calibrated grade",
    "flesch_kincaid_grade": "Flesch–Kincaid",
    "gunning_fog": "Gunning fog",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman–Liau",
    "automated_readability_index": "ARI",
    "dale_chall_grade": "Dale–Chall",
    "linsear_write": "Linsear Write",
    "consensus_grade": "Consensus",
}
#: Sentences shown as dots per source in corpus mode (the hardest ones).
EXTREME_SENTENCES = 12
#: Articles a violin's shape is drawn from, per outlet, at most (a random sample beyond:
#: the browser estimates the density from every point it is given). The mean, its
#: interval and the outlying articles always use every article.
MAX_VIOLIN_POINTS = 1000


def violin_note(sources: pd.Series, cap: int = MAX_VIOLIN_POINTS) -> str:
    """The caption's statement of the violins' sample ("" when no outlet has more than
    ``cap`` articles)."""
    if not len(sources) or int(sources.value_counts().max()) <= cap:
        return ""
    return (f"Each violin is drawn from a random sample of {cap:,} of the outlet's "
            f"articles where it has more; the mean, its interval and the dots use them all.")


def grade_by_formula(corpus, sources=None) -> go.Figure:
    """Grouped bars: each readability formula's grade per source (mean ± 95% interval)."""
    src = resolve_sources(corpus, sources)
    arts = with_source(corpus.articles, src, "id")
    cols = [c for c in GRADE_COLUMNS if c in arts and not arts[c].dropna().empty]
    if not cols or arts.empty:
        raise NoData("no readability grades in the data")
    grouped, keys, colors = is_grouped(src), source_keys(src), source_colors(src)
    fig = go.Figure()
    for label in source_order(src):
        rows = arts[arts["source"] == label]
        stats = [mean_ci(rows[c]) for c in cols]
        fig.add_bar(
            name=esc(label), x=[GRADE_COLUMNS[c] for c in cols],
            y=[round(m, 2) if math.isfinite(m) else None for m, _ in stats],
            error_y=dict(type="data", array=[round(h, 2) for _, h in stats], visible=grouped,
                         thickness=1.2, width=3),
            marker_color=colors[label], customdata=[keys[label]] * len(cols),
            meta=keys[label],
            hovertemplate="%{x}: grade %{y:.1f}" + (" (mean ± %{error_y.array:.1f})"
                                                     if grouped else "")
            + "<extra>%{fullData.name}</extra>",
        )
    return layout(fig, "Grade by formula", barmode="group", yaxis_title="US school grade")


def _sentence_column(sentences: pd.DataFrame) -> str:
    return first_present(sentences, "sentence_grade", "flesch_kincaid_grade")


def _prose(sentences: pd.DataFrame) -> pd.DataFrame:
    if "kind" not in sentences:
        return sentences
    prose = sentences[sentences["kind"] == "prose"]
    return prose if not prose.empty else sentences


def _grade_hover(sentences: pd.DataFrame, column: str) -> list[str]:
    """Hover text of sentence dots: the whole grade, then the sentence."""
    return [f"grade {whole_grade(float(g))}<br>{wrap(esc(hover_text(t)))}"
            for g, t in zip(sentences[column], sentences["text"], strict=True)]


def sentence_grades(corpus, sources=None) -> go.Figure:
    """Distribution of prose-sentence grades per source; hover shows the sentence.

    One dot per sentence when every source is one article; in corpus mode a box per source
    (quartiles, mean ± sd) with only the hardest sentences as dots.
    """
    src = resolve_sources(corpus, sources)
    sents = corpus.sentences
    if sents is None or sents.empty:
        raise NoData("no sentences")
    column = _sentence_column(sents)
    sents = with_source(_prose(sents), src, "article_id")
    sents = sents[pd.to_numeric(sents[column], errors="coerce").notna()]
    if sents.empty:
        raise NoData("no sentence grades")
    grouped, keys, colors = is_grouped(src), source_keys(src), source_colors(src)
    fig = go.Figure()
    for label in source_order(src):
        group = sents[sents["source"] == label]
        if group.empty:
            continue
        y = group[column].astype(float).round(1)
        if not grouped:
            custom = [f"a:{a}:{int(i)}"
                      for a, i in zip(group["article_id"], group["index"], strict=True)]
            fig.add_box(
                name=tick(label), y=y, text=_grade_hover(group, column), customdata=custom,
                meta=keys[label], boxpoints="all", jitter=0.45, pointpos=0, boxmean=True,
                marker=dict(color=colors[label], size=6, opacity=0.75),
                line=dict(color=colors[label]), fillcolor="rgba(0,0,0,0)",
                hoveron="points", hovertemplate="%{text}<extra></extra>",
            )
            continue
        q1, med, q3 = np.percentile(y, [25, 50, 75])
        iqr = q3 - q1
        low = float(y[y >= q1 - 1.5 * iqr].min())
        high = float(y[y <= q3 + 1.5 * iqr].max())
        fig.add_box(
            name=tick(label), x=[tick(label)], q1=[q1], median=[med], q3=[q3],
            lowerfence=[low], upperfence=[high], mean=[float(y.mean())], sd=[float(y.std())],
            boxpoints=False, marker_color=colors[label], meta=keys[label],
            hoverinfo="y", showlegend=False,
        )
        hardest = group.loc[y.sort_values(ascending=False).index[:EXTREME_SENTENCES]]
        fig.add_scatter(
            x=[tick(label)] * len(hardest), y=hardest[column].astype(float).round(1),
            mode="markers", marker=dict(color=colors[label], size=6, opacity=0.8),
            text=_grade_hover(hardest, column),
            customdata=[f"a:{a}:{int(i)}" for a, i in
                        zip(hardest["article_id"], hardest["index"], strict=True)],
            hovertemplate="%{text}<extra></extra>", showlegend=False,
        )
    return layout(fig, "Sentence grades (prose)", legend="none", yaxis_title="sentence grade")


def measure_distribution(corpus, sources=None, column: str = "padding_index",
                         title: str | None = None, axis: str | None = None) -> go.Figure:
    """Corpus mode: one article-level measure per outlet as a violin with its box, mean and
    the outlying articles as dots (hover for the title, click to open)."""
    src = resolve_sources(corpus, sources)
    if not is_grouped(src):
        raise NotApplicable("every source is one article")
    arts = with_source(corpus.articles, src, "id")
    need(arts, column)
    keys, colors = source_keys(src), source_colors(src)
    fig = go.Figure()
    for label in source_order(src):
        rows = arts[pd.to_numeric(arts[column], errors="coerce").notna()
                    & (arts["source"] == label)]
        if rows.empty:
            continue
        values = rows[column].astype(float)
        mean, half = mean_ci(values)
        # The violin carries no per-article data: a click on its body (plotly reports the
        # trace's first point) lists the outlet's articles; the outlying articles are
        # their own trace, so that a click on one opens that article.
        shape = values.sample(n=MAX_VIOLIN_POINTS, random_state=0).sort_index() \
            if len(values) > MAX_VIOLIN_POINTS else values
        fig.add_violin(
            name=tick(label), x=[tick(label)] * len(shape), y=shape.round(3), meta=keys[label],
            box=dict(visible=True, width=0.25), meanline=dict(visible=True),
            points=False, line=dict(color=colors[label]),
            fillcolor=rgba(colors[label], 0.25),
            spanmode="hard", scalemode="width", width=0.8,
        )
        q1, q3 = np.percentile(values, [25, 75])
        out = rows[(values < q1 - 1.5 * (q3 - q1)) | (values > q3 + 1.5 * (q3 - q1))]
        if not out.empty:
            fig.add_scatter(
                x=[tick(label)] * len(out), y=out[column].astype(float).round(2),
                mode="markers", showlegend=False, meta=keys[label],
                marker=dict(size=5, color=colors[label], opacity=0.8),
                text=[esc(short_title(t, 70)) if isinstance(t, str) else esc(i)
                      for t, i in zip(out.get("title", out["id"]), out["id"], strict=True)],
                customdata=[f"a:{i}" for i in out["id"]],
                hovertemplate="%{y:.1f}: %{text}<extra>" + esc(label) + "</extra>",
            )
        fig.add_scatter(
            x=[tick(label)], y=[round(mean, 2)], mode="markers", showlegend=False,
            marker=dict(symbol="diamond", size=9, color="#ffffff",
                        line=dict(color="#1d2330", width=1.5)),
            error_y=dict(type="data", array=[round(half, 2)], color="#1d2330", thickness=1.5,
                         width=6),
            customdata=[keys[label]],
            hovertemplate=f"mean %{{y:.1f}} ± %{{error_y.array:.1f}} (95%), {len(rows)} "
            "articles<extra></extra>",
        )
    return layout(fig, title or f"{column} per article, by outlet", legend="none",
                  yaxis_title=axis or column, violingap=0.25)


def grade_distribution(corpus, sources=None) -> go.Figure:
    """Corpus mode: the readability grade of every article, per outlet."""
    articles = corpus.articles
    column = first_present(articles, "readability_grade", "consensus_grade",
                           "flesch_kincaid_grade")
    return measure_distribution(corpus, sources, column,
                                "Grade per article, by outlet (◇ mean, 95% interval)",
                                "grade (higher = harder)")

