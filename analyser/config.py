"""House-style settings: thresholds and rule selection.

Read from ``[tool.analyser]`` in pyproject.toml or from analyser.toml (see
:func:`load_settings`); with no configuration the built-in house style applies.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    """Thresholds and rule selection for one run. Frozen and picklable."""

    #: A prose sentence longer than this many words counts as long.
    long_sentence_words: int = 25
    #: Sentence grade bands (grade above which a sentence is hard / very hard).
    hard_sentence_grade: float = 12.0
    very_hard_sentence_grade: float = 16.0
    #: Maximum values before ``check`` fails an article (measure name -> limit).
    thresholds: dict[str, float] = field(default_factory=dict)
    #: Rule codes or prefixes to run / skip (empty select = all).
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    #: Per-rule level overrides: code or prefix -> suggestion | warning | error.
    levels: dict[str, str] = field(default_factory=dict)
    #: Extra rule files (TOML) validated like the built-in ones.
    extra_rule_files: tuple[str, ...] = ()

    def rule_enabled(self, code: str) -> bool:
        """True when ``code`` is selected and not ignored (prefix match, like ruff)."""
        if self.select and not any(code.startswith(p) for p in self.select):
            return False
        return not any(code.startswith(p) for p in self.ignore)


DEFAULT_SETTINGS = Settings()
