"""The parsed article: paragraphs (with kind), sentences, tokens, quote spans.

Every span is a pair of character offsets into ``Document.text`` (the cleaned text), so
``text[start:end]`` is always the thing itself. The document is built once per article and
shared by every metric family; no metric re-tokenises the raw text.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .block_kinds import LABEL_VALUE, structure_kind
from .errors import UnsupportedInputError
from .quote_spans import find_quotes
from .resources import syllables
from .sentence_spans import sentence_spans
from .tokens import TOKEN_RE as _TOKEN_RE
from .tokens import lowered
from .unwrap import FINAL_PUNCT as _FINAL_PUNCT
from .unwrap import SMALL_WORDS as _SMALL_WORDS
from .unwrap import wrap_width, wrapped_breaks

PROSE = "prose"

_LIST_MARKER = re.compile(r"^(?:[•*\-–—·▪►‣◦]|\(?\d{1,3}[.)]|[a-z][.)])\s+")
_HEADING_MD = re.compile(r"^#{1,6}\s+")
_BYLINE = re.compile(r"^(?:by\s+[|A-Z\w]|by\s*\|)", re.IGNORECASE)
_TABLE_SEP = re.compile(r"\t| \| ")
#: A run of more words than this with no sentence end (a keyword dump, a transcript with
#: no full stops) is cut into the fewest pieces of at most this many words, of near-equal
#: length, and each piece counts as a sentence. News sentences stay far below it (the
#: longest of 2,225 BBC articles has 138 words); without it one 5 MB line is one sentence
#: and the readability formulas, which divide words by sentences, leave their scale
#: (Flesch reading ease -895,694), while per-sentence work grows with the run's length.
MAX_SENTENCE_WORDS = 250


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of the article: a heading, prose paragraph, list item, table row, byline,
    label: value row, caption or dateline (``analyser.models.BLOCK_KINDS``)."""

    index: int
    start: int
    end: int
    kind: str


class Token(NamedTuple):
    """A word, number or punctuation mark. ``kind`` is 'word', 'number' or 'punct'.

    Its ``end`` is computed, not stored: an article holds one token per word and mark,
    so each field costs memory in proportion to its length. A named tuple (immutable,
    compared and hashed by its fields): :func:`parse` builds one per token, and a tuple
    is built in C where an object with slots runs a Python ``__init__``.
    """

    start: int
    text: str
    kind: str
    sentence: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def lower(self) -> str:
        return self.text.lower()


