"""Padding: how much of an article says something new.

Per article, over ``Document.prose_sentences`` (prose, or every sentence when an article
has none, so 300 copies of a line score the same with or without a final stop);
definitions and the composite's rationale: ``docs/padding_index.md``.

* ``novelty_ratio``: share of sentences that add at least one content term (a stem of a
  non-stopword that is not a filler or hedge word, a name or a number) that no earlier
  sentence of the article had. It falls as an article grows (a long piece is ever likelier
  to repeat only known words), so compare it between articles of similar length;
  ``local_novelty_ratio`` asks the same of the previous ``NOVELTY_WINDOW`` sentences
  only, which does not fall with length. The padding index uses neither.
* ``empty_sentence_ratio``: share of sentences that are *only* filler, meta-commentary
  or restatement: they restate an earlier sentence (RPT002), or no content term is left
  once the words inside filler/hedge/intensifier/weasel/padding/meta findings and
  non-content words ("really", "basically") are set aside.
  ``filler_only_sentence_ratio`` is the second kind alone.
* ``mtld``: Measure of Textual Lexical Diversity (McCarthy & Jarvis 2010, Behavior
  Research Methods 42(2)): mean length of word runs that keep a type-token ratio above
  0.72, forward and backward averaged, with the partial last factor; ``mattr``: moving-
  average type-token ratio over windows of 50 words (Covington & McFall 2010). Both over
  the lower-cased words of the whole text.
* ``compression_ratio``: zlib (level 9) compressed size over raw UTF-8 size: lower means
  more redundant text. Short texts score high (zlib's fixed overhead), so compare it
  between articles of similar length; the padding index does not use it.
* ``padding_index``: the 0-100 composite, with every part also emitted as
  ``padding_part_<name>`` (0-1) so a report can show what drives it. Its rate parts are
  estimated with a small prior toward typical news copy (``REFERENCE_RATES``), so that
  the index does not grow with length; a text too short to measure MTLD on
  (``MTLD_MIN_WORDS``) gets a neutral diversity part, and a text without words scores 0
  with every part 0.

Per sentence: ``novelty_curve`` (distinct content terms seen up to and including each
sentence) and ``empty_sentence`` (True/False; None for sentences not counted).

Reads the language family's findings (the writer's padding words) and the repetition
family's restatements and duplicate 5-grams.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..catalog import LANGUAGE_CATEGORIES
from ..document import Document
from ..models import Finding
from .base import Context, Family, FamilyResult, per_1k
from .language import FAMILY as LANGUAGE
from .repetition import FAMILY as REPETITION
from .repetition import sentence_terms
from .restatement import token_infos

MTLD_THRESHOLD = 0.72
MATTR_WINDOW = 50

#: The padding index: part -> (weight, value at which the part saturates to 1).
#: See docs/padding_index.md for why these parts and numbers.
INDEX_PARTS: dict[str, tuple[float, float]] = {
    "language": (0.35, 40.0),  # padding-language findings per 1,000 words of own prose
    "restatement": (0.25, 0.25),  # share of prose sentences that restate an earlier one
    "empty": (0.20, 0.30),  # empty_sentence_ratio
    "repetition": (0.10, 0.15),  # Gopher duplicate 5-gram character fraction
    "diversity": (0.10, 50.0),  # MTLD shortfall below MTLD_REFERENCE, in MTLD points
}
#: Rates as in typical professional news copy (means over 300 BBC News articles, every
#: 7th of the corpus; see docs/padding_index.md), and the size of the reference article
#: they stand for. Each rate part is estimated as if the article were followed by
#: ``REFERENCE_WORDS`` words (``REFERENCE_SENTENCES`` sentences) of such copy:
#: ``(n * rate + m * reference) / (n + m)``. Without this, a rare event (one restatement,
#: one hedge) is likelier to be seen at all in a long article than in a short one, and the
#: index would rank long articles as more padded although their rates are the same.
REFERENCE_RATES: dict[str, float] = {
    "language": 4.4,  # per 1,000 own words
    "restatement": 0.0043,  # share of sentences
    "empty": 0.0057,  # share of sentences
    "repetition": 0.0088,  # duplicate 5-gram character fraction
}
REFERENCE_WORDS = 500
REFERENCE_SENTENCES = 20
#: MTLD below which a text reads as repetitive: BBC news has median 106 and 5th percentile
#: 72, so only the repetitive tail moves the diversity part (full at MTLD 20).
MTLD_REFERENCE = 70.0
#: Texts of fewer words than this get a neutral (0) diversity part: MTLD is validated on
#: texts of 100 words or more (McCarthy & Jarvis 2010), and a shorter text rarely
#: completes a factor, so its MTLD is bounded by its length, not by its diversity.
MTLD_MIN_WORDS = 100
#: ``local_novelty_ratio``: a sentence is locally novel when it has a content term none of
#: the previous this-many sentences had, so that ratio does not fall as an article grows.
NOVELTY_WINDOW = 10


def mtld_pass(words: Sequence[str], threshold: float = MTLD_THRESHOLD) -> float:
    """One direction of MTLD: words per factor (a run whose TTR falls to ``threshold``)."""
    factors = 0.0
    types: set[str] = set()
    count = 0
    for w in words:
        count += 1
        if w not in types:
            # a new type cannot lower the TTR (t + 1) / (c + 1) >= t / c: no check needed
            types.add(w)
        elif len(types) / count <= threshold:
            factors += 1
            types = set()
            count = 0
    if count:
        factors += (1.0 - len(types) / count) / (1.0 - threshold)
    # A text that never loses diversity has no complete or partial factor: its MTLD is
    # bounded by its length (McCarthy & Jarvis leave this case undefined).
    return len(words) / factors if factors > 0 else float(len(words))


def mtld(words: Sequence[str], threshold: float = MTLD_THRESHOLD) -> float:
    """Bidirectional MTLD: the mean of the forward and the backward pass; 0 for no words."""
    if not words:
        return 0.0
    return (mtld_pass(words, threshold) + mtld_pass(_Backwards(words), threshold)) / 2


class _Backwards(Sequence[str]):
    """A word list read from its end, without a reversed copy of a long text's words."""

    def __init__(self, words: Sequence[str]) -> None:
        self.words = words

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, i):  # an int, or a slice (as a list)
        if isinstance(i, slice):
            return list(self)[i]
        return self.words[-1 - i]

    def __iter__(self) -> Iterator[str]:
        return reversed(self.words)


