"""The command line's inputs, as an attacker or an unlucky user gives them: file names
with line breaks, escapes, Unicode and leading dashes, bytes that are not UTF-8, many
inputs, the same input twice, and standard input of every kind. Outputs are the output
writer's tests (tests/test_cli.py and its neighbours); these are about inputs."""

from __future__ import annotations

import io
import json
import os
import sys

import pytest

from analyser.cli import main
from analyser.errors import EXIT_OK, EXIT_USAGE

PROSE = ("The minister said the plan was really done. It was, you know, a long day for "
         "the team in the capital, and officials agreed.\n")
#: Names a file can have on Linux that break naive handling (printed, split, parsed).
HOSTILE_NAMES = [
    "new\nline.txt", "tab\tname.txt", "space name.txt", "ümlaut.txt", "日本語.md",
    "\u202eevil.txt", "emoji🙂.txt", "quote'\".txt", "$(reboot).txt", "*.txt", "%{y}.html",
    "<img src=x onerror=alert(1)>.txt", "a" * 240 + ".txt", "semi;colon.txt", "back\\slash.txt",
    "CR\rname.txt", "zero\u200bwidth.txt", "nbsp\u00a0.txt",
]
DASHED = ["-rf.txt", "--help.txt", "-.txt", "--.txt", "-o.txt"]


def page(name: str) -> str:
    """A readable article for a file of this name (an HTML page for .html)."""
    if name.endswith(".html"):
        return f"<html><body><article><p>{PROSE}</p><p>{PROSE}</p></article></body></html>"
    return PROSE


def score_json(argv: list[str], capsys) -> tuple[int, list[dict], str]:
    status = main(["score", "--format", "json", *argv])
    out = capsys.readouterr()
    return status, json.loads(out.out) if out.out.strip() else [], out.err


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_hostile_file_name_is_read_and_named_as_given(tmp_path, capsys, name):
    path = tmp_path / name
    path.write_text(page(name), encoding="utf-8")
    status, rows, err = score_json([str(path)], capsys)
    assert status == EXIT_OK, err
    assert [r["source"] for r in rows] == [str(path)]


def test_names_with_leading_dashes_after_the_separator_or_a_folder(tmp_path, capsys,
                                                                     monkeypatch):
    for name in DASHED:
        (tmp_path / name).write_text(PROSE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, rows, err = score_json(["--", *DASHED], capsys)
    assert status == EXIT_OK, err
    assert [r["source"] for r in rows] == DASHED
    status, rows, err = score_json([f"./{n}" for n in DASHED], capsys)
    assert status == EXIT_OK, err
    assert len(rows) == len(DASHED)


def test_a_dashed_name_without_the_separator_is_a_usage_error(tmp_path, capsys, monkeypatch):
    (tmp_path / "-x.txt").write_text(PROSE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["score", "-x.txt"]) == EXIT_USAGE
    assert "-x.txt" in capsys.readouterr().err


def test_a_folder_of_hostile_names(tmp_path, capsys):
    for i, name in enumerate(HOSTILE_NAMES + DASHED):
        sub = tmp_path / ("sub\nfolder" if i % 2 else "🙂 outlet")
        sub.mkdir(exist_ok=True)
        (sub / name).write_text(page(name), encoding="utf-8")
    status, rows, err = score_json([str(tmp_path)], capsys)
    assert status == EXIT_OK, err
    assert len(rows) == len(HOSTILE_NAMES + DASHED)
    assert {r["outlet"] for r in rows} == {"sub\nfolder", "🙂 outlet"}
    assert len({r["id"] for r in rows}) == len(rows)


def test_many_inputs_and_the_same_input_twice(tmp_path, capsys):
    paths = []
    for i in range(150):
        path = tmp_path / f"page{i:03}.txt"
        path.write_text(PROSE.replace("minister", f"minister {i}"), encoding="utf-8")
        paths.append(str(path))
    status, rows, err = score_json([*paths, paths[0], paths[0]], capsys)
    assert status == EXIT_OK, err
    assert len(rows) == 152
    assert len({r["id"] for r in rows}) == 152  # the repeats get their own ids


@pytest.mark.parametrize("data", [
    b"", b"   \n\t", b"\xef\xbb\xbf", b"\x00\x01\x02binary" * 100, bytes(range(256)) * 4,
    b"\xff\xfe" + PROSE.encode("utf-16-le"), PROSE.encode("utf-32"),
    PROSE.encode("cp1252") + b"\x93quoted\x94 caf\xe9.", PROSE.encode() * 300,
    b"<html><body><nav>Home</nav><p>" + PROSE.encode() + b"</p></body></html>",
    b"<" + b"<div>" * 400 + PROSE.encode(), PROSE.replace("\n", "\r").encode() * 3,
    "\u202e\u200b%{y} {{x}} <script>alert(1)</script>".encode() + PROSE.encode(),
], ids=lambda d: repr(d[:12]))
@pytest.mark.parametrize("command", ["score", "check", "extract"])
def test_stdin_of_every_kind(monkeypatch, capsys, data, command):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    status = main([command, "-"])
    err = capsys.readouterr().err
    assert status in (EXIT_OK, 1, EXIT_USAGE), err
    for line in err.splitlines():
        assert line.startswith("analyser: "), err
    if status == EXIT_USAGE:
        assert "<stdin>" in err


def test_stdin_twice_reads_it_once(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PROSE.encode())))
    status, rows, err = score_json(["-", "-"], capsys)
    assert len(rows) == 1 and rows[0]["source"] == "<stdin>"
    assert status == EXIT_USAGE and err.count("\n") == 1 and "<stdin>: empty file" in err


