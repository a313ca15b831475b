"""Clean a plain-text page (.txt, .md, stdin): keep the article's lines, remove furniture.

Each line gets a probability of being article text from the shipped line model (features in
features.py); rules that are cheap and certain then override it: furniture phrases, profile
cards with personal data, share bars, tag clouds, tables of contents, comment sections, and
repeated lines:

- within the page, a repeated menu item, label or title goes as "duplicate"; a repeated
  paragraph stays (every copy), as it is the writer's padding for the repetition measures;
- across the outlet's other pages (``siblings``; copies of this same story left out), a
  repeated line is furniture outside the article's core, and inside it only when most of
  the pages, and at least three, hold it: two articles may share a background paragraph.

Headings are kept only when they lead into the article's prose. Every removed line is
recorded with its reason (its contact details redacted).

The page's lines and what is decided about each live in one state (text_lines.py); the
steps are passes over it (text_passes.py), run in the order ``PASSES`` lists.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence

from ..errors import NoArticleError
from ..models import Block, CleanResult, Removed
from .blocks import (
    byline_author,
    ends_sentence,
    has_article,
    is_byline,
    looks_like_heading,
    title_case_ratio,
)
from .model import LineModel, StackedModel
from .personal_data import REDACTED, is_contact_block, redact
from .reasons import positional_reason
from .text_lines import PageLine, TextPage, read_page, score_lines
from .text_passes import (
    apply_model,
    drop_comment_section,
    drop_headline_lists,
    extend_downwards,
    extend_upwards,
    fill_article,
    find_core,
    keep_every_copy,
    keep_headings,
    keep_short_page_prose,
    keep_tables,
    keep_title,
    keep_title_slot,
    mark_contents,
    mark_furniture,
    mark_profiles,
    place_bylines,
    smooth_lists,
)

#: The cleaning algorithm, in order: rules decide the lines they are sure of, the model
#: keeps what it thinks is article text, and the article grows from its kept prose.
PASSES: tuple[Callable[[TextPage], None], ...] = (
    mark_profiles,
    find_core,
    mark_contents,
    mark_furniture,
    apply_model,
    keep_short_page_prose,
    smooth_lists,
    drop_comment_section,
    fill_article,
    extend_upwards,
    extend_downwards,
    keep_every_copy,
    drop_headline_lists,
    keep_tables,
    keep_headings,
    keep_title,
    keep_title_slot,
    place_bylines,
)


def clean_text_page(
    raw: str,
    *,
    title: str | None = None,
    siblings: Sequence[str] = (),
    model: LineModel | StackedModel | None = None,
    threshold: float = 0.5,
    heading_floor: float = 0.2,
) -> CleanResult:
    """Split a text page into article blocks and removed furniture (with reasons).

    ``threshold`` is the model probability above which a line is article text;
    ``heading_floor`` the lower one a heading needs when it leads into kept prose.
    """
    page = read_page(raw)
    page.threshold, page.heading_floor = threshold, heading_floor
    score_lines(page, siblings, model)
    for step in PASSES:
        step(page)
    blocks = [Block(ln.text, _kind(ln)) for ln in page.lines if ln.keep]
    if not has_article([b.text for b in blocks]):
        raise NoArticleError("no article text found")
    found_title = title
    if found_title is None and blocks[0].kind == "heading":
        found_title = blocks[0].text
    author = next((a for a in (byline_author(b.text) for b in blocks if b.kind == "byline")
                   if a), None)
    return CleanResult(blocks=blocks, removed=_removed(page), title=found_title, author=author)


def split_preclean(raw: str, *, title: str | None = None) -> CleanResult:
    """Already-clean text (corpus rows): no furniture removal, just typed blocks."""
    page = read_page(raw, keep=True)
    for i, ln in enumerate(page.lines):
        ln.heading = (not ln.bullet and not ln.table and looks_like_heading(ln.text)
                      and not is_byline(ln.text) and page.leads_into_prose(i))
        ln.byline = i < 3 and is_byline(ln.text)
    return CleanResult(blocks=[Block(ln.text, _kind(ln)) for ln in page.lines], removed=[],
                       title=title)


def _kind(line: PageLine) -> str:
    if line.byline:
        return "byline"
    if line.table:
        return "table_row"
    if line.bullet:
        return "list_item"
    return "heading" if line.heading else "prose"


def _removed(page: TextPage) -> list[Removed]:
    """The removed lines with their reasons, contact details redacted; a profile card (or
    any run of contact lines) is recorded once."""
    lines = page.lines
    last_kept = max((i for i, ln in enumerate(lines) if ln.keep), default=-1)
    bios = [i for i, ln in enumerate(lines) if ln.reason == "author bio"]
    removed: list[Removed] = []
    profile_open = False
    for i, ln in enumerate(lines):
        if ln.keep:
            profile_open = False
            continue
        if ln.profile or (ln.reason != "comment form" and is_contact_block(ln.text)):
            if not profile_open:
                removed.append(Removed(REDACTED, "profile"))
            profile_open = True
            continue
        profile_open = False
        previous = removed[-1].reason if removed else None
        removed.append(Removed(redact(ln.text), _removal_reason(page, i, last_kept, bios,
                                                                previous)))
    return removed


def _removal_reason(page: TextPage, i: int, last_kept: int, bios: list[int],
                    previous: str | None) -> str:
    """A removed line's reason: the rule's, or one guessed from where the line sits."""
    ln = page.lines[i]
    if ln.reason is not None and not ln.guessed:
        return ln.reason
    why = ln.reason or _guess_reason(page, i, last_kept, previous)
    if (previous == "related links" and i > last_kept and not ends_sentence(ln.text)
            and len(ln.words) <= 20):
        why = "related links"  # the headlines under a "Related Articles" header
    if len(ln.words) <= 4 and any(_next_to(page, b, i) for b in _bios_near(bios, i)):
        why = "author bio"  # the author's name and role next to a bio
    return why


def _bios_near(bios: list[int], i: int) -> list[int]:
    """The bios (ascending line numbers) within three lines of line ``i``: a binary
    search, so a page of many bios is not compared line by line with each."""
    return bios[bisect_left(bios, i - 3):bisect_left(bios, i + 4)]


def _next_to(page: TextPage, bio: int, i: int) -> bool:
    """Line ``i`` sits within three lines of the bio, with only undecided lines between."""
    return abs(bio - i) <= 3 and all(
        ln.reason in (None, "author bio") or ln.guessed
        for ln in page.lines[min(bio, i) + 1:max(bio, i)])


def _guess_reason(page: TextPage, i: int, last_kept: int, previous: str | None) -> str:
    """Why the model removed a line, from its shape and where it sits."""
    ln = page.lines[i]
    if i < page.first_prose:
        return "navigation" if len(ln.words) <= 6 or ln.bullet else "related links"
    if i > last_kept:
        if ln.bullet or title_case_ratio(ln.text) >= 0.6:
            return "related links"
        return "footer"
    return positional_reason(ln.text, "inside", previous)