def mattr(words: Sequence[str], window: int = MATTR_WINDOW) -> float:
    """Moving-average TTR over windows of ``window`` words (plain TTR when shorter).

    Computed without sliding: a word at position i counts as a new type in every window
    that contains i but not the word's previous occurrence p, i.e. in the windows
    starting at max(p + 1, i - window + 1) .. min(i, n - window).
    """
    n = len(words)
    if n == 0:
        return 0.0
    if n <= window:
        return len(set(words)) / n
    # the previous occurrence of each word, found by sorting the word ids: arrays only,
    # as a list of a million Python ints would take ten times their memory
    ids: dict[str, int] = {}
    word_ids = np.fromiter((ids.setdefault(w, len(ids)) for w in words), dtype=np.int32,
                           count=n)
    order = np.argsort(word_ids, kind="stable")
    same = word_ids[order[1:]] == word_ids[order[:-1]]
    lo = np.full(n, -1, dtype=np.int32)
    lo[order[1:][same]] = order[:-1][same]
    lo += 1  # first window holding i but not the previous occurrence...
    pos = np.arange(n, dtype=np.int32)
    np.maximum(lo, pos - window + 1, out=lo)  # ...nor starting before i - window + 1
    hi = np.minimum(pos, n - window, out=pos)
    hi -= lo
    hi += 1
    total = int(np.clip(hi, 0, None, out=hi).sum(dtype=np.int64))
    return float(total) / ((n - window + 1) * window)


