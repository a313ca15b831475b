"""The counts and features behind readability_grade: additive per-sentence counts
(:class:`Stats`, :func:`sentence_stats`), the sentences the document grade reads
(:func:`document_stats`: prose, not catalogues) and the document features
(:func:`features`). Re-exported by analyser/metrics/grade.py, which holds the models."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..document import Document, Sentence
from ..resources import zipf
from .grade_words import (
    VERY_RARE_ZIPF,
    WORD_CLASSES,
    length_sd,
    mattr,
    word_extra,
)
from .readability import Counts, count
from .split import DASHES

#: Words rarer than this Zipf frequency (about once per million words; ``wordfreq``) are
#: "rare". Names (capitalised words not opening their sentence, and capitalised opening
#: words that are rare in lower case), hyphenated compounds and words with digits are
#: never rare: a name is not a hard word.
RARE_ZIPF = 3.0
#: Rarity of a word is ``max(0, RARITY_CEILING - zipf)``, so the commonest words score 0.
RARITY_CEILING = 7.0
#: A sentence of more than this many words counts as long (a model feature; fixed so the
#: grade does not change with house-style settings).
LONG_SENTENCE_WORDS = 25
#: A sentence of fewer than this many words counts as short.
SHORT_SENTENCE_WORDS = 10
#: Words that open a subordinate or relative clause. "that" is left out: it is as often a
#: determiner or a complementiser that adds no nesting.
SUBORDINATORS = frozenset(
    """
    which who whom whose whereas although though because unless whereby wherein
    while whilst whenever wherever whether if when where
    """.split()
)
_CLAUSE_PUNCT = frozenset(";:(") | DASHES
_QUOTE_MARKS = frozenset('"“”')
#: A sentence of at least CATALOGUE_MIN_WORDS words of which more than CATALOGUE_SHARE are
#: names or numbers is a catalogue (a line-up, a list of results), not prose.
CATALOGUE_MIN_WORDS = 8
CATALOGUE_SHARE = 0.5

@dataclass
class Stats:
    """Additive counts over one or more sentences (everything the features need)."""

    sentences: int = 0
    counts: Counts = field(default_factory=lambda: Counts(0, 0, 0, 0, 0, 0, 0, 0))
    long_words: int = 0
    rated: int = 0  # words rated for rarity (not names, not numbers)
    rarity: float = 0.0
    rare: int = 0
    commas: int = 0
    clause_marks: int = 0
    subordinators: int = 0
    long_sentences: int = 0
    short_sentences: int = 0
    lengths: list[int] = field(default_factory=list)
    rare_words: list[str] = field(default_factory=list)
    unfamiliar: int = 0  # rated words off the Dale–Chall list (names are never unfamiliar)
    numbers: int = 0  # figures, dates, sums: words with a digit
    unfamiliar_words: list[str] = field(default_factory=list)
    uncommon: int = 0  # rated words rarer than UNCOMMON_ZIPF
    function_words: int = 0  # words on the stopword list
    content_rated: int = 0  # rated words not on the stopword list
    content_rarity: float = 0.0
    unfamiliar_rarity: float = 0.0  # rarity summed over content words off the Dale–Chall list
    nominal: int = 0  # rated content words with a nominal/academic suffix
    very_rare_content: int = 0  # rated content words rarer than VERY_RARE_ZIPF
    names: int = 0  # capitalised words that are not rated (names)
    peak_rarity: float = 0.0  # summed over sentences: the rarity of its rarest content word
    questions: int = 0  # question and exclamation marks
    quoted_sentences: int = 0  # sentences with a quotation mark (dialogue, quotes)
    word_classes: dict[str, int] = field(default_factory=dict)  # WORD_CLASSES counts
    vocabulary: list[str] = field(default_factory=list)  # lower-case words, in order

    def add(self, other: Stats) -> None:
        """Add another set of sentences' counts to these (rare word examples are not kept)."""
        self.sentences += other.sentences
        c, o = self.counts, other.counts
        self.counts = Counts(
            c.sentences + o.sentences, c.words + o.words, c.syllables + o.syllables,
            c.polysyllables + o.polysyllables, c.complex_words + o.complex_words,
            c.letters + o.letters, c.difficult_words + o.difficult_words,
            c.hard_linsear + o.hard_linsear,
        )
        self.long_words += other.long_words
        self.rated += other.rated
        self.rarity += other.rarity
        self.rare += other.rare
        self.commas += other.commas
        self.clause_marks += other.clause_marks
        self.subordinators += other.subordinators
        self.long_sentences += other.long_sentences
        self.short_sentences += other.short_sentences
        self.lengths.extend(other.lengths)
        self.unfamiliar += other.unfamiliar
        self.numbers += other.numbers
        self.uncommon += other.uncommon
        self.function_words += other.function_words
        self.content_rated += other.content_rated
        self.content_rarity += other.content_rarity
        self.unfamiliar_rarity += other.unfamiliar_rarity
        self.nominal += other.nominal
        self.very_rare_content += other.very_rare_content
        self.names += other.names
        self.peak_rarity += other.peak_rarity
        self.questions += other.questions
        self.quoted_sentences += other.quoted_sentences
        for name, n in other.word_classes.items():
            self.word_classes[name] = self.word_classes.get(name, 0) + n
        self.vocabulary.extend(other.vocabulary)

    @property
    def clauses(self) -> int:
        """Estimated clauses: one, plus each subordinator and clause-marking punctuation."""
        return self.sentences + self.subordinators + self.clause_marks


