"""A house style's extra language rules, checked as the test suite checks the built-in
ones: every phrase compiles, every ``flag`` example raises its rule and every ``pass``
example does not (matched together with every built-in language rule, so a phrase that a
longer built-in one swallows is caught).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..catalog import LANGUAGE_CATEGORIES
from ..document import parse
from ..errors import RuleError
from ..rules import Rule, rules_for
from ..rules.extra import FilesKey, files_key, rules_at
from .language import find_language
from .language_match import Matcher, compile_rule


def check_extra_rules(paths: Sequence[str]) -> None:
    """Raise RuleError (naming the file, the rule and the field) when an extra rule's
    phrases do not compile or its examples do not behave."""
    if paths:
        _check(files_key(paths))


@lru_cache(maxsize=8)
def _check(key: FilesKey) -> None:
    rules = rules_at(key)
    for r in rules:
        compile_rule(r)  # phrase syntax errors surface as a RuleError
    _check_examples(rules)


def _check_examples(rules: Sequence[Rule]) -> None:
    builtin = [b for cat in LANGUAGE_CATEGORIES for b in rules_for(cat)]
    matcher = Matcher([*builtin, *rules])
    for r in rules:
        for key, examples, want in (("flag", r.flag, True), ("pass", r.pass_, False)):
            for text in examples:
                found = any(f.code == r.code for f in find_language(parse(text), matcher))
                if found != want:
                    why = "example is not flagged" if want else "example is flagged"
                    raise RuleError(f"{r.file}: rule {r.code}: field '{key}': {why}: {text!r}")
