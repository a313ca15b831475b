"""The passes that clean a text page, each over the whole page (text_lines.TextPage).

text_page.PASSES lists them in the order they run. A rule that is cheap and certain marks
a line ``decided``, and no later pass overrides it; the model's verdict (``keep``) is then
smoothed and grown into the article: whole lists, prose between kept paragraphs, headings
that lead into prose, the title, and bylines next to the article's start.
"""

from __future__ import annotations

from collections.abc import Iterable

from .blocks import ends_sentence, is_byline, looks_like_heading, runs, title_case_ratio
from .features import furniture_reason
from .personal_data import profile_spans
from .reasons import comment_header, line_reason, looks_like_menu_item
from .text_lines import PageLine, TextPage

#: Inside the article, a line repeated on other pages is furniture only when at least this
#: many pages (this one included) hold it, and they are most of the outlet's pages.
MIN_FURNITURE_PAGES = 3
#: A page of at most this many lines is one short article or nothing: its prose is kept
#: whatever the model says (the model learnt from whole web pages, hundreds of lines).
SHORT_PAGE_LINES = 5


# Rules: lines decided by what they say, before the model is consulted.

def mark_profiles(page: TextPage) -> None:
    """Profile cards with personal data (contact details next to a name) go as "profile"."""
    for s, e in profile_spans([ln.text for ln in page.lines]):
        for ln in page.lines[s:e]:
            ln.reason, ln.decided, ln.profile = "profile", True, True


def find_core(page: TextPage) -> None:
    """The article's core before any cross-page rule: prose the model keeps that no other
    page holds. Lines other pages hold are furniture outside it; inside it, only when most
    of the outlet's pages hold them."""
    core = [i for i, ln in enumerate(page.lines)
            if ln.prose and ln.prob >= page.threshold and not ln.decided
            and page.others.count(ln.key) == 0 and furniture_reason(ln.text) is None]
    page.core = (core[0], core[-1]) if core else (len(page.lines), -1)


def mark_contents(page: TextPage) -> None:
    """Table-of-contents entries go as "navigation": short list items repeating a later
    line, in a list most of whose items do (a list of headlines with one story repeated
    further down the page is a headline box, not a table of contents)."""
    lines = page.lines
    later = {ln.key: i for i, ln in enumerate(lines) if ln.key and not ln.bullet}
    for i, j in runs([ln.bullet for ln in lines]):
        hits = [k for k in range(i, j) if lines[k].key and later.get(lines[k].key, -1) > k
                and len(lines[k].key.split()) <= 15]
        if 2 * len(hits) >= j - i:
            for k in hits:
                if not lines[k].decided:
                    lines[k].reason, lines[k].decided = "navigation", True


def mark_furniture(page: TextPage) -> None:
    """Furniture phrases, share bars and the like, lines the outlet's other pages repeat,
    and repeated menu items, labels and titles (a repeated paragraph stays, so that the
    repetition measures see it)."""
    seen: set[str] = set()
    for i, ln in enumerate(page.lines):
        if ln.decided:
            continue
        reason = line_reason(ln.text)
        if reason is None and ln.key:
            reason = _cross_page_reason(page, i)
        if reason is None and ln.key in seen and not ln.prose:
            reason = "duplicate"
        if reason is not None:
            ln.reason, ln.decided = reason, True
        if ln.key:
            seen.add(ln.key)


def _cross_page_reason(page: TextPage, i: int) -> str | None:
    """Furniture because the outlet's other pages repeat the line: anywhere outside the
    article's core; inside it only when most pages (and at least three) hold it."""
    ln = page.lines[i]
    if len(ln.words) <= 1:
        return None
    count = page.others.count(ln.key)
    if not count:
        return None
    core_lo, core_hi = page.core
    on_most = count + 1 >= MIN_FURNITURE_PAGES and 2 * (count + 1) > page.others.pages
    if core_lo <= i <= core_hi and not on_most:
        return None
    if i < core_lo and core_lo <= core_hi:
        return "navigation"
    if i > core_hi and core_lo <= core_hi:
        return "footer"
    return "navigation" if i / max(len(page.lines) - 1, 1) < 0.5 else "footer"


# The model's verdict, smoothed.

