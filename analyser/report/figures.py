"""plotly figures comparing sources. Each function takes the corpus frames and returns a
``plotly.graph_objects.Figure``, so a notebook can build its own view from them."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

GRADE_COLUMNS = {
    "flesch_kincaid_grade": "Flesch–Kincaid",
    "gunning_fog": "Gunning fog",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman–Liau",
    "automated_readability_index": "ARI",
    "dale_chall_grade": "Dale–Chall",
    "linsear_write": "Linsear Write",
    "consensus_grade": "Consensus",
}
#: Okabe–Ito colour-blind-safe palette.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


def _layout(fig: go.Figure, title: str, **kw) -> go.Figure:
    fig.update_layout(
        title=title, template="plotly_white", margin=dict(l=60, r=20, t=50, b=60),
        legend=dict(orientation="h", y=-0.2), **kw,
    )
    return fig


def grade_by_formula(articles: pd.DataFrame, label: str = "label") -> go.Figure:
    """Grouped bars: each readability formula's grade, per source."""
    fig = go.Figure()
    cols = [c for c in GRADE_COLUMNS if c in articles]
    for i, (_, row) in enumerate(articles.iterrows()):
        fig.add_bar(
            name=str(row[label]), x=[GRADE_COLUMNS[c] for c in cols],
            y=[round(float(row[c]), 1) for c in cols],
            marker_color=PALETTE[i % len(PALETTE)],
            hovertemplate="%{x}: grade %{y}<extra>%{fullData.name}</extra>",
        )
    return _layout(fig, "Grade by formula", barmode="group", yaxis_title="US school grade")


def sentence_grades(sentences: pd.DataFrame, labels: dict[str, str],
                    column: str = "flesch_kincaid_grade") -> go.Figure:
    """Distribution of sentence grades per source; hover shows the sentence."""
    fig = go.Figure()
    prose = sentences[sentences["kind"] == "prose"] if "kind" in sentences else sentences
    for i, (article_id, group) in enumerate(prose.groupby("article_id", sort=False)):
        text = [t if len(t) <= 160 else t[:157] + "…" for t in group["text"]]
        fig.add_box(
            name=labels.get(article_id, article_id), y=group[column].round(1), text=text,
            boxpoints="all", jitter=0.4, pointpos=0, marker_color=PALETTE[i % len(PALETTE)],
            hovertemplate="grade %{y}<br>%{text}<extra></extra>",
        )
    return _layout(fig, "Sentence grades", yaxis_title="sentence grade", showlegend=False)
