"""Matcher tokens and atoms, the one-token tests phrases and contexts are made of.

An atom is a small tuple: ``("w", word)`` a literal word, ``("c", words)`` a closed word
class (``@modal``), ``("num",)``, ``("year",)``, ``("poss",)``, ``("cap",)`` the ``#``
classes, ``("any",)`` for ``*`` and ``("p", mark)`` a punctuation mark.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import files
from typing import Any, NamedTuple, TypeVar

from ...tokens import fold

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

Atom = tuple

_NUMBER_RE = re.compile(r"^[$£€]?\d")
_FIRST_PERSON = re.compile(r"^i(?:'[a-z]+)?$")
_Node = TypeVar("_Node", bound="AtomTrie")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    """Closed-class word lists (pronouns, modals, determiners ...) from packaged data."""
    raw = files("analyser.data").joinpath("lexicon_closed_class.toml").read_text("utf-8")
    classes = tomllib.loads(raw)["classes"]
    return {name: frozenset(words) for name, words in classes.items()}


@lru_cache(maxsize=1 << 16)
def normalise(word: str) -> str:
    """Lower-case a token and straighten typographic apostrophes and hyphens (it’s ->
    it's, donʼt -> don't, well‑known -> well-known): :func:`analyser.tokens.fold`."""
    return fold(word)


class Tok(NamedTuple):
    """A token as the matcher sees it: normalised text plus what conditions need.

    A named tuple: sentences are converted token by token, so construction must be cheap.
    """

    norm: str
    kind: str  # word | number | punct
    cap: bool  # first character upper case
    start: int = 0
    end: int = 0


def tokens_from_words(words: Sequence[str]) -> list[Tok]:
    """Matcher tokens from bare words (e.g. a lower-case transcript without punctuation)."""
    out = []
    for w in words:
        if _NUMBER_RE.match(w):
            kind = "number"
        elif w and not any(ch.isalnum() for ch in w):
            kind = "punct"
        else:
            kind = "word"
        out.append(Tok(normalise(w), kind, w[:1].isupper()))
    return out


def is_number(tok: Tok) -> bool:
    """True for a number token or a number word ("twenty", "thirty-six")."""
    if tok.kind == "number":
        return True
    words = lexicon()["number_word"]
    return tok.norm in words or (
        "-" in tok.norm and all(part in words for part in tok.norm.split("-"))
    )


def atom_matches(atom: Atom, tok: Tok) -> bool:
    """True when one token matches one atom."""
    kind = atom[0]
    if kind == "w":
        return tok.norm == atom[1] and tok.kind != "punct"
    if kind == "c":
        return tok.norm in atom[1]
    if kind == "p":
        return tok.kind == "punct" and tok.norm == atom[1]
    if kind == "num":
        return is_number(tok)
    if kind == "year":
        return tok.kind == "number" and len(tok.norm) == 4 and "1000" <= tok.norm <= "2099"
    if kind == "poss":
        return tok.kind == "word" and (tok.norm.endswith("'s") or tok.norm.endswith("s'"))
    if kind == "cap":
        return tok.cap and tok.kind == "word" and not _FIRST_PERSON.match(tok.norm)
    return tok.kind != "punct"  # "any"


class AtomTrie:
    """A trie node keyed by atoms: literal words by dict (one lookup per token), other
    atoms by list. Subclasses add what a path ending at the node means."""

    __slots__ = ("words", "others")

    def __init__(self) -> None:
        self.words: dict[str, Any] = {}
        self.others: list[tuple[Atom, Any]] = []

    def child(self: _Node, atom: Atom) -> _Node:
        """The node after ``atom``, created on first use."""
        if atom[0] == "w":
            return self.words.setdefault(atom[1], type(self)())
        for a, node in self.others:
            if a == atom:
                return node
        node = type(self)()
        self.others.append((atom, node))
        return node

    def after(self: _Node, tok: Tok) -> list[_Node]:
        """The nodes ``tok`` leads to: by its word (never a punctuation mark), and by every
        other atom it matches."""
        out = []
        if self.words and tok.kind != "punct":
            child = self.words.get(tok.norm)
            if child is not None:
                out.append(child)
        out += [child for atom, child in self.others if atom_matches(atom, tok)]
        return out
