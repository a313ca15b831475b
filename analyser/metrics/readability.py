"""Classic readability formulas, applied to our own segmentation.

textstat's counting is wrong for news in two ways (its regex sentence counter drops
sentences of two words or fewer and splits "U.S."), so we do not hand it raw text. We
apply each published formula to the counts of :mod:`analyser.document` (Punkt sentences,
our tokens, and textstat's own syllable rule: CMUdict, else hyphenation). The
coefficients are data in ``FORMULAS`` with their sources; nothing is evaluated from
strings. Statistics use the article's prose sentences; headings, list items, bylines and
table rows, label: value rows, captions and datelines are left out (all sentences are used
when an article has no prose, and ``no_prose`` says so).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..document import Document, Sentence
from ..resources import APOSTROPHES, dale_chall_easy_words
from .base import Context, Family, FamilyResult

#: Silent reading speed for non-fiction, words per minute (Brysbaert 2019, Journal of
#: Memory and Language 109).
READING_WPM = 238.0

#: Formula coefficients, with where they come from.
FORMULAS = {
    "flesch_reading_ease": {
        "source": "Flesch (1948), J. Applied Psychology 32(3):221-233",
        "base": 206.835, "words_per_sentence": -1.015, "syllables_per_word": -84.6,
    },
    "flesch_kincaid_grade": {
        "source": "Kincaid, Fishburne, Rogers & Chissom (1975), Research Branch Report 8-75, "
                  "Chief of Naval Technical Training",
        "base": -15.59, "words_per_sentence": 0.39, "syllables_per_word": 11.8,
    },
    "gunning_fog": {
        "source": "Gunning (1952), The Technique of Clear Writing, McGraw-Hill",
        "scale": 0.4, "complex_percent": 1.0, "words_per_sentence": 1.0,
    },
    "smog_index": {
        "source": "McLaughlin (1969), J. Reading 12(8):639-646; 30-sentence normalisation",
        "scale": 1.043, "base": 3.1291, "sentences": 30,
    },
    "coleman_liau_index": {
        "source": "Coleman & Liau (1975), J. Applied Psychology 60(2):283-284",
        "letters_per_100": 0.0588, "sentences_per_100": -0.296, "base": -15.8,
    },
    "automated_readability_index": {
        "source": "Smith & Senter (1967), Automated Readability Index, AMRL-TR-66-220, "
                  "Aerospace Medical Research Laboratories",
        "chars_per_word": 4.71, "words_per_sentence": 0.5, "base": -21.43,
    },
    "dale_chall": {
        "source": "Dale & Chall (1948), Educational Research Bulletin 27(1):11-20 and "
                  "27(2):37-54 (the 1948 equation; not the 1995 one)",
        "difficult_percent": 0.1579, "words_per_sentence": 0.0496, "adjustment": 3.6365,
        "adjust_above_percent": 5.0,
    },
    "linsear_write": {
        "source": "No primary publication found; attributed to the US Air Force. O'Hayre "
                  "(1966), Gobbledygook Has Gotta Go, describes a different, earlier count",
        "easy_weight": 1, "hard_weight": 3, "hard_syllables": 3, "split": 20,
    },
}

#: Dale–Chall raw score to US grade (the 1948 correspondence table, mid-points).
DALE_CHALL_GRADES = ((5.0, 4.0), (6.0, 5.5), (7.0, 7.5), (8.0, 9.5), (9.0, 11.5), (10.0, 14.0))
DALE_CHALL_TOP_GRADE = 16.0

#: The grade formulas whose median is the consensus grade.
GRADE_FORMULAS = (
    "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
    "automated_readability_index", "dale_chall_grade", "linsear_write",
)

_INFLECTIONS = ("s", "es", "ed", "d", "ing", "er", "est", "ly", "ies", "ied", "ier", "iest")
#: Suffixes that replace a final "y" of the listed word ("cities", "carried", "happier").
_Y_INFLECTIONS = ("ies", "ied", "ier", "iest")


@dataclass(frozen=True)
class Counts:
    """The counts every formula needs, for a set of sentences."""

    sentences: int
    words: int
    syllables: int
    polysyllables: int
    complex_words: int
    letters: int
    difficult_words: int
    hard_linsear: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0


@lru_cache(maxsize=200_000)
def is_familiar(word: str) -> bool:
    """True when a word (lower case) is on the Dale–Chall list or a regular inflection of one.

    Curly apostrophes count as straight ones, and a possessive ("family's", "dogs'") is
    familiar when the word it is built on is."""
    easy = dale_chall_easy_words()
    word = word.translate(APOSTROPHES)
    if word in easy:
        return True
    if word.endswith(("'s", "s'")) and len(word) > 3:
        return is_familiar(word[:-2] if word.endswith("'s") else word[:-1])
    for suffix in _INFLECTIONS:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            if stem in easy or stem + "e" in easy:
                return True
            if suffix in _Y_INFLECTIONS and stem + "y" in easy:
                return True
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in easy:  # "stopped"
                return True
    return False


def _sentence_counts(doc: Document, s: Sentence) -> Counts:
    """The counts of one sentence, read from the document's tokens."""
    complex_words = difficult = hard_linsear = 0
    hard = FORMULAS["linsear_write"]["hard_syllables"]
    a, b = s.token_start, s.token_end
    first = True
    # tokens are (start, text, kind, sentence) tuples: unpacked, not read by attribute
    for (_, text, kind, _), syl in zip(doc.tokens[a:b], doc.word_syllables[a:b], strict=True):
        if kind == "punct":
            continue
        proper = not first and text[:1].isupper()
        first = False
        if syl >= hard:
            hard_linsear += 1
            # Gunning: proper nouns and hyphenated compounds are not "complex"
            if not proper and "-" not in text:
                complex_words += 1
        if kind == "word" and not proper and not is_familiar(text.lower()):
            difficult += 1
    return Counts(1, s.words, s.syllables, s.polysyllables, complex_words, s.letters,
                  difficult, hard_linsear)


