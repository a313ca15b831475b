"""trafilatura's XML body (head, p, list/item, table/row/cell, quote) as typed blocks."""

from __future__ import annotations

import re
from typing import Any

from ..models import Block
from .blocks import is_byline

#: A table cell holding this much text in paragraphs or lists is page layout.
LAYOUT_CELL_CHARS = 500
_WS = re.compile(r"\s+")


def _text(el: Any) -> str:
    """An element's text with <lb/> as a line break; nested lists and tables left out.

    trafilatura trims the text around inline formatting (<hi>, <ref>), so "tickets <i>can"
    arrives as "tickets" + "can": a space goes back wherever two words would touch.
    """
    out = el.text or ""
    for child in el:
        if child.tag == "lb":
            out += "\n"
        elif child.tag not in ("list", "table"):
            out = _join(out, _text(child))
        out = _join(out, child.tail or "")
    return out


def _join(left: str, right: str) -> str:
    if left and right and left[-1].isalnum() and right[0].isalnum():
        return f"{left} {right}"
    return left + right


def _lines(el: Any) -> list[str]:
    return [s for s in (_WS.sub(" ", ln).strip() for ln in _text(el).split("\n")) if s]


def body_blocks(body: Any) -> list[Block]:
    """trafilatura's XML body (head, p, list/item, table/row/cell, quote) -> typed blocks."""
    blocks: list[Block] = []
    if body is None:
        return blocks
    # Text between two blocks arrives as the first one's tail (a paragraph after a heading
    # whose <p> the page never closed): it is article text, read as prose.
    _loose_text(body.text, blocks)
    for el in body:
        _element_blocks(el, blocks)
        _loose_text(el.tail, blocks)
    return blocks


#: trafilatura's block elements: a container holding one is a layout wrapper, not a block.
_BLOCK_TAGS = frozenset("p head list table quote row cell".split())
#: trafilatura's inline elements: a paragraph holding only these (and text) is one block.
_INLINE_TAGS = frozenset("hi ref lb del graphic span".split())
#: Elements read by their own rule below, whatever they hold.
_OWN_RULE = frozenset("head list table quote".split())


def _holds_blocks(el: Any) -> bool:
    """A paragraph (or an element trafilatura left unconverted: main, header, section)
    holding blocks, not only text and inline markup: recall mode can leave a <p> around
    the page's <main>."""
    return el.tag not in _OWN_RULE and any(c.tag not in _INLINE_TAGS for c in el)


def _element_blocks(el: Any, out: list[Block]) -> None:
    tag = el.tag
    if tag in ("row", "cell", "div") and any(c.tag in _BLOCK_TAGS | {"div"} for c in el):
        # A layout table (or wrapper) around the article: its blocks, in order, with any
        # loose text between them as prose.
        _loose_text(el.text, out)
        for child in el:
            _element_blocks(child, out)
            _loose_text(child.tail, out)
    elif tag not in ("row", "cell", "div") and _holds_blocks(el):
        _mixed_blocks(el, out)
    elif tag == "head":
        out.extend(Block(t, "heading") for t in _lines(el))
    elif tag == "list":
        for item in el.iter("item"):
            out.extend(Block(t, "list_item") for t in _lines(item))
    elif tag == "table" and _is_layout(el):
        for child in el:
            _element_blocks(child, out)
    elif tag == "table":
        out.extend(_table_blocks(el))
    elif tag == "quote" and len(el) and all(c.tag in ("p", "list", "head") for c in el):
        for child in el:
            _element_blocks(child, out)
    else:
        out.extend(Block(t, "byline" if is_byline(t) else "prose") for t in _lines(el))


def _mixed_blocks(el: Any, out: list[Block]) -> None:
    """The blocks of an element holding both text and blocks: each run of text and inline
    markup is prose, each block child is read by its own rule, in page order."""
    run = el.text or ""
    for child in el:
        if child.tag in _INLINE_TAGS:
            run = run + "\n" if child.tag == "lb" else _join(run, _text(child))
        else:
            _loose_text(run, out)
            run = ""
            _element_blocks(child, out)
        run = _join(run, child.tail or "")
    _loose_text(run, out)


def _is_layout(table: Any) -> bool:
    """A table used for page layout: a cell holds paragraphs, headings, lists or tables
    with the length of an article's text, not a data table's."""
    return any(any(d.tag in _BLOCK_TAGS for d in cell.iterdescendants())
               and len("".join(cell.itertext())) >= LAYOUT_CELL_CHARS
               for cell in table.iter("cell"))


def _loose_text(text: str | None, out: list[Block]) -> None:
    for t in (_WS.sub(" ", ln).strip() for ln in (text or "").split("\n")):
        if t:
            out.append(Block(t, "byline" if is_byline(t) else "prose"))


def _table_blocks(table: Any) -> list[Block]:
    """One table_row block per row with text, its cells joined by " | "."""
    out = []
    for row in table.iter("row"):
        cells = [" ".join(_lines(c)) for c in row.iter("cell")]
        text = " | ".join(c for c in cells if c)
        if text:
            out.append(Block(text, "table_row"))
    return out
