"""Markdown pages: set aside what is not prose, keeping every offset.

:func:`mask_markdown` replaces front matter, fenced and indented code blocks, inline code,
link targets (the ``(url)`` of ``[text](url)``, reference definitions, ``[ref]`` labels,
autolinks and bare URLs), images, HTML comments and HTML tags with spaces. The result has
the same length and the same line breaks as the input, so an offset (and a line:column)
in the masked text is the same place in the original file.

Link text stays (``[the report](https://…)`` reads as "the report"); the brackets go.
"""

from __future__ import annotations

import re

_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n")
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s")
_BLANK = re.compile(r"^\s*$")
_INDENTED = re.compile(r"^(?: {4}|\t)")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.MULTILINE)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|!\[[^\]\n]*\]\[[^\]\n]*\]")
_INLINE_LINK = re.compile(r"(\[)([^\]\n]*)(\]\([^)\n]*(?:\([^)\n]*\)[^)\n]*)*\))")
_REF_LINK = re.compile(r"(\[)([^\]\n]+)(\]\[[^\]\n]*\])")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>|<[^@\s>]+@[^@\s>]+>")
_BARE_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end without the line break) of every line."""
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        spans.append((pos, pos + len(body)))
        pos += len(line)
    return spans


def code_spans(text: str) -> list[tuple[int, int]]:
    """Spans that are not prose at all: front matter, code blocks, inline code.

    Suppression directives inside these spans are examples, not directives.
    """
    spans: list[tuple[int, int]] = []
    lines = _line_spans(text)
    n = len(lines)
    i = 0
    m = _FRONT_MATTER.match(text)
    if m:
        fence = text[: 3]
        for k in range(1, n):
            a, b = lines[k]
            if text[a:b].strip() in (fence, "..." if fence == "---" else fence):
                spans.append((0, b))
                i = k + 1
                break
    in_list = False
    prev_blank = True
    while i < n:
        a, b = lines[i]
        line = text[a:b]
        fm = _FENCE.match(line)
        if fm:
            marker = fm.group(2)
            end_b = len(text)
            j = i + 1
            while j < n:
                la, lb = lines[j]
                close = text[la:lb].strip()
                if close.startswith(marker[0] * len(marker)) and set(close) == {marker[0]}:
                    end_b = lb
                    break
                j += 1
            spans.append((a, end_b))
            i = j + 1
            prev_blank = False
            continue
        if _BLANK.match(line):
            prev_blank = True
            i += 1
            continue
        if _INDENTED.match(line) and prev_blank and not in_list:
            j = i
            last = b
            while j < n:
                la, lb = lines[j]
                body = text[la:lb]
                if _INDENTED.match(body):
                    last = lb
                elif not _BLANK.match(body):
                    break
                j += 1
            spans.append((a, last))
            i = j
            prev_blank = True
            continue
        if _LIST_ITEM.match(line):
            in_list = True
        elif prev_blank and not _INDENTED.match(line):
            in_list = False
        prev_blank = False
        i += 1
    spans.extend(_inline_code(text, spans))
    spans.sort()
    return spans


def _inline_code(text: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Backtick code spans (a run of n backticks closed by the next run of exactly n),
    outside code blocks and within one paragraph."""
    out = []
    starts = [s for s, _ in blocks]
    i = 0
    n = len(text)
    while True:
        i = text.find("`", i)
        if i < 0:
            break
        if _inside(i, blocks, starts):
            i += 1
            continue
        j = i
        while j < n and text[j] == "`":
            j += 1
        run = j - i
        k = j
        found = -1
        while True:
            k = text.find("`" * run, k)
            if k < 0:
                break
            if re.search(r"\n[ \t]*\n", text[j:k]):
                break  # code spans do not cross paragraphs
            e = k
            while e < n and text[e] == "`":
                e += 1
            if e - k == run:
                found = e
                break
            k = e
        if found < 0:
            i = j
            continue
        out.append((i, found))
        i = found
    return out


def _inside(pos: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    import bisect

    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def comment_spans(text: str, code: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """HTML comments outside code (``<!-- ... -->``)."""
    code = code_spans(text) if code is None else code
    starts = [s for s, _ in code]
    return [m.span() for m in _COMMENT.finditer(text) if not _inside(m.start(), code, starts)]


def mask_markdown(text: str) -> str:
    """``text`` with everything that is not prose replaced by spaces (same length, line
    breaks kept)."""
    if not text:
        return text
    chars = list(text)
    code = code_spans(text)
    for a, b in code:
        _blank(chars, a, b)
    masked = "".join(chars)  # later patterns must not see code
    for a, b in comment_spans(text, code):
        _blank(chars, a, b)
    masked = "".join(chars)
    for m in _REF_DEF.finditer(masked):
        _blank(chars, *m.span())
    for m in _IMAGE.finditer(masked):
        _blank(chars, *m.span())
    masked = "".join(chars)
    for rx in (_INLINE_LINK, _REF_LINK):
        for m in rx.finditer(masked):
            _blank(chars, *m.span(1))
            _blank(chars, *m.span(3))
    masked = "".join(chars)
    for rx in (_AUTOLINK, _BARE_URL, _HTML_TAG):
        for m in rx.finditer(masked):
            _blank(chars, *m.span())
        masked = "".join(chars)
    return masked
