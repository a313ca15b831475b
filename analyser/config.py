"""House-style settings: thresholds and rule selection.

Read from ``[tool.analyser]`` in pyproject.toml or from analyser.toml (see
:func:`load_settings`); with no configuration the built-in house style applies.

Discovery works like ruff's: for each input file, from its folder upwards, the first folder
that holds an ``analyser.toml`` (or a ``pyproject.toml`` with a ``[tool.analyser]`` table)
gives its configuration, so one run over a tree applies each sub-folder's own house style
(:class:`SettingsResolver`); ``--config FILE`` overrides the search for every input. In
analyser.toml the keys sit at the top level (a ``[tool.analyser]`` table is accepted too,
so a pyproject section can be pasted unchanged; the two forms cannot be mixed). Keys
(kebab-case, as in ruff)::

    select = ["FIL", "HDG"]          rule codes or prefixes to run (default: every rule)
    extend-select = ["PAD"]          added to ``select`` (only meaningful when it is set)
    ignore = ["MET002"]              codes or prefixes to skip
    extend-rules = ["house.toml"]    extra language rules (validated like the built-in ones)
    long-sentence-words = 25         sentence lengths and grades used by the families
    hard-sentence-grade = 16
    very-hard-sentence-grade = 20
    max-article-words = 200000       longer articles are refused as input errors

    [thresholds]                     measure = {max = N} | {min = N} | {min = A, max = B}
    readability_grade = {max = 12}   a bare number means {max = N}; false drops a default
    [levels]                         code or prefix = "suggestion" | "warning" | "error"
    [per-file-ignores]               glob (relative to the config file) = [codes]

Thresholds given in a file are merged over the built-in house style, measure by measure.
"""

from __future__ import annotations

import difflib
import logging
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from .catalog import LEVELS, SCORE
from .errors import ConfigError, RuleError
from .extras import SEMANTIC_INSTALL_HINT, semantic_available
from .rules.codes import CODE_OR_PREFIX, unknown_code
from .rules.extra import extra_rules
from .settings import DEFAULT_SETTINGS, HOUSE_STYLE, Settings
from .toml_compat import TOMLDecodeError, loads

log = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_SETTINGS", "HOUSE_STYLE", "ConfigError", "Settings", "SettingsResolver",
    "find_config", "load_config_file", "load_settings",
]



# --- discovery -------------------------------------------------------------------------


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: config file is not UTF-8: {exc}") from exc
    except TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc


def _has_section(pyproject: Path) -> bool:
    try:
        data = loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, TOMLDecodeError):
        return False  # someone else's broken pyproject is not our configuration
    return isinstance(data.get("tool"), dict) and "analyser" in data["tool"]


def find_config(start: Path) -> Path | None:
    """The nearest analyser.toml, or pyproject.toml with ``[tool.analyser]``, from ``start``
    (a file or a folder) upwards; None when there is none."""
    start = Path(start).resolve()
    folder = start if start.is_dir() else start.parent
    for d in (folder, *folder.parents):
        own = d / "analyser.toml"
        if own.is_file():
            return own
        pyproject = d / "pyproject.toml"
        if pyproject.is_file() and _has_section(pyproject):
            return pyproject
    return None


# --- validation ------------------------------------------------------------------------

_KEYS = {
    "select", "extend-select", "ignore", "extend-ignore", "extend-rules", "thresholds",
    "levels", "per-file-ignores", "long-sentence-words", "hard-sentence-grade",
    "very-hard-sentence-grade", "semantic", "max-article-words",
}


