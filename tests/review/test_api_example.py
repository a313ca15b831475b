"""README.md and docs/review.md run as written: their ``python`` blocks (in order, one
namespace per document, from the repository root), their ``console`` commands with the
output they show, line for line, and the sample house style."""

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
README = REPO / "README.md"
DOCS = (README, DOC)
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
_CHECK_LINE = re.compile(r"^(\S+:\d+:\d+: [A-Z]{3}\d{3}) ")


def blocks(lang: str, doc: Path = DOC) -> list[str]:
    return [body for kind, body in _FENCE.findall(doc.read_text(encoding="utf-8"))
            if kind == lang]


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.name)
def test_python_blocks_run(monkeypatch, doc):
    monkeypatch.chdir(REPO)
    code = blocks("python", doc)
    assert len(code) >= 2
    namespace: dict = {"__name__": "doc_example"}
    for i, block in enumerate(code):
        exec(compile(block, f"{doc.name} python block {i + 1}", "exec"), namespace)
    assert "fig" in namespace
    if doc == DOC:
        assert "by_outlet" in namespace


def _commands() -> list[tuple[str, str, list[str]]]:
    out = []
    for doc in DOCS:
        for body in blocks("console", doc):
            lines = body.splitlines()
            for i, line in enumerate(lines):
                if line.startswith("$ "):
                    shown = []
                    for nxt in lines[i + 1:]:
                        if nxt.startswith("$ "):
                            break
                        shown.append(nxt)
                    out.append((doc.name, line[2:], shown))
    return out


@pytest.mark.parametrize("doc,command,shown", _commands(),
                         ids=[f"{d}: {c}" for d, c, _ in _commands()])
def test_console_examples_run_as_written(monkeypatch, doc, command, shown):
    """Every line the document shows is printed, in the same order (an "…" line stands
    for lines left out); a shown summary line is the last line printed."""
    monkeypatch.chdir(REPO)
    argv = shlex.split(command)
    assert argv[0] == "analyser"
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(argv[1:])
    assert status in (0, 1), err.getvalue()
    actual = out.getvalue().splitlines()
    pos = 0
    for line in shown:
        if line.strip() in ("…", ""):
            continue
        assert line in actual[pos:], f"{doc} shows a line `{command}` does not print: {line}"
        pos = actual.index(line, pos) + 1
        if re.match(r"^\d+ findings? \(", line):
            assert line == actual[-1], "the summary line is the last one printed"


def test_documented_house_style_is_valid(tmp_path):
    (toml,) = [b for b in blocks("toml") if "[thresholds]" in b]
    shutil.copy(REPO / "docs" / "examples" / "house-rules.toml", tmp_path / "house-rules.toml")
    (tmp_path / "analyser.toml").write_text(toml, encoding="utf-8")
    s = load_config_file(tmp_path / "analyser.toml")
    assert s.levels["FIL"] == "error" and "filler_per_1k" not in s.thresholds