def apply_model(page: TextPage) -> None:
    """Keep the lines no rule decided that the model thinks are article text."""
    for ln in page.lines:
        ln.keep = not ln.decided and ln.prob >= page.threshold


def keep_short_page_prose(page: TextPage) -> None:
    """On a page of a few lines (a headline, a byline, a paragraph), every paragraph of
    running text that no rule removed is article text; so is a page's only line (a short
    sentence, a run-on paragraph without punctuation), unless a rule removed it: the model
    learnt from whole web pages and has no context to judge a line alone."""
    if len(page.lines) <= SHORT_PAGE_LINES:
        only = len(page.lines) == 1
        for ln in page.lines:
            if (ln.prose or only) and not ln.decided:
                ln.keep = True


def smooth_lists(page: TextPage) -> None:
    """A run of list items is kept or dropped as a whole, by majority (ties keep)."""
    for i, j in runs([ln.bullet for ln in page.lines]):
        open_ = [ln for ln in page.lines[i:j] if not ln.decided]
        if len(open_) >= 2:
            verdict = 2 * sum(ln.keep for ln in open_) >= len(open_)
            for ln in open_:
                ln.keep = verdict


def drop_comment_section(page: TextPage) -> None:
    """Below a comment-section header that follows the article ("Leave a Reply",
    "3 Comments"), nothing is article text: readers' comments go as "comment form", up to
    the first line some other rule removed (an advertisement, the page footer)."""
    lines = page.lines
    before_line: list[int] = []  # kept prose words before each line, once there is a header
    for h, header in enumerate(lines):
        kind = comment_header(header.text)
        if kind is None:
            continue
        before_line = before_line or _kept_prose_words_before(lines)
        before = before_line[h]
        if not before:
            continue  # a "Comments" link in a menu above the article
        if kind == "count" and before_line[-1] - before_line[h + 1] > before:
            continue  # a comment count above most of the article, not the comments below it
        in_section = True
        for ln in lines[h:]:
            if in_section and ln.reason not in (None, "comment form", "duplicate", "profile"):
                in_section = False
            ln.keep, ln.decided = False, True
            if in_section and ln.reason in (None, "duplicate"):
                ln.reason = "comment form"
        return


def _kept_prose_words_before(lines: list[PageLine]) -> list[int]:
    """Kept prose words before each line, and in all (the last item): summed once, as a
    page may hold many comment headers."""
    out = [0]
    for ln in lines:
        out.append(out[-1] + (len(ln.words) if ln.keep and ln.prose else 0))
    return out


# Growing the article from its kept prose.

def fill_article(page: TextPage) -> None:
    """Prose between the first and last kept paragraph is article text the model doubted."""
    span = page.kept_prose()
    if span is None:
        return
    for ln in page.lines[span[0]:span[1] + 1]:
        if not ln.decided and ln.prose:
            ln.keep = True


def extend_upwards(page: TextPage) -> None:
    """Grow the article up from its first kept paragraph (see _extend)."""
    span = page.kept_prose()
    if span is not None:
        _extend(page.lines[span[0] - 1::-1] if span[0] else [])


def extend_downwards(page: TextPage) -> None:
    """Grow the article down from its last kept paragraph (see _extend)."""
    span = page.kept_prose()
    if span is not None:
        _extend(page.lines[span[1] + 1:])


def _extend(lines: Iterable[PageLine]) -> None:
    """Grow the article outwards over prose, list items written as sentences, headings and
    bylines; stop at the first furniture line."""
    for ln in lines:
        if ln.decided:
            if ln.reason == "duplicate":
                continue  # a repeated title line sits between the title and the text
            return
        if ln.keep:
            continue
        if ln.prose or ln.bullet and len(ln.words) >= 8 and ends_sentence(ln.text):
            ln.keep = True
        elif is_byline(ln.text) or looks_like_heading(ln.text) or ln.table:
            continue  # decided later: headings lead into prose, bylines sit at the top, ...
        else:
            return


def keep_every_copy(page: TextPage) -> None:
    """A paragraph the article keeps once it keeps every time it repeats it: the
    repetition is the writer's, for the repetition measures to see."""
    kept = {ln.key for ln in page.lines if ln.keep and ln.prose}
    for ln in page.lines:
        if ln.prose and not ln.decided and ln.key in kept:
            ln.keep = True


