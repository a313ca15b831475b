"""The phrase syntax: elements (words, a|b, @class, #class, *, marks, groups, ``?``) and
their expansion into the plain atom sequences a phrase stands for."""

from __future__ import annotations

import re

from .atoms import Atom, lexicon, normalise

_PUNCT_ATOM = re.compile(r"^[^\w\s@#*|()?]+$")
_WORD = re.compile(r"^[\w'’.\-$£€]+$")
_HASH_CLASSES = {"#num": ("num",), "#poss": ("poss",), "#year": ("year",), "#cap": ("cap",)}
#: A guard against a phrase whose groups multiply into an unmanageable number of variants.
_MAX_VARIANTS = 20000


def parse_atom(elem: str) -> Atom:
    """The atom one element without alternatives stands for (ValueError if malformed)."""
    if elem == "*":
        return ("any",)
    if elem in _HASH_CLASSES:
        return _HASH_CLASSES[elem]
    if elem.startswith("@"):
        name = elem[1:]
        if name not in lexicon():
            raise ValueError(f"unknown word class '@{name}'")
        return ("c", lexicon()[name])
    if _PUNCT_ATOM.match(elem):
        return ("p", elem)
    if "|" in elem or not _WORD.match(elem):
        raise ValueError(f"bad element '{elem}'")
    return ("w", normalise(elem))


def _split_top(text: str, sep: str) -> list[str]:
    """Split on ``sep`` outside parentheses."""
    parts, depth, cur = [], 0, []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise ValueError("unbalanced ')'")
        if ch == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    if depth != 0:
        raise ValueError("unbalanced '('")
    parts.append("".join(cur))
    return parts


def _elements(text: str) -> list[str]:
    """Split a phrase into elements: words, a|b alternatives, (groups), each maybe with ?.

    A closing group ends its element, so "(also )?(important|key)" is two elements.
    """
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    closed = False  # a group just closed at depth 0
    for ch in text.strip():
        if closed and ch == "?":
            cur.append(ch)
            continue  # still closed: the next character starts a new element
        if closed and cur:
            out.append("".join(cur))
            cur = []
        closed = False
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            closed = depth == 0
        if ch == " " and depth == 0:
            if cur:
                out.append("".join(cur))
                cur = []
        else:
            cur.append(ch)
    if cur:
        out.append("".join(cur))
    return out


def expand_phrase(text: str, where: str = "phrase") -> list[tuple[Atom, ...]]:
    """All plain atom sequences a phrase stands for (groups and optionals expanded)."""
    try:
        return _expand(text)
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from None


def _expand(text: str) -> list[tuple[Atom, ...]]:
    seqs: list[tuple[Atom, ...]] = [()]
    for elem in _elements(text):
        optional = elem.endswith("?") and len(elem) > 1
        alts = _alternatives(elem[:-1] if optional else elem, elem)
        if optional:
            alts = alts + [()]
        seqs = [s + a for s in seqs for a in alts]
        if len(seqs) > _MAX_VARIANTS:
            raise ValueError("phrase expands to too many variants")
    return seqs


def _alternatives(body: str, elem: str) -> list[tuple[Atom, ...]]:
    """The atom sequences one element (``elem``, without its ``?``: ``body``) stands for."""
    if body.startswith("(") and body.endswith(")"):
        alts: list[tuple[Atom, ...]] = []
        for sub in _split_top(body[1:-1], "|"):
            if not sub.strip():
                raise ValueError(f"empty alternative in '{elem}'")
            alts.extend(_expand(sub))
        return alts
    if "|" in body and not _PUNCT_ATOM.match(body):
        return [(parse_atom(w),) for w in body.split("|")]
    return [(parse_atom(body),)]
