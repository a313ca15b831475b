"""What must hold of every analysis, whatever the input (the fuzz targets' oracle)."""

from __future__ import annotations

import math
from numbers import Real

from hypothesis import event
from hypothesis.control import currently_in_test_context

from analyser.catalog import CATEGORY_NAMES, LEVELS, SCORE
from analyser.errors import InputError
from analyser.ingest import IngestError
from analyser.models import BLOCK_KINDS, Article

#: Bounds each unit of the catalogue declares (analyser/catalog/scores.toml).
UNIT_BOUNDS = {
    "share": (0.0, 1.0), "flag": (0.0, 1.0), "index": (0.0, 100.0), "count": (0.0, math.inf),
    "words": (0.0, math.inf), "per 1k words": (0.0, math.inf), "minutes": (0.0, math.inf),
    "ratio": (0.0, math.inf), "words per sentence": (0.0, math.inf),
    "syllables per word": (0.0, math.inf),
}
#: Bounds documented for one score (docs/readability_grade.md: "Nothing is ever NaN or
#: negative", at most grade 30).
SCORE_BOUNDS = {"readability_grade": (0.0, 30.0)}


#: Kinds of paragraph whose leading marker (a list bullet or number, a Markdown heading's
#: hashes) belongs to no sentence.
MARKED_KINDS = ("list_item", "heading")


def check_scores(scores: dict) -> None:
    """Every score is declared in the catalogue, and is a finite real number within its
    unit's bounds (no score is documented as ever being NaN)."""
    for name, value in scores.items():
        assert name in SCORE, name
        assert isinstance(value, Real) and not isinstance(value, bool), (name, value)
        assert math.isfinite(value), (name, value)
        low, high = SCORE_BOUNDS.get(name) or UNIT_BOUNDS.get(SCORE[name].unit,
                                                              (-math.inf, math.inf))
        assert low <= value <= high, (name, value)


def _check_spans(spans: list[tuple[int, int]], n: int, what: str) -> None:
    """In bounds, in order, never overlapping."""
    previous_end = 0
    for start, end in spans:
        assert 0 <= start <= end <= n, (what, start, end, n)
        assert start >= previous_end, (what, "overlap or out of order", spans)
        previous_end = end


def _inside(quotes: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(qs <= start and end <= qe for qs, qe in quotes)


def check_sentences(analysis) -> None:
    """Sentences lie in their paragraphs, in order, and cover every visible character of
    each paragraph; each row's text is its slice of the analysed text."""
    text, paragraphs = analysis.text, analysis.paragraphs
    _check_spans([(p["start"], p["end"]) for p in paragraphs], len(text), "paragraph")
    for p in paragraphs:
        assert p["kind"] in BLOCK_KINDS, p
    spans = [(s["start"], s["end"]) for s in analysis.sentences]
    _check_spans(spans, len(text), "sentence")
    covered = [False] * len(text)
    for i, s in enumerate(analysis.sentences):
        assert s["index"] == i
        assert s["text"] == text[s["start"]:s["end"]]
        assert s["words"] >= 0 and s["syllables"] >= 0
        p = paragraphs[s["paragraph"]]
        assert p["start"] <= s["start"] <= s["end"] <= p["end"], (s, p)
        covered[s["start"]:s["end"]] = [True] * (s["end"] - s["start"])
    for p in paragraphs:
        lost = [i for i in range(p["start"], p["end"])
                if not covered[i] and not text[i].isspace()]
        if p["kind"] in MARKED_KINDS:  # its marker ("1.", "•", "##") is in no sentence
            marker = text[p["start"]:p["end"]].split(maxsplit=1)[0]
            lost = [i for i in lost if i >= p["start"] + len(marker)]
        assert not lost, ("paragraph characters in no sentence", p, text[p["start"]:p["end"]])


def check_findings(analysis) -> None:
    """Each finding is its slice of the text, its quote flag agrees with the document's
    quotations, and its sentence indices exist."""
    text, n_sentences = analysis.text, len(analysis.sentences)
    _check_spans(sorted(analysis.quotes), len(text), "quote")
    for f in analysis.findings:
        assert 0 <= f.start <= f.end <= len(text), f
        assert f.text == text[f.start:f.end], f
        assert f.in_quote == _inside(analysis.quotes, f.start, f.end), (f, analysis.quotes)
        assert f.category in CATEGORY_NAMES and f.level in LEVELS, f
        assert f.code and isinstance(f.message, str) and f.message, f
        assert -1 <= f.sentence < n_sentences, (f, n_sentences)
        assert f.related_sentence is None or 0 <= f.related_sentence < n_sentences, f
    keys = [(f.start, f.end, f.code) for f in analysis.findings]
    assert keys == sorted(keys)


def check_analysis(analysis, text: str | None = None) -> None:
    """Every invariant of one analysis; ``text``: what ``analysis.text`` must equal."""
    assert isinstance(analysis.text, str)
    if text is not None:
        assert analysis.text == text
    check_scores(analysis.scores)
    check_sentences(analysis)
    check_findings(analysis)
    assert analysis.own_words >= 0


def analyse_or_input_error(analyse, *args, **kwargs):
    """The analysis, or None when the input was refused with an InputError. Any other
    exception propagates: it is a bug, never the input's fault."""
    try:
        analysis = analyse(*args, **kwargs)
    except InputError as exc:
        _event(f"refused: {exc.kind}")
        assert str(exc).strip() and "\n" not in str(exc), repr(exc)  # one clear line
        return None
    _event("analysed")
    return analysis


def _event(name: str) -> None:
    """Count an outcome in Hypothesis's statistics (--hypothesis-show-statistics)."""
    if currently_in_test_context():
        event(name)


def check_record(item) -> None:
    """One record of the ingest stage: an Article, or an IngestError of one line."""
    assert isinstance(item, (Article, IngestError)), item
    if isinstance(item, IngestError):
        assert item.reason.strip() and "\n" not in item.reason, item  # one clear line
        assert item.kind in _INPUT_KINDS, item
    else:
        assert isinstance(item.raw, str) and isinstance(item.id, str) and item.id
        assert isinstance(item.outlet, str)
        for value in (item.title, item.url, item.published):
            assert value is None or isinstance(value, str)


def _kinds(cls: type) -> set[str]:
    return {cls.kind} | {k for sub in cls.__subclasses__() for k in _kinds(sub)}


_INPUT_KINDS = _kinds(InputError)
