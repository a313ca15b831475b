"""Repetition: what an article says more than once.

Three views, from the surface down:

* **Gopher repetition measures** (Rae et al. 2021, "Scaling Language Models: Methods,
  Analysis & Insights from Training Gopher", Appendix A, Table A1), over the whole text:

  - ``dup_line_ratio`` / ``dup_paragraph_ratio``: the share of lines (paragraphs) that
    repeat an earlier line (paragraph) exactly; the first occurrence is not a duplicate
    (what deduplication would remove; the paper does not say, and this is how datatrove's
    reimplementation counts; Dolma's counts the first occurrence too). Lines are the
    non-blank "\n"-separated lines of the text, stripped; paragraphs are the document
    model's blocks (``Document.paragraphs``: cleaned text has one paragraph per line, a
    hard-wrapped paragraph is one block of several lines).
  - ``dup_line_char_ratio`` / ``dup_paragraph_char_ratio``: characters in those repeats
    over characters in all lines (paragraphs).
  - ``top_{2,3,4}gram_char_ratio``: the characters of the most frequent word n-gram
    (letters of its words) times its count, over the characters of all words; 0 when no
    n-gram occurs twice.
  - ``dup_{5..10}gram_char_ratio``: the characters of words covered by any word n-gram
    that occurs more than once (every occurrence, the first included), each word counted
    once however many duplicate n-grams overlap it, over the characters of all words.

  Words are the document's word and number tokens, lower-cased, punctuation dropped (as
  in RedPajama-V2's implementation of the same signals). Values are 0..1; an article
  without lines or words scores 0.

* **Repeated phrases** (RPT001): content phrases of three or more words that come back
  in a later paragraph. Word 3-grams inside one sentence and between punctuation marks
  that occur in two paragraphs or more, merged where they overlap in a sentence; a merged
  phrase counts when it holds at least ``MIN_PHRASE_CONTENT`` content words (not function
  words, numbers, person titles or non-content words such as "lot", "really") and no
  more name words than content words: "the minimum wage", "sovereignty is not for sale",
  "Trump's troop offer" count; "the end of", "a lot of" (no content: fillers are the
  language family's business) and "Mexican President Claudia", "Claudia Sheinbaum spoke",
  "the prime minister" (a name doing its job) do not. *Every* occurrence is a finding,
  the first included: a repeat links (``related_sentence``) to the earliest sentence
  holding any of its 3-grams, the first occurrence to the next sentence that repeats it;
  ``extras["repeated_phrases"]`` lists each phrase with all its occurrences. At most
  ``MAX_PHRASE_FINDINGS`` findings per article. ``repeated_phrases`` counts occurrences,
  ``repeated_phrase_types`` distinct phrases.

* **Restatements** (RPT002): sentences that say again what an earlier sentence said,
  found by :mod:`analyser.metrics.restatement`.

Per-sentence values: ``restates`` (index of the restated sentence, or None),
``restates_similarity`` and ``novel_content`` (content terms — stems, names, numbers —
that no earlier sentence had).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from ..document import Document, split_blocks
from ..models import Finding
from ..resources import is_stopword
from . import FamilyResult
from .restatement import (
    SHORT_WORDS,
    Restatement,
    Terms,
    find_restatements,
    non_content_words,
    terms_of_infos,
    token_infos,
    word_term,
)

TOP_NGRAMS = (2, 3, 4)
DUP_NGRAMS = (5, 6, 7, 8, 9, 10)
PHRASE_N = 3
#: A reported phrase has at least this many content words (not function words, names,
#: titles, numbers or non-content words), and no more name words than content words:
#: "the minimum wage" is reported, "the end of", "a lot of" and "Claudia Sheinbaum
#: spoke" are not.
MIN_PHRASE_CONTENT = 2
#: Findings per article for each code, so a pathological page stays readable.
MAX_PHRASE_FINDINGS = 50
MAX_RESTATEMENT_FINDINGS = 100
#: Block kinds whose sentences can restate (bylines are metadata, not statements).
RESTATE_KINDS = frozenset({"prose", "list_item", "table_row", "heading"})
#: Block kinds that make lists: consecutive blocks of one of these kinds are one list.
LIST_KINDS = frozenset({"list_item", "table_row"})


# --- Gopher measures -------------------------------------------------------------------


def duplicate_fractions(items: Sequence[str]) -> tuple[float, float]:
    """(share of items repeating an earlier item, share of characters in those repeats)."""
    if not items:
        return 0.0, 0.0
    seen: set[str] = set()
    dup_n = dup_chars = total = 0
    for item in items:
        total += len(item)
        if item in seen:
            dup_n += 1
            dup_chars += len(item)
        else:
            seen.add(item)
    return dup_n / len(items), (dup_chars / total if total else 0.0)


class NgramCounts:
    """How often each word n-gram of a word list occurs, at every position, for any n.

    Counted level by level: an n-gram occurs twice only where the (n-1)-grams starting
    at its first and its second word both do, so above bigrams only those positions are
    looked at (a handful in most articles). Exact: n-grams are compared as keys, not
    hashed into numbers.
    """

    def __init__(self, words: Sequence[str]) -> None:
        self.words = words
        self.lengths = list(map(len, words))
        self.total = sum(self.lengths)
        self._keys: dict[int, list] = {}
        self._counts: dict[int, list[int]] = {}
        self._dups: dict[int, list[int]] = {}

    def _level(self, n: int) -> None:
        if n in self._counts:
            return
        words = self.words
        m = len(words) - n + 1
        if m <= 0:
            keys: list = []
            counts: list[int] = []
            dups: list[int] = []
        elif n <= 2:
            keys = list(words) if n == 1 else list(zip(words, words[1:], strict=False))
            tally = Counter(keys)
            counts = list(map(tally.__getitem__, keys))
            dups = list(compress(range(m), map((1).__lt__, counts)))
        else:
            self._level(n - 1)
            prev_keys, prev_counts = self._keys[n - 1], self._counts[n - 1]
            cand = [i for i in self._dups[n - 1] if i < m and prev_counts[i + 1] > 1]
            cand_keys = [(prev_keys[i], words[i + n - 1]) for i in cand]
            tally = Counter(cand_keys)
            keys = [None] * m  # a key only where the n-gram may repeat
            counts = [1] * m
            dups = []
            for i, key in zip(cand, cand_keys, strict=True):
                keys[i] = key
                c = counts[i] = tally[key]
                if c > 1:
                    dups.append(i)
        self._keys[n], self._counts[n], self._dups[n] = keys, counts, dups

    def count(self, n: int) -> list[int]:
        """Per start position, how often the n-gram there occurs in the whole list."""
        self._level(n)
        return self._counts[n]

    def repeated(self, n: int) -> list[int]:
        """The start positions (ascending) of n-grams that occur more than once."""
        self._level(n)
        return self._dups[n]

    def keys(self, n: int) -> list:
        """Per start position, a key of the n-gram there: equal n-grams that occur more
        than once have equal keys (others may have None)."""
        self._level(n)
        return self._keys[n]

    def top_char_ratio(self, n: int) -> float:
        """See :func:`top_ngram_char_ratio`."""
        counts = self.count(n)
        if not counts or self.total == 0:
            return 0.0
        best = max(counts)
        if best <= 1:
            return 0.0
        i = counts.index(best)  # ties: the n-gram that occurs first, as Counter would pick
        return min(1.0, sum(self.lengths[i : i + n]) * best / self.total)

    def dup_char_ratio(self, n: int) -> float:
        """See :func:`dup_ngram_char_ratio`."""
        if len(self.words) < n or self.total == 0:
            return 0.0
        dups = self.repeated(n)
        if not dups:
            return 0.0
        covered = bytearray(len(self.words))
        run = b"\x01" * n
        for i in dups:
            covered[i : i + n] = run
        return sum(compress(self.lengths, covered)) / self.total


def top_ngram_char_ratio(words: Sequence[str], n: int) -> float:
    """Characters of the most frequent word n-gram times its count, over all word chars."""
    return NgramCounts(words).top_char_ratio(n)


def dup_ngram_char_ratio(words: Sequence[str], n: int) -> float:
    """Characters of words covered by any n-gram occurring twice or more, over all chars.

    Every occurrence counts (the first included); a word inside several duplicate
    n-grams counts once.
    """
    return NgramCounts(words).dup_char_ratio(n)


def gopher_scores(
    text: str, words: Sequence[str], paragraphs: Sequence[str] | None = None,
    ngrams: NgramCounts | None = None,
) -> dict[str, float]:
    """All Gopher repetition measures of a text and its (normalised) words.

    ``paragraphs``: the text of each paragraph (the document model's blocks); by default
    the blocks :func:`analyser.document.split_blocks` finds (one per line, hard-wrapped
    prose joined), which is what :func:`analyser.document.parse` uses. ``ngrams``: the
    :class:`NgramCounts` of ``words``, when the caller has them already."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if paragraphs is None:
        paragraphs = [text[a:b] for a, b in split_blocks(text)]
    paragraphs = [p.strip() for p in paragraphs if p.strip()]
    out: dict[str, float] = {}
    out["dup_line_ratio"], out["dup_line_char_ratio"] = duplicate_fractions(lines)
    out["dup_paragraph_ratio"], out["dup_paragraph_char_ratio"] = duplicate_fractions(paragraphs)
    grams = NgramCounts(words) if ngrams is None else ngrams
    for n in TOP_NGRAMS:
        out[f"top_{n}gram_char_ratio"] = grams.top_char_ratio(n)
    previous = 1.0
    for n in DUP_NGRAMS:
        # a duplicate n-gram contains a duplicate (n-1)-gram: once none, none above
        previous = grams.dup_char_ratio(n) if previous > 0 else 0.0
        out[f"dup_{n}gram_char_ratio"] = previous
    return out


# --- repeated phrases ------------------------------------------------------------------


@lru_cache(maxsize=1)
def _rule(code: str):
    from ..rules import rule_by_code

    return rule_by_code(code)


def _message(
    code: str, fallback: str, template: str = "message", **values: object
) -> tuple[str, str, str, str]:
    """(message, suggestion, name, level) of a rule, its ``template`` (``message`` or
    another template key of the rule, such as ``message_first``) filled in."""
    rule = _rule(code)
    if rule is None:
        return fallback.format(**values), "", "", "warning"
    text = rule.message if template == "message" else rule.match.get(template, fallback)
    try:
        msg = str(text).format(**values)
    except (KeyError, IndexError, ValueError):
        msg = fallback.format(**values)
    return msg, rule.suggestion, rule.name, rule.level


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _name_like(doc: Document, lower_forms: frozenset[str], k: int) -> bool:
    """Is word token ``k`` part of a name: capitalised inside its sentence, or opening
    the sentence capitalised while the article never writes it in lower case?"""
    t = doc.tokens[k]
    if not t.text[:1].isupper():
        return False
    s = doc.sentences[t.sentence]
    return k != s.token_start or t.text.lower() not in lower_forms


def _word_roles(
    doc: Document, lower_forms: frozenset[str], ks: Sequence[int]
) -> tuple[int, int]:
    """(content words, name words) among word tokens ``ks``. A content word is not a
    function word, number, person title or non-content word ("lot", "really"); a name word
    is capitalised inside its sentence (or a title: "the prime minister" names a person)."""
    noise = non_content_words()
    titles = _titles()
    content = names = 0
    for k in ks:
        t = doc.tokens[k]
        if t.kind != "word":
            continue
        low = t.text.lower()
        if _name_like(doc, lower_forms, k) or low in titles:
            names += 1
            continue
        if is_stopword(t.text) or low.replace("’", "'") in noise:
            continue
        if word_term(t.text) is not None:
            content += 1
    return content, names


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    from .restatement import data_words

    return frozenset(w.lower() for w in data_words("name_titles.txt"))


@dataclass
class PhraseSpan:
    """One occurrence of a repeated phrase: a merged run of repeated 3-grams."""

    sentence: int
    start: int
    end: int
    grams: list[tuple]  # keys of its 3-grams (NgramCounts.keys), which link occurrences


def phrase_spans(
    doc: Document, words: Sequence[str] | None = None, ngrams: NgramCounts | None = None
) -> list[PhraseSpan]:
    """Every occurrence (the first included) of a content phrase that comes back in a
    later paragraph: word 3-grams inside one sentence and between punctuation marks,
    merged where they overlap. ``words``: the lower-cased word and number tokens;
    ``ngrams``: their :class:`NgramCounts`."""
    toks = doc.tokens
    widx = [k for k, t in enumerate(toks) if t.kind != "punct"]
    low = list(words) if words is not None else [toks[k].text.lower() for k in widx]
    n = PHRASE_N
    if len(low) < n:
        return []
    grams = NgramCounts(low) if ngrams is None else ngrams
    keys = grams.keys(n)
    # occurrences of every 3-gram seen more than once, inside one sentence, no punctuation
    occ: dict[tuple, list[int]] = {}
    for i in grams.repeated(n):
        if widx[i + n - 1] - widx[i] == n - 1:
            occ.setdefault(keys[i], []).append(i)
    if not occ:
        return []
    sentences = doc.sentences
    keep: dict[tuple, bool] = {}
    hits: dict[int, list[tuple[int, tuple]]] = {}  # sentence -> (word pos, 3-gram key)
    lower_forms: frozenset[str] | None = None  # built when a candidate needs it
    for g, positions in occ.items():
        if len(positions) < 2:
            continue
        paras = {sentences[toks[widx[i]].sentence].paragraph for i in positions}
        if len(paras) < 2:
            continue
        if lower_forms is None:
            lower_forms = frozenset(t.text.lower() for t in toks if t.kind == "word" and
                                    not t.text[:1].isupper())
        ok = keep.get(g)
        if ok is None:
            ok = keep[g] = any(
                _word_roles(doc, lower_forms, widx[i : i + n])[0] >= 1 for i in positions
            )
        if ok:
            for i in positions:
                hits.setdefault(toks[widx[i]].sentence, []).append((i, g))
    out: list[PhraseSpan] = []
    for si in sorted(hits):
        run: list[list] = []  # [first word, end word (exclusive), grams]
        for i, g in sorted(hits[si]):
            if run and i < run[-1][1]:
                run[-1][1] = max(run[-1][1], i + n)
                run[-1][2].append(g)
            else:
                run.append([i, i + n, [g]])
        for a, b, gs in run:
            content, names = _word_roles(doc, lower_forms, widx[a:b])
            if content >= MIN_PHRASE_CONTENT and content >= names:
                out.append(PhraseSpan(si, toks[widx[a]].start, toks[widx[b - 1]].end, gs))
    # a phrase left without a kept occurrence in another paragraph is no longer a repeat
    while True:
        paras: dict[tuple, set[int]] = {}
        for sp in out:
            for g in sp.grams:
                paras.setdefault(g, set()).add(sentences[sp.sentence].paragraph)
        kept = [sp for sp in out if any(len(paras[g]) > 1 for g in sp.grams)]
        if len(kept) == len(out):
            return out
        out = kept


def repeated_phrases(
    doc: Document, limit: int = MAX_PHRASE_FINDINGS, words: list[str] | None = None,
    spans: Sequence[PhraseSpan] | None = None,
) -> list[Finding]:
    """RPT001 findings: one per occurrence of a repeated content phrase (the first
    occurrence too). A repeat links (``related_sentence``) to the earliest sentence that
    holds any of its 3-grams; the first occurrence links to the next sentence that
    repeats it. At most ``limit`` findings, in text order."""
    spans = phrase_spans(doc, words) if spans is None else spans
    where: dict[tuple, list[int]] = {}  # 3-gram key -> sentences, in order
    for sp in spans:
        for g in sp.grams:
            where.setdefault(g, []).append(sp.sentence)
    copies = Counter(_phrase_key(doc, sp) for sp in spans)
    findings: list[Finding] = []
    for sp in spans[:limit]:
        first = min(where[g][0] for g in sp.grams)
        phrase = doc.text[sp.start : sp.end]
        if first == sp.sentence:  # the first occurrence: point at the next one
            later = [x for g in sp.grams for x in where[g] if x > sp.sentence]
            related = min(later) if later else sp.sentence
            more = max(0, copies[_phrase_key(doc, sp)] - 2)
            msg, sug, name, level = _message(
                "RPT001", FIRST_FALLBACK, template="message_first",
                phrase=_short(phrase, 60), next=related + 1,
                more=f" and {more} more time{'s' if more != 1 else ''}" if more else "",
            )
        else:
            related = first
            msg, sug, name, level = _message(
                "RPT001", "Repeats ‘{phrase}’ from sentence {first} — say it once",
                phrase=_short(phrase, 60), first=first + 1,
            )
        findings.append(
            Finding(
                code="RPT001", category="repetition", start=sp.start, end=sp.end,
                text=phrase, in_quote=doc.in_quote(sp.start, sp.end), message=msg,
                suggestion=sug, name=name or "repeated-phrase", level=level,
                sentence=sp.sentence, related_sentence=related,
            )
        )
    return findings


FIRST_FALLBACK = "‘{phrase}’ comes back in sentence {next}{more} — say it once"


def _phrase_key(doc: Document, sp: PhraseSpan) -> str:
    return " ".join(doc.text[sp.start : sp.end].lower().split())


def phrase_groups(doc: Document, spans: Sequence[PhraseSpan], limit: int = 50) -> list[dict]:
    """The repeated phrases with every occurrence (for a report): the most repeated first."""
    groups: dict[str, list[PhraseSpan]] = {}
    for sp in spans:
        groups.setdefault(_phrase_key(doc, sp), []).append(sp)
    ranked = sorted(groups.values(), key=lambda g: (-len(g), g[0].start))
    return [
        {"phrase": doc.text[g[0].start : g[0].end],
         "occurrences": [{"sentence": sp.sentence, "start": sp.start, "end": sp.end}
                         for sp in g]}
        for g in ranked[:limit]
    ]


# --- restatements ----------------------------------------------------------------------


def sentence_terms(doc: Document) -> list[Terms]:
    """The restatement terms of every sentence of the document (computed once per
    document: the padding family reads them too)."""
    return doc.derived("restatement_terms", _sentence_terms)


def _sentence_terms(doc: Document) -> list[Terms]:
    infos = token_infos(doc.tokens)
    return [
        terms_of_infos([x for x in infos[s.token_start : s.token_end] if x is not None])
        for s in doc.sentences
    ]


def name_terms(doc: Document, terms: Sequence[Terms]) -> frozenset[str]:
    """Terms the article writes capitalised (not as a sentence's first word) and never in
    lower case: its names ("Sheinbaum", "Mexican"). Headings count too: a heading's
    capitals do not make a word a name if the article writes it in lower case elsewhere,
    and a name that only headings mention is still a name."""
    caps: set[str] = set()
    lower: set[str] = set()
    for t in terms:
        caps |= t.names
        lower |= t.lowered
    return frozenset(caps - lower)


def short_lines(doc: Document) -> list[bool]:
    """Per sentence: is it a short line (a heading, list item, table row or byline, or a
    sentence under ``SHORT_WORDS`` words)? Those need more shared substance to restate."""
    return [s.kind != "prose" or s.words < SHORT_WORDS for s in doc.sentences]


def list_groups(doc: Document) -> list[int | None]:
    """Per sentence: the list it belongs to (the first paragraph of a run of list items or
    table rows), or None. The entries of one list are parallel, not restatements."""
    run: dict[int, int] = {}
    start = -1
    for p in doc.paragraphs:
        if p.kind in LIST_KINDS:
            prev = doc.paragraphs[p.index - 1] if p.index else None
            if prev is None or prev.kind != p.kind:
                start = p.index
            run[p.index] = start
    return [run.get(s.paragraph) for s in doc.sentences]


def restatement_findings(
    doc: Document, found: Sequence[Restatement], limit: int = MAX_RESTATEMENT_FINDINGS
) -> list[Finding]:
    """RPT002 findings, one per restating sentence (the first ``limit``)."""
    out = []
    for r in found[:limit]:
        s = doc.sentences[r.index]
        text = doc.text[s.start : s.end]
        msg, sug, name, level = _message(
            "RPT002", "Restates sentence {first}: ‘{quote}’ — cut one or merge them",
            first=r.of + 1, quote=_short(doc.sentence_text(r.of)),
        )
        out.append(
            Finding(
                code="RPT002", category="repetition", start=s.start, end=s.end, text=text,
                in_quote=doc.in_quote(s.start, s.end), message=msg, suggestion=sug,
                name=name or "restatement", level=level, sentence=r.index,
                related_sentence=r.of,
            )
        )
    return out


def novel_content(terms: Sequence[Terms]) -> list[int]:
    """Per sentence: content terms (stems, names, numbers) no earlier sentence had."""
    seen: set[str] = set()
    out = []
    for t in terms:
        new = [k for k in t.weights if k not in seen]
        seen.update(new)
        out.append(len(new))
    return out


def measure(doc: Document, settings=None) -> FamilyResult:
    """Gopher repetition measures, repeated phrases and restatements of one article
    (restatements by meaning too when ``settings.semantic``: the optional extra)."""
    words = [t.text.lower() for t in doc.tokens if t.kind != "punct"]
    ngrams = NgramCounts(words)
    scores = gopher_scores(doc.text, words, [doc.text[p.start : p.end] for p in doc.paragraphs],
                           ngrams)
    terms = sentence_terms(doc)
    eligible = [s.kind in RESTATE_KINDS for s in doc.sentences]
    embeddings = None
    if settings is not None and getattr(settings, "semantic", False):
        from . import semantic

        embeddings = semantic.embed([doc.sentence_text(s.index) for s in doc.sentences])
    found = find_restatements(terms, eligible, names=name_terms(doc, terms),
                              short=short_lines(doc), groups=list_groups(doc),
                              embeddings=embeddings)
    restates: list[int | None] = [None] * len(doc.sentences)
    sim: list[float | None] = [None] * len(doc.sentences)
    for r in found:
        restates[r.index] = r.of
        sim[r.index] = round(r.similarity, 4)
    spans = phrase_spans(doc, words, ngrams)
    phrases = repeated_phrases(doc, words=words, spans=spans)
    findings = phrases + restatement_findings(doc, found)
    n_words = len(words)
    prose = [s.index for s in doc.prose_sentences]
    scores.update(
        restatements=float(len(found)),
        restatement_ratio=(sum(1 for i in prose if restates[i] is not None) / len(prose))
        if prose else 0.0,
        repeated_phrases=float(len(spans)),
        repeated_phrase_types=float(len({_phrase_key(doc, sp) for sp in spans})),
        repeated_phrases_per_1k=1000.0 * len(spans) / n_words if n_words else 0.0,
    )
    return FamilyResult(
        scores=scores,
        findings=findings,
        sentence_values={
            "restates": restates,
            "restates_similarity": sim,
            "novel_content": novel_content(terms),
        },
        extras={
            "repeated_phrases": phrase_groups(doc, spans),
            "restatements": [
                {"sentence": r.index, "restates": r.of, "similarity": round(r.similarity, 4)}
                for r in found
            ],
        },
    )
