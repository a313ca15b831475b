"""What the charts read: a corpus's frames narrowed to the compared sources, the counts
they are rated by, and :class:`NoData` when a chart's data is missing.

A chart's ``corpus`` is an :class:`analyser.Corpus`, or any object with the frames
``articles``, ``sentences`` and ``findings`` (filtered frames are fine) and, for the charts
that rate findings per 1,000 of the writer's own words, the ``analyses`` they come from.
"""

from __future__ import annotations

import math

import pandas as pd


class NoData(ValueError):
    """The chart cannot be drawn: a column it needs is absent, or there is nothing to show."""


class NotApplicable(NoData):
    """The chart does not apply to this kind of report (e.g. a per-outlet distribution
    when every source is one article); the report leaves it out without comment."""


def with_source(df: pd.DataFrame, sources: pd.Series, id_column: str) -> pd.DataFrame:
    """The rows of the compared articles, each with its ``source`` label."""
    out = df[df[id_column].astype(str).isin(sources.index)].copy()
    out["source"] = out[id_column].astype(str).map(sources)
    return out


def need(df: pd.DataFrame, *columns: str) -> None:
    """Raise :class:`NoData` unless every column is present with a value."""
    missing = [c for c in columns if c not in df.columns or df[c].dropna().empty]
    if missing:
        raise NoData(f"no {', '.join(missing)} in the data")


def first_present(df: pd.DataFrame, *columns: str) -> str:
    """The first of ``columns`` present with a value (else :class:`NoData`)."""
    for c in columns:
        if c in df.columns and not df[c].dropna().empty:
            return c
    raise NoData(f"none of {', '.join(columns)} in the data")


def own_findings(findings: pd.DataFrame) -> pd.DataFrame:
    """The findings outside quotations: the writer's, not a quoted speaker's."""
    if "in_quote" not in findings:
        return findings
    return findings[~findings["in_quote"].fillna(False).astype(bool)]


#: Finding categories whose phrases are counted (the phrase heatmap's).
PHRASE_CATEGORIES = ("filler", "hedge")


def finding_counts(corpus) -> pd.DataFrame:
    """The writer's own findings (quoted speech left out) counted per article, category
    and, for :data:`PHRASE_CATEGORIES`, phrase (the finding's text; "" for the other
    categories): columns ``article_id, category, phrase, n``.

    Read from ``corpus.finding_counts`` when the corpus carries them (the report's
    streamed data), else counted from ``corpus.findings`` (empty when there is none)."""
    counts = getattr(corpus, "finding_counts", None)
    if counts is not None:
        return counts
    finds = getattr(corpus, "findings", None)
    if finds is None or finds.empty or "category" not in finds:
        return pd.DataFrame(columns=["article_id", "category", "phrase", "n"])
    own = ~finds["in_quote"].fillna(False).astype(bool) if "in_quote" in finds \
        else pd.Series(True, index=finds.index)
    phrase = finds["text"].where(own & finds["category"].isin(PHRASE_CATEGORIES), "") \
        if "text" in finds else pd.Series("", index=finds.index)
    # A category found only in quotations is still listed, with a count of 0.
    keyed = pd.DataFrame({"article_id": finds["article_id"].astype(str),
                          "category": finds["category"], "phrase": phrase.astype(str),
                          "n": own.astype(int)})
    return keyed.groupby(["article_id", "category", "phrase"], sort=False)["n"].sum() \
        .reset_index()


def own_words(corpus, ids: pd.Series) -> pd.Series:
    """Words outside quotations (:attr:`analyser.Analysis.own_words`) of the articles
    ``ids``, in their order: the count the scores' per-1,000-words rates of the writer's
    language are counted over. NaN for an article the corpus has no analysis of."""
    counts = getattr(corpus, "own_word_counts", None)
    if counts is None:
        analyses = getattr(corpus, "analyses", None)
        if analyses is None:  # frames alone do not say which words are quoted
            raise NoData("no analyses to count the writer's own words from")
        counts = {a.id: a.own_words for a in analyses}
    return pd.Series([counts.get(i, math.nan) for i in ids], index=ids.values, dtype=float)


def mean_ci(values: pd.Series) -> tuple[float, float]:
    """Mean and the half-width of its normal-approximation 95% interval."""
    v = pd.to_numeric(values, errors="coerce").dropna()
    if v.empty:
        return math.nan, math.nan
    half = 1.96 * v.std(ddof=1) / math.sqrt(len(v)) if len(v) > 1 else 0.0
    return float(v.mean()), float(half)
