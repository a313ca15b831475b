"""Line-level shape: list markers, and which kind of block (heading, byline, ...) a line is."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..unwrap import join_lines, wrap_width, wrapped_breaks

_BULLET = re.compile(r"^\s*(?:[•*\-–—·▪►‣◦]|\d{1,2}[.)])\s+")
_WORD = re.compile(r"\w+")
_SENT_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
_BYLINE = re.compile(
    r"^(?:by\b|written by\b|posted by\b|words by\b|reporting by\b)"
    r"|\bBy [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}\s*(?:\||,|–|-)?\s*"
    r"(?:[A-Z][a-z]+ \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}|Updated|Published)"
    r"|\bBy [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}[A-Z][a-z]+ \d{1,2}, \d{4}"
    r"|\b\d+ mins? read\b",
    re.IGNORECASE,
)
_BYLINE_STRICT = re.compile(r"^By\b|\bBy [A-Z]|\bBy \|", re.UNICODE)
# Fact boxes rendered without their cell separator: "Full NameClaudia Sheinbaum Pardo".
_FACT_ROW = re.compile(r"^[A-Z][a-z]+(?: (?:[A-Za-z]+|of))*?[a-z][A-Z][\w.(]")
_NUMBERED_ROW = re.compile(r"^(?:No\.|#|\d{1,3})\s+\S")
_LOWER_WORDS = frozenset(
    "a an the and or but nor for of on in at to by with from as vs via is are was be its "
    "into over under about after before than up".split()
)


@dataclass(frozen=True)
class Line:
    """One non-blank line of a text page, its list marker stripped."""

    text: str
    bullet: bool = False
    blank_before: bool = False


def split_lines(raw: str) -> list[Line]:
    """Split a text page into non-blank lines, recording list markers and blank-line breaks.

    Lines hard-wrapped at a fixed width inside a paragraph are joined into one line
    (``analyser.unwrap``): every later pass, and the cleaned text, sees the paragraph.
    """
    out: list[Line] = []
    run: list[str] = []
    blank = True
    width = wrap_width(raw.splitlines())

    def flush() -> None:
        nonlocal blank
        joins = wrapped_breaks(run, [bool(_BULLET.match(r)) for r in run], width)
        first = 0
        for k in range(len(run)):
            if k < len(run) - 1 and joins[k]:
                continue
            s = join_lines(run[first:k + 1])
            m = _BULLET.match(s)
            text = s[m.end():].strip() if m else s
            out.append(Line(text or s, bullet=bool(m and text), blank_before=blank))
            blank, first = False, k + 1
        run.clear()

    for ln in raw.splitlines():
        s = ln.strip()
        if not s:
            flush()
            blank = True
            continue
        run.append(s)
    flush()
    return out


def words(text: str) -> list[str]:
    """The \\w+ tokens of a line."""
    return list(_words(text))


@lru_cache(maxsize=256)
def _words(text: str) -> tuple[str, ...]:
    # a line is tested by several rules in turn (prose? heading? byline?), each counting
    # its words: found once while the article's lines are being read
    return tuple(_WORD.findall(text))


def ends_sentence(text: str) -> bool:
    """True when the line ends like a sentence (., !, ?, … maybe followed by a quote)."""
    return bool(_SENT_END.search(text.rstrip()))


def title_case_ratio(text: str) -> float:
    """Share of the line's alphabetic words (ignoring short function words) that are capitalised."""
    ws = [w for w in words(text) if w[0].isalpha() and w.lower() not in _LOWER_WORDS]
    if not ws:
        return 0.0
    return sum(w[0].isupper() for w in ws) / len(ws)


def is_byline(text: str) -> bool:
    """A byline: "By Jane Doe", "By | May 4, 2025", "News EditorBy News EditorMay 3, 2025 ..."."""
    t = text.strip()
    if len(words(t)) > 20 or (ends_sentence(t) and not t.endswith("Read")
                              and len(words(t)) > 8):
        return False
    return bool(_BYLINE.search(t)) and bool(_BYLINE_STRICT.search(t) or "read" in t.lower())


_BY_NAME = re.compile(r"(?:^|(?<=[a-z]))(?:written |words |reporting |posted )?by\s+(?=[^\W\d_])",
                      re.IGNORECASE)
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November"
           "|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec")
# Where the name ends: a separator, a date (glued on or not), a time or a "read" count.
_NAME_END = re.compile(
    r"\s*(?:[|,;•·/(–—]|\s-\s|\s(?:on|at|in|for|and updated|updated|published|posted)\b"
    r"|\d|(?:\b|(?<=[a-z]))(?:" + _MONTHS + r")\b\.? ?\d)"
)
_NAME_PARTICLES = frozenset("and & de da di del della van von der den la le du bin al el y".split())
_NOT_NAMES = frozenset("staff reporter reporters editor editors correspondent contributor "
                       "admin administrator team desk newsroom the a an".split())


