"""The report's page model: scorecard rows and the compact article data the page's script
turns into article views on demand.

Everything here is plain Python data (str, int, float, list, dict) that jinja2's
``tojson`` can serialise; untrusted strings stay strings (never markup).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..models import BLOCK_KINDS
from .figures import (
    CATEGORIES,
    category_style,
    is_grouped,
    named_outlet,
    short_title,
    whole_grade,
)


@dataclass(frozen=True)
class Measure:
    """A scorecard column: ``direction`` +1 when higher is worse, -1 when higher is
    better, 0 when neither (counts). ``negligible``: a cell closer than this to the
    column mean is not coloured (0.0 against 0.1 fillers per 1,000 words is no verdict,
    however little the other sources spread)."""

    column: str
    name: str
    help: str
    direction: int
    digits: int = 1
    negligible: float = 0.0


#: The headline measures, in scorecard order. The first present of several alternatives
#: (e.g. a family not yet installed) is listed under ``FALLBACKS``.
SCORECARD: tuple[Measure, ...] = (
    Measure("readability_grade", "Grade",
            "Calibrated readability grade: the US school grade needed to read the prose. "
            "Higher = harder.", +1, negligible=0.5),
    Measure("flesch_reading_ease", "Reading ease",
            "Flesch reading ease, 0–100: short sentences and short words score high. "
            "Higher = easier.", -1, negligible=3.0),
    Measure("hard_sentence_ratio", "Hard sentences",
            "Share of prose sentences above the house grade threshold. Higher = harder.",
            +1, 2, negligible=0.03),
    Measure("filler_per_1k", "Filler /1k",
            "Fillers ('you know', 'basically', 'like') per 1,000 words of the writer's "
            "own prose. Higher = more padding.", +1, negligible=0.5),
    Measure("hedge_per_1k", "Hedges /1k",
            "Hedges ('it seems', 'might', 'reportedly') per 1,000 words. Higher = vaguer.",
            +1, negligible=0.5),
    Measure("intensifier_per_1k", "Intensifiers /1k",
            "Empty emphasis ('very', 'really', 'truly') per 1,000 words. Higher = emptier.",
            +1, negligible=0.5),
    Measure("weasel_per_1k", "Weasels /1k",
            "Unnamed attributions ('some critics argue', 'experts say') per 1,000 words. "
            "Higher = less accountable.", +1, negligible=0.5),
    Measure("passive_per_1k", "Passives /1k",
            "Passive constructions per 1,000 words. Higher = less direct.", +1,
            negligible=0.5),
    Measure("padding_index", "Padding index",
            "0–100 composite of filler language, restatements, empty sentences, repeated "
            "phrases and low vocabulary diversity. Higher = more padded.", +1, 0,
            negligible=3.0),
    Measure("novelty_ratio", "Novelty",
            "Share of prose sentences that add a content word, name or number no earlier "
            "sentence had (longer pieces score lower). Higher = less repetition.", -1, 2,
            negligible=0.01),
    Measure("substance_per_1k", "Substance /1k",
            "Checkable facts per 1,000 words: distinct quotes, named attributed statements, "
            "names, numbers, dates and amounts. Higher = more reporting.", -1, negligible=2.0),
    Measure("quotes_per_1k", "Quotes /1k",
            "Direct quotations (3+ words) per 1,000 words. Higher = more first-hand "
            "reporting.", -1, negligible=0.5),
    Measure("words", "Words",
            "Words in the article's prose (per article: the mean in corpus mode).", 0, 0),
)
FALLBACKS = {"readability_grade": Measure(
    "consensus_grade", "Grade", "Consensus of the classic grade formulas (the calibrated "
    "grade is not available). Higher = harder.", +1, negligible=0.5)}

#: Scores shown at the head of each article view.
ARTICLE_SCORES = SCORECARD


def _finite(value: Any) -> float | None:
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def measures(articles: pd.DataFrame) -> list[Measure]:
    """The scorecard columns present in the data (absent families are left out)."""
    out = []
    for m in SCORECARD:
        if m.column in articles and articles[m.column].notna().any():
            out.append(m)
        elif m.column in FALLBACKS and FALLBACKS[m.column].column in articles:
            out.append(FALLBACKS[m.column])
    return out


def _fmt(value: float | None, digits: int) -> str:
    if value is None:
        return "—"
    return f"{value:,.{digits}f}"


def _shade(t: float) -> str:
    """Cell background for a badness ``t`` in [-1, 1]: blue (good) to vermillion (bad)."""
    alpha = round(0.06 + 0.34 * abs(t), 3) if abs(t) > 0.05 else 0
    if not alpha:
        return ""
    rgb = "213,94,0" if t > 0 else "0,114,178"
    return f"background-color: rgba({rgb},{alpha})"


def scorecard(articles: pd.DataFrame, sources: pd.Series) -> dict[str, Any]:
    """Scorecard rows: one per source, each cell with its value, shade and hover text."""
    cols = measures(articles)
    grouped = is_grouped(sources)
    arts = articles.copy()
    arts["source"] = arts["id"].astype(str).map(sources)
    order = list(dict.fromkeys(sources.values))
    rows = []
    for label in order:
        group = arts[arts["source"] == label]
        row: dict[str, Any] = {"label": label, "n": len(group), "cells": []}
        if len(group) == 1:
            r = group.iloc[0]
            row["key"] = f"a:{r['id']}"
            row["title"] = str(r.get("title") or "")
            row["note"] = str(r.get("source") or r["id"])
        else:
            row["key"] = f"o:{label}"
            row["title"] = f"{len(group)} articles"
            row["note"] = ""
        for m in cols:
            values = pd.to_numeric(group[m.column], errors="coerce").dropna() \
                if m.column in group else pd.Series(dtype=float)
            value = _finite(values.mean()) if len(values) else None
            detail = ""
            if grouped and len(values) > 1:
                half = 1.96 * values.std(ddof=1) / math.sqrt(len(values))
                detail = (f"mean of {len(values)} articles, 95% interval "
                          f"{value - half:,.{m.digits}f}–{value + half:,.{m.digits}f}; "
                          f"median {values.median():,.{m.digits}f}")
            row["cells"].append({"value": value, "text": _fmt(value, m.digits),
                                 "detail": detail})
        rows.append(row)
    # Shade each column against the other sources: distance from the column mean, in
    # units of half the range, but never less than a quarter of the mean nor than the
    # measure's negligible difference, so that neither 0.97 against 1.00 nor 0.0 against
    # 0.1 fillers per 1,000 words looks like a verdict.
    for j, m in enumerate(cols):
        vals = [r["cells"][j]["value"] for r in rows]
        finite = [v for v in vals if v is not None]
        lo, hi = (min(finite), max(finite)) if finite else (0.0, 0.0)
        mean = sum(finite) / len(finite) if finite else 0.0
        scale = max((hi - lo) / 2, 0.25 * abs(mean), m.negligible, 1e-9)
        for r, v in zip(rows, vals, strict=True):
            cell = r["cells"][j]
            cell["style"] = ""
            tip = [f"{m.name}: {cell['text']}"]
            if v is None:
                tip = [f"{m.name}: not measured for this source"]
            elif m.direction and hi > lo and len(finite) > 1:
                t = max(-1.0, min(1.0, (v - mean) / scale)) * m.direction
                cell["style"] = _shade(t) if abs(v - mean) >= m.negligible else ""
                tip.append(rank_text(v, finite, m.direction, m.digits))
            if cell["detail"]:
                tip.append(cell["detail"])
            tip.append(m.help)
            cell["tip"] = " — ".join(tip)
    return {"columns": [{"name": m.name, "help": m.help, "column": m.column,
                         "direction": m.direction} for m in cols],
            "rows": rows, "grouped": grouped}


def rank_text(value: float, values: list[float], direction: int, digits: int = 1) -> str:
    """Where ``value`` stands among ``values``, in words: "best of 4", "2nd best of 4",
    "joint worst of 4", ... followed by which way is better ("lower is better").

    Values are compared as shown (rounded to ``digits``), so two cells that read the same
    are joint; a middle place is counted from the nearer end.
    """
    shown = [round(v, digits) for v in values]
    v = round(value, digits)
    n = len(shown)
    better = sum(1 for x in shown if (x < v if direction > 0 else x > v))
    worse = sum(1 for x in shown if (x > v if direction > 0 else x < v))
    joint = "joint " if shown.count(v) > 1 else ""
    if better == 0:
        place = f"{joint}best"
    elif worse == 0:
        place = f"{joint}worst"
    elif better <= worse:
        place = f"{joint}{_ordinal(better + 1)} best"
    else:
        place = f"{joint}{_ordinal(worse + 1)} worst"
    way = "lower is better" if direction > 0 else "higher is better"
    return f"{place} of {n} ({way})"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_SAFE_URL = re.compile(r"^https?://[^\s\"'<>]+$", re.IGNORECASE)


def safe_url(url: Any) -> str:
    """The URL when it is a plain http(s) URL, else "" (no javascript:, data:, ...)."""
    text = str(url or "").strip()
    return text if _SAFE_URL.match(text) else ""


BANDS = {"fine": 0, "hard": 1, "very hard": 2}



class _Table:
    """A string table: each distinct string stored once, referred to by index."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self.index: dict[str, int] = {}

    def __call__(self, s: str) -> int:
        s = s or ""
        i = self.index.get(s)
        if i is None:
            i = self.index[s] = len(self.items)
            self.items.append(s)
        return i


