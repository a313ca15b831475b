"""Restatement: sentences that say again what an earlier sentence of the article said.

Not a metric family of its own (the ``repetition`` family calls it); it lives apart so the
benchmark (``benchmarks/restatement_eval.py``) can score sentence pairs without a Document.

* :mod:`.words` and :mod:`.terms`: what a sentence says (:class:`Terms`): word stems, their
  bigrams, character trigrams, and content terms weighted by how informative they are;
* :mod:`.model`: ten features of a sentence pair and the logistic regression fitted on
  them: the probability that one sentence restates the other, and how close they are;
* :mod:`.guard`: the in-article guard that rejects look-alikes (the subject's name, the
  writer's tics, parallel list entries);
* :mod:`.search`: :func:`find_restatements`, which links each sentence to the earlier one
  it restates, linear in the article's length.
"""

from __future__ import annotations

from .guard import SHORT_WORDS, substantive_overlap
from .in_article import edge_flags, sentence_flags
from .model import (
    THRESHOLD,
    features,
    lexical_scores,
    probability,
    scores,
    similarity,
    text_probability,
    text_similarity,
)
from .search import MAX_CANDIDATES, WINDOW, Restatement, find_restatements
from .terms import Terms, sentence_terms, terms_of, terms_of_infos, tokenize
from .wordlists import data_words, non_content_words
from .words import TokenInfo, token_infos, word_term

__all__ = [
    "MAX_CANDIDATES", "SHORT_WORDS", "THRESHOLD", "WINDOW", "Restatement", "Terms", "TokenInfo",
    "data_words", "edge_flags", "features", "find_restatements", "lexical_scores",
    "non_content_words", "probability", "scores", "sentence_flags", "sentence_terms",
    "similarity", "substantive_overlap",
    "terms_of", "terms_of_infos", "text_probability", "text_similarity", "token_infos",
    "tokenize", "word_term",
]
