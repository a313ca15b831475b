"""Rules as data: one TOML file per family in this folder, validated when loaded.

Each ``[[rule]]`` has a stable code (the public contract, like ruff's), a kebab-case name,
a category, a level, a message that tells the editor what to do, a suggestion, a
rationale, known false positives, and ``flag``/``pass`` example texts that the test suite
runs. Every other key of a rule (phrases, patterns, context conditions) is kept in
``Rule.match`` for the family module that interprets it. A file's ``[defaults]`` table
gives keys every rule of the file has unless it sets them itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..catalog import CATEGORY_NAMES, LEVELS
from ..errors import RuleError
from ..toml_compat import TOMLDecodeError, loads

__all__ = [
    "Rule", "RuleError", "builtin_rules", "check_unique", "load_rule_file", "parse_rules",
    "rule_by_code", "rules_for",
]
_CODE = re.compile(r"^[A-Z]{3}\d{3}$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_REQUIRED_TEXT = ("code", "name", "category", "message", "suggestion", "rationale")
_COMMON = set(_REQUIRED_TEXT) | {"level", "false_positives", "flag", "pass", "link"}


@dataclass(frozen=True)
class Rule:
    """One rule, as declared in a family's TOML file."""

    code: str
    name: str
    category: str
    family: str
    message: str
    suggestion: str
    rationale: str
    level: str = "warning"
    false_positives: str = ""
    link: str = ""
    flag: tuple[str, ...] = ()
    pass_: tuple[str, ...] = ()
    match: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    file: str = ""


def _fail(path: Path | str, rule: str, field_: str, why: str) -> RuleError:
    return RuleError(f"{path}: rule {rule}: field '{field_}': {why}")


def parse_rules(data: dict[str, Any], path: Path | str, family: str | None = None) -> list[Rule]:
    """Validate the parsed TOML of one rule file and return its rules."""
    family = data.get("family", family or Path(path).stem)
    raw_rules = data.get("rule")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise RuleError(f"{path}: no [[rule]] tables found")
    defaults = data.get("defaults", {})
    if not isinstance(defaults, dict):
        raise RuleError(f"{path}: [defaults] must be a table")
    rules = []
    for i, raw in enumerate(raw_rules):
        raw = {**defaults, **raw}  # a rule's own keys win over the file's [defaults]
        ident = str(raw.get("code", f"#{i + 1}"))
        for key in _REQUIRED_TEXT:
            value = raw.get(key)
            if not isinstance(value, str) or not value.strip():
                raise _fail(path, ident, key, "missing or not a non-empty string")
        if not _CODE.match(raw["code"]):
            raise _fail(path, ident, "code", "must be three capitals and three digits, e.g. FIL001")
        if not _NAME.match(raw["name"]):
            raise _fail(path, ident, "name", "must be kebab-case, e.g. you-know")
        if raw["category"] not in CATEGORY_NAMES:
            raise _fail(path, ident, "category",
                        f"must be one of {', '.join(CATEGORY_NAMES)}")
        level = raw.get("level", "warning")
        if level not in LEVELS:
            raise _fail(path, ident, "level", f"must be one of {', '.join(LEVELS)}")
        examples = {}
        for key in ("flag", "pass"):
            value = raw.get(key)
            if (
                not isinstance(value, list)
                or not value
                or not all(isinstance(v, str) and v.strip() for v in value)
            ):
                raise _fail(path, ident, key, "needs a non-empty list of example texts")
            examples[key] = tuple(value)
        fp = raw.get("false_positives", "")
        if not isinstance(fp, str):
            raise _fail(path, ident, "false_positives", "must be a string")
        rules.append(
            Rule(
                code=raw["code"], name=raw["name"], category=raw["category"], family=family,
                message=raw["message"], suggestion=raw["suggestion"],
                rationale=raw["rationale"], level=level, false_positives=fp,
                link=str(raw.get("link", "")), flag=examples["flag"], pass_=examples["pass"],
                match={k: v for k, v in raw.items() if k not in _COMMON}, file=str(path),
            )
        )
    return rules


def load_rule_file(path: Path | str, family: str | None = None) -> list[Rule]:
    """Load and validate one rule file (built-in or a user's own)."""
    path = Path(path)
    try:
        data = loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RuleError(f"{path}: cannot read rule file: {exc.strerror or exc}") from exc
    except TOMLDecodeError as exc:
        raise RuleError(f"{path}: invalid TOML: {exc}") from exc
    return parse_rules(data, path, family)


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[Rule, ...]:
    """Every built-in rule, from the TOML files shipped in this package."""
    rules: list[Rule] = []
    for entry in sorted(files(__name__).iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml"):
            data = loads(entry.read_text(encoding="utf-8"))
            rules.extend(parse_rules(data, f"analyser/rules/{entry.name}"))
    check_unique(rules)
    return tuple(rules)


def check_unique(rules: list[Rule]) -> None:
    """Codes and names must be unique across every rule in use."""
    seen: dict[str, str] = {}
    for r in rules:
        for key in (r.code, r.name):
            if key in seen:
                raise RuleError(f"{r.file}: rule {r.code}: '{key}' is already used in {seen[key]}")
            seen[key] = r.file


def rules_for(family: str) -> tuple[Rule, ...]:
    """The built-in rules of one family (the TOML file's stem or its ``family`` key)."""
    return tuple(r for r in builtin_rules() if r.family == family)


def rule_by_code(code: str) -> Rule | None:
    """The built-in rule with this code, or None."""
    return next((r for r in builtin_rules() if r.code == code), None)