def _section(path: Path, data: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The house-style table of a file and the key prefix used in error messages."""
    tool = data.get("tool")
    nested = tool.get("analyser") if isinstance(tool, dict) else None
    if path.name == "pyproject.toml":
        if not isinstance(nested, dict):
            raise ConfigError(f"{path}: no [tool.analyser] table")
        return nested, "tool.analyser."
    if nested is not None:
        others = sorted(k for k in data if k != "tool")
        if others:
            raise ConfigError(
                f"{path}: {others[0]}: keys at the top level and a [tool.analyser] table "
                "cannot be mixed; use one or the other"
            )
        if not isinstance(nested, dict):
            raise ConfigError(f"{path}: tool.analyser: must be a table")
        return nested, "tool.analyser."
    return data, ""


class _Checker:
    def fail(self, key: str, why: str) -> ConfigError:
        return ConfigError(f"{self.path}: {self.prefix}{key}: {why}")

    def __init__(self, path: Path, prefix: str):
        self.path, self.prefix = path, prefix
        #: Codes of the extra rules this file adds (known once extend-rules is read).
        self.extra_codes: tuple[str, ...] = ()

    def codes(self, key: str, value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "must be a list of rule codes or prefixes, e.g. [\"FIL\"]")
        out = []
        for v in value:
            code = v.strip().upper()
            if not CODE_OR_PREFIX.match(code):
                raise self.fail(key, f"'{v}' is not a rule code or prefix (e.g. FIL, FIL001)")
            problem = unknown_code(code, self.extra_codes)
            if problem:
                raise self.fail(key, problem)
            out.append(code)
        return tuple(out)

    def number(self, key: str, value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(key, f"must be a number, not {type(value).__name__}")
        if not math.isfinite(value):
            raise self.fail(key, "must be a finite number")
        return float(value)


def _check_measure_name(ck: _Checker, key: str, name: str) -> None:
    """A threshold must name a score the catalogue declares: a typo would otherwise pass
    every file silently."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise ck.fail(key, f"'{name}' is not a score name (snake_case, e.g. filler_per_1k)")
    if name not in SCORE:
        hint = difflib.get_close_matches(name, sorted(SCORE), n=1)
        did = f" (did you mean '{hint[0]}'?)" if hint else ""
        raise ck.fail(key, f"no such score{did}; docs/scores.md lists them")


def _thresholds(ck: _Checker, raw: Any) -> tuple[dict[str, float | None], dict[str, float | None]]:
    """(max, min) per measure; None means "drop the built-in default"."""
    if not isinstance(raw, dict):
        raise ck.fail("thresholds", "must be a table of measure = {max = N} or {min = N}")
    maxima: dict[str, float | None] = {}
    minima: dict[str, float | None] = {}
    for name, value in raw.items():
        key = f"thresholds.{name}"
        _check_measure_name(ck, key, name)
        if value is False:
            maxima[name] = minima[name] = None
            continue
        if isinstance(value, dict):
            unknown = sorted(set(value) - {"max", "min"})
            if unknown:
                raise ck.fail(f"{key}.{unknown[0]}", "unknown bound; use max or min")
            if not value:
                raise ck.fail(key, "give max, min or both")
            lo = ck.number(f"{key}.min", value["min"]) if "min" in value else None
            hi = ck.number(f"{key}.max", value["max"]) if "max" in value else None
            if lo is not None and hi is not None and lo > hi:
                raise ck.fail(key, f"min {lo:g} is above max {hi:g}")
            maxima[name], minima[name] = hi, lo
        else:
            maxima[name], minima[name] = ck.number(key, value), None
    return maxima, minima


def _levels(ck: _Checker, raw: Any) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise ck.fail("levels", "must be a table of code or prefix = level")
    out = {}
    for code, level in raw.items():
        (norm,) = ck.codes(f"levels.{code}", [code])
        if level not in LEVELS:
            raise ck.fail(f"levels.{code}", f"'{level}' is not one of {', '.join(LEVELS)}")
        out[norm] = level
    return out


def _per_file(ck: _Checker, raw: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(raw, dict):
        raise ck.fail("per-file-ignores", "must be a table of \"glob\" = [codes]")
    return tuple(
        (glob, ck.codes(f'per-file-ignores."{glob}"', codes)) for glob, codes in raw.items()
    )


def _extra_rules(ck: _Checker, raw: Any) -> tuple[str, ...]:
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
        raise ck.fail("extend-rules", "must be a list of rule file paths")
    files = tuple(str((ck.path.parent / p).resolve()) for p in raw)
    for f in files:
        if not Path(f).is_file():
            raise ck.fail("extend-rules", f"rule file not found: {f}")
    try:
        extra_rules(files)
    except RuleError as exc:  # names the rule file, the rule and the field
        raise ck.fail("extend-rules", str(exc)) from None
    return files


def settings_from_table(table: dict[str, Any], path: Path, prefix: str = "") -> Settings:
    """Validate one house-style table (already parsed) into Settings over the house style."""
    ck = _Checker(path, prefix)
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        hint = difflib.get_close_matches(unknown[0], sorted(_KEYS), n=1)
        extra = f" (did you mean '{hint[0]}'?)" if hint else ""
        raise ck.fail(unknown[0], f"unknown key{extra}; known: {', '.join(sorted(_KEYS))}")
    base = HOUSE_STYLE
    extra_files = _extra_rules(ck, table["extend-rules"]) if "extend-rules" in table else ()
    ck.extra_codes = tuple(r.code for r in extra_rules(extra_files)) if extra_files else ()
    select = ck.codes("select", table["select"]) if "select" in table else ()
    if "extend-select" in table and select:
        select += ck.codes("extend-select", table["extend-select"])
    elif "extend-select" in table:
        ck.codes("extend-select", table["extend-select"])  # validated; all rules already run
    ignore = ck.codes("ignore", table.get("ignore", []))
    ignore += ck.codes("extend-ignore", table.get("extend-ignore", []))
    maxima = dict(base.thresholds)
    minima = dict(base.min_thresholds)
    if "thresholds" in table:
        new_max, new_min = _thresholds(ck, table["thresholds"])
        for name in new_max:
            maxima.pop(name, None)
            minima.pop(name, None)
            if new_max[name] is not None:
                maxima[name] = new_max[name]  # type: ignore[assignment]
            if new_min[name] is not None:
                minima[name] = new_min[name]  # type: ignore[assignment]
    ints = {}
    for key, attr in (("long-sentence-words", "long_sentence_words"),
                      ("hard-sentence-grade", "hard_sentence_grade"),
                      ("very-hard-sentence-grade", "very_hard_sentence_grade")):
        if key in table:
            value = ck.number(key, table[key])
            if value <= 0:
                raise ck.fail(key, "must be positive")
            ints[attr] = int(value) if attr == "long_sentence_words" else value
    if "max-article-words" in table:
        ints["max_article_words"] = _max_article_words(ck, table["max-article-words"])
    semantic = table.get("semantic", base.semantic)
    if not isinstance(semantic, bool):
        raise ck.fail("semantic", "must be true or false")
    if semantic:
        _require_semantic(f"{path}: semantic = true")
    return Settings(
        semantic=semantic,
        select=select,
        ignore=ignore,
        thresholds=maxima,
        min_thresholds=minima,
        levels=_levels(ck, table["levels"]) if "levels" in table else {},
        per_file_ignores=_per_file(ck, table["per-file-ignores"])
        if "per-file-ignores" in table else (),
        extra_rule_files=extra_files,
        config_path=str(path.resolve()),
        **ints,
    )


def _max_article_words(ck: _Checker, value: Any) -> int:
    """A whole number of words, at least one."""
    number = ck.number("max-article-words", value)
    if number != int(number) or number < 1:
        raise ck.fail("max-article-words", "must be a whole number of words, 1 or more")
    return int(number)


def load_config_file(path: str | Path) -> Settings:
    """Read and validate one analyser.toml or pyproject.toml. Raises ConfigError."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    data = _read_toml(path)
    table, prefix = _section(path, data)
    return settings_from_table(table, path, prefix)


def _cli_codes(option: str, value: str | None, extra: Sequence[str] = ()) -> tuple[str, ...]:
    if not value:
        return ()
    out = []
    for part in value.split(","):
        code = part.strip().upper()
        if not code:
            continue
        if not CODE_OR_PREFIX.match(code):
            raise ConfigError(f"{option}: '{part.strip()}' is not a rule code or prefix")
        problem = unknown_code(code, extra)
        if problem:
            raise ConfigError(f"{option}: {problem}")
        out.append(code)
    return tuple(out)


def _exists(path: Path) -> bool:
    """Whether ``path`` exists; a name the system cannot even look up (too long) does not
    (ingest reports that input in its own line)."""
    try:
        return path.exists()
    except OSError:
        return False


class SettingsResolver:
    """The settings for each input of one command-line run.

    Each file gets the configuration found from its own folder upwards (cached per
    configuration file), or ``--config`` when given; the command line's ``--select``
    (replaces), ``--extend-select`` and ``--ignore`` (add) apply on top of every one.
    Raises ConfigError (naming the file and the key) when a configuration is invalid.
    """

    def __init__(self, args: Any = None,
                 validate: Callable[[Settings], None] | None = None) -> None:
        #: Called once per configuration in use, for checks beyond this module's reach
        #: (the command line passes :func:`analyser.analysis.validate_settings`).
        self._validate = validate
        self.config = getattr(args, "config", None)
        self._select = getattr(args, "select", None)
        self._extend = getattr(args, "extend_select", None)
        self._ignore = getattr(args, "ignore", None)
        self._semantic = bool(getattr(args, "semantic", False))
        if self._semantic:
            _require_semantic("--semantic")
        self._by_file: dict[str | None, Settings] = {}
        if self.config:
            self._by_file[None] = self._with_cli(load_config_file(self.config))

    def for_path(self, path: str | Path | None) -> Settings:
        """Settings for one input (a file, a folder, "-" or a URL: those two use cwd)."""
        if self.config:
            return self._by_file[None]
        text = str(path) if path is not None else "-"
        start = Path.cwd() if text in ("-", "<stdin>") or "://" in text else Path(text)
        if not _exists(start) and "#" in text:  # a corpus row: "corpus.jsonl#12"
            start = Path(text.rsplit("#", 1)[0])
        if not _exists(start):
            start = Path.cwd()
        found = find_config(start)
        key = str(found) if found else None
        if key not in self._by_file:
            log.info("house style for %s: %s", text, found or "built-in")
            base = load_config_file(found) if found else HOUSE_STYLE
            self._by_file[key] = self._with_cli(base)
        return self._by_file[key]

    def _with_cli(self, settings: Settings) -> Settings:
        extra = tuple(r.code for r in extra_rules(settings.extra_rule_files)) \
            if settings.extra_rule_files else ()
        select = _cli_codes("--select", self._select, extra)
        extend = _cli_codes("--extend-select", self._extend, extra)
        ignore = _cli_codes("--ignore", self._ignore, extra)
        changes: dict[str, Any] = {}
        if select:
            changes["select"] = select
        if extend and (select or settings.select):
            changes["select"] = (select or settings.select) + extend
        if ignore:
            changes["ignore"] = settings.ignore + ignore
        if self._semantic:
            changes["semantic"] = True
        settings = replace(settings, **changes) if changes else settings
        if self._validate is not None:
            self._validate(settings)
        return settings


def _require_semantic(where: str) -> None:
    """A ConfigError (once, before any article is read) when semantic similarity is asked
    for but the optional extra is not installed."""
    if not semantic_available():
        raise ConfigError(f"{where}: semantic similarity needs the optional extra: "
                          f"{SEMANTIC_INSTALL_HINT}")


def load_settings(args: Any) -> Settings:
    """Settings for a command-line run as one: ``--config``, or the file found from the
    first input (else the built-in house style), with the command line's selection on
    top. Commands that read many files use :class:`SettingsResolver` per file."""
    paths = [p for p in (getattr(args, "paths", None) or []) if "://" not in str(p)]
    return SettingsResolver(args).for_path(paths[0] if paths else None)
