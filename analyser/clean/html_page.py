"""Clean an HTML page: the article's text as typed blocks, page metadata, and what was dropped.

trafilatura (comments excluded) extracts the article from one parsed tree in precision
mode, and in recall mode too unless the precision extraction already holds most of the
page's text (ROOMY_PAGE_SHARE: recall would find nothing the steps below could use). The
precision extraction is chosen unless it kept less than half the text the recall extraction
found on a page where it is short, which means it cut into the article itself. When the
chosen and the recall extractions then disagree, readability-lxml extracts the page too and
the extraction that agrees most with the other two wins (consensus.py): precision-first
holds on 2019 news, while newer, more varied pages are where the precision cut drops
article text or one extractor keeps the wrong part of the page
(benchmarks/extraction_eval.py, docs/cleaning.md). When the result holds a small share of
the page's text, readability-lxml's extraction extends it (consensus.extend): by its
article prose, or whole when the article is split across containers and each extractor kept
a different one. Wherever readability ran, its article prose in short gaps between the kept
blocks is added too (consensus.fill_gaps: prose the precision cut removed, in sequence with
the kept text), and when the recall extraction holds the result and clearly more, its
blocks between two kept blocks are added whatever their kind (consensus.fill_list_gaps:
lists and short paragraphs the cut removed from inside the article). The added blocks go
where the page holds them. An extraction that still holds a tiny share of the page is
replaced by trafilatura's full (default-mode) run when that finds much more. readability-
lxml is also the fallback when trafilatura finds nothing. A page laid out as a table
arrives from trafilatura as table cells holding paragraphs, lists and headings; those are
read as blocks, not rows.

What trafilatura sets aside is read back from the page's visible text: a byline just above
the first paragraph returns to the article as a byline block; every other line is recorded
as removed, with a reason from what it says (reasons.py) or from where it sits (before,
inside or after the article), its contact details redacted. A page with no article is
refused with what was removed from it (``reasons.no_article``).

libxml2 drops every element nested deeper than 255 levels (its default limit), text and
all; a page that hits the limit is parsed again with its deepest elements unwrapped
(:func:`flatten_deep`), so that its text is kept.
"""

from __future__ import annotations

import html as html_lib
import re
import warnings
from collections.abc import Iterator
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

from ..errors import NoArticleError
from ..models import Block, CleanResult, Removed
from .blocks import byline_author, is_byline
from .consensus import extend, fill_gaps, fill_list_gaps, medoid, overlap, shingles
from .extractions import Extractions
from .features import normalise as _normalise
from .page_meta import markup_author, page_metadata
from .personal_data import (
    REDACTED,
    has_contact_details,
    is_contact_block,
    is_prose_with_details,
    redact,
)
from .reasons import (
    NO_ARTICLE,
    comment_header,
    has_prose_sentence,
    line_reason,
    no_article,
    positional_reason,
)