def _all_sentence_counts(doc: Document) -> list[Counts]:
    return [_sentence_counts(doc, s) for s in doc.sentences]


def sentence_counts(doc: Document) -> list[Counts]:
    """The :class:`Counts` of every sentence of ``doc``, computed once per document and
    shared by the families that read them (readability, the sentence grade)."""
    return doc.derived("sentence_counts", _all_sentence_counts)


def count(doc: Document, sentences: Sequence[Sentence]) -> Counts:
    """Counts over the given sentences of ``doc``: the sum of their own counts."""
    per, mine = sentence_counts(doc), doc.sentences
    own = [per[s.index] if s.index < len(mine) and mine[s.index] is s
           else _sentence_counts(doc, s) for s in sentences]
    if len(own) == 1:
        return own[0]
    return Counts(
        sentences=len(own),
        words=sum(c.words for c in own),
        syllables=sum(c.syllables for c in own),
        polysyllables=sum(c.polysyllables for c in own),
        complex_words=sum(c.complex_words for c in own),
        letters=sum(c.letters for c in own),
        difficult_words=sum(c.difficult_words for c in own),
        hard_linsear=sum(c.hard_linsear for c in own),
    )


def dale_chall_grade(score: float) -> float:
    """Map a Dale–Chall raw score to a US grade with the published table."""
    for upper, grade in DALE_CHALL_GRADES:
        if score < upper:
            return grade
    return DALE_CHALL_TOP_GRADE


def flesch(wps: float, spw: float) -> tuple[float, float]:
    """Flesch reading ease and Flesch–Kincaid grade from words/sentence and syllables/word."""
    fre, fk = FORMULAS["flesch_reading_ease"], FORMULAS["flesch_kincaid_grade"]
    return (
        fre["base"] + fre["words_per_sentence"] * wps + fre["syllables_per_word"] * spw,
        fk["base"] + fk["words_per_sentence"] * wps + fk["syllables_per_word"] * spw,
    )


