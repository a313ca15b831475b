"""Clean a plain-text page (.txt, .md, stdin): keep the article's lines, remove furniture.

Each line gets a probability of being article text from the shipped line model (features in
features.py); rules that are cheap and certain then override it: furniture phrases, profile
cards with personal data, repeated lines (within the page and across sibling pages of the
same outlet), share bars, tag clouds and tables of contents. Headings are kept only when
they lead into the article's prose. Every removed line is recorded with its reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Block, CleanResult, Removed
from .blocks import (
    Line,
    ends_sentence,
    has_article,
    is_byline,
    looks_like_heading,
    split_lines,
    table_row_flags,
    title_case_ratio,
    words,
)
from .features import furniture_reason, line_features, normalise, stopwords
from .model import LineModel, StackedModel, default_model
from .personal_data import REDACTED, profile_spans

_SOCIAL = frozenset(
    "share facebook twitter x pinterest linkedin email e mail reddit whatsapp copy link bluesky "
    "tumblr telegram instagram vimeo tiktok youtube flipboard rss print messenger threads "
    "mastodon google pocket sms".split()
)
_BIO = re.compile(
    r"^(?:As (?:the|a|an|our) [\w ]{0,40}(?:editor|writer|reporter|journalist|correspondent"
    r"|contributor|director) (?:at|for|of)\b"
    r"|[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3} (?:is|was) an? [\w ,-]{0,60}(?:writer|reporter"
    r"|journalist|editor|correspondent|contributor|columnist|author)\b(?: (?:at|for|with)\b)?)"
    r"|\bI am dedicated to\b",
)
# Not "|": pipes separate table cells, and tables are kept.
_TAG_LIST_SPLIT = re.compile(r"\s*[,·•]\s*")


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
    sibling_keys = _sibling_keys(siblings)
    model = model or default_model()
    feats = line_features(texts, [ln.bullet for ln in lines],
                          [ln.blank_before for ln in lines], sibling_keys)
    probs = model.proba(feats) if model else [_fallback_prob(t) for t in texts]

    reason: list[str | None] = [None] * n
    hard = [False] * n  # a rule (not the model) decided: never override
    profile = [False] * n
    for s, e in profile_spans(texts):
        for i in range(s, e):
            reason[i], hard[i], profile[i] = "profile", True, True
    keys = [normalise(t) for t in texts]
    toc = _toc_entries(lines, keys)
    seen: set[str] = set()
    for i, t in enumerate(texts):
        if hard[i]:
            continue
        r = _rule_reason(t, keys[i], sibling_keys, lines[i], i / max(n - 1, 1))
        if i in toc:
            r = "navigation"
        elif keys[i] and keys[i] in seen and r is None:
            r = "duplicate"
        if r is not None:
            reason[i], hard[i] = r, True
        if keys[i] and i not in toc:
            seen.add(keys[i])

    prose = [_is_prose(t) for t in texts]
    keep = [not hard[i] and probs[i] >= threshold for i in range(n)]
    _smooth_lists(lines, keep, hard)
    table = table_row_flags(texts)
    kept_prose = [i for i in range(n) if keep[i] and prose[i]]
    if kept_prose:
        lo, hi = kept_prose[0], kept_prose[-1]
        _fill(lo, hi, keep, hard, prose)
        _extend(range(lo - 1, -1, -1), texts, lines, keep, hard, reason, prose, table)
        _extend(range(hi + 1, n), texts, lines, keep, hard, reason, prose, table)
        kept_prose = [i for i in range(n) if keep[i] and prose[i]]
        _drop_headline_lists(lines, keep, hard, reason, kept_prose[0], kept_prose[-1])
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
        if profile[i]:
            if not profile_open:
                removed.append(Removed(REDACTED, "profile"))
            profile_open = True
            continue
        profile_open = False
        why = reason[i] or _guess_reason(i, lines, first_prose, last_kept)
        if reason[i] is None and len(words(t)) <= 4 and any(
                abs(b - i) <= 3 and not any(reason[k] not in (None, "author bio")
                                            for k in range(min(b, i) + 1, max(b, i)))
                for b in bios):
            why = "author bio"  # the author's name and role next to a bio
        removed.append(Removed(t, why))
    if not has_article([b.text for b in blocks]):
        from . import NoArticleError

        raise NoArticleError("no article text found")
    found_title = title
    if found_title is None and blocks[0].kind == "heading":
        found_title = blocks[0].text
    return CleanResult(blocks=blocks, removed=removed, title=found_title)


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


def _sibling_keys(siblings: Sequence[str]) -> frozenset[str]:
    keys: set[str] = set()
    for page in siblings:
        keys.update(normalise(ln.text) for ln in split_lines(page))
    keys.discard("")
    return frozenset(keys)


def _toc_entries(lines: list[Line], keys: list[str]) -> set[int]:
    """Indices of table-of-contents entries: short list items repeating a later line."""
    later: dict[str, int] = {}
    for i, k in enumerate(keys):
        if k and not lines[i].bullet:
            later[k] = i
    return {i for i, k in enumerate(keys)
            if lines[i].bullet and k and later.get(k, -1) > i and len(k.split()) <= 15}


def _rule_reason(text: str, key: str, sibling_keys: frozenset[str], line: Line,
                 position: float) -> str | None:
    """A removal reason certain enough to override the model, or None."""
    r = furniture_reason(text)
    if r:
        return r
    ws = [w.lower() for w in words(text)]
    if len(ws) >= 2 and sum(w in _SOCIAL for w in ws) / len(ws) >= 0.6:
        return "share bar"
    if _BIO.search(text):
        return "author bio"
    if _is_tag_list(text, ws):
        return "navigation"
    if key and key in sibling_keys and not _is_prose(text) and len(ws) > 1:
        return "navigation" if position < 0.5 else "footer"
    if key and key in sibling_keys and len(ws) > 12:
        return "footer"
    return None


def _is_tag_list(text: str, ws: list[str]) -> bool:
    """Tag clouds and keyword lines: many words, no sentence, few function words."""
    if ends_sentence(text) or len(ws) < 4:
        return False
    parts = [p for p in _TAG_LIST_SPLIT.split(text) if p]
    if len(parts) >= 4 and all(len(p.split()) <= 4 for p in parts):
        return True
    sw = stopwords()
    stop = sum(w in sw for w in ws) / len(ws)
    return len(ws) >= 12 and stop < 0.12 and title_case_ratio(text) >= 0.5


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
    n, i = len(lines), 0
    while i < n:
        if not lines[i].bullet:
            i += 1
            continue
        j = i
        while j < n and lines[j].bullet:
            j += 1
        soft = [k for k in range(i, j) if not hard[k]]
        if len(soft) >= 2:
            verdict = 2 * sum(keep[k] for k in soft) >= len(soft)
            for k in soft:
                keep[k] = verdict
        i = j


def _drop_headline_lists(lines: list[Line], keep: list[bool], hard: list[bool],
                         reason: list[str | None], lo: int, hi: int) -> None:
    """Lists of headlines (3+ title-case items, no sentences) outside the article's prose
    are "latest headlines" / "more stories" boxes; short items there are menus."""
    n, i = len(lines), 0
    while i < n:
        if not lines[i].bullet:
            i += 1
            continue
        j = i
        while j < n and lines[j].bullet:
            j += 1
        items = [lines[k].text for k in range(i, j)]
        outside = j <= lo or i > hi
        headline = [not ends_sentence(t) and title_case_ratio(t) >= 0.7 for t in items]
        if outside and len(items) >= 3 and sum(headline) >= 0.75 * len(items):
            for k in range(i, j):
                if not hard[k]:
                    keep[k], hard[k], reason[k] = False, True, "related links"
        elif outside:
            # Outside the article only list items written as sentences belong to it.
            for k in range(i, j):
                if not hard[k] and not (len(words(items[k - i])) >= 8 and ends_sentence(
                        items[k - i])):
                    keep[k], hard[k] = False, True
                    reason[k] = "navigation" if j <= lo else "related links"
        i = j


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
    i = 0
    while i < n:
        if not table[i]:
            i += 1
            continue
        j = i
        while j < n and table[j]:
            j += 1
        if lo < i and j <= hi + 1 or (lo < i and any(keep[i:j])):
            for k in range(i, j):
                keep[k] = keep[k] or not hard[k]
        i = j


def _guess_reason(i: int, lines: list[Line], first_prose: int, last_kept: int) -> str:
    """Why the model removed a line, from its shape and where it sits."""
    t = lines[i].text
    nw = len(words(t))
    if i < first_prose:
        return "navigation" if nw <= 6 or lines[i].bullet else "related links"
    if i > last_kept:
        if lines[i].bullet or title_case_ratio(t) >= 0.6:
            return "related links"
        return "footer"
    return "boilerplate"
