"""Metric families: each module declares one :class:`~analyser.metrics.base.Family`.

A family reads the parsed :class:`~analyser.document.Document` (never the raw text) and
returns document scores, findings and per-sentence values (see :mod:`.base`). Adding a
family means adding one module that declares ``FAMILY`` and its name in
:data:`FAMILY_MODULES`; its scores are declared in the catalogue.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import import_module

from ..document import Document, check_length
from ..settings import DEFAULT_SETTINGS, Settings
from .base import Context, Family, FamilyResult, make_finding

__all__ = ["FAMILY_MODULES", "Context", "Family", "FamilyResult", "families", "make_finding",
           "run_families", "run_family", "run_order"]

#: The family modules, in the order their columns appear in outputs (a family still runs
#: after those it needs).
FAMILY_MODULES: tuple[str, ...] = (
    "readability", "grade", "language", "passive", "repetition", "substance", "padding",
)


@lru_cache(maxsize=1)
def families() -> tuple[Family, ...]:
    """Every family, in run order (imported on first use to keep start-up light)."""
    return run_order([import_module(f"{__name__}.{name}").FAMILY for name in FAMILY_MODULES])


def run_order(declared: list[Family]) -> tuple[Family, ...]:
    """``declared`` reordered so that each family runs after the families it needs, and
    otherwise in declaration order. Raises ValueError on a missing or circular need."""
    names = {f.name for f in declared}
    for f in declared:
        missing = [n.name for n in f.needs if n.name not in names]
        if missing:
            raise ValueError(f"family {f.name!r} needs {missing}, which are not registered")
    done: list[Family] = []
    todo = list(declared)
    while todo:
        ready = next((f for f in todo if all(n in done for n in f.needs)), None)
        if ready is None:
            raise ValueError(f"families {[f.name for f in todo]} need each other")
        done.append(ready)
        todo.remove(ready)
    return tuple(done)


def run_families(doc: Document, settings: Settings = DEFAULT_SETTINGS,
                 selected: Sequence[Family] | None = None) -> dict[str, FamilyResult]:
    """Run families over a document, each after those it needs, handing each one only the
    results it declared. Findings of rules the settings do not select are dropped as each
    family returns, so a downstream family sees what the user sees. ``selected`` (in run
    order, with everything they need) defaults to every family.

    A document longer than ``settings.max_article_words`` words is refused first
    (:func:`~analyser.document.check_length`, an input error): every family's cost grows
    with the article's length."""
    check_length(doc.word_count, settings.max_article_words)
    results: dict[str, FamilyResult] = {}
    for family in families() if selected is None else selected:
        ctx = Context(doc, settings, {n.name: results[n.name] for n in family.needs})
        result = family.measure(ctx)
        result.findings = [f for f in result.findings if settings.rule_enabled(f.code)]
        results[family.name] = result
    doc.forget_derived()  # what the families shared (restatement terms, indexes) is done
    return results


def run_family(family: Family, doc: Document,
               settings: Settings = DEFAULT_SETTINGS) -> FamilyResult:
    """One family's result over a document (the families it needs run first)."""
    needed: list[Family] = []

    def add(f: Family) -> None:
        for n in f.needs:
            add(n)
        if f not in needed:
            needed.append(f)

    add(family)
    return run_families(doc, settings, needed)[family.name]
