"""The catalogue: every finding category, score, level and threshold code, declared once.

The declarations are data beside this module (``categories.toml``, ``scores.toml``,
``thresholds.toml``) that an editor can review; rules are declared in
``analyser/rules/*.toml`` and validated against the categories and levels here. The
scorecard, ``compare``, ``explain``, ``rules``, the report's legend, the config validator
and the generated reference pages (``docs/rules.md``, ``docs/scores.md``) all read this
module, so a name, label, direction or colour changes in one place.

This module imports nothing from the package but :mod:`analyser.toml_compat`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from ..toml_compat import loads as _toml_loads

#: Finding levels, mildest first: a suggestion is worth a look, a warning is something an
#: editor would change, an error breaks the house style.
LEVELS: tuple[str, ...] = ("suggestion", "warning", "error")
#: The score directions: which way is better writing.
DIRECTIONS: tuple[str, ...] = ("lower", "higher", "")


@dataclass(frozen=True)
class Category:
    """A finding category and how the report shows it."""

    name: str
    label: str
    color: str
    line: str
    help: str
    ink: str = ""
    fill: str = ""
    #: A writer's-language category (found by the language rules, extendable by a house
    #: style's rule files, counted per 1,000 words and by padding).
    language: bool = False
    #: Language categories: on equal-length overlapping matches the lower number wins.
    priority: int = 9


@dataclass(frozen=True)
class Score:
    """A score column: what it measures, its unit and which way is better."""

    name: str
    family: str
    unit: str
    direction: str
    label: str
    help: str
    #: Position in the report's scorecard (0: not shown there).
    scorecard: int = 0
    digits: int = 1
    #: A scorecard cell closer than this to the column mean is not coloured.
    negligible: float = 0.0
    #: False when the direction holds between two versions of one article but the
    #: scorecard does not judge sources by it (``words``: a longer story is not worse).
    judged: bool = True
    #: Position among the measures ``analyser compare`` shows by default (0: not shown);
    #: ``verdict``: its change counts towards compare's verdict.
    headline: int = 0
    verdict: bool = False

    @property
    def sign(self) -> int:
        """+1 when higher is worse, -1 when higher is better, 0 when neither."""
        return {"lower": 1, "higher": -1}.get(self.direction, 0)


@dataclass(frozen=True)
class ThresholdCode:
    """A code ``check`` gives a breach of a house-style limit."""

    code: str
    name: str
    bound: str
    message: str
    why: str


def _load(name: str, table: str) -> list[dict[str, Any]]:
    return _toml_loads(files(__name__).joinpath(name).read_text(encoding="utf-8"))[table]


CATEGORIES: tuple[Category, ...] = tuple(
    Category(**c) for c in _load("categories.toml", "category"))
SCORES: tuple[Score, ...] = tuple(Score(**s) for s in _load("scores.toml", "score"))
THRESHOLD_CODES: tuple[ThresholdCode, ...] = tuple(
    ThresholdCode(**t) for t in _load("thresholds.toml", "threshold"))

CATEGORY: dict[str, Category] = {c.name: c for c in CATEGORIES}
SCORE: dict[str, Score] = {s.name: s for s in SCORES}
THRESHOLD: dict[str, ThresholdCode] = {t.code: t for t in THRESHOLD_CODES}
#: Category names in display order.
CATEGORY_NAMES: tuple[str, ...] = tuple(CATEGORY)
#: The writer's-language categories (the language family's), in display order.
LANGUAGE_CATEGORIES: tuple[str, ...] = tuple(c.name for c in CATEGORIES if c.language)
#: The scorecard's columns, in order.
SCORECARD: tuple[Score, ...] = tuple(sorted((s for s in SCORES if s.scorecard),
                                            key=lambda s: s.scorecard))
#: Measures ``compare`` shows by default, and those that count towards its verdict.
HEADLINE: tuple[str, ...] = tuple(s.name for s in sorted((s for s in SCORES if s.headline),
                                                          key=lambda s: s.headline))
VERDICT_MEASURES: tuple[str, ...] = tuple(s.name for s in SCORES if s.verdict)

_SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")


def direction(name: str) -> str:
    """Which way is better for a score ("lower", "higher" or "" for neither or unknown)."""
    s = SCORE.get(name)
    return s.direction if s else ""


def category_label(name: str) -> str:
    """The legend label of a category (its name when the catalogue does not know it)."""
    c = CATEGORY.get(name)
    return c.label if c else name


def _validate() -> None:
    """The catalogue's own consistency, checked once at import: a broken data file is a
    bug in the package, so it fails loudly rather than later in a report."""
    for s in SCORES:
        if not _SNAKE.match(s.name) or s.direction not in DIRECTIONS:
            raise ValueError(f"analyser/catalog/scores.toml: score {s.name!r} is incomplete")
    if len(SCORE) != len(SCORES) or len(CATEGORY) != len(CATEGORIES):
        raise ValueError("analyser/catalog: a score or category is declared twice")
    for t in THRESHOLD_CODES:
        if t.bound not in ("max", "min"):
            raise ValueError(f"analyser/catalog/thresholds.toml: {t.code}: bound max or min")


_validate()