#: Larger pages are cut to this many bytes (with a warning) before parsing.
MAX_HTML_BYTES = 5_000_000
#: The precision extraction must keep at least this share of the recall extraction's text.
AGREEMENT_RATIO = 0.5
#: Below this share of the page's visible text, a precision extraction that kept less than
#: AGREEMENT_RATIO of the recall extraction's text cut into the article (on the 2019
#: benchmark, every such page held under 8% of the page's text).
CHECK_BELOW_PAGE_SHARE = 0.2
#: When the chosen extraction and the recall extraction overlap less than this (Dice of
#: their 4-word shingles), readability-lxml extracts the page too and the extraction that
#: agrees most with the other two wins (consensus.medoid). Chosen on one half of each
#: benchmark's pages and confirmed on the other (docs/cleaning.md).
CONSENSUS_OVERLAP = 0.9
#: When the extraction holds less than this share of the page's visible text, readability
#: extracts the page too and extends it with what it found (consensus.extend). Chosen on the
#: even-numbered pages of both benchmarks and confirmed on the odd ones (docs/cleaning.md).
EXTEND_BELOW_PAGE_SHARE = 0.4
#: Below this share of the page's visible text, the extraction is tiny and trafilatura runs
#: once more in full (default) mode (_full_when_tiny). Chosen on cached extractions of both
#: sets (docs/cleaning.md).
TINY_PAGE_SHARE = 0.1
#: The recall extraction runs only when the precision extraction holds less than this share
#: of the page's visible text: above it, recall has no room for the text that would make it
#: count (consensus.fill_list_gaps needs LIST_RATIO times the chosen text, 1/1.3 = 0.77;
#: the consensus needs them to differ by a tenth). Skipping it there changed no page of
#: either benchmark at 0.7 (docs/cleaning.md); it saves the recall run on half the pages.
ROOMY_PAGE_SHARE = 0.75
#: A page too deep for libxml2 is parsed again with its elements below this depth
#: unwrapped: deep enough for any real layout, shallow enough for the recursive tree walks
#: of trafilatura and html-text.
FLAT_DEPTH = 100
_WS = re.compile(r"\s+")
#: Each block's key is looked up by several passes (page order, bylines, leftovers).
normalise = lru_cache(maxsize=4096)(_normalise)
#: Elements that are page furniture by their markup (HTML5 and ARIA), unless broken markup
#: made one wrap the article.
_FURNITURE_XPATH = ("(//footer | //nav | //*[@role='navigation' or @role='contentinfo'])"
                    "[not(.//article or .//main or .//*[@role='main'])]")


def clean_html_page(html: str, *, url: str | None = None,
                    max_bytes: int = MAX_HTML_BYTES) -> CleanResult:
    """Extract the article of an HTML page as typed blocks, with its metadata."""
    html = _cap(html, max_bytes, url)
    tree, html = _parse(html) if html.strip() else (None, html)
    if tree is None:
        raise NoArticleError(f"{NO_ARTICLE} (empty or unreadable HTML)")
    page_text = _page_text(tree)
    page_lines = [ln.strip() for ln in page_text.splitlines() if ln.strip()]
    page_keys = [normalise(ln) for ln in page_lines]
    blocks, ordered = _article_blocks(tree, html, url, len(page_text))
    blocks = _in_page_order(page_keys, blocks, ordered)
    blocks, removed, dropped = _drop_personal_data(blocks)
    meta = page_metadata(tree, url)
    title = meta.title
    blocks = _recover_bylines(page_lines, page_keys, blocks)
    result = CleanResult(
        blocks=blocks,
        removed=removed + _page_leftovers(page_lines, page_keys, blocks, dropped, title),
        title=title,
        author=_author(meta.author, blocks, tree),
        published=meta.date,
        site_name=meta.sitename,
        url=meta.url,
    )
    if not result.blocks:
        raise no_article(result.removed)
    return result


def _article_blocks(tree: Any, html: str, url: str | None,
                    page_chars: int) -> tuple[list[Block], int]:
    """The article's blocks, chosen and combined from trafilatura's precision and recall
    extractions and readability-lxml's (see the module docstring), and how many of them
    come first in page order (the rest were added by consensus.extend or
    consensus.fill_gaps); [] when none of
    them holds a sentence of prose outside the page's footers and navigation."""
    ex = Extractions(tree, html, url)
    precise, precise_len = ex.precise
    recall_blocks, recall_len = precise, precise_len
    if precise_len < ROOMY_PAGE_SHARE * page_chars:
        recall_blocks, recall_len = ex.recall
    blocks = precise
    if (precise_len < CHECK_BELOW_PAGE_SHARE * page_chars and recall_len
            and precise_len < AGREEMENT_RATIO * recall_len):
        blocks = recall_blocks
    ran = False  # whether readability ran: fill_gaps reads it only then (a third of a page)
    if overlap(shingles(blocks), shingles(recall_blocks)) < CONSENSUS_OVERLAP:
        blocks, ran = medoid([blocks, recall_blocks, ex.readable]), True
    ordered = len(blocks)  # what extend and fill_gaps add goes where the page holds it
    if sum(len(b.text) for b in blocks) < EXTEND_BELOW_PAGE_SHARE * page_chars:
        blocks, ran = extend(blocks, ex.readable), True
    if ran:
        blocks = fill_gaps(blocks, ex.readable)
    blocks = fill_list_gaps(blocks, recall_blocks)
    full = _full_when_tiny(ex, blocks, page_chars)
    if full is not blocks:
        blocks, ordered = full, len(full)
    furniture = _furniture_text(tree)
    if not _has_article(blocks, furniture):
        blocks = ex.readable
        ordered = len(blocks)
    return (blocks, ordered) if _has_article(blocks, furniture) else ([], 0)


