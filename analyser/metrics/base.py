"""The metric-family protocol.

A family is declared once, in its own module, as a :class:`Family`: its name, the
families whose results it reads (``needs``) and its ``measure`` function; the scores it
provides are declared in the catalogue (``analyser/catalog/scores.toml``). ``measure``
takes a :class:`Context` — the parsed document, the settings and the results of the
families it needs — and returns a :class:`FamilyResult`. It is pure: the same document
and settings always give the same result, and nothing is written.

:func:`analyser.analysis.analyse_document` runs the families in dependency order and
hands each one only what it declared; a family that reads a result it did not declare
is a bug and fails at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from ..catalog import SCORES
from ..document import Document
from ..models import Finding
from ..rules import Rule
from ..settings import Settings

D = TypeVar("D")


@dataclass
class FamilyResult(Generic[D]):
    """What one metric family found in one document."""

    scores: dict[str, float] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    #: Per-sentence values: each list has one entry per ``doc.sentences``.
    sentence_values: dict[str, list[Any]] = field(default_factory=dict)
    #: Anything else a report needs (top phrases, curves); must be JSON-serialisable.
    extras: dict[str, Any] = field(default_factory=dict)
    #: Typed values that downstream families read (see the family's own ``data`` type).
    data: D | None = None


@dataclass(frozen=True, eq=False)
class Family(Generic[D]):
    """A metric family: one module's declaration of what it measures and needs."""

    name: str
    measure: Callable[[Context], FamilyResult[D]]
    #: Families whose results ``measure`` reads through :meth:`Context.result`.
    needs: tuple[Family[Any], ...] = ()

    @property
    def provides(self) -> tuple[str, ...]:
        """The scores it provides, as the catalogue declares them."""
        return tuple(s.name for s in SCORES if s.family == self.name)

    def __repr__(self) -> str:
        return f"Family({self.name!r})"


@dataclass(frozen=True)
class Context:
    """What a family's ``measure`` is given: the document, the settings, and the results
    of the families it declared in ``needs`` (findings already filtered by the rule
    selection, as the user sees them)."""

    doc: Document
    settings: Settings
    upstream: Mapping[str, FamilyResult[Any]] = field(default_factory=dict)

    def result(self, family: Family[D]) -> FamilyResult[D]:
        """The result of a family this one needs."""
        try:
            return self.upstream[family.name]
        except KeyError:
            raise KeyError(f"family {family.name!r} was not declared in needs") from None


def make_finding(doc: Document, rule: Rule, start: int, end: int, *, sentence: int,
                 template: str = "message", related_sentence: int | None = None,
                 level: str | None = None, **values: object) -> Finding:
    """A finding of ``rule`` over ``doc.text[start:end]``: its message template (the rule's
    ``message``, or another template key of the rule) and suggestion with ``{text}`` and
    each ``{key}`` of ``values`` filled in. ``level`` overrides the rule's level (a level
    decided from context)."""
    text = doc.text[start:end]
    fill = {"text": text, **{k: str(v) for k, v in values.items()}}
    message = rule.message if template == "message" else str(rule.match[template])
    return Finding(
        code=rule.code, category=rule.category, start=start, end=end, text=text,
        in_quote=doc.in_quote(start, end), message=_fill(message, fill),
        suggestion=_fill(rule.suggestion, fill), name=rule.name, level=level or rule.level,
        sentence=sentence, related_sentence=related_sentence,
    )


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _fill(template: str, values: Mapping[str, str]) -> str:
    # One pass, not str.format: the matched text may itself hold braces.
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def per_1k(n: float, words: int) -> float:
    """A count per 1,000 words (0 when there are no words)."""
    return 1000.0 * n / words if words else 0.0
