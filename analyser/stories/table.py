"""From analyses to stories: what grouping reads of each article, and the story table.

The story table has one row per article that belongs to a story (tidy, so it exports as
CSV and joins the articles frame on ``id``): ``story``, ``id``, ``outlet`` (its named
outlet, "" when the page names none), ``title``,
``published``, ``telling`` (False for a copy of another outlet's text, which is listed
with its story but never compared), ``copy_of``, ``outlets`` and ``tellings`` (how many
outlets and tellings the story has) and ``cohesion`` (the article's mean similarity to the
story's other tellings).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..outlets import named_outlet
from .grouping import Stories, StoryItem, group_stories
from .signature import story_signature

STORY_COLUMNS = (
    "story", "id", "outlet", "title", "published", "telling", "copy_of", "outlets",
    "tellings", "cohesion",
)


def story_item(analysis) -> StoryItem:
    """What grouping reads of one :class:`~analyser.Analysis`: title, text, outlet, date.
    An article whose page names no outlet is an outlet of its own (two unnamed pages are
    not known to come from one source)."""
    outlet = named_outlet(analysis.outlet) or f"\0{analysis.id}"
    return StoryItem(id=analysis.id, outlet=outlet,
                     signature=story_signature(analysis.title, analysis.text),
                     published=analysis.published)


def group_analyses(analyses: Sequence, **options) -> Stories:
    """:func:`group_stories` over analysed articles (the texts read only for copies)."""
    return group_stories((story_item(a) for a in analyses),
                         text_of=lambda i: analyses[i].text, **options)


def story_frame(analyses: Sequence, stories: Stories) -> pd.DataFrame:
    """The story table (see the module docstring), in story order then input order."""
    rows = []
    for i, a in enumerate(analyses):
        if not stories.story[i]:
            continue
        original = stories.copy_of[i]
        rows.append({
            "story": stories.story[i], "id": a.id, "outlet": named_outlet(a.outlet),
            "title": a.title or "", "published": a.published or "",
            "telling": original < 0,
            "copy_of": analyses[original].id if original >= 0 else "",
            "cohesion": stories.cohesion[i],
        })
    if not rows:
        return pd.DataFrame(columns=list(STORY_COLUMNS))
    df = pd.DataFrame(rows, columns=[c for c in STORY_COLUMNS
                                     if c not in ("outlets", "tellings")])
    # A boolean mask (an empty frame's object column would select columns instead).
    tellings = df[df["telling"].astype(bool)]
    # Unnamed outlets are each their own source here, as grouping took them.
    keys = tellings["outlet"].where(tellings["outlet"] != "", "\0" + tellings["id"])
    df["outlets"] = df["story"].map(keys.groupby(tellings["story"]).nunique()).astype("Int64")
    df["tellings"] = df["story"].map(tellings.groupby("story").size()).astype("Int64")
    df["_order"] = df["story"].str.removeprefix("story-").astype(int)
    df = df.sort_values(["_order"], kind="stable").drop(columns="_order")
    return df[list(STORY_COLUMNS)].reset_index(drop=True)
