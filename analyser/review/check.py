"""``analyser check``: findings and house-style thresholds, placed in the original files.

For every input: analyse it (clean, parse, measure), map each finding back to a line and
column of the original file (:mod:`.positions`), drop what per-file ignores and inline
directives (:mod:`.suppression`) switch off, and compare the article's scores with the
house thresholds. Threshold breaches are reported like findings, at line 1 column 1:

* ``THR001`` a measure is over the house maximum;
* ``THR002`` a measure is under the house minimum.

Both are at level ``error`` unless ``[levels]`` says otherwise, and obey select / ignore /
per-file-ignores like every other code. Exit status: 0 clean, 1 a finding at level error
or a threshold exceeded, 2 an input or the configuration could not be used (the other
inputs are still checked).
"""

from __future__ import annotations

import math
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..analysis import Analysis
from ..catalog import THRESHOLD_CODES
from ..config import SettingsResolver
from ..errors import (
    EXIT_OK,
    EXIT_THRESHOLDS,
    EXIT_USAGE,
    DecodeError,
    EmptyInputError,
    NoArticleError,
)
from ..models import Article, Finding
from ..settings import Settings
from .positions import PositionMap
from .suppression import Suppressions, parse_directives

EXIT_FINDINGS, EXIT_ERROR = EXIT_THRESHOLDS, EXIT_USAGE
#: Input-error kinds that mean "readable, but no prose in it": nothing to check, not an
#: error (a Markdown file of code only, an empty page), as ruff is silent on an empty file.
_NOTHING_TO_CHECK = (EmptyInputError.kind, NoArticleError.kind)

@dataclass(frozen=True)
class Located:
    """A finding placed in the original file (1-based lines and columns; end exclusive)."""

    code: str
    name: str
    category: str
    level: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    message: str
    suggestion: str
    in_quote: bool
    #: Offsets into the analysed text (Analysis.text), for tools that hold the analysis.
    start: int = -1
    end: int = -1

    def as_dict(self) -> dict:
        return {
            "code": self.code, "name": self.name, "category": self.category,
            "level": self.level, "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column, "text": self.text,
            "message": self.message, "suggestion": self.suggestion, "in_quote": self.in_quote,
        }


@dataclass(frozen=True)
class Breach:
    """A score outside the house limits."""

    code: str
    measure: str
    value: float
    limit: float
    bound: str  # "max" | "min"
    level: str
    message: str

    def as_dict(self) -> dict:
        return {
            "code": self.code, "measure": self.measure, "value": self.value,
            "limit": self.limit, "bound": self.bound, "level": self.level,
            "message": self.message, "line": 1, "column": 1,
        }


@dataclass
class FileResult:
    """What ``check`` found in one input."""

    path: str
    scores: dict[str, float]
    findings: list[Located] = field(default_factory=list)
    thresholds: list[Breach] = field(default_factory=list)
    suppressed: int = 0
    #: (line, column, message) for malformed suppression directives.
    directive_problems: list[tuple[int, int, str]] = field(default_factory=list)
    id: str = ""
    outlet: str = ""
    title: str | None = None
    #: The house-style file this input was checked against (None: built-in).
    config_path: str | None = None


@dataclass
class CheckResult:
    """Every file's result, the inputs that failed and configuration problems. The counts
    are kept as files are added (:meth:`add`), so a streamed run that hands each file on
    and keeps none (``keep=False``) still has its summary."""

    files: list[FileResult] = field(default_factory=list)
    #: (path, reason) for inputs that could not be read or analysed.
    errors: list[tuple[str, str]] = field(default_factory=list)
    config_path: str | None = None
    #: (path, reason) for readable inputs with no prose to check (empty, only code).
    skipped: list[tuple[str, str]] = field(default_factory=list)
    #: (code, name, level) -> count over every file added, thresholds as name "threshold".
    codes: Counter = field(default_factory=Counter)
    _counts: Counter = field(default_factory=Counter, repr=False)

    def __post_init__(self) -> None:
        files, self.files = self.files, []
        for f in files:
            self.add(f)

    def add(self, f: FileResult, keep: bool = True) -> None:
        """Count one file's result (and keep it in :attr:`files` with ``keep``)."""
        if keep:
            self.files.append(f)
        c = self._counts
        c["files"] += 1
        c["findings"] += len(f.findings)
        c["thresholds"] += len(f.thresholds)
        c["suppressed"] += f.suppressed
        for b in f.thresholds:
            self.codes[(b.code, "threshold", b.level)] += 1
            c["failing"] += b.level == "error"
        for x in f.findings:
            self.codes[(x.code, x.name, x.level)] += 1
            c[f"level:{x.level}"] += 1

    def count(self, level: str) -> int:
        return self._counts[f"level:{level}"]

    @property
    def summary(self) -> dict[str, int]:
        c = self._counts
        return {
            "files": c["files"],
            "findings": c["findings"],
            "errors": self.count("error"),
            "warnings": self.count("warning"),
            "suggestions": self.count("suggestion"),
            "thresholds_exceeded": c["thresholds"],
            "suppressed": c["suppressed"],
            "input_errors": len(self.errors),
            "skipped": len(self.skipped),
            # A configuration is validated in full before any input is read (a bad one
            # exits 2 at once), so none is left to report here; the key stays because
            # schema analyser.check/1 promises it.
            "config_problems": 0,
            "exit_status": self.exit_status,
        }

    @property
    def exit_status(self) -> int:
        if self.errors:
            return EXIT_ERROR
        failing = self.count("error") or self._counts["failing"]
        return EXIT_FINDINGS if failing else EXIT_OK


