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
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..models import Block, CleanResult, Removed
from .blocks import (
    Line,
    byline_author,
    ends_sentence,
    has_article,
    is_byline,
    looks_like_heading,
    runs,
    split_lines,
    table_row_flags,
    title_case_ratio,
    words,
)
from .features import furniture_reason, line_features, normalise, stopwords
from .model import LineModel, StackedModel, default_model
from .personal_data import REDACTED, is_contact_block, profile_spans, redact
from .reasons import comment_header, line_reason, looks_like_menu_item, positional_reason

#: A sibling page holding more than this share of this page's prose is another copy of
#: the same story, not a page of furniture to compare against.
COPY_SHARE = 0.5
#: Inside the article, a line repeated on other pages is furniture only when at least this
#: many pages (this one included) hold it, and they are most of the outlet's pages.
MIN_FURNITURE_PAGES = 3


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
    lines = split_lines(raw)
    texts = [ln.text for ln in lines]
    n = len(texts)
    keys = [normalise(t) for t in texts]
    prose = [_is_prose(t) for t in texts]
    others = _SiblingLines(siblings, {k for k, p in zip(keys, prose, strict=True) if p and k})
    model = model or default_model()
    feats = line_features(texts, [ln.bullet for ln in lines],
                          [ln.blank_before for ln in lines], others.keys)
    probs = model.proba(feats) if model else [_fallback_prob(t) for t in texts]

    reason: list[str | None] = [None] * n
    hard = [False] * n  # a rule (not the model) decided: never override
    profile = [False] * n
    soft: set[int] = set()  # reasons guessed from where a line sits, not from what it says
    for s, e in profile_spans(texts):
        for i in range(s, e):
            reason[i], hard[i], profile[i] = "profile", True, True
    toc = _toc_entries(lines, keys)
    # The article's core before any cross-page rule: prose the model keeps that no other
    # page holds. Lines other pages hold are furniture outside it; inside it, only when
    # most of the outlet's pages hold them.
    core = [i for i in range(n) if prose[i] and probs[i] >= threshold and not hard[i]
            and others.count(keys[i]) == 0 and furniture_reason(texts[i]) is None]
    core_lo, core_hi = (core[0], core[-1]) if core else (n, -1)
    seen: set[str] = set()
    for i, t in enumerate(texts):
        if hard[i]:
            continue
        r = line_reason(t)
        if r is None and keys[i]:
            r = _cross_page_reason(i, keys[i], words(t), others, core_lo, core_hi,
                                   i / max(n - 1, 1))
        if i in toc:
            r = "navigation"
        elif keys[i] and keys[i] in seen and r is None and not prose[i]:
            # Repeated menus, labels and titles go; a repeated paragraph stays, so that the
            # repetition measures see it.
            r = "duplicate"
        if r is not None:
            reason[i], hard[i] = r, True
        if keys[i] and i not in toc:
            seen.add(keys[i])

    keep = [not hard[i] and probs[i] >= threshold for i in range(n)]
    _smooth_lists(lines, keep, hard)
    _drop_comment_section(texts, keep, hard, reason, prose)
    table = table_row_flags(texts)
    kept_prose = [i for i in range(n) if keep[i] and prose[i]]
    if kept_prose:
        lo, hi = kept_prose[0], kept_prose[-1]
        _fill(lo, hi, keep, hard, prose)
        _extend(range(lo - 1, -1, -1), texts, lines, keep, hard, reason, prose, table)
        _extend(range(hi + 1, n), texts, lines, keep, hard, reason, prose, table)
        _keep_every_copy(keys, keep, hard, prose)
        kept_prose = [i for i in range(n) if keep[i] and prose[i]]
        _drop_headline_lists(lines, keep, hard, reason, soft, kept_prose[0], kept_prose[-1])
    _keep_tables(table, keep, hard, prose)
    heading = [False] * n
    kept_prose = [i for i in range(n) if keep[i] and prose[i]]
    lo, hi = (kept_prose[0], kept_prose[-1]) if kept_prose else (n, -1)
    for i in range(n):
        if hard[i] or lines[i].bullet or table[i] or is_byline(texts[i]):
            continue
        if looks_like_heading(texts[i]):
            # Outside the article's prose, headings the model doubted need some support:
            # teaser headlines above teaser text also "lead into prose".
            supported = keep[i] or probs[i] >= heading_floor or lo < i < hi
            heading[i] = supported and _leads_into_prose(i, texts, keep, hard, prose, table)
            keep[i] = keep[i] or heading[i]
    _keep_title(texts, keep, hard, heading)
    _keep_title_slot(texts, lines, keep, hard, reason, heading, prose, table)
    first_prose = next((i for i in range(n) if keep[i] and (prose[i] or lines[i].bullet)), n)
    byline = [False] * n
    for i in range(n):
        if not hard[i] and is_byline(texts[i]):
            # A byline belongs to the article only next to its start; elsewhere it is a bio.
            byline[i] = keep[i] = i <= first_prose and first_prose - i <= 3
            if not keep[i]:
                reason[i] = "author bio"

    blocks: list[Block] = []
    removed: list[Removed] = []
    profile_open = False
    last_kept = max((i for i in range(n) if keep[i]), default=-1)
    bios = [i for i in range(n) if reason[i] == "author bio"]
    for i, t in enumerate(texts):
        if keep[i]:
            profile_open = False
            blocks.append(Block(t, _kind(lines[i], heading[i], table[i], byline[i])))
            continue
        in_comments = reason[i] == "comment form"
        if profile[i] or (not in_comments and is_contact_block(t)):
            if not profile_open:
                removed.append(Removed(REDACTED, "profile"))
            profile_open = True
            continue
        profile_open = False
        guessed = reason[i] is None or i in soft
        previous = removed[-1].reason if removed else None
        why = reason[i] or _guess_reason(i, lines, first_prose, last_kept, previous)
        if (guessed and previous == "related links" and i > last_kept
                and not ends_sentence(t) and len(words(t)) <= 20):
            why = "related links"  # the headlines under a "Related Articles" header
        if guessed and len(words(t)) <= 4 and any(
                abs(b - i) <= 3 and all(reason[k] in (None, "author bio") or k in soft
                                        for k in range(min(b, i) + 1, max(b, i)))
                for b in bios):
            why = "author bio"  # the author's name and role next to a bio
        removed.append(Removed(redact(t), why))
    if not has_article([b.text for b in blocks]):
        from ..errors import NoArticleError

        raise NoArticleError("no article text found")
    found_title = title
    if found_title is None and blocks[0].kind == "heading":
        found_title = blocks[0].text
    author = next((a for a in (byline_author(b.text) for b in blocks if b.kind == "byline")
                   if a), None)
    return CleanResult(blocks=blocks, removed=removed, title=found_title, author=author)