def drop_headline_lists(page: TextPage) -> None:
    """Lists outside the article's prose: menus (short labels) are navigation; lists of
    headlines (3+ title-case items, no sentences) are "latest headlines" / "more stories"
    boxes; of other lists, only items written as sentences belong to the article."""
    span = page.kept_prose()
    if span is None:
        return
    lo, hi = span
    for i, j in runs([ln.bullet for ln in page.lines]):
        if not (j <= lo or i > hi):
            continue
        items = page.lines[i:j]
        headlines = sum(not ends_sentence(ln.text) and title_case_ratio(ln.text) >= 0.7
                        for ln in items)
        if all(looks_like_menu_item(ln.text) for ln in items):
            _remove(items, "navigation")
        elif len(items) >= 3 and headlines >= 0.75 * len(items):
            _remove(items, "related links")
        else:
            _remove([ln for ln in items if not (len(ln.words) >= 8 and ends_sentence(ln.text))],
                    "navigation" if j <= lo else "related links")


def _remove(lines: list[PageLine], why: str) -> None:
    """Remove lines no rule has decided yet, with a reason guessed from where they sit."""
    for ln in lines:
        if not ln.decided:
            ln.keep, ln.decided, ln.reason, ln.guessed = False, True, why, True


def keep_tables(page: TextPage) -> None:
    """Keep a table that sits inside the article: kept prose before and after it."""
    span = page.kept_prose()
    if span is None:
        return
    lo, hi = span
    for i, j in runs([ln.table for ln in page.lines]):
        rows = page.lines[i:j]
        if lo < i and j <= hi + 1 or (lo < i and any(ln.keep for ln in rows)):
            for ln in rows:
                ln.keep = ln.keep or not ln.decided


# Headings, the title and bylines.

def keep_headings(page: TextPage) -> None:
    """Keep headings that lead into the article's prose. Outside the prose, headings the
    model doubted need some support: teaser headlines above teaser text also "lead into
    prose"."""
    lo, hi = page.kept_prose() or (len(page.lines), -1)
    for i, ln in enumerate(page.lines):
        if ln.decided or ln.bullet or ln.table or is_byline(ln.text):
            continue
        if looks_like_heading(ln.text):
            supported = ln.keep or ln.prob >= page.heading_floor or lo < i < hi
            ln.heading = supported and page.leads_into_prose(i)
            ln.keep = ln.keep or ln.heading


def keep_title(page: TextPage) -> None:
    """The page's first line is its title when the article starts right below it, even in
    sentence case ("Claudia Sheinbaum rejects Trump's ... proposal")."""
    if not page.lines:
        return
    first = page.lines[0]
    if first.decided or first.keep or ends_sentence(first.text) and first.text[-1] == ".":
        return
    if len(first.words) <= 25 and any(ln.keep for ln in page.lines[1:4]):
        first.keep = first.heading = True


def keep_title_slot(page: TextPage) -> None:
    """The headline right above the article's first paragraph (past bylines and a repeated
    title) is kept whatever the model thought of it: it is the article's title."""
    first = _first_prose(page)
    if first == len(page.lines):
        return
    for i in range(first - 1, max(-1, first - 5), -1):
        ln = page.lines[i]
        if ln.keep and ln.heading:
            return
        if ln.decided:
            if ln.reason == "duplicate":
                continue
            return
        if is_byline(ln.text):
            continue
        if looks_like_heading(ln.text) and not ln.bullet and not ln.table:
            ln.keep = ln.heading = True
        return


def place_bylines(page: TextPage) -> None:
    """A byline belongs to the article only next to its start; elsewhere it is a bio."""
    page.first_prose = first = _first_prose(page)
    for i, ln in enumerate(page.lines):
        if not ln.decided and is_byline(ln.text):
            ln.byline = ln.keep = i <= first and first - i <= 3
            if not ln.keep:
                ln.reason = "author bio"


def _first_prose(page: TextPage) -> int:
    """The first kept line of prose or list item (the line count when there is none)."""
    return next((i for i, ln in enumerate(page.lines) if ln.keep and (ln.prose or ln.bullet)),
                len(page.lines))
