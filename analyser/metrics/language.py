"""Language findings: fillers, hedges, intensifiers, weasel attributions, padding, meta.

The rules are data (``analyser/rules/{filler,hedge,intensifier,weasel,padding,meta}.toml``)
interpreted by :mod:`analyser.metrics.language_match`, which reads each phrase's context
(neighbouring words, punctuation, clause position) to tell "She was, like, really firm"
(filler) from "countries like Mexico" (preposition). Every finding records whether it sits
inside a direct quotation: the headline rates count the writer's own words only, and
quoted speech gets its own ``_quoted_per_1k`` rates. A rule's level can depend on context
(its ``soften`` key): a hedge in quoted speech or in an attributed forecast is a
suggestion, the writer's own is a warning.

Rates are per 1,000 words of the article (all blocks: meta-commentary often sits in
headings), split by quotation. An article without words gets zero rates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from ..catalog import LANGUAGE_CATEGORIES
from ..document import Document
from ..models import Finding
from ..rules import rules_for
from ..rules.extra import FilesKey, files_key, rules_at
from ..settings import Settings
from ..tokens import fold
from .base import Context, Family, FamilyResult, make_finding, per_1k
from .language_match import Match, Matcher, Tok, builtin_matcher, normalise

TOP_PHRASES = 20


def doc_tokens(doc: Document, index: int) -> list[Tok]:
    """Matcher tokens for one sentence of a document."""
    s = doc.sentences[index]
    # fold is normalise without its call, and tuple.__new__ a Tok without its Python
    # __new__ (this runs for every token)
    return [
        _new(Tok, (fold(t.text), t.kind, t.text[:1].isupper(), t.start, t.start + len(t.text)))
        for t in doc.tokens[s.token_start : s.token_end]
    ]


_new = tuple.__new__


def find_language(doc: Document, matcher: Matcher | None = None) -> list[Finding]:
    """Every language finding in ``doc``, in text order; ``text == doc.text[start:end]``."""
    matcher = matcher or builtin_matcher()
    findings: list[Finding] = []
    for s in doc.sentences:
        toks = doc_tokens(doc, s.index)
        for m in matcher.match(toks):
            start, end = toks[m.i].start, toks[m.j - 1].end
            findings.append(make_finding(doc, m.rule.rule, start, end, sentence=s.index,
                                         level=_level(doc, m, start, end)))
    return findings


def _level(doc: Document, m: Match, start: int, end: int) -> str | None:
    """The level decided from context: a rule that declares ``soften`` is a suggestion
    inside a direct quotation (someone else's words) and wherever one of its ``soften``
    contexts holds (an attributed forecast, an honest unknown); otherwise its own level."""
    rule = m.rule.rule
    if rule.level != "warning" or "soften" not in rule.match:
        return None
    return "suggestion" if m.soft or doc.in_quote(start, end) else None


def scores_for(doc: Document, findings: Sequence[Finding]) -> dict[str, float]:
    """Rates per 1,000 words for the writer's own words and for quoted speech."""
    own, quoted = doc.own_words, doc.quoted_words
    own_n: Counter[str] = Counter()
    quoted_n: Counter[str] = Counter()
    for f in findings:
        (quoted_n if f.in_quote else own_n)[f.category] += 1
    scores: dict[str, float] = {}
    for cat in LANGUAGE_CATEGORIES:
        scores[f"{cat}_per_1k"] = per_1k(own_n[cat], own)
    for cat in LANGUAGE_CATEGORIES:
        scores[f"{cat}_quoted_per_1k"] = per_1k(quoted_n[cat], quoted)
    scores["language_findings_per_1k"] = per_1k(sum(own_n.values()), own)
    scores["language_findings_quoted_per_1k"] = per_1k(sum(quoted_n.values()), quoted)
    with_finding = {f.sentence for f in findings}
    scores["finding_sentence_ratio"] = (
        len(with_finding) / len(doc.sentences) if doc.sentences else 0.0
    )
    return scores


@lru_cache(maxsize=8)
def matcher_for(extra: FilesKey = ()) -> Matcher:
    """The built-in matcher, plus the rules of a house style's extra rule files (``extra``
    from :func:`analyser.rules.extra.files_key`)."""
    if not extra:
        return builtin_matcher()
    builtin = [r for category in LANGUAGE_CATEGORIES for r in rules_for(category)]
    return Matcher([*builtin, *rules_at(extra)])


def selected_findings(doc: Document, settings: Settings) -> list[Finding]:
    """The language findings of the rules the settings select."""
    found = find_language(doc, matcher_for(files_key(settings.extra_rule_files)))
    return [f for f in found if settings.rule_enabled(f.code)]


def measure(ctx: Context) -> FamilyResult:
    """The "language" family: findings, rates, per-sentence counts and top phrases."""
    doc = ctx.doc
    findings = selected_findings(doc, ctx.settings)
    per_sentence = [0] * len(doc.sentences)
    rule_counts: Counter[str] = Counter()
    phrases: Counter[tuple[str, str]] = Counter()
    for f in findings:
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
        scores=scores_for(doc, findings),
        findings=findings,
        sentence_values={"language_findings": per_sentence},
        extras=extras,
    )


FAMILY = Family("language", measure)
