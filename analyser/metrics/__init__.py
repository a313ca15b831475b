"""Metric families: each module declares one :class:`~analyser.metrics.base.Family`.

A family reads the parsed :class:`~analyser.document.Document` (never the raw text) and
returns document scores, findings and per-sentence values (see :mod:`.base`). Adding a
family means adding one module that declares ``FAMILY`` and its name in
:data:`FAMILY_MODULES`; its scores are declared in the catalogue.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module

from .base import Context, Family, FamilyResult, make_finding

__all__ = ["FAMILY_MODULES", "Context", "Family", "FamilyResult", "families", "make_finding",
           "run_order"]

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
