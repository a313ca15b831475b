"""Repetition: what an article says more than once.

Three views, from the surface down:

* **Gopher repetition measures** (Rae et al. 2021, "Scaling Language Models: Methods,
  Analysis & Insights from Training Gopher", Appendix A, Table A1), over the whole text:

  - ``dup_line_ratio`` / ``dup_paragraph_ratio``: the share of lines (paragraphs) that
    repeat an earlier line (paragraph) exactly; the first occurrence is not a duplicate
    (what deduplication would remove; the paper does not say, and this is how datatrove's
    reimplementation counts; Dolma's counts the first occurrence too). Lines are the
    non-blank lines of the text, stripped; paragraphs are blocks separated by blank lines.
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

* **Repeated phrases** (RPT001): word 3-grams inside sentences, with at least one
  non-stopword and not made only of capitalised words (names: a news story names its
  subject again and again, and no reader minds), that reappear in a *later paragraph*.
  Overlapping repeated 3-grams merge into one span, reported when it holds at least
  ``MIN_PHRASE_CONTENT`` lower-case non-stopwords and either four words or more or only
  content words (so "the minimum wage", a topic's own noun phrase, is not reported, while
  "sovereignty is not for sale" and "foreign military presence" are); each repeat is one
  finding linked (``related_sentence``) to the sentence of the first occurrence; at most
  ``MAX_PHRASE_FINDINGS`` per article.

* **Restatements** (RPT002): sentences that say again what an earlier sentence said,
  found by :mod:`analyser.metrics.restatement`.

Per-sentence values: ``restates`` (index of the restated sentence, or None),
``restates_similarity`` and ``novel_content`` (content terms — stems, names, numbers —
that no earlier sentence had).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from ..document import Document
from ..models import Finding
from ..resources import is_stopword
from . import FamilyResult
from .restatement import Restatement, Terms, find_restatements, terms_of

TOP_NGRAMS = (2, 3, 4)
DUP_NGRAMS = (5, 6, 7, 8, 9, 10)
PHRASE_N = 3
#: A reported phrase has at least this many lower-case non-stopwords: "in a way" is left
#: to the language family's filler rules, "a lot of" is not a phrase a reader remembers,
#: and "Claudia Sheinbaum said" is a name doing its job.
MIN_PHRASE_CONTENT = 2
#: Findings per article for each code, so a pathological page stays readable.
MAX_PHRASE_FINDINGS = 50
MAX_RESTATEMENT_FINDINGS = 100
#: Block kinds whose sentences can restate (bylines are metadata, not statements).
RESTATE_KINDS = frozenset({"prose", "list_item", "table_row", "heading"})


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


#: The last n-gram counts, by (id of the word list, n): the top 3-gram measure and the
#: repeated-phrase search count the same 3-grams of the same words.
_LAST_COUNTS: dict[tuple[int, int], tuple[Sequence[str], Counter]] = {}


def _ngram_counts(words: Sequence[str], n: int, grams: list | None = None) -> Counter:
    key = (id(words), n)
    hit = _LAST_COUNTS.get(key)
    if hit is not None and hit[0] is words:
        return hit[1]
    if grams is None:
        grams = list(zip(*(words[i:] for i in range(n)), strict=False))
    counts = Counter(grams)
    if len(_LAST_COUNTS) > 8:
        _LAST_COUNTS.clear()
    _LAST_COUNTS[key] = (words, counts)
    return counts


def top_ngram_char_ratio(words: Sequence[str], n: int) -> float:
    """Characters of the most frequent word n-gram times its count, over all word chars."""
    total = sum(map(len, words))
    if len(words) < n or total == 0:
        return 0.0
    counts = _ngram_counts(words, n)
    gram, count = counts.most_common(1)[0]
    if count <= 1:
        return 0.0
    return min(1.0, sum(len(w) for w in gram) * count / total)


def dup_ngram_char_ratio(words: Sequence[str], n: int) -> float:
    """Characters of words covered by any n-gram occurring twice or more, over all chars.

    Every occurrence counts (the first included); a word inside several duplicate
    n-grams counts once.
    """
    total = sum(map(len, words))
    if len(words) < n or total == 0:
        return 0.0
    grams = list(zip(*(words[i:] for i in range(n)), strict=False))
    counts = Counter(grams)
    if len(counts) == len(grams):  # nothing repeats: the common case, decided in C
        return 0.0
    flags = np.fromiter((counts[g] > 1 for g in grams), dtype=np.int32, count=len(grams))
    # word k is covered when a duplicate n-gram starts anywhere in [k - n + 1, k]
    covered = np.convolve(flags, np.ones(n, dtype=np.int32))[: len(words)] > 0
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    return float(lengths[covered].sum()) / total


def gopher_scores(text: str, words: Sequence[str]) -> dict[str, float]:
    """All Gopher repetition measures of a text and its (normalised) words."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    paragraphs = [p.strip() for p in _split_paragraphs(text) if p.strip()]
    out: dict[str, float] = {}
    out["dup_line_ratio"], out["dup_line_char_ratio"] = duplicate_fractions(lines)
    out["dup_paragraph_ratio"], out["dup_paragraph_char_ratio"] = duplicate_fractions(paragraphs)
    for n in TOP_NGRAMS:
        out[f"top_{n}gram_char_ratio"] = top_ngram_char_ratio(words, n)
    previous = 1.0
    for n in DUP_NGRAMS:
        # a duplicate n-gram contains a duplicate (n-1)-gram: once none, none above
        previous = dup_ngram_char_ratio(words, n) if previous > 0 else 0.0
        out[f"dup_{n}gram_char_ratio"] = previous
    return out


