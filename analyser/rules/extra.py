"""A house style's extra rule files (``extend-rules``), validated like the built-in ones.

Loading checks each file's schema, that its rules extend a writer's-language category and
that codes and names are unique among all rules in use. Compiling the phrases and running
the ``flag``/``pass`` examples needs the language matcher:
:func:`analyser.metrics.language_extra.check_extra_rules` does that, and the command
line runs it once before any input is read.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..catalog import LANGUAGE_CATEGORIES
from ..errors import RuleError
from . import Rule, builtin_rules, check_unique, load_rule_file


def extra_rules(paths: Sequence[str]) -> tuple[Rule, ...]:
    """The rules of a house style's extra rule files. Raises RuleError naming the file,
    the rule and the field."""
    return _extra_rules(tuple(paths))


@lru_cache(maxsize=8)
def _extra_rules(paths: tuple[str, ...]) -> tuple[Rule, ...]:
    rules = []
    for p in paths:
        for r in load_rule_file(p):
            if r.category not in LANGUAGE_CATEGORIES:
                raise RuleError(
                    f"{p}: rule {r.code}: field 'category': extra rules extend the language "
                    f"family; use one of {', '.join(LANGUAGE_CATEGORIES)}"
                )
            rules.append(r)
    check_unique([*builtin_rules(), *rules])
    return tuple(rules)
