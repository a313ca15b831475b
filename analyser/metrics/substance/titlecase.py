"""Title Case sentences: a headline run into the text, whose capitals say nothing about
names."""

from __future__ import annotations

from functools import cache

from ...document import Document, Sentence, Token
from ...resources import is_stopword
from .index import TokenIndex, sentence_starts, token_index
from .vocabulary import CALENDAR
from .wordlists import first_names, is_common, is_demonym, name_titles, organisation_words

#: A Title Case sentence has at least this many capitalised common words (and more of
#: them than lower-case content words).
TITLE_CASE_MIN = 3


def is_title_case(doc: Document, s: Sentence) -> bool:
    """A headline run into the text: at least ``TITLE_CASE_MIN`` capitalised common words
    (not names: given names, titles, nationality adjectives, months, organisation words
    and words rarer than ``COMMON_ZIPF`` are left out; so is the first word) and more
    than twice as many of them as lower-case content words. "Sheinbaum Recently Confirmed
    Trump Offered U.S. Military Assistance" is one; "Tony Blair, Gordon Brown and Jack
    Straw were there" and "Finance Minister Jane Doe met the Ministry" are not."""
    starts = sentence_starts(doc, s)
    toks = doc.tokens
    candidates = [
        toks[k] for k in TokenIndex.within(token_index(doc).caps, s)
        if k not in starts and len(toks[k].text) >= 2 and not is_stopword(toks[k].text)
    ]
    # most sentences are decided here: too few capitals to be a headline, whatever they are
    if len(candidates) < TITLE_CASE_MIN:
        return False
    lower = _lower_content_words(doc, s, starts, len(candidates))
    if len(candidates) <= 2 * lower:  # enough lower case: not a headline
        return False
    caps = sum(1 for t in candidates if _is_common_capital(t))
    return caps >= TITLE_CASE_MIN and caps > 2 * lower


def _lower_content_words(doc: Document, s: Sentence, starts: set[int], capitals: int) -> int:
    """Lower-case content words of ``s`` (not its openers), counted only until there are
    half as many as ``capitals``: the sentence is no headline then."""
    lower = 0
    for k in range(s.token_start, s.token_end):
        t = doc.tokens[k]
        if t.kind != "word" or len(t.text) < 2 or is_stopword(t.text) or k in starts:
            continue
        if not t.text[:1].isupper() and t.text[:1].isalpha():
            lower += 1
            if capitals <= 2 * lower:
                break
    return lower


def _is_common_capital(t: Token) -> bool:
    """A capitalised common word, not a name, title, acronym or date."""
    low = t.text.lower()
    return (not t.text.isupper() and low not in name_titles() and low not in _not_common()
            and not is_demonym(low) and is_common(low))


@cache
def _not_common() -> frozenset[str]:
    """Capitalised words that are not common words in a headline: given names,
    organisation words, months and days."""
    return first_names() | organisation_words() | CALENDAR
