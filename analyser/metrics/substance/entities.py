"""Entities from names: titles and nationality adjectives stripped, variants of one name
merged, each entity a person, an organisation or other."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ...resources import is_stopword
from .names import POSSESSIVE
from .vocabulary import CALENDAR
from .wordlists import (
    first_names,
    is_common,
    is_demonym,
    name_titles,
    organisation_words,
    titles,
)

_ACRONYM = re.compile(r"^[A-Z]{2,6}s?$")


def clean_names(words: list[str]) -> list[tuple[str, bool]]:
    """The entities in one capitalised run, as (name, follows a person title).

    Titles and nationality adjectives are stripped; a title splits the run ("White House
    Deputy Press Secretary Anna Kelly" -> "White House", "Anna Kelly" after a title);
    months and weekdays are dropped."""
    return list(_clean_names(tuple(words)))


@lru_cache(maxsize=100_000)
def _clean_names(words: tuple[str, ...]) -> tuple[tuple[str, bool], ...]:
    # cached: the same names come back in every article about the same people
    words = [POSSESSIVE.sub("", w) if i == len(words) - 1 else w for i, w in enumerate(words)]
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
        if _ends_name(low, nxt, part, title_set):
            if part and not _modifies_title(low, part, title_set):
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


def _ends_name(low: str, nxt: str, part: list[str], title_set: frozenset[str]) -> bool:
    """``low`` is no part of a name: a title, a month or weekday, or a nationality
    adjective alone or before a title ("Mexican", "Mexican President ..."); inside a name
    a nationality adjective is part of it ("Latin America", "British Airways")."""
    demonym = is_demonym(low) and not part and (not nxt or nxt in title_set)
    return low in title_set or demonym or low in CALENDAR


def _modifies_title(low: str, part: list[str], title_set: frozenset[str]) -> bool:
    """One common word before a title belongs to it: "Finance Minister", "Foreign
    Secretary" (a name before a title stays: "White House Press Secretary")."""
    return (low in title_set and len(part) == 1 and is_common(part[0].lower())
            and part[0].lower() not in organisation_words()
            and part[0].lower() not in first_names())


def entity_kind(name: str, titled: bool) -> str:
    """'person', 'organisation' or 'other' for a cleaned name (see the package docstring)."""
    words = name.split()
    org = organisation_words()
    if any(w.lower().rstrip(".") in org for w in words) or (
        len(words) == 1 and _ACRONYM.match(name) and name not in ("US", "UK")
    ):
        return "organisation"
    if titled or (len(words) >= 2 and words[0].lower() in first_names()):
        return "person"
    return "other"


def merge_map(mentions: list[tuple[str, bool]]) -> tuple[dict[str, dict], dict[str, str]]:
    """Distinct entities from (name, titled) mentions, keyed by lower-cased canonical
    name, and each mention's canonical name. Names merge by their last word: a one-word
    mention joins the longer name that ends with it ("Sheinbaum" -> "Claudia Sheinbaum");
    two longer names sharing a last word stay apart unless one contains the other
    ("President Donald Trump" was already cleaned to "Donald Trump")."""
    counts = Counter(n for n, _ in mentions)
    titled = {n for n, t in mentions if t}
    canon = _canonical_names(counts)
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


def _canonical_names(counts: Counter[str]) -> dict[str, str]:
    """Each name's canonical form: the most mentioned longer name with its last word."""
    by_last: dict[str, list[str]] = {}
    for n in counts:
        by_last.setdefault(n.split()[-1].lower(), []).append(n)
    canon: dict[str, str] = {}
    for group in by_last.values():
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
    return canon