def compression_ratio(text: str) -> float:
    """zlib-compressed size over raw UTF-8 size (0 for an empty text)."""
    # a lone surrogate (valid in a JSON string) has no UTF-8 form: keep its code unit
    raw = text.encode("utf-8", "surrogatepass")
    return len(zlib.compress(raw, 9)) / len(raw) if raw else 0.0


def _content_terms(doc: Document, sentence: int, skip: list[tuple[int, int]]) -> list[str]:
    """Content terms of one sentence, leaving out tokens inside the ``skip`` spans and
    non-content words ("really", "basically")."""
    out = []
    toks = doc.sentence_tokens(sentence)
    for t, info in zip(toks, token_infos(toks), strict=True):
        if info is None or (skip and any(a <= t.start and t.end <= b for a, b in skip)):
            continue
        if info.term is not None and not info.noise:  # noise: a non-content word
            out.append(info.term)
    return out


def shrink(
    values: dict[str, float | None], *, own_words: int, words: int, sentences: int
) -> dict[str, float | None]:
    """The rate parts' values averaged with :data:`REFERENCE_RATES`, each weighted by the
    article's size (``own_words`` for the language rate, ``sentences`` for the sentence
    shares, ``words`` for the repetition fraction) against the reference article's;
    other values unchanged."""
    size = {"language": (own_words, REFERENCE_WORDS), "repetition": (words, REFERENCE_WORDS),
            "restatement": (sentences, REFERENCE_SENTENCES),
            "empty": (sentences, REFERENCE_SENTENCES)}
    out = dict(values)
    for name, ref in REFERENCE_RATES.items():
        v = values.get(name)
        if v is None:
            continue
        n, m = size[name]
        out[name] = (n * v + m * ref) / (n + m) if n + m > 0 else v
    return out


def index_parts(values: dict[str, float | None]) -> tuple[float, dict[str, float]]:
    """(padding_index 0-100, parts 0-1) from the raw values of the available parts."""
    parts: dict[str, float] = {}
    total_w = 0.0
    acc = 0.0
    for name, (weight, cap) in INDEX_PARTS.items():
        v = values.get(name)
        if v is None:
            continue
        p = min(1.0, max(0.0, v / cap)) if cap > 0 else 0.0
        parts[name] = p
        acc += weight * p
        total_w += weight
    return (100.0 * acc / total_w if total_w else 0.0), parts


@dataclass
class SentenceCounts:
    """What the sentence pass found: per-sentence values and counts over the counted
    (prose) sentences."""

    curve: list[int] = field(default_factory=list)
    empty: list[bool | None] = field(default_factory=list)
    counted: int = 0
    novel: int = 0
    local: int = 0
    empty_n: int = 0
    filler_only: int = 0
    restating: int = 0


def _language_spans(doc: Document, lang: Sequence[Finding]) -> list[list[tuple[int, int]]]:
    """Per sentence, the spans of its padding-language findings."""
    n = len(doc.sentences)
    spans: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for f in lang:
        si = f.sentence if 0 <= f.sentence < n else doc.sentence_at(f.start)
        if 0 <= si < n:
            spans[si].append((f.start, f.end))
    return spans


def count_sentences(doc: Document, spans: list[list[tuple[int, int]]],
                    restates: Sequence[int | None]) -> SentenceCounts:
    """Novelty (whole-article and local), the novelty curve and empty sentences, over the
    prose sentences (every sentence when there is no prose, as the other families'
    sentence statistics do)."""
    counted = {s.index for s in doc.prose_sentences}
    last_seen: dict[str, int] = {}  # term -> the last sentence that had it
    out = SentenceCounts()
    all_terms = sentence_terms(doc)
    for s in doc.sentences:
        noise = all_terms[s.index].noise
        weights = all_terms[s.index].weights
        terms = [t for t in weights if t not in noise] if noise else list(weights)
        is_new = any(t not in last_seen for t in terms)
        # locally novel: a term none of the previous NOVELTY_WINDOW sentences had
        horizon = s.index - NOVELTY_WINDOW
        is_novel = any(last_seen.get(t, -1 - NOVELTY_WINDOW) < horizon for t in terms)
        for t in terms:
            last_seen[t] = s.index
        out.curve.append(len(last_seen))
        if s.index not in counted:
            out.empty.append(None)
            continue
        out.counted += 1
        out.novel += is_new
        out.local += is_novel
        left = _content_terms(doc, s.index, spans[s.index]) if spans[s.index] else terms
        restating = restates[s.index] is not None
        out.filler_only += not left and not restating
        out.restating += restating
        out.empty_n += restating or not left
        out.empty.append(restating or not left)
    return out


