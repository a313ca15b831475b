"""Substance: how much checkable reporting an article carries per 1,000 words.

Counted over ``Document.prose_sentences`` (prose, or every sentence when an article has
no prose: a bullet-list briefing still names its minister and its "$4.5 billion").

* ``quotes``: direct quotations (``doc.quotes``) of three words or more inside those
  sentences; ``distinct_quotes`` counts different wordings once; ``quote_char_ratio`` is
  the share of their characters inside quotation marks.
* ``attributions``: a speech verb ("said", "told", "says", "added", "announced", "wrote",
  "explained", ... see ``SPEECH_VERBS``; "according to" too) with a *speaker*: the
  subject right before the verb (back to the previous comma, quote mark or sentence
  start, skipping auxiliaries such as "has"), or for "said"-type verbs the words right
  after it ("said Kelly", "according to The Wall Street Journal"). The speaker's head
  word must be a name, a person title ("the president"), a pronoun or a source noun
  ("officials", "the company", "a statement"). "highlighted", "indicated", "emphasized",
  "noted" (``SOFT_VERBS``) count only with a person-like speaker and a reported clause
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
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import cache, lru_cache
from importlib.resources import files

from ..document import Document, Sentence, Token
from ..resources import is_stopword
from .base import Family, FamilyResult

#: Verbs that report speech or writing. "highlights", "indicates", "suggests",
#: "underscores" are not here: in news copy their subject is as often a fact or an event
#: ("This incident highlights ...") as a speaker. "reports", "claims", "notes", "states"
#: are left out because they are nouns as often ("some reports said").
SPEECH_VERBS = frozenset(
    """
    said says say told tells tell stated added adds explained explains announced
    announces confirmed confirms argued argues wrote writes insisted insists claimed warned
    warns asserted asserts affirmed affirms declared declares acknowledged acknowledges
    admitted admits replied replies responded responds recalled recalls stressed stresses
    reported
    """.split()
)
#: Verbs that report a statement only with a person-like speaker and a reported clause
#: ("Kelly highlighted that ...", "She emphasized: ..."): "This incident highlights the
#: challenges", "Sheinbaum's response indicates a reluctance" and "The U.S. has
#: highlighted its cooperation" are not attributions.
SOFT_VERBS = frozenset(
    """
    emphasized emphasised emphasizes emphasises stressed stresses highlighted highlights
    indicated indicates suggested suggests underscored underscores noted notes
    """.split()
)
#: Words that can report a statement (attribution_sources looks only at these).
_VERB_WORDS = SPEECH_VERBS | SOFT_VERBS | {"according"}
_REPORTED_CLAUSE = frozenset({"that", ":", "“", '"', "‘", "'"})
#: Do-support, modals and question words in a subject: "why did she say no", "he will
#: say" do not report what was said.
_NOT_REPORTING = frozenset("did does do why how would could should will might may".split())
#: Kept for callers of the old name.
REPORTING_VERBS = SPEECH_VERBS
#: Verbs whose object is the addressee, not the speaker ("Kelly told reporters").
_ADDRESSEE_VERBS = frozenset("told tells tell".split())
PRONOUNS = frozenset("he she they it we i you who".split())
#: Words between a speaker and the verb that do not change who speaks.
_AUXILIARIES = frozenset(
    "has have had also later then previously once again repeatedly has also would will "
    "had earlier already".split()
)
_PASSIVE_AUX = frozenset("was were been be being is are".split())
#: Nouns that speak for an organisation or a document ("the company said").
SOURCE_NOUNS = frozenset(
    """
    company firm government ministry department agency police court judge bank group
    party union board council committee commission spokesman spokeswoman spokesperson
    statement letter report filing lawyer lawyers attorney prosecutors prosecutor
    official officials source sources spokesmen minister ministers president chairman
    chief executive director manager coach
    """.split()
)
_MONTHS = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:t(?:ember)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
# Each pattern opens with a lookahead for the characters a match can start with: most
# positions fail there at once instead of trying every alternative (same matches, 2-3x
# faster on news text).
_DATE_RE = re.compile(
    r"(?=[ADFJMNOSTW\d])"
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}(?:\s+\d{{4}})?"
    rf"|(?:January|February|March|April|June|July|August|September|October|November|December)"
    rf"\s+\d{{4}}"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?:19|20)\d{2}s?)\b"
)
_AMOUNT_RE = re.compile(
    r"(?=[$€£¥\d])"
    r"(?:[$€£¥]\s?\d[\d,.]*(?:\s?(?:million|billion|trillion|bn|m|k)\b)?"
    r"|\b\d[\d,.]*\s?(?:%|percent\b|per cent\b|million\b|billion\b|trillion\b|dollars\b"
    r"|euros\b|pounds\b))",
    re.IGNORECASE,
)
_CALENDAR = frozenset(
    "january february march april june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday".split()
)
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SOURCE_STOP = frozenset(",;:()“”\"'‘’—–")
_ACRONYM = re.compile(r"^[A-Z]{2,6}s?$")
MIN_QUOTE_WORDS = 3
#: A Title Case sentence has at least this many capitalised common words (and more of
#: them than lower-case content words).
TITLE_CASE_MIN = 3
#: A capitalised word is a "common word" (so, in Title Case, not a name) when its lower
#: case is at least this frequent in English (Zipf scale, wordfreq).
COMMON_ZIPF = 4.0


@cache
def _wordlist(name: str) -> frozenset[str]:
    text = files("analyser").joinpath(f"data/{name}").read_text("utf-8")
    return frozenset(
        ln.strip().lower() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")
    )


@cache
def _metrics_words(name: str) -> frozenset[str]:
    text = files("analyser.metrics").joinpath(f"data/{name}").read_text("utf-8")
    return frozenset(
        w.lower() for ln in text.splitlines() if not ln.lstrip().startswith("#")
        for w in ln.split()
    )


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
def _is_demonym(word: str) -> bool:
    low = word.lower().replace("’", "'")
    return low in demonyms() or low.split("-")[0] in demonyms()


@cache
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


# --- names -------------------------------------------------------------------------------


_OPENERS = frozenset({'"', ":", "“", "‘", "(", "[", "—", "–", "'"})


def _starts(doc: Document, s: Sentence) -> set[int]:
    """Token indices where a sentence (or a quotation inside it) starts: capitals there
    say nothing about names. Computed once per document for all its sentences."""
    return doc.derived("substance_starts", _all_starts)[s.index]


def _all_starts(doc: Document) -> list[set[int]]:
    out: list[set[int]] = []
    for s in doc.sentences:
        starts: set[int] = set()
        prev_open = True
        for k in range(s.token_start, s.token_end):
            t = doc.tokens[k]
            if t.kind == "punct":
                prev_open = prev_open or t.text in _OPENERS
                continue
            if prev_open:
                starts.add(k)
            prev_open = False
        out.append(starts)
    return out


class _TokenIndex:
    """Where the tokens that matter here sit (token indices, ascending), found in one pass
    per document: capitalised words, speech verbs and "according", numbers; and every
    token's start offset. Most tokens are none of these, so each sentence visits only
    its own few (:meth:`within`)."""

    __slots__ = ("caps", "verbs", "numbers", "starts")

    def __init__(self, doc: Document) -> None:
        toks = doc.tokens
        verbs = _VERB_WORDS
        self.starts = [t.start for t in toks]
        self.caps = [k for k, t in enumerate(toks) if t.text[:1].isupper() and t.kind == "word"]
        self.verbs = [k for k, t in enumerate(toks) if t.text.lower() in verbs]
        self.numbers = [k for k, t in enumerate(toks) if t.kind == "number"]

    @staticmethod
    def within(indices: list[int], s: Sentence) -> list[int]:
        """The indices inside sentence ``s``."""
        return indices[bisect.bisect_left(indices, s.token_start):
                       bisect.bisect_left(indices, s.token_end)]


def _token_index_of(doc: Document) -> _TokenIndex:
    return doc.derived("substance_token_index", _TokenIndex)


def _mid_caps(doc: Document, sentences: list[Sentence]) -> set[str]:
    """Words the article capitalises inside sentences (so, at a sentence start, a name)."""
    out: set[str] = set()
    caps = _token_index_of(doc).caps
    toks = doc.tokens
    for s in sentences:
        starts = _starts(doc, s)
        for k in _TokenIndex.within(caps, s):
            if k not in starts:
                out.add(toks[k].text)
    return out


@cache
def _not_common() -> frozenset[str]:
    """Capitalised words that are not common words in a headline: given names,
    organisation words, months and days."""
    return first_names() | organisation_words() | _CALENDAR


def is_title_case(doc: Document, s: Sentence) -> bool:
    """A headline run into the text: at least ``TITLE_CASE_MIN`` capitalised common words
    (not names: given names, titles, nationality adjectives, months, organisation words
    and words rarer than ``COMMON_ZIPF`` are left out; so is the first word) and more
    than twice as many of them as lower-case content words. "Sheinbaum Recently Confirmed
    Trump Offered U.S. Military Assistance" is one; "Tony Blair, Gordon Brown and Jack
    Straw were there" and "Finance Minister Jane Doe met the Ministry" are not."""
    caps = lower = 0
    starts = _starts(doc, s)
    toks = doc.tokens
    candidates = [
        toks[k] for k in _TokenIndex.within(_token_index_of(doc).caps, s)
        if k not in starts and len(toks[k].text) >= 2 and not is_stopword(toks[k].text)
    ]
    # most sentences are decided here: too few capitals to be a headline, whatever they are
    if len(candidates) < TITLE_CASE_MIN:
        return False
    for k in range(s.token_start, s.token_end):
        t = toks[k]
        if t.kind != "word" or len(t.text) < 2 or is_stopword(t.text) or k in starts:
            continue
        if not t.text[:1].isupper() and t.text[:1].isalpha():
            lower += 1
            if len(candidates) <= 2 * lower:  # enough lower case already: not a headline
                return False
    title_set = name_titles()
    not_common = _not_common()
    for t in candidates:
        low = t.text.lower()
        if (not t.text.isupper() and low not in title_set and low not in not_common
                and not _is_demonym(low) and _zipf(low) >= COMMON_ZIPF):
            caps += 1
    return caps >= TITLE_CASE_MIN and caps > 2 * lower


