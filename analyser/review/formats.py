"""Printing a :class:`~.check.CheckResult`: text (``path:line:col: CODE message``), JSON
(schema ``analyser.check/1``, documented in docs/review.md) and GitHub workflow commands."""

from __future__ import annotations

import json
import math
from typing import IO, Any

from ..version import RULESET_VERSION, __version__
from .check import CheckResult, FileResult

SCHEMA = "analyser.check/1"
FORMATS = ("text", "json", "github")
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "suggestion": "notice"}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_line(result: CheckResult) -> str:
    """"N findings (E errors, W warnings, S suggestions) in F files; T thresholds exceeded"."""
    s = result.summary
    line = (
        f"{_plural(s['findings'], 'finding')} ({_plural(s['errors'], 'error')}, "
        f"{_plural(s['warnings'], 'warning')}, {_plural(s['suggestions'], 'suggestion')}) "
        f"in {_plural(s['files'], 'file')}; "
        f"{s['thresholds_exceeded']} threshold{'' if s['thresholds_exceeded'] == 1 else 's'} "
        "exceeded"
    )
    if s["input_errors"]:
        line += f"; {_plural(s['input_errors'], 'input')} could not be checked"
    return line


def text_lines(result: CheckResult) -> list[str]:
    """One line per threshold breach and finding, then the summary line."""
    return [*(line for f in result.files for line in file_text_lines(f)),
            summary_line(result)]


def file_text_lines(f: FileResult) -> list[str]:
    """One file's lines: its threshold breaches, then its findings."""
    out = [f"{f.path}:1:1: {b.code} {b.message}" for b in f.thresholds]
    out += [f"{f.path}:{x.line}:{x.column}: {x.code} {x.message}" for x in f.findings]
    return out


def statistics_lines(result: CheckResult) -> list[str]:
    """Counts per code, most frequent first (like ``ruff check --statistics``)."""
    return [f"{n:>5}  {code}  {name:<32} {level}"
            for (code, name, level), n in sorted(result.codes.items(),
                                                 key=lambda kv: (-kv[1], kv[0]))]


def _clean_number(v: Any) -> Any:
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


def as_json(result: CheckResult) -> dict[str, Any]:
    """The ``analyser.check/1`` document."""
    return {**_json_head(result), "files": [file_json(f) for f in result.files],
            **_json_tail(result)}


def _json_head(result: CheckResult) -> dict[str, Any]:
    return {"schema": SCHEMA, "version": __version__, "ruleset_version": RULESET_VERSION,
            "config": result.config_path}


def _json_tail(result: CheckResult) -> dict[str, Any]:
    return {
        "errors": [{"path": p, "message": m} for p, m in result.errors],
        "skipped": [{"path": p, "reason": r} for p, r in result.skipped],
        "summary": result.summary,
    }


def file_json(f: FileResult) -> dict[str, Any]:
    """One file's entry in the ``files`` list of the JSON document."""
    return {
        "path": f.path,
        "id": f.id,
        "outlet": f.outlet,
        "title": f.title,
        "config": f.config_path,
        "scores": {k: _clean_number(v) for k, v in f.scores.items()},
        "thresholds": [b.as_dict() for b in f.thresholds],
        "findings": [x.as_dict() for x in f.findings],
        "suppressed": f.suppressed,
    }


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def github_lines(result: CheckResult) -> list[str]:
    """GitHub Actions workflow commands: one annotation per breach and finding."""
    return [*(line for f in result.files for line in file_github_lines(f)),
            summary_line(result)]


def file_github_lines(f: FileResult) -> list[str]:
    """One file's workflow commands."""
    out: list[str] = []
    path = _escape_prop(f.path)
    for b in f.thresholds:
        level = _GITHUB_LEVEL.get(b.level, "warning")
        out.append(f"::{level} file={path},line=1,col=1,title={b.code}::"
                   f"{_escape_data(b.message)}")
    for x in f.findings:
        level = _GITHUB_LEVEL.get(x.level, "warning")
        out.append(
            f"::{level} file={path},line={x.line},col={x.column},endLine={x.end_line},"
            f"endColumn={x.end_column},title={_escape_prop(x.code)}::"
            f"{_escape_data(x.message)}"
        )
    return out


class StreamPrinter:
    """Prints ``check``'s output a file at a time, as :func:`render` would print it whole:
    :meth:`file` for each file's result as it is made, then :meth:`finish`."""

    def __init__(self, fmt: str, out: IO[str], *, statistics: bool = False,
                 config_path: str | None = None) -> None:
        self.fmt, self.out, self.statistics = fmt, out, statistics
        self.first = True
        self.tail = ""
        if fmt == "json":  # the document up to its files list; the rest at the end
            marker = "\0files\0"
            head = json.dumps({**_json_head(CheckResult(config_path=config_path)),
                               "files": marker}, ensure_ascii=False, indent=2)
            before, self.tail = head.split(json.dumps(marker))
            out.write(before + "[")

    def file(self, f: FileResult) -> None:
        if self.fmt == "json":
            text = json.dumps(file_json(f), ensure_ascii=False, indent=2)
            self.out.write(("\n    " if self.first else ",\n    ")
                           + text.replace("\n", "\n    "))
        elif not (self.statistics and self.fmt == "text"):
            lines = file_github_lines(f) if self.fmt == "github" else file_text_lines(f)
            self.out.writelines(line + "\n" for line in lines)
        self.first = False

    def finish(self, result: CheckResult) -> None:
        if self.fmt == "json":
            tail = json.dumps(_json_tail(result), ensure_ascii=False, indent=2)
            self.out.write(("]" if self.first else "\n  ]") + self.tail[:-2] + ",\n"
                           + tail[2:] + "\n")
        elif self.statistics and self.fmt == "text":
            self.out.write("\n".join([*statistics_lines(result), summary_line(result)]) + "\n")
        else:
            self.out.write(summary_line(result) + "\n")


def render(result: CheckResult, fmt: str, statistics: bool = False) -> str:
    """The whole output of ``check`` in one of :data:`FORMATS` (``statistics``: counts per
    code instead of one line per finding, for the text format)."""
    if statistics and fmt == "text":
        return "\n".join([*statistics_lines(result), summary_line(result)])
    if fmt == "json":
        return json.dumps(as_json(result), ensure_ascii=False, indent=2)
    if fmt == "github":
        return "\n".join(github_lines(result))
    return "\n".join(text_lines(result))