def formulas(c: Counts) -> dict[str, float]:
    """Every classic formula for one set of counts. Zero words gives zeros, never NaN.

    Grades are floored at 0 (a grade below kindergarten means nothing); Flesch reading
    ease is left as computed.
    """
    if c.words == 0 or c.sentences == 0:
        return {name: 0.0 for name in (*FORMULAS, "dale_chall_grade", "consensus_grade")}
    f = FORMULAS
    wps, spw = c.words_per_sentence, c.syllables_per_word
    fog = f["gunning_fog"]
    smog = f["smog_index"]
    cli = f["coleman_liau_index"]
    ari = f["automated_readability_index"]
    dc = f["dale_chall"]
    lw = f["linsear_write"]
    difficult_pct = 100.0 * c.difficult_words / c.words
    dc_score = dc["difficult_percent"] * difficult_pct + dc["words_per_sentence"] * wps
    if difficult_pct > dc["adjust_above_percent"]:
        dc_score += dc["adjustment"]
    easy = c.words - c.hard_linsear
    r = (lw["easy_weight"] * easy + lw["hard_weight"] * c.hard_linsear) / c.sentences
    linsear = r / 2 if r > lw["split"] else (r - 2) / 2
    reading_ease, fk_grade = flesch(wps, spw)
    out = {
        "flesch_reading_ease": reading_ease,
        "flesch_kincaid_grade": fk_grade,
        "gunning_fog": fog["scale"] * (wps + 100.0 * c.complex_words / c.words),
        "smog_index": smog["scale"] * math.sqrt(c.polysyllables * smog["sentences"] / c.sentences)
        + smog["base"],
        "coleman_liau_index": cli["letters_per_100"] * (100.0 * c.letters / c.words)
        + cli["sentences_per_100"] * (100.0 * c.sentences / c.words) + cli["base"],
        "automated_readability_index": ari["chars_per_word"] * (c.letters / c.words)
        + ari["words_per_sentence"] * wps + ari["base"],
        "dale_chall": dc_score,
        "dale_chall_grade": dale_chall_grade(dc_score),
        "linsear_write": linsear,
    }
    for name in GRADE_FORMULAS:
        out[name] = max(0.0, out[name])
    out["consensus_grade"] = statistics.median(out[name] for name in GRADE_FORMULAS)
    return out


def measure(ctx: Context) -> FamilyResult:
    """Readability of the article's prose, and every formula per sentence.

    ``reading_time_minutes`` counts every word a reader reads (headings, lists and bylines
    too); the formulas and sentence statistics use the prose sentences only."""
    doc = ctx.doc
    long_words = ctx.settings.long_sentence_words
    prose = doc.prose_sentences
    c = count(doc, prose)
    scores = formulas(c)
    scores.update(
        words=float(c.words),
        sentences=float(c.sentences),
        words_per_sentence=c.words_per_sentence,
        syllables_per_word=c.syllables_per_word,
        long_sentence_ratio=(sum(1 for s in prose if s.words > long_words) / len(prose))
        if prose else 0.0,
        reading_time_minutes=sum(s.words for s in doc.sentences) / READING_WPM,
        words_total=float(sum(s.words for s in doc.sentences)),
        sentences_total=float(len(doc.sentences)),
        paragraphs=float(len(doc.paragraphs)),
        no_prose=float(bool(doc.sentences) and not any(s.is_prose for s in doc.sentences)),
    )
    # Every formula per sentence too (one sentence's counts; the 30-sentence SMOG
    # normalisation and Linsear Write's halving apply as published).
    per: dict[str, list[float]] = {name: [] for name in SENTENCE_FORMULAS}
    for s in doc.sentences:
        values = formulas(count(doc, [s]))
        for name in SENTENCE_FORMULAS:
            per[name].append(values[name])
    return FamilyResult(scores=scores, sentence_values=per)


#: The formulas reported for every sentence.
SENTENCE_FORMULAS = (
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
    "coleman_liau_index", "automated_readability_index", "dale_chall", "linsear_write",
    "consensus_grade",
)


FAMILY = Family("readability", measure)
