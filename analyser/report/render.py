"""Rendering the report page with jinja2 (autoescape on) and writing it atomically.

The page is self-contained: plotly.js, the stylesheet and the page script are inlined
once; figures and article data travel as JSON inside ``<script type="application/json">``
(serialised by jinja2's ``tojson``, which escapes ``<``, ``>``, ``&`` and ``'``, so no
article text can close the script element); the page script builds article views with
``textContent`` and ``createElement`` only.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2
import pandas as pd
from markupsafe import Markup

from ..catalog import CATEGORIES
from ..export import atomic_open, output_target
from ..ingest.sources import printable
from ..version import RULESET_VERSION, __version__
from . import data, figures, story_data
from .collect import from_corpus
from .findings_charts import bubble_note
from .grade_charts import violin_note
from .sources import is_grouped, source_labels
from .style import category_style


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("analyser.report", "templates"),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        undefined=jinja2.StrictUndefined,
    )
    # Compact JSON (the corpus blob is large); allow_nan=False: NaN is not JSON.
    env.policies["json.dumps_kwargs"] = {
        "sort_keys": False, "separators": (",", ":"), "ensure_ascii": False,
        "allow_nan": False,
    }
    return env


@lru_cache(maxsize=1)
def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    # Inside a <script> element only "</script" (any case) could end it early.
    return re.sub(r"</(script)", r"<\\/\1", get_plotlyjs(), flags=re.IGNORECASE)


@lru_cache(maxsize=2)
def _asset(name: str) -> str:
    return (files("analyser.report") / "templates" / name).read_text(encoding="utf-8")


def default_report_path(inputs: Sequence[str]) -> Path:
    """``reports/<first input's name>-report.html``."""
    stem = Path(inputs[0]).stem if inputs else "analyser"
    stem = re.sub(r"\.(jsonl|json|csv)$", "", stem)
    stem = re.sub(r"[^\w.-]+", "-", stem).strip("-") or "analyser"
    return Path("reports") / f"{stem}-report.html"


def _json_safe(value: Any) -> Any:
    """Replace NaN/inf (not JSON) by None, recursively."""
    if isinstance(value, float):
        return value if value == value and value not in (float("inf"), float("-inf")) else None
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    return value


#: Charts drawn from the sentences: their captions state the sentence sample, if any.
SENTENCE_CHARTS = frozenset({"sentence-grades", "novelty-curves"})
#: Charts of one violin per outlet: their captions state the violins' sample, if any.
VIOLIN_CHARTS = frozenset({"grade-distribution", "padding-distribution"})
#: Near-duplicate groups listed at most (``analyser duplicates`` lists them all).
MAX_DUPLICATE_GROUPS = 100


def build_charts(corpus, sources, sample_note: str = "") -> tuple[list[dict], list[dict]]:
    """Every chart that has data: ``[{id, caption, figure}]``, and the skipped ones with
    the reason. ``sample_note`` is added to the captions of the sentence-level charts."""
    charts, skipped = [], []
    grouped = is_grouped(sources)
    for chart_id, function, _ in figures.CHARTS:
        try:
            fig = function(corpus, sources)
        except figures.NotApplicable:
            continue
        except figures.NoData as exc:
            skipped.append({"id": chart_id, "reason": str(exc)})
            continue
        text = figures.caption(chart_id, grouped)
        note = sample_note if chart_id in SENTENCE_CHARTS else \
            bubble_note(len(sources)) if chart_id == "readability-vs-filler" else \
            violin_note(sources) if chart_id in VIOLIN_CHARTS else ""
        if note:
            text = f"{text} {note}"
        charts.append({"id": chart_id, "caption": text,
                       "figure": _json_safe(json.loads(fig.to_json()))})
    return charts, skipped


def _duplicates(report, sources) -> tuple[list[dict], int]:
    """The near-duplicate groups listed (at most :data:`MAX_DUPLICATE_GROUPS`) and how
    many there are."""
    groups = report.duplicates
    return [{"similarity": float(g["similarity"]),
             "members": [{"id": i, "label": str(sources.get(i, i)),
                          "title": report.titles.get(i, i)} for i in g["ids"]]}
            for g in groups[:MAX_DUPLICATE_GROUPS]], len(groups)


