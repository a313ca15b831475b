"""The word lists under ``analyser/metrics/data`` that restatements and repeated phrases read."""

from __future__ import annotations

import re
from functools import lru_cache

from ...resources import word_list

#: A rule phrase of one word, or of alternatives of one word each ("really|truly").
_SINGLE_WORDS = re.compile(r"[a-z'’-]+(?:\|[a-z'’-]+)*")


def data_words(name: str) -> tuple[str, ...]:
    """The words of the word list ``analyser/metrics/data/<name>``."""
    return word_list(f"metrics/data/{name}")


@lru_cache(maxsize=1)
def non_content_words() -> frozenset[str]:
    """Words that say nothing about the story by themselves (lower case, straight
    apostrophes): the list in ``data/non_content_words.txt`` plus every single-word phrase
    of the filler, hedge and intensifier rules. Matched on the word itself, not its stem:
    "totally" is one, "total" is not."""
    words = {w.lower().replace("’", "'") for w in data_words("non_content_words.txt")}
    from ...rules import builtin_rules

    for rule in builtin_rules():
        if rule.category in ("filler", "hedge", "intensifier"):
            for phrase in rule.match.get("phrases", ()):
                if isinstance(phrase, str) and _SINGLE_WORDS.fullmatch(phrase):
                    words.update(w.replace("’", "'") for w in phrase.split("|"))
    return frozenset(words)