def _full_when_tiny(ex: Extractions, blocks: list[Block], page_chars: int) -> list[Block]:
    """``blocks``, or trafilatura's full default extraction (its own fallback extractors
    on) when ``blocks`` hold a tiny share of the page and the full run finds much more: a
    recipe or a case study whose text sits in containers fast mode does not read."""
    size = sum(len(b.text) for b in blocks)
    if size >= TINY_PAGE_SHARE * page_chars:
        return blocks
    more = ex.full
    return more if sum(len(b.text) for b in more) > 2 * size else blocks


def _in_page_order(keys: list[str], blocks: list[Block], ordered: int) -> list[Block]:
    """``blocks`` with those after the first ``ordered`` moved to where the page holds them:
    before the first block that sits lower on the page (``keys``: the page lines,
    normalised); a block the page text does not hold stays at the end."""
    if ordered >= len(blocks):
        return blocks
    positions = _line_positions(keys, blocks)
    out = list(blocks[:ordered])
    at = list(positions[:ordered])
    for block, p in zip(blocks[ordered:], positions[ordered:], strict=True):
        k = len(out) if p is None else next(
            (j for j, q in enumerate(at) if q is not None and q > p), len(out))
        out.insert(k, block)
        at.insert(k, p)
    return out


def _furniture_text(tree: Any) -> str:
    """The text of the page's footers and navigation, by their markup, normalised."""
    from lxml.etree import LxmlError

    try:
        return "\n".join(normalise(el.text_content()) for el in tree.xpath(_FURNITURE_XPATH))
    except (ValueError, LxmlError):
        return ""


def _has_article(blocks: list[Block], furniture: str) -> bool:
    """A sentence of prose outside the page's footers and navigation: a page of a menu
    and a one-line footer ("Example Times is published by ...") has no article."""
    return has_prose_sentence(b for b in blocks if normalise(b.text) not in furniture)


def _parse(html: str) -> tuple[Any, str]:
    """The page's tree and the HTML it was parsed from: ``html`` itself, or, when libxml2
    stopped at its depth limit, ``html`` with its deepest elements unwrapped."""
    from trafilatura import utils

    tree = utils.load_html(html)
    if tree is not None and _hit_depth_limit(getattr(utils, "HTML_PARSER", None)):
        html = flatten_deep(html)
        tree = utils.load_html(html)
    return tree, html


def _hit_depth_limit(parser: Any) -> bool:
    """Whether the parser's last document went deeper than libxml2 builds a tree."""
    log = getattr(parser, "error_log", None) or ()
    return any(e.type_name == "ERR_RESOURCE_LIMIT" and "depth" in e.message for e in log)


#: Elements with no closing tag: they never add a level.
_VOID = frozenset("area base br col embed hr img input keygen link meta param source track "
                  "wbr".split())
#: Elements that close an open one of their own kind (<p>a<p>b: two paragraphs, not nested).
_SELF_CLOSING = frozenset("p li dt dd option tr td th".split())
#: Elements whose content is not text; unwrapped, their content goes too.
_NOT_TEXT = frozenset("script style template noscript svg".split())
#: Unwrapped elements that break lines; the others (inline) vanish without a trace.
_BLOCK = frozenset("address article aside blockquote dd div dl dt figcaption figure footer "
                   "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody "
                   "td tfoot th thead tr ul".split())