def _effects(corpus, articles, sources):
    """The outlets' effects that judge the scorecard in corpus mode: on shared stories when
    enough are shared, else over all articles (:func:`analyser.stories.outlet_effects`);
    None with one article per source."""
    from ..stories import outlet_effects

    if not is_grouped(sources):
        return None
    arts = articles.assign(outlet=articles["id"].astype(str).map(sources))
    stories = getattr(corpus, "stories", None)
    if stories is None or stories.empty:
        stories = pd.DataFrame(columns=["story", "id", "outlet", "telling"])
    else:
        named = stories["outlet"] != ""  # unnamed pages are never one outlet
        stories = stories.assign(outlet=stories["id"].astype(str).map(sources).where(named, ""))
    return outlet_effects(arts, stories)


def _comparison_method() -> dict[str, int]:
    """The numbers "How outlets are compared" states, from where they are declared."""
    from ..stories import grouping, paired

    return {"bootstrap": paired.BOOTSTRAP, "min_stories": paired.MIN_STORIES,
            "min_articles": paired.MIN_ARTICLES, "window_days": grouping.WINDOW_DAYS}


def _render(report, inputs: Sequence[str], title: str | None, views: Any) -> str:
    """The page, with ``views`` as the page data's ``views`` (the stored blocks, or a
    placeholder the writer streams them in for)."""
    articles = report.articles
    sources = source_labels(articles)
    charts, skipped = build_charts(report, sources, report.sample.note())
    stories = story_data.story_section(report, sources)
    story_chart = stories["chart"] if stories else None
    if story_chart:
        story_chart["figure"] = _json_safe(story_chart["figure"])
    card = data.scorecard(articles, sources, _effects(report, articles, sources))
    blob = data.article_index(report, sources)
    outlets = list(dict.fromkeys(sources.values))
    words = int(articles["words"].sum()) if "words" in articles else 0
    duplicates, n_duplicates = _duplicates(report, sources)
    n_articles = len(report.index)
    return _environment().get_template("report.html.j2").render(
        title=title or "Readability and padding report",
        version=__version__,
        ruleset=RULESET_VERSION,
        generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        inputs=[printable(item) for item in inputs],
        n_articles=n_articles,
        n_sources=len(outlets),
        words=words,
        grouped=card["grouped"],
        scorecard=card,
        comparison=_comparison_method(),
        charts=charts,
        skipped=skipped,
        duplicates=duplicates,
        n_duplicates=n_duplicates,
        stored_views=blob["stored"],
        stories=stories,
        categories=[(c, category_style(c)) for c in blob["categories"]],
        category_help={c.name: c.help for c in CATEGORIES},
        errors=[str(e) for e in report.errors],
        plotly_js=Markup(_plotly_js()),
        css=Markup(_asset("report.css")),
        script=Markup(_asset("report.js")),
        page={"charts": [{"id": c["id"], "figure": c["figure"]} for c in charts]
              + ([story_chart] if story_chart else []),
              "stories": stories["page"] if stories else None,
              "sources": [{"label": s, "key": r["key"]}
                          for s, r in zip(outlets, card["rows"], strict=True)],
              "grouped": card["grouped"], **blob, "views": views},
    )


def render_report(corpus, inputs: Sequence[str] = (), title: str | None = None) -> str:
    """The report page as one HTML string. ``corpus`` is an :class:`analyser.Corpus` or
    the report's streamed data (:class:`~analyser.report.collect.ReportData`)."""
    report = from_corpus(corpus)
    return _render(report, inputs, title, list(report.views.blocks()))


def write_report(corpus, path: str | Path, inputs: Sequence[str] = (),
                 title: str | None = None) -> Path:
    """Render and write the report atomically (temporary file, then rename). The path is
    checked first (:func:`~analyser.export.output_target`: never one of ``inputs``, a
    folder or a device), so a bad one fails before the page is rendered.

    The article views are written a block at a time from where they were stored, so the
    page is never held in memory with them."""
    output_target(path, inputs=inputs)
    report = from_corpus(corpus)
    marker = f"views-{uuid.uuid4().hex}"
    html = _render(report, inputs, title, marker)
    # The marker is a JSON string in the page data: nothing else in the page holds it.
    head, tail = html.split(json.dumps(marker), 1)
    with atomic_open(path, inputs=inputs) as fh:
        fh.write(head)
        fh.write("[")
        for k, block in enumerate(report.views.blocks()):
            fh.write(("," if k else "") + '"' + block + '"')
        fh.write("]")
        fh.write(tail)
    return Path(path)
