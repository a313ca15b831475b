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
    hard-sentence-grade = 14
    very-hard-sentence-grade = 17

    [thresholds]                     measure = {max = N} | {min = N} | {min = A, max = B}
    readability_grade = {max = 12}   a bare number means {max = N}; false drops a default
    [levels]                         code or prefix = "suggestion" | "warning" | "error"
    [per-file-ignores]               glob (relative to the config file) = [codes]

Thresholds given in a file are merged over the built-in house style, measure by measure.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

CONFIG_NAMES: tuple[str, ...] = ("analyser.toml", "pyproject.toml")
LEVELS: tuple[str, ...] = ("suggestion", "warning", "error")
#: Categories a user's extra rule file may add rules to (the language family's).
EXTENDABLE_CATEGORIES: tuple[str, ...] = (
    "filler", "hedge", "intensifier", "weasel", "padding", "meta",
)

#: The built-in house style: limits a tight news piece stays inside, measure -> maximum.
#: Chosen on BBC News (2,225 articles): each is exceeded by about 1% of them or fewer
#: (filler 0.7%, padding 0.9%, grade 0.3%; measured 2026-12-02, rule set 2026.11.1), so a
#: breach marks an outlier for edited news copy. See docs/review.md.
DEFAULT_MAX_THRESHOLDS: dict[str, float] = {
    "readability_grade": 16.0,
    "filler_per_1k": 2.0,
    "padding_index": 15.0,
}
DEFAULT_MIN_THRESHOLDS: dict[str, float] = {}

_CODE_OR_PREFIX = re.compile(r"^[A-Z]{1,3}\d{0,3}$")
#: Codes ``check`` gives threshold breaches (see analyser.review.check.THRESHOLD_CODES).
THRESHOLD_CODE_NAMES: tuple[str, ...] = ("THR001", "THR002")


class ConfigError(ValueError):
    """An invalid house-style file; the message names the file and the key."""


@dataclass(frozen=True)
class Settings:
    """Thresholds and rule selection for one run. Frozen and picklable."""

    #: A prose sentence longer than this many words counts as long.
    long_sentence_words: int = 25
    #: Sentence grade bands (grade above which a sentence is hard / very hard).
    hard_sentence_grade: float = 14.0
    very_hard_sentence_grade: float = 17.0
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


# --- discovery -------------------------------------------------------------------------


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: config file is not UTF-8: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc


def _has_section(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
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
    "very-hard-sentence-grade", "semantic",
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
            if not _CODE_OR_PREFIX.match(code):
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


def known_codes(extra: Sequence[str] = ()) -> tuple[str, ...]:
    """Every code a selector can name: the built-in rules, the threshold codes, ``extra``."""
    from .rules import builtin_rules

    return (*(r.code for r in builtin_rules()), *THRESHOLD_CODE_NAMES, *extra)


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


def _check_measure_name(ck: _Checker, key: str, name: str) -> None:
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise ck.fail(key, f"'{name}' is not a score name (snake_case, e.g. filler_per_1k)")


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
    except ValueError as exc:  # RuleError: names the rule file, the rule and the field
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
        if not _CODE_OR_PREFIX.match(code):
            raise ConfigError(f"{option}: '{part.strip()}' is not a rule code or prefix")
        problem = unknown_code(code, extra)
        if problem:
            raise ConfigError(f"{option}: {problem}")
        out.append(code)
    return tuple(out)


class SettingsResolver:
    """The settings for each input of one command-line run.

    Each file gets the configuration found from its own folder upwards (cached per
    configuration file), or ``--config`` when given; the command line's ``--select``
    (replaces), ``--extend-select`` and ``--ignore`` (add) apply on top of every one.
    Raises ConfigError (naming the file and the key) when a configuration is invalid.
    """

    def __init__(self, args: Any = None) -> None:
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
        if not start.exists() and "#" in text:  # a corpus row: "corpus.jsonl#12"
            start = Path(text.rsplit("#", 1)[0])
        if not start.exists():
            start = Path.cwd()
        found = find_config(start)
        key = str(found) if found else None
        if key not in self._by_file:
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
        return replace(settings, **changes) if changes else settings


def _require_semantic(where: str) -> None:
    """A ConfigError (once, before any article is read) when semantic similarity is asked
    for but the optional extra is not installed."""
    from .metrics import semantic

    if not semantic.available():
        raise ConfigError(f"{where}: semantic similarity needs the optional extra: "
                          f"{semantic.INSTALL_HINT}")


def load_settings(args: Any) -> Settings:
    """Settings for a command-line run as one: ``--config``, or the file found from the
    first input (else the built-in house style), with the command line's selection on
    top. Commands that read many files use :class:`SettingsResolver` per file."""
    paths = [p for p in (getattr(args, "paths", None) or []) if "://" not in str(p)]
    return SettingsResolver(args).for_path(paths[0] if paths else None)


# --- extra rules -----------------------------------------------------------------------


def extra_rules(paths: tuple[str, ...] | list[str]) -> tuple:
    """The rules of a house style's extra rule files, validated exactly like the built-in
    ones (:func:`analyser.rules.load_rule_file`) and compiled by the language matcher.

    Raises :class:`analyser.rules.RuleError` naming the file, the rule and the field.
    """
    return _extra_rules_cached(tuple(paths))


@lru_cache(maxsize=8)
def _extra_rules_cached(paths: tuple[str, ...]) -> tuple:
    from .rules import RuleError, builtin_rules, check_unique, load_rule_file

    rules = []
    for p in paths:
        for r in load_rule_file(p):
            if r.category not in EXTENDABLE_CATEGORIES:
                raise RuleError(
                    f"{p}: rule {r.code}: field 'category': extra rules extend the language "
                    f"family; use one of {', '.join(EXTENDABLE_CATEGORIES)}"
                )
            rules.append(r)
    check_unique([*builtin_rules(), *rules])
    from .metrics.language_match import compile_rule

    for r in rules:
        compile_rule(r)  # phrase syntax errors surface now, as a RuleError
    _check_examples(rules)
    return tuple(rules)


def _check_examples(rules: list) -> None:
    """Each extra rule's ``flag`` examples must raise it and its ``pass`` examples must not,
    as the test suite demands of the built-in rules (matched with every language rule, so a
    phrase a longer built-in one swallows is caught here)."""
    from .document import parse
    from .metrics.language import find_language
    from .metrics.language_match import LANGUAGE_FAMILIES, Matcher
    from .rules import RuleError, rules_for

    matcher = Matcher([*(b for fam in LANGUAGE_FAMILIES for b in rules_for(fam)), *rules])
    for r in rules:
        for key, examples, want in (("flag", r.flag, True), ("pass", r.pass_, False)):
            for text in examples:
                found = any(f.code == r.code for f in find_language(parse(text), matcher))
                if found != want:
                    why = "example is not flagged" if want else "example is flagged"
                    raise RuleError(f"{r.file}: rule {r.code}: field '{key}': {why}: {text!r}")
