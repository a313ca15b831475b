"""Records that flow through the pipeline: ingest -> clean -> analyse.

These are plain, picklable dataclasses so that analysing one article can run in a
process pool unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

#: Kinds of block (paragraph) the document model knows. Only "prose" is read for
#: readability, hard sentences, padding and restatement; "label_value" (a "Label: value"
#: row or a labelled line-up), "caption" and "dateline" are found by
#: analyser.block_kinds in blocks read as prose.
BLOCK_KINDS: tuple[str, ...] = (
    "heading", "prose", "list_item", "table_row", "byline", "label_value", "caption",
    "dateline",
)

#: Reasons a block can be removed by the clean stage.
REMOVAL_REASONS: tuple[str, ...] = (
    "navigation",
    "related links",
    "share bar",
    "author bio",
    "advertisement",
    "comment form",
    "profile",
    "duplicate",
    "footer",
)


@dataclass(frozen=True)
class Article:
    """One input article as ingested: the raw page plus what we know about it."""

    id: str
    raw: str
    source: str = ""  # path, URL or "<corpus>#row"
    outlet: str = ""
    title: str | None = None
    url: str | None = None
    published: str | None = None
    format: Literal["text", "markdown", "html"] = "text"
    #: When the raw text is already clean article text (corpus rows), skip furniture removal.
    preclean: bool = False
    #: Other pages of the same outlet (raw text), for cross-page furniture detection.
    siblings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Block:
    """One kept block of the cleaned article, with its kind."""

    text: str
    kind: str = "prose"


@dataclass(frozen=True)
class Removed:
    """A block the clean stage removed, and why. ``text`` may be redacted."""

    text: str
    reason: str


@dataclass
class CleanResult:
    """Output of the clean stage: the article's blocks and what was removed."""

    blocks: list[Block]
    removed: list[Removed] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    published: str | None = None
    site_name: str | None = None
    url: str | None = None

    @property
    def text(self) -> str:
        """The cleaned article: one block per line."""
        return "\n".join(b.text for b in self.blocks)


@dataclass(frozen=True)
class Finding:
    """One thing an editor should look at. ``text == analysis.text[start:end]``."""

    code: str
    category: str
    start: int
    end: int
    text: str
    in_quote: bool
    message: str
    suggestion: str = ""
    name: str = ""
    level: str = "warning"
    sentence: int = -1
    #: For restatements: the index of the earlier sentence this one repeats.
    related_sentence: int | None = None
