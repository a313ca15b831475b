"""pandas frames: one row per article, per sentence, per finding; outlet aggregates.

Every row records the analyser version and the rule-set version.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from .analysis import Analysis
from .version import RULESET_VERSION, __version__

META = ("id", "outlet", "title", "author", "url", "published", "source")
FINDING_COLUMNS = (
    "article_id", "outlet", "code", "name", "category", "level", "start", "end", "text",
    "in_quote", "sentence", "related_sentence", "message", "suggestion",
)


def versioned(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with the analyser and rule-set versions as its last two columns."""
    df["analyser_version"] = __version__
    df["ruleset_version"] = RULESET_VERSION
    return df


def article_row(a: Analysis) -> dict:
    """One article's metadata and scores as a flat dict."""
    row = {k: getattr(a, k) for k in META}
    row.update(a.scores)
    row["findings"] = len(a.findings)
    row["removed_blocks"] = len(a.removed)
    return row


def articles_frame(analyses: Iterable[Analysis]) -> pd.DataFrame:
    """One row per article: metadata, every score, counts."""
    rows = [article_row(a) for a in analyses]
    df = pd.DataFrame(rows, columns=None if rows else list(META))
    return versioned(df)


def sentences_frame(analyses: Iterable[Analysis]) -> pd.DataFrame:
    """One row per sentence of every article."""
    rows = [
        {"article_id": a.id, "outlet": a.outlet, **s} for a in analyses for s in a.sentences
    ]
    df = pd.DataFrame(rows, columns=None if rows else ["article_id", "outlet", "index", "text"])
    return versioned(df)


def findings_frame(analyses: Iterable[Analysis]) -> pd.DataFrame:
    """One row per finding of every article."""
    rows = [
        {
            "article_id": a.id, "outlet": a.outlet, "code": f.code, "name": f.name,
            "category": f.category, "level": f.level, "start": f.start, "end": f.end,
            "text": f.text, "in_quote": f.in_quote, "sentence": f.sentence,
            "related_sentence": f.related_sentence, "message": f.message,
            "suggestion": f.suggestion,
        }
        for a in analyses
        for f in a.findings
    ]
    df = pd.DataFrame(rows, columns=list(FINDING_COLUMNS))
    return versioned(df)


def outlet_frame(articles: pd.DataFrame, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Per-outlet aggregates: article count, total words, and the mean of each score."""
    if articles.empty:
        return pd.DataFrame(columns=["outlet", "articles"])
    numeric = articles.select_dtypes("number").columns
    cols = [c for c in (columns or numeric) if c in numeric]
    grouped = articles.groupby("outlet", sort=True)
    out = grouped[cols].mean()
    out.insert(0, "articles", grouped.size())
    if "words" in articles:
        out.insert(1, "words_sum", grouped["words"].sum())
    return versioned(out.reset_index())