def names_in(doc: Document, s: Sentence, mid_caps: set[str]) -> list[str]:
    """Capitalised runs in one sentence ("White House Deputy Press Secretary Anna Kelly"),
    leading function words and a final possessive dropped; no cleaning of titles."""
    return [n for run in _runs(doc, s, mid_caps) if (n := _name([t.text for t in run]))]


def _runs(doc: Document, s: Sentence, mid_caps: set[str]) -> list[list[Token]]:
    """Runs of consecutive capitalised words (a sentence opener only when it is a name;
    no single letters, no "I"), bridged by "of" after an organisation word ("Bank of
    England"), leading function words dropped."""
    toks = doc.tokens
    out: list[list[Token]] = []
    run: list[Token] = []
    last = -2  # token index of the run's last token
    starts = _starts(doc, s)
    for k in _TokenIndex.within(_token_index_of(doc).caps, s):
        t = toks[k]
        if run and k == last + 2:
            of = toks[last + 1]
            if of.text.lower() == "of" and run[-1].text.lower() in organisation_words():
                run.append(of)  # "Ministry of Finance", "Bank of England"
                last += 1
        if run and k != last + 1:  # a lower-case word or a mark came between
            out.append(run)
            run = []
        ok = len(t.text) > 1 and not (
            k in starts and not _initial_is_name(doc, k, s.token_end, mid_caps))
        if ok:
            run.append(t)
            last = k
        elif run:
            out.append(run)
            run = []
    if run:
        out.append(run)
    cleaned = []
    for r in out:
        while r and is_stopword(r[0].text):
            r = r[1:]
        if r:
            cleaned.append(r)
    return cleaned