def article_data(analyses, sources: pd.Series, articles: pd.DataFrame) -> dict[str, Any]:
    """The compact article blob: texts, sentence bands, quotes and findings as flat arrays.

    ``f`` per article is a flat list of 9-tuples
    ``start, end, category, code, message, suggestion, sentence, related_sentence, in_quote``
    (category/code/message/suggestion are indices into the shared tables; -1 = none).
    ``s`` is a flat list of ``start, end, band (0 fine, 1 hard, 2 very hard), grade``
    (grade -1 when unknown); ``p`` of ``start, end, kind``; ``q`` of ``start, end``.
    ``v`` holds the article's scorecard values (for sorting) and ``t`` the same values as
    the scorecard writes them.
    The sentence grade is a whole grade, rounded as the hard-sentence messages round it
    (:func:`~analyser.report.figures.whole_grade`), so that the tooltip and the finding say
    the same number.
    """
    categories = list(CATEGORIES)
    cat_index = {c: i for i, c in enumerate(categories)}
    codes, strings = _Table(), _Table()
    cols = [m for m in measures(articles)]
    by_id = articles.set_index(articles["id"].astype(str))
    out = []
    for a in analyses:
        f: list[int] = []
        for x in a.findings:
            if x.category not in cat_index:
                cat_index[x.category] = len(categories)
                categories.append(x.category)
            related = x.related_sentence if x.related_sentence is not None else -1
            try:
                related = int(related)
            except (TypeError, ValueError):
                related = -1
            f += [x.start, x.end, cat_index[x.category], codes(x.code), strings(x.message),
                  strings(x.suggestion), int(x.sentence), related, int(bool(x.in_quote))]
        s: list[int] = []
        for row in a.sentences:
            band = BANDS.get(str(row.get("sentence_band") or "fine"), 0)
            grade = _finite(row.get("sentence_grade", row.get("flesch_kincaid_grade")))
            s += [int(row["start"]), int(row["end"]), band,
                  whole_grade(grade) if grade is not None else -1]
        p: list[int] = []
        for para in a.paragraphs:
            kind = para.get("kind", "prose")
            p += [int(para["start"]), int(para["end"]),
                  BLOCK_KINDS.index(kind) if kind in BLOCK_KINDS else 0]
        q = [int(v) for span in a.quotes for v in span]
        scores = by_id.loc[a.id] if a.id in by_id.index else None
        if isinstance(scores, pd.DataFrame):  # duplicate ids: take the first
            scores = scores.iloc[0]
        values = [_finite(scores.get(m.column)) if scores is not None else None for m in cols]
        out.append({
            "id": a.id, "label": str(sources.get(a.id, a.id)),
            "title": a.title or "", "outlet": a.outlet or "", "url": safe_url(a.url),
            "named": named_outlet(a.outlet),
            "published": a.published or "", "source": a.source or "",
            "text": a.text, "p": p, "s": s, "q": q, "f": f,
            "v": [None if v is None else round(v, m.digits + 1)
                  for v, m in zip(values, cols, strict=True)],
            # Shown as the scorecard shows it (one rounding, done here, not in the page).
            "t": [_fmt(v, m.digits) for v, m in zip(values, cols, strict=True)],
            "removed": [[r.text, r.reason] for r in a.removed],
            "short": short_title(a.title or a.id, 80),
        })
    return {
        "categories": categories,
        "styles": {c: category_style(c) for c in categories},
        "kinds": list(BLOCK_KINDS),
        "codes": codes.items, "strings": strings.items,
        "measures": [{"name": m.name, "digits": m.digits, "help": m.help} for m in cols],
        "articles": out,
    }