class _Flattener(HTMLParser):
    """Re-emits a page with every element deeper than ``depth`` unwrapped: its text kept,
    a block element's edges turned into <br> so that paragraphs stay apart."""

    def __init__(self, depth: int):
        super().__init__(convert_charrefs=True)
        self.depth = depth
        self.out: list[str] = []
        self.open: list[tuple[str, bool]] = []  # (tag, emitted) of every open element

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in _SELF_CLOSING and self.open and self.open[-1][0] == tag:
            self.handle_endtag(tag)
        keep = len(self.open) < self.depth
        self.out.append((self.get_starttag_text() or "") if keep else self._edge(tag))
        if tag not in _VOID:
            self.open.append((tag, keep))

    def handle_startendtag(self, tag: str, attrs: Any) -> None:
        keep = len(self.open) < self.depth
        self.out.append((self.get_starttag_text() or "") if keep else self._edge(tag))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == tag:
                for t, kept in reversed(self.open[i:]):
                    self.out.append(f"</{t}>" if kept else self._edge(t))
                del self.open[i:]
                return

    def handle_data(self, data: str) -> None:
        if not any(t in _NOT_TEXT and not kept for t, kept in self.open):
            self.out.append(html_lib.escape(data, quote=False))

    @staticmethod
    def _edge(tag: str) -> str:
        return "<br>" if tag in _BLOCK or tag == "br" else ""


def flatten_deep(html: str, depth: int = FLAT_DEPTH) -> str:
    """``html`` with the elements nested deeper than ``depth`` unwrapped (text kept;
    comments, doctype and processing instructions dropped)."""
    parser = _Flattener(depth)
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


def _cap(html: str, max_bytes: int, source: str | None) -> str:
    if len(html) * 4 <= max_bytes:  # cannot exceed the cap even if every character is 4 bytes
        return html
    data = html.encode("utf-8", "ignore")
    if len(data) <= max_bytes:
        return html
    warnings.warn(f"{source or 'HTML page'}: {len(data):,} bytes; only the first "
                  f"{max_bytes:,} bytes are cleaned", stacklevel=3)
    return data[:max_bytes].decode("utf-8", "ignore")


def _drop_personal_data(blocks: list[Block]) -> tuple[list[Block], list[Removed], set[str]]:
    """Contact details never stay in the article: blocks that are mainly contact details
    are removed (recorded once per run, redacted); also returns the dropped blocks' keys.
    Prose that merely holds an e-mail address or a phone number stays, redacted (see
    clean_article): the extractor placed it in the article's body."""
    kept, removed, dropped = [], [], set()
    for b in blocks:
        if is_contact_block(b.text) and not is_prose_with_details(b.text):
            dropped.add(normalise(b.text))
            if not removed or removed[-1].text != REDACTED:
                removed.append(Removed(REDACTED, "profile"))
        else:
            kept.append(b)
    return kept, removed, dropped


def _page_text(tree: Any) -> str:
    """The page's visible text, one block per line (html-text copies the tree it cleans)."""
    import html_text
    from lxml.etree import LxmlError

    try:
        return html_text.extract_text(tree, guess_layout=True)
    except (ValueError, LxmlError):  # the page text is a cross-check, never a failure
        return ""


def _line_positions(keys: list[str], blocks: list[Block]) -> list[int | None]:
    """The page line where each block sits (None when the page text does not hold it);
    ``keys`` are the page lines, normalised."""
    where: dict[str, int] = {}
    for i, k in enumerate(keys):
        where.setdefault(k, i)
    return [where.get(normalise(b.text)) for b in blocks]


