"""Analysing one article: clean -> parse -> every metric family -> one Analysis.

:func:`analyse_article` is pure and picklable (an Article and Settings in, an Analysis
out), so a process pool or a cluster can run it unchanged.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from .document import Document, check_text_length, parse
from .metrics import run_families
from .metrics.language_extra import check_extra_rules
from .models import Article, Finding, Removed
from .settings import DEFAULT_SETTINGS, Settings


@dataclass
class Analysis:
    """Everything measured about one article. ``findings[i].text == text[start:end]``."""

    id: str
    text: str
    scores: dict[str, float]
    findings: list[Finding]
    sentences: list[dict[str, Any]]
    outlet: str = ""
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str = ""
    author: str | None = None
    removed: list[Removed] = field(default_factory=list)
    paragraphs: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)
    #: Words outside direct quotations: the writer's own, which the language rates use.
    own_words: int = 0


def validate_settings(settings: Settings) -> None:
    """Checks of a configuration that need the metric families: a house style's extra
    rules must compile and their examples behave. Raises RuleError (a usage error)."""
    check_extra_rules(settings.extra_rule_files)


def analyse_document(doc: Document, settings: Settings = DEFAULT_SETTINGS):
    """Run every metric family over a parsed document, each after the families it needs.

    Returns (scores, findings, per-sentence values, extras).
    """
    scores: dict[str, float] = {}
    findings: list[Finding] = []
    sentence_values: dict[str, list[Any]] = {}
    extras: dict[str, Any] = {}
    for name, result in run_families(doc, settings).items():
        scores.update(result.scores)
        findings.extend(result.findings)
        sentence_values.update(result.sentence_values)
        if result.extras:
            extras[name] = result.extras
    findings = [_with_sentence(doc, f) for f in findings]
    findings.sort(key=lambda f: (f.start, f.end, f.code))
    return scores, findings, sentence_values, extras


def _with_sentence(doc: Document, f: Finding) -> Finding:
    if f.sentence >= 0:
        return f
    return dataclasses.replace(f, sentence=doc.sentence_at(f.start))


def analyse_article(article: Article, settings: Settings = DEFAULT_SETTINGS) -> Analysis:
    """Clean, parse and measure one article."""
    from .clean import clean_article  # imported here: analysing bare text never needs it

    cleaned = clean_article(article)
    # refused before it is parsed: every later step's cost grows with the article's length
    check_text_length(cleaned.text, settings.max_article_words)
    doc = parse(cleaned.text, [b.kind for b in cleaned.blocks])
    return _measure(
        doc,
        settings,
        id=article.id,
        outlet=article.outlet or cleaned.site_name or "",
        title=article.title or cleaned.title,
        url=article.url or cleaned.url,
        published=article.published or cleaned.published,
        source=article.source,
        author=cleaned.author,
        removed=list(cleaned.removed),
    )


def analyse_text(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    clean: bool = False,
    settings: Settings = DEFAULT_SETTINGS,
    id: str = "text",
) -> Analysis:
    """Analyse one text. ``clean=True`` removes page furniture first; otherwise the text
    is analysed as given (``Analysis.text`` is then the input itself)."""
    if clean:
        return analyse_article(Article(id=id, raw=text, title=title, outlet=outlet or ""), settings)
    check_text_length(text, settings.max_article_words)
    return _measure(parse(text), settings, id=id, outlet=outlet or "", title=title)


def _measure(doc: Document, settings: Settings, **meta: Any) -> Analysis:
    scores, findings, sentence_values, extras = analyse_document(doc, settings)
    if settings.levels:
        findings = [dataclasses.replace(f, level=settings.level_for(f.code, f.level))
                    for f in findings]
    return Analysis(
        text=doc.text,
        scores=scores,
        findings=findings,
        sentences=sentence_rows(doc, sentence_values),
        paragraphs=[{"start": p.start, "end": p.end, "kind": p.kind} for p in doc.paragraphs],
        quotes=list(doc.quotes),
        extras=extras,
        own_words=doc.own_words,
        **meta,
    )


def sentence_rows(doc: Document, values: dict[str, list[Any]]) -> list[dict[str, Any]]:
    """One dict per sentence: position, text, counts and every family's per-sentence value."""
    rows = []
    for s in doc.sentences:
        row: dict[str, Any] = {
            "index": s.index,
            "start": s.start,
            "end": s.end,
            "paragraph": s.paragraph,
            "kind": s.kind,
            "text": doc.text[s.start : s.end],
            "words": s.words,
            "syllables": s.syllables,
        }
        for name, column in values.items():
            row[name] = column[s.index]
        rows.append(row)
    return rows
