"""What the counted sentences hold, gathered sentence by sentence: name mentions,
attributions and their named speakers, numbers, dates and amounts."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...document import Document, Sentence
from ...tokens import plain_words
from .attributions import attribution_sources, speaker_name
from .entities import clean_names, merge_map
from .names import mid_sentence_capitals, runs
from .numbers import Figures
from .titlecase import is_title_case


@dataclass
class Tally:
    """Everything counted in an article's counted sentences, in reading order."""

    #: (name, follows a person title) for every name mention.
    mentions: list[tuple[str, bool]] = field(default_factory=list)
    #: The kind of every attribution: "named", "unnamed" or "pronoun".
    kinds: list[str] = field(default_factory=list)
    #: The name of every named speaker that has one.
    speakers: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    amounts: list[str] = field(default_factory=list)
    #: The wordings of sentences with a named attribution (lower-cased words).
    statements: set[str] = field(default_factory=set)
    #: Sentences in Title Case, whose capitals gave no names.
    title_case: int = 0
    #: Items found in each of ``doc.sentences`` (0 for those not counted).
    per_sentence: list[int] = field(default_factory=list)


def tally(doc: Document, counted: list[Sentence]) -> Tally:
    """The names, attributions, numbers, dates and amounts of the ``counted`` sentences."""
    out = Tally(per_sentence=[0] * len(doc.sentences))
    mid_caps = mid_sentence_capitals(doc, counted)
    figures = Figures(doc)
    for s in counted:
        out.per_sentence[s.index] = _add_sentence(out, doc, s, mid_caps, figures)
    return out


def _add_sentence(
    out: Tally, doc: Document, s: Sentence, mid_caps: set[str], figures: Figures
) -> int:
    """Add what sentence ``s`` holds to ``out``; the number of items it holds."""
    n_before = len(out.mentions)
    if is_title_case(doc, s):
        out.title_case += 1
    else:
        for run in runs(doc, s, mid_caps):
            out.mentions.extend(clean_names([t.text for t in run]))
    found = attribution_sources(doc, s, mid_caps)
    out.kinds += [k for k, _ in found]
    if any(k == "named" for k, _ in found):
        out.statements.add(" ".join(w.lower() for w in plain_words(doc.text, s.start, s.end)))
    out.speakers += [name for kind, src in found
                     if kind == "named" and (name := speaker_name(src))]
    numbers, dates, amounts = figures.in_sentence(s)
    out.numbers += numbers
    out.dates += dates
    out.amounts += amounts
    return len(out.mentions) - n_before + len(found) + len(numbers) + len(dates) + len(amounts)


def entities_and_sources(t: Tally) -> tuple[dict[str, dict], set[str]]:
    """The distinct entities named (see :func:`merge_map`) and the keys of those that
    speak. Speakers join the names' merging, not their mention counts."""
    entities, canon = merge_map(t.mentions + [(n, False) for n in t.speakers])
    for n in t.speakers:
        entities[canon[n].lower()]["mentions"] -= 1
    return entities, {canon[n].lower() for n in t.speakers}
