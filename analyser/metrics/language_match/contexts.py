"""Context sequences: the tokens just before (``prev``) or after (``next``) a match, with
the clause boundaries ``^`` and ``$`` they may be anchored to."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .atoms import Atom, AtomTrie, Tok
from .phrases import expand_phrase

#: Tokens after which a new clause starts ("^"), and tokens that close one ("$").
CLAUSE_OPENERS = frozenset({";", ":", "“", "‘", '"', "'", "«"})
_QUOTE_MARKS = frozenset({"“", "‘", '"', "'", "«"})
CLAUSE_CLOSERS = frozenset(
    {".", "!", "?", "…", ";", ":", "—", "–", "-", ")", "]", "”", "’", '"', "»"}
)


def is_clause_start(toks: Sequence[Tok], k: int) -> bool:
    """True when token ``k`` opens the sentence or a clause (after : or ; or a quote)."""
    if k == 0:
        return True
    mark = toks[k - 1]
    if mark.kind != "punct" or mark.norm not in CLAUSE_OPENERS:
        return False
    if mark.norm in _QUOTE_MARKS and k >= 2:
        # A quotation opens a clause only at the start of the sentence or after punctuation
        # ('He said: "Well, ...'); a quoted fragment mid-sentence ('behaved "like a child"')
        # or a closing straight quote ('"sing-along" like ...', '...," May wrote') does not.
        before, after = toks[k - 2], toks[k]
        closes = before.end == mark.start and after.start > mark.end
        return before.kind == "punct" and not closes
    return True


def is_clause_end(toks: Sequence[Tok], k: int) -> bool:
    """True when position ``k`` is the end of the sentence or of a clause."""
    return k >= len(toks) or (toks[k].kind == "punct" and toks[k].norm in CLAUSE_CLOSERS)


@dataclass(frozen=True)
class Context:
    """One context sequence: atoms plus a clause-boundary anchor at its outer end."""

    atoms: tuple[Atom, ...]
    anchored: bool  # "^" before (prev) or "$" after (next)


def _parse_context(text: str, side: str, where: str) -> list[Context]:
    text = text.strip()
    anchored = False
    if side == "prev" and (text == "^" or text.startswith("^ ")):
        anchored, text = True, text[1:].strip()
    if side == "next" and (text == "$" or text.endswith(" $")):
        anchored, text = True, text[:-1].strip()
    if "^" in text.split() or "$" in text.split():
        raise ValueError(f"'^' only opens a prev sequence and '$' only closes a next one: '{text}'")
    seqs = expand_phrase(text, where) if text else [()]
    return [Context(s, anchored) for s in seqs]


def context_set(value: Any, side: str, where: str) -> ContextSet:
    """Validate a condition's list of context strings and compile it for one side."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: must be a non-empty list of context strings")
    out: list[Context] = []
    for v in value:
        out.extend(_parse_context(v, side, where))
    return ContextSet(side, out)


class _ContextNode(AtomTrie):
    __slots__ = ("plain", "anchored")

    def __init__(self) -> None:
        super().__init__()
        self.plain = False
        self.anchored = False


class ContextSet:
    """Context sequences of one side compiled into a trie (prev sequences are stored
    reversed), so a long list such as "could (also|still)? (be|have|mean|...)" costs one
    dict lookup per token rather than one comparison per expanded variant."""

    __slots__ = ("side", "root")

    def __init__(self, side: str, contexts: Iterable[Context]):
        self.side = side
        self.root = _ContextNode()
        for ctx in contexts:
            node = self.root
            for atom in reversed(ctx.atoms) if side == "prev" else ctx.atoms:
                node = node.child(atom)
            if ctx.anchored:
                node.anchored = True
            else:
                node.plain = True

    def matches(self, toks: Sequence[Tok], pos: int) -> bool:
        """True when a sequence ends just before ``pos`` (prev) or starts at ``pos`` (next)."""
        backwards = self.side == "prev"
        n = len(toks)
        stack = [(self.root, 0)]
        while stack:
            node, depth = stack.pop()
            if node.plain:
                return True
            if node.anchored and (
                is_clause_start(toks, pos - depth) if backwards
                else is_clause_end(toks, pos + depth)
            ):
                return True
            p = pos - depth - 1 if backwards else pos + depth
            if p < 0 or p >= n:
                continue
            stack += [(child, depth + 1) for child in node.after(toks[p])]
        return False
