"""docs/review.md runs as written: its ``python`` blocks (in order, one namespace, from the
repository root), its ``console`` commands, and its sample house style."""

from __future__ import annotations

import io
import re
import shlex
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from analyser.cli import main
from analyser.config import load_config_file

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "review.md"
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
_CHECK_LINE = re.compile(r"^(\S+:\d+:\d+: [A-Z]{3}\d{3}) ")


def blocks(lang: str) -> list[str]:
    return [body for kind, body in _FENCE.findall(DOC.read_text(encoding="utf-8"))
            if kind == lang]


def test_python_blocks_run(monkeypatch):
    monkeypatch.chdir(REPO)
    code = blocks("python")
    assert len(code) >= 3
    namespace: dict = {"__name__": "review_doc"}
    for i, block in enumerate(code):
        exec(compile(block, f"{DOC.name} python block {i + 1}", "exec"), namespace)
    assert "fig" in namespace and "by_outlet" in namespace


def _commands() -> list[tuple[str, list[str]]]:
    out = []
    for body in blocks("console"):
        lines = body.splitlines()
        for i, line in enumerate(lines):
            if line.startswith("$ "):
                shown = []
                for nxt in lines[i + 1:]:
                    if nxt.startswith("$ "):
                        break
                    shown.append(nxt)
                out.append((line[2:], shown))
    return out


@pytest.mark.parametrize("command,shown", _commands(), ids=[c for c, _ in _commands()])
def test_console_examples_run_as_written(monkeypatch, command, shown):
    monkeypatch.chdir(REPO)
    argv = shlex.split(command)
    assert argv[0] == "analyser"
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(argv[1:])
    assert status in (0, 1), err.getvalue()
    actual = out.getvalue().splitlines()
    prefixes = {m.group(1) for ln in actual if (m := _CHECK_LINE.match(ln))}
    for line in shown:
        if "…" in line or not line.strip():
            continue
        m = _CHECK_LINE.match(line)
        if m:
            assert m.group(1) in prefixes, line  # same file, line, column and code
        elif re.match(r"^\d+ findings? \(", line):
            assert re.match(r"^\d+ findings? \(\d+ errors?, \d+ warnings?, \d+ suggestions?\) "
                            r"in \d+ files?; \d+ thresholds? exceeded", actual[-1])
        else:
            assert line in actual, line


def test_documented_house_style_is_valid(tmp_path):
    (toml,) = [b for b in blocks("toml") if "[thresholds]" in b]
    shutil.copy(REPO / "docs" / "examples" / "house-rules.toml", tmp_path / "house-rules.toml")
    (tmp_path / "analyser.toml").write_text(toml, encoding="utf-8")
    s = load_config_file(tmp_path / "analyser.toml")
    assert s.levels["FIL"] == "error" and "filler_per_1k" not in s.thresholds
