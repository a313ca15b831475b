"""Inline suppression directives, read from the original file (the cleaner drops comments).

``<!-- analyser: ignore FIL001, HDG -->``
    suppresses the listed codes or prefixes (all codes when none are listed) in the next
    block: for Markdown and text, the paragraph that follows (up to a blank line); for HTML,
    the element that follows (up to its closing tag).
``<!-- analyser: off -->`` … ``<!-- analyser: on -->``
    suppresses everything in between (``off FIL`` suppresses only those codes); an ``off``
    without ``on`` runs to the end of the file.

Directives inside Markdown code (fences, indented blocks, inline code) are examples, not
directives. A finding is suppressed when its start, mapped back to the original file, falls
in a region that covers its code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIRECTIVE = re.compile(
    r"<!--\s*analy[sz]er\s*:\s*(?P<verb>[A-Za-z-]+)(?P<args>[^>]*?)\s*-->", re.IGNORECASE
)
_OPEN_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9]*)\b[^>]*>")
# A blank line ends a paragraph, whatever the line endings (LF, CRLF or old-Mac lone CR).
_NEWLINE = r"(?:\r\n|\r(?!\n)|\n)"
_PARAGRAPH_END = re.compile(_NEWLINE + r"[ \t]*" + _NEWLINE)
_CODE = re.compile(r"^[A-Z]{1,3}\d{0,3}$")
VERBS = ("ignore", "off", "on")


@dataclass(frozen=True)
class Region:
    """Offsets [start, end) of the original file where ``codes`` (None: all) are off."""

    start: int
    end: int
    codes: tuple[str, ...] | None

    def covers(self, code: str, offset: int) -> bool:
        if not self.start <= offset < self.end:
            return False
        return self.codes is None or any(code.startswith(c) for c in self.codes)


@dataclass(frozen=True)
class Suppressions:
    """The suppressed regions of one file, and directives that could not be read."""

    regions: tuple[Region, ...] = ()
    #: (offset in the original, message) for each malformed directive.
    problems: tuple[tuple[int, str], ...] = ()

    def suppresses(self, code: str, offset: int | None) -> bool:
        """True when the finding with ``code`` starting at ``offset`` is switched off."""
        if offset is None:
            return False
        return any(r.covers(code, offset) for r in self.regions)


def _codes(args: str) -> tuple[tuple[str, ...] | None, list[str]]:
    parts = [p.strip().upper() for p in re.split(r"[,\s]+", args) if p.strip()]
    bad = [p for p in parts if not _CODE.match(p)]
    good = tuple(p for p in parts if _CODE.match(p))
    return (good or None), bad


def _next_block_end(raw: str, pos: int, fmt: str) -> int:
    """End of the block that follows ``pos`` (a directive's end)."""
    n = len(raw)
    start = pos
    while start < n and raw[start].isspace():
        start += 1
    if fmt == "html":
        m = _OPEN_TAG.match(raw, start)
        if m:
            close = re.compile(rf"</{re.escape(m.group(1))}\s*>", re.IGNORECASE)
            c = close.search(raw, m.end())
            if c:
                return c.end()
    m = _PARAGRAPH_END.search(raw, start)
    return m.start() if m else n


def parse_directives(raw: str, fmt: str = "text") -> Suppressions:
    """Find every ``<!-- analyser: ... -->`` directive in the original file."""
    if "analy" not in raw:
        return Suppressions()
    code: list[tuple[int, int]] = []
    if fmt == "markdown":
        from ..ingest.markdown import code_spans

        code = code_spans(raw)

    def in_code(offset: int) -> bool:
        return any(a <= offset < b for a, b in code)

    regions: list[Region] = []
    problems: list[tuple[int, str]] = []
    open_offs: list[tuple[int, tuple[str, ...] | None]] = []
    for m in _DIRECTIVE.finditer(raw):
        if in_code(m.start()):
            continue
        verb = m.group("verb").lower()
        codes, bad = _codes(m.group("args"))
        if verb not in VERBS:
            problems.append((m.start(), f"unknown analyser directive '{verb}' "
                                        f"(use {', '.join(VERBS)})"))
            continue
        if bad:
            problems.append((m.start(), f"not a rule code or prefix: {', '.join(bad)}"))
        if verb == "ignore":
            regions.append(Region(m.end(), _next_block_end(raw, m.end(), fmt), codes))
        elif verb == "off":
            open_offs.append((m.end(), codes))
        else:  # on: closes every open region
            if not open_offs:
                problems.append((m.start(), "'analyser: on' without an earlier 'off'"))
            regions.extend(Region(start, m.start(), c) for start, c in open_offs)
            open_offs = []
    regions.extend(Region(start, len(raw), c) for start, c in open_offs)
    return Suppressions(tuple(regions), tuple(problems))
