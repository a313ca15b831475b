"""The pair-cached Punkt gives exactly the spans of NLTK's own Punkt on the same parameters."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyser.punkt_pairs import pair_cached_punkt
from analyser.resources import punkt_tokenizer

TEXTS = [
    "He left. She stayed.",
    "Plan B. Nobody agreed. J. K. Rowling wrote it.",
    "At 10 a.m. Police said the U.S. team won. Mr. Smith and Dr. Who met on Jan. 5.",
    "Wait... what? No! Yes.\n\nA new paragraph. (It rained.) Then it stopped.",
    "“Go now.” He went. 'Fine.' She said so. It cost $3.5m. No. 1 again.",
    "The score was 3-1. 2. Second point. iii. Third.\nLine two. e.g. this one.",
    "She left.He came. Ends with a mark.",
    "Smith & Co. said so. Acme Inc. Ltd. grew. St. Paul's. Vol. 2 out.",
    "",
    "   ",
]


def _plain_punkt():
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    return PunktSentenceTokenizer(punkt_tokenizer()._params)


def _seed_texts() -> list[str]:
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    return [p.read_text("utf-8") for p in sorted(seeds.glob("*.txt"))]


@pytest.mark.parametrize("text", TEXTS + _seed_texts())
def test_spans_equal_punkt(text):
    plain = _plain_punkt()
    cached = pair_cached_punkt(plain._params)
    expected = list(plain.span_tokenize(text))
    assert list(cached.span_tokenize(text)) == expected
    # a second pass reads the decisions cached by the first
    assert list(cached.span_tokenize(text)) == expected


def test_the_analyser_splits_with_the_pair_cached_punkt():
    tok = punkt_tokenizer()
    assert hasattr(tok, "_pair_breaks")
    assert list(tok.span_tokenize("Plan B. Nobody agreed.")) == [(0, 7), (8, 22)]


def test_cache_stops_at_its_limit_and_spans_stay_equal(monkeypatch):
    import analyser.punkt_pairs as pp

    monkeypatch.setattr(pp, "PAIR_CACHE", 3)
    plain = _plain_punkt()
    cached = pp.pair_cached_punkt(plain._params)
    text = " ".join(TEXTS)
    assert list(cached.span_tokenize(text)) == list(plain.span_tokenize(text))
    assert len(cached._breaks) == 3