_POSSESSIVE = re.compile(r"['’]s?$")


def _initial_is_name(doc: Document, k: int, end: int, mid_caps: set[str]) -> bool:
    """A capitalised word opening a sentence (or a quotation) is a name when the article
    capitalises it mid-sentence too, or when a capitalised word or a speech verb follows
    it ("Kelly said", "Mexican President ..."). Function words and vague sources never
    are."""
    text = doc.tokens[k].text
    if is_stopword(text) or text.lower() in unnamed_sources():
        return False
    if text in mid_caps:
        return True
    j = k + 1
    while j < end and j < k + 3 and doc.tokens[j].text.lower() in _AUXILIARIES:
        j += 1  # "Kelly has said", "Kelly also said"
    if j < end:
        nxt = doc.tokens[j]
        return nxt.kind == "word" and (
            (nxt.text[:1].isupper() and j == k + 1)
            or nxt.text.lower() in SPEECH_VERBS or nxt.text.lower() in SOFT_VERBS
        )
    return False


def _name(run: list[str]) -> str:
    """A run of capitalised words as a name: leading function words and a final
    possessive dropped ("The Wall Street Journal's" -> "Wall Street Journal")."""
    while run and is_stopword(run[0]):
        run = run[1:]
    if not run:
        return ""
    return " ".join([*run[:-1], _POSSESSIVE.sub("", run[-1])])


