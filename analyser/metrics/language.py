"""Language findings: fillers, hedges, intensifiers, weasel attributions, padding, meta.

The rules are data (``analyser/rules/{filler,hedge,intensifier,weasel,padding,meta}.toml``)
interpreted by :mod:`analyser.metrics.language_match`, which reads each phrase's context
(neighbouring words, punctuation, clause position) to tell "She was, like, really firm"
(filler) from "countries like Mexico" (preposition). Every finding records whether it sits
inside a direct quotation: the headline rates count the writer's own words only, and
quoted speech gets its own ``_quoted_per_1k`` rates.

Rates are per 1,000 words of the article (all blocks: meta-commentary often sits in
headings), split by quotation. An article without words gets zero rates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from ..document import Document
from ..models import Finding
from ..rules import rules_for
from ..rules.extra import extra_rules
from ..settings import DEFAULT_SETTINGS, Settings
from .base import Family, FamilyResult
from .language_match import LANGUAGE_FAMILIES, Matcher, Tok, builtin_matcher, normalise

#: The six categories this family reports, in report order.
CATEGORIES: tuple[str, ...] = LANGUAGE_FAMILIES
TOP_PHRASES = 20


def doc_tokens(doc: Document, index: int) -> list[Tok]:
    """Matcher tokens for one sentence of a document."""
    s = doc.sentences[index]
    return [
        Tok(normalise(t.text), t.kind, t.text[:1].isupper(), t.start, t.end)
        for t in doc.tokens[s.token_start : s.token_end]
    ]


def find_language(doc: Document, matcher: Matcher | None = None) -> list[Finding]:
    """Every language finding in ``doc``, in text order; ``text == doc.text[start:end]``."""
    matcher = matcher or builtin_matcher()
    findings: list[Finding] = []
    for s in doc.sentences:
        toks = doc_tokens(doc, s.index)
        for m in matcher.match(toks):
            start, end = toks[m.i].start, toks[m.j - 1].end
            text = doc.text[start:end]
            r = m.rule.rule
            findings.append(
                Finding(
                    code=r.code, category=r.category, start=start, end=end, text=text,
                    in_quote=doc.in_quote(start, end),
                    message=r.message.replace("{text}", text),
                    suggestion=r.suggestion.replace("{text}", text),
                    name=r.name, level=r.level, sentence=s.index,
                )
            )
    return findings


def _per_1k(n: int, words: int) -> float:
    return 1000.0 * n / words if words else 0.0


def word_counts(doc: Document) -> tuple[int, int]:
    """(words outside quotations, words inside quotations)."""
    words = [t for t in doc.tokens if t.kind != "punct"]
    if not doc.quotes:
        return len(words), 0
    inside = sum(1 for t in words if doc.in_quote(t.start, t.end))
    return len(words) - inside, inside


def scores_for(
    doc: Document, findings: Sequence[Finding], settings: Settings = DEFAULT_SETTINGS
) -> dict[str, float]:
    """Rates per 1,000 words for the writer's prose and for quoted speech."""
    own, quoted = word_counts(doc)
    own_n: Counter[str] = Counter()
    quoted_n: Counter[str] = Counter()
    for f in findings:
        if not settings.rule_enabled(f.code):
            continue
        (quoted_n if f.in_quote else own_n)[f.category] += 1
    scores: dict[str, float] = {}
    for cat in CATEGORIES:
        scores[f"{cat}_per_1k"] = _per_1k(own_n[cat], own)
    for cat in CATEGORIES:
        scores[f"{cat}_quoted_per_1k"] = _per_1k(quoted_n[cat], quoted)
    scores["language_findings_per_1k"] = _per_1k(sum(own_n.values()), own)
    scores["language_findings_quoted_per_1k"] = _per_1k(sum(quoted_n.values()), quoted)
    with_finding = {f.sentence for f in findings if settings.rule_enabled(f.code)}
    scores["finding_sentence_ratio"] = (
        len(with_finding) / len(doc.sentences) if doc.sentences else 0.0
    )
    return scores


@lru_cache(maxsize=8)
def matcher_for(extra_rule_files: tuple[str, ...] = ()) -> Matcher:
    """The built-in matcher, plus the rules of a house style's ``extend-rules`` files."""
    if not extra_rule_files:
        return builtin_matcher()
    builtin = [r for fam in LANGUAGE_FAMILIES for r in rules_for(fam)]
    return Matcher([*builtin, *extra_rules(extra_rule_files)])


def measure(doc: Document, settings: Settings = DEFAULT_SETTINGS) -> FamilyResult:
    """The "language" family: findings, rates, per-sentence counts and top phrases."""
    findings = find_language(doc, matcher_for(settings.extra_rule_files))
    scores = scores_for(doc, findings, settings)
    per_sentence = [0] * len(doc.sentences)
    rule_counts: Counter[str] = Counter()
    phrases: Counter[tuple[str, str]] = Counter()
    for f in findings:
        if not settings.rule_enabled(f.code):
            continue
        if 0 <= f.sentence < len(per_sentence):
            per_sentence[f.sentence] += 1
        rule_counts[f.code] += 1
        phrases[(normalise(f.text), f.category)] += 1
    top = sorted(phrases.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_PHRASES]
    extras = {
        "rule_counts": dict(sorted(rule_counts.items())),
        "top_phrases": [[p, c, n] for (p, c), n in top],
        "quoted_findings": sum(1 for f in findings if f.in_quote),
    }
    return FamilyResult(
        scores=scores,
        findings=findings,
        sentence_values={"language_findings": per_sentence},
        extras=extras,
    )


def _measure(ctx):  # TEMP adapter until the module's measure takes a Context
    return measure(ctx.doc, ctx.settings)


FAMILY = Family("language", _measure)
