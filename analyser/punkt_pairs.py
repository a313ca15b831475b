"""NLTK Punkt with its break decision cached per pair of word tokens.

For each candidate break Punkt re-tokenises the few words around it and annotates them
afresh (``text_contains_sentbreak``), which is most of its cost. That answer is "some
word token, not the last, is a sentence break", and whether a token is a break depends on
nothing but its own text and the next token's (the first annotation pass reads one token,
the second one pair; the line and paragraph flags are read by neither). So this class
decides each (token, next token) pair once per process, with Punkt's own code, and gives
the same spans as Punkt for every text.
"""

from __future__ import annotations

from typing import Any

#: Decided pairs kept (about 250 bytes each, so at most about 12 MB): the 2,225 BBC
#: articles hold about 22,500 distinct pairs; past the limit, new pairs are decided afresh.
PAIR_CACHE = 50_000


def pair_cached_punkt(params: Any) -> Any:
    """A ``PunktSentenceTokenizer`` on ``params`` whose break test reads the pair cache."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    class PairCachedPunkt(PunktSentenceTokenizer):
        """Punkt, each (token, next token) break decision made once."""

        def __init__(self, params: Any) -> None:
            super().__init__(params)
            self._breaks: dict[tuple[str, str], bool] = {}

        def _pair_breaks(self, first: str, second: str) -> bool:
            """Punkt's own annotation of ``first`` followed by ``second``: a break?"""
            tokens = self._annotate_tokens(iter((self._Token(first), self._Token(second))))
            return bool(next(tokens).sentbreak)

        def text_contains_sentbreak(self, text: str) -> bool:
            # the word tokens _tokenize_words yields (lines split, blank lines skipped)
            words = self._lang_vars.word_tokenize
            toks = [tok for line in text.split("\n") if line.strip() for tok in words(line)]
            breaks = self._breaks
            for pair in zip(toks, toks[1:], strict=False):
                found = breaks.get(pair)
                if found is None:
                    found = self._pair_breaks(*pair)
                    if len(breaks) < PAIR_CACHE:
                        breaks[pair] = found
                if found:
                    return True
            return False

    return PairCachedPunkt(params)
