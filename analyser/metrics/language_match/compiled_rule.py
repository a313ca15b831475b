"""A language rule compiled for matching: its phrases as atom sequences, its conditions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...rules import Rule, RuleError
from .atoms import Atom, Tok
from .conditions import Condition, parse_condition
from .contexts import is_clause_start
from .phrases import expand_phrase

#: Keys a language rule may carry besides the common ones checked by analyser.rules.
MATCH_KEYS = frozenset(
    {"phrases", "when", "unless", "not_prev", "not_next", "lowercase", "soften", "softened"}
)
#: Atoms a phrase may not start with: the matcher looks a phrase up by its first word.
_NOT_FIRST = ("any", "p", "poss", "year", "cap")


@dataclass(frozen=True)
class CompiledRule:
    """A language rule ready to match: its atom sequences and conditions."""

    rule: Rule
    order: int
    sequences: tuple[tuple[Atom, ...], ...]
    when: tuple[Condition, ...]
    unless: tuple[Condition, ...]
    lowercase: bool
    soften: tuple[Condition, ...] = ()

    def accepts(self, toks: Sequence[Tok], i: int, j: int, flags: tuple[bool, bool]) -> bool:
        """True when the match [i, j) passes the rule's context conditions.

        ``flags`` is (the sentence is a question, the sentence has punctuation).
        """
        if self.lowercase and i > 0 and toks[i].cap and not is_clause_start(toks, i):
            return False
        if self.when and not any(c.holds(toks, i, j, flags) for c in self.when):
            return False
        return not any(c.holds(toks, i, j, flags) for c in self.unless)

    def softened(self, toks: Sequence[Tok], i: int, j: int, flags: tuple[bool, bool]) -> bool:
        """True when one of the rule's ``soften`` contexts holds around the match [i, j)."""
        return any(c.holds(toks, i, j, flags) for c in self.soften)


def _err(rule: Rule, field_: str, why: str) -> RuleError:
    return RuleError(f"{rule.file}: rule {rule.code}: field '{field_}': {why}")


def compile_rule(rule: Rule, order: int = 0) -> CompiledRule:
    """Validate a language rule's matching fields and compile it (RuleError if invalid)."""
    unknown = set(rule.match) - MATCH_KEYS - {"family"}
    if unknown:
        key = sorted(unknown)[0]
        raise _err(rule, key, f"unknown key; language rules accept {', '.join(sorted(MATCH_KEYS))}")
    seqs = _sequences(rule)
    when, unless = _conditions(rule)
    soften = _condition_list(rule, "soften")
    softened = rule.match.get("softened", [])
    if not isinstance(softened, list) or not all(isinstance(t, str) for t in softened):
        raise _err(rule, "softened", "must be a list of example texts")
    lowercase = rule.match.get("lowercase", False)
    if not isinstance(lowercase, bool):
        raise _err(rule, "lowercase", "must be true or false")
    return CompiledRule(rule, order, seqs, when, unless, lowercase, soften)


def _sequences(rule: Rule) -> tuple[tuple[Atom, ...], ...]:
    """Every atom sequence the rule's phrases stand for, first occurrence first."""
    phrases = rule.match.get("phrases")
    if (
        not isinstance(phrases, list)
        or not phrases
        or not all(isinstance(p, str) and p.strip() for p in phrases)
    ):
        raise _err(rule, "phrases", "needs a non-empty list of phrase strings")
    seqs: list[tuple[Atom, ...]] = []
    for k, p in enumerate(phrases):
        try:
            expanded = expand_phrase(p, f"phrase {k + 1} '{p}'")
        except ValueError as exc:
            raise _err(rule, "phrases", str(exc)) from None
        for s in expanded:
            if not s:
                raise _err(rule, "phrases", f"phrase '{p}' can match nothing")
            if s[0][0] in _NOT_FIRST:
                raise _err(rule, "phrases", f"phrase '{p}' must start with a word or class")
            seqs.append(s)
    return tuple(dict.fromkeys(seqs))


def _conditions(rule: Rule) -> tuple[tuple[Condition, ...], tuple[Condition, ...]]:
    """The rule's ``when`` and ``unless`` conditions; top-level ``not_prev`` / ``not_next``
    each add one more ``unless``."""
    m = rule.match
    conds = {key: list(_condition_list(rule, key)) for key in ("when", "unless")}
    for key in ("not_prev", "not_next"):
        if key in m:
            try:
                conds["unless"].append(parse_condition({key[4:]: m[key]}, key))
            except ValueError as exc:
                raise _err(rule, key, str(exc)) from None
    return tuple(conds["when"]), tuple(conds["unless"])


def _condition_list(rule: Rule, key: str) -> tuple[Condition, ...]:
    """The condition tables of one list-valued key (``when``, ``unless``, ``soften``)."""
    raw = rule.match.get(key, [])
    if not isinstance(raw, list):
        raise _err(rule, key, "must be a list of condition tables")
    out = []
    for k, c in enumerate(raw):
        try:
            out.append(parse_condition(c, f"{key}[{k}]"))
        except ValueError as exc:
            raise _err(rule, key, str(exc)) from None
    return tuple(out)