def _recover_bylines(lines: list[str], keys: list[str], blocks: list[Block]) -> list[Block]:
    """The byline trafilatura sets aside ("By Jane Doe, Political Editor") goes back into
    the article, as a byline block, when it sits just above the first paragraph."""
    positions = _line_positions(keys, blocks)
    first = next((k for k, b in enumerate(blocks) if b.kind == "prose"
                  and positions[k] is not None), None)
    if first is None or any(b.kind == "byline" for b in blocks[:first]):
        return blocks
    top = positions[first]
    assert top is not None
    kept = {normalise(b.text) for b in blocks}
    for i in range(top - 1, max(-1, top - 5), -1):
        ln = lines[i]
        if keys[i] in kept:
            continue
        if is_byline(ln) and not has_contact_details(ln):
            at = next(k for k, p in enumerate(positions) if k == first or (p is not None
                                                                              and p > i))
            return blocks[:at] + [Block(ln, "byline")] + blocks[at:]
    return blocks


def _author(meta_author: str | None, blocks: list[Block], tree: Any) -> str | None:
    """The author: the page's metadata, or the name in the byline when the metadata has
    none or adds the byline's job title to it ("Jane Doe; Political Editor"), or else
    trafilatura's search of the page's markup."""
    named = next((a for a in (byline_author(b.text) for b in blocks if b.kind == "byline")
                  if a), None)
    if named and (not meta_author or meta_author.lower().startswith(named.lower())):
        return named
    return meta_author or markup_author(tree)


def _page_leftovers(lines: list[str], keys: list[str], blocks: list[Block], dropped: set[str],
                    title: str | None) -> list[Removed]:
    """The page's visible text outside the article, grouped into runs by removal reason."""
    runs: list[tuple[str, list[str]]] = []
    for reason, text in _leftover_lines(lines, keys, blocks, dropped, title):
        if runs and runs[-1][0] == reason:
            if text != REDACTED:
                runs[-1][1].append(text)
        else:
            runs.append((reason, [text]))
    return [Removed("\n".join(texts), reason) for reason, texts in runs]


def _leftover_lines(lines: list[str], keys: list[str], blocks: list[Block], dropped: set[str],
                    title: str | None) -> Iterator[tuple[str, str]]:
    """Each page line outside the article, with its removal reason; contact blocks as
    REDACTED, other lines with their contact details redacted."""
    kept = {normalise(b.text) for b in blocks}
    positions = [p for p in _line_positions(keys, blocks) if p is not None]
    first, last = (min(positions), max(positions)) if positions else (len(lines), -1)
    titles = _headline_keys(title, blocks)
    comments = False
    previous: str | None = None
    for i, (ln, key) in enumerate(zip(lines, keys, strict=True)):
        if not key or key in kept or key in dropped:
            continue
        where = "before" if i < first else "after" if i > last else "inside"
        reason = line_reason(ln)
        comments = _in_comments(ln, reason, where == "before", i > last, comments)
        if comments:
            reason = "comment form"
        elif reason is None and any(t in key for t in titles):
            reason = "duplicate"  # the <title> ("Headline | Site") or a repeated headline
        if reason != "comment form" and is_contact_block(ln):
            previous = "profile"
            yield previous, REDACTED
        else:
            previous = reason or positional_reason(ln, where, previous)
            yield previous, redact(ln)


def _headline_keys(title: str | None, blocks: list[Block]) -> set[str]:
    """The page title and the article's first block, normalised, when long enough not to
    turn up in other lines by chance."""
    keys = (normalise(t) for t in (title, blocks[0].text if blocks else None) if t)
    return {k for k in keys if len(k.split()) >= 3}


def _in_comments(line: str, reason: str | None, before: bool, after: bool,
                 open_: bool) -> bool:
    """Whether the comment section is open at this line: a comment-section header below the
    article's start opens it ("Leave a Reply"; a comment count only below the article), and
    the first line removed for some other reason (the page's footer) closes it."""
    header = comment_header(line)
    if header and not before and (header == "form" or after):
        return True
    if open_ and reason not in (None, "comment form", "duplicate"):
        return False
    return open_
