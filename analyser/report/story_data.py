"""The page model of the report's "Same story, different outlets" section: the counts its
lede states, the story list and the compact data the page script builds a story's
tellings from.

Shown only when :attr:`analyser.Corpus.paired` has rows (some story is told by two or
more named outlets). Copies of another outlet's text are listed with their story, marked
as copies, never as tellings. Plain Python data only (str, int, float, list, dict), for
jinja2's ``tojson``; untrusted strings stay strings.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pandas as pd

from ..catalog import SCORE
from ..outlets import named_outlet
from ..stories.grouping import parse_date
from ..stories.paired import MIN_STORIES, story_values
from .frames import NoData
from .story_charts import outlet_effects_chart, outlet_order

#: The measures a telling's column shows, after its outlet and title (then its findings).
TELLING_MEASURES = ("readability_grade", "padding_index")
#: How an article whose page names no outlet is listed.
UNNAMED = "(outlet not named)"
#: The chart's id in the page (its element is ``chart-<id>``).
CHART_ID = "outlet-effects"


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _value(by_id: pd.DataFrame, article_id: str, measure: str) -> str:
    """A telling's value of ``measure`` as the scorecard writes it, "—" when it has none."""
    if measure not in by_id or article_id not in by_id.index:
        return "—"
    value = pd.to_numeric(pd.Series([by_id.at[article_id, measure]]), errors="coerce").iloc[0]
    if not math.isfinite(value):
        return "—"
    return f"{value:,.{SCORE[measure].digits}f}"


def _first_date(dates) -> str:
    """The earliest calendar date among ``dates`` (ISO strings), "" when none is known."""
    days = [d for d in (parse_date(_text(x)) for x in dates) if d is not None]
    return min(days).isoformat() if days else ""


def _story_row(index: int, group: pd.DataFrame) -> dict[str, Any]:
    """A story's row of the list: the first telling's title, the earliest date, the outlets
    that told it, and the copies of another outlet's text that ran with it. ``group`` is
    the story's rows of the story table, in the report's outlet order."""
    tellings = group[group["telling"].astype(bool)]
    copies = group[~group["telling"].astype(bool)]
    first = tellings if len(tellings) else group
    lead = first.loc[first.index.min()]  # the first telling in the corpus
    told = [o or UNNAMED for o in tellings["outlet"]]
    return {
        "n": index, "story": str(lead["story"]),
        "title": _text(lead["title"]) or str(lead["id"]),
        "date": _first_date(tellings["published"]),
        "outlets": list(dict.fromkeys(told)),
        "tellings": len(tellings),
        "copies": list(dict.fromkeys(o or UNNAMED for o in copies["outlet"])),
    }


def _story_tellings(group: pd.DataFrame, by_id: pd.DataFrame,
                    findings: dict[str, int]) -> dict[str, list[list[Any]]]:
    """A story's data for the page script: per telling ``[article id, outlet, title,
    published, grade, padding index, findings]`` (values as the scorecard writes them), per
    copy ``[article id, outlet, title, outlet of the text it copies]``."""
    tellings, copies = [], []
    outlet_of = {str(i): named_outlet(o) or UNNAMED
                 for i, o in zip(group["id"], group["outlet"], strict=True)}
    for r in group.itertuples(index=False):
        ident, outlet = str(r.id), named_outlet(r.outlet) or UNNAMED
        if bool(r.telling):
            tellings.append([ident, outlet, _text(r.title), _text(r.published)[:10],
                             *(_value(by_id, ident, m) for m in TELLING_MEASURES),
                             findings.get(ident, 0)])
        else:
            copies.append([ident, outlet, _text(r.title),
                           outlet_of.get(_text(r.copy_of), UNNAMED)])
    return {"t": tellings, "c": copies}


def story_section(corpus, sources=None) -> dict[str, Any] | None:
    """The section's model, or None when no story is shared (``corpus.paired`` is empty).

    ``chart`` is the forest plot as ``{id, figure}`` (None when it has nothing to draw),
    ``rows`` the story list, ``page`` what the page script reads (``labels`` of a
    telling's values; per story, in list order, its tellings and copies), and the counts
    the lede states.
    """
    paired = getattr(corpus, "paired", None)
    if paired is None or paired.empty:
        return None
    stories, articles = corpus.stories, corpus.articles
    try:
        figure = json.loads(outlet_effects_chart(corpus, sources).to_json())
        chart: dict[str, Any] | None = {"id": CHART_ID, "figure": figure}
    except NoData:
        chart = None
    unique = articles.drop_duplicates("id")
    by_id = unique.set_index(unique["id"].astype(str))
    findings = ({str(i): int(n) for i, n in zip(unique["id"], unique["findings"], strict=True)}
                if "findings" in unique else
                {a.id: len(a.findings) for a in getattr(corpus, "analyses", [])})
    # Tellings in the report's outlet order (unnamed outlets last), so columns line up.
    rank = {o: i for i, o in enumerate(outlet_order(corpus, set(stories["outlet"]) - {""}))}
    stories = stories.assign(_rank=stories["outlet"].map(rank).fillna(len(rank)))
    rows, items = [], []
    for n, (_, group) in enumerate(stories.groupby("story", sort=False)):
        group = group.sort_values("_rank", kind="stable")
        rows.append(_story_row(n, group))
        items.append(_story_tellings(group, by_id, findings))
    compared = story_values(articles, stories)
    return {
        "chart": chart, "rows": rows,
        "n_stories": len(rows),
        "n_compared": int(compared["story"].nunique()) if len(compared) else 0,
        "n_outlets": int(paired["outlet"].nunique()),
        "n_copies": int((~stories["telling"].astype(bool)).sum()),
        "min_stories": MIN_STORIES,
        "page": {"labels": [SCORE[m].label for m in TELLING_MEASURES] + ["Findings"],
                 "items": items},
    }
