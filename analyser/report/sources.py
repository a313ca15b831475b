"""The sources the report compares: each article on its own, or the articles of an outlet
(corpus mode), with a label, a colour and a click target per source."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ..outlets import PLACEHOLDER_OUTLETS, UNNAMED_OUTLET, named_outlet
from .style import PALETTE, short_title

__all__ = [
    "PLACEHOLDER_OUTLETS", "is_grouped", "named_outlet", "resolve_sources", "source_colors",
    "source_keys", "source_labels", "source_order",
]
#: Up to this many articles, every article is its own source (unless outlets repeat).
MAX_ARTICLE_SOURCES = 12


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
        labels = [o or UNNAMED_OUTLET for o in outlets]
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


def resolve_sources(corpus, sources: Mapping[str, str] | pd.Series | None) -> pd.Series:
    """``sources`` as a Series, or the default :func:`source_labels` of the corpus."""
    if sources is None:
        return source_labels(corpus.articles)
    return pd.Series(dict(sources), dtype=object)


def is_grouped(sources: pd.Series) -> bool:
    """True when some source holds more than one article (corpus mode)."""
    return bool(len(sources)) and bool(sources.value_counts().max() > 1)


def source_order(sources: pd.Series) -> list[str]:
    """Source labels in first-appearance order."""
    return list(dict.fromkeys(sources.values))


def source_keys(sources: pd.Series) -> dict[str, str]:
    """Click target per source label: its article, or the source's article list."""
    groups = sources.groupby(sources.values).groups
    return {label: (f"a:{ids[0]}" if len(ids) == 1 else f"o:{label}")
            for label, ids in groups.items()}


def source_colors(sources: pd.Series) -> dict[str, str]:
    """Colour per source label, in the palette's order."""
    return {label: PALETTE[i % len(PALETTE)] for i, label in enumerate(source_order(sources))}