def clean_names(words: list[str]) -> list[tuple[str, bool]]:
    """The entities in one capitalised run, as (name, follows a person title).

    Titles and nationality adjectives are stripped; a title splits the run ("White House
    Deputy Press Secretary Anna Kelly" -> "White House", "Anna Kelly" after a title);
    months and weekdays are dropped."""
    return list(_clean_names(tuple(words)))


@lru_cache(maxsize=100_000)
def _clean_names(words: tuple[str, ...]) -> tuple[tuple[str, bool], ...]:
    # cached: the same names come back in every article about the same people
    words = [_POSSESSIVE.sub("", w) if i == len(words) - 1 else w for i, w in enumerate(words)]
    title_set = name_titles()
    roles = titles()
    out: list[tuple[str, bool]] = []
    part: list[str] = []
    part_titled = pending_title = False
    for j, w in enumerate(words):
        low = w.lower().rstrip(".").replace("’", "'")
        if pending_title and not part and low in roles:
            continue  # "Chief Executive Jane Doe": a role word right after a title
        nxt = words[j + 1].lower().rstrip(".") if j + 1 < len(words) else ""
        # a nationality adjective alone or before a title is not a name ("Mexican",
        # "Mexican President ..."); inside a name it is ("Latin America", "British Airways")
        demonym = _is_demonym(low) and not part and (not nxt or nxt in title_set)
        if low in title_set or demonym or low in _CALENDAR:
            # one common word before a title belongs to it: "Finance Minister", "Foreign
            # Secretary" (a name before a title stays: "White House Press Secretary")
            modifier = (low in title_set and len(part) == 1 and _zipf(part[0].lower())
                        >= COMMON_ZIPF and part[0].lower() not in organisation_words()
                        and part[0].lower() not in first_names())
            if part and not modifier:
                out.append((" ".join(part), part_titled))
            part = []
            pending_title = pending_title or low in title_set
            continue
        if not part:
            part_titled, pending_title = pending_title, False
        part.append(w)
    if part:
        out.append((" ".join(part), part_titled))
    return tuple((n, t) for n, t in out if len(n) > 1 and not is_stopword(n))


def entity_kind(name: str, titled: bool) -> str:
    """'person', 'organisation' or 'other' for a cleaned name (see the module docstring)."""
    words = name.split()
    org = organisation_words()
    if any(w.lower().rstrip(".") in org for w in words) or (
        len(words) == 1 and _ACRONYM.match(name) and name not in ("US", "UK")
    ):
        return "organisation"
    if titled or (len(words) >= 2 and words[0].lower() in first_names()):
        return "person"
    return "other"


def merge_names(mentions: list[tuple[str, bool]]) -> dict[str, dict]:
    """Distinct entities (see :func:`merge_map`), keyed by lower-cased canonical name."""
    return merge_map(mentions)[0]


def merge_map(mentions: list[tuple[str, bool]]) -> tuple[dict[str, dict], dict[str, str]]:
    """Distinct entities from (name, titled) mentions, merged by their last word: a
    one-word mention joins the longer name that ends with it ("Sheinbaum" -> "Claudia
    Sheinbaum"); two longer names sharing a last word stay apart unless one contains the
    other ("President Donald Trump" was already cleaned to "Donald Trump")."""
    counts = Counter(n for n, _ in mentions)
    titled = {n for n, t in mentions if t}
    by_last: dict[str, list[str]] = {}
    for n in counts:
        by_last.setdefault(n.split()[-1].lower(), []).append(n)
    canon: dict[str, str] = {}
    for _last, group in by_last.items():
        longs = sorted((n for n in group if len(n.split()) > 1),
                       key=lambda n: (-counts[n], -len(n), n))
        for n in group:
            if len(n.split()) == 1 and longs:
                canon[n] = longs[0]
            else:
                # a longer name inside another ("Claudia Sheinbaum" in "Ms Claudia Sheinbaum")
                host = next((m for m in longs if m != n and m.lower().endswith(" " + n.lower())),
                            None)
                canon[n] = host or n
    entities: dict[str, dict] = {}
    for n, c in counts.items():
        key = canon[n]
        e = entities.setdefault(key.lower(), {"name": key, "mentions": 0, "titled": False,
                                              "variants": set()})
        e["mentions"] += c
        e["titled"] = e["titled"] or n in titled
        e["variants"].add(n)
    for e in entities.values():
        e["kind"] = entity_kind(e["name"], e["titled"])
    return entities, canon


