"""The report's page model: scorecard rows and the article list the page's script starts
from (the article views themselves are :mod:`analyser.report.views`).

Everything here is plain Python data (str, int, float, list, dict) that jinja2's
``tojson`` can serialise; untrusted strings stay strings (never markup).
"""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

from ..catalog import SCORECARD, Score
from ..models import BLOCK_KINDS
from .sources import is_grouped
from .style import category_style
from .views import StringTable, _finite


def _text(value: Any) -> str:
    """A frame cell as text: "" for a missing value (None, or the NaN pandas fills in for
    an untitled article), never "nan"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def measures(articles: pd.DataFrame) -> list[Score]:
    """The scorecard columns present in the data (absent families are left out)."""
    return [s for s in SCORECARD if s.name in articles and articles[s.name].notna().any()]


def judged_direction(score: Score) -> int:
    """+1 when higher is worse, -1 when higher is better, 0 when the scorecard does not
    judge the column (no direction, or not ``judged`` between different articles)."""
    return score.sign if score.judged else 0


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


def scorecard(articles: pd.DataFrame, sources: pd.Series,
              effects: pd.DataFrame | None = None) -> dict[str, Any]:
    """Scorecard rows: one per source, each cell with its value, shade and hover text.

    With one article per source, cells are shaded against the other sources (a description
    of these articles). With outlets of many articles, ``effects``
    (:func:`analyser.stories.outlet_effects`) judge the cells: a cell is shaded only where
    the outlet's effect is supported (its 95% interval excludes zero), on shared stories or
    on all articles as ``effects["basis"]`` says.
    """
    cols = measures(articles)
    grouped = is_grouped(sources)
    arts = articles.copy()
    arts["source"] = arts["id"].astype(str).map(sources)
    rows = [_source_row(label, arts[arts["source"] == label], cols, grouped)
            for label in dict.fromkeys(sources.values)]
    judged = grouped and effects is not None
    for j, m in enumerate(cols):
        if judged:
            _judge_effects(rows, j, m, effects[effects["measure"] == m.name])
        else:
            _judge_column(rows, j, m)
    basis = ""
    stories = 0
    if judged and len(effects):
        basis = str(effects["basis"].iloc[0])
        stories = int(effects["stories"].max()) if basis == "stories" else 0
    return {"columns": [{"name": m.label, "help": m.help, "column": m.name,
                         "direction": judged_direction(m)} for m in cols],
            "rows": rows, "grouped": grouped, "basis": basis, "stories": stories}


def _effect_text(e: pd.Series, digits: int) -> str:
    """An outlet's effect in words: how far from the others, on what, and how sure."""
    def f(v: float) -> str:
        return f"{v:+,.{digits}f}"

    on = (f"on the same stories ({int(e['stories'])} told by it and another outlet)"
          if e["basis"] == "stories" else f"over all articles ({int(e['articles'])})")
    if not math.isfinite(float(e["ci_low"])):
        return f"{f(e['effect'])} against the other outlets {on}; too few to judge"
    verdict = "a real difference" if e["supported"] else "not a difference the data support"
    return (f"{f(e['effect'])} against the other outlets {on}, 95% interval "
            f"{f(e['ci_low'])} to {f(e['ci_high'])}: {verdict}")


def _judge_effects(rows: list[dict[str, Any]], j: int, m: Score,
                   effects: pd.DataFrame) -> None:
    """Shade column ``j`` by each outlet's supported effect (corpus mode)."""
    direction = judged_direction(m)
    by_outlet = {str(e["outlet"]): e for _, e in effects.iterrows()}
    sizes = [abs(float(e["effect"])) for e in by_outlet.values() if e["supported"]]
    scale = max(sizes + [m.negligible, 1e-9])
    for r in rows:
        cell = r["cells"][j]
        cell["style"] = ""
        e = by_outlet.get(r["label"])
        tip = [f"{m.label}: {cell['text']}"]
        if cell["value"] is None:
            tip = [f"{m.label}: not measured for this source"]
        elif e is not None and direction:
            if e["supported"]:
                cell["style"] = _shade(float(e["effect"]) / scale * direction)
            tip.append(_effect_text(e, m.digits))
        elif direction:
            tip.append("not compared: no outlet named, or too few articles")
        if cell["detail"]:
            tip.append(cell["detail"])
        tip.append(m.help)
        cell["tip"] = " — ".join(tip)