#: Builds a Token from a tuple of its fields without the Python-level ``__new__``.
_new_tuple = tuple.__new__


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence with its counts; ``tokens`` is a range of indices into Document.tokens."""

    index: int
    start: int
    end: int
    paragraph: int
    kind: str
    token_start: int
    token_end: int
    words: int
    syllables: int
    polysyllables: int  # words of three or more syllables
    long_words: int  # words of seven or more letters
    letters: int  # letters and digits in words

    @property
    def is_prose(self) -> bool:
        return self.kind == PROSE


@dataclass
class Document:
    """A parsed article. Build it with :func:`parse`."""

    text: str
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    tokens: list[Token]
    quotes: list[tuple[int, int]]
    word_syllables: Sequence[int] = field(repr=False)  # per token; 0 for punctuation
    _quote_starts: list[int] = field(default_factory=list, repr=False)
    #: Values derived from the document that several families read (see :meth:`derived`).
    _derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._quote_starts = [q[0] for q in self.quotes]

    def derived(self, key: str, compute: Callable[[Document], Any]) -> Any:
        """``compute(self)``, computed once per document and shared by the families that
        need it (the document is immutable once parsed, so the value cannot go stale)."""
        if key not in self._derived:
            self._derived[key] = compute(self)
        return self._derived[key]

    def forget_derived(self) -> None:
        """Drop the values :meth:`derived` computed (they are computed again on next use):
        once the families have run, a long article's shared tables need not outlive
        them. Single numbers stay (the analysis reads ``own_words`` afterwards)."""
        kept = {k: v for k, v in self._derived.items() if k in _KEPT_DERIVED}
        self._derived.clear()
        self._derived.update(kept)

    def in_quote(self, start: int, end: int | None = None) -> bool:
        """True when the span [start, end) lies inside a direct quotation."""
        end = start + 1 if end is None else end
        i = bisect.bisect_right(self._quote_starts, start) - 1
        return i >= 0 and self.quotes[i][0] <= start and end <= self.quotes[i][1]

    def sentence_tokens(self, i: int) -> list[Token]:
        s = self.sentences[i]
        return self.tokens[s.token_start : s.token_end]

    def sentence_text(self, i: int) -> str:
        s = self.sentences[i]
        return self.text[s.start : s.end]

    @property
    def prose_sentences(self) -> list[Sentence]:
        """Sentences used for sentence statistics: prose, or every sentence if there is none."""
        prose = [s for s in self.sentences if s.is_prose]
        return prose or list(self.sentences)

    @property
    def words(self) -> list[Token]:
        """Word and number tokens."""
        return [t for t in self.tokens if t.kind != "punct"]

    @property
    def word_count(self) -> int:
        """How many words (and numbers) the document has: ``len(self.words)``."""
        return sum(s.words for s in self.sentences)

    @property
    def own_words(self) -> int:
        """Words (and numbers) outside direct quotations: the writer's own, which the
        per-1,000-words rates of the writer's language are counted over."""
        return self.derived("own_words", _own_words)

    @property
    def quoted_words(self) -> int:
        """Words (and numbers) inside direct quotations."""
        return self.word_count - self.own_words

    def lower_words(self, numbers: bool = True,
                    sentences: Container[int] | None = None) -> list[str]:
        """The lower-case forms of the words (and numbers, unless ``numbers`` is false) in
        text order, of the sentences in ``sentences`` (all when None). The forms are
        found once per document for every family that asks."""
        forms, is_word, where = self.derived("lower_words", _lower_words)
        if sentences is None:
            return list(forms) if numbers else [f for f, w in zip(forms, is_word, strict=True) if w]
        if numbers:
            return [f for f, s in zip(forms, where, strict=True) if s in sentences]
        return [f for f, w, s in zip(forms, is_word, where, strict=True) if w and s in sentences]

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (or the nearest before it), -1 if none."""
        starts = self.derived("sentence_starts", _sentence_starts)
        return bisect.bisect_right(starts, offset) - 1


def count_words(text: str) -> int:
    """The words (and numbers) :func:`parse` finds in ``text``, counted without building
    a document: a cheap first check of an input's length."""
    return sum(1 for m in _TOKEN_RE.finditer(text) if m.lastgroup != "punct")


def check_text_length(text: str, limit: int) -> None:
    """:func:`check_length` of ``text``'s words; a text of no more characters than the
    limit is not counted (a word takes a character at least)."""
    if len(text) > limit:
        check_length(count_words(text), limit)


def check_length(words: int, limit: int) -> None:
    """Refuse an article of more than ``limit`` words (the ``max-article-words``
    setting) with an input error that gives both numbers."""
    if words > limit:
        raise UnsupportedInputError(
            f"article has {words:,} words, over the limit of {limit:,} (max-article-words)")


#: Derived values :meth:`Document.forget_derived` keeps: single numbers.
_KEPT_DERIVED = frozenset({"own_words"})


def _lower_words(doc: Document) -> tuple[list[str], list[bool], list[int]]:
    """(lower-case form, is a word rather than a number, sentence) of every word and
    number token, as parallel lists."""
    toks = [t for t in doc.tokens if t.kind != "punct"]
    return (lowered([t.text for t in toks]), [t.kind == "word" for t in toks],
            [t.sentence for t in toks])


def _sentence_starts(doc: Document) -> list[int]:
    return [s.start for s in doc.sentences]


def _own_words(doc: Document) -> int:
    if not doc.quotes:
        return doc.word_count
    # one sweep in text order: a word's quote is the last one starting at or before it,
    # as in Document.in_quote
    quotes, n, i, quoted = doc.quotes, len(doc.quotes), -1, 0
    for start, text, kind, _ in doc.tokens:
        if kind == "punct":
            continue
        while i + 1 < n and quotes[i + 1][0] <= start:
            i += 1
        if i >= 0 and start + len(text) <= quotes[i][1]:
            quoted += 1
    return doc.word_count - quoted


