"""plotly figures comparing sources.

Every chart is a function ``chart(corpus, sources=None) -> plotly.graph_objects.Figure``
where ``corpus`` is anything with the frames ``.articles``, ``.sentences`` and
``.findings`` (an :class:`analyser.Corpus`, or a ``types.SimpleNamespace`` of filtered
frames), and ``sources`` maps article id -> the source label it is compared under
(default: :func:`source_labels`). A chart whose data is missing (its metric family is not
installed, or nothing was found) raises :class:`NoData`; the report then leaves it out.

With one article per source the charts show each article; with many articles per source
(corpus mode) they show distributions per source: means with 95% intervals, boxes, and
pooled rates.

Every mark carries ``customdata`` ``"a:<article id>"`` (or ``"a:<id>:<sentence>"``) or
``"o:<source label>"``, so the report can open the article (or the source's article list)
that a click lands on.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

#: Okabe–Ito colour-blind-safe palette (sources are coloured in this order).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000",
           "#F0E442"]

#: Finding categories in display order: colour (Okabe–Ito), underline style, label.
CATEGORIES: dict[str, dict[str, str]] = {  # "ink": underline colour when the fill is too pale
    "filler": {"color": "#E69F00", "line": "wavy", "label": "Filler"},
    "hedge": {"color": "#56B4E9", "line": "dashed", "label": "Hedge"},
    "intensifier": {"color": "#D55E00", "line": "double", "label": "Intensifier"},
    "weasel": {"color": "#CC79A7", "line": "dotted", "label": "Weasel"},
    "padding": {"color": "#009E73", "line": "solid", "label": "Padding"},
    "meta": {"color": "#0072B2", "line": "wavy", "label": "Meta-commentary"},
    "repetition": {"color": "#F0E442", "line": "double", "label": "Repetition", "ink": "#8C7E00"},
    "passive": {"color": "#000000", "line": "dotted", "label": "Passive voice", "fill": "none"},
    "hard-sentence": {"color": "#999999", "line": "solid", "label": "Hard sentence"},
}



def category_style(category: str) -> dict[str, str]:
    """A category's colour, underline style, label, underline ink and highlight fill."""
    style = {"color": "#666666", "line": "solid", "label": category}
    style.update(CATEGORIES.get(category, {}))
    style.setdefault("ink", style["color"])
    style["bg"] = "transparent" if style.get("fill") == "none" else style["color"] + "38"
    # The CSS class of the category; the page script derives the same from the name.
    style["slug"] = re.sub(r"[^A-Za-z0-9_-]", "-", category)
    return style


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

#: Outlet names that say nothing about the source (ingest's placeholders).
PLACEHOLDER_OUTLETS = frozenset({"", "outlet not named on page", "unknown", "none", "n/a", "nan"})
#: Up to this many articles, every article is its own source (unless outlets repeat).
MAX_ARTICLE_SOURCES = 12
#: Sentences shown as dots per source in corpus mode (the hardest ones).
EXTREME_SENTENCES = 12
HOVER_CHARS = 160


class NoData(ValueError):
    """The chart cannot be drawn: a column it needs is absent, or there is nothing to show."""


class NotApplicable(NoData):
    """The chart does not apply to this kind of report (e.g. a per-outlet distribution
    when every source is one article); the report leaves it out without comment."""


# -- sources ------------------------------------------------------------------------------


def named_outlet(outlet) -> str:
    """The outlet's name, or "" for a missing or placeholder outlet."""
    text = "" if outlet is None or (isinstance(outlet, float) and math.isnan(outlet)) else str(
        outlet).strip()
    return "" if text.lower() in PLACEHOLDER_OUTLETS else text