def split_preclean(raw: str, *, title: str | None = None) -> CleanResult:
    """Already-clean text (corpus rows): no furniture removal, just typed blocks."""
    lines = split_lines(raw)
    texts = [ln.text for ln in lines]
    table = table_row_flags(texts)
    prose = [_is_prose(t) for t in texts]
    keep = [True] * len(texts)
    hard = [False] * len(texts)
    blocks = []
    for i, ln in enumerate(lines):
        heading = (not ln.bullet and not table[i] and looks_like_heading(ln.text)
                   and not is_byline(ln.text)
                   and _leads_into_prose(i, texts, keep, hard, prose, table))
        byline = i < 3 and is_byline(ln.text)
        blocks.append(Block(ln.text, _kind(ln, heading, table[i], byline)))
    return CleanResult(blocks=blocks, removed=[], title=title)


def _kind(line: Line, heading: bool, table: bool, byline: bool) -> str:
    if byline:
        return "byline"
    if table:
        return "table_row"
    if line.bullet:
        return "list_item"
    return "heading" if heading else "prose"


def _is_prose(text: str) -> bool:
    """A paragraph of running text: a sentence or more, mostly ordinary words."""
    ws = words(text)
    if len(ws) < 8 or not ends_sentence(text) or len(ws) < 20 and looks_like_heading(text):
        return False
    sw = stopwords()
    return sum(w.lower() in sw for w in ws) / len(ws) >= 0.15


def _fallback_prob(text: str) -> float:
    """Without a trained model: prose is article, everything else doubtful."""
    return 0.9 if _is_prose(text) else 0.3


class _SiblingLines:
    """The lines of the outlet's other pages, as normalised keys with page counts.

    A page holding most of this page's prose is another copy of the same story (with
    other furniture, say): it is left out, as its headline and paragraphs are this
    story's, not furniture.
    """

    def __init__(self, siblings: Sequence[str], own_prose: set[str]):
        pages: list[frozenset[str]] = []
        for page in dict.fromkeys(siblings):  # the same page twice is one page
            page_keys = frozenset(normalise(ln.text) for ln in split_lines(page)) - {""}
            copy = bool(own_prose) and len(own_prose & page_keys) > COPY_SHARE * len(own_prose)
            if not copy and page_keys not in pages:
                pages.append(page_keys)
        self.pages = len(pages) + 1  # this page too
        self.counts: Counter[str] = Counter()
        for page_keys in pages:
            self.counts.update(page_keys)
        self.keys = frozenset(self.counts)

    def count(self, key: str) -> int:
        """How many other pages hold the line."""
        return self.counts[key]


