"""Mapping offsets in the analysed (cleaned) text back to line:column in the original file.

The clean stage keeps blocks of the page and joins them with "\\n"; each block is a
stripped line (text pages, Markdown) or the text of an element (HTML). To map a finding
back, every block is located in the original, in order: the original is first projected to
its visible characters (for HTML: tags, comments, scripts and styles dropped, entities
decoded), whitespace is set aside on both sides, and the block's characters are found in
the projection from where the previous block ended. Each visible character remembers its
offset in the original, so a finding's first and last characters map exactly even when an
inline tag or an entity sits between them. A block that cannot be found maps to None (the
caller reports line 1, column 1).

Lines and columns are 1-based; columns count characters (code points), as ruff does. A
line ends at "\n", "\r\n" or a lone "\r" (old Mac files), as in editors.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass

import numpy as np

_SKIP_ELEMENTS = re.compile(
    r"<(script|style|noscript|template|svg|head)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z][^>]*>|<![^>]*>|<\?[^>]*>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")


@dataclass(frozen=True)
class Position:
    """A place in the original file: 1-based line and column, and the character offset."""

    line: int
    column: int
    offset: int


def visible_chars(raw: str, fmt: str) -> tuple[str, list[int]]:
    """The characters a reader sees, each with its offset in ``raw``.

    Text and Markdown pages are their own projection; HTML loses its markup.
    """
    if fmt != "html":
        return raw, list(range(len(raw)))
    hidden: list[tuple[int, int]] = []
    for rx in (_SKIP_ELEMENTS, _COMMENT, _TAG):
        hidden.extend(m.span() for m in rx.finditer(raw))
    hidden.sort()
    chars: list[str] = []
    offsets: list[int] = []
    pos = 0
    for a, b in hidden + [(len(raw), len(raw))]:
        if b <= pos:
            continue
        a = max(a, pos)
        segment_start = pos
        seg = raw[segment_start:a]
        i = 0
        for m in _ENTITY.finditer(seg):
            for k in range(i, m.start()):
                chars.append(seg[k])
                offsets.append(segment_start + k)
            decoded = html.unescape(m.group())
            for ch in decoded:
                chars.append(ch)
                offsets.append(segment_start + m.start())
            i = m.end()
        for k in range(i, len(seg)):
            chars.append(seg[k])
            offsets.append(segment_start + k)
        chars.append(" ")  # a tag separates words
        offsets.append(a)
        pos = b
    return "".join(chars), offsets


_WS = re.compile(r"\s+")
_LINE_END = re.compile(r"\r\n?|\n")
#: Every code point ``str.isspace`` accepts (what ``\s`` matches in a str pattern).
_WS_CODES = np.array([c for c in range(0x3001) if chr(c).isspace()], dtype=np.uint32)


def _non_space_index(text: str) -> np.ndarray:
    """Indices of the non-whitespace characters of ``text``."""
    if not text:
        return np.zeros(0, dtype=np.int64)
    codes = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    return np.flatnonzero(~np.isin(codes, _WS_CODES))


class PositionMap:
    """Maps offsets in the analysed text to positions in the original file."""

    def __init__(self, raw: str, text: str, fmt: str = "text"):
        self.raw = raw
        self.text = text
        self._line_starts = [0] + [m.end() for m in _LINE_END.finditer(raw)]
        visible, vis_offsets = visible_chars(raw, fmt)
        vis_sq = _WS.sub("", visible)
        idx = _non_space_index(visible)
        # raw offset of every non-whitespace visible character, in order
        self._vis_raw = idx if fmt != "html" else np.asarray(vis_offsets, dtype=np.int64)[idx]
        #: per block of the analysed text: (start offset, index in vis_sq or -1)
        self._starts: list[int] = []
        self._found: list[int] = []
        #: analysed offset -> raw offset, for blocks only found word by word
        self._partial: dict[int, int] = {}
        #: per block: count of non-whitespace characters before each offset (lazy)
        self._ranks: dict[int, np.ndarray] = {}
        cursor = 0
        pos = 0
        for block in text.split("\n"):
            b_sq = _WS.sub("", block)
            k = -1
            if b_sq:
                k = vis_sq.find(b_sq, cursor)
                if k < 0:
                    k = vis_sq.find(b_sq)  # the cleaner may move a block (a title, say)
                if k >= cursor:
                    cursor = k + len(b_sq)
                elif k < 0:
                    cursor = self._map_partial(block, pos, vis_sq, cursor)
            self._starts.append(pos)
            self._found.append(k)
            pos += len(block) + 1

    def _map_partial(self, block: str, pos: int, vis_sq: str, cursor: int) -> int:
        """Map the words of a block the projection does not hold verbatim (an HTML block
        the extractor rewrote): each word is looked up on its own, in order."""
        for m in re.finditer(r"\S+", block):
            k = vis_sq.find(m.group(), cursor)
            if k < 0:
                continue
            for rank in range(len(m.group())):
                self._partial[pos + m.start() + rank] = int(self._vis_raw[k + rank])
            cursor = k + len(m.group())
        return cursor

    def _char_offset(self, offset: int) -> int | None:
        """Raw offset of the non-whitespace analysed character at ``offset``."""
        if not 0 <= offset < len(self.text) or self.text[offset].isspace():
            return None
        b = bisect.bisect_right(self._starts, offset) - 1
        k = self._found[b]
        if k < 0:
            return self._partial.get(offset)
        ranks = self._ranks.get(b)
        if ranks is None:  # built on first use: most blocks hold no finding
            end = self._starts[b + 1] - 1 if b + 1 < len(self._starts) else len(self.text)
            block = self.text[self._starts[b] : end]
            mask = np.zeros(len(block) + 1, dtype=np.int64)
            mask[_non_space_index(block) + 1] = 1
            ranks = self._ranks[b] = np.cumsum(mask)
        return int(self._vis_raw[k + ranks[offset - self._starts[b]]])

    def raw_offset(self, offset: int) -> int | None:
        """Offset in the original of the analysed character at ``offset`` (None if unknown).
        Whitespace maps to just after the non-whitespace character before it."""
        found = self._char_offset(offset)
        if found is not None:
            return found
        k = offset - 1
        while k >= 0 and self.text[k : k + 1].isspace() and self.text[k] != "\n":
            k -= 1
        prev = self._char_offset(k) if k >= 0 else None
        return None if prev is None else prev + 1

    def position(self, raw_offset: int) -> Position:
        """1-based line and column of an offset in the original."""
        line = bisect.bisect_right(self._line_starts, raw_offset) - 1
        return Position(line + 1, raw_offset - self._line_starts[line] + 1, raw_offset)

    def span(self, start: int, end: int) -> tuple[Position, Position] | None:
        """Original start and (exclusive) end positions of the analysed span [start, end)."""
        a = self.raw_offset(start)
        if a is None:
            return None
        last = self.raw_offset(max(start, end - 1))
        b = a + 1 if last is None or last < a else last + 1
        return self.position(a), self.position(b)