def _split_paragraphs(text: str) -> list[str]:
    out: list[str] = []
    cur: list[str] = []
    for line in text.splitlines():
        if line.strip():
            cur.append(line.strip())
        elif cur:
            out.append("\n".join(cur))
            cur = []
    if cur:
        out.append("\n".join(cur))
    return out


# --- repeated phrases ------------------------------------------------------------------


@lru_cache(maxsize=1)
def _rule(code: str):
    from ..rules import rule_by_code

    return rule_by_code(code)


def _message(code: str, fallback: str, **values: object) -> tuple[str, str, str, str]:
    """(message, suggestion, name, level) of a rule, its template filled in."""
    rule = _rule(code)
    if rule is None:
        return fallback.format(**values), "", "", "warning"
    try:
        msg = rule.message.format(**values)
    except (KeyError, IndexError, ValueError):
        msg = fallback.format(**values)
    return msg, rule.suggestion, rule.name, rule.level


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def repeated_phrases(
    doc: Document, limit: int = MAX_PHRASE_FINDINGS, words: list[str] | None = None
) -> list[Finding]:
    """RPT001 findings: content 3-grams that come back in a later paragraph, merged.

    ``words``, when given, are the lower-cased word and number tokens (as measure has them).
    """
    toks = doc.tokens
    widx = [k for k, t in enumerate(toks) if t.kind != "punct"]
    low = words if words is not None else [toks[k].text.lower() for k in widx]
    grams = list(zip(*(low[i:] for i in range(PHRASE_N)), strict=False))
    counts = _ngram_counts(low, PHRASE_N, grams)
    first_seen: dict[tuple[str, ...], tuple[int, int]] = {}  # gram -> (paragraph, token idx)
    hits: list[tuple[int, int, int]] = []  # (word position in sentence, sentence, first tok)
    if len(counts) == len(grams):
        return []
    sentences = doc.sentences
    for i in [i for i, g in enumerate(grams) if counts[g] > 1]:
        k0, k2 = widx[i], widx[i + PHRASE_N - 1]
        si = toks[k0].sentence
        if toks[k2].sentence != si:  # 3-grams never cross a sentence
            continue
        gram = grams[i]
        if not _is_content_gram(gram, [toks[widx[i + j]].text for j in range(PHRASE_N)]):
            continue
        para = sentences[si].paragraph
        prev = first_seen.get(gram)
        if prev is None:
            first_seen[gram] = (para, k0)
        elif prev[0] < para:
            hits.append((k0, si, prev[1]))
    if not hits:
        return []
    # merge overlapping repeated 3-grams of one sentence into maximal spans
    findings: list[Finding] = []
    by_sentence: dict[int, list[tuple[int, int]]] = {}
    for i, si, first_tok in hits:
        by_sentence.setdefault(si, []).append((i, first_tok))
    for si in sorted(by_sentence):
        s = doc.sentences[si]
        idx = [k for k in range(s.token_start, s.token_end) if toks[k].kind != "punct"]
        pos = {k: p for p, k in enumerate(idx)}
        spans: list[list[int]] = []  # [start word, end word (exclusive), first token]
        for k0, first_tok in sorted(by_sentence[si]):
            i = pos[k0]
            if spans and i < spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], i + PHRASE_N)
            else:
                spans.append([i, i + PHRASE_N, first_tok])
        for a, b, first_tok in spans:
            words = [toks[idx[k]].text for k in range(a, b)]
            content = sum(1 for w in words if w[:1].islower() and not is_stopword(w))
            # a three-word phrase with a function word is usually the topic's own noun
            # phrase ("the minimum wage"), which a story must repeat: report it from four
            # words, or when all three words carry content ("foreign military presence")
            if content < MIN_PHRASE_CONTENT or (len(words) < 4 and content < len(words)):
                continue
            start, end = toks[idx[a]].start, toks[idx[b - 1]].end
            phrase = doc.text[start:end]
            first_sentence = toks[first_tok].sentence
            msg, sug, name, level = _message(
                "RPT001", "Repeats ‘{phrase}’ from sentence {first} — say it once",
                phrase=_short(phrase, 60), first=first_sentence + 1,
            )
            findings.append(
                Finding(
                    code="RPT001", category="repetition", start=start, end=end, text=phrase,
                    in_quote=doc.in_quote(start, end), message=msg, suggestion=sug,
                    name=name or "repeated-phrase", level=level, sentence=si,
                    related_sentence=first_sentence,
                )
            )
            if len(findings) >= limit:
                return findings
    return findings


