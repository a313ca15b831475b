"""The state of a text page while it is cleaned: its lines, and what each pass decided.

A :class:`TextPage` holds one :class:`PageLine` per non-blank line. The passes
(text_passes.py) read and update the lines' flags in order; nothing else changes them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .blocks import ends_sentence, is_byline, looks_like_heading, split_lines, table_row_flags
from .blocks import words as line_words
from .features import line_features, normalise, stopwords
from .model import LineModel, StackedModel, default_model

#: A sibling page holding more than this share of this page's prose is another copy of
#: the same story, not a page of furniture to compare against.
COPY_SHARE = 0.5


@dataclass(slots=True)
class PageLine:
    """One non-blank line of the page and what the passes decided about it."""

    text: str
    bullet: bool
    blank_before: bool
    #: Lower-case words only: the key for repetition checks.
    key: str
    #: A paragraph of running text (see is_prose).
    prose: bool
    #: A row of a table (see blocks.table_row_flags).
    table: bool
    #: The line model's probability that the line is article text.
    prob: float = 0.0
    keep: bool = False
    #: A rule (not the model) decided the line: no later pass overrides it.
    decided: bool = False
    reason: str | None = None
    #: The reason was guessed from where the line sits, not from what it says.
    guessed: bool = False
    #: Part of a profile card with personal data.
    profile: bool = False
    heading: bool = False
    byline: bool = False

    @property
    def words(self) -> list[str]:
        """The line's words."""
        return line_words(self.text)


@dataclass
class TextPage:
    """A text page being cleaned: its lines and the page-wide facts the passes share."""

    lines: list[PageLine]
    others: SiblingLines = field(default_factory=lambda: SiblingLines((), set()))
    #: Model probability above which a line is article text.
    threshold: float = 0.5
    #: The lower probability a heading needs when it leads into kept prose.
    heading_floor: float = 0.2
    #: The article's core, before any cross-page rule: first and last line of prose the
    #: model keeps that no other page holds ((n, -1) when there is none).
    core: tuple[int, int] = (0, -1)
    #: The first kept line of prose or list item, once headings and titles are settled.
    first_prose: int = 0

    def kept_prose(self) -> tuple[int, int] | None:
        """First and last kept paragraph of prose, or None when none is kept."""
        kept = [i for i, ln in enumerate(self.lines) if ln.keep and ln.prose]
        return (kept[0], kept[-1]) if kept else None

    def leads_into_prose(self, i: int) -> bool:
        """A heading leads into kept prose (or a kept table), through at most two more
        headings or bylines."""
        steps = 0
        for ln in self.lines[i + 1:i + 6]:
            if ln.decided and not ln.keep:
                continue  # a removed duplicate title or ad between heading and text
            if ln.keep and (ln.prose or ln.table):
                return True
            if looks_like_heading(ln.text) or is_byline(ln.text):
                steps += 1
                if steps > 2:
                    return False
                continue
            return ln.keep and not ln.prose and len(ln.words) >= 8
        return False


def read_page(raw: str, *, keep: bool = False) -> TextPage:
    """The page's lines, all kept (or none), with nothing decided yet."""
    lines = split_lines(raw)
    table = table_row_flags([ln.text for ln in lines])
    return TextPage([PageLine(ln.text, ln.bullet, ln.blank_before, normalise(ln.text),
                              is_prose(ln.text), table[i], keep=keep)
                     for i, ln in enumerate(lines)])


def score_lines(page: TextPage, siblings: Sequence[str],
                model: LineModel | StackedModel | None) -> None:
    """Give each line the line model's probability of being article text; the outlet's
    other pages are one of the model's features."""
    lines = page.lines
    page.others = SiblingLines(siblings, {ln.key for ln in lines if ln.prose and ln.key})
    feats = line_features([ln.text for ln in lines], [ln.bullet for ln in lines],
                          [ln.blank_before for ln in lines], page.others.keys)
    for ln, prob in zip(lines, (model or default_model()).proba(feats), strict=True):
        ln.prob = prob


def is_prose(text: str) -> bool:
    """A paragraph of running text: a sentence or more, mostly ordinary words."""
    ws = line_words(text)
    if len(ws) < 8 or not ends_sentence(text) or len(ws) < 20 and looks_like_heading(text):
        return False
    sw = stopwords()
    return sum(w.lower() in sw for w in ws) / len(ws) >= 0.15


class SiblingLines:
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
