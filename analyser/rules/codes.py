"""Rule codes as selectors: what ``select``, ``ignore``, ``levels`` and ``# noqa`` may name."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from ..catalog import THRESHOLD
from . import builtin_rules

#: A full code (FIL001) or a prefix of one (FIL, FIL0).
CODE_OR_PREFIX = re.compile(r"^[A-Z]{1,3}\d{0,3}$")


def known_codes(extra: Sequence[str] = ()) -> tuple[str, ...]:
    """Every code a selector can name: the built-in rules, the threshold codes, ``extra``."""
    return (*(r.code for r in builtin_rules()), *THRESHOLD, *extra)


def unknown_code(code: str, extra: Sequence[str] = ()) -> str:
    """Why ``code`` (a code or prefix) selects nothing, or "" when it selects a rule.

    Like ruff, a selector that matches no rule is an error rather than a silent no-op:
    ``select = ["FLI"]`` would otherwise run nothing and pass every file.
    """
    codes = known_codes(extra)
    if any(c.startswith(code) for c in codes):
        return ""
    prefixes = sorted({c.rstrip("0123456789") for c in codes} | set(codes))
    hint = difflib.get_close_matches(code, prefixes, n=1)
    did = f" (did you mean '{hint[0]}'?)" if hint else ""
    return f"'{code}' matches no rule{did}; `analyser rules` lists them"