def _ratio(n: int, total: int) -> float:
    return n / total if total else 0.0


def index_values(counts: SentenceCounts, words: Sequence[str], m: float, lang_own: int,
                 own_words: int, dup_5gram: float) -> dict[str, float | None]:
    """The raw value of every padding-index part (before shrinking toward the reference);
    ``m`` is the MTLD of ``words``."""
    if not words:  # nothing to measure: every part is 0 (as for an empty text)
        return {name: 0.0 for name in INDEX_PARTS}
    return {
        "language": per_1k(lang_own, own_words),
        "restatement": _ratio(counts.restating, counts.counted),
        "empty": _ratio(counts.empty_n, counts.counted),
        "repetition": dup_5gram,
        # MTLD is not defined on short texts: their diversity part is neutral (0)
        "diversity": max(0.0, MTLD_REFERENCE - m) if len(words) >= MTLD_MIN_WORDS else 0.0,
    }


def measure(ctx: Context) -> FamilyResult:
    """Novelty, empty sentences, lexical diversity, compression and the padding index."""
    doc = ctx.doc
    lang = [f for f in ctx.result(LANGUAGE).findings if f.category in LANGUAGE_CATEGORIES]
    repetition = ctx.result(REPETITION).data
    counts = count_sentences(doc, _language_spans(doc, lang), repetition.restates)
    words = doc.lower_words(numbers=False)
    own_words = doc.own_words
    lang_own = sum(1 for f in lang if not f.in_quote)
    # diversity and repetition read the prose (every sentence when there is none): a
    # listing's or a table's repeated cells are page structure, not padded writing
    prose = {s.index for s in doc.prose_sentences}
    prose_words = doc.lower_words(numbers=False, sentences=prose)
    m = mtld(words)
    m_prose = m if len(prose_words) == len(words) else mtld(prose_words)
    values = index_values(counts, prose_words, m_prose, lang_own, own_words,
                          repetition.prose_dup_5gram_char_ratio)
    all_words = sum(s.words for s in doc.sentences)
    estimates = (shrink(values, own_words=own_words, words=all_words, sentences=counts.counted)
                 if words else values)
    index, parts = index_parts(estimates)
    scores = {
        "novelty_ratio": _ratio(counts.novel, counts.counted),
        "local_novelty_ratio": _ratio(counts.local, counts.counted),
        "empty_sentence_ratio": _ratio(counts.empty_n, counts.counted),
        "filler_only_sentence_ratio": _ratio(counts.filler_only, counts.counted),
        "mtld": m,
        "mattr": mattr(words),
        "compression_ratio": compression_ratio(doc.text),
        "padding_index": index,
        "padding_language_available": 1.0,
    }
    for name in INDEX_PARTS:
        scores[f"padding_part_{name}"] = parts.get(name, 0.0)
    return FamilyResult(
        scores=scores,
        sentence_values={"novelty_curve": counts.curve, "empty_sentence": counts.empty},
        extras={"padding_parts": {k: round(v, 4) for k, v in parts.items()},
                "padding_values": dict(values),
                "padding_estimates": dict(estimates),
                "padding_counts": {"sentences": counts.counted, "restating": counts.restating,
                                   "empty": counts.empty_n, "filler_only": counts.filler_only,
                                   "novel": counts.novel, "language_findings": lang_own,
                                   "own_words": own_words, "words": len(words)}},
    )


FAMILY = Family("padding", measure, needs=(LANGUAGE, REPETITION))
