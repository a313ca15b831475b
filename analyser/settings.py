"""Settings for one run: thresholds, rule selection, sentence bands, and the built-in house
style that ``check`` applies when no configuration file is found.

A leaf module: it imports nothing from the package, so every stage can read Settings
without pulling in another. :mod:`analyser.config` discovers and validates the files that
produce them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

LEVELS: tuple[str, ...] = ("suggestion", "warning", "error")
#: The built-in house style: limits a tight news piece stays inside, measure -> maximum.
#: Chosen on BBC News (2,225 articles): each is exceeded by about 1% of them or fewer
#: (filler 0.7%, padding 0.9%, grade 0.8%; measured 2026-12-03, after the grade's refit on
#: CLEAR), so a breach marks an outlier for edited news copy. See docs/review.md.
DEFAULT_MAX_THRESHOLDS: dict[str, float] = {
    "readability_grade": 13.0,
    "filler_per_1k": 2.0,
    "padding_index": 15.0,
}
DEFAULT_MIN_THRESHOLDS: dict[str, float] = {}
#: Articles longer than this many words (word and number tokens) are refused as input
#: errors. The longest of 2,225 BBC articles has 4,418 words, a long read rarely passes
#: 20,000 and a novel has about 100,000: all of them pass. Cost grows with length (see
#: benchmarks/large_input.py), and at this length an analysis still takes well under a
#: minute and a gigabyte; a log file or a data dump of many megabytes is refused at once.
DEFAULT_MAX_ARTICLE_WORDS = 200_000


@dataclass(frozen=True)
class Settings:
    """Thresholds and rule selection for one run. Frozen and picklable."""

    #: A prose sentence longer than this many words counts as long.
    long_sentence_words: int = 25
    #: Sentence grade bands (grade above which a sentence is hard / very hard).
    hard_sentence_grade: float = 16.0
    very_hard_sentence_grade: float = 20.0
    #: Maximum values before ``check`` fails an article (measure name -> limit).
    thresholds: dict[str, float] = field(default_factory=dict)
    #: Rule codes or prefixes to run / skip (empty select = all).
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    #: Per-rule level overrides: code or prefix -> suggestion | warning | error.
    levels: dict[str, str] = field(default_factory=dict)
    #: Extra rule files (TOML) validated like the built-in ones (absolute paths).
    extra_rule_files: tuple[str, ...] = ()
    #: Minimum values before ``check`` fails an article (measure name -> limit).
    min_thresholds: dict[str, float] = field(default_factory=dict)
    #: (glob, codes) pairs: codes or prefixes ignored in files matching the glob.
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: Restatements by meaning too (the optional ``analyser[semantic]`` extra).
    semantic: bool = False
    #: Longer articles (in words) are refused as input errors: the cost of an analysis
    #: grows with its length.
    max_article_words: int = DEFAULT_MAX_ARTICLE_WORDS
    #: The file these settings came from (None: built-in house style).
    config_path: str | None = None

    def rule_enabled(self, code: str) -> bool:
        """True when ``code`` is selected and not ignored (prefix match, like ruff)."""
        if self.select and not any(code.startswith(p) for p in self.select):
            return False
        return not any(code.startswith(p) for p in self.ignore)

    @property
    def root(self) -> Path:
        """The folder per-file-ignore globs are relative to (the config file's, else cwd)."""
        return Path(self.config_path).parent if self.config_path else Path.cwd()

    def ignored_for(self, path: str | Path) -> tuple[str, ...]:
        """Codes or prefixes ignored for one input file by ``per-file-ignores``."""
        if not self.per_file_ignores:
            return ()
        p = Path(path)
        candidates = {p.as_posix(), p.name}
        try:
            candidates.add(p.resolve().relative_to(self.root.resolve()).as_posix())
        except ValueError:
            pass
        out: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if any(_glob_match(c, pattern) for c in candidates):
                out.extend(codes)
        return tuple(out)

    def level_for(self, code: str, default: str) -> str:
        """The configured level of a code: the longest matching prefix wins."""
        best = max((p for p in self.levels if code.startswith(p)), key=len, default="")
        return self.levels[best] if best else default


DEFAULT_SETTINGS = Settings()
#: What ``check`` applies when no configuration file is found.
HOUSE_STYLE = Settings(
    thresholds=dict(DEFAULT_MAX_THRESHOLDS), min_thresholds=dict(DEFAULT_MIN_THRESHOLDS)
)


def _glob_match(path: str, pattern: str) -> bool:
    """Glob with ``**`` spanning folders and ``*`` staying inside one (like ruff)."""
    return re.fullmatch(_glob_regex(pattern), path) is not None


def _glob_regex(pattern: str) -> str:
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        out.append({"*": "[^/]*", "?": "[^/]"}.get(c, re.escape(c)))
        i += 1
    return "".join(out)