_HAS_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=200_000)
def _word_info(text: str) -> tuple[bool, bool, bool, float, bool]:
    """(subordinator, capitalised, rated, rarity, rare) for one word token (cached)."""
    low = text.lower()
    capital = text[:1].isupper()
    if _HAS_DIGIT.search(text):
        return False, capital, False, 0.0, False
    z = zipf(low)
    rare = z < RARE_ZIPF and "-" not in low
    return low in SUBORDINATORS, capital, True, max(0.0, RARITY_CEILING - z), rare


def article_names(doc: Document) -> frozenset[str]:
    """Words (lower case) the article writes with a capital inside a sentence: its names.
    A sentence's capitalised first word that is one of them ("Mexico said …") is a name to
    the sentence model too (never unfamiliar)."""
    names = set()
    first = True
    sentence = -1
    for tok in doc.tokens:
        if tok.sentence != sentence:
            sentence, first = tok.sentence, True
        if tok.kind == "punct":
            continue
        if tok.kind == "word" and not first and tok.text[:1].isupper():
            names.add(tok.text.lower())
        first = False
    return frozenset(names)


#: word_extra and _word_info of each word form, in one tuple: one look-up a word token
#: instead of two (bounded as their caches are).
_WORD: dict[str, tuple] = {}
_WORD_MAX = 200_000


def _word_both(text: str) -> tuple:
    both = _WORD.get(text)
    if both is None:
        both = word_extra(text) + _word_info(text)
        if len(_WORD) < _WORD_MAX:
            _WORD[text] = both
    return both


def sentence_stats(doc: Document, s: Sentence, names: frozenset[str] = frozenset()) -> Stats:
    """Counts for one sentence; ``names`` are the article's (:func:`article_names`), used
    only for the unfamiliar words of the sentence model."""
    st = Stats(sentences=1, counts=count(doc, [s]), long_words=s.long_words)
    # counted in locals and stored once at the end (this runs for every word): the same
    # sums, added in the same order
    commas = clause_marks = questions = numbers = function_words = subordinators = 0
    names_n = rated_n = uncommon_n = unfamiliar = content_rated = nominal_n = 0
    very_rare = rare_n = 0
    rarity_sum = content_rarity = unfamiliar_rarity = 0.0
    peak = st.peak_rarity
    vocabulary, word_classes = st.vocabulary, st.word_classes
    unfamiliar_words, rare_words = st.unfamiliar_words, st.rare_words
    very_rare_floor = RARITY_CEILING - VERY_RARE_ZIPF
    first = True
    tokens = doc.tokens
    quoted = False
    for k in range(s.token_start, s.token_end):
        tok = tokens[k]
        kind = tok.kind
        if kind == "punct":
            text = tok.text
            if text == ",":
                commas += 1
            elif text in _CLAUSE_PUNCT:
                clause_marks += 1
            elif text in _QUOTE_MARKS:
                quoted = True
            elif text in "?!":
                questions += 1
            continue
        was_first, first = first, False
        if kind != "word":
            numbers += kind == "number"
            continue
        text = tok.text
        (low, function, uncommon, familiar, nominal, word_class,
         sub, capital, rated, rarity, rare) = _WORD.get(text) or _word_both(text)
        vocabulary.append(low)
        function_words += function
        if word_class:
            word_classes[word_class] = word_classes.get(word_class, 0) + 1
        if sub:
            subordinators += 1
        if not rated:
            numbers += 1
            continue
        if capital and (not was_first or rare):
            names_n += 1  # a name (a rare capitalised first word too)
            continue
        rated_n += 1
        rarity_sum += rarity
        uncommon_n += uncommon
        if not familiar and not (capital and text.lower() in names):
            unfamiliar += 1
            unfamiliar_words.append(text)
        if not function:
            content_rated += 1
            content_rarity += rarity
            nominal_n += nominal
            very_rare += rarity > very_rare_floor
            peak = max(peak, rarity)
            if not familiar:
                unfamiliar_rarity += rarity
        if rare:
            rare_n += 1
            rare_words.append(text)
    st.commas, st.clause_marks, st.questions, st.numbers = commas, clause_marks, questions, numbers
    st.function_words, st.subordinators, st.names, st.rated = (function_words, subordinators,
                                                               names_n, rated_n)
    st.rarity, st.uncommon, st.unfamiliar = rarity_sum, uncommon_n, unfamiliar
    st.content_rated, st.content_rarity, st.nominal = content_rated, content_rarity, nominal_n
    st.very_rare_content, st.peak_rarity, st.unfamiliar_rarity = very_rare, peak, unfamiliar_rarity
    st.rare = rare_n
    st.quoted_sentences = int(quoted or doc.in_quote(s.start, s.end))
    st.long_sentences = int(s.words > LONG_SENTENCE_WORDS)
    st.short_sentences = int(s.words < SHORT_SENTENCE_WORDS)
    st.lengths.append(s.words)
    return st


