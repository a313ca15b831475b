"""Substance: how much checkable reporting an article carries per 1,000 words.

Counted over ``Document.prose_sentences`` (prose, or every sentence when an article has
no prose: a bullet-list briefing still names its minister and its "$4.5 billion").

* ``quotes``: direct quotations (``doc.quotes``) of three words or more inside those
  sentences; ``distinct_quotes`` counts different wordings once; ``quote_char_ratio`` is
  the share of their characters inside quotation marks.
* ``attributions``: a speech verb ("said", "told", "says", "added", "announced", "wrote",
  "explained", ... see ``vocabulary.SPEECH_VERBS``; "according to" too) with a *speaker*: the
  subject right before the verb (back to the previous comma, quote mark or sentence
  start, skipping auxiliaries such as "has"), or for "said"-type verbs the words right
  after it ("said Kelly", "according to The Wall Street Journal"). The speaker's head
  word must be a name, a person title ("the president"), a pronoun or a source noun
  ("officials", "the company", "a statement"). "highlighted", "indicated", "emphasized",
  "noted" (``vocabulary.SOFT_VERBS``) count only with a person-like speaker and a reported clause
  ("Kelly highlighted that ...", "She emphasized: ..."), so "This incident highlights
  ...", "Sheinbaum's response emphasized ...", "Sheinbaum's refusal indicates ..." and
  "The U.S. has highlighted its cooperation" are not attributions; nor are a passive
  ("was told") or a question ("why did she say no"). *Named* when the speaker holds a
  name or a definite person title, *unnamed* when it is only a vague source
  (``analyser/data/unnamed_sources.txt``: "officials", "some reports"), *pronoun*
  otherwise ("she said"); all three count. ``distinct_sources``: different named
  speakers, merged as names are.
* ``names``: runs of capitalised words inside a sentence, plus abbreviations ("U.S.");
  a sentence's first word counts when the article also capitalises it mid-sentence or a
  capitalised word or speech verb follows it ("Kelly said"). Cleaned up so that one
  entity counts once: leading function words and final possessives dropped ("The Wall
  Street Journal's" -> "Wall Street Journal"); nationality adjectives
  (``data/demonyms.txt``: "Mexican", "American") and person titles
  (``data/name_titles.txt``: "President", "Mr", "Dr") are stripped and never names on
  their own ("Mexican President Claudia Sheinbaum" -> "Claudia Sheinbaum"; a title
  before the name makes it a person); months and weekdays are dates, not names.
  Variants merge by their last word: "Sheinbaum", "President Sheinbaum" and "Claudia
  Sheinbaum" are one name (two full names sharing a surname stay two). A Title Case
  sentence (a headline run into the text: more capitalised common words than lower-case
  content words, and at least three) gives no names, since capitals say nothing there.
  Each distinct name is a *person* (a title came before it, or it starts with a common
  given name, ``data/first_names.txt``), an *organisation* (it holds an organisation
  word, ``data/organisation_words.txt``: "Ministry", "Party", "University", "Inc", "News";
  or it is an acronym without periods: "BBC", "NATO") or *other* (places, works, events).
* ``numbers``: number tokens outside dates and amounts; ``dates``: month-day(-year),
  weekday and year expressions; ``amounts``: money and percentages. A number inside a
  date or an amount counts once, as the date or the amount ("May 4, 2025" is one date,
  not also the numbers 4 and 2025).

``distinct_*`` count different values (lower-cased, names merged);
``distinct_named_attributions`` counts differently worded sentences with a named
attribution. The summary

    substance_per_1k = 1000 * (distinct_quotes + distinct_named_attributions
                               + distinct_names + distinct_numbers + distinct_dates
                               + distinct_amounts) / words

counts each kind of checkable fact once per distinct value, so repeating the same name
twenty times does not make copy substantial, while naming a spokesperson, quoting the
president and giving dates and sums does.

One module a job: ``quotes``; ``names`` (capitalised runs), ``titlecase`` (headlines
that give none) and ``entities`` (cleaning, merging and kinds of names);
``attributions``; ``numbers`` (numbers, dates and amounts); ``tally`` gathers them
sentence by sentence for :func:`measure`. ``vocabulary`` holds the built-in word sets,
``wordlists`` the ones read from data files, ``index`` where the tokens that matter sit.
"""

from __future__ import annotations

from collections import Counter

from ..base import Context, Family, FamilyResult
from .names import mid_sentence_capitals
from .quotes import quotations
from .tally import Tally, entities_and_sources, tally

__all__ = ["measure", "mid_sentence_capitals"]


def measure(ctx: Context) -> FamilyResult:
    """Quotations, attributions, names, numbers, dates and amounts per 1,000 words of the
    article's prose (or of all its sentences when it has no prose)."""
    doc = ctx.doc
    counted = doc.prose_sentences
    words = sum(s.words for s in counted)
    per_k = (1000.0 / words) if words else 0.0
    chars = sum(s.end - s.start for s in counted)
    quotes = quotations(doc, counted)
    found = tally(doc, counted)
    entities, sources = entities_and_sources(found)
    scores = {
        "quotes": float(quotes.count),
        "quotes_per_1k": quotes.count * per_k,
        "distinct_quotes": float(len(quotes.wordings)),
        "quote_char_ratio": min(1.0, quotes.chars / chars) if chars else 0.0,
        **_attribution_scores(found, len(sources), per_k),
        **_fact_scores(found, entities, per_k),
    }
    scores["substance_per_1k"] = (
        len(quotes.wordings) + len(found.statements) + len(entities) + len(set(found.numbers))
        + len(set(found.dates)) + len(set(found.amounts))
    ) * per_k
    ranked = sorted(entities.values(), key=lambda e: (-e["mentions"], e["name"]))
    return FamilyResult(
        scores=scores,
        sentence_values={"substance_items": found.per_sentence},
        extras={
            "names": sorted(e["name"] for e in entities.values())[:100],
            "entities": [{"name": e["name"], "kind": e["kind"], "mentions": e["mentions"],
                          "variants": sorted(e["variants"])} for e in ranked[:100]],
            "sources": sorted(entities[k]["name"] for k in sources)[:100],
            "title_case_sentences": found.title_case,
        },
    )


def _attribution_scores(found: Tally, distinct_sources: int, per_k: float) -> dict[str, float]:
    kinds = found.kinds
    return {
        "attributions": float(len(kinds)),
        "attributions_per_1k": len(kinds) * per_k,
        "named_attributions": float(kinds.count("named")),
        "distinct_named_attributions": float(len(found.statements)),
        "unnamed_attributions": float(kinds.count("unnamed")),
        "pronoun_attributions": float(kinds.count("pronoun")),
        "distinct_sources": float(distinct_sources),
    }


def _fact_scores(found: Tally, entities: dict[str, dict], per_k: float) -> dict[str, float]:
    by_kind = Counter(e["kind"] for e in entities.values())
    return {
        "names_per_1k": len(found.mentions) * per_k,
        "distinct_names": float(len(entities)),
        "distinct_people": float(by_kind["person"]),
        "distinct_organisations": float(by_kind["organisation"]),
        "numbers_per_1k": len(found.numbers) * per_k,
        "distinct_numbers": float(len(set(found.numbers))),
        "dates_per_1k": len(found.dates) * per_k,
        "distinct_dates": float(len(set(found.dates))),
        "amounts_per_1k": len(found.amounts) * per_k,
        "distinct_amounts": float(len(set(found.amounts))),
    }


FAMILY = Family("substance", measure)