def classify_block(line: str) -> str:
    """Guess a block's kind from its text alone (used when the clean stage gave none)."""
    s = line.strip()
    if _HEADING_MD.match(s):
        return "heading"
    if _LIST_MARKER.match(s):
        return "list_item"
    words = s.split()
    if _BYLINE.match(s) and len(words) <= 12:
        return "byline"
    if _TABLE_SEP.search(s):
        return "table_row"
    if len(words) <= 5 and s.endswith(":") and s[0].isupper():
        return "heading"  # a label heading the lines below it ("Summary:", "Key points:")
    if len(words) <= 16 and not re.search(r"[.!:;,]$", s):
        content = [w for w in words if w.lower() not in _SMALL_WORDS]
        caps = sum(1 for w in content if w[:1].isupper() or not w[:1].isalpha())
        if s.endswith("?"):
            if content and caps / len(content) >= 0.6:
                return "heading"
        elif not content or caps / len(content) >= 0.6 or len(words) <= 8:
            return "heading"
    return PROSE


def _refine(block: str, kind: str) -> str:
    """Structure read as prose (label: value rows, line-ups, captions, datelines) gets its
    own kind; a heading can turn out a caption or a dateline, never a label row ("Brexit:
    What happens next" is a headline)."""
    if kind not in (PROSE, "heading"):
        return kind
    found = structure_kind(block)
    if found is None or (kind == "heading" and found == LABEL_VALUE):
        return kind
    return found


def split_blocks(text: str) -> list[tuple[int, int]]:
    """Split text into block spans: one per line, except hard-wrapped prose is joined.

    Which line breaks are a fixed-width wrap inside a paragraph is decided by
    :func:`analyser.unwrap.wrapped_breaks`, one run of non-blank lines at a time; every
    other line is its own block, which is how page dumps and cleaned text (one block per
    line) are laid out.
    """
    spans: list[tuple[int, int]] = []
    run: list[tuple[int, int, str]] = []
    width = wrap_width(text.splitlines())

    def flush() -> None:
        bodies = [b for _, _, b in run]
        joins = wrapped_breaks(bodies, [bool(_LIST_MARKER.match(b.strip())) for b in bodies],
                               width)
        first = 0
        for k in range(len(run)):
            if k == len(run) - 1 or not joins[k]:
                spans.append(_strip_span(text, run[first][0], run[k][1]))
                first = k + 1
        run.clear()

    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        if body.strip():
            run.append((pos, pos + len(body), body))
        else:
            flush()
        pos += len(raw)
    flush()
    return [s for s in spans if s[1] > s[0]]