def _cross_page_reason(i: int, key: str, ws: list[str], others: _SiblingLines,
                       core_lo: int, core_hi: int, position: float) -> str | None:
    """Furniture because the outlet's other pages repeat the line: anywhere outside the
    article's core; inside it only when most pages (and at least three) hold it."""
    if len(ws) <= 1:
        return None
    count = others.count(key)
    if not count:
        return None
    inside = core_lo <= i <= core_hi
    on_most = count + 1 >= MIN_FURNITURE_PAGES and 2 * (count + 1) > others.pages
    if inside and not on_most:
        return None
    if i < core_lo and core_lo <= core_hi:
        return "navigation"
    if i > core_hi and core_lo <= core_hi:
        return "footer"
    return "navigation" if position < 0.5 else "footer"


def _toc_entries(lines: list[Line], keys: list[str]) -> set[int]:
    """Indices of table-of-contents entries: short list items repeating a later line, in a
    list most of whose items do (a list of headlines with one story repeated further down
    the page is a headline box, not a table of contents)."""
    later: dict[str, int] = {}
    for i, k in enumerate(keys):
        if k and not lines[i].bullet:
            later[k] = i
    entries = {i for i, k in enumerate(keys)
               if lines[i].bullet and k and later.get(k, -1) > i and len(k.split()) <= 15}
    out: set[int] = set()
    i, n = 0, len(lines)
    while i < n:
        if not lines[i].bullet:
            i += 1
            continue
        j = i
        while j < n and lines[j].bullet:
            j += 1
        hits = [k for k in range(i, j) if k in entries]
        if 2 * len(hits) >= j - i:
            out.update(hits)
        i = j
    return out


def _leads_into_prose(i: int, texts: list[str], keep: list[bool], hard: list[bool],
                      prose: list[bool], table: list[bool] | None = None) -> bool:
    """A heading leads into kept prose (or a kept table), through at most two more headings
    or bylines."""
    steps = 0
    for j in range(i + 1, min(len(texts), i + 6)):
        if hard[j] and not keep[j]:
            continue  # a removed duplicate title or ad between heading and text
        if keep[j] and (prose[j] or (table is not None and table[j])):
            return True
        if looks_like_heading(texts[j]) or is_byline(texts[j]):
            steps += 1
            if steps > 2:
                return False
            continue
        return keep[j] and not prose[j] and len(words(texts[j])) >= 8
    return False


def _keep_title(texts: list[str], keep: list[bool], hard: list[bool],
                heading: list[bool]) -> None:
    """The page's first line is its title when the article starts right below it, even in
    sentence case ("Claudia Sheinbaum rejects Trump's ... proposal")."""
    if not texts or hard[0] or keep[0] or ends_sentence(texts[0]) and texts[0][-1] == ".":
        return
    if len(words(texts[0])) <= 25 and any(keep[1:4]):
        keep[0] = heading[0] = True


def _keep_title_slot(texts: list[str], lines: list[Line], keep: list[bool], hard: list[bool],
                     reason: list[str | None], heading: list[bool], prose: list[bool],
                     table: list[bool]) -> None:
    """The headline right above the article's first paragraph (past bylines and a repeated
    title) is kept whatever the model thought of it: it is the article's title."""
    first = next((i for i in range(len(texts)) if keep[i] and (prose[i] or lines[i].bullet)),
                 None)
    if first is None:
        return
    for i in range(first - 1, max(-1, first - 5), -1):
        if keep[i] and heading[i]:
            return
        if hard[i]:
            if reason[i] == "duplicate":
                continue
            return
        if is_byline(texts[i]):
            continue
        if looks_like_heading(texts[i]) and not lines[i].bullet and not table[i]:
            keep[i] = heading[i] = True
        return


def _smooth_lists(lines: list[Line], keep: list[bool], hard: list[bool]) -> None:
    """A run of list items is kept or dropped as a whole, by majority (ties keep)."""
    for i, j in runs([ln.bullet for ln in lines]):
        soft = [k for k in range(i, j) if not hard[k]]
        if len(soft) >= 2:
            verdict = 2 * sum(keep[k] for k in soft) >= len(soft)
            for k in soft:
                keep[k] = verdict