# --- attributions --------------------------------------------------------------------------


def attributions_in(doc: Document, s: Sentence) -> list[str]:
    """Kinds ("named", "unnamed", "pronoun") of the attributions in one sentence."""
    return [kind for kind, _ in attribution_sources(doc, s)]


def attribution_sources(
    doc: Document, s: Sentence, mid_caps: set[str] | None = None
) -> list[tuple[str, list[Token]]]:
    """(kind, speaker tokens) of every attribution in one sentence. ``mid_caps``: the
    words the article capitalises mid-sentence (computed when not given)."""
    if mid_caps is None:
        mid_caps = _mid_caps(doc, doc.prose_sentences)
    starts = _starts(doc, s)

    def capital(t: Token) -> bool:  # a name-like capital, not a sentence opener's
        idx = _token_index(doc, s, t)
        return t.text[:1].isupper() and (
            idx not in starts or _initial_is_name(doc, idx, s.token_end, mid_caps))

    toks = doc.tokens[s.token_start : s.token_end]
    out: list[tuple[str, list[Token]]] = []
    for k in _TokenIndex.within(_token_index_of(doc).verbs, s):
        i = k - s.token_start
        t = toks[i]
        low = t.text.lower()
        # a capitalised verb inside a sentence is a headline's ("... Confirmed ...")
        word = t.kind == "word" and (i == 0 or not t.text[:1].isupper())
        soft = word and low in SOFT_VERBS
        is_verb = word and (low in SPEECH_VERBS or soft)
        according = low == "according" and i + 1 < len(toks) and toks[i + 1].text.lower() == "to"
        if not (is_verb or according):
            continue
        kind, source = None, []
        if according:
            source = _source_after(toks, i + 2)
            kind = _speaker_kind(source, capital, after=True)
        else:
            before = _source_before(toks, i)
            if before and before[-1].text.lower() in _PASSIVE_AUX:
                continue  # "he was told", "it was reported"
            if any(x.text.lower() in _NOT_REPORTING for x in before):
                continue
            before = _drop_auxiliaries(before)
            kind = _speaker_kind(before, capital, after=False)
            source = before
            if soft:
                nxt = toks[i + 1].text.lower() if i + 1 < len(toks) else ""
                person = kind == "named" or (
                    kind == "pronoun" and before[-1].text.lower() not in ("it", "who"))
                if not (person and nxt in _REPORTED_CLAUSE):
                    continue
            if kind is None and low not in _ADDRESSEE_VERBS and not before:
                # "..., said Kelly": the speaker follows, right after a break
                source = _source_after(toks, i + 1)
                kind = _speaker_kind(source, capital, after=True)
        if kind is not None:
            out.append((kind, source))
    return out


def _source_before(toks, i: int, limit: int = 8):
    src = []
    k = i - 1
    while k >= 0 and len(src) < limit and toks[k].text not in _SOURCE_STOP:
        if toks[k].kind != "punct":
            src.append(toks[k])
        k -= 1
    src.reverse()
    return src


def _source_after(toks, i: int, limit: int = 8):
    src = []
    k = i
    while k < len(toks) and len(src) < limit and toks[k].text not in _SOURCE_STOP:
        if toks[k].kind == "punct" and toks[k].text in ".!?":
            break
        if toks[k].kind != "punct":
            src.append(toks[k])
        k += 1
    return src


def _drop_auxiliaries(src: list[Token]) -> list[Token]:
    while src and (src[-1].text.lower() in _AUXILIARIES or (
            src[-1].text.lower().endswith("ly") and len(src[-1].text) > 3
            and not src[-1].text[:1].isupper())):
        src = src[:-1]
    return src


def _token_index(doc: Document, s: Sentence, t: Token) -> int:
    """The index of token ``t`` in ``doc.tokens`` (tokens have distinct start offsets)."""
    k = bisect.bisect_left(_token_index_of(doc).starts, t.start)
    return k if s.token_start <= k < s.token_end and doc.tokens[k] is t else s.token_start


