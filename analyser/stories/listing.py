"""``analyser stories`` output: the story table as JSON records and as text lines."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pandas as pd


def story_groups(table: pd.DataFrame, sources: Mapping[str, str]) -> list[dict]:
    """One record per story: ``story``, ``outlets``, ``tellings`` and its ``articles``
    (id, outlet, title, published, telling, copy_of, cohesion, source), in story order."""
    return [
        {"story": story, "outlets": int(rows["outlets"].iloc[0]),
         "tellings": int(rows["tellings"].iloc[0]),
         "articles": [{"id": r.id, "outlet": r.outlet, "title": r.title,
                       "published": r.published, "telling": bool(r.telling),
                       "copy_of": r.copy_of, "cohesion": float(r.cohesion),
                       "source": sources.get(r.id, "")}
                      for r in rows.itertuples()]}
        for story, rows in table.groupby("story", sort=False)
    ]


def story_lines(groups: list[dict], articles: int, *, ignored_dates: bool = False
                ) -> Iterator[str]:
    """The text listing: a heading per story, a line per article, then a summary."""
    for g in groups:
        dates = sorted(a["published"] for a in g["articles"] if a["published"])
        when = f"; {dates[0][:10]} to {dates[-1][:10]}" if dates else ""
        yield f"{g['story']} ({g['outlets']} outlets, {g['tellings']} tellings{when}):"
        for a in g["articles"]:
            outlet = a["outlet"] or "outlet not named"
            copy = f" copy of {a['copy_of']}," if a["copy_of"] else ""
            yield f"  {a['id']} [{outlet}]{copy} {a['title'] or ''}  ({a['source']})"
    in_stories = sum(len(g["articles"]) for g in groups)
    noun = "story" if len(groups) == 1 else "stories"
    yield (f"{articles} articles, {len(groups)} {noun} told by two or more outlets "
           f"({in_stories} articles)" + (" — dates ignored" if ignored_dates else ""))