def _drop_headline_lists(lines: list[Line], keep: list[bool], hard: list[bool],
                         reason: list[str | None], soft: set[int], lo: int, hi: int) -> None:
    """Lists outside the article's prose: menus (short labels) are navigation; lists of
    headlines (3+ title-case items, no sentences) are "latest headlines" / "more stories"
    boxes; of other lists, only items written as sentences belong to the article."""
    for i, j in runs([ln.bullet for ln in lines]):
        items = [lines[k].text for k in range(i, j)]
        outside = j <= lo or i > hi
        headline = [not ends_sentence(t) and title_case_ratio(t) >= 0.7 for t in items]
        if outside and all(looks_like_menu_item(t) for t in items):
            _mark(range(i, j), keep, hard, reason, soft, "navigation")
        elif outside and len(items) >= 3 and sum(headline) >= 0.75 * len(items):
            _mark(range(i, j), keep, hard, reason, soft, "related links")
        elif outside:
            # Outside the article only list items written as sentences belong to it.
            _mark([k for k in range(i, j) if not (len(words(items[k - i])) >= 8
                                                  and ends_sentence(items[k - i]))],
                  keep, hard, reason, soft, "navigation" if j <= lo else "related links")


def _mark(indices, keep: list[bool], hard: list[bool], reason: list[str | None],
          soft: set[int], why: str) -> None:
    """Remove lines no rule has decided yet, with a reason guessed from where they sit."""
    for k in indices:
        if not hard[k]:
            keep[k], hard[k], reason[k] = False, True, why
            soft.add(k)


def _drop_comment_section(texts: list[str], keep: list[bool], hard: list[bool],
                          reason: list[str | None], prose: list[bool]) -> None:
    """Below a comment-section header that follows the article ("Leave a Reply",
    "3 Comments"), nothing is article text: readers' comments go as "comment form", up to
    the first line some other rule removed (an advertisement, the page footer)."""
    n = len(texts)
    for h in range(n):
        kind = comment_header(texts[h])
        if kind is None:
            continue
        before = sum(len(words(texts[i])) for i in range(h) if keep[i] and prose[i])
        if not before:
            continue  # a "Comments" link in a menu above the article
        after = sum(len(words(texts[i])) for i in range(h + 1, n) if keep[i] and prose[i])
        if kind == "count" and after > before:
            continue  # a comment count above most of the article, not the comments below it
        in_section = True
        for i in range(h, n):
            if in_section and reason[i] not in (None, "comment form", "duplicate", "profile"):
                in_section = False
            keep[i], hard[i] = False, True
            if in_section and reason[i] in (None, "duplicate"):
                reason[i] = "comment form"
        return


def _keep_every_copy(keys: list[str], keep: list[bool], hard: list[bool],
                     prose: list[bool]) -> None:
    """A paragraph the article keeps once it keeps every time it repeats it: the
    repetition is the writer's, for the repetition measures to see."""
    kept = {keys[i] for i in range(len(keys)) if keep[i] and prose[i]}
    for i, k in enumerate(keys):
        if prose[i] and not hard[i] and k in kept:
            keep[i] = True


def _fill(lo: int, hi: int, keep: list[bool], hard: list[bool], prose: list[bool]) -> None:
    """Prose between the first and last kept paragraph is article text the model doubted."""
    for i in range(lo, hi + 1):
        if not hard[i] and prose[i]:
            keep[i] = True


def _extend(order: range, texts: list[str], lines: list[Line], keep: list[bool],
            hard: list[bool], reason: list[str | None], prose: list[bool],
            table: list[bool]) -> None:
    """Grow the article outwards from its first/last kept paragraph over prose, list items
    written as sentences, headings and bylines; stop at the first furniture line."""
    for i in order:
        if hard[i]:
            if reason[i] == "duplicate":
                continue  # a repeated title line sits between the title and the text
            return
        if keep[i]:
            continue
        t = texts[i]
        if prose[i] or lines[i].bullet and len(words(t)) >= 8 and ends_sentence(t):
            keep[i] = True
        elif is_byline(t) or looks_like_heading(t) or table[i]:
            continue  # decided later: headings lead into prose, bylines sit at the top, ...
        else:
            return


def _keep_tables(table: list[bool], keep: list[bool], hard: list[bool],
                 prose: list[bool]) -> None:
    """Keep a table that sits inside the article: kept prose before and after it."""
    n = len(table)
    kept = [i for i in range(n) if keep[i] and prose[i]]
    if not kept:
        return
    lo, hi = kept[0], kept[-1]
    for i, j in runs(table):
        if lo < i and j <= hi + 1 or (lo < i and any(keep[i:j])):
            for k in range(i, j):
                keep[k] = keep[k] or not hard[k]


def _guess_reason(i: int, lines: list[Line], first_prose: int, last_kept: int,
                  previous: str | None = None) -> str:
    """Why the model removed a line, from its shape and where it sits."""
    t = lines[i].text
    if i < first_prose:
        return "navigation" if len(words(t)) <= 6 or lines[i].bullet else "related links"
    if i > last_kept:
        if lines[i].bullet or title_case_ratio(t) >= 0.6:
            return "related links"
        return "footer"
    return positional_reason(t, "inside", previous)