def _is_content_gram(gram: tuple[str, ...], surface: list[str]) -> bool:
    content = [i for i, w in enumerate(gram) if not is_stopword(w) and not w.isdigit()]
    if not content:
        return False
    # only names ("Mexican President Claudia"): repeating a name is not padding
    return not all(surface[i][:1].isupper() for i in content)


# --- restatements ----------------------------------------------------------------------


#: The last document's sentence terms, so the padding family (run later on the same
#: Document object in the same process) does not rebuild them. One entry: no growth.
_LAST_TERMS: list = [None, None]


def sentence_terms(doc: Document) -> list[Terms]:
    """The restatement terms of every sentence of the document (memoised for the last
    document, by identity)."""
    if _LAST_TERMS[0] is doc and len(_LAST_TERMS[1]) == len(doc.sentences):
        return _LAST_TERMS[1]
    toks = doc.tokens
    terms = [
        terms_of([(t.text, t.kind) for t in toks[s.token_start : s.token_end]])
        for s in doc.sentences
    ]
    _LAST_TERMS[0], _LAST_TERMS[1] = doc, terms
    return terms


def name_terms(doc: Document, terms: Sequence[Terms]) -> frozenset[str]:
    """Terms the article writes capitalised inside prose sentences and never in lower case
    (its names: "Sheinbaum", "Mexican"); a sentence's first word tells nothing."""
    caps: set[str] = set()
    lower: set[str] = set()
    for s, t in zip(doc.sentences, terms, strict=True):
        if s.kind == "prose":
            caps |= t.names
            lower |= t.lowered
    return frozenset(caps - lower)


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
    """Gopher repetition measures, repeated phrases and restatements of one article."""
    words = [t.text.lower() for t in doc.tokens if t.kind != "punct"]
    scores = gopher_scores(doc.text, words)
    terms = sentence_terms(doc)
    eligible = [s.kind in RESTATE_KINDS for s in doc.sentences]
    found = find_restatements(terms, eligible, names=name_terms(doc, terms))
    restates: list[int | None] = [None] * len(doc.sentences)
    sim: list[float | None] = [None] * len(doc.sentences)
    for r in found:
        restates[r.index] = r.of
        sim[r.index] = round(r.similarity, 4)
    phrases = repeated_phrases(doc, words=words)
    findings = phrases + restatement_findings(doc, found)
    n_words = len(words)
    prose = [s.index for s in doc.prose_sentences]
    scores.update(
        restatements=float(len(found)),
        restatement_ratio=(sum(1 for i in prose if restates[i] is not None) / len(prose))
        if prose else 0.0,
        repeated_phrases=float(len(phrases)),
        repeated_phrases_per_1k=1000.0 * len(phrases) / n_words if n_words else 0.0,
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
            "restatements": [
                {"sentence": r.index, "restates": r.of, "similarity": round(r.similarity, 4)}
                for r in found
            ],
        },
    )
