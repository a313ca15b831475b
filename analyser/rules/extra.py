"""A house style's extra rule files (``extend-rules``), validated like the built-in ones.

Loading checks each file's schema, that its rules extend a writer's-language category and
that codes and names are unique among all rules in use. Compiling the phrases and running
the ``flag``/``pass`` examples needs the language matcher:
:func:`analyser.metrics.language_extra.check_extra_rules` does that, and the command
line runs it once before any input is read.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache

from ..catalog import LANGUAGE_CATEGORIES
from ..errors import RuleError
from . import Rule, builtin_rules, check_unique, load_rule_file

#: A set of rule files as they are now: (path, modification time in ns, size) each, so a
#: file edited during a long-lived process is read again.
FilesKey = tuple[tuple[str, int, int], ...]


def files_key(paths: Sequence[str]) -> FilesKey:
    """The cache key of a set of rule files."""
    out = []
    for p in paths:
        try:
            st = os.stat(p)
        except OSError as exc:
            raise RuleError(f"{p}: cannot read rule file: {exc.strerror or exc}") from None
        out.append((p, st.st_mtime_ns, st.st_size))
    return tuple(out)


def extra_rules(paths: Sequence[str]) -> tuple[Rule, ...]:
    """The rules of a house style's extra rule files. Raises RuleError naming the file,
    the rule and the field."""
    return rules_at(files_key(paths))


@lru_cache(maxsize=8)
def rules_at(key: FilesKey) -> tuple[Rule, ...]:
    """The rules of the files of :func:`files_key` ``key``."""
    rules = []
    for p, _mtime, _size in key:
        for r in load_rule_file(p):
            if r.category not in LANGUAGE_CATEGORIES:
                raise RuleError(
                    f"{p}: rule {r.code}: field 'category': extra rules extend the language "
                    f"family; use one of {', '.join(LANGUAGE_CATEGORIES)}"
                )
            rules.append(r)
    check_unique([*builtin_rules(), *rules])
    return tuple(rules)
