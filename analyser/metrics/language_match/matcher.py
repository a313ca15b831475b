"""The matcher: every compiled rule in one trie, run over a sentence's tokens once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ...catalog import CATEGORY, LANGUAGE_CATEGORIES
from ...rules import Rule, rules_for
from .atoms import Atom, AtomTrie, Tok, is_number, lexicon
from .compiled_rule import CompiledRule, compile_rule


@dataclass(frozen=True)
class Match:
    """One accepted match: token range [i, j) of the sentence; ``soft`` when one of the
    rule's ``soften`` contexts holds (the finding is then a suggestion, not a warning)."""

    rule: CompiledRule
    i: int
    j: int
    soft: bool = False


class _RuleNode(AtomTrie):
    """A node of the rule trie; ``ends`` holds the rules whose phrase ends here."""

    __slots__ = ("ends",)

    def __init__(self) -> None:
        super().__init__()
        self.ends: list[CompiledRule] = []


class Matcher:
    """Rules in a trie keyed by their first word, so each token costs one dict lookup and
    a phrase's variants ("(it's|it is) worth ...") share their common prefixes."""

    def __init__(self, rules: Iterable[Rule]):
        self.rules = [compile_rule(r, n) for n, r in enumerate(rules)]
        self._by_word: dict[str, _RuleNode] = {}
        self._number = _RuleNode()
        for cr in self.rules:
            for seq in cr.sequences:
                for node in self._heads_for(seq[0]):
                    for atom in seq[1:]:
                        node = node.child(atom)
                    if cr not in node.ends:
                        node.ends.append(cr)

    def _heads_for(self, first: Atom) -> list[_RuleNode]:
        """The trie roots a phrase starting with ``first`` hangs from."""
        if first[0] == "w":
            return [self._by_word.setdefault(first[1], _RuleNode())]
        if first[0] == "c":
            return [self._by_word.setdefault(w, _RuleNode()) for w in sorted(first[1])]
        # "#num": number tokens and number words
        return [self._number] + [
            self._by_word.setdefault(w, _RuleNode()) for w in sorted(lexicon()["number_word"])
        ]

    def match(self, toks: Sequence[Tok]) -> list[Match]:
        """Non-overlapping matches in one sentence, left to right."""
        if not toks:
            return []
        flags = (
            any(t.norm == "?" for t in toks[-3:]),
            any(t.kind == "punct" for t in toks),
        )
        found: list[Match] = []
        by_word = self._by_word
        for i, tok in enumerate(toks):
            if tok.kind == "punct":
                continue
            heads = []
            head = by_word.get(tok.norm)
            if head is not None:
                heads.append(head)
            if tok.kind == "number" or ("-" in tok.norm and is_number(tok)):
                heads.append(self._number)
            if heads:
                _walk(heads, toks, i, flags, found)
        if len(found) > 1:
            found = _resolve(found)
        return found


def _walk(
    heads: list[_RuleNode], toks: Sequence[Tok], i: int, flags: tuple[bool, bool],
    found: list[Match],
) -> None:
    """Follow the trie from ``heads`` along the tokens after ``i``; add each accepted match
    that starts at ``i`` to ``found``."""
    n = len(toks)
    stack = [(h, i + 1) for h in heads]
    while stack:
        node, j = stack.pop()
        for cr in node.ends:
            if cr.accepts(toks, i, j, flags):
                found.append(Match(cr, i, j, cr.softened(toks, i, j, flags)))
        if j >= n:
            continue
        stack += [(child, j + 1) for child in node.after(toks[j])]


def _resolve(found: list[Match]) -> list[Match]:
    """Drop matches overlapping a longer one; on equal length, the category of higher
    priority (the catalogue's) wins."""
    found.sort(key=lambda m: (-(m.j - m.i), CATEGORY[m.rule.rule.category].priority,
                              m.rule.order, m.i))
    kept: list[Match] = []
    taken: set[int] = set()
    for m in found:
        span = range(m.i, m.j)
        if any(k in taken for k in span):
            continue
        taken.update(span)
        kept.append(m)
    kept.sort(key=lambda m: m.i)
    return kept


@lru_cache(maxsize=1)
def builtin_matcher() -> Matcher:
    """The matcher for every built-in language rule (compiled once per process)."""
    rules: list[Rule] = []
    for category in LANGUAGE_CATEGORIES:
        rules.extend(rules_for(category))
    return Matcher(rules)