def short_title(title, limit: int = 34) -> str:
    """A title cut at a word boundary to about ``limit`` characters."""
    text = " ".join(str(title or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return (cut if len(cut) >= limit // 2 else text[:limit]) + "…"


def source_labels(articles: pd.DataFrame, max_articles: int = MAX_ARTICLE_SOURCES) -> pd.Series:
    """The source each article is compared under, indexed by article id.

    With at most ``max_articles`` articles, each article is its own source, labelled by its
    outlet when that outlet is named and unique, else by its short title (or id). With more,
    articles are grouped by outlet (corpus mode); unnamed outlets form one group.
    """
    if articles.empty:
        return pd.Series(dtype=object)
    ids = articles["id"].astype(str)
    outlets = [named_outlet(o) for o in articles.get("outlet", pd.Series([""] * len(ids)))]
    titles = list(articles["title"]) if "title" in articles else [""] * len(ids)
    if len(ids) > max_articles and len(set(outlets)) < len(ids):
        labels = [o or "(outlet not named)" for o in outlets]
        return pd.Series(labels, index=ids.values, dtype=object)
    counts = pd.Series(outlets).value_counts()
    labels, seen = [], {}
    for ident, outlet, title in zip(ids, outlets, titles, strict=True):
        if outlet and counts[outlet] == 1:
            label = outlet
        else:
            label = short_title(title) if isinstance(title, str) and title.strip() else ident
            if outlet:
                label = f"{outlet}: {label}"
        n = seen.get(label, 0) + 1
        seen[label] = n
        labels.append(label if n == 1 else f"{label} ({n})")
    return pd.Series(labels, index=ids.values, dtype=object)


def _sources(corpus, sources: Mapping[str, str] | pd.Series | None) -> pd.Series:
    if sources is None:
        return source_labels(corpus.articles)
    return pd.Series(dict(sources), dtype=object)


def _order(sources: pd.Series) -> list[str]:
    """Source labels in first-appearance order."""
    return list(dict.fromkeys(sources.values))


def _keys(sources: pd.Series) -> dict[str, str]:
    """Click target per source label: its article, or the source's article list."""
    groups = sources.groupby(sources.values).groups
    return {label: (f"a:{ids[0]}" if len(ids) == 1 else f"o:{label}")
            for label, ids in groups.items()}


def _colors(sources: pd.Series) -> dict[str, str]:
    return {label: PALETTE[i % len(PALETTE)] for i, label in enumerate(_order(sources))}


def is_grouped(sources: pd.Series) -> bool:
    """True when some source holds more than one article (corpus mode)."""
    return bool(len(sources)) and bool(sources.value_counts().max() > 1)


def _with_source(df: pd.DataFrame, sources: pd.Series, id_column: str) -> pd.DataFrame:
    out = df[df[id_column].astype(str).isin(sources.index)].copy()
    out["source"] = out[id_column].astype(str).map(sources)
    return out


def _need(df: pd.DataFrame, *columns: str) -> None:
    missing = [c for c in columns if c not in df.columns or df[c].dropna().empty]
    if missing:
        raise NoData(f"no {', '.join(missing)} in the data")


def _first_present(df: pd.DataFrame, *columns: str) -> str:
    for c in columns:
        if c in df.columns and not df[c].dropna().empty:
            return c
    raise NoData(f"none of {', '.join(columns)} in the data")


def _hover_text(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= HOVER_CHARS else text[: HOVER_CHARS - 1] + "…"


def _wrap(text: str, width: int = 60) -> str:
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


def _esc(text: str) -> str:
    """Hover, legend and tick text is pseudo-HTML to plotly.js (it knows <br>, <b>, <a>,
    and the entities &amp; &lt; &gt;): escape so that no tag can be formed."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _tick(label: str, width: int = 13) -> str:
    """A source label as an axis category: escaped, wrapped so it needs no rotation."""
    return _wrap(_esc(label), width)


#: Narrowest width, in pixels, of a chart in the page (a card is at least 560 px wide).
CHART_WIDTH = 540.0
#: Pixels from the top of the figure to the legend (below the title) and per legend row.
TITLE_PX, LEGEND_ROW_PX = 40, 20


def _tick_lines(label: str, width: int = 18, max_lines: int = 3) -> list[str]:
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


def _legend_rows(fig: go.Figure, width: float = CHART_WIDTH - 80) -> int:
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


def _layout(fig: go.Figure, title: str, legend: str = "top", **kw) -> go.Figure:
    """House layout. ``legend``: "top" (under the title), "right", or "none".

    A top legend hangs from just under the title (``yref`` "container"), and the top
    margin reserves the rows it wraps into (plotly wraps it at the plot area's width, so
    a chart with a wide left margin must say so in ``margin``): it never runs into the
    title, whatever the length of the axis labels.
    """
    margin = kw.get("margin", {})
    plot_width = CHART_WIDTH - margin.get("l", 60) - margin.get("r", 20)
    rows = _legend_rows(fig, plot_width) if legend == "top" else 0
    layout = dict(
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
    layout.update(kw)
    if legend == "top":
        margin = dict(layout["margin"])
        margin["t"] = max(margin.get("t", 0), TITLE_PX + 12 + LEGEND_ROW_PX * rows)
        layout["margin"] = {"l": 60, "r": 20, "b": 60, **margin}
        layout["legend"] = dict(orientation="h", xref="container", x=0.01, xanchor="left",
                                yref="container", y=1 - TITLE_PX / layout["height"],
                                yanchor="top", font=dict(size=11.5))
    elif legend == "right":
        layout["legend"] = dict(orientation="v", x=1.02, xanchor="left", y=1, yanchor="top")
    fig.update_layout(**layout)
    return fig


def _mean_ci(values: pd.Series) -> tuple[float, float]:
    """Mean and the half-width of its normal-approximation 95% interval."""
    v = pd.to_numeric(values, errors="coerce").dropna()
    if v.empty:
        return math.nan, math.nan
    half = 1.96 * v.std(ddof=1) / math.sqrt(len(v)) if len(v) > 1 else 0.0
    return float(v.mean()), float(half)


# -- charts -------------------------------------------------------------------------------


def grade_by_formula(corpus, sources=None) -> go.Figure:
    """Grouped bars: each readability formula's grade per source (mean ± 95% interval)."""
    src = _sources(corpus, sources)
    arts = _with_source(corpus.articles, src, "id")
    cols = [c for c in GRADE_COLUMNS if c in arts and not arts[c].dropna().empty]
    if not cols or arts.empty:
        raise NoData("no readability grades in the data")
    grouped, keys, colors = is_grouped(src), _keys(src), _colors(src)
    fig = go.Figure()
    for label in _order(src):
        rows = arts[arts["source"] == label]
        stats = [_mean_ci(rows[c]) for c in cols]
        fig.add_bar(
            name=_esc(label), x=[GRADE_COLUMNS[c] for c in cols],
            y=[round(m, 2) if math.isfinite(m) else None for m, _ in stats],
            error_y=dict(type="data", array=[round(h, 2) for _, h in stats], visible=grouped,
                         thickness=1.2, width=3),
            marker_color=colors[label], customdata=[keys[label]] * len(cols),
            meta=keys[label],
            hovertemplate="%{x}: grade %{y:.1f}" + (" (mean ± %{error_y.array:.1f})"
                                                     if grouped else "")
            + "<extra>%{fullData.name}</extra>",
        )
    return _layout(fig, "Grade by formula", barmode="group", yaxis_title="US school grade")


def _sentence_column(sentences: pd.DataFrame) -> str:
    return _first_present(sentences, "sentence_grade", "flesch_kincaid_grade")


def _prose(sentences: pd.DataFrame) -> pd.DataFrame:
    if "kind" not in sentences:
        return sentences
    prose = sentences[sentences["kind"] == "prose"]
    return prose if not prose.empty else sentences


def whole_grade(grade: float) -> int:
    """A sentence grade as a whole number, rounded exactly as the HRD001/HRD002 messages
    of :mod:`analyser.metrics.grade` write it (``f"{round(grade, 2):.0f}"``), so that a
    chart's hover, the article view's tooltip and the finding say the same grade."""
    return max(int(f"{round(grade, 2):.0f}"), 0)


def _grade_hover(sentences: pd.DataFrame, column: str) -> list[str]:
    """Hover text of sentence dots: the whole grade, then the sentence."""
    return [f"grade {whole_grade(float(g))}<br>{_wrap(_esc(_hover_text(t)))}"
            for g, t in zip(sentences[column], sentences["text"], strict=True)]


def sentence_grades(corpus, sources=None) -> go.Figure:
    """Distribution of prose-sentence grades per source; hover shows the sentence.

    One dot per sentence when every source is one article; in corpus mode a box per source
    (quartiles, mean ± sd) with only the hardest sentences as dots.
    """
    src = _sources(corpus, sources)
    sents = corpus.sentences
    if sents is None or sents.empty:
        raise NoData("no sentences")
    column = _sentence_column(sents)
    sents = _with_source(_prose(sents), src, "article_id")
    sents = sents[pd.to_numeric(sents[column], errors="coerce").notna()]
    if sents.empty:
        raise NoData("no sentence grades")
    grouped, keys, colors = is_grouped(src), _keys(src), _colors(src)
    fig = go.Figure()
    for label in _order(src):
        group = sents[sents["source"] == label]
        if group.empty:
            continue
        y = group[column].astype(float).round(1)
        if not grouped:
            custom = [f"a:{a}:{int(i)}"
                      for a, i in zip(group["article_id"], group["index"], strict=True)]
            fig.add_box(
                name=_tick(label), y=y, text=_grade_hover(group, column), customdata=custom,
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
            name=_tick(label), x=[_tick(label)], q1=[q1], median=[med], q3=[q3],
            lowerfence=[low], upperfence=[high], mean=[float(y.mean())], sd=[float(y.std())],
            boxpoints=False, marker_color=colors[label], meta=keys[label],
            hoverinfo="y", showlegend=False,
        )
        hardest = group.loc[y.sort_values(ascending=False).index[:EXTREME_SENTENCES]]
        fig.add_scatter(
            x=[_tick(label)] * len(hardest), y=hardest[column].astype(float).round(1),
            mode="markers", marker=dict(color=colors[label], size=6, opacity=0.8),
            text=_grade_hover(hardest, column),
            customdata=[f"a:{a}:{int(i)}" for a, i in
                        zip(hardest["article_id"], hardest["index"], strict=True)],
            hovertemplate="%{text}<extra></extra>", showlegend=False,
        )
    return _layout(fig, "Sentence grades (prose)", legend="none",
                   yaxis_title="sentence grade")


def category_rates(corpus, sources=None) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Findings per 1,000 words per source and category, with the scorecard's definitions.

    A category with a score of its own (``<category>_per_1k``: the language families count
    the writer's own words and leave quoted speech out; passives count prose sentences)
    is read from that score. A category without one (repetition, hard sentences) is
    computed the same way: its findings outside quotations per 1,000 prose ``words``, per
    article. A source's rate is the mean of its articles' rates, as in the scorecard.
    Returns ``(rates, own counts, categories that had no score)``, indexed by source label.
    """
    src = _sources(corpus, sources)
    arts = _with_source(corpus.articles, src, "id")
    _need(arts, "words")
    finds = corpus.findings
    if finds is None or finds.empty or "category" not in finds:
        raise NoData("no findings")
    finds = _with_source(finds, src, "article_id")
    found = set(finds["category"])
    cats = [c for c in CATEGORIES if c in found] + sorted(found - set(CATEGORIES))
    if "in_quote" in finds:
        finds = finds[~finds["in_quote"].fillna(False).astype(bool)]
    order = _order(src)
    ids = arts["id"].astype(str)
    own = (finds.groupby([finds["article_id"].astype(str), "category"]).size()
           .unstack(fill_value=0).reindex(index=ids, columns=cats, fill_value=0))
    words = pd.to_numeric(arts["words"], errors="coerce").fillna(0).to_numpy()
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
    src = _sources(corpus, sources)
    rates, counts, computed = category_rates(corpus, src)
    order, keys, grouped = _order(src), _keys(src), is_grouped(src)
    fig = go.Figure()
    for cat in rates.columns:
        style = category_style(cat)
        values = [None if pd.isna(v) else round(float(v), 2) for v in rates[cat]]
        note = (" (computed: no score of its own)" if cat in computed else "")
        how = "mean of the articles' rates, " if grouped else ""
        fig.add_bar(
            name=style["label"], x=[_tick(s) for s in order], y=values,
            customdata=[keys[s] for s in order], marker_color=style["color"],
            marker_line=dict(color="#333333", width=0.5),
            text=[int(counts.at[s, cat]) for s in order],
            # Hard sentences are one per sentence and dwarf the word-level categories.
            visible="legendonly" if cat == "hard-sentence" else True,
            hovertemplate="%{x}<br>" + style["label"] + ": %{y:.1f} per 1,000 words"
            + note + "<br>(" + how + "%{text} found outside quotations)<extra></extra>",
            textposition="none",
        )
    return _layout(fig, "Findings per 1,000 words, by category", legend="right",
                   barmode="stack",
                   yaxis_title="findings per 1,000 of the writer's words")


_PHRASE_STRIP = re.compile(r"^[\W_]+|[\W_]+$")


def _phrase(text: str) -> str:
    return _PHRASE_STRIP.sub("", " ".join(str(text).lower().replace("’", "'").split()))


def phrase_heatmap(corpus, sources=None, categories=("filler", "hedge"),
                   top: int = 20) -> go.Figure:
    """The most frequent filler and hedge phrases × source, coloured by rate per 1,000 words
    (the writer's own words: findings inside quotations are left out, as in the scores)."""
    src = _sources(corpus, sources)
    arts = _with_source(corpus.articles, src, "id")
    _need(arts, "words")
    finds = corpus.findings
    if finds is None or finds.empty or "category" not in finds:
        raise NoData("no findings")
    finds = finds[finds["category"].isin(categories)]
    if "in_quote" in finds:  # a quoted speaker's tics are not the writer's
        finds = finds[~finds["in_quote"].fillna(False).astype(bool)]
    finds = _with_source(finds, src, "article_id")
    if finds.empty:
        raise NoData(f"no {' or '.join(categories)} findings outside quotations")
    finds["phrase"] = [_phrase(t) for t in finds["text"]]
    finds = finds[finds["phrase"] != ""]
    counts = finds.groupby(["phrase", "source"]).size().unstack(fill_value=0)
    counts = counts.loc[counts.sum(axis=1).sort_values(ascending=False).index[:top]]
    order = _order(src)
    counts = counts.reindex(columns=order, fill_value=0)
    words = arts.groupby("source")["words"].sum().reindex(order).fillna(0)
    rate = counts.div(words.where(words > 0), axis=1).fillna(0) * 1000
    category = finds.groupby("phrase")["category"].agg(lambda c: c.mode().iat[0])
    phrases = list(counts.index)[::-1]  # most frequent at the top
    rate, counts = rate.loc[phrases], counts.loc[phrases]
    keys = _keys(src)
    fig = go.Figure(go.Heatmap(
        z=rate.values.round(2), x=[_tick(s, 11) for s in order],
        y=[f"{_esc(p)} ({category[p][0]})" for p in phrases],
        text=counts.values, texttemplate="%{text}", textfont=dict(size=11),
        customdata=[[keys[s] for s in order] for _ in phrases],
        colorscale=[[0, "#ffffff"], [0.15, "#d6e9f5"], [1, "#0072B2"]],
        colorbar=dict(title="per 1,000<br>words", thickness=12),
        hovertemplate="‘%{y}’ in %{x}<br>%{text} times, %{z:.2f} per 1,000 words"
        "<extra></extra>", xgap=2, ygap=2,
    ))
    height = max(360, 110 + 22 * len(phrases))
    return _layout(fig, "Most frequent fillers (f) and hedges (h)", legend="none",
                   height=height,
                   margin=dict(l=190, r=20, t=48, b=80), yaxis=dict(automargin=True),
                   xaxis=dict(side="bottom", tickfont=dict(size=10.5)))


def novelty_curves(corpus, sources=None, bins: int = 10) -> go.Figure:
    """Where does a piece stop saying new things? Per article: distinct content words said
    so far, sentence by sentence (restatements marked). In corpus mode: the mean number of
    new content words a sentence brings at each tenth of the article, per source, with a
    95% band."""
    src = _sources(corpus, sources)
    sents = corpus.sentences
    if sents is None or sents.empty:
        raise NoData("no sentences")
    _need(sents, "novelty_curve")
    sents = _with_source(sents, src, "article_id")
    sents = sents[pd.to_numeric(sents["novelty_curve"], errors="coerce").notna()]
    if sents.empty:
        raise NoData("no novelty curve")
    grouped, keys, colors = is_grouped(src), _keys(src), _colors(src)
    fig = go.Figure()
    if not grouped:
        for label in _order(src):
            group = sents[sents["source"] == label].sort_values("index")
            if group.empty:
                continue
            restates = (group["restates"].notna() & (group["restates"].astype(float) >= 0)
                        if "restates" in group else pd.Series(False, index=group.index))
            symbols = ["x" if r else "circle" for r in restates]
            fig.add_scatter(
                name=_esc(label), x=group["index"] + 1, y=group["novelty_curve"],
                mode="lines+markers", line=dict(color=colors[label], width=2, shape="hv"),
                marker=dict(size=[8 if r else 4 for r in restates], symbol=symbols),
                text=[_wrap(_esc(_hover_text(t))) for t in group["text"]],
                customdata=[f"a:{a}:{int(i)}" for a, i in
                            zip(group["article_id"], group["index"], strict=True)],
                meta=keys[label],
                hovertemplate="sentence %{x}: %{y} content words so far<br>%{text}"
                "<extra>%{fullData.name}</extra>",
            )
        return _layout(fig, "Novelty: new content words through each article",
                       xaxis_title="sentence (× marks a restatement)",
                       yaxis_title="distinct content words so far")
    # Corpus mode: new content words per sentence, by position in the article (tenths).
    centres = (np.arange(bins) + 0.5) / bins * 100
    for label in _order(src):
        group = sents[sents["source"] == label]
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
                        fill="toself", fillcolor=_rgba(color, 0.18), line=dict(width=0),
                        hoverinfo="skip", showlegend=False, meta=keys[label])
        fig.add_scatter(name=_esc(label), x=centres, y=mean.round(2), mode="lines+markers",
                        line=dict(color=color, width=2), marker=dict(size=5),
                        meta=keys[label], customdata=[keys[label]] * bins,
                        hovertemplate="%{x:.0f}% through: %{y:.1f} new content words per "
                        "sentence<extra>%{fullData.name}</extra>")
    return _layout(fig, "Novelty: new content words per sentence, through the articles",
                   xaxis=dict(title="position in the article (% of sentences)",
                              range=[0, 100]),
                   yaxis=dict(title="new words per sentence (mean)",
                              rangemode="tozero"))


def _rgba(hex_color: str, alpha: float) -> str:
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i: i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def readability_vs_filler(corpus, sources=None) -> go.Figure:
    """One bubble per article: grade against filler-language rate, bubble area = words."""
    src = _sources(corpus, sources)
    arts = _with_source(corpus.articles, src, "id")
    x = _first_present(arts, "language_findings_per_1k", "filler_per_1k")
    y = _first_present(arts, "readability_grade", "consensus_grade", "flesch_kincaid_grade")
    _need(arts, "words")
    keys, colors, grouped = _keys(src), _colors(src), is_grouped(src)
    words = pd.to_numeric(arts["words"], errors="coerce").fillna(0)
    sizeref = 2.0 * max(float(words.max()), 1.0) / (38.0 ** 2 if not grouped else 22.0 ** 2)
    fig = go.Figure()
    for label in _order(src):
        rows = arts[arts["source"] == label]
        if rows.empty:
            continue
        titles = [_esc(short_title(t, 70)) if isinstance(t, str) else _esc(i)
                  for t, i in zip(rows.get("title", rows["id"]), rows["id"], strict=True)]
        fig.add_scatter(
            name=_esc(label), x=rows[x].round(2), y=rows[y].round(2), mode="markers",
            text=titles, customdata=[f"a:{i}" for i in rows["id"]], meta=keys[label],
            marker=dict(size=words[rows.index].clip(lower=1), sizemode="area", sizeref=sizeref,
                        sizemin=3, color=colors[label], opacity=0.55 if grouped else 0.8,
                        line=dict(color="#333333", width=0.6)),
            hovertemplate="%{text}<br>grade %{y:.1f} · %{x:.1f} per 1,000 words"
            "<br>%{marker.size} words<extra>%{fullData.name}</extra>",
        )
    xtitle = ("filler language per 1,000 words (all six categories)"
              if x == "language_findings_per_1k" else "fillers per 1,000 words")
    return _layout(fig, "Readability against filler language (bubble area = words)",
                   xaxis_title=xtitle, yaxis_title="grade (higher = harder)")


def measure_distribution(corpus, sources=None, column: str = "padding_index",
                         title: str | None = None, axis: str | None = None) -> go.Figure:
    """Corpus mode: one article-level measure per outlet as a violin with its box, mean and
    the outlying articles as dots (hover for the title, click to open)."""
    src = _sources(corpus, sources)
    if not is_grouped(src):
        raise NotApplicable("every source is one article")
    arts = _with_source(corpus.articles, src, "id")
    _need(arts, column)
    keys, colors = _keys(src), _colors(src)
    fig = go.Figure()
    for label in _order(src):
        rows = arts[pd.to_numeric(arts[column], errors="coerce").notna()
                    & (arts["source"] == label)]
        if rows.empty:
            continue
        values = rows[column].astype(float)
        mean, half = _mean_ci(values)
        # The violin carries no per-article data: a click on its body (plotly reports the
        # trace's first point) lists the outlet's articles; the outlying articles are
        # their own trace, so that a click on one opens that article.
        fig.add_violin(
            name=_tick(label), x=[_tick(label)] * len(rows), y=values, meta=keys[label],
            box=dict(visible=True, width=0.25), meanline=dict(visible=True),
            points=False, line=dict(color=colors[label]),
            fillcolor=_rgba(colors[label], 0.25),
            spanmode="hard", scalemode="width", width=0.8,
        )
        q1, q3 = np.percentile(values, [25, 75])
        out = rows[(values < q1 - 1.5 * (q3 - q1)) | (values > q3 + 1.5 * (q3 - q1))]
        if not out.empty:
            fig.add_scatter(
                x=[_tick(label)] * len(out), y=out[column].astype(float).round(2),
                mode="markers", showlegend=False, meta=keys[label],
                marker=dict(size=5, color=colors[label], opacity=0.8),
                text=[_esc(short_title(t, 70)) if isinstance(t, str) else _esc(i)
                      for t, i in zip(out.get("title", out["id"]), out["id"], strict=True)],
                customdata=[f"a:{i}" for i in out["id"]],
                hovertemplate="%{y:.1f}: %{text}<extra>" + _esc(label) + "</extra>",
            )
        fig.add_scatter(
            x=[_tick(label)], y=[round(mean, 2)], mode="markers", showlegend=False,
            marker=dict(symbol="diamond", size=9, color="#ffffff",
                        line=dict(color="#1d2330", width=1.5)),
            error_y=dict(type="data", array=[round(half, 2)], color="#1d2330", thickness=1.5,
                         width=6),
            customdata=[keys[label]],
            hovertemplate=f"mean %{{y:.1f}} ± %{{error_y.array:.1f}} (95%), {len(rows)} "
            "articles<extra></extra>",
        )
    return _layout(fig, title or f"{column} per article, by outlet", legend="none",
                   yaxis_title=axis or column, violingap=0.25)


def padding_distribution(corpus, sources=None) -> go.Figure:
    """Corpus mode: the padding index of every article, per outlet."""
    return measure_distribution(corpus, sources, "padding_index",
                                "Padding index per article, by outlet (◇ mean, 95% interval)",
                                "padding index (0–100, higher = more padded)")


def grade_distribution(corpus, sources=None) -> go.Figure:
    """Corpus mode: the readability grade of every article, per outlet."""
    articles = corpus.articles
    column = _first_present(articles, "readability_grade", "consensus_grade",
                            "flesch_kincaid_grade")
    return measure_distribution(corpus, sources, column,
                                "Grade per article, by outlet (◇ mean, 95% interval)",
                                "grade (higher = harder)")


PADDING_PARTS = {
    "padding_part_language": "filler language",
    "padding_part_restatement": "restatements",
    "padding_part_empty": "empty sentences",
    "padding_part_repetition": "repeated phrases",
    "padding_part_diversity": "low vocabulary diversity",
}
PADDING_WEIGHTS = {"padding_part_language": 0.35, "padding_part_restatement": 0.25,
                   "padding_part_empty": 0.20, "padding_part_repetition": 0.10,
                   "padding_part_diversity": 0.10}


def padding_breakdown(corpus, sources=None) -> go.Figure:
    """What the padding index is made of: each part's mean (0–1) per source."""
    src = _sources(corpus, sources)
    arts = _with_source(corpus.articles, src, "id")
    parts = [c for c in PADDING_PARTS if c in arts and not arts[c].dropna().empty]
    if not parts:
        raise NoData("no padding index parts")
    order, keys = _order(src), _keys(src)
    means = arts.groupby("source")[parts].mean().reindex(order)
    # Labels are cut to fit a fixed left margin: plotly wraps the top legend at the plot
    # area's width, which a margin grown to fit long labels (automargin) would shrink.
    lines = [_tick_lines(s, 18) for s in order]
    ticks = ["<br>".join(_esc(line) for line in t) for t in lines]
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
    return _layout(fig, "What drives the padding index (each part 0–1)", barmode="group",
                   xaxis=dict(title="part of the padding index (1 = saturated)",
                              range=[0, 1.05]),
                   yaxis=dict(autorange="reversed", automargin=False),
                   margin=dict(l=max(left, 60), r=20, b=60),
                   height=max(360, 130 + 70 * len(order)))


#: Every chart of the report, in page order: (id, function, caption saying what to look for).
CHARTS = [
    ("grade-distribution", grade_distribution,
     "How an outlet's articles spread: a violin sitting higher is harder to read; the "
     "diamond and its bar are the mean and its 95% interval."),
    ("padding-distribution", padding_distribution,
     "Outlets whose violins sit higher pad more; dots are the most padded articles "
     "(hover for the title, click to open)."),
    ("grade-by-formula", grade_by_formula,
     "Look for a source whose bars stand above the others on every formula: then the "
     "formulas agree it is harder to read, whatever their differences."),
    ("sentence-grades", sentence_grades,
     "Each dot is a sentence (hover to read it, click to open it): a tall spread means a "
     "source mixes easy lines with very hard ones."),
    ("findings-by-category", findings_by_category,
     "Taller stacks mean more to cut per 1,000 words; the colours say what kind (hard "
     "sentences are in the legend, switched off). The rates are the scorecard's: the "
     "writer's own words, quoted speech left out; repetition and hard sentences, which "
     "have no rate of their own, are findings outside quotations per 1,000 prose words."),
    ("phrase-heatmap", phrase_heatmap,
     "Dark cells are a source's verbal tics: the fillers and hedges it leans on most "
     "(numbers are counts in the writer's own words; quoted speech is left out)."),
    ("novelty-curves", novelty_curves,
     "A curve that flattens early is a piece that has stopped saying new things; the rest "
     "is restatement."),
    ("readability-vs-filler", readability_vs_filler,
     "Top right is hard to read and padded; bottom left is plain and tight. Click a bubble "
     "to open its article."),
    ("padding-breakdown", padding_breakdown,
     "Longer bars show which kind of padding lifts a source's padding index."),
]

#: Charts drawn only in corpus mode (they raise NotApplicable when each source is one article).
CORPUS_ONLY = frozenset({"grade-distribution", "padding-distribution"})

#: Captions that read differently when sources are outlets of many articles (corpus mode).
CORPUS_CAPTIONS = {
    "findings-by-category":
        "Taller stacks mean more to cut per 1,000 words (hard sentences are in the legend, "
        "switched off). Each bar is the mean of the outlet's article rates, as in the "
        "scorecard: the writer's own words, quoted speech left out; repetition and hard "
        "sentences, which have no rate of their own, are findings outside quotations per "
        "1,000 prose words.",
    "grade-by-formula":
        "Bars are each outlet's mean with its 95% interval: look for an outlet above the "
        "others on every formula.",
    "sentence-grades":
        "Boxes show each outlet's spread of sentence grades (dashed: mean ± sd); the dots are "
        "its hardest sentences: hover to read one, click to open its article.",
    "novelty-curves":
        "Each sentence should bring new content words; a line that sinks towards zero marks "
        "the point where an outlet's pieces stop saying new things (shaded: 95% band of the "
        "mean).",
    "readability-vs-filler":
        "One bubble per article. Top right is hard to read and padded; bottom left is plain "
        "and tight. Click a bubble to open its article.",
}


def caption(chart_id: str, grouped: bool) -> str:
    """The caption of a chart of :data:`CHARTS`, for per-article or corpus mode."""
    if grouped and chart_id in CORPUS_CAPTIONS:
        return CORPUS_CAPTIONS[chart_id]
    return next(c for i, _, c in CHARTS if i == chart_id)
