"""Markdown as an authored document: typed blocks, nothing removed as furniture.

A Markdown file is something a person wrote (a draft, a docs page), not a page dump: every
paragraph, heading, list item and table row is the writer's and is analysed. Its structure
is explicit, so kinds come from the syntax rather than guessed: ``#`` headings, list items
(``-``, ``*``, ``+``, ``1.``) with their continuation lines, table rows (the ``|---|``
separator row dropped), and paragraphs whose soft-wrapped lines are joined with a space
(Markdown renders them as one paragraph, and a sentence may run across the wrap).

The input has already been masked (``analyser.ingest.markdown.mask_markdown``: code, link
targets, comments and front matter blanked), so only prose is left to read.
"""

from __future__ import annotations

import re

from ..models import Block, CleanResult
from .blocks import is_byline, markdown_to_text

_ATX = re.compile(r"^ {0,3}#{1,6}(?:\s+|$)")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)\s*$")
_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d{1,9}[.)])\s+")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_TABLE = re.compile(r"^\s*\|.*\|\s*$")
_QUOTE = re.compile(r"^\s*>\s?")


def markdown_blocks(raw: str) -> list[Block]:
    """Typed blocks of a (masked) Markdown document, in order."""
    blocks: list[Block] = []
    para: list[str] = []
    kind = "prose"

    def flush() -> None:
        nonlocal para, kind
        text = " ".join(p for p in (markdown_to_text(x).strip() for x in para) if p)
        if text:
            blocks.append(Block(text, "byline" if kind == "prose" and not blocks
                                and is_byline(text) else kind))
        para, kind = [], "prose"

    lines = raw.splitlines()
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not line.strip():
            flush()
            continue
        if _TABLE_SEP.match(line) and "|" in line:
            continue
        if _SETEXT.match(line) and para and kind == "prose":
            kind = "heading"
            flush()
            continue
        if _ATX.match(line):
            flush()
            para, kind = [line], "heading"
            flush()
            continue
        if _TABLE.match(line):
            flush()
            para, kind = [line], "table_row"
            flush()
            continue
        item = _ITEM.match(line)
        if item and not (kind == "prose" and para and _SETEXT.match(nxt)):
            flush()
            para, kind = [line[item.end():]], "list_item"
            continue
        para.append(_QUOTE.sub("", line))
    flush()
    return blocks


def clean_markdown(raw: str, *, title: str | None = None) -> CleanResult:
    """An authored Markdown document: all of its blocks, none removed."""
    blocks = markdown_blocks(raw)
    if title is None and blocks and blocks[0].kind == "heading":
        title = blocks[0].text
    return CleanResult(blocks=blocks, removed=[], title=title)
