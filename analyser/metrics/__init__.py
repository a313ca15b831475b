"""Metric families. Each family is a pure function ``measure(doc, settings) -> FamilyResult``.

A family reads the parsed :class:`~analyser.document.Document` (never the raw text) and
returns document scores, findings and per-sentence values. :data:`FAMILIES` lists them in
the order they run; adding a family means adding one module and one line here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..models import Finding


@dataclass
class FamilyResult:
    """What one metric family found in one document."""

    scores: dict[str, float] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    #: Per-sentence values: each list has one entry per ``doc.sentences``.
    sentence_values: dict[str, list[Any]] = field(default_factory=dict)
    #: Anything else a report needs (top phrases, curves); must be JSON-serialisable.
    extras: dict[str, Any] = field(default_factory=dict)


#: ``measure(doc, settings)``; a family that needs earlier families' output (padding reads
#: the language findings) also takes ``prior``, a FamilyResult of everything found so far.
Measure = Callable[..., FamilyResult]


def families() -> list[tuple[str, Measure]]:
    """The metric families, in run order (imported lazily to keep start-up light)."""
    from . import readability

    found: list[tuple[str, Measure]] = [("readability", readability.measure)]
    for name in ("grade", "language", "passive", "repetition", "substance", "padding"):
        try:
            module = __import__(f"{__name__}.{name}", fromlist=["measure"])
        except ModuleNotFoundError as exc:  # a family not built yet
            if exc.name and exc.name.endswith(name):
                continue
            raise
        found.append((name, module.measure))
    return found
