"""The word lists the substance family reads from data files, and the common-word test.

The two loaders at the top are the only code that reads the files."""

from __future__ import annotations

from functools import cache

from ...resources import word_list, zipf

#: A capitalised word is a "common word" (so, in Title Case, not a name) when its lower
#: case is at least this frequent in English (Zipf scale, wordfreq).
COMMON_ZIPF = 4.0


@cache
def _wordlist(name: str) -> frozenset[str]:
    """One word or phrase a line from ``analyser/data/<name>``."""
    return frozenset(w.lower() for w in word_list(f"data/{name}", per_line=True))


@cache
def _metrics_words(name: str) -> frozenset[str]:
    """Every whitespace-separated word from ``analyser/metrics/data/<name>``."""
    return frozenset(w.lower() for w in word_list(f"metrics/data/{name}"))


@cache
def titles() -> frozenset[str]:
    """Person titles and roles (lower case) that make a source named ("the president")."""
    return _wordlist("titles.txt") | _metrics_words("name_titles.txt")


def name_titles() -> frozenset[str]:
    """Titles written before a name (lower case): stripped from names ("President
    Sheinbaum" -> "Sheinbaum"). Narrower than :func:`titles`: "executive", "press" or
    "leader" end names too ("Health and Safety Executive", "Associated Press")."""
    return _metrics_words("name_titles.txt")


def unnamed_sources() -> frozenset[str]:
    """Vague source heads (lower case): "reports", "officials", "experts"."""
    return _wordlist("unnamed_sources.txt")


def demonyms() -> frozenset[str]:
    """Nationality and regional adjectives (lower case): "mexican", "american"."""
    return _metrics_words("demonyms.txt")


def first_names() -> frozenset[str]:
    """Common given names (lower case)."""
    return _metrics_words("first_names.txt")


def organisation_words() -> frozenset[str]:
    """Words that make a name an organisation (lower case): "ministry", "party"."""
    return _metrics_words("organisation_words.txt")


@cache
def is_demonym(word: str) -> bool:
    """A nationality adjective, alone or before a hyphen ("Mexican", "Mexican-born")."""
    low = word.lower().replace("’", "'")
    return low in demonyms() or low.split("-")[0] in demonyms()


def is_common(word: str) -> bool:
    """``word`` (lower case) is a common English word (Zipf ``COMMON_ZIPF`` or more)."""
    return zipf(word) >= COMMON_ZIPF