def shown(x: float) -> float:
    """A score at the precision messages show: 3 significant figures, at most 2 decimals."""
    places = 0 if abs(x) >= 100 else 1 if abs(x) >= 10 else 2
    return round(float(x), places)


def _fmt(x: float) -> str:
    return f"{shown(x):g}" if abs(x) < 1e6 else f"{x:.0f}"


def threshold_breaches(scores: dict[str, float], settings: Settings) -> list[Breach]:
    """Scores over the house maxima or under the minima (NaN scores are never breaches)."""
    out: list[Breach] = []
    for t in THRESHOLD_CODES:
        limits = settings.thresholds if t.bound == "max" else settings.min_thresholds
        for measure, limit in limits.items():
            value = scores.get(measure)
            if not isinstance(value, (int, float)) or not math.isfinite(value):
                continue
            # compare at the shown precision so "2 is over the maximum 2" cannot happen
            v = shown(value)
            if (t.bound == "max" and v > limit) or (t.bound == "min" and v < limit):
                msg = t.message.format(measure=measure, value=_fmt(v), limit=f"{limit:g}")
                out.append(Breach(t.code, measure, float(value), float(limit), t.bound,
                                  settings.level_for(t.code, "error"), msg))
    out.sort(key=lambda b: (b.code, b.measure))
    return out


def _code_off(code: str, codes: Sequence[str]) -> bool:
    return any(code.startswith(c) for c in codes)


def original_text(article: Article) -> str:
    """The file as written: Markdown is masked at ingest, but directives live in comments."""
    if article.format == "markdown" and article.source and Path(article.source).is_file():
        from ..ingest.decode import decode_text

        try:
            return decode_text(Path(article.source).read_bytes(), article.source)
        except (OSError, DecodeError):  # the article was read; fall back to what ingest kept
            return article.raw
    return article.raw


def check_analysis(article: Article, analysis: Analysis, settings: Settings) -> FileResult:
    """Place one article's findings in its original file and apply the house style."""
    path = article.source or article.id
    raw = article.raw
    positions = PositionMap(raw, analysis.text, article.format)
    directives: Suppressions = parse_directives(original_text(article), article.format)
    file_off = settings.ignored_for(path)
    result = FileResult(path=path, scores=dict(analysis.scores), id=analysis.id,
                        outlet=analysis.outlet, title=analysis.title,
                        config_path=settings.config_path)
    for offset, message in directives.problems:
        p = positions.position(offset)
        result.directive_problems.append((p.line, p.column, message))
    for f in analysis.findings:
        if not settings.rule_enabled(f.code) or _code_off(f.code, file_off):
            result.suppressed += 1
            continue
        located = _locate(f, positions)
        offset = positions.raw_offset(f.start)
        if directives.suppresses(f.code, offset):
            result.suppressed += 1
            continue
        result.findings.append(located)
    result.findings.sort(key=lambda x: (x.line, x.column, x.code))
    result.thresholds = [
        b for b in threshold_breaches(analysis.scores, settings)
        if settings.rule_enabled(b.code) and not _code_off(b.code, file_off)
    ]
    return result


def _locate(f: Finding, positions: PositionMap) -> Located:
    span = positions.span(f.start, f.end)
    if span is None:
        line = column = end_line = end_column = 1
    else:
        a, b = span
        line, column, end_line, end_column = a.line, a.column, b.line, b.column
    return Located(
        code=f.code, name=f.name, category=f.category, level=f.level, line=line,
        column=column, end_line=end_line, end_column=end_column, text=f.text,
        message=f.message, suggestion=f.suggestion, in_quote=f.in_quote, start=f.start,
        end=f.end,
    )


def check_paths(
    paths: Sequence[str],
    settings: Settings | SettingsResolver,
    *,
    outlet: str | None = None,
    jobs: int = 1,
    on_error: Callable[[str, str], None] | None = None,
    follow_links: bool = False,
    on_file: Callable[[FileResult], None] | None = None,
    keep: bool = True,
) -> CheckResult:
    """Check files, folders and corpus files against the house style.

    ``settings`` is one house style for every input, or a :class:`SettingsResolver` that
    gives each file the configuration found from its own folder (like ruff).
    ``follow_links``: also read symbolic links in a folder that lead out of it.
    Inputs are read and checked one at a time: each file's result goes to ``on_file`` as
    it is made, and is kept in the result only with ``keep`` (memory flat in the corpus).
    """
    from ..corpus import iter_analyses
    from ..ingest import IngestError, iter_articles

    if isinstance(settings, SettingsResolver):
        resolver = settings

        def settings_for(article: Article) -> Settings:
            return resolver.for_path(article.source or None)

        first = resolver.for_path(next(iter(paths), None))
    else:
        def settings_for(article: Article) -> Settings:
            return settings

        first = settings
    result = CheckResult(config_path=first.config_path)
    pending: deque = deque()  # the items read but not yet analysed (a batch with -j)

    def read() -> Iterator:
        for item in iter_articles(list(paths), outlet=outlet, follow_links=follow_links):
            pending.append(item)
            yield item

    # iter_analyses yields exactly one result per item, in order
    for done in iter_analyses(read(), settings_for, jobs):
        item = pending.popleft()
        if isinstance(done, IngestError):
            if not isinstance(item, IngestError) and done.kind in _NOTHING_TO_CHECK:
                result.skipped.append((done.source, "no prose to check"))
                continue
            if isinstance(item, IngestError) and done.kind == EmptyInputError.kind:
                result.skipped.append((done.source, "empty file"))
                continue
            result.errors.append((done.source, done.reason))
            if on_error:
                on_error(done.source, done.reason)
            continue
        checked = check_analysis(item, done, settings_for(item))
        result.add(checked, keep)
        if on_file:
            on_file(checked)
    return result