def _strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _bounded_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with every span of more than ``MAX_SENTENCE_WORDS`` words cut into the
    fewest pieces of at most that many words, of near-equal length; a piece ends with the
    punctuation before the next piece's first word."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        # a word takes a character at least: a span this short cannot be too long
        n = 0 if e - s <= MAX_SENTENCE_WORDS else sum(
            1 for m in _TOKEN_RE.finditer(text, s, e) if m.lastgroup != "punct")
        if n <= MAX_SENTENCE_WORDS:
            out.append((s, e))
            continue
        pieces = -(-n // MAX_SENTENCE_WORDS)
        done = piece = 0
        start = end = s
        for m in _TOKEN_RE.finditer(text, s, e):
            if m.lastgroup != "punct":
                if done == (piece + 1) * n // pieces:  # this word opens the next piece
                    out.append((start, end))
                    start, piece = m.start(), piece + 1
                done += 1
            end = m.end()
        out.append((start, e))
    return out


def _blocks(text: str, kinds: Sequence[str] | None) -> tuple[list[tuple[int, int]], list[str]]:
    """Block spans and kinds: one block per non-empty line with the cleaner's ``kinds``,
    or :func:`split_blocks` classified by :func:`classify_block`; then structure read as
    prose gets its own kind (:func:`_refine`)."""
    if kinds is not None:
        spans = []
        pos = 0
        for raw in text.splitlines(keepends=True):
            body = raw.rstrip("\r\n")
            if body.strip():
                spans.append(_strip_span(text, pos, pos + len(body)))
            pos += len(raw)
        if len(spans) != len(kinds):
            raise ValueError(f"{len(kinds)} block kinds given for {len(spans)} blocks")
        block_kinds = list(kinds)
    else:
        spans = split_blocks(text)
        block_kinds = [classify_block(text[s:e]) for s, e in spans]
        # a lone short line that ends like a sentence ("He declined.") is prose
        if len(spans) == 1 and _FINAL_PUNCT.search(text[spans[0][0] : spans[0][1]]):
            block_kinds[0] = PROSE
    return spans, [_refine(text[a:b], k) for (a, b), k in zip(spans, block_kinds, strict=True)]


#: What :func:`parse` needs of one token form: (text, token kind, syllables, letters and
#: digits, regex group, then what it adds to its sentence's counts of words,
#: polysyllables and long words: 0 or 1 each).
Form = tuple[str, str, int, int, str, int, int, int]


#: Token forms seen so far, by text: one string per distinct form (a long article repeats
#: its words, and its tokens then hold shared strings rather than a copy each), with the
#: counts of each form computed once. Bounded, so a text of endless distinct "words"
#: cannot grow it without limit (about 100 bytes a form).
_FORMS: dict[str, Form] = {}
_FORMS_MAX = 200_000


def _form(tok: str, group: str) -> Form:
    """The :data:`Form` of one token form; punctuation has no syllables and adds nothing
    to its sentence's counts."""
    if group == "punct":
        return tok, "punct", 0, 0, group, 0, 0, 0
    kind = "number" if group == "num" else "word"
    syl = syllables(tok) if kind == "word" else 1
    letters = sum(1 for ch in tok if ch.isalnum())
    return tok, kind, syl, letters, group, 1, int(syl >= 3), int(letters >= 7)


def parse(text: str, kinds: Sequence[str] | None = None) -> Document:
    """Parse ``text`` into a :class:`Document`.

    ``kinds``, when given, is the block kind of each non-empty line (as the clean stage
    produced them); otherwise blocks are found with :func:`split_blocks` and classified
    with :func:`classify_block`.
    """
    spans, block_kinds = _blocks(text, kinds)

    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    word_syll = array("H")  # two bytes a token, not a pointer to an int
    quotes: list[tuple[int, int]] = []
    forms = _FORMS
    local: dict[str, Form] = {}  # once _FORMS is full
    for p_index, ((a, b), kind) in enumerate(zip(spans, block_kinds, strict=True)):
        paragraphs.append(Paragraph(p_index, a, b, kind))
        body_start = a
        # '^' only anchors at a real line start, so match on the block's own text
        marker = _LIST_MARKER if kind == "list_item" else _HEADING_MD if kind == "heading" else None
        m = marker.match(text[a:b]) if marker else None
        if m:
            body_start = a + m.end()
        quotes.extend(find_quotes(text, body_start, b))
        for s, e in _bounded_spans(text, sentence_spans(text, body_start, b, kind == "heading")):
            t0 = len(tokens)
            si = len(sentences)  # one int object shared by the sentence's tokens
            n_words = n_syl = n_poly = n_long = n_letters = 0
            for m in _TOKEN_RE.finditer(text, s, e):
                tok = m.group()
                group = m.lastgroup
                known = forms.get(tok) or local.get(tok)
                if known is None or known[4] != group:
                    known = _form(tok, group)
                    (forms if len(forms) < _FORMS_MAX else local).setdefault(tok, known)
                tok, kind_t, syl, letters, _, is_word, poly, long_word = known
                tokens.append(_new_tuple(Token, (m.start(), tok, kind_t, si)))
                word_syll.append(syl)
                # a mark adds 0 to every count: no branch on the kind
                n_words += is_word
                n_syl += syl
                n_poly += poly
                n_letters += letters
                n_long += long_word
            if n_words == 0 and sentences and sentences[-1].paragraph == p_index:
                # a stray mark (an ellipsis, a lone quote) is not a sentence of its own
                prev = sentences.pop()
                sentences.append(
                    Sentence(prev.index, prev.start, e, p_index, kind, prev.token_start,
                             len(tokens), prev.words, prev.syllables, prev.polysyllables,
                             prev.long_words, prev.letters)
                )
                for k in range(t0, len(tokens)):
                    t = tokens[k]
                    tokens[k] = Token(t.start, t.text, t.kind, prev.index)
                continue
            sentences.append(
                Sentence(si, s, e, p_index, kind, t0, len(tokens), n_words, n_syl,
                         n_poly, n_long, n_letters)
            )
    return Document(text, paragraphs, sentences, tokens, quotes, word_syll)