def test_url_like_and_odd_paths_are_refused_in_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    odd = ["ftp://example.com/a.txt", "file:///etc/passwd", "javascript:alert(1)",
           "data:text/html,<p>x</p>", "http:/one-slash", "/nonexistent/\u202e.txt",
           "no\x7fdel.txt", "C:\\Windows\\a.txt", "sub/../../x.txt", "\u2028.txt"]
    status = main(["score", *odd])
    err = capsys.readouterr().err.rstrip("\n").split("\n")
    assert status == EXIT_USAGE
    assert all(line.startswith("analyser: error: ") for line in err)
    # one line per input, then one saying nothing was written (no header-only table)
    assert len(err) == len(odd) + 1 and "nothing written" in err[-1]


def _input_lines(err: str) -> str:
    """Standard error without score's closing "nothing written" line."""
    return "".join(ln for ln in err.splitlines(keepends=True) if "nothing written" not in ln)


# --- what the command line got wrong (issue 17) (issue 17; the marks come off with the fix) ---

def test_an_empty_input_name_is_no_such_file(tmp_path, capsys, monkeypatch):
    (tmp_path / "here.txt").write_text(PROSE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, rows, err = score_json([""], capsys)
    assert status == EXIT_USAGE and rows == []
    assert "no such file" in err


@pytest.mark.parametrize("name", ["new\nline.txt", "esc\x1b[31mred.txt", "CR\rname.txt"])
def test_an_error_line_names_a_hostile_input_in_one_escaped_line(tmp_path, capsys, name):
    path = tmp_path / name
    path.write_bytes(b"")
    assert main(["score", str(path)]) == EXIT_USAGE
    err = _input_lines(capsys.readouterr().err)
    assert err.count("\n") == 1 and err.endswith(": empty file\n")
    assert not any(c in err[:-1] for c in "\n\r\x1b"), err


@pytest.mark.parametrize("command", ["score", "check"])
def test_a_name_too_long_for_the_system_is_one_error_line(tmp_path, capsys, monkeypatch,
                                                           command):
    monkeypatch.chdir(tmp_path)
    name = "a" * 300 + ".txt"
    assert main([command, name]) == EXIT_USAGE
    err = _input_lines(capsys.readouterr().err)
    assert err.count("\n") == 1 and err.startswith(f"analyser: error: {name}: ")


@pytest.mark.skipif(sys.platform != "linux", reason="file names as bytes: Linux only")
@pytest.mark.parametrize("command", [["score", "-o", "out.csv"], ["report", "-o", "out.html"],
                                     ["check"]])
def test_a_file_name_that_is_not_utf8(tmp_path, monkeypatch, command):
    name = b"caf\xe9 \xff.txt"
    with open(os.path.join(os.fsencode(tmp_path), name), "wb") as fh:
        fh.write(PROSE.encode())
    monkeypatch.chdir(tmp_path)
    # Python's standard streams under a C or C.UTF-8 locale: undecodable bytes pass through
    for stream in ("stdout", "stderr"):
        monkeypatch.setattr(sys, stream, io.TextIOWrapper(io.BytesIO(), encoding="utf-8",
                                                          errors="surrogateescape"))
    assert main([*command, os.fsdecode(name)]) in (EXIT_OK, 1)
    # the name is shown with its odd bytes as escapes, in every output
    if "-o" in command:
        assert "caf\\xe9 \\xff" in (tmp_path / command[-1]).read_text(encoding="utf-8")
    else:
        sys.stdout.flush()
        assert b"caf\\xe9 \\xff" in sys.stdout.buffer.getvalue()
    assert open(os.path.join(os.fsencode(tmp_path), name), "rb").read() == PROSE.encode()


@pytest.mark.parametrize("command", [["score", "-o", "out.csv"], ["report", "-o", "out.html"],
                                     ["check"]])
def test_a_lone_surrogate_in_a_jsonl_corpus_is_read_as_a_replacement_character(
        tmp_path, monkeypatch, capsys, command):
    # JSON may spell half a UTF-16 pair ("\ud800"); no UTF-8 output can hold it
    text = PROSE.replace("long", "lo\udc00ng")
    row = json.dumps({"id": "one\ud800", "outlet": "x", "text": text})
    assert "\\ud800" in row
    (tmp_path / "corpus.jsonl").write_text(row + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main([*command, "corpus.jsonl"]) in (EXIT_OK, 1)
    out, err = capsys.readouterr()
    assert "error" not in err
    if "-o" in command:
        assert "one\ufffd" in (tmp_path / command[-1]).read_text(encoding="utf-8")
    else:
        assert "corpus.jsonl" in out