def _speaker_kind(src: list[Token], capital, *, after: bool) -> str | None:
    """Kind of speaker whose words are ``src`` (the subject before the verb, or the words
    after "said"/"according to"), or None when it is not a speaker. ``capital(token)``
    tells a name's capital from a sentence opener's."""
    if not src:
        return None
    title_set = titles()
    if not after:
        # the subject's head is the last word before the verb: "Sheinbaum's response
        # emphasized" has the head "response", not a speaker
        head = src[-1]
        low = head.text.lower().replace("’", "'")
        if low in PRONOUNS:
            return "pronoun"
        if capital(head) and not is_stopword(head.text):
            if _is_demonym(low) or low in _CALENDAR:
                return None
            return "unnamed" if low in unnamed_sources() else "named"
        if low in title_set:
            prev = src[-2] if len(src) > 1 else None
            return "named" if prev is not None and (
                prev.text.lower() in ("the", "its", "his", "her", "their") or capital(prev)
            ) else "unnamed"
        if low in unnamed_sources() or low in SOURCE_NOUNS:
            return "unnamed"
        return None
    # "said Kelly", "said the president", "according to The Wall Street Journal",
    # "according to officials": the head is the first noun phrase
    words = src[:4]
    lows = [t.text.lower() for t in words]
    for j, t in enumerate(words):
        if t.text[:1].isupper() and not is_stopword(t.text):
            if lows[j] in unnamed_sources() or lows[j] in PRONOUNS or _is_demonym(lows[j]):
                continue
            return "named"
        if lows[j] in title_set and j > 0 and lows[j - 1] in ("the", "its", "his", "her"):
            return "named"
    if lows[0] in PRONOUNS:
        return "pronoun"
    if any(w in unnamed_sources() or w in SOURCE_NOUNS for w in lows):
        return "unnamed"
    return None


def _speaker_name(src: list[Token]) -> str | None:
    """The speaker's name: the last run of capitalised words in its source, cleaned."""
    runs: list[list[str]] = []
    cur: list[str] = []
    for t in src:
        if t.text[:1].isupper() and not is_stopword(t.text):
            cur.append(t.text)
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    for run in reversed(runs):
        parts = clean_names(run)
        if parts:  # the speaker is the last entity: "White House ... Anna Kelly"
            return parts[-1][0]
    return None


# --- the family ----------------------------------------------------------------------------


def _spans(pattern: re.Pattern, text: str, offset: int) -> list[tuple[int, int, str]]:
    return [(offset + m.start(), offset + m.end(), m.group()) for m in pattern.finditer(text)]


def _in_sentence(spans: list[tuple[int, int, str]], s: Sentence) -> list[tuple[int, int, str]]:
    """The spans (sorted, from one pass over the whole text) that lie inside sentence s."""
    i = bisect.bisect_left(spans, (s.start,))
    out = []
    while i < len(spans) and spans[i][1] <= s.end:
        out.append(spans[i])
        i += 1
    return out


def _norm_amount(text: str) -> str:
    t = text.lower().replace(",", "").replace(" ", "").replace("percent", "%")
    return t.replace("bn", "billion")


