"""Hard-wrapped plain text: which line breaks are a fixed-width wrap, not the writer's.

E-mail and text dumps are often wrapped at a fixed width (60 to 80 characters), with
paragraphs separated by blank lines; a sentence then runs across line breaks ("He was" /
"judged."), and read line by line its pieces become a heading and a fragment. Lines that
are really separate (list items, line-ups, headings, menus, a page's furniture) must stay
separate, so a break is only taken for a wrap when the lines say so:

- the text as a whole is wrapped: its long lines stop at one plausible wrap width
  (:func:`wrap_width`), which a page dump's paragraphs, one a line, run past;
- the line is full: the next line's first word would not have fitted after it (with some
  slack, as wrappers that fill optimally leave lines a little short);
- the sentence goes on across the break: the next line starts lower-case, or the line
  ends in a comma, a dash or a small word ("of", "the", "and"). A single break needs that
  evidence itself; in a run of three or more full lines, half of the breaks need it (a
  wrapped paragraph also breaks after a full stop or before a name);
- the joined paragraph ends like a sentence (unless it is a list item): a menu or a list
  of headlines does not.

A list item, a table row, a label ending in a colon, and a title-case line above the
text are never joined to the next line. This module is the one place the rule lives:
the clean stage (``clean.blocks.split_lines``) and bare-text parsing
(``document.split_blocks``) both ask it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Widest line of a run that can be a fixed wrap width: below it a run is a list or a
#: menu, above it lines are whole paragraphs of a page dump.
WRAP_MIN_WIDTH = 40
WRAP_MAX_WIDTH = 120
#: A line is full when the next word would have taken it past this share of the width.
FULL_SHARE = 0.9
#: A wrapped line is at least this share of the width (the next word was not that long).
MIN_LINE_SHARE = 0.6
#: A wrapped text has at most this share of its long lines past the wrap width (URLs).
OVER_WIDTH_SHARE = 0.05

FINAL_PUNCT = re.compile(r"[.!?…:;][\"'”’)\]]*$")
SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of on or over the to up via vs with is are was".split()
)
_CELLS = re.compile(r"\t| \| ")
_OPEN_END = re.compile(r"(?:[,(–—]|\w-)$")
_LAST_WORD = re.compile(r"\b([^\W\d_]+)$")
# Program text and shell lines: their lines are the writer's, however full.
_CODE = re.compile(r"[{}=`\\]|//|<[\w!]|\w\(|;$|^(?:[#$]|\.\.\.|\"[^\"]*\":|[a-z_]+:\s)")


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width a whole text is wrapped at, or None when it does not look wrapped.

    Wrapping is a property of the text, not of one paragraph: the text's longest lines sit
    at one width, and almost none is longer than a plausible wrap width (a page dump's
    paragraphs, one a line, run past it).
    """
    lengths = [len(x) for x in (ln.strip() for ln in lines) if len(x) >= WRAP_MIN_WIDTH]
    fitting = [n for n in lengths if n <= WRAP_MAX_WIDTH]
    if not fitting or len(lengths) - len(fitting) > OVER_WIDTH_SHARE * len(lengths):
        return None
    return max(fitting)


def wrapped_breaks(lines: Sequence[str], items: Sequence[bool] | None = None,
                   width: int | None = None) -> list[bool]:
    """For a run of consecutive non-blank ``lines``, whether each break (between line i and
    i + 1) is a hard wrap inside a paragraph. ``items`` marks the lines that start a list
    item (their marker is part of the line); ``width`` is the whole text's
    :func:`wrap_width` (by default the run's own)."""
    s = [ln.strip() for ln in lines]
    out = [False] * max(len(s) - 1, 0)
    if width is None:
        width = wrap_width(s)
    if len(s) < 2 or width is None:
        return out
    possible = [_may_wrap(s, i, width, items) for i in range(len(s) - 1)]
    i = 0
    while i < len(possible):
        if not possible[i]:
            i += 1
            continue
        j = i
        while j < len(possible) and possible[j]:
            j += 1
        evidence = sum(continues(s[k], s[k + 1]) for k in range(i, j))
        # a paragraph ends like a sentence (a list item need not); menus and headlines don't
        ends = bool(FINAL_PUNCT.search(s[j])) or (items is not None and items[i])
        if ends and (evidence == j - i or (j - i >= 2 and evidence >= 0.5 * (j - i))):
            out[i:j] = [True] * (j - i)
        i = j
    return out


def _may_wrap(s: Sequence[str], i: int, width: int, items: Sequence[bool] | None) -> bool:
    """The break after line ``i`` can be a wrap: the line is full, and neither line is a
    table row or program text, the next is no list item, and the line is no label or title
    above it."""
    a, b = s[i], s[i + 1]
    if not a or not b or (items is not None and items[i + 1]):
        return False
    if len(a) > width or len(a) < MIN_LINE_SHARE * width \
            or len(a) + 1 + len(b.split()[0]) <= FULL_SHARE * width:
        return False
    if any(rx.search(x) for rx in (_CELLS, _CODE) for x in (a, b)):
        return False
    first_a, first_b = a.split()[0], b.split()[0]
    if first_a == first_b and first_a.lower() not in SMALL_WORDS:
        return False  # rows of a listing: "rsync -t ...", "rsync -t ..."
    if a.endswith(":") and b[:1].isupper():
        return False
    return not title_line(a, b, i == 0 or bool(FINAL_PUNCT.search(s[i - 1])))


def continues(line: str, next_line: str) -> bool:
    """The sentence visibly goes on from ``line`` into ``next_line``."""
    a, b = line.rstrip(), next_line.lstrip()
    if FINAL_PUNCT.search(a):
        return False
    if b[:1].isalpha() and b[:1].islower():
        return True
    if _OPEN_END.search(a):
        return True
    m = _LAST_WORD.search(a)
    return bool(m) and m.group(1) in SMALL_WORDS


def title_line(line: str, next_line: str, starts_block: bool) -> bool:
    """A heading written on its own line above the text: it starts a block (first line, or
    after a sentence end), is short, Title Case, ends without punctuation and without a
    small word ("... of the"), and the next line starts with a capital."""
    s, nxt = line.strip(), next_line.strip()
    if not starts_block or not s or not nxt[:1].isupper() or FINAL_PUNCT.search(s):
        return False
    if s.endswith((",", "-", "–", "—")):
        return False
    words = s.split()
    if len(words) > 16 or words[-1].lower() in SMALL_WORDS or not s[0].isupper():
        return False
    content = [w for w in words if w.lower() not in SMALL_WORDS]
    caps = sum(1 for w in content if w[:1].isupper() or not w[:1].isalpha())
    return bool(content) and caps / len(content) >= 0.75


def join_lines(lines: Sequence[str]) -> str:
    """Wrapped lines as one line: a space between them, none after a hyphen that ends a
    line before a lower-case word ("well-" / "known" -> "well-known")."""
    out = ""
    for ln in lines:
        t = ln.strip()
        if not out:
            out = t
        elif out.endswith("-") and out[-2:-1].isalpha() and t[:1].islower():
            out += t
        else:
            out += " " + t
    return out