def byline_author(text: str) -> str | None:
    """The author named in a byline ("By Jane Doe, Political Editor" -> "Jane Doe"), or None
    when the byline names nobody ("By | May 4, 2025")."""
    t = text.strip()
    m = _BY_NAME.search(t)
    if not m or len(words(t)) > 20:
        return None
    rest = t[m.end():]
    end = _NAME_END.search(rest)
    name = (rest[: end.start()] if end else rest).strip(" .:*_")
    parts = name.split()
    if not 1 <= len(parts) <= 6:
        return None
    for w in parts:
        if w.lower() in _NAME_PARTICLES:
            continue
        if not w[0].isupper() or any(c.isdigit() for c in w):
            return None
    if parts[0].lower() in _NAME_PARTICLES or parts[-1].lower() in _NAME_PARTICLES:
        return None
    if all(w.lower() in _NOT_NAMES for w in parts):
        return None
    return name


def looks_like_heading(text: str) -> bool:
    """Short, not ending in a full stop, and title-case-ish or a question."""
    t = text.strip()
    n = len(words(t))
    if n == 0 or len(t) > 200 or n > 18 and (n > 30 or title_case_ratio(t) < 0.8):
        return False
    if t.endswith("?"):
        return True
    if t.endswith((".", ",", ";")) or t.endswith("!") and n > 12:
        return False
    return title_case_ratio(t) >= 0.6 or (n <= 6 and t[0].isupper())


def is_fact_row(text: str) -> bool:
    """A fact-box row whose key and value were glued together ("Date of BirthJune 24, 1962")."""
    t = text.strip()
    return len(words(t)) <= 25 and not ends_sentence(t) and bool(_FACT_ROW.match(t))


def is_numbered_row(text: str) -> bool:
    """A table row starting with a row number or a "No." header ("1 Mexican President ...")."""
    return bool(_NUMBERED_ROW.match(text.strip()))


def runs(flags: Sequence[bool]) -> Iterator[tuple[int, int]]:
    """(start, end) of every maximal run of consecutive true flags, end exclusive."""
    n, i = len(flags), 0
    while i < n:
        if not flags[i]:
            i += 1
            continue
        j = i
        while j < n and flags[j]:
            j += 1
        yield i, j
        i = j


def table_row_flags(texts: list[str]) -> list[bool]:
    """Mark table rows: runs of 2+ fact-box rows, numbered rows, or tab/pipe separated cells."""
    n = len(texts)
    flags = [("\t" in t or t.count(" | ") >= 2) for t in texts]
    # Runs of lines with the same number of " | " cell separators are a table too.
    for i in range(n - 1):
        cells = texts[i].count(" | ")
        if cells and texts[i + 1].count(" | ") == cells:
            flags[i] = flags[i + 1] = True
    for pred in (is_fact_row, is_numbered_row):
        for i, j in runs([pred(t) for t in texts]):
            if j - i >= 2:
                for k in range(i, j):
                    flags[k] = True
    return flags


def has_article(texts: list[str]) -> bool:
    """Some running text: a sentence of 5+ words or a block of 8+ words. Menus and link
    lists alone are not an article."""
    for t in texts:
        n = len(words(t))
        if n >= 8 or n >= 5 and ends_sentence(t):
            return True
    return False


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_IMAGE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(?<!\w)(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_MD_RULE = re.compile(
    r"^\s{0,3}(?:[-*_]\s*){3,}$|^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


# Runs of spaces inside a line are what masking left of link targets, inline code and
# tags (ingest/markdown.py keeps every offset): one space between words, none before
# closing punctuation. Offsets into the cleaned text are mapped back to the file ignoring
# whitespace (review/positions.py), so squeezing it moves nothing.
_MASK_GAP_BEFORE_PUNCT = re.compile(r"(?<=\S) {2,}(?=[.,;:!?)\]”’\"'])")
_MASK_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
_EMPTY_BRACKETS = re.compile(r" ?\( {2,}\)")


def squeeze_spaces(line: str) -> str:
    """One space where a run of spaces sits between words; none before closing punctuation."""
    if "  " not in line:
        return line
    return _MASK_GAP.sub(" ", _MASK_GAP_BEFORE_PUNCT.sub("", line))


def markdown_to_text(raw: str) -> str:
    """Markdown to plain lines: heading marks, emphasis, links and rules go; table rows
    become "cell | cell"; list markers stay for split_lines; runs of spaces left by masking
    are squeezed."""
    out = []
    fenced = False
    for line in raw.splitlines():
        if line.strip().startswith("```"):
            fenced = not fenced
            continue
        if not fenced and _MD_RULE.match(line):
            out.append("")
            continue
        if not fenced:
            line = _MD_HEADING.sub("", line)
            line = re.sub(r"^\s*>\s?", "", line)
            line = _MD_IMAGE_LINK.sub(r"\1", line)
            line = _MD_EMPHASIS.sub(r"\2", line)
            if line.strip().startswith("|") and line.strip().endswith("|"):
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                line = " | ".join(cells)
            # brackets whose content masking blanked ("the parser (`parse()`)") say nothing
            line = _EMPTY_BRACKETS.sub("", line) if "  " in line else line
            line = squeeze_spaces(line)
        out.append(line)
    return "\n".join(out)