def measure(doc: Document, settings=None) -> FamilyResult:
    """Quotations, attributions, names, numbers, dates and amounts per 1,000 words of the
    article's prose (or of all its sentences when it has no prose)."""
    counted = doc.prose_sentences
    words = sum(s.words for s in counted)
    per_k = (1000.0 / words) if words else 0.0
    chars = sum(s.end - s.start for s in counted)

    quotes = 0
    quote_chars = 0
    quote_texts: set[str] = set()
    starts = [s.start for s in counted]
    for a, b in doc.quotes:
        if not _inside(starts, counted, a):
            continue
        q_words = _WORD_RE.findall(doc.text, a, b)
        if len(q_words) >= MIN_QUOTE_WORDS:
            quotes += 1
            quote_texts.add(" ".join(w.lower() for w in q_words))
        quote_chars += b - a

    index = _token_index_of(doc)
    mid_caps = _mid_caps(doc, counted)
    # one pass of each pattern over the text, then each sentence takes its own matches
    all_dates = _spans(_DATE_RE, doc.text, 0)
    all_amounts = _spans(_AMOUNT_RE, doc.text, 0)
    mentions: list[tuple[str, bool]] = []
    kinds: list[str] = []
    speakers: list[str] = []
    numbers: list[str] = []
    dates: list[str] = []
    amounts: list[str] = []
    per_sentence: list[int] = [0] * len(doc.sentences)
    statements: set[str] = set()  # sentences with a named attribution, by wording
    title_case = 0
    for s in counted:
        n_before = len(mentions)
        if is_title_case(doc, s):
            title_case += 1
        else:
            for run in _runs(doc, s, mid_caps):
                mentions.extend(clean_names([t.text for t in run]))
        found = attribution_sources(doc, s, mid_caps)
        kinds += [k for k, _ in found]
        if any(k == "named" for k, _ in found):
            statements.add(" ".join(w.lower() for w in _WORD_RE.findall(doc.text, s.start, s.end)))
        for kind, src in found:
            name = _speaker_name(src) if kind == "named" else None
            if name:
                speakers.append(name)
        d = _in_sentence(all_dates, s)
        am = _in_sentence(all_amounts, s)
        taken = [(a, b) for a, b, _ in d + am]
        nums = [t.text.replace(",", "") for k in _TokenIndex.within(index.numbers, s)
                if not _covered(taken, (t := doc.tokens[k]).start, t.end)]
        dates += [x.lower() for _, _, x in d]
        amounts += [_norm_amount(x) for _, _, x in am]
        numbers += nums
        per_sentence[s.index] = len(mentions) - n_before + len(found) + len(nums) + len(d) + len(am)

    entities, canon = merge_map(mentions + [(n, False) for n in speakers])
    for n in speakers:  # speakers join the names' merging, not their mention counts
        entities[canon[n].lower()]["mentions"] -= 1
    sources = {canon[n].lower() for n in speakers}
    by_kind = Counter(e["kind"] for e in entities.values())
    named = kinds.count("named")
    distinct_names = len(entities)
    distinct_numbers = len(set(numbers))
    distinct_dates = len(set(dates))
    distinct_amounts = len(set(amounts))
    scores = {
        "quotes": float(quotes),
        "quotes_per_1k": quotes * per_k,
        "distinct_quotes": float(len(quote_texts)),
        "quote_char_ratio": min(1.0, quote_chars / chars) if chars else 0.0,
        "attributions": float(len(kinds)),
        "attributions_per_1k": len(kinds) * per_k,
        "named_attributions": float(named),
        "distinct_named_attributions": float(len(statements)),
        "unnamed_attributions": float(kinds.count("unnamed")),
        "pronoun_attributions": float(kinds.count("pronoun")),
        "distinct_sources": float(len(sources)),
        "names_per_1k": len(mentions) * per_k,
        "distinct_names": float(distinct_names),
        "distinct_people": float(by_kind["person"]),
        "distinct_organisations": float(by_kind["organisation"]),
        "numbers_per_1k": len(numbers) * per_k,
        "distinct_numbers": float(distinct_numbers),
        "dates_per_1k": len(dates) * per_k,
        "distinct_dates": float(distinct_dates),
        "amounts_per_1k": len(amounts) * per_k,
        "distinct_amounts": float(distinct_amounts),
        "substance_per_1k": (len(quote_texts) + len(statements) + distinct_names
                             + distinct_numbers + distinct_dates + distinct_amounts) * per_k,
    }
    ranked = sorted(entities.values(), key=lambda e: (-e["mentions"], e["name"]))
    return FamilyResult(
        scores=scores,
        sentence_values={"substance_items": per_sentence},
        extras={
            "names": sorted(e["name"] for e in entities.values())[:100],
            "entities": [{"name": e["name"], "kind": e["kind"], "mentions": e["mentions"],
                          "variants": sorted(e["variants"])} for e in ranked[:100]],
            "sources": sorted(entities[k]["name"] for k in sources)[:100],
            "title_case_sentences": title_case,
        },
    )


def _covered(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(x <= a and b <= y for x, y in spans)


def _inside(starts: list[int], sentences: list[Sentence], offset: int) -> bool:
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and sentences[i].start <= offset < sentences[i].end


def _measure(ctx):  # TEMP adapter until the module's measure takes a Context
    return measure(ctx.doc, ctx.settings)


FAMILY = Family("substance", _measure)
