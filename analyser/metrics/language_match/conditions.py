"""Context conditions: one ``when`` / ``unless`` table of tests around a match, compiled."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .atoms import Tok
from .contexts import ContextSet, context_set

#: Where a context test looks for its sequences around the match [i, j).
Placement = Callable[[ContextSet, Sequence[Tok], int, int], bool]


def _just_before(ctxs: ContextSet, toks: Sequence[Tok], i: int, j: int) -> bool:
    return ctxs.matches(toks, i)


def _just_after(ctxs: ContextSet, toks: Sequence[Tok], i: int, j: int) -> bool:
    return ctxs.matches(toks, j)


def _anywhere_after(ctxs: ContextSet, toks: Sequence[Tok], i: int, j: int) -> bool:
    return any(ctxs.matches(toks, k) for k in range(j, len(toks) + 1))


def _anywhere_before(ctxs: ContextSet, toks: Sequence[Tok], i: int, j: int) -> bool:
    return any(ctxs.matches(toks, k) for k in range(i, -1, -1))


#: Each context key: the side its sequences are read from, where they are looked for, and
#: whether they must be found (True) or absent (False). Tests run in this order.
_CONTEXT_KEYS: dict[str, tuple[str, Placement, bool]] = {
    "prev": ("prev", _just_before, True),
    "next": ("next", _just_after, True),
    "not_prev": ("prev", _just_before, False),
    "not_next": ("next", _just_after, False),
    "later": ("next", _anywhere_after, True),
    "not_later": ("next", _anywhere_after, False),
    "earlier": ("prev", _anywhere_before, True),
    "not_earlier": ("prev", _anywhere_before, False),
}
_FLAG_KEYS = ("question", "punctuated", "restart")
COND_KEYS = frozenset(_CONTEXT_KEYS) | frozenset(_FLAG_KEYS)


def _is_restart(toks: Sequence[Tok], i: int, j: int) -> bool:
    """The words after [i, j) repeat the one to three words just before it, commas aside
    ("it was, like, it was not"): a speaker restarting after an editing term."""
    before = [t.norm for t in toks[max(0, i - 5) : i] if t.norm != ","]
    after = [t.norm for t in toks[j : j + 8] if t.norm != ","]
    phrase = [t.norm for t in toks[i:j]]
    # "i like i like rap": the phrase is repeated with the words before it, so it belongs to
    # the repeated words (the verb said twice), not to an editing term between them
    return any(
        len(before) >= n and before[-n:] == after[:n] and toks[i - 1].kind != "number"
        and after[n : n + len(phrase)] != phrase
        for n in (1, 2, 3)
    )


@dataclass(frozen=True)
class Condition:
    """A conjunction of tests around a match [i, j): sentence flags, then context tests
    as (placement, sequences, must be found)."""

    question: bool | None = None
    punctuated: bool | None = None
    restart: bool | None = None
    contexts: tuple[tuple[Placement, ContextSet, bool], ...] = ()

    def holds(self, toks: Sequence[Tok], i: int, j: int, flags: tuple[bool, bool]) -> bool:
        """True when every test holds; ``flags`` is (question, punctuated) for the sentence."""
        if self.question is not None and self.question != flags[0]:
            return False
        if self.punctuated is not None and self.punctuated != flags[1]:
            return False
        if self.restart is not None and self.restart != _is_restart(toks, i, j):
            return False
        for found, ctxs, wanted in self.contexts:
            if found(ctxs, toks, i, j) != wanted:
                return False
        return True


def parse_condition(raw: Any, where: str) -> Condition:
    """Validate one condition table and compile it."""
    if not isinstance(raw, dict) or not raw:
        raise ValueError(f"{where}: must be a non-empty table of {', '.join(sorted(COND_KEYS))}")
    unknown = set(raw) - COND_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in _FLAG_KEYS:
        if raw.get(key) is not None and not isinstance(raw[key], bool):
            raise ValueError(f"{where}.{key}: must be true or false")
    contexts = tuple(
        (found, context_set(raw[key], side, f"{where}.{key}"), wanted)
        for key, (side, found, wanted) in _CONTEXT_KEYS.items()
        if key in raw
    )
    return Condition(
        question=raw.get("question"),
        punctuated=raw.get("punctuated"),
        restart=raw.get("restart"),
        contexts=contexts,
    )