def _source_row(label: str, group: pd.DataFrame, cols: list[Score],
                grouped: bool) -> dict[str, Any]:
    """A source's scorecard row: its click target, tooltip (``tip``: the full name, then
    the article's title and file) and unshaded cells."""
    row: dict[str, Any] = {"label": label, "n": len(group), "cells": []}
    if len(group) == 1:
        r = group.iloc[0]
        row["key"] = f"a:{r['id']}"
        row["title"] = _text(r.get("title"))
        row["note"] = _text(r.get("source")) or _text(r["id"])
    else:
        row["key"] = f"o:{label}"
        row["title"] = f"{len(group)} articles"
        row["note"] = ""
    # The page may cut a long name short: the tooltip starts with all of it.
    detail = " — ".join(t for t in (row["title"], row["note"]) if t)
    row["tip"] = "\n".join(t for t in (label, detail) if t)
    row["cells"] = [_cell(group, m, grouped) for m in cols]
    return row


def _cell(group: pd.DataFrame, m: Score, grouped: bool) -> dict[str, Any]:
    """A cell's value (the mean of the source's articles), its text and, in corpus mode,
    its 95% interval and median."""
    values = pd.to_numeric(group[m.name], errors="coerce").dropna() \
        if m.name in group else pd.Series(dtype=float)
    value = _finite(values.mean()) if len(values) else None
    detail = ""
    if grouped and len(values) > 1:
        half = 1.96 * values.std(ddof=1) / math.sqrt(len(values))
        detail = (f"mean of {len(values)} articles, 95% interval "
                  f"{value - half:,.{m.digits}f}–{value + half:,.{m.digits}f}; "
                  f"median {values.median():,.{m.digits}f}")
    return {"value": value, "text": _fmt(value, m.digits), "detail": detail}


def _judge_column(rows: list[dict[str, Any]], j: int, m: Score) -> None:
    """Shade column ``j`` against the other sources and write each cell's hover text.

    The shade is the distance from the column mean, in units of half the range, but never
    less than a quarter of the mean nor than the measure's negligible difference, so that
    neither 0.97 against 1.00 nor 0.0 against 0.1 fillers per 1,000 words looks like a
    verdict.
    """
    direction = judged_direction(m)
    vals = [r["cells"][j]["value"] for r in rows]
    finite = [v for v in vals if v is not None]
    lo, hi = (min(finite), max(finite)) if finite else (0.0, 0.0)
    mean = sum(finite) / len(finite) if finite else 0.0
    scale = max((hi - lo) / 2, 0.25 * abs(mean), m.negligible, 1e-9)
    for r, v in zip(rows, vals, strict=True):
        cell = r["cells"][j]
        cell["style"] = ""
        tip = [f"{m.label}: {cell['text']}"]
        if v is None:
            tip = [f"{m.label}: not measured for this source"]
        elif direction and hi > lo and len(finite) > 1:
            t = max(-1.0, min(1.0, (v - mean) / scale)) * direction
            cell["style"] = _shade(t) if abs(v - mean) >= m.negligible else ""
            tip.append(rank_text(v, finite, direction, m.digits))
        if cell["detail"]:
            tip.append(cell["detail"])
        tip.append(m.help)
        cell["tip"] = " — ".join(tip)


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


def article_index(report, sources: pd.Series) -> dict[str, Any]:
    """The article list the page starts from, column by column (``report`` is a
    :class:`~analyser.report.collect.ReportData`): ``id``; ``short`` title; ``src``, the
    index of its source in ``page.sources``; ``named``, the index of its named outlet in
    ``outlets``; ``v``, the scorecard values flat (``len(measures)`` per article, rounded
    as the scorecard shows them, None where missing), for sorting and for the list; and
    ``view``, the reference of its stored view (-1: not stored). Also ``measures`` and the
    tables the views index into."""
    articles = report.articles
    cols = measures(articles)
    order = list(dict.fromkeys(sources.values))
    src_of = {label: i for i, label in enumerate(order)}
    outlets = StringTable()
    ids = [ident for ident, _, _ in report.index]
    unique = articles.drop_duplicates("id")  # an id given twice: its first row
    by_id = unique.set_index(unique["id"].astype(str)).reindex(ids)
    values = [pd.to_numeric(by_id[m.name], errors="coerce").tolist() for m in cols]
    flat: list[float | None] = []
    for n in range(len(ids)):
        for m, column in zip(cols, values, strict=True):
            v = _finite(column[n])
            flat.append(None if v is None else round(v, m.digits))
    index = {
        "id": ids, "short": [short for _, short, _ in report.index],
        "src": [src_of.get(str(sources.get(i, i)), 0) for i in ids],
        "named": [outlets(named) for _, _, named in report.index],
        "v": flat, "view": list(report.views.refs),
    }
    tables = report.tables
    position = {s.name: k for k, s in enumerate(SCORECARD)}
    return {
        "categories": tables.categories,
        "styles": {c: category_style(c) for c in tables.categories},
        "kinds": list(BLOCK_KINDS),
        "codes": tables.codes.items,
        "measures": [{"name": m.label, "digits": m.digits, "help": m.help,
                      "k": position[m.name]} for m in cols],
        "outlets": outlets.items,
        "index": index,
        "stored": report.views.stored,
    }
