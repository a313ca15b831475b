"""Direct quotations in a paragraph: the spans :func:`analyser.document.parse` records.

Curly and guillemet pairs, straight double quotes paired by the characters on each side
of them, and single quotes used as quotation marks rather than apostrophes. Each scan
moves forward through the paragraph, so the cost is linear in its length.
"""

from __future__ import annotations

import re

_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“"}
#: A quotation in single marks closes within this many characters of its opening mark
#: (further on, the mark was an apostrophe).
MAX_SINGLE_QUOTE = 400
#: Every character that can open a quotation.
_MARK = re.compile("[" + "".join(_OPEN_CLOSE) + "\"'‘]")


def find_quotes(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Direct-quotation spans (including the quote marks) inside paragraph [a, b).

    Curly and guillemet pairs, straight double quotes paired in order, and single quotes
    used as quotation marks (opening after a space, closing before a non-letter) rather than
    apostrophes. A quote left open runs to the end of the paragraph, as news style does
    for quotations that continue into the next paragraph.
    """
    spans: list[tuple[int, int]] = []
    i = a
    while i < b:
        m = _MARK.search(text, i, b)  # other characters open nothing: skip them at once
        if m is None:
            break
        i = m.start()
        c = text[i]
        close: str | None = None
        if c in _OPEN_CLOSE:
            close = _OPEN_CLOSE[c]
        elif c == '"':
            close = '"'
        elif c in "'‘" and (i == a or not text[i - 1].isalnum()) and i + 1 < b and (
            text[i + 1].isalpha()
        ):
            close = "'’" if c == "'" else "’"
            j = i + 1
            end = -1
            # a closing mark further than MAX_SINGLE_QUOTE would not count: look no further,
            # so a paragraph of apostrophes is not scanned to its end from each of them
            stop = min(b, i + MAX_SINGLE_QUOTE + 1)
            while j < stop:
                if text[j] in close and (j + 1 >= b or not text[j + 1].isalpha()) and (
                    j > i + 1 and not text[j - 1].isspace()
                ):
                    # "the 1990s' crisis" style plural possessive: keep looking if a letter
                    # follows after a space and the quote is very short
                    end = j
                    break
                j += 1
            if end > 0 and end - i <= MAX_SINGLE_QUOTE:
                spans.append((i, end + 1))
                i = end + 1
                continue
            i += 1
            continue
        if close is None:
            i += 1
            continue
        if close == '"':
            if _straight_role(text, i, a, b) == "close":
                i += 1  # a stray closing mark with no opening one: not a quotation
                continue
            j, end = _straight_close(text, i, a, b)
            spans.append((i, end))
            if j < 0:
                break
            i = j
            continue
        j = text.find(close, i + 1, b)
        if j < 0:
            spans.append((i, b))
            break
        spans.append((i, j + 1))
        i = j + 1
    return spans


_OPENING_CONTEXT = frozenset(" \t\n([{—–-/")


def _straight_role(text: str, i: int, a: int, b: int) -> str:
    """Whether the straight double quote at ``i`` opens ("open"), closes ("close") or could
    do either ("either"), from the characters on each side of it."""
    before = text[i - 1] if i > a else " "
    after = text[i + 1] if i + 1 < b else " "
    opens = before in _OPENING_CONTEXT and not after.isspace()
    closes = not before.isspace() and (after.isspace() or not after.isalnum())
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _straight_close(text: str, i: int, a: int, b: int) -> tuple[int, int]:
    """(where scanning resumes, end of the quotation) for a straight quote opened at ``i``.

    The quotation ends at the next mark that can close it. A mark that can only open means
    the quotation before it was never closed (a typo, or a quote running on): it ends just
    before that mark, at the last sentence end if there is one, so one stray mark does not
    flip every later quotation of the paragraph. Unclosed to the end: the paragraph's end.
    """
    j = text.find('"', i + 1, b)
    while j >= 0:
        role = _straight_role(text, j, a, b)
        if role != "open":
            return j + 1, j + 1
        cut = max(text.rfind(". ", i, j), text.rfind("? ", i, j), text.rfind("! ", i, j))
        return j, (cut + 1 if cut > i else j)
    return -1, b