def is_catalogue(st: Stats) -> bool:
    """True for a "sentence" that is a catalogue of names and numbers, not prose: a team
    line-up, a list of results or credits that the segmenter read as one sentence (at least
    :data:`CATALOGUE_MIN_WORDS` words, more than :data:`CATALOGUE_SHARE` of them names or
    numbers). The document grade leaves these out, as it leaves out headings and lists."""
    words = st.counts.words
    return words >= CATALOGUE_MIN_WORDS and st.names + st.numbers > CATALOGUE_SHARE * words


def document_stats(doc: Document, per: list[Stats] | None = None) -> Stats:
    """Counts over the sentences the document grade reads: the prose sentences
    (``Document.prose_sentences``) that are not catalogues. ``per``, when given, holds
    the prose sentences' own Stats, in order (so they are not counted twice)."""
    per = per if per is not None else [sentence_stats(doc, s) for s in doc.prose_sentences]
    total = Stats()
    kept = [st for st in per if not is_catalogue(st)] or per
    for st in kept:
        total.add(st)
    return total


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def mean_difference(values: list[int]) -> float:
    """Gini mean difference: the mean |a - b| over pairs of different items (0 for < 2).

    Unlike the standard deviation, it is an unbiased estimate for any sample size, so a
    short article's sentence-length spread is not systematically smaller than a long one's.
    """
    n = len(values)
    if n < 2:
        return 0.0
    total = 0.0
    for i, v in enumerate(sorted(values)):
        total += (2 * i - n + 1) * v
    return 2.0 * total / (n * (n - 1))


def features(st: Stats) -> dict[str, float]:
    """The model's features for a set of sentences: means and shares, none grows with length.

    Zero words gives all zeros. ``sentence_length_spread`` of a single sentence is 0.
    """
    c = st.counts
    words, n = c.words, st.sentences
    if words == 0 or n == 0:
        return {name: 0.0 for name in FEATURES}
    wps = words / n
    return {
        "words_per_sentence": wps,
        "syllables_per_word": c.syllables / words,
        "letters_per_word": c.letters / words,
        "polysyllable_ratio": c.polysyllables / words,
        "long_word_ratio": st.long_words / words,
        "difficult_word_ratio": c.difficult_words / words,
        "rare_word_ratio": _ratio(st.rare, st.rated),
        "mean_word_rarity": _ratio(st.rarity, st.rated),
        "sentence_length_spread": mean_difference(st.lengths),
        "long_sentence_ratio": st.long_sentences / n,
        "short_sentence_ratio": st.short_sentences / n,
        "commas_per_sentence": st.commas / n,
        "clauses_per_sentence": st.clauses / n,
        "subordinators_per_sentence": st.subordinators / n,
        "uncommon_word_ratio": _ratio(st.uncommon, st.rated),
        "content_word_rarity": _ratio(st.content_rarity, st.content_rated),
        "function_word_ratio": st.function_words / words,
        "quoted_sentence_ratio": st.quoted_sentences / n,
        "mattr": mattr(st.vocabulary),
        "unfamiliar_word_rarity": _ratio(st.unfamiliar_rarity, st.content_rated),
        "nominal_word_ratio": _ratio(st.nominal, st.content_rated),
        "very_rare_content_ratio": _ratio(st.very_rare_content, st.content_rated),
        "name_ratio": st.names / words,
        "sentence_length_sd": length_sd(st.lengths),
        "peak_word_rarity": st.peak_rarity / n,
        "questions_per_sentence": st.questions / n,
        **{f"{name}_ratio": st.word_classes.get(name, 0) / words for name in WORD_CLASSES},
    }


#: Every feature :func:`features` can compute (the model uses those named in its JSON).
FEATURES: tuple[str, ...] = (
    "words_per_sentence", "syllables_per_word", "letters_per_word", "polysyllable_ratio",
    "long_word_ratio", "difficult_word_ratio", "rare_word_ratio", "mean_word_rarity",
    "sentence_length_spread", "long_sentence_ratio", "short_sentence_ratio",
    "commas_per_sentence", "clauses_per_sentence", "subordinators_per_sentence",
    "uncommon_word_ratio", "content_word_rarity", "function_word_ratio",
    "quoted_sentence_ratio", "mattr", "unfamiliar_word_rarity", "nominal_word_ratio",
    "questions_per_sentence", *(f"{name}_ratio" for name in WORD_CLASSES),
    "very_rare_content_ratio", "name_ratio", "sentence_length_sd", "peak_word_rarity",
)
