"""Rendering the report page with jinja2 (autoescape on) and writing it atomically."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import jinja2

from ..export import write_text_atomic
from ..version import RULESET_VERSION, __version__
from . import figures

SCORECARD = [
    ("consensus_grade", "Grade (consensus)", "Median of seven grade formulas; higher = harder."),
    ("flesch_reading_ease", "Flesch reading ease", "0–100; higher = easier."),
    ("words_per_sentence", "Words / sentence", "Mean words per prose sentence."),
    ("long_sentence_ratio", "Long sentences", "Share of prose sentences over 25 words."),
    ("words", "Words", "Words in prose sentences."),
]


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("analyser.report", "templates"),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        undefined=jinja2.StrictUndefined,
    )


@lru_cache(maxsize=1)
def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def default_report_path(inputs: Sequence[str]) -> Path:
    """``reports/<first input's name>-report.html``."""
    stem = Path(inputs[0]).stem if inputs else "analyser"
    stem = re.sub(r"[^\w.-]+", "-", stem).strip("-") or "analyser"
    return Path("reports") / f"{stem}-report.html"


def _labels(articles) -> dict[str, str]:
    """A short label per article: the outlet, or outlet + id where outlets repeat."""
    counts = articles["outlet"].value_counts()
    return {
        row.id: row.outlet if counts[row.outlet] == 1 and row.outlet else f"{row.outlet or 'source'} · {row.id}"
        for row in articles.itertuples()
    }


def render_report(corpus, inputs: Sequence[str] = ()) -> str:
    """The report page as one HTML string."""
    articles = corpus.articles.copy()
    labels = _labels(articles)
    articles["label"] = articles["id"].map(labels)
    charts = [
        ("grade-by-formula", figures.grade_by_formula(articles),
         "Where the bars of one source stand above the others, every formula agrees it is harder to read."),
        ("sentence-grades", figures.sentence_grades(corpus.sentences, labels),
         "Each dot is a sentence: a tall spread means the source mixes easy lines with very hard ones."),
    ]
    rows = []
    for _, r in articles.iterrows():
        rows.append({"label": r["label"], "id": r["id"], "title": r.get("title") or "",
                     "cells": [(col, r.get(col)) for col, _, _ in SCORECARD]})
    html = _environment().get_template("report.html.j2").render(
        version=__version__,
        ruleset=RULESET_VERSION,
        generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        inputs=list(inputs),
        columns=SCORECARD,
        rows=rows,
        charts=[{"id": cid, "caption": cap, "json": json.loads(fig.to_json())}
                for cid, fig, cap in charts],
        errors=[str(e) for e in corpus.errors],
        plotly_js=_plotly_js(),
    )
    return html


def write_report(corpus, path: str | Path, inputs: Sequence[str] = ()) -> Path:
    """Render and write the report atomically (temporary file, then rename)."""
    return write_text_atomic(path, render_report(corpus, inputs))
